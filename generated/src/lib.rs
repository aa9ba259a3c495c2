/// Checking values against the constraints their docs state: the `Validate` trait and its violations.
#[rustfmt::skip]
pub mod validation {
    include!("validation.rs");
}

/// How generated types meet JSON: strict about types, lossless about undocumented members; decoding with JSON-path errors.
#[rustfmt::skip]
pub mod wire {
    include!("wire.rs");
}

/// Building HTTP requests from typed requests, without I/O: percent-encoded paths, header values free of CR/LF.
#[rustfmt::skip]
pub mod client {
    include!("client.rs");
}

/// Operations of the `sms` service.
///
/// - [`export_consistency_results`]: `POST /v3/tasks/consistency-results/export` Obtaining Consistency Verification Results in Batches
#[rustfmt::skip]
pub mod sms {
    /// `POST /v3/tasks/consistency-results/export`: Obtaining Consistency Verification Results in Batches
    ///
    /// This API is used to export consistency verification results in batches.
    pub mod export_consistency_results {
        include!("sms/export_consistency_results.rs");
    }
}
