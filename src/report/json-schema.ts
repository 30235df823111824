import { z } from 'zod';

/**
 * The documented shape of `shipaudit audit --format json` (see README, "JSON output"). Tests validate
 * the sample month's output against it, and `docs/audit-output.schema.json` is generated from it, so the
 * documentation can't drift from what the tool prints.
 */
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/, 'ISO 8601 date-time with offset, or a date');
const source = z.object({ file: z.string(), line: z.number().int().positive() });
const rateFigure = z.object({
  count: z.number().int(),
  of: z.number().int(),
  value: z.number().nullable(),
  label: z.string(),
  target: z.string(),
  meetsTarget: z.boolean().nullable(),
  basis: z.string(),
});
const lag = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() });
const group = z.object({
  key: z.string(),
  shipments: z.number().int(),
  earlyConfirmations: z.number().int(),
  withScanTime: z.number().int(),
  earlyConfirmationRate: z.number().nullable(),
  lateConfirmations: z.number().int(),
  withPhysicalScan: z.number().int(),
  lagHours: lag,
  carriers: z.array(z.string()),
});
const timeEvidence = z.object({ raw: z.string(), precision: z.enum(['datetime', 'date']), zone: z.string() });

export const findingJsonSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  orderId: z.string(),
  trackingNumber: z.string(),
  carrier: z.string().nullable(),
  purchasedAt: iso.nullable(),
  latestShipDate: iso.nullable(),
  confirmedAt: iso,
  firstCarrierScanAt: iso.nullable(),
  latestShipDateComputed: z.boolean(),
  lagHours: z.number().nullable(),
  lagPrecision: z.enum(['datetime', 'date']).nullable(),
  firstScanEvent: z.string().nullable(),
  firstScanLocation: z.string().nullable(),
  sources: z.object({ confirmation: source, order: source.optional(), firstScan: source.optional() }),
  evidence: z.record(z.string(), timeEvidence),
});

export const auditJsonSchema = z.object({
  tool: z.object({ name: z.literal('shipaudit'), version: z.string() }),
  asOf: iso,
  asOfSource: z.enum(['option', 'newest tracking event', 'clock']),
  marketplaceZone: z.string(),
  window: z.object({ from: z.string().optional(), to: z.string().optional() }),
  graceHours: z.number(),
  summary: z.object({
    shipments: z.number().int(),
    excluded: z.record(z.string(), z.number().int()),
    confirmationsWithoutOrder: z.number().int(),
    matchedWithTracking: z.number().int(),
    withPhysicalScan: z.number().int(),
    hasTrackingData: z.boolean(),
    hasOrderData: z.boolean(),
    findingsByRule: z.record(z.string(), z.number().int()),
    findingsBySeverity: z.object({ error: z.number().int(), warning: z.number().int() }),
    shipmentsWithErrors: z.number().int(),
    earlyConfirmationRate: rateFigure,
    lateShipmentRate10: rateFigure,
    lateShipmentRate30: rateFigure,
    validTrackingRate: rateFigure,
    lagHours: lag,
    rowsRejected: z.number().int(),
    eventsIgnoredForClock: z.number().int(),
  }),
  byCarrier: z.array(group),
  byWeek: z.array(group),
  findings: z.array(findingJsonSchema),
  inputs: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      encoding: z.string(),
      delimiter: z.string(),
      rowsRead: z.number().int(),
      rowsRejected: z.number().int(),
      problems: z.array(z.object({ file: z.string(), line: z.number().int(), message: z.string() })),
      zoneNote: z.string(),
      skipped: z.string().optional(),
      warning: z.string().optional(),
      symlink: z.string().optional(),
      encodingNote: z.string().optional(),
    }),
  ),
  unclassifiedEvents: z.array(z.object({ description: z.string(), count: z.number().int() })),
  unclassifiedMore: z.object({ texts: z.number().int(), events: z.number().int() }).optional(),
  notes: z.array(z.string()),
});
