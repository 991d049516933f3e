#!/usr/bin/env node
// Writes a corpus of varied Dockerfiles with seeded problems, deterministically (seeded PRNG):
//   node scripts/gen-corpus.mjs <dir> [count=1000] [seed=42]
// Each file mixes base images, multi-stage builds, ARG-in-FROM, heredocs, continuations and the
// escape directive, and seeds known problems, listed in <dir>/seeded.json for recall figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASES = [
  'python:3.12-slim',
  'node:20',
  'golang:1.22',
  'alpine:3.19',
  'debian:bookworm',
  'ubuntu:24.04',
  'eclipse-temurin:21-jre',
  'nginx:1.27',
];
const FINAL_BASES = [...BASES, 'gcr.io/distroless/static-debian12:nonroot', 'scratch'];

/** Seeded problems and the rule ids harden-check should report for them. */
export const PROBLEMS = {
  rootUser: { ids: ['HC101'], text: () => 'USER root' },
  noUser: { ids: ['HC102'], text: () => null },
  secretEnv: {
    ids: ['HC301', 'HC302'],
    text: () => 'ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  githubToken: { ids: ['HC302'], text: () => 'ENV SETTINGS=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' },
  sudo: { ids: ['HC107'], text: () => 'RUN sudo apt-get install -y curl' },
  latest: { ids: ['HC502'], text: null },
  addLocal: { ids: ['HC413'], text: () => 'ADD app.py /app/' },
  relWorkdir: { ids: ['HC405'], text: () => 'WORKDIR app' },
  shellCmd: { ids: ['HC212'], text: () => 'CMD python app.py' },
  noHealthcheck: { ids: ['HC201'], text: () => null },
  exposeSsh: { ids: ['HC108'], text: () => 'EXPOSE 22' },
  maintainer: { ids: ['HC508'], text: () => 'MAINTAINER someone@example.com' },
};

export function generate(count = 1000, seed = 42) {
  const rnd = mulberry32(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const files = [];
  for (let i = 0; i < count; i++) {
    const seeded = Object.keys(PROBLEMS).filter(() => rnd() < 0.15);
    const backtick = rnd() < 0.05;
    const esc = backtick ? '`' : '\\';
    const lines = [];
    if (backtick) lines.push('# escape=`');
    const multi = rnd() < 0.6;
    const argFrom = rnd() < 0.2;
    if (argFrom) lines.push(`ARG BASE=${pick(BASES)}`);
    if (multi) {
      lines.push(`FROM ${argFrom ? '${BASE}' : pick(BASES)} AS build`, 'WORKDIR /src', 'COPY . .');
      if (rnd() < 0.3) lines.push('RUN <<EOF', 'set -e', 'make build', 'EOF');
      else lines.push(`RUN make deps ${esc}`, `    && make build`);
    }
    const finalBase = seeded.includes('latest') ? 'python:latest' : pick(FINAL_BASES);
    lines.push(`FROM ${finalBase}`);
    if (seeded.includes('maintainer')) lines.push(PROBLEMS.maintainer.text());
    lines.push(seeded.includes('relWorkdir') ? PROBLEMS.relWorkdir.text() : 'WORKDIR /app');
    if (!finalBase.startsWith('scratch') && !finalBase.includes('distroless')) {
      lines.push(
        `RUN ${seeded.includes('sudo') ? 'sudo ' : ''}adduser --disabled-password --uid ${1000 + i} app || true`,
      );
    }
    if (multi) lines.push('COPY --from=build /src/out /app');
    if (seeded.includes('addLocal')) lines.push(PROBLEMS.addLocal.text());
    if (seeded.includes('secretEnv')) lines.push(PROBLEMS.secretEnv.text());
    if (seeded.includes('githubToken')) lines.push(PROBLEMS.githubToken.text());
    lines.push(`ENV LOG_LEVEL=info PORT=${8000 + (i % 100)}`);
    lines.push(seeded.includes('exposeSsh') ? 'EXPOSE 22' : `EXPOSE ${8000 + (i % 100)}`);
    if (seeded.includes('rootUser')) lines.push('USER root');
    else if (!seeded.includes('noUser')) lines.push(`USER ${1000 + i}`);
    if (!seeded.includes('noHealthcheck')) {
      lines.push(
        `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck", "http://localhost:${8000 + (i % 100)}/health"]`,
      );
    }
    lines.push(seeded.includes('shellCmd') ? 'CMD python app.py' : '["/app/server"]'.replace(/^/, 'CMD '));
    files.push({ name: `Dockerfile.${String(i).padStart(4, '0')}`, text: lines.join('\n') + '\n', seeded });
  }
  return files;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.bench/corpus';
  const files = generate(Number(process.argv[3] ?? 1000), Number(process.argv[4] ?? 42));
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
  writeFileSync(
    path.join(dir, 'seeded.json'),
    JSON.stringify(Object.fromEntries(files.map((f) => [f.name, f.seeded])), null, 1),
  );
  console.log(`wrote ${files.length} Dockerfiles to ${dir}`);
}
