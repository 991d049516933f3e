// Which uid a user name has in a stage (the accounts its chain creates, else its known base
// image), and whether two names are one account.
import type { DockerfileModel, Stage } from '../../dockerfile/model.js';
import { accountsIn, type AccountFacts } from '../../dockerfile/accounts.js';
import { baseImageAccounts, type BaseImageAccounts } from '../../dockerfile/base-images.js';
import { chainBefore, externalBase } from '../../dockerfile/facts.js';
import { isNumeric } from './words.js';

/** Accounts the stage's known base image provides (src/dockerfile/base-images.ts), or null. */
export function baseAccounts(
  model: DockerfileModel,
  stage: Stage,
): (BaseImageAccounts & { family: string }) | null {
  const base = externalBase(model, [], stage);
  if (!base?.info || !base.resolved.complete || !base.resolved.value) return null;
  const accounts = baseImageAccounts(base.info, base.resolved.value);
  return accounts && { ...accounts, family: base.info.family };
}

const KNOWN_UIDS: Record<string, string> = { nonroot: '65532', nobody: '65534', root: '0' };

/** uid of a user name when the chain or a known base tells us. */
export function uidOf(
  model: DockerfileModel,
  stage: Stage,
  name: string,
  created?: AccountFacts,
): string | null {
  if (isNumeric(name)) return name;
  const c = created ?? accountsIn(model, chainBefore(model, stage));
  const id = c.users.get(name)?.uid;
  if (id && isNumeric(id)) return id;
  if (c.users.has(name)) return null;
  return baseAccounts(model, stage)?.users.get(name)?.uid ?? KNOWN_UIDS[name] ?? null;
}

/** Same account? true/false when decidable, null when a name cannot be mapped to an id. */
export function sameAccount(model: DockerfileModel, stage: Stage, a: string, b: string): boolean | null {
  if (a === b) return true;
  const ia = uidOf(model, stage, a);
  const ib = uidOf(model, stage, b);
  if (ia !== null && ib !== null) return ia === ib;
  // Two different names are two accounts; a name against an unmapped number cannot be decided.
  if (!isNumeric(a) && !isNumeric(b)) return false;
  return null;
}
