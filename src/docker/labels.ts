// Everything a run creates carries this label, so the post step can find and remove
// exactly that (and never anything else) even when the main step was killed.
export const RUN_LABEL = 'harden-check.run';

export function runFilter(runId: string): string {
  return `label=${RUN_LABEL}=${runId}`;
}
