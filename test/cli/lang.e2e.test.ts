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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli } from '../helpers/cli.js';
import { englishRuns, withoutData } from '../helpers/english.js';

/**
 * The built CLI under a Chinese locale: no English message outside the letter to Amazon. Text taken from
 * the input files (event texts, carrier names, headers) is data and removed before looking.
 */

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (`npm test` does)');
});

function shipaudit(env: Record<string, string>, cwd: string, ...args: string[]) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(LC_ALL|LC_MESSAGES|LANG|SHIPAUDIT_LANG)$/.test(k)),
  );
  return runBuiltCli(args, {
    cwd,
    env: { ...base, NO_COLOR: '1', COLUMNS: '400', SHIPAUDIT_CHROMIUM: 'none', SHIPAUDIT_DEBUG: '', ...env },
  });
}

const ZH = { LANG: 'zh_CN.UTF-8' };

/** Every cell and line of the files under a path: what the inputs say, in their own words. */
function dataOf(...paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) return readdirSync(p).forEach((f) => walk(join(p, f)));
    const text = readFileSync(p, 'latin1').includes('\u0000') ? '' : readFileSync(p, 'utf8');
    for (const line of text.split(/\r?\n/)) {
      out.push(line);
      for (const cell of line.split(/[\t,]/)) out.push(cell.replace(/^"|"$/g, '').trim());
    }
  };
  paths.forEach(walk);
  return out;
}

const SAMPLE = join(ROOT, 'fixtures/sample-month');
const sampleData = dataOf(SAMPLE);
/**
 * inspect's "records as read" tables show each record's fields as the readers hold them (status shipped,
 * possession true): values of the data, named by field, left out like the files' own text.
 */
const withoutRecords = (text: string) => text.replace(/^ {2}读取结果示例：\n(?: {4}.*\n)*/gm, '');
const english = (text: string, data: string[] = []) => englishRuns(withoutData(text, data));

describe('under LANG=zh_CN.UTF-8', () => {
  it('the audit of the sample month is Chinese', () => {
    const r = shipaudit(ZH, ROOT, 'audit', 'fixtures/sample-month');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('204 个包裹中有 47 个在承运商收到包裹之前就确认了发货（错误）');
    expect(english(r.stdout, sampleData)).toEqual([]);
    expect(r.stderr).toBe('');
  });

  it.each(['', 'audit', 'check', 'appeal', 'inspect', 'explain', 'confirm', 'fetch', 'init', 'rules'])(
    '`%s --help` is Chinese',
    (cmd) => {
      const r = shipaudit(ZH, ROOT, ...(cmd ? [cmd] : []), '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：\s?shipaudit/);
      expect(english(r.stdout)).toEqual([]);
    },
  );

  it.each([
    ['an empty file', ['audit', 'fixtures/bad/empty.txt'], 'shipaudit：fixtures/bad/empty.txt：文件是空的\n'],
    [
      'an ambiguous date',
      ['audit', 'fixtures/bad/ambiguous-dates.csv'],
      'shipaudit：fixtures/bad/ambiguous-dates.csv:2：发货日期：日期 "03/04/2026" 有歧义，无法分辨日和月（请为此文件设置 "dateOrder"）\n',
    ],
    [
      'a binary file',
      ['audit', 'fixtures/bad/binary.bin'],
      'shipaudit：fixtures/bad/binary.bin：不是文本文件（二进制内容）：应为报告、CSV、TSV、JSON 或 XLSX 导出文件\n',
    ],
    [
      'a header without rows',
      ['audit', 'fixtures/bad/header-only.txt'],
      'shipaudit：fixtures/bad/header-only.txt:1：只有表头行，没有数据行\n',
    ],
    ['a file that is not there', ['audit', 'nothere.txt'], 'shipaudit：nothere.txt：文件或文件夹不存在\n'],
    [
      'a wrong --format',
      ['audit', 'fixtures/sample-month', '--format', 'xml'],
      'shipaudit：--format：应为 text 或 json，收到的是 "xml"\n',
    ],
    [
      'an unknown option',
      ['audit', 'fixtures/sample-month', '--bogus'],
      "错误：未知选项 '--bogus'\n（加 --help 查看用法）\n",
    ],
    ['a missing argument', ['audit'], "错误：缺少必需的参数 'paths'\n（加 --help 查看用法）\n"],
  ])('bad input (%s): one Chinese line, exit 2', (_, args, line) => {
    const r = shipaudit(ZH, ROOT, ...args);
    expect([r.code, r.stderr]).toEqual([2, line]);
  });

  it('check without a config file: one Chinese line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-lang-'));
    made.push(dir);
    const r = shipaudit(ZH, dir, 'check');
    expect([r.code, r.stderr]).toEqual([
      2,
      'shipaudit：没有配置文件：请在这里运行 `shipaudit init` 生成 shipaudit.config.json，然后在 "inputs" 中列出你的输入文件夹\n',
    ]);
  });

  it('a truncated row: the report and the exit line are Chinese', () => {
    const r = shipaudit(ZH, ROOT, 'audit', 'fixtures/bad/truncated-row.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^shipaudit：1 行无法读取（第一处：fixtures\/bad\/truncated-row\.txt:4：该行只有 4 列，应有 8 列/,
    );
    expect(english(r.stdout + r.stderr, dataOf(join(ROOT, 'fixtures/bad/truncated-row.txt')))).toEqual([]);
  });

  it('the nightly check is Chinese, night after night (fixtures/nightly/README.md)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-lang-'));
    made.push(dir);
    writeFileSync(
      join(dir, 'shipaudit.config.json'),
      JSON.stringify({ inputs: ['drops/amazon', 'drops/tracking'], marketplaceTimeZone: 'America/Los_Angeles' }),
    );
    mkdirSync(join(dir, 'drops'));
    const nights: Array<[string | undefined, string, number, string]> = [
      ['base', '2026-11-08T08:00', 0, '一切正常'],
      [undefined, '2026-11-10T06:00', 1, '订单数据已过时'],
      ['night-1', '2026-11-10T06:00', 1, '1 个订单已过最晚发货日期'],
      ['night-2', '2026-11-11T06:00', 1, '上次运行以来的新问题'],
      ['night-3', '2026-11-12T06:00', 1, '上次运行以来的新问题'],
    ];
    for (const [set, asOf, code, says] of nights) {
      if (set) cpSync(join(ROOT, 'fixtures/nightly', set), join(dir, 'drops'), { recursive: true });
      const r = shipaudit(ZH, dir, 'check', '--as-of', asOf);
      expect([asOf, r.code]).toEqual([asOf, code]);
      expect(r.stdout).toContain(says);
      expect(english(r.stdout + r.stderr, dataOf(join(dir, 'drops')))).toEqual([]);
    }
  });

  it.each([
    // (inspect exits 2: the folder's README.txt is no input; explain 1: the order breaks rules.)
    ['inspect of the sample month', ['inspect', 'fixtures/sample-month'], 0],
    ['explain of one order', ['explain', '111-7625964-1065606', 'fixtures/sample-month'], 1],
    ['the rules', ['rules'], 0],
  ] as const)('%s is Chinese', (_, args, code) => {
    const r = shipaudit(ZH, ROOT, ...args);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(english(withoutRecords(r.stdout) + r.stderr, sampleData)).toEqual([]);
  });

  it('the confirmation gate (a dry run) is Chinese', () => {
    const gate = join(ROOT, 'fixtures/gate');
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-lang-'));
    made.push(dir);
    const r = shipaudit(
      ZH,
      dir,
      'confirm',
      gate,
      '--as-of',
      '2026-10-16T12:00',
      '--marketplace-tz',
      'America/Los_Angeles',
    );
    expect(r.stdout).toContain('演练');
    expect(english(r.stdout + r.stderr, dataOf(gate))).toEqual([]);
  });

  it("the appeal pack's note and the guidance around the letter are Chinese; the letter stays English", () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-lang-'));
    made.push(dir);
    const r = shipaudit(
      ZH,
      ROOT,
      'appeal',
      'fixtures/sample-month',
      '--fixed-on',
      '2026-11-03',
      '--out',
      join(dir, 'pack'),
    );
    expect(r.code).toBe(0);
    expect(english(r.stdout.replaceAll(dir, ''), sampleData)).toEqual([]);
    expect(english(r.stderr.replaceAll(dir, ''))).toEqual([]);
    const poa = readFileSync(join(dir, 'pack/plan-of-action.txt'), 'utf8');
    const [header, , ...letter] = poa.split('\n');
    expect(english(header)).toEqual([]);
    expect(letter.join('\n')).toContain('Dear Seller Performance team,');
    // Each placeholder keeps its English and says in Chinese what to write there.
    const placeholders = poa.match(/\[\[SELLER TO FILL: [^\]]*\]\]/g) ?? [];
    expect(placeholders.length).toBeGreaterThan(5);
    expect(placeholders.filter((p) => !/／ 请/.test(p))).toEqual([]);
  });
});

describe('--lang en under a Chinese locale', () => {
  it.each([
    [['audit', 'fixtures/sample-month']],
    [['audit', 'fixtures/bad/empty.txt']],
    [['audit', '--help']],
    [['audit', 'fixtures/sample-month', '--bogus']],
  ])('%j is the English of a run without a locale', (args) => {
    const en = shipaudit({}, ROOT, ...args);
    expect(shipaudit({ ...ZH, LC_ALL: 'zh_CN.UTF-8' }, ROOT, ...args, '--lang', 'en')).toEqual(en);
    expect(shipaudit({}, ROOT, ...args, '--lang', 'zh')).toEqual(shipaudit(ZH, ROOT, ...args));
  });

  it('JSON output is the same in both languages', () => {
    const en = shipaudit({}, ROOT, 'audit', 'fixtures/sample-month', '--format', 'json');
    const zh = shipaudit(ZH, ROOT, 'audit', 'fixtures/sample-month', '--format', 'json');
    expect(zh).toEqual(en);
    expect(JSON.parse(en.stdout).summary.shipments).toBe(204);
  });
});
