import type { ConfirmationRecord, OrderRecord, PackageSummary, TrackingEvent } from '../model/records.js';
import type { EventRef, TrackingFacts } from '../model/shipment.js';
import type { Precision, Stamp, ZoneSource } from '../model/timestamp.js';
import { localDateInZone } from '../model/zone.js';
import type { RecordSink } from '../read/types.js';

export type CollectedOrder = OrderRecord & { itemRows: number };

/**
 * Gathers what the readers push, folding as it goes: every item row of an order into one order, every
 * scan of a tracking number into its first physical scan and its last event. A year of tracking data is tens
 * of millions of events, and the audit needs two of them per package.
 *
 * Orders and confirmations keep only the fields the join and the rules read. What is kept is copied
 * out of the reader's text: a field cut from a decoded 1 MB chunk is a view that
 * keeps the whole chunk alive, so keeping one order id per chunk would keep every file in memory. Values
 * that repeat (statuses, carriers, event texts, places) are shared instead of copied.
 */
export class Collector implements RecordSink {
  readonly orders = new Map<string, CollectedOrder>();
  readonly confirmations: ConfirmationRecord[] = [];
  readonly tracking = new Map<string, TrackingFacts>();
  /** Newest event time seen: the audit's default clock. */
  newestEventMs = -Infinity;
  eventsSeen = 0;
  packagesSeen = 0;
  private readonly shared = new Map<string, string>();
  private readonly kinds = new Map<string, StampKind>();

  order(r: OrderRecord): void {
    const have = this.orders.get(r.orderId);
    if (!have) {
      // Only what the join and the rules read: a million orders make every field count.
      const o: CollectedOrder = {
        orderId: own(r.orderId),
        purchasedAt: this.stamp(r.purchasedAt),
        latestShipDate: this.stamp(r.latestShipDate),
        status: r.status,
        channel: r.channel,
        items: r.items,
        awaitingShipment: r.awaitingShipment,
        source: r.source,
        itemRows: 1,
      };
      this.orders.set(o.orderId, o);
      return;
    }
    have.itemRows++;
    have.items = (have.items ?? 0) + (r.items ?? 1);
    // Several reports can describe one order; each fills what the others lack.
    have.purchasedAt ??= this.stamp(r.purchasedAt);
    have.latestShipDate ??= this.stamp(r.latestShipDate);
    have.channel ??= r.channel;
    have.awaitingShipment ||= r.awaitingShipment;
    if (r.status && (!have.status || have.status === 'other')) have.status = r.status;
  }

  confirmation(r: ConfirmationRecord): void {
    this.confirmations.push({
      orderId: own(r.orderId),
      confirmedAt: this.stamp(r.confirmedAt),
      carrier: this.intern(r.carrier),
      trackingNumber: own(r.trackingNumber),
      trackingRaw: r.trackingRaw === undefined || r.trackingRaw === r.trackingNumber ? undefined : own(r.trackingRaw),
      source: r.source,
    });
  }

  event(e: TrackingEvent): void {
    this.eventsSeen++;
    const facts = this.facts(e.trackingNumber);
    facts.events++;
    if (!e.at) return;
    const ms = e.at.epochMs;
    if (ms > this.newestEventMs) this.newestEventMs = ms;
    const last = !facts.lastEvent || ms >= facts.lastEvent.at.epochMs;
    const possession = e.possession && (!facts.firstPossession || ms < facts.firstPossession.at.epochMs);
    if (!last && !possession) return;
    // One kept copy per event, shared by every slot it fills.
    const ref = this.ref(e);
    if (last) facts.lastEvent = ref;
    if (possession) facts.firstPossession = ref;
  }

  package(p: PackageSummary): void {
    this.packagesSeen++;
    const facts = this.facts(p.trackingNumber);
    facts.latestStatus = this.intern(p.status) ?? facts.latestStatus;
    if (p.statusClass?.possession) facts.possessionWithoutTime = true;
    if (p.latestEventAt && p.latestEventAt.epochMs > this.newestEventMs) this.newestEventMs = p.latestEventAt.epochMs;
    if (p.firstScanAt && (!facts.summaryFirstScan || p.firstScanAt.epochMs < facts.summaryFirstScan.at.epochMs)) {
      facts.summaryFirstScan = {
        at: this.stamp(p.firstScanAt)!,
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
      this.tracking.set(own(trackingNumber), f);
    }
    return f;
  }

  private ref(e: TrackingEvent): EventRef {
    return {
      at: this.stamp(e.at)!,
      description: this.intern(e.description)!,
      location: this.intern(e.location),
      class: e.class,
      source: e.source,
    };
  }

  private stamp(s: Stamp | undefined): Stamp | undefined {
    if (!s) return undefined;
    const key = `${s.precision}\u0000${s.zone}\u0000${s.zoneSource}\u0000${s.zoneNote ?? ''}\u0000${s.dayLengthMs ?? ''}`;
    let kind = this.kinds.get(key);
    if (!kind) {
      kind = { precision: s.precision, zone: s.zone, zoneSource: s.zoneSource, zoneNote: s.zoneNote, dayLengthMs: s.dayLengthMs };
      this.kinds.set(key, kind);
    }
    return new HeldStamp(own(s.raw), s.epochMs, kind);
  }

  private intern(s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    let v = this.shared.get(s);
    if (v === undefined) {
      v = own(s);
      this.shared.set(v, v);
    }
    return v;
  }
}

/**
 * A copy of a string that does not share the memory of the text it was cut from. V8 keeps a substring
 * of 13 characters or more as a view into its parent; prefixing and slicing again makes it flatten a
 * fresh copy first. Shorter substrings are copies already.
 */
function own(s: string): string {
  // A JSON round trip yields a flat string of its own, and measured smallest of the ways tried (bench/RESULTS.md).
  return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}

/** How a group of stamps was read: shared by every stamp read the same way (same zone, source, note). */
interface StampKind {
  precision: Precision;
  zone: string;
  zoneSource: ZoneSource;
  zoneNote?: string;
  dayLengthMs?: number;
}

/**
 * A kept stamp: its own text and instant, the rest shared. A million orders hold millions of stamps, and
 * most of a plain stamp's fields are the same for every row of a file.
 */
class HeldStamp implements Stamp {
  constructor(
    readonly raw: string,
    readonly epochMs: number,
    private readonly kind: StampKind,
  ) {}
  get precision(): Precision {
    return this.kind.precision;
  }
  get zone(): string {
    return this.kind.zone;
  }
  get zoneSource(): ZoneSource {
    return this.kind.zoneSource;
  }
  get zoneNote(): string | undefined {
    return this.kind.zoneNote;
  }
  get dayLengthMs(): number | undefined {
    return this.kind.dayLengthMs;
  }
  get localDate(): string {
    return localDateInZone(this.epochMs, this.kind.zone);
  }
  toJSON(): Stamp {
    const { raw, epochMs, precision, zone, zoneSource, zoneNote, localDate, dayLengthMs } = this;
    return { raw, epochMs, precision, zone, zoneSource, zoneNote, localDate, dayLengthMs };
  }
}
