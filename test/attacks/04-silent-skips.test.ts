import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, confirmationsText, folder, json, month, ordersText, TRACKING_HEADER, trackingText } from './gen.js';

/**
 * Issue 15, item 4: a tracking file in an input folder replaced by an HTML error page, emptied or
 * unreadable was skipped without a warning (its early confirmations turned into tracking-not-found
 * warnings); a symlinked file or folder inside an input folder was ignored and not even listed.
 */
const all = month('2026-10-12', 29);
const HTML = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>\n';

function drops(tracking: string | undefined): string {
  const dir = folder({
    'drops/amazon/orders.txt': ordersText(all),
    'drops/amazon/confirmations.txt': confirmationsText(all),
    'drops/README.txt': 'Downloads land here\n',
  });
  if (tracking !== undefined) writeFileSync(join(dir, 'drops/tracking.csv'), tracking);
  const config = { inputs: ['drops'], marketplaceTimeZone: 'America/Los_Angeles' };
  writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify(config));
  return dir;
}

const broken = [
  {
    name: 'an HTML error page',
    content: HTML,
    reason: 'an HTML page, not a report or export (a download that returned an error or login page?)',
  },
  { name: 'an emptied file', content: '', reason: 'the file is empty' },
  { name: 'a header without rows', content: `${TRACKING_HEADER}\n`, reason: 'has a header row but no data rows' },
  {
    name: 'a binary file',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 7]),
    reason: 'not a text file (binary content): expected a report, CSV, TSV, JSON or XLSX export',
  },
];

describe('attack 4: nothing in an input folder is skipped in silence', () => {
  it('control: the folder with a good tracking file is all well, the README is listed as skipped', () => {
    const r = cli(drops(trackingText(all)), 'check', '--as-of', '2026-11-10T06:00');
    expect(r.stdout).toMatch(/^✔ .*all well\. 29 shipments .* from 3 input files \(1 skipped: README\.txt\)/);
    expect(r.code).toBe(0);
  });

  for (const b of broken) {
    it(`tracking.csv replaced by ${b.name}: check has an Input warning naming it, exit 1`, () => {
      const dir = drops(b.content as string);
      const r = cli(dir, 'check', '--as-of', '2026-11-10T06:00', '--format', 'json');
      expect(r.code).toBe(1);
      const input = json(r).input;
      const message = `${join(dir, 'drops/tracking.csv')} was skipped: ${b.reason}`;
      expect(input[0]).toEqual({ level: 'warning', kind: 'input-file', message });
      expect(json(r).checked.skipped).toContainEqual({ file: join(dir, 'drops/tracking.csv'), reason: b.reason });
    });

    it(`tracking.csv replaced by ${b.name}: audit lists it as a warning and says so in the notes`, () => {
      const dir = drops(b.content as string);
      const a = json(cli(dir, 'audit', 'drops', '--format', 'json', '--fail-on', 'never'));
      const entry = a.inputs.find((i: { file: string }) => i.file === 'drops/tracking.csv');
      expect(entry).toMatchObject({ kind: 'skipped', warning: b.reason });
      const note = `drops/tracking.csv was skipped: ${b.reason}; whatever it should hold is missing from the audit.`;
      expect(a.notes).toContain(note);
    });
  }

  it('audit whose only tracking file is an HTML page: no tick, the headline names it, exit 2 with its line', () => {
    const dir = drops(HTML);
    const r = cli(dir, 'audit', 'drops');
    const [headline] = r.stdout.split('\n');
    expect(headline).toBe(
      '⚠ No problems found in the 29 shipments read, but 1 input file could not be read, drops/tracking.csv: ' +
        `${broken[0].reason}; the verdict may be incomplete. Tracking was not checked: no tracking data could be read.`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `shipaudit: 1 input file could not be read, drops/tracking.csv: ${broken[0].reason}; ` +
        'the verdict may be incomplete (--allow-rejected-rows exits by the findings)\n',
    );
    // The flag for an incomplete verdict exits by the findings, the headline still has no tick.
    const allowed = cli(dir, 'audit', 'drops', '--allow-rejected-rows');
    expect([allowed.code, allowed.stderr]).toEqual([0, '']);
    expect(allowed.stdout.split('\n')[0]).toBe(headline);
  });

  for (const b of broken.slice(1)) {
    it(`audit with tracking.csv replaced by ${b.name}: exit 2, the headline names it`, () => {
      const r = cli(drops(b.content as string), 'audit', 'drops');
      expect(r.stdout.split('\n')[0]).toContain(`1 input file could not be read, drops/tracking.csv: ${b.reason}`);
      expect(r.code).toBe(2);
    });
  }

  it('audit with findings and an unreadable second file: the findings headline names the file too', () => {
    const dir = drops(trackingText(all.slice(0, 20)));
    writeFileSync(join(dir, 'drops/tracking-2.csv'), HTML);
    const r = cli(dir, 'audit', 'drops', '--fail-on', 'never');
    expect(r.stdout.split('\n')[0]).toBe(
      '⚠ 9 of 29 shipments have a tracking number no tracking file mentions (warning). ' +
        `1 input file could not be read, drops/tracking-2.csv: ${broken[0].reason}; the verdict may be incomplete.`,
    );
    expect(r.code).toBe(2);
  });

  it('a broken symbolic link where the tracking file was: listed as unreadable, a warning', () => {
    const dir = drops(undefined);
    symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'drops/tracking.csv'));
    const a = json(cli(dir, 'audit', 'drops', '--format', 'json', '--fail-on', 'never'));
    const entry = a.inputs.find((i: { file: string }) => i.file === 'drops/tracking.csv');
    expect(entry).toMatchObject({ kind: 'skipped', skipped: 'broken symbolic link (ENOENT)' });
    const r = cli(dir, 'check', '--as-of', '2026-11-10T06:00', '--format', 'json');
    expect(json(r).input.map((p: { kind: string }) => p.kind)).toContain('input-file');
    expect(r.code).toBe(1);
  });

  it('a symlinked tracking file and a symlinked folder are followed and listed with their targets', () => {
    const dir = drops(undefined);
    const elsewhere = folder({
      'tracking-oct.csv': trackingText(all.slice(0, 15)),
      'more/tracking-nov.csv': trackingText(all.slice(15)),
    });
    symlinkSync(join(elsewhere, 'tracking-oct.csv'), join(dir, 'drops/tracking.csv'));
    symlinkSync(join(elsewhere, 'more'), join(dir, 'drops/more'));
    const a = json(cli(dir, 'audit', 'drops', '--format', 'json'));
    const linked = a.inputs.filter((i: { symlink?: string }) => i.symlink);
    expect(linked.map((i: { file: string; kind: string; symlink: string }) => [i.file, i.kind, i.symlink])).toEqual([
      ['drops/more/tracking-nov.csv', 'tracking-events', join(elsewhere, 'more/tracking-nov.csv')],
      ['drops/tracking.csv', 'tracking-events', join(elsewhere, 'tracking-oct.csv')],
    ]);
    expect(a.summary.matchedWithTracking).toBe(29);
    expect(a.summary.findingsByRule['tracking-not-found']).toBe(0);
    const text = cli(dir, 'audit', 'drops').stdout;
    expect(text).toContain(`drops/tracking.csv → ${join(elsewhere, 'tracking-oct.csv')}`);
  });

  it('a symbolic link loop and a second link to the same file: listed, read once, no hang', () => {
    const dir = drops(trackingText(all));
    mkdirSync(join(dir, 'drops/sub'));
    symlinkSync(join(dir, 'drops'), join(dir, 'drops/sub/up'));
    symlinkSync(join(dir, 'drops/tracking.csv'), join(dir, 'drops/tracking-copy.csv'));
    const a = json(cli(dir, 'audit', 'drops', '--format', 'json'));
    const entries = a.inputs.filter((i: { skipped?: string }) => i.skipped);
    const skipped = Object.fromEntries(entries.map((i: { file: string; skipped: string }) => [i.file, i.skipped]));
    expect(skipped['drops/sub/up']).toBe(`symbolic link loop (back to ${join(dir, 'drops')})`);
    expect(skipped['drops/tracking.csv']).toBe('the same file as drops/tracking-copy.csv (read once)');
    expect(a.summary.matchedWithTracking).toBe(29);
    expect(a.summary.shipments).toBe(29);
  });
});
