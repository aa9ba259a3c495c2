//! Walks two models side by side and records every change, classified.

use super::{classify, Change, ChangeKind, Constraint, Part};
use crate::model::{Api, Body, Bounds, DefaultValue, Field, Operation, Ty};
use crate::phrase::Limit;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// Every change from `old` to `new`, by service and operation id.
pub fn changes(old: &Api, new: &Api) -> Vec<Change> {
    let mut matched = match_operations(old, new);
    matched.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut changes = Vec::new();
    for pair in matched {
        match pair {
            Matched::Both(service, old, new) => {
                let scope = Scope {
                    service,
                    operation: &new.id,
                };
                changes.extend(OperationWalk::new(scope, old, new).changes());
            }
            Matched::Removed(service, old) => {
                let scope = Scope {
                    service,
                    operation: &old.id,
                };
                changes.push(scope.whole(ChangeKind::OperationRemoved, Some(endpoint(old)), None));
            }
            Matched::Added(service, new) => {
                let scope = Scope {
                    service,
                    operation: &new.id,
                };
                changes.push(scope.whole(ChangeKind::OperationAdded, None, Some(endpoint(new))));
            }
        }
    }
    changes
}

/// An operation of the old and the new API that are the same, or one without a counterpart.
enum Matched<'a> {
    Both(&'a str, &'a Operation, &'a Operation),
    Removed(&'a str, &'a Operation),
    Added(&'a str, &'a Operation),
}

impl Matched<'_> {
    /// Reports list operations by service, then by the operation id they have now.
    fn sort_key(&self) -> (&str, &str) {
        match self {
            Matched::Both(service, _, new) | Matched::Added(service, new) => (service, &new.id),
            Matched::Removed(service, old) => (service, &old.id),
        }
    }
}

/// Pairs the operations of each service: first by identity (method and path
/// template, [`crate::spec::identity`]), so that a page whose title and name
/// change is still the same operation; then the ones left over by operation
/// id, so that an operation whose path or method changes under a name that
/// re-import kept is one operation with a changed path. Where one side has
/// several operations of the same identity (a deprecated copy of a page),
/// they pair by operation id first, then in operation id order.
fn match_operations<'a>(old: &'a Api, new: &'a Api) -> Vec<Matched<'a>> {
    let services: BTreeSet<&str> = old
        .services
        .iter()
        .chain(&new.services)
        .map(|s| s.module.as_str())
        .collect();
    let mut matched = Vec::new();
    for service in services {
        let old_operations = operations_of(old, service);
        let new_operations = operations_of(new, service);
        let mut old_left: Vec<&Operation> = Vec::new();
        let mut new_left: Vec<&Operation> = Vec::new();
        let mut identities: BTreeMap<String, (Vec<&Operation>, Vec<&Operation>)> = BTreeMap::new();
        for operation in old_operations {
            identities
                .entry(operation.identity())
                .or_default()
                .0
                .push(operation);
        }
        for operation in new_operations {
            identities
                .entry(operation.identity())
                .or_default()
                .1
                .push(operation);
        }
        for (_, (olds, news)) in identities {
            let pairs = pair_by_id_then_order(&olds, &news);
            for pair in pairs {
                match pair {
                    Pair::Both(old, new) => matched.push(Matched::Both(service, old, new)),
                    Pair::Removed(old) => old_left.push(*old),
                    Pair::Added(new) => new_left.push(*new),
                }
            }
        }
        for pair in pair_up(&old_left, &new_left, |a, b| a.id == b.id) {
            matched.push(match pair {
                Pair::Both(old, new) => Matched::Both(service, old, new),
                Pair::Removed(old) => Matched::Removed(service, old),
                Pair::Added(new) => Matched::Added(service, new),
            });
        }
    }
    matched
}

/// Operations of one identity: the same operation id first, then the rest in id order.
fn pair_by_id_then_order<'a, 'o>(
    old: &'a [&'o Operation],
    new: &'a [&'o Operation],
) -> Vec<Pair<'a, &'o Operation>> {
    let mut pairs = Vec::new();
    let by_id = pair_up(old, new, |a, b| a.id == b.id);
    let (mut old_left, mut new_left) = (Vec::new(), Vec::new());
    for pair in by_id {
        match pair {
            Pair::Both(..) => pairs.push(pair),
            Pair::Removed(old) => old_left.push(old),
            Pair::Added(new) => new_left.push(new),
        }
    }
    old_left.sort_by(|a, b| a.id.cmp(&b.id));
    new_left.sort_by(|a, b| a.id.cmp(&b.id));
    let mut new_left = new_left.into_iter();
    for old in old_left {
        match new_left.next() {
            Some(new) => pairs.push(Pair::Both(old, new)),
            None => pairs.push(Pair::Removed(old)),
        }
    }
    pairs.extend(new_left.map(Pair::Added));
    pairs
}

fn operations_of<'a>(api: &'a Api, service: &str) -> Vec<&'a Operation> {
    api.services
        .iter()
        .filter(|s| s.module == service)
        .flat_map(|s| &s.operations)
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
            semver: super::semver(kind),
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
        // A placeholder renamed in place is the same parameter.
        let (old_slots, new_slots) = (placeholders(&old.path), placeholders(&new.path));
        let same_place = |a: &Field, b: &Field| {
            let slot = |slots: &[String], f: &Field| slots.iter().position(|s| *s == f.wire);
            a.wire == b.wire
                || (old.identity() == new.identity()
                    && slot(&old_slots, a).is_some()
                    && slot(&old_slots, a) == slot(&new_slots, b))
        };
        let pairs = pair_up(&old.path_params, &new.path_params, same_place);
        self.fields(pairs, |wire| {
            At::new(Part::Request, format!("path parameter {wire}"))
        });
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
        moves(self.changes)
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
        if old.id != new.id {
            let at = At::new(Part::Operation, "name");
            self.record(
                &at,
                ChangeKind::OperationRenamed,
                Some(old.id.clone()),
                Some(new.id.clone()),
            );
        }
        if old.title.trim() != new.title.trim() {
            let at = At::new(Part::Operation, "title");
            self.record(
                &at,
                ChangeKind::TitleChanged,
                Some(old.title.trim().to_owned()),
                Some(new.title.trim().to_owned()),
            );
        }
        if old.method != new.method {
            let at = At::new(Part::Operation, "method");
            self.record(
                &at,
                ChangeKind::MethodChanged,
                Some(old.method.to_string()),
                Some(new.method.to_string()),
            );
        }
        // A renamed placeholder is the same path on the wire.
        if old.path != new.path && old.identity() != new.identity() {
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
        if same_shape(old, new) {
            return;
        }
        // A list of values that appears or goes on a string is a constraint
        // more or less, not another type on the wire.
        let kind = match (element(old).0, element(new).0) {
            (Ty::Enum(_), Ty::String) if same_shape(&plain(old), new) => {
                Some(ChangeKind::EnumerationRemoved)
            }
            (Ty::String, Ty::Enum(_)) if same_shape(old, &plain(new)) => {
                Some(ChangeKind::EnumerationAdded)
            }
            _ => None,
        };
        match kind {
            Some(kind) => {
                let values = |operation: &Operation, ty: &Ty| match element(ty).0 {
                    Ty::Enum(name) => {
                        Some(format!("[{}]", wire_values(operation, name).join(", ")))
                    }
                    _ => None,
                };
                let (before, after) = (values(self.old, old), values(self.new, new));
                self.record(at, kind, before, after);
            }
            None => self.record(
                at,
                ChangeKind::TypeChanged,
                Some(describe(old)),
                Some(describe(new)),
            ),
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

    /// Enumerations are compared by their wire values, whatever the generated
    /// enums are called. A value that only gains or loses a remark
    /// (`SATA` → `SATA(End-of-sale)`) is marked, one a letter or two apart
    /// (`contianerd` → `containerd`) respelled; the rest are removed or added.
    fn enum_values(&mut self, at: &At, old: &Ty, new: &Ty) {
        let ((Ty::Enum(old_name), _), (Ty::Enum(new_name), _)) = (element(old), element(new))
        else {
            return;
        };
        let before = wire_values(self.old, old_name);
        let after = wire_values(self.new, new_name);
        let mut removed: Vec<&str> = before
            .iter()
            .copied()
            .filter(|v| !after.contains(v))
            .collect();
        let mut added: Vec<&str> = after
            .iter()
            .copied()
            .filter(|v| !before.contains(v))
            .collect();
        for (kind, same) in [
            (
                ChangeKind::EnumValueMarked,
                remarked as fn(&str, &str) -> bool,
            ),
            (ChangeKind::EnumValueRespelled, respelled),
        ] {
            let mut i = 0;
            while i < removed.len() {
                match added.iter().position(|new| same(removed[i], new)) {
                    Some(j) => {
                        let (value, now) = (removed.remove(i), added.remove(j));
                        self.record(at, kind, Some(value.to_owned()), Some(now.to_owned()));
                    }
                    None => i += 1,
                }
            }
        }
        for value in removed {
            self.record(
                at,
                ChangeKind::EnumValueRemoved,
                Some(value.to_owned()),
                None,
            );
        }
        for value in added {
            self.record(at, ChangeKind::EnumValueAdded, None, Some(value.to_owned()));
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

/// The placeholders of a path template, in order.
fn placeholders(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// A field removed in one place and a field of the same name and type added
/// in another place of the same part (from a query parameter to the body,
/// from one object to another) is one field that moved.
fn moves(changes: Vec<Change>) -> Vec<Change> {
    let is_added = |c: &Change| {
        matches!(
            c.kind,
            ChangeKind::RequiredFieldAdded | ChangeKind::OptionalFieldAdded
        )
    };
    let mut changes: Vec<Option<Change>> = changes.into_iter().map(Some).collect();
    for i in 0..changes.len() {
        let Some(removed) = changes[i]
            .as_ref()
            .filter(|c| c.kind == ChangeKind::FieldRemoved)
        else {
            continue;
        };
        let Some(name) = field_name(&removed.location) else {
            continue;
        };
        let counterpart = changes.iter().position(|c| {
            c.as_ref().is_some_and(|c| {
                is_added(c)
                    && c.part == removed.part
                    && c.new == removed.old
                    && field_name(&c.location) == Some(name)
            })
        });
        let Some(j) = counterpart else { continue };
        let (Some(removed), Some(added)) = (changes[i].take(), changes[j].take()) else {
            continue;
        };
        let classification = classify(ChangeKind::FieldMoved, added.part);
        changes[j] = Some(Change {
            kind: ChangeKind::FieldMoved,
            old: Some(removed.location),
            new: Some(added.location.clone()),
            request: classification.request,
            response: classification.response,
            explanation: classification.explanation,
            semver: super::semver(ChangeKind::FieldMoved),
            ..added
        });
    }
    changes.into_iter().flatten().collect()
}

/// The wire name a field's location ends with (`query parameter limit`,
/// `request body /tags/*/key`); `None` for a whole body.
fn field_name(location: &str) -> Option<&str> {
    if let Some((_, path)) = location.split_once(" /") {
        return path.rsplit('/').find(|s| *s != "*" && *s != "{key}");
    }
    location.split_once(" parameter ").map(|(_, name)| name)
}

/// Whether one value is the other with a remark in brackets after it
/// (`SATA` and `SATA(End-of-sale)`, `v1 [deprecated]`), either way round.
fn remarked(old: &str, new: &str) -> bool {
    let with_remark = |plain: &str, marked: &str| {
        marked
            .strip_prefix(plain)
            .map(str::trim_start)
            .is_some_and(|rest| {
                (rest.starts_with('(') && rest.ends_with(')'))
                    || (rest.starts_with('[') && rest.ends_with(']'))
            })
    };
    !old.is_empty() && !new.is_empty() && (with_remark(old, new) || with_remark(new, old))
}

/// Whether two values are one spelling corrected: the same letters ignoring
/// case, or at most two edits apart in values of five characters or more
/// with the same digits (`c6.large` and `c7.large`, `v1.0.1` and `v1.0.2`
/// are two values, not one respelled).
fn respelled(old: &str, new: &str) -> bool {
    if old.eq_ignore_ascii_case(new) {
        return true;
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    a.len().min(b.len()) >= 5 && digits(old) == digits(new) && edit_distance(&a, &b) <= 2
}

/// Levenshtein distance, with a transposition counted as one edit.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// The type with its enumeration, under any arrays and maps, read as a plain string.
fn plain(ty: &Ty) -> Ty {
    match ty {
        Ty::Array(inner) => Ty::Array(Box::new(plain(inner))),
        Ty::Map(inner) => Ty::Map(Box::new(plain(inner))),
        Ty::Enum(_) => Ty::String,
        other => other.clone(),
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

#[cfg(test)]
mod tests {
    use super::respelled;

    #[test]
    fn a_respelling_keeps_its_digits() {
        assert!(respelled("contianerd", "containerd"));
        assert!(respelled("Available", "AVAILABLE"));
        assert!(!respelled("c6.large", "c7.large"));
        assert!(!respelled("v1.0.1", "v1.0.2"));
        assert!(!respelled("ACTIVE", "INACTIVE_X"));
    }
}
