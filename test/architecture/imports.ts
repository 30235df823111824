/**
 * The house's import rules as data, and a checker over module texts. The rooms stand in layers; a module
 * may import its own room and the rooms below its layer, never above or beside (the one-line map, also in
 * ARCHITECTURE.md):
 *
 *   cli → (check, gate, sources, config, report) → audit → rules → engine → read → knowledge → (model, i18n)
 *
 * with three rules besides: reporters import `model` and `i18n` (the words they print) alone; outside `src/engine/` only `engine/index.ts`
 * is imported; and what the table names as forbidden for a room (the CLI's settings, terminal and error
 * modules for the engine) stays out of it even where the layers would allow.
 */

/** Layers from the top; rooms in one layer may not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['cli'],
  ['check', 'gate', 'sources', 'config', 'report'],
  ['audit'],
  ['rules'],
  ['engine'],
  ['read'],
  ['knowledge'],
  ['model', 'i18n'],
];

/** Rooms that may import fewer rooms than their layer allows: room → the only other rooms it may import. */
const ONLY: Readonly<Record<string, readonly string[]>> = {
  report: ['model', 'i18n'],
};

/** A room's one door: modules of the room that other rooms may import (any other module is private). */
const DOORS: Readonly<Record<string, readonly string[]>> = {
  engine: ['engine/index.ts'],
};

export interface Module {
  /** Path under src/, with forward slashes: `engine/load.ts`. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  imported: string;
  why: string;
}

/** Every relative import of a module (static, re-export, dynamic), with its line. */
export function importsOf(text: string): Array<{ spec: string; line: number }> {
  const found: Array<{ spec: string; line: number }> = [];
  const patterns = [
    // import … from '…' / export … from '…', over several lines when the names are listed one a line.
    /^[ \t]*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    // import '…' (for its effects)
    /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
    // import('…')
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      if (!m[1].startsWith('.')) continue;
      const at = m.index + m[0].lastIndexOf(m[1]);
      found.push({ spec: m[1], line: text.slice(0, at).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** `from` (a path under src/) importing `spec` → the imported path under src/, `.js` read as `.ts`. */
function resolveSpec(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const p of spec.split('/')) {
    if (p === '.' || p === '') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/').replace(/\.js$/, '.ts');
}

const roomOf = (path: string) => path.split('/')[0];

function layerOf(room: string): number {
  const i = LAYERS.findIndex((l) => l.includes(room));
  if (i < 0) throw new Error(`room ${room} is in no layer of the import map (test/architecture/imports.ts)`);
  return i;
}

/** Why `from` may not import `to` (paths under src/), or undefined when it may. */
function whyNot(from: string, to: string): string | undefined {
  const a = roomOf(from);
  const b = roomOf(to);
  if (a === b) return undefined;
  const doors = DOORS[b];
  if (doors && !doors.includes(to)) return `${to} is inside ${b}/: import ${doors.join(' or ')}`;
  const only = ONLY[a];
  if (only && !only.includes(b)) return `${a}/ imports ${only.join(', ')} alone, not ${b}/`;
  const la = layerOf(a);
  const lb = layerOf(b);
  if (lb === la) return `${a}/ and ${b}/ stand side by side: neither imports the other`;
  if (lb < la) return `${b}/ stands above ${a}/ (${LAYERS.map((l) => l.join(', ')).join(' → ')})`;
  return undefined;
}

/** Every import of the modules that breaks the map, with file and line. */
export function checkImports(modules: readonly Module[]): Violation[] {
  const out: Violation[] = [];
  for (const m of modules) {
    for (const { spec, line } of importsOf(m.text)) {
      const to = resolveSpec(m.path, spec);
      const why = whyNot(m.path, to);
      if (why) out.push({ file: `src/${m.path}`, line, imported: spec, why });
    }
  }
  return out;
}
