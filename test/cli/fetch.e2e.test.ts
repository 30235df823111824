import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { fakeServices, pageBodies, type AmazonFake, type TrackFake } from '../sources/fake-services.js';
import { startServer, type MockServer, type Reply, type SeenRequest } from '../sources/mock-server.js';

/**
 * `shipaudit fetch` (and `check` reading what it saved) as a user runs it: the built CLI, pointed at a
 * local server by the SHIPAUDIT_*_URL variables meant for tests. The server runs in this process, so the
 * CLI is spawned asynchronously.
 */

// Several CLI runs a test, on a machine shared with other jobs.
vi.setConfig({ testTimeout: 90_000 });
const SECRETS = {
  SA_REFRESH: 'Atzr|IwEBI-distinctive-refresh-7Q3xZ',
  SA_CLIENT: 'amzn1.application-oa2-client.distinctive-id-5K2p',
  SA_SECRET: 'amzn1.oa2-cs.v1.distinctive-secret-9W4r',
  SA_17KEY: 'K17-distinctive-api-key-8J6m',
};
const AS_OF = '2026-11-10T06:00';

const made: string[] = [];
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
  track: TrackFake;
  /** Bodies the server sent, by path, in order. */
  sent: Map<string, string[]>;
}

function world(over: { amazon?: Partial<AmazonFake>; track?: Partial<TrackFake> } = {}): World {
  const ev = (description: string, at: string, utc: string) => ({ at, utc, description, location: 'LOS ANGELES, CA' });
  return {
    amazon: {
      refreshToken: SECRETS.SA_REFRESH,
      clientId: SECRETS.SA_CLIENT,
      clientSecret: SECRETS.SA_SECRET,
      pages: pageBodies(ORDERS),
      ...over.amazon,
    },
    track: {
      apiKey: SECRETS.SA_17KEY,
      quota: 100,
      registered: new Set(),
      parcels: {
        [NUMBERS[0]]: {
          delivered: true,
          events: [
            ev('Delivered, In/At Mailbox', '2026-11-06T11:00:00-08:00', '2026-11-06T19:00:00Z'),
            ev('USPS in possession of item', '2026-11-02T16:00:00-08:00', '2026-11-03T00:00:00Z'),
          ],
        },
        [NUMBERS[1]]: {
          delivered: false,
          events: [ev('USPS in possession of item', '2026-11-05T13:00:00-08:00', '2026-11-05T21:00:00Z')],
        },
        // Confirmed 2026-11-05 18:00 UTC, first scanned three days later: confirmed before hand-over.
        [NUMBERS[2]]: {
          delivered: false,
          events: [ev('USPS in possession of item', '2026-11-08T09:00:00-08:00', '2026-11-08T17:00:00Z')],
        },
      },
      ...over.track,
    },
    sent: new Map(),
  };
}

async function serve(w: World): Promise<MockServer> {
  const handler = fakeServices(w.amazon, w.track);
  server = await startServer((req: SeenRequest): Reply => {
    const r = handler(req);
    if ((r.status ?? 200) === 200) w.sent.set(req.path, [...(w.sent.get(req.path) ?? []), String(r.body)]);
    return r;
  });
  return server;
}

const CONFIG = {
  marketplaceTimeZone: 'America/Los_Angeles',
  sources: { amazon: AMAZON_SOURCE, tracking: { service: '17track', apiKeyEnv: 'SA_17KEY' } },
};

function workdir(config: object = CONFIG): string {
  return workdirWith('shipaudit-fetch-', config, made);
}

const outputs: Ran[] = [];
const shipaudit = cliRunner(
  () => ({
    ...SECRETS,
    SHIPAUDIT_LWA_URL: `${server?.url}/auth/o2/token`,
    SHIPAUDIT_SP_API_URL: `${server?.url}`,
    SHIPAUDIT_17TRACK_URL: `${server?.url}/track/v2.2`,
  }),
  outputs,
);

const rel = (dir: string, files: string[]) => files.map((f) => relative(dir, f));

describe('shipaudit fetch against a local SP-API and 17TRACK', () => {
  it('saves each response as sent; check reads them alone and finds what audit finds in the same files', async () => {
    const w = world();
    await serve(w);
    const dir = workdir();
    const r = await shipaudit(dir, ['fetch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^✔ Amazon: 5 orders in 3 pages, orders created \S+ to \S+, NA ATVPDKIKX0DER; 4 requests; saved in \S+$/,
    );
    expect(lines[0]).toMatch(/saved in \.shipaudit\/data\/amazon\/\d{4}-\d\d-\d\d\/\d{8}T\d{9}Z$/);
    expect(lines[1]).toMatch(
      new RegExp(
        '^✔ 17TRACK: 4 of 4 numbers answered \\(4 tracking numbers in the orders, 0 delivered before\\), ' +
          '4 newly registered, 1 delivered now; 4 requests, quota left 96 of 100; ' +
          'saved in \\.shipaudit/data/17track/\\d{4}-\\d\\d-\\d\\d$',
      ),
    );

    const data = join(dir, '.shipaudit/data');
    const files = rel(data, filesUnder(data));
    const pages = files.filter((f) => f.startsWith('amazon/'));
    expect(pages.map((f) => f.replace(/^amazon\/[^/]+\/[^/]+\//, ''))).toEqual([
      'page-0001.json',
      'page-0002.json',
      'page-0003.json',
    ]);
    // The bytes Amazon and 17TRACK sent, unchanged.
    expect(pages.map((f) => readFileSync(join(data, f), 'utf8'))).toEqual(w.sent.get('/orders/2026-01-01/orders'));
    const tracking = files.filter((f) => /^17track\/[^/]+\/gettrackinfo-/.test(f));
    expect(tracking).toHaveLength(1);
    expect(readFileSync(join(data, tracking[0]), 'utf8')).toBe(w.sent.get('/track/v2.2/gettrackinfo')![0]);
    expect(
      files
        .filter((f) => f.includes('/.requests/'))
        .map((f) => f.replace(/.*\/\.requests\//, '').replace(/-\d{9}Z-/, '-*-')),
    ).toEqual(['register-*-0001.json']);
    expect(files).toContain('.fetch-state.json');
    const state = JSON.parse(readFileSync(join(data, '.fetch-state.json'), 'utf8'));
    expect(
      Object.entries(state.tracking.numbers)
        .filter(([, v]) => (v as { delivered?: string }).delivered)
        .map(([k]) => k),
    ).toEqual([NUMBERS[0]]);

    // What check finds in the data folder alone = what audit finds in the same responses as plain files.
    const equivalent = join(dir, 'equivalent');
    mkdirSync(equivalent);
    w.sent
      .get('/orders/2026-01-01/orders')!
      .forEach((b, i) => writeFileSync(join(equivalent, `orders-${i + 1}.json`), b));
    // The tracking response too: until a 17TRACK v2.2 reader is merged both runs pass it over; after, both read it.
    writeFileSync(join(equivalent, 'tracking.json'), w.sent.get('/track/v2.2/gettrackinfo')![0]);
    const audit = await shipaudit(dir, [
      'audit',
      'equivalent',
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(audit.code).toBe(0);
    const check = await shipaudit(dir, ['check', '--no-fetch', '--as-of', AS_OF, '--format', 'json']);
    expect(check.code).toBe(1);
    const checked = JSON.parse(check.stdout);
    const keys = findingKeys(checked);
    expect(keys).toEqual(findingKeys(JSON.parse(audit.stdout)));
    expect(keys).toContain(`late-confirmation|113-2000002-0000002|${NUMBERS[1]}`);
    // The saved 17TRACK response is read: its scans make findings, not tracking-not-found.
    expect(keys).toContain(`confirmed-before-handover|113-2000003-0000003|${NUMBERS[2]}`);
    expect(keys.filter((k) => k.startsWith('tracking-not-found'))).toEqual([]);
    expect(checked.window.from).toBe('2026-10-11');
  });

  it('tracks the numbers the inputs assign to orders not confirmed yet (the gate needs their scans)', async () => {
    const w = world();
    await serve(w);
    const dir = workdir({ ...CONFIG, inputs: ['assigned'] });
    mkdirSync(join(dir, 'assigned'));
    const assigned = '9400111899562000000056';
    writeFileSync(
      join(dir, 'assigned/assigned.csv'),
      `order id,tracking number,carrier\r\n113-2000004-0000004,${assigned},USPS\r\n`,
    );
    const plan = await shipaudit(dir, ['fetch', '--dry-run']);
    expect(plan.stdout).toMatch(/17TRACK: would ask about 1 numbers? \(1 tracking number/);
    const r = await shipaudit(dir, ['fetch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('(5 tracking numbers in the orders, 0 delivered before), 5 newly registered');
    expect([...w.track.registered].sort()).toEqual([...NUMBERS, assigned].sort());
  });

  it('a second run asks only numbers not delivered and replaces the orders snapshot', async () => {
    const w = world();
    await serve(w);
    const dir = workdir();
    expect((await shipaudit(dir, ['fetch'])).code).toBe(0);
    server!.requests.length = 0;
    const again = await shipaudit(dir, ['fetch']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(
        '✔ 17TRACK: 3 of 3 numbers answered \\(4 tracking numbers in the orders, 1 delivered before\\), ' +
          '0 newly registered, 0 delivered now',
      ),
    );
    const asked = server!
      .to('/track/v2.2/gettrackinfo')
      .flatMap((q) => (JSON.parse(q.body) as Array<{ number: string }>).map((x) => x.number));
    expect(asked.sort()).toEqual(NUMBERS.slice(1).sort());
    expect(server!.to('/track/v2.2/register')).toHaveLength(0);
    const data = join(dir, '.shipaudit/data');
    const visible = readdirSync(join(data, 'amazon')).filter((n) => !n.startsWith('.'));
    const runs = visible.flatMap((d) => readdirSync(join(data, 'amazon', d)));
    expect(runs).toHaveLength(1);
    expect(readdirSync(join(data, 'amazon/.superseded'))).toHaveLength(1);
  });

  it('a run that stops (SP-API failing after retries) is partial, exit 1; the next goes on', async () => {
    const fails = Array.from({ length: 6 }, () => ({
      status: 500,
      body: '{"errors":[{"code":"InternalFailure","message":"We encountered an internal error."}]}',
    }));
    const w = world({ amazon: { faults: { 'page-2': fails } } });
    await serve(w);
    const dir = workdir({ ...CONFIG, sources: { amazon: CONFIG.sources.amazon } });
    const first = await shipaudit(dir, ['fetch']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      new RegExp(
        '^✖ Amazon \\(partial\\): 2 orders in 1 page, .*\n' +
          '  not fetched: Amazon searchOrders page 2: HTTP 500, 6 attempts\n' +
          'Partial fetch: the next run goes on from where this one stopped\\.\n$',
      ),
    );
    const data = join(dir, '.shipaudit/data');
    // The half-done search sits in a hidden folder: never read as an input.
    expect(readdirSync(join(data, 'amazon'))).toEqual([expect.stringMatching(/^\.running-\d{8}T\d{9}Z$/)]);
    expect((await shipaudit(dir, ['check', '--no-fetch', '--as-of', AS_OF])).stderr).toMatch(
      /nothing fetched yet into/,
    );
    server!.requests.length = 0;
    const second = await shipaudit(dir, ['fetch']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^✔ Amazon: 5 orders in 3 pages \(went on from page 2\)/);
    const asks = server!.to('/orders/2026-01-01/orders').map((q) => q.query.get('paginationToken')?.slice(0, 5));
    expect(asks).toEqual(['tok-2', 'tok-3']);
    const pages = filesUnder(join(data, 'amazon')).filter((f) => !relative(data, f).includes('/.'));
    expect(pages.map((f) => readFileSync(f, 'utf8'))).toEqual(w.amazon.pages);
  });

  it('a number 17TRACK has no tracking for yet (just registered) is not a failure: asked again next run', async () => {
    const w = world();
    w.track.parcels[NUMBERS[3]] = { delivered: false, noInfo: true, events: [] };
    await serve(w);
    const dir = workdir();
    const r = await shipaudit(dir, ['fetch']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 17TRACK: 3 of 4 numbers answered');
    expect(r.stdout).toContain('1 delivered now, 1 with no tracking yet;');
    server!.requests.length = 0;
    await shipaudit(dir, ['fetch']);
    const asked = server!
      .to('/track/v2.2/gettrackinfo')
      .flatMap((q) => (JSON.parse(q.body) as Array<{ number: string }>).map((x) => x.number));
    expect(asked).toContain(NUMBERS[3]);
  });

  it('a saved page token Amazon no longer takes: the stopped search is dropped, the next starts afresh', async () => {
    const fails = Array.from({ length: 6 }, () => ({ status: 500 }));
    const invalid = { status: 400, body: '{"errors":[{"code":"InvalidInput","message":"Invalid paginationToken."}]}' };
    const w = world({ amazon: { faults: { 'page-2': [...fails, invalid] } } });
    await serve(w);
    const dir = workdir({ ...CONFIG, sources: { amazon: CONFIG.sources.amazon } });
    expect((await shipaudit(dir, ['fetch'])).code).toBe(1);
    const second = await shipaudit(dir, ['fetch']);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(
      'not fetched: Amazon searchOrders page 2: Amazon refused the request (InvalidInput: Invalid paginationToken.); ' +
        'the stopped search is dropped, the next run starts afresh',
    );
    expect(readdirSync(join(dir, '.shipaudit/data/amazon'))).toEqual([]);
    const third = await shipaudit(dir, ['fetch']);
    expect(third.stdout).toMatch(/^✔ Amazon: 5 orders in 3 pages, /);
  });

  it('17TRACK quota used up: partial, the numbers not registered listed; check reports the partial fetch', async () => {
    const w = world({ track: { quota: 2 } });
    await serve(w);
    const dir = workdir();
    const r = await shipaudit(dir, ['fetch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ 17TRACK (partial): 2 of 4 numbers answered');
    expect(r.stdout).toContain(`    ${NUMBERS[2]}  not registered: -18019908 The remaining quota is insufficient.`);
    expect(r.stdout).toContain('stopped: 17TRACK quota used up: numbers not registered are asked next time');
    const check = await shipaudit(dir, ['check', '--as-of', AS_OF, '--format', 'json']);
    const doc = JSON.parse(check.stdout);
    expect(
      doc.input.filter((p: { kind: string }) => p.kind === 'fetch').map((p: { message: string }) => p.message),
    ).toEqual([
      // The stopped run had done the first two numbers (one delivered): this one goes on with the other two.
      '17TRACK fetch failed: 0 of 2 numbers answered, 2 not fetched (17TRACK quota used up: numbers not ' +
        'registered are asked next time); `shipaudit fetch` lists them',
    ]);
  });

  it('--dry-run sends no request and says what would be fetched', async () => {
    await serve(world());
    const dir = workdir();
    const r = await shipaudit(dir, ['fetch', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Amazon: would search orders created \S+ to \S+, NA ATVPDKIKX0DER\n17TRACK: would ask about 0 numbers/,
    );
    expect(r.stdout).toContain('Nothing was fetched (--dry-run). Responses go to .shipaudit/data.');
    expect(server!.requests).toHaveLength(0);
    expect(existsSync(join(dir, '.shipaudit'))).toBe(false);
  });

  it('--dry-run with several variables not set names them all in one line (exit 2)', async () => {
    await serve(world());
    const r = await shipaudit(workdir(), ['fetch', '--dry-run'], { SA_REFRESH: '', SA_CLIENT: '', SA_17KEY: ' ' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^shipaudit: \S*shipaudit\.config\.json: sources\.amazon\.refreshTokenEnv, sources\.amazon\.clientIdEnv, sources\.tracking\.apiKeyEnv: the environment variables SA_REFRESH, SA_CLIENT, SA_17KEY are not set or empty\n$/,
    );
    expect(r.stdout).toBe('');
    expect(server!.requests).toHaveLength(0);
  });

  const refusals: Array<{ name: string; env?: Record<string, string>; config?: object; stderr: RegExp | string }> = [
    {
      name: 'an invalid refresh token',
      env: { SA_REFRESH: 'Atzr|revoked-token-value' },
      stderr:
        'shipaudit: Amazon login (LWA) refused the credentials (invalid_grant: The request has an invalid grant ' +
        'parameter : refresh_token); check the refresh token, client id and client secret named in sources.amazon, ' +
        'or authorise the app again in Seller Central\n',
    },
    {
      name: 'a bad 17TRACK key',
      env: { SA_17KEY: 'K17-wrong-key-value' },
      stderr:
        'shipaudit: 17TRACK getquota: 17TRACK refused the API key (the API key is invalid); ' +
        'check the key named in sources.tracking\n',
    },
    {
      name: 'a variable not set',
      env: { SA_CLIENT: '' },
      stderr:
        /^shipaudit: \S*shipaudit\.config\.json: sources\.amazon\.clientIdEnv: the environment variable SA_CLIENT /,
    },
    {
      name: 'a secret in the config itself',
      config: { sources: { tracking: { service: '17track', apiKey: 'K17-inline' } } },
      stderr: /^shipaudit: \S*shipaudit\.config\.json: sources\.tracking\.apiKey: unknown key /,
    },
  ];
  for (const c of refusals) {
    it(`exit 2 and one line: ${c.name}`, async () => {
      await serve(world());
      const r = await shipaudit(workdir(c.config), ['fetch'], c.env);
      expect(r.code).toBe(2);
      if (typeof c.stderr === 'string') expect(r.stderr).toBe(c.stderr);
      else expect(r.stderr).toMatch(c.stderr);
      expect(r.stdout).toBe('');
    });
  }

  it('a secret file must be 0600: 0644 is refused, 0600 works', async () => {
    await serve(world());
    const dir = workdir({ sources: { tracking: { service: '17track', apiKeyFile: 'secrets/17track.key' } } });
    mkdirSync(join(dir, 'secrets'));
    const key = join(dir, 'secrets/17track.key');
    writeFileSync(key, `${SECRETS.SA_17KEY}\n`);
    chmodSync(key, 0o644);
    const loose = await shipaudit(dir, ['fetch']);
    expect(loose.code).toBe(2);
    expect(loose.stderr).toMatch(
      /sources\.tracking\.apiKeyFile: \S+secrets\/17track\.key has mode 644, readable by others: refused \(chmod 600 /,
    );
    chmodSync(key, 0o600);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const ok = await shipaudit(dir, ['fetch']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✔ 17TRACK: 0 of 0 numbers answered');
  });
});

describe('secrets', () => {
  it('no secret in any output, saved response, state file or report of the runs above or a full check', async () => {
    const w = world({ amazon: { expireAfterPages: 1 } });
    await serve(w);
    const dir = workdir();
    const check = await shipaudit(dir, ['check', '--as-of', AS_OF, '--out', 'reports']);
    expect(check.code).toBe(1);
    expect(server!.to('/auth/o2/token')).toHaveLength(3);
    const texts = [...outputs.flatMap((o) => [o.stdout, o.stderr])];
    for (const d of made)
      for (const f of filesUnder(d)) if (!f.includes('/secrets/')) texts.push(readFileSync(f, 'latin1'));
    expect(texts.length).toBeGreaterThan(40);
    expect(filesUnder(join(dir, 'reports')).length).toBe(2);
    for (const s of [...Object.values(SECRETS), 'Atzr|revoked-token-value', 'K17-wrong-key-value', 'Atza|access-']) {
      expect(texts.filter((t) => t.includes(s))).toEqual([]);
    }
  });
});
