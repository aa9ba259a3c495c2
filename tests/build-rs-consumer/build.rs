//! Generates the reference API from the workspace's specs into OUT_DIR.

fn main() {
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    if let Err(e) = docspec::Builder::new()
        .spec_dir("../../spec")
        .service("sms")
        .generate_to(out_dir)
    {
        panic!("{e}");
    }
}
