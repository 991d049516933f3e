// Credentials baked into the image: Config.Env (what every container starts with) and
// `docker history` (build args consumed by RUN appear as `|N KEY=value ...`; ENV values
// overwritten later survive in their layer's CreatedBy). Uses the shared detector;
// only masked values leave this module.
import { findSecretValues, isPlaceholder, maskSecret, secretNameMatch } from '../secrets/detect.js';
import type { HistoryEntry } from '../docker/history.js';

export interface SecretHit {
  /** Variable name when known. */
  key: string | null;
  /** Masked value, safe to print. */
  masked: string;
  /** Why: 'name' (secret-looking name with a literal value) or a provider pattern kind. */
  reason: string;
  where: ('image Config.Env' | 'docker history')[];
  /** The raw value, kept only to mask other text; never rendered. */
  raw: string;
}

function judgePair(key: string, value: string): { reason: string } | null {
  const byValue = findSecretValues(value);
  if (byValue.length > 0) return { reason: byValue[0].kind };
  const token = secretNameMatch(key);
  if (token && !isPlaceholder(value)) return { reason: `name contains "${token}"` };
  return null;
}

function splitPair(kv: string): [string, string] | null {
  const i = kv.indexOf('=');
  if (i <= 0) return null;
  return [kv.slice(0, i), kv.slice(i + 1)];
}

/** KEY=VALUE pairs a history line carries: `|N K=V ...` build args and ENV instructions. */
export function historyPairs(createdBy: string): [string, string][] {
  const out: [string, string][] = [];
  const args = /(?:^|\s)\|(\d+)\s+(.*)$/.exec(createdBy);
  if (args) {
    const n = Number(args[1]);
    const words = args[2].split(/\s+/);
    for (const w of words.slice(0, n)) {
      const p = splitPair(w);
      if (p) out.push(p);
    }
  }
  const env = /(?:#\(nop\)\s+|^)ENV\s+(.*)$/.exec(createdBy.trim());
  if (env) {
    for (const w of env[1].split(/\s+/)) {
      const p = splitPair(w);
      if (p) out.push([p[0], p[1].replace(/^(['"])(.*)\1$/, '$2')]);
    }
  }
  return out;
}

export function scanImageSecrets(configEnv: string[], history: HistoryEntry[]): SecretHit[] {
  const hits = new Map<string, SecretHit>();
  const add = (key: string | null, value: string, reason: string, where: SecretHit['where'][number]) => {
    const id = `${key ?? ''}=${value}`;
    const h = hits.get(id);
    if (h) {
      if (!h.where.includes(where)) h.where.push(where);
      return;
    }
    hits.set(id, { key, masked: maskSecret(value), reason, where: [where], raw: value });
  };
  for (const kv of configEnv) {
    const p = splitPair(kv);
    if (!p) continue;
    const j = judgePair(p[0], p[1]);
    if (j) add(p[0], p[1], j.reason, 'image Config.Env');
  }
  for (const h of history) {
    const pairValues = new Set<string>();
    for (const [k, v] of historyPairs(h.createdBy)) {
      const j = judgePair(k, v);
      if (j) {
        add(k, v, j.reason, 'docker history');
        pairValues.add(v);
      }
    }
    // Credentials anywhere else in the command (e.g. a token in a curl URL).
    for (const m of findSecretValues(h.createdBy)) {
      const v = h.createdBy.slice(m.index, m.index + m.length);
      if ([...pairValues].some((pv) => pv.includes(v))) continue;
      add(null, v, m.kind, 'docker history');
    }
  }
  return [...hits.values()];
}

export function describeHit(h: SecretHit): string {
  const what = h.key ? `${h.key}=${h.masked}` : h.masked;
  return `${what} (${h.reason}; ${h.where.join(', ')})`;
}
