/*
 * anchors.h - the anchor index of a rule set: the literals that let the
 * matcher skip text where a pattern cannot match (struct anchor_index in
 * rules.h). Built once by the rules loader, after every pattern compiles;
 * read by the matcher. See anchors.c.
 */
#ifndef SKILLGAP_ANCHORS_H
#define SKILLGAP_ANCHORS_H

#include <stddef.h>

#include "rules.h"

/* Zeroed memory that lives as long as the ruleset (its arena). */
typedef void *(*anchors_alloc_fn)(void *arena, size_t n);

/*
 * Which part of a signal's terms pattern term t goes in: 1 when its
 * anchor begins it (the matcher then tries the term right where the
 * anchor occurs), else 2 (searched on the anchor's lines).
 */
int anchors_term_part(const char *t);

/*
 * Fill rs->index (every pattern numbered, in signal order, with its
 * anchors or in `always`) and each exclude pattern's `need` literals,
 * allocating with alloc(arena, n).
 */
void anchors_build(struct ruleset *rs, anchors_alloc_fn alloc, void *arena);

#endif
