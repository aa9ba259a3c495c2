//! `Validate` impls: one check call per documented constraint.

use super::text::{string, Writer};
use crate::model::{Field, Rules, Ty};
use crate::phrase::Limit;

/// `impl Validate` for a struct or parameter group.
pub fn struct_impl(out: &mut Writer, name: &str, fields: &[Field]) {
    let checked: Vec<(&Field, Vec<Check>)> = fields
        .iter()
        .map(|f| (f, value_checks(&f.ty, &f.rules, "value")))
        .filter(|(_, checks)| !checks.is_empty())
        .collect();
    let (at, found) = if checked.is_empty() {
        ("_at", "_found")
    } else {
        ("at", "found")
    };
    out.open(&format!("impl validation::Validate for {name}"));
    let at = format!("{at}: &validation::Path<'_>");
    let found = format!("{found}: &mut validation::Violations");
    // Inline, like every function of a type that an operation's code
    // reaches: compiled in the crate that calls the operation, for the
    // operations it calls, not for every type of every operation when the
    // generated crate builds (a tenth of a debug build; see
    // `Request::to_http`).
    out.line("#[inline]");
    out.signature(
        "fn validate_at",
        &["&self", &at, &found],
        "",
        checked.is_empty(),
    );
    for (field, checks) in &checked {
        field_checks(out, field, checks);
    }
    if !checked.is_empty() {
        out.close("");
    }
    out.close("");
}

/// One check: a call of the runtime's `validation::check`, a nested value's
/// own validation, or a loop over the items of a list or map.
enum Check {
    /// `validation::check::NAME(args);`
    Call(&'static str, Vec<String>),
    /// `value.validate_at(&at, found);`
    Nested(String),
    /// `for (index, item) in items {` at `let at = at.INDEX_KEY(index);` and the checks `}`.
    Each {
        header: String,
        at: &'static str,
        checks: Vec<Check>,
    },
}

/// The checks of one field: bound to `value`, at its key.
fn field_checks(out: &mut Writer, field: &Field, checks: &[Check]) {
    let wire = string(&field.wire);
    if field.required {
        out.open("");
        out.line(&format!("let at = at.key({wire});"));
        out.line(&format!("let value = &self.{};", field.rust));
    } else {
        out.open(&format!("if let Some(value) = &self.{}", field.rust));
        out.line(&format!("let at = at.key({wire});"));
    }
    write_checks(out, checks);
    out.close("");
}

fn write_checks(out: &mut Writer, checks: &[Check]) {
    for check in checks {
        match check {
            Check::Call(name, args) => {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                out.call(&format!("validation::check::{name}"), &args, ";");
            }
            Check::Nested(value) => out.method_call(value, "validate_at", &["&at", "found"], ";"),
            Check::Each { header, at, checks } => {
                out.open(header);
                out.line(at);
                write_checks(out, checks);
                out.close("");
            }
        }
    }
}

/// Checks for a value of type `ty` bound to `value` (a reference), located at `at`.
fn value_checks(ty: &Ty, rules: &Rules, value: &str) -> Vec<Check> {
    match ty {
        Ty::Array(inner) => {
            let mut checks = Vec::new();
            if !rules.items.is_none() {
                checks.push(bounds(
                    "items",
                    format!("{value}.len()"),
                    option(rules.items.min),
                    option(rules.items.max),
                ));
            }
            let item_rules = Rules {
                items: Default::default(),
                ..rules.clone()
            };
            let item = value_checks(inner, &item_rules, "item");
            if !item.is_empty() {
                checks.push(Check::Each {
                    header: format!("for (i, item) in {value}.iter().enumerate()"),
                    at: "let at = at.index(i);",
                    checks: item,
                });
            }
            checks
        }
        Ty::String => length(rules, format!("{value}.as_str()"))
            .into_iter()
            .collect(),
        Ty::Secret => length(rules, format!("{value}.expose()"))
            .into_iter()
            .collect(),
        Ty::Enum(name) => {
            let mut checks: Vec<Check> = length(rules, format!("{value}.as_str()"))
                .into_iter()
                .collect();
            checks.push(Check::Call(
                "documented",
                vec![
                    "&at".to_owned(),
                    format!("{value}.is_documented()"),
                    format!("{value}.as_str()"),
                    format!("{name}::DOCUMENTED"),
                    "found".to_owned(),
                ],
            ));
            checks
        }
        Ty::I32 | Ty::I64 | Ty::F64 => {
            let float = *ty == Ty::F64;
            let mut checks = Vec::new();
            if !rules.range.is_none() {
                let bound = |limit: Option<Limit>| match limit {
                    Some(l) => format!("Some({})", number(l, float)),
                    None => "None".to_owned(),
                };
                checks.push(bounds(
                    "range",
                    format!("*{value}"),
                    bound(rules.range.min),
                    bound(rules.range.max),
                ));
            }
            if let Some(list) = &rules.one_of {
                let list: Vec<String> = list.iter().map(|l| number(*l, float)).collect();
                checks.push(Check::Call(
                    "one_of",
                    vec![
                        "&at".to_owned(),
                        value.to_owned(),
                        format!("&[{}]", list.join(", ")),
                        "found".to_owned(),
                    ],
                ));
            }
            checks
        }
        Ty::Struct(_) => vec![Check::Nested(value.to_owned())],
        Ty::Map(inner) => {
            let item = value_checks(inner, &Rules::default(), "item");
            if item.is_empty() {
                Vec::new()
            } else {
                vec![Check::Each {
                    header: format!("for (key, item) in {value}"),
                    at: "let at = at.key(key);",
                    checks: item,
                }]
            }
        }
        Ty::Bool | Ty::Json => Vec::new(),
    }
}

fn length(rules: &Rules, text: String) -> Option<Check> {
    if rules.length.is_none() {
        return None;
    }
    Some(bounds(
        "length",
        text,
        option(rules.length.min),
        option(rules.length.max),
    ))
}

/// `validation::check::<check>(&at, measure, min, max, found)`: the checks
/// of a measure (length, item count, value) against optional bounds.
fn bounds(check: &'static str, measure: String, min: String, max: String) -> Check {
    Check::Call(
        check,
        vec!["&at".to_owned(), measure, min, max, "found".to_owned()],
    )
}

/// A number literal as prettyplease prints the one `quote!` writes.
fn number(limit: Limit, float: bool) -> String {
    match (limit, float) {
        (Limit::Int(i), false) => {
            let magnitude = proc_macro2::Literal::u64_unsuffixed(i.unsigned_abs());
            if i < 0 {
                format!("-{magnitude}")
            } else {
                magnitude.to_string()
            }
        }
        (limit, _) => {
            let f = limit.as_f64();
            let magnitude = proc_macro2::Literal::f64_unsuffixed(f.abs());
            if f < 0.0 {
                format!("-{magnitude}")
            } else {
                magnitude.to_string()
            }
        }
    }
}

fn option(value: Option<u64>) -> String {
    match value {
        Some(v) => format!("Some({v})"),
        None => "None".to_owned(),
    }
}
