//! The library API for build scripts, in the style of prost-build's `Config`:
//!
//! ```no_run
//! // build.rs, in `fn main()`:
//! let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
//! if let Err(e) = docspec::Builder::new().spec_dir("spec").service("sms").generate_to(out_dir) {
//!     panic!("{e}");
//! }
//! ```
//!
//! and in `src/lib.rs`: `include!(concat!(env!("OUT_DIR"), "/lib.rs"));`

use crate::diagnostic::Diagnostics;
use crate::emit::{Files, RuntimePath, DEFAULT_COMMAND};
use crate::generate::{generate_with_runtime, write_files};
use std::fmt;
use std::path::{Path, PathBuf};

/// Settings for one generation from a build script.
#[derive(Debug, Clone)]
pub struct Builder {
    spec_dir: PathBuf,
    services: Vec<String>,
    rerun_if_changed: bool,
    command: String,
    runtime_path: Option<String>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// Specs from `spec/`, every service, with `cargo:rerun-if-changed` lines.
    pub fn new() -> Self {
        Builder {
            spec_dir: PathBuf::from("spec"),
            services: Vec::new(),
            rerun_if_changed: true,
            command: DEFAULT_COMMAND.to_owned(),
            runtime_path: None,
        }
    }

    /// The spec folder (relative paths are relative to the build script's working directory, the package root).
    pub fn spec_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.spec_dir = dir.into();
        self
    }

    /// Generates only this service; call again for more. Default: every service.
    pub fn service(mut self, name: impl Into<String>) -> Self {
        self.services.push(name.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` for every spec file and folder read (default: on).
    ///
    /// Once a build script prints any such line, cargo reruns it only for the
    /// listed paths. Turn this off when the build script does more than
    /// generate and relies on cargo's default of rerunning on any change.
    pub fn emit_rerun_if_changed(mut self, on: bool) -> Self {
        self.rerun_if_changed = on;
        self
    }

    /// The command named in generated files' headers (default: `docspec generate`).
    pub fn command(mut self, command: impl Into<String>) -> Self {
        self.command = command.into();
        self
    }

    /// The Rust path by which the generated code reaches the `docspec-runtime`
    /// crate (default: `::docspec_runtime`). For a crate that depends on the
    /// runtime under another name (`rt = { package = "docspec-runtime", ... }`
    /// gives `::rt`) or reaches it through a crate that re-exports it
    /// (`::my_sdk::docspec_runtime`); `crate::...` works too. It must be an
    /// absolute path: generation fails with [`BuildError::RuntimePath`] otherwise.
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = Some(path.into());
        self
    }

    /// Generates the sources in memory.
    pub fn generate(&self) -> Result<Files, BuildError> {
        let runtime = self
            .runtime_path
            .as_deref()
            .map(RuntimePath::parse)
            .transpose()
            .map_err(BuildError::RuntimePath)?;
        let generation = generate_with_runtime(
            &self.spec_dir,
            &self.services,
            &self.command,
            runtime.as_ref(),
        );
        // Inputs are known even when the specs have errors: a build script
        // must rerun once the user fixes them.
        let generation = match generation {
            Ok(generation) => generation,
            Err(diagnostics) => {
                if self.rerun_if_changed {
                    self.print_rerun_for_dir();
                }
                return Err(BuildError::Spec(diagnostics));
            }
        };
        if self.rerun_if_changed {
            for input in &generation.inputs {
                println!("cargo:rerun-if-changed={}", input.display());
            }
        }
        for warning in generation.warnings.iter() {
            println!("cargo:warning={}", warning.to_string().replace('\n', " "));
        }
        Ok(generation.files)
    }

    /// Generates into `out_dir` (normally `OUT_DIR`), writing only files whose
    /// content changed so that an unchanged spec costs no recompilation.
    /// The crate root is `out_dir/lib.rs`.
    pub fn generate_to(&self, out_dir: impl AsRef<Path>) -> Result<(), BuildError> {
        let out_dir = out_dir.as_ref();
        let files = self.generate()?;
        write_files(out_dir, &files).map_err(|source| BuildError::Write {
            dir: out_dir.to_owned(),
            source,
        })?;
        Ok(())
    }

    fn print_rerun_for_dir(&self) {
        let loaded = crate::spec::load_dir(&self.spec_dir);
        for input in loaded.inputs {
            println!("cargo:rerun-if-changed={}", input.display());
        }
    }
}

/// Why a build-script generation failed; prints well from `panic!("{e}")`.
#[derive(Debug)]
pub enum BuildError {
    /// The specs have errors: every one, with file:line, table and row.
    Spec(Diagnostics),
    /// The path given to [`Builder::runtime_path`] is not an absolute module path: why.
    RuntimePath(String),
    Write {
        dir: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Spec(diagnostics) => {
                write!(f, "docspec: the specs have errors:\n{diagnostics}")
            }
            BuildError::RuntimePath(reason) => write!(f, "docspec: runtime_path: {reason}"),
            BuildError::Write { dir, source } => {
                write!(
                    f,
                    "docspec: cannot write the generated sources to {}: {source}",
                    dir.display()
                )
            }
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Spec(diagnostics) => Some(diagnostics),
            BuildError::RuntimePath(_) => None,
            BuildError::Write { source, .. } => Some(source),
        }
    }
}
