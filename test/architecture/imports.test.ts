import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, importsOf, LAYERS, type Module } from './imports.js';

function sources(dir = 'src'): Module[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts')
      ? [{ path: relative('src', p).split('\\').join('/'), text: readFileSync(p, 'utf8') }]
      : [];
  });
}

const show = (v: ReturnType<typeof checkImports>) => v.map((x) => `${x.file}:${x.line}: ${x.imported}: ${x.why}`);

describe('the import map', () => {
  it('holds over src/', () => {
    const modules = sources();
    // The walk found the tree: every room of the map has modules.
    expect(new Set(modules.map((m) => m.path.split('/')[0]))).toEqual(new Set(LAYERS.flat()));
    expect(show(checkImports(modules))).toEqual([]);
  });

  it.each<[string, Module, string]>([
    [
      'a reporter importing the audit',
      {
        path: 'report/text.ts',
        text: "import type { Finding } from '../model/finding.js';\n\nimport { audit } from '../audit/run.js';\n",
      },
      'src/report/text.ts:3: ../audit/run.js: report/ imports model, i18n alone, not audit/',
    ],
    [
      'the audit reaching past the engine door',
      { path: 'audit/run.ts', text: "import {\n  join,\n} from '../engine/join.js';\n" },
      'src/audit/run.ts:3: ../engine/join.js: engine/join.ts is inside engine/: import engine/index.ts',
    ],
    [
      'the engine importing the CLI settings',
      { path: 'engine/load.ts', text: "// settings\nimport type { Settings } from '../cli/settings.js';\n" },
      'src/engine/load.ts:2: ../cli/settings.js: cli/ stands above engine/ (cli → check, gate, sources, config, report → audit → rules → engine → read → knowledge → model, i18n)',
    ],
    [
      'model importing knowledge (model is the bottom)',
      { path: 'model/shipment.ts', text: "export type { Recognition } from '../knowledge/tracking-numbers.js';\n" },
      'src/model/shipment.ts:1: ../knowledge/tracking-numbers.js: knowledge/ stands above model/ (cli → check, gate, sources, config, report → audit → rules → engine → read → knowledge → model, i18n)',
    ],
    [
      'two rooms side by side',
      { path: 'check/run.ts', text: "const gate = await import('../gate/decide.js');\n" },
      'src/check/run.ts:1: ../gate/decide.js: check/ and gate/ stand side by side: neither imports the other',
    ],
  ])('reports %s with file and line', (_, module, line) => {
    expect(show(checkImports([module]))).toEqual([line]);
  });

  it('lets a room import its own modules, the rooms below and the engine through its door', () => {
    const ok: Module = {
      path: 'audit/run.ts',
      text: "import { x } from './stats.js';\nimport { RULES } from '../rules/index.js';\nimport type { Loaded } from '../engine/index.js';\nimport { z } from 'zod';\n",
    };
    expect(checkImports([ok])).toEqual([]);
  });

  it('finds imports of every form, on their lines', () => {
    const text =
      "import a from './a.js';\nexport { b } from './b.js';\nimport './c.js';\nconst d = () => import('./d.js');\nimport {\n  e,\n} from './e.js';\n";
    expect(importsOf(text)).toEqual([
      { spec: './a.js', line: 1 },
      { spec: './b.js', line: 2 },
      { spec: './c.js', line: 3 },
      { spec: './d.js', line: 4 },
      { spec: './e.js', line: 7 },
    ]);
  });
});
