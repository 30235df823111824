import { describe, expect, it } from 'vitest';
import { staleOrderData, type Freshness } from '../../src/check/inputs.js';

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
const hours = { staleAfterHours: 36, quietHours: 168 };
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
});
