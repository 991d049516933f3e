// Parsing and validating option values, shared by the action's inputs and the CLI's
// arguments: every problem is one line naming the input or option and the values it
// accepts, thrown as InputError and printed without a stack.

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

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

/**
 * The checks a run must pass (the `checks` input): any of `allowed`, comma- or
 * newline-separated, `all` for every one; empty gives the default list.
 */
export function parseCheckIds<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: readonly T[],
): T[] {
  const ids = list(value).map((s) => s.toLowerCase());
  if (ids.length === 0) return [...fallback];
  if (ids.includes('all')) return [...allowed];
  for (const id of ids) {
    if (!(allowed as readonly string[]).includes(id))
      throw new InputError(
        `${label(name)}: "${id}" is not a check id; use all or any of ${allowed.join(', ')}.`,
      );
  }
  // report order, once each
  return allowed.filter((a) => ids.includes(a));
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
