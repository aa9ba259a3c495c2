//! Which operations answer a list page by page, and what their cursor
//! counts, read from the query parameters and the docs' own words. Where a
//! rule cannot tell, the operation gets no paging and `docspec lint` says
//! why: a wrong reading would skip or repeat records.

use crate::model::{Body, Field, Literal, Operation, Paging, PagingKind, Ty};

/// Query parameters that move from page to page, by what their name says.
const OFFSET_NAMES: [&str; 2] = ["offset", "start"];
const PAGE_NAMES: [&str; 6] = [
    "page",
    "page_no",
    "pageno",
    "page_num",
    "page_number",
    "pagenum",
];
const MARKER_NAMES: [&str; 1] = ["marker"];
/// Query parameters that set the page size.
const LIMIT_NAMES: [&str; 5] = ["limit", "size", "page_size", "pagesize", "per_page"];

/// The operation's paging: `Ok(None)` when it has no paging parameter,
/// `Err(why)` when it has one but a rule cannot tell how to walk it.
pub fn read(operation: &Operation) -> Result<Option<Paging>, String> {
    let named = |names: &[&str]| -> Vec<&Field> {
        operation
            .query_params
            .iter()
            .filter(|f| names.iter().any(|n| f.wire.eq_ignore_ascii_case(n)))
            .collect()
    };
    let cursors: Vec<(&Field, &str)> = [
        (&OFFSET_NAMES[..], "offset"),
        (&PAGE_NAMES[..], "page"),
        (&MARKER_NAMES[..], "marker"),
    ]
    .into_iter()
    .flat_map(|(names, kind)| named(names).into_iter().map(move |f| (f, kind)))
    .collect();
    let (cursor, kind) = match cursors[..] {
        [] => return Ok(None),
        [one] => one,
        _ => {
            let names: Vec<&str> = cursors.iter().map(|(f, _)| f.wire.as_str()).collect();
            return Err(format!(
                "query parameters {} could each move from page to page; no paging is generated",
                names.join(", ")
            ));
        }
    };
    let limit = match named(&LIMIT_NAMES)[..] {
        [] => None,
        [one] if is_integer(&one.ty) => Some(one.clone()),
        [one] => {
            return Err(format!(
                "page size {} is not an integer; no paging is generated",
                one.wire
            ))
        }
        _ => {
            return Err(
                "more than one query parameter sets the page size; no paging is generated"
                    .to_owned(),
            )
        }
    };
    let (status, items) = list_in_answer(operation, &cursor.wire)?;
    let (kind, start) = match kind {
        "marker" => (marker_kind(operation, cursor, status, &items)?, 0),
        _ if !is_integer(&cursor.ty) => {
            return Err(format!(
                "{} is not an integer; no paging is generated",
                cursor.wire
            ))
        }
        "page" => (PagingKind::Pages, first_page(cursor)?),
        _ => offset_kind(cursor)?,
    };
    Ok(Some(Paging {
        kind,
        cursor: cursor.clone(),
        start,
        limit,
        status,
        items,
    }))
}

fn is_integer(ty: &Ty) -> bool {
    matches!(ty, Ty::I32 | Ty::I64)
}

/// The words of a field's description, lower case.
fn words(field: &Field) -> Vec<String> {
    field
        .doc
        .join(" ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// An offset counts pages when its description speaks of a page (`Start
/// page of the paging list`, `Index of the page to be queried`) and not of
/// records, records when it speaks of records, items or an index and not
/// of a page (`Start index`); anything else cannot tell.
fn offset_kind(cursor: &Field) -> Result<(PagingKind, i64), String> {
    let words = words(cursor);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let pages = has(&["page"]);
    let records = has(&[
        "record", "records", "item", "items", "entry", "entries", "row", "rows", "position",
    ]);
    // "Index" is of a page when a page is named, else of a record.
    let index = has(&["index"]);
    match (pages, records || index) {
        (true, _) if !records => Ok((PagingKind::Pages, first_page(cursor)?)),
        (false, true) => Ok((PagingKind::Records, documented_start(cursor).unwrap_or(0))),
        _ => Err(format!(
            "the description of {} does not say whether it counts pages or records; no paging is generated (say \"start page\" or \"start index\" in the row's description)",
            cursor.wire
        )),
    }
}

/// The page a request without the cursor gets: the documented default, else the minimum.
fn first_page(cursor: &Field) -> Result<i64, String> {
    documented_start(cursor).ok_or_else(|| {
        format!(
            "{} counts pages but the docs give neither its default nor its minimum, so the first page's number is unknown; no paging is generated",
            cursor.wire
        )
    })
}

fn documented_start(cursor: &Field) -> Option<i64> {
    let as_int = |limit: crate::phrase::Limit| match limit {
        crate::phrase::Limit::Int(i) => Some(i),
        crate::phrase::Limit::Float(_) => None,
    };
    match &cursor.default {
        Some(default) => match default.value {
            Literal::Number(n) => as_int(n),
            _ => None,
        },
        None => cursor.rules.range.min.and_then(as_int),
    }
}

/// The lowest success status with a JSON object body, and its one list field.
fn list_in_answer(operation: &Operation, cursor: &str) -> Result<(u16, Field), String> {
    let no_list = || {
        format!("{cursor} looks like paging, but the answer has no list; no paging is generated")
    };
    let response = operation
        .responses
        .iter()
        .find(|r| (200..300).contains(&r.status))
        .ok_or_else(no_list)?;
    let Body::Json(Ty::Struct(name)) = &response.body else {
        return Err(no_list());
    };
    let body = operation.find_struct(name).ok_or_else(no_list)?;
    let lists: Vec<&Field> = body
        .fields
        .iter()
        .filter(|f| matches!(f.ty, Ty::Array(_)))
        .collect();
    match lists[..] {
        [] => Err(no_list()),
        [one] => Ok((response.status, one.clone())),
        _ => {
            let names: Vec<&str> = lists.iter().map(|f| f.wire.as_str()).collect();
            Err(format!(
                "the answer has several lists ({}): which one {cursor} pages is not said; no paging is generated",
                names.join(", ")
            ))
        }
    }
}

/// The next marker: a `next_marker` of the answer, else the last item's
/// field that the marker's description names (`ID of the last record`).
fn marker_kind(
    operation: &Operation,
    cursor: &Field,
    status: u16,
    items: &Field,
) -> Result<PagingKind, String> {
    if !matches!(cursor.ty, Ty::String) || cursor.required {
        return Err(format!(
            "{} is not an optional string; no paging is generated",
            cursor.wire
        ));
    }
    let body = operation
        .responses
        .iter()
        .find(|r| r.status == status)
        .and_then(|r| match &r.body {
            Body::Json(Ty::Struct(name)) => operation.find_struct(name),
            _ => None,
        });
    let next = body.and_then(|b| {
        b.fields
            .iter()
            .find(|f| f.wire == "next_marker" && matches!(f.ty, Ty::String))
    });
    if let Some(next) = next {
        return Ok(PagingKind::MarkerInBody(next.clone()));
    }
    let words = words(cursor);
    let item = match &items.ty {
        Ty::Array(inner) => match &**inner {
            Ty::Struct(name) => operation.find_struct(name),
            _ => None,
        },
        _ => None,
    };
    let named_field = item.and_then(|item| {
        item.fields
            .iter()
            .find(|f| matches!(f.ty, Ty::String) && words.contains(&f.wire.to_lowercase()))
    });
    match named_field {
        Some(field) if words.iter().any(|w| w == "last") => Ok(PagingKind::MarkerOfLastItem(field.clone())),
        _ => Err(format!(
            "the answer has no next_marker, and the description of {} names no field of the last item; no paging is generated",
            cursor.wire
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    /// A `GET /v1/things` operation with these query rows and a 200 body of `answer` rows.
    fn operation(query: &[(&str, &str, &str)], answer: &[(&str, &str)]) -> Operation {
        let row = |(name, ty, description): (&str, &str, &str)| {
            format!("  - parameter: {name}\n    mandatory: No\n    type: {ty}\n    description: '{description}'\n")
        };
        let mut yaml = String::from(
            "service: things\noperation: ListThings\ntitle: Listing Things\nmethod: GET\npath: /v1/things\ntables:\n- role: query-parameters\n  columns: [Parameter, Mandatory, Type, Description]\n  rows:\n",
        );
        for q in query {
            yaml += &row(*q);
        }
        yaml += "- role: response-body\n  status: 200\n  columns: [Parameter, Type, Description]\n  rows:\n";
        for (name, ty) in answer {
            yaml += &format!("  - parameter: {name}\n    type: {ty}\n    description: A {name}.\n");
        }
        yaml += "- role: object\n  name: Thing\n  side: response\n  columns: [Parameter, Type, Description]\n  rows:\n  - parameter: id\n    type: String\n    description: Thing ID.\n";
        let spec = crate::spec::parse_str(std::path::Path::new("things.yaml"), &yaml).unwrap();
        let mut diagnostics = Diagnostics::new();
        crate::resolve::resolve_operation(&spec, &mut diagnostics).expect("resolves")
    }

    const LIST: (&str, &str) = ("things", "Array of Thing objects");
    const LIMIT: (&str, &str, &str) = (
        "limit",
        "Integer",
        "Maximum number of records returned on each page.",
    );

    #[test]
    fn an_offset_counts_what_its_description_says() {
        let pages = operation(
            &[
                (
                    "offset",
                    "Integer",
                    "Start page of the paging list. The default value is 0.",
                ),
                LIMIT,
            ],
            &[LIST, ("count", "Integer")],
        );
        let paging = read(&pages).unwrap().unwrap();
        assert_eq!((paging.kind, paging.start), (PagingKind::Pages, 0));
        assert_eq!(paging.items.wire, "things");
        assert_eq!(paging.limit.map(|f| f.wire).as_deref(), Some("limit"));

        let records = operation(
            &[
                ("offset", "Integer", "Start index. The default value is 0."),
                LIMIT,
            ],
            &[LIST],
        );
        assert_eq!(read(&records).unwrap().unwrap().kind, PagingKind::Records);

        let page_index = operation(
            &[(
                "offset",
                "Integer",
                "Index of the page to be queried. Default value: 1",
            )],
            &[LIST],
        );
        let paging = read(&page_index).unwrap().unwrap();
        assert_eq!((paging.kind, paging.start), (PagingKind::Pages, 1));

        let unclear = operation(&[("offset", "Integer", "Offset."), LIMIT], &[LIST]);
        let note = read(&unclear).unwrap_err();
        assert!(
            note.contains("does not say whether it counts pages or records"),
            "{note}"
        );
        assert!(
            unclear.paging.is_none(),
            "the resolver leaves it without paging"
        );
    }

    #[test]
    fn page_numbers_need_their_first_page() {
        let first = operation(
            &[
                ("page", "Integer", "Page number. Minimum: 1"),
                ("size", "Integer", "Page size."),
            ],
            &[LIST],
        );
        let paging = read(&first).unwrap().unwrap();
        assert_eq!((&paging.kind, paging.start), (&PagingKind::Pages, 1));
        assert_eq!(first.paging, Some(paging));
        let unknown = operation(&[("page", "Integer", "Page number.")], &[LIST]);
        assert!(read(&unknown).unwrap_err().contains("first page"));
    }

    #[test]
    fn a_marker_comes_from_the_answer_or_the_last_item() {
        let in_body = operation(
            &[("marker", "String", "Where to start."), LIMIT],
            &[LIST, ("next_marker", "String")],
        );
        let kind = read(&in_body).unwrap().unwrap().kind;
        assert!(matches!(kind, PagingKind::MarkerInBody(f) if f.wire == "next_marker"));
        let last = operation(
            &[
                (
                    "marker",
                    "String",
                    "ID of the last record on the previous page.",
                ),
                LIMIT,
            ],
            &[LIST],
        );
        let kind = read(&last).unwrap().unwrap().kind;
        assert!(matches!(kind, PagingKind::MarkerOfLastItem(f) if f.wire == "id"));
        let neither = operation(
            &[("marker", "String", "Pagination marker."), LIMIT],
            &[LIST],
        );
        assert!(read(&neither).unwrap_err().contains("no next_marker"));
    }

    #[test]
    fn no_cursor_no_paging_and_what_cannot_tell_is_said() {
        assert_eq!(read(&operation(&[LIMIT], &[LIST])).unwrap(), None);
        let two_lists = operation(
            &[("offset", "Integer", "Start index.")],
            &[LIST, ("others", "Array of strings")],
        );
        assert!(read(&two_lists)
            .unwrap_err()
            .contains("several lists (things, others)"));
        let no_list = operation(
            &[("offset", "Integer", "Start index.")],
            &[("count", "Integer")],
        );
        assert!(read(&no_list)
            .unwrap_err()
            .contains("the answer has no list"));
    }
}
