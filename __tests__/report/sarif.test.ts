// SARIF output: valid against the OASIS SARIF 2.1.0 schema, with what GitHub code
// scanning reads (rules metadata, locations, fingerprints), deterministic and secret-free.
//
// The schema fixture is sarif-2.1.0-rtm.5.json as shipped in @microsoft/jest-sarif
// 1.0.0-beta.0 (lib/schemas/, MIT, Microsoft), the final 2.1.0 schema. It is draft-04
// JSON Schema; Ajv 8 reads it once the draft-04 `id` becomes `$id` and `$schema` is dropped
// (the schema uses no other draft-04-only keyword).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { fileSourceReader } from '../../src/report/source.js';
import type { RuleMetaLike } from '../../src/report/rule-meta.js';
import { DOCS_BASE } from '../../src/report/docs.js';
import {
  SECRET,
  SK_SECRET,
  check,
  finding,
  hostileReport,
  realisticReport,
  reportOf,
  target,
} from './sample-report.js';
import { validateSarif as validate } from '../helpers/sarif-schema.js';

const META: Record<string, RuleMetaLike> = {
  HC201: {
    id: 'HC201',
    title: 'HEALTHCHECK probes a port the app does not listen on',
    severity: 'error',
    check: 'healthy',
    anchors: { hadolint: [], trivy: ['DS026'] },
    description: 'A probe on the wrong port keeps the container unhealthy forever.',
  },
  HC503: {
    id: 'HC503',
    title: 'Install recommends',
    severity: 'warning',
    anchors: {},
    description: 'Extra packages.',
  },
};
const ruleMeta = (rid: string) => META[rid];

function workspaceWith(dockerfile: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-sarif-'));
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

const DOCKERFILE = [
  'FROM node:20-slim', // 1
  'WORKDIR /app', // 2
  'RUN apt-get install -y curl', // 3
  'COPY . .', // 4
  `ENV API_KEY=${SK_SECRET}`, // 5
  'RUN npm ci', // 6
  'EXPOSE 3000', // 7
  'USER node', // 8
  'HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1', // 9
  'CMD ["node", "server.js"]', // 10
].join('\n');

describe('renderSarif', () => {
  const ws = workspaceWith(DOCKERFILE);
  const sarif = renderSarif(realisticReport(), {
    ruleMeta,
    readSource: fileSourceReader(ws),
    workspace: ws,
    category: 'harden-check/Dockerfile',
    toolVersion: '0.1.0',
  });
  const run = sarif.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates for a hostile report too', () => {
    validate(renderSarif(hostileReport(), { ruleMeta }));
    expect(validate.errors ?? []).toEqual([]);
  });

  it('the schema check is not vacuous', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
  });

  it('describes each rule with what code scanning reads', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual([
      'HC104',
      'HC201',
      'HC301',
      'HC503',
      'harden-check/healthy',
      'harden-check/no-secrets',
    ]);
    const hc201 = rules[1];
    expect(hc201.shortDescription.text).toBe(META.HC201.title);
    expect(hc201.fullDescription.text).toBe(META.HC201.description);
    expect(hc201.help.text).toContain(`${DOCS_BASE}HC201.md`);
    expect(hc201.help.markdown).toContain(`[Rule documentation](${DOCS_BASE}HC201.md)`);
    expect(hc201.help.markdown).toContain('trivy: DS026');
    expect(hc201.helpUri).toBe(`${DOCS_BASE}HC201.md`);
    expect(hc201.defaultConfiguration.level).toBe('error');
    expect(hc201.properties['security-severity']).toBe('8.0');
    expect(hc201.properties.tags).toContain('security');
    expect(hc201.properties.tags).toContain('check:healthy');
    const hc503 = rules[3];
    expect(hc503.defaultConfiguration.level).toBe('warning');
    expect(hc503.properties['security-severity']).toBeUndefined();
    // A rule the registry does not know still gets valid metadata.
    expect(rules[0].shortDescription.text).toBe('HC104');
  });

  it('reports failed checks that no finding covers, at the lines the check carries', () => {
    const healthy = run.results.find((r: { ruleId: string }) => r.ruleId === 'harden-check/healthy');
    // HC201 is an error but does not carry check=healthy in this report, so the check is reported.
    expect(healthy.locations[0].physicalLocation.region.startLine).toBe(9);
    expect(healthy.level).toBe('error');
    const secrets = run.results.find((r: { ruleId: string }) => r.ruleId === 'harden-check/no-secrets');
    expect(secrets.locations[0].physicalLocation.region.startLine).toBe(5);
  });

  it('does not duplicate a failed check already covered by an error finding', () => {
    const covered = reportOf([
      target(
        [{ ...finding('HC201', 'error', 9, 'wrong port'), check: 'healthy' }],
        [check('healthy', 'fail', 'unhealthy')],
      ),
    ]);
    const s = renderSarif(covered, { ruleMeta });
    expect(s.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['HC201']);
  });

  it('uses repository-relative locations and a deterministic order', () => {
    for (const r of run.results) {
      const uri = r.locations[0].physicalLocation.artifactLocation.uri;
      expect(uri).toBe('Dockerfile');
      expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    const lines = run.results.map(
      (r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) =>
        r.locations[0].physicalLocation.region.startLine,
    );
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const again = renderSarif(realisticReport(), {
      ruleMeta,
      readSource: fileSourceReader(ws),
      workspace: ws,
      category: 'harden-check/Dockerfile',
      toolVersion: '0.1.0',
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(sarif));
    const abs = reportOf([target([finding('HC503', 'warning', 3, 'x', path.join(ws, 'Dockerfile'))], [])]);
    expect(
      renderSarif(abs, { workspace: ws }).runs[0].results[0].locations[0].physicalLocation.artifactLocation
        .uri,
    ).toBe('Dockerfile');
  });

  it('fingerprints follow the line content, not the line number', () => {
    const fp = (dockerfile: string, line: number) => {
      const dir = workspaceWith(dockerfile);
      const r = reportOf([target([finding('HC503', 'warning', line, `line ${line}`)], [])]);
      return renderSarif(r, { readSource: fileSourceReader(dir) }).runs[0].results[0].partialFingerprints
        .primaryLocationLineHash;
    };
    const moved = fp(`# a comment\n${DOCKERFILE}`, 4);
    const original = fp(DOCKERFILE, 3);
    expect(moved).toBe(original);
    expect(fp(DOCKERFILE.replace('curl', 'wget'), 3)).not.toBe(original);
    expect(original).toMatch(/^[0-9a-f]{32}:1$/);
  });

  it('numbers identical fingerprints so they stay distinct', () => {
    const dir = workspaceWith('RUN x\nRUN x\n');
    const r = reportOf([
      target([finding('HC503', 'warning', 1, 'a'), finding('HC503', 'warning', 2, 'a')], []),
    ]);
    const fps = renderSarif(r, { readSource: fileSourceReader(dir) }).runs[0].results.map(
      (x: { partialFingerprints: { primaryLocationLineHash: string } }) =>
        x.partialFingerprints.primaryLocationLineHash,
    );
    expect(fps[0].split(':')[0]).toBe(fps[1].split(':')[0]);
    expect(fps.map((f: string) => f.split(':')[1])).toEqual(['1', '2']);
  });

  it('sets the category and never contains a secret', () => {
    expect(run.automationDetails.id).toBe('harden-check/Dockerfile/');
    const text = JSON.stringify(renderSarif(hostileReport(), { ruleMeta })) + JSON.stringify(sarif);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SK_SECRET);
  });
});
