// Walking a paged operation: one request per page, each the previous one
// moved on by `client::paging::next_page` (which also says when to stop); an
// error status ends the walk after it is given back.

use super::{Client, Error};
use crate::client::paging::next_page;
use crate::client::{Answer, Paged, ServiceError, TypedResponse};
use std::collections::VecDeque;

/// The pages of a paged operation, one answer each: `while let Some(page) = pages.next().await`.
pub struct Pages<'c, O: Paged> {
    client: &'c Client,
    next: Option<O>,
}

impl<'c, O: Paged> Pages<'c, O> {
    pub(super) fn new(client: &'c Client, first: O) -> Self {
        Pages {
            client,
            next: Some(first),
        }
    }

    /// The next page's answer; `None` after the last page (or after an error).
    pub async fn next(&mut self) -> Option<Result<Answer<O::Response>, Error>> {
        let request = self.next.take()?;
        let answer = match self.client.send(&request).await {
            Ok(answer) => answer,
            Err(e) => return Some(Err(e)),
        };
        self.next = next_page(request, &answer.response);
        Some(Ok(answer))
    }
}

/// The items of every page, one at a time: `while let Some(item) = items.next().await`.
/// An error status on the way comes back as [`Error::Service`] and ends the walk.
pub struct Items<'c, O: Paged> {
    pages: Pages<'c, O>,
    buffer: VecDeque<O::Item>,
}

impl<'c, O: Paged> Items<'c, O>
where
    O::Response: TypedResponse,
{
    pub(super) fn new(pages: Pages<'c, O>) -> Self {
        Items {
            pages,
            buffer: VecDeque::new(),
        }
    }

    /// The next item; `None` after the last.
    pub async fn next(&mut self) -> Option<Result<O::Item, Error>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Some(Ok(item));
            }
            let answer = match self.pages.next().await? {
                Ok(answer) => answer,
                Err(e) => return Some(Err(e)),
            };
            match O::items(&answer.response) {
                Some(items) => self.buffer.extend(items.iter().cloned()),
                None => {
                    let error = answer.service_error().unwrap_or_else(|| {
                        ServiceError::read(answer.status, &answer.headers, &answer.to_json())
                    });
                    return Some(Err(Error::Service(error)));
                }
            }
        }
    }

    /// Every remaining item, or the first error.
    pub async fn collect(mut self) -> Result<Vec<O::Item>, Error> {
        let mut all = Vec::new();
        while let Some(item) = self.next().await {
            all.push(item?);
        }
        Ok(all)
    }
}
