/*
 * match.c - the matcher. Input: a document and a compiled ruleset.
 * Output: evidence (signal, line, span) for every accepted hit; see
 * match.h. Each pattern runs once over the whole text (MULTILINE, so
 * '^'/'$' are line anchors and '.' stops at line ends); section
 * restrictions and exclusions are then checked against the hit's line.
 */
#define _GNU_SOURCE /* memmem */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

struct matcher {
	const struct ruleset *rs;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	struct buf lower;  /* ASCII-lowercased text for the anchor prefilter */
};

void evidence_list_init(struct evidence_list *ev)
{
	memset(ev, 0, sizeof(*ev));
}

void evidence_list_release(struct evidence_list *ev)
{
	free(ev->items);
	free(ev->first);
	free(ev->count);
	evidence_list_init(ev);
}

int evidence_has(const struct evidence_list *ev, size_t s)
{
	return s < ev->nsignals && ev->count[s] > 0;
}

struct matcher *matcher_new(const struct ruleset *rs)
{
	struct matcher *m = xcalloc(1, sizeof(*m));
	m->rs = rs;
	m->md = pcre2_match_data_create(16, NULL);
	m->mctx = pcre2_match_context_create(NULL);
	if (!m->md || !m->mctx) {
		matcher_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, MATCH_DEPTH_LIMIT);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	buf_release(&m->lower);
	free(m);
}

static void add_hit(struct evidence_list *ev, size_t sig, size_t line, size_t off, size_t len)
{
	struct evidence *e;
	ev->items = xgrow(ev->items, &ev->cap, ev->n + 1, sizeof(*ev->items));
	e = &ev->items[ev->n++];
	e->signal = (uint32_t)sig;
	e->line = (uint32_t)line;
	e->off = (uint32_t)off;
	e->len = (uint32_t)len;
}

/* Does an exclude pattern of `s` match a span overlapping [off, off+len) on the line? */
static int excluded(struct matcher *m, const struct signal *s, const struct document *doc,
		    const struct doc_line *l, size_t off, size_t len)
{
	const char *line = doc->text.ptr + l->off;
	size_t hs = off - l->off, he = hs + len, k;

	for (k = 0; k < s->nexclude; k++) {
		PCRE2_SIZE start = 0;
		while (start <= l->len) {
			int rc = pcre2_match(s->exclude[k].code, (PCRE2_SPTR)line, l->len, start,
					     PCRE2_NO_UTF_CHECK, m->md, m->mctx);
			PCRE2_SIZE *ov;
			if (rc < 0)
				break;
			ov = pcre2_get_ovector_pointer(m->md);
			if (ov[0] < he && (ov[1] > hs || (ov[0] == ov[1] && ov[0] >= hs)))
				return 1;
			if (ov[0] >= he)
				break;
			start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
	}
	return 0;
}

/*
 * The lowercased copy the anchors are looked up in, byte for byte the
 * same length as the text. The two non-ASCII letters that PCRE2's
 * caseless matching folds to ASCII letters (KELVIN SIGN, LONG S) never
 * reach here: document normalization folds them to K and s.
 */
static void lowercase_text(struct buf *out, const char *s, size_t n)
{
	size_t i;
	buf_truncate(out, 0);
	buf_grow(out, n);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		out->ptr[out->len++] = (char)c;
	}
	out->ptr[out->len] = '\0';
}

/*
 * Where a prefiltered pattern can first match: the start of the line
 * before the earliest anchor (a term may wrap from the line above), or
 * (size_t)-1 when no anchor occurs at all. 0 for unfiltered patterns.
 */
static size_t anchored_start(const struct rx *rx, const struct buf *lower, const struct document *doc)
{
	size_t k, first = (size_t)-1, li;
	if (!rx->anchors)
		return 0;
	for (k = 0; k < rx->nanchors; k++) {
		size_t alen = strlen(rx->anchors[k]), span = lower->len;
		const char *hit;
		/* only an earlier occurrence than the one found so far matters */
		if (first != (size_t)-1 && first + alen < span)
			span = first + alen;
		hit = memmem(lower->ptr, span, rx->anchors[k], alen);
		if (hit && (size_t)(hit - lower->ptr) < first)
			first = (size_t)(hit - lower->ptr);
	}
	if (first == (size_t)-1)
		return first;
	li = document_line_at(doc, first);
	return doc->lines[li > 0 ? li - 1 : 0].off;
}

static int cmp_evidence(const void *a, const void *b)
{
	const struct evidence *x = a, *y = b;
	if (x->signal != y->signal)
		return x->signal < y->signal ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return 0;
}

int matcher_run(struct matcher *m, const struct document *doc, struct evidence_list *ev)
{
	const struct ruleset *rs = m->rs;
	const char *text = doc->text.ptr;
	size_t len = doc->text.len, si, i, w;
	int ret = 0;

	ev->n = 0;
	if (ev->nsignals != rs->nsignals) {
		free(ev->first);
		free(ev->count);
		ev->first = xcalloc(rs->nsignals + 1, sizeof(uint32_t));
		ev->count = xcalloc(rs->nsignals + 1, sizeof(uint32_t));
		ev->nsignals = rs->nsignals;
	}
	lowercase_text(&m->lower, text, len);
	for (si = 0; si < rs->nsignals; si++) {
		const struct signal *s = &rs->signals[si];
		size_t r;
		for (r = 0; r < s->nrx; r++) {
			const struct rx *rx = &s->rx[r];
			PCRE2_SIZE start = anchored_start(rx, &m->lower, doc);
			if (start == (PCRE2_SIZE)-1)
				continue;
			while (start < len) {
				PCRE2_SIZE *ov;
				size_t li;
				const struct doc_line *l;
				int rc = pcre2_match(rx->code, (PCRE2_SPTR)text, len, start,
						     PCRE2_NO_UTF_CHECK, m->md, m->mctx);
				if (rc < 0) {
					if (rc != PCRE2_ERROR_NOMATCH)
						ret = SG_ELIMIT;
					break;
				}
				ov = pcre2_get_ovector_pointer(m->md);
				if (ov[1] == ov[0]) {
					/* empty match: no evidence; step one character */
					start = ov[0] + 1;
					while (start < len && ((unsigned char)text[start] & 0xC0) == 0x80)
						start++;
					continue;
				}
				start = ov[1];
				li = document_line_at(doc, ov[0]);
				l = &doc->lines[li];
				if (rx->sections && !(rx->sections & (1u << l->section)))
					continue;
				if (s->nexclude && excluded(m, s, doc, l, ov[0], ov[1] - ov[0]))
					continue;
				add_hit(ev, si, li, ov[0], ov[1] - ov[0]);
			}
		}
	}
	if (ev->n > 1)
		qsort(ev->items, ev->n, sizeof(*ev->items), cmp_evidence);
	/* drop duplicates: several patterns of one signal hitting one place */
	for (i = 0, w = 0; i < ev->n; i++) {
		if (w && ev->items[w - 1].signal == ev->items[i].signal &&
		    ev->items[i].off < ev->items[w - 1].off + ev->items[w - 1].len)
			continue;
		ev->items[w++] = ev->items[i];
	}
	ev->n = w;
	memset(ev->count, 0, rs->nsignals * sizeof(uint32_t));
	for (i = ev->n; i-- > 0;) {
		ev->first[ev->items[i].signal] = (uint32_t)i;
		ev->count[ev->items[i].signal]++;
	}
	return ret;
}
