import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

const sev = (text: string) => findingsOf('HC114', text).map((f) => [f.line, f.severity]);

describe('HC114 TLS verification disabled', () => {
  it('flags curl -k, --insecure and clusters like -fsSLk, on the continuation line', () => {
    expect(
      sev('FROM alpine:3.19\nRUN apk add curl && \\\n    curl -fsSLk https://x.example/i.sh | sh\n'),
    ).toEqual([[3, 'warning']]);
    expect(linesOf('HC114', 'FROM alpine:3.19\nRUN curl --insecure -o /x https://x.example\n')).toEqual([2]);
  });
  it('does not read -k inside a value-taking cluster or elsewhere', () => {
    expect(linesOf('HC114', 'FROM alpine:3.19\nRUN curl -fsSL -ok https://x.example\n')).toEqual([]);
    expect(linesOf('HC114', 'FROM alpine:3.19\nRUN echo "curl -k is bad" && kubectl version -k\n')).toEqual(
      [],
    );
  });
  it('flags wget --no-check-certificate, pip --trusted-host and config settings', () => {
    expect(linesOf('HC114', 'FROM alpine:3.19\nRUN wget --no-check-certificate https://x.example\n')).toEqual(
      [2],
    );
    expect(
      linesOf('HC114', 'FROM python:3.12\nRUN pip install --trusted-host pypi.example.com flask\n'),
    ).toEqual([2]);
    expect(
      linesOf('HC114', 'FROM python:3.12\nRUN python -m pip install --trusted-host=pypi.example.com flask\n'),
    ).toEqual([2]);
    expect(linesOf('HC114', 'FROM node:20\nRUN npm config set strict-ssl false\n')).toEqual([2]);
    expect(linesOf('HC114', 'FROM node:20\nRUN yarn config set strict-ssl false\n')).toEqual([2]);
    expect(linesOf('HC114', 'FROM alpine:3.19\nRUN git config --global http.sslVerify false\n')).toEqual([2]);
    expect(linesOf('HC114', 'FROM fedora:40\nRUN dnf install -y --setopt=sslverify=0 curl\n')).toEqual([2]);
    expect(linesOf('HC114', "FROM fedora:40\nRUN echo 'sslverify=false' >> /etc/dnf/dnf.conf\n")).toEqual([
      2,
    ]);
  });
  it('final-stage ENV is an error; builder ENV and ARG are warnings', () => {
    expect(sev('FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n')).toEqual([[2, 'error']]);
    expect(sev('FROM python:3.12\nENV PYTHONHTTPSVERIFY=0 PIP_TRUSTED_HOST=pypi.example.com\n')).toEqual([
      [2, 'error'],
      [2, 'error'],
    ]);
    expect(sev('FROM alpine:3.19\nENV GIT_SSL_NO_VERIFY=true\n')).toEqual([[2, 'error']]);
    expect(sev('FROM node:20\nENV NPM_CONFIG_STRICT_SSL=false\n')).toEqual([[2, 'error']]);
    expect(sev('FROM node:20\nARG NODE_TLS_REJECT_UNAUTHORIZED=0\n')).toEqual([[2, 'warning']]);
    expect(
      sev(df`
      FROM node:20 AS build
      ENV NODE_TLS_REJECT_UNAUTHORIZED=0
      RUN curl -k https://x.example/a.tgz -o a.tgz
      FROM node:20-slim
      COPY --from=build /a.tgz /a.tgz
    `),
    ).toEqual([
      [2, 'warning'],
      [3, 'warning'],
    ]);
  });
  it('ENV inherited through FROM <stage> ships: error', () => {
    expect(sev('FROM node:20 AS base\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM base\n')).toEqual([
      [2, 'error'],
    ]);
  });
  it('does not flag safe values', () => {
    expect(
      linesOf(
        'HC114',
        'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NPM_CONFIG_STRICT_SSL=true PYTHONHTTPSVERIFY=1\n',
      ),
    ).toEqual([]);
    expect(linesOf('HC114', 'FROM node:20\nRUN npm config set strict-ssl true\n')).toEqual([]);
  });
  it('sees heredoc scripts and config files written by COPY heredocs', () => {
    expect(
      linesOf(
        'HC114',
        df`
      FROM alpine:3.19
      RUN <<EOF
      set -e
      curl -k https://x.example -o /x
      EOF
    `,
      ),
    ).toEqual([4]);
    expect(
      linesOf(
        'HC114',
        df`
      FROM python:3.12
      COPY <<EOF /etc/pip.conf
      [global]
      trusted-host = pypi.example.com
      EOF
    `,
      ),
    ).toEqual([4]);
  });
  it('sees prefix assignments and export in RUN', () => {
    expect(linesOf('HC114', 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n')).toEqual([2]);
  });
});
