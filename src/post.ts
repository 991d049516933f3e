// The post step: remove what the main step created when it was cancelled or killed
// before its own cleanup ran. Finds everything by the run ids saved in the step state
// (core.saveState in src/docker/cleanup.ts) and the run label; images the run did not
// build are never touched.
import * as core from '@actions/core';
import { cleanupRun, STATE_CONTAINERS, STATE_IMAGES, STATE_RUN_IDS } from './docker/cleanup.js';
import { docker } from './docker/exec.js';

function list(name: string): string[] {
  return core
    .getState(name)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function post(): Promise<void> {
  const runIds = list(STATE_RUN_IDS);
  const containers = list(STATE_CONTAINERS);
  const images = list(STATE_IMAGES);
  if (runIds.length === 0 && containers.length === 0) {
    core.debug('harden-check post: nothing recorded, nothing to clean');
    return;
  }
  try {
    const problems: string[] = [];
    // Ids are recorded per step, not per run: pass them with the first run id.
    for (const [i, runId] of (runIds.length > 0 ? runIds : ['']).entries()) {
      if (runId === '') {
        if (containers.length > 0) await docker(['rm', '--force', '--volumes', ...containers]);
        continue;
      }
      problems.push(...(await cleanupRun(runId, i === 0 ? images : [], i === 0 ? containers : [])));
    }
    for (const p of problems) core.warning(`harden-check cleanup: ${p}`);
    core.info(`harden-check: cleaned up run ${runIds.join(', ')}`);
  } catch (err) {
    core.warning(`harden-check cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
