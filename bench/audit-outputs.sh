#!/usr/bin/env bash
# usage: bench/audit-outputs.sh CHECKOUT OUTDIR [DATA_100K]
# The built CLI of CHECKOUT on the sample month, each formats fixture (alone and as a folder), the nightly and
# appeal fixtures, a 100k bench set (default bench/data/100000, skipped if missing: npm run bench:generate --
# --orders 100000) and explain; text, JSON and evidence CSV per case into OUTDIR. Two checkouts give
# byte-identical outputs when `diff -r OUT_A OUT_B` prints nothing (the check every refactor is held to).
set -u
co=$(cd "$1" && pwd); out=$(mkdir -p "$2" && cd "$2" && pwd); data=${3:-$co/bench/data/100000}
cli="node $co/bin/shipaudit.js"
export NO_COLOR=1 COLUMNS=100000 TZ=UTC
run() { # name, args...
  local name=$1; shift
  (cd "$co" && $cli audit "$@" --format json --evidence "$out/$name.evidence.csv" >"$out/$name.json" 2>"$out/$name.json.err"; echo "exit $?" >>"$out/$name.json.err")
  rm -f "$out/$name.evidence.csv.tmp"* 2>/dev/null
  (cd "$co" && $cli audit "$@" >"$out/$name.txt" 2>"$out/$name.txt.err"; echo "exit $?" >>"$out/$name.txt.err")
}
run sample-month fixtures/sample-month
run formats-folder fixtures/formats --allow-rejected-rows
run nightly fixtures/nightly
run appeal-no-improvement fixtures/appeal-no-improvement
[ -d "$data" ] && run bench-100k "$data"
for f in $co/fixtures/formats/*; do
  b=$(basename "$f")
  run "formats-$b" "fixtures/formats/$b" fixtures/sample-month/ --allow-rejected-rows
done
(cd "$co" && $cli explain 111-7625964-1065606 fixtures/sample-month >"$out/explain.txt" 2>&1; echo "exit $?" >>"$out/explain.txt")
# Paths in outputs name the checkout; make them comparable.
sed -i "s#$co#CO#g" "$out"/* 2>/dev/null
