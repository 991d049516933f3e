// The token's own login, asked once per run: the sticky comment and the review each need it
// to tell our comments from others', and each makes its own client, so the answer is kept per
// API URL and token (a second GraphQL call would cost about a second of throttling). A failed
// query is kept too: asking again would only wait out the same failure twice.
import { createHash } from 'node:crypto';
import type { GitHubClient } from './client.js';

const logins = new Map<string, Promise<string | null>>();

async function ask(octokit: GitHubClient, debug: (message: string) => void): Promise<string | null> {
  try {
    const res = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    return typeof res.viewer?.login === 'string' ? res.viewer.login : null;
  } catch (e) {
    debug(`viewer query failed, matching comments by marker alone: ${(e as Error).message}`);
    return null;
  }
}

/** Same API and same token: the same identity. The token itself is not kept, only its hash. */
async function identityKey(octokit: GitHubClient): Promise<string> {
  const auth = (await octokit.auth()) as { token?: string };
  const token = createHash('sha256')
    .update(auth.token ?? '')
    .digest('hex');
  return `${octokit.request.endpoint.DEFAULTS.baseUrl}\n${token}`;
}

/** The token's own login via GraphQL `viewer` (REST /user is 403 for installation tokens), or null. */
export async function viewerLogin(
  octokit: GitHubClient,
  debug: (message: string) => void = () => undefined,
): Promise<string | null> {
  const key = await identityKey(octokit);
  let login = logins.get(key);
  if (!login) {
    login = ask(octokit, debug);
    logins.set(key, login);
  }
  return login;
}
