/**
 * The positions 0..n-1 ordered by their values, equal values in position order: what
 * `Array.from(keys(values)).sort((a, b) => values[a] - values[b] || a - b)` gives, by a least-significant-digit
 * radix sort on the values' bits (four passes of 16 bits). The join orders shipments by confirmation time
 * this way: a comparison sort was a large part of the join (`node bench/join.mjs`, bench/RESULTS.md).
 * Values must not be NaN; -0 counts as 0.
 */
export function orderByValue(values: Float64Array): Int32Array {
  const n = values.length;
  // IEEE 754 bits made to sort as unsigned integers: negatives have every bit flipped, others the sign bit.
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = values[i] === 0 ? 0 : values[i];
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    if (hi >>> 31) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~words[2 * i] >>> 0;
    } else words[2 * i + 1] = (hi | 0x80000000) >>> 0;
  }
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Int32Array(n);
  const counts = new Int32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    // Little-endian words: the low word of value i is words[2i]; passes go low half-word first.
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(words[2 * i + word] >>> shift) & 0xffff]++;
    for (let d = 0, at = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = at;
      at += c;
    }
    for (let k = 0; k < n; k++) {
      const i = from[k];
      to[counts[(words[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}
