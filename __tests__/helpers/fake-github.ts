// A GitHub-shaped HTTP server for tests: a real node:http server on 127.0.0.1 (port 0),
// so Octokit's own fetch (undici with a proxy dispatcher) reaches it as it would reach
// api.github.com. It answers the few endpoints harden-check uses, records every request,
// and can fail the next N requests on purpose. Bounded: it never loops, never calls out,
// and refuses everything after `maxRequests` so a runaway client fails fast.
//
//   const gh = await startFakeGitHub();           // gh.url → GITHUB_API_URL
//   gh.addComments(150);                          // a crowded PR
//   gh.failNext(1, 502);                          // the next request gets a 502
//   gh.pulls.set(7, { number: 7, headSha, files }) // a PR with its files API patches
//   ...; gh.requests                              // what the client sent
//   gh.reviewCommentsOn(7), gh.reviews            // PR reviews and their line comments
//   await gh.close();
//
// Every request is checked against GitHub's published REST description and GraphQL schema
// (github-rest.ts, github-graphql.ts): an undocumented operation, a missing required field or
// an undeclared body field is answered 400 and recorded in `contractErrors`, and so is an
// answer of the fake that does not match the documented response. reset() and close() throw
// when any was recorded, so the test that caused it fails. Answers are GitHub's documented
// examples with the fake's data put in.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkGraphQLRequest, checkGraphQLResponse } from './github-graphql.js';
import { githubRest, type FakeOperationId } from './github-rest.js';

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /repos/o/r/issues/1/comments. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** Length of the raw body in characters. */
  bodyLength: number;
  headers: Record<string, string | string[] | undefined>;
  /** The status the fake answered with. */
  status: number;
}

export interface FailureSpec {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** Only requests for which this returns true are failed (and counted). */
  match?: (req: { method: string; path: string }) => boolean;
}

export interface FakeGitHubOptions {
  /** REST login of the token's identity (comment authors). */
  login?: string;
  /** Login GraphQL `viewer` returns; GitHub omits `[bot]` there for app tokens. */
  viewerLogin?: string;
  /** Refuse requests after this many (answers 500), so a looping client cannot spin. */
  maxRequests?: number;
  /** Check requests and answers against GitHub's published API description (default true). */
  contract?: boolean;
}

export interface FakeReviewComment {
  id: number;
  pullNumber: number;
  reviewId: number;
  path: string;
  /** Last line of the comment's range (RIGHT side). */
  line: number;
  /** First line of a multi-line comment, else null. */
  startLine: number | null;
  side: string;
  body: string;
  user: FakeUser;
  commitId: string;
  inReplyTo?: number;
  resolved: boolean;
}

export interface FakeReview {
  id: number;
  pullNumber: number;
  body: string;
  event: string;
  commitId: string;
  user: FakeUser;
  commentIds: number[];
}

export interface FakePull {
  number: number;
  headSha: string;
  files?: { filename: string; status: string; patch?: string }[];
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL / getOctokit({ baseUrl }): http://127.0.0.1:PORT/gh-RANDOM. */
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  pulls: Map<number, FakePull>;
  reviews: FakeReview[];
  reviewComments: FakeReviewComment[];
  /** When true, DELETE of a review comment answers 403 (as for a comment GitHub will not let us delete). */
  refuseReviewCommentDelete: boolean;
  /** The identity the token authenticates as. */
  self: FakeUser;
  /** When true, POST /graphql answers 502. */
  graphqlFails: boolean;
  /** Called for every request after it is recorded and before it is answered (race simulation). */
  onRequest?: (req: RecordedRequest) => void;
  /** Requests and answers that broke GitHub's published API description. */
  contractErrors: string[];
  failNext(count: number, spec: FailureSpec | number): void;
  /** Forget comments, pulls, recorded requests, pending failures and hooks (between tests); throws on contract errors. */
  reset(): void;
  addComment(c: { issueNumber?: number; body: string; user?: FakeUser }): FakeComment;
  /** Pre-populate `count` comments by another user (a crowded PR). */
  addComments(
    count: number,
    opts?: { issueNumber?: number; user?: FakeUser; body?: (i: number) => string },
  ): void;
  commentsOn(issueNumber: number): FakeComment[];
  /** Review comments on a PR, lowest id first. */
  reviewCommentsOn(pullNumber: number): FakeReviewComment[];
  addReviewComment(
    c: Partial<FakeReviewComment> & { pullNumber: number; path: string; line: number; body: string },
  ): FakeReviewComment;
  /** Requests other than the GraphQL viewer query, as "METHOD /path". */
  calls(): string[];
  /** Stops the server; throws on contract errors. */
  close(): Promise<void>;
}

const MAX_PER_PAGE = 100;

function send(
  res: ServerResponse,
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): void {
  const text = data === undefined ? '' : JSON.stringify(data);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'x-github-request-id': 'FAKE',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4 * 1024 * 1024) break; // bounded: a body this big is a test bug
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const login = options.login ?? 'github-actions[bot]';
  const viewerLogin = options.viewerLogin ?? login.replace(/\[bot\]$/, '');
  const maxRequests = options.maxRequests ?? 2000;
  const failures: { remaining: number; spec: FailureSpec }[] = [];
  let nextId = 1000;
  // A base path of its own: each fake is another GitHub to a client (whatever it caches per
  // API URL, such as the viewer login, is not carried from one test's fake to the next).
  const prefix = `/gh-${randomBytes(4).toString('hex')}`;
  const rest = githubRest();
  const checked = options.contract !== false;
  /** Throws (once) with every contract error recorded so far. */
  const failOnContractErrors = () => {
    const errors = fake.contractErrors.splice(0);
    if (errors.length) throw new Error(`fake-github: GitHub API contract broken:\n- ${errors.join('\n- ')}`);
  };

  const fake: FakeGitHub = {
    url: '',
    requests: [],
    comments: [],
    pulls: new Map(),
    self: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    reviews: [],
    reviewComments: [],
    refuseReviewCommentDelete: false,
    graphqlFails: false,
    contractErrors: [],
    failNext(count, spec) {
      failures.push({ remaining: count, spec: typeof spec === 'number' ? { status: spec } : spec });
    },
    reset() {
      fake.comments = [];
      fake.requests.length = 0;
      fake.pulls.clear();
      fake.reviews = [];
      fake.reviewComments = [];
      fake.refuseReviewCommentDelete = false;
      fake.graphqlFails = false;
      fake.onRequest = undefined;
      failures.length = 0;
      failOnContractErrors();
    },
    addComment({ issueNumber = 1, body, user }) {
      const c: FakeComment = { id: nextId++, issueNumber, body, user: user ?? fake.self };
      fake.comments.push(c);
      return c;
    },
    addComments(count, opts = {}) {
      const user = opts.user ?? { login: 'octocat', type: 'User' };
      for (let i = 0; i < count; i++) {
        fake.addComment({ issueNumber: opts.issueNumber ?? 1, user, body: opts.body?.(i) ?? `comment ${i}` });
      }
    },
    commentsOn(issueNumber) {
      return fake.comments.filter((c) => c.issueNumber === issueNumber).sort((a, b) => a.id - b.id);
    },
    reviewCommentsOn(pullNumber) {
      return fake.reviewComments.filter((c) => c.pullNumber === pullNumber).sort((a, b) => a.id - b.id);
    },
    addReviewComment(c) {
      const full: FakeReviewComment = {
        id: nextId++,
        reviewId: 0,
        startLine: null,
        side: 'RIGHT',
        user: fake.self,
        commitId: fake.pulls.get(c.pullNumber)?.headSha ?? '',
        resolved: false,
        ...c,
      };
      fake.reviewComments.push(full);
      return full;
    },
    calls() {
      return fake.requests.filter((r) => r.path !== '/graphql').map((r) => `${r.method} ${r.path}`);
    },
    close: async () => {},
  };

  // Users, comments, reviews and pulls: GitHub's documented example with the fake's data in.
  const userJson = (u: FakeUser) => {
    const ex = rest.example<{ user: Record<string, unknown> }>('issues/create-comment', 201).user;
    const web = `https://github.example/${encodeURIComponent(u.login)}`;
    return {
      ...ex,
      login: u.login,
      id: u.login.length,
      node_id: `U_${u.login.length}`,
      type: u.type,
      html_url: web,
    };
  };

  const commentJson = (c: FakeComment, base: string) => ({
    ...rest.example<Record<string, unknown>>('issues/create-comment', 201),
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/o/r/issues/comments/${c.id}`,
    html_url: `https://github.example/o/r/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/o/r/issues/${c.issueNumber}`,
    body: c.body,
    user: userJson(c.user),
    author_association: 'NONE',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });

  const reviewCommentJson = (c: FakeReviewComment, base: string) => {
    const ex = rest.example<Record<string, unknown>[]>('pulls/list-review-comments', 200)[0];
    delete ex.in_reply_to_id;
    return {
      ...ex,
      id: c.id,
      node_id: `PRRC_${c.id}`,
      url: `${base}/repos/o/r/pulls/comments/${c.id}`,
      html_url: `https://github.example/o/r/pull/${c.pullNumber}#discussion_r${c.id}`,
      pull_request_url: `${base}/repos/o/r/pulls/${c.pullNumber}`,
      pull_request_review_id: c.reviewId,
      path: c.path,
      line: c.line,
      original_line: c.line,
      start_line: c.startLine,
      original_start_line: c.startLine,
      side: c.side,
      start_side: c.startLine === null ? null : c.side,
      commit_id: c.commitId,
      original_commit_id: c.commitId,
      body: c.body,
      user: userJson(c.user),
      author_association: 'NONE',
      ...(c.inReplyTo ? { in_reply_to_id: c.inReplyTo } : {}),
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
  };

  // RIGHT-side line ranges of a patch's hunks, read from the hunk headers alone (an
  // implementation independent of src/github/diff-lines.ts, as GitHub's is).
  const hunkRanges = (patch: string | undefined): [number, number][] =>
    [...(patch ?? '').matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)].map((h) => {
      const start = Number(h[1]);
      return [start, start + (h[2] === undefined ? 1 : Number(h[2])) - 1];
    });

  /** GitHub's 422 for a comment outside the diff, or null when the comment is placeable. */
  const reviewCommentError = (pr: FakePull, c: Record<string, unknown>): string | null => {
    const file = pr.files?.find((f) => f.filename === c.path);
    if (!file) return 'Path could not be resolved';
    if (c.side !== undefined && c.side !== 'RIGHT' && c.side !== 'LEFT') return 'Invalid side';
    const line = c.line;
    const start = c.start_line ?? line;
    if (typeof c.body !== 'string') return 'Body is required';
    if (c.body.length > 65_536) return 'Body is too long (maximum is 65536 characters)';
    if (typeof line !== 'number' || typeof start !== 'number' || start > line)
      return 'Line could not be resolved';
    const inOne = hunkRanges(file.patch).some(([a, b]) => start >= a && line <= b);
    return inOne ? null : 'Pull request review thread line must be part of the diff';
  };

  const takeFailure = (method: string, path: string): FailureSpec | null => {
    for (const f of failures) {
      if (f.remaining > 0 && (!f.spec.match || f.spec.match({ method, path }))) {
        f.remaining--;
        return f.spec;
      }
    }
    return null;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // The API lives under this server's own base path (as on GHES, /api/v3); a request
      // outside it comes from a client that ignored its base URL: no such operation.
      const pathname = url.pathname.startsWith(`${prefix}/`)
        ? url.pathname.slice(prefix.length)
        : `/outside-the-api-base-path${url.pathname}`;
      const method = (req.method ?? 'GET').toUpperCase();
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        /* keep the raw text */
      }
      const record: RecordedRequest = {
        method,
        path: pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        bodyLength: raw.length,
        headers: req.headers,
        status: 0,
      };
      fake.requests.push(record);
      fake.onRequest?.(record);
      const isGraphQL = method === 'POST' && pathname === '/graphql';
      const query = isGraphQL ? String((body as { query?: unknown } | undefined)?.query ?? '') : '';
      const variables = isGraphQL
        ? ((body as { variables?: Record<string, unknown> } | undefined)?.variables ?? {})
        : {};
      const op: FakeOperationId | undefined = isGraphQL ? undefined : rest.match(method, pathname)?.id;
      let injected = false; // answers made up on purpose (failures, budget) are not checked
      const reply = (status: number, data?: unknown, headers?: Record<string, string>) => {
        record.status = status;
        if (checked && !injected && status < 500) {
          const answer = (data as { data?: unknown } | undefined)?.data;
          const errors = isGraphQL
            ? status === 200 && answer
              ? checkGraphQLResponse(query, variables, answer)
              : []
            : op
              ? rest.checkResponse(op, status, data)
              : [];
          fake.contractErrors.push(...errors.map((e) => `fake-github's ${e}`));
        }
        send(res, status, data, headers);
      };
      /** An error answer as GitHub shapes it. */
      const fail = (status: number, message: string, extra: Record<string, unknown> = {}) =>
        reply(status, { message, documentation_url: 'https://docs.github.com/rest', ...extra });
      const base = `http://${req.headers.host ?? '127.0.0.1'}${prefix}`;

      if (fake.requests.length > maxRequests) {
        injected = true;
        return reply(500, { message: 'fake-github: request budget exhausted' });
      }
      if (checked) {
        const errors = isGraphQL
          ? checkGraphQLRequest(query, variables)
          : rest.checkRequest({ method, path: pathname, query: record.query, body });
        if (errors.length) {
          fake.contractErrors.push(...errors.map((e) => `request ${e}`));
          injected = true;
          return fail(400, `fake-github: not GitHub's API: ${errors.join('; ')}`);
        }
      }
      const failure = takeFailure(method, pathname);
      if (failure) {
        injected = true;
        return reply(
          failure.status,
          { message: failure.message ?? `fake failure ${failure.status}` },
          failure.headers,
        );
      }

      let m: RegExpExecArray | null;
      if (method === 'POST' && pathname === '/graphql') {
        if (fake.graphqlFails) return reply(502, { message: 'Bad gateway' });
        if (/viewer\s*\{\s*login/.test(query))
          return reply(200, { data: { viewer: { login: viewerLogin } } });
        if (/reviewThreads/.test(query)) {
          const roots = fake.reviewCommentsOn(Number(variables.number)).filter((c) => !c.inReplyTo);
          return reply(200, {
            data: {
              repository: {
                pullRequest: {
                  reviewThreads: {
                    pageInfo: { hasNextPage: false, endCursor: null },
                    nodes: roots.map((c) => ({
                      id: `PRRT_${c.id}`,
                      isResolved: c.resolved,
                      comments: { nodes: [{ databaseId: c.id }] },
                    })),
                  },
                },
              },
            },
          });
        }
        if (/resolveReviewThread/.test(query)) {
          const c = fake.reviewComments.find((x) => `PRRT_${x.id}` === variables.id);
          if (!c) return reply(200, { data: null, errors: [{ message: 'Could not resolve to a node' }] });
          c.resolved = true;
          return reply(200, {
            data: { resolveReviewThread: { thread: { id: variables.id, isResolved: true } } },
          });
        }
        return reply(200, { data: null, errors: [{ message: 'fake-github: unsupported query' }] });
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(pathname))) {
        const issueNumber = Number(m[1]);
        if (method === 'GET') {
          const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
          const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
          const all = fake.commentsOn(issueNumber);
          const last = Math.max(1, Math.ceil(all.length / perPage));
          const slice = all.slice((page - 1) * perPage, page * perPage);
          const link = (p: number) => `<${base}${pathname}?per_page=${perPage}&page=${p}>`;
          const links: string[] = [];
          if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
          if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
          return reply(
            200,
            slice.map((c) => commentJson(c, base)),
            links.length ? { link: links.join(', ') } : {},
          );
        }
        if (method === 'POST') {
          const text = (body as { body?: unknown } | undefined)?.body;
          if (typeof text !== 'string') return fail(422, 'body is required');
          if (text.length > 65_536) return fail(422, 'Body is too long (maximum is 65536 characters)');
          return reply(201, commentJson(fake.addComment({ issueNumber, body: text }), base));
        }
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(pathname))) {
        const c = fake.comments.find((x) => x.id === Number(m![1]));
        if (!c) return fail(404, 'Not Found');
        if (method === 'PATCH') {
          if (c.user.login !== fake.self.login) return fail(403, 'Must have admin rights to Repository.');
          const text = (body as { body?: unknown } | undefined)?.body;
          if (typeof text !== 'string') return fail(422, 'body is required');
          if (text.length > 65_536) return fail(422, 'Body is too long (maximum is 65536 characters)');
          c.body = text;
          return reply(200, commentJson(c, base));
        }
        if (method === 'DELETE') {
          if (c.user.login !== fake.self.login) return fail(403, 'Must have admin rights to Repository.');
          fake.comments = fake.comments.filter((x) => x !== c);
          return reply(204);
        }
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/comments$/.exec(pathname)) && method === 'GET') {
        const all = fake.reviewCommentsOn(Number(m[1]));
        const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number) => `<${base}${pathname}?per_page=${perPage}&page=${p}>`;
        const links = page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : [];
        return reply(
          200,
          all.slice((page - 1) * perPage, page * perPage).map((c) => reviewCommentJson(c, base)),
          links.length ? { link: links.join(', ') } : {},
        );
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/.exec(pathname)) && method === 'POST') {
        const pr = fake.pulls.get(Number(m[1]));
        if (!pr) return fail(404, 'Not Found');
        const b = (body ?? {}) as {
          body?: unknown;
          event?: unknown;
          commit_id?: unknown;
          comments?: unknown;
        };
        const comments = Array.isArray(b.comments) ? (b.comments as Record<string, unknown>[]) : [];
        if (b.event !== undefined && !['COMMENT', 'APPROVE', 'REQUEST_CHANGES'].includes(String(b.event)))
          return fail(422, 'Invalid event');
        if (b.event === 'COMMENT' && comments.length === 0 && !b.body)
          return fail(422, 'Unprocessable Entity: body is required for a COMMENT review');
        for (const c of comments) {
          const error = reviewCommentError(pr, c);
          if (error) return fail(422, 'Unprocessable Entity', { errors: [error] });
        }
        const review: FakeReview = {
          id: nextId++,
          pullNumber: pr.number,
          body: typeof b.body === 'string' ? b.body : '',
          event: String(b.event ?? 'PENDING'),
          commitId: typeof b.commit_id === 'string' ? b.commit_id : pr.headSha,
          user: fake.self,
          commentIds: [],
        };
        fake.reviews.push(review);
        for (const c of comments) {
          const added = fake.addReviewComment({
            pullNumber: pr.number,
            reviewId: review.id,
            path: String(c.path),
            line: Number(c.line),
            startLine: typeof c.start_line === 'number' ? c.start_line : null,
            side: String(c.side ?? 'RIGHT'),
            body: String(c.body),
            commitId: review.commitId,
          });
          review.commentIds.push(added.id);
        }
        return reply(200, {
          ...rest.example<Record<string, unknown>>('pulls/create-review', 200),
          id: review.id,
          node_id: `PRR_${review.id}`,
          body: review.body,
          state: review.event === 'COMMENT' ? 'COMMENTED' : review.event,
          commit_id: review.commitId,
          user: userJson(fake.self),
          html_url: `https://github.example/o/r/pull/${pr.number}#pullrequestreview-${review.id}`,
          pull_request_url: `${base}/repos/o/r/pulls/${pr.number}`,
          author_association: 'NONE',
        });
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/comments\/(\d+)$/.exec(pathname))) {
        const c = fake.reviewComments.find((x) => x.id === Number(m![1]));
        if (!c) return fail(404, 'Not Found');
        const mine = c.user.login === fake.self.login;
        if (method === 'PATCH') {
          if (!mine) return fail(403, 'Must have admin rights to Repository.');
          const text = (body as { body?: unknown } | undefined)?.body;
          if (typeof text !== 'string') return fail(422, 'body is required');
          if (text.length > 65_536) return fail(422, 'Body is too long (maximum is 65536 characters)');
          c.body = text;
          return reply(200, reviewCommentJson(c, base));
        }
        if (method === 'DELETE') {
          if (!mine || fake.refuseReviewCommentDelete)
            return fail(403, 'Must have admin rights to Repository.');
          fake.reviewComments = fake.reviewComments.filter((x) => x !== c);
          return reply(204);
        }
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)(\/files)?$/.exec(pathname)) && method === 'GET') {
        const pr = fake.pulls.get(Number(m[1]));
        if (!pr) return fail(404, 'Not Found');
        if (m[2]) {
          const ex = rest.example<Record<string, unknown>[]>('pulls/list-files', 200)[0];
          delete ex.patch;
          return reply(
            200,
            (pr.files ?? []).map((f) => {
              const lines = (f.patch ?? '').split('\n');
              const additions = lines.filter((l) => l.startsWith('+')).length;
              const deletions = lines.filter((l) => l.startsWith('-')).length;
              return { ...ex, ...f, additions, deletions, changes: additions + deletions };
            }),
          );
        }
        const ex = rest.example<{ head: Record<string, unknown> }>('pulls/get', 200);
        return reply(200, {
          ...ex,
          number: pr.number,
          state: 'open',
          head: { ...ex.head, sha: pr.headSha, ref: 'feature' },
          // GitHub's own example lacks `type` here, which its schema requires
          requested_teams: [],
        });
      }
      return fail(404, `fake-github: no route for ${method} ${pathname}`);
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `fake-github: ${(e as Error).message}` });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}${prefix}`;
  fake.close = async () => {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    failOnContractErrors();
  };
  return fake;
}
