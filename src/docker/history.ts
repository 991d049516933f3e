// `docker history`: the command that created each layer. Build args used by a RUN show
// up here (`|1 NPM_TOKEN=... /bin/sh -c ...`), and ENV values later overwritten in
// Config.Env survive here too.
import { dockerOk } from './exec.js';

export interface HistoryEntry {
  createdBy: string;
  comment: string;
}

export function parseHistory(stdout: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    try {
      const j = JSON.parse(line) as { CreatedBy?: string; Comment?: string };
      out.push({ createdBy: String(j.CreatedBy ?? ''), comment: String(j.Comment ?? '') });
    } catch {
      // a line that is not JSON (client warnings): not history
    }
  }
  return out;
}

export async function imageHistory(ref: string): Promise<HistoryEntry[]> {
  return parseHistory(await dockerOk(['history', '--no-trunc', '--format', '{{json .}}', ref]));
}
