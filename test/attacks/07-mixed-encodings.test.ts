import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli, confirmationsText, folder, json, month, ordersText, type Shipment } from './gen.js';

/**
 * Issue 15, item 7: GBK rows appended to a UTF-8 file became replacement characters (their pickup scans
 * lost, so false no-carrier-scan errors in the evidence); GBK rows early in a UTF-8 file made the whole
 * file decode as GB18030. Lines are now decoded one by one where the file mixes them, and it says so.
 */
const all = month('2026-10-12', 29);
const HEADER = '单号,时间,轨迹,地点';
const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const pickup = (s: Shipment) => `${s.trackingNumber},${shanghai(s.scannedMs)},已揽收,深圳市`;
const utf8 = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
const gbk = (lines: string[]) => iconv.encode(lines.map((l) => `${l}\n`).join(''), 'gbk');
/** Scans of parcels of other shops' orders: only there to make the file longer than the sample read first. */
const IN_TRANSIT = '运输中，已到达深圳转运中心';
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `LX${100000000 + i}CN,2026-10-01 08:00,${IN_TRANSIT},深圳市`);

function audit(tracking: Buffer) {
  const dir = folder({
    'orders.txt': ordersText(all),
    'confirmations.txt': confirmationsText(all),
    'tracking.csv': tracking,
  });
  const files = ['orders.txt', 'confirmations.txt', 'tracking.csv'];
  return { dir, r: cli(dir, 'audit', ...files, '--format', 'json', '--fail-on', 'never') };
}

describe('attack 7: mixed encodings', () => {
  const cases = [
    {
      name: 'GBK rows appended to a UTF-8 file (past the sample the encoding is decided on)',
      file: () =>
        Buffer.concat([
          utf8([HEADER, ...all.slice(0, 20).map(pickup), ...filler(4500)]),
          gbk(all.slice(20).map(pickup)),
        ]),
      gb18030: 9,
    },
    {
      name: 'GBK rows early in a UTF-8 file',
      file: () => Buffer.concat([utf8([HEADER]), gbk(all.slice(0, 3).map(pickup)), utf8(all.slice(3).map(pickup))]),
      gb18030: 3,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: every pickup scan is read, the file says it mixes encodings`, () => {
      const { dir, r } = audit(c.file());
      expect([r.code, r.stderr]).toEqual([0, '']);
      const a = json(r);
      expect(a.summary.findingsByRule['no-carrier-scan']).toBe(0);
      expect(a.summary.withPhysicalScan).toBe(29);
      expect(a.unclassifiedEvents).toEqual([]);
      const input = a.inputs.find((i: { file: string }) => i.file === 'tracking.csv');
      const note = `mixed encodings: ${c.gb18030} lines decoded as GB18030`;
      expect([input.encoding, input.rowsRejected, input.encodingNote]).toEqual(['utf-8', 0, note]);
      expect(a.notes).toContain(`tracking.csv: mixed encodings: ${c.gb18030} lines decoded as GB18030.`);
      const inspect = json(cli(dir, 'inspect', 'tracking.csv', '--format', 'json'));
      expect(inspect.files[0].encoding).toBe(`utf-8 (mixed encodings: ${c.gb18030} lines decoded as GB18030)`);
    });
  }

  it('UTF-8 rows appended to a GB18030 file: every pickup scan is read, the file says it mixes encodings', () => {
    const file = Buffer.concat([
      gbk([HEADER, ...all.slice(0, 20).map(pickup), ...filler(4500)]),
      utf8(all.slice(20).map(pickup)),
    ]);
    const { dir, r } = audit(file);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const a = json(r);
    expect([a.summary.findingsByRule['no-carrier-scan'], a.summary.withPhysicalScan]).toEqual([0, 29]);
    expect(a.unclassifiedEvents).toEqual([]);
    const input = a.inputs.find((i: { file: string }) => i.file === 'tracking.csv');
    const note = 'mixed encodings: 9 lines decoded as UTF-8';
    expect([input.encoding, input.rowsRejected, input.encodingNote]).toEqual(['gb18030', 0, note]);
    const inspect = json(cli(dir, 'inspect', 'tracking.csv', '--format', 'json'));
    expect(inspect.files[0].encoding).toBe(`gb18030 (${note})`);
  });

  it('control: a file all in GB18030 is still read as GB18030, with no note', () => {
    const { r } = audit(gbk([HEADER, ...all.map(pickup)]));
    const input = json(r).inputs.find((i: { file: string }) => i.file === 'tracking.csv');
    expect([input.encoding, input.encodingNote]).toEqual(['gb18030', undefined]);
    expect(json(r).summary.withPhysicalScan).toBe(29);
  });
});
