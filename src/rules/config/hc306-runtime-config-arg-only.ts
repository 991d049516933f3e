// HC306: a build argument used as runtime configuration. ARGs exist only during the
// build: CMD/ENTRYPOINT and HEALTHCHECK run later, so `$PORT` there is empty (shell form)
// or the literal text `$PORT` (exec form, never expanded). Without `ENV NAME=${NAME}` the
// value cannot be overridden with `docker run -e`. EXPOSE ${ARG} is fine: Docker expands it
// at build time, and EXPOSE only documents the port.
// Also: an ARG that nothing in the file uses and no build step can read (no RUN follows it)
// is only there for the app, which never sees it at run time.
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import {
  argDecls,
  envInChain,
  isBuildArgInScope,
  propertyLine,
  referenceLine,
  runReferences,
} from './shared.js';
import { referencedVars } from '../../dockerfile/expand.js';
import { escapeRegExp } from '../../dockerfile/lines.js';
import {
  PLATFORM_ARGS,
  PREDEFINED_ARGS,
  type DockerfileModel,
  type Instr,
  type Stage,
} from '../../dockerfile/model.js';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export const hc306: Rule = {
  meta: {
    id: 'HC306',
    title: 'Runtime configuration declared only as ARG',
    severity: 'warning',
    check: 'env-override',
    anchors: {},
    description:
      'Build arguments do not exist in the running container. A variable used by CMD, ENTRYPOINT or HEALTHCHECK must be an ENV to have a value at run time and to be overridable with `docker run -e`. An ARG that nothing in the file uses is a setting meant for the app, which never sees it.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (!KEYWORDS.has(instr.keyword)) continue;
        const names = runReferences(instr, model.escapeChar);
        for (const name of names) {
          if (!isBuildArgInScope(model, instr, name) || envInChain(model, name)) continue;
          const line = referenceLine(model, instr, name);
          const origin = model.scope(instr).origin(name);
          const decl = origin ? ` (line ${origin.line})` : '';
          let effect: string;
          const argv = instr.keyword === 'HEALTHCHECK' ? healthcheckArgv(instr.text) : instr.json;
          if (argv && !/^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|a)?sh$/.test(argv[0] ?? '')) {
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
    return [...hits, ...unusedArgs(model)];
  },
};

const BUILDER_ARGS = /^(?:BUILDKIT_\w+|SOURCE_DATE_EPOCH)$/;

/** `$NAME` or `${NAME…}` anywhere in an instruction: its words, heredoc bodies, flags. */
function references(instr: Instr, name: string): boolean {
  const re = new RegExp(`\\$(?:\\{${escapeRegExp(name)}\\b|${escapeRegExp(name)}\\b)`);
  return [instr.text, ...instr.heredocs.map((h) => h.body), ...instr.flags.map((f) => f.value ?? '')].some(
    (t) => re.test(t),
  );
}

/**
 * ARGs declared in the shipped stages that no instruction references
 * and no later RUN can read from its environment (a RUN sees stage ARGs as variables, so
 * `ARG NODE_ENV` before `RUN npm ci` is used without a `$`).
 */
function unusedArgs(model: DockerfileModel): RuleHit[] {
  const hits: RuleHit[] = [];
  const shipped = shippedStages(model);
  // Global ARGs are left out: only FROM lines see them, and an unused one is usually a version
  // pin for a bot (`# renovate:`), not a setting for the app.
  const decls: { instr: Instr; stage: Stage }[] = [
    ...shipped.flatMap((stage) =>
      stage.instructions.filter((i) => i.keyword === 'ARG').map((instr) => ({ instr, stage })),
    ),
  ];
  for (const { instr, stage } of decls) {
    // a later RUN in this stage or in a stage built FROM it can read the ARG without `$`
    const runAfter = model.instructions.some(
      (i) =>
        i.keyword === 'RUN' &&
        i.line > instr.line &&
        model.chain(model.stageOf(i)).some((s) => s.index === stage.index),
    );
    if (runAfter) continue;
    for (const d of argDecls(instr)) {
      // args BuildKit itself reads (BUILDKIT_SBOM_SCAN_STAGE, BUILDKIT_INLINE_CACHE, SOURCE_DATE_EPOCH)
      if (PLATFORM_ARGS.has(d.name) || PREDEFINED_ARGS.has(d.name) || BUILDER_ARGS.test(d.name)) continue;
      if (model.instructions.some((i) => i !== instr && references(i, d.name))) continue;
      // `ARG A=1 B=$A`: used by a later declaration on the same line
      if (
        instr.properties.some(
          (p) => p.name !== d.name && p.raw !== null && referencedVars(p.raw).includes(d.name),
        )
      )
        continue;
      hits.push({
        line: propertyLine(model, instr, d.name),
        message: `ARG ${d.name} is declared in the shipped stage but nothing in the Dockerfile uses it, and build arguments never reach the running container: if the app reads ${d.name}, declare it with ENV ${d.name}=${d.value ?? '…'} (overridable with docker run -e); otherwise remove the ARG.`,
      });
    }
  }
  return hits;
}

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
