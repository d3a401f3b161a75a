#!/usr/bin/env python3
"""Generate the dataset that `kumo demo` hunts: two days of synthetic CloudTrail logs.

The logs tell a story: the three AWS accounts of "Northwind Analytics" go about their normal work on
2026-03-10 and 2026-03-11, and an attacker who stole an EC2 instance role through an SSRF walks from
recon to ransomware. See kumo-cli/src/main/resources/dev/kumo/demo/README.md for the story and the
ground truth.

Everything here is invented: accounts, people, keys, IP addresses (documentation ranges for the
company, made-up public addresses elsewhere). The output is deterministic: a fixed seed, fixed times,
and gzip without timestamps or file names, so running the script twice gives byte-identical files.

Usage: python3 tools/demo/generate_demo.py     (Python 3.11+, standard library only)
"""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import sys
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "kumo-cli" / "src" / "main" / "resources" / "dev" / "kumo" / "demo"
INDEX_HEADER = "# Demo dataset files, relative to this folder."

SEED = "northwind-analytics/kumo-demo/v1"
DAY1 = datetime(2026, 3, 10, tzinfo=timezone.utc)
DAY2 = DAY1 + timedelta(days=1)
DAYS = (DAY1, DAY2)
WINDOW = timedelta(minutes=15)


def rng_for(name: str) -> Random:
    """An independent, seeded random stream per component, so tuning one does not reshuffle the rest."""
    return Random(f"{SEED}/{name}")


IDS = rng_for("ids")

# --------------------------------------------------------------------------------------------------
# Organisation
# --------------------------------------------------------------------------------------------------

PROD, DEV, SEC = "111122223333", "444455556666", "777788889999"
ACCOUNT_NAMES = {PROD: "northwind-prod", DEV: "northwind-dev", SEC: "northwind-security"}
EMAIL_DOMAIN = "northwind-analytics.example"

# Egress addresses (documentation ranges): offices and VPN concentrators.
IP_DUBLIN_OFFICE = "198.51.100.24"
IP_EU_VPN = "198.51.100.77"
IP_BERLIN_OFFICE = "198.51.100.142"
IP_NY_OFFICE = "203.0.113.45"
IP_US_VPN = "203.0.113.180"
IP_SF_HOME = "203.0.113.211"
OFFICE_CIDR = "198.51.100.0/24"

# Public addresses of the company's own workloads (NAT gateways, Lambda) and of CI runners.
IP_NAT_PROD_USE1 = "44.213.87.19"
IP_NAT_PROD_EUW1 = "52.49.218.103"
IP_LAMBDA_USE1 = "3.231.170.56"
IP_GITHUB_RUNNERS = ["4.246.131.87", "20.57.44.218", "52.225.73.140"]

# The attacker.
IP_ATTACKER = "45.61.136.20"
EXTERNAL_ACCOUNT = "999988887777"

WEBAPP_INSTANCE = "i-0a1b2c3d4e5f60718"

UA_KALI_BOTO3 = ("Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#6.6.9-amd64 md/arch#x86_64 "
                 "lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51")
UA_HOSTILE = "\u001b[2J\u001b[31mpwned"
UA_REQUESTS = "python-requests/2.31.0"
UA_ATTACKER_BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"

BROWSERS = {
    "mac-chrome": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/122.0.0.0 Safari/537.36",
    "win-chrome": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/122.0.0.0 Safari/537.36",
    "win-edge": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.80",
    "mac-firefox": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.3; rv:123.0) Gecko/20100101 Firefox/123.0",
    "linux-firefox": "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
}

CLI_OS = {
    "mac": ("os/macos#23.3.0 md/arch#arm64", "exe"),
    "win": ("os/windows#10 md/arch#amd64", "msi"),
    "linux": ("os/linux#6.5.0-21-generic md/arch#x86_64", "exe"),
}


def aws_id(prefix: str, rng: Random = IDS) -> str:
    return prefix + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


def hex_id(prefix: str, n: int = 17, rng: Random = IDS) -> str:
    return prefix + "".join(rng.choice("0123456789abcdef") for _ in range(n))


def new_uuid(rng: Random = IDS) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def s3_request_id(rng: Random = IDS) -> str:
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(16))


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def aws_date(t: datetime) -> str:
    """The 'Mar 11, 2026, 2:19:04 AM' form that many responseElements use."""
    hour = t.hour % 12 or 12
    return f"{t:%b} {t.day}, {t.year}, {hour}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"


def epoch_ms(t: datetime) -> int:
    return int(t.timestamp() * 1000)


# --------------------------------------------------------------------------------------------------
# Inventory: what exists in each account, used to fill request parameters
# --------------------------------------------------------------------------------------------------

INV = rng_for("inventory")


@dataclass
class Instance:
    id: str
    name: str
    volume: str


@dataclass
class RegionInv:
    vpc: str
    subnets: list[str]
    sgs: list[str]
    instances: list[Instance] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    clusters: dict[str, list[str]] = field(default_factory=dict)
    log_groups: list[str] = field(default_factory=list)
    db: list[str] = field(default_factory=list)
    stacks: list[str] = field(default_factory=list)
    params: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # alias -> key id


def region_inv(instances, functions=(), clusters=None, log_groups=(), db=(), stacks=(), params=(),
               keys=()) -> RegionInv:
    ri = RegionInv(hex_id("vpc-", rng=INV), [hex_id("subnet-", rng=INV) for _ in range(3)],
                   [hex_id("sg-", rng=INV) for _ in range(4)])
    ri.instances = [Instance(hex_id("i-", rng=INV), n, hex_id("vol-", rng=INV)) for n in instances]
    ri.functions = list(functions)
    ri.clusters = dict(clusters or {})
    ri.log_groups = list(log_groups)
    ri.db = list(db)
    ri.stacks = list(stacks)
    ri.params = list(params)
    ri.keys = {a: new_uuid(INV) for a in keys}
    return ri


INVENTORY: dict[tuple[str, str], RegionInv] = {
    (PROD, "us-east-1"): region_inv(
        ["webapp-2", "webapp-3", "queue-worker-1", "queue-worker-2", "reporting-1", "ops-tools-1",
         "nat-test-1"],
        functions=["nw-nightly-ebs-backup", "exports-notifier", "portal-thumbnailer"],
        clusters={"nw-prod": ["portal-api", "portal-worker"]},
        log_groups=["/aws/lambda/nw-nightly-ebs-backup", "/aws/lambda/exports-notifier", "/ecs/portal-api",
                    "/ecs/portal-worker", "/webapp/application", "/aws/rds/instance/nw-prod-postgres/postgresql"],
        db=["nw-prod-postgres"],
        stacks=["nw-prod-network", "nw-prod-webapp", "nw-prod-portal", "nw-prod-backup"],
        params=["/prod/webapp/feature-flags", "/prod/webapp/db-host", "/prod/portal/api-base-url"],
        keys=["alias/nw-backup-key", "alias/nw-secrets-key", "alias/nw-exports-key"]),
    (PROD, "eu-west-1"): region_inv(
        ["airflow-scheduler-1", "airflow-worker-1"],
        functions=["datalake-compactor", "partition-registrar"],
        clusters={"nw-data": ["etl-hourly"]},
        log_groups=["/ecs/etl-hourly", "/aws/lambda/datalake-compactor", "/airflow/scheduler"],
        stacks=["nw-prod-datalake", "nw-prod-etl"],
        params=["/prod/etl/batch-size", "/prod/etl/warehouse-host"],
        keys=["alias/nw-datalake-key"]),
    (DEV, "us-east-1"): region_inv(
        ["dev-webapp-1", "dev-worker-1", "dev-bastion"],
        functions=["exports-notifier-dev", "portal-thumbnailer-dev", "invoice-renderer-dev"],
        clusters={"nw-dev": ["portal-api-dev"]},
        log_groups=["/aws/lambda/exports-notifier-dev", "/aws/lambda/invoice-renderer-dev", "/ecs/portal-api-dev"],
        stacks=["nw-dev-network", "nw-dev-portal", "nw-dev-lambdas"],
        params=["/dev/webapp/feature-flags", "/dev/portal/api-base-url"],
        keys=["alias/nw-dev-key"]),
    (DEV, "eu-west-1"): region_inv(
        ["dev-airflow-1", "dev-spark-1"],
        functions=["datalake-compactor-dev"],
        log_groups=["/aws/lambda/datalake-compactor-dev", "/airflow/dev-scheduler"],
        stacks=["nw-dev-datalake"],
        params=["/dev/etl/batch-size"],
        keys=["alias/nw-dev-datalake-key"]),
    (DEV, "us-west-2"): region_inv(
        ["ml-sandbox-1", "ml-sandbox-2"],
        functions=["ml-feature-extractor"],
        log_groups=["/aws/lambda/ml-feature-extractor", "/sagemaker/notebooks"],
        stacks=["nw-dev-ml-sandbox"],
        params=["/dev/ml/model-bucket"]),
    (SEC, "us-east-1"): region_inv(
        ["siem-forwarder-1"],
        functions=["guardduty-to-slack", "config-remediator"],
        log_groups=["/aws/lambda/guardduty-to-slack", "/aws/lambda/config-remediator"],
        stacks=["nw-sec-org-trail", "nw-sec-guardduty", "nw-sec-config"],
        params=["/security/slack/channel"],
        keys=["alias/nw-cloudtrail-key"]),
    (SEC, "eu-west-1"): region_inv([], stacks=["nw-sec-config-euw1"]),
}
# The vulnerable web server is the one instance with a fixed id.
INVENTORY[(PROD, "us-east-1")].instances.insert(0, Instance(WEBAPP_INSTANCE, "webapp-1", hex_id("vol-", rng=INV)))

GUARDDUTY_DETECTORS = {(acct, region): hex_id("", 32, INV) for acct in (PROD, DEV, SEC)
                       for region in ("us-east-1", "eu-west-1", "us-west-2")}
PROD_FLOW_LOG = hex_id("fl-", rng=INV)
SSO_SUFFIX = {(acct, ps): hex_id("", 16, INV) for acct in (PROD, DEV, SEC)
              for ps in ("AdministratorAccess", "ReadOnly", "DataAnalyst")}

BUCKETS = {  # name -> (account, region, SSE)
    "nw-customer-exports": (PROD, "us-east-1", "AES256"),
    "nw-webapp-assets-prod": (PROD, "us-east-1", "AES256"),
    "nw-prod-deploy-artifacts": (PROD, "us-east-1", "AES256"),
    "nw-prod-datalake-raw": (PROD, "eu-west-1", "aws:kms"),
    "nw-prod-datalake-curated": (PROD, "eu-west-1", "aws:kms"),
    "nw-prod-athena-results": (PROD, "eu-west-1", "aws:kms"),
    "nw-dev-sandbox": (DEV, "eu-west-1", "AES256"),
    "nw-dev-artifacts": (DEV, "us-east-1", "AES256"),
    "nw-cloudtrail-logs-777788889999": (SEC, "us-east-1", "aws:kms"),
    "nw-config-history-777788889999": (SEC, "us-east-1", "aws:kms"),
}
DATA_EVENT_ACCOUNTS = {PROD}  # the trail records S3 data events for the production buckets only

CUSTOMERS = ["acme-retail", "blue-harbor-bank", "cobalt-logistics", "delta-health", "evergreen-foods",
             "fjord-insurance", "granite-telecom", "helios-energy", "ironwood-media", "juniper-travel",
             "kestrel-pharma", "lumen-education"]
EXPORT_FILES = ["orders.csv.gz", "customers.csv.gz", "invoices.csv.gz", "support_tickets.csv.gz"]
CURATED_TABLES = ["orders", "order_items", "customers", "invoices", "web_sessions", "product_catalog",
                  "support_tickets", "marketing_events"]
RAW_SOURCES = ["webapp-events", "crm-sync", "billing-export", "support-desk"]

SECRETS = [f"prod/{name}" for name in (
    "webapp/db-password", "payments/stripe-api-key", "etl/warehouse-credentials", "crm/salesforce-token",
    "smtp/sendgrid-api-key", "analytics/snowflake-svc", "github/deploy-key", "datadog/api-key",
    "portal/jwt-signing-key", "reporting/postgres-readonly", "partner-sftp/credentials",
    "slack/alerts-webhook")]
SECRET_SUFFIX = {s: "".join(INV.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                            for _ in range(6)) for s in SECRETS}


def secret_arn(name: str) -> str:
    return f"arn:aws:secretsmanager:us-east-1:{PROD}:secret:{name}-{SECRET_SUFFIX[name]}"


def key_arn(acct: str, region: str, alias: str) -> str:
    return f"arn:aws:kms:{region}:{acct}:key/{INVENTORY[(acct, region)].keys[alias]}"


# Snapshots made by the nightly backup job before the two days we show.
OLD_SNAPSHOTS: list[tuple[str, datetime]] = []
for _days_ago in range(10, 0, -1):
    for _ in range(2):
        OLD_SNAPSHOTS.append((hex_id("snap-", rng=INV), DAY1 - timedelta(days=_days_ago) + timedelta(hours=2)))

# --------------------------------------------------------------------------------------------------
# Principals and identities
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    account: str
    name: str
    path: str = "/"
    aroa: str = ""

    @property
    def arn(self) -> str:
        return f"arn:aws:iam::{self.account}:role{self.path}{self.name}"


ROLE_IDS: dict[tuple[str, str], str] = {}


def role(account: str, name: str, path: str = "/") -> Role:
    key = (account, name)
    if key not in ROLE_IDS:
        ROLE_IDS[key] = aws_id("AROA", INV)
    return Role(account, name, path, ROLE_IDS[key])


def sso_role(account: str, permission_set: str) -> Role:
    return role(account, f"AWSReservedSSO_{permission_set}_{SSO_SUFFIX[(account, permission_set)]}",
                "/aws-reserved/sso.amazonaws.com/eu-west-1/")


def service_linked_role(account: str, service: str, name: str) -> Role:
    return role(account, name, f"/aws-service-role/{service}/")


def assumed_role_identity(r: Role, session: str, key: str, created: datetime, *, mfa: bool = False,
                          ec2_delivery: str | None = None, invoked_by: str | None = None,
                          web_identity: bool = False) -> dict:
    ctx: dict = {
        "sessionIssuer": {"type": "Role", "principalId": r.aroa, "arn": r.arn, "accountId": r.account,
                          "userName": r.name},
    }
    if web_identity:
        ctx["webIdFederationData"] = {}
    ctx["attributes"] = {"creationDate": iso(created), "mfaAuthenticated": "true" if mfa else "false"}
    if ec2_delivery:
        ctx["ec2RoleDelivery"] = ec2_delivery
    ui = {"type": "AssumedRole", "principalId": f"{r.aroa}:{session}",
          "arn": f"arn:aws:sts::{r.account}:assumed-role/{r.name}/{session}", "accountId": r.account,
          "accessKeyId": key, "sessionContext": ctx}
    if invoked_by:
        ui["invokedBy"] = invoked_by
    return ui


@dataclass(frozen=True)
class IamUser:
    account: str
    name: str
    aida: str

    @property
    def arn(self) -> str:
        return f"arn:aws:iam::{self.account}:user/{self.name}"


def iam_user_identity(u: IamUser, key: str | None, *, session_created: datetime | None = None,
                      mfa: bool = False) -> dict:
    ui = {"type": "IAMUser", "principalId": u.aida, "arn": u.arn, "accountId": u.account}
    if key is not None:
        ui["accessKeyId"] = key
    ui["userName"] = u.name
    if session_created is not None:
        ui["sessionContext"] = {"attributes": {"creationDate": iso(session_created),
                                               "mfaAuthenticated": "true" if mfa else "false"}}
    return ui


def aws_service_identity(service: str) -> dict:
    return {"type": "AWSService", "invokedBy": service}


# --------------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------------


@dataclass
class Event:
    time: datetime
    account: str
    region: str
    record: dict
    step: str  # "" for background, "LA" for a benign look-alike, "1".."7" for the attack steps
    seq: int


EVENTS: list[Event] = []

GLOBAL_HOSTS = {"iam": "iam.amazonaws.com", "signin": "signin.aws.amazon.com"}
HOST_PREFIX = {"ecr": "api.ecr", "monitoring": "monitoring", "access-analyzer": "access-analyzer"}


def host_for(service: str, region: str) -> str:
    if service in GLOBAL_HOSTS:
        return GLOBAL_HOSTS[service]
    return f"{HOST_PREFIX.get(service, service)}.{region}.amazonaws.com"


@dataclass
class Caller:
    """Who makes a call, from where, with what client."""
    identity: dict
    ip: str
    ua: str | None = None               # fixed user agent, or None to derive one per call
    cli: tuple[str, str] | None = None  # (os metadata, installer) for AWS CLI v2 user agents
    console: bool = False
    tls13: bool = True

    def user_agent(self, service: str, name: str) -> str:
        if self.ua is not None:
            return self.ua
        assert self.cli is not None
        os_md, installer = self.cli
        command = f"{CLI_SERVICE.get(service, service)}.{kebab(name)}"
        return (f"aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 {os_md} lang/python#3.11.8 md/pyimpl#CPython "
                f"cfg/retry-mode#standard md/installer#{installer} md/prompt#off md/command#{command}")


CLI_SERVICE = {"monitoring": "cloudwatch", "s3": "s3api", "ecr": "ecr", "access-analyzer": "accessanalyzer",
               "servicequotas": "service-quotas"}


def kebab(name: str) -> str:
    name = re.sub(r"\d{8}(v\d+)?$", "", name)
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


TLS13 = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256"}
TLS12 = {"tlsVersion": "TLSv1.2", "cipherSuite": "ECDHE-RSA-AES128-GCM-SHA256"}


def emit(t: datetime, account: str, region: str, caller: Caller | None, source: str, name: str, *,
         req=None, resp=None, read_only: bool | None = None, error: tuple[str, str] | None = None,
         resources: list | None = None, extra: dict | None = None, category: str = "Management",
         event_type: str = "AwsApiCall", step: str = "", identity: dict | None = None,
         ip: str | None = None, ua: str | None = None, host: str | None = None,
         request_id: str | None | bool = True, shared_event_id: bool = False,
         service_event_details: dict | None = None) -> dict:
    """Append one CloudTrail record, with keys in the order CloudTrail writes them."""
    service = source.split(".")[0]
    if caller is not None:
        identity = caller.identity
        ip = caller.ip
        ua = caller.user_agent(service, name)
    rec: dict = {"eventVersion": "1.09", "userIdentity": identity, "eventTime": iso(t),
                 "eventSource": source, "eventName": name, "awsRegion": region,
                 "sourceIPAddress": ip, "userAgent": ua}
    if error:
        rec["errorCode"], rec["errorMessage"] = error
    if event_type != "AwsServiceEvent":
        rec["requestParameters"] = req
        rec["responseElements"] = resp
    if extra is not None:
        rec["additionalEventData"] = extra
    if request_id is True:
        rec["requestID"] = s3_request_id() if service == "s3" else new_uuid()
    elif isinstance(request_id, str):
        rec["requestID"] = request_id
    rec["eventID"] = new_uuid()
    if read_only is not None:
        rec["readOnly"] = read_only
    if resources:
        rec["resources"] = resources
    rec["eventType"] = event_type
    rec["managementEvent"] = category == "Management"
    rec["recipientAccountId"] = account
    if shared_event_id:
        rec["sharedEventID"] = new_uuid()
    if service_event_details is not None:
        rec["serviceEventDetails"] = service_event_details
    rec["eventCategory"] = category
    if caller is not None and not caller.ip.endswith(".amazonaws.com") and caller.ip != "AWS Internal":
        tls = dict(TLS13 if caller.tls13 else TLS12)
        tls["clientProvidedHostHeader"] = host or host_for(service, region)
        rec["tlsDetails"] = tls
    if caller is not None and caller.console:
        rec["sessionCredentialFromConsole"] = "true"
    EVENTS.append(Event(t, account, region, rec, step, len(EVENTS)))
    return rec


def access_denied(caller: Caller, service: str, action: str, resource: str) -> tuple[str, str]:
    arn = caller.identity.get("arn", "")
    if service == "ec2":
        return ("Client.UnauthorizedOperation",
                f"You are not authorized to perform this operation. User: {arn} is not authorized to perform: "
                f"ec2:{action} on resource: {resource} because no identity-based policy allows the "
                f"ec2:{action} action.")
    if service == "s3":
        return ("AccessDenied", "Access Denied")
    code = "AccessDenied" if service in ("iam", "sts") else "AccessDeniedException"
    iam_prefix = {"monitoring": "cloudwatch", "ecr": "ecr", "access-analyzer": "access-analyzer"}.get(service, service)
    return (code, f"User: {arn} is not authorized to perform: {iam_prefix}:{action} on resource: {resource} "
                  f"because no identity-based policy allows the {iam_prefix}:{action} action")


# --------------------------------------------------------------------------------------------------
# S3 helpers
# --------------------------------------------------------------------------------------------------


def s3_host(bucket: str) -> str:
    return f"{bucket}.s3.{BUCKETS[bucket][1]}.amazonaws.com"


def s3_extra(bytes_in: int = 0, bytes_out: int = 0, anonymous: bool = False) -> dict:
    if anonymous:
        return {"CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": bytes_in,
                "bytesTransferredOut": bytes_out}
    return {"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": bytes_in,
            "AuthenticationMethod": "AuthHeader", "bytesTransferredOut": bytes_out}


def s3_bucket_resource(bucket: str) -> dict:
    return {"accountId": BUCKETS[bucket][0], "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"}


def s3_object(t: datetime, caller: Caller, op: str, bucket: str, key: str, *, size: int = 0, step: str = "",
              version_id: str | None = None, error: tuple[str, str] | None = None,
              anonymous: bool = False) -> dict | None:
    acct, region, sse = BUCKETS[bucket]
    if acct not in DATA_EVENT_ACCOUNTS:
        return None
    req = {"bucketName": bucket, "Host": s3_host(bucket), "key": key}
    if version_id:
        req["versionId"] = version_id
    resp = None
    if op == "PutObject" and not error:
        resp = {"x-amz-server-side-encryption": sse}
        if sse == "aws:kms":
            resp["x-amz-server-side-encryption-aws-kms-key-id"] = key_arn(acct, region, "alias/nw-datalake-key")
            resp["x-amz-server-side-encryption-bucket-key-enabled"] = "true"
    read_only = op in ("GetObject", "HeadObject")
    extra = s3_extra(bytes_in=size if op == "PutObject" else 0, bytes_out=size if op == "GetObject" else 0,
                     anonymous=anonymous)
    resources = [{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::{bucket}/{key}"}, s3_bucket_resource(bucket)]
    return emit(t, acct, region, caller, "s3.amazonaws.com", op, req=req, resp=resp, read_only=read_only,
                error=error, resources=resources, extra=extra, category="Data", step=step, host=s3_host(bucket))


def s3_list(t: datetime, caller: Caller, bucket: str, prefix: str, *, step: str = "", versions: bool = False,
            error: tuple[str, str] | None = None) -> dict | None:
    acct, region, _ = BUCKETS[bucket]
    if acct not in DATA_EVENT_ACCOUNTS:
        return None
    if versions:
        req = {"bucketName": bucket, "Host": s3_host(bucket), "versions": "", "prefix": prefix}
        name = "ListObjectVersions"
    else:
        req = {"list-type": "2", "bucketName": bucket, "Host": s3_host(bucket), "prefix": prefix,
               "delimiter": "/", "encoding-type": "url"}
        name = "ListObjects"
    return emit(t, acct, region, caller, "s3.amazonaws.com", name, req=req, read_only=True, error=error,
                resources=[s3_bucket_resource(bucket)], extra=s3_extra(bytes_out=4 * 1024 + len(prefix) * 37),
                category="Data", step=step, host=s3_host(bucket))


def s3_bucket_call(t: datetime, caller: Caller, name: str, bucket: str, *, req_extra: dict | None = None,
                   read_only: bool = True, step: str = "", error: tuple[str, str] | None = None,
                   bytes_in: int = 0) -> dict:
    acct, region, _ = BUCKETS[bucket]
    req = {"bucketName": bucket, "Host": s3_host(bucket)}
    req.update(req_extra or {})
    return emit(t, acct, region, caller, "s3.amazonaws.com", name, req=req, read_only=read_only, error=error,
                resources=[s3_bucket_resource(bucket)], extra=s3_extra(bytes_in=bytes_in), step=step,
                host=s3_host(bucket))


def kms_via_service(t: datetime, acct: str, region: str, principal: dict, service: str, op: str, key: str,
                    context: dict, step: str = "") -> dict:
    ui = dict(principal)
    ui["invokedBy"] = service
    req = {"encryptionContext": context}
    if op == "GenerateDataKey":
        req = {"keyId": key, "encryptionContext": context, "keySpec": "AES_256"}
    else:
        req["encryptionAlgorithm"] = "SYMMETRIC_DEFAULT"
    return emit(t, acct, region, None, "kms.amazonaws.com", op, req=req, read_only=True, identity=ui, ip=service,
                ua=service, resources=[{"accountId": acct, "type": "AWS::KMS::Key", "ARN": key}], step=step)


# --------------------------------------------------------------------------------------------------
# API catalogue for human sessions: each entry builds requestParameters for one call
# --------------------------------------------------------------------------------------------------


@dataclass
class Call:
    service: str
    name: str
    read_only: bool
    req: dict | None = None
    resp: dict | None = None
    resources: list | None = None
    resource_arn: str = "*"
    ec2_style: bool = False  # EC2 answers with a requestId inside responseElements


def pick(r: Random, items):
    return items[r.randrange(len(items))]


def api_call(r: Random, name: str, acct: str, region: str) -> Call:
    inv = INVENTORY[(acct, region)]
    inst = pick(r, inv.instances) if inv.instances else None
    match name:
        case "DescribeInstances":
            if inst and r.random() < 0.4:
                return Call("ec2", name, True, {"instancesSet": {"items": [{"instanceId": inst.id}]}, "filterSet": {}})
            return Call("ec2", name, True, {"instancesSet": {}, "filterSet": {}})
        case "DescribeInstanceStatus":
            return Call("ec2", name, True, {"instancesSet": {}, "filterSet": {}, "includeAllInstances": False})
        case "DescribeSecurityGroups":
            return Call("ec2", name, True, {"securityGroupSet": {}, "securityGroupIdSet": {}, "filterSet": {
                "items": [{"name": "vpc-id", "valueSet": {"items": [{"value": inv.vpc}]}}]}})
        case "DescribeSecurityGroupRules":
            return Call("ec2", name, True, {"DescribeSecurityGroupRulesRequest": {"Filter": {
                "Name": "group-id", "Value": {"content": pick(r, inv.sgs), "tag": 1}, "tag": 1}}})
        case "DescribeVpcs":
            return Call("ec2", name, True, {"vpcSet": {}, "filterSet": {}})
        case "DescribeSubnets":
            return Call("ec2", name, True, {"subnetSet": {}, "filterSet": {
                "items": [{"name": "vpc-id", "valueSet": {"items": [{"value": inv.vpc}]}}]}})
        case "DescribeVolumes":
            return Call("ec2", name, True, {"volumeSet": {}, "filterSet": {}})
        case "DescribeSnapshots":
            return Call("ec2", name, True, {"snapshotSet": {}, "ownersSet": {"items": [{"owner": "self"}]},
                                            "sharedUsersSet": {}, "filterSet": {}})
        case "DescribeAddresses":
            return Call("ec2", name, True, {"publicIpsSet": {}, "allocationIdsSet": {}, "filterSet": {}})
        case "DescribeImages":
            return Call("ec2", name, True, {"executableBySet": {}, "imagesSet": {},
                                            "ownersSet": {"items": [{"owner": "self"}]}, "filterSet": {}})
        case "GetConsoleOutput":
            return Call("ec2", name, True, {"instanceId": inst.id}, resource_arn=f"arn:aws:ec2:{region}:{acct}:instance/{inst.id}")
        case "CreateTags":
            return Call("ec2", name, False, {"resourcesSet": {"items": [{"resourceId": inst.id}]}, "tagSet": {
                "items": [{"key": pick(r, ["Owner", "CostCenter", "Ticket"]),
                           "value": pick(r, ["platform", "data", "OPS-2291", "OPS-2307", "cc-4410"])}]}},
                        {"_return": True}, ec2_style=True,
                        resource_arn=f"arn:aws:ec2:{region}:{acct}:instance/{inst.id}")
        case "RebootInstances":
            return Call("ec2", name, False, {"instancesSet": {"items": [{"instanceId": inst.id}]}},
                        {"_return": True}, ec2_style=True,
                        resource_arn=f"arn:aws:ec2:{region}:{acct}:instance/{inst.id}")
        case "StopInstances" | "StartInstances":
            states = ({"code": 64, "name": "stopping"}, {"code": 16, "name": "running"}) if name == "StopInstances" \
                else ({"code": 0, "name": "pending"}, {"code": 80, "name": "stopped"})
            req = {"instancesSet": {"items": [{"instanceId": inst.id}]}}
            if name == "StopInstances":
                req["force"] = False
            return Call("ec2", name, False, req, {"instancesSet": {"items": [{
                "instanceId": inst.id, "currentState": states[0], "previousState": states[1]}]}}, ec2_style=True,
                        resource_arn=f"arn:aws:ec2:{region}:{acct}:instance/{inst.id}")
        case "ListBuckets":
            return Call("s3", name, True, {"Host": "s3.amazonaws.com"})
        case "GetBucketPolicy" | "GetBucketEncryption" | "GetBucketVersioning" | "GetBucketPublicAccessBlock" \
                | "GetBucketLocation" | "GetBucketTagging" | "GetBucketLifecycle":
            own = [b for b, (a, _, _) in BUCKETS.items() if a == acct]
            b = pick(r, own)
            sub = {"GetBucketPolicy": "policy", "GetBucketEncryption": "encryption",
                   "GetBucketVersioning": "versioning", "GetBucketPublicAccessBlock": "publicAccessBlock",
                   "GetBucketLocation": "location", "GetBucketTagging": "tagging",
                   "GetBucketLifecycle": "lifecycle"}[name]
            return Call("s3", name, True, {"bucketName": b, "Host": s3_host(b), sub: ""},
                        resources=[s3_bucket_resource(b)])
        case "ListRoles":
            return Call("iam", name, True, {"maxItems": 1000} if r.random() < 0.5 else None)
        case "GetRole" | "ListAttachedRolePolicies" | "ListRolePolicies":
            rn = pick(r, ["webapp-ec2-role", "nw-etl-task-role", "github-actions-deploy", "nw-backup-lambda-role",
                          "portal-api-task-role"] if acct == PROD else
                      ["github-actions-deploy", "dev-webapp-role", "lambda-dev-exec"])
            return Call("iam", name, True, {"roleName": rn}, resource_arn=f"arn:aws:iam::{acct}:role/{rn}")
        case "ListPolicies":
            return Call("iam", name, True, {"scope": "Local", "onlyAttached": False, "maxItems": 100})
        case "GetPolicyVersion":
            pol = pick(r, ["webapp-s3-access", "etl-datalake-rw", "deploy-portal", "backup-snapshots"])
            return Call("iam", name, True, {"policyArn": f"arn:aws:iam::{acct}:policy/{pol}", "versionId": "v3"})
        case "ListUsers":
            return Call("iam", name, True, None)
        case "GetAccountSummary":
            return Call("iam", name, True, None)
        case "GetCallerIdentity":
            return Call("sts", name, True, None)
        case "ListFunctions20150331":
            return Call("lambda", name, True, {"functionVersion": "ALL"} if r.random() < 0.3 else None)
        case "GetFunction20150331v2" | "GetFunctionConfiguration20150331v2" | "ListVersionsByFunction20150331":
            fn = pick(r, inv.functions)
            return Call("lambda", name, True, {"functionName": fn},
                        resource_arn=f"arn:aws:lambda:{region}:{acct}:function:{fn}")
        case "UpdateFunctionConfiguration20150331v2":
            fn = pick(r, inv.functions)
            return Call("lambda", name, False, {"functionName": fn, "timeout": pick(r, [30, 60, 120]),
                                                "memorySize": pick(r, [256, 512, 1024])},
                        {"functionName": fn, "functionArn": f"arn:aws:lambda:{region}:{acct}:function:{fn}",
                         "runtime": "python3.12", "timeout": 60, "memorySize": 512, "state": "Active",
                         "lastUpdateStatus": "InProgress"},
                        resource_arn=f"arn:aws:lambda:{region}:{acct}:function:{fn}")
        case "DescribeLogGroups":
            return Call("logs", name, True, {"limit": 50} if r.random() < 0.5 else
                        {"logGroupNamePrefix": pick(r, inv.log_groups).rsplit("/", 1)[0]})
        case "DescribeLogStreams":
            return Call("logs", name, True, {"logGroupName": pick(r, inv.log_groups), "orderBy": "LastEventTime",
                                             "descending": True, "limit": 50})
        case "FilterLogEvents":
            return Call("logs", name, True, {"logGroupName": pick(r, inv.log_groups), "filterPattern":
                                             pick(r, ["ERROR", "\"Task timed out\"", "Exception", "status=500", ""]),
                                             "interleaved": True})
        case "GetLogEvents":
            return Call("logs", name, True, {"logGroupName": pick(r, inv.log_groups),
                                             "logStreamName": hex_id("", 32, r), "startFromHead": False})
        case "StartQuery":
            return Call("logs", name, True, {"logGroupNames": [pick(r, inv.log_groups)],
                                             "queryString": "fields @timestamp, @message | filter @message like /ERROR/ "
                                                            "| sort @timestamp desc | limit 100",
                                             "startTime": 1773100000, "endTime": 1773186400},
                        {"queryId": new_uuid(r)})
        case "GetMetricData":
            return Call("monitoring", name, True, {"startTime": "", "endTime": "", "metricDataQueries": [
                {"id": "m1", "metricStat": {"metric": {"namespace": pick(r, ["AWS/EC2", "AWS/ECS", "AWS/Lambda", "AWS/RDS"]),
                                                       "metricName": pick(r, ["CPUUtilization", "Errors", "Duration",
                                                                              "DatabaseConnections"])},
                                            "period": 300, "stat": "Average"}}]})
        case "DescribeAlarms":
            return Call("monitoring", name, True, {"maxRecords": 100, "stateValue": "ALARM"}
                        if r.random() < 0.5 else {"maxRecords": 100})
        case "ListClusters":
            return Call("ecs", name, True, None)
        case "ListServices" | "ListTasks":
            cl = pick(r, list(inv.clusters)) if inv.clusters else "default"
            return Call("ecs", name, True, {"cluster": cl})
        case "DescribeServices":
            cl = pick(r, list(inv.clusters)) if inv.clusters else "default"
            svc = pick(r, inv.clusters.get(cl, ["default"]))
            return Call("ecs", name, True, {"cluster": cl, "services": [svc]})
        case "DescribeTasks":
            cl = pick(r, list(inv.clusters)) if inv.clusters else "default"
            return Call("ecs", name, True, {"cluster": cl, "tasks": [hex_id("", 32, r)]})
        case "DescribeTaskDefinition":
            cl = pick(r, list(inv.clusters)) if inv.clusters else "default"
            svc = pick(r, inv.clusters.get(cl, ["default"]))
            return Call("ecs", name, True, {"taskDefinition": svc})
        case "DescribeDBInstances":
            return Call("rds", name, True, {"dBInstanceIdentifier": inv.db[0]} if inv.db and r.random() < 0.5 else None)
        case "DescribeDBClusters":
            return Call("rds", name, True, None)
        case "DescribeStacks" | "ListStackResources" | "DescribeStackEvents" | "GetTemplate":
            st = pick(r, inv.stacks) if inv.stacks else "default"
            return Call("cloudformation", name, True, {"stackName": st} if name != "DescribeStacks" or r.random() < 0.6
                        else None)
        case "ListStacks":
            return Call("cloudformation", name, True, {"stackStatusFilter": ["CREATE_COMPLETE", "UPDATE_COMPLETE"]})
        case "ListKeys" | "ListAliases":
            return Call("kms", name, True, {"limit": 100} if name == "ListAliases" else None)
        case "DescribeKey":
            if not inv.keys:
                return Call("kms", "ListAliases", True, None)
            alias = pick(r, list(inv.keys))
            return Call("kms", name, True, {"keyId": alias},
                        resources=[{"accountId": acct, "type": "AWS::KMS::Key", "ARN": key_arn(acct, region, alias)}])
        case "ListSecrets":
            return Call("secretsmanager", name, True, {"maxResults": 100})
        case "DescribeSecret":
            s = pick(r, SECRETS) if acct == PROD else f"{'dev' if acct == DEV else 'security'}/app/config"
            return Call("secretsmanager", name, True, {"secretId": s})
        case "GetParameter" | "GetParameters":
            p = pick(r, inv.params) if inv.params else "/shared/config"
            if name == "GetParameters":
                return Call("ssm", name, True, {"names": [p], "withDecryption": False})
            return Call("ssm", name, True, {"name": p, "withDecryption": r.random() < 0.5})
        case "DescribeParameters":
            return Call("ssm", name, True, {"maxResults": 50})
        case "PutParameter":
            p = pick(r, inv.params) if inv.params else "/shared/config"
            return Call("ssm", name, False, {"name": p, "type": "String", "overwrite": True},
                        {"version": r.randint(4, 40), "tier": "Standard"})
        case "DescribeInstanceInformation":
            return Call("ssm", name, True, {"maxResults": 50})
        case "UpdateService":
            cl = pick(r, list(inv.clusters)) if inv.clusters else "default"
            svc = pick(r, inv.clusters.get(cl, ["default"]))
            return Call("ecs", name, False, {"cluster": cl, "service": svc, "desiredCount": pick(r, [1, 2, 3]),
                                             "forceNewDeployment": False}, None)
        case "ListDetectors":
            return Call("guardduty", name, True, None)
        case "ListFindings" | "GetFindings":
            det = GUARDDUTY_DETECTORS[(acct, region)] if (acct, region) in GUARDDUTY_DETECTORS else hex_id("", 32, r)
            if name == "ListFindings":
                return Call("guardduty", name, True, {"detectorId": det, "maxResults": 50, "sortCriteria": {
                    "attributeName": "updatedAt", "orderBy": "DESC"}})
            return Call("guardduty", name, True, {"detectorId": det, "findingIds": [hex_id("", 32, r)]})
        case "GetFindingsSH":
            return Call("securityhub", "GetFindings", True, {"filters": {"RecordState": [
                {"Value": "ACTIVE", "Comparison": "EQUALS"}], "SeverityLabel": [
                {"Value": "HIGH", "Comparison": "EQUALS"}]}, "maxResults": 100})
        case "DescribeTrails" | "GetTrailStatus":
            return Call("cloudtrail", name, True, {"trailNameList": []} if name == "DescribeTrails" else
                        {"name": f"arn:aws:cloudtrail:us-east-1:{SEC}:trail/nw-org-trail"})
        case "LookupEvents":
            return Call("cloudtrail", name, True, {"maxResults": 50, "lookupAttributes": [
                {"attributeKey": "EventName", "attributeValue": pick(r, ["ConsoleLogin", "CreateUser", "AssumeRole"])}]})
        case "ListAnalyzers":
            return Call("access-analyzer", name, True, {"type": "ORGANIZATION"})
        case "ListFindingsAA":
            return Call("access-analyzer", "ListFindings", True, {
                "analyzerArn": f"arn:aws:access-analyzer:us-east-1:{SEC}:analyzer/nw-org-analyzer", "maxResults": 50})
        case "DescribeConfigRules" | "DescribeComplianceByConfigRule":
            return Call("config", name, True, None)
        case "StartQueryExecution":
            q = pick(r, CURATED_TABLES)
            return Call("athena", name, False, {"queryString": f"SELECT date_trunc('day', created_at) AS day, count(*) "
                                                              f"FROM curated.{q} WHERE dt >= '2026-03-01' GROUP BY 1 ORDER BY 1",
                                                "clientRequestToken": new_uuid(r), "queryExecutionContext": {
                                                    "database": "curated", "catalog": "AwsDataCatalog"},
                                                "workGroup": "analysts"},
                        {"queryExecutionId": new_uuid(r)})
        case "GetQueryExecution" | "GetQueryResults":
            return Call("athena", name, True, {"queryExecutionId": new_uuid(r)})
        case "GetDatabases":
            return Call("glue", name, True, {"catalogId": acct})
        case "GetTables" | "GetTable" | "GetPartitions":
            req = {"catalogId": acct, "databaseName": "curated"}
            if name == "GetTable":
                req["name"] = pick(r, CURATED_TABLES)
            elif name == "GetPartitions":
                req["tableName"] = pick(r, CURATED_TABLES)
            return Call("glue", name, True, req)
    raise ValueError(f"no template for {name}")


TASKS = {
    "ec2-look": ["DescribeInstances", "DescribeInstanceStatus", "DescribeSecurityGroups", "DescribeVolumes",
                 "GetMetricData", "DescribeSubnets", "DescribeAddresses", "DescribeSecurityGroupRules"],
    "ec2-debug": ["DescribeInstances", "GetConsoleOutput", "DescribeLogStreams", "FilterLogEvents", "GetMetricData",
                  "DescribeInstanceInformation"],
    "iam-review": ["ListRoles", "GetRole", "ListAttachedRolePolicies", "ListRolePolicies", "GetPolicyVersion",
                   "ListPolicies", "GetAccountSummary"],
    "lambda": ["ListFunctions20150331", "GetFunction20150331v2", "GetFunctionConfiguration20150331v2",
               "DescribeLogStreams", "FilterLogEvents", "GetLogEvents", "GetMetricData"],
    "ecs": ["ListClusters", "ListServices", "DescribeServices", "ListTasks", "DescribeTasks",
            "DescribeTaskDefinition", "FilterLogEvents"],
    "db": ["DescribeDBInstances", "DescribeDBClusters", "GetMetricData", "DescribeAlarms"],
    "cfn": ["DescribeStacks", "ListStacks", "DescribeStackEvents", "ListStackResources", "GetTemplate"],
    "s3-config": ["ListBuckets", "GetBucketLocation", "GetBucketPolicy", "GetBucketEncryption",
                  "GetBucketVersioning", "GetBucketPublicAccessBlock", "GetBucketTagging"],
    "secrets": ["ListSecrets", "DescribeSecret", "DescribeParameters", "GetParameter", "ListAliases", "DescribeKey"],
    "monitoring": ["DescribeAlarms", "GetMetricData", "DescribeLogGroups", "StartQuery", "GetMetricData"],
    "security": ["ListDetectors", "ListFindings", "GetFindings", "GetFindingsSH", "DescribeTrails", "GetTrailStatus",
                 "LookupEvents", "ListAnalyzers", "ListFindingsAA", "DescribeComplianceByConfigRule",
                 "DescribeConfigRules"],
    "analytics": ["GetDatabases", "GetTables", "GetTable", "StartQueryExecution", "GetQueryExecution",
                  "GetQueryExecution", "GetQueryResults", "GetPartitions"],
}
WRITES = {
    "admin": ["CreateTags", "RebootInstances", "UpdateFunctionConfiguration20150331v2", "PutParameter",
              "UpdateService", "StopInstances", "StartInstances"],
    "readonly": ["CreateTags", "RebootInstances", "PutParameter", "UpdateService",
                 "UpdateFunctionConfiguration20150331v2"],
}


# --------------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------------


@dataclass
class Person:
    handle: str
    kind: str                     # "sso" or "iam"
    utc_offset: float             # hours
    access: list[tuple[str, str, float]]   # (account, permission set or "iam", weight)
    regions: dict[str, list[tuple[str, float]]]  # account -> [(region, weight)]
    tasks: list[str]
    ips: list[str]
    os: str
    browser: str
    console_share: float
    write_rate: float
    terraform: bool = False


PEOPLE = [
    Person("priya.raman", "sso", 0, [(PROD, "AdministratorAccess", 0.5), (DEV, "AdministratorAccess", 0.3),
                                     (SEC, "ReadOnly", 0.2)],
           {PROD: [("us-east-1", 0.5), ("eu-west-1", 0.5)], DEV: [("eu-west-1", 0.6), ("us-east-1", 0.4)],
            SEC: [("us-east-1", 1.0)]},
           ["ec2-look", "ecs", "iam-review", "cfn", "monitoring", "s3-config", "ec2-debug"],
           [IP_DUBLIN_OFFICE, IP_DUBLIN_OFFICE, IP_EU_VPN], "mac", "mac-chrome", 0.4, 0.06),
    Person("liam.oconnor", "sso", 0, [(DEV, "AdministratorAccess", 0.7), (PROD, "ReadOnly", 0.3)],
           {DEV: [("eu-west-1", 0.7), ("us-east-1", 0.3)], PROD: [("eu-west-1", 0.6), ("us-east-1", 0.4)]},
           ["lambda", "ecs", "cfn", "monitoring", "ec2-look"],
           [IP_DUBLIN_OFFICE, IP_EU_VPN], "linux", "linux-firefox", 0.3, 0.08, terraform=True),
    Person("sofia.marin", "sso", 1, [(PROD, "DataAnalyst", 1.0)], {PROD: [("eu-west-1", 1.0)]},
           ["analytics", "analytics", "s3-config"], [IP_EU_VPN], "win", "win-edge", 0.7, 0.0),
    Person("aoife.byrne", "sso", 0, [(SEC, "AdministratorAccess", 0.6), (PROD, "ReadOnly", 0.25),
                                     (DEV, "ReadOnly", 0.15)],
           {SEC: [("us-east-1", 0.85), ("eu-west-1", 0.15)], PROD: [("us-east-1", 0.6), ("eu-west-1", 0.4)],
            DEV: [("us-east-1", 1.0)]},
           ["security", "security", "iam-review", "s3-config"], [IP_DUBLIN_OFFICE, IP_EU_VPN], "mac",
           "mac-firefox", 0.6, 0.0),
    Person("jonas.weber", "sso", 1, [(DEV, "AdministratorAccess", 0.8), (PROD, "ReadOnly", 0.2)],
           {DEV: [("eu-west-1", 0.8), ("us-east-1", 0.2)], PROD: [("eu-west-1", 1.0)]},
           ["lambda", "ecs", "monitoring", "db", "ec2-look"], [IP_BERLIN_OFFICE, IP_EU_VPN], "linux",
           "linux-firefox", 0.25, 0.08, terraform=True),
    Person("m.schmidt", "iam", 1, [(DEV, "iam", 1.0)], {DEV: [("eu-west-1", 0.7), ("us-east-1", 0.3)]},
           ["ec2-look", "lambda", "cfn", "ec2-debug"], [IP_BERLIN_OFFICE], "win", "win-chrome", 0.5, 0.07),
    Person("d.okafor", "iam", -4, [(PROD, "iam", 1.0)], {PROD: [("us-east-1", 0.9), ("eu-west-1", 0.1)]},
           ["ec2-look", "ec2-debug", "db", "monitoring", "ecs"], [IP_NY_OFFICE, IP_US_VPN], "mac", "mac-chrome",
           0.6, 0.05),
    Person("emily.chen", "sso", -4, [(PROD, "AdministratorAccess", 0.6), (DEV, "AdministratorAccess", 0.4)],
           {PROD: [("us-east-1", 0.85), ("eu-west-1", 0.15)], DEV: [("us-east-1", 1.0)]},
           ["ecs", "lambda", "cfn", "secrets", "monitoring", "iam-review"], [IP_NY_OFFICE, IP_US_VPN], "mac",
           "mac-chrome", 0.35, 0.06),
    Person("marcus.lee", "sso", -4, [(PROD, "ReadOnly", 0.6), (DEV, "ReadOnly", 0.4)],
           {PROD: [("us-east-1", 1.0)], DEV: [("us-east-1", 1.0)]},
           ["ec2-look", "db", "monitoring", "s3-config", "secrets"], [IP_NY_OFFICE], "win", "win-chrome", 0.6, 0.05),
    Person("r.patel", "sso", -7, [(DEV, "AdministratorAccess", 1.0)], {DEV: [("us-west-2", 0.8), ("us-east-1", 0.2)]},
           ["lambda", "ec2-look", "monitoring", "cfn"], [IP_SF_HOME, IP_US_VPN], "mac", "mac-chrome", 0.3, 0.06),
]

IAM_USERS = {p.handle: IamUser(p.access[0][0], p.handle, aws_id("AIDA", INV)) for p in PEOPLE if p.kind == "iam"}
IAM_USER_KEYS = {h: aws_id("AKIA", INV) for h in IAM_USERS}

TERRAFORMED = {"ec2", "iam", "lambda", "ecs", "rds", "s3", "kms", "ssm", "secretsmanager", "sts"}
TERRAFORM_UA = ("APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 "
                "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.7 "
                "md/GOOS#linux md/GOARCH#amd64 api/{svc}#1.{minor}.0")


def weighted(r: Random, pairs):
    total = sum(w for _, w in pairs)
    x = r.random() * total
    for item, w in pairs:
        x -= w
        if x <= 0:
            return item
    return pairs[-1][0]


def work_start_times(r: Random, p: Person, day: datetime, n: int) -> list[datetime]:
    """Session starts inside local working hours (08:00-18:30), with a lunch dip."""
    hours = [(8, 1.0), (9, 3.0), (10, 3.0), (11, 3.0), (12, 0.8), (13, 1.2), (14, 3.0), (15, 3.0), (16, 2.5),
             (17, 1.5)]
    out = []
    for _ in range(n):
        h = weighted(r, hours)
        local = day + timedelta(hours=h, minutes=r.randrange(60), seconds=r.randrange(60))
        if h == 17 and r.random() < 0.3:
            local += timedelta(minutes=30)  # the 18:00-18:30 tail
        out.append(local - timedelta(hours=p.utc_offset))
    return sorted(out)


def human_background() -> None:
    r = rng_for("humans")
    for p in PEOPLE:
        for day in DAYS:
            n_sessions = weighted(r, [(2, 0.3), (3, 0.45), (4, 0.25)])
            starts = work_start_times(r, p, day, n_sessions)
            sso_keys: dict[str, tuple[str, datetime]] = {}
            console_created = None
            for i, start in enumerate(starts):
                if start > DAY2 + timedelta(hours=23):
                    continue  # the dataset ends at midnight UTC; late Pacific sessions fall outside it
                acct, perm = weighted(r, [((a, ps), w) for a, ps, w in p.access])
                region = weighted(r, p.regions[acct])
                ip = pick(r, p.ips)
                # the legacy IAM users start each day in the console (password + MFA)
                console = (i == 0 and p.kind == "iam") or r.random() < p.console_share
                t = start
                if p.kind == "iam":
                    user = IAM_USERS[p.handle]
                    if console:
                        if console_created is None:
                            console_created = t
                            console_login(t, user, ip, BROWSERS[p.browser], r)
                            t += timedelta(seconds=r.randint(4, 20))
                        identity = iam_user_identity(user, aws_id("ASIA", r), session_created=console_created, mfa=True)
                        caller = Caller(identity, ip, BROWSERS[p.browser], console=True)
                    else:
                        caller = Caller(iam_user_identity(user, IAM_USER_KEYS[p.handle]), ip, cli=CLI_OS[p.os])
                else:
                    sso = sso_role(acct, perm)
                    if (acct, perm) not in sso_keys:
                        sso_keys[(acct, perm)] = (aws_id("ASIA", r), t - timedelta(seconds=r.randint(5, 40)))
                    key, created = sso_keys[(acct, perm)]
                    identity = assumed_role_identity(sso, f"{p.handle}@{EMAIL_DOMAIN}", key, created)
                    if console:
                        caller = Caller(identity, ip, BROWSERS[p.browser], console=True)
                    elif p.terraform and r.random() < 0.35:
                        caller = Caller(identity, ip, "terraform")
                    else:
                        caller = Caller(identity, ip, cli=CLI_OS[p.os])
                readonly = perm in ("ReadOnly", "DataAnalyst")
                n_events = r.randint(5, 13)
                tasks = [pick(r, p.tasks) for _ in range(r.randint(1, 3))]
                names = []
                for task in tasks:
                    seq = TASKS[task]
                    k = r.randint(3, len(seq))
                    start_at = r.randrange(len(seq) - k + 1)
                    names.extend(seq[start_at:start_at + k])
                while len(names) < n_events:
                    names.append(pick(r, TASKS[pick(r, tasks)]))
                for name in names[:n_events]:
                    t += timedelta(seconds=max(2, int(r.expovariate(1 / 28))))
                    write = r.random() < p.write_rate
                    if write:
                        name = pick(r, WRITES["readonly" if readonly else "admin"])
                        if name in ("StopInstances", "StartInstances") and acct != DEV:
                            name = "CreateTags"  # only the dev boxes get stopped and started by hand
                    human_call(r, t, caller, acct, region, name, denied=readonly and write, p=p)
                    if name == "ListBuckets" or (name.startswith("GetBucket") and r.random() < 0.3):
                        t = human_s3_browse(r, t, caller, acct)


def terraform_ua(service: str, r: Random) -> str:
    return TERRAFORM_UA.format(svc=service, minor=r.randint(20, 160))


def human_call(r: Random, t: datetime, caller: Caller, acct: str, region: str, name: str, *, denied: bool,
               p: Person) -> None:
    c = api_call(r, name, acct, region)
    if c.service in ("iam",) or name in ("ListBuckets",):
        region = "us-east-1"
    elif c.service == "s3" and c.req and "bucketName" in c.req:
        region = BUCKETS[c.req["bucketName"]][1]  # bucket calls are logged in the bucket's region
    error = None
    # reads get denied where permissions are scoped to resources: secrets, keys, log groups, lake tables
    if denied or (c.read_only and c.service in ("secretsmanager", "kms", "ssm", "logs", "glue", "cloudtrail", "s3")
                  and r.random() < 0.065):
        error = access_denied(caller, c.service, kebab_to_action(name), c.resource_arn)
    if c.service == "athena" and acct == PROD and (PROD, region) != (PROD, "eu-west-1"):
        region = "eu-west-1"
    call_caller = caller
    if caller.ua == "terraform":  # a plan refreshes infrastructure; log and metric reads come from the CLI
        call_caller = Caller(caller.identity, caller.ip, terraform_ua(c.service, r)) if c.service in TERRAFORMED \
            else Caller(caller.identity, caller.ip, cli=CLI_OS[p.os])
    source = f"{c.service}.amazonaws.com"
    request_id = new_uuid()
    resp = None if error else c.resp
    if resp is not None and c.ec2_style:
        resp = {"requestId": request_id, **resp}
    extra = None
    if c.service == "s3":
        extra = s3_extra()
    emit(t, acct, region, call_caller, source, c.name, req=c.req, resp=resp, read_only=c.read_only, error=error,
         resources=c.resources, request_id=request_id if c.service != "s3" else True, extra=extra,
         host=(s3_host(c.req["bucketName"]) if c.service == "s3" and c.req and "bucketName" in c.req else
               ("s3.amazonaws.com" if c.service == "s3" else None)))
    if c.service == "athena" and c.name == "StartQueryExecution" and not error:
        athena_side_effects(r, t, caller, acct)


def kebab_to_action(name: str) -> str:
    base = re.sub(r"\d{8}(v\d+)?$", "", name)
    return {"GetFindingsSH": "GetFindings", "ListFindingsAA": "ListFindings"}.get(base, base)


def human_s3_browse(r: Random, t: datetime, caller: Caller, acct: str) -> datetime:
    if acct != PROD or r.random() < 0.4:
        return t
    bucket = pick(r, ["nw-customer-exports", "nw-prod-datalake-curated", "nw-webapp-assets-prod",
                      "nw-prod-datalake-raw"])
    prefix = {"nw-customer-exports": f"exports/{pick(r, CUSTOMERS)}/",
              "nw-prod-datalake-curated": f"curated/{pick(r, CURATED_TABLES)}/",
              "nw-webapp-assets-prod": "uploads/",
              "nw-prod-datalake-raw": f"raw/{pick(r, RAW_SOURCES)}/"}[bucket]
    for _ in range(r.randint(1, 3)):
        t += timedelta(seconds=r.randint(2, 15))
        s3_list(t, caller, bucket, prefix)
    if r.random() < 0.6:
        t += timedelta(seconds=r.randint(3, 30))
        key = prefix + ("2026-03-09/orders.csv.gz" if bucket == "nw-customer-exports" else
                        f"dt=2026-03-09/part-0000{r.randint(0, 7)}.snappy.parquet")
        s3_object(t, caller, "GetObject", bucket, key, size=r.randint(20_000, 4_000_000))
    return t


def athena_side_effects(r: Random, t: datetime, caller: Caller, acct: str) -> None:
    """Athena reads the curated tables and writes results, on the analyst's behalf."""
    ui = dict(caller.identity)
    ui["invokedBy"] = "athena.amazonaws.com"
    svc = Caller(ui, "athena.amazonaws.com", "athena.amazonaws.com")
    table = pick(r, CURATED_TABLES)
    for i in range(r.randint(1, 3)):
        s3_object(t + timedelta(seconds=1 + i), svc, "GetObject", "nw-prod-datalake-curated",
                  f"curated/{table}/dt=2026-03-0{r.randint(1, 9)}/part-0000{i}.snappy.parquet",
                  size=r.randint(2_000_000, 60_000_000))
    qid = new_uuid(r)
    s3_object(t + timedelta(seconds=5), svc, "PutObject", "nw-prod-athena-results", f"analysts/{qid}.csv",
              size=r.randint(500, 90_000))


def console_login(t: datetime, user: IamUser, ip: str, ua: str, r: Random, *, mfa: bool = True, step: str = "") -> None:
    extra = {"LoginTo": "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_"
                        + hex_id("", 16, r),
             "MobileVersion": "No"}
    if mfa:
        extra["MFAIdentifier"] = f"arn:aws:iam::{user.account}:mfa/{user.name}"
    extra["MFAUsed"] = "Yes" if mfa else "No"
    emit(t, user.account, "us-east-1", None, "signin.amazonaws.com", "ConsoleLogin", req=None,
         resp={"ConsoleLogin": "Success"}, read_only=False, extra=extra, event_type="AwsConsoleSignIn",
         identity={"type": "IAMUser", "principalId": user.aida, "arn": user.arn, "accountId": user.account,
                   "accessKeyId": "", "userName": user.name},
         ip=ip, ua=ua, request_id=None, step=step)
    EVENTS[-1].record["tlsDetails"] = dict(TLS13, clientProvidedHostHeader="signin.aws.amazon.com")


# --------------------------------------------------------------------------------------------------
# Machines: CI/CD, scheduled jobs, the web app, AWS services
# --------------------------------------------------------------------------------------------------


def assume_role_by_service(t: datetime, service: str, r_: Role, session: str, key: str, duration: int = 3600,
                           step: str = "") -> None:
    emit(t, r_.account, "us-east-1" if service not in ("ecs-tasks.amazonaws.com",) else "eu-west-1", None,
         "sts.amazonaws.com", "AssumeRole",
         req={"roleArn": r_.arn, "roleSessionName": session, "durationSeconds": duration},
         resp={"credentials": {"accessKeyId": key, "expiration": aws_date(t + timedelta(seconds=duration))},
               "assumedRoleUser": {"assumedRoleId": f"{r_.aroa}:{session}",
                                   "arn": f"arn:aws:sts::{r_.account}:assumed-role/{r_.name}/{session}"}},
         read_only=True, identity=aws_service_identity(service), ip=service, ua=service,
         resources=[{"accountId": r_.account, "type": "AWS::IAM::Role", "ARN": r_.arn}], shared_event_id=True,
         step=step)


CI_ROLE = {PROD: role(PROD, "github-actions-deploy"), DEV: role(DEV, "github-actions-deploy")}
OIDC = "token.actions.githubusercontent.com"


def ci_deploys() -> None:
    r = rng_for("ci")
    schedule = [  # (day, hh:mm, account, repo)
        (DAY1, "09:42", DEV, "data-pipelines"), (DAY1, "11:18", PROD, "customer-portal"),
        (DAY1, "14:05", DEV, "customer-portal"), (DAY1, "16:51", PROD, "customer-portal"),
        (DAY1, "19:37", DEV, "data-pipelines"), (DAY2, "10:02", DEV, "customer-portal"),
        (DAY2, "12:26", PROD, "customer-portal"), (DAY2, "15:48", DEV, "data-pipelines"),
        (DAY2, "20:15", PROD, "customer-portal"),
    ]
    for day, hhmm, acct, repo in schedule:
        h, m = map(int, hhmm.split(":"))
        t = day + timedelta(hours=h, minutes=m, seconds=r.randrange(60))
        ip = pick(r, IP_GITHUB_RUNNERS)
        run = r.randint(8_100_000_000, 8_300_000_000)
        session = f"GitHubActions-{run}"
        sub = f"repo:northwind-analytics/{repo}:ref:refs/heads/main"
        key = aws_id("ASIA", r)
        ci_role = CI_ROLE[acct]
        provider = f"arn:aws:iam::{acct}:oidc-provider/{OIDC}"
        js_ua = ("aws-sdk-js/3.540.0 ua/2.1 os/linux#6.5.0-1016-azure lang/js md/nodejs#20.11.1 api/sts#3.540.0 "
                 "configure-aws-credentials-for-github-actions")
        sts_region = "us-east-1" if repo == "customer-portal" else "eu-west-1"
        emit(t, acct, sts_region, None, "sts.amazonaws.com", "AssumeRoleWithWebIdentity",
             req={"roleArn": ci_role.arn, "roleSessionName": session, "durationSeconds": 3600},
             resp={"subjectFromWebIdentityToken": sub, "assumedRoleUser": {
                 "assumedRoleId": f"{ci_role.aroa}:{session}",
                 "arn": f"arn:aws:sts::{acct}:assumed-role/{ci_role.name}/{session}"},
                 "provider": provider, "audience": "sts.amazonaws.com",
                 "credentials": {"accessKeyId": key, "expiration": aws_date(t + timedelta(hours=1))}},
             read_only=True, identity={"type": "WebIdentityUser", "principalId": f"{provider}:sts.amazonaws.com:{sub}",
                                       "userName": sub, "identityProvider": provider},
             ip=ip, ua=js_ua, resources=[{"accountId": acct, "type": "AWS::IAM::Role", "ARN": ci_role.arn}])
        EVENTS[-1].record["tlsDetails"] = dict(TLS13, clientProvidedHostHeader=f"sts.{sts_region}.amazonaws.com")
        ui = assumed_role_identity(ci_role, session, key, t, web_identity=True)
        ui["sessionContext"]["webIdFederationData"] = {"federatedProvider": provider, "attributes": {}}
        cli = Caller(ui, ip, cli=("os/linux#6.5.0-1016-azure md/arch#x86_64", "exe"))
        t += timedelta(seconds=r.randint(3, 8))
        if repo == "customer-portal":
            region = "us-east-1"
            repo_arn = f"arn:aws:ecr:{region}:{acct}:repository/customer-portal"
            emit(t, acct, region, cli, "ecr.amazonaws.com", "GetAuthorizationToken", req={"registryIds": [acct]},
                 resp=None, read_only=True)
            digest = "sha256:" + hex_id("", 64, r)
            t += timedelta(seconds=r.randint(2, 5))
            emit(t, acct, region, cli, "ecr.amazonaws.com", "BatchCheckLayerAvailability",
                 req={"repositoryName": "customer-portal", "registryId": acct, "layerDigests": [digest]},
                 read_only=True, resources=[{"accountId": acct, "ARN": repo_arn}])
            for _ in range(r.randint(1, 2)):
                upload = new_uuid(r)
                t += timedelta(seconds=r.randint(1, 4))
                emit(t, acct, region, cli, "ecr.amazonaws.com", "InitiateLayerUpload",
                     req={"repositoryName": "customer-portal", "registryId": acct},
                     resp={"uploadId": upload, "partSize": 10485760}, read_only=False,
                     resources=[{"accountId": acct, "ARN": repo_arn}])
                t += timedelta(seconds=r.randint(5, 25))
                emit(t, acct, region, cli, "ecr.amazonaws.com", "UploadLayerPart",
                     req={"repositoryName": "customer-portal", "registryId": acct, "uploadId": upload,
                          "partFirstByte": 0, "partLastByte": r.randint(2_000_000, 40_000_000)},
                     resp={"registryId": acct, "repositoryName": "customer-portal", "uploadId": upload,
                           "lastByteReceived": 0}, read_only=False, resources=[{"accountId": acct, "ARN": repo_arn}])
                t += timedelta(seconds=r.randint(1, 3))
                emit(t, acct, region, cli, "ecr.amazonaws.com", "CompleteLayerUpload",
                     req={"repositoryName": "customer-portal", "registryId": acct, "uploadId": upload,
                          "layerDigests": ["sha256:" + hex_id("", 64, r)]},
                     resp=None, read_only=False, resources=[{"accountId": acct, "ARN": repo_arn}])
            t += timedelta(seconds=r.randint(2, 6))
            emit(t, acct, region, cli, "ecr.amazonaws.com", "PutImage",
                 req={"repositoryName": "customer-portal", "registryId": acct, "imageTag": f"main-{hex_id('', 7, r)}",
                      "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json"},
                 resp={"image": {"registryId": acct, "repositoryName": "customer-portal",
                                 "imageId": {"imageDigest": digest}}},
                 read_only=False, resources=[{"accountId": acct, "ARN": repo_arn}])
            cluster = "nw-prod" if acct == PROD else "nw-dev"
            service = "portal-api" if acct == PROD else "portal-api-dev"
            t += timedelta(seconds=r.randint(3, 9))
            emit(t, acct, region, cli, "ecs.amazonaws.com", "DescribeTaskDefinition",
                 req={"taskDefinition": service}, read_only=True)
            t += timedelta(seconds=r.randint(1, 4))
            revision = r.randint(180, 240)
            emit(t, acct, region, cli, "ecs.amazonaws.com", "RegisterTaskDefinition",
                 req={"family": service, "taskRoleArn": f"arn:aws:iam::{acct}:role/portal-api-task-role",
                      "executionRoleArn": f"arn:aws:iam::{acct}:role/ecsTaskExecutionRole",
                      "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024",
                      "containerDefinitions": [{"name": service, "image": f"{acct}.dkr.ecr.{region}.amazonaws.com/"
                                                                              f"customer-portal@{digest}",
                                                "essential": True, "portMappings": [{"containerPort": 8080,
                                                                                     "protocol": "tcp"}]}]},
                 resp={"taskDefinition": {"taskDefinitionArn": f"arn:aws:ecs:{region}:{acct}:task-definition/"
                                                               f"{service}:{revision}",
                                          "family": service, "revision": revision, "status": "ACTIVE"}},
                 read_only=False)
            t += timedelta(seconds=r.randint(1, 3))
            emit(t, acct, region, cli, "ecs.amazonaws.com", "UpdateService",
                 req={"cluster": cluster, "service": service,
                      "taskDefinition": f"arn:aws:ecs:{region}:{acct}:task-definition/{service}:{revision}",
                      "forceNewDeployment": False},
                 resp={"service": {"serviceName": service, "status": "ACTIVE", "desiredCount": 2,
                                   "serviceArn": f"arn:aws:ecs:{region}:{acct}:service/{cluster}/{service}"}},
                 read_only=False)
            for _ in range(r.randint(2, 4)):
                t += timedelta(seconds=r.randint(15, 40))
                emit(t, acct, region, cli, "ecs.amazonaws.com", "DescribeServices",
                     req={"cluster": cluster, "services": [service]}, read_only=True)
            ecs_service_side_effects(r, t, acct, region)
        else:
            region = "eu-west-1"
            fn = "datalake-compactor" if acct == PROD else "datalake-compactor-dev"
            bucket = "nw-dev-artifacts"
            key_name = f"lambda/{fn}/{hex_id('', 40, r)}.zip"
            t += timedelta(seconds=r.randint(2, 5))
            # artifact upload (no data events in dev), then the function update
            emit(t, acct, region, cli, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2",
                 req={"functionName": fn, "s3Bucket": bucket, "s3Key": key_name, "publish": True, "dryRun": False},
                 resp={"functionName": fn, "functionArn": f"arn:aws:lambda:{region}:{acct}:function:{fn}:"
                                                          f"{r.randint(40, 90)}",
                       "runtime": "python3.12", "handler": "app.handler", "codeSize": r.randint(2_000_000, 9_000_000),
                       "state": "Active", "lastUpdateStatus": "InProgress", "version": str(r.randint(40, 90))},
                 read_only=False)
            for _ in range(r.randint(1, 3)):
                t += timedelta(seconds=r.randint(2, 8))
                emit(t, acct, region, cli, "lambda.amazonaws.com", "GetFunction20150331v2",
                     req={"functionName": fn}, read_only=True)
            t += timedelta(seconds=r.randint(1, 4))
            emit(t, acct, region, cli, "lambda.amazonaws.com", "UpdateAlias20150331",
                 req={"functionName": fn, "name": "live", "functionVersion": str(r.randint(40, 90))},
                 resp={"aliasArn": f"arn:aws:lambda:{region}:{acct}:function:{fn}:live", "name": "live"},
                 read_only=False)


def ecs_service_side_effects(r: Random, t: datetime, acct: str, region: str) -> None:
    """ECS rolls the service: its service-linked role swaps targets and network interfaces."""
    slr = service_linked_role(acct, "ecs.amazonaws.com", "AWSServiceRoleForECS")
    ui = assumed_role_identity(slr, "ecs-service-scheduler", aws_id("ASIA", r), t - timedelta(minutes=r.randint(5, 50)),
                               invoked_by="ecs.amazonaws.com")
    svc = Caller(ui, "ecs.amazonaws.com", "ecs.amazonaws.com")
    tg = (f"arn:aws:elasticloadbalancing:{region}:{acct}:targetgroup/portal-api/"
          f"{hex_id('', 16, r)}")
    eni = hex_id("eni-", rng=r)
    t += timedelta(seconds=r.randint(10, 30))
    emit(t, acct, region, svc, "ec2.amazonaws.com", "CreateNetworkInterface",
         req={"subnetId": pick(r, INVENTORY[(acct, region)].subnets), "description": "arn:aws:ecs:task-attachment",
              "groupSet": {"items": [{"groupId": INVENTORY[(acct, region)].sgs[0]}]}},
         resp={"requestId": new_uuid(), "networkInterface": {"networkInterfaceId": eni, "status": "pending",
                                                             "interfaceType": "interface"}}, read_only=False)
    t += timedelta(seconds=r.randint(40, 90))
    emit(t, acct, region, svc, "elasticloadbalancing.amazonaws.com", "RegisterTargets",
         req={"targetGroupArn": tg, "targets": [{"id": f"10.20.{r.randint(1, 60)}.{r.randint(2, 250)}",
                                                 "port": 8080}]}, read_only=False)
    t += timedelta(seconds=r.randint(60, 200))
    emit(t, acct, region, svc, "elasticloadbalancing.amazonaws.com", "DeregisterTargets",
         req={"targetGroupArn": tg, "targets": [{"id": f"10.20.{r.randint(1, 60)}.{r.randint(2, 250)}",
                                                 "port": 8080}]}, read_only=False)
    t += timedelta(seconds=r.randint(20, 60))
    emit(t, acct, region, svc, "ec2.amazonaws.com", "DeleteNetworkInterface",
         req={"networkInterfaceId": hex_id("eni-", rng=r)}, resp={"requestId": new_uuid(), "_return": True},
         read_only=False)


BACKUP_ROLE = role(PROD, "nw-backup-lambda-role")
BACKUP_UA = ("Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#5.10.213-223.829.amzn2.x86_64 md/arch#x86_64 "
             "lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy "
             "Botocore/1.34.34")
BACKUP_SNAPSHOTS: dict[datetime, list[tuple[str, str]]] = {}  # day -> [(snapshot id, instance name)]
BACKED_UP = ["webapp-1", "queue-worker-1", "reporting-1", "ops-tools-1"]


def nightly_backup() -> None:
    """02:00 UTC: snapshot tagged volumes, then delete snapshots older than 7 days (a few per night)."""
    r = rng_for("backup")
    inv = INVENTORY[(PROD, "us-east-1")]
    old = list(OLD_SNAPSHOTS)
    for day in DAYS:
        t = day + timedelta(hours=2, seconds=r.randint(1, 40))
        session = "nw-nightly-ebs-backup"
        key = aws_id("ASIA", r)
        assume_role_by_service(t, "lambda.amazonaws.com", BACKUP_ROLE, session, key, 900)
        caller = Caller(assumed_role_identity(BACKUP_ROLE, session, key, t), IP_LAMBDA_USE1, BACKUP_UA)
        t += timedelta(seconds=2)
        emit(t, PROD, "us-east-1", caller, "ec2.amazonaws.com", "DescribeVolumes",
             req={"volumeSet": {}, "filterSet": {"items": [{"name": "tag:Backup", "valueSet": {"items": [
                 {"value": "nightly"}]}}]}}, read_only=True)
        made = []
        for inst in inv.instances:
            if inst.name not in BACKED_UP:
                continue
            t += timedelta(milliseconds=r.randint(300, 1500))
            snap = hex_id("snap-", rng=r)
            made.append((snap, inst.name))
            req_id = new_uuid()
            emit(t, PROD, "us-east-1", caller, "ec2.amazonaws.com", "CreateSnapshot",
                 req={"volumeId": inst.volume, "description": f"nightly backup of {inst.name}",
                      "tagSpecificationSet": {"items": [{"resourceType": "snapshot", "tags": [
                          {"key": "CreatedBy", "value": session}, {"key": "Source", "value": inst.name}]}]}},
                 resp={"requestId": req_id, "snapshotId": snap, "volumeId": inst.volume, "status": "pending",
                       "startTime": epoch_ms(t), "progress": "", "ownerId": PROD, "volumeSize": 100,
                       "description": f"nightly backup of {inst.name}", "encrypted": True},
                 read_only=False, request_id=req_id)
        BACKUP_SNAPSHOTS[day] = made
        t += timedelta(seconds=r.randint(2, 4))
        emit(t, PROD, "us-east-1", caller, "ec2.amazonaws.com", "DescribeSnapshots",
             req={"snapshotSet": {}, "ownersSet": {"items": [{"owner": "self"}]}, "sharedUsersSet": {},
                  "filterSet": {"items": [{"name": "tag:CreatedBy", "valueSet": {"items": [{"value": session}]}}]}},
             read_only=True)
        # retention: a few snapshots older than seven days
        cutoff = day - timedelta(days=7)
        expired = [s for s in old if s[1] < cutoff][: (2 if day == DAY1 else 3)]
        for snap, _ in expired:
            old.remove((snap, _))
            t += timedelta(milliseconds=r.randint(400, 1200))
            req_id = new_uuid()
            emit(t, PROD, "us-east-1", caller, "ec2.amazonaws.com", "DeleteSnapshot", req={"snapshotId": snap},
                 resp={"requestId": req_id, "_return": True}, read_only=False, request_id=req_id,
                 step="LA" if day == DAY2 else "")
    OLD_SNAPSHOTS[:] = old


ETL_ROLE = role(PROD, "nw-etl-task-role")
ETL_UA = ("Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 "
          "lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_ECS_FARGATE cfg/retry-mode#standard Botocore/1.34.69")


def etl_hourly() -> None:
    """Every hour at :05, an ECS task reads raw data and writes curated tables; every 6 h it exports per customer."""
    r = rng_for("etl")
    datalake_key = key_arn(PROD, "eu-west-1", "alias/nw-datalake-key")
    for day in DAYS:
        for hour in range(24):
            t = day + timedelta(hours=hour, minutes=5, seconds=r.randint(0, 50))
            task_id = hex_id("", 32, r)
            key = aws_id("ASIA", r)
            assume_role_by_service(t, "ecs-tasks.amazonaws.com", ETL_ROLE, task_id, key, 21600)
            ui = assumed_role_identity(ETL_ROLE, task_id, key, t)
            caller = Caller(ui, IP_NAT_PROD_EUW1, ETL_UA)
            t += timedelta(seconds=r.randint(8, 20))
            dt = (t - timedelta(hours=1)).strftime("%Y-%m-%d")
            src = pick(r, RAW_SOURCES)
            s3_list(t, caller, "nw-prod-datalake-raw", f"raw/{src}/dt={dt}/")
            if 1 <= hour <= 5:
                continue  # the source systems are quiet at night: nothing new to process
            n_in = r.randint(3, 7) if 7 <= hour <= 20 else r.randint(2, 3)
            for i in range(n_in):
                t += timedelta(milliseconds=r.randint(200, 2500))
                s3_object(t, caller, "GetObject", "nw-prod-datalake-raw",
                          f"raw/{src}/dt={dt}/hour={(hour - 1) % 24:02d}/events-{i:04d}.json.gz",
                          size=r.randint(200_000, 9_000_000))
            t += timedelta(milliseconds=r.randint(100, 800))
            kms_via_service(t, PROD, "eu-west-1", ui, "s3.amazonaws.com", "Decrypt", datalake_key,
                            {"aws:s3:arn": "arn:aws:s3:::nw-prod-datalake-raw"})
            table = pick(r, CURATED_TABLES)
            t += timedelta(seconds=r.randint(20, 90))
            kms_via_service(t, PROD, "eu-west-1", ui, "s3.amazonaws.com", "GenerateDataKey", datalake_key,
                            {"aws:s3:arn": "arn:aws:s3:::nw-prod-datalake-curated"})
            for i in range(r.randint(2, 3) if 7 <= hour <= 20 else 1):
                t += timedelta(milliseconds=r.randint(300, 3000))
                s3_object(t, caller, "PutObject", "nw-prod-datalake-curated",
                          f"curated/{table}/dt={dt}/part-{hour:02d}{i:03d}.snappy.parquet",
                          size=r.randint(1_000_000, 30_000_000))
            if hour % 4 == 0:
                t += timedelta(seconds=r.randint(1, 4))
                emit(t, PROD, "eu-west-1", caller, "glue.amazonaws.com", "GetTable",
                     req={"catalogId": PROD, "databaseName": "curated", "name": table}, read_only=True)
            if hour == 0:
                t += timedelta(seconds=r.randint(1, 3))
                emit(t, PROD, "eu-west-1", caller, "glue.amazonaws.com", "BatchCreatePartition",
                     req={"catalogId": PROD, "databaseName": "curated", "tableName": table,
                          "partitionInputList": [{"values": [dt]}]}, resp={"errors": []}, read_only=False)
            if hour % 6 == 1:
                export_run(r, t, caller)


def export_run(r: Random, t: datetime, caller: Caller) -> None:
    day = t.strftime("%Y-%m-%d")
    for customer in r.sample(CUSTOMERS, 6):
        for f in r.sample(EXPORT_FILES, 2):
            t += timedelta(milliseconds=r.randint(300, 2000))
            s3_object(t, caller, "PutObject", "nw-customer-exports", f"exports/{customer}/{day}/{f}",
                      size=r.randint(50_000, 6_000_000))


WEBAPP_ROLE = role(PROD, "webapp-ec2-role")
WEBAPP_UA = ("aws-sdk-java/2.25.16 Linux/5.10.213-201.855.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS "
             "Java/17.0.10 vendor/Amazon.com_Inc. md/internal io/sync http/Apache cfg/retry-mode/legacy")


def webapp_key(t: datetime) -> tuple[str, datetime]:
    """Instance-profile credentials rotate every six hours (at 05:12, 11:12, 17:12 and 23:12 UTC)."""
    midnight = t.replace(hour=0, minute=0, second=0, microsecond=0)
    slot = max(h for h in (-1, 5, 11, 17, 23) if midnight + timedelta(hours=h, minutes=12) <= t)
    created = midnight + timedelta(hours=slot, minutes=12)
    return WEBAPP_KEYS.setdefault(created, aws_id("ASIA", rng_for(f"webapp-key/{iso(created)}"))), created


WEBAPP_KEYS: dict[datetime, str] = {}


def webapp_identity(t: datetime) -> dict:
    key, created = webapp_key(t)
    return assumed_role_identity(WEBAPP_ROLE, WEBAPP_INSTANCE, key, created, ec2_delivery="1.0")


def webapp_background() -> None:
    """The web app on i-0a1b2c3d4e5f60718 uses its instance role: its DB secret, config, user uploads."""
    r = rng_for("webapp")
    secrets_key = key_arn(PROD, "us-east-1", "alias/nw-secrets-key")
    for day in DAYS:
        for hour in (0, 5, 11, 17, 23):  # the app re-reads its DB secret after each credential rotation
            t = day + timedelta(hours=hour, minutes=13 if hour else 1, seconds=r.randint(0, 50))
            ui = webapp_identity(t)
            caller = Caller(ui, IP_NAT_PROD_USE1, WEBAPP_UA)
            emit(t, PROD, "us-east-1", caller, "secretsmanager.amazonaws.com", "GetSecretValue",
                 req={"secretId": "prod/webapp/db-password"}, read_only=True,
                 resources=None)
            kms_via_service(t + timedelta(milliseconds=200), PROD, "us-east-1", ui, "secretsmanager.amazonaws.com",
                            "Decrypt", secrets_key, {"SecretARN": secret_arn("prod/webapp/db-password"),
                                                     "SecretVersionId": new_uuid(r)})
            emit(t + timedelta(seconds=1), PROD, "us-east-1", caller, "ssm.amazonaws.com", "GetParameters",
                 req={"names": ["/prod/webapp/feature-flags", "/prod/webapp/db-host"], "withDecryption": False},
                 read_only=True)
        # user uploads and thumbnails during US and EU daytime
        for _ in range(r.randint(9, 13)):
            t = day + timedelta(hours=r.randint(8, 22), minutes=r.randint(0, 14), seconds=r.randint(0, 59))
            caller = Caller(webapp_identity(t), IP_NAT_PROD_USE1, WEBAPP_UA)
            obj = f"uploads/{hex_id('', 12, r)}/{pick(r, ['logo.png', 'report.pdf', 'avatar.jpg', 'import.csv'])}"
            s3_object(t, caller, "PutObject", "nw-webapp-assets-prod", obj, size=r.randint(20_000, 3_000_000))
            s3_object(t + timedelta(seconds=r.randint(1, 4)), caller, "GetObject", "nw-webapp-assets-prod", obj,
                      size=r.randint(20_000, 3_000_000))


def windows_with_activity(acct: str, region: str) -> list[datetime]:
    """The 15-minute windows in which the background already has events for this account and region."""
    starts = {e.time.replace(minute=e.time.minute - e.time.minute % 15, second=0, microsecond=0)
              for e in EVENTS if (e.account, e.region) == (acct, region) and e.step == ""}
    return sorted(starts)


def config_recorder() -> None:
    """AWS Config's service-linked role re-describes resources shortly after people and pipelines change them."""
    r = rng_for("config")
    places = [(PROD, "us-east-1", 0.7), (PROD, "eu-west-1", 0.35), (DEV, "us-east-1", 0.6), (DEV, "eu-west-1", 0.5),
              (DEV, "us-west-2", 0.5), (SEC, "us-east-1", 0.6)]
    calls = [("ec2.amazonaws.com", "DescribeInstances", {"instancesSet": {}, "filterSet": {}}),
             ("ec2.amazonaws.com", "DescribeSecurityGroups", {"securityGroupSet": {}, "securityGroupIdSet": {},
                                                              "filterSet": {}}),
             ("ec2.amazonaws.com", "DescribeVolumes", {"volumeSet": {}, "filterSet": {}}),
             ("ec2.amazonaws.com", "DescribeNetworkInterfaces", {"networkInterfaceIdSet": {}, "filterSet": {}}),
             ("lambda.amazonaws.com", "ListFunctions20150331", None),
             ("s3.amazonaws.com", "GetBucketPolicy", None),
             ("iam.amazonaws.com", "GetRole", None),
             ("ecs.amazonaws.com", "DescribeServices", None)]
    for acct, region, p in places:
        slr = service_linked_role(acct, "config.amazonaws.com", "AWSServiceRoleForConfig")
        keys: dict[datetime, str] = {}
        for w in windows_with_activity(acct, region):
            if r.random() > p:
                continue
            t = w + timedelta(minutes=r.randint(6, 12), seconds=r.randint(0, 59))
            created = t.replace(hour=t.hour - t.hour % 6, minute=1, second=0)
            key = keys.setdefault(created, aws_id("ASIA", r))
            caller = Caller(assumed_role_identity(slr, "AWSConfig-Describe", key, created), "config.amazonaws.com",
                            "config.amazonaws.com")
            for _ in range(r.randint(1, 3)):
                src, name, req = pick(r, calls)
                if name == "GetBucketPolicy":
                    own = [b for b, (a, reg, _) in BUCKETS.items() if a == acct and reg == region]
                    if not own:
                        continue
                    b = pick(r, own)
                    req = {"bucketName": b, "Host": s3_host(b), "policy": ""}
                elif name == "GetRole":
                    if region != "us-east-1":
                        continue
                    req = {"roleName": pick(r, ["webapp-ec2-role", "nw-etl-task-role", "github-actions-deploy",
                                                "OrganizationAccountAccessRole"] if acct == PROD else
                                            ["github-actions-deploy", "OrganizationAccountAccessRole"])}
                elif name == "DescribeServices":
                    inv = INVENTORY[(acct, region)]
                    if not inv.clusters:
                        continue
                    cl = pick(r, list(inv.clusters))
                    req = {"cluster": cl, "services": inv.clusters[cl]}
                t += timedelta(milliseconds=r.randint(100, 3000))
                emit(t, acct, region, caller, src, name, req=req, read_only=True)


def security_services() -> None:
    """CloudTrail encrypting its log files in the security account, Trusted Advisor checks, KMS rotation, a spot
    interruption, and the autoscaling group that follows the web traffic."""
    r = rng_for("services")
    ct_key = key_arn(SEC, "us-east-1", "alias/nw-cloudtrail-key")
    for day in DAYS:
        # the trail's S3 bucket key keeps these calls rare: a handful a day, while the account is busy anyway
        busy = [w for w in windows_with_activity(SEC, "us-east-1") if day <= w < day + timedelta(days=1)]
        for w in sorted(r.sample(busy, min(8, len(busy)))):
            t = w + timedelta(minutes=r.randint(0, 14), seconds=r.randint(0, 59))
            acct = pick(r, [PROD, DEV, SEC])
            emit(t, SEC, "us-east-1", None, "kms.amazonaws.com", "GenerateDataKey",
                 req={"keyId": ct_key, "encryptionContext": {
                     "aws:cloudtrail:arn": f"arn:aws:cloudtrail:us-east-1:{SEC}:trail/nw-org-trail",
                     "aws:s3:arn": f"arn:aws:s3:::nw-cloudtrail-logs-{SEC}/AWSLogs/{acct}/"
                                   f"{t:%Y/%m/%d}/{acct}_CloudTrail_us-east-1_{t:%Y%m%dT%H%M}Z_"
                                   f"{hex_id('', 16, r)}.json.gz"},
                     "keySpec": "AES_256"},
                 read_only=True, identity=aws_service_identity("cloudtrail.amazonaws.com"),
                 ip="cloudtrail.amazonaws.com", ua="cloudtrail.amazonaws.com",
                 resources=[{"accountId": SEC, "type": "AWS::KMS::Key", "ARN": ct_key}], shared_event_id=False)
        # Trusted Advisor refreshes its checks once a day per account
        for acct in (PROD, DEV, SEC):
            slr = service_linked_role(acct, "trustedadvisor.amazonaws.com", "AWSServiceRoleForTrustedAdvisor")
            t = day + timedelta(hours=11, minutes=r.randint(0, 10), seconds=r.randint(0, 59))
            ui = assumed_role_identity(slr, f"TrustedAdvisor_{acct}_{new_uuid(r)}", aws_id("ASIA", r), t)
            caller = Caller(ui, "trustedadvisor.amazonaws.com", "trustedadvisor.amazonaws.com")
            for src, name, req in [("iam.amazonaws.com", "GetAccountSummary", None),
                                   ("ec2.amazonaws.com", "DescribeSecurityGroups",
                                    {"securityGroupSet": {}, "securityGroupIdSet": {}, "filterSet": {}}),
                                   ("ec2.amazonaws.com", "DescribeAddresses",
                                    {"publicIpsSet": {}, "allocationIdsSet": {}, "filterSet": {}}),
                                   ("s3.amazonaws.com", "ListBuckets", {"Host": "s3.amazonaws.com"})]:
                t += timedelta(seconds=r.randint(1, 5))
                emit(t, acct, "us-east-1", caller, src, name, req=req, read_only=True)
    # KMS rotates a customer key (a service event, no request)
    dev_key = INVENTORY[(DEV, "us-east-1")].keys["alias/nw-dev-key"]
    emit(DAY2 + timedelta(hours=6, minutes=3, seconds=17), DEV, "us-east-1", None, "kms.amazonaws.com", "RotateKey",
         read_only=False, identity={"accountId": DEV, "invokedBy": "AWS Internal"}, ip="AWS Internal",
         ua="AWS Internal", event_type="AwsServiceEvent",
         resources=[{"ARN": f"arn:aws:kms:us-east-1:{DEV}:key/{dev_key}", "accountId": DEV, "type": "AWS::KMS::Key"}],
         service_event_details={"keyId": dev_key})
    # a spot instance in the ML sandbox is reclaimed
    spot = INVENTORY[(DEV, "us-west-2")].instances[1].id
    emit(DAY1 + timedelta(hours=17, minutes=41, seconds=3), DEV, "us-west-2", None, "ec2.amazonaws.com",
         "BidEvictedEvent", read_only=False, identity={"accountId": DEV, "invokedBy": "ec2.amazonaws.com"},
         ip="ec2.amazonaws.com", ua="ec2.amazonaws.com", event_type="AwsServiceEvent", request_id=None,
         service_event_details={"instanceIdSet": [spot]})
    # the web tier scales out for the US afternoon and back in at night
    slr = service_linked_role(PROD, "autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling")
    inv = INVENTORY[(PROD, "us-east-1")]
    for day in DAYS:
        t_out = day + timedelta(hours=15, minutes=r.randint(2, 12), seconds=r.randint(0, 59))
        ui = assumed_role_identity(slr, "AutoScaling", aws_id("ASIA", r), t_out - timedelta(minutes=1))
        caller = Caller(ui, "autoscaling.amazonaws.com", "autoscaling.amazonaws.com")
        new_id = hex_id("i-", rng=r)
        req_id = new_uuid()
        emit(t_out, PROD, "us-east-1", caller, "ec2.amazonaws.com", "RunInstances",
             req={"instancesSet": {"items": [{"minCount": 1, "maxCount": 1}]},
                  "launchTemplate": {"launchTemplateId": "lt-0c3f5e1d2b4a69788", "version": "14"},
                  "subnetId": inv.subnets[r.randrange(3)], "clientToken": new_uuid(r)},
             resp={"requestId": req_id, "reservationId": hex_id("r-", rng=r), "ownerId": PROD,
                   "requesterId": "940372691376", "instancesSet": {"items": [{
                       "instanceId": new_id, "imageId": "ami-0f4e7a21b9c3d5e86", "instanceType": "m6i.large",
                       "instanceState": {"code": 0, "name": "pending"},
                       "iamInstanceProfile": {"arn": f"arn:aws:iam::{PROD}:instance-profile/webapp-ec2-profile"}}]}},
             read_only=False, request_id=req_id)
        t_in = day + timedelta(hours=22, minutes=r.randint(30, 44), seconds=r.randint(0, 59))
        ui = assumed_role_identity(slr, "AutoScaling", aws_id("ASIA", r), t_in - timedelta(minutes=1))
        caller = Caller(ui, "autoscaling.amazonaws.com", "autoscaling.amazonaws.com")
        req_id = new_uuid()
        emit(t_in, PROD, "us-east-1", caller, "ec2.amazonaws.com", "TerminateInstances",
             req={"instancesSet": {"items": [{"instanceId": new_id}]}},
             resp={"requestId": req_id, "instancesSet": {"items": [{
                 "instanceId": new_id, "currentState": {"code": 32, "name": "shutting-down"},
                 "previousState": {"code": 16, "name": "running"}}]}}, read_only=False, request_id=req_id)


def ssm_patching() -> None:
    """Benign look-alike of the attacker's SendCommand: the dev maintenance window patches instances at 03:00."""
    r = rng_for("ssm-patching")
    mw_role = role(DEV, "nw-ssm-maintenance-role")
    inv = INVENTORY[(DEV, "us-east-1")]
    for day in DAYS:
        t = day + timedelta(hours=3, seconds=r.randint(2, 30))
        session = f"mw-{hex_id('', 17, r)}"
        key = aws_id("ASIA", r)
        assume_role_by_service(t, "ssm.amazonaws.com", mw_role, session, key)
        ui = assumed_role_identity(mw_role, session, key, t, invoked_by="ssm.amazonaws.com")
        caller = Caller(ui, "ssm.amazonaws.com", "ssm.amazonaws.com")
        ids = [i.id for i in inv.instances]
        cmd = new_uuid(r)
        t += timedelta(seconds=2)
        emit(t, DEV, "us-east-1", caller, "ssm.amazonaws.com", "SendCommand",
             req={"documentName": "AWS-RunPatchBaseline", "targets": [{"key": "tag:PatchGroup", "values": ["dev"]}],
                  "parameters": "HIDDEN_DUE_TO_SECURITY_REASONS", "maxConcurrency": "50%", "maxErrors": "25%",
                  "timeoutSeconds": 600, "interactive": False},
             resp={"command": ssm_command(cmd, "AWS-RunPatchBaseline", [], t, len(ids), DEV, "us-east-1",
                                          targets=[{"key": "tag:PatchGroup", "values": ["dev"]}])},
             read_only=False, step="LA")
        for inst in ids:
            t += timedelta(seconds=r.randint(30, 90))
            emit(t, DEV, "us-east-1", caller, "ssm.amazonaws.com", "GetCommandInvocation",
                 req={"commandId": cmd, "instanceId": inst}, read_only=True)


def ssm_command(cmd: str, document: str, instances: list[str], t: datetime, count: int, acct: str, region: str,
                targets=None) -> dict:
    return {"commandId": cmd, "documentName": document, "documentVersion": "$DEFAULT", "comment": "",
            "expiresAfter": aws_date(t + timedelta(hours=2)), "parameters": "HIDDEN_DUE_TO_SECURITY_REASONS",
            "instanceIds": instances, "targets": targets or [], "requestedDateTime": aws_date(t),
            "status": "Pending", "statusDetails": "Pending", "outputS3Region": region, "outputS3BucketName": "",
            "outputS3KeyPrefix": "", "maxConcurrency": "50", "maxErrors": "0", "timeoutSeconds": 3600,
            "targetCount": count, "completedCount": 0, "errorCount": 0, "deliveryTimedOutCount": 0,
            "serviceRole": "", "notificationConfig": {"notificationArn": "", "notificationEvents": [],
                                                      "notificationType": ""},
            "cloudWatchOutputConfig": {"cloudWatchLogGroupName": "", "cloudWatchOutputEnabled": False},
            "interactive": False, "triggeredAlarms": []}


def benign_lookalikes() -> None:
    """Changes that look like the attack to a naive rule but are routine."""
    r = rng_for("lookalikes")
    # 1. Priya opens HTTPS to the Dublin office range on the reporting security group (ticket OPS-2318).
    t = DAY2 + timedelta(hours=10, minutes=42, seconds=9)
    priya = assumed_role_identity(sso_role(PROD, "AdministratorAccess"), f"priya.raman@{EMAIL_DOMAIN}",
                                  aws_id("ASIA", r), t - timedelta(minutes=9))
    caller = Caller(priya, IP_DUBLIN_OFFICE, BROWSERS["mac-chrome"], console=True)
    sg = INVENTORY[(PROD, "us-east-1")].sgs[2]
    emit(t - timedelta(seconds=40), PROD, "us-east-1", caller, "ec2.amazonaws.com", "DescribeSecurityGroups",
         req={"securityGroupSet": {}, "securityGroupIdSet": {"items": [{"groupId": sg}]}, "filterSet": {}},
         read_only=True)
    req_id = new_uuid()
    emit(t, PROD, "us-east-1", caller, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
         req={"groupId": sg, "ipPermissions": {"items": [{
             "ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "groups": {}, "ipRanges": {"items": [
                 {"cidrIp": OFFICE_CIDR, "description": "Dublin office - OPS-2318"}]},
             "ipv6Ranges": {}, "prefixListIds": {}}]}},
         resp={"requestId": req_id, "_return": True, "securityGroupRuleSet": {"items": [{
             "groupOwnerId": PROD, "groupId": sg, "securityGroupRuleId": hex_id("sgr-", rng=r), "isEgress": False,
             "ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIpv4": OFFICE_CIDR,
             "description": "Dublin office - OPS-2318"}]}},
         read_only=False, request_id=req_id, step="LA")
    # 2. m.schmidt rotates his own access key in dev.
    user = IAM_USERS["m.schmidt"]
    t = DAY1 + timedelta(hours=8, minutes=57, seconds=33)
    caller = Caller(iam_user_identity(user, IAM_USER_KEYS["m.schmidt"]), IP_BERLIN_OFFICE, cli=CLI_OS["win"])
    emit(t, DEV, "us-east-1", caller, "iam.amazonaws.com", "ListAccessKeys", req={"userName": user.name},
         read_only=True)
    new_key = aws_id("AKIA", r)
    t += timedelta(seconds=12)
    emit(t, DEV, "us-east-1", caller, "iam.amazonaws.com", "CreateAccessKey", req={"userName": user.name},
         resp={"accessKey": {"userName": user.name, "accessKeyId": new_key, "status": "Active",
                             "createDate": aws_date(t)}}, read_only=False, step="LA")
    t += timedelta(minutes=4, seconds=51)
    caller2 = Caller(iam_user_identity(user, new_key), IP_BERLIN_OFFICE, cli=CLI_OS["win"])
    emit(t, DEV, "us-east-1", caller2, "iam.amazonaws.com", "UpdateAccessKey",
         req={"userName": user.name, "accessKeyId": IAM_USER_KEYS["m.schmidt"], "status": "Inactive"},
         read_only=False, step="LA")
    IAM_USER_KEYS["m.schmidt"] = new_key


# --------------------------------------------------------------------------------------------------
# The attack
# --------------------------------------------------------------------------------------------------

GROUND_TRUTH: list[tuple[str, str, str, str, str]] = []  # (time, step, principal, calls, note)


def note(t: datetime, step: str, principal: str, calls: str) -> None:
    GROUND_TRUTH.append((iso(t), step, principal, calls, ""))


def attack() -> None:
    r = rng_for("attack")
    inv = INVENTORY[(PROD, "us-east-1")]

    def stolen(t: datetime) -> Caller:
        return Caller(webapp_identity(t), IP_ATTACKER, UA_KALI_BOTO3)

    # ---- Step 1a, day 1 evening: the SSRF hands out the role's credentials; the attacker tests them.
    t = DAY1 + timedelta(hours=21, minutes=47, seconds=13)
    c = stolen(t)
    note(t, "1", "webapp-ec2-role/i-0a1b2c3d4e5f60718 (stolen key)", "GetCallerIdentity, ListAttachedRolePolicies "
         "(denied), ListRolePolicies (denied), ListBuckets, DescribeInstances, DescribeInstanceInformation")
    emit(t, PROD, "us-east-1", c, "sts.amazonaws.com", "GetCallerIdentity", read_only=True, step="1",
         host="sts.amazonaws.com")
    for name in ("ListAttachedRolePolicies", "ListRolePolicies"):
        t += timedelta(seconds=r.randint(4, 12))
        emit(t, PROD, "us-east-1", c, "iam.amazonaws.com", name, req={"roleName": WEBAPP_ROLE.name}, read_only=True,
             error=("AccessDenied", f"User: {c.identity['arn']} is not authorized to perform: iam:{name} on resource: "
                                    f"role {WEBAPP_ROLE.name} because no identity-based policy allows the iam:{name} "
                                    f"action"), step="1")
    t += timedelta(seconds=r.randint(5, 15))
    emit(t, PROD, "us-east-1", c, "s3.amazonaws.com", "ListBuckets", req={"Host": "s3.amazonaws.com"}, read_only=True,
         extra=s3_extra(), step="1", host="s3.amazonaws.com")
    t += timedelta(seconds=r.randint(10, 30))
    emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "DescribeInstances",
         req={"instancesSet": {}, "filterSet": {}}, read_only=True, step="1")
    t += timedelta(seconds=r.randint(5, 20))
    emit(t, PROD, "us-east-1", c, "ssm.amazonaws.com", "DescribeInstanceInformation",
         req={"maxResults": 50}, read_only=True, step="1")

    # ---- Step 1b, day 2 02:07: fresh credentials from the SSRF, then SSM commands on six more instances.
    t = DAY2 + timedelta(hours=2, minutes=7, seconds=31)
    c = stolen(t)
    note(t, "1", "webapp-ec2-role/i-0a1b2c3d4e5f60718 (stolen key)",
         "GetCallerIdentity, DescribeInstances, DescribeInstanceInformation, SendCommand x6 (AWS-RunShellScript), "
         "GetCommandInvocation x6")
    emit(t, PROD, "us-east-1", c, "sts.amazonaws.com", "GetCallerIdentity", read_only=True, step="1",
         host="sts.amazonaws.com")
    for region in ("us-east-1", "eu-west-1"):
        t += timedelta(seconds=r.randint(6, 20))
        emit(t, PROD, region, c, "ec2.amazonaws.com", "DescribeInstances", req={"instancesSet": {}, "filterSet": {
            "items": [{"name": "instance-state-name", "valueSet": {"items": [{"value": "running"}]}}]}},
             read_only=True, step="1")
    t += timedelta(seconds=r.randint(8, 20))
    emit(t, PROD, "us-east-1", c, "ssm.amazonaws.com", "DescribeInstanceInformation",
         req={"filters": [{"key": "PingStatus", "values": ["Online"]}], "maxResults": 50}, read_only=True, step="1")
    targets = [i.id for i in inv.instances if i.name in ("webapp-2", "webapp-3", "queue-worker-1", "queue-worker-2",
                                                         "reporting-1", "ops-tools-1")]
    cmds = []
    t += timedelta(seconds=r.randint(40, 80))
    for inst in targets:
        t += timedelta(seconds=r.randint(2, 6))
        cmd = new_uuid(r)
        cmds.append((cmd, inst))
        emit(t, PROD, "us-east-1", c, "ssm.amazonaws.com", "SendCommand",
             req={"instanceIds": [inst], "documentName": "AWS-RunShellScript",
                  "parameters": "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive": False},
             resp={"command": ssm_command(cmd, "AWS-RunShellScript", [inst], t, 1, PROD, "us-east-1")},
             read_only=False, step="1")
    for cmd, inst in cmds:
        t += timedelta(seconds=r.randint(3, 9))
        emit(t, PROD, "us-east-1", c, "ssm.amazonaws.com", "GetCommandInvocation",
             req={"commandId": cmd, "instanceId": inst}, read_only=True, step="1")

    # ---- Step 2, 02:19: a backdoor IAM user with admin rights, keys and a console password.
    t = DAY2 + timedelta(hours=2, minutes=19, seconds=4)
    c = stolen(t)
    backdoor = IamUser(PROD, "svc-backup-sync", aws_id("AIDA", r))
    backdoor_key = aws_id("AKIA", r)
    note(t, "2", "webapp-ec2-role/i-0a1b2c3d4e5f60718 (stolen key)",
         "CreateUser svc-backup-sync, AttachUserPolicy AdministratorAccess, CreateAccessKey, CreateLoginProfile")
    emit(t, PROD, "us-east-1", c, "iam.amazonaws.com", "CreateUser", req={"userName": backdoor.name},
         resp={"user": {"path": "/", "userName": backdoor.name, "userId": backdoor.aida, "arn": backdoor.arn,
                        "createDate": aws_date(t)}}, read_only=False, step="2")
    t += timedelta(seconds=r.randint(8, 20))
    emit(t, PROD, "us-east-1", c, "iam.amazonaws.com", "AttachUserPolicy",
         req={"userName": backdoor.name, "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
         read_only=False, step="2")
    t += timedelta(seconds=r.randint(8, 20))
    emit(t, PROD, "us-east-1", c, "iam.amazonaws.com", "CreateAccessKey", req={"userName": backdoor.name},
         resp={"accessKey": {"userName": backdoor.name, "accessKeyId": backdoor_key, "status": "Active",
                             "createDate": aws_date(t)}}, read_only=False, step="2")
    t += timedelta(seconds=r.randint(8, 20))
    emit(t, PROD, "us-east-1", c, "iam.amazonaws.com", "CreateLoginProfile",
         req={"userName": backdoor.name, "passwordResetRequired": False},
         resp={"loginProfile": {"userName": backdoor.name, "createDate": aws_date(t), "passwordResetRequired": False}},
         read_only=False, step="2")

    def as_backdoor(cmd_os: str = "os/linux#6.6.9-amd64 md/arch#x86_64") -> Caller:
        return Caller(iam_user_identity(backdoor, backdoor_key), IP_ATTACKER,
                      cli=(cmd_os, "source md/distrib#kali.2024"))

    # 02:24: the new key's first call, and a console sign-in with the new password (no MFA).
    t = DAY2 + timedelta(hours=2, minutes=24, seconds=40)
    note(t, "2", "svc-backup-sync (AKIA key)", "GetCallerIdentity, then ConsoleLogin without MFA")
    emit(t, PROD, "us-east-1", as_backdoor(), "sts.amazonaws.com", "GetCallerIdentity", read_only=True, step="2",
         host="sts.amazonaws.com")
    t += timedelta(minutes=1, seconds=52)
    console_login(t, backdoor, IP_ATTACKER, UA_ATTACKER_BROWSER, r, mfa=False, step="2")

    # ---- Step 3, 02:31: blind the defenders.
    t = DAY2 + timedelta(hours=2, minutes=31, seconds=12)
    c = as_backdoor()
    note(t, "3", "svc-backup-sync", "StopLogging org-trail, DeleteFlowLogs, GuardDuty UpdateDetector enable=false")
    emit(t - timedelta(seconds=25), PROD, "us-east-1", c, "cloudtrail.amazonaws.com", "DescribeTrails",
         req={"trailNameList": [], "includeShadowTrails": True}, read_only=True, step="3")
    # Step 7 (hostile input): the attacker's StopLogging call carries terminal escapes in its user agent. It is
    # the event every rule pack flags, so the demo has to print it, and print it safely.
    note(t, "7", "svc-backup-sync", "the StopLogging call above has userAgent \\u001b[2J\\u001b[31mpwned")
    hostile = Caller(c.identity, IP_ATTACKER, UA_HOSTILE)
    emit(t, PROD, "us-east-1", hostile, "cloudtrail.amazonaws.com", "StopLogging", req={"name": "org-trail"},
         read_only=False, step="3",
         resources=[{"accountId": PROD, "type": "AWS::CloudTrail::Trail",
                     "ARN": f"arn:aws:cloudtrail:us-east-1:{PROD}:trail/org-trail"}])
    t += timedelta(seconds=r.randint(20, 40))
    emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "DescribeFlowLogs",
         req={"DescribeFlowLogsRequest": ""}, read_only=True, step="3")
    t += timedelta(seconds=r.randint(10, 20))
    req_id = new_uuid()
    emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "DeleteFlowLogs",
         req={"DeleteFlowLogsRequest": {"FlowLogId": {"content": PROD_FLOW_LOG, "tag": 1}}},
         resp={"DeleteFlowLogsResponse": {"xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/", "requestId": req_id,
                                          "unsuccessful": ""}}, read_only=False, request_id=req_id, step="3")
    t += timedelta(seconds=r.randint(20, 40))
    emit(t, PROD, "us-east-1", c, "guardduty.amazonaws.com", "ListDetectors", read_only=True, step="3")
    t += timedelta(seconds=r.randint(6, 15))
    det = GUARDDUTY_DETECTORS[(PROD, "us-east-1")]
    emit(t, PROD, "us-east-1", c, "guardduty.amazonaws.com", "UpdateDetector",
         req={"detectorId": det, "enable": False}, read_only=False, step="3",
         resources=[{"accountId": PROD, "type": "AWS::GuardDuty::Detector",
                     "ARN": f"arn:aws:guardduty:us-east-1:{PROD}:detector/{det}"}])
    # an opt-in region for later (step 5)
    t += timedelta(minutes=3, seconds=r.randint(0, 30))
    note(t, "5", "svc-backup-sync", "EnableRegion ap-southeast-3")
    emit(t, PROD, "us-east-1", c, "account.amazonaws.com", "EnableRegion", req={"RegionName": "ap-southeast-3"},
         read_only=False, step="5")

    # ---- Step 4, 02:40: open the customer-exports bucket, share a snapshot, pull the data, read the secrets.
    t = DAY2 + timedelta(hours=2, minutes=40, seconds=3)
    note(t, "4", "svc-backup-sync", "DeleteBucketPublicAccessBlock + PutBucketPolicy (Principal *) on "
                                    "nw-customer-exports; ModifySnapshotAttribute share with 999988887777")
    s3_bucket_call(t, c, "DeleteBucketPublicAccessBlock", "nw-customer-exports", req_extra={"publicAccessBlock": ""},
                   read_only=False, step="4")
    t += timedelta(seconds=r.randint(20, 40))
    policy = {"Version": "2012-10-17", "Statement": [{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
                                                      "Action": "s3:GetObject",
                                                      "Resource": "arn:aws:s3:::nw-customer-exports/*"}]}
    s3_bucket_call(t, c, "PutBucketPolicy", "nw-customer-exports", req_extra={"bucketPolicy": policy, "policy": ""},
                   read_only=False, step="4", bytes_in=len(json.dumps(policy)))
    t += timedelta(seconds=r.randint(30, 60))
    emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "DescribeSnapshots",
         req={"snapshotSet": {}, "ownersSet": {"items": [{"owner": "self"}]}, "sharedUsersSet": {}, "filterSet": {}},
         read_only=True, step="4")
    db_snap = next(s for s, name in BACKUP_SNAPSHOTS[DAY2] if name == "reporting-1")
    t += timedelta(seconds=r.randint(40, 80))
    req_id = new_uuid()
    emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "ModifySnapshotAttribute",
         req={"snapshotId": db_snap, "attributeType": "CREATE_VOLUME_PERMISSION",
              "createVolumePermission": {"add": {"items": [{"userId": EXTERNAL_ACCOUNT}]}}},
         resp={"requestId": req_id, "_return": True}, read_only=False, request_id=req_id, step="4")
    # list what is there with the key, then download anonymously through the now-public policy
    t += timedelta(minutes=2)
    for cust in r.sample(CUSTOMERS, 3):
        t += timedelta(seconds=r.randint(3, 9))
        s3_list(t, c, "nw-customer-exports", f"exports/{cust}/", step="4")
    anon = Caller({"type": "AWSAccount", "principalId": "", "accountId": "anonymous"}, IP_ATTACKER, UA_REQUESTS)
    export_keys = [f"exports/{cust}/{d}/{f}" for cust in CUSTOMERS for d in ("2026-03-07", "2026-03-08", "2026-03-09",
                                                                             "2026-03-10")
                   for f in EXPORT_FILES]
    r.shuffle(export_keys)
    t = DAY2 + timedelta(hours=2, minutes=48, seconds=20)
    note(t, "4", "anonymous (public bucket policy)", "GetObject x150 on nw-customer-exports in under 10 minutes")
    for k in export_keys[:150]:
        t += timedelta(milliseconds=r.randint(1500, 6000))
        s3_object(t, anon, "GetObject", "nw-customer-exports", k, size=r.randint(50_000, 6_000_000), step="4",
                  anonymous=True)
    t = DAY2 + timedelta(hours=3, minutes=26, seconds=5)
    note(t, "4", "svc-backup-sync", "ListSecrets, GetSecretValue on 12 secrets in under 5 minutes")
    emit(t, PROD, "us-east-1", c, "secretsmanager.amazonaws.com", "ListSecrets", req={"maxResults": 100},
         read_only=True, step="4")
    secrets_key = key_arn(PROD, "us-east-1", "alias/nw-secrets-key")
    for s in SECRETS:
        t += timedelta(seconds=r.randint(10, 22))
        emit(t, PROD, "us-east-1", c, "secretsmanager.amazonaws.com", "GetSecretValue", req={"secretId": s},
             read_only=True, step="4")
        kms_via_service(t + timedelta(milliseconds=150), PROD, "us-east-1", c.identity,
                        "secretsmanager.amazonaws.com", "Decrypt", secrets_key,
                        {"SecretARN": secret_arn(s), "SecretVersionId": new_uuid(r)}, step="4")

    # ---- Step 5, 04:41: GPU instances in a region the company never used.
    t = DAY2 + timedelta(hours=4, minutes=41, seconds=27)
    region = "ap-southeast-3"
    note(t, "5", "svc-backup-sync", "DescribeImages, CreateSecurityGroup, AuthorizeSecurityGroupIngress 0.0.0.0/0:22, "
                                    "RunInstances 8 x p3.16xlarge, RequestServiceQuotaIncrease (ap-southeast-3)")
    emit(t, PROD, region, c, "ec2.amazonaws.com", "DescribeImages",
         req={"executableBySet": {}, "imagesSet": {}, "ownersSet": {"items": [{"owner": "099720109477"}]},
              "filterSet": {"items": [{"name": "name", "valueSet": {"items": [
                  {"value": "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"}]}}]}},
         read_only=True, step="5")
    t += timedelta(seconds=r.randint(10, 25))
    emit(t, PROD, region, c, "ec2.amazonaws.com", "DescribeVpcs", req={"vpcSet": {}, "filterSet": {"items": [
        {"name": "isDefault", "valueSet": {"items": [{"value": "true"}]}}]}}, read_only=True, step="5")
    sg = hex_id("sg-", rng=r)
    vpc = hex_id("vpc-", rng=r)
    t += timedelta(seconds=r.randint(10, 25))
    req_id = new_uuid()
    emit(t, PROD, region, c, "ec2.amazonaws.com", "CreateSecurityGroup",
         req={"groupName": "default-ssh", "groupDescription": "ssh", "vpcId": vpc},
         resp={"requestId": req_id, "_return": True, "groupId": sg}, read_only=False, request_id=req_id, step="5")
    t += timedelta(seconds=r.randint(5, 15))
    req_id = new_uuid()
    emit(t, PROD, region, c, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
         req={"groupId": sg, "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
                                                          "groups": {}, "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                                                          "ipv6Ranges": {}, "prefixListIds": {}}]}},
         resp={"requestId": req_id, "_return": True, "securityGroupRuleSet": {"items": [{
             "groupOwnerId": PROD, "groupId": sg, "securityGroupRuleId": hex_id("sgr-", rng=r), "isEgress": False,
             "ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "cidrIpv4": "0.0.0.0/0"}]}},
         read_only=False, request_id=req_id, step="5")
    t += timedelta(seconds=r.randint(20, 40))
    req_id = new_uuid()
    ami = hex_id("ami-", rng=r)
    instances = [{"instanceId": hex_id("i-", rng=r), "imageId": ami, "instanceType": "p3.16xlarge",
                  "instanceState": {"code": 0, "name": "pending"}, "amiLaunchIndex": i} for i in range(8)]
    emit(t, PROD, region, c, "ec2.amazonaws.com", "RunInstances",
         req={"instancesSet": {"items": [{"imageId": ami, "minCount": 8, "maxCount": 8}]},
              "groupSet": {"items": [{"groupId": sg}]}, "userData": "<sensitiveDataRemoved>",
              "instanceType": "p3.16xlarge", "blockDeviceMapping": {}, "monitoring": {"enabled": False},
              "disableApiTermination": False, "disableApiStop": False, "clientToken": new_uuid(r)},
         resp={"requestId": req_id, "reservationId": hex_id("r-", rng=r), "ownerId": PROD, "groupSet": {"items": [
             {"groupId": sg, "groupName": "default-ssh"}]}, "instancesSet": {"items": instances}},
         read_only=False, request_id=req_id, step="5")
    t += timedelta(minutes=2, seconds=r.randint(0, 40))
    emit(t, PROD, region, c, "servicequotas.amazonaws.com", "RequestServiceQuotaIncrease",
         req={"serviceCode": "ec2", "quotaCode": "L-417A185B", "desiredValue": 1024.0},
         resp={"requestedQuota": {"id": hex_id("", 32, r), "serviceCode": "ec2",
                                  "serviceName": "Amazon Elastic Compute Cloud (Amazon EC2)", "quotaCode": "L-417A185B",
                                  "quotaName": "Running On-Demand P instances", "desiredValue": 1024.0,
                                  "status": "PENDING", "created": aws_date(t), "requester": backdoor.arn,
                                  "quotaArn": f"arn:aws:servicequotas:{region}:{PROD}:ec2/L-417A185B",
                                  "globalQuota": False, "unit": "None", "quotaRequestedAtLevel": "ACCOUNT"}},
         read_only=False, step="5")

    # ---- Step 6, day 2 13:07: ransomware on two buckets and on the backups.
    t = DAY2 + timedelta(hours=13, minutes=7, seconds=2)
    note(t, "6", "svc-backup-sync", "PutBucketVersioning Suspended x2, ListObjectVersions, DeleteObject x400 on "
                                    "nw-customer-exports and nw-prod-datalake-curated, PutObject README_RESTORE_FILES.txt x2")
    victims = {"nw-prod-datalake-curated": 230, "nw-customer-exports": 170}
    for bucket in victims:
        s3_bucket_call(t, c, "PutBucketVersioning", bucket, read_only=False, step="6",
                       req_extra={"versioning": "", "VersioningConfiguration": {
                           "Status": "Suspended", "xmlns": "http://s3.amazonaws.com/doc/2006-03-01/"}}, bytes_in=120)
        t += timedelta(seconds=r.randint(4, 9))
    for bucket, n in victims.items():
        prefix = "curated/" if bucket == "nw-prod-datalake-curated" else "exports/"
        for _ in range(2):
            t += timedelta(seconds=r.randint(1, 3))
            s3_list(t, c, bucket, prefix, versions=True, step="6")
        if bucket == "nw-prod-datalake-curated":
            keys = [f"curated/{tb}/dt=2026-03-{d:02d}/part-{h:02d}{i:03d}.snappy.parquet" for tb in CURATED_TABLES
                    for d in (9, 10, 11) for h in range(0, 24, 3) for i in range(2)]
        else:
            keys = [f"exports/{cust}/{d}/{f}" for cust in CUSTOMERS for d in
                    ("2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11") for f in EXPORT_FILES]
        r.shuffle(keys)
        for k in keys[:n]:
            t += timedelta(milliseconds=r.randint(600, 1900))
            s3_object(t, c, "DeleteObject", bucket, k, version_id="".join(
                r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._") for _ in range(32)),
                      step="6")
        t += timedelta(seconds=r.randint(2, 6))
        s3_object(t, c, "PutObject", bucket, "README_RESTORE_FILES.txt", size=1873, step="6")
    t += timedelta(seconds=r.randint(20, 40))
    note(t, "6", "svc-backup-sync", "DeleteSnapshot x10, ScheduleKeyDeletion (7 days) on alias/nw-backup-key, "
                                    "DeleteBackupVault (AccessDenied)")
    emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "DescribeSnapshots",
         req={"snapshotSet": {}, "ownersSet": {"items": [{"owner": "self"}]}, "sharedUsersSet": {}, "filterSet": {}},
         read_only=True, step="6")
    doomed = [s for s, _ in BACKUP_SNAPSHOTS[DAY2]] + [s for s, _ in BACKUP_SNAPSHOTS[DAY1]] + \
             [s for s, _ in OLD_SNAPSHOTS[-2:]]
    for snap in doomed[:10]:
        t += timedelta(milliseconds=r.randint(700, 2500))
        req_id = new_uuid()
        emit(t, PROD, "us-east-1", c, "ec2.amazonaws.com", "DeleteSnapshot", req={"snapshotId": snap},
             resp={"requestId": req_id, "_return": True}, read_only=False, request_id=req_id, step="6")
    t += timedelta(seconds=r.randint(30, 60))
    backup_key = key_arn(PROD, "us-east-1", "alias/nw-backup-key")
    emit(t, PROD, "us-east-1", c, "kms.amazonaws.com", "ScheduleKeyDeletion",
         req={"keyId": backup_key.rsplit("/", 1)[1], "pendingWindowInDays": 7},
         resp={"keyId": backup_key, "deletionDate": aws_date(t + timedelta(days=7)), "keyState": "PendingDeletion",
               "pendingWindowInDays": 7}, read_only=False, step="6",
         resources=[{"accountId": PROD, "type": "AWS::KMS::Key", "ARN": backup_key}])
    t += timedelta(seconds=r.randint(20, 40))
    vault = f"arn:aws:backup:us-east-1:{PROD}:backup-vault:nw-prod-backup-vault"
    emit(t, PROD, "us-east-1", c, "backup.amazonaws.com", "DeleteBackupVault",
         req={"backupVaultName": "nw-prod-backup-vault"}, read_only=False, step="6",
         error=("AccessDeniedException", f"User: {backdoor.arn} is not authorized to perform: backup:DeleteBackupVault "
                                         f"on resource: {vault} with an explicit deny in a resource-based policy"))


# --------------------------------------------------------------------------------------------------
# Delivery files
# --------------------------------------------------------------------------------------------------


def write_dataset() -> dict:
    names = rng_for("file-names")
    groups: dict[tuple[str, str, datetime], list[Event]] = defaultdict(list)
    for e in EVENTS:
        start = e.time.replace(minute=e.time.minute - e.time.minute % 15, second=0, microsecond=0)
        groups[(e.account, e.region, start)].append(e)
    if (DEMO / "AWSLogs").exists():
        shutil.rmtree(DEMO / "AWSLogs")
    paths = []
    total = 0
    for (acct, region, start) in sorted(groups):
        events = sorted(groups[(acct, region, start)], key=lambda e: (e.time, e.seq))
        delivered = start + WINDOW + timedelta(minutes=names.randint(0, 4))
        suffix = "".join(names.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                         for _ in range(16))
        rel = (f"AWSLogs/{acct}/CloudTrail/{region}/{delivered:%Y/%m/%d}/"
               f"{acct}_CloudTrail_{region}_{delivered:%Y%m%dT%H%MZ}_{suffix}.json.gz")
        body = json.dumps({"Records": [e.record for e in events]}, separators=(",", ":")).encode("utf-8")
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
            gz.write(body)
        out = DEMO / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(buf.getvalue())
        total += len(buf.getvalue())
        paths.append(rel)
    paths.sort()
    (DEMO / "index.txt").write_text(INDEX_HEADER + "\n" + "\n".join(paths) + "\n", encoding="utf-8")
    return {"files": len(paths), "bytes": total}


def main() -> int:
    human_background()
    ci_deploys()
    nightly_backup()
    etl_hourly()
    webapp_background()
    config_recorder()
    security_services()
    ssm_patching()
    benign_lookalikes()
    attack()
    assert all(DAY1 <= e.time < DAY2 + timedelta(days=1) for e in EVENTS), "event outside the two days"
    ids = Counter(e.record["eventID"] for e in EVENTS)
    assert max(ids.values()) == 1, "duplicate eventID"
    stats = write_dataset()
    steps = Counter(e.step for e in EVENTS)
    attack_n = sum(n for s, n in steps.items() if s not in ("", "LA"))
    print(f"events: {len(EVENTS)} (background {steps[''] + steps['LA']}, of which look-alikes {steps['LA']}; "
          f"attack {attack_n})")
    print("attack events per step: " + ", ".join(f"{s}: {steps[s]}" for s in sorted(steps) if s not in ("", "LA")))
    print(f"files: {stats['files']}, compressed bytes: {stats['bytes']}")
    by_place = Counter((e.account, e.region) for e in EVENTS)
    for (acct, region), n in sorted(by_place.items()):
        print(f"  {ACCOUNT_NAMES[acct]:<19} {acct} {region:<15} {n:>5}")
    print("ground truth:")
    for t, step, principal, calls, _ in sorted(GROUND_TRUTH):
        print(f"  {t}  step {step}  {principal}: {calls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
