import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLineError, shipaudit, snapshot, useBuiltCli, withSample } from './helpers.js';

/**
 * Issue 15, item 1: `appeal --out X --force` renamed X aside and deleted it, whatever X was — the working
 * folder, the input folder, a file. Only a folder shipaudit wrote (it holds the pack marker) may be written
 * into, and there only the pack's own files are replaced: what the seller added to it stays.
 */
useBuiltCli();
const FIX = '2026-11-03';

describe('appeal --force never deletes what it did not write', () => {
  it.each([
    ['the working folder', '.', /\/shipaudit-attack-[^/]+ holds the working folder/],
    ['the input folder', 'in', /\/in is an input of this run, or holds one/],
    ['a folder holding the input folder', 'data', /\/data is an input of this run, or holds one/],
    ['an input file', 'in/all-orders.txt', /\/in\/all-orders\.txt is a file, not a pack folder/],
    ['a file of the seller', 'notes.txt', /\/notes\.txt is a file, not a pack folder/],
    ['a folder of the seller', 'photos', /\/photos was not written by shipaudit appeal \(no \.shipaudit-pack marker\)/],
  ])('--out naming %s is refused, exit 2, nothing touched', (_, target, message) => {
    const dir = withSample(target === 'data' ? 'data/in' : 'in');
    const input = target === 'data' ? 'data/in' : 'in';
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    mkdirSync(join(dir, 'photos'));
    writeFileSync(join(dir, 'photos', 'parcel.jpg'), 'jpeg bytes');
    const before = snapshot(dir);
    const r = shipaudit(dir, 'appeal', input, '--fixed-on', FIX, '--out', target, '--force');
    expect(r.code).toBe(2);
    expect(oneLineError(r.stderr)).toMatch(message);
    expect(oneLineError(r.stderr)).toMatch(/not replaced/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a pack folder written by shipaudit is written into with --force, and only then; the seller’s files stay', () => {
    const dir = withSample();
    const first = shipaudit(dir, 'appeal', 'in', '--fixed-on', FIX, '--out', 'pack');
    expect(first.code, first.stderr).toBe(0);
    const packFiles = readdirSync(join(dir, 'pack')).sort();
    expect(packFiles).toContain('.shipaudit-pack');
    // What the seller puts in the pack: notes, and a folder of photos.
    writeFileSync(join(dir, 'pack', 'my-notes.txt'), 'asked UPS for the pickup log\n');
    mkdirSync(join(dir, 'pack', 'photos'));
    writeFileSync(join(dir, 'pack', 'photos', 'parcel.jpg'), 'jpeg bytes');
    writeFileSync(join(dir, 'pack', 'plan-of-action.txt'), 'edited by hand');
    const kept = shipaudit(dir, 'appeal', 'in', '--fixed-on', FIX, '--out', 'pack');
    expect([kept.code, oneLineError(kept.stderr)]).toEqual([2, expect.stringMatching(/pack already exists/)]);
    const forced = shipaudit(dir, 'appeal', 'in', '--fixed-on', FIX, '--out', 'pack', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(join(dir, 'pack')).sort()).toEqual([...packFiles, 'my-notes.txt', 'photos'].sort());
    expect(readFileSync(join(dir, 'pack', 'my-notes.txt'), 'utf8')).toBe('asked UPS for the pickup log\n');
    expect(readFileSync(join(dir, 'pack', 'photos', 'parcel.jpg'), 'utf8')).toBe('jpeg bytes');
    // The pack's own files are the tool's: --force replaces them.
    expect(readFileSync(join(dir, 'pack', 'plan-of-action.txt'), 'utf8')).toMatch(/1\. ROOT CAUSE/);
    expect(readdirSync(dir).sort()).toEqual(['in', 'pack']); // nothing left beside it
    expect(readdirSync(join(dir, 'pack')).filter((f) => f.includes('shipaudit-tmp'))).toEqual([]);
  });
});
