#!/usr/bin/env node
// Time of the static audit against the size of the Dockerfile (not a timed test): files of
// 1,000 to 100,000 lines and single lines of 64 KB to 1 MB, audited through the CLI bundle
// (its JSON report carries the in-process audit time). Prints ms per size and the slope of
// log(time) against log(size): 1 is linear, 2 quadratic.   node scripts/fuzz-scaling.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, 'dist/cli/index.js');
const dir = mkdtempSync(path.join(tmpdir(), 'hc-scaling-'));
const RUNS = Number(process.env.RUNS ?? 3);

const shapes = {
  lines: {
    unit: 'lines',
    sizes: [6250, 12500, 25000, 50000, 100000],
    make: (n) =>
      'FROM alpine:3.19 AS build\n' +
      Array.from({ length: n }, (_, i) =>
        i % 997 === 0
          ? `FROM build AS s${i}`
          : i % 4 === 0
            ? `RUN echo ${i} && apk add --no-cache curl`
            : i % 4 === 1
              ? `ENV K${i}=v${i} P${i}=\${K${i}:-x}`
              : i % 4 === 2
                ? `COPY --chown=1000 a${i} /b${i}`
                : `WORKDIR /w${i}`,
      ).join('\n') +
      '\nUSER 1000\n',
  },
  // one stage: every variable lookup searches the same long run of ENV and ARG
  oneStage: {
    unit: 'lines',
    sizes: [6250, 12500, 25000, 50000, 100000],
    make: (n) =>
      'FROM alpine:3.19\n' +
      Array.from({ length: n }, (_, i) =>
        i % 2 === 0 ? `ENV K${i}=v${i} P${i}=\${UNDEFINED_${i}:-x}` : `RUN echo $K${i - 1} \${MISSING}`,
      ).join('\n') +
      '\nUSER 1000\n',
  },
  longLine: {
    unit: 'bytes',
    sizes: [65536, 131072, 262144, 524288, 1048576],
    make: (n) => `FROM alpine:3.19\nRUN ${'echo x && '.repeat(Math.floor(n / 10))}true\n`,
  },
  nesting: {
    unit: 'levels',
    sizes: [1000, 2000, 4000, 8000, 16000],
    make: (n) => `FROM alpine:3.19\nENV X=${'${V:-'.repeat(n)}x${'}'.repeat(n)}\nRUN echo $X\n`,
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function slope(points) {
  const xs = points.map((p) => Math.log(p[0]));
  const ys = points.map((p) => Math.log(Math.max(p[1], 0.001)));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

try {
  for (const [name, s] of Object.entries(shapes)) {
    const points = [];
    for (const size of s.sizes) {
      const file = path.join(dir, `${name}-${size}.Dockerfile`);
      writeFileSync(file, s.make(size));
      const ms = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, [cli, '--static', '--format', 'json', file], {
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        });
        if (r.status !== 0 && r.status !== 1)
          throw new Error(`${name} ${size}: exit ${r.status}\n${r.stderr}`);
        ms.push(JSON.parse(r.stdout).targets[0].timings.audit * 1000);
      }
      points.push([size, median(ms)]);
    }
    const k = slope(points);
    console.log(
      `${name.padEnd(8)} ${points.map(([n, t]) => `${n} ${s.unit}: ${t.toFixed(0)} ms`).join(', ')}  → slope ${k.toFixed(2)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
