import type { EventEntry } from '../knowledge/events.js';
import type { AbbreviationRegion } from '../knowledge/zones.js';
import type { RowProblem } from '../model/records.js';
import type { Stamp, ZoneHint } from '../model/timestamp.js';
import type { ColumnOverrides } from './detect.js';
import { parseDateAndTime, parseStamp, TimeParseError } from './time.js';
import { mangledBySpreadsheet } from '../knowledge/tracking-numbers.js';
import type { Row } from './row.js';
import { InputError, type InputReport, type RecordSink } from './types.js';

/** What the caller (CLI, from flags and config) tells the readers. Readers decide no policy with it. */
export interface ReadOptions {
  /** Zone for Amazon and ERP times that carry no offset (`source` says whether the user chose it). */
  marketplaceZone: ZoneHint;
  /** Zone for times without offset in this file, from the config's per-file settings. */
  fileZone?: string;
  /** The file's day/month order when its dates can't tell (config `dateOrder`). */
  dayFirst?: boolean;
  columns?: ColumnOverrides;
  events?: readonly EventEntry[];
  acceptancePendingIsPossession?: boolean;
  /** The path to open when it is not the file's name (a copy of a pipe's content, see the CLI). */
  openAs?: string;
  /** Orders and confirmations dated after this (the clock and its tolerance) are rejected rows. */
  notAfterMs?: number;
  /** How many row problems to keep with line numbers (all are counted); default KEEP_PROBLEMS. */
  keepProblems?: number;
  /**
   * Per order, the zone of its own marketplace, for Amazon times without an offset when orders of several
   * marketplaces are read together (the caller works it out from the orders' sales channels).
   */
  orderZone?: OrderZone;
}

/** The zone an order's own marketplace places its times in, or undefined to use the marketplace zone. */
export type OrderZone = (orderId: string) => ZoneHint | undefined;

export const KEEP_PROBLEMS = 20;

/** A row that can't be used. The reader counts it and keeps the reason; the read goes on. */
export class RowError extends Error {}

/**
 * An order id a spreadsheet turned into a number: "1.11763E+16" (Excel keeps 15 digits and shows them in
 * scientific notation). Every order of the file that met the same fate would be read as one order.
 */
export function orderIdDamage(orderId: string): string | undefined {
  // Scientific notation has its decimal mark or its E second ("1.1E+16", "1E+16"): most ids stop here.
  const c = orderId.charCodeAt(1);
  if (c !== 46 && c !== 44 && c !== 69 && c !== 101) return undefined;
  return mangledBySpreadsheet(orderId) ? spreadsheetDamage('order id', orderId) : undefined;
}

/** Why a row whose id a spreadsheet wrote in scientific notation is refused, and what to do about it. */
export function spreadsheetDamage(what: string, raw: string): string {
  return (
    `${what} "${raw}" was turned into a number by a spreadsheet, written in scientific notation, and its digits ` +
    'are lost: export the file again without opening it in Excel, or import or format the column as Text before saving'
  );
}

/** The row's order id, refused when a spreadsheet damaged it. */
export function orderIdOf(row: Row): string {
  const orderId = row.require('orderId', 'order id');
  const damage = orderIdDamage(orderId);
  if (damage !== undefined) throw new RowError(damage);
  return orderId;
}

export function rowProblemCollector(report: InputReport, keep: number) {
  return (line: number, err: unknown) => {
    if (err instanceof InputError) throw err;
    if (err instanceof TimeParseError && /ambiguous/i.test(err.message)) {
      // A guess here would move dates by months: stop, and let the user say the order.
      throw new InputError(report.file, line, `${err.message}`);
    }
    if (!(err instanceof RowError) && !(err instanceof TimeParseError)) throw err;
    report.rowsRejected++;
    if (report.problems.length < keep) {
      const p: RowProblem = { file: report.file, line, message: err.message };
      report.problems.push(p);
    }
  };
}

export function newReport(
  file: string,
  partial: Pick<InputReport, 'kind' | 'encoding' | 'delimiter' | 'quoting'>,
): InputReport {
  return { file, ...partial, rowsRead: 0, rowsRejected: 0, problems: [], mapping: {}, zoneNote: '', unclassified: {} };
}

export function zoneFor(opts: ReadOptions): ZoneHint {
  return opts.fileZone
    ? { zone: opts.fileZone, source: 'setting', note: 'file setting in config' }
    : opts.marketplaceZone;
}

export function describeZone(hint: ZoneHint): string {
  const how = { setting: 'set', inferred: 'inferred', assumed: 'assumed' }[hint.source];
  return `times without an offset are read in ${hint.zone} (${how}${hint.note ? `: ${hint.note}` : ''})`;
}

/** Parses an optional time field; blank → undefined, bad text → RowError naming the column. */
export function optionalStamp(
  value: string | undefined,
  what: string,
  hint: ZoneHint,
  dayFirst: boolean | undefined,
  offset?: string,
  region?: AbbreviationRegion,
): Stamp | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  try {
    return parseStamp(v, { hint, dayFirst, offset: offset?.trim() || undefined, region });
  } catch (e) {
    if (e instanceof TimeParseError) throw new TimeParseError(`${what}: ${e.message}`);
    throw e;
  }
}

export function dateTimeStamp(
  date: string,
  time: string | undefined,
  what: string,
  hint: ZoneHint,
  dayFirst: boolean | undefined,
  offset?: string,
  region?: AbbreviationRegion,
): Stamp {
  try {
    const opts = { hint, dayFirst, offset: offset?.trim() || undefined, region };
    return parseDateAndTime(date.trim(), time?.trim() || undefined, opts);
  } catch (e) {
    if (e instanceof TimeParseError) throw new TimeParseError(`${what}: ${e.message}`);
    throw e;
  }
}

export type { RecordSink };
