//! Every construct the generator emits, compiled and exercised: the feature
//! fixture (`tests/fixtures/features`: enums, path and query parameters,
//! maps, secrets, keyword and odd wire names, examples that contradict their
//! tables) is generated into a crate in the target folder, which must build
//! without warnings and pass its generated example tests plus
//! `fixtures/features/behaviour.rs` and `sdk.rs` (regions, ids from the
//! credentials, errors, the escape hatch and paging against a loopback server);
//! the service programs answer `--help`, and the `pages` program takes its
//! regions and follows the pages with `--all-pages` against a loopback server.

use docspec_tests::{build_and_test, clippy, remove_crate, scratch_dir, workspace, write_crate};
use std::path::Path;

#[test]
fn feature_fixture_generates_builds_and_behaves() {
    let fixture = workspace().join("tests/fixtures/features");
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let crate_dir = scratch_dir(scratch, "feature-api");
    let mut generation =
        docspec::generate::generate(&fixture.join("spec"), &[], "docspec generate")
            .unwrap_or_else(|errors| panic!("the feature fixture does not generate:\n{errors}"));
    // The crate root users get, with its `#![warn(missing_docs)]`.
    generation.for_crate("feature-api", "docspec generate");
    write_crate(&crate_dir, "feature-api", &generation.files);
    // The service programs, whose names and flags meet keywords, odd wire
    // names and services named like the runtime's modules. (The quickstart
    // is left out: it names `validation::Validate` through the crate, where
    // the fixture's service `validation` stands; a known gap of its own.)
    let programs: docspec::emit::Files =
        docspec::emit::emit_examples(&generation.api, "feature-api", "docspec generate")
            .into_iter()
            .filter(|(path, _)| path.file_stem().is_some_and(|stem| stem != "quickstart"))
            .collect();
    let _ = std::fs::remove_dir_all(crate_dir.join("examples"));
    docspec::generate::write_files(&crate_dir.join("examples"), &programs).unwrap();
    std::fs::create_dir_all(crate_dir.join("tests")).unwrap();
    for file in ["behaviour.rs", "sdk.rs"] {
        std::fs::copy(fixture.join(file), crate_dir.join("tests").join(file)).unwrap();
    }

    let source = &generation.files[Path::new("demo/create_widget.rs")];
    // The examples that contradict their tables assert the contradiction.
    assert!(
        source.contains("ExampleCheck::Violations(expected)"),
        "{source}"
    );
    assert!(source.contains("assert_eq!(error.path, \"/error_code\", \"{error}\")"));
    assert!(source.contains("ExampleCheck::InvalidJson(_)"));

    let passed = build_and_test(&crate_dir, scratch);
    clippy(&crate_dir, scratch).unwrap_or_else(|findings| panic!("{findings}"));
    // 5 example tests, the behaviour tests and the SDK tests.
    assert!(passed >= 22, "{passed} tests passed");

    // `cargo test` built the programs: one per service, a command per operation.
    let shapes = scratch_dir(scratch, "target").join("debug/examples/shapes");
    let help = std::process::Command::new(&shapes)
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("\n  fire-and-forget  Sending a Signal\n"),
        "{help}"
    );
    let fire = std::process::Command::new(&shapes)
        .args([
            "fire-and-forget",
            "--endpoint",
            "https://example.com",
            "--what",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(fire.status.code(), Some(2), "a flag the command lacks");
    program_regions_and_pages(&scratch_dir(scratch, "target").join("debug/examples"));
    remove_crate(&crate_dir, scratch, "feature-api");
}

/// The generated `pages` program: `--region` from the service file's
/// regions, `--endpoint` over it, `--all-pages` on a paging command (three
/// pages of lamps from a loopback server), refused on one that does not page.
fn program_regions_and_pages(examples: &Path) {
    let run = |program: &str, args: &[&str]| {
        std::process::Command::new(examples.join(program))
            .args(args)
            .env_remove("HUAWEICLOUD_SDK_AK")
            .env_remove("HUAWEICLOUD_SDK_REGION")
            .env_remove("HUAWEICLOUD_SDK_PROJECT_ID")
            .env("HUAWEICLOUD_SDK_AUTH_TOKEN", "loopback-token")
            .output()
            .unwrap()
    };
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let help = run("pages", &["list-lamps", "--help"]);
    assert!(
        text(&help.stdout).contains("\n  --all-pages "),
        "{}",
        text(&help.stdout)
    );
    let unknown = run(
        "pages",
        &["list-lamps", "--region", "eu-ch2", "--project-id", "p"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("known regions: eu-de, eu-nl"),
        "{}",
        text(&unknown.stderr)
    );
    let fire = run(
        "shapes",
        &["fire-and-forget", "--region", "x", "--all-pages"],
    );
    assert_eq!(fire.status.code(), Some(2));
    assert!(text(&fire.stderr).starts_with("--all-pages: fire-and-forget does not page"));

    let (endpoint, targets) = serve_lamps(&[3, 3, 1]);
    let args = [
        "list-lamps",
        "--region",
        "eu-nl",
        "--endpoint",
        &endpoint,
        "--project-id",
        "p",
    ];
    let walk = run(
        "pages",
        &[&args[..], &["--limit", "3", "--all-pages"]].concat(),
    );
    assert_eq!(walk.status.code(), Some(0), "{}", text(&walk.stderr));
    assert_eq!(text(&walk.stdout).matches("status: 200\n").count(), 3);
    assert!(
        text(&walk.stdout).contains("\"lamp-6\""),
        "{}",
        text(&walk.stdout)
    );
    assert_eq!(
        text(&walk.stderr),
        "request id: req-0\nrequest id: req-1\nrequest id: req-2\n"
    );
    assert_eq!(
        targets.recv().unwrap(),
        [
            "/v1/p/lamps?limit=3",
            "/v1/p/lamps?offset=3&limit=3",
            "/v1/p/lamps?offset=6&limit=3",
        ]
    );
}

/// A server on 127.0.0.1 that answers one connection per page of `sizes`
/// with that many lamps; its endpoint, and the request targets once all are answered.
fn serve_lamps(sizes: &[usize]) -> (String, std::sync::mpsc::Receiver<Vec<String>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let (sender, targets) = std::sync::mpsc::channel();
    let sizes = sizes.to_vec();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut next = 0;
        for (n, size) in sizes.into_iter().enumerate() {
            let (mut stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            seen.push(line.split(' ').nth(1).unwrap_or_default().to_owned());
            while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                line.clear();
            }
            let lamps: Vec<String> = (next..next + size)
                .map(|i| format!(r#"{{"id":"lamp-{i}"}}"#))
                .collect();
            next += size;
            let body = format!(r#"{{"lamps":[{}]}}"#, lamps.join(","));
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Request-Id: req-{n}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
        let _ = sender.send(seen);
    });
    (endpoint, targets)
}
