import { describe, expect, it } from 'vitest';
import { df, model } from '../helpers/audit.js';
import { commandsOf, effectiveCommand } from '../../src/shell/commands.js';
import { scriptsOf, shellAt } from '../../src/shell/script.js';
import { parseShell } from '../../src/shell/parse.js';
import { tokenize } from '../../src/shell/tokenize.js';

function cmds(text: string, index = -1) {
  const m = model(text);
  const runs = m.instructions.filter((i) => i.keyword === 'RUN');
  const instr = runs.at(index)!;
  return commandsOf(instr, m);
}
const names = (text: string) => cmds(text).map((c) => [c.name, ...c.args].join(' '));

describe('shell tokenizer', () => {
  it('splits words, quotes and operators', () => {
    const t = tokenize(`a "b c" 'd|e' f\\ g&&h||i;j|k &`);
    expect(t.map((x) => (x.t === 'word' ? x.value : x.t === 'op' ? x.value : x.op))).toEqual([
      'a',
      'b c',
      'd|e',
      'f g',
      '&&',
      'h',
      '||',
      'i',
      ';',
      'j',
      '|',
      'k',
      '&',
    ]);
  });
  it('keeps command substitutions verbatim and does not split on operators inside them', () => {
    const t = tokenize('echo "$(curl -s x | sh)" `a|b` ${X:-a|b}');
    expect(t.filter((x) => x.t === 'op')).toEqual([]);
  });
  it('skips comments and consumes redirection targets', () => {
    const t = parseShell('make 2>&1 > /log # build | tee\ncurl x >/dev/null');
    expect(t.map((c) => c.words.map((w) => w.value))).toEqual([['make'], ['curl', 'x']]);
    expect(t[0].redirects).toEqual([
      { op: '>&', target: '1' },
      { op: '>', target: '/log' },
    ]);
  });
  it('skips here-document bodies inside scripts', () => {
    const c = parseShell('cat <<EOF > /x\nfoo | bar\nEOF\necho done\n', { shellHeredocs: true });
    expect(c.map((x) => x.words[0]?.value)).toEqual(['cat', 'echo']);
  });
  it('sees commands inside if/while and subshells, not for/case headers', () => {
    const c = parseShell(
      'if [ -f a ]; then apt-get update; fi; for x in a b; do echo $x; done; (cd /x && make)',
    );
    expect(c.map((x) => `${x.depth}:${x.words[0].value}`)).toEqual([
      '0:[',
      '0:apt-get',
      '0:echo',
      '1:cd',
      '1:make',
    ]);
  });
});

describe('commandsOf', () => {
  it('joins continuations and reports each command on its own line', () => {
    const c = cmds(df`
      FROM debian:12
      RUN apt-get update \\
       # a comment inside the continuation
       && apt-get install -y curl \\
       && curl -fsSL https://x | tar -xz
    `);
    expect(c.map((x) => [x.name, x.line, x.pipedTo ?? false, x.inPipeline])).toEqual([
      ['apt-get', 2, false, false],
      ['apt-get', 4, false, false],
      ['curl', 5, true, true],
      ['tar', 5, false, true],
    ]);
  });
  it('drops --mount flags and keeps assignments apart', () => {
    const c = cmds(
      'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt DEBIAN_FRONTEND=noninteractive apt-get install -y x\n',
    );
    expect(c[0].name).toBe('apt-get');
    expect(c[0].assignments).toEqual([{ name: 'DEBIAN_FRONTEND', value: 'noninteractive' }]);
  });
  it('reads heredoc bodies run by the shell with their lines, not bodies fed to other programs', () => {
    const c = cmds(df`
      FROM alpine:3.20
      RUN <<EOF
      apk add curl
      curl -s x | sh
      EOF
    `);
    expect(c.map((x) => [x.name, x.line, x.script])).toEqual([
      ['apk', 3, 'EOF'],
      ['curl', 4, 'EOF'],
      ['sh', 4, 'EOF'],
    ]);
    expect(names('FROM alpine\nRUN <<EOF cat > /etc/x.conf\napt-get install x\nEOF\n')).toEqual(['cat']);
    expect(names('FROM python\nRUN python3 <<EOF\nimport os | x\nEOF\n')).toEqual(['python3']);
    expect(names('FROM alpine\nRUN <<EOF bash\nwget x\nEOF\n')).toEqual(['bash', 'wget x']);
    expect(names('FROM alpine\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n')).toEqual([]);
  });
  it('follows the backtick escape directive', () => {
    const c = cmds(df`
      # escape=\`
      FROM alpine:3.20
      RUN apk add curl \`
          && echo "a\\b"
    `);
    expect(c.map((x) => [x.name, x.line, x.args])).toEqual([
      ['apk', 3, ['add', 'curl']],
      ['echo', 4, ['a\\b']],
    ]);
  });
  it('treats exec form as one command and powershell as no POSIX commands', () => {
    expect(names('FROM alpine\nRUN ["sh", "-c", "a | b"]\n')).toEqual(['sh -c a | b']);
    expect(
      names('FROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN iwr x | iex\n'),
    ).toEqual([]);
    // Windows bases run RUN with cmd unless SHELL says otherwise
    expect(names('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir | findstr x\n')).toEqual([]);
    expect(
      names('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["bash", "-c"]\nRUN a | b\n'),
    ).toEqual(['a', 'b']);
  });
  it('knows the SHELL in effect, inherited through FROM <stage>', () => {
    const m = model('FROM debian AS a\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM a\nRUN x\n');
    const sh = shellAt(m.instructions[3], m);
    expect([sh.name, sh.pipefail]).toEqual(['bash', true]);
    expect(scriptsOf(m.instructions[3], m)[0].shell.pipefail).toBe(true);
  });
  it('unwraps sudo/env wrappers', () => {
    expect(effectiveCommand({ name: 'sudo', args: ['-E', 'apt-get', 'install', 'x'] })).toEqual({
      name: 'apt-get',
      args: ['install', 'x'],
    });
    expect(effectiveCommand({ name: 'env', args: ['A=1', '/usr/bin/pip', 'install'] })).toEqual({
      name: 'pip',
      args: ['install'],
    });
    expect(effectiveCommand({ name: 'sudo', args: ['-u', 'app', 'npm', 'ci'] })).toEqual({
      name: 'npm',
      args: ['ci'],
    });
    // the wrappers the user rules peel: timeout with its duration, xargs, eatmydata; sudo -i takes no value
    expect(effectiveCommand({ name: 'timeout', args: ['60', 'apt-get', 'install', 'x'] })).toEqual({
      name: 'apt-get',
      args: ['install', 'x'],
    });
    expect(effectiveCommand({ name: 'xargs', args: ['-r', 'apk', 'add'] })).toEqual({
      name: 'apk',
      args: ['add'],
    });
    expect(effectiveCommand({ name: 'eatmydata', args: ['apt-get', 'install', 'x'] })).toEqual({
      name: 'apt-get',
      args: ['install', 'x'],
    });
    expect(effectiveCommand({ name: 'sudo', args: ['-i', 'pip', 'install', 'x'] })).toEqual({
      name: 'pip',
      args: ['install', 'x'],
    });
  });
});

describe('robustness', () => {
  it('tokenizes any input without throwing, in linear-ish time', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '"',
            "'",
            '\\',
            '$',
            '(',
            ')',
            '{',
            '}',
            '`',
            '|',
            '&',
            ';',
            '<',
            '>',
            '\n',
            '#',
            '-',
          ),
          maxLength: 200,
        }),
        (s) => {
          parseShell(s, { shellHeredocs: true });
          return true;
        },
      ),
      { numRuns: 2000 },
    );
    const start = Date.now();
    parseShell('$('.repeat(20000) + ' a | b'.repeat(20000) + '<<EOF\n'.repeat(2000), { shellHeredocs: true });
    parseShell('"'.repeat(50001) + "'".repeat(50001), { shellHeredocs: true });
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
