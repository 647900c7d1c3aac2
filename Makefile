# One target per check. `make test` runs them all; it is the README's test command and what
# .ci/run calls. The machine has two cores: every cargo call builds with -j2.

CARGO ?= cargo
JOBS ?= 2

.PHONY: test fmt-check clippy doc test-rust example bench

## Every check, in the order CI runs them.
test: fmt-check clippy doc test-rust example

## Formatting, as rustfmt.toml says.
fmt-check:
	$(CARGO) fmt --all -- --check

## Lints, warnings denied.
clippy:
	$(CARGO) clippy -j$(JOBS) --workspace --all-targets -- -D warnings

## The API documentation builds without a warning (broken links, bad code blocks).
doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -q -j$(JOBS) --workspace --no-deps

## Unit, integration, property and documentation tests of every crate.
test-rust:
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
