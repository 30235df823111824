import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

const B = 'fixtures/bad';
const OK_INPUT = 'fixtures/formats/confirmation-upload.txt';
// A stack frame, not inspect's `at` row: `    at fn (file.js:12:34)` or `    at file.js:12:34`.
const STACK = /^\s+at .*:\d+:\d+\)?$/m;

const dir = mkdtempSync(join(tmpdir(), 'shipaudit-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(name: string, content: object): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
}
const dayz = config('dayz.json', { handling: { dayz: 2 } });
const severty = config('severty.json', { rules: { 'late-handover': { severty: 'warning' } } });
const noRule = config('no-rule.json', { rules: { 'late-handovr': 'off' } });

/** Fails cleanly: exit 2, one line on stderr, no stack trace. */
function expectOneLineFailure(r: CliResult): string {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).not.toMatch(STACK);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^shipaudit: /);
  return lines[0];
}

/** The order-fulfilment feed fixture with an external entity (file:///etc/passwd) in its MerchantIdentifier. */
const entityFeed = join(dir, 'feed-entity.xml');
writeFileSync(
  entityFeed,
  readFileSync('fixtures/formats/order-fulfillment-feed.xml', 'utf8')
    .replace('?>\n', '?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n')
    .replace('<MerchantIdentifier>A2EXAMPLE7QZ1K', '<MerchantIdentifier>&e;'),
);

// [case, arguments after the command, what the one line must say]
const CASES: Array<[string, string[], RegExp]> = [
  [
    'XML with an external entity',
    [entityFeed],
    /^shipaudit: \S+feed-entity\.xml:2: XML with a DOCTYPE or entity declarations is not read \(entities could hide or fetch content\); save the file without its <!DOCTYPE …>$/,
  ],
  ['empty file', [`${B}/empty.txt`], /^shipaudit: fixtures\/bad\/empty\.txt: the file is empty$/],
  ['binary file', [`${B}/binary.bin`], /^shipaudit: fixtures\/bad\/binary\.bin: not a text file \(binary content\)/],
  [
    'header-only file',
    [`${B}/header-only.txt`],
    /^shipaudit: fixtures\/bad\/header-only\.txt:1: has a header row but no data rows$/,
  ],
  [
    'unknown header',
    [`${B}/unknown-header.csv`],
    /^shipaudit: fixtures\/bad\/unknown-header\.csv:1: unrecognised file: headers found: name, age, city\. Known kinds: /,
  ],
  [
    'ambiguous dates',
    [`${B}/ambiguous-dates.csv`],
    /^shipaudit: fixtures\/bad\/ambiguous-dates\.csv:2: ship date: ambiguous date "03\/04\/2026": .*"dateOrder"/,
  ],
  ['nonexistent file', ['fixtures/bad/no-such-file.csv'], /^shipaudit: fixtures\/bad\/no-such-file\.csv: no such file/],
  [
    'config: unknown option of a rule',
    ['--config', severty, OK_INPUT],
    /^shipaudit: .*severty\.json: rules\.late-handover\.severty: no such option/,
  ],
  [
    'config: unknown rule',
    ['--config', noRule, OK_INPUT],
    /^shipaudit: .*no-rule\.json: rules\.late-handovr: no such rule \(known: confirmed-before-handover, /,
  ],
  [
    'config: unknown key in handling',
    ['--config', dayz, OK_INPUT],
    /^shipaudit: .*dayz\.json: handling\.dayz: unknown key/,
  ],
];

describe.each(['inspect', 'audit'])('shipaudit %s with bad input', (command) => {
  it.each(CASES)('%s', (_name, args, message) => {
    const line = expectOneLineFailure(runCli([command, ...args]));
    expect(line).toMatch(message);
  });

  it('a truncated row: the read goes on, the row is rejected with its line, exit 2', () => {
    const r = runCli([command, `${B}/truncated-row.txt`]);
    expect(r.code).toBe(2);
    // Exit 2 comes with its line (issue 15, item 14); inspect's names the file, its report has the rows.
    expect(r.stderr).toBe(
      command === 'audit'
        ? 'shipaudit: 1 row could not be read (first: fixtures/bad/truncated-row.txt:4: row has 4 of 8 columns (truncated or shifted row)); the verdict may be incomplete (--allow-rejected-rows exits by the findings)\n'
        : 'shipaudit: 1 row rejected, in fixtures/bad/truncated-row.txt (1): each is listed with its line in the output\n',
    );
    expect(r.stdout).not.toMatch(STACK);
    // The problem is part of the report (stdout), not a failure of the whole run.
    expect(r.stdout).toContain('fixtures/bad/truncated-row.txt:4: row has 4 of 8 columns (truncated or shifted row)');
    if (command === 'inspect') {
      expect(r.stdout).toContain('Rows:      4 read, 1 rejected');
    } else {
      const json = runCli([command, `${B}/truncated-row.txt`, '--format', 'json']);
      expect(json.code).toBe(2);
      const inputs = JSON.parse(json.stdout).inputs as Array<{ file: string; problems: object[] }>;
      expect(inputs.find((i) => i.file === `${B}/truncated-row.txt`)!.problems).toEqual([
        { file: `${B}/truncated-row.txt`, line: 4, message: 'row has 4 of 8 columns (truncated or shifted row)' },
      ]);
    }
  });
});

/** fixtures/formats/orders-api.jsonl with its first order's first package changed. */
function ordersApiWith(name: string, change: Record<string, unknown>): string {
  const [first, ...rest] = readFileSync('fixtures/formats/orders-api.jsonl', 'utf8').split('\n');
  const o = JSON.parse(first) as { packages: Array<Record<string, unknown>> };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete o.packages[0][k];
    else o.packages[0][k] = v;
  }
  const file = join(dir, name);
  writeFileSync(file, [JSON.stringify(o), ...rest].join('\n'));
  return file;
}

describe('an Orders API package without a usable time: never an internal error', () => {
  const cases: Array<[string, Record<string, unknown>, string | undefined]> = [
    ['shipTime null (its createdTime is the confirmation)', { shipTime: null }, undefined],
    ['shipTime missing (its createdTime is the confirmation)', { shipTime: undefined }, undefined],
    [
      'shipTime and createdTime missing',
      { shipTime: undefined, createdTime: undefined },
      'packages[0] has neither shipTime nor createdTime: no confirmation time, order not read',
    ],
    ['shipTime a number', { shipTime: 1760396280000 }, 'packages[].shipTime: unrecognised time "1760396280000"'],
  ];
  it.each(cases)('%s', (name, change, problem) => {
    const file = ordersApiWith(`${name.split(' (')[0].replace(/\W+/g, '-')}.jsonl`, change);
    for (const command of ['audit', 'inspect']) {
      const r = runCli([command, file]);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toMatch(STACK);
      if (problem === undefined) {
        expect(r.code, r.stderr).toBeLessThan(2);
        if (command === 'inspect') expect(r.stdout).toContain('Rows:      4 read, 0 rejected');
      } else {
        expect(r.code).toBe(2);
        expect(`${r.stdout}${r.stderr}`.replace(/\s+/g, ' ')).toContain(`${file}:1: ${problem}`);
        if (command === 'inspect') expect(r.stdout).toContain('Rows:      4 read, 1 rejected');
      }
    }
  });
});

it('config: the message names the full path of an unknown key, handling.dayz', () => {
  expect(expectOneLineFailure(runCli(['inspect', '--config', dayz, OK_INPUT]))).toContain('handling.dayz');
});
