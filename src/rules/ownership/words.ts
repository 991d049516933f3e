// The words of COPY/ADD as written (sources, destination, flags, `--chown`) with the line each
// is on, and a text resolved at an instruction (null when a variable is unknown).
import { unquote, type DockerfileModel, type Instr, type Stage } from '../../dockerfile/model.js';
import { splitUser } from '../../dockerfile/facts.js';

export interface Word {
  value: string;
  line: number;
}

export interface CopyParts {
  sources: Word[];
  dest: Word | null;
  /** `COPY <<EOF /dest` */
  heredoc: boolean;
  /** written as a JSON array */
  json: boolean;
}

/** Sources and destination of a COPY/ADD as written (unresolved), with the line each word is on. */
export function copyParts(instr: Instr): CopyParts {
  if (instr.json) {
    const words = instr.json.map((value) => ({ value, line: instr.line }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: false, json: true };
  }
  if (instr.heredocs.length > 0) {
    // Only the first line carries sources and destination; the rest are heredoc bodies.
    const first = instr.text.split(/\r?\n/)[0] ?? '';
    const words = first
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => ({ value: unquote(w), line: instr.line }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: true, json: false };
  }
  const nodes = instr.node.getArguments();
  const words = nodes.map((a) => ({ value: unquote(a.getValue()), line: a.getRange().start.line + 1 }));
  return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: false, json: false };
}

export function flag(instr: Instr, name: string): { value: string; line: number } | null {
  const f = instr.flags.find((x) => x.name === name);
  return f && f.value !== null ? { value: unquote(f.value), line: f.line } : null;
}

/** Resolve a text at an instruction; null when a variable is unknown or undefined. */
export function resolved(model: DockerfileModel, text: string, instr: Instr): string | null {
  const r = model.resolveWord(text, instr);
  return r.complete ? r.value : null;
}

export interface Chown {
  raw: string;
  value: string | null;
  user: string;
  group: string | null;
  line: number;
}

export function chownOf(model: DockerfileModel, instr: Instr): Chown | null {
  const f = flag(instr, 'chown');
  if (!f) return null;
  const value = resolved(model, f.value, instr);
  const [user, group] = value === null ? ['', null] : splitUser(value);
  return { raw: f.value, value, user, group, line: f.line };
}

export const isNumeric = (s: string): boolean => /^\d+$/.test(s);

/** A `COPY --from=<value>` with its value resolved. */
export interface CopyFrom {
  stage: Stage;
  instr: Instr;
  from: { value: string; line: number };
  value: string;
}

/** Every COPY --from of the file whose value resolves, in order. */
export function copyFromRefs(model: DockerfileModel): CopyFrom[] {
  const out: CopyFrom[] = [];
  for (const stage of model.stages) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = flag(instr, 'from');
      const value = from && resolved(model, from.value, instr);
      if (from && value !== null) out.push({ stage, instr, from, value });
    }
  }
  return out;
}
