//! Import speed: synthetic doc pages of about 64 KiB, 256 KiB and 1 MiB, in
//! both forms (exported HTML and copied text), read into a spec. Criterion
//! reports bytes per second: an import that stays linear has the same
//! throughput at every size.
//!
//! The pages are made up here in the docs' layout, never copied from real
//! ones: one operation whose request body has many object fields, each with
//! its object table (string lengths, integer ranges, enumerations, defaults,
//! arrays and a nested item table), two response statuses, examples, and
//! status codes. A bigger page has more object tables, the way large real
//! pages grow.
//!
//! Run with `cargo bench -p docspec --bench import`. With
//! `DOCSPEC_BENCH_PAGES=DIR` set, the pages are also written to `DIR`
//! (`1MiB-CreateRelay.txt`, ...), to profile or count instructions with
//! `docspec import`, whose timing does not depend on other load.

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use docspec::import::{import_page, ImportOptions};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// Page sizes aimed at, in bytes.
const SIZES: &[(usize, &str)] = &[
    (64 << 10, "64KiB"),
    (256 << 10, "256KiB"),
    (1 << 20, "1MiB"),
];

/// One row of a page table: parameter, mandatory (`None` in response tables), type, description.
struct Row {
    parameter: String,
    mandatory: Option<&'static str>,
    type_: String,
    /// Paragraphs; a paragraph starting `- ` is a list item.
    description: Vec<String>,
    /// The number of the table the type refers to, for a link in HTML and `see Table N` in text.
    link: Option<usize>,
}

/// A table of the page, numbered as the page numbers it.
struct PageTable {
    number: usize,
    caption: String,
    /// The anchor links point at.
    anchor: String,
    rows: Vec<Row>,
}

/// A block of the page in reading order.
enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// A request line or JSON body: `<pre>` in HTML, bare lines in text.
    Code(String),
    Table(PageTable),
    /// The Status Codes table: (code, description).
    StatusCodes(Vec<(u16, String)>),
}

fn row(
    parameter: impl Into<String>,
    mandatory: Option<&'static str>,
    type_: impl Into<String>,
    description: &[&str],
) -> Row {
    Row {
        parameter: parameter.into(),
        mandatory,
        type_: type_.into(),
        description: description.iter().map(|d| (*d).to_owned()).collect(),
        link: None,
    }
}

/// The page for an operation whose request body has `options` object fields.
fn page_blocks(options: usize) -> Vec<Block> {
    let mut blocks = vec![
        Block::Title("Creating a Relay".to_owned()),
        Block::Heading("Function".to_owned()),
        Block::Paragraph(
            "This API is used to create a relay that forwards traffic between endpoints."
                .to_owned(),
        ),
        Block::Heading("URI".to_owned()),
        Block::Paragraph("POST /v3/{project_id}/net/relays?dry_run={dry_run}".to_owned()),
    ];
    // Tables are numbered as they are made.
    let number = std::cell::Cell::new(0);
    let table = |caption: &str, anchor: &str, rows: Vec<Row>| {
        number.set(number.get() + 1);
        PageTable {
            number: number.get(),
            caption: caption.to_owned(),
            anchor: anchor.to_owned(),
            rows,
        }
    };
    let yes = Some("Yes");
    let no = Some("No");
    blocks.push(Block::Table(table(
        "Path parameters",
        "t_path",
        vec![row(
            "project_id",
            yes,
            "String",
            &["Specifies the project ID.", "Minimum: 1", "Maximum: 32"],
        )],
    )));
    blocks.push(Block::Table(table(
        "Query parameters",
        "t_query",
        vec![row(
            "dry_run",
            no,
            "Boolean",
            &[
                "Specifies whether to only check the request.",
                "Default: false",
            ],
        )],
    )));
    blocks.push(Block::Heading("Request Parameters".to_owned()));
    blocks.push(Block::Table(table(
        "Request header parameters",
        "t_headers",
        vec![
            row(
                "X-Auth-Token",
                yes,
                "String",
                &["Specifies the user token."],
            ),
            row(
                "Content-Type",
                no,
                "String",
                &["Specifies the media type.", "Default: application/json"],
            ),
        ],
    )));
    // The body's top level, then each option's table and its item table, depth first.
    let first_option_table = number.get() + 2;
    let top: Vec<Row> = (0..options)
        .map(|i| Row {
            link: Some(first_option_table + 2 * i),
            ..row(
                format!("option_{i}"),
                if i == 0 { yes } else { no },
                format!("RelayOption{i} object"),
                &["Specifies a forwarding option of the relay."],
            )
        })
        .collect();
    blocks.push(Block::Table(table(
        "Request body parameters",
        "t_body",
        top,
    )));
    for i in 0..options {
        let own = number.get() + 1;
        let rows = vec![
            row(
                "name",
                yes,
                "String",
                &[
                    "Specifies the option name. The value can contain 1 to 64 characters, including letters, digits, underscores (_), and hyphens (-).",
                    "Minimum: 1",
                    "Maximum: 64",
                ],
            ),
            row(
                "port",
                yes,
                "Integer",
                &["Specifies the port the relay listens on. The value ranges from 1 to 65535."],
            ),
            row(
                "protocol",
                no,
                "String",
                &[
                    "Specifies the protocol. The value can be:",
                    "- TCP",
                    "- UDP",
                    "- HTTP",
                    "Default: TCP",
                ],
            ),
            row(
                "enabled",
                no,
                "Boolean",
                &["Specifies whether the option is enabled.", "Default: true"],
            ),
            row(
                "weight",
                no,
                "Number",
                &["Specifies the share of traffic.", "Minimum: 0", "Maximum: 100"],
            ),
            row(
                "tags",
                no,
                "Array of strings",
                &["Specifies the tags of the option.", "Array Length: 0 - 20"],
            ),
            row(
                "description",
                no,
                "String",
                &[
                    "Provides supplementary information about the option. The description can contain a maximum of 255 characters and cannot contain angle brackets.",
                    "Minimum: 0",
                    "Maximum: 255",
                ],
            ),
            Row {
                link: Some(own + 1),
                ..row(
                    "targets",
                    no,
                    format!("Array of RelayTarget{i} objects"),
                    &["Specifies the targets traffic is forwarded to.", "Array Length: 1 - 10"],
                )
            },
        ];
        blocks.push(Block::Table(table(
            &format!("RelayOption{i}"),
            &format!("t_option_{i}"),
            rows,
        )));
        let targets = vec![
            row(
                "address",
                yes,
                "String",
                &["Specifies the IP address of the target, for example, 192.168.0.10."],
            ),
            row(
                "timeout",
                no,
                "Integer",
                &[
                    "Specifies the timeout in seconds. The value ranges from 1 to 300.",
                    "Default: 60",
                ],
            ),
        ];
        blocks.push(Block::Table(table(
            &format!("RelayTarget{i}"),
            &format!("t_target_{i}"),
            targets,
        )));
    }
    blocks.push(Block::Heading("Response Parameters".to_owned()));
    blocks.push(Block::Paragraph("Status code: 201".to_owned()));
    blocks.push(Block::Table(table(
        "Response body parameters",
        "t_created",
        vec![
            row("relay_id", None, "String", &["Specifies the relay ID."]),
            row("request_id", None, "String", &["Specifies the request ID."]),
        ],
    )));
    blocks.push(Block::Paragraph("Status code: 400".to_owned()));
    blocks.push(Block::Table(table(
        "Response body parameters",
        "t_error",
        vec![
            row("error_code", None, "String", &["Specifies the error code."]),
            row(
                "error_msg",
                None,
                "String",
                &["Specifies the error message."],
            ),
        ],
    )));
    blocks.push(Block::Heading("Example Requests".to_owned()));
    blocks.push(Block::Paragraph(
        "Creating a relay with its forwarding options".to_owned(),
    ));
    blocks.push(Block::Code(
        "POST https://{endpoint}/v3/{project_id}/net/relays".to_owned(),
    ));
    let mut body = String::from("{\n");
    for i in 0..options {
        let comma = if i + 1 < options { "," } else { "" };
        let _ = write!(
            body,
            "  \"option_{i}\" : {{\n    \"name\" : \"relay-option-{i}\",\n    \"port\" : {},\n    \"protocol\" : \"TCP\",\n    \"enabled\" : true,\n    \"weight\" : 50,\n    \"tags\" : [ \"blue\", \"edge\" ],\n    \"targets\" : [ {{ \"address\" : \"192.168.0.{}\", \"timeout\" : 30 }} ]\n  }}{comma}\n",
            8000 + i % 1000,
            1 + i % 250
        );
    }
    body.push('}');
    blocks.push(Block::Code(body));
    blocks.push(Block::Heading("Example Responses".to_owned()));
    blocks.push(Block::Paragraph("Status code: 201".to_owned()));
    blocks.push(Block::Paragraph("Created.".to_owned()));
    blocks.push(Block::Code(
        "{\n  \"relay_id\" : \"5c6d0f1a\",\n  \"request_id\" : \"b2e4a7d0\"\n}".to_owned(),
    ));
    blocks.push(Block::Paragraph("Status code: 400".to_owned()));
    blocks.push(Block::Paragraph("Bad request.".to_owned()));
    blocks.push(Block::Code(
        "{\n  \"error_code\" : \"NET.0001\",\n  \"error_msg\" : \"Invalid port.\"\n}".to_owned(),
    ));
    blocks.push(Block::Heading("Status Codes".to_owned()));
    blocks.push(Block::StatusCodes(vec![
        (201, "Created.".to_owned()),
        (400, "Bad request.".to_owned()),
    ]));
    blocks.push(Block::Heading("Error Codes".to_owned()));
    blocks.push(Block::Paragraph("See Error Codes.".to_owned()));
    blocks
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page as the documentation system exports it.
fn html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(text) => {
                let _ = writeln!(out, "<h1 class=\"topictitle1\">{}</h1>", escape(text));
            }
            Block::Heading(text) => {
                let _ = writeln!(out, "<h4 class=\"sectiontitle\">{}</h4>", escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::Code(text) => {
                let _ = writeln!(out, "<pre class=\"screen\">{}</pre>", escape(text));
            }
            Block::Table(table) => {
                let mandatory = table.rows.iter().any(|r| r.mandatory.is_some());
                let _ = writeln!(
                    out,
                    "<a name=\"{a}\"></a><table cellpadding=\"4\" id=\"{a}\" frame=\"border\" border=\"1\"><caption><b>Table {} </b>{}</caption><thead align=\"left\"><tr>",
                    table.number,
                    escape(&table.caption),
                    a = table.anchor
                );
                let header: &[&str] = if mandatory {
                    &["Parameter", "Mandatory", "Type", "Description"]
                } else {
                    &["Parameter", "Type", "Description"]
                };
                for h in header {
                    let _ = writeln!(out, "<th align=\"left\" class=\"cellrowborder\" valign=\"top\"><p>{h}</p>\n</th>");
                }
                out.push_str("</tr>\n</thead>\n<tbody>");
                for row in &table.rows {
                    out.push_str("<tr>");
                    let mut cell = |content: &str| {
                        let _ = writeln!(
                            out,
                            "<td class=\"cellrowborder\" valign=\"top\">{content}\n</td>"
                        );
                    };
                    cell(&format!("<p>{}</p>", escape(&row.parameter)));
                    if let Some(m) = row.mandatory {
                        cell(&format!("<p>{m}</p>"));
                    }
                    let type_ = match row.link {
                        Some(link) => {
                            let (before, name, after) = split_type_name(&row.type_);
                            let target = table_anchor(blocks, link);
                            format!("<p>{before}<a href=\"#{target}\">{name}</a>{after}</p>")
                        }
                        None => format!("<p>{}</p>", escape(&row.type_)),
                    };
                    cell(&type_);
                    let mut description = String::new();
                    let mut in_list = false;
                    for paragraph in &row.description {
                        match paragraph.strip_prefix("- ") {
                            Some(item) => {
                                if !in_list {
                                    description.push_str("<ul>");
                                    in_list = true;
                                }
                                let _ = write!(description, "<li>{}</li>", escape(item));
                            }
                            None => {
                                if in_list {
                                    description.push_str("</ul>");
                                    in_list = false;
                                }
                                let _ = write!(description, "<p>{}</p>", escape(paragraph));
                            }
                        }
                    }
                    if in_list {
                        description.push_str("</ul>");
                    }
                    if let Some(link) = row.link {
                        let _ = write!(
                            description,
                            "<p>For details, see <a href=\"#{}\">Table {link}</a>.</p>",
                            table_anchor(blocks, link)
                        );
                    }
                    cell(&description);
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::StatusCodes(codes) => {
                out.push_str("<table><thead><tr><th><p>Status Code</p></th><th><p>Description</p></th></tr></thead><tbody>\n");
                for (code, text) in codes {
                    let _ = writeln!(
                        out,
                        "<tr><td><p>{code}</p></td><td><p>{}</p></td></tr>",
                        escape(text)
                    );
                }
                out.push_str("</tbody></table>\n");
            }
        }
    }
    out
}

/// `Array of RelayTarget3 objects` -> (`Array of `, `RelayTarget3`, ` objects`).
fn split_type_name(type_: &str) -> (&str, &str, &str) {
    let start = type_.find("Relay").unwrap_or(0);
    let end = type_[start..].find(' ').map_or(type_.len(), |i| start + i);
    (&type_[..start], &type_[start..end], &type_[end..])
}

fn table_anchor(blocks: &[Block], number: usize) -> &str {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.number == number => Some(t.anchor.as_str()),
            _ => None,
        })
        .unwrap_or("")
}

/// The page as a browser copies it: pipe tables without captions, text glued after code.
fn text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut glue = false;
    for block in blocks {
        // Copied text glues the paragraph after a code block onto its last line.
        let sep = if std::mem::take(&mut glue) { " " } else { "" };
        match block {
            Block::Title(text) | Block::Heading(text) | Block::Paragraph(text) => {
                if sep.is_empty() {
                    let _ = writeln!(out, "{text}");
                } else {
                    out.pop();
                    let _ = writeln!(out, "{sep}{text}");
                }
            }
            Block::Code(code) => {
                let _ = writeln!(out, "{code}");
                glue = code.ends_with('}');
            }
            Block::Table(table) => {
                let mandatory = table.rows.iter().any(|r| r.mandatory.is_some());
                if mandatory {
                    out.push_str(
                        "Parameter | Mandatory | Type | Description |\n|---|---|---|---|\n",
                    );
                } else {
                    out.push_str("Parameter | Type | Description |\n|---|---|---|\n");
                }
                for row in &table.rows {
                    let mut description = row.description.join(" ");
                    if let Some(link) = row.link {
                        let _ = write!(description, " For details, see Table {link}.");
                    }
                    match row.mandatory {
                        Some(m) => {
                            let _ = writeln!(
                                out,
                                "{} | {m} | {} | {description} |",
                                row.parameter, row.type_
                            );
                        }
                        None => {
                            let _ = writeln!(
                                out,
                                "{} | {} | {description} |",
                                row.parameter, row.type_
                            );
                        }
                    }
                }
            }
            Block::StatusCodes(codes) => {
                out.push_str("Status Code | Description |\n|---|---|\n");
                for (code, text) in codes {
                    let _ = writeln!(out, "{code} | {text} |");
                }
            }
        }
    }
    out
}

/// A page of about `size` bytes in one form: the smallest option count that reaches it.
fn page_of_size(size: usize, render: fn(&[Block]) -> String) -> (usize, String) {
    let one = render(&page_blocks(1)).len();
    let two = render(&page_blocks(2)).len();
    let per_option = (two - one).max(1);
    let mut options = (size.saturating_sub(one) / per_option).max(1) + 1;
    let mut page = render(&page_blocks(options));
    while page.len() > size && options > 1 {
        options -= 1;
        page = render(&page_blocks(options));
    }
    (options, page)
}

fn import(name: &str, page: &[u8]) -> docspec::import::Imported {
    let options = ImportOptions {
        service: "net".to_owned(),
        operation: None,
    };
    import_page(Path::new(name), page, &options).unwrap_or_else(|d| panic!("{d}"))
}

fn import_speed(c: &mut Criterion) {
    for (form, name, render) in [
        ("html", "CreateRelay.html", html as fn(&[Block]) -> String),
        ("text", "CreateRelay.txt", text),
    ] {
        let mut group = c.benchmark_group(format!("import_{form}"));
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(20)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(10));
        for &(size, label) in SIZES {
            let (options, page) = page_of_size(size, render);
            // The page must import whole: every object table found and linked, no warning.
            let imported = import(name, page.as_bytes());
            let tables = imported.spec.tables.len();
            assert_eq!(tables, 2 * options + 6, "{form} {label}: {tables} tables");
            assert!(
                imported.diagnostics.is_empty(),
                "{form} {label}:\n{}",
                imported.diagnostics
            );
            println!(
                "import_{form}/{label}: {} bytes, {options} options, {tables} spec tables",
                page.len()
            );
            if let Some(dir) = std::env::var_os("DOCSPEC_BENCH_PAGES") {
                let file = Path::new(&dir).join(format!("{label}-{name}"));
                std::fs::write(&file, &page).expect("write the page");
            }
            group.throughput(Throughput::Bytes(page.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), &page, |b, page| {
                b.iter(|| import(name, black_box(page.as_bytes())));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, import_speed);
criterion_main!(benches);
