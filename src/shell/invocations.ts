// Everything a RUN executes, for rules that must not miss a command however it is started:
// the commands of commandsOf plus those inside `$(…)`/backticks and `sh -c '…'` scripts,
// each with its wrappers peeled (`sudo`, `env`, `xargs`, …) and what feeds its standard
// input (a pipe, a here-string, a heredoc body given as data).
//   invocationsOf(instr, model) → [{ name: 'chpasswd', args: [], wrappers: [sudo], pipedFrom: echo … }]
import type { DockerfileModel, Instr } from '../dockerfile/model.js';
import { commandsOf, commandsOfScript, type ShellCommand } from './commands.js';
import { inlineScript, scriptsOf, shellKind, substitutionScripts, type Script } from './script.js';
import { unwrap, type Unwrapped } from './wrappers.js';

export interface Invocation extends Unwrapped {
  command: ShellCommand;
  /** Line of the program's name. */
  line: number;
  /** The command whose output is piped into this one (`a | b`: a for b). */
  pipedFrom: ShellCommand | null;
  /** Heredoc bodies fed to its standard input as data (`chpasswd <<EOF`). */
  stdin: string[];
}

/** `sh -c 'script'` nesting followed at most this deep. */
const MAX_DEPTH = 4;

export function invocationsOf(instr: Instr, model: DockerfileModel): Invocation[] {
  if (instr.keyword !== 'RUN') return [];
  const out: Invocation[] = [];
  const visit = (cmds: ShellCommand[], parent: Pick<Script, 'kind' | 'heredoc'>, depth: number) => {
    cmds.forEach((command, k) => {
      const u = unwrap(command.words);
      if (!u) return;
      const prev = cmds[k - 1];
      const pipedFrom = prev?.pipedTo && prev.pipeline === command.pipeline ? prev : null;
      out.push({
        ...u,
        command,
        line: u.nameWord.line,
        pipedFrom,
        stdin: heredocInput(instr, model, command),
      });
      if (depth >= MAX_DEPTH || shellKind(u.name) !== 'posix') return;
      const c = u.args.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
      const script = c >= 0 ? u.args[c + 1] : undefined;
      if (script) visitScript(inlineScript(script.value, script.line, parent), depth + 1);
    });
  };
  const visitScript = (s: Script, depth: number) => {
    for (const nested of [s, ...substitutionScripts(s)]) visit(commandsOfScript(nested), nested, depth);
  };
  if (instr.json) visit(commandsOf(instr, model), { kind: 'run' }, 0);
  else for (const s of scriptsOf(instr, model)) visitScript(s, 0);
  return out;
}

/** Bodies of the RUN's heredocs that this command reads as data (not run as a shell script). */
function heredocInput(instr: Instr, model: DockerfileModel, command: ShellCommand): string[] {
  if (command.script !== 'run') return [];
  const scripts = new Set(scriptsOf(instr, model).map((s) => s.heredoc));
  return command.redirects
    .filter((r) => (r.op === '<<' || r.op === '<<-') && r.target !== null && !scripts.has(r.target))
    .flatMap((r) => instr.heredocs.filter((h) => h.name === r.target).map((h) => h.body));
}
