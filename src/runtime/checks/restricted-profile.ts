// restricted-profile (HC915): does the image run under Kubernetes' `restricted` Pod Security
// Standard? A side container gets what that profile demands: a numeric non-root uid
// (runAsNonRoot), no capability (drop ALL), no privilege escalation (no-new-privileges) and
// the default seccomp profile. Docker itself lets any uid bind ports below 1024 (it sets
// net.ipv4.ip_unprivileged_port_start=0 in every container); Kubernetes does not, so the
// side container gets the kernel's default back.
import type { CheckOutcome } from './outcome.js';

/** The finding of a failed restricted-profile check. */
export const RESTRICTED_PROFILE_FAILS = 'HC915';

export const PRIVILEGED_PORT_SYSCTL = 'net.ipv4.ip_unprivileged_port_start=1024';

/** The user the side container runs as, decided from the image's USER. */
export type RestrictedUser =
  | { kind: 'root'; user: string }
  | { kind: 'numeric'; uid: number; gid: number | null }
  | { kind: 'named'; name: string; uid: number; gid: number | null }
  | { kind: 'unresolved'; name: string; reason: string };

function lookup(file: string | null, name: string): { id: number; gid: number | null } | null {
  if (!file) return null;
  for (const line of file.split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 3 && /^\d+$/.test(f[2]))
      return { id: Number(f[2]), gid: f.length >= 4 && /^\d+$/.test(f[3]) ? Number(f[3]) : null };
  }
  return null;
}

/**
 * `USER` as the image config holds it ("", "1000", "1000:1000", "app", "app:staff"), resolved
 * with the image's own /etc/passwd and /etc/group (read from its exported filesystem).
 */
export function restrictedUser(
  configUser: string,
  passwd: string | null,
  group: string | null,
): RestrictedUser {
  const [u, g] = configUser.trim().split(':', 2) as [string, string | undefined];
  if (u === '' || u === '0' || u === 'root') return { kind: 'root', user: configUser.trim() || '(none)' };
  let gid: number | null = null;
  if (g !== undefined && g !== '') {
    if (/^\d+$/.test(g)) gid = Number(g);
    else {
      const found = lookup(group, g);
      if (!found)
        return { kind: 'unresolved', name: configUser, reason: `group "${g}" is not in /etc/group` };
      gid = found.id;
    }
  }
  if (/^\d+$/.test(u)) return { kind: 'numeric', uid: Number(u), gid };
  const found = lookup(passwd, u);
  if (!found)
    return {
      kind: 'unresolved',
      name: configUser,
      reason: passwd === null ? 'the image has no /etc/passwd' : `user "${u}" is not in /etc/passwd`,
    };
  if (found.id === 0) return { kind: 'root', user: configUser };
  return { kind: 'named', name: u, uid: found.id, gid: gid ?? found.gid };
}

/** The side container's flags (after the main container's env and run args, so these win). */
export function restrictedArgs(user: { uid: number; gid: number | null }): string[] {
  return [
    '--user',
    user.gid === null ? String(user.uid) : `${user.uid}:${user.gid}`,
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '--sysctl',
    PRIVILEGED_PORT_SYSCTL,
  ];
}

export interface RestrictedEvidence {
  user: RestrictedUser;
  /** The side container's result (absent when none ran: root or unresolved user). */
  run?: {
    outcome: 'healthy' | 'running' | 'exited' | 'unhealthy' | 'not-started';
    seconds: number;
    exitCode?: number;
    error?: string;
    logs: string;
  };
  hasHealthcheck: boolean;
  /** Ports the app uses: EXPOSE, the HEALTHCHECK's port, what the main container listened on. */
  ports: number[];
}

const PERMISSION =
  /operation not permitted|\bEPERM\b|permission denied|\bEACCES\b|cannot set (uid|gid|groups)|setgroups|setuid|setgid|capabilit/i;

export function permissionLines(logs: string): string[] {
  return logs
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => PERMISSION.test(l))
    .map((l) => l.slice(0, 300));
}

const userText = (uid: number, gid: number | null) =>
  gid === null ? `uid ${uid}` : `uid ${uid}, gid ${gid}`;

export function restrictedOutcome(e: RestrictedEvidence, line: number): CheckOutcome {
  const fail = (detail: string, diagnosis: string, message: string): CheckOutcome => ({
    check: {
      id: 'restricted-profile',
      status: 'fail',
      detail,
      diagnosis,
      ...(e.run ? { seconds: e.run.seconds } : {}),
    },
    findings: [
      { ruleId: RESTRICTED_PROFILE_FAILS, severity: 'error', check: 'restricted-profile', line, message },
    ],
  });
  const u = e.user;
  if (u.kind === 'root') {
    return fail(
      `runs as root (USER ${u.user}): restricted requires runAsNonRoot`,
      `The image's user is root (USER ${u.user}). The restricted profile requires runAsNonRoot: true, and kubelet refuses to start a container whose user is 0 (CreateContainerConfigError). Add \`USER <uid>:<gid>\` (numeric, e.g. 10001:10001) as the last USER of the final stage.`,
      `The image runs as root (USER ${u.user}), which Kubernetes' restricted profile forbids (runAsNonRoot). Add a numeric USER, e.g. \`USER 10001:10001\`.`,
    );
  }
  if (u.kind === 'unresolved') {
    return {
      check: {
        id: 'restricted-profile',
        status: 'error',
        detail: `USER ${u.name}: no uid to run with (${u.reason})`,
        diagnosis: `USER ${u.name} is a name that could not be resolved to a numeric uid (${u.reason}). Kubernetes' runAsNonRoot cannot verify a name either: use a numeric USER.`,
      },
      findings: [],
    };
  }
  const r = e.run!;
  const as = userText(u.uid, u.gid);
  const flags = `${as}, --cap-drop ALL, no-new-privileges, default seccomp`;
  const namedNote =
    u.kind === 'named'
      ? `USER ${u.name} is a name: kubelet cannot verify runAsNonRoot for a name and refuses the container ("image has non-numeric user"), unless the pod sets runAsUser: ${u.uid}. Prefer \`USER ${u.uid}${u.gid === null ? '' : `:${u.gid}`}\` in the Dockerfile.`
      : '';
  const ok = r.outcome === 'healthy' || (r.outcome === 'running' && !e.hasHealthcheck);
  if (ok) {
    const how =
      r.outcome === 'healthy' ? `healthy ${r.seconds} s after start` : `still running after ${r.seconds} s`;
    return {
      check: {
        id: 'restricted-profile',
        status: 'pass',
        seconds: r.seconds,
        detail: `${how} as ${flags}${u.kind === 'named' ? ` (USER ${u.name}: set runAsUser: ${u.uid})` : ''}`,
        ...(namedNote ? { diagnosis: namedNote } : {}),
      },
      findings: namedNote
        ? [
            {
              ruleId: RESTRICTED_PROFILE_FAILS,
              severity: 'note',
              check: 'restricted-profile',
              line,
              message: `Runs under the restricted profile only with runAsUser: ${u.uid} in the pod: ${namedNote}`,
            },
          ]
        : [],
    };
  }
  const what =
    r.outcome === 'not-started'
      ? `did not start: ${r.error ?? ''}`.trim()
      : r.outcome === 'exited'
        ? `exited (code ${r.exitCode ?? '?'}) after ${r.seconds} s`
        : `did not become healthy within ${r.seconds} s`;
  const low = [...new Set(e.ports)].filter((p) => p > 0 && p < 1024).sort((a, b) => a - b);
  const perm = permissionLines(r.logs);
  const causes: string[] = [];
  let cause = '';
  if (low.length) {
    cause = `port ${low.join(', ')} is below 1024`;
    causes.push(
      `The app uses port ${low.join(', ')}: binding a port below 1024 needs CAP_NET_BIND_SERVICE. Docker hides this (it lets every uid bind low ports); Kubernetes does not. The restricted profile allows adding that one capability (capabilities.add: [NET_BIND_SERVICE]), but a non-root process does not hold it with allowPrivilegeEscalation: false, so listen on a port ≥ 1024 instead (e.g. 8080; the Service can still expose ${low[0]}), or set the pod sysctl net.ipv4.ip_unprivileged_port_start=0.`,
    );
  }
  if (perm.length && !(low.length && perm.every((l) => /bind/i.test(l)))) {
    cause ||= 'a privileged operation was refused';
    causes.push(
      `Its log shows operations refused without capabilities or privilege escalation, typical of an entrypoint that switches user (su-exec, gosu, setpriv, chown) or a binary that needs a setuid bit or file capability:\n${perm
        .slice(0, 5)
        .map((l) => `  ${l}`)
        .join(
          '\n',
        )}\nRun the app directly as the image's numeric USER, do root-only preparation (chown, chmod) at build time, and drop setcap/setuid needs.`,
    );
  }
  if (!causes.length) {
    causes.push(
      `Its log names no refused operation: compare \`docker run --user ${u.uid} --cap-drop ALL --security-opt no-new-privileges --sysctl ${PRIVILEGED_PORT_SYSCTL}\` with a plain run.`,
    );
  }
  const summary = `as ${flags} the container ${what}${cause ? `: ${cause}` : ''}`;
  return fail(
    summary.slice(0, 300),
    [
      `A side container of the same image with the same run arguments (and env-overrides), run as the restricted profile demands (${flags}; low ports privileged as in Kubernetes), ${what}, while the main container became healthy.`,
      ...causes,
      ...(namedNote ? [namedNote] : []),
    ].join('\n'),
    `The container does not run under Kubernetes' restricted profile (${summary}). ${causes[0]}`.slice(
      0,
      600,
    ),
  );
}
