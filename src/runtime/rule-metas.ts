// Metadata of the runtime-only rules (HC9xx), so SARIF and docs know them.
import type { RuleMeta } from '../rules/types.js';

export const runtimeRuleMetas: RuleMeta[] = [];
