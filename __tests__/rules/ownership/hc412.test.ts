import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';
import { isExcluded, parseDockerignore } from '../../../src/rules/ownership/dockerignore.js';

const excluded = (ignore: string, path: string) => isExcluded(parseDockerignore(ignore), path)?.text ?? null;

describe('.dockerignore matcher (Docker semantics)', () => {
  it('matches paths, parents, wildcards and **', () => {
    expect(excluded('node_modules', 'node_modules')).toBe('node_modules');
    expect(excluded('node_modules', 'node_modules/x/y.js')).toBe('node_modules');
    expect(excluded('*.md', 'README.md')).toBe('*.md');
    expect(excluded('*.md', 'docs/README.md')).toBeNull();
    expect(excluded('**/*.md', 'docs/a/README.md')).toBe('**/*.md');
    expect(excluded('**/*.md', 'README.md')).toBe('**/*.md');
    expect(excluded('docs/**/tmp', 'docs/tmp')).toBe('docs/**/tmp');
    expect(excluded('?.txt', 'a.txt')).toBe('?.txt');
    expect(excluded('[ab].txt', 'c.txt')).toBeNull();
  });
  it('cleans leading / and ./, trailing /, comments and whitespace', () => {
    expect(excluded('/build/', 'build/app')).toBe('/build/');
    expect(excluded('  ./dist  ', './dist')).toBe('./dist');
    expect(excluded('# dist', 'dist')).toBeNull();
  });
  it('honours ! exceptions: the last match wins', () => {
    expect(excluded('*.md\n!README.md', 'README.md')).toBeNull();
    expect(excluded('!README.md\n*.md', 'README.md')).toBe('*.md');
    // an exception below an excluded directory keeps the directory (Docker walks into it)
    expect(excluded('config\n!config/app.yml', 'config')).toBeNull();
  });
});

describe('HC412 COPY/ADD source excluded by .dockerignore', () => {
  it('flags a COPY of an ignored file or directory', () => {
    const f = findingsOf('HC412', 'FROM node:20\nCOPY package.json dist/ ./\n', {
      dockerignore: 'dist\nnode_modules\n',
    });
    expect(f.map((x) => x.line)).toEqual([2]);
    expect(f[0].message).toMatch(/COPY source dist\/ is excluded by \.dockerignore line 1 \(dist\)/);
    expect(f[0].severity).toBe('error');
  });
  it('resolves ARG/ENV in the source', () => {
    expect(
      linesOf('HC412', 'FROM node:20\nARG OUT=build\nADD ${OUT}/app.js /app/\n', {
        dockerignore: 'build/\n',
      }),
    ).toEqual([3]);
  });
  it('does not flag look-alikes: --from, URLs, wildcards, ".", exceptions, no .dockerignore', () => {
    const ignore = 'dist\n*.log\n!keep.log\n';
    expect(
      linesOf(
        'HC412',
        df`
      FROM node:20 AS build
      FROM node:20
      COPY --from=build /src/dist /app/dist
      ADD https://example.com/dist /x
      COPY *.js /app/
      COPY . /app
      COPY keep.log /app/
      COPY distribution /app/
      COPY <<EOF /app/dist
      x
      EOF
    `,
        { dockerignore: ignore },
      ),
    ).toEqual([]);
    expect(linesOf('HC412', 'FROM node:20\nCOPY dist /app\n')).toEqual([]);
  });
  it('handles exec-form (JSON) COPY', () => {
    expect(
      linesOf('HC412', 'FROM node:20\nCOPY ["secrets.env", "/app/"]\n', { dockerignore: '*.env' }),
    ).toEqual([2]);
  });
});
