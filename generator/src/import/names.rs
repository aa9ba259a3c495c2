//! The operation name a page gives itself: its title's words, the leading
//! gerund made a verb, acronyms read as words; and, for pages that would
//! share a name, the words of their paths that tell them apart. The rule is
//! documented in `spec/README.md` ("Operation names").

use crate::spec::Spec;
use heck::ToUpperCamelCase;

/// Words the titles of reference pages use that a name leaves out.
const FILLER: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "by", "from", "with", "and", "or", "about",
    "api", "apis",
];

/// The operation id a page gives itself: its title's words in
/// UpperCamelCase, the leading gerund as a verb (`Querying the Dataset List`
/// → `QueryDatasetList`), acronyms as words (`EIPs` → `Eips`), filler words
/// dropped; without a title, the method and the path's words
/// (`GET /v2/{project_id}/datasets` → `GetDatasets`).
pub fn operation_id_from_page(spec: &Spec) -> String {
    name_from(&spec.title, &spec.method, &spec.path)
}

fn name_from(title: &str, method: &str, path: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !FILLER.contains(&w.to_ascii_lowercase().as_str()))
        .enumerate()
        .map(|(i, w)| if i == 0 { verb(w) } else { acronym_as_word(w) })
        .collect();
    let from_title = words.join(" ").to_upper_camel_case();
    let name = if from_title
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        from_title
    } else {
        let method = method.to_ascii_lowercase().to_upper_camel_case();
        format!("{method}{}", path_words(path))
    };
    if name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        name
    } else {
        format!("Operation{name}")
    }
}

/// An acronym, plural or not, as one word (`EIPs` → `Eips`, `NICs` → `Nics`,
/// `CMK` → `Cmk`), so that casing does not cut it (`EiPs`); other words as
/// written (`IPv6`, `Subnet`).
fn acronym_as_word(word: &str) -> String {
    let letters = word.strip_suffix('s').unwrap_or(word);
    if letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase()) {
        let lower = word.to_ascii_lowercase();
        let mut chars = lower.chars();
        chars
            .next()
            .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    } else {
        word.to_owned()
    }
}

/// Base forms of verbs that API titles use, where the spelling of the `-ing`
/// form does not tell the base form by rule: a final `e` dropped (`creating`,
/// `changing`, `revoking`), a doubled consonant that belongs to the base
/// (`adding`, `calling`) or that was doubled for the suffix (`stopping`,
/// `cancelling`). A verb not listed is read by [`base_by_rule`].
const BASE_VERBS: &[&str] = &[
    "accept",
    "access",
    "activate",
    "add",
    "allocate",
    "analyze",
    "apply",
    "approve",
    "archive",
    "assign",
    "associate",
    "attach",
    "authenticate",
    "authorize",
    "back",
    "batch",
    "bind",
    "call",
    "cancel",
    "change",
    "check",
    "clear",
    "clone",
    "close",
    "commit",
    "compare",
    "configure",
    "confirm",
    "connect",
    "continue",
    "copy",
    "create",
    "deactivate",
    "debug",
    "declare",
    "decrypt",
    "delete",
    "deploy",
    "describe",
    "detach",
    "disable",
    "disassociate",
    "download",
    "drop",
    "edit",
    "enable",
    "encrypt",
    "execute",
    "expand",
    "export",
    "extend",
    "fill",
    "filter",
    "freeze",
    "generate",
    "get",
    "grant",
    "hibernate",
    "import",
    "increase",
    "initialize",
    "install",
    "invoke",
    "issue",
    "label",
    "list",
    "lock",
    "log",
    "make",
    "manage",
    "map",
    "merge",
    "migrate",
    "model",
    "modify",
    "mount",
    "move",
    "obtain",
    "open",
    "pass",
    "pause",
    "plan",
    "poll",
    "preview",
    "process",
    "publish",
    "purchase",
    "push",
    "put",
    "query",
    "read",
    "reboot",
    "rebuild",
    "receive",
    "refresh",
    "register",
    "reinstall",
    "release",
    "reload",
    "remove",
    "rename",
    "renew",
    "replace",
    "replicate",
    "request",
    "reserve",
    "reset",
    "resize",
    "restart",
    "restore",
    "resume",
    "retire",
    "retry",
    "revoke",
    "roll",
    "rollback",
    "rotate",
    "run",
    "save",
    "scale",
    "scan",
    "schedule",
    "search",
    "send",
    "set",
    "share",
    "shut",
    "sign",
    "specify",
    "split",
    "start",
    "stop",
    "store",
    "submit",
    "subscribe",
    "suspend",
    "switch",
    "synchronize",
    "tag",
    "terminate",
    "test",
    "train",
    "transfer",
    "trigger",
    "unbind",
    "unfreeze",
    "uninstall",
    "unlock",
    "unmount",
    "unset",
    "unsubscribe",
    "untag",
    "update",
    "upgrade",
    "upload",
    "use",
    "validate",
    "verify",
    "view",
    "wake",
];

/// The verb of a leading gerund (`Querying` → `Query`, `Creating` →
/// `Create`, `Stopping` → `Stop`, `Adding` → `Add`); other words unchanged.
/// The base form is the first of the stem, the stem with `e` and the stem
/// without a doubled final consonant that [`BASE_VERBS`] lists; else the
/// spelling rules of [`base_by_rule`] decide.
fn verb(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix("ing").filter(|s| s.len() >= 2) else {
        return acronym_as_word(word);
    };
    let undoubled = undoubled(stem);
    let candidates = [
        Some(stem.to_owned()),
        Some(format!("{stem}e")),
        undoubled.map(str::to_owned),
    ];
    let base = candidates
        .into_iter()
        .flatten()
        .find(|c| BASE_VERBS.contains(&c.as_str()))
        .unwrap_or_else(|| base_by_rule(stem));
    base.to_upper_camel_case()
}

/// The stem without its last letter when that doubles a consonant (`stopp`, `cancell`).
fn undoubled(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 3 && bytes[n - 1] == bytes[n - 2] && !b"aeiouy".contains(&bytes[n - 1]))
        .then(|| &stem[..n - 1])
}

/// The base form by English spelling rules, for verbs [`BASE_VERBS`] does
/// not list: a doubled consonant other than `l`, `s`, `f`, `z` was doubled
/// for the suffix (`shipping` → `ship`; `billing` → `bill`); a final `e`
/// comes back after a consonant that English does not end a verb with when
/// a single vowel stands before it (`migrat`, `provok`, `purchas`, `sav`).
fn base_by_rule(stem: &str) -> String {
    if let Some(base) = undoubled(stem) {
        let last = stem.as_bytes()[stem.len() - 1];
        return if b"lsfz".contains(&last) {
            stem.to_owned()
        } else {
            base.to_owned()
        };
    }
    if needs_final_e(stem) {
        format!("{stem}e")
    } else {
        stem.to_owned()
    }
}

/// Whether a gerund's stem lost an `e`, by the shape of its end:
/// - `v`, `z`, `c` end no English verb (`remov`, `synchroniz`, `replac`);
/// - after two consonants, only `-rg`, `-dg`, `-ang`, `-rs`/`-ps`/`-ns`/`-ls`
///   and a consonant before `l` (`merg`, `judg`, `chang`, `revers`, `enabl`);
/// - after two vowels, only `s` (`releas`, `paus`; not `repeat`, `obtain`);
/// - a stem of one syllable that did not double its consonant (`mak`, `tun`, `us`);
/// - in longer stems, the consonant after its single vowel: `t` after `a`,
///   `u`, or `le` (`creat`, `comput`, `delet`; not `edit`, `target`), `k` and
///   `s` always, `r`, `d` after `a`, `i`, `o`, `u` (`configur`, `provid`;
///   not `register`), `g` after `a` (`manag`), `m`, `n` after `a`, `i`, `u`
///   (`renam`, `defin`; not `open`, `abandon`), `b` after `i`, `o`, `u`
///   (`describ`), `p` after `a`, `i`, `u`, `y` (`escap`; not `develop`), `l`
///   after `u`, `i` (`schedul`, `compil`; not `cancel`, `label`).
fn needs_final_e(stem: &str) -> bool {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    let vowel = |b: u8| b"aeiou".contains(&b);
    let last = bytes[n - 1];
    if matches!(last, b'v' | b'z' | b'c') {
        return true;
    }
    if n < 2 || vowel(last) || matches!(last, b'w' | b'x' | b'y') {
        return false;
    }
    let before = bytes[n - 2];
    if !vowel(before) {
        return last == b'l'
            || matches!(
                (before, last),
                (b'r' | b'd', b'g') | (b'r' | b'p' | b'n' | b'l', b's')
            )
            || (before == b'n' && last == b'g' && n >= 3 && bytes[n - 3] == b'a');
    }
    if n >= 3 && vowel(bytes[n - 3]) {
        return last == b's';
    }
    let one_syllable = !bytes[..n - 2].iter().any(|b| b"aeiouy".contains(b));
    if one_syllable {
        return true;
    }
    match last {
        b't' => matches!(before, b'a' | b'u') || (before == b'e' && bytes[n - 3] == b'l'),
        b'k' | b's' => true,
        b'r' | b'd' => matches!(before, b'a' | b'i' | b'o' | b'u'),
        b'g' => before == b'a',
        b'm' | b'n' => matches!(before, b'a' | b'i' | b'u'),
        b'b' => matches!(before, b'i' | b'o' | b'u'),
        b'p' => matches!(before, b'a' | b'i' | b'u' | b'y'),
        b'l' => matches!(before, b'u' | b'i'),
        _ => false,
    }
}

/// The words of a path's fixed segments (`/v2/{project_id}/datasets/{dataset_id}/versions`
/// → `DatasetsVersions`); placeholders and version segments left out.
pub fn path_words(path: &str) -> String {
    fixed_segments(path)
        .filter(|s| !is_version(s))
        .map(|s| s.to_upper_camel_case())
        .collect()
}

/// The fixed segments of a path, placeholders left out.
fn fixed_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|s| !s.is_empty() && !s.contains('{'))
}

/// `v2`, `v3`, `v2.0`, `V1.1`: a version segment.
fn is_version(segment: &str) -> bool {
    segment.strip_prefix(['v', 'V']).is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_ascii_digit())
            && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
    })
}

/// A segment as a word of a name: `v2.0` → `V20`, `private-nat` → `PrivateNat`.
fn segment_word(segment: &str) -> String {
    if is_version(segment) {
        segment.replace('.', "").to_upper_camel_case()
    } else {
        segment.to_upper_camel_case()
    }
}

/// For pages that would share a name: the words of each path that the
/// others lack (`/v2.0/dnat_rules` and `/v3/{project_id}/private-nat/dnat-rules`
/// → `V20` and `V3PrivateNat`), in the paths' order; `None` when that does
/// not tell every page apart.
pub fn told_apart(paths: &[&str]) -> Option<Vec<String>> {
    let words: Vec<Vec<String>> = paths
        .iter()
        .map(|p| fixed_segments(p).map(segment_word).collect())
        .collect();
    let distinct: Vec<String> = words
        .iter()
        .map(|own| {
            own.iter()
                .filter(|w| !words.iter().all(|other| other.contains(w)))
                .cloned()
                .collect::<String>()
        })
        .collect();
    let all_differ = distinct
        .iter()
        .enumerate()
        .all(|(i, d)| !d.is_empty() && distinct.iter().enumerate().all(|(j, e)| i == j || d != e));
    all_differ.then_some(distinct)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(title: &str) -> String {
        name_from(title, "GET", "/v1/x")
    }

    #[test]
    fn makes_the_leading_gerund_a_whole_verb() {
        for (title, name) in [
            ("Adding Resource Tags", "AddResourceTags"),
            ("Changing the Alias of a CMK", "ChangeAliasCmk"),
            ("Revoking a Grant", "RevokeGrant"),
            ("Releasing an EIP", "ReleaseEip"),
            ("Scheduling the Deletion of a CMK", "ScheduleDeletionCmk"),
            ("Stopping a Job", "StopJob"),
            ("Cancelling a Task", "CancelTask"),
            ("Calling APIs", "Call"),
            ("Querying EIPs", "QueryEips"),
            ("Querying the List of CMKs", "QueryListCmks"),
            ("Adding NICs to an ECS in Batches", "AddNicsEcsBatches"),
            ("Creating a VPC", "CreateVpc"),
        ] {
            assert_eq!(named(title), name, "{title}");
        }
    }

    #[test]
    fn reads_verbs_it_does_not_list_by_spelling_rules() {
        for (gerund, base) in [
            ("Shipping", "Ship"),
            ("Billing", "Bill"),
            ("Provoking", "Provoke"),
            ("Purchasing", "Purchase"),
            ("Saving", "Save"),
            ("Arranging", "Arrange"),
            ("Bringing", "Bring"),
            ("Repeating", "Repeat"),
            ("Obtaining", "Obtain"),
            ("Editing", "Edit"),
            ("Listing", "List"),
            ("Tabling", "Table"),
            ("Deduplicating", "Deduplicate"),
            ("Escaping", "Escape"),
            ("Tuning", "Tune"),
            ("Voting", "Vote"),
            ("Using", "Use"),
            ("Registering", "Register"),
            ("Developing", "Develop"),
            ("Describing", "Describe"),
            ("Defining", "Define"),
            ("Opening", "Open"),
            ("Merging", "Merge"),
            ("Computing", "Compute"),
            ("Completing", "Complete"),
            ("Targeting", "Target"),
        ] {
            let word = gerund.to_ascii_lowercase();
            let stem = word.strip_suffix("ing").unwrap();
            assert_eq!(base_by_rule(stem).to_upper_camel_case(), base, "{gerund}");
        }
    }

    #[test]
    fn reads_acronyms_as_words() {
        assert_eq!(acronym_as_word("EIPs"), "Eips");
        assert_eq!(acronym_as_word("CMK"), "Cmk");
        assert_eq!(acronym_as_word("IPv6"), "IPv6");
        assert_eq!(acronym_as_word("Subnets"), "Subnets");
        assert_eq!(acronym_as_word("s"), "s");
    }

    #[test]
    fn tells_pages_apart_by_what_differs_in_their_paths() {
        assert_eq!(
            told_apart(&[
                "/v2/{project_id}/cloudvolumes",
                "/v3/{project_id}/cloudvolumes"
            ]),
            Some(vec!["V2".to_owned(), "V3".to_owned()])
        );
        assert_eq!(
            told_apart(&[
                "/v2.0/dnat_rules",
                "/v3/{project_id}/private-nat/dnat-rules"
            ]),
            Some(vec!["V20".to_owned(), "V3PrivateNat".to_owned()])
        );
        assert_eq!(told_apart(&["/v2/x", "/v2/x"]), None);
        assert_eq!(told_apart(&["/v2/x", "/v2/x/y"]), None);
    }
}
