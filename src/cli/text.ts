// Console output of the CLI: the checklist, then findings as `file:line` lines that
// editors and terminals turn into links. Colour only when asked (TTY, no NO_COLOR).
import {
  DEPLOY_CHECK_IDS,
  type Check,
  type Finding,
  type Report,
  type TargetReport,
} from '../report/types.js';
import { redact } from '../secrets/detect.js';
import { describeTally, tally } from '../report/verdict.js';

const CODES = { red: 31, yellow: 33, green: 32, blue: 34, grey: 90, bold: 1 } as const;
type Colour = keyof typeof CODES;

export function renderText(report: Report, color: boolean): string {
  const c = (name: Colour, s: string) => (color ? `\u001b[${CODES[name]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const t of report.targets) out.push(...renderTarget(t, c));
  const verdict = report.result === 'pass' ? c('green', c('bold', 'PASS')) : c('red', c('bold', 'FAIL'));
  // The same counts and words as the action's summary and failure message.
  out.push(
    `${verdict}  ${describeTally(tally(report))}` +
      (report.failOn ? c('grey', `  (fail-on: ${report.failOn})`) : ''),
  );
  return out.join('\n') + '\n';
}

function renderTarget(t: TargetReport, c: (n: Colour, s: string) => string): string[] {
  const out: string[] = [
    c('bold', `harden-check ${t.dockerfile}`) + (t.image ? c('grey', `  image ${t.image.slice(0, 19)}`) : ''),
  ];
  for (const note of t.notes ?? []) out.push(c('grey', `  ${clean(note)}`));
  out.push('');
  const isDeploy = (k: Check) => (DEPLOY_CHECK_IDS as readonly string[]).includes(k.id);
  const line = (k: Check) =>
    `  ${icon(k, c)} ${k.id.padEnd(20)} ${clean(k.detail)}${k.required === false ? c('grey', '  (advisory)') : ''}`;
  for (const k of t.checks.filter((k) => !isDeploy(k))) out.push(line(k));
  const deploy = t.checks.filter(isDeploy);
  if (deploy.length > 0) out.push('', c('bold', '  deploy readiness'), ...deploy.map(line));
  const diagnoses = t.checks.filter((k) => k.diagnosis && k.status !== 'pass');
  for (const k of diagnoses) out.push('', c('bold', `  ${k.id}: why`), ...indent(clean(k.diagnosis!), 4));
  out.push('');
  for (const f of t.findings) out.push(findingLine(f, c));
  if (t.findings.length > 0) out.push('');
  if (t.kubernetes)
    out.push(c('bold', '  verified Kubernetes snippet'), ...indent(clean(t.kubernetes), 4), '');
  if (t.buildLogTail && t.checks.some((k) => k.status === 'error')) {
    out.push(c('bold', '  build log (tail)'), ...indent(clean(t.buildLogTail), 4), '');
  }
  return out;
}

function icon(k: Check, c: (n: Colour, s: string) => string): string {
  switch (k.status) {
    case 'pass':
      return c('green', '✔ pass');
    case 'fail':
      // an advisory check's failure is a warning
      return k.required === false ? c('yellow', '✘ fail') : c('red', '✘ fail');
    case 'error':
      return c('yellow', '! error');
    default:
      return c('grey', '- skip');
  }
}

function findingLine(f: Finding, c: (n: Colour, s: string) => string): string {
  const sev =
    f.severity === 'error'
      ? c('red', 'error  ')
      : f.severity === 'warning'
        ? c('yellow', 'warning')
        : c('blue', 'note   ');
  return `${f.file}:${f.line}  ${sev} ${c('bold', f.ruleId)}  ${clean(f.message)}`;
}

function indent(text: string, n: number): string[] {
  return text.split('\n').map((l) => ' '.repeat(n) + l);
}

/** Never let a Dockerfile's bytes drive the terminal (escape sequences), never print a secret. */
function clean(s: string): string {
  return redact(s).replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '�');
}
