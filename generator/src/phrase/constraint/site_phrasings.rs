//! The phrasings of the Open Telekom Cloud API references (`../shared/otc`),
//! each rule with what it must read and what must never become a
//! constraint. The examples are made up; they follow the docs' phrasings, in
//! the form the HTML reader gives a cell (paragraphs on lines, list items as
//! `- ` lines).

use super::*;

fn parse(description: &str, subject: Subject) -> ConstraintText {
    parse_constraints(description, subject)
}

fn strings(values: &[&str]) -> Option<Vec<String>> {
    Some(values.iter().map(|v| v.to_string()).collect())
}

fn enum_of(description: &str) -> Option<Vec<String>> {
    parse(description, Subject::Text).enum_values
}

fn bounds(description: &str, subject: Subject) -> (Option<Limit>, Option<Limit>) {
    let text = parse(description, subject);
    (text.min, text.max)
}

fn int(n: i64) -> Option<Limit> {
    Some(Limit::Int(n))
}

// -- Precision: what never becomes an enumeration ----------------------------

#[test]
fn a_list_of_formats_is_no_enumeration() {
    let description = "The value can be a key ID, a name, or a URN.\n\
                       - Key ID: A 36-byte string, for example, 4f2a-11\n\
                       - Name: A name of the key, for example, name/abc.\n\
                       - URN: A unique name, for example, svc:region:abc.";
    let read = parse(description, Subject::Text);
    assert_eq!(read.enum_values, None);
    assert_eq!(
        (read.min, read.max),
        (None, None),
        "36 bytes is one format's size"
    );
}

#[test]
fn a_sentence_with_indicates_gives_its_first_word_only() {
    assert_eq!(
        enum_of("The value can be:\n- normal indicates software switching.\n- direct indicates a pass-through."),
        strings(&["normal", "direct"])
    );
    assert_eq!(
        enum_of("Origin. The following values are enumerated:\n- kms indicates made here.\n- external indicates brought in."),
        strings(&["kms", "external"])
    );
    for description in [
        "Options:\nnormal indicates software switching",
        "The value can be: normal indicates software switching.",
    ] {
        let values = enum_of(description).unwrap_or_default();
        assert!(
            !values.iter().any(|v| v == "indicates" || v == "software"),
            "{description}: {values:?}"
        );
    }
}

#[test]
fn placeholders_are_no_values() {
    for description in [
        "The value can be network:dhcp, network:router, or compute:xxx.",
        "The value can be network:dhcp or compute:xxx.",
        "Options:\n- {regionGroup}\n- eu-de",
        "Options:\n- eu-de\n- xxx",
    ] {
        assert_eq!(enum_of(description), None, "{description}");
    }
    let read = parse(
        "The value can be network:dhcp, network:router, or compute:xxx.",
        Subject::Text,
    );
    assert_eq!(read.findings.len(), 1, "an open list is worth a warning");
    assert_eq!(
        parse("The default value is {zone}.", Subject::Text).default,
        None
    );
}

#[test]
fn examples_are_no_values() {
    for description in [
        "For example, the value can be eu-de or eu-nl.",
        "The region, such as eu-de or eu-nl.",
        "The value can be a region such as eu-de or eu-nl.",
        "Example value: eu-de",
        "The name, e.g. eu-de or eu-nl.",
    ] {
        assert_eq!(enum_of(description), None, "{description}");
    }
}

#[test]
fn a_paragraph_after_options_is_no_list() {
    for description in [
        "Details:\nCluster ID.\nOptions:\nCluster IDs\nDefault value:\nN/A",
        "Options:\nN/A",
    ] {
        let read = parse(description, Subject::Text);
        assert_eq!(
            (read.enum_values, read.default),
            (None, None),
            "{description}"
        );
    }
}

#[test]
fn items_after_another_lead_in_are_no_values() {
    // The second list names the parts of the first list's values.
    let description = "The flavor.\n- c.s1.small: one master\n- c.s1.large: three masters\n\
                       The parts are described as follows:\n- s1: one master\n- small: up to 50 nodes";
    assert_eq!(enum_of(description), strings(&["c.s1.small", "c.s1.large"]));
    let keys = "Settings. The following is an example: \"{\"force\":true,\"skip\":true}\"\n\
                - skip: whether to skip checks\n- force: whether to overwrite";
    assert_eq!(enum_of(keys), None);
}

#[test]
fn letters_that_name_parts_of_a_format_are_no_values() {
    let description = "Version, in the format of vX.Y[.Z], for example, v1.30.\n\
                       - X: major version\n- Y: minor version\n- Z: patch version";
    assert_eq!(enum_of(description), None);
    assert_eq!(
        enum_of("Platform version. The format is svc.X.Y.\n- X: feature version\n- Y: patch"),
        None
    );
    assert_eq!(
        enum_of("Record type. The value can be A, AAAA, or MX."),
        strings(&["A", "AAAA", "MX"])
    );
}

#[test]
fn items_that_describe_the_parts_of_the_value_are_no_values() {
    for description in [
        // The sub-fields of a configuration string, one with its own values.
        "Disk configuration, for example, \"a=1;diskType=evs\".\n\
         The following fields are included:\n- userLV (optional): size of the user space.\n\
         - diskType: disk type. Currently, only evs, hdd, and ssd are supported.\n- lvType: type of a volume.",
        // A sentence of an item, not its label.
        "Thresholds.\n- The low threshold. Formula: low x 2\n- The high threshold. Formula: high x 2",
        // A value twice.
        "Terms.\nFormula: a\nFormula: b",
    ] {
        assert_eq!(enum_of(description), None, "{description}");
    }
    assert_eq!(
        enum_of("Content type. Possible values:\nDefault: application/json"),
        None
    );
}

#[test]
fn words_named_beside_a_json_value_are_no_values() {
    let description =
        "Message structure, which contains JSON strings\nemail, sms, and http are supported.";
    let read = parse(description, Subject::Text);
    assert_eq!(read.enum_values, None);
    assert_eq!(read.findings.len(), 1);
}

#[test]
fn a_meaning_starting_with_the_value_is_no_second_value() {
    assert_eq!(
        enum_of("The options are as follows:\n- OR: OR operation\n- AND: AND operation"),
        strings(&["OR", "AND"])
    );
}

// -- Precision: defaults ------------------------------------------------------

#[test]
fn left_blank_is_no_default() {
    for description in [
        "Sorting order. The value can be:\n- desc: descending\n- asc: ascending\nThe default value is left blank, indicating no sorting.",
        "The value is left blank by default.",
        "By default, this parameter is left blank.",
        "If this parameter is not specified or is set to 0, the default value is used.",
    ] {
        let read = parse(description, Subject::Text);
        assert_eq!(read.default, None, "{description}");
        assert!(read.findings.is_empty(), "{description}: {:?}", read.findings);
    }
}

#[test]
fn the_empty_string_only_where_the_docs_say_so() {
    assert_eq!(
        parse("The default value is an empty string.", Subject::Text)
            .default
            .as_deref(),
        Some("")
    );
    assert_eq!(
        parse("The value can be empty.", Subject::Text).default,
        None
    );
}

#[test]
fn a_default_of_another_noun_is_no_default() {
    assert_eq!(
        parse(
            "Workspace ID. The ID of the default workspace is 0.",
            Subject::Text
        )
        .default,
        None
    );
    assert_eq!(
        parse("The first row. The default offset is 0.", Subject::Integer)
            .default
            .as_deref(),
        Some("0")
    );
    assert_eq!(
        parse(
            "Seconds to keep it, and the default retention period is 3600 (one hour).",
            Subject::Integer
        )
        .default
        .as_deref(),
        Some("3600")
    );
    assert_eq!(
        parse("The default protocol is mandatory.", Subject::Text).default,
        None,
        "only a number is taken after another noun than value"
    );
}

// -- Notes on values ----------------------------------------------------------

#[test]
fn a_qualifier_in_brackets_keeps_the_value_and_is_noted() {
    let read = parse(
        "The value can be A, AAAA, NS (only in public zones), and PTR (only in private zones).",
        Subject::Text,
    );
    assert_eq!(read.enum_values, strings(&["A", "AAAA", "NS", "PTR"]));
    assert_eq!(
        read.value_notes,
        [
            ("NS".to_string(), "only in public zones".to_string()),
            ("PTR".to_string(), "only in private zones".to_string())
        ]
    );
    let read = parse(
        "Disk type. Options:\n- SSD\n- SATA(End-of-sale)\n- SAS (deprecated)",
        Subject::Text,
    );
    assert_eq!(read.enum_values, strings(&["SSD", "SATA", "SAS"]));
    assert_eq!(
        read.value_notes,
        [
            ("SATA".to_string(), "End-of-sale".to_string()),
            ("SAS".to_string(), "deprecated".to_string())
        ]
    );
    assert_eq!(
        enum_of("The value can be SSD or SATA(End of sale)."),
        strings(&["SSD", "SATA"])
    );
}

#[test]
fn a_default_gloss_is_no_note() {
    let read = parse("Options:\n- up (default)\n- down", Subject::Text);
    assert_eq!(read.enum_values, strings(&["up", "down"]));
    assert_eq!(read.default.as_deref(), Some("up"));
    assert!(read.value_notes.is_empty());
}

// -- Recall -------------------------------------------------------------------

#[test]
fn ranges_as_the_site_writes_them() {
    for (description, subject, expected) in [
        (
            "The value ranges from 1 to 2147483647.",
            Subject::Integer,
            (int(1), int(2147483647)),
        ),
        (
            "Value range:\n1-2147483647",
            Subject::Integer,
            (int(1), int(2147483647)),
        ),
        (
            "Value range:\n0-65535\nDefault value:\n0",
            Subject::Integer,
            (int(0), int(65535)),
        ),
        (
            "Value range:\n- Public zone: 1 - 2147483647\n- Private zone: 1 - 2147483647",
            Subject::Integer,
            (int(1), int(2147483647)),
        ),
        (
            "The length ranges from 1 to 255 characters.",
            Subject::Text,
            (int(1), int(255)),
        ),
        (
            "The value is between 1 to 64 bytes.",
            Subject::Text,
            (int(1), int(64)),
        ),
        (
            "Plain data which is 1 to 4096 bytes in length.",
            Subject::Text,
            (int(1), int(4096)),
        ),
        (
            "CMK description (The value ranges from 0 to 255 characters.)",
            Subject::Text,
            (int(0), int(255)),
        ),
        (
            "A 36-byte serial number of a request.",
            Subject::Text,
            (int(36), int(36)),
        ),
        ("64-byte ID of a grant.", Subject::Text, (int(64), int(64))),
        (
            "The display name cannot exceed 192 bytes.",
            Subject::Text,
            (None, int(192)),
        ),
        (
            "The remarks can contain up to 128 bytes.",
            Subject::Text,
            (None, int(128)),
        ),
        (
            "The maximum length is 1,024 bytes.",
            Subject::Text,
            (None, int(1024)),
        ),
        (
            "The maximum length of the ID is 4,096 bytes.",
            Subject::Text,
            (None, int(4096)),
        ),
        (
            "- The value can be null. Max characters: 255",
            Subject::Text,
            (None, int(255)),
        ),
    ] {
        assert_eq!(bounds(description, subject), expected, "{description}");
    }
    let items = parse(
        "The IDs. Constraints: A maximum number of 20 IDs is allowed.",
        Subject::ArrayOfText,
    );
    assert_eq!(items.max_items, Some(20));
}

#[test]
fn ranges_that_are_no_bound_of_the_value() {
    for (description, subject) in [
        // A range per case that disagree.
        ("Value range:\n- Small: 1 - 10\n- Large: 1 - 100", Subject::Integer),
        // A size in KB, and bytes for one case only.
        (
            "The content can be no more than 256 KB.\nIf it is sent by SMS, a message can contain up to 256 bytes.",
            Subject::Text,
        ),
        (
            "- If you set name to a, the maximum length of value is 30 KB.\n- If you set name to b, the maximum length of value is 120 bytes.",
            Subject::Text,
        ),
        // Each message, not the value.
        ("If it is sent by SMS, each message can contain up to 256 bytes.", Subject::Text),
        // One format among several.
        ("- Key ID: A 36-byte string.\n- Alias: a name.", Subject::Text),
    ] {
        assert_eq!(bounds(description, subject), (None, None), "{description}");
    }
}

#[test]
fn single_values() {
    for (description, expected) in [
        ("The value can be ntp.", &["ntp"][..]),
        (
            "API version. The value is fixed at v3 and cannot be changed.",
            &["v3"],
        ),
        ("API type. The value is fixed to List.", &["List"]),
        (
            "Resource type\nOnly topic_a (topic) is supported.",
            &["topic_a"],
        ),
        ("Number of bits. The value is 512.", &["512"]),
    ] {
        assert_eq!(enum_of(description), strings(expected), "{description}");
    }
    for prose in [
        "The value can be changed.",
        "The value can be empty.",
        "The value can be customized.",
        "Number of cores, which can be fractions.",
        "The number of master nodes is fixed and cannot be altered.",
    ] {
        assert_eq!(enum_of(prose), None, "{prose}");
    }
}

#[test]
fn lists_as_the_site_writes_them() {
    for (description, expected) in [
        (
            "Permissions\nValues: create-key, describe-key, retire-grant\nretire-grant cannot be alone.",
            &["create-key", "describe-key", "retire-grant"][..],
        ),
        (
            "Currently, the following protocols are supported:\n- email\n- default\n- sms\n- http and https",
            &["email", "default", "sms", "http", "https"],
        ),
        (
            "The following protocols are supported:\n- email: mail addresses\n- http and https: URLs",
            &["email", "http", "https"],
        ),
        (
            "Message body type. Possible values:\n- application/json;charset=utf-8\n- application/json",
            &["application/json;charset=utf-8", "application/json"],
        ),
        (
            "Options:\n- application/json\n- multipart/form-data (used with form data)",
            &["application/json", "multipart/form-data"],
        ),
        (
            "Whether to delete. Value options:\n- true or block (delete, and wait)\n- try (delete, do not wait)\n- false or skip (keep)",
            &["true", "block", "try", "false", "skip"],
        ),
        (
            "Signing type. Possible values are as follows:\n- DIGEST (a digest)\n- RAW (the message)",
            &["DIGEST", "RAW"],
        ),
        ("Status\nRange\n- Running: it runs.\n- Failed: it failed.", &["Running", "Failed"]),
        ("The protocol.\nEnumeration values:\n- tcp\n- udp\n- any", &["tcp", "udp", "any"]),
    ] {
        assert_eq!(enum_of(description), strings(expected), "{description}");
    }
}

#[test]
fn an_explicit_list_beats_the_prose_that_names_the_values() {
    let read = parse(
        "The protocol.\nTCP, UDP, and ANY are supported.\nEnumeration values:\n- tcp\n- udp\n- any",
        Subject::Text,
    );
    assert_eq!(read.enum_values, strings(&["tcp", "udp", "any"]));
}

#[test]
fn defaults_as_the_site_writes_them() {
    for (description, subject, expected) in [
        ("Whether to wait. If this parameter is left blank, the default value is true.", Subject::Boolean, "true"),
        ("Definition\nAPI type.\nConstraints\nN/A\nRange\nN/A\nDefault Value\nJob", Subject::Text, "Job"),
        ("Default value:\n0", Subject::Text, "0"),
        ("0: inside.\n1: outside.\nIf no value is entered, the default value 0 (inside) is used.", Subject::Integer, "0"),
        ("The maximum period.\nDefault retention period: 3600 (one hour)", Subject::Text, "3600"),
    ] {
        assert_eq!(parse(description, subject).default.as_deref(), Some(expected), "{description}");
    }
    assert_eq!(
        parse("Definition\nAPI type.\nDefault Value\nN/A", Subject::Text).default,
        None
    );
}
