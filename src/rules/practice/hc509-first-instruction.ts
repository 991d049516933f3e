// HC509: a Dockerfile must start with FROM (only ARG, comments and parser directives may
// come before it). BuildKit refuses anything else.
import type { Rule } from '../types.js';

export const hc509: Rule = {
  meta: {
    id: 'HC509',
    title: 'Dockerfile does not start with FROM',
    severity: 'error',
    anchors: { hadolint: ['DL3061'] },
    description:
      'Only ARG, comments and parser directives may precede the first FROM: any other instruction makes the build fail ("no build stage in current context").',
  },
  check({ model }) {
    const first = model.instructions.find((i) => i.keyword !== 'ARG');
    if (first && first.keyword !== 'FROM') {
      return [
        {
          line: first.line,
          message: `${first.keyword} comes before the first FROM: only ARG, comments and parser directives may precede FROM; move it into a stage.`,
        },
      ];
    }
    if (!first && model.instructions.length > 0) {
      const last = model.instructions[model.instructions.length - 1];
      return [
        { line: last.line, message: 'The Dockerfile has no FROM: add FROM <image> after the global ARGs.' },
      ];
    }
    return [];
  },
};
