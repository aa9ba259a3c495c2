//! Synthetic specs shaped like Huawei Cloud reference pages, for the
//! generation benchmark and its test.
//!
//! Each operation has the parts a real page has: path, query and header
//! parameters; a request body with a nested object, arrays of objects, a map
//! and an array of strings; string enumerations, integer ranges, string
//! lengths, item counts and defaults stated in the descriptions the way the
//! docs word them; four response statuses with their tables, and one example
//! per body that keeps every documented constraint. Everything is derived from
//! the operation's index, so the same count always gives the same files.

use docspec::spec::{Example, ExampleKind, Row, Side, Spec, StatusCode, Table, TableRole};
use serde_json::{json, Value};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Services the operations are spread over, in turn.
const SERVICES: &[&str] = &["ecs", "evs", "vpc", "elb"];

/// Resources an operation acts on: (type name, path segment).
const RESOURCES: &[(&str, &str)] = &[
    ("Volume", "volumes"),
    ("Server", "servers"),
    ("Subnet", "subnets"),
    ("Listener", "listeners"),
    ("Snapshot", "snapshots"),
];

/// What an operation does to its resource: (verb, HTTP method). All send a body.
const VERBS: &[(&str, &str)] = &[("Create", "POST"), ("Update", "PUT"), ("Resize", "POST")];

/// A folder below the system's temporary folder, removed with its content on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates a new, empty folder whose name starts with `docspec-{label}`.
    pub fn new(label: &str) -> io::Result<TempDir> {
        // The process id keeps concurrent runs apart, the counter the folders
        // of one run; a name left over from a crashed run is skipped.
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path =
                std::env::temp_dir().join(format!("docspec-{label}-{}-{n}", std::process::id()));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort: a leftover temporary folder is no reason to fail a run.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Writes `operations` specs below `dir`, as `spec/` lays them out: `<service>/<Operation>.yaml`.
pub fn write_specs(dir: &Path, operations: usize) -> io::Result<()> {
    for index in 0..operations {
        let spec = Operation::new(index).spec();
        let folder = dir.join(&spec.service);
        std::fs::create_dir_all(&folder)?;
        std::fs::write(
            folder.join(format!("{}.yaml", spec.operation)),
            spec.to_yaml(),
        )?;
    }
    Ok(())
}

/// The names and limits of one synthetic operation.
struct Operation {
    index: usize,
    service: &'static str,
    /// The resource's type name: `Volume`.
    resource: &'static str,
    /// Its path segment: `volumes`.
    collection: &'static str,
    verb: &'static str,
    method: &'static str,
    /// The documented maximum length of the resource's name; varies so that files differ.
    name_max: usize,
    /// The documented maximum size; varies likewise.
    size_max: u64,
}

impl Operation {
    fn new(index: usize) -> Operation {
        let (resource, collection) = RESOURCES[index % RESOURCES.len()];
        let (verb, method) = VERBS[index % VERBS.len()];
        Operation {
            index,
            service: SERVICES[index % SERVICES.len()],
            resource,
            collection,
            verb,
            method,
            name_max: 64 + index % 64,
            size_max: 32_768 + index as u64,
        }
    }

    /// `CreateVolume7`: the index keeps names unique within a service.
    fn name(&self) -> String {
        format!("{}{}{}", self.verb, self.resource, self.index)
    }

    /// `volume`: the request body member that holds the resource's settings.
    fn member(&self) -> String {
        self.resource.to_ascii_lowercase()
    }

    fn path(&self) -> String {
        format!(
            "/v3/{{project_id}}/{}/{{resource_id}}/{}",
            self.collection,
            self.verb.to_ascii_lowercase()
        )
    }

    /// A 36-character ID in the UUID layout the docs use.
    fn uuid(&self, salt: usize) -> String {
        format!("{:08x}-0000-4000-8000-{:012x}", self.index, salt)
    }

    fn spec(&self) -> Spec {
        let operation = self.name();
        let source = format!("{operation}.html");
        Spec {
            service: self.service.to_owned(),
            operation,
            title: format!("{} a {}", self.verb, self.member()),
            summary: Some(format!(
                "This API is used to {} a {}.",
                self.verb.to_ascii_lowercase(),
                self.member()
            )),
            method: self.method.to_owned(),
            path: self.path(),
            source: Some(source),
            chapter: None,
            chapter_order: None,
            tables: self.tables(),
            examples: self.examples(),
            status_codes: STATUSES
                .iter()
                .map(|&(status, text)| status_code(status, text))
                .collect(),
            uncaptured_code: Vec::new(),
        }
    }

    fn tables(&self) -> Vec<Table> {
        let mut tables = vec![
            self.path_parameters(),
            query_parameters(),
            header_parameters(),
            self.request_body(),
            self.options_object(),
            self.disk_object(),
            object("Placement", Side::Request, placement_rows()),
            object("Tag", Side::Request, tag_rows(true)),
            self.ok_body(),
            self.detail_object(),
            // Pages reuse a name for different request and response objects.
            object("Tag", Side::Response, tag_rows(false)),
        ];
        tables.extend(error_tables());
        tables
    }

    fn path_parameters(&self) -> Table {
        let id = format!("{} ID. Minimum: 36 Maximum: 36", self.resource);
        table(
            TableRole::PathParameters,
            vec![
                request_row(
                    "project_id",
                    true,
                    "String",
                    "Project ID. Minimum: 1 Maximum: 64",
                ),
                request_row("resource_id", true, "String", &id),
            ],
        )
    }

    fn request_body(&self) -> Table {
        let options = format!("{}Option object", self.resource);
        table(
            TableRole::RequestBody,
            vec![
                request_row(
                    &self.member(),
                    true,
                    &options,
                    "The settings of the resource.",
                ),
                request_row(
                    "dry_run",
                    false,
                    "Boolean",
                    "Whether to only check the request. Default value: false",
                ),
                request_row(
                    "tags",
                    false,
                    "Array of Tag objects",
                    "Tags to add. Array Length: 0 - 10",
                ),
            ],
        )
    }

    fn options_object(&self) -> Table {
        let name = format!("Name. Minimum: 1 Maximum: {}", self.name_max);
        let size = format!(
            "Size in GiB. The value ranges from 10 to {}.",
            self.size_max
        );
        let rows = vec![
            request_row("name", true, "String", &name),
            request_row(
                "description",
                false,
                "String",
                "Description. Minimum: 0 Maximum: 255",
            ),
            request_row("size", true, "Integer", &size),
            request_row(
                "mode",
                false,
                "String",
                "Device type. Default value: VBD\nEnumeration values:\n- VBD\n- SCSI",
            ),
            request_row(
                "count",
                false,
                "Long",
                "Number of resources. Minimum: 1 Maximum: 100 Default value: 1",
            ),
            request_row("metadata", false, "Map<String,String>", "Key-value pairs."),
            request_row(
                "disks",
                true,
                "Array of Disk objects",
                "Data disks. Array Length: 1 - 16",
            ),
            request_row(
                "security_group_ids",
                false,
                "Array of strings",
                "Security group IDs. Minimum: 36 Maximum: 36 Array Length: 0 - 5",
            ),
            request_row(
                "placement",
                false,
                "Placement object",
                "Where to place the resource.",
            ),
        ];
        object(&format!("{}Option", self.resource), Side::Request, rows)
    }

    fn disk_object(&self) -> Table {
        let size = format!("Disk size in GiB. Minimum: 10 Maximum: {}", self.size_max);
        let rows = vec![
            request_row(
                "volume_type",
                true,
                "String",
                "Disk type.\nEnumeration values:\n- SATA\n- SAS\n- SSD\n- GPSSD",
            ),
            request_row("size", true, "Integer", &size),
            request_row(
                "encrypted",
                false,
                "Boolean",
                "Whether the disk is encrypted. Default value: false",
            ),
            request_row(
                "iops",
                false,
                "Integer",
                "Provisioned IOPS. Minimum: 100 Maximum: 128000",
            ),
        ];
        object("Disk", Side::Request, rows)
    }

    fn ok_body(&self) -> Table {
        let resources = format!("Array of {}Detail objects", self.resource);
        let rows = vec![
            response_row("job_id", "String", "Task ID. Minimum: 1 Maximum: 64"),
            response_row(
                "count",
                "Integer",
                "Number of resources. Minimum: 0 Maximum: 1000000",
            ),
            response_row(
                "resources",
                &resources,
                "The resources. Array Length: 0 - 100",
            ),
        ];
        response_body(200, rows)
    }

    fn detail_object(&self) -> Table {
        let rows = vec![
            response_row("id", "String", "Resource ID. Minimum: 36 Maximum: 36"),
            response_row("name", "String", "Name. Minimum: 1 Maximum: 255"),
            response_row(
                "status",
                "String",
                "Status.\nEnumeration values:\n- creating\n- available\n- error",
            ),
            response_row(
                "size",
                "Integer",
                "Size in GiB. Minimum: 0 Maximum: 2147483647",
            ),
            response_row(
                "created_at",
                "String",
                "Creation time, in UTC. Minimum: 20 Maximum: 32",
            ),
            response_row("tags", "Array of Tag objects", "Tags. Array Length: 0 - 10"),
        ];
        object(&format!("{}Detail", self.resource), Side::Response, rows)
    }

    fn examples(&self) -> Vec<Example> {
        let mut examples = vec![Example {
            kind: ExampleKind::Request,
            status: None,
            description: Some(format!(
                "{} a {} with one data disk.",
                self.verb,
                self.member()
            )),
            request_line: Some(format!(
                "{} https://{{endpoint}}{}",
                self.method,
                self.example_path()
            )),
            body: Some(pretty(&self.request_example())),
        }];
        examples.push(response_example(200, &self.ok_example()));
        for &(status, _) in &STATUSES[1..] {
            examples.push(response_example(status, &self.error_example(status)));
        }
        examples
    }

    fn example_path(&self) -> String {
        self.path()
            .replace("{project_id}", "0605767a3300d5762fb7c0186d9e1779")
            .replace("{resource_id}", &self.uuid(1))
    }

    fn request_example(&self) -> Value {
        let mut body = serde_json::Map::new();
        body.insert(
            self.member(),
            json!({
                "name": format!("{}-{}", self.member(), self.index),
                "description": "Created for the benchmark.",
                "size": 40,
                "mode": "SCSI",
                "count": 1,
                "metadata": { "purpose": "benchmark" },
                "disks": [ { "volume_type": "SSD", "size": 100, "encrypted": true, "iops": 3000 } ],
                "security_group_ids": [ self.uuid(2) ],
                "placement": { "availability_zone": "ap-southeast-1a" }
            }),
        );
        body.insert("dry_run".to_owned(), json!(false));
        body.insert(
            "tags".to_owned(),
            json!([ { "key": "env", "value": "bench" } ]),
        );
        Value::Object(body)
    }

    fn ok_example(&self) -> Value {
        json!({
            "job_id": format!("job-{}", self.index),
            "count": 1,
            "resources": [ {
                "id": self.uuid(1),
                "name": format!("{}-{}", self.member(), self.index),
                "status": "available",
                "size": 40,
                "created_at": "2024-05-01T08:00:00Z",
                "tags": [ { "key": "env", "value": "bench" } ]
            } ]
        })
    }

    fn error_example(&self, status: u16) -> Value {
        let code = format!("{}.{:04}", self.service.to_ascii_uppercase(), status);
        match status {
            403 => json!({
                "error_code": code,
                "error_msg": "You do not have permission to perform this action.",
                "encoded_authorization_message": "XXXXXX",
                "error_param": [ "You do not have permission to perform action XXX on resource XXX." ],
                "details": [ { "error_code": code, "error_msg": "Permission denied." } ]
            }),
            _ => json!({ "error_code": code, "error_msg": "The request could not be completed." }),
        }
    }
}

/// The statuses every operation documents, 200 first.
const STATUSES: &[(u16, &str)] = &[
    (200, "OK"),
    (400, "Bad Request"),
    (403, "Forbidden"),
    (404, "Not Found"),
];

fn query_parameters() -> Table {
    table(
        TableRole::QueryParameters,
        vec![
            request_row(
                "limit",
                false,
                "Integer",
                "Records per page. The value ranges from 1 to 1000. Default value: 100",
            ),
            request_row(
                "offset",
                false,
                "Integer",
                "Offset. Minimum: 0 Maximum: 1000000",
            ),
            request_row(
                "sort_dir",
                false,
                "String",
                "Sort direction. Default value: desc\nEnumeration values:\n- asc\n- desc",
            ),
            request_row(
                "enterprise_project_id",
                false,
                "String",
                "Enterprise project ID. Minimum: 0 Maximum: 36",
            ),
        ],
    )
}

fn header_parameters() -> Table {
    table(
        TableRole::HeaderParameters,
        vec![
            request_row(
                "X-Auth-Token",
                true,
                "String",
                "User token, obtained from IAM.",
            ),
            request_row(
                "X-Language",
                false,
                "String",
                "The preferred language. Minimum: 0 Maximum: 16",
            ),
        ],
    )
}

fn placement_rows() -> Vec<Row> {
    vec![
        request_row(
            "availability_zone",
            true,
            "String",
            "Availability zone. Minimum: 1 Maximum: 64",
        ),
        request_row(
            "dedicated_host_id",
            false,
            "String",
            "Dedicated host ID. Minimum: 36 Maximum: 36",
        ),
    ]
}

/// The rows of a `Tag` table, with a Mandatory column on the request side only.
fn tag_rows(request: bool) -> Vec<Row> {
    let row = |parameter: &str, description: &str| {
        if request {
            request_row(parameter, true, "String", description)
        } else {
            response_row(parameter, "String", description)
        }
    };
    vec![
        row("key", "Tag key. Minimum: 1 Maximum: 128"),
        row("value", "Tag value. Minimum: 0 Maximum: 255"),
    ]
}

/// The bodies of 400, 403 and 404, as the reference page documents them.
fn error_tables() -> Vec<Table> {
    let short = || {
        vec![
            response_row(
                "error_code",
                "String",
                "The error code. Minimum: 0 Maximum: 255",
            ),
            response_row(
                "error_msg",
                "String",
                "The error message. Minimum: 0 Maximum: 1024",
            ),
        ]
    };
    let forbidden = vec![
        response_row(
            "error_code",
            "String",
            "The error code. Minimum: 0 Maximum: 255",
        ),
        response_row(
            "error_msg",
            "String",
            "The error message. Minimum: 0 Maximum: 255",
        ),
        response_row(
            "encoded_authorization_message",
            "String",
            "The encrypted authorization information. Minimum: 0 Maximum: 65535",
        ),
        response_row(
            "error_param",
            "Array of strings",
            "Error parameters. Minimum: 0 Maximum: 65535 Array Length: 1 - 20",
        ),
        response_row(
            "details",
            "Array of details objects",
            "The error details. Array Length: 1 - 20",
        ),
    ];
    let details = vec![
        response_row(
            "error_code",
            "String",
            "The error code. Minimum: 0 Maximum: 65535",
        ),
        response_row(
            "error_msg",
            "String",
            "The error message. Minimum: 0 Maximum: 65535",
        ),
    ];
    vec![
        response_body(400, short()),
        response_body(403, forbidden),
        object("details", Side::Response, details),
        response_body(404, short()),
    ]
}

fn table(role: TableRole, rows: Vec<Row>) -> Table {
    let columns: &[&str] = match role {
        TableRole::ResponseBody | TableRole::ResponseHeaders => {
            &["Parameter", "Type", "Description"]
        }
        _ => &["Parameter", "Mandatory", "Type", "Description"],
    };
    Table {
        role,
        name: None,
        status: None,
        side: None,
        caption: None,
        columns: columns.iter().map(|c| c.to_string()).collect(),
        added_by_hand: None,
        inferred: None,
        note: None,
        rows,
    }
}

fn object(name: &str, side: Side, rows: Vec<Row>) -> Table {
    let mut object = table(TableRole::Object, rows);
    if side == Side::Response {
        // Response tables lack the Mandatory column.
        object.columns.retain(|c| c != "Mandatory");
    }
    object.name = Some(name.to_owned());
    object.side = Some(side);
    object
}

fn response_body(status: u16, rows: Vec<Row>) -> Table {
    let mut body = table(TableRole::ResponseBody, rows);
    body.status = Some(status);
    body
}

fn request_row(parameter: &str, mandatory: bool, type_: &str, description: &str) -> Row {
    let mandatory = if mandatory { "Yes" } else { "No" };
    Row::new(parameter, Some(mandatory.to_owned()), type_, description)
}

fn response_row(parameter: &str, type_: &str, description: &str) -> Row {
    Row::new(parameter, None, type_, description)
}

fn response_example(status: u16, body: &Value) -> Example {
    Example {
        kind: ExampleKind::Response,
        status: Some(status),
        description: STATUSES
            .iter()
            .find(|s| s.0 == status)
            .map(|s| s.1.to_owned()),
        request_line: None,
        body: Some(pretty(body)),
    }
}

fn status_code(status: u16, description: &str) -> StatusCode {
    StatusCode {
        status,
        description: description.to_owned(),
    }
}

/// Examples as the pages print them: indented JSON.
fn pretty(value: &Value) -> String {
    // Serializing a `Value` to a string cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default()
}
