// HC112: an account of the shipped image gets an empty or a baked-in password:
// `echo 'app:' | chpasswd`, `echo 'root:secret' | chpasswd`, `chpasswd <<< …` or a heredoc,
// `passwd -d`, `usermod -p ''`/`useradd -p <hash>`, `echo -e 'pw\npw' | passwd`, an
// `/etc/shadow` edit that leaves `name::`. Locked values (`-p '*'`, `'!'`) are fine.
// Builder stages do not ship their /etc/shadow: a note there.
import { maskSecret } from '../../secrets/detect.js';
import type { Severity } from '../../report/types.js';
import type { Rule, RuleHit } from '../types.js';
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { codeLines } from '../../dockerfile/lines.js';
import { invocationsOf, type Invocation } from '../../shell/invocations.js';
import { parseOptions } from '../../shell/options.js';
import { isShipped, stageInstructions } from '../../dockerfile/stages.js';

const LOCKED = new Set(['*', '!', '!!', '!*', 'x', '*LK*']);

export const hc112: Rule = {
  meta: {
    id: 'HC112',
    title: 'Empty or hard-coded password set',
    severity: 'error',
    anchors: { dockle: ['DKL-LI-0001'], checkov: ['CKV2_DOCKER_17'] },
    description:
      'An account with an empty password lets anyone who reaches a login path (su, ssh, a console) in as that user; a password set in the Dockerfile is the same in every container, visible in the image history and in /etc/shadow. Containers need no passwords: leave accounts locked.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of stageInstructions(model)) {
      if (instr.keyword !== 'RUN') continue;
      const soft: Severity | undefined = isShipped(model, instr) ? undefined : 'note';
      const push = (line: number, message: string, severity?: Severity) => {
        hits.push({ line, message, severity: soft ?? severity });
      };
      for (const inv of invocationsOf(instr, model)) checkInvocation(model, instr, inv, push);
      for (const { line, text } of codeLines(model, instr)) {
        if (!/\/etc\/shadow\b/.test(text)) continue;
        const m = /(?:^|[\s'"/^])([a-z_][a-z0-9_-]*)::/.exec(text);
        if (m)
          push(
            line,
            `This line writes an /etc/shadow entry "${m[1]}::" with an empty password: keep the account locked ("${m[1]}:!:" or "${m[1]}:*:").`,
          );
      }
    }
    return hits;
  },
};

type Push = (line: number, message: string, severity?: Severity) => void;

/** Text fed to a command's standard input, when the Dockerfile shows it. */
function stdinOf(inv: Invocation): { text: string; literal: boolean } | null {
  const c = inv.command;
  const here = c.redirects.find((r) => r.op === '<<<');
  if (here) return { text: here.target ?? '', literal: true };
  if (inv.stdin.length > 0) return { text: inv.stdin.join('\n'), literal: true };
  if (c.redirects.some((r) => r.op === '<')) return { text: '', literal: false };
  const from = inv.pipedFrom;
  if (from) {
    const words = from.words.map((w) => w.value);
    const prog = words[0]?.replace(/^.*\//, '');
    if (prog === 'echo' || prog === 'printf') {
      const args = words.slice(1).filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w)));
      let text = args.join(' ');
      if (prog === 'printf' || words.includes('-e')) text = text.replace(/\\n/g, '\n');
      return { text, literal: true };
    }
    return { text: '', literal: false };
  }
  return null;
}

function checkInvocation(model: DockerfileModel, instr: Instr, inv: Invocation, push: Push) {
  switch (inv.name) {
    case 'chpasswd': {
      const input = stdinOf(inv);
      if (!input || !input.literal) {
        push(
          inv.line,
          `chpasswd sets account passwords in the image: leave the accounts locked and drop chpasswd.`,
          'warning',
        );
        return;
      }
      for (const entry of input.text
        .split(/\n/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const colon = entry.indexOf(':');
        if (colon < 0) continue;
        const user = entry.slice(0, colon);
        const pw = entry.slice(colon + 1);
        if (pw === '') {
          push(inv.line, `chpasswd gives ${user} an empty password: remove it and keep the account locked.`);
        } else if (/\$\{?[A-Za-z_]/.test(pw) && !inv.args.some((a) => a.value === '-e')) {
          push(
            inv.line,
            `chpasswd sets a password for ${user} from a variable, which still lands in /etc/shadow of every container: keep the account locked and drop chpasswd.`,
            'warning',
          );
        } else {
          push(
            inv.line,
            `chpasswd gives ${user} the hard-coded password ${maskSecret(pw)}: remove it and keep the account locked.`,
          );
        }
      }
      return;
    }
    case 'passwd': {
      const p = parseOptions(
        inv.args.map((w) => w.value),
        /^-[nxwi]$|^--(mindays|maxdays|warndays|inactive|root|prefix|repository)$/,
      );
      const user = p.positionals[0] ?? 'root';
      if (p.flags.has('-d') || p.flags.has('--delete')) {
        push(
          inv.line,
          `passwd -d leaves ${user} with an empty password: use passwd -l to lock the account instead.`,
        );
        return;
      }
      if (
        p.flags.has('-l') ||
        p.flags.has('--lock') ||
        p.flags.has('-S') ||
        p.flags.has('--status') ||
        p.flags.has('-e')
      )
        return;
      const input = stdinOf(inv);
      if (input && input.literal) {
        push(
          inv.line,
          `passwd reads a hard-coded password for ${user} from the RUN line: remove it and keep the account locked.`,
        );
      }
      return;
    }
    case 'usermod':
    case 'useradd': {
      const p = parseOptions(
        inv.args.map((w) => w.value),
        /^-[ugGdsckefKpRPZbl]$|^--(uid|gid|groups|home-dir|home|shell|comment|skel|expiredate|inactive|key|password|root|prefix|selinux-user|base-dir|login)$/,
      );
      const pw = p.opts.get('-p') ?? p.opts.get('--password');
      if (pw === undefined) return;
      const user = p.positionals[p.positionals.length - 1] ?? 'the user';
      const resolved = model.resolve(pw, instr).value;
      if (LOCKED.has(resolved) || resolved.startsWith('!')) return;
      if (resolved === '' && !/\$/.test(pw)) {
        push(
          inv.line,
          `${inv.name} -p '' gives ${user} an empty password: drop -p so the account stays locked.`,
        );
      } else if (/\$\{?[A-Za-z_]/.test(pw) && !/^\$\d\$|^\$[a-z0-9]+\$/.test(pw)) {
        push(
          inv.line,
          `${inv.name} -p sets a password for ${user} from a variable, which lands in /etc/shadow of every container: drop -p so the account stays locked.`,
          'warning',
        );
      } else {
        push(
          inv.line,
          `${inv.name} -p bakes the password hash ${maskSecret(pw)} for ${user} into the image: drop -p so the account stays locked.`,
        );
      }
      return;
    }
    default:
      return;
  }
}
