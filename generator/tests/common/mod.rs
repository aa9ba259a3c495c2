//! What the corpus tests share (`phrase_corpus`, `import_corpus`,
//! `constraint_corpus`, `constraint_otc`, `openapi_export`,
//! `printed_as_prettyplease`): where
//! the corpus is, its pages and their import in both forms, the facts judged
//! wrong, how `facts.json` tables pair with the rows of a page and with the
//! tables of an import, and the precision/recall tallies.
//!
//! Each test binary that needs it (`suite`, `corpora`) declares it `pub mod
//! common;` beside its test modules, which `use crate::common`: every binary
//! uses only part of it, and public items of a test crate are not reported
//! as unused.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use docspec::model::{Operation, Struct};
use docspec::phrase::{ConstraintText, Limit, Subject, TypePhrase};
use docspec::spec::{Spec, Table, TableRole};
use serde_json::Value;

/// The corpus: test data beside the repository, see its `README.md` and `FACTS.md`.
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus");

pub const MIN_PRECISION: f64 = 0.99;
pub const MIN_RECALL: f64 = 0.95;

// ---------------------------------------------------------------------------
// Pages

/// The folder of every page that has facts (`<service>/<Operation>/`),
/// sorted; `None` when the corpus is not there.
pub fn page_dirs(corpus: &Path) -> Option<Vec<PathBuf>> {
    let services = fs::read_dir(corpus).ok()?;
    let mut dirs: Vec<PathBuf> = services
        .filter_map(Result::ok)
        .filter(|service| service.path().is_dir())
        .filter_map(|service| fs::read_dir(service.path()).ok())
        .flat_map(|operations| operations.filter_map(Result::ok).map(|op| op.path()))
        .filter(|dir| dir.join("facts.json").is_file())
        .collect();
    dirs.sort();
    Some(dirs)
}

/// Imports every page of `corpus` in both forms into `out`, one service per
/// service and form (`elb_html`, `elb_text`), as `<service>/<Operation>.yaml`;
/// returns how many pages were imported, `None` when the corpus is not there.
#[cfg(feature = "import")]
pub fn import_both_forms(corpus: &Path, out: &Path) -> Option<usize> {
    use docspec::import::{import_page, ImportOptions};
    let services = fs::read_dir(corpus).ok()?;
    let mut pages = 0;
    for service in services.map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
        let service_name = service.file_name().unwrap().to_string_lossy().into_owned();
        for operation in fs::read_dir(&service).unwrap() {
            let operation = operation.unwrap().path();
            let name = operation
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            for (form, suffix) in [("html", "html"), ("txt", "text")] {
                let page = operation.join(format!("page.{form}"));
                let Ok(bytes) = fs::read(&page) else {
                    continue;
                };
                let options = ImportOptions {
                    service: format!("{service_name}_{suffix}"),
                    operation: Some(name.clone()),
                };
                let imported = import_page(&page, &bytes, &options)
                    .unwrap_or_else(|e| panic!("{}: import failed:\n{e}", page.display()));
                let dir = out.join(&options.service);
                fs::create_dir_all(&dir).unwrap();
                fs::write(dir.join(format!("{name}.yaml")), &imported.yaml).unwrap();
                pages += 1;
            }
        }
    }
    Some(pages)
}

/// `elb/CreateListener`, as the exclusions name pages.
pub fn page_name(corpus: &Path, dir: &Path) -> String {
    dir.strip_prefix(corpus)
        .map(|relative| relative.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default()
}

/// A page's `facts.json`.
pub fn read_facts(dir: &Path) -> Value {
    let path = dir.join("facts.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------
// Facts judged wrong

/// Facts judged wrong after reading the page, left out of the comparison.
pub const EXCLUDED: &[Exclusion] = &[
    exclude(
        "ecs/ListResizeFlavors",
        4,
        "rxtx_quota",
        Kind::Default,
        NULL_IS_NO_VALUE,
    ),
    exclude(
        "ecs/ListResizeFlavors",
        4,
        "rxtx_cap",
        Kind::Default,
        NULL_IS_NO_VALUE,
    ),
    exclude(
        "ecs/ListResizeFlavors",
        5,
        "type",
        Kind::Default,
        NULL_IS_NO_VALUE,
    ),
    exclude(
        "elb/ListLoadBalancers",
        5,
        "ipv6_vip_address",
        Kind::Default,
        NULL_IS_NO_VALUE,
    ),
    exclude(
        "elb/ShowLoadBalancer",
        4,
        "ipv6_vip_address",
        Kind::Default,
        NULL_IS_NO_VALUE,
    ),
    exclude(
        "elb/UpdateLoadBalancer",
        7,
        "ipv6_vip_address",
        Kind::Default,
        NULL_IS_NO_VALUE,
    ),
    exclude(
        "elb/ListLoadBalancers",
        5,
        "id",
        Kind::Default,
        PROSE_IS_NO_VALUE,
    ),
    exclude(
        "elb/ShowLoadBalancer",
        4,
        "id",
        Kind::Default,
        PROSE_IS_NO_VALUE,
    ),
    exclude(
        "elb/UpdateLoadBalancer",
        7,
        "id",
        Kind::Default,
        PROSE_IS_NO_VALUE,
    ),
    exclude("ecs/ListServersByTag", 2, "limit", Kind::Max, VALUE_OF_TEXT),
    exclude(
        "modelarts/CreateTask",
        14,
        "@modelarts:hard_coefficient",
        Kind::Min,
        VALUE_OF_TEXT,
    ),
    exclude(
        "modelarts/CreateTask",
        14,
        "@modelarts:hard_coefficient",
        Kind::Max,
        VALUE_OF_TEXT,
    ),
    exclude(
        "modelarts/UploadSamplesJson",
        9,
        "@modelarts:hard_coefficient",
        Kind::Min,
        VALUE_OF_TEXT,
    ),
    exclude(
        "modelarts/UploadSamplesJson",
        9,
        "@modelarts:hard_coefficient",
        Kind::Max,
        VALUE_OF_TEXT,
    ),
    exclude(
        "modelarts/ListDatasets",
        2,
        "running_task_type",
        Kind::Default,
        "the page marks its last option (10) as the default, not 0",
    ),
    exclude(
        "ecs/ListServersByTag",
        3,
        "values",
        Kind::Max,
        "the page states the most characters each item may have; the facts leave it out",
    ),
    exclude(
        "ecs/NovaListServersDetails",
        12,
        "tenancy",
        Kind::Enum,
        VALUES_LEFT_OUT,
    ),
    exclude(
        "ecs/NovaShowServer",
        11,
        "tenancy",
        Kind::Enum,
        VALUES_LEFT_OUT,
    ),
    exclude(
        "modelarts/ListDatasets",
        4,
        "feature_supports",
        Kind::Enum,
        VALUES_LEFT_OUT,
    ),
];

const NULL_IS_NO_VALUE: &str =
    "null/None say that the parameter is absent: there is no default value";
const PROSE_IS_NO_VALUE: &str =
    "the default is described in words (who sets the value), it is no value";
const VALUE_OF_TEXT: &str =
    "a bound on the value of a String field, which the facts take for a length";
const VALUES_LEFT_OUT: &str =
    "the page states the values of this array of strings, as on other rows the facts do record";

const fn exclude(
    page: &'static str,
    table: usize,
    row: &'static str,
    kind: Kind,
    reason: &'static str,
) -> Exclusion {
    Exclusion {
        page,
        table,
        row,
        kind,
        reason,
    }
}

/// A fact left out of the comparison, and why.
pub struct Exclusion {
    pub page: &'static str,
    /// 1-based, as in `facts.json`.
    pub table: usize,
    pub row: &'static str,
    pub kind: Kind,
    pub reason: &'static str,
}

pub fn is_excluded(page: &str, table: usize, row: &str, kind: Kind) -> bool {
    EXCLUDED
        .iter()
        .any(|e| e.page == page && e.table == table && e.row == row && e.kind == kind)
}

pub fn print_exclusions() {
    println!("\nFacts excluded as wrong:");
    for e in EXCLUDED {
        println!(
            "  {} table {} {} {}: {}",
            e.page, e.table, e.row, e.kind, e.reason
        );
    }
}

// ---------------------------------------------------------------------------
// Kinds of constraint

/// A kind of constraint, as `facts.json` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Min,
    Max,
    MinItems,
    MaxItems,
    Enum,
    Default,
}

pub const KINDS: [Kind; 6] = [
    Kind::Min,
    Kind::Max,
    Kind::MinItems,
    Kind::MaxItems,
    Kind::Enum,
    Kind::Default,
];

impl Kind {
    pub fn fact_key(self) -> &'static str {
        match self {
            Kind::Min => "min",
            Kind::Max => "max",
            Kind::MinItems => "min_items",
            Kind::MaxItems => "max_items",
            Kind::Enum => "enum",
            Kind::Default => "default",
        }
    }

    /// The fact, written the way [`Kind::parsed`] writes the parse.
    pub fn expected(self, field: &Value) -> Option<String> {
        let fact = field.get(self.fact_key()).filter(|v| !v.is_null())?;
        Some(match self {
            Kind::Min | Kind::Max | Kind::MinItems | Kind::MaxItems => number_text(fact.as_f64()?),
            Kind::Enum => fact.to_string(),
            Kind::Default => fact.as_str()?.to_string(),
        })
    }

    /// What the constraint parser read, written like [`Kind::expected`].
    pub fn parsed(self, text: &ConstraintText) -> Option<String> {
        match self {
            Kind::Min => text.min.map(limit_text),
            Kind::Max => text.max.map(limit_text),
            Kind::MinItems => text.min_items.map(|n| n.to_string()),
            Kind::MaxItems => text.max_items.map(|n| n.to_string()),
            Kind::Enum => text.enum_values.as_deref().map(enum_text),
            Kind::Default => text.default.clone(),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.fact_key())
    }
}

pub fn limit_text(limit: Limit) -> String {
    number_text(limit.as_f64())
}

pub fn number_text(number: f64) -> String {
    format!("{number}")
}

/// A list of values as the facts write it: `["TCP","UDP"]`.
pub fn enum_text(values: &[String]) -> String {
    Value::from(values.to_vec()).to_string()
}

/// What the constraint parser is told about a row, from its Type cell.
pub fn subject_of(phrase: &TypePhrase) -> Subject {
    match phrase {
        TypePhrase::String => Subject::Text,
        TypePhrase::Integer | TypePhrase::Long => Subject::Integer,
        TypePhrase::Number => Subject::Number,
        TypePhrase::Boolean => Subject::Boolean,
        TypePhrase::Object { .. } | TypePhrase::Named(_) | TypePhrase::Map(_) | TypePhrase::Any => {
            Subject::Object
        }
        TypePhrase::Array(item) => match **item {
            TypePhrase::String => Subject::ArrayOfText,
            TypePhrase::Integer | TypePhrase::Long | TypePhrase::Number => Subject::ArrayOfNumbers,
            // A bare `Array` is a repeated query parameter (`name=a&name=b`)
            // whose items the page does not type; FACTS.md records the ranges
            // it states as item values.
            TypePhrase::Any => Subject::ArrayOfNumbers,
            _ => Subject::ArrayOfOther,
        },
    }
}

// ---------------------------------------------------------------------------
// Facts tables

/// The facts fields of the table at `index` (0-based), in row order, or
/// `None` for tables without parameters (status codes). Parameter lists span
/// tables: a page may give path and query parameters in one URI table or in
/// two, and the facts record how many rows each has.
pub fn facts_fields(facts: &Value, index: usize) -> Option<Vec<&Value>> {
    let tables = facts.get("tables")?.as_array()?;
    let table = tables.get(index)?;
    if let Some(object) = table.get("object").and_then(Value::as_str) {
        return Some(
            facts
                .get("objects")?
                .get(object)?
                .as_array()?
                .iter()
                .collect(),
        );
    }
    let role = table.get("role")?.as_str()?;
    let lists: &[&str] = match role {
        "uri" => &["path_params", "query_params"],
        "request_header" => &["header_params"],
        "response_header" => &["response_header_params"],
        _ => return None,
    };
    let rows = |t: &Value| t.get("rows").and_then(Value::as_u64).unwrap_or(0) as usize;
    let before: usize = tables[..index]
        .iter()
        .filter(|t| t.get("role").and_then(Value::as_str) == Some(role))
        .map(rows)
        .sum();
    let params = lists
        .iter()
        .filter_map(|key| facts.get(*key).and_then(Value::as_array))
        .flatten();
    Some(params.skip(before).take(rows(table)).collect())
}

/// Tables the importer made up for objects the page lacks.
pub fn is_off_page(table: &Table) -> bool {
    table
        .inferred
        .as_deref()
        .is_some_and(|why| why.contains("has no table on the page"))
}

/// The body tables of the facts paired with the body tables of an import.
pub struct ObjectPairs<'a> {
    /// Each facts table (an entry of `tables` with an `object`) and the index
    /// in `spec.tables` of the imported table paired with it, if any.
    pub pairs: Vec<(&'a Value, Option<usize>)>,
    /// Set when the two sides have different numbers of body tables.
    pub count_mismatch: Option<String>,
}

/// Pairs facts tables with imported tables by page order; when their counts
/// differ, by their field names.
pub fn pair_objects<'a>(spec: &Spec, facts: &'a Value) -> ObjectPairs<'a> {
    let ours: Vec<usize> = spec
        .tables
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            matches!(
                t.role,
                TableRole::RequestBody | TableRole::ResponseBody | TableRole::Object
            )
        })
        .filter(|(_, t)| !is_off_page(t))
        .map(|(i, _)| i)
        .collect();
    let theirs: Vec<&Value> = facts["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["object"].is_string())
        .collect();
    if ours.len() == theirs.len() {
        return ObjectPairs {
            pairs: theirs.into_iter().zip(ours.into_iter().map(Some)).collect(),
            count_mismatch: None,
        };
    }
    let count_mismatch = Some(format!(
        "objects: facts have {} body tables, the import {}",
        theirs.len(),
        ours.len()
    ));
    let mut used = vec![false; ours.len()];
    let mut pairs = Vec::new();
    for fact in theirs {
        let fields = field_names(&facts["objects"][fact["object"].as_str().unwrap_or_default()]);
        let found =
            (0..ours.len()).find(|&i| !used[i] && row_names(&spec.tables[ours[i]]) == fields);
        if let Some(i) = found {
            used[i] = true;
        }
        pairs.push((fact, found.map(|i| ours[i])));
    }
    ObjectPairs {
        pairs,
        count_mismatch,
    }
}

pub fn field_names(fields: &Value) -> Vec<String> {
    fields
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

pub fn row_names(table: &Table) -> Vec<String> {
    table.rows.iter().map(|r| r.parameter.clone()).collect()
}

// ---------------------------------------------------------------------------
// Tallies

#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub true_positives: u32,
    pub false_positives: u32,
    pub false_negatives: u32,
}

impl Tally {
    /// Counts one comparison of a fact (`expected`) with what was read
    /// (`got`); `same` when both are there and agree. Returns what a
    /// disagreement is (`MISS`, `EXTRA`, `WRONG`), `None` when they agree.
    pub fn count(&mut self, expected: bool, got: bool, same: bool) -> Option<&'static str> {
        if same || (!expected && !got) {
            self.true_positives += u32::from(expected);
            return None;
        }
        self.false_positives += u32::from(got);
        self.false_negatives += u32::from(expected);
        Some(match (expected, got) {
            (true, false) => "MISS",
            (false, true) => "EXTRA",
            _ => "WRONG",
        })
    }

    pub fn add(&mut self, other: Tally) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    pub fn precision(self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
}

fn ratio(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        1.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// Fails unless `overall` meets the corpus targets for precision and recall.
pub fn assert_meets_targets(label: &str, overall: Tally) {
    assert!(
        overall.precision() >= MIN_PRECISION,
        "{label}: precision {:.3} is below {MIN_PRECISION}",
        overall.precision()
    );
    assert!(
        overall.recall() >= MIN_RECALL,
        "{label}: recall {:.3} is below {MIN_RECALL}",
        overall.recall()
    );
}

pub fn print_tally_header() {
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>10} {:>8}",
        "kind", "tp", "fp", "fn", "precision", "recall"
    );
}

pub fn print_tally(label: &str, tally: Tally) {
    println!(
        "{label:<10} {:>5} {:>5} {:>5} {:>10.3} {:>8.3}",
        tally.true_positives,
        tally.false_positives,
        tally.false_negatives,
        tally.precision(),
        tally.recall()
    );
}

// ---------------------------------------------------------------------------
// Resolved structs

/// The struct the resolver made of each imported table: body and object
/// tables give one each, in table order, named after the table (`origin`).
pub fn structs_by_table<'a>(spec: &Spec, operation: &'a Operation) -> Vec<Option<&'a Struct>> {
    let mut next = 0;
    spec.tables
        .iter()
        .map(|table| {
            if !matches!(
                table.role,
                TableRole::RequestBody | TableRole::ResponseBody | TableRole::Object
            ) {
                return None;
            }
            let origin = match &table.name {
                Some(name) => format!("object \"{name}\""),
                None => table.label(),
            };
            let wires: Vec<&str> = table.rows.iter().map(|r| r.parameter.trim()).collect();
            let found = operation.structs[next..].iter().position(|s| {
                s.origin == origin
                    && s.fields
                        .iter()
                        .map(|f| f.wire.as_str())
                        .eq(wires.iter().copied())
            })?;
            next += found + 1;
            Some(&operation.structs[next - 1])
        })
        .collect()
}
