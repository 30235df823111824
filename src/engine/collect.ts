import {
  CHANNEL_VALUES,
  EVENT_CLASS_VALUES,
  ORDER_STATUS_VALUES,
  type Channel,
  type ConfirmationRecord,
  type EventClass,
  type OrderRecord,
  type OrderStatus,
  type PackageSummary,
  type SourceRef,
  type TrackingEvent,
} from '../model/records.js';
import { MARKETPLACES, marketplaceOf } from '../knowledge/amazon.js';
import type { AssignmentRecord } from '../model/records.js';
import type { EventRef, TrackingFacts } from '../model/shipment.js';
import type { Stamp } from '../model/timestamp.js';
import type { RecordSink } from '../read/types.js';
import { EventClock, type ClockPart } from './clock.js';
import { NO_ITEMS, type RecordsPart } from './record-log.js';
import {
  f64,
  FileNames,
  i32,
  Interner,
  packTexts,
  StampKinds,
  StampTable,
  StringIndex,
  u8,
  unpackText,
  type Column,
  type HeldStamp,
  type PackedTexts,
  type StampBlock,
  type StampKind,
} from './columns.js';

/** An order as the collector merged it from all its item rows and reports. */
export interface CollectedOrder {
  orderId: string;
  purchasedAt?: Stamp;
  latestShipDate?: Stamp;
  status?: OrderStatus;
  channel?: Channel;
  items?: number;
  itemRows: number;
  awaitingShipment?: boolean;
  source: SourceRef;
}

/** One order's records as the readers gave them. */
export interface KeptOrder {
  orderId: string;
  orders: OrderRecord[];
  confirmations: ConfirmationRecord[];
}

/** A confirmation as the join reads it. */
export interface CollectedConfirmation {
  orderId: string;
  confirmedAt?: Stamp;
  carrier?: string;
  trackingNumber: string;
  trackingRaw?: string;
  source: SourceRef;
}

/**
 * Everything a collector learnt from tracking files, as arrays indexed by its own tracking number ids:
 * what a reading thread hands to the main one (typed arrays move without a copy, texts go packed).
 */
export interface TrackingPart {
  numbers: PackedTexts;
  tracked: Uint8Array;
  events: Int32Array;
  possessionWithoutTime: Uint8Array;
  latestStatus: Array<[number, string]>;
  summaryFirstScan: Array<[number, Stamp, SourceRef]>;
  firstPossession: SlotPart;
  lastEvent: SlotPart;
  texts: string[];
  kinds: StampKind[];
  files: string[];
  newestEventMs: number;
  clock: ClockPart;
  eventsSeen: number;
  packagesSeen: number;
  afterAsOf: AfterAsOf;
}

/** What was left out because it happened after the as-of time (see Collector's asOfMs). */
export interface AfterAsOf {
  orders: number;
  confirmations: number;
  /** Carrier events, and package summaries' first-scan values. */
  events: number;
}

/** One event slot per tracking number id: the number of its stamp in `stamps`, -1 where the number has none. */
interface SlotPart {
  stamps: StampBlock;
  stamp: Int32Array;
  ms: Float64Array;
  /** One column per fact of EVENT_FACTS. */
  facts: Record<EventFact, Int32Array | Uint8Array>;
}

/** Another collector's ids as this one's, and how far its line numbers are to move. */
interface PartIds {
  numbers: Int32Array;
  texts: Int32Array;
  kinds: Int32Array;
  files: Int32Array;
  lineOffset: number;
}

/** The buffers of a part, to transfer rather than copy. */
export function transferablesOf(p: TrackingPart): ArrayBuffer[] {
  const slot = (s: SlotPart) => [
    s.stamps.texts.ends,
    s.stamps.ms,
    s.stamps.kind,
    s.stamp,
    s.ms,
    ...Object.values(s.facts),
  ];
  const clock = p.clock.newest.length > 0 ? [p.clock.newest, p.clock.count] : [];
  const slots = [...slot(p.firstPossession), ...slot(p.lastEvent)];
  const arrays = [p.numbers.ends, p.tracked, p.events, p.possessionWithoutTime, ...slots];
  return [...arrays, ...clock].map((a) => a.buffer as ArrayBuffer);
}

// Column codes for the model's value lists; 0 stands for "not given".
const STATUSES = [undefined, ...ORDER_STATUS_VALUES] as const;
const CHANNELS = [undefined, ...CHANNEL_VALUES] as const;
const CLASSES = EVENT_CLASS_VALUES;
function code<T>(list: readonly T[], v: T): number {
  const i = list.indexOf(v);
  if (i < 0) throw new Error(`no column code for ${String(v)}`);
  return i;
}

/**
 * Gathers what the readers push, folding as it goes: every item row of an order into one order, every
 * scan of a tracking number into its first physical scan and its last event. A year of tracking data is tens
 * of millions of events, and the audit needs two of them per package.
 *
 * What is kept goes into columns (./columns.ts): numbers in typed arrays, texts packed, repeated texts
 * once. Orders, confirmations and tracking numbers are numbered in the order first seen; a tracking number
 * has one number whether a confirmation or a tracking file named it first, so the join compares numbers.
 */
export class Collector implements RecordSink {
  /** Newest event time seen: the audit's default clock. */
  newestEventMs = -Infinity;
  /** Every event time by day, for a clock that leaves out events dated in the future (see clockAt). */
  readonly clock = new EventClock();
  /** Newest purchase date and newest confirmation read: each side's freshness. */
  newestOrderMs = -Infinity;
  newestConfirmationMs = -Infinity;
  /** The UTC days with an order or a confirmation (day numbers): each side's rhythm for the check. */
  readonly orderDays = new Set<number>();
  readonly confirmationDays = new Set<number>();
  eventsSeen = 0;
  packagesSeen = 0;
  /** Records left out as later than the as-of time: item rows, confirmations, events. */
  readonly afterAsOf: AfterAsOf = { orders: 0, confirmations: 0, events: 0 };
  /** The as-of time: what happened after it is not yet known then (Infinity: nothing is left out). */
  private readonly asOfMs: number;
  /** Tracking numbers assigned and not yet confirmed: kept for the confirmation gate's backlog, not audited. */
  readonly assignments: AssignmentRecord[] = [];
  /** The records of one order as read (`keepOrder`, for `explain`), those after the as-of time left out. */
  readonly kept?: KeptOrder;

  private readonly kinds = new StampKinds();
  private readonly files = new FileNames();
  private readonly shared = new Interner();

  // Orders, by order number.
  private readonly orderIndex = new StringIndex();
  private readonly orderIds = this.orderIndex.keys;
  private readonly oStamps = new StampTable(this.kinds);
  private readonly oPurchased = i32(-1);
  private readonly oLatestShip = i32(-1);
  private readonly oStatus = u8();
  private readonly oChannel = u8();
  private readonly oItems = i32(-1);
  private readonly oItemRows = i32();
  private readonly oAwaiting = u8();
  private readonly oFile = i32();
  private readonly oLine = i32();
  /** The order's marketplace, as its number in MARKETPLACES plus one (0: not named). */
  private readonly oMarket = u8();
  /** Orders per marketplace named by their sales channel (channel name → orders). */
  readonly marketplaces = new Map<string, number>();

  // Confirmations, by confirmation number.
  private confCount = 0;
  private readonly cOrderIds: string[] = [];
  /** The order's number when its order was read before it, else -1 (the join looks again). */
  private readonly cOrder = i32(-1);
  private readonly cStamps = new StampTable(this.kinds);
  private readonly cAt = i32(-1);
  private readonly cCarrier = i32(-1);
  private readonly cNumber = i32(-1);
  private readonly cTrackingRaw = new Map<number, string>();
  private readonly cFile = i32();
  private readonly cLine = i32();
  /** Order numbers for confirmations of orders no order file has named (yet). */
  private readonly unknownOrders = new Map<string, string>();

  // Tracking numbers, by tracking number id.
  private readonly numberIndex = new StringIndex();
  private readonly numbers = this.numberIndex.keys;
  private trackedCount = 0;
  private readonly tTracked = u8();
  private readonly tEvents = i32();
  private readonly tPossessionWithoutTime = u8();
  private readonly tLatestStatus = new Map<number, string>();
  private readonly tSummaryStamps = new StampTable(this.kinds);
  /** Package summaries' first-scan column: stamp number and source, by tracking number id. */
  private readonly tSummaryFirstScan = new Map<number, { stamp: number; ms: number; file: number; line: number }>();
  private readonly firstPossession: EventSlots;
  private readonly lastEvent: EventSlots;

  /**
   * `part`: a collector whose tracking data another takes in (see trackingPart and absorb), as a second
   * reading thread's is. It numbers tracking numbers by runs of rows, without looking each new one up:
   * a number that comes back later gets a second number, and absorb, which looks every number up in the
   * taking collector anyway, puts the two together as if read in one: lookups in a table of millions are
   * cache misses, which the thread is spared.
   */
  constructor(private readonly options: { part?: boolean; asOfMs?: number; keepOrder?: string } = {}) {
    this.asOfMs = options.asOfMs ?? Infinity;
    if (options.keepOrder !== undefined) this.kept = { orderId: options.keepOrder, orders: [], confirmations: [] };
    const tables = { shared: this.shared, files: this.files };
    this.firstPossession = new EventSlots(new StampTable(this.kinds), tables);
    this.lastEvent = new EventSlots(new StampTable(this.kinds), tables);
  }

  /** Newest order or confirmation time read, if any. */
  get newestOrderDataMs(): number | undefined {
    const ms = Math.max(this.newestOrderMs, this.newestConfirmationMs);
    return Number.isFinite(ms) ? ms : undefined;
  }

  get orderCount(): number {
    return this.orderIds.length;
  }

  get confirmationCount(): number {
    return this.confCount;
  }

  /** Tracking number ids handed out (confirmed or tracked). */
  get numberCount(): number {
    return this.numbers.length;
  }

  /** Tracking numbers that a tracking file mentions (not those only confirmed). */
  get trackingCount(): number {
    return this.trackedCount;
  }

  /**
   * Whether a stamp is certainly later than the as-of time: a date-only value only when its whole day is, so
   * that a replay never loses what may have happened before that moment.
   */
  private afterAsOfTime(at: Stamp | undefined): boolean {
    return at !== undefined && at.epochMs > this.asOfMs;
  }

  order(r: OrderRecord): void {
    // An order purchased after the as-of time was not there yet.
    if (this.afterAsOfTime(r.purchasedAt)) {
      this.afterAsOf.orders++;
      return;
    }
    if (this.kept?.orderId === r.orderId) this.kept.orders.push(r);
    const before = this.orderIndex.size;
    const have = this.orderIndex.intern(r.orderId);
    const purchased = r.purchasedAt?.epochMs;
    if (purchased !== undefined && purchased > this.newestOrderMs) this.newestOrderMs = purchased;
    if (purchased !== undefined) this.orderDays.add(Math.floor(purchased / 86_400_000));
    if (have === before) {
      const i = have;
      this.oPurchased.set(i, this.oStamps.add(r.purchasedAt));
      this.oLatestShip.set(i, this.oStamps.add(r.latestShipDate));
      this.oStatus.set(i, code(STATUSES, r.status));
      this.oChannel.set(i, code(CHANNELS, r.channel));
      if (r.items !== undefined) this.oItems.set(i, r.items);
      this.oItemRows.set(i, 1);
      if (r.awaitingShipment) this.oAwaiting.set(i, 1);
      this.oFile.set(i, this.files.id(r.source.file));
      this.oLine.set(i, r.source.line);
      this.marketOf(i, r.salesChannel);
      return;
    }
    if (this.oMarket.get(have) === 0) this.marketOf(have, r.salesChannel);
    const i = have;
    this.oItemRows.set(i, this.oItemRows.get(i) + 1);
    this.oItems.set(i, Math.max(this.oItems.get(i), 0) + (r.items ?? 1));
    // Several reports can describe one order; each fills what the others lack.
    if (this.oPurchased.get(i) < 0) this.oPurchased.set(i, this.oStamps.add(r.purchasedAt));
    if (this.oLatestShip.get(i) < 0) this.oLatestShip.set(i, this.oStamps.add(r.latestShipDate));
    if (this.oChannel.get(i) === 0) this.oChannel.set(i, code(CHANNELS, r.channel));
    if (r.awaitingShipment) this.oAwaiting.set(i, 1);
    const status = STATUSES[this.oStatus.get(i)];
    if (r.status && (!status || status === 'other')) this.oStatus.set(i, code(STATUSES, r.status));
  }

  private marketOf(i: number, salesChannel: string | undefined): void {
    const m = marketplaceOf(salesChannel);
    if (!m) return;
    this.oMarket.set(i, MARKETPLACES.indexOf(m) + 1);
    this.marketplaces.set(m.channel, (this.marketplaces.get(m.channel) ?? 0) + 1);
  }

  /** The marketplace an order's sales channel named, if any. */
  marketplaceOfOrder(orderId: string): (typeof MARKETPLACES)[number] | undefined {
    const i = this.orderIndex.find(orderId);
    const code = i < 0 ? 0 : this.oMarket.get(i);
    return code === 0 ? undefined : MARKETPLACES[code - 1];
  }

  confirmation(r: ConfirmationRecord): void {
    if (this.afterAsOfTime(r.confirmedAt)) {
      this.afterAsOf.confirmations++;
      return;
    }
    if (this.kept?.orderId === r.orderId) this.kept.confirmations.push(r);
    const i = this.confCount++;
    const at = r.confirmedAt?.epochMs;
    if (at !== undefined && at > this.newestConfirmationMs) this.newestConfirmationMs = at;
    if (at !== undefined) this.confirmationDays.add(Math.floor(at / 86_400_000));
    const o = this.orderIndex.find(r.orderId);
    this.cOrder.set(i, o);
    this.cOrderIds.push(o >= 0 ? this.orderIds[o] : this.unknownOrderId(r.orderId));
    this.cAt.set(i, this.cStamps.add(r.confirmedAt));
    this.cCarrier.set(i, this.shared.optional(r.carrier));
    this.cNumber.set(i, r.trackingNumber === '' ? -1 : this.numberId(r.trackingNumber));
    if (r.trackingRaw !== undefined && r.trackingRaw !== r.trackingNumber) this.cTrackingRaw.set(i, r.trackingRaw);
    this.cFile.set(i, this.files.id(r.source.file));
    this.cLine.set(i, r.source.line);
  }

  event(e: TrackingEvent): void {
    this.eventsSeen++;
    if (this.afterAsOfTime(e.at)) {
      this.afterAsOf.events++;
      return;
    }
    const t = this.tracked(e.trackingNumber);
    this.tEvents.set(t, this.tEvents.get(t) + 1);
    if (!e.at) return;
    const ms = e.at.epochMs;
    if (ms > this.newestEventMs) this.newestEventMs = ms;
    this.clock.add(ms);
    if (!this.lastEvent.has(t) || ms >= this.lastEvent.epochMs(t)) this.lastEvent.set(t, e);
    if (e.possession && (!this.firstPossession.has(t) || ms < this.firstPossession.epochMs(t)))
      this.firstPossession.set(t, e);
  }

  assignment(r: AssignmentRecord): void {
    this.assignments.push(r);
  }

  package(p: PackageSummary): void {
    this.packagesSeen++;
    if (this.afterAsOfTime(p.firstScanAt)) {
      // The package's row as it stood at the as-of time: no first scan yet, and its status (of a later
      // moment) proves nothing about then.
      this.afterAsOf.events++;
      p = { ...p, firstScanAt: undefined, statusClass: undefined, latestEventAt: undefined };
    } else if (this.afterAsOfTime(p.latestEventAt)) {
      p = { ...p, statusClass: undefined, latestEventAt: undefined };
    }
    const t = this.tracked(p.trackingNumber);
    if (p.status !== undefined) this.tLatestStatus.set(t, this.shared.texts[this.shared.id(p.status)]);
    if (p.statusClass?.possession) this.tPossessionWithoutTime.set(t, 1);
    if (p.latestEventAt && p.latestEventAt.epochMs > this.newestEventMs) this.newestEventMs = p.latestEventAt.epochMs;
    if (p.latestEventAt) this.clock.add(p.latestEventAt.epochMs);
    const have = this.tSummaryFirstScan.get(t);
    if (p.firstScanAt && (!have || p.firstScanAt.epochMs < have.ms)) {
      this.tSummaryFirstScan.set(t, {
        stamp: this.tSummaryStamps.add(p.firstScanAt),
        ms: p.firstScanAt.epochMs,
        file: this.files.id(p.source.file),
        line: p.source.line,
      });
      if (p.firstScanAt.epochMs > this.newestEventMs) this.newestEventMs = p.firstScanAt.epochMs;
      if (!p.latestEventAt) this.clock.add(p.firstScanAt.epochMs);
    }
  }

  /** What this collector learnt from tracking files, to hand to another (see absorb). */
  trackingPart(): TrackingPart {
    const count = this.numbers.length;
    const summary: TrackingPart['summaryFirstScan'] = [];
    for (const n of this.tSummaryFirstScan.keys()) {
      const f = this.trackingAt(n)!.summaryFirstScan!;
      summary.push([n, JSON.parse(JSON.stringify(f.at)) as Stamp, f.source]);
    }
    return {
      numbers: packTexts(this.numbers),
      tracked: this.tTracked.copy(count),
      events: this.tEvents.copy(count),
      possessionWithoutTime: this.tPossessionWithoutTime.copy(count),
      latestStatus: [...this.tLatestStatus],
      summaryFirstScan: summary,
      firstPossession: this.firstPossession.part(count),
      lastEvent: this.lastEvent.part(count),
      texts: this.shared.texts,
      kinds: this.kinds.all(),
      files: this.files.all(),
      newestEventMs: this.newestEventMs,
      clock: this.clock.part(),
      eventsSeen: this.eventsSeen,
      packagesSeen: this.packagesSeen,
      afterAsOf: { ...this.afterAsOf },
    };
  }

  /**
   * Takes in what another collector read from tracking files, as if this one had read them next: counts
   * add up, the first possession scan stays the earliest (the earlier read on a tie) and the last event the
   * latest (the later read on a tie). `lineOffset` is added to the part's line numbers: a part read from the
   * middle of a file counted its lines from there.
   */
  absorb(p: TrackingPart, lineOffset = 0): void {
    const remap = new Int32Array(p.tracked.length);
    for (let w = 0; w < remap.length; w++) remap[w] = this.numberId(unpackText(p.numbers, w));
    const texts = Int32Array.from(p.texts, (t) => this.shared.id(t));
    const kinds = Int32Array.from(p.kinds, (k) => this.kinds.idOf(k));
    const files = Int32Array.from(p.files, (f) => this.files.id(f));
    for (let w = 0; w < remap.length; w++) {
      const n = remap[w];
      if (p.tracked[w] && this.tTracked.get(n) === 0) {
        this.tTracked.set(n, 1);
        this.trackedCount++;
      }
      this.tEvents.set(n, this.tEvents.get(n) + p.events[w]);
      if (p.possessionWithoutTime[w]) this.tPossessionWithoutTime.set(n, 1);
    }
    for (const [w, status] of p.latestStatus)
      this.tLatestStatus.set(remap[w], this.shared.texts[this.shared.id(status)]);
    for (const [w, at, source] of p.summaryFirstScan) {
      const have = this.tSummaryFirstScan.get(remap[w]);
      if (have && have.ms <= at.epochMs) continue;
      this.tSummaryFirstScan.set(remap[w], {
        stamp: this.tSummaryStamps.add(at),
        ms: at.epochMs,
        file: this.files.id(source.file),
        line: source.line + lineOffset,
      });
    }
    const ids = { numbers: remap, texts, kinds, files, lineOffset };
    this.firstPossession.absorb(p.firstPossession, ids, (theirs, ours) => theirs < ours);
    this.lastEvent.absorb(p.lastEvent, ids, (theirs, ours) => theirs >= ours);
    this.newestEventMs = Math.max(this.newestEventMs, p.newestEventMs);
    this.clock.absorb(p.clock);
    this.eventsSeen += p.eventsSeen;
    this.packagesSeen += p.packagesSeen;
    this.afterAsOf.orders += p.afterAsOf.orders;
    this.afterAsOf.confirmations += p.afterAsOf.confirmations;
    this.afterAsOf.events += p.afterAsOf.events;
  }

  /**
   * Takes in the orders and confirmations a reading thread read (see RecordLog), as if this collector read
   * them next, record by record: what order() and confirmation() do, from the part's columns. A stamp is
   * copied in only when kept (a second order file's rows mostly add nothing to orders already read).
   * `lineOffset` is added to the part's line numbers (a part read from the middle of a file).
   */
  absorbRecords(p: RecordsPart, lineOffset = 0): void {
    if (this.kept) throw new Error('Collector.absorbRecords: records kept for explain are read here');
    const kinds = Int32Array.from(p.kinds, (k) => this.kinds.idOf(k));
    const files = Int32Array.from(p.files, (f) => this.files.id(f));
    const { texts } = p;
    const status = Int32Array.from(texts, (t) => STATUSES.indexOf(t as OrderStatus));
    const channel = Int32Array.from(texts, (t) => CHANNELS.indexOf(t as Channel));
    const oStamp = (s: number) => (s < 0 ? -1 : this.oStamps.addFrom(p.oStamps, s, kinds[p.oStamps.kind[s]]));
    let w = 0;
    let v = 0;
    for (let r = 0; r < p.runs.length; r += 2) {
      const end = (p.runs[r] === 1 ? w : v) + p.runs[r + 1];
      if (p.runs[r] === 1) {
        for (; w < end; w++) {
          const purchased = p.oPurchasedMs[w];
          if (purchased > this.asOfMs) {
            this.afterAsOf.orders++;
            continue;
          }
          const before = this.orderIndex.size;
          const i = this.orderIndex.intern(unpackText(p.orderIds, w));
          if (purchased > this.newestOrderMs) this.newestOrderMs = purchased;
          if (!Number.isNaN(purchased)) this.orderDays.add(Math.floor(purchased / 86_400_000));
          const sales = p.oSalesChannel[w] < 0 ? undefined : texts[p.oSalesChannel[w]];
          const items = p.oItems[w];
          const st = p.oStatus[w] < 0 ? 0 : status[p.oStatus[w]];
          const ch = p.oChannel[w] < 0 ? 0 : channel[p.oChannel[w]];
          if (i === before) {
            this.oPurchased.set(i, oStamp(p.oPurchased[w]));
            this.oLatestShip.set(i, oStamp(p.oLatestShip[w]));
            this.oStatus.set(i, st);
            this.oChannel.set(i, ch);
            if (items !== NO_ITEMS) this.oItems.set(i, items);
            this.oItemRows.set(i, 1);
            if (p.oAwaiting[w]) this.oAwaiting.set(i, 1);
            this.oFile.set(i, files[p.oFile[w]]);
            this.oLine.set(i, p.oLine[w] + lineOffset);
            this.marketOf(i, sales);
            continue;
          }
          if (this.oMarket.get(i) === 0) this.marketOf(i, sales);
          this.oItemRows.set(i, this.oItemRows.get(i) + 1);
          this.oItems.set(i, Math.max(this.oItems.get(i), 0) + (items !== NO_ITEMS ? items : 1));
          if (this.oPurchased.get(i) < 0) this.oPurchased.set(i, oStamp(p.oPurchased[w]));
          if (this.oLatestShip.get(i) < 0) this.oLatestShip.set(i, oStamp(p.oLatestShip[w]));
          if (this.oChannel.get(i) === 0) this.oChannel.set(i, ch);
          if (p.oAwaiting[w]) this.oAwaiting.set(i, 1);
          const have = STATUSES[this.oStatus.get(i)];
          if (st !== 0 && (!have || have === 'other')) this.oStatus.set(i, st);
        }
      } else {
        for (; v < end; v++) {
          const at = p.cAtMs[v];
          if (at > this.asOfMs) {
            this.afterAsOf.confirmations++;
            continue;
          }
          const i = this.confCount++;
          if (at > this.newestConfirmationMs) this.newestConfirmationMs = at;
          if (!Number.isNaN(at)) this.confirmationDays.add(Math.floor(at / 86_400_000));
          const orderId = unpackText(p.cOrderIds, v);
          const o = this.orderIndex.find(orderId);
          this.cOrder.set(i, o);
          this.cOrderIds.push(o >= 0 ? this.orderIds[o] : this.unknownOrderId(orderId));
          const stamp = p.cAt[v];
          this.cAt.set(i, stamp < 0 ? -1 : this.cStamps.addFrom(p.cStamps, stamp, kinds[p.cStamps.kind[stamp]]));
          this.cCarrier.set(i, p.cCarrier[v] < 0 ? -1 : this.shared.id(texts[p.cCarrier[v]]));
          const number = unpackText(p.cNumbers, v);
          this.cNumber.set(i, number === '' ? -1 : this.numberId(number));
          const raw = p.cRaw[v] < 0 ? undefined : texts[p.cRaw[v]];
          if (raw !== undefined && raw !== number) this.cTrackingRaw.set(i, raw);
          this.cFile.set(i, files[p.cFile[v]]);
          this.cLine.set(i, p.cLine[v] + lineOffset);
        }
      }
    }
  }

  // ---- reading back, by number ----

  orderNumber(orderId: string): number | undefined {
    const i = this.orderIndex.find(orderId);
    return i < 0 ? undefined : i;
  }

  /** The order number of a confirmation, when known (-1: none, or its order was read after it). */
  confirmationOrder(i: number): number {
    return this.cOrder.get(i);
  }

  orderAt(i: number): CollectedOrder {
    const items = this.oItems.get(i);
    return {
      orderId: this.orderIds[i],
      purchasedAt: this.oStamps.stamp(this.oPurchased.get(i)),
      latestShipDate: this.oStamps.stamp(this.oLatestShip.get(i)),
      status: STATUSES[this.oStatus.get(i)],
      channel: CHANNELS[this.oChannel.get(i)],
      items: items < 0 ? undefined : items,
      itemRows: this.oItemRows.get(i),
      awaitingShipment: this.oAwaiting.get(i) === 1 || undefined,
      source: { file: this.files.name(this.oFile.get(i)), line: this.oLine.get(i) },
    };
  }

  /** The order's purchase time. */
  orderPurchasedAt(i: number): HeldStamp | undefined {
    return this.oStamps.stamp(this.oPurchased.get(i));
  }

  /** The latest ship date an order file gave (not one computed from the handling time). */
  orderLatestShipDate(i: number): HeldStamp | undefined {
    return this.oStamps.stamp(this.oLatestShip.get(i));
  }

  /** Items as the order files count them, else the number of item rows. */
  orderItems(i: number): number {
    const items = this.oItems.get(i);
    return items < 0 ? this.oItemRows.get(i) : items;
  }

  orderSource(i: number): SourceRef {
    return { file: this.files.name(this.oFile.get(i)), line: this.oLine.get(i) };
  }

  orderIdAt(i: number): string {
    return this.orderIds[i];
  }

  orderChannel(i: number): Channel | undefined {
    return CHANNELS[this.oChannel.get(i)];
  }

  orderStatus(i: number): OrderStatus | undefined {
    return STATUSES[this.oStatus.get(i)];
  }

  orderAwaiting(i: number): boolean {
    return this.oAwaiting.get(i) === 1;
  }

  confirmationAt(i: number): CollectedConfirmation {
    const n = this.cNumber.get(i);
    return {
      orderId: this.cOrderIds[i],
      confirmedAt: this.cStamps.stamp(this.cAt.get(i)),
      carrier: this.shared.text(this.cCarrier.get(i)),
      trackingNumber: n < 0 ? '' : this.numbers[n],
      trackingRaw: this.cTrackingRaw.get(i),
      source: this.confirmationSource(i),
    };
  }

  confirmationSource(i: number): SourceRef {
    return { file: this.files.name(this.cFile.get(i)), line: this.cLine.get(i) };
  }

  confirmationOrderId(i: number): string {
    return this.cOrderIds[i];
  }

  /**
   * Signs that one side of the data stopped while another went on (see the nightly check): confirmations
   * made after `ms` whose order no order file names, and tracking numbers first scanned after `ms` that no
   * confirmation names.
   */
  movedOnAfter(ms: number): { confirmationsWithoutOrder: number; scansWithoutConfirmation: number } {
    let confirmationsWithoutOrder = 0;
    const confirmed = new Uint8Array(this.numbers.length);
    for (let i = 0; i < this.confCount; i++) {
      const n = this.cNumber.get(i);
      if (n >= 0) confirmed[n] = 1;
      if (this.confirmedMs(i) > ms && this.orderIndex.find(this.cOrderIds[i]) < 0) confirmationsWithoutOrder++;
    }
    let scansWithoutConfirmation = 0;
    for (let t = 0; t < this.numbers.length; t++) {
      const scanned = this.firstPossession.has(t) && this.firstPossession.epochMs(t) > ms;
      if (scanned && !confirmed[t]) scansWithoutConfirmation++;
    }
    return { confirmationsWithoutOrder, scansWithoutConfirmation };
  }

  /** Epoch ms of the confirmation, NaN when it has no time. */
  confirmedMs(i: number): number {
    const s = this.cAt.get(i);
    return s < 0 ? NaN : this.cStamps.epochMs(s);
  }

  confirmedStamp(i: number): HeldStamp | undefined {
    return this.cStamps.stamp(this.cAt.get(i));
  }

  confirmationCarrier(i: number): string | undefined {
    return this.shared.text(this.cCarrier.get(i));
  }

  /** The tracking number id of a confirmation; -1 when it carried none. */
  confirmationNumber(i: number): number {
    return this.cNumber.get(i);
  }

  confirmationTrackingRaw(i: number): string | undefined {
    return this.cTrackingRaw.get(i);
  }

  trackingNumberText(n: number): string {
    return this.numbers[n];
  }

  /** What the tracking files say about a tracking number id; undefined when none mentions it. */
  trackingAt(n: number): TrackingFacts | undefined {
    if (this.tTracked.get(n) !== 1) return undefined;
    const summary = this.tSummaryFirstScan.get(n);
    const summaryFirstScan: EventRef | undefined = summary && {
      at: this.tSummaryStamps.stamp(summary.stamp)!,
      description: 'first scan / pickup (package summary)',
      class: 'physical',
      source: { file: this.files.name(summary.file), line: summary.line },
    };
    return new HeldTracking(
      this.lastEvent,
      n,
      this.tEvents.get(n),
      this.firstPossession.get(n),
      summaryFirstScan,
      this.tPossessionWithoutTime.get(n) === 1 || undefined,
      this.tLatestStatus.get(n),
    );
  }

  /** By the texts: for tests and `explain`. */
  orderById(orderId: string): CollectedOrder | undefined {
    const i = this.orderIndex.find(orderId);
    return i < 0 ? undefined : this.orderAt(i);
  }

  trackingFacts(trackingNumber: string): TrackingFacts | undefined {
    const n = this.numberIndex.find(trackingNumber);
    return n < 0 ? undefined : this.trackingAt(n);
  }

  private unknownOrderId(orderId: string): string {
    let id = this.unknownOrders.get(orderId);
    if (id === undefined) {
      id = orderId;
      this.unknownOrders.set(id, id);
    }
    return id;
  }

  private lastNumber = '';
  private lastNumberId = -1;

  private numberId(trackingNumber: string): number {
    // A tracking export lists a package's events together: most rows repeat the number before.
    if (trackingNumber === this.lastNumber) return this.lastNumberId;
    const n = this.options.part ? this.numberIndex.append(trackingNumber) : this.numberIndex.intern(trackingNumber);
    this.lastNumber = this.numbers[n];
    this.lastNumberId = n;
    return n;
  }

  private tracked(trackingNumber: string): number {
    const n = this.numberId(trackingNumber);
    if (this.tTracked.get(n) === 0) {
      this.tTracked.set(n, 1);
      this.trackedCount++;
    }
    return n;
  }
}

/** Where an event's facts are numbered: texts once each, source files by number. */
interface FactTables {
  shared: Interner;
  files: FileNames;
}

/** What the collector keeps of one fact of an event: its column, how it is written, renumbered and read. */
interface EventFactSpec {
  column: () => Column<Int32Array> | Column<Uint8Array>;
  /** The number kept for the event's fact. */
  write(e: TrackingEvent, t: FactTables): number;
  /** Another collector's number (a reading thread's part) as this collector's. */
  adopt(v: number, ids: PartIds): number;
}

/**
 * The facts kept of each kept event besides its time (a stamp of its own), one entry each: adding a fact
 * is an entry here, the field in the model's EventRef and its getter on HeldEvent. Texts are numbers in the
 * collector's shared texts; the class is its place in the model's list.
 */
const EVENT_FACTS = {
  description: { column: () => i32(), write: (e, t) => t.shared.id(e.description), adopt: (v, ids) => ids.texts[v] },
  location: {
    column: () => i32(-1),
    write: (e, t) => t.shared.optional(e.location),
    adopt: (v, ids) => (v < 0 ? -1 : ids.texts[v]),
  },
  class: { column: () => u8(), write: (e) => code(CLASSES, e.class), adopt: (v) => v },
  file: { column: () => i32(), write: (e, t) => t.files.id(e.source.file), adopt: (v, ids) => ids.files[v] },
  line: { column: () => i32(), write: (e) => e.source.line, adopt: (v, ids) => v + ids.lineOffset },
} satisfies Record<string, EventFactSpec>;

type EventFact = keyof typeof EVENT_FACTS;
const FACTS = Object.keys(EVENT_FACTS) as EventFact[];
const SPECS: readonly EventFactSpec[] = FACTS.map((f) => EVENT_FACTS[f]);
const COLUMN_OF = Object.fromEntries(FACTS.map((f, i) => [f, i])) as Record<EventFact, number>;

/**
 * One kept event per tracking number (its first possession scan, or its last event), overwritten as
 * later rows supersede it. The texts of overwritten stamps are garbage in the shared stamp table; when
 * they outnumber the live ones it is rebuilt, so memory follows packages, not events.
 */
class EventSlots {
  private readonly stamp = i32(-1);
  private readonly ms = f64();
  /** One column per fact, in the order of FACTS. */
  private readonly facts = SPECS.map((f) => f.column());
  private live = 0;

  constructor(
    private stamps: StampTable,
    readonly tables: FactTables,
  ) {}

  /**
   * The newest candidate of the number being read is held as the reader's event and written out only when
   * another number comes: in a time-ordered export every row supersedes the last event, and writing each
   * one would cost a stamp per event.
   */
  private hotN = -1;
  private hot: TrackingEvent | undefined;

  has(n: number): boolean {
    return n === this.hotN || this.stamp.get(n) >= 0;
  }

  epochMs(n: number): number {
    return n === this.hotN ? this.hot!.at!.epochMs : this.ms.get(n);
  }

  set(n: number, e: TrackingEvent): void {
    if (n !== this.hotN) this.commit();
    this.hotN = n;
    this.hot = e;
  }

  /** Fact `f` of slot n, as kept (a number). */
  fact(f: EventFact, n: number): number {
    return this.facts[COLUMN_OF[f]].get(n);
  }

  private commit(): void {
    const n = this.hotN;
    const e = this.hot;
    if (n < 0 || !e) return;
    this.hotN = -1;
    this.hot = undefined;
    if (this.stamp.get(n) < 0) this.live++;
    this.stamp.set(n, this.stamps.add(e.at));
    this.ms.set(n, e.at!.epochMs);
    for (let f = 0; f < SPECS.length; f++) this.facts[f].set(n, SPECS[f].write(e, this.tables));
    if (this.stamps.size > 2 * this.live + 65_536) this.compact();
  }

  part(count: number): SlotPart {
    this.commit();
    const facts = {} as SlotPart['facts'];
    FACTS.forEach((f, i) => (facts[f] = this.facts[i].copy(count)));
    return { stamps: this.stamps.block(), stamp: this.stamp.copy(count), ms: this.ms.copy(count), facts };
  }

  /**
   * Slots of another collector's part, its ids mapped to this one's (number, text, kind, file). A slot this
   * one holds already is replaced when `replaces(their time, our time)` says so.
   */
  absorb(p: SlotPart, ids: PartIds, replaces: (theirs: number, ours: number) => boolean): void {
    this.commit();
    // The part's stamps are taken in as they are (texts and all); only their kinds are renumbered.
    const base = this.stamps.adopt({ ...p.stamps, kind: p.stamps.kind.map((k) => ids.kinds[k]) });
    const theirs = FACTS.map((f) => p.facts[f]);
    for (let w = 0; w < ids.numbers.length; w++) {
      if (p.stamp[w] < 0) continue;
      const n = ids.numbers[w];
      if (this.stamp.get(n) < 0) this.live++;
      else if (!replaces(p.ms[w], this.ms.get(n))) continue;
      this.stamp.set(n, base + p.stamp[w]);
      this.ms.set(n, p.ms[w]);
      for (let f = 0; f < SPECS.length; f++) this.facts[f].set(n, SPECS[f].adopt(theirs[f][w], ids));
    }
    if (this.stamps.size > 2 * this.live + 65_536) this.compact();
  }

  /** The slot's event: its stamp now, its other facts read from the columns when asked for. */
  get(n: number): EventRef | undefined {
    if (n === this.hotN) this.commit();
    const s = this.stamp.get(n);
    if (s < 0) return undefined;
    return new HeldEvent(this.stamps.stamp(s)!, this, n);
  }

  private compact(): void {
    const fresh = new StampTable(this.stamps.kinds);
    for (let n = 0, seen = 0; seen < this.live; n++) {
      const s = this.stamp.get(n);
      if (s < 0) continue;
      this.stamp.set(n, fresh.copy(this.stamps, s));
      seen++;
    }
    this.stamps = fresh;
  }
}

/**
 * A kept event as the audit reads it: its time, and its other facts read from its slot when asked for
 * (most shipments show no finding, and the rules read little else). The collector is done reading when
 * shipments are made, so the slot holds still.
 */
class HeldEvent implements EventRef {
  constructor(
    readonly at: HeldStamp,
    private readonly slots: EventSlots,
    private readonly n: number,
  ) {}

  get description(): string {
    return this.slots.tables.shared.texts[this.slots.fact('description', this.n)];
  }
  get location(): string | undefined {
    return this.slots.tables.shared.text(this.slots.fact('location', this.n));
  }
  get class(): EventClass {
    return CLASSES[this.slots.fact('class', this.n)];
  }
  get source(): SourceRef {
    return {
      file: this.slots.tables.files.name(this.slots.fact('file', this.n)),
      line: this.slots.fact('line', this.n),
    };
  }
  toJSON(): EventRef {
    const { at, description, location, source } = this;
    return { at, description, location, class: this.class, source };
  }
}

/**
 * A tracking number's facts as the audit reads them. Its last event is made only when asked for: the rules
 * read it only for a number without a carrier scan.
 */
class HeldTracking implements TrackingFacts {
  private last: EventRef | undefined | null = null;

  constructor(
    private readonly slots: EventSlots,
    private readonly n: number,
    readonly events: number,
    readonly firstPossession: EventRef | undefined,
    readonly summaryFirstScan: EventRef | undefined,
    readonly possessionWithoutTime: true | undefined,
    readonly latestStatus: string | undefined,
  ) {}

  get lastEvent(): EventRef | undefined {
    if (this.last === null) this.last = this.slots.get(this.n);
    return this.last;
  }

  toJSON(): TrackingFacts {
    const { events, firstPossession, lastEvent, summaryFirstScan, possessionWithoutTime, latestStatus } = this;
    return { events, firstPossession, lastEvent, summaryFirstScan, possessionWithoutTime, latestStatus };
  }
}
