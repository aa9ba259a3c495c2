//! Path parameters against the path's placeholders.

use super::{naming, Resolver};
use crate::diagnostic::Guess;
use crate::model::{is_account_id, placeholders, Field, Rules, Ty};
use crate::spec::TableRole;

impl Resolver<'_> {
    /// Every `{placeholder}` of the path has a parameter, and every parameter a placeholder.
    pub(super) fn check_path_parameters(&mut self, params: &mut Vec<Field>) {
        let path = self.spec.spec.path.clone();
        let placeholders = placeholders(&path);
        for &name in &placeholders {
            if !params.iter().any(|p| p.wire == name) {
                self.warn(
                    self.spec.locate("/path"),
                    format!("path parameter {{{name}}} has no row in a path parameters table; it is taken as a required String (add a path-parameters row to type it)"),
                )
                .with_guess(Guess::PathPlaceholder);
                params.push(Field {
                    rust: naming::field_name(name),
                    wire: name.to_owned(),
                    doc: vec!["Not documented in a parameter table; named by the path.".to_owned()],
                    required: true,
                    ty: Ty::String,
                    rules: Rules::default(),
                    secret: false,
                    default: None,
                });
            }
        }
        for (t, table) in self.tables().iter().enumerate() {
            if table.role != TableRole::PathParameters {
                continue;
            }
            for (r, row) in table.rows.iter().enumerate() {
                if !placeholders.contains(&row.parameter.trim()) {
                    self.error(
                        self.spec.locate_row(t, r),
                        format!(
                            "path parameter \"{}\" does not appear in the path {path}",
                            row.parameter.trim()
                        ),
                    )
                    .with_table(table.label())
                    .with_row(row.parameter.trim());
                }
            }
        }
        // Path parameters are always sent: the path cannot be built without
        // them. A string `{project_id}` or `{domain_id}` left unset is filled
        // from the credentials by the runtime, so the request may leave it unset.
        for param in params.iter_mut() {
            param.required = !(is_account_id(&param.wire) && param.ty == Ty::String);
            if !param.required {
                param.doc.push(format!(
                    "Left unset, the credentials' {} fills it (`Credentials::with_{}`, or `HUAWEICLOUD_SDK_{}`).",
                    param.wire.replace('_', " "),
                    param.wire,
                    param.wire.to_uppercase()
                ));
            }
        }
    }
}
