// Which docker calls the end-of-run cleanup makes, recorded by a fake client (the removal
// itself is proven against the real engine by every runtime e2e test's no-leftovers check):
// known ids only on the normal path, the labelled listings too once a build or run failed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RunResources, STATE_CONTAINERS, STATE_IMAGES, STATE_RUN_IDS } from '../../src/docker/cleanup.js';
import { silentHost } from '../../src/host.js';

let dir = '';
let calls = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hc-fake-docker-'));
  calls = path.join(dir, 'calls');
  const fake = path.join(dir, 'docker');
  // `ps` finds one labelled container the run never learnt the id of
  writeFileSync(
    fake,
    `#!/bin/sh\necho "$*" >> '${calls}'\ncase "$1" in ps) echo orphan-container ;; esac\nexit 0\n`,
  );
  chmodSync(fake, 0o755);
  process.env.HARDEN_CHECK_DOCKER = fake;
});

afterEach(() => {
  delete process.env.HARDEN_CHECK_DOCKER;
});

const recorded = () => readFileSync(calls, 'utf8').trim().split('\n').sort();

describe('RunResources.cleanup', () => {
  it('removes the known container and image without listing labels when every id is known', async () => {
    const res = new RunResources('run-known', silentHost());
    res.addContainer('c1');
    res.addImage('sha256:i1');
    expect(await res.cleanup()).toEqual([]);
    expect(recorded()).toEqual(['image rm --force sha256:i1', 'rm --force --volumes c1']);
  });

  it('also lists by label, and removes what it finds, after a failed build or run', async () => {
    const res = new RunResources('run-failed', silentHost());
    res.addContainer('c1');
    res.markUnaccounted();
    expect(await res.cleanup()).toEqual([]);
    expect(recorded()).toEqual([
      'images --quiet --no-trunc --filter label=harden-check.run=run-failed',
      'ps --all --quiet --no-trunc --filter label=harden-check.run=run-failed',
      'rm --force --volumes c1',
      'rm --force --volumes orphan-container',
    ]);
  });

  it("keeps the run's ids in the host's step state until they are removed", async () => {
    const host = silentHost();
    const res = new RunResources('run-state', host);
    res.addContainer('c1');
    res.addImage('sha256:i1');
    // What a post step would find if this step were killed now.
    expect(host.getState(STATE_RUN_IDS)).toBe('run-state');
    expect(host.getState(STATE_CONTAINERS)).toBe('c1');
    expect(host.getState(STATE_IMAGES)).toBe('sha256:i1');
    expect(await res.cleanup()).toEqual([]);
    expect([STATE_RUN_IDS, STATE_CONTAINERS, STATE_IMAGES].map((n) => host.getState(n))).toEqual([
      '',
      '',
      '',
    ]);
  });
});
