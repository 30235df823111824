import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { outPieces } from '../../src/cli/io.js';

/** A stdout whose reader takes one piece per tick: `write` says "no more" as soon as one piece is queued. */
function slowReader(highWaterMark: number) {
  const got: Buffer[] = [];
  let mostQueued = 0;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      got.push(chunk);
      setImmediate(done);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: Buffer) => {
    const more = write(chunk);
    mostQueued = Math.max(mostQueued, stream.writableLength);
    return more;
  }) as typeof stream.write;
  return { stream, got, mostQueued: () => mostQueued };
}

const pieces = (n: number, size: number) => Array.from({ length: n }, (_, i) => new Uint8Array(size).fill(i % 251));

describe('outPieces: large output to a slow reader', () => {
  it.each([
    { n: 200, size: 1024, highWaterMark: 4096 },
    { n: 50, size: 10_000, highWaterMark: 1024 },
    { n: 1, size: 100, highWaterMark: 16 },
  ])(
    'waits for the reader: never more than one piece past the mark queued ($n × $size B)',
    async ({ n, size, highWaterMark }) => {
      const reader = slowReader(highWaterMark);
      const all = pieces(n, size);
      await outPieces(all, reader.stream);
      await new Promise<void>((resolve) => reader.stream.end(resolve));
      expect(Buffer.concat(reader.got)).toEqual(Buffer.concat(all));
      expect(reader.mostQueued()).toBeLessThanOrEqual(highWaterMark + size);
    },
  );

  it('without waiting, the same reader would have queued everything (the case above can fail)', () => {
    const reader = slowReader(1024);
    for (const p of pieces(50, 1000)) reader.stream.write(p);
    expect(reader.mostQueued()).toBe(50_000);
  });

  it('stops writing when the reader has gone (a closed pipe), instead of waiting for ever', async () => {
    const reader = slowReader(1024);
    let asked = 0;
    function* gen() {
      for (const p of pieces(100, 1000)) {
        asked++;
        if (asked === 5) reader.stream.destroy();
        yield p;
      }
    }
    await outPieces(gen(), reader.stream);
    expect(asked).toBeLessThan(10);
  });
});
