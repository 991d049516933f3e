import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC501 FROM without a tag', () => {
  it('flags an untagged image in any stage', () => {
    expect(
      linesOf(
        'HC501',
        df`
      FROM golang AS build
      RUN go build ./...
      FROM alpine
    `,
      ),
    ).toEqual([1, 3]);
    expect(findingsOf('HC501', 'FROM ubuntu\n')[0].message).toMatch(/no tag.*ubuntu:<version>/);
  });
  it('does not flag tags, digests, scratch or a registry port (look-alikes)', () => {
    expect(linesOf('HC501', 'FROM python:3.12-slim\n')).toEqual([]);
    expect(linesOf('HC501', 'FROM alpine@sha256:' + 'a'.repeat(64) + '\n')).toEqual([]);
    expect(linesOf('HC501', 'FROM scratch\n')).toEqual([]);
    expect(linesOf('HC501', 'FROM localhost:5000/team/app:1.2\n')).toEqual([]);
  });
  it('does not flag a stage alias (multi-stage), even with --platform (checkov#1450)', () => {
    expect(
      linesOf(
        'HC501',
        df`
      FROM --platform=$BUILDPLATFORM golang:1.22 AS builder
      FROM --platform=$TARGETPLATFORM builder
      FROM builder AS final
    `,
      ),
    ).toEqual([]);
  });
  it('resolves ARG in FROM: a default with a tag is fine (hadolint#339, #219, #979)', () => {
    expect(
      linesOf(
        'HC501',
        df`
      ARG BASE=python:3.12-slim
      FROM \${BASE}
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC501',
        df`
      ARG VERSION=3.12
      FROM python:\${VERSION}-slim AS base
      FROM base
    `,
      ),
    ).toEqual([]);
    expect(linesOf('HC501', 'ARG IMG=node:20\nFROM ${IMG:-node}\n')).toEqual([]);
  });
  it('flags an ARG default without a tag, and stays silent on an ARG without a value', () => {
    expect(linesOf('HC501', 'ARG BASE=debian\nFROM $BASE\n')).toEqual([2]);
    expect(findingsOf('HC501', 'ARG BASE=debian\nFROM $BASE\n')[0].message).toContain('$BASE (= debian)');
    expect(linesOf('HC501', 'ARG BASE\nFROM $BASE\n')).toEqual([]);
    expect(linesOf('HC501', 'ARG BASE\nFROM $BASE\n', { buildArgs: { BASE: 'debian:12' } })).toEqual([]);
  });
  it('resolves multi-variable ARG (hadolint#885) and platform/default-value forms (dockerfile-utils#119, #126)', () => {
    expect(
      linesOf(
        'HC501',
        df`
      ARG REGISTRY=docker.io \\
          IMAGE=library/python:3.12-slim
      FROM \${REGISTRY}/\${IMAGE}
    `,
      ),
    ).toEqual([]);
    expect(linesOf('HC501', 'ARG VAR\nFROM ${VAR:-alpine:3.20}\n')).toEqual([]);
    expect(linesOf('HC501', 'FROM ${TARGETARCH}/alpine:3.20\n')).toEqual([]);
    // without --build-arg the default applies, and it has no tag
    expect(linesOf('HC501', 'ARG VAR\nFROM ${VAR:-alpine}\n')).toEqual([2]);
    expect(linesOf('HC501', 'ARG VAR\nFROM ${VAR:-alpine}\n', { buildArgs: { VAR: 'alpine:3.20' } })).toEqual(
      [],
    );
  });
});
