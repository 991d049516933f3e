// A GitHub-shaped HTTP server for tests: a real node:http server on 127.0.0.1 (port 0),
// so Octokit's own fetch (undici with a proxy dispatcher) reaches it as it would reach
// api.github.com. It answers the few endpoints harden-check uses, records every request,
// and can fail the next N requests on purpose. Bounded: it never loops, never calls out,
// and refuses everything after `maxRequests` so a runaway client fails fast.
//
//   const gh = await startFakeGitHub();           // gh.url → GITHUB_API_URL
//   gh.addComments(150);                          // a crowded PR
//   gh.failNext(1, 502);                          // the next request gets a 502
//   ...; gh.requests                              // what the client sent
//   await gh.close();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface FakePull {
  number: number;
  headSha: string;
  files?: { filename: string; status: string; patch?: string }[];
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL / getOctokit({ baseUrl }). */
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  pulls: Map<number, FakePull>;
  /** The identity the token authenticates as. */
  self: FakeUser;
  /** When true, POST /graphql answers 502. */
  graphqlFails: boolean;
  /** Called for every request after it is recorded and before it is answered (race simulation). */
  onRequest?: (req: RecordedRequest) => void;
  failNext(count: number, spec: FailureSpec | number): void;
  /** Forget comments, pulls, recorded requests, pending failures and hooks (between tests). */
  reset(): void;
  addComment(c: { issueNumber?: number; body: string; user?: FakeUser }): FakeComment;
  /** Pre-populate `count` comments by another user (a crowded PR). */
  addComments(
    count: number,
    opts?: { issueNumber?: number; user?: FakeUser; body?: (i: number) => string },
  ): void;
  commentsOn(issueNumber: number): FakeComment[];
  /** Requests other than the GraphQL viewer query, as "METHOD /path". */
  calls(): string[];
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

  const fake: FakeGitHub = {
    url: '',
    requests: [],
    comments: [],
    pulls: new Map(),
    self: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    graphqlFails: false,
    failNext(count, spec) {
      failures.push({ remaining: count, spec: typeof spec === 'number' ? { status: spec } : spec });
    },
    reset() {
      fake.comments = [];
      fake.requests.length = 0;
      fake.pulls.clear();
      fake.graphqlFails = false;
      fake.onRequest = undefined;
      failures.length = 0;
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
    calls() {
      return fake.requests.filter((r) => r.path !== '/graphql').map((r) => `${r.method} ${r.path}`);
    },
    close: async () => {},
  };

  const commentJson = (c: FakeComment, base: string) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/o/r/issues/comments/${c.id}`,
    html_url: `https://github.example/o/r/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: { login: c.user.login, id: c.user.login.length, type: c.user.type },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });

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
      const method = (req.method ?? 'GET').toUpperCase();
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        /* keep the raw text */
      }
      const record: RecordedRequest = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        bodyLength: raw.length,
        headers: req.headers,
        status: 0,
      };
      fake.requests.push(record);
      fake.onRequest?.(record);
      const reply = (status: number, data?: unknown, headers?: Record<string, string>) => {
        record.status = status;
        send(res, status, data, headers);
      };
      const base = `http://${req.headers.host ?? '127.0.0.1'}`;

      if (fake.requests.length > maxRequests)
        return reply(500, { message: 'fake-github: request budget exhausted' });
      const failure = takeFailure(method, url.pathname);
      if (failure) {
        return reply(
          failure.status,
          { message: failure.message ?? `fake failure ${failure.status}` },
          failure.headers,
        );
      }

      let m: RegExpExecArray | null;
      if (method === 'POST' && url.pathname === '/graphql') {
        if (fake.graphqlFails) return reply(502, { message: 'Bad gateway' });
        const query = (body as { query?: string } | undefined)?.query ?? '';
        if (/viewer\s*\{\s*login/.test(query))
          return reply(200, { data: { viewer: { login: viewerLogin } } });
        return reply(200, { data: null, errors: [{ message: 'fake-github: unsupported query' }] });
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
        const issueNumber = Number(m[1]);
        if (method === 'GET') {
          const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
          const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
          const all = fake.commentsOn(issueNumber);
          const last = Math.max(1, Math.ceil(all.length / perPage));
          const slice = all.slice((page - 1) * perPage, page * perPage);
          const link = (p: number) => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>`;
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
          if (typeof text !== 'string') return reply(422, { message: 'body is required' });
          if (text.length > 65_536)
            return reply(422, { message: 'Body is too long (maximum is 65536 characters)' });
          return reply(201, commentJson(fake.addComment({ issueNumber, body: text }), base));
        }
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
        const c = fake.comments.find((x) => x.id === Number(m![1]));
        if (!c) return reply(404, { message: 'Not Found' });
        if (method === 'PATCH') {
          if (c.user.login !== fake.self.login)
            return reply(403, { message: 'Must have admin rights to Repository.' });
          const text = (body as { body?: unknown } | undefined)?.body;
          if (typeof text !== 'string') return reply(422, { message: 'body is required' });
          if (text.length > 65_536)
            return reply(422, { message: 'Body is too long (maximum is 65536 characters)' });
          c.body = text;
          return reply(200, commentJson(c, base));
        }
        if (method === 'DELETE') {
          if (c.user.login !== fake.self.login)
            return reply(403, { message: 'Must have admin rights to Repository.' });
          fake.comments = fake.comments.filter((x) => x !== c);
          return reply(204);
        }
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)(\/files)?$/.exec(url.pathname)) && method === 'GET') {
        const pr = fake.pulls.get(Number(m[1]));
        if (!pr) return reply(404, { message: 'Not Found' });
        if (m[2]) return reply(200, pr.files ?? []);
        return reply(200, { number: pr.number, state: 'open', head: { sha: pr.headSha, ref: 'feature' } });
      }
      return reply(404, { message: `fake-github: no route for ${method} ${url.pathname}` });
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `fake-github: ${(e as Error).message}` });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
