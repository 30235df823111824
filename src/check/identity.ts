import type { Finding } from '../model/finding.js';
import { CHECK_DEFAULTS } from './defaults.js';
import type { CheckState } from './state.js';

const DAY = 86_400_000;

/** Stable across runs: the same broken rule on the same package is the same finding. */
export function findingKey(f: Pick<Finding, 'rule' | 'orderId' | 'trackingNumber'>): string {
  return `${f.rule}|${f.orderId}|${f.trackingNumber}`;
}

export interface Split {
  newFindings: Finding[];
  alreadyReported: { count: number; byRule: Record<string, number> };
}

export function splitNew(findings: readonly Finding[], reported: CheckState['reported']): Split {
  const newFindings: Finding[] = [];
  const byRule: Record<string, number> = {};
  let count = 0;
  for (const f of findings) {
    if (!Object.hasOwn(reported, findingKey(f))) newFindings.push(f);
    else {
      count++;
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    }
  }
  return { newFindings, alreadyReported: { count, byRule } };
}

/**
 * Marks this run's findings as reported. A finding gone tonight is kept for a while so that one that
 * flickers (a feed missing a day) is not reported twice; it is forgotten once it can't be in the window.
 */
export function markReported(
  reported: CheckState['reported'],
  findings: readonly Finding[],
  asOf: string,
  asOfMs: number,
): CheckState['reported'] {
  const next: CheckState['reported'] = {};
  const horizon = asOfMs - CHECK_DEFAULTS.forgetAfterDays * DAY;
  for (const [key, seen] of Object.entries(reported)) if (Date.parse(seen.last) >= horizon) next[key] = seen;
  for (const f of findings) {
    const key = findingKey(f);
    next[key] = { first: next[key]?.first ?? asOf, last: asOf };
  }
  return next;
}
