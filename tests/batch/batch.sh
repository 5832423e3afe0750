#!/bin/sh
# batch.sh BIN SRCDIR CASE - `skillgap score` on the real binary over
# samples/batch (12 resumes, two of them bad: empty.txt and corrupt.txt):
# every input exactly once, errors carried in the table, exit 1, the same
# bytes for any -j, and GNU parallel mapper runs (--pipe over JSONL,
# --pipe and -X over file lists) merged with --merge equal to one run.
# The files_from_* cases make their trees in a temp dir at run time:
# a directory in --files-from gives the rows it gives as a PATH.
set -u
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac # some cases run in another directory
SRC=$2
CASE=$3
ROLE=healthcare-nlp-engineer
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$SRC"

fail() { echo "FAIL [$CASE]: $*" >&2; exit 1; }
# run EXPECTED_RC ARGS... : stdout -> $T/out, stderr -> $T/err
run() {
	want=$1; shift
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq "$want" ] || fail "exit $rc, expected $want: $* (stderr: $(cat "$T/err"))"
}
need_parallel() {
	command -v parallel >/dev/null 2>&1 || { echo "GNU parallel is not installed (apt-get install parallel)"; exit 77; }
}
# The JSONL input: one {"id","content_base64","name"} line per sample file.
make_jsonl() {
	for f in samples/batch/*; do
		printf '{"id":"%s","content_base64":"%s","name":"%s"}\n' "$f" "$(base64 -w0 <"$f")" "${f##*/}"
	done >"$T/in.jsonl"
}

# $T/tree: two resumes in nested directories, a hidden file, two symlink loops.
make_tree() {
	mkdir -p "$T/tree/a/b"
	cp samples/batch/health-data-engineer.txt "$T/tree/a/one.txt"
	cp samples/batch/react-native-developer.txt "$T/tree/a/b/two.txt"
	cp samples/batch/empty.txt "$T/tree/.hidden.txt"
	ln -s .. "$T/tree/a/b/up"
	ln -s "$T/tree" "$T/tree/a/loop"
}

case $CASE in
every_input_once)
	run 1 score --role $ROLE --format csv -j2 samples/batch
	[ "$(wc -l <"$T/out")" -eq 13 ] || fail "expected a header and 12 rows: $(cat "$T/out")"
	[ "$(head -n1 "$T/out")" = "$(printf 'rank,id,name,score,required_coverage,years,entry_path,gap_1,gap_2,gap_3,error\r')" ] ||
		fail "header: $(head -n1 "$T/out")"
	for f in samples/batch/*; do
		[ "$(grep -c "^[0-9]*,$f," "$T/out")" -eq 1 ] || fail "'$f' is not in the table exactly once"
	done
	[ "$(sed -n 12p "$T/out")" = "$(printf ",samples/batch/corrupt.txt,,,,,,,,,\"binary: 'samples/batch/corrupt.txt' is a binary file, not a resume in a known format (txt, docx, json)\"\r")" ] ||
		fail "corrupt.txt row: $(sed -n 12p "$T/out")"
	[ "$(sed -n 13p "$T/out")" = "$(printf ",samples/batch/empty.txt,,,,,,,,,empty: 'samples/batch/empty.txt' is empty\r")" ] ||
		fail "empty.txt row: $(sed -n 13p "$T/out")"
	[ "$(grep -c '^[0-9][0-9]*,' "$T/out")" -eq 10 ] || fail "expected 10 ranked rows"
	[ ! -s "$T/err" ] || fail "stderr is not a terminal: expected silence, got $(cat "$T/err")" ;;
jobs_identical)
	for fmt in csv tsv jsonl md text; do
		run 1 score --role $ROLE --format $fmt -j1 samples/batch
		mv "$T/out" "$T/j1"
		run 1 score --role $ROLE --format $fmt -j2 samples/batch
		cmp -s "$T/j1" "$T/out" || fail "$fmt: -j1 and -j2 differ"
		run 1 score --role $ROLE --format $fmt -j8 samples/batch
		cmp -s "$T/j1" "$T/out" || fail "$fmt: -j1 and -j8 differ"
	done ;;
jsonl_errors)
	{ printf '{"id":"a","text":"   "}\n{broken\n{"id":"b"}\n\n'
	  printf '{"id":"c","content_base64":"!!!"}\n{"id":"d","text":"Jane Roe\\nSKILLS\\nPython, spaCy, FHIR"}\n'; } >"$T/in.jsonl"
	"$BIN" score --role $ROLE --jsonl --format jsonl <"$T/in.jsonl" >"$T/out" 2>"$T/err"
	[ $? -eq 1 ] || fail "exit $?, expected 1"
	[ "$(wc -l <"$T/out")" -eq 5 ] || fail "expected 5 records (the blank line is not an input): $(cat "$T/out")"
	grep -q '^{"rank":1,"id":"d",' "$T/out" || fail "d not ranked first: $(cat "$T/out")"
	grep -q '"id":"a",.*"error":"empty: '"'"'a'"'"' is empty"}' "$T/out" || fail "a: $(cat "$T/out")"
	grep -q '"id":"line 2",.*"error":"corrupt: line 2: not a JSON object"}' "$T/out" || fail "line 2: $(cat "$T/out")"
	grep -q '"id":"b",.*has no \\"text\\", \\"resume\\" or \\"content_base64\\""}' "$T/out" || fail "b: $(cat "$T/out")"
	grep -q '"id":"c",.*"error":"corrupt: '"'"'c'"'"': \\"content_base64\\" is not valid base64"}' "$T/out" || fail "c: $(cat "$T/out")" ;;
symlink_loop)
	make_tree
	run 0 score --role $ROLE --format csv "$T/tree"
	[ "$(wc -l <"$T/out")" -eq 3 ] || fail "expected 2 rows (hidden skipped, links visited once): $(cat "$T/out")" ;;
top_min_score)
	run 1 score --role $ROLE --format csv --top 3 samples/batch
	[ "$(grep -c '^[0-9]' "$T/out")" -eq 3 ] || fail "--top 3: $(cat "$T/out")"
	[ "$(grep -c '^,' "$T/out")" -eq 2 ] || fail "--top keeps failed rows: $(cat "$T/out")"
	run 1 score --role $ROLE --format csv --min-score 100 samples/batch
	[ "$(wc -l <"$T/out")" -eq 3 ] || fail "--min-score 100: $(cat "$T/out")" ;;
files_from)
	ls samples/batch/* >"$T/list"
	run 1 score --role $ROLE --format csv samples/batch
	mv "$T/out" "$T/dir.csv"
	run 1 score --role $ROLE --format csv --files-from "$T/list"
	cmp -s "$T/dir.csv" "$T/out" || fail "--files-from and a directory differ"
	"$BIN" score --role $ROLE --format csv --files-from - <"$T/list" >"$T/out" 2>/dev/null
	cmp -s "$T/dir.csv" "$T/out" || fail "--files-from - differs" ;;
files_from_dir)
	make_tree
	printf '%s\n' "$T/tree" "$T/tree/a/loop" >"$T/list"
	for j in 1 2; do
		run 0 score --role $ROLE --format csv -j$j "$T/tree"
		mv "$T/out" "$T/arg.csv"
		[ "$(wc -l <"$T/arg.csv")" -eq 3 ] || fail "-j$j: expected 2 rows: $(cat "$T/arg.csv")"
		run 0 score --role $ROLE --format csv -j$j --files-from "$T/list"
		cmp -s "$T/arg.csv" "$T/out" || fail "-j$j: a directory in --files-from differs from a PATH: $(diff "$T/arg.csv" "$T/out")"
	done ;;
files_from_big_dir)
	# one worker and a directory of more files than its queue (64): must end, every file once
	mkdir "$T/big"
	i=0
	while [ $i -lt 200 ]; do
		cp samples/batch/health-data-engineer.txt "$T/big/f$i.txt"
		i=$((i + 1))
	done
	echo "$T/big" >"$T/list"
	if command -v timeout >/dev/null 2>&1; then to="timeout 60"; else to=; fi
	$to "$BIN" score --role $ROLE --format csv -j1 --files-from "$T/list" >"$T/out" 2>"$T/err"
	rc=$?
	[ $rc -eq 0 ] || fail "exit $rc (124: a deadlock?): $(cat "$T/err")"
	[ "$(wc -l <"$T/out")" -eq 201 ] || fail "expected 200 rows, got $(($(wc -l <"$T/out") - 1))"
	[ "$(cut -d, -f2 "$T/out" | sort -u | wc -l)" -eq 201 ] || fail "a file is listed twice" ;;
files_from_errors)
	ln -s "$T/nowhere" "$T/dangling"
	printf '%s\n' "$T/missing" "$T/dangling" >"$T/list"
	run 1 score --role $ROLE --format csv --files-from "$T/list"
	[ "$(sed -n 2p "$T/out")" = "$(printf ",$T/dangling,,,,,,,,,unreadable: cannot open '$T/dangling': No such file or directory\r")" ] ||
		fail "dangling row: $(sed -n 2p "$T/out")"
	[ "$(sed -n 3p "$T/out")" = "$(printf ",$T/missing,,,,,,,,,unreadable: cannot open '$T/missing': No such file or directory\r")" ] ||
		fail "missing row: $(sed -n 3p "$T/out")"
	[ "$(wc -l <"$T/out")" -eq 3 ] || fail "expected 2 rows: $(cat "$T/out")" ;;
files_from_dash)
	# a list line "-" names the file "-" (here a copy of a sample), not stdin
	mkdir "$T/d"
	cp samples/batch/health-data-engineer.txt "$T/d/-"
	printf -- '-\n' >"$T/d/list"
	(cd "$T/d" && echo "stdin is not an input" | "$BIN" score --role $ROLE --format csv --files-from list) >"$T/out" ||
		fail "exit $?"
	"$BIN" score --role $ROLE --format csv samples/batch/health-data-engineer.txt >"$T/direct"
	[ "$(sed -n 2p "$T/out" | cut -d, -f1,3-)" = "$(sed -n 2p "$T/direct" | cut -d, -f1,3-)" ] ||
		fail "the row of '-': $(sed -n 2p "$T/out")"
	[ "$(sed -n 2p "$T/out" | cut -d, -f2)" = "-" ] || fail "id: $(sed -n 2p "$T/out")"
	[ "$(wc -l <"$T/out")" -eq 2 ] || fail "expected 1 row: $(cat "$T/out")" ;;
parallel_jsonl)
	need_parallel
	make_jsonl
	"$BIN" score --role $ROLE --jsonl --format csv -j2 <"$T/in.jsonl" >"$T/single.csv"
	[ $? -eq 1 ] || fail "single run: expected exit 1"
	parallel --will-cite --pipe -N 4 --keep-order "$BIN" score --role $ROLE --jsonl --format jsonl -j1 \
		<"$T/in.jsonl" >"$T/parts.jsonl"
	[ "$(wc -l <"$T/parts.jsonl")" -eq 12 ] || fail "mapper output: $(cat "$T/parts.jsonl")"
	run 1 score --merge --format csv "$T/parts.jsonl"
	cmp -s "$T/single.csv" "$T/out" || fail "merged parallel output differs from one run: $(diff "$T/single.csv" "$T/out")"
	"$BIN" score --merge --format csv <"$T/parts.jsonl" >"$T/out2"
	cmp -s "$T/single.csv" "$T/out2" || fail "--merge from stdin differs"
	# the forms docs/scale.md recommends: blocks by size, and parts of the file read in place
	# (blocks of 8 KB here, above the longest record, so that several jobs run)
	parallel --will-cite --pipe --block 8k "$BIN" score --role $ROLE --jsonl --format jsonl -j1 \
		<"$T/in.jsonl" >"$T/block.jsonl"
	run 1 score --merge --format csv "$T/block.jsonl"
	cmp -s "$T/single.csv" "$T/out" || fail "parallel --pipe --block: $(diff "$T/single.csv" "$T/out")"
	parallel --will-cite --pipe-part --block 8k -a "$T/in.jsonl" "$BIN" score --role $ROLE --jsonl \
		--format jsonl -j1 >"$T/part.jsonl"
	run 1 score --merge --format csv "$T/part.jsonl"
	cmp -s "$T/single.csv" "$T/out" || fail "parallel --pipe-part: $(diff "$T/single.csv" "$T/out")" ;;
parallel_files)
	need_parallel
	ls samples/batch/* >"$T/list"
	"$BIN" score --role $ROLE --format csv --files-from "$T/list" >"$T/single.csv"
	[ $? -eq 1 ] || fail "single run: expected exit 1"
	parallel --will-cite --pipe -N 5 "$BIN" score --role $ROLE --files-from - --format jsonl -j1 \
		<"$T/list" >"$T/pipe.jsonl"
	run 1 score --merge --format csv "$T/pipe.jsonl"
	cmp -s "$T/single.csv" "$T/out" || fail "parallel --pipe --files-from -: $(diff "$T/single.csv" "$T/out")"
	parallel --will-cite -X -N 3 "$BIN" score --role $ROLE --format jsonl -j1 :::: "$T/list" >"$T/x.jsonl"
	run 1 score --merge --format csv "$T/x.jsonl"
	cmp -s "$T/single.csv" "$T/out" || fail "parallel -X: $(diff "$T/single.csv" "$T/out")" ;;
usage)
	run 2 score samples/batch
	run 2 score --role nope samples/batch
	run 2 score --role $ROLE
	run 2 score --role $ROLE --format xml samples/batch
	run 2 score --role $ROLE -j 0 samples/batch
	run 0 score --help ;;
*)
	fail "unknown case" ;;
esac
exit 0
