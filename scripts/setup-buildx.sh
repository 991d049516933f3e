#!/usr/bin/env bash
# The buildx CLI plugin for the BuildKit CI leg, idempotently, without touching the system:
# - downloads Debian trixie's `docker-buildx` package with apt-get, using a private sources
#   list and private state/cache dirs (the system's apt sources and lists are never changed);
# - unpacks it with dpkg-deb and installs the plugin into a DEDICATED docker config dir,
#   not ~/.docker, so only commands run with DOCKER_CONFIG=<that dir> use buildx and every
#   other `docker build` on the machine keeps the legacy builder;
# - cached under ~/.cache/harden-check: a second run does no download.
# Prints the config dir on its last line (for DOCKER_CONFIG).
# With --package PKG it only fetches and unpacks PKG (e.g. docker.io) and prints where.
set -euo pipefail

CACHE="${HARDEN_CHECK_CACHE:-$HOME/.cache/harden-check}"
APT_DIR="$CACHE/apt-trixie"
CONFIG_DIR="${HARDEN_CHECK_BUILDX_CONFIG:-$CACHE/buildx-docker-config}"
PLUGIN="$CONFIG_DIR/cli-plugins/docker-buildx"

# apt-get with its own sources list, lists, cache and status (empty): nothing under /etc/apt
# or /var/lib/apt is read for sources or written.
trixie_apt() {
  apt-get -q \
    -o Dir::Etc::sourcelist="$APT_DIR/sources.list" \
    -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$APT_DIR/lists" \
    -o Dir::State::status="$APT_DIR/status" \
    -o Dir::Cache="$APT_DIR/cache" \
    -o APT::Get::List-Cleanup=0 \
    -o APT::Sandbox::User=root \
    "$@"
}

# Downloads and unpacks one trixie package into $APT_DIR/root/<pkg>; echoes that dir.
fetch_unpack() {
  local pkg="$1" root="$APT_DIR/root/$1"
  if [ -f "$root/.done" ]; then
    echo "$root"
    return
  fi
  mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/debs"
  touch "$APT_DIR/status"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n' \
    >"$APT_DIR/sources.list"
  if ! compgen -G "$APT_DIR/lists/*_Packages*" >/dev/null; then
    trixie_apt update >"$APT_DIR/update.log" 2>&1 || { tail -n 20 "$APT_DIR/update.log" >&2; exit 1; }
  fi
  rm -f "$APT_DIR/debs/${pkg}_"*.deb
  (cd "$APT_DIR/debs" && trixie_apt download "$pkg" >"$APT_DIR/download-$pkg.log" 2>&1) \
    || { tail -n 20 "$APT_DIR/download-$pkg.log" >&2; exit 1; }
  rm -rf "$root"
  mkdir -p "$root"
  dpkg-deb -x "$APT_DIR/debs/${pkg}_"*.deb "$root"
  touch "$root/.done"
  echo "$root"
}

if [ "${1:-}" = "--package" ]; then
  fetch_unpack "$2"
  exit 0
fi

if [ ! -x "$PLUGIN" ] || ! "$PLUGIN" version >/dev/null 2>&1; then
  root="$(fetch_unpack docker-buildx)"
  mkdir -p "$CONFIG_DIR/cli-plugins"
  install -m 0755 "$root/usr/libexec/docker/cli-plugins/docker-buildx" "$PLUGIN"
fi
echo "setup-buildx: $("$PLUGIN" version)" >&2
echo "$CONFIG_DIR"
