import { z } from 'zod';

/**
 * The documented shapes of the commands' JSON: `audit`, `check`, `inspect` and `explain --format json` (see
 * README, "JSON output"). Tests validate real output against them, and `docs/<command>-output.schema.json`
 * is generated from them (scripts/write-json-schema.ts), so the documentation can't drift from what the
 * tool prints. Every output starts with `schemaVersion`.
 */
const schemaVersion = z
  .literal(1)
  .describe('version of this JSON shape; goes up when a key is renamed, removed or changes meaning');
const iso = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/, 'ISO 8601 date-time with offset, or a date');
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
const lag = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});
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

const findingJsonSchema = z.object({
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

/** Why shipments were left out: stable keys; a reason with none is absent. */
const excluded = z
  .object({
    afn: z.number().int().describe('orders fulfilled by Amazon (AFN)').optional(),
    cancelled: z.number().int().describe('cancelled orders').optional(),
    'outside-window': z.number().int().describe('shipments confirmed outside the --from/--to window').optional(),
  })
  .strict();

export const auditJsonSchema = z.object({
  schemaVersion,
  tool: z.object({ name: z.literal('shipaudit'), version: z.string() }),
  asOf: iso,
  asOfSource: z.enum(['option', 'newest tracking event', 'clock']),
  marketplaceZone: z.string(),
  window: z.object({ from: z.string().optional(), to: z.string().optional() }),
  graceHours: z.number(),
  summary: z.object({
    shipments: z.number().int(),
    excluded,
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

const level = z.enum(['error', 'warning']);
const tool = z.object({ name: z.literal('shipaudit'), version: z.string() });

/** `shipaudit check --format json`, also the dated reports of `check --out`. */
export const checkJsonSchema = z.object({
  schemaVersion,
  command: z.literal('check'),
  tool,
  asOf: iso,
  marketplaceZone: z.string(),
  window: z.object({ from: z.string(), to: z.string(), days: z.number().int() }),
  status: z.enum(['error', 'warning', 'ok']),
  checked: z.object({
    shipments: z.number().int(),
    inputFiles: z.number().int(),
    newestTrackingData: z.string().nullable(),
    newestConfirmation: z.string().optional(),
  }),
  newFindings: z.array(findingJsonSchema),
  alreadyReported: z.object({ count: z.number().int(), byRule: z.record(z.string(), z.number().int()) }),
  atRisk: z.object({
    shipments: z.array(
      z.object({
        level,
        orderId: z.string(),
        trackingNumber: z.string(),
        carrier: z.string().optional(),
        confirmedAt: iso,
        hoursSinceConfirmation: z.number(),
        graceHours: z.number(),
        hoursLeft: z.number(),
        lastEvent: z.object({ description: z.string(), at: z.string() }).optional(),
      }),
    ),
    orders: z.array(
      z.object({
        level,
        orderId: z.string(),
        latestShipDate: z.string(),
        latestShipDateComputed: z.boolean(),
        hoursLeft: z.number(),
        snapshot: z.string().optional(),
      }),
    ),
  }),
  metrics: z.array(
    z.object({
      id: z.enum(['lsr10', 'lsr30', 'vtr', 'early']),
      label: z.string(),
      value: z.number().nullable(),
      count: z.number().int(),
      of: z.number().int(),
      target: z.string(),
      warnAt: z.string(),
      level: z.enum(['error', 'warning', 'ok', 'n/a']),
      trend: z.object({ from: z.number(), to: z.number(), since: z.string(), days: z.number() }).optional(),
    }),
  ),
  input: z.array(
    z.object({
      level,
      kind: z.enum([
        'stale-tracking',
        'no-tracking',
        'stale-orders',
        'no-orders',
        'stale-confirmations',
        'no-confirmations',
        'stale-unshipped',
        'clock-behind',
        'input-file',
        'rejected-rows',
        'unclassified-events',
        'empty-glob',
        'state',
        'fetch',
      ]),
      message: z.string(),
    }),
  ),
  unclassifiedEvents: z.array(z.object({ description: z.string(), count: z.number().int() })),
  unclassifiedMore: z.object({ texts: z.number().int(), events: z.number().int() }).optional(),
  state: z.object({ file: z.string(), status: z.enum(['ok', 'created', 'rebuilt']), message: z.string().optional() }),
});

/** `shipaudit inspect --format json`. */
export const inspectJsonSchema = z.object({
  schemaVersion,
  files: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      title: z.string(),
      encoding: z.string(),
      delimiter: z.string(),
      quoting: z.boolean(),
      rowsRead: z.number().int(),
      rowsRejected: z.number().int(),
      problems: z.array(z.object({ file: z.string(), line: z.number().int(), message: z.string() })),
      mapping: z.array(z.object({ field: z.string(), header: z.string() })),
      zoneNote: z.string(),
      samples: z.array(z.record(z.string(), z.string())),
      unclassified: z.array(z.object({ description: z.string(), count: z.number().int() })).optional(),
    }),
  ),
  /** Files in a folder that were not read, as the audit passes them over, and why. */
  skipped: z.array(z.object({ file: z.string(), why: z.string() })),
  failures: z.array(z.object({ file: z.string(), error: z.string() })),
});

/** `shipaudit explain ORDER-ID --format json`. */
export const explainJsonSchema = z.object({
  schemaVersion,
  orderId: z.string(),
  zone: z.string(),
  asOf: iso,
  timeline: z.array(z.object({ when: z.string(), what: z.string(), detail: z.string(), source: source })),
  findings: z.array(findingJsonSchema),
});

/** Each command's schema and the file in docs/ it is published as. */
export const PUBLISHED_SCHEMAS = [
  { file: 'audit-output.schema.json', schema: auditJsonSchema },
  { file: 'check-output.schema.json', schema: checkJsonSchema },
  { file: 'inspect-output.schema.json', schema: inspectJsonSchema },
  { file: 'explain-output.schema.json', schema: explainJsonSchema },
] as const;
