import type { LedgerStatus, PriorRelease } from '../model/gate.js';

/** The ledger's file name, beside the nightly check's state file. */
export const LEDGER_NAME = 'ledger.jsonl';

/**
 * The gate's ledger: one JSON record per line, appended (and synced) as things happen, never rewritten.
 * The last record of a package decides its status. What it holds is what Amazon was told or is being
 * told; never buyer data.
 */
export interface LedgerRecord {
  v: 1;
  /** When the record was made (ISO, UTC). */
  at: string;
  orderId: string;
  trackingNumber: string;
  status: LedgerStatus;
  /** The package confirms the whole order (no order-item-id), so any later number for it is a second one. */
  wholeOrder: boolean;
  /**
   * The items and quantities the package released, so that a later package of the order confirms only what
   * is left. Absent in records written before it was kept: such a package is taken to cover the whole order.
   */
  items?: Array<{ orderItemId: string; quantity: number }>;
  carrierCode?: string;
  carrierName?: string;
  shipDate?: string;
  /** The confirmation file a released package was written to. */
  file?: string;
  /**
   * For 'releasing': the temp file (absolute path) holding the confirmation file's text before it is renamed
   * into place. Still there on the next run: the file was never placed (not released); gone: it was.
   */
  staged?: string;
  /** Amazon's answer: HTTP status, and its errors for a rejection. */
  http?: number;
  errors?: Array<{ code?: string; message?: string }>;
  note?: string;
}

export class LedgerFormatError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(detail);
  }
}

const STATUSES: ReadonlySet<string> = new Set<LedgerStatus>([
  'releasing',
  'released',
  'sending',
  'accepted',
  'rejected',
  'failed',
]);

/**
 * Reads a ledger's text. A last line cut short (the process died while appending it) is left out and
 * counted in `torn`: it was never synced, so nothing acted on it. Any other bad line stops with its number:
 * a ledger that can't be trusted could let an order be confirmed twice.
 */
export function parseLedger(text: string): { records: LedgerRecord[]; torn: number } {
  const lines = text.split('\n');
  const records: LedgerRecord[] = [];
  let torn = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const last = i === lines.length - 1;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch {
      if (last) {
        torn++;
        return;
      }
      throw new LedgerFormatError(i + 1, 'not a JSON record');
    }
    if (!isRecord(r)) {
      if (last) {
        torn++;
        return;
      }
      throw new LedgerFormatError(i + 1, 'not a ledger record (orderId, trackingNumber, status)');
    }
    records.push(r);
  });
  return { records, torn };
}

function isRecord(r: unknown): r is LedgerRecord {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  return (
    typeof o.orderId === 'string' &&
    typeof o.trackingNumber === 'string' &&
    typeof o.status === 'string' &&
    STATUSES.has(o.status)
  );
}

export function serializeRecord(r: LedgerRecord): string {
  return `${JSON.stringify(r)}\n`;
}

/** Each package's last record, by order. */
export class Ledger {
  private readonly byOrder = new Map<string, Map<string, LedgerRecord>>();

  constructor(records: readonly LedgerRecord[] = []) {
    for (const r of records) this.add(r);
  }

  add(r: LedgerRecord): void {
    let m = this.byOrder.get(r.orderId);
    if (!m) {
      m = new Map();
      this.byOrder.set(r.orderId, m);
    }
    m.set(r.trackingNumber, r);
  }

  /**
   * The status that keeps a package from being confirmed again: its own last record. A package found not
   * sent ('failed') may go again. Other packages of the order are weighed by `releases`.
   */
  covers(orderId: string, trackingNumber: string): LedgerStatus | undefined {
    const own = this.byOrder.get(orderId)?.get(trackingNumber);
    return own && own.status !== 'failed' ? own.status : undefined;
  }

  /**
   * The order's packages under other tracking numbers that Amazon was told or is being told of (released,
   * sending, accepted): what a new package of the order must not confirm again.
   */
  releases(orderId: string, exceptNumber?: string): PriorRelease[] {
    const m = this.byOrder.get(orderId);
    if (!m) return [];
    return [...m.values()]
      .filter((r) => r.trackingNumber !== exceptNumber && r.status !== 'failed' && r.status !== 'rejected')
      .map((r) => ({
        trackingNumber: r.trackingNumber,
        at: r.at,
        items: r.items,
        // An older record without items cannot say which it released: taken as the whole order (never twice).
        wholeOrder: r.wholeOrder || r.items === undefined,
      }));
  }

  /**
   * Packages whose last record is "releasing": a run died between recording a confirmation file's batch and
   * recording it in place. Until resolved (see `placedOrNot`) they count as released: never twice.
   */
  staging(): LedgerRecord[] {
    return [...this.byOrder.values()].flatMap((m) => [...m.values()].filter((r) => r.status === 'releasing'));
  }

  /** Packages whose last record is "sending": a run died between the request and its answer. */
  unresolved(): LedgerRecord[] {
    return [...this.byOrder.values()].flatMap((m) => [...m.values()].filter((r) => r.status === 'sending'));
  }

  last(orderId: string, trackingNumber: string): LedgerRecord | undefined {
    return this.byOrder.get(orderId)?.get(trackingNumber);
  }

  /** Every package's last record. */
  all(): LedgerRecord[] {
    return [...this.byOrder.values()].flatMap((m) => [...m.values()]);
  }
}

/**
 * The records that settle "releasing" ones, given whether each one's staged temp file is still there: still
 * there, the rename never happened and nothing reached the file ('failed': the package may go again); gone,
 * the file was put in place ('released'). One answer per package, at `at`.
 */
export function settleStaging(
  staging: readonly LedgerRecord[],
  stillStaged: (temp: string) => boolean,
  at: string,
): { placed: LedgerRecord[]; notPlaced: LedgerRecord[] } {
  const placed: LedgerRecord[] = [];
  const notPlaced: LedgerRecord[] = [];
  for (const r of staging) {
    const { staged, ...rest } = r;
    if (staged !== undefined && stillStaged(staged))
      notPlaced.push({ ...rest, at, status: 'failed', note: `${r.file ?? 'the confirmation file'} was never written` });
    else placed.push({ ...rest, status: 'released', note: `found in place at ${at}` });
  }
  return { placed, notPlaced };
}
