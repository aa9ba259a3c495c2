//! Reading spec files from disk.

use super::service_file::{self, LoadedServiceFile};
use super::{SourceMap, Spec};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use std::path::{Path, PathBuf};

/// A spec as read from one file, with the positions of its nodes.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The path as given (relative paths stay relative, so messages match what the user typed).
    pub path: PathBuf,
    pub spec: Spec,
    pub source_map: SourceMap,
}

impl LoadedSpec {
    /// The location of a node of this spec, by JSON pointer.
    pub fn locate(&self, pointer: &str) -> Location {
        let (line, column) = self.source_map.position(pointer);
        Location::new(&self.path, line, column)
    }

    pub fn locate_table(&self, table: usize) -> Location {
        self.locate(&format!("/tables/{table}"))
    }

    pub fn locate_row(&self, table: usize, row: usize) -> Location {
        self.locate(&format!("/tables/{table}/rows/{row}"))
    }

    pub fn locate_cell(&self, table: usize, row: usize, key: &str) -> Location {
        self.locate(&format!("/tables/{table}/rows/{row}/{key}"))
    }
}

/// Parses the text of one spec file. `path` is used in messages only.
pub fn parse_str(path: &Path, text: &str) -> Result<LoadedSpec, Diagnostics> {
    if let Some((spec, positions)) = super::canonical::read(text) {
        return Ok(LoadedSpec {
            path: path.to_owned(),
            spec,
            source_map: SourceMap::read(positions),
        });
    }
    match serde_yaml::from_str::<Spec>(text) {
        Ok(spec) => Ok(LoadedSpec {
            path: path.to_owned(),
            spec,
            source_map: SourceMap::build(text),
        }),
        Err(err) => {
            // Where the YAML reads, every part that does not fit is reported, not only the first.
            if let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) {
                let mistakes = super::mistakes::shape_mistakes(path, text, &value);
                if !mistakes.is_empty() {
                    return Err(Diagnostics::from_iter(mistakes));
                }
            }
            let location = match err.location() {
                Some(l) => Location::new(path, l.line(), l.column()),
                None => Location::file(path),
            };
            // serde_yaml appends " at line L column C"; the location already says it.
            let message = err.to_string();
            let message = match message.find(" at line ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            };
            Err(Diagnostics::from_iter([Diagnostic::error(
                location,
                format!("not a valid spec: {message}"),
            )
            .with_hint("see spec/README.md for the format")]))
        }
    }
}

/// Reads one spec file.
pub fn load_file(path: &Path) -> Result<LoadedSpec, Diagnostics> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse_str(path, &text),
            Err(e) => Err(Diagnostics::from_iter([Diagnostic::error(
                Location::file(path),
                format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )])),
        },
        Err(e) => Err(Diagnostics::from_iter([Diagnostic::error(
            Location::file(path),
            format!("cannot read the file: {e}"),
        )])),
    }
}

/// What reading a folder of specs gave.
#[derive(Debug, Default)]
pub struct LoadedDir {
    /// The specs that parsed, sorted by path.
    pub specs: Vec<LoadedSpec>,
    /// Every file and folder read, for build scripts' `rerun-if-changed`.
    pub inputs: Vec<PathBuf>,
    pub diagnostics: Diagnostics,
    /// The service files (`<service>/service.yaml`) that parsed, sorted by path.
    pub services: Vec<LoadedServiceFile>,
}

/// Reads every `*.yaml` / `*.yml` file below `dir`, in a stable order.
/// Files that fail to parse are reported and skipped, so that all errors of
/// all files come out of one run.
pub fn load_dir(dir: &Path) -> LoadedDir {
    let mut out = LoadedDir::default();
    let mut files = Vec::new();
    if let Err(e) = collect(dir, &mut files, &mut out.inputs) {
        out.diagnostics.push(Diagnostic::error(
            Location::file(dir),
            format!("cannot read the spec folder {}: {e}", dir.display()),
        ));
        return out;
    }
    files.sort();
    for file in files {
        match load_file(&file) {
            Ok(spec) => out.specs.push(spec),
            Err(d) => out.diagnostics.extend(d),
        }
    }
    // A service file is no operation: `collect` leaves it out, and it is read here.
    let folders: Vec<PathBuf> = out.inputs.iter().filter(|p| p.is_dir()).cloned().collect();
    for folder in folders {
        let path = folder.join(service_file::FILE_NAME);
        if path.is_file() {
            out.inputs.push(path.clone());
            match service_file::load(&path) {
                Ok(file) => out.services.push(file),
                Err(d) => out.diagnostics.extend(d),
            }
        }
    }
    out
}

pub(super) fn collect(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    inputs: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    inputs.push(dir.to_owned());
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect(&path, files, inputs)?;
        } else if entry.file_name() == service_file::FILE_NAME {
            continue;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            inputs.push(path.clone());
            files.push(path);
        }
    }
    Ok(())
}
