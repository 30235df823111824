import { readFile } from 'node:fs/promises';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { RULES } from '../rules/index.js';
import { isValidZone } from '../read/time.js';
import { configSchema, type Config } from './schema.js';

import { ConfigError } from './errors.js';

export { ConfigError, DEFAULT_CONFIG_NAME } from './errors.js';

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: can't read the config file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), file);
}

export function parseConfig(text: string, file: string): Config {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const e = errors[0];
    const line = text.slice(0, e.offset).split('\n').length;
    throw new ConfigError(`${file}:${line}: not valid JSON (${printParseErrorCode(e.error)})`);
  }
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    // zod puts an unknown key's name in the issue, not in its path: name the key itself, e.g. handling.dayz.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)].join('.') || '(top level)';
    const message = keys.length ? `unknown key${keys.length > 1 ? `s ${keys.map((k) => `"${k}"`).join(', ')}` : ''} (check the spelling; \`shipaudit init\` writes an example with every key)` : issue.message;
    throw new ConfigError(`${file}: ${path}: ${message}`);
  }
  const config = result.data;
  checkMeaning(config, file);
  return config;
}

/** What the schema can't say: zones that exist, rule ids and options that exist. */
function checkMeaning(config: Config, file: string): void {
  const bad = (path: string, msg: string) => {
    throw new ConfigError(`${file}: ${path}: ${msg}`);
  };
  if (config.marketplaceTimeZone && !isValidZone(config.marketplaceTimeZone)) {
    bad('marketplaceTimeZone', `unknown time zone "${config.marketplaceTimeZone}" (use an IANA name such as America/Los_Angeles)`);
  }
  config.files?.forEach((f, i) => {
    if (f.timeZone && !isValidZone(f.timeZone)) bad(`files.${i}.timeZone`, `unknown time zone "${f.timeZone}"`);
  });
  config.events?.forEach((e, i) => {
    if (e.pattern) {
      try {
        new RegExp(e.pattern, 'i');
      } catch (err) {
        bad(`events.${i}.pattern`, `not a valid regular expression (${(err as Error).message})`);
      }
    }
  });
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = RULES.find((r) => r.meta.id === id);
    if (!rule) bad(`rules.${id}`, `no such rule (known: ${RULES.map((r) => r.meta.id).join(', ')})`);
    if (typeof setting === 'object') {
      for (const [key, value] of Object.entries(setting)) {
        if (key === 'severity') continue;
        const opt = rule!.meta.options[key];
        if (!opt) bad(`rules.${id}.${key}`, `no such option (known: ${Object.keys(rule!.meta.options).join(', ') || 'none'})`);
        if (typeof value !== typeof opt.default) bad(`rules.${id}.${key}`, `expected a ${typeof opt.default}`);
      }
    }
  }
}
