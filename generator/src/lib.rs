//! docspec: HTTP API reference pages → spec YAML → typed, validated Rust code.

pub mod builder;
pub mod check;
pub mod diagnostic;
pub mod emit;
pub mod generate;
pub mod model;
pub mod phrase;
pub mod resolve;
pub mod spec;

pub use builder::{BuildError, Builder};
pub use diagnostic::{Diagnostic, Diagnostics, Location, Severity};
