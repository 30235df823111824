import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Tracking files go to a second thread from 40 MB; at 0 every tracking file does, so the fixtures exercise it.
const THREADED = { SHIPAUDIT_THREAD_MIN_MB: '0' };
const ONE_THREAD = { SHIPAUDIT_THREAD_MIN_MB: '1e9' };

describe('reading tracking files in a second thread', () => {
  it.each([
    ['the sample month', ['fixtures/sample-month', '--format', 'json', '--as-of', '2026-10-31T00:00:00Z']],
    ['every fixture format (UTF-16, GB18030, summaries)', ['fixtures/formats', '--format', 'json', '--as-of', '2026-10-31T00:00:00Z', '--fail-on', 'never', '--allow-rejected-rows']],
  ])('%s: the same report as one thread', (_name, args) => {
    const one = runCli(['audit', ...args], { env: ONE_THREAD });
    const two = runCli(['audit', ...args], { env: THREADED });
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(JSON.parse(two.stdout).summary.matchedWithTracking).toBeGreaterThan(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  });

  it('the config reaches the thread: extra event phrases, patterns and a per-file zone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-threads-'));
    const config = join(dir, 'shipaudit.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        events: [
          { phrase: '已转单', class: 'physical', possession: true, note: 'forwarder handed over' },
          { pattern: '^Origin Scan at .*$', class: 'physical', possession: true },
        ],
        files: [{ match: '**/tracking-ups.csv', timeZone: 'America/New_York' }],
      }),
    );
    const args = ['audit', 'fixtures/formats', '--config', config, '--format', 'json', '--as-of', '2026-10-31T00:00:00Z', '--fail-on', 'never', '--allow-rejected-rows'];
    const one = runCli(args, { env: ONE_THREAD });
    const two = runCli(args, { env: THREADED });
    expect(two.stdout).toBe(one.stdout);
    const unclassified = (out: string) => JSON.parse(out).unclassifiedEvents.map((u: { description: string }) => u.description);
    expect(unclassified(two.stdout)).not.toContain('已转单');
    const plain = runCli(['audit', 'fixtures/formats', '--format', 'json', '--as-of', '2026-10-31T00:00:00Z', '--fail-on', 'never', '--allow-rejected-rows'], { env: THREADED });
    expect(unclassified(plain.stdout)).toContain('已转单');
  });

  it('a broken tracking file read there still stops the run with one line naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-threads-'));
    for (const f of ['all-orders.txt', 'confirmations.txt']) copyFileSync(join('fixtures/sample-month', f), join(dir, f));
    const bad = join(dir, 'tracking.csv');
    writeFileSync(bad, 'Tracking Number,Carrier,Event Time,Event,Location\n9400111899562044773909,USPS,03/04/2026 10:00,Accepted at USPS Origin Facility,"AUSTIN, TX 78701"\n');
    const r = runCli(['audit', join(dir, 'all-orders.txt'), join(dir, 'confirmations.txt'), bad], { env: THREADED });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/tracking\.csv:2: .*ambiguous date "03\/04\/2026/);
    expect(r.stderr).toBe(runCli(['audit', join(dir, 'all-orders.txt'), join(dir, 'confirmations.txt'), bad], { env: ONE_THREAD }).stderr);
  });
});
