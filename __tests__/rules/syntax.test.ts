// The syntax layer, table-driven over its code map: for each row a real Dockerfile snippet, the
// dockerfile-utils code it raises, and the id, line and message harden-check reports for it.
import { validate, ValidationCode, ValidationSeverity } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import {
  SYNTAX_CODE_MAP,
  SYNTAX_RULE,
  syntaxRuleMetas,
  type SyntaxCode,
} from '../../src/rules/syntax/validate.js';
import { df, findingsOf } from '../helpers/audit.js';

interface Row {
  code: SyntaxCode;
  text: string;
  /** The findings of the code's id: line and message. */
  expected: [number, string][];
}

const HEALTH_HINT = ' Fix the HEALTHCHECK flags and command.';
const KEY_VALUE_HINT = ' Write it as KEY=value, quoting values with spaces.';
const ONBUILD_HINT = ' ONBUILD cannot trigger FROM, MAINTAINER or ONBUILD.';
const EXPOSE_HINT = ' Use a port 0–65535 with tcp, udp or sctp.';

const ROWS: Row[] = [
  {
    code: 'INVALID_ESCAPE_DIRECTIVE',
    text: df`
      # escape=x
      FROM alpine:3.20
    `,
    expected: [
      [
        1,
        "invalid ESCAPE 'x'. Must be ` or \\. Use `# escape=\\` or `# escape=`` ` once, on the first line.",
      ],
    ],
  },
  {
    code: 'DUPLICATED_ESCAPE_DIRECTIVE',
    text: ['# escape=`', '# escape=\\', 'FROM alpine:3.20', ''].join('\n'),
    expected: [
      [
        2,
        'only one escape parser directive can be used. Use `# escape=\\` or `# escape=`` ` once, on the first line.',
      ],
    ],
  },
  {
    code: 'EMPTY_CONTINUATION_LINE',
    text: ['FROM alpine:3.20', 'RUN echo a \\', '', '  b', ''].join('\n'),
    expected: [
      [3, 'Empty continuation line. Remove the empty line or end the previous line without a continuation.'],
    ],
  },
  {
    code: 'JSON_IN_SINGLE_QUOTES',
    text: df`
      FROM alpine:3.20
      CMD ['python', 'app.py']
    `,
    expected: [
      [
        2,
        'Instruction written as a JSON array but is using single quotes instead of double quotes. Use double quotes: single-quoted JSON silently runs in shell form.',
      ],
    ],
  },
  {
    code: 'UNKNOWN_INSTRUCTION',
    text: df`
      FROM alpine:3.20
      RUN true
      FOO bar
    `,
    expected: [[3, 'Unknown instruction: FOO.']],
  },
  {
    code: 'UNKNOWN_COPY_FLAG',
    text: df`
      FROM alpine:3.20
      COPY --foo=x app /app
    `,
    expected: [[2, 'Unknown flag: foo.']],
  },
  {
    code: 'FLAG_INVALID_FROM_VALUE',
    text: df`
      FROM alpine:3.20
      COPY --from= app /app
    `,
    expected: [[2, 'invalid from flag value : invalid reference format.']],
  },
  {
    code: 'ARGUMENT_MISSING',
    text: df`
      FROM alpine:3.20
      ARG
    `,
    expected: [[2, 'Instruction has no arguments.']],
  },
  {
    code: 'ARGUMENT_REQUIRES_TWO',
    text: df`
      FROM alpine:3.20
      ENV A
    `,
    expected: [[2, 'ENV must have two arguments.']],
  },
  {
    code: 'ARGUMENT_REQUIRES_ONE_OR_THREE',
    text: df`
      FROM alpine:3.20 AS
    `,
    expected: [[1, 'FROM requires either one or three arguments.']],
  },
  {
    code: 'UNKNOWN_HEALTHCHECK_FLAG',
    text: df`
      FROM alpine:3.20
      HEALTHCHECK --foo=1 CMD true
    `,
    expected: [[2, 'Unknown flag: foo.' + HEALTH_HINT]],
  },
  {
    code: 'FLAG_MISSING_DURATION',
    text: df`
      FROM alpine:3.20
      HEALTHCHECK --interval=5 CMD true
    `,
    expected: [[2, 'time: missing unit in duration 5.' + HEALTH_HINT]],
  },
  {
    code: 'FLAG_UNKNOWN_UNIT',
    text: df`
      FROM alpine:3.20
      HEALTHCHECK --interval=5q CMD true
    `,
    expected: [[2, 'time: unknown unit q in duration 5q.' + HEALTH_HINT]],
  },
  {
    code: 'FLAG_LESS_THAN_1MS',
    text: df`
      FROM alpine:3.20
      HEALTHCHECK --interval=0.1ns CMD true
    `,
    expected: [[2, 'Interval "interval" cannot be less than 1ms.' + HEALTH_HINT]],
  },
  {
    code: 'FLAG_AT_LEAST_ONE',
    text: df`
      FROM alpine:3.20
      HEALTHCHECK --retries=0 CMD true
    `,
    expected: [[2, '--retries must be at least 1 (not 0).' + HEALTH_HINT]],
  },
  {
    code: 'HEALTHCHECK_CMD_ARGUMENT_MISSING',
    text: df`
      FROM alpine:3.20
      HEALTHCHECK CMD
    `,
    expected: [[2, 'Missing command after HEALTHCHECK CMD.' + HEALTH_HINT]],
  },
  {
    code: 'INVALID_SIGNAL',
    text: df`
      FROM alpine:3.20
      STOPSIGNAL FOO
    `,
    expected: [[2, 'Invalid signal: FOO.']],
  },
  {
    code: 'SYNTAX_MISSING_EQUALS',
    text: df`
      FROM alpine:3.20
      ENV A=1 B
    `,
    expected: [[2, `Syntax error - can't find = in "B". Must be of the form: name=value.` + KEY_VALUE_HINT]],
  },
  {
    code: 'SYNTAX_MISSING_NAMES',
    text: df`
      FROM alpine:3.20
      LABEL =x
    `,
    expected: [[2, 'LABEL names cannot be blank.' + KEY_VALUE_HINT]],
  },
  {
    code: 'SYNTAX_MISSING_SINGLE_QUOTE',
    text: df`
      FROM alpine:3.20
      ENV A='x
    `,
    expected: [
      [
        2,
        `failed to process "'x": unexpected end of statement while looking for matching single-quote.` +
          KEY_VALUE_HINT,
      ],
    ],
  },
  {
    code: 'SYNTAX_MISSING_DOUBLE_QUOTE',
    text: df`
      FROM alpine:3.20
      ENV "A=x
    `,
    expected: [
      [
        2,
        'failed to process ""A": unexpected end of statement while looking for matching double-quote.' +
          KEY_VALUE_HINT,
      ],
    ],
  },
  {
    code: 'DUPLICATE_BUILD_STAGE_NAME',
    text: df`
      FROM alpine:3.20 AS app
      FROM alpine:3.20 AS app
    `,
    expected: [
      [1, 'duplicate name app. Give every stage a unique name.'],
      [2, 'duplicate name app. Give every stage a unique name.'],
    ],
  },
  {
    code: 'INVALID_BUILD_STAGE_NAME',
    text: df`
      FROM alpine:3.20 AS a_b!
    `,
    expected: [
      [
        1,
        `invalid name for build stage: "a_b!", name can't start with a number or contain symbols. Use a lowercase name of letters, digits, \`-\`, \`_\` and \`.\`.`,
      ],
    ],
  },
  {
    code: 'ONBUILD_CHAINING_DISALLOWED',
    text: df`
      FROM alpine:3.20
      ONBUILD ONBUILD RUN true
    `,
    expected: [[2, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed." + ONBUILD_HINT]],
  },
  {
    code: 'ONBUILD_TRIGGER_DISALLOWED',
    text: df`
      FROM alpine:3.20
      ONBUILD FROM alpine:3.20
    `,
    expected: [[2, "FROM isn't allowed as an ONBUILD trigger." + ONBUILD_HINT]],
  },
  {
    code: 'INVALID_PORT',
    text: df`
      FROM alpine:3.20
      EXPOSE abc
    `,
    expected: [[2, 'Invalid containerPort: abc.' + EXPOSE_HINT]],
  },
  {
    code: 'INVALID_PROTO',
    text: df`
      FROM alpine:3.20
      EXPOSE 80/foo
    `,
    expected: [[2, 'Invalid proto: foo.' + EXPOSE_HINT]],
  },
  {
    code: 'SHELL_JSON_FORM',
    text: df`
      FROM alpine:3.20
      SHELL /bin/sh -c
    `,
    expected: [
      [
        2,
        'SHELL requires the arguments to be in JSON form. Write SHELL as a JSON array, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
      ],
    ],
  },
];

/** The codes dockerfile-utils raises on the text, with their lines (the two opt-in checks on). */
function codesOf(text: string): [string, number][] {
  return validate(text, {
    emptyContinuationLine: ValidationSeverity.WARNING,
    instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  }).map((d) => [ValidationCode[d.code as number], d.range.start.line + 1]);
}

describe('syntax layer: code map', () => {
  it.each(ROWS.map((r) => [r.code, r] as const))('%s', (code, row) => {
    const id = SYNTAX_CODE_MAP[code];
    expect(id).toBeDefined();
    expect(codesOf(row.text)).toEqual(row.expected.map(([line]) => [code, line]));
    const findings = findingsOf(id!, row.text).map((f) => [f.line, f.message]);
    expect(findings).toEqual(row.expected);
  });

  it('has a row for every id it emits, and metadata for each', () => {
    const ids = Object.values(SYNTAX_RULE).sort();
    expect([...new Set(Object.values(SYNTAX_CODE_MAP))].sort()).toEqual(ids);
    expect([...new Set(ROWS.map((r) => SYNTAX_CODE_MAP[r.code]))].sort()).toEqual(ids);
    expect(syntaxRuleMetas.map((m) => m.id).sort()).toEqual(ids);
  });
});
