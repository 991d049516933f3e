// Hand-made reports for renderer tests: a realistic one and a hostile one whose every
// user-controlled string tries to break markdown, inject HTML, ping a team or leak a secret.
import type { Check, Finding, Report, TargetReport } from '../../src/report/types.js';

export const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
export const SK_SECRET = 'sk-proj-AAAAbbbbCCCCddddEEEEffff1234';

export function check(
  id: Check['id'],
  status: Check['status'],
  detail: string,
  extra: Partial<Check> = {},
): Check {
  return { id, status, detail, ...extra };
}

export function finding(
  ruleId: string,
  severity: Finding['severity'],
  line: number,
  message: string,
  file = 'Dockerfile',
): Finding {
  return { ruleId, severity, file, line, message };
}

export function target(
  findings: Finding[],
  checks: Check[],
  extra: Partial<TargetReport> = {},
): TargetReport {
  return {
    dockerfile: 'Dockerfile',
    image: 'sha256:4f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c',
    checks,
    findings,
    timings: { audit: 0.02, build: 3.4, verify: 2.1 },
    ...extra,
  };
}

export function reportOf(targets: TargetReport[], result: Report['result'] = 'fail'): Report {
  return {
    version: 1,
    result,
    failOn: 'error',
    targets,
    checks: targets.length === 1 ? targets[0].checks : [],
    findings: targets.flatMap((t) => t.findings),
  };
}

export function realisticReport(): Report {
  return reportOf([
    target(
      [
        finding(
          'HC201',
          'error',
          9,
          'The HEALTHCHECK probes port 8080, but the app listens on 3000: point it at 3000.',
        ),
        finding(
          'HC301',
          'error',
          5,
          `ENV API_KEY holds a credential (${SK_SECRET}): pass it at run time instead.`,
        ),
        finding(
          'HC503',
          'warning',
          3,
          'apt-get install without --no-install-recommends pulls extra packages.',
        ),
        finding('HC104', 'note', 12, 'USER is numeric (1000): good; name it in a comment for readers.'),
      ],
      [
        check('non-root', 'pass', 'uid 1000 (USER 1000:1000, line 12)', { source: 'runtime' }),
        check('healthcheck-defined', 'pass', 'HEALTHCHECK on line 9'),
        check('healthy', 'fail', 'unhealthy after 30.2 s: connection refused on :8080', {
          line: 9,
          seconds: 30.2,
          diagnosis:
            'curl: (7) Failed to connect to localhost port 8080: Connection refused\nexit code 7 (3 of 3 probes)',
        }),
        check('no-secrets', 'fail', `API_KEY=${SK_SECRET} in Config.Env`, { line: 5 }),
        check('env-override', 'pass', 'LOG_LEVEL=hc-sentinel-1 reached pid 1'),
      ],
      {
        buildLogTail: '#8 [4/5] RUN npm ci --omit=dev\n#8 DONE 2.9s\n#9 exporting to image\n#9 DONE 0.4s',
        healthLog: 'probe 1: exit 7\nprobe 2: exit 7\nprobe 3: exit 7',
      },
    ),
  ]);
}

/** Every string here is an attack on the renderer. */
export const HOSTILE = {
  html: '<img src=x onerror=alert(1)><script>alert(1)</script>',
  mention: 'ping @org/security-team and @octocat',
  pipes: 'a | b || c',
  backticks: 'run ```rm -rf /``` and `x`',
  details: '</details></summary><details open>',
  control: 'bell\u0007 esc\u001b[31mred\u001b[0m bidi\u202Eevil nul\u0000 cr\rlf',
  issueRef: 'fixes #1 and org/repo#2',
  link: '[click](javascript:alert(1)) ![img](http://x/y.png)',
  heading: '\n# Injected heading\n- [ ] task',
  long: 'L'.repeat(20_000),
  secret: `TOKEN=${SECRET}`,
  comment: '<!-- harden-check:Dockerfile -->',
};

export function hostileReport(): Report {
  const all = Object.values(HOSTILE).join(' ');
  return reportOf([
    target(
      Object.entries(HOSTILE).map(([k, v], i) =>
        finding('HC301', 'error', i + 1, `${k}: ${v}`, `dir|x/${HOSTILE.details}Dockerfile`),
      ),
      [
        check('non-root', 'fail', `${HOSTILE.html} ${HOSTILE.pipes}`, { diagnosis: all }),
        check('healthcheck-defined', 'pass', HOSTILE.mention),
        check('healthy', 'error', HOSTILE.backticks),
        check('no-secrets', 'fail', HOSTILE.secret),
        check('env-override', 'skip', HOSTILE.control),
      ],
      {
        dockerfile: `evil|${HOSTILE.html}@org/team`,
        image: HOSTILE.html,
        buildLogTail: `${all}\n\`\`\`\`\`\`\`\nafter fence\n</details>`,
        healthLog: HOSTILE.details,
        notes: [HOSTILE.mention, HOSTILE.html],
      },
    ),
  ]);
}
