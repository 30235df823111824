import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const COMMANDS = ['audit', 'inspect', 'explain', 'rules', 'check', 'fetch', 'init', 'appeal', 'confirm'];

/** The example lines of a command's --help: indented `shipaudit …` lines after "Example(s):". */
function examples(help: string): string[] {
  const block = help.split(/\nExamples?:\n/)[1] ?? '';
  return block
    .split('\n\n')[0]
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.startsWith('shipaudit '));
}

/** Splits an example into arguments, honouring double quotes. */
const argv = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(1);

describe('every help example that names the bundled fixtures runs', () => {
  const runnable: Array<[string, string]> = [];
  for (const cmd of COMMANDS) {
    const help = runCli([cmd, '--help']);
    for (const line of examples(help.stdout))
      if (line.includes('fixtures/') && !line.includes('&&')) runnable.push([cmd, line]);
  }

  it('finds the examples of audit, inspect, explain and appeal', () => {
    expect(new Set(runnable.map(([cmd]) => cmd))).toEqual(new Set(['audit', 'inspect', 'explain', 'appeal']));
  });

  // Run in an empty folder (the appeal example writes its pack there), with the fixtures by absolute path.
  it.each(runnable)('%s: %s', (_cmd, line) => {
    const cwd = mkdtempSync(join(tmpdir(), 'shipaudit-example-'));
    const args = argv(line).map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a));
    for (const a of args) if (a.startsWith(ROOT)) expect(existsSync(a), a).toBe(true);
    const r = runCli(args, { cwd });
    expect(r.stderr).not.toMatch(/^shipaudit: /m);
    // 1 is a finding (the sample month has errors to find); 2 would be bad usage or input.
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it('the explain example shows the order and a rule it breaks', () => {
    const line = runnable.find(([cmd]) => cmd === 'explain')![1];
    const r = runCli(argv(line).map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(argv(line)[1]);
    expect(r.stdout).toMatch(/confirmed-before-handover|confirmed before/i);
  });
});

describe('help descriptions are wrapped once, by commander', () => {
  const described = COMMANDS.filter((c) => c !== 'rules' && c !== 'init');
  it.each([[[] as string[]], ...described.map((c) => [[c]])])('shipaudit %s --help', (args) => {
    const r = runCli([...args, '--help']);
    expect(r.code).toBe(0);
    // Not a terminal: commander wraps to 80 columns. A description with its own line breaks, wrapped again,
    // shows ragged short lines ("…carrier had them, or late," then the rest).
    const desc = r.stdout.split('\n\n')[1].split('\n');
    for (const line of desc) expect(line.length).toBeLessThanOrEqual(80);
    for (const line of desc.slice(0, -1)) expect(line.length, line).toBeGreaterThan(60);
  });
});
