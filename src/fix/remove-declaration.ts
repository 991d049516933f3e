// The fix for a secret set by ENV/ARG (HC301, HC302): remove its declaration.
import type { DockerfileModel, Instr } from '../dockerfile/model.js';
import { escapeRegExp } from '../dockerfile/lines.js';
import type { Fix } from '../report/types.js';
import { removeInstruction, replaceLine } from './build.js';

/**
 * Fix for a secret set by ENV/ARG: remove the declaration of `name` — the whole instruction
 * when it declares only that, else just `name=value` from a one-line instruction. Null when
 * anything in the file references the variable (removing it would change what the build or
 * the container does) or when the declaration cannot be cut out exactly.
 */
export function removeDeclarationFix(model: DockerfileModel, instr: Instr, name: string): Fix | null {
  const ref = new RegExp(`\\$(?:\\{${escapeRegExp(name)}\\b|${escapeRegExp(name)}\\b)`);
  for (const other of model.instructions) {
    const texts = [
      other.text,
      ...other.heredocs.map((h) => h.body),
      ...other.flags.map((f) => f.value ?? ''),
    ];
    if (texts.some((t) => ref.test(t))) return null;
  }
  const props = instr.properties;
  const description = `Remove ${name} from the Dockerfile (pass it with RUN --mount=type=secret or docker run -e)`;
  if (props.length === 1 && props[0].name === name) {
    return removeInstruction(instr, description);
  }
  if (instr.line !== instr.endLine || props.filter((p) => p.name === name).length !== 1) return null;
  const p = props.find((x) => x.name === name);
  if (!p || p.raw === null) return null;
  const line = model.lines[instr.line - 1] ?? '';
  const token = `${name}=${p.raw}`;
  const re = new RegExp(`(\\s+)${escapeRegExp(token)}(?=\\s|$)`, 'g');
  const hits = [...line.matchAll(re)];
  if (hits.length !== 1) return null;
  const at = hits[0].index!;
  return replaceLine(instr.line, line.slice(0, at) + line.slice(at + hits[0][0].length), description);
}
