#!/bin/sh
# run.sh EXPECTED BIN ARGS... - run the real binary and compare its stdout
# byte for byte (CRLF included) with the golden plan EXPECTED.
# Regenerate every golden plan: SKILLGAP_UPDATE_GOLDEN=1 ctest -R '^plan_'
# (then review the diff before committing).
set -u
expected=$1
shift
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
NO_COLOR=1 "$@" >"$actual"
rc=$?
if [ $rc -ne 0 ]; then
	echo "command failed with exit code $rc: $*" >&2
	exit 1
fi
if [ "${SKILLGAP_UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$actual" "$expected"
	exit 0
fi
if ! cmp -s "$expected" "$actual"; then
	diff -u "$expected" "$actual"
	echo "output differs from $expected (SKILLGAP_UPDATE_GOLDEN=1 ctest -R '^plan_' regenerates it)" >&2
	exit 1
fi
