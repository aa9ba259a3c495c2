//! End-to-end generation speed: synthetic specs on disk → load, resolve and
//! check, emit, format with prettyplease, write the sources. Single thread,
//! at 10, 100 and 1,000 operations; criterion reports operations per second.
//!
//! Run with `cargo bench -p docspec --bench generate`; add `-- 'generate/(10|100)$'`
//! to skip the 1,000-operation case, which takes minutes while generation
//! is far from its goal of 1,000 operations per second (see BENCHMARKS.md).

mod synth;

use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use docspec::generate::{generate, write_files};
use std::path::Path;
use std::time::Duration;

/// Operation counts: small enough for one service, a large cloud service, a whole catalogue.
const OPERATIONS: &[usize] = &[10, 100, 1_000];

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    // One run of 1,000 operations takes a second at the goal's speed, and
    // far longer today: flat sampling keeps the number of runs at the
    // minimum of 10 instead of growing it linearly across samples.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for &operations in OPERATIONS {
        let specs = synth::TempDir::new("bench-specs").expect("create a temporary spec folder");
        synth::write_specs(specs.path(), operations).expect("write the synthetic specs");
        let out = synth::TempDir::new("bench-out").expect("create a temporary output folder");
        group.throughput(Throughput::Elements(operations as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(operations),
            &operations,
            |b, _| {
                // Each run starts from an empty output folder, as a fresh OUT_DIR
                // does, so that every file is really written (write_files skips
                // files whose content is unchanged).
                b.iter_batched(
                    || empty(out.path()),
                    |()| generate_and_write(specs.path(), out.path()),
                    BatchSize::PerIteration,
                );
            },
        );
    }
    group.finish();
}

/// What `docspec generate` and `docspec::Builder` do, minus printing.
fn generate_and_write(spec_dir: &Path, out_dir: &Path) {
    let generation =
        generate(spec_dir, &[], "docspec generate").unwrap_or_else(|errors| panic!("{errors}"));
    write_files(out_dir, &generation.files).expect("write the generated sources");
}

fn empty(dir: &Path) {
    std::fs::remove_dir_all(dir).expect("clear the output folder");
    std::fs::create_dir(dir).expect("recreate the output folder");
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
