import { expect, it } from 'vitest';
import { rule } from '../../src/rules/confirmed-before-handover.js';
import { ctx, event, scannedAt, shipment, stamp, testRule } from './build.js';

// Confirmed 2026-10-05 10:00 in Los Angeles (17:00 UTC) unless a case says otherwise.
const CONFIRMED = '2026-10-05T10:00:00-07:00';
const dateOnly = (day: string, offset = '-07:00', dayHours?: number) =>
  stamp(`${day}T00:00:00${offset}`, 'date', dayHours ? { zone: 'America/Los_Angeles', dayHours } : {});
const at = (confirmed: string | ReturnType<typeof stamp>, scan: string) =>
  shipment({
    confirmedAt: typeof confirmed === 'string' ? stamp(confirmed) : confirmed,
    tracking: scannedAt(scan),
  });

// The China Post story of DOMAIN.md: a scan written without offset, its zone inferred from the language.
const chinaPostScan = {
  ...stamp('2026-10-07T09:12:00+08:00'),
  raw: '2026-10-07 09:12',
  zoneSource: 'inferred' as const,
};

testRule(rule, {
  valid: [
    { name: 'no tracking data for the number', shipment: shipment() },
    {
      name: 'tracking without any possession scan (no-carrier-scan decides)',
      shipment: shipment({
        tracking: {
          events: 1,
          lastEvent: event('2026-10-05T09:00:00-07:00', 'Shipping Label Created, USPS Awaiting Item', 'information'),
        },
      }),
    },
    { name: 'scan 1 h after confirmation', shipment: at(CONFIRMED, '2026-10-05T11:00:00-07:00') },
    { name: 'scan exactly at the 24 h grace', shipment: at(CONFIRMED, '2026-10-06T10:00:00-07:00') },
    { name: 'scan before the confirmation (negative lag)', shipment: at(CONFIRMED, '2026-10-05T08:00:00-07:00') },
    {
      name: 'date-only confirmation, scan later the same day',
      shipment: at(dateOnly('2026-10-05'), '2026-10-05T18:00:00-07:00'),
    },
    {
      name: 'date-only confirmation, scan the next morning',
      shipment: at(dateOnly('2026-10-05'), '2026-10-06T09:00:00-07:00'),
    },
    {
      name: 'date-only confirmation, scan 23:59 the next day',
      shipment: at(dateOnly('2026-10-05'), '2026-10-06T23:59:00-07:00'),
    },
    {
      // The fall-back day lasts 25 h: its end is 2026-11-02 00:00 PST, so 23:30 PST next day is 23.5 h later.
      // A 24-hour day would put the end an hour early and the gap at 24.5 h.
      name: 'date-only confirmation on the 25-hour fall-back day (America/Los_Angeles)',
      shipment: at(dateOnly('2026-11-01', '-07:00', 25), '2026-11-02T23:30:00-08:00'),
    },
    {
      // 00:30 PDT → 01:30 PDT: the first of the two 01:30s, one real hour.
      name: 'fall-back: first 01:30 (PDT) is 1 h after 00:30, at a 1 h grace',
      shipment: at('2026-11-01T00:30:00-07:00', '2026-11-01T01:30:00-07:00'),
      ctx: { options: { graceHours: 1 } },
    },
    {
      name: 'graceHours 0: scan at the moment of confirmation',
      shipment: at(CONFIRMED, CONFIRMED),
      ctx: { options: { graceHours: 0 } },
    },
    {
      name: 'graceHours 48: scan 47 h later',
      shipment: at(CONFIRMED, '2026-10-07T09:00:00-07:00'),
      ctx: { options: { graceHours: 48 } },
    },
    {
      name: 'summary first-scan column within the grace',
      shipment: shipment({
        confirmedAt: stamp(CONFIRMED),
        tracking: {
          events: 0,
          summaryFirstScan: event('2026-10-05T15:00:00-07:00', 'first scan / pickup (package summary)'),
        },
      }),
    },
    {
      name: 'a first possession event takes precedence over a later summary first scan',
      shipment: shipment({
        confirmedAt: stamp(CONFIRMED),
        tracking: {
          ...scannedAt('2026-10-05T15:00:00-07:00'),
          summaryFirstScan: event('2026-10-09T15:00:00-07:00', 'first scan / pickup (package summary)'),
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'grace + 1 minute',
      shipment: at(CONFIRMED, '2026-10-06T10:01:00-07:00'),
      message:
        'confirmed 24.0 h before the first carrier scan (Accepted at USPS Origin Facility, 2026-10-06T10:01:00-07:00)',
      lagHours: 24,
    },
    {
      name: 'China Post scan four days later, zone inferred',
      shipment: shipment({
        trackingNumber: 'RB123456785CN',
        carrier: 'China Post',
        confirmedAt: stamp('2026-10-03T15:00:00+08:00'),
        tracking: scannedAt(chinaPostScan, '已收寄'),
      }),
      message: 'confirmed 90.2 h before the first carrier scan (已收寄, 2026-10-07 09:12 +08:00)',
      lagHours: 90.2,
    },
    {
      name: 'date-only confirmation, scan 3 days later',
      shipment: at(dateOnly('2026-10-05'), '2026-10-08T10:00:00-07:00'),
      message:
        'confirmed 58.0 h before the first carrier scan (Accepted at USPS Origin Facility, 2026-10-08T10:00:00-07:00); ' +
        'date-only confirmation: compared with the end of that day',
      lagHours: 58,
    },
    {
      name: 'date-only confirmation, scan 1 minute past the grace after the end of the day',
      shipment: at(dateOnly('2026-10-05'), '2026-10-07T00:01:00-07:00'),
      message: /^confirmed 24\.0 h .*date-only confirmation/,
      lagHours: 24,
    },
    {
      name: 'date-only confirmation on the fall-back day, scan 24 h 1 min after its end',
      shipment: at(dateOnly('2026-11-01', '-07:00', 25), '2026-11-03T00:01:00-08:00'),
      message: /^confirmed 24\.0 h /,
      lagHours: 24,
    },
    {
      // Wall clocks say 23.5 h; the extra hour of the fall-back night makes it 24.5 h.
      name: 'fall-back: noon PDT to 11:30 PST next day is 24.5 real hours',
      shipment: at('2026-10-31T12:00:00-07:00', '2026-11-01T11:30:00-08:00'),
      message: /^confirmed 24\.5 h /,
      lagHours: 24.5,
    },
    {
      name: 'fall-back: second 01:30 (PST) is 2 h after 00:30 PDT, at a 1 h grace',
      shipment: at('2026-11-01T00:30:00-07:00', '2026-11-01T01:30:00-08:00'),
      ctx: { options: { graceHours: 1 } },
      message: /^confirmed 2\.0 h /,
      lagHours: 2,
    },
    {
      name: 'graceHours 0: scan 6 minutes later',
      shipment: at(CONFIRMED, '2026-10-05T10:06:00-07:00'),
      ctx: { options: { graceHours: 0 } },
      message: /^confirmed 0\.1 h /,
      lagHours: 0.1,
    },
    {
      name: 'graceHours 48: scan 48 h 1 min later',
      shipment: at(CONFIRMED, '2026-10-07T10:01:00-07:00'),
      ctx: { options: { graceHours: 48 } },
      message: /^confirmed 48\.0 h /,
      lagHours: 48,
    },
    {
      name: 'date-only summary first scan counts from the start of its day',
      shipment: shipment({
        confirmedAt: stamp(CONFIRMED),
        tracking: {
          events: 0,
          summaryFirstScan: event(dateOnly('2026-10-09'), 'first scan / pickup (package summary)'),
        },
      }),
      message:
        'confirmed 86.0 h before the first carrier scan (first scan / pickup (package summary), 2026-10-09 -07:00); ' +
        'date-only scan: compared with the start of that day',
      lagHours: 86,
    },
  ],
});

it('judges two packages of one order independently', () => {
  const confirmedAt = stamp(CONFIRMED);
  const early = shipment({
    confirmedAt,
    trackingNumber: '9400111201080805483016',
    tracking: scannedAt('2026-10-08T10:00:00-07:00'),
  });
  const onTime = shipment({
    confirmedAt,
    trackingNumber: '9400111699000367101815',
    tracking: scannedAt('2026-10-05T16:00:00-07:00'),
  });
  expect(rule.check(early, ctx(rule))?.lagHours).toBe(72);
  expect(rule.check(onTime, ctx(rule))).toBeUndefined();
});
