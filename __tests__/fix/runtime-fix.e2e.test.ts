// The fixes on real images: runtime fixtures with fixable findings (a named USER, a probe of
// the wrong port, a secret in ENV, shell-form HEALTHCHECKs), fixed as `--fix` fixes them,
// still build (FROM scratch + busybox, nothing pulled) and pass the runtime checks.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { verifyLesson } from '../runtime/helpers.js';
import { fixText } from '../../src/fix/fix-file.js';
import { audit } from '../helpers/audit.js';
import {
  check,
  expectNoLeftovers,
  fixtureOptions,
  removeContexts,
  requireDocker,
  statuses,
} from '../runtime/helpers.js';

const hasDocker = await requireDocker();
afterAll(removeContexts);

const findings = (text: string) => audit(text).findings;

describe.skipIf(!hasDocker)('fixed runtime fixtures still build and pass', () => {
  it.each([
    { name: 'named-user', fixes: ['HC103', 'HC204'], check: 'non-root' },
    { name: 'wrong-port', fixes: ['HC204', 'HC207'], check: 'healthy' },
    { name: 'secret-env', fixes: ['HC302', 'HC204'], check: 'no-secrets' },
  ] as const)('$name: fixes $fixes', async (c) => {
    const opts = fixtureOptions(c.name);
    const original = readFileSync(opts.dockerfile, 'utf8');
    const { text, fixed } = fixText(original, findings);
    expect(fixed.map((f) => f.ruleId).sort()).toEqual([...c.fixes].sort());
    // nothing fixable is left, and no finding that was not there before
    const after = findings(text);
    expect(after.filter((f) => f.fix)).toEqual([]);
    const beforeRules = new Set(findings(original).map((f) => f.ruleId));
    expect(after.filter((f) => !beforeRules.has(f.ruleId))).toEqual([]);
    writeFileSync(opts.dockerfile, text);

    const r = await verifyLesson({ ...opts, facts: audit(text).facts });
    await expectNoLeftovers(opts.runId);
    expect(r.imageId).toMatch(/^sha256:/);
    expect(statuses(r)).toMatchObject({
      'non-root': 'pass',
      'healthcheck-defined': 'pass',
      healthy: 'pass',
      'no-secrets': 'pass',
    });
    expect(check(r, c.check).status).toBe('pass');
    expect(r.findings).toEqual([]);
    if (c.name === 'named-user')
      expect(check(r, 'non-root').detail).toBe('uid 1000 (running process; USER 1000, line 9)');
  });
});
