//! String enumerations: one Rust enum per list of values, shared by fields
//! of the same name with the same values.

use super::{naming, Resolver};
use crate::model::{Enum, Variant};
use crate::spec::TableRole;

impl Resolver<'_> {
    /// The enum for a list of values: shared with an identical enum of the same field name, else new.
    /// `notes` are what the docs say in brackets after some of the values.
    pub(super) fn enum_for(
        &mut self,
        values: &[String],
        notes: &[(String, String)],
        t: usize,
        r: usize,
    ) -> String {
        let table = &self.tables()[t];
        let wire = table.rows[r].parameter.trim();
        let base = naming::type_name(wire);
        let variants = self.variants(values, notes, t, r);
        if let Some(same) = self
            .enums
            .iter()
            .find(|e| (e.name == base || e.name.ends_with(&base)) && e.variants == variants)
        {
            return same.name.clone();
        }
        let owner = match table.role {
            TableRole::Object => self.object_names.get(&t).cloned().unwrap_or_default(),
            TableRole::RequestBody => "Request".to_owned(),
            TableRole::ResponseBody => naming::status_variant(table.status.unwrap_or_default()),
            _ => "Parameter".to_owned(),
        };
        let name = if self.taken.contains(&base) {
            self.unique_type_name(&format!("{owner}{base}"), None)
        } else {
            self.unique_type_name(&base, None)
        };
        self.enums.push(Enum {
            name: name.clone(),
            doc: vec![format!("Values of `{wire}`.")],
            variants,
        });
        name
    }

    pub(super) fn variants(
        &mut self,
        values: &[String],
        notes: &[(String, String)],
        t: usize,
        r: usize,
    ) -> Vec<Variant> {
        let mut out: Vec<Variant> = Vec::new();
        for value in values {
            if out.iter().any(|v| v.wire == *value) {
                continue;
            }
            let mut rust = naming::type_name(value);
            if rust == "Undocumented" {
                rust = "UndocumentedValue".to_owned();
            }
            if out.iter().any(|v| v.rust == rust) {
                let renamed = (2..)
                    .map(|n| format!("{rust}{n}"))
                    .find(|c| !out.iter().any(|v| v.rust == *c));
                let renamed = renamed.unwrap_or_default();
                self.row_warning(
                    t,
                    r,
                    format!("enumeration values collide in Rust as `{rust}`; \"{value}\" becomes `{renamed}`"),
                );
                rust = renamed;
            }
            let note = notes
                .iter()
                .find(|(noted, _)| noted == value)
                .map(|(_, note)| note.clone());
            out.push(Variant {
                wire: value.clone(),
                rust,
                note,
            });
        }
        out
    }
}
