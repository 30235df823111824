import { createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { builtin } from './builtin.js';
import { UsageError } from './errors.js';
import { isRoot, isSameOrInside, samePath } from './paths.js';
import { processIsGone } from './process.js';

/**
 * The one way shipaudit writes, replaces or deletes anything. Every command goes through an `Outputs`
 * made from the inputs of its run, so that:
 * - an input of the run (a file read, a path named, the folder holding them) and the working folder are
 *   never written over, renamed onto or deleted;
 * - an existing file is replaced only when shipaudit wrote it (the caller says how to recognise it), and
 *   a folder only when it holds the marker shipaudit leaves in the folders it writes;
 * - a new file or folder is built under a temporary name beside the target and renamed into place, so a
 *   reader never sees half of it; a target that is not a regular file (a device such as /dev/null, a FIFO)
 *   is written to directly, never replaced;
 * - a failure is one line naming the path (exit 2), never an internal error;
 * - temporary names say whose they are (`.<name>.shipaudit-tmp-<pid>-<random>`), so that the next run
 *   removes those of a run that was killed.
 */

/** What a file is written from: its text or bytes whole, or in pieces made as they are written (a large report). */
type FileData = string | Uint8Array | Iterable<string | Uint8Array>;

/** A write that failed or was refused: one line on stderr and exit code 2, like every user-caused failure. */
export class OutputError extends UsageError {}

/** The marker file in a folder shipaudit wrote (an appeal pack): only such a folder may be replaced. */
export const MARKER = '.shipaudit-pack';

const TMP = /^\.(.+)\.shipaudit-(?:tmp|old)-(\d+)-[0-9a-z]+$/;
/** Names the earlier versions gave their temporary files and folders, recognised as orphans too. */
const OLD_FILE_TMP = /^\.(.+)\.(\d+)\.\d+\.tmp$/;
const OLD_DIR_TMP = /^(.+)\.tmp-(\d+)$/;

export interface FileOptions {
  /**
   * Whether an existing regular file is one shipaudit wrote (given its first bytes), so it may be replaced.
   * Without it, an existing file is replaced only when `replace` is set (the user asked for it).
   */
  ownedIf?: (head: Buffer) => boolean;
  replace?: boolean;
  /** What the file is, for the refusal: "an evidence CSV written by shipaudit". */
  what?: string;
}

/** A file written under a temp name, not yet in place (see `Outputs.stageFile`). */
export interface StagedFile {
  /** The temp file's absolute path (absent for a device or FIFO). */
  temp?: string;
  place(): Promise<void>;
  discard(): Promise<void>;
}

export class Outputs {
  private constructor(
    private readonly inputs: readonly string[],
    private readonly cwd: string,
  ) {}

  /** `inputs`: every path named for the run and every file it read (relative to the working folder). */
  static async forInputs(inputs: readonly string[], cwd = process.cwd()): Promise<Outputs> {
    const real = await Promise.all(inputs.map((p) => realOrResolved(resolve(cwd, p))));
    return new Outputs([...new Set(real)], await realOrResolved(cwd));
  }

  /** Whether a real path is an input of the run, as the platform compares names (without case on Windows). */
  private isInput(real: string): boolean {
    return this.inputs.some((i) => samePath(i, real));
  }

  /** Refuses a path that is an input of the run, for a use that would change it ("used as the state file"). */
  async refuseInput(path: string, use: string): Promise<void> {
    if (this.isInput(await realOrResolved(resolve(this.cwd, path))))
      throw new OutputError(`${path} is an input of this run: not ${use}`);
  }

  /** Writes a file whole: temp file and rename, or straight into a device or FIFO. */
  async writeFile(path: string, data: FileData, opts: FileOptions = {}): Promise<void> {
    const staged = await this.stageFile(path, data, opts, false);
    await staged.place();
  }

  /**
   * Writes a file whole in two steps: the text goes to a temp file beside the target now (synced; `temp`
   * names it), and `place` renames it into place. Between the two the caller can record what the file
   * holds: a temp file still there after a crash says the file was never placed. So a `kept` temp file is
   * synced, and named so that `removeOrphans` never takes it away (its owner's records decide its fate).
   * A device or FIFO has no temp file: `place` writes into it.
   */
  async stageFile(path: string, data: FileData, opts: FileOptions = {}, kept = true): Promise<StagedFile> {
    const abs = resolve(this.cwd, path);
    const real = await realOrResolved(abs);
    if (this.isInput(real)) throw new OutputError(`${path} is an input of this run: not overwritten`);
    const st = await stat(real).catch(failure(path, 'ENOENT'));
    if (st?.isDirectory()) throw new OutputError(`cannot write ${path}: it is a folder`);
    if (st && !st.isFile()) return { place: () => writeInto(path, real, data), discard: async () => {} };
    if (st && !opts.replace) {
      const first = await head(real).catch((e: unknown) => {
        throw describeFailure(path, e, 'read');
      });
      if (!opts.ownedIf?.(first))
        throw new OutputError(
          `${path} exists and is not ${opts.what ?? 'a file written by shipaudit'}: not overwritten`,
        );
    }
    const dir = dirname(real);
    await mkdir(dir, { recursive: true }).catch(failure(path));
    await removeOrphans(dir, basename(real), 'file');
    const tmp = join(dir, tempName(basename(real), kept ? 'staged' : 'tmp'));
    const discard = () => rm(tmp, { force: true });
    try {
      if (kept && (typeof data === 'string' || data instanceof Uint8Array)) {
        const fh = await open(tmp, 'wx');
        try {
          await fh.writeFile(data);
          await fh.sync();
        } finally {
          await fh.close();
        }
      } else await writeFile(tmp, data, { flag: 'wx' });
    } catch (e) {
      await discard();
      throw describeFailure(path, e);
    }
    return {
      temp: tmp,
      place: async () => {
        try {
          await rename(tmp, real);
        } catch (e) {
          // A kept temp file left where it is says "never placed" to whoever recorded it.
          if (!kept) await discard();
          throw describeFailure(path, e);
        }
        if (kept) await syncFolder(dir);
      },
      discard,
    };
  }

  /** Why a folder may not be written or replaced here, or undefined when it may. */
  async folderRefusal(path: string, force: boolean): Promise<string | undefined> {
    const abs = resolve(this.cwd, path);
    const real = await realOrResolved(abs);
    if (isSameOrInside(this.cwd, real) || isRoot(real)) {
      return `${abs} holds the working folder: not replaced`;
    }
    if (this.inputs.some((i) => isSameOrInside(i, real)))
      return `${abs} is an input of this run, or holds one: not replaced`;
    const st = await lstat(abs).catch(() => undefined);
    if (!st) return undefined;
    if (st.isSymbolicLink()) return `${abs} is a symbolic link: not replaced`;
    if (!st.isDirectory()) return `${abs} is a file, not a pack folder: not replaced`;
    if (!force)
      return `${abs} already exists: choose another --out, or add --force to replace the pack's own files in it`;
    if (!(await isMarked(real)))
      return (
        `${abs} was not written by shipaudit appeal (no ${MARKER} marker): not replaced; ` +
        'remove it yourself or choose another --out'
      );
    return undefined;
  }

  /**
   * Writes a folder: a new one whole, built as `.<name>.shipaudit-tmp-…` beside the target with the marker
   * in it, then renamed into place. With `force`, a folder shipaudit wrote (it holds the marker) is updated
   * in place: only the files given and the marker are replaced, and those of `owned` (every name the tool
   * writes there) not given this time are removed; anything else in it (the seller's notes, a folder of
   * theirs) is left as it is. Anything else is refused.
   */
  async writeFolder(
    path: string,
    files: Record<string, string | Uint8Array>,
    force: boolean,
    owned: readonly string[] = Object.keys(files),
  ): Promise<void> {
    const refusal = await this.folderRefusal(path, force);
    if (refusal) throw new OutputError(refusal);
    const target = resolve(this.cwd, path);
    const parent = await realOrResolved(dirname(target));
    const name = basename(target);
    const real = join(parent, name);
    if (await lstat(real).catch(() => undefined)) return replaceInside(path, real, files, owned);
    await mkdir(parent, { recursive: true }).catch(failure(path));
    await removeOrphans(parent, name, 'folder', Object.keys(files));
    const tmp = join(parent, tempName(name, 'tmp'));
    try {
      await mkdir(tmp);
      await writeFile(join(tmp, MARKER), markerText());
      for (const [file, data] of Object.entries(files)) await writeFile(join(tmp, file), data);
      // Onto a folder made meanwhile this fails (not empty), never replacing what is in it.
      await rename(tmp, real);
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      throw describeFailure(path, e);
    }
  }

  /** Deletes a file shipaudit wrote (an old report), never an input. */
  async removeFile(path: string): Promise<void> {
    const real = await realOrResolved(resolve(this.cwd, path));
    if (this.isInput(real)) return;
    await rm(real, { force: true }).catch(failure(path));
  }

  /**
   * Sets a file aside under a name of its own (`<name>.<suffix>-<timestamp>`), keeping only the newest
   * `keep` of them: an unusable state file kept for a look. Returns the new name.
   */
  async setAside(path: string, suffix: string, keep: number, nowMs = Date.now()): Promise<string> {
    await this.refuseInput(path, 'set aside');
    const abs = resolve(this.cwd, path);
    const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
    let aside = `${abs}.${suffix}-${stamp}`;
    for (
      let n = 2;
      await lstat(aside).then(
        () => true,
        () => false,
      );
      n++
    )
      aside = `${abs}.${suffix}-${stamp}-${n}`;
    await rename(abs, aside).catch(failure(path));
    const prefix = `${basename(abs)}.${suffix}-`;
    const kept = (await readdir(dirname(abs))).filter(
      (f) => f.startsWith(prefix) && /^\d{8}T\d{9}Z(-\d+)?$/.test(f.slice(prefix.length)),
    );
    // Oldest first: the stamps sort by time, a same-moment suffix after its stamp.
    kept.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const f of kept.slice(0, Math.max(0, kept.length - keep))) await this.removeFile(join(dirname(abs), f));
    return aside;
  }
}

/** Makes a rename in the folder durable (where the platform lets a folder be synced). */
async function syncFolder(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => undefined);
  if (!fh) return;
  await fh
    .sync()
    .catch(() => undefined)
    .finally(() => fh.close());
}

function markerText(): string {
  return `${JSON.stringify({ tool: 'shipaudit', writtenAt: new Date().toISOString() })}\n`;
}

/**
 * Replaces the files shipaudit writes in a folder it wrote, and nothing else: each is written under a
 * temporary name first (a failure such as a full disk leaves the old ones whole), then renamed over its
 * old one. One of those names taken by a folder or a link is refused before anything is written.
 */
async function replaceInside(
  path: string,
  dir: string,
  files: Record<string, string | Uint8Array>,
  owned: readonly string[],
): Promise<void> {
  const all: Array<[string, string | Uint8Array]> = [...Object.entries(files), [MARKER, markerText()]];
  for (const [file] of all) {
    const st = await lstat(join(dir, file)).catch(() => undefined);
    if (st && !st.isFile()) throw new OutputError(`${join(path, file)} is not a file shipaudit wrote: not replaced`);
  }
  await removeOrphans(dir, '', 'file');
  const written: Array<[string, string]> = [];
  try {
    for (const [file, data] of all) {
      const tmp = join(dir, tempName(file, 'tmp'));
      written.push([tmp, file]);
      await writeFile(tmp, data, { flag: 'wx' });
    }
    for (const [tmp, file] of written) await rename(tmp, join(dir, file));
  } catch (e) {
    for (const [tmp] of written) await rm(tmp, { force: true });
    throw describeFailure(path, e);
  }
  // A file of the earlier pack not written this time (report.pdf, no browser now) would contradict this one.
  for (const file of owned.filter((f) => !(f in files))) {
    const st = await lstat(join(dir, file)).catch(() => undefined);
    if (st?.isFile()) await rm(join(dir, file), { force: true }).catch(failure(join(path, file)));
  }
}

/** An evidence CSV as shipaudit writes it starts so (BOM, first columns): such a file may be replaced. */
export function isEvidenceCsv(head: Buffer): boolean {
  return head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .startsWith('Order ID,Tracking Number,');
}

function tempName(name: string, kind: 'tmp' | 'old' | 'staged'): string {
  return `.${name}.shipaudit-${kind}-${process.pid}-${builtin('node:crypto').randomBytes(4).toString('hex')}`;
}

/**
 * Removes what killed runs left beside `name`: temp files and folders named as this module names them
 * (any target) whose process is gone, and, for this target only, the names earlier versions used. An old
 * temporary pack folder goes only when it holds nothing but pack files.
 */
async function removeOrphans(
  dir: string,
  name: string,
  kind: 'file' | 'folder',
  packFiles: readonly string[] = [],
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = join(dir, e.name);
    const ours = TMP.exec(e.name);
    let pid: number | undefined;
    if (ours) pid = Number(ours[2]);
    else if (kind === 'file' && e.isFile()) {
      const m = OLD_FILE_TMP.exec(e.name);
      if (m && m[1] === name) pid = Number(m[2]);
    } else if (kind === 'folder' && e.isDirectory()) {
      const m = OLD_DIR_TMP.exec(e.name);
      const known = new Set([...packFiles, MARKER]);
      if (m && m[1] === name && (await readdir(p)).every((f) => known.has(f))) pid = Number(m[2]);
    }
    if (pid === undefined || pid === process.pid) continue;
    const st = await lstat(p).catch(() => undefined);
    if (!st || !processIsGone(pid, st.mtimeMs)) continue;
    // An old pack set aside (`shipaudit-old`) goes only when it is one: it holds the marker.
    if (ours && e.name.includes('.shipaudit-old-') && !(await isMarked(p))) continue;
    await rm(p, { recursive: true, force: true });
  }
}

async function isMarked(dir: string): Promise<boolean> {
  return (await lstat(join(dir, MARKER)).catch(() => undefined))?.isFile() ?? false;
}

/** The real path of a path, or of its nearest existing folder with the rest appended. */
async function realOrResolved(abs: string): Promise<string> {
  try {
    return await realpath(abs);
  } catch {
    const parent = dirname(abs);
    if (parent === abs) return abs;
    return join(await realOrResolved(parent), basename(abs));
  }
}

async function head(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Writes into an existing node that is not a regular file (a device, a FIFO): opened, written, closed. */
function writeInto(path: string, real: string, data: FileData): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array))
    return pipeline(Readable.from(data), createWriteStream(real, { flags: 'w' })).catch((e: unknown) => {
      throw describeFailure(path, e);
    });
  return new Promise((res, rej) => {
    const stream = createWriteStream(real, { flags: 'w' });
    stream.on('error', (e) => {
      stream.destroy();
      rej(describeFailure(path, e));
    });
    stream.end(data, () => stream.close(() => res()));
  });
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'no such folder',
  EEXIST: 'it exists already',
  ENXIO: 'nothing is reading it (a socket or FIFO without a reader)',
  EBUSY: 'it is busy',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
};

/** A file system error as one line naming the path (the path as the user gave it). */
export function describeFailure(path: string, e: unknown, verb: 'write' | 'read' = 'write'): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason = code && REASONS[code] ? `${REASONS[code]} (${code})` : ((e as Error)?.message ?? String(e));
  return new OutputError(`cannot ${verb} ${path}: ${reason}`);
}

/** A catch handler turning an error into `describeFailure`, except the codes given (→ undefined). */
function failure(path: string, ...tolerated: string[]): (e: unknown) => never | undefined {
  return (e: unknown) => {
    if (tolerated.includes((e as NodeJS.ErrnoException)?.code ?? '')) return undefined;
    throw describeFailure(path, e);
  };
}
