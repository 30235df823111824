import { describe, expect, it } from 'vitest';
import { globBase, isGlob, staleTracking } from '../../src/check/inputs.js';

describe('inputs entries', () => {
  it.each([
    ['downloads/amazon', false, 'downloads/amazon'],
    ['downloads/tracking/*.csv', true, 'downloads/tracking'],
    ['drops/**/orders-*.txt', true, 'drops'],
    ['*.txt', true, '.'],
    ['/srv/amazon/{orders,tracking}/*', true, '/srv/amazon'],
    ['C:\\exports\\tracking\\*.csv', true, 'C:/exports/tracking'],
  ])('%s: glob %s, walks %s', (entry, glob, base) => {
    expect(isGlob(entry)).toBe(glob);
    expect(globBase(entry)).toBe(base);
  });
});

describe('staleTracking', () => {
  const asOf = Date.parse('2026-11-12T06:00:00-08:00');
  const H = 3_600_000;
  it.each([
    ['fresh', 5 * H, 36, undefined],
    ['exactly at the limit', 36 * H, 36, undefined],
    [
      'older than the limit',
      49.3 * H,
      36,
      'tracking data is stale: the newest event is 49.3 h old (NEWEST), more than 36 h; scans since then are not seen, check the download',
    ],
    [
      'older than a stricter limit',
      13 * H,
      12,
      'tracking data is stale: the newest event is 13.0 h old (NEWEST), more than 12 h; scans since then are not seen, check the download',
    ],
  ])('%s', (_, age, limit, message) => {
    const p = staleTracking(asOf - age, asOf, limit, 'NEWEST');
    expect(p?.message).toBe(message);
    if (p) expect([p.level, p.kind]).toEqual(['warning', 'stale-tracking']);
  });

  it('no tracking data at all is a warning of its own', () => {
    expect(staleTracking(undefined, asOf, 36, undefined)).toEqual({
      level: 'warning',
      kind: 'no-tracking',
      message: 'no tracking data in the inputs: carrier scans were not checked',
    });
  });
});
