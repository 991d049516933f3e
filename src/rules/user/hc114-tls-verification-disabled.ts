// HC114: TLS certificate verification turned off, so any man in the middle can serve the
// packages, scripts or data the build downloads (and, through final-stage ENV, every
// connection the app makes). Flags and commands: curl -k/--insecure (clusters like -fsSLk),
// wget/apk --no-check-certificate, pip/uv --trusted-host/--allow-insecure-host; settings:
// git http.sslVerify false, npm/yarn strict-ssl false, yum/dnf sslverify=0, conda ssl_verify;
// variables: PYTHONHTTPSVERIFY=0, NODE_TLS_REJECT_UNAUTHORIZED=0, NPM_CONFIG_STRICT_SSL=false,
// GIT_SSL_NO_VERIFY, PIP_TRUSTED_HOST, UV_INSECURE_HOST — in ENV, ARG or a RUN.
// Final-stage ENV is an error (the running app inherits it); everything else a warning.
import type { Severity } from '../../report/types.js';
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';
import { invocationsOf } from '../../shell/invocations.js';
import { hasShortFlag } from '../../shell/options.js';
import { isShipped, stageInstructions } from '../../dockerfile/stages.js';
import { textHits, type TextPattern } from './text-hits.js';

/** curl short options that take a value: a cluster stops at them (`-ok` is -o with file "k"). */
const CURL_VALUE = 'AbcCdDeEFHKmoPQrtTuUwxXyYzhKE';

interface VarRule {
  re: RegExp;
  insecure: (value: string) => boolean;
  what: string;
}

const VARS: VarRule[] = [
  {
    re: /^PYTHONHTTPSVERIFY$/,
    insecure: (v) => v === '0',
    what: 'turns off certificate checks in Python urllib/http.client',
  },
  {
    re: /^NODE_TLS_REJECT_UNAUTHORIZED$/,
    insecure: (v) => v === '0',
    what: 'turns off certificate checks in Node.js',
  },
  {
    re: /^npm_config_strict_ssl$/i,
    insecure: (v) => /^(false|0|no)$/i.test(v),
    what: 'turns off certificate checks in npm',
  },
  {
    re: /^YARN_ENABLE_STRICT_SSL$/,
    insecure: (v) => /^(false|0)$/i.test(v),
    what: 'turns off certificate checks in Yarn',
  },
  {
    re: /^GIT_SSL_NO_VERIFY$/,
    insecure: () => true,
    what: 'turns off certificate checks in git (any value does)',
  },
  {
    re: /^PIP_TRUSTED_HOST$/,
    insecure: (v) => v !== '',
    what: 'makes pip skip certificate checks for those hosts',
  },
  {
    re: /^UV_INSECURE_HOST$/,
    insecure: (v) => v !== '',
    what: 'makes uv skip certificate checks for those hosts',
  },
  {
    re: /^CONDA_SSL_VERIFY$/,
    insecure: (v) => /^(false|0|no)$/i.test(v),
    what: 'turns off certificate checks in conda',
  },
];

/** Settings written anywhere in a RUN (or a COPY heredoc): config commands and config files. */
const TEXT: TextPattern[] = [
  { re: /\bhttp\.sslverify\s*[= ]\s*["']?(false|0|no|off)\b/i, what: 'git http.sslVerify false' },
  { re: /\bstrict-ssl\s*[= ]\s*["']?false\b|--no-strict-ssl\b/i, what: 'npm/yarn strict-ssl false' },
  { re: /\benableStrictSsl\s*[=: ]\s*["']?false\b/, what: 'Yarn enableStrictSsl false' },
  { re: /(?<![.\w])sslverify\s*=\s*["']?(0|false|no|off)\b/i, what: 'yum/dnf sslverify=0' },
  { re: /\bssl_verify\s+["']?(false|no|0)\b/i, what: 'conda ssl_verify false' },
  { re: /^\s*trusted-host\s*=/, what: 'pip trusted-host in a config file' },
  { re: /\bglobal\.trusted-host\b/, what: 'pip config global.trusted-host' },
  { re: /--no-check-certificate\b/, what: '--no-check-certificate' },
  {
    re: /--insecure-skip-tls-verify\b|--(?:src-|dest-)?tls-verify=false\b/,
    what: 'TLS verification flag set to off',
  },
  {
    re: /\b(?:export\s+)?(?:PYTHONHTTPSVERIFY=["']?0|NODE_TLS_REJECT_UNAUTHORIZED=["']?0|NPM_CONFIG_STRICT_SSL=["']?false|GIT_SSL_NO_VERIFY=|PIP_TRUSTED_HOST=\S|UV_INSECURE_HOST=\S)/i,
    what: 'an environment variable that disables certificate checks',
  },
];

export const hc114: Rule = {
  meta: {
    id: 'HC114',
    title: 'TLS verification disabled',
    severity: 'error',
    anchors: {
      checkov: [
        'CKV2_DOCKER_2',
        'CKV2_DOCKER_3',
        'CKV2_DOCKER_4',
        'CKV2_DOCKER_5',
        'CKV2_DOCKER_6',
        'CKV2_DOCKER_12',
        'CKV2_DOCKER_13',
        'CKV2_DOCKER_14',
        'CKV2_DOCKER_15',
        'CKV2_DOCKER_16',
      ],
    },
    description:
      'Without certificate verification anyone on the network path can substitute the packages, installers and data a build downloads; in the final image ENV it also disables verification for every connection the application makes. Fix the trust store (install ca-certificates, COPY the corporate CA and run update-ca-certificates) instead.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of stageInstructions(model)) {
      const inShipped = isShipped(model, instr);
      if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
        for (const p of instr.properties) {
          const rule = VARS.find((v) => v.re.test(p.name));
          if (!rule || p.value === null) continue;
          const value = model.resolve(p.value, instr).value.replace(/^(['"])(.*)\1$/, '$2');
          if (!rule.insecure(value)) continue;
          const final = instr.keyword === 'ENV' && inShipped;
          const severity: Severity = final ? 'error' : 'warning';
          const where = final
            ? 'in the shipped image, so the application runs without certificate checks'
            : instr.keyword === 'ARG'
              ? 'for the build'
              : 'in a builder stage';
          hits.push({
            line: instr.line,
            severity,
            message: `${instr.keyword} ${p.name}=${value} ${rule.what} ${where}: remove it and trust the needed CA instead (COPY the CA file and run update-ca-certificates).`,
          });
        }
        continue;
      }
      if (instr.keyword === 'RUN') hits.push(...runHits(model, instr, inShipped));
      if (instr.keyword === 'COPY' && instr.heredocs.length > 0)
        hits.push(...textHits(model, instr, TEXT, new Set(), textHit('')));
    }
    return hits;
  },
};

function runHits(model: DockerfileModel, instr: Instr, inShipped: boolean): RuleHit[] {
  const hits: RuleHit[] = [];
  const seen = new Set<number>();
  const stage = inShipped ? '' : ' (builder stage)';
  for (const inv of invocationsOf(instr, model)) {
    let flag: { line: number; text: string } | undefined;
    if (inv.name === 'curl') {
      const w = inv.args.find(
        (a) =>
          a.value === '--insecure' ||
          a.value === '--proxy-insecure' ||
          hasShortFlag(a.value, 'k', CURL_VALUE),
      );
      if (w) flag = { line: w.line, text: `curl ${w.value}` };
    } else if (inv.name === 'wget' || inv.name === 'apk') {
      const w = inv.args.find((a) => a.value === '--no-check-certificate');
      if (w) flag = { line: w.line, text: `${inv.name} --no-check-certificate` };
    } else if (/^(pip\d*(\.\d+)?|python\d*(\.\d+)?|uv|pipenv|pdm)$/.test(inv.name)) {
      const w = inv.args.find((a) => /^--(trusted-host|allow-insecure-host)\b/.test(a.value));
      if (w) flag = { line: w.line, text: `${inv.name} ${w.value.replace(/=.*/, '')}` };
    }
    if (!flag || seen.has(flag.line)) continue;
    seen.add(flag.line);
    hits.push({
      line: flag.line,
      severity: 'warning',
      message: `${flag.text} downloads without checking the server certificate${stage}: remove it and fix the trust store instead (install ca-certificates or COPY the corporate CA and run update-ca-certificates).`,
    });
  }
  hits.push(...textHits(model, instr, TEXT, seen, textHit(stage)));
  return hits;
}

const textHit =
  (stage: string) =>
  (line: number, what: string): RuleHit => ({
    line,
    severity: 'warning',
    message: `${what} turns off certificate verification${stage}: remove it and fix the trust store instead (install ca-certificates or COPY the corporate CA and run update-ca-certificates).`,
  });
