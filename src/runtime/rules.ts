// Metadata of the runtime-only findings (HC9xx), for the rule registry, SARIF and the
// docs links. One page per rule in docs/rules/HC9nn.md. The ids are the constants the
// emitting modules export.
import type { CheckId, Severity } from '../report/types.js';
import { BUILD_FAILED } from './build-failure.js';
import { ENV_NOT_HONOURED } from './checks/env-override.js';
import { IGNORES_STOP_SIGNAL } from './checks/graceful-stop.js';
import { SECRET_IN_IMAGE } from './checks/no-secrets.js';
import { NAMED_USER, RUNS_AS_ROOT } from './checks/non-root.js';
import {
  EXITED_BEFORE_HEALTHY,
  HEAD_REFUSED,
  HEALTH_URL_MISSING,
  NEVER_HEALTHY,
  PROBE_MISSING,
  WRONG_PROBE_PORT,
} from './health-diagnosis.js';
import { HEALTHCHECK_CANNOT_FAIL } from './health/cause.js';
import { READ_ONLY_ROOT_FAILS } from './checks/read-only-rootfs.js';
import { RESTRICTED_PROFILE_FAILS } from './checks/restricted-profile.js';
import { SETUID_FILES_FOUND } from './checks/setuid-files.js';

export interface RuntimeRuleMeta {
  id: string;
  title: string;
  severity: Severity;
  check?: CheckId;
  description: string;
}

export const RUNTIME_RULES: readonly RuntimeRuleMeta[] = [
  {
    id: RUNS_AS_ROOT,
    title: 'Container runs as root',
    severity: 'error',
    check: 'non-root',
    description: 'A process of the running container has UID 0, as seen from the host (docker top).',
  },
  {
    id: NEVER_HEALTHY,
    title: 'Container never became healthy',
    severity: 'error',
    check: 'healthy',
    description:
      'The HEALTHCHECK kept failing until the health-timeout or Docker marked the container unhealthy.',
  },
  {
    id: PROBE_MISSING,
    title: 'Health probe binary missing',
    severity: 'error',
    check: 'healthy',
    description:
      'The HEALTHCHECK runs a program that is not in the image (exit 127 / executable file not found).',
  },
  {
    id: WRONG_PROBE_PORT,
    title: 'HEALTHCHECK port not listened on',
    severity: 'error',
    check: 'healthy',
    description:
      'The probe connects to a port the process does not listen on; the process listens on other ports.',
  },
  {
    id: HEAD_REFUSED,
    title: 'HEAD health probe refused with 405',
    severity: 'error',
    check: 'healthy',
    description: 'The probe sends HEAD (e.g. GNU wget --spider) to an endpoint that only allows GET.',
  },
  {
    id: EXITED_BEFORE_HEALTHY,
    title: 'Container exited before becoming healthy',
    severity: 'error',
    check: 'healthy',
    description: 'The container stopped (or could not start) during the health wait.',
  },
  // Published as HC312 (docs/rules/HC312.md) before the HC9xx range held the runtime rules: keep its id.
  {
    id: ENV_NOT_HONOURED,
    title: 'Environment override not honoured',
    severity: 'error',
    check: 'env-override',
    description:
      'A value given with docker run -e does not reach the app: something in the image replaces it.',
  },
  {
    id: SECRET_IN_IMAGE,
    title: 'Secret in the image config or history',
    severity: 'error',
    check: 'no-secrets',
    description:
      'A credential is readable from the image: Config.Env or a build argument/ENV value in docker history.',
  },
  {
    id: BUILD_FAILED,
    title: 'Image build failed',
    severity: 'error',
    description: 'The image did not build, so nothing could be verified at runtime.',
  },
  {
    id: HEALTH_URL_MISSING,
    title: 'Health endpoint returns 404',
    severity: 'error',
    check: 'healthy',
    description: 'The app answers on the probed port but the HEALTHCHECK URL does not exist.',
  },
  {
    id: HEALTHCHECK_CANNOT_FAIL,
    title: 'HEALTHCHECK cannot fail',
    severity: 'error',
    check: 'healthy',
    description:
      'The probe exits 0 although its request fails (`|| true`, a trailing command, curl without -f): it reports a broken app healthy.',
  },
  {
    id: READ_ONLY_ROOT_FAILS,
    title: 'Container fails on a read-only root filesystem',
    severity: 'error',
    check: 'read-only-rootfs',
    description:
      'A side container with --read-only and a tmpfs on /tmp does not become healthy (or exits) while the main container does: the app writes to its root filesystem.',
  },
  {
    id: RESTRICTED_PROFILE_FAILS,
    title: "Container fails under Kubernetes' restricted profile",
    severity: 'error',
    check: 'restricted-profile',
    description:
      'Run as the restricted Pod Security Standard demands (numeric non-root uid, --cap-drop ALL, no-new-privileges, default seccomp, low ports privileged), the container does not become healthy; or the image runs as root.',
  },
  {
    id: SETUID_FILES_FOUND,
    title: 'Setuid or setgid files in the image',
    severity: 'error',
    check: 'setuid-files',
    description:
      "The image's filesystem (docker export, read on the host) holds setuid/setgid regular files: the way from a compromised non-root process to root.",
  },
  {
    id: NAMED_USER,
    title: 'USER is a name, not a numeric UID',
    severity: 'note',
    check: 'non-root',
    description: 'A checked prebuilt image runs as a named user; runAsNonRoot cannot verify a name.',
  },
  {
    id: IGNORES_STOP_SIGNAL,
    title: 'Container ignores the stop signal',
    severity: 'error',
    check: 'graceful-stop',
    description:
      'Stopped as docker stop and Kubernetes stop it (STOPSIGNAL or SIGTERM), the container did not exit within stop-timeout and was SIGKILLed: a shell-form CMD, a wrapper script without exec, or an app without a handler as PID 1.',
  },
];
