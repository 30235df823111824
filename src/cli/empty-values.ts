import type { Command } from 'commander';
import { UsageError } from './errors.js';
import { say } from './lang.js';

/** The value names (`--out <dir>`, `<paths...>`) of options and arguments that name a file or folder. */
const PATHS: ReadonlySet<string> = new Set(['file', 'dir', 'path', 'paths']);

/**
 * Refuses an option or argument given as an empty string (`--evidence ""`, a variable that was not set):
 * a command would take it as not given and go on without the file the user meant (no evidence written,
 * the default state file, the working folder as the pack). No value of shipaudit's is meaningfully empty.
 */
export function refuseEmptyValues(cmd: Command): void {
  for (const opt of cmd.options) {
    if (!isEmpty(cmd.getOptionValue(opt.attributeName()))) continue;
    throw new UsageError(say('usage.empty', { what: opt.long ?? opt.flags, path: PATHS.has(valueName(opt.flags)) }));
  }
  cmd.registeredArguments.forEach((arg, i) => {
    if (isEmpty(cmd.processedArgs[i]))
      throw new UsageError(say('usage.empty', { what: `<${arg.name()}>`, path: PATHS.has(arg.name()) }));
  });
}

const isEmpty = (v: unknown): boolean => v === '' || (Array.isArray(v) && v.includes(''));

/** `--out <dir>` → "dir", `--reemit <order-ids...>` → "order-ids". */
function valueName(flags: string): string {
  return /<([^>.]+)(?:\.\.\.)?>/.exec(flags)?.[1] ?? '';
}
