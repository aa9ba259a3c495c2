// Operations that answer a list one page at a time. A generated `Request`
// says where its page's items are and how it moves to the next page; when
// the walk stops is here, once ([`next_page`]), for `transport::Pages` and
// the service programs' `--all-pages` alike.

use super::Operation;

/// What the docs say an operation's cursor counts; for messages and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagingKind {
    /// The cursor skips records (`offset`: start index).
    Records,
    /// The cursor numbers pages (`offset` as start page, `page`).
    Pages,
    /// The cursor is a marker the answer gives (`marker`).
    Marker,
}

/// A request whose answer is one page of a list.
pub trait Paged: Operation + Clone {
    /// One item of the list.
    type Item: Clone;
    /// What the cursor counts.
    const PAGING: PagingKind;

    /// The page's items; `None` for an answer that is no page (an error status).
    fn items(response: &Self::Response) -> Option<&[Self::Item]>;

    /// The page size the request asks for, when it sets one.
    fn limit(&self) -> Option<i64>;

    /// Moves the request to the page after `response`; false when the answer
    /// does not say where that is (no marker), or the cursor would overflow.
    fn advance(&mut self, response: &Self::Response) -> bool;
}

/// The request for the page after `response`, if there is one: none after
/// an answer that is no page (an error status), an empty page, or one
/// shorter than the page size asked for (unless a marker decides), or when
/// the answer does not say where the next page is.
pub fn next_page<O: Paged>(mut request: O, response: &O::Response) -> Option<O> {
    let count = O::items(response)?.len();
    let short = request
        .limit()
        .is_some_and(|limit| i64::try_from(count).is_ok_and(|count| count < limit));
    // A marker page may be short and still not the last: the marker decides.
    if count == 0 || (short && O::PAGING != PagingKind::Marker) {
        return None;
    }
    request.advance(response).then_some(request)
}

/// A numeric cursor or page size, set or not.
pub trait Number {
    /// The value, if set.
    fn get(&self) -> Option<i64>;
    /// Sets it; false when `value` does not fit.
    fn set(&mut self, value: i64) -> bool;
}

macro_rules! number {
    ($($t:ty),*) => {
        $(impl Number for $t {
            fn get(&self) -> Option<i64> {
                Some(i64::from(*self))
            }
            fn set(&mut self, value: i64) -> bool {
                <$t>::try_from(value).map(|v| *self = v).is_ok()
            }
        }
        impl Number for Option<$t> {
            fn get(&self) -> Option<i64> {
                self.map(i64::from)
            }
            fn set(&mut self, value: i64) -> bool {
                <$t>::try_from(value).map(|v| *self = Some(v)).is_ok()
            }
        })*
    };
}

number!(i32, i64);

/// Moves a numeric cursor by `step` from where it is (`start` when unset):
/// by the items received for a record offset, by one for a page number.
pub fn advance(cursor: &mut impl Number, start: i64, step: usize) -> bool {
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    match cursor.get().unwrap_or(start).checked_add(step) {
        Some(next) => cursor.set(next),
        None => false,
    }
}

/// Sets a marker cursor to the next marker, when the answer gives one.
pub fn advance_marker(cursor: &mut Option<String>, next: Option<&str>) -> bool {
    match next.filter(|m| !m.is_empty()) {
        Some(next) if cursor.as_deref() != Some(next) => {
            *cursor = Some(next.to_owned());
            true
        }
        // No marker, or the same one again: going on would repeat the page.
        _ => false,
    }
}

/// The page size as a number, for [`Paged::limit`].
pub fn limit(value: &impl Number) -> Option<i64> {
    value.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_move_from_their_start_and_refuse_overflow() {
        let mut offset: Option<i32> = None;
        assert!(advance(&mut offset, 0, 10));
        assert_eq!(offset, Some(10));
        assert!(advance(&mut offset, 0, 3));
        assert_eq!(offset, Some(13));
        let mut page: i64 = 1;
        assert!(advance(&mut page, 1, 1));
        assert_eq!(page, 2);
        let mut near_the_end = Some(i32::MAX - 1);
        assert!(!advance(&mut near_the_end, 0, 5));
        let mut marker = None;
        assert!(advance_marker(&mut marker, Some("m1")));
        assert!(
            !advance_marker(&mut marker, Some("m1")),
            "the same marker again stops"
        );
        assert!(!advance_marker(&mut marker, Some("")));
        assert!(!advance_marker(&mut marker, None));
    }
}
