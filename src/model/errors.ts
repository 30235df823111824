/**
 * Why a file is not data at all, when that is why it can't be read: a file found in a folder is then
 * skipped and listed with the reason. `unknown-kind` is a text file of no known kind (a README), `unknown-shape`
 * a JSON or XML document of no known shape (the reason names its root); the others
 * are files where data was expected (a download that failed or was cut), and are warnings.
 */
export type NotData =
  'empty' | 'binary' | 'html' | 'unreadable' | 'no-header' | 'no-rows' | 'unknown-kind' | 'unknown-shape';

/** A file that can't be read at all. The CLI prints `message` on one line and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
    readonly notData?: NotData,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${detail}`);
    this.name = 'InputError';
  }
}

/** A mistake in how the command was called, or inputs that leave nothing to do: one line, exit 2. */
export class UsageError extends Error {}
