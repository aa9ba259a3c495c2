//! Writes the generation benchmark's synthetic specs to a folder, for
//! `generator/benches/whole_service.sh`, which generates and builds them
//! with two docspec versions:
//!
//! ```sh
//! cargo run --release -p docspec --example write_synth_specs -- /tmp/synth-spec 1000
//! ```

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), Some(count)) = (args.next().map(PathBuf::from), args.next()) else {
        eprintln!("usage: write_synth_specs DIR OPERATIONS");
        return ExitCode::from(2);
    };
    let Some(operations) = count.to_str().and_then(|c| c.parse::<usize>().ok()) else {
        eprintln!("OPERATIONS must be a number");
        return ExitCode::from(2);
    };
    // Written in a temporary folder and moved into place: DIR holds a
    // complete set of specs or none.
    let written = synth::TempDir::new("synth-specs").and_then(|tmp| {
        synth::write_specs(tmp.path(), operations)?;
        std::fs::rename(tmp.path(), &dir)
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write the specs to {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}
