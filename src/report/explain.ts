import type { Finding } from '../model/finding.js';
import type { ConfirmationRecord, OrderRecord, SourceRef, TrackingEvent } from '../model/records.js';
import { latestInstant, type Stamp } from '../model/timestamp.js';
import { formatInZone } from '../model/zone.js';
import { findingJson, SCHEMA_VERSION } from './json.js';
import type { Style } from './style.js';
import { terminalSafe } from './sanitize.js';

/** Everything known about one order, in the order it happened. */
export interface Timeline {
  orderId: string;
  zone: string;
  asOf: string;
  orders: OrderRecord[];
  /** From the order files, or computed from the handling time when they carry none. */
  latestShipDate?: { stamp: Stamp; computed: boolean };
  confirmations: ConfirmationRecord[];
  events: TrackingEvent[];
  /** Carrier events of the order's numbers left out of `events` (see EventWindow). */
  eventsOmitted?: number;
  findings: Finding[];
}

const instant = (e: TrackingEvent) => e.at!.epochMs;

/** Keeps at most `k` events of a sorted list: the earliest (`keepLate` false) or the latest. */
function keepSorted(list: TrackingEvent[], e: TrackingEvent, k: number, keepLate: boolean): void {
  const t = instant(e);
  if (list.length >= k && (keepLate ? t <= instant(list[0]) : t >= instant(list[list.length - 1]))) return;
  let at = list.length;
  while (at > 0 && instant(list[at - 1]) > t) at--;
  list.splice(at, 0, e);
  if (list.length > k) keepLate ? list.shift() : list.pop();
}

/**
 * The events explain shows of an order whose numbers may have millions (a file made to exhaust memory, or a
 * number reused for years): the first `k`, the first `k` with the parcel in the carrier's hands (the ones
 * the rules judge by), and the last `k`; the others are only counted. Events are given in file order.
 */
export class EventWindow {
  private readonly first: TrackingEvent[] = [];
  private readonly held: TrackingEvent[] = [];
  private readonly last: TrackingEvent[] = [];
  private seen = 0;

  constructor(private readonly k: number) {}

  add(e: TrackingEvent): void {
    // An event without a time has no place in a timeline.
    if (!e.at) return;
    this.seen++;
    keepSorted(this.first, e, this.k, false);
    if (e.possession) keepSorted(this.held, e, this.k, false);
    keepSorted(this.last, e, this.k, true);
  }

  /** The kept events, in time order, and how many were left out. */
  result(): { events: TrackingEvent[]; omitted: number } {
    const events = [...new Set([...this.first, ...this.held, ...this.last])].sort((a, b) => instant(a) - instant(b));
    return { events, omitted: this.seen - events.length };
  }
}

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

export function timelineEntries(t: Timeline): Entry[] {
  const entries: Entry[] = [];
  const o = t.orders[0];
  if (o?.purchasedAt) entries.push({ at: latestInstant(o.purchasedAt), when: when(o.purchasedAt, t.zone), what: 'purchased', detail: `${o.statusRaw ?? ''} ${o.channel ?? ''}`.trim(), source: o.source });
  if (t.latestShipDate && o) {
    const { stamp, computed } = t.latestShipDate;
    entries.push({ at: latestInstant(stamp), when: when(stamp, t.zone), what: 'latest ship date', detail: computed ? 'computed from handling time' : 'from the order report', source: o.source });
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

export function formatExplainText(data: Timeline, style: Style): string {
  // Texts from the files (event texts, places, carriers) may hold escape sequences.
  const t = terminalSafe(data);
  const lines = [style.heading(`Order ${t.orderId}`), style.dim(`times in ${t.zone}; judged as of ${t.asOf}`), ''];
  const entries = timelineEntries(t);
  const w = Math.max(0, ...entries.map((e) => e.when.length));
  const ww = Math.max(0, ...entries.map((e) => e.what.length));
  for (const e of entries) {
    const what = e.what.startsWith('scan: physical') || e.what.startsWith('scan: delivered') ? style.ok(e.what.padEnd(ww)) : e.what.padEnd(ww);
    lines.push(`${e.when.padEnd(w)}  ${what}  ${e.detail}  ${style.dim(`${base(e.source.file)}:${e.source.line}`)}`);
  }
  if (t.eventsOmitted) {
    const shown = "the first, the last and the first in the carrier's hands are";
    lines.push(style.dim(`… and ${t.eventsOmitted} more carrier events not shown: ${shown}.`));
  }
  lines.push('');
  if (t.findings.length === 0) lines.push(style.ok('No rule is broken by this order.'));
  for (const f of t.findings) lines.push(`${f.severity === 'error' ? style.error('error  ') : style.warning('warning')}  ${f.rule}: ${f.message}`);
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
