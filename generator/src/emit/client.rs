//! Parameter structs, `Request` (typed request → `http::Request`) and
//! `Response` (status and body → typed response).

use super::types::{self, ident};
use super::validate;
use crate::model::{Body, Field, Operation, PathPiece, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// The parameter groups the page documents, as (field of `Request`, struct name, part, fields, doc).
fn groups(
    operation: &Operation,
) -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &[Field],
    &'static str,
)> {
    [
        (
            "path",
            "PathParameters",
            "PathParameter",
            operation.path_params.as_slice(),
            "Path parameters: placed in the path, percent-encoded.",
        ),
        (
            "query",
            "QueryParameters",
            "QueryParameter",
            operation.query_params.as_slice(),
            "Query parameters.",
        ),
        (
            "headers",
            "HeaderParameters",
            "Header",
            operation.header_params.as_slice(),
            "Header parameters.",
        ),
    ]
    .into_iter()
    .filter(|(_, _, _, fields, _)| !fields.is_empty())
    .collect()
}

pub fn parameter_structs(operation: &Operation) -> TokenStream {
    let items = groups(operation)
        .into_iter()
        .map(|(_, name, _, fields, doc)| {
            let name = ident(name);
            let decls = fields.iter().map(|f| types::field_decl(operation, f));
            let default = fields.iter().all(|f| !f.required).then(|| quote!(Default,));
            let validate = validate::struct_impl(&name, fields);
            let doc = super::docs::doc_attrs(&[doc.to_owned()]);
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, #default)]
                pub struct #name {
                    #(#decls)*
                }
                #validate
            }
        });
    quote!(#(#items)*)
}

pub fn request(operation: &Operation) -> TokenStream {
    let groups = groups(operation);
    let mut decls = Vec::new();
    let mut checks = Vec::new();
    for (field, name, part, _, doc) in &groups {
        let field = ident(field);
        let name = ident(name);
        let part = ident(part);
        let doc = super::docs::doc_attrs(&[doc.to_string()]);
        decls.push(quote!(#doc pub #field: #name,));
        checks.push(quote!(self.#field.validate_at(&validation::Path::root(validation::Part::#part), found);));
    }
    if let Some(body) = &operation.request_body {
        let ty = body_ty(body);
        decls.push(quote!(#[doc = " The request body."] pub body: #ty,));
        checks.push(quote!(self.body.validate_at(&validation::Path::body(), found);));
    }
    let uri = uri_building(operation);
    let headers = operation.header_params.iter().map(header_setting);
    let finish = match &operation.request_body {
        Some(Body::Text) => quote!(client::text_body(builder, &self.body)),
        Some(Body::Json(_)) => quote!(client::json_body(builder, &self.body)),
        None => quote!(client::no_body(builder)),
    };
    let default = (groups
        .iter()
        .all(|(_, _, _, fields, _)| fields.iter().all(|f| !f.required))
        && operation.request_body.is_none())
    .then(|| quote!(Default,));
    let (found, mutability) = if checks.is_empty() {
        (quote!(_found), quote!())
    } else {
        (quote!(found), quote!(mut))
    };
    quote! {
        /// Everything one call sends.
        #[derive(Debug, Clone, PartialEq, #default)]
        pub struct Request {
            #(#decls)*
        }

        impl validation::Validate for Request {
            fn validate_at(&self, _at: &validation::Path<'_>, #found: &mut validation::Violations) {
                #(#checks)*
            }
        }

        impl Request {
            /// Checks the request against the documented constraints, then builds the HTTP request for `endpoint` (`https://host`).
            pub fn to_http(&self, endpoint: &str) -> ::core::result::Result<::docspec_runtime::http::Request<::std::vec::Vec<u8>>, client::RequestError> {
                self.validate().map_err(client::RequestError::Invalid)?;
                let #mutability uri = client::UriBuilder::new(endpoint)?;
                #uri
                let builder = ::docspec_runtime::http::Request::builder().method(METHOD).uri(uri.finish()?);
                #(#headers)*
                #finish
            }
        }
    }
}

fn body_ty(body: &Body) -> TokenStream {
    match body {
        Body::Text => quote!(::std::string::String),
        Body::Json(ty) => types::ty(ty),
    }
}

fn uri_building(operation: &Operation) -> TokenStream {
    let path = operation
        .path_pieces()
        .into_iter()
        .map(|piece| match piece {
            PathPiece::Literal(text) => quote!(uri.literal(#text);),
            PathPiece::Parameter(name) => {
                let field = operation
                    .path_params
                    .iter()
                    .find(|p| p.wire == name)
                    .map(|p| ident(&p.rust));
                match field {
                    Some(field) => quote!(uri.segment(&self.path.#field);),
                    // The resolver gives every placeholder a parameter; keep the template if not.
                    None => {
                        let text = format!("{{{name}}}");
                        quote!(uri.literal(#text);)
                    }
                }
            }
        });
    let query = operation.query_params.iter().map(|p| {
        let field = ident(&p.rust);
        let wire = &p.wire;
        let one = match &p.ty {
            Ty::Array(_) => quote! {
                for item in value {
                    uri.query(#wire, item);
                }
            },
            Ty::Secret => quote!(uri.query(#wire, &value.expose());),
            _ => quote!(uri.query(#wire, value);),
        };
        if p.required {
            quote! {
                let value = &self.query.#field;
                #one
            }
        } else {
            quote! {
                if let Some(value) = &self.query.#field {
                    #one
                }
            }
        }
    });
    quote!(#(#path)* #(#query)*)
}

fn header_setting(p: &Field) -> TokenStream {
    let field = ident(&p.rust);
    let wire = &p.wire;
    let value = match &p.ty {
        Ty::Secret => quote!(&value.expose()),
        Ty::Array(_) => quote!(&value
            .iter()
            .map(::std::string::ToString::to_string)
            .collect::<::std::vec::Vec<_>>()
            .join(",")),
        _ => quote!(value),
    };
    if p.required {
        quote! {
            let value = &self.headers.#field;
            let builder = client::header(builder, #wire, #value)?;
        }
    } else {
        quote! {
            let builder = match &self.headers.#field {
                Some(value) => client::header(builder, #wire, #value)?,
                None => builder,
            };
        }
    }
}

pub fn response(operation: &Operation) -> TokenStream {
    let variants = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let ty = body_ty(&r.body);
        let mut doc = vec![match r.doc.first() {
            Some(text) => format!("Status {}: {}", r.status, text),
            None => format!("Status {}.", r.status),
        }];
        doc.extend(r.doc.iter().skip(1).cloned());
        if r.body == Body::Text {
            doc.push(
                "The body as received, as text: the docs give it no JSON structure.".to_owned(),
            );
        }
        let doc = super::docs::doc_attrs(&doc);
        quote!(#doc #variant(#ty),)
    });
    let decoders = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let status = proc_macro2::Literal::u16_unsuffixed(r.status);
        let read = match &r.body {
            Body::Text => quote!(wire::from_text(body)),
            Body::Json(_) => quote!(wire::from_json(body)),
        };
        quote!(#status => #read.map(Response::#variant),)
    });
    let statuses = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        let status = proc_macro2::Literal::u16_unsuffixed(r.status);
        quote!(Response::#variant(_) => #status,)
    });
    let checks = operation.responses.iter().map(|r| {
        let variant = ident(&r.variant);
        quote!(Response::#variant(body) => body.validate_at(at, found),)
    });
    // A page that documents no status leaves nothing to check.
    let (at, found) = if operation.responses.is_empty() {
        (quote!(_at), quote!(_found))
    } else {
        (quote!(at), quote!(found))
    };
    quote! {
        /// A response, by status.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Response {
            #(#variants)*
            /// A status the docs do not list, with the body as received.
            Undocumented { status: u16, body: ::std::vec::Vec<u8> },
        }

        impl Response {
            /// Reads a response: strict about the documented types, lenient about documented constraints (see `validate`).
            pub fn from_http(status: u16, body: &[u8]) -> ::core::result::Result<Self, wire::DecodeError> {
                match status {
                    #(#decoders)*
                    status => Ok(Response::Undocumented { status, body: body.to_vec() }),
                }
            }

            /// The HTTP status.
            pub fn status(&self) -> u16 {
                match self {
                    #(#statuses)*
                    Response::Undocumented { status, .. } => *status,
                }
            }
        }

        impl validation::Validate for Response {
            fn validate_at(&self, #at: &validation::Path<'_>, #found: &mut validation::Violations) {
                match self {
                    #(#checks)*
                    Response::Undocumented { .. } => {}
                }
            }
        }
    }
}
