// HC306: a build argument used as runtime configuration. ARGs exist only during the
// build: CMD/ENTRYPOINT and HEALTHCHECK run later, so `$PORT` there is empty (shell form)
// or the literal text `$PORT` (exec form, never expanded); EXPOSE freezes it at build
// time. Without `ENV NAME=${NAME}` the value cannot be overridden with `docker run -e`.
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { envInChain, isBuildArgInScope, referenceLine, runReferences } from './shared.js';
import { referencedVars } from '../../dockerfile/expand.js';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'EXPOSE']);

export const hc306: Rule = {
  meta: {
    id: 'HC306',
    title: 'Runtime configuration declared only as ARG',
    severity: 'warning',
    check: 'env-override',
    anchors: {},
    description:
      'Build arguments do not exist in the running container. A variable used by CMD, ENTRYPOINT or HEALTHCHECK must be an ENV to have a value at run time and to be overridable with `docker run -e`; EXPOSE with an ARG fixes the port at build time while the app cannot read it.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (!KEYWORDS.has(instr.keyword)) continue;
        const names =
          instr.keyword === 'EXPOSE'
            ? referencedVars(instr.text, model.escapeChar)
            : runReferences(instr, model.escapeChar);
        for (const name of names) {
          if (!isBuildArgInScope(model, instr, name) || envInChain(model, name)) continue;
          const line = referenceLine(model, instr, name);
          const origin = model.scope(instr).origin(name);
          const decl = origin ? ` (line ${origin.line})` : '';
          let effect: string;
          const argv = instr.keyword === 'HEALTHCHECK' ? healthcheckArgv(instr.text) : instr.json;
          if (instr.keyword === 'EXPOSE')
            effect = 'the port is fixed at build time and the app cannot read it';
          else if (argv && !/^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|a)?sh$/.test(argv[0] ?? '')) {
            effect = `exec form passes the literal text $${name}`;
          } else effect = 'it is empty when the container runs';
          const exec = effect.startsWith('exec form');
          const fix = exec
            ? `promote it with ENV ${name}=\${${name}} and read it through a shell (["sh", "-c", "exec … \\"$${name}\\""]) or in the app, so docker run -e ${name}=… can override it`
            : `promote it with ENV ${name}=\${${name}} so docker run -e ${name}=… can override it`;
          hits.push({
            line,
            message: `${instr.keyword} uses $${name}, declared only as ARG${decl}, so ${effect}: ${fix}.`,
          });
        }
      }
    }
    return hits;
  },
};

function healthcheckArgv(text: string): string[] | null {
  const m = /^\s*CMD\s+(\[[\s\S]*\])\s*$/i.exec(text);
  if (!m) return null;
  try {
    const parsed: unknown = JSON.parse(m[1]);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}
