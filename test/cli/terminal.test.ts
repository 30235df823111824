import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  colorWanted,
  fitToWidth,
  mayTrim,
  terminalWidth,
  trimLine,
  wrapLine,
  type ColorChoice,
} from '../../src/cli/terminal.js';
import { displayWidth } from '../../src/report/style.js';
import { ROOT, runCli } from '../helpers/cli.js';

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('terminalWidth', () => {
  // [stream, COLUMNS, width]
  const CASES: Array<[{ isTTY?: boolean; columns?: number }, string | undefined, number]> = [
    [{ isTTY: true, columns: 132 }, undefined, 132],
    [{ isTTY: true, columns: 0 }, undefined, 80],
    [{ isTTY: false, columns: 200 }, undefined, 80],
    [{}, undefined, 80],
    [{}, '60', 60],
    [{ isTTY: true, columns: 132 }, '100', 100],
    [{ isTTY: true, columns: 132 }, 'wide', 132],
    [{}, '0', 80],
  ];
  it.each(CASES)('%j with COLUMNS=%s → %i', (stream, columns, want) => {
    expect(terminalWidth(stream, columns === undefined ? {} : { COLUMNS: columns })).toBe(want);
  });
});

describe('mayTrim', () => {
  it.each<[{ isTTY?: boolean }, string | undefined, boolean]>([
    [{ isTTY: true }, undefined, true],
    [{ isTTY: false }, undefined, false],
    [{}, undefined, false],
    [{}, '', false],
    [{}, '100', true],
    [{}, 'wide', false],
  ])('%j with COLUMNS=%s → %s', (stream, columns, want) => {
    expect(mayTrim(stream, columns === undefined ? {} : { COLUMNS: columns })).toBe(want);
  });
});

describe('fitToWidth without cutting', () => {
  const row = 'no-carrier-scan            error    The carrier has information about the parcel but never scanned it';
  it.each([20, 40, 60])('at %i columns nothing is cut and every word stays', (width) => {
    const fitted = fitToWidth(row, width, false);
    expect(fitted).not.toContain('…');
    expect(fitted.split(/\s+/)).toEqual(row.split(/\s+/));
  });
  it('a word longer than the width stays whole', () => {
    expect(fitToWidth('see /a/very/long/path/to/the/evidence/file.csv now', 20, false).split('\n')).toEqual([
      'see',
      '/a/very/long/path/to/the/evidence/file.csv',
      'now',
    ]);
  });
});

describe('colorWanted', () => {
  // [--color, env, stdout is a TTY, colour]
  const CASES: Array<[ColorChoice, NodeJS.ProcessEnv, boolean, boolean]> = [
    ['auto', {}, true, true],
    ['auto', {}, false, false],
    ['auto', { TERM: 'dumb' }, true, false],
    ['auto', { NO_COLOR: '1' }, true, false],
    ['auto', { NO_COLOR: '' }, true, true],
    ['auto', { FORCE_COLOR: '1' }, false, true],
    ['auto', { FORCE_COLOR: '' }, false, true],
    ['auto', { FORCE_COLOR: '0' }, true, false],
    ['auto', { FORCE_COLOR: 'false' }, true, false],
    ['auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['always', { NO_COLOR: '1' }, false, true],
    ['never', { FORCE_COLOR: '3' }, true, false],
  ];
  it.each(CASES)('--color %s, %j, TTY %s → %s', (choice, env, tty, want) => {
    expect(colorWanted(choice, env, tty)).toBe(want);
  });
});

describe('fitting lines', () => {
  it.each([
    ['abcdefghij', 5, 'abcd…'],
    ['收寄收寄收寄', 7, '收寄收…'],
    ['\u001b[31mabcdefghij\u001b[39m', 5, '\u001b[31mabcd…\u001b[0m'],
    ['short', 10, 'short'],
  ])('trimLine(%j, %i) → %j', (line, width, want) => {
    expect(trimLine(line, width)).toBe(want);
    expect(displayWidth(trimLine(line, width))).toBeLessThanOrEqual(width);
  });

  it('wraps prose at spaces, list items under their text', () => {
    expect(wrapLine('✘ 47 of 204 shipments were confirmed before the carrier had them', 30)).toEqual([
      '✘ 47 of 204 shipments were',
      '  confirmed before the carrier',
      '  had them',
    ]);
    expect(wrapLine('  indented text that is too long', 20)).toEqual(['  indented text that', '  is too long']);
  });

  it('wraps the last cell of a table row under itself, or trims the row when that cell is narrow', () => {
    const row = 'no-carrier-scan            error    The carrier has information about the parcel';
    expect(fitToWidth(row, 70).split('\n')).toEqual([
      'no-carrier-scan            error    The carrier has information about',
      '                                    the parcel',
    ]);
    expect(fitToWidth(row, 60)).toBe('no-carrier-scan            error    The carrier has informa…');
  });
});

describe('the CLI fits its text to the width', () => {
  const COMMANDS = [
    ['audit', 'fixtures/sample-month'],
    ['rules'],
    ['explain', '111-7625964-1065606', 'fixtures/sample-month'],
    ['inspect', 'fixtures/sample-month/tracking.csv'],
  ];
  it.each(COMMANDS.flatMap((c) => [40, 80, 120].map((w) => [c, w] as const)))('%j at %i columns', (args, width) => {
    const r = runCli(args, { env: { COLUMNS: String(width) } });
    expect([0, 1]).toContain(r.code);
    expect(widest(r.stdout)).toBeLessThanOrEqual(width);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  it('the verdict, one long line at full width, is broken into lines of at most 80 by default', () => {
    const wide = runCli(['audit', 'fixtures/sample-month'], { env: { COLUMNS: '1000' } }).stdout.split('\n')[0];
    expect(displayWidth(wide)).toBeGreaterThan(200);
    const r = runCli(['audit', 'fixtures/sample-month'], { env: { COLUMNS: '' } });
    const lines = r.stdout.split('\n');
    // Prose is wrapped at 80; only table rows that cannot wrap stay wider (see the next test).
    expect(lines.filter((l) => displayWidth(l) > 80 && !/\S {2,}\S/.test(l.trim()))).toEqual([]);
    // The same words, only broken differently.
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const verdict = lines
      .slice(
        0,
        lines.findIndex((l) => l === ''),
      )
      .join(' ');
    expect(words(verdict)).toEqual(words(wide));
  });

  // A pipe, a file, cron mail: nobody can widen the window, so no cell is cut (issue: "not confirmed;…").
  it('in a pipe, table rows stay whole: the worst offenders keep their last column', () => {
    const piped = runCli(['audit', 'fixtures/sample-month'], { env: { COLUMNS: '' } }).stdout;
    const wide = runCli(['audit', 'fixtures/sample-month'], { env: { COLUMNS: '1000' } }).stdout;
    const rows = (s: string) => s.split('\n').filter((l) => /^\s+\d{3}-\d{7}-\d{7}\s{2,}/.test(l));
    expect(rows(wide).length).toBeGreaterThan(5);
    expect(rows(piped)).toEqual(rows(wide));
  });

  it.each([
    [['--color', 'always'], {}, true],
    [['--color', 'never'], { FORCE_COLOR: '1' }, false],
    [[], { FORCE_COLOR: '1', NO_COLOR: '' }, true],
    [[], {}, false],
  ])('%j with %j: colour %s', (flags, env, coloured) => {
    const r = runCli([...flags, 'rules'], { env: { NO_COLOR: '', ...env } });
    expect(r.code).toBe(0);
    expect(r.stdout.includes('\u001b[')).toBe(coloured);
  });

  it('shows no progress when stderr is not a terminal', () => {
    const r = runCli(['audit', 'fixtures/sample-month']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('refuses an unknown --color value', () => {
    const r = runCli(['--color', 'sometimes', 'rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--color <when>' argument 'sometimes' is invalid/);
  });

  // A real pseudo-terminal (util-linux `script`) of 70 columns: the width comes from the terminal itself.
  it('in a 70-column terminal, no line of stdout or stderr is wider than 70', () => {
    const cmd = `stty cols 70 rows 40; ${JSON.stringify(process.execPath)} bin/shipaudit.js audit fixtures/sample-month`;
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined };
    delete env.COLUMNS;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    // What the terminal shows last on each row: the progress line is redrawn in place (cursor to column 1,
    // erase line), so only what follows the last such move stays; other control sequences take no cells.
    const shown = r.stdout.split('\r\n').map((l) =>
      l
        .split(/\r|\u001b\[1G/)
        .at(-1)!
        .replace(/\u001b\[[0-9;?]*[A-Za-ln-z]|\u001b[78]/g, ''),
    );
    // The first step is drawn at once: the first file, with the bytes read of this thread's files.
    expect(r.stdout).toMatch(/reading [a-z-]+\.(txt|csv) [█░]{10} \d+(\.\d)?\/\d+(\.\d)? MB \(\d+%\) · \d+ s/);
    expect(shown.length).toBeGreaterThan(20);
    for (const l of shown) expect(displayWidth(l), l).toBeLessThanOrEqual(70);
    expect(r.stdout).toContain('\u001b[31m');
  });
});
