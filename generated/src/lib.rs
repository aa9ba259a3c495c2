#[cfg(feature = "transport")]
pub use docspec_runtime::cli;

pub use docspec_runtime::client;

pub use docspec_runtime::credentials;

#[cfg(feature = "transport")]
pub use docspec_runtime::transport;

pub use docspec_runtime::validation;

pub use docspec_runtime::wire;

/// Operations of the `sms` service.
#[rustfmt::skip]
pub mod sms {
    /// `POST /v3/tasks/consistency-results/export`: Obtaining Consistency Verification Results in Batches
    ///
    /// This API is used to export consistency verification results in batches.
    pub mod export_consistency_results {
        include!("sms/export_consistency_results.rs");
    }

    #[cfg(feature = "transport")]
    use super::transport;
    /// Calls this service's operations: endpoint, credentials and retries come from the transport client.
    #[cfg(feature = "transport")]
    #[derive(Debug, Clone)]
    pub struct Client {
        transport: transport::Client,
    }

    #[cfg(feature = "transport")]
    impl Client {
        pub fn new(transport: transport::Client) -> Self {
            Client { transport }
        }
        /// A client for `endpoint` with the credentials of the environment (see `credentials::Credentials::from_env`) and default options.
        pub fn from_env(endpoint: &str) -> Result<Self, transport::Error> {
            let credentials = super::credentials::Credentials::from_env()
                .map_err(|e| transport::Error::Config(e.to_string()))?;
            transport::Client::new(endpoint, credentials).map(Client::new)
        }
        /// The transport client underneath.
        pub fn transport(&self) -> &transport::Client {
            &self.transport
        }
        /// `ExportConsistencyResults` (POST /v3/tasks/consistency-results/export): validates `request`, sends it, reads the typed response.
        pub async fn export_consistency_results(
            &self,
            request: export_consistency_results::Request,
        ) -> Result<export_consistency_results::Response, transport::Error> {
            self.transport.send(&request).await
        }
    }
}
