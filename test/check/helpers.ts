import type { Finding } from '../../src/model/finding.js';
import type { AuditResult, AuditSummary, TargetFigure } from '../../src/model/result.js';

/** A finding with only what the check looks at; the rest is plausible filler. */
export function finding(
  rule: string,
  orderId: string,
  trackingNumber: string,
  severity: Finding['severity'] = 'error',
): Finding {
  return {
    rule,
    severity,
    message: `${rule} on ${orderId}`,
    orderId,
    trackingNumber,
    carrier: 'USPS',
    confirmedAt: {
      iso: '2026-11-09T10:30:00-08:00',
      epochMs: Date.parse('2026-11-09T10:30:00-08:00'),
      precision: 'datetime',
      raw: '2026-11-09T10:30:00-08:00',
      zone: '-08:00, offset',
    },
    sources: { confirmation: { file: 'confirm.txt', line: 2 } },
  };
}

function figure(value: number | null, meetsTarget: boolean | null, label = 'x', count = 0, of = 0): TargetFigure {
  return { value, meetsTarget, label, count, of, target: 'target', basis: 'basis' };
}

/** An audit summary whose four watched figures are the given rates (null: nothing measured). */
export function summary(
  rates: { lsr10?: number | null; lsr30?: number | null; vtr?: number | null; early?: number | null } = {},
): AuditSummary {
  const lsr = (v: number | null | undefined, days: number) =>
    figure(v ?? 0, v == null ? null : v < 0.04, `Late Shipment Rate (${days} days)`);
  const vtr = rates.vtr === undefined ? 1 : rates.vtr;
  return {
    shipments: 10,
    excluded: {},
    confirmationsWithoutOrder: 0,
    matchedWithTracking: 10,
    withPhysicalScan: 10,
    hasTrackingData: true,
    hasOrderData: true,
    findingsByRule: {},
    findingsBySeverity: { error: 0, warning: 0 },
    shipmentsWithErrors: 0,
    earlyConfirmationRate: figure(rates.early === undefined ? 0 : rates.early, null, 'Early confirmation rate'),
    lateShipmentRate10: rates.lsr10 === null ? figure(null, null) : lsr(rates.lsr10, 10),
    lateShipmentRate30: rates.lsr30 === null ? figure(null, null) : lsr(rates.lsr30, 30),
    validTrackingRate: vtr === null ? figure(null, null) : figure(vtr, vtr > 0.95, 'Valid Tracking Rate'),
    lagHours: { count: 0, median: null, p90: null, max: null },
    rowsRejected: 0,
    eventsIgnoredForClock: 0,
  };
}

/** An audit result with nothing but the given findings and rates, as the check receives it. */
export function auditResult(o: {
  asOf: string;
  findings?: Finding[];
  rates?: Parameters<typeof summary>[0];
  window?: AuditResult['window'];
}): AuditResult {
  return {
    tool: { name: 'shipaudit', version: '0.1.0' },
    asOf: o.asOf,
    asOfSource: 'option',
    marketplaceZone: 'America/Los_Angeles',
    window: o.window ?? {},
    graceHours: 24,
    summary: summary(o.rates),
    byCarrier: [],
    byWeek: [],
    findings: o.findings ?? [],
    inputs: [],
    unclassifiedEvents: [],
    notes: [],
  };
}
