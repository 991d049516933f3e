// HC101: the shipped stage's effective USER is root, however it is spelled
// (`root`, `0`, `root:staff`, `0:0`, or a variable that resolves to one of those).
import { effectiveUser } from '../../dockerfile/facts.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';
import { windowsStage } from '../ownership/windows.js';

export const hc101: Rule = {
  meta: {
    id: 'HC101',
    title: 'Final stage runs as root',
    severity: 'error',
    check: 'non-root',
    anchors: {
      hadolint: ['DL3002'],
      trivy: ['DS-0002'],
      dockle: ['CIS-DI-0001'],
      checkov: ['CKV_DOCKER_8'],
      kics: ['67fd0c4a'],
    },
    description:
      'A process running as root inside the container is root on the host kernel: any escape or writable mount becomes a host compromise. Only the stage that ships matters; builder stages may use root.',
  },
  check({ model }) {
    const user = effectiveUser(model);
    if (!user || user.resolved.unknownVars.length > 0) return [];
    if (!isRootUser(user.resolved.value)) return [];
    // An undefined variable makes the user empty, i.e. root: HC104 explains that case.
    if (user.resolved.undefinedVars.length > 0) return [];
    const spelled = user.raw === user.resolved.value ? user.raw : `${user.raw} (= ${user.resolved.value})`;
    const windows = model.target !== null && windowsStage(model, model.target) !== null;
    const fix = windows
      ? 'switch to USER ContainerUser (the non-administrator account) after the steps that need the administrator'
      : 'switch to a non-root numeric user such as USER 10001:10001 after the steps that need root';
    return [{ line: user.instr.line, message: `The shipped stage ends with USER ${spelled}: ${fix}.` }];
  },
};
