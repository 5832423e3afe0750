#!/bin/sh
# run.sh - build the libFuzzer targets in build-fuzz/ (clang, the core
# instrumented with -fsanitize=fuzzer-no-link,address,undefined) and run
# each for FUZZ_SECONDS (default 60) on a copy of its seed corpus.
# Crashes are written to build-fuzz/crashes/<target>/; add each one to
# tests/fuzz/corpus/<target>/ once fixed so ctest replays it forever.
#
#   tests/fuzz/run.sh                 # all targets, 60 s each
#   FUZZ_SECONDS=600 tests/fuzz/run.sh docx json
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-fuzz"
secs=${FUZZ_SECONDS:-60}
targets=${*:-"docx wordml json text rules match redact"}

CC=${CC:-clang} cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DSKILLGAP_FUZZ=ON \
	-DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -g -O1" >/dev/null
for t in $targets; do
	cmake --build "$build" -j2 --target "fuzz_$t" >/dev/null
done

status=0
for t in $targets; do
	work="$build/corpus/$t"
	crashes="$build/crashes/$t"
	mkdir -p "$work" "$crashes"
	cp "$root/tests/fuzz/corpus/$t/"* "$work/" 2>/dev/null || true
	echo "== fuzz_$t for ${secs}s"
	if ! "$build/tests/fuzz_$t" "$work" -max_total_time="$secs" -max_len=262144 \
		-rss_limit_mb=2048 -timeout=10 -artifact_prefix="$crashes/" -print_final_stats=1 \
		2>"$build/fuzz_$t.log"; then
		echo "fuzz_$t: FOUND A PROBLEM (see $build/fuzz_$t.log and $crashes/)"
		status=1
	fi
	grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)" "$build/fuzz_$t.log" || tail -3 "$build/fuzz_$t.log"
done
exit $status
