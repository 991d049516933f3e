// Paths as GitHub wants them in annotations and SARIF: relative to the repository
// root (GITHUB_WORKSPACE), POSIX separators, no leading "./".
import * as path from 'node:path';

export function toRepoPath(file: string, workspace?: string): string {
  let p = file;
  if (workspace && (path.isAbsolute(p) || path.win32.isAbsolute(p))) {
    const rel = path.relative(workspace, p);
    // Outside the workspace: keep the absolute path rather than invent "../.." URIs.
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) p = rel;
  }
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
