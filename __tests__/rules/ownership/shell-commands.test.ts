import { describe, expect, it } from 'vitest';
import { df, model } from '../../helpers/audit.js';
import { simpleCommands } from '../../../src/rules/ownership/simple-commands.js';

function commandsOfLast(text: string) {
  const m = model(text);
  const runs = m.stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN');
  return simpleCommands(m, runs[runs.length - 1]);
}

describe('simpleCommands (ownership adapter over src/shell)', () => {
  it('peels wrappers and keeps the files redirections write', () => {
    expect(
      commandsOfLast('FROM debian:12\nRUN sudo -u app touch /app/y 2>/srv/err >&2 && A=1 env mkdir -p /d\n'),
    ).toEqual([
      { words: ['touch', '/app/y'], redirects: ['/srv/err'] },
      { words: ['mkdir', '-p', '/d'], redirects: [] },
    ]);
  });
  it('sees commands inside if/for, sh -c and exec form', () => {
    expect(commandsOfLast('FROM debian:12\nRUN if true; then touch /a; fi\n')).toEqual([
      { words: ['true'], redirects: [] },
      { words: ['touch', '/a'], redirects: [] },
    ]);
    expect(
      commandsOfLast('FROM debian:12\nRUN ["sh", "-c", "useradd -u 1001 app"]\n').map((c) => c.words),
    ).toEqual([
      ['sh', '-c', 'useradd -u 1001 app'],
      ['useradd', '-u', '1001', 'app'],
    ]);
  });
  it('keeps a bare `> file`, and reads heredoc data as data', () => {
    expect(commandsOfLast('FROM debian:12\nRUN > /app/log\n')).toEqual([
      { words: [], redirects: ['/app/log'] },
    ]);
    const data = df`
      FROM debian:12
      RUN cat <<EOF > /app/conf
      mkdir /etc/zzz
      EOF
    `;
    expect(commandsOfLast(data)).toEqual([{ words: ['cat'], redirects: ['/app/conf'] }]);
  });
});
