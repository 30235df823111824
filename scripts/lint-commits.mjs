// `npm run lint:commits`: commitlint over every commit made on top of the one that adopted it (the first
// commit that added commitlint.config.js). Older history, and commits of branches that started before the
// adoption and were merged later, are left as they were. Merge commits are skipped: the lead's merges read
// "merge: ...", which is not a conventional type.
import { execFileSync, spawnSync } from 'node:child_process';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const adopted = git('log', '--diff-filter=A', '--reverse', '--format=%H', '--', 'commitlint.config.js').split('\n')[0];
if (!adopted) {
  console.error('lint:commits: no commit adds commitlint.config.js (a shallow clone? fetch the history)');
  process.exit(2);
}

const runs = [
  // The adopting commit itself...
  ['--from', `${adopted}^`, '--to', adopted],
  // ...and every commit that descends from it.
  ['--from', adopted, '--to', 'HEAD', '--git-log-args=--ancestry-path --no-merges'],
];
let status = 0;
for (const args of runs) {
  const r = spawnSync('commitlint', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) status = 1;
}
const count = git('rev-list', '--count', '--no-merges', '--ancestry-path', `${adopted}^..HEAD`);
console.log(`lint:commits: ${count} commits since ${adopted.slice(0, 7)}: ${status === 0 ? 'all conventional' : 'see above'}`);
process.exit(status);
