// A worker thread between a test and cli-host.mjs: the test blocks on a shared flag (so that runCli stays
// synchronous, as spawnSync was) while this thread, free to wait on events, talks to the host processes.
// A host serves one environment (some settings are read once, when a module loads); the last few are kept,
// since tests often take turns between two or three (one thread and two, say).
import { fork } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';

const { flag, port, host: HOST, main: MAIN, bin: BIN } = workerData;
const KEEP = 4;
let seq = 0;

/** Hosts by environment, the most recently used last; the one running a request has `pending`. */
const hosts = new Map();

function answer(r) {
  port.postMessage(r);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

function start(env, key) {
  // Written only by a run that ends its process, and removed once read.
  const exitFile = join(tmpdir(), `shipaudit-cli-host-${process.pid}-${++seq}.json`);
  const child = fork(HOST, [MAIN, BIN, exitFile], {
    cwd: tmpdir(),
    env,
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const h = { child, pending: false, log: '' };
  child.stdout.on('data', (d) => (h.log += d));
  child.stderr.on('data', (d) => (h.log += d));
  child.on('message', (m) => {
    if (m.ready || !h.pending) return;
    h.pending = false;
    answer(m);
  });
  child.on('exit', (code, signal) => {
    if (hosts.get(key) === h) hosts.delete(key);
    if (!h.pending) return;
    h.pending = false;
    if (existsSync(exitFile)) {
      // The run ended its process (process.exit, an uncaught error): the host left its result here.
      const r = JSON.parse(readFileSync(exitFile, 'utf8'));
      rmSync(exitFile);
      answer({ ...r, stdout: Buffer.from(r.stdout, 'base64'), stderr: Buffer.from(r.stderr, 'base64') });
    } else answer({ failed: `the CLI host ended (code ${code}, signal ${signal}) before answering:\n${h.log}` });
  });
  return h;
}

port.on('message', (req) => {
  const key = JSON.stringify(Object.entries(req.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  let h = hosts.get(key);
  hosts.delete(key);
  if (!h) {
    h = start(req.env, key);
    while (hosts.size >= KEEP) {
      const [oldest, old] = hosts.entries().next().value;
      hosts.delete(oldest);
      old.child.kill();
    }
  }
  hosts.set(key, h);
  h.pending = true;
  h.child.send({ args: req.args, cwd: req.cwd });
});
port.on('close', () => {
  for (const h of hosts.values()) h.child.kill();
});
