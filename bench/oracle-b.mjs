#!/usr/bin/env node
/**
 * The DuckDB query a data-savvy seller would write for a set made by generate-b.mjs: the yardstick for
 * sets B and C, and the oracle for two rules at once.
 *
 *   node bench/oracle-b.mjs DIR [--grace-hours 24]   → one JSON line { queryMs, orderIds, lateOrderIds }
 *
 * orderIds: orders confirmed more than the grace before the first possession scan (confirmed-before-
 * handover); lateOrderIds: orders whose first possession scan came after the latest ship date
 * (late-handover). What it does, and what it leaves out:
 * - the files as they are: All Orders and the Order Report tab-separated with quoting off, the ERP
 *   confirmations and the tracking export as CSV (quoted or not, DuckDB's sniffer decides); all text;
 * - times with an offset are cast as given (`::TIMESTAMPTZ`), nothing converted per row; only when the
 *   tracking export has no offsets (expected.json says `zones: inferred`) is each possession scan's
 *   wall clock placed in the zone of its US state ("CITY, ST 12345", "CITY ST … CENTER"), else in
 *   Asia/Shanghai (every other place in these sets is Chinese);
 * - possession is a regular expression over the wording this seller's carriers use (the user knows
 *   their feed; shipaudit's classifier knows every feed and reads codes too);
 * - the latest ship date is the Order Report's when there is one; with All Orders alone it is the end of
 *   the second Monday–Friday day after the purchase's Los Angeles date (shipaudit's default handling),
 *   with no holidays;
 * - AFN and cancelled orders are left out, as shipaudit does.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { STATE_ZONE } from './generate-b.mjs';

const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
export const POSSESSION =
  '已收寄|离开|签收|航班起飞|Accepted|possession|Arrived|Departed|Hand over|customs clearance|Out for Delivery|Delivered';

export function oracleBSql(dir, graceHours = 24) {
  const file = (name) => lit(resolve(join(dir, name)));
  const knobs = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const flat = `delim='\\t', quote='', escape='', header=true, all_varchar=true`;
  const csv = `header=true, all_varchar=true`;
  const report = existsSync(join(dir, 'order-report.txt'));
  const inferred = knobs.zones === 'inferred';
  const zones = Object.entries(STATE_ZONE)
    .map(([s, z]) => `(${lit(s)}, ${lit(z)})`)
    .join(', ');
  const scanAt = inferred
    ? `timezone(coalesce(z.zone, 'Asia/Shanghai'), strptime(e."Time", '%Y/%m/%d %H:%M:%S'))`
    : `e."Time"::TIMESTAMPTZ`;
  const zoneJoin = inferred
    ? `LEFT JOIN zones z ON z.state = regexp_extract(e."Location", '(?:^|[ ,])([A-Z]{2})(?: [0-9]{5}| [A-Z]+ DISTRIBUTION CENTER)?$', 1)`
    : '';
  // With All Orders alone: the second business day after the purchase's local date, ending at midnight.
  const deadline = report
    ? 'w.lsd'
    : `timezone('America/Los_Angeles', (o.day + CASE isodow(o.day) WHEN 4 THEN 4 WHEN 5 THEN 4 WHEN 6 THEN 3 ELSE 2 END + 1)::TIMESTAMP)`;
  const lateTest = report ? 'f.at > w.lsd' : `f.at >= ${deadline}`;
  return `
WITH
${inferred ? `zones(state, zone) AS (VALUES ${zones}),` : ''}
orders AS (
  SELECT "amazon-order-id" AS order_id,
         bool_or("fulfillment-channel" = 'Amazon' OR "order-status" = 'Cancelled') AS excluded
         ${report ? '' : `, min(timezone('America/Los_Angeles', "purchase-date"::TIMESTAMPTZ))::DATE AS day`}
  FROM read_csv(${file('all-orders.txt')}, ${flat})
  GROUP BY 1),
${
  report
    ? `windows AS (
  SELECT "order-id" AS order_id, min("latest-ship-date"::TIMESTAMPTZ) AS lsd
  FROM read_csv(${file('order-report.txt')}, ${flat})
  GROUP BY 1),`
    : ''
}
shipments AS (
  SELECT "Amazon Order ID" AS order_id, "Tracking Number" AS tn, min("Ship Date"::TIMESTAMPTZ) AS confirmed_at
  FROM read_csv(${file('confirmations.csv')}, ${csv})
  WHERE coalesce("Tracking Number", '') <> ''
  GROUP BY 1, 2),
first_scan AS (
  SELECT e."Tracking Number" AS tn, min(${scanAt}) AS at
  FROM read_csv(${file('tracking.csv')}, ${csv}) e
  ${zoneJoin}
  WHERE regexp_matches(e."Event", ${lit(POSSESSION)})
  GROUP BY 1),
judged AS (
  SELECT s.order_id,
         f.at - s.confirmed_at > INTERVAL ${Number(graceHours)} HOUR AS early,
         ${lateTest} AS late
  FROM shipments s
  JOIN first_scan f USING (tn)
  JOIN orders o USING (order_id)
  ${report ? 'LEFT JOIN windows w USING (order_id)' : ''}
  WHERE NOT o.excluded)
SELECT order_id, bool_or(early) AS early, bool_or(coalesce(late, false)) AS late
FROM judged
GROUP BY 1
HAVING bool_or(early) OR bool_or(coalesce(late, false))
ORDER BY 1`;
}

/** Runs the query in this process; the time covers opening DuckDB, reading the files and the query. */
export async function runOracleB(dir, graceHours = 24) {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const reader = await con.runAndReadAll(oracleBSql(dir, graceHours));
  const rows = reader.getRows();
  const queryMs = performance.now() - t0;
  con.closeSync();
  db.closeSync();
  return {
    queryMs,
    orderIds: rows.filter((r) => r[1]).map((r) => r[0]),
    lateOrderIds: rows.filter((r) => r[2]).map((r) => r[0]),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'grace-hours': { type: 'string', default: '24' } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node bench/oracle-b.mjs DIR [--grace-hours 24]');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(await runOracleB(positionals[0], Number(values['grace-hours']))) + '\n');
}
