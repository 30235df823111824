import type { Finding, FindingList, Severity, TimeFact } from '../model/finding.js';
import type { Shipment } from '../model/shipment.js';
import { latestInstant, type Stamp } from '../model/timestamp.js';
import { formatInZone } from '../model/zone.js';
import type { LoadedShipments } from '../engine/index.js';
import type { Rule, RuleContext } from '../rules/types.js';

/** A rule as the audit runs it: with its severity and its context (clock, options) for this run. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  context: RuleContext;
}

/**
 * An audit's findings as two columns: which shipment (its place in audit order) and which rule (its place
 * among the active rules). Everything else a finding shows is the shipment's, and the shipments stay loaded:
 * a `Finding` is made when asked for, by running its rule again on its shipment (rules are pure, and the
 * clock and options are the run's), and dropped by whoever asked once used. A million orders give hundreds
 * of thousands of findings; as objects with their time facts they were most of the rule pass's memory and
 * garbage collection (bench/RESULTS.md, issue 18).
 */
export class AuditFindings implements FindingList {
  readonly length: number;
  /** The last shipment made, for its next finding: a shipment's findings come together. */
  private shipment: Shipment | undefined;
  private shipmentRank = -1;
  /** A computed latest ship date is one stamp per purchase day (knowledge/ship-by.ts): its time fact is made once. */
  private readonly computedDates = new Map<Stamp, TimeFact>();

  constructor(
    private readonly shipments: LoadedShipments['shipments'],
    private readonly rules: readonly ActiveRule[],
    private readonly zone: string,
    /** Per finding, in audit order: the shipment's place in audit order. */
    private readonly ranks: Int32Array,
    /** Per finding: the rule's place in `rules`. */
    private readonly ruleIndexes: Uint8Array | Uint16Array,
  ) {
    this.length = ranks.length;
  }

  /**
   * Builds the columns from findings recorded as the rule pass made them (shipments in the order they are
   * stored): a counting sort by shipment rank, which keeps a shipment's findings in rule order.
   */
  static fromPass(
    shipments: LoadedShipments['shipments'],
    rules: readonly ActiveRule[],
    zone: string,
    madeRanks: readonly number[],
    madeRules: readonly number[],
  ): AuditFindings {
    const n = madeRanks.length;
    const start = new Int32Array(shipments.count + 1);
    for (let k = 0; k < n; k++) start[madeRanks[k] + 1]++;
    for (let r = 0; r < shipments.count; r++) start[r + 1] += start[r];
    const ranks = new Int32Array(n);
    const ruleIndexes = rules.length <= 256 ? new Uint8Array(n) : new Uint16Array(n);
    for (let k = 0; k < n; k++) {
      const at = start[madeRanks[k]]++;
      ranks[at] = madeRanks[k];
      ruleIndexes[at] = madeRules[k];
    }
    return new AuditFindings(shipments, rules, zone, ranks, ruleIndexes);
  }

  /** The i-th finding in audit order (a negative i counts from the end, as `Array.at`). */
  at(i: number): Finding | undefined {
    if (i < 0) i += this.length;
    if (!(i >= 0 && i < this.length)) return undefined;
    const rank = this.ranks[i];
    if (rank !== this.shipmentRank) {
      this.shipment = this.shipments.at(rank);
      this.shipmentRank = rank;
    }
    const s = this.shipment!;
    const { rule, severity, context } = this.rules[this.ruleIndexes[i]];
    const report = rule.check(s, context);
    if (!report) throw new Error(`rule ${rule.meta.id} no longer finds what it found on order ${s.orderId}`);
    return toFinding(s, rule.meta.id, severity, report.message, report.lagHours, this.zone, this.computedDates);
  }

  *[Symbol.iterator](): Iterator<Finding> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** As a list of findings, for `JSON.stringify` of a whole result (tests, small audits). */
  toJSON(): Finding[] {
    return [...this];
  }
}

/** The first physical scan the audit relies on: a scan event, else a summary's pickup column. */
export function firstScan(s: Shipment) {
  return s.tracking?.firstPossession ?? s.tracking?.summaryFirstScan;
}

const HOUR = 3_600_000;

/** Hours from confirmation to first scan; a date-only confirmation counts from the end of its day. */
export function lagHours(s: Shipment): number | undefined {
  const scan = firstScan(s);
  return scan ? Math.round(((scan.at.epochMs - latestInstant(s.confirmedAt)) / HOUR) * 10) / 10 : undefined;
}

function toFinding(
  s: Shipment,
  rule: string,
  severity: Severity,
  message: string,
  lag: number | undefined,
  zone: string,
  computedDates: Map<Stamp, TimeFact>,
): Finding {
  const scan = firstScan(s);
  const lsd = s.order?.latestShipDate;
  let latestShipDate: TimeFact | undefined;
  if (lsd && s.order?.latestShipDateComputed) {
    latestShipDate = computedDates.get(lsd);
    if (!latestShipDate) computedDates.set(lsd, (latestShipDate = timeFact(lsd, zone)));
  } else latestShipDate = lsd && timeFact(lsd, zone);
  return {
    rule,
    severity,
    message,
    orderId: s.orderId,
    trackingNumber: s.trackingNumber,
    carrier: s.carrier,
    purchasedAt: s.order?.purchasedAt && timeFact(s.order.purchasedAt, zone),
    latestShipDate,
    latestShipDateComputed: s.order?.latestShipDateComputed,
    confirmedAt: timeFact(s.confirmedAt, zone),
    firstCarrierScanAt: scan && timeFact(scan.at, zone),
    firstScanEvent: scan?.description,
    firstScanLocation: scan?.location,
    lagHours: lag ?? lagHours(s),
    sources: { confirmation: s.confirmations[0], order: s.order?.source, firstScan: scan?.source },
  };
}

function timeFact(stamp: Stamp, zone: string): TimeFact {
  return {
    iso: stamp.precision === 'date' ? stamp.localDate : formatInZone(stamp.epochMs, zone),
    epochMs: stamp.epochMs,
    precision: stamp.precision,
    raw: stamp.raw,
    zone: howRead(stamp.zone, stamp.zoneSource, stamp.zoneNote),
  };
}

/**
 * "+08:00, offset" or "Asia/Shanghai, inferred: language": how a time was placed. One text per way of
 * reading, shared by every finding made.
 */
function howRead(zone: string, source: string, note: string | undefined): string {
  let bySource = howTexts.get(zone);
  if (!bySource) howTexts.set(zone, (bySource = new Map()));
  let byNote = bySource.get(source);
  if (!byNote) bySource.set(source, (byNote = new Map()));
  const key = note ?? '';
  let how = byNote.get(key);
  if (how === undefined) {
    how = `${zone}, ${source}${note ? `: ${note}` : ''}`;
    if (byNote.size < 10_000) byNote.set(key, how);
  }
  return how;
}

const howTexts = new Map<string, Map<string, Map<string, string>>>();
