import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC413 ADD where COPY suffices', () => {
  it('flags ADD of local files, with a fix that swaps the keyword', () => {
    const f = findingsOf('HC413', 'FROM alpine:3.19\nadd --chown=1000 app.py /app/\n');
    expect(f.map((x) => x.line)).toEqual([2]);
    expect(f[0].fix).toMatchObject({ startLine: 2, endLine: 2, text: 'copy --chown=1000 app.py /app/' });
  });
  it('gives no fix for a multi-line ADD but still flags it', () => {
    const f = findingsOf('HC413', 'FROM alpine:3.19\nADD a \\\n  b /app/\n');
    expect(f.map((x) => [x.line, x.fix])).toEqual([[2, undefined]]);
  });
  it('accepts remote URLs, git sources, archives to unpack and --checksum', () => {
    expect(
      linesOf(
        'HC413',
        df`
      FROM alpine:3.19
      ADD https://example.com/x.tgz /tmp/
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool
      ADD git@github.com:acme/repo.git /src
      ADD app.tar.gz /opt/
      ADD rootfs.tar.xz /
    `,
      ),
    ).toEqual([]);
  });
  it('stays silent when a source depends on an unset build argument', () => {
    expect(linesOf('HC413', 'FROM alpine:3.19\nARG SRC\nADD $SRC /opt/\n')).toEqual([]);
  });
  it('resolves a source ARG with a default', () => {
    expect(linesOf('HC413', 'FROM alpine:3.19\nARG SRC=app.tar.gz\nADD $SRC /opt/\n')).toEqual([]);
    expect(linesOf('HC413', 'FROM alpine:3.19\nARG SRC=app.py\nADD $SRC /opt/\n')).toEqual([3]);
  });
  it('flags a heredoc ADD (COPY takes heredocs too) and applies to builder stages', () => {
    expect(linesOf('HC413', 'FROM alpine:3.19 AS b\nADD <<EOF /x\nhi\nEOF\nFROM scratch\n')).toEqual([2]);
  });
});
