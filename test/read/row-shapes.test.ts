import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZoneHint } from '../../src/model/timestamp.js';
import { readInput, type InputReport } from '../../src/read/index.js';

/**
 * Rows whose field count is not the header's: wider rows (a delimiter inside a field) are rejected with
 * their line unless their fields past the header are blank and the file's rows habitually end so, and a
 * quote that closes lines later into a row of another width is rejected at the line it opened, every line
 * after it read again. Each file is read as UTF-8 (in its own bytes) and as UTF-16 (decoded first).
 */

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-row-shapes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'setting', note: '--marketplace-tz' };

interface Read {
  rowsRead: number;
  rowsRejected: number;
  problems: Array<[number, string]>;
  /** What the sink got, a value or two of each record. */
  records: string[];
}

async function read(text: string, utf16: boolean): Promise<Read> {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.${text.includes('\t') ? 'txt' : 'csv'}`);
  writeFileSync(
    file,
    utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text),
  );
  const records: string[] = [];
  const report: InputReport = await readInput(
    file,
    {
      order: (o) => records.push(`${o.orderId} ${o.latestShipDate?.raw ?? '-'}`),
      confirmation: (c) => records.push(`${c.orderId} ${c.trackingNumber ?? '-'}`),
      event: (e) => records.push(`${e.trackingNumber} ${e.location ?? '-'} ${e.code ?? '-'}`),
    },
    { marketplaceZone: LA, keepProblems: 100 },
  );
  return {
    rowsRead: report.rowsRead,
    rowsRejected: report.rowsRejected,
    problems: report.problems.map((p) => [p.line, p.message]),
    records,
  };
}

const TRACKING = 'Tracking Number,Carrier,Event Time,Event,Location,Status Code';
const N = '9400109104250532908587';
const ev = (rest: string) => `${N},USPS,${rest}`;
const CONFIRMATIONS =
  'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method';
const conf = (n: number, tracking = `1ZV7A129034417093${n}`) =>
  `111-0000000-000000${n}\t4097261553887${n}\t1\t2026-10-06\tUPS\t\t${tracking}\tUPS Ground`;
const lines = (...ls: string[]) => `${ls.join('\n')}\n`;
const SHIFTED = (got: number, want: number) =>
  `row has ${got} of ${want} columns: a delimiter inside a field? (shifted row)`;
const RAN = (from: number, to: number) =>
  `row starting at line ${from} runs to line ${to}: a quote opened in it is never closed on its line ` +
  '(the row is left out; the lines after it are read as rows)';

// The All Orders-like order report of the fixtures, its first row given one tab more inside product-name.
const orderReport = readFileSync('fixtures/formats/order-report.txt', 'utf8');
const orderReportShifted = orderReport.replace(
  'Magnetic Car Phone Mount, Air Vent',
  'Magnetic Car Phone Mount,\tAir Vent',
);

const CASES: Array<{ name: string; text: string; want: Read }> = [
  {
    name: 'flat file: a tab inside product-name shifts the row: rejected, not read by position',
    text: orderReportShifted,
    want: {
      rowsRead: 3,
      rowsRejected: 1,
      problems: [[2, SHIFTED(39, 38)]],
      records: ['111-5093827-6648213 2026-10-12T23:59:59-07:00', '113-7716402-2290385 2026-10-13T23:59:59-07:00'],
    },
  },
  {
    name: 'CSV: an unquoted comma in the location (the status code empty): rejected, not AUSTIN / TX 78701',
    text: lines(
      TRACKING,
      ev('2026-10-14 12:24,Delivered,"AUSTIN, TX 78701",01'),
      ev('2026-10-12 08:00,Accepted at USPS Origin Facility,AUSTIN, TX 78701,'),
      ev('2026-10-12 07:00,Shipping Label Created,"AUSTIN, TX 78701",GX'),
    ),
    want: {
      rowsRead: 3,
      rowsRejected: 1,
      problems: [[3, SHIFTED(7, 6)]],
      records: [`${N} AUSTIN, TX 78701 01`, `${N} AUSTIN, TX 78701 GX`],
    },
  },
  {
    name: 'CSV: the shifted row with text past the header, on the text way (a doubled quote in it)',
    text: lines(
      TRACKING,
      ev('2026-10-14 12:24,"Delivered, ""front door""",AUSTIN, TX 78701,01'),
      ev('2026-10-12 07:00,Shipping Label Created,"AUSTIN, TX 78701",GX'),
    ),
    want: { rowsRead: 2, rowsRejected: 1, problems: [[2, SHIFTED(7, 6)]], records: [`${N} AUSTIN, TX 78701 GX`] },
  },
  {
    name: 'confirmations (read from decoded cells): a tab inside the carrier name',
    text: lines(CONFIRMATIONS, conf(1), conf(2).replace('\tUPS\t\t', '\tUPS\tUnited\tParcel\t'), conf(3)),
    want: {
      rowsRead: 3,
      rowsRejected: 1,
      problems: [[3, SHIFTED(9, 8)]],
      records: ['111-0000000-0000001 1ZV7A1290344170931', '111-0000000-0000003 1ZV7A1290344170933'],
    },
  },
  {
    name: 'every data row ends with a delimiter the header has not: the habit of the export, read',
    text: lines(CONFIRMATIONS, `${conf(1)}\t`, `${conf(2)}\t`, `${conf(3)}\t`),
    want: {
      rowsRead: 3,
      rowsRejected: 0,
      problems: [],
      records: [1, 2, 3].map((n) => `111-0000000-000000${n} 1ZV7A129034417093${n}`),
    },
  },
  {
    // A one-order upload from an exporter that ends every row with a tab: its one row is its habit.
    name: 'a file of one data row ending with a delimiter the header has not: read',
    text: lines(CONFIRMATIONS, `${conf(1)}\t`),
    want: { rowsRead: 1, rowsRejected: 0, problems: [], records: ['111-0000000-0000001 1ZV7A1290344170931'] },
  },
  {
    name: 'half the rows ending with a delimiter the header has not: read',
    text: lines(CONFIRMATIONS, `${conf(1)}\t`, conf(2), `${conf(3)}\t`, conf(4)),
    want: {
      rowsRead: 4,
      rowsRejected: 0,
      problems: [],
      records: [1, 2, 3, 4].map((n) => `111-0000000-000000${n} 1ZV7A129034417093${n}`),
    },
  },
  {
    name: 'CSV rows with a trailing comma, one of them blank-padded further and one with text past it',
    text: lines(
      TRACKING,
      ev('2026-10-14 12:24,Delivered,"AUSTIN, TX 78701",01,'),
      ev('2026-10-13 12:24,Out for Delivery,"AUSTIN, TX 78701",OF, '),
      ev('2026-10-12 08:00,Accepted at USPS Origin Facility,AUSTIN, TX 78701,,'),
      ev('2026-10-12 07:00,Shipping Label Created,"AUSTIN, TX 78701",GX,'),
      ev('2026-10-11 07:00,Pre-Shipment,"AUSTIN, TX 78701",GX,x'),
    ),
    want: {
      rowsRead: 5,
      rowsRejected: 2,
      problems: [
        [4, SHIFTED(8, 6)],
        [6, SHIFTED(7, 6)],
      ],
      records: [`${N} AUSTIN, TX 78701 01`, `${N} AUSTIN, TX 78701 OF`, `${N} AUSTIN, TX 78701 GX`],
    },
  },
  {
    name: 'a narrower flat row keeps its message',
    text: lines(CONFIRMATIONS, conf(1), conf(2).split('\t').slice(0, 4).join('\t'), conf(3)),
    want: {
      rowsRead: 3,
      rowsRejected: 1,
      problems: [[3, 'row has 4 of 8 columns (truncated or shifted row)']],
      records: ['111-0000000-0000001 1ZV7A1290344170931', '111-0000000-0000003 1ZV7A1290344170933'],
    },
  },
  {
    name: 'a quote opened in a row and closed two lines later by the next quote: rejected where it opened',
    text: lines(
      TRACKING,
      ev('2026-10-14 12:24,Delivered,"AUSTIN, TX 78701",01'),
      `${N},"USPS,2026-10-07 09:06,已收寄,广东省东莞市,`,
      ev('2026-10-02 12:35,电子信息已收到,,'),
      ev('2026-10-13 13:23,Delivered,"PHOENIX, AZ 85016",01'),
    ),
    want: {
      rowsRead: 4,
      rowsRejected: 1,
      problems: [[3, RAN(3, 5)]],
      records: [`${N} AUSTIN, TX 78701 01`, `${N} - -`, `${N} PHOENIX, AZ 85016 01`],
    },
  },
  {
    name: 'a legal quoted field over two lines, of the header width: read, where it ends',
    text: lines(
      TRACKING,
      ev('2026-10-14 12:24,"Delivered,\nleft at the front door","AUSTIN, TX 78701",01'),
      ev('2026-10-12 07:00,Shipping Label Created,"AUSTIN, TX 78701",GX'),
    ),
    want: {
      rowsRead: 2,
      rowsRejected: 0,
      problems: [],
      records: [`${N} AUSTIN, TX 78701 01`, `${N} AUSTIN, TX 78701 GX`],
    },
  },
  {
    name: 'a legal field over lines in a file whose rows end with a trailing comma',
    text: lines(
      TRACKING,
      ev('2026-10-14 12:24,"Delivered,\nleft at the front door","AUSTIN, TX 78701",01,'),
      ev('2026-10-13 12:24,Out for Delivery,"AUSTIN, TX 78701",OF,'),
      ev('2026-10-12 07:00,Shipping Label Created,"AUSTIN, TX 78701",GX,'),
    ),
    want: {
      rowsRead: 3,
      rowsRejected: 0,
      problems: [],
      records: [`${N} AUSTIN, TX 78701 01`, `${N} AUSTIN, TX 78701 OF`, `${N} AUSTIN, TX 78701 GX`],
    },
  },
];

describe('rows of another width than the header', () => {
  for (const utf16 of [false, true]) {
    it.each(CASES)(`$name${utf16 ? ' (UTF-16)' : ''}`, async ({ text, want }) => {
      expect(await read(text, utf16)).toEqual(want);
    });
  }
});
