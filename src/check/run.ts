import type { Finding } from '../model/finding.js';
import type { AuditResult } from '../model/result.js';
import type { OrderFacts, Shipment } from '../model/shipment.js';
import { latestInstant } from '../model/timestamp.js';
import { formatInZone } from '../model/zone.js';
import type { GateDecision } from '../model/gate.js';
import { ordersDue, shipmentsAtRisk } from './at-risk.js';
import { gateBacklog, withoutGateOrders } from './gate.js';
import { CHECK_DEFAULTS, type FailOn, type Level } from './defaults.js';
import { markReported, splitNew } from './identity.js';
import { staleOrderData, staleSnapshot, staleTracking, type Freshness } from './inputs.js';
import { evaluateMetrics, metricValues, recordRun, type Thresholds } from './metrics.js';
import type { CheckState } from './state.js';
import type { CheckResult, InputProblem, StateReport } from '../model/check.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface CheckInput {
  audit: AuditResult;
  /** The audit's shipments (confirmed in the window), for the ones at risk. */
  shipments: readonly Shipment[];
  /** Seller-fulfilled orders not confirmed yet. */
  awaiting: readonly OrderFacts[];
  asOfMs: number;
  window: CheckResult['window'];
  graceHours: number;
  newestTrackingMs?: number;
  /** Each side's newest data, for its own freshness. */
  freshness?: Freshness;
  inputFiles: number;
  state: CheckState;
  stateReport: StateReport;
  /** Problems the CLI found while gathering (globs matching nothing, a rebuilt state file...). */
  problems: readonly InputProblem[];
  staleAfterHours: number;
  /** Orders or confirmations older than this are stale even when nothing shows another side moved on. */
  maxQuietHours?: number;
  thresholds: Thresholds;
  atRisk: { graceLeftHours: number; shipWithinHours: number };
  /** The confirmation gate's decision, when the inputs assign tracking numbers to orders. */
  gate?: GateDecision;
  /** The Unshipped Orders reports read and when Amazon made each (their reporting-date). */
  snapshots?: ReadonlyArray<{ file: string; ms: number }>;
}

/**
 * The night's verdict from the audit and what earlier nights reported, the state to keep for the next,
 * and every finding still open (new or not) for the evidence CSV.
 */
export function buildCheck(i: CheckInput): { result: CheckResult; state: CheckState; findings: Finding[] } {
  const zone = i.audit.marketplaceZone;
  const asOf = i.audit.asOf;
  const hasTrackingData = i.audit.summary.hasTrackingData;
  const findings = withoutPending(i.audit.findings, i.shipments, i.asOfMs, i.graceHours);
  const { newFindings, alreadyReported } = splitNew(findings, i.state.reported);
  const opts = { asOfMs: i.asOfMs, zone, graceHours: i.graceHours, hasTrackingData, ...i.atRisk };
  const iso = (ms: number) => formatInZone(ms, zone);
  const staleSnapshots = (i.snapshots ?? []).flatMap(
    (s) => staleSnapshot(s, i.asOfMs, i.staleAfterHours, iso(s.ms)) ?? [],
  );
  // Orders due from an old snapshot (when no newer one is fresh) say so: "ship now" may be about an order
  // shipped since.
  const newest = Math.max(...(i.snapshots ?? []).map((s) => s.ms));
  const snapshotStale = Number.isFinite(newest) && (i.asOfMs - newest) / HOUR > i.staleAfterHours;
  const fromSnapshot = new Set(i.awaiting.filter((o) => o.awaitingShipment).map((o) => o.orderId));
  const due = ordersDue(i.awaiting, opts).map((o) =>
    snapshotStale && fromSnapshot.has(o.orderId) ? { ...o, snapshot: iso(newest) } : o,
  );
  const gate = i.gate && gateBacklog(i.gate, i.atRisk.shipWithinHours);
  const atRisk: CheckResult['atRisk'] = {
    shipments: shipmentsAtRisk(i.shipments, opts),
    orders: i.gate ? withoutGateOrders(due, i.gate) : due,
    ...(gate && { gate }),
  };
  const metrics = evaluateMetrics(i.audit.summary, i.thresholds, i.state.history, i.asOfMs);

  const newestIso = i.newestTrackingMs === undefined ? undefined : formatInZone(i.newestTrackingMs, zone);
  const stale = staleTracking(hasTrackingData ? i.newestTrackingMs : undefined, i.asOfMs, i.staleAfterHours, newestIso);
  const hours = {
    staleAfterHours: i.staleAfterHours,
    maxQuietHours: i.maxQuietHours ?? CHECK_DEFAULTS.maxQuietHours,
    windowDays: i.window.days,
  };
  const sides = i.freshness ? staleOrderData(i.freshness, i.asOfMs, hours, DAY, iso) : [];
  const files = fileProblems(i.audit);
  const input: InputProblem[] = [
    ...files,
    ...sides,
    ...(stale ? [stale] : []),
    ...staleSnapshots,
    ...unclassifiedEvents(i.audit, newFindings),
    ...rejectedRows(i.audit),
    ...i.problems,
  ];

  const levels: Array<Level | 'ok' | 'n/a'> = [
    ...newFindings.map((f) => f.severity),
    ...atRisk.shipments.map((s) => s.level),
    ...atRisk.orders.map((o) => o.level),
    ...(gate?.overdue.length ? ['error' as const] : []),
    ...(gate?.held.length ? ['warning' as const] : []),
    ...metrics.map((m) => m.level),
    ...input.map((p) => p.level),
  ];
  const status = levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'ok';

  const result: CheckResult = {
    tool: i.audit.tool,
    asOf,
    marketplaceZone: zone,
    window: i.window,
    status,
    checked: {
      shipments: i.audit.summary.shipments,
      inputFiles: i.inputFiles,
      newestTrackingData: newestIso ?? null,
      ...(i.freshness?.newestConfirmationMs !== undefined && {
        newestConfirmation: iso(i.freshness.newestConfirmationMs),
      }),
      ...skippedEntries(i.audit),
    },
    newFindings,
    alreadyReported,
    atRisk,
    metrics,
    input,
    unclassifiedEvents: i.audit.unclassifiedEvents,
    ...(i.audit.unclassifiedMore && { unclassifiedMore: i.audit.unclassifiedMore }),
    state: i.stateReport,
  };
  const state: CheckState = {
    version: 1,
    reported: markReported(i.state.reported, findings, asOf, i.asOfMs),
    history: recordRun(i.state.history, asOf, i.asOfMs, metricValues(i.audit.summary)),
  };
  return { result, state, findings };
}

/**
 * A package confirmed this afternoon is usually not in tonight's tracking export yet. Within its grace
 * that is not a finding (it shows as at risk when the grace runs short); past the grace it is.
 */
function withoutPending(
  findings: Iterable<Finding>,
  shipments: readonly Shipment[],
  asOfMs: number,
  graceHours: number,
): Finding[] {
  const pending = new Set(
    shipments
      .filter((s) => s.tracking === undefined && asOfMs - latestInstant(s.confirmedAt) <= graceHours * HOUR)
      .map((s) => `${s.orderId}|${s.trackingNumber}`),
  );
  const kept: Finding[] = [];
  for (const f of findings)
    if (f.rule !== 'tracking-not-found' || !pending.has(`${f.orderId}|${f.trackingNumber}`)) kept.push(f);
  return kept;
}

/** Folder entries not read, when there are any. */
function skippedEntries(audit: AuditResult): Pick<CheckResult['checked'], 'skipped'> {
  const skipped = audit.inputs
    .filter((x) => x.skipped)
    .map((x) => ({ file: x.file, reason: x.skipped!, ...(x.symlink ? { symlink: x.symlink } : {}) }));
  return skipped.length > 0 ? { skipped } : {};
}

/** Folder files where data was expected that could not be read: each one an Input warning. */
function fileProblems(audit: AuditResult): InputProblem[] {
  return audit.inputs
    .filter((x) => x.warning)
    .map((x) => ({ level: 'warning', kind: 'input-file', message: `${x.file} was skipped: ${x.warning}` }));
}

/** The rules whose findings rest on where the first physical scan is: an unknown text may be that scan. */
const SCAN_RULES: ReadonlySet<string> = new Set(['no-carrier-scan', 'confirmed-before-handover', 'late-handover']);

/**
 * Event texts no table entry knows are shown, never guessed: a first scan among them would be missed, and
 * findings (no carrier scan, VTR) may rest on that. The report always lists them; this warning, which says what
 * to do, comes with the nights that raise a new finding resting on scans, not every night the texts are there
 * (a delivered parcel's "Held at Post Office" would otherwise alarm each night).
 */
function unclassifiedEvents(audit: AuditResult, newFindings: readonly { rule: string }[]): InputProblem[] {
  const listed = audit.unclassifiedEvents;
  if (listed.length === 0 || !newFindings.some((f) => SCAN_RULES.has(f.rule))) return [];
  const texts = listed.length + (audit.unclassifiedMore?.texts ?? 0);
  const events = listed.reduce((n, u) => n + u.count, 0) + (audit.unclassifiedMore?.events ?? 0);
  return [
    {
      level: 'warning',
      kind: 'unclassified-events',
      message:
        `${texts} carrier event text${texts === 1 ? '' : 's'} (${events} event${events === 1 ? '' : 's'}) ` +
        'matched no table entry, so a first scan among them is not seen and findings may rest on that; ' +
        'classify them under "events" in the config (`shipaudit inspect` shows them per file)',
    },
  ];
}

function rejectedRows(audit: AuditResult): InputProblem[] {
  const n = audit.summary.rowsRejected;
  if (n === 0) return [];
  const first = audit.inputs.flatMap((x) => x.problems)[0];
  const where = first ? ` (first: ${first.file.split(/[\\/]/).pop()}:${first.line}: ${first.message})` : '';
  return [
    {
      level: 'warning',
      kind: 'rejected-rows',
      message: `${n} row${n === 1 ? '' : 's'} could not be read${where}; \`shipaudit inspect\` shows them all`,
    },
  ];
}

export function exitCodeFor(status: CheckResult['status'], failOn: FailOn): 0 | 1 {
  if (failOn === 'never' || status === 'ok') return 0;
  return failOn === 'warning' || status === 'error' ? 1 : 0;
}
