// Parse and validate the action's inputs into one typed object whose keys are the
// exact input names of action.yml. Every problem is one line naming the input and
// the values it accepts (thrown as InputError, printed without a stack).
import * as core from '@actions/core';
import { FAIL_ON_VALUES, type FailOn } from './report/types.js';

export type ReviewMode = 'off' | 'changed' | 'all';
const REVIEW_VALUES: readonly ReviewMode[] = ['off', 'changed', 'all'];

export interface Inputs {
  dockerfile: string[];
  context: string;
  'build-args': Record<string, string>;
  target: string;
  'build-flags': string[];
  image: string;
  build: boolean;
  run: boolean;
  'env-overrides': Record<string, string>;
  'health-timeout': number;
  'run-args': string[];
  network: string;
  'fail-on': FailOn;
  ignore: string[];
  config: string;
  comment: boolean;
  'comment-tag': string;
  'github-token': string;
  review: ReviewMode;
  'sarif-file': string;
  summary: boolean;
  report: string;
  plan: boolean;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads one raw input the way the runner passes it (INPUT_<NAME>, hyphens kept). */
export type InputReader = (name: string) => string;

const fromCore: InputReader = (name) => core.getInput(name);

/** `Input "fail-on"` for the action, `Option --fail-on` for the CLI. */
function label(name: string): string {
  return name.startsWith('-') ? `Option ${name}` : `Input "${name}"`;
}

/** Lines of a multi-line input, trimmed, without blanks and `#` comments. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A list input: newline- or comma-separated. */
export function list(value: string): string[] {
  return lines(value)
    .flatMap((l) => l.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim();
  if (v === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(v)) return true;
  if (/^(false|no|off|0)$/i.test(v)) return false;
  throw new InputError(`${label(name)} must be true or false, got "${v}".`);
}

export function parseEnum<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`${label(name)} must be one of ${allowed.join(', ')}; got "${value.trim()}".`);
}

export function parseSeconds(name: string, value: string, fallback: number): number {
  const v = value.trim();
  if (v === '') return fallback;
  // Accept "90" or "90s"; nothing else, so a typo never silently becomes the default.
  const m = /^(\d+(?:\.\d+)?)s?$/.exec(v);
  if (!m || Number(m[1]) <= 0) {
    throw new InputError(`${label(name)} must be a positive number of seconds (e.g. 60); got "${v}".`);
  }
  return Number(m[1]);
}

/** KEY=VALUE lines; values may contain '=' and ','. */
export function parseKeyValues(name: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines(value)) {
    const eq = line.indexOf('=');
    if (eq <= 0) {
      throw new InputError(`${label(name)}: "${line}" is not KEY=VALUE (one per line).`);
    }
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      throw new InputError(`${label(name)}: "${key}" is not a valid variable name.`);
    }
    out[key] = line.slice(eq + 1);
  }
  return out;
}

const RULE_ID = /^HC\d{3}$/;

export function parseRuleIds(name: string, value: string): string[] {
  const ids = list(value).map((s) => s.toUpperCase());
  for (const id of ids) {
    if (!RULE_ID.test(id)) throw new InputError(`${label(name)}: "${id}" is not a rule id like HC101.`);
  }
  return ids;
}

// Docker's own rule for network names; `container:<name>` shares another container's stack.
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `docker run --network`: none (default), bridge, host, container:<name> or a network's name. */
export function parseNetwork(name: string, value: string): string {
  const v = value.trim();
  if (v === '') return 'none';
  const target = v.startsWith('container:') ? v.slice('container:'.length) : v;
  if (NETWORK_NAME.test(target)) return v;
  throw new InputError(
    `${label(name)} must be none, bridge, host, container:<name> or the name of a network ` +
      `(letters, digits, _ . -); got "${v}".`,
  );
}

export function getInputs(read: InputReader = fromCore): Inputs {
  const dockerfile = lines(read('dockerfile'));
  return {
    dockerfile: dockerfile.length > 0 ? dockerfile : ['Dockerfile'],
    context: read('context').trim(),
    'build-args': parseKeyValues('build-args', read('build-args')),
    target: read('target').trim(),
    'build-flags': lines(read('build-flags')),
    image: read('image').trim(),
    build: parseBoolean('build', read('build'), true),
    run: parseBoolean('run', read('run'), true),
    'env-overrides': parseKeyValues('env-overrides', read('env-overrides')),
    'health-timeout': parseSeconds('health-timeout', read('health-timeout'), 60),
    'run-args': lines(read('run-args')),
    network: parseNetwork('network', read('network')),
    'fail-on': parseEnum('fail-on', read('fail-on'), FAIL_ON_VALUES, 'error'),
    ignore: parseRuleIds('ignore', read('ignore')),
    config: read('config').trim(),
    comment: parseBoolean('comment', read('comment'), true),
    'comment-tag': read('comment-tag').trim(),
    'github-token': read('github-token').trim(),
    review: parseEnum('review', read('review'), REVIEW_VALUES, 'changed'),
    'sarif-file': read('sarif-file').trim(),
    summary: parseBoolean('summary', read('summary'), true),
    report: read('report').trim(),
    plan: parseBoolean('plan', read('plan'), false),
  };
}
