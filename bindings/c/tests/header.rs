//! `include/styrkort.h` is what cbindgen makes of this crate with `cbindgen.toml`, byte for
//! byte, and its version macros are the crate's version. `UPDATE_HEADER=1` (`make header`)
//! rewrites the header instead of comparing; review the diff.

use std::path::{Path, PathBuf};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn header_path() -> PathBuf {
    crate_dir().join("../../include/styrkort.h")
}

fn generate() -> String {
    let config = cbindgen::Config::from_file(crate_dir().join("cbindgen.toml")).expect("bindings/c/cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir())
        .with_config(config)
        .generate()
        .expect("cbindgen reads the crate");
    let mut header = Vec::new();
    bindings.write(&mut header);
    String::from_utf8(header).expect("the header is UTF-8")
}

#[test]
fn the_checked_in_header_is_generated_from_the_crate() {
    let generated = generate();
    if std::env::var_os("UPDATE_HEADER").is_some() {
        std::fs::write(header_path(), &generated).expect("writes include/styrkort.h");
    }
    let checked_in = std::fs::read_to_string(header_path()).unwrap_or_default();
    assert!(
        checked_in == generated,
        "include/styrkort.h is not what cbindgen makes of bindings/c: run `make header` and review the diff"
    );
}

#[test]
fn the_version_macros_are_the_crates_version() {
    // The generated text: the other test holds the checked-in header to it.
    let header = generate();
    let define = |name: &str| -> String {
        let prefix = format!("#define {name} ");
        let line = header.lines().find(|line| line.starts_with(&prefix)).unwrap_or_else(|| panic!("{name} defined"));
        line[prefix.len()..].trim().to_owned()
    };
    assert_eq!(define("STYRKORT_VERSION_MAJOR"), env!("CARGO_PKG_VERSION_MAJOR"));
    assert_eq!(define("STYRKORT_VERSION_MINOR"), env!("CARGO_PKG_VERSION_MINOR"));
    assert_eq!(define("STYRKORT_VERSION_PATCH"), env!("CARGO_PKG_VERSION_PATCH"));
}
