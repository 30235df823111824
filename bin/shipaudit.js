#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundle of the built CLI (scripts/bundle.mjs: a few files for Node to load instead of a hundred and
// more), unless a later `tsc` has left it behind dist/cli/, which then runs as it is.
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const modules = new URL('../dist/cli/main.js', import.meta.url);
const bundle = new URL('../dist/bundle/main.js', import.meta.url);
const built = mtime(modules);
if (built === undefined) {
  process.stderr.write(
    'shipaudit: not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n',
  );
  process.exit(2);
}
await import((mtime(bundle) ?? -Infinity) >= built ? bundle.href : modules.href);
