import { ConfigError } from '../config/errors.js';
import { InputError, UsageError } from '../model/errors.js';
import { forTerminal } from '../report/sanitize.js';
import { lang, say, sentence } from './lang.js';

/** Exit codes, the contract with cron jobs and scripts. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export { UsageError };

/**
 * Every failure a user can cause becomes one line on stderr and exit code 2. Anything else is a bug in
 * shipaudit: still one line, with the stack only when SHIPAUDIT_DEBUG is set.
 */
export function reportFailure(e: unknown, stderr: (s: string) => void): number {
  if (e instanceof InputError || e instanceof ConfigError || e instanceof UsageError) {
    // The message may quote the file's text (a header, a value): shown inert. A reader's error names the
    // file and line itself; its reason is translated alone.
    const message =
      e instanceof InputError
        ? `${e.file}${e.line !== undefined ? `:${e.line}` : ''}${lang === 'zh' ? '：' : ': '}${sentence(e.detail)}`
        : sentence(e.message);
    stderr(`${say('failure.prefix', { message: forTerminal(message) })}\n`);
    return EXIT.usage;
  }
  const err = e as Error;
  stderr(`${say('failure.internal', { message: forTerminal(err?.message ?? String(e)) })}\n`);
  if (process.env.SHIPAUDIT_DEBUG) stderr(`${err?.stack}\n`);
  return EXIT.usage;
}
