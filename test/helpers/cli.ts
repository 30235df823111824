import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: the built CLI and the fixtures are found from here. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the BUILT CLI (`npm test` builds first) as a user would, without colour.
 * `cwd` defaults to the repository root, so fixture paths can be given relative to it.
 */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [`${ROOT}/bin/shipaudit.js`, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
