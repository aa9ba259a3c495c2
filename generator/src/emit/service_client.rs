//! The service's `Client` (cargo feature `transport`): one async method per
//! operation, named after it, over the runtime's transport client.

use super::docs;
use super::text::{self, Writer};
use crate::model::Service;

/// The service's `Client`: one method per operation, named after it, over the runtime's transport.
pub fn service_client(out: &mut Writer, service: &Service) {
    let runtime = out.runtime();
    regions(out, service);
    let transport = "#[cfg(feature = \"transport\")]";
    out.line(transport);
    out.line(&format!("use {runtime}::transport;"));
    out.doc(" Calls this service's operations: endpoint, credentials and retries come from the transport client.");
    out.line(transport);
    out.line("#[derive(Debug, Clone)]");
    out.open("pub struct Client");
    out.line("transport: transport::Client,");
    out.close("");
    out.line(transport);
    out.open("impl Client");
    out.doc(" A client that sends through `transport` (its endpoint, credentials and options).");
    out.open("pub fn new(transport: transport::Client) -> Self");
    out.line("Client { transport }");
    out.close("");
    out.doc(" A client for `region` (one of [`REGIONS`]); `transport::Client::builder()` sets more (an endpoint, options, your own HTTP client).");
    out.signature(
        "pub fn for_region",
        &[
            "region: &str",
            &format!("credentials: {runtime}::credentials::Credentials"),
        ],
        " -> Result<Self, transport::Error>",
        false,
    );
    out.line("transport::Client::for_region(REGIONS, region, credentials).map(Client::new)");
    out.close("");
    out.doc(" A client for the region in `HUAWEICLOUD_SDK_REGION` (one of [`REGIONS`]) with the credentials of the environment (see `credentials::Credentials::from_env`) and default options.");
    out.open("pub fn from_env() -> Result<Self, transport::Error>");
    out.line("transport::Client::from_env(REGIONS).map(Client::new)");
    out.close("");
    out.doc(" The transport client underneath.");
    out.open("pub fn transport(&self) -> &transport::Client");
    out.line("&self.transport");
    out.close("");
    for operation in &service.operations {
        let module = &operation.module;
        out.docs(&docs::prose(&[format!(
            "`{}` ({} {}): validates `request`, sends it, reads the typed response with its status and headers.",
            operation.id, operation.method, operation.path
        )]));
        out.signature(
            &format!("pub async fn {module}"),
            &["&self", &format!("request: {module}::Request")],
            &format!(" -> Result<transport::Answer<{module}::Response>, transport::Error>"),
            false,
        );
        out.line("self.transport.send(&request).await");
        out.close("");
    }
    out.close("");
}

/// `REGIONS`: the service's endpoints by region, from its service file.
fn regions(out: &mut Writer, service: &Service) {
    let runtime = out.runtime();
    out.line(&format!("use {runtime}::regions;"));
    out.doc(" Where this service answers, by region (from its `service.yaml` beside the specs): `Client::for_region` and `Client::from_env` look the region up here.");
    out.call(
        "pub const REGIONS: regions::Regions = regions::Regions::new",
        &[&text::string(&service.module), "ENDPOINTS"],
        ";",
    );
    let endpoints: Vec<String> = service
        .regions
        .iter()
        .map(|r| format!("({}, {})", text::string(&r.id), text::string(&r.endpoint)))
        .collect();
    out.list("const ENDPOINTS: &[(&str, &str)] = &[", &endpoints, "];");
}
