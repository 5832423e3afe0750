#!/bin/sh
# cli.sh BIN SRCDIR CASE - command-line behaviour of the real binary:
# bad input gets one clear line naming the file and the reason, a
# documented exit code, no crash and no partial output file.
# Fixtures are made here, in a private temporary directory.
set -u
BIN=$1
SRC=$2
CASE=$3
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
# the stderr must be exactly one line equal to $1
err_is() {
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "stderr is not one line: $(cat "$T/err")"
	[ "$(cat "$T/err")" = "$1" ] || fail "stderr: '$(cat "$T/err")', expected '$1'"
}
# line $1 (0001...) of `extract` output, past its section column, must match the regex $2 to its end
line_is() {
	grep -q "^$1 .*  $2\$" "$T/out" || fail "line $1: $(grep "^$1" "$T/out")"
}

case $CASE in
empty)
	: >"$T/empty.txt"
	run 1 analyze "$T/empty.txt"
	err_is "skillgap: '$T/empty.txt' is empty"
	[ ! -s "$T/out" ] || fail "output on error" ;;
binary)
	printf 'PNG\000\001\002\003binary\000\000data' >"$T/x.txt"
	run 1 analyze "$T/x.txt"
	err_is "skillgap: '$T/x.txt' is a binary file, not a resume in a known format (txt, docx, json)" ;;
missing)
	run 1 analyze "$T/nope.txt"
	err_is "skillgap: cannot open '$T/nope.txt': No such file or directory" ;;
unreadable_dir)
	run 1 analyze "$T"
	err_is "skillgap: cannot read '$T': Is a directory" ;;
too_big)
	run 1 analyze --max-size 1K samples/nurse-learning-python.txt
	size=$(wc -c <samples/nurse-learning-python.txt)
	err_is "skillgap: 'samples/nurse-learning-python.txt' is too big: $size bytes, the limit is 1024 (see --max-size)" ;;
too_big_stdin)
	cat samples/nurse-learning-python.txt | "$BIN" analyze --max-size 2K - >"$T/out" 2>"$T/err"
	[ $? -eq 1 ] || fail "exit code"
	err_is "skillgap: '-' is too big: over 2048 bytes (see --max-size)" ;;
bad_role)
	run 2 analyze --role nurse samples/nurse-learning-python.txt
	err_is "skillgap: analyze: unknown role 'nurse' (one of: ai-product-manager-healthcare, clinical-ai-engineer, healthcare-nlp-engineer, medical-ai-research-scientist)" ;;
bad_rules_dir)
	run 3 analyze --rules "$T/none" samples/nurse-learning-python.txt
	err_is "skillgap: rules directory '$T/none' does not exist or is not a directory" ;;
broken_rules)
	cp -r rules "$T/r"
	# break the first pattern of skills.json: an unclosed group
	python3 - "$T/r/skills.json" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.index('"patterns": [') + len('"patterns": [')
j = s.index('"', i)
s = s[:j + 1] + "(" + s[j + 1:]
open(p, "w").write(s)
PY
	run 3 analyze --rules "$T/r" samples/nurse-learning-python.txt
	grep -Eq "^skillgap: $T/r/skills.json:[0-9]+:[0-9]+: skill '[a-z0-9-]+': bad pattern at offset [0-9]+: missing closing parenthesis\$" "$T/err" ||
		fail "stderr: $(cat "$T/err")"
	[ ! -s "$T/out" ] || fail "partial output" ;;
rules_env)
	SKILLGAP_RULES="$T/none" "$BIN" analyze samples/nurse-learning-python.txt >"$T/out" 2>"$T/err"
	[ $? -eq 3 ] || fail "SKILLGAP_RULES not honoured"
	SKILLGAP_RULES="$SRC/rules" "$BIN" analyze --as-of 2026-11-27 samples/nurse-learning-python.txt >"$T/a" || fail "rules dir"
	"$BIN" analyze --as-of 2026-11-27 samples/nurse-learning-python.txt >"$T/b" || fail "embedded"
	cmp -s "$T/a" "$T/b" || fail "rules/ and the embedded set differ" ;;
no_partial_output)
	: >"$T/empty.txt"
	mkdir "$T/o"
	run 1 analyze -o "$T/o/report.txt" "$T/empty.txt"
	[ -z "$(ls "$T/o")" ] || fail "a file was left behind: $(ls "$T/o")" ;;
output_file)
	mkdir "$T/o"
	run 0 analyze --as-of 2026-11-27 -o "$T/o/r.md" --format md samples/phd-researcher.txt
	[ ! -s "$T/out" ] || fail "stdout not empty with -o"
	cmp -s "$T/o/r.md" tests/golden/expected/phd-researcher.txt.md || fail "-o content differs from stdout golden"
	[ "$(ls "$T/o")" = "r.md" ] || fail "temp file left: $(ls "$T/o")" ;;
output_special)
	# -o naming a FIFO (as /dev/null or a pipe would be): written to, never replaced by a file
	mkfifo "$T/fifo"
	timeout 20 cat "$T/fifo" >"$T/got" &
	reader=$!
	timeout 20 "$BIN" analyze --as-of 2026-11-27 -o "$T/fifo" samples/phd-researcher.txt 2>"$T/err" ||
		fail "analyze -o FIFO failed: $(cat "$T/err")"
	wait $reader
	[ -p "$T/fifo" ] || fail "the FIFO was replaced by a regular file"
	cmp -s "$T/got" tests/golden/expected/phd-researcher.txt.text || fail "the FIFO did not get the report"
	[ "$(ls "$T" | grep -c tmp)" -eq 0 ] || fail "temp file left: $(ls "$T")" ;;
output_unwritable)
	run 4 analyze -o "$T/no/such/dir/r.txt" samples/phd-researcher.txt
	grep -q "^skillgap: cannot write '$T/no/such/dir/r.txt': No such file or directory\$" "$T/err" || fail "$(cat "$T/err")" ;;
stdin)
	"$BIN" analyze --as-of 2026-11-27 - <samples/phd-researcher.txt >"$T/out" 2>"$T/err" || fail "stdin failed"
	sed 's/^skillgap report: -$/skillgap report: samples\/phd-researcher.txt/; s/plan FILE --role/plan samples\/phd-researcher.txt --role/' "$T/out" >"$T/o2"
	cmp -s "$T/o2" tests/golden/expected/phd-researcher.txt.text || fail "stdin report differs" ;;
no_skills)
	printf 'Pat Smith\nEXPERIENCE\nCashier, Corner Shop, 2019 - 2021\nStocked shelves and closed the till.\n' >"$T/c.txt"
	run 0 analyze --as-of 2026-11-27 "$T/c.txt"
	grep -q "no healthcare-AI skill evidence was found in this resume" "$T/out" || fail "no-skill note missing"
	grep -q "^Experience   2.0 years" "$T/out" || fail "years" ;;
usage)
	run 2 analyze
	err_is "skillgap: analyze: no FILE given (use '-' for standard input)"
	run 2 analyze --frobnicate x.txt
	err_is "skillgap: analyze: unknown option '--frobnicate' (see 'skillgap analyze --help')"
	run 2 analyze --format pdf samples/phd-researcher.txt
	err_is "skillgap: analyze: unknown format 'pdf' (text, json or md)"
	run 2 analyze --as-of 2026-13-40 samples/phd-researcher.txt
	err_is "skillgap: bad --as-of '2026-13-40': use YYYY-MM-DD"
	run 2 frob
	err_is "skillgap: unknown command 'frob' (see 'skillgap --help')"
	run 2 ;;
help_version)
	run 0 --version
	grep -Eq '^skillgap [0-9]+\.[0-9]+\.[0-9]+$' "$T/out" || fail "version"
	run 0 --help
	grep -q "Exit codes:" "$T/out" || fail "help lacks exit codes"
	for c in analyze extract score plan roles skills; do
		run 0 $c --help
		grep -q "usage: skillgap $c" "$T/out" || fail "$c --help"
	done ;;
color)
	NO_COLOR=1 "$BIN" analyze --color auto samples/phd-researcher.txt >"$T/out"
	grep -q "$(printf '\033')" "$T/out" && fail "colour without a terminal"
	"$BIN" analyze --color always samples/phd-researcher.txt >"$T/out"
	grep -q "$(printf '\033\\[1m')" "$T/out" || fail "--color always gave no colour" ;;
roles)
	run 0 roles
	[ "$(wc -l <"$T/out")" -eq 4 ] || fail "roles lines"
	grep -q '^clinical-ai-engineer  *Clinical AI Engineer  *\$180K-\$280K  9 required, 18 preferred$' "$T/out" || fail "$(cat "$T/out")" ;;
skills)
	run 0 skills
	head -1 "$T/out" | grep -Eq '^7[0-9] skills in 11 categories, [0-9]+ credentials$' || fail "$(head -1 "$T/out")" ;;
redact)
	run 0 analyze --redact --format json samples/healthcare-nlp-engineer.txt
	for s in "$(sed -n 1p samples/healthcare-nlp-engineer.txt | cut -d, -f1)" "@example" "555"; do
		grep -q -- "$s" "$T/out" && fail "'$s' survived --redact"
	done
	run 0 analyze --redact --format md samples/nurse-learning-python.txt
	grep -q "Jane Q. Example" "$T/out" && fail "name in md"
	# the JSON Resume's 7-digit phone is masked wherever it stands; date ranges are no phones
	run 0 extract --redact samples/messy-layout.json
	grep -q "555-0131" "$T/out" && fail "the phone 555-0131 survived --redact"
	grep -q "^phone: *\[phone\]$" "$T/out" || fail "phone field: $(grep '^phone' "$T/out")"
	grep -q "Freelance (2020-03 - 2021-06)$" "$T/out" || fail "a date range was masked: $(grep Freelance "$T/out")"
	# nicknames in quotes or brackets on the name line are parts of the name too (made here, not a sample)
	printf "Sean 'Jack' O'Brien\nSUMMARY\nJack O'Brien and Sean wrote it.\n" >"$T/nick1.txt"
	printf 'Robert (Bob) Jones\nSUMMARY\nBob built models. Jennifer "Jen" Smith helped.\n' >"$T/nick2.txt"
	run 0 extract --redact "$T/nick1.txt"
	line_is 0003 '\[name\] \[name\] and \[name\] wrote it\.'
	run 0 extract --redact "$T/nick2.txt"
	line_is 0003 '\[name\] built models\. Jennifer "Jen" Smith helped\.'
	# the short forms of a common first name, and the full name of a short one, capitalized (made here)
	printf 'Robert Jones\nSUMMARY\nBob and Rob built it; bob, Bill and Will stay.\n' >"$T/nick3.txt"
	printf 'Bob Jones\nSUMMARY\nRobert and BOBBY built it.\n' >"$T/nick4.txt"
	run 0 extract --redact "$T/nick3.txt"
	line_is 0003 '\[name\] and \[name\] built it; bob, Bill and Will stay\.'
	run 0 extract --redact "$T/nick4.txt"
	line_is 0003 '\[name\] and \[name\] built it\.'
	# a bare web address holding the name, or on github.io, is masked; others are not (made here)
	printf 'Jane Doe\nSUMMARY\nSee janedoe.dev, jane-doe.github.io/cv and xq7.github.io. Uses pytorch.org, Node.js, ASP.NET and doe-lab.ai/papers.\n' >"$T/site.txt"
	run 0 extract --redact "$T/site.txt"
	line_is 0003 'See \[url\], \[url\] and \[url\]\. Uses pytorch\.org, Node\.js, ASP\.NET and \[url\]\.'
	# a local number without a label is masked; counts, years and part numbers are not (made here)
	printf 'Ann Lee\n555-0131 | Boston, MA\nSUMMARY\nCall 555.0131 or 555 0131. Top 100 2020; 120 1000-bed sites; ISBN 978-0131-1.\n' >"$T/local.txt"
	run 0 extract --redact "$T/local.txt"
	line_is 0002 '\[phone\] | Boston, MA'
	line_is 0004 'Call \[phone\] or \[phone\]\. Top 100 2020; 120 1000-bed sites; ISBN 978-0131-1\.'
	# a name is masked in any case and with or without its accents, its credentials are not (made here)
	printf "ÉLODIE MARTIN, PhD\nelodie.martin@example.org\nSUMMARY\nÉlodie and Martin led it; elodie wrote MARTIN's PhD plan.\n" >"$T/case.txt"
	run 0 extract --redact "$T/case.txt"
	line_is 0002 '\[email\]'
	line_is 0004 "\[name\] and \[name\] led it; \[name\] wrote \[name\]'s PhD plan\."
	# the same in Latin Extended-A, Greek and Cyrillic (made here)
	printf 'Łukasz Wiśniewski\nSUMMARY\nWIŚNIEWSKI met lukasz.\n' >"$T/pl.txt"
	printf 'ΑΛΈΞΑΝΔΡΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ\nSUMMARY\nΑλέξανδρος met Παπαδόπουλος.\n' >"$T/el.txt"
	printf 'Иван Петров\nSUMMARY\nИВАН met петров.\n' >"$T/ru.txt"
	for f in pl el ru; do
		run 0 extract --redact "$T/$f.txt"
		line_is 0003 '\[name\] met \[name\]\.'
	done
	# a JSON Resume profile's user name is masked wherever it stands whole, in any case (made here)
	printf '{"basics":{"name":"Dr. Priya Raman, PhD","profiles":[{"network":"GitHub","username":"praman-lab","url":"https://github.com/praman-lab"}],"summary":"Priya leads the lab; code under PRAMAN-LAB. PhD since 2015, not praman-labs."}}\n' >"$T/handle.json"
	run 0 extract --redact "$T/handle.json"
	line_is 0002 'GitHub, \[handle\], \[url\]'
	line_is 0004 '\[name\] leads the lab; code under \[handle\]\. PhD since 2015, not praman-labs\.'
	: ;;
*)
	fail "unknown case" ;;
esac
exit 0
