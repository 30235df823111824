/**
 * Writes fixtures/gate/ (a week of orders waiting for confirmation, the tracking numbers assigned to them and
 * the carriers' events) and its answer key fixtures/gate.expected.json: what the confirmation gate must
 * decide at two moments, an hour-by-hour run seen twice.
 *
 *   npx tsx scripts/make-gate-fixtures.ts
 *
 * Deterministic: a seeded PRNG, fixed dates, no clock. The answer key is derived from the events written
 * (each classified with the project's own table, and the script stops when a scenario's event is not the
 * class it needs), not from intentions.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TZDate } from '@date-fns/tz';
import { classifyEvent } from '../src/knowledge/events.js';
import { canonicalCarrier } from '../src/knowledge/carriers.js';
import { fedex12CheckDigit, s10CheckDigit, upsCheckDigit, uspsCheckDigit } from '../src/knowledge/tracking-numbers.js';
import { prng } from './prng.js';

const ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));
const H = 3_600_000;
const LA = 'America/Los_Angeles';
const SH = 'Asia/Shanghai';

const rng = prng(20261012);

const pad = (n: number) => String(n).padStart(2, '0');
const at = (zone: string, date: string, h = 0, mi = 0): number => {
  const [y, mo, d] = date.split('-').map(Number);
  return new TZDate(y, mo - 1, d, h, mi, 0, zone).getTime();
};
function isoIn(ms: number, zone: string): string {
  const t = new TZDate(ms, zone);
  const off = -t.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const date = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}
function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const weekday = (date: string) => [1, 2, 3, 4, 5].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** The 2nd Monday–Friday day after the purchase day, its last second, in the marketplace zone. */
function latestShipDate(purchaseDay: string): number {
  let day = purchaseDay;
  for (let n = 0; n < 2;) if (weekday((day = addDays(day, 1)))) n++;
  return at(LA, addDays(day, 1)) - 1000;
}

/** The two moments the gate is run at (the e2e test runs it at both, with one ledger). */
export const RUNS = [at(LA, '2026-10-16', 12), at(LA, '2026-10-19', 12)];

interface Event {
  ms: number;
  zone: string;
  text: string;
  location: string;
}
interface Order {
  id: string;
  purchased: number;
  lsd: number;
  items: Array<{ id: string; qty: number }>;
  number?: string;
  carrier?: string;
  events: Event[];
}

const ups = () => {
  const b = `V7A${rng.digits(2)}03${rng.digits(8)}`;
  return `1Z${b}${upsCheckDigit(b)}`;
};
const usps = () => {
  const d = `9400111${rng.digits(14)}`;
  return `${d}${uspsCheckDigit(d)}`;
};
const s10 = () => {
  const d = rng.digits(8);
  return `LX${d}${s10CheckDigit(d)}CN`;
};
const fedex = () => {
  const d = `7${rng.digits(10)}`;
  return `${d}${fedex12CheckDigit(d)}`;
};

/**
 * Scenarios in turn: each says what the carrier reports. `scanAfter` places the physical scan after the
 * purchase; undefined = no scan ever.
 */
const SCENARIOS = [
  {
    carrier: 'UPS',
    number: ups,
    info: 'Shipper created a label, UPS has not received the package yet.',
    scan: 'Origin Scan',
    zone: LA,
    place: 'Ontario, CA, US',
    scanAfter: [6, 30],
  },
  {
    carrier: 'USPS',
    number: usps,
    info: 'Shipping Label Created, USPS Awaiting Item',
    zone: LA,
    place: 'LOS ANGELES, CA 90021',
  },
  {
    carrier: 'China Post',
    number: s10,
    info: '电子信息已收到',
    scan: '已收寄',
    zone: SH,
    place: '广东省深圳市',
    scanAfter: [30, 90],
  },
  { carrier: 'USPS', number: usps, zone: LA, place: '' },
  { carrier: undefined, zone: LA, place: '' },
  { carrier: 'China Post', number: s10, unknown: '已转单', zone: SH, place: '广东省深圳市' },
  {
    carrier: 'Best Express',
    number: () => `BX${rng.digits(12)}`,
    info: 'Shipment information received',
    scan: 'Picked up',
    zone: SH,
    place: 'Yiwu, CN',
    scanAfter: [4, 20],
  },
  {
    carrier: 'FedEx',
    number: fedex,
    info: 'Shipment information sent to FedEx',
    scan: 'Picked up',
    zone: LA,
    place: 'RIALTO, CA',
    late: true,
  },
] as const;

function need(text: string, carrier: string | undefined, cls: 'physical' | 'information' | 'unknown'): void {
  const c = classifyEvent({ description: text, carrier: carrier && canonicalCarrier(carrier) });
  if (c.class !== cls || (cls === 'physical') !== c.possession)
    throw new Error(`"${text}" is ${c.class}, the scenario needs ${cls}`);
}

const orders: Order[] = [];
const days = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16'];
let k = 0;
for (const day of days) {
  for (let j = 0; j < 8; j++, k++) {
    const sc = SCENARIOS[(k + days.indexOf(day)) % SCENARIOS.length];
    const purchased = at(LA, day, rng.int(0, 10), rng.int(0, 59));
    const lsd = latestShipDate(day);
    const items = Array.from({ length: rng.int(1, 2) }, () => ({ id: rng.digits(14), qty: rng.int(1, 3) }));
    const o: Order = {
      id: `11${rng.int(1, 4)}-${rng.digits(7)}-${rng.digits(7)}`,
      purchased,
      lsd,
      items,
      events: [],
    };
    if (sc.carrier !== undefined && 'number' in sc) {
      o.number = sc.number();
      o.carrier = sc.carrier;
      const ev = (ms: number, text: string) => o.events.push({ ms, zone: sc.zone, text, location: sc.place });
      if ('info' in sc) {
        need(sc.info, sc.carrier, 'information');
        ev(purchased + 2 * H, sc.info);
      }
      if ('unknown' in sc) {
        need(sc.unknown, sc.carrier, 'unknown');
        ev(purchased + 20 * H, sc.unknown);
      }
      if ('scan' in sc) {
        need(sc.scan, sc.carrier, 'physical');
        const scanAt = 'late' in sc ? lsd + 10 * H : purchased + rng.int(sc.scanAfter[0], sc.scanAfter[1]) * H;
        ev(Math.floor(scanAt / 60_000) * 60_000, sc.scan);
      }
    }
    orders.push(o);
  }
}

const flat = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n') + '\n';
const csv = (rows: string[][]) =>
  rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
function write(rel: string, data: string): void {
  const path = join(ROOT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

rmSync(join(ROOT, 'gate'), { recursive: true, force: true });
const reporting = at(LA, '2026-10-16', 11);
write(
  'gate/unshipped-orders.txt',
  flat([
    [
      'order-id',
      'order-item-id',
      'purchase-date',
      'payments-date',
      'reporting-date',
      'promise-date',
      'days-past-promise',
      'sku',
      'product-name',
      'quantity-purchased',
      'quantity-shipped',
      'quantity-to-ship',
      'ship-service-level',
      'sales-channel',
    ],
    ...orders.flatMap((o) =>
      o.items.map((it, i) => [
        o.id,
        it.id,
        isoIn(o.purchased, LA),
        isoIn(o.purchased + 60_000, LA),
        isoIn(reporting, LA),
        isoIn(o.lsd, LA),
        '0',
        `SKU-${i + 1}`,
        `Phone case, model ${i + 1}`,
        String(it.qty),
        '0',
        String(it.qty),
        'Standard',
        'Amazon.com',
      ]),
    ),
  ]),
);
// The seller's assignments: order id, tracking number, carrier (no date: nothing is confirmed yet).
write(
  'gate/assigned-tracking.csv',
  csv([
    ['order id', 'tracking number', 'carrier'],
    ...orders.filter((o) => o.number).map((o) => [o.id, o.number!, o.carrier!]),
  ]),
);
write(
  'gate/tracking-events.csv',
  csv([
    ['Tracking Number', 'Carrier', 'Event Time', 'Event Description', 'Location'],
    ...orders.flatMap((o) => o.events.map((e) => [o.number!, o.carrier!, isoIn(e.ms, e.zone), e.text, e.location])),
  ]),
);

// The answer key, per run: released (by then, and in no earlier run), held with why, overdue.
const runs = RUNS.map((asOf, r) => {
  const release: Record<string, { trackingNumber: string; shipDate: string; late: boolean }> = {};
  const hold: Record<string, string> = {};
  const overdue: Record<string, string> = {};
  for (const o of orders) {
    const known = o.events.filter((e) => e.ms <= asOf);
    const scan = known.find(
      (e) => classifyEvent({ description: e.text, carrier: canonicalCarrier(o.carrier ?? '') }).possession,
    );
    const earlier =
      r > 0 &&
      o.events.some(
        (e) =>
          e.ms <= RUNS[r - 1] &&
          classifyEvent({ description: e.text, carrier: canonicalCarrier(o.carrier ?? '') }).possession,
      );
    if (scan) {
      if (!earlier) release[o.id] = { trackingNumber: o.number!, shipDate: isoIn(scan.ms, LA), late: scan.ms > o.lsd };
      continue;
    }
    const why = !o.number
      ? 'no-tracking-number'
      : known.length === 0
        ? 'no-tracking-data'
        : known.some(
              (e) => classifyEvent({ description: e.text, carrier: canonicalCarrier(o.carrier) }).class === 'unknown',
            )
          ? 'unknown-events'
          : 'information-only';
    (o.lsd < asOf ? overdue : hold)[o.id] = why;
  }
  return { asOf: isoIn(asOf, LA), release, hold, overdue };
});
writeFileSync(join(ROOT, 'gate.expected.json'), `${JSON.stringify({ marketplaceZone: LA, runs }, null, 2)}\n`);
