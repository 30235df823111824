// A long-lived process that runs the BUILT CLI once per request, as `node bin/shipaudit.js …` would, without
// paying for Node's start and the loading of ~140 modules each time (about 0.3 s of CPU a run, most of what
// the end-to-end tests cost). Started by cli-bridge.mjs with the environment of the runs it serves (a run
// with another environment gets a new host, since some settings are read once, when a module loads).
//
// Each run: chdir to its folder, argv set, stdout/stderr captured, a fresh instance of dist/cli/main.js
// imported (its `finished` promise is the whole command), then the end of a process is imitated: wait until
// nothing keeps the event loop busy, call the 'exit' listeners the run added, take process.exitCode.
// What a process gives and this does not: a fresh pid, and fresh module-level state in the modules main
// imports (caches of pure look-ups; a pipe named on the command line is copied once per host). Tests whose
// meaning depends on those spawn instead (`spawnCli` in cli.ts).
import { writeFileSync } from 'node:fs';

const [MAIN, BIN, EXIT_FILE] = process.argv.slice(2);
const realExit = process.exit.bind(process);
const startEnv = { ...process.env };

let runs = 0;
/** The run under way: its captured output, for process.exit and uncaught errors to hand over. */
let current;

/** What keeps this host's event loop busy when idle (its IPC channel): the level a run must get back to. */
let baseline = [];
const count = (list) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map());
function lingering() {
  const base = count(baseline);
  const extra = [];
  for (const [k, n] of count(process.getActiveResourcesInfo())) {
    for (let i = base.get(k) ?? 0; i < n; i++) extra.push(k);
  }
  return extra;
}
const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits, as a process would before exiting, until the run has nothing left running; gives up after 60 s. */
async function settle() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await tick();
    const extra = lingering();
    if (extra.length === 0) return [];
    if (Date.now() > deadline) return extra;
    await sleep(2);
  }
}

function capture(chunks) {
  return function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk));
    if (cb) process.nextTick(cb);
    return true;
  };
}

const EMITTERS = () => [process, process.stdout, process.stderr];
function listenersNow() {
  return EMITTERS().map((em) => new Map(em.eventNames().map((ev) => [ev, em.listeners(ev)])));
}
/** Removes every listener added since `before`; gives the 'exit' ones the run added on `process`. */
function dropListeners(before) {
  const exits = [];
  EMITTERS().forEach((em, i) => {
    for (const ev of em.eventNames()) {
      const had = before[i].get(ev) ?? [];
      for (const l of em.listeners(ev)) {
        if (had.includes(l)) continue;
        if (em === process && ev === 'exit') exits.push(l);
        em.removeListener(ev, l);
      }
    }
  });
  return exits;
}

function result(code, extra = {}) {
  return {
    code,
    stdout: Buffer.concat(current.out),
    stderr: Buffer.concat(current.err),
    ...extra,
  };
}

/** Ends the host the way the CLI's process would have ended, with the run's result left for the bridge. */
function endHostWith(code) {
  const r = result(code);
  writeFileSync(
    EXIT_FILE,
    JSON.stringify({ ...r, stdout: r.stdout.toString('base64'), stderr: r.stderr.toString('base64') }),
  );
  realExit(code);
}

process.exit = (code) => {
  if (!current) realExit(code);
  for (const l of dropListeners(current.listeners)) l(code ?? process.exitCode ?? 0);
  endHostWith(Number(code ?? process.exitCode ?? 0));
};
const crash = (e) => {
  if (!current) {
    process.stderr.write(`cli-host: ${e?.stack ?? e}\n`);
    realExit(70);
  }
  // As Node prints an uncaught error, and its exit code.
  current.err.push(Buffer.from(`${e?.stack ?? String(e)}\n\nNode.js ${process.version}\n`));
  endHostWith(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

async function run({ args, cwd }) {
  const out = [];
  const err = [];
  const writes = [process.stdout.write, process.stderr.write];
  current = { out, err, listeners: listenersNow() };
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.chdir(cwd);
  process.argv = [process.execPath, BIN, ...args];
  process.exitCode = undefined;
  try {
    // main.js runs the command when imported; `finished` settles when it has run.
    const main = await import(`${MAIN}?run=${++runs}`);
    await main.finished;
  } catch (e) {
    crash(e);
  }
  const left = await settle();
  const code = Number(process.exitCode ?? 0);
  for (const l of dropListeners(current.listeners)) l(code);
  const r = result(code, left.length ? { lingering: left } : {});
  [process.stdout.write, process.stderr.write] = writes;
  process.exitCode = undefined;
  current = undefined;
  for (const k of Object.keys(process.env)) if (!(k in startEnv)) delete process.env[k];
  Object.assign(process.env, startEnv);
  return r;
}

process.on('disconnect', () => realExit(0));
process.on('message', async (req) => {
  const r = await run(req);
  process.send(r);
});
await tick();
baseline = process.getActiveResourcesInfo();
process.send({ ready: true });
