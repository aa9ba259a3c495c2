//! Length limits count characters exactly, whatever the byte widths and
//! wherever the string starts or ends against the counter's 16- and 32-byte
//! steps and its 4,096- and 8,160-byte blocks.

use docspec_runtime::validation::check;
use docspec_runtime::validation::{Path, Rule, Violations};
use proptest::prelude::*;

/// The character count `check::length` reports for a value over a maximum of 0.
fn reported_count(value: &str) -> Option<String> {
    let mut found = Violations::default();
    check::length(&Path::body(), value, None, Some(0), &mut found);
    let violation = found.iter().next()?;
    assert_eq!(violation.rule, Rule::MaxLength);
    Some(violation.actual.clone())
}

/// The count decides exactly: the value holds at its own length and breaks one below it.
fn assert_exact(value: &str) {
    let chars = value.chars().count() as u64;
    if chars == 0 {
        assert_eq!(reported_count(value), None);
        return;
    }
    assert_eq!(reported_count(value), Some(chars.to_string()), "{value:?}");
    let mut found = Violations::default();
    check::length(&Path::body(), value, Some(chars), Some(chars), &mut found);
    assert!(found.is_empty(), "{value:?} broke its own length: {found}");
    check::length(
        &Path::body(),
        value,
        Some(chars + 1),
        Some(chars - 1),
        &mut found,
    );
    let rules: Vec<Rule> = found.iter().map(|v| v.rule).collect();
    assert_eq!(rules, [Rule::MinLength, Rule::MaxLength], "{value:?}");
}

/// One character of each UTF-8 width.
const WIDTHS: [char; 4] = ['a', 'é', '云', '😀'];

#[test]
fn every_width_at_every_length_around_the_steps() {
    for width in WIDTHS {
        for chars in 0..=140 {
            assert_exact(&width.to_string().repeat(chars));
        }
    }
}

#[test]
fn every_width_around_the_blocks() {
    for width in WIDTHS {
        let step = width.len_utf8();
        for bytes in [4096, 8160, 8192, 12256, 16320] {
            let around = bytes / step;
            for chars in around.saturating_sub(3)..=around + 3 {
                assert_exact(&width.to_string().repeat(chars));
            }
        }
    }
}

#[test]
fn mixed_widths_starting_at_every_offset() {
    let text: String = WIDTHS.iter().cycle().take(400).collect();
    for start in (0..text.len())
        .filter(|&i| text.is_char_boundary(i))
        .take(80)
    {
        let rest = &text[start..];
        for end in (0..rest.len())
            .filter(|&i| rest.is_char_boundary(i))
            .step_by(7)
        {
            assert_exact(&rest[..end]);
        }
    }
}

proptest! {
    #[test]
    fn random_text_is_counted_exactly(text in "(?s).{0,700}") {
        assert_exact(&text);
    }

    #[test]
    fn random_widths_are_counted_exactly(
        picks in proptest::collection::vec(0..WIDTHS.len(), 0..3000),
    ) {
        let text: String = picks.into_iter().map(|i| WIDTHS[i]).collect();
        assert_exact(&text);
    }
}
