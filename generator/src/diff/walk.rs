//! Walks two models side by side and records every change, classified.

use super::{classify, Change, ChangeKind, Constraint, Part};
use crate::model::{Api, Body, Bounds, DefaultValue, Field, Operation, Ty};
use crate::phrase::Limit;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// Every change from `old` to `new`, by service and operation id.
pub fn changes(old: &Api, new: &Api) -> Vec<Change> {
    let old_operations = by_key(old);
    let new_operations = by_key(new);
    let keys: BTreeSet<&(&str, &str)> =
        old_operations.keys().chain(new_operations.keys()).collect();
    let mut changes = Vec::new();
    for &key in keys {
        let (service, operation) = key;
        let scope = Scope { service, operation };
        match (old_operations.get(&key), new_operations.get(&key)) {
            (Some(old), Some(new)) => changes.extend(OperationWalk::new(scope, old, new).changes()),
            (Some(old), None) => {
                changes.push(scope.whole(ChangeKind::OperationRemoved, Some(endpoint(old)), None))
            }
            (None, Some(new)) => {
                changes.push(scope.whole(ChangeKind::OperationAdded, None, Some(endpoint(new))))
            }
            (None, None) => {}
        }
    }
    changes
}

/// The operations of an API by (service module, operation id).
fn by_key(api: &Api) -> BTreeMap<(&str, &str), &Operation> {
    api.services
        .iter()
        .flat_map(|service| {
            service
                .operations
                .iter()
                .map(move |operation| ((service.module.as_str(), operation.id.as_str()), operation))
        })
        .collect()
}

fn endpoint(operation: &Operation) -> String {
    format!("{} {}", operation.method, operation.path)
}

/// The operation a change belongs to.
#[derive(Clone, Copy)]
struct Scope<'a> {
    service: &'a str,
    operation: &'a str,
}

impl Scope<'_> {
    /// A change of the operation as a whole, which has no location within itself.
    fn whole(self, kind: ChangeKind, old: Option<String>, new: Option<String>) -> Change {
        self.change(&At::new(Part::Operation, ""), kind, None, old, new)
    }

    fn change(
        self,
        at: &At,
        kind: ChangeKind,
        constraint: Option<Constraint>,
        old: Option<String>,
        new: Option<String>,
    ) -> Change {
        let classification = classify(kind, at.part);
        Change {
            service: self.service.to_owned(),
            operation: self.operation.to_owned(),
            part: at.part,
            location: at.location(),
            kind,
            constraint,
            old,
            new,
            request: classification.request,
            response: classification.response,
            explanation: classification.explanation,
        }
    }
}

/// Where in an operation a change is: a root (`request body`, `header
/// parameter X-Auth-Token`) and a field path below it (`/task_info/*/task_id`).
#[derive(Debug, Clone)]
struct At {
    part: Part,
    root: String,
    path: String,
}

impl At {
    fn new(part: Part, root: impl Into<String>) -> At {
        At {
            part,
            root: root.into(),
            path: String::new(),
        }
    }

    /// The place one step further down the field path.
    fn child(&self, segment: &str) -> At {
        At {
            part: self.part,
            root: self.root.clone(),
            path: format!("{}/{segment}", self.path),
        }
    }

    fn location(&self) -> String {
        if self.path.is_empty() {
            self.root.clone()
        } else {
            format!("{} {}", self.root, self.path)
        }
    }
}

/// Two items of the old and new lists that stand for the same thing, or one without a counterpart.
enum Pair<'a, T> {
    Both(&'a T, &'a T),
    Removed(&'a T),
    Added(&'a T),
}

impl<'a, T> Pair<'a, T> {
    /// The item as it is now, or as it was if it is gone.
    fn latest(&self) -> &'a T {
        match *self {
            Pair::Both(_, new) | Pair::Added(new) => new,
            Pair::Removed(old) => old,
        }
    }
}

/// Matches the items of two lists: the old ones in order, each with the
/// first unmatched new one that `same` accepts, then the new ones left over.
fn pair_up<'a, T>(old: &'a [T], new: &'a [T], same: impl Fn(&T, &T) -> bool) -> Vec<Pair<'a, T>> {
    let mut matched = vec![false; new.len()];
    let mut pairs = Vec::new();
    for old_item in old {
        let counterpart = new
            .iter()
            .zip(matched.iter_mut())
            .find(|(new_item, taken)| !**taken && same(old_item, new_item));
        match counterpart {
            Some((new_item, taken)) => {
                *taken = true;
                pairs.push(Pair::Both(old_item, new_item));
            }
            None => pairs.push(Pair::Removed(old_item)),
        }
    }
    let left_over = new.iter().zip(&matched).filter(|(_, taken)| !**taken);
    pairs.extend(left_over.map(|(new_item, _)| Pair::Added(new_item)));
    pairs
}

/// The comparison of one operation present on both sides.
struct OperationWalk<'a> {
    scope: Scope<'a>,
    old: &'a Operation,
    new: &'a Operation,
    changes: Vec<Change>,
    /// The (old, new) structs being compared further up the current path:
    /// object tables may refer to each other in a cycle.
    open: Vec<(&'a str, &'a str)>,
}

impl<'a> OperationWalk<'a> {
    fn new(scope: Scope<'a>, old: &'a Operation, new: &'a Operation) -> Self {
        OperationWalk {
            scope,
            old,
            new,
            changes: Vec::new(),
            open: Vec::new(),
        }
    }

    /// Every change, in the order of the operation's parts.
    fn changes(mut self) -> Vec<Change> {
        let (old, new) = (self.old, self.new);
        self.endpoint();
        self.parameters(
            "path parameter",
            &old.path_params,
            &new.path_params,
            same_wire,
        );
        self.parameters(
            "query parameter",
            &old.query_params,
            &new.query_params,
            same_wire,
        );
        // HTTP header names ignore case.
        self.parameters(
            "header parameter",
            &old.header_params,
            &new.header_params,
            |a, b| a.wire.eq_ignore_ascii_case(&b.wire),
        );
        self.request_body();
        self.responses();
        self.changes
    }

    fn record(&mut self, at: &At, kind: ChangeKind, old: Option<String>, new: Option<String>) {
        self.changes
            .push(self.scope.change(at, kind, None, old, new));
    }

    fn record_constraint(
        &mut self,
        at: &At,
        kind: ChangeKind,
        constraint: Constraint,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.changes
            .push(self.scope.change(at, kind, Some(constraint), old, new));
    }

    fn endpoint(&mut self) {
        let (old, new) = (self.old, self.new);
        if old.method != new.method {
            let at = At::new(Part::Operation, "method");
            self.record(
                &at,
                ChangeKind::MethodChanged,
                Some(old.method.to_string()),
                Some(new.method.to_string()),
            );
        }
        if old.path != new.path {
            let at = At::new(Part::Operation, "path");
            self.record(
                &at,
                ChangeKind::PathChanged,
                Some(old.path.clone()),
                Some(new.path.clone()),
            );
        }
    }

    /// The parameters of one kind (`query parameter`), matched by name.
    fn parameters(
        &mut self,
        kind: &str,
        old: &'a [Field],
        new: &'a [Field],
        same: fn(&Field, &Field) -> bool,
    ) {
        let pairs = pair_up(old, new, same);
        self.fields(pairs, |wire| {
            At::new(Part::Request, format!("{kind} {wire}"))
        });
    }

    fn request_body(&mut self) {
        let at = At::new(Part::Request, "request body");
        match (&self.old.request_body, &self.new.request_body) {
            (Some(old), Some(new)) => self.body(&at, old, new),
            (Some(old), None) => self.record(
                &at,
                ChangeKind::FieldRemoved,
                Some(describe_body(old)),
                None,
            ),
            // A body is sent whole: one that appears must be given.
            (None, Some(new)) => self.record(
                &at,
                ChangeKind::RequiredFieldAdded,
                None,
                Some(describe_body(new)),
            ),
            (None, None) => {}
        }
    }

    fn responses(&mut self) {
        let (old, new) = (self.old, self.new);
        let mut pairs = pair_up(&old.responses, &new.responses, |a, b| a.status == b.status);
        pairs.sort_by_key(|pair| pair.latest().status);
        for pair in pairs {
            match pair {
                Pair::Both(old, new) => {
                    let at = At::new(Part::Response, format!("response {} body", new.status));
                    self.body(&at, &old.body, &new.body);
                }
                Pair::Removed(old) => {
                    let at = At::new(Part::Response, format!("response {}", old.status));
                    self.record(
                        &at,
                        ChangeKind::StatusRemoved,
                        Some(describe_body(&old.body)),
                        None,
                    );
                }
                Pair::Added(new) => {
                    let at = At::new(Part::Response, format!("response {}", new.status));
                    self.record(
                        &at,
                        ChangeKind::StatusAdded,
                        None,
                        Some(describe_body(&new.body)),
                    );
                }
            }
        }
    }

    fn body(&mut self, at: &At, old: &'a Body, new: &'a Body) {
        match (old, new) {
            (Body::Json(old), Body::Json(new)) => {
                self.shape(at, old, new);
                self.enum_values(at, old, new);
                self.nested(at, old, new);
            }
            (Body::Text, Body::Text) => {}
            _ => self.record(
                at,
                ChangeKind::TypeChanged,
                Some(describe_body(old)),
                Some(describe_body(new)),
            ),
        }
    }

    /// Matched fields compared, unmatched ones reported; `at` names a field's place by its wire name.
    fn fields(&mut self, pairs: Vec<Pair<'a, Field>>, at: impl Fn(&str) -> At) {
        for pair in pairs {
            match pair {
                Pair::Both(old, new) => self.field(&at(&new.wire), old, new),
                Pair::Removed(old) => {
                    self.record(
                        &at(&old.wire),
                        ChangeKind::FieldRemoved,
                        Some(describe(&old.ty)),
                        None,
                    );
                }
                Pair::Added(new) => {
                    let kind = if new.required {
                        ChangeKind::RequiredFieldAdded
                    } else {
                        ChangeKind::OptionalFieldAdded
                    };
                    self.record(&at(&new.wire), kind, None, Some(describe(&new.ty)));
                }
            }
        }
    }

    /// One field on both sides: its own changes first, then those of the objects it holds.
    fn field(&mut self, at: &At, old: &'a Field, new: &'a Field) {
        self.shape(at, &old.ty, &new.ty);
        self.requirement(at, old.required, new.required);
        self.constraints(at, old, new);
        self.enum_values(at, &old.ty, &new.ty);
        self.default(at, old, new);
        self.nested(at, &old.ty, &new.ty);
    }

    fn shape(&mut self, at: &At, old: &Ty, new: &Ty) {
        if !same_shape(old, new) {
            self.record(
                at,
                ChangeKind::TypeChanged,
                Some(describe(old)),
                Some(describe(new)),
            );
        }
    }

    fn requirement(&mut self, at: &At, old: bool, new: bool) {
        let presence = |required: bool| if required { "required" } else { "optional" }.to_owned();
        if old != new {
            let kind = if new {
                ChangeKind::BecameRequired
            } else {
                ChangeKind::BecameOptional
            };
            self.record(at, kind, Some(presence(old)), Some(presence(new)));
        }
    }

    /// Each constraint is compared only where both sides have what it
    /// constrains; where they do not, the type change says it all.
    fn constraints(&mut self, at: &At, old: &Field, new: &Field) {
        let (before, after) = (&old.rules, &new.rules);
        if matches!((&old.ty, &new.ty), (Ty::Array(_), Ty::Array(_))) {
            self.bounds(
                at,
                before.items,
                after.items,
                Constraint::MinItems,
                Constraint::MaxItems,
            );
        }
        let (old_item, new_item) = (old.ty.innermost(), new.ty.innermost());
        if is_text(old_item) && is_text(new_item) {
            self.bounds(
                at,
                before.length,
                after.length,
                Constraint::MinLength,
                Constraint::MaxLength,
            );
        }
        if is_number(old_item) && is_number(new_item) {
            self.bounds(
                at,
                before.range,
                after.range,
                Constraint::Minimum,
                Constraint::Maximum,
            );
            self.allowed_values(at, before.one_of.as_deref(), after.one_of.as_deref());
        }
    }

    fn bounds<T: PartialOrd + Display + Copy>(
        &mut self,
        at: &At,
        old: Bounds<T>,
        new: Bounds<T>,
        min: Constraint,
        max: Constraint,
    ) {
        // A larger minimum allows less, and so does a smaller maximum.
        self.bound(at, min, old.min, new.min, Ordering::Greater);
        self.bound(at, max, old.max, new.max, Ordering::Less);
    }

    /// One bound: tightened when it appears or moves the `tighter` way, loosened when it goes or moves back.
    fn bound<T: PartialOrd + Display>(
        &mut self,
        at: &At,
        constraint: Constraint,
        old: Option<T>,
        new: Option<T>,
        tighter: Ordering,
    ) {
        let kind = match (&old, &new) {
            (None, None) => return,
            (None, Some(_)) => ChangeKind::ConstraintTightened,
            (Some(_), None) => ChangeKind::ConstraintLoosened,
            (Some(before), Some(after)) => match after.partial_cmp(before) {
                Some(order) if order == tighter => ChangeKind::ConstraintTightened,
                Some(Ordering::Equal) | None => return,
                Some(_) => ChangeKind::ConstraintLoosened,
            },
        };
        let text = |value: Option<T>| value.map(|v| v.to_string());
        self.record_constraint(at, kind, constraint, text(old), text(new));
    }

    /// A list that loses a value is tightened, even if it gains others: a request may have used that value.
    fn allowed_values(&mut self, at: &At, old: Option<&[Limit]>, new: Option<&[Limit]>) {
        let kind = match (old, new) {
            (None, None) => return,
            (None, Some(_)) => ChangeKind::ConstraintTightened,
            (Some(_), None) => ChangeKind::ConstraintLoosened,
            (Some(before), Some(after)) => {
                if before.iter().any(|v| !contains(after, *v)) {
                    ChangeKind::ConstraintTightened
                } else if after.iter().any(|v| !contains(before, *v)) {
                    ChangeKind::ConstraintLoosened
                } else {
                    return;
                }
            }
        };
        self.record_constraint(
            at,
            kind,
            Constraint::AllowedValues,
            old.map(list),
            new.map(list),
        );
    }

    /// Enumerations are compared by their wire values, whatever the generated enums are called.
    fn enum_values(&mut self, at: &At, old: &Ty, new: &Ty) {
        let ((Ty::Enum(old_name), _), (Ty::Enum(new_name), _)) = (element(old), element(new))
        else {
            return;
        };
        let before = wire_values(self.old, old_name);
        let after = wire_values(self.new, new_name);
        for value in before.iter().filter(|v| !after.contains(v)) {
            self.record(
                at,
                ChangeKind::EnumValueRemoved,
                Some(value.to_string()),
                None,
            );
        }
        for value in after.iter().filter(|v| !before.contains(v)) {
            self.record(
                at,
                ChangeKind::EnumValueAdded,
                None,
                Some(value.to_string()),
            );
        }
    }

    fn default(&mut self, at: &At, old: &Field, new: &Field) {
        let kind = match (&old.default, &new.default) {
            (None, None) => return,
            (None, Some(_)) => ChangeKind::DefaultAdded,
            (Some(_), None) => ChangeKind::DefaultRemoved,
            (Some(before), Some(after)) if before.value.same_as(&after.value) => return,
            (Some(_), Some(_)) => ChangeKind::DefaultChanged,
        };
        let written = |d: &Option<DefaultValue>| d.as_ref().map(|d| d.written.clone());
        self.record(at, kind, written(&old.default), written(&new.default));
    }

    /// Follows objects held by a field, through arrays and maps, on the path the new type takes.
    fn nested(&mut self, at: &At, old: &'a Ty, new: &'a Ty) {
        let ((Ty::Struct(old_name), _), (Ty::Struct(new_name), segments)) =
            (element(old), element(new))
        else {
            return;
        };
        let at = segments
            .iter()
            .fold(at.clone(), |at, segment| at.child(segment));
        self.object(&at, old_name, new_name);
    }

    fn object(&mut self, at: &At, old_name: &'a str, new_name: &'a str) {
        // The resolver links every struct name, so both are found.
        let (Some(old), Some(new)) = (
            self.old.find_struct(old_name),
            self.new.find_struct(new_name),
        ) else {
            return;
        };
        if self.open.contains(&(old_name, new_name)) {
            return;
        }
        self.open.push((old_name, new_name));
        self.fields(pair_up(&old.fields, &new.fields, same_wire), |wire| {
            at.child(wire)
        });
        self.open.pop();
    }
}

fn same_wire(a: &Field, b: &Field) -> bool {
    a.wire == b.wire
}

/// Whether two types have the same shape, whatever their generated names.
fn same_shape(old: &Ty, new: &Ty) -> bool {
    match (old, new) {
        (Ty::Array(old), Ty::Array(new)) | (Ty::Map(old), Ty::Map(new)) => same_shape(old, new),
        (Ty::Struct(_), Ty::Struct(_)) | (Ty::Enum(_), Ty::Enum(_)) => true,
        _ => old == new,
    }
}

/// The type below every array and map, with the field path segments that reach it.
fn element(ty: &Ty) -> (&Ty, Vec<&'static str>) {
    let mut segments = Vec::new();
    let mut ty = ty;
    loop {
        match ty {
            Ty::Array(inner) => {
                segments.push("*");
                ty = inner;
            }
            Ty::Map(inner) => {
                segments.push("{key}");
                ty = inner;
            }
            other => return (other, segments),
        }
    }
}

fn is_text(ty: &Ty) -> bool {
    matches!(ty, Ty::String | Ty::Secret | Ty::Enum(_))
}

fn is_number(ty: &Ty) -> bool {
    matches!(ty, Ty::I32 | Ty::I64 | Ty::F64)
}

fn wire_values<'o>(operation: &'o Operation, name: &str) -> Vec<&'o str> {
    operation
        .find_enum(name)
        .map(|e| e.variants.iter().map(|v| v.wire.as_str()).collect())
        .unwrap_or_default()
}

/// Whether a list of numbers holds `value` (`2` and `2.0` are the same number).
fn contains(values: &[Limit], value: Limit) -> bool {
    values
        .iter()
        .any(|v| v.partial_cmp(&value) == Some(Ordering::Equal))
}

fn list(values: &[Limit]) -> String {
    let items: Vec<String> = values.iter().map(Limit::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// A type in API terms: what the docs would call it, with the Rust type where that says more.
fn describe(ty: &Ty) -> String {
    match ty {
        Ty::String => "String".to_owned(),
        Ty::Secret => "String (credential)".to_owned(),
        Ty::I32 => "Integer (i32)".to_owned(),
        Ty::I64 => "Long (i64)".to_owned(),
        Ty::F64 => "Number (f64)".to_owned(),
        Ty::Bool => "Boolean".to_owned(),
        Ty::Struct(_) => "object".to_owned(),
        Ty::Enum(_) => "String enumeration".to_owned(),
        Ty::Array(inner) => format!("Array of {}", describe(inner)),
        Ty::Map(inner) => format!("Map of String to {}", describe(inner)),
        Ty::Json => "any JSON".to_owned(),
    }
}

fn describe_body(body: &Body) -> String {
    match body {
        Body::Text => "text".to_owned(),
        Body::Json(ty) => describe(ty),
    }
}
