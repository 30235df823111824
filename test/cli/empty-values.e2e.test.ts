import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * A path given as "" (`--evidence "$OUT"` with OUT unset) was taken as not given: the audit ran without
 * writing the evidence, the check used its default state file, the pack went to the working folder. Every
 * empty value is one line and exit 2, before anything is read or written.
 */
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A working folder with a config whose inputs are the nightly fixture's base set. */
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-empty-'));
  made.push(dir);
  cpSync(join(ROOT, 'fixtures/nightly/base'), join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify({ inputs: ['data'] }));
  return dir;
}

const SAMPLE = join(ROOT, 'fixtures/sample-month');
const GATE = join(ROOT, 'fixtures/gate');
const CHECK = ['check', '--as-of', '2026-11-08T08:00'];

describe('an empty path or value is a usage error', () => {
  it.each<[string, string[], string]>([
    ['audit --evidence', ['audit', SAMPLE, '--evidence', ''], '--evidence: expected a path'],
    ['audit --config', ['audit', SAMPLE, '--config', ''], '--config: expected a path'],
    ['audit <paths>', ['audit', ''], '<paths>: expected a path'],
    ['audit --from', ['audit', SAMPLE, '--from', ''], '--from: expected a value'],
    ['audit --as-of', ['audit', SAMPLE, '--as-of', ''], '--as-of: expected a value'],
    ['check --state', [...CHECK, '--state', ''], '--state: expected a path'],
    ['check --out', [...CHECK, '--out', ''], '--out: expected a path'],
    ['check --config', [...CHECK, '--config', ''], '--config: expected a path'],
    ['check --as-of', ['check', '--as-of', ''], '--as-of: expected a value'],
    ['confirm --ledger', ['confirm', GATE, '--ledger', ''], '--ledger: expected a path'],
    ['confirm --out', ['confirm', GATE, '--out', ''], '--out: expected a path'],
    ['appeal --out', ['appeal', SAMPLE, '--fixed-on', '2026-11-03', '--out', ''], '--out: expected a path'],
    [
      'appeal --seller-name',
      ['appeal', SAMPLE, '--fixed-on', '2026-11-03', '--seller-name', ''],
      '--seller-name: expected a value',
    ],
    ['inspect --config', ['inspect', SAMPLE, '--config', ''], '--config: expected a path'],
    ['explain --config', ['explain', '113-0000000-0000000', SAMPLE, '--config', ''], '--config: expected a path'],
    ['fetch --config', ['fetch', '--dry-run', '--config', ''], '--config: expected a path'],
  ])('%s "" → one line, exit 2, nothing written', (_, args, message) => {
    const dir = workdir();
    const r = runCli(args, { cwd: dir, env: { SHIPAUDIT_CHROMIUM: 'none', SHIPAUDIT_LANG: 'en' } });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `shipaudit: ${message}, got an empty one ("")\n`]);
    expect(readdirSync(dir).sort()).toEqual(['data', 'shipaudit.config.json']);
  });
});
