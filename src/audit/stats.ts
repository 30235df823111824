/** Small, exact statistics for the figures: no sampling, no interpolation surprises. */

/** The value at quantile q (0..1) by the nearest-rank method: always one of the observed values. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * Median, p90 and maximum as `median` and `quantile` give them over the sorted values, found by selection
 * rather than by sorting: the audit asks for the whole, every carrier and every week, three lags per
 * shipment, and sorting them was a noticeable part of the rule pass (bench/RESULTS.md).
 */
export function distribution(values: readonly number[]): Distribution {
  const a = Float64Array.from(values);
  const n = a.length;
  const r = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  if (n === 0) return { count: 0, median: null, p90: null, max: null };
  const upper = selectKth(a, n >> 1);
  // After selection everything before n/2 is at most `upper`: the lower middle is the largest of them.
  const mid = n % 2 ? upper : (largest(a, 0, n >> 1) + upper) / 2;
  const p90 = selectKth(a, Math.max(1, Math.ceil(0.9 * n)) - 1);
  return { count: n, median: r(mid), p90: r(p90), max: r(largest(a, 0, n)) };
}

function largest(a: Float64Array, from: number, to: number): number {
  let m = -Infinity;
  for (let i = from; i < to; i++) if (a[i] > m) m = a[i];
  return m;
}

/**
 * The k-th smallest value (0-based), leaving a[0, k) at most and a(k, n) at least that value (Hoare's
 * selection with a median-of-three pivot; stopping on equal values keeps runs of equal lags fast).
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

export interface Rate {
  count: number;
  of: number;
  /** count / of, or null when there is nothing to divide by. */
  value: number | null;
}

export function rate(count: number, of: number): Rate {
  return { count, of, value: of === 0 ? null : count / of };
}
