//! The runtime that every crate docspec generates depends on.
//!
//! Generated code carries only what differs per type (fields, wire names,
//! constraints); what every type shares lives here, once, so that users of
//! several generated crates meet one `Validate` trait and one error type.
//!
//! Without the default `transport` feature the crate does no I/O: build a
//! request (`client`), authenticate it (`credentials`, `signing`), send it
//! yourself, read the answer. With it, [`transport::Client`] sends.

// Every public item is documented: generated crates re-export these modules
// as their own.
#![warn(missing_docs)]

#[cfg(feature = "transport")]
pub mod cli;
pub mod client;
pub mod credentials;
pub mod regions;
pub mod signing;
#[cfg(feature = "transport")]
pub mod transport;
pub mod validation;
pub mod wire;

// Generated code reaches its dependencies through the runtime, so that a
// generated crate needs no dependency but this one and always agrees with
// the runtime on their versions.
pub use http;
pub use serde;
pub use serde_json;
