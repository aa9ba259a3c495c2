//! Documented statuses and their bodies.

use super::{naming, Resolver};
use crate::diagnostic::Topic;
use crate::model::{Body, ResponseCase};
use crate::spec::{ExampleKind, Spec, Table, TableRole};
use std::collections::{BTreeMap, BTreeSet};

impl Resolver<'_> {
    pub(super) fn status_of(&mut self, t: usize) -> Option<u16> {
        let table = &self.tables()[t];
        match table.status {
            Some(status) if is_http_status(status) => Some(status),
            Some(status) => {
                self.error(
                    self.spec.locate_table(t),
                    format!("status {status}: expected an HTTP status from 100 to 599"),
                )
                .with_table(table.label());
                None
            }
            None => {
                let status = assumed_success_status(&self.spec.spec);
                self.warn(
                    self.spec.locate_table(t),
                    format!("a response table without a `status`: taken as the success response, {status}"),
                )
                .with_table(table.label())
                .with_topic(Topic::UnstatedStatus);
                Some(status)
            }
        }
    }

    pub(super) fn responses(&mut self, mut bodies: BTreeMap<u16, Body>) -> Vec<ResponseCase> {
        let spec = &self.spec.spec;
        documented_statuses(spec)
            .into_iter()
            .map(|status| {
                let doc = spec
                    .status_codes
                    .iter()
                    .filter(|s| s.status == status)
                    .map(|s| s.description.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                ResponseCase {
                    status,
                    variant: naming::status_variant(status),
                    doc,
                    // Without a body table the body is kept as the text received.
                    body: bodies.remove(&status).unwrap_or(Body::Text),
                }
            })
            .collect()
    }
}

/// Every HTTP status a spec documents: by a response body table (one without
/// a `status` stands for the success response), the Status Codes table or a
/// response example. The one list the resolver builds responses from and the
/// linter places examples by.
pub fn documented_statuses(spec: &Spec) -> BTreeSet<u16> {
    let tables = spec
        .tables
        .iter()
        .filter(|t| t.role == TableRole::ResponseBody)
        .filter_map(|t| response_table_status(spec, t));
    tables
        .chain(statuses_beside_tables(spec))
        .filter(|s| is_http_status(*s))
        .collect()
}

/// The status a response body table documents: its `status`, or, for a
/// table without one, the success response (see `assumed_success_status`);
/// `None` for a status that is not an HTTP status (the resolver reports it).
pub fn response_table_status(spec: &Spec, table: &Table) -> Option<u16> {
    match table.status {
        Some(status) => is_http_status(status).then_some(status),
        None => Some(assumed_success_status(spec)),
    }
}

/// Pages that document one answer often give its table no status: it is
/// the success response, the page's only success status where the Status
/// Codes table and the examples name exactly one, else 200.
fn assumed_success_status(spec: &Spec) -> u16 {
    example_status(None, statuses_beside_tables(spec)).unwrap_or(200)
}

/// The statuses the Status Codes table and the response examples name.
fn statuses_beside_tables(spec: &Spec) -> impl Iterator<Item = u16> + '_ {
    let codes = spec.status_codes.iter().map(|s| s.status);
    let examples = spec
        .examples
        .iter()
        .filter(|e| e.kind == ExampleKind::Response)
        .filter_map(|e| e.status);
    codes.chain(examples)
}

fn is_http_status(status: u16) -> bool {
    (100..=599).contains(&status)
}

/// The status a response example shows: the one the page names before it,
/// else the page's only success status, when it documents exactly one.
pub fn example_status(
    named: Option<u16>,
    documented: impl IntoIterator<Item = u16>,
) -> Option<u16> {
    named.or_else(|| {
        let mut success = documented.into_iter().filter(|s| (200..300).contains(s));
        match (success.next(), success.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    })
}
