import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZoneHint } from '../../src/model/timestamp.js';
import { createDecoder } from '../../src/read/decode.js';
import { sniff } from '../../src/read/detect.js';
import { readInput, type ReadOptions } from '../../src/read/index.js';

/**
 * The tracking reader's byte path remembers events, places and carriers by their bytes and decodes the
 * number only when it changes. The same content written as UTF-8 (read in its own bytes) and as UTF-16
 * (decoded, written back as UTF-8 chunk by chunk, its byte positions unlike the file's) must give the same
 * records and report; every fixture is also read both ways.
 */

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-byte-path-'));
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'setting', note: '--marketplace-tz' };

async function records(file: string, opts: Partial<ReadOptions> = {}) {
  const got: unknown[] = [];
  const keep = (kind: string) => (r: { source: { file: string } }) =>
    got.push([kind, { ...r, source: { ...r.source, file: 'F' } }]);
  const outcome = await readInput(
    file,
    { order: keep('order'), confirmation: keep('confirmation'), event: keep('event'), package: keep('package') },
    { marketplaceZone: LA, keepProblems: 1000, ...opts },
  ).then(
    (report) => ({
      ...JSON.parse(JSON.stringify(report).replaceAll(JSON.stringify(file).slice(1, -1), 'F')),
      encoding: '',
    }),
    (e: Error) => ({ error: e.message.replace(file, 'F') }),
  );
  return { got, outcome };
}

/** The text written as UTF-8 and as UTF-16 with a mark. */
function bothWays(text: string): [string, string] {
  const name = Math.random().toString(36).slice(2);
  const utf8 = join(tmp, `${name}-8.csv`);
  const utf16 = join(tmp, `${name}-16.csv`);
  writeFileSync(utf8, text);
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  return [utf8, utf16];
}

async function expectSame(text: string, opts: Partial<ReadOptions> = {}) {
  const [bytes, decoded] = bothWays(text);
  const a = await records(bytes, opts);
  const b = await records(decoded, opts);
  expect(a.outcome).toEqual(b.outcome);
  expect(a.got).toEqual(b.got);
  return a;
}

describe('the byte path reads what the text path reads', () => {
  const F = 'fixtures/formats';
  const delimited = readdirSync(F).filter((f) => /\.(txt|csv)$/.test(f));

  it.each(delimited)('%s', async (name) => {
    const s = await sniff(join(F, name));
    if (s.format !== 'text') throw new Error(`${name} is not delimited text`);
    const text = createDecoder(s.encoding).write(readFileSync(join(F, name)));
    const { got } = await expectSame(text);
    expect(got.length).toBeGreaterThan(0);
  });

  const header = 'Tracking Number,Carrier,Event Time,Event,Location';
  const numbers = ['LY000000005CN', '9400111899223197428490', '1Z999AA10123456784', '', '1.23E+17', ' LY000000005CN '];
  const carriers = ['China Post', 'USPS', '', 'UPS'];
  const times = [
    '2026-05-08 10:50',
    '2026-05-07T13:34:00-07:00',
    '05/09/2026 09:15',
    '',
    'soon',
    '2026-02-30 10:00',
    '2026年5月8日 10:50',
  ];
  const events = [
    '已签收',
    'Arrived at USPS Regional Facility',
    'Departed from Facility',
    '',
    'Mystery scan',
    '"Picked up, by carrier"',
    '"say ""hi"""',
    'Accepted at USPS Origin Facility',
  ];
  const places = ['"HOUSTON, TX 77002"', '上海国际邮件互换局', '', 'SHENZHEN', '"NEW YORK, NY 10199"', ' '];

  it('tracking rows of any mix: repeated and damaged numbers, blank and quoted events, bad times (property)', async () => {
    const row = fc.tuple(...[numbers, carriers, times, events, places].map((pool) => fc.constantFrom(...pool)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          await expectSame(`${header}${eol}${rows.map((r) => r.join(',')).join(eol)}${eol}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the same rows without a carrier column, and with a status code beside the event', async () => {
    const { got } = await expectSame(
      [
        'Tracking Number,Status Code,Event Time,Event,City,State',
        'LY000000005CN,PU,2026-05-08 10:50,,Houston,TX',
        'LY000000005CN,,2026-05-08 11:50,已签收,Houston,TX',
        '9400111899223197428490,PU,2026-05-09 10:50,Picked up,Houston,TX',
        '9400111899223197428490,,2026-05-09 12:50,,Houston,TX',
        '1Z999AA10123456784,PU,2026-05-09 10:50,Picked up,,',
        // One code, one place, two carriers (told by the numbers): UPS's RS is an exception, others' unknown.
        '1Z999AA10123456784,RS,2026-05-09 11:50,,,',
        '9400111899223197428490,RS,2026-05-09 11:50,,,',
        'short,row',
      ].join('\n'),
    );
    const rs = got
      .filter((g) => (g as [string, { code?: string }])[1].code === 'RS')
      .map((g) => (g as [string, { carrier: string; class: string }])[1]);
    expect(rs.map((e) => [e.carrier, e.class])).toEqual([
      ['UPS', 'exception'],
      ['USPS', 'unknown'],
    ]);
  });
});
