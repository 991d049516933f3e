// HC212: the shipped CMD or ENTRYPOINT is in shell form: /bin/sh -c is PID 1, does not
// forward SIGTERM, and `docker stop` waits its timeout then kills. A SHELL instruction
// does not change that (it only picks which shell is PID 1), unlike BuildKit's
// JSONArgsRecommended which any SHELL silences. `exec prog …` hands PID 1 to the program.
import { lastInChain } from '../../dockerfile/facts.js';
import type { Instr } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';
import { lacksShell } from './shared.js';
import { rewriteLine } from '../../fix/build.js';
import { execFormOf } from '../../fix/exec-form.js';

function startsWithExec(text: string): boolean {
  return /^\s*exec\s/.test(text);
}

/** Words only a shell understands as the command (builtins, keywords, `VAR=value` prefixes). */
const SHELL_ONLY =
  /^(?:cd|export|set|unset|source|\.|eval|exec|if|for|while|until|case|alias|ulimit|umask|trap|wait|read|!|\w+=.*)$/;

/** The exec form of a shell-form command when running it without /bin/sh does the same. */
function safeExecForm(text: string): string | null {
  const json = execFormOf(text);
  if (!json) return null;
  const first = text.trim().split(/\s+/)[0] ?? '';
  return SHELL_ONLY.test(first) ? null : json;
}

export const hc212: Rule = {
  meta: {
    id: 'HC212',
    title: 'CMD or ENTRYPOINT in shell form',
    severity: 'warning',
    anchors: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'], kics: ['b86987e1'] },
    description:
      'In shell form Docker runs `/bin/sh -c "…"` as PID 1. The shell does not forward SIGTERM to the app, so `docker stop` and Kubernetes wait for the grace period and then SIGKILL it: no graceful shutdown, lost requests. A shell-form ENTRYPOINT also drops CMD and `docker run` arguments.',
  },
  check({ model, trustedBaseImages }) {
    const hits: RuleHit[] = [];
    const entrypoint = lastInChain(model, 'ENTRYPOINT');
    const cmd = lastInChain(model, 'CMD');
    // With a shell-form ENTRYPOINT, CMD is never used: report the ENTRYPOINT only.
    const targets: Instr[] =
      entrypoint && !entrypoint.json ? [entrypoint] : [entrypoint, cmd].filter((i): i is Instr => !!i);
    const noShell = lacksShell(model, trustedBaseImages);
    for (const instr of targets) {
      if (instr.json || instr.text.trim() === '' || startsWithExec(instr.text)) continue;
      const json = safeExecForm(instr.text);
      // An exec-form ENTRYPOINT takes CMD as arguments, a shell-form one ignores it: with a
      // CMD in the chain the conversion would change what runs, so no fix then.
      const changesArgs = instr.keyword === 'ENTRYPOINT' && cmd !== null && cmd !== undefined;
      const fix =
        json && !changesArgs
          ? rewriteLine(
              model,
              instr,
              new RegExp(`^\\s*${instr.keyword}\\s+`, 'i'),
              json,
              `Use the exec form of ${instr.keyword}`,
            )
          : null;
      // Backticked: the comment renders it as code.
      const how = json
        ? `\`${instr.keyword} ${json}\``
        : `the exec form \`${instr.keyword} ["prog", "arg", …]\`, or prefix the command with \`exec\``;
      if (noShell) {
        hits.push({
          line: instr.line,
          endLine: instr.endLine,
          severity: 'error',
          message: `${instr.keyword} is in shell form, but the shipped base ${noShell.image} (${noShell.family}) has no /bin/sh, so the container cannot start: use ${how}.`,
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      if (instr.keyword === 'CMD' && entrypoint?.json) {
        hits.push({
          line: instr.line,
          endLine: instr.endLine,
          message: `CMD is in shell form, so the exec-form ENTRYPOINT (line ${entrypoint.line}) receives "/bin/sh", "-c", "…" as its arguments: use ${how}.`,
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      hits.push({
        line: instr.line,
        endLine: instr.endLine,
        message: `${instr.keyword} is in shell form, so /bin/sh is PID 1 and does not forward SIGTERM to the app (docker stop waits, then kills it): use ${how}.`,
        ...(fix ? { fix } : {}),
      });
    }
    return hits;
  },
};
