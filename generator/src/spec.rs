//! The spec: one YAML file per operation, a faithful capture of a doc page's
//! tables and examples, plus hand corrections.
//!
//! These types are the YAML as written. Nothing here interprets a type phrase
//! or a description: that is [`crate::resolve`]'s job. The importer writes
//! these types and the loader reads them back, so a spec round-trips through
//! them without loss. Format reference: `spec/README.md`.

mod canonical;
mod load;
mod mistakes;
mod scalar;
pub mod service_file;
mod source_map;

pub use load::{load_dir, load_file, parse_str, LoadedDir, LoadedSpec};
pub use scalar::Scalar;
pub use source_map::SourceMap;

use serde::{Deserialize, Serialize};

/// One operation page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Service short name, lower case (`sms`, `elb`): the Rust module the operation goes in.
    pub service: String,
    /// Operation id in UpperCamelCase (`ExportConsistencyResults`).
    pub operation: String,
    /// The page title.
    pub title: String,
    /// The page's Function section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// HTTP method, upper case.
    pub method: String,
    /// URI path with `{placeholders}`, without the query string.
    pub path: String,
    /// Where the page came from (file or URL), as the importer saw it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The chapter of the API reference the page stands in (from the export's
    /// index), for finding the operation in the generated docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    /// The chapter's place in the export's index (a sort key, smallest
    /// first), so that the generated docs list chapters in the reference's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapter_order: Option<u32>,
    /// The parameter tables, in page order.
    #[serde(default)]
    pub tables: Vec<Table>,
    /// The example payloads, in page order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// The Status Codes table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_codes: Vec<StatusCode>,
    /// The page's code blocks that no example captured, verbatim (written by
    /// the importer; `docspec lint` reports each until it is resolved by hand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncaptured_code: Vec<UncapturedCode>,
}

/// A code block of the page that the importer did not read as an example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncapturedCode {
    /// The page's line where the block starts.
    pub line: usize,
    /// The heading the block stands under, verbatim; absent before the first heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Why the importer did not read it as an example.
    pub reason: String,
    /// The block, verbatim.
    pub code: String,
}

/// What a table documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableRole {
    PathParameters,
    QueryParameters,
    HeaderParameters,
    /// The top level of the request body.
    RequestBody,
    /// A named object that rows of other tables refer to.
    Object,
    /// The top level of the response body of one status.
    ResponseBody,
    /// Response headers of one status.
    ResponseHeaders,
}

impl TableRole {
    /// How the role reads in a message.
    pub fn describe(self) -> &'static str {
        match self {
            TableRole::PathParameters => "path parameters",
            TableRole::QueryParameters => "query parameters",
            TableRole::HeaderParameters => "header parameters",
            TableRole::RequestBody => "request body",
            TableRole::Object => "object",
            TableRole::ResponseBody => "response body",
            TableRole::ResponseHeaders => "response headers",
        }
    }
}

/// Which half of the page a table stands in. Object names are looked up in
/// the same half first, since pages reuse a name (`Tag`) for a request and a
/// response object with different fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Request,
    Response,
}

/// One documented table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub role: TableRole,
    /// For `object` tables: the name that type phrases use (`BatchConsistencyReq`, `details`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// For response tables: the status code they document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// For `object` tables: the half of the page the table stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The caption, verbatim, when the page has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The header row, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    /// Set when a person added the table because the page lacks it: says why and from where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_by_hand: Option<String>,
    /// Set when the importer guessed (the table's role, or its rows from the examples): says what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    /// A reviewer's remark; carried into the generated docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub rows: Vec<Row>,
}

impl Table {
    /// How the table is named in messages: its object name, or its role (and status).
    pub fn label(&self) -> String {
        match (&self.name, self.status) {
            (Some(name), _) => name.clone(),
            (None, Some(status)) => format!("{} of status {status}", self.role.describe()),
            (None, None) => self.role.describe().to_owned(),
        }
    }
}

/// One row, its cells verbatim, plus optional explicit constraints that
/// correct or complete what the description says (see `spec/README.md`:
/// an explicit value wins; a disagreement with the text is a warning).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// The Parameter cell: the wire name (`-` for "the body as a whole").
    pub parameter: String,
    /// The Mandatory cell (`Yes` / `No`), absent for tables without the column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandatory: Option<String>,
    /// The Type cell.
    #[serde(rename = "type")]
    pub type_: String,
    /// The Description cell. Paragraphs and list items are separated by newlines.
    #[serde(default)]
    pub description: String,

    /// Explicit minimum: string length in characters, numeric value, or item length for arrays of strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Scalar>,
    /// Explicit maximum, with the same meaning as `min`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Scalar>,
    /// Explicit minimum number of array items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<Scalar>,
    /// Explicit maximum number of array items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<Scalar>,
    /// Explicit list of allowed values, as written on the wire.
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<Scalar>>,
    /// Explicit default, as written on the wire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Scalar>,
    /// The object table this row's value is described by, when the Type cell does not name it.
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Set when a person added the row: says why and from where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_by_hand: Option<String>,
    /// A reviewer's remark; carried into the generated docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What generation guessed about a row the docs' language does not type
    /// precisely (written by the importer; informational: correct the cells, then delete it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
}

impl Row {
    /// A row with only its cells, as a page gives it.
    pub fn new(
        parameter: impl Into<String>,
        mandatory: Option<String>,
        type_: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        Row {
            parameter: parameter.into(),
            mandatory,
            type_: type_.into(),
            description: description.into(),
            min: None,
            max: None,
            min_items: None,
            max_items: None,
            enum_values: None,
            default: None,
            object: None,
            added_by_hand: None,
            note: None,
            inferred: None,
        }
    }
}

/// Request or response example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExampleKind {
    Request,
    Response,
}

/// One example payload, verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub kind: ExampleKind,
    /// For responses: the status the page names before the example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The prose before the payload, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// For requests: the `METHOD https://...` line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_line: Option<String>,
    /// The payload, verbatim (normally JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// One row of the Status Codes table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusCode {
    pub status: u16,
    #[serde(default)]
    pub description: String,
}

impl Spec {
    /// The operation's identity: its method and path template (see [`identity`]).
    pub fn identity(&self) -> String {
        identity(&self.method, &self.path)
    }

    /// Writes the spec as YAML in the canonical layout the importer uses.
    pub fn to_yaml(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_yaml::to_string(self).unwrap_or_default()
    }
}

/// What an operation is, whatever its page is called or where it is filed:
/// the method and the path template, with every placeholder's name left out
/// (`GET /v1/{project_id}/vpcs/{vpc_id}` and `get /v1/{tenant_id}/vpcs/{id}/`
/// are both `GET /v1/{}/vpcs/{}`). A trailing slash and a query string are
/// not part of it. Re-import maps pages to their earlier specs by it,
/// `docspec diff` matches operations by it, and generation warns when two
/// specs of a service share it.
pub fn identity(method: &str, path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default().trim();
    let mut normalised = String::with_capacity(path.len());
    let mut in_placeholder = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_placeholder = true;
                normalised.push_str("{}");
            }
            '}' => in_placeholder = false,
            _ if in_placeholder => {}
            _ => normalised.push(c),
        }
    }
    let trimmed = normalised.trim_end_matches('/');
    let path = if trimmed.is_empty() { "/" } else { trimmed };
    format!("{} {path}", method.trim().to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::identity;

    #[test]
    fn identity_leaves_out_placeholder_names_case_of_the_method_and_a_trailing_slash() {
        assert_eq!(
            identity("get", "/v1/{project_id}/vpcs/{vpc_id}/"),
            identity("GET", "/v1/{tenant_id}/vpcs/{id}")
        );
        assert_eq!(identity("GET", "/v1/{p}/vpcs"), "GET /v1/{}/vpcs");
        assert_ne!(identity("GET", "/v1/vpcs"), identity("POST", "/v1/vpcs"));
        assert_ne!(
            identity("GET", "/v1/{p}/vpcs"),
            identity("GET", "/v2/{p}/vpcs")
        );
        assert_eq!(identity("GET", "/v2/topics?offset={o}"), "GET /v2/topics");
        assert_eq!(identity("GET", "/"), "GET /");
    }
}
