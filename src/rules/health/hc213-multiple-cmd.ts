// HC213: more than one CMD in a stage: only the last counts.
import { overridden } from './shared.js';
import type { Rule } from '../types.js';
import { removeInstruction } from '../../fix/build.js';

export const hc213: Rule = {
  meta: {
    id: 'HC213',
    title: 'More than one CMD in a stage',
    severity: 'warning',
    anchors: {
      hadolint: ['DL4003'],
      trivy: ['DS-0016'],
      buildkit: ['MultipleInstructionsDisallowed'],
      kics: ['41c195f4'],
    },
    description:
      'Only the last CMD of a stage takes effect; the earlier ones are ignored silently. Often a leftover, or a misunderstanding that several CMDs start several processes.',
  },
  check({ model }) {
    return overridden(model, 'CMD').map(({ instr, last }) => ({
      line: instr.line,
      endLine: instr.endLine,
      message: `This CMD is ignored because the CMD on line ${last.line} replaces it in the same stage: remove it (to run several processes, use a process manager or separate containers).`,
      fix: removeInstruction(instr, 'Remove the ignored CMD'),
    }));
  },
};
