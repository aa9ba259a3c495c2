//! The `docspec` command line.

use clap::{Parser, Subcommand};
use docspec::check::{self, CheckOutcome};
use docspec::generate;
use docspec::import;
use docspec::lint;
use docspec::openapi;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Generation builds and drops millions of small token strings; mimalloc
/// serves them in well under half the time glibc's allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        /// The docspec-runtime folder a scaffolded crate depends on (default: the one next to this docspec's sources; a relative path is relative to the crate folder). Its example tests' support is the `example-check` folder beside it.
        #[arg(long)]
        runtime: Option<PathBuf>,
        /// Only these services (repeatable; default: all).
        #[arg(long)]
        service: Vec<String>,
        /// List every warning, not only the summary of a whole service.
        #[arg(long)]
        verbose: bool,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work and printing them).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Fail with a diff if the generated sources are not what the specs produce.
    Check {
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work and printing them).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Compare two spec files or folders, or two doc folders or pages, in API terms: what changed, whether it breaks clients, and the generated crate's semver bump.
    /// Exit codes: 0 compared, 1 a breaking change with --fail-on-breaking, 2 a side that cannot be read, 3 partial (a spec or page did not resolve: listed, its operation not compared).
    Diff {
        /// Before: a spec file or folder of specs, or a doc page or folder of pages (HTML or copied text), imported in memory.
        old: PathBuf,
        /// After: the same kind as OLD.
        new: PathBuf,
        /// The service name doc pages are imported under (specs name their own).
        #[arg(long, default_value = "docs")]
        service: String,
        /// Print JSON for tools (the structure is documented in docspec::diff).
        #[arg(long)]
        json: bool,
        /// Exit with 1 when a change breaks request builders or response readers.
        #[arg(long)]
        fail_on_breaking: bool,
    },
    /// Read doc pages (HTML or copied text) into spec YAML, keeping hand corrections of existing specs.
    Import {
        /// Pages or folders of pages (a whole export); pages that document no operation are skipped.
        /// The operation id is the file name where that is one (CreateLoadBalancer.html), else it is
        /// derived from the page (see spec/README.md, "Operation names").
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
        /// List every warning and skipped page, not only the summary of a whole service.
        #[arg(long)]
        verbose: bool,
        /// Treat warnings as failures: exit 1 when there are any (after doing the work and printing them).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Export the specs as OpenAPI documents, one per service.
    Openapi {
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// Only these services (repeatable; default: all).
        #[arg(long)]
        service: Vec<String>,
        /// The file to write (default: standard output); a folder when there are several services.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "yaml")]
        format: OpenapiFormat,
        /// The OpenAPI version: 3.1 (3.1.0) or 3.0 (3.0.3, for tools that read nothing newer).
        #[arg(long = "openapi", value_enum, default_value = "3.1")]
        version: OpenapiVersion,
    },
    /// Cross-check specs against themselves: examples against tables, references, unused tables.
    Lint {
        /// Spec files, or folders of specs.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Exit with 1 when there are warnings.
        #[arg(long)]
        deny_warnings: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum OpenapiFormat {
    Yaml,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum OpenapiVersion {
    #[value(name = "3.1")]
    V31,
    #[value(name = "3.0")]
    V30,
}

/// Exit code for spec errors and failures to read or write.
const FAILURE: u8 = 2;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate {
            spec,
            out,
            crate_name,
            runtime,
            service,
            verbose,
            deny_warnings,
        } => run_generate(
            &spec,
            &out,
            crate_name.as_deref(),
            runtime.as_deref(),
            &service,
            verbose,
        )
        .exit_code(deny_warnings),
        Command::Check {
            spec,
            out,
            deny_warnings,
        } => run_check(&spec, &out).exit_code(deny_warnings),
        Command::Diff {
            old,
            new,
            service,
            json,
            fail_on_breaking,
        } => run_diff(&old, &new, &service, json, fail_on_breaking),
        Command::Openapi {
            spec,
            service,
            output,
            format,
            version,
        } => run_openapi(&spec, &service, output.as_deref(), format, version),
        Command::Lint {
            specs,
            deny_warnings,
        } => run_lint(&specs, deny_warnings),
        Command::Import {
            pages,
            service,
            operation,
            out,
            verbose,
            deny_warnings,
        } => run_import(&pages, &service, operation.as_deref(), &out, verbose)
            .exit_code(deny_warnings),
    }
}

/// How a command that reports warnings ended. `--deny-warnings` means the
/// same on every command: the work is done and every finding printed as
/// usual, then warnings make the exit code 1 (errors stay 2).
enum Outcome {
    /// Done; this many warnings were reported.
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

fn run_generate(
    spec: &Path,
    out: &Path,
    crate_name: Option<&str>,
    runtime: Option<&Path>,
    services: &[String],
    verbose: bool,
) -> Outcome {
    let generation = match generate::generate(spec, services, &fix_command(spec, out)) {
        Ok(generation) => generation,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return Outcome::Failed(FAILURE);
        }
    };
    report_warnings(&generation.warnings, verbose, "docspec generate --verbose");
    let manifest = out.join("Cargo.toml");
    if !manifest.exists() {
        let name = crate_name.map(str::to_owned).unwrap_or_else(|| {
            out.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "api".to_owned())
        });
        if let Err(e) = std::fs::create_dir_all(out).and_then(|()| {
            std::fs::write(
                &manifest,
                generate::cargo_toml_with_runtime(
                    &name,
                    runtime.unwrap_or(Path::new(generate::RUNTIME_DIR)),
                ),
            )
        }) {
            eprintln!("error: cannot write {}: {e}", manifest.display());
            return Outcome::Failed(FAILURE);
        }
        eprintln!("wrote {}", manifest.display());
    }
    let mut generation = generation;
    let written = generation
        .for_crate_dir(out, &fix_command(spec, out))
        .and_then(|()| generate::write_files(&out.join("src"), &generation.files))
        .and_then(|mut changed| {
            let examples = generate::example_files(&generation, out, &fix_command(spec, out))?;
            changed.extend(generate::write_files(&out.join("examples"), &examples)?);
            Ok(changed)
        });
    match written {
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
            Outcome::Done {
                warnings: generation.warnings.warnings().count(),
            }
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", out.join("src").display());
            Outcome::Failed(FAILURE)
        }
    }
}

fn run_check(spec: &Path, out: &Path) -> Outcome {
    let command = fix_command(spec, out);
    let outcome = check::check(spec, &out.join("src"), &command)
        .and_then(|outcome| check::with_examples(outcome, out, &command));
    match outcome {
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

fn run_diff(old: &Path, new: &Path, service: &str, json: bool, fail_on_breaking: bool) -> ExitCode {
    match docspec::diff::compare_paths(old, new, service) {
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

fn run_openapi(
    spec: &Path,
    services: &[String],
    output: Option<&Path>,
    format: OpenapiFormat,
    version: OpenapiVersion,
) -> ExitCode {
    let version = match version {
        OpenapiVersion::V31 => openapi::Version::V3_1,
        OpenapiVersion::V30 => openapi::Version::V3_0,
    };
    let (extension, render): (&str, fn(&serde_json::Value) -> String) = match format {
        OpenapiFormat::Yaml => ("yaml", openapi::to_yaml),
        OpenapiFormat::Json => ("json", openapi::to_json),
    };
    let mut command = String::from("docspec openapi");
    if spec != Path::new("spec") {
        command.push_str(&format!(" --spec {}", spec.display()));
    }
    for service in services {
        command.push_str(&format!(" --service {service}"));
    }
    if version == openapi::Version::V3_0 {
        command.push_str(" --openapi 3.0");
    }
    let (exports, warnings) = match openapi::export_dir(spec, services, version, &command) {
        Ok(exported) => exported,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::from(FAILURE);
        }
    };
    for warning in warnings.iter() {
        eprintln!("{warning}");
    }
    let written = match (output, exports.as_slice()) {
        (None, [export]) => {
            print!("{}", render(&export.document));
            Ok(())
        }
        (None, _) => Err(format!(
            "error: {} services ({}); choose one with --service or give a folder with -o",
            exports.len(),
            exports
                .iter()
                .map(|e| e.service.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        (Some(file), [export]) if !file.is_dir() => std::fs::write(file, render(&export.document))
            .map_err(|e| format!("error: cannot write {}: {e}", file.display())),
        (Some(dir), _) => exports.iter().try_for_each(|export| {
            let file = dir.join(format!("{}.openapi.{extension}", export.service));
            std::fs::create_dir_all(dir)
                .and_then(|()| std::fs::write(&file, render(&export.document)))
                .map_err(|e| format!("error: cannot write {}: {e}", file.display()))?;
            eprintln!("wrote {}", file.display());
            Ok(())
        }),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(FAILURE)
        }
    }
}

fn run_lint(paths: &[PathBuf], deny_warnings: bool) -> ExitCode {
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
        ExitCode::from(FAILURE)
    } else if deny_warnings && warnings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Warnings inline for one spec or with `--verbose`; for a whole service,
/// their summary by kind (the details one flag away).
fn report_warnings(warnings: &docspec::diagnostic::Diagnostics, verbose: bool, details: &str) {
    let files: std::collections::BTreeSet<_> = warnings.iter().map(|d| &d.location.file).collect();
    if verbose || files.len() <= 1 {
        for warning in warnings.iter() {
            eprintln!("{warning}");
        }
    } else if !warnings.is_empty() {
        eprint!("{}", warnings.summary());
        eprintln!("  (every warning with its file and line: {details})");
    }
}

fn run_import(
    pages: &[PathBuf],
    service: &str,
    operation: Option<&str>,
    out: &Path,
    verbose: bool,
) -> Outcome {
    let single = pages.len() == 1 && pages[0].is_file();
    if operation.is_some() && !single {
        eprintln!("error: --operation names one page's operation; give one page with it");
        return Outcome::Failed(FAILURE);
    }
    let imported = import::import_service(pages, service, operation, out);
    for failure in &imported.failures {
        eprintln!("{failure}");
    }
    if single || verbose {
        for warning in imported.diagnostics.iter() {
            eprintln!("{warning}");
        }
        for page in &imported.imported {
            let how = if page.kept {
                "updated, hand edits kept"
            } else {
                "written"
            };
            eprintln!(
                "{}: {how} from {}",
                page.target.display(),
                page.page.display()
            );
        }
        for skipped in &imported.skipped {
            eprintln!(
                "{}: skipped: not an operation ({})",
                skipped.page.display(),
                skipped.reason.describe()
            );
        }
    }
    if let Some(path) = &imported.service_file {
        eprintln!("{}: regions the pages state added", path.display());
    }
    if !single {
        eprint!("{imported}");
        if !verbose && !imported.diagnostics.is_empty() {
            eprintln!("  (every warning and skipped page: the same command with --verbose)");
        }
    }
    if imported.failures.is_empty() {
        Outcome::Done {
            warnings: imported.diagnostics.warnings().count(),
        }
    } else {
        Outcome::Failed(FAILURE)
    }
}
