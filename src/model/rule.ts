import type { Severity } from './finding.js';

/** What a rule is and which options it takes: what `shipaudit rules` lists and the config checks. */
interface RuleOption {
  default: number | string | boolean;
  description: string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  options: Record<string, RuleOption>;
}
