// The syntax layer: dockerfile-utils' validator (the one VS Code's Docker extension uses)
// mapped onto our ids, instead of re-writing the syntax checks. Codes that our own rules
// cover with better messages (casing, MAINTAINER, multiple CMD, relative WORKDIR, a file not
// starting with FROM: HC509, a COPY destination without `/`: HC409) are off or unmapped here.
import { validate, ValidationCode, ValidationSeverity } from 'dockerfile-utils';
import type { RuleHit, RuleMeta } from '../types.js';

/** The ids this layer emits (their metadata is syntaxRuleMetas below). */
export const SYNTAX_RULE = {
  HEALTHCHECK_INVALID: 'HC208',
  STOPSIGNAL_INVALID: 'HC215',
  KEY_VALUE_MALFORMED: 'HC311',
  STAGE_NAME_DUPLICATE: 'HC505',
  STAGE_NAME_INVALID: 'HC506',
  ONBUILD_FORBIDDEN: 'HC510',
  EXPOSE_INVALID: 'HC511',
  SHELL_NOT_JSON: 'HC513',
  ESCAPE_DIRECTIVE_INVALID: 'HC521',
  EMPTY_CONTINUATION: 'HC522',
  JSON_SINGLE_QUOTES: 'HC523',
  SYNTAX_ERROR: 'HC524',
} as const;

export type SyntaxRuleId = (typeof SYNTAX_RULE)[keyof typeof SYNTAX_RULE];

export type SyntaxCode = keyof typeof ValidationCode;

const R = SYNTAX_RULE;

/** dockerfile-utils' diagnostic codes mapped onto our ids; a code not here is not reported. */
export const SYNTAX_CODE_MAP: Partial<Record<SyntaxCode, SyntaxRuleId>> = {
  INVALID_ESCAPE_DIRECTIVE: R.ESCAPE_DIRECTIVE_INVALID,
  DUPLICATED_ESCAPE_DIRECTIVE: R.ESCAPE_DIRECTIVE_INVALID,
  EMPTY_CONTINUATION_LINE: R.EMPTY_CONTINUATION,
  JSON_IN_SINGLE_QUOTES: R.JSON_SINGLE_QUOTES,
  UNKNOWN_INSTRUCTION: R.SYNTAX_ERROR,
  UNKNOWN_ADD_FLAG: R.SYNTAX_ERROR,
  UNKNOWN_COPY_FLAG: R.SYNTAX_ERROR,
  UNKNOWN_FROM_FLAG: R.SYNTAX_ERROR,
  FLAG_DUPLICATE: R.SYNTAX_ERROR,
  FLAG_MISSING_VALUE: R.SYNTAX_ERROR,
  FLAG_INVALID_FROM_VALUE: R.SYNTAX_ERROR,
  FLAG_INVALID_LINK_VALUE: R.SYNTAX_ERROR,
  FLAG_EXPECTED_BOOLEAN_VALUE: R.SYNTAX_ERROR,
  ARGUMENT_MISSING: R.SYNTAX_ERROR,
  ARGUMENT_EXTRA: R.SYNTAX_ERROR,
  ARGUMENT_REQUIRES_ONE: R.SYNTAX_ERROR,
  ARGUMENT_REQUIRES_AT_LEAST_ONE: R.SYNTAX_ERROR,
  ARGUMENT_REQUIRES_TWO: R.SYNTAX_ERROR,
  ARGUMENT_REQUIRES_AT_LEAST_TWO: R.SYNTAX_ERROR,
  ARGUMENT_REQUIRES_ONE_OR_THREE: R.SYNTAX_ERROR,
  ARGUMENT_UNNECESSARY: R.SYNTAX_ERROR,
  INVALID_REFERENCE_FORMAT: R.SYNTAX_ERROR,
  INVALID_AS: R.SYNTAX_ERROR,
  BASE_NAME_EMPTY: R.SYNTAX_ERROR,
  INVALID_SYNTAX: R.SYNTAX_ERROR,
  UNSUPPORTED_MODIFIER: R.SYNTAX_ERROR,
  SHELL_REQUIRES_ONE: R.SYNTAX_ERROR,
  UNKNOWN_HEALTHCHECK_FLAG: R.HEALTHCHECK_INVALID,
  UNKNOWN_TYPE: R.HEALTHCHECK_INVALID,
  FLAG_INVALID_DURATION: R.HEALTHCHECK_INVALID,
  FLAG_LESS_THAN_1MS: R.HEALTHCHECK_INVALID,
  FLAG_MISSING_DURATION: R.HEALTHCHECK_INVALID,
  FLAG_UNKNOWN_UNIT: R.HEALTHCHECK_INVALID,
  FLAG_AT_LEAST_ONE: R.HEALTHCHECK_INVALID,
  HEALTHCHECK_CMD_ARGUMENT_MISSING: R.HEALTHCHECK_INVALID,
  INVALID_SIGNAL: R.STOPSIGNAL_INVALID,
  SYNTAX_MISSING_EQUALS: R.KEY_VALUE_MALFORMED,
  SYNTAX_MISSING_NAMES: R.KEY_VALUE_MALFORMED,
  SYNTAX_MISSING_SINGLE_QUOTE: R.KEY_VALUE_MALFORMED,
  SYNTAX_MISSING_DOUBLE_QUOTE: R.KEY_VALUE_MALFORMED,
  DUPLICATE_BUILD_STAGE_NAME: R.STAGE_NAME_DUPLICATE,
  INVALID_BUILD_STAGE_NAME: R.STAGE_NAME_INVALID,
  ONBUILD_CHAINING_DISALLOWED: R.ONBUILD_FORBIDDEN,
  ONBUILD_TRIGGER_DISALLOWED: R.ONBUILD_FORBIDDEN,
  INVALID_PORT: R.EXPOSE_INVALID,
  INVALID_PROTO: R.EXPOSE_INVALID,
  SHELL_JSON_FORM: R.SHELL_NOT_JSON,
};

const HINT: Partial<Record<SyntaxRuleId, string>> = {
  [R.ESCAPE_DIRECTIVE_INVALID]: 'Use `# escape=\\` or `# escape=`` ` once, on the first line.',
  [R.EMPTY_CONTINUATION]: 'Remove the empty line or end the previous line without a continuation.',
  [R.JSON_SINGLE_QUOTES]: 'Use double quotes: single-quoted JSON silently runs in shell form.',
  [R.HEALTHCHECK_INVALID]: 'Fix the HEALTHCHECK flags and command.',
  [R.KEY_VALUE_MALFORMED]: 'Write it as KEY=value, quoting values with spaces.',
  [R.STAGE_NAME_DUPLICATE]: 'Give every stage a unique name.',
  [R.STAGE_NAME_INVALID]: 'Use a lowercase name of letters, digits, `-`, `_` and `.`.',
  [R.ONBUILD_FORBIDDEN]: 'ONBUILD cannot trigger FROM, MAINTAINER or ONBUILD.',
  [R.EXPOSE_INVALID]: 'Use a port 0–65535 with tcp, udp or sctp.',
  [R.SHELL_NOT_JSON]: 'Write SHELL as a JSON array, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
};

export interface SyntaxHit extends RuleHit {
  ruleId: SyntaxRuleId;
}

const OFF = ValidationSeverity.IGNORE;

/** Validate the text; every problem mapped to a rule id with its line. */
export function validateSyntax(text: string): SyntaxHit[] {
  let diagnostics: ReturnType<typeof validate>;
  try {
    // callers pass the text without leading BOMs (model.ts withoutBom: dockerfile-utils loops on two)
    diagnostics = validateWith(text);
  } catch {
    // dockerfile-utils/dockerfile-ast recurse without end or read a missing node on some
    // malformed files (found by __tests__/fuzz): the model and our rules still judge them.
    return [];
  }
  // Its ranges can end one line past the text (an empty continuation at the end).
  const lastLine = text.split(/\r\n|\r|\n/).length;
  const clamp = (line: number) => Math.min(Math.max(line, 1), lastLine);
  const hits: SyntaxHit[] = [];
  for (const d of diagnostics) {
    const name = ValidationCode[d.code as number] as SyntaxCode | undefined;
    const ruleId = name ? SYNTAX_CODE_MAP[name] : undefined;
    if (!ruleId) continue;
    const hint = HINT[ruleId];
    const raw = typeof d.message === 'string' ? d.message : d.message.value;
    const message = raw.replace(/\.?$/, '.') + (hint ? ' ' + hint : '');
    hits.push({
      ruleId,
      line: clamp(d.range.start.line + 1),
      endLine: clamp(d.range.end.line + 1),
      column: d.range.start.character + 1,
      endColumn: d.range.end.character + 1,
      message,
      // d.severity is an LSP DiagnosticSeverity: 1 = Error, 2 = Warning
      severity: d.severity === 2 ? 'warning' : 'error',
    });
  }
  return hits;
}

function validateWith(text: string): ReturnType<typeof validate> {
  return validate(text, {
    // covered by our own rules with stage-aware messages
    instructionCasing: OFF,
    directiveCasing: OFF,
    deprecatedMaintainer: OFF,
    instructionCmdMultiple: OFF,
    instructionEntrypointMultiple: OFF,
    instructionHealthcheckMultiple: OFF,
    instructionWorkdirRelative: OFF,
    emptyContinuationLine: ValidationSeverity.WARNING,
    instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  });
}

const SYNTAX_ANCHOR = { hadolint: ['DL1000'], buildkit: ['(parse error)'] };

export const syntaxRuleMetas: RuleMeta[] = [
  {
    id: R.HEALTHCHECK_INVALID,
    title: 'Invalid HEALTHCHECK flags or command',
    severity: 'error',
    check: 'healthcheck-defined',
    anchors: { buildkit: ['(parse error)'] },
    description:
      'An unknown flag, an invalid duration, --retries below 1 or a CMD without a command makes the build fail or the health check meaningless.',
  },
  {
    id: R.STOPSIGNAL_INVALID,
    title: 'Invalid STOPSIGNAL',
    severity: 'error',
    anchors: {},
    description: 'Docker cannot stop the container gracefully with a signal it does not know.',
  },
  {
    id: R.KEY_VALUE_MALFORMED,
    title: 'Malformed ENV, ARG or LABEL',
    severity: 'error',
    check: 'env-override',
    anchors: {},
    description:
      'A missing `=`, an unbalanced quote or an empty name changes what the variable holds, or fails the build.',
  },
  {
    id: R.STAGE_NAME_DUPLICATE,
    title: 'Duplicate stage name',
    severity: 'error',
    anchors: {
      hadolint: ['DL3024'],
      trivy: ['DS-0012'],
      checkov: ['CKV_DOCKER_11'],
      buildkit: ['DuplicateStageName'],
    },
    description:
      'Two stages with one name make `COPY --from` and `--target` ambiguous; BuildKit refuses the file.',
  },
  {
    id: R.STAGE_NAME_INVALID,
    title: 'Invalid stage name',
    severity: 'error',
    anchors: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
    description: 'Stage names must be lowercase letters, digits, `-`, `_` and `.`; some names are reserved.',
  },
  {
    id: R.ONBUILD_FORBIDDEN,
    title: 'Forbidden ONBUILD trigger',
    severity: 'error',
    anchors: { hadolint: ['DL3043'] },
    description: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD.',
  },
  {
    id: R.EXPOSE_INVALID,
    title: 'Invalid EXPOSE',
    severity: 'error',
    anchors: {
      hadolint: ['DL3011'],
      trivy: ['DS-0008'],
      buildkit: ['ExposeInvalidFormat', 'ExposeProtoCasing'],
    },
    description: 'A port outside 0–65535 or an unknown protocol fails the build or exposes nothing.',
  },
  {
    id: R.SHELL_NOT_JSON,
    title: 'SHELL not in JSON form',
    severity: 'error',
    anchors: { hadolint: ['DL4005'] },
    description: 'SHELL only accepts a JSON array.',
  },
  {
    id: R.ESCAPE_DIRECTIVE_INVALID,
    title: 'Invalid or duplicate parser directive',
    severity: 'error',
    anchors: {},
    description:
      'An escape directive other than `\\` or a backtick, or a second one, changes how every following line is read.',
  },
  {
    id: R.EMPTY_CONTINUATION,
    title: 'Empty continuation line',
    severity: 'warning',
    anchors: { buildkit: ['NoEmptyContinuation'] },
    description:
      'Empty lines inside a continued instruction are deprecated and will become an error in future Docker versions.',
  },
  {
    id: R.JSON_SINGLE_QUOTES,
    title: 'JSON array written with single quotes',
    severity: 'error',
    anchors: {},
    description:
      "`CMD ['python', 'app.py']` is not JSON: Docker runs it through /bin/sh -c as a literal string, which fails or behaves differently.",
  },
  {
    id: R.SYNTAX_ERROR,
    title: 'Dockerfile syntax error',
    severity: 'error',
    anchors: { ...SYNTAX_ANCHOR },
    description: 'An unknown instruction, flag or missing argument makes the build fail.',
  },
];
