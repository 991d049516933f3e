// HC520 (opt-in): the shipped image's OCI labels. Reports missing recommended labels
// (org.opencontainers.image.source, .description, .licenses) once, and invalid ones where they
// are set: unknown org.opencontainers.image.* keys (typos), keys in Docker's reserved namespaces,
// `created` not RFC 3339, `source`/`url`/`documentation` not a URL, `revision` not a git hash.
// Values that depend on build args are not judged.
import type { Rule, RuleHit } from '../types.js';

const OCI = 'org.opencontainers.image.';
const KNOWN = new Set([
  'created',
  'authors',
  'url',
  'documentation',
  'source',
  'version',
  'revision',
  'vendor',
  'licenses',
  'ref.name',
  'title',
  'description',
  'base.digest',
  'base.name',
]);
const REQUIRED = ['source', 'description', 'licenses'];
const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

export const hc520: Rule = {
  meta: {
    id: 'HC520',
    title: 'OCI image labels missing or invalid',
    severity: 'note',
    optIn: true,
    anchors: {
      hadolint: [
        'DL3048',
        'DL3049',
        'DL3050',
        'DL3051',
        'DL3052',
        'DL3053',
        'DL3054',
        'DL3055',
        'DL3056',
        'DL3058',
      ],
    },
    description:
      'Registries and scanners read `org.opencontainers.image.*` labels: `source` links the image to its repository (GHCR does), `licenses` and `description` tell users what they run.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const chain = model.chain();
    if (chain.length === 0) return [];
    const seen = new Set<string>();
    for (const stage of [...chain].reverse()) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'LABEL') continue;
        for (const p of instr.properties) {
          const key = p.name.replace(/^["']|["']$/g, '');
          if (RESERVED.test(key)) {
            hits.push({
              line: instr.line,
              message: `Label ${key} uses a namespace reserved by Docker: use your own reverse-DNS prefix or ${OCI}*.`,
            });
            continue;
          }
          if (!key.startsWith(OCI)) continue;
          const field = key.slice(OCI.length);
          if (!KNOWN.has(field)) {
            hits.push({
              line: instr.line,
              message: `Label ${key} is not an OCI annotation: check the spelling against ${OCI}{source,version,revision,licenses,…}.`,
            });
            continue;
          }
          seen.add(field);
          const r = model.resolve(p.value ?? '', instr);
          if (!r.complete) continue;
          const v = r.value;
          let problem: string | null = null;
          if (v === '') problem = 'is empty';
          else if (
            field === 'created' &&
            !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)
          )
            problem = 'is not an RFC 3339 date-time';
          else if (
            (field === 'source' || field === 'url' || field === 'documentation') &&
            !/^(https?|git|ssh):\/\/\S+$/.test(v) &&
            !/^git@/.test(v)
          )
            problem = 'is not a URL';
          else if (field === 'revision' && !/^[0-9a-f]{7,64}$/i.test(v)) problem = 'is not a commit hash';
          if (problem)
            hits.push({
              line: instr.line,
              message: `Label ${key} ${problem}: fix the value or set it from the build (e.g. docker/metadata-action).`,
            });
        }
      }
    }
    const missing = REQUIRED.filter((f) => !seen.has(f));
    if (missing.length > 0) {
      const stage = chain[0];
      hits.push({
        line: stage.fromInstr.line,
        message: `The shipped image has no ${missing.map((m) => OCI + m).join(', ')} label${missing.length > 1 ? 's' : ''}: add them with LABEL (or docker/metadata-action).`,
      });
    }
    return hits;
  },
};
