//! Drift: whether generated sources on disk are what the specs produce now.

use crate::emit::Files;
use crate::generate::{self, Generation};
use crate::Diagnostics;
use similar::TextDiff;
use std::fmt;
use std::path::{Path, PathBuf};

/// How the files on disk differ from what the specs produce.
#[derive(Debug, Default)]
pub struct Drift {
    /// Files whose content differs: path and unified diff (on disk → expected).
    pub stale: Vec<(PathBuf, String)>,
    /// Files the specs produce that are not on disk.
    pub missing: Vec<PathBuf>,
    /// Generated files on disk that no spec produces.
    pub orphans: Vec<PathBuf>,
}

impl Drift {
    pub fn is_clean(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.orphans.is_empty()
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (_, diff) in &self.stale {
            write!(f, "{diff}")?;
        }
        for path in &self.missing {
            writeln!(f, "missing: {} (the specs produce it)", path.display())?;
        }
        for path in &self.orphans {
            writeln!(
                f,
                "orphan: {} (generated, but no spec produces it any more)",
                path.display()
            )?;
        }
        Ok(())
    }
}

/// Compares `files` with what is below `src_dir`.
pub fn compare(src_dir: &Path, files: &Files) -> std::io::Result<Drift> {
    let mut drift = Drift::default();
    for (relative, expected) in files {
        let path = src_dir.join(relative);
        match std::fs::read(&path) {
            Ok(bytes) if bytes == expected.as_bytes() => {}
            Ok(bytes) => {
                let actual = String::from_utf8_lossy(&bytes);
                let name = path.display().to_string();
                let diff = TextDiff::from_lines(actual.as_ref(), expected.as_str())
                    .unified_diff()
                    .context_radius(3)
                    .header(
                        &format!("{name} (on disk)"),
                        &format!("{name} (from the specs)"),
                    )
                    .to_string();
                drift.stale.push((path, diff));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => drift.missing.push(path),
            Err(e) => return Err(e),
        }
    }
    drift.orphans = generate::orphans(src_dir, files)?;
    Ok(drift)
}

/// What `docspec check` found.
#[derive(Debug)]
pub enum CheckOutcome {
    UpToDate(Generation),
    Stale(Generation, Drift),
}

/// Regenerates in memory from `spec_dir` and compares with `src_dir`.
pub fn check(spec_dir: &Path, src_dir: &Path, command: &str) -> Result<CheckOutcome, CheckError> {
    let mut generation = generate::generate(spec_dir, &[], command).map_err(CheckError::Spec)?;
    // Sources inside a crate have its front page; a bare source folder has none.
    if let Some(crate_dir) = src_dir.parent().filter(|d| d.join("Cargo.toml").is_file()) {
        generation
            .for_crate_dir(crate_dir, command)
            .map_err(|source| CheckError::Io {
                path: crate_dir.to_owned(),
                source,
            })?;
    }
    let drift = compare(src_dir, &generation.files).map_err(|source| CheckError::Io {
        path: src_dir.to_owned(),
        source,
    })?;
    Ok(if drift.is_clean() {
        CheckOutcome::UpToDate(generation)
    } else {
        CheckOutcome::Stale(generation, drift)
    })
}

/// Adds to `outcome` the drift of the example programs in `crate_dir/examples`.
pub fn with_examples(
    outcome: CheckOutcome,
    crate_dir: &Path,
    command: &str,
) -> Result<CheckOutcome, CheckError> {
    let (generation, mut drift) = match outcome {
        CheckOutcome::UpToDate(generation) => (generation, Drift::default()),
        CheckOutcome::Stale(generation, drift) => (generation, drift),
    };
    let io = |source| CheckError::Io {
        path: crate_dir.to_owned(),
        source,
    };
    let examples = generate::example_files(&generation, crate_dir, command).map_err(io)?;
    let found = compare(&crate_dir.join("examples"), &examples).map_err(io)?;
    drift.stale.extend(found.stale);
    drift.missing.extend(found.missing);
    drift.orphans.extend(found.orphans);
    Ok(if drift.is_clean() {
        CheckOutcome::UpToDate(generation)
    } else {
        CheckOutcome::Stale(generation, drift)
    })
}

/// Why `docspec check` could not compare.
#[derive(Debug)]
pub enum CheckError {
    /// The specs have errors.
    Spec(Diagnostics),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Spec(diagnostics) => write!(f, "{diagnostics}"),
            CheckError::Io { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for CheckError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CheckError::Spec(diagnostics) => Some(diagnostics),
            CheckError::Io { source, .. } => Some(source),
        }
    }
}
