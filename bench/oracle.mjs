#!/usr/bin/env node
/**
 * The confirmed-before-handover rule written by hand in DuckDB SQL: the yardstick for speed and the
 * oracle for correctness. `node bench/oracle.mjs DIR [--grace-hours 24]` prints one JSON line:
 * { queryMs, orderIds }. bench.mjs runs it as a child process, like the CLI, so both pay Node's start-up.
 *
 * What the SQL does, and where it is simpler than shipaudit:
 * - reads the three files of a generated set with read_csv: the flat files tab-separated with quoting
 *   off (a `"` in a product name is literal), the tracking export as quoted CSV; all columns as text;
 * - a shipment is (order id, tracking number), confirmed at its earliest ship-date (ISO with offset);
 *   shipments of AFN or cancelled orders are dropped, as shipaudit does;
 * - an event counts as possession when its text is exactly one of the generator's physical or delivered
 *   phrases (shipaudit's classifier matches phrases inside any text, in any case, and by status code);
 * - an event's local time is placed in the zone of the US state in "CITY, ST 12345" (the generator's
 *   state table), else in Asia/Shanghai (every other location in the set is Chinese or empty). shipaudit
 *   infers zones from any location or from the event's language;
 * - the first possession scan per number, minus the confirmation, above the grace → the order's id.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PHRASES, US_ZONES } from './generate.mjs';

const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;

export function oracleSql(dir, graceHours = 24) {
  const file = (name) => lit(resolve(join(dir, name)));
  const flat = `delim='\\t', quote='', escape='', header=true, all_varchar=true`;
  const possession = [...PHRASES.physical, ...PHRASES.delivered].map(lit).join(', ');
  const zones = Object.entries(US_ZONES)
    .map(([state, [zone]]) => `(${lit(state)}, ${lit(zone)})`)
    .join(', ');
  return `
WITH
zones(state, zone) AS (VALUES ${zones}),
orders AS (
  SELECT "amazon-order-id" AS order_id,
         bool_or("fulfillment-channel" = 'Amazon' OR "order-status" = 'Cancelled') AS excluded
  FROM read_csv(${file('all-orders.txt')}, ${flat})
  GROUP BY 1),
shipments AS (
  SELECT "order-id" AS order_id, "tracking-number" AS tn, min("ship-date"::TIMESTAMPTZ) AS confirmed_at
  FROM read_csv(${file('confirmations.txt')}, ${flat})
  WHERE coalesce("tracking-number", '') <> ''
  GROUP BY 1, 2),
first_scan AS (
  SELECT e."Tracking Number" AS tn,
         min(timezone(coalesce(z.zone, 'Asia/Shanghai'), strptime(e."Event Time", '%Y-%m-%d %H:%M'))) AS at
  FROM read_csv(${file('tracking.csv')}, delim=',', quote='"', header=true, all_varchar=true) e
  LEFT JOIN zones z ON z.state = regexp_extract(e."Location", ', ([A-Z]{2}) [0-9]{5}$', 1)
  WHERE e."Event" IN (${possession})
  GROUP BY 1)
SELECT DISTINCT s.order_id
FROM shipments s
JOIN first_scan f USING (tn)
LEFT JOIN orders o USING (order_id)
WHERE NOT coalesce(o.excluded, false)
  AND f.at - s.confirmed_at > INTERVAL ${Number(graceHours)} HOUR
ORDER BY 1`;
}

/** Runs the query in this process; the time covers opening DuckDB, reading the files and the query. */
export async function runOracle(dir, graceHours = 24) {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const reader = await con.runAndReadAll(oracleSql(dir, graceHours));
  const orderIds = reader.getRows().map((r) => r[0]);
  const queryMs = performance.now() - t0;
  con.closeSync();
  db.closeSync();
  return { queryMs, orderIds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'grace-hours': { type: 'string', default: '24' } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node bench/oracle.mjs DIR [--grace-hours 24]');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(await runOracle(positionals[0], Number(values['grace-hours']))) + '\n');
}
