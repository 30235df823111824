import { afterEach, describe, expect, it } from 'vitest';
import { Http, RateLimiter, retryAfterMs, SourceError } from '../../src/sources/http.js';
import { redact } from '../../src/sources/redact.js';
import { inTurn, startServer, type MockServer, type Reply } from './mock-server.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose waits are recorded instead of slept, with no jitter (random = 1: the full backoff). */
function client(opts: { retries?: number; timeoutMs?: number } = {}) {
  const waits: number[] = [];
  const http = new Http({
    retries: opts.retries ?? 3,
    timeoutMs: opts.timeoutMs ?? 2000,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 1,
    sleep: async (ms) => void waits.push(ms),
    secrets: ['sekret-value-123'],
  });
  return { http, waits };
}

describe('Http.send: retries, backoff and Retry-After', () => {
  const cases: Array<{ name: string; replies: Reply[]; status: number; requests: number; waits: number[] }> = [
    { name: '200 at once', replies: [{ body: '{}' }], status: 200, requests: 1, waits: [] },
    {
      name: '429 with Retry-After: 2 → waits 2 s, then 200',
      replies: [{ status: 429, headers: { 'retry-after': '2' } }, { body: '{}' }],
      status: 200,
      requests: 2,
      waits: [2000],
    },
    {
      name: 'two 500s → backoff 100, 200 ms, then 200',
      replies: [{ status: 500 }, { status: 503 }, { body: '{}' }],
      status: 200,
      requests: 3,
      waits: [100, 200],
    },
    {
      name: 'a 4xx other than 429 is returned, not retried',
      replies: [{ status: 400, body: '{"errors":[]}' }],
      status: 400,
      requests: 1,
      waits: [],
    },
    {
      name: 'a malformed 200 body is retried like a 5xx',
      replies: [{ body: '{"orders": [' }, { body: '{"ok":1}' }],
      status: 200,
      requests: 2,
      waits: [100],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      server = await startServer(inTurn(...c.replies));
      const { http, waits } = client();
      const r = await http.send({
        method: 'GET',
        url: `${server.url}/x`,
        what: 'test',
        accept: (res) => {
          try {
            JSON.parse(res.body.toString());
            return true;
          } catch {
            return false;
          }
        },
      });
      expect(r.status).toBe(c.status);
      expect(server.requests).toHaveLength(c.requests);
      expect(http.requests).toBe(c.requests);
      expect(waits).toEqual(c.waits);
    });
  }

  it('gives up after the bounded retries with one line naming the request and the last problem', async () => {
    server = await startServer(() => ({ status: 502 }));
    const { http, waits } = client({ retries: 3 });
    const e = await http
      .send({ method: 'GET', url: `${server.url}/x`, what: 'Amazon searchOrders page 2' })
      .catch((x) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect([e.kind, e.message]).toEqual(['failed', 'Amazon searchOrders page 2: HTTP 502, 4 attempts']);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('a request with no answer ends at the time limit and is retried', async () => {
    server = await startServer(inTurn({ hang: true }, { body: '{"ok":true}' }));
    const { http } = client({ timeoutMs: 300 });
    const t0 = Date.now();
    const r = await http.send({ method: 'GET', url: `${server.url}/x`, what: 'test' });
    expect(r.body.toString()).toBe('{"ok":true}');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('time-outs every time: "no answer within" in the message', async () => {
    server = await startServer(() => ({ hang: true }));
    const { http } = client({ timeoutMs: 200, retries: 1 });
    const e = await http.send({ method: 'GET', url: `${server.url}/x`, what: '17TRACK getquota' }).catch((x) => x);
    expect(e.message).toBe('17TRACK getquota: no answer within 200 ms, 2 attempts');
  });

  it('backoff has full jitter: random 0.5 halves the wait; it is capped at maxDelayMs', async () => {
    server = await startServer(() => ({ status: 500 }));
    const waits: number[] = [];
    const http = new Http({
      retries: 5,
      baseDelayMs: 300,
      maxDelayMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
    });
    await http.send({ method: 'GET', url: `${server.url}/x`, what: 't' }).catch(() => undefined);
    expect(waits).toEqual([150, 300, 500, 500, 500]);
  });

  it('error messages never carry a secret, even one the server echoes', () => {
    const { http } = client();
    expect(http.error('token sekret-value-123 refused', 'auth').message).toBe('token [secret] refused');
    expect(redact('a sekret-value-123 b sekret-value-123', ['sekret-value-123'])).toBe('a [secret] b [secret]');
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  const cases: Array<[string | null, number | undefined]> = [
    ['3', 3000],
    ['0.5', 500],
    ['Wed, 02 Dec 2026 10:00:05 GMT', 5000],
    ['soon', undefined],
    [null, undefined],
  ];
  for (const [v, ms] of cases) it(`${v} → ${ms}`, () => expect(retryAfterMs(v, now)).toBe(ms));
});

describe('RateLimiter', () => {
  it('lets the burst through, then paces at the rate; a new rate is followed', async () => {
    let now = 0;
    const slept: number[] = [];
    const lim = new RateLimiter(
      2,
      2,
      1,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
      () => now,
    );
    await lim.take();
    await lim.take();
    expect(slept).toEqual([]);
    await lim.take();
    expect(slept).toEqual([500]);
    lim.setRate(0.5);
    await lim.take();
    expect(slept).toEqual([500, 2000]);
    lim.drain();
    await lim.take();
    expect(slept).toEqual([500, 2000, 2000]);
  });
});
