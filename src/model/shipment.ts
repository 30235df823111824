import type { Channel, EventClass, OrderStatus, SourceRef } from './records.js';
import type { Stamp } from './timestamp.js';

/** What a tracking number's shape says: its format, the carrier that issues it, whether its check digit holds. */
export interface Recognition {
  format?: string;
  carrier?: string;
  checkDigit: 'valid' | 'invalid' | 'none';
}

/** A carrier event as the audit keeps it: enough to show and to trace, not the whole history. */
export interface EventRef {
  at: Stamp;
  description: string;
  location?: string;
  class: EventClass;
  source: SourceRef;
}

/**
 * What the tracking files say about one tracking number, folded while reading so that memory grows
 * with packages, not with events.
 */
export interface TrackingFacts {
  events: number;
  /** The earliest event that proves the carrier held the parcel. */
  firstPossession?: EventRef;
  lastEvent?: EventRef;
  /** From a one-row-per-package export with a pickup / first-scan column. */
  summaryFirstScan?: EventRef;
  /** A package summary whose status proves possession without saying when. */
  possessionWithoutTime?: boolean;
  latestStatus?: string;
}

export interface OrderFacts {
  orderId: string;
  purchasedAt?: Stamp;
  latestShipDate?: Stamp;
  /** True when the latest ship date was computed from the configured handling time. */
  latestShipDateComputed: boolean;
  status?: OrderStatus;
  channel?: Channel;
  items: number;
  awaitingShipment: boolean;
  source: SourceRef;
}

/** One confirmed package: a confirmation's tracking number, audited against that number's scans. */
export interface Shipment {
  orderId: string;
  /** Normalised; empty when the confirmation carried none. */
  trackingNumber: string;
  trackingRaw?: string;
  /** Carrier as confirmed to Amazon (canonical name when recognised). */
  carrier?: string;
  confirmedAt: Stamp;
  /** Every confirmation row behind this package (one per item). */
  confirmations: SourceRef[];
  order?: OrderFacts;
  /** Undefined when no tracking file mentions the number. */
  tracking?: TrackingFacts;
  recognition: Readonly<Recognition>;
  /** Other orders confirmed with the same tracking number. */
  sharedWith: readonly string[];
}
