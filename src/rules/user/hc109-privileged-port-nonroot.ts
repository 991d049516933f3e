// HC109: the shipped image runs as a non-root user but EXPOSEs a port below 1024.
// Docker >= 20.10 lets any user bind low ports (ip_unprivileged_port_start=0 in the
// container's network namespace), Kubernetes, OpenShift and --network host do not:
// the app works locally and fails with EACCES in the cluster.
import { effectiveUser, externalBase } from '../../dockerfile/facts.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import type { Rule, RuleHit } from '../types.js';
import { exposedPorts } from './ports.js';

export const hc109: Rule = {
  meta: {
    id: 'HC109',
    title: 'Privileged port exposed by a non-root image',
    severity: 'note',
    anchors: {},
    description:
      'A non-root process can bind a port below 1024 under Docker 20.10+ only because Docker sets net.ipv4.ip_unprivileged_port_start=0; Kubernetes, OpenShift and host networking keep the default 1024, so the same image fails with "permission denied". Listen on 8080/8443 and map the port outside.',
  },
  check({ model, trustedBaseImages }) {
    const eu = effectiveUser(model);
    let who: string;
    if (eu) {
      if (!eu.resolved.complete || isRootUser(eu.resolved.value)) return [];
      who = `USER ${eu.resolved.value}`;
    } else {
      const base = externalBase(model, trustedBaseImages);
      const user = base?.info?.user;
      if (!base || user === undefined || isRootUser(user)) return [];
      who = `${base.resolved.value} (user ${user})`;
    }
    const hits: RuleHit[] = [];
    for (const p of exposedPorts(model)) {
      if (p.from >= 1024 || p.from === 0) continue;
      const port = p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
      hits.push({
        line: p.instr.line,
        message: `EXPOSE ${p.value} is a privileged port but the image runs as ${who}: binding it works under Docker 20.10+ only, not under Kubernetes or OpenShift; listen on a port >= 1024 (e.g. 8080) instead of ${port}.`,
      });
    }
    return hits;
  },
};
