/**
 * What `shipaudit fetch` did, or with --dry-run would do: one line per source, then what was not fetched.
 * Pure: the command prints it.
 */

import { t as say } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';

type FetchStatus = 'complete' | 'partial' | 'failed' | 'planned' | 'skipped';

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
const quotaText = (q: TrackingSummary['quota'], lang: Lang) =>
  q?.remain !== undefined ? say(lang, 'fetch.quota', { remain: q.remain, total: q.total }) : undefined;

export function formatFetchText(s: FetchSummary, lang: Lang = 'en'): string {
  const lines: string[] = [];
  const a = s.amazon;
  if (a) {
    const window = say(lang, 'fetch.window', {
      after: a.createdAfter,
      before: a.createdBefore,
      region: a.region,
      marketplaces: a.marketplaceIds.join(','),
    });
    if (s.dryRun) lines.push(say(lang, 'fetch.amazon.dry', { window, page: a.resumedAtPage }));
    else {
      const head = say(lang, 'fetch.amazon.head', { status: a.status });
      lines.push(
        say(lang, 'fetch.amazon.done', {
          head,
          orders: a.orders,
          pages: a.pages,
          page: a.resumedAtPage,
          window,
          requests: a.requests,
          folder: a.folder,
        }),
      );
      if (a.error) lines.push(say(lang, 'fetch.notFetched', { error: a.error }));
    }
  }
  const t = s.tracking;
  if (t) {
    const known = say(lang, 'fetch.known', { numbers: t.numbers, delivered: t.alreadyDelivered, resumed: t.resumed });
    const quota = quotaText(t.quota, lang);
    if (s.dryRun) {
      lines.push(
        say(lang, 'fetch.tracking.dry', { service: t.service, toAsk: t.toAsk, known, toRegister: t.toRegister, quota }),
      );
    } else {
      const head = say(lang, 'fetch.tracking.head', { service: t.service, status: t.status });
      lines.push(
        say(lang, 'fetch.tracking.done', {
          head,
          answered: t.answered,
          toAsk: t.toAsk,
          known,
          registered: t.registered,
          deliveredNow: t.deliveredNow,
          noInfoYet: t.noInfoYet,
          requests: t.requests,
          quota,
          folder: t.folder,
        }),
      );
      if (t.error) lines.push(say(lang, 'fetch.stopped', { error: t.error }));
      if (t.notFetched.length) {
        lines.push(say(lang, 'fetch.notFetchedList', { n: t.notFetched.length }));
        for (const n of t.notFetched.slice(0, 20)) lines.push(`    ${n.number}  ${n.why}`);
        if (t.notFetched.length > 20) lines.push(say(lang, 'fetch.more', { n: t.notFetched.length - 20 }));
      }
    }
  }
  if (s.dryRun) lines.push(say(lang, 'fetch.dryRun', { folder: s.dataFolder }));
  else if (fetchIsPartial(s)) lines.push(say(lang, 'fetch.partial'));
  return `${lines.join('\n')}\n`;
}
