#!/usr/bin/env python3
"""Collects the real log samples in ../shared/data into one folder of plain log files, one file per
Panther log type (the `log` record of each rule test) plus the plaso and AWS docs samples as they are.

Used for the per-source benchmark (README, "Performance"):

    python3 tools/bench/extract_samples.py ../shared/data /tmp/kumo-samples
    ./kumo replay /tmp/kumo-samples --copies 400 -o /tmp/kumo-source-corpus
    ./kumo bench /tmp/kumo-source-corpus --sources-only

Nothing is copied into the project; the output folder is scratch.
"""
import gzip
import json
import os
import shutil
import sys


def panther_logs(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                case = json.loads(line)
                if isinstance(case.get("log"), dict):
                    yield case["log"]


def main(shared_data, out):
    os.makedirs(out, exist_ok=True)
    panther = os.path.join(shared_data, "panther-analysis-tests")
    for folder in (panther, os.path.join(panther, "other-saas")):
        for name in sorted(os.listdir(folder)):
            if not (name.startswith("tests_") and name.endswith(".jsonl.gz")):
                continue
            log_type = name[len("tests_"):-len(".jsonl.gz")]
            if log_type == "correlation_and_query_rules" or log_type.startswith("Policy"):
                continue
            with open(os.path.join(out, "panther_" + log_type + ".jsonl"), "w", encoding="utf-8") as w:
                for log in panther_logs(os.path.join(folder, name)):
                    w.write(json.dumps(log, separators=(",", ":")) + "\n")
    for sub in ("plaso-cloud-test-data", "aws-docs-samples"):
        folder = os.path.join(shared_data, sub)
        for name in sorted(os.listdir(folder)):
            src = os.path.join(folder, name)
            if os.path.isfile(src) and not name.endswith(".md"):
                shutil.copyfile(src, os.path.join(out, sub + "_" + name))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: extract_samples.py SHARED_DATA_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
