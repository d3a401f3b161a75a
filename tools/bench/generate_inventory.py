#!/usr/bin/env python3
"""Writes a large synthetic AWS Config snapshot for `kumo posture` benchmarks.

Usage: generate_inventory.py RESOURCES OUT.json.gz [--seed N]

The snapshot holds a mix of S3 buckets, EC2 instances, security groups, volumes, VPCs, IAM roles and
trails across 4 regions of 10 accounts, in the delivered-snapshot format; about a tenth of them are
misconfigured. Deterministic for a seed.
"""
import argparse
import gzip
import json
import random

REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2"]


def item(account, region, rtype, rid, arn, configuration, supplementary=None):
    return {
        "relatedEvents": [], "relationships": [], "configuration": configuration,
        "supplementaryConfiguration": supplementary or {}, "tags": {}, "configurationItemVersion": "1.3",
        "configurationItemCaptureTime": "2026-11-20T08:00:00.000Z", "configurationStateId": 1763625600123,
        "awsAccountId": account, "configurationItemStatus": "OK", "resourceType": rtype, "resourceId": rid,
        "resourceName": rid, "ARN": arn, "awsRegion": region, "availabilityZone": "Regional",
        "configurationStateMd5Hash": "",
    }


def bucket(rng, account, region, i):
    name = "bucket-%s-%06d" % (account[-4:], i)
    grants = [{"grantee": {"id": "owner", "displayName": None}, "permission": "FullControl"}]
    if rng.random() < 0.05:
        grants.append({"grantee": "AllUsers", "permission": "Read"})
    acl = json.dumps({"grantSet": None, "grantList": grants, "owner": {"id": "owner"}, "isRequesterCharged": False})
    sup = {"AccessControlList": acl, "BucketPolicy": {"policyText": None},
           "BucketVersioningConfiguration": {"status": "Enabled" if rng.random() < 0.8 else "Off",
                                             "isMfaDeleteEnabled": False},
           "BucketLoggingConfiguration": {"destinationBucketName": "logs" if rng.random() < 0.5 else None},
           "PublicAccessBlockConfiguration": {"blockPublicAcls": True, "ignorePublicAcls": rng.random() < 0.9,
                                              "blockPublicPolicy": True, "restrictPublicBuckets": True}}
    return item(account, region, "AWS::S3::Bucket", name, "arn:aws:s3:::" + name, {"name": name}, sup)


def instance(rng, account, region, i, vpc, sg):
    iid = "i-%017x" % (i * 7919 + int(account))
    conf = {"instanceId": iid, "instanceType": rng.choice(["t3.micro", "m5.large", "p3.2xlarge"]),
            "imageId": "ami-0abc", "vpcId": vpc, "subnetId": "subnet-1", "state": {"name": "running"},
            "metadataOptions": {"httpTokens": "optional" if rng.random() < 0.2 else "required",
                                "httpEndpoint": "enabled"},
            "securityGroups": [{"groupId": sg, "groupName": sg}], "monitoring": {"state": "disabled"}}
    if rng.random() < 0.1:
        conf["publicIpAddress"] = "203.0.113.%d" % (i % 250)
    return item(account, region, "AWS::EC2::Instance", iid,
                "arn:aws:ec2:%s:%s:instance/%s" % (region, account, iid), conf)


def security_group(rng, account, region, i, vpc):
    gid = "sg-%017x" % (i * 104729 + int(account))
    cidr = "0.0.0.0/0" if rng.random() < 0.05 else "10.0.0.0/8"
    conf = {"groupId": gid, "groupName": "app-%d" % i, "vpcId": vpc,
            "ipPermissions": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
                               "ipv4Ranges": [{"cidrIp": cidr}], "ipRanges": [cidr], "ipv6Ranges": [],
                               "userIdGroupPairs": [], "prefixListIds": []}],
            "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}],
                                     "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [],
                                     "prefixListIds": []}]}
    return item(account, region, "AWS::EC2::SecurityGroup", gid,
                "arn:aws:ec2:%s:%s:security-group/%s" % (region, account, gid), conf)


def volume(rng, account, region, i):
    vid = "vol-%017x" % (i * 15485863 + int(account))
    return item(account, region, "AWS::EC2::Volume", vid, "arn:aws:ec2:%s:%s:volume/%s" % (region, account, vid),
                {"volumeId": vid, "encrypted": rng.random() < 0.9, "size": 50})


def role(rng, account, i):
    name = "role-%06d" % i
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
        "Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    attached = [{"policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess", "policyName": "ReadOnlyAccess"}]
    if rng.random() < 0.02:
        attached.append({"policyArn": "arn:aws:iam::aws:policy/AdministratorAccess",
                         "policyName": "AdministratorAccess"})
    conf = {"roleName": name, "roleId": "AROA%012d" % i, "arn": "arn:aws:iam::%s:role/%s" % (account, name),
            "assumeRolePolicyDocument": trust, "attachedManagedPolicies": attached, "rolePolicyList": [],
            "instanceProfileList": []}
    return item(account, "global", "AWS::IAM::Role", "AROA%012d" % i, conf["arn"], conf)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("resources", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    accounts = ["%012d" % (100000000000 + k) for k in range(10)]
    items = []
    for account in accounts:
        for region in REGIONS:
            trail = "trail-%s" % region
            items.append(item(account, region, "AWS::CloudTrail::Trail", trail,
                              "arn:aws:cloudtrail:%s:%s:trail/%s" % (region, account, trail),
                              {"name": trail, "isMultiRegionTrail": False, "homeRegion": region,
                               "isLogging": region != "ap-southeast-2", "logFileValidationEnabled": True,
                               "kmsKeyId": "k", "eventSelectors": [{"readWriteType": "All",
                                                                   "includeManagementEvents": True,
                                                                   "dataResources": []}]}))
            vpc = "vpc-%s%s" % (account[-6:], region[:2])
            items.append(item(account, region, "AWS::EC2::VPC", vpc, "arn:aws:ec2:%s:%s:vpc/%s"
                              % (region, account, vpc), {"vpcId": vpc, "isDefault": False}))
    i = 0
    while len(items) < a.resources:
        account = accounts[i % len(accounts)]
        region = REGIONS[(i // len(accounts)) % len(REGIONS)]
        vpc = "vpc-%s%s" % (account[-6:], region[:2])
        kind = i % 5
        if kind == 0:
            items.append(bucket(rng, account, region, i))
        elif kind == 1:
            items.append(instance(rng, account, region, i, vpc, "sg-%017x" % ((i - 1) * 104729 + int(account))))
        elif kind == 2:
            items.append(security_group(rng, account, region, i, vpc))
        elif kind == 3:
            items.append(volume(rng, account, region, i))
        else:
            items.append(role(rng, account, i))
        i += 1
    doc = {"fileVersion": "1.0", "configSnapshotId": "bench-%d" % a.seed, "configurationItems": items}
    with gzip.open(a.out, "wt", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
