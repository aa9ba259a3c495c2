//! The structs of a request's parameters, one per group (path, query,
//! headers), with their validation.

use super::docs;
use super::groups::{groups, ParameterGroup};
use super::text::Writer;
use super::types;
use super::validate;
use crate::model::Operation;

/// The structs of the request's parameters, by where they go.
pub fn parameter_structs(out: &mut Writer, operation: &Operation) {
    for ParameterGroup {
        name, fields, doc, ..
    } in groups(operation)
    {
        out.docs(&docs::prose(&[doc.to_owned()]));
        out.line(types::derives(&fields));
        out.open(&format!("pub struct {name}"));
        for field in &fields {
            types::field_decl(out, operation, field);
        }
        out.close("");
        validate::struct_impl(out, name, &fields);
    }
}
