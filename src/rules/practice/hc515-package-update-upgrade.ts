// HC515: package-manager misuse that changes what the image contains or when: `apt` (no
// stable CLI for scripts) instead of apt-get, `dist-upgrade` (can change the distribution
// release under the image), and an index update (`apt-get update`, `apk update`) in a RUN that
// installs nothing, whose layer is then cached and goes stale for later installs.
// Plain `upgrade` is not reported: pulling security fixes into the image is legitimate.
import type { Rule, RuleHit } from '../types.js';
import { isInstall, pmCallsOf } from '../../shell/package-managers.js';

const UPDATE: Record<string, string[]> = {
  'apt-get': ['update'],
  apt: ['update'],
  apk: ['update'],
  zypper: ['refresh', 'ref'],
  yum: ['makecache'],
  dnf: ['makecache'],
};

export const hc515: Rule = {
  meta: {
    id: 'HC515',
    title: 'Package index update alone, dist-upgrade, or apt instead of apt-get',
    severity: 'warning',
    anchors: {
      hadolint: ['DL3027', 'DL3035'],
      trivy: ['DS-0017', 'DS-0024'],
      dockle: ['CIS-DI-0007', 'DKL-DI-0003'],
      checkov: ['CKV_DOCKER_5', 'CKV_DOCKER_9'],
      kics: ['9bae49be', '682fe378', 'b84a0b47'],
    },
    description:
      'An `apt-get update` in its own RUN is cached as a layer: a later `apt-get install` uses a stale index and fails or installs old versions. `dist-upgrade` can move the image to another release; `apt` warns that its CLI is not stable for scripts.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const calls = pmCallsOf(instr, model);
      for (const c of calls) {
        if (c.manager === 'apt' && c.sub) {
          hits.push({
            line: c.line,
            message: `apt ${c.sub} uses apt's interactive CLI, which is not stable for scripts: use apt-get ${c.sub === 'full-upgrade' ? 'dist-upgrade' : c.sub} instead.`,
          });
        }
        if (
          ((c.manager === 'apt-get' || c.manager === 'apt') &&
            (c.sub === 'dist-upgrade' || c.sub === 'full-upgrade')) ||
          (c.manager === 'zypper' && (c.sub === 'dist-upgrade' || c.sub === 'dup'))
        ) {
          hits.push({
            line: c.line,
            message: `${c.manager} ${c.sub} can move the image to another distribution release: use a newer base image tag instead (or a plain upgrade for security fixes).`,
          });
        }
      }
      const update = calls.find((c) => UPDATE[c.manager]?.includes(c.sub));
      if (
        update &&
        !calls.some(isInstall) &&
        !calls.some(
          (c) =>
            c.sub === 'upgrade' ||
            c.sub === 'dist-upgrade' ||
            c.sub === 'full-upgrade' ||
            (c.sub === 'update' && (c.manager === 'yum' || c.manager === 'dnf')),
        )
      ) {
        hits.push({
          line: update.line,
          message: `${update.manager} ${update.sub} runs in a RUN that installs nothing: its cached layer makes later installs use a stale index; update and install in the same RUN.`,
        });
      }
    }
    return hits;
  },
};
