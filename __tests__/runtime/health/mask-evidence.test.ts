import { describe, expect, it } from 'vitest';
import { maskEvidence } from '../../../src/runtime/health/mask-evidence.js';

describe('maskEvidence', () => {
  it.each([
    ['ERROR: db down password=hunter2secret', 'ERROR: db down password=…(redacted)'],
    [
      'ERROR: unavailable: password=hunter2secret refused',
      'ERROR: unavailable: password=…(redacted) refused',
    ],
    [
      'INFO:     127.0.0.1:1 - "GET /health?token=abcdef0123456789abcdef HTTP/1.1" 401 Unauthorized',
      'INFO:     127.0.0.1:1 - "GET /health?token=abcd…(redacted) HTTP/1.1" 401 Unauthorized',
    ],
    ['could not connect to postgres://app:s3cretpass@db:5432/app', 'could not connect to post…(redacted)'],
    ['GET http://admin:pa55word@127.0.0.1/health', 'GET http…(redacted)'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload', 'Authorization: Bearer eyJh…(redacted)'],
    ['"api_key": "k-123456"', '"api_key": "…(redacted)"'],
  ])('%s', (input, output) => {
    expect(maskEvidence(input)).toBe(output);
  });

  it('leaves plain evidence alone', () => {
    const line = 'INFO:     127.0.0.1:53422 - "HEAD /health HTTP/1.1" 405 Method Not Allowed';
    expect(maskEvidence(line)).toBe(line);
    expect(maskEvidence('GET → 302 (Location: https://127.0.0.1:8443/health)')).toBe(
      'GET → 302 (Location: https://127.0.0.1:8443/health)',
    );
  });
});
