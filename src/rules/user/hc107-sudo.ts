// HC107: `sudo` runs as a command in a RUN (at a command position: after `&&`, `||`, `;`,
// `|`, `then`, `do`, a newline, inside `$(…)` or `sh -c '…'`, heredoc scripts included).
// `echo "no sudo here"`, `# sudo …` and `apt-get install sudo` are not commands.
// The build already runs as root (or as USER); sudo adds a TTY-dependent, setuid
// binary and a sudoers policy to the image. Builder stages: a note.
import type { Rule, RuleHit } from '../types.js';
import { invocationsOf } from '../../shell/invocations.js';
import { isShipped, stageInstructions } from '../../dockerfile/stages.js';

export const hc107: Rule = {
  meta: {
    id: 'HC107',
    title: 'sudo used in RUN',
    severity: 'warning',
    anchors: {
      hadolint: ['DL3004'],
      trivy: ['DS-0010'],
      dockle: ['DKL-DI-0001'],
      checkov: ['CKV2_DOCKER_1'],
      kics: ['8ada6e80'],
    },
    description:
      'RUN already executes as root unless a USER says otherwise; sudo needs a TTY-friendly sudoers policy, leaves a setuid binary and a privilege path in the image, and behaves differently across bases. Switch with USER root … USER 10001 around the step, or use gosu/su-exec in an entrypoint.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of stageInstructions(model)) {
      if (instr.keyword !== 'RUN') continue;
      const seen = new Set<number>();
      for (const inv of invocationsOf(instr, model)) {
        const sudo = inv.wrappers.find((w) => w.value === 'sudo' || w.value.endsWith('/sudo'));
        const line = sudo ? sudo.line : inv.name === 'sudo' ? inv.line : null;
        if (line === null || seen.has(line)) continue;
        seen.add(line);
        const inShipped = isShipped(model, instr);
        hits.push({
          line,
          severity: inShipped ? undefined : 'note',
          message: `sudo ${inv.name === 'sudo' ? '' : inv.name + ' '}runs in a RUN${inShipped ? '' : ' of a builder stage'}: drop sudo and switch with USER root before the step and back to the non-root USER after it.`,
        });
      }
    }
    return hits;
  },
};
