// The shell scripts a RUN instruction hands to a shell, with Dockerfile line numbers:
// the command line(s) (continuations joined as Docker joins them, comment lines inside a
// continuation dropped, `--mount`/`--network` flags removed) and each heredoc body that a
// shell runs (`RUN <<EOF`, `RUN <<EOF bash`, a body whose shebang names a shell).
// Bodies fed to other programs (`cat <<EOF > file`, `python3 <<EOF`) are data, not shell.
import type { DockerfileModel, Instr, Stage } from '../dockerfile/model.js';
import { parseShell, type ParsedCommand } from './parse.js';
import { escapeRegExp } from '../dockerfile/lines.js';
import { leadingFlagsLength } from '../dockerfile/instruction-words.js';

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'other';

export interface ShellInfo {
  /** The SHELL array in effect (default `["/bin/sh", "-c"]`). */
  argv: string[];
  /** The SHELL instruction that set it, null for the default. */
  instr: Instr | null;
  kind: ShellKind;
  /** Shell options such as `-o pipefail` or `-eo pipefail` given in SHELL. */
  pipefail: boolean;
  /** Basename of the shell (`sh`, `bash`, `ash`, `pwsh`, …). */
  name: string;
}

export interface Script {
  kind: 'run' | 'heredoc';
  /** Heredoc name for bodies. */
  heredoc?: string;
  text: string;
  /** Dockerfile line of every character of `text`. */
  lineAt(offset: number): number;
  /** The shell that runs it. For a heredoc: the command's shell (`bash` in `RUN <<EOF bash`) or the shebang's. */
  shell: { name: string; kind: ShellKind; pipefail: boolean; source: 'SHELL' | 'command' | 'shebang' };
  commands: ParsedCommand[];
  /** First line of the script in the Dockerfile. */
  line: number;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const WINDOWS_SHELL = ['cmd', '/S', '/C'];

/** Windows base images run RUN with `cmd /S /C` unless SHELL says otherwise. */
function isWindowsBase(
  model: DockerfileModel,
  stage: NonNullable<ReturnType<DockerfileModel['stageOf']>>,
): boolean {
  const chain = model.chain(stage);
  const root = chain[chain.length - 1];
  const ref = root?.from.resolved.value.toLowerCase() ?? '';
  return /(^|\/)(windows\/(servercore|nanoserver|server)|windows(servercore|nanoserver)?)([:@/]|$)|nanoserver|servercore/.test(
    ref,
  );
}
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

export function basename(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s
    .slice(s.lastIndexOf('/') + 1)
    .replace(/\.exe$/i, '')
    .toLowerCase();
}

export function shellKind(name: string): ShellKind {
  if (POSIX_SHELLS.has(name)) return 'posix';
  if (name === 'powershell' || name === 'pwsh') return 'powershell';
  if (name === 'cmd') return 'cmd';
  return 'other';
}

/** `-o pipefail`, `-eo pipefail`, `-euxo pipefail`, `-opipefail` among shell options. */
export function hasPipefailOption(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^-[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail') return true;
    if (a === '-opipefail' || a === '--pipefail') return true;
  }
  return false;
}

// One pass per model instead of a scan per instruction (quadratic on long files, found by
// the fuzz scaling check): the last JSON SHELL before each instruction of its own stage.
const shellsCache = new WeakMap<
  DockerfileModel,
  { before: Map<Instr, Instr | null>; last: Map<Stage, Instr | null> }
>();

function shells(model: DockerfileModel): {
  before: Map<Instr, Instr | null>;
  last: Map<Stage, Instr | null>;
} {
  let c = shellsCache.get(model);
  if (!c) {
    c = { before: new Map(), last: new Map() };
    for (const s of model.stages) {
      let last: Instr | null = null;
      for (const i of s.instructions) {
        c.before.set(i, last);
        if (i.keyword === 'SHELL' && i.json) last = i;
      }
      c.last.set(s, last);
    }
    shellsCache.set(model, c);
  }
  return c;
}

/** The SHELL in effect at an instruction: last SHELL before it in its stage, else inherited through FROM <stage>. */
export function shellAt(instr: Instr, model: DockerfileModel): ShellInfo {
  const stage = model.stageOf(instr);
  let found: Instr | null = null;
  if (stage) {
    for (const s of model.chain(stage)) {
      found = (s === stage ? shells(model).before.get(instr) : shells(model).last.get(s)) ?? null;
      if (found) break;
    }
  }
  let argv = found?.json && found.json.length > 0 ? found.json : DEFAULT_SHELL;
  if (!found && stage && isWindowsBase(model, stage)) argv = WINDOWS_SHELL;
  const name = basename(argv[0]);
  return { argv, instr: found, kind: shellKind(name), pipefail: hasPipefailOption(argv.slice(1)), name };
}

/** Lines of an instruction's command part, joined as Docker joins continuations. */
function commandPart(
  instr: Instr,
  model: DockerfileModel,
): { text: string; lines: number[]; lastLine: number } {
  const esc = model.escapeChar;
  let text = '';
  const lines: number[] = [];
  let l = instr.line;
  let first = true;
  for (;;) {
    const raw = model.lines[l - 1] ?? '';
    let content = raw;
    if (first) {
      content = raw.replace(/^\s*[A-Za-z]+/, (m) => ' '.repeat(m.length));
      first = false;
    }
    const cont = new RegExp(`${escapeRegExp(esc)}[ \\t]*$`).exec(content);
    if (cont) content = content.slice(0, cont.index);
    for (const _ of content) lines.push(l);
    text += content;
    if (!cont || l >= instr.endLine) {
      text += '\n';
      lines.push(l);
      return { text, lines, lastLine: l };
    }
    // Docker drops comment lines and empty lines inside a continuation.
    l++;
    while (l < instr.endLine && /^\s*(#.*)?$/.test(model.lines[l - 1] ?? '')) l++;
  }
}

/** Remove leading `--flag[=value]` words, keeping the line map aligned. */
function stripFlags(text: string, lines: number[]): { text: string; lines: number[] } {
  const n = leadingFlagsLength(text);
  return { text: text.slice(n), lines: lines.slice(n) };
}

const cache = new WeakMap<Instr, Script[]>();

/** The shell scripts of a RUN (or ONBUILD RUN) instruction; [] for exec form or other instructions. */
export function scriptsOf(instr: Instr, model: DockerfileModel): Script[] {
  const hit = cache.get(instr);
  if (hit) return hit;
  const out = computeScripts(instr, model);
  cache.set(instr, out);
  return out;
}

function computeScripts(instr: Instr, model: DockerfileModel): Script[] {
  if (instr.keyword !== 'RUN' || instr.json) return [];
  const sh = shellAt(instr, model);
  const part = commandPart(instr, model);
  const { text, lines } = stripFlags(part.text, part.lines);
  const lineAtOf = (ls: number[], fallback: number) => (o: number) =>
    ls[Math.max(0, Math.min(o, ls.length - 1))] ?? fallback;
  const runCommands = parseShell(text, { shellHeredocs: false });
  const run: Script = {
    kind: 'run',
    text,
    lineAt: lineAtOf(lines, instr.line),
    shell: { name: sh.name, kind: sh.kind, pipefail: sh.pipefail, source: 'SHELL' },
    commands: runCommands,
    line: instr.line,
  };
  const out: Script[] = [run];
  // Heredoc bodies follow the command part, in order, each closed by its terminator line.
  let next = part.lastLine + 1;
  for (const h of instr.heredocs) {
    const bodyLines = h.body === '' ? [] : h.body.split(/\r?\n/);
    let start = next;
    if (bodyLines.length > 0 && model.lines[start - 1] !== bodyLines[0]) {
      // Defensive: find the body's first line within the instruction.
      for (let l = next; l <= instr.endLine; l++) {
        if (model.lines[l - 1] === bodyLines[0]) {
          start = l;
          break;
        }
      }
    }
    next = start + bodyLines.length + 1;
    const consumer = runCommands.find((c) =>
      c.redirects.some((r) => (r.op === '<<' || r.op === '<<-') && r.target === h.name),
    );
    const shell = heredocShell(consumer, bodyLines[0] ?? '', sh);
    if (!shell) continue;
    const ls: number[] = [];
    bodyLines.forEach((b, k) => {
      for (let c = 0; c <= b.length; c++) ls.push(start + k);
    });
    const body = bodyLines.join('\n') + '\n';
    out.push({
      kind: 'heredoc',
      heredoc: h.name,
      text: body,
      lineAt: lineAtOf(ls, start),
      shell,
      commands: parseShell(body, { shellHeredocs: true }),
      line: start,
    });
  }
  return out;
}

/**
 * The scripts of the command substitutions (`$(…)`, backticks) in a script, nested ones
 * included, with Dockerfile lines; they run in the same shell and belong to the same part
 * of the RUN (`kind`, `heredoc`) as the script that contains them.
 */
export function substitutionScripts(s: Script): Script[] {
  if (s.shell.kind !== 'posix') return [];
  const out: Script[] = [];
  for (const c of s.commands) {
    for (const sub of c.substitutions) {
      const nested: Script = {
        ...s,
        text: sub.text,
        lineAt: (o) => s.lineAt(sub.offset + o),
        commands: parseShell(sub.text, { shellHeredocs: true }),
        line: s.lineAt(sub.offset),
      };
      out.push(nested, ...substitutionScripts(nested));
    }
  }
  return out;
}

/** A script given as an argument (`sh -c '…'`), all of it on one Dockerfile line. */
export function inlineScript(text: string, line: number, parent: Pick<Script, 'kind' | 'heredoc'>): Script {
  return {
    kind: parent.kind,
    heredoc: parent.heredoc,
    text,
    lineAt: () => line,
    shell: { name: 'sh', kind: 'posix', pipefail: false, source: 'command' },
    commands: parseShell(text, { shellHeredocs: true }),
    line,
  };
}

function heredocShell(
  consumer: ParsedCommand | undefined,
  firstLine: string,
  sh: ShellInfo,
): Script['shell'] | null {
  const shebang = /^#!\s*(\S+)(?:\s+(.*))?$/.exec(firstLine);
  const fromShebang = (): Script['shell'] | null => {
    if (!shebang) return null;
    let name = basename(shebang[1]);
    let rest = (shebang[2] ?? '').split(/\s+/).filter(Boolean);
    if (name === 'env') {
      rest = rest.filter((a) => !a.startsWith('-'));
      name = basename(rest[0] ?? '');
      rest = rest.slice(1);
    }
    return { name, kind: shellKind(name), pipefail: hasPipefailOption(rest), source: 'shebang' };
  };
  if (!consumer || consumer.words.length === 0) {
    // `RUN <<EOF`: BuildKit runs the body with the SHELL, or as an executable when it has a shebang.
    if (shebang) return fromShebang();
    return { name: sh.name, kind: sh.kind, pipefail: sh.pipefail, source: 'SHELL' };
  }
  const argv = consumer.words.map((w) => w.value);
  const name = basename(argv[0]);
  if (shellKind(name) === 'posix') {
    // `bash <<EOF`, `sh -e <<EOF`, `bash -s <<EOF`: the body is the script (no script file, no -c).
    const args = name === 'busybox' ? argv.slice(2) : argv.slice(1);
    const scriptArg = args.some(
      (a, k) => !a.startsWith('-') && !(k > 0 && /^-[A-Za-z]*o$/.test(args[k - 1])) && a !== 'pipefail',
    );
    if (args.includes('-c') || scriptArg) return null;
    return { name, kind: 'posix', pipefail: hasPipefailOption(args), source: 'command' };
  }
  return null; // data for another program (cat, tee, python3, …)
}
