// Does a value given with `docker run -e` reach the app? We start the verification
// container with overrides and read the environment each container process really got
// from the host's /proc/<pid>/environ (works on scratch). An entrypoint script that
// re-exports the variable shows up as a different value in the process it exec'd.
import { randomBytes } from 'node:crypto';
import type { StaticFacts } from './types.js';
import { secretNameMatch } from '../secrets/detect.js';

/**
 * Keys never overridden with a sentinel, because a wrong value breaks the process
 * before it can prove anything (loader paths, locale, runtime homes, network binding).
 * Documented in docs/rules/HC312.md.
 */
export const ENV_DENYLIST: readonly RegExp[] = [
  /^(PATH|HOME|USER|LOGNAME|SHELL|PWD|HOSTNAME|TERM|TZ|LANG|LANGUAGE|DEBIAN_FRONTEND)$/,
  /^LC_/,
  /^LD_/,
  /^SSL_/,
  /^(PYTHON|PIP_|VIRTUAL_ENV|NODE_|NPM_|YARN_|JAVA_|JDK_|JRE_|MAVEN_|GRADLE_|GO|CARGO_|RUSTUP_|RUBY|GEM_|BUNDLE_|PHP|DOTNET_|ASPNETCORE_|CONDA|UV_|POETRY_)/,
  /_HOME$/,
  /(^|_)(PATH|DIR|ROOT)$/,
  /(^|_)(PORT|HOST|ADDR|ADDRESS|BIND|LISTEN)$/,
  /_VERSION$/,
];

/** When nothing else is left to prove with. */
export const FALLBACK_KEY = 'HARDEN_CHECK_SENTINEL';

export interface OverrideChoice {
  overrides: Record<string, string>;
  /** true: derived by us (sentinels), false: given by the user. */
  derived: boolean;
  skipped: { key: string; reason: string }[];
}

export interface OverrideContext {
  given: Record<string, string>;
  facts: StaticFacts;
  /** Config.Env of the image (KEY=VALUE), used when facts has no ENV (image mode). */
  imageEnv: string[];
  /** The HEALTHCHECK test (its CMD-SHELL may expand $KEY). */
  healthTest: string[] | null;
  /** Ports the app / probe use: a key whose value is one of them is left alone. */
  ports: number[];
}

export function sentinel(): string {
  return `hc-sentinel-${randomBytes(4).toString('hex')}`;
}

export function chooseOverrides(ctx: OverrideContext): OverrideChoice {
  if (Object.keys(ctx.given).length > 0) return { overrides: { ...ctx.given }, derived: false, skipped: [] };
  const skipped: OverrideChoice['skipped'] = [];
  const overrides: Record<string, string> = {};
  const candidates: { key: string; value: string; secret: boolean }[] =
    ctx.facts.env.length > 0
      ? ctx.facts.env.map((e) => ({ key: e.key, value: e.value, secret: e.secret }))
      : ctx.imageEnv.map((kv) => {
          const i = kv.indexOf('=');
          const key = i < 0 ? kv : kv.slice(0, i);
          return { key, value: i < 0 ? '' : kv.slice(i + 1), secret: secretNameMatch(key) !== null };
        });
  const healthText = (ctx.healthTest ?? []).join(' ');
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    if (c.secret || secretNameMatch(c.key)) {
      skipped.push({ key: c.key, reason: 'looks secret: never echoed or replaced' });
    } else if (ENV_DENYLIST.some((re) => re.test(c.key))) {
      skipped.push({ key: c.key, reason: 'runtime/locale/network setting: a sentinel would break the app' });
    } else if (new RegExp(`\\$\\{?${c.key}\\b`).test(healthText)) {
      skipped.push({ key: c.key, reason: 'the HEALTHCHECK uses it' });
    } else if (/^\d+$/.test(c.value.trim()) && ctx.ports.includes(Number(c.value.trim()))) {
      skipped.push({ key: c.key, reason: `its value ${c.value.trim()} is the app/HEALTHCHECK port` });
    } else if (/^(\d+(\.\d+)?|true|false|yes|no|on|off)$/i.test(c.value.trim())) {
      skipped.push({ key: c.key, reason: 'number/boolean value: a sentinel string could stop the app' });
    } else {
      overrides[c.key] = sentinel();
    }
  }
  if (Object.keys(overrides).length === 0) overrides[FALLBACK_KEY] = sentinel();
  return { overrides, derived: true, skipped };
}

/** /proc/<pid>/environ: NUL-separated KEY=VALUE. */
export function parseEnviron(raw: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of raw.split('\0')) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

export interface ProcessEnv {
  pid: number;
  comm: string;
  /** null: could not be read. */
  env: Record<string, string> | null;
}

export interface EnvVerdict {
  honoured: string[];
  /** Key, the value the process has instead (masked by the caller if needed), and where. */
  replaced: { key: string; seen: string | null; comm: string }[];
  unreadable: boolean;
}

/**
 * Honoured: PID 1 has the value we passed and no other process has another one.
 * Replaced: some process (the app an entrypoint exec'd or started) sees a different
 * value or none.
 */
export function judgeOverrides(overrides: Record<string, string>, procs: ProcessEnv[]): EnvVerdict {
  const readable = procs.filter((p) => p.env !== null);
  if (readable.length === 0) return { honoured: [], replaced: [], unreadable: true };
  const honoured: string[] = [];
  const replaced: EnvVerdict['replaced'] = [];
  for (const [key, want] of Object.entries(overrides)) {
    const bad = readable.find((p) => p.env![key] !== want);
    if (bad) replaced.push({ key, seen: bad.env![key] ?? null, comm: bad.comm });
    else honoured.push(key);
  }
  return { honoured, replaced, unreadable: false };
}
