import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Release } from '../../src/model/gate.js';
import { formatConfirmationFile } from '../../src/report/confirmation-file.js';
import { runCli } from '../helpers/cli.js';

/**
 * Line endings, decided per file by the program that reads it on a seller's Windows machine:
 * - CRLF for the files a Windows tool takes as a format: the CSV (RFC 4180; Excel) and the confirmation
 *   flat file uploaded to Amazon (its template is a tab-separated Windows text file);
 * - LF for the text a person reads or pastes: Notepad has read LF since Windows 10 (1809), browsers and
 *   Markdown viewers read either, and the Plan of Action is pasted into a web form, which keeps neither.
 *   The same pack is then byte for byte the same on every system, which the baseline checks rely on.
 */
type Ending = 'CRLF' | 'LF';

function endings(bytes: Buffer): Set<Ending> {
  const text = bytes.toString('utf8');
  const found = new Set<Ending>();
  for (const m of text.matchAll(/\r?\n/g)) found.add(m[0] === '\r\n' ? 'CRLF' : 'LF');
  return found;
}

describe('line endings of what shipaudit writes', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'shipaudit-eol-')), 'pack');
  const r = runCli(['appeal', 'fixtures/sample-month', '--fixed-on', '2026-11-03', '--out', out], {
    env: { SHIPAUDIT_CHROMIUM: 'none' },
  });

  // [file of the appeal pack, its line ending]
  const PACK: Array<[string, Ending]> = [
    ['evidence.csv', 'CRLF'],
    ['READ-ME-FIRST.txt', 'LF'],
    ['plan-of-action.txt', 'LF'],
    ['plan-of-action.md', 'LF'],
    ['report.html', 'LF'],
  ];
  it.each(PACK)('%s: %s only', (file, ending) => {
    expect(r.code).toBe(0);
    expect([...endings(readFileSync(join(out, file)))]).toEqual([ending]);
  });

  it('the confirmation flat file for Amazon: CRLF only', () => {
    const release: Release = {
      orderId: '112-9815101-2789813',
      trackingNumber: '1ZV7A3703700085742',
      carrierCode: 'UPS',
      carrierName: 'UPS',
      lines: [
        { orderItemId: '06689447219045', quantity: 2 },
        { orderItemId: '83660459057475', quantity: 1 },
      ],
      shipDate: '2026-10-15T17:30:00-07:00',
      shipDateIso: '2026-10-16T00:30:00Z',
      scan: { at: '2026-10-15T17:30:00-07:00', description: 'Origin Scan', source: { file: 't.csv', line: 2 } },
      late: false,
      reemitted: false,
    };
    const text = formatConfirmationFile([release]);
    expect(text.split('\r\n')).toHaveLength(4);
    expect([...endings(Buffer.from(text))]).toEqual(['CRLF']);
  });
});
