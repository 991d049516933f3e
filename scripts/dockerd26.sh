#!/usr/bin/env bash
# A second, current engine for the optional CI leg: Debian trixie's docker.io (dockerd 26.x),
# unpacked by scripts/setup-buildx.sh --package (never installed), run BESIDE the machine's
# engine on its own socket, data-root, exec-root, pidfile and config file, with no bridge and
# no iptables. It starts its own containerd under its exec-root, with the machine's
# containerd, runc and docker-init binaries. The machine's dockerd is never touched.
#   dockerd26.sh start   prints the DOCKER_HOST value once the engine answers (exit 1 if not in 60 s)
#   dockerd26.sh stop    stops the dockerd started here (by its pidfile) and waits for it to exit
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${HC_DOCKERD26_DIR:-/tmp/hc-dockerd26}"
SOCK="$BASE/docker.sock"
PIDFILE="$BASE/dockerd.pid"
HOST="unix://$SOCK"

answers() { DOCKER_HOST="$HOST" docker version --format '{{.Server.Version}}' 2>/dev/null; }

case "${1:-}" in
  start)
    if v="$(answers)"; then
      echo "dockerd26: already answers ($v)" >&2
      echo "$HOST"
      exit 0
    fi
    root="$(bash scripts/setup-buildx.sh --package docker.io)"
    mkdir -p "$BASE"
    echo '{}' >"$BASE/daemon.json" # not /etc/docker/daemon.json, which is the machine engine's
    nohup "$root/usr/sbin/dockerd" \
      --config-file="$BASE/daemon.json" \
      --host="$HOST" \
      --data-root="$BASE/data" \
      --exec-root="$BASE/exec" \
      --pidfile="$PIDFILE" \
      --bridge=none --iptables=false --ip6tables=false \
      >"$BASE/dockerd.log" 2>&1 &
    for _ in $(seq 60); do
      if v="$(answers)"; then
        echo "dockerd26: engine $v ready on $HOST" >&2
        echo "$HOST"
        exit 0
      fi
      sleep 1
    done
    echo "dockerd26: no answer within 60 s; last log lines:" >&2
    tail -n 20 "$BASE/dockerd.log" >&2 || true
    exit 1
    ;;
  stop)
    [ -f "$PIDFILE" ] || exit 0
    pid="$(cat "$PIDFILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 1
    done
    echo "dockerd26: pid $pid still running after 30 s" >&2
    exit 1
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
