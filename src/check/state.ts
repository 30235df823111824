import { z } from 'zod';
import type { MetricId } from '../model/check.js';

/**
 * What the check remembers between nights: the findings already reported (by identity, with the
 * as-of of the first and the last run that saw them) and a short history of the metrics per run.
 */
const isoInstant = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO date-time');
const rate = z.number().min(0).max(1).nullable();

export const stateSchema = z
  .object({
    version: z.literal(1),
    reported: z.record(z.string().min(1), z.object({ first: isoInstant, last: isoInstant }).strict()),
    history: z.array(
      z
        .object({
          asOf: isoInstant,
          metrics: z.object({ lsr10: rate, lsr30: rate, vtr: rate, early: rate }).strict(),
        })
        .strict(),
    ),
  })
  .strict();

export type CheckState = z.infer<typeof stateSchema>;
export type HistoryEntry = CheckState['history'][number];
export type MetricValues = Record<MetricId, number | null>;

export function emptyState(): CheckState {
  return { version: 1, reported: {}, history: [] };
}

export type ParsedState = { ok: true; state: CheckState } | { ok: false; reason: string };

/** Never throws: a state file that can't be used is a reason, and the caller rebuilds. */
export function parseState(text: string): ParsedState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  const r = stateSchema.safeParse(raw);
  if (r.success) return { ok: true, state: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}` };
}

export function serializeState(state: CheckState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
