import type { SourceRef } from './records.js';
import type { Precision } from './timestamp.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

export interface TimeFact {
  /** ISO 8601 with offset, in the marketplace zone. */
  iso: string;
  epochMs: number;
  precision: Precision;
  /** The text as in the file. */
  raw: string;
  /** How its zone was decided, in words (for the evidence). */
  zone: string;
}

/** One rule broken by one shipment, with the evidence a reviewer needs to check it. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  orderId: string;
  trackingNumber: string;
  carrier?: string;
  purchasedAt?: TimeFact;
  latestShipDate?: TimeFact;
  latestShipDateComputed?: boolean;
  confirmedAt: TimeFact;
  firstCarrierScanAt?: TimeFact;
  firstScanEvent?: string;
  firstScanLocation?: string;
  /** Confirmation → first physical scan, in hours; positive when the confirmation came first. */
  lagHours?: number;
  sources: {
    confirmation: SourceRef;
    order?: SourceRef;
    firstScan?: SourceRef;
  };
}

/**
 * Findings in audit order: shipments by confirmation time (then order id), a shipment's findings
 * together, in rule order. A plain array is one; an audit's is a compact store that makes each `Finding`
 * when asked for (`at`, iteration), so that a large audit's findings never all exist as objects at once.
 */
export interface FindingList extends Iterable<Finding> {
  readonly length: number;
  at(i: number): Finding | undefined;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

/**
 * Findings per shipment (order id + tracking number), most severe first within each, shipments in order
 * of confirmation: the rows of every evidence file, so that the moment of a fix shows as a break.
 */
export function findingsByShipment(findings: Iterable<Finding>): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.orderId}\u0000${f.trackingNumber}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()]
    .map(bySeverity)
    .sort((a, b) => a[0].confirmedAt.epochMs - b[0].confirmedAt.epochMs || a[0].orderId.localeCompare(b[0].orderId));
}

/** One shipment's findings, most severe first, in rule order within a severity (a new list). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
