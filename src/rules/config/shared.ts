// Helpers shared by the HC3xx rules: the physical line of a property or a reference in a
// multi-line instruction, ARG declarations with their defaults, and the variables an
// instruction references.
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import { referencedVars } from '../../dockerfile/expand.js';
import { escapeRegExp, lineMatching } from '../../dockerfile/lines.js';

/** Line where an ENV/ARG/LABEL property is written (`NAME=` or `NAME value`). */
export function propertyLine(model: DockerfileModel, instr: Instr, name: string): number {
  return lineMatching(model, instr, new RegExp(`(?:^|[\\s"'])${escapeRegExp(name)}(?:=|\\s|$)`));
}

/** Line where `$NAME` / `${NAME...}` is referenced. */
export function referenceLine(model: DockerfileModel, instr: Instr, name: string): number {
  return lineMatching(
    model,
    instr,
    new RegExp(`\\$(?:\\{${escapeRegExp(name)}\\b|${escapeRegExp(name)}\\b)`),
  );
}

import { unquote } from '../../dockerfile/model.js';

export { unquote };

export interface ArgDecl {
  name: string;
  /** Default as written (quotes removed), or null when declared without one. */
  value: string | null;
}

/** Every name an ARG declares (`ARG A`, `ARG A=1 B="x y"`, `ARG A B=2`), defaults with outer quotes removed. */
export function argDecls(instr: Instr): ArgDecl[] {
  if (instr.keyword !== 'ARG') return [];
  return instr.properties
    .filter((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name))
    .map((p) => ({ name: p.name, value: p.raw === null ? null : unquote(p.raw) }));
}

/** Names/values set by an ARG or ENV instruction (ARG via argDecls, ENV via the parser). */
export function declarations(instr: Instr): ArgDecl[] {
  if (instr.keyword === 'ARG') return argDecls(instr);
  if (instr.keyword === 'ENV') return instr.properties.map((p) => ({ name: p.name, value: p.value }));
  return [];
}

/** Variables a RUN's shell text references (`$X`, `${X}`, `${X:-d}`), heredoc bodies included. */
export function runReferences(instr: Instr, escapeChar = '\\'): string[] {
  const text = instr.json
    ? instr.json.join(' ')
    : [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
  // In shell text `\$X` is a literal dollar whatever the Dockerfile escape character is.
  return referencedVars(text.replace(/\\\$/g, ''), escapeChar === '`' ? '\\' : escapeChar);
}

/** Is `name` a build argument (not an ENV) at this instruction? */
export function isBuildArgInScope(model: DockerfileModel, instr: Instr, name: string): boolean {
  const origin = model.scope(instr).origin(name);
  return origin !== undefined && origin.kind !== 'ENV';
}

/** Is `name` set by an ENV anywhere in the shipped chain (so it exists at run time)? */
export function envInChain(model: DockerfileModel, name: string, stage?: Stage | null): boolean {
  for (const s of model.chain(stage)) {
    for (const i of s.instructions)
      if (i.keyword === 'ENV' && i.properties.some((p) => p.name === name)) return true;
  }
  return false;
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
