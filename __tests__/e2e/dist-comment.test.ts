// The committed bundle on a pull_request event, against a GitHub-shaped server on
// 127.0.0.1 that records every request: the sticky comment, retries, permissions,
// the size limit, annotations, outputs and SARIF, exactly as a runner would run it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validateSarif } from '../helpers/sarif-schema.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { nodeBinaries, runAction, ROOT } from '../helpers/run-action.js';
import { prEventEnv } from '../helpers/pr-event.js';

const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
const PR = 7;
let gh: FakeGitHub;
let workspace: string;

function prEnv(extra: Record<string, string> = {}): Record<string, string> {
  return prEventEnv({ workspace, apiUrl: gh.url, pr: PR, headSha: HEAD_SHA, extra });
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
  writeFileSync(path.join(workspace, rel), text);
}

const INSECURE = readFileSync(path.join(ROOT, 'examples/insecure/Dockerfile'), 'utf8');

beforeAll(async () => {
  gh = await startFakeGitHub();
  workspace = mkdtempSync(path.join(tmpdir(), 'hc-ws-'));
  write('Dockerfile', INSECURE);
});
afterAll(async () => {
  await gh.close();
});
beforeEach(() => gh.reset());

describe.each(nodeBinaries())('dist/index.js on a pull_request event ($name)', ({ bin }) => {
  const run = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runAction({ node: bin, workspace, inputs: { build: 'false', ...inputs }, env: prEnv(env) });

  it('creates one sticky comment, then updates it; found on page 2 of a crowded PR', async () => {
    gh.addComments(150, { issueNumber: PR });
    const first = await run();
    expect(first.code).toBe(1); // the insecure Dockerfile fails fail-on: error
    const ours = () => gh.commentsOn(PR).filter((c) => c.body.includes('<!-- harden-check:'));
    expect(ours()).toHaveLength(1);
    const id = ours()[0].id;
    const second = await run();
    expect(second.code).toBe(1);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].id).toBe(id);
    // the second run listed page 2 (comments 101-151) and PATCHed instead of POSTing
    expect(gh.requests.some((r) => r.method === 'GET' && r.query.page === '2')).toBe(true);
    // (an unchanged body is not re-sent, so the second run may PATCH or skip: never POST)
    const writes = gh.calls().filter((c) => /^(POST|PATCH|DELETE) /.test(c));
    expect(writes[0]).toBe(`POST /repos/acme/shop/issues/${PR}/comments`);
    expect(writes.slice(1).every((w) => w === `PATCH /repos/acme/shop/issues/comments/${id}`)).toBe(true);
    // links point at the PR head commit
    expect(ours()[0].body).toContain(`/acme/shop/blob/${HEAD_SHA}/Dockerfile#L`);
  });

  it('retries a 502 and still posts exactly one comment', async () => {
    gh.failNext(1, 502);
    const r = await run();
    expect(r.code).toBe(1);
    expect(gh.requests.filter((x) => x.status === 502)).toHaveLength(1);
    expect(gh.commentsOn(PR)).toHaveLength(1);
  });

  it('turns a 403 into one warning naming the permission, and still reports the verdict', async () => {
    gh.failNext(10, { status: 403, message: 'Resource not accessible by integration' });
    const r = await run();
    const warnings = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && /pull-requests: write/.test(l));
    expect(warnings).toHaveLength(1);
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(r.summary).toContain('non-root');
    expect(gh.commentsOn(PR)).toHaveLength(0);
  });

  it('never sends a body over 65,536 characters', async () => {
    // 3,000 findings: the rendered list is far over the limit and must be truncated
    const many = [
      'FROM alpine:3.19',
      ...Array.from({ length: 3000 }, (_, i) => `RUN sudo echo step-${i}`),
    ].join('\n');
    write('big/Dockerfile', many + '\n');
    const r = await run({ dockerfile: 'big/Dockerfile', 'comment-tag': 'big' });
    expect(r.code).toBe(1);
    const bodies = gh.requests
      .filter((x) => x.method === 'POST' || x.method === 'PATCH')
      .filter((x) => x.path.includes('comments'));
    expect(bodies.length).toBeGreaterThan(0);
    for (const b of bodies) expect(b.bodyLength).toBeLessThan(65_536);
    expect(gh.commentsOn(PR)[0].body).toMatch(/more/);
  });

  it('annotates with the right file and line, writes outputs and valid SARIF', async () => {
    const r = await run({ 'sarif-file': 'out/harden-check.sarif' });
    const lines = INSECURE.split('\n');
    const userLess = r.stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning'));
    expect(userLess.length).toBeGreaterThan(0);
    for (const a of userLess.filter((l) => l.includes('file='))) {
      const m = /file=([^,]+),.*line=(\d+)/.exec(a)!;
      expect(m[1]).toBe('Dockerfile');
      expect(Number(m[2])).toBeGreaterThanOrEqual(1);
      expect(Number(m[2])).toBeLessThanOrEqual(lines.length);
    }
    expect(r.outputs).toMatchObject({ result: 'fail', 'image-id': '' });
    expect(Number(r.outputs.errors)).toBeGreaterThan(0);
    expect(r.outputs['sarif-file']).toBe(path.join(workspace, 'out/harden-check.sarif'));
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    for (const res of sarif.runs[0].results) {
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('Dockerfile');
    }
    // secrets of the insecure example appear nowhere
    const all =
      r.stdout +
      r.stderr +
      r.summary +
      JSON.stringify(sarif) +
      gh.requests.map((x) => JSON.stringify(x.body)).join('');
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(all).not.toContain('s3cr3t-Passw0rd');
  });

  it('does not comment on a push event', async () => {
    const r = await runAction({
      node: bin,
      workspace,
      inputs: { build: 'false' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(r.code).toBe(1);
    expect(gh.calls()).toEqual([]);
  });
});
