//! Service files → each service's endpoints by region: a region's own
//! endpoint, else the one its cloud's host pattern gives.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Api, Region};
use crate::spec::service_file::LoadedServiceFile;
use std::collections::BTreeSet;

/// Gives each service of `api` the regions of its service file. A file whose
/// service has no operation among the specs read is ignored with a warning
/// (a generation limited to other services reads it too).
pub fn attach(files: &[LoadedServiceFile], api: &mut Api, diagnostics: &mut Diagnostics) {
    let nothing_read = api.services.is_empty();
    for loaded in files {
        let module = super::naming::field_name(&loaded.service);
        let regions = regions(loaded, diagnostics);
        match api.services.iter_mut().find(|s| s.module == module) {
            Some(service) => service.regions = regions,
            None if nothing_read => {}
            None => diagnostics.push(Diagnostic::warning(
                loaded.locate(""),
                format!(
                    "service file of {}, which has no operation among the specs read",
                    loaded.service
                ),
            )),
        }
    }
}

/// The regions of one file, in its order; errors for what cannot give an endpoint.
pub fn regions(loaded: &LoadedServiceFile, diagnostics: &mut Diagnostics) -> Vec<Region> {
    let file = &loaded.file;
    let label = file.host_label.as_deref().unwrap_or(&loaded.service);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, entry) in file.regions.iter().enumerate() {
        let at = |key: &str| loaded.locate(&format!("/regions/{i}{key}"));
        let id = entry.region.trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            diagnostics.push(Diagnostic::error(
                at("/region"),
                format!("region {id:?} is not a region id (letters, digits and '-': eu-de, ap-southeast-1)"),
            ));
            continue;
        }
        if !seen.insert(id) {
            diagnostics.push(Diagnostic::error(
                at("/region"),
                format!("region {id} is listed twice"),
            ));
            continue;
        }
        let endpoint = match (&entry.endpoint, file.cloud) {
            (Some(endpoint), _) => endpoint.trim().trim_end_matches('/').to_owned(),
            (None, Some(cloud)) => cloud.endpoint(label, id),
            (None, None) => {
                diagnostics.push(
                    Diagnostic::error(
                        at(""),
                        format!("region {id} has no endpoint, and the file names no cloud whose host pattern would give one"),
                    )
                    .with_hint("add `endpoint: https://host`, or `cloud: huaweicloud` or `cloud: otc` at the top"),
                );
                continue;
            }
        };
        if let Err(reason) = check_endpoint(&endpoint) {
            diagnostics.push(Diagnostic::error(
                at("/endpoint"),
                format!("endpoint {endpoint:?} of region {id}: {reason}"),
            ));
            continue;
        }
        out.push(Region {
            id: id.to_owned(),
            endpoint,
        });
    }
    out
}

/// `https://host[:port][/base-path]` with a host of letters, digits, '.', '-' (and a port).
fn check_endpoint(endpoint: &str) -> Result<(), &'static str> {
    let rest = endpoint
        .strip_prefix("https://")
        .ok_or("an endpoint starts with https://")?;
    let host = rest.split('/').next().unwrap_or_default();
    let fine = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':');
    if host.is_empty() || !host.bytes().all(fine) {
        return Err("expected https://host[:port][/base-path]");
    }
    if rest
        .bytes()
        .any(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\\' | b'?' | b'#'))
    {
        return Err("an endpoint holds no spaces, quotes, backslashes, query or fragment");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::service_file;

    fn loaded(text: &str) -> (LoadedServiceFile, tempdir::Dir) {
        let dir = tempdir::Dir::new();
        let folder = dir.path().join("kms");
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(service_file::FILE_NAME);
        std::fs::write(&path, text).unwrap();
        (service_file::load(&path).unwrap(), dir)
    }

    mod tempdir {
        /// A scratch folder removed when dropped.
        pub struct Dir(std::path::PathBuf);
        impl Dir {
            pub fn new() -> Self {
                use std::sync::atomic::{AtomicUsize, Ordering};
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let n = NEXT.fetch_add(1, Ordering::Relaxed);
                let path = std::env::temp_dir()
                    .join(format!("docspec-regions-{}-{n}", std::process::id()));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }
            pub fn path(&self) -> &std::path::Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn the_cloud_pattern_fills_regions_listed_without_an_endpoint() {
        let (file, _dir) = loaded(
            "cloud: otc\nregions:\n- region: eu-de\n  source: querying_all_api_versions.html\n- region: eu-nl\n  endpoint: https://kms.eu-nl.example.com/\n",
        );
        let mut diagnostics = Diagnostics::new();
        let regions = regions(&file, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics}");
        assert_eq!(
            regions,
            [
                Region {
                    id: "eu-de".into(),
                    endpoint: "https://kms.eu-de.otc.t-systems.com".into()
                },
                Region {
                    id: "eu-nl".into(),
                    endpoint: "https://kms.eu-nl.example.com".into()
                },
            ]
        );
        let (labelled, _dir) =
            loaded("cloud: huaweicloud\nhost_label: dew\nregions:\n- region: cn-north-4\n");
        assert_eq!(
            super::regions(&labelled, &mut diagnostics)[0].endpoint,
            "https://dew.cn-north-4.myhuaweicloud.com"
        );
    }

    #[test]
    fn what_gives_no_endpoint_is_an_error_at_its_line() {
        let (file, _dir) = loaded(
            "regions:\n- region: eu-de\n- region: eu de\n  endpoint: https://x.example.com\n- region: eu-nl\n  endpoint: http://x.example.com\n",
        );
        let mut diagnostics = Diagnostics::new();
        assert!(regions(&file, &mut diagnostics).is_empty());
        let text = diagnostics.to_string();
        assert!(text.contains("service.yaml:2"), "{text}");
        assert!(
            text.contains("region eu-de has no endpoint, and the file names no cloud"),
            "{text}"
        );
        assert!(
            text.contains("service.yaml:3") && text.contains("\"eu de\" is not a region id"),
            "{text}"
        );
        assert!(
            text.contains("service.yaml:6") && text.contains("starts with https://"),
            "{text}"
        );
    }
}
