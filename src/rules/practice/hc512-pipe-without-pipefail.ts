// HC512: a RUN pipes commands without `pipefail`, so only the last command's exit status
// counts (`curl … | tar -x` "succeeds" when the download fails). Pipefail counts when it is set
// by SHELL ["/bin/bash", "-o", "pipefail", "-c"], by `set -o pipefail` earlier in the same
// script, by the shell of a heredoc (`RUN <<EOF bash -o pipefail`, a shebang) or inside a
// heredoc body. Exec-form RUN has no pipes; powershell/cmd shells are out of scope.
// Pipelines fed only by echo/printf/yes/true are not reported (nothing to hide; `yes |` would
// even fail with pipefail when its reader exits).
import { scriptsOf } from '../../shell/script.js';
import { commandsOfScript, effectiveCommand } from '../../shell/commands.js';
import type { Rule, RuleHit } from '../types.js';

const HARMLESS_SOURCES = new Set(['echo', 'printf', 'yes', 'true', 'cat']);

function setsPipefail(args: readonly string[]): boolean | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^-[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail') return true;
    if (/^\+[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail') return false;
  }
  return null;
}

export const hc512: Rule = {
  meta: {
    id: 'HC512',
    title: 'Pipe without pipefail',
    severity: 'warning',
    anchors: { hadolint: ['DL4006'], kics: ['efbf148a'] },
    description:
      'A shell pipeline returns the exit status of its last command: `curl -fsSL … | tar -xz` succeeds when the download fails, and the image ships without the files. `pipefail` makes any failing command fail the RUN.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN' || instr.json) continue;
      for (const script of scriptsOf(instr, model)) {
        if (script.shell.kind !== 'posix') continue;
        let pipefail = script.shell.pipefail;
        const cmds = commandsOfScript(script);
        const byPipeline = new Map<number, typeof cmds>();
        for (const x of cmds) byPipeline.set(x.pipeline, [...(byPipeline.get(x.pipeline) ?? []), x]);
        let reported = false;
        for (let k = 0; k < cmds.length && !reported; k++) {
          const c = cmds[k];
          const eff = effectiveCommand(c);
          if (eff.name === 'set' && c.depth === 0) {
            const on = setsPipefail(eff.args);
            if (on !== null) pipefail = on;
            continue;
          }
          if (!c.pipedTo || pipefail) continue;
          // the first command of this pipeline; skip pipelines whose feeders cannot fail
          const members = byPipeline.get(c.pipeline) ?? [c];
          const feeders = members.slice(0, -1);
          if (
            feeders.every(
              (f) =>
                HARMLESS_SOURCES.has(effectiveCommand(f).name) &&
                !(effectiveCommand(f).name === 'cat' && f.args.length > 0),
            )
          ) {
            k += members.length - 1;
            continue;
          }
          const last = members[members.length - 1];
          const sh = script.shell.name;
          const how =
            script.kind === 'heredoc'
              ? 'add `set -o pipefail` at the top of the heredoc script'
              : sh === 'bash' || sh === 'ash' || sh === 'zsh' || sh === 'ksh'
                ? 'start the command with `set -o pipefail &&` or use SHELL ["/bin/' +
                  sh +
                  '", "-o", "pipefail", "-c"]'
                : 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it (or `set -o pipefail &&` where /bin/sh supports it, e.g. BusyBox ash on Alpine)';
          hits.push({
            line: c.line,
            message: `${eff.name} is piped into ${effectiveCommand(last).name} without pipefail, so a failure of ${eff.name} is hidden: ${how}.`,
          });
          reported = true;
        }
      }
    }
    return hits;
  },
};
