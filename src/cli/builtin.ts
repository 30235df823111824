import { createRequire } from 'node:module';

/**
 * A built-in module loaded when first needed, synchronously: for what a command rarely uses (`chcp` on
 * Windows, the random part of a temporary file's name), which a month's audit then never loads. Built-in
 * modules resolve from any path; the executable's is one that the single executable's bundle has too.
 */
const load = createRequire(process.execPath);

export function builtin<T extends 'node:child_process' | 'node:crypto'>(name: T): BuiltinOf<T> {
  return load(name) as BuiltinOf<T>;
}

type BuiltinOf<T> = T extends 'node:child_process' ? typeof import('node:child_process') : typeof import('node:crypto');
