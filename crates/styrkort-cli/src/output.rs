//! Where a result goes: standard output, or a file (`-o FILE`, `-o -` for standard output).
//!
//! A file is never destroyed: an output that is one of the inputs is refused before anything is
//! read, and the result is written to a temporary file beside the target, flushed to disk and
//! renamed into place, so that a write that fails partway (a full disk) leaves the old file as
//! it was. Every error names the path.

use crate::terminal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The output of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Output {
    /// The output `-o` names (none or `-`: standard output).
    pub fn of(path: Option<&Path>) -> Output {
        match path {
            Some(path) if path != Path::new("-") => Output::File(path.to_owned()),
            _ => Output::Stdout,
        }
    }

    /// The file, if the output is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Output::File(path) => Some(path),
            Output::Stdout => None,
        }
    }

    /// Refuses (exit code 2) an output file that is one of the inputs: the same path, or the
    /// same file under another name (a link).
    pub fn refuse_inputs<'p>(&self, inputs: impl IntoIterator<Item = &'p Path>) -> Result<(), ExitCode> {
        let Output::File(output) = self else { return Ok(()) };
        for input in inputs {
            if same_file(output, input) {
                return Err(terminal::usage(&format!(
                    "-o {} is also an input file: it would be overwritten; write the output to another file",
                    output.display()
                )));
            }
        }
        Ok(())
    }

    /// Writes the text: exit code 0, or 1 (141 for a closed pipe) after a message.
    pub fn write(&self, text: &str) -> ExitCode {
        match self {
            Output::Stdout => terminal::print(text),
            Output::File(path) => match write_beside(path, text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    terminal::error(&format!("cannot write {}: {message}", path.display()));
                    terminal::invalid()
                }
            },
        }
    }
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// Writes bytes to a temporary file in the target's folder and renames it into place.
fn write_beside(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(format!("the folder {} does not exist", folder.display()));
    }
    let name = path.file_name().ok_or_else(|| "the output needs a file name".to_owned())?;
    let temporary = folder.join(format!(".{}.styrkort-{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        if let Ok(existing) = std::fs::metadata(path) {
            file.set_permissions(existing.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    written.map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        error.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minus_is_standard_output() {
        assert_eq!(Output::of(Some(Path::new("-"))), Output::Stdout);
        assert_eq!(Output::of(None), Output::Stdout);
        assert_eq!(Output::of(Some(Path::new("r.html"))).path(), Some(Path::new("r.html")));
    }
}
