/*
 * anchors.c - the anchor index of a rule set (rules.h, struct
 * anchor_index): for every pattern, ASCII literals such that every match
 * holds one, so that the matcher (match.c) runs a pattern only where one
 * occurs; and for every exclude pattern, the literals a line must hold
 * for it to match there. Input: the loaded signals with their pattern
 * sources and terms. Terms give their anchors directly (term_anchor());
 * raw patterns go through a small reader of PCRE2 syntax
 * (pattern_anchors()) that gives up, and leaves the pattern to run over
 * the whole text, on anything it does not know. See rules/README.md,
 * "How matching works".
 */
#include "anchors.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* The ruleset's arena: what the index points to lives and dies with the ruleset. */
struct arena {
	anchors_alloc_fn fn;
	void *ctx;
};

static void *arena_alloc(const struct arena *a, size_t n)
{
	return a->fn(a->ctx, n);
}

struct anchor_list {
	struct anchor *items;
	size_t n, cap;
};

/* An arena copy of text[0..len) with ASCII letters lowercased. */
static char *lower_copy(const struct arena *p, const char *text, size_t len)
{
	char *t = arena_alloc(p, len + 1);
	size_t i;
	for (i = 0; i < len; i++)
		t[i] = (char)((text[i] >= 'A' && text[i] <= 'Z') ? text[i] + 32 : text[i]);
	t[len] = '\0';
	return t;
}

static void add_anchor(const struct arena *p, struct anchor_list *l, const char *text, size_t len,
		       uint32_t pattern, int wrap, int before, int after)
{
	char *t = lower_copy(p, text, len);
	l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof(*l->items));
	l->items[l->n].text = t;
	l->items[l->n].len = (uint32_t)len;
	l->items[l->n].pattern = pattern;
	l->items[l->n].wrap = (uint8_t)wrap;
	l->items[l->n].before = (uint8_t)before;
	l->items[l->n].after = (uint8_t)after;
	l->items[l->n].term = NULL;
	l->items[l->n].co = 0;
	l->n++;
}

/*
 * A term's anchor. Inside a term only spaces and hyphens are flexible
 * (rules_terms_to_pattern); every other byte is matched as written,
 * ASCII letters ignoring case. So any piece of a term between spaces and
 * hyphens, cut before its first non-ASCII byte, is in every match of it.
 * Take the first piece when it has 3+ bytes, or 2 when it begins the
 * term (the match then starts on the anchor's line, and the matcher
 * checks the rest of the term in C before PCRE2 tries it), else the
 * longest piece of 2+ bytes (a term wrapped over a line break may start
 * on the line before). 0: no usable piece.
 */
static int ascii_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The edge a term imposes beside its piece t[off..off+len). */
static int term_edge(const char *t, size_t off, size_t len, int after)
{
	size_t total = strlen(t);
	if (after) {
		size_t e = off + len;
		if (e == total) /* the term ends: its boundary is a word boundary after a word char */
			return ascii_word(t[e - 1]) ? EDGE_WORD : EDGE_ANY;
		return t[e] == ' ' ? EDGE_SPACE : EDGE_ANY; /* a '-' may match nothing */
	}
	if (off == 0)
		return ascii_word(t[0]) ? EDGE_WORD : EDGE_ANY;
	return t[off - 1] == ' ' ? EDGE_SPACE : EDGE_ANY;
}

static int term_anchor(const char *t, size_t *off, size_t *len, int *wrap)
{
	size_t k = 0, first_off = 0, first_len = 0, best_off = 0, best_len = 0;
	int seen = 0;
	while (t[k]) {
		size_t start = k, n;
		while (t[k] && t[k] != ' ' && t[k] != '-')
			k++;
		for (n = 0; start + n < k && (unsigned char)t[start + n] < 0x80; n++)
			;
		if (n) {
			if (!seen) {
				first_off = start;
				first_len = n;
				seen = 1;
			}
			if (n > best_len) {
				best_off = start;
				best_len = n;
			}
		}
		if (t[k])
			k++;
	}
	if ((first_len >= 2 && first_off == 0) || first_len >= 3 ||
	    (first_len && first_off == 0 && term_edge(t, 0, first_len, 0) && term_edge(t, 0, first_len, 1) &&
	     first_len >= best_len)) {
		*off = first_off;
		*len = first_len;
		*wrap = first_off > 0; /* pieces before it (non-ASCII) may end the line before */
		return 1;
	}
	if (best_len >= 2) {
		*off = best_off;
		*len = best_len;
		*wrap = 1;
		return 1;
	}
	return 0;
}

int anchors_term_part(const char *t)
{
	size_t off = 0, len = 0;
	int wrap = 0;
	return term_anchor(t, &off, &len, &wrap) && off == 0 && !wrap ? 1 : 2;
}

/* Skip a [...] class starting at s[i] == '['; returns the index after ']'. */
static size_t skip_class(const char *s, size_t i)
{
	i++;
	if (s[i] == '^')
		i++;
	if (s[i] == ']')
		i++;
	while (s[i] && s[i] != ']') {
		if (s[i] == '\\' && s[i + 1])
			i++;
		i++;
	}
	return s[i] ? i + 1 : i;
}

/* Skip a (...) group starting at s[i] == '('; returns the index after ')'. */
static size_t skip_group(const char *s, size_t i)
{
	int depth = 0;
	while (s[i]) {
		if (s[i] == '\\' && s[i + 1]) {
			i += 2;
			continue;
		}
		if (s[i] == '[') {
			i = skip_class(s, i);
			continue;
		}
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0)
			return i + 1;
		i++;
	}
	return i;
}

/* After an atom at s[i]: the quantifier's minimum (1 when none); *end after it. */
static int quantifier(const char *s, size_t i, size_t *end)
{
	int min = 1;
	if (s[i] == '?' || s[i] == '*') {
		min = 0;
		i++;
	} else if (s[i] == '+') {
		i++;
	} else if (s[i] == '{' && s[i + 1] >= '0' && s[i + 1] <= '9') {
		min = atoi(s + i + 1);
		while (s[i] && s[i] != '}')
			i++;
		if (s[i])
			i++;
	} else {
		*end = i;
		return 1;
	}
	if (s[i] == '?' || s[i] == '+') /* lazy or possessive */
		i++;
	*end = i;
	return min;
}

/* A set of literals, one of which every match contains; quality = shortest. */
#define CAND_MAX 64
#define LIT_MAX 48

struct cand {
	char lit[CAND_MAX][LIT_MAX];
	size_t len[CAND_MAX];
	unsigned char before[CAND_MAX], after[CAND_MAX]; /* enum anchor_edge */
	unsigned char whole[CAND_MAX]; /* the literal is its whole alternative */
	unsigned char start[CAND_MAX]; /* a match starts where the literal does */
	unsigned char var[CAND_MAX];   /* another variant of the literal before it ("ph.d" after "phd") */
	size_t n;
};

/* How many literals the set holds, counting the variants of one as one. */
static size_t cand_groups(const struct cand *c)
{
	size_t k, g = 0;
	for (k = 0; k < c->n; k++)
		g += !c->var[k];
	return g;
}

static int ascii_word(char c);

/* The shortest of n lengths (0 when n is 0). */
static size_t shortest(const size_t *len, size_t n)
{
	size_t k, q = (size_t)-1;
	for (k = 0; k < n; k++)
		if (len[k] < q)
			q = len[k];
	return n ? q : 0;
}

static size_t cand_quality(const struct cand *c)
{
	return shortest(c->len, c->n);
}

/* Does the set hold a literal of 3 bytes or fewer that may start anywhere? */
static int cand_short_any(const struct cand *c)
{
	size_t k;
	for (k = 0; k < c->n; k++)
		if (c->len[k] <= 3 && c->before[k] == EDGE_ANY)
			return 1;
	return 0;
}

static int alt_anchors(const char *s, size_t from, size_t to, struct cand *out, struct cand *second,
		       int depth);

/*
 * How costly a literal set is to watch for: every literal is a chance of
 * a false alarm, and short ones fire more often, above all short ones
 * that may start inside a word (no word edge keeps them out of words).
 * Lower is better: "\b(?:clinical|EHR|Epic)\b.{0,30}\bCDS\b" anchors
 * on "cds", "(?:pursuing|working)\s+(?:a\s+)?Ph\.?D" on the two words.
 */
static size_t cand_cost(size_t n, size_t shortest, int short_any)
{
	return n * 4 + (shortest >= 4 ? 0 : shortest == 3 ? 2 : shortest == 2 ? 6 : 12) + (short_any ? 8 : 0);
}

/* Past the item at s[i] (an escape, a class, a group or one byte), not past `to`. */
static size_t next_item(const char *s, size_t i, size_t to)
{
	if (s[i] == '\\' && i + 1 < to)
		return i + 2;
	if (s[i] == '[')
		return skip_class(s, i);
	if (s[i] == '(')
		return skip_group(s, i);
	return i + 1;
}

/*
 * The bytes a class s[from..to) stands for, when it lists only ASCII
 * punctuation ("[/&]") or one letter in both cases ("[Pp]", as one
 * lowercase byte): no range, no negation, no escape class. Returns how
 * many (0: another kind of class).
 */
static size_t class_set(const char *s, size_t from, size_t to, char *set)
{
	size_t i, n = 0;
	if (to - from < 3 || s[from + 1] == '^')
		return 0;
	if (to - from == 4 && ((s[from + 1] | 0x20) >= 'a' && (s[from + 1] | 0x20) <= 'z') &&
	    s[from + 1] != s[from + 2] && (s[from + 1] | 0x20) == (s[from + 2] | 0x20)) {
		set[0] = (char)(s[from + 1] | 0x20);
		return 1;
	}
	for (i = from + 1; i + 1 < to; i++) {
		char c = s[i];
		if (c == '\\') {
			c = s[++i];
			if (ascii_word(c) || i + 1 >= to)
				return 0;
		} else if (c == '-' && i > from + 1 && i + 2 < to) {
			return 0; /* a range */
		}
		if (ascii_word(c) || (unsigned char)c < ' ' || (unsigned char)c >= 0x7F || n >= CAND_MAX)
			return 0;
		set[n++] = c;
	}
	return n;
}

/* The bytes of a class of punctuation (class_set) as one-byte literals. */
static int class_bytes(const char *s, size_t from, size_t to, struct cand *out)
{
	char set[CAND_MAX];
	size_t k, n = class_set(s, from, to, set);
	out->n = 0;
	if (n < 1 || ascii_word(set[0]))
		return 0;
	for (k = 0; k < n; k++) {
		out->lit[k][0] = set[k];
		out->len[k] = 1;
		out->before[k] = EDGE_ANY;
		out->after[k] = EDGE_ANY;
		out->whole[k] = 0;
		out->start[k] = 0;
		out->var[k] = 0;
	}
	out->n = n;
	return 1;
}

/*
 * An item at s[i] that stands for one byte of a small set, with no
 * quantifier or with '?' (*opt): a literal byte, an escaped punctuation
 * byte, a class_set() class, or \s (a space: the lines of a document
 * hold no other whitespace, see document.h). Returns the set's size, 0
 * for any other item; *end is past the item and its quantifier.
 */
static size_t lit_item(const char *s, size_t i, size_t to, char *set, size_t *end, int *opt)
{
	size_t n = 1, e = i + 1;
	char c = i < to ? s[i] : '\0';
	if (c == '\\' && i + 1 < to) {
		char x = s[i + 1];
		if (x != 's' && (ascii_word(x) || (unsigned char)x >= 0x80 || x < ' '))
			return 0;
		set[0] = x == 's' ? ' ' : x;
		e = i + 2;
	} else if (c == '[') {
		e = skip_class(s, i);
		if (e > to || (n = class_set(s, i, e, set)) == 0)
			return 0;
	} else if (!c || strchr("()|.^$*+?{\\", c) || (unsigned char)c >= 0x80 || c < ' ') {
		return 0;
	} else {
		set[0] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	*opt = e < to && s[e] == '?';
	*end = e + (size_t)*opt;
	if (*end < to && strchr("?*+{", s[*end]))
		return 0; /* a lazy '??', or another quantifier */
	return n;
}

/*
 * Is one top-level alternative of s[from..to) a single character that is
 * any word character (\w, or a class such as [\w+#])? A negative
 * lookahead or lookbehind with such an alternative means no word byte
 * stands there.
 */
static int alt_is_word_class(const char *s, size_t from, size_t to)
{
	size_t i = from, start = from;
	for (;;) {
		if (i >= to || s[i] == '|') {
			size_t n = i - start;
			if (n == 2 && s[start] == '\\' && s[start + 1] == 'w')
				return 1;
			if (n >= 4 && s[start] == '[' && s[start + 1] != '^' && skip_class(s, start) == i) {
				size_t k;
				for (k = start + 1; k + 1 < i; k++) {
					if (s[k] == '\\' && s[k + 1] == 'w')
						return 1;
					if (s[k] == '\\')
						k++;
				}
			}
			if (i >= to)
				return 0;
			start = ++i;
			continue;
		}
		i = next_item(s, i, to);
	}
}

/*
 * Does every alternative of the lookbehind body s[from..to) end in a
 * literal non-word byte (", ", "\\.")? Then whatever follows the
 * lookbehind has a non-word byte before it.
 */
static int lookbehind_nonword(const char *s, size_t from, size_t to)
{
	size_t i = from, last = to, start = from;
	for (;;) {
		if (i >= to || s[i] == '|') {
			/* s[last] is the last item of s[start..i): a literal, or an escaped one */
			int esc = last >= start + 1 && last < i && s[last - 1] == '\\';
			if (last >= i || last < start)
				return 0;
			/* \s or an escaped punctuation byte; unescaped: a literal that is no word
			 * byte, not '.' (any byte), not an anchor, a quantifier or a group's end */
			if (esc ? ascii_word(s[last]) && s[last] != 's' : ascii_word(s[last]) || strchr(")]}*+?|.^$", s[last]))
				return 0;
			if (i >= to)
				return 1;
			start = ++i;
			last = to;
			continue;
		}
		last = s[i] == '\\' && i + 1 < to ? i + 1 : i;
		if (s[i] == '\\' && i + 1 < to)
			i += 2;
		else if (s[i] == '[' || s[i] == '(')
			last = (i = s[i] == '[' ? skip_class(s, i) : skip_group(s, i)) - 1; /* ends in ']' or ')': no */
		else
			i++;
	}
}

/* Is s[i] (before `to`) a [\s-] class (also [-\s], [\s\-]); *end after it. */
static int space_hyphen_class(const char *s, size_t i, size_t to, size_t *end)
{
	size_t e;
	if (s[i] != '[')
		return 0;
	e = skip_class(s, i);
	if (e > to || !((e - i == 5 && (strncmp(s + i, "[\\s-]", 5) == 0 || strncmp(s + i, "[-\\s]", 5) == 0)) ||
			(e - i == 6 && strncmp(s + i, "[\\s\\-]", 6) == 0)))
		return 0;
	*end = e;
	return 1;
}

/* Does whitespace (or a hyphen) stand at s[i]: \s or [\s-], at least once? */
static int space_item(const char *s, size_t i, size_t to)
{
	size_t e;
	if (i + 1 < to && s[i] == '\\' && s[i + 1] == 's')
		return quantifier(s, i + 2, &e) >= 1;
	return space_hyphen_class(s, i, to, &e) && quantifier(s, e, &e) >= 1;
}

/*
 * A group of plain literal alternatives at s[i] ("(?:e|es|ing)"), at
 * most `max` of them, each only literal bytes (letters, digits, spaces,
 * escaped punctuation), with no quantifier or '?' (*opt). Writes them
 * lowercased to lits/lens; returns how many (0: another kind of item).
 */
static size_t literal_group(const char *s, size_t i, size_t to, char lits[][LIT_MAX], size_t *lens, size_t max,
			    size_t *end, int *opt)
{
	size_t g, k, n = 0, l = 0;
	if (s[i] != '(' || s[i + 1] != '?' || s[i + 2] != ':')
		return 0;
	g = skip_group(s, i);
	if (g > to || g < i + 4)
		return 0;
	for (k = i + 3; k < g - 1; k++) {
		char c = s[k];
		if (c == '|') {
			if (!l || ++n >= max)
				return 0;
			l = 0;
			continue;
		}
		if (c == '\\') {
			c = s[++k];
			if (ascii_word(c) || (unsigned char)c < ' ' || (unsigned char)c >= 0x7F)
				return 0;
		} else if (!ascii_word(c) && c != ' ') {
			return 0; /* any syntax: not a plain literal */
		}
		if (l >= LIT_MAX - 1)
			return 0;
		lits[n][l++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
		lens[n] = l;
	}
	if (!l)
		return 0;
	n++;
	*opt = g < to && s[g] == '?';
	*end = g + (size_t)*opt;
	if (*end < to && strchr("?*+{", s[*end]))
		return 0;
	return n;
}

/* Does an item of lit_item()'s kind stand at s[i]? */
static int lit_next(const char *s, size_t i, size_t to)
{
	char set[CAND_MAX];
	size_t end;
	int opt;
	return lit_item(s, i, to, set, &end, &opt) > 0;
}

/*
 * A run of literal bytes being read, in up to VAR_MAX variants: an
 * optional byte followed by more literal bytes ("Ph\.?D": "phd",
 * "ph.d") or a class of a few bytes ("E[/&]M") forks it.
 */
#define VAR_MAX 8

struct run {
	char lit[VAR_MAX][LIT_MAX];
	size_t len[VAR_MAX];
	size_t n;       /* variants; 0: no run open */
	int cut;        /* a variant outgrew LIT_MAX: what followed it is unknown */
};

/* Append one byte of set[0..nset) (or, when opt, none) to every variant. */
static void run_push(struct run *r, const char *set, size_t nset, int opt)
{
	size_t n = r->n, v, k, o = n;
	for (v = 0; v < n; v++) {
		for (k = 1; k < nset + (size_t)opt; k++, o++) {
			memcpy(r->lit[o], r->lit[v], r->len[v]);
			r->len[o] = r->len[v];
			if (k < nset && r->len[o] < LIT_MAX - 1)
				r->lit[o][r->len[o]++] = set[k];
		}
		if (r->len[v] < LIT_MAX - 1)
			r->lit[v][r->len[v]++] = set[0];
		else
			r->cut = 1;
	}
	r->n = o;
}

/* Append one of lits[0..n) (or, when opt, none) to every variant. */
static void run_push_strings(struct run *r, char lits[][LIT_MAX], const size_t *lens, size_t n, int opt)
{
	size_t nv = r->n, v, k, o = 0;
	struct run *old = xmalloc(sizeof(*old));
	*old = *r;
	for (v = 0; v < nv; v++)
		for (k = 0; k < n + (size_t)opt; k++, o++) {
			size_t add = k < n ? lens[k] : 0;
			memcpy(r->lit[o], old->lit[v], old->len[v]);
			r->len[o] = old->len[v];
			if (r->len[o] + add >= LIT_MAX) {
				r->cut = 1;
				add = 0;
			}
			memcpy(r->lit[o] + r->len[o], k < n ? lits[k] : "", add);
			r->len[o] += add;
		}
	r->n = o;
	free(old);
}

/* Does every variant end in an ASCII word byte? */
static int run_ends_word(const struct run *r)
{
	size_t v;
	for (v = 0; v < r->n; v++)
		if (!r->len[v] || !ascii_word(r->lit[v][r->len[v] - 1]))
			return 0;
	return r->n > 0 && !r->cut;
}

/* *d = *s, copying only the literals s holds (a struct cand is some 3.5 KiB). */
static void cand_copy(struct cand *d, const struct cand *s)
{
	size_t k;
	for (k = 0; k < s->n; k++) {
		memcpy(d->lit[k], s->lit[k], s->len[k]);
		d->len[k] = s->len[k];
		d->before[k] = s->before[k];
		d->after[k] = s->after[k];
		d->whole[k] = s->whole[k];
		d->start[k] = s->start[k];
		d->var[k] = s->var[k];
	}
	d->n = s->n;
}

/* Keep `c` (cost k) as the best set, or else as the second best (when asked for). */
static void offer(struct cand *best, size_t *bcost, struct cand *second, size_t *scost,
		  const struct cand *c, size_t k)
{
	if (k < *bcost) {
		if (second && best->n) {
			cand_copy(second, best);
			*scost = *bcost;
		}
		cand_copy(best, c);
		*bcost = k;
	} else if (second && k < *scost) {
		cand_copy(second, c);
		*scost = k;
	}
}

/* Offer the run that ends here, with its edges; a 1-byte run needs edges on both sides. */
static void offer_run(struct cand *best, size_t *bcost, struct cand *second, size_t *scost,
		      const struct run *r, int before, int after, int whole, int start, struct cand *tmp)
{
	size_t q = shortest(r->len, r->n), v;
	if (r->cut)
		after = EDGE_ANY;
	if (q < 2 && !(q == 1 && before && after))
		return;
	for (v = 0; v < r->n; v++) {
		memcpy(tmp->lit[v], r->lit[v], r->len[v]);
		tmp->len[v] = r->len[v];
		tmp->before[v] = (unsigned char)before;
		tmp->after[v] = (unsigned char)after;
		tmp->whole[v] = (unsigned char)whole;
		tmp->start[v] = (unsigned char)start;
		tmp->var[v] = v > 0;
	}
	tmp->n = r->n;
	offer(best, bcost, second, scost, tmp, cand_cost(1, q, q <= 3 && before == EDGE_ANY));
}

/*
 * The best literal set of one alternative s[from..to): a run of literal
 * characters (in a few variants), or a mandatory group whose every
 * alternative has one. With `second`, also the second best, from
 * another item: every match holds a literal of each. Returns 0 when the
 * alternative has nothing usable.
 */
static int branch_anchor(const char *s, size_t from, size_t to, struct cand *best, struct cand *second,
			 int depth)
{
	struct run *r = xmalloc(sizeof(*r));
	size_t i = from, bcost = (size_t)-1, scost = (size_t)-1, run_start = from;
	int after_b = 0, after_s = 0, after_lb = 0, run_before = EDGE_ANY, items = 0, run_at_start = 0;
	int prev_s = 0, prev_lb = 0;
	struct cand *sub = xmalloc(sizeof(*sub)), *tmp = xmalloc(sizeof(*tmp));

	best->n = 0;
	if (second)
		second->n = 0;
	r->n = 0;
	r->cut = 0;
	for (;;) {
		char ch = i < to ? s[i] : '\0';
		int is_b = ch == '\\' && i + 1 < to && s[i + 1] == 'b';
		size_t qend, end, nset;
		/* \s, \s+ (not \s* or \s?): a whitespace character stands there */
		int is_s = ch == '\\' && i + 1 < to && s[i + 1] == 's' && quantifier(s, i + 2, &qend) >= 1;
		char set[CAND_MAX];
		int opt = 0, one;
		size_t item_at = i;

		nset = lit_item(s, i, to, set, &end, &opt);
		/* inside a run: an optional byte before more literal bytes, or a class, forks it */
		if (r->n && nset && (opt || ch == '[') && !(nset == 1 && !opt) &&
		    r->n * (nset + (size_t)opt) <= VAR_MAX && (!opt || lit_next(s, end, to))) {
			run_push(r, set, nset, opt);
			i = end;
			continue;
		}
		/* inside a run: a group of a few plain literals forks it too ("cod(?:e|ing)") */
		if (r->n && ch == '(' && !nset) {
			char (*lits)[LIT_MAX] = tmp->lit;
			size_t ng = literal_group(s, i, to, lits, tmp->len, VAR_MAX, &end, &opt);
			if (ng && r->n * (ng + (size_t)opt) <= VAR_MAX && (!opt || lit_next(s, end, to))) {
				run_push_strings(r, lits, tmp->len, ng, opt);
				i = end;
				continue;
			}
		}
		one = nset == 1 && !opt && ch == '['; /* [Pp]: one letter, in either case */
		if (!one && (ch == '\0' || ch == '(' || ch == '[' || ch == '.' || ch == '^' || ch == '$' ||
			     (unsigned char)ch >= 0x80 || ch < ' ' ||
			     (ch == '\\' && i + 1 < to && (ascii_word(s[i + 1]) && s[i + 1] != '_')))) {
			/* the current run of literals ends here */
			/* (?![\w+#]|...) after the run: no word byte follows it */
			int no_word_next = ch == '(' && s[i + 1] == '?' && s[i + 2] == '!' &&
					   alt_is_word_class(s, i + 3, skip_group(s, i) - 1);
			int after = (is_b || no_word_next) && run_ends_word(r) ? EDGE_WORD
				    : is_s ? EDGE_SPACE : EDGE_ANY;
			if (r->n)
				offer_run(best, &bcost, second, &scost, r, run_before, after,
					  run_start == from && i == to && items == 1, run_at_start, tmp);
			r->n = 0;
			r->cut = 0;
		} else {
			/* a literal character */
			char c = one ? set[0] : ch;
			if (one) {
				i = end;
			} else if (ch == '\\') {
				c = s[i + 1];
				i += 2;
			} else {
				i++;
			}
			if (quantifier(s, i, &end) == 0 || end != i) {
				/* optional, or repeated: it breaks the run (a repeated one could still
				 * start a run, but keep it simple) */
				i = end;
				if (r->n)
					offer_run(best, &bcost, second, &scost, r, run_before, EDGE_ANY, 0,
						  run_at_start, tmp);
				r->n = 0;
				r->cut = 0;
				after_b = after_s = after_lb = 0;
				items++;
				continue;
			}
			if (!r->n) {
				run_start = item_at;
				run_before = (after_b || after_lb) && ascii_word(c) ? EDGE_WORD
					     : after_s ? EDGE_SPACE : EDGE_ANY;
				run_at_start = items == 0;
				items++;
				r->n = 1;
				r->len[0] = 0;
			}
			c = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
			run_push(r, &c, 1, 0);
			after_b = after_s = after_lb = 0;
			continue;
		}
		if (!ch)
			break;
		/* what stood just before this item: whitespace (\s+), a non-word byte (lookbehind) */
		prev_s = after_s;
		prev_lb = after_lb;
		after_b = after_s = after_lb = 0;
		if (ch != '^')
			items++; /* '^' consumes nothing: a match still starts at what follows */
		if (ch == '(') {
			size_t g = skip_group(s, i), body = i + 1;
			int look = s[i + 1] == '?' && (s[i + 2] == '=' || s[i + 2] == '!' || s[i + 2] == '<' ||
						       s[i + 2] == '#');
			int b_before = i >= from + 2 && s[i - 2] == '\\' && s[i - 1] == 'b';
			int group_at_start = items == 1; /* counted above: only zero-width items before it */
			if (s[i + 1] == '?' && s[i + 2] == ':')
				body = i + 3;
			else if (s[i + 1] == '?' && !look) {
				/* (?i:...), (?-i:...): options then ':' */
				size_t k = i + 2;
				while (k < g && s[k] != ':' && s[k] != ')')
					k++;
				body = s[k] == ':' ? k + 1 : g; /* "(?i)" alone holds nothing */
			}
			i = g;
			if (quantifier(s, i, &end) >= 1 && !look && body < g - 1 && depth < 4 &&
			    alt_anchors(s, body, g - 1, sub, NULL, depth + 1)) {
				int b_after = end == i && i + 1 < to && s[i] == '\\' && s[i + 1] == 'b';
				int s_after = end == i && space_item(s, i, to);
				size_t k;
				/*
				 * \b(?:PPV|NPV)\b: each whole literal alternative is a word;
				 * \b(?:segment\w*|...): a literal that begins its alternative
				 * has the \b before it
				 */
				for (k = 0; k < sub->n; k++) {
					int lead = sub->whole[k] || sub->start[k];
					if (lead && prev_s)
						sub->before[k] = EDGE_SPACE;
					else if (lead && (b_before || prev_lb) && ascii_word(sub->lit[k][0]))
						sub->before[k] = EDGE_WORD;
					if (b_after && sub->whole[k] && ascii_word(sub->lit[k][sub->len[k] - 1]))
						sub->after[k] = EDGE_WORD;
					else if (s_after && sub->whole[k])
						sub->after[k] = EDGE_SPACE;
				}
				for (k = 0; k < sub->n; k++) {
					sub->whole[k] = 0;
					sub->start[k] = sub->start[k] && group_at_start;
				}
				offer(best, &bcost, second, &scost, sub,
				      cand_cost(cand_groups(sub), cand_quality(sub), cand_short_any(sub)));
			}
			/* (?<=, |\. ) or (?<![\w.-]): what follows has a non-word byte before it */
			after_lb = s[body] == '?' && s[body + 1] == '<' && end == i &&
				   ((s[body + 2] == '=' && lookbehind_nonword(s, body + 3, g - 1)) ||
				    (s[body + 2] == '!' && alt_is_word_class(s, body + 3, g - 1)));
			i = end;
			continue;
		}
		if (ch == '[') {
			size_t c0 = i;
			i = skip_class(s, i);
			/* [\s-]+ (also [\s\-]+, [-\s]+): whitespace or a hyphen stands there */
			if (space_hyphen_class(s, c0, to, &end)) {
				if (quantifier(s, i, &i) >= 1)
					after_s = 1;
				continue;
			}
			/* E[/&]M: exactly one of a few punctuation bytes stands there */
			if (quantifier(s, i, &end) == 1 && end == i && class_bytes(s, c0, i, sub)) {
				size_t k;
				for (k = 0; k < sub->n; k++)
					sub->start[k] = (unsigned char)(items == 1);
				offer(best, &bcost, second, &scost, sub, cand_cost(sub->n, 1, 1));
			}
		} else if (ch == '\\') {
			char e = s[i + 1];
			i += 2;
			if ((e == 'p' || e == 'P') && s[i] == '{') {
				while (s[i] && s[i] != '}')
					i++;
				if (s[i])
					i++;
			} else if (e == 'p' || e == 'P') {
				i++;
			}
			if (is_b) {
				after_b = 1;
				items--; /* \b is zero-width: the alternative is still "just the literal" */
			}
			if (is_s) {
				quantifier(s, i, &i);
				after_s = 1;
				continue;
			}
		} else {
			i++;
		}
		quantifier(s, i, &i);
	}
	free(r);
	free(sub);
	free(tmp);
	return best->n > 0;
}

/*
 * Union of the best sets of every top-level alternative of s[from..to).
 * With `second` and a single alternative, also its second best set.
 */
static int alt_anchors(const char *s, size_t from, size_t to, struct cand *out, struct cand *second,
		       int depth)
{
	struct cand *one = xmalloc(sizeof(*one));
	size_t i = from, start = from;
	int ok = 1;

	out->n = 0;
	if (second) {
		second->n = 0;
		for (i = from; i < to && s[i] != '|'; i = next_item(s, i, to))
			;
		if (i < to)
			second = NULL; /* alternatives: no second set */
		i = from;
	}
	for (;;) {
		if (i >= to || s[i] == '|') {
			size_t k;
			if (!branch_anchor(s, start, i, one, second, depth) || out->n + one->n > CAND_MAX) {
				ok = 0;
				break;
			}
			for (k = 0; k < one->n; k++) {
				memcpy(out->lit[out->n], one->lit[k], one->len[k]);
				out->len[out->n] = one->len[k];
				out->before[out->n] = one->before[k];
				out->after[out->n] = one->after[k];
				out->whole[out->n] = one->whole[k];
				out->start[out->n] = one->start[k];
				out->var[out->n] = one->var[k];
				out->n++;
			}
			if (i >= to)
				break;
			start = ++i;
			continue;
		}
		i = next_item(s, i, to);
	}
	free(one);
	return ok && out->n > 0;
}

/* Does every match start where one of the set's literals does? */
static int cand_all_start(const struct cand *c)
{
	size_t k;
	for (k = 0; k < c->n; k++)
		if (!c->start[k])
			return 0;
	return c->n > 0;
}

/*
 * Anchors of a raw pattern: literals such that every match contains one
 * (see branch_anchor). Syntax beyond this small reader (\Q, (?x), back
 * references, \x, \c, \N) gives up: the pattern then runs over the
 * whole text. Lookarounds never give anchors (their text is outside the
 * match). With `co`, a pattern of one alternative also gets co-anchors:
 * its second best set, when each of those literals begins a word, so
 * that a line without one needs no try either (a raw match stays on its
 * line, so both are on the line where it starts). *co is set when it has.
 */
static int pattern_anchors(const struct arena *p, struct anchor_list *l, const char *src, uint32_t pattern,
			   uint32_t *exact, uint32_t *co)
{
	struct cand *c, *c2;
	size_t i = 0, k, n = strlen(src);
	int ok;

	if (co)
		*co = 0;
	for (k = 0; src[k]; k++) {
		if (src[k] == '\\' && src[k + 1]) {
			char e = src[k + 1];
			if (e == 'Q' || e == 'x' || e == 'c' || e == 'N' || e == 'g' || e == 'k' || e == 'o' ||
			    (e >= '1' && e <= '9'))
				return 0;
			k++;
		} else if (src[k] == '(' && src[k + 1] == '?' && src[k + 2] == 'x') {
			return 0;
		}
	}
	/* leading option settings: (?i), (?s)... */
	while (src[i] == '(' && src[i + 1] == '?' && src[i + 2] && strchr("imsnU", src[i + 2])) {
		size_t j = i + 2;
		while (src[j] && strchr("imsnU", src[j]))
			j++;
		if (src[j] != ')')
			break;
		i = j + 1;
	}
	c = xmalloc(sizeof(*c));
	c2 = xmalloc(sizeof(*c2));
	ok = alt_anchors(src, i, n, c, co ? c2 : NULL, 0);
	*exact = ok;
	if (ok && co && c2->n && !cand_all_start(c) && cand_all_start(c2)) {
		/*
		 * The second set is where every match starts: anchored tries
		 * there cost less than searching whole lines (long ones above
		 * all), so it becomes the anchors and the first the co-anchors.
		 */
		struct cand *t = c;
		c = c2;
		c2 = t;
	}
	if (ok) {
		for (k = 0; k < c->n; k++) {
			add_anchor(p, l, c->lit[k], c->len[k], pattern, 0, c->before[k], c->after[k]);
			if (!c->start[k])
				*exact = 0;
		}
		for (k = 0; co && k < c2->n; k++)
			if (c2->before[k] == EDGE_ANY || !ascii_word(c2->lit[k][0]))
				break;
		if (co && c2->n && k == c2->n) {
			for (k = 0; k < c2->n; k++) {
				add_anchor(p, l, c2->lit[k], c2->len[k], pattern, 0, c2->before[k], c2->after[k]);
				l->items[l->n - 1].co = 1;
			}
			*co = 1;
		}
	}
	free(c);
	free(c2);
	return ok;
}

void anchors_build(struct ruleset *rs, anchors_alloc_fn alloc, void *arena)
{
	const struct arena a = { alloc, arena }, *p = &a;
	struct anchor_index *ix = &rs->index;
	struct anchor_list l = { NULL, 0, 0 };
	size_t si, r, k, npat = 0;

	for (si = 0; si < rs->nsignals; si++)
		npat += rs->signals[si].nrx;
	ix->patterns = arena_alloc(p, (npat + 1) * sizeof(*ix->patterns));
	ix->always = arena_alloc(p, (npat + 1) * sizeof(uint32_t));
	for (si = 0; si < rs->nsignals; si++) {
		struct signal *s = &rs->signals[si];
		for (r = 0; r < s->nrx; r++) {
			uint32_t id = (uint32_t)ix->npatterns++;
			int ok = 1;
			s->rx[r].id = id;
			ix->patterns[id].signal = (uint32_t)si;
			ix->patterns[id].rx = (uint32_t)r;
			if (s->rx[r].from_terms) {
				size_t start_n = l.n;
				ix->patterns[id].exact = 1;
				for (k = 0; k < s->nterms && ok; k++) {
					size_t off = 0, len = 0;
					int wrap = 0;
					if (anchors_term_part(s->terms[k]) != s->rx[r].from_terms)
						continue; /* in the other part */
					if (!term_anchor(s->terms[k], &off, &len, &wrap)) {
						ok = 0;
						break;
					}
					add_anchor(p, &l, s->terms[k] + off, len, id, wrap,
						   term_edge(s->terms[k], off, len, 0),
						   term_edge(s->terms[k], off, len, 1));
					if (off == 0 && !wrap)
						l.items[l.n - 1].term = lower_copy(p, s->terms[k], strlen(s->terms[k]));
					if (off != 0 || wrap)
						ix->patterns[id].exact = 0;
				}
				if (!ok) {
					l.n = start_n;
					ix->patterns[id].exact = 0;
				}
			} else {
				ok = pattern_anchors(p, &l, s->rx[r].source, id, &ix->patterns[id].exact,
						     &ix->patterns[id].co);
			}
			if (!ok)
				ix->always[ix->nalways++] = id;
		}
	}
	ix->anchors = arena_alloc(p, (l.n + 1) * sizeof(struct anchor));
	memcpy(ix->anchors, l.items, l.n * sizeof(struct anchor));
	ix->nanchors = l.n;
	/* exclude patterns: the literals a line must hold for one to match there */
	for (si = 0; si < rs->nsignals; si++) {
		struct signal *s = &rs->signals[si];
		for (r = 0; r < s->nexclude; r++) {
			uint32_t exact;
			l.n = 0;
			if (!pattern_anchors(p, &l, s->exclude[r].source, 0, &exact, NULL) || !l.n)
				continue;
			s->exclude[r].need = arena_alloc(p, l.n * sizeof(struct anchor));
			memcpy(s->exclude[r].need, l.items, l.n * sizeof(struct anchor));
			s->exclude[r].nneed = (uint32_t)l.n;
		}
	}
	free(l.items);
}
