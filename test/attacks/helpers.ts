import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, runBuiltCli } from '../helpers/cli.js';

/** Shared by the attack tests (issue 15): the built CLI run in a throw-away working folder. */
const SAMPLE = join(ROOT, 'fixtures/sample-month');
const NIGHTLY = join(ROOT, 'fixtures/nightly');

const made: string[] = [];
export function useBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (`npm test` does)');
  });
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `shipaudit-${prefix}-`));
  made.push(dir);
  return dir;
}

/** A working folder holding a copy of the sample month in `sub` (inputs of the run). */
export function withSample(sub = 'in'): string {
  const dir = tempDir('attack');
  mkdirSync(join(dir, sub), { recursive: true });
  cpSync(SAMPLE, join(dir, sub), { recursive: true });
  return dir;
}

/** A working folder for `shipaudit check`: a config and the nightly fixture sets given. */
export function withNightly(...sets: string[]): string {
  const dir = tempDir('check');
  const config = { inputs: ['drops/amazon', 'drops/tracking'], marketplaceTimeZone: 'America/Los_Angeles' };
  cpSync(join(NIGHTLY, 'base'), join(dir, 'drops'), { recursive: true });
  for (const s of sets) cpSync(join(NIGHTLY, s), join(dir, 'drops'), { recursive: true });
  writeFileSync(join(dir, 'shipaudit.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

export function shipaudit(cwd: string, ...args: string[]) {
  return runBuiltCli(args, { cwd, env: { ...process.env, NO_COLOR: '1', SHIPAUDIT_DEBUG: '' } });
}

/** A pid that was just used and is gone. */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

/** Every file under a folder with its bytes: what must still be there, unchanged, after an attack. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else out[`${rel}${name}`] = readFileSync(p, 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

/** A failure the user can act on: exactly one line on stderr, no "internal error", no stack. */
export function oneLineError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '' && !l.startsWith('shipaudit: note:'));
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${stderr}`);
  if (/internal error|\n\s+at /.test(stderr)) throw new Error(`not a user error: ${stderr}`);
  return lines[0];
}
