// The job summary: the renderer's markdown appended to $GITHUB_STEP_SUMMARY. The renderer
// already bounds the size (SUMMARY_BUDGET_BYTES); this only refuses to write more than the
// step limit in case a caller passes something else.
import * as core from '@actions/core';

export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Throws when the summary file is missing or unwritable; publish() turns that into a warning. */
export async function writeJobSummary(markdown: string): Promise<void> {
  const size = Buffer.byteLength(markdown, 'utf8');
  if (size > SUMMARY_LIMIT_BYTES) {
    throw new Error(`the summary is ${size} bytes, over the 1 MiB step limit`);
  }
  core.summary.emptyBuffer();
  await core.summary.addRaw(markdown, true).write();
}
