/**
 * The classifier finds phrases with one automaton pass per text. This checks it against the plain reading of
 * the matching rules (each entry in table order, each phrase by indexOf with word boundaries, as the
 * classifier was first written) on texts built from the table's own phrases, neighbours and noise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_TABLE,
  NEGATIONS,
  VOUCHED_WORDS,
  classifyEvent,
  fold as classifierFold,
  type EventEntry,
} from '../../src/knowledge/events.js';
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

const isCjk = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);
const longestFirst = (xs: readonly string[]): string[] => [...xs].sort((a, b) => b.length - a.length);
const cjk = longestFirst(VOUCHED_WORDS.filter(isCjk));
const latin = longestFirst(VOUCHED_WORDS.filter((p) => !isCjk(p)));
const pairs = (firsts: readonly string[], seconds: readonly string[], join: string): string[] =>
  longestFirst(firsts).flatMap((a) => longestFirst(seconds).map((b) => `${a}${join}${b}`));
// A negation beside a vouched word, in the order a regular expression of alternatives tries them.
const NEGATED_FORMS: Array<{ forms: string[]; words: boolean }> = [
  { forms: pairs(NEGATIONS.beforeCjk, cjk, ''), words: false },
  { forms: pairs(cjk, NEGATIONS.afterCjk, ''), words: false },
  { forms: pairs(NEGATIONS.beforeLatin, latin, ' '), words: true },
  { forms: pairs(latin, NEGATIONS.afterLatin, ' '), words: true },
];

/** The text with every negated vouched word taken out (left to right, each replaced by a space), or undefined. */
function withoutNegated(text: string): string | undefined {
  let out = '';
  let found = false;
  next: for (let i = 0; i < text.length;) {
    for (const { forms, words } of NEGATED_FORMS) {
      for (const f of forms) {
        if (!text.startsWith(f, i)) continue;
        if (words && (isWordChar(text[i - 1]) || isWordChar(text[i + f.length]))) continue;
        out += ' ';
        i += f.length;
        found = true;
        continue next;
      }
    }
    out += text[i++];
  }
  return found ? out : undefined;
}

function reference(entries: readonly EventEntry[], description: string, carrier: string): Classification {
  const applies = (e: EventEntry): boolean =>
    !e.carriers || e.carriers.some((c) => c.toLowerCase() === carrier.toLowerCase());
  const code = description.trim().toUpperCase();
  const byCode = entries.find((e) => applies(e) && (e.match.codes ?? []).some((c) => c.trim().toUpperCase() === code));
  if (byCode) return { class: byCode.class, possession: byCode.possession, rule: byCode.id };
  return byText(entries, fold(description), description, applies, entries === EVENT_TABLE);
}

function byText(
  entries: readonly EventEntry[],
  text: string,
  description: string,
  applies: (e: EventEntry) => boolean,
  table: boolean,
): Classification {
  for (const e of entries) {
    if (!applies(e)) continue;
    const phrases = (e.match.phrases ?? []).map(fold).filter((p) => p !== '');
    if (phrases.some((p) => containsPhrase(text, p)) || e.match.pattern?.test(description)) {
      // The table's scan or delivery words beside a negation: judged again without them.
      const rest = table && e.possession && e.class !== 'exception' ? withoutNegated(text) : undefined;
      if (rest !== undefined) return byText(entries, rest, rest, applies, false);
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
    'not yet ',
    ' pending',
    '未',
    '取消',
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
