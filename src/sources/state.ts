import { z } from 'zod';

/**
 * What `shipaudit fetch` remembers between runs, in `<data>/.fetch-state.json` (hidden: never read as an
 * input): where an Amazon search that stopped stands (its page token), the last complete search, and
 * per tracking number whether 17TRACK has it registered and whether its parcel is delivered (then it is
 * not asked again). It holds no secret and no buyer data.
 */
const iso = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO date-time');

const query = z.object({ marketplaceIds: z.array(z.string()), createdAfter: iso, createdBefore: iso }).strict();

const amazonRun = z
  .object({
    runId: z.string().min(1),
    /** The run's folder, relative to the data folder. */
    dir: z.string().min(1),
    query,
    /** The next page to ask for, and its token (none before the first page). */
    next: z.object({ page: z.number().int().min(1), token: z.string().optional() }).strict(),
    pages: z.number().int().min(0),
    orders: z.number().int().min(0),
    startedAt: iso,
    finishedAt: iso.optional(),
  })
  .strict();

const numberState = z
  .object({
    registered: iso.optional(),
    fetched: iso.optional(),
    /** Set when 17TRACK's latest status was final: the number is not asked again. */
    delivered: iso.optional(),
  })
  .strict();

const fetchStateSchema = z
  .object({
    version: z.literal(1),
    amazon: z
      .object({ running: amazonRun.optional(), last: amazonRun.optional(), superseded: z.array(z.string()) })
      .strict(),
    tracking: z
      .object({
        numbers: z.record(z.string().min(1), numberState),
        /** A tracking run that stopped: the numbers it had done, so that a run soon after goes on from there. */
        running: z
          .object({ runId: z.string(), startedAt: iso, done: z.array(z.string()) })
          .strict()
          .optional(),
        quota: z
          .object({ at: iso, total: z.number().optional(), used: z.number().optional(), remain: z.number().optional() })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();

export type FetchState = z.infer<typeof fetchStateSchema>;
export type AmazonRun = z.infer<typeof amazonRun>;

export function emptyFetchState(): FetchState {
  return { version: 1, amazon: { superseded: [] }, tracking: { numbers: {} } };
}

export function parseFetchState(text: string): { ok: true; state: FetchState } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  const r = fetchStateSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, reason: `${i.path.join('.') || '(top level)'}: ${i.message}` };
  }
  return { ok: true, state: r.data };
}

export function serializeFetchState(s: FetchState): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** A tracking run that stopped less than this long ago is continued; an older one is started afresh. */
const RESUME_WITHIN_MS = 12 * 3_600_000;

/**
 * The numbers to ask 17TRACK about, in the order given: those not delivered, less those a stopped run
 * (recent enough) has already done. Returns also which of them need registering first.
 */
export function trackingPlan(
  state: FetchState,
  numbers: readonly string[],
  nowMs: number,
): { ask: string[]; register: string[]; delivered: number; resumed: number } {
  const running = state.tracking.running;
  const done = new Set(running && nowMs - Date.parse(running.startedAt) < RESUME_WITHIN_MS ? running.done : []);
  const ask: string[] = [];
  let delivered = 0;
  let resumed = 0;
  for (const n of new Set(numbers)) {
    if (state.tracking.numbers[n]?.delivered) delivered++;
    else if (done.has(n)) resumed++;
    else ask.push(n);
  }
  return { ask, register: ask.filter((n) => !state.tracking.numbers[n]?.registered), delivered, resumed };
}
