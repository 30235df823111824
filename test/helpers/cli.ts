import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The repository root: the built CLI and the fixtures are found from here. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = `${ROOT}/bin/shipaudit.js`;

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
  return runBuiltCli(args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env } });
}

/**
 * `node bin/shipaudit.js ARGS` in `cwd` with exactly `env`, as spawnSync would run it and with the same
 * result, but in a long-lived host process (cli-host.mjs) that keeps the loaded modules: a run costs the
 * command's own work, not Node's start-up. SHIPAUDIT_TEST_SPAWN=1 spawns every run instead, to check that
 * both give the same.
 */
export function runBuiltCli(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): CliResult {
  if (mustSpawn(args, opts.cwd)) return spawnCli(args, opts);
  const h = bridge();
  Atomics.store(h.flag, 0, 0);
  h.port.postMessage({ args: [...args], cwd: opts.cwd, env: definedOnly(opts.env) });
  // A run that takes longer than a test may is a failure either way; never block for ever.
  if (Atomics.wait(h.flag, 0, 0, 600_000) === 'timed-out')
    throw new Error(`shipaudit ${args.join(' ')}: no answer in 600 s`);
  return received(h.port, args);
}

/** As runBuiltCli, without blocking this process (for tests whose servers run in it). */
export async function runBuiltCliAsync(
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CliResult> {
  if (mustSpawn(args, opts.cwd)) return spawnCliAsync(args, opts);
  const h = bridge();
  Atomics.store(h.flag, 0, 0);
  h.port.postMessage({ args: [...args], cwd: opts.cwd, env: definedOnly(opts.env) });
  // Node 20 has Atomics.waitAsync; the ES2023 lib the tests compile against does not declare it yet.
  const { waitAsync } = Atomics as unknown as {
    waitAsync(a: Int32Array, i: number, v: number, ms: number): { value: Promise<string> | string };
  };
  if ((await waitAsync(h.flag, 0, 0, 600_000).value) === 'timed-out')
    throw new Error(`shipaudit ${args.join(' ')}: no answer in 600 s`);
  return received(h.port, args);
}

/** A new process for one run: for tests about the process itself (its pid, signals, a pipe on its stdin). */
export function spawnCli(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: opts.env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function spawnCliAsync(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: opts.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (code) =>
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/**
 * Runs a host cannot give as a new process would: a pipe or device named on the command line is copied
 * once per process and the copy found again by its name (src/cli/inputs.ts), so a second run in the same
 * host would read the first run's copy.
 */
function mustSpawn(args: readonly string[], cwd: string): boolean {
  if (process.env.SHIPAUDIT_TEST_SPAWN === '1') return true;
  return args.some((a) => {
    try {
      const s = statSync(resolve(cwd, a));
      return !s.isFile() && !s.isDirectory();
    } catch {
      return false;
    }
  });
}

interface Bridge {
  flag: Int32Array;
  port: MessagePort;
}
let the: Bridge | undefined;

function bridge(): Bridge {
  if (the) return the;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./cli-bridge.mjs', import.meta.url), {
    workerData: {
      flag,
      port: port2,
      host: fileURLToPath(new URL('./cli-host.mjs', import.meta.url)),
      main: new URL('../../dist/cli/main.js', import.meta.url).href,
      bin: BIN,
    },
    transferList: [port2],
  });
  // Neither the thread nor its host keeps the test process alive; the host ends when this process does.
  worker.unref();
  the = { flag, port: port1 };
  return the;
}

function received(port: MessagePort, args: readonly string[]): CliResult {
  const m = receiveMessageOnPort(port)?.message as
    { code: number; stdout: Uint8Array; stderr: Uint8Array; lingering?: string[]; failed?: string } | undefined;
  if (!m) throw new Error(`shipaudit ${args.join(' ')}: the CLI host sent nothing`);
  if (m.failed) throw new Error(`shipaudit ${args.join(' ')}: ${m.failed}`);
  if (m.lingering)
    throw new Error(
      `shipaudit ${args.join(' ')}: still running 60 s after the command ended: ${m.lingering.join(', ')}`,
    );
  const text = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  return { code: m.code, stdout: text(m.stdout), stderr: text(m.stderr) };
}

/** An environment as a child process gets it: variables set to undefined are not passed. */
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
