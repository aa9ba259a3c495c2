//! docspec: HTTP API reference pages → spec YAML → typed, validated Rust code.

pub mod builder;
#[cfg(feature = "check")]
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod generate;
#[cfg(feature = "import")]
pub mod import;
pub mod infer;
pub mod lint;
pub mod model;
pub mod openapi;
pub mod phrase;
pub mod resolve;
pub mod spec;

pub use builder::{BuildError, Builder};
pub use diagnostic::{Diagnostic, Diagnostics, Location, Severity};
