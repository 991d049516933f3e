// Helpers shared by the HC2xx rules: the shipped base image and what it carries,
// a small shell-word splitter for probe commands, exec-form conversion for fixes,
// and "which instructions repeat in a stage". Pure functions over the model.
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import { chainInstructions, externalBase, finalEnv } from '../../dockerfile/facts.js';
import { expand, type Expansion } from '../../dockerfile/expand.js';
import type { BaseImageInfo, TrustedBaseImage } from '../../dockerfile/base-images.js';
import type { Fix } from '../../report/types.js';

/** The resolved base image of the shipped stage and what we know about it, or null when unknown. */
export function shippedBase(
  model: DockerfileModel,
  trusted: readonly TrustedBaseImage[],
): { image: string; info: BaseImageInfo } | null {
  const base = externalBase(model, trusted);
  if (!base || !base.info || !base.resolved.complete) return null;
  return { image: base.resolved.value, info: base.info };
}

const SHELL_NAMES = /^(?:sh|bash|ash|dash|zsh|busybox|busybox\.static)$/;

function basename(p: string): string {
  const clean = p.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/** Sources and destination of a COPY/ADD (exec or shell form), flags removed. */
function copyPaths(instr: Instr): string[] {
  return instr.json ?? instr.args;
}

/** A COPY/ADD in the shipped chain that brings a file with this base name (e.g. `curl`, `busybox`). */
export function copiesBinary(model: DockerfileModel, names: RegExp): Instr | null {
  for (const instr of chainInstructions(model)) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    const from = instr.flags.find((f) => f.name === 'from')?.value ?? '';
    // `COPY --from=busybox:musl /bin /bin` or `--from=curlimages/curl ...`
    if (names.test(basename(from.split(/[:@]/)[0]))) return instr;
    for (const p of copyPaths(instr)) if (names.test(basename(p))) return instr;
  }
  return null;
}

/** Does the shipped chain copy a shell in (busybox, /bin/sh, a whole /bin)? */
export function copiesShell(model: DockerfileModel): Instr | null {
  const byName = copiesBinary(model, SHELL_NAMES);
  if (byName) return byName;
  for (const instr of chainInstructions(model)) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    const paths = copyPaths(instr);
    if (paths.slice(0, -1).some((p) => /^\/?(?:usr\/)?bin\/?$/.test(p.replace(/^["']|["']$/g, ''))))
      return instr;
  }
  return null;
}

/**
 * The shipped image has no shell: the base is known shell-less (scratch, distroless
 * non-debug, chainguard non-dev, chiseled) and no COPY brings one in.
 */
export function lacksShell(
  model: DockerfileModel,
  trusted: readonly TrustedBaseImage[],
): { image: string; family: string } | null {
  const base = shippedBase(model, trusted);
  if (!base || base.info.shell !== false) return null;
  if (copiesShell(model)) return null;
  return { image: base.image, family: base.info.family };
}

export interface ShellCommand {
  /** Words with quotes removed (variables left as written). */
  words: string[];
  /** The operator that joins this command to the previous one ('' for the first). */
  op: string;
}

/**
 * Split shell text into simple commands joined by `||`, `&&`, `|`, `;`, `&` or newlines.
 * Quotes are honoured; redirections stay as words. Enough for probe commands, not a shell.
 */
export function splitCommands(text: string): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let op = '';
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (next: string) => {
    endWord();
    if (words.length > 0 || out.length === 0) out.push({ words, op });
    words = [];
    op = next;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const end = close < 0 ? text.length : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      word += text[i + 1];
      inWord = true;
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '||' || two === '&&') {
      endCommand(two);
      i++;
      continue;
    }
    if (c === '|' || c === ';' || c === '\n' || (c === '&' && text[i - 1] !== '>' && text[i + 1] !== '>')) {
      endCommand(c === '\n' ? ';' : c);
      continue;
    }
    if (/\s/.test(c)) {
      endWord();
      continue;
    }
    word += c;
    inWord = true;
  }
  endCommand('');
  return out.filter((c) => c.words.length > 0);
}

/** The program a command runs: skips `VAR=value`, `exec`, `command`, `timeout N`, `env`. */
export function programOf(words: string[]): { name: string; index: number } | null {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (
      /^[A-Za-z_][A-Za-z0-9_]*=/.test(w) ||
      w === 'exec' ||
      w === 'command' ||
      w === 'env' ||
      w === 'nice'
    ) {
      i++;
      continue;
    }
    if (w === 'timeout') {
      i++;
      while (i < words.length && /^-/.test(words[i])) i++;
      i++; // the duration
      continue;
    }
    return { name: basename(w), index: i };
  }
  return null;
}

/** Shell syntax that makes a text need `/bin/sh` (operators, redirections, variables, globs, quotes). */
export function needsShell(text: string): boolean {
  return /[|&;<>()$`\\"'*?~{}[\]#]/.test(text) || /\n/.test(text);
}

/** `curl -f URL || exit 1` → `curl -f URL`; null when the text has no such trailer. */
export function stripExitOne(text: string): string | null {
  const m = /^(.*?)\s*\|\|\s*exit(?:\s+1)?\s*;?\s*$/s.exec(text);
  return m ? m[1] : null;
}

/** Exec-form JSON of a plain command (no shell syntax at all), or null. */
export function execFormOf(text: string): string | null {
  const t = text.trim();
  if (t === '' || needsShell(t)) return null;
  return JSON.stringify(t.split(/\s+/)).replace(/","/g, '", "');
}

/**
 * A fix that rewrites the instruction's single line: keep everything up to `prefix`
 * (keyword, flags, `CMD`), replace the rest. Null when the instruction spans lines.
 */
export function rewriteLine(
  model: DockerfileModel,
  instr: Instr,
  prefix: RegExp,
  rest: string,
  description: string,
): Fix | null {
  if (instr.line !== instr.endLine) return null;
  const original = model.lines[instr.line - 1] ?? '';
  const m = prefix.exec(original);
  if (!m || m.index !== 0) return null;
  return { startLine: instr.line, endLine: instr.line, text: m[0] + rest, description };
}

/** Keyword prefix of a HEALTHCHECK line up to and including `CMD `. */
export const HEALTHCHECK_PREFIX =
  /^\s*HEALTHCHECK\s+(?:--[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\S*))?\s+)*CMD\s+/i;

/** In each stage, every instruction of this keyword but the last: Docker ignores them. */
export function overridden(
  model: DockerfileModel,
  keyword: string,
): { instr: Instr; last: Instr; stage: Stage }[] {
  const out: { instr: Instr; last: Instr; stage: Stage }[] = [];
  for (const stage of model.stages) {
    const same = stage.instructions.filter((i) => i.keyword === keyword);
    const last = same[same.length - 1];
    for (const instr of same.slice(0, -1)) out.push({ instr, last, stage });
  }
  return out;
}

/** `stage 2 "build"` for messages. */
export function stageLabel(stage: Stage): string {
  return stage.name ? `stage "${stage.name}"` : `stage ${stage.index}`;
}

/**
 * Expand a shell-form command as `/bin/sh` will at run time: only the image's ENV is
 * visible (ARG values are gone), and the ENV in effect is the final one.
 */
export function runtimeExpand(model: DockerfileModel, text: string): Expansion {
  const env = new Map(finalEnv(model).map((e) => [e.key, e.value]));
  return expand(text, (n) => (env.has(n) ? env.get(n)! : undefined), '\\');
}

/** Unquote a flag value as the Dockerfile parser would (`"30s"` → `30s`). */
export { unquote } from '../../dockerfile/model.js';
