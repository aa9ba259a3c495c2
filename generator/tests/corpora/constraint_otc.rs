//! The constraints of the whole pipeline on Open Telekom Cloud pages
//! (`../shared/otc`, see its README): each page of `data/otc_facts.json` is
//! imported as the site serves it (HTML) and from its reStructuredText (see
//! [`FORMS`]), written as YAML, read back and resolved; each resolved
//! field's constraints are compared with the facts.
//!
//! The facts were written from the reStructuredText the site is built from,
//! independently of the importer (`tools/otc_rows.py` reads the tables,
//! `tools/otc_facts.py` proposes, `tools/otc_corrections.py` holds every
//! correction made by hand after reading the row). They follow the
//! conventions of `../shared/corpus/FACTS.md`: for strings `min`/`max` are
//! lengths (bytes of an identifier count as its characters), for numbers
//! values; a cell that states a constraint several times records the
//! strongest, else the first; a list of formats, an example, a placeholder
//! or a qualifier in brackets is no value of its own. A value range on a
//! String (`The value ranges from 1 to 1000` for a `String` limit) is not a
//! length and is not recorded. Per field: `mandatory`, `type`, and the
//! constraints `min`, `max`, `min_items`, `max_items`, `enum`, `default`.
//!
//! What is compared: `Rules::length` or `Rules::range` for `min`/`max` (the
//! number), `Rules::items`, the wire values of the field's enum (or
//! `Rules::one_of`), `Field::default`. A fact table is matched to the
//! imported table with the same `Table N` caption, a fact row to the
//! resolved field of the same name in it. Every fact of a page, table or row
//! that does not come through is a miss; every constraint on a matched field
//! that the facts do not state is a false one.
//!
//! Run with `cargo test -p docspec --test corpora constraint_otc:: -- --nocapture` for
//! the figures per kind and service and every miss and false constraint.
#![cfg(feature = "import")]

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{
    assert_meets_targets, enum_text, limit_text, print_tally, print_tally_header, structs_by_table,
    Kind, Tally, KINDS,
};
use docspec::diagnostic::Diagnostics;
use docspec::import::{import_page, ImportOptions};
use docspec::model::{Field, Operation, Ty};
use docspec::spec::{self, Spec, Table, TableRole};
use serde_json::Value;

/// The Open Telekom Cloud pages beside the repository.
const OTC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/otc");

const FACTS: &str = include_str!("../data/otc_facts.json");

/// The forms of a page that are imported: the folder of a revision that
/// holds them, and the files' extension: the site's HTML and the
/// reStructuredText it is built from.
const FORMS: &[(&str, &str)] = &[("html", "html"), ("rst", "rst")];

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared/otc is missing: no constraint is compared with the otc facts"
)]
fn resolved_constraints_match_the_otc_facts() {
    let facts: Value = serde_json::from_str(FACTS).expect("data/otc_facts.json is JSON");
    let pages = facts["pages"].as_array().expect("a list of pages");
    if !Path::new(OTC).is_dir() {
        println!(
            "skipped: no pages at {OTC} (test data outside the repository): {} pages of facts",
            pages.len()
        );
        return;
    }
    let mut evaluations = Vec::new();
    for &form in FORMS {
        let mut evaluation = Evaluation::default();
        for page in pages {
            evaluation.page(page, form);
        }
        println!("\n=== {} ===", form.0);
        evaluation.print();
        evaluations.push(evaluation);
    }
    for (evaluation, (form, _)) in evaluations.iter().zip(FORMS) {
        assert!(evaluation.pages >= 60, "facts for at least 60 pages");
        assert_meets_targets(&format!("otc {form}"), evaluation.overall());
    }
}

#[derive(Default)]
struct Evaluation {
    pages: usize,
    /// By service, then kind.
    tallies: BTreeMap<String, [Tally; KINDS.len()]>,
    problems: Vec<String>,
    rows_matched: usize,
    rows: usize,
}

impl Evaluation {
    fn page(&mut self, page: &Value, (folder, extension): (&str, &str)) {
        self.pages += 1;
        let text = |key: &str| page[key].as_str().unwrap_or_default();
        let service = text("service");
        let file = Path::new(OTC)
            .join(service)
            .join(text("revision"))
            .join(folder)
            .join(text("file"))
            .with_extension(extension);
        let name = format!("{service}/{}", text("file"));
        let lost = |why: String| (name.clone(), why);
        match resolve(&file, service) {
            Ok((spec, operation)) => {
                if operation.method.as_str() != text("method") || operation.path != text("path") {
                    self.problems.push(format!(
                        "PATH {name}: facts {} {}, imported {} {}",
                        text("method"),
                        text("path"),
                        operation.method.as_str(),
                        operation.path
                    ));
                }
                for (index, table) in page["tables"].as_array().into_iter().flatten().enumerate() {
                    self.table(&name, service, (index, table), &spec, &operation);
                }
            }
            Err(why) => {
                let (name, why) = lost(why);
                let mut missed = 0;
                for table in page["tables"].as_array().into_iter().flatten() {
                    missed += self.all_missed(service, table);
                }
                self.problems
                    .push(format!("LOST {name}: {why}; {missed} facts missed"));
            }
        }
    }

    fn table(
        &mut self,
        page: &str,
        service: &str,
        (index, table): (usize, &Value),
        spec: &Spec,
        operation: &Operation,
    ) {
        let caption = table["caption"].as_str().unwrap_or_default();
        let fields = table["fields"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        let rows: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
        let imported = matching_tables(spec, caption, index, &rows);
        if imported.is_empty() {
            let missed = self.all_missed(service, table);
            if missed > 0 || !fields.is_empty() {
                self.problems.push(format!(
                    "NO TABLE {page} \"{caption}\": {} rows not imported, {missed} facts missed",
                    fields.len()
                ));
            }
            return;
        }
        let resolved: Vec<&Field> = imported
            .iter()
            .flat_map(|table| resolved_fields(spec, operation, table))
            .collect();
        for fact in fields {
            self.rows += 1;
            let name = fact["name"].as_str().unwrap_or_default();
            let field = resolved.iter().find(|f| f.wire == name).copied();
            self.rows_matched += usize::from(field.is_some());
            for (k, kind) in KINDS.iter().enumerate() {
                let expected = kind.expected(fact);
                let got = field.and_then(|f| resolved_value(*kind, f, operation));
                let tally = &mut self.tallies.entry(service.to_owned()).or_default()[k];
                let same = expected.is_some() && expected == got;
                let Some(what) = tally.count(expected.is_some(), got.is_some(), same) else {
                    continue;
                };
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
                let found = if field.is_some() {
                    ""
                } else {
                    " (no resolved field)"
                };
                self.problems.push(format!(
                    "{what} {page} \"{caption}\" {name} {kind}: expected {} got {}{found}",
                    show(&expected),
                    show(&got)
                ));
            }
        }
    }

    /// Counts every fact of a table as missed; returns how many.
    fn all_missed(&mut self, service: &str, table: &Value) -> u32 {
        let tallies = self.tallies.entry(service.to_owned()).or_default();
        let mut missed = 0;
        for fact in table["fields"].as_array().into_iter().flatten() {
            self.rows += 1;
            for (k, kind) in KINDS.iter().enumerate() {
                if kind.expected(fact).is_some() {
                    tallies[k].false_negatives += 1;
                    missed += 1;
                }
            }
        }
        missed
    }

    fn overall(&self) -> Tally {
        let mut overall = Tally::default();
        for tallies in self.tallies.values() {
            for tally in tallies {
                overall.add(*tally);
            }
        }
        overall
    }

    fn print(&self) {
        for problem in &self.problems {
            println!("{problem}");
        }
        println!(
            "\n{} pages, {} fact rows, {} of them matched to a resolved field",
            self.pages, self.rows, self.rows_matched
        );
        print_tally_header();
        for (k, kind) in KINDS.iter().enumerate() {
            let mut tally = Tally::default();
            for tallies in self.tallies.values() {
                tally.add(tallies[k]);
            }
            print_tally(&kind.to_string(), tally);
        }
        for (service, tallies) in &self.tallies {
            let mut tally = Tally::default();
            for t in tallies {
                tally.add(*t);
            }
            print_tally(service, tally);
        }
        print_tally("overall", self.overall());
    }
}

/// Imports, loads and resolves one page; or why it did not come through.
fn resolve(file: &Path, service: &str) -> Result<(Spec, Operation), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let options = ImportOptions {
        service: service.replace('-', "_"),
        operation: None,
    };
    let errors = |d: &Diagnostics| {
        d.errors()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let imported = import_page(file, &bytes, &options)
        .map_err(|d| format!("import failed: {}", errors(&d)))?;
    let path: PathBuf = file.to_path_buf();
    let loaded = spec::parse_str(&path, &imported.yaml)
        .map_err(|d| format!("the YAML does not load: {}", errors(&d)))?;
    let mut diagnostics = Diagnostics::new();
    let operation = resolve_operation(&loaded, &mut diagnostics)
        .ok_or_else(|| format!("resolve failed: {}", errors(&diagnostics)))?;
    Ok((loaded.spec, operation))
}

use docspec::resolve::resolve_operation;

/// The imported tables of a fact table: those captioned `Table N` as it is
/// (a URI table may be split into path and query parameters); for a table
/// without a caption, the imported table nearest to the `index`-th that has
/// the rows, or the URI tables that have them between them.
fn matching_tables<'a>(
    spec: &'a Spec,
    caption: &str,
    index: usize,
    rows: &[&str],
) -> Vec<&'a Table> {
    if let Some(number) = table_number(caption) {
        return spec
            .tables
            .iter()
            .filter(|t| t.caption.as_deref().and_then(table_number) == Some(number))
            .collect();
    }
    let holds_all = |tables: &[&Table]| {
        rows.iter().all(|name| {
            tables
                .iter()
                .any(|t| t.rows.iter().any(|r| r.parameter.trim() == *name))
        })
    };
    let nearest = spec
        .tables
        .iter()
        .filter(|t| holds_all(&[*t]))
        .min_by_key(|t| {
            let at = spec.tables.iter().position(|other| std::ptr::eq(other, *t));
            at.unwrap_or_default().abs_diff(index)
        });
    if let Some(table) = nearest {
        return vec![table];
    }
    let uri: Vec<&Table> = spec
        .tables
        .iter()
        .filter(|t| {
            matches!(
                t.role,
                TableRole::PathParameters | TableRole::QueryParameters
            )
        })
        .collect();
    if holds_all(&uri) {
        uri
    } else {
        Vec::new()
    }
}

/// `Table 3 Request parameters` -> 3.
fn table_number(caption: &str) -> Option<u32> {
    let mut words = caption.split_whitespace();
    while let Some(word) = words.next() {
        if word.eq_ignore_ascii_case("table") {
            return words.next()?.trim_end_matches([':', '.']).parse().ok();
        }
    }
    None
}

/// The resolved fields of one imported table.
fn resolved_fields<'a>(spec: &Spec, operation: &'a Operation, table: &Table) -> Vec<&'a Field> {
    let names: Vec<&str> = table.rows.iter().map(|r| r.parameter.trim()).collect();
    let of = |fields: &'a [Field]| -> Vec<&'a Field> {
        fields
            .iter()
            .filter(|f| names.contains(&f.wire.as_str()))
            .collect()
    };
    match table.role {
        TableRole::PathParameters | TableRole::QueryParameters => {
            let mut fields = of(&operation.path_params);
            fields.extend(of(&operation.query_params));
            fields
        }
        TableRole::HeaderParameters => of(&operation.header_params),
        TableRole::RequestBody | TableRole::ResponseBody | TableRole::Object => {
            let at = spec.tables.iter().position(|t| std::ptr::eq(t, table));
            let structs = structs_by_table(spec, operation);
            // A table whose struct is not named after it (one the resolver
            // merged or renamed): the struct with its rows.
            let with_the_rows = || {
                operation.structs.iter().find(|s| {
                    names
                        .iter()
                        .all(|name| s.fields.iter().any(|f| f.wire == *name))
                })
            };
            at.and_then(|at| structs[at])
                .or_else(with_the_rows)
                .map(|s| s.fields.iter().collect())
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// What the resolved field holds for a kind of fact, written as
/// [`Kind::expected`] writes the fact.
fn resolved_value(kind: Kind, field: &Field, operation: &Operation) -> Option<String> {
    let rules = &field.rules;
    let number = |length: Option<u64>, range: Option<docspec::phrase::Limit>| {
        length
            .map(|n| limit_text(docspec::phrase::Limit::Int(n as i64)))
            .or_else(|| range.map(limit_text))
    };
    match kind {
        Kind::Min => number(rules.length.min, rules.range.min),
        Kind::Max => number(rules.length.max, rules.range.max),
        Kind::MinItems => rules
            .items
            .min
            .map(|n| limit_text(docspec::phrase::Limit::Int(n as i64))),
        Kind::MaxItems => rules
            .items
            .max
            .map(|n| limit_text(docspec::phrase::Limit::Int(n as i64))),
        Kind::Enum => match field.ty.innermost() {
            Ty::Enum(name) => operation.find_enum(name).map(|e| {
                let values: Vec<String> = e.variants.iter().map(|v| v.wire.clone()).collect();
                enum_text(&values)
            }),
            _ => rules.one_of.as_ref().map(|values| {
                let values: Vec<String> = values.iter().map(ToString::to_string).collect();
                enum_text(&values)
            }),
        },
        Kind::Default => field.default.as_ref().map(|d| d.written.clone()),
    }
}
