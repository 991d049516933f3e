// HC308: an instruction that Docker expands (ADD COPY ENV EXPOSE LABEL STOPSIGNAL VOLUME
// WORKDIR) uses a variable that is neither an ARG nor an ENV in scope: Docker substitutes
// an empty string. The classic cause is a global ARG (declared before FROM) that the stage
// never redeclares. RUN/CMD/ENTRYPOINT text is expanded by the shell, not by Docker, so it
// is not checked; FROM is HC309's, USER is HC104's, ONBUILD triggers run in another build.
// Names a base image commonly sets (PATH, HOME, JAVA_HOME, ...) are assumed defined,
// as BuildKit does: it expands them from the base image's config, which the Dockerfile does not show.
import { expand } from '../../dockerfile/expand.js';
import type { Rule, RuleHit } from '../types.js';
import { declarations, expandableText, referenceLine } from './shared.js';

const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR']);

/** Variables an official or common base image usually sets in its config. */
export const BASE_IMAGE_ENV = new Set([
  'PATH',
  'HOME',
  'HOSTNAME',
  'PWD',
  'USER',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'TERM',
  'TZ',
  'LD_LIBRARY_PATH',
  'JAVA_HOME',
  'JAVA_VERSION',
  'JDK_VERSION',
  'GOPATH',
  'GOROOT',
  'GOLANG_VERSION',
  'GOTOOLCHAIN',
  'NODE_VERSION',
  'YARN_VERSION',
  'PYTHON_VERSION',
  'PYTHON_SHA256',
  'PYTHON_PIP_VERSION',
  'PYTHON_SETUPTOOLS_VERSION',
  'GPG_KEY',
  'RUBY_VERSION',
  'RUBY_MAJOR',
  'GEM_HOME',
  'BUNDLE_APP_CONFIG',
  'BUNDLE_SILENCE_ROOT_WARNING',
  'PHP_INI_DIR',
  'PHP_VERSION',
  'PHPIZE_DEPS',
  'NGINX_VERSION',
  'NJS_VERSION',
  'CATALINA_HOME',
  'TOMCAT_VERSION',
  'MAVEN_HOME',
  'MAVEN_CONFIG',
  'GRADLE_HOME',
  'GRADLE_VERSION',
  'CARGO_HOME',
  'RUSTUP_HOME',
  'RUST_VERSION',
  'DOTNET_VERSION',
  'ASPNET_VERSION',
  'ASPNETCORE_HTTP_PORTS',
  'APP_UID',
  'DOTNET_RUNNING_IN_CONTAINER',
  'CONDA_DIR',
  'PGDATA',
  'PG_MAJOR',
  'PG_VERSION',
  'MYSQL_MAJOR',
  'MYSQL_VERSION',
  'REDIS_VERSION',
  'HTTPD_PREFIX',
  'JETTY_HOME',
  'ELIXIR_VERSION',
  'OTP_VERSION',
  'NVM_DIR',
  'DENO_VERSION',
  'BUN_INSTALL',
  'PNPM_HOME',
  'COREPACK_HOME',
]);

export const hc308: Rule = {
  meta: {
    id: 'HC308',
    title: 'Undefined variable',
    severity: 'warning',
    anchors: { buildkit: ['UndefinedVar'] },
    description:
      'Docker replaces an undefined variable with an empty string without any error: a path, label or port silently becomes empty. A global ARG (before the first FROM) is only visible in a stage that redeclares it with `ARG NAME`.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const globals = new Map<string, number>();
    for (const i of model.preamble) for (const d of declarations(i)) globals.set(d.name, i.line);
    const known = new Set<string>(globals.keys());
    for (const i of model.instructions) for (const d of declarations(i)) known.add(d.name);

    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (!EXPANDED.has(instr.keyword)) continue;
        // COPY/ADD heredoc bodies are file content, not instruction words
        const text = instr.heredocs.length > 0 ? (model.lines[instr.line - 1] ?? '') : instr.text;
        const undefinedVars = new Set<string>();
        if (instr.keyword === 'ENV') {
          // `ENV A=1 B=$A` is HC307's; a self-reference (`PATH=$PATH:…`) or a later name is ours
          const earlier = new Set<string>();
          for (const p of instr.properties) {
            const value = expandableText(p.raw ?? '', model.escapeChar);
            for (const n of expand(value, model.scope(instr).get, model.escapeChar).undefinedVars) {
              if (!earlier.has(n) || n === p.name) undefinedVars.add(n);
            }
            earlier.add(p.name);
          }
        } else {
          const expandable = expandableText(text, model.escapeChar);
          for (const n of expand(expandable, model.scope(instr).get, model.escapeChar).undefinedVars)
            undefinedVars.add(n);
        }
        for (const name of undefinedVars) {
          if (BASE_IMAGE_ENV.has(name)) continue;
          const line = referenceLine(model, instr, name);
          let hint: string;
          if (globals.has(name)) {
            hint = `it is declared before the first FROM (line ${globals.get(name)}) but not redeclared in this stage: add ARG ${name} after the FROM`;
          } else {
            const similar = [...known].find(
              (k) => k !== name && (k.toLowerCase() === name.toLowerCase() || editDistance(k, name) === 1),
            );
            hint = similar
              ? `did you mean ${similar}? Otherwise declare it with ARG or ENV`
              : 'declare it with ARG or ENV before this line, or give a default with ${' + name + ':-value}';
          }
          hits.push({
            line,
            message: `${instr.keyword} uses $${name}, which is not defined here, so Docker substitutes an empty string; ${hint}.`,
          });
        }
      }
    }
    return hits;
  },
};

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
