use super::*;
use crate::import::page::LinkTarget;
use std::path::Path;

fn read_str(source: &str) -> (Page, Reporter<'static>) {
    let mut report = Reporter::new(Path::new("page.rst"));
    let page = read(source, &mut report);
    (page, report)
}

fn tables(page: &Page) -> Vec<(usize, &PageTable)> {
    page.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some((b.line, t)),
            _ => None,
        })
        .collect()
}

fn texts(row: &PageRow) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

/// A page in the shape of an API reference, written for these tests.
const PAGE: &str = r##"
:original_name: widget_001.html

.. _widget_001:

Creating a Widget
=================

Function
--------

Creates a **widget**.

URI
---

POST /v1/{project_id}/widgets

.. _widget_001__table1:

.. table:: **Table 1** Parameters in the URI

   +------------+-----------+--------+-------------------------------------------+
   | Parameter  | Mandatory | Type   | Description                               |
   +============+===========+========+===========================================+
   | project_id | Yes       | String | Project ID.                               |
   |            |           |        |                                           |
   |            |           |        | See :ref:`Obtaining a Project ID <pid>`.  |
   +------------+-----------+--------+-------------------------------------------+

Request
-------

-  Parameter description

   .. table:: **Table 2** Request body

      +-----------+-----------+--------------------------------------------------+----------------------------------------+
      | Parameter | Mandatory | Type                                             | Description                            |
      +===========+===========+==================================================+========================================+
      | widget    | Yes       | :ref:`widget <widget_001__table3>` object        | The widget.                            |
      |           |           |                                                  |                                        |
      |           |           |                                                  | -  Must be unique.                     |
      |           |           |                                                  | -  Range: **1**\ ``-``\ **64**         |
      |           |           |                                                  |                                        |
      |           |           |                                                  | .. note::                              |
      |           |           |                                                  |                                        |
      |           |           |                                                  |    Read-only after creation.           |
      +-----------+-----------+--------------------------------------------------+----------------------------------------+

   .. _widget_001__table3:

   .. table:: **Table 3** **widget** field description

      ====== ========= ====== ============
      Name   Mandatory Type   Description
      ====== ========= ====== ============
      size   No        Int    The size,
                              in parts.
      label  No        String The label.
      ====== ========= ====== ============

-  Example request

   .. code-block:: text

      POST https://{Endpoint}/v1/123/widgets

   .. code-block::

      {
          "widget": {"size": 1}
      }

Response
--------

.. list-table:: **Table 4** Response body
   :header-rows: 1

   * - Parameter
     - Type
     - Description
   * - id
     - String
     - The widget ID.
"##;

#[test]
fn reads_a_page_in_order_with_its_lines() {
    let (page, report) = read_str(PAGE);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let outline: Vec<(usize, String)> = page
        .blocks
        .iter()
        .map(|b| {
            let kind = match &b.kind {
                BlockKind::Title(t) => format!("title {t}"),
                BlockKind::Heading(t) => format!("heading {t}"),
                BlockKind::Prose(t) => format!("prose {t}"),
                BlockKind::Code(t) => format!("code {t}"),
                BlockKind::Table(t) => format!("table {}", t.caption.as_deref().unwrap_or("")),
            };
            (b.line, kind)
        })
        .collect();
    let expected: Vec<(usize, String)> = [
        (6, "title Creating a Widget"),
        (9, "heading Function"),
        (12, "prose Creates a widget."),
        (14, "heading URI"),
        (17, "prose POST /v1/{project_id}/widgets"),
        (21, "table Table 1 Parameters in the URI"),
        (31, "heading Request"),
        (34, "prose Parameter description"),
        (36, "table Table 2 Request body"),
        (53, "table Table 3 widget field description"),
        (63, "prose Example request"),
        (67, "code POST https://{Endpoint}/v1/123/widgets\n"),
        (71, "code {\n    \"widget\": {\"size\": 1}\n}\n"),
        (75, "heading Response"),
        (78, "table Table 4 Response body"),
    ]
    .into_iter()
    .map(|(line, text)| (line, text.to_owned()))
    .collect();
    assert_eq!(outline, expected);
}

#[test]
fn a_page_that_starts_with_a_role_is_text_not_metadata() {
    let (page, _) = read_str(":original_name: w.html\n\n:ref:`Widgets <w>` are listed.\n\nMore.\n");
    let prose: Vec<(usize, &BlockKind)> = page.blocks.iter().map(|b| (b.line, &b.kind)).collect();
    assert_eq!(
        prose,
        [
            (3, &BlockKind::Prose("Widgets are listed.".into())),
            (5, &BlockKind::Prose("More.".into())),
        ]
    );
    let (page, _) = read_str(":ref:`Widgets <w>` are listed.\n");
    assert_eq!(page.blocks.len(), 1, "{page:?}");
}

#[test]
fn reads_grid_cells_as_the_rendered_page_shows_them() {
    let (page, _) = read_str(PAGE);
    let tables = tables(&page);
    let (_, uri) = tables[0];
    assert_eq!(
        uri.header,
        ["Parameter", "Mandatory", "Type", "Description"]
    );
    assert_eq!(uri.anchors, ["widget-001-table1"]);
    assert_eq!(uri.rows[0].line, 26);
    assert_eq!(
        texts(&uri.rows[0]),
        [
            "project_id",
            "Yes",
            "String",
            "Project ID.\nSee Obtaining a Project ID."
        ]
    );
    assert_eq!(
        uri.rows[0].cells[3].links[0].target,
        LinkTarget::OtherPage("#pid".into())
    );
    let (_, body) = tables[1];
    assert_eq!(
        texts(&body.rows[0]),
        [
            "widget",
            "Yes",
            "widget object",
            "The widget.\n- Must be unique.\n- Range: 1-64\nNote\nRead-only after creation."
        ]
    );
    assert_eq!(
        body.rows[0].cells[2].links,
        [Link {
            text: "widget".into(),
            target: LinkTarget::Anchor("widget-001-table3".into())
        }]
    );
}

#[test]
fn reads_simple_tables_under_a_caption_with_their_label() {
    let (page, _) = read_str(PAGE);
    let (line, table) = tables(&page)[2];
    assert_eq!(line, 53);
    assert_eq!(table.anchors, ["widget-001-table3"]);
    assert_eq!(table.header, ["Name", "Mandatory", "Type", "Description"]);
    assert_eq!(
        texts(&table.rows[0]),
        ["size", "No", "Int", "The size, in parts."]
    );
    assert_eq!(table.rows[1].line, 60);
}

#[test]
fn reads_list_tables() {
    let (page, _) = read_str(PAGE);
    let (_, table) = tables(&page)[3];
    assert_eq!(table.header, ["Parameter", "Type", "Description"]);
    assert_eq!(texts(&table.rows[0]), ["id", "String", "The widget ID."]);
    assert_eq!(table.rows[0].line, 84);
}

#[test]
fn reads_code_in_cells_line_by_line() {
    let source = "T\n=\n\n+---+------------------+\n| a | .. code-block::  |\n|   |                  |\n|   |    {\"x\": 1,      |\n|   |     \"y\": 2}      |\n+---+------------------+\n";
    let (page, report) = read_str(source);
    assert!(report.diagnostics.is_empty());
    let (_, table) = tables(&page)[0];
    assert!(table.header.is_empty());
    assert_eq!(texts(&table.rows[0]), ["a", "{\"x\": 1,\n \"y\": 2}"]);
}

#[test]
fn malformed_tables_are_errors_at_their_line() {
    let cases = [
        ("T\n=\n\n+---+---+\n| a | b\n+---+---+\n", 4, "grid table"),
        (
            "T\n=\n\n.. table:: **Table 1** x\n\n   Just text.\n",
            4,
            "holds no table",
        ),
        (
            "T\n=\n\n.. list-table::\n\n   * - a\n   * b\n",
            7,
            "list-table row",
        ),
    ];
    for (source, line, words) in cases {
        let (_, report) = read_str(source);
        let error = report
            .diagnostics
            .errors()
            .next()
            .unwrap_or_else(|| panic!("no error for {source:?}"));
        assert_eq!(error.location.file, Path::new("page.rst"));
        assert_eq!(error.location.line, line, "{source:?}");
        assert!(error.message.contains(words), "{}", error.message);
    }
}

#[test]
fn reads_the_outline_of_an_index() {
    let (title, entries) = outline(
        ":original_name: x.html\n\n=====\nAPIs\n=====\n\n.. toctree::\n   :maxdepth: 1\n\n   zones/index\n   Records <records>\n",
    );
    assert_eq!(title.as_deref(), Some("APIs"));
    let entry = |line, target: &str, glob| TocEntry {
        line,
        target: target.to_owned(),
        glob,
    };
    assert_eq!(
        entries,
        [entry(10, "zones/index", false), entry(11, "records", false)]
    );
    let (_, entries) = outline(
        "APIs\n====\n\n.. toctree::\n   :glob:\n\n   zones/*\n   Records <records*>\n   index\n",
    );
    assert_eq!(
        entries,
        [
            entry(7, "zones/*", true),
            entry(8, "records*", false),
            entry(9, "index", false)
        ]
    );
}

#[test]
fn never_panics_on_cut_or_mangled_pages() {
    let bytes = PAGE.as_bytes();
    for end in (0..bytes.len()).step_by(7) {
        let Ok(cut) = std::str::from_utf8(&bytes[..end]) else {
            continue;
        };
        let _ = read_str(cut);
        // The same text with its indentation or one border character gone.
        let _ = read_str(&cut.replacen("   ", "", 3));
        let _ = read_str(&format!("{cut}\n+--+\n|x\n+=+=\n===  =\n.. table::\n"));
    }
    let deep = "-  ".repeat(200) + "x";
    let _ = read_str(&deep);
    let nested: String = (0..60)
        .map(|i| format!("{}.. note::\n\n", " ".repeat(3 * i)))
        .collect();
    let _ = read_str(&nested);
}

mod mangled {
    use super::*;
    use proptest::prelude::*;

    /// The test page with characters that matter to the reader inserted,
    /// removed or replaced, and cut anywhere.
    fn mangled_page() -> impl Strategy<Value = String> {
        let edits =
            proptest::collection::vec((any::<prop::sample::Index>(), 0..3u8, 0..12usize), 0..10);
        (edits, any::<prop::sample::Index>()).prop_map(|(edits, cut)| {
            let mut chars: Vec<char> = PAGE.chars().collect();
            for (at, kind, which) in edits {
                let at = at.index(chars.len() + 1);
                let special = [
                    '+', '|', '-', '=', ' ', '\n', '*', '`', ':', '\\', '.', '\t',
                ][which];
                match kind {
                    0 if at < chars.len() => {
                        chars.remove(at);
                    }
                    1 => chars.insert(at, special),
                    _ if at < chars.len() => chars[at] = special,
                    _ => {}
                }
            }
            chars.truncate(cut.index(chars.len() + 1));
            chars.into_iter().collect()
        })
    }

    proptest! {
        #[test]
        fn never_panics_and_keeps_lines_in_the_page(page in mangled_page()) {
            let (read, _) = read_str(&page);
            let last = page.lines().count().max(1);
            for block in &read.blocks {
                prop_assert!(block.line >= 1 && block.line <= last);
            }
        }
    }
}

#[test]
fn a_list_item_opening_with_code_gives_no_bullet_to_the_next_paragraph() {
    let source = "T\n=\n\n+---+--------------------+\n| a | - .. code-block::  |\n|   |                    |\n|   |      GET /x        |\n|   |                    |\n|   | After the list.    |\n+---+--------------------+\n";
    let (page, report) = read_str(source);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let (_, table) = tables(&page)[0];
    assert_eq!(texts(&table.rows[0]), ["a", "GET /x\nAfter the list."]);
}
