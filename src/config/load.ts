import { readFile } from 'node:fs/promises';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { RULES } from '../rules/index.js';
import { isCalendarDate, zoneNameProblem } from '../read/time.js';
import { configSchema, type Config } from './schema.js';

import { ConfigError, MAX_GRACE_HOURS } from './errors.js';

export { ConfigError, DEFAULT_CONFIG_NAME } from './errors.js';

const INIT_HINT = '`shipaudit init` writes an example with every key';

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `${file}: can't read the config file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
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
  const hidden = prototypeKey(raw);
  if (hidden) throw new ConfigError(`${file}: ${hidden}: unknown key (check the spelling; ${INIT_HINT})`);
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    // zod puts an unknown key's name in the issue, not in its path: name the key itself, e.g. handling.dayz.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)].join('.') || '(top level)';
    const message = keys.length
      ? `unknown key${keys.length > 1 ? `s ${keys.map((k) => `"${k}"`).join(', ')}` : ''} (check the spelling; \`shipaudit init\` writes an example with every key)`
      : issue.message;
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
  const zone = config.marketplaceTimeZone;
  const zoneProblem = zone === undefined ? undefined : zoneNameProblem(zone);
  if (zoneProblem) bad('marketplaceTimeZone', zoneProblem);
  config.files?.forEach((f, i) => {
    const problem = f.timeZone === undefined ? undefined : zoneNameProblem(f.timeZone);
    if (problem) bad(`files.${i}.timeZone`, problem);
  });
  config.handling?.holidays?.forEach((d, i) => {
    if (!isCalendarDate(d)) bad(`handling.holidays.${i}`, `"${d}" is not a real date (no such day in the calendar)`);
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
        if (!opt)
          bad(`rules.${id}.${key}`, `no such option (known: ${Object.keys(rule!.meta.options).join(', ') || 'none'})`);
        if (typeof value !== typeof opt.default) bad(`rules.${id}.${key}`, `expected a ${typeof opt.default}`);
        // Hours of grace: 0 to 30 days (a negative grace flags every shipment, a huge one none).
        if (typeof value === 'number' && /hours$/i.test(key) && !(value >= 0 && value <= MAX_GRACE_HOURS)) {
          bad(`rules.${id}.${key}`, `expected hours from 0 to ${MAX_GRACE_HOURS}, got ${value}`);
        }
      }
    }
  }
}

/**
 * The path of a "__proto__" (or "constructor"/"prototype") key anywhere in the parsed config, or undefined.
 * A parser may turn "__proto__" into the object's prototype: its keys then reach the settings as inherited
 * values that the schema, which looks at own keys only, never sees.
 */
function prototypeKey(value: unknown, path: string[] = []): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return [...path, '__proto__'].join('.');
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return [...path, key].join('.');
    const inner = prototypeKey((value as Record<string, unknown>)[key], [...path, key]);
    if (inner) return inner;
  }
  return undefined;
}
