/*
 * match.h - the matcher: document x ruleset -> evidence.
 *
 * Every signal (skill or credential) is searched with its compiled PCRE2
 * patterns, line by line; a hit overlapping one of the signal's exclude
 * matches on the same line is dropped, and a pattern restricted to some
 * sections only counts on lines of those sections. Evidence refers to
 * the document's text by offset (it does not copy the snippet).
 *
 * A matcher holds per-thread scratch (PCRE2 match data); create one per
 * thread. The ruleset is shared read-only.
 */
#ifndef SKILLGAP_MATCH_H
#define SKILLGAP_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "rules.h"

struct evidence {
	uint32_t signal;  /* index into ruleset.signals */
	uint32_t line;    /* index into document.lines */
	uint32_t off;     /* byte offset of the hit in document.text */
	uint32_t len;     /* byte length of the hit */
};

/* All evidence for one document, sorted by signal, then offset. */
struct evidence_list {
	struct evidence *items;
	size_t n, cap;
	/* per signal: first index into items and count (nsignals entries) */
	uint32_t *first;
	uint32_t *count;
	size_t nsignals;
};

void evidence_list_init(struct evidence_list *ev);
void evidence_list_release(struct evidence_list *ev);
/* Does signal `s` have at least one hit? */
int evidence_has(const struct evidence_list *ev, size_t s);

struct matcher;

/* Per-thread matcher for `rs`; free with matcher_free(). */
struct matcher *matcher_new(const struct ruleset *rs);
void matcher_free(struct matcher *m);
/*
 * Find all evidence in `doc` (ev is reset first). Returns 0, or
 * SG_ELIMIT when a pattern hit the PCRE2 match limit (the hit is
 * skipped and matching goes on; the return value reports it).
 */
int matcher_run(struct matcher *m, const struct document *doc, struct evidence_list *ev);

/*
 * Testing aid: with `on`, run every pattern over the whole text instead
 * of using the anchor index, and search a long line's exclusions for each
 * hit instead of once for the line. The evidence must be the same either
 * way (test_match, fuzz_match).
 */
void matcher_set_full_scan(struct matcher *m, int on);

/*
 * Narrow the matcher to what a caller reads (batch scoring). `want`
 * (nsignals bytes, copied; NULL = every signal) names the signals to
 * look for: the others get no evidence. With `presence`, a signal stops
 * being searched at its first accepted hit, so evidence_has() answers as
 * it would after a full run but the spans are not all there. PCRE2 still
 * decides every hit that is recorded.
 */
void matcher_set_goal(struct matcher *m, const unsigned char *want, int presence);

/* Limits applied to every pcre2_match (named defaults). */
#define MATCH_LIMIT 1000000u
#define MATCH_DEPTH_LIMIT 10000u

#endif
