import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC309 FROM uses an undeclared ARG or an invalid default', () => {
  it('flags an undeclared variable in FROM', () => {
    const [f] = findingsOf('HC309', 'FROM node:${NODE_VERSION}-alpine\n');
    expect(f).toMatchObject({ line: 1, severity: 'error' });
    expect(f.message).toContain('declare ARG NODE_VERSION=<default> before the first FROM');
  });
  it('explains an ARG declared inside a stage', () => {
    const [f] = findingsOf(
      'HC309',
      df`
      FROM alpine:3.19 AS base
      ARG RUNTIME=alpine:3.19
      FROM \${RUNTIME}
    `,
    );
    expect(f.line).toBe(3);
    expect(f.message).toContain('(line 2) is declared inside a stage');
  });
  it('warns when an ARG without default leaves the reference invalid, and stays silent when the build passes it', () => {
    const text = 'ARG TAG\nFROM alpine:${TAG}\n';
    expect(findingsOf('HC309', text).map((f) => [f.line, f.severity])).toEqual([[2, 'warning']]);
    expect(linesOf('HC309', text, { buildArgs: { TAG: '3.19' } })).toEqual([]);
  });
  it('errors when a literal default makes the reference invalid', () => {
    expect(
      findingsOf('HC309', 'ARG BASE=Alpine:3.19\nFROM ${BASE}\n').map((f) => [f.line, f.severity]),
    ).toEqual([[2, 'error']]);
  });
  it('accepts defaults, ${VAR:-x}, platform args, stage names and digests (dockerfile-utils#126, #119)', () => {
    expect(
      linesOf(
        'HC309',
        df`
      ARG BASE=python:3.12-slim
      ARG DIGEST=sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      FROM \${REGISTRY:-docker.io}/library/alpine:3.19 AS a
      FROM alpine@\${DIGEST} AS b
      FROM ghcr.io/org/base-\${TARGETARCH}:1 AS c
      ARG STAGE=build
      FROM \${BASE}
    `,
      ),
    ).toEqual([]);
  });
  it('flags an undeclared variable in --platform', () => {
    expect(linesOf('HC309', 'FROM --platform=$PLATFORM alpine:3.19\n')).toEqual([1]);
  });
  it('real case: FROM alpine:"${ALPINE_TAG}" is valid (quotes are removed after expansion)', () => {
    expect(linesOf('HC309', 'ARG ALPINE_TAG=3.20\nFROM alpine:"${ALPINE_TAG}"\nRUN true\n')).toEqual([]);
    expect(linesOf('HC309', "ARG TAG=3.20\nFROM 'alpine:${TAG}'\n")).toEqual([2]);
  });
  it('real case: FROM binaries-$TARGETOS picks the stage BuildKit picks', () => {
    const text = df`
      FROM scratch AS binaries-linux
      COPY bin/linux /usr/bin/
      FROM scratch AS binaries-darwin
      COPY bin/darwin /usr/bin/
      FROM binaries-$TARGETOS AS binaries
      FROM binaries
    `;
    expect(linesOf('HC309', text)).toEqual([]);
    expect(linesOf('HC102', text)).toEqual([6]);
  });
});
