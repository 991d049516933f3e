// The user the shipped container runs as: the last USER of the chain, else a known base image's default.
import type { DockerfileModel } from '../../dockerfile/model.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import { effectiveUser, externalBase, splitUser } from '../../dockerfile/facts.js';

/** The user the shipped container runs as, when the Dockerfile (or a known base) says so. */
export interface RuntimeUser {
  user: string;
  group: string | null;
  /** The USER line, or null when the base image's default user applies. */
  line: number | null;
  /** As written, for messages. */
  label: string;
}

export function runtimeUser(
  model: DockerfileModel,
  trusted: Parameters<typeof externalBase>[1] = [],
): RuntimeUser | null {
  const eff = effectiveUser(model);
  if (eff) {
    if (!eff.resolved.complete) return null;
    return { user: eff.user, group: eff.group, line: eff.instr.line, label: eff.raw };
  }
  const base = externalBase(model, trusted);
  const u = base?.info?.user;
  if (u === undefined || u === null) return null;
  const [user, group] = splitUser(u);
  return { user, group, line: null, label: `${u || 'root'} (default of ${base?.resolved.value})` };
}

export function isNonRoot(u: RuntimeUser | null): u is RuntimeUser {
  return u !== null && !isRootUser(u.user);
}
