// The formats other CI systems read: Checkstyle XML (Jenkins Warnings NG), JUnit XML (test
// dashboards) and GitLab Code Quality JSON. Each is parsed back and checked against the
// elements, attributes and fields its consumers require, with hostile text and secrets.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderCheckstyle } from '../../src/report/checkstyle.js';
import { renderGitlab } from '../../src/report/gitlab.js';
import { renderJunit } from '../../src/report/junit.js';
import {
  check,
  finding,
  hostileReport,
  realisticReport,
  reportOf,
  SECRET,
  SK_SECRET,
  target,
} from './sample-report.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  textNodeName: '#text',
});

function parseXml(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  return parser.parse(xml) as Node;
}

/** Every element name and attribute below a node, to compare with a consumer's schema. */
function elements(
  node: unknown,
  name: string,
  out = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  for (const item of Array.isArray(node) ? node : [node]) {
    if (typeof item !== 'object' || item === null) continue;
    const attrs = out.get(name) ?? new Set<string>();
    out.set(name, attrs);
    for (const [k, v] of Object.entries(item as Node)) {
      if (k === '#text') continue;
      if (typeof v === 'string' || typeof v === 'number') attrs.add(k);
      else elements(v, k, out);
    }
  }
  return out;
}

describe('checkstyle', () => {
  it('lists every finding and failed check under its file, with checkstyle severities', () => {
    const doc = parseXml(renderCheckstyle(realisticReport()));
    const files = (doc.checkstyle as Node[])[0].file as Node[];
    expect(files.map((f) => f.name)).toEqual(['Dockerfile']);
    const errors = files[0].error as Node[];
    const rules = errors.filter((e) => /\.HC\d+$/.test(e.source as string));
    expect(rules.map((e) => [e.line, e.severity, e.source])).toEqual([
      ['3', 'warning', 'harden-check.HC503'],
      ['5', 'error', 'harden-check.HC301'],
      ['9', 'error', 'harden-check.HC201'],
      ['12', 'info', 'harden-check.HC104'],
    ]);
    // The two failed checks (no finding here names its check) are errors of their own.
    const checks = errors.filter((e) => !rules.includes(e));
    expect(checks.map((e) => [e.severity, e.source]).sort()).toEqual([
      ['error', 'harden-check.healthy'],
      ['error', 'harden-check.no-secrets'],
    ]);
    expect(errors.every((e) => typeof e.message === 'string' && (e.message as string).length > 0)).toBe(true);
  });

  it('adds a failed check no finding covers, and uses only the elements and attributes checkstyle defines', () => {
    const report = reportOf([target([], [check('non-root', 'fail', 'uid 0 (no USER), line 4')])]);
    const xml = renderCheckstyle(report);
    const doc = parseXml(xml);
    const errors = ((doc.checkstyle as Node[])[0].file as Node[])[0].error as Node[];
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toBe('harden-check.non-root');
    const allowed: Record<string, string[]> = {
      checkstyle: ['version'],
      file: ['name'],
      error: ['line', 'column', 'severity', 'message', 'source'],
    };
    for (const [el, attrs] of elements(doc.checkstyle, 'checkstyle')) {
      expect(Object.keys(allowed), el).toContain(el);
      for (const a of attrs) expect(allowed[el], `${el}@${a}`).toContain(a);
    }
  });

  it('survives hostile text: well-formed XML, no control characters, secrets redacted', () => {
    const xml = renderCheckstyle(hostileReport());
    parseXml(xml);
    expect(xml).not.toContain(SECRET);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toContain('<script>');
  });
});

describe('junit', () => {
  // The testsuites/testsuite/testcase vocabulary Jenkins' JUnit and xUnit plugins validate against.
  const allowed: Record<string, string[]> = {
    testsuites: ['name', 'time', 'tests', 'failures', 'errors'],
    testsuite: [
      'name',
      'tests',
      'failures',
      'errors',
      'skipped',
      'time',
      'timestamp',
      'hostname',
      'id',
      'package',
      'file',
    ],
    testcase: ['name', 'time', 'classname', 'group'],
    failure: ['type', 'message'],
    error: ['type', 'message'],
    skipped: ['type', 'message'],
    'system-out': [],
    'system-err': [],
  };
  const required: Record<string, string[]> = {
    testsuite: ['name', 'tests', 'failures', 'errors'],
    testcase: ['name'],
  };

  it('has one suite per Dockerfile and one case per check, plus the findings case', () => {
    const report = realisticReport();
    const doc = parseXml(renderJunit(report));
    const suites = (doc.testsuites as Node[])[0].testsuite as Node[];
    expect(suites).toHaveLength(1);
    const cases = suites[0].testcase as Node[];
    expect(cases.map((c) => c.name)).toEqual([
      'non-root: Runs as non-root',
      'healthcheck-defined: HEALTHCHECK defined',
      'healthy: Container becomes healthy',
      'no-secrets: No secrets in the image',
      'env-override: Environment override reaches the process',
      'findings (fail-on: error)',
    ]);
    const status = (c: Node) => (c.failure ? 'failure' : c.error ? 'error' : c.skipped ? 'skipped' : 'pass');
    expect(cases.map(status)).toEqual(['pass', 'pass', 'failure', 'failure', 'pass', 'failure']);
    expect(suites[0]).toMatchObject({ tests: '6', failures: '3', errors: '0', skipped: '0' });
    expect((cases[2].time as string[] | string).toString()).toBe('30.200');
  });

  it('fails an advisory check only as a warning fails the verdict', () => {
    const report = (failOn: 'error' | 'warning') => ({
      ...reportOf([
        target(
          [],
          [
            { ...check('graceful-stop', 'fail', 'SIGKILLed'), required: false },
            { ...check('setuid-files', 'error', 'no engine'), required: false },
            { ...check('read-only-rootfs', 'fail', 'EROFS'), required: true },
          ],
        ),
      ]),
      failOn,
    });
    const statuses = (failOn: 'error' | 'warning') => {
      const suite = ((parseXml(renderJunit(report(failOn))).testsuites as Node[])[0].testsuite as Node[])[0];
      const status = (c: Node) =>
        c.failure ? 'failure' : c.error ? 'error' : c.skipped ? 'skipped' : 'pass';
      return (suite.testcase as Node[]).slice(0, 3).map(status);
    };
    expect(statuses('error')).toEqual(['pass', 'skipped', 'failure']);
    expect(statuses('warning')).toEqual(['failure', 'skipped', 'failure']);
  });

  it('maps skip and error checks, counts them, and passes the findings case under fail-on never', () => {
    const report = reportOf(
      [
        target(
          [finding('HC102', 'warning', 2, 'no USER')],
          [check('non-root', 'error', 'could not read the uid'), check('healthy', 'skip', 'no HEALTHCHECK')],
        ),
      ],
      'pass',
    );
    const doc = parseXml(renderJunit({ ...report, failOn: 'never' }));
    const suite = ((doc.testsuites as Node[])[0].testsuite as Node[])[0];
    expect(suite).toMatchObject({ tests: '3', failures: '0', errors: '1', skipped: '1' });
    const findings = (suite.testcase as Node[])[2];
    expect(findings.name).toBe('findings (fail-on: never)');
    expect(findings.failure).toBeUndefined();
    const warned = parseXml(renderJunit({ ...report, failOn: 'warning' }));
    const failing = (((warned.testsuites as Node[])[0].testsuite as Node[])[0].testcase as Node[])[2];
    expect(failing.failure).toBeDefined();
  });

  it('uses only the elements and attributes of the JUnit vocabulary, with the required attributes', () => {
    for (const report of [realisticReport(), hostileReport()]) {
      const doc = parseXml(renderJunit(report));
      for (const [el, attrs] of elements(doc.testsuites, 'testsuites')) {
        expect(Object.keys(allowed), el).toContain(el);
        for (const a of attrs) expect(allowed[el], `${el}@${a}`).toContain(a);
      }
      const suites = (doc.testsuites as Node[])[0].testsuite as Node[];
      for (const s of suites) {
        for (const a of required.testsuite) expect(s[a], `testsuite@${a}`).toBeDefined();
        expect(s.time).toMatch(/^\d+(\.\d+)?$/);
        for (const c of s.testcase as Node[]) for (const a of required.testcase) expect(c[a]).toBeDefined();
      }
    }
  });

  it('keeps secrets and control characters out', () => {
    const xml = renderJunit(hostileReport());
    expect(xml).not.toContain(SECRET);
    expect(renderJunit(realisticReport())).not.toContain(SK_SECRET);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

describe('gitlab code quality', () => {
  // The fields GitLab requires of each issue in a codequality report, and their types.
  const schema = {
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      properties: {
        type: { const: 'issue' },
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', minLength: 1 },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path', 'lines'],
          properties: {
            path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
            lines: {
              type: 'object',
              required: ['begin'],
              properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
            },
          },
        },
      },
    },
  };
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('writes valid issues with unique fingerprints that survive moved lines', () => {
    const source = ['FROM node:20', 'ENV API_KEY=x', 'USER node'];
    const report = reportOf([
      target(
        [finding('HC301', 'error', 2, 'secret'), finding('HC503', 'note', 1, 'pin the base')],
        [check('healthy', 'fail', 'unhealthy')],
      ),
    ]);
    const issues = renderGitlab(report, { readSource: () => source });
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.lines.begin])).toEqual([
      ['HC301', 'major', 2],
      ['HC503', 'info', 1],
      ['harden-check/healthy', 'major', 1],
    ]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);

    const moved = reportOf([target([finding('HC301', 'error', 3, 'secret')], [])]);
    const movedIssues = renderGitlab(moved, { readSource: () => ['# a comment', ...source] });
    expect(movedIssues[0].fingerprint).toBe(issues[0].fingerprint);
  });

  it('stays valid on hostile input and never carries a secret', () => {
    const issues = renderGitlab(hostileReport());
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(issues)).not.toContain(SECRET);
  });
});
