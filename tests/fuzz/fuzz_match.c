/*
 * fuzz_match.c - libFuzzer target, differential: bytes -> read_text ->
 * matcher with the embedded rules, once through the anchor index and
 * once as a full scan of every pattern. Any difference in the evidence
 * aborts (the index may only skip text that cannot hold a match). Also
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
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ruleset *rs;
static struct matcher *indexed, *full;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct evidence_list a, b;

	if (!rs) {
		if (rules_load_embedded(&rs, &d) < 0) {
			fprintf(stderr, "%s\n", d.msg);
			abort();
		}
		indexed = matcher_new(rs);
		full = matcher_new(rs);
		matcher_set_full_scan(full, 1);
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
	evidence_list_release(&a);
	evidence_list_release(&b);
	document_free(doc);
	return 0;
}
