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
