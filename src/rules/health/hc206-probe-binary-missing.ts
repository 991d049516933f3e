// HC206: the HEALTHCHECK runs a probe (curl, wget, nc) that the shipped image does not
// contain: decided from what the known base image carries, package installs in the
// shipped chain, and COPY of the binary. Unknown base or unknown program: silent
// (the runtime check confirms with exit code 127 / "executable file not found").
import { finalHealthcheck, installsPackage } from '../../dockerfile/facts.js';
import type { DockerfileModel } from '../../dockerfile/model.js';
import type { BaseImageInfo } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';
import { copiesBinary, probeCommands, shippedBase } from './shared.js';

type Probe = 'curl' | 'wget' | 'nc';

const PROBES: Record<string, Probe> = { curl: 'curl', wget: 'wget', nc: 'nc', netcat: 'nc', ncat: 'nc' };
const PACKAGES: Record<Probe, string[]> = {
  curl: ['curl'],
  wget: ['wget', 'busybox', 'busybox-static'],
  nc: [
    'netcat',
    'netcat-openbsd',
    'netcat-traditional',
    'ncat',
    'nmap-ncat',
    'nmap',
    'busybox-extras',
    'busybox',
    'busybox-static',
  ],
};
const BINARIES: Record<Probe, RegExp> = {
  curl: /^curl$/,
  wget: /^(?:wget|busybox(?:\.static)?)$/,
  nc: /^(?:nc|netcat|ncat|busybox(?:\.static)?)$/,
};

/** Is the probe in the base image? true / false / undefined (unknown). */
function inBase(probe: Probe, info: BaseImageInfo): boolean | undefined {
  if (info.family === 'scratch') return false;
  if (probe === 'curl') return info.curl === 'unknown' ? undefined : info.curl;
  if (probe === 'wget') return info.wget === 'unknown' ? undefined : info.wget !== 'none';
  // nc: BusyBox images have the applet; Debian/Ubuntu slim, distroless and chiseled do not.
  if (info.wget === 'busybox') return true;
  if (info.shell === false) return false;
  if (['debian', 'ubuntu'].includes(info.family) || info.curl === false)
    return info.wget === 'none' ? false : undefined;
  return undefined;
}

function installed(model: DockerfileModel, probe: Probe): boolean {
  return (
    PACKAGES[probe].some((p) => installsPackage(model, p) !== null) ||
    copiesBinary(model, BINARIES[probe]) !== null
  );
}

export const hc206: Rule = {
  meta: {
    id: 'HC206',
    title: 'HEALTHCHECK probe binary not in the final image',
    severity: 'warning',
    check: 'healthy',
    anchors: {},
    description:
      'Slim, alpine, distroless and scratch images ship without curl (alpine has BusyBox wget, slim has neither). A probe that is not installed fails every time: the container turns unhealthy and orchestrators restart it in a loop.',
  },
  check({ model, trustedBaseImages }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none) return [];
    const base = shippedBase(model, trustedBaseImages);
    if (!base) return [];
    const probes: Probe[] = [];
    for (const c of probeCommands(hc)) {
      const probe = PROBES[c.name] as Probe | undefined;
      if (probe && !probes.includes(probe)) probes.push(probe);
    }
    if (probes.length === 0) return [];
    // `curl … || wget …`: one probe present is enough; any unknown one keeps us silent.
    const missing = probes.filter((p) => inBase(p, base.info) === false && !installed(model, p));
    if (missing.length < probes.length) return [];
    const probe = missing[0];
    const install =
      base.info.shell === false
        ? `COPY a static ${probe} binary into the image, or probe with a binary the image has`
        : `install ${probe} in the shipped stage (${base.info.wget === 'busybox' ? `apk add --no-cache ${probe === 'nc' ? 'netcat-openbsd' : probe}` : `apt-get install -y --no-install-recommends ${probe === 'nc' ? 'netcat-openbsd' : probe}`})${probe === 'curl' && base.info.wget === 'busybox' ? ', or use the BusyBox wget it has: wget -q -O /dev/null URL' : ''}`;
    return [
      {
        line: hc.instr.line,
        endLine: hc.instr.endLine,
        message: `The HEALTHCHECK runs ${probe}, but the shipped image (${base.image}) does not contain it and no step in the shipped stages installs or copies it: ${install}.`,
      },
    ];
  },
};
