// The syntax layer: dockerfile-utils' validator (the one VS Code's Docker extension uses)
// mapped onto our ids, instead of re-writing the syntax checks. Codes that our own rules
// cover with better messages (casing, MAINTAINER, multiple CMD, relative WORKDIR, a file not
// starting with FROM: HC509, a COPY destination without `/`: HC409) are off or unmapped here.
import { validate, ValidationCode, ValidationSeverity } from 'dockerfile-utils';
import type { RuleHit, RuleMeta } from '../types.js';

type Code = keyof typeof ValidationCode;

const CODE_TO_RULE: Partial<Record<Code, string>> = {
  INVALID_ESCAPE_DIRECTIVE: 'HC521',
  DUPLICATED_ESCAPE_DIRECTIVE: 'HC521',
  EMPTY_CONTINUATION_LINE: 'HC522',
  JSON_IN_SINGLE_QUOTES: 'HC523',
  UNKNOWN_INSTRUCTION: 'HC524',
  UNKNOWN_ADD_FLAG: 'HC524',
  UNKNOWN_COPY_FLAG: 'HC524',
  UNKNOWN_FROM_FLAG: 'HC524',
  FLAG_DUPLICATE: 'HC524',
  FLAG_MISSING_VALUE: 'HC524',
  FLAG_INVALID_FROM_VALUE: 'HC524',
  FLAG_INVALID_LINK_VALUE: 'HC524',
  FLAG_EXPECTED_BOOLEAN_VALUE: 'HC524',
  ARGUMENT_MISSING: 'HC524',
  ARGUMENT_EXTRA: 'HC524',
  ARGUMENT_REQUIRES_ONE: 'HC524',
  ARGUMENT_REQUIRES_AT_LEAST_ONE: 'HC524',
  ARGUMENT_REQUIRES_TWO: 'HC524',
  ARGUMENT_REQUIRES_AT_LEAST_TWO: 'HC524',
  ARGUMENT_REQUIRES_ONE_OR_THREE: 'HC524',
  ARGUMENT_UNNECESSARY: 'HC524',
  INVALID_REFERENCE_FORMAT: 'HC524',
  INVALID_AS: 'HC524',
  BASE_NAME_EMPTY: 'HC524',
  INVALID_SYNTAX: 'HC524',
  UNSUPPORTED_MODIFIER: 'HC524',
  SHELL_REQUIRES_ONE: 'HC524',
  UNKNOWN_HEALTHCHECK_FLAG: 'HC208',
  UNKNOWN_TYPE: 'HC208',
  FLAG_INVALID_DURATION: 'HC208',
  FLAG_LESS_THAN_1MS: 'HC208',
  FLAG_MISSING_DURATION: 'HC208',
  FLAG_UNKNOWN_UNIT: 'HC208',
  FLAG_AT_LEAST_ONE: 'HC208',
  HEALTHCHECK_CMD_ARGUMENT_MISSING: 'HC208',
  INVALID_SIGNAL: 'HC215',
  SYNTAX_MISSING_EQUALS: 'HC311',
  SYNTAX_MISSING_NAMES: 'HC311',
  SYNTAX_MISSING_SINGLE_QUOTE: 'HC311',
  SYNTAX_MISSING_DOUBLE_QUOTE: 'HC311',
  DUPLICATE_BUILD_STAGE_NAME: 'HC505',
  INVALID_BUILD_STAGE_NAME: 'HC506',
  ONBUILD_CHAINING_DISALLOWED: 'HC510',
  ONBUILD_TRIGGER_DISALLOWED: 'HC510',
  INVALID_PORT: 'HC511',
  INVALID_PROTO: 'HC511',
  SHELL_JSON_FORM: 'HC513',
};

const HINT: Partial<Record<string, string>> = {
  HC521: 'Use `# escape=\\` or `# escape=`` ` once, on the first line.',
  HC522: 'Remove the empty line or end the previous line without a continuation.',
  HC523: 'Use double quotes: single-quoted JSON silently runs in shell form.',
  HC208: 'Fix the HEALTHCHECK flags and command.',
  HC311: 'Write it as KEY=value, quoting values with spaces.',
  HC505: 'Give every stage a unique name.',
  HC506: 'Use a lowercase name of letters, digits, `-`, `_` and `.`.',
  HC510: 'ONBUILD cannot trigger FROM, MAINTAINER or ONBUILD.',
  HC511: 'Use a port 0–65535 with tcp, udp or sctp.',
  HC513: 'Write SHELL as a JSON array, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
};

export interface SyntaxHit extends RuleHit {
  ruleId: string;
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
    const name = ValidationCode[d.code as number] as Code | undefined;
    const ruleId = name ? CODE_TO_RULE[name] : undefined;
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
    id: 'HC208',
    title: 'Invalid HEALTHCHECK flags or command',
    severity: 'error',
    check: 'healthcheck-defined',
    anchors: { buildkit: ['(parse error)'] },
    description:
      'An unknown flag, an invalid duration, --retries below 1 or a CMD without a command makes the build fail or the health check meaningless.',
  },
  {
    id: 'HC215',
    title: 'Invalid STOPSIGNAL',
    severity: 'error',
    anchors: {},
    description: 'Docker cannot stop the container gracefully with a signal it does not know.',
  },
  {
    id: 'HC311',
    title: 'Malformed ENV, ARG or LABEL',
    severity: 'error',
    check: 'env-override',
    anchors: {},
    description:
      'A missing `=`, an unbalanced quote or an empty name changes what the variable holds, or fails the build.',
  },
  {
    id: 'HC505',
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
    id: 'HC506',
    title: 'Invalid stage name',
    severity: 'error',
    anchors: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
    description: 'Stage names must be lowercase letters, digits, `-`, `_` and `.`; some names are reserved.',
  },
  {
    id: 'HC510',
    title: 'Forbidden ONBUILD trigger',
    severity: 'error',
    anchors: { hadolint: ['DL3043'] },
    description: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD.',
  },
  {
    id: 'HC511',
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
    id: 'HC513',
    title: 'SHELL not in JSON form',
    severity: 'error',
    anchors: { hadolint: ['DL4005'] },
    description: 'SHELL only accepts a JSON array.',
  },
  {
    id: 'HC521',
    title: 'Invalid or duplicate parser directive',
    severity: 'error',
    anchors: {},
    description:
      'An escape directive other than `\\` or a backtick, or a second one, changes how every following line is read.',
  },
  {
    id: 'HC522',
    title: 'Empty continuation line',
    severity: 'warning',
    anchors: { buildkit: ['NoEmptyContinuation'] },
    description:
      'Empty lines inside a continued instruction are deprecated and will become an error in future Docker versions.',
  },
  {
    id: 'HC523',
    title: 'JSON array written with single quotes',
    severity: 'error',
    anchors: {},
    description:
      "`CMD ['python', 'app.py']` is not JSON: Docker runs it through /bin/sh -c as a literal string, which fails or behaves differently.",
  },
  {
    id: 'HC524',
    title: 'Dockerfile syntax error',
    severity: 'error',
    anchors: { ...SYNTAX_ANCHOR },
    description: 'An unknown instruction, flag or missing argument makes the build fail.',
  },
];
