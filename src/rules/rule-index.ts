// The rule index as a markdown table: README's "Rules" section and `harden-check --list-rules`.
import type { RuleMeta } from './types.js';

const TOOL_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  trivy: 'Trivy',
  dockle: 'Dockle',
  checkov: 'Checkov',
  buildkit: 'BuildKit',
  kics: 'KICS',
};

export function counterparts(meta: RuleMeta): string {
  return Object.entries(meta.anchors)
    .filter(([, ids]) => ids && ids.length > 0)
    .map(([tool, ids]) => `${TOOL_NAMES[tool] ?? tool} ${(ids as string[]).join(', ')}`)
    .join('; ');
}

export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const rows = metas.map(
    (m) =>
      `| [${m.id}](docs/rules/${m.id}.md) | ${m.title.replace(/\|/g, '\\|')} | ${m.severity}${m.optIn ? ' (opt-in)' : ''} | ${
        m.check ? '`' + m.check + '`' : ''
      } | ${counterparts(m).replace(/\|/g, '\\|')} |`,
  );
  return ['| id | rule | severity | checklist | counterparts |', '|---|---|---|---|---|', ...rows].join('\n');
}
