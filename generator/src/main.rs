//! The `docspec` command line.

use clap::{Parser, Subcommand};
use docspec::check::{self, CheckOutcome};
use docspec::generate;
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
    },
    /// Fail with a diff if the generated sources are not what the specs produce.
    Check {
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
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
        } => run_generate(&spec, &out, crate_name.as_deref(), &service),
        Command::Check { spec, out } => run_check(&spec, &out),
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
    services: &[String],
) -> ExitCode {
    let generation = match generate::generate(spec, services, &fix_command(spec, out)) {
        Ok(generation) => generation,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::from(FAILURE);
        }
    };
    for warning in generation.warnings.iter() {
        eprintln!("{warning}");
    }
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
            return ExitCode::from(FAILURE);
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
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", out.join("src").display());
            ExitCode::from(FAILURE)
        }
    }
}

fn run_check(spec: &Path, out: &Path) -> ExitCode {
    let command = fix_command(spec, out);
    match check::check(spec, &out.join("src"), &command) {
        Ok(CheckOutcome::UpToDate(generation)) => {
            println!(
                "{} generated file(s) in {} are up to date with {}",
                generation.files.len(),
                out.join("src").display(),
                spec.display()
            );
            ExitCode::SUCCESS
        }
        Ok(CheckOutcome::Stale(_, drift)) => {
            print!("{drift}");
            println!("\nThe generated code is stale. Fix it with:\n    {command}");
            println!(
                "(in this repository: cargo run -p docspec -- {})",
                command.trim_start_matches("docspec ")
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(FAILURE)
        }
    }
}
