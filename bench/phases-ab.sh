#!/bin/bash
# Two checkouts' whole CLI in turns on one data set, with SHIPAUDIT_TIMINGS=1: when each phase ended
# (both reading threads included), wall and CPU seconds and peak RSS, and the JSON's SHA-256 (the two
# must agree). For how the work is shared between the threads, which cli-ab.mjs's wall times don't show.
#
#   bench/phases-ab.sh OLD_CHECKOUT NEW_CHECKOUT DATA_DIR ROUNDS [extra audit args]
#
# One line per run: round, build, SHA-256 (12), load; then the phases and `TIME wall user sys KB`.
set -u
old=$1; new=$2; data=$3; rounds=$4; shift 4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then order="$old $new"; else order="$new $old"; fi
  for b in $order; do
    SHIPAUDIT_TIMINGS=1 /usr/bin/time -f "TIME %e wall %U user %S sys %M KB" \
      node "$b/bin/shipaudit.js" audit "$data" --format json "$@" 2>"$out/err" >"$out/json"
    echo "round $r $b sha $(sha256sum <"$out/json" | cut -c1-12) load $(cut -d' ' -f1 /proc/loadavg)"
    grep -v '^Command exited' "$out/err" | sed 's/shipaudit timing: //' | tr '\n' ';'
    echo
  done
done
