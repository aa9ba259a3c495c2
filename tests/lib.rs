//! Integration tests across the generator and the generated crate live in `tests/`.
