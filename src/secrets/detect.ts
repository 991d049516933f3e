// One secret detector shared by the static rules (HC301/HC302/HC305) and the runtime
// probes (image Config.Env, docker history). Names are matched on token boundaries,
// not substrings (the anchors' main source of false positives); values are matched
// against provider patterns, so a credential is found even under an innocent name.

/** Split a variable name into lowercase tokens on `_`, `-`, `.` and camelCase boundaries. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

// Tokens that alone make a name secret-bearing.
const SECRET_TOKENS = new Set([
  'password',
  'passwd',
  'pwd',
  'pword',
  'pass',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'privatekey',
  'accesskey',
  'secretkey',
]);

// `key` is secret only with one of these in front (API_KEY, PRIVATE_KEY, ACCESS_KEY, ...):
// a bare KEY or GPG_KEY / KEYCLOAK are not (dockle#130).
const KEY_QUALIFIERS = new Set([
  'api',
  'private',
  'secret',
  'access',
  'signing',
  'encryption',
  'master',
  'client',
  'license',
  'auth',
  'app',
  'service',
  'account',
  'session',
  'jwt',
  'hmac',
  'cookie',
  'crypt',
  'decryption',
  'deploy',
  'sign',
  // API vendors: OPENAI_KEY, STRIPE_KEY, SENDGRID_KEY are API keys
  'openai',
  'anthropic',
  'claude',
  'gemini',
  'groq',
  'mistral',
  'cohere',
  'deepseek',
  'openrouter',
  'replicate',
  'elevenlabs',
  'stripe',
  'sendgrid',
  'mailgun',
  'mailchimp',
  'twilio',
  'pusher',
  'pinecone',
  'supabase',
  'firebase',
  'algolia',
  'mapbox',
  'sentry',
  'datadog',
]);

// A last token that names something *about* a secret, not the secret itself: the
// recommended `*_FILE` pattern, paths, versions, modes, ids (BuildKit PR #6501 & co).
const ALLOWED_LAST = new Set([
  'file',
  'files',
  'path',
  'dir',
  'directory',
  'url',
  'uri',
  'endpoint',
  'host',
  'port',
  'version',
  'ver',
  'mode',
  'enabled',
  'enable',
  'disabled',
  'required',
  'name',
  'names',
  'id',
  'type',
  'length',
  'len',
  'size',
  'min',
  'max',
  'count',
  'timeout',
  'ttl',
  'expiry',
  'expires',
  'header',
  'prefix',
  'location',
  'alias',
  'arn',
  'format',
  'algorithm',
  'algo',
  'method',
  'provider',
  'manager',
  'prompt',
  'string',
  'policy',
  'user',
  'username',
  'env',
  'ref',
  'hash',
  'fingerprint',
  'issuer',
  'audience',
  'scope',
  'scopes',
  'realm',
  'lifetime',
  'duration',
  'interval',
  'helper',
  'store',
  'backend',
  'label',
  'kind',
  'log',
  'logs',
  'sha',
]);

// Anywhere in the name, these make it about public material.
const PUBLIC_TOKENS = new Set(['public', 'pub', 'gpg', 'pgp', 'publishable']);

// Words that merely end like a secret word.
const UNGLUED_WORDS = new Set(['detoken', 'retoken', 'untoken']);

/**
 * Does this variable name say it holds a secret? Returns the token that decided, or null.
 * `AWS_ACCESS_KEY_ID` is flagged (conventional), `FACEBOOK_APP_ID`, `PASSWORD_FILE`,
 * `TOKEN_URL`, `GPG_KEY`, `PUBLIC_KEY`, `AUTH_MODE`, `GOPRIVATE` are not.
 */
export function secretNameMatch(name: string): string | null {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return null;
  if (tokens.some((t) => PUBLIC_TOKENS.has(t))) return null;
  const joined = tokens.join('_');
  if (/(^|_)access_key_id$/.test(joined)) return 'access_key';
  const last = tokens[tokens.length - 1];
  if (ALLOWED_LAST.has(last) && tokens.length > 1) return null;
  // `PWD` alone is the shell's working directory, not a password (MYSQL_PWD is one).
  if (tokens.length === 1 && tokens[0] === 'pwd') return null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (SECRET_TOKENS.has(t)) return t;
    if (t === 'key' && i > 0 && KEY_QUALIFIERS.has(tokens[i - 1])) return `${tokens[i - 1]}_key`;
    // apikey / secretkey / authtoken glued together
    if (/^(api|secret|access|private|auth)(key|token)$/.test(t)) return t;
    // PGPASSWORD, DBPASSWORD, CLIENTSECRET, AUTHTOKEN, ACCESSTOKEN: a glued secret word at the end
    if (/^[a-z]{2,}(password|passwd|secret|token)$/.test(t) && !UNGLUED_WORDS.has(t)) return t;
  }
  return null;
}

export interface SecretValueMatch {
  kind: string;
  index: number;
  length: number;
}

interface ValuePattern {
  kind: string;
  re: RegExp;
  /** Extra test on the matched text (rules out look-alikes). */
  valid?: (match: string) => boolean;
}

/** Random-looking: letters of both cases and a digit (real API keys; not kebab-case words). */
function mixed(body: string): boolean {
  return /[0-9]/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body);
}

/** The password of `scheme://user:password@host` is not a placeholder (`<password>`, `***`, `$VAR`). */
function urlPasswordIsReal(match: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:([^\s/@'"]+)@/i.exec(match);
  if (!m) return false;
  return !isPlaceholder(m[1]) && !/^[$%{]/.test(m[1]);
}

// Passwords of connection URLs written as stand-ins (`postgresql://user:pass@localhost/dummy`
// for a build step that needs a URL but no database).
const DUMMY_PASSWORDS = new Set(
  'pass password passwd pwd secret test testing dummy fake example sample changeme placeholder postgres mysql root admin user guest foo bar baz xxx build'.split(
    ' ',
  ),
);

/**
 * A URL with credentials written as a stand-in: a stand-in password (`pass`, `dummy`, the user
 * name again). The host does not decide (`postgres:mysecretpassword@localhost` ships a real
 * literal). Still redacted everywhere (findSecretValues finds it); only the rules do not call it
 * a leaked secret.
 */
export function isDummyCredentialUrl(url: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^\s/:@'"]+):([^\s/@'"]+)@/i.exec(url);
  if (!m) return false;
  const [, user, password] = m;
  return DUMMY_PASSWORDS.has(password.toLowerCase()) || password === user;
}

// Provider patterns: precise enough that a match is a credential whatever the name.
const VALUE_PATTERNS: ValuePattern[] = [
  {
    kind: 'AWS access key id',
    re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g,
    // AKIAIOSFODNN7EXAMPLE is the documentation's example key
    valid: (m) => !m.endsWith('EXAMPLE'),
  },
  { kind: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { kind: 'GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g },
  { kind: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  {
    kind: 'OpenAI/Anthropic-style API key',
    re: /\bsk-(?:proj-|ant-|live-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
    valid: (m) => mixed(m.slice(3)),
  },
  { kind: 'Stripe key', re: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}\b/g },
  { kind: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'Hugging Face token', re: /\bhf_[A-Za-z0-9]{34,}\b/g, valid: (m) => mixed(m.slice(3)) },
  { kind: 'Docker Hub token', re: /\bdckr_pat_[A-Za-z0-9_-]{27,}/g },
  { kind: 'PyPI token', re: /\bpypi-AgE[A-Za-z0-9_-]{50,}/g },
  { kind: 'SendGrid key', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { kind: 'DigitalOcean token', re: /\bdo[por]_v1_[a-f0-9]{64}\b/g },
  { kind: 'Shopify token', re: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g },
  {
    kind: 'private key',
    re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { kind: 'JSON web token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  // scheme://user:password@host, but not a $VAR / ${VAR} placeholder as the password
  {
    kind: 'URL with credentials',
    re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:(?!\$)[^\s/@'"]+@[^\s'"]+/gi,
    valid: urlPasswordIsReal,
  },
];

/** Every credential-shaped value in free text (a value, a history line, a log). */
export function findSecretValues(text: string): SecretValueMatch[] {
  const out: SecretValueMatch[] = [];
  for (const { kind, re, valid } of VALUE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (!valid || valid(m[0])) out.push({ kind, index: m.index, length: m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A file path (`/run/secrets/api_key`, `./keys.json`, `C:\\keys\\sa.json`): where a secret
 * is read from, the recommended pattern, not the secret. Segments of word characters only,
 * so base64 (`+`, `=`) is never taken for a path.
 */
export function isPathValue(value: string): boolean {
  const v = value.trim();
  return (
    (/^(?:~|\.{1,2})?\/(?:[\w.@-]+\/?)*$/.test(v) || /^[A-Za-z]:\\(?:[\w .@-]+\\?)*$/.test(v)) && v.length > 1
  );
}

/** Values that are not literal secrets: empty, a variable reference, a file path, an obvious placeholder. */
export function isPlaceholder(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const v = value.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (v === '') return true;
  if (isPathValue(v)) return true;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-?][^}]*)?\}?$/.test(v)) return true;
  // `${VAR}` parts only (`${USER}:${PASS}`), templates (`{{ .Token }}`, `%(token)s`)
  if (/^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?[:@/._-]?)+$/.test(v)) return true;
  // templates: `{{ .Token }}`, `%(token)s`, `$(cat …)`, CI replace tokens `#{TOKEN}#`, `__TOKEN__`
  if (/^(\{\{.*\}\}|%\(?\w*\)?s|\$\(.*\)|#\{[\w.-]+\}#?|__[A-Z][A-Z0-9_]*__)$/.test(v)) return true;
  if (
    /^(<.*>|\[.*\]|\*+|x+|\.{3}|…|changeme|change[_-]?me|replace[_-]?me|your[_-][\w-]*|todo|tbd|fixme|none|null|nil|undefined|unset|n\/a|false|true|0|-|dummy|placeholder|example|sample)$/i.test(
      v,
    )
  ) {
    return true;
  }
  return false;
}

/** `sk-l…(redacted)`: enough to recognise which value, never enough to use it. */
export function maskSecret(value: string): string {
  const v = value;
  if (v.length >= 16) return `${v.slice(0, 4)}…(redacted)`;
  return '…(redacted)';
}

/** Replace every credential-shaped value in free text by its masked form. */
export function redact(text: string, extraValues: readonly string[] = []): string {
  let out = text;
  // Known literal values first (e.g. ENV values flagged by name), longest first.
  for (const v of [...extraValues].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(v).join(maskSecret(v));
  }
  const matches = findSecretValues(out);
  if (matches.length === 0) return out;
  let result = '';
  let pos = 0;
  for (const m of matches) {
    if (m.index < pos) continue; // overlapping pattern
    result += out.slice(pos, m.index) + maskSecret(out.slice(m.index, m.index + m.length));
    pos = m.index + m.length;
  }
  return result + out.slice(pos);
}
