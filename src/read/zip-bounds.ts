import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { limit, sizeText } from './bounds.js';
import { InputError } from './types.js';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/**
 * Checks a workbook's zip before the workbook library inflates it whole in memory: the number of parts, the
 * sizes the zip declares, and then the sizes the parts really inflate to (counted as a stream and stopped at
 * the limit, since a zip bomb can declare small sizes). Throws a one-line InputError when over a limit; a
 * file that is no zip is left to the workbook reader, which says so.
 */
export async function checkZipBounds(file: string): Promise<void> {
  const maxBytes = limit('xlsxBytes');
  const maxEntries = limit('xlsxEntries');
  const entries = await centralDirectory(file, maxEntries);
  if (entries === undefined) return;
  const refuse = (what: string) =>
    new InputError(
      file,
      undefined,
      `refused as a zip bomb: ${what}, over the limit of ${sizeText(maxBytes)} uncompressed (SHIPAUDIT_MAX_XLSX_BYTES)`,
    );
  let declared = 0;
  for (const e of entries) declared += e.uncompressed;
  if (declared > maxBytes) throw refuse(`its parts declare ${sizeText(declared)}`);
  let total = 0;
  for (const e of entries) {
    total += await inflatedSize(file, e, maxBytes - total);
    if (total > maxBytes) throw refuse(`its parts inflate to more than ${sizeText(maxBytes)} (part ${e.name})`);
  }
}

async function centralDirectory(file: string, maxEntries: number): Promise<Entry[] | undefined> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 22 + 0xffff + 20);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return undefined;
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (
      (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) &&
      at >= 20 &&
      tail.readUInt32LE(at - 20) === EOCD64_LOCATOR
    ) {
      const rec = Buffer.alloc(56);
      await fh.read(rec, 0, 56, Number(tail.readBigUInt64LE(at - 20 + 8)));
      if (rec.readUInt32LE(0) !== EOCD64) return undefined;
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (count > maxEntries) {
      throw new InputError(
        file,
        undefined,
        `refused as a zip bomb: ${count} parts, over the limit of ${maxEntries} (SHIPAUDIT_MAX_XLSX_ENTRIES)`,
      );
    }
    if (cdOffset + cdSize > size) return undefined;
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: Entry[] = [];
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL;) {
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let compressed = cd.readUInt32LE(p + 20);
      let uncompressed = cd.readUInt32LE(p + 24);
      let localOffset = cd.readUInt32LE(p + 42);
      // Zip64: the sizes and offset marked 0xFFFFFFFF are in the extra field 0x0001, in this order.
      for (let x = p + 46 + nameLength, end = x + extraLength; x + 4 <= end;) {
        const id = cd.readUInt16LE(x);
        const length = cd.readUInt16LE(x + 2);
        if (id === 1) {
          let y = x + 4;
          if (uncompressed === 0xffffffff) {
            uncompressed = Number(cd.readBigUInt64LE(y));
            y += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = Number(cd.readBigUInt64LE(y));
            y += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(y));
        }
        x += 4 + length;
      }
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      entries.push({ name, method: cd.readUInt16LE(p + 10), compressed, uncompressed, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    // Where each part's data starts: after its local header, whose name and extra lengths may differ.
    for (const e of entries) {
      const local = Buffer.alloc(30);
      await fh.read(local, 0, 30, e.localOffset);
      if (local.readUInt32LE(0) !== LOCAL) return undefined;
      e.localOffset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** The bytes a part inflates to, counted and dropped; stops once past `budget` (returning more than it). */
function inflatedSize(file: string, e: Entry, budget: number): Promise<number> {
  if (e.method !== 8 || e.compressed === 0) return Promise.resolve(e.method === 0 ? e.compressed : 0);
  return new Promise((resolve) => {
    let n = 0;
    const input = createReadStream(file, { start: e.localOffset, end: e.localOffset + e.compressed - 1 });
    const inflate = createInflateRaw();
    const done = () => {
      input.destroy();
      inflate.destroy();
      resolve(n);
    };
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > budget) done();
    });
    // A damaged stream is left for the workbook reader to report.
    inflate.on('error', done);
    input.on('error', done);
    inflate.on('end', done);
    input.pipe(inflate);
  });
}
