//! The reference API, generated at build time by docspec's `Builder`.

include!(concat!(env!("OUT_DIR"), "/lib.rs"));
