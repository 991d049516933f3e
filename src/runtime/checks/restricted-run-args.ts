// The restricted-profile side container runs with the user's run-args first and the profile's
// settings after them. Flags that only add (capabilities, security options, mounts) cannot be
// taken back by later flags, so a run-arg like `--cap-add SYS_ADMIN` would let the container
// pass with what a pod under the restricted Pod Security Standard is refused. Such run-args
// make the check undecidable for this run instead of a pass it did not earn.

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

/** docker run flags (long names, short aliases) whose value is the next argument unless given with `=`. */
const VALUE_FLAGS: Record<string, string> = {
  '--cap-add': '--cap-add',
  '--security-opt': '--security-opt',
  '--pid': '--pid',
  '--ipc': '--ipc',
  '--network': '--network',
  '--net': '--network',
  '--volume': '--volume',
  '-v': '--volume',
  '--mount': '--mount',
  '--sysctl': '--sysctl',
  '--device': '--device',
};

/** The other docker run flags that take a value: their value is skipped, never read as a flag. */
const OTHER_VALUE_FLAGS = new Set(
  (
    '-a --attach --add-host --blkio-weight -c --cpu-shares --cgroupns --cgroup-parent --cidfile ' +
    '--cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime --cpus --cpuset-cpus --cpuset-mems ' +
    '--device-cgroup-rule --device-read-bps --device-read-iops --device-write-bps --device-write-iops ' +
    '--dns --dns-option --dns-search --domainname -e --env --env-file --entrypoint --expose --gpus ' +
    '--group-add --health-cmd --health-interval --health-retries --health-start-period --health-timeout ' +
    '-h --hostname --ip --ip6 --isolation --kernel-memory -l --label --label-file --link --log-driver ' +
    '--log-opt --mac-address -m --memory --memory-reservation --memory-swap --memory-swappiness --name ' +
    '--network-alias --oom-score-adj -p --publish --pids-limit --platform --pull --restart --runtime ' +
    '--shm-size --stop-signal --stop-timeout --storage-opt --tmpfs -u --user --ulimit --userns --uts ' +
    '--volume-driver --volumes-from -w --workdir'
  ).split(' '),
);

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
  const found: string[] = [];
  for (let i = 0; i < runArgs.length; i++) {
    const arg = runArgs[i].trim();
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('-') ? arg.slice(0, eq) : arg;
    if (name === '--privileged') {
      if (eq < 0 || !/^false$/i.test(arg.slice(eq + 1))) found.push(arg);
      continue;
    }
    if (/^-v[^=]/.test(arg)) {
      // -v/host:/in: the short flag with its value attached
      if (forbids('--volume', arg.slice(2))) found.push(arg);
      continue;
    }
    const flag = VALUE_FLAGS[name];
    if (!flag) {
      if (OTHER_VALUE_FLAGS.has(arg)) i++;
      continue;
    }
    const inline = eq > 0 && arg.startsWith('-');
    const value = inline ? arg.slice(eq + 1) : (runArgs[i + 1] ?? '');
    if (!inline) i++;
    if (forbids(flag, value)) found.push(inline ? arg : `${arg} ${value.trim()}`);
  }
  return found;
}
