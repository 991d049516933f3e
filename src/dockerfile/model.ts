// The Dockerfile model every rule reads: stages and their chains, the target stage,
// instructions with 1-based line ranges, flags, exec (JSON) vs shell form, heredocs,
// and variable scopes that follow Docker's ARG/ENV rules. Built once per file.
import { DockerfileParser, type Flag, type Instruction } from 'dockerfile-ast';
import { expand, expandWord, type Expansion } from './expand.js';
import { describeBaseImage } from './base-images.js';
import { instructionWords, leadingFlagsLength } from './instruction-words.js';

export interface Heredoc {
  name: string;
  body: string;
}

export interface Instr {
  /** Upper-case keyword (`RUN`, `USER`, ...). */
  keyword: string;
  /** 1-based first and last line (continuations and heredocs included). */
  line: number;
  endLine: number;
  /** Argument words as written (flags removed), unresolved. */
  args: string[];
  /** The argument text with continuations joined, flags removed, as written. */
  text: string;
  /** Flags such as --chown, --from, --interval, in order. */
  flags: { name: string; value: string | null; line: number }[];
  /** The exec-form array when the instruction is written as valid JSON, else null. */
  json: string[] | null;
  heredocs: Heredoc[];
  /** Index of the stage (-1 for instructions before the first FROM). */
  stageIndex: number;
  /**
   * ENV, ARG and LABEL declarations: `value` with quotes and escapes removed (not expanded),
   * `raw` as written; null when declared without a value (`ARG NAME`).
   */
  properties: { name: string; value: string | null; raw: string | null }[];
  /** The dockerfile-ast node, for the rare rule that needs ranges. */
  node: Instruction;
}

export interface FromInfo {
  /** Image reference as written (`${BASE}`, `python:3.12-slim`, `build`). */
  raw: string;
  /** After resolving global ARGs (and build args). */
  resolved: Expansion;
  /** The stage this FROM builds on, when it names an earlier stage. */
  stageRef: number | null;
  platform: string | null;
}

export interface Stage {
  index: number;
  /** Lower-cased stage name (`AS build`), or null. */
  name: string | null;
  from: FromInfo;
  fromInstr: Instr;
  instructions: Instr[];
  line: number;
  endLine: number;
}

export interface Directive {
  name: string;
  value: string;
  line: number;
}

export interface CommentLine {
  line: number;
  text: string;
}

export interface VarScope {
  /** Value, null (declared without value), or undefined (not in scope). */
  get(name: string): string | null | undefined;
  /** Where a name was defined: the instruction, and whether by ARG or ENV. */
  origin(name: string): { kind: 'ARG' | 'ENV' | 'BUILD-ARG' | 'GLOBAL-ARG'; line: number } | undefined;
}

export interface DockerfileModel {
  path: string;
  text: string;
  lines: string[];
  escapeChar: string;
  directives: Directive[];
  comments: CommentLine[];
  /** Instructions before the first FROM (global ARGs). */
  preamble: Instr[];
  stages: Stage[];
  instructions: Instr[];
  /** The stage that ships: the `target` option, else the last one. */
  target: Stage | null;
  /** Build args given to the run (they override ARG defaults). */
  buildArgs: Record<string, string>;
  /** The target stage and the stages it builds FROM, nearest first. */
  chain(stage?: Stage | null): Stage[];
  /** The stage an instruction belongs to. */
  stageOf(instr: Instr): Stage | null;
  /** Variables visible to an instruction (ENV inherited through FROM <stage>). */
  scope(instr: Instr): VarScope;
  /** Expand $VARS in a text at that instruction (quotes kept: for shell text and processed values). */
  resolve(text: string, instr: Instr): Expansion;
  /**
   * One instruction word as Docker reads it (USER, FROM, WORKDIR, EXPOSE, COPY paths, flags):
   * variables expanded, then quotes removed (`"$UID:$UID"` → `0:0`), nothing inside '…' expanded.
   */
  resolveWord(text: string, instr: Instr): Expansion;
  /** Find a stage by name (case-insensitive) or numeric index. */
  stageByRef(ref: string): Stage | null;
}

export interface ParseOptions {
  target?: string;
  buildArgs?: Record<string, string>;
  /** `--platform` of the build (`linux/arm64`); default: the platform the build runs on. */
  platform?: string;
  /** The platform the build runs on (`linux/amd64`); default: this machine's. */
  buildPlatform?: string;
}

/** Docker's predefined build args: usable without declaration (proxy args) or after `ARG NAME`. */
export const PREDEFINED_ARGS = new Set([
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
]);
export const PLATFORM_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
]);

/** `x64` → `amd64` and friends: Node's names for CPU architectures in Docker's (GOARCH) spelling. */
const GOARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/** The platform this process runs on, as Docker names it (`linux/amd64`). */
export function hostPlatform(): string {
  return `linux/${GOARCH[process.arch] ?? 'amd64'}`;
}

/**
 * BuildKit's automatic platform build args for a target and a build platform (`linux/arm/v7`
 * → TARGETOS=linux, TARGETARCH=arm, TARGETVARIANT=v7). BuildKit gives them a value on every
 * build: global scope (FROM lines) sees them undeclared; a stage sees them after `ARG NAME`.
 * A declared default wins over the automatic value (checked on BuildKit; the legacy builder
 * leaves them all empty, but runners build with BuildKit).
 */
export function platformArgs(target: string, build: string): Record<string, string> {
  const split = (p: string): [string, string, string] => {
    const [os = 'linux', arch = 'amd64', variant = ''] = p.trim().toLowerCase().split('/');
    return [os, arch, variant];
  };
  const [tos, tarch, tvar] = split(target);
  const [bos, barch, bvar] = split(build);
  const join = (os: string, arch: string, v: string) => [os, arch, v].filter(Boolean).join('/');
  return {
    TARGETPLATFORM: join(tos, tarch, tvar),
    TARGETOS: tos,
    TARGETARCH: tarch,
    TARGETVARIANT: tvar,
    BUILDPLATFORM: join(bos, barch, bvar),
    BUILDOS: bos,
    BUILDARCH: barch,
    BUILDVARIANT: bvar,
  };
}

/** The first platform a `--platform` build flag names (`--platform=linux/arm64,linux/amd64`), or null. */
export function platformFromFlags(flags: readonly string[]): string | null {
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i].trim();
    const m = /^--platform(?:=(.*))?$/.exec(f);
    if (!m) continue;
    const v = m[1] ?? flags[i + 1] ?? '';
    const first = v.split(',')[0].trim();
    if (first) return first;
  }
  return null;
}

import { TargetNotFoundError } from './errors.js';
export { TargetNotFoundError };

/**
 * A UTF-8 BOM is not part of the first instruction. Drop every leading one: dockerfile-ast
 * and dockerfile-utils loop forever on two BOMs followed by a variable (found by the fuzz
 * suite); lines are unchanged.
 */
export function withoutBom(text: string): string {
  return text.replace(/^\uFEFF+/, '');
}

const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

export function parseDockerfile(path: string, text: string, opts: ParseOptions = {}): DockerfileModel {
  const body = withoutBom(text);
  const ast = DockerfileParser.parse(body);
  const lines = body.split(/\r?\n|\r/);
  const escapeChar = ast.getEscapeCharacter();
  const buildArgs = opts.buildArgs ?? {};
  const buildPlatform = opts.buildPlatform ?? hostPlatform();
  const platform = platformArgs(opts.platform ?? buildPlatform, buildPlatform);

  const allDirectives: Directive[] = ast.getDirectives().map((d) => ({
    name: d.getName(),
    value: d.getValue(),
    line: d.getRange().start.line + 1,
  }));
  // dockerfile-ast reads any `# key=value` on the first lines as a directive; only these
  // are directives to Docker, the rest (e.g. `# harden-check ignore=HC101`) are comments.
  const directives = allDirectives.filter((d) => KNOWN_DIRECTIVES.has(d.name.toLowerCase()));
  const comments: CommentLine[] = [
    ...allDirectives
      .filter((d) => !KNOWN_DIRECTIVES.has(d.name.toLowerCase()))
      .map((d) => ({ line: d.line, text: (lines[d.line - 1] ?? '').trim() })),
    ...ast.getComments().map((c) => ({
      line: c.getRange().start.line + 1,
      text: c.getContent() ?? '',
    })),
  ].sort((a, b) => a.line - b.line);

  const preamble: Instr[] = [];
  const stages: Stage[] = [];
  const all: Instr[] = [];
  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const instr = toInstr(node, keyword, stages.length - (keyword === 'FROM' ? 0 : 1), escapeChar);
    all.push(instr);
    if (keyword === 'FROM') {
      stages.push({
        index: stages.length,
        name: null,
        from: { raw: '', resolved: expand('', () => undefined), stageRef: null, platform: null },
        fromInstr: instr,
        instructions: [],
        line: instr.line,
        endLine: instr.endLine,
      });
      const stage = stages[stages.length - 1];
      const asIdx = instr.args.findIndex((a) => a.toLowerCase() === 'as');
      stage.name = asIdx >= 0 && instr.args[asIdx + 1] ? instr.args[asIdx + 1].toLowerCase() : null;
    } else if (stages.length === 0) {
      preamble.push(instr);
      continue;
    }
    const stage = stages[stages.length - 1];
    stage.instructions.push(instr);
    stage.endLine = instr.endLine;
  }

  // Global ARGs: visible to FROM lines, and to a stage only when redeclared there.
  const globalArgs = new Map<string, { value: string | null; line: number }>();
  const expandGlobal = (raw: string): string =>
    expandWord(raw, (n) => (globalArgs.has(n) ? globalArgs.get(n)!.value : undefined), escapeChar).value;
  for (const instr of preamble) {
    if (instr.keyword !== 'ARG') continue;
    for (const p of instr.properties) {
      const value =
        p.name in buildArgs
          ? buildArgs[p.name]
          : p.raw !== null
            ? expandGlobal(p.raw)
            : PLATFORM_ARGS.has(p.name)
              ? platform[p.name]
              : null;
      globalArgs.set(p.name, { value, line: instr.line });
    }
  }
  const globalLookup = (name: string): string | null | undefined => {
    const g = globalArgs.get(name);
    if (g) return g.value;
    if (PLATFORM_ARGS.has(name)) return name in buildArgs ? buildArgs[name] : platform[name];
    return undefined;
  };

  for (const stage of stages) {
    const words = stage.fromInstr.args;
    const asIdx = words.findIndex((a) => a.toLowerCase() === 'as');
    const raw = (asIdx >= 0 ? words.slice(0, asIdx) : words)[0] ?? '';
    const resolved = expandWord(raw, globalLookup, escapeChar);
    const ref = resolved.value.toLowerCase();
    const earlier = stages.slice(0, stage.index).find((s) => s.name !== null && s.name === ref);
    stage.from = {
      raw,
      resolved,
      stageRef: earlier ? earlier.index : null,
      platform: stage.fromInstr.flags.find((f) => f.name === 'platform')?.value ?? null,
    };
  }

  // Scopes: walk each stage once; every instruction sees the variables as they were before
  // it (a versioned map: copying the map at every ARG/ENV was quadratic in the file's size).
  const scopeOf = new Map<Instr, VarView<Entry>>();
  // Per stage at its end: every variable (ARGs included) and the image config's ENV.
  const stageEnd = new Map<number, { vars: Map<string, Entry>; config: Map<string, Entry> }>();
  for (const stage of stages) {
    const vars = new VersionedVars<Entry>();
    const config = new Map<string, Entry>();
    const setEnv = (name: string, e: Entry) => {
      vars.set(name, e);
      config.set(name, e);
    };
    // An external base brings its config ENV (`USER $APP_UID` on the .NET images is 1654).
    if (stage.from.stageRef === null && stage.from.resolved.complete) {
      const env = describeBaseImage(stage.from.resolved.value)?.env ?? {};
      for (const [k, v] of Object.entries(env)) setEnv(k, { value: v, kind: 'ENV', line: stage.line });
    }
    // FROM <stage> inherits the image config's ENV and, on BuildKit, the ARGs the parent stage
    // declared, with their values; where both name one variable the ENV wins in the child
    // (checked on the engine; the legacy builder drops the ARGs).
    const parent = stage.from.stageRef === null ? undefined : stageEnd.get(stage.from.stageRef);
    if (parent) {
      for (const [k, v] of parent.vars) if (v.kind !== 'ENV') vars.set(k, v);
      for (const [k, v] of parent.config) setEnv(k, v);
    }
    for (const instr of stage.instructions) {
      scopeOf.set(instr, vars.view());
      if (instr.keyword === 'ARG' || instr.keyword === 'ENV') {
        for (const p of instr.properties) {
          if (instr.keyword === 'ENV') {
            const value = p.raw === null ? null : expandWith(vars, p.raw, escapeChar);
            setEnv(p.name, { value, kind: 'ENV', line: instr.line });
          } else {
            // BuildKit: the later of ENV and ARG wins for expansion, so an ARG with a value (or a
            // build arg) overrides an earlier or inherited ENV of the same name (the base image's
            // too); a bare `ARG NAME` leaves the ENV. Checked on the engine; the legacy builder
            // lets the ENV win. The image config keeps the ENV either way (finalEnv).
            if (vars.get(p.name)?.kind === 'ENV' && p.raw === null && !(p.name in buildArgs)) continue;
            if (p.name in buildArgs) {
              vars.set(p.name, { value: buildArgs[p.name], kind: 'BUILD-ARG', line: instr.line });
            } else if (p.raw !== null) {
              vars.set(p.name, { value: expandWith(vars, p.raw, escapeChar), kind: 'ARG', line: instr.line });
            } else if (vars.get(p.name)) {
              // `ARG NAME` again (in this stage, or in a child of the stage that set it) keeps
              // the value on BuildKit (checked on the engine; the legacy builder empties it)
              continue;
            } else if (globalArgs.has(p.name)) {
              vars.set(p.name, {
                value: globalArgs.get(p.name)!.value,
                kind: 'GLOBAL-ARG',
                line: instr.line,
              });
            } else if (PLATFORM_ARGS.has(p.name)) {
              vars.set(p.name, { value: platform[p.name], kind: 'ARG', line: instr.line });
            } else {
              vars.set(p.name, { value: null, kind: 'ARG', line: instr.line });
            }
          }
        }
      }
    }
    stageEnd.set(stage.index, { vars: vars.latest(), config });
  }
  const none = new VersionedVars<Entry>().view();
  for (const instr of preamble) scopeOf.set(instr, none);

  const model: DockerfileModel = {
    path,
    text,
    lines,
    escapeChar,
    directives,
    comments,
    preamble,
    stages,
    instructions: all,
    target: null,
    buildArgs,
    chain(stage) {
      const out: Stage[] = [];
      let s = stage === undefined ? model.target : stage;
      const seen = new Set<number>();
      while (s && !seen.has(s.index)) {
        out.push(s);
        seen.add(s.index);
        s = s.from.stageRef !== null ? stages[s.from.stageRef] : null;
      }
      return out;
    },
    stageOf(instr) {
      return instr.stageIndex >= 0 ? stages[instr.stageIndex] : null;
    },
    scope(instr) {
      if (instr.keyword === 'FROM') {
        return {
          get: globalLookup,
          origin: (n) =>
            globalArgs.has(n) ? { kind: 'GLOBAL-ARG', line: globalArgs.get(n)!.line } : undefined,
        };
      }
      const vars = scopeOf.get(instr) ?? new VersionedVars<Entry>().view();
      return {
        get: (n) => {
          const e = vars.get(n);
          if (e) return e.value;
          return PREDEFINED_ARGS.has(n) ? null : undefined;
        },
        origin: (n) => {
          const e = vars.get(n);
          return e ? { kind: e.kind, line: e.line } : undefined;
        },
      };
    },
    resolve(text, instr) {
      return expand(text, model.scope(instr).get, escapeChar);
    },
    resolveWord(text, instr) {
      return expandWord(text, model.scope(instr).get, escapeChar);
    },
    stageByRef(ref) {
      const r = ref.toLowerCase();
      if (/^\d+$/.test(r)) return stages[Number(r)] ?? null;
      return stages.find((s) => s.name === r) ?? null;
    },
  };

  if (opts.target) {
    const t = model.stageByRef(opts.target);
    if (!t) {
      const names = stages.map((s) => s.name).filter(Boolean);
      throw new TargetNotFoundError(
        `${path}: target stage "${opts.target}" not found (stages: ${names.length ? names.join(', ') : 'none named'}).`,
      );
    }
    model.target = t;
  } else {
    model.target = stages.length > 0 ? stages[stages.length - 1] : null;
  }
  return model;
}

type Entry = { value: string | null; kind: 'ARG' | 'ENV' | 'BUILD-ARG' | 'GLOBAL-ARG'; line: number };

interface VarView<E> {
  get(name: string): E | undefined;
}

/**
 * Variables of one stage with their history: view() is the state at this moment, O(1) to take
 * and O(log n) to read, so a file of n ARG/ENV lines costs O(n log n), not O(n²).
 */
class VersionedVars<E> implements VarView<E> {
  private readonly history = new Map<string, { version: number; entry: E }[]>();
  private version = 0;

  set(name: string, entry: E): void {
    let h = this.history.get(name);
    if (!h) this.history.set(name, (h = []));
    h.push({ version: ++this.version, entry });
  }

  get(name: string): E | undefined {
    return this.history.get(name)?.at(-1)?.entry;
  }

  view(): VarView<E> {
    const at = this.version;
    return {
      get: (name) => {
        const h = this.history.get(name);
        if (!h) return undefined;
        // last entry with version <= at
        let lo = 0;
        let hi = h.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (h[mid].version <= at) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 ? h[lo - 1].entry : undefined;
      },
    };
  }

  latest(): Map<string, E> {
    return new Map([...this.history].map(([k, h]) => [k, h[h.length - 1].entry]));
  }
}

function expandWith(vars: VarView<{ value: string | null }>, text: string, esc: string): string {
  return expandWord(
    text,
    (n) => {
      const e = vars.get(n);
      return e ? e.value : undefined;
    },
    esc,
  ).value;
}

function toInstr(node: Instruction, keyword: string, stageIndex: number, escapeChar: string): Instr {
  const range = node.getRange();
  const withFlags = node as Instruction & { getFlags?: () => Flag[] };
  const flags = (withFlags.getFlags?.() ?? []).map((f) => ({
    name: f.getName().toLowerCase(),
    value: f.getValue(),
    line: f.getRange().start.line + 1,
  }));
  const args = node.getArguments().map((a) => a.getValue());
  const withJson = node as Instruction & { getJSONStrings?: () => { getJSONValue(): string }[] };
  let json: string[] | null = null;
  const argsText = (node.getArgumentsContent() ?? '').trim();
  const afterFlags = argsText.slice(leadingFlagsLength(argsText));
  if (withJson.getJSONStrings && afterFlags.startsWith('[') && afterFlags.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(afterFlags);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) json = parsed as string[];
    } catch {
      json = null; // not valid JSON: Docker runs it in shell form
    }
  }
  const withHeredocs = node as Instruction & { getHeredocs?: () => import('dockerfile-ast').Heredoc[] };
  const heredocs: Heredoc[] = [];
  if (keyword === 'RUN' || keyword === 'COPY') {
    const doc = node as unknown as { getRangeContent?: (r: unknown) => string | null };
    for (const h of heredocsOf(withHeredocs)) {
      const cr = h.getContentRange();
      heredocs.push({
        name: h.getName(),
        body: cr && doc.getRangeContent ? (doc.getRangeContent(cr) ?? '') : '',
      });
    }
  }
  const properties =
    keyword === 'ARG'
      ? argDeclarations(afterFlags, escapeChar)
      : keyword === 'ENV' || keyword === 'LABEL'
        ? propertiesOf(node)
        : [];
  return {
    keyword,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    args,
    text: afterFlags,
    flags,
    json,
    heredocs,
    stageIndex,
    properties,
    node,
  };
}

type Property = { name: string; value: string | null; raw: string | null };

function propertiesOf(node: Instruction): Property[] {
  const withProps = node as Instruction & {
    getProperties?: () => {
      getName(): string;
      getValue(): string | null;
      getUnescapedValue(): string | null;
    }[];
  };
  // dockerfile-ast: getValue() is the processed value, getUnescapedValue() the text as written.
  return (withProps.getProperties?.() ?? []).map((p) => ({
    name: p.getName(),
    value: p.getValue(),
    raw: p.getUnescapedValue(),
  }));
}

/**
 * dockerfile-ast reads a node that is not there on some malformed heredoc lines (e.g. a lone
 * CR after a continuation, found by __tests__/fuzz): such an instruction has no heredoc.
 */
function heredocsOf(node: {
  getHeredocs?: () => import('dockerfile-ast').Heredoc[];
}): import('dockerfile-ast').Heredoc[] {
  try {
    return node.getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}

/** `ARG A B=2 C="x y"`: several declarations, quote-aware (dockerfile-ast reads it as one). */
export function argDeclarations(text: string, escapeChar: string): Property[] {
  return instructionWords(text, escapeChar).map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) return { name: w, value: null, raw: null };
    const raw = w.slice(eq + 1);
    return {
      name: w.slice(0, eq),
      raw,
      value: expandWord(raw, null, escapeChar).value,
    };
  });
}

/** `"x"` or `'x'` → `x`: one pair of matching outer quotes removed. */
export function unquote(value: string): string {
  const m = /^(['"])([\s\S]*)\1$/.exec(value);
  return m ? m[2] : value;
}
