import { ConfigError } from '../config/errors.js';
import { InputError, UsageError } from '../model/errors.js';
import { forTerminal } from '../report/sanitize.js';

/** Exit codes, the contract with cron jobs and scripts. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export { UsageError };

/**
 * Every failure a user can cause becomes one line on stderr and exit code 2. Anything else is a bug in
 * shipaudit: still one line, with the stack only when SHIPAUDIT_DEBUG is set.
 */
export function reportFailure(e: unknown, stderr: (s: string) => void): number {
  if (e instanceof InputError || e instanceof ConfigError || e instanceof UsageError) {
    // The message may quote the file's text (a header, a value): shown inert.
    stderr(`shipaudit: ${forTerminal(e.message)}\n`);
    return EXIT.usage;
  }
  const err = e as Error;
  stderr(`shipaudit: internal error: ${forTerminal(err?.message ?? String(e))} (set SHIPAUDIT_DEBUG=1 for details)\n`);
  if (process.env.SHIPAUDIT_DEBUG) stderr(`${err?.stack}\n`);
  return EXIT.usage;
}
