// Does the container run as non-root? The decisive evidence is the UID of the running
// processes as the host sees them (`docker top`); the image's Config.User and the
// Dockerfile's USER explain where that UID came from.
import type { ProcessInfo } from '../docker/container.js';
import type { Check } from '../report/types.js';
import type { StaticFacts } from './types.js';

export interface UserEvidence {
  /** null: no process could be observed (not run, or exited). */
  processes: ProcessInfo[] | null;
  configUser: string;
  facts: StaticFacts['user'];
  /** Why processes is null, for the detail. */
  unobservedReason?: string;
}

export interface UserVerdict {
  check: Check;
  /** Root processes seen (for the HC901 message). */
  rootProcesses: ProcessInfo[];
  nonNumericUser: boolean;
}

/** "1000:1000" -> "1000"; "" when unset. */
export function userPart(u: string): string {
  return u.trim().split(':')[0];
}

export function isRootUser(u: string): boolean {
  const p = userPart(u);
  return p === '' || p === '0' || p === 'root';
}

function source(e: UserEvidence): string {
  if (e.facts) return `USER ${e.facts.raw}, line ${e.facts.line}`;
  if (e.configUser) return `image Config.User ${e.configUser}`;
  return 'no USER in the image';
}

export function decideUser(e: UserEvidence): UserVerdict {
  const nonNumericUser = /^[^\d:][^:]*/.test(e.configUser.trim()) && !isRootUser(e.configUser);
  if (e.processes && e.processes.length > 0) {
    const roots = e.processes.filter((p) => p.uid === 0);
    const uids = [...new Set(e.processes.map((p) => p.uid))];
    const what = e.processes.length === 1 ? 'running process' : `${e.processes.length} running processes`;
    if (roots.length > 0) {
      const names = [...new Set(roots.map((p) => p.comm))].join(', ');
      return {
        check: {
          id: 'non-root',
          status: 'fail',
          source: 'runtime',
          detail: `uid 0 (${what}: ${names} as root; ${source(e)})`,
        },
        rootProcesses: roots,
        nonNumericUser,
      };
    }
    return {
      check: {
        id: 'non-root',
        status: 'pass',
        source: 'runtime',
        detail: `uid ${uids.join(', ')} (${what}; ${source(e)})`,
      },
      rootProcesses: [],
      nonNumericUser,
    };
  }
  // Nothing to observe: fall back to what the image says, and say so.
  const why = e.unobservedReason ?? 'no running process to observe';
  const root = isRootUser(e.configUser);
  return {
    check: {
      id: 'non-root',
      status: root ? 'fail' : 'pass',
      source: 'runtime',
      detail: root
        ? `runs as root (${e.configUser ? `Config.User ${e.configUser}` : 'no USER in the image'}; ${why})`
        : `Config.User ${e.configUser} (${source(e)}; ${why})`,
    },
    rootProcesses: [],
    nonNumericUser,
  };
}
