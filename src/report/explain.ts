import type { SourceRef } from '../model/records.js';
import type { Timeline } from '../model/timeline.js';

export type { Timeline };
import { latestInstant, type Stamp } from '../model/timestamp.js';
import { formatInZone } from '../model/zone.js';
import { findingJson, SCHEMA_VERSION } from './json.js';
import { terminalSafe } from './sanitize.js';
import { t as say } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { translateSentence, translateZoneNotes } from '../i18n/sentences.js';
import { displayWidth, padEnd, type Style } from './style.js';

interface Entry {
  at: number;
  when: string;
  what: string;
  detail: string;
  source: SourceRef;
}

const base = (p: string) => p.split(/[\\/]/).pop();

function when(s: Stamp, zone: string): string {
  return s.precision === 'date' ? `${s.localDate} (date only)` : formatInZone(s.epochMs, zone);
}

function zoneNote(s: Stamp): string {
  return `${s.zone}, ${s.zoneSource}${s.zoneNote ? `: ${s.zoneNote}` : ''}`;
}

function timelineEntries(t: Timeline): Entry[] {
  const entries: Entry[] = [];
  const o = t.orders[0];
  if (o?.purchasedAt)
    entries.push({
      at: latestInstant(o.purchasedAt),
      when: when(o.purchasedAt, t.zone),
      what: 'purchased',
      detail: `${o.statusRaw ?? ''} ${o.channel ?? ''}`.trim(),
      source: o.source,
    });
  if (t.latestShipDate && o) {
    const { stamp, computed } = t.latestShipDate;
    entries.push({
      at: latestInstant(stamp),
      when: when(stamp, t.zone),
      what: 'latest ship date',
      detail: computed ? 'computed from handling time' : 'from the order report',
      source: o.source,
    });
  }
  for (const c of t.confirmations) {
    if (!c.confirmedAt) continue;
    // A date-only confirmation sits at the end of its day, the moment the audit compares it at.
    entries.push({
      at: latestInstant(c.confirmedAt),
      when: when(c.confirmedAt, t.zone),
      what: 'confirmed shipped',
      detail: `${c.carrier ?? '?'} ${c.trackingNumber || '(no tracking number)'} [${zoneNote(c.confirmedAt)}]`,
      source: c.source,
    });
  }
  for (const e of t.events) {
    if (!e.at) continue;
    const cls = e.possession ? `${e.class}, carrier has it` : e.class;
    entries.push({
      at: latestInstant(e.at),
      when: when(e.at, t.zone),
      what: `scan: ${cls}`,
      detail: `${e.trackingNumber} "${e.description}"${e.location ? ` @ ${e.location}` : ''} [${zoneNote(e.at)}]${e.rule ? ` (${e.rule})` : ''}`,
      source: e.source,
    });
  }
  return entries.sort((a, b) => a.at - b.at);
}

export function formatExplainText(data: Timeline, style: Style, lang: Lang = 'en'): string {
  // Texts from the files (event texts, places, carriers) may hold escape sequences.
  const t = terminalSafe(data);
  const lines = [
    style.heading(say(lang, 'explain.title', { orderId: t.orderId })),
    style.dim(say(lang, 'explain.times', { zone: t.zone, asOf: t.asOf })),
    '',
  ];
  // The entries are the JSON's; their words are put in the reader's language here.
  const entries = timelineEntries(t).map((e) => ({
    ...e,
    when:
      lang === 'en'
        ? e.when
        : e.when.replace(/^(\S+) \(date only\)$/, (_, date: string) => say(lang, 'explain.dateOnly', { date })),
    what: say(lang, 'explain.what', { what: e.what }),
    detail: translateZoneNotes(lang, say(lang, 'explain.detail', { detail: e.detail })),
    scanned: e.what.startsWith('scan: physical') || e.what.startsWith('scan: delivered'),
  }));
  const w = Math.max(0, ...entries.map((e) => displayWidth(e.when)));
  const ww = Math.max(0, ...entries.map((e) => displayWidth(e.what)));
  for (const e of entries) {
    const what = e.scanned ? style.ok(padEnd(e.what, ww)) : padEnd(e.what, ww);
    lines.push(`${padEnd(e.when, w)}  ${what}  ${e.detail}  ${style.dim(`${base(e.source.file)}:${e.source.line}`)}`);
  }
  if (t.eventsOmitted) lines.push(style.dim(say(lang, 'explain.omitted', { n: t.eventsOmitted })));
  lines.push('');
  if (t.findings.length === 0) lines.push(style.ok(say(lang, 'explain.clean')));
  const sevWidth = lang === 'en' ? 7 : 4;
  for (const f of t.findings) {
    const word = padEnd(say(lang, 'rules.severity', { severity: f.severity }), sevWidth);
    lines.push(
      `${f.severity === 'error' ? style.error(word) : style.warning(word)}  ${f.rule}: ${translateSentence(lang, f.message)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function explainJson(t: Timeline) {
  return {
    schemaVersion: SCHEMA_VERSION,
    orderId: t.orderId,
    zone: t.zone,
    asOf: t.asOf,
    timeline: timelineEntries(t).map(({ at: _at, ...e }) => e),
    ...(t.eventsOmitted && { eventsOmitted: t.eventsOmitted }),
    findings: t.findings.map(findingJson),
  };
}
