import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, RULE_IDS, TERMS, term } from '../../src/i18n/catalogue.js';
import { COMMANDER_ERRORS_ZH, commanderErrorZh, HELP_AFTER_ZH, HELP_ZH } from '../../src/i18n/help.js';
import { langOfArgv, langOfEnv, langOfLocale, resolveLang } from '../../src/i18n/lang.js';
import { SENTENCES, translateSentence } from '../../src/i18n/sentences.js';
import { englishRuns } from '../helpers/english.js';

/**
 * Any value a message may be given: it prints as text, counts as 1, and every property or call on it gives
 * another such value. Run through a message, it records which parameters the message reads.
 */
function recordingParams(): { params: unknown; read: Set<string> } {
  const read = new Set<string>();
  const anything: unknown = new Proxy(function () {}, {
    get: (_, k) =>
      k === Symbol.toPrimitive
        ? (hint: string) => (hint === 'number' ? 1 : 'x')
        : k === Symbol.iterator
          ? [][Symbol.iterator]
          : anything,
    apply: () => anything,
  });
  const params = new Proxy({}, { get: (_, k) => (typeof k === 'string' && read.add(k), anything), has: () => true });
  return { params, read };
}

type AnyMessage = { en: (p: unknown) => unknown; zh: (p: unknown) => unknown };
/** Terms whose Chinese reads fewer parameters than the English, with all the parameters they take. */
const SHAPES: Record<string, Record<string, true>> = {
  verdictPhrase: { rule: true, n: true },
  exclusion: { key: true, label: true },
  'rules.description': { rule: true, text: true },
  'rules.option': { rule: true, name: true, value: true, text: true },
  'gate.holdReason': { reason: true, text: true },
  'gate.advice': { advice: true, text: true },
};
const LOOSE = Object.keys(SHAPES);
const entries = [...Object.entries(CATALOGUE), ...Object.entries(TERMS)] as Array<[string, AnyMessage]>;

describe('the message catalogue', () => {
  it.each(entries)('%s has English and Chinese reading the same parameters', (key, m) => {
    expect(typeof m.en).toBe('function');
    expect(typeof m.zh).toBe('function');
    const en = recordingParams();
    const zh = recordingParams();
    const enText = m.en(en.params);
    const zhText = m.zh(zh.params);
    // Chinese has no plural: a count that only picks "was"/"were" may go unread; a fallback may read more.
    if (LOOSE.includes(key)) expect([...zh.read].every((k) => k in SHAPES[key])).toBe(true);
    else expect([...zh.read].sort()).toEqual([...en.read].sort());
    if (Array.isArray(enText)) expect((zhText as string[]).length).toBe(enText.length);
  });

  it.each(entries.filter(([k]) => !['text.severity', 'check.level'].includes(k) && !(k in TERMS)))(
    '%s has Chinese free of English prose',
    (_, m) => {
      const { params } = recordingParams();
      const zh = m.zh(params);
      expect(englishRuns(Array.isArray(zh) ? zh.join(' | ') : String(zh))).toEqual([]);
    },
  );

  it.each(RULE_IDS)('rule %s has a Chinese verdict phrase and name', (rule) => {
    expect(term('zh', 'verdictPhrase', { rule, n: 2 })).toMatch(/[\u4e00-\u9fff]/);
    expect(term('zh', 'ruleName', { rule })).toMatch(/[\u4e00-\u9fff]/);
    expect(term('en', 'verdictPhrase', { rule, n: 1 })).toMatch(/^(was|has) /);
  });
});

describe('the language of a run', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh'],
    ['zh_TW.Big5', 'zh'],
    ['zh-HK', 'zh'],
    ['zh', 'zh'],
    ['en_US.UTF-8', 'en'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['de_DE.UTF-8', 'en'],
    ['zu_ZA', 'en'],
  ])('locale %s gives %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it.each([
    [{}, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'zh'],
    [{ LC_ALL: '', LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'zh_CN.UTF-8', SHIPAUDIT_LANG: 'en' }, 'en'],
    [{ LANG: 'C', SHIPAUDIT_LANG: 'zh' }, 'zh'],
    [{ LANG: 'zh_CN.UTF-8', SHIPAUDIT_LANG: 'fr' }, 'zh'],
  ] as const)('environment %j gives %s', (env, lang) => {
    expect(langOfEnv(env)).toBe(lang);
  });

  it.each([
    [['audit', 'x', '--lang', 'en'], 'en'],
    [['audit', '--lang=en', 'x'], 'en'],
    [['--lang', 'zh', 'audit'], 'zh'],
    [['audit', '--lang', 'fr'], undefined],
    [['audit', '--', '--lang', 'en'], undefined],
  ] as const)('command line %j gives %s', (argv, lang) => {
    expect(langOfArgv(argv)).toBe(lang);
  });

  it('--lang wins over the locale', () => {
    expect(resolveLang(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLang(['--lang', 'zh'], { LANG: 'en_US.UTF-8' })).toBe('zh');
  });
});

describe('help texts', () => {
  // Every command file, so that a new command's help cannot miss its Chinese.
  const commands = readdirSync(new URL('../../src/cli/commands/', import.meta.url)).map((f) => f.replace(/\.ts$/, ''));

  async function program(): Promise<Command> {
    const p = new Command();
    for (const name of commands) {
      const mod = (await import(`../../src/cli/commands/${name}.ts`)) as Record<string, unknown>;
      const register = Object.entries(mod).find(([k]) => k.startsWith('register'))![1] as (
        c: Command,
        r: unknown,
      ) => void;
      register(p, async () => undefined);
    }
    return p;
  }

  it('every command, argument and option text has a Chinese one', async () => {
    const p = await program();
    const texts = p.commands
      .flatMap((c) => [
        c.summary(),
        c.description(),
        ...c.registeredArguments.map((a) => a.description),
        ...c.options.map((o) => o.description),
      ])
      .filter(Boolean);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((s) => HELP_ZH[s] === undefined)).toEqual([]);
  });

  it('every command with examples has them in Chinese', async () => {
    const p = await program();
    const withAfter = p.commands
      .filter((c) => (c as unknown as NodeJS.EventEmitter).listenerCount('afterHelp') > 0)
      .map((c) => c.name());
    expect(withAfter.sort()).toEqual(Object.keys(HELP_AFTER_ZH).sort());
  });

  it.each(Object.entries(HELP_ZH))('%s in Chinese has no English prose', (_, zh) => {
    expect(englishRuns(zh)).toEqual([]);
  });

  it.each([
    ["error: unknown option '--bogus'\n", "错误：未知选项 '--bogus'\n"],
    [
      "error: unknown option '--form'\n(Did you mean --format?)\n",
      "错误：未知选项 '--form'\n（是不是想输入 --format？）\n",
    ],
    ["error: missing required argument 'paths'\n", "错误：缺少必需的参数 'paths'\n"],
    ["error: option '--format <format>' argument missing\n", "错误：选项 '--format <format>' 缺少值\n"],
    ["error: required option '--fixed-on <date>' not specified\n", "错误：未指定必需的选项 '--fixed-on <date>'\n"],
    [
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, zh.\n",
      "错误：选项 '--lang <lang>' 的值 'fr' 无效。可选值为 en, zh。\n",
    ],
    ["error: unknown command 'audti'\n(Did you mean audit?)\n", "错误：未知命令 'audti'\n（是不是想输入 audit？）\n"],
    [
      "error: too many arguments for 'rules'. Expected 0 arguments but got 1.\n",
      '错误：参数过多（rules）。应为 0 个，实际 1 个。\n',
    ],
  ])('commander says %j', (en, zh) => {
    expect(commanderErrorZh(en)).toBe(zh);
  });

  it('each commander pattern is exercised above', () => {
    expect(COMMANDER_ERRORS_ZH.length).toBe(7);
  });
});

describe('sentences written in English elsewhere', () => {
  it.each([
    ['2026-W40 (Sep 28)', '2026-W40（9月28日）'],
    ['the file is empty', '文件是空的'],
    ['row has 4 of 8 columns (truncated or shifted row)', '该行只有 4 列，应有 8 列（行被截断或错位）'],
    ['not a recognised input (headers of no known kind)', '不是可识别的输入文件（表头不属于任何已知类型）'],
    [
      'drops/x.html was skipped: the file is empty; whatever it should hold is missing from the audit.',
      'drops/x.html 已跳过：文件是空的；其中本应有的数据未计入审核。',
    ],
    [
      'confirmed 9.0 h after the latest ship date 2026-11-04T23:59:59-08:00',
      '在最晚发货日期 2026-11-04T23:59:59-08:00 之后 9.0 h 才确认发货',
    ],
    ['an unknown sentence stays as it is', 'an unknown sentence stays as it is'],
  ])('%j', (en, zh) => {
    expect(translateSentence('zh', en)).toBe(zh);
    expect(translateSentence('en', en)).toBe(en);
  });

  it('no pattern is shadowed by an earlier one for its own example', () => {
    expect(SENTENCES.length).toBeGreaterThan(20);
  });
});
