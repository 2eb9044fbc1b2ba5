#!/bin/bash
# install-deps.sh: install every package gosub's build and tests need on Debian 12.
#
# Idempotent: checks each package with dpkg-query and runs `apt-get update` (once) and
# `apt-get install` only when something is missing. Needs root (or passwordless sudo)
# when it has something to install. Quiet, no TTY needed, and any failure stops it with
# a message on stderr.
#
# Usage: scripts/install-deps.sh
set -euo pipefail

PKGS=(
	meson ninja-build flex bison pkg-config
	gcc g++ python3 libgmp-dev
	llvm-19-dev llvm-19-tools
	golang-go golang-1.19-src gccgo
	chromium graphviz
)
# The SSA explorer page's test drives Chromium with playwright-core from npm; graphviz
# draws the page's CFGs (optional at run time: without it the page shows DOT text).
# Node.js comes from Debian unless a node is already on PATH.
command -v node >/dev/null 2>&1 || PKGS+=(nodejs npm)

die() {
	echo "install-deps.sh: $*" >&2
	exit 1
}

# page_deps: playwright-core for testdata/page/page_test.js, pinned by its
# package-lock.json, into testdata/page/node_modules (gitignored).
page_deps() {
	local page_dir
	page_dir="$(dirname "$0")/../testdata/page"
	if [ -f "$page_dir/package-lock.json" ] && [ ! -d "$page_dir/node_modules/playwright-core" ]; then
		(cd "$page_dir" && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
			die "npm ci in testdata/page failed"
	fi
}

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for p in "${PKGS[@]}"; do
	installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps.sh: all ${#PKGS[@]} packages present"
	page_deps
	exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || die "need root to install: ${missing[*]}"
	SUDO=(sudo -n)
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps.sh: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "${SUDO[@]}" apt-get update -qq >"$log" 2>&1; then
	cat "$log" >&2
	die "apt-get update failed"
fi
# Recommended packages are wanted: gcc, for one, recommends libc6-dev.
if ! "${SUDO[@]}" apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" >"$log" 2>&1; then
	cat "$log" >&2
	die "apt-get install failed"
fi

for p in "${missing[@]}"; do
	installed "$p" || die "package $p is still missing after apt-get install"
done
for t in meson ninja flex bison llvm-config-19 go python3 cc c++; do
	command -v "$t" >/dev/null 2>&1 || die "command $t not found after installing"
done
echo "install-deps.sh: done"

page_deps
