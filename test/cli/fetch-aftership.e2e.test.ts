import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import {
  AMAZON_SOURCE,
  cliRunner,
  filesUnder,
  findingKeys,
  NUMBERS,
  ORDERS,
  workdirWith,
  type Ran,
} from './fetch-harness.js';
import { AFTERSHIP_PATH, fakeAfterShip, type AfterShipFake } from '../sources/fake-aftership.js';
import { fakeServices, pageBodies, type AmazonFake } from '../sources/fake-services.js';
import { startServer, type MockServer, type Reply } from '../sources/mock-server.js';

/**
 * `shipaudit fetch` with AfterShip as the tracking service, then `check` reading what it saved: the built
 * CLI against a local SP-API and AfterShip (SHIPAUDIT_*_URL), as fetch.e2e.test.ts does for 17TRACK.
 */

vi.setConfig({ testTimeout: 90_000 });
const SECRETS = {
  SA_REFRESH: 'Atzr|IwEBI-distinctive-refresh-3Vn8',
  SA_CLIENT: 'amzn1.application-oa2-client.distinctive-id-6Tq1',
  SA_SECRET: 'amzn1.oa2-cs.v1.distinctive-secret-2Lk5',
  SA_ASKEY: 'asat_distinctive-aftership-key-9Rw3',
};
const AS_OF = '2026-11-10T06:00';

const made: string[] = [];
const outputs: Ran[] = [];
let server: MockServer | undefined;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (`npm test` does)');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface World {
  amazon: AmazonFake;
  as: AfterShipFake;
  /** Bodies the server sent with status 200, by method and path. */
  sent: Map<string, string[]>;
}

function world(over: Partial<AfterShipFake> = {}): World {
  const cp = (subtag: string, message: string, at: string) => ({ at, subtag, message, location: 'LOS ANGELES, CA' });
  return {
    amazon: {
      refreshToken: SECRETS.SA_REFRESH,
      clientId: SECRETS.SA_CLIENT,
      clientSecret: SECRETS.SA_SECRET,
      pages: pageBodies(ORDERS),
    },
    as: {
      apiKey: SECRETS.SA_ASKEY,
      tracked: new Set(),
      pageSize: 2,
      parcels: {
        [NUMBERS[0]]: {
          delivered: true,
          checkpoints: [
            cp('InTransit_002', 'USPS in possession of item', '2026-11-02T16:00:00-08:00'),
            cp('Delivered_001', 'Delivered, In/At Mailbox', '2026-11-06T11:00:00-08:00'),
          ],
        },
        [NUMBERS[1]]: {
          delivered: false,
          checkpoints: [cp('InTransit_002', 'Picked up', '2026-11-05T13:00:00-08:00')],
        },
        // Confirmed 2026-11-05 18:00 UTC, first scanned three days later: only AfterShip's checkpoints say so.
        [NUMBERS[2]]: {
          delivered: false,
          checkpoints: [cp('InTransit_002', 'Picked up', '2026-11-08T09:00:00-08:00')],
        },
      },
      ...over,
    },
    sent: new Map(),
  };
}

async function serve(w: World): Promise<MockServer> {
  const amazon = fakeServices(w.amazon);
  const as = fakeAfterShip(w.as);
  server = await startServer((req): Reply => {
    const r = as(req) ?? amazon(req);
    const key = `${req.method} ${req.path}`;
    if ((r.status ?? 200) === 200) w.sent.set(key, [...(w.sent.get(key) ?? []), String(r.body)]);
    return r;
  });
  return server;
}

const CONFIG = {
  marketplaceTimeZone: 'America/Los_Angeles',
  sources: { amazon: AMAZON_SOURCE, tracking: { service: 'aftership', apiKeyEnv: 'SA_ASKEY' } },
};

function workdir(config: object = CONFIG): string {
  return workdirWith('shipaudit-aftership-', config, made);
}

const shipaudit = cliRunner(
  () => ({
    ...SECRETS,
    SHIPAUDIT_LWA_URL: `${server?.url}/auth/o2/token`,
    SHIPAUDIT_SP_API_URL: `${server?.url}`,
    SHIPAUDIT_AFTERSHIP_URL: `${server?.url}/tracking/2026-07`,
  }),
  outputs,
);
const LIST = `GET ${AFTERSHIP_PATH}`;

describe('shipaudit fetch with AfterShip against a local SP-API and AfterShip', () => {
  it('saves each list page as sent; check reads them alone and finds what audit finds in the same files', async () => {
    const w = world({ tracked: new Set([NUMBERS[3]]) });
    await serve(w);
    const dir = workdir();
    const r = await shipaudit(dir, ['fetch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')[1]).toMatch(
      new RegExp(
        '^✔ AfterShip: 4 of 4 numbers answered \\(4 tracking numbers in the orders, 0 delivered before\\), ' +
          '3 newly registered, 1 delivered now; 6 requests; saved in \\.shipaudit/data/aftership/\\d{4}-\\d\\d-\\d\\d$',
      ),
    );
    // 4 creates (one 4003), then one list of 4 numbers in two pages of 2.
    expect(server!.to(AFTERSHIP_PATH).map((q) => [q.method, q.query.get('cursor')])).toEqual([
      ['POST', null],
      ['POST', null],
      ['POST', null],
      ['POST', null],
      ['GET', null],
      ['GET', '2'],
    ]);
    const data = join(dir, '.shipaudit/data');
    const files = filesUnder(data).map((f) => relative(data, f));
    const pages = files.filter((f) => /^aftership\/[^/]+\/trackings-/.test(f));
    expect(pages.map((f) => f.replace(/.*-\d{9}Z-/, ''))).toEqual(['0001-0001.json', '0001-0002.json']);
    expect(pages.map((f) => readFileSync(join(data, f), 'utf8'))).toEqual(w.sent.get(LIST));
    expect(files.filter((f) => f.includes('/.requests/create-'))).toHaveLength(4);
    const state = JSON.parse(readFileSync(join(data, '.fetch-state.json'), 'utf8'));
    expect(
      Object.entries(state.tracking.numbers)
        .filter(([, v]) => (v as { delivered?: string }).delivered)
        .map(([k]) => k),
    ).toEqual([NUMBERS[0]]);

    const equivalent = join(dir, 'equivalent');
    mkdirSync(equivalent);
    w.sent
      .get('GET /orders/2026-01-01/orders')!
      .forEach((b, i) => writeFileSync(join(equivalent, `orders-${i + 1}.json`), b));
    w.sent.get(LIST)!.forEach((b, i) => writeFileSync(join(equivalent, `aftership-${i + 1}.json`), b));
    const auditArgs = ['audit', 'equivalent', '--as-of', AS_OF, '--format', 'json', '--fail-on', 'never'];
    const audit = await shipaudit(dir, auditArgs);
    expect(audit.code).toBe(0);
    const check = await shipaudit(dir, ['check', '--no-fetch', '--as-of', AS_OF, '--format', 'json']);
    expect(check.code).toBe(1);
    const keys = findingKeys(JSON.parse(check.stdout));
    expect(keys).toEqual(findingKeys(JSON.parse(audit.stdout)));
    expect(keys.length).toBeGreaterThan(2);
    expect(keys).toContain(`late-confirmation|113-2000002-0000002|${NUMBERS[1]}`);
    // Only the saved AfterShip checkpoints show the first scan three days after the confirmation.
    expect(keys).toContain(`confirmed-before-handover|113-2000003-0000003|${NUMBERS[2]}`);

    // Without the AfterShip pages the same orders give no such finding.
    rmSync(join(equivalent, 'aftership-1.json'));
    rmSync(join(equivalent, 'aftership-2.json'));
    const ordersOnly = findingKeys(JSON.parse((await shipaudit(dir, auditArgs)).stdout));
    expect(ordersOnly.filter((k) => k.startsWith('confirmed-before-handover'))).toEqual([]);

    // The next run: no create, only the numbers not delivered are listed.
    server!.requests.length = 0;
    const again = await shipaudit(dir, ['fetch']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '✔ AfterShip: 3 of 3 numbers answered (4 tracking numbers in the orders, 1 delivered before)',
    );
    const asked = server!.to(AFTERSHIP_PATH).map((q) => [q.method, q.query.get('tracking_numbers')]);
    expect(asked.filter(([m]) => m === 'POST')).toEqual([]);
    expect(asked[0][1]!.split(',').sort()).toEqual(NUMBERS.slice(1).sort());
  });

  it('429 with X-RateLimit-Reset: waits, asks again, completes', async () => {
    const busy = {
      status: 429,
      headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1), 'x-ratelimit-limit': '6' },
      body: JSON.stringify({ meta: { code: 429, message: 'Too many requests', type: 'TooManyRequests' } }),
    };
    await serve(world({ faults: { list: [busy, busy], create: [busy] } }));
    const r = await shipaudit(workdir(), ['fetch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/✔ AfterShip: 4 of 4 numbers answered .*; 9 requests;/);
  });

  it('plan limit (402): partial, exit 1, the numbers not created listed; check reports the partial fetch', async () => {
    await serve(world({ allowance: 2 }));
    const dir = workdir();
    const r = await shipaudit(dir, ['fetch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ AfterShip (partial): 2 of 4 numbers answered');
    expect(r.stdout).toContain(`    ${NUMBERS[2]}  not created: plan limit reached`);
    expect(r.stdout).toContain('stopped: AfterShip plan limit reached: numbers not created are asked next time');
    const check = await shipaudit(dir, ['check', '--as-of', AS_OF, '--format', 'json']);
    const doc = JSON.parse(check.stdout);
    const fetchProblems = doc.input
      .filter((p: { kind: string }) => p.kind === 'fetch')
      .map((p: { message: string }) => p.message);
    expect(fetchProblems).toHaveLength(1);
    expect(fetchProblems[0]).toMatch(/^AfterShip fetch (partial|failed): /);
  });

  it('a bad key: one line, exit 2, the key not shown', async () => {
    await serve(world());
    const r = await shipaudit(workdir(), ['fetch'], { SA_ASKEY: 'asat_wrong-key-value-1Xy7' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'shipaudit: AfterShip create tracking 1: AfterShip refused the API key (the API key is invalid); ' +
        'check the key named in sources.tracking\n',
    );
  });

  it('--dry-run names AfterShip and sends no tracking request', async () => {
    await serve(world());
    const r = await shipaudit(workdir(), ['fetch', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nAfterShip: would ask about 0 numbers/);
    expect(server!.requests).toEqual([]);
  });
});

describe('secrets (AfterShip)', () => {
  it('no secret in any output, saved response, state file or report of the runs above', async () => {
    await serve(world());
    const dir = workdir();
    const check = await shipaudit(dir, ['check', '--as-of', AS_OF, '--out', 'reports']);
    expect(check.code).toBe(1);
    const texts = outputs.flatMap((o) => [o.stdout, o.stderr]);
    for (const d of made) for (const f of filesUnder(d)) texts.push(readFileSync(f, 'latin1'));
    expect(texts.length).toBeGreaterThan(20);
    for (const s of [...Object.values(SECRETS), 'asat_wrong-key-value-1Xy7']) {
      expect(texts.filter((t) => t.includes(s))).toEqual([]);
    }
  });
});
