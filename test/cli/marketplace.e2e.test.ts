import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Without a configured zone, the marketplace zone follows the orders' sales channel. The confirmation
 * upload's ship-date is a date only, placed in the marketplace zone: for Amazon.co.uk, 15 Nov ends at
 * 2024-11-16T00:00Z, not at 08:00Z as in Los Angeles, and that moves the gap to the first scan by 8 hours.
 */
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-market-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = readFileSync(join(ROOT, '../shared/real-samples/audit-us/all-orders.txt'), 'utf8').split('\n')[0];
const order = (id: string, channel: string, country: string) =>
  [
    id,
    '',
    '2024-11-14T20:05:00+00:00',
    '2024-11-14T20:05:00+00:00',
    'Shipped',
    'Merchant',
    channel,
    '',
    '',
    'Standard',
    'Widget',
    'W-1',
    'B0TEST0001',
    'Shipped',
    '1',
    'GBP',
    '19.99',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    'CITY',
    '',
    '00000',
    country,
    '',
    'false',
    '',
    '',
    'false',
  ].join('\t');
const CONFIRMATIONS = [
  'order-id',
  'order-item-id',
  'quantity',
  'ship-date',
  'carrier-code',
  'carrier-name',
  'tracking-number',
  'ship-method',
].join('\t');
const conf = (id: string, carrier: string, number: string) =>
  [id, '', '', '2024-11-15', carrier, '', number, 'Standard'].join('\t');

function folder(name: string, orders: string[], confs: string[], events: string[]): string {
  const d = join(dir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d);
  writeFileSync(join(d, 'all-orders.txt'), [HEADER, ...orders, ''].join('\n'));
  writeFileSync(join(d, 'confirmations.txt'), [CONFIRMATIONS, ...confs, ''].join('\n'));
  const header = 'Tracking Number,Carrier,Event Time,Event,Location';
  writeFileSync(join(d, 'tracking.csv'), [header, ...events, ''].join('\n'));
  return d;
}
const audit = (d: string, ...args: string[]) =>
  JSON.parse(runCli(['audit', d, '--format', 'json', '--fail-on', 'never', ...args]).stdout);

describe('the marketplace zone follows the sales channel', () => {
  // Picked up 27 h after the end of 15 Nov in London, 19 h after its end in Los Angeles.
  const uk = folder(
    'uk',
    [order('203-0000000-0000001', 'Amazon.co.uk', 'GB')],
    [conf('203-0000000-0000001', 'Royal Mail', 'RB123456785GB')],
    ['RB123456785GB,Royal Mail,2024-11-17T03:00:00+00:00,Picked up,"LONDON, GB"'],
  );

  it('Amazon.co.uk: Europe/London, said in the report, and the date-only confirmation ends at London midnight', () => {
    const j = audit(uk);
    expect(j.marketplaceZone).toBe('Europe/London');
    expect(j.notes[0]).toBe('marketplace zone: Europe/London (from sales channel Amazon.co.uk)');
    const found = j.findings.map((f: any) => [f.rule, f.lagHours, f.confirmedAt]);
    expect(found).toEqual([['confirmed-before-handover', 27, '2024-11-15']]);
    expect(j.findings[0].evidence.confirmedAt.zone).toBe('Europe/London, inferred: from sales channel Amazon.co.uk');
    expect(runCli(['audit', uk, '--fail-on', 'never']).stdout).toMatch(
      /times below are in Europe\/London[\s\S]*marketplace zone: Europe\/London \(from sales channel Amazon\.co\.uk\)/,
    );
  });

  it('a configured zone wins over the sales channel', () => {
    const j = audit(uk, '--marketplace-tz', 'America/Los_Angeles');
    expect(j.marketplaceZone).toBe('America/Los_Angeles');
    expect(j.findings).toEqual([]);
    expect(j.notes.join(' ')).not.toMatch(/sales channel/);
  });

  it('orders of several marketplaces: each order placed by its own channel, and the report says so', () => {
    const d = folder(
      'mixed',
      [
        order('203-0000000-0000001', 'Amazon.co.uk', 'GB'),
        order('203-0000000-0000002', 'Amazon.co.uk', 'GB'),
        order('111-0000000-0000003', 'Amazon.com', 'US'),
      ],
      [
        conf('203-0000000-0000001', 'Royal Mail', 'RB123456785GB'),
        conf('111-0000000-0000003', 'USPS', '9400109104250532908587'),
      ],
      [
        'RB123456785GB,Royal Mail,2024-11-17T03:00:00+00:00,Picked up,"LONDON, GB"',
        // 25 h after the end of 15 Nov in Los Angeles (33 h after its end in London)
        '9400109104250532908587,USPS,2024-11-17T09:00:00+00:00,USPS in possession of item,"JAMAICA, NY 11430"',
      ],
    );
    const j = audit(d);
    expect(j.marketplaceZone).toBe('Europe/London');
    expect(j.notes[1]).toMatch(
      new RegExp(
        String.raw`^The orders name several marketplaces \(Amazon\.co\.uk 2 \(Europe/London\), ` +
          String.raw`Amazon\.com 1 \(America/Los_Angeles\)\): each order's times`,
      ),
    );
    const lag = Object.fromEntries(j.findings.map((f: any) => [f.orderId, f.lagHours]));
    expect(lag).toEqual({ '203-0000000-0000001': 27, '111-0000000-0000003': 25 });
    const us = j.findings.find((f: any) => f.orderId === '111-0000000-0000003');
    expect(us.evidence.confirmedAt.zone).toBe('America/Los_Angeles, inferred: from sales channel Amazon.com');
    // The same with the tracking file in a second thread (it gets no per-order zone: it reads no Amazon times).
    const env = { SHIPAUDIT_THREAD_MIN_MB: '0' };
    const threaded = runCli(['audit', d, '--format', 'json', '--fail-on', 'never'], { env });
    expect(threaded.stderr).toBe('');
    expect(JSON.parse(threaded.stdout)).toEqual(j);
  });

  it('Amazon.com alone keeps the default zone, as before', () => {
    const j = audit(join(ROOT, 'fixtures/sample-month'));
    expect(j.marketplaceZone).toBe('America/Los_Angeles');
    expect(j.notes.join(' ')).not.toMatch(/sales channel/);
  });
});

describe('explain follows the sales channel too', () => {
  it('places the UK order in Europe/London', () => {
    const d = join(dir, 'uk');
    const e = JSON.parse(runCli(['explain', '203-0000000-0000001', d, '--format', 'json']).stdout);
    expect(e.zone).toBe('Europe/London');
    expect(e.timeline.find((t: any) => t.what === 'confirmed shipped').detail).toMatch(
      /\[Europe\/London, inferred: from sales channel Amazon\.co\.uk\]/,
    );
  });
});
