//! The classification table: what each kind of change means for code that
//! builds requests and for code that reads responses. The module doc of
//! [`crate::diff`] shows the same table; a test keeps the two in step.

use super::{Bump, ChangeKind, Impact, Part};

/// How one change affects the two kinds of client code, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    /// For code that builds requests.
    pub request: Impact,
    /// For code that reads responses.
    pub response: Impact,
    /// Why, in one line.
    pub explanation: &'static str,
}

/// One side's entry in the table.
struct Verdict(Impact, &'static str);

fn breaking(why: &'static str) -> Verdict {
    Verdict(Impact::Breaking, why)
}

fn compatible(why: &'static str) -> Verdict {
    Verdict(Impact::Compatible, why)
}

/// Classifies a change of `kind` found in `part` of an operation.
pub fn classify(kind: ChangeKind, part: Part) -> Classification {
    use ChangeKind::*;
    match kind {
        // The operation as a whole: judged for both sides at once.
        OperationAdded => both(Impact::Compatible, Impact::Compatible, "existing code does not call it"),
        OperationRemoved => both(
            Impact::Breaking,
            Impact::Breaking,
            "calls to it fail, and its module is no longer generated",
        ),
        MethodChanged => both(
            Impact::Breaking,
            Impact::Unaffected,
            "requests built with the old method no longer reach the operation",
        ),
        PathChanged => both(
            Impact::Breaking,
            Impact::Unaffected,
            "requests built with the old path no longer reach the operation",
        ),
        OperationRenamed => both(
            Impact::Compatible,
            Impact::Compatible,
            "the same method and path: the wire is unchanged, only the generated names follow",
        ),
        TitleChanged => both(
            Impact::Compatible,
            Impact::Compatible,
            "the same method and path: a title is documentation",
        ),

        // Statuses exist only in responses.
        StatusAdded => in_response(compatible(
            "older readers receive it as Response::Undocumented, with the body as received",
        )),
        StatusRemoved => in_response(compatible("readers no longer receive this status")),

        // Fields and parameters: (in the request, in a response).
        RequiredFieldAdded => on(
            part,
            breaking("requests must now include it: ones built without it are refused"),
            compatible("older readers keep members they do not know in `undocumented`"),
        ),
        OptionalFieldAdded => on(
            part,
            compatible("requests without it stay valid"),
            compatible("older readers keep members they do not know in `undocumented`"),
        ),
        FieldRemoved => on(
            part,
            breaking("requests that set it send what the API no longer documents"),
            breaking("readers that use it no longer get it"),
        ),
        FieldMoved => on(
            part,
            breaking("requests put it where the API no longer documents it"),
            breaking("readers look for it where responses no longer put it"),
        ),
        EnumerationAdded => on(
            part,
            breaking("requests with values outside the new list may now be refused"),
            compatible("generated enums keep values they do not list (Undocumented)"),
        ),
        EnumerationRemoved => on(
            part,
            compatible("every value that was valid stays valid"),
            compatible("readers get the same strings, now as String"),
        ),
        TypeChanged => on(
            part,
            breaking("values of the old type no longer fit, and the generated type changes"),
            breaking("responses no longer decode into the old type"),
        ),
        BecameRequired => on(
            part,
            breaking("requests without it are now refused"),
            compatible("it is now always present"),
        ),
        BecameOptional => on(
            part,
            compatible("requests that set it stay valid"),
            breaking("responses may now lack it: older readers fail to decode them"),
        ),
        ConstraintTightened => on(
            part,
            breaking("requests that were valid may now fail validate() or be refused"),
            compatible("constraints are not enforced when reading; validate() reports values outside them"),
        ),
        ConstraintLoosened => on(
            part,
            compatible("every request that was valid stays valid"),
            compatible("constraints are not enforced when reading; validate() reports values outside them"),
        ),
        EnumValueAdded => on(
            part,
            compatible("requests with the other values stay valid"),
            compatible("compatible only because generated enums keep values they do not list (Undocumented)"),
        ),
        EnumValueRemoved => on(
            part,
            breaking("requests that send this value may now be refused"),
            compatible("readers no longer receive this value"),
        ),
        EnumValueMarked => on(
            part,
            compatible("the value still works: the docs only remark on it (deprecated, end of sale)"),
            compatible("the value is still sent; generated enums keep values they do not list"),
        ),
        EnumValueRespelled => on(
            part,
            breaking("requests that send the old spelling now send a value the docs no longer list"),
            compatible("older readers receive the new spelling as Undocumented, as received"),
        ),
        DefaultAdded => on(
            part,
            compatible("documents what the API assumes when the field is left out"),
            compatible("the generated code does not fill in defaults: an absent value stays None"),
        ),
        DefaultChanged => on(
            part,
            breaking("requests that leave the field out now get a different value"),
            compatible("the generated code does not fill in defaults: an absent value stays None"),
        ),
        DefaultRemoved => on(
            part,
            breaking("what the API assumes for requests that leave the field out is no longer documented"),
            compatible("the generated code does not fill in defaults: an absent value stays None"),
        ),
    }
}

fn both(request: Impact, response: Impact, explanation: &'static str) -> Classification {
    Classification {
        request,
        response,
        explanation,
    }
}

fn in_response(verdict: Verdict) -> Classification {
    let Verdict(response, explanation) = verdict;
    both(Impact::Unaffected, response, explanation)
}

/// Picks the verdict for the part the change is in; the other side is unaffected.
fn on(part: Part, request_side: Verdict, response_side: Verdict) -> Classification {
    match part {
        Part::Response => in_response(response_side),
        // Fields are never reported at the operation level; were one, it
        // would concern what the operation is called with.
        Part::Request | Part::Operation => {
            let Verdict(request, explanation) = request_side;
            both(request, Impact::Unaffected, explanation)
        }
    }
}

/// The release a change calls for in the generated crate, by cargo's semver
/// rules for what it emits: public structs whose fields are all public and
/// exhaustive enums, one module per operation and one `Client` method each.
/// A field added, removed or retyped, a variant added or removed (a status,
/// an enumeration's value), an item renamed or removed is major; an
/// operation added is a new module and method, minor; what changes only
/// docs or `validate()`'s limits (titles, constraints, defaults, which are
/// not filled in) is a patch. Method and path are constants: their change
/// compiles as before (the classification says what it means on the wire).
pub fn semver(kind: ChangeKind) -> Bump {
    use ChangeKind::*;
    match kind {
        OperationAdded => Bump::Minor,
        OperationRemoved | OperationRenamed | StatusAdded | StatusRemoved | RequiredFieldAdded
        | OptionalFieldAdded | FieldRemoved | FieldMoved | TypeChanged | EnumerationAdded
        | EnumerationRemoved | BecameRequired | BecameOptional | EnumValueAdded
        | EnumValueRemoved | EnumValueMarked | EnumValueRespelled => Bump::Major,
        MethodChanged | PathChanged | TitleChanged | ConstraintTightened | ConstraintLoosened
        | DefaultAdded | DefaultChanged | DefaultRemoved => Bump::Patch,
    }
}
