// HC309: FROM uses a variable that is not a global ARG (declared before the first FROM),
// or the ARG's default makes the image reference empty or invalid. Build arguments given
// to the run (build-args input) count as values. An ARG declared without a default is
// only a problem when the build does not pass it: warning, not error.
import { expandWord } from '../../dockerfile/expand.js';
import type { Rule, RuleHit } from '../types.js';
import { argDecls, referenceLine } from './shared.js';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?|\\[[0-9a-fA-F:]+\\](?::\\d+)?)';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** Is this a valid image reference (or a stage name)? */
export function validImageRef(ref: string): boolean {
  return ref === 'scratch' || REFERENCE.test(ref);
}

export const hc309: Rule = {
  meta: {
    id: 'HC309',
    title: 'FROM uses an undeclared ARG or an invalid default',
    severity: 'error',
    anchors: { buildkit: ['UndefinedArgInFrom', 'InvalidDefaultArgInFrom'] },
    description:
      'FROM only sees ARGs declared before the first FROM. An undeclared variable, or a default that leaves the image name empty or malformed (`alpine:` from `ARG TAG` without a default), makes the build fail unless every build passes the right --build-arg.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    // FROM sees the global ARGs (build args win) and BuildKit's automatic platform args,
    // valued for the platform of this build: the model's scope of a FROM line.
    const stageArg = (name: string): number | null => {
      for (const s of model.stages)
        for (const i of s.instructions)
          if (i.keyword === 'ARG' && argDecls(i).some((d) => d.name === name)) return i.line;
      return null;
    };
    for (const stage of model.stages) {
      const instr = stage.fromInstr;
      const lookup = model.scope(instr).get;
      const raw = stage.from.raw;
      const texts = [raw, ...instr.flags.filter((f) => f.name === 'platform').map((f) => f.value ?? '')];
      const undefinedVars = new Set<string>();
      for (const t of texts)
        for (const n of expandWord(t, lookup, model.escapeChar).undefinedVars) undefinedVars.add(n);
      for (const name of undefinedVars) {
        const inStage = stageArg(name);
        hits.push({
          line: referenceLine(model, instr, name),
          message:
            inStage !== null
              ? `FROM uses $${name}, but ARG ${name} (line ${inStage}) is declared inside a stage and FROM only sees ARGs declared before the first FROM: move the ARG above the first FROM.`
              : `FROM uses $${name}, which is not declared, so it expands to an empty string: declare ARG ${name}=<default> before the first FROM.`,
        });
      }
      if (undefinedVars.size > 0 || !raw.includes('$')) continue;
      // quotes are removed after expansion, as Docker reads the word (`alpine:"${TAG}"`)
      const resolved = expandWord(raw, lookup, model.escapeChar);
      const value = resolved.value;
      const isStage = model.stages.slice(0, stage.index).some((s) => s.name === value.toLowerCase());
      if (isStage || validImageRef(value)) continue;
      const shown = value === '' ? 'an empty image name' : `"${value}", not a valid image reference`;
      if (resolved.unknownVars.length > 0) {
        hits.push({
          line: instr.line,
          severity: 'warning',
          message: `FROM ${raw} gives ${shown} unless --build-arg ${resolved.unknownVars.join(', ')} is passed: give the ARG a valid default (ARG ${resolved.unknownVars[0]}=…).`,
        });
      } else {
        hits.push({
          line: instr.line,
          message: `FROM ${raw} resolves to ${shown}: fix the ARG default before the first FROM.`,
        });
      }
    }
    return hits;
  },
};
