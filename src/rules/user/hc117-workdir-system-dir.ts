// HC117: WORKDIR inside /proc, /boot, /dev, /initrd or /lost+found (relative WORKDIRs are
// resolved against the previous one, variables through ARG/ENV). The shipped image: error;
// a builder stage: warning (it breaks that build, it does not ship).
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { normalizePath } from '../../dockerfile/paths.js';

const SYSTEM = ['/proc', '/boot', '/dev', '/initrd', '/lost+found'];

export const hc117: Rule = {
  meta: {
    id: 'HC117',
    title: 'WORKDIR inside a system directory',
    severity: 'error',
    anchors: { trivy: ['DS-0030'] },
    description:
      '/proc and /dev are kernel pseudo-filesystems mounted over by the runtime, /boot, /initrd and /lost+found belong to the host OS: files written there vanish, fail or land in the wrong place. Use an application directory such as /app.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const shipped = shippedStages(model);
    const done = new Map<number, Walk>();
    for (const stage of model.stages) {
      for (const [instr, path] of workdirs(model, stage, done)) {
        const hit = SYSTEM.find((s) => path === s || path.startsWith(s + '/'));
        if (!hit) continue;
        const raw = instr.args.join(' ');
        const shown = raw === path ? raw : `${raw} (= ${path})`;
        hits.push({
          line: instr.line,
          severity: shipped.includes(stage) ? undefined : 'warning',
          message: `WORKDIR ${shown} is inside the system directory ${hit}: use an application directory such as /app.`,
        });
      }
    }
    return hits;
  },
};

/** Absolute WORKDIR paths of a stage (starting from the parent stage's); unresolvable ones are skipped. */
function workdirs(model: DockerfileModel, stage: Stage, done: Map<number, Walk>): Map<Instr, string> {
  return walk(model, stage, done).paths;
}

interface Walk {
  paths: Map<Instr, string>;
  /** The working directory at the end of the stage; null when unknown. */
  end: string | null;
}

function walk(model: DockerfileModel, stage: Stage, done: Map<number, Walk>): Walk {
  const cached = done.get(stage.index);
  if (cached) return cached;
  const result: Walk = { paths: new Map(), end: null };
  done.set(stage.index, result);
  let cwd: string | null =
    stage.from.stageRef !== null ? walk(model, model.stages[stage.from.stageRef], done).end : '/';
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'WORKDIR') continue;
    const res = model.resolveWord(instr.args.join(' '), instr);
    const v = res.value.trim();
    if (!res.complete) cwd = null;
    else if (v.startsWith('/')) cwd = normalizePath(v);
    else if (cwd !== null) cwd = normalizePath(cwd + '/' + v);
    if (cwd !== null) result.paths.set(instr, cwd);
  }
  result.end = cwd;
  return result;
}
