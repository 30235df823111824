import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';

/**
 * A secret named by the config: the value of an environment variable, or the content of a file that only
 * its owner may read (mode 0600 or stricter; anything looser is refused). The value is returned to the
 * caller and goes nowhere else: no message here ever contains it.
 */
export async function readSecret(
  keys: { env?: string; file?: string },
  path: string,
  where: string,
  base: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (keys.env !== undefined) {
    const v = env[keys.env]?.trim();
    if (!v) throw new ConfigError(`${where}: ${path}Env: the environment variable ${keys.env} is not set or empty`);
    return v;
  }
  const file = resolve(base, keys.file ?? '');
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new ConfigError(`${where}: ${path}File: ${file} is not a readable file`);
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new ConfigError(
      `${where}: ${path}File: ${file} has mode ${mode}, readable by others: refused (chmod 600 ${file})`,
    );
  }
  const v = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (!v) throw new ConfigError(`${where}: ${path}File: ${file} is empty or unreadable`);
  return v;
}
