import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

const msg = (text: string, opts = {}) =>
  findingsOf('HC516', text, opts).map((f) => `${f.line}: ${f.message}`);

describe('HC516 package-manager hygiene', () => {
  it('reports one finding per RUN listing every issue (apt-get)', () => {
    const m = msg('FROM debian:12\nRUN apt-get update && apt-get install curl git\n');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(
      /^2: Package-manager hygiene: add -y to apt-get install.*pin versions for apt-get install \(curl, git\).*--no-install-recommends.*\/var\/lib\/apt\/lists/,
    );
    expect(findingsOf('HC516', 'FROM debian:12\nRUN apt-get install curl\n')[0].severity).toBe('note');
  });
  it('accepts a clean apt-get install (look-alike) and -qq / -yq / yes | forms', () => {
    expect(
      linesOf(
        'HC516',
        df`
      FROM debian:12
      RUN apt-get update \\
       && apt-get install -yq --no-install-recommends curl=8.5.0-2 ca-certificates=20230311 \\
       && rm -rf /var/lib/apt/lists/*
      RUN apt-get update && yes | apt-get install --no-install-recommends curl=8.5.0-2 && rm -rf /var/lib/apt/lists/*
    `,
      ),
    ).toEqual([]);
  });
  it('accepts a cache mount instead of clean-up', () => {
    expect(
      linesOf(
        'HC516',
        df`
      FROM debian:12
      RUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt \\
          apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2
    `,
      ),
    ).toEqual([]);
  });
  it('only asks for clean-up and --no-install-recommends in stages that ship (multi-stage)', () => {
    expect(
      linesOf(
        'HC516',
        df`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y build-essential=12.9
      FROM gcr.io/distroless/cc-debian12:nonroot
    `,
      ),
    ).toEqual([]);
    expect(
      msg(
        'FROM debian:12 AS build\nRUN apt-get update && apt-get install build-essential=12.9\nFROM scratch\n',
      )[0],
    ).toMatch(/add -y/);
  });
  it('apk: --no-cache and pinning', () => {
    expect(msg('FROM alpine:3.20\nRUN apk add curl\n')[0]).toMatch(
      /pin versions for apk add \(curl\); use apk add --no-cache/,
    );
    expect(
      linesOf(
        'HC516',
        'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 "bash~5.2" --virtual .deps gcc=13.2.1-r0\n',
      ),
    ).toEqual([]);
  });
  it('pip: --no-cache-dir unless PIP_NO_CACHE_DIR or a cache mount; pins and requirement files', () => {
    expect(msg('FROM python:3.12-slim\nRUN pip install flask\n')[0]).toMatch(
      /pin versions for pip install \(flask\); use pip install --no-cache-dir/,
    );
    expect(
      linesOf(
        'HC516',
        df`
      FROM python:3.12-slim
      ENV PIP_NO_CACHE_DIR=1
      RUN pip install -r requirements.txt && pip install flask==3.0.3 .
      RUN --mount=type=cache,target=/root/.cache/pip python -m pip install "uvicorn[standard]>=0.30"
      RUN pip install --upgrade pip setuptools
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf('HC516', 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip3 install flask==3.0.3\n'),
    ).toEqual([]);
  });
  it('yum/dnf/microdnf/zypper', () => {
    expect(msg('FROM rockylinux:9\nRUN dnf install httpd\n')[0]).toMatch(
      /add -y to dnf install.*pin versions.*dnf clean all/,
    );
    expect(linesOf('HC516', 'FROM rockylinux:9\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n')).toEqual(
      [],
    );
    expect(
      linesOf(
        'HC516',
        'FROM ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils-4.9 && microdnf clean all\n',
      ),
    ).toEqual([]);
    expect(msg('FROM opensuse/leap:15.6\nRUN zypper install curl\n')[0]).toMatch(
      /add -n to zypper.*pin versions.*zypper clean/,
    );
    expect(
      linesOf('HC516', 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.0 && zypper clean --all\n'),
    ).toEqual([]);
  });
  it('npm/yarn/gem/go pinning', () => {
    expect(msg('FROM node:20\nRUN npm install -g typescript @angular/cli@latest\n')[0]).toMatch(
      /pin versions for npm install \(typescript, @angular\/cli@latest\)/,
    );
    expect(
      linesOf('HC516', 'FROM node:20\nRUN npm ci && npm install -g typescript@5.5.4 @scope/x@1.0.0\n'),
    ).toEqual([]);
    expect(msg('FROM ruby:3.3\nRUN gem install bundler\n')[0]).toMatch(/gem install \(bundler\)/);
    expect(
      linesOf('HC516', 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.0 && gem install rake:13.2.1\n'),
    ).toEqual([]);
    expect(msg('FROM golang:1.22\nRUN go install github.com/x/y@latest\n')[0]).toMatch(/go install/);
    expect(
      linesOf('HC516', 'FROM golang:1.22\nRUN go install github.com/x/y@v1.2.3 && go install ./cmd/...\n'),
    ).toEqual([]);
    expect(msg('FROM node:20\nRUN yarn install --frozen-lockfile\n')[0]).toMatch(/yarn cache clean/);
  });
  it('does not read package names out of look-alikes: echo, comments, quoted text, data heredocs', () => {
    expect(
      linesOf(
        'HC516',
        df`
      FROM debian:12
      RUN echo "apt-get install curl" > /notes # apt-get install vim
      RUN <<EOF cat > /usr/local/bin/setup
      apt-get install curl
      EOF
    `,
      ),
    ).toEqual([]);
  });
  it('reads heredoc scripts and sudo/env wrappers', () => {
    expect(
      linesOf(
        'HC516',
        df`
      FROM debian:12
      RUN <<EOF
      apt-get update
      apt-get install -y curl
      EOF
      RUN sudo -E apt-get install curl
    `,
      ),
    ).toEqual([4, 6]);
  });
});
