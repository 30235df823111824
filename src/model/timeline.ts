import type { Finding } from './finding.js';
import type { ConfirmationRecord, OrderRecord, TrackingEvent } from './records.js';
import type { Stamp } from './timestamp.js';

/** Everything known about one order, in the order it happened. */
export interface Timeline {
  orderId: string;
  zone: string;
  asOf: string;
  orders: OrderRecord[];
  /** From the order files, or computed from the handling time when they carry none. */
  latestShipDate?: { stamp: Stamp; computed: boolean };
  confirmations: ConfirmationRecord[];
  events: TrackingEvent[];
  /** Carrier events of the order's numbers left out of `events` (see engine/timeline.ts). */
  eventsOmitted?: number;
  findings: Finding[];
}
