// The committed bundle on pull_request events, against the GitHub-shaped server: PR
// review comments on the lines the PR changes, with suggestion blocks that, applied to
// the file, remove the findings; a rerun that posts nothing; a fix pushed between runs
// that makes its comment go away. Exactly as a runner runs the action.
//
// HARDEN_CHECK_WRITE_EXAMPLES=1 writes the comments of the first run to docs/example-review.md.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { auditDockerfile } from '../../src/audit/audit.js';
import { startFakeGitHub, type FakeGitHub, type FakeReviewComment } from '../helpers/fake-github.js';
import { makePatch } from '../helpers/patch.js';
import { nodeBinaries, ROOT, runAction } from '../helpers/run-action.js';
import { prEventEnv } from '../helpers/pr-event.js';

const PR = 12;
const SHA1 = '1111111111111111111111111111111111111111';
const SHA2 = '2222222222222222222222222222222222222222';

// main has a clean Dockerfile; the PR switches COPY to ADD and the CMD to shell form.
// Its HEALTHCHECK (GNU wget --spider, HC216) is old: a context line, not changed by the PR.
const BASE = [
  'FROM python:3.12-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*',
  'RUN useradd -u 10001 -m appuser',
  'WORKDIR /app',
  'COPY app.py /app/',
  'USER 10001:10001',
  'EXPOSE 8000',
  'HEALTHCHECK --interval=30s --timeout=5s CMD ["wget", "--spider", "-q", "http://localhost:8000/health"]',
  'CMD ["python", "app.py"]',
  '',
].join('\n');
const HEAD = BASE.replace('COPY app.py', 'ADD app.py').replace(
  'CMD ["python", "app.py"]',
  'CMD python app.py',
);

let gh: FakeGitHub;
let workspace: string;

function audit(text: string) {
  return auditDockerfile({ file: 'Dockerfile', text, config: DEFAULT_CONFIG }).findings;
}

/** The PR at `sha` with `text` as its Dockerfile: workspace file, event payload, files API. */
function pushHead(text: string, sha: string): Record<string, string> {
  writeFileSync(path.join(workspace, 'Dockerfile'), text);
  gh.pulls.set(PR, {
    number: PR,
    headSha: sha,
    files: [{ filename: 'Dockerfile', status: 'modified', patch: makePatch(BASE, text) }],
  });
  return prEventEnv({ workspace, apiUrl: gh.url, pr: PR, headSha: sha });
}

/** The ```suggestion block of a comment, as a markdown parser reads it, or null. */
function suggestionOf(body: string): string | null {
  const block = marked
    .lexer(body, { gfm: true })
    .find((t) => t.type === 'code' && (t as { lang?: string }).lang === 'suggestion');
  return block ? (block as { text: string }).text : null;
}

/** Apply suggestions to a text as GitHub does: each replaces its comment's lines (bottom-up). */
function applySuggestions(text: string, comments: FakeReviewComment[]): string {
  const lines = text.split('\n');
  const sorted = [...comments].sort((a, b) => b.line - a.line);
  for (const c of sorted) {
    const s = suggestionOf(c.body);
    if (s === null) continue;
    const start = c.startLine ?? c.line;
    lines.splice(start - 1, c.line - start + 1, ...(s === '' ? [] : s.split('\n')));
  }
  return lines.join('\n');
}

const ruleOf = (c: FakeReviewComment) => /\[(HC\d+)\]/.exec(c.body)?.[1];
const writes = () => gh.calls().filter((c) => /^(POST|PATCH|DELETE) /.test(c) && !c.includes('/issues/'));

beforeAll(async () => {
  gh = await startFakeGitHub();
  workspace = mkdtempSync(path.join(tmpdir(), 'hc-review-ws-'));
});
afterAll(async () => {
  await gh.close();
});
beforeEach(() => gh.reset());

describe.each(nodeBinaries())('dist/index.js review comments ($name)', ({ bin }) => {
  const run = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
    runAction({ node: bin, workspace, inputs: { build: 'false', ...inputs }, env });

  it('reviews the changed lines with suggestions that fix them; reruns converge', async () => {
    // Run 1: one review, a comment with a suggestion on each changed line with a finding.
    const first = await run(pushHead(HEAD, SHA1));
    expect(first.code, first.stdout).toBe(0); // warnings only: fail-on error passes
    expect(first.stdout).not.toMatch(/^::warning::harden-check could not/m);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviews[0]).toMatchObject({ event: 'COMMENT', commitId: SHA1 });
    const comments = gh.reviewCommentsOn(PR);
    expect(comments.map((c) => [c.path, c.line, ruleOf(c)])).toEqual([
      ['Dockerfile', 5, 'HC413'],
      ['Dockerfile', 9, 'HC212'],
    ]);
    expect(comments.every((c) => suggestionOf(c.body) !== null)).toBe(true);
    // HC216 is on an unchanged line: in the sticky comment, not in the review.
    const sticky = gh.commentsOn(PR).find((c) => c.body.startsWith('<!-- harden-check:'))!;
    expect(sticky.body).toContain('HC216');
    expect(comments.some((c) => ruleOf(c) === 'HC216')).toBe(false);

    // The suggestions, applied as GitHub applies them, leave no such finding and add none.
    const before = audit(HEAD).filter((f) => f.severity !== 'note');
    const fixedText = applySuggestions(HEAD, comments);
    const after = audit(fixedText).filter((f) => f.severity !== 'note');
    expect(fixedText).toContain('COPY app.py /app/');
    expect(fixedText).toContain('CMD ["python", "app.py"]');
    expect(after.map((f) => f.ruleId)).not.toContain('HC413');
    expect(after.map((f) => f.ruleId)).not.toContain('HC212');
    const key = (f: { ruleId: string; message: string }) => `${f.ruleId} ${f.message}`;
    expect(after.map(key)).toEqual(before.filter((f) => !['HC413', 'HC212'].includes(f.ruleId)).map(key));

    if (process.env.HARDEN_CHECK_WRITE_EXAMPLES === '1') {
      const example = comments
        .map((c) => `**\`${c.path}\` line ${c.line}** (review comment):\n\n${c.body}`)
        .join('\n\n---\n\n');
      writeFileSync(
        path.join(ROOT, 'docs/example-review.md'),
        `# Example: review comments\n\nThe review comments of a real run (\`__tests__/e2e/dist-review.test.ts\`, the committed bundle against the test GitHub server) on a pull request that changed \`COPY\` to \`ADD\` and the \`CMD\` to shell form. Each comment starts with a hidden marker that lets the next run find it. "Commit suggestion" on GitHub applies the fix.\n\n---\n\n${example}\n`,
      );
    }

    // Run 2, nothing changed: nothing new is posted, nothing deleted or edited.
    gh.requests.length = 0;
    const second = await run(pushHead(HEAD, SHA1));
    expect(second.code).toBe(0);
    expect(writes()).toEqual([]);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewCommentsOn(PR).map((c) => c.id)).toEqual(comments.map((c) => c.id));
    expect(second.stdout).toMatch(/Review comments: 0 new, 2 kept/);

    // Run 3: the author commits the CMD suggestion. Its comment goes; the ADD one stays.
    gh.requests.length = 0;
    const cmdOnly = applySuggestions(
      HEAD,
      comments.filter((c) => ruleOf(c) === 'HC212'),
    );
    const third = await run(pushHead(cmdOnly, SHA2));
    expect(third.code).toBe(0);
    expect(gh.reviewCommentsOn(PR).map((c) => [c.id, ruleOf(c)])).toEqual([[comments[0].id, 'HC413']]);
    expect(writes()).toEqual([`DELETE /repos/acme/shop/pulls/comments/${comments[1].id}`]);
    expect(gh.reviews).toHaveLength(1);
  });

  it('review: all also comments on unchanged lines of the hunks; all three suggestions applied leave none of those findings', async () => {
    const r = await run(pushHead(HEAD, SHA1), { review: 'all' });
    expect(r.code).toBe(0);
    const comments = gh.reviewCommentsOn(PR);
    expect(comments.map((c) => [c.line, ruleOf(c)])).toEqual([
      [5, 'HC413'],
      [8, 'HC216'],
      [9, 'HC212'],
    ]);
    expect(suggestionOf(comments[1].body)).toContain('"-O", "/dev/null"');
    const fixed = applySuggestions(HEAD, comments);
    const left = audit(fixed)
      .filter((f) => f.severity !== 'note')
      .map((f) => f.ruleId);
    expect(left.filter((id) => ['HC413', 'HC216', 'HC212'].includes(id))).toEqual([]);
    expect(left).toEqual([]);
  });

  it('review: off posts no review; a fork PR (403) gives one warning naming the permission', async () => {
    const off = await run(pushHead(HEAD, SHA1), { review: 'off' });
    expect(off.code).toBe(0);
    expect(gh.calls().some((c) => c.includes('/pulls/'))).toBe(false);

    gh.reset();
    // A read-only token: reads work, every write is refused.
    gh.failNext(50, {
      status: 403,
      message: 'Resource not accessible by integration',
      match: (q) => q.method !== 'GET' && q.path !== '/graphql',
    });
    const fork = await run(pushHead(HEAD, SHA1), { comment: 'false' });
    expect(fork.code).toBe(0);
    const warnings = fork.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && /pull-requests: write/.test(l));
    expect(warnings).toHaveLength(1);
    expect(gh.reviews).toHaveLength(0);
    expect(fork.outputs.result).toBe('pass');
  });
});
