//! `spec/<service>/service.yaml`: where a service answers, region by region.
//! `docspec import` fills it with the hosts the pages state; people add
//! regions by hand. The YAML as written: the endpoints a cloud's host pattern
//! gives are worked out by [`crate::resolve::regions`].

use super::SourceMap;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name of a service file, beside the service's specs.
pub const FILE_NAME: &str = "service.yaml";

/// One service's endpoints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceFile {
    /// The cloud whose host pattern gives the endpoint of a region listed without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud: Option<Cloud>,
    /// The service's label in the cloud's hosts (`kms` in
    /// `kms.eu-de.otc.t-systems.com`), when it is not the folder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_label: Option<String>,
    #[serde(default)]
    pub regions: Vec<RegionEntry>,
}

/// A cloud with a documented host pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    /// Huawei Cloud: `https://{service}.{region}.myhuaweicloud.com`.
    Huaweicloud,
    /// Open Telekom Cloud: `https://{service}.{region}.otc.t-systems.com`.
    Otc,
}

impl Cloud {
    pub const ALL: [Cloud; 2] = [Cloud::Huaweicloud, Cloud::Otc];

    /// The domain every host of the cloud ends in.
    pub fn domain(self) -> &'static str {
        match self {
            Cloud::Huaweicloud => "myhuaweicloud.com",
            Cloud::Otc => "otc.t-systems.com",
        }
    }

    /// The endpoint the cloud's pattern gives a service label in a region.
    pub fn endpoint(self, label: &str, region: &str) -> String {
        format!("https://{label}.{region}.{}", self.domain())
    }
}

/// One region of the service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionEntry {
    /// The region id (`eu-de`, `ap-southeast-1`).
    pub region: String,
    /// `https://host`; without it, the cloud's pattern gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The page that states it (written by import), or a reviewer's word on where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A service file as read, with the positions of its nodes.
#[derive(Debug, Clone)]
pub struct LoadedServiceFile {
    pub path: PathBuf,
    /// The service: the name of the folder the file is in.
    pub service: String,
    pub file: ServiceFile,
    source_map: SourceMap,
}

impl LoadedServiceFile {
    /// The location of a node, by JSON pointer (`/regions/0/endpoint`).
    pub fn locate(&self, pointer: &str) -> Location {
        let (line, column) = self.source_map.position(pointer);
        Location::new(&self.path, line, column)
    }
}

/// Reads one service file; the service is the folder's name.
pub fn load(path: &Path) -> Result<LoadedServiceFile, Diagnostics> {
    let fail = |message: String| {
        Diagnostics::from_iter([Diagnostic::error(Location::file(path), message)])
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| fail(format!("cannot read the service file: {e}")))?;
    let service = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .ok_or_else(|| {
            fail(
                "a service file stands in its service's folder (spec/<service>/service.yaml)"
                    .to_owned(),
            )
        })?
        .to_owned();
    let file: ServiceFile = serde_yaml::from_str(&text).map_err(|err| {
        let location = match err.location() {
            Some(l) => Location::new(path, l.line(), l.column()),
            None => Location::file(path),
        };
        let message = err.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned();
        Diagnostics::from_iter([Diagnostic::error(
            location,
            format!("not a valid service file: {message}"),
        )
        .with_hint("see spec/README.md, \"Service file\"")])
    })?;
    Ok(LoadedServiceFile {
        path: path.to_owned(),
        service,
        file,
        source_map: SourceMap::build(&text),
    })
}

/// The file as `docspec import` writes it, with a comment that says what it is.
pub fn to_yaml(file: &ServiceFile) -> String {
    let yaml = serde_yaml::to_string(file).unwrap_or_default();
    format!(
        "# Where this service answers, by region: see spec/README.md, \"Service file\".\n\
         # docspec import adds the hosts the pages state; add your own regions below.\n{yaml}"
    )
}
