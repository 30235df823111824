// `npm run lint`: every check runs, even after one fails, so that a single run lists everything to fix;
// the exit status is 1 when any of them failed. `npm run lint -- eslint knip` runs only the named checks.
import { spawnSync } from 'node:child_process';

const CHECKS = {
  types: 'tsc -p tsconfig.lint.json',
  eslint: 'eslint --max-warnings 0 .',
  prettier: 'prettier --check .',
  knip: 'knip',
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in CHECKS));
if (unknown.length > 0) {
  console.error(`lint: no check named ${unknown.join(', ')}; the checks are ${Object.keys(CHECKS).join(', ')}`);
  process.exit(2);
}

const failed = [];
for (const [name, command] of Object.entries(CHECKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n> ${name}: ${command}`);
  // npm puts node_modules/.bin on PATH; a shell finds the command there on Windows too.
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  if (status !== 0) failed.push(name);
}
console.log(failed.length === 0 ? '\nlint: all checks passed' : `\nlint: failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
