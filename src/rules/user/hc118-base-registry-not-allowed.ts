// HC118: a base image comes from a registry that is not in the organisation's allow-list.
// Enabled by `allowed-registries` in .harden-check.yml (entries: a registry host such as
// `ghcr.io` or `docker.io`, or a prefix such as `ghcr.io/acme/`). Stage references and scratch are not images; a build-argument base
// is reported as a note because it cannot be checked.
import { parseImageRef } from '../../dockerfile/base-images.js';
import type { Rule, RuleContext, RuleHit } from '../types.js';

/** The allow-list from the config file. */
export function allowedRegistries(ctx: RuleContext): readonly string[] {
  return ctx.allowedRegistries;
}

/** Is `image` allowed by one of the entries (host, or host/path prefix)? */
export function registryAllowed(image: string, allowed: readonly string[]): boolean {
  const r = parseImageRef(image);
  const host = r.registry ?? 'docker.io';
  const repo = r.registry === null && !r.repo.includes('/') ? `library/${r.repo}` : r.repo;
  const full = `${host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host}/${repo}`;
  return allowed.some((entry) => {
    const e = entry
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '');
    if (e === '') return false;
    if (!e.includes('/')) return full.split('/')[0] === (e === 'index.docker.io' ? 'docker.io' : e);
    return full === e.replace(/\/+$/, '') || full.startsWith(e.endsWith('/') ? e : e + '/');
  });
}

export const hc118: Rule = {
  meta: {
    id: 'HC118',
    title: 'Base image from a registry not in the allow-list',
    severity: 'error',
    optIn: true,
    anchors: { hadolint: ['DL3026'], dockle: ['CIS-DI-0002', 'CIS-DI-0005'] },
    description:
      'Organisations that mirror and scan their base images want every FROM to pull from those registries only; an image from anywhere else bypasses that review. Active only when enabled and given an allow-list.',
  },
  check(ctx) {
    const allowed = allowedRegistries(ctx);
    if (allowed.length === 0) return [];
    const hits: RuleHit[] = [];
    for (const stage of ctx.model.stages) {
      if (stage.from.stageRef !== null) continue;
      const res = stage.from.resolved;
      if (!res.complete || !res.value) {
        hits.push({
          line: stage.fromInstr.line,
          severity: 'note',
          message: `FROM ${stage.from.raw} depends on a build argument, so its registry cannot be checked against the allow-list: pin the registry in the FROM line.`,
        });
        continue;
      }
      if (res.value.toLowerCase() === 'scratch' || registryAllowed(res.value, allowed)) continue;
      hits.push({
        line: stage.fromInstr.line,
        message: `FROM ${res.value} pulls from a registry that is not allowed (allowed: ${allowed.join(', ')}): use a mirrored image from an allowed registry.`,
      });
    }
    return hits;
  },
};
