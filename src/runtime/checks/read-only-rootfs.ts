// read-only-rootfs (HC914): does the image run with a read-only root filesystem (Kubernetes
// readOnlyRootFilesystem: true)? A side container with --read-only and a tmpfs on /tmp must
// become healthy (or stay up without a HEALTHCHECK). On failure, where the app writes is read
// from two places: the side container's "Read-only file system" log lines, and what the main
// container added or changed at run time (as `docker diff` lists it).
import type { DiffEntry } from '../../docker/diff.js';
import type { CheckOutcome } from './outcome.js';

/** The finding of a failed read-only-rootfs check. */
export const READ_ONLY_ROOT_FAILS = 'HC914';

/** The flags of the side container (after the main container's own env and run args). */
/** What the read-only run still has writable (the Kubernetes snippet mounts a volume there). */
export const READ_ONLY_WRITABLE = ['/tmp'];
export const READ_ONLY_ARGS = ['--read-only', ...READ_ONLY_WRITABLE.flatMap((p) => ['--tmpfs', p])];

const under = (path: string, dir: string) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

/** Writable anyway in the side container (tmpfs), or not the app's doing. */
function ignored(path: string): boolean {
  return under(path, '/tmp') || path === '/';
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/**
 * The directories to make writable: for every added or changed file, the deepest directory
 * of the image that holds it (a directory created at run time is covered by its parent).
 */
export function writtenDirs(diff: readonly DiffEntry[]): string[] {
  const paths = new Set(diff.map((d) => d.path));
  const isDir = (p: string) => [...paths].some((q) => q !== p && q.startsWith(`${p}/`));
  const added = new Set(diff.filter((d) => d.kind === 'A').map((d) => d.path));
  const dirs = new Set<string>();
  for (const d of diff) {
    if (d.kind === 'D' || ignored(d.path)) continue;
    if (d.kind === 'C' && isDir(d.path)) continue;
    // climb out of what the run itself created, to a directory the image has
    let dir = dirname(d.path);
    while (added.has(dir)) dir = dirname(dir);
    if (!ignored(dir)) dirs.add(dir);
  }
  return [...dirs].sort();
}

/** Lines that say a write hit the read-only root, and the absolute path each names (if any). */
export function erofsLines(logs: string): { line: string; path: string | null }[] {
  return logs
    .split('\n')
    .filter((l) => /read-only file system|\bEROFS\b/i.test(l))
    .map((l) => {
      const line = l.trim().slice(0, 300);
      const quoted = /['"`](\/[^'"`]*)['"`]/.exec(line);
      const bare = /(?:^|[\s(=:])(\/[\w.@+\-/]+)/.exec(line);
      return { line, path: quoted?.[1] ?? bare?.[1] ?? null };
    });
}

export interface ReadOnlyEvidence {
  /** The side container's result. */
  outcome: 'healthy' | 'running' | 'exited' | 'unhealthy' | 'not-started';
  seconds: number;
  exitCode?: number;
  error?: string;
  hasHealthcheck: boolean;
  logs: string;
  /** What the main container changed (as `docker diff` lists it), null when unreadable. */
  mainDiff: DiffEntry[] | null;
  /** Where mainDiff was read, for the evidence (default: docker diff). */
  mainDiffSource?: string;
}

function mountAdvice(dirs: readonly string[]): string {
  const list = dirs.join(', ');
  const first = dirs[0];
  return `Make ${dirs.length === 1 ? 'that directory' : 'those directories'} (${list}) writable without a writable root: declare \`VOLUME ${first}\` in the Dockerfile or mount a tmpfs/volume at run time (\`docker run --read-only --tmpfs ${first}\`), and in Kubernetes mount an emptyDir there (volumeMounts: - mountPath: ${first}). Or point the app's writes at /tmp.`;
}

export function readOnlyOutcome(e: ReadOnlyEvidence, line: number): CheckOutcome {
  const ok = e.outcome === 'healthy' || (e.outcome === 'running' && !e.hasHealthcheck);
  const flags = READ_ONLY_ARGS.join(' ');
  const written = e.mainDiff ? writtenDirs(e.mainDiff) : [];
  if (ok) {
    const how =
      e.outcome === 'healthy' ? `healthy ${e.seconds} s after start` : `still running after ${e.seconds} s`;
    return {
      check: {
        id: 'read-only-rootfs',
        status: 'pass',
        seconds: e.seconds,
        detail: `${how} with ${flags}`,
        ...(written.length
          ? {
              diagnosis: `The main container wrote to ${written.join(', ')}; with a read-only root those writes fail, and the app still became ${e.outcome === 'healthy' ? 'healthy' : 'ready'}. If they matter (caches, uploads), ${mountAdvice(written).replace(/^M/, 'm')}`,
            }
          : {}),
      },
      findings: [],
    };
  }
  const rofs = erofsLines(e.logs);
  const fromLogs = [...new Set(rofs.map((r) => r.path).filter((p): p is string => p !== null))];
  // a path the app failed to write: its directory is what needs to be writable
  const dirs = [
    ...new Set([...fromLogs.map((p) => (written.includes(p) ? p : dirname(p))), ...written]),
  ].filter((d) => !ignored(d));
  const what =
    e.outcome === 'not-started'
      ? `did not start: ${e.error ?? ''}`.trim()
      : e.outcome === 'exited'
        ? `exited (code ${e.exitCode ?? '?'}) after ${e.seconds} s`
        : `did not become healthy within ${e.seconds} s`;
  const where = fromLogs.length
    ? `it tried to write ${fromLogs.join(', ')}`
    : written.length
      ? `the main container writes to ${written.join(', ')}`
      : '';
  const summary = `with ${flags} the container ${what}${where ? `: ${where}` : ''}`;
  const evidence = [
    rofs.length
      ? `Its log says:\n${rofs
          .slice(0, 5)
          .map((r) => `  ${r.line}`)
          .join('\n')}`
      : 'Its log has no "Read-only file system" line.',
    e.mainDiff === null
      ? "The main container's changes (docker diff) could not be read."
      : written.length
        ? `The main container (writable root, same image and settings) added or changed files in: ${written.join(', ')} (${e.mainDiffSource ?? 'docker diff'}).`
        : `The main container (writable root) changed nothing outside /tmp (${e.mainDiffSource ?? 'docker diff'}).`,
  ];
  const advice = dirs.length
    ? mountAdvice(dirs)
    : 'Nothing names the path: run the image with `docker run --read-only --tmpfs /tmp` and read its output.';
  return {
    check: {
      id: 'read-only-rootfs',
      status: 'fail',
      seconds: e.seconds,
      detail: summary.slice(0, 300),
      diagnosis: [
        `A side container of the same image with the same run arguments (and env-overrides), plus ${flags} (Kubernetes readOnlyRootFilesystem: true), ${what}, while the main container became healthy.`,
        ...evidence,
        advice,
      ].join('\n'),
    },
    findings: [
      {
        ruleId: READ_ONLY_ROOT_FAILS,
        severity: 'error',
        check: 'read-only-rootfs',
        line,
        message: `The container does not run with a read-only root filesystem (${summary}). ${advice}`.slice(
          0,
          600,
        ),
      },
    ],
  };
}
