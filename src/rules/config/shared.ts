// Helpers shared by the HC3xx rules: exact physical lines inside a
// multi-line instruction, quote-aware ARG parsing (dockerfile-ast reads `ARG A B=2` as
// one property), and the variables an instruction references.
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import { referencedVars } from '../../dockerfile/expand.js';

/** The physical lines of an instruction (continuations and heredoc bodies included). */
export function physicalLines(model: DockerfileModel, instr: Instr): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (let n = instr.line; n <= instr.endLine; n++) out.push({ line: n, text: model.lines[n - 1] ?? '' });
  return out;
}

/** First physical line of the instruction whose text matches, else the instruction's line. */
export function lineMatching(model: DockerfileModel, instr: Instr, re: RegExp): number {
  const flags = re.flags.replace(/[gy]/g, '');
  const test = new RegExp(re.source, flags);
  for (const l of physicalLines(model, instr)) if (test.test(l.text)) return l.line;
  return instr.line;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Line where an ENV/ARG/LABEL property is written (`NAME=` or `NAME value`). */
export function propertyLine(model: DockerfileModel, instr: Instr, name: string): number {
  return lineMatching(model, instr, new RegExp(`(?:^|[\\s"'])${escapeRe(name)}(?:=|\\s|$)`));
}

/** Line where `$NAME` / `${NAME...}` is referenced. */
export function referenceLine(model: DockerfileModel, instr: Instr, name: string): number {
  return lineMatching(model, instr, new RegExp(`\\$(?:\\{${escapeRe(name)}\\b|${escapeRe(name)}\\b)`));
}

/** Split on unquoted whitespace, keeping quotes (shell-like words). */
export function words(text: string, escapeChar = '\\'): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
      has = true;
      continue;
    }
    if (quote) {
      cur += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      cur += c;
      has = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    cur += c;
    has = true;
  }
  if (has) out.push(cur);
  return out;
}

export function unquote(value: string): string {
  const m = /^(['"])([\s\S]*)\1$/.exec(value);
  return m ? m[2] : value;
}

export interface ArgDecl {
  name: string;
  /** Default as written (quotes removed), or null when declared without one. */
  value: string | null;
}

/** Every name an ARG declares: `ARG A`, `ARG A=1 B="x y"`, `ARG A B=2`. */
export function argDecls(instr: Instr, escapeChar = '\\'): ArgDecl[] {
  if (instr.keyword !== 'ARG') return [];
  const out: ArgDecl[] = [];
  for (const w of words(instr.text, escapeChar)) {
    const i = w.indexOf('=');
    const name = i < 0 ? w : w.slice(0, i);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    out.push({ name, value: i < 0 ? null : unquote(w.slice(i + 1)) });
  }
  return out;
}

/** Names/values set by an ARG or ENV instruction (ARG via argDecls, ENV via the parser). */
export function declarations(instr: Instr, escapeChar = '\\'): ArgDecl[] {
  if (instr.keyword === 'ARG') return argDecls(instr, escapeChar);
  if (instr.keyword === 'ENV') return instr.properties.map((p) => ({ name: p.name, value: p.value }));
  return [];
}

/** Variables a RUN's shell text references (`$X`, `${X}`, `${X:-d}`), heredoc bodies included. */
export function runReferences(instr: Instr, escapeChar = '\\'): string[] {
  const text = instr.json ? instr.json.join(' ') : [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
  // In shell text `\$X` is a literal dollar whatever the Dockerfile escape character is.
  return referencedVars(text.replace(/\\\$/g, ''), escapeChar === '`' ? '\\' : escapeChar);
}

/** The stage an ARG name refers to at this instruction: the ARG's stage-local declaration. */
export function isBuildArgInScope(model: DockerfileModel, instr: Instr, name: string): boolean {
  const origin = model.scope(instr).origin(name);
  if (origin) return origin.kind !== 'ENV';
  // `ARG A B=2`: the model misses the names after the first; look back in the stage.
  const stage = model.stageOf(instr);
  if (!stage) return false;
  return declaredByArgBefore(model, stage, instr, name);
}

export function declaredByArgBefore(model: DockerfileModel, stage: Stage, instr: Instr, name: string): boolean {
  for (const i of stage.instructions) {
    if (i === instr) break;
    if (i.keyword === 'ARG' && argDecls(i, model.escapeChar).some((d) => d.name === name)) return true;
  }
  return false;
}

/** Is `name` set by an ENV anywhere in the shipped chain (so it exists at run time)? */
export function envInChain(model: DockerfileModel, name: string, stage?: Stage | null): boolean {
  for (const s of model.chain(stage)) {
    for (const i of s.instructions) if (i.keyword === 'ENV' && i.properties.some((p) => p.name === name)) return true;
  }
  return false;
}

/**
 * ENV/LABEL/ARG values as written (quotes and escapes kept; dockerfile-ast's getValue()
 * removes the escape of `\$X`, which would turn a literal dollar into a variable).
 */
export function rawProperties(instr: Instr): { name: string; raw: string | null }[] {
  const node = instr.node as unknown as { getProperties?: () => { getName(): string; getUnescapedValue(): string | null }[] };
  const props = node.getProperties?.() ?? [];
  if (props.length !== instr.properties.length) return instr.properties.map((p) => ({ name: p.name, raw: p.value }));
  return props.map((p) => ({ name: p.getName(), raw: p.getUnescapedValue() }));
}

/** Drop single-quoted segments: Docker does not expand variables inside them. */
export function expandableText(text: string, escapeChar = '\\'): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar && quote !== "'" && i + 1 < text.length) {
      out += c + text[i + 1];
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === "'" && quote === null) {
      quote = "'";
      continue;
    }
    if (c === '"') quote = quote === '"' ? null : '"';
    out += c;
  }
  return out;
}
