import type {
  AssignmentRecord,
  ConfirmationRecord,
  OrderRecord,
  OrderStatus,
  PackageSummary,
  TrackingEvent,
} from '../model/records.js';
import type { EventRef } from '../model/shipment.js';
import type { Stamp } from '../model/timestamp.js';
import type { RecordSink } from '../read/types.js';

/** One item of an order still to ship. */
export interface GateItem {
  orderItemId: string;
  quantity: number;
}

/** An order Amazon still waits on, merged from its item rows. */
export interface GateOrder {
  orderId: string;
  latestShipDate?: Stamp;
  purchasedAt?: Stamp;
  /** The items, when the order data names them (Unshipped Orders, Order report). */
  items: GateItem[];
  source: OrderRecord['source'];
}

/** What the tracking files say about one number, as the gate needs it. */
export interface GateTracking {
  events: number;
  /** The earliest event proving the carrier held the parcel, at or before the as-of. */
  firstPossession?: EventRef;
  lastEvent?: EventRef;
  /** Label created, pre-advice: the carrier has data, not the parcel. */
  lastInformation?: EventRef;
  /** Descriptions no table entry classified (distinct, as read). */
  unknown: string[];
  /** A package summary's status proves possession, without saying when. */
  possessionWithoutTime?: boolean;
  /** The carrier the tracking data names. */
  carrier?: string;
}

const MAX_UNKNOWN = 5;

/** Statuses in which Amazon waits for a confirmation. A pending order is not paid yet: never shipped. */
const TO_CONFIRM: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['unshipped', 'partially-shipped']);

/**
 * Keeps what the gate decides on while the readers run: orders awaiting shipment, assigned tracking
 * numbers, and per tracking number the first possession scan and why there is none. Events after
 * `asOfMs` are not yet known at that moment and are left out.
 */
export class GateCollector implements RecordSink {
  readonly orders = new Map<string, GateOrder>();
  /** Orders some file says are shipped, cancelled or fulfilled by Amazon: not the gate's to confirm. */
  readonly notAwaiting = new Set<string>();
  readonly assignments: AssignmentRecord[] = [];
  /** Confirmations read (an ERP export that marks orders shipped): numbers to watch when no assignment names one. */
  readonly confirmations: ConfirmationRecord[] = [];
  readonly tracking = new Map<string, GateTracking>();

  constructor(private readonly asOfMs: number) {}

  order(r: OrderRecord): void {
    const awaiting =
      r.awaitingShipment === true || (r.status !== undefined && TO_CONFIRM.has(r.status) && r.channel !== 'AFN');
    if (!awaiting) {
      if (r.status !== undefined || r.channel === 'AFN') this.notAwaiting.add(r.orderId);
      return;
    }
    let o = this.orders.get(r.orderId);
    if (!o) {
      o = { orderId: r.orderId, items: [], source: r.source };
      this.orders.set(r.orderId, o);
    }
    o.latestShipDate ??= r.latestShipDate;
    o.purchasedAt ??= r.purchasedAt;
    const rows =
      r.itemsToShip ??
      (r.orderItemId === undefined ? [] : [{ orderItemId: r.orderItemId, quantity: r.quantityToShip ?? r.items ?? 1 }]);
    for (const item of rows) {
      if (item.quantity > 0 && !o.items.some((i) => i.orderItemId === item.orderItemId)) o.items.push(item);
    }
  }

  assignment(r: AssignmentRecord): void {
    this.assignments.push(r);
  }

  confirmation(r: ConfirmationRecord): void {
    if (r.trackingNumber !== '') this.confirmations.push(r);
  }

  event(e: TrackingEvent): void {
    if (e.at === undefined || e.at.epochMs > this.asOfMs) return;
    const t = this.facts(e.trackingNumber);
    t.events++;
    t.carrier ??= e.carrier;
    const ref: EventRef = {
      at: e.at,
      description: e.description,
      location: e.location,
      class: e.class,
      source: e.source,
    };
    if (!t.lastEvent || e.at.epochMs >= t.lastEvent.at.epochMs) t.lastEvent = ref;
    if (e.possession) {
      if (!t.firstPossession || e.at.epochMs < t.firstPossession.at.epochMs) t.firstPossession = ref;
    } else if (e.class === 'information') {
      if (!t.lastInformation || e.at.epochMs >= t.lastInformation.at.epochMs) t.lastInformation = ref;
    } else if (e.class === 'unknown' && t.unknown.length < MAX_UNKNOWN && !t.unknown.includes(e.description)) {
      t.unknown.push(e.description);
    }
  }

  package(p: PackageSummary): void {
    const t = this.facts(p.trackingNumber);
    t.carrier ??= p.carrier;
    if (p.firstScanAt && p.firstScanAt.epochMs <= this.asOfMs) {
      const ref: EventRef = {
        at: p.firstScanAt,
        description: 'first scan / pickup (package summary)',
        class: 'physical',
        source: p.source,
      };
      if (!t.firstPossession || p.firstScanAt.epochMs < t.firstPossession.at.epochMs) t.firstPossession = ref;
    } else if (p.statusClass?.possession) t.possessionWithoutTime = true;
    else if (p.statusClass?.class === 'unknown' && p.status && !t.unknown.includes(p.status)) t.unknown.push(p.status);
    t.events++;
  }

  private facts(trackingNumber: string): GateTracking {
    let t = this.tracking.get(trackingNumber);
    if (!t) {
      t = { events: 0, unknown: [] };
      this.tracking.set(trackingNumber, t);
    }
    return t;
  }
}
