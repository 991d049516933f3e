// Every rule, by id. Groups follow the id ranges: HC1xx user, HC2xx health,
// HC3xx configuration and secrets, HC4xx ownership, HC5xx practice and syntax.
import type { Rule, RuleMeta } from './types.js';
import { rules as user } from './user/index.js';
import { rules as health } from './health/index.js';
import { rules as config } from './config/index.js';
import { rules as ownership } from './ownership/index.js';
import { rules as practice } from './practice/index.js';
import { syntaxRuleMetas } from './syntax/index.js';
import { RUNTIME_RULES } from '../runtime/rules.js';

export const RULES: readonly Rule[] = [...user, ...health, ...config, ...ownership, ...practice].sort(
  (a, b) => a.meta.id.localeCompare(b.meta.id),
);

const META = new Map<string, RuleMeta>();
// Runtime-only findings (HC9xx, HC312) have no static counterpart to list.
const runtimeMetas: RuleMeta[] = RUNTIME_RULES.map((r) => ({ ...r, anchors: {} }));
for (const m of [...RULES.map((r) => r.meta), ...syntaxRuleMetas, ...runtimeMetas]) {
  if (META.has(m.id)) throw new Error(`duplicate rule id ${m.id}`);
  META.set(m.id, m);
}

/** Metadata of any rule, static, syntax or runtime. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return META.get(id);
}

export function allRuleMetas(): RuleMeta[] {
  return [...META.values()].sort((a, b) => a.id.localeCompare(b.id));
}
