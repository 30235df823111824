import type { RuleMeta } from '../model/rule.js';
import type { Style } from './style.js';

export function formatRulesText(metas: readonly RuleMeta[], style: Style): string {
  const width = Math.max(...metas.map((m) => m.id.length));
  const lines: string[] = [];
  for (const m of metas) {
    const sev = m.severity === 'error' ? style.error('error  ') : style.warning('warning');
    lines.push(`${style.bold(m.id.padEnd(width))}  ${sev}  ${m.description}`);
    for (const [name, o] of Object.entries(m.options)) {
      lines.push(`${' '.repeat(width + 11)}${style.dim(`option ${name} (default ${String(o.default)}): ${o.description}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
