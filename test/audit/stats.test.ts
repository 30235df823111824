import { describe, expect, it } from 'vitest';
import { distribution, median, quantile, rate } from '../../src/audit/stats.js';

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

  it('rate of nothing is null, not NaN', () => {
    expect(rate(0, 0)).toEqual({ count: 0, of: 0, value: null });
    expect(rate(1, 4).value).toBe(0.25);
  });
});
