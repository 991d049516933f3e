// HC102: the shipped stage never sets USER, so the image runs as its base image's
// default user; flagged when that default is root (official language/distro images,
// scratch, distroless without :nonroot). Known non-root bases (distroless :nonroot,
// Chainguard, Bitnami, nginx-unprivileged, chiseled .NET, trusted-base-images) pass.
// An unknown or build-argument base gets a note: only the runtime can tell.
import { effectiveUser, externalBase } from '../../dockerfile/facts.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';

export const hc102: Rule = {
  meta: {
    id: 'HC102',
    title: 'No USER and the base image runs as root',
    severity: 'warning',
    check: 'non-root',
    anchors: {
      trivy: ['DS-0002'],
      dockle: ['CIS-DI-0001'],
      checkov: ['CKV_DOCKER_3'],
      kics: ['fd54f200'],
    },
    description:
      'Without a USER instruction the container runs as the base image default user, which is root for official language and distribution images, scratch and distroless without :nonroot. A USER in a builder stage does not count: only the shipped stage and the stages it builds FROM do.',
  },
  check({ model, trustedBaseImages }) {
    const target = model.target;
    if (!target || effectiveUser(model)) return [];
    const base = externalBase(model, trustedBaseImages);
    if (!base) return [];
    const line = target.fromInstr.line;
    if (!base.resolved.complete || !base.resolved.value) {
      const vars = [...base.resolved.unknownVars, ...base.resolved.undefinedVars].join(', ');
      return [
        {
          line,
          severity: 'note',
          message: `The shipped stage sets no USER and its base image comes from build argument ${vars || base.raw}, so its default user is unknown: add USER with a non-root numeric uid (e.g. USER 10001:10001).`,
        },
      ];
    }
    const image = base.resolved.value;
    if (!base.info || base.info.user === undefined) {
      return [
        {
          line,
          severity: 'note',
          message: `The shipped stage sets no USER and the default user of ${image} is unknown to harden-check: add USER with a non-root numeric uid, or declare the image under trusted-base-images in .harden-check.yml.`,
        },
      ];
    }
    if (!isRootUser(base.info.user)) return [];
    const what =
      base.info.family === 'scratch'
        ? 'a scratch image runs as uid 0'
        : base.info.family === 'distroless'
          ? `${image} runs as root (only the :nonroot tags run as 65532)`
          : base.info.family === 'windows-servercore'
            ? `${image} runs as ContainerAdministrator, the container's administrator`
            : `${image} runs as root by default`;
    const fix =
      base.info.family === 'scratch'
        ? 'add USER 65532:65532 (no /etc/passwd needed for a numeric uid)'
        : base.info.family === 'distroless'
          ? 'use the :nonroot tag or add USER 65532:65532'
          : base.info.family === 'node'
            ? 'add USER 1000:1000 (the node user of the image) before CMD'
            : base.info.family === 'windows-servercore'
              ? 'add USER ContainerUser (the built-in non-administrator account) before CMD'
              : 'create a user and add USER with its numeric uid (e.g. USER 10001:10001) before CMD';
    return [{ line, message: `The shipped stage sets no USER and ${what}: ${fix}.` }];
  },
};
