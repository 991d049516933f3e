// HC209: risky HEALTHCHECK timings in the shipped image. Bounds (documented in HC209.md):
//   --timeout >= --interval (effective values, Docker defaults 30s/30s, when either is set)
//   --interval < 1s (probe storm) or > 5m (failures noticed late)
//   --retries > 10 (unhealthy only after retries × interval)
//   no --start-period while CMD/ENTRYPOINT starts a JVM (slow starter)
//   --start-interval: needs Docker Engine >= 25, and does nothing without --start-period
import { finalHealthcheck, lastInChain } from '../../dockerfile/facts.js';
import type { DockerfileModel } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';
import { shippedBase } from './shared.js';
import type { TrustedBaseImage } from '../../dockerfile/base-images.js';

const DEFAULT_INTERVAL = 30;
const DEFAULT_TIMEOUT = 30;
const MIN_INTERVAL = 1;
const MAX_INTERVAL = 300;
const MAX_RETRIES = 10;

const SLOW =
  /(?:^|[\s/"'])(?:java|jshell|catalina\.sh|standalone\.sh|kc\.sh|elasticsearch|kafka-server-start\.sh|mvn|mvnw|gradle|gradlew|sbt|spring)(?=$|[\s"'])|\.jar\b|-jar\b|spring-boot/;
const SLOW_BASES = new Set([
  'eclipse-temurin',
  'openjdk',
  'amazoncorretto',
  'tomcat',
  'jetty',
  'maven',
  'gradle',
]);

function fmt(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  return `${seconds}s`;
}

/** The command the container starts, when it looks like a JVM (or the base is a JVM image without own CMD). */
function slowStarter(model: DockerfileModel, trusted: readonly TrustedBaseImage[]): string | null {
  const parts: string[] = [];
  for (const key of ['ENTRYPOINT', 'CMD']) {
    const instr = lastInChain(model, key);
    if (instr) parts.push(instr.json ? instr.json.join(' ') : instr.text);
  }
  const text = parts.join(' ');
  if (text && SLOW.test(text)) return 'a JVM';
  const base = shippedBase(model, trusted);
  if (base && SLOW_BASES.has(base.info.family) && (text === '' || SLOW.test(text)))
    return `${base.info.family}`;
  return null;
}

export const hc209: Rule = {
  meta: {
    id: 'HC209',
    title: 'Risky HEALTHCHECK timing',
    severity: 'note',
    check: 'healthy',
    anchors: {},
    description:
      'Timings decide how fast a broken container is noticed and whether a slow but healthy one is killed during start-up: a timeout at least as long as the interval, extreme intervals, many retries, or a JVM without --start-period.',
  },
  check({ model, trustedBaseImages }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none) return [];
    // Docker does not expand variables in HEALTHCHECK flags (`--timeout=${T}` fails the
    // build, HC208's business): a flag written with `$` or not parsable is left alone.
    const given = (name: string) => hc.rawFlags[name] !== undefined;
    const unknown = (name: string) =>
      given(name) &&
      (/\$/.test(hc.rawFlags[name] ?? '') || hc.timings[name as keyof typeof hc.timings] === undefined);
    const t = Object.fromEntries(
      Object.entries(hc.timings).filter(([k]) => !unknown(k)),
    ) as typeof hc.timings;
    const flagLine = (name: string) => hc.instr.flags.find((f) => f.name === name)?.line ?? hc.instr.line;
    const hits: RuleHit[] = [];
    if (
      (t.interval !== undefined || t.timeout !== undefined) &&
      !unknown('interval') &&
      !unknown('timeout')
    ) {
      const interval = t.interval ?? DEFAULT_INTERVAL;
      const timeout = t.timeout ?? DEFAULT_TIMEOUT;
      if (interval > 0 && timeout >= interval) {
        hits.push({
          line: flagLine(t.timeout !== undefined ? 'timeout' : 'interval'),
          message: `--timeout (${fmt(timeout)}${t.timeout === undefined ? ', the default' : ''}) is not shorter than --interval (${fmt(interval)}${t.interval === undefined ? ', the default' : ''}): a hanging probe delays the next one, so set a timeout well below the interval (e.g. --interval=30s --timeout=5s).`,
        });
      }
    }
    if (t.interval !== undefined && t.interval > 0 && t.interval < MIN_INTERVAL) {
      hits.push({
        line: flagLine('interval'),
        message: `--interval=${fmt(t.interval)} runs the probe more than once a second for the container's whole life: use 5s–60s, and --start-interval for fast start-up detection.`,
      });
    }
    if (t.interval !== undefined && t.interval > MAX_INTERVAL) {
      hits.push({
        line: flagLine('interval'),
        message: `--interval=${fmt(t.interval)} means a broken container is noticed only after ${fmt(t.interval * (t.retries ?? 3))} or more: use an interval of at most 5m.`,
      });
    }
    if (t.retries !== undefined && t.retries > MAX_RETRIES) {
      const interval = unknown('interval') ? DEFAULT_INTERVAL : (t.interval ?? DEFAULT_INTERVAL);
      hits.push({
        line: flagLine('retries'),
        message: `--retries=${t.retries} marks the container unhealthy only after about ${fmt(Math.round(interval * t.retries))} of failures: use 3–5 retries and a --start-period for slow start-up instead.`,
      });
    }
    if (!given('start-period')) {
      const slow = slowStarter(model, trustedBaseImages);
      if (slow) {
        hits.push({
          line: hc.instr.line,
          message: `The container starts ${slow}, which often takes longer than the first probes: add --start-period (e.g. --start-period=60s) so failures during start-up do not count.`,
        });
      }
    }
    if (given('start-interval')) {
      const noPeriod = !given('start-period');
      hits.push({
        line: flagLine('start-interval'),
        message: noPeriod
          ? '--start-interval only applies during --start-period, which is not set here (and it needs Docker Engine 25 or later): add --start-period or drop --start-interval.'
          : '--start-interval needs Docker Engine 25 or later (API 1.44); older engines ignore it and probe at --interval during start-up: make sure your hosts run Engine >= 25.',
      });
    }
    return hits;
  },
};
