import { describe, expect, it } from 'vitest';
import { cutTarget, shareOut } from '../../src/engine/read-thread.js';

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

describe("shareOut: which of the main thread's order and confirmation files the second thread reads", () => {
  /** A file of `cost` CPU seconds, 100 MB per second. */
  const file = (cost: number, movable = true, cuttable = movable) => ({
    movable,
    cuttable,
    size: cost * 100 * MB,
    cost,
  });
  it.each([
    // what, the main thread's files in reading order, the thread's own cost → first file moved, bytes of it cut off
    ['the tracking side is the long leg: nothing moves', [file(3), file(4)], 10, 2, undefined],
    // Moving the 4 s file leaves 3 + 0.6 s against 5 s; moving the 3 s file too would make the thread 8 s.
    ['one whole file from the end, no cut (the thread then the longer leg)', [file(3), file(4)], 1, 1, undefined],
    // 1 s moved whole (4.15 s against 1 s); the 4 s file's end: (4.15 − 1) / (4 × 1.85) of its 400 MB.
    ['a whole file, then the end of the one before', [file(4), file(1)], 0, 0, Math.floor(400 * MB * (3.15 / 7.4))],
    ['the last file not movable (a workbook, explain): nothing moves', [file(4), file(4, false)], 0, 2, undefined],
    ['a movable file that is not cuttable (UTF-16) is not cut', [file(4, true, false), file(1)], 0, 1, undefined],
    ['only the files after the last unmovable one move', [file(5), file(1, false), file(3)], 0, 2, undefined],
  ])('%s', (_what, own, threadCost, from, tailBytes) => {
    const got = shareOut(own, threadCost, 8 * MB, 2 * MB);
    expect(got.from).toBe(from);
    if (tailBytes === undefined) expect(got.tailBytes).toBeUndefined();
    else expect(Math.abs(got.tailBytes! - tailBytes)).toBeLessThanOrEqual(1);
  });

  it('a cut that would leave the thread less than the minimum is not made', () => {
    // A 1 s gap on a 100 s file: 0.54 % of 10 GB is 54 MB, under a 100 MB minimum.
    expect(shareOut([file(100)], 99, 100 * MB, 0)).toEqual({ from: 1 });
    expect(shareOut([file(100)], 99, 8 * MB, 0).from).toBe(0);
  });
});
