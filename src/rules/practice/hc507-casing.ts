// HC507: casing that BuildKit reports: stage names in lowercase, `AS` cased like `FROM`,
// instruction keywords cased consistently (the majority wins), parser directives in lowercase.
import type { Instr } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';

type Casing = 'upper' | 'lower' | 'mixed';
function casing(word: string): Casing {
  if (word === word.toUpperCase()) return 'upper';
  if (word === word.toLowerCase()) return 'lower';
  return 'mixed';
}

/** The keyword as written in the source line. */
function writtenKeyword(lines: string[], instr: Instr): string {
  return /^\s*([A-Za-z]+)/.exec(lines[instr.line - 1] ?? '')?.[1] ?? instr.keyword;
}

export const hc507: Rule = {
  meta: {
    id: 'HC507',
    title: 'Inconsistent casing',
    severity: 'note',
    anchors: { buildkit: ['StageNameCasing', 'FromAsCasing', 'ConsistentInstructionCasing'] },
    description:
      'Stage names are case-insensitive but shown lowercase, and mixed keyword casing makes a Dockerfile harder to read and to grep; BuildKit warns about all three.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const written = model.instructions.map((i) => ({ instr: i, kw: writtenKeyword(model.lines, i) }));
    const upper = written.filter((w) => casing(w.kw) === 'upper').length;
    const lower = written.filter((w) => casing(w.kw) === 'lower').length;
    const majority: Casing = lower > upper ? 'lower' : 'upper';
    for (const { instr, kw } of written) {
      if (casing(kw) !== majority) {
        const want = majority === 'upper' ? kw.toUpperCase() : kw.toLowerCase();
        hits.push({
          line: instr.line,
          message: `Instruction ${kw} is not cased like the rest of the file: write ${want}.`,
        });
      }
    }
    for (const stage of model.stages) {
      const args = stage.fromInstr.args;
      const asIdx = args.findIndex((a) => a.toLowerCase() === 'as');
      if (asIdx < 0) continue;
      const asWord = args[asIdx];
      const fromWord = writtenKeyword(model.lines, stage.fromInstr);
      const fromCase = casing(fromWord);
      if (fromCase !== 'mixed' && casing(asWord) !== fromCase) {
        hits.push({
          line: stage.fromInstr.line,
          message: `'${asWord}' and '${fromWord}' are cased differently: write ${fromCase === 'upper' ? 'AS' : 'as'}.`,
        });
      }
      const name = args[asIdx + 1];
      if (name && name !== name.toLowerCase()) {
        hits.push({
          line: stage.fromInstr.line,
          message: `Stage name ${name} is not lowercase: write ${name.toLowerCase()} (and use that spelling in COPY --from and --target).`,
        });
      }
    }
    for (const d of model.directives) {
      if (d.name !== d.name.toLowerCase()) {
        hits.push({
          line: d.line,
          message: `Parser directive ${d.name} should be lowercase: write # ${d.name.toLowerCase()}=${d.value}.`,
        });
      }
    }
    return hits;
  },
};
