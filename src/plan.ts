// Plan mode: resolve the `dockerfile` globs into the targets a matrix fans out over, one
// leg per Dockerfile. Builds nothing and changes nothing; the same resolution the audit
// uses, so a leg given one planned path audits exactly that file.
import * as path from 'node:path';
import { resolveDockerfiles } from './targets.js';

export interface PlannedTarget {
  /** Stable, unique, file-name safe: for artifact names, comment tags and matrix job names. */
  id: string;
  /** Workspace-relative POSIX path of the Dockerfile. */
  dockerfile: string;
  /** Build context, workspace-relative ('.' for the workspace itself). */
  context: string;
  /** Build stage ('' for the last one). */
  target: string;
}

export interface PlanOptions {
  dockerfile: string[];
  workspace: string;
  /** The `context` input: '' means each Dockerfile's own folder. */
  context: string;
  target: string;
  /** How errors name the dockerfile input ('dockerfile' or '--dockerfile'). */
  dockerfileInput?: string;
}

/** `services/api/Dockerfile` -> `services-api-dockerfile`; the same path always gives the same id. */
export function targetId(dockerfile: string): string {
  const slug = dockerfile
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'dockerfile';
}

export function planTargets(opts: PlanOptions): PlannedTarget[] {
  const files = resolveDockerfiles(opts.dockerfile, opts.workspace, opts.dockerfileInput ?? 'dockerfile');
  const taken = new Map<string, number>();
  return files.map((dockerfile) => {
    // Two paths can slug alike (`a-b/Dockerfile`, `a/b/Dockerfile`): number the later ones.
    const base = targetId(dockerfile);
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    const dir = opts.context || path.posix.dirname(dockerfile);
    return {
      id: n === 1 ? base : `${base}-${n}`,
      dockerfile,
      context: path.posix.normalize(dir.replace(/\\/g, '/')),
      target: opts.target,
    };
  });
}
