import { describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../../src/model/records.js';
import { readInput } from '../../src/read/index.js';
import { runCli } from '../helpers/cli.js';

/**
 * `--as-of T` replays the audit as it would have run at T: carrier events, confirmations and orders after T
 * did not exist yet. The sample month runs from October into late November, so a replay at 20 October
 * must see none of the later scans that a full run sees.
 */
const SAMPLE = 'fixtures/sample-month';
const AS_OF = '2026-10-20T00:00:00Z';
const T = Date.parse(AS_OF);

const audit = (...args: string[]) => {
  const r = runCli(['audit', SAMPLE, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};
/** An evidence time as written (ISO with offset, or a plain date: its start, which is what may precede T). */
const ms = (text: string) => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);

describe('audit --as-of', () => {
  const full = audit();
  const replay = audit('--as-of', AS_OF);

  it('a full run has first scans after the as-of time (what the replay must not see)', () => {
    const later = full.findings.filter((f: any) => f.firstCarrierScanAt && ms(f.firstCarrierScanAt) > T);
    expect(later.length).toBeGreaterThan(10);
  });

  it('the replay shows no first scan, confirmation or purchase after the as-of time', () => {
    expect(replay.asOfSource).toBe('option');
    expect(ms(replay.asOf)).toBe(T);
    const scans = replay.findings.map((f: any) => f.firstCarrierScanAt).filter(Boolean);
    expect(scans.length).toBeGreaterThan(0);
    for (const at of scans) expect(ms(at)).toBeLessThanOrEqual(T);
    for (const f of replay.findings) {
      if (f.confirmedAt) expect(ms(f.confirmedAt) - 14 * 3_600_000).toBeLessThanOrEqual(T);
      if (f.purchasedAt) expect(ms(f.purchasedAt)).toBeLessThanOrEqual(T);
    }
    expect(replay.summary.shipments).toBeLessThan(full.summary.shipments);
  });

  it('says how many carrier events after the as-of time were left out, counted from the file', async () => {
    const events: TrackingEvent[] = [];
    await readInput(
      `${SAMPLE}/tracking.csv`,
      { event: (e) => events.push(e) },
      {
        marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed' },
      },
    );
    const after = events.filter((e) => e.at!.epochMs > T).length;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(events.length);
    const note = replay.notes.find((n: string) => n.includes('after the as-of time'));
    const counts = String.raw`carrier event\(s\), \d+ confirmation\(s\), \d+ order row\(s\)`;
    expect(note).toMatch(new RegExp(`^${after} ${counts} after the as-of time`));
    expect(full.notes.join(' ')).not.toMatch(/after the as-of time/);
  });

  it('a shipment confirmed and first scanned before the as-of time keeps the same first scan', () => {
    const early = full.findings.filter(
      (f: any) => f.rule === 'confirmed-before-handover' && ms(f.firstCarrierScanAt) <= T && ms(f.confirmedAt) <= T,
    );
    expect(early.length).toBeGreaterThan(0);
    for (const f of early) {
      const same = replay.findings.find(
        (g: any) => g.rule === f.rule && g.orderId === f.orderId && g.trackingNumber === f.trackingNumber,
      );
      expect(same?.firstCarrierScanAt).toBe(f.firstCarrierScanAt);
    }
  });

  it.each([
    ['a second thread', { SHIPAUDIT_THREAD_MIN_MB: '0' }],
    ['a second thread and a cut file', { SHIPAUDIT_THREAD_MIN_MB: '0', SHIPAUDIT_THREAD_TEST: 'cut' }],
  ])('reading the tracking file in %s leaves out the same', (_, env) => {
    const r = runCli(['audit', SAMPLE, '--format', 'json', '--as-of', AS_OF], { env });
    expect(JSON.parse(r.stdout)).toEqual(replay);
  });

  it('the text report says it too', () => {
    const r = runCli(['audit', SAMPLE, '--as-of', AS_OF]);
    expect(r.stdout).toMatch(/\d+ carrier event\(s\), .* after the as-of time 2026-10-19T17:00:00-07:00 were left out/);
  });
});
