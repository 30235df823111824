import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cli,
  confirmationsText,
  folder,
  json,
  month,
  ordersText,
  TRACKING_HEADER,
  trackingRows,
  trackingText,
} from './gen.js';

/**
 * Issue 15, item 3: the order and confirmation downloads stop while the tracking download goes on (or the
 * machine's clock is behind the data). `check` must not say "all well": each side has its own freshness.
 */
const NIGHT = '2026-11-10T06:00';
const all = month('2026-10-12', 29); // orders to Nov 9, tracking to Nov 10 04:00 (Los Angeles)

function workdir(orders: typeof all, confirmations: typeof all, tracking: typeof all): string {
  const dir = folder({
    'drops/orders.txt': ordersText(orders),
    'drops/confirmations.txt': confirmationsText(confirmations),
    'drops/tracking.csv': trackingText(tracking),
  });
  const config = { inputs: ['drops'], marketplaceTimeZone: 'America/Los_Angeles' };
  writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify(config));
  return dir;
}

describe('attack 3: stale order or confirmation data behind fresh tracking', () => {
  it('control: every side fresh → all well, exit 0', () => {
    const r = cli(workdir(all, all, all), 'check', '--as-of', NIGHT);
    expect(r.stdout).toMatch(/^✔ .*all well/);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  const cases = [
    {
      name: 'orders stopped on Oct 25',
      orders: all.slice(0, 14),
      confirmations: all,
      kinds: ['stale-orders'],
      message: new RegExp(
        '^order data is stale: the newest order is 381\\.0 h old \\(2026-10-25T10:00:00-07:00\\), more than 36 h ' +
          '\\(15 confirmations since then name orders no order file has\\)',
      ),
    },
    {
      name: 'confirmations stopped on Oct 26',
      orders: all,
      confirmations: all.slice(0, 14),
      kinds: ['stale-confirmations'],
      message: new RegExp(
        '^confirmation data is stale: the newest confirmation is 361\\.0 h old .*more than 36 h ' +
          '\\(15 parcels scanned since then have no confirmation\\)',
      ),
    },
    {
      name: 'both stopped on Oct 26',
      orders: all.slice(0, 14),
      confirmations: all.slice(0, 14),
      kinds: ['stale-orders', 'stale-confirmations'],
      message: new RegExp(
        '^order data is stale: the newest order is 381\\.0 h old \\(2026-10-25T10:00:00-07:00\\), more than 48 h ' +
          '\\(2× the longest gap between order days in the window\\);',
      ),
    },
  ];
  for (const c of cases) {
    it(`${c.name}, tracking fresh → an Input warning, exit 1`, () => {
      const dir = workdir(c.orders, c.confirmations, all);
      const text = cli(dir, 'check', '--as-of', NIGHT);
      expect(text.stdout).not.toMatch(/all well/);
      expect(text.code).toBe(1);
      const r = json(cli(dir, 'check', '--as-of', NIGHT, '--format', 'json'));
      expect(r.status).toBe('warning');
      const kinds = r.input.map((p: { kind: string }) => p.kind);
      expect(kinds.filter((k: string) => k.startsWith('stale-'))).toEqual(c.kinds);
      expect(r.input.find((p: { kind: string }) => p.kind === c.kinds[0]).message).toMatch(c.message);
    });
  }

  /**
   * Tracking is fetched for the confirmed numbers, so when orders and confirmations stop together nothing
   * moves on without them: only the shop's own rhythm (an order a day) or the fixed limit can tell.
   */
  describe('orders and confirmations stop together on Nov 6, deliveries of older parcels arrive Nov 10', () => {
    const stopped = all.slice(0, 26); // the last order on Nov 6, 09:00 Los Angeles
    const delivered = stopped.slice(-3).map((x) => `${x.trackingNumber},USPS,2026-11-10 03:00,"Delivered","LA, CA"`);
    const tracking = [TRACKING_HEADER, ...trackingRows(stopped), ...delivered, ''].join('\n');
    const dir = () => {
      const d = workdir(stopped, stopped, []);
      writeFileSync(join(d, 'drops/tracking.csv'), tracking);
      return d;
    };

    it('→ both sides stale by the rhythm, no "all well", exit 1', () => {
      const d = dir();
      const text = cli(d, 'check', '--as-of', NIGHT);
      expect(text.stdout).not.toMatch(/all well/);
      expect(text.code).toBe(1);
      const r = json(cli(d, 'check', '--as-of', NIGHT, '--format', 'json'));
      expect(r.checked.newestTrackingData).toBe('2026-11-10T03:00:00-08:00');
      const stale = r.input.filter((p: { kind: string }) => p.kind.startsWith('stale-'));
      expect(stale.map((p: { message: string }) => p.message.split(';')[0])).toEqual([
        'order data is stale: the newest order is 93.0 h old (2026-11-06T09:00:00-08:00), ' +
          'more than 48 h (2× the longest gap between order days in the window)',
        'confirmation data is stale: the newest confirmation is 73.0 h old (2026-11-07T05:00:00-08:00), ' +
          'more than 48 h (2× the longest gap between confirmation days in the window)',
      ]);
    });

    it('with maxQuietHours 24 in the config the fixed limit is the one named', () => {
      const d = dir();
      const config = { inputs: ['drops'], marketplaceTimeZone: 'America/Los_Angeles', maxQuietHours: 24 };
      writeFileSync(join(d, 'shipaudit.config.json'), JSON.stringify(config));
      const r = json(cli(d, 'check', '--as-of', NIGHT, '--format', 'json'));
      const orders = r.input.find((p: { kind: string }) => p.kind === 'stale-orders');
      expect(orders.message).toMatch(/ old \(2026-11-06T09:00:00-08:00\), more than 24 h; /);
    });
  });

  it('an all-well headline names the newest confirmation, not the end of the window', () => {
    const r = cli(workdir(all, all, all), 'check', '--as-of', NIGHT);
    expect(r.stdout).toMatch(/ 29 shipments confirmed 2026-10-11 to 2026-11-10 05:00 \(newest\) from 3 input files,/);
  });

  it('a quiet shop with an order every third day is all well 73 h after its last order', () => {
    const every3 = month('2026-10-12', 25).filter((_, k) => k % 3 === 0); // the last on Nov 5, 09:00
    const r = cli(workdir(every3, every3, every3), 'check', '--as-of', '2026-11-08T10:00');
    expect(r.stdout).toMatch(/^✔ .*all well/);
    expect(r.code).toBe(0);
  });

  it('no order data at all while confirmations and tracking are fresh → warning, exit 1', () => {
    const dir = workdir([], all, all);
    const r = cli(dir, 'check', '--as-of', NIGHT, '--format', 'json');
    expect(json(r).input.map((p: { kind: string }) => p.kind)).toContain('no-orders');
    expect(r.code).toBe(1);
  });

  it('the clock is behind the data (data newer than --as-of by days) → warning, exit 1', () => {
    const dir = workdir(all, all, all);
    const r = cli(dir, 'check', '--as-of', '2026-11-02T06:00', '--format', 'json');
    const kinds = json(r).input.map((p: { kind: string }) => p.kind);
    expect(kinds).toContain('clock-behind');
    expect(r.code).toBe(1);
  });
});
