// A lowercase id for everything one run creates (tags, labels, state): unique per run,
// attempt and process, so two runs on one engine never touch each other's objects.
import { randomBytes } from 'node:crypto';

export function newRunId(env: NodeJS.ProcessEnv = process.env): string {
  const parts = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean);
  parts.push(randomBytes(4).toString('hex'));
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '');
}
