#!/bin/sh
# run.sh EXPECTED BIN ARGS... - run the real binary and diff its stdout
# with the golden file EXPECTED. With SKILLGAP_UPDATE_GOLDEN=1 the golden
# file is rewritten instead (review the diff before committing).
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
if ! diff -u "$expected" "$actual"; then
	echo "output differs from $expected (make update-golden regenerates it)" >&2
	exit 1
fi
