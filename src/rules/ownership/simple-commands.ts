// What a RUN executes, as plain words with the files its redirections write.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { invocationsOf } from '../../shell/invocations.js';
import { scriptsOf } from '../../shell/script.js';

export interface SimpleCommand {
  /** The program and its arguments, wrappers (`sudo`, `env`, `VAR=x`, …) peeled. */
  words: string[];
  /** Files its `>`/`>>`/`&>` redirections write. */
  redirects: string[];
}

const FILE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);

const fileTargets = (redirects: { op: string; target: string | null }[]): string[] =>
  redirects.flatMap((r) => (FILE_REDIRECTS.has(r.op) && r.target !== null ? [r.target] : []));

/** What a RUN executes (src/shell: heredoc scripts, `sh -c`, `$(…)` included), as plain words. */
export function simpleCommands(model: DockerfileModel, instr: Instr): SimpleCommand[] {
  const out = invocationsOf(instr, model).map((inv) => ({
    words: [inv.nameWord, ...inv.args].map((w) => w.value),
    redirects: fileTargets(inv.command.redirects),
  }));
  // A bare `> file` runs no program, so invocationsOf skips it; it still creates the file.
  for (const s of scriptsOf(instr, model)) {
    if (s.shell.kind !== 'posix') continue;
    for (const c of s.commands) {
      if (c.words.length === 0 && c.redirects.length > 0)
        out.push({ words: [], redirects: fileTargets(c.redirects) });
    }
  }
  return out;
}
