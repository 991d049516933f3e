// The CLI's console text: the deploy group after the lesson's checks, advisory marked,
// and the verified Kubernetes snippet.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/text.js';
import { check, reportOf, target } from './sample-report.js';

describe('renderText', () => {
  const report = reportOf([
    target(
      [],
      [
        { ...check('non-root', 'pass', 'uid 10001'), required: true },
        { ...check('graceful-stop', 'fail', 'SIGKILLed 10.1 s after SIGTERM'), required: false },
      ],
      { kubernetes: 'spec:\n  terminationGracePeriodSeconds: 5' },
    ),
  ]);
  const text = renderText(report, false);
  it('lists the deploy checks under their own heading, advisory marked', () => {
    const lines = text.split('\n');
    const heading = lines.indexOf('  deploy readiness');
    expect(lines.findIndex((l) => l.includes('non-root'))).toBeLessThan(heading);
    expect(lines[heading + 1]).toBe(
      '  ✘ fail graceful-stop        SIGKILLed 10.1 s after SIGTERM  (advisory)',
    );
  });
  it('prints the verified Kubernetes snippet', () => {
    expect(text).toContain(
      '  verified Kubernetes snippet\n    spec:\n      terminationGracePeriodSeconds: 5\n',
    );
  });
});
