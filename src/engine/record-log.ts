import type { ConfirmationRecord, OrderRecord } from '../model/records.js';
import type { RecordSink } from '../read/types.js';
import {
  f64,
  FileNames,
  i32,
  Interner,
  StampKinds,
  StampTable,
  TextArena,
  u8,
  type PackedTexts,
  type StampBlock,
  type StampKind,
} from './columns.js';

/** `items` not given (an Int32 column holds no undefined). */
export const NO_ITEMS = -0x8000_0000;

/**
 * Orders and confirmations as a reading thread read them, one row per record in reading order, for the main
 * thread to take in as if it had read them itself (Collector.absorbRecords). Nothing is merged here: how an
 * order's rows fold together depends on what was read before them, which only the main thread knows.
 */
export interface RecordsPart {
  /** Runs of records in reading order: [1 = orders | 2 = confirmations, how many]. */
  runs: Int32Array;
  orderIds: PackedTexts;
  /** Stamp numbers in `oStamps`, -1 for none. */
  oPurchased: Int32Array;
  oLatestShip: Int32Array;
  oStamps: StampBlock;
  /** Epoch ms of the purchase time, NaN for none (the as-of test and the orders' days read it). */
  oPurchasedMs: Float64Array;
  /** Texts of the model's values, numbers in `texts`; -1 for none. */
  oStatus: Int32Array;
  oChannel: Int32Array;
  oSalesChannel: Int32Array;
  oItems: Int32Array;
  oAwaiting: Uint8Array;
  oFile: Int32Array;
  oLine: Int32Array;
  cOrderIds: PackedTexts;
  cAt: Int32Array;
  cStamps: StampBlock;
  cAtMs: Float64Array;
  cCarrier: Int32Array;
  cNumbers: PackedTexts;
  /** The tracking number as given, where it differs from the normalised one: number in `texts`, -1 for none. */
  cRaw: Int32Array;
  cFile: Int32Array;
  cLine: Int32Array;
  texts: string[];
  kinds: StampKind[];
  files: string[];
}

/** The buffers of a records part, to transfer rather than copy. */
export function recordTransferables(p: RecordsPart): ArrayBuffer[] {
  const arrays = [
    p.runs,
    p.orderIds.ends,
    p.oPurchased,
    p.oLatestShip,
    p.oStamps.texts.ends,
    p.oStamps.ms,
    p.oStamps.kind,
    p.oPurchasedMs,
    p.oStatus,
    p.oChannel,
    p.oSalesChannel,
    p.oItems,
    p.oAwaiting,
    p.oFile,
    p.oLine,
    p.cOrderIds.ends,
    p.cAt,
    p.cStamps.texts.ends,
    p.cStamps.ms,
    p.cStamps.kind,
    p.cAtMs,
    p.cCarrier,
    p.cNumbers.ends,
    p.cRaw,
    p.cFile,
    p.cLine,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * A sink that keeps the orders and confirmations it is given as columns, in the order given (see
 * RecordsPart). A reading thread reads whole order and confirmation files into one.
 */
export class RecordLog implements Required<Pick<RecordSink, 'order' | 'confirmation'>> {
  private readonly runs: number[] = [];
  private readonly kinds = new StampKinds();
  private readonly texts = new Interner();
  private readonly files = new FileNames();

  private orders = 0;
  private readonly orderIds = new TextArena();
  private readonly oStamps = new StampTable(this.kinds);
  private readonly oPurchased = i32(-1);
  private readonly oLatestShip = i32(-1);
  private readonly oPurchasedMs = f64(NaN);
  private readonly oStatus = i32(-1);
  private readonly oChannel = i32(-1);
  private readonly oSalesChannel = i32(-1);
  private readonly oItems = i32(NO_ITEMS);
  private readonly oAwaiting = u8();
  private readonly oFile = i32();
  private readonly oLine = i32();

  private confirmations = 0;
  private readonly cOrderIds = new TextArena();
  private readonly cStamps = new StampTable(this.kinds);
  private readonly cAt = i32(-1);
  private readonly cAtMs = f64(NaN);
  private readonly cCarrier = i32(-1);
  private readonly cNumbers = new TextArena();
  private readonly cRaw = i32(-1);
  private readonly cFile = i32();
  private readonly cLine = i32();

  /** Whether any record was given. */
  get empty(): boolean {
    return this.runs.length === 0;
  }

  private run(type: 1 | 2): void {
    const n = this.runs.length;
    if (n > 0 && this.runs[n - 2] === type) this.runs[n - 1]++;
    else this.runs.push(type, 1);
  }

  order(r: OrderRecord): void {
    this.run(1);
    const i = this.orders++;
    this.orderIds.add(r.orderId);
    this.oPurchased.set(i, this.oStamps.add(r.purchasedAt));
    this.oLatestShip.set(i, this.oStamps.add(r.latestShipDate));
    if (r.purchasedAt) this.oPurchasedMs.set(i, r.purchasedAt.epochMs);
    this.oStatus.set(i, this.texts.optional(r.status));
    this.oChannel.set(i, this.texts.optional(r.channel));
    this.oSalesChannel.set(i, this.texts.optional(r.salesChannel));
    if (r.items !== undefined) this.oItems.set(i, r.items);
    if (r.awaitingShipment) this.oAwaiting.set(i, 1);
    this.oFile.set(i, this.files.id(r.source.file));
    this.oLine.set(i, r.source.line);
  }

  confirmation(r: ConfirmationRecord): void {
    this.run(2);
    const i = this.confirmations++;
    this.cOrderIds.add(r.orderId);
    this.cAt.set(i, this.cStamps.add(r.confirmedAt));
    if (r.confirmedAt) this.cAtMs.set(i, r.confirmedAt.epochMs);
    this.cCarrier.set(i, this.texts.optional(r.carrier));
    this.cNumbers.add(r.trackingNumber);
    if (r.trackingRaw !== undefined) this.cRaw.set(i, this.texts.id(r.trackingRaw));
    this.cFile.set(i, this.files.id(r.source.file));
    this.cLine.set(i, r.source.line);
  }

  part(): RecordsPart {
    const o = this.orders;
    const c = this.confirmations;
    return {
      runs: Int32Array.from(this.runs),
      orderIds: this.orderIds.pack(),
      oPurchased: this.oPurchased.copy(o),
      oLatestShip: this.oLatestShip.copy(o),
      oStamps: this.oStamps.block(),
      oPurchasedMs: this.oPurchasedMs.copy(o),
      oStatus: this.oStatus.copy(o),
      oChannel: this.oChannel.copy(o),
      oSalesChannel: this.oSalesChannel.copy(o),
      oItems: this.oItems.copy(o),
      oAwaiting: this.oAwaiting.copy(o),
      oFile: this.oFile.copy(o),
      oLine: this.oLine.copy(o),
      cOrderIds: this.cOrderIds.pack(),
      cAt: this.cAt.copy(c),
      cStamps: this.cStamps.block(),
      cAtMs: this.cAtMs.copy(c),
      cCarrier: this.cCarrier.copy(c),
      cNumbers: this.cNumbers.pack(),
      cRaw: this.cRaw.copy(c),
      cFile: this.cFile.copy(c),
      cLine: this.cLine.copy(c),
      texts: this.texts.texts,
      kinds: this.kinds.all(),
      files: this.files.all(),
    };
  }
}
