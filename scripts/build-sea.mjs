#!/usr/bin/env node
// Builds shipaudit as one executable file (Node's single-executable applications) for sellers without
// Node: the built CLI (dist/, from `npm run build`) bundled into one CommonJS script with esbuild, turned
// into a blob by `node --experimental-sea-config`, and injected into a copy of this node binary with
// postject. The result runs on machines of the same kind as the one that built it: build on Windows with
// node.exe for shipaudit.exe, on Linux for Linux (see README, "Install").
//
//   node scripts/build-sea.mjs [--out dist-sea] [--bundle-only]
//
// A bundle has no files beside its modules: what the CLI reads from next to a module is put into the
// bundle here (package.json's version, the reading thread's code), and the build fails on any other
// `import.meta.url`, which would be undefined in the executable.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outDir = resolve(ROOT, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist-sea');
const bundleOnly = args.includes('--bundle-only');
const win = process.platform === 'win32';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const entry = join(ROOT, 'dist/cli/main.js');

function fail(message) {
  process.stderr.write(`build-sea: ${message}\n`);
  process.exit(1);
}

try {
  statSync(entry);
} catch {
  fail('dist/cli/main.js is missing: run `npm run build` first');
}

/** The options shared by the CLI's bundle and the reading thread's. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: `node${process.versions.node.split('.')[0]}`,
  write: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/** The modules started as threads (found before bundling: esbuild can't build while a build waits on it). */
const WORKER = /new Worker\(new URL\((['"])(\.[^'"]+\.js)\1, import\.meta\.url\)/g;
const workers = new Map();

/**
 * What a module reads from beside itself, put into the bundle. Each rule replaces one known form; the
 * module's text after them must hold no `import.meta.url`.
 */
const INLINED = [
  {
    // version.ts: package.json read from the package folder → its fields as a literal.
    pattern: /JSON\.parse\(readFileSync\(new URL\((['"])[^'"]*package\.json\1, import\.meta\.url\), (['"])utf8\2\)\)/g,
    replace: async () => `(${JSON.stringify({ name: pkg.name, version: pkg.version })})`,
  },
  {
    // read-thread.ts: the reading thread's module → its own bundle, as a data: URL. An ES module (the
    // thread's module awaits at its top level), with a `require` for the built-in modules that bundled
    // CommonJS packages ask for.
    pattern: WORKER,
    replace: async (file, match) =>
      `new Worker(new URL(${JSON.stringify(workers.get(resolve(dirname(file), match[2])))})`,
  },
];

const inlinePlugin = {
  name: 'shipaudit-inline',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path: file }) => {
      let text = readFileSync(file, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      for (const { pattern, replace } of INLINED) {
        const parts = [];
        let last = 0;
        for (const m of text.matchAll(pattern)) {
          parts.push(text.slice(last, m.index), await replace(file, m));
          last = m.index + m[0].length;
        }
        text = parts.join('') + text.slice(last);
      }
      const left = text
        .split('\n')
        .findIndex((l) => l.includes('import.meta') && !l.startsWith('//# sourceMappingURL'));
      if (left >= 0) {
        return {
          errors: [
            {
              text: `${file}:${left + 1} uses import.meta, which the single executable does not have: add a rule to INLINED in scripts/build-sea.mjs`,
            },
          ],
        };
      }
      return { contents: text, loader: 'js' };
    });
  },
};

// esbuild has printed what failed; the rest of its error is of no use.
process.on('unhandledRejection', (e) => fail(e instanceof Error ? e.message.split('\n')[0] : String(e)));

for (const file of readdirSync(join(ROOT, 'dist'), { recursive: true })) {
  // dist/bundle/ (scripts/bundle.mjs) holds the same modules bundled again: its thread is the one here too.
  if (!file.endsWith('.js') || file.startsWith(`bundle${sep}`)) continue;
  const abs = join(ROOT, 'dist', file);
  for (const m of readFileSync(abs, 'utf8').matchAll(WORKER)) {
    const workerFile = resolve(dirname(abs), m[2]);
    const built = await esbuild.build({
      ...common,
      format: 'esm',
      entryPoints: [workerFile],
      plugins: [inlinePlugin],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(process.execPath);" },
    });
    workers.set(workerFile, `data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
  }
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bundleFile = join(outDir, 'shipaudit.cjs');
const built = await esbuild.build({
  ...common,
  entryPoints: [entry],
  plugins: [inlinePlugin],
  // Stack traces of a bundle are of little use to a seller; the CLI reports failures in one line anyway.
  banner: { js: `// shipaudit ${pkg.version}, bundled for a single executable (scripts/build-sea.mjs)` },
});
writeFileSync(bundleFile, built.outputFiles[0].text);
process.stdout.write(`bundle: ${bundleFile} (${(statSync(bundleFile).size / 1e6).toFixed(1)} MB)\n`);
if (bundleOnly) process.exit(0);

const blob = join(outDir, 'sea-prep.blob');
const configFile = join(outDir, 'sea-config.json');
writeFileSync(
  configFile,
  JSON.stringify({ main: bundleFile, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }, null, 2),
);
/** Runs a step, quiet unless it fails (node and postject chat about what they did). */
function step(what, file, args) {
  const r = spawnSync(file, args, { encoding: 'utf8' });
  if (r.status !== 0) fail(`${what} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
}
step('node --experimental-sea-config', process.execPath, ['--experimental-sea-config', configFile]);

const exe = join(outDir, win ? 'shipaudit.exe' : 'shipaudit');
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
// macOS refuses a changed signed binary: the signature goes, and a new ad-hoc one comes after. (On Windows
// node.exe's signature is left: Node's documentation calls removing it optional, and the injected file is
// unsigned for Windows either way.)
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
// postject's own command (as `npx postject` runs it), from this project's devDependencies.
const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
step('postject', process.execPath, [
  postject,
  exe,
  'NODE_SEA_BLOB',
  blob,
  '--sentinel-fuse',
  'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
]);
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);
rmSync(blob);
rmSync(configFile);
process.stdout.write(
  `executable: ${exe} (${(statSync(exe).size / 1e6).toFixed(1)} MB, node ${process.versions.node})\n`,
);
