//! The hosts a page states for its service (`kms.eu-de.otc.t-systems.com` in
//! an example answer, a usage note or a URL), which `docspec import` records
//! in the service file (`spec/<service>/service.yaml`).

use crate::spec::service_file::{Cloud, RegionEntry, ServiceFile};

/// A host of a cloud: `<label>.<region>.<cloud's domain>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub cloud: Cloud,
    pub label: String,
    pub region: String,
}

/// Every `<label>.<region>.<domain>` host in `text`, for the clouds with a
/// documented pattern, in order of appearance. A region id has a '-'
/// (`eu-de`, `cn-north-4`): `docs.otc.t-systems.com` and
/// `console.eu-de.otc.t-systems.com`'s like without one are no region.
pub fn hosts_in(text: &str) -> Vec<Host> {
    let mut found = Vec::new();
    for cloud in Cloud::ALL {
        let suffix = format!(".{}", cloud.domain());
        let mut from = 0;
        while let Some(at) = text[from..].find(&suffix) {
            let end = from + at;
            from = end + suffix.len();
            // The domain must end the host: not `otc.t-systems.com.cn` or
            // `...comx`; a full stop that ends a sentence does.
            let host_char = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
            let mut after = text[from..].bytes();
            let goes_on = match after.next() {
                Some(b'.') => after.next().is_some_and(|b| host_char(&b)),
                next => next.is_some_and(|b| host_char(&b)),
            };
            if goes_on {
                continue;
            }
            // After the character before the host, which may be wider than
            // a byte (a no-break space, an arrow, a CJK character).
            let start = text[..end]
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let labels: Vec<&str> = text[start..end].split('.').collect();
            let [label, region] = labels[..] else {
                continue;
            };
            let lower = |s: &str| {
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            };
            if label.is_empty() || !lower(label) || !region.contains('-') || !lower(region) {
                continue;
            }
            found.push((
                start,
                Host {
                    cloud,
                    label: label.to_owned(),
                    region: region.to_owned(),
                },
            ));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, host)| host).collect()
}

/// Adds to `file` the regions of `hosts` that name the service (`label`);
/// regions already listed keep their entries. A host of the file's cloud (or
/// of the first cloud met, when it names none) is recorded as its region
/// alone, the pattern giving the endpoint; a host of another cloud with its
/// endpoint. Returns whether anything was added.
pub fn record(file: &mut ServiceFile, label: &str, hosts: &[Host], source: &str) -> bool {
    let mut added = false;
    for host in hosts.iter().filter(|h| h.label == label) {
        if file.regions.iter().any(|r| r.region == host.region) {
            continue;
        }
        let cloud = *file.cloud.get_or_insert(host.cloud);
        let endpoint = (cloud != host.cloud).then(|| host.cloud.endpoint(label, &host.region));
        file.regions.push(RegionEntry {
            region: host.region.clone(),
            endpoint,
            source: Some(source.to_owned()),
        });
        added = true;
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_after_a_character_wider_than_a_byte_is_found() {
        for before in ["\u{a0}", "\u{2192}", "\u{5730}\u{5740}", "\u{1f517}"] {
            let text = format!("Endpoint:{before}kms.eu-de.otc.t-systems.com");
            assert_eq!(
                hosts_in(&text),
                [Host {
                    cloud: Cloud::Otc,
                    label: "kms".into(),
                    region: "eu-de".into()
                }],
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_host_that_ends_a_sentence_is_found() {
        let found = hosts_in("The endpoint is kms.eu-de.otc.t-systems.com. Then x.eu-nl.otc.t-systems.com.cn is not.");
        assert_eq!(
            found,
            [Host {
                cloud: Cloud::Otc,
                label: "kms".into(),
                region: "eu-de".into()
            }]
        );
    }

    #[test]
    fn hosts_with_a_region_are_found_others_are_not() {
        let text = r#"{"url": "https://kms.eu-de.otc.t-systems.com/v1.0/"} see https://docs.otc.t-systems.com/x,
            obs.eu-de.otc.t-systems.com and sms.ap-southeast-1.myhuaweicloud.com; not iam.myhuaweicloud.com,
            nor kms.eu-de.otc.t-systems.com.cn or {endpoint}.eu-de.otc.t-systems.com"#;
        let host = |cloud, label: &str, region: &str| Host {
            cloud,
            label: label.into(),
            region: region.into(),
        };
        assert_eq!(
            hosts_in(text),
            [
                host(Cloud::Otc, "kms", "eu-de"),
                host(Cloud::Otc, "obs", "eu-de"),
                host(Cloud::Huaweicloud, "sms", "ap-southeast-1"),
            ]
        );
    }

    #[test]
    fn only_the_services_own_hosts_are_recorded_once_keeping_hand_entries() {
        let hosts = hosts_in(
            "kms.eu-de.otc.t-systems.com obs.eu-nl.otc.t-systems.com kms.eu-nl.otc.t-systems.com \
             kms.eu-de.otc.t-systems.com kms.cn-north-4.myhuaweicloud.com",
        );
        let mut file = ServiceFile {
            regions: vec![RegionEntry {
                region: "eu-nl".into(),
                endpoint: Some("https://kms.eu-nl.example.com".into()),
                source: Some("by hand".into()),
            }],
            ..ServiceFile::default()
        };
        assert!(record(&mut file, "kms", &hosts, "versions.html"));
        assert_eq!(file.cloud, Some(Cloud::Otc));
        let regions: Vec<(&str, Option<&str>, Option<&str>)> = file
            .regions
            .iter()
            .map(|r| (&*r.region, r.endpoint.as_deref(), r.source.as_deref()))
            .collect();
        assert_eq!(
            regions,
            [
                (
                    "eu-nl",
                    Some("https://kms.eu-nl.example.com"),
                    Some("by hand")
                ),
                ("eu-de", None, Some("versions.html")),
                (
                    "cn-north-4",
                    Some("https://kms.cn-north-4.myhuaweicloud.com"),
                    Some("versions.html")
                ),
            ]
        );
        assert!(!record(&mut file, "kms", &hosts, "again.html"));
    }
}
