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
    // Digits Excel would turn into 9.40011E+21 or strip of a leading zero: kept as text by ="…".
    ['a 22-digit USPS number', '9400111899223197428490', '"=""9400111899223197428490"""'],
    ['a 12-digit FedEx number', '986578788855', '"=""986578788855"""'],
    ['a leading zero', '0307179000052348374', '"=""0307179000052348374"""'],
    ['a short number with a leading zero', '012', '"=""012"""'],
    ['11 digits stay a number (Excel shows them whole)', '33188100260', '33188100260'],
    ['zero alone stays a number', '0', '0'],
    ['a decimal stays a number', '0.5', '0.5'],
    ['digits with letters are text already', '1Z5R89390357567127', '1Z5R89390357567127'],
    ['digits with spaces are text already', '9400 1118 9922 3197 4284 90', '9400 1118 9922 3197 4284 90'],
  ])('%s', (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('csvRow', () => {
  it('joins escaped cells with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b,c', '=d'])).toBe('a,"b,c",\'=d\r\n');
  });
});
