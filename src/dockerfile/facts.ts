// Facts about the shipped (target) stage that several rules, the static checklist and
// the runtime probes all need: effective user, base image, health check, app ports, ENV.
// Each follows the stage chain (FROM <stage>) the way the built image inherits config.
import type { DockerfileModel, Instr, Stage } from './model.js';
import { expand, type Expansion } from './expand.js';
import { describeBaseImage, type BaseImageInfo, type TrustedBaseImage } from './base-images.js';
import { isInstall, OS_MANAGERS, pmCallsOf } from '../shell/package-managers.js';

/** Last instruction with this keyword in the target image (nearest stage of the chain first). */
export function lastInChain(model: DockerfileModel, keyword: string, stage?: Stage | null): Instr | null {
  for (const s of model.chain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      if (s.instructions[i].keyword === keyword) return s.instructions[i];
    }
  }
  return null;
}

/** All instructions of the target image in build order (root of the chain first). */
export function chainInstructions(model: DockerfileModel, stage?: Stage | null): Instr[] {
  return model
    .chain(stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

/** Stage chain instructions in build order, up to (excluding) `before` when given. */
export function chainBefore(model: DockerfileModel, stage: Stage, before?: Instr): Instr[] {
  const out: Instr[] = [];
  for (const s of model.chain(stage).reverse()) {
    for (const i of s.instructions) {
      if (i === before) return out;
      out.push(i);
    }
  }
  return out;
}

export interface EffectiveUser {
  instr: Instr;
  raw: string;
  resolved: Expansion;
  /** user part and group part after resolution */
  user: string;
  group: string | null;
}

export function effectiveUser(model: DockerfileModel, stage?: Stage | null): EffectiveUser | null {
  const instr = lastInChain(model, 'USER', stage);
  if (!instr) return null;
  const raw = instr.args.join(' ');
  const resolved = model.resolveWord(raw, instr);
  const [user, group] = splitUser(resolved.value);
  return { instr, raw, resolved, user, group };
}

export function splitUser(value: string): [string, string | null] {
  const i = value.indexOf(':');
  return i < 0 ? [value.trim(), null] : [value.slice(0, i).trim(), value.slice(i + 1).trim()];
}

export interface BaseImage {
  /** The root stage of the chain (its FROM names an external image). */
  stage: Stage;
  raw: string;
  resolved: Expansion;
  info: BaseImageInfo | null;
}

export function externalBase(
  model: DockerfileModel,
  trusted: readonly TrustedBaseImage[] = [],
  stage?: Stage | null,
): BaseImage | null {
  const chain = model.chain(stage);
  const root = chain[chain.length - 1];
  if (!root) return null;
  const resolved = root.from.resolved;
  const info = resolved.complete && resolved.value ? describeBaseImage(resolved.value, trusted) : null;
  return { stage: root, raw: root.from.raw, resolved, info };
}

export type HealthcheckTiming = 'interval' | 'timeout' | 'start-period' | 'start-interval' | 'retries';

export interface HealthcheckFact {
  instr: Instr;
  none: boolean;
  /** ["CMD", ...argv] for exec form, ["CMD-SHELL", text] for shell form, as Docker stores it. */
  test: string[];
  /** The command text, resolved, for matching. */
  command: string;
  execForm: boolean;
  /** Durations in seconds (retries as a count), only when given. */
  timings: Partial<Record<HealthcheckTiming, number>>;
  /** Raw flag values, for syntax messages. */
  rawFlags: Record<string, string | null>;
  port: number | null;
}

export function finalHealthcheck(model: DockerfileModel, stage?: Stage | null): HealthcheckFact | null {
  const instr = lastInChain(model, 'HEALTHCHECK', stage);
  return instr ? describeHealthcheck(model, instr) : null;
}

export function describeHealthcheck(model: DockerfileModel, instr: Instr): HealthcheckFact {
  const sub = (instr.args[0] ?? '').toUpperCase();
  const none = sub === 'NONE';
  const rest = instr.text.replace(/^\s*(CMD|NONE)\b\s*/i, '');
  let json: string[] | null = null;
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) json = parsed as string[];
    } catch {
      json = null;
    }
  }
  // Docker does not expand variables in HEALTHCHECK at build time: an exec-form probe gets
  // its argv verbatim, a shell-form probe is expanded by /bin/sh at run time, where only the
  // image's ENV (not ARG) exists. Flags are taken as written.
  const env = new Map(finalEnv(model, model.stageOf(instr)).map((e) => [e.key, e.value]));
  const resolved = json ? json.join(' ') : expand(rest, (n) => env.get(n), model.escapeChar).value;
  const rawFlags: Record<string, string | null> = {};
  const timings: HealthcheckFact['timings'] = {};
  for (const f of instr.flags) {
    rawFlags[f.name] = f.value;
    const v = f.value;
    if (v === null) continue;
    if (f.name === 'retries') {
      if (/^\d+$/.test(v)) timings.retries = Number(v);
    } else if (['interval', 'timeout', 'start-period', 'start-interval'].includes(f.name)) {
      const s = parseDuration(v);
      if (s !== null) timings[f.name as HealthcheckTiming] = s;
    }
  }
  return {
    instr,
    none,
    test: none ? ['NONE'] : json ? ['CMD', ...json] : ['CMD-SHELL', rest],
    command: resolved,
    execForm: json !== null,
    timings,
    rawFlags,
    port: none ? null : probePort(resolved),
  };
}

/** Go duration syntax as Docker accepts it (`1m30s`, `500ms`, `10s`). Seconds, or null when invalid. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  while ((m = re.exec(t)) !== null) {
    total += Number(m[1]) * unit[m[2]];
    pos = re.lastIndex;
  }
  return pos === t.length && pos > 0 ? total : null;
}

/** The TCP port a probe command targets: URLs, host:port, `nc -z host port`, `--port N`. */
export function probePort(command: string): number | null {
  const url = /\b(https?):\/\/(?:\[[^\]]+\]|[^\s/:'"]+)(?::(\d{1,5}))?/i.exec(command);
  if (url) return url[2] ? Number(url[2]) : url[1].toLowerCase() === 'https' ? 443 : 80;
  const hostPort = /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1):(\d{1,5})\b/.exec(command);
  if (hostPort) return Number(hostPort[1]);
  const nc = /\b(?:nc|netcat|ncat)\b[^|;&]*?\s(?:localhost|127\.0\.0\.1)\s+(\d{1,5})\b/.exec(command);
  if (nc) return Number(nc[1]);
  const flag = /(?:--port|-p)[=\s]+(\d{1,5})\b/.exec(command);
  if (flag) return Number(flag[1]);
  return null;
}

export interface AppPort {
  port: number;
  source: string;
  line: number;
}

const PORT_ENV =
  /^(PORT|APP_PORT|HTTP_PORT|SERVER_PORT|LISTEN_PORT|WEB_PORT|ASPNETCORE_HTTP_PORTS|UVICORN_PORT|GUNICORN_PORT|FLASK_RUN_PORT)$/;

/** Ports the Dockerfile says the app listens on, strongest evidence first. */
export function appPorts(model: DockerfileModel, stage?: Stage | null): AppPort[] {
  const out: AppPort[] = [];
  const add = (port: number, source: string, line: number) => {
    if (port > 0 && port < 65536 && !out.some((p) => p.port === port && p.source === source)) {
      out.push({ port, source, line });
    }
  };
  for (const key of ['ENTRYPOINT', 'CMD']) {
    const instr = lastInChain(model, key, stage);
    if (!instr) continue;
    const cmd = model.resolve(instr.json ? instr.json.join(' ') : instr.text, instr).value;
    for (const p of commandPorts(cmd)) add(p, `${key} ${p}`, instr.line);
  }
  // The base image's ENV (ASPNETCORE_HTTP_PORTS=8080 on .NET 8+) counts unless the file sets it.
  const base = externalBase(model, [], stage);
  const setHere = new Set(
    chainInstructions(model, stage)
      .filter((i) => i.keyword === 'ENV')
      .flatMap((i) => i.properties.map((p) => p.name)),
  );
  // ASPNETCORE_URLS set here overrides the image's ASPNETCORE_HTTP_PORTS.
  if (setHere.has('ASPNETCORE_URLS')) setHere.add('ASPNETCORE_HTTP_PORTS');
  for (const [key, value] of Object.entries(base?.info?.env ?? {})) {
    const n = envPort(key, value);
    if (n !== null && !setHere.has(key))
      add(n, `ENV ${key} (base image ${base!.resolved.value})`, base!.stage.line);
  }
  for (const instr of chainInstructions(model, stage)) {
    if (instr.keyword === 'ENV') {
      for (const p of instr.properties) {
        if (p.raw === null) continue;
        const n = envPort(p.name, model.resolveWord(p.raw, instr).value);
        if (n !== null) add(n, `ENV ${p.name}`, instr.line);
      }
    }
  }
  for (const instr of chainInstructions(model, stage)) {
    if (instr.keyword !== 'EXPOSE') continue;
    for (const a of instr.args) {
      const v = model.resolveWord(a, instr).value;
      const m = /^(?:[\d.]+:)?(\d{1,5})(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(v);
      if (m && (m[2] ?? 'tcp').toLowerCase() === 'tcp') add(Number(m[1]), 'EXPOSE', instr.line);
    }
  }
  return out;
}

/** The port a PORT-style variable gives (`8080`, `8080;8081`, ASPNETCORE_URLS `http://+:80`), or null. */
function envPort(name: string, value: string): number | null {
  if (name === 'ASPNETCORE_URLS') {
    const m = /^[a-z]+:\/\/[^/;:]*:(\d{1,5})/i.exec(value.trim());
    return m ? Number(m[1]) : null;
  }
  if (!PORT_ENV.test(name)) return null;
  const n = Number(value.split(/[;,]/)[0]);
  return Number.isInteger(n) && value.trim() !== '' ? n : null;
}

/** Ports in a server command line: `--port 8000`, `-p 8000`, `--bind 0.0.0.0:8000`, `-b :8000`, `--listen`. */
export function commandPorts(cmd: string): number[] {
  const out: number[] = [];
  const re =
    /(?:^|\s)(?:--port|-p|--http-port|--listen-port)(?:=|\s+)(\d{1,5})\b|(?:^|\s)(?:--bind|-b|--listen|--host-port|--addr|--address)(?:=|\s+)['"]?(?:[\w.-]*|\[[^\]]*\]):(\d{1,5})\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cmd)) !== null) out.push(Number(m[1] ?? m[2]));
  return out;
}

/** ENV of the target image in effect at its end (later ENV wins), with the line that set each key. */
export function finalEnv(
  model: DockerfileModel,
  stage?: Stage | null,
): { key: string; value: string; line: number; instr: Instr }[] {
  const env = new Map<string, { key: string; value: string; line: number; instr: Instr }>();
  for (const instr of chainInstructions(model, stage)) {
    if (instr.keyword !== 'ENV') continue;
    for (const p of instr.properties) {
      // the value as written, expanded against the scope *before* this instruction, as Docker does
      const value = p.raw === null ? '' : model.resolveWord(p.raw, instr).value;
      env.set(p.name, { key: p.name, value, line: instr.line, instr });
    }
  }
  return [...env.values()];
}

/** Words of a RUN's shell text(s), heredoc bodies included, for simple "is X installed" questions. */
export function runText(instr: Instr): string {
  if (instr.json) return instr.json.join(' ');
  return [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
}

/** Does a RUN in the target image install this OS package (apt/apk/yum/dnf/microdnf/tdnf/zypper)? */
export function installsPackage(model: DockerfileModel, pkg: string, stage?: Stage | null): Instr | null {
  for (const instr of chainInstructions(model, stage)) {
    if (instr.keyword !== 'RUN') continue;
    for (const call of pmCallsOf(instr, model)) {
      if (!OS_MANAGERS.has(call.manager) || !isInstall(call)) continue;
      // `curl=8.5.0-r0`, `wget>1.21`: the package name without its version
      if (call.operands.some((w) => w.replace(/[=<>].*$/, '') === pkg)) return instr;
    }
  }
  return null;
}
