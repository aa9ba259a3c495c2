//! The operation's header: service, operation id, method and path.

use super::Resolver;
use crate::model::Method;

impl Resolver<'_> {
    /// Checks the header; the method, when it is one.
    pub(super) fn check_header(&mut self) -> Option<Method> {
        let spec = &self.spec.spec;
        if spec.service.trim().is_empty()
            || !spec
                .service
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.error(
                self.spec.locate("/service"),
                format!(
                    "service \"{}\": expected a short name of letters, digits, '-' or '_'",
                    spec.service
                ),
            );
        }
        if spec.operation.trim().is_empty()
            || !spec
                .operation
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.error(
                self.spec.locate("/operation"),
                format!(
                    "operation \"{}\": expected an identifier such as ExportConsistencyResults",
                    spec.operation
                ),
            );
        }
        let method = Method::from_name(&spec.method.trim().to_ascii_uppercase());
        if method.is_none() {
            let all: Vec<&str> = Method::ALL.iter().map(|m| m.as_str()).collect();
            self.error(
                self.spec.locate("/method"),
                format!(
                    "method \"{}\": expected one of {}",
                    spec.method,
                    all.join(", ")
                ),
            );
        }
        let path = spec.path.trim();
        if !path.starts_with('/') || path.contains(char::is_whitespace) || path.contains('?') {
            self.error(
                self.spec.locate("/path"),
                format!("path \"{path}\": expected a URI path starting with '/', without spaces or query string"),
            );
        }
        if path.matches('{').count() != path.matches('}').count() {
            self.error(
                self.spec.locate("/path"),
                format!("path \"{path}\": unbalanced braces"),
            );
        }
        method
    }
}
