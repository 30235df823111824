import type { ConfirmationRecord, OrderRecord, PackageSummary, TrackingEvent } from '../model/records.js';
import type { EventRef, TrackingFacts } from '../model/shipment.js';
import type { RecordSink } from '../read/types.js';

/**
 * Gathers what the readers push, folding as it goes: every item row of an order into one order, every
 * scan of a tracking number into first / first-possession / last. A year of tracking data is tens of
 * millions of events, and the audit needs three of them per package.
 */
export class Collector implements RecordSink {
  readonly orders = new Map<string, OrderRecord & { itemRows: number }>();
  readonly confirmations: ConfirmationRecord[] = [];
  readonly tracking = new Map<string, TrackingFacts>();
  /** Newest event time seen: the audit's default clock. */
  newestEventMs = -Infinity;
  eventsSeen = 0;
  packagesSeen = 0;

  order(r: OrderRecord): void {
    const have = this.orders.get(r.orderId);
    if (!have) {
      this.orders.set(r.orderId, { ...r, itemRows: 1 });
      return;
    }
    have.itemRows++;
    have.items = (have.items ?? 0) + (r.items ?? 1);
    // Several reports can describe one order; each fills what the others lack.
    have.purchasedAt ??= r.purchasedAt;
    have.latestShipDate ??= r.latestShipDate;
    have.earliestShipDate ??= r.earliestShipDate;
    have.channel ??= r.channel;
    have.awaitingShipment ||= r.awaitingShipment;
    if (r.status && (!have.status || have.status === 'other')) {
      have.status = r.status;
      have.statusRaw = r.statusRaw;
    }
  }

  confirmation(r: ConfirmationRecord): void {
    this.confirmations.push(r);
  }

  event(e: TrackingEvent): void {
    this.eventsSeen++;
    const facts = this.facts(e.trackingNumber);
    facts.events++;
    if (!e.at) return;
    const ms = e.at.epochMs;
    if (ms > this.newestEventMs) this.newestEventMs = ms;
    if (!facts.firstEvent || ms < facts.firstEvent.at.epochMs) facts.firstEvent = ref(e);
    if (!facts.lastEvent || ms >= facts.lastEvent.at.epochMs) facts.lastEvent = ref(e);
    if (e.possession && (!facts.firstPossession || ms < facts.firstPossession.at.epochMs)) facts.firstPossession = ref(e);
  }

  package(p: PackageSummary): void {
    this.packagesSeen++;
    const facts = this.facts(p.trackingNumber);
    facts.latestStatus = p.status ?? facts.latestStatus;
    if (p.statusClass?.possession) facts.possessionWithoutTime = true;
    if (p.latestEventAt && p.latestEventAt.epochMs > this.newestEventMs) this.newestEventMs = p.latestEventAt.epochMs;
    if (p.firstScanAt && (!facts.summaryFirstScan || p.firstScanAt.epochMs < facts.summaryFirstScan.at.epochMs)) {
      facts.summaryFirstScan = {
        at: p.firstScanAt,
        description: 'first scan / pickup (package summary)',
        class: 'physical',
        source: p.source,
      };
      if (p.firstScanAt.epochMs > this.newestEventMs) this.newestEventMs = p.firstScanAt.epochMs;
    }
  }

  private facts(trackingNumber: string): TrackingFacts {
    let f = this.tracking.get(trackingNumber);
    if (!f) {
      f = { events: 0 };
      this.tracking.set(trackingNumber, f);
    }
    return f;
  }
}

function ref(e: TrackingEvent): EventRef {
  return { at: e.at!, description: e.description, location: e.location, class: e.class, source: e.source };
}
