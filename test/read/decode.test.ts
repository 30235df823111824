import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bomLength, createDecoder, detectEncoding, type Detection, type Encoding } from '../../src/read/decode.js';

const CONFIRMATION = 'order-id\tship-date\ttracking-number\n113-4829175-2038561\t2026-10-06\t1ZV7A1290344170935\n';
const EUROPEAN = 'amazon-order-id\tproduct-name\n111-7302846-9154027\tCafé Espresso Tamper 51mm, naïve façade\n';
const JAPANESE =
  '注文番号\t出荷日\t配送方法\n249-3817265-1047723\t2026-10-06\t宅急便コンパクト\n250-6620193-5538120\t2026-10-06\tゆうパケット\n';
const CHINESE =
  '"单号","时间","地点","轨迹"\n"LY318072641CN","2026-10-05 13:58:12","","电子信息已收到"\n"LY318072641CN","2026-10-07 16:31:40","深圳市","已收寄"\n';

const bytes = (...parts: Array<number[] | Buffer>) =>
  Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

/** A fixed pseudo-random byte sequence with NULs, like a zip or image. */
function binary(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

describe('detectEncoding', () => {
  it.each<[string, Buffer, Detection]>([
    ['UTF-8 without BOM, ASCII only', Buffer.from(CONFIRMATION), { encoding: 'utf-8' }],
    ['UTF-8 without BOM, accents', Buffer.from(EUROPEAN), { encoding: 'utf-8' }],
    ['UTF-8 without BOM, Chinese', Buffer.from(CHINESE), { encoding: 'utf-8' }],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], Buffer.from(CONFIRMATION)), { encoding: 'utf-8-bom' }],
    ['UTF-16 LE with BOM', bytes([0xff, 0xfe], Buffer.from(CONFIRMATION, 'utf16le')), { encoding: 'utf-16le' }],
    ['UTF-16 BE with BOM', bytes([0xfe, 0xff], utf16be(CONFIRMATION)), { encoding: 'utf-16be' }],
    ['UTF-16 LE without BOM', Buffer.from(CONFIRMATION, 'utf16le'), { encoding: 'utf-16le' }],
    ['UTF-16 BE without BOM', utf16be(CONFIRMATION), { encoding: 'utf-16be' }],
    ['Windows-1252 (café, naïve, façade)', iconv.encode(EUROPEAN, 'win1252'), { encoding: 'windows-1252' }],
    ['Shift_JIS (Japanese header and ship methods)', iconv.encode(JAPANESE, 'shift_jis'), { encoding: 'shift_jis' }],
    ['GB18030 (Chinese events)', iconv.encode(CHINESE, 'gb18030'), { encoding: 'gb18030' }],
    ['binary with NULs', binary(512), { binary: true }],
    // Not UTF-8 and full of control bytes: no code page makes that text.
    [
      'control and high bytes without NULs',
      Buffer.from(Array.from({ length: 200 }, (_, i) => [0x01, 0x9c, 0x41, 0x07][i % 4])),
      { binary: true },
    ],
  ])('%s', (_name, sample, expected) => {
    expect(detectEncoding(sample, false)).toEqual(expected);
  });

  it('a sample cut inside a multi-byte UTF-8 character is still UTF-8', () => {
    const whole = Buffer.from(`${CHINESE}${CHINESE}`);
    // "电" is 3 bytes: cut after its first byte.
    const at = whole.indexOf(Buffer.from('电子')) + 1;
    const cut = whole.subarray(0, at);
    expect(detectEncoding(cut, true)).toEqual({ encoding: 'utf-8' });
    // The same cut at the real end of a file: one broken line among valid UTF-8 ones leaves the file UTF-8
    // (issue 15, item 7: a file is not taken as GB18030 because a few bytes fail UTF-8).
    expect(detectEncoding(cut, false)).toEqual({ encoding: 'utf-8' });
    // A broken line alone is no UTF-8 file.
    expect(detectEncoding(Buffer.from('电子').subarray(0, 4), false)).not.toEqual({ encoding: 'utf-8' });
  });

  it.each<[Encoding, number]>([
    ['utf-8', 0],
    ['utf-8-bom', 3],
    ['utf-16le', 2],
    ['utf-16be', 2],
    ['windows-1252', 0],
  ])('bomLength(%s) = %i', (enc, n) => {
    expect(bomLength(enc)).toBe(n);
  });
});

/** The bytes of `text` as a file in `encoding` would hold them, BOM included. */
function encode(encoding: Encoding, text: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text);
    case 'utf-8-bom':
      return bytes([0xef, 0xbb, 0xbf], Buffer.from(text));
    case 'utf-16le':
      return bytes([0xff, 0xfe], Buffer.from(text, 'utf16le'));
    case 'utf-16be':
      return bytes([0xfe, 0xff], utf16be(text));
    case 'windows-1252':
      return iconv.encode(text, 'win1252');
    default:
      return iconv.encode(text, encoding);
  }
}

/** Feeds `buf` to a decoder in pieces split at `cuts` and joins what it gives back. */
function decodeInPieces(encoding: Encoding, buf: Buffer, cuts: number[]): string {
  const d = createDecoder(encoding);
  let out = '';
  let from = 0;
  for (const c of [...cuts, buf.length]) {
    out += d.write(buf.subarray(from, c));
    from = c;
  }
  return out + d.end();
}

describe('createDecoder', () => {
  it.each<[string, Encoding, string, string]>([
    ['UTF-8: é split between its two bytes', 'utf-8', EUROPEAN, 'é'],
    ['UTF-8 with BOM: the BOM dropped, 电 split', 'utf-8-bom', CHINESE, '电'],
    ['UTF-16 LE with BOM: a code unit split', 'utf-16le', JAPANESE, '宅'],
    ['UTF-16 BE with BOM: a code unit split', 'utf-16be', JAPANESE, '宅'],
    ['Shift_JIS: a double-byte character split', 'shift_jis', JAPANESE, '宅'],
    ['GB18030: a double-byte character split', 'gb18030', CHINESE, '深'],
  ])('%s', (_name, encoding, text, char) => {
    const buf = encode(encoding, text);
    // One byte into the character's bytes, counted past the BOM.
    const at =
      bomLength(encoding) + encode(encoding, text.slice(0, text.indexOf(char))).length - bomLength(encoding) + 1;
    expect(decodeInPieces(encoding, buf, [at])).toBe(text);
  });

  it('Windows-1252: every byte one character, the BOM-less file as written', () => {
    expect(decodeInPieces('windows-1252', encode('windows-1252', EUROPEAN), [10, 11, 60])).toBe(EUROPEAN);
  });

  it('a UTF-8 BOM split across writes is still dropped', () => {
    expect(decodeInPieces('utf-8-bom', encode('utf-8-bom', 'order-id'), [1, 2])).toBe('order-id');
  });

  it('byte by byte gives the same text as all at once', () => {
    const buf = encode('gb18030', CHINESE);
    expect(
      decodeInPieces(
        'gb18030',
        buf,
        Array.from({ length: buf.length - 1 }, (_, i) => i + 1),
      ),
    ).toBe(CHINESE);
  });
});
