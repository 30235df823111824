import { z } from 'zod';

/**
 * The config file (shipaudit.config.json; comments allowed). Every key is optional; unknown keys are
 * errors, so a typo is reported with its path instead of being ignored.
 */
const severity = z.enum(['error', 'warning', 'off']);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm, e.g. "14:00"');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const weekday = z.enum(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
const headerNames = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const FIELDS = [
  'orderId', 'orderItemId', 'purchaseDate', 'earliestShipDate', 'latestShipDate', 'promiseDate', 'orderStatus',
  'itemStatus', 'fulfillmentChannel', 'salesChannel', 'shipServiceLevel', 'quantity', 'quantityToShip', 'shipDate',
  'shipTime', 'carrierCode', 'carrierName', 'trackingNumber', 'shipMethod', 'eventTime', 'eventDate', 'eventClock',
  'utcOffset', 'description', 'statusCode', 'status', 'location', 'city', 'state', 'postalCode', 'country', 'carrier',
  'firstScan', 'latestEvent', 'latestEventTime',
] as const;

const eventEntry = z
  .object({
    phrase: z.string().min(1).optional(),
    code: z.string().min(1).optional(),
    pattern: z.string().min(1).optional(),
    class: z.enum(['physical', 'information', 'delivered', 'exception']),
    possession: z.boolean().optional(),
    carriers: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((e) => [e.phrase, e.code, e.pattern].filter(Boolean).length === 1, 'give exactly one of "phrase", "code" or "pattern"');

const ruleSetting = z.union([
  severity,
  z.object({ severity: severity.optional() }).catchall(z.union([z.number(), z.string(), z.boolean()])),
]);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    marketplaceTimeZone: z.string().optional(),
    graceHours: z.number().min(0).max(24 * 30).optional(),
    handling: z
      .object({
        days: z.number().int().min(0).max(30).optional(),
        operatingDays: z.array(weekday).min(1).optional(),
        holidays: z.array(isoDay).optional(),
        sameDayCutoff: hhmm.optional(),
      })
      .strict()
      .optional(),
    rules: z.record(z.string(), ruleSetting).optional(),
    columns: z.partialRecord(z.enum(FIELDS), headerNames).optional(),
    events: z.array(eventEntry).optional(),
    acceptancePendingIsPossession: z.boolean().optional(),
    files: z
      .array(
        z
          .object({
            match: z.string().min(1),
            timeZone: z.string().optional(),
            dateOrder: z.enum(['month-first', 'day-first']).optional(),
          })
          .strict(),
      )
      .optional(),
    // The nightly check
    inputs: z.array(z.string().min(1)).optional(),
    failOn: z.enum(['error', 'warning', 'never']).optional(),
    staleAfterHours: z.number().positive().optional(),
    state: z.string().min(1).optional(),
    keepReports: z.number().int().min(1).optional(),
    thresholds: z
      .object({
        lateShipmentRateWarn: z.number().min(0).max(1).optional(),
        validTrackingRateWarn: z.number().min(0).max(1).optional(),
        earlyConfirmationRateWarn: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    atRisk: z
      .object({
        graceLeftHours: z.number().min(0).max(24 * 30).optional(),
        shipWithinHours: z.number().min(0).max(24 * 30).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
