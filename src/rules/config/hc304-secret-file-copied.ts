// HC304: COPY/ADD puts a secret-bearing file into the shipped image: `.env`, SSH keys,
// cloud credentials, private keys and keystores, registry auth files, `.git/`. Only the
// stages that ship are checked, and only named sources: `COPY . .` is .dockerignore
// territory, and `COPY --from=build /app/bin` of a built artefact never matches. Also
// flags a file copied to the path GOOGLE_APPLICATION_CREDENTIALS (& co) points at.
import { finalEnv } from '../../dockerfile/facts.js';
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { instructionWords } from '../../dockerfile/instruction-words.js';
import { escapeRegExp, lineMatching } from '../../dockerfile/lines.js';
import { unquote } from './shared.js';

const PUBLIC_PART =
  /(?:^|[._-])(?:ca|cacert|cacerts|cert|certs|certificate|chain|fullchain|bundle|pub|public|root|gpg|pgp|asc|release|archive|keyring|repo|apt|trusted)(?:[._-]|$)/i;

/** Why a source path is secret-bearing, or null. */
export function secretFileReason(path: string): string | null {
  const clean = path.replace(/\/+$/, '');
  const segments = clean.split('/').filter((s) => s !== '' && s !== '.');
  const base = segments[segments.length - 1] ?? '';
  const lower = base.toLowerCase();
  for (const dir of ['.aws', '.ssh', '.git', '.gnupg', '.kube', '.docker']) {
    const at = segments.findIndex((s) => s.toLowerCase() === dir);
    if (at < 0) continue;
    // a `.docker/` folder of a project usually holds nginx/php configs: only its config.json is auth
    if (dir === '.docker' && segments[at + 1]?.toLowerCase() !== 'config.json') continue;
    return dir === '.git' ? 'a .git directory (history, remotes with tokens)' : `${dir}/ (credentials)`;
  }
  if (segments.some((s) => s.toLowerCase() === 'gcloud') && segments.some((s) => s === '.config'))
    return '.config/gcloud (credentials)';
  if (
    /^\.env(?:\.[\w-]+)?$/.test(lower) &&
    !/\.(?:example|sample|template|tpl|dist|defaults|schema)$/.test(lower)
  ) {
    return 'an environment file (.env)';
  }
  if (
    /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_[\w-]+)?$/.test(lower) ||
    /^id_(?:rsa|dsa|ecdsa|ed25519)\*$/.test(lower)
  )
    return 'an SSH private key';
  if (/^(?:credentials|client_secrets?|service[-_]?account[\w-]*|[\w-]*-sa-key)\.json$/.test(lower))
    return 'a credentials file';
  if (
    [
      '.npmrc',
      '.pypirc',
      '.netrc',
      '_netrc',
      '.git-credentials',
      '.dockercfg',
      '.htpasswd',
      '.pgpass',
      '.vault-token',
      'kubeconfig',
    ].includes(lower)
  ) {
    return `an auth file (${base})`;
  }
  if (/\.(?:p12|pfx|jks|keystore|ppk)$/.test(lower)) return 'a keystore / private key';
  if (/\.key$/.test(lower) && !PUBLIC_PART.test(lower.replace(/\.key$/, ''))) return 'a private key (.key)';
  if (/\.pem$/.test(lower) && !PUBLIC_PART.test(lower.replace(/\.pem$/, '')))
    return 'a PEM file that may hold a private key';
  return null;
}

const CRED_PATH_ENV = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'HF_TOKEN_PATH',
  'KUBECONFIG',
  'DOCKER_CONFIG',
];

export const hc304: Rule = {
  meta: {
    id: 'HC304',
    title: 'Secret-bearing file copied into the image',
    severity: 'error',
    check: 'no-secrets',
    anchors: { trivy: ['DS-0031'], dockle: ['CIS-DI-0010', 'DKL-LI-0003'] },
    description:
      'A key, token file, `.env` or `.git` directory copied into the shipped image can be read by anyone who pulls it, and deleting it in a later layer does not remove it from the earlier one. Mount it at build time (`RUN --mount=type=secret`) or at run time, and keep it out of the build context with .dockerignore.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const credPaths = new Map<string, string>();
    for (const e of finalEnv(model))
      if (CRED_PATH_ENV.includes(e.key) && e.value.startsWith('/')) credPaths.set(e.value, e.key);
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        if (instr.heredocs.length > 0) continue; // inline content: HC302 scans it
        const parts = instr.json ?? instructionWords(instr.text, model.escapeChar).map(unquote);
        if (parts.length < 2) continue;
        const sources = parts.slice(0, -1).map((s) => model.resolveWord(s, instr).value);
        const dest = model.resolveWord(parts[parts.length - 1], instr).value;
        for (const src of sources) {
          if (/^[a-z]+:\/\//i.test(src) || /^git@/.test(src)) continue;
          const why = secretFileReason(src);
          const base = src.replace(/\/+$/, '').split('/').pop() ?? src;
          const line = lineMatching(model, instr, new RegExp(escapeRegExp(base)));
          if (why) {
            hits.push({
              line,
              message: `${instr.keyword} ${src} puts ${why} into the shipped image: mount it with RUN --mount=type=secret (or at run time) and list it in .dockerignore.`,
            });
            continue;
          }
          const target = dest.endsWith('/') ? dest + base : dest;
          const envKey = credPaths.get(target) ?? credPaths.get(dest);
          if (envKey) {
            hits.push({
              line,
              message: `${instr.keyword} ${src} copies the file ${envKey} points to (${target}) into the shipped image: mount it at run time instead (docker run -v / a secret store).`,
            });
          }
        }
      }
    }
    return hits;
  },
};
