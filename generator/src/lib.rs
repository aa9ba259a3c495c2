//! docspec: HTTP API reference pages → spec YAML → typed, validated Rust code.

pub mod diagnostic;
pub mod phrase;
pub mod spec;

pub use diagnostic::{Diagnostic, Diagnostics, Location, Severity};
