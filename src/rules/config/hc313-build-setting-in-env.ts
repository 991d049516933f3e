// HC313: a build-only setting made permanent with ENV. `ENV DEBIAN_FRONTEND=noninteractive`
// (and friends) stays in the shipped image's config: anyone who later runs apt/dpkg in the
// container, or a derived image, silently gets non-interactive behaviour. Use ARG (build
// time only) or set it on the RUN that needs it. Builder-stage ENV does not ship.
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { propertyLine } from './shared.js';

const BUILD_ONLY = new Set([
  'DEBIAN_FRONTEND',
  'DEBCONF_NONINTERACTIVE_SEEN',
  'DEBCONF_NOWARNINGS',
  'APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE',
  'APT_LISTCHANGES_FRONTEND',
  'NEEDRESTART_MODE',
  'DOCKER_BUILDKIT',
  'COMPOSE_DOCKER_CLI_BUILD',
]);

export function isBuildOnlySetting(name: string): boolean {
  return BUILD_ONLY.has(name) || name.startsWith('BUILDKIT_');
}

export const hc313: Rule = {
  meta: {
    id: 'HC313',
    title: 'Build-time setting made permanent with ENV',
    severity: 'note',
    anchors: {},
    description:
      'ENV values persist in the image and in every container and derived image. Settings meant only for the build, such as DEBIAN_FRONTEND=noninteractive, belong in an ARG or on the RUN that needs them.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'ENV') continue;
        for (const p of instr.properties) {
          if (!isBuildOnlySetting(p.name)) continue;
          const v = p.value ?? '';
          hits.push({
            line: propertyLine(model, instr, p.name),
            message: `ENV ${p.name} is a build-time setting that stays in the shipped image: use ARG ${p.name}=${v} or prefix the RUN that needs it (${p.name}=${v} apt-get …).`,
          });
        }
      }
    }
    return hits;
  },
};
