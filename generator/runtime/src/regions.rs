//! Where a service answers: its endpoint in each region, as its service file
//! (`spec/<service>/service.yaml`) gives them. Each generated service has a
//! `REGIONS` table; [`Regions::endpoint`] looks a region up, and an unknown
//! region is an error that lists the known ones. An explicit endpoint never
//! goes through this table.

use std::fmt;

/// The environment variable naming the region (the official SDKs' name).
pub const ENV_REGION: &str = "HUAWEICLOUD_SDK_REGION";

/// One service's endpoints by region id, in the order of its service file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    /// The service (`sms`), for messages.
    pub service: &'static str,
    /// `(region id, endpoint)` pairs: `("eu-de", "https://kms.eu-de.otc.t-systems.com")`.
    pub endpoints: &'static [(&'static str, &'static str)],
}

impl Regions {
    /// The table of `service`.
    pub const fn new(
        service: &'static str,
        endpoints: &'static [(&'static str, &'static str)],
    ) -> Self {
        Regions { service, endpoints }
    }

    /// The endpoint of `region`, or an error that lists the known regions.
    pub fn endpoint(&self, region: &str) -> Result<&'static str, UnknownRegion> {
        self.endpoints
            .iter()
            .find(|(id, _)| *id == region)
            .map(|(_, endpoint)| *endpoint)
            .ok_or_else(|| UnknownRegion {
                service: self.service,
                region: region.to_owned(),
                known: self.ids().collect(),
            })
    }

    /// The known region ids.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.endpoints.iter().map(|(id, _)| *id)
    }
}

/// A region the service's table does not know (or none was given).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownRegion {
    /// The service asked of.
    pub service: &'static str,
    /// The region asked for; empty when none was given.
    pub region: String,
    /// The regions the service's table knows.
    pub known: Vec<&'static str>,
}

impl fmt::Display for UnknownRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let service = self.service;
        if self.region.is_empty() {
            write!(f, "no region and no endpoint for {service}")?;
        } else {
            write!(
                f,
                "{service} has no known endpoint in region {:?}",
                self.region
            )?;
        }
        if self.known.is_empty() {
            write!(f, "; its service file names no region: give the endpoint, or add the region to spec/{service}/service.yaml")
        } else {
            write!(
                f,
                "; known regions: {} (set {ENV_REGION}, or give the endpoint)",
                self.known.join(", ")
            )
        }
    }
}

impl std::error::Error for UnknownRegion {}

#[cfg(test)]
mod tests {
    use super::*;

    const KMS: Regions = Regions::new(
        "kms",
        &[
            ("eu-de", "https://kms.eu-de.otc.t-systems.com"),
            ("eu-nl", "https://kms.eu-nl.otc.t-systems.com"),
        ],
    );

    #[test]
    fn a_known_region_gives_its_endpoint_an_unknown_one_the_list() {
        assert_eq!(
            KMS.endpoint("eu-nl"),
            Ok("https://kms.eu-nl.otc.t-systems.com")
        );
        let error = KMS.endpoint("eu-ch2").unwrap_err();
        assert_eq!(error.known, ["eu-de", "eu-nl"]);
        assert_eq!(
            error.to_string(),
            "kms has no known endpoint in region \"eu-ch2\"; known regions: eu-de, eu-nl (set HUAWEICLOUD_SDK_REGION, or give the endpoint)"
        );
        let none = Regions::new("sms", &[]).endpoint("").unwrap_err();
        assert!(none
            .to_string()
            .starts_with("no region and no endpoint for sms; its service file names no region"));
    }
}
