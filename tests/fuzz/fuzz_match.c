/*
 * fuzz_match.c - libFuzzer target, differential: bytes -> read_text ->
 * matcher with the embedded rules, once through the anchor index and
 * once as a full scan of every pattern. Any difference in the evidence
 * aborts (the index may only skip text that cannot hold a match). A
 * third matcher, narrowed as batch scoring narrows it (the signals of
 * all roles and paths, first hit only), must find the same signals. Also
 * built with driver.c so its corpus (tests/fuzz/corpus/match/) replays
 * under plain ctest.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "read.h"
#include "score.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ruleset *rs;
static struct matcher *indexed, *full, *goal;
static unsigned char *used;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct evidence_list a, b;
	size_t s;

	if (!rs) {
		if (rules_load_embedded(&rs, &d) < 0) {
			fprintf(stderr, "%s\n", d.msg);
			abort();
		}
		indexed = matcher_new(rs);
		full = matcher_new(rs);
		matcher_set_full_scan(full, 1);
		goal = matcher_new(rs);
		used = malloc(rs->nsignals + 1);
		if (!used)
			abort();
		score_signals_used(rs, -1, used);
		matcher_set_goal(goal, used, 1);
	}
	if (size > 64 * 1024 || read_text(&doc, (const char *)data, size, "fuzz.txt", &d) < 0)
		return 0;
	evidence_list_init(&a);
	evidence_list_init(&b);
	matcher_run(indexed, doc, &a);
	matcher_run(full, doc, &b);
	if (a.n != b.n || (a.n && memcmp(a.items, b.items, a.n * sizeof(a.items[0])) != 0)) {
		fprintf(stderr, "fuzz_match: the index found %zu hits, a full scan %zu\n", a.n, b.n);
		abort();
	}
	matcher_run(goal, doc, &a);
	for (s = 0; s < rs->nsignals; s++)
		if (evidence_has(&a, s) != (used[s] && evidence_has(&b, s))) {
			fprintf(stderr, "fuzz_match: signal %s: %u hits narrowed, %u in full\n", rs->signals[s].id,
				a.count[s], b.count[s]);
			abort();
		}
	evidence_list_release(&a);
	evidence_list_release(&b);
	document_free(doc);
	return 0;
}
