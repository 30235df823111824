import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { chalkStyle, displayWidth, padEnd, padStart, plain, table, truncate } from '../../src/report/style.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['ASCII', 5],
    ['中文', 4],
    ['已收寄 Shenzhen', 15],
    ['ＡＢ', 4], // fullwidth Latin
    ['カタカナ', 8],
    ['한국', 4],
    ['e\u0301', 1], // combining accent takes no cell
    ['\u001b[31mred\u001b[39m', 3], // colour codes take no cell
    ['✔ ok', 4],
  ])('%j is %i cells wide', (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });
});

describe('padding and truncation', () => {
  it.each([
    [padEnd, '中文', 6, '中文  '],
    [padEnd, 'ab', 4, 'ab  '],
    [padStart, '中', 4, '  中'],
    [padEnd, 'toolong', 3, 'toolong'],
  ])('%o(%j, %i)', (fn, s, w, expected) => {
    expect(fn(s, w)).toBe(expected);
  });

  it.each([
    ['short', 10, 'short'],
    ['Arrived at Hub', 8, 'Arrived…'],
    ['到达寄达地处理中心', 7, '到达寄…'],
  ])('truncate(%j, %i)', (s, w, expected) => {
    expect(truncate(s, w)).toBe(expected);
    expect(displayWidth(truncate(s, w))).toBeLessThanOrEqual(w);
  });
});

describe('table', () => {
  it('aligns CJK and coloured cells by display width', () => {
    const red = chalkStyle(new Chalk({ level: 1 }));
    const lines = table(
      ['Event', 'n'],
      [
        ['已收寄', '7'],
        [red.error('Hub'), '12'],
      ],
      ['left', 'right'],
      red,
    );
    const bare = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(bare).toEqual(['  Event    n', '  已收寄   7', '  Hub     12']);
  });

  it('plain style is the identity', () => {
    expect(Object.values(plain).map((f) => f('x'))).toEqual(['x', 'x', 'x', 'x', 'x', 'x']);
  });
});
