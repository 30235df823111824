import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalCarrier } from '../../src/knowledge/carriers.js';
import { classifyEvent } from '../../src/knowledge/events.js';
import { validateConfirmationFile } from '../helpers/amazon-template.js';
import { runBuiltCli, runBuiltCliAsync } from '../helpers/cli.js';
import { startServer, type SeenRequest } from '../sources/mock-server.js';

/**
 * The confirmation gate run as cron runs it, on the week in fixtures/gate (scripts/make-gate-fixtures.ts)
 * whose answer key is fixtures/gate.expected.json: twice, hours apart, with one ledger.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GATE = join(ROOT, 'fixtures/gate');
interface Expected {
  runs: Array<{
    asOf: string;
    release: Record<string, { trackingNumber: string; shipDate: string; late: boolean }>;
    hold: Record<string, string>;
    overdue: Record<string, string>;
  }>;
}
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'fixtures/gate.expected.json'), 'utf8')) as Expected;
const [RUN1, RUN2] = EXPECTED.runs;

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (`npm test` does)');
});

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-confirm-'));
  made.push(dir);
  return dir;
}

const ENV = { NO_COLOR: '1', SHIPAUDIT_DEBUG: '' };
function shipaudit(dir: string, ...args: string[]) {
  return runBuiltCli(args, { cwd: dir, env: { ...process.env, ...ENV } });
}

/** The CLI without blocking this process: the local server it talks to runs here. */
function shipauditAsync(
  dir: string,
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runBuiltCliAsync(args, { cwd: dir, env: { ...process.env, ...ENV, ...env } });
}

const gate = (dir: string, asOf: string, ...args: string[]) =>
  shipaudit(dir, 'confirm', GATE, '--as-of', asOf.slice(0, 16), '--marketplace-tz', 'America/Los_Angeles', ...args);

/** Every physical scan in the tracking file, by number, as instants. */
const SCANS = (() => {
  const map = new Map<string, number[]>();
  const lines = readFileSync(join(GATE, 'tracking-events.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [number, carrier, time, text] = line.slice(1, -1).split('","');
    if (classifyEvent({ description: text, carrier: canonicalCarrier(carrier) }).possession) {
      map.set(number, [...(map.get(number) ?? []), Date.parse(time)]);
    }
  }
  return map;
})();

/** The ledger's records past the intent ('releasing', written before a file is placed; see ledgerLines). */
const ledgerOf = (dir: string) => ledgerLines(dir).filter((r) => r.status !== 'releasing');
const ledgerLines = (dir: string) =>
  readFileSync(join(dir, '.shipaudit/ledger.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          orderId: string;
          trackingNumber: string;
          status: string;
          errors?: unknown;
          file?: string;
          staged?: string;
        },
    );

describe('shipaudit confirm on a test week, run twice', () => {
  const dir = workdir();
  const first = gate(dir, RUN1.asOf, '--out', 'confirm-1.txt');
  const second = gate(dir, RUN2.asOf, '--out', 'confirm-2.txt');
  const third = gate(dir, RUN2.asOf, '--out', 'confirm-3.txt');
  const files = [1, 2].map((n) => validateConfirmationFile(readFileSync(join(dir, `confirm-${n}.txt`), 'utf8')));

  it('writes files Amazon’s template validator accepts, releasing exactly the orders the key says', () => {
    expect([first.code, first.stderr]).toEqual([1, '']);
    expect(second.code).toBe(1);
    for (const [i, f] of files.entries()) {
      expect(f.errors).toEqual([]);
      const want = EXPECTED.runs[i].release;
      const got = new Map(f.rows.map((r) => [r.orderId, { trackingNumber: r.trackingNumber, shipDate: r.shipDate }]));
      expect(Object.fromEntries(got)).toEqual(
        Object.fromEntries(
          Object.entries(want).map(([id, w]) => [id, { trackingNumber: w.trackingNumber, shipDate: w.shipDate }]),
        ),
      );
    }
    expect(Object.keys(RUN1.release).length).toBeGreaterThan(5);
    expect(Object.keys(RUN2.release).length).toBeGreaterThan(2);
  });

  it('every order released has a physical carrier scan at or before its ship date, and before the run', () => {
    for (const [i, f] of files.entries()) {
      for (const r of f.rows) {
        const scans = SCANS.get(r.trackingNumber) ?? [];
        expect(
          scans.some((s) => s <= Date.parse(r.shipDate) && s <= Date.parse(EXPECTED.runs[i].asOf)),
          `${r.orderId} ${r.trackingNumber}`,
        ).toBe(true);
      }
    }
  });

  it('none is released twice across runs; a third run releases nothing and writes no file', () => {
    const once = new Set(files[0].rows.map((r) => r.orderId));
    expect(files[1].rows.filter((r) => once.has(r.orderId))).toEqual([]);
    expect(third.code).toBe(1);
    expect(third.stdout).toMatch(/^Released: 0 /m);
    expect(existsSync(join(dir, 'confirm-3.txt'))).toBe(false);
    const released = ledgerOf(dir).filter((r) => r.status === 'released');
    expect(released.map((r) => r.orderId).sort()).toEqual(
      [...Object.keys(RUN1.release), ...Object.keys(RUN2.release)].sort(),
    );
    expect(third.stdout).toContain(
      `Already in the ledger (.shipaudit/ledger.jsonl): ${released.length} (${released.length} released)`,
    );
  });

  it('one line per order item, with the quantity still to ship', () => {
    const items = readFileSync(join(GATE, 'unshipped-orders.txt'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const rows = files[0].rows;
    for (const r of rows) {
      const line = items.find((c) => c[0] === r.orderId && c[1] === r.orderItemId);
      expect(line?.[11], `${r.orderId} ${r.orderItemId}`).toBe(r.quantity);
    }
    expect(rows.length).toBe(items.filter((c) => c[0] in RUN1.release).length);
  });

  it('--reemit puts a released order in the file again', () => {
    const id = Object.keys(RUN1.release)[0];
    const again = gate(dir, RUN2.asOf, '--out', 'confirm-again.txt', '--reemit', id);
    const { rows, errors } = validateConfirmationFile(readFileSync(join(dir, 'confirm-again.txt'), 'utf8'));
    expect(errors).toEqual([]);
    expect([...new Set(rows.map((r) => r.orderId))]).toEqual([id]);
    expect(again.stdout).toContain('[re-emitted]');
  });
});

describe('one file name every hour', () => {
  it('a file not uploaded yet keeps its lines, the new ones added: replacing it would lose released orders', () => {
    const dir = workdir();
    gate(dir, RUN1.asOf, '--out', 'upload.txt');
    const second = gate(dir, RUN2.asOf, '--out', 'upload.txt');
    const lines = Object.keys(RUN1.release).length;
    expect(second.stdout).toMatch(/written to upload\.txt, with \d+ earlier lines not uploaded yet: upload it/);
    const { rows, errors } = validateConfirmationFile(readFileSync(join(dir, 'upload.txt'), 'utf8'));
    expect(errors).toEqual([]);
    const ids = [...new Set(rows.map((r) => r.orderId))].sort();
    expect(ids).toEqual([...Object.keys(RUN1.release), ...Object.keys(RUN2.release)].sort());
    expect(new Set(rows.map((r) => `${r.orderId}|${r.orderItemId}`)).size).toBe(rows.length);
    expect(lines).toBeGreaterThan(0);
  });

  it('a file of that name that shipaudit did not write is refused, and nothing is recorded', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'upload.txt'), 'my notes\n');
    const r = gate(dir, RUN1.asOf, '--out', 'upload.txt');
    expect([r.code, r.stderr]).toEqual([
      2,
      'shipaudit: upload.txt exists and is not a shipping-confirmation file written by shipaudit: not overwritten\n',
    ]);
    expect(existsSync(join(dir, '.shipaudit/ledger.jsonl'))).toBe(false);
  });
});

describe('holding is explained', () => {
  it('each held and overdue order says why and how long until (or since) it is late; a dry run writes nothing', () => {
    const dir = workdir();
    const r = gate(dir, RUN1.asOf, '--format', 'json');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, '.shipaudit/ledger.jsonl'))).toBe(false);
    const doc = JSON.parse(r.stdout) as {
      held: Array<{ orderId: string; reason: string; why: string; hoursLeft?: number; latestShipDate?: string }>;
      overdue: Array<{ orderId: string; reason: string; hoursLeft: number; whatYouCanDo: string[] }>;
    };
    expect(Object.fromEntries(doc.held.map((h) => [h.orderId, h.reason]))).toEqual(RUN1.hold);
    expect(Object.fromEntries(doc.overdue.map((h) => [h.orderId, h.reason]))).toEqual(RUN1.overdue);
    const asOf = Date.parse(RUN1.asOf);
    for (const h of doc.held) {
      expect(h.why.length).toBeGreaterThan(20);
      expect(h.hoursLeft).toBeCloseTo((Date.parse(h.latestShipDate!) + 999 - asOf) / 3_600_000, 1);
    }
    expect(doc.held.map((h) => h.hoursLeft)).toEqual([...doc.held.map((h) => h.hoursLeft!)].sort((a, b) => a - b));
    for (const o of doc.overdue) {
      expect(o.hoursLeft).toBeLessThan(0);
      expect(o.whatYouCanDo.join(' ')).toMatch(/carrier/);
    }

    const text = gate(dir, RUN1.asOf).stdout;
    const label = Object.entries(RUN1.hold).find(([, why]) => why === 'information-only')![0];
    expect(text).toMatch(
      new RegExp(
        `${label}.*\\d+\\.\\d h left \\(latest ship date 2026-10-\\d\\dT23:59:59-07:00\\)` +
          '\\n\\s+why: only label / pre-advice events',
      ),
    );
    expect(text).toContain(
      'what you can do: contact the carrier to collect or scan the parcel; or ship it with another carrier',
    );
  });
});

describe('shipaudit confirm --submit against a local SP-API', () => {
  const SECRETS = {
    SA_REFRESH: 'Atzr|refresh-token-for-test-0001',
    SA_CLIENT: 'amzn1.application-oa2-client.test0001',
    SA_SECRET: 'client-secret-for-test-0001',
  };
  const config = {
    marketplaceTimeZone: 'America/Los_Angeles',
    sources: {
      amazon: {
        region: 'NA',
        marketplaceIds: ['ATVPDKIKX0DER'],
        refreshTokenEnv: 'SA_REFRESH',
        clientIdEnv: 'SA_CLIENT',
        clientSecretEnv: 'SA_SECRET',
      },
    },
  };
  const ids = Object.keys(RUN1.release).sort();
  const [rejectedId, limitedId, shippedId, unsentId] = ids;

  it('sends one order at a time; the ledger shows what Amazon accepted; a 429 retried, a 400 kept', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify(config));
    // An earlier run died while sending two orders: Amazon has one as shipped, the other not.
    const sending = (orderId: string) =>
      JSON.stringify({
        v: 1,
        at: '2026-10-16T18:00:00Z',
        orderId,
        trackingNumber: RUN1.release[orderId].trackingNumber,
        status: 'sending',
        wholeOrder: false,
      });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, '.shipaudit'));
    writeFileSync(join(dir, '.shipaudit/ledger.jsonl'), `${sending(shippedId)}\n${sending(unsentId)}\n`);

    const accepted = new Set<string>();
    let limitedOnce = false;
    const server = await startServer((req: SeenRequest) => {
      if (req.path === '/auth/o2/token')
        return { body: JSON.stringify({ access_token: 'Atza|access-0001', expires_in: 3600 }) };
      const m = /^\/orders\/v0\/orders\/([^/]+)(\/shipmentConfirmation)?$/.exec(req.path);
      if (!m) return { status: 404, body: '{}' };
      const id = decodeURIComponent(m[1]);
      if (!m[2])
        return {
          body: JSON.stringify({
            payload: { AmazonOrderId: id, OrderStatus: id === shippedId ? 'Shipped' : 'Unshipped' },
          }),
        };
      if (id === rejectedId) {
        return {
          status: 400,
          body: JSON.stringify({
            errors: [{ code: 'InvalidInput', message: 'Invalid carrierCode for the marketplace' }],
          }),
        };
      }
      if (id === limitedId && !limitedOnce) {
        limitedOnce = true;
        return {
          status: 429,
          headers: { 'retry-after': '1', 'x-amzn-RateLimit-Limit': '2' },
          body: JSON.stringify({ errors: [{ code: 'QuotaExceeded' }] }),
        };
      }
      accepted.add(id);
      return { status: 204, body: '' };
    });
    try {
      const env = {
        ...SECRETS,
        SHIPAUDIT_LWA_URL: `${server.url}/auth/o2/token`,
        SHIPAUDIT_SP_API_URL: server.url,
        SHIPAUDIT_FETCH_TIME_SCALE: '0',
      };
      const args = ['confirm', GATE, '--as-of', RUN1.asOf.slice(0, 16), '--submit'];
      const r = await shipauditAsync(dir, env, ...args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);

      const posts = server.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/shipmentConfirmation'));
      const postedIds = posts.map((q) => decodeURIComponent(q.path.split('/')[4]));
      // The order Amazon already had was checked, not sent; the one it did not have was sent again.
      expect(postedIds).not.toContain(shippedId);
      expect(postedIds.filter((id) => id === unsentId)).toHaveLength(1);
      expect(postedIds.filter((id) => id === limitedId)).toHaveLength(2);
      expect(new Set(postedIds)).toEqual(new Set(ids.filter((id) => id !== shippedId)));
      const body = JSON.parse(posts.find((q) => q.path.includes(limitedId))!.body) as {
        marketplaceId: string;
        packageDetail: Record<string, unknown>;
      };
      expect(body.marketplaceId).toBe('ATVPDKIKX0DER');
      expect(body.packageDetail).toMatchObject({
        trackingNumber: RUN1.release[limitedId].trackingNumber,
        shipDate: new Date(Date.parse(RUN1.release[limitedId].shipDate)).toISOString().replace('.000Z', 'Z'),
      });
      expect(posts.every((q) => q.headers['x-amz-access-token'] === 'Atza|access-0001')).toBe(true);

      // The ledger's last word per order: accepted exactly where Amazon answered 204 (or had it shipped).
      const last = new Map<string, { status: string; errors?: unknown }>();
      for (const rec of ledgerOf(dir)) last.set(rec.orderId, rec);
      const acceptedInLedger = [...last]
        .filter(([, v]) => v.status === 'accepted')
        .map(([k]) => k)
        .sort();
      expect(acceptedInLedger).toEqual([...accepted, shippedId].sort());
      expect(last.get(rejectedId)).toMatchObject({
        status: 'rejected',
        errors: [{ code: 'InvalidInput', message: 'Invalid carrierCode for the marketplace' }],
      });
      expect([...last.values()].some((v) => v.status === 'sending')).toBe(false);
      expect(r.stdout).toContain(`${rejectedId}`);
      expect(r.stdout).toMatch(/REJECTED \(400\): Invalid carrierCode for the marketplace/);
      expect(r.stdout).toContain(
        `${shippedId} ${RUN1.release[shippedId].trackingNumber}: ` +
          'an earlier run died while sending it; Amazon has it as shipped',
      );

      // Secrets never leave the environment.
      const ledgerText = readFileSync(join(dir, '.shipaudit/ledger.jsonl'), 'utf8');
      for (const s of Object.values(SECRETS))
        for (const text of [r.stdout, r.stderr, ledgerText]) expect(text).not.toContain(s);

      // The next hour sends nothing again: what was accepted or rejected is in the ledger.
      const before = server.requests.length;
      const again = await shipauditAsync(dir, env, ...args);
      expect(again.stderr).toBe('');
      const newPosts = server.requests
        .slice(before)
        .filter((q) => q.method === 'POST' && q.path.endsWith('/shipmentConfirmation'));
      expect(newPosts).toEqual([]);
      expect(again.stdout).toContain(
        `${rejectedId} ${RUN1.release[rejectedId].trackingNumber}: rejected by Amazon earlier`,
      );
    } finally {
      await server.close();
    }
  });

  it('a missing secret stops before anything is read or sent, naming the variable, not a value', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify(config));
    const r = await shipauditAsync(
      dir,
      { SA_REFRESH: '', SA_CLIENT: 'x', SA_SECRET: 'y' },
      'confirm',
      GATE,
      '--submit',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^shipaudit: .*refreshTokenEnv: the environment variable SA_REFRESH is not set or empty\n$/,
    );
    expect(existsSync(join(dir, '.shipaudit/ledger.jsonl'))).toBe(false);
  });
});

describe('bad ledger', () => {
  it('a ledger line that is not a record stops the run with the file and line (exit 2)', async () => {
    const dir = workdir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, '.shipaudit'));
    writeFileSync(join(dir, '.shipaudit/ledger.jsonl'), 'garbage\n{"v":1}\n');
    const r = gate(dir, RUN1.asOf, '--out', 'x.txt');
    expect([r.code, r.stderr]).toEqual([
      2,
      'shipaudit: .shipaudit/ledger.jsonl:1: not a JSON record; ' +
        'the ledger is what keeps orders from being confirmed twice: repair or move it\n',
    ]);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
  });
});

describe('on a real carrier response (USPS Tracking API v3, label 3 days before acceptance)', () => {
  const SAMPLES = join(ROOT, '../shared/real-samples');
  const USPS = join(SAMPLES, 'usps-v3-tracking-karrio.json');

  it('holds while only the label exists, then releases with the acceptance scan as ship date', () => {
    if (!existsSync(USPS)) throw new Error(`${USPS} is missing: the real samples must sit beside the clone`);
    const dir = workdir();
    writeFileSync(
      join(dir, 'unshipped.txt'),
      'order-id\torder-item-id\tpurchase-date\tpromise-date\tquantity-purchased\tquantity-to-ship\n' +
        '113-0000000-0000001\t12345678901234\t2024-11-15T07:00:00-08:00\t2024-11-19T23:59:59-08:00\t1\t1\n',
    );
    writeFileSync(
      join(dir, 'assigned.csv'),
      'order id,tracking number,carrier\n113-0000000-0000001,9400 1091 0425 0532 9085 87,USPS\n',
    );
    const run = (asOf: string, ...more: string[]) =>
      shipaudit(
        dir,
        'confirm',
        'unshipped.txt',
        'assigned.csv',
        USPS,
        '--as-of',
        asOf,
        '--marketplace-tz',
        'America/Los_Angeles',
        ...more,
      );

    const before = run('2024-11-17T12:00', '--format', 'json');
    expect(before.stderr).toBe('');
    const held = (JSON.parse(before.stdout) as { held: Array<Record<string, unknown>> }).held;
    expect(held).toEqual([
      expect.objectContaining({
        orderId: '113-0000000-0000001',
        trackingNumber: '9400109104250532908587',
        reason: 'information-only',
        hoursLeft: 60,
        lastEvent: { description: 'Shipping Label Created, USPS Awaiting Item', at: '2024-11-15T08:32:00-08:00' },
      }),
    ]);

    const after = run('2024-11-20T12:00', '--out', 'confirm.txt');
    expect([after.code, after.stderr]).toEqual([0, '']);
    const { rows, errors } = validateConfirmationFile(readFileSync(join(dir, 'confirm.txt'), 'utf8'));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        orderId: '113-0000000-0000001',
        orderItemId: '12345678901234',
        quantity: '1',
        shipDate: '2024-11-18T08:10:00-08:00',
        carrierCode: 'USPS',
        carrierName: 'USPS',
        trackingNumber: '9400109104250532908587',
        shipMethod: '',
      },
    ]);
    expect(after.stdout).toContain('scan "USPS in possession of item" JAMAICA');
  });
});

describe('check reports the gate’s backlog', () => {
  it('overdue and soon-due held orders with why, the rest counted; released orders leave the backlog', () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'shipaudit.config.json'),
      JSON.stringify({ inputs: [GATE], marketplaceTimeZone: 'America/Los_Angeles' }),
    );
    const check = () => {
      const r = shipaudit(dir, 'check', '--as-of', RUN1.asOf.slice(0, 16), '--format', 'json', '--state', 'state.json');
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as {
        status: string;
        atRisk: {
          orders: Array<{ orderId: string }>;
          gate: {
            overdue: Array<{ orderId: string; reason: string }>;
            held: Array<{ orderId: string; hoursLeft: number }>;
            heldLater: number;
            ready: number;
            released?: Array<{ orderId: string; status: string; file?: string; at: string }>;
          };
        };
      };
    };
    const before = check();
    expect(before.status).toBe('error');
    const g = before.atRisk.gate;
    expect(Object.fromEntries(g.overdue.map((o) => [o.orderId, o.reason]))).toEqual(RUN1.overdue);
    expect(g.held.every((h) => h.hoursLeft <= 24)).toBe(true);
    expect(g.held.length + g.heldLater).toBe(Object.keys(RUN1.hold).length);
    expect(g.ready).toBe(Object.keys(RUN1.release).length);
    // The gate's orders are not listed twice.
    const gateIds = new Set([...g.overdue, ...g.held].map((o) => o.orderId));
    expect(before.atRisk.orders.filter((o) => gateIds.has(o.orderId))).toEqual([]);

    // The check's ledger is the one beside its state file: a confirm run writing there empties "ready".
    const confirmed = shipaudit(
      dir,
      'confirm',
      GATE,
      '--as-of',
      RUN1.asOf.slice(0, 16),
      '--marketplace-tz',
      'America/Los_Angeles',
      '--ledger',
      'ledger.jsonl',
      '--out',
      'c.txt',
    );
    expect(confirmed.stderr).toBe('');
    const after = check();
    expect(after.atRisk.gate.ready).toBe(0);
    // Released, not yet processed by Amazon: not "ship and confirm now" (a second confirmation), but said.
    const releasedIds = Object.keys(RUN1.release).sort();
    expect(after.atRisk.orders.filter((o) => releasedIds.includes(o.orderId))).toEqual([]);
    expect(after.atRisk.gate.released?.map((r) => [r.orderId, r.status, r.file]).sort()).toEqual(
      releasedIds.map((id) => [id, 'released', 'c.txt']),
    );

    const text = shipaudit(dir, 'check', '--as-of', RUN1.asOf.slice(0, 16), '--state', 'state.json').stdout;
    const id = Object.entries(RUN1.overdue).find(([, why]) => why === 'information-only')![0];
    expect(text).toMatch(
      new RegExp(
        `error +${id} .*held by the gate, latest ship date passed \\d+\\.\\d h ago: only label / pre-advice events`,
      ),
    );
    expect(text).toMatch(/\d+ more orders held by the gate with more than a day left/);
    const [rid, r] = Object.entries(RUN1.release)[0];
    expect(text).toMatch(
      new RegExp(
        `^  ${rid}  ${r.trackingNumber}  released by the gate at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(file c\\.txt\\), ` +
          'awaiting Amazon: not to be confirmed again$',
        'm',
      ),
    );
    expect(text).not.toMatch(new RegExp(`${rid} .*ship and confirm now`));
  });
});

describe('a ledger cut short by a crash', () => {
  it('the torn last line is ignored, then cut off before the next record, so the ledger stays readable', async () => {
    const dir = workdir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, '.shipaudit'));
    const id = Object.keys(RUN1.release)[0];
    const whole = JSON.stringify({
      v: 1,
      at: '2026-10-16T18:00:00Z',
      orderId: id,
      trackingNumber: RUN1.release[id].trackingNumber,
      status: 'released',
      wholeOrder: true,
    });
    writeFileSync(join(dir, '.shipaudit/ledger.jsonl'), `${whole}\n{"v":1,"at":"2026-10-16T18:00:01Z","orderId":"11`);
    const first = gate(dir, RUN1.asOf, '--out', 'a.txt');
    expect(first.stderr).toBe('');
    const { rows } = validateConfirmationFile(readFileSync(join(dir, 'a.txt'), 'utf8'));
    expect(rows.map((r) => r.orderId)).not.toContain(id);
    const ledger = ledgerOf(dir);
    expect(ledger).toHaveLength(1 + Object.keys(RUN1.release).length - 1);
    const second = gate(dir, RUN1.asOf, '--out', 'b.txt');
    expect([second.stderr, existsSync(join(dir, 'b.txt'))]).toEqual(['', false]);
    expect(second.stdout).toMatch(/^Released: 0 — a physical carrier scan exists \(nothing to release\)$/m);
  });
});

describe('a run stopped while writing its confirmation file (the hourly cron, a new file name each hour)', () => {
  const ids = Object.keys(RUN1.release).sort();
  /**
   * A run as cron runs it, then the ledger and folder as a crash at one step would have left them: the batch
   * recorded as 'releasing' (one append, before the file is placed), and its temp file there or not.
   */
  function crashed(renamed: boolean): string {
    const dir = workdir();
    const run = gate(dir, RUN1.asOf, '--out', 'confirm-1.txt');
    expect(run.stderr).toBe('');
    const intent = ledgerLines(dir).filter((r) => r.status === 'releasing');
    expect(intent.map((r) => [r.orderId, r.file]).sort()).toEqual(ids.map((id) => [id, 'confirm-1.txt']));
    const staged = intent[0].staged!;
    expect(intent.every((r) => r.staged === staged)).toBe(true);
    expect(existsSync(staged)).toBe(false);
    writeFileSync(join(dir, '.shipaudit/ledger.jsonl'), intent.map((r) => `${JSON.stringify(r)}\n`).join(''));
    // Before the rename the text is in the temp file and no file is in place; after it, the seller may
    // already have uploaded the file and removed it.
    if (!renamed) renameSync(join(dir, 'confirm-1.txt'), staged);
    else rmSync(join(dir, 'confirm-1.txt'));
    return dir;
  }

  it('before the rename: the next hour says so, and writes every order (none lost)', () => {
    const dir = crashed(false);
    const staged = ledgerLines(dir)[0].staged!;
    const next = gate(dir, RUN1.asOf, '--out', 'confirm-2.txt');
    expect(next.stderr).toBe('');
    expect(next.stdout).toContain(
      `  An earlier run stopped while writing confirm-1.txt: ${ids.length} orders never written ` +
        '(the file was not put in place): decided again\n',
    );
    const { rows } = validateConfirmationFile(readFileSync(join(dir, 'confirm-2.txt'), 'utf8'));
    expect([...new Set(rows.map((r) => r.orderId))].sort()).toEqual(ids);
    expect(existsSync(staged)).toBe(false);
    const last = new Map(ledgerOf(dir).map((r) => [r.orderId, r]));
    expect([...last.values()].map((r) => [r.orderId, r.status, r.file]).sort()).toEqual(
      ids.map((id) => [id, 'released', 'confirm-2.txt']),
    );
  });

  it('after the rename (file uploaded and removed since): the next hour confirms none of them again', () => {
    const dir = crashed(true);
    const next = gate(dir, RUN1.asOf, '--out', 'confirm-2.txt');
    expect(next.stderr).toBe('');
    expect(next.stdout).toContain(
      `  An earlier run stopped while writing confirm-1.txt: ${ids.length} orders in place in the file, ` +
        'recorded as released\n',
    );
    expect(next.stdout).toMatch(/^Released: 0 /m);
    expect(existsSync(join(dir, 'confirm-2.txt'))).toBe(false);
    // Settled once: a third run has nothing to settle.
    const third = gate(dir, RUN1.asOf, '--out', 'confirm-3.txt');
    expect(third.stdout).not.toContain('An earlier run stopped');
    expect(existsSync(join(dir, 'confirm-3.txt'))).toBe(false);
  });
});

describe('rows that could not be read', () => {
  it('are counted and the first named; the order waits as unassigned', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'assigned.csv'), 'order id,tracking number,carrier\n112-3847561-0092837,,UPS\n');
    const unshipped = join(ROOT, 'fixtures/formats/unshipped-orders.txt');
    const r = shipaudit(dir, 'confirm', unshipped, 'assigned.csv', '--as-of', '2026-10-13T08:00');
    expect(r.stdout.split('\n')[1]).toBe(
      '  1 input row could not be read (first: assigned.csv:2: tracking number is empty: nothing to watch for this ' +
        'order); `shipaudit inspect` shows them all',
    );
    expect(r.stdout).toMatch(/112-3847561-0092837 {2}- {2}.*\n\s+why: no tracking number assigned to the order/);
  });
});

describe('no buyer data', () => {
  it('the Unshipped report’s buyer names, e-mails, phones and addresses reach no output', () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'assigned.csv'),
      'order id,tracking number,carrier\n112-3847561-0092837,1ZV7A3703700085742,UPS\n' +
        '114-6652093-7781402,LX234679980CN,China Post\n',
    );
    writeFileSync(
      join(dir, 'tracking.csv'),
      'Tracking Number,Event Time,Event Description,Location\n' +
        '1ZV7A3703700085742,2026-10-13T15:00:00-07:00,Origin Scan,"Seattle, WA"\n' +
        'LX234679980CN,2026-10-13T15:00:00+08:00,电子信息已收到,"深圳"\n',
    );
    const unshipped = join(ROOT, 'fixtures/formats/unshipped-orders.txt');
    const args = ['confirm', unshipped, 'assigned.csv', 'tracking.csv', '--as-of', '2026-10-14T08:00'];
    const text = shipaudit(dir, ...args, '--out', 'upload.txt');
    const json = shipaudit(dir, ...args, '--format', 'json', '--reemit', '112-3847561-0092837');
    expect(text.stdout).toMatch(/^Released: 1 /m);
    const outputs = [
      text.stdout,
      text.stderr,
      json.stdout,
      readFileSync(join(dir, 'upload.txt'), 'utf8'),
      readFileSync(join(dir, '.shipaudit/ledger.jsonl'), 'utf8'),
    ].join('\n');
    const personalData = ['Priya', 'Natarajan', 'Alvarez', 'Reed', '@marketplace.amazon.com', '555-01', 'Fremont'];
    for (const personal of personalData) {
      expect(outputs).not.toContain(personal);
    }
  });
});

describe('never twice: a relabel after an item-level release; one number on two orders', () => {
  const unshipped = join(ROOT, 'fixtures/formats/unshipped-orders.txt');
  const tracking =
    'Tracking Number,Event Time,Event Description,Location\n' +
    '1ZV7A3703700085742,2026-10-14T06:00:00-07:00,Origin Scan,"Seattle, WA"\n' +
    '1ZV7A8903252058235,2026-10-14T07:00:00-07:00,Origin Scan,"Seattle, WA"\n';

  it('a new number without items for an order released with its items is held, with how to send it anyway', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'tracking.csv'), tracking);
    writeFileSync(
      join(dir, 'items.csv'),
      'order id,order item id,quantity,tracking number,carrier\n' +
        '114-6652093-7781402,29918407736154,2,1ZV7A3703700085742,UPS\n',
    );
    writeFileSync(
      join(dir, 'relabel.csv'),
      'order id,tracking number,carrier\n114-6652093-7781402,1ZV7A8903252058235,UPS\n',
    );
    const asOf = ['--as-of', '2026-10-14T08:00'];
    const first = shipaudit(dir, 'confirm', unshipped, 'items.csv', 'tracking.csv', ...asOf, '--out', 'a.txt');
    // Exit 1: 112-3847561-0092837, with no number, is past its latest ship date.
    expect([first.code, first.stderr]).toEqual([1, '']);
    const ledger = ledgerOf(dir);
    expect(ledger).toMatchObject([
      { orderId: '114-6652093-7781402', status: 'released', items: [{ orderItemId: '29918407736154', quantity: 2 }] },
    ]);
    // The day the ledger recorded the release, in the marketplace zone.
    const on = new Date((ledger[0] as unknown as { at: string }).at).toLocaleDateString('en-CA', {
      timeZone: 'America/Los_Angeles',
    });

    const second = shipaudit(dir, 'confirm', unshipped, 'relabel.csv', 'tracking.csv', ...asOf, '--out', 'b.txt');
    expect([second.code, second.stderr, existsSync(join(dir, 'b.txt'))]).toEqual([1, '', false]);
    expect(second.stdout).toMatch(/^Released: 0 /m);
    const why =
      `already confirmed with tracking number 1ZV7A3703700085742 on ${on}; a new label for the same order ` +
      'is not confirmed again — use --reemit 114-6652093-7781402 if Amazon must get the new number';
    expect(second.stdout).toContain(
      `  114-6652093-7781402  1ZV7A8903252058235 UPS  not sent again\n      why: ${why}\n`,
    );
    const json = JSON.parse(
      shipaudit(dir, 'confirm', unshipped, 'relabel.csv', 'tracking.csv', ...asOf, '--format', 'json').stdout,
    ) as { schemaVersion: number; released: unknown[]; held: Array<{ orderId: string; reason: string; why: string }> };
    expect(Object.keys(json)[0]).toBe('schemaVersion');
    expect(json.schemaVersion).toBe(1);
    expect(json.released).toEqual([]);
    expect(json.held.map((h) => [h.orderId, h.reason, h.why])).toContainEqual([
      '114-6652093-7781402',
      'already-confirmed',
      why,
    ]);

    const reemit = ['--out', 'c.txt', '--reemit', '114-6652093-7781402'];
    const again = shipaudit(dir, 'confirm', unshipped, 'relabel.csv', 'tracking.csv', ...asOf, ...reemit);
    expect(again.stderr).toBe('');
    const { rows } = validateConfirmationFile(readFileSync(join(dir, 'c.txt'), 'utf8'));
    expect(rows.map((r) => [r.orderId, r.trackingNumber])).toEqual([['114-6652093-7781402', '1ZV7A8903252058235']]);
  });

  it('a relabel with both numbers in the assignments: held as already confirmed (not overdue); --reemit sends it', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'tracking.csv'), tracking);
    const id = '114-6652093-7781402';
    writeFileSync(join(dir, 'first.csv'), `order id,tracking number,carrier\n${id},1ZV7A3703700085742,UPS\n`);
    writeFileSync(
      join(dir, 'both.csv'),
      `order id,tracking number,carrier\n${id},1ZV7A3703700085742,UPS\n${id},1ZV7A8903252058235,UPS\n`,
    );
    const asOf = ['--as-of', '2026-10-14T08:00'];
    const first = shipaudit(dir, 'confirm', unshipped, 'first.csv', 'tracking.csv', ...asOf, '--out', 'a.txt');
    expect(first.stderr).toBe('');
    expect(ledgerOf(dir).map((r) => [r.orderId, r.trackingNumber, r.status])).toEqual([
      [id, '1ZV7A3703700085742', 'released'],
    ]);

    const later = ['--as-of', '2026-10-20T08:00'];
    const json = JSON.parse(
      shipaudit(dir, 'confirm', unshipped, 'both.csv', 'tracking.csv', ...later, '--format', 'json').stdout,
    ) as {
      overdue: Array<{ orderId: string }>;
      held: Array<{ orderId: string; trackingNumber: string; reason: string }>;
    };
    expect(json.overdue.map((o) => o.orderId)).not.toContain(id);
    expect(json.held.filter((h) => h.orderId === id).map((h) => [h.trackingNumber, h.reason])).toEqual([
      ['1ZV7A8903252058235', 'already-confirmed'],
    ]);
    const text = shipaudit(dir, 'confirm', unshipped, 'both.csv', 'tracking.csv', ...later).stdout;
    expect(text).toContain('already confirmed with tracking number 1ZV7A3703700085742 on ');
    expect(text).not.toContain('several tracking numbers');

    const reemit = ['--out', 'c.txt', '--reemit', id];
    const again = shipaudit(dir, 'confirm', unshipped, 'both.csv', 'tracking.csv', ...later, ...reemit);
    expect(again.stderr).toBe('');
    const { rows } = validateConfirmationFile(readFileSync(join(dir, 'c.txt'), 'utf8'));
    expect([...new Set(rows.map((r) => `${r.orderId} ${r.trackingNumber}`))]).toEqual([`${id} 1ZV7A8903252058235`]);
  });

  it('one tracking number on two orders: both released, and a warning names them', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'tracking.csv'), tracking);
    writeFileSync(
      join(dir, 'assigned.csv'),
      'order id,tracking number,carrier\n112-3847561-0092837,1ZV7A3703700085742,UPS\n' +
        '111-0476219-3358804,1ZV7A3703700085742,UPS\n',
    );
    const args = ['confirm', unshipped, 'assigned.csv', 'tracking.csv', '--as-of', '2026-10-14T08:00'];
    const message =
      'tracking number 1ZV7A3703700085742 is assigned to orders 111-0476219-3358804 and 112-3847561-0092837';
    const text = shipaudit(dir, ...args);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toContain(`\n  warning: ${message}\n`);
    expect(text.stdout).toMatch(/^Released: 2 /m);
    const json = JSON.parse(shipaudit(dir, ...args, '--format', 'json').stdout) as {
      released: Array<{ orderId: string }>;
      warnings: unknown[];
    };
    expect(json.released.map((r) => r.orderId)).toEqual(['111-0476219-3358804', '112-3847561-0092837']);
    expect(json.warnings).toEqual([
      {
        kind: 'shared-tracking-number',
        trackingNumber: '1ZV7A3703700085742',
        orderIds: ['111-0476219-3358804', '112-3847561-0092837'],
        message,
      },
    ]);
  });
});
