import type { Finding, TimeFact } from '../model/finding.js';
import type { AuditResult } from '../model/result.js';

/**
 * The machine-readable audit (schema in the README). Times are ISO 8601 strings with offset (a date
 * alone for date-only values); how each was read stays beside it under `evidence`.
 */
export function auditJson(result: AuditResult) {
  return { ...result, findings: result.findings.map(findingJson) };
}

export function formatAuditJson(result: AuditResult): string {
  return `${JSON.stringify(auditJson(result), null, 2)}\n`;
}

const TIME_KEYS = ['purchasedAt', 'latestShipDate', 'confirmedAt', 'firstCarrierScanAt'] as const;

export function findingJson(f: Finding) {
  const evidence: Record<string, Omit<TimeFact, 'iso' | 'epochMs'>> = {};
  const times: Record<string, string | null> = {};
  for (const k of TIME_KEYS) {
    const t = f[k];
    times[k] = t?.iso ?? null;
    if (t) evidence[k] = { raw: t.raw, precision: t.precision, zone: t.zone };
  }
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    orderId: f.orderId,
    trackingNumber: f.trackingNumber,
    carrier: f.carrier ?? null,
    ...times,
    latestShipDateComputed: f.latestShipDateComputed ?? false,
    lagHours: f.lagHours ?? null,
    firstScanEvent: f.firstScanEvent ?? null,
    firstScanLocation: f.firstScanLocation ?? null,
    sources: f.sources,
    evidence,
  };
}
