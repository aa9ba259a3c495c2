//! Whole-service import on made-up pages: folders in, pages that are no
//! operation skipped by reason, names from the page where the file name is a
//! document id and stable when pages are added, removed, reordered or
//! re-imported, and every row the docs' language cannot type degraded
//! visibly (a guess of its kind, an `inferred` mark) instead of failing.
#![cfg(feature = "import")]

use docspec::diagnostic::Guess;
use docspec::import::{import_service, ServiceImport, SkipReason};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A fresh folder under cargo's temporary folder for integration tests.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("whole-service-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copied-text operation page: title, `METHOD /path`, its path parameter
/// rows, and a request body of the given `(parameter, mandatory, type, description)` rows.
fn page(title: &str, method: &str, path: &str, body: &[(&str, &str, &str, &str)]) -> String {
    let mut text = format!("{title}\nFunction\nThis API is used to do it.\nURI\n{method} {path}\n");
    let placeholders: Vec<&str> = path
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    if !placeholders.is_empty() {
        text.push_str("Parameter | Mandatory | Type | Description |\n|---|---|---|---|\n");
        for name in placeholders {
            text.push_str(&format!("{name} | Yes | String | The {name}. |\n"));
        }
    }
    if !body.is_empty() {
        text.push_str(
            "Request Parameters\nParameter | Mandatory | Type | Description |\n|---|---|---|---|\n",
        );
        for (parameter, mandatory, ty, description) in body {
            text.push_str(&format!(
                "{parameter} | {mandatory} | {ty} | {description} |\n"
            ));
        }
    }
    text.push_str("Response Parameters\nStatus code: 200\nParameter | Type | Description |\n|---|---|---|\nid | String | The ID. |\nStatus Codes\nStatus Code | Description |\n|---|---|\n200 | OK. |\n");
    text
}

fn write(dir: &Path, file: &str, content: &str) {
    std::fs::write(dir.join(file), content).unwrap();
}

/// Operation ids by source file.
fn names(imported: &ServiceImport) -> BTreeMap<String, String> {
    imported
        .imported
        .iter()
        .map(|p| (p.spec.source.clone().unwrap(), p.spec.operation.clone()))
        .collect()
}

fn export(dir: &Path) {
    write(
        dir,
        "topic_0001.txt",
        &page(
            "Creating a Lamp",
            "POST",
            "/v1/{project_id}/lamps",
            &[("name", "Yes", "String", "The name.")],
        ),
    );
    write(
        dir,
        "topic_0002.txt",
        &page(
            "Querying the Lamp List",
            "GET",
            "/v1/{project_id}/lamps",
            &[],
        ),
    );
    write(
        dir,
        "topic_0003.txt",
        &page(
            "Deleting a Lamp",
            "DELETE",
            "/v1/{project_id}/lamps/{lamp_id}",
            &[],
        ),
    );
    write(
        dir,
        "ShowLamp.txt",
        &page(
            "Querying a Lamp",
            "GET",
            "/v1/{project_id}/lamps/{lamp_id}",
            &[],
        ),
    );
    write(
        dir,
        "topic_0100.txt",
        "Lamp Management\nThis chapter describes the lamp APIs.\n",
    );
    write(
        dir,
        "topic_0200.txt",
        "Error Codes\nError Code | Description |\n|---|---|\nLAMP.001 | Bad lamp. |\n",
    );
    write(
        dir,
        "CLASS.TXT.json",
        r#"[
        {"uri": "topic_0100.txt", "title": "Lamp Management", "code": "1", "p_code": ""},
        {"uri": "topic_0001.txt", "title": "Creating a Lamp", "code": "2", "p_code": "1"},
        {"uri": "topic_0002.txt", "title": "Querying the Lamp List", "code": "3", "p_code": "1"},
        {"uri": "topic_0003.txt", "title": "Deleting a Lamp", "code": "4", "p_code": "1"},
        {"uri": "ShowLamp.txt", "title": "Querying a Lamp", "code": "5", "p_code": "1"},
        {"uri": "topic_0200.txt", "title": "Error Codes", "code": "6", "p_code": ""}
    ]"#,
    );
}

#[test]
fn a_folder_imports_operations_and_skips_the_rest_with_reasons() {
    let dir = folder("export");
    export(&dir);
    let out = folder("export-spec");
    let imported = import_service(&[dir], "lamps", None, &out);
    assert!(imported.failures.is_empty(), "{:?}", imported.failures);
    assert_eq!(
        names(&imported),
        BTreeMap::from([
            ("ShowLamp.txt".to_owned(), "ShowLamp".to_owned()),
            ("topic_0001.txt".to_owned(), "CreateLamp".to_owned()),
            ("topic_0002.txt".to_owned(), "QueryLampList".to_owned()),
            ("topic_0003.txt".to_owned(), "DeleteLamp".to_owned()),
        ])
    );
    let reasons: BTreeMap<String, SkipReason> = imported
        .skipped
        .iter()
        .map(|s| {
            (
                s.page.file_name().unwrap().to_string_lossy().into_owned(),
                s.reason,
            )
        })
        .collect();
    assert_eq!(
        reasons,
        BTreeMap::from([
            ("topic_0100.txt".to_owned(), SkipReason::ChapterPage),
            ("topic_0200.txt".to_owned(), SkipReason::NoOperation),
        ])
    );
    assert!(imported
        .imported
        .iter()
        .all(|p| p.spec.chapter.as_deref() == Some("Lamp Management")));
    assert!(out.join("lamps/CreateLamp.yaml").is_file());
    let summary = imported.to_string();
    assert!(summary.contains("4 operation(s) imported"), "{summary}");
    assert!(summary.contains("2 page(s) skipped"), "{summary}");
}

#[test]
fn names_survive_added_removed_and_reordered_pages_and_pins() {
    let dir = folder("stable");
    export(&dir);
    let out = folder("stable-spec");
    let first = names(&import_service(
        std::slice::from_ref(&dir),
        "lamps",
        None,
        &out,
    ));

    // A page whose title gives a name already taken, another removed, the
    // rest given file by file in reverse order.
    write(
        &dir,
        "topic_0004.txt",
        &page(
            "Creating a Lamp",
            "POST",
            "/v2/{project_id}/lamps/batch",
            &[],
        ),
    );
    std::fs::remove_file(dir.join("topic_0002.txt")).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    let again = names(&import_service(&files, "lamps", None, &out));
    for (source, name) in &again {
        if let Some(before) = first.get(source) {
            assert_eq!(name, before, "{source} kept its name");
        }
    }
    assert_eq!(again["topic_0004.txt"], "CreateLampLampsBatch");

    // A person pins a name by editing `operation:`; re-imports keep it.
    let spec = out.join("lamps/DeleteLamp.yaml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text.replace("operation: DeleteLamp", "operation: RemoveLamp"),
    )
    .unwrap();
    let pinned = import_service(std::slice::from_ref(&dir), "lamps", None, &out);
    assert_eq!(names(&pinned)["topic_0003.txt"], "RemoveLamp");
    assert!(pinned.imported.iter().any(|p| p.target == spec && p.kept));
}

#[test]
fn two_new_pages_with_one_title_both_take_their_path_whatever_the_order() {
    let dir = folder("collide");
    write(
        &dir,
        "b_1.txt",
        &page("Querying Lamps", "GET", "/v1/lamps", &[]),
    );
    write(
        &dir,
        "a_2.txt",
        &page(
            "Querying Lamps",
            "GET",
            "/v1/{project_id}/rooms/{room_id}/lamps",
            &[],
        ),
    );
    let out = folder("collide-spec");
    let imported = names(&import_service(&[dir], "lamps", None, &out));
    assert_eq!(imported["b_1.txt"], "QueryLampsLamps");
    assert_eq!(imported["a_2.txt"], "QueryLampsRoomsLamps");
}

#[test]
fn rows_the_docs_cannot_type_degrade_visibly_and_generate() {
    let dir = folder("degrade");
    let enumerated = "The storage types. The value can be obs or evs.";
    let body = [
        ("storage", "No", "Array<Storage type>", enumerated),
        ("flag", "No", "Integer/Boolean", "A number or a flag."),
        ("items", "No", "List(Dict)", "The items."),
        ("blank", "No", "", "No type given."),
        (
            "snapshot",
            "Yes (If the volume is created from a snapshot, this parameter is optional.)",
            "String",
            "The snapshot.",
        ),
        ("name", "Yes", "String", "The name."),
        ("name", "No", "Integer", "The name again."),
    ];
    write(
        &dir,
        "topic_1.txt",
        &page(
            "Creating a Volume",
            "POST",
            "/v1/{project_id}/volumes",
            &body,
        ),
    );
    // A placeholder without a path-parameter row.
    let mut text = page("Querying a Volume", "GET", "/v1/volumes", &[]);
    text = text.replace("GET /v1/volumes", "GET /v1/volumes/{volume_id}");
    write(&dir, "topic_2.txt", &text);
    let out = folder("degrade-spec");
    let imported = import_service(&[dir], "volumes", None, &out);
    assert!(imported.failures.is_empty(), "{:?}", imported.failures);

    let mut kinds: BTreeMap<Guess, usize> = BTreeMap::new();
    for d in imported.diagnostics.warnings() {
        if let Some(kind) = d.guess {
            *kinds.entry(kind).or_default() += 1;
        }
    }
    assert_eq!(
        kinds,
        BTreeMap::from([
            (Guess::AnyJson, 3),
            (Guess::EnumeratedStrings, 1),
            (Guess::ConditionalMandatory, 1),
            (Guess::RepeatedRow, 1),
            (Guess::PathPlaceholder, 1),
        ])
    );
    let create = std::fs::read_to_string(out.join("volumes/CreateVolume.yaml")).unwrap();
    assert_eq!(create.matches("inferred:").count(), 6, "{create}");

    let generation = docspec::generate::generate(&out, &[], "docspec generate")
        .unwrap_or_else(|e| panic!("the degraded specs generate:\n{e}"));
    let source = generation
        .files
        .iter()
        .find(|(path, _)| path.ends_with("create_volume.rs"))
        .map(|(_, source)| source.clone())
        .unwrap();
    assert!(source.contains("pub storage: Option<Vec<"), "{source}");
    assert!(
        source.contains("pub flag: Option<serde_json::Value>"),
        "{source}"
    );
    assert!(
        source.contains("pub items: Option<serde_json::Value>"),
        "{source}"
    );
    assert!(source.contains("pub snapshot: Option<String>"), "{source}");
    assert!(source.contains("Mandatory: Yes (If the volume"), "{source}");
    assert!(
        source.contains("pub name: String"),
        "the first of the repeated rows: {source}"
    );
}

#[test]
fn a_repeated_row_added_by_hand_stays_an_error() {
    let dir = folder("by-hand");
    write(
        &dir,
        "CreateVolume.txt",
        &page(
            "Creating a Volume",
            "POST",
            "/v1/volumes",
            &[("name", "Yes", "String", "The name.")],
        ),
    );
    let out = folder("by-hand-spec");
    import_service(&[dir], "volumes", None, &out);
    let spec = out.join("volumes/CreateVolume.yaml");
    let text = std::fs::read_to_string(&spec).unwrap();
    let row = "  - parameter: name\n    mandatory: No\n    type: Widget\n    description: Again.\n    added_by_hand: A second name.\n";
    let text = text.replacen(
        "  rows:\n  - parameter: name\n",
        &format!("  rows:\n{row}  - parameter: name\n"),
        1,
    );
    std::fs::write(&spec, text).unwrap();
    let errors = docspec::generate::generate(&out, &[], "docspec generate").unwrap_err();
    let message = errors.to_string();
    assert!(message.contains("duplicate row: \"name\""), "{message}");
    assert!(
        message.contains("unknown type phrase \"Widget\""),
        "{message}"
    );
}

#[test]
fn the_crate_docs_list_chapters_in_the_order_of_the_export_tree() {
    let dir = folder("chapters");
    for (file, title, path) in [
        ("topic_0001.txt", "Creating a Zebra", "/v1/zebras"),
        ("topic_0002.txt", "Creating an Apple", "/v1/apples"),
    ] {
        write(&dir, file, &page(title, "POST", path, &[]));
    }
    write(&dir, "topic_0100.txt", "Zebra Management\n");
    write(&dir, "topic_0200.txt", "Apple Management\n");
    // The reference puts Zebra Management first: not alphabetical.
    write(
        &dir,
        "CLASS.TXT.json",
        r#"[
        {"uri": "topic_0100.txt", "title": "Zebra Management", "code": "1", "p_code": ""},
        {"uri": "topic_0001.txt", "title": "Creating a Zebra", "code": "2", "p_code": "1"},
        {"uri": "topic_0200.txt", "title": "Apple Management", "code": "3", "p_code": ""},
        {"uri": "topic_0002.txt", "title": "Creating an Apple", "code": "4", "p_code": "3"}
    ]"#,
    );
    let out = folder("chapters-spec");
    let imported = import_service(&[dir], "fruit", None, &out);
    assert!(imported.failures.is_empty(), "{:?}", imported.failures);
    let orders: BTreeMap<String, Option<u32>> = imported
        .imported
        .iter()
        .map(|p| (p.spec.operation.clone(), p.spec.chapter_order))
        .collect();
    assert_eq!(
        orders,
        BTreeMap::from([
            ("CreateApple".to_owned(), Some(3)),
            ("CreateZebra".to_owned(), Some(1)),
        ])
    );
    let generation = docspec::generate::generate(&out, &[], "docspec generate")
        .unwrap_or_else(|e| panic!("does not generate:\n{e}"));
    let lib = generation.files[std::path::Path::new("lib.rs")].as_str();
    let zebra = lib.find("/// # Zebra Management\n").expect("Zebra chapter");
    let apple = lib.find("/// # Apple Management\n").expect("Apple chapter");
    assert!(zebra < apple, "chapters in the export's order:\n{lib}");
}

#[test]
fn tables_that_are_not_parameter_tables_are_left_out_by_their_header_with_the_reason() {
    let dir = folder("not-parameters");
    let mut text = page(
        "Creating a Listener",
        "POST",
        "/v1/listeners",
        &[("policy", "No", "String", "The security policy.")],
    );
    // Data about the service, in a parameter section: by their columns, no
    // parameter table (a list of TLS policies, error codes).
    let data = "Table 3 lists the security policies.
Security Policy | TLS Version | Cipher Suite |
|---|---|---|
tls-1-0 | TLS 1.2 TLS 1.1 TLS 1.0 | ECDHE-RSA-AES256-GCM-SHA384 |
tls-1-2 | TLS 1.2 | ECDHE-RSA-AES128-GCM-SHA256 |
Error codes this API returns:
Error Code | Error Message | Solution |
|---|---|---|
ELB.001 | Bad listener. | Fix it. |
Response Parameters";
    text = text.replacen("Response Parameters", data, 1);
    write(&dir, "topic_1.txt", &text);
    let out = folder("not-parameters-spec");
    let imported = import_service(&[dir], "elb", None, &out);
    assert!(imported.failures.is_empty(), "{:?}", imported.failures);
    let left_out: Vec<&str> = imported
        .diagnostics
        .warnings()
        .filter(|d| d.guess == Some(Guess::NotAParameterTable))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(left_out.len(), 2, "{:#?}", imported.diagnostics);
    assert!(
        left_out[0].contains(
            "(Security Policy | TLS Version | Cipher Suite) are not those of a parameter table"
        ),
        "{}",
        left_out[0]
    );
    assert!(
        left_out[1].contains("(Error Code | Error Message | Solution)"),
        "{}",
        left_out[1]
    );
    let spec = &imported.imported[0].spec;
    let rows: Vec<&str> = spec
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| r.parameter.as_str())
        .collect();
    assert_eq!(rows, ["policy", "id"], "{:#?}", spec.tables);
    assert!(docspec::generate::generate(&out, &[], "docspec generate").is_ok());
}

/// The spec files of a service folder with the method and path each holds.
fn specs_by_file(dir: &Path) -> BTreeMap<String, String> {
    let mut specs = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let line = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .unwrap_or_default()
                .to_owned()
        };
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        specs.insert(file, format!("{} {}", line("method: "), line("path: ")));
    }
    specs
}

#[test]
fn reimport_maps_pages_by_relative_path_then_by_method_and_path_and_keeps_names() {
    let dir = folder("moves");
    // The same file name in two folders, for two different operations.
    for (folder_name, version) in [("api_v1", "v1"), ("api_v2", "v2")] {
        std::fs::create_dir_all(dir.join(folder_name)).unwrap();
        write(
            &dir.join(folder_name),
            "creating_a_subnet.txt",
            &page(
                "Creating a Subnet",
                "POST",
                &format!("/{version}/{{project_id}}/subnets"),
                &[("name", "Yes", "String", "The name.")],
            ),
        );
    }
    let out = folder("moves-spec");
    let first = names(&import_service(
        std::slice::from_ref(&dir),
        "vpc",
        None,
        &out,
    ));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        [
            "api_v1/creating_a_subnet.txt",
            "api_v2/creating_a_subnet.txt"
        ]
    );
    let specs = specs_by_file(&out.join("vpc"));
    assert_eq!(specs.len(), 2, "{specs:?}");

    // The same import again: same files, same names, each page its own spec.
    let again = names(&import_service(
        std::slice::from_ref(&dir),
        "vpc",
        None,
        &out,
    ));
    assert_eq!(again, first);
    assert_eq!(specs_by_file(&out.join("vpc")), specs);

    // A folder renamed and a title reworded: the spec of the same method and
    // path is found, and its name kept whatever the title says now.
    std::fs::rename(dir.join("api_v2"), dir.join("subnet_apis_v2")).unwrap();
    write(
        &dir.join("subnet_apis_v2"),
        "creating_a_subnet.txt",
        &page(
            "Adding a Subnet",
            "POST",
            "/v2/{project_id}/subnets",
            &[("name", "Yes", "String", "The name.")],
        ),
    );
    let moved = import_service(std::slice::from_ref(&dir), "vpc", None, &out);
    let moved_names = names(&moved);
    assert_eq!(
        moved_names["subnet_apis_v2/creating_a_subnet.txt"],
        first["api_v2/creating_a_subnet.txt"]
    );
    assert!(moved.imported.iter().all(|p| p.kept));
    assert_eq!(specs_by_file(&out.join("vpc")), specs);

    // A new page whose title gives an existing name renames nothing.
    write(
        &dir,
        "creating_a_subnet.txt",
        &page("Creating a Subnet", "POST", "/v3/{project_id}/subnets", &[]),
    );
    let added = names(&import_service(
        std::slice::from_ref(&dir),
        "vpc",
        None,
        &out,
    ));
    for (source, name) in &moved_names {
        assert_eq!(&added[source], name, "{source} kept its name");
    }
    assert_eq!(specs_by_file(&out.join("vpc")).len(), 3);
}

#[test]
fn two_pages_of_one_method_and_path_are_both_imported_with_a_warning() {
    let dir = folder("same-endpoint");
    write(
        &dir,
        "querying_lamps.txt",
        &page("Querying Lamps", "GET", "/v1/{project_id}/lamps", &[]),
    );
    write(
        &dir,
        "querying_lamps_deprecated.txt",
        &page(
            "Querying Lamps (Deprecated)",
            "GET",
            "/v1/{tenant_id}/lamps",
            &[],
        ),
    );
    let out = folder("same-endpoint-spec");
    let imported = import_service(std::slice::from_ref(&dir), "lamps", None, &out);
    assert_eq!(imported.imported.len(), 2);
    let warnings: Vec<String> = imported
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("GET /v1/{}/lamps is also documented by"))
        .map(|d| d.location.file.display().to_string())
        .collect();
    assert_eq!(warnings.len(), 2, "{}", imported.diagnostics);
}

/// A reStructuredText page in the shape of a Sphinx API reference.
fn rst_page(title: &str, method: &str, path: &str) -> String {
    let underline = "=".repeat(title.len());
    format!(
        ":original_name: lamp_0001.html\n\n.. _lamp_0001:\n\n{title}\n{underline}\n\nFunction\n--------\n\nThis API is used to do it.\n\nURI\n---\n\n{method} {path}\n\n.. table:: **Table 1** URI parameters\n\n   ========== ========= ====== ============\n   Parameter  Mandatory Type   Description\n   ========== ========= ====== ============\n   project_id Yes       String The project.\n   ========== ========= ====== ============\n"
    )
}

/// `apis/index.rst` listing the chapter `Lamp Management`
/// (`apis/lamps/index.rst`) and its one operation page.
fn write_lamp_chapter(dir: &Path) {
    std::fs::create_dir_all(dir.join("apis/lamps")).unwrap();
    write(
        dir,
        "apis/index.rst",
        "APIs\n====\n\n.. toctree::\n   :hidden:\n\n   lamps/index\n",
    );
    write(
        dir,
        "apis/lamps/index.rst",
        "Lamp Management\n===============\n\n.. toctree::\n\n   creating_a_lamp\n",
    );
    write(
        dir,
        "apis/lamps/creating_a_lamp.rst",
        &rst_page("Creating a Lamp", "POST", "/v1/{project_id}/lamps"),
    );
}

#[test]
fn a_restructuredtext_tree_imports_with_names_and_chapters_from_its_toctrees() {
    let dir = folder("rst");
    write(
        &dir,
        "index.rst",
        "=========\nReference\n=========\n\n.. toctree::\n   :maxdepth: 1\n\n   overview\n   apis/index\n",
    );
    write(
        &dir,
        "overview.rst",
        "Overview\n========\n\nNo operation here.\n",
    );
    write_lamp_chapter(&dir);
    let out = folder("rst-spec");
    let imported = import_service(std::slice::from_ref(&dir), "lamps", None, &out);
    assert!(imported.failures.is_empty(), "{:?}", imported.failures);
    assert_eq!(
        names(&imported),
        BTreeMap::from([(
            "apis/lamps/creating_a_lamp.rst".to_owned(),
            "CreateLamp".to_owned()
        )])
    );
    let spec = &imported.imported[0].spec;
    assert_eq!(spec.chapter.as_deref(), Some("Lamp Management"));
    assert_eq!(spec.tables[0].rows[0].parameter, "project_id");
    let mut reasons: Vec<(String, SkipReason)> = imported
        .skipped
        .iter()
        .map(|s| {
            let page = s.page.strip_prefix(&dir).unwrap().display().to_string();
            (page, s.reason)
        })
        .collect();
    reasons.sort();
    assert_eq!(
        reasons,
        [
            ("apis/index.rst".to_owned(), SkipReason::ChapterPage),
            ("apis/lamps/index.rst".to_owned(), SkipReason::ChapterPage),
            ("index.rst".to_owned(), SkipReason::ChapterPage),
            ("overview.rst".to_owned(), SkipReason::NoOperation),
        ]
    );

    // One page alone is named from its title, not from its file's metadata.
    let single = folder("rst-single");
    let page = dir.join("apis/lamps/creating_a_lamp.rst");
    let imported = import_service(&[page], "lamps", None, &single);
    assert_eq!(imported.imported[0].spec.operation, "CreateLamp");
}

#[test]
fn a_folder_without_an_operation_page_is_a_failure_that_says_what_was_found() {
    let dir = folder("nothing-read");
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    write(&dir, "pages/index.md", "Title\n=====\n");
    write(&dir, "pages/intro.md", "Intro\n=====\n");
    write(
        &dir,
        "pages/faq.html",
        "<h1>FAQ</h1><p>Call GET /v1/x to list.</p>",
    );
    let out = dir.join("spec");
    let imported = import_service(&[dir.join("pages")], "none", None, &out);
    assert!(imported.imported.is_empty());
    assert_eq!(imported.failures.len(), 1, "{:?}", imported.failures);
    let failure = &imported.failures[0];
    for expected in [
        "no operation page found",
        "1 page(s) read",
        "2 .md",
        "(.html, .htm)",
        "(.rst)",
        "(.txt)",
    ] {
        assert!(failure.contains(expected), "{expected} in {failure}");
    }
    // A file given by name in a format not read.
    let single = import_service(&[dir.join("pages/index.md")], "none", None, &out);
    assert!(
        single.failures[0].contains("a .md file, a format docspec does not read"),
        "{:?}",
        single.failures
    );
}

#[test]
fn a_toctree_entry_that_names_no_page_is_one_warning_at_its_line() {
    let dir = folder("rst-missing-entry");
    write(
        &dir,
        "index.rst",
        "=========\nReference\n=========\n\n.. toctree::\n\n   apis/index\n   retired/index\n",
    );
    write_lamp_chapter(&dir);
    let out = folder("rst-missing-entry-spec");
    let imported = import_service(std::slice::from_ref(&dir), "lamps", None, &out);
    assert!(imported.failures.is_empty(), "{:?}", imported.failures);
    assert_eq!(
        imported.imported[0].spec.chapter.as_deref(),
        Some("Lamp Management")
    );
    // Each of the three folders reads the same toctrees: one warning.
    let warnings: Vec<String> = imported
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("toctree entry"))
        .map(|d| d.to_string())
        .collect();
    assert_eq!(warnings.len(), 1, "{}", imported.diagnostics);
    let index = dir.join("index.rst");
    assert!(
        warnings[0].contains(&format!("{}:8:", index.display()))
            && warnings[0].contains("`retired/index` names no page"),
        "{}",
        warnings[0]
    );
}
