import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  f64,
  i32,
  Interner,
  StampKinds,
  StampTable,
  StringIndex,
  TextArena,
  unpackText,
} from '../../src/engine/columns.js';
import type { Stamp } from '../../src/model/timestamp.js';

const stamp = (raw: string, epochMs: number, zone = 'America/Los_Angeles'): Stamp => ({
  raw,
  epochMs,
  precision: 'datetime',
  zone,
  zoneSource: 'setting',
  localDate: '',
});

describe('Column', () => {
  it('grows as it is written and reads unwritten cells as its fill', () => {
    const c = i32(-1);
    expect(c.get(5)).toBe(-1);
    c.set(5_000, 7);
    c.set(3, 2);
    expect([c.get(3), c.get(4), c.get(5_000), c.get(5_001), c.get(1 << 20)]).toEqual([2, -1, 7, -1, -1]);
    const d = f64();
    d.set(2_047, 1.5);
    expect([d.get(2_047), d.get(2_046)]).toEqual([1.5, 0]);
  });
});

describe('TextArena', () => {
  it('gives back every text, across the joins of 4 096 texts, including empty and long ones', () => {
    const a = new TextArena();
    const texts = Array.from({ length: 10_000 }, (_, i) =>
      i % 7 === 0 ? '' : `2026-10-${String(i % 28).padStart(2, '0')}T10:${i}:00+08:00 ${'x'.repeat(i % 50)}`,
    );
    const ids = texts.map((t) => a.add(t));
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    expect(a.size).toBe(10_000);
    for (const i of [0, 1, 4_095, 4_096, 4_097, 8_191, 8_192, 9_999]) expect(a.get(i)).toBe(texts[i]);
    expect(ids.every((id, i) => a.get(id) === texts[i])).toBe(true);
  });

  it.each([0, 1, 4_095, 4_096, 4_097, 10_000])('packs its %i texts into one string without losing a boundary', (n) => {
    const a = new TextArena();
    const texts = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? '' : `t${i}${'y'.repeat(i % 13)}`));
    texts.forEach((t) => a.add(t));
    const packed = a.pack();
    expect(packed.ends.length).toBe(n);
    expect(packed.text).toBe(texts.join(''));
    expect(texts.every((t, i) => unpackText(packed, i) === t)).toBe(true);
  });
});

describe('Interner', () => {
  it('numbers each distinct text once; -1 stands for undefined', () => {
    const n = new Interner();
    expect([n.id('Shenzhen'), n.id('Accepted'), n.id('Shenzhen'), n.optional(undefined)]).toEqual([0, 1, 0, -1]);
    expect([n.text(1), n.text(-1)]).toEqual(['Accepted', undefined]);
  });
});

describe('StampTable', () => {
  it('keeps text and instant per stamp and shares how it was read', () => {
    const kinds = new StampKinds();
    const t = new StampTable(kinds);
    const a = t.add(stamp('2026-10-06 10:00', Date.parse('2026-10-06T17:00:00Z')));
    const b = t.add(stamp('2026-10-06 11:00', Date.parse('2026-10-06T03:00:00Z'), 'Asia/Shanghai'));
    expect(t.add(undefined)).toBe(-1);
    expect(t.stamp(-1)).toBeUndefined();
    expect(t.stamp(a)).toMatchObject({
      raw: '2026-10-06 10:00',
      zone: 'America/Los_Angeles',
      localDate: '2026-10-06',
      precision: 'datetime',
    });
    expect(JSON.parse(JSON.stringify(t.stamp(b)))).toMatchObject({
      raw: '2026-10-06 11:00',
      zone: 'Asia/Shanghai',
      localDate: '2026-10-06',
    });
    const copy = new StampTable(kinds);
    const c = copy.copy(t, b);
    expect([c, copy.epochMs(c), copy.stamp(c)?.raw]).toEqual([
      0,
      Date.parse('2026-10-06T03:00:00Z'),
      '2026-10-06 11:00',
    ]);
  });
});

describe("StampTable blocks (a reading thread's stamps taken in whole)", () => {
  it('adopted stamps read as in the table that made them, beside stamps of its own, before and after', () => {
    const theirKinds = new StampKinds();
    const theirs = new StampTable(theirKinds);
    const made = Array.from({ length: 5_000 }, (_, i) =>
      theirs.add(stamp(`raw ${i}`, 1_000 * i, i % 2 ? 'Asia/Shanghai' : 'America/Los_Angeles')),
    );
    const kinds = new StampKinds();
    const ours = new StampTable(kinds);
    const own = ours.add(stamp('own before', 7, 'Asia/Tokyo'));
    const block = theirs.block();
    const base = ours.adopt({ ...block, kind: block.kind.map((k) => kinds.idOf(theirKinds.get(k))) });
    const second = ours.adopt({ ...block, kind: block.kind.map((k) => kinds.idOf(theirKinds.get(k))) });
    const after = ours.add(stamp('own after', 8));
    expect(ours.size).toBe(2 + 2 * 5_000);
    expect(second).toBe(base + 5_000);
    for (const k of [0, 1, 4_095, 4_096, 4_999]) {
      for (const id of [base + made[k], second + made[k]]) {
        expect([ours.raw(id), ours.epochMs(id), ours.stamp(id)?.zone]).toEqual([
          `raw ${k}`,
          1_000 * k,
          k % 2 ? 'Asia/Shanghai' : 'America/Los_Angeles',
        ]);
      }
    }
    expect([ours.raw(own), ours.stamp(own)?.zone, ours.raw(after), ours.epochMs(after)]).toEqual([
      'own before',
      'Asia/Tokyo',
      'own after',
      8,
    ]);
    // Compaction copies adopted stamps into a table of its own.
    const fresh = new StampTable(kinds);
    const copied = fresh.copy(ours, second + made[4_097]);
    expect([fresh.raw(copied), fresh.epochMs(copied), fresh.stamp(copied)?.zone]).toEqual([
      'raw 4097',
      4_097_000,
      'Asia/Shanghai',
    ]);
    expect(() => ours.block()).toThrow(/adopted/);
  });
});

describe('StringIndex', () => {
  it('numbers texts in the order first seen and finds them again, across many growths', () => {
    const idx = new StringIndex();
    const texts = Array.from({ length: 50_000 }, (_, i) => `113-${String(i * 31).padStart(7, '0')}-${i}`);
    texts.forEach((t, i) => expect(idx.intern(t)).toBe(i));
    expect(idx.size).toBe(50_000);
    expect(idx.intern(`113-${String(31 * 77).padStart(7, '0')}-77`)).toBe(77);
    expect(texts.every((t, i) => idx.find(t) === i)).toBe(true);
    expect([idx.find('nope'), idx.find(''), idx.keys[49_999]]).toEqual([-1, -1, texts[49_999]]);
  });

  it('tells apart texts that land on the same slot (short keys, a small table)', () => {
    const idx = new StringIndex();
    const many = Array.from({ length: 5_000 }, (_, i) => String.fromCharCode(65 + (i % 26)) + i);
    many.forEach((t) => idx.intern(t));
    expect(many.map((t) => idx.find(t))).toEqual(many.map((_, i) => i));
    expect(idx.intern('')).toBe(5_000);
    expect(idx.find('')).toBe(5_000);
  });

  it('answers as a Map would, whatever the order of asking: the guesses of the last key and the next never mislead (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 })), { maxLength: 200 }), (ops) => {
        const idx = new StringIndex();
        const model = new Map<string, number>();
        for (const [intern, k] of ops) {
          const key = `113-${k}`;
          if (intern) {
            if (!model.has(key)) model.set(key, model.size);
            expect(idx.intern(key)).toBe(model.get(key));
          } else {
            expect(idx.find(key)).toBe(model.get(key) ?? -1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keys appended unindexed are numbered in turn, and the index then refuses to look anything up', () => {
    const idx = new StringIndex();
    expect([idx.append('N1'), idx.append('N2'), idx.append('N1')]).toEqual([0, 1, 2]);
    expect(idx.keys).toEqual(['N1', 'N2', 'N1']);
    expect(() => idx.find('N1')).toThrow(/appended/);
    expect(() => idx.intern('N3')).toThrow(/appended/);
  });
});
