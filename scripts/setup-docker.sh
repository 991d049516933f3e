#!/usr/bin/env bash
# Make a Docker engine answer on this machine, idempotently (CI machines start bare).
# - installs docker.io, busybox-static and debootstrap when missing (apt-get);
# - starts dockerd in the background when `docker info` fails, with the flags this
#   sandbox needs (no bridge, no iptables), logs to $LOGDIR/dockerd.log;
# - waits up to 90 s (after an unclean stop dockerd can take 30-40 s to come back).
set -euo pipefail

LOGDIR="${LOGDIR:-${RUNNER_TEMP:-/tmp}/harden-check-docker}"
mkdir -p "$LOGDIR"

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || need+=(busybox-static)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
if [ "${#need[@]}" -gt 0 ]; then
  echo "setup-docker: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}"
fi

if docker info >/dev/null 2>&1; then
  echo "setup-docker: engine already answers ($(docker version --format '{{.Server.Version}}'))"
  exit 0
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "setup-docker: starting dockerd (log: $LOGDIR/dockerd.log)"
  nohup dockerd --bridge=none --iptables=false --ip6tables=false >"$LOGDIR/dockerd.log" 2>&1 &
fi

for _ in $(seq 90); do
  if docker info >/dev/null 2>&1; then
    echo "setup-docker: engine ready ($(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done
echo "setup-docker: dockerd did not answer within 90 s; last log lines:" >&2
tail -n 30 "$LOGDIR/dockerd.log" >&2 || true
exit 1
