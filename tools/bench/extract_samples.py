#!/usr/bin/env python3
"""Collects the real log samples in ../shared/data into one folder of plain log files, one file per
Panther log type (the `log` record of each rule test) plus the plaso and AWS docs samples as they are.

Every sample is grown to at least MIN_RECORDS records by repeating its records (keeping headers and
envelopes), so that a benchmark measures parsing rather than opening many tiny files. Extra files or
folders given after OUT_DIR (e.g. Kumo's own test samples for sources ../shared has no logs of) are added
the same way.

Used for the per-source benchmark (README, "Performance"):

    python3 tools/bench/extract_samples.py ../shared/data /tmp/kumo-samples kumo-core/src/test/resources/samples/linux.auditd
    ./kumo replay /tmp/kumo-samples --copies 400 -o /tmp/kumo-source-corpus
    ./kumo bench /tmp/kumo-source-corpus --sources-only

Nothing is copied into the project; the output folder is scratch.
"""
import gzip
import json
import os
import sys

MIN_RECORDS = 2000
ENVELOPES = ("Records", "records", "value", "items", "events", "data", "entries", "Findings", "logEvents")


def panther_logs(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                case = json.loads(line)
                if isinstance(case.get("log"), dict):
                    yield case["log"]


def grow_text(text):
    """Repeats the records of a log text: JSON documents by their record list, else line by line."""
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if isinstance(doc, list) and doc:
        return json.dumps(doc * max(1, MIN_RECORDS // len(doc) + 1))
    if isinstance(doc, dict):
        for key in ENVELOPES:
            if isinstance(doc.get(key), list) and doc[key]:
                doc[key] = doc[key] * max(1, MIN_RECORDS // len(doc[key]) + 1)
                return json.dumps(doc)
        return text
    lines = text.splitlines()
    head = 0
    while head < len(lines) and (lines[head].startswith("#") or lines[head].startswith("version ")
                                 or (head == 0 and "," in lines[0] and not lines[0].lstrip().startswith("{"))):
        head += 1
    body = [l for l in lines[head:] if l.strip()]
    if not body:
        return text
    return "\n".join(lines[:head] + body * max(1, MIN_RECORDS // len(body) + 1)) + "\n"


def write_grown(src, dst):
    opener = gzip.open if src.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8", errors="replace") as f:
        text = f.read()
    with opener(dst, "wt", encoding="utf-8") as w:
        w.write(grow_text(text))


def main(shared_data, out, extra):
    os.makedirs(out, exist_ok=True)
    panther = os.path.join(shared_data, "panther-analysis-tests")
    for folder in (panther, os.path.join(panther, "other-saas")):
        for name in sorted(os.listdir(folder)):
            if not (name.startswith("tests_") and name.endswith(".jsonl.gz")):
                continue
            log_type = name[len("tests_"):-len(".jsonl.gz")]
            if log_type == "correlation_and_query_rules" or log_type.startswith("Policy"):
                continue
            lines = [json.dumps(log, separators=(",", ":")) for log in panther_logs(os.path.join(folder, name))]
            with open(os.path.join(out, "panther_" + log_type + ".jsonl"), "w", encoding="utf-8") as w:
                w.write(grow_text("\n".join(lines) + "\n"))
    for sub in ("plaso-cloud-test-data", "aws-docs-samples"):
        folder = os.path.join(shared_data, sub)
        for name in sorted(os.listdir(folder)):
            src = os.path.join(folder, name)
            if os.path.isfile(src) and not name.endswith(".md") and name != "LICENSE":
                write_grown(src, os.path.join(out, sub + "_" + name))
    for path in extra:
        files = [path] if os.path.isfile(path) else [os.path.join(path, n) for n in sorted(os.listdir(path))]
        for src in files:
            write_grown(src, os.path.join(out, "extra_" + os.path.basename(os.path.dirname(src)) + "_"
                                          + os.path.basename(src)))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: extract_samples.py SHARED_DATA_DIR OUT_DIR [EXTRA_FILE_OR_DIR...]")
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
