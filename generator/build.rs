//! Sets `cfg(shared_missing)` when the test data beside the repository
//! (`../shared`, next to the workspace) is not there, so that the tests which
//! need it are listed as ignored, with what they skip, in `cargo test`'s
//! normal output. The `docspec-tests` package uses this script too.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_missing)");
    // Both packages stand one folder below the workspace root.
    let shared = "../../shared";
    if std::path::Path::new(shared).is_dir() {
        // Reruns when it goes away too: a removed path counts as changed.
        println!("cargo::rerun-if-changed={shared}");
    } else {
        println!("cargo::rustc-cfg=shared_missing");
        // Not watching the missing folder: cargo would rerun this script and
        // rebuild the package on every build. After adding ../shared, touch
        // the package's Cargo.toml (or `cargo clean -p` it) to run those tests.
        println!("cargo::rerun-if-changed=Cargo.toml");
    }
}
