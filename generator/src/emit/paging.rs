//! `impl client::Paged for Request` for an operation that answers a list
//! one page at a time (see [`crate::model::Paging`]): where a page's items
//! are, the page size asked for, and how the request moves to the next page.
//! The walk itself is the runtime's (`transport::Client::pages`, `items`).

use super::syntax::ty_text;
use super::text::Writer;
use crate::model::{Field, Operation, Paging, PagingKind, Ty};

/// What a `Paged` impl is written from: the paging, the response variant
/// that holds the list, and the list's item type.
pub struct PagedList<'a> {
    pub paging: &'a Paging,
    variant: &'a str,
    item: &'a Ty,
}

/// The operation's paging, when its `Request` gets a `Paged` impl: it pages,
/// and its list is an array in the body of a documented status.
pub fn paged_list(operation: &Operation) -> Option<PagedList<'_>> {
    let paging = operation.paging.as_ref()?;
    let variant = operation
        .responses
        .iter()
        .find(|r| r.status == paging.status)?
        .variant
        .as_str();
    let Ty::Array(item) = &paging.items.ty else {
        return None;
    };
    Some(PagedList {
        paging,
        variant,
        item,
    })
}

/// The runtime's `client::PagingKind` variant of `kind`.
pub fn runtime_kind(kind: &PagingKind) -> &'static str {
    match kind {
        PagingKind::Records => "Records",
        PagingKind::Pages => "Pages",
        PagingKind::MarkerInBody(_) | PagingKind::MarkerOfLastItem(_) => "Marker",
    }
}

/// The `Paged` impl, when the operation pages.
pub fn paged(out: &mut Writer, operation: &Operation) {
    let Some(PagedList {
        paging,
        variant,
        item,
    }) = paged_list(operation)
    else {
        return;
    };
    let item = ty_text(item);
    let kind = runtime_kind(&paging.kind);
    out.open("impl client::Paged for Request");
    out.line(&format!("type Item = {item};"));
    out.line(&format!(
        "const PAGING: client::PagingKind = client::PagingKind::{kind};"
    ));
    out.line("#[inline]");
    out.signature(
        "fn items",
        &["response: &Response"],
        &format!(" -> Option<&[{item}]>"),
        false,
    );
    out.open("match response");
    let list = &paging.items;
    let items = if list.required {
        format!("Some(body.{}.as_slice())", list.rust)
    } else {
        format!("body.{}.as_deref()", list.rust)
    };
    out.arm(&format!("Response::{variant}(body)"), &items);
    out.line("_ => None,");
    out.close("");
    out.close("");
    out.line("#[inline]");
    out.open("fn limit(&self) -> Option<i64>");
    out.line(&match &paging.limit {
        Some(limit) => format!("client::paging::limit(&self.query.{})", limit.rust),
        None => "None".to_owned(),
    });
    out.close("");
    out.line("#[inline]");
    advance(out, paging, variant, &item);
    out.close("");
}

/// `advance`: the cursor moved by the page's items, by one page, or to the next marker.
fn advance(out: &mut Writer, paging: &Paging, variant: &str, item: &str) {
    let cursor = format!("&mut self.query.{}", paging.cursor.rust);
    let response = match paging.kind {
        PagingKind::Pages => "_response: &Response",
        _ => "response: &Response",
    };
    out.signature("fn advance", &["&mut self", response], " -> bool", false);
    match &paging.kind {
        PagingKind::Records => {
            out.line(&format!(
                "let count = Self::items(response).map_or(0, <[{item}]>::len);"
            ));
            out.call(
                "client::paging::advance",
                &[&cursor, &paging.start.to_string(), "count"],
                "",
            );
        }
        PagingKind::Pages => out.call(
            "client::paging::advance",
            &[&cursor, &paging.start.to_string(), "1"],
            "",
        ),
        PagingKind::MarkerInBody(next) => {
            out.open("let next = match response");
            out.arm(
                &format!("Response::{variant}(body)"),
                &text_of("body", next),
            );
            out.line("_ => None,");
            out.close(";");
            out.call("client::paging::advance_marker", &[&cursor, "next"], "");
        }
        PagingKind::MarkerOfLastItem(field) => {
            out.line(&format!(
                "let last = Self::items(response).and_then(<[{item}]>::last);"
            ));
            // A required field is always there: `map`, not `and_then(.. Some(..))`.
            out.line(&if field.required {
                format!("let next = last.map(|item| item.{}.as_str());", field.rust)
            } else {
                format!(
                    "let next = last.and_then(|item| item.{}.as_deref());",
                    field.rust
                )
            });
            out.call("client::paging::advance_marker", &[&cursor, "next"], "");
        }
    }
    out.close("");
}

/// A string field of `owner` as `Option<&str>`.
fn text_of(owner: &str, field: &Field) -> String {
    if field.required {
        format!("Some({owner}.{}.as_str())", field.rust)
    } else {
        format!("{owner}.{}.as_deref()", field.rust)
    }
}
