# One target per check. `make test` runs them all; it is the README's test command and what
# .ci/run calls. The machine has two cores: every cargo call builds with -j2.

CARGO ?= cargo
JOBS ?= 2

.PHONY: test fmt-check clippy doc browser-tools test-rust example bench header install c-tools c-lib test-c bench-c \
	python-deps python-install test-python bench-python

## Every check, in the order CI runs them.
test: fmt-check clippy doc test-rust example test-c test-python

## Formatting, as rustfmt.toml says.
fmt-check:
	$(CARGO) fmt --all -- --check

## Lints, warnings denied.
clippy:
	$(CARGO) clippy -j$(JOBS) --workspace --all-targets -- -D warnings

## The API documentation builds without a warning (broken links, bad code blocks).
doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -q -j$(JOBS) --workspace --no-deps

## Chromium for the browser test (crates/styrkort-cli/tests/browser.rs: the HTML report printed
## to A4 PDF and shown 400 px wide), installed with apt-get where missing (CI runs as root on a
## machine with only Rust, gcc and Python); about 30 s the first time, nothing after.
browser-tools:
	@command -v chromium > /dev/null || { \
		echo "browser-tools: installing chromium with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; \
	}

## Unit, integration, property and documentation tests of every crate (the browser test needs
## `make browser-tools`; STYRKORT_SKIP_BROWSER=1 skips it, with a warning).
test-rust: browser-tools
	$(CARGO) test -j$(JOBS) --workspace

## The main job on the bundled example must succeed, and the example's data must pass the
## transcription's own checks (counts, ids, references).
example:
	$(CARGO) run -q -j$(JOBS) -p styrkort-cli -- report --format html > /dev/null
	$(CARGO) run -q -j$(JOBS) -p styrkort-cli -- check > /dev/null
	python3 examples/norrbotten-2020/transcribe.py --check

## Benchmarks (criterion); never part of `test`.
bench:
	$(CARGO) bench -j$(JOBS) -p styrkort

# ---------------------------------------------------------------------------------------------
# The C ABI: libstyrkort.so, libstyrkort.a and include/styrkort.h (bindings/c).

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
C_LIB := target/release
C_OUT := target/c
# What a Rust static library needs from the system (`rustc --print native-static-libs`).
NATIVE_LIBS := -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
C_WARNINGS := -std=c99 -Wall -Wextra -Werror -pedantic
C_SUITE := $(wildcard tests/c/*.c)
VALGRIND := valgrind -q --suppressions=tests/c/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=3

## Regenerate include/styrkort.h from bindings/c on purpose (review the diff); the test suite
## fails while the header differs from what cbindgen makes.
header:
	UPDATE_HEADER=1 $(CARGO) test -q -j$(JOBS) -p styrkort-capi --test header

## valgrind, pkg-config and g++ for the C checks, installed with apt-get where missing (CI runs
## as root on a machine with only Rust, gcc and Python).
c-tools:
	@missing=""; for tool in valgrind pkg-config g++; do command -v $$tool > /dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
		echo "c-tools: installing$$missing with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing > /dev/null; \
	fi

## The release libraries (the C checks, the install and the benchmark use them).
c-lib:
	$(CARGO) build -q --release -j$(JOBS) -p styrkort-capi

## Install the header, both libraries and styrkort.pc under PREFIX (default /usr/local).
install: c-lib
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 include/styrkort.h $(DESTDIR)$(INCLUDEDIR)/styrkort.h
	install -m 644 $(C_LIB)/libstyrkort.a $(DESTDIR)$(LIBDIR)/libstyrkort.a
	install -m 755 $(C_LIB)/libstyrkort.so $(DESTDIR)$(LIBDIR)/libstyrkort.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
		-e 's|@VERSION@|$(VERSION)|' -e 's|@NATIVE_LIBS@|$(NATIVE_LIBS)|' \
		bindings/c/styrkort.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/styrkort.pc

## The C suite (tests/c, C99 with every warning an error) against the release static library:
## plainly, under valgrind memcheck (no leak, no error) and under ASan + UBSan; the header
## included twice in C++; examples/c/report.c built with pkg-config against an installed tree
## and run on the bundled example, under valgrind too.
test-c: c-tools c-lib
	@mkdir -p $(C_OUT)
	$(CC) $(C_WARNINGS) -g -pthread -Iinclude $(C_SUITE) $(C_LIB)/libstyrkort.a $(NATIVE_LIBS) -o $(C_OUT)/styrkort-tests
	$(C_OUT)/styrkort-tests .
	$(VALGRIND) $(C_OUT)/styrkort-tests . > $(C_OUT)/valgrind.log 2>&1 || { cat $(C_OUT)/valgrind.log; exit 1; }
	@tail -n 1 $(C_OUT)/valgrind.log
	$(CC) $(C_WARNINGS) -g -pthread -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
		-Iinclude $(C_SUITE) $(C_LIB)/libstyrkort.a $(NATIVE_LIBS) -o $(C_OUT)/styrkort-tests-sanitized
	$(C_OUT)/styrkort-tests-sanitized . > $(C_OUT)/sanitized.log 2>&1 || { cat $(C_OUT)/sanitized.log; exit 1; }
	@tail -n 1 $(C_OUT)/sanitized.log
	$(CXX) -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude tests/c/double_include.cc $(C_LIB)/libstyrkort.a \
		$(NATIVE_LIBS) -o $(C_OUT)/double-include
	$(C_OUT)/double-include
	rm -rf $(C_OUT)/prefix
	$(MAKE) -s install PREFIX=$(CURDIR)/$(C_OUT)/prefix
	$(CC) $(C_WARNINGS) examples/c/report.c $$(PKG_CONFIG_PATH=$(C_OUT)/prefix/lib/pkgconfig pkg-config --cflags --libs styrkort) -o $(C_OUT)/report
	LD_LIBRARY_PATH=$(C_OUT)/prefix/lib $(VALGRIND) $(C_OUT)/report examples/norrbotten-2020/scorecard-2020.toml \
		examples/norrbotten-2020/observations-2020-DÅ04.csv 2020-DÅ04 $(C_OUT)/rapport.html \
		examples/norrbotten-2020/judgements-2020-DÅ04.toml > $(C_OUT)/report.txt
	grep -q "ett av de 20 strategiska målen helt har uppnåtts" $(C_OUT)/report.txt
	grep -q "<!DOCTYPE html>" $(C_OUT)/rapport.html

## The C ABI's speed on the national data set (never part of `test`): in three rounds on the
## same files, styrkort_assess from C beside the same call in Rust, then every row walked
## through styrkort_report_get.
bench-c: c-lib
	@mkdir -p $(C_OUT)/national
	$(CARGO) build -q --release -j$(JOBS) -p styrkort-capi --example national
	$(CC) -O2 -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude bindings/c/benches/national.c \
		$(C_LIB)/libstyrkort.a $(NATIVE_LIBS) -o $(C_OUT)/national-c
	test -f $(C_OUT)/national/observations.csv || $(C_LIB)/examples/national write $(C_OUT)/national
	for round in 1 2 3; do \
		$(C_LIB)/examples/national assess $(C_OUT)/national 11 && $(C_OUT)/national-c $(C_OUT)/national 11 || exit 1; \
	done

# ---------------------------------------------------------------------------------------------
# The Python package styrkort: the native module from bindings/python, the package in
# python/styrkort, the suite in tests/python; all in a virtual environment under the
# repository (.venv, git-ignored) made with the machine's Python.

PYTHON ?= python3
VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
PIP := $(VENV_PYTHON) -m pip --disable-pip-version-check

$(VENV_PYTHON):
	$(PYTHON) -m venv $(VENV)

## The test dependencies of tests/python/requirements.txt in .venv (pip says what it does;
## nothing to do when they are there).
python-deps: $(VENV_PYTHON)
	$(PIP) install -r tests/python/requirements.txt

## The package as `pip install .` makes it: a release wheel built by maturin (the venv's, on
## PATH for pip's build step), installed into .venv.
python-install: python-deps
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" CARGO_BUILD_JOBS=$(JOBS) $(PIP) install --no-build-isolation --no-deps --force-reinstall .

## The Python suite: golden cases, every input and error, the stubs, pickling, a dask cluster,
## the tour notebook and the README's Python quick start.
test-python: python-install
	$(VENV_PYTHON) -m pytest tests/python

## The Python package against vectorised pandas and a plain loop on 1 000 000 observations
## (never part of `test`).
bench-python: python-install
	$(VENV_PYTHON) benches/python/compare.py
