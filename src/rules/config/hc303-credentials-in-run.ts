// HC303: a RUN configures credentials (cloud CLIs, registries, package managers) without a
// build secret: the value comes from a build argument or the Dockerfile itself, and the
// credential file the command writes stays in the layer. A RUN that mounts a secret
// (`--mount=type=secret`) and reads it from /run/secrets is the fix, so it is not flagged.
import { secretNameMatch } from '../../secrets/detect.js';
import type { Rule, RuleHit } from '../types.js';
import { isShipped } from '../../dockerfile/stages.js';
import { escapeRegExp, lineMatching } from '../../dockerfile/lines.js';

interface Pattern {
  what: string;
  re: RegExp;
  /** Extra test on the matched command (e.g. the echoed text carries a credential). */
  valid?: (m: RegExpExecArray) => boolean;
}

// Each pattern stays within one shell command (no `;`, `&`, `|` or newline in between).
const C = '[^;&|\\n]*?';
const PATTERNS: Pattern[] = [
  {
    what: '`aws configure set` stores an AWS key in ~/.aws/credentials',
    re: new RegExp(
      `\\baws\\s+configure\\s+set\\s+(?:[\\w-]+\\.)?aws_(?:secret_access_key|access_key_id|session_token)\\b`,
    ),
  },
  {
    what: '`gcloud auth activate-service-account --key-file` stores a service-account key in ~/.config/gcloud',
    re: new RegExp(`\\bgcloud\\s+auth\\s+(?:activate-service-account${C}--key-file|login${C}--cred-file)\\b`),
  },
  {
    what: '`az login` with a password or federated token',
    re: new RegExp(`\\baz\\s+login\\b${C}\\s(?:-p|--password|--federated-token)\\b`),
  },
  {
    what: '`doctl auth init` with an access token',
    re: new RegExp(`\\bdoctl\\s+auth\\s+init\\b${C}\\s(?:-t|--access-token)\\b`),
  },
  {
    what: '`npm config set …:_authToken` writes a registry token to .npmrc',
    re: new RegExp(`\\b(?:npm|pnpm)\\s+config\\s+set\\s+${C}(?:_authToken|_auth|_password)\\b`),
  },
  {
    what: '`yarn config set npmAuthToken` writes a registry token to .yarnrc.yml',
    re: new RegExp(`\\byarn\\s+config\\s+set\\s+${C}\\bnpmAuth(?:Token|Ident)\\b`),
  },
  {
    what: '`docker login` with a password on the command line',
    re: new RegExp(`\\bdocker\\s+login\\b${C}\\s(?:-p|--password)(?:[=\\s])`),
  },
  {
    what: '`helm registry login` / `helm repo add` with a password',
    re: new RegExp(`\\bhelm\\s+(?:registry\\s+login|repo\\s+add)\\b${C}\\s--password\\b`),
  },
  {
    what: 'a credential written to a config file (.npmrc, .pypirc, .netrc, .git-credentials, .docker/config.json)',
    re: new RegExp(
      `\\b(?:echo|printf)\\s+(${C})>>?\\s*['"]?\\S*(?:\\.npmrc|\\.pypirc|\\.netrc|\\.git-credentials|\\.yarnrc(?:\\.yml)?|\\.docker/config\\.json|\\.pgpass)\\b`,
    ),
    valid: (m) => /\$|_auth|password|token|login|secret/i.test(m[1]),
  },
  {
    what: 'a URL with credentials from a variable (`https://user:$TOKEN@…`)',
    re: /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@'"]*:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?)@/i,
    valid: (m) => m[1] === undefined || secretNameMatch(m[1]) !== null,
  },
];

export const hc303: Rule = {
  meta: {
    id: 'HC303',
    title: 'Credentials configured in RUN without a build secret',
    severity: 'error',
    check: 'no-secrets',
    anchors: { trivy: ['DS-0031'] },
    description:
      'Credentials given to a RUN through a build argument or written into a config file stay in the build cache and the layer (and in `docker history` when they come from a build argument). Mount them with `RUN --mount=type=secret` and read them from /run/secrets (or `env=`), so they never reach a layer.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN' || instr.stageIndex < 0) continue;
      const secretMount = instr.flags.some(
        (f) => f.name === 'mount' && /(?:^|,)type=secret(?:,|$)/.test(f.value ?? ''),
      );
      if (secretMount) continue;
      const texts = instr.json ? [instr.json.join(' ')] : [instr.text, ...instr.heredocs.map((h) => h.body)];
      const shipped = isShipped(model, instr);
      for (const p of PATTERNS) {
        let found: RegExpExecArray | null = null;
        for (const t of texts) {
          const m = p.re.exec(t);
          if (m && (!p.valid || p.valid(m))) {
            found = m;
            break;
          }
        }
        if (!found) continue;
        const head = /^\S+(?:\s+\S+)?/.exec(found[0])?.[0] ?? found[0];
        const line = lineMatching(model, instr, new RegExp(escapeRegExp(head)));
        hits.push({
          line,
          severity: shipped ? undefined : 'warning',
          message: shipped
            ? `RUN configures credentials without a build secret (${p.what}): use RUN --mount=type=secret,id=… and read the value from /run/secrets so it never reaches a layer or docker history.`
            : `A build-stage RUN configures credentials without a build secret (${p.what}); the stage does not ship, but the value stays in the build cache: use RUN --mount=type=secret,id=….`,
        });
      }
    }
    return hits;
  },
};
