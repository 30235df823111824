import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../src/cli/terminal.js';
import { displayWidth } from '../../src/report/style.js';

describe('wrapping Chinese prose, which has no spaces between words', () => {
  const note = '  - 没有提供订单报告：下单日期和最晚发货日期未知，因此未检查 late-confirmation 和 late-handover。';

  // (A word wider than the line is trimmed, in Chinese as in English: 24 columns leave room for the longest.)
  it.each([24, 30, 40, 60])('at %i columns no line is wider and no character is lost', (width) => {
    const lines = wrapLine(note, width);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    expect(
      lines
        .map((l) => l.trim())
        .join('')
        .replace(/ /g, ''),
    ).toBe(note.trim().replace(/ /g, ''));
    // Pieces after the first hang under the text, after the list marker.
    for (const l of lines.slice(1)) expect(l.startsWith('    ')).toBe(true);
  });

  it.each([
    ['a full-width comma or full stop never starts a line', /^\s*[，。、；：）]/],
    ['an identifier is never broken', /late-$|^\s*confirmation|^\s*handover/],
  ])('%s', (_, bad) => {
    for (const width of [20, 24, 28, 32, 36]) {
      for (const l of wrapLine(note, width)) expect(l).not.toMatch(bad);
    }
  });

  it('English lines wrap as before: at spaces only', () => {
    expect(wrapLine('  - one two three four five six', 16)).toEqual(['  - one two', '    three four', '    five six']);
  });
});
