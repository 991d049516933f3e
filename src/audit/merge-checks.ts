// Runtime proof replaces static evidence; a runtime check that had nothing to say
// ('skip') leaves the static verdict in place. The static detail is kept as context
// when both agree, and called out when the container contradicts the Dockerfile.
import type { Check } from '../report/types.js';

export function mergeChecks(staticChecks: Check[], runtimeChecks: Check[]): Check[] {
  return staticChecks.map((s) => {
    const r = runtimeChecks.find((c) => c.id === s.id);
    if (!r || r.status === 'skip') {
      return r && s.status === 'skip' ? r : s;
    }
    if (s.status !== 'skip' && s.status !== r.status && (s.status === 'pass' || s.status === 'fail')) {
      return { ...r, detail: `${r.detail} (the Dockerfile alone suggested ${s.status}: ${s.detail})` };
    }
    return r;
  });
}
