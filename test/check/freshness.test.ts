import { describe, expect, it } from 'vitest';
import { rhythmLimitHours, staleOrderData, type Freshness } from '../../src/check/inputs.js';

const H = 3_600_000;
const AS_OF = Date.parse('2026-11-10T14:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const fresh: Freshness = {
  newestOrderMs: AS_OF - 5 * H,
  newestConfirmationMs: AS_OF - 3 * H,
  confirmationsAfterOrders: 0,
  scansAfterConfirmations: 0,
  futureEvents: 0,
};
const hours = { staleAfterHours: 36, maxQuietHours: 168, windowDays: 30 };
/** `n` UTC day numbers, every `step` days, the newest `first` days before AS_OF's day. */
const daysBack = (first: number, step: number, n: number) =>
  Array.from({ length: n }, (_, k) => Math.floor(AS_OF / (24 * H)) - first - k * step);
const check = (f: Freshness) => staleOrderData(f, AS_OF, hours, 24 * H, iso);

describe('staleOrderData', () => {
  it.each<[string, Partial<Freshness>, string[]]>([
    ['every side fresh', {}, []],
    ['orders 3 days old, nothing moved on (a quiet shop)', { newestOrderMs: AS_OF - 72 * H }, []],
    [
      'orders 3 days old, confirmations of unknown orders since',
      { newestOrderMs: AS_OF - 72 * H, confirmationsAfterOrders: 4 },
      ['stale-orders'],
    ],
    ['orders 8 days old, nothing moved on', { newestOrderMs: AS_OF - 192 * H }, ['stale-orders']],
    [
      'confirmations 2 days old, scans of unconfirmed parcels since',
      { newestConfirmationMs: AS_OF - 48 * H, scansAfterConfirmations: 1 },
      ['stale-confirmations'],
    ],
    [
      'orders 3 days old, an order every day before: beyond the rhythm',
      { newestOrderMs: AS_OF - 72 * H, orderDays: daysBack(3, 1, 20) },
      ['stale-orders'],
    ],
    [
      'orders 3 days old, an order every 2 days before: within twice the rhythm',
      { newestOrderMs: AS_OF - 72 * H, orderDays: daysBack(3, 2, 10) },
      [],
    ],
    [
      'confirmations 3 days old, one every day before',
      { newestConfirmationMs: AS_OF - 72 * H, confirmationDays: daysBack(3, 1, 20) },
      ['stale-confirmations'],
    ],
    ['no orders at all', { newestOrderMs: undefined }, ['no-orders']],
    ['no confirmations: told by the caller, not here', { newestConfirmationMs: undefined }, []],
    ['a confirmation two days after the clock', { newestConfirmationMs: AS_OF + 48 * H }, ['clock-behind']],
    ['tracking events past the clock', { futureEvents: 3, newestFutureMs: Date.UTC(2062, 4, 1) }, ['clock-behind']],
  ])('%s', (_name, change, kinds) => {
    const problems = check({ ...fresh, ...change });
    expect(problems.map((p) => p.kind)).toEqual(kinds);
    for (const p of problems) expect(p.level).toBe('warning');
  });

  it('says how old, the limit and why', () => {
    const [p] = check({ ...fresh, newestOrderMs: AS_OF - 72 * H, confirmationsAfterOrders: 1 });
    expect(p.message).toBe(
      'order data is stale: the newest order is 72.0 h old (2026-11-07T14:00:00.000Z), more than 36 h ' +
        '(1 confirmation since then names an order no order file has); ' +
        'orders since then are not seen, check the download',
    );
  });

  it.each<[string, number[], number | undefined]>([
    ['an order every day: twice a day, raised to 48 h', daysBack(0, 1, 30), 48],
    ['every 3 days: twice the gap', daysBack(0, 3, 10), 144],
    ['8 days between two runs of daily orders: twice that', [...daysBack(0, 1, 10), ...daysBack(18, 1, 10)], 432],
    ['6 days with data: no rhythm', daysBack(0, 1, 6), undefined],
    ['days before the window do not count', [...daysBack(0, 1, 5), ...daysBack(40, 1, 10)], undefined],
  ])('rhythmLimitHours: %s', (_name, days, limit) => {
    expect(rhythmLimitHours(days, AS_OF - 30 * 24 * H, AS_OF)).toBe(limit);
  });
});
