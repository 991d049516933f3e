// Suppressions written in the Dockerfile:
//   # harden-check ignore=HC101,HC203 -- reason     (the next instruction)
//   # harden-check stage ignore=HC301               (the rest of the stage it is in)
//   # harden-check global ignore=HC103              (the whole file)
// plus the `ignore` input / config list and severity overrides from the config file.
import type { DockerfileModel } from './dockerfile/model.js';
import type { Finding } from './report/types.js';
import type { Config, SeverityOverride } from './config.js';

export interface InlineIgnore {
  scope: 'next' | 'stage' | 'global';
  ids: string[];
  reason: string | null;
  line: number;
  /** Lines the suppression covers, inclusive. */
  from: number;
  to: number;
}

const DIRECTIVE =
  /^\s*harden-check\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s]*?)\s*(?:--\s*(.*))?$/i;

export function inlineIgnores(model: DockerfileModel): InlineIgnore[] {
  const out: InlineIgnore[] = [];
  for (const c of model.comments) {
    const text = c.text.replace(/^#/, '');
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const ids = m[2]
      .split(/[\s,]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const scope = (m[1]?.toLowerCase() ?? 'next') as InlineIgnore['scope'];
    const reason = m[3]?.trim() || null;
    let from = c.line;
    let to = c.line;
    if (scope === 'global') {
      from = 1;
      to = model.lines.length;
    } else if (scope === 'stage') {
      const stage = [...model.stages].reverse().find((s) => s.line <= c.line);
      from = stage ? stage.line : 1;
      to = stage ? stage.endLine : (model.preamble.at(-1)?.endLine ?? c.line);
    } else {
      // The next instruction after the comment (other comments and blank lines may sit between).
      const next = model.instructions.find((i) => i.line > c.line);
      if (next && onlyCommentsBetween(model, c.line, next.line)) {
        from = next.line;
        to = next.endLine;
      }
    }
    out.push({ scope, ids, reason, line: c.line, from, to });
  }
  return out;
}

function onlyCommentsBetween(model: DockerfileModel, a: number, b: number): boolean {
  for (let l = a + 1; l < b; l++) {
    const t = model.lines[l - 1]?.trim() ?? '';
    if (t !== '' && !t.startsWith('#')) return false;
  }
  return true;
}

export interface SuppressionPolicy {
  inline: InlineIgnore[];
  /** From the `ignore` input and the config file. */
  ignore: readonly string[];
  severity: Readonly<Record<string, SeverityOverride>>;
}

/** Every suppression that applies to one Dockerfile: its comments (when allowed), the lists, the overrides. */
export function suppressionPolicy(
  model: DockerfileModel,
  config: Pick<Config, 'allowInlineIgnore' | 'ignore' | 'severity'>,
  ignore: readonly string[] = [],
): SuppressionPolicy {
  return {
    inline: config.allowInlineIgnore ? inlineIgnores(model) : [],
    ignore: [...ignore, ...config.ignore],
    severity: config.severity,
  };
}

/**
 * The one suppression decision, for static and runtime findings alike: null when the
 * finding is ignored (inline comment covering its line, a list, severity `off`), else the
 * finding with its severity override applied.
 */
export function suppressor(policy: SuppressionPolicy): (f: Finding) => Finding | null {
  const ignore = new Set(policy.ignore);
  return (f) => {
    const override = policy.severity[f.ruleId];
    const inline = policy.inline.some((s) => s.ids.includes(f.ruleId) && f.line >= s.from && f.line <= s.to);
    if (ignore.has(f.ruleId) || override === 'off' || inline) return null;
    return override ? { ...f, severity: override } : f;
  };
}
