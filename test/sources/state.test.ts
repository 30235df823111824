import { describe, expect, it } from 'vitest';
import { emptyFetchState, parseFetchState, serializeFetchState, trackingPlan } from '../../src/sources/state.js';

const NOW = Date.parse('2026-12-02T11:00:00Z');
const iso = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();

describe('which tracking numbers a run asks about', () => {
  const state = emptyFetchState();
  state.tracking.numbers = {
    A: { registered: iso(50), fetched: iso(24), delivered: iso(24) },
    B: { registered: iso(50), fetched: iso(24) },
    C: { registered: iso(2), fetched: iso(2) },
  };
  const cases: Array<{
    name: string;
    running?: { startedAt: string; done: string[] };
    ask: string[];
    register: string[];
    resumed: number;
  }> = [
    {
      name: 'delivered never again; unknown numbers registered first',
      ask: ['B', 'C', 'D'],
      register: ['D'],
      resumed: 0,
    },
    {
      name: 'a run stopped 2 h ago: what it did is not asked again',
      running: { startedAt: iso(2), done: ['C'] },
      ask: ['B', 'D'],
      register: ['D'],
      resumed: 1,
    },
    {
      name: 'a run stopped 13 h ago: started afresh',
      running: { startedAt: iso(13), done: ['C'] },
      ask: ['B', 'C', 'D'],
      register: ['D'],
      resumed: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = structuredClone(state);
      if (c.running) s.tracking.running = { runId: 'r', ...c.running };
      const plan = trackingPlan(s, ['A', 'B', 'C', 'D', 'B'], NOW);
      expect(plan).toEqual({ ask: c.ask, register: c.register, delivered: 1, resumed: c.resumed });
    });
  }
});

describe('the state file', () => {
  it('round-trips', () => {
    const s = emptyFetchState();
    s.tracking.numbers.X = { registered: iso(1) };
    expect(parseFetchState(serializeFetchState(s))).toEqual({ ok: true, state: s });
  });
  const bad: Array<[string, string]> = [
    ['{', 'not valid JSON'],
    ['{"version":2,"amazon":{"superseded":[]},"tracking":{"numbers":{}}}', 'version: '],
    [
      '{"version":1,"amazon":{"superseded":[]},"tracking":{"numbers":{"X":{"delivered":"yesterday"}}}}',
      'tracking.numbers.X.delivered: expected an ISO date-time',
    ],
  ];
  for (const [text, reason] of bad) {
    it(`unusable: ${reason}`, () => {
      const r = parseFetchState(text);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toContain(reason);
    });
  }
});
