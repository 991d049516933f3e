// The working directory in effect at an instruction (following the stage chain), the one a
// WORKDIR sets, and COPY/ADD destinations made absolute against it.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { isWindowsAbsolute, joinPath, normalizePath } from '../../dockerfile/paths.js';
import { resolved } from './words.js';

/**
 * The working directory in effect at `instr`, following the stage chain.
 * `null` when no WORKDIR was set (the base image decides), `undefined` when it cannot be resolved.
 */
export function workdirAt(model: DockerfileModel, instr: Instr): string | null | undefined {
  const before = workdirs(model);
  return model.stageOf(instr) && before.has(instr) ? before.get(instr) : null;
}

/** The absolute working directory a WORKDIR instruction sets, or null when it cannot be resolved. */
export function workdirSetBy(model: DockerfileModel, instr: Instr): string | null {
  const v = resolved(model, instr.args.join(' '), instr);
  if (v === null) return null;
  if (v.startsWith('/')) return normalizePath(v);
  const prev = workdirAt(model, instr);
  return prev === undefined ? null : joinPath(prev ?? '/', v);
}

// One pass per model, stages in order (a stage's parent comes before it), instead of a walk
// of the chain per instruction: that was quadratic on long files (found by the fuzz suite).
const workdirCache = new WeakMap<DockerfileModel, Map<Instr, string | null | undefined>>();

function workdirs(model: DockerfileModel): Map<Instr, string | null | undefined> {
  let before = workdirCache.get(model);
  if (before) return before;
  before = new Map();
  const atEnd = new Map<number, string | null | undefined>();
  for (const s of model.stages) {
    const ref = s.from.stageRef;
    let wd: string | null | undefined = ref !== null && atEnd.has(ref) ? atEnd.get(ref) : null;
    for (const i of s.instructions) {
      before.set(i, wd);
      if (i.keyword !== 'WORKDIR') continue;
      const v = resolved(model, i.args.join(' '), i);
      if (v === null) {
        wd = undefined;
      } else if (v.startsWith('/')) {
        wd = normalizePath(v);
      } else if (isWindowsAbsolute(v)) {
        wd = undefined; // Windows paths: not modelled
      } else {
        wd = wd === undefined ? undefined : joinPath(wd ?? '/', v);
      }
    }
    atEnd.set(s.index, wd);
  }
  workdirCache.set(model, before);
  return before;
}

/** Absolute destination of a COPY/ADD (trailing slash dropped), or null when unknown. */
export function absoluteDest(model: DockerfileModel, instr: Instr, dest: string): string | null {
  const v = resolved(model, dest, instr);
  if (v === null || isWindowsAbsolute(v)) return null;
  if (v.startsWith('/')) return normalizePath(v);
  const wd = workdirAt(model, instr);
  if (wd === undefined) return null;
  return joinPath(wd ?? '/', v);
}
