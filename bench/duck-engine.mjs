#!/usr/bin/env node
/**
 * A measured prototype, not the product (issue 18, part three): the audit's job through embedded DuckDB,
 * fed by what shipaudit already knows (imported from the built dist/). DuckDB reads and joins the files;
 * the product's own code decides everything a reader or a rule decides.
 *
 *   node bench/duck-engine.mjs DIR [--as-of ISO] [--check-stamps]
 *     → the audit's JSON (the product's reporter, streamed to stdout); one line of phase timings on stderr
 *       with SHIPAUDIT_TIMINGS=1.
 *
 * What comes from the product (dist/): file detection and column mapping (`sniff`: kind, delimiter,
 * quoting, header line, the header tables' field → column); the marketplace zone and handling settings
 * (`loadSettings`); order status and channel (`orderStatus`, `channel`, `REPORT_CHANNEL`) and carrier names
 * (`canonicalCarrier`), once per distinct text; the event classifier (`createClassifier`) and the zone a
 * reader places an offset-less event time in (`eventZoneResolver`), once per distinct (carrier, event,
 * place) that DuckDB hands back; the time parser (`parseStamp`) for every stamp a rule or a finding shows
 * (DuckDB's instant is used to compare; --check-stamps parses every stamp and counts disagreements);
 * `midnightAsDay`; the latest ship date computed from handling time (`computeLatestShipDate`); tracking
 * number recognition; and the whole rule pass, figures and JSON writer (`audit`, `auditJsonChunks`), fed
 * with shipments built from DuckDB's result.
 *
 * What DuckDB does: reads every file with its CSV reader (both threads), keeps the columns the mapping
 * names, casts times (with an offset: as given; without: in the zone decided above), and computes per
 * tracking number the event count, first possession scan and last event, per order its purchase and
 * latest ship dates, per (order, tracking number) the earliest confirmation, and the numbers shared by
 * several orders. What it leaves out is listed in bench/RESULTS.md (issue 18, part three).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sniff } from '../dist/read/detect.js';
import { createClassifier } from '../dist/knowledge/events.js';
import { canonicalCarrier } from '../dist/knowledge/carriers.js';
import { channel as channelOf, orderStatus, REPORT_CHANNEL } from '../dist/knowledge/amazon.js';
import { eventZoneResolver } from '../dist/read/tracking-events.js';
import { describeZone } from '../dist/read/context.js';
import { midnightAsDay, parseStamp } from '../dist/read/time.js';
import { computeLatestShipDate } from '../dist/knowledge/ship-by.js';
import { recognizeTrackingNumber } from '../dist/knowledge/tracking-numbers.js';
import { audit } from '../dist/audit/run.js';
import { auditJsonChunks } from '../dist/report/json.js';
import { auditOptions, loadSettings, parseAsOf } from '../dist/cli/settings.js';
import { EventClock } from '../dist/engine/clock.js';

const ORDER_KINDS = new Set(['all-orders', 'order-report', 'unshipped-orders']);
const CONFIRMATION_KINDS = new Set(['confirmation-upload', 'erp-confirmations']);
const EVENT_KINDS = new Set(['tracking-events']);
const DELIMITER_NAMES = { '\t': 'tab', ',': 'comma', ';': 'semicolon' };
/** Wall-clock formats tried for times without an offset (the product's parser reads many more). */
const LOCAL_FORMATS = [
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%dT%H:%M',
];
const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const formats = `[${LOCAL_FORMATS.map(lit).join(', ')}]`;
/** The product's clock keeps days from 2000 to 2100 (engine/clock.ts). */
const CLOCK_FIRST_DAY = Date.UTC(2000, 0, 1) / 86_400_000;
const CLOCK_DAYS = 36_525;

const phases = [];
const t0 = performance.now();
const phase = (name) => phases.push(`${name} ${Math.round(performance.now() - t0)}`);

/** The inputs of a folder as the product would take them (top level only), each sniffed by the product. */
async function detect(dir) {
  const files = readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => resolve(join(dir, f)))
    .filter((f) => statSync(f).isFile());
  const taken = [];
  const skipped = [];
  for (const file of files) {
    const s = await sniff(file).catch((e) => ({ format: 'error', error: e.message }));
    if (s.format !== 'text') {
      skipped.push({ file, why: s.format === 'error' ? s.error : `${s.format}: not read by the prototype` });
      continue;
    }
    if (s.encoding !== 'utf-8') throw new Error(`${file}: ${s.encoding} input is not read by the prototype`);
    taken.push(s);
  }
  return { taken, skipped };
}

/** read_csv over a sniffed file, its columns named c0, c1, …; the product's delimiter and quoting. */
function readCsv(s) {
  const names = s.headers.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const quoting = s.quoting ? `quote='"', escape='"'` : `quote='', escape=''`;
  return (
    `read_csv(${lit(s.file)}, delim=${lit(s.delimiter)}, ${quoting}, header=false, skip=${s.headerLine}, ` +
    `auto_detect=false, columns={${names}}, null_padding=true)`
  );
}

const col = (s, field) => (s.index[field] === undefined ? 'NULL::VARCHAR' : `nullif(trim(c${s.index[field]}), '')`);

/**
 * How a file's time column is cast: with an offset as given when its first sampled value carries one (by
 * the product's parser), else as a wall clock in `zoneSql`. Decided per file and column from the sample.
 */
function timeMode(s, field, hint) {
  const at = s.index[field];
  if (at === undefined) return undefined;
  const value = s.sample.map((r) => r[at]?.trim()).find((v) => v);
  if (!value) return 'local';
  return parseStamp(value, { hint }).zoneSource === 'offset' ? 'offset' : 'local';
}

/**
 * Epoch ms of a time text. A wall clock is placed as the product's `wallToInstant` does ("compatible"): in
 * a fall-back overlap DuckDB's `timezone()` gives the later instant and the product the earlier, so the
 * earlier of the reading and the reading an hour before plus an hour is taken (right for one-hour shifts;
 * in a spring-forward gap both agree already).
 */
function timeSql(expr, mode, zoneSql) {
  if (mode === 'offset') return `epoch_ms(try_cast(${expr} AS TIMESTAMPTZ))::DOUBLE`;
  const wall = `try_strptime(${expr}, ${formats})`;
  return `epoch_ms(least(timezone(${zoneSql}, ${wall}), timezone(${zoneSql}, ${wall} - INTERVAL 1 HOUR) + INTERVAL 1 HOUR))::DOUBLE`;
}

/** Tracking numbers as the join sees them: trimmed, upper-cased, spaces and dashes dropped. */
const numberSql = (expr) => `upper(replace(replace(trim(${expr}), ' ', ''), '-', ''))`;

async function rows(con, sql) {
  if (process.env.DUCK_EXPLAIN)
    console.error((await (await con.run(`EXPLAIN ANALYZE ${sql}`)).getRows()).map((r) => r[1]).join('\n'));
  const result = await con.run(sql);
  phase('query');
  const columns = result.columnNames().map(() => []);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    chunk.getColumns().forEach((values, i) => {
      const into = columns[i];
      for (const v of values) into.push(v);
    });
  }
  return Object.fromEntries(result.columnNames().map((n, i) => [n, columns[i]]));
}

/**
 * A stamp whose instant DuckDB computed; the rest of what the product's Stamp holds (zone, how it was read,
 * the local date) is parsed by the product on first use: most stamps are never shown.
 */
class LazyStamp {
  constructor(raw, epochMs, hint) {
    this.raw = raw;
    this.epochMs = epochMs;
    this.hint = hint;
    this.precision = 'datetime';
  }
  get full() {
    const s = parseStamp(this.raw, { hint: this.hint });
    Object.defineProperty(this, 'full', { value: s });
    return s;
  }
  get zone() {
    return this.full.zone;
  }
  get zoneSource() {
    return this.full.zoneSource;
  }
  get zoneNote() {
    return this.full.zoneNote;
  }
  get localDate() {
    return this.full.localDate;
  }
  get dayLengthMs() {
    return this.full.dayLengthMs;
  }
  toJSON() {
    return this.full;
  }
}

/** Date-only texts, bare midnights and values DuckDB could not cast go to the product's parser whole. */
const NEEDS_PARSER = /^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*$|[T ]0?0:00(?::00(?:\.0+)?)?$/;
let stampsChecked = 0;
let stampsDiffering = 0;
function stampOf(raw, ms, hint, check, event = false) {
  if (raw === null || raw === undefined) return undefined;
  if (ms === null || NEEDS_PARSER.test(raw)) {
    const s = parseStamp(raw, { hint });
    return event ? midnightAsDay(s) : s;
  }
  if (check) {
    stampsChecked++;
    const p = parseStamp(raw, { hint });
    if (p.epochMs !== ms) {
      stampsDiffering++;
      if (stampsDiffering < 6)
        console.error(
          `differs: ${raw} ${hint.zone} product ${new Date(p.epochMs).toISOString()} duck ${new Date(ms).toISOString()}`,
        );
    }
  }
  return new LazyStamp(raw, ms, hint);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'as-of': { type: 'string' }, 'check-stamps': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node bench/duck-engine.mjs DIR [--as-of ISO] [--check-stamps]');
    process.exit(2);
  }
  const check = values['check-stamps'];
  const settings = await loadSettings({});
  const market = settings.zone;
  const marketSql = lit(market.zone);
  const { taken, skipped } = await detect(positionals[0]);
  phase('detect');

  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await db.connect();

  const asOfMs = values['as-of'] ? parseAsOf(values['as-of'], market) : undefined;
  const ordersF = taken.filter((s) => ORDER_KINDS.has(s.spec.kind));
  const confF = taken.filter((s) => CONFIRMATION_KINDS.has(s.spec.kind));
  const eventF = taken.filter((s) => EVENT_KINDS.has(s.spec.kind));
  for (const s of taken)
    if (!ORDER_KINDS.has(s.spec.kind) && !CONFIRMATION_KINDS.has(s.spec.kind) && !EVENT_KINDS.has(s.spec.kind))
      throw new Error(`${s.file}: ${s.spec.kind} files are not read by the prototype`);
  const rank = new Map(taken.map((s, i) => [s.file, i]));
  const clock = new EventClock();

  // Tracking events: the columns the mapping names, and per distinct (carrier, event, place) the product's verdict.
  const evSql = eventF
    .map((s) => {
      if (s.index.carrier === undefined)
        throw new Error(`${s.file}: tracking files without a carrier column are not read by the prototype`);
      return `SELECT ${numberSql(col(s, 'trackingNumber'))} AS tn, coalesce(${col(s, 'carrier')}, '') AS carrier,
        ${col(s, 'eventTime')} AS t, coalesce(${col(s, 'description')}, ${col(s, 'statusCode')}) AS description,
        coalesce(${col(s, 'location')}, '') AS location, ${rank.get(s.file)} AS f
        FROM ${readCsv(s)}`;
    })
    .join(' UNION ALL ');
  if (evSql) {
    await con.run(`CREATE TEMP TABLE ev AS ${evSql}`);
    phase('read tracking');
    await con.run(`CREATE TEMP TABLE d AS SELECT row_number() OVER ()::INTEGER AS id, carrier, description, location,
      count(*)::INTEGER AS n FROM ev GROUP BY ALL`);
  }
  const eventOpts = settings.readOptionsFor(eventF[0]?.file ?? '');
  const classify = createClassifier(eventOpts.events, {
    acceptancePendingIsPossession: eventOpts.acceptancePendingIsPossession,
  });
  const zoneOf = eventZoneResolver(eventOpts);
  const distinct = evSql
    ? await rows(con, 'SELECT id, carrier, description, location, n FROM d ORDER BY id')
    : { id: [] };
  const carrierNames = new Map();
  const canonical = (text) => {
    let c = carrierNames.get(text);
    if (c === undefined) carrierNames.set(text, (c = text === '' ? null : (canonicalCarrier(text) ?? text)));
    return c ?? undefined;
  };
  // Per distinct id (1-based): what the product's reader would say of the event.
  const dDescription = [undefined];
  const dLocation = [undefined];
  const dClass = [undefined];
  const dHint = [undefined];
  const unclassified = {};
  await con.run('CREATE TEMP TABLE k (id INTEGER, possession BOOLEAN, zone VARCHAR)');
  const appender = await con.createAppender('k');
  for (let i = 0; i < distinct.id.length; i++) {
    const description = distinct.description[i];
    const location = distinct.location[i] === '' ? undefined : distinct.location[i];
    const carrier = canonical(distinct.carrier[i]);
    const hint = zoneOf(location, description);
    const verdict = classify({ description, code: undefined, carrier });
    if (verdict.class === 'unknown') unclassified[description] = (unclassified[description] ?? 0) + distinct.n[i];
    dDescription.push(description);
    dLocation.push(location);
    dClass.push(verdict.class);
    dHint.push(hint);
    appender.appendInteger(distinct.id[i]);
    appender.appendBoolean(verdict.possession);
    appender.appendVarchar(hint.zone);
    appender.endRow();
  }
  appender.closeSync();
  phase(`classify ${distinct.id.length} distinct`);

  const asOf = asOfMs ?? Number.MAX_VALUE;
  const eventMode = eventF.length ? timeMode(eventF[0], 'eventTime', market) : 'offset';
  if (eventF.some((s) => timeMode(s, 'eventTime', market) !== eventMode))
    throw new Error('tracking files with and without offsets together are not read by the prototype');
  if (evSql) {
    // Per tracking number, and per UTC day for the audit's default clock (newest event and count per day).
    await con.run(`CREATE TEMP TABLE tr_all AS
      WITH e AS (
        SELECT ev.tn, ev.t, ev.f, d.id, k.possession, ${timeSql('ev.t', eventMode, 'k.zone')} AS ms,
          floor(ms / 86400000)::INTEGER AS day
        FROM ev JOIN d USING (carrier, description, location) JOIN k USING (id))
      SELECT tn, grouping(tn) AS by_day, day,
        count(*) FILTER (ms IS NOT NULL AND ms <= ${asOf})::INTEGER AS events,
        count(*) FILTER (ms IS NULL)::INTEGER AS bad,
        count(*) FILTER (ms > ${asOf})::INTEGER AS later,
        max(ms) FILTER (ms <= ${asOf}) AS newest,
        arg_min({'id': id, 't': t, 'f': f, 'ms': ms}, ms) FILTER (possession AND ms <= ${asOf}) AS p,
        arg_max({'id': id, 't': t, 'f': f, 'ms': ms}, ms) FILTER (ms <= ${asOf}) AS l
      FROM e WHERE tn <> '' GROUP BY GROUPING SETS ((tn), (day))`);
    await con.run('CREATE TEMP VIEW tr AS SELECT * FROM tr_all WHERE by_day = 0');
    const days = await rows(
      con,
      'SELECT day, newest, events FROM tr_all WHERE by_day = 1 AND day IS NOT NULL AND events > 0',
    );
    const part = {
      newest: new Float64Array(CLOCK_DAYS).fill(-Infinity),
      count: new Uint32Array(CLOCK_DAYS),
      outside: 0,
    };
    for (let i = 0; i < days.day.length; i++) {
      const d = days.day[i] - CLOCK_FIRST_DAY;
      if (d < 0) continue;
      if (d >= CLOCK_DAYS) part.outside += days.events[i];
      else {
        part.newest[d] = days.newest[i];
        part.count[d] = days.events[i];
      }
    }
    clock.absorb(part);
    await con.run('DROP TABLE ev');
    phase('first scans');
  }

  // Orders: every order file's rows, status and channel as the product's tables say, once per distinct text.
  const orderSql = ordersF
    .map((s) => {
      const pm = timeMode(s, 'purchaseDate', market);
      const lm = timeMode(s, 'latestShipDate', market);
      const lsd = s.index.latestShipDate !== undefined ? 'latestShipDate' : 'promiseDate';
      return `SELECT ${col(s, 'orderId')} AS oid, ${rank.get(s.file)} AS f, ${lit(s.spec.kind)} AS kind,
        ${col(s, 'purchaseDate')} AS p_raw, ${timeSql(col(s, 'purchaseDate'), pm, marketSql)} AS p_ms,
        ${col(s, lsd)} AS l_raw, ${timeSql(col(s, lsd), lm ?? 'local', marketSql)} AS l_ms,
        coalesce(${col(s, 'orderStatus')}, ${col(s, 'itemStatus')}) AS status_raw,
        ${col(s, 'fulfillmentChannel')} AS channel_raw,
        CASE WHEN regexp_full_match(coalesce(${col(s, 'quantity')}, ''), '[0-9]+') THEN ${col(s, 'quantity')}::INTEGER ELSE 1 END AS qty
        FROM ${readCsv(s)} WHERE ${col(s, 'orderId')} IS NOT NULL`;
    })
    .join(' UNION ALL ');
  let orderCount = 0;
  const excluded = {};
  let newestOrderMs = -Infinity;
  if (orderSql) {
    await con.run(`CREATE TEMP TABLE orows AS ${orderSql}`);
    const texts = await rows(con, 'SELECT DISTINCT kind, status_raw, channel_raw FROM orows');
    await con.run(
      'CREATE TEMP TABLE sc (kind VARCHAR, status_raw VARCHAR, channel_raw VARCHAR, status VARCHAR, channel VARCHAR)',
    );
    const a = await con.createAppender('sc');
    for (let i = 0; i < texts.kind.length; i++) {
      const kind = texts.kind[i];
      const status = texts.status_raw[i]
        ? orderStatus(texts.status_raw[i])
        : kind === 'unshipped-orders'
          ? 'unshipped'
          : undefined;
      const ch = REPORT_CHANNEL[kind] ?? (texts.channel_raw[i] ? channelOf(texts.channel_raw[i]) : undefined);
      for (const v of [kind, texts.status_raw[i], texts.channel_raw[i], status, ch])
        if (v === null || v === undefined) a.appendNull();
        else a.appendVarchar(v);
      a.endRow();
    }
    a.closeSync();
    // Several files can describe one order: each fills what the earlier-read ones lack.
    await con.run(`CREATE TEMP TABLE o AS
      SELECT oid,
        arg_min({'raw': p_raw, 'ms': p_ms}, f) FILTER (p_raw IS NOT NULL) AS p,
        arg_min({'raw': l_raw, 'ms': l_ms}, f) FILTER (l_raw IS NOT NULL) AS l,
        arg_min(sc.status, f) FILTER (sc.status IS NOT NULL AND sc.status <> 'other') AS status,
        arg_min(sc.channel, f) FILTER (sc.channel IS NOT NULL) AS channel,
        sum(qty)::INTEGER AS items,
        bool_or(orows.kind = 'unshipped-orders') AS awaiting
      FROM orows LEFT JOIN sc ON sc.kind = orows.kind AND sc.status_raw IS NOT DISTINCT FROM orows.status_raw
        AND sc.channel_raw IS NOT DISTINCT FROM orows.channel_raw
      WHERE p_ms IS NULL OR p_ms <= ${asOf}
      GROUP BY oid`);
    await con.run('DROP TABLE orows');
    const counts = await rows(
      con,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (channel = 'AFN')::INTEGER AS afn,
         count(*) FILTER (channel IS DISTINCT FROM 'AFN' AND status = 'cancelled')::INTEGER AS cancelled,
         max(p.ms) AS newest FROM o`,
    );
    orderCount = counts.n[0];
    if (counts.cancelled[0]) excluded.cancelled = counts.cancelled[0];
    if (counts.afn[0]) excluded.afn = counts.afn[0];
    newestOrderMs = counts.newest[0] ?? -Infinity;
    phase('orders');
  }

  // Confirmations → shipments: one per (order, tracking number), at its earliest row.
  const confSql = confF
    .map((s) => {
      const m = timeMode(s, 'shipDate', market);
      const code = col(s, 'carrierCode');
      const name = col(s, 'carrierName');
      return `SELECT ${col(s, 'orderId')} AS oid, coalesce(${numberSql(col(s, 'trackingNumber'))}, '') AS tn,
        ${col(s, 'trackingNumber')} AS tn_raw,
        CASE WHEN ${code} IS NOT NULL AND NOT regexp_full_match(${code}, '(?i)other') THEN ${code} ELSE coalesce(${name}, ${code}) END AS carrier,
        ${col(s, 'shipDate')} AS c_raw, ${timeSql(col(s, 'shipDate'), m, marketSql)} AS c_ms, ${rank.get(s.file)} AS f
        FROM ${readCsv(s)} WHERE ${col(s, 'orderId')} IS NOT NULL`;
    })
    .join(' UNION ALL ');
  if (!confSql) throw new Error('no confirmation file');
  const oJoin = orderSql ? 'LEFT JOIN o USING (oid)' : '';
  const oCols = orderSql
    ? `o.oid IS NOT NULL AS has_order, o.p.raw AS p_raw, o.p.ms AS p_ms, o.l.raw AS l_raw, o.l.ms AS l_ms,
       o.status, o.channel, o.items, o.awaiting`
    : `false AS has_order, NULL AS p_raw, NULL AS p_ms, NULL AS l_raw, NULL AS l_ms, NULL AS status,
       NULL AS channel, 0 AS items, false AS awaiting`;
  const tJoin = evSql ? `LEFT JOIN tr ON tr.tn = s.tn` : '';
  const tCols = evSql
    ? `tr.tn IS NOT NULL AS tracked, tr.events, tr.p.id AS p_id, tr.p.t AS p_t, tr.p.f AS p_f, tr.p.ms AS pe_ms,
       tr.l.id AS l_id, tr.l.t AS l_t, tr.l.f AS l_f, tr.l.ms AS le_ms`
    : `false AS tracked, 0 AS events, NULL AS p_id, NULL AS p_t, NULL AS p_f, NULL AS pe_ms, NULL AS l_id,
       NULL AS l_t, NULL AS l_f, NULL AS le_ms`;
  await con.run(`CREATE TEMP TABLE c AS ${confSql}`);
  const newestConfirmation = (await rows(con, `SELECT max(c_ms) FILTER (c_ms <= ${asOf}) AS ms FROM c`)).ms[0];
  const newestOrderDataMs = Math.max(newestOrderMs, newestConfirmation ?? -Infinity);
  const shipments = await rows(
    con,
    `WITH s0 AS (
      SELECT oid, tn, arg_min({'raw': c_raw, 'ms': c_ms, 'tn_raw': tn_raw, 'f': f}, c_ms) AS first,
        arg_min(carrier, c_ms) FILTER (carrier IS NOT NULL) AS carrier, count(*)::INTEGER AS rows
      FROM c WHERE c_ms <= ${asOf} GROUP BY oid, tn),
    s AS (
      SELECT s0.*, ${oCols} FROM s0 ${oJoin}
      WHERE ${orderSql ? `o.oid IS NULL OR (o.channel IS DISTINCT FROM 'AFN' AND o.status IS DISTINCT FROM 'cancelled')` : 'true'}),
    shared AS (
      SELECT tn, array_to_string(list(oid ORDER BY first.ms, oid), chr(31)) AS oids
      FROM s WHERE tn <> '' GROUP BY tn HAVING count(*) > 1)
    SELECT s.oid, s.tn, s.first.tn_raw AS tn_raw, s.carrier, s.first.raw AS c_raw, s.first.ms AS c_ms,
      s.first.f AS c_f, s.has_order, s.p_raw, s.p_ms, s.l_raw, s.l_ms, s.status, s.channel, s.items, s.awaiting,
      ${tCols}, shared.oids
    FROM s ${tJoin} LEFT JOIN shared ON shared.tn = s.tn
    ORDER BY s.first.ms, s.oid`,
  );
  const facts = evSql
    ? await rows(
        con,
        `SELECT count(*)::INTEGER AS tracked, sum(bad)::INTEGER AS bad, sum(later)::INTEGER AS later FROM tr`,
      )
    : { tracked: [0], bad: [0], later: [0] };
  con.closeSync();
  db.closeSync();
  phase(`shipments ${shipments.oid.length}`);

  const files = taken.map((s) => s.file);
  const count = shipments.oid.length;
  const confZone = new Map(confF.map((s) => [rank.get(s.file), settings.readOptionsFor(s.file).marketplaceZone]));
  const S = shipments;
  const carrierOf = new Map();
  const confCarrier = (text) => {
    if (text === null) return undefined;
    let c = carrierOf.get(text);
    if (c === undefined) carrierOf.set(text, (c = canonicalCarrier(text) ?? text));
    return c;
  };
  const eventRef = (id, t, f, ms) =>
    id === null
      ? undefined
      : {
          at: stampOf(t, ms, dHint[id], check, true),
          description: dDescription[id],
          location: dLocation[id],
          class: dClass[id],
          source: { file: files[f], line: 0 },
        };
  let withoutOrder = 0;
  for (let j = 0; j < count; j++) if (!S.has_order[j]) withoutOrder++;
  const NONE = Object.freeze({ checkDigit: 'none' });
  const load = (j) => {
    const tn = S.tn[j];
    const order = S.has_order[j]
      ? (() => {
          const purchasedAt = stampOf(S.p_raw[j], S.p_ms[j], market, check);
          const given = stampOf(S.l_raw[j], S.l_ms[j], market, check);
          return {
            orderId: S.oid[j],
            purchasedAt,
            latestShipDate: given ?? (purchasedAt ? computeLatestShipDate(purchasedAt, settings.handling) : undefined),
            latestShipDateComputed: !given && purchasedAt !== undefined,
            status: S.status[j] ?? undefined,
            channel: S.channel[j] ?? undefined,
            items: S.items[j],
            awaitingShipment: S.awaiting[j] ?? false,
            source: { file: files[0], line: 0 },
          };
        })()
      : undefined;
    let recognition;
    return {
      orderId: S.oid[j],
      trackingNumber: tn,
      trackingRaw: S.tn_raw[j] !== null && S.tn_raw[j] !== tn ? S.tn_raw[j] : undefined,
      carrier: confCarrier(S.carrier[j]),
      confirmedAt: stampOf(S.c_raw[j], S.c_ms[j], confZone.get(S.c_f[j]), check),
      confirmations: [{ file: files[S.c_f[j]], line: 0 }],
      order,
      tracking: S.tracked[j]
        ? {
            events: S.events[j],
            firstPossession: eventRef(S.p_id[j], S.p_t[j], S.p_f[j], S.pe_ms[j]),
            lastEvent: eventRef(S.l_id[j], S.l_t[j], S.l_f[j], S.le_ms[j]),
          }
        : undefined,
      get recognition() {
        return (recognition ??= tn === '' ? NONE : recognizeTrackingNumber(tn));
      },
      sharedWith: S.oids[j] === null ? [] : S.oids[j].split('\u001f').filter((o) => o !== S.oid[j]),
    };
  };
  const loaded = {
    shipments: {
      count,
      at: load,
      each(visit) {
        for (let j = 0; j < count; j++) visit(load(j), j);
      },
      *[Symbol.iterator]() {
        for (let j = 0; j < count; j++) yield load(j);
      },
    },
    excluded,
    awaiting: [],
    withoutOrder: orderCount > 0 ? withoutOrder : 0,
    data: {
      trackingCount: facts.tracked[0],
      orderCount,
      afterAsOf: { events: facts.later[0] ?? 0, confirmations: 0, orders: 0 },
      newestOrderDataMs: Number.isFinite(newestOrderDataMs) ? newestOrderDataMs : undefined,
      clock,
    },
  };
  const inputs = [
    ...taken.map((s) => ({
      file: s.file,
      kind: s.spec.kind,
      encoding: s.encoding,
      delimiter: DELIMITER_NAMES[s.delimiter],
      rowsRead: 0,
      rowsRejected: 0,
      problems: [],
      zoneNote: describeZone(market),
    })),
    ...skipped.map(({ file, why }) => ({
      file,
      kind: 'skipped',
      encoding: '',
      delimiter: '',
      rowsRead: 0,
      rowsRejected: 0,
      problems: [],
      zoneNote: '',
      skipped: why,
    })),
  ];
  const result = audit(loaded, {
    ...auditOptions(settings, { inputs, unclassified }, { window: {}, asOfMs }),
  });
  phase('rules');
  for (const chunk of auditJsonChunks(result)) process.stdout.write(chunk);
  await new Promise((done) => process.stdout.write('', done));
  phase('json');
  if (check) console.error(`stamps checked ${stampsChecked}, differing from the product's parser ${stampsDiffering}`);
  if (facts.bad[0])
    console.error(`${facts.bad[0]} event times DuckDB could not cast (the product would reject or read them)`);
  if (process.env.SHIPAUDIT_TIMINGS) console.error(`duck-engine phases (ms): ${phases.join(', ')}`);
}

await main();
