//! Re-importing a page over a spec a person has edited.
//!
//! The page's text always comes from the fresh import; what a person added
//! survives: tables and rows marked `added_by_hand`, the explicit
//! constraints and notes on rows that still exist, and table notes.

use crate::spec::{Row, Spec, Table};

/// Carries the hand edits of `existing` over to `fresh`.
///
/// Tables are matched by role, name, side and status; rows by parameter
/// name within matched tables. A table the importer had to infer (an object
/// the page lacks) gives way to a hand-added table of the same identity.
pub fn merge_hand_edits(fresh: Spec, existing: &Spec) -> Spec {
    let mut merged = fresh;
    let mut matched = vec![false; existing.tables.len()];
    for table in &mut merged.tables {
        let Some(index) = (0..existing.tables.len())
            .find(|&i| !matched[i] && same_table(table, &existing.tables[i]))
        else {
            continue;
        };
        matched[index] = true;
        let old = &existing.tables[index];
        if table.inferred.is_some() && old.added_by_hand.is_some() {
            *table = old.clone();
        } else {
            carry_table_edits(table, old);
        }
    }
    for (index, old) in existing.tables.iter().enumerate() {
        if matched[index] || old.added_by_hand.is_none() {
            continue;
        }
        let at = existing.tables[..index]
            .iter()
            .rev()
            .find_map(|before| merged.tables.iter().position(|t| same_table(t, before)))
            .map_or(0, |i| i + 1);
        merged.tables.insert(at, old.clone());
    }
    merged
}

fn same_table(a: &Table, b: &Table) -> bool {
    a.role == b.role && a.name == b.name && a.side == b.side && a.status == b.status
}

fn carry_table_edits(table: &mut Table, old: &Table) {
    if old.note.is_some() {
        table.note.clone_from(&old.note);
    }
    let mut matched = vec![false; old.rows.len()];
    for row in &mut table.rows {
        if let Some(index) =
            (0..old.rows.len()).find(|&i| !matched[i] && old.rows[i].parameter == row.parameter)
        {
            matched[index] = true;
            carry_row_edits(row, &old.rows[index]);
        }
    }
    for (index, old_row) in old.rows.iter().enumerate() {
        if matched[index] || old_row.added_by_hand.is_none() {
            continue;
        }
        let at = old.rows[..index]
            .iter()
            .rev()
            .find_map(|before| {
                table
                    .rows
                    .iter()
                    .position(|r| r.parameter == before.parameter)
            })
            .map_or(0, |i| i + 1);
        table.rows.insert(at, old_row.clone());
    }
}

/// A person's explicit values win; the cells stay as the page has them now.
fn carry_row_edits(row: &mut Row, old: &Row) {
    fn keep<T: Clone>(fresh: &mut Option<T>, old: &Option<T>) {
        if old.is_some() {
            fresh.clone_from(old);
        }
    }
    keep(&mut row.min, &old.min);
    keep(&mut row.max, &old.max);
    keep(&mut row.min_items, &old.min_items);
    keep(&mut row.max_items, &old.max_items);
    keep(&mut row.enum_values, &old.enum_values);
    keep(&mut row.default, &old.default);
    keep(&mut row.object, &old.object);
    keep(&mut row.note, &old.note);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{Scalar, Side, TableRole};

    fn table(role: TableRole, name: Option<&str>, rows: Vec<Row>) -> Table {
        Table {
            role,
            name: name.map(str::to_owned),
            status: None,
            side: name.map(|_| Side::Request),
            caption: None,
            columns: Vec::new(),
            added_by_hand: None,
            inferred: None,
            note: None,
            rows,
        }
    }

    fn spec(tables: Vec<Table>) -> Spec {
        Spec {
            service: "s".into(),
            operation: "Op".into(),
            title: "T".into(),
            summary: None,
            method: "GET".into(),
            path: "/x".into(),
            source: None,
            chapter: None,
            chapter_order: None,
            tables,
            examples: Vec::new(),
            status_codes: Vec::new(),
            uncaptured_code: Vec::new(),
        }
    }

    fn row(parameter: &str, description: &str) -> Row {
        Row::new(parameter, None, "String", description)
    }

    #[test]
    fn keeps_corrections_and_additions_and_takes_new_text() {
        let mut corrected = row("a", "old text");
        corrected.max = Some(Scalar::from("5"));
        corrected.note = Some("checked".into());
        let mut added = row("b", "from the live API");
        added.added_by_hand = Some("missing on the page".into());
        let mut old_body = table(
            TableRole::RequestBody,
            None,
            vec![corrected, added, row("gone", "")],
        );
        old_body.note = Some("table note".into());
        let mut hand_table = table(TableRole::Object, Some("Extra"), vec![row("x", "")]);
        hand_table.added_by_hand = Some("page lacks it".into());
        let existing = spec(vec![old_body, hand_table]);

        let fresh = spec(vec![table(
            TableRole::RequestBody,
            None,
            vec![row("a", "new text"), row("c", "")],
        )]);
        let merged = merge_hand_edits(fresh, &existing);

        let body = &merged.tables[0];
        assert_eq!(body.note.as_deref(), Some("table note"));
        let params: Vec<&str> = body.rows.iter().map(|r| r.parameter.as_str()).collect();
        assert_eq!(params, ["a", "b", "c"]);
        assert_eq!(body.rows[0].description, "new text");
        assert_eq!(body.rows[0].max, Some(Scalar::from("5")));
        assert_eq!(body.rows[0].note.as_deref(), Some("checked"));
        assert_eq!(merged.tables[1].name.as_deref(), Some("Extra"));
    }

    #[test]
    fn a_hand_table_replaces_an_inferred_one_only() {
        let mut hand = table(
            TableRole::Object,
            Some("Req"),
            vec![row("task_id", "Task ID.")],
        );
        hand.added_by_hand = Some("from the live API".into());
        let existing = spec(vec![hand.clone()]);

        let mut inferred = table(TableRole::Object, Some("Req"), vec![row("task_id", "")]);
        inferred.inferred = Some("no table on the page".into());
        assert_eq!(
            merge_hand_edits(spec(vec![inferred]), &existing).tables,
            vec![hand]
        );

        let documented = table(
            TableRole::Object,
            Some("Req"),
            vec![row("task_id", "Now documented.")],
        );
        let merged = merge_hand_edits(spec(vec![documented.clone()]), &existing);
        assert_eq!(merged.tables, vec![documented]);
    }
}
