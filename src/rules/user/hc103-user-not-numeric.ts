// HC103: the shipped USER is a name. Kubernetes `runAsNonRoot` only trusts a numeric uid
// in the image config ("container has runAsNonRoot and image has non-numeric user, cannot
// verify user is non-root") and rejects the pod. Suggest the numeric uid:gid when the file
// creates the user with a known uid, or the base image ships it (node → 1000, nonroot → 65532).
import { effectiveUser, externalBase } from '../../dockerfile/facts.js';
import { windowsStage } from '../ownership/windows.js';
import { baseImageAccounts, isRootUser } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';
import { accountFacts } from '../../dockerfile/accounts.js';
import { rewriteLine } from '../../fix/build.js';
import type { Fix } from '../../report/types.js';

export const hc103: Rule = {
  meta: {
    id: 'HC103',
    title: 'USER is not numeric',
    severity: 'warning',
    check: 'non-root',
    anchors: { hadolint: ['DL3066'] },
    description:
      'Kubernetes runAsNonRoot (and OpenShift restricted SCCs) can only verify a numeric uid in the image config; with a user name the pod is refused ("image has non-numeric user, cannot verify user is non-root"). USER 10001:10001 works everywhere, with or without an /etc/passwd entry.',
  },
  check({ model, trustedBaseImages }) {
    const eu = effectiveUser(model);
    if (!eu || eu.resolved.unknownVars.length > 0 || eu.resolved.undefinedVars.length > 0) return [];
    if (isRootUser(eu.resolved.value) || /^\d+$/.test(eu.user)) return [];
    // Windows has no uids: ContainerUser is the non-administrator account (runAsUserName, not runAsNonRoot)
    if (model.target && windowsStage(model, model.target)) return [];
    const name = eu.user;
    const facts = accountFacts(model);
    const base = externalBase(model, trustedBaseImages);
    const fromBase = baseImageAccounts(base?.info ?? null, base?.resolved.value ?? '')?.users.get(name);
    const created = facts.users.get(name);
    const uid = created?.uid ?? fromBase?.uid ?? null;
    let gid: string | null = null;
    if (eu.group !== null) {
      gid = /^\d+$/.test(eu.group)
        ? eu.group
        : (facts.groups.get(eu.group)?.gid ?? (eu.group === name ? uid : null));
    } else if (created) {
      const g = created.gid;
      gid =
        g === null
          ? (facts.groups.get(name)?.gid ?? uid)
          : /^\d+$/.test(g)
            ? g
            : (facts.groups.get(g)?.gid ?? null);
    } else if (fromBase) gid = fromBase.gid;
    const spelled = eu.raw === eu.resolved.value ? eu.raw : `${eu.raw} (= ${eu.resolved.value})`;
    let advice: string;
    if (uid && /^\d+$/.test(uid)) {
      const where = created
        ? `the uid line ${created.line} gives ${name}`
        : `the uid of ${name} in the base image`;
      advice = `write USER ${uid}${gid && /^\d+$/.test(gid) ? ':' + gid : ''} (${where})`;
    } else {
      advice = `create ${name} with a fixed uid (useradd -u 10001) and write USER 10001:10001`;
    }
    // Fix (harden-check --fix): only for a user this file creates with a literal uid, a USER
    // written without variables, and no supplementary groups (those are looked up by name).
    // Without an explicit group (USER name, created without -g) only the uid is written: Docker
    // then takes the primary group from /etc/passwd, as it did for the name.
    let fix: Fix | null = null;
    const literal = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/.test(eu.raw) && eu.raw === eu.resolved.value;
    const numeric = (s: string | null | undefined): s is string => !!s && /^\d+$/.test(s);
    if (literal && !facts.supplementary.has(name)) {
      let fixUid: string | null = null;
      let fixGroup = '';
      if (created && created.line < eu.instr.line && numeric(uid)) {
        fixUid = uid;
        if (eu.group !== null) fixGroup = ':' + (numeric(gid) ? gid : eu.group);
        else if (created.gid !== null && numeric(gid)) fixGroup = ':' + gid;
      } else if (!created) {
        // a `name:x:uid:gid:…` line written to /etc/passwd before the USER
        const acc = accountFacts(model, eu.instr);
        const passwdUid = acc.users.get(name)?.uid;
        if (acc.opaque.length === 0 && numeric(passwdUid)) {
          fixUid = passwdUid;
          if (eu.group !== null) {
            const g = numeric(eu.group) ? eu.group : acc.groups.get(eu.group)?.gid;
            fixGroup = ':' + (numeric(g) ? g : eu.group);
          }
        }
      }
      if (fixUid !== null) {
        fix = rewriteLine(
          model,
          eu.instr,
          /^\s*USER\s+/i,
          `${fixUid}${fixGroup}`,
          `Use the numeric USER ${fixUid}${fixGroup}`,
        );
        // keep trailing whitespace as written
        if (fix) fix.text += /\s*$/.exec(model.lines[eu.instr.line - 1] ?? '')![0];
      }
    }
    return [
      {
        line: eu.instr.line,
        message: `USER ${spelled} is a name, so Kubernetes runAsNonRoot cannot verify it is not root: ${advice}.`,
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
