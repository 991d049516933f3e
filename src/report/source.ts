// Reading Dockerfile lines for SARIF fingerprints and review placement, relative to the workspace.
// Cached per file; a file that cannot be read gives undefined, never an exception.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Reads a repository file as lines, or undefined when it cannot be read. */
export type SourceReader = (file: string) => string[] | undefined;

export function fileSourceReader(workspace: string): SourceReader {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        const abs = path.isAbsolute(file) ? file : path.join(workspace, file);
        cache.set(file, readFileSync(abs, 'utf8').split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}
