// The pipeline starts the verification (the build) before the static audit and hands it the
// audit's facts when they exist; an audit error reaches the verification (which then removes
// what it built) before the pipeline reports it. A recording fake stands in for the runtime.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runPipeline, type PipelineOptions, type RuntimeAdapter } from '../src/pipeline.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { InputError } from '../src/inputs.js';
import { CHECK_IDS } from '../src/report/types.js';
import type { RuntimeRequest, RuntimeResult, StaticFacts } from '../src/runtime/types.js';

const DOCKERFILE = 'FROM alpine:3.19 AS build\nRUN echo hi\nFROM alpine:3.19\nUSER 10001\nENV PORT=8080\n';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-pipeline-'));
  writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
  return dir;
}

/** A runtime that records what happens to it, in order. */
function recordingRuntime(events: string[]): RuntimeAdapter & { facts: StaticFacts[] } {
  const facts: StaticFacts[] = [];
  return {
    facts,
    available: async () => true,
    verify: async (req: RuntimeRequest): Promise<RuntimeResult> => {
      events.push('verify started');
      let settled = false;
      void Promise.resolve(req.facts).then(
        () => (settled = true),
        () => (settled = true),
      );
      await Promise.resolve();
      events.push(settled ? 'facts were ready at the start' : 'facts still pending at the start');
      try {
        facts.push(await req.facts);
        events.push('facts received');
      } catch (e) {
        events.push(`facts rejected: ${(e as Error).constructor.name}`);
        events.push('cleaned up');
        throw e;
      }
      return {
        imageId: 'sha256:fake',
        checks: CHECK_IDS.map((id) => ({ id, status: 'pass' as const, detail: 'fake runtime' })),
        findings: [],
        notes: [],
        timings: { build: 0, verify: 0 },
      };
    },
  };
}

function options(ws: string, runtime: RuntimeAdapter, over: Partial<PipelineOptions> = {}): PipelineOptions {
  return {
    workspace: ws,
    dockerfile: ['Dockerfile'],
    context: '',
    buildArgs: {},
    target: '',
    buildFlags: [],
    image: '',
    build: true,
    run: true,
    envOverrides: {},
    healthTimeout: 60,
    runArgs: [],
    network: 'none',
    ignore: [],
    failOn: 'error',
    config: DEFAULT_CONFIG,
    runId: 'test-run',
    log: { info: () => undefined, warning: () => undefined },
    runtime,
    ...over,
  };
}

describe('runPipeline with a runtime', () => {
  it('starts the verification before the audit and hands it the audit facts', async () => {
    const events: string[] = [];
    const runtime = recordingRuntime(events);
    const report = await runPipeline(options(workspace(), runtime));
    expect(events).toEqual(['verify started', 'facts still pending at the start', 'facts received']);
    expect(runtime.facts[0].user?.resolved).toBe('10001');
    expect(runtime.facts[0].env.map((e) => e.key)).toEqual(['PORT']);
    expect(report.targets[0].image).toBe('sha256:fake');
  });

  it('lets the verification clean up before it reports an audit error (unknown target)', async () => {
    const events: string[] = [];
    const run = runPipeline(options(workspace(), recordingRuntime(events), { target: 'nope' }));
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/Input "target"/);
    expect(events).toEqual([
      'verify started',
      'facts still pending at the start',
      'facts rejected: TargetNotFoundError',
      'cleaned up',
    ]);
  });

  it('does not start a verification when no engine answers', async () => {
    const events: string[] = [];
    const runtime = { ...recordingRuntime(events), available: async () => false };
    const report = await runPipeline(options(workspace(), runtime));
    expect(events).toEqual([]);
    expect(report.targets[0].notes).toContain('No Docker engine answered: static audit only.');
  });
});
