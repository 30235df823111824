#!/usr/bin/env bash
# check (nights 0-3, text and json, --out reports, state) and appeal (sample month) with one checkout → OUT
set -u
co=$1; out=$2; rm -rf "$out"; mkdir -p "$out"
export NO_COLOR=1 COLUMNS=100000 TZ=UTC
cli="node $co/bin/shipaudit.js"
w=$(mktemp -d /tmp/engine-cmp-XXXX)
echo '{"inputs":["drops/amazon","drops/tracking"],"marketplaceTimeZone":"America/Los_Angeles"}' > $w/shipaudit.config.json
mkdir -p $w/drops
n=0
for night in base night-1 night-2 night-3; do
  cp -r $co/fixtures/nightly/$night/. $w/drops/
  asof=$(echo "2026-11-08T08:00 2026-11-10T06:00 2026-11-11T06:00 2026-11-12T06:00" | cut -d' ' -f$((n+1)))
  (cd $w && $cli check --as-of $asof --format json --out reports >$out/check-$n.json 2>$out/check-$n.err; echo "exit $?" >>$out/check-$n.err)
  (cd $w && $cli check --as-of $asof >$out/check-$n.txt 2>>$out/check-$n.err; echo "exit $?" >>$out/check-$n.err)
  n=$((n+1))
done
cp $w/.shipaudit/state.json $out/state.json 2>/dev/null
(cd $w && find reports -type f | sort > $out/reports.list; for f in $(find reports -type f -name '*.csv' -o -type f -name '*.json' | sort); do cp $f $out/report-$(echo $f | tr / _); done)
rm -rf $w
a=$(mktemp -d /tmp/engine-cmp-XXXX)
(cd $co && $cli appeal fixtures/sample-month --fixed-on 2026-11-03 --out $a/pack >$out/appeal.out 2>$out/appeal.err; echo "exit $?" >>$out/appeal.err)
for f in READ-ME-FIRST.txt plan-of-action.txt plan-of-action.md evidence.csv; do cp $a/pack/$f $out/appeal-$f 2>/dev/null; done
ls $a/pack > $out/appeal.list
(cd $co && $cli explain 111-7625964-1065606 fixtures/sample-month --format json >$out/explain.json 2>&1; echo "exit $?" >>$out/explain.json)
(cd $co && $cli inspect fixtures/sample-month >$out/inspect.txt 2>&1; echo "exit $?" >>$out/inspect.txt)
rm -rf $a
sed -i "s#$co#CO#g; s#$w#W#g; s#$a#A#g" "$out"/* 2>/dev/null
