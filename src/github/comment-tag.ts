// The comment tag tells the comments of several jobs apart (a matrix over Dockerfiles).
// Default: the Dockerfile path(s) as the user wrote them, so it is stable across runs.
import { createHash } from 'node:crypto';
import { sanitizeTag } from '../report/markdown.js';

export function deriveCommentTag(dockerfiles: readonly string[]): string {
  const paths = [...new Set(dockerfiles.map((p) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '')))].sort();
  if (paths.length === 0) return 'Dockerfile';
  const joined = paths.join('+');
  if (joined.length <= 80) return sanitizeTag(joined);
  const hash = createHash('sha256').update(joined).digest('hex').slice(0, 10);
  return sanitizeTag(`${paths[0].slice(0, 50)}+${paths.length - 1}-more-${hash}`);
}

/** The `comment-tag` input when given, else the derived default; always sanitized. */
export function commentTag(input: string, dockerfiles: readonly string[]): string {
  return input.trim() ? sanitizeTag(input.trim()) : deriveCommentTag(dockerfiles);
}
