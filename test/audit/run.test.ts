import { describe, expect, it } from 'vitest';
import { Collector, joinCollected } from '../../src/engine/index.js';
import { audit, auditDetailed, isoWeek, type AuditOptions } from '../../src/audit/run.js';
import type { Rule } from '../../src/rules/types.js';
import type { ConfirmationRecord, OrderRecord } from '../../src/model/records.js';
import { parseStamp } from '../../src/read/time.js';

const LA = 'America/Los_Angeles';
const at = (text: string) => parseStamp(text, { hint: { zone: LA, source: 'setting' } });
const options: AuditOptions = {
  version: 'test',
  marketplaceZone: LA,
  handling: { days: 2, operatingDays: [1, 2, 3, 4, 5], holidays: [], sameDayCutoff: '14:00', zone: LA },
  graceHours: 24,
  window: {},
  asOfMs: Date.parse('2026-10-20T00:00:00Z'),
  rules: {},
  inputs: [],
  unclassified: {},
};

const order = (orderId: string, latestShipDate?: string): OrderRecord => ({
  orderId,
  purchasedAt: at('2026-10-05T08:00:00-07:00'),
  latestShipDate: latestShipDate ? at(latestShipDate) : undefined,
  status: 'shipped',
  channel: 'MFN',
  items: 1,
  source: { file: 'orders.txt', line: 2 },
});
const conf = (orderId: string, when: string, carrier: string, line: number): ConfirmationRecord => ({
  orderId,
  trackingNumber: '',
  confirmedAt: at(when),
  carrier,
  source: { file: 'confirmations.txt', line },
});

/**
 * The confirmation file lists the orders backwards, and the audit goes through them in the order they are
 * stored: what it lists must still come in audit order (confirmation time, then order id).
 */
function backwards(): Collector {
  const c = new Collector();
  for (const id of ['A', 'B', 'C', 'D']) c.order(order(id, id === 'A' ? '2026-10-05' : undefined));
  c.confirmation(conf('D', '2026-10-06T10:00:00-07:00', 'UPS', 2));
  c.confirmation(conf('C', '2026-10-06T09:00:00-07:00', 'USPS', 3));
  c.confirmation(conf('B', '2026-10-06T08:00:00-07:00', 'UPS', 4));
  c.confirmation(conf('A', '2026-10-06T08:00:00-07:00', 'USPS', 5));
  return c;
}

describe('audit over shipments stored in another order than audit order', () => {
  it("lists findings in audit order, and a shipment's findings in rule order", () => {
    const { findings } = audit(joinCollected(backwards(), options.handling), options);
    expect([...findings].map((f) => `${f.orderId} ${f.rule}`)).toEqual([
      'A late-confirmation',
      'A missing-tracking',
      'B missing-tracking',
      'C missing-tracking',
      'D missing-tracking',
    ]);
  });

  it('breaks ties between carriers by who comes first in audit order, not in the file', () => {
    const r = audit(joinCollected(backwards(), options.handling), options);
    // Two shipments each; A (USPS) is first in audit order, D (UPS) first in the file.
    expect(r.byCarrier.map((g) => [g.key, g.shipments])).toEqual([
      ['USPS', 2],
      ['UPS', 2],
    ]);
    expect(r.byWeek).toHaveLength(1);
    expect(r.byWeek[0].carriers).toEqual(['USPS', 'UPS']);
  });
});

describe('rule hits: as many rules as there are', () => {
  // A rule per number, flagging the shipments whose order id is in its list: hits past the 32nd rule
  // must count as the first ones do (a bit per rule in a 32-bit word would drop or wrap them).
  const numbered = (n: number, orders: readonly string[]): Rule => ({
    meta: { id: `rule-${n}`, severity: n % 2 ? 'warning' : 'error', description: `rule ${n}`, options: {} },
    check: (s) => (orders.includes(s.orderId) ? { message: `rule ${n} on ${s.orderId}` } : undefined),
  });
  it.each([
    ['31 rules', 31],
    ['32 rules', 32],
    ['40 rules', 40],
    ['70 rules', 70],
  ])('%s: every hit kept, counted and listed', (_name, count) => {
    const rules = Array.from({ length: count }, (_, n) => numbered(n + 1, n % 3 === 0 ? ['A', 'C'] : ['B']));
    const detail = auditDetailed(joinCollected(backwards(), options.handling), options, rules);
    const hitsOf = (id: string) => [...detail.hits.get(detail.shipments.find((s) => s.orderId === id)!)!];
    const onAC = rules.filter((_, n) => n % 3 === 0).map((r) => r.meta.id);
    const onB = rules.filter((_, n) => n % 3 !== 0).map((r) => r.meta.id);
    expect(hitsOf('A')).toEqual(onAC);
    expect(hitsOf('B')).toEqual(onB);
    expect(hitsOf('C')).toEqual(onAC);
    expect(hitsOf('D')).toEqual([]);
    expect(detail.result.findings).toHaveLength(2 * onAC.length + onB.length);
    expect(detail.result.summary.findingsByRule[`rule-${count}`]).toBe((count - 1) % 3 === 0 ? 2 : 1);
    // Shipments with an error-severity hit: A, B and C whenever some rule of theirs is an error.
    const errors = ['A', 'B', 'C'].filter((id) => hitsOf(id).some((r) => Number(r.slice(5)) % 2 === 0));
    expect(detail.result.summary.shipmentsWithErrors).toBe(errors.length);
  });
});

describe('isoWeek: the week of a moment on the marketplace clock', () => {
  // A week starts at a local midnight. In a zone offset by half an hour that midnight falls inside a UTC
  // hour: moments of one UTC hour can belong to two weeks, whichever of them is asked first.
  it.each([
    [
      'Asia/Kolkata, Sunday 23:45 then Monday 00:15 (one UTC hour)',
      'Asia/Kolkata',
      ['2026-11-29T18:15:00Z', '2026-11-29T18:45:00Z'],
      ['2026-W48 (Nov 23)', '2026-W49 (Nov 30)'],
    ],
    [
      'Asia/Colombo, Monday 00:15 then Sunday 23:45',
      'Asia/Colombo',
      ['2026-11-29T18:45:00Z', '2026-11-29T18:15:00Z'],
      ['2026-W49 (Nov 30)', '2026-W48 (Nov 23)'],
    ],
    [
      'Asia/Kathmandu (+05:45), Sunday 23:50 then Monday 00:10',
      'Asia/Kathmandu',
      ['2026-11-29T18:05:00Z', '2026-11-29T18:25:00Z'],
      ['2026-W48 (Nov 23)', '2026-W49 (Nov 30)'],
    ],
    [
      'America/Los_Angeles, Sunday 23:30 then Monday 00:30',
      'America/Los_Angeles',
      ['2026-11-30T07:30:00Z', '2026-11-30T08:30:00Z'],
      ['2026-W48 (Nov 23)', '2026-W49 (Nov 30)'],
    ],
    [
      'UTC, the last and first minute of a year',
      'UTC',
      ['2026-12-31T23:59:00Z', '2027-01-01T00:00:00Z'],
      ['2026-W53 (Dec 28)', '2026-W53 (Dec 28)'],
    ],
  ])('%s', (_name, zone, moments, weeks) => {
    expect(moments.map((m) => isoWeek(Date.parse(m), zone))).toEqual(weeks);
  });
});
