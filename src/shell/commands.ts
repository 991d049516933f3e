// The commands a RUN instruction executes, as shell words with Dockerfile lines: the public
// entry point for rules (package managers, pipes, `cd`, interactive tools, …).
//   commandsOf(instr, model) → [{ name: 'apt-get', args: ['install', '-y', 'curl'], line: 3, … }]
// Shell form and heredoc scripts are parsed by ./parse.ts; exec form (`RUN ["a", "b"]`) is one
// command with no pipes. Non-POSIX shells (SHELL ["powershell", …]) yield no commands.
import type { DockerfileModel, Instr } from '../dockerfile/model.js';
import type { Operator } from './tokenize.js';
import { basename, scriptsOf, type Script } from './script.js';
import { unwrap } from './wrappers.js';

/** A word of a command with its Dockerfile line. */
export interface ShellWord {
  /** Quotes and escapes removed; substitutions (`$(…)`, `${…}`) verbatim. */
  value: string;
  line: number;
  /** Any part of it was quoted or escaped (exec-form words count as quoted). */
  quoted: boolean;
}

export interface ShellCommand {
  /** The command name as written (`apt-get`, `/usr/bin/curl`, `sudo`). */
  name: string;
  /** Arguments with quotes removed; substitutions (`$(…)`, `${…}`) verbatim. */
  args: string[];
  /** The name and the arguments as words, each with its own line. */
  words: ShellWord[];
  /** Dockerfile line (1-based) of the command name (or of its first token). */
  line: number;
  /** Its standard output is piped into the next command (`a | b`: true for `a`). */
  pipedTo?: boolean;
  /** Part of a pipeline of two or more commands. */
  inPipeline: boolean;
  /** `NAME=value` assignments before the command (`DEBIAN_FRONTEND=noninteractive apt-get …`). */
  assignments: { name: string; value: string }[];
  /** Operators around the command: `&&`, `||`, `;`, `|`, `&`, newline, `(`, `)`; null at the ends. */
  before: Operator | null;
  after: Operator | null;
  /** Subshell depth: `(cd x && make)` → 1. */
  depth: number;
  /** Pipeline number within its script (commands joined by `|` share it). */
  pipeline: number;
  /** Which script: the RUN line(s) or a heredoc body (by name). */
  script: 'run' | string;
  /** Redirections (`>`, `2>&1`, `<<EOF` …) with their target. */
  redirects: { op: string; target: string | null }[];
}

/** Every command of a RUN in order (command part first, then shell heredoc bodies). */
export function commandsOf(instr: Instr, model: DockerfileModel): ShellCommand[] {
  if (instr.keyword !== 'RUN') return [];
  if (instr.json) {
    if (instr.json.length === 0) return [];
    return [
      {
        name: instr.json[0],
        args: instr.json.slice(1),
        words: instr.json.map((value) => ({ value, line: instr.line, quoted: true })),
        line: instr.line,
        inPipeline: false,
        assignments: [],
        before: null,
        after: null,
        depth: 0,
        pipeline: 0,
        script: 'run',
        redirects: [],
      },
    ];
  }
  return scriptsOf(instr, model).flatMap((s) => commandsOfScript(s));
}

export function commandsOfScript(s: Script): ShellCommand[] {
  if (s.shell.kind !== 'posix') return [];
  const sizes = new Map<number, number>();
  for (const c of s.commands) sizes.set(c.pipeline, (sizes.get(c.pipeline) ?? 0) + 1);
  return s.commands
    .filter((c) => c.words.length > 0)
    .map((c) => ({
      name: c.words[0].value,
      args: c.words.slice(1).map((w) => w.value),
      words: c.words.map((w) => ({ value: w.value, line: s.lineAt(w.offset), quoted: w.quoted })),
      line: s.lineAt(c.words[0].offset),
      pipedTo: c.after === '|' || c.after === '|&' ? true : undefined,
      inPipeline: (sizes.get(c.pipeline) ?? 0) > 1,
      assignments: c.assignments,
      before: c.before,
      after: c.after,
      depth: c.depth,
      pipeline: c.pipeline,
      script: s.kind === 'run' ? 'run' : (s.heredoc ?? 'heredoc'),
      redirects: c.redirects,
    }));
}

/**
 * The command a wrapper runs: `sudo -E apt-get install` → apt-get, `env A=1 pip install` → pip,
 * `timeout 60 curl …` → curl, `/usr/bin/apt-get` → apt-get. Returns the basename and the
 * remaining arguments; see ./wrappers.ts for the wrappers and their options.
 */
export function effectiveCommand(cmd: Pick<ShellCommand, 'name' | 'args'>): { name: string; args: string[] } {
  const u = unwrap([cmd.name, ...cmd.args].map((value) => ({ value, line: 0, quoted: false })));
  return u ? { name: u.name, args: u.args.map((w) => w.value) } : { name: basename(cmd.name), args: [] };
}
