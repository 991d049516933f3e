// HC115: package signature checks turned off, so a tampered mirror or a man in the middle
// can install anything: apk --allow-untrusted; apt-get --allow-unauthenticated, --force-yes,
// --allow-insecure-repositories, -o Acquire::AllowInsecureRepositories=true,
// APT::Get::AllowUnauthenticated; yum/dnf/tdnf/microdnf --nogpgcheck and gpgcheck=0 (also
// in repo files); zypper --no-gpg-checks; rpm --nosignature/--nodigest/--noverify/
// --nofiledigest; `[trusted=yes]` apt sources. Every stage: a builder's packages reach the
// artifacts it produces.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';
import { invocationsOf } from '../../shell/invocations.js';
import { stageInstructions } from '../../dockerfile/stages.js';
import { textHits, type TextPattern } from './text-hits.js';

const FLAGS: Record<string, RegExp> = {
  apk: /^--allow-untrusted$/,
  'apt-get':
    /^--(allow-unauthenticated|force-yes|allow-insecure-repositories)$|AllowInsecureRepositories=(true|1|yes)|AllowUnauthenticated=(true|1|yes)|AllowDowngradeToInsecureRepositories=(true|1|yes)/i,
  yum: /^--nogpgcheck$|gpgcheck=(0|false|no)$/i,
  rpm: /^--(nosignature|nodigest|noverify|nofiledigest)$/,
  zypper: /^--no-gpg-checks$/,
};
const ALIASES: Record<string, string> = {
  apt: 'apt-get',
  aptitude: 'apt-get',
  dnf: 'yum',
  tdnf: 'yum',
  microdnf: 'yum',
};

const TEXT: TextPattern[] = [
  { re: /\[[^\]]*\btrusted=yes\b[^\]]*\]/, what: 'an apt source marked [trusted=yes]' },
  {
    re: /\b(?:Acquire::AllowInsecureRepositories|APT::Get::AllowUnauthenticated|Acquire::AllowDowngradeToInsecureRepositories)\s+["']?(?:true|1|yes)/i,
    what: 'an apt setting that accepts unsigned repositories',
  },
  { re: /(?<![\w.])gpgcheck\s*=\s*["']?(0|false|no)\b/i, what: 'gpgcheck=0 in a repository file' },
];

export const hc115: Rule = {
  meta: {
    id: 'HC115',
    title: 'Package signature verification disabled',
    severity: 'warning',
    anchors: {
      checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
    },
    description:
      'Package managers verify signatures so that a compromised mirror, proxy or network cannot slip in modified packages. Disabling the check for one install disables it for every package of that command; import the repository key instead.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of stageInstructions(model)) {
      if (instr.keyword === 'RUN') hits.push(...runHits(model, instr));
      else if (instr.keyword === 'COPY' && instr.heredocs.length > 0)
        hits.push(...textHits(model, instr, TEXT, new Set(), textHit));
    }
    return hits;
  },
};

function runHits(model: DockerfileModel, instr: Instr): RuleHit[] {
  const hits: RuleHit[] = [];
  const seen = new Set<number>();
  for (const inv of invocationsOf(instr, model)) {
    const tool = ALIASES[inv.name] ?? inv.name;
    const re = FLAGS[tool];
    if (!re) continue;
    const w = inv.args.find((a) => re.test(a.value));
    if (!w || seen.has(w.line)) continue;
    seen.add(w.line);
    hits.push({
      line: w.line,
      message: `${inv.name} ${w.value} installs packages without checking their signatures: remove it and import the repository's signing key instead.`,
    });
  }
  hits.push(...textHits(model, instr, TEXT, seen, textHit));
  return hits;
}

const textHit = (line: number, what: string): RuleHit => ({
  line,
  message: `This line writes ${what}, so packages are installed without signature checks: remove it and import the repository's signing key instead.`,
});
