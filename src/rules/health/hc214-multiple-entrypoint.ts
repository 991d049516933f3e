// HC214: more than one ENTRYPOINT in a stage: only the last counts.
import { overridden } from './shared.js';
import type { Rule } from '../types.js';
import { removeInstruction } from '../../fix/build.js';

export const hc214: Rule = {
  meta: {
    id: 'HC214',
    title: 'More than one ENTRYPOINT in a stage',
    severity: 'error',
    anchors: {
      hadolint: ['DL4004'],
      trivy: ['DS-0007'],
      buildkit: ['MultipleInstructionsDisallowed'],
      kics: ['6938958b'],
    },
    description:
      'Only the last ENTRYPOINT of a stage takes effect; the earlier ones are ignored silently, so the program the image starts is not the one a reader expects.',
  },
  check({ model }) {
    return overridden(model, 'ENTRYPOINT').map(({ instr, last }) => ({
      line: instr.line,
      endLine: instr.endLine,
      message: `This ENTRYPOINT is ignored because the ENTRYPOINT on line ${last.line} replaces it in the same stage: keep only one.`,
      fix: removeInstruction(instr, 'Remove the ignored ENTRYPOINT'),
    }));
  },
};
