import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByValue } from '../../src/engine/order.js';

describe('orderByValue', () => {
  const bySort = (values: Float64Array) => Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);

  it.each<[string, number[], number[]]>([
    ['empty', [], []],
    ['ties keep their positions', [5, 1, 5, 1], [1, 3, 0, 2]],
    ['negatives, zero and minus zero (equal), fractions', [0.5, -2, -0, 0, -2.25, 1e15], [4, 1, 2, 3, 0, 5]],
    [
      'instants around the epoch',
      [Date.UTC(2026, 9, 5), Date.UTC(1969, 11, 31), Date.UTC(2026, 9, 4, 23, 59, 59, 999)],
      [1, 2, 0],
    ],
  ])('%s', (_, values, order) => {
    expect(Array.from(orderByValue(Float64Array.from(values)))).toEqual(order);
  });

  it('orders as a stable comparison sort does, over any values with many ties (property)', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(1.78e12, 1.78e12 + 1, -1.78e12, Number.MAX_VALUE, -Infinity, Infinity),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const a = Float64Array.from(values);
        expect(Array.from(orderByValue(a))).toEqual(bySort(a));
      }),
      { numRuns: 500 },
    );
  });
});
