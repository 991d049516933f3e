// What a container added (A), changed (C) or deleted (D) against its image, as `docker diff`
// lists it: read from the container's layer on the host when that is sound (host-diff.ts),
// else asked of the engine.
import { docker } from './exec.js';
import { hostDiff } from './host-diff.js';
import type { ContainerLayers } from './inspect.js';

export interface DiffEntry {
  kind: 'A' | 'C' | 'D';
  path: string;
}

/** `docker diff` output: "C /data", "A /data/out.txt", "D /etc/motd". */
export function parseDiff(stdout: string): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^([ACD]) (\/.*)$/.exec(line.trim());
    if (m) out.push({ kind: m[1] as DiffEntry['kind'], path: m[2] });
  }
  return out;
}

export interface ContainerChanges {
  /** null when neither the host nor the engine could give them. */
  entries: DiffEntry[] | null;
  /** Where they were read, in words for the report. */
  source: 'its layer, read on the host' | 'docker diff';
  /** How, and why not on the host. */
  how: string;
}

/**
 * The container's changes. `running` (its PID 1 and layers, from an inspect while it ran) lets
 * them be read on the host; the engine's `docker diff` is the fallback.
 */
export async function containerChanges(
  id: string,
  running: { pid: number; layers?: ContainerLayers | null } | null,
): Promise<ContainerChanges> {
  let refused = 'the container was not running';
  if (running) {
    const host = await hostDiff(id, running.pid, running.layers ?? null);
    if ('entries' in host)
      return {
        entries: host.entries,
        source: 'its layer, read on the host',
        how: `its layer read on the host (${host.access})`,
      };
    refused = host.refused;
  }
  const out = await docker(['diff', id]);
  return {
    entries: out.exitCode === 0 ? parseDiff(out.stdout) : null,
    source: 'docker diff',
    how: `docker diff (its layer was not read on the host: ${refused})`,
  };
}
