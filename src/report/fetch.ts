/**
 * What `shipaudit fetch` did, or with --dry-run would do: one line per source, then what was not fetched.
 * Pure: the command prints it.
 */

export type FetchStatus = 'complete' | 'partial' | 'failed' | 'planned' | 'skipped';

export interface AmazonSummary {
  status: FetchStatus;
  region: string;
  marketplaceIds: readonly string[];
  createdAfter: string;
  createdBefore: string;
  pages: number;
  orders: number;
  /** The page a stopped run was continued from. */
  resumedAtPage?: number;
  /** Folder of the complete snapshot, relative to the working folder. */
  folder?: string;
  requests: number;
  tokenRefreshes: number;
  error?: string;
}

export interface TrackingSummary {
  status: FetchStatus;
  service: string;
  /** Numbers the latest Amazon snapshot names. */
  numbers: number;
  alreadyDelivered: number;
  /** Done by the stopped run this one continued. */
  resumed: number;
  toAsk: number;
  toRegister: number;
  registered: number;
  answered: number;
  /** Numbers 17TRACK has no tracking for yet (just registered, or not seen by the carrier): asked again next run. */
  noInfoYet: number;
  deliveredNow: number;
  /** Numbers not fetched, with why (quota, rejected, an error). */
  notFetched: Array<{ number: string; why: string }>;
  quota?: { total?: number; used?: number; remain?: number };
  requests: number;
  folder?: string;
  error?: string;
}

export interface FetchSummary {
  dryRun: boolean;
  dataFolder: string;
  amazon?: AmazonSummary;
  tracking?: TrackingSummary;
}

export function fetchIsPartial(s: FetchSummary): boolean {
  return [s.amazon?.status, s.tracking?.status].some((x) => x === 'partial' || x === 'failed');
}

/** A partial fetch as problems for the nightly check's report: what was not fetched, in one line each. */
export function fetchProblems(s: FetchSummary): Array<{ level: 'warning'; kind: 'fetch'; message: string }> {
  const out: Array<{ level: 'warning'; kind: 'fetch'; message: string }> = [];
  const a = s.amazon;
  if (a && (a.status === 'partial' || a.status === 'failed')) {
    out.push({
      level: 'warning',
      kind: 'fetch',
      message:
        `Amazon orders fetch ${a.status} (${plural(a.pages, 'page')} fetched): ${a.error ?? 'stopped'}; ` +
        'the orders are those of the last complete fetch',
    });
  }
  const t = s.tracking;
  if (t && (t.status === 'partial' || t.status === 'failed')) {
    out.push({
      level: 'warning',
      kind: 'fetch',
      message:
        `${t.service} fetch ${t.status}: ${t.answered} of ${plural(t.toAsk, 'number')} answered, ` +
        `${t.notFetched.length} not fetched${t.error ? ` (${t.error})` : ''}; \`shipaudit fetch\` lists them`,
    });
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quotaText = (q: TrackingSummary['quota']) =>
  q?.remain !== undefined ? `quota left ${q.remain}${q.total !== undefined ? ` of ${q.total}` : ''}` : undefined;

export function formatFetchText(s: FetchSummary): string {
  const lines: string[] = [];
  const a = s.amazon;
  if (a) {
    const window = `orders created ${a.createdAfter} to ${a.createdBefore}, ${a.region} ${a.marketplaceIds.join(',')}`;
    if (s.dryRun)
      lines.push(`Amazon: would search ${window}${a.resumedAtPage ? `, going on from page ${a.resumedAtPage}` : ''}`);
    else {
      const head = a.status === 'complete' ? '✔ Amazon' : `✖ Amazon (${a.status})`;
      const resumed = a.resumedAtPage ? ` (went on from page ${a.resumedAtPage})` : '';
      lines.push(
        `${head}: ${plural(a.orders, 'order')} in ${plural(a.pages, 'page')}${resumed}, ${window}; ` +
          `${plural(a.requests, 'request')}${a.folder ? `; saved in ${a.folder}` : ''}`,
      );
      if (a.error) lines.push(`  not fetched: ${a.error}`);
    }
  }
  const t = s.tracking;
  if (t) {
    const known = `${plural(t.numbers, 'tracking number')} in the orders, ${t.alreadyDelivered} delivered before`;
    const resumed = t.resumed ? `, ${t.resumed} done by the stopped run` : '';
    if (s.dryRun) {
      const q = quotaText(t.quota);
      lines.push(
        `${t.service}: would ask about ${plural(t.toAsk, 'number')} (${known}${resumed}), ` +
          `registering ${t.toRegister} first${q ? `; ${q} at the last run` : ''}`,
      );
    } else {
      const head = t.status === 'complete' ? `✔ ${t.service}` : `✖ ${t.service} (${t.status})`;
      const q = quotaText(t.quota);
      lines.push(
        `${head}: ${t.answered} of ${plural(t.toAsk, 'number')} answered (${known}${resumed}), ` +
          `${t.registered} newly registered, ` +
          `${t.deliveredNow} delivered now${t.noInfoYet ? `, ${t.noInfoYet} with no tracking yet` : ''}; ` +
          `${plural(t.requests, 'request')}${q ? `, ${q}` : ''}` +
          `${t.folder ? `; saved in ${t.folder}` : ''}`,
      );
      if (t.error) lines.push(`  stopped: ${t.error}`);
      if (t.notFetched.length) {
        lines.push(`  not fetched (${t.notFetched.length}):`);
        for (const n of t.notFetched.slice(0, 20)) lines.push(`    ${n.number}  ${n.why}`);
        if (t.notFetched.length > 20) lines.push(`    … and ${t.notFetched.length - 20} more`);
      }
    }
  }
  if (s.dryRun) lines.push(`Nothing was fetched (--dry-run). Responses go to ${s.dataFolder}.`);
  else if (fetchIsPartial(s)) lines.push(`Partial fetch: the next run goes on from where this one stopped.`);
  return `${lines.join('\n')}\n`;
}
