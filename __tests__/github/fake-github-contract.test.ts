// The fake GitHub is held to GitHub's published API description: these tests prove the
// checks are live (a bad request is refused and fails the test that made it, a bad answer is
// caught), so a green GitHub suite means the client spoke GitHub's documented API.
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { checkGraphQLRequest, checkGraphQLResponse } from '../helpers/github-graphql.js';
import { githubRest } from '../helpers/github-rest.js';

let gh: FakeGitHub | null = null;
afterEach(async () => {
  // Each test empties contractErrors itself; a leftover would fail here.
  await gh?.close();
  gh = null;
});

async function send(method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${gh!.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** The recorded contract errors, emptied (so close() passes). */
const takeErrors = () => gh!.contractErrors.splice(0);

describe('requests are checked against the REST description', () => {
  it('an operation GitHub does not have is refused (400) and fails the test at reset/close', async () => {
    gh = await startFakeGitHub();
    expect(await send('GET', '/repos/o/r/issues/1/commentz')).toBe(400);
    expect(gh.contractErrors).toEqual([
      expect.stringMatching(
        /GET \/repos\/o\/r\/issues\/1\/commentz is not an operation of GitHub's REST API/,
      ),
    ]);
    expect(() => gh!.reset()).toThrow(/GitHub API contract broken/);
    expect(gh.contractErrors).toEqual([]); // reported once
    expect(await send('PUT', '/repos/o/r/issues/comments/5')).toBe(400); // documented path, wrong method
    await expect(gh.close()).rejects.toThrow(/PUT \/repos\/o\/r\/issues\/comments\/5 is not an operation/);
    gh = null;
  });

  it('a missing required body field, an undeclared field, a bad type: each refused with the reason', async () => {
    gh = await startFakeGitHub();
    expect(await send('POST', '/repos/o/r/issues/1/comments', {})).toBe(400);
    expect(await send('POST', '/repos/o/r/issues/1/comments', { body: 'x', title: 'no such field' })).toBe(
      400,
    );
    gh.pulls.set(3, { number: 3, headSha: 'a'.repeat(40), files: [] });
    expect(
      await send('POST', '/repos/o/r/pulls/3/reviews', {
        event: 'COMMENT',
        body: 'b',
        comments: [{ path: 'Dockerfile', line: '4', body: 'c' }],
      }),
    ).toBe(400);
    expect(await send('GET', '/repos/o/r/issues/1/comments?per_page=100&sort=created')).toBe(400);
    expect(await send('GET', '/repos/o/r/pulls/x')).toBe(400);
    expect(takeErrors()).toEqual([
      expect.stringMatching(/issues\/create-comment\): body must have required property 'body'/),
      expect.stringMatching(/issues\/create-comment\): body must NOT have additional properties .*"title"/),
      expect.stringMatching(/pulls\/create-review\): body\/comments\/0\/line must be integer/),
      expect.stringMatching(/issues\/list-comments\): undeclared query parameter sort/),
      expect.stringMatching(/pulls\/get\): path parameter pull_number=x is not a integer/),
    ]);
    expect(gh.comments).toEqual([]); // nothing refused was acted on
  });

  it('documented requests pass, and so do the answers the fake gives them', async () => {
    gh = await startFakeGitHub();
    expect(await send('POST', '/repos/o/r/issues/1/comments', { body: 'hello' })).toBe(201);
    expect(await send('GET', '/repos/o/r/issues/1/comments?per_page=100&page=1')).toBe(200);
    expect(await send('PATCH', `/repos/o/r/issues/comments/${gh.comments[0].id}`, { body: 'hi' })).toBe(200);
    expect(await send('DELETE', `/repos/o/r/issues/comments/${gh.comments[0].id}`)).toBe(204);
    expect(gh.contractErrors).toEqual([]);
  });
});

describe('answers are checked against the documented response schemas', () => {
  const rest = githubRest();

  it("GitHub's example answers (the fake's starting point) pass; a stripped one does not", () => {
    expect(
      rest.checkResponse('issues/create-comment', 201, rest.example('issues/create-comment', 201)),
    ).toEqual([]);
    const stripped = rest.example<{ node_id?: string; user: { id?: number } }>('issues/create-comment', 201);
    delete stripped.node_id;
    delete stripped.user.id;
    const errors = rest.checkResponse('issues/create-comment', 201, stripped);
    expect(errors).toContainEqual(expect.stringMatching(/body must have required property 'node_id'/));
    expect(errors).toContainEqual(expect.stringMatching(/body\/user must have required property 'id'/));
  });

  it('a success status the operation does not document is an error; an undocumented 403 is not', () => {
    expect(rest.checkResponse('issues/create-comment', 200, {})).toEqual([
      expect.stringMatching(/answer 200 to POST .* status not documented \(201, /),
    ]);
    expect(rest.checkResponse('issues/update-comment', 403, { message: 'Forbidden' })).toEqual([]);
    expect(rest.checkResponse('issues/delete-comment', 204, { surprise: true })).toEqual([
      expect.stringMatching(/documented without a body/),
    ]);
  });
});

describe('GraphQL against GitHub schema', () => {
  const THREADS = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        reviewThreads(first: 100, after: $cursor) {
          pageInfo { hasNextPage endCursor }
          nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
        }
      }
    }
  }`;
  const RESOLVE =
    'mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }';

  it('the operations harden-check sends validate; a misspelt field or a missing variable does not', () => {
    expect(checkGraphQLRequest('query { viewer { login } }')).toEqual([]);
    expect(checkGraphQLRequest(THREADS, { owner: 'o', repo: 'r', number: 1, cursor: null })).toEqual([]);
    expect(checkGraphQLRequest(RESOLVE, { id: 'PRRT_1' })).toEqual([]);
    expect(checkGraphQLRequest('query { viewer { logn } }')).toEqual([
      expect.stringMatching(/Cannot query field "logn" on type "User"/),
    ]);
    expect(checkGraphQLRequest(THREADS, { owner: 'o', repo: 'r' })).toEqual([
      expect.stringMatching(/Variable "\$number" of required type "Int!" was not provided/),
    ]);
    expect(
      checkGraphQLRequest('mutation($id: ID!) { resolveReviewThread(threadId: $id) { thread { id } } }', {
        id: 'x',
      }),
    ).not.toEqual([]);
  });

  it('answers must hold exactly the selected fields with their schema types', () => {
    const page = {
      repository: {
        pullRequest: {
          reviewThreads: {
            pageInfo: { hasNextPage: false, endCursor: null },
            nodes: [{ id: 'PRRT_1', isResolved: false, comments: { nodes: [{ databaseId: 7 }] } }],
          },
        },
      },
    };
    const vars = { owner: 'o', repo: 'r', number: 1 };
    expect(checkGraphQLResponse(THREADS, vars, page)).toEqual([]);
    const wrongType = structuredClone(page);
    (wrongType.repository.pullRequest.reviewThreads.nodes[0] as { isResolved: unknown }).isResolved = 'no';
    expect(checkGraphQLResponse(THREADS, vars, wrongType)).toEqual([
      expect.stringMatching(
        /reviewThreads\.nodes\.0\.isResolved: Boolean cannot represent a non boolean value/,
      ),
    ]);
    const missing = structuredClone(page);
    delete (missing.repository.pullRequest.reviewThreads as { pageInfo?: unknown }).pageInfo;
    expect(checkGraphQLResponse(THREADS, vars, missing)).toEqual([
      expect.stringMatching(
        /Cannot return null for non-nullable field PullRequestReviewThreadConnection\.pageInfo/,
      ),
    ]);
    const extra = { viewer: { login: 'me', name: 'not selected' } };
    expect(checkGraphQLResponse('query { viewer { login } }', {}, extra)).toEqual([
      expect.stringMatching(/fields the query does not select/),
    ]);
  });

  it("the fake's answers to them pass, through the real client", async () => {
    gh = await startFakeGitHub();
    gh.pulls.set(2, { number: 2, headSha: 'b'.repeat(40), files: [] });
    const thread = gh.addReviewComment({ pullNumber: 2, path: 'Dockerfile', line: 1, body: 'x' });
    const octokit = createGitHubClient('t', { baseUrl: gh.url, retries: 0 });
    await expect(octokit.graphql('query { viewer { login } }')).resolves.toEqual({
      viewer: { login: 'github-actions' },
    });
    await expect(octokit.graphql(THREADS, { owner: 'o', repo: 'r', number: 2 })).resolves.toMatchObject({
      repository: {
        pullRequest: { reviewThreads: { nodes: [{ id: `PRRT_${thread.id}`, isResolved: false }] } },
      },
    });
    await expect(octokit.graphql(RESOLVE, { id: `PRRT_${thread.id}` })).resolves.toEqual({
      resolveReviewThread: { thread: { id: `PRRT_${thread.id}`, isResolved: true } },
    });
    expect(gh.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(gh.contractErrors).toEqual([]);
  });
});
