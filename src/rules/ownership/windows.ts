// Windows stages: a Windows base image, or (base unknown) the backtick escape with Windows paths or shells.
import type { DockerfileModel, Stage } from '../../dockerfile/model.js';
import { describeBaseImage, parseImageRef } from '../../dockerfile/base-images.js';
import { chainBefore, externalBase } from '../../dockerfile/facts.js';
import { isWindowsAbsolute } from '../../dockerfile/paths.js';

const WINDOWS_IMAGE =
  /(^|\/)(windows|windowsservercore|nanoserver|servercore)([/:-]|$)|mcr\.microsoft\.com\/windows/i;
const WINDOWS_TAG = /(nanoserver|windowsservercore|servercore|ltsc20\d\d)/i;

/** Is this stage built for Windows: a Windows base, or (base unknown) Windows paths and shells. */
export function windowsStage(model: DockerfileModel, stage: Stage): { reason: string } | null {
  const base = externalBase(model, [], stage);
  const ref = base?.resolved.value ?? '';
  if (base && base.resolved.complete && ref) {
    const r = parseImageRef(ref);
    const path = (r.registry ? r.registry + '/' : '') + r.repo;
    if (WINDOWS_IMAGE.test(path) || WINDOWS_TAG.test(r.tag ?? ''))
      return { reason: `the base image ${ref} is a Windows image` };
    if (describeBaseImage(ref)) return null; // a known Linux image
  }
  if (model.escapeChar !== '`') return null;
  for (const i of chainBefore(model, stage)) {
    if (i.keyword === 'WORKDIR' && isWindowsAbsolute(i.args.join(' '))) {
      return { reason: `the file uses the backtick escape and a Windows WORKDIR (line ${i.line})` };
    }
    if (i.keyword === 'SHELL' && /powershell|pwsh|cmd(\.exe)?"/i.test(i.text)) {
      return { reason: `the file uses the backtick escape and a Windows SHELL (line ${i.line})` };
    }
  }
  return null;
}
