import type { FindingList, Severity } from './finding.js';
import type { RowProblem } from './records.js';

interface RateFigure {
  count: number;
  of: number;
  value: number | null;
}

/** A rate beside Amazon's target, as the seller's account-health page would judge it. */
export interface TargetFigure extends RateFigure {
  label: string;
  /** e.g. "under 4%". */
  target: string;
  /** null when there was nothing to measure. */
  meetsTarget: boolean | null;
  /** What was counted, in words. */
  basis: string;
}

export interface LagFigure {
  count: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** Figures for a group of shipments: a carrier, a week, before/after a fix. */
export interface GroupFigures {
  key: string;
  shipments: number;
  earlyConfirmations: number;
  /** Shipments whose first physical scan time is known: the base of the early-confirmation rate. */
  withScanTime: number;
  earlyConfirmationRate: number | null;
  lateConfirmations: number;
  withPhysicalScan: number;
  lagHours: LagFigure;
  carriers: string[];
}

export interface InputSummary {
  file: string;
  kind: string;
  encoding: string;
  delimiter: string;
  rowsRead: number;
  rowsRejected: number;
  problems: RowProblem[];
  zoneNote: string;
  /** Set when a folder entry was not an input and was skipped. */
  skipped?: string;
  /**
   * Set when the entry needs the reader's attention: a file where data was expected that is an HTML page,
   * empty, binary or unreadable (`check` makes it an Input warning).
   */
  warning?: string;
  /** Set when the entry was reached through a symbolic link: the path it points to. */
  symlink?: string;
  /** How the encoding was decided when it was not one for the whole file (mixed encodings). */
  encodingNote?: string;
}

/** Why something was left out of the audit: stable keys for scripts (JSON `summary.excluded`). */
export type ExclusionKey = 'afn' | 'cancelled' | 'outside-window';

/** The same reasons in words, for people (text report, messages). */
const EXCLUSION_LABELS: Readonly<Record<ExclusionKey, string>> = {
  afn: 'orders fulfilled by Amazon (AFN)',
  cancelled: 'cancelled orders',
  'outside-window': 'shipments confirmed outside the window',
};

/** The words for a reason key; an unknown key as it is. */
export function exclusionLabel(key: string): string {
  return (EXCLUSION_LABELS as Record<string, string>)[key] ?? key;
}

export interface AuditSummary {
  shipments: number;
  /** Reason → count (orders for AFN / cancelled, shipments for the window); a reason with none is absent. */
  excluded: Partial<Record<ExclusionKey, number>>;
  confirmationsWithoutOrder: number;
  matchedWithTracking: number;
  withPhysicalScan: number;
  hasTrackingData: boolean;
  hasOrderData: boolean;
  findingsByRule: Record<string, number>;
  findingsBySeverity: Record<Severity, number>;
  /** Shipments with at least one finding of that severity. */
  shipmentsWithErrors: number;
  earlyConfirmationRate: TargetFigure;
  lateShipmentRate10: TargetFigure;
  lateShipmentRate30: TargetFigure;
  validTrackingRate: TargetFigure;
  lagHours: LagFigure;
  rowsRejected: number;
  /** Tracking events dated too far in the future to be the audit's clock (see `notes`). */
  eventsIgnoredForClock: number;
}

export interface AuditResult {
  tool: { name: 'shipaudit'; version: string };
  /** ISO 8601 with offset in the marketplace zone. */
  asOf: string;
  asOfSource: 'option' | 'newest tracking event' | 'clock';
  marketplaceZone: string;
  window: { from?: string; to?: string };
  graceHours: number;
  summary: AuditSummary;
  byCarrier: GroupFigures[];
  byWeek: GroupFigures[];
  /** In audit order; an audit's are made one at a time when read (see FindingList). */
  findings: FindingList;
  inputs: InputSummary[];
  unclassifiedEvents: Array<{ description: string; count: number }>;
  /** Unclassified texts past the limit listed (the least frequent): how many, and their events. */
  unclassifiedMore?: { texts: number; events: number };
  /** What could not be checked and why (no tracking data, no order data...). */
  notes: string[];
}

/** How a file's report says it was read in two encodings. */
function mixedEncodingNote(gb18030Lines: number, as = 'GB18030'): string {
  return `mixed encodings: ${gb18030Lines} line${gb18030Lines === 1 ? '' : 's'} decoded as ${as}`;
}

/** The note of a file read in two encodings (a UTF-8 file with GB18030 lines, or the other way), if any. */
export function mixedEncodingOf(r: { gb18030Lines?: number; utf8Lines?: number }): string | undefined {
  if (r.gb18030Lines) return mixedEncodingNote(r.gb18030Lines);
  return r.utf8Lines ? mixedEncodingNote(r.utf8Lines, 'UTF-8') : undefined;
}
