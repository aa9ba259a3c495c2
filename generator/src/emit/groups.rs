//! The request's parameter groups (path, query, headers): one description
//! that the parameter structs, `Request`, the usage snippets and the example
//! programs all read, so that they cannot disagree on names or order.

use crate::model::{Field, Operation};

/// One group of a request's parameters, by where they go.
pub struct ParameterGroup {
    /// The member of `Request` that holds the group: `path`, `query`, `headers`.
    pub member: &'static str,
    /// The group's struct: `PathParameters`, `QueryParameters`, `HeaderParameters`.
    pub name: &'static str,
    /// The `validation::Part` its violations are reported in.
    pub part: &'static str,
    /// The parameters, in the page's order.
    pub fields: Vec<Field>,
    /// The doc of the struct and of `Request`'s member.
    pub doc: &'static str,
}

/// The groups `operation`'s request carries (those with parameters), in the
/// order `Request` holds them.
pub fn groups(operation: &Operation) -> Vec<ParameterGroup> {
    [
        (
            "path",
            "PathParameters",
            "PathParameter",
            operation.path_params.clone(),
            "Path parameters: placed in the path, percent-encoded.",
        ),
        (
            "query",
            "QueryParameters",
            "QueryParameter",
            operation.query_params.clone(),
            "Query parameters.",
        ),
        (
            "headers",
            "HeaderParameters",
            "Header",
            operation.parameter_headers().into_iter().cloned().collect(),
            "Header parameters (credentials are not among them: the client's credentials set those).",
        ),
    ]
    .into_iter()
    .filter(|(_, _, _, fields, _)| !fields.is_empty())
    .map(|(member, name, part, fields, doc)| ParameterGroup {
        member,
        name,
        part,
        fields,
        doc,
    })
    .collect()
}
