/*
 * match.c - the matcher. Input: a document and a compiled ruleset.
 * Output: evidence (signal, line, span) for every accepted hit; see
 * match.h.
 *
 * One pass over the lowercased text looks up the ruleset's anchors
 * (rules.h) in tables built per matcher (struct scan): each ASCII word in
 * a hash of the anchors that are whole words, each word start in a
 * two-byte table of the anchors that need one, each word end in a
 * two-byte table of the anchors that end there, and the bytes that can
 * begin one of the few others. It notes, for each pattern, the lines
 * holding one of its anchors (outside the pattern's sections: not
 * noted), or for exact patterns the offsets (a check in C that the
 * anchor's whole term can be there waits until the window runs), and
 * the lines holding a co-anchor. PCRE2 then runs each such pattern only
 * on those lines (a match may start there and run on; the offset limit
 * stops new starts past the line), with co-anchors only on lines that
 * hold one too, or at those offsets, and the few patterns without
 * anchors over the whole text. PCRE2 decides every match; the index only
 * skips text that cannot hold one, so the evidence is the same as
 * running every pattern over everything (test_match and the fuzz_match
 * target check that). Patterns are MULTILINE: '^'/'$' are line
 * anchors and '.' stops at line ends. Section restrictions and
 * exclusions are checked against the hit's line; an exclude pattern
 * runs only on a line that holds one of its literals, and only for
 * matches that start before the hit ends.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include <assert.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"

/*
 * Where one pattern runs: lines first..last, or for an exact pattern
 * (pattern_ref.exact) the byte offset `first` to try an anchored match at
 * and, in `last`, the line it is on.
 */
struct window {
	uint32_t first, last;
	uint32_t next;      /* next window of the same pattern, or NONE */
	uint32_t anchor;    /* exact: the anchor whose term term_may_match() checks first, or NONE */
};

#define NONE UINT32_MAX

#define SCAN_FILTER_BITS 32768u

/*
 * On a line of XSPAN_MIN_LINE bytes or more, once XSPAN_AFTER hits have
 * been checked against one exclude pattern, its matches on the line are
 * found once and kept for the document (struct xspan_slot): a long line
 * (a resume without line breaks) holds many hits, and searching it from
 * its start for each would cost hits x length. The first few hits are
 * searched for as on any line: with one hit per signal (score), a whole
 * line's matches would cost more.
 */
#define XSPAN_MIN_LINE 512u
#define XSPAN_AFTER 4u
#define XSPAN_SLOTS 64u

/* One exclude pattern on one line: the hits checked so far, then its matches, spans xspan[2 * first ..]. */
struct xspan_slot {
	const struct rx *x;
	uint32_t gen, line;  /* valid when gen == matcher.gen */
	uint32_t checks;     /* hits checked (XSPAN_AFTER: the spans are there) */
	uint32_t first, n;
	int cut;             /* a match-limit error ended the list: search per hit instead */
};

/* Whole-word anchors with one text: ids word_ids[first .. first + count). */
struct word_slot {
	const char *text;   /* NULL: empty slot */
	uint64_t head;      /* its first 8 bytes (zero-padded): head8() */
	uint32_t hash, len, first, count;
};

/* An anchor in a two-byte table: its first (up to) eight bytes, for a quick test. */
struct pair_entry {
	uint64_t pre, mask;      /* (8 text bytes & mask) == pre when the prefix is there (head8()) */
	uint32_t id;             /* index into index.anchors */
	unsigned char next;      /* term_next() */
};

/* Anchors by a hash of their first (KIND_END: last) two bytes: bucket b is list[first[b] .. first[b + 1]). */
struct pair_table {
	uint32_t *first;         /* PAIR_BUCKETS + 1 */
	struct pair_entry *list;
	/* filter: bit triple_of() of every anchor's first 3 bytes (2-byte anchors: with any 3rd) */
	unsigned char bits[65536 / 8];
};

/*
 * The lookup tables over the wanted anchors (matcher_set_goal). An
 * anchor made of ASCII word bytes with a word or space edge on both
 * sides can only occur as a whole ASCII word: those are found by
 * hashing each word of the text. Other anchors that need a word or space
 * edge before them and begin with a word byte can only occur where an
 * ASCII word starts: they are looked up by their first two bytes there.
 * Of the rest, those that end in a word byte with an edge after them
 * end where an ASCII word does (KIND_END: looked up by their last two
 * bytes there); the others are looked up by their first two bytes (or
 * their one byte) at each byte that can begin one.
 */
struct scan {
	unsigned char maybe[SCAN_FILTER_BITS / 8]; /* bit maybe_bit() of each word anchor */
	struct word_slot *slots;
	uint32_t mask;           /* slots - 1, a power of two minus one */
	uint32_t *word_ids;
	unsigned char *word_next;   /* term_next() of each word_ids entry */
	uint32_t max_word;       /* longest whole-word anchor */
	struct pair_table start, any, end;
	uint32_t first1[257], *list1;
	unsigned char cls[256];  /* per byte: CLS_WORD, CLS_ONE (begins a one-byte anchor), CLS_ANY */
	int any_in_words;        /* an ANY or ONE anchor begins with a word byte */
};

#define CLS_WORD 1u
#define CLS_ONE 2u
#define CLS_ANY 4u               /* the first byte of an anchor in the `any` table */

struct matcher {
	const struct ruleset *rs;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_match_context *xctx;  /* for exclude patterns, whose offset limit is their own */
	struct buf lower;   /* ASCII-lowercased text for the anchor lookups */
	uint64_t *wmask;    /* bit i: lower[i] is an ASCII word byte; zero words past the end */
	size_t awmask;
	int full_scan;      /* testing: run every pattern over the whole text */
	int presence;       /* stop a signal at its first accepted hit */
	unsigned char *want;  /* per pattern: its signal is looked for */
	struct scan scan;
	uint32_t *sections;   /* per pattern: its rx.sections (0: any) */
	const struct document *doc;  /* during matcher_run */
	/* per pattern, valid when stamp[p] == gen: its window list */
	uint32_t *stamp, *head, *tail;
	/* per pattern with co-anchors, valid when co_stamp[p] == gen: the lines holding one */
	uint32_t *co_stamp, *co_head, *co_tail;
	uint32_t gen;
	struct window *win;
	size_t nwin, awin;
	struct xspan_slot xslot[XSPAN_SLOTS];
	uint32_t *xspan;    /* start, end of each exclude match kept (reset per document) */
	size_t nxspan, axspan;
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

/* ASCII bytes that make up words (the text is lowercased first). */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* 0xFF in the first n (< 8) bytes of a word in memory order, whatever the byte order. */
static const unsigned char ones8[16] = { 255, 255, 255, 255, 255, 255, 255, 255 };

/* The first min(n, 8) bytes at s as a word, the rest zero; s has 8 readable bytes. */
static inline uint64_t head8(const unsigned char *s, size_t n)
{
	uint64_t v, mask;
	memcpy(&v, s, 8);
	if (n >= 8)
		return v;
	memcpy(&mask, ones8 + 8 - n, 8);
	return v & mask;
}

/* head8() of a word that may end its buffer: the bytes are copied. */
static uint64_t head8_copy(const unsigned char *s, size_t n)
{
	unsigned char b[8] = { 0 };
	uint64_t v;
	memcpy(b, s, n < 8 ? n : 8);
	memcpy(&v, b, 8);
	return v;
}

static int space_or_hyphen(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '-';
}

/*
 * The byte an exact term needs next, after its anchor and the spaces or
 * hyphens that follow it; 0 when that is not a plain ASCII byte (or the
 * term ends). A quick filter before term_may_match(), which takes every
 * space or hyphen at that point too.
 */
static unsigned char term_next(const struct anchor *a)
{
	const unsigned char *p;
	if (!a->term)
		return 0;
	for (p = (const unsigned char *)a->term + a->len; *p == ' ' || *p == '-'; p++)
		;
	return *p < 0x80 && !space_or_hyphen(*p) ? *p : 0;
}

/* The text byte after t[j..] and any spaces or hyphens there; 0 at the end. */
static unsigned char text_next(const unsigned char *t, size_t n, size_t j)
{
	while (j < n && space_or_hyphen(t[j]))
		j++;
	return j < n ? t[j] : 0;
}

/* Can an anchor whose term needs `need` next be at a place followed by `got`? */
static int next_ok(unsigned char need, unsigned char got)
{
	return !need || got == need || got >= 0x80;
}

enum anchor_kind { KIND_WORD, KIND_START, KIND_END, KIND_ANY, KIND_ONE };
#define NOT_WANTED 0xFFu

/* Which table an anchor of pattern ref goes in. */
static enum anchor_kind anchor_kind(const struct anchor *a, const struct pattern_ref *ref)
{
	uint32_t k;
	if (a->len < 2 && !(a->before != EDGE_ANY && a->after != EDGE_ANY && word_byte((unsigned char)a->text[0])))
		return KIND_ONE;
	if (a->before == EDGE_ANY || !word_byte((unsigned char)a->text[0])) {
		/*
		 * It ends where an ASCII word does: looked up at word ends, by
		 * its last two bytes. Not for an exact pattern, whose offsets
		 * must arrive in text order (an END anchor is noted at its end).
		 */
		if (a->after != EDGE_ANY && word_byte((unsigned char)a->text[a->len - 1]) && (!ref->exact || a->co))
			return KIND_END;
		return KIND_ANY;
	}
	if (a->after == EDGE_ANY)
		return KIND_START;
	for (k = 0; k < a->len; k++)
		if (!word_byte((unsigned char)a->text[k]))
			return KIND_START;
	return KIND_WORD;
}

/*
 * The bucket of a pair table for two bytes: a hash, so the table stays
 * small (its entries are checked byte by byte anyway).
 */
#define PAIR_BUCKETS 4096u

static uint32_t pair_of(const unsigned char *t)
{
	return ((uint32_t)t[0] << 4 ^ t[1]) & (PAIR_BUCKETS - 1);
}

/* A 16-bit hash of three bytes (t has a 4th readable byte). */
static uint32_t triple_of(const unsigned char *t)
{
	uint32_t v = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16;
	return (v * 0x9E3779B1u) >> 16;
}

static void pair_release(struct pair_table *pt)
{
	free(pt->first);
	free(pt->list);
	memset(pt, 0, sizeof(*pt));
}

static void scan_release(struct scan *sc)
{
	free(sc->slots);
	free(sc->word_ids);
	free(sc->word_next);
	pair_release(&sc->start);
	pair_release(&sc->end);
	pair_release(&sc->any);
	free(sc->list1);
	memset(sc, 0, sizeof(*sc));
}

/*
 * A hash of a lowercase word from its first 8 bytes (head8()) and its
 * length: one multiply. Its top 15 bits pick the word's filter bit
 * (maybe_bit), the 32 below them its slot. Words alike in their first 8
 * bytes and length share a slot chain; word_slot() compares the rest.
 */
static inline uint64_t word_key(uint64_t head, size_t n)
{
	return (head ^ n) * 0x9E3779B97F4A7C15u;
}

static inline uint32_t maybe_bit(uint64_t key)
{
	return (uint32_t)(key >> 49) % SCAN_FILTER_BITS;
}

static inline uint32_t slot_hash(uint64_t key)
{
	return (uint32_t)(key >> 17);
}

/* The slot of a word (`head` = its head8()): its own, or the empty one where it would go. */
static struct word_slot *word_slot(const struct scan *sc, const unsigned char *w, size_t n, uint32_t h,
				   uint64_t head)
{
	uint32_t i = h & sc->mask;
	while (sc->slots[i].text &&
	       (sc->slots[i].hash != h || sc->slots[i].len != n || sc->slots[i].head != head ||
		(n > 8 && memcmp(sc->slots[i].text + 8, w + 8, n - 8) != 0)))
		i = (i + 1) & sc->mask;
	return &sc->slots[i];
}

/*
 * Fill a pair table with the wanted anchors of one kind (keeping their
 * order), keyed by their first two bytes, or for KIND_END their last two.
 */
static void pair_build(struct pair_table *pt, const struct anchor_index *ix, const unsigned char *kinds,
		       enum anchor_kind kind)
{
	uint32_t *fill;
	size_t k;

	pt->first = xcalloc(PAIR_BUCKETS + 1, sizeof(uint32_t));
	for (k = 0; k < ix->nanchors; k++) {
		const struct anchor *a = &ix->anchors[k];
		if (kinds[k] == kind)
			pt->first[pair_of((const unsigned char *)a->text + (kind == KIND_END ? a->len - 2 : 0)) + 1]++;
	}
	for (k = 0; k < PAIR_BUCKETS; k++)
		pt->first[k + 1] += pt->first[k];
	pt->list = xcalloc(pt->first[PAIR_BUCKETS] + 1, sizeof(*pt->list));
	fill = xmalloc(PAIR_BUCKETS * sizeof(uint32_t));
	memcpy(fill, pt->first, PAIR_BUCKETS * sizeof(uint32_t));
	for (k = 0; k < ix->nanchors; k++) {
		const struct anchor *a = &ix->anchors[k];
		const unsigned char *key = (const unsigned char *)a->text + (kind == KIND_END ? a->len - 2 : 0);
		uint32_t b, j;
		struct pair_entry *e;
		if (kinds[k] != kind)
			continue;
		b = pair_of(key);
		e = &pt->list[fill[b]++];
		e->id = (uint32_t)k;
		e->next = term_next(a);
		e->pre = head8_copy((const unsigned char *)a->text, a->len);
		e->mask = head8_copy(ones8, a->len);
		/*
		 * The filter: the 3 bytes from the key on (at the end: the 3
		 * ending there). After a 2-byte anchor at the start, only a byte
		 * its term can go on with: the one it needs next, a space or
		 * hyphen before it, or non-ASCII (see entry_at()). Words that
		 * merely begin like a short anchor ("de" in "design") stop here.
		 */
		for (j = 0; j < 256; j++) {
			unsigned char three[3];
			uint32_t h;
			if (a->len < 3 && kind != KIND_END && e->next && !next_ok(e->next, (unsigned char)j) &&
			    !space_or_hyphen((unsigned char)j))
				continue;
			if (kind == KIND_END) {
				three[0] = a->len >= 3 ? key[-1] : (unsigned char)j;
				three[1] = key[0];
				three[2] = key[1];
			} else {
				three[0] = key[0];
				three[1] = key[1];
				three[2] = a->len >= 3 ? key[2] : (unsigned char)j;
			}
			h = triple_of(three);
			pt->bits[h >> 3] |= (unsigned char)(1u << (h & 7));
			if (a->len >= 3)
				break;
		}
	}
	free(fill);
}

/* Build the lookup tables over the anchors of wanted patterns. */
static void scan_build(struct scan *sc, const struct anchor_index *ix, const unsigned char *want)
{
	size_t k, nwords = 0, nslots = 16;
	uint32_t fill[257];
	int pass;
	/* each anchor's table, once (NOT_WANTED: its pattern is not looked for) */
	unsigned char *kinds = xmalloc(ix->nanchors + 1);

	scan_release(sc);
	for (k = 0; k < ix->nanchors; k++) {
		kinds[k] = want[ix->anchors[k].pattern]
				   ? (unsigned char)anchor_kind(&ix->anchors[k], &ix->patterns[ix->anchors[k].pattern])
				   : NOT_WANTED;
		nwords += kinds[k] == KIND_WORD;
	}
	while (nslots < 4 * nwords)
		nslots *= 2;
	sc->slots = xcalloc(nslots, sizeof(*sc->slots));
	sc->mask = (uint32_t)(nslots - 1);
	sc->word_ids = xcalloc(nwords + 1, sizeof(uint32_t));
	sc->word_next = xcalloc(nwords + 1, 1);
	/* pass 0 counts per word slot and per byte, pass 1 fills (CSR), keeping anchor order */
	for (pass = 0; pass < 2; pass++) {
		for (k = 0; k < ix->nanchors; k++) {
			const struct anchor *a = &ix->anchors[k];
			const unsigned char *t = (const unsigned char *)a->text;
			enum anchor_kind kind = (enum anchor_kind)kinds[k];
			if (kinds[k] == NOT_WANTED)
				continue;
			if (pass && (kind == KIND_ANY || kind == KIND_ONE) && word_byte(t[0]))
				sc->any_in_words = 1;
			if (pass && kind == KIND_ANY)
				sc->cls[t[0]] |= CLS_ANY;
			if (kind == KIND_WORD) {
				uint64_t hv = head8_copy(t, a->len), key = word_key(hv, a->len);
				uint32_t h = slot_hash(key);
				struct word_slot *sl = word_slot(sc, t, a->len, h, hv);
				if (pass) {
					sc->word_next[sl->first + sl->count] = term_next(a);
					sc->word_ids[sl->first + sl->count++] = (uint32_t)k;
					continue;
				}
				if (!sl->text) {
					sl->text = a->text;
					sl->head = hv;
					sl->hash = h;
					sl->len = a->len;
				}
				sl->count++;
				sc->maybe[maybe_bit(key) / 8] |= (unsigned char)(1u << (maybe_bit(key) & 7));
				if (a->len > sc->max_word)
					sc->max_word = a->len;
			} else if (kind == KIND_ONE && pass) {
				sc->list1[fill[t[0]]++] = (uint32_t)k;
				sc->cls[t[0]] |= CLS_ONE;
			} else if (kind == KIND_ONE) {
				sc->first1[t[0] + 1]++;
			}
		}
		if (pass)
			break;
		for (k = 0, nwords = 0; k < nslots; k++) {
			sc->slots[k].first = (uint32_t)nwords;
			nwords += sc->slots[k].count;
			sc->slots[k].count = 0;
		}
		for (k = 0; k < 256; k++)
			sc->first1[k + 1] += sc->first1[k];
		sc->list1 = xcalloc(sc->first1[256] + 1, sizeof(uint32_t));
		memcpy(fill, sc->first1, sizeof(fill));
	}
	for (k = 0; k < 256; k++)
		if (word_byte((unsigned char)k))
			sc->cls[k] |= CLS_WORD;
	pair_build(&sc->start, ix, kinds, KIND_START);
	pair_build(&sc->end, ix, kinds, KIND_END);
	pair_build(&sc->any, ix, kinds, KIND_ANY);
	free(kinds);
}

void matcher_set_goal(struct matcher *m, const unsigned char *want, int presence)
{
	const struct anchor_index *ix = &m->rs->index;
	size_t p;
	for (p = 0; p < ix->npatterns; p++)
		m->want[p] = !want || want[ix->patterns[p].signal];
	m->presence = presence;
	scan_build(&m->scan, ix, m->want);
}

struct matcher *matcher_new(const struct ruleset *rs)
{
	struct matcher *m = xcalloc(1, sizeof(*m));
	size_t p;
	m->rs = rs;
	m->md = pcre2_match_data_create(16, NULL);
	m->mctx = pcre2_match_context_create(NULL);
	m->xctx = pcre2_match_context_create(NULL);
	if (!m->md || !m->mctx || !m->xctx) {
		matcher_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, MATCH_DEPTH_LIMIT);
	pcre2_set_match_limit(m->xctx, MATCH_LIMIT);
	pcre2_set_depth_limit(m->xctx, MATCH_DEPTH_LIMIT);
	m->stamp = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->head = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->tail = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->co_stamp = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->co_head = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->co_tail = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	m->want = xmalloc(rs->index.npatterns + 1);
	m->sections = xcalloc(rs->index.npatterns + 1, sizeof(uint32_t));
	for (p = 0; p < rs->index.npatterns; p++) {
		const struct pattern_ref *ref = &rs->index.patterns[p];
		m->sections[p] = rs->signals[ref->signal].rx[ref->rx].sections;
	}
	matcher_set_goal(m, NULL, 0);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_match_context_free(m->xctx);
	buf_release(&m->lower);
	free(m->wmask);
	free(m->stamp);
	free(m->head);
	free(m->tail);
	free(m->co_stamp);
	free(m->co_head);
	free(m->co_tail);
	free(m->want);
	free(m->sections);
	scan_release(&m->scan);
	free(m->win);
	free(m->xspan);
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

/* The number of trailing zero bits of x (x != 0). */
static inline int ctz64(uint64_t x)
{
#if defined(__GNUC__)
	return __builtin_ctzll(x);
#else
	int k = 0;
	while (!(x & 1))
		x >>= 1, k++;
	return k;
#endif
}

/*
 * Does s[0..n) hold the literal lit[0..len) (len >= 1)? Places are found
 * by the literal's first two bytes, 16 places at a time where SSE2 is
 * there: in most lines the literal is not, and its first byte is common.
 */
static int holds(const char *s, size_t n, const char *lit, size_t len)
{
	size_t i = 0;
	if (len > n)
		return 0;
	if (len == 1)
		return memchr(s, lit[0], n) != NULL;
#if defined(__SSE2__)
	{
		const __m128i first = _mm_set1_epi8(lit[0]), second = _mm_set1_epi8(lit[1]);
		for (; i + 17 <= n; i += 16) { /* s[i .. i + 16] */
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
			unsigned at = (unsigned)_mm_movemask_epi8(
				_mm_and_si128(_mm_cmpeq_epi8(x, first), _mm_cmpeq_epi8(y, second)));
			for (; at; at &= at - 1) {
				size_t j = i + (size_t)ctz64(at);
				if (j + len <= n && memcmp(s + j + 2, lit + 2, len - 2) == 0)
					return 1;
			}
		}
	}
#endif
	for (; i + len <= n; i++)
		if (s[i] == lit[0] && s[i + 1] == lit[1] && memcmp(s + i + 2, lit + 2, len - 2) == 0)
			return 1;
	return 0;
}

/*
 * pcre2_match() for our calls: the JIT fast path (pcre2_jit_match, which
 * skips pcre2_match's checks of arguments we always pass right) when the
 * pattern has JIT code, else the interpreter. The subject is valid UTF-8
 * (the document stage makes it so), and the match context's limits hold
 * on either path.
 */
static int match_at(const pcre2_code *code, const char *s, size_t n, size_t start, pcre2_match_data *md,
		    pcre2_match_context *mc)
{
	int rc = pcre2_jit_match(code, (PCRE2_SPTR)s, n, start, 0, md, mc);
	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(code, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, md, mc);
	return rc;
}

/* Can exclude pattern x match on line l? Not when the line holds none of its literals. */
static int may_exclude(const struct matcher *m, const struct rx *x, const struct doc_line *l)
{
	uint32_t k;
	if (!x->nneed || m->full_scan)
		return 1; /* no literals known, or no lowercased text to look in */
	for (k = 0; k < x->nneed; k++)
		if (holds(m->lower.ptr + l->off, l->len, x->need[k].text, x->need[k].len))
			return 1;
	return 0;
}

/* The byte after the character at s[i] (s[0..n) is valid UTF-8). */
static size_t next_char(const char *s, size_t n, size_t i)
{
	for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
		;
	return i;
}

/* Does the span [s, e) overlap the hit [hs, he)? (An empty span counts inside it.) */
static int overlaps(size_t s, size_t e, size_t hs, size_t he)
{
	return s < he && (e > hs || (s == e && s >= hs));
}

/*
 * The next match of exclude pattern x on a line (s[0..n)) from *start
 * on, into span; *start moves past it (past an empty one, by a
 * character). The offset limit set in m->xctx applies. Returns PCRE2's
 * answer: below 0, no match (or the match limit).
 */
static int exclude_next(struct matcher *m, const struct rx *x, const char *s, size_t n, PCRE2_SIZE *start,
			PCRE2_SIZE span[2])
{
	int rc = match_at(x->code, s, n, *start, m->md, m->xctx);
	if (rc >= 0) {
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
		span[0] = ov[0];
		span[1] = ov[1];
		*start = ov[1] > ov[0] ? ov[1] : next_char(s, n, ov[0]);
	}
	return rc;
}

/*
 * Every match of exclude pattern x on line li (l), in order, found once
 * per document; NULL while fewer than XSPAN_AFTER hits asked.
 */
static const struct xspan_slot *xspans(struct matcher *m, const struct rx *x, const struct doc_line *l,
				       uint32_t li)
{
	struct xspan_slot *sl = &m->xslot[((uintptr_t)x / sizeof(*x) * 31u + li) % XSPAN_SLOTS];
	const char *line = m->doc->text.ptr + l->off;
	PCRE2_SIZE start = 0, span[2];
	int rc = 0;

	if (sl->gen != m->gen || sl->x != x || sl->line != li) {
		sl->gen = m->gen;
		sl->x = x;
		sl->line = li;
		sl->checks = 0;
	}
	if (sl->checks == XSPAN_AFTER)
		return sl;
	if (++sl->checks < XSPAN_AFTER)
		return NULL;
	sl->first = (uint32_t)(m->nxspan / 2);
	sl->n = 0;
	sl->cut = 0;
	if (!may_exclude(m, x, l))
		return sl;
	pcre2_set_offset_limit(m->xctx, PCRE2_UNSET);
	while (start <= l->len && (rc = exclude_next(m, x, line, l->len, &start, span)) >= 0) {
		m->xspan = xgrow(m->xspan, &m->axspan, m->nxspan + 2, sizeof(uint32_t));
		m->xspan[m->nxspan++] = (uint32_t)span[0];
		m->xspan[m->nxspan++] = (uint32_t)span[1];
		sl->n++;
	}
	sl->cut = rc < 0 && rc != PCRE2_ERROR_NOMATCH;
	return sl;
}

/*
 * Does a span of the list sp (n spans in order: starts and ends both
 * rise) overlap the hit [hs, he)? The first span that ends at hs or
 * later, by bisection, then the few after it that start before he.
 */
static int spans_overlap(const uint32_t *sp, uint32_t n, size_t hs, size_t he)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (sp[2 * mid + 1] < hs)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && sp[2 * lo] < he; lo++)
		if (overlaps(sp[2 * lo], sp[2 * lo + 1], hs, he))
			return 1;
	return 0;
}

/* Does an exclude pattern of `s` match a span overlapping [off, off+len) on the line? */
static int excluded(struct matcher *m, const struct signal *s, const struct document *doc,
		    const struct doc_line *l, size_t off, size_t len)
{
	const char *line = doc->text.ptr + l->off;
	size_t hs = off - l->off, he = hs + len, k;

	for (k = 0; k < s->nexclude; k++) {
		PCRE2_SIZE start = 0, span[2];
		/* a full scan (testing) searches hit by hit, the reference for this */
		if (l->len >= XSPAN_MIN_LINE && !m->full_scan) {
			const struct xspan_slot *sl = xspans(m, &s->exclude[k], l, (uint32_t)(l - doc->lines));
			if (sl && !sl->cut) {
				if (sl->n && spans_overlap(m->xspan + 2 * (size_t)sl->first, sl->n, hs, he))
					return 1;
				continue;
			}
		}
		if (!may_exclude(m, &s->exclude[k], l))
			continue;
		/* only a match that starts before the hit's end can overlap it */
		pcre2_set_offset_limit(m->xctx, he - 1);
		while (start <= l->len && exclude_next(m, &s->exclude[k], line, l->len, &start, span) >= 0) {
			if (overlaps(span[0], span[1], hs, he))
				return 1;
			if (span[0] >= he)
				break;
		}
	}
	return 0;
}

/*
 * The lowercased copy the anchors are looked up in, byte for byte the
 * same length as the text, and the bit mask of its ASCII word bytes
 * (wmask). The two non-ASCII letters that PCRE2's caseless matching
 * folds to ASCII letters (KELVIN SIGN, LONG S) never reach here:
 * document normalization folds them to K and s.
 */
static void lowercase_text(struct matcher *m, const char *s, size_t n)
{
	struct buf *out = &m->lower;
	size_t nw = n / 64 + 2, i = 0;
	unsigned char *d;
	uint64_t *wm;

	buf_truncate(out, 0);
	buf_grow(out, n + 8);
	d = (unsigned char *)out->ptr;
	m->wmask = xgrow(m->wmask, &m->awmask, nw, sizeof(uint64_t));
	wm = m->wmask;
	memset(wm, 0, nw * sizeof(uint64_t));
#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {
		/* signed compares: bytes 0x80 and up are negative, in no range */
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
					   _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
		__m128i w;
		x = _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
		_mm_storeu_si128((__m128i *)(void *)(d + i), x);
		w = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)),
					       _mm_cmplt_epi8(x, _mm_set1_epi8('z' + 1))),
				 _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
							    _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1))),
					      _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))));
		wm[i / 64] |= (uint64_t)(unsigned)_mm_movemask_epi8(w) << (i % 64);
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		d[i] = (unsigned char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
		if (word_byte(d[i]))
			wm[i / 64] |= (uint64_t)1 << (i % 64);
	}
	out->len = n;
	memset(d + n, 0, 8); /* the anchor lookups read 4 or 8 bytes at a time */
}

/* Where the ASCII word at i ends: the first byte from i on that is no word byte. */
static size_t word_end(const uint64_t *wm, size_t i)
{
	size_t k = i / 64;
	uint64_t x = ~wm[k] >> (i % 64);
	while (!x) /* the zero words past the end stop this */
		x = ~wm[++k], i = k * 64;
	return i + (size_t)ctz64(x);
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

/* Append a window to the list of pattern p kept in stamp/head/tail. */
static void list_append(struct matcher *m, uint32_t *stamp, uint32_t *head, uint32_t *tail, uint32_t p,
			uint32_t first, uint32_t last, uint32_t anchor)
{
	struct window *w;
	m->win = xgrow(m->win, &m->awin, m->nwin + 1, sizeof(*m->win));
	w = &m->win[m->nwin];
	w->first = first;
	w->last = last;
	w->next = NONE;
	w->anchor = anchor;
	if (stamp[p] == m->gen) {
		m->win[tail[p]].next = (uint32_t)m->nwin;
	} else {
		stamp[p] = m->gen;
		head[p] = (uint32_t)m->nwin;
	}
	tail[p] = (uint32_t)m->nwin;
	m->nwin++;
}

/*
 * Note that pattern p may match on lines [first, last], or for an exact
 * pattern at offset `first` (on line `last`) once the term of `anchor`
 * (NONE: no check) passes term_may_match(). That check waits until the
 * window is run: with presence only, most windows never are.
 */
static void add_window(struct matcher *m, uint32_t p, uint32_t first, uint32_t last, uint32_t anchor)
{
	if (m->stamp[p] == m->gen) {
		struct window *w = &m->win[m->tail[p]];
		if (m->rs->index.patterns[p].exact ? first == w->first : first <= w->last + 1) {
			/* lines (offsets) arrive in order: merge */
			if (last > w->last)
				w->last = last;
			if (w->anchor != anchor)
				w->anchor = NONE; /* two terms at one offset: PCRE2 decides */
			return;
		}
	}
	list_append(m, m->stamp, m->head, m->tail, p, first, last, anchor);
}

/* Note that a co-anchor of pattern p is on line `line` (lines arrive in order). */
static void add_co(struct matcher *m, uint32_t p, uint32_t line)
{
	if (m->co_stamp[p] == m->gen && m->win[m->co_tail[p]].first == line)
		return;
	list_append(m, m->co_stamp, m->co_head, m->co_tail, p, line, line, NONE);
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

/*
 * Can the lowercase term match at t[i]? 0 only when it cannot, by the
 * pattern rules_terms_to_pattern() makes: ' ' is [\s-]+, '-' is [\s-]?,
 * every other byte stands for itself (ASCII letters in either case),
 * and a term ending in a word byte, '+' or '#' cannot run on into
 * [a-z0-9_+#] (other endings: into [a-z0-9_]). A non-ASCII byte in the
 * text or the term may be a Unicode space or case variant: "maybe".
 */
static int term_may_match(const unsigned char *t, size_t n, size_t i, const char *term)
{
	const unsigned char *p = (const unsigned char *)term;
	unsigned char last = 0;

	while (*p) {
		if (*p == ' ' || *p == '-') {
			/* a run of them: [\s-]+ if it holds a space, else at most that many [\s-]? */
			int need = 0;
			for (; *p == ' ' || *p == '-'; p++)
				need |= *p == ' ';
			if (!*p || space_or_hyphen(*p))
				return 1; /* a term ending in one, or a literal tab next: not worth exactness */
			if (need && i < n && t[i] < 0x80 && !space_or_hyphen(t[i]))
				return 0;
			/* the next term byte is no space or hyphen: a match takes all of them */
			while (i < n && space_or_hyphen(t[i]))
				i++;
		}
		if (*p >= 0x80 || (i < n && t[i] >= 0x80))
			return 1;
		if (i >= n || t[i] != *p)
			return 0;
		last = *p++;
		i++;
	}
	if (i >= n || t[i] >= 0x80)
		return 1;
	if (word_byte(last) || last == '+' || last == '#')
		return !(word_byte(t[i]) || t[i] == '+' || t[i] == '#');
	return !word_byte(t[i]);
}

/* Does pattern p count on line `line` (or, for a wrapping anchor, the line before)? */
static int section_ok(const struct matcher *m, uint32_t p, int wrap, uint32_t line)
{
	uint32_t secs = m->sections[p];
	const struct doc_line *l = m->doc->lines;
	return !secs || (secs & (1u << l[line].section)) ||
	       (wrap && line > 0 && (secs & (1u << l[line - 1].section)));
}

static void note_anchor(struct matcher *m, const struct anchor *a, const unsigned char *t, size_t n,
			size_t i, uint32_t line)
{
	if (!section_ok(m, a->pattern, a->wrap, line))
		return; /* a hit there would be dropped */
	if (!edge_ok(a->before, i > 0 ? t[i - 1] : '\n') ||
	    !edge_ok(a->after, i + a->len < n ? t[i + a->len] : '\n'))
		return;
	if (a->co) {
		add_co(m, a->pattern, line);
	} else if (m->rs->index.patterns[a->pattern].exact) {
		add_window(m, a->pattern, (uint32_t)i, line,
			   a->term ? (uint32_t)(a - m->rs->index.anchors) : NONE);
	} else {
		add_window(m, a->pattern, a->wrap && line > 0 ? line - 1 : line, line, NONE);
	}
}

/* May an anchor of the pair table occur at t[i]? (a filter: no means no) */
static inline int pair_maybe(const struct pair_table *pt, const unsigned char *t)
{
	uint32_t h = triple_of(t);
	return (pt->bits[h >> 3] >> (h & 7)) & 1;
}

/* Is the anchor of pair entry e at t[i], followed by what its term needs? */
static inline const struct anchor *entry_at(const struct matcher *m, const struct pair_entry *e,
					    const unsigned char *t, size_t n, size_t i)
{
	const struct anchor *a;
	uint64_t w;
	memcpy(&w, t + i, 8);
	if ((w & e->mask) != e->pre)
		return NULL;
	a = &m->rs->index.anchors[e->id];
	if (e->next && !next_ok(e->next, text_next(t, n, i + a->len)))
		return NULL;
	if (a->len > n - i || (a->len > 8 && memcmp(t + i + 8, a->text + 8, a->len - 8) != 0))
		return NULL;
	return a;
}

/* The anchors of a pair table that occur at t[i] (t has 8 readable bytes past n). */
static void note_pairs(struct matcher *m, const struct pair_table *pt, const unsigned char *t, size_t n,
		       size_t i, uint32_t line)
{
	uint32_t b = pair_of(t + i), k;
	const struct anchor *a;
	for (k = pt->first[b]; k < pt->first[b + 1]; k++)
		if ((a = entry_at(m, &pt->list[k], t, n, i)) != NULL)
			note_anchor(m, a, t, n, i, line);
}

/* The anchors of the END table that end at t[e] (e >= 2), where a word ends. */
static void note_ends(struct matcher *m, const struct pair_table *pt, const unsigned char *t, size_t n,
		      size_t e, uint32_t line)
{
	uint32_t b = pair_of(t + e - 2), k;
	const struct anchor *a;
	for (k = pt->first[b]; k < pt->first[b + 1]; k++) {
		uint32_t len = m->rs->index.anchors[pt->list[k].id].len;
		if (len <= e && (a = entry_at(m, &pt->list[k], t, n, e - len)) != NULL)
			note_anchor(m, a, t, n, e - len, line);
	}
}

/*
 * The one pass: every anchor occurrence becomes a window of its pattern.
 * Occurrences are noted in text order (at a word's start, its whole-word
 * anchors first; END anchors at the word's end), which add_window relies
 * on: for exact patterns by offset (they have no END anchors), for the
 * others by line. The text ends in NUL padding, which is no word byte
 * and no anchor byte.
 */
static void find_anchors(struct matcher *m)
{
	const struct scan *sc = &m->scan;
	const struct anchor *anchors = m->rs->index.anchors;
	const unsigned char *t = (const unsigned char *)m->lower.ptr;
	const unsigned char *cls = sc->cls;
	size_t n = m->lower.len, i = 0, j;
	uint32_t line = 0, k;
	int ends = sc->end.first[PAIR_BUCKETS] > 0;

	while (i < n) {
		size_t e;
		if (!(cls[t[i]] & CLS_WORD)) {
			if (t[i] == '\n')
				line++;
			if (cls[t[i]] & CLS_ONE)
				for (k = sc->first1[t[i]]; k < sc->first1[t[i] + 1]; k++)
					note_anchor(m, &anchors[sc->list1[k]], t, n, i, line);
			if ((cls[t[i]] & CLS_ANY) && pair_maybe(&sc->any, t + i))
				note_pairs(m, &sc->any, t, n, i, line);
			i++;
			continue;
		}
		e = word_end(m->wmask, i);
		if (e - i <= sc->max_word) {
			uint64_t head = head8(t + i, e - i), key = word_key(head, e - i);
			uint32_t b = maybe_bit(key);
			/* a small bit filter first: most words are no anchor, and the slots are not in L1 */
			if (sc->maybe[b / 8] & (1u << (b & 7))) {
				const struct word_slot *sl = word_slot(sc, t + i, e - i, slot_hash(key), head);
				unsigned char got = sl->count ? text_next(t, n, e) : 0;
				for (k = sl->first; k < sl->first + sl->count; k++)
					if (next_ok(sc->word_next[k], got))
						note_anchor(m, &anchors[sc->word_ids[k]], t, n, i, line);
			}
		}
		if (pair_maybe(&sc->start, t + i))
			note_pairs(m, &sc->start, t, n, i, line);
		/* anchors that may start inside a word, at each of its bytes */
		for (j = i; sc->any_in_words && j < e; j++) {
			if (cls[t[j]] & CLS_ONE)
				for (k = sc->first1[t[j]]; k < sc->first1[t[j] + 1]; k++)
					note_anchor(m, &anchors[sc->list1[k]], t, n, j, line);
			if ((cls[t[j]] & CLS_ANY) && pair_maybe(&sc->any, t + j))
				note_pairs(m, &sc->any, t, n, j, line);
		}
		if (ends && e >= 2 && (e < 3 || pair_maybe(&sc->end, t + e - 3)))
			note_ends(m, &sc->end, t, n, e, line);
		i = e;
	}
}

/*
 * Run one pattern from byte `from`, letting matches start up to byte
 * `limit`, on the text up to byte `len` (see subject_end); record the
 * accepted hits. Every match starts on line `li`: from and limit are on
 * it (limit may be the line's '\n'). Returns SG_ELIMIT when PCRE2 hit its
 * match limit.
 */
static int run_pattern(struct matcher *m, const struct document *doc, size_t si, const struct rx *rx,
		       size_t li, size_t from, size_t limit, size_t len, struct evidence_list *ev, size_t *resume)
{
	const struct signal *s = &m->rs->signals[si];
	const char *text = doc->text.ptr;
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
		PCRE2_SIZE *ov, hit, hit_end;
		const struct doc_line *l;
		int rc = match_at(rx->code, text, len, start, m->md, m->mctx);
		if (rc < 0) {
			if (rc != PCRE2_ERROR_NOMATCH)
				ret = SG_ELIMIT;
			break;
		}
		ov = pcre2_get_ovector_pointer(m->md);
		if (ov[1] == ov[0]) {
			start = next_char(text, len, ov[0]); /* empty match: no evidence; step one character */
			continue;
		}
		/* the span, before excluded() reuses the match data */
		hit = ov[0];
		hit_end = ov[1];
		start = hit_end;
		if (resume)
			*resume = hit_end;
		assert(document_line_at(doc, hit) == li);
		l = &doc->lines[li];
		if (rx->sections && !(rx->sections & (1u << l->section)))
			continue;
		if (s->nexclude && excluded(m, s, doc, l, hit, hit_end - hit))
			continue;
		add_hit(ev, si, li, hit, hit_end - hit);
		if (m->presence)
			break;
	}
	return ret;
}

/*
 * Where PCRE2's subject ends for a match starting on line `li`: a raw
 * pattern sees its line only, a terms pattern also the next line (a term
 * may wrap once). The anchor index relies on this: it looks for a match
 * on the anchor's line, or for a wrapping term anchor the line before.
 */
static size_t subject_end(const struct document *doc, const struct rx *rx, size_t li)
{
	if (rx->from_terms && li + 1 < doc->nlines)
		li++;
	return doc->lines[li].off + doc->lines[li].len;
}

static int done(const struct matcher *m, const struct evidence_list *ev, uint32_t s);

/* Run a pattern for matches that start on lines first..last. */
static int run_lines(struct matcher *m, const struct document *doc, uint32_t si, const struct rx *rx,
		     size_t first, size_t last, struct evidence_list *ev)
{
	const struct doc_line *l = doc->lines;
	int ret = 0;
	size_t li;

	for (li = first; li <= last && !done(m, ev, si); li++)
		if (run_pattern(m, doc, si, rx, li, l[li].off, l[li].off + l[li].len, subject_end(doc, rx, li), ev,
				NULL) < 0)
			ret = SG_ELIMIT;
	return ret;
}

/* Can the term of an exact window's anchor be at its offset? */
static int term_ok(const struct matcher *m, const struct window *w)
{
	return w->anchor == NONE ||
	       term_may_match((const unsigned char *)m->lower.ptr, m->lower.len, w->first,
			      m->rs->index.anchors[w->anchor].term);
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
		memset(m->co_stamp, 0, ix->npatterns * sizeof(uint32_t));
		m->gen = 1;
	}
	m->nwin = 0;
	m->nxspan = 0;
	m->doc = doc;
	if (!m->full_scan && doc->nlines) {
		lowercase_text(m, doc->text.ptr, len);
		find_anchors(m);
		for (i = 0; i < ix->nalways; i++)
			if (m->want[ix->always[i]])
				add_window(m, ix->always[i], 0, (uint32_t)doc->nlines - 1, NONE);
	}
	for (p = 0; p < ix->npatterns; p++) {
		const struct pattern_ref *ref = &ix->patterns[p];
		const struct rx *rx = &rs->signals[ref->signal].rx[ref->rx];
		uint32_t wi, co;
		size_t resume = 0;
		if (!m->want[p] || done(m, ev, ref->signal))
			continue;
		if (m->full_scan) {
			if (doc->nlines && run_lines(m, doc, ref->signal, rx, 0, doc->nlines - 1, ev) < 0)
				ret = SG_ELIMIT;
			continue;
		}
		if (m->stamp[p] != m->gen || (ref->co && m->co_stamp[p] != m->gen))
			continue;
		co = ref->co ? m->co_head[p] : NONE;
		for (wi = m->head[p]; wi != NONE; wi = m->win[wi].next) {
			const struct window *win = &m->win[wi];
			int rc = 0;
			if (done(m, ev, ref->signal))
				break;
			if (ref->co) {
				/* only the lines that also hold a co-anchor (both lists are in order) */
				uint32_t first = ref->exact ? win->last : win->first;
				while (co != NONE && m->win[co].first < first)
					co = m->win[co].next;
				if (co == NONE)
					break;
			}
			if (ref->exact) { /* an offset, and (in last) its line */
				if ((!ref->co || m->win[co].first == win->last) && term_ok(m, win))
					rc = run_pattern(m, doc, ref->signal, rx, win->last, win->first, win->first,
							 subject_end(doc, rx, win->last), ev, &resume);
			} else if (ref->co) {
				for (; co != NONE && m->win[co].first <= win->last && !done(m, ev, ref->signal);
				     co = m->win[co].next)
					if (run_lines(m, doc, ref->signal, rx, m->win[co].first, m->win[co].first, ev) < 0)
						rc = SG_ELIMIT;
			} else {
				rc = run_lines(m, doc, ref->signal, rx, win->first, win->last, ev);
			}
			if (rc < 0)
				ret = SG_ELIMIT;
		}
	}
	/* presence only: one hit per signal, found in signal order, so already sorted */
	if (ev->n > 1 && !m->presence)
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
