import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { auditDetailed } from '../../audit/run.js';
import type { GateOrder, GateTracking } from '../../gate/collect.js';
import { decide } from '../../gate/decide.js';
import { LEDGER_NAME, Ledger, LedgerFormatError, parseLedger } from '../../gate/ledger.js';
import { settleStagedReleases } from '../gate-file.js';
import type { GateDecision } from '../../model/gate.js';
import type { OrderFacts } from '../../model/shipment.js';
import { CHECK_DEFAULTS } from '../../check/defaults.js';
import { globBase, isGlob } from '../../check/inputs.js';
import { inputGlob } from '../paths.js';
import { isLockText, lockText, lockVerdict, parseLock } from '../../check/lock.js';
import { buildCheck, exitCodeFor } from '../../check/run.js';
import type { CheckState } from '../../check/state.js';
import type { CheckResult, InputProblem, StateReport } from '../../model/check.js';
import { ConfigError } from '../../config/errors.js';
import { FUTURE_TOLERANCE_MS } from '../../knowledge/plausible.js';
import { localDateInZone } from '../../model/zone.js';
import { formatCheckJson, formatCheckText } from '../../report/check.js';
import { formatEvidenceCsv } from '../../report/evidence-csv.js';
import { UsageError } from '../errors.js';
import { walk, type LoadedData } from '../../engine/index.js';
import { load, rulesProgress } from '../load.js';
import { err, out, outText, styleFor } from '../io.js';
import { auditOptions, loadSettings, parseAsOf } from '../settings.js';
import { probeProcess, thisMachine } from '../process.js';
import { describeFailure, OutputError, Outputs } from '../write.js';
import { checkFormat } from './audit.js';
import { lang, say, sentence } from '../lang.js';

export interface CheckFlags {
  config?: string;
  asOf?: string;
  format: string;
  state?: string;
  out?: string;
  /** commander's form of --no-fetch: false when given. */
  fetch?: boolean;
}

const DAY = 86_400_000;

export function registerCheck(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('check')
    .summary('the nightly check: new findings, shipments at risk, metrics against thresholds')
    .description(
      'Audits the last 30 days of the inputs named in the config file and reports only what needs attention: ' +
        'findings not reported by an earlier run, shipments whose grace for a carrier scan runs out, orders due ' +
        'to ship within 24 hours, metrics past their warning level, and stale tracking data. One line when all ' +
        'is well. Meant for cron, a systemd timer or the Windows Task Scheduler (see the README). With "sources" in ' +
        'the config it first fetches the orders and the tracking itself (`shipaudit fetch`) and reads what it saved.',
    )
    .option(
      '--config <file>',
      'config file (default: shipaudit.config.json in the working folder; `shipaudit init` writes one)',
    )
    .option('--as-of <datetime>', 'the moment the check is judged at (default: now)')
    .option('--format <format>', 'text or json', 'text')
    .option(
      '--state <file>',
      `what earlier runs reported (default: "state" in the config, else ${CHECK_DEFAULTS.state} beside the config)`,
    )
    .option('--out <dir>', 'also write a dated JSON report and evidence CSV here, keeping the last "keepReports" runs')
    .option('--no-fetch', 'when the config names "sources": check what is saved, without fetching first')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  shipaudit init && shipaudit check\n' +
        '  shipaudit check --config /srv/amazon/shipaudit.config.json --out /srv/amazon/reports\n' +
        '  shipaudit check --as-of 2026-11-10T06:00 --format json\n\n' +
        'Exit codes: 0 nothing at or above "failOn" (default warning), 1 there is, 2 bad config or input, or another run holds the lock.',
    )
    .action((flags: CheckFlags) => run(() => runCheck(flags)));
}

/**
 * The state file's schema is written with zod, ninety-odd modules: loaded when `check` runs, not when
 * `shipaudit --help` or `--version` loads every command, and a start-up that loads zod and exceljs is
 * several times slower.
 */
const stateModule = () => import('../../check/state.js');

async function runCheck(flags: CheckFlags): Promise<number> {
  checkFormat(flags.format);
  const cwd = process.cwd();
  const settings = await loadSettings({ config: flags.config }, cwd);
  const cfg = settings.config;
  const base = settings.configFile ? dirname(resolve(settings.configFile)) : cwd;
  const asOfMs = flags.asOf ? parseAsOf(flags.asOf, settings.zone) : Date.now();
  // The check's --as-of stands for now (not a replay, as in audit): data dated after it is not left out but
  // shows a clock behind the data; orders and confirmations dated after it are not real yet.
  settings.clockMs = asOfMs;
  let zone = settings.zone.zone;
  const problems: InputProblem[] = [];
  // With "sources", the check fetches first (as `shipaudit fetch` does) and reads the data folder too. A
  // refused key stops it (exit 2); a partial fetch is a problem in the report, and the check goes on
  // with what is saved.
  const data = cfg.sources ? (await import('./fetch.js')).dataFolder(settings, cwd) : undefined;
  if (cfg.sources && flags.fetch !== false) {
    const { fetchSources } = await import('./fetch.js');
    const { fetchIsPartial, fetchProblems } = await import('../../report/fetch.js');
    const fetched = await fetchSources(settings, { dryRun: false });
    if (fetchIsPartial(fetched)) problems.push(...fetchProblems(fetched));
  }
  const paths = await resolveInputs(cfg.inputs, base, settings.configFile, problems, data);
  const statePath = flags.state ? resolve(cwd, flags.state) : resolve(base, cfg.state ?? CHECK_DEFAULTS.state);

  const release = await acquireLock(`${statePath}.lock`, relative(cwd, `${statePath}.lock`) || statePath);
  try {
    const window = { fromMs: asOfMs + 1 - CHECK_DEFAULTS.windowDays * DAY, toMs: asOfMs + 1 };
    const loaded = await load(paths, settings, { window: () => window });
    const { data: collector, inputs } = loaded;
    // Nothing the run read (nor the config) is ever written over, set aside or deleted.
    const read = inputs.filter((i) => !i.skipped).map((i) => i.file);
    const config = settings.configFile ? [settings.configFile] : [];
    const outputs = await Outputs.forInputs([...paths, ...read, ...config], cwd);
    // The orders' sales channels may have named the marketplace zone.
    zone = settings.zone.zone;
    if (collector.confirmationCount === 0) {
      problems.push({
        level: 'warning',
        kind: 'no-confirmations',
        message: 'no shipping confirmations in the inputs: no shipment could be checked',
      });
    }
    const from = localDateInZone(window.fromMs, zone);
    const to = localDateInZone(asOfMs, zone);
    const per = { window: { ...window, from, to }, asOfMs };
    const { result, shipments, awaiting } = auditDetailed(loaded, {
      ...auditOptions(settings, loaded, per),
      progress: rulesProgress(),
    });
    // Tracking is fresh or stale by its newest event at the check's clock: one dated later (2062) is left out.
    const tracking = collector.clock.reading(asOfMs + FUTURE_TOLERANCE_MS);
    const { state, report } = await readState(outputs, statePath, relative(cwd, statePath) || statePath, problems);
    const gate =
      collector.assignments.length > 0
        ? await gateDecision(
            collector,
            awaiting,
            statePath,
            relative(cwd, statePath) || statePath,
            asOfMs,
            zone,
            problems,
          )
        : undefined;
    const graceOption = settings.rules['no-carrier-scan']?.options?.graceHours;
    const built = buildCheck({
      audit: result,
      shipments,
      awaiting,
      asOfMs,
      window: { from, to, days: CHECK_DEFAULTS.windowDays },
      graceHours: typeof graceOption === 'number' ? graceOption : settings.graceHours,
      newestTrackingMs: tracking?.ms,
      freshness: {
        newestOrderMs: finite(collector.newestOrderMs),
        newestConfirmationMs: finite(collector.newestConfirmationMs),
        confirmationsAfterOrders: collector.movedOnAfter(collector.newestOrderMs).confirmationsWithoutOrder,
        scansAfterConfirmations: collector.movedOnAfter(collector.newestConfirmationMs).scansWithoutConfirmation,
        futureEvents: tracking?.ignored ?? 0,
        newestFutureMs: tracking?.newestIgnoredMs,
        orderDays: collector.orderDays,
        confirmationDays: collector.confirmationDays,
      },
      maxQuietHours: cfg.maxQuietHours ?? CHECK_DEFAULTS.maxQuietHours,
      inputFiles: inputs.filter((i) => !i.skipped).length,
      state,
      stateReport: report,
      problems,
      staleAfterHours: cfg.staleAfterHours ?? CHECK_DEFAULTS.staleAfterHours,
      thresholds: { ...CHECK_DEFAULTS.thresholds, ...cfg.thresholds },
      atRisk: { ...CHECK_DEFAULTS.atRisk, ...cfg.atRisk },
      gate,
      snapshots: loaded.reports.flatMap((r) =>
        r.kind === 'unshipped-orders' && r.reportedAtMs !== undefined ? [{ file: r.file, ms: r.reportedAtMs }] : [],
      ),
    });
    // Report first, record second: if the reports can't be written the state is not advanced, so the
    // findings of this run are shown again by the next one instead of being lost.
    if (flags.format === 'json') out(formatCheckJson(built.result));
    else outText(formatCheckText(built.result, { style: styleFor(process.stdout, 'text'), lang }));
    const keep = cfg.keepReports ?? CHECK_DEFAULTS.keepReports;
    if (flags.out) await writeReports(outputs, flags.out, built.result, built.findings, keep);
    const { serializeState, isStateStart } = await stateModule();
    // Written over only when it is the state read above, or one shipaudit wrote since (never a file of the user's).
    await outputs.writeFile(relative(cwd, statePath) || statePath, serializeState(built.state), {
      ownedIf: (head) => report.status === 'ok' || isStateStart(head.toString('utf8')),
      what: 'a state file written by shipaudit',
    });
    return exitCodeFor(built.result.status, cfg.failOn ?? CHECK_DEFAULTS.failOn);
  } finally {
    await release();
  }
}

/**
 * What `shipaudit confirm` would decide now, for the backlog: the orders awaiting shipment, the numbers
 * assigned to them, their scans, and the ledger (read only: the gate's own runs append to it).
 */
async function gateDecision(
  collector: Pick<LoadedData, 'assignments' | 'trackingFacts'>,
  awaiting: readonly OrderFacts[],
  statePath: string,
  stateShown: string,
  asOfMs: number,
  zone: string,
  problems: InputProblem[],
): Promise<GateDecision> {
  const ledgerPath = join(dirname(statePath), LEDGER_NAME);
  const shown = join(dirname(stateShown), LEDGER_NAME);
  let ledger = new Ledger();
  const text = await readFile(ledgerPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw describeFailure(shown, e, 'read');
  });
  try {
    ledger = new Ledger(parseLedger(text).records);
  } catch (e) {
    if (!(e instanceof LedgerFormatError)) throw e;
    const message = `${shown}:${e.line}: ${e.message}: the gate's backlog ignores the ledger`;
    problems.push({ level: 'warning', kind: 'state', message });
  }
  const orders = new Map<string, GateOrder>(
    awaiting.map((o) => [
      o.orderId,
      { orderId: o.orderId, latestShipDate: o.latestShipDate, purchasedAt: o.purchasedAt, items: [], source: o.source },
    ]),
  );
  const tracking = new Map<string, GateTracking>();
  for (const a of collector.assignments) {
    const f = collector.trackingFacts(a.trackingNumber);
    if (!f) continue;
    // What the tracking files know beyond the as-of is not known at the as-of (a check run for a past moment).
    const known = <T extends { at: { epochMs: number } }>(e: T | undefined) =>
      e && e.at.epochMs <= asOfMs ? e : undefined;
    const last = known(f.lastEvent);
    tracking.set(a.trackingNumber, {
      events: f.events,
      firstPossession: known(f.firstPossession) ?? known(f.summaryFirstScan),
      lastEvent: last,
      lastInformation: last?.class === 'information' ? last : undefined,
      unknown: last?.class === 'unknown' ? [last.description] : [],
      possessionWithoutTime: f.possessionWithoutTime,
    });
  }
  // A confirmation file's batch a confirm run died while placing: settled here in memory only.
  await settleStagedReleases(ledger, new Date(asOfMs).toISOString());
  const decision = decide({
    orders,
    notAwaiting: new Set(),
    packages: collector.assignments,
    tracking,
    ledger: (id, n) => ledger.covers(id, n),
    released: (id, n) => ledger.releases(id, n),
    reemit: new Set(),
    asOfMs,
    zone,
  });
  // When and where the gate released what the order data still has waiting: shown as awaiting Amazon.
  for (const sk of decision.skipped) {
    const r = sk.why === 'in-ledger' && sk.trackingNumber ? ledger.last(sk.orderId, sk.trackingNumber) : undefined;
    if (r) Object.assign(sk, { at: r.at, ...(r.file !== undefined && { file: r.file }) });
  }
  return decision;
}

/** Config `inputs` (folders, files or globs, relative to the config file's folder) → paths for the readers. */
export async function resolveInputs(
  entries: readonly string[] | undefined,
  base: string,
  configFile: string | undefined,
  problems: InputProblem[],
  data?: string,
): Promise<string[]> {
  const where = configFile ?? 'the config';
  // The data folder counts once a fetch has completed something in it (half-done work is hidden).
  const isDir = data && (await stat(data).catch(() => undefined))?.isDirectory();
  const fetched = data && isDir && (await walk(data)).length > 0 ? [data] : [];
  if (data && (!entries || entries.length === 0)) {
    if (fetched.length === 0) {
      throw new ConfigError(`${where}: nothing fetched yet into ${data}: run \`shipaudit fetch\``);
    }
    return fetched;
  }
  if (!entries || entries.length === 0) {
    throw new ConfigError(
      configFile
        ? `${configFile}: inputs: no input folders given (list the folders your ERP and download scripts write to)`
        : 'no config file: run `shipaudit init` here to write shipaudit.config.json, then list your input folders under "inputs"',
    );
  }
  const paths: string[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!isGlob(entry)) {
      const abs = resolve(base, entry);
      if (!(await stat(abs).catch(() => undefined)))
        throw new ConfigError(`${where}: inputs.${i}: "${entry}" does not exist (${abs})`);
      paths.push(abs);
      continue;
    }
    const { root, matches } = inputGlob(base, entry);
    if (!(await stat(root).catch(() => undefined)))
      throw new ConfigError(
        `${where}: inputs.${i}: folder "${globBase(entry)}" of "${entry}" does not exist (${root})`,
      );
    const matched = (await walk(root)).sort().filter(matches);
    if (matched.length === 0)
      problems.push({ level: 'warning', kind: 'empty-glob', message: `inputs.${i}: "${entry}" matches no file` });
    paths.push(...matched);
  }
  return [...paths, ...fetched];
}

/** Unusable state files kept for a look: the newest few, each under its own name. */
const KEEP_CORRUPT = 5;

/** A missing state is a first run; an unusable one is set aside (for a look) and rebuilt, never a crash. */
async function readState(
  outputs: Outputs,
  path: string,
  shown: string,
  problems: InputProblem[],
): Promise<{ state: CheckState; report: StateReport }> {
  const { emptyState, parseState } = await stateModule();
  await outputs.refuseInput(shown, 'used as the state file');
  let text: string;
  try {
    // A device or FIFO (/dev/null) reads as nothing, like a state emptied by a crash: it is never set aside.
    if (!(await stat(path)).isFile())
      throw new OutputError(`${shown} is not a regular file: not used as the state file`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: emptyState(), report: { file: shown, status: 'created' } };
    throw describeFailure(shown, e, 'read');
  }
  const parsed = parseState(text);
  if (parsed.ok) return { state: parsed.state, report: { file: shown, status: 'ok' } };
  // Only a state file shipaudit wrote is set aside and rebuilt: any other file named so is the user's. The
  // reason is not shown: a JSON parser quotes the text, and the file may hold anything (a key, a buyer).
  if (!parsed.ours)
    throw new OutputError(
      `${shown} exists and is not a state file written by shipaudit: not used as the state file; ` +
        'name another with --state or "state" in the config',
    );
  const aside = basename(await outputs.setAside(shown, 'corrupt', KEEP_CORRUPT));
  const kept = join(dirname(shown), aside);
  const message =
    `state file ${shown} was unusable (${parsed.reason}); kept as ${kept} and rebuilt, ` +
    'so findings reported before may be repeated';
  problems.push({ level: 'warning', kind: 'state', message });
  return { state: emptyState(), report: { file: shown, status: 'rebuilt', message } };
}

/**
 * One run at a time: a second one would report the same findings and race on the state file. The lock
 * records this machine, its boot and this process's start time, so that the next run can tell a live
 * holder from a dead one or from a pid reused since (src/check/lock.ts judges).
 */
export async function acquireLock(path: string, shown: string): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true }).catch((e: unknown) => {
    throw describeFailure(shown, e);
  });
  const here = thisMachine();
  const me = { host: here.host, bootId: here.bootId, procStart: probeProcess(process.pid).startTicks };
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(lockText(process.pid, Date.now(), me));
      } finally {
        await fh.close();
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw describeFailure(shown, e);
      const text = await readFile(path, 'utf8').catch(() => '');
      // A file of the user's under the lock's name is neither waited on nor taken over (removed).
      if (!isLockText(text))
        throw new UsageError(
          `${shown} exists and is not a lock file written by shipaudit: not removed; ` +
            'shipaudit takes its lock under that name, move the file away',
        );
      const mtime = (await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now();
      const verdict = lockVerdict(path, parseLock(text), mtime, Date.now(), probeProcess, here);
      if (!verdict.takeOver || attempt > 0) throw new UsageError(verdict.message);
      err(`${say('note.prefix', { message: sentence(verdict.message) })}\n`);
      await rm(path, { force: true });
    }
  }
  // An interrupted run must not leave a lock behind that blocks the next six hours of nights.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(path, { force: true });
  };
}

const REPORT = /^shipaudit-check-(\d{8}T\d{6}Z)\.json$/;
const EVIDENCE = /^evidence-check-(\d{8}T\d{6}Z)\.csv$/;

/** The run's JSON report and evidence CSV (every open finding), named by the as-of, and only the last `keep` runs. */
async function writeReports(
  outputs: Outputs,
  dir: string,
  result: CheckResult,
  findings: Parameters<typeof formatEvidenceCsv>[0],
  keep: number,
): Promise<void> {
  const stamp = new Date(Date.parse(result.asOf)).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  // Names only shipaudit gives: a file of that name is an earlier run's report of the same moment.
  await outputs.writeFile(join(dir, `shipaudit-check-${stamp}.json`), formatCheckJson(result), { replace: true });
  await outputs.writeFile(join(dir, `evidence-check-${stamp}.csv`), formatEvidenceCsv(findings), { replace: true });
  const names = await readdir(dir).catch((e: unknown) => {
    throw describeFailure(dir, e, 'read');
  });
  const stamps = [...new Set(names.flatMap((n) => (REPORT.exec(n) ?? EVIDENCE.exec(n))?.[1] ?? []))].sort();
  const old = new Set(stamps.slice(0, Math.max(0, stamps.length - keep)));
  for (const n of names) {
    const s = (REPORT.exec(n) ?? EVIDENCE.exec(n))?.[1];
    if (s && old.has(s)) await outputs.removeFile(join(dir, n));
  }
}

const finite = (ms: number) => (Number.isFinite(ms) ? ms : undefined);
