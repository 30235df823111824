import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, confirmationsText, folder, json, month, ordersText, trackingText } from './gen.js';

/**
 * Issue 15, item 9: an Order Report without its header row made the "headers found: …" error print the
 * first data row (e-mail, name, phone) to stderr, which cron mails. Errors never quote data values.
 */
const all = month('2026-10-12', 29);
const noHeader = ordersText(all).split('\n').slice(1).join('\n');
const PERSONAL = /@marketplace|Jane Doe|555 010|113-2000000/;

describe('attack 9: no buyer data in errors', () => {
  it('audit of an Order Report without its header row: one line, the cell count, no values; exit 2', () => {
    const dir = folder({ 'orders.txt': noHeader, 'confirmations.txt': confirmationsText(all) });
    const r = cli(dir, 'audit', 'orders.txt', 'confirmations.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        '^shipaudit: orders\\.txt:1: unrecognised file: ' +
          'the first row has 14 cells and does not look like a header row ' +
          '\\(no cell is a column name shipaudit knows; ' +
          'values are not shown: they may be personal data\\)\\. Known kinds: .*\\n$',
      ),
    );
    expect(r.stderr).not.toMatch(PERSONAL);
  });

  it('inspect says the same, without values', () => {
    const dir = folder({ 'orders.txt': noHeader });
    const r = cli(dir, 'inspect', 'orders.txt', '--format', 'json');
    expect(JSON.stringify(json(r))).toMatch(/the first row has 14 cells and does not look like a header row/);
    expect(r.stdout + r.stderr).not.toMatch(PERSONAL);
  });

  it('check with such a file in its folder: the Input entry names the file, not its values', () => {
    const dir = folder({
      'in/orders.txt': noHeader,
      'in/confirmations.txt': confirmationsText(all),
      'in/tracking.csv': trackingText(all),
    });
    writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify({ inputs: ['in'] }));
    for (const format of ['text', 'json']) {
      const r = cli(dir, 'check', '--as-of', '2026-11-10T06:00', '--format', format);
      expect(r.stdout + r.stderr).not.toMatch(PERSONAL);
      expect(r.stdout).toMatch(/orders\.txt/);
    }
  });

  it('a real header row of an unknown kind is still quoted (it holds no values)', () => {
    const dir = folder({ 'people.csv': 'name,age,city\nx,1,y\n', 'confirmations.txt': confirmationsText(all) });
    const r = cli(dir, 'audit', 'people.csv', 'confirmations.txt');
    expect(r.stderr).toMatch(/^shipaudit: people\.csv:1: unrecognised file: headers found: name, age, city\. Known/);
  });
});
