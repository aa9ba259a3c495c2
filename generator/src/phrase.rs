//! The documented language of the Type and Description columns.
//!
//! [`parse_type`] reads a Type cell (`Array of BatchConsistencyReq objects`);
//! [`parse_constraints`] reads the constraints a Description cell states in
//! prose or in markers (`Minimum: 0 Maximum: 255`, `The value can be TCP or
//! UDP.`). Both are pure functions of the text: they know nothing of specs,
//! files or other rows; the resolver puts their results in context.

mod constraint;
mod type_phrase;

pub use constraint::{parse_constraints, ConstraintText, Finding, Limit, Marker, Stated, Subject};
pub use type_phrase::{
    is_list_phrase, leading_type_phrase, parse_type, TypePhrase, TypePhraseError,
};
