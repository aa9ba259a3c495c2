//! Imports every page of the test corpus (`shared/corpus`), in both forms,
//! and compares what the importer read with what a careful reader took from
//! the page (`facts.json`, see `shared/corpus/FACTS.md`).
//!
//! The corpus is test data that is not part of this repository: without it
//! the test says what it skipped and passes.
#![cfg(feature = "import")]

use crate::common;

use common::{is_off_page, page_dirs, page_name, pair_objects, ObjectPairs, CORPUS};
use docspec::import::{import_page, ImportOptions};
use docspec::spec::{self, ExampleKind, Side, Spec, Table, TableRole};
use serde_json::Value;
use std::path::Path;

/// Facts judged wrong, or out of reach of one input form: (page, form or
/// `None` for both, start of the mismatch, reason). Each must still occur.
const EXCLUSIONS: &[(&str, Option<&str>, &str, &str)] = &[
    (
        "ecs/ListServersByTag",
        None,
        "objects/Resource.tags:",
        "fact judged wrong: it says `tags` has no table, yet its own review note calls Table 7 \
         (resource_tag) clearly the element type; the import links that table to `tags` by \
         position and marks it inferred",
    ),
    (
        "modelarts/ListDatasets",
        Some("txt"),
        "objects/DatasetAndFilePreview.",
        "out of reach of copied text: no captions or links, the page lists the tables of Label \
         (LabelProperty, then LabelAttribute) against Label's row order, and no example shows \
         labels; the import names these tables by position, marks them inferred and warns",
    ),
    (
        "modelarts/ListDatasets",
        Some("txt"),
        "objects/Label.",
        "as above",
    ),
    (
        "modelarts/ListDatasets",
        Some("txt"),
        "objects/LabelStats.",
        "as above",
    ),
];

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/corpus is missing: no corpus page is imported and compared with its facts"
)]
fn every_corpus_page_imports_as_its_facts_say() {
    let corpus = Path::new(CORPUS);
    let Some(dirs) = page_dirs(corpus) else {
        println!(
            "skipped: no corpus at {} (test data outside the repository)",
            corpus.display()
        );
        return;
    };
    let mut failures = Vec::new();
    let mut unused_exclusions: Vec<_> = EXCLUSIONS.to_vec();
    let mut full_matches = [0usize; 2];
    let mut pages = 0;
    for page_dir in dirs {
        pages += 1;
        let facts: Value =
            serde_json::from_slice(&std::fs::read(page_dir.join("facts.json")).unwrap()).unwrap();
        let name = page_name(corpus, &page_dir);
        for (form_index, form) in ["html", "txt"].into_iter().enumerate() {
            let file = page_dir.join(format!("page.{form}"));
            let options = ImportOptions {
                service: facts["service"].as_str().unwrap_or_default().to_owned(),
                operation: facts["operation"].as_str().map(str::to_owned),
            };
            let mismatches = match import_page(&file, &std::fs::read(&file).unwrap(), &options) {
                Ok(imported) => {
                    let mut found = compare(&imported.spec, &facts);
                    // Every code block of the page is an example: none is reported as left out.
                    found.extend(
                        imported
                            .diagnostics
                            .iter()
                            .filter(|d| d.message.contains("is not read as an example"))
                            .map(|d| format!("examples: a code block was not captured: {d}")),
                    );
                    match spec::parse_str(&file, &imported.yaml) {
                        Ok(reread) if reread.spec == imported.spec => {}
                        _ => found.push(
                            "yaml: the written YAML does not read back to the spec".to_owned(),
                        ),
                    }
                    found.retain(|m| {
                        let excluded = EXCLUSIONS.iter().position(|(page, f, start, _)| {
                            *page == name && f.is_none_or(|f| f == form) && m.starts_with(start)
                        });
                        if let Some(i) = excluded {
                            unused_exclusions.retain(|e| *e != EXCLUSIONS[i]);
                        }
                        excluded.is_none()
                    });
                    println!(
                        "{name} {form}: {} ({} tables, {} examples, {} warnings)",
                        if found.is_empty() {
                            "matches".to_owned()
                        } else {
                            format!("{} mismatches", found.len())
                        },
                        imported.spec.tables.len(),
                        imported.spec.examples.len(),
                        imported.diagnostics.len()
                    );
                    found
                }
                Err(diagnostics) => vec![format!("import failed:\n{diagnostics}")],
            };
            if mismatches.is_empty() {
                full_matches[form_index] += 1;
            }
            failures.extend(
                mismatches
                    .into_iter()
                    .map(|m| format!("{name} {form}: {m}")),
            );
        }
    }
    println!(
        "html: {}/{pages} pages match fully; txt: {}/{pages}",
        full_matches[0], full_matches[1]
    );
    for (page, form, start, _) in &unused_exclusions {
        failures.push(format!(
            "exclusion no longer needed: {page} {form:?} {start}"
        ));
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every difference between the import and the facts, each starting with what it is about.
fn compare(spec: &Spec, facts: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (key, ours) in [
        ("method", &spec.method),
        ("path", &spec.path),
        ("title", &spec.title),
    ] {
        if facts[key].as_str() != Some(ours.as_str()) {
            out.push(format!("{key}: facts {}, import {ours:?}", facts[key]));
        }
    }
    for (key, role) in [
        ("path_params", TableRole::PathParameters),
        ("query_params", TableRole::QueryParameters),
        ("header_params", TableRole::HeaderParameters),
    ] {
        let ours: Vec<(String, Option<bool>, String)> = spec
            .tables
            .iter()
            .filter(|t| t.role == role)
            .flat_map(|t| &t.rows)
            .map(|r| {
                (
                    r.parameter.clone(),
                    mandatory(&r.mandatory),
                    r.type_.clone(),
                )
            })
            .collect();
        let theirs: Vec<(String, Option<bool>, String)> = facts[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let name = p["name"].as_str().unwrap_or_default().to_owned();
                (
                    name,
                    p["required"].as_bool(),
                    p["type"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        if ours != theirs {
            out.push(format!("{key}: facts {theirs:?}, import {ours:?}"));
        }
    }
    compare_objects(spec, facts, &mut out);
    compare_statuses(spec, facts, &mut out);
    compare_examples(spec, facts, &mut out);
    out
}

fn mandatory(cell: &Option<String>) -> Option<bool> {
    cell.as_deref()
        .map(|m| m.trim().eq_ignore_ascii_case("yes"))
}

fn compare_objects(spec: &Spec, facts: &Value, out: &mut Vec<String>) {
    let ObjectPairs {
        pairs,
        count_mismatch,
    } = pair_objects(spec, facts);
    out.extend(count_mismatch);
    let pairs: Vec<(&Value, Option<&Table>)> = pairs
        .into_iter()
        .map(|(fact, ours)| (fact, ours.map(|i| &spec.tables[i])))
        .collect();
    let paired_name = |key: &str| -> Option<String> {
        pairs
            .iter()
            .find(|(fact, _)| fact["object"].as_str() == Some(key))
            .and_then(|(_, ours)| ours.and_then(|t| t.name.clone()))
    };
    for (fact, table) in &pairs {
        let key = fact["object"].as_str().unwrap();
        let Some(table) = table else {
            out.push(format!(
                "objects/{key}: no table of the import has its fields"
            ));
            continue;
        };
        let side = if fact["role"] == "request_body" {
            Side::Request
        } else {
            Side::Response
        };
        let expected_role = if key == "RequestBody" {
            (TableRole::RequestBody, None)
        } else if key.starts_with("ResponseBody") {
            (TableRole::ResponseBody, None)
        } else {
            (TableRole::Object, Some(side))
        };
        if (table.role, table.side) != expected_role {
            out.push(format!(
                "objects/{key}: role {:?} {:?}, expected {expected_role:?}",
                table.role, table.side
            ));
        }
        if table.role == TableRole::ResponseBody
            && table.status.map(u64::from) != fact["status"].as_u64()
        {
            out.push(format!(
                "objects/{key}: status {:?}, facts {}",
                table.status, fact["status"]
            ));
        }
        let fields = facts["objects"][key].as_array().unwrap();
        let ours: Vec<(String, Option<bool>, String)> = table
            .rows
            .iter()
            .map(|r| {
                (
                    r.parameter.clone(),
                    mandatory(&r.mandatory),
                    r.type_.clone(),
                )
            })
            .collect();
        let theirs: Vec<(String, Option<bool>, String)> = fields
            .iter()
            .map(|f| {
                let name = f["name"].as_str().unwrap_or_default().to_owned();
                (
                    name,
                    f["required"].as_bool(),
                    f["type"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        if ours != theirs {
            out.push(format!(
                "objects/{key}: fields differ:\n  facts  {theirs:?}\n  import {ours:?}"
            ));
            continue;
        }
        for (field, row) in fields.iter().zip(&table.rows) {
            let linked = row.object.clone().or_else(|| named_in_type(&row.type_));
            let linked_on_page = linked.as_ref().is_some_and(|n| {
                spec.tables
                    .iter()
                    .any(|t| t.name.as_ref() == Some(n) && !is_off_page(t))
            });
            let name = &row.parameter;
            if let Some(target) = field["ref"].as_str() {
                let expected = paired_name(target);
                if linked != expected {
                    out.push(format!("objects/{key}.{name}: refers to {linked:?}, facts to {target} ({expected:?})"));
                }
            } else if field["ref_missing"].is_string() && linked_on_page {
                out.push(format!(
                    "objects/{key}.{name}: linked to {linked:?}, facts say the table is missing ({})",
                    field["ref_missing"]
                ));
            }
        }
    }
}

/// The table a Type cell names (`X object`, `Array of X objects`, `X array`).
fn named_in_type(type_: &str) -> Option<String> {
    let words: Vec<&str> = type_.split_whitespace().collect();
    let name = match words.as_slice() {
        ["Array", "of", name, "objects" | "object"] => *name,
        [name, "object"] => *name,
        [name, "array", ..] => *name,
        _ => return None,
    };
    let scalar = [
        "String", "string", "Integer", "Long", "Number", "Boolean", "JSON", "Object",
    ];
    (!scalar.contains(&name)).then(|| name.to_owned())
}

fn compare_statuses(spec: &Spec, facts: &Value, out: &mut Vec<String>) {
    let mut ours: Vec<u16> = spec.status_codes.iter().map(|s| s.status).collect();
    if ours.is_empty() {
        for status in spec
            .tables
            .iter()
            .filter(|t| t.role == TableRole::ResponseBody)
            .filter_map(|t| t.status)
        {
            if !ours.contains(&status) {
                ours.push(status);
            }
        }
    }
    let theirs: Option<Vec<u16>> = facts["response_statuses"].as_array().map(|a| {
        a.iter()
            .filter_map(|s| s.as_u64())
            .map(|s| s as u16)
            .collect()
    });
    if theirs.unwrap_or_default() != ours {
        out.push(format!(
            "response_statuses: facts {}, import {ours:?}",
            facts["response_statuses"]
        ));
    }
}

fn compare_examples(spec: &Spec, facts: &Value, out: &mut Vec<String>) {
    let has_request = spec.examples.iter().any(|e| e.kind == ExampleKind::Request);
    if facts["has_request_example"].as_bool() != Some(has_request) {
        out.push(format!(
            "has_request_example: facts {}, import {has_request}",
            facts["has_request_example"]
        ));
    }
    let responses: Vec<Option<u16>> = spec
        .examples
        .iter()
        .filter(|e| e.kind == ExampleKind::Response)
        .map(|e| e.status)
        .collect();
    let mut statuses: Vec<u16> = Vec::new();
    for status in responses.iter().flatten() {
        if statuses.last() != Some(status) {
            statuses.push(*status);
        }
    }
    let matches = match facts["example_response_statuses"].as_array() {
        None => !responses.is_empty() && responses.iter().all(Option::is_none),
        Some(list) => {
            let theirs: Vec<u16> = list
                .iter()
                .filter_map(|s| s.as_u64())
                .map(|s| s as u16)
                .collect();
            responses.iter().all(Option::is_some) && statuses == theirs
        }
    };
    if !matches {
        out.push(format!(
            "example_response_statuses: facts {}, import {responses:?}",
            facts["example_response_statuses"]
        ));
    }
}
