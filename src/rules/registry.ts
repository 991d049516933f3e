// Every rule, by id: the static rules (all.ts, generated from the rule modules), the ids the
// syntax layer maps dockerfile-utils' diagnostics onto, and the runtime ids.
import type { RuleMeta } from './types.js';
import { STATIC_RULES } from './all.js';
import { syntaxRuleMetas } from './syntax/validate.js';
import { RUNTIME_RULES } from '../runtime/rules.js';

// Built on first use: HC526 reads rule metadata and is itself in STATIC_RULES, so the map cannot
// be built while the rule modules are still loading.
let META: Map<string, RuleMeta> | null = null;

function metas(): Map<string, RuleMeta> {
  if (META) return META;
  const map = new Map<string, RuleMeta>();
  // Runtime-only findings (HC9xx, HC312) have no static counterpart to list.
  const runtimeMetas: RuleMeta[] = RUNTIME_RULES.map((r) => ({ ...r, anchors: {} }));
  for (const m of [...STATIC_RULES.map((r) => r.meta), ...syntaxRuleMetas, ...runtimeMetas]) {
    if (map.has(m.id)) throw new Error(`duplicate rule id ${m.id}`);
    map.set(m.id, m);
  }
  return (META = map);
}

/** Metadata of any rule, static, syntax or runtime. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return metas().get(id);
}

export function allRuleMetas(): RuleMeta[] {
  return [...metas().values()].sort((a, b) => a.id.localeCompare(b.id));
}
