// HC203: more than one HEALTHCHECK in a stage: only the last counts, the earlier ones are dead.
import { overridden } from './shared.js';
import type { Rule } from '../types.js';
import { removeInstruction } from '../../fix/build.js';

export const hc203: Rule = {
  meta: {
    id: 'HC203',
    title: 'More than one HEALTHCHECK in a stage',
    severity: 'warning',
    anchors: { hadolint: ['DL3012'], trivy: ['DS-0023'], buildkit: ['MultipleInstructionsDisallowed'] },
    description:
      'Only the last HEALTHCHECK of a stage takes effect. An earlier one is ignored silently, which misleads readers and reviewers about what is probed.',
  },
  check({ model }) {
    return overridden(model, 'HEALTHCHECK').map(({ instr, last }) => ({
      line: instr.line,
      endLine: instr.endLine,
      message: `This HEALTHCHECK is ignored because the one on line ${last.line} replaces it in the same stage: remove one of them.`,
      fix: removeInstruction(instr, 'Remove the ignored HEALTHCHECK'),
    }));
  },
};
