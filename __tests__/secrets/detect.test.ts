import { describe, expect, it } from 'vitest';
import {
  findSecretValues,
  isDummyCredentialUrl,
  isPlaceholder,
  maskSecret,
  nameTokens,
  redact,
  secretNameMatch,
} from '../../src/secrets/detect.js';

const GHP = 'ghp_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5';

describe('nameTokens', () => {
  it('splits on _, -, . and camelCase', () => {
    expect(nameTokens('stripeApiKey')).toEqual(['stripe', 'api', 'key']);
    expect(nameTokens('AWS_SECRET-ACCESS.key')).toEqual(['aws', 'secret', 'access', 'key']);
  });
});

describe('secretNameMatch: anchors.md B.6 matrix', () => {
  it.each([
    'PASSWORD_FILE',
    'SESSION_SECRET_FILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'TOKEN_URL',
    'GPG_KEY',
    'WORDPRESS_CLI_GPG_KEY',
    'PUBLIC_KEY',
    'AUTH_MODE',
    'RACKULA_AUTH_MODE',
    'AUTH_MODULE_VERSION',
    'KMS_KEY_ALIAS',
    'KEY_NAME',
    'KEY_ENABLED',
    'KEY',
    'GOPRIVATE',
    'GOPASS_VERSION',
    'KEYCLOAK_VERSION',
    'ACCESS_LOG',
    'GIT_SHA',
    'FACEBOOK_APP_ID',
    'TRAVIS_OS_NAME',
    'TRAVIS_SUDO',
    'PASSWORD_PROMPT_STRING',
    'CREDENTIAL_MANAGER',
    'JENKINS_USERNAME',
    'username',
    'REQUIRE_MFA_AUTH',
    'CC',
    'PWD',
    'libcrypto3',
    'TOKEN_ISSUER',
    'SECRETS_DIR',
  ])('%s is not a secret name', (name) => {
    expect(secretNameMatch(name)).toBeNull();
  });
  it.each([
    'DB_PASS',
    'APIKEY',
    'API_KEY',
    'AWS_ACCESS_KEY_ID',
    'MYSQL_ROOT_PASSWORD',
    'MYSQL_PWD',
    'GITHUB_TOKEN',
    'NPM_TOKEN',
    'PACKAGE_TOKEN',
    'aws_secret_access_key',
    'stripeApiKey',
    'PGPASSWORD',
    'CLIENT_SECRET',
    'JWT_SECRET',
    'SECRET_KEY_BASE',
    'PRIVATE_KEY',
    'SESSION_KEY',
    'DOCKER_CREDENTIALS',
    'PASSPHRASE',
  ])('%s is a secret name', (name) => {
    expect(secretNameMatch(name)).not.toBeNull();
  });
});

describe('findSecretValues', () => {
  const kinds = (t: string) => findSecretValues(t).map((m) => m.kind);
  it('finds provider tokens whatever the surrounding text', () => {
    expect(kinds(`CONFIG=${GHP}`)).toEqual(['GitHub token']);
    expect(kinds('AKIAZ7Q3XK4PLM2NB6RT')).toEqual(['AWS access key id']);
    expect(kinds('xoxb-1234567890-abcdefghij')).toEqual(['Slack token']);
    expect(kinds('sk-Ab3De5Gh7Jk9Mn1Pq3St5Vw7')).toEqual(['OpenAI/Anthropic-style API key']);
    expect(kinds('sk_live_4eC39HqLyjWDarjtT1zdp7dc')).toEqual(['Stripe key']);
    expect(kinds('-----BEGIN OPENSSH PRIVATE KEY-----')).toEqual(['private key']);
    expect(kinds('-----BEGIN RSA PRIVATE KEY-----')).toEqual(['private key']);
    expect(kinds('https://user:pass@example.com/simple')).toEqual(['URL with credentials']);
  });
  it('reports the position and length of the match', () => {
    const [m] = findSecretValues(`x ${GHP} y`);
    expect(m.index).toBe(2);
    expect(m.length).toBe(GHP.length);
  });
  it.each([
    'libcrypto3=3.1.4-r1',
    'https://example.com/token',
    'https://${USER}:${TOKEN}@example.com',
    'https://oauth2:$CI_JOB_TOKEN@gitlab.com/x.git',
    'https://user:<password>@example.com',
    'https://user:***@example.com',
    'sk-learn-some-very-long-package-name',
    'AKIAIOSFODNN7EXAMPLE',
    'git@github.com:org/repo.git',
    '-----BEGIN PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----',
    'sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5',
  ])('finds nothing in %s', (text) => {
    expect(findSecretValues(text)).toEqual([]);
  });
});

describe('isPlaceholder', () => {
  it.each([
    null,
    undefined,
    '',
    '""',
    "''",
    '$TOKEN',
    '${TOKEN}',
    '${TOKEN:-}',
    '${USER}:${PASS}',
    '<your token>',
    '***',
    'xxx',
    'changeme',
    'CHANGE_ME',
    'your-api-key-here',
    '{{ .Token }}',
    'none',
    'false',
    '$(cat /run/secrets/token)',
    '#{SECRET_KEY}',
    '#{SECRET_KEY}#',
    '__API_TOKEN__',
    '/run/secrets/api_key',
    '/app/keys.json',
    './config/credentials.json',
    'C:\\keys\\sa.json',
  ])('%s is a placeholder or a path', (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });
  it.each(['hunter2', 'password', 's3cr3t!', 'abc${X}def', '/9j/4AAQSkZJRgAB+Q==', 'a/b'])(
    '%s is a literal value',
    (v) => {
      expect(isPlaceholder(v)).toBe(false);
    },
  );
});

describe('maskSecret', () => {
  it.each([GHP, 'hunter2', 'a', '', 'abcd', 'abcdefghijklmnop', 'https://user:pass@example.com'])(
    'never reveals more than 4 characters of %s',
    (v) => {
      const masked = maskSecret(v);
      const shown = masked.replace('…(redacted)', '');
      expect(shown.length).toBeLessThanOrEqual(4);
      expect(v.startsWith(shown)).toBe(true);
      if (v.length > 4) expect(masked).not.toContain(v);
    },
  );
  it('shows the provider prefix of a long token only', () => {
    expect(maskSecret(GHP)).toBe('ghp_…(redacted)');
    expect(maskSecret('short')).toBe('…(redacted)');
  });
});

describe('redact', () => {
  it('masks every credential-shaped value in free text', () => {
    const out = redact(`ENV CONFIG=${GHP} URL=https://bob:pa55word@db.local/x`);
    expect(out).not.toContain(GHP);
    expect(out).not.toContain('pa55word');
    expect(out).toContain('ENV CONFIG=ghp_…(redacted)');
  });
  it('masks known literal values (longest first) even without a provider pattern', () => {
    const out = redact('password is hunter2 and hunter2-long', ['hunter2', 'hunter2-long']);
    expect(out).not.toContain('hunter2');
  });
  it('leaves text without secrets unchanged', () => {
    expect(redact('RUN apk add libcrypto3=3.1.4-r1')).toBe('RUN apk add libcrypto3=3.1.4-r1');
  });
});

describe('isDummyCredentialUrl', () => {
  it.each([
    'postgresql://user:pass@localhost/dummy',
    'postgres://postgres:postgres@db:5432/app',
    'redis://default:guest@cache:6379',
  ])('%s is a stand-in', (u) => {
    expect(isDummyCredentialUrl(u)).toBe(true);
    // still found, so redaction keeps masking it
    expect(findSecretValues(u).length).toBeGreaterThan(0);
  });
  it.each([
    'postgres://app:S3cr3tPw0rd@db.prod.internal:5432/app',
    'https://ci:Xk92mPq7@auth.example.com/token',
  ])('%s is a credential', (u) => {
    expect(isDummyCredentialUrl(u)).toBe(false);
  });
});
