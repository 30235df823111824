/**
 * Which language the CLI speaks: English or Simplified Chinese. Chosen by `--lang`, else SHIPAUDIT_LANG,
 * else the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG: the first one set decides, as for every
 * POSIX program). Any Chinese locale gives zh: zh_CN, zh_SG, and zh_TW, zh_HK too, since Traditional
 * readers read Simplified and there is no Traditional text yet. Anything else, C and POSIX included, is en.
 */

export type Lang = 'en' | 'zh';
const LANGS: readonly Lang[] = ['en', 'zh'];

export function isLang(s: string | undefined): s is Lang {
  return s !== undefined && (LANGS as readonly string[]).includes(s);
}

/** The language a locale name asks for: zh for zh, zh_CN.UTF-8, zh-TW, zh_HK.Big5…; en for anything else. */
export function langOfLocale(locale: string): Lang {
  return /^zh(?:[_\-.@]|$)/i.test(locale.trim()) ? 'zh' : 'en';
}

/** The environment's language: SHIPAUDIT_LANG (en or zh), else the first of LC_ALL, LC_MESSAGES, LANG set. */
export function langOfEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const own = env.SHIPAUDIT_LANG?.trim().toLowerCase();
  if (isLang(own)) return own;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return langOfLocale(value);
  }
  return 'en';
}

/**
 * The value of `--lang` in a command line (`--lang zh` or `--lang=zh`), read before commander parses it:
 * the help texts are written in the language before parsing. Undefined when absent or not en/zh (commander
 * then reports a wrong value itself). Only options before a lone `--` count.
 */
export function langOfArgv(argv: readonly string[]): Lang | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--lang') found = argv[i + 1];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return isLang(found) ? found : undefined;
}

/** `--lang` wins over the environment; the default is English. */
export function resolveLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  return langOfArgv(argv) ?? langOfEnv(env);
}
