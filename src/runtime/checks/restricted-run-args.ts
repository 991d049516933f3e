// The restricted-profile side container runs with the user's run-args first and the profile's
// settings after them. Flags that only add (capabilities, security options, mounts) cannot be
// taken back by later flags, so a run-arg like `--cap-add SYS_ADMIN` would let the container
// pass with what a pod under the restricted Pod Security Standard is refused. Such run-args
// make the check undecidable for this run instead of a pass it did not earn.

import { parseRunArgs } from '../../docker/run-args.js';

/** Capabilities the restricted profile lets a container add back. */
const ALLOWED_CAPS = new Set(['NET_BIND_SERVICE']);

/** The sysctls Kubernetes calls safe (allowed by the baseline and restricted profiles). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

function forbids(flag: string, value: string): boolean {
  const v = value.trim();
  switch (flag) {
    case '--cap-add':
      return v
        .split(',')
        .map((c) => c.trim().toUpperCase().replace(/^CAP_/, ''))
        .some((c) => c !== '' && !ALLOWED_CAPS.has(c));
    case '--security-opt':
      return /^(seccomp|apparmor|systempaths)[=:]unconfined$|^no-new-privileges[=:]false$|^label[=:]disable$/i.test(
        v,
      );
    case '--pid':
    case '--ipc':
    case '--network':
      return v === 'host';
    case '--volume':
      // a host path (bind mount) is a hostPath volume; a named volume is not
      return /^[/.~]/.test(v);
    case '--mount':
      return /(^|,)type=bind(,|$)/.test(v);
    case '--sysctl':
      return !SAFE_SYSCTLS.has(v.split('=')[0].trim());
    case '--device':
      return true;
    default:
      return false;
  }
}

/**
 * The user's run-args a pod under the restricted profile could not have, as written (each
 * flag with its value), in order. `--privileged` counts unless set to false.
 */
export function forbiddenRunArgs(runArgs: readonly string[]): string[] {
  return parseRunArgs(runArgs)
    .filter((a) =>
      a.flag === '--privileged'
        ? a.value === undefined || !/^false$/i.test(a.value)
        : a.value !== undefined && forbids(a.flag, a.value),
    )
    .map((a) => a.raw);
}
