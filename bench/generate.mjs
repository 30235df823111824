#!/usr/bin/env node
/**
 * Synthetic, reproducible data set in the real file shapes, with a known number of violations per rule.
 *
 *   npm run bench:generate -- --orders 100000 [--out bench/data/100000] [--seed 1] [--only all-orders]
 *
 * Writes all-orders.txt (Amazon All Orders flat file), confirmations.txt (shipping-confirmation upload),
 * tracking.csv (event-level export, ~6 events per parcel), expected.json (counts) and .early-orders.txt
 * (the order ids the confirmed-before-handover rule must find; a dot file, so the CLI doesn't read it).
 *
 * Every instant falls between May and late September 2026, inside US daylight saving time: each US zone
 * then has one fixed offset, so local event times are written with plain arithmetic (no Intl per row)
 * and the DuckDB oracle in bench.mjs converts them back with nothing but the zone names.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { s10CheckDigit, upsCheckDigit, uspsCheckDigit } from '../dist/knowledge/tracking-numbers.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const PURCHASE_FROM = Date.UTC(2026, 4, 1); // 2026-05-01
const PURCHASE_DAYS = 120; // to 2026-08-28; the last delivery lands before 2026-09-20
// After the last event, close enough that the 10- and 30-day rates cover the last weeks of orders.
export const AS_OF = '2026-09-25T00:00:00Z';

/** State → [IANA zone, UTC offset in hours during DST 2026]. The SQL oracle uses the zone names. */
export const US_ZONES = {
  CA: ['America/Los_Angeles', -7],
  AZ: ['America/Phoenix', -7],
  CO: ['America/Denver', -6],
  TX: ['America/Chicago', -5],
  IL: ['America/Chicago', -5],
  NJ: ['America/New_York', -4],
  NY: ['America/New_York', -4],
  GA: ['America/New_York', -4],
  WA: ['America/Los_Angeles', -7],
};
const SHANGHAI = 8;

// Exactly the phrases the classifier decides unambiguously (src/knowledge/events.ts), by class.
export const PHRASES = {
  information: [
    '电子信息已收到',
    'Shipping Label Created, USPS Awaiting Item',
    'Shipper created a label, UPS has not received the package yet',
  ],
  physical: [
    '已收寄',
    'Accepted at USPS Origin Facility',
    'Origin Scan',
    'Departed from Facility',
    'Arrived at USPS Regional Facility',
  ],
  delivered: ['Delivered', '已签收'],
};

const CN_POST_OFFICES = ['广东省深圳市', '广东省东莞市', '广东省广州市', '浙江省义乌市', '福建省厦门市'];
const CN_EXCHANGE = ['广州国际邮件互换局', '上海国际邮件互换局', '深圳国际邮件互换局'];
const US_GATEWAY = ['LOS ANGELES, CA 90009', 'NEW YORK, NY 10199', 'CHICAGO, IL 60688'];
const US_WAREHOUSES = ['ONTARIO, CA 91761', 'DALLAS, TX 75261', 'EDISON, NJ 08817', 'PHOENIX, AZ 85043'];
const US_HUBS = ['DENVER, CO 80266', 'CHICAGO, IL 60666', 'ATLANTA, GA 30320', 'SEATTLE, WA 98168'];
const DESTINATIONS = [
  ['San Diego', 'CA', '92103'],
  ['Los Angeles', 'CA', '90012'],
  ['Seattle', 'WA', '98101'],
  ['Phoenix', 'AZ', '85016'],
  ['Denver', 'CO', '80205'],
  ['Austin', 'TX', '78701'],
  ['Houston', 'TX', '77002'],
  ['Chicago', 'IL', '60614'],
  ['Brooklyn', 'NY', '11201'],
  ['Newark', 'NJ', '07102'],
  ['Atlanta', 'GA', '30303'],
];
// Quotes are literal in a flat file: the reader must not treat them as quoting.
const PRODUCTS = [
  ['LED Strip Lights 32.8 ft, RGB, Remote & App', 'LED-STRIP-10M', 'B0CZ3JQ2V5', '21.99'],
  ['Magnetic Car Phone Mount, Air Vent, 2 Pack', 'MAG-MNT-VENT', 'B0C4R1WZ8M', '11.99'],
  ['Steel Ruler 12" Metric / Imperial, Stainless', 'SR-12-SS', 'B0CQ7X4M2T', '8.99'],
  ['Adjustable Phone Stand, Aluminium, Silver', 'PHN-STD-ALU', 'B09T2MQ7X3', '14.49'],
  ['Silicone Baking Mat 16.5" x 11.6", Set of 2', 'BAKE-MAT-2', 'B0B8K2RZ1Q', '12.99'],
  ['USB-C Cable 6 ft, Braided, 2 Pack', 'USBC-6FT-2P', 'B0D1N7VX4C', '9.99'],
];

const ORDER_HEADER = [
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
];
const CONF_HEADER = [
  'order-id',
  'order-item-id',
  'quantity',
  'ship-date',
  'carrier-code',
  'carrier-name',
  'tracking-number',
  'ship-method',
];
const TRACK_HEADER = 'Tracking Number,Carrier,Event Time,Event,Location';

/**
 * What happens to a seller-fulfilled, shipped parcel, with its share. Each case produces exactly one
 * finding of its rule (and, by construction, none of the others listed here).
 */
const CASES = [
  { id: 'early', rule: 'confirmed-before-handover', share: 0.04 },
  { id: 'no-scan', rule: 'no-carrier-scan', share: 0.01 },
  { id: 'not-found', rule: 'tracking-not-found', share: 0.005 },
  { id: 'bad-check', rule: 'invalid-tracking-number', share: 0.003 },
  { id: 'no-number', rule: 'missing-tracking', share: 0.002 },
];

/** mulberry32: tiny, fast, and good enough for test data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, '0');
const two = (n) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:mm:ss` of an instant shifted by `offsetH`, plus the offset suffix. */
function isoWithOffset(ms, offsetH) {
  const d = new Date(ms + offsetH * HOUR);
  const sign = offsetH < 0 ? '-' : '+';
  const body = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${body}${sign}${two(Math.abs(offsetH))}:00`;
}

/** Local wall-clock `YYYY-MM-DD HH:mm`, as carrier exports write it: no offset. */
function localMinute(ms, offsetH) {
  const d = new Date(ms + offsetH * HOUR);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const usOffset = (location) => US_ZONES[location.slice(-8, -6)][1];
const csv = (s) => (s.includes(',') || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s);

/** A write stream fed in ~1 MB strings, waiting on back-pressure so memory stays flat at any size. */
function chunkedWriter(path) {
  const stream = createWriteStream(path);
  let buf = '';
  return {
    async line(s) {
      buf += s + '\n';
      if (buf.length >= 1 << 20) {
        const ok = stream.write(buf);
        buf = '';
        if (!ok) await once(stream, 'drain');
      }
    },
    async close() {
      stream.end(buf);
      await once(stream, 'finish');
    },
  };
}

const NOOP_WRITER = { async line() {}, async close() {} };

export async function generate({ orders, out, seed = 1, only }) {
  mkdirSync(out, { recursive: true });
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const between = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const minutes = (loH, hiH) => between(loH * 60, hiH * 60) * MIN;

  const ordersOnly = only === 'all-orders';
  const ordersOut = chunkedWriter(join(out, 'all-orders.txt'));
  const confOut = ordersOnly ? NOOP_WRITER : chunkedWriter(join(out, 'confirmations.txt'));
  const trackOut = ordersOnly ? NOOP_WRITER : chunkedWriter(join(out, 'tracking.csv'));
  await ordersOut.line(ORDER_HEADER.join('\t'));
  await confOut.line(CONF_HEADER.join('\t'));
  await trackOut.line(TRACK_HEADER);

  const counts = { itemRows: 0, confirmationRows: 0, events: 0, parcels: 0, afn: 0, cancelled: 0, byCarrier: {} };
  const findings = Object.fromEntries(CASES.map((c) => [c.rule, 0]));
  const early = [];
  const step = (PURCHASE_DAYS * DAY) / orders;

  for (let i = 0; i < orders; i++) {
    const orderId = `${pick(['111', '112', '113', '114'])}-${pad(between(0, 9_999_999), 7)}-${pad(i, 7)}`;
    // Scans and confirmations fall on whole minutes, as exports write them, so every instant survives
    // the round trip through local text; the purchase keeps its seconds, as Amazon writes them.
    const minute = Math.floor((PURCHASE_FROM + i * step + rnd() * step) / MIN) * MIN;
    const purchased = minute + between(0, 59) * 1000;
    const afn = rnd() < 0.1;
    const cancelled = !afn && rnd() < 0.02;
    const status = cancelled ? 'Cancelled' : 'Shipped';
    const [city, state, zip] = pick(DESTINATIONS);
    const items = rnd() < 0.8 ? 1 : rnd() < 0.75 ? 2 : 3;
    const itemIds = [];
    for (let k = 0; k < items; k++) {
      const [name, sku, asin, price] = PRODUCTS[(i + k) % PRODUCTS.length];
      const qty = rnd() < 0.9 ? 1 : 2;
      itemIds.push([pad(between(10_000_000, 99_999_999), 8) + pad(between(0, 999_999), 6), qty]);
      await ordersOut.line(
        [
          orderId,
          '',
          isoWithOffset(purchased, 0),
          isoWithOffset(purchased + 2 * DAY, 0),
          status,
          afn ? 'Amazon' : 'Merchant',
          'Amazon.com',
          '',
          '',
          'Standard',
          name,
          sku,
          asin,
          status,
          qty,
          'USD',
          price,
          (price * 0.0825).toFixed(2),
          '0.00',
          '0.00',
          '',
          '',
          '',
          '',
          city,
          state,
          zip,
          'US',
          '',
          'false',
          '',
          '',
        ].join('\t'),
      );
      counts.itemRows++;
    }
    if (afn) counts.afn++;
    if (cancelled) counts.cancelled++;
    if (afn || cancelled) continue;

    // One parcel per order, confirmed once per item row (as sellers' ERPs upload it).
    counts.parcels++;
    const r = rnd();
    let acc = 0;
    const special = CASES.find((c) => r < (acc += c.share));
    const kase = special?.id ?? 'ok';
    if (special) findings[special.rule]++;
    const carrier = rnd() < 0.4 ? 'China Post' : rnd() < 0.58 ? 'USPS' : 'UPS';
    counts.byCarrier[carrier] = (counts.byCarrier[carrier] ?? 0) + 1;
    let number = trackingNumber(carrier, i, rnd, pick);
    if (kase === 'bad-check') number = breakCheckDigit(number);

    // Clean parcels: confirmed from 20 h before to 6 h after the first scan (inside the 24 h grace).
    // Early ones: confirmed 30 to 150 h before it. Nothing falls near the 24 h edge.
    let confirmed;
    let firstScan;
    if (kase === 'early') {
      confirmed = minute + minutes(0.5, 12);
      firstScan = confirmed + minutes(30, 150);
      early.push(orderId);
    } else {
      firstScan = minute + minutes(4, 40);
      confirmed = Math.max(firstScan + minutes(-20, 6), minute + 10 * MIN);
    }

    const shipMethod = carrier === 'China Post' ? 'ePacket' : carrier === 'USPS' ? 'Ground Advantage' : 'UPS Ground';
    for (const [itemId, qty] of itemIds) {
      await confOut.line(
        [
          orderId,
          itemId,
          qty,
          isoWithOffset(confirmed, -7),
          carrier,
          '',
          kase === 'no-number' ? '' : number,
          shipMethod,
        ].join('\t'),
      );
      counts.confirmationRows++;
    }
    if (kase === 'not-found' || kase === 'no-number') continue;

    const events = parcelEvents(
      carrier,
      kase,
      confirmed,
      firstScan,
      `${city.toUpperCase()}, ${state} ${zip}`,
      pick,
      minutes,
    );
    // Newest first, as 17TRACK and most aggregators export.
    for (let k = events.length - 1; k >= 0; k--) {
      const [at, text, location] = events[k];
      const offset = location === '' || !location.includes(',') ? SHANGHAI : usOffset(location);
      await trackOut.line(`${number},${carrier},${localMinute(at, offset)},${csv(text)},${csv(location)}`);
      counts.events++;
    }
  }
  await Promise.all([ordersOut.close(), confOut.close(), trackOut.close()]);
  const expected = {
    seed,
    orders,
    asOf: AS_OF,
    ...counts,
    findings,
    note: 'findings: exact counts for the rules the generator controls; late-confirmation / late-handover are not controlled',
  };
  if (!ordersOnly) {
    writeFileSync(join(out, '.early-orders.txt'), early.join('\n') + '\n');
    writeFileSync(join(out, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  }
  return expected;
}

/** A valid number of the carrier, unique per order index. */
function trackingNumber(carrier, i, rnd, pick) {
  if (carrier === 'China Post') {
    const serial = pad(i, 8);
    return `${pick(['LX', 'LY', 'LZ'])}${serial}${s10CheckDigit(serial)}CN`;
  }
  if (carrier === 'UPS') {
    const body = `${pick(['A1B2C3', 'X9Y8W7', '0E4R2T'])}03${pad(i, 7)}`;
    return `1Z${body}${upsCheckDigit(body)}`;
  }
  const data = `9400111${pad(Math.floor(rnd() * 1e6), 6)}${pad(i, 8)}`;
  return `${data}${uspsCheckDigit(data)}`;
}

/** The same number with its check digit off by one (S10 keeps it before the country code). */
function breakCheckDigit(n) {
  const at = /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n) ? 10 : n.length - 1;
  return n.slice(0, at) + ((Number(n[at]) + 1) % 10) + n.slice(at + 1);
}

/** [instant, phrase, location] in time order: ~6 per parcel; the first physical one is at `firstScan`. */
function parcelEvents(carrier, kase, confirmed, firstScan, dest, pick, minutes) {
  const label = Math.min(confirmed, firstScan) - minutes(0.2, 3);
  if (carrier === 'China Post') {
    const office = pick(CN_POST_OFFICES);
    const gateway = pick(US_GATEWAY);
    const info = [label, '电子信息已收到', ''];
    if (kase === 'no-scan') return [info];
    const exchange = firstScan + minutes(8, 30);
    const landed = exchange + minutes(72, 160);
    const regional = landed + minutes(20, 60);
    const delivered = regional + minutes(20, 50);
    return [
      info,
      [firstScan, '已收寄', office],
      [exchange, 'Departed from Facility', pick(CN_EXCHANGE)],
      [landed, 'Arrived at USPS Regional Facility', gateway],
      [regional, 'Arrived at USPS Regional Facility', dest],
      // Some aggregators translate the final scan back into Chinese; the US location still sets its zone.
      [delivered, (delivered / MIN) % 5 === 0 ? '已签收' : 'Delivered', dest],
    ];
  }
  const origin = pick(US_WAREHOUSES);
  const hub = pick(US_HUBS);
  const usps = carrier === 'USPS';
  const info = [label, usps ? PHRASES.information[1] : PHRASES.information[2], origin];
  if (kase === 'no-scan') return [info];
  const left = firstScan + minutes(2, 8);
  const atHub = left + minutes(12, 30);
  const nearDest = atHub + minutes(10, 30);
  const delivered = nearDest + minutes(6, 20);
  return [
    info,
    [firstScan, usps ? 'Accepted at USPS Origin Facility' : 'Origin Scan', origin],
    [left, 'Departed from Facility', origin],
    [atHub, usps ? 'Arrived at USPS Regional Facility' : 'Departed from Facility', hub],
    [nearDest, usps ? 'Arrived at USPS Regional Facility' : 'Departed from Facility', dest],
    [delivered, 'Delivered', dest],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
    },
  });
  const orders = Number(values.orders);
  if (!Number.isInteger(orders) || orders <= 0) {
    console.error('usage: npm run bench:generate -- --orders N [--out DIR] [--seed S] [--only all-orders]');
    process.exit(2);
  }
  const out = values.out ?? join('bench', 'data', String(orders));
  const t0 = performance.now();
  const expected = await generate({ orders, out, seed: Number(values.seed), only: values.only });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.error(
    `${out}: ${orders} orders, ${expected.itemRows} item rows, ${expected.confirmationRows} confirmations, ${expected.events} events in ${s} s`,
  );
  console.error(`findings: ${JSON.stringify(expected.findings)}`);
}
