import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globBase } from '../../src/check/inputs.js';
import {
  fileMatches,
  inputGlob,
  isInside,
  isRoot,
  isSameOrInside,
  pathKey,
  samePath,
  toSlashes,
} from '../../src/cli/paths.js';

// Windows path rules tested with node:path/win32 (CI has no Windows), the POSIX ones beside them.

describe('samePath: Windows compares names without case, POSIX with', () => {
  // [path module, a, b, same]
  const CASES: Array<[typeof posix, string, string, boolean]> = [
    [posix, '/srv/amazon/orders.txt', '/srv/amazon/orders.txt', true],
    [posix, '/srv/amazon/orders.txt', '/srv/Amazon/Orders.txt', false],
    [posix, '/srv/amazon/', '/srv/amazon', true],
    [posix, '/srv/amazon/./x/../orders.txt', '/srv/amazon/orders.txt', true],
    [win32, 'C:\\Users\\卖家\\订单.csv', 'c:\\users\\卖家\\订单.CSV', true],
    [win32, 'C:\\Users\\卖家\\订单.csv', 'C:/Users/卖家/订单.csv', true],
    [win32, 'C:\\data\\', 'C:\\data', true],
    [win32, 'C:\\data\\orders.csv', 'D:\\data\\orders.csv', false],
    [win32, '\\\\NAS\\Shop\\orders.csv', '\\\\nas\\shop\\ORDERS.csv', true],
    [win32, '\\\\nas\\shop\\orders.csv', '\\\\nas\\other\\orders.csv', false],
  ];
  it.each(CASES)('%#: %s vs %s → %s', (path, a, b, same) => {
    expect(samePath(a, b, path)).toBe(same);
  });

  it('keeps the root separator of a drive or share', () => {
    expect(pathKey('C:\\', win32)).toBe('c:\\');
    expect(pathKey('/', posix)).toBe('/');
    expect(pathKey('\\\\nas\\shop\\', win32)).toBe('\\\\nas\\shop\\');
  });
});

describe('isInside / isSameOrInside: the "never write over an input" and data-folder checks', () => {
  // [path module, child, parent, inside, same or inside]
  const CASES: Array<[typeof posix, string, string, boolean, boolean]> = [
    [posix, '/srv/amazon/orders/a.txt', '/srv/amazon', true, true],
    [posix, '/srv/amazon', '/srv/amazon', false, true],
    [posix, '/srv/amazon-old/a.txt', '/srv/amazon', false, false],
    [posix, '/srv/Amazon/a.txt', '/srv/amazon', false, false],
    [posix, '/srv/amazon/..data/a.txt', '/srv/amazon', true, true],
    [posix, '/srv/a.txt', '/srv/amazon', false, false],
    [posix, '/srv/amazon/a.txt', '/', true, true],
    [win32, 'C:\\Shop\\订单\\a.csv', 'c:\\shop', true, true],
    [win32, 'C:\\Shop', 'c:\\SHOP\\', false, true],
    [win32, 'C:\\Shop-old\\a.csv', 'C:\\Shop', false, false],
    [win32, 'D:\\Shop\\a.csv', 'C:\\Shop', false, false],
    [win32, 'C:\\Shop\\a.csv', 'C:\\', true, true],
    [win32, '\\\\nas\\shop\\2026\\a.csv', '\\\\NAS\\Shop', true, true],
    [win32, '\\\\nas\\shop2\\a.csv', '\\\\nas\\shop', false, false],
  ];
  it.each(CASES)('%#: %s in %s → %s, %s', (path, child, parent, inside, sameOrInside) => {
    expect(isInside(child, parent, path)).toBe(inside);
    expect(isSameOrInside(child, parent, path)).toBe(sameOrInside);
  });

  it.each([
    [posix, '/', true],
    [posix, '/srv', false],
    [win32, 'C:\\', true],
    [win32, 'C:\\Shop', false],
    [win32, '\\\\nas\\shop\\', true],
    [win32, '\\\\nas\\shop\\x', false],
  ] as const)('%#: %s is a root → %s', (path, p, root) => {
    expect(isRoot(p, path)).toBe(root);
  });

  it('turns Windows separators into slashes for globs, and leaves a POSIX backslash alone', () => {
    expect(toSlashes('C:\\Shop\\订单\\a.csv', win32)).toBe('C:/Shop/订单/a.csv');
    expect(toSlashes('/srv/odd\\name.csv', posix)).toBe('/srv/odd\\name.csv');
  });
});

describe('globBase: the folder an inputs glob walks', () => {
  it.each([
    ['C:\\exports\\tracking\\*.csv', 'C:/exports/tracking'],
    ['C:/*.csv', 'C:/'],
    ['C:\\*.csv', 'C:/'],
    ['D:\\店铺\\订单\\**\\*.txt', 'D:/店铺/订单'],
    ['\\\\nas\\shop\\*.csv', '//nas/shop'],
    ['/*.csv', '/'],
    ['\\*.csv', '/'],
    ['*.csv', '.'],
  ])('%s walks %s', (entry, base) => {
    expect(globBase(entry)).toBe(base);
  });
});

describe('inputGlob: an inputs glob from the config folder', () => {
  // [path module, config folder, entry, root walked, file, matches]
  const CASES: Array<[typeof posix, string, string, string, string, boolean]> = [
    [posix, '/srv/amazon', 'tracking/*.csv', '/srv/amazon/tracking', '/srv/amazon/tracking/ups.csv', true],
    [posix, '/srv/amazon', 'tracking/*.csv', '/srv/amazon/tracking', '/srv/amazon/tracking/UPS.CSV', false],
    [posix, '/srv/amazon', 'tracking/*.csv', '/srv/amazon/tracking', '/srv/amazon/tracking/sub/ups.csv', false],
    [posix, '/srv/amazon', 'drops/**/orders-*.txt', '/srv/amazon/drops', '/srv/amazon/drops/a/b/orders-1.txt', true],
    [posix, '/srv/amazon', 'tracking/*.csv', '/srv/amazon/tracking', '/srv/amazon/tracking/.hidden.csv', false],
    // The config's folder holds glob characters: they are a name, not a pattern.
    [posix, '/srv/shop[US]', 'tracking/*.csv', '/srv/shop[US]/tracking', '/srv/shop[US]/tracking/ups.csv', true],
    [posix, '/srv/amazon', '/data/{orders,tracking}/*', '/data', '/data/orders/a.txt', true],
    [win32, 'C:\\Shop', 'tracking\\*.csv', 'C:\\Shop\\tracking', 'C:\\Shop\\tracking\\ups.csv', true],
    [win32, 'C:\\Shop', 'tracking\\*.csv', 'C:\\Shop\\tracking', 'c:\\shop\\Tracking\\UPS.CSV', true],
    [win32, 'C:\\Shop', 'tracking/*.csv', 'C:\\Shop\\tracking', 'C:\\Shop\\tracking\\sub\\ups.csv', false],
    [win32, 'D:\\店铺[US]', '订单\\*.txt', 'D:\\店铺[US]\\订单', 'D:\\店铺[US]\\订单\\全部订单.txt', true],
    [win32, 'C:\\Shop', 'D:\\exports\\**\\*.csv', 'D:\\exports', 'D:\\exports\\2026\\11\\t.csv', true],
    [win32, 'C:\\Shop', 'D:\\exports\\*.csv', 'D:\\exports', 'C:\\exports\\t.csv', false],
    [win32, 'C:\\Shop', 'C:\\*.csv', 'C:\\', 'C:\\t.csv', true],
    [
      win32,
      'C:\\Shop',
      '\\\\nas\\shop\\tracking\\*.csv',
      '\\\\nas\\shop\\tracking',
      '\\\\NAS\\Shop\\tracking\\t.csv',
      true,
    ],
  ];
  it.each(CASES)('%#: %s + %s walks %s; %s → %s', (path, base, entry, root, file, want) => {
    const glob = inputGlob(base, entry, path);
    expect(glob.root).toBe(root);
    expect(glob.matches(file)).toBe(want);
  });
});

describe('fileMatches with Windows paths: files[].match from the config folder', () => {
  // [config folder, pattern, file, matches]
  const CASES: Array<[string, string, string, boolean]> = [
    ['C:\\Shop', 'erp/*.csv', 'C:\\Shop\\erp\\tracking.csv', true],
    ['C:\\Shop', 'erp\\*.csv', 'C:\\Shop\\erp\\tracking.csv', true],
    ['C:\\Shop', 'ERP/*.csv', 'c:\\shop\\erp\\Tracking.CSV', true],
    ['C:\\Shop', 'erp/*.csv', 'C:\\Other\\erp\\tracking.csv', false],
    ['C:\\Shop', 'yanwen-*.csv', 'D:\\下载\\yanwen-1.csv', true],
    ['C:\\Shop', '燕文-*.csv', 'D:\\下载\\燕文-十一月.csv', true],
    ['C:\\Shop', 'D:\\exports\\*.csv', 'd:\\Exports\\t.csv', true],
    ['C:\\Shop', 'D:/exports/*.csv', 'C:\\exports\\t.csv', false],
    ['C:\\Shop', '..\\shared\\*.txt', 'C:\\shared\\orders.txt', true],
    ['C:\\Shop', 'erp/*.csv', 'D:\\Shop\\erp\\tracking.csv', false],
    ['\\\\nas\\shop', 'erp/*.csv', '\\\\NAS\\shop\\erp\\t.csv', true],
  ];
  it.each(CASES)('%#: %s + %s on %s → %s', (base, pattern, file, want) => {
    expect(fileMatches(file, pattern, base, win32)).toBe(want);
  });

  it.each([
    ['/home/seller/audit', 'erp/*.csv', '/home/seller/audit/erp/Tracking.CSV', false],
    ['/home/seller/audit', 'erp/*.CSV', '/home/seller/audit/erp/t.CSV', true],
  ])('POSIX stays case-sensitive: %s + %s on %s → %s', (base, pattern, file, want) => {
    expect(fileMatches(file, pattern, base, posix)).toBe(want);
  });
});
