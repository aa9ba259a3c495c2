//! Object tables: what each is named, and which rows refer to it.
//!
//! A row refers to an object table by its Type cell (`Array of X objects`,
//! `X object`, `X array`), by a link or a `see Table N` in its description,
//! or by `see the X field description`. HTML links say exactly which table
//! they mean; copied text has no links and no captions, so there `Table N`
//! is the N-th table, and a table nothing points at is matched to the names
//! that rows use but no table has yet. Where that match is a guess, the
//! table says so (`inferred`) and a warning gives the page line.
//!
//! A table's name is what its rows use: the name in their Type cell, or,
//! when the Type cell is a plain `Object`, the first referring field's name,
//! which those rows then give as their explicit `ref`. Names are per side:
//! a request `Tag` and a response `Tag` may differ.

use super::language::{
    caption_object_name, field_description_reference, related_names, table_mentions,
    type_reference, TypeRef,
};
use super::page::{Cell, Link, LinkTarget, PageTable};
use super::roles::{Columns, Placed};
use super::Reporter;
use crate::infer::{infer_table, Subject};
use crate::spec::{Example, ExampleKind, Side, Table, TableRole};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// A body table as the roles left it: rows read, name and links still open.
#[derive(Debug, Clone)]
pub struct BodyTable<'p> {
    /// The table's index in the placed tables.
    pub placed: usize,
    pub line: usize,
    pub page: &'p PageTable,
    /// `Table N` as the page numbers it.
    pub number: u32,
    pub side: Side,
    pub top_level: bool,
    pub table: Table,
}

/// A table the page lacks but a row needs, to go after the table of `after` (a placed index).
#[derive(Debug, Clone)]
pub struct MissingTable {
    pub after: usize,
    pub table: Table,
}

/// Names the object tables, links the rows that refer to them, and adds a
/// table, inferred from the examples, for every type name without one.
pub fn link(
    bodies: &mut [BodyTable],
    placed: &[Placed],
    examples: &[Example],
    report: &mut Reporter,
) -> Vec<MissingTable> {
    let evidence = Evidence::new(examples);
    let refs = collect_refs(bodies, placed);
    let mut linker = Linker {
        claims: claims_by_table(&refs, bodies.len()),
        refs_by_table: refs_by_table(&refs, bodies.len()),
        refs,
        bodies,
        evidence,
    };
    linker.accept_claims();
    linker.name_tables(report);
    linker.report_elsewhere(report);
    linker.missing_tables(report)
}

/// Where a row's reference leads.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// A body table of this page (by index into the bodies); `exact` for an HTML link.
    Table { body: usize, exact: bool },
    /// A table of another page, or one this page does not have: what the page says.
    Elsewhere(String),
}

/// What one row refers to.
#[derive(Debug, Clone)]
struct RowRef {
    body: usize,
    row: usize,
    line: usize,
    param: String,
    /// The name the row gives: from its Type cell (`in_type`) or a `see the X field description`.
    name: Option<String>,
    in_type: bool,
    targets: Vec<Target>,
    /// Settled: a table now answers to this row (by its type name or an explicit `ref`).
    linked: bool,
}

impl RowRef {
    fn table_targets(&self) -> impl Iterator<Item = usize> + '_ {
        self.targets.iter().filter_map(|t| match t {
            Target::Table { body, .. } => Some(*body),
            Target::Elsewhere(_) => None,
        })
    }
}

fn collect_refs(bodies: &[BodyTable], placed: &[Placed]) -> Vec<RowRef> {
    let mut refs = Vec::new();
    for (body_index, body) in bodies.iter().enumerate() {
        let columns = Columns::of(body.page);
        let rows = body.table.rows.iter().zip(&body.page.rows).enumerate();
        for (row_index, (row, page_row)) in rows {
            let (name, in_type) = match type_reference(&row.type_) {
                TypeRef::Scalar => continue,
                TypeRef::Named(name) => (Some(name), true),
                TypeRef::Generic => (field_description_reference(&row.description), false),
            };
            let cells: Vec<&Cell> = [columns.type_, columns.description]
                .into_iter()
                .flatten()
                .filter_map(|i| page_row.cells.get(i))
                .collect();
            refs.push(RowRef {
                body: body_index,
                row: row_index,
                line: page_row.line,
                param: row.parameter.clone(),
                name,
                in_type,
                targets: targets_of(&cells, body_index, bodies, placed),
                linked: false,
            });
        }
    }
    refs
}

/// Where the links and `Table N` mentions in a row's cells lead. A mention
/// that is the text of a link is decided by the link.
fn targets_of(
    cells: &[&Cell],
    from: usize,
    bodies: &[BodyTable],
    placed: &[Placed],
) -> Vec<Target> {
    let mut targets = Vec::new();
    let mut decided_numbers = Vec::new();
    for link in cells.iter().flat_map(|c| &c.links) {
        if let Some(meaning) = link_meaning(link, from, bodies, placed) {
            decided_numbers.extend(table_mentions(&link.text));
            if let LinkMeaning::To(target) = meaning {
                push_new(&mut targets, target);
            }
        }
    }
    for cell in cells {
        for number in table_mentions(&cell.text) {
            if !decided_numbers.contains(&number) {
                push_new(&mut targets, numbered_target(number, from, bodies, placed));
            }
        }
    }
    targets
}

/// What a link says about the table a row refers to.
enum LinkMeaning {
    To(Target),
    /// Something on this page that is no object table (a section, a parameter table).
    NoObject,
}

/// `None` for links that say nothing about a table: to an anchor this page
/// lacks, or to another page's text that is no table.
fn link_meaning(
    link: &Link,
    from: usize,
    bodies: &[BodyTable],
    placed: &[Placed],
) -> Option<LinkMeaning> {
    match &link.target {
        LinkTarget::Anchor(anchor) => {
            let found = placed
                .iter()
                .position(|p| p.table.anchors.contains(anchor))?;
            Some(match bodies.iter().position(|b| b.placed == found) {
                Some(body) if body != from && !bodies[body].top_level => {
                    LinkMeaning::To(Target::Table { body, exact: true })
                }
                _ => LinkMeaning::NoObject,
            })
        }
        LinkTarget::OtherPage(file) => {
            let names_table = !table_mentions(&link.text).is_empty()
                || link.text.to_ascii_lowercase().contains("field description");
            names_table
                .then(|| LinkMeaning::To(Target::Elsewhere(format!("{} of {file}", link.text))))
        }
    }
}

fn push_new(targets: &mut Vec<Target>, target: Target) {
    if !targets.contains(&target) {
        targets.push(target);
    }
}

/// `see Table N` without a link: the table the page numbers N, if it is an object table.
fn numbered_target(number: u32, from: usize, bodies: &[BodyTable], placed: &[Placed]) -> Target {
    if !placed.iter().any(|p| p.number == number) {
        return Target::Elsewhere(format!("Table {number}, which this page does not have"));
    }
    match bodies.iter().position(|b| b.number == number) {
        Some(body) if body != from && !bodies[body].top_level => {
            Target::Table { body, exact: false }
        }
        _ => Target::Elsewhere(format!(
            "Table {number}, which on this page is no object table"
        )),
    }
}

struct Linker<'a, 'p> {
    bodies: &'a mut [BodyTable<'p>],
    refs: Vec<RowRef>,
    /// For each table, the rows that point at it by link or number, in page
    /// order: built once, so that linking stays linear in the page's size.
    claims: Vec<Vec<usize>>,
    /// For each table, the rows it holds that refer to other tables.
    refs_by_table: Vec<Vec<usize>>,
    evidence: Evidence,
}

/// The rows that point at each table, in page order.
fn claims_by_table(refs: &[RowRef], tables: usize) -> Vec<Vec<usize>> {
    let mut claims = vec![Vec::new(); tables];
    for (r, row_ref) in refs.iter().enumerate() {
        for table in row_ref.table_targets() {
            if let Some(claimants) = claims.get_mut(table) {
                if claimants.last() != Some(&r) {
                    claimants.push(r);
                }
            }
        }
    }
    claims
}

/// The referring rows of each table.
fn refs_by_table(refs: &[RowRef], tables: usize) -> Vec<Vec<usize>> {
    let mut by_table = vec![Vec::new(); tables];
    for (r, row_ref) in refs.iter().enumerate() {
        if let Some(own) = by_table.get_mut(row_ref.body) {
            own.push(r);
        }
    }
    by_table
}

impl Linker<'_, '_> {
    /// The rows that point at `body` by link or number, in page order.
    fn claimants(&self, body: usize) -> Vec<usize> {
        self.claims.get(body).cloned().unwrap_or_default()
    }

    /// A numbered reference is trusted when the table has no other claimant,
    /// or the claimants' names are related: one table describes one kind of
    /// field. Otherwise the number is taken to mean a table of another page
    /// (old pages link tables of other pages by their number there).
    fn accept_claims(&mut self) {
        for body in 0..self.bodies.len() {
            let claimants = self.claimants(body);
            let owner = claimants
                .iter()
                .copied()
                .find(|&r| {
                    self.refs[r]
                        .targets
                        .contains(&Target::Table { body, exact: true })
                })
                .or_else(|| claimants.first().copied());
            let Some(owner) = owner else { continue };
            let owner_param = self.refs[owner].param.clone();
            for r in claimants {
                let inexact = Target::Table { body, exact: false };
                if r == owner
                    || !self.refs[r].targets.contains(&inexact)
                    || related_names(&owner_param, &self.refs[r].param)
                {
                    continue;
                }
                let number = self.bodies[body].number;
                let rejected = &mut self.refs[r];
                rejected.targets.retain(|t| *t != inexact);
                // Only this table's claims can change: keep the index in step.
                if !rejected.table_targets().any(|t| t == body) {
                    if let Some(claimants) = self.claims.get_mut(body) {
                        claimants.retain(|&c| c != r);
                    }
                }
                let rejected = &mut self.refs[r];
                rejected.targets.push(Target::Elsewhere(format!(
                    "Table {number}, taken to be a table of another page since Table {number} of this page describes `{owner_param}`"
                )));
            }
        }
    }

    /// Gives every object table its name, in page order.
    fn name_tables(&mut self, report: &mut Reporter) {
        // Rows whose reference is still open, the most recent table's first:
        // pages list nested tables depth first.
        let mut pending: Vec<usize> = Vec::new();
        for body in 0..self.bodies.len() {
            if !self.bodies[body].top_level {
                let (name, unsure) = self.decide_name(body, &pending);
                self.apply_name(body, &name, unsure, report);
            }
            let own = self.refs_by_table.get(body).cloned().unwrap_or_default();
            pending.splice(0..0, own);
        }
    }

    /// The table's name and, when it is a guess, why: from the rows that
    /// link it; else from a type name no table has yet; else from the
    /// nearest object field without a table; else from its caption.
    fn decide_name(&mut self, body: usize, pending: &[usize]) -> (String, Option<String>) {
        self.name_by_links(body)
            .or_else(|| self.name_by_open_type_names(body, pending))
            .or_else(|| self.name_by_open_field(body, pending))
            .unwrap_or_else(|| self.name_by_caption(body))
    }

    /// The name the linking rows give: a type name first, else the first row's field name.
    fn name_by_links(&mut self, body: usize) -> Option<(String, Option<String>)> {
        let claimants = self.claimants(body);
        let first = *claimants.first()?;
        let wanted = claimants
            .iter()
            .find_map(|&r| self.refs[r].name.clone().filter(|_| self.refs[r].in_type))
            .or_else(|| claimants.iter().find_map(|&r| self.refs[r].name.clone()))
            .unwrap_or_else(|| self.refs[first].param.clone());
        let name = self.unique_name(body, wanted.clone());
        for &r in &claimants {
            self.link_row(r, &name);
        }
        let unsure = (name != wanted).then(|| {
            format!(
                "`{wanted}` names another table of this side already; this one, also linked by `{}`, is named `{name}`",
                self.refs[first].param
            )
        });
        Some((name, unsure))
    }

    /// A name that rows above use but no table has yet (copied text, which has no links).
    fn name_by_open_type_names(
        &mut self,
        body: usize,
        pending: &[usize],
    ) -> Option<(String, Option<String>)> {
        let side = self.bodies[body].side;
        let open: Vec<usize> = pending
            .iter()
            .copied()
            .filter(|&r| self.is_open(r, side) && self.refs[r].name.is_some())
            .collect();
        let mut candidates: Vec<String> = Vec::new();
        for name in open.iter().filter_map(|&r| self.refs[r].name.clone()) {
            if !candidates.contains(&name) && !self.name_taken(&name, side) {
                candidates.push(name);
            }
        }
        if candidates.is_empty() {
            return None;
        }
        let (name, unsure) = self.choose_candidate(body, &candidates, &open);
        for &r in &open {
            if self.refs[r].name.as_deref() == Some(name.as_str()) {
                self.link_row(r, &name);
            }
        }
        Some((name, unsure))
    }

    /// The nearest `Object` field above that has no table and points nowhere.
    fn name_by_open_field(
        &mut self,
        body: usize,
        pending: &[usize],
    ) -> Option<(String, Option<String>)> {
        let side = self.bodies[body].side;
        let r = pending.iter().copied().find(|&r| {
            self.is_open(r, side) && self.refs[r].name.is_none() && self.refs[r].targets.is_empty()
        })?;
        let parent = self.bodies[self.refs[r].body].table.label();
        let param = self.refs[r].param.clone();
        let name = self.unique_name(body, param.clone());
        self.link_row(r, &name);
        let why = format!(
            "nothing on the page links this table; taken to describe `{param}` of {parent}, the nearest object field without a table"
        );
        Some((name, Some(why)))
    }

    /// A table nothing refers to: named by its caption, else by its number.
    fn name_by_caption(&self, body: usize) -> (String, Option<String>) {
        let table = &self.bodies[body];
        let name = table
            .page
            .caption
            .as_deref()
            .and_then(caption_object_name)
            .unwrap_or_else(|| format!("table_{}", table.number));
        let name = self.unique_name(body, name);
        (
            name,
            Some("nothing on the page refers to this table".to_owned()),
        )
    }

    /// Picks among several open names: the caption's, else the one whose
    /// example objects have this table's fields, else the most recent one.
    fn choose_candidate(
        &self,
        body: usize,
        candidates: &[String],
        open: &[usize],
    ) -> (String, Option<String>) {
        let page = &self.bodies[body].page;
        if let Some(caption) = page.caption.as_deref().and_then(caption_object_name) {
            if candidates.contains(&caption) {
                return (caption, None);
            }
        }
        if candidates.len() == 1 {
            return (candidates[0].clone(), None);
        }
        let fields: BTreeSet<&str> = self.bodies[body]
            .table
            .rows
            .iter()
            .map(|r| r.parameter.as_str())
            .collect();
        let side = self.bodies[body].side;
        let scores: Vec<usize> = candidates
            .iter()
            .map(|name| {
                let keys: BTreeSet<String> = open
                    .iter()
                    .filter(|&&r| self.refs[r].name.as_deref() == Some(name.as_str()))
                    .flat_map(|&r| self.evidence.keys_under(side, &self.refs[r].param))
                    .collect();
                fields.iter().filter(|f| keys.contains(**f)).count()
            })
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best > 0 && scores.iter().filter(|&&s| s == best).count() == 1 {
            let at = scores.iter().position(|&s| s == best).unwrap_or(0);
            return (candidates[at].clone(), None);
        }
        (
            candidates[0].clone(),
            Some(format!(
                "no caption or link says which table this is; of the names without a table ({}), taken as the one of the nearest table above",
                candidates.join(", ")
            )),
        )
    }

    /// A row whose reference is still open, on `side`.
    fn is_open(&self, r: usize, side: Side) -> bool {
        let row = &self.refs[r];
        !row.linked && self.bodies[row.body].side == side && row.table_targets().next().is_none()
    }

    fn name_taken(&self, name: &str, side: Side) -> bool {
        self.bodies
            .iter()
            .any(|b| b.side == side && b.table.name.as_deref() == Some(name))
    }

    /// `name`, or `name_2`, `name_3`, ... when another table of the side has it.
    fn unique_name(&self, body: usize, name: String) -> String {
        let side = self.bodies[body].side;
        if !self.name_taken(&name, side) {
            return name;
        }
        (2..)
            .map(|n| format!("{name}_{n}"))
            .find(|candidate| !self.name_taken(candidate, side))
            .unwrap_or(name)
    }

    /// Settles a row on the table `name`: by its type name when that is the
    /// name, else by an explicit `ref`. A row settled already keeps its first
    /// table (a second one is an alternative the spec cannot express).
    fn link_row(&mut self, r: usize, name: &str) {
        let row_ref = &mut self.refs[r];
        if row_ref.linked {
            return;
        }
        row_ref.linked = true;
        if !(row_ref.in_type && row_ref.name.as_deref() == Some(name)) {
            self.bodies[row_ref.body].table.rows[row_ref.row].object = Some(name.to_owned());
        }
    }

    fn apply_name(
        &mut self,
        body: usize,
        name: &str,
        unsure: Option<String>,
        report: &mut Reporter,
    ) {
        let body = &mut self.bodies[body];
        body.table.name = Some(name.to_owned());
        if let Some(why) = unsure {
            report.warn_table(body.line, name, why.clone());
            body.table.inferred = Some(why);
        }
    }

    /// Rows that point at a table of another page.
    fn report_elsewhere(&self, report: &mut Reporter) {
        for row in self.refs.iter().filter(|r| !r.linked) {
            for target in &row.targets {
                if let Target::Elsewhere(what) = target {
                    report.warn_row(
                        row.line,
                        &row.param,
                        format!("the description refers to {what}; no table for it is imported"),
                    );
                }
            }
        }
    }

    /// A table for every type name that no table on the page has, inferred
    /// from the examples of its side, placed after the first table naming it.
    fn missing_tables(&self, report: &mut Reporter) -> Vec<MissingTable> {
        struct Need<'r> {
            name: &'r str,
            side: Side,
            after: usize,
            rows: Vec<&'r RowRef>,
        }
        let mut needs: Vec<Need> = Vec::new();
        for row in self.refs.iter().filter(|r| r.in_type && !r.linked) {
            let Some(name) = row.name.as_deref() else {
                continue;
            };
            if self
                .bodies
                .iter()
                .any(|b| b.table.name.as_deref() == Some(name))
            {
                continue;
            }
            let side = self.bodies[row.body].side;
            match needs.iter_mut().find(|n| n.name == name && n.side == side) {
                Some(need) => need.rows.push(row),
                None => needs.push(Need {
                    name,
                    side,
                    after: self.bodies[row.body].placed,
                    rows: vec![row],
                }),
            }
        }
        needs
            .into_iter()
            .map(|need| {
                let objects: Vec<&Map<String, Value>> = need
                    .rows
                    .iter()
                    .flat_map(|r| self.evidence.objects_under(need.side, &r.param))
                    .collect();
                let name = need.name;
                let why = if objects.is_empty() {
                    format!("`{name}` is referred to but has no table on the page; the examples give no rows for it")
                } else {
                    format!("`{name}` is referred to but has no table on the page; rows inferred from the examples")
                };
                report.warn_row(need.rows[0].line, &need.rows[0].param, why.clone());
                let subject = Subject {
                    role: TableRole::Object,
                    name: Some(name.to_owned()),
                    side: need.side,
                    status: None,
                };
                let mut table = infer_table(subject, &objects, "the examples");
                table.inferred = Some(why);
                MissingTable {
                    after: need.after,
                    table,
                }
            })
            .collect()
    }
}

/// The JSON of the examples, by side.
struct Evidence {
    request: Vec<Value>,
    response: Vec<Value>,
}

impl Evidence {
    fn new(examples: &[Example]) -> Self {
        let parsed = |kind: ExampleKind| {
            examples
                .iter()
                .filter(|e| e.kind == kind)
                .filter_map(|e| serde_json::from_str(e.body.as_deref()?).ok())
                .collect()
        };
        Evidence {
            request: parsed(ExampleKind::Request),
            response: parsed(ExampleKind::Response),
        }
    }

    fn of(&self, side: Side) -> &[Value] {
        match side {
            Side::Request => &self.request,
            Side::Response => &self.response,
        }
    }

    /// The objects the examples give as the value (or array items) of a key `param`.
    fn objects_under<'v>(&'v self, side: Side, param: &str) -> Vec<&'v Map<String, Value>> {
        let mut found = Vec::new();
        for value in self.of(side) {
            find_objects(value, param, &mut found);
        }
        found
    }

    fn keys_under(&self, side: Side, param: &str) -> Vec<String> {
        self.objects_under(side, param)
            .into_iter()
            .flat_map(|object| object.keys().cloned())
            .collect()
    }
}

fn find_objects<'v>(value: &'v Value, key: &str, found: &mut Vec<&'v Map<String, Value>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == key {
                    collect_objects(v, found);
                }
                find_objects(v, key, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| find_objects(item, key, found)),
        _ => {}
    }
}

fn collect_objects<'v>(value: &'v Value, found: &mut Vec<&'v Map<String, Value>>) {
    match value {
        Value::Object(map) => found.push(map),
        Value::Array(items) => items.iter().for_each(|item| collect_objects(item, found)),
        _ => {}
    }
}
