#!/usr/bin/env python3
"""Load test for `kumo serve`: sustained HTTP push and ingest-to-alert latency.

Usage: push_load.py --url http://127.0.0.1:8080 --token TOKEN [--rate 20000] [--seconds 60]
                    [--batch 1000] [--hook-port 9099] [--alert-every 20]

Pushes CloudTrail records at --rate events/s in batches of --batch to POST /api/v1/ingest. Every
--alert-every-th batch carries one StopLogging call by a fresh user (so deduplication never merges them);
a webhook receiver on --hook-port (configure a generic webhook output to http://127.0.0.1:PORT/hook with
min_level: low and rate_limit: none) records when each alert arrives. Prints the achieved push rate, the
ingest rate read from /metrics, and the p50/p95/p99/max ingest-to-alert latency (push sent -> alert received).
"""
import argparse
import http.client
import http.server
import json
import random
import re
import threading
import time
import urllib.parse

SENT = {}      # user -> time the batch holding its StopLogging was sent
ARRIVED = {}   # user -> time its alert arrived
LOCK = threading.Lock()
USER = re.compile(r"loaduser-\d{6}")


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        now = time.time()
        m = USER.search(body.decode("utf-8", "replace"))
        if m:
            with LOCK:
                ARRIVED.setdefault(m.group(0), now)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def record(i, name, user):
    return {"eventVersion": "1.08", "userIdentity": {
        "type": "IAMUser", "principalId": "AIDA" + user, "arn": "arn:aws:iam::111122223333:user/" + user,
        "accountId": "111122223333", "accessKeyId": "AKIALOAD%012d" % (i % 1000), "userName": user},
        "eventTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "eventSource": "ec2.amazonaws.com"
        if name != "StopLogging" else "cloudtrail.amazonaws.com", "eventName": name, "awsRegion": "eu-west-1",
        "sourceIPAddress": "198.51.100.%d" % (i % 250), "userAgent": "aws-cli/2.15.0",
        "requestParameters": {"name": "main"} if name == "StopLogging" else {"instancesSet": {}},
        "responseElements": None, "requestID": "req-%d" % i, "eventID": "load-%012d" % i, "readOnly":
        name != "StopLogging", "eventType": "AwsApiCall", "managementEvent": True,
        "recipientAccountId": "111122223333", "eventCategory": "Management"}


def metric(url, token, name):
    u = urllib.parse.urlparse(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    c.request("GET", "/metrics", headers={"Authorization": "Bearer " + token})
    text = c.getresponse().read().decode()
    for line in text.splitlines():
        if line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--rate", type=int, default=20000)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--hook-port", type=int, default=9099)
    p.add_argument("--alert-every", type=int, default=20)
    a = p.parse_args()
    hook = http.server.ThreadingHTTPServer(("127.0.0.1", a.hook_port), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    u = urllib.parse.urlparse(a.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    names = ["DescribeInstances", "DescribeVolumes", "DescribeSecurityGroups", "GetConsoleOutput"]
    start_added = metric(a.url, a.token, "kumo_ingest_events_added_total")
    t0 = time.time()
    sent = 0
    batch_no = 0
    rng = random.Random(1)
    while time.time() - t0 < a.seconds:
        recs = [record(sent + k, rng.choice(names), "app-%d" % (k % 50)) for k in range(a.batch)]
        user = None
        if batch_no % a.alert_every == 0:
            user = "loaduser-%06d" % batch_no
            recs[-1] = record(sent + a.batch - 1, "StopLogging", user)
        body = json.dumps({"Records": recs}).encode()
        now = time.time()
        conn.request("POST", "/api/v1/ingest", body=body, headers={
            "Authorization": "Bearer " + a.token, "Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        if r.status != 202:
            raise SystemExit("push answered %d" % r.status)
        if user:
            with LOCK:
                SENT[user] = now
        sent += a.batch
        batch_no += 1
        ahead = sent / a.rate - (time.time() - t0)
        if ahead > 0:
            time.sleep(ahead)
    pushed_for = time.time() - t0
    deadline = time.time() + 120
    drained_at = None
    while time.time() < deadline:
        if drained_at is None and metric(a.url, a.token, "kumo_ingest_events_added_total") - start_added >= sent:
            drained_at = time.time()
        with LOCK:
            alerts_done = len(ARRIVED) >= len(SENT)
        if drained_at is not None and alerts_done:
            break
        time.sleep(0.2)
    added = metric(a.url, a.token, "kumo_ingest_events_added_total") - start_added
    lat = sorted(ARRIVED[u] - SENT[u] for u in SENT if u in ARRIVED)

    def pct(q):
        return lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
    print("pushed %d events in %.1f s: %.0f events/s" % (sent, pushed_for, sent / pushed_for))
    if drained_at:
        print("ingested all %d into the case %.1f s after the first push: %.0f events/s"
              % (added, drained_at - t0, added / (drained_at - t0)))
    else:
        print("ingested %d of %d within the wait" % (added, sent))
    print("alerts: %d of %d arrived; ingest-to-alert p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s"
          % (len(lat), len(SENT), pct(0.5), pct(0.95), pct(0.99), lat[-1] if lat else float("nan")))


if __name__ == "__main__":
    main()
