import { describe, expect, it } from 'vitest';
import { cutTarget } from '../../src/engine/read-thread.js';

const MB = 1e6;

describe('cutTarget: where the second thread stops so that both threads end together', () => {
  it.each([
    // read, size, ahead, minBytes → target
    ['nothing to do first: halfway through the rest', 100 * MB, 200 * MB, 0, 8 * MB, 150 * MB],
    [
      'the main thread busy for 20 MB of reading: the thread keeps 10 MB more',
      100 * MB,
      200 * MB,
      20 * MB,
      8 * MB,
      160 * MB,
    ],
    ['an odd number of bytes left: rounded down', 0, 101, 0, 0, 50],
    ['the main thread would get less than minBytes: no cut', 190 * MB, 200 * MB, 0, 8 * MB, undefined],
    ['busy for longer than the rest takes: no cut', 100 * MB, 200 * MB, 100 * MB, 0, undefined],
    ['exactly minBytes left for the main thread: a cut', 184 * MB, 200 * MB, 0, 8 * MB, 192 * MB],
  ])('%s', (_name, read, size, ahead, minBytes, want) => {
    expect(cutTarget(read, size, ahead, minBytes)).toBe(want);
  });
});
