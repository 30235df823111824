import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeText, parseChcp, textEncoding, type ConsoleFacts } from '../../src/cli/console.js';
import { ROOT, runCli } from '../helpers/cli.js';

describe('textEncoding: the bytes of the text report for whoever reads stdout', () => {
  // [what, facts, encoding]
  const CASES: Array<[string, ConsoleFacts, string]> = [
    ['Linux terminal', { platform: 'linux', stdout: 'tty', env: {} }, 'utf8'],
    ['Linux pipe', { platform: 'linux', stdout: 'pipe', env: {} }, 'utf8'],
    ['macOS pipe, code page irrelevant', { platform: 'darwin', stdout: 'pipe', env: {}, codePage: 936 }, 'utf8'],
    ['Linux pipe, asked for GBK', { platform: 'linux', stdout: 'pipe', env: { SHIPAUDIT_ENCODING: 'gbk' } }, 'gbk'],
    ['Linux file, asked for GBK', { platform: 'linux', stdout: 'file', env: { SHIPAUDIT_ENCODING: 'gbk' } }, 'gbk'],
    [
      'Linux pipe, asked for UTF-8 spelled otherwise',
      { platform: 'linux', stdout: 'pipe', env: { SHIPAUDIT_ENCODING: 'UTF-8' } },
      'utf8',
    ],
    // Node writes UTF-16 to a Windows console itself: Chinese shows in code page 936 with nothing done.
    ['Windows console, code page 936', { platform: 'win32', stdout: 'tty', env: {}, codePage: 936 }, 'utf8'],
    [
      'Windows console, asked for GBK (Node would read it as UTF-8)',
      { platform: 'win32', stdout: 'tty', env: { SHIPAUDIT_ENCODING: 'gbk' } },
      'utf8',
    ],
    ['Windows pipe, code page 936', { platform: 'win32', stdout: 'pipe', env: {}, codePage: 936 }, 'cp936'],
    ['Windows pipe, code page 950 (Big5)', { platform: 'win32', stdout: 'pipe', env: {}, codePage: 950 }, 'cp950'],
    ['Windows pipe, code page 932 (Shift_JIS)', { platform: 'win32', stdout: 'pipe', env: {}, codePage: 932 }, 'cp932'],
    ['Windows pipe after chcp 65001', { platform: 'win32', stdout: 'pipe', env: {}, codePage: 65001 }, 'utf8'],
    ['Windows pipe, code page unknown', { platform: 'win32', stdout: 'pipe', env: {} }, 'utf8'],
    [
      'Windows pipe, Git Bash',
      { platform: 'win32', stdout: 'pipe', env: { MSYSTEM: 'MINGW64' }, codePage: 936 },
      'utf8',
    ],
    // A file is read by an editor (Notepad reads UTF-8), the Task Scheduler's log among them.
    ['Windows file, code page 936', { platform: 'win32', stdout: 'file', env: {}, codePage: 936 }, 'utf8'],
    [
      'Windows file, asked for GBK',
      { platform: 'win32', stdout: 'file', env: { SHIPAUDIT_ENCODING: 'gbk' }, codePage: 936 },
      'gbk',
    ],
    [
      'Windows pipe, asked for UTF-8',
      { platform: 'win32', stdout: 'pipe', env: { SHIPAUDIT_ENCODING: 'utf8' }, codePage: 936 },
      'utf8',
    ],
    [
      'Windows pipe, asked for GB18030',
      { platform: 'win32', stdout: 'pipe', env: { SHIPAUDIT_ENCODING: 'gb18030' }, codePage: 936 },
      'gb18030',
    ],
    [
      'Windows pipe, an unknown encoding asked',
      { platform: 'win32', stdout: 'pipe', env: { SHIPAUDIT_ENCODING: 'klingon' }, codePage: 936 },
      'cp936',
    ],
    ['Windows pipe, an unknown code page', { platform: 'win32', stdout: 'pipe', env: {}, codePage: 12345 }, 'utf8'],
  ];
  it.each(CASES)('%s → %s', (_what, facts, want) => {
    expect(textEncoding(facts)).toBe(want);
  });
});

describe('parseChcp: the code page in what chcp prints', () => {
  it.each([
    ['Active code page: 936\r\n', 936],
    // A Chinese Windows answers in GBK; read as latin1, only the digits matter.
    [iconv.decode(iconv.encode('活动代码页: 936\r\n', 'cp936'), 'latin1'), 936],
    ['Aktive Codepage: 850.\r\n', 850],
    ['Active code page: 65001', 65001],
    ['', undefined],
    ['chcp is not recognized', undefined],
  ])('%j → %s', (output, want) => {
    expect(parseChcp(output)).toBe(want);
  });
});

describe('encodeText', () => {
  it.each([
    ['utf8', '包裹已交第三方代理', Buffer.from('包裹已交第三方代理', 'utf8')],
    ['cp936', '包裹已交第三方代理', Buffer.from('b0fcb9fcd2d1bdbbb5dac8fdb7bdb4fac0ed', 'hex')],
  ])('%s', (encoding, text, bytes) => {
    expect(Buffer.from(encodeText(text, encoding))).toEqual(bytes);
  });
});

describe('the CLI with SHIPAUDIT_ENCODING', () => {
  /** stdout's bytes, undecoded. */
  const raw = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [`${ROOT}/bin/shipaudit.js`, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
  const sample = ['audit', 'fixtures/sample-month'];
  const utf8 = runCli(sample);

  it('writes the text report in the encoding asked for: the same text', () => {
    expect(utf8.stdout).toContain('包裹已交第三方代理');
    const r = raw(sample, { SHIPAUDIT_ENCODING: 'gb18030' });
    expect(r.status).toBe(utf8.code);
    expect(r.stdout.includes(Buffer.from('包裹已交第三方代理'))).toBe(false);
    expect(iconv.decode(r.stdout, 'gb18030')).toBe(utf8.stdout);
  });

  it('leaves JSON in UTF-8', () => {
    const args = [...sample, '--format', 'json'];
    expect(raw(args, { SHIPAUDIT_ENCODING: 'gbk' }).stdout).toEqual(raw(args).stdout);
  });
});
