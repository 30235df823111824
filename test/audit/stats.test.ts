import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribution, median, quantile, rate, selectKth } from '../../src/audit/stats.js';

describe('stats', () => {
  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[1, 2, 3, 4], 2.5, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[-3, -1, 2], -1, 2],
  ])('median and p90 of %j', (values, med, p90) => {
    expect(median(values)).toBe(med);
    expect(quantile(values, 0.9)).toBe(p90);
  });

  it('distribution sorts, rounds to 0.1 and reports the maximum', () => {
    expect(distribution([10.04, 1, 3.333])).toEqual({ count: 3, median: 3.3, p90: 10, max: 10 });
  });

  it('distribution by selection equals the sorted definition, duplicates, negatives and even counts included', () => {
    const r = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -50, max: 50 }).map((x) => x / 10),
          { maxLength: 300 },
        ),
        (values) => {
          const sorted = Float64Array.from(values).sort();
          expect(distribution(values)).toEqual({
            count: values.length,
            median: r(median(sorted)),
            p90: r(quantile(sorted, 0.9)),
            max: r(values.length ? sorted[sorted.length - 1] : null),
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('selectKth leaves the k-th smallest at k, smaller before it and larger after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (values, k0) => {
          const a = Float64Array.from(values);
          const k = k0 % a.length;
          const v = selectKth(a, k);
          expect(v).toBe(Float64Array.from(values).sort()[k]);
          expect(a[k]).toBe(v);
          for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(v);
          for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(v);
          expect([...a].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rate of nothing is null, not NaN', () => {
    expect(rate(0, 0)).toEqual({ count: 0, of: 0, value: null });
    expect(rate(1, 4).value).toBe(0.25);
  });
});
