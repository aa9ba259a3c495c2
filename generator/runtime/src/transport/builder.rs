// Setting up a `Client`: where it sends (an explicit endpoint, else the
// region's endpoint in the service's table), who it is (credentials, with the
// project and domain ids that fill paths), how (options) and through what
// HTTP stack.

use super::{check_scheme, default_http_client, Client, Error, HttpClient, Options};
use crate::credentials::{Credentials, MissingCredentials};
use crate::regions::{Regions, ENV_REGION};
use std::sync::Arc;

/// Sets up a [`Client`]. An explicit endpoint wins over the region; without
/// an HTTP client of yours, the default one (reqwest over rustls) is built.
#[derive(Default)]
pub struct Builder {
    endpoint: Option<String>,
    region: Option<String>,
    regions: Option<Regions>,
    credentials: Option<Credentials>,
    project_id: Option<String>,
    options: Options,
    http: Option<Arc<dyn HttpClient>>,
}

impl Builder {
    /// Nothing set yet.
    pub fn new() -> Self {
        Builder::default()
    }

    /// Credentials and region from the process environment (see
    /// [`Credentials::from_env`] and [`ENV_REGION`]); what is set afterwards wins.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// As [`Builder::from_env`], reading variables through `lookup`; empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let region = lookup(ENV_REGION).filter(|r| !r.is_empty());
        Builder {
            credentials: Credentials::from_lookup(&lookup).ok(),
            region,
            ..Builder::default()
        }
    }

    /// Sends to `endpoint` (`https://host[:port][/base-path]`), whatever the region.
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// Sends to the endpoint `regions` gives `region` (unless an endpoint is set).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The service's table of endpoints by region (a generated `REGIONS`).
    pub fn regions(mut self, regions: Regions) -> Self {
        self.regions = Some(regions);
        self
    }

    /// Who calls.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The project id for `{project_id}` (and `X-Project-Id`), over the credentials' own.
    pub fn project_id(mut self, id: impl Into<String>) -> Self {
        self.project_id = Some(id.into());
        self
    }

    /// How to send (timeout, retries, ...).
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// Sends through this reqwest client (its proxy, root certificates, pools
    /// and redirect policy) instead of the default one.
    pub fn reqwest_client(self, client: reqwest::Client) -> Self {
        self.http_client(client)
    }

    /// Sends through any [`HttpClient`]: another HTTP stack, or a mock.
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.http = Some(Arc::new(client));
        self
    }

    /// The client; errors for a missing or unknown region, no credentials, or an endpoint that is not https.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = match self.endpoint {
            Some(endpoint) => endpoint,
            None => {
                let regions = self.regions.unwrap_or(Regions::new("this client", &[]));
                regions
                    .endpoint(self.region.as_deref().unwrap_or_default())?
                    .to_owned()
            }
        };
        check_scheme(&endpoint, self.options.allow_plain_http)?;
        let credentials = self.credentials.ok_or(MissingCredentials)?;
        let credentials = match self.project_id {
            Some(id) => credentials.with_project_id(id),
            None => credentials,
        };
        let http = match self.http {
            Some(http) => http,
            None => Arc::new(default_http_client()?),
        };
        Ok(Client {
            http,
            endpoint,
            credentials,
            options: self.options,
        })
    }
}
