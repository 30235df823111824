import type { TrackingEvent } from '../model/records.js';
import { limit } from '../read/bounds.js';
import { readInput, type InputReport } from '../read/index.js';
import type { LoadSettings } from './types.js';

const instant = (e: TrackingEvent) => e.at!.epochMs;

/** Keeps at most `k` events of a sorted list: the earliest (`keepLate` false) or the latest. */
function keepSorted(list: TrackingEvent[], e: TrackingEvent, k: number, keepLate: boolean): void {
  const t = instant(e);
  if (list.length >= k && (keepLate ? t <= instant(list[0]) : t >= instant(list[list.length - 1]))) return;
  let at = list.length;
  while (at > 0 && instant(list[at - 1]) > t) at--;
  list.splice(at, 0, e);
  if (list.length > k) {
    if (keepLate) list.shift();
    else list.pop();
  }
}

/**
 * The events explain shows of an order whose numbers may have millions (a file made to exhaust memory, or a
 * number reused for years): the first `k`, the first `k` with the parcel in the carrier's hands (the ones
 * the rules judge by), and the last `k`; the others are only counted. Events are given in file order.
 */
class EventWindow {
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

/**
 * Every carrier event of some tracking numbers, read again from the tracking files of a run (the collector
 * keeps two events per number): a bounded window of them, since one number can have millions. `known`
 * leaves out what the as-of time does not know yet.
 */
export async function eventsOfNumbers(
  reports: readonly InputReport[],
  numbers: ReadonlySet<string>,
  settings: LoadSettings,
): Promise<{ events: TrackingEvent[]; omitted: number }> {
  const window = new EventWindow(limit('explainEvents'));
  const asOfMs = settings.asOfMs ?? Infinity;
  for (const r of reports.filter((r) => r.kind === 'tracking-events' || r.kind === 'tracking-api')) {
    const sink = {
      event: (e: TrackingEvent) =>
        void (numbers.has(e.trackingNumber) && (e.at?.epochMs ?? -Infinity) <= asOfMs && window.add(e)),
    };
    await readInput(r.file, sink, settings.readOptionsFor(r.file));
  }
  return window.result();
}
