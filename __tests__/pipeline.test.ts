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

// Runtime findings honour every suppression a static finding does: inline (next
// instruction, stage, global), the ignore list, the config list and severity overrides.
describe('runPipeline suppressions over runtime findings', () => {
  const RUNTIME_IDS = [
    'HC901',
    'HC902',
    'HC903',
    'HC904',
    'HC905',
    'HC906',
    'HC908',
    'HC910',
    'HC911',
    'HC312',
  ];

  /** The instruction the runtime blames for each id, as the real verification places it. */
  function blamedLine(id: string, facts: StaticFacts): number {
    if (id === 'HC908' || id === 'HC312') return facts.env.find((e) => e.key === 'APP_MODE')!.line;
    if (id === 'HC901' || id === 'HC911') return facts.user!.line;
    return facts.healthcheck!.line;
  }

  /** A runtime that reports the given rule ids where the real one would. */
  function reportingRuntime(ids: string[]): RuntimeAdapter {
    return {
      available: async () => true,
      verify: async (req: RuntimeRequest): Promise<RuntimeResult> => {
        const facts = await req.facts;
        return {
          imageId: 'sha256:fake',
          checks: CHECK_IDS.map((id) => ({ id, status: 'pass' as const, detail: 'fake runtime' })),
          findings: ids.map((ruleId) => ({
            ruleId,
            severity: ruleId === 'HC911' ? ('note' as const) : ('error' as const),
            file: req.displayPath,
            line: blamedLine(ruleId, facts),
            message: `runtime says ${ruleId}`,
          })),
          notes: [],
          timings: { build: 0, verify: 0 },
        };
      },
    };
  }

  /** A Dockerfile with `directive(id)` written above the instruction each id blames. */
  function dockerfileWith(directive: (blamed: 'user' | 'env' | 'health') => string): string {
    return [
      'FROM alpine:3.19',
      'RUN adduser -D -u 10001 app',
      directive('user'),
      'USER 10001',
      directive('env'),
      'ENV APP_MODE=production',
      directive('health'),
      'HEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1',
      'CMD ["/app"]',
      '',
    ].join('\n');
  }

  const kindOf = (id: string) =>
    id === 'HC908' || id === 'HC312' ? 'env' : id === 'HC901' || id === 'HC911' ? 'user' : 'health';

  async function runtimeIdsOf(text: string, ids: string[], over: Partial<PipelineOptions> = {}) {
    const ws = mkdtempSync(path.join(tmpdir(), 'hc-pipeline-'));
    writeFileSync(path.join(ws, 'Dockerfile'), text);
    const report = await runPipeline(options(ws, reportingRuntime(ids), over));
    return report.targets[0].findings.filter((f) => ids.includes(f.ruleId));
  }

  it.each(RUNTIME_IDS)('reports %s without a suppression (control)', async (id) => {
    const found = await runtimeIdsOf(
      dockerfileWith(() => '# an ordinary comment'),
      [id],
    );
    expect(found.map((f) => f.ruleId)).toEqual([id]);
  });

  it.each(RUNTIME_IDS)('drops %s under `# harden-check ignore=` above the blamed instruction', async (id) => {
    const text = dockerfileWith((k) =>
      k === kindOf(id) ? `# harden-check ignore=${id} -- accepted for this image` : '# an ordinary comment',
    );
    expect(await runtimeIdsOf(text, [id])).toEqual([]);
  });

  it('keeps a runtime finding whose inline ignore names another line', async () => {
    const text = dockerfileWith((k) => (k === 'user' ? '# harden-check ignore=HC908 -- wrong line' : '#'));
    expect((await runtimeIdsOf(text, ['HC908'])).map((f) => f.ruleId)).toEqual(['HC908']);
  });

  it('drops runtime findings under stage and global ignores', async () => {
    const stage = dockerfileWith((k) => (k === 'user' ? '# harden-check stage ignore=HC902' : '#'));
    expect(await runtimeIdsOf(stage, ['HC902'])).toEqual([]);
    const global = `# harden-check global ignore=HC908,HC910\n${dockerfileWith(() => '#')}`;
    expect(await runtimeIdsOf(global, ['HC908', 'HC910'])).toEqual([]);
  });

  it('ignores inline comments when the config disallows them', async () => {
    const text = dockerfileWith((k) => (k === 'env' ? '# harden-check ignore=HC908 -- reason' : '#'));
    const found = await runtimeIdsOf(text, ['HC908'], {
      config: { ...DEFAULT_CONFIG, allowInlineIgnore: false },
    });
    expect(found.map((f) => f.ruleId)).toEqual(['HC908']);
  });

  it('applies the ignore input, the config list and severity overrides', async () => {
    const text = dockerfileWith(() => '#');
    expect(await runtimeIdsOf(text, ['HC904'], { ignore: ['HC904'] })).toEqual([]);
    expect(await runtimeIdsOf(text, ['HC904'], { config: { ...DEFAULT_CONFIG, ignore: ['HC904'] } })).toEqual(
      [],
    );
    const off = await runtimeIdsOf(text, ['HC904'], {
      config: { ...DEFAULT_CONFIG, severity: { HC904: 'off' } },
    });
    expect(off).toEqual([]);
    const lowered = await runtimeIdsOf(text, ['HC904'], {
      config: { ...DEFAULT_CONFIG, severity: { HC904: 'warning' } },
    });
    expect(lowered.map((f) => f.severity)).toEqual(['warning']);
  });
});
