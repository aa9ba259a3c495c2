//! The operation names of every operation page in `../shared` (the corpus,
//! the exports, the doc site's HTML, the seed; every form): a title that
//! starts with a gerund gives a name whose verb is that gerund's English base
//! form, as listed here by hand for every gerund those titles use, and an
//! acronym of the title (`EIPs`, `CMKs`) is one word of the name (`Eips`).
#![cfg(feature = "import")]

use docspec::import::{operation_id_from_page, read_page, ImportOptions, PageOutcome};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every gerund that starts a title in `../shared`, with its base form.
const BASE_FORMS: &[(&str, &str)] = &[
    ("Accepting", "Accept"),
    ("Adding", "Add"),
    ("Assigning", "Assign"),
    ("Associating", "Associate"),
    ("Attaching", "Attach"),
    ("Authenticating", "Authenticate"),
    ("Calling", "Call"),
    ("Canceling", "Cancel"),
    ("Changing", "Change"),
    ("Configuring", "Configure"),
    ("Creating", "Create"),
    ("Decrypting", "Decrypt"),
    ("Deleting", "Delete"),
    ("Deploying", "Deploy"),
    ("Disabling", "Disable"),
    ("Disassociating", "Disassociate"),
    ("Downloading", "Download"),
    ("Enabling", "Enable"),
    ("Encrypting", "Encrypt"),
    ("Generating", "Generate"),
    ("Hibernating", "Hibernate"),
    ("Importing", "Import"),
    ("Installing", "Install"),
    ("Labeling", "Label"),
    ("Listing", "List"),
    ("Making", "Make"),
    ("Managing", "Manage"),
    ("Migrating", "Migrate"),
    ("Modifying", "Modify"),
    ("Obtaining", "Obtain"),
    ("Processing", "Process"),
    ("Publishing", "Publish"),
    ("Querying", "Query"),
    ("Reading", "Read"),
    ("Releasing", "Release"),
    ("Removing", "Remove"),
    ("Resetting", "Reset"),
    ("Restarting", "Restart"),
    ("Retiring", "Retire"),
    ("Reviewing", "Review"),
    ("Revoking", "Revoke"),
    ("Scheduling", "Schedule"),
    ("Sending", "Send"),
    ("Signing", "Sign"),
    ("Starting", "Start"),
    ("Stopping", "Stop"),
    ("Submitting", "Submit"),
    ("Synchronizing", "Synchronize"),
    ("Training", "Train"),
    ("Unsetting", "Unset"),
    ("Updating", "Update"),
    ("Uploading", "Upload"),
    ("Verifying", "Verify"),
    ("Viewing", "View"),
    ("Waking", "Wake"),
];

#[test]
#[cfg_attr(
    shared_missing,
    ignore = "../shared is missing: no title of a real page is named"
)]
fn every_title_in_shared_gives_a_whole_verb_and_acronyms_as_words() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if !shared.is_dir() {
        println!("skipped: ../shared is missing, so no title of a real page was named");
        return;
    }
    let mut pages = Vec::new();
    collect(&shared, &mut pages);
    let options = ImportOptions {
        service: "names".to_owned(),
        operation: None,
    };
    let mut gerunds_seen = BTreeSet::new();
    let mut named = 0;
    for page in pages {
        let bytes = std::fs::read(&page).unwrap();
        let PageOutcome::Operation(imported) = read_page(&page, &bytes, &options) else {
            continue;
        };
        let spec = &imported.spec;
        let name = operation_id_from_page(spec);
        named += 1;
        let words: Vec<&str> = spec
            .title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(first) = words.first() else {
            continue;
        };
        if first.ends_with("ing") {
            let base = BASE_FORMS
                .iter()
                .find(|(gerund, _)| gerund.eq_ignore_ascii_case(first))
                .map(|(_, base)| *base)
                .unwrap_or_else(|| panic!("{}: the gerund {first:?} is not in the hand-made list; add it with its base form", page.display()));
            gerunds_seen.insert(first.to_string());
            let after = name.strip_prefix(base).unwrap_or_else(|| {
                panic!(
                    "{}: \"{}\" gave {name}, not the verb {base}",
                    page.display(),
                    spec.title
                )
            });
            assert!(
                after.is_empty() || after.starts_with(|c: char| c.is_ascii_uppercase()),
                "{}: \"{}\" gave {name}: the verb {base} runs into the next word",
                page.display(),
                spec.title
            );
        }
        // `API` is a filler word titles add (`Querying All API Versions`).
        for word in words
            .iter()
            .filter(|w| !w.eq_ignore_ascii_case("api") && !w.eq_ignore_ascii_case("apis"))
        {
            let letters = word.strip_suffix('s').unwrap_or(word);
            if letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase()) {
                let as_word = format!("{}{}", &word[..1], word[1..].to_ascii_lowercase());
                assert!(
                    name.contains(&as_word),
                    "{}: \"{}\" gave {name}, which does not read {word} as the word {as_word}",
                    page.display(),
                    spec.title
                );
            }
        }
    }
    println!(
        "{named} operation pages named; {} gerunds seen",
        gerunds_seen.len()
    );
    assert!(named > 500, "the pages of ../shared were read ({named})");
    assert!(gerunds_seen.len() >= 40, "{gerunds_seen:?}");
}

/// Every page file (`.html`, `.txt`) under `dir`, sorted.
fn collect(dir: &Path, pages: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, pages);
        } else if entry.extension().is_some_and(|e| e == "html" || e == "txt") {
            pages.push(entry);
        }
    }
}
