import type { RuleMeta } from '../model/rule.js';
import { padEnd, type Style } from './style.js';
import { t } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';

export function formatRulesText(metas: readonly RuleMeta[], style: Style, lang: Lang = 'en'): string {
  const width = Math.max(...metas.map((m) => m.id.length));
  const sevWidth = lang === 'en' ? 7 : 4;
  const lines: string[] = [];
  for (const m of metas) {
    const word = padEnd(t(lang, 'rules.severity', { severity: m.severity }), sevWidth);
    const sev = m.severity === 'error' ? style.error(word) : style.warning(word);
    lines.push(
      `${style.bold(m.id.padEnd(width))}  ${sev}  ${t(lang, 'rules.description', { rule: m.id, text: m.description })}`,
    );
    for (const [name, o] of Object.entries(m.options)) {
      const option = t(lang, 'rules.option', { rule: m.id, name, value: String(o.default), text: o.description });
      lines.push(`${' '.repeat(width + sevWidth + 4)}${style.dim(option)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
