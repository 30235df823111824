import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLineError, shipaudit, snapshot, useBuiltCli, withSample } from './helpers.js';

/**
 * Issue 15, item 6: `--evidence` wrote over whatever it named — an input of the run, a file of the seller —
 * and replaced a device node or a FIFO with a regular file (rename onto it); write errors were "internal".
 */
useBuiltCli();
const isRoot = process.getuid?.() === 0;
const HEADER = /^\uFEFFOrder ID,Tracking Number,Carrier,/;

describe('--evidence never writes over an input or a file shipaudit did not write', () => {
  it.each([
    [
      'an input file found in a folder',
      ['in'],
      'in/tracking.csv',
      /in\/tracking\.csv is an input of this run: not overwritten/,
    ],
    [
      'an input file named',
      ['in/all-orders.txt', 'in/confirmations.txt', 'in/tracking.csv'],
      'in/confirmations.txt',
      /confirmations\.txt is an input of this run: not overwritten/,
    ],
    [
      'a file of the seller',
      ['in'],
      'notes.csv',
      /notes\.csv exists and is not an evidence CSV written by shipaudit: not overwritten/,
    ],
    ['a folder', ['in'], 'folder', /^shipaudit: cannot write folder: it is a folder$/],
    ['a path under a file', ['in'], 'notes.csv/evidence.csv', /notes\.csv\/evidence\.csv: .*not a folder/],
  ])('%s: refused with one line, exit 2, nothing changed', (_, inputs, target, message) => {
    const dir = withSample();
    writeFileSync(join(dir, 'notes.csv'), 'my,own\nnumbers,1\n');
    mkdirSync(join(dir, 'folder'));
    const before = snapshot(dir);
    const r = shipaudit(dir, 'audit', ...inputs, '--evidence', target);
    expect(r.code).toBe(2);
    expect(oneLineError(r.stderr)).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an evidence CSV of an earlier run is replaced', () => {
    const dir = withSample();
    expect(shipaudit(dir, 'audit', 'in', '--evidence', 'evidence.csv').code).toBe(1);
    writeFileSync(join(dir, 'evidence.csv'), `${readFileSync(join(dir, 'evidence.csv'), 'utf8')}stale row\r\n`);
    expect(shipaudit(dir, 'audit', 'in', '--evidence', 'evidence.csv').code).toBe(1);
    expect(readFileSync(join(dir, 'evidence.csv'), 'utf8')).toMatch(HEADER);
    expect(readFileSync(join(dir, 'evidence.csv'), 'utf8')).not.toContain('stale row');
  });
});

describe('--evidence naming something that is not a regular file writes to it, never replaces it', () => {
  it('a FIFO: the reader gets the CSV, the FIFO stays a FIFO', async () => {
    const dir = withSample();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
    try {
      const r = shipaudit(dir, 'audit', 'in', '--evidence', 'pipe');
      expect(r.code, r.stderr).toBe(1);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await new Promise((res) => (reader.exitCode !== null ? res(undefined) : reader.on('close', res)));
      expect(got).toMatch(HEADER);
    } finally {
      reader.kill('SIGKILL');
    }
  });

  // Device nodes like /dev/null and /dev/full (made here with mknod, the same kind of node, so that a
  // regression can't replace the machine's own /dev/null). Making a device node needs root; CI runs as root.
  it.skipIf(!isRoot)('a device like /dev/null: written to, still a character device', () => {
    const dir = withSample();
    expect(spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status).toBe(0);
    const r = shipaudit(dir, 'audit', 'in', '--evidence', 'null');
    expect(r.code, r.stderr).toBe(1);
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it.skipIf(!isRoot)(
    'a full device like /dev/full: "no space left" in one line naming it, exit 2, still a device',
    () => {
      const dir = withSample();
      expect(spawnSync('mknod', [join(dir, 'full'), 'c', '1', '7']).status).toBe(0);
      const r = shipaudit(dir, 'audit', 'in', '--evidence', 'full');
      expect(r.code).toBe(2);
      expect(oneLineError(r.stderr)).toMatch(/^shipaudit: cannot write full: no space left on the device \(ENOSPC\)$/);
      expect(lstatSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
    },
  );
});
