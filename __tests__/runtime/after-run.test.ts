// The after-run probes (deploy checks) start before the main container and read it later:
// launchAfterRun hands them the main container, tells them when they may stop it, and
// turns a failing probe into a note instead of the run's failure.
import { describe, expect, it } from 'vitest';
import { launchAfterRun, type AfterRunProbe, type MainContainer } from '../../src/runtime/context.js';
import type { RuntimeContext } from '../../src/runtime/context.js';

const base = {} as Omit<RuntimeContext, 'main' | 'mainStarted' | 'mainReleased' | 'readMain'>;
const main = { id: 'c0ffee', state: { running: true }, wait: null } as unknown as MainContainer;

describe('launchAfterRun', () => {
  it('calls each probe at once, then gives it the main container and the release', async () => {
    const seen: string[] = [];
    const probe: AfterRunProbe = async (ctx) => {
      seen.push('started');
      const m = await ctx.main;
      seen.push(`main ${m?.id}`);
      await ctx.mainReleased;
      seen.push('released');
      return [{ check: { id: 'graceful-stop', status: 'pass', detail: 'stopped' }, findings: [] }];
    };
    const after = launchAfterRun([probe], base);
    await Promise.resolve();
    expect(seen).toEqual(['started']);
    after.mainReady(main);
    after.release();
    const done = await after.outcomes();
    expect(seen).toEqual(['started', 'main c0ffee', 'released']);
    expect(done.outcomes.map((o) => o.check.id)).toEqual(['graceful-stop']);
    expect(done.notes).toEqual([]);
  });

  it('a probe still waiting gets no main container when the run ends early; a throwing probe is a note', async () => {
    const waiting: AfterRunProbe = async (ctx) =>
      (await ctx.main) === null
        ? [{ check: { id: 'setuid-files', status: 'error', detail: 'no container' }, findings: [] }]
        : [];
    const throwing: AfterRunProbe = () => {
      throw new Error('side container refused');
    };
    const done = await launchAfterRun([waiting, throwing], base).outcomes();
    expect(done.outcomes.map((o) => o.check.status)).toEqual(['error']);
    expect(done.notes).toEqual(['after-run probe stopped: side container refused']);
  });

  it("the release waits for another probe's reads of the running main container", async () => {
    const seen: string[] = [];
    let finishRead: (v: string) => void = () => {};
    const reader: AfterRunProbe = async (ctx) => {
      await ctx.main;
      const diff = await ctx.readMain(new Promise<string>((r) => (finishRead = r)));
      seen.push(`read ${diff}`);
      return [];
    };
    const stopper: AfterRunProbe = async (ctx) => {
      await ctx.mainReleased;
      seen.push('stopped');
      return [];
    };
    const after = launchAfterRun([stopper, reader], base);
    after.mainReady(main);
    await new Promise((r) => setTimeout(r, 0));
    after.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
    finishRead('A /tmp/x');
    await after.outcomes();
    expect(seen).toEqual(['read A /tmp/x', 'stopped']);
  });

  it('a probe waits for the main docker run before starting its own containers; a main that never started releases it too', async () => {
    const seen: string[] = [];
    const probe: AfterRunProbe = async (ctx) => {
      await ctx.mainStarted;
      seen.push('side started');
      return [];
    };
    const after = launchAfterRun([probe], base);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([]);
    after.mainStarted();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['side started']);

    const neverStarted: string[] = [];
    const waiting: AfterRunProbe = async (ctx) => {
      await ctx.mainStarted;
      neverStarted.push(String(await ctx.main));
      return [];
    };
    await launchAfterRun([waiting], base).outcomes();
    expect(neverStarted).toEqual(['null']);
  });
});
