import { describe, expect, it } from 'vitest';
import { recognizeTrackingNumber } from '../../src/knowledge/tracking-numbers.js';
import type { EventClass } from '../../src/model/records.js';
import type { EventRef, OrderFacts, Shipment, TrackingFacts } from '../../src/model/shipment.js';
import type { Stamp } from '../../src/model/timestamp.js';
import { resolveOptions } from '../../src/rules/index.js';
import type { Report, Rule, RuleContext } from '../../src/rules/types.js';

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const HOUR = 3_600_000;

export interface StampOptions {
  /** The zone to record instead of the ISO string's offset, e.g. an IANA name for a DST case. */
  zone?: string;
  /** Date precision: the day's real length in `zone` (25 on a fall-back day, 23 on spring-forward). */
  dayHours?: number;
}

/**
 * A Stamp from an ISO string that carries its offset. For `date` precision, pass the start of the day in its
 * zone (`2026-10-07T00:00:00+08:00`): the instant comes from the offset, not from the machine's zone.
 */
export function stamp(iso: string, precision: Stamp['precision'] = 'datetime', opts: StampOptions = {}): Stamp {
  const offset = OFFSET.exec(iso)?.[1];
  if (!offset) throw new Error(`test stamp needs an explicit offset: ${iso}`);
  const epochMs = Date.parse(iso);
  const zone = opts.zone ?? (offset === 'Z' ? 'UTC' : offset);
  const localDate = iso.slice(0, 10);
  if (precision === 'date') {
    return {
      raw: localDate,
      epochMs,
      precision,
      zone,
      zoneSource: 'setting',
      localDate,
      dayLengthMs: (opts.dayHours ?? 24) * HOUR,
    };
  }
  return { raw: iso, epochMs, precision, zone, zoneSource: opts.zone ? 'setting' : 'offset', localDate };
}

export function event(at: Stamp | string, description: string, cls: EventClass = 'physical'): EventRef {
  return {
    at: typeof at === 'string' ? stamp(at) : at,
    description,
    class: cls,
    source: { file: 'tracking.csv', line: 2 },
  };
}

/** Tracking facts whose first possession scan is at `at`, the only event. */
export function scannedAt(at: Stamp | string, description = 'Accepted at USPS Origin Facility'): TrackingFacts {
  const e = event(at, description);
  return { events: 1, firstPossession: e, lastEvent: e };
}

export function order(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    orderId: '111-0000000-0000001',
    latestShipDateComputed: false,
    items: 1,
    awaitingShipment: false,
    source: { file: 'orders.txt', line: 2 },
    ...overrides,
  };
}

/** A confirmed USPS package with no tracking data; the recognition follows the tracking number unless given. */
export function shipment(overrides: Partial<Shipment> = {}): Shipment {
  const trackingNumber = overrides.trackingNumber ?? '9400111201080805483016';
  return {
    orderId: '111-0000000-0000001',
    trackingNumber,
    carrier: 'USPS',
    confirmedAt: stamp('2026-10-05T10:00:00-07:00'),
    confirmations: [{ file: 'confirm.txt', line: 2 }],
    recognition: recognizeTrackingNumber(trackingNumber),
    sharedWith: [],
    ...overrides,
  };
}

export interface CtxOverrides {
  options?: RuleContext['options'];
  asOf?: string;
  hasTrackingData?: boolean;
}

export function ctx(rule: Rule, o: CtxOverrides = {}): RuleContext {
  return {
    asOfMs: Date.parse(o.asOf ?? '2026-11-30T00:00:00Z'),
    hasTrackingData: o.hasTrackingData ?? true,
    options: resolveOptions(rule.meta, o.options),
  };
}

/** One row of a RuleTester-like table. */
export interface Case {
  name: string;
  shipment: Shipment;
  ctx?: CtxOverrides;
}

export interface InvalidCase extends Case {
  message: string | RegExp;
  lagHours?: number;
}

function run(rule: Rule, c: Case): Report | undefined {
  return rule.check(c.shipment, ctx(rule, c.ctx));
}

/** ESLint's RuleTester in miniature: every valid case yields nothing, every invalid one its message and lag. */
export function testRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it.each(cases.valid)('valid: $name', (c) => {
      expect(run(rule, c)).toBeUndefined();
    });
    it.each(cases.invalid)('invalid: $name', (c) => {
      const report = run(rule, c);
      expect(report).toBeDefined();
      if (typeof c.message === 'string') expect(report!.message).toBe(c.message);
      else expect(report!.message).toMatch(c.message);
      expect(report!.lagHours).toBe(c.lagHours);
    });
  });
}
