import { describe, expect, it } from 'vitest';
import { Row } from '../../src/read/row.js';

describe('Row.get: cells trimmed, blank as undefined', () => {
  const row = new Row({ description: 0 });
  it.each([
    ['已收寄', '已收寄'],
    ['  Picked up ', 'Picked up'],
    ['\tAccepted', 'Accepted'],
    ['\u3000已收寄\u3000', '已收寄'], // ideographic space, as Chinese exports pad
    ['\u00a0Delivered\u00a0', 'Delivered'], // no-break space from a web page copy
    ['\ufeffLY123456789CN', 'LY123456789CN'], // a stray BOM at a cell's start
    ['x', 'x'],
    ['', undefined],
    ['   ', undefined],
    ['\u3000', undefined],
  ])('%j → %j', (cell, want) => {
    row.cells = [cell];
    expect(row.get('description')).toBe(want);
  });
});
