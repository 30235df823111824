import type { SourceRef } from './records.js';

/** The confirmation gate's decision per order awaiting shipment (see src/gate/decide.ts). */

/**
 * What the ledger says about a package: being written to a confirmation file (recorded before the file is
 * put in place), written to one, being sent (no answer recorded yet), accepted or rejected by Amazon, or
 * found not sent (it may go again).
 */
export type LedgerStatus = 'releasing' | 'released' | 'sending' | 'accepted' | 'rejected' | 'failed';

/** One line of the confirmation: an order item, or the whole order when its items are not known. */
export interface ReleaseLine {
  orderItemId?: string;
  quantity?: number;
}

export interface Release {
  orderId: string;
  trackingNumber: string;
  carrierCode: string;
  carrierName: string;
  shipMethod?: string;
  lines: ReleaseLine[];
  /** The ship date for the file: the scan's moment (ISO with offset, marketplace zone), or its day. */
  shipDate: string;
  /** The ship date for the Orders API: an instant, never before the scan. */
  shipDateIso: string;
  scan: { at: string; description: string; location?: string; source: SourceRef };
  latestShipDate?: string;
  /** The scan came after the latest ship date: the order is late whatever is done now. */
  late: boolean;
  /** The ledger had the order and the user asked for it again. */
  reemitted: boolean;
  /**
   * The package carries the whole order (it names no items): any later number for the order would confirm
   * it a second time. Absent: decided from the lines (none names an item).
   */
  wholeOrder?: boolean;
}

export type HoldReason =
  | 'no-tracking-number'
  | 'several-numbers-without-items'
  | 'no-tracking-data'
  | 'information-only'
  | 'unknown-events'
  | 'no-physical-scan'
  | 'scan-without-time'
  | 'scan-before-order'
  | 'carrier-unknown'
  | 'already-confirmed';

/** A package of the order the ledger has as released under another tracking number (see `Ledger.releases`). */
export interface PriorRelease {
  trackingNumber: string;
  /** When the ledger recorded it (ISO, UTC). */
  at: string;
  /** The items and quantities it released; absent in ledgers written before they were recorded. */
  items?: Array<{ orderItemId: string; quantity: number }>;
  /** It carried the whole order (named no items). */
  wholeOrder: boolean;
}

export interface Hold {
  orderId: string;
  trackingNumber?: string;
  carrier?: string;
  reason: HoldReason;
  /** The newest information-only event (label created, pre-advice), or the newest event of any kind. */
  lastEvent?: { description: string; at: string };
  /** Event descriptions no table classified. */
  unknown?: string[];
  latestShipDate?: string;
  /** Hours until the latest ship date; negative once past (then the order is overdue). */
  hoursLeft?: number;
  /** For 'already-confirmed': the earlier package the ledger has, and the day it was recorded (marketplace zone). */
  confirmed?: { trackingNumber: string; on: string };
}

export type OverdueAdvice = 'contact-carrier' | 'other-carrier' | 'assign-tracking' | 'classify-events';

export interface Overdue extends Hold {
  hoursLeft: number;
  advice: OverdueAdvice[];
}

export interface Skipped {
  orderId: string;
  trackingNumber?: string;
  why: 'in-ledger' | 'not-awaiting' | 'not-an-awaiting-order';
  status?: LedgerStatus;
  /** For 'in-ledger', when the nightly check shows it: when the ledger recorded it (ISO, UTC), and the file. */
  at?: string;
  file?: string;
}

/** One tracking number assigned to several orders: released for each (one parcel may carry two orders), said. */
export interface SharedNumber {
  trackingNumber: string;
  orderIds: string[];
}

export interface GateDecision {
  asOf: string;
  zone: string;
  release: Release[];
  hold: Hold[];
  overdue: Overdue[];
  skipped: Skipped[];
  /** Tracking numbers assigned to more than one order awaiting shipment. */
  sharedNumbers: SharedNumber[];
}

/** What Amazon answered to one confirmation sent through the Orders API. */
export interface SubmitOutcome {
  orderId: string;
  trackingNumber: string;
  status: 'accepted' | 'rejected' | 'unanswered';
  http?: number;
  errors?: Array<{ code?: string; message?: string }>;
  /** Why there was no answer (network, rate limit past the retries); the ledger keeps it as "sending". */
  note?: string;
}

/** A package a run died while sending, and what a check with Amazon found. */
export interface Recovered {
  orderId: string;
  trackingNumber: string;
  found: 'accepted' | 'failed' | 'unknown';
  orderStatus?: string;
}
