// Remove what a run created: tracked ids first, then everything carrying the run's
// label (covers what was created between `docker run` and us learning its id).
// Images the run did not build are never touched: only ids we tracked as built, or
// images carrying our run label, are removed.
import type { Host } from '../host.js';
import { docker } from './exec.js';
import { runFilter } from './labels.js';

export const STATE_RUN_IDS = 'harden-check-run-ids';
export const STATE_CONTAINERS = 'harden-check-containers';
export const STATE_IMAGES = 'harden-check-images';

function lines(s: string): string[] {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function readList(host: Host, name: string): string[] {
  return (host.getState(name) || '').split(',').filter(Boolean);
}

function addToState(host: Host, name: string, value: string): void {
  const list = readList(host, name);
  if (!list.includes(value)) list.push(value);
  host.saveState(name, list.join(','));
}

function removeFromState(host: Host, name: string, values: readonly string[]): void {
  host.saveState(
    name,
    readList(host, name)
      .filter((v) => !values.includes(v))
      .join(','),
  );
}

/** What one run created; recorded in the step state as soon as it exists. */
export class RunResources {
  readonly containers: string[] = [];
  readonly images: string[] = [];
  /** Could the run have created something we hold no id of (a failed build or run)? */
  private unaccounted = false;

  /** `host` keeps the ids in its step state, for the post step of a killed run. */
  constructor(
    readonly runId: string,
    private readonly host: Host,
  ) {
    addToState(host, STATE_RUN_IDS, runId);
  }

  addContainer(id: string): void {
    this.containers.push(id);
    addToState(this.host, STATE_CONTAINERS, id);
  }

  addImage(id: string): void {
    this.images.push(id);
    addToState(this.host, STATE_IMAGES, id);
  }

  /** A build or run failed part-way: it may have left labelled things whose ids we never got. */
  markUnaccounted(): void {
    this.unaccounted = true;
  }

  /**
   * Containers then images; never throws (cleanup must not hide the real result). The
   * labelled listings run only when something may be unaccounted for: on the normal path
   * every id is known, and the post step still lists by label if this step is killed.
   */
  async cleanup(): Promise<string[]> {
    const problems = await cleanupRun(this.runId, this.images, this.containers, {
      byLabel: this.unaccounted,
    });
    if (problems.length === 0) {
      // Done: the post step has nothing left to do for this run.
      removeFromState(this.host, STATE_CONTAINERS, this.containers);
      removeFromState(this.host, STATE_IMAGES, this.images);
      removeFromState(this.host, STATE_RUN_IDS, [this.runId]);
    }
    return problems;
  }
}

/**
 * Remove every container and image labelled with this run id, plus the given image ids
 * (images this run built). Used at the end of a run and by the post step.
 */
export async function cleanupRun(
  runId: string,
  builtImages: readonly string[] = [],
  knownContainers: readonly string[] = [],
  { byLabel = true }: { byLabel?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const removeContainers = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    const out = await docker(['rm', '--force', '--volumes', ...ids]);
    if (out.exitCode !== 0 && !/No such container/i.test(out.stderr)) problems.push(out.stderr.trim());
  };
  // The known containers go while both listings run: each docker call costs a client start.
  const none = Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
  const [ps, imgs] = await Promise.all([
    byLabel ? docker(['ps', '--all', '--quiet', '--no-trunc', '--filter', runFilter(runId)]) : none,
    byLabel ? docker(['images', '--quiet', '--no-trunc', '--filter', runFilter(runId)]) : none,
    removeContainers(knownContainers),
  ]);
  // Labelled containers we never learnt the id of (created as this step was killed).
  await removeContainers(lines(ps.stdout).filter((id) => !knownContainers.includes(id)));
  const images = [...new Set([...builtImages, ...lines(imgs.stdout)])];
  if (images.length > 0) {
    const out = await docker(['image', 'rm', '--force', ...images]);
    if (out.exitCode !== 0 && !/No such image/i.test(out.stderr)) problems.push(out.stderr.trim());
  }
  return problems;
}
