#!/bin/sh
# same-output.sh OLD NEW [PATH...] - a speed change must not change what
# skillgap prints: run two builds over the same inputs and compare.
#
# For every input: `extract --format json` and `--format text`, and
# `analyze --format json` (with a fixed --as-of, and the exit status).
# Inputs: samples/ (and samples/batch/), every fuzz seed corpus file,
# tests/data/hostile/, and each PATH given (a file, or a directory taken
# whole, e.g. /tmp/skillgap-bench/txt after `make bench`). Then, for each
# PATH list file ending in .list (one path a line, as the bench writes),
# the `score --all-roles` and `score --role healthcare-nlp-engineer`
# CSVs of the two builds.
#
# Prints each input whose output differs, then a summary line; exits 1
# if anything differed. Not a test: it needs the old build. Example:
#   git worktree add /tmp/base HEAD && make -C /tmp/base build
#   tests/bench/same-output.sh /tmp/base/build/skillgap build/skillgap \
#       /tmp/skillgap-bench/txt.list /tmp/skillgap-bench/json.list
set -u
[ $# -ge 2 ] || { echo "usage: $0 OLD NEW [PATH...]" >&2; exit 2; }
old=$1
new=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
n=0
bad=0

# every input file, one per line (paths with newlines are not supported)
{
	find "$root/samples" "$root/tests/fuzz/corpus" "$root/tests/data/hostile" -type f
	for p in "$@"; do
		case $p in
		*.list) ;;
		*) find "$p" -type f ;;
		esac
	done
} > "$tmp/inputs"

while IFS= read -r f; do
	n=$((n + 1))
	for cmd in "extract --format json" "extract --format text" "analyze --format json"; do
		# shellcheck disable=SC2086 # $cmd is a subcommand and its options
		"$old" $cmd --as-of 2026-01-01 "$f" > "$tmp/a" 2>&1
		echo "exit $?" >> "$tmp/a"
		# shellcheck disable=SC2086
		"$new" $cmd --as-of 2026-01-01 "$f" > "$tmp/b" 2>&1
		echo "exit $?" >> "$tmp/b"
		if ! cmp -s "$tmp/a" "$tmp/b"; then
			echo "differs: $cmd $f"
			bad=1
		fi
	done
done < "$tmp/inputs"

lists=0
for p in "$@"; do
	case $p in
	*.list) ;;
	*) continue ;;
	esac
	for role in "--all-roles" "--role healthcare-nlp-engineer"; do
		# shellcheck disable=SC2086 # $role is an option and its value
		"$old" score $role --as-of 2026-01-01 --quiet --files-from "$p" -o "$tmp/a.csv"
		# shellcheck disable=SC2086
		"$new" score $role --as-of 2026-01-01 --quiet --files-from "$p" -o "$tmp/b.csv"
		if ! cmp -s "$tmp/a.csv" "$tmp/b.csv"; then
			echo "differs: score $role --files-from $p"
			bad=1
		fi
		lists=$((lists + 1))
	done
done

if [ $bad -eq 0 ]; then
	echo "same-output: $n inputs x 3 commands and $lists score tables: all the same"
else
	echo "same-output: some outputs differ (see above)"
fi
exit $bad
