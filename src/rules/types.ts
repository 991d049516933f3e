// A rule is metadata plus a pure function over the Dockerfile model.
import type { CheckId, Fix, Severity } from '../report/types.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import type { TrustedBaseImage } from '../dockerfile/base-images.js';

/** Counterparts in the tools users already know, so they can map ids. */
export interface Anchors {
  hadolint?: string[];
  trivy?: string[];
  dockle?: string[];
  checkov?: string[];
  buildkit?: string[];
  kics?: string[];
}

export interface RuleMeta {
  /** `HCnnn`: stable once published. */
  id: string;
  /** Short title, e.g. "Final stage runs as root". */
  title: string;
  severity: Severity;
  /** The checklist item this rule feeds. */
  check?: CheckId;
  anchors: Anchors;
  /** One paragraph: why this matters. */
  description: string;
  /** Off unless enabled in the config file (`enable: [HCnnn]`). */
  optIn?: boolean;
}

export interface RuleContext {
  model: DockerfileModel;
  /** Path shown in findings (relative to the workspace, POSIX). */
  file: string;
  /** Base images whose default user the config file vouches for. */
  trustedBaseImages: readonly TrustedBaseImage[];
  /** Text of the build context's `.dockerignore` (or `<Dockerfile>.dockerignore`), null when none. */
  dockerignore: string | null;
  /** Rule ids enabled by the config file (for opt-in rules and options). */
  enabled: ReadonlySet<string>;
  /** `allow-inline-ignore` of the config: false means inline ignores have no effect. */
  allowInlineIgnore: boolean;
  /** `allowed-registries` of the config (HC118). */
  allowedRegistries: readonly string[];
}

export interface RuleHit {
  line: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  /** One sentence: what is wrong and what to do. Never contains a secret in clear. */
  message: string;
  /** Overrides the rule's default severity for this hit (e.g. a secret in the final stage). */
  severity?: Severity;
  fix?: Fix;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleHit[];
}

export const DOCS_BASE = 'https://github.com/harden-check/harden-check/blob/v1/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
