// HC518: commands that make no sense in a build step: interactive tools (vim, ssh, top), service
// management (service, shutdown) and host/process tools (kill, mount, ifconfig, free).
// Only command names count: `apt-get install vim` or `echo ssh` are not reported, and `ssh` with
// a `--mount=type=ssh` (e.g. `ssh-keyscan`/`ssh -T` for private git) is allowed.
import { commandsOf, effectiveCommand } from '../../shell/commands.js';
import type { Rule, RuleHit } from '../types.js';

const POINTLESS: Record<string, string> = {
  ssh: 'nothing answers an interactive session during a build; use RUN --mount=type=ssh for private git',
  vim: 'there is no terminal during a build; write files with COPY or a heredoc',
  vi: 'there is no terminal during a build; write files with COPY or a heredoc',
  nano: 'there is no terminal during a build; write files with COPY or a heredoc',
  top: 'it shows the build container, which is gone after the step',
  htop: 'it shows the build container, which is gone after the step',
  free: 'it reports the build host, not the runtime container',
  service: 'services started in a RUN stop when the step ends; start processes in CMD/ENTRYPOINT',
  shutdown: 'there is no init to shut down in a build step',
  reboot: 'there is no init to reboot in a build step',
  halt: 'there is no init to halt in a build step',
  poweroff: 'there is no init to power off in a build step',
  kill: 'processes of a RUN end with the step anyway',
  mount: 'mounting needs privileges a build does not have; use RUN --mount',
  ifconfig: 'the build network is not the runtime network',
};

export const hc518: Rule = {
  meta: {
    id: 'HC518',
    title: 'Interactive or pointless command in RUN',
    severity: 'note',
    anchors: { hadolint: ['DL3001'], kics: ['9b6b0f38'] },
    description:
      'A RUN step has no terminal, no init and no lasting processes: editors hang, services stop when the step ends, and host tools report the build sandbox.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const sshMount = instr.flags.some(
        (f) => f.name === 'mount' && /(^|,)type=ssh(,|$)/.test(f.value ?? ''),
      );
      for (const c of commandsOf(instr, model)) {
        const name = effectiveCommand(c).name;
        const why = Object.hasOwn(POINTLESS, name) ? POINTLESS[name] : undefined;
        if (!why || (name === 'ssh' && sshMount)) continue;
        hits.push({ line: c.line, message: `${name} in a RUN is pointless: ${why}.` });
        break;
      }
    }
    return hits;
  },
};
