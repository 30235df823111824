import type { Precision, Stamp, ZoneSource } from '../model/timestamp.js';
import { localDateInZone } from '../model/zone.js';

/**
 * Storage for what the audit keeps of millions of rows: numbers in typed arrays, texts packed into long
 * strings. Orders held as objects cost hundreds of bytes each and keep V8's collector tracing them for the
 * whole run; columns cost a few bytes a field and are nothing to trace (bench/RESULTS.md).
 */

type Typed = Float64Array | Int32Array | Uint8Array;

/** A typed array that grows as it is written; cells never written read as `fill`. */
export class Column<A extends Typed> {
  private a: A;
  constructor(
    private readonly alloc: (n: number) => A,
    private readonly fill = 0,
  ) {
    this.a = alloc(1024);
    if (fill !== 0) this.a.fill(fill);
  }

  get(i: number): number {
    return i < this.a.length ? this.a[i] : this.fill;
  }

  /** A copy of the first n cells (to hand to another thread). */
  copy(n: number): A {
    const out = this.alloc(n);
    const have = Math.min(n, this.a.length);
    (out as Float64Array).set((this.a as Float64Array).subarray(0, have));
    if (this.fill !== 0) out.fill(this.fill, have);
    return out;
  }

  set(i: number, v: number): void {
    if (i >= this.a.length) this.grow(i + 1);
    this.a[i] = v;
  }

  private grow(n: number): void {
    const b = this.alloc(Math.max(n, this.a.length * 2));
    (b as Float64Array).set(this.a);
    if (this.fill !== 0) b.fill(this.fill, this.a.length);
    this.a = b;
  }
}

export const f64 = (fill = 0) => new Column((n) => new Float64Array(n), fill);
export const i32 = (fill = 0) => new Column((n) => new Int32Array(n), fill);
export const u8 = () => new Column((n) => new Uint8Array(n));

const SHIFT = 12;
const PER_CHUNK = 1 << SHIFT;
const MASK = PER_CHUNK - 1;

/**
 * Append-only texts, 4 096 joined into one string: a million stamps' texts are a few hundred objects for
 * the garbage collector to trace, not a million.
 */
export class TextArena {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private readonly starts = i32();
  size = 0;

  add(text: string): number {
    const id = this.size++;
    this.pending.push(text);
    if (this.pending.length === PER_CHUNK) this.flush();
    return id;
  }

  get(id: number): string {
    const c = id >>> SHIFT;
    if (c === this.chunks.length) return this.pending[id & MASK];
    const chunk = this.chunks[c];
    const end = (id & MASK) === MASK ? chunk.length : this.starts.get(id + 1);
    return chunk.slice(this.starts.get(id), end);
  }

  /** Every text, in number order, as one string and where each ends: the chunks joined, nothing cut. */
  pack(): PackedTexts {
    const ends = new Int32Array(this.size);
    let offset = 0;
    for (let c = 0; c < this.chunks.length; c++) {
      const base = c << SHIFT;
      for (let k = 1; k < PER_CHUNK; k++) ends[base + k - 1] = offset + this.starts.get(base + k);
      offset += this.chunks[c].length;
      ends[base + PER_CHUNK - 1] = offset;
    }
    for (let k = 0, base = this.chunks.length << SHIFT; k < this.pending.length; k++)
      ends[base + k] = offset += this.pending[k].length;
    return { text: this.chunks.join('') + this.pending.join(''), ends };
  }

  private flush(): void {
    const base = this.chunks.length << SHIFT;
    let at = 0;
    for (let k = 0; k < this.pending.length; k++) {
      this.starts.set(base + k, at);
      at += this.pending[k].length;
    }
    this.chunks.push(this.pending.join(''));
    this.pending = [];
  }
}

/**
 * Repeated texts (statuses, carriers, event descriptions, places) kept once and named by a number.
 *
 * Here, as in StringIndex, texts are kept as given: readers hand out texts of their own, never views into a
 * decoded chunk that would keep the chunk alive (the byte reader decodes each field into a string of its
 * own; see `owned` for the rows it leaves to the text way). Copying each key here cost a JSON round trip
 * per order and number.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** -1 for undefined, so that optional texts fit an Int32 column. */
  optional(text: string | undefined): number {
    return text === undefined ? -1 : this.id(text);
  }

  text(id: number): string | undefined {
    return id < 0 ? undefined : this.texts[id];
  }
}

/** How a group of stamps was read: shared by every stamp read the same way (same zone, source, note). */
export interface StampKind {
  precision: Precision;
  zone: string;
  zoneSource: ZoneSource;
  zoneNote?: string;
  dayLengthMs?: number;
}

function sameKind(k: StampKind, s: Stamp): boolean {
  return (
    k.zone === s.zone &&
    k.zoneNote === s.zoneNote &&
    k.precision === s.precision &&
    k.zoneSource === s.zoneSource &&
    k.dayLengthMs === s.dayLengthMs
  );
}

/** Stamp kinds, numbered; shared by every stamp table of one collector. */
export class StampKinds {
  private readonly ids = new Map<string, number>();
  private readonly kinds: StampKind[] = [];

  private last = -1;
  /** The last kind seen per zone note (or zone): tracking rows switch between a few places' zones. */
  private readonly byNote = new Map<string, number>();

  id(s: Stamp): number {
    // Rows are mostly read the way the row before or another row of the same place was: compare with
    // those before building a key.
    if (this.last >= 0 && sameKind(this.kinds[this.last], s)) return this.last;
    const note = s.zoneNote ?? s.zone;
    const seen = this.byNote.get(note);
    if (seen !== undefined && sameKind(this.kinds[seen], s)) return (this.last = seen);
    const key = `${s.precision}\u0000${s.zone}\u0000${s.zoneSource}\u0000${s.zoneNote ?? ''}\u0000${s.dayLengthMs ?? ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.kinds.length;
      this.kinds.push({
        precision: s.precision,
        zone: s.zone,
        zoneSource: s.zoneSource,
        zoneNote: s.zoneNote,
        dayLengthMs: s.dayLengthMs,
      });
      this.ids.set(key, id);
    }
    this.byNote.set(note, id);
    this.last = id;
    return id;
  }

  get(id: number): StampKind {
    return this.kinds[id];
  }

  /** The number of a kind as another collector (another thread) described it. */
  idOf(k: StampKind): number {
    return this.id({ ...k, raw: '', epochMs: 0, localDate: '' });
  }

  all(): StampKind[] {
    return [...this.kinds];
  }
}

/** A stamp table's stamps as one block: what a reading thread hands over (see StampTable.adopt). */
export interface StampBlock {
  texts: PackedTexts;
  ms: Float64Array;
  /** Kind numbers of the table that made the block (adopt takes them as the adopting table's). */
  kind: Int32Array;
}

/** Numbers from here on name stamps of adopted blocks. */
const ADOPTED = 1 << 30;

/** Stamps by number: the instant, how it was read, the text as it stood. */
export class StampTable {
  private readonly ms = f64();
  private readonly kind = i32();
  private readonly texts = new TextArena();
  /** Blocks taken in whole, and the number of adopted stamps before each. */
  private readonly blocks: StampBlock[] = [];
  private readonly blockStarts: number[] = [];
  private adoptedCount = 0;

  constructor(readonly kinds: StampKinds) {}

  /** Stamps held, adopted ones included. */
  get size(): number {
    return this.texts.size + this.adoptedCount;
  }

  /** -1 for undefined. */
  add(s: Stamp | undefined): number {
    if (!s) return -1;
    const id = this.texts.add(s.raw);
    this.ms.set(id, s.epochMs);
    this.kind.set(id, this.kinds.id(s));
    return id;
  }

  /**
   * Takes in another table's stamps whole, its kinds already given as this table's kind numbers: its stamp
   * k becomes this table's `base + k`, base returned. Nothing is copied or cut: a thread's million kept
   * events used to be cut out of its table, packed, and added here one by one.
   */
  adopt(block: StampBlock): number {
    const base = ADOPTED + this.adoptedCount;
    this.blocks.push(block);
    this.blockStarts.push(this.adoptedCount);
    this.adoptedCount += block.ms.length;
    return base;
  }

  /** Every stamp of this table as a block (a table that adopted none: a reading thread's). */
  block(): StampBlock {
    if (this.blocks.length > 0) throw new Error('StampTable.block: the table holds adopted stamps');
    const n = this.texts.size;
    return { texts: this.texts.pack(), ms: this.ms.copy(n), kind: this.kind.copy(n) };
  }

  /** The number of the block holding adopted stamp `id`. */
  private blockOf(id: number): number {
    const k = id - ADOPTED;
    let b = this.blocks.length - 1;
    while (this.blockStarts[b] > k) b--;
    return b;
  }

  raw(id: number): string {
    if (id < ADOPTED) return this.texts.get(id);
    const b = this.blockOf(id);
    return unpackText(this.blocks[b].texts, id - ADOPTED - this.blockStarts[b]);
  }

  kindOf(id: number): number {
    if (id < ADOPTED) return this.kind.get(id);
    const b = this.blockOf(id);
    return this.blocks[b].kind[id - ADOPTED - this.blockStarts[b]];
  }

  epochMs(id: number): number {
    if (id < ADOPTED) return this.ms.get(id);
    const b = this.blockOf(id);
    return this.blocks[b].ms[id - ADOPTED - this.blockStarts[b]];
  }

  /** Copies stamp `k` of another thread's block into this table, its kind given as this table's kind number. */
  addFrom(block: StampBlock, k: number, kind: number): number {
    const to = this.texts.add(unpackText(block.texts, k));
    this.ms.set(to, block.ms[k]);
    this.kind.set(to, kind);
    return to;
  }

  /** Copies stamp `id` of another table (sharing the kinds) into this one. */
  copy(from: StampTable, id: number): number {
    const to = this.texts.add(from.raw(id));
    this.ms.set(to, from.epochMs(id));
    this.kind.set(to, from.kindOf(id));
    return to;
  }

  /** Stamp `id` as an object. */
  stamp(id: number): HeldStamp | undefined {
    if (id < 0) return undefined;
    if (id < ADOPTED) return new HeldStamp().fill(this, id, this.ms.get(id), this.kinds.get(this.kind.get(id)));
    // Found once for both the instant and the kind: the audit reads two adopted stamps per shipment.
    const b = this.blockOf(id);
    const k = id - ADOPTED - this.blockStarts[b];
    const block = this.blocks[b];
    return new HeldStamp().fill(this, id, block.ms[k], this.kinds.get(block.kind[k]));
  }
}

/**
 * A kept stamp: its instant, the rest shared with every stamp read the same way. Its text is cut from the
 * table only when read: the audit makes a few stamps per shipment and the rules read only their instants.
 */
export class HeldStamp implements Stamp {
  epochMs = NaN;
  // Set by `fill`, which a table calls before it hands the stamp out.
  private table!: StampTable;
  private id = -1;
  private kind!: StampKind;

  /** Makes this object stand for stamp `id` of `table` (a stamp is made blank, then filled by its table). */
  fill(table: StampTable, id: number, epochMs: number, kind: StampKind): this {
    this.table = table;
    this.id = id;
    this.epochMs = epochMs;
    this.kind = kind;
    return this;
  }
  get raw(): string {
    return this.table.raw(this.id);
  }
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

/** Source files by number, so that a record's source is two numbers rather than an object. */
export class FileNames {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  id(file: string): number {
    let id = this.ids.get(file);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(file);
      this.ids.set(file, id);
    }
    return id;
  }

  name(id: number): string {
    return this.names[id];
  }

  all(): string[] {
    return [...this.names];
  }
}

/** Many texts as one string and where each ends: one copy between threads instead of one per text. */
export interface PackedTexts {
  text: string;
  ends: Int32Array;
}

export function packTexts(texts: readonly string[]): PackedTexts {
  const ends = new Int32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => (ends[i] = at += t.length));
  return { text: texts.join(''), ends };
}

export function unpackText(p: PackedTexts, i: number): string {
  return p.text.slice(i === 0 ? 0 : p.ends[i - 1], p.ends[i]);
}

/**
 * Texts numbered in the order first seen, found by text: a hash table of numbers over a typed array. It
 * stands where a Map<string, number> did for order ids and tracking numbers, which is slower to fill and
 * to ask, most of all in file order, where the index tries the next key first (`node bench/string-index.mjs`,
 * bench/RESULTS.md). These tables are asked once per row of every file. Each hash is kept in an array by
 * key number rather than beside its slot: the cache misses are on the key and its text either way.
 */
export class StringIndex {
  readonly keys: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1 << 12).fill(-1);

  get size(): number {
    return this.keys.length;
  }

  /**
   * The key after the one last found or numbered: files list orders, and their confirmations, in much the
   * same order, so a lookup tries it (and the last one itself) before hashing: in a table of millions a
   * hashed lookup misses the cache several times over.
   */
  private last = -1;

  /** Keys were appended: they are not in the table, so it answers nothing. */
  private appended = false;

  /** The number of `text`, or -1. */
  find(text: string): number {
    if (this.appended) throw new Error('StringIndex.find: keys were appended unindexed');
    const guessed = this.guessed(text);
    if (guessed >= 0) return guessed;
    const id = this.hashedFind(text);
    if (id >= 0) this.last = id;
    return id;
  }

  /**
   * The last key found or numbered, or the one after it, when `text` is one of them; else -1. An order's
   * item rows follow each other, confirmations follow their orders, a tracking export lists numbers as they
   * were confirmed.
   */
  private guessed(text: string): number {
    const last = this.last;
    if (last < 0) return -1;
    if (this.keys[last] === text) return last;
    if (last + 1 < this.keys.length && this.keys[last + 1] === text) return (this.last = last + 1);
    return -1;
  }

  private hashedFind(text: string): number {
    const h = hashOf(text);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i];
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.keys[id] === text) return id;
    }
  }

  /** Numbers `text` as a new key without looking it up or indexing it; the index then finds nothing. */
  append(text: string): number {
    this.appended = true;
    this.keys.push(text);
    return this.keys.length - 1;
  }

  /** The number of `text`, numbering it when new (the text is kept as given: see Interner). */
  intern(text: string): number {
    if (this.appended) throw new Error('StringIndex.intern: keys were appended unindexed');
    const guessed = this.guessed(text);
    if (guessed >= 0) return guessed;
    const h = hashOf(text);
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const id = this.slots[i];
      if (id < 0) break;
      if (this.hashes[id] === h && this.keys[id] === text) return (this.last = id);
    }
    const id = (this.last = this.keys.length);
    this.keys.push(text);
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[i] = id;
    // At most half full, so that probes stay short.
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.keys.length; id++) {
      let i = this.hashes[id] & mask;
      while (this.slots[i] >= 0) i = (i + 1) & mask;
      this.slots[i] = id;
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16_777_619);
  return h;
}
