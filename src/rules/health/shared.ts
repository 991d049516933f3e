// Helpers shared by the HC2xx rules: the shipped base image and what it carries,
// the commands a probe runs,
// and "which instructions repeat in a stage". Pure functions over the model.
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import { chainInstructions, externalBase, finalEnv, type HealthcheckFact } from '../../dockerfile/facts.js';
import { expand, type Expansion } from '../../dockerfile/expand.js';
import type { BaseImageInfo, TrustedBaseImage } from '../../dockerfile/base-images.js';
import { parseShell } from '../../shell/parse.js';
import type { Operator } from '../../shell/tokenize.js';
import { unwrap } from '../../shell/wrappers.js';

/** The resolved base image of the shipped stage and what we know about it, or null when unknown. */
export function shippedBase(
  model: DockerfileModel,
  trusted: readonly TrustedBaseImage[],
): { image: string; info: BaseImageInfo } | null {
  const base = externalBase(model, trusted);
  if (!base || !base.info || !base.resolved.complete) return null;
  return { image: base.resolved.value, info: base.info };
}

const SHELL_NAMES = /^(?:sh|bash|ash|dash|zsh|busybox|busybox\.static)$/;

function basename(p: string): string {
  const clean = p.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/** Sources and destination of a COPY/ADD (exec or shell form), flags removed. */
function copyPaths(instr: Instr): string[] {
  return instr.json ?? instr.args;
}

/** A COPY/ADD in the shipped chain that brings a file with this base name (e.g. `curl`, `busybox`). */
export function copiesBinary(model: DockerfileModel, names: RegExp): Instr | null {
  for (const instr of chainInstructions(model)) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    const from = instr.flags.find((f) => f.name === 'from')?.value ?? '';
    // `COPY --from=busybox:musl /bin /bin` or `--from=curlimages/curl ...`
    if (names.test(basename(from.split(/[:@]/)[0]))) return instr;
    for (const p of copyPaths(instr)) if (names.test(basename(p))) return instr;
  }
  return null;
}

/** Does the shipped chain copy a shell in (busybox, /bin/sh, a whole /bin)? */
export function copiesShell(model: DockerfileModel): Instr | null {
  const byName = copiesBinary(model, SHELL_NAMES);
  if (byName) return byName;
  for (const instr of chainInstructions(model)) {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
    const paths = copyPaths(instr);
    if (paths.slice(0, -1).some((p) => /^\/?(?:usr\/)?bin\/?$/.test(p.replace(/^["']|["']$/g, ''))))
      return instr;
  }
  return null;
}

/**
 * The shipped image has no shell: the base is known shell-less (scratch, distroless
 * non-debug, chainguard non-dev, chiseled) and no COPY brings one in.
 */
export function lacksShell(
  model: DockerfileModel,
  trusted: readonly TrustedBaseImage[],
): { image: string; family: string } | null {
  const base = shippedBase(model, trusted);
  if (!base || base.info.shell !== false) return null;
  if (copiesShell(model)) return null;
  return { image: base.image, family: base.info.family };
}

export interface ProbeCommand {
  /** The program behind its wrappers (`exec`, `timeout 5`, `env A=1`, …), base name. */
  name: string;
  /** Its arguments, quotes removed (variables left as written). */
  args: string[];
  /** The operator after it (`|`, `&&`, `;`, …); null for the last command. */
  after: Operator | null;
}

/** The commands a HEALTHCHECK probe runs: the exec-form argv, or the shell-form text parsed by src/shell. */
export function probeCommands(hc: Pick<HealthcheckFact, 'test' | 'execForm'>): ProbeCommand[] {
  const parsed = hc.execForm
    ? [{ words: hc.test.slice(1), after: null }]
    : parseShell(hc.test[1] ?? '', { shellHeredocs: true }).map((c) => ({
        words: c.words.map((w) => w.value),
        after: c.after,
      }));
  return parsed.flatMap((c) => {
    const u = unwrap(c.words.map((value) => ({ value, line: 0, quoted: false })));
    return u ? [{ name: u.name, args: u.args.map((w) => w.value), after: c.after }] : [];
  });
}

/** In each stage, every instruction of this keyword but the last: Docker ignores them. */
export function overridden(
  model: DockerfileModel,
  keyword: string,
): { instr: Instr; last: Instr; stage: Stage }[] {
  const out: { instr: Instr; last: Instr; stage: Stage }[] = [];
  for (const stage of model.stages) {
    const same = stage.instructions.filter((i) => i.keyword === keyword);
    const last = same[same.length - 1];
    for (const instr of same.slice(0, -1)) out.push({ instr, last, stage });
  }
  return out;
}

/** `stage 2 "build"` for messages. */
export function stageLabel(stage: Stage): string {
  return stage.name ? `stage "${stage.name}"` : `stage ${stage.index}`;
}

/**
 * Expand a shell-form command as `/bin/sh` will at run time: only the image's ENV is
 * visible (ARG values are gone), and the ENV in effect is the final one.
 */
export function runtimeExpand(model: DockerfileModel, text: string): Expansion {
  const env = new Map(finalEnv(model).map((e) => [e.key, e.value]));
  return expand(text, (n) => (env.has(n) ? env.get(n)! : undefined), '\\');
}
