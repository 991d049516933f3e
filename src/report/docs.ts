// Where the rule pages live. DOCS_BASE is defined once, with the rules (src/rules/types.ts):
// absolute, because the comment and the summary are read outside the action's repository.
import { DOCS_BASE } from '../rules/types.js';

export { DOCS_BASE };

const RULE_ID = /^HC\d{3}$/;

/** Is this a rule id that has a page (HC101), rather than free text from a report file? */
export function isRuleId(id: string): boolean {
  return RULE_ID.test(id);
}

/** URL of a rule's page, or null for ids that have none. */
export function ruleDocUrl(id: string): string | null {
  return isRuleId(id) ? `${DOCS_BASE}${id}.md` : null;
}
