#!/usr/bin/env node
/**
 * A measured prototype, not the product (issue 18, part three): the audit's job through embedded DuckDB,
 * fed by what shipaudit already knows (imported from the built dist/). DuckDB reads and joins the files;
 * the product's own code decides everything a reader or a rule decides.
 *
 *   node bench/duck-engine.mjs DIR [--as-of ISO] [--check-stamps]
 *     → the audit's JSON (the product's reporter, streamed to stdout); with SHIPAUDIT_TIMINGS=1 one line of
 *       wall/CPU ms per step on stderr; with DUCK_EXPLAIN=1 DuckDB's EXPLAIN ANALYZE of the queries whose
 *       rows come back to JS; --check-stamps parses every stamp with the product's parser too and counts
 *       the instants that differ from DuckDB's.
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
import { wallToInstant } from '../dist/model/zone.js';
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
let lastWall = t0;
let lastCpu = process.cpuUsage();
/** Wall and CPU (every thread: DuckDB's too) ms of the step that ends here. */
const phase = (name) => {
  const now = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000;
  phases.push(`${name} ${Math.round(now - lastWall)}/${Math.round(cpuMs)}`);
  lastWall = now;
  lastCpu = cpu;
};

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
function timeSql(expr, mode, zoneSql, format) {
  if (mode === 'offset') return `epoch_ms(try_cast(${expr} AS TIMESTAMPTZ))::DOUBLE`;
  const wall = wallSql(expr, format);
  return `epoch_ms(least(timezone(${zoneSql}, ${wall}), timezone(${zoneSql}, ${wall} - INTERVAL 1 HOUR) + INTERVAL 1 HOUR))::DOUBLE`;
}

/** A wall clock: the file's own format first (one format is several times quicker than a list), then the list. */
const wallSql = (expr, format) =>
  format
    ? `coalesce(try_strptime(${expr}, ${lit(format)}), try_strptime(${expr}, ${formats}))`
    : `try_strptime(${expr}, ${formats})`;

/** The first of LOCAL_FORMATS that reads every sampled value of a column, if any. */
async function wallFormat(con, s, field) {
  const at = s.index[field];
  const values = [...new Set(s.sample.map((r) => r[at]?.trim()).filter((v) => v))].slice(0, 50);
  if (at === undefined || values.length === 0) return undefined;
  const list = values.map((v) => `(${lit(v)})`).join(', ');
  for (const f of LOCAL_FORMATS) {
    const r = await rows(
      con,
      `SELECT bool_and(try_strptime(v, ${lit(f)}) IS NOT NULL) AS ok FROM (VALUES ${list}) t(v)`,
    );
    if (r.ok[0]) return f;
  }
  return undefined;
}

/**
 * UTC offsets (ms) per zone and wall-clock hour, by the product's wallToInstant, for `zones` over the hours
 * around `centreMs`: DuckDB places an event's wall clock by joining on (zone, hour) instead of calling
 * timezone() with a zone per row (several times slower). Right where offsets change on whole hours, as in
 * every zone these sets use; a reading outside the hours covered falls back to timezone().
 */
async function offsetTable(con, zones, centreMs) {
  const HOUR = 3_600_000;
  const from = Math.floor((centreMs - 400 * 86_400_000) / HOUR);
  const to = Math.floor((centreMs + 400 * 86_400_000) / HOUR);
  await con.run('CREATE TEMP TABLE zo (zone_id INTEGER, hour INTEGER, off DOUBLE)');
  const a = await con.createAppender('zo');
  zones.forEach((zone, id) => {
    for (let h = from; h <= to; h++) {
      a.appendInteger(id);
      a.appendInteger(h);
      a.appendDouble(h * HOUR - wallToInstant(h * HOUR, zone));
      a.endRow();
    }
  });
  a.closeSync();
}

/** Tracking numbers as the join sees them: trimmed, upper-cased, spaces and dashes dropped. */
const numberSql = (expr) => `upper(replace(replace(trim(${expr}), ' ', ''), '-', ''))`;

async function rows(con, sql) {
  if (process.env.DUCK_EXPLAIN)
    console.error((await (await con.run(`EXPLAIN ANALYZE ${sql}`)).getRows()).map((r) => r[1]).join('\n'));
  const result = await con.run(sql);
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
 * A stamp whose instant DuckDB computed; the text as written is fetched from DuckDB's result, and the rest of
 * what the product's Stamp holds (zone, how it was read, the local date) parsed by the product, on first
 * use: most stamps are never shown.
 */
class LazyStamp {
  constructor(rawOf, epochMs, hint) {
    this.rawOf = rawOf;
    this.epochMs = epochMs;
    this.hint = hint;
    this.precision = 'datetime';
  }
  get raw() {
    const raw = this.rawOf();
    Object.defineProperty(this, 'raw', { value: raw });
    return raw;
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

/** Date-only texts and bare midnights (flagged by DuckDB), and values it could not cast, go to the product's parser whole. */
const NEEDS_PARSER = /^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*$|[T ]0?0:00(?::00(?:\.0+)?)?$/;
let stampsChecked = 0;
let stampsDiffering = 0;
function stampOf(rawOf, ms, hint, needsParser, check, event = false) {
  if (ms === null || needsParser) {
    const raw = rawOf();
    if (raw === null || raw === undefined) return undefined;
    const s = parseStamp(raw, { hint });
    return event ? midnightAsDay(s) : s;
  }
  if (check) {
    stampsChecked++;
    const raw = rawOf();
    const p = parseStamp(raw, { hint });
    if (p.epochMs !== ms) {
      stampsDiffering++;
      if (stampsDiffering < 6)
        console.error(
          `differs: ${raw} ${hint.zone} product ${new Date(p.epochMs).toISOString()} duck ${new Date(ms).toISOString()}`,
        );
    }
  }
  return new LazyStamp(rawOf, ms, hint);
}

/**
 * A query's result kept as DuckDB's chunks: the `eager` columns converted to JS arrays at once, any other
 * value converted when asked for (`lazy(name, row)`).
 */
async function table(con, sql, eager) {
  const result = await con.run(sql);
  phase('shipments query');
  const names = result.columnNames();
  const at = new Map(names.map((n, i) => [n, i]));
  const columns = Object.fromEntries(eager.map((n) => [n, []]));
  const chunks = [];
  const starts = [];
  let count = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    chunks.push(chunk);
    starts.push(count);
    count += chunk.rowCount;
    for (const n of eager) {
      const into = columns[n];
      for (const v of chunk.getColumnValues(at.get(n))) into.push(v);
    }
  }
  const lazy = (name, j) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= j) lo = mid;
      else hi = mid - 1;
    }
    return chunks[lo].getColumnVector(at.get(name)).getItem(j - starts[lo]);
  };
  return { count, columns, lazy };
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
      const carrier = `coalesce(${col(s, 'carrier')}, '')`;
      const description = `coalesce(${col(s, 'description')}, ${col(s, 'statusCode')})`;
      const location = `coalesce(${col(s, 'location')}, '')`;
      return `SELECT ${numberSql(col(s, 'trackingNumber'))} AS tn, ${col(s, 'eventTime')} AS t, ${rank.get(s.file)} AS f,
        ${carrier} AS carrier, ${description} AS description, ${location} AS location,
        hash(${carrier}, ${description}, ${location}) AS h
        FROM ${readCsv(s)}`;
    })
    .join(' UNION ALL ');
  if (evSql) {
    // First read: the distinct (carrier, event, place), keyed by a 64-bit hash so that the second read joins
    // on one integer instead of three texts (a collision would double events: it is checked, not assumed).
    await con.run(`CREATE TEMP TABLE d AS
      SELECT row_number() OVER ()::INTEGER AS id, h, carrier, description, location, n
      FROM (SELECT h, carrier, description, location, count(*)::INTEGER AS n FROM (${evSql}) GROUP BY ALL)`);
    phase('read tracking (distinct texts)');
    const collisions = await rows(con, 'SELECT count(*) - count(DISTINCT h) AS n FROM d');
    if (collisions.n[0] !== 0n && collisions.n[0] !== 0) throw new Error('hash collision between event texts');
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
  await con.run('CREATE TEMP TABLE k (id INTEGER, possession BOOLEAN, zone VARCHAR, zone_id INTEGER)');
  const zoneIds = new Map();
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
    let zoneId = zoneIds.get(hint.zone);
    if (zoneId === undefined) zoneIds.set(hint.zone, (zoneId = zoneIds.size));
    appender.appendInteger(zoneId);
    appender.endRow();
  }
  appender.closeSync();
  phase(`classify ${distinct.id.length} distinct`);

  const asOf = asOfMs ?? Number.MAX_VALUE;
  const eventMode = eventF.length ? timeMode(eventF[0], 'eventTime', market) : 'offset';
  if (eventF.some((s) => timeMode(s, 'eventTime', market) !== eventMode))
    throw new Error('tracking files with and without offsets together are not read by the prototype');
  if (evSql) {
    let msSql = timeSql('ev.t', 'offset');
    let zoJoin = '';
    if (eventMode === 'local') {
      const format = await wallFormat(con, eventF[0], 'eventTime');
      const sampled = eventF[0].sample.map((r) => r[eventF[0].index.eventTime]?.trim()).find((v) => v);
      await offsetTable(con, [...zoneIds.keys()], parseStamp(sampled, { hint: market }).epochMs);
      const wallMs = `epoch_ms(${wallSql('ev.t', format)})`;
      msSql = `coalesce(${wallMs} - zo.off, ${timeSql('ev.t', 'local', 'k.zone', format)})`;
      zoJoin = `LEFT JOIN zo ON zo.zone_id = k.zone_id AND zo.hour = floor(${wallMs} / 3600000)::INTEGER`;
    }
    // Per tracking number, and per UTC day for the audit's default clock (newest event and count per day).
    await con.run(`CREATE TEMP TABLE tr_all AS
      WITH e AS (
        SELECT ev.tn, ev.t, ev.f, d.id, k.possession, ${msSql}::DOUBLE AS ms, floor(ms / 86400000)::INTEGER AS day
        FROM (SELECT tn, t, f, h FROM (${evSql})) ev JOIN d USING (h) JOIN k USING (id) ${zoJoin})
      SELECT tn, ${asOfMs === undefined ? 'grouping(tn)::INTEGER AS by_day, day' : '0 AS by_day, NULL AS day'},
        count(*) FILTER (ms IS NOT NULL AND ms <= ${asOf})::INTEGER AS events,
        count(*) FILTER (ms IS NULL)::INTEGER AS bad,
        count(*) FILTER (ms > ${asOf})::INTEGER AS later,
        max(ms) FILTER (ms <= ${asOf}) AS newest,
        arg_min({'id': id, 't': t, 'f': f, 'ms': ms}, ms) FILTER (possession AND ms <= ${asOf}) AS p,
        arg_max({'id': id, 't': t, 'f': f, 'ms': ms}, ms) FILTER (ms <= ${asOf}) AS l
      FROM e WHERE tn <> '' GROUP BY ${asOfMs === undefined ? 'GROUPING SETS ((tn), (day))' : 'tn'}`);
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
    phase('first scans');
  }

  // Orders: every order file's rows, status and channel as the product's tables say, once per distinct text.
  const orderSql = (
    await Promise.all(
      ordersF.map(async (s) => {
        const pm = timeMode(s, 'purchaseDate', market);
        const lm = timeMode(s, 'latestShipDate', market);
        const lsd = s.index.latestShipDate !== undefined ? 'latestShipDate' : 'promiseDate';
        return `SELECT ${col(s, 'orderId')} AS oid, ${rank.get(s.file)} AS f, ${lit(s.spec.kind)} AS kind,
        ${col(s, 'purchaseDate')} AS p_raw, ${timeSql(col(s, 'purchaseDate'), pm, marketSql, pm === 'local' ? await wallFormat(con, s, 'purchaseDate') : undefined)} AS p_ms,
        ${col(s, lsd)} AS l_raw, ${timeSql(col(s, lsd), lm ?? 'local', marketSql, lm === 'local' ? await wallFormat(con, s, lsd) : undefined)} AS l_ms,
        coalesce(${col(s, 'orderStatus')}, ${col(s, 'itemStatus')}) AS status_raw,
        ${col(s, 'fulfillmentChannel')} AS channel_raw,
        CASE WHEN regexp_full_match(coalesce(${col(s, 'quantity')}, ''), '[0-9]+') THEN ${col(s, 'quantity')}::INTEGER ELSE 1 END AS qty
        FROM ${readCsv(s)} WHERE ${col(s, 'orderId')} IS NOT NULL`;
      }),
    )
  ).join(' UNION ALL ');
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
        bool_or(orows.kind = 'unshipped-orders') AS awaiting,
        min(f) AS f
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
  const confSql = (
    await Promise.all(
      confF.map(async (s) => {
        const m = timeMode(s, 'shipDate', market);
        const code = col(s, 'carrierCode');
        const name = col(s, 'carrierName');
        return `SELECT ${col(s, 'orderId')} AS oid, coalesce(${numberSql(col(s, 'trackingNumber'))}, '') AS tn,
        ${col(s, 'trackingNumber')} AS tn_raw,
        CASE WHEN ${code} IS NOT NULL AND NOT regexp_full_match(${code}, '(?i)other') THEN ${code} ELSE coalesce(${name}, ${code}) END AS carrier,
        ${col(s, 'shipDate')} AS c_raw, ${timeSql(col(s, 'shipDate'), m, marketSql, m === 'local' ? await wallFormat(con, s, 'shipDate') : undefined)} AS c_ms, ${rank.get(s.file)} AS f
        FROM ${readCsv(s)} WHERE ${col(s, 'orderId')} IS NOT NULL`;
      }),
    )
  ).join(' UNION ALL ');
  if (!confSql) throw new Error('no confirmation file');
  const oJoin = orderSql ? 'LEFT JOIN o USING (oid)' : '';
  const oCols = orderSql
    ? `o.oid IS NOT NULL AS has_order, o.p.raw AS p_raw, o.p.ms AS p_ms, o.l.raw AS l_raw, o.l.ms AS l_ms,
       o.status, o.channel, o.items, o.awaiting, o.f AS o_f`
    : `false AS has_order, NULL AS p_raw, NULL AS p_ms, NULL AS l_raw, NULL AS l_ms, NULL AS status,
       NULL AS channel, 0 AS items, false AS awaiting, NULL AS o_f`;
  const tJoin = evSql ? `LEFT JOIN tr ON tr.tn = s.tn` : '';
  const tCols = evSql
    ? `tr.tn IS NOT NULL AS tracked, tr.events, tr.p.id AS p_id, tr.p.t AS p_t, tr.p.f AS p_f, tr.p.ms AS pe_ms,
       tr.l.id AS l_id, tr.l.t AS l_t, tr.l.f AS l_f, tr.l.ms AS le_ms`
    : `false AS tracked, 0 AS events, NULL AS p_id, NULL AS p_t, NULL AS p_f, NULL AS pe_ms, NULL AS l_id,
       NULL AS l_t, NULL AS l_f, NULL AS le_ms`;
  await con.run(`CREATE TEMP TABLE c AS ${confSql}`);
  const newestConfirmation = (await rows(con, `SELECT max(c_ms) FILTER (c_ms <= ${asOf}) AS ms FROM c`)).ms[0];
  const newestOrderDataMs = Math.max(newestOrderMs, newestConfirmation ?? -Infinity);
  phase('confirmations');
  const shipments = await table(
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
    SELECT s.oid, s.tn, CASE WHEN s.first.tn_raw <> s.tn THEN s.first.tn_raw END AS tn_raw, s.carrier,
      s.first.raw AS c_raw, s.first.ms AS c_ms, s.first.f AS c_f, s.has_order, s.p_raw, s.p_ms, s.l_raw, s.l_ms,
      s.status, s.channel, s.items, s.awaiting, s.o_f, ${tCols}, shared.oids,
      ${['s.first.raw', 's.p_raw', 's.l_raw', evSql ? 'tr.p.t' : 'NULL', evSql ? 'tr.l.t' : 'NULL']
        .map((x, i) => `coalesce(regexp_matches(${x}, ${lit(NEEDS_PARSER.source)}), false) AS np${i}`)
        .join(', ')}
    FROM s ${tJoin} LEFT JOIN shared ON shared.tn = s.tn
    ORDER BY s.first.ms, s.oid`,
    // Converted for every shipment; the other columns (times as written, order status) only when asked.
    [
      'oid',
      'tn',
      'tn_raw',
      'carrier',
      'c_ms',
      'c_f',
      'has_order',
      'p_ms',
      'l_ms',
      'items',
      'awaiting',
      'o_f',
      'tracked',
      'events',
      'p_id',
      'p_f',
      'pe_ms',
      'l_id',
      'l_f',
      'le_ms',
      'oids',
      'np0',
      'np1',
      'np2',
      'np3',
      'np4',
    ],
  );
  const facts = evSql
    ? await rows(
        con,
        `SELECT count(*)::INTEGER AS tracked, sum(bad)::INTEGER AS bad, sum(later)::INTEGER AS later FROM tr`,
      )
    : { tracked: [0], bad: [0], later: [0] };
  // What the shipments are made of is no longer needed: DuckDB's memory goes back for the rule pass.
  await con.run('DROP VIEW IF EXISTS tr');
  for (const t of ['c', 'o', 'tr_all', 'd', 'k', 'zo']) await con.run(`DROP TABLE IF EXISTS ${t}`);
  phase(`${shipments.count} shipments to JS`);

  const files = taken.map((s) => s.file);
  const count = shipments.count;
  const confZone = new Map(confF.map((s) => [rank.get(s.file), settings.readOptionsFor(s.file).marketplaceZone]));
  const S = shipments.columns;
  const text = shipments.lazy;
  const carrierOf = new Map();
  const confCarrier = (text) => {
    if (text === null) return undefined;
    let c = carrierOf.get(text);
    if (c === undefined) carrierOf.set(text, (c = canonicalCarrier(text) ?? text));
    return c;
  };
  const eventRef = (id, name, j, f, ms, np) =>
    id === null
      ? undefined
      : {
          at: stampOf(() => text(name, j), ms, dHint[id], np, check, true),
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
          const purchasedAt = stampOf(() => text('p_raw', j), S.p_ms[j], market, S.np1[j], check);
          const given = stampOf(() => text('l_raw', j), S.l_ms[j], market, S.np2[j], check);
          return {
            orderId: S.oid[j],
            purchasedAt,
            latestShipDate: given ?? (purchasedAt ? computeLatestShipDate(purchasedAt, settings.handling) : undefined),
            latestShipDateComputed: !given && purchasedAt !== undefined,
            get status() {
              return text('status', j) ?? undefined;
            },
            get channel() {
              return text('channel', j) ?? undefined;
            },
            items: S.items[j],
            awaitingShipment: S.awaiting[j] ?? false,
            source: { file: files[S.o_f[j]], line: 0 },
          };
        })()
      : undefined;
    let recognition;
    return {
      orderId: S.oid[j],
      trackingNumber: tn,
      trackingRaw: S.tn_raw[j] ?? undefined,
      carrier: confCarrier(S.carrier[j]),
      confirmedAt: stampOf(() => text('c_raw', j), S.c_ms[j], confZone.get(S.c_f[j]), S.np0[j], check),
      confirmations: [{ file: files[S.c_f[j]], line: 0 }],
      order,
      tracking: S.tracked[j]
        ? {
            events: S.events[j],
            firstPossession: eventRef(S.p_id[j], 'p_t', j, S.p_f[j], S.pe_ms[j], S.np3[j]),
            lastEvent: eventRef(S.l_id[j], 'l_t', j, S.l_f[j], S.le_ms[j], S.np4[j]),
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
  con.closeSync();
  db.closeSync();
  if (check) console.error(`stamps checked ${stampsChecked}, differing from the product's parser ${stampsDiffering}`);
  if (facts.bad[0])
    console.error(`${facts.bad[0]} event times DuckDB could not cast (the product would reject or read them)`);
  if (process.env.SHIPAUDIT_TIMINGS) console.error(`duck-engine steps (wall/cpu ms): ${phases.join(', ')}`);
}

await main();
