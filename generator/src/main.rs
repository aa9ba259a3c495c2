//! The `docspec` command line.

use clap::{Parser, Subcommand};
use docspec::check::{self, CheckOutcome};
use docspec::generate;
use docspec::import::{self, ImportOptions};
use docspec::lint;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "docspec",
    version,
    about = "API reference pages → spec YAML → typed, validated Rust code"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the Rust crate sources from the specs.
    Generate {
        /// The spec folder.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// The crate folder; sources go to its src/. Without a Cargo.toml there, one is written.
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// The package name of a crate scaffolded in a folder without Cargo.toml (default: the folder's name).
        #[arg(long)]
        crate_name: Option<String>,
        /// Only these services (repeatable; default: all).
        #[arg(long)]
        service: Vec<String>,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Fail with a diff if the generated sources are not what the specs produce.
    Check {
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Compare two spec files, or two spec folders, in API terms: what changed and whether it breaks clients.
    Diff {
        /// The specs before: a spec file or a folder of specs.
        old: PathBuf,
        /// The specs after: a file if OLD is one, else a folder.
        new: PathBuf,
        /// Print JSON for tools (the structure is documented in docspec::diff).
        #[arg(long)]
        json: bool,
        /// Exit with 1 when a change breaks request builders or response readers.
        #[arg(long)]
        fail_on_breaking: bool,
    },
    /// Read doc pages (HTML or copied text) into spec YAML, keeping hand corrections of existing specs.
    Import {
        /// Pages to import; the operation id defaults to the file name (CreateLoadBalancer.html → CreateLoadBalancer).
        #[arg(required = true)]
        pages: Vec<PathBuf>,
        /// The service the pages belong to (the Rust module name, e.g. elb).
        #[arg(long)]
        service: String,
        /// The operation id, for a single page whose file name is not the id.
        #[arg(long)]
        operation: Option<String>,
        /// The spec folder; each page goes to SPEC_DIR/<service>/<Operation>.yaml.
        #[arg(long, default_value = "spec")]
        out: PathBuf,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Cross-check specs against themselves: examples against tables, references, unused tables.
    Lint {
        /// Spec files, or folders of specs.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work).
        #[arg(long)]
        deny_warnings: bool,
    },
}

/// Exit code for spec errors and failures to read or write.
const FAILURE: u8 = 2;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate {
            spec,
            out,
            crate_name,
            service,
            deny_warnings,
        } => run_generate(&spec, &out, crate_name.as_deref(), &service).exit_code(deny_warnings),
        Command::Check {
            spec,
            out,
            deny_warnings,
        } => run_check(&spec, &out).exit_code(deny_warnings),
        Command::Diff {
            old,
            new,
            json,
            fail_on_breaking,
        } => run_diff(&old, &new, json, fail_on_breaking),
        Command::Lint {
            specs,
            deny_warnings,
        } => run_lint(&specs).exit_code(deny_warnings),
        Command::Import {
            pages,
            service,
            operation,
            out,
            deny_warnings,
        } => run_import(&pages, &service, operation.as_deref(), &out).exit_code(deny_warnings),
    }
}

/// How a command that reports warnings ended. `--deny-warnings` means the
/// same on every command: the work is done and every finding printed as
/// usual, then warnings make the exit code 1 (errors stay 2).
enum Outcome {
    /// Done; this many warnings were printed.
    Done { warnings: usize },
    /// Not done, or not up to date: exit with this code whatever the warnings.
    Failed(u8),
}

impl Outcome {
    fn exit_code(self, deny_warnings: bool) -> ExitCode {
        match self {
            Outcome::Done { warnings } if deny_warnings && warnings > 0 => {
                eprintln!("error: {warnings} warning(s), and --deny-warnings makes them fail");
                ExitCode::from(1)
            }
            Outcome::Done { .. } => ExitCode::SUCCESS,
            Outcome::Failed(code) => ExitCode::from(code),
        }
    }
}

/// The command that regenerates `out` from `spec`, as a user would type it.
fn fix_command(spec: &Path, out: &Path) -> String {
    let mut command = String::from("docspec generate");
    if spec != Path::new("spec") {
        command.push_str(&format!(" --spec {}", spec.display()));
    }
    if out != Path::new("generated") {
        command.push_str(&format!(" --out {}", out.display()));
    }
    command
}

fn run_generate(spec: &Path, out: &Path, crate_name: Option<&str>, services: &[String]) -> Outcome {
    let generation = match generate::generate(spec, services, &fix_command(spec, out)) {
        Ok(generation) => generation,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return Outcome::Failed(FAILURE);
        }
    };
    for warning in generation.warnings.iter() {
        eprintln!("{warning}");
    }
    let warnings = generation.warnings.warnings().count();
    let manifest = out.join("Cargo.toml");
    if !manifest.exists() {
        let name = crate_name.map(str::to_owned).unwrap_or_else(|| {
            out.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "api".to_owned())
        });
        if let Err(e) = std::fs::create_dir_all(out)
            .and_then(|()| std::fs::write(&manifest, generate::cargo_toml(&name)))
        {
            eprintln!("error: cannot write {}: {e}", manifest.display());
            return Outcome::Failed(FAILURE);
        }
        eprintln!("wrote {}", manifest.display());
    }
    match generate::write_files(&out.join("src"), &generation.files) {
        Ok(changed) => {
            for path in &changed {
                eprintln!("updated {}", path.display());
            }
            eprintln!(
                "{} file(s) generated from {}, {} changed",
                generation.files.len(),
                spec.display(),
                changed.len()
            );
            Outcome::Done { warnings }
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", out.join("src").display());
            Outcome::Failed(FAILURE)
        }
    }
}

fn run_check(spec: &Path, out: &Path) -> Outcome {
    let command = fix_command(spec, out);
    match check::check(spec, &out.join("src"), &command) {
        Ok(CheckOutcome::UpToDate(generation)) => {
            for warning in generation.warnings.iter() {
                eprintln!("{warning}");
            }
            println!(
                "{} generated file(s) in {} are up to date with {}",
                generation.files.len(),
                out.join("src").display(),
                spec.display()
            );
            Outcome::Done {
                warnings: generation.warnings.warnings().count(),
            }
        }
        Ok(CheckOutcome::Stale(_, drift)) => {
            print!("{drift}");
            println!("\nThe generated code is stale. Fix it with:\n    {command}");
            println!(
                "(in this repository: cargo run -p docspec -- {})",
                command.trim_start_matches("docspec ")
            );
            Outcome::Failed(1)
        }
        Err(e) => {
            eprintln!("{e}");
            Outcome::Failed(FAILURE)
        }
    }
}

fn run_diff(old: &Path, new: &Path, json: bool, fail_on_breaking: bool) -> ExitCode {
    match docspec::diff::compare_specs(old, new) {
        Ok(report) => {
            if json {
                println!("{}", report.to_json());
            } else {
                print!("{report}");
            }
            ExitCode::from(report.exit_code(fail_on_breaking))
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            ExitCode::from(FAILURE)
        }
    }
}

fn run_lint(paths: &[PathBuf]) -> Outcome {
    let linted = lint::lint_paths(paths);
    for diagnostic in linted.diagnostics.iter() {
        println!("{diagnostic}");
    }
    let errors = linted.diagnostics.errors().count();
    let warnings = linted.diagnostics.warnings().count();
    println!(
        "{} spec(s) linted: {errors} error(s), {warnings} warning(s)",
        linted.specs
    );
    if errors > 0 {
        Outcome::Failed(FAILURE)
    } else {
        Outcome::Done { warnings }
    }
}

fn run_import(pages: &[PathBuf], service: &str, operation: Option<&str>, out: &Path) -> Outcome {
    if operation.is_some() && pages.len() > 1 {
        eprintln!("error: --operation names one page's operation; give one page with it");
        return Outcome::Failed(FAILURE);
    }
    let mut failed = false;
    let mut warnings = 0;
    for page in pages {
        match import_one(page, service, operation, out) {
            Ok(found) => warnings += found,
            Err(message) => {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    if failed {
        Outcome::Failed(FAILURE)
    } else {
        Outcome::Done { warnings }
    }
}

/// Imports one page, merging the hand edits of the spec it replaces.
/// Returns how many warnings were printed.
fn import_one(
    page: &Path,
    service: &str,
    operation: Option<&str>,
    out: &Path,
) -> Result<usize, String> {
    let bytes =
        std::fs::read(page).map_err(|e| format!("error: cannot read {}: {e}", page.display()))?;
    let options = ImportOptions {
        service: service.to_owned(),
        operation: operation.map(str::to_owned),
    };
    let imported = import::import_page(page, &bytes, &options).map_err(|d| d.to_string())?;
    for warning in imported.diagnostics.iter() {
        eprintln!("{warning}");
    }
    let mut warnings = imported.diagnostics.warnings().count();
    let target = out
        .join(&imported.spec.service)
        .join(format!("{}.yaml", imported.spec.operation));
    let (spec, kept) = match docspec::spec::load_file(&target) {
        Ok(existing) => (
            import::merge_hand_edits(imported.spec, &existing.spec),
            true,
        ),
        Err(_) if !target.exists() => (imported.spec, false),
        Err(errors) => {
            return Err(format!(
            "{errors}\nerror: {} exists but does not load; fix or remove it before re-importing",
            target.display()
        ))
        }
    };
    let yaml = import::commented_yaml(&spec);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("error: cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&target, yaml)
        .map_err(|e| format!("error: cannot write {}: {e}", target.display()))?;
    let how = if kept {
        "updated, hand edits kept"
    } else {
        "written"
    };
    eprintln!("{}: {how} from {}", target.display(), page.display());
    // The page checked against itself, now in spec terms: file and line of the new spec.
    let findings = lint::lint_paths(std::slice::from_ref(&target)).diagnostics;
    for finding in findings.iter() {
        eprintln!("{finding}");
    }
    warnings += findings.warnings().count();
    Ok(warnings)
}
