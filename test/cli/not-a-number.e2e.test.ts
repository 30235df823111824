import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// The sample month with two confirmations as ERPs and spreadsheets really write them: a HYPERLINK formula
// around the number, and a note typed in the tracking-number column.
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-not-a-number-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORMULA = '=HYPERLINK("https://t.17track.net/en#nums=LX059317561CN","LX059317561CN")';
const NOTE = 'Tracking number to follow';

function prepare(): void {
  cpSync(join(ROOT, 'fixtures/sample-month'), dir, { recursive: true });
  const file = join(dir, 'confirmations.txt');
  const lines = readFileSync(file, 'utf8').split('\n');
  const set = (line: number, orderId: string, value: string) => {
    const cells = lines[line].split('\t');
    expect(cells[0]).toBe(orderId);
    cells[6] = value;
    lines[line] = cells.join('\t');
  };
  set(1, '111-7625964-1065606', FORMULA);
  set(2, '114-3672173-8122180', NOTE);
  writeFileSync(file, lines.join('\n'));
}

describe('a tracking number that cannot be one', () => {
  it('is reported as invalid-tracking-number, with the text as the file gave it', () => {
    prepare();
    const r = runCli(['audit', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { findings: { rule: string; orderId: string; message: string }[] };
    const invalid = out.findings.filter((f) => f.rule === 'invalid-tracking-number');
    expect(invalid).toContainEqual(
      expect.objectContaining({
        orderId: '111-7625964-1065606',
        message: `${FORMULA} cannot be a tracking number: a spreadsheet formula`,
      }),
    );
    expect(invalid).toContainEqual(
      expect.objectContaining({
        orderId: '114-3672173-8122180',
        message: `${NOTE} cannot be a tracking number: no digits`,
      }),
    );
  });
});
