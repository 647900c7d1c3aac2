//! The files of `check`, `assess` and `report`: each read (a path, or `-` for standard input),
//! decoded, told apart by its content (a plan's `schema` key, a `[[judgements]]` table, a CSV
//! header, the rule settings), and loaded to the end with every problem. Then each later stage
//! runs as far as the earlier ones allow: observations and judgements are checked against the
//! plan when it loads, and on their own when it does not, so that a broken plan hides nothing.

use crate::terminal;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use styrkort::assess::RuleSet;
use styrkort::io::{
    FileKind, Format, ObservationFormat, TextEncoding, check_observations_across, decode, read_judgement_file,
    read_observations_lenient, read_rules, read_scorecard,
};
use styrkort::model::{Analysis, Judgement, Observations, Scorecard};
use styrkort::{Diagnostic, Error};

/// The files a command reads.
#[derive(clap::Args, Default, Debug)]
pub struct FileArgs {
    /// The files: a plan (TOML or JSON), observations (CSV or JSON; `-` reads standard input),
    /// judgements and a rule set, each told apart by its content.
    pub files: Vec<PathBuf>,
    /// Judgement files (TOML or JSON).
    #[arg(long = "judgements", short = 'j')]
    pub judgements: Vec<PathBuf>,
    /// A rule set (TOML or JSON) overriding the defaults.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// The encoding of observation CSV files: auto (UTF-8, UTF-16 with a byte-order mark, else
    /// Windows-1252), utf-8, utf-16le, utf-16be or windows-1252.
    #[arg(long, default_value = "auto", value_parser = clap::builder::ValueParser::new(parse_encoding))]
    pub encoding: TextEncoding,
}

fn parse_encoding(text: &str) -> Result<TextEncoding, String> {
    text.parse().map_err(|error: Error| error.to_string())
}

/// What a file is to the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Plan,
    Observations,
    Judgements,
    Rules,
}

impl Role {
    fn of(kind: FileKind) -> Role {
        match kind {
            FileKind::Scorecard(_) => Role::Plan,
            FileKind::Observations(_) => Role::Observations,
            FileKind::Judgements(_) => Role::Judgements,
            FileKind::Rules(_) => Role::Rules,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Role::Plan => "plan",
            Role::Observations => "observations",
            Role::Judgements => "judgements",
            Role::Rules => "rules",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Role::Plan => "a plan",
            Role::Observations => "observations",
            Role::Judgements => "judgements",
            Role::Rules => "a rule set",
        }
    }

    /// The kind a file of this role has when its content does not say, by its name.
    fn kind(self, path: &Path) -> FileKind {
        match self {
            Role::Plan => FileKind::Scorecard(Format::of_path(path)),
            Role::Observations => FileKind::Observations(ObservationFormat::of_path(path)),
            Role::Judgements => FileKind::Judgements(Format::of_path(path)),
            Role::Rules => FileKind::Rules(Format::of_path(path)),
        }
    }
}

/// A file read and told apart, not yet loaded.
struct Candidate {
    path: PathBuf,
    name: String,
    bytes: Vec<u8>,
    given_as: Option<Role>,
    /// What its content says it is.
    found: Option<FileKind>,
}

/// One file as the command took it.
struct File {
    name: String,
    kind: FileKind,
    text: String,
    /// How the file was taken (its encoding, its role), when that is worth saying.
    notes: Vec<String>,
    /// How many measures, observations or judgements it holds, once read.
    count: Option<usize>,
    problems: Vec<Diagnostic>,
}

/// Everything the files hold, and whether any of them has a problem.
pub struct Loaded {
    /// The plan, when one was given and it loads.
    pub plan: Option<Scorecard>,
    /// The rule set given, or the defaults.
    pub rules: RuleSet,
    /// The observations of every file that reads.
    pub observations: Observations,
    /// The judgements of every file that reads.
    pub judgements: Vec<Judgement>,
    /// The analysis texts of the judgement files that read.
    pub analyses: Vec<Analysis>,
    /// Whether a file has a problem (each is printed already).
    pub failed: bool,
    files: Vec<File>,
}

impl FileArgs {
    /// Whether no file is given.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.judgements.is_empty() && self.rules.is_none()
    }

    fn given(&self) -> impl Iterator<Item = (&PathBuf, Option<Role>)> {
        let files = self.files.iter().map(|path| (path, None));
        let judgements = self.judgements.iter().map(|path| (path, Some(Role::Judgements)));
        files.chain(judgements).chain(self.rules.iter().map(|path| (path, Some(Role::Rules))))
    }

    /// Every input path that names a file, for refusing an output that is one of them.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.given().map(|(path, _)| path.as_path()).filter(|path| *path != Path::new("-"))
    }

    /// Reads, tells apart and loads every file, printing every problem on standard error.
    /// Exit code 2 for files that cannot go together (two plans, a file given as judgements
    /// that is a plan, standard input twice).
    pub fn load(&self) -> Result<Loaded, ExitCode> {
        if self.given().filter(|(path, _)| *path == Path::new("-")).count() > 1 {
            return Err(terminal::usage("standard input (-) can be read only once"));
        }
        let mut unread = Vec::new();
        let mut candidates = Vec::new();
        for (path, given_as) in self.given() {
            let name = if path == Path::new("-") { "<stdin>".to_owned() } else { path.display().to_string() };
            match read(path) {
                Ok(bytes) => {
                    let found = kind_of(&name, &bytes, self.encoding);
                    if let (Some(found), Some(role)) = (found, given_as)
                        && Role::of(found) != role
                    {
                        return Err(terminal::usage(&format!(
                            "{name} is given as {} but its content is {}",
                            role.noun(),
                            Role::of(found).noun()
                        )));
                    }
                    candidates.push(Candidate { path: path.clone(), name, bytes, given_as, found });
                }
                Err(error) => {
                    unread.push(Diagnostic::new(styrkort::Location::file(&name), format!("cannot read: {error}")))
                }
            }
        }
        let files = self.take(candidates)?;
        let mut loaded = Loaded {
            plan: None,
            rules: RuleSet::default(),
            observations: Observations::new(),
            judgements: Vec::new(),
            analyses: Vec::new(),
            failed: !unread.is_empty(),
            files: Vec::new(),
        };
        for diagnostic in &unread {
            terminal::eprint_lines(&diagnostic.to_string());
        }
        loaded.load(files);
        Ok(loaded)
    }

    /// Gives every file its role (a file whose content does not say takes the role of its
    /// place: the first file is the plan when no other is and it is named `.toml` or `.json`; any
    /// other is observations) and its text.
    fn take(&self, candidates: Vec<Candidate>) -> Result<Vec<File>, ExitCode> {
        let has_plan = candidates.iter().any(|c| c.found.map(Role::of) == Some(Role::Plan));
        let mut files = Vec::with_capacity(candidates.len());
        for (position, candidate) in candidates.into_iter().enumerate() {
            let mut notes = Vec::new();
            let kind = match (candidate.found, candidate.given_as) {
                (Some(kind), _) => kind,
                (None, Some(role)) => role.kind(&candidate.path),
                (None, None) => {
                    let extension = candidate.path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
                    let document = matches!(extension.as_deref(), Some("toml" | "json"));
                    let role = if position == 0 && !has_plan && document { Role::Plan } else { Role::Observations };
                    notes.push(format!("taken as {} by its place: its content does not say what it is", role.name()));
                    role.kind(&candidate.path)
                }
            };
            files.push(File::decoded(candidate, kind, self.encoding, notes));
        }
        for role in [Role::Plan, Role::Rules] {
            let names: Vec<&str> = files.iter().filter(|f| Role::of(f.kind) == role).map(|f| f.name.as_str()).collect();
            if names.len() > 1 {
                return Err(terminal::usage(&format!(
                    "{} {} files, {}: give one",
                    names.len(),
                    role.name(),
                    names.join(", ")
                )));
            }
        }
        Ok(files)
    }
}

/// Reads a file, or standard input for `-`.
fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// What a file's content says it is, read as detected, or else as `encoding` says (UTF-16
/// without a byte-order mark).
fn kind_of(name: &str, bytes: &[u8], encoding: TextEncoding) -> Option<FileKind> {
    let read = |encoding| decode(name, bytes, encoding).ok().and_then(|decoded| FileKind::of_text(&decoded.text));
    read(TextEncoding::Auto).or_else(|| if encoding == TextEncoding::Auto { None } else { read(encoding) })
}

impl File {
    /// The file's text: observation CSVs in the encoding asked for (detected by default), TOML
    /// and JSON as UTF-8 (with a byte-order mark's encoding), which they are by definition.
    fn decoded(candidate: Candidate, kind: FileKind, encoding: TextEncoding, mut notes: Vec<String>) -> File {
        let Candidate { name, bytes, .. } = candidate;
        let decoded = match kind {
            FileKind::Observations(ObservationFormat::Csv) => decode(&name, &bytes, encoding),
            _ => match decode(&name, &bytes, TextEncoding::Auto) {
                Ok(decoded) if decoded.fallback => decode(&name, &bytes, TextEncoding::Utf8),
                other => other,
            },
        };
        let (text, problems) = match decoded {
            Ok(decoded) => {
                if decoded.fallback {
                    notes.push(format!("read as {}", decoded.encoding));
                }
                (decoded.text.into_owned(), Vec::new())
            }
            Err(error) => (String::new(), error.into_diagnostics()),
        };
        File { name, kind, text, notes, count: None, problems }
    }

    fn role(&self) -> Role {
        Role::of(self.kind)
    }

    /// `utfall.csv: 120 observations, read as Windows-1252`, `plan.toml: plan, 2 problems`.
    fn line(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let what = match (self.role(), self.count) {
            (Role::Plan, Some(n)) => format!("plan with {}", plural(n, "measure", "measures")),
            (Role::Observations, Some(n)) => plural(n, "observation", "observations"),
            (Role::Judgements, Some(n)) => plural(n, "judgement", "judgements"),
            (role, _) => role.name().to_owned(),
        };
        let mut parts = vec![what];
        parts.extend(self.notes.iter().cloned());
        match self.problems.len() {
            0 => {}
            1 => parts.push("1 problem".to_owned()),
            n => parts.push(format!("{n} problems")),
        }
        format!("{}: {}", self.name, parts.join(", "))
    }
}

impl Loaded {
    /// Loads the files: the plan and the rule set first, then observations and judgements,
    /// checked against the plan when it loads; prints every problem, file by file.
    fn load(&mut self, mut files: Vec<File>) {
        let readable = |file: &File| file.problems.is_empty();
        for file in files.iter_mut().filter(|f| readable(f)) {
            match file.kind {
                FileKind::Scorecard(format) => match read_scorecard(&file.name, &file.text, format) {
                    Ok(plan) => {
                        file.count = Some(plan.measures.len());
                        self.plan = Some(plan);
                    }
                    Err(error) => file.problems.extend(error.into_diagnostics()),
                },
                FileKind::Rules(format) => match read_rules(&file.name, &file.text, format) {
                    Ok(rules) => self.rules = rules,
                    Err(error) => file.problems.extend(error.into_diagnostics()),
                },
                _ => {}
            }
        }
        let plan_given = files.iter().any(|f| f.role() == Role::Plan);
        let plan_failed = files.iter().any(|f| f.role() == Role::Plan && !f.problems.is_empty());
        let plan = self.plan.as_ref();
        let mut sets = Vec::new();
        for file in files.iter_mut().filter(|f| readable(f)) {
            match file.kind {
                FileKind::Observations(format) => {
                    let (observations, problems) = read_observations_lenient(&file.name, &file.text, format, plan);
                    file.count = Some(observations.len());
                    file.problems.extend(problems);
                    sets.push(observations);
                }
                FileKind::Judgements(format) => {
                    // The judgements and the analysis texts beside them.
                    match read_judgement_file(&file.name, &file.text, format, plan) {
                        Ok((judgements, analyses)) => {
                            file.count = Some(judgements.len());
                            self.judgements.extend(judgements);
                            self.analyses.extend(analyses);
                        }
                        Err(error) => file.problems.extend(error.into_diagnostics()),
                    }
                }
                _ => continue,
            }
            if plan_failed {
                file.notes.push("checked on its own: the plan has problems".to_owned());
            } else if !plan_given {
                file.notes.push("checked on its own: no plan given".to_owned());
            }
        }
        if let Some(plan) = plan {
            for diagnostic in check_observations_across(plan, &sets) {
                if let Some(file) = files.iter_mut().find(|f| f.name == diagnostic.location.file) {
                    file.problems.push(diagnostic);
                }
            }
        }
        for observations in sets {
            self.observations.append(observations);
        }
        for file in &mut files {
            file.problems.sort_by_key(|d| (d.location.line, d.location.column, d.location.row));
            for diagnostic in &file.problems {
                terminal::eprint_lines(&diagnostic.to_string());
            }
            self.failed |= !file.problems.is_empty();
        }
        self.files = files;
    }

    /// A line per file: its name, the role it was taken in, what it holds, how it was read,
    /// and its problems.
    pub fn summary(&self) -> String {
        self.files.iter().map(|file| format!("{}\n", file.line())).collect()
    }

    /// What is worth saying even when every file is fine: how a file was read or taken.
    pub fn notes(&self) -> Vec<String> {
        self.files
            .iter()
            .filter(|f| !f.notes.is_empty())
            .map(|f| format!("{}: {}", f.name, f.notes.join(", ")))
            .collect()
    }

    /// Prints, on standard error, a line per file with its role when a file has problems.
    pub fn explain(&self) {
        if self.failed {
            for file in &self.files {
                terminal::error(&file.line());
            }
        } else {
            for note in self.notes() {
                terminal::error(&note);
            }
        }
    }
}
