// The commands a RUN executes, as words at command positions with their source lines.
// Enough of POSIX sh to tell `sudo make` (a command) from `echo "no sudo here"` (an argument)
// or `# sudo` (a comment): quotes, escapes, comments, `&& || ; | &`, reserved words
// (`then do else ! {`), `$(…)` and backticks, `sh -c '…'`, env prefixes and wrappers, and
// Dockerfile heredocs (a bare `RUN <<EOF` or `RUN bash <<EOF` body is a script; any other
// heredoc is the command's standard input). Docker's own continuation rules come first:
// the escape character (`\` or the backtick directive) joins lines, and comment lines inside
// a continuation are dropped.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';

export interface Word {
  /** The word with quotes removed and escapes applied (variables left as written). */
  text: string;
  /** 1-based source line of the word's first character. */
  line: number;
  /** True when any part of the word was quoted. */
  quoted: boolean;
}

export interface Redirect {
  op: string;
  target: Word;
}

export interface SimpleCommand {
  /** Every word, assignments and wrappers included. */
  words: Word[];
  redirects: Redirect[];
  /** The command whose output is piped into this one (`a | b`: b.pipedFrom = a). */
  pipedFrom: SimpleCommand | null;
  /** Heredoc bodies fed to this command's standard input. */
  stdin: { text: string; line: number }[];
}

/** A command after peeling `VAR=x`, `env`, `sudo`, `exec`, `nohup`, `xargs`… */
export interface Invocation {
  /** Program base name (`/usr/bin/curl` → `curl`). */
  name: string;
  nameWord: Word;
  args: Word[];
  /** `VAR=value` words before the program (and `env VAR=value`). */
  assignments: { name: string; value: string; word: Word }[];
  /** Wrappers in front of the program, in order (`sudo`, `env`, `xargs`, …). */
  wrappers: Word[];
  command: SimpleCommand;
  line: number;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox-sh']);
const RESERVED_PREFIX = new Set([
  'then',
  'do',
  'else',
  'elif',
  'if',
  'while',
  'until',
  '!',
  '{',
  '}',
  'time',
  'fi',
  'done',
  'esac',
]);
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'env',
  'exec',
  'nohup',
  'time',
  'nice',
  'command',
  'xargs',
  'stdbuf',
  'timeout',
  'gosu',
  'su-exec',
  'chroot',
  'eatmydata',
  'builtin',
]);

/** Source text of an instruction's arguments (flags dropped) with a line for every character. */
interface Mapped {
  text: string;
  lines: number[];
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** All simple commands a RUN executes (exec form, shell form, heredoc scripts, `sh -c`). */
export function runCommands(model: DockerfileModel, instr: Instr): SimpleCommand[] {
  if (instr.keyword !== 'RUN') return [];
  if (instr.json) {
    const words = instr.json.map((t) => ({ text: t, line: instr.line, quoted: true }));
    return [{ words, redirects: [], pipedFrom: null, stdin: [] }];
  }
  const { command, heredocs } = splitSource(model, instr);
  const cmds = parseScript(command);
  const out: SimpleCommand[] = [];
  // Attach each heredoc to the command that names it, in order of appearance.
  let h = 0;
  for (const c of cmds) {
    for (const r of c.redirects) {
      if ((r.op === '<<' || r.op === '<<-') && h < heredocs.length) {
        const body = heredocs[h++];
        const argv = c.words.filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text));
        const prog = argv[0] ? basename(argv[0].text) : '';
        const interp = /^#!\s*(?:\/usr\/bin\/env\s+)?(\S+)/.exec(body.text)?.[1];
        const shellBody = interp
          ? SHELLS.has(basename(interp))
          : argv.length === 0 || (SHELLS.has(prog) && !argv.some((w) => w.text === '-c'));
        if (shellBody) out.push(...parseScript(body));
        else c.stdin.push({ text: body.text, line: body.lines[0] ?? instr.line });
      }
    }
  }
  out.unshift(...cmds);
  return out;
}

/** Everything a RUN executes, peeled into invocations; `sh -c 'script'` is expanded in place. */
export function runInvocations(model: DockerfileModel, instr: Instr): Invocation[] {
  const out: Invocation[] = [];
  const visit = (cmds: SimpleCommand[], depth: number) => {
    for (const c of cmds) {
      const inv = peel(c);
      if (!inv) continue;
      out.push(inv);
      if (depth < 4 && SHELLS.has(inv.name)) {
        const ci = inv.args.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.text));
        const script = ci >= 0 ? inv.args[ci + 1] : undefined;
        if (script) {
          visit(
            parseScript({
              text: script.text,
              lines: Array(script.text.length + 1).fill(script.line) as number[],
            }),
            depth + 1,
          );
        }
      }
    }
  };
  visit(runCommands(model, instr), 0);
  return out;
}

/** Strip assignments, reserved words and wrappers; null when nothing is executed. */
export function peel(c: SimpleCommand): Invocation | null {
  const words = c.words;
  const assignments: Invocation['assignments'] = [];
  const wrappers: Word[] = [];
  let i = 0;
  for (;;) {
    while (i < words.length && RESERVED_PREFIX.has(words[i].text) && !words[i].quoted) i++;
    while (
      i < words.length &&
      /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].text) &&
      !words[i].text.startsWith('=')
    ) {
      const eq = words[i].text.indexOf('=');
      assignments.push({
        name: words[i].text.slice(0, eq),
        value: words[i].text.slice(eq + 1),
        word: words[i],
      });
      i++;
    }
    if (i >= words.length) {
      // `sudo -v`, `env`: the last wrapper is the program
      const last = wrappers.pop();
      if (!last) return null;
      return {
        name: basename(last.text),
        nameWord: last,
        args: words.slice(words.indexOf(last) + 1),
        assignments,
        wrappers,
        command: c,
        line: last.line,
      };
    }
    const name = basename(words[i].text);
    if (!WRAPPERS.has(name)) break;
    wrappers.push(words[i]);
    i++;
    // options of the wrapper (and their values, for the few that take one)
    while (i < words.length && words[i].text.startsWith('-') && words[i].text !== '-') {
      const opt = words[i].text;
      i++;
      if (opt === '--') break;
      const takesValue =
        (name === 'sudo' &&
          /^-[ugUCDhpTr]$|^--(user|group|chdir|host|prompt|close-from|role|type)$/.test(opt)) ||
        (name === 'nice' && opt === '-n') ||
        (name === 'xargs' && /^-[IiLlnPsdEa]$/.test(opt)) ||
        (name === 'env' && /^-[uCS]$/.test(opt)) ||
        (name === 'timeout' && /^-[sk]$/.test(opt)) ||
        (name === 'stdbuf' && /^-[ioe]$/.test(opt));
      if (takesValue && i < words.length) i++;
    }
    if (name === 'timeout' && i < words.length && /^\d/.test(words[i].text)) i++;
    if ((name === 'gosu' || name === 'su-exec' || name === 'chroot') && i < words.length) i++;
  }
  const nameWord = words[i];
  return {
    name: basename(nameWord.text),
    nameWord,
    args: words.slice(i + 1),
    assignments,
    wrappers,
    command: c,
    line: nameWord.line,
  };
}

/** The command part of a RUN (continuations joined, comment lines dropped) and its heredoc bodies. */
function splitSource(
  model: DockerfileModel,
  instr: Instr,
): { command: Mapped; heredocs: (Mapped & { name: string })[] } {
  const node = instr.node as unknown as {
    getArgumentsRange?: () => { start: { line: number; character: number } } | null;
  };
  const start = node.getArgumentsRange?.()?.start;
  let li = start ? start.line : instr.line - 1;
  const first = start ? start.character : 0;
  const esc = model.escapeChar;
  const command: Mapped = { text: '', lines: [] };
  let col = first;
  let inContinuation = false;
  for (; li < instr.endLine; li++) {
    let raw = model.lines[li] ?? '';
    if (li > (start ? start.line : instr.line - 1)) col = 0;
    raw = raw.slice(col);
    if (inContinuation && /^\s*#/.test(raw)) continue; // Docker drops comment lines in a continuation
    if (inContinuation && raw.trim() === '') continue;
    const m = new RegExp(`${escapeRe(esc)}\\s*$`).exec(raw);
    const isCont = m !== null && !endsWithEscapedEscape(raw, m.index, esc);
    const part = isCont ? raw.slice(0, m.index) : raw;
    for (const ch of part) {
      command.text += ch;
      command.lines.push(li + 1);
    }
    if (!isCont) {
      command.text += '\n';
      command.lines.push(li + 1);
      li++;
      break;
    }
    inContinuation = true;
  }
  // Heredoc bodies follow, in the order their markers appear.
  const heredocs: (Mapped & { name: string })[] = [];
  const markers = [...command.text.matchAll(/(?<!<)<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g)];
  for (const mk of markers) {
    const dash = mk[1] === '-';
    const name = mk[3];
    const body: Mapped & { name: string } = { text: '', lines: [], name };
    for (; li < instr.endLine; li++) {
      const raw = model.lines[li] ?? '';
      const cmp = dash ? raw.replace(/^\t+/, '') : raw;
      if (cmp.trimEnd() === name) {
        li++;
        break;
      }
      for (const ch of raw + '\n') {
        body.text += ch;
        body.lines.push(li + 1);
      }
    }
    heredocs.push(body);
  }
  return { command, heredocs };
}

function endsWithEscapedEscape(raw: string, at: number, esc: string): boolean {
  // `\\` at the end of a line is a literal backslash, not a continuation (rare; Docker agrees)
  let n = 0;
  for (let k = at; k >= 0 && raw[k] === esc; k--) n++;
  return n % 2 === 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')', '\n'];
const REDIRECT = /^(\d*)(<<<|<<-|<<|>>|>&|<&|&>>|&>|>\||<>|>|<)/;

/** Parse a shell script into simple commands. Unbalanced quotes end at the end of the text. */
export function parseScript(src: Mapped): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const text = src.text;
  const lineAt = (k: number): number =>
    src.lines[Math.min(k, src.lines.length - 1)] ?? src.lines[src.lines.length - 1] ?? 1;
  let cur: SimpleCommand = { words: [], redirects: [], pipedFrom: null, stdin: [] };
  let pendingRedirect: string | null = null;
  let pipeNext: SimpleCommand | null = null;
  const finish = (op: string | null) => {
    if (cur.words.length > 0 || cur.redirects.length > 0) {
      cur.pipedFrom = pipeNext;
      out.push(cur);
    }
    pipeNext = op === '|' || op === '|&' ? (cur.words.length > 0 ? cur : null) : null;
    cur = { words: [], redirects: [], pipedFrom: null, stdin: [] };
    pendingRedirect = null;
  };
  const pushWord = (w: Word) => {
    if (pendingRedirect) {
      cur.redirects.push({ op: pendingRedirect, target: w });
      pendingRedirect = null;
    } else cur.words.push(w);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      finish(op);
      i += op.length;
      continue;
    }
    const rm = REDIRECT.exec(text.slice(i, i + 6));
    if (rm && (rm[1] === '' || /\d/.test(c))) {
      pendingRedirect = rm[2];
      i += rm[0].length;
      if (rm[2] === '>&' || rm[2] === '<&') {
        // `2>&1`: the target is the fd that follows
        const fd = /^\s*[\d-]+/.exec(text.slice(i));
        if (fd) {
          i += fd[0].length;
          pendingRedirect = null;
        }
      }
      continue;
    }
    // a word
    const line = lineAt(i);
    let word = '';
    let quoted = false;
    const subs: Mapped[] = [];
    while (i < text.length) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') break;
      if (OPERATORS.some((o) => o !== '\n' && text.startsWith(o, i)) && !(ch === '(' && word.endsWith('$')))
        break;
      if (/[<>]/.test(ch)) break;
      if (ch === '\\') {
        if (text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        word += text[i + 1] ?? '';
        quoted = true;
        i += 2;
        continue;
      }
      if (ch === "'") {
        const end = text.indexOf("'", i + 1);
        const stop = end < 0 ? text.length : end;
        word += text.slice(i + 1, stop);
        quoted = true;
        i = stop + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        quoted = true;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) {
            if (text[i + 1] !== '\n') word += text[i + 1];
            i += 2;
            continue;
          }
          if (text[i] === '$' && text[i + 1] === '(') {
            const end = matchParen(text, i + 1);
            subs.push(slice(src, i + 2, end));
            word += text.slice(i, end + 1);
            i = end + 1;
            continue;
          }
          if (text[i] === '`') {
            const end = text.indexOf('`', i + 1);
            const stop = end < 0 ? text.length : end;
            subs.push(slice(src, i + 1, stop));
            word += text.slice(i, stop + 1);
            i = stop + 1;
            continue;
          }
          word += text[i];
          i++;
        }
        i++;
        continue;
      }
      if (ch === '$' && text[i + 1] === '(') {
        const end = matchParen(text, i + 1);
        subs.push(slice(src, i + 2, end));
        word += text.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (ch === '`') {
        const end = text.indexOf('`', i + 1);
        const stop = end < 0 ? text.length : end;
        subs.push(slice(src, i + 1, stop));
        word += text.slice(i, stop + 1);
        i = stop + 1;
        continue;
      }
      word += ch;
      i++;
    }
    pushWord({ text: word, line, quoted });
    for (const s of subs) out.push(...parseScript(s));
  }
  finish(null);
  return out;
}

function slice(src: Mapped, from: number, to: number): Mapped {
  return { text: src.text.slice(from, to), lines: src.lines.slice(from, to) };
}

/** Index of the `)` that closes the `(` at `open`, skipping quotes; text length when unbalanced. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const ch = text[k];
    if (ch === "'") {
      const e = text.indexOf("'", k + 1);
      k = e < 0 ? text.length : e;
      continue;
    }
    if (ch === '\\') {
      k++;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return text.length;
}

/** Short-option cluster test: does `-fsSLk` contain `k` before any option that takes a value? */
export function hasShortFlag(word: string, flag: string, takesValue: string): boolean {
  if (!/^-[A-Za-z0-9]/.test(word) || word.startsWith('--')) return false;
  for (const ch of word.slice(1)) {
    if (ch === flag) return true;
    if (takesValue.includes(ch)) return false;
  }
  return false;
}

/** Lines of an instruction's source that are not comments, with their 1-based numbers (RUN text and heredoc bodies). */
export function sourceLines(model: DockerfileModel, instr: Instr): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (let li = instr.line - 1; li < instr.endLine; li++) {
    const t = model.lines[li] ?? '';
    if (/^\s*#/.test(t)) continue;
    out.push({ line: li + 1, text: t });
  }
  return out;
}
