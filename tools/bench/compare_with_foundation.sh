#!/usr/bin/env bash
# Head-to-head hunt throughput: the foundation's Kumo (issue 2, commit 0c22826) against this checkout, on the
# same corpus and machine, in interleaved rounds (a shared machine drifts too much for figures taken hours
# apart to be compared).
#
#   tools/bench/compare_with_foundation.sh /tmp/kumo-corpus ../shared/sigma/rules [rounds]
set -euo pipefail
corpus=${1:?corpus folder (see README, Performance)}
rules=${2:?Sigma rules folder}
rounds=${3:-2}
foundation=${FOUNDATION_COMMIT:-0c22826}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/foundation" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$here" worktree add -q "$work/foundation" "$foundation"
(cd "$work/foundation" && ./mvnw -q -B package -DskipTests)
(cd "$here" && ./mvnw -q -B package -DskipTests)
cp "$work/foundation/kumo-cli/target/kumo.jar" "$work/foundation.jar"
cp "$here/kumo-cli/target/kumo.jar" "$work/current.jar"

opts=${KUMO_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}
for ((r = 1; r <= rounds; r++)); do
  for jar in foundation current; do
    # shellcheck disable=SC2086
    java $opts -jar "$work/$jar.jar" bench "$corpus" --rules "$rules" --repeat 3 \
      | awk -v jar="$jar" '/^full hunt /{print jar, $3, $6}' >> "$work/results"
  done
done
awk '{gsub(",", "", $3); k = $1 SUBSEP $2; sum[k] += $3; n[k]++; threads[$2] = 1}
     END {
       for (t in threads) {
         f = "foundation" SUBSEP t; c = "current" SUBSEP t;
         if (n[f] > 0 && n[c] > 0)
           printf "full hunt, %s thread(s): foundation %.0f events/s, current %.0f events/s: %.0f%%\n", t,
             sum[f] / n[f], sum[c] / n[c], 100 * (sum[c] / n[c]) / (sum[f] / n[f])
       }
     }' "$work/results" | sort
cat "$work/results" >&2
