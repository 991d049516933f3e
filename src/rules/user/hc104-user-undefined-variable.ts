// HC104: USER uses a variable that is not defined in its stage. Docker substitutes an empty
// string, so `USER ${APP_USER}` becomes `USER ""` (root) and `USER ${UID}:${GID}` becomes
// `USER ":"` (spiffe/spire#4871). The classic cause: an ARG declared before the first FROM
// and not redeclared inside the stage. Variables a known base image sets as ENV (the .NET
// images' APP_UID) are defined (base-images.ts); with an unknown base we cannot tell, so
// that is a note.
import { externalBase, splitUser } from '../../dockerfile/facts.js';
import type { Severity } from '../../report/types.js';
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';

export const hc104: Rule = {
  meta: {
    id: 'HC104',
    title: 'USER uses an undefined variable',
    severity: 'error',
    check: 'non-root',
    anchors: { buildkit: ['UndefinedVar'] },
    description:
      'A variable that is not defined in the stage expands to an empty string, so USER ${APP_USER} silently becomes root and USER ${UID}:${GID} becomes ":". An ARG declared before the first FROM is only visible to FROM lines: redeclare it (ARG UID) inside the stage that uses it.',
  },
  check({ model, trustedBaseImages }) {
    const hits: RuleHit[] = [];
    const shipped = shippedStages(model);
    const globals = new Map<string, number>();
    for (const i of model.preamble)
      if (i.keyword === 'ARG') for (const p of i.properties) globals.set(p.name, i.line);
    for (const stage of model.stages) {
      const base = externalBase(model, trustedBaseImages, stage);
      // A known base's ENV (the .NET images' APP_UID) is already in the model's scope.
      const knownBase = base?.info && base.info.family !== 'trusted (config)' ? base.info : null;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'USER') continue;
        const raw = instr.args.join(' ');
        const res = model.resolveWord(raw, instr);
        const undef = res.undefinedVars;
        if (undef.length === 0) continue;
        const [user] = splitUser(res.value);
        const empty = user === '' && res.unknownVars.length === 0;
        const global = undef.filter((v) => globals.has(v));
        const why = undef
          .map((v) =>
            globals.has(v)
              ? `${v} is declared before the first FROM (line ${globals.get(v)}) but not redeclared in this stage`
              : `${v} is not declared in this stage`,
          )
          .join('; ');
        const result = empty
          ? `expands to "${res.value}", an empty user, so the ${shipped.includes(stage) ? 'image runs' : 'stage runs'} as root`
          : `expands to "${res.value}"`;
        const fix = global.length
          ? `add ${global.map((v) => `ARG ${v}`).join(', ')} after the FROM on line ${stage.line}`
          : `declare ${undef.map((v) => `ARG ${v}=<value>`).join(', ')} in this stage or write the value`;
        let severity: Severity = empty ? 'error' : 'warning';
        if (!shipped.includes(stage) && severity === 'error') severity = 'warning';
        if (global.length === 0 && !knownBase) {
          // The base image may define it as ENV: only the runtime can tell.
          hits.push({
            line: instr.line,
            severity: 'note',
            message: `USER ${raw} ${result} unless the base image sets ENV ${undef.join(', ')} (${why}): declare the variable in this stage or write the uid.`,
          });
          continue;
        }
        hits.push({ line: instr.line, severity, message: `USER ${raw} ${result} (${why}): ${fix}.` });
      }
    }
    return hits;
  },
};
