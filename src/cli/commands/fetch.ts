import { lstat, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../config/errors.js';
import type { Config } from '../../config/schema.js';
import {
  AFTERSHIP,
  LWA_TOKEN_URL,
  SEARCH_ORDERS,
  SEVENTEEN_TRACK,
  SEVENTEEN_TRACK_CODES,
  SP_API_ENDPOINTS,
} from '../../knowledge/api-services.js';
import { localDateInZone } from '../../model/zone.js';
import {
  fetchIsPartial,
  formatFetchText,
  type AmazonSummary,
  type FetchSummary,
  type TrackingSummary,
} from '../../report/fetch.js';
import { LwaLogin, packagesOf, searchOrders, type OrdersQuery } from '../../sources/amazon.js';
import { AfterShip } from '../../sources/aftership.js';
import { Http, SourceError } from '../../sources/http.js';
import { SeventeenTrack } from '../../sources/seventeen-track.js';
import {
  emptyFetchState,
  parseFetchState,
  serializeFetchState,
  trackingPlan,
  type AmazonRun,
  type FetchState,
} from '../../sources/state.js';
import { EXIT, UsageError } from '../errors.js';
import { endProgress, err, out, progressReporter } from '../io.js';
import { lang, say } from '../lang.js';
import { readSecret } from '../secrets.js';
import { loadSettings, type Settings } from '../settings.js';
import { describeFailure, Outputs } from '../write.js';
import { readAll } from '../../engine/index.js';
import { isInside } from '../paths.js';
import { acquireLock, resolveInputs } from './check.js';

export interface FetchFlags {
  config?: string;
  dryRun?: boolean;
}

const DAY = 86_400_000;
/** Default days of orders each run searches: the check's 30-day window and the days before it a shipment may start. */
export const DEFAULT_ORDER_DAYS = 35;
/** Snapshots of orders replaced by a newer one that are kept (hidden) for a look. */
const KEEP_SUPERSEDED = 3;
const STATE_FILE = '.fetch-state.json';

/**
 * Addresses of the services: the real ones, unless these variables (meant for tests against a local
 * server) name others.
 */
export const ENDPOINT_ENV = {
  lwa: 'SHIPAUDIT_LWA_URL',
  spApi: 'SHIPAUDIT_SP_API_URL',
  seventeenTrack: 'SHIPAUDIT_17TRACK_URL',
  afterShip: 'SHIPAUDIT_AFTERSHIP_URL',
} as const;

/** The name of each tracking service as the summary shows it. */
const SERVICE_NAME = { '17track': '17TRACK', aftership: 'AfterShip' } as const;

export function registerFetch(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('fetch')
    .summary('get orders from Amazon (SP-API) and tracking from 17TRACK or AfterShip into .shipaudit/data')
    .description(
      'Pulls the orders of the last days from the Selling Partner API (Orders API 2026-01-01, all pages) and, ' +
        'for every tracking number they name that is not yet delivered, the tracking from 17TRACK or AfterShip, as the ' +
        'config\'s "sources" say. Each response is saved unchanged under the data folder (default ' +
        '.shipaudit/data beside the config); `shipaudit check` reads that folder. A run that stops goes on ' +
        'where it stopped next time. Secrets come from environment variables or 0600 files the config names.',
    )
    .option('--config <file>', 'config file (default: shipaudit.config.json in the working folder)')
    .option('--dry-run', 'show what would be fetched, without any request')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  shipaudit fetch --dry-run\n' +
        '  shipaudit fetch && shipaudit check\n\n' +
        'Exit codes: 0 all fetched, 1 partial (the report says what was not fetched), 2 bad config, a refused\n' +
        'key or token, or another run holds the lock.',
    )
    .action((flags: FetchFlags) => run(() => runFetchCommand(flags)));
}

async function runFetchCommand(flags: FetchFlags): Promise<number> {
  const settings = await loadSettings({ config: flags.config });
  const summary = await fetchSources(settings, { dryRun: flags.dryRun ?? false });
  out(formatFetchText(summary, lang));
  return fetchIsPartial(summary) ? EXIT.findings : EXIT.ok;
}

/** The data folder the config's sources save to (and `check` reads), absolute. */
export function dataFolder(settings: Settings, cwd = process.cwd()): string {
  const base = settings.configFile ? dirname(resolve(settings.configFile)) : cwd;
  return resolve(base, settings.config.sources?.data ?? '.shipaudit/data');
}

interface Run {
  settings: Settings;
  data: string;
  outputs: Outputs;
  state: FetchState;
  /** Path as shown to the user: relative to the working folder. */
  shown: (abs: string) => string;
  saveState: () => Promise<void>;
  nowMs: number;
  runId: string;
  day: string;
  progress?: (msg: string) => void;
  http: (secrets: string[]) => Http;
}

/**
 * Fetches what the config's sources name, saving every response, and says what was and was not fetched.
 * A refused key or token is a UsageError (exit 2); a service that fails after its retries, or a quota
 * used up, makes the run partial.
 */
export async function fetchSources(
  settings: Settings,
  opts: { dryRun: boolean; nowMs?: number; env?: NodeJS.ProcessEnv },
): Promise<FetchSummary> {
  const cfg = settings.config.sources;
  const where = settings.configFile ?? 'the config';
  if (!cfg?.amazon && !cfg?.tracking) {
    throw new ConfigError(`${where}: sources: nothing to fetch (name "amazon" and/or "tracking" under "sources")`);
  }
  const env = opts.env ?? process.env;
  const cwd = process.cwd();
  const base = settings.configFile ? dirname(resolve(settings.configFile)) : cwd;
  const data = dataFolder(settings, cwd);
  const shown = (abs: string) => relative(cwd, abs) || '.';
  const nowMs = opts.nowMs ?? Date.now();
  // To the millisecond: two runs in one second must not share names.
  const runId = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  const summary: FetchSummary = { dryRun: opts.dryRun, dataFolder: shown(data) };

  // Secrets first: a missing variable or a loose file stops the run before anything is asked. Every
  // variable not set is named in the one line, so that one run tells all there is to set.
  missingVariables(
    [
      ['sources.amazon.refreshTokenEnv', cfg.amazon?.refreshTokenEnv],
      ['sources.amazon.clientIdEnv', cfg.amazon?.clientIdEnv],
      ['sources.amazon.clientSecretEnv', cfg.amazon?.clientSecretEnv],
      ['sources.tracking.apiKeyEnv', cfg.tracking?.apiKeyEnv],
    ],
    where,
    env,
  );
  const amazonCreds = cfg.amazon && {
    refreshToken: await readSecret(
      { env: cfg.amazon.refreshTokenEnv, file: cfg.amazon.refreshTokenFile },
      'sources.amazon.refreshToken',
      where,
      base,
      env,
    ),
    clientId: await readSecret(
      { env: cfg.amazon.clientIdEnv, file: cfg.amazon.clientIdFile },
      'sources.amazon.clientId',
      where,
      base,
      env,
    ),
    clientSecret: await readSecret(
      { env: cfg.amazon.clientSecretEnv, file: cfg.amazon.clientSecretFile },
      'sources.amazon.clientSecret',
      where,
      base,
      env,
    ),
  };
  const apiKey =
    cfg.tracking &&
    (await readSecret(
      { env: cfg.tracking.apiKeyEnv, file: cfg.tracking.apiKeyFile },
      'sources.tracking.apiKey',
      where,
      base,
      env,
    ));

  const statePath = join(data, STATE_FILE);
  const state = await loadState(statePath, shown(statePath));
  const scale = Number(env.SHIPAUDIT_FETCH_TIME_SCALE ?? '1');
  const timeoutMs = Number(env.SHIPAUDIT_FETCH_TIMEOUT_MS ?? '30000');
  const outputs = await Outputs.forInputs(settings.configFile ? [settings.configFile] : [], cwd);
  const run: Run = {
    settings,
    data,
    outputs,
    state,
    shown,
    nowMs,
    runId,
    day: localDateInZone(nowMs, settings.zone.zone),
    saveState: () => outputs.writeFile(shown(statePath), serializeFetchState(state), { replace: true }),
    http: (secrets) =>
      new Http({
        secrets,
        timeScale: Number.isFinite(scale) && scale >= 0 ? scale : 1,
        timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 30_000,
      }),
  };
  if (opts.dryRun) {
    if (cfg.amazon) summary.amazon = amazonPlan(run, cfg.amazon);
    if (cfg.tracking) summary.tracking = await trackingSummaryPlan(run, SERVICE_NAME[cfg.tracking.service]);
    return summary;
  }

  await mkdir(data, { recursive: true }).catch((e: unknown) => {
    throw describeFailure(shown(data), e);
  });
  const release = await acquireLock(`${statePath}.lock`, shown(`${statePath}.lock`));
  run.progress = progressReporter();
  try {
    if (cfg.amazon && amazonCreds) {
      const endpoint = env[ENDPOINT_ENV.spApi] || SP_API_ENDPOINTS[cfg.amazon.region];
      summary.amazon = await fetchAmazon(
        run,
        cfg.amazon,
        amazonCreds,
        endpoint,
        env[ENDPOINT_ENV.lwa] || LWA_TOKEN_URL,
      );
    }
    if (cfg.tracking?.service === 'aftership' && apiKey) {
      summary.tracking = await fetchAfterShip(run, apiKey, env[ENDPOINT_ENV.afterShip] || AFTERSHIP.baseUrl);
    } else if (cfg.tracking && apiKey) {
      summary.tracking = await fetchTracking(run, apiKey, env[ENDPOINT_ENV.seventeenTrack] || SEVENTEEN_TRACK.baseUrl);
    }
  } finally {
    endProgress(run.progress);
    await release();
  }
  return summary;
}

async function loadState(path: string, shownPath: string): Promise<FetchState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyFetchState();
    throw describeFailure(shownPath, e, 'read');
  }
  const parsed = parseFetchState(text);
  if (parsed.ok) return parsed.state;
  // Only bookkeeping is lost: the responses are all kept; the next run asks again what it can't tell.
  err(`${say('note.prefix', { message: say('note.unusableState', { path: shownPath, reason: parsed.reason }) })}\n`);
  return emptyFetchState();
}

type AmazonConfig = NonNullable<NonNullable<Config['sources']>['amazon']>;

function queryFor(run: Run, cfg: AmazonConfig): OrdersQuery {
  const before = run.nowMs - SEARCH_ORDERS.createdBeforeLagMs;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    marketplaceIds: cfg.marketplaceIds,
    createdAfter: iso(before - (cfg.days ?? DEFAULT_ORDER_DAYS) * DAY),
    createdBefore: iso(before),
  };
}

/** A stopped search is continued when it asked for the same marketplaces; its page token lives a day. */
function resumable(run: Run, cfg: AmazonConfig): AmazonRun | undefined {
  const r = run.state.amazon.running;
  if (!r || r.query.marketplaceIds.join(',') !== cfg.marketplaceIds.join(',')) return undefined;
  return run.nowMs - Date.parse(r.startedAt) < 20 * 3_600_000 ? r : undefined;
}

function amazonPlan(run: Run, cfg: AmazonConfig): AmazonSummary {
  const r = resumable(run, cfg);
  const q = r?.query ?? queryFor(run, cfg);
  return {
    status: 'planned',
    region: cfg.region,
    marketplaceIds: q.marketplaceIds,
    createdAfter: q.createdAfter,
    createdBefore: q.createdBefore,
    pages: 0,
    orders: 0,
    resumedAtPage: r?.next.page,
    requests: 0,
    tokenRefreshes: 0,
  };
}

const pageName = (n: number) => `page-${String(n).padStart(4, '0')}.json`;

/**
 * One search of the orders, saved page by page in a hidden folder (never read as an input) with the next
 * page's token in the state after each page; once the last page is in, the folder is renamed to
 * `amazon/<day>/<run>/` and the snapshot before it set aside: the data folder holds one complete search.
 */
async function fetchAmazon(
  run: Run,
  cfg: AmazonConfig,
  creds: { refreshToken: string; clientId: string; clientSecret: string },
  endpoint: string,
  lwaUrl: string,
): Promise<AmazonSummary> {
  const http = run.http([creds.refreshToken, creds.clientId, creds.clientSecret]);
  const login = new LwaLogin(http, creds, lwaUrl);
  const resumed = resumable(run, cfg);
  const current: AmazonRun = resumed ?? {
    runId: run.runId,
    dir: `amazon/.running-${run.runId}`,
    query: { ...queryFor(run, cfg), marketplaceIds: [...cfg.marketplaceIds] },
    next: { page: 1 },
    pages: 0,
    orders: 0,
    startedAt: new Date(run.nowMs).toISOString(),
  };
  if (!resumed && run.state.amazon.running) {
    await removeInside(run.data, run.state.amazon.running.dir);
  }
  run.state.amazon.running = current;
  const summary: AmazonSummary = {
    status: 'partial',
    region: cfg.region,
    marketplaceIds: current.query.marketplaceIds,
    createdAfter: current.query.createdAfter,
    createdBefore: current.query.createdBefore,
    pages: 0,
    orders: 0,
    resumedAtPage: resumed ? resumed.next.page : undefined,
    requests: 0,
    tokenRefreshes: 0,
  };
  try {
    await searchOrders(http, login, endpoint, current.query, current.next, async (p) => {
      await run.outputs.writeFile(run.shown(join(run.data, current.dir, pageName(p.page))), p.body, { replace: true });
      current.pages = p.page;
      current.orders += p.orders;
      current.next = { page: p.page + 1, token: p.nextToken };
      await run.saveState();
      run.progress?.(`Amazon: page ${p.page}, ${current.orders} orders, ${http.requests} requests`);
    });
    const finalDir = `amazon/${run.day}/${current.runId}`;
    // The snapshot before goes aside first, then the new one moves in: never two visible at once.
    const before = run.state.amazon.last;
    if (before) {
      const aside = `amazon/.superseded/${before.runId}`;
      await moveInside(run.data, before.dir, aside).catch(() => undefined);
      run.state.amazon.superseded = [...run.state.amazon.superseded.filter((d) => d !== aside), aside];
      while (run.state.amazon.superseded.length > KEEP_SUPERSEDED) {
        await removeInside(run.data, run.state.amazon.superseded.shift()!);
      }
    }
    await moveInside(run.data, current.dir, finalDir);
    run.state.amazon.last = { ...current, dir: finalDir, finishedAt: new Date().toISOString() };
    run.state.amazon.running = undefined;
    await run.saveState();
    Object.assign(summary, { status: 'complete', folder: run.shown(join(run.data, finalDir)) });
  } catch (e) {
    if (!(e instanceof SourceError) || e.kind === 'auth') throw asUsage(e);
    summary.error = e.message;
    summary.status = current.pages > 0 ? 'partial' : 'failed';
    // Amazon refused to go on from the saved token (expired, or the query no longer valid): the stopped
    // search is dropped, and the next run starts afresh rather than failing the same way all day.
    if (resumed && /refused the request/.test(e.message)) {
      await removeInside(run.data, current.dir);
      run.state.amazon.running = undefined;
      await run.saveState();
      summary.error += '; the stopped search is dropped, the next run starts afresh';
    }
  }
  summary.pages = current.pages;
  summary.orders = current.orders;
  summary.requests = http.requests;
  summary.tokenRefreshes = login.refreshes;
  return summary;
}

/** The tracking numbers of the latest complete Amazon snapshot, in the order the pages give them. */
async function snapshotNumbers(run: Run): Promise<string[]> {
  const last = run.state.amazon.last;
  if (!last) return [...new Set(await assignedNumbers(run))];
  const dir = join(run.data, last.dir);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^page-\d+\.json$/.test(n)).sort();
  const numbers: string[] = [];
  for (const n of names) {
    const text = await readFile(join(dir, n), 'utf8').catch(() => '');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      continue;
    }
    for (const p of packagesOf(doc)) numbers.push(p.trackingNumber);
  }
  numbers.push(...(await assignedNumbers(run)));
  return [...new Set(numbers)];
}

/**
 * The tracking numbers the config's inputs assign to orders not confirmed yet (the confirmation gate's): an
 * order Amazon still waits on has no package in its search, so these would otherwise never be tracked.
 */
async function assignedNumbers(run: Run): Promise<string[]> {
  const { settings } = run;
  if (!settings.config.inputs?.length) return [];
  const base = settings.configFile ? dirname(resolve(settings.configFile)) : process.cwd();
  const paths = await resolveInputs(settings.config.inputs, base, settings.configFile, []);
  const numbers: string[] = [];
  await readAll(paths, { assignment: (r) => numbers.push(r.trackingNumber) }, settings);
  return numbers;
}

function emptyTracking(service: string): TrackingSummary {
  return {
    status: 'complete',
    service,
    numbers: 0,
    alreadyDelivered: 0,
    resumed: 0,
    toAsk: 0,
    toRegister: 0,
    registered: 0,
    answered: 0,
    noInfoYet: 0,
    deliveredNow: 0,
    notFetched: [],
    requests: 0,
  };
}

async function trackingSummaryPlan(run: Run, service: string): Promise<TrackingSummary> {
  const numbers = await snapshotNumbers(run);
  const plan = trackingPlan(run.state, numbers, run.nowMs);
  return {
    ...emptyTracking(service),
    status: 'planned',
    numbers: numbers.length,
    alreadyDelivered: plan.delivered,
    resumed: plan.resumed,
    toAsk: plan.ask.length,
    toRegister: plan.register.length,
    quota: run.state.tracking.quota,
  };
}

/**
 * Tracking for the numbers of the latest orders snapshot that are not delivered: registered where needed
 * (as far as the quota goes), then asked for, 40 a request. Each gettrackinfo response is saved as
 * `17track/<day>/gettrackinfo-<run>-<batch>.json` (an input of the audit); register and quota answers go
 * to the hidden `17track/<day>/.requests/` (kept, never read as input). After each batch the state
 * records what is done, so that a run that stops is continued by the next.
 */
async function fetchTracking(run: Run, apiKey: string, baseUrl: string): Promise<TrackingSummary> {
  const http = run.http([apiKey]);
  const client = new SeventeenTrack(http, apiKey, baseUrl);
  const numbers = await snapshotNumbers(run);
  const plan = trackingPlan(run.state, numbers, run.nowMs);
  const t: TrackingSummary = {
    ...emptyTracking('17TRACK'),
    numbers: numbers.length,
    alreadyDelivered: plan.delivered,
    resumed: plan.resumed,
    toAsk: plan.ask.length,
    toRegister: plan.register.length,
  };
  const tr = run.state.tracking;
  const stillRunning = tr.running && plan.resumed > 0 ? tr.running : undefined;
  tr.running = stillRunning ?? { runId: run.runId, startedAt: new Date(run.nowMs).toISOString(), done: [] };
  const dayDir = join(run.data, '17track', run.day);
  const stamp = run.runId.slice(9);
  const saveRequest = (name: string, body: Buffer) =>
    run.outputs.writeFile(run.shown(join(dayDir, '.requests', name)), body, { replace: true });
  const nowIso = () => new Date().toISOString();
  const entry = (n: string) => (tr.numbers[n] ??= {});
  const pending = new Set(plan.ask);
  try {
    if (plan.ask.length > 0) {
      const q = await client.quota();
      tr.quota = { at: nowIso(), ...q };
    }
    if (plan.register.length > 0) {
      const reg = await client.register(plan.register, async (b) => {
        await saveRequest(`register-${stamp}-${String(b.batch).padStart(4, '0')}.json`, b.body);
        run.progress?.(`17TRACK: registering, batch ${b.batch}, ${http.requests} requests`);
      });
      for (const n of reg.registered) entry(n).registered = nowIso();
      t.registered = reg.accepted;
      if (tr.quota?.remain !== undefined) tr.quota.remain = Math.max(0, tr.quota.remain - reg.accepted);
      for (const r of reg.rejected) {
        pending.delete(r.number);
        t.notFetched.push({ number: r.number, why: `not registered: ${r.code ?? ''}${r.code ? ' ' : ''}${r.message}` });
      }
      if (reg.quotaExhausted) t.error = '17TRACK quota used up: numbers not registered are asked next time';
      await run.saveState();
    }
    const ask = plan.ask.filter((n) => pending.has(n));
    let done = 0;
    await client.trackInfo(ask, async (b) => {
      const name = `gettrackinfo-${stamp}-${String(b.batch).padStart(4, '0')}.json`;
      await run.outputs.writeFile(run.shown(join(dayDir, name)), b.body, { replace: true });
      t.folder = run.shown(dayDir);
      for (const n of b.answered) {
        entry(n).fetched = nowIso();
        pending.delete(n);
      }
      for (const n of b.delivered) entry(n).delivered = nowIso();
      for (const r of b.rejected) {
        pending.delete(r.number);
        if (r.code === SEVENTEEN_TRACK_CODES.noInfoYet) {
          t.noInfoYet++;
          continue;
        }
        // 17TRACK no longer has it (registrations expire): registered again next run.
        if (r.code === SEVENTEEN_TRACK_CODES.notRegistered) delete entry(r.number).registered;
        t.notFetched.push({ number: r.number, why: `${r.code ?? ''}${r.code ? ' ' : ''}${r.message}` });
      }
      t.answered += b.answered.length;
      t.deliveredNow += b.delivered.length;
      tr.running!.done.push(...b.numbers);
      done += b.numbers.length;
      await run.saveState();
      const left = tr.quota?.remain !== undefined ? `, quota left ${tr.quota.remain}` : '';
      run.progress?.(`17TRACK: ${done}/${ask.length} numbers, ${http.requests} requests${left}`);
    });
    if (plan.ask.length > 0) tr.quota = { at: nowIso(), ...(await client.quota()) };
    if (!t.error) tr.running = undefined;
  } catch (e) {
    if (!(e instanceof SourceError) || e.kind === 'auth') throw asUsage(e);
    t.error = e.message;
  }
  t.quota = tr.quota;
  return closeTracking(run, t, pending, http.requests);
}

/**
 * Tracking from AfterShip for the numbers of the latest orders snapshot that are not delivered: a tracking
 * created for each number not yet created (one POST each; "already exists" is fine), then listed, 50
 * numbers a request, every page. Each list page is saved as `aftership/<day>/trackings-<run>-<batch>-<page>.json`
 * (an input of the audit); create answers go to the hidden `aftership/<day>/.requests/`. After each page the
 * state records what is done, so that a run that stops is continued by the next.
 */
async function fetchAfterShip(run: Run, apiKey: string, baseUrl: string): Promise<TrackingSummary> {
  const http = run.http([apiKey]);
  const client = new AfterShip(http, apiKey, baseUrl);
  const numbers = await snapshotNumbers(run);
  const plan = trackingPlan(run.state, numbers, run.nowMs);
  const t: TrackingSummary = {
    ...emptyTracking(SERVICE_NAME.aftership),
    numbers: numbers.length,
    alreadyDelivered: plan.delivered,
    resumed: plan.resumed,
    toAsk: plan.ask.length,
    toRegister: plan.register.length,
  };
  const tr = run.state.tracking;
  const stillRunning = tr.running && plan.resumed > 0 ? tr.running : undefined;
  tr.running = stillRunning ?? { runId: run.runId, startedAt: new Date(run.nowMs).toISOString(), done: [] };
  // The 17TRACK quota means nothing here.
  tr.quota = undefined;
  const dayDir = join(run.data, 'aftership', run.day);
  const stamp = run.runId.slice(9);
  const nowIso = () => new Date().toISOString();
  const entry = (n: string) => (tr.numbers[n] ??= {});
  const pending = new Set(plan.ask);
  const pad = (n: number) => String(n).padStart(4, '0');
  try {
    if (plan.register.length > 0) {
      let i = 0;
      const made = await client.create(plan.register, async (_number, body) => {
        await run.outputs.writeFile(run.shown(join(dayDir, '.requests', `create-${stamp}-${pad(++i)}.json`)), body, {
          replace: true,
        });
        run.progress?.(`AfterShip: creating trackings, ${i}/${plan.register.length}, ${http.requests} requests`);
      });
      for (const n of made.tracked) entry(n).registered = nowIso();
      t.registered = made.created;
      for (const r of made.refused) {
        pending.delete(r.number);
        t.notFetched.push({ number: r.number, why: `not created: ${r.code ?? ''}${r.code ? ' ' : ''}${r.message}` });
      }
      if (made.quotaExhausted) t.error = 'AfterShip plan limit reached: numbers not created are asked next time';
      await run.saveState();
    }
    const ask = plan.ask.filter((n) => pending.has(n));
    const asked = new Set<string>();
    await client.list(ask, async (p) => {
      const name = `trackings-${stamp}-${pad(p.batch)}-${pad(p.page)}.json`;
      await run.outputs.writeFile(run.shown(join(dayDir, name)), p.body, { replace: true });
      t.folder = run.shown(dayDir);
      for (const n of p.answered) {
        if (!pending.delete(n)) continue;
        entry(n).fetched = nowIso();
        t.answered++;
      }
      for (const n of p.delivered) {
        if (!entry(n).delivered) t.deliveredNow++;
        entry(n).delivered ??= nowIso();
      }
      for (const n of p.numbers) asked.add(n);
      tr.running!.done.push(...p.answered.filter((n) => p.numbers.includes(n)));
      await run.saveState();
      run.progress?.(`AfterShip: ${asked.size}/${ask.length} numbers, ${http.requests} requests`);
    });
    // Asked and not listed: AfterShip does not have it (deleted, or created by another service's run).
    for (const n of ask) {
      if (!pending.has(n)) continue;
      pending.delete(n);
      delete entry(n).registered;
      t.notFetched.push({ number: n, why: 'not tracked by AfterShip: created again next run' });
    }
    if (!t.error) tr.running = undefined;
  } catch (e) {
    if (!(e instanceof SourceError) || e.kind === 'auth') throw asUsage(e);
    t.error = e.message;
  }
  return closeTracking(run, t, pending, http.requests);
}

/** The end of a tracking fetch, whichever the service: the numbers never asked, the state saved, the status. */
async function closeTracking(
  run: Run,
  t: TrackingSummary,
  pending: Iterable<string>,
  requests: number,
): Promise<TrackingSummary> {
  for (const n of pending) {
    if (!t.notFetched.some((x) => x.number === n)) t.notFetched.push({ number: n, why: 'not asked: the run stopped' });
  }
  await run.saveState();
  t.requests = requests;
  t.status = t.error || t.notFetched.length ? (t.answered > 0 ? 'partial' : 'failed') : 'complete';
  return t;
}

function asUsage(e: unknown): unknown {
  return e instanceof SourceError ? new UsageError(e.message) : e;
}

/** A path inside the data folder, refused otherwise (a state file edited by hand can't move anything else). */
function inside(data: string, rel: string): string {
  const abs = resolve(data, rel);
  if (!isInside(abs, data)) throw new UsageError(`${rel}: not inside the data folder ${data}`);
  return abs;
}

async function moveInside(data: string, from: string, to: string): Promise<void> {
  const src = inside(data, from);
  const dst = inside(data, to);
  await mkdir(dirname(dst), { recursive: true });
  if (await lstat(dst).catch(() => undefined)) await rm(dst, { recursive: true, force: true });
  await rename(src, dst).catch((e: unknown) => {
    throw describeFailure(src, e);
  });
}

async function removeInside(data: string, rel: string): Promise<void> {
  await rm(inside(data, rel), { recursive: true, force: true });
}

/** Two or more environment variables named by the config and not set: one error naming them all. */
function missingVariables(
  keys: ReadonlyArray<readonly [string, string | undefined]>,
  where: string,
  env: NodeJS.ProcessEnv,
): void {
  const missing = keys.filter((k): k is readonly [string, string] => k[1] !== undefined && !env[k[1]]?.trim());
  // One alone keeps readSecret's own message.
  if (missing.length < 2) return;
  throw new ConfigError(
    `${where}: ${missing.map((k) => k[0]).join(', ')}: the environment variables ` +
      `${missing.map((k) => k[1]).join(', ')} are not set or empty`,
  );
}
