import { AWAITING_SHIPMENT } from '../knowledge/amazon.js';
import { recognizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { Channel, OrderStatus, SourceRef } from '../model/records.js';
import type { ExclusionKey } from '../model/result.js';
import type { OrderFacts, Recognition, Shipment, TrackingFacts } from '../model/shipment.js';
import type { Stamp } from '../model/timestamp.js';
import type { Collector } from './collect.js';
import { computeLatestShipDate, type Handling } from '../knowledge/ship-by.js';
import { orderByValue } from './order.js';

export interface Window {
  /** Inclusive, epoch ms. */
  fromMs?: number;
  /** Exclusive, epoch ms. */
  toMs?: number;
}

/** Why shipments were left out of the audit: machine keys (the words are EXCLUSION_LABELS, model/result.ts). */
export const EXCLUSION = {
  afn: 'afn',
  cancelled: 'cancelled',
  window: 'outside-window',
} as const satisfies Record<string, ExclusionKey>;

/**
 * The shipments of a run: indexable in audit order (confirmation time, then order id), iterable in that
 * order, and passable in the order they are stored. A shipment handed out is an object of its own and stays
 * valid; its fields are read from the columns when it is made, its rarely read parts (confirmation rows,
 * other orders of its number) when first asked for.
 */
export interface Shipments extends Iterable<Shipment> {
  /** How many shipments were joined. */
  readonly count: number;
  /** The i-th shipment in audit order. */
  at(i: number): Shipment;
  /**
   * Every shipment with its place in audit order, in the order they are stored (the confirmation files'
   * order): the columns are read in sequence, which a pass over all shipments wants.
   */
  each(visit: (s: Shipment, rank: number) => void): void;
}

export interface Joined extends Shipments {
  excluded: Partial<Record<ExclusionKey, number>>;
  /** Seller-fulfilled orders with no confirmation yet (from order reports), for the nightly check. */
  awaiting: OrderFacts[];
  /** Confirmations whose order no order file mentions (checked without purchase or ship-by dates). */
  withoutOrder: number;
}

/**
 * About how long `join` takes, in ms, from the number of confirmations: a rate taken from the bench
 * machine's timings (`SHIPAUDIT_TIMINGS=1`, bench/RESULTS.md). Only a hint, for sharing the reading
 * between threads while the join runs.
 */
export function expectedJoinMs(c: Collector): number {
  return c.confirmationCount * 0.0003;
}

/**
 * Orders join confirmations by order id; confirmations join tracking by normalised tracking number.
 * Each distinct (order, tracking number) is one shipment, confirmed at its earliest confirmation row.
 *
 * Works on the collector's numbers: every confirmation gets an order key (the order's number, or a new
 * one for an order no order file names), its rows are chained per order, and an order's packages are
 * told apart by tracking number id. No text is built or hashed per row.
 */
export function join(c: Collector, handling: Handling, window: Window = {}): Joined {
  const excluded: Partial<Record<ExclusionKey, number>> = {};
  const skip = (reason: ExclusionKey) => (excluded[reason] = (excluded[reason] ?? 0) + 1);

  const confs = c.confirmationCount;
  const orders = c.orderCount;
  const unknownKey = new Map<string, number>();
  const unknownIds: string[] = [];
  const keyOf = new Int32Array(confs);
  for (let k = 0; k < confs; k++) {
    const known = c.confirmationOrder(k);
    if (known >= 0) {
      keyOf[k] = known;
      continue;
    }
    const id = c.confirmationOrderId(k);
    let key = c.orderNumber(id);
    if (key === undefined) {
      key = unknownKey.get(id);
      if (key === undefined) {
        key = orders + unknownIds.length;
        unknownKey.set(id, key);
        unknownIds.push(id);
      }
    }
    keyOf[k] = key;
  }
  const keys = orders + unknownIds.length;
  const orderIdOfKey = (key: number) => (key < orders ? c.orderIdAt(key) : unknownIds[key - orders]);

  // Each order's confirmation rows, chained in file order.
  const head = new Int32Array(keys).fill(-1);
  const tail = new Int32Array(keys).fill(-1);
  const next = new Int32Array(confs).fill(-1);
  for (let k = 0; k < confs; k++) {
    const key = keyOf[k];
    if (head[key] < 0) head[key] = k;
    else next[tail[key]] = k;
    tail[key] = k;
  }

  const confirmed = new Uint8Array(keys);
  const seen = new Uint8Array(keys);
  const firstOrderOfNumber = new Int32Array(c.numberCount).fill(-1);
  /** Numbers confirmed on several orders: (first row of the package, order key) per package. */
  const shared = new Map<number, Array<[number, number]>>();
  // Per shipment (at most one per confirmation row): its earliest row, order key, number, and where its
  // rows start in `rows`. Typed and sized once: growing arrays and a row list per package would be most of
  // the join's allocations.
  const sFirst = new Int32Array(confs);
  const sKey = new Int32Array(confs);
  const sNumber = new Int32Array(confs);
  const sRowsFrom = new Int32Array(confs + 1);
  const rows = new Int32Array(confs);
  let count = 0;
  let rowCount = 0;
  let withoutOrder = 0;

  const pkgNumber: number[] = [];
  for (let k0 = 0; k0 < confs; k0++) {
    const key = keyOf[k0];
    if (seen[key]) continue;
    seen[key] = 1;
    // The order's packages by tracking number, in the order they first appear; an order has one or a few.
    pkgNumber.length = 0;
    for (let k = head[key]; k >= 0; k = next[k]) {
      const n = c.confirmationNumber(k);
      if (!pkgNumber.includes(n)) pkgNumber.push(n);
    }
    const order = key < orders ? key : -1;
    confirmed[key] = 1;
    for (const n of pkgNumber) {
      let start = -1;
      let first = -1;
      for (let k = head[key]; k >= 0; k = next[k]) {
        if (c.confirmationNumber(k) !== n) continue;
        if (start < 0) start = first = k;
        else if (c.confirmedMs(k) < c.confirmedMs(first)) first = k;
      }
      // Counted once per order below, not per package.
      if (order >= 0 && (c.orderChannel(order) === 'AFN' || c.orderStatus(order) === 'cancelled')) continue;
      const at = c.confirmedMs(first);
      if ((window.fromMs !== undefined && at < window.fromMs) || (window.toMs !== undefined && at >= window.toMs)) {
        skip(EXCLUSION.window);
        continue;
      }
      if (order < 0) withoutOrder++;
      if (n >= 0) {
        const before = firstOrderOfNumber[n];
        if (before < 0) firstOrderOfNumber[n] = key;
        else if (before !== key || shared.has(n)) {
          let l = shared.get(n);
          if (!l) shared.set(n, (l = [[packageStart(n, before), before]]));
          l.push([start, key]);
        }
      }
      sFirst[count] = first;
      sKey[count] = key;
      sNumber[count] = n;
      sRowsFrom[count] = rowCount;
      for (let k = start; k >= 0; k = next[k]) if (c.confirmationNumber(k) === n) rows[rowCount++] = k;
      count++;
    }
  }
  sRowsFrom[count] = rowCount;

  /** Where the package of number n on order key began (the order's first row with that number). */
  function packageStart(n: number, key: number): number {
    for (let k = head[key]; k >= 0; k = next[k]) if (c.confirmationNumber(k) === n) return k;
    return -1;
  }

  // Other orders per shared number, in the order their packages first appear in the confirmations.
  const sharedOrders = new Map<number, number[]>();
  for (const [n, list] of shared) {
    list.sort((a, b) => a[0] - b[0]);
    const distinct: number[] = [];
    for (const [, key] of list) if (!distinct.includes(key)) distinct.push(key);
    if (distinct.length > 1) sharedOrders.set(n, distinct);
  }

  const ms = new Float64Array(count);
  for (let i = 0; i < count; i++) ms[i] = c.confirmedMs(sFirst[i]);
  // By confirmation time; shipments confirmed at the same moment by order id as the audit lists them,
  // then as stored. Ordered by time first in one go, then each group of equal times by the rest.
  const sorted = orderByValue(ms);
  const tie = (a: number, b: number) =>
    (sKey[a] === sKey[b] ? a - b : orderIdOfKey(sKey[a]).localeCompare(orderIdOfKey(sKey[b]))) || a - b;
  for (let from = 0; from < count;) {
    let to = from + 1;
    while (to < count && ms[sorted[to]] === ms[sorted[from]]) to++;
    if (to - from > 1) sorted.subarray(from, to).sort(tie);
    from = to;
  }
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) rank[sorted[i]] = i;

  for (let o = 0; o < orders; o++) {
    if (c.orderChannel(o) === 'AFN') skip(EXCLUSION.afn);
    else if (c.orderStatus(o) === 'cancelled') skip(EXCLUSION.cancelled);
  }
  const awaiting: OrderFacts[] = [];
  for (let o = 0; o < orders; o++) {
    if (confirmed[o] || c.orderChannel(o) === 'AFN') continue;
    const status = c.orderStatus(o);
    if (c.orderAwaiting(o) || (status !== undefined && AWAITING_SHIPMENT.has(status)))
      awaiting.push(new JoinedOrder().load(c, o, handling));
  }

  const parts: ShipmentParts = {
    sources: (j) => Array.from(rows.subarray(sRowsFrom[j], sRowsFrom[j + 1]), (k) => c.confirmationSource(k)),
    sharedWith: (j) => {
      const others = sNumber[j] >= 0 ? sharedOrders.get(sNumber[j]) : undefined;
      return others ? others.filter((o) => o !== sKey[j]).map(orderIdOfKey) : NO_OTHERS;
    },
  };
  /** The j-th stored shipment, into a new `into`. */
  const load = (j: number, into: JoinedShipment): Shipment => {
    const first = sFirst[j];
    const key = sKey[j];
    const n = sNumber[j];
    let carrier: string | undefined;
    for (let r = sRowsFrom[j]; r < sRowsFrom[j + 1]; r++) if ((carrier = c.confirmationCarrier(rows[r]))) break;
    const confirmedAt = c.confirmedStamp(first)!;
    let order: OrderFacts | undefined;
    if (key < orders) order = new JoinedOrder().load(c, key, handling);
    return into.load(
      parts,
      j,
      orderIdOfKey(key),
      n < 0 ? '' : c.trackingNumberText(n),
      c.confirmationTrackingRaw(first),
      carrier || undefined,
      confirmedAt,
      order,
      n < 0 ? undefined : c.trackingAt(n),
    );
  };
  const at = (i: number) => load(sorted[i], new JoinedShipment());
  return {
    count,
    at,
    each(visit) {
      for (let j = 0; j < count; j++) visit(load(j, new JoinedShipment()), rank[j]);
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield at(i);
    },
    excluded,
    awaiting,
    withoutOrder,
  };
}

const NO_NUMBER = Object.freeze({ checkDigit: 'none' as const });
/** Nearly every shipment's number is its own: one empty list for them all (the rule asks every shipment). */
const NO_OTHERS: readonly string[] = Object.freeze([]);

/** What a shipment looks up only when asked: most shipments have no finding to show their rows for. */
interface ShipmentParts {
  sources(j: number): SourceRef[];
  sharedWith(j: number): readonly string[];
}

/** A shipment: its main facts read from the columns when it is made, the rarely read parts on first read. */
class JoinedShipment implements Shipment {
  orderId = '';
  trackingNumber = '';
  trackingRaw?: string;
  carrier?: string;
  confirmedAt!: Stamp;
  order?: OrderFacts;
  tracking?: TrackingFacts;
  private parts!: ShipmentParts;
  private j = -1;
  private recognised?: Readonly<Recognition>;
  private sources?: SourceRef[];
  private shared?: readonly string[];

  load(
    parts: ShipmentParts,
    j: number,
    orderId: string,
    trackingNumber: string,
    trackingRaw: string | undefined,
    carrier: string | undefined,
    confirmedAt: Stamp,
    order: OrderFacts | undefined,
    tracking: TrackingFacts | undefined,
  ): this {
    this.parts = parts;
    this.j = j;
    this.orderId = orderId;
    this.trackingNumber = trackingNumber;
    this.trackingRaw = trackingRaw;
    this.carrier = carrier;
    this.confirmedAt = confirmedAt;
    this.order = order;
    this.tracking = tracking;
    this.recognised = undefined;
    this.sources = undefined;
    this.shared = undefined;
    return this;
  }

  get confirmations(): SourceRef[] {
    return (this.sources ??= this.parts.sources(this.j));
  }

  get recognition(): Readonly<Recognition> {
    return (this.recognised ??= this.trackingNumber === '' ? NO_NUMBER : recognizeTrackingNumber(this.trackingNumber));
  }

  get sharedWith(): readonly string[] {
    return (this.shared ??= this.parts.sharedWith(this.j));
  }

  toJSON(): Shipment {
    const {
      orderId,
      trackingNumber,
      trackingRaw,
      carrier,
      confirmedAt,
      confirmations,
      order,
      tracking,
      recognition,
      sharedWith,
    } = this;
    return {
      orderId,
      trackingNumber,
      trackingRaw,
      carrier,
      confirmedAt,
      confirmations,
      order,
      tracking,
      recognition,
      sharedWith,
    };
  }
}

/** An order's facts for the audit; its source is made only when a finding shows it. */
class JoinedOrder implements OrderFacts {
  orderId = '';
  purchasedAt?: Stamp;
  latestShipDate?: Stamp;
  latestShipDateComputed = false;
  status?: OrderStatus;
  channel?: Channel;
  items = 0;
  awaitingShipment = false;
  private c!: Collector;
  private i = -1;

  /** Order i of the collector. */
  load(c: Collector, i: number, handling: Handling): this {
    this.c = c;
    this.i = i;
    this.orderId = c.orderIdAt(i);
    const purchasedAt = c.orderPurchasedAt(i);
    const given = c.orderLatestShipDate(i);
    this.purchasedAt = purchasedAt;
    this.latestShipDate = given ?? (purchasedAt ? computeLatestShipDate(purchasedAt, handling) : undefined);
    this.latestShipDateComputed = !given && purchasedAt !== undefined;
    this.status = c.orderStatus(i);
    this.channel = c.orderChannel(i);
    this.items = c.orderItems(i);
    this.awaitingShipment = c.orderAwaiting(i);
    return this;
  }

  get source(): SourceRef {
    return this.c.orderSource(this.i);
  }

  toJSON(): OrderFacts {
    const {
      orderId,
      purchasedAt,
      latestShipDate,
      latestShipDateComputed,
      status,
      channel,
      items,
      awaitingShipment,
      source,
    } = this;
    return {
      orderId,
      purchasedAt,
      latestShipDate,
      latestShipDateComputed,
      status,
      channel,
      items,
      awaitingShipment,
      source,
    };
  }
}
