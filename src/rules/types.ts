import type { Shipment } from '../model/shipment.js';

export type { RuleMeta } from '../model/rule.js';
import type { RuleMeta } from '../model/rule.js';

/** What a rule may know beyond the shipment: the audit's clock and the rule's resolved options. */
export interface RuleContext {
  /** The moment the audit is judged at (epoch ms). */
  asOfMs: number;
  /** Did the user give any tracking data at all? Without it, tracking-based rules stay silent. */
  hasTrackingData: boolean;
  options: Record<string, number | string | boolean>;
}

/** A rule's verdict on one shipment: a message, and the lag when the rule measured one. */
export interface Report {
  message: string;
  lagHours?: number;
}

/**
 * A rule in the manner of ESLint's: metadata plus a pure check. It sees one shipment at a time;
 * facts that need all shipments (shared tracking numbers) are computed by the join beforehand.
 */
export interface Rule {
  meta: RuleMeta;
  check(shipment: Shipment, ctx: RuleContext): Report | undefined;
}
