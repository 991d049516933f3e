import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC106 USER group semantics', () => {
  it('flags USER name:group that drops supplementary groups', () => {
    const f = findingsOf(
      'HC106',
      df`
      FROM debian:12
      RUN useradd -u 1000 -G audio,video app
      USER app:app
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'note']]);
    expect(f[0].message).toContain('audio, video');
  });
  it('sees usermod -aG and uid:gid spellings', () => {
    expect(
      linesOf(
        'HC106',
        'FROM debian:12\nRUN useradd -u 1000 app\nRUN usermod -aG docker app\nUSER 1000:1000\n',
      ),
    ).toEqual([4]);
  });
  it('does not flag USER name:group without supplementary groups, or USER name alone', () => {
    expect(linesOf('HC106', 'FROM debian:12\nRUN useradd -u 1000 app\nUSER app:app\n')).toEqual([]);
    expect(linesOf('HC106', 'FROM debian:12\nRUN useradd -u 1000 -G video app\nUSER app\n')).toEqual([]);
  });
  it('flags a numeric uid with no passwd entry and no group (gid 0)', () => {
    const f = findingsOf('HC106', 'FROM scratch\nCOPY app /app\nUSER 10001\n');
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(f[0].message).toContain('USER 10001:10001');
  });
  it('does not flag a uid that the file or the base creates, or a uid with a group', () => {
    expect(linesOf('HC106', 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n')).toEqual([]);
    expect(linesOf('HC106', 'FROM gcr.io/distroless/static-debian12\nUSER 65532\n')).toEqual([]);
    expect(linesOf('HC106', 'FROM scratch\nUSER 10001:10001\n')).toEqual([]);
    expect(linesOf('HC106', 'FROM acme/base:1\nUSER 10001\n')).toEqual([]);
  });
  it('only the shipped stage counts', () => {
    expect(linesOf('HC106', 'FROM scratch AS x\nUSER 10001\nFROM scratch\nUSER 10001:10001\n')).toEqual([]);
  });
});
