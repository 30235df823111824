import { eventsOfNumbers, type Loaded, type LoadSettings } from '../engine/index.js';
import { computeLatestShipDate } from '../knowledge/ship-by.js';
import { UsageError } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { Timeline } from '../model/timeline.js';
import { audit, type AuditOptions } from './run.js';

/**
 * Everything known about one order, in the order it happened: its records as read (loaded with
 * `keepOrder`), every carrier event of its tracking numbers (the files are read again for them: the
 * collector keeps two per number), its latest ship date, given or computed, and the audit's findings on it.
 */
export async function explainOrder(
  orderId: string,
  loaded: Loaded,
  settings: LoadSettings,
  opts: AuditOptions,
): Promise<Timeline> {
  const orders = loaded.kept?.orders ?? [];
  const confirmations = loaded.kept?.confirmations ?? [];
  if (orders.length === 0 && confirmations.length === 0)
    throw new UsageError(`order ${orderId} is in none of the files`);
  const numbers = new Set(confirmations.map((c) => c.trackingNumber).filter((n) => n !== ''));
  const { events, omitted } = await eventsOfNumbers(loaded.reports, numbers, settings);
  const result = audit(loaded, opts);
  const purchased = orders.find((o) => o.purchasedAt)?.purchasedAt;
  const given = orders.find((o) => o.latestShipDate)?.latestShipDate;
  return {
    orderId,
    zone: opts.marketplaceZone,
    asOf: result.asOf,
    orders,
    latestShipDate: given
      ? { stamp: given, computed: false }
      : purchased && { stamp: computeLatestShipDate(purchased, opts.handling), computed: true },
    confirmations,
    events,
    eventsOmitted: omitted,
    findings: findingsOf(result.findings, orderId),
  };
}

/** The findings on one order: each made, looked at and dropped unless it is one of them. */
function findingsOf(findings: Iterable<Finding>, orderId: string): Finding[] {
  const mine: Finding[] = [];
  for (const f of findings) if (f.orderId === orderId) mine.push(f);
  return mine;
}
