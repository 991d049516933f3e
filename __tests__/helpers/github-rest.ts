// GitHub's published REST description (npm @octokit/openapi, the api.github.com document) as
// a contract for the fake GitHub: every request must be a documented operation with its
// documented parameters and body (no undeclared field), and every answer the fake gives must
// match the documented response schema. The fake's answers start from GitHub's own examples.
//
// The document is 13 MB (1-2 s to parse): the first use extracts what the fake needs (the
// index of all operations, the schemas and examples of the operations it implements, and the
// components they reference) into node_modules/.cache, keyed by the package version; later
// test files load that subset in milliseconds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** The operations the fake GitHub answers. */
export const FAKE_OPERATIONS = [
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'pulls/get',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/create-review',
  'pulls/update-review-comment',
  'pulls/delete-review-comment',
] as const;
export type FakeOperationId = (typeof FAKE_OPERATIONS)[number];

type Json = unknown;
interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}
interface OperationSpec {
  method: string;
  path: string;
  parameters: Param[];
  requestBody: { required: boolean; schema: Json } | null;
  /** status → JSON schema of the body (null: no body documented). */
  responses: Record<string, Json | null>;
  /** status → GitHub's example body. */
  examples: Record<string, Json>;
}
interface Subset {
  packageVersion: string;
  apiVersion: string;
  /** Every documented operation as [METHOD, path template]. */
  index: [string, string][];
  operations: Record<string, OperationSpec>;
  components: Record<string, Record<string, Json>>;
}

const BASE = 'https://api.github.com/openapi.json';

function pkgDir(): string {
  return dirname(require.resolve('@octokit/openapi/package.json'));
}

/** Follows `#/components/<kind>/<name>` refs (also through parameters and responses). */
function deref(doc: { components: Record<string, Record<string, Json>> }, v: Json): Json {
  let cur = v as { $ref?: string };
  for (let i = 0; cur && typeof cur === 'object' && typeof cur.$ref === 'string' && i < 10; i++) {
    const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(cur.$ref) ?? [];
    cur = doc.components[kind]?.[name] as { $ref?: string };
  }
  return cur;
}

/** Drops documentation-only keys (examples are kept separately), rewrites refs absolute. */
function clean(v: Json, refs: Set<string>): Json {
  if (Array.isArray(v)) return v.map((x) => clean(x, refs));
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'example' || k === 'examples' || k === 'description' || k === 'summary') continue;
    if (k === '$ref' && typeof x === 'string') {
      refs.add(x);
      out[k] = x.startsWith('#') ? BASE + x : x;
    } else out[k] = clean(x, refs);
  }
  // `nullable` with an `enum` that lacks null: GitHub does send null there (e.g. a review
  // comment's start_side on a one-line comment); a strict reading would refuse it.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  return out;
}

function extract(
  doc: {
    info: { version: string };
    paths: Record<
      string,
      Record<
        string,
        { operationId?: string; parameters?: Json[]; requestBody?: Json; responses?: Record<string, Json> }
      >
    >;
    components: Record<string, Record<string, Json>>;
  },
  packageVersion: string,
): Subset {
  const index: [string, string][] = [];
  const operations: Record<string, OperationSpec> = {};
  const refs = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      index.push([method.toUpperCase(), path]);
      if (!(FAKE_OPERATIONS as readonly string[]).includes(op.operationId)) continue;
      const parameters = (op.parameters ?? []).map((p) => clean(deref(doc, p), refs) as Param);
      const rb = deref(doc, op.requestBody) as
        { required?: boolean; content?: Record<string, { schema?: Json }> } | undefined;
      const rbSchema = rb?.content?.['application/json']?.schema;
      const responses: Record<string, Json | null> = {};
      const examples: Record<string, Json> = {};
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        const res = deref(doc, r) as {
          content?: Record<string, { schema?: Json; examples?: Record<string, Json> }>;
        };
        const json = res?.content?.['application/json'];
        responses[status] = json?.schema ? clean(json.schema, refs) : null;
        const ex = json?.examples?.default
          ? (deref(doc, json.examples.default) as { value?: Json })
          : undefined;
        if (ex?.value !== undefined) examples[status] = ex.value;
      }
      operations[op.operationId] = {
        method: method.toUpperCase(),
        path,
        parameters,
        requestBody: rbSchema ? { required: rb?.required === true, schema: clean(rbSchema, refs) } : null,
        responses,
        examples,
      };
    }
  }
  // The closure of the referenced components.
  const components: Record<string, Record<string, Json>> = {};
  const pending = [...refs];
  const seen = new Set<string>();
  while (pending.length) {
    const ref = pending.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    if (!kind) continue;
    const more = new Set<string>();
    (components[kind] ??= {})[name] = clean(doc.components[kind]?.[name], more);
    pending.push(...more);
  }
  return { packageVersion, apiVersion: doc.info.version, index, operations, components };
}

function loadSubset(): Subset {
  const dir = pkgDir();
  const packageVersion = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const key = createHash('sha256')
    .update(FAKE_OPERATIONS.join(','))
    .update(readFileSync(import.meta.filename));
  const cacheDir = join(dir, '..', '..', '.cache', 'harden-check');
  const cacheFile = join(cacheDir, `github-rest-${packageVersion}-${key.digest('hex').slice(0, 12)}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as Subset;
  const doc = JSON.parse(readFileSync(join(dir, 'generated', 'api.github.com.json'), 'utf8'));
  const subset = extract(doc, packageVersion);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(subset));
  renameSync(tmp, cacheFile); // atomic: parallel test files never read half a file
  return subset;
}

/** Closes every object schema that lists its properties: a field GitHub does not declare fails. */
function closeObjects(v: Json): Json {
  if (Array.isArray(v)) return v.map(closeObjects);
  if (!v || typeof v !== 'object') return v;
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, closeObjects(x)])) as Record<
    string,
    Json
  >;
  const combined = 'allOf' in o || 'anyOf' in o || 'oneOf' in o;
  if (o.properties && !('additionalProperties' in o) && !combined) o.additionalProperties = false;
  return o;
}

export interface OperationMatch {
  id: FakeOperationId;
  params: Record<string, string>;
}

export interface RestContract {
  packageVersion: string;
  apiVersion: string;
  /** The implemented operation a request is for, or null when the fake does not implement it. */
  match(method: string, path: string): OperationMatch | null;
  /** Contract errors of a request (empty when it is a documented call). */
  checkRequest(req: { method: string; path: string; query: Record<string, string>; body: unknown }): string[];
  /** Contract errors of an answer the fake gives. */
  checkResponse(id: FakeOperationId, status: number, body: unknown): string[];
  /** A fresh copy of GitHub's documented example answer. */
  example<T = Record<string, unknown>>(id: FakeOperationId, status: number): T;
}

const templateRegex = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`);
const literalSegments = (path: string): number =>
  path.split('/').filter((s) => s && !s.startsWith('{')).length;

let contract: RestContract | null = null;

/** The contract, loaded once per process. */
export function githubRest(): RestContract {
  if (contract) return contract;
  const subset = loadSubset();
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: BASE, components: subset.components });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: Json): ValidateFunction => {
    let v = compiled.get(key);
    if (!v) compiled.set(key, (v = ajv.compile(schema as object)));
    return v;
  };
  const errorsOf = (v: ValidateFunction, data: unknown, where: string): string[] =>
    v(data)
      ? []
      : (v.errors ?? [])
          .slice(0, 5)
          .map((e) =>
            `${where}${e.instancePath || ''} ${e.message} ${e.params ? JSON.stringify(e.params) : ''}`.trim(),
          );

  const index = subset.index
    .map(([method, path]) => ({ method, path, re: templateRegex(path), literals: literalSegments(path) }))
    .sort((a, b) => b.literals - a.literals);
  const ops = Object.entries(subset.operations).map(([id, op]) => ({
    id: id as FakeOperationId,
    op,
    re: templateRegex(op.path),
    names: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
  }));
  const specOf = (id: FakeOperationId): OperationSpec => subset.operations[id];

  contract = {
    packageVersion: subset.packageVersion,
    apiVersion: subset.apiVersion,
    match(method, path) {
      // The most literal template wins (…/pulls/comments/1 over …/pulls/{pull_number}/…).
      const documented = index.find((o) => o.method === method && o.re.test(path));
      if (!documented) return null;
      const hit = ops.find((o) => o.op.method === method && o.op.path === documented.path);
      if (!hit) return null;
      const m = hit.re.exec(path)!;
      return {
        id: hit.id,
        params: Object.fromEntries(hit.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])),
      };
    },
    checkRequest({ method, path, query, body }) {
      const documented = index.find((o) => o.method === method && o.re.test(path));
      if (!documented)
        return [`${method} ${path} is not an operation of GitHub's REST API (${subset.apiVersion})`];
      const hit = this.match(method, path);
      if (!hit) return [];
      const op = specOf(hit.id);
      const where = `${method} ${op.path} (${hit.id})`;
      const errors: string[] = [];
      for (const p of op.parameters) {
        const value = p.in === 'path' ? hit.params[p.name] : p.in === 'query' ? query[p.name] : undefined;
        if (value === undefined) {
          if (p.required && p.in !== 'header')
            errors.push(`${where}: required ${p.in} parameter ${p.name} missing`);
          continue;
        }
        const type = (p.schema as { type?: string } | undefined)?.type;
        const coerced = type === 'integer' || type === 'number' ? Number(value) : value;
        if (
          (type === 'integer' && !Number.isInteger(coerced)) ||
          (type === 'number' && Number.isNaN(coerced))
        )
          errors.push(`${where}: ${p.in} parameter ${p.name}=${value} is not a ${type}`);
        else if (p.schema)
          errors.push(
            ...errorsOf(validator(`${hit.id} param ${p.name}`, p.schema), coerced, `${where}: ${p.name}`),
          );
      }
      const declared = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const k of Object.keys(query))
        if (!declared.has(k)) errors.push(`${where}: undeclared query parameter ${k}`);
      if (!op.requestBody) {
        if (body !== undefined && body !== '')
          errors.push(`${where}: sends a body, the operation takes none`);
      } else if (body === undefined) {
        if (op.requestBody.required) errors.push(`${where}: required request body missing`);
      } else {
        const v = validator(`${hit.id} request`, closeObjects(op.requestBody.schema));
        errors.push(...errorsOf(v, body, `${where}: body`));
      }
      return errors;
    },
    checkResponse(id, status, body) {
      const op = specOf(id);
      const where = `answer ${status} to ${op.method} ${op.path} (${id})`;
      if (!(String(status) in op.responses)) {
        // Errors GitHub may send anywhere (403, 404, 5xx) are not all listed; a success must be.
        return status < 300
          ? [`${where}: status not documented (${Object.keys(op.responses).join(', ')})`]
          : [];
      }
      const schema = op.responses[String(status)];
      if (!schema) return body === undefined ? [] : [`${where}: documented without a body`];
      return errorsOf(validator(`${id} ${status}`, schema), body, `${where}: body`);
    },
    example<T>(id: FakeOperationId, status: number): T {
      const ex = specOf(id).examples[String(status)];
      if (ex === undefined) throw new Error(`no documented example for ${id} ${status}`);
      return structuredClone(ex) as T;
    },
  };
  return contract;
}
