import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, printHtmlToPdf } from '../../src/cli/pdf.js';

/**
 * Finding the browser, and printing's failures, with stand-in browsers (shell scripts). The real Chromium
 * print is tested by test/report/html.browser.test.ts and the appeal's e2e test.
 */
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-pdf-unit-'));
const bin = join(dir, 'bin');
const empty = join(dir, 'empty');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(file: string, body: string): string {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A stand-in that writes `bytes` where --print-to-pdf= says, then exits with `code`. */
const printer = (bytes: string, code = 0) =>
  `for a in "$@"; do case "$a" in --print-to-pdf=*) printf '${bytes}' > "\${a#--print-to-pdf=}";; esac; done\nexit ${code}`;

describe.skipIf(process.platform === 'win32')('the browser for report.pdf', () => {
  beforeAll(() => {
    mkdirSync(bin, { recursive: true });
    mkdirSync(empty, { recursive: true });
    script(join(bin, 'chromium'), 'exit 0');
    script(join(bin, 'google-chrome'), 'exit 0');
    writeFileSync(join(bin, 'not-executable'), '');
  });

  it.each<[string, NodeJS.ProcessEnv, { path?: string; reason?: string }]>([
    ['turned off', { SHIPAUDIT_CHROMIUM: 'none', PATH: bin }, { reason: 'SHIPAUDIT_CHROMIUM=none' }],
    [
      'named but missing',
      { SHIPAUDIT_CHROMIUM: join(dir, 'nope'), PATH: bin },
      { reason: `SHIPAUDIT_CHROMIUM=${join(dir, 'nope')} is not an executable file` },
    ],
    [
      'named but not executable',
      { SHIPAUDIT_CHROMIUM: join(bin, 'not-executable'), PATH: bin },
      { reason: `SHIPAUDIT_CHROMIUM=${join(bin, 'not-executable')} is not an executable file` },
    ],
    [
      'named and there',
      { SHIPAUDIT_CHROMIUM: join(bin, 'google-chrome'), PATH: empty },
      { path: join(bin, 'google-chrome') },
    ],
    ['chromium first, searched along the PATH', { PATH: `${empty}:${bin}` }, { path: join(bin, 'chromium') }],
    ['an empty setting is no setting', { SHIPAUDIT_CHROMIUM: '', PATH: bin }, { path: join(bin, 'chromium') }],
  ])('%s', (_, env, expected) => {
    expect(findChromium(env)).toEqual(expected);
  });

  it.each<[string, string, string | undefined]>([
    ['a browser that prints', printer('%%PDF-1.4 test'), undefined],
    ['a browser that fails', printer('', 3), 'did not print the report (exit 3)'],
    ['a browser that writes no PDF', printer('<html>'), 'did not print the report'],
  ])('%s', async (_, body, reason) => {
    const browser = script(join(dir, `browser-${Math.random().toString(36).slice(2)}`), body);
    const outcome = await printHtmlToPdf('<p>x</p>', { SHIPAUDIT_CHROMIUM: browser });
    if (reason === undefined) expect(outcome).toEqual({ pdf: Buffer.from('%PDF-1.4 test') });
    else expect(outcome).toEqual({ reason: `${browser} ${reason}` });
  });

  it('says why when there is no browser to print with', async () => {
    expect(await printHtmlToPdf('<p>x</p>', { SHIPAUDIT_CHROMIUM: 'none' })).toEqual({
      reason: 'SHIPAUDIT_CHROMIUM=none',
    });
  });
});
