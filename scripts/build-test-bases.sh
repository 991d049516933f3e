#!/usr/bin/env bash
# Local base images the runtime e2e tests need (nothing can be pulled here).
# Cached per machine: skipped when `docker image inspect` already finds the image.
#   local/python-fastapi:bookworm  Debian minbase + python3-fastapi, uvicorn, GNU wget, curl (~70 s once)
# The busybox test images need no base: they are FROM scratch + /bin/busybox, built by the tests.
set -euo pipefail

IMAGE="${HC_FASTAPI_BASE:-local/python-fastapi:bookworm}"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "build-test-bases: $IMAGE already present"
  exit 0
fi

command -v debootstrap >/dev/null 2>&1 || { echo "build-test-bases: debootstrap missing (run scripts/setup-docker.sh)" >&2; exit 1; }

ROOTFS="$(mktemp -d "${TMPDIR:-/tmp}/hc-rootfs.XXXXXX")"
trap 'rm -rf "$ROOTFS"' EXIT
echo "build-test-bases: debootstrap bookworm into $ROOTFS (about 70 s)"
debootstrap --variant=minbase --include=python3-fastapi,python3-uvicorn,wget,curl bookworm "$ROOTFS" >"$ROOTFS.log" 2>&1 \
  || { tail -n 40 "$ROOTFS.log" >&2; exit 1; }
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
tar -C "$ROOTFS" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$IMAGE" >/dev/null
rm -f "$ROOTFS.log"
echo "build-test-bases: $IMAGE built"
