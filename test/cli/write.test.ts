import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure, isEvidenceCsv, MARKER, Outputs } from '../../src/cli/write.js';

/** The safe output writer on its own; test/attacks/ runs it through the CLI. */
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A working folder `work/` (the cwd) holding inputs in `work/in/`, a pack, a folder and a file of the user. */
function world(): string {
  const root = mkdtempSync(join(tmpdir(), 'shipaudit-write-'));
  made.push(root);
  const work = join(root, 'work');
  mkdirSync(join(work, 'in'), { recursive: true });
  writeFileSync(join(work, 'in', 'orders.txt'), 'orders');
  mkdirSync(join(work, 'pack'));
  writeFileSync(join(work, 'pack', MARKER), '{}');
  mkdirSync(join(work, 'mine'));
  writeFileSync(join(work, 'notes.txt'), 'notes');
  symlinkSync(join(work, 'pack'), join(work, 'link'));
  return work;
}

describe('Outputs.folderRefusal', () => {
  it.each<[string, boolean, string | undefined]>([
    ['.', true, 'holds the working folder'],
    ['..', true, 'holds the working folder'],
    ['in', true, 'is an input of this run, or holds one'],
    ['in/orders.txt', true, 'is an input of this run, or holds one'],
    ['notes.txt', true, 'is a file, not a pack folder'],
    ['link', true, 'is a symbolic link'],
    ['mine', true, `no ${MARKER} marker`],
    ['pack', false, 'already exists'],
    ['pack', true, undefined],
    ['new-pack', false, undefined],
    ['in/new-pack', false, undefined],
  ])('--out %s (force %s) → %s', async (target, force, refusal) => {
    const work = world();
    const outputs = await Outputs.forInputs(['in', 'in/orders.txt'], work);
    const r = await outputs.folderRefusal(target, force);
    if (refusal === undefined) expect(r).toBeUndefined();
    else expect(r).toContain(refusal);
  });
});

describe('Outputs.writeFile', () => {
  const evidence = '\uFEFFOrder ID,Tracking Number,Carrier\r\n';
  it.each<[string, string, { replace?: boolean; owned?: boolean }, RegExp | undefined]>([
    ['a file in an input folder that was not read', 'in/evidence.csv', {}, undefined],
    ['an input', 'in/orders.txt', { replace: true }, /in\/orders\.txt is an input of this run: not overwritten$/],
    [
      'a file not recognised',
      'notes.txt',
      { owned: true },
      /notes\.txt exists and is not an evidence CSV: not overwritten$/,
    ],
    ['a file the user asked to replace', 'notes.txt', { replace: true }, undefined],
    ['a folder', 'mine', { replace: true }, /^cannot write mine: it is a folder$/],
    ['a new file in a new folder', 'out/deep/evidence.csv', {}, undefined],
    [
      'under a file',
      'notes.txt/x.csv',
      {},
      /^cannot write notes\.txt\/x\.csv: a part of the path is not a folder \(ENOTDIR\)$/,
    ],
  ])('%s (%s)', async (_, target, opts, refusal) => {
    const work = world();
    // As a command gives them: the paths named and the files read.
    const outputs = await Outputs.forInputs(['in', 'in/orders.txt'], work);
    const before = readFileSync(join(work, 'in', 'orders.txt'), 'utf8');
    const write = outputs.writeFile(target, evidence, {
      replace: opts.replace,
      ownedIf: opts.owned ? isEvidenceCsv : undefined,
      what: 'an evidence CSV',
    });
    if (refusal) await expect(write).rejects.toThrow(refusal);
    else {
      await write;
      expect(readFileSync(join(work, target), 'utf8')).toBe(evidence);
      expect(readdirSync(join(work, target, '..')).filter((f) => f.includes('shipaudit-tmp'))).toEqual([]);
    }
    expect(readFileSync(join(work, 'in', 'orders.txt'), 'utf8')).toBe(before);
  });

  it('an earlier evidence CSV is recognised and replaced', async () => {
    const work = world();
    writeFileSync(join(work, 'evidence.csv'), `${evidence}old row\r\n`);
    const outputs = await Outputs.forInputs([], work);
    await outputs.writeFile('evidence.csv', evidence, { ownedIf: isEvidenceCsv });
    expect(readFileSync(join(work, 'evidence.csv'), 'utf8')).toBe(evidence);
  });

  it('removes the temp files of a dead or reused pid, keeps those of a live one', async () => {
    const work = world();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const other = spawn('sleep', ['30']);
    await new Promise((res) => other.once('spawn', res));
    try {
      const reused = `.x.csv.shipaudit-tmp-${other.pid}-aa`;
      const live = `.x.csv.shipaudit-tmp-${other.pid}-bb`;
      for (const f of [`.x.csv.shipaudit-tmp-${dead}-cc`, reused, live]) writeFileSync(join(work, f), 'half');
      // Written an hour before the process now holding that pid started: a pid reused since.
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(join(work, reused), hourAgo, hourAgo);
      await (await Outputs.forInputs([], work)).writeFile('evidence.csv', evidence);
      expect(readdirSync(work).filter((f) => f.startsWith('.x.csv'))).toEqual([live]);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('Outputs.writeFolder', () => {
  const PACK = ['READ-ME-FIRST.txt', 'evidence.csv', 'report.pdf'];
  /** `work/pack` as an earlier run left it, with what the seller added since. */
  function earlierPack(): string {
    const work = world();
    for (const f of PACK) writeFileSync(join(work, 'pack', f), `old ${f}`);
    writeFileSync(join(work, 'pack', 'my-notes.txt'), 'call the carrier');
    mkdirSync(join(work, 'pack', 'photos'));
    writeFileSync(join(work, 'pack', 'photos', 'label.jpg'), 'jpeg');
    return work;
  }
  const listing = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

  it('with force replaces only the files it writes in its pack: the seller’s files stay, an old pack file goes', async () => {
    const work = earlierPack();
    const outputs = await Outputs.forInputs(['in'], work);
    // No report.pdf this time (no browser): the old one would contradict the new figures.
    await outputs.writeFolder('pack', { 'READ-ME-FIRST.txt': 'new note', 'evidence.csv': 'new rows' }, true, PACK);
    expect(listing(join(work, 'pack'))).toEqual([
      MARKER,
      'READ-ME-FIRST.txt',
      'evidence.csv',
      'my-notes.txt',
      'photos',
      join('photos', 'label.jpg'),
    ]);
    expect(readFileSync(join(work, 'pack', 'READ-ME-FIRST.txt'), 'utf8')).toBe('new note');
    expect(readFileSync(join(work, 'pack', 'evidence.csv'), 'utf8')).toBe('new rows');
    expect(readFileSync(join(work, 'pack', 'my-notes.txt'), 'utf8')).toBe('call the carrier');
    expect(readFileSync(join(work, 'pack', 'photos', 'label.jpg'), 'utf8')).toBe('jpeg');
    expect(JSON.parse(readFileSync(join(work, 'pack', MARKER), 'utf8')).tool).toBe('shipaudit');
    expect(readdirSync(work).sort()).toEqual(['in', 'link', 'mine', 'notes.txt', 'pack']);
  });

  it('a pack file’s name taken by a folder of the seller’s is refused before anything is written', async () => {
    const work = earlierPack();
    mkdirSync(join(work, 'pack', 'evidence.xlsx'));
    const before = listing(join(work, 'pack'));
    const outputs = await Outputs.forInputs(['in'], work);
    await expect(
      outputs.writeFolder('pack', { 'READ-ME-FIRST.txt': 'new', 'evidence.xlsx': 'new' }, true, PACK),
    ).rejects.toThrow(/^pack\/evidence\.xlsx is not a file shipaudit wrote: not replaced$/);
    expect(listing(join(work, 'pack'))).toEqual(before);
    expect(readFileSync(join(work, 'pack', 'READ-ME-FIRST.txt'), 'utf8')).toBe('old READ-ME-FIRST.txt');
  });

  it('a new folder is built whole beside the target, marker in it', async () => {
    const work = world();
    const outputs = await Outputs.forInputs(['in'], work);
    await outputs.writeFolder('new-pack', { 'evidence.csv': 'rows' }, false, PACK);
    expect(listing(join(work, 'new-pack'))).toEqual([MARKER, 'evidence.csv']);
    expect(readdirSync(work).filter((f) => f.includes('shipaudit-'))).toEqual([]);
  });
});

describe('Outputs.setAside', () => {
  it('keeps the newest few under names of their own, the same moment included', async () => {
    const work = world();
    const outputs = await Outputs.forInputs(['in', 'in/orders.txt'], work);
    const t0 = Date.parse('2026-11-10T14:00:00.000Z');
    const names: string[] = [];
    for (const [i, ms] of [0, 1000, 1000, 2000, 3000, 4000, 5000].entries()) {
      writeFileSync(join(work, 'state.json'), `v${i}`);
      names.push(await outputs.setAside('state.json', 'corrupt', 5, t0 + ms));
    }
    expect(names[2].endsWith('state.json.corrupt-20261110T140001000Z-2')).toBe(true);
    const kept = readdirSync(work)
      .filter((f) => f.startsWith('state.json.corrupt-'))
      .sort();
    expect(kept.map((f) => readFileSync(join(work, f), 'utf8')).sort()).toEqual(['v2', 'v3', 'v4', 'v5', 'v6']);
    await expect(outputs.setAside('in/orders.txt', 'corrupt', 5)).rejects.toThrow(
      /is an input of this run: not set aside/,
    );
  });
});

describe('describeFailure', () => {
  it.each([
    ['ENOSPC', 'cannot write /dev/full: no space left on the device (ENOSPC)'],
    ['EACCES', 'cannot write /dev/full: permission denied (EACCES)'],
    ['EROFS', 'cannot write /dev/full: read-only file system (EROFS)'],
  ])('%s → one line naming the path', (code, message) => {
    const e = Object.assign(new Error('raw'), { code });
    expect(describeFailure('/dev/full', e).message).toBe(message);
  });
});
