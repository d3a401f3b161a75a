#!/usr/bin/env python3
"""Writes a synthetic intel feed of N mixed indicators, for measuring hunts with a large intel store.

Usage: tools/bench/generate_intel.py N OUT.csv [SEED]
Output: CSV with a header (value,type,confidence,context), one indicator per line, deterministic for a
seed. Mix: 49% IPv4 addresses, 1% IPv4 networks (/20 to /29), 1% IPv6, 25% domains, 8% URLs, 8% file
hashes, 3% user agents, 2% access key ids, 1% account ids, 1% role ARNs, 1% wallets. Values are drawn
from documentation and random space so that they rarely hit real traffic; that is the point: the
benchmark measures lookup cost, not findings.
"""
import hashlib
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    words = ["alpha", "bravo", "cdn", "update", "sync", "pool", "mine", "edge", "api", "static", "img", "login"]
    tlds = ["com", "net", "org", "io", "ru", "xyz", "top", "info"]
    b58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    with open(out, "w", encoding="utf-8") as f:
        f.write("value,type,confidence,context\n")
        for i in range(n):
            r = rnd.random()
            if r < 0.49:
                v, t = ".".join(str(rnd.randrange(1, 255)) for _ in range(4)), "ip"
            elif r < 0.50:
                p = rnd.randrange(20, 30)
                v, t = ".".join(str(rnd.randrange(1, 255)) for _ in range(4)) + "/" + str(p), "ip"
            elif r < 0.51:
                v, t = "2001:db8:%x:%x::%x" % (rnd.randrange(65536), rnd.randrange(65536), rnd.randrange(65536)), "ip"
            elif r < 0.76:
                v, t = "%s%d.%s.%s" % (rnd.choice(words), i, rnd.choice(words), rnd.choice(tlds)), "domain"
            elif r < 0.84:
                v, t = "http://%s%d.%s/%s/%d" % (rnd.choice(words), i, rnd.choice(tlds), rnd.choice(words), i), "url"
            elif r < 0.92:
                v, t = hashlib.sha256(str(i).encode()).hexdigest(), "file-hash"
            elif r < 0.95:
                v, t = "tool-%d/%d.%d" % (i, rnd.randrange(10), rnd.randrange(10)), "user-agent"
            elif r < 0.97:
                v, t = "AKIA" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)), "access-key"
            elif r < 0.98:
                v, t = "%012d" % rnd.randrange(10 ** 12), "account"
            elif r < 0.99:
                v, t = "arn:aws:iam::%012d:role/r%d" % (rnd.randrange(10 ** 12), i), "arn"
            else:
                v, t = "4" + "".join(rnd.choice(b58) for _ in range(94)), "wallet"
            f.write('%s,%s,%d,"campaign: synthetic-%d"\n' % (v, t, rnd.randrange(30, 100), i % 50))


if __name__ == "__main__":
    main()
