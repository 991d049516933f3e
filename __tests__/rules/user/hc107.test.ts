import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC107 sudo used in RUN', () => {
  it('flags sudo at a command position, on its continuation line', () => {
    expect(
      linesOf('HC107', 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    sudo apt-get install -y curl\n'),
    ).toEqual([3]);
  });
  it('flags sudo after ; || | then do, in $(…) and sh -c', () => {
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN true; sudo ls\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN sudo -v && sudo -u app id\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN false || sudo ls\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN ls | sudo tee /x\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN if true; then sudo ls; fi\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN for f in a; do sudo rm $f; done\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN echo $(sudo id)\n')).toEqual([2]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN ["sh", "-c", "sudo id"]\n')).toEqual([2]);
  });
  it('flags sudo in a heredoc script', () => {
    expect(
      linesOf(
        'HC107',
        df`
      FROM ubuntu:24.04
      RUN <<EOF
      apt-get update
      sudo apt-get install -y curl
      EOF
    `,
      ),
    ).toEqual([4]);
  });
  it('does not flag look-alikes: strings, comments, package names, other words', () => {
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN echo "no sudo here"\n')).toEqual([]);
    expect(
      linesOf('HC107', 'FROM ubuntu:24.04\nRUN apt-get install -y sudo && echo ok # sudo later\n'),
    ).toEqual([]);
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN apt-get update \\\n# sudo apt-get\n && true\n')).toEqual(
      [],
    );
    expect(linesOf('HC107', 'FROM ubuntu:24.04\nRUN pseudo-sudo --help && visudo -c\n')).toEqual([]);
    expect(
      linesOf(
        'HC107',
        'FROM ubuntu:24.04\nRUN cat <<EOF > /etc/sudoers.d/app\napp ALL=(ALL) NOPASSWD: ALL\nsudo x\nEOF\n',
      ),
    ).toEqual([]);
  });
  it('is a note in a builder stage that does not ship', () => {
    expect(
      findingsOf(
        'HC107',
        df`
      FROM ubuntu:24.04 AS build
      RUN sudo make
      FROM ubuntu:24.04
      COPY --from=build /out /out
    `,
      ).map((f) => [f.line, f.severity]),
    ).toEqual([[2, 'note']]);
  });
  it('honours the backtick escape directive', () => {
    expect(linesOf('HC107', '# escape=`\nFROM ubuntu:24.04\nRUN apt-get update && `\n    sudo ls\n')).toEqual(
      [4],
    );
  });
});
