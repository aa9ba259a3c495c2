//! The runtime's integration tests, one binary (`cargo test -p
//! docspec-runtime --test suite`): length counting, request signing against
//! the SDK's vectors, and the transport against a local server.
//! To add a test file: put it in this folder and add its `pub mod` line below.
//!
//! Each module was a test binary of its own; one binary links once.

pub mod length;
pub mod signing;
pub mod transport;
