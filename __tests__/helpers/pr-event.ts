// The environment of a `pull_request` run against the fake GitHub: an event payload for PR
// `pr` at `headSha` of acme/shop, written into the workspace, and the variables that point the
// action at it and at the fake's REST and GraphQL endpoints.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export function prEventEnv(opts: {
  workspace: string;
  apiUrl: string;
  pr: number;
  headSha: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  const event = path.join(opts.workspace, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: opts.pr,
      pull_request: { number: opts.pr, head: { sha: opts.headSha, ref: 'feature' }, base: { ref: 'main' } },
      repository: { name: 'shop', owner: { login: 'acme' } },
    }),
  );
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_GRAPHQL_URL: `${opts.apiUrl}/graphql`,
    GITHUB_REPOSITORY: 'acme/shop',
    ...opts.extra,
  };
}
