// `docker diff`: what a container added (A), changed (C) or deleted (D) against its image.
import { docker } from './exec.js';

/** The raw listing, or null when the engine cannot give it. */
export async function containerDiff(id: string): Promise<string | null> {
  const out = await docker(['diff', id]);
  return out.exitCode === 0 ? out.stdout : null;
}
