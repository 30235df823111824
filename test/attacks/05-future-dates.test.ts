import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, confirmationsText, folder, json, month, ordersText, TRACKING_HEADER, trackingRows } from './gen.js';

/**
 * Issue 15, item 5: one bad date disarms the alarms. An event typed as 2062 moved the audit's clock there
 * (stale-data warning gone, 10/30-day rates n/a without a word); a confirmation dated 1900 passed silently.
 */
const all = month('2026-10-12', 29);
const future = `${all[3].trackingNumber},USPS,2062-05-01 10:00,"Arrived at USPS Regional Facility","ONTARIO, CA 91761"`;

function inputs(tracking: string[], confirmations = confirmationsText(all), orders = ordersText(all)) {
  const trackingFile = [TRACKING_HEADER, ...tracking, ''].join('\n');
  return folder({ 'in/orders.txt': orders, 'in/confirmations.txt': confirmations, 'in/tracking.csv': trackingFile });
}

describe('attack 5: a date far in the future or the past', () => {
  it('an event dated 2062 does not move the audit clock; the report says so and counts it', () => {
    const dir = inputs([...trackingRows(all), future]);
    const r = cli(dir, 'audit', 'in', '--format', 'json', '--fail-on', 'never');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const a = json(r);
    expect(a.asOf).toBe('2026-11-11T04:00:00-08:00');
    expect(a.asOfSource).toBe('newest tracking event');
    expect(a.summary.eventsIgnoredForClock).toBe(1);
    expect(a.notes).toContain(
      '1 tracking event is dated more than a day after the newest order data, ' +
        'past the scans that follow on from it (the newest: 2062-05-01T10:00:00-07:00): ' +
        "left out of the audit's clock; check the tracking export's dates.",
    );
    expect(a.summary.lateShipmentRate10.value).toBe(0);
    const text = cli(dir, 'audit', 'in', '--fail-on', 'never').stdout;
    expect(text).toContain('Judged as of 2026-11-11T04:00:00-08:00');
    expect(text).toContain('1 tracking event is dated more than a day after the newest order data');
  });

  it('scans running on after the last order (parcels travelling) keep the clock; a date beyond a gap does not', () => {
    // The last order's parcel is scanned every day for 12 more days; another event is typed a month on.
    const last = all[all.length - 1];
    const local = (ms: number) => new Date(ms - 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const travelling = Array.from({ length: 12 }, (_, k) => {
      const at = local(last.scannedMs + (k + 2) * 86_400_000);
      return `${last.trackingNumber},USPS,${at},"In Transit to Next Facility","ONTARIO, CA 91761"`;
    });
    const typo = `${all[5].trackingNumber},USPS,2026-12-24 10:00,"Arrived at USPS Regional Facility","ONTARIO, CA"`;
    const dir = inputs([...trackingRows(all), ...travelling, typo]);
    const a = json(cli(dir, 'audit', 'in', '--format', 'json', '--fail-on', 'never'));
    expect(a.asOf).toBe('2026-11-23T04:00:00-08:00');
    expect(a.summary.eventsIgnoredForClock).toBe(1);
    expect(a.notes.join(' ')).toContain('(the newest: 2026-12-24T10:00:00-08:00)');
  });

  it('check: stale tracking is still stale with a 2062 event in it, and the future event is a warning', () => {
    const dir = inputs([...trackingRows(all.slice(0, 10)), future]);
    const config = { inputs: ['in'], marketplaceTimeZone: 'America/Los_Angeles' };
    writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify(config));
    const r = cli(dir, 'check', '--as-of', '2026-11-10T06:00', '--format', 'json');
    const kinds = json(r).input.map((p: { kind: string }) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['stale-tracking', 'clock-behind']));
    expect(r.code).toBe(1);
  });

  const rejected = [
    {
      name: 'a confirmation dated 1900',
      confirmations: confirmationsText(all).replace('2026-10-13T13:00:00+00:00', '1900-01-01'),
      file: 'confirmations.txt',
      line: 2,
      message: 'ship date "1900-01-01" is before 2000-01-01: not a real date (an empty default or a typo)',
    },
    {
      name: 'an order purchased in 2062',
      orders: ordersText(all).replace(/2026-10-12T17:00:00\+00:00/g, '2062-10-12T17:00:00+00:00'),
      file: 'orders.txt',
      line: 2,
      message:
        'purchase date "2062-10-12T17:00:00+00:00" is more than 24 h ' +
        "after the audit's clock: a typo or a wrong clock",
    },
  ];
  for (const c of rejected) {
    it(`${c.name} is a rejected row with the reason, exit 2`, () => {
      const dir = inputs(trackingRows(all), c.confirmations, c.orders);
      const r = cli(dir, 'audit', 'in', '--format', 'json');
      expect(r.code).toBe(2);
      const input = json(r).inputs.find((i: { file: string }) => i.file.endsWith(c.file));
      expect(input.rowsRejected).toBe(1);
      expect(input.problems).toEqual([{ file: join('in', c.file), line: c.line, message: c.message }]);
    });
  }
});
