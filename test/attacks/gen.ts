import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * Generated inputs for the attack catalogue: a small, consistent month of seller-fulfilled orders in the
 * real formats (Order report, confirmation upload, tracking events), shipped on time and scanned an hour
 * before each confirmation, so that any alarm a test sees comes from the attack and not from the data.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Shipment {
  orderId: string;
  trackingNumber: string;
  purchasedMs: number;
  confirmedMs: number;
  scannedMs: number;
}

/** A USPS IMpb number (22 digits) with its MOD 10 check digit, so that no tracking-number rule fires. */
function uspsNumber(i: number): string {
  const body = `940011189956200${String(i).padStart(6, '0')}`;
  let sum = 0;
  for (let k = 0; k < body.length; k++) sum += Number(body[body.length - 1 - k]) * (k % 2 === 0 ? 3 : 1);
  return body + String((10 - (sum % 10)) % 10);
}

/** One order a day from `firstDay` (UTC date) for `days` days, purchased at 17:00 UTC. */
export function month(firstDay: string, days: number): Shipment[] {
  const start = Date.parse(`${firstDay}T17:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const purchasedMs = start + i * DAY;
    return {
      orderId: `113-${String(2000000 + i).padStart(7, '0')}-${String(3000000 + i).padStart(7, '0')}`,
      trackingNumber: uspsNumber(i + 1),
      purchasedMs,
      scannedMs: purchasedMs + 19 * HOUR,
      confirmedMs: purchasedMs + 20 * HOUR,
    };
  });
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');
/** A tracking export's local time (Los Angeles in winter, no offset in the file). */
const laLocal = (ms: number) => new Date(ms - 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

export function ordersText(s: readonly Shipment[]): string {
  const head = [
    'order-id',
    'order-item-id',
    'purchase-date',
    'payments-date',
    'sku',
    'product-name',
    'quantity-purchased',
    'ship-service-level',
    'sales-channel',
    'earliest-ship-date',
    'latest-ship-date',
    'buyer-email',
    'buyer-name',
    'buyer-phone-number',
  ].join('\t');
  const rows = s.map((x, i) =>
    [
      x.orderId,
      String(50000000000000 + i),
      iso(x.purchasedMs),
      iso(x.purchasedMs),
      'LED-STRIP-10M',
      'LED Strip Lights',
      '1',
      'Standard',
      'Amazon.com',
      iso(x.purchasedMs),
      iso(x.purchasedMs + 2 * DAY),
      `buyer${i}@marketplace.amazon.com`,
      `Jane Doe${i}`,
      `+1 555 010 ${String(i).padStart(4, '0')}`,
    ].join('\t'),
  );
  return [head, ...rows, ''].join('\n');
}

export function confirmationsText(s: readonly Shipment[]): string {
  const head = 'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method';
  const method = 'USPS Ground Advantage';
  const rows = s.map((x, i) =>
    [x.orderId, String(50000000000000 + i), '1', iso(x.confirmedMs), 'USPS', '', x.trackingNumber, method].join('\t'),
  );
  return [head, ...rows, ''].join('\n');
}

export const TRACKING_HEADER = 'Tracking Number,Carrier,Event Time,Event,Location';

/** Event rows (no header): the acceptance scan and a facility scan a day later. */
export function trackingRows(s: readonly Shipment[]): string[] {
  return s.flatMap((x) => [
    `${x.trackingNumber},USPS,${laLocal(x.scannedMs)},"USPS in possession of item","ONTARIO, CA 91761"`,
    `${x.trackingNumber},USPS,${laLocal(x.scannedMs + DAY)},"Arrived at USPS Regional Facility","ONTARIO, CA 91761"`,
  ]);
}

export function trackingText(s: readonly Shipment[]): string {
  return [TRACKING_HEADER, ...trackingRows(s), ''].join('\n');
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh temp folder holding `files` (relative path → content), removed after the test file. */
export function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-attack-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The built CLI run in `cwd`, without debug stacks. */
export function cli(cwd: string, ...args: string[]): CliResult {
  return runCli(args, { cwd, env: { SHIPAUDIT_DEBUG: '' } });
}

/** The parsed JSON a `--format json` run printed. */
export function json(r: CliResult): any {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 300)} ${r.stderr}`);
  }
}
