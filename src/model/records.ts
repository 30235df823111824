import type { Stamp } from './timestamp.js';

/** Where a fact came from, so that every line of evidence can be traced back to the seller's own file. */
export interface SourceRef {
  file: string;
  /** 1-based physical line in the file (for JSON inputs: the order's index, 1-based). */
  line: number;
}

export const CHANNEL_VALUES = ['MFN', 'AFN'] as const;
export type Channel = (typeof CHANNEL_VALUES)[number];

/** Amazon's order statuses, folded to one spelling across reports and API versions. */
export const ORDER_STATUS_VALUES = [
  'pending',
  'unshipped',
  'partially-shipped',
  'shipped',
  'cancelled',
  'unfulfillable',
  'other',
] as const;
export type OrderStatus = (typeof ORDER_STATUS_VALUES)[number];

/** One order as an order-side file tells it (several rows of one order are merged by the reader's consumer). */
export interface OrderRecord {
  orderId: string;
  purchasedAt?: Stamp;
  earliestShipDate?: Stamp;
  latestShipDate?: Stamp;
  status?: OrderStatus;
  statusRaw?: string;
  channel?: Channel;
  salesChannel?: string;
  shipServiceLevel?: string;
  /** Quantity or number of item rows seen. */
  items?: number;
  /** True when the row comes from an Unshipped Orders report: Amazon still waits for a confirmation. */
  awaitingShipment?: boolean;
  /** The item this row is about (order reports list one row per item). */
  orderItemId?: string;
  /** Unshipped Orders: how many of the item are still to ship. */
  quantityToShip?: number;
  /** Orders API: every item of the order with the quantity still to ship (one record holds the whole order). */
  itemsToShip?: Array<{ orderItemId: string; quantity: number }>;
  source: SourceRef;
}

/**
 * A tracking number the seller has put on an order and not yet confirmed to Amazon (a label bought in an
 * ERP, a forwarder's number): what the confirmation gate waits to see scanned. Not a confirmation: the
 * audit never reads it as one.
 */
export interface AssignmentRecord {
  orderId: string;
  orderItemId?: string;
  quantity?: number;
  /** Normalised, as in ConfirmationRecord. */
  trackingNumber: string;
  trackingRaw: string;
  /** Canonical carrier name when recognised, else the text as given. */
  carrier?: string;
  carrierRaw?: string;
  shipMethod?: string;
  source: SourceRef;
}

/** One shipping confirmation (one package, or one item of it) as the seller told Amazon. */
export interface ConfirmationRecord {
  orderId: string;
  orderItemId?: string;
  quantity?: number;
  confirmedAt?: Stamp;
  /** Canonical carrier name from the carrier table when recognised, else the text as given. */
  carrier?: string;
  carrierRaw?: string;
  /** Normalised (upper-case, no spaces or dashes, USPS 420+ZIP stripped). Empty when none was given. */
  trackingNumber: string;
  trackingRaw?: string;
  shipMethod?: string;
  /** Orders API package status (PICKED_UP, PENDING_PICK_UP, ...), when known. */
  packageStatus?: string;
  source: SourceRef;
}

/**
 * What a carrier event says about the parcel.
 * - physical:    a carrier scan: the parcel is in the carrier's hands
 * - information: label created, electronic pre-advice: the carrier has data, not the parcel
 * - delivered:   delivered (implies possession earlier)
 * - exception:   a problem reported; possession depends on the entry
 * - unknown:     no table entry matched: listed for the user, never guessed
 */
export const EVENT_CLASS_VALUES = ['physical', 'information', 'delivered', 'exception', 'unknown'] as const;
export type EventClass = (typeof EVENT_CLASS_VALUES)[number];

export interface Classification {
  class: EventClass;
  /** Does this event prove the carrier held the parcel? The audit counts only these as a first scan. */
  possession: boolean;
  /** Which table entry decided (for review and for `explain`). */
  rule?: string;
}

export interface TrackingEvent extends Classification {
  trackingNumber: string;
  at?: Stamp;
  description: string;
  code?: string;
  location?: string;
  carrier?: string;
  source: SourceRef;
}

/** One row per package exports: only a first-scan column can say when the carrier got it. */
export interface PackageSummary {
  trackingNumber: string;
  carrier?: string;
  status?: string;
  statusClass?: Classification;
  firstScanAt?: Stamp;
  latestEvent?: string;
  latestEventAt?: Stamp;
  source: SourceRef;
}

/** A row the reader could not use, with the reason in words a seller understands. */
export interface RowProblem {
  file: string;
  line: number;
  message: string;
}
