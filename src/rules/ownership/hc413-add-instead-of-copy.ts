// HC413: ADD used where COPY suffices. ADD is right for a remote URL (with --checksum),
// a git repository, or a local tar archive it should unpack; for plain local files COPY
// is explicit and has no surprises. A source that depends on an unset build argument is left alone.
import type { Rule, RuleHit } from '../types.js';
import { replaceLine } from '../../fix/build.js';
import { copyParts, resolved } from './words.js';

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;
/** Archives ADD auto-extracts: tar, optionally compressed (gzip, bzip2, xz, zstd). */
const ARCHIVE = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tzst|tar\.(?:gz|bz2|xz|zst|lz|lzma|z|Z))$/i;

export const hc413: Rule = {
  meta: {
    id: 'HC413',
    title: 'ADD used where COPY suffices',
    severity: 'warning',
    anchors: {
      hadolint: ['DL3020'],
      trivy: ['DS-0005'],
      dockle: ['CIS-DI-0009'],
      checkov: ['CKV_DOCKER_4'],
      kics: ['9513a694', '4b410d24'],
    },
    description:
      'ADD also fetches URLs and unpacks archives, so a later change of a source file name can change what the instruction does. For local files and directories COPY is explicit; keep ADD for remote URLs (with --checksum), git sources and tar archives you want unpacked.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD' || instr.stageIndex < 0) continue;
      if (instr.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name))) continue;
      const { sources, heredoc } = copyParts(instr);
      if (sources.length === 0) continue;
      let needsAdd = false;
      let unknown = false;
      for (const s of sources) {
        if (heredoc && s.value.startsWith('<<')) continue;
        const v = resolved(model, s.value, instr);
        if (v === null) {
          unknown = true;
          continue;
        }
        if (REMOTE.test(v) || ARCHIVE.test(v)) needsAdd = true;
      }
      if (needsAdd || unknown) continue;
      const hit: RuleHit = {
        line: instr.line,
        message: `ADD copies only local files here: use COPY, and keep ADD for remote URLs (with --checksum), git sources and tar archives to unpack.`,
      };
      if (instr.line === instr.endLine) {
        const text = model.lines[instr.line - 1] ?? '';
        const m = /^(\s*)(add)\b/i.exec(text);
        if (m) {
          const kw = m[2] === 'add' ? 'copy' : m[2] === 'Add' ? 'Copy' : 'COPY';
          hit.fix = replaceLine(instr.line, m[1] + kw + text.slice(m[0].length), 'Replace ADD with COPY');
        }
      }
      hits.push(hit);
    }
    return hits;
  },
};
