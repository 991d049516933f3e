// HC201: the shipped image has no HEALTHCHECK: none in the target stage, none inherited
// through FROM <stage>. A builder stage's HEALTHCHECK does not ship. `HEALTHCHECK NONE`
// is HC202's business. One-shot / CLI images (no EXPOSE, no port, no server command) get a note.
import { appPorts, finalHealthcheck, lastInChain } from '../../dockerfile/facts.js';
import type { DockerfileModel } from '../../dockerfile/model.js';
import type { TrustedBaseImage } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';
import { shippedBase } from './shared.js';

/** Base images whose own CMD starts a server (their EXPOSE is inherited, not written here). */
const SERVER_BASES = new Set([
  'nginx',
  'httpd',
  'tomcat',
  'jetty',
  'traefik',
  'caddy',
  'postgres',
  'redis',
  'mysql',
  'mariadb',
  'mongo',
  'nginx-unprivileged',
  'bitnami',
]);

/** Commands that start a long-running server (matched as words of CMD/ENTRYPOINT). */
const SERVER =
  /(?:^|[\s/"'])(?:nginx|httpd|apache2(?:ctl)?|caddy|traefik|envoy|haproxy|uvicorn|gunicorn|hypercorn|daphne|waitress-serve|granian|flask|streamlit|gradio|fastapi|manage\.py|rails|puma|unicorn|passenger|php-fpm\d*(?:\.\d+)?|frankenphp|node|nodemon|pm2(?:-runtime)?|next|nuxt|npm|yarn|pnpm|bun|deno|java|catalina\.sh|dotnet|postgres|mysqld|mariadbd|mongod|redis-server|memcached|rabbitmq-server|nats-server|consul|vault|prometheus|grafana-server|supervisord|s6-svscan|serve|server|start|run|web|api|daemon)(?=$|[\s"'])/i;

/** Does the shipped image look like a long-running service? */
export function looksLikeService(model: DockerfileModel, trusted: readonly TrustedBaseImage[] = []): boolean {
  const base = shippedBase(model, trusted);
  if (base && SERVER_BASES.has(base.info.family)) return true;
  if (appPorts(model).length > 0) return true;
  if (lastInChain(model, 'EXPOSE')) return true;
  for (const key of ['ENTRYPOINT', 'CMD']) {
    const instr = lastInChain(model, key);
    if (!instr) continue;
    const text = instr.json ? instr.json.join(' ') : instr.text;
    if (SERVER.test(text)) return true;
  }
  return false;
}

export const hc201: Rule = {
  meta: {
    id: 'HC201',
    title: 'Final image has no HEALTHCHECK',
    severity: 'warning',
    check: 'healthcheck-defined',
    anchors: {
      hadolint: ['DL3057'],
      trivy: ['DS-0026'],
      dockle: ['CIS-DI-0006'],
      checkov: ['CKV_DOCKER_2'],
      kics: ['b03a748a'],
    },
    description:
      'Without a HEALTHCHECK, Docker (and Compose `depends_on: condition: service_healthy`, Swarm, autoheal) only knows the process is alive, not that it serves. Only the shipped stage and the stages it builds FROM count; a HEALTHCHECK in a builder stage is dropped.',
  },
  check({ model, trustedBaseImages }) {
    const stage = model.target;
    if (!stage || finalHealthcheck(model)) return [];
    if (looksLikeService(model, trustedBaseImages)) {
      const port = appPorts(model)[0]?.port ?? 8080;
      return [
        {
          line: stage.fromInstr.line,
          message: `The shipped image defines no HEALTHCHECK (none in this stage or the stages it builds FROM): add one that probes the app, e.g. HEALTHCHECK CMD ["curl", "-f", "http://localhost:${port}/health"].`,
        },
      ];
    }
    return [
      {
        line: stage.fromInstr.line,
        severity: 'note',
        message:
          'The shipped image defines no HEALTHCHECK; it exposes no port and runs no server, so if it is a one-shot or CLI image this is fine, otherwise add a HEALTHCHECK that probes the service.',
      },
    ];
  },
};
