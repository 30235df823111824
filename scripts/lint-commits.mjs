// `npm run lint:commits`: commitlint's rules over every commit made on top of the one that adopted them
// (the first commit that added commitlint.config.js), that one included. Older history, and the commits of
// branches that started before the adoption and were merged later, are left as they were. Merge commits are
// skipped: the lead's merges read "merge: ...", which is not a conventional type.
// The list is made here because commitlint's own --git-log-args are ignored by the git reader it uses.
import { execFileSync } from 'node:child_process';
import lint from '@commitlint/lint';
import load from '@commitlint/load';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const adopted = git('log', '--diff-filter=A', '--reverse', '--format=%H', '--', 'commitlint.config.js').split('\n')[0];
if (!adopted) {
  console.error('lint:commits: no commit adds commitlint.config.js (a shallow clone? fetch the history)');
  process.exit(2);
}
const later = git('rev-list', '--reverse', '--no-merges', '--ancestry-path', `${adopted}..HEAD`);
const commits = [adopted, ...later.split('\n').filter(Boolean)];

const config = await load();
const options = {
  parserOpts: config.parserPreset?.parserOpts ?? {},
  plugins: config.plugins ?? {},
  ignores: config.ignores ?? [],
  defaultIgnores: config.defaultIgnores !== false,
};

let failed = 0;
for (const sha of commits) {
  const message = git('log', '-1', '--format=%B', sha);
  const { valid, errors, warnings } = await lint(message, config.rules, options);
  if (errors.length === 0 && warnings.length === 0) continue;
  console.log(`${sha.slice(0, 7)} ${message.split('\n')[0]}`);
  for (const e of errors) console.log(`  error    ${e.message} [${e.name}]`);
  for (const w of warnings) console.log(`  warning  ${w.message} [${w.name}]`);
  if (!valid) failed++;
}
console.log(
  `lint:commits: ${commits.length} commits since ${adopted.slice(0, 7)}, ` +
    (failed === 0 ? 'all conventional' : `${failed} not (see above)`),
);
process.exit(failed === 0 ? 0 : 1);
