//! Writes the generation benchmark's synthetic specs into a folder, for
//! benchmarks that run outside criterion (`benches/progenitor.sh`):
//!
//! ```text
//! cargo run -p docspec --example synth_specs -- 1000 target/synth-spec
//! ```

// Only `write_specs` is needed here; the temporary folder is for the benchmark and its test.
#[allow(dead_code)]
#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [count, dir] = args.as_slice() else {
        eprintln!("usage: synth_specs OPERATIONS FOLDER");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("error: OPERATIONS must be a number, not {count:?}");
        return ExitCode::from(2);
    };
    match synth::write_specs(&PathBuf::from(dir), count) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}
