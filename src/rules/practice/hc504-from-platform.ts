// HC504: `FROM --platform=<constant>` (the image can only be built for that platform) and the
// redundant `--platform=$TARGETPLATFORM` (already the default). `$BUILDPLATFORM` (cross-compile
// builders) and other variables are fine; a constant is accepted when the stage name says which
// platform it is for (`AS build-arm64`), as BuildKit does.
import type { Rule, RuleHit } from '../types.js';

export const hc504: Rule = {
  meta: {
    id: 'HC504',
    title: 'FROM --platform with a constant or redundant value',
    severity: 'warning',
    anchors: {
      hadolint: ['DL3029', 'DL3065'],
      buildkit: ['FromPlatformFlagConstDisallowed', 'RedundantTargetPlatform', 'InvalidBaseImagePlatform'],
      kics: ['b16e8501'],
    },
    description:
      'A hard-coded `--platform` makes multi-platform builds impossible and, on another host, emulates the wrong architecture; `$TARGETPLATFORM` is already the default.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const flag = stage.fromInstr.flags.find((f) => f.name === 'platform');
      if (!flag || flag.value === null) continue;
      const value = flag.value.replace(/^["']|["']$/g, '');
      if (/^\$\{?TARGETPLATFORM\}?$/.test(value)) {
        hits.push({
          line: flag.line,
          message: `FROM --platform=${value} is redundant (it is the default target platform): remove the flag.`,
        });
        continue;
      }
      if (value.includes('$')) continue;
      const parts = value.toLowerCase().split('/').filter(Boolean);
      const name = stage.name ?? '';
      if (name && parts.some((p) => p !== 'linux' && name.includes(p))) continue;
      hits.push({
        line: flag.line,
        message: `FROM --platform=${value} pins the stage to one platform: drop it and pass --platform at build time, or use $BUILDPLATFORM for cross-compiling builder stages.`,
      });
    }
    return hits;
  },
};
