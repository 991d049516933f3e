// Test helpers for rule specs: audit a Dockerfile text and look at one rule's findings.
import { auditDockerfile, type AuditResult } from '../../src/audit/audit.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import type { Finding } from '../../src/report/types.js';
import { parseDockerfile, type DockerfileModel, type ParseOptions } from '../../src/dockerfile/model.js';

/** Strip the common indentation of a template literal so Dockerfiles read naturally in specs. */
export function df(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function audit(
  text: string,
  opts: {
    target?: string;
    buildArgs?: Record<string, string>;
    config?: Partial<Config>;
    ignore?: string[];
    dockerignore?: string | null;
  } = {},
): AuditResult {
  return auditDockerfile({
    file: 'Dockerfile',
    text,
    target: opts.target,
    buildArgs: opts.buildArgs,
    config: { ...DEFAULT_CONFIG, ...opts.config },
    ignore: opts.ignore,
    dockerignore: opts.dockerignore,
  });
}

/** Findings of one rule, as `line: message` pairs are easy to assert on. */
export function findingsOf(ruleId: string, text: string, opts: Parameters<typeof audit>[1] = {}): Finding[] {
  return audit(text, opts).findings.filter((f) => f.ruleId === ruleId);
}

export function linesOf(ruleId: string, text: string, opts: Parameters<typeof audit>[1] = {}): number[] {
  return findingsOf(ruleId, text, opts).map((f) => f.line);
}

export function model(text: string, opts: ParseOptions = {}): DockerfileModel {
  return parseDockerfile('Dockerfile', text, opts);
}
