import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC512 pipe without pipefail', () => {
  it('flags a pipe on the line where it happens, in any stage', () => {
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12 AS build
      RUN apt-get update \\
       && curl -fsSL https://example.com/x.tgz | tar -xz
      FROM debian:12
    `,
      ),
    ).toEqual([3]);
    expect(findingsOf('HC512', 'FROM debian:12\nRUN wget -qO- https://x | sh\n')[0].message).toMatch(
      /wget is piped into sh without pipefail.*SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\]/,
    );
  });
  it('accepts SHELL with -o pipefail (also -eo / -euxo), inherited through FROM <stage>', () => {
    expect(
      linesOf(
        'HC512',
        'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s x | tar -xz\n',
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC512',
        'FROM debian:12 AS b\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nFROM b\nRUN curl -s x | tar -xz\n',
      ),
    ).toEqual([]);
  });
  it('accepts set -o pipefail earlier in the same RUN (BusyBox ash supports it), not after the pipe', () => {
    expect(linesOf('HC512', 'FROM alpine:3.20\nRUN set -eo pipefail && wget -qO- x | tar -xz\n')).toEqual([]);
    expect(linesOf('HC512', 'FROM alpine:3.20\nRUN set -o pipefail; wget -qO- x | tar -xz\n')).toEqual([]);
    expect(linesOf('HC512', 'FROM alpine:3.20\nRUN wget -qO- x | tar -xz; set -o pipefail\n')).toEqual([2]);
    expect(
      linesOf('HC512', 'FROM alpine:3.20\nRUN set -o pipefail && a | b && set +o pipefail && c | d\n'),
    ).toEqual([2]);
  });
  it('does not flag look-alikes: quoted pipes, ||, exec form, substitutions, echo/printf feeders', () => {
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN echo "a | b" && test -f x || exit 1
      RUN ["sh", "-c", "curl x | sh"]
      RUN VERSION="$(curl -s x | jq -r .tag)" && echo $VERSION
      RUN echo "deb http://x stable main" | tee /etc/apt/sources.list.d/x.list
      RUN printf '%s\\n' a b | sort
      RUN grep -q x /etc/passwd # a | b
    `,
      ),
    ).toEqual([]);
  });
  it('reads heredoc scripts: their own set -o pipefail or shebang count (hadolint#806, #1137)', () => {
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN <<EOF
      set -euo pipefail
      curl -fsSL https://x | tar -xz
      EOF
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN <<EOF bash
      set -o pipefail
      curl -fsSL https://x | tar -xz
      EOF
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN <<EOF
      #!/bin/bash -o pipefail
      curl -fsSL https://x | tar -xz
      EOF
      RUN echo next
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN <<EOF
      apt-get update
      curl -fsSL https://x | tar -xz
      EOF
    `,
      ),
    ).toEqual([4]);
  });
  it('ignores heredoc bodies that are data and non-POSIX shells', () => {
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN <<EOF cat > /etc/motd
      a | b
      EOF
      RUN python3 <<EOF
      x = 1 | 2
      EOF
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC512',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN iwr https://x | iex\n',
      ),
    ).toEqual([]);
  });
  it('follows the backtick escape directive', () => {
    expect(
      linesOf(
        'HC512',
        df`
      # escape=\`
      FROM debian:12
      RUN apt-get update \`
       && curl -s x | tar -xz
    `,
      ),
    ).toEqual([4]);
  });
  it('reads heredocs after a continuation (hadolint#1019) and with <<-\\EOT (hadolint#1051)', () => {
    expect(
      linesOf(
        'HC512',
        df`
      FROM debian:12
      RUN \\
        <<EOF
      set -o pipefail
      curl -s x | tar -xz
      EOF
      RUN <<-\\EOT
      \tset -o pipefail
      \tcurl -s x | tar -xz
      \tEOT
      RUN <<EOF
      curl -s x | tar -xz
      EOF
    `,
      ),
    ).toEqual([12]);
  });
});
