//! The README's C quick start is `examples/c/report.c`, the program `make test` builds against
//! an installed tree and runs.

#[test]
fn the_c_quick_start_is_the_example_program() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let program = std::fs::read_to_string(root.join("examples/c/report.c")).expect("examples/c/report.c");
    let section = readme.split("## C quick start").nth(1).expect("a C quick start");
    let block = section.split("```c\n").nth(1).and_then(|rest| rest.split("```").next()).expect("a C block");
    assert!(block == program, "the C quick start of README.md differs from examples/c/report.c: copy the program");
}
