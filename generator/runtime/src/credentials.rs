//! Who is calling: a token, or an access key and secret key (AK/SK) that sign
//! each request, with the security token of temporary AK/SK where there is
//! one. Every secret stays out of `Debug`, `Display` and errors.

use crate::client::RequestError;
use crate::signing;
use crate::wire::Secret;
use std::fmt;
use std::time::SystemTime;

/// The environment variables read by [`Credentials::from_env`]. The AK/SK and
/// project names are the official SDKs'; they define no name for a token, so
/// this one is ours.
pub const ENV_ACCESS_KEY: &str = "HUAWEICLOUD_SDK_AK";
/// The secret key of AK/SK credentials.
pub const ENV_SECRET_KEY: &str = "HUAWEICLOUD_SDK_SK";
/// The project id sent as `X-Project-Id`, optional with either kind.
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// The account (domain) id that fills `{domain_id}` in the paths of global services.
pub const ENV_DOMAIN_ID: &str = "HUAWEICLOUD_SDK_DOMAIN_ID";
/// An IAM user token.
pub const ENV_AUTH_TOKEN: &str = "HUAWEICLOUD_SDK_AUTH_TOKEN";
/// The security token that comes with temporary AK/SK (read only together with them).
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

/// The header a token travels in. The docs list it as a mandatory header of
/// every operation; the generator routes it here instead of into each request.
pub const AUTH_TOKEN_HEADER: &str = "X-Auth-Token";
/// The header the security token of temporary AK/SK travels in; it is signed with the request.
pub const SECURITY_TOKEN_HEADER: &str = "X-Security-Token";
/// The header naming the project, sent with either kind of credentials when a project id is set.
pub const PROJECT_ID_HEADER: &str = "X-Project-Id";

/// How requests authenticate.
#[derive(Clone, Debug, PartialEq)]
pub enum Credentials {
    /// An IAM user token, sent as `X-Auth-Token`.
    Token {
        /// The token.
        token: Secret,
        /// The project id, sent as `X-Project-Id` and filling `{project_id}`.
        project_id: Option<String>,
        /// The account (domain) id, filling `{domain_id}`.
        domain_id: Option<String>,
    },
    /// An access key and secret key: each request is signed (`SDK-HMAC-SHA256`).
    AkSk {
        /// The access key (AK), named in the signature.
        access_key: String,
        /// The secret key (SK) that signs.
        secret_key: Secret,
        /// Temporary AK/SK come with a security token, sent as `X-Security-Token`.
        security_token: Option<Secret>,
        /// The project id, sent as `X-Project-Id` and filling `{project_id}`.
        project_id: Option<String>,
        /// The account (domain) id, filling `{domain_id}`.
        domain_id: Option<String>,
    },
}

/// The environment holds no usable credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingCredentials;

impl fmt::Display for MissingCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no credentials: set {ENV_ACCESS_KEY} and {ENV_SECRET_KEY}, or {ENV_AUTH_TOKEN} (optionally {ENV_PROJECT_ID} and {ENV_DOMAIN_ID})"
        )
    }
}

impl std::error::Error for MissingCredentials {}

impl Credentials {
    /// Token credentials, without a project id.
    pub fn token(token: impl Into<Secret>) -> Self {
        Credentials::Token {
            token: token.into(),
            project_id: None,
            domain_id: None,
        }
    }

    /// AK/SK credentials, without a security token or project id.
    pub fn ak_sk(access_key: impl Into<String>, secret_key: impl Into<Secret>) -> Self {
        Credentials::AkSk {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            security_token: None,
            project_id: None,
            domain_id: None,
        }
    }

    /// Sets the security token of temporary AK/SK; token credentials have none and are left as they are.
    pub fn with_security_token(mut self, token: impl Into<Secret>) -> Self {
        if let Credentials::AkSk { security_token, .. } = &mut self {
            *security_token = Some(token.into());
        }
        self
    }

    /// Sets the project id: sent as `X-Project-Id`, and filling `{project_id}`
    /// in a path where the request leaves it unset.
    pub fn with_project_id(mut self, id: impl Into<String>) -> Self {
        match &mut self {
            Credentials::Token { project_id, .. } | Credentials::AkSk { project_id, .. } => {
                *project_id = Some(id.into())
            }
        }
        self
    }

    /// Sets the account (domain) id, filling `{domain_id}` in a path where the request leaves it unset.
    pub fn with_domain_id(mut self, id: impl Into<String>) -> Self {
        match &mut self {
            Credentials::Token { domain_id, .. } | Credentials::AkSk { domain_id, .. } => {
                *domain_id = Some(id.into())
            }
        }
        self
    }

    /// The project id, if set.
    pub fn project_id(&self) -> Option<&str> {
        match self {
            Credentials::Token { project_id, .. } | Credentials::AkSk { project_id, .. } => {
                project_id.as_deref()
            }
        }
    }

    /// The account (domain) id, if set.
    pub fn domain_id(&self) -> Option<&str> {
        match self {
            Credentials::Token { domain_id, .. } | Credentials::AkSk { domain_id, .. } => {
                domain_id.as_deref()
            }
        }
    }

    /// `endpoint` with these credentials' project and domain ids, for the
    /// path parameters a request leaves unset.
    pub fn endpoint<'a>(&'a self, endpoint: &'a str) -> crate::client::Endpoint<'a> {
        crate::client::Endpoint {
            url: endpoint,
            project_id: self.project_id(),
            domain_id: self.domain_id(),
        }
    }

    /// Reads the process environment (see the `ENV_*` names). AK/SK wins when both kinds are set.
    pub fn from_env() -> Result<Self, MissingCredentials> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// As [`Credentials::from_env`], reading variables through `lookup`; empty values count as unset.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, MissingCredentials> {
        let get = |name| lookup(name).filter(|v| !v.is_empty());
        let credentials = match (
            get(ENV_ACCESS_KEY),
            get(ENV_SECRET_KEY),
            get(ENV_AUTH_TOKEN),
        ) {
            (Some(ak), Some(sk), _) => match get(ENV_SECURITY_TOKEN) {
                Some(token) => Credentials::ak_sk(ak, sk).with_security_token(token),
                None => Credentials::ak_sk(ak, sk),
            },
            (_, _, Some(token)) => Credentials::token(token),
            _ => return Err(MissingCredentials),
        };
        let credentials = match get(ENV_PROJECT_ID) {
            Some(id) => credentials.with_project_id(id),
            None => credentials,
        };
        Ok(match get(ENV_DOMAIN_ID) {
            Some(id) => credentials.with_domain_id(id),
            None => credentials,
        })
    }

    /// Authenticates `request`, signed as of `now` for AK/SK. Call it last:
    /// a signature covers the headers and body present at that moment.
    pub fn apply(
        &self,
        request: &mut http::Request<Vec<u8>>,
        now: SystemTime,
    ) -> Result<(), RequestError> {
        if let Some(id) = self.project_id() {
            let value = header_value(PROJECT_ID_HEADER, id, false)?;
            request.headers_mut().insert(PROJECT_ID_HEADER, value);
        }
        match self {
            Credentials::Token { token, .. } => {
                let value = header_value(AUTH_TOKEN_HEADER, token.expose(), true)?;
                request.headers_mut().insert(AUTH_TOKEN_HEADER, value);
                Ok(())
            }
            Credentials::AkSk {
                access_key,
                secret_key,
                security_token,
                ..
            } => {
                if let Some(token) = security_token {
                    let value = header_value(SECURITY_TOKEN_HEADER, token.expose(), true)?;
                    request.headers_mut().insert(SECURITY_TOKEN_HEADER, value);
                }
                signing::sign(request, access_key, secret_key, now)
            }
        }
    }
}

/// Names the kind of credentials and the access key, never a secret.
impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Token { .. } => f.write_str("token credentials"),
            Credentials::AkSk {
                access_key,
                security_token,
                ..
            } => {
                let kind = if security_token.is_some() {
                    "temporary AK/SK"
                } else {
                    "AK/SK"
                };
                write!(f, "{kind} credentials (access key {access_key})")
            }
        }
    }
}

/// A header value checked for CR, LF and other control characters; `sensitive`
/// keeps it out of `http`'s Debug output.
pub(crate) fn header_value(
    name: &'static str,
    value: &str,
    sensitive: bool,
) -> Result<http::HeaderValue, RequestError> {
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(RequestError::HeaderValue { name });
    }
    let mut value =
        http::HeaderValue::from_str(value).map_err(|_| RequestError::HeaderValue { name })?;
    value.set_sensitive(sensitive);
    Ok(value)
}
