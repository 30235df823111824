import type { RowProblem } from './records.js';

/** The input shapes shipaudit recognises from a file's header row (or JSON structure). */
export type InputKind =
  | 'all-orders'
  | 'amazon-fulfilled-shipments'
  | 'easyship-picked-up'
  | 'order-report'
  | 'unshipped-orders'
  | 'confirmation-upload'
  | 'orders-api-json'
  | 'order-fulfillment-feed'
  | 'erp-confirmations'
  | 'tracking-events'
  | 'tracking-summary'
  /** Tracking numbers assigned to orders, not yet confirmed: order id, tracking number, carrier. */
  | 'tracking-assignments'
  /** A carrier's or tracking service's saved API response (JSON or XML), recognised by its shape. */
  | 'tracking-api';

/** Unclassified texts past the limit kept (see read/bounds.ts): counted, not listed. */
export interface UnclassifiedMore {
  /** Distinct texts let go (one let go twice, after coming back, counts twice). */
  texts: number;
  events: number;
}

/** What a reader tells about how it understood a file (shown by `inspect`, kept in the audit's inputs). */
export interface InputReport {
  file: string;
  kind: InputKind;
  encoding: string;
  /** What `inspect` calls the file when its kind alone says too little (an API response: which API). */
  title?: string;
  /** `tab`, `comma`, `semicolon`, or `json`/`jsonl`/`xml`/`xlsx` for non-delimited inputs. */
  delimiter: string;
  quoting: boolean;
  rowsRead: number;
  rowsRejected: number;
  /** The first problems, with line numbers (the count above is the full one). */
  problems: RowProblem[];
  /** Model field → the header it was read from. */
  mapping: Record<string, string>;
  /** How times without an offset were placed, in words. */
  zoneNote: string;
  /** Event descriptions no table entry matched, with how often each occurred. */
  unclassified: Record<string, number>;
  /**
   * Rows left out on purpose because they hold no record (e.g. an order report's promotion continuation
   * lines), by reason: counted apart from rowsRead, and not problems.
   */
  rowsSkipped?: Record<string, number>;
  /** What the reader tells about the file as a whole (whose shipments these are, what a time means). */
  notes?: string[];
  /** Unclassified texts past the limit kept (src/read/bounds.ts): counted, not listed. */
  unclassifiedMore?: UnclassifiedMore;
  /** An Unshipped Orders report's newest reporting-date (epoch ms): when Amazon took the snapshot. */
  reportedAtMs?: number;
  /** Lines of a UTF-8 file that were not UTF-8 and were read as GB18030 (mixed encodings), when any. */
  gb18030Lines?: number;
  /** Lines of a GB18030 file that were valid UTF-8 and were read as UTF-8 (mixed encodings), when any. */
  utf8Lines?: number;
}
