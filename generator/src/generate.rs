//! The main job: a folder of specs → the Rust sources of a crate.

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::emit::{self, Files};
use crate::lint;
use crate::model::Api;
use crate::resolve;
use crate::spec;
use std::path::{Path, PathBuf};

/// What one generation produced.
#[derive(Debug)]
pub struct Generation {
    /// Source files by path relative to the crate's `src/`.
    pub files: Files,
    /// Warnings found on the way (errors make generation fail).
    pub warnings: Diagnostics,
    /// Every spec file and folder read.
    pub inputs: Vec<PathBuf>,
    /// The resolved model the files were emitted from.
    pub api: crate::model::Api,
}

/// Loads, checks and resolves every spec below `spec_dir` (only the given
/// services, if any), then emits the sources. Fails with every error found.
pub fn generate(
    spec_dir: &Path,
    services: &[String],
    command: &str,
) -> Result<Generation, Diagnostics> {
    generate_with_runtime(spec_dir, services, command, None)
}

/// [`generate`], with the generated code reaching the runtime by `runtime`
/// instead of `::docspec_runtime`.
pub fn generate_with_runtime(
    spec_dir: &Path,
    services: &[String],
    command: &str,
    runtime: Option<&emit::RuntimePath>,
) -> Result<Generation, Diagnostics> {
    let resolved = resolve_dir(spec_dir, services)?;
    Ok(Generation {
        files: emit::emit_with_runtime(&resolved.api, command, runtime),
        warnings: resolved.warnings,
        inputs: resolved.inputs,
        api: resolved.api,
    })
}

/// A spec folder read, checked and resolved: what every exporter starts from.
#[derive(Debug)]
pub struct ResolvedDir {
    /// The model; each operation's `spec_file` is relative to the spec folder.
    pub api: Api,
    /// The specs it was resolved from (paths as read, not relative).
    pub specs: Vec<spec::LoadedSpec>,
    /// The resolver's and the linter's warnings, sorted.
    pub warnings: Diagnostics,
    /// Every spec file and folder read.
    pub inputs: Vec<PathBuf>,
}

/// Loads, checks and resolves every spec below `spec_dir` (only the given
/// services, if any). Fails with every error found.
pub fn resolve_dir(spec_dir: &Path, services: &[String]) -> Result<ResolvedDir, Diagnostics> {
    let loaded = spec::load_dir(spec_dir);
    let mut diagnostics = loaded.diagnostics;
    let specs: Vec<spec::LoadedSpec> = loaded
        .specs
        .into_iter()
        .filter(|s| services.is_empty() || services.contains(&s.spec.service))
        .collect();
    if specs.is_empty() && !diagnostics.has_errors() {
        diagnostics.push(Diagnostic::error(
            Location::file(spec_dir),
            match services {
                [] => "no spec files (*.yaml) in this folder".to_owned(),
                _ => format!("no spec files for the service(s) {}", services.join(", ")),
            },
        ));
    }
    let mut resolved = match resolve::resolve(&specs) {
        Ok(resolved) if !diagnostics.has_errors() => resolved,
        Ok(resolved) => {
            diagnostics.extend(resolved.diagnostics);
            return Err(diagnostics.sorted());
        }
        Err(errors) => {
            diagnostics.extend(errors);
            return Err(diagnostics.sorted());
        }
    };
    diagnostics.extend(resolved.diagnostics);
    let service_files: Vec<_> = loaded
        .services
        .into_iter()
        .filter(|f| services.is_empty() || services.contains(&f.service))
        .collect();
    resolve::regions::attach(&service_files, &mut resolved.api, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    // The linter's cross-checks (examples against tables, missing and unused
    // tables) are warnings of their own: the resolver does not report them.
    diagnostics.extend(lint::cross_check_all(&specs, &resolved.api));
    // Headers name specs relative to the spec folder, so that output does not
    // depend on where the folder is (a build script sees an absolute path).
    for service in &mut resolved.api.services {
        for operation in &mut service.operations {
            if let Ok(relative) = operation.spec_file.strip_prefix(spec_dir) {
                operation.spec_file = relative.to_owned();
            }
        }
    }
    Ok(ResolvedDir {
        api: resolved.api,
        specs,
        warnings: diagnostics.sorted(),
        inputs: loaded.inputs,
    })
}

impl Generation {
    /// Makes `lib.rs` the root of the crate named `crate_name`: with the
    /// front page, whose example names the crate. (Build scripts `include!`
    /// the plain `lib.rs`, which can hold no inner doc.)
    pub fn for_crate(&mut self, crate_name: &str, command: &str) {
        let root = match self.files.get(Path::new("lib.rs")) {
            Some(plain) => emit::crate_root_with_front_page(&self.api, crate_name, command, plain),
            None => emit::crate_root(&self.api, Some(crate_name), command, None),
        };
        self.files.insert(PathBuf::from("lib.rs"), root);
    }

    /// As [`Generation::for_crate`], for the crate in `crate_dir`, named by its `Cargo.toml`.
    pub fn for_crate_dir(&mut self, crate_dir: &Path, command: &str) -> std::io::Result<()> {
        let name = crate_package_name(crate_dir)?;
        self.for_crate(&name, command);
        Ok(())
    }
}

/// The example programs for the crate in `crate_dir` (by path relative to its
/// `examples/`): they name the library by the package name in its `Cargo.toml`.
pub fn example_files(
    generation: &Generation,
    crate_dir: &Path,
    command: &str,
) -> std::io::Result<Files> {
    let name = crate_package_name(crate_dir)?;
    Ok(emit::emit_examples(&generation.api, &name, command))
}

/// The package name in `crate_dir/Cargo.toml`.
fn crate_package_name(crate_dir: &Path) -> std::io::Result<String> {
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml"))?;
    package_name(&manifest).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{}: no [package] name",
                crate_dir.join("Cargo.toml").display()
            ),
        )
    })
}

/// The `name` of a manifest's `[package]` table.
fn package_name(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if let Some(value) = line.strip_prefix("name").map(str::trim_start) {
            if in_package {
                let value = value.strip_prefix('=')?.trim();
                return Some(value.trim_matches('"').to_owned());
            }
        }
    }
    None
}

/// The first line every generated file starts with.
pub const GENERATED_MARKER: &str = "// @generated by docspec";

/// Writes `files` below `src_dir`, touching only files whose content
/// changed, and removes generated files (marked by their header) that no
/// spec produces any more. Returns the paths written or removed.
pub fn write_files(src_dir: &Path, files: &Files) -> std::io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for (relative, content) in files {
        let path = src_dir.join(relative);
        if std::fs::read(&path).is_ok_and(|old| old == content.as_bytes()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, content)?;
        changed.push(path);
    }
    for orphan in orphans(src_dir, files)? {
        std::fs::remove_file(&orphan)?;
        changed.push(orphan);
    }
    Ok(changed)
}

/// Generated files below `src_dir` that `files` does not contain.
pub fn orphans(src_dir: &Path, files: &Files) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    if src_dir.is_dir() {
        collect_generated(src_dir, src_dir, files, &mut found)?;
    }
    found.sort();
    Ok(found)
}

fn collect_generated(
    root: &Path,
    dir: &Path,
    files: &Files,
    found: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_generated(root, &path, files, found)?;
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(&path).to_owned();
        if path.extension().is_some_and(|e| e == "rs")
            && !files.contains_key(&relative)
            && is_generated(&path)
        {
            found.push(path);
        }
    }
    Ok(())
}

fn is_generated(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| text.starts_with(GENERATED_MARKER))
}

/// The `docspec-runtime` crate that came with this docspec: the default
/// path dependency of a scaffolded crate.
pub const RUNTIME_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/runtime");

/// A `Cargo.toml` for a crate scaffolded around generated sources, with a
/// path dependency on the runtime next to this docspec ([`RUNTIME_DIR`]).
pub fn cargo_toml(crate_name: &str) -> String {
    cargo_toml_with_runtime(crate_name, Path::new(RUNTIME_DIR))
}

/// A `Cargo.toml` for a crate scaffolded around generated sources, with a
/// path dependency on the runtime at `runtime` (a relative path is relative
/// to the crate folder, as cargo reads it), and a dev-dependency on the
/// example tests' support beside it (`example-check`, as in this repository).
pub fn cargo_toml_with_runtime(crate_name: &str, runtime: &Path) -> String {
    let example_check = runtime
        .parent()
        .unwrap_or(Path::new(""))
        .join("example-check");
    let example_check = toml_string(&example_check.to_string_lossy().replace('\\', "/"));
    let runtime = toml_string(&runtime.to_string_lossy().replace('\\', "/"));
    format!(
        r#"[package]
name = "{crate_name}"
version = "0.1.0"
edition = "2021"
description = "API types and requests generated by docspec"

[lib]
# Doc comments quote the API pages; they are prose, never code to run.
doctest = false

[features]
default = ["transport"]
transport = ["docspec-runtime/transport"]

[dependencies]
# Validation, the JSON wire format, request building and (with the
# `transport` feature) the async client, shared by every crate docspec generates.
docspec-runtime = {{ path = {runtime}, default-features = false }}
http = "1"
serde = "1"
serde_json = "1"

[dev-dependencies]
# The example tests check the pages' payloads with it (test support: a crate
# of its own, so that `cargo test` builds the runtime and this library once).
docspec-example-check = {{ path = {example_check} }}

# A crate of its own, even when generated inside another workspace's folder.
[workspace]

# Generated code is regenerated whole, never edited, so incremental caches
# save no time; with full debug info they would be most of the target
# folder (gigabytes for a large service). Backtraces keep file and line.
[profile.dev]
debug = "line-tables-only"
incremental = false
"#
    )
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
