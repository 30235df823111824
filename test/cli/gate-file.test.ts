import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseToFile, settleStagedReleases, type ReleaseStep } from '../../src/cli/gate-file.js';
import { Outputs } from '../../src/cli/write.js';
import { Ledger, parseLedger, serializeRecord, type LedgerRecord } from '../../src/gate/ledger.js';
import type { Release } from '../../src/model/gate.js';

/**
 * The confirmation file and the ledger under a crash at each step: whatever the step, the next run (after
 * the seller may have uploaded and removed the file) has an order as released exactly when the file held it.
 */
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const release = (orderId: string): Release => ({
  orderId,
  trackingNumber: `1Z${orderId}`,
  carrierCode: 'UPS',
  carrierName: 'UPS',
  lines: [{ orderItemId: `${orderId}-1`, quantity: 1 }],
  shipDate: '2026-10-15T17:30:00-07:00',
  shipDateIso: '2026-10-16T00:30:00Z',
  scan: { at: '2026-10-15 17:30', description: 'Origin Scan', source: { file: 't.csv', line: 2 } },
  late: false,
  reemitted: false,
});
const BATCH = ['111', '222', '333'].map(release);

class Crash extends Error {}

function world() {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-gate-file-'));
  made.push(dir);
  const ledgerPath = join(dir, 'ledger.jsonl');
  const append = (records: readonly LedgerRecord[]) => {
    appendFileSync(ledgerPath, records.map(serializeRecord).join(''));
    return Promise.resolve();
  };
  const readLedger = () =>
    new Ledger(existsSync(ledgerPath) ? parseLedger(readFileSync(ledgerPath, 'utf8')).records : []);
  return { dir, ledgerPath, append, readLedger };
}

/** One run writing BATCH to `confirm-1.txt`, stopped (as by kill -9: nothing cleaned up) after `step`. */
async function crashAfter(w: ReturnType<typeof world>, step: ReleaseStep | undefined) {
  const outputs = await Outputs.forInputs([], w.dir);
  const run = releaseToFile({
    outputs,
    out: 'confirm-1.txt',
    text: BATCH.map((r) => `${r.orderId}\t${r.trackingNumber}\n`).join(''),
    fileOptions: {},
    release: BATCH,
    append: w.append,
    now: () => '2026-10-16T01:00:00Z',
    after: (s) => {
      if (s === step) throw new Crash(s);
    },
  });
  if (step) await expect(run).rejects.toThrow(Crash);
  else await run;
}

/** The next hour's run, as `shipaudit confirm` starts: the batch settled, then what the ledger covers. */
async function nextRun(w: ReturnType<typeof world>) {
  const ledger = w.readLedger();
  const settled = await settleStagedReleases(ledger, '2026-10-16T02:00:00Z', w.append, (t) => rm(t, { force: true }));
  const covered = BATCH.filter((r) => ledger.covers(r.orderId, r.trackingNumber) !== undefined).map((r) => r.orderId);
  // The records appended are what a third run reads: the same answer.
  const third = w.readLedger();
  expect(BATCH.filter((r) => third.covers(r.orderId, r.trackingNumber) !== undefined).map((r) => r.orderId)).toEqual(
    covered,
  );
  expect(third.staging()).toEqual([]);
  return { settled, covered };
}

const file = (w: ReturnType<typeof world>) => join(w.dir, 'confirm-1.txt');
const leftovers = (w: ReturnType<typeof world>) => readdirSync(w.dir).filter((f) => f.includes('shipaudit-staged'));

describe('a confirmation file and its ledger records, crashed between any two steps', () => {
  it('crash after the temp file, before the ledger: nothing recorded, no file; the next run decides again', async () => {
    const w = world();
    await crashAfter(w, 'staged');
    expect(existsSync(file(w))).toBe(false);
    expect(existsSync(w.ledgerPath)).toBe(false);
    expect(await nextRun(w)).toEqual({ settled: undefined, covered: [] });
  });

  it('crash after the ledger’s batch, before the rename: the next run finds the file never placed', async () => {
    const w = world();
    await crashAfter(w, 'recorded');
    expect(existsSync(file(w))).toBe(false);
    // The whole batch is in the ledger in one append, naming the file and its temp file.
    const records = parseLedger(readFileSync(w.ledgerPath, 'utf8')).records;
    expect(records.map((r) => [r.orderId, r.status, r.file])).toEqual(
      BATCH.map((r) => [r.orderId, 'releasing', 'confirm-1.txt']),
    );
    expect(leftovers(w)).toHaveLength(1);
    const { settled, covered } = await nextRun(w);
    expect(settled).toEqual({ placed: 0, notPlaced: 3, files: ['confirm-1.txt'] });
    // Not released: the next file carries them (never lost), and the temp file is gone.
    expect(covered).toEqual([]);
    expect(leftovers(w)).toEqual([]);
  });

  it.each([
    ['kept', false],
    ['uploaded and removed before the next run', true],
  ])('crash after the rename, before "released": the file is %s; the next run has all as released', async (_, gone) => {
    const w = world();
    await crashAfter(w, 'placed');
    expect(readFileSync(file(w), 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    if (gone) rmSync(file(w));
    const { settled, covered } = await nextRun(w);
    expect(settled).toEqual({ placed: 3, notPlaced: 0, files: ['confirm-1.txt'] });
    // Released: not written again (never twice), whether or not the file is still there.
    expect(covered).toEqual(['111', '222', '333']);
  });

  it('no crash: file in place, every order released, nothing left to settle', async () => {
    const w = world();
    await crashAfter(w, undefined);
    expect(existsSync(file(w))).toBe(true);
    expect(leftovers(w)).toEqual([]);
    const statuses = parseLedger(readFileSync(w.ledgerPath, 'utf8')).records.map((r) => r.status);
    expect(statuses).toEqual([...BATCH.map(() => 'releasing'), ...BATCH.map(() => 'released')]);
    expect(await nextRun(w)).toEqual({ settled: undefined, covered: ['111', '222', '333'] });
  });

  it('a ledger that cannot be appended to: the temp file stays, so a record that did get through reads "not placed"', async () => {
    const w = world();
    const outputs = await Outputs.forInputs([], w.dir);
    const run = releaseToFile({
      outputs,
      out: 'confirm-1.txt',
      text: 'x\n',
      fileOptions: {},
      release: BATCH,
      append: () => Promise.reject(new Error('disk full')),
      now: () => '2026-10-16T01:00:00Z',
    });
    await expect(run).rejects.toThrow('disk full');
    expect([existsSync(file(w)), leftovers(w).length]).toEqual([false, 1]);
  });
});
