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

/**
 * A file that can't be used as the state: `ours` says whether shipaudit wrote it (a state file cut short or
 * damaged, which the caller sets aside and rebuilds) or not (a file of the user's, which is never moved
 * nor written over).
 */
export type ParsedState = { ok: true; state: CheckState } | { ok: false; reason: string; ours: boolean };

/** Never throws: a state file that can't be used is a reason, and whether it is one shipaudit wrote. */
export function parseState(text: string): ParsedState {
  const ours = isStateStart(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})`, ours };
  }
  const r = stateSchema.safeParse(raw);
  if (r.success) return { ok: true, state: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`, ours };
}

/** How every state file this version writes begins (`serializeState`), however it is spaced since. */
const STATE_START = /^\uFEFF?\s*\{\s*"version"\s*:\s*1\s*,\s*"reported"\s*:/;
/** What a crash may leave of a file renamed into place before its data reached the disk: nothing, or zeros. */
const BLANK = /^[\s\0]*$/;

/**
 * Whether a file's text (or its first bytes: 64 are enough) is a state file shipaudit wrote, judged by its
 * start so that one cut short is still known: `{"version": 1, "reported": …`, or nothing at all (a state
 * file emptied by a crash, which holds nothing to lose). Any other file (another tool's JSON, a state of
 * another version, text) is not, whatever its name.
 */
export function isStateStart(head: string): boolean {
  return STATE_START.test(head) || BLANK.test(head);
}

export function serializeState(state: CheckState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
