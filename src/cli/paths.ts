import nodePath, { type PlatformPath } from 'node:path';
import { minimatch, type MinimatchOptions } from 'minimatch';
import { globBase, isGlob } from '../check/inputs.js';

/**
 * Path rules that differ between Windows and the rest, as pure functions of a `path` implementation
 * (`node:path` on the machine running, `node:path/win32` or `node:path/posix` in the tests), so that the
 * Windows behaviour is tested on a CI that has no Windows:
 * - Windows compares names without regard to case (`C:\Orders\a.csv` is `c:\orders\A.CSV`), has drive
 *   letters and UNC shares (`\\server\share\…`) as roots, and takes `/` as well as `\` as a separator;
 * - globs are written with `/` (minimatch's form); on Windows a `\` in a glob is a separator too, never an
 *   escape, since that is how Windows users type paths.
 */

/** The `path` module of the machine running; the default of every function here. */
const hostPath: PlatformPath = nodePath;

const isWin = (path: PlatformPath) => path.sep === '\\';

/** A path in the form compared: normalised, no trailing separator (but a root's), lower case on Windows. */
export function pathKey(p: string, path: PlatformPath = hostPath): string {
  let n = path.normalize(p);
  const root = path.parse(n).root;
  while (n.length > root.length && (n.endsWith(path.sep) || (isWin(path) && n.endsWith('/')))) n = n.slice(0, -1);
  return isWin(path) ? n.toLowerCase() : n;
}

/** Whether two absolute paths name the same file, as the platform compares names. */
export function samePath(a: string, b: string, path: PlatformPath = hostPath): boolean {
  return pathKey(a, path) === pathKey(b, path);
}

/** Whether absolute `child` lies strictly inside the folder `parent` (another drive or share never does). */
export function isInside(child: string, parent: string, path: PlatformPath = hostPath): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** `child` is `parent` or lies inside it. */
export function isSameOrInside(child: string, parent: string, path: PlatformPath = hostPath): boolean {
  return samePath(child, parent, path) || isInside(child, parent, path);
}

/** Whether `p` is the root of its drive, share or file system (`/`, `C:\`, `\\server\share\`). */
export function isRoot(p: string, path: PlatformPath = hostPath): boolean {
  return path.dirname(p) === p;
}

/** A path with `/` separators, the form globs match (on POSIX a `\` is a character of a name: kept). */
export function toSlashes(p: string, path: PlatformPath = hostPath): string {
  return isWin(path) ? p.replace(/\\/g, '/') : p;
}

/** minimatch's options for matching paths of this platform: case-insensitive on Windows, `\` a separator. */
function globOptions(path: PlatformPath = hostPath): MinimatchOptions {
  return isWin(path) ? { nocase: true, windowsPathsNoEscape: true, platform: 'win32' } : { platform: 'linux' };
}

/**
 * An `inputs` glob of the config split into the folder to walk (its segments before the first with a
 * wildcard, resolved from `base`) and the pattern the walked files' paths below that folder must match.
 * Config entries take `\` as a separator on every platform (a config written on Windows works elsewhere).
 * Matching below the folder keeps the config's own folder out of the glob: with the config in
 * `D:\店铺[US]\`, `orders/*.csv` walks `D:\店铺[US]\orders` for `*.csv`, where a glob of the whole path
 * would read `[US]` as a character class and match nothing.
 */
export function inputGlob(
  base: string,
  entry: string,
  path: PlatformPath = hostPath,
): { root: string; pattern: string; matches: (file: string) => boolean } {
  const parts = entry.replace(/\\/g, '/').split('/');
  const i = parts.findIndex((p) => isGlob(p));
  const pattern = i < 0 ? '' : parts.slice(i).join('/');
  const folder = globBase(entry);
  const root = path.resolve(base, folder);
  const opts = globOptions(path);
  return {
    root,
    pattern,
    matches: (file) => {
      if (!isInside(file, root, path)) return false;
      return minimatch(path.relative(root, file).split(path.sep).join('/'), pattern, opts);
    },
  };
}

/**
 * Whether a `files[].match` glob names the file at `absFile`. A relative pattern is taken from `base` (the
 * config's folder); an absolute one (`/srv/…`, `C:\…`, `\\server\share\…`) as it is; a pattern without `/`
 * matches the file name in any folder.
 */
export function fileMatches(absFile: string, pattern: string, base: string, path: PlatformPath = hostPath): boolean {
  const abs = path.resolve(absFile);
  const pat = toSlashes(pattern, path);
  const opts: MinimatchOptions = { ...globOptions(path), dot: true, matchBase: !pat.includes('/') };
  if (path.isAbsolute(pattern)) return minimatch(toSlashes(abs, path), pat, opts);
  return minimatch(path.relative(base, abs).split(path.sep).join('/'), pat, opts);
}
