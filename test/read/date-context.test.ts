import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PackageSummary, TrackingEvent } from '../../src/model/records.js';
import { InputError, readInput } from '../../src/read/index.js';

/**
 * What a column's context says about its dates: a pickup column of dates (or of midnights written by a
 * spreadsheet) holds days, not moments; a tracking export of US carriers at US places writes a/b/yyyy
 * month first even where no value shows it.
 */
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MARKET = { marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed' as const, note: 'default' } };

async function read(name: string, lines: string[]) {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  const events: TrackingEvent[] = [];
  const packages: PackageSummary[] = [];
  const report = await readInput(file, { event: (e) => events.push(e), package: (p) => packages.push(p) }, MARKET);
  return { report, events, packages };
}

describe('a pickup column of dates is a column of days', () => {
  it.each([
    // pickup text, precision, local date, start of that day (UTC)
    // (nothing in the row places it: the marketplace zone, Los Angeles, PST)
    ['2024-11-18', 'date', '2024-11-18', '2024-11-18T08:00:00Z'],
    ['2024-11-18 00:00:00', 'date', '2024-11-18', '2024-11-18T08:00:00Z'],
    ['2024-11-18T00:00:00', 'date', '2024-11-18', '2024-11-18T08:00:00Z'],
    ['2024-11-18 11:10', 'datetime', '2024-11-18', '2024-11-18T19:10:00Z'],
    ['2024-11-18T00:00:00-05:00', 'datetime', '2024-11-18', '2024-11-18T05:00:00Z'],
  ])('Pickup Date %j → %s', async (pickup, precision, localDate, utc) => {
    const { packages, report } = await read('summary.csv', [
      'Tracking Number,Carrier,Status,Pickup Date',
      `9400109104250532908587,USPS,Delivered,${pickup}`,
    ]);
    expect(report.kind).toBe('tracking-summary');
    expect(packages[0].firstScanAt).toMatchObject({ raw: pickup, precision, localDate, epochMs: Date.parse(utc) });
  });
});

describe('US carriers at US places write month first', () => {
  it('reads 11/05/2024 as 5 November for USPS in Florida', async () => {
    const { events } = await read('us.csv', [
      'Tracking Number,Carrier,Event Time,Event,Location',
      '9400109104250532908587,USPS,11/05/2024 13:58,"Delivered, Parcel Locker","HERNANDO, FL 34442"',
      '9400109104250532908587,USPS,11/04/2024 9:10,Out for Delivery,',
    ]);
    expect(events.map((e) => e.at!.localDate)).toEqual(['2024-11-05', '2024-11-04']);
  });

  it.each([
    ['UPS in London', '1Z4189020353476816,UPS,11/05/2024 13:58,DELIVERED,"LONDON, GB"'],
    ['Royal Mail at a US place', 'RB123456785GB,Royal Mail,11/05/2024 13:58,Delivered,"HERNANDO, FL 34442"'],
    ['USPS with no place', '9400109104250532908587,USPS,11/05/2024 13:58,Delivered,'],
  ])('still asks for the order: %s', async (_, line) => {
    const err = await read('ask.csv', ['Tracking Number,Carrier,Event Time,Event,Location', line]).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(String(err.message)).toMatch(/ambiguous date "11\/05\/2024".*set "dateOrder"/);
  });
});

// "06/10/2026 02:21 PM": month first in the US, day first in India and Australia, both with a 12-hour clock.
describe('a 12-hour clock marks US style in a US zone only', () => {
  const lines = [
    'Order Number,Ship Date,Carrier,Tracking Number',
    '407-1234567-1234567,06/10/2026 02:21 PM,Delhivery,1234567890123',
  ];
  const confirmations = async (zone: string, fileZone?: string) => {
    const file = join(dir, `confirmations-${zone.replace('/', '-')}-${fileZone?.replace('/', '-')}.csv`);
    writeFileSync(file, lines.join('\n'));
    const got: string[] = [];
    const report = await readInput(
      file,
      { confirmation: (c) => got.push(c.confirmedAt!.localDate) },
      { marketplaceZone: { zone, source: 'setting' as const }, ...(fileZone ? { fileZone } : {}) },
    );
    return { got, report };
  };

  // A US store's ERP export kept in Beijing time (config files[].timeZone): still written the US way.
  it('Los Angeles marketplace, the file in Asia/Shanghai: June 10 all the same', async () => {
    expect((await confirmations('America/Los_Angeles', 'Asia/Shanghai')).got).toEqual(['2026-06-10']);
  });

  it('Los Angeles: June 10 (month first)', async () => {
    expect((await confirmations('America/Los_Angeles')).got).toEqual(['2026-06-10']);
  });

  it.each(['Asia/Kolkata', 'Australia/Sydney'])('%s: not guessed, the read asks for dateOrder', async (zone) => {
    const err = await confirmations(zone).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(String(err.message)).toMatch(/dateOrder/);
  });
});
