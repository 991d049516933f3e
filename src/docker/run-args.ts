// The user's `run-args` input, read as docker run reads it: one argument per element, a flag's
// value either after `=` or in the next element (or attached to a short flag, `-v/a:/b`).
// Checks that must know what the run-args grant or mount walk them here.

/** Short and alternative spellings, to the long name. */
const LONG: Record<string, string> = {
  '-a': '--attach',
  '-c': '--cpu-shares',
  '-e': '--env',
  '-h': '--hostname',
  '-l': '--label',
  '-m': '--memory',
  '-p': '--publish',
  '-u': '--user',
  '-v': '--volume',
  '-w': '--workdir',
  '--net': '--network',
};

/** Value-taking docker run flags, by every spelling, to their long name. */
const VALUE_FLAGS: Record<string, string> = Object.fromEntries(
  (
    '-a --attach --add-host --blkio-weight -c --cpu-shares --cap-add --cap-drop --cgroupns --cgroup-parent ' +
    '--cidfile --cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime --cpus --cpuset-cpus --cpuset-mems ' +
    '--device --device-cgroup-rule --device-read-bps --device-read-iops --device-write-bps --device-write-iops ' +
    '--dns --dns-option --dns-search --domainname -e --env --env-file --entrypoint --expose --gpus ' +
    '--group-add --health-cmd --health-interval --health-retries --health-start-period --health-timeout ' +
    '-h --hostname --ip --ip6 --ipc --isolation --kernel-memory -l --label --label-file --link --log-driver ' +
    '--log-opt --mac-address -m --memory --memory-reservation --memory-swap --memory-swappiness --mount ' +
    '--name --net --network --network-alias --oom-score-adj -p --publish --pid --pids-limit --platform ' +
    '--pull --restart --runtime --security-opt --shm-size --stop-signal --stop-timeout --storage-opt ' +
    '--sysctl --tmpfs -u --user --ulimit --userns --uts -v --volume --volume-driver --volumes-from -w --workdir'
  )
    .split(' ')
    .map((f) => [f, LONG[f] ?? f]),
);

export interface RunArg {
  /** The long flag name (`--volume` for `-v`), or the argument itself when it is not a known value flag. */
  flag: string;
  /** The flag's value; undefined for a flag without one (`--privileged`, `--init`). */
  value?: string;
  /** As the user wrote it (flag and value joined by a space when they were two elements). */
  raw: string;
}

/** Every argument of `run-args`, each value-taking flag paired with its value. */
export function parseRunArgs(runArgs: readonly string[]): RunArg[] {
  const out: RunArg[] = [];
  for (let i = 0; i < runArgs.length; i++) {
    const arg = runArgs[i].trim();
    const eq = arg.indexOf('=');
    if (arg.startsWith('-') && eq > 0) {
      const name = arg.slice(0, eq);
      out.push({ flag: VALUE_FLAGS[name] ?? name, value: arg.slice(eq + 1), raw: arg });
      continue;
    }
    if (/^-v[^=]/.test(arg)) {
      out.push({ flag: '--volume', value: arg.slice(2), raw: arg });
      continue;
    }
    const long = VALUE_FLAGS[arg];
    if (long !== undefined && i + 1 < runArgs.length) {
      const value = runArgs[++i].trim();
      out.push({ flag: long, value, raw: `${arg} ${value}` });
      continue;
    }
    out.push({ flag: arg, raw: arg });
  }
  return out;
}

/**
 * The container paths the run-args mount something writable on (`--tmpfs`, `--volume`,
 * `--mount`), in order; read-only mounts are left out.
 */
export function mountTargets(runArgs: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of parseRunArgs(runArgs)) {
    if (a.value === undefined) continue;
    if (a.flag === '--tmpfs') out.push(a.value.split(':')[0]);
    else if (a.flag === '--volume') {
      const parts = a.value.split(':');
      const target = parts.length === 1 ? parts[0] : parts[1];
      if (!(parts[2] ?? '').split(',').includes('ro')) out.push(target);
    } else if (a.flag === '--mount') {
      const kv = a.value.split(',').map((p) => p.split('='));
      const get = (...keys: string[]) => kv.find(([k]) => keys.includes(k.trim()))?.[1]?.trim();
      const readonly = kv.some(([k, v]) => ['readonly', 'ro'].includes(k.trim()) && v !== 'false');
      const target = get('target', 'destination', 'dst');
      if (target && !readonly) out.push(target);
    }
  }
  return out.filter((p) => p.startsWith('/'));
}
