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

const FIELDS = [
  'orderId',
  'orderItemId',
  'purchaseDate',
  'earliestShipDate',
  'latestShipDate',
  'promiseDate',
  'orderStatus',
  'itemStatus',
  'fulfillmentChannel',
  'salesChannel',
  'shipServiceLevel',
  'quantity',
  'quantityToShip',
  'shipDate',
  'shipTime',
  'carrierCode',
  'carrierName',
  'trackingNumber',
  'shipMethod',
  'eventTime',
  'eventDate',
  'eventClock',
  'utcOffset',
  'description',
  'statusCode',
  'status',
  'location',
  'city',
  'state',
  'postalCode',
  'country',
  'carrier',
  'firstScan',
  'latestEvent',
  'latestEventTime',
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
  .refine(
    (e) => [e.phrase, e.code, e.pattern].filter(Boolean).length === 1,
    'give exactly one of "phrase", "code" or "pattern"',
  );

/**
 * A secret is never written in the config: the config names the environment variable holding it, or a file
 * (readable by its owner only, mode 0600) whose content it is. Exactly one of the two.
 */
function secretKeys<const K extends string>(name: K) {
  return {
    [`${name}Env`]: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name')
      .optional(),
    [`${name}File`]: z.string().min(1).optional(),
  } as Record<`${K}Env` | `${K}File`, z.ZodOptional<z.ZodString>>;
}
const oneSecret = (name: string) => (o: Record<string, unknown>) =>
  (o[`${name}Env`] === undefined) !== (o[`${name}File`] === undefined);
const secretMessage = (name: string) => ({
  message: `give exactly one of "${name}Env" (an environment variable's name) or "${name}File" (a file with mode 0600)`,
  path: [`${name}Env`],
});

const sources = z
  .object({
    /** Where fetched responses are saved, relative to the config file's folder (default .shipaudit/data). */
    data: z.string().min(1).optional(),
    amazon: z
      .object({
        region: z.enum(['NA', 'EU', 'FE']),
        marketplaceIds: z
          .array(z.string().regex(/^[A-Z0-9]{8,20}$/, 'expected a marketplace id such as ATVPDKIKX0DER'))
          .min(1),
        /** Orders created this many days back are fetched on each run (default 35). */
        days: z.number().int().min(1).max(180).optional(),
        ...secretKeys('refreshToken'),
        ...secretKeys('clientId'),
        ...secretKeys('clientSecret'),
      })
      .strict()
      .refine(oneSecret('refreshToken'), secretMessage('refreshToken'))
      .refine(oneSecret('clientId'), secretMessage('clientId'))
      .refine(oneSecret('clientSecret'), secretMessage('clientSecret'))
      .optional(),
    tracking: z
      .object({
        // Carrier APIs (USPS, UPS): not yet (docs/connectors.md).
        service: z.enum(['17track', 'aftership']),
        ...secretKeys('apiKey'),
      })
      .strict()
      .refine(oneSecret('apiKey'), secretMessage('apiKey'))
      .optional(),
  })
  .strict();

const ruleSetting = z.union([
  severity,
  z.object({ severity: severity.optional() }).catchall(z.union([z.number(), z.string(), z.boolean()])),
]);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    marketplaceTimeZone: z.string().optional(),
    graceHours: z
      .number()
      .min(0)
      .max(24 * 30)
      .optional(),
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
    // Where `shipaudit fetch` (and `check`) get orders and tracking from
    sources: sources.optional(),
    // The nightly check
    inputs: z.array(z.string().min(1)).optional(),
    failOn: z.enum(['error', 'warning', 'never']).optional(),
    staleAfterHours: z.number().positive().optional(),
    maxQuietHours: z.number().positive().optional(),
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
        graceLeftHours: z
          .number()
          .min(0)
          .max(24 * 30)
          .optional(),
        shipWithinHours: z
          .number()
          .min(0)
          .max(24 * 30)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
