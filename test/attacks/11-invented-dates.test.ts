import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, confirmationsText, folder, month, ordersText, trackingText } from './gen.js';

/**
 * Issue 15, item 11: invented dates reach Amazon. Dates the user types and config values are checked
 * strictly: real calendar days, a grace of 0–720 h, IANA zones (not abbreviations), no key slipped past
 * the schema through "__proto__".
 */
const before = month('2026-10-01', 20);
const after = month('2026-11-01', 20).map((s) => ({
  ...s,
  orderId: s.orderId.replace('113-', '114-'),
  trackingNumber: s.trackingNumber.replace(/^94001118995620/, '94001118995621'),
}));
const both = [...before, ...after];
const data = () =>
  folder({
    'in/orders.txt': ordersText(both),
    'in/confirmations.txt': confirmationsText(both),
    'in/tracking.csv': trackingText(both),
  });
const notReal = (day: string) => `"${day}" is not a real date (no such day in the calendar)`;
const abbreviation = (name: string, meant: string) =>
  `"${name}" is an abbreviation, not a time zone: use an IANA name such as ${meant}`;
const EST = abbreviation('EST', 'America/New_York');

describe('attack 11: invented dates and values', () => {
  const flags = [
    { args: ['audit', 'in', '--from', '2026-02-30'], error: `--from: ${notReal('2026-02-30')}` },
    { args: ['audit', 'in', '--from', '2026-13-01'], error: `--from: ${notReal('2026-13-01')}` },
    { args: ['audit', 'in', '--to', '2026-04-31'], error: `--to: ${notReal('2026-04-31')}` },
    {
      args: ['audit', 'in', '--grace', '100000h'],
      error: '--grace: 100000h is more than 720 h (30 days); give hours such as 24h',
    },
    { args: ['audit', 'in', '--marketplace-tz', 'EST'], error: `--marketplace-tz: ${EST}` },
    {
      args: ['audit', 'in', '--marketplace-tz', 'PST8PDT'],
      error: `--marketplace-tz: ${abbreviation('PST8PDT', 'America/Los_Angeles')}`,
    },
    {
      args: ['appeal', 'in', '--fixed-on', '2026-11-31', '--out', 'pack'],
      error: `--fixed-on: ${notReal('2026-11-31')}`,
    },
    {
      args: ['appeal', 'in', '--fixed-on', '2099-01-01', '--out', 'pack'],
      error: '--fixed-on: 2099-01-01 is in the future: give the day the fix took effect',
    },
  ];
  for (const f of flags) {
    it(`${f.args.slice(2).join(' ')} is refused, exit 2`, () => {
      const dir = data();
      const r = cli(dir, ...f.args);
      expect([r.code, r.stderr, r.stdout]).toEqual([2, `shipaudit: ${f.error}\n`, '']);
      expect(existsSync(join(dir, 'pack'))).toBe(false);
    });
  }

  it('control: a real --fixed-on writes the pack', () => {
    const dir = data();
    const r = cli(dir, 'appeal', 'in', '--fixed-on', '2026-11-01', '--out', 'pack');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(existsSync(join(dir, 'pack/plan-of-action.txt'))).toBe(true);
  });

  const configs = [
    {
      config: '{ "rules": { "confirmed-before-handover": { "graceHours": -5 } } }',
      error: 'rules.confirmed-before-handover.graceHours: expected hours from 0 to 720, got -5',
    },
    {
      config: '{ "rules": { "no-carrier-scan": { "graceHours": 100000 } } }',
      error: 'rules.no-carrier-scan.graceHours: expected hours from 0 to 720, got 100000',
    },
    { config: '{ "marketplaceTimeZone": "EST" }', error: `marketplaceTimeZone: ${EST}` },
    {
      config: '{ "files": [{ "match": "*.csv", "timeZone": "CST" }] }',
      error: `files.0.timeZone: ${abbreviation('CST', 'America/Chicago')}`,
    },
    {
      config: '{ "handling": { "holidays": ["2026-11-31"] } }',
      error: `handling.holidays.0: ${notReal('2026-11-31')}`,
    },
    { config: '{ "__proto__": { "graceHours": 12 } }', error: '__proto__: unknown key' },
    { config: '{ "handling": { "__proto__": { "days": 99 } } }', error: 'handling.__proto__: unknown key' },
  ];
  for (const c of configs) {
    it(`config ${c.config} is refused with its path, exit 2`, () => {
      const dir = data();
      writeFileSync(join(dir, 'c.json'), c.config);
      const r = cli(dir, 'audit', 'in', '--config', 'c.json');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^shipaudit: c\\.json: ${c.error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(r.stdout).toBe('');
    });
  }
});
