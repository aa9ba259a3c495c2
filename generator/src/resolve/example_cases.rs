//! The example tests of an operation and what each must assert.

use super::examples::{self, ExampleFinding};
use super::responses::example_status;
use super::Resolver;
use crate::model::{ExampleCase, ExampleTarget, Expectation, Operation};
use crate::spec::ExampleKind;
use std::collections::BTreeSet;

impl Resolver<'_> {
    /// The example tests and what each must show. Findings about examples
    /// are the linter's to report ([`crate::lint`]); here they only decide
    /// what the generated tests assert.
    pub(super) fn examples(&self, operation: &Operation) -> Vec<ExampleCase> {
        let mut cases = Vec::new();
        let mut names = BTreeSet::new();
        for example in &self.spec.spec.examples {
            let Some(body) = example.body.as_deref().filter(|b| !b.trim().is_empty()) else {
                continue;
            };
            let (target, stem, body_ty) = match example.kind {
                ExampleKind::Request => match &operation.request_body {
                    Some(b) => (
                        ExampleTarget::Request,
                        "request_example".to_owned(),
                        b.clone(),
                    ),
                    None => continue,
                },
                ExampleKind::Response => {
                    let status = example_status(
                        example.status,
                        operation.responses.iter().map(|r| r.status),
                    );
                    let Some(case) =
                        status.and_then(|s| operation.responses.iter().find(|r| r.status == s))
                    else {
                        continue;
                    };
                    (
                        ExampleTarget::Response(case.status),
                        format!("response_{}_example", case.status),
                        case.body.clone(),
                    )
                }
            };
            let expect = match examples::check_example(operation, &body_ty, body) {
                None => Expectation::RoundTrip,
                Some(ExampleFinding::InvalidJson(_)) => Expectation::InvalidJson,
                Some(ExampleFinding::Decode { path, .. }) => Expectation::DecodeError(path),
                Some(ExampleFinding::Violations(list)) => Expectation::Violations(list),
            };
            cases.push(ExampleCase {
                name: unique_name(&stem, &mut names),
                target,
                body: body.to_owned(),
                expect,
            });
        }
        cases
    }
}

pub(super) fn unique_name(stem: &str, names: &mut BTreeSet<String>) -> String {
    let name = if names.contains(stem) {
        (2..)
            .map(|n| format!("{stem}_{n}"))
            .find(|c| !names.contains(c))
            .unwrap_or_default()
    } else {
        stem.to_owned()
    };
    names.insert(name.clone());
    name
}
