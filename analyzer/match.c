/*
 * match.c - the matcher. Input: a document and a compiled ruleset.
 * Output: evidence (signal, line, span) for every accepted hit; see
 * match.h.
 *
 * One pass over the lowercased text looks up every 2- and 3-byte prefix
 * in the ruleset's anchor index (rules.h) and notes, for each pattern,
 * the lines holding one of its anchors. PCRE2 then runs each such
 * pattern only on those lines (a match may start there and run on; the
 * offset limit stops new starts past the line), and the few patterns
 * without anchors over the whole text. PCRE2 decides every match; the
 * index only skips text that cannot hold one, so the evidence is the
 * same as running every pattern over everything (a unit test checks
 * that on every sample). Patterns are MULTILINE: '^'/'$' are line
 * anchors and '.' stops at line ends. Section restrictions and
 * exclusions are checked against the hit's line.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/*
 * Where one pattern runs: lines first..last, or for an exact pattern
 * (pattern_ref.exact) the byte offset `first` to try an anchored match at.
 */
struct window {
	uint32_t first, last;
	uint32_t next;      /* next window of the same pattern, or NONE */
};

#define NONE UINT32_MAX

struct matcher {
	const struct ruleset *rs;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	struct buf lower;   /* ASCII-lowercased text for the anchor lookups */
	int full_scan;      /* testing: run every pattern over the whole text */
	int presence;       /* stop a signal at its first accepted hit */
	unsigned char *want;  /* per pattern: its signal is looked for */
	/* per pattern, valid when stamp[p] == gen: its window list */
	uint32_t *stamp, *head, *tail;
	uint32_t gen;
	struct window *win;
	size_t nwin, awin;
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
	m->stamp = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->head = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->tail = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->want = xmalloc(rs->index.npatterns + 1);
	memset(m->want, 1, rs->index.npatterns + 1);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	buf_release(&m->lower);
	free(m->stamp);
	free(m->head);
	free(m->tail);
	free(m->want);
	free(m->win);
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

void matcher_set_full_scan(struct matcher *m, int on)
{
	m->full_scan = on;
}

void matcher_set_goal(struct matcher *m, const unsigned char *want, int presence)
{
	const struct anchor_index *ix = &m->rs->index;
	size_t p;
	for (p = 0; p < ix->npatterns; p++)
		m->want[p] = !want || want[ix->patterns[p].signal];
	m->presence = presence;
}

/* Note that pattern p may match on lines [first, last]. */
static void add_window(struct matcher *m, uint32_t p, uint32_t first, uint32_t last)
{
	struct window *w;
	if (m->stamp[p] == m->gen) {
		w = &m->win[m->tail[p]];
		if (m->rs->index.patterns[p].exact ? first == w->first : first <= w->last + 1) {
			/* lines (offsets) arrive in order: merge */
			if (last > w->last)
				w->last = last;
			return;
		}
	}
	m->win = xgrow(m->win, &m->awin, m->nwin + 1, sizeof(*m->win));
	w = &m->win[m->nwin];
	w->first = first;
	w->last = last;
	w->next = NONE;
	if (m->stamp[p] == m->gen) {
		m->win[m->tail[p]].next = (uint32_t)m->nwin;
	} else {
		m->stamp[p] = m->gen;
		m->head[p] = (uint32_t)m->nwin;
	}
	m->tail[p] = (uint32_t)m->nwin;
	m->nwin++;
}

/* Does byte c (a byte before or after an anchor occurrence) fit the edge? */
static int edge_ok(int edge, unsigned char c)
{
	if (edge == EDGE_ANY || c >= 0x80) /* non-ASCII: may be a letter or a space; keep */
		return 1;
	if (edge == EDGE_WORD)
		return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
	return c == ' ' || c == '\n' || c == '\t' || c == '-' || c == '\r' || c == '\f' || c == '\v';
}

static void note_anchor(struct matcher *m, const struct anchor *a, const unsigned char *t, size_t n,
			size_t i, uint32_t line)
{
	if (!m->want[a->pattern] || !edge_ok(a->before, i > 0 ? t[i - 1] : '\n') ||
	    !edge_ok(a->after, i + a->len < n ? t[i + a->len] : '\n'))
		return;
	if (m->rs->index.patterns[a->pattern].exact)
		add_window(m, a->pattern, (uint32_t)i, (uint32_t)i);
	else
		add_window(m, a->pattern, a->wrap && line > 0 ? line - 1 : line, line);
}

/* The one pass: every anchor occurrence becomes a window of its pattern. */
static void find_anchors(struct matcher *m)
{
	const struct anchor_index *ix = &m->rs->index;
	const unsigned char *t = (const unsigned char *)m->lower.ptr;
	size_t n = m->lower.len, i;
	uint32_t line = 0;

	for (i = 0; i < n; i++) {
		uint32_t h, k;
		if (t[i] == '\n') {
			line++;
			continue;
		}
		for (k = ix->first1[t[i]]; k < ix->first1[t[i] + 1]; k++)
			note_anchor(m, &ix->anchors[ix->list1[k]], t, n, i, line);
		if (i + 1 >= n)
			continue;
		h = anchor_hash2(t + i);
		if (ix->bits2[h >> 3] & (1u << (h & 7)))
			for (k = ix->first2[h]; k < ix->first2[h + 1]; k++)
				note_anchor(m, &ix->anchors[ix->list2[k]], t, n, i, line);
		if (i + 2 >= n)
			continue;
		h = anchor_hash3(t + i);
		if (!(ix->bits3[h >> 3] & (1u << (h & 7))))
			continue;
		for (k = ix->first3[h]; k < ix->first3[h + 1]; k++) {
			const struct anchor *a = &ix->anchors[ix->list3[k]];
			if (a->len <= n - i && memcmp(t + i, a->text, a->len) == 0)
				note_anchor(m, a, t, n, i, line);
		}
	}
}

/*
 * Run one pattern from byte `from`, letting matches start up to byte
 * `limit`; record the accepted hits. Returns SG_ELIMIT when PCRE2 hit
 * its match limit.
 */
static int run_pattern(struct matcher *m, const struct document *doc, size_t si, const struct rx *rx,
		       size_t from, size_t limit, struct evidence_list *ev, size_t *resume)
{
	const struct signal *s = &m->rs->signals[si];
	const char *text = doc->text.ptr;
	size_t len = doc->text.len;
	PCRE2_SIZE start = from;
	int ret = 0;

	if (resume) {
		/*
		 * exact: one try at `from`, unless a match already covers it. An
		 * offset limit equal to the start is an anchored try that JIT code
		 * can run (PCRE2_ANCHORED at match time would fall back to the
		 * interpreter).
		 */
		if (from < *resume)
			return 0;
		limit = from;
	}
	pcre2_set_offset_limit(m->mctx, limit >= len ? PCRE2_UNSET : limit);
	while (start < len && start <= limit) {
		PCRE2_SIZE *ov;
		size_t li;
		const struct doc_line *l;
		int rc = pcre2_match(rx->code, (PCRE2_SPTR)text, len, start, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
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
		if (resume)
			*resume = ov[1];
		li = document_line_at(doc, ov[0]);
		l = &doc->lines[li];
		if (rx->sections && !(rx->sections & (1u << l->section)))
			continue;
		if (s->nexclude && excluded(m, s, doc, l, ov[0], ov[1] - ov[0]))
			continue;
		add_hit(ev, si, li, ov[0], ov[1] - ov[0]);
		if (m->presence)
			break;
	}
	return ret;
}

/* Presence only, and signal s has its hit (patterns run in signal order). */
static int done(const struct matcher *m, const struct evidence_list *ev, uint32_t s)
{
	return m->presence && ev->n && ev->items[ev->n - 1].signal == s;
}

int matcher_run(struct matcher *m, const struct document *doc, struct evidence_list *ev)
{
	const struct ruleset *rs = m->rs;
	const struct anchor_index *ix = &rs->index;
	size_t len = doc->text.len, p, i, w;
	int ret = 0;

	ev->n = 0;
	if (ev->nsignals != rs->nsignals) {
		free(ev->first);
		free(ev->count);
		ev->first = xcalloc(rs->nsignals + 1, sizeof(uint32_t));
		ev->count = xcalloc(rs->nsignals + 1, sizeof(uint32_t));
		ev->nsignals = rs->nsignals;
	}
	if (++m->gen == 0) { /* stamps wrapped: forget them all */
		memset(m->stamp, 0, ix->npatterns * sizeof(uint32_t));
		m->gen = 1;
	}
	m->nwin = 0;
	if (!m->full_scan && doc->nlines) {
		lowercase_text(&m->lower, doc->text.ptr, len);
		find_anchors(m);
		for (i = 0; i < ix->nalways; i++)
			if (m->want[ix->always[i]])
				add_window(m, ix->always[i], 0, (uint32_t)doc->nlines - 1);
	}
	for (p = 0; p < ix->npatterns; p++) {
		const struct pattern_ref *ref = &ix->patterns[p];
		const struct rx *rx = &rs->signals[ref->signal].rx[ref->rx];
		uint32_t wi;
		size_t resume = 0;
		if (!m->want[p] || done(m, ev, ref->signal))
			continue;
		if (m->full_scan) {
			if (run_pattern(m, doc, ref->signal, rx, 0, len, ev, NULL) < 0)
				ret = SG_ELIMIT;
			continue;
		}
		if (m->stamp[p] != m->gen)
			continue;
		for (wi = m->head[p]; wi != NONE; wi = m->win[wi].next) {
			const struct window *win = &m->win[wi];
			int rc;
			if (done(m, ev, ref->signal))
				break;
			if (ref->exact) {
				rc = run_pattern(m, doc, ref->signal, rx, win->first, win->first, ev, &resume);
			} else {
				const struct doc_line *last = &doc->lines[win->last];
				rc = run_pattern(m, doc, ref->signal, rx, doc->lines[win->first].off,
						 last->off + last->len, ev, NULL);
			}
			if (rc < 0)
				ret = SG_ELIMIT;
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
