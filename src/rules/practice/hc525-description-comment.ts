// HC525 (opt-in): BuildKit's definition-description comments. A comment block directly above
// `FROM … AS name` or `ARG name` is read as its description and must start with that name
// (`# build compiles the app`). Suppression, hadolint and check comments are not descriptions.
import type { Rule, RuleHit } from '../types.js';

const NOT_DESCRIPTION =
  /^\s*(harden-check|hadolint|check\s*=|syntax\s*=|escape\s*=|trivy:|checkov:|kics-scan|noqa|nosec)/i;

export const hc525: Rule = {
  meta: {
    id: 'HC525',
    title: 'Malformed description comment',
    severity: 'note',
    optIn: true,
    anchors: { buildkit: ['InvalidDefinitionDescription'] },
    description:
      'BuildKit (`docker buildx build --call=outline`) shows the comment directly above a stage or ARG as its description when it starts with the name; other comments there trigger its InvalidDefinitionDescription check.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const commentAt = new Map(model.comments.map((c) => [c.line, c.text]));
    for (const instr of model.instructions) {
      let name: string | null = null;
      if (instr.keyword === 'ARG') name = instr.properties[0]?.name ?? null;
      else if (instr.keyword === 'FROM') {
        const asIdx = instr.args.findIndex((a) => a.toLowerCase() === 'as');
        name = asIdx >= 0 ? (instr.args[asIdx + 1] ?? null) : null;
      }
      if (!name || !commentAt.has(instr.line - 1)) continue;
      let top = instr.line - 1;
      while (commentAt.has(top - 1)) top--;
      const text = (commentAt.get(top) ?? '').replace(/^#\s?/, '');
      if (NOT_DESCRIPTION.test(text)) continue;
      const firstWord = text.trim().split(/\s+/)[0] ?? '';
      if (firstWord === name) continue;
      hits.push({
        line: top,
        message: `The comment above ${instr.keyword} ${name} is read as its description but does not start with "${name}": write "# ${name} <description>", or separate it with an empty line.`,
      });
    }
    return hits;
  },
};
