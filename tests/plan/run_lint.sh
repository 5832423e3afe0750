#!/bin/sh
# run_lint.sh EXPECTED CODE BIN ARGS... - run `skillgap rules check`, expect
# exit code CODE, and compare stdout and stderr (in that order) with
# EXPECTED. SKILLGAP_UPDATE_GOLDEN=1 rewrites EXPECTED instead.
set -u
expected=$1
code=$2
shift 2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$@" >"$actual" 2>"$actual.err"
rc=$?
cat "$actual.err" >>"$actual"
rm -f "$actual.err"
if [ $rc -ne "$code" ]; then
	cat "$actual" >&2
	echo "exit code $rc, expected $code: $*" >&2
	exit 1
fi
if [ "${SKILLGAP_UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$actual" "$expected"
	exit 0
fi
if ! diff -u "$expected" "$actual"; then
	echo "output differs from $expected" >&2
	exit 1
fi
