// HC415: --chown/--chmod on COPY/ADD in a stage built for Windows. Docker documents both
// flags as Linux-only. A stage is Windows when its base image is (windows, servercore,
// nanoserver images and tags), or, with an unknown base, when the backtick escape directive
// goes with a drive-letter WORKDIR or a cmd/PowerShell SHELL.
import type { Rule, RuleHit } from '../types.js';
import { windowsStage } from './windows.js';

export const hc415: Rule = {
  meta: {
    id: 'HC415',
    title: '--chown/--chmod on a Windows build',
    severity: 'error',
    anchors: {},
    description:
      'COPY/ADD --chown and --chmod work only for Linux containers: Windows has no /etc/passwd to resolve names and no POSIX modes. Set permissions on Windows with icacls in a RUN step, or run as ContainerUser.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const win = windowsStage(model, stage);
      if (!win) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        for (const f of instr.flags) {
          if (f.name !== 'chown' && f.name !== 'chmod') continue;
          hits.push({
            line: f.line,
            message: `${instr.keyword} --${f.name} is not supported on Windows builds (${win.reason}): drop the flag and set permissions with icacls in a RUN step.`,
          });
        }
      }
    }
    return hits;
  },
};
