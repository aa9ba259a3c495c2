//! How generated types meet JSON: strict about types and required fields,
//! lossless about everything else. Fields the docs do not list, and
//! documented fields sent as explicit `null`, are kept in [`Undocumented`]
//! so that a value serializes back to what was received.

mod decode;
mod object;
mod secret;
mod undocumented;

pub use decode::{from_json, from_text, Decode, DecodeError};
pub use object::{
    deserialize_object, optional, present, read_optional, read_required, serialize_object,
    write_optional, CowStr, Object, OptionalSlot,
};
pub use secret::Secret;
pub use undocumented::Undocumented;
