// The GitHub REST/GraphQL client: @actions/github's Octokit (proxy-aware fetch) with the
// retry plugin (5xx) and the throttling plugin (secondary rate limits), both bounded:
// a few retries, and one deadline for every request the client makes, so a slow or
// failing API delays the step by a bounded time and then becomes a warning.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** REST base URL; defaults to GITHUB_API_URL (GHES, tests), else api.github.com. */
  baseUrl?: string;
  /** Retries per request after a 5xx or a secondary rate limit. */
  retries?: number;
  /** Retry back-off unit: the n-th retry waits n² × this (plugin-retry). */
  retryBaseMs?: number;
  /** Every request made after this many ms from creation is aborted. */
  deadlineMs?: number;
  /**
   * Minimum ms between two writes (and GraphQL queries); writes that notify people (new
   * comments) wait three times as long. GitHub asks integrations for 1 s between writes;
   * tests against a local server use 0.
   */
  writeSpacingMs?: number;
}

export const DEFAULT_CLIENT_OPTIONS = {
  retries: 3,
  retryBaseMs: 1000,
  deadlineMs: 60_000,
  writeSpacingMs: 1000,
} as const;

// One limiter pair per spacing, shared by every client of the process as the plugin's own are.
const writeLimiters = new Map<number, { write: Bottleneck.Group; notifications: Bottleneck.Group }>();

/** The throttling plugin's write and notification limiters, spaced as asked (its own when the default). */
function writeLimitersFor(spacingMs: number): { write?: Bottleneck.Group; notifications?: Bottleneck.Group } {
  if (spacingMs === DEFAULT_CLIENT_OPTIONS.writeSpacingMs) return {};
  let limiters = writeLimiters.get(spacingMs);
  if (!limiters) {
    limiters = {
      write: new Bottleneck.Group({ id: `hc-write-${spacingMs}`, maxConcurrent: 1, minTime: spacingMs }),
      notifications: new Bottleneck.Group({
        id: `hc-notifications-${spacingMs}`,
        maxConcurrent: 1,
        minTime: spacingMs * 3,
      }),
    };
    writeLimiters.set(spacingMs, limiters);
  }
  return limiters;
}

export function createGitHubClient(token: string, options: ClientOptions = {}): GitHubClient {
  const retries = options.retries ?? DEFAULT_CLIENT_OPTIONS.retries;
  const retryBaseMs = options.retryBaseMs ?? DEFAULT_CLIENT_OPTIONS.retryBaseMs;
  const deadlineMs = options.deadlineMs ?? DEFAULT_CLIENT_OPTIONS.deadlineMs;
  const started = Date.now();
  // AbortSignal.timeout does not keep the process alive.
  const deadline = AbortSignal.timeout(deadlineMs);
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL;

  // Wait out a rate limit only when the wait ends before the deadline.
  const shouldWait = (retryAfterSeconds: number, retryCount: number): boolean =>
    retryCount < retries && Date.now() - started + retryAfterSeconds * retryBaseMs < deadlineMs;

  const octokit = getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl } : {}),
      retry: { retries, retryAfterBaseValue: retryBaseMs },
      throttle: {
        ...writeLimitersFor(options.writeSpacingMs ?? DEFAULT_CLIENT_OPTIONS.writeSpacingMs),
        retryAfterBaseValue: retryBaseMs,
        fallbackSecondaryRateRetryAfter: 5,
        onRateLimit: (retryAfter: number, _options: unknown, _o: unknown, retryCount: number) =>
          shouldWait(retryAfter, retryCount),
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _o: unknown, retryCount: number) =>
          shouldWait(retryAfter, retryCount),
      },
      // Octokit logs every failed request at warn level; our caller reports once instead.
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    },
    retry,
    throttling,
  );
  octokit.hook.before('request', (opts) => {
    (opts.request as { signal?: AbortSignal }).signal = deadline;
  });
  return octokit;
}
