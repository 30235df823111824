import type { Finding } from './finding.js';
import type { Hold, LedgerStatus, Overdue } from './gate.js';
import type { Severity } from './finding.js';

/** How serious a check problem is: a finding's severities. */
export type Level = Severity;

/** Something about the inputs or the state that the reader must know before trusting the rest. */
export interface InputProblem {
  level: Level;
  kind:
    | 'stale-tracking'
    | 'no-tracking'
    | 'stale-orders'
    | 'no-orders'
    | 'stale-confirmations'
    | 'no-confirmations'
    | 'clock-behind'
    | 'input-file'
    | 'rejected-rows'
    | 'empty-glob'
    | 'state'
    | 'fetch'
    | 'unclassified-events'
    | 'stale-unshipped';
  message: string;
}

export interface ShipmentAtRisk {
  level: Level;
  orderId: string;
  trackingNumber: string;
  carrier?: string;
  /** ISO with offset, marketplace zone. */
  confirmedAt: string;
  hoursSinceConfirmation: number;
  graceHours: number;
  hoursLeft: number;
  /** The newest carrier event, when the tracking files mention the number at all. */
  lastEvent?: { description: string; at: string };
}

export interface OrderDue {
  level: Level;
  orderId: string;
  latestShipDate: string;
  latestShipDateComputed: boolean;
  /** Negative when the latest ship date has passed. */
  hoursLeft: number;
  /** When the Unshipped Orders report naming it was made, if that report is stale (marketplace time). */
  snapshot?: string;
}

export type MetricId = 'lsr10' | 'lsr30' | 'vtr' | 'early';

export interface Trend {
  from: number;
  to: number;
  /** As-of of the run compared with. */
  since: string;
  days: number;
}

export interface MetricCheck {
  id: MetricId;
  label: string;
  value: number | null;
  count: number;
  of: number;
  target: string;
  /** The warning level in words, e.g. "3.0% or more". */
  warnAt: string;
  level: Level | 'ok' | 'n/a';
  trend?: Trend;
}

export interface StateReport {
  file: string;
  status: 'ok' | 'created' | 'rebuilt';
  message?: string;
}

export interface CheckResult {
  tool: { name: 'shipaudit'; version: string };
  asOf: string;
  marketplaceZone: string;
  window: { from: string; to: string; days: number };
  status: Level | 'ok';
  checked: {
    shipments: number;
    inputFiles: number;
    newestTrackingData: string | null;
    /** The newest confirmation read (marketplace time), absent when none: the data's age, not the window's. */
    newestConfirmation?: string;
    /** Folder entries not read, with the reason (those where data was expected are also Input warnings). */
    skipped?: Array<{ file: string; reason: string; symlink?: string }>;
  };
  newFindings: Finding[];
  alreadyReported: { count: number; byRule: Record<string, number> };
  atRisk: { shipments: ShipmentAtRisk[]; orders: OrderDue[]; gate?: GateBacklog };
  metrics: MetricCheck[];
  input: InputProblem[];
  /**
   * Carrier event texts no table entry knows, most frequent first (as the audit lists them): one may hide a
   * first scan, so the findings that rest on them are shown with them, never guessed.
   */
  unclassifiedEvents: Array<{ description: string; count: number }>;
  /** Unclassified texts past the limit kept: counted, not listed. */
  unclassifiedMore?: { texts: number; events: number };
  state: StateReport;
}

/** The confirmation gate's backlog (`shipaudit confirm`), when tracking numbers are assigned in the inputs. */
export interface GateBacklog {
  /** Latest ship date passed without a carrier scan: an error. */
  overdue: Overdue[];
  /** No scan yet and the latest ship date within `shipWithinHours` (or unknown): a warning. */
  held: Hold[];
  /** Held with more time left: counted, not listed. */
  heldLater: number;
  /** Scanned and not yet confirmed: the next `shipaudit confirm` releases them (shown, no alarm). */
  ready: number;
  /**
   * Released by the gate (a confirmation file written, or sent) and still awaiting shipment in the order
   * data: Amazon has not processed it yet. Shown, never to be confirmed again by hand.
   */
  released?: GateReleased[];
}

export interface GateReleased {
  orderId: string;
  trackingNumber?: string;
  status: LedgerStatus;
  /** When the ledger recorded it, in the marketplace zone. */
  at?: string;
  /** The confirmation file it was written to. */
  file?: string;
}
