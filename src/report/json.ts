import type { Finding, TimeFact } from '../model/finding.js';
import type { AuditResult } from '../model/result.js';

/**
 * The version of the JSON every command prints (audit, check, inspect, explain), its first key. It goes up
 * when a key is renamed, removed or changes meaning; new keys may be added within a version. The schemas
 * are in docs/ (`*-output.schema.json`, generated from json-schema.ts).
 */
export const SCHEMA_VERSION = 1;

/**
 * The machine-readable audit (schema in the README). Times are ISO 8601 strings with offset (a date
 * alone for date-only values); how each was read stays beside it under `evidence`.
 */
export function auditJson(result: AuditResult) {
  return { schemaVersion: SCHEMA_VERSION, ...result, findings: Array.from(result.findings, (f) => findingJson(f)) };
}

export function formatAuditJson(result: AuditResult): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const piece of auditJsonChunks(result)) text += decoder.decode(piece, { stream: true });
  return text + decoder.decode();
}

const FINDINGS = '\n  "findings": []';
/**
 * Findings stringified together, then encoded as one piece: a batch's text (two bytes a character once one
 * Chinese event is in it) stays within the core's cache while it is flattened and encoded (bench/RESULTS.md).
 */
const FINDINGS_PER_BATCH = 32;
/** Each finding on a line of its own, within the array's indentation: `grep` finds a whole finding. */
const FINDING_LINE = '\n    ';
const encoder = new TextEncoder();

/**
 * The same text as `formatAuditJson`, as UTF-8 in pieces: a million orders give hundreds of thousands of
 * findings, and the JSON of them all as one string would be hundreds of MB on top of the audit itself.
 * The summary is indented; each finding is one line, without the indentation inside it that made up more
 * than a quarter of a findings-heavy file (bench/RESULTS.md, "Findings one a line"). `perBatch`: how many
 * findings are stringified and encoded together. Each piece is whole characters.
 */
export function* auditJsonChunks(result: AuditResult, perBatch = FINDINGS_PER_BATCH): Generator<Uint8Array> {
  const frame = JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...result, findings: [] }, null, 2);
  const at = frame.indexOf(FINDINGS);
  yield encoder.encode(`${frame.slice(0, at)}\n  "findings": [`);
  // Each finding is made (from the audit's store) as its batch is written, and dropped with the batch.
  const { findings } = result;
  for (let i = 0; i < findings.length; i += perBatch) {
    const end = Math.min(i + perBatch, findings.length);
    let text = '';
    for (let k = i; k < end; k++) {
      text += (k > 0 ? ',' : '') + FINDING_LINE + JSON.stringify(findingJson(findings.at(k)!));
    }
    yield encoder.encode(text);
  }
  yield encoder.encode(`${findings.length ? '\n  ]' : ']'}${frame.slice(at + FINDINGS.length)}\n`);
}

type TimeKey = 'purchasedAt' | 'latestShipDate' | 'confirmedAt' | 'firstCarrierScanAt';

export function findingJson(f: Finding) {
  // One object literal in the output's key order: no spread of a times record and no evidence map grown
  // key by key, so that every finding has one shape (the writer stringifies hundreds of thousands of them).
  const lag = f.lagHours;
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    orderId: f.orderId,
    trackingNumber: f.trackingNumber,
    carrier: f.carrier ?? null,
    purchasedAt: f.purchasedAt?.iso ?? null,
    latestShipDate: f.latestShipDate?.iso ?? null,
    confirmedAt: f.confirmedAt?.iso ?? null,
    firstCarrierScanAt: f.firstCarrierScanAt?.iso ?? null,
    latestShipDateComputed: f.latestShipDateComputed ?? false,
    lagHours: lag ?? null,
    // A date-only confirmation or first scan: the gap is known to the day, and lagHours is the least it can be.
    lagPrecision:
      lag === undefined
        ? null
        : f.confirmedAt.precision === 'date' || f.firstCarrierScanAt?.precision === 'date'
          ? 'date'
          : 'datetime',
    firstScanEvent: f.firstScanEvent ?? null,
    firstScanLocation: f.firstScanLocation ?? null,
    sources: f.sources,
    evidence: {
      purchasedAt: evidenceOf(f.purchasedAt),
      latestShipDate: evidenceOf(f.latestShipDate),
      confirmedAt: evidenceOf(f.confirmedAt),
      firstCarrierScanAt: evidenceOf(f.firstCarrierScanAt),
    } as Record<TimeKey, Omit<TimeFact, 'iso' | 'epochMs'> | undefined>,
  };
}

/** How a time was read; undefined (left out of the JSON) when the finding has no such time. */
function evidenceOf(t: TimeFact | undefined): Omit<TimeFact, 'iso' | 'epochMs'> | undefined {
  return t && { raw: t.raw, precision: t.precision, zone: t.zone };
}
