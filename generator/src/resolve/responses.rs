//! Documented statuses and their bodies.

use super::{naming, Resolver};
use crate::model::{Body, ResponseCase};
use crate::spec::ExampleKind;
use std::collections::{BTreeMap, BTreeSet};

impl Resolver<'_> {
    pub(super) fn status_of(&mut self, t: usize) -> Option<u16> {
        let table = &self.tables()[t];
        match table.status {
            Some(status) if (100..=599).contains(&status) => Some(status),
            Some(status) => {
                self.error(
                    self.spec.locate_table(t),
                    format!("status {status}: expected an HTTP status from 100 to 599"),
                )
                .with_table(table.label());
                None
            }
            None => {
                // Pages that document one answer often give its table no
                // status: it is the success response.
                let spec = &self.spec.spec;
                let documented = spec.status_codes.iter().map(|s| s.status).chain(
                    spec.examples
                        .iter()
                        .filter(|e| e.kind == ExampleKind::Response)
                        .filter_map(|e| e.status),
                );
                let status = example_status(None, documented).unwrap_or(200);
                self.warn(
                    self.spec.locate_table(t),
                    format!("a response table without a `status`: taken as the success response, {status}"),
                )
                .with_table(table.label());
                Some(status)
            }
        }
    }

    pub(super) fn responses(&mut self, mut bodies: BTreeMap<u16, Body>) -> Vec<ResponseCase> {
        let spec = &self.spec.spec;
        let mut statuses: BTreeSet<u16> = bodies.keys().copied().collect();
        statuses.extend(
            spec.status_codes
                .iter()
                .map(|s| s.status)
                .filter(|s| (100..=599).contains(s)),
        );
        statuses.extend(
            spec.examples
                .iter()
                .filter(|e| e.kind == ExampleKind::Response)
                .filter_map(|e| e.status)
                .filter(|s| (100..=599).contains(s)),
        );
        statuses
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
