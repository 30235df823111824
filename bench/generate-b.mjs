#!/usr/bin/env node
/**
 * Bench data set B: written apart from generate.mjs on purpose (its own phrase lists, places, numbers and
 * time logic), so that a speed measured on it is not a speed tuned to one generator. Shaped like a
 * China-based seller's month: two order reports for the same orders, an ERP confirmation export in CSV
 * with +08:00 offsets, a tracking export from an aggregator with facility-naming Chinese texts.
 *
 *   node bench/generate-b.mjs --orders 100000 --out /tmp/bench-b/100000 [knobs]
 *
 * Knobs (the defaults make set B; bench.mjs makes set C with --quoting none --zones inferred
 * --findings 0.05 --order-files 1):
 *   --seed N            the random stream (default 7)
 *   --quoting all|some|none
 *                       tracking + confirmation CSVs: every text field quoted / only where needed / never
 *                       (then no text carries a comma: ", " becomes " ")
 *   --variety high|low  high: facilities, cities, bracket and punctuation styles vary, handler names and
 *                       phone tails appended, 1.5 % of events carry a text the classifier does not know;
 *                       low: one canonical wording per step, no unknown texts
 *   --order-files 2|1   2: All Orders + the Order Report (buyer columns, ship windows, 1–3 handling days);
 *                       1: All Orders only, so the latest ship date is computed (2 business days, LA)
 *   --findings F        share of shipped parcels with a finding the oracle checks (default 0.23: a bit over
 *                       half early confirmations, the rest late hand-overs)
 *   --zones given|inferred
 *                       tracking times with their UTC offset, or local wall clock (zone from the location)
 *
 * Writes all-orders.txt, [order-report.txt], confirmations.csv, tracking.csv, expected.json and the
 * truth lists .early-orders.txt and .late-orders.txt (dot files: the CLI skips them).
 *
 * Purchases run from mid-August to early November 2026, so US events cross the end of daylight saving
 * time (1 November); local times come from Intl (cached per zone and hour). Every finding is at least
 * 3 hours away from its rule's edge, so a zone placed one hour off cannot move an order across it.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const FROM = Date.UTC(2026, 7, 17, 7); // 2026-08-17 00:00 in Los Angeles
const SPAN_DAYS = 80;
export const AS_OF_B = '2026-11-28T00:00:00Z';
const MARKET_ZONE = 'America/Los_Angeles';

// ── places ─────────────────────────────────────────────────────────────────────────────────────────
/** State → zone, as the SQL maps it when the export gives no offsets. */
export const STATE_ZONE = {
  CA: 'America/Los_Angeles',
  WA: 'America/Los_Angeles',
  NV: 'America/Los_Angeles',
  OR: 'America/Los_Angeles',
  AZ: 'America/Phoenix',
  UT: 'America/Denver',
  CO: 'America/Denver',
  TX: 'America/Chicago',
  IL: 'America/Chicago',
  MO: 'America/Chicago',
  TN: 'America/Chicago',
  MN: 'America/Chicago',
  FL: 'America/New_York',
  NY: 'America/New_York',
  NJ: 'America/New_York',
  PA: 'America/New_York',
  OH: 'America/New_York',
  GA: 'America/New_York',
  NC: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit',
};
const BUYERS = [
  ['Fresno', 'CA', '93721'],
  ['Portland', 'OR', '97205'],
  ['Reno', 'NV', '89501'],
  ['Tucson', 'AZ', '85701'],
  ['Provo', 'UT', '84601'],
  ['Boulder', 'CO', '80302'],
  ['Plano', 'TX', '75024'],
  ['Naperville', 'IL', '60540'],
  ['St. Louis', 'MO', '63101'],
  ['Memphis', 'TN', '38103'],
  ['Duluth', 'MN', '55802'],
  ['Orlando', 'FL', '32801'],
  ['Buffalo', 'NY', '14202'],
  ['Hoboken', 'NJ', '07030'],
  ['Pittsburgh', 'PA', '15222'],
  ['Dayton', 'OH', '45402'],
  ['Savannah', 'GA', '31401'],
  ['Raleigh', 'NC', '27601'],
  ['Worcester', 'MA', '01608'],
  ['Grand Rapids', 'MI', '49503'],
  ['Spokane', 'WA', '99201'],
  ['Sacramento', 'CA', '95814'],
  ['El Paso', 'TX', '79901'],
  ['Tampa', 'FL', '33602'],
];
const US_PLANTS = [
  ['LOS ANGELES', 'CA', 'INTERNATIONAL DISTRIBUTION CENTER', '90009'],
  ['JAMAICA', 'NY', 'INTERNATIONAL DISTRIBUTION CENTER', '11430'],
  ['CHICAGO', 'IL', 'INTERNATIONAL DISTRIBUTION CENTER', '60666'],
  ['SAN FRANCISCO', 'CA', 'INTERNATIONAL DISTRIBUTION CENTER', '94128'],
  ['MIAMI', 'FL', 'INTERNATIONAL DISTRIBUTION CENTER', '33112'],
];
const US_NDC = [
  ['SAN BERNARDINO', 'CA', '92407'],
  ['DALLAS', 'TX', '75260'],
  ['KANSAS CITY', 'MO', '64121'],
  ['ATLANTA', 'GA', '30320'],
  ['JERSEY CITY', 'NJ', '07097'],
  ['COLUMBUS', 'OH', '43216'],
  ['DENVER', 'CO', '80266'],
  ['SEATTLE', 'WA', '98168'],
];
const US_ORIGINS = [
  ['CITY OF INDUSTRY', 'CA', '91715'],
  ['RIVERSIDE', 'CA', '92507'],
  ['LAS VEGAS', 'NV', '89115'],
  ['HOUSTON', 'TX', '77032'],
  ['SALT LAKE CITY', 'UT', '84104'],
  ['CRANBURY', 'NJ', '08512'],
  ['NASHVILLE', 'TN', '37230'],
];
const CN_CITIES = [
  '深圳市',
  '广州市',
  '东莞市',
  '义乌市',
  '金华市',
  '杭州市',
  '厦门市',
  '泉州市',
  '佛山市',
  '中山市',
  '宁波市',
  '苏州市',
];
const CN_CITY_LATIN = [
  'SHENZHEN',
  'GUANGZHOU',
  'DONGGUAN',
  'YIWU',
  'JINHUA',
  'HANGZHOU',
  'XIAMEN',
  'QUANZHOU',
  'FOSHAN',
  'ZHONGSHAN',
  'NINGBO',
  'SUZHOU',
];
const CN_UNITS = ['邮政速递物流分公司', '邮政分公司国际小包揽收点', '邮政速递物流营业部', '国际小包收寄中心'];
const CN_OFFICES = [
  '深圳国际邮件处理中心',
  '广州国际邮件处理中心',
  '上海国际邮件处理中心',
  '北京国际邮件处理中心',
  '义乌国际邮件处理中心',
];
const NEXT_STOP = ['洛杉矶', '纽约', '芝加哥', '旧金山', '迈阿密'];
const HANDLERS = ['王师傅', '李师傅', '张师傅', '陈师傅', '刘师傅'];
const YUN_HUBS = ['Shenzhen', 'Guangzhou', 'Yiwu', 'Dongguan'];

// ── wording (real wording the classifier knows, and from the real samples, varied) ─────────────────
// Every text here is decided by src/knowledge/events.ts as its comment says; test/bench/generate-b.test.ts
// checks each against the classifier. UNKNOWN texts must come out unclassified.
export const UNKNOWN = [
  'Parcel weight verified, awaiting linehaul booking',
  '海关查验中，请耐心等待',
  'Consolidation complete at export warehouse',
  '邮件信息已更新',
];

function brackets(name, style) {
  return style === 0 ? `【${name}】` : style === 1 ? `[${name}]` : style === 2 ? `（${name}）` : `${name} `;
}

/** xorshift32 (generate.mjs uses mulberry32): seeded, fast, good enough for test data. */
function rng(seed) {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

// ── time ───────────────────────────────────────────────────────────────────────────────────────────
const fmtCache = new Map();
const offCache = new Map();
/** Minutes east of UTC for `zone` at `ms`, from Intl, cached per zone and UTC hour. */
function offsetMin(zone, ms) {
  const hour = Math.floor(ms / H);
  const key = `${zone}|${hour}`;
  let v = offCache.get(key);
  if (v !== undefined) return v;
  let f = fmtCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    fmtCache.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(hour * H)).map((x) => [x.type, x.value]));
  v = Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - hour * H) / M);
  offCache.set(key, v);
  return v;
}
const z2 = (n) => (n < 10 ? '0' : '') + n;
function wall(ms, offMin) {
  const d = new Date(ms + offMin * M);
  return {
    y: d.getUTCFullYear(),
    mo: z2(d.getUTCMonth() + 1),
    d: z2(d.getUTCDate()),
    h: z2(d.getUTCHours()),
    mi: z2(d.getUTCMinutes()),
    s: z2(d.getUTCSeconds()),
  };
}
function offText(offMin) {
  const a = Math.abs(offMin);
  return `${offMin < 0 ? '-' : '+'}${z2(Math.floor(a / 60))}:${z2(a % 60)}`;
}
/** ISO 8601 with seconds and offset, as APIs and Amazon reports write it. */
function iso(ms, zone) {
  const off = offsetMin(zone, ms);
  const w = wall(ms, off);
  return `${w.y}-${w.mo}-${w.d}T${w.h}:${w.mi}:${w.s}${offText(off)}`;
}
/** Local `YYYY/MM/DD HH:mm:ss`, as Chinese aggregator exports write it (no zone). */
function localText(ms, zone) {
  const w = wall(ms, offsetMin(zone, ms));
  return `${w.y}/${w.mo}/${w.d} ${w.h}:${w.mi}:${w.s}`;
}

/** The end of the Nth Monday–Friday day after the purchase's local (LA) date: the ship-by deadline. */
function shipBy(purchasedMs, days) {
  const off = offsetMin(MARKET_ZONE, purchasedMs);
  const local = new Date(purchasedMs + off * M);
  let t = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let n = 0; n < days;) {
    t += D;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  // Local midnight of the following day, back in UTC (two tries settle the offset across a DST change).
  const next = t + D;
  let utc = next - offsetMin(MARKET_ZONE, next) * M;
  utc = next - offsetMin(MARKET_ZONE, utc) * M;
  return { endMs: utc };
}

// ── files ──────────────────────────────────────────────────────────────────────────────────────────
function sink(path) {
  const stream = createWriteStream(path);
  const parts = [];
  let size = 0;
  return {
    async put(line) {
      parts.push(line);
      size += line.length;
      if (size > 1 << 19) {
        const ok = stream.write(parts.join('\n') + '\n');
        parts.length = 0;
        size = 0;
        if (!ok) await once(stream, 'drain');
      }
    },
    async end() {
      stream.end(parts.length ? parts.join('\n') + '\n' : '');
      await once(stream, 'finish');
    },
  };
}

const ALL_ORDERS_COLS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
  'is-iba',
  'signature-confirmation-recommended',
];
const ORDER_REPORT_COLS = [
  'order-id',
  'order-item-id',
  'purchase-date',
  'payments-date',
  'buyer-email',
  'buyer-name',
  'buyer-phone-number',
  'sku',
  'product-name',
  'quantity-purchased',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'ship-phone-number',
  'delivery-start-date',
  'delivery-end-date',
  'delivery-time-zone',
  'delivery-Instructions',
  'sales-channel',
  'earliest-ship-date',
  'latest-ship-date',
  'earliest-delivery-date',
  'latest-delivery-date',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
  'is-prime',
];
// An ERP's shipment export (the names the erp-confirmations kind accepts).
const CONF_COLS = [
  'Amazon Order ID',
  'Package No',
  'Tracking Number',
  'Carrier',
  'Shipping Service',
  'Qty',
  'Ship Date',
  'Warehouse',
];
const TRACK_COLS = ['Tracking Number', 'Carrier', 'Time', 'Event', 'Location'];
const GOODS = [
  ['Wireless Earbuds, Bluetooth 5.3, 40H Playtime', 'WE-53-BLK', 'B0DK4T7QZP', 23.99],
  ['Cat Water Fountain 2.5L "Quiet" Pump', 'CWF-25', 'B0C9PWM2LD', 19.49],
  ['Car Seat Gap Filler (2 pcs), PU Leather', 'CSG-PU-2', 'B0BXR3Q1HZ', 14.99],
  ['Desk Cable Organizer, Silicone, 5 Slots', 'DCO-5', 'B0CJ6V9NWR', 7.99],
  ['Kids Night Light, Dinosaur, Rechargeable', 'KNL-DINO', 'B0D2M5HHTS', 16.99],
  ['Reusable Silicone Food Bags, 12 Pack', 'RSFB-12', 'B0B7QW4KCF', 21.49],
  ['Phone Lanyard Strap w/ Card, 2 pack', 'PLS-2C', 'B0CLT8Y3MA', 9.89],
];
const FIRST = ['Emily', 'Jacob', 'Olivia', 'Noah', 'Ava', 'Liam', 'Mia', 'Lucas', 'Sofia', 'Mason'];
const LAST = ['Nguyen', 'Garcia', 'Smith', 'Patel', 'Johnson', 'Kim', 'Lopez', "O'Brien", 'Brown', 'Davis'];

// S10 check digit (UPU), written here from the standard's weights rather than imported.
function s10(serial8) {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += w[i] * (serial8.charCodeAt(i) - 48);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}
// USPS IMpb MOD 10: from the right, odd positions ×3.
function mod10(digits) {
  let sum = 0;
  for (let i = digits.length - 1, k = 0; i >= 0; i--, k++) sum += (digits.charCodeAt(i) - 48) * (k % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export async function generateB(opts) {
  const {
    orders,
    out,
    seed = 7,
    quoting = 'all',
    variety = 'high',
    orderFiles = 2,
    findings = 0.23,
    zones = 'given',
  } = opts;
  mkdirSync(out, { recursive: true });
  const r = rng(seed);
  const one = (xs) => xs[Math.floor(r() * xs.length)];
  const span = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const mins = (loH, hiH) => span(Math.round(loH * 60), Math.round(hiH * 60)) * M;
  const high = variety === 'high';

  const q =
    quoting === 'all'
      ? (s) => `"${String(s).replaceAll('"', '""')}"`
      : quoting === 'some'
        ? (s) => (/[",\n]/.test(s) ? `"${String(s).replaceAll('"', '""')}"` : String(s))
        : (s) => String(s).replaceAll(', ', ' ').replaceAll(',', ' ').replaceAll('"', '');

  const allOut = sink(join(out, 'all-orders.txt'));
  const repOut = orderFiles >= 2 ? sink(join(out, 'order-report.txt')) : undefined;
  const confOut = sink(join(out, 'confirmations.csv'));
  const trackOut = sink(join(out, 'tracking.csv'));
  await allOut.put(ALL_ORDERS_COLS.join('\t'));
  if (repOut) await repOut.put(ORDER_REPORT_COLS.join('\t'));
  await confOut.put(CONF_COLS.map(q).join(','));
  await trackOut.put(TRACK_COLS.map(q).join(','));

  const count = {
    itemRows: 0,
    orderReportRows: 0,
    confirmations: 0,
    events: 0,
    parcels: 0,
    afn: 0,
    cancelled: 0,
    unknownEvents: 0,
    byCarrier: {},
  };
  const early = [];
  const late = [];
  const unknownSeen = new Set();
  const step = (SPAN_DAYS * D) / orders;
  const earlyShare = findings * 0.52;

  for (let i = 0; i < orders; i++) {
    const id = `${one(['112', '113', '114', '111'])}-${String(span(1_000_000, 9_999_999))}-${String(9_999_999 - i).padStart(7, '0')}`;
    const purchased = Math.floor(FROM + i * step + r() * step);
    const afn = r() < 0.08;
    const cancelled = !afn && r() < 0.015;
    const [city, st, zip] = one(BUYERS);
    const nItems = r() < 0.85 ? 1 : 2;
    // Amazon writes All Orders times in UTC; the Order Report in the marketplace's offset.
    for (let k = 0; k < nItems; k++) {
      const [name, sku, asin, price] = GOODS[(i * 3 + k) % GOODS.length];
      const qty = r() < 0.93 ? 1 : 2;
      const status = cancelled ? 'Cancelled' : 'Shipped';
      await allOut.put(
        [
          id,
          '',
          iso(purchased, 'UTC'),
          iso(purchased + 3 * D, 'UTC'),
          status,
          afn ? 'Amazon' : 'Merchant',
          'Amazon.com',
          '',
          '',
          r() < 0.9 ? 'Standard' : 'Expedited',
          name,
          sku,
          asin,
          status,
          qty,
          'USD',
          (price * qty).toFixed(2),
          (price * qty * 0.07).toFixed(2),
          '0.00',
          '0.00',
          '',
          '',
          '',
          '',
          city,
          st,
          zip,
          'US',
          '',
          'false',
          '',
          '',
          'false',
          'false',
        ].join('\t'),
      );
      count.itemRows++;
    }
    if (afn) count.afn++;
    if (cancelled) count.cancelled++;

    // The Order Report lists the seller's own orders, with the ship window Amazon set (1–3 handling days).
    const handling = orderFiles >= 2 ? 1 + Math.floor(r() * 3) : 2;
    const due = shipBy(purchased, handling);
    if (repOut && !afn && !cancelled) {
      const earliest = due.endMs - handling * D;
      for (let k = 0; k < nItems; k++) {
        const [name, sku, , price] = GOODS[(i * 3 + k) % GOODS.length];
        const buyer = `${one(FIRST)} ${one(LAST)}`;
        await repOut.put(
          [
            id,
            String(40_000_000_000_000 + i * 4 + k),
            iso(purchased, MARKET_ZONE),
            iso(purchased + mins(0, 2), MARKET_ZONE),
            `${span(100000, 999999)}abc${i}@marketplace.amazon.com`,
            buyer,
            '',
            sku,
            name,
            1,
            'USD',
            price.toFixed(2),
            '0.00',
            '0.00',
            '0.00',
            'Standard',
            buyer,
            `${span(10, 9999)} ${one(['Oak', 'Maple', 'Pine', 'Cedar'])} St`,
            '',
            '',
            city,
            st,
            zip,
            'US',
            '',
            '',
            '',
            '',
            '',
            'Amazon.com',
            iso(earliest, 'UTC'),
            iso(due.endMs - 1000, 'UTC'),
            iso(due.endMs + 3 * D, 'UTC'),
            iso(due.endMs + 9 * D, 'UTC'),
            'false',
            '',
            '',
            'false',
          ].join('\t'),
        );
        count.orderReportRows++;
      }
    }
    if (afn || cancelled) continue;

    count.parcels++;
    const carrier = r() < 0.45 ? 'China Post' : r() < 0.6 ? 'Yun Express' : 'USPS';
    count.byCarrier[carrier] = (count.byCarrier[carrier] ?? 0) + 1;
    let tn;
    if (carrier === 'China Post') {
      const serial = String(i % 100_000_000).padStart(8, '0');
      tn = `${one(['LT', 'LX', 'LY'])}${serial}${s10(serial)}CN`;
    } else if (carrier === 'Yun Express')
      tn = `YT${String(2600 + (i % 100)).padStart(4, '0')}${String(i).padStart(12, '0')}`;
    else {
      const body = `9200190${String(span(100000, 999999))}${String(i).padStart(8, '0')}`;
      tn = body + mod10(body);
    }

    // When the parcel is first scanned and when the seller confirmed it; 3 h away from every edge.
    const x = r();
    let kase = x < earlyShare ? 'early' : x < findings ? 'late' : 'ok';
    const room = due.endMs - purchased; // ≥ 1 day
    let scan;
    let conf;
    if (kase === 'early') {
      conf = purchased + mins(0.3, 4);
      scan = conf + mins(27, 44);
      // Near the deadline: moved past it, so the parcel is early and late at once (both rules find it).
      if (scan > due.endMs - 3 * H && scan < due.endMs + 3 * H) scan = due.endMs + mins(3, 8);
      if (scan > due.endMs) late.push(id);
    } else if (kase === 'late') {
      scan = due.endMs + mins(3, 70);
      conf = scan + mins(-21, 5);
    } else {
      scan = purchased + mins(2, Math.max(2, (room - 3 * H) / H));
      conf = Math.max(scan + mins(-21, 5), purchased + 5 * M);
    }
    if (kase === 'early') early.push(id);
    if (kase === 'late') late.push(id);

    const [service, warehouse] =
      carrier === 'USPS'
        ? ['USPS Ground Advantage', 'US-LAX-01']
        : carrier === 'Yun Express'
          ? ['YunExpress Standard (US)', 'SZ-BA-02']
          : ['ePacket 国际e邮宝', 'SZ-LG-01'];
    // The ERP writes Beijing time with its offset, one row per package.
    await confOut.put(
      [id, `P${i}`, tn, carrier, service, nItems, iso(conf, 'Asia/Shanghai'), warehouse].map(q).join(','),
    );
    count.confirmations++;

    const events = journey(carrier, scan, conf, [city, st, zip], { r, one, mins, high });
    if (high && r() < 0.09) {
      // An event no table knows, before the delivery: listed as unknown, never a scan.
      const text = one(UNKNOWN);
      unknownSeen.add(quoting === 'none' ? q(text) : text); // as the file writes it
      const at = events[Math.min(2, events.length - 1)].at + mins(0.2, 1);
      events.splice(Math.min(3, events.length), 0, {
        at,
        text,
        place: events[1]?.place ?? '',
        zone: events[1]?.zone ?? 'Asia/Shanghai',
      });
      count.unknownEvents++;
    }
    for (let k = events.length - 1; k >= 0; k--) {
      const e = events[k];
      const time = zones === 'given' ? iso(e.at, e.zone) : localText(e.at, e.zone);
      await trackOut.put(
        [tn, carrierLabel(carrier), time, e.text, e.place]
          .map((v, c) => (c === 2 && quoting !== 'all' ? v : q(v)))
          .join(','),
      );
      count.events++;
    }
  }
  await Promise.all([allOut.end(), repOut?.end(), confOut.end(), trackOut.end()]);
  const expected = {
    generator: 'generate-b',
    seed,
    orders,
    quoting,
    variety,
    orderFiles,
    findings,
    zones,
    asOf: AS_OF_B,
    ...count,
    early: early.length,
    late: late.length,
    unknownTexts: [...unknownSeen].sort(),
  };
  writeFileSync(join(out, '.early-orders.txt'), early.join('\n') + '\n');
  writeFileSync(join(out, '.late-orders.txt'), late.join('\n') + '\n');
  writeFileSync(join(out, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  return expected;
}

const carrierLabel = (c) => (c === 'Yun Express' ? 'YunExpress' : c);

/** A parcel's events in time order; the first possession scan is at `scan`, nothing in hand before it. */
function journey(carrier, scan, conf, [city, st, zip], { r, one, mins, high }) {
  const ev = [];
  const add = (at, text, place, zone) => ev.push({ at, text, place, zone });
  const SH = 'Asia/Shanghai';
  const label = Math.min(scan, conf) - mins(0.5, 5);
  const dest = `${city.toUpperCase()}, ${st} ${zip}`;
  const destZone = STATE_ZONE[st];
  const plant = one(US_PLANTS);
  const plantPlace = high ? `${plant[0]} ${plant[1]} ${plant[2]}` : `${plant[0]}, ${plant[1]} ${plant[3]}`;
  const plantZone = STATE_ZONE[plant[1]];
  const landed = scan + mins(50, 130);
  const ndc = one(US_NDC);
  const atNdc = landed + mins(14, 40);
  const ofd = atNdc + mins(12, 30);
  const delivered = ofd + mins(2, 9);
  const deliveredText = high
    ? one(['Delivered, In/At Mailbox', 'Delivered, Front Door/Porch', 'Delivered, Parcel Locker', 'Delivered'])
    : 'Delivered';

  if (carrier === 'China Post') {
    const c = Math.floor(r() * CN_CITIES.length);
    const style = high ? Math.floor(r() * 4) : 0;
    const office = `${CN_CITIES[c]}${high ? one(CN_UNITS) : CN_UNITS[0]}`;
    const hub = high ? one(CN_OFFICES) : CN_OFFICES[0];
    const place = high && r() < 0.5 ? `${CN_CITY_LATIN[c]}, CN` : CN_CITIES[c];
    add(label, high && r() < 0.3 ? '收到电子信息，等待揽收' : '电子信息已收到', '', SH);
    let accept = `${brackets(office, style)}已收寄`;
    if (high && r() < 0.35)
      accept += `，揽投员：${one(HANDLERS)}，电话：1${Math.floor(r() * 1e10)
        .toString()
        .padStart(10, '0')}`;
    add(scan, accept, place, SH);
    const left = scan + mins(6, 26);
    add(
      left,
      high
        ? `离开${brackets(hub, style)}，下一站${brackets(one(NEXT_STOP), style)}`
        : `离开【${hub}】，下一站【洛杉矶】`,
      high ? hub.slice(0, 2) : '深圳',
      SH,
    );
    add(landed, 'Arrived at USPS Regional Facility', plantPlace, plantZone);
    if (r() < 0.5) add(ofd, 'Out for Delivery', dest, destZone);
    add(delivered, high && r() < 0.2 ? '已签收，投递员：USPS' : deliveredText, dest, destZone);
    return ev;
  }
  if (carrier === 'Yun Express') {
    const city = high ? one(YUN_HUBS) : 'Shenzhen';
    add(label, 'Shipment information received by warehouse electronically', '', SH);
    add(
      scan,
      high && r() < 0.4 ? `Arrived at sorting center, ${city}` : 'Arrived at sorting center',
      `${city.toUpperCase()}, CN`,
      SH,
    );
    if (r() < 0.5) add(scan + mins(3, 12), 'Departed from sorting center', `${city.toUpperCase()}, CN`, SH);
    add(
      scan + mins(16, 40),
      high && r() < 0.5 ? '航班起飞' : 'Hand over to airline',
      high ? `${city}, China` : 'SHENZHEN, CN',
      SH,
    );
    add(landed, high ? 'Import customs clearance complete' : 'Import customs clearance', plantPlace, plantZone);
    add(
      atNdc,
      'Arrived at USPS Regional Facility',
      `${ndc[0]} ${ndc[1]} NETWORK DISTRIBUTION CENTER`,
      STATE_ZONE[ndc[1]],
    );
    add(delivered, deliveredText, dest, destZone);
    return ev;
  }
  const o = one(US_ORIGINS);
  const origin = `${o[0]}, ${o[1]} ${o[2]}`;
  const oz = STATE_ZONE[o[1]];
  add(
    label,
    high && r() < 0.4
      ? 'Pre-Shipment Info Sent to USPS, USPS Awaiting Item'
      : 'Shipping Label Created, USPS Awaiting Item',
    origin,
    oz,
  );
  add(scan, high && r() < 0.5 ? 'USPS in possession of item' : 'Accepted at USPS Origin Facility', origin, oz);
  add(
    scan + mins(3, 9),
    high ? 'Departed USPS Regional Facility' : 'Departed USPS Facility',
    `${ndc[0]} ${ndc[1]} NETWORK DISTRIBUTION CENTER`,
    STATE_ZONE[ndc[1]],
  );
  add(scan + mins(20, 40), 'Arrived at Post Office', dest, destZone);
  add(scan + mins(41, 60), deliveredText, dest, destZone);
  return ev;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '7' },
      quoting: { type: 'string', default: 'all' },
      variety: { type: 'string', default: 'high' },
      'order-files': { type: 'string', default: '2' },
      findings: { type: 'string', default: '0.23' },
      zones: { type: 'string', default: 'given' },
    },
  });
  const orders = Number(values.orders);
  const bad =
    !Number.isInteger(orders) ||
    orders <= 0 ||
    !values.out ||
    !['all', 'some', 'none'].includes(values.quoting) ||
    !['high', 'low'].includes(values.variety) ||
    !['1', '2'].includes(values['order-files']) ||
    !['given', 'inferred'].includes(values.zones) ||
    !(Number(values.findings) >= 0 && Number(values.findings) <= 1);
  if (bad) {
    console.error(
      'usage: node bench/generate-b.mjs --orders N --out DIR [--seed 7] [--quoting all|some|none] [--variety high|low] [--order-files 2|1] [--findings 0.23] [--zones given|inferred]',
    );
    process.exit(2);
  }
  const t0 = performance.now();
  const e = await generateB({
    orders,
    out: values.out,
    seed: Number(values.seed),
    quoting: values.quoting,
    variety: values.variety,
    orderFiles: Number(values['order-files']),
    findings: Number(values.findings),
    zones: values.zones,
  });
  console.error(
    `${values.out}: ${orders} orders, ${e.parcels} parcels, ${e.events} events, early ${e.early}, late ${e.late} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
