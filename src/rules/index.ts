import { rule as carrierMismatch } from './carrier-mismatch.js';
import { rule as confirmedBeforeHandover } from './confirmed-before-handover.js';
import { rule as duplicateTrackingNumber } from './duplicate-tracking-number.js';
import { rule as invalidTrackingNumber } from './invalid-tracking-number.js';
import { rule as lateConfirmation } from './late-confirmation.js';
import { rule as lateHandover } from './late-handover.js';
import { rule as missingTracking } from './missing-tracking.js';
import { rule as noCarrierScan } from './no-carrier-scan.js';
import { rule as trackingNotFound } from './tracking-not-found.js';
import type { Rule, RuleContext, RuleMeta } from './types.js';

/** The audit's question first (confirmation before hand-over), then lateness, then the tracking number's own faults. */
export const RULES: readonly Rule[] = [
  confirmedBeforeHandover,
  noCarrierScan,
  lateConfirmation,
  lateHandover,
  missingTracking,
  trackingNotFound,
  invalidTrackingNumber,
  carrierMismatch,
  duplicateTrackingNumber,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** A rule's options: its defaults, overridden by what the user configured. */
export function resolveOptions(meta: RuleMeta, given: RuleContext['options'] = {}): RuleContext['options'] {
  const options: RuleContext['options'] = {};
  for (const [name, o] of Object.entries(meta.options)) options[name] = given[name] ?? o.default;
  return options;
}
