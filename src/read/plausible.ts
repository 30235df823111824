import { EARLIEST_PLAUSIBLE_MS, PLAUSIBLE_DATES } from '../knowledge/plausible.js';
import type { Stamp } from '../model/timestamp.js';
import { RowError } from './context.js';
import type { RecordSink } from './types.js';

/**
 * The sink, with orders and confirmations whose dates can't be real turned into rejected rows: a date
 * before 2000 (a system's empty default, 1900-01-01) or after `notAfterMs` (the clock and its tolerance).
 * The row reader's caller counts the RowError with the row's line, as any other unreadable row.
 * A latest ship date may lie ahead (an order still to ship): only its lower bound applies.
 */
export function plausibleDates(sink: RecordSink, notAfterMs: number | undefined): RecordSink {
  const guarded: RecordSink = { ...sink };
  if (sink.order) {
    const order = sink.order.bind(sink);
    guarded.order = (r) => {
      check(r.purchasedAt, 'purchase date', notAfterMs);
      check(r.latestShipDate, 'latest ship date', undefined);
      order(r);
    };
  }
  if (sink.confirmation) {
    const confirmation = sink.confirmation.bind(sink);
    guarded.confirmation = (r) => {
      // Every reader gives the moment (or rejects the row); one that did not must not reach the audit.
      if (!r.confirmedAt) throw new RowError('no ship date: a confirmation needs the moment it was made');
      check(r.confirmedAt, 'ship date', notAfterMs);
      confirmation(r);
    };
  }
  // Methods of a class instance (the collector) are not own properties: bind what the spread missed.
  if (sink.event) guarded.event = sink.event.bind(sink);
  if (sink.package) guarded.package = sink.package.bind(sink);
  if (sink.assignment) guarded.assignment = sink.assignment.bind(sink);
  return guarded;
}

function check(s: Stamp | undefined, what: string, notAfterMs: number | undefined): void {
  if (!s) return;
  if (s.epochMs < EARLIEST_PLAUSIBLE_MS) {
    const why = 'not a real date (an empty default or a typo)';
    throw new RowError(`${what} "${s.raw}" is before ${PLAUSIBLE_DATES.earliest}: ${why}`);
  }
  if (notAfterMs !== undefined && s.epochMs > notAfterMs) {
    const h = PLAUSIBLE_DATES.futureToleranceHours;
    throw new RowError(`${what} "${s.raw}" is more than ${h} h after the audit's clock: a typo or a wrong clock`);
  }
}
