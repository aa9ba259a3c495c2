//! Which section each block of a page stands in, and under which status.

use super::language::{section_named, status_marker, Section};
use super::page::{Block, BlockKind, Page};

/// A block with its place on the page.
#[derive(Debug, Clone, Copy)]
pub struct Located<'p> {
    pub block: &'p Block,
    pub section: Section,
    /// The last `Status code: N` line of the section before this block.
    pub status: Option<u16>,
    /// Whether this block is a heading or a status marker (it starts a new part).
    pub starts_part: bool,
}

/// Places every block of `page`. Headings open sections; so do paragraphs
/// that are exactly a section name, since pages also set sub-headings as
/// bold paragraphs (`Request parameters`) and copied text has no markup;
/// but a paragraph `Example:` in the URI section introduces an example of
/// the URI (a query string filled in), and the URI section goes on after it.
pub fn locate(page: &Page) -> Vec<Located<'_>> {
    let mut section = Section::Preamble;
    let mut status = None;
    page.blocks
        .iter()
        .map(|block| {
            let mut starts_part = true;
            match &block.kind {
                BlockKind::Heading(text) => {
                    section = section_named(text).unwrap_or(Section::Other);
                    status = None;
                }
                BlockKind::Prose(text) => match (section_named(text), status_marker(text)) {
                    (Some(Section::Examples), _) if section == Section::Uri => {
                        starts_part = false;
                    }
                    (Some(named), _) => {
                        section = named;
                        status = None;
                    }
                    (None, Some(code)) => status = Some(code),
                    (None, None) => starts_part = false,
                },
                _ => starts_part = false,
            }
            Located {
                block,
                section,
                status,
                starts_part,
            }
        })
        .collect()
}
