//! The service's `Client` (cargo feature `transport`): one async method per
//! operation, named after it, over the runtime's transport client.

use super::docs;
use super::text::Writer;
use crate::model::Service;

/// The service's `Client`: one method per operation, named after it, over the runtime's transport.
pub fn service_client(out: &mut Writer, service: &Service) {
    let runtime = out.runtime();
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
    out.doc(" A client for `endpoint` with the credentials of the environment (see `credentials::Credentials::from_env`) and default options.");
    out.open("pub fn from_env(endpoint: &str) -> Result<Self, transport::Error>");
    // Too long for a line with any runtime path: the chain breaks before `.map_err`.
    out.line(&format!(
        "let credentials = {runtime}::credentials::Credentials::from_env()"
    ));
    out.indent();
    out.line(".map_err(|e| transport::Error::Config(e.to_string()))?;");
    out.outdent();
    out.line("transport::Client::new(endpoint, credentials).map(Client::new)");
    out.close("");
    out.doc(" The transport client underneath.");
    out.open("pub fn transport(&self) -> &transport::Client");
    out.line("&self.transport");
    out.close("");
    for operation in &service.operations {
        let module = &operation.module;
        out.docs(&docs::prose(&[format!(
            "`{}` ({} {}): validates `request`, sends it, reads the typed response.",
            operation.id, operation.method, operation.path
        )]));
        out.signature(
            &format!("pub async fn {module}"),
            &["&self", &format!("request: {module}::Request")],
            &format!(" -> Result<{module}::Response, transport::Error>"),
            false,
        );
        out.line("self.transport.send(&request).await");
        out.close("");
    }
    out.close("");
}
