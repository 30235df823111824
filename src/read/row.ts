import type { Field } from '../knowledge/headers.js';
import type { FieldIndex } from './detect.js';
import { RowError } from './context.js';

/** A view of one row by field name. Cells are trimmed; a blank cell reads as undefined. */
export class Row {
  cells: string[] = [];
  constructor(private readonly index: FieldIndex) {}

  has(field: Field): boolean {
    return this.index[field] !== undefined;
  }

  get(field: Field): string | undefined {
    const i = this.index[field];
    if (i === undefined) return undefined;
    if (i >= this.cells.length)
      throw new RowError(`row has ${this.cells.length} columns, ${field} is column ${i + 1} (truncated row?)`);
    const v = this.cells[i].trim();
    return v === '' ? undefined : v;
  }

  require(field: Field, what: string): string {
    const v = this.get(field);
    if (v === undefined) throw new RowError(`${what} is empty`);
    return v;
  }
}

/** The model field → header name mapping shown by `inspect`. */
export function mappingOf(index: FieldIndex, headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, i] of Object.entries(index)) if (i !== undefined) out[f] = headers[i];
  return out;
}
