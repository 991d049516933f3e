// The rule metadata the renderers need: the fields of src/rules/types.ts RuleMeta that
// SARIF uses, typed structurally so the registry's lookup can be passed as it is and
// renderers stay testable without the registry.
import type { CheckId, Severity } from './types.js';

export interface RuleMetaLike {
  id: string;
  title: string;
  severity: Severity;
  check?: CheckId;
  /** Counterparts in other tools: { hadolint: ['DL3002'], trivy: ['DS002'], ... }. */
  anchors?: object;
  description: string;
  /** URL of the rule page, when it is not DOCS_BASE + id + ".md". */
  docs?: string;
}

export type RuleMetaLookup = (id: string) => RuleMetaLike | undefined;

export const noRuleMeta: RuleMetaLookup = () => undefined;

/** Anchors as "tool: ID, ID" pairs, ignoring anything that is not a list of strings. */
export function anchorEntries(anchors: object | undefined): [string, string[]][] {
  if (!anchors) return [];
  return Object.entries(anchors as Record<string, unknown>)
    .filter(
      (e): e is [string, string[]] =>
        Array.isArray(e[1]) && e[1].length > 0 && e[1].every((x) => typeof x === 'string'),
    )
    .sort((a, b) => a[0].localeCompare(b[0]));
}
