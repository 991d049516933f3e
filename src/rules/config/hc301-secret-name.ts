// HC301: an ARG or ENV whose *name* says it holds a secret. Names are matched on token
// boundaries with an allow-list of suffixes that describe a secret without holding one
// (`PASSWORD_FILE`, `TOKEN_URL`, `AUTH_MODE`, ...), so the recommended `*_FILE` pattern is
// never punished, and neither is a value that is a path (`/run/secrets/api_key`). A shipped-stage
// ENV with a literal value (or one copied from a build argument) is baked into the image
// config: error. A value made only of variable references is not literal; when those are
// undefined the finding says so instead of calling it a secret. Everything else: warning.
import { findSecretValues, isPathValue, isPlaceholder, secretNameMatch } from '../../secrets/detect.js';
import { referencedVars } from '../../dockerfile/expand.js';
import type { Rule, RuleHit } from '../types.js';
import { isShipped } from '../../dockerfile/stages.js';
import { argDecls, expandableText, propertyLine } from './shared.js';
import { removeDeclarationFix } from '../../fix/remove-declaration.js';

export const hc301: Rule = {
  meta: {
    id: 'HC301',
    title: 'ARG or ENV name indicates a secret',
    severity: 'warning',
    check: 'no-secrets',
    anchors: {
      hadolint: ['DL3064'],
      trivy: ['DS-0031'],
      dockle: ['CIS-DI-0010'],
      buildkit: ['SecretsUsedInArgOrEnv'],
      kics: ['781e75f7'],
    },
    description:
      'ENV values are stored in the image config and visible to anyone who can pull the image (`docker inspect`); build arguments end up in `docker history`, the build cache and provenance attestations. Secrets belong in build secrets (`RUN --mount=type=secret`) or are given at run time.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const all = [...model.preamble, ...model.stages.flatMap((s) => s.instructions)];
    for (const instr of all) {
      if (instr.keyword === 'ARG') {
        for (const d of argDecls(instr)) {
          if (!secretNameMatch(d.name)) continue;
          // a provider-shaped default is HC302's (more precise) finding
          if (d.value !== null && findSecretValues(d.value).length > 0) continue;
          // a path (`/run/secrets/api_key`) says where the secret is read from: the right pattern
          if (d.value !== null && isPathValue(d.value)) continue;
          const line = propertyLine(model, instr, d.name);
          const literal = d.value !== null && !isPlaceholder(d.value);
          const fix = literal ? removeDeclarationFix(model, instr, d.name) : null;
          hits.push({
            line,
            ...(fix ? { fix } : {}),
            message:
              d.value === null || isPlaceholder(d.value)
                ? `ARG ${d.name} looks like a secret passed with --build-arg, which leaves it in the build cache, provenance and (when a shipped RUN uses it) docker history: use RUN --mount=type=secret,id=${d.name.toLowerCase()} instead.`
                : `ARG ${d.name} looks like a secret and has a literal default in the Dockerfile: remove the default, rotate the value, and pass it with RUN --mount=type=secret,id=${d.name.toLowerCase()}.`,
          });
        }
      } else if (instr.keyword === 'ENV') {
        const shipped = isShipped(model, instr);
        const scope = model.scope(instr);
        for (const p of instr.properties) {
          if (!secretNameMatch(p.name)) continue;
          if (p.value !== null && findSecretValues(p.value).length > 0) continue;
          const line = propertyLine(model, instr, p.name);
          const raw = expandableText(p.raw ?? '', model.escapeChar);
          const refs = referencedVars(raw, model.escapeChar);
          const fromArgs = refs.filter((n) => {
            const o = scope.origin(n);
            return o !== undefined && o.kind !== 'ENV';
          });
          const expanded = model.resolveWord(p.raw ?? '', instr);
          // A path, as written or once expanded (`${APP_HOME}/keys.json`): where the secret is read from.
          if (
            (p.value !== null && isPathValue(p.value)) ||
            (expanded.complete && isPathValue(expanded.value))
          )
            continue;
          // What the file itself writes: the value without its variable references.
          const literal = literalPart(p.raw ?? '');
          if (
            shipped &&
            fromArgs.length === 0 &&
            refs.length > 0 &&
            expanded.undefinedVars.length > 0 &&
            isPlaceholder(literal)
          ) {
            // `ENV DB_PASSWORD=${DB_PASSWORD},` with no such ARG: nothing secret is written, the value
            // is what is left of an undefined variable (HC308 reports it)
            hits.push({
              line,
              message: `ENV ${p.name} takes its value from ${expanded.undefinedVars.map((n) => '$' + n).join(', ')}, which is not defined in this stage, so the image gets ${JSON.stringify(expanded.value)}: give ${p.name} at run time (-e, or ${p.name}_FILE pointing to a mounted secret) and drop this ENV.`,
            });
            continue;
          }
          if (shipped && fromArgs.length > 0) {
            hits.push({
              line,
              severity: 'error',
              message: `ENV ${p.name} copies build argument ${fromArgs.join(', ')} into the shipped image's config, where docker inspect shows it: pass the secret at run time (-e or a secret store) or use it only in RUN --mount=type=secret.`,
            });
          } else if (shipped && !isPlaceholder(p.value) && !(refs.length > 0 && isPlaceholder(literal))) {
            const fix = removeDeclarationFix(model, instr, p.name);
            hits.push({
              line,
              severity: 'error',
              ...(fix ? { fix } : {}),
              message: `ENV ${p.name} sets a literal secret in the shipped image's config, where docker inspect shows it: remove it, rotate the value, and give it at run time (-e, a mounted secret file such as ${p.name}_FILE).`,
            });
          } else {
            hits.push({
              line,
              message: shipped
                ? `ENV ${p.name} looks like a secret and is declared in the shipped image with an empty or placeholder value: give it at run time only (-e, or ${p.name}_FILE pointing to a mounted secret).`
                : `ENV ${p.name} looks like a secret in a build stage: its value stays in the build cache; use RUN --mount=type=secret for build-time credentials.`,
            });
          }
        }
      }
    }
    return hits;
  },
};

/** The text a value writes itself: quotes, `$NAME` and `${…}` references removed (`${A}:${B},` → `:,`). */
function literalPart(raw: string): string {
  const noRefs = raw.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '').replace(/["']/g, '');
  // punctuation between references is not a secret either
  return /[A-Za-z0-9]/.test(noRefs) ? noRefs : '';
}
