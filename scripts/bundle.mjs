#!/usr/bin/env node
// Bundles the built CLI (dist/, from tsc) into dist/bundle/ with esbuild, for a faster start: Node loads a
// few files instead of a hundred and more, and resolving, reading and compiling each module file was most
// of the CLI's start-up (bench/RESULTS.md, "Issue 18, part three: the typical month"). `npm run build`
// runs it after tsc; bin/shipaudit.js runs the bundle when it is at least as new as dist/cli/main.js, and
// dist/cli/main.js otherwise (after a bare `tsc`, say).
//
//   node scripts/bundle.mjs [--out dist/bundle]
//
// - ES modules with code splitting: a command, and a reader of a rarely used format, are still loaded
//   only when used (each `import()` of the sources becomes a chunk).
// - The packages in node_modules stay outside, loaded by Node as before (`packages: 'external'`): the
//   bundle's own files are the project's modules only.
// - Entries keep their names and every chunk sits beside them, so that what a module finds next to itself
//   still is there: the reading thread's module (`new URL('./read-worker.js', import.meta.url)`) and
//   package.json two folders up (dist/bundle/ is as deep as dist/cli/).
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outDir = resolve(ROOT, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist/bundle');

rmSync(outDir, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: { main: join(ROOT, 'dist/cli/main.js'), 'read-worker': join(ROOT, 'dist/engine/read-worker.js') },
  outdir: outDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  target: `node${process.versions.node.split('.')[0]}`,
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
const files = readdirSync(outDir).filter((f) => f.endsWith('.js'));
process.stdout.write(`bundle: ${outDir} (${files.length} files)\n`);
