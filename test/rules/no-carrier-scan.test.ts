import { rule } from '../../src/rules/no-carrier-scan.js';
import type { TrackingFacts } from '../../src/model/shipment.js';
import { event, scannedAt, shipment, stamp, testRule } from './build.js';

const confirmedAt = stamp('2026-10-05T10:00:00-07:00'); // 17:00 UTC
const dateOnly = stamp('2026-10-05T00:00:00-07:00', 'date');
const label = event('2026-10-05T09:30:00-07:00', 'Shipping Label Created, USPS Awaiting Item', 'information');
const labelOnly: TrackingFacts = { events: 1, lastEvent: label };
const preShipment: TrackingFacts = {
  events: 2,
  lastEvent: event('2026-10-06T04:10:00-07:00', 'Pre-Shipment Info Sent to USPS', 'information'),
};

testRule(rule, {
  valid: [
    { name: 'no tracking data for the number (tracking-not-found decides)', shipment: shipment({ confirmedAt }) },
    {
      name: 'a possession scan',
      shipment: shipment({ confirmedAt, tracking: scannedAt('2026-10-09T10:00:00-07:00') }),
    },
    {
      name: 'a summary first scan',
      shipment: shipment({
        confirmedAt,
        tracking: { events: 0, summaryFirstScan: event('2026-10-09T10:00:00-07:00', 'first scan') },
      }),
    },
    {
      name: 'a summary status proving possession without a time',
      shipment: shipment({
        confirmedAt,
        tracking: { events: 0, latestStatus: 'In Transit', possessionWithoutTime: true },
      }),
    },
    {
      name: 'label only, judged exactly at the grace',
      shipment: shipment({ confirmedAt, tracking: labelOnly }),
      ctx: { asOf: '2026-10-06T17:00:00Z' },
    },
    {
      name: 'label only, judged before the confirmation (asOf earlier than the data)',
      shipment: shipment({ confirmedAt, tracking: labelOnly }),
      ctx: { asOf: '2026-10-05T12:00:00Z' },
    },
    {
      name: 'date-only confirmation: counted from the end of its day',
      shipment: shipment({ confirmedAt: dateOnly, tracking: labelOnly }),
      ctx: { asOf: '2026-10-06T23:59:00-07:00' },
    },
    {
      name: 'graceHours 48: 47 h without a scan',
      shipment: shipment({ confirmedAt, tracking: labelOnly }),
      ctx: { asOf: '2026-10-07T16:00:00Z', options: { graceHours: 48 } },
    },
  ],
  invalid: [
    {
      name: 'label only, judged at grace + 1 minute',
      shipment: shipment({ confirmedAt, tracking: labelOnly }),
      ctx: { asOf: '2026-10-06T17:01:00Z' },
      message:
        'no carrier scan 24.0 h after confirmation: only "Shipping Label Created, USPS Awaiting Item" (2026-10-05T09:30:00-07:00)',
    },
    {
      name: 'several information events',
      shipment: shipment({ confirmedAt, tracking: preShipment }),
      ctx: { asOf: '2026-10-09T17:00:00Z' },
      message:
        'no carrier scan 96.0 h after confirmation: 2 events, none a carrier scan; ' +
        'last "Pre-Shipment Info Sent to USPS" (2026-10-06T04:10:00-07:00)',
    },
    {
      name: 'package summary with a status only',
      shipment: shipment({ confirmedAt, tracking: { events: 0, latestStatus: 'Label created' } }),
      message: /after confirmation: package status "Label created"$/,
    },
    {
      name: 'package summary without status',
      shipment: shipment({ confirmedAt, tracking: { events: 0 } }),
      message: /: the tracking file lists the number without any event$/,
    },
    {
      name: 'date-only confirmation, 24 h 1 min after the end of its day',
      shipment: shipment({ confirmedAt: dateOnly, tracking: labelOnly }),
      ctx: { asOf: '2026-10-07T00:01:00-07:00' },
      message:
        /^no carrier scan 24\.0 h after confirmation \(date-only confirmation: counted from the end of that day\): only /,
    },
    {
      name: 'graceHours 0: 6 minutes without a scan',
      shipment: shipment({ confirmedAt, tracking: labelOnly }),
      ctx: { asOf: '2026-10-05T17:06:00Z', options: { graceHours: 0 } },
      message: /^no carrier scan 0\.1 h after confirmation/,
    },
  ],
});
