#!/bin/sh
# expect_exit.sh CODE BIN ARGS... - run the command; pass when it exits
# with CODE and prints exactly one line to standard error.
set -u
code=$1
shift
err=$("$@" 2>&1 >/dev/null)
rc=$?
lines=$(printf '%s\n' "$err" | wc -l)
if [ $rc -ne "$code" ] || [ "$lines" -ne 1 ]; then
	printf '%s\n' "$err" >&2
	echo "exit code $rc (expected $code), $lines line(s) on stderr (expected 1): $*" >&2
	exit 1
fi
