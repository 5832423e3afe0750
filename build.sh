#!/bin/sh
# build.sh - the Quick start entry point on a fresh Debian 12 machine.
#
#   ./build.sh demo   install what is missing, build, analyse a bundled sample
#   ./build.sh test   install what is missing, build, run the whole test suite
#                     (a Release build, an ASan+UBSan build, a build without SSE2)
#   ./build.sh TARGET any other Makefile target (bench, fuzz, install, ...)
#
# It installs Debian packages with apt-get (through sudo when not root),
# then hands over to make.
set -eu
cd "$(dirname "$0")"

PACKAGES="make cmake gcc libc6-dev pkg-config libpcre2-dev libcjson-dev libxml2-dev libzip-dev python3 parallel"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "build.sh: installing:$missing" >&2
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
fi
exec make "${@:-demo}"
