/**
 * The classifier finds phrases with one automaton pass per text. This checks it against the plain reading of
 * the matching rules (each entry in table order, each phrase by indexOf with word boundaries, as the
 * classifier was first written) on texts built from the table's own phrases, neighbours and noise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TABLE, classifyEvent, fold as classifierFold, type EventEntry } from '../../src/knowledge/events.js';
import type { Classification } from '../../src/model/records.js';

const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[a-z0-9\u00c0-\u024f]/.test(c);

function containsPhrase(text: string, phrase: string): boolean {
  const needStart = isWordChar(phrase[0]);
  const needEnd = isWordChar(phrase[phrase.length - 1]);
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    if ((!needStart || !isWordChar(text[i - 1])) && (!needEnd || !isWordChar(text[i + phrase.length]))) return true;
  }
  return false;
}

function reference(entries: readonly EventEntry[], description: string, carrier: string): Classification {
  const applies = (e: EventEntry): boolean =>
    !e.carriers || e.carriers.some((c) => c.toLowerCase() === carrier.toLowerCase());
  const code = description.trim().toUpperCase();
  const byCode = entries.find((e) => applies(e) && (e.match.codes ?? []).some((c) => c.trim().toUpperCase() === code));
  if (byCode) return { class: byCode.class, possession: byCode.possession, rule: byCode.id };
  const text = fold(description);
  for (const e of entries) {
    if (!applies(e)) continue;
    const phrases = (e.match.phrases ?? []).map(fold).filter((p) => p !== '');
    if (phrases.some((p) => containsPhrase(text, p)) || e.match.pattern?.test(description)) {
      return { class: e.class, possession: e.possession, rule: e.id };
    }
  }
  return { class: 'unknown', possession: false };
}

const phrases = EVENT_TABLE.flatMap((e) => e.match.phrases ?? []);
const codes = EVENT_TABLE.flatMap((e) => e.match.codes ?? []);
// Pieces that make phrases overlap, touch letters, change case or width, or break words apart.
const piece = fc.oneof(
  fc.constantFrom(...phrases),
  fc.constantFrom(...phrases).map((p) => p.toUpperCase()),
  fc.constantFrom(...phrases).chain((p) => fc.nat(p.length).map((n) => p.slice(0, n))),
  fc.constantFrom(...phrases).chain((p) => fc.nat(p.length).map((n) => p.slice(n))),
  fc.constantFrom(
    ' ',
    ', ',
    '-',
    '/',
    '【',
    '】',
    '，',
    'un',
    's',
    'é',
    'Ａ',
    '1',
    'x',
    '到达',
    '仓',
    'not ',
    'ＵＰＳ',
  ),
  fc.string({ maxLength: 4 }),
);
const description = fc.oneof(
  fc.array(piece, { maxLength: 6 }).map((xs) => xs.join('')),
  fc.constantFrom(...codes),
);
const carrier = fc.constantFrom('', 'USPS', 'UPS', 'FedEx', 'China Post', 'Yun Express');

describe('the phrase automaton', () => {
  it('decides as the entry-by-entry reading does, for the table', () => {
    fc.assert(
      fc.property(description, carrier, (d, c) => {
        expect(classifyEvent({ description: d, carrier: c || undefined })).toEqual(reference(EVENT_TABLE, d, c));
      }),
      { numRuns: 5000 },
    );
  });

  const extra: EventEntry[] = [
    { id: 'cfg-a', match: { phrases: ['sorting', 'center x', '中心'] }, class: 'exception', possession: false },
    {
      id: 'cfg-b',
      carriers: ['USPS'],
      match: { phrases: ['in transit'], codes: ['ZZ'] },
      class: 'delivered',
      possession: true,
    },
  ];
  it('decides as the entry-by-entry reading does, with config entries first', () => {
    fc.assert(
      fc.property(description, carrier, (d, c) => {
        const expected = reference(extra, d, c);
        const want = expected.class === 'unknown' ? reference(EVENT_TABLE, d, c) : expected;
        expect(classifyEvent({ description: d, carrier: c || undefined }, extra)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['Arrived at sorting center, Shenzhen', 'forwarder-scan'],
    ['Parcel YT2600000000000001/3 departed from sorting center, Shenzhen hub', 'forwarder-scan'],
    ['【深圳市邮政速递物流分公司】已收寄', 'china-post-scan'],
    ['离开【深圳国际邮件处理中心】，下一站【洛杉矶】', 'forwarder-scan'],
    ['Reprocessed', undefined],
  ])('%s → %s', (d, rule) => {
    expect(classifyEvent({ description: d }).rule).toBe(rule);
  });
});

describe('the fold', () => {
  // The classifier folds texts of ASCII, CJK ideographs and CJK punctuation by a shortcut: every UTF-16 unit,
  // alone and between letters, must fold as NFKC with Unicode classes does.
  it('folds every UTF-16 unit as the Unicode-aware fold does', () => {
    const wrong: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const ch = String.fromCharCode(u);
      for (const s of [ch, `a${ch}b`, `中${ch}1`, `${ch}${ch}`]) if (classifierFold(s) !== fold(s)) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['【深圳市邮政速递物流分公司】已收寄', '深圳市邮政速递物流分公司 已收寄'],
    ['离开【深圳国际邮件处理中心】，下一站【洛杉矶】', '离开 深圳国际邮件处理中心 下一站 洛杉矶'],
    ['Departed-From  Sorting/Center.', 'departed from sorting center'],
    ['ＵＰＳ Ｓｃａｎ，到达', 'ups scan 到达'],
  ])('%s → %s', (text, folded) => {
    expect(classifierFold(text)).toBe(folded);
  });

  it('folds mixed texts as the Unicode-aware fold does', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((xs) => xs.join('')),
        (s) => classifierFold(s) === fold(s),
      ),
      { numRuns: 5000 },
    );
  });
});
