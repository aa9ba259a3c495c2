//! A row's constraints put on its type: lengths, ranges, item counts,
//! enumerations and the default, each checked against the type.

use super::types::{fits_i32, replace_strings};
use super::{rules, Resolver};
use crate::diagnostic::Severity;
use crate::model::{Bounds, DefaultValue, Literal, Rules, Ty};
use crate::phrase::Limit;

impl Resolver<'_> {
    pub(super) fn apply_rules(
        &mut self,
        rules: &mut Rules,
        ty: &mut Ty,
        c: &rules::RowConstraints,
        t: usize,
        r: usize,
    ) {
        let is_array = matches!(ty, Ty::Array(_));
        if c.min_items.is_some() || c.max_items.is_some() {
            if is_array {
                rules.items = Bounds {
                    min: c.min_items,
                    max: c.max_items,
                };
            } else {
                self.row_warning(
                    t,
                    r,
                    "an item count is documented for a value that is not an array; it is ignored",
                );
            }
        }
        let scalar = ty.innermost().clone();
        if c.min.is_some() || c.max.is_some() {
            match scalar {
                Ty::String | Ty::Secret => {
                    let to_length = |l: Option<Limit>| match l {
                        Some(Limit::Int(n)) if n >= 0 => Ok(Some(n as u64)),
                        Some(other) => Err(other),
                        None => Ok(None),
                    };
                    match (to_length(c.min), to_length(c.max)) {
                        (Ok(min), Ok(max)) => rules.length = Bounds { min, max },
                        (Err(bad), _) | (_, Err(bad)) => {
                            self.row_error(t, r, format!("length {bad}: expected a whole number of characters"));
                        }
                    }
                }
                Ty::I32 | Ty::I64 | Ty::F64 => {
                    rules.range = Bounds { min: c.min, max: c.max };
                    if scalar == Ty::I32 && !(fits_i32(c.min) && fits_i32(c.max)) {
                        replace_strings(ty, Ty::I32, Ty::I64);
                    }
                    let integral = |l: Option<Limit>| !matches!(l, Some(Limit::Float(_)));
                    if scalar != Ty::F64 && !(integral(c.min) && integral(c.max)) {
                        self.row_error(t, r, "a decimal bound on an integer: expected whole numbers");
                    }
                }
                _ => self.row_warning(
                    t,
                    r,
                    "a minimum or maximum is documented for a value that is neither a string nor a number; it is ignored",
                ),
            }
        }
        if let Some(values) = &c.enum_values {
            self.apply_enum(rules, ty, (values, &c.value_notes), t, r);
        }
    }

    pub(super) fn apply_enum(
        &mut self,
        rules: &mut Rules,
        ty: &mut Ty,
        (values, notes): (&[String], &[(String, String)]),
        t: usize,
        r: usize,
    ) {
        if values.is_empty() {
            return;
        }
        match ty.innermost().clone() {
            Ty::String => {
                let name = self.enum_for(values, notes, t, r);
                replace_strings(ty, Ty::String, Ty::Enum(name));
            }
            Ty::I32 | Ty::I64 | Ty::F64 => {
                let parsed: Option<Vec<Limit>> = values.iter().map(|v| rules::parse_limit(v)).collect();
                match parsed {
                    Some(parsed) => rules.one_of = Some(parsed),
                    None => self.row_error(
                        t,
                        r,
                        format!("enumeration [{}] of a number: expected numbers", values.join(", ")),
                    ),
                }
            }
            Ty::Bool => {}
            _ => self.row_warning(t, r, "an enumeration is documented for a value that is not a string or number; it is ignored"),
        }
    }

    /// Whether the default agrees with the type and the constraints: the
    /// contradiction when it does not (the caller decides how bad it is).
    pub(super) fn check_default(
        &self,
        ty: &Ty,
        rules: &Rules,
        default: &DefaultValue,
    ) -> Result<(), String> {
        let default_value = &default.value;
        let default = default.written.as_str();
        match ty {
            Ty::Enum(name) => {
                let known = self
                    .enums
                    .iter()
                    .find(|e| &e.name == name)
                    .is_some_and(|e| e.variants.iter().any(|v| v.wire == default));
                if !known {
                    return Err(format!(
                        "the default \"{default}\" is not one of the documented values"
                    ));
                }
            }
            Ty::I32 | Ty::I64 | Ty::F64 => match default_value {
                Literal::Number(value) => {
                    let value = *value;
                    let below = rules.range.min.is_some_and(|min| value < min);
                    let above = rules.range.max.is_some_and(|max| value > max);
                    let listed = rules
                        .one_of
                        .as_ref()
                        .is_none_or(|list| list.contains(&value));
                    if below || above {
                        return Err(format!(
                            "the default {default} is outside the documented range"
                        ));
                    } else if !listed {
                        return Err(format!(
                            "the default {default} is not one of the documented values"
                        ));
                    }
                }
                _ => return Err(format!("the default \"{default}\" is not a number")),
            },
            Ty::String | Ty::Secret => {
                let len = default.chars().count() as u64;
                // An empty default usually means "not set" and is documented beside a minimum of 1.
                if len > 0
                    && (rules.length.min.is_some_and(|m| len < m)
                        || rules.length.max.is_some_and(|m| len > m))
                {
                    return Err(format!(
                        "the default \"{default}\" breaks the documented length"
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn row_error(&mut self, t: usize, r: usize, message: impl Into<String>) {
        self.at_cell(t, r, "description", Severity::Error, message);
    }

    pub(super) fn row_warning(&mut self, t: usize, r: usize, message: impl Into<String>) {
        self.at_cell(t, r, "description", Severity::Warning, message);
    }
}

/// A default as written, read for the field's type; text where it does not
/// read as one ([`Resolver::check_default`] reports that).
pub(super) fn read_default(ty: &Ty, written: &str) -> DefaultValue {
    let text = || Literal::Text(written.to_owned());
    let value = match ty {
        Ty::I32 | Ty::I64 | Ty::F64 => {
            rules::parse_limit(written).map_or_else(text, Literal::Number)
        }
        Ty::Bool => match written.trim().to_ascii_lowercase().as_str() {
            "true" => Literal::Bool(true),
            "false" => Literal::Bool(false),
            _ => text(),
        },
        Ty::String | Ty::Secret | Ty::Enum(_) => text(),
        Ty::Struct(_) | Ty::Array(_) | Ty::Map(_) | Ty::Json => serde_json::from_str(written)
            .map(Literal::Json)
            .unwrap_or_else(|_| text()),
    };
    DefaultValue {
        written: written.to_owned(),
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_read_once_for_their_type() {
        let value = |ty: &Ty, written: &str| read_default(ty, written).value;
        assert_eq!(value(&Ty::Bool, "False"), Literal::Bool(false));
        assert_eq!(value(&Ty::Bool, "off"), Literal::Text("off".into()));
        assert_eq!(value(&Ty::I64, "10"), Literal::Number(Limit::Int(10)));
        assert!(value(&Ty::F64, "10.0").same_as(&value(&Ty::I32, "10")));
        assert_eq!(value(&Ty::String, "10"), Literal::Text("10".into()));
        assert_eq!(
            value(&Ty::Array(Box::new(Ty::I32)), "[1]"),
            Literal::Json(serde_json::json!([1]))
        );
        assert_eq!(read_default(&Ty::Bool, "False").written, "False");
    }
}
