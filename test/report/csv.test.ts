import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../src/report/csv.js';

describe('csvCell', () => {
  it.each([
    ['plain text', 'RB123456785CN', 'RB123456785CN'],
    ['empty', '', ''],
    ['CJK passes through', '已收寄', '已收寄'],
    ['comma is quoted', 'GUANGZHOU, CN', '"GUANGZHOU, CN"'],
    ['quotes are doubled', 'say "hi"', '"say ""hi"""'],
    ['LF is quoted', 'a\nb', '"a\nb"'],
    ['formula =', '=1+1', "'=1+1"],
    ['formula +', '+1', "'+1"],
    ['plain negative number stays a number', '-1', '-1'],
    ['negative gap stays a number', '-19.6', '-19.6'],
    ['minus and a formula', '-2+3', "'-2+3"],
    ['minus and a command', '-cmd|/C calc', "'-cmd|/C calc"],
    ['minus and a cell reference', '-A1', "'-A1"],
    ['minus and a number with more after it', '-3.5 h', "'-3.5 h"],
    ['minus with an exponent is not plain', '-1e5', "'-1e5"],
    ['minus alone', '-', "'-"],
    ['minus and a trailing dot', '-3.', "'-3."],
    ['minus, number, newline', '-3\n=1', '"\'-3\n=1"'],
    ['formula @', '@SUM(A1)', "'@SUM(A1)"],
    ['leading TAB', '\t=1', "'\t=1"],
    ['leading CR is escaped and quoted', '\r=1', '"\'\r=1"'],
    ['formula with quotes and comma', '=HYPERLINK("u","c")', '"\'=HYPERLINK(""u"",""c"")"'],
    ['minus inside is harmless', 'A-1', 'A-1'],
    ['equals inside is harmless', 'a=b', 'a=b'],
  ])('%s', (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('csvRow', () => {
  it('joins escaped cells with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b,c', '=d'])).toBe('a,"b,c",\'=d\r\n');
  });
});
