// `.harden-check.yml`: ignores, severity overrides, opt-in rules and trusted base images.
// Validated strictly: an unknown key or a wrong type is an error naming the file and line,
// because a typo in a security tool's config must never silently disable nothing.
import { readFileSync, existsSync } from 'node:fs';
import { parseDocument, LineCounter, isMap, isSeq, isScalar, type Node, type Pair } from 'yaml';
import type { Severity } from './report/types.js';
import type { TrustedBaseImage } from './dockerfile/base-images.js';

export type SeverityOverride = Severity | 'off';

export interface Config {
  /** Where it was read from, or null for defaults. */
  path: string | null;
  ignore: string[];
  severity: Record<string, SeverityOverride>;
  enable: string[];
  trustedBaseImages: TrustedBaseImage[];
  /** false: `# harden-check ignore=` comments are reported and not honoured. */
  allowInlineIgnore: boolean;
  /** Registries (or registry/path prefixes) base images may come from; enables HC118. */
  allowedRegistries: string[];
}

export const DEFAULT_CONFIG: Config = {
  path: null,
  ignore: [],
  severity: {},
  enable: [],
  trustedBaseImages: [],
  allowInlineIgnore: true,
  allowedRegistries: [],
};

export class ConfigError extends Error {}

const KEYS = [
  'ignore',
  'severity',
  'enable',
  'trusted-base-images',
  'allow-inline-ignore',
  'allowed-registries',
];
const RULE_ID = /^HC\d{3}$/;
const SEVERITY_VALUES = ['error', 'warning', 'note', 'off'];

/** Load the config: an explicit path must exist; the default path is optional. */
export function loadConfig(explicitPath: string, defaultPath: string): Config {
  const path = explicitPath || defaultPath;
  if (!existsSync(path)) {
    if (explicitPath) throw new ConfigError(`${explicitPath}: config file not found.`);
    return { ...DEFAULT_CONFIG };
  }
  return parseConfig(readFileSync(path, 'utf8'), path);
}

export function parseConfig(text: string, path: string): Config {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  const fail = (node: Node | Pair | null | undefined, msg: string): never => {
    throw new ConfigError(`${path}:${lineOf(node)}: ${msg}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? 1;
    throw new ConfigError(`${path}:${line}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  const config: Config = {
    ...DEFAULT_CONFIG,
    path,
    ignore: [],
    severity: {},
    enable: [],
    trustedBaseImages: [],
    allowedRegistries: [],
  };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return config;
  if (!isMap(root)) return fail(root, 'the config must be a mapping of keys (ignore, severity, ...).');

  const ruleList = (node: unknown, key: string): string[] => {
    if (!isSeq(node)) return fail(node as Node, `"${key}" must be a list of rule ids like HC101.`);
    return node.items.map((item) => {
      const v = isScalar(item) ? String(item.value).toUpperCase() : '';
      if (!RULE_ID.test(v))
        fail(item as Node, `"${key}": "${isScalar(item) ? item.value : '?'}" is not a rule id like HC101.`);
      return v;
    });
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'ignore':
        config.ignore = ruleList(value, key);
        break;
      case 'enable':
        config.enable = ruleList(value, key);
        break;
      case 'severity': {
        if (!isMap(value))
          fail(value as Node, '"severity" must map rule ids to error, warning, note or off.');
        for (const p of (value as { items: Pair[] }).items) {
          const id = isScalar(p.key) ? String(p.key.value).toUpperCase() : '';
          const sev = isScalar(p.value) ? String(p.value.value).toLowerCase() : '';
          if (!RULE_ID.test(id)) fail(p.key as Node, `"severity": "${id}" is not a rule id like HC101.`);
          if (!SEVERITY_VALUES.includes(sev)) {
            fail(
              p.value as Node,
              `"severity.${id}" must be one of ${SEVERITY_VALUES.join(', ')}; got "${sev}".`,
            );
          }
          config.severity[id] = sev as SeverityOverride;
        }
        break;
      }
      case 'trusted-base-images': {
        if (!isSeq(value)) fail(value as Node, '"trusted-base-images" must be a list of {image, user}.');
        for (const item of (value as { items: unknown[] }).items) {
          if (!isMap(item))
            fail(item as Node, 'each trusted base image is a mapping with "image" and "user".');
          const m = item as { get(k: string): unknown; items: Pair[] };
          for (const p of m.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k !== 'image' && k !== 'user')
              fail(p.key as Node, `unknown key "${k}" in trusted-base-images (use image, user).`);
          }
          const image = m.get('image');
          const user = m.get('user');
          if (typeof image !== 'string' || image === '')
            fail(item as Node, 'trusted base image needs "image" (e.g. myorg/base:*).');
          if ((typeof user !== 'string' && typeof user !== 'number') || String(user) === '') {
            fail(item as Node, 'trusted base image needs "user" (the uid it runs as, e.g. 1000).');
          }
          config.trustedBaseImages.push({ image: image as string, user: String(user) });
        }
        break;
      }
      case 'allowed-registries': {
        if (!isSeq(value))
          fail(value as Node, '"allowed-registries" must be a list such as [ghcr.io/acme/, docker.io].');
        for (const item of (value as { items: unknown[] }).items) {
          if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
            fail(
              item as Node,
              '"allowed-registries" entries are registry hosts or prefixes, e.g. ghcr.io/acme/.',
            );
          }
          config.allowedRegistries.push(String((item as { value: string }).value).trim());
        }
        break;
      }
      case 'allow-inline-ignore': {
        if (!isScalar(value) || typeof value.value !== 'boolean')
          fail(value as Node, '"allow-inline-ignore" must be true or false.');
        config.allowInlineIgnore = (value as { value: boolean }).value;
        break;
      }
      default:
        fail(pair.key as Node, `unknown key "${key}" (allowed: ${KEYS.join(', ')}).`);
    }
  }
  return config;
}
