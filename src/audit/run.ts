import { TARGETS } from '../knowledge/amazon.js';
import type { Severity, SeveritySetting } from '../model/finding.js';
import type { AuditResult, GroupFigures, InputSummary, TargetFigure } from '../model/result.js';
import type { OrderFacts, Shipment } from '../model/shipment.js';
import { formatInZone, localDateInZone, offsetAt } from '../model/zone.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { FUTURE_TOLERANCE_MS, PLAUSIBLE_DATES } from '../knowledge/plausible.js';
import type { ClockReading, LoadedData, LoadedShipments, Window } from '../engine/index.js';
import type { Handling } from '../knowledge/ship-by.js';
import { distribution, rate } from './stats.js';
import { AuditFindings, firstScan, lagHours, type ActiveRule } from './findings.js';

export { lagHours };

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, number | string | boolean>;
}

export interface AuditOptions {
  version: string;
  marketplaceZone: string;
  handling: Handling;
  graceHours: number;
  window: Window & { from?: string; to?: string };
  /**
   * The moment the audit is judged at; default: the newest tracking event read, leaving out events dated
   * more than a day after the newest order data or after now (see defaultClock).
   */
  asOfMs?: number;
  /** Now, for the default clock's bound (tests fix it); default: the system clock. */
  nowMs?: number;
  /** Per rule id; rules not listed run with their defaults. */
  rules: Record<string, Partial<RuleSetting>>;
  inputs: InputSummary[];
  unclassified: Record<string, number>;
  /** Said first among the notes (how the marketplace zone was decided). */
  notes?: readonly string[];
  /** Unclassified texts past the limit kept: counted, not listed. */
  unclassifiedMore?: { texts: number; events: number };
  /** Told now and then during the rule pass how many shipments have been checked of all (a progress line). */
  progress?: (done: number, total: number) => void;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The audit with the shipments and each one's rule hits, for figures over other groupings (before/after a fix). */
export interface AuditDetail {
  result: AuditResult;
  /** Built on first use: a large audit never needs them as objects. */
  readonly shipments: Shipment[];
  readonly hits: ReadonlyMap<Shipment, ReadonlySet<string>>;
  /** Seller-fulfilled orders not confirmed yet (from order reports): the nightly check's "ship today". */
  awaiting: OrderFacts[];
}

/** Rules, figures and notes over the loaded shipments (see `loadShipments`). */
export function audit(loaded: LoadedShipments, opts: AuditOptions): AuditResult {
  return auditDetailed(loaded, opts).result;
}

/** A shipment's rule hits: the ids of the rules it broke, in rule order. Most shipments share the empty list. */
const NO_HITS: readonly string[] = Object.freeze([]);

/**
 * Runs every active rule (of `rules`: the registry, or a test's own) over every shipment in one pass. What the figures need of a shipment is tallied
 * on the way, and the ids of the rules it broke are kept, by its place in audit order.
 */
export function auditDetailed(
  loaded: LoadedShipments,
  opts: AuditOptions,
  rules: readonly Rule[] = RULES,
): AuditDetail {
  const { shipments, data: c } = loaded;
  const zone = opts.marketplaceZone;
  const hasTrackingData = c.trackingCount > 0;
  const clock = opts.asOfMs === undefined ? defaultClock(c, opts.nowMs ?? Date.now()) : undefined;
  const asOfSource: AuditResult['asOfSource'] =
    opts.asOfMs !== undefined ? 'option' : clock?.reading ? 'newest tracking event' : 'clock';
  const asOfMs = opts.asOfMs ?? clock?.reading?.ms ?? opts.nowMs ?? Date.now();
  const periodEnd = opts.window.toMs ?? asOfMs;
  const inWindow = (s: Shipment, days: number) =>
    s.confirmedAt.epochMs > periodEnd - days * DAY && s.confirmedAt.epochMs <= periodEnd;

  const active = activeRules(opts, rules);
  const ids = active.map((a) => a.rule.meta.id);
  const hitsOf: Array<readonly string[]> = new Array(shipments.count).fill(NO_HITS);
  const overall = new GroupTally();
  const byCarrier = new Map<string, GroupTally>();
  const byWeek = new Map<string, GroupTally>();
  const lsr10 = new LateShipmentTally();
  const lsr30 = new LateShipmentTally();
  const vtr = { shipments: 0, valid: 0 };
  let matchedWithTracking = 0;
  let shipmentsWithErrors = 0;
  const carrierTally = new Tallies();
  const weekTally = new Tallies();

  // Made once, not per shipment and rule: objects made per rule call would be a large share of the
  // audit's allocations.
  const facts = new TallyFacts();
  const running: ActiveRule[] = active.map(({ rule, severity, options }) => ({
    rule,
    severity,
    context: { asOfMs, hasTrackingData, options },
  }));
  // A finding is kept as its shipment's rank and its rule's place, nothing more (see AuditFindings).
  const madeRank: number[] = [];
  const madeRule: number[] = [];
  // The pass goes through the shipments in the order they are stored, which reads the columns in sequence;
  // what depends on order is put in audit order: the findings after the pass, ties between groups by rank.
  const { progress } = opts;
  let checked = 0;
  progress?.(0, shipments.count);
  shipments.each((s, i) => {
    if (progress && (++checked & 0x3fff) === 0) progress(checked, shipments.count);
    let hits: string[] | undefined;
    let error = false;
    for (let b = 0; b < running.length; b++) {
      const { rule, severity, context } = running[b];
      if (!rule.check(s, context)) continue;
      (hits ??= []).push(ids[b]);
      if (severity === 'error') error = true;
      madeRank.push(i);
      madeRule.push(b);
    }
    if (hits) hitsOf[i] = hits;
    // What the three groupings tally, worked out once for the shipment.
    const f = facts.of(
      s,
      hits?.includes('confirmed-before-handover') ?? false,
      hits?.includes('late-confirmation') ?? false,
    );
    overall.add(f, i);
    carrierTally.of(byCarrier, f.carrier).add(f, i);
    weekTally.of(byWeek, isoWeek(s.confirmedAt.epochMs, zone)).add(f, i);
    if (inWindow(s, 10)) lsr10.add(s, f.late);
    if (inWindow(s, 30)) {
      lsr30.add(s, f.late);
      vtr.shipments++;
      if (hasTrackingData && s.trackingNumber !== '' && f.physicalScan) vtr.valid++;
    }
    if (s.tracking) matchedWithTracking++;
    if (error) shipmentsWithErrors++;
  });
  const findings = AuditFindings.fromPass(shipments, running, zone, madeRank, madeRule);

  const all = overall.figures('all');
  const findingsByRule: Record<string, number> = {};
  for (const id of ids) findingsByRule[id] = 0;
  const findingsBySeverity: Record<Severity, number> = { error: 0, warning: 0 };
  for (let k = 0; k < madeRule.length; k++) {
    const { rule, severity } = running[madeRule[k]];
    findingsByRule[rule.meta.id]++;
    findingsBySeverity[severity]++;
  }
  const notes: string[] = [...(opts.notes ?? [])];
  if (!hasTrackingData)
    notes.push(
      'No tracking data was given: confirmations could not be compared with carrier scans (confirmed-before-handover, no-carrier-scan, late-handover, tracking-not-found and the Valid Tracking Rate were not checked).',
    );
  const later = c.afterAsOf;
  if (later.events + later.confirmations + later.orders > 0) {
    const what = [
      later.events && `${later.events} carrier event(s)`,
      later.confirmations && `${later.confirmations} confirmation(s)`,
      later.orders && `${later.orders} order row(s)`,
    ].filter(Boolean);
    const at = formatInZone(asOfMs, zone);
    notes.push(`${what.join(', ')} after the as-of time ${at} were left out: the files are judged as they stood then.`);
  }
  if (c.orderCount === 0)
    notes.push(
      'No order report was given: purchase dates and latest ship dates are unknown, so late-confirmation and late-handover were not checked.',
    );
  notes.push(...inputHealthNotes(opts.inputs));
  const ignored = clock?.reading?.ignored ?? 0;
  if (ignored > 0) notes.push(futureNote(ignored, clock!, zone));
  if (loaded.withoutOrder > 0 && c.orderCount > 0)
    notes.push(
      `${loaded.withoutOrder} shipment(s) have no matching order in the order files: they were checked without ship-by dates.`,
    );

  const unclassified = Object.entries(opts.unclassified)
    .map(([description, count]) => ({ description, count }))
    .sort((a, b) => b.count - a.count || a.description.localeCompare(b.description));

  const result: AuditResult = {
    tool: { name: 'shipaudit', version: opts.version },
    asOf: formatInZone(asOfMs, zone),
    asOfSource,
    marketplaceZone: zone,
    window: { from: opts.window.from, to: opts.window.to },
    graceHours: opts.graceHours,
    summary: {
      shipments: shipments.count,
      excluded: loaded.excluded,
      confirmationsWithoutOrder: loaded.withoutOrder,
      matchedWithTracking,
      withPhysicalScan: all.withPhysicalScan,
      hasTrackingData,
      hasOrderData: c.orderCount > 0,
      findingsByRule,
      findingsBySeverity,
      shipmentsWithErrors,
      earlyConfirmationRate: {
        count: all.earlyConfirmations,
        of: all.withScanTime,
        value: all.earlyConfirmationRate,
        label: 'Early confirmation rate',
        target: '0%',
        meetsTarget: all.withScanTime === 0 ? null : all.earlyConfirmations === 0,
        basis: `shipments confirmed more than ${opts.graceHours} h before the first physical carrier scan, of those whose first scan time is known`,
      },
      lateShipmentRate10: lsr10.figure(10),
      lateShipmentRate30: lsr30.figure(30),
      validTrackingRate: validTrackingRate(vtr.valid, vtr.shipments, hasTrackingData),
      lagHours: all.lagHours,
      rowsRejected: opts.inputs.reduce((n, i) => n + i.rowsRejected, 0),
      eventsIgnoredForClock: ignored,
    },
    byCarrier: [...byCarrier]
      .sort(([, a], [, b]) => b.size - a.size || a.firstRank - b.firstRank)
      .map(([k, t]) => t.figures(k)),
    byWeek: [...byWeek].map(([k, t]) => t.figures(k)).sort((a, b) => a.key.localeCompare(b.key)),
    findings,
    inputs: opts.inputs,
    unclassifiedEvents: unclassified,
    ...(opts.unclassifiedMore && opts.unclassifiedMore.texts > 0 && { unclassifiedMore: { ...opts.unclassifiedMore } }),
    notes,
  };

  let list: Shipment[] | undefined;
  let hits: Map<Shipment, ReadonlySet<string>> | undefined;
  return {
    result,
    get shipments() {
      return (list ??= [...shipments]);
    },
    get hits() {
      if (!hits) {
        hits = new Map();
        this.shipments.forEach((s, i) => hits!.set(s, new Set(hitsOf[i])));
      }
      return hits;
    },
    awaiting: loaded.awaiting,
  };
}

function activeRules(opts: AuditOptions, rules: readonly Rule[]) {
  const out: Array<{ rule: Rule; severity: Severity; options: Record<string, number | string | boolean> }> = [];
  for (const rule of rules) {
    const setting = opts.rules[rule.meta.id] ?? {};
    const severity = setting.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    const options: Record<string, number | string | boolean> = {};
    for (const [k, o] of Object.entries(rule.meta.options)) options[k] = o.default;
    // The audit-wide grace (--grace) sets every rule's grace unless the rule's own setting says otherwise.
    if ('graceHours' in options) options.graceHours = opts.graceHours;
    Object.assign(options, setting.options);
    out.push({ rule, severity, options });
  }
  return out;
}

export function hasPhysicalScan(s: Shipment): boolean {
  return firstScan(s) !== undefined || s.tracking?.possessionWithoutTime === true;
}

export function groupFigures(
  key: string,
  list: readonly Shipment[],
  hits: ReadonlyMap<Shipment, ReadonlySet<string>>,
): GroupFigures {
  const t = new GroupTally();
  const facts = new TallyFacts();
  list.forEach((s, i) => {
    const h = hits.get(s)!;
    t.add(facts.of(s, h.has('confirmed-before-handover'), h.has('late-confirmation')), i);
  });
  return t.figures(key);
}

/**
 * What a group's figures take from one shipment. Every shipment is tallied into three groups (all, its
 * carrier, its week); one object, refilled per shipment, carries what they share.
 */
class TallyFacts {
  early = false;
  late = false;
  physicalScan = false;
  /** Undefined when the first scan time is unknown. */
  lag: number | undefined;
  carrier = '';

  of(s: Shipment, early: boolean, late: boolean): this {
    this.early = early;
    this.late = late;
    this.physicalScan = hasPhysicalScan(s);
    this.lag = lagHours(s);
    this.carrier = s.carrier ?? 'unknown carrier';
    return this;
  }
}

/** A map's tally for a key, made when new; the last one asked is at hand (shipments come in runs). */
class Tallies {
  private key: string | undefined;
  private last: GroupTally | undefined;

  of(m: Map<string, GroupTally>, key: string): GroupTally {
    if (key === this.key && this.last) return this.last;
    let t = m.get(key);
    if (!t) m.set(key, (t = new GroupTally()));
    this.key = key;
    return (this.last = t);
  }
}

/**
 * The figures of one group of shipments (all, a carrier, a week), added up one shipment at a time, in any
 * order: each shipment comes with its place in audit order, and what is listed in order (groups and carriers
 * tied on counts) goes by the earliest place seen, as if the shipments had come in audit order.
 */
class GroupTally {
  private shipments = 0;
  private early = 0;
  private late = 0;
  private withPhysicalScan = 0;
  private readonly lags: number[] = [];
  private readonly carriers = new Map<string, { count: number; firstRank: number }>();
  private lastCarrier: string | undefined;
  private lastSeen: { count: number; firstRank: number } | undefined;
  firstRank = Infinity;

  get size(): number {
    return this.shipments;
  }

  add(f: TallyFacts, rank: number): void {
    this.shipments++;
    if (rank < this.firstRank) this.firstRank = rank;
    if (f.early) this.early++;
    if (f.late) this.late++;
    if (f.physicalScan) this.withPhysicalScan++;
    if (f.lag !== undefined) this.lags.push(f.lag);
    const c = f.carrier;
    const seen = c === this.lastCarrier ? this.lastSeen : this.carriers.get(c);
    if (!seen) this.carriers.set(c, { count: 1, firstRank: rank });
    else {
      this.lastCarrier = c;
      this.lastSeen = seen;
      seen.count++;
      if (rank < seen.firstRank) seen.firstRank = rank;
    }
  }

  figures(key: string): GroupFigures {
    return {
      key,
      shipments: this.shipments,
      earlyConfirmations: this.early,
      withScanTime: this.lags.length,
      earlyConfirmationRate: rate(this.early, this.lags.length).value,
      lateConfirmations: this.late,
      withPhysicalScan: this.withPhysicalScan,
      lagHours: distribution(this.lags),
      carriers: [...this.carriers]
        .sort(([, a], [, b]) => b.count - a.count || a.firstRank - b.firstRank)
        .map(([c]) => c),
    };
  }
}

/** Amazon counts orders, not packages: an order is late when any of its packages was confirmed late. */
class LateShipmentTally {
  private readonly orders = new Map<string, boolean>();

  add(s: Shipment, late: boolean): void {
    if (!s.order?.latestShipDate) return;
    this.orders.set(s.orderId, (this.orders.get(s.orderId) ?? false) || late);
  }

  figure(days: number): TargetFigure {
    let late = 0;
    for (const v of this.orders.values()) if (v) late++;
    const r = rate(late, this.orders.size);
    return {
      ...r,
      label: `${TARGETS.lateShipmentRate.label} (${days} days)`,
      target: TARGETS.lateShipmentRate.note,
      meetsTarget: r.value === null ? null : r.value < TARGETS.lateShipmentRate.max,
      basis: `orders confirmed in the last ${days} days with a known latest ship date; late = confirmed after it`,
    };
  }
}

function validTrackingRate(valid: number, shipments: number, hasTrackingData: boolean): TargetFigure {
  const r = hasTrackingData ? rate(valid, shipments) : { count: 0, of: 0, value: null };
  return {
    ...r,
    label: TARGETS.validTrackingRate.label,
    target: TARGETS.validTrackingRate.note,
    meetsTarget: r.value === null ? null : r.value > TARGETS.validTrackingRate.min,
    basis: 'shipments confirmed in the last 30 days whose tracking number has at least one physical carrier scan',
  };
}

/** ISO week of a moment in the marketplace zone, written with its Monday: "2026-W41 (Oct 05)". */
export function isoWeek(epochMs: number, zone: string): string {
  // Every shipment asks; the answer is kept per UTC hour, for the hours that lie within one week.
  let byHour = weekOfHour.get(zone);
  if (!byHour) weekOfHour.set(zone, (byHour = new Map()));
  const hour = Math.floor(epochMs / HOUR);
  let week = byHour.get(hour);
  if (week === undefined) {
    if (byHour.size > 100_000) byHour.clear();
    week = weekOfWholeHour(hour, zone);
    byHour.set(hour, week);
  }
  return week === '' ? computeIsoWeek(epochMs, zone) : week;
}

/**
 * The week of every moment of a UTC hour, or '' when the hour holds the start of a week or a change of
 * the zone's offset. Zones half an hour off UTC (India, Nepal, parts of Australia) start their days, and
 * so their weeks, inside a UTC hour: the week of its first moment is not that of its last.
 */
function weekOfWholeHour(hour: number, zone: string): string {
  const first = hour * HOUR;
  const last = first + HOUR - 1;
  const week = computeIsoWeek(first, zone);
  return offsetAt(zone, first) === offsetAt(zone, last) && computeIsoWeek(last, zone) === week ? week : '';
}

const weekOfHour = new Map<string, Map<number, string>>();

function computeIsoWeek(epochMs: number, zone: string): string {
  const [y, m, d] = localDateInZone(epochMs, zone).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const wd = date.getUTCDay() || 7;
  const monday = new Date(Date.UTC(y, m - 1, d - wd + 1));
  const thursday = new Date(Date.UTC(y, m - 1, d - wd + 4));
  const weekYear = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY + 1) / 7);
  // A month table, not toLocaleString: that builds an Intl formatter per call, and every shipment asks.
  const mon = `${MONTHS[monday.getUTCMonth()]} ${String(monday.getUTCDate()).padStart(2, '0')}`;
  return `${weekYear}-W${String(week).padStart(2, '0')} (${mon})`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface DefaultClock {
  reading?: ClockReading;
  boundMs: number;
  /** Whether the bound came from the newest order data (else from now). */
  byOrders: boolean;
}

/**
 * The audit's default clock: the newest tracking event, but not one dated more than a day after the newest
 * order or confirmation (or after now), unless the tracking runs on from there day after day (parcels still
 * travelling): a single event typed as 2062 would otherwise move the clock there and with it the 10/30-day
 * windows and every staleness alarm.
 */
function defaultClock(c: Pick<LoadedData, 'newestOrderDataMs' | 'clock'>, nowMs: number): DefaultClock {
  const orders = c.newestOrderDataMs;
  const byOrders = orders !== undefined && orders < nowMs;
  const boundMs = (byOrders ? orders : nowMs) + FUTURE_TOLERANCE_MS;
  const runOn = { days: PLAUSIBLE_DATES.trackingRunsOnDays, capMs: nowMs + FUTURE_TOLERANCE_MS };
  return { reading: c.clock.reading(boundMs, byOrders ? runOn : undefined), boundMs, byOrders };
}

function futureNote(n: number, clock: DefaultClock, zone: string): string {
  const newest = clock.reading?.newestIgnoredMs;
  const what = n === 1 ? '1 tracking event is' : `${n} tracking events are`;
  const after = clock.byOrders ? 'the newest order data, past the scans that follow on from it' : 'now';
  const seen = newest === undefined ? '' : ` (the newest: ${formatInZone(newest, zone)})`;
  return (
    `${what} dated more than a day after ${after}${seen}: left out of the audit's clock; ` +
    "check the tracking export's dates."
  );
}

/**
 * What the reader must know about the inputs before trusting the figures: folder files where data was
 * expected that could not be read (an HTML page, emptied, unreadable...), and files read in mixed encodings.
 */
function inputHealthNotes(inputs: readonly InputSummary[]): string[] {
  const notes: string[] = [];
  for (const i of inputs) {
    if (i.warning) {
      notes.push(`${i.file} was skipped: ${i.warning}; whatever it should hold is missing from the audit.`);
    }
    if (i.encodingNote) notes.push(`${i.file}: ${i.encodingNote}.`);
  }
  return notes;
}
