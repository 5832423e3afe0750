/*
 * rules.c - the rules loader. Input: rule files (JSON text, from the
 * embedded set or a directory). Output: a validated ruleset with every
 * pattern compiled by PCRE2 (UTF, UCP, JIT) and its anchor index
 * (anchors.c); see rules.h and rules/README.md for the format.
 *
 * Loading is all-or-nothing: the first problem is reported as
 * "FILE:LINE:COL: message" and everything built so far is freed.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anchors.h"
#include "buf.h"
#include "document.h"
#include "graph.h"
#include "io.h"
#include "json_pos.h"

#define RULES_MAX_FILE ((size_t)8 << 20)
#define RULES_MAX_FILES 256

/* ---- arena: everything a ruleset points to ------------------------------ */

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	/* data follows */
};

struct rules_priv {
	struct arena_block *blocks;
	void **codes;           /* compiled pcre2 codes, freed at the end */
	size_t ncodes, acodes;
	struct buf *sources;    /* file texts kept for paths in messages */
	char **file_names;
	size_t nfiles;
};

static void *arena_alloc(struct rules_priv *p, size_t n)
{
	struct arena_block *b = p->blocks;
	n = (n + 15) & ~(size_t)15;
	if (!n)
		n = 16;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		b = xmalloc(sizeof(*b) + 16 + cap);
		b->next = p->blocks;
		b->used = 0;
		b->cap = cap;
		p->blocks = b;
	}
	{
		char *base = (char *)(b + 1);
		void *r;
		base += (16 - ((size_t)base & 15)) & 15;
		r = base + b->used;
		b->used += n;
		memset(r, 0, n);
		return r;
	}
}

/* arena_alloc() for anchors_build(). */
static void *arena_alloc_cb(void *p, size_t n)
{
	return arena_alloc(p, n);
}

static char *arena_strdup(struct rules_priv *p, const char *s)
{
	size_t n = strlen(s);
	char *r = arena_alloc(p, n + 1);
	memcpy(r, s, n + 1);
	return r;
}

/* ---- loading context ------------------------------------------------------ */

#define MAX_DEPTH 16

struct ctx {
	struct ruleset *rs;
	struct rules_priv *priv;
	struct diag *d;
	const char *origin;
	/* current file */
	const char *fname;   /* "skills.json" */
	const char *text;
	size_t len;
	struct json_step path[MAX_DEPTH];
	size_t depth;
	int failed;
	const struct rules_file *files; /* the whole set, for late positions */
	size_t nfiles;
};

static void push_key(struct ctx *c, const char *key)
{
	if (c->depth < MAX_DEPTH) {
		c->path[c->depth].key = key;
		c->path[c->depth].index = 0;
	}
	c->depth++;
}

static void push_index(struct ctx *c, long idx)
{
	if (c->depth < MAX_DEPTH) {
		c->path[c->depth].key = NULL;
		c->path[c->depth].index = idx;
	}
	c->depth++;
}

static void pop(struct ctx *c)
{
	c->depth--;
}

static void where(struct ctx *c, unsigned *line, unsigned *col)
{
	size_t off = json_locate(c->text, c->len, c->path,
				 c->depth < MAX_DEPTH ? c->depth : MAX_DEPTH);
	json_line_col(c->text, c->len, off, line, col);
}

/*
 * Position of signal `s` in its file, for messages found after parsing
 * (duplicates, cycles). Computed on demand: it costs a walk of the file.
 */
static void signal_where(const struct rules_file *files, size_t n, struct signal *s)
{
	struct json_step path[2];
	size_t i;
	for (i = 0; i < n; i++) {
		if (strcmp(files[i].path, s->file) != 0)
			continue;
		path[0].key = s->kind == SIGNAL_SKILL ? "skills" : "credentials";
		path[0].index = 0;
		path[1].key = NULL;
		path[1].index = (long)s->index;
		json_line_col(files[i].data, files[i].len,
			      json_locate(files[i].data, files[i].len, path, 2), &s->line, &s->col);
		return;
	}
}

static int fail(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct ctx *c, const char *fmt, ...)
{
	char msg[768];
	unsigned line, col;
	va_list ap;
	if (c->failed)
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where(c, &line, &col);
	diag_set(c->d, SG_ERULES, "%s/%s:%u:%u: %s", c->origin, c->fname, line, col, msg);
	c->failed = 1;
	return -1;
}

static const char *type_name(const cJSON *v)
{
	if (cJSON_IsString(v)) return "a string";
	if (cJSON_IsNumber(v)) return "a number";
	if (cJSON_IsArray(v)) return "an array";
	if (cJSON_IsObject(v)) return "an object";
	if (cJSON_IsBool(v)) return "a boolean";
	if (cJSON_IsNull(v)) return "null";
	return "invalid";
}

/* Check that every member of `obj` is in the NULL-terminated `allowed`. */
static int only_keys(struct ctx *c, const cJSON *obj, const char *what, const char *const *allowed)
{
	const cJSON *m;
	for (m = obj->child; m; m = m->next) {
		size_t k;
		int ok = 0;
		for (k = 0; allowed[k]; k++)
			if (strcmp(m->string, allowed[k]) == 0)
				ok = 1;
		if (!ok) {
			push_key(c, m->string);
			fail(c, "%s: unknown key '%s'", what, m->string);
			pop(c);
			return -1;
		}
	}
	return 0;
}

static const cJSON *member(struct ctx *c, const cJSON *obj, const char *key, int required,
			   const char *what)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!v && required)
		fail(c, "%s: missing '%s'", what, key);
	return v;
}

static char *get_string(struct ctx *c, const cJSON *obj, const char *key, int required,
			const char *what)
{
	const cJSON *v = member(c, obj, key, required, what);
	if (!v)
		return NULL;
	push_key(c, key);
	if (!cJSON_IsString(v) || !v->valuestring[0]) {
		fail(c, "%s: '%s' must be a non-empty string, not %s", what, key,
		     cJSON_IsString(v) ? "an empty string" : type_name(v));
		pop(c);
		return NULL;
	}
	pop(c);
	return arena_strdup(c->priv, v->valuestring);
}

static int get_uint(struct ctx *c, const cJSON *obj, const char *key, int required,
		    const char *what, unsigned lo, unsigned hi, unsigned *out)
{
	const cJSON *v = member(c, obj, key, required, what);
	if (!v)
		return required ? -1 : 0;
	push_key(c, key);
	if (!cJSON_IsNumber(v) || v->valuedouble != (double)(long)v->valuedouble ||
	    v->valuedouble < lo || v->valuedouble > hi) {
		fail(c, "%s: '%s' must be an integer from %u to %u", what, key, lo, hi);
		pop(c);
		return -1;
	}
	*out = (unsigned)v->valuedouble;
	pop(c);
	return 0;
}

/* A string array member: copies into the arena. */
static int get_strings(struct ctx *c, const cJSON *obj, const char *key, int required,
		       const char *what, char ***out, size_t *n)
{
	const cJSON *v = member(c, obj, key, required, what), *e;
	size_t i = 0;
	*out = NULL;
	*n = 0;
	if (!v)
		return required ? -1 : 0;
	push_key(c, key);
	if (!cJSON_IsArray(v)) {
		fail(c, "%s: '%s' must be an array of strings, not %s", what, key, type_name(v));
		pop(c);
		return -1;
	}
	*n = (size_t)cJSON_GetArraySize(v);
	*out = arena_alloc(c->priv, (*n + 1) * sizeof(char *));
	for (e = v->child; e; e = e->next, i++) {
		if (!cJSON_IsString(e) || !e->valuestring[0]) {
			push_index(c, (long)i);
			fail(c, "%s: '%s' entries must be non-empty strings", what, key);
			pop(c);
			pop(c);
			return -1;
		}
		(*out)[i] = arena_strdup(c->priv, e->valuestring);
	}
	pop(c);
	return 0;
}

static int valid_id(const char *s)
{
	size_t i;
	if (!s[0] || s[0] == '-')
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return i <= 64;
}

/* ---- id references are resolved after all files are read ------------------ */

struct pending_ref {
	size_t *slot;        /* where the index goes */
	char *id;
	const char *fname;
	const char *text;
	size_t len;
	struct json_step path[MAX_DEPTH];
	size_t depth;
	char *what;
	int role;            /* resolve against roles instead of signals */
	long *lslot;
};

struct refs {
	struct pending_ref *items;
	size_t n, cap;
};

static void add_ref(struct ctx *c, struct refs *r, size_t *slot, long *lslot, const char *id,
		    const char *what, int role)
{
	struct pending_ref *p;
	r->items = xgrow(r->items, &r->cap, r->n + 1, sizeof(*r->items));
	p = &r->items[r->n++];
	memset(p, 0, sizeof(*p));
	p->slot = slot;
	p->lslot = lslot;
	p->id = arena_strdup(c->priv, id);
	p->fname = c->fname;
	p->text = c->text;
	p->len = c->len;
	p->depth = c->depth < MAX_DEPTH ? c->depth : MAX_DEPTH;
	memcpy(p->path, c->path, p->depth * sizeof(p->path[0]));
	p->what = arena_strdup(c->priv, what);
	p->role = role;
}

/* An array of id strings at obj[key] -> pending refs into a new index array. */
static int get_id_list(struct ctx *c, struct refs *r, const cJSON *obj, const char *key,
		       int required, const char *what, size_t **out, size_t *n)
{
	char **ids;
	size_t i, k;
	if (get_strings(c, obj, key, required, what, &ids, n) < 0)
		return -1;
	*out = arena_alloc(c->priv, (*n + 1) * sizeof(size_t));
	push_key(c, key);
	for (i = 0; i < *n; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(ids[k], ids[i]) == 0) {
				push_index(c, (long)i);
				fail(c, "%s: '%s' lists '%s' twice", what, key, ids[i]);
				pop(c);
				pop(c);
				return -1;
			}
		push_index(c, (long)i);
		add_ref(c, r, &(*out)[i], NULL, ids[i], what, 0);
		pop(c);
	}
	pop(c);
	return 0;
}

/* ---- patterns --------------------------------------------------------------- */

static int is_word_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_' || ch >= 0x80;
}

static int cmp_len_desc(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
	if (la != lb)
		return la < lb ? 1 : -1;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The literal body of one term: spaces and hyphens relaxed, the rest escaped. */
static void term_body(struct buf *out, const unsigned char *t, size_t len)
{
	size_t k;
	for (k = 0; k < len; k++) {
		unsigned char ch = t[k];
		if (ch == ' ') {
			while (k + 1 < len && t[k + 1] == ' ')
				k++;
			buf_puts(out, "[\\s\\-]+");
		} else if (ch == '-') {
			buf_puts(out, "[\\s\\-]?");
		} else if (ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			   (ch >= '0' && ch <= '9')) {
			buf_putc(out, ch);
		} else {
			buf_putc(out, '\\');
			buf_putc(out, ch);
		}
	}
}

/*
 * Terms are grouped by the kind of boundary their ends need, so that each
 * group is one lookbehind, one alternation and one lookahead: PCRE2 can
 * then skip quickly to plausible starts (a lookbehind on every
 * alternative made matching several times slower). Groups whose terms
 * end in punctuation come first, so "510(k)" wins over a "510" term.
 */
void rules_terms_to_pattern(struct buf *out, char *const *terms, size_t n)
{
	static const char *const left[2] = { "(?<![\\p{L}\\p{N}_])", "" };
	static const char *const right[3] = {
		"(?![\\p{L}\\p{N}_])",         /* ends in other punctuation: ")", "." */
		"(?![\\p{L}\\p{N}_+#])",       /* ends in '+' or '#': C++, C# */
		"(?![\\p{L}\\p{N}_]|\\+|#)",    /* ends in a word character */
	};
	char **sorted = xmalloc((n ? n : 1) * sizeof(char *));
	size_t i;
	int l, r, groups = 0;

	memcpy(sorted, terms, n * sizeof(char *));
	/* longest first, so the longest variant is the one reported */
	qsort(sorted, n, sizeof(char *), cmp_len_desc);
	buf_puts(out, "(?i)(?:");
	for (l = 0; l < 2; l++) {
		for (r = 0; r < 3; r++) {
			int first = 1;
			for (i = 0; i < n; i++) {
				const unsigned char *t = (const unsigned char *)sorted[i];
				size_t len = strlen(sorted[i]);
				int tl, tr;
				if (!len)
					continue;
				tl = is_word_byte(t[0]) ? 0 : 1;
				tr = is_word_byte(t[len - 1]) ? 2 : (t[len - 1] == '+' || t[len - 1] == '#') ? 1 : 0;
				if (tl != l || tr != r)
					continue;
				if (first) {
					if (groups++)
						buf_putc(out, '|');
					buf_puts(out, left[l]);
					buf_puts(out, "(?:");
					first = 0;
				} else {
					buf_putc(out, '|');
				}
				term_body(out, t, len);
			}
			if (!first) {
				buf_putc(out, ')');
				buf_puts(out, right[r]);
			}
		}
	}
	buf_putc(out, ')');
	free(sorted);
}

static int compile_rx(struct ctx *c, struct rx *rx, const char *src, uint32_t extra_opts,
		      const char *what)
{
	int err;
	PCRE2_SIZE erroff;
	pcre2_code *code;

	code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
			     PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | PCRE2_USE_OFFSET_LIMIT | extra_opts, &err, &erroff, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		return fail(c, "%s: bad pattern at offset %zu: %s", what, (size_t)erroff, (char *)msg);
	}
	c->priv->codes = xgrow(c->priv->codes, &c->priv->acodes, c->priv->ncodes + 1, sizeof(void *));
	c->priv->codes[c->priv->ncodes++] = code;
	rx->code = code;
	rx->source = arena_strdup(c->priv, src);
	return 0;
}

/*
 * The terms pattern of a signal, in up to two parts: the terms whose
 * anchor begins them on their own line (the matcher tries those right
 * where the anchor occurs, after a check in C) and the rest (searched
 * on the anchor's lines). Kept apart, a single term of the second kind
 * does not make the whole list slow. Both parts are from_terms.
 */
static int compile_terms(struct ctx *c, struct signal *s, const char *what, size_t *npat)
{
	char **part[2];
	size_t n[2] = { 0, 0 }, i;
	int k, ret = 0;

	part[0] = xmalloc(s->nterms * sizeof(char *));
	part[1] = xmalloc(s->nterms * sizeof(char *));
	for (i = 0; i < s->nterms; i++) {
		int k1 = anchors_term_part(s->terms[i]) - 1;
		part[k1][n[k1]++] = s->terms[i];
	}
	push_key(c, "terms");
	for (k = 0; k < 2 && ret == 0; k++) {
		struct buf p = BUF_INIT;
		if (!n[k])
			continue;
		rules_terms_to_pattern(&p, part[k], n[k]);
		ret = compile_rx(c, &s->rx[*npat], p.ptr, 0, what);
		if (ret == 0)
			s->rx[(*npat)++].from_terms = k + 1;
		buf_release(&p);
	}
	pop(c);
	free(part[0]);
	free(part[1]);
	return ret;
}

/* "patterns"/"exclude": strings or {"re": ..., "sections": [...]} */
static int get_patterns(struct ctx *c, const cJSON *obj, const char *key, const char *what,
			struct rx *out, size_t *n, int allow_sections)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key), *e;
	size_t i = 0;
	if (!v)
		return 0;
	push_key(c, key);
	if (!cJSON_IsArray(v)) {
		fail(c, "%s: '%s' must be an array, not %s", what, key, type_name(v));
		pop(c);
		return -1;
	}
	for (e = v->child; e; e = e->next, i++) {
		struct rx *rx = &out[(*n)++];
		const char *src = NULL;
		push_index(c, (long)i);
		if (cJSON_IsString(e)) {
			src = e->valuestring;
		} else if (allow_sections && cJSON_IsObject(e)) {
			static const char *const keys[] = { "re", "sections", NULL };
			const cJSON *re = cJSON_GetObjectItemCaseSensitive(e, "re");
			const cJSON *secs = cJSON_GetObjectItemCaseSensitive(e, "sections"), *s;
			size_t j = 0;
			if (only_keys(c, e, what, keys) < 0)
				goto bad;
			if (!cJSON_IsString(re)) {
				fail(c, "%s: a pattern object needs a string 're'", what);
				goto bad;
			}
			src = re->valuestring;
			if (secs) {
				push_key(c, "sections");
				if (!cJSON_IsArray(secs)) {
					fail(c, "%s: 'sections' must be an array of section names", what);
					pop(c);
					goto bad;
				}
				for (s = secs->child; s; s = s->next, j++) {
					int k = cJSON_IsString(s) ? section_from_name(s->valuestring) : -1;
					if (k < 0) {
						push_index(c, (long)j);
						fail(c, "%s: unknown section '%s' (one of header, summary, experience, education, skills, publications, certifications, projects, awards, volunteer, languages, interests, references, contact, other)",
						     what, cJSON_IsString(s) ? s->valuestring : "?");
						pop(c);
						pop(c);
						goto bad;
					}
					rx->sections |= 1u << k;
				}
				pop(c);
			}
		} else {
			fail(c, "%s: '%s' entries must be %s, not %s", what, key,
			     allow_sections ? "strings or {\"re\", \"sections\"} objects" : "strings",
			     type_name(e));
			goto bad;
		}
		if (!src[0]) {
			fail(c, "%s: empty pattern", what);
			goto bad;
		}
		if (compile_rx(c, rx, src, 0, what) < 0)
			goto bad;
		pop(c);
		continue;
bad:
		pop(c);
		pop(c);
		return -1;
	}
	pop(c);
	return 0;
}

/* ---- skills and credentials ------------------------------------------------- */

struct id_seen {
	char **ids;
	size_t n, cap;
};

static int parse_signal(struct ctx *c, struct refs *r, const cJSON *e, struct signal *s,
			enum signal_kind kind)
{
	static const char *const skill_keys[] = {
		"id", "name", "category", "terms", "patterns", "exclude", "prerequisites",
		"effort_hours", "resources", "project", NULL
	};
	static const char *const cred_keys[] = {
		"id", "name", "group", "terms", "patterns", "exclude", NULL
	};
	char what[160];
	const cJSON *pats, *excl, *res;
	size_t npat = 0, nex = 0;

	if (!cJSON_IsObject(e))
		return fail(c, "%s must be an object, not %s",
			    kind == SIGNAL_SKILL ? "a skill" : "a credential", type_name(e));
	s->kind = kind;
	s->id = get_string(c, e, "id", 1, kind == SIGNAL_SKILL ? "skill" : "credential");
	if (!s->id)
		return -1;
	snprintf(what, sizeof(what), "%s '%s'", kind == SIGNAL_SKILL ? "skill" : "credential", s->id);
	if (!valid_id(s->id)) {
		push_key(c, "id");
		fail(c, "%s: ids use only a-z, 0-9 and '-'", what);
		pop(c);
		return -1;
	}
	if (only_keys(c, e, what, kind == SIGNAL_SKILL ? skill_keys : cred_keys) < 0)
		return -1;
	s->file = c->fname;
	/* line/col are found only when a message needs them (signal_where) */
	if (!(s->name = get_string(c, e, "name", 1, what)))
		return -1;
	s->category = get_string(c, e, kind == SIGNAL_SKILL ? "category" : "group", 1, what);
	if (!s->category)
		return -1;
	if (get_strings(c, e, "terms", 0, what, &s->terms, &s->nterms) < 0)
		return -1;
	pats = cJSON_GetObjectItemCaseSensitive(e, "patterns");
	excl = cJSON_GetObjectItemCaseSensitive(e, "exclude");
	if (!s->nterms && !(cJSON_IsArray(pats) && cJSON_GetArraySize(pats) > 0))
		return fail(c, "%s: needs at least one of 'terms' or 'patterns'", what);
	s->rx = arena_alloc(c->priv, (2 + (size_t)(cJSON_IsArray(pats) ? cJSON_GetArraySize(pats) : 0)) *
					     sizeof(struct rx));
	if (s->nterms) {
		size_t i;
		for (i = 0; i < s->nterms; i++) {
			size_t k;
			for (k = 0; k < i; k++)
				if (strcmp(s->terms[k], s->terms[i]) == 0) {
					push_key(c, "terms");
					push_index(c, (long)i);
					fail(c, "%s: term '%s' listed twice", what, s->terms[i]);
					pop(c);
					pop(c);
					return -1;
				}
		}
		if (compile_terms(c, s, what, &npat) < 0)
			return -1;
	}
	if (get_patterns(c, e, "patterns", what, s->rx, &npat, 1) < 0)
		return -1;
	s->nrx = npat;
	s->exclude = arena_alloc(c->priv, (1 + (size_t)(cJSON_IsArray(excl) ? cJSON_GetArraySize(excl) : 0)) *
						  sizeof(struct rx));
	if (get_patterns(c, e, "exclude", what, s->exclude, &nex, 0) < 0)
		return -1;
	s->nexclude = nex;
	if (kind == SIGNAL_CREDENTIAL)
		return 0;

	if (get_id_list(c, r, e, "prerequisites", 0, what, &s->prereq, &s->nprereq) < 0)
		return -1;
	if (get_uint(c, e, "effort_hours", 1, what, 1, 2000, &s->effort_hours) < 0)
		return -1;
	res = cJSON_GetObjectItemCaseSensitive(e, "resources");
	if (res) {
		const cJSON *x;
		size_t i = 0;
		push_key(c, "resources");
		if (!cJSON_IsArray(res)) {
			fail(c, "%s: 'resources' must be an array", what);
			pop(c);
			return -1;
		}
		s->resources = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(res) + 1) * sizeof(struct resource));
		for (x = res->child; x; x = x->next, i++) {
			static const char *const keys[] = { "title", "url", NULL };
			push_index(c, (long)i);
			if (!cJSON_IsObject(x)) {
				fail(c, "%s: a resource must be an object with 'title' and 'url'", what);
				pop(c);
				pop(c);
				return -1;
			}
			if (only_keys(c, x, what, keys) < 0 ||
			    !(s->resources[i].title = get_string(c, x, "title", 1, what)) ||
			    !(s->resources[i].url = get_string(c, x, "url", 1, what))) {
				pop(c);
				pop(c);
				return -1;
			}
			if (strncmp(s->resources[i].url, "https://", 8) != 0 &&
			    strncmp(s->resources[i].url, "http://", 7) != 0) {
				push_key(c, "url");
				fail(c, "%s: resource url must start with https:// or http://", what);
				pop(c);
				pop(c);
				pop(c);
				return -1;
			}
			pop(c);
		}
		s->nresources = i;
		pop(c);
	}
	if (cJSON_GetObjectItemCaseSensitive(e, "project") &&
	    !(s->project = get_string(c, e, "project", 0, what)))
		return -1;
	return 0;
}

static int parse_signal_file(struct ctx *c, struct refs *r, const cJSON *root, const char *key,
			     enum signal_kind kind)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key), *e;
	static const char *const skill_top[] = { "schema_version", "categories", "skills", NULL };
	static const char *const cred_top[] = { "schema_version", "credentials", NULL };
	size_t i = 0, base = c->rs->nsignals;

	if (!cJSON_IsObject(root))
		return fail(c, "the top level must be an object");
	if (only_keys(c, root, c->fname, kind == SIGNAL_SKILL ? skill_top : cred_top) < 0)
		return -1;
	if (!cJSON_IsArray(arr))
		return fail(c, "'%s' must be an array", key);
	c->rs->signals = xrealloc(c->rs->signals, (base + (size_t)cJSON_GetArraySize(arr) + 1) *
							  sizeof(struct signal));
	memset(c->rs->signals + base, 0, ((size_t)cJSON_GetArraySize(arr) + 1) * sizeof(struct signal));
	push_key(c, key);
	for (e = arr->child; e; e = e->next, i++) {
		push_index(c, (long)i);
		c->rs->signals[base + i].index = (uint32_t)i;
		if (parse_signal(c, r, e, &c->rs->signals[base + i], kind) < 0) {
			pop(c);
			pop(c);
			return -1;
		}
		pop(c);
		c->rs->nsignals = base + i + 1;
	}
	pop(c);
	if (kind == SIGNAL_SKILL) {
		const cJSON *cats = cJSON_GetObjectItemCaseSensitive(root, "categories"), *x;
		size_t k = 0;
		c->rs->nskills = c->rs->nsignals;
		if (!cJSON_IsArray(cats))
			return fail(c, "'categories' must be an array of {\"id\", \"name\"}");
		c->rs->categories = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(cats) + 1) * sizeof(struct category));
		push_key(c, "categories");
		for (x = cats->child; x; x = x->next, k++) {
			push_index(c, (long)k);
			if (!cJSON_IsObject(x) ||
			    !(c->rs->categories[k].id = get_string(c, x, "id", 1, "category")) ||
			    !(c->rs->categories[k].name = get_string(c, x, "name", 1, "category"))) {
				if (!c->failed)
					fail(c, "a category must be an object with 'id' and 'name'");
				pop(c);
				pop(c);
				return -1;
			}
			pop(c);
		}
		c->rs->ncategories = k;
		pop(c);
		/* every skill's category must exist */
		for (k = base; k < c->rs->nsignals; k++) {
			size_t j;
			int ok = 0;
			for (j = 0; j < c->rs->ncategories; j++)
				if (strcmp(c->rs->categories[j].id, c->rs->signals[k].category) == 0)
					ok = 1;
			if (!ok) {
				push_key(c, key);
				push_index(c, (long)(k - base));
				push_key(c, "category");
				fail(c, "skill '%s': unknown category '%s'", c->rs->signals[k].id,
				     c->rs->signals[k].category);
				c->depth -= 3;
				return -1;
			}
		}
	}
	return 0;
}

/* ---- roles ---------------------------------------------------------------------- */

static int parse_role(struct ctx *c, struct refs *r, const cJSON *root, struct role *role)
{
	static const char *const keys[] = {
		"schema_version", "id", "title", "salary", "does", "requirements", "skills",
		"interview", "grow_into", NULL
	};
	const cJSON *sal, *skills, *iv, *x;
	char what[128];
	size_t i;

	if (!cJSON_IsObject(root))
		return fail(c, "a role file must hold one object");
	if (!(role->id = get_string(c, root, "id", 1, "role")))
		return -1;
	snprintf(what, sizeof(what), "role '%s'", role->id);
	if (!valid_id(role->id)) {
		push_key(c, "id");
		fail(c, "%s: ids use only a-z, 0-9 and '-'", what);
		pop(c);
		return -1;
	}
	if (only_keys(c, root, what, keys) < 0)
		return -1;
	role->file = c->fname;
	if (!(role->title = get_string(c, root, "title", 1, what)))
		return -1;
	sal = member(c, root, "salary", 1, what);
	if (!sal)
		return -1;
	push_key(c, "salary");
	{
		static const char *const skeys[] = { "min", "max", "currency", NULL };
		unsigned mn = 0, mx = 0;
		if (!cJSON_IsObject(sal) || only_keys(c, sal, what, skeys) < 0 ||
		    get_uint(c, sal, "min", 1, what, 0, 100000000, &mn) < 0 ||
		    get_uint(c, sal, "max", 1, what, 0, 100000000, &mx) < 0 ||
		    !(role->currency = get_string(c, sal, "currency", 1, what))) {
			if (!c->failed)
				fail(c, "%s: 'salary' must be {\"min\", \"max\", \"currency\"}", what);
			pop(c);
			return -1;
		}
		if (mn > mx) {
			fail(c, "%s: salary min is above max", what);
			pop(c);
			return -1;
		}
		role->salary_min = mn;
		role->salary_max = mx;
	}
	pop(c);
	if (get_strings(c, root, "does", 1, what, &role->does, &role->ndoes) < 0 ||
	    get_strings(c, root, "requirements", 0, what, &role->requirements, &role->nrequirements) < 0)
		return -1;
	skills = member(c, root, "skills", 1, what);
	if (!skills)
		return -1;
	push_key(c, "skills");
	if (!cJSON_IsArray(skills) || cJSON_GetArraySize(skills) == 0) {
		fail(c, "%s: 'skills' must be a non-empty array", what);
		pop(c);
		return -1;
	}
	role->reqs = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(skills) + 1) * sizeof(struct role_req));
	for (x = skills->child, i = 0; x; x = x->next, i++) {
		static const char *const rkeys[] = { "skill", "any_of", "name", "level", "weight", NULL };
		struct role_req *q = &role->reqs[i];
		char *lvl;
		const cJSON *sk, *any;
		push_index(c, (long)i);
		if (!cJSON_IsObject(x) || only_keys(c, x, what, rkeys) < 0) {
			if (!c->failed)
				fail(c, "%s: a skill entry must be an object", what);
			goto bad;
		}
		sk = cJSON_GetObjectItemCaseSensitive(x, "skill");
		any = cJSON_GetObjectItemCaseSensitive(x, "any_of");
		if (!!sk == !!any) {
			fail(c, "%s: a skill entry needs exactly one of 'skill' or 'any_of'", what);
			goto bad;
		}
		if (sk) {
			char *id = get_string(c, x, "skill", 1, what);
			if (!id)
				goto bad;
			q->members = arena_alloc(c->priv, sizeof(size_t));
			q->nmembers = 1;
			push_key(c, "skill");
			add_ref(c, r, &q->members[0], NULL, id, what, 0);
			pop(c);
		} else {
			if (get_id_list(c, r, x, "any_of", 1, what, &q->members, &q->nmembers) < 0)
				goto bad;
			if (q->nmembers < 2) {
				push_key(c, "any_of");
				fail(c, "%s: 'any_of' needs at least two ids", what);
				pop(c);
				goto bad;
			}
			if (!(q->name = get_string(c, x, "name", 1, what)))
				goto bad;
		}
		if (!(lvl = get_string(c, x, "level", 1, what)))
			goto bad;
		if (strcmp(lvl, "required") == 0) {
			q->level = LEVEL_REQUIRED;
		} else if (strcmp(lvl, "preferred") == 0) {
			q->level = LEVEL_PREFERRED;
		} else {
			push_key(c, "level");
			fail(c, "%s: level must be \"required\" or \"preferred\", not \"%s\"", what, lvl);
			pop(c);
			goto bad;
		}
		if (get_uint(c, x, "weight", 1, what, 1, 10, &q->weight) < 0)
			goto bad;
		pop(c);
		continue;
bad:
		pop(c);
		pop(c);
		return -1;
	}
	role->nreqs = i;
	pop(c);

	iv = cJSON_GetObjectItemCaseSensitive(root, "interview");
	if (iv) {
		push_key(c, "interview");
		if (!cJSON_IsArray(iv)) {
			fail(c, "%s: 'interview' must be an array", what);
			pop(c);
			return -1;
		}
		role->interview = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(iv) + 1) * sizeof(struct interview_q));
		for (x = iv->child, i = 0; x; x = x->next, i++) {
			static const char *const qkeys[] = { "type", "question", "probes", NULL };
			struct interview_q *q = &role->interview[i];
			push_index(c, (long)i);
			if (!cJSON_IsObject(x) || only_keys(c, x, what, qkeys) < 0 ||
			    !(q->type = get_string(c, x, "type", 1, what)) ||
			    !(q->question = get_string(c, x, "question", 1, what)) ||
			    get_id_list(c, r, x, "probes", 0, what, &q->probes, &q->nprobes) < 0) {
				if (!c->failed)
					fail(c, "%s: an interview entry must be an object", what);
				pop(c);
				pop(c);
				return -1;
			}
			pop(c);
		}
		role->ninterview = i;
		pop(c);
	}
	role->grow_into = -1;
	if (cJSON_GetObjectItemCaseSensitive(root, "grow_into")) {
		char *g = get_string(c, root, "grow_into", 0, what);
		if (!g)
			return -1;
		push_key(c, "grow_into");
		add_ref(c, r, NULL, &role->grow_into, g, what, 1);
		pop(c);
	}
	return 0;
}

/* ---- paths -------------------------------------------------------------------- */

static int parse_paths(struct ctx *c, struct refs *r, const cJSON *root)
{
	static const char *const keys[] = { "schema_version", "ready_now", "paths", NULL };
	const cJSON *ready, *arr, *x;
	size_t i;

	if (!cJSON_IsObject(root) || only_keys(c, root, "paths.json", keys) < 0)
		return c->failed ? -1 : fail(c, "the top level must be an object");
	ready = member(c, root, "ready_now", 1, "paths.json");
	if (!ready)
		return -1;
	push_key(c, "ready_now");
	{
		static const char *const rkeys[] = { "min_fit", "min_required", NULL };
		const cJSON *f = cJSON_GetObjectItemCaseSensitive(ready, "min_fit");
		const cJSON *q = cJSON_GetObjectItemCaseSensitive(ready, "min_required");
		if (!cJSON_IsObject(ready) || only_keys(c, ready, "ready_now", rkeys) < 0 ||
		    !cJSON_IsNumber(f) || !cJSON_IsNumber(q) || f->valuedouble < 0 ||
		    f->valuedouble > 100 || q->valuedouble < 0 || q->valuedouble > 1) {
			if (!c->failed)
				fail(c, "'ready_now' must be {\"min_fit\": 0..100, \"min_required\": 0..1}");
			pop(c);
			return -1;
		}
		c->rs->ready_min_fit = f->valuedouble;
		c->rs->ready_min_required = q->valuedouble;
	}
	pop(c);
	arr = member(c, root, "paths", 1, "paths.json");
	if (!arr)
		return -1;
	push_key(c, "paths");
	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
		fail(c, "'paths' must be a non-empty array");
		pop(c);
		return -1;
	}
	c->rs->paths = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(arr) + 1) * sizeof(struct entry_path));
	for (x = arr->child, i = 0; x; x = x->next, i++) {
		static const char *const pkeys[] = {
			"id", "name", "for", "requires_any", "unless_any", "signals", "steps", NULL
		};
		struct entry_path *p = &c->rs->paths[i];
		const cJSON *sig, *y;
		char what[96];
		size_t k;
		push_index(c, (long)i);
		if (!cJSON_IsObject(x) || !(p->id = get_string(c, x, "id", 1, "path"))) {
			if (!c->failed)
				fail(c, "a path must be an object");
			goto bad;
		}
		snprintf(what, sizeof(what), "path '%s'", p->id);
		for (k = 0; k < i; k++)
			if (strcmp(c->rs->paths[k].id, p->id) == 0) {
				fail(c, "%s: duplicate path id", what);
				goto bad;
			}
		if (only_keys(c, x, what, pkeys) < 0 || !(p->name = get_string(c, x, "name", 1, what)) ||
		    !(p->for_whom = get_string(c, x, "for", 1, what)) ||
		    get_id_list(c, r, x, "requires_any", 1, what, &p->requires_any, &p->nrequires_any) < 0 ||
		    get_id_list(c, r, x, "unless_any", 0, what, &p->unless_any, &p->nunless_any) < 0 ||
		    get_strings(c, x, "steps", 1, what, &p->steps, &p->nsteps) < 0)
			goto bad;
		sig = member(c, x, "signals", 1, what);
		if (!sig)
			goto bad;
		push_key(c, "signals");
		if (!cJSON_IsArray(sig)) {
			fail(c, "%s: 'signals' must be an array", what);
			pop(c);
			goto bad;
		}
		p->signals = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(sig) + 1) * sizeof(struct path_signal));
		for (y = sig->child, k = 0; y; y = y->next, k++) {
			static const char *const skeys[] = { "id", "weight", "reason", NULL };
			char *id;
			push_index(c, (long)k);
			if (!cJSON_IsObject(y) || only_keys(c, y, what, skeys) < 0 ||
			    !(id = get_string(c, y, "id", 1, what)) ||
			    get_uint(c, y, "weight", 1, what, 1, 100, &p->signals[k].weight) < 0 ||
			    !(p->signals[k].reason = get_string(c, y, "reason", 1, what))) {
				if (!c->failed)
					fail(c, "%s: a signal must be {\"id\", \"weight\", \"reason\"}", what);
				pop(c);
				pop(c);
				goto bad;
			}
			push_key(c, "id");
			add_ref(c, r, &p->signals[k].signal, NULL, id, what, 0);
			pop(c);
			pop(c);
		}
		p->nsignals = k;
		pop(c);
		pop(c);
		continue;
bad:
		pop(c);
		pop(c);
		return -1;
	}
	c->rs->npaths = i;
	pop(c);
	return 0;
}

/* ---- use cases ------------------------------------------------------------------ */

static int parse_usecases(struct ctx *c, struct refs *r, const cJSON *root)
{
	static const char *const keys[] = { "schema_version", "use_cases", "employers", NULL };
	const cJSON *arr, *x;
	size_t i;

	if (!cJSON_IsObject(root) || only_keys(c, root, "usecases.json", keys) < 0)
		return c->failed ? -1 : fail(c, "the top level must be an object");
	arr = member(c, root, "use_cases", 1, "usecases.json");
	if (!arr)
		return -1;
	push_key(c, "use_cases");
	if (!cJSON_IsArray(arr)) {
		fail(c, "'use_cases' must be an array");
		pop(c);
		return -1;
	}
	c->rs->use_cases = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(arr) + 1) * sizeof(struct use_case));
	for (x = arr->child, i = 0; x; x = x->next, i++) {
		static const char *const ukeys[] = {
			"id", "name", "problem", "solutions", "companies", "skills", NULL
		};
		struct use_case *u = &c->rs->use_cases[i];
		push_index(c, (long)i);
		if (!cJSON_IsObject(x) || !(u->id = get_string(c, x, "id", 1, "use case")) ||
		    only_keys(c, x, "use case", ukeys) < 0 ||
		    !(u->name = get_string(c, x, "name", 1, "use case")) ||
		    !(u->problem = get_string(c, x, "problem", 1, "use case")) ||
		    get_strings(c, x, "solutions", 1, "use case", &u->solutions, &u->nsolutions) < 0 ||
		    get_strings(c, x, "companies", 1, "use case", &u->companies, &u->ncompanies) < 0 ||
		    get_id_list(c, r, x, "skills", 1, "use case", &u->skills, &u->nskills) < 0) {
			if (!c->failed)
				fail(c, "a use case must be an object");
			pop(c);
			pop(c);
			return -1;
		}
		pop(c);
	}
	c->rs->nuse_cases = i;
	pop(c);
	arr = cJSON_GetObjectItemCaseSensitive(root, "employers");
	if (arr) {
		push_key(c, "employers");
		if (!cJSON_IsArray(arr)) {
			fail(c, "'employers' must be an array");
			pop(c);
			return -1;
		}
		c->rs->employers = arena_alloc(c->priv, ((size_t)cJSON_GetArraySize(arr) + 1) * sizeof(struct employer));
		for (x = arr->child, i = 0; x; x = x->next, i++) {
			static const char *const ekeys[] = { "name", "group", "focus", NULL };
			struct employer *m = &c->rs->employers[i];
			push_index(c, (long)i);
			if (!cJSON_IsObject(x) || only_keys(c, x, "employer", ekeys) < 0 ||
			    !(m->name = get_string(c, x, "name", 1, "employer")) ||
			    !(m->group = get_string(c, x, "group", 1, "employer")) ||
			    !(m->focus = get_string(c, x, "focus", 1, "employer"))) {
				if (!c->failed)
					fail(c, "an employer must be an object");
				pop(c);
				pop(c);
				return -1;
			}
			pop(c);
		}
		c->rs->nemployers = i;
		pop(c);
	}
	return 0;
}

/* ---- whole set -------------------------------------------------------------------- */

long rules_find_signal(const struct ruleset *rs, const char *id)
{
	size_t i;
	for (i = 0; i < rs->nsignals; i++)
		if (strcmp(rs->signals[i].id, id) == 0)
			return (long)i;
	return -1;
}

long rules_find_role(const struct ruleset *rs, const char *id)
{
	size_t i;
	for (i = 0; i < rs->nroles; i++)
		if (strcmp(rs->roles[i].id, id) == 0)
			return (long)i;
	return -1;
}

static int ref_fail(struct ctx *c, const struct pending_ref *p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int ref_fail(struct ctx *c, const struct pending_ref *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->fname = p->fname;
	c->text = p->text;
	c->len = p->len;
	c->depth = p->depth;
	memcpy(c->path, p->path, p->depth * sizeof(p->path[0]));
	return fail(c, "%s", msg);
}

/* graph_postorder() edges: a skill's prerequisites. */
static const size_t *prereq_edges(const void *rs, size_t v, size_t *n)
{
	const struct signal *s = &((const struct ruleset *)rs)->signals[v];
	*n = s->nprereq;
	return s->prereq;
}

/* Prerequisite cycles (prerequisites are skills, checked before): named with the skill that closes one. */
static int check_cycles(struct ctx *c)
{
	struct ruleset *rs = c->rs;
	size_t *cycle = xmalloc((rs->nskills + 1) * sizeof(size_t)), ncycle = 0, k;
	struct signal *w;
	struct buf cyc = BUF_INIT;

	if (!graph_postorder(rs->nskills, prereq_edges, rs, NULL, cycle, &ncycle)) {
		free(cycle);
		return 0;
	}
	for (k = 0; k < ncycle; k++)
		buf_printf(&cyc, "%s -> ", rs->signals[cycle[k]].id);
	w = &rs->signals[cycle[0]];
	buf_puts(&cyc, w->id);
	c->fname = w->file;
	signal_where(c->files, c->nfiles, w);
	diag_set(c->d, SG_ERULES, "%s/%s:%u:%u: skill '%s': prerequisite cycle: %s", c->origin, c->fname,
		 w->line, w->col, w->id, cyc.ptr);
	c->failed = 1;
	buf_release(&cyc);
	free(cycle);
	return -1;
}

static int resolve(struct ctx *c, struct refs *r)
{
	size_t i;
	for (i = 0; i < r->n; i++) {
		const struct pending_ref *p = &r->items[i];
		long idx;
		if (p->role) {
			idx = rules_find_role(c->rs, p->id);
			if (idx < 0)
				return ref_fail(c, p, "%s: unknown role '%s'", p->what, p->id);
			*p->lslot = idx;
			continue;
		}
		idx = rules_find_signal(c->rs, p->id);
		if (idx < 0)
			return ref_fail(c, p, "%s: unknown skill or credential '%s'", p->what, p->id);
		*p->slot = (size_t)idx;
	}
	/* skills' prerequisites must be skills */
	for (i = 0; i < c->rs->nskills; i++) {
		size_t k;
		const struct signal *s = &c->rs->signals[i];
		for (k = 0; k < s->nprereq; k++)
			if (s->prereq[k] >= c->rs->nskills || s->prereq[k] == i) {
				unsigned line, col;
				signal_where(c->files, c->nfiles, (struct signal *)s);
				line = s->line;
				col = s->col;
				diag_set(c->d, SG_ERULES, "%s/%s:%u:%u: skill '%s': prerequisite '%s' %s",
					 c->origin, s->file, line, col, s->id, c->rs->signals[s->prereq[k]].id,
					 s->prereq[k] == i ? "is the skill itself" : "is not a skill");
				c->failed = 1;
				return -1;
			}
	}
	for (i = 0; i < c->rs->nroles; i++)
		if (c->rs->roles[i].grow_into == (long)i) {
			diag_set(c->d, SG_ERULES, "%s/%s:1:1: role '%s': grow_into names the role itself",
				 c->origin, c->rs->roles[i].file, c->rs->roles[i].id);
			return -1;
		}
	return check_cycles(c);
}

static int cmp_role(const void *a, const void *b)
{
	return strcmp(((const struct role *)a)->id, ((const struct role *)b)->id);
}

static const struct rules_file *find_file(const struct rules_file *f, size_t n, const char *path)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(f[i].path, path) == 0)
			return &f[i];
	return NULL;
}

static cJSON *parse_json(struct ctx *c, const struct rules_file *f)
{
	cJSON *root;
	const char *end = NULL;
	c->fname = f->path;
	c->text = f->data;
	c->len = f->len;
	c->depth = 0;
	root = cJSON_ParseWithLengthOpts(f->data, f->len, &end, 0);
	if (!root) {
		const char *e = cJSON_GetErrorPtr();
		size_t off = (e && e >= f->data && e <= f->data + f->len) ? (size_t)(e - f->data) : 0;
		unsigned line, col;
		json_line_col(f->data, f->len, off, &line, &col);
		diag_set(c->d, SG_ERULES, "%s/%s:%u:%u: invalid JSON", c->origin, f->path, line, col);
		c->failed = 1;
		return NULL;
	}
	return root;
}

int rules_load_files(struct ruleset **out, const struct rules_file *files, size_t n,
		     const char *origin, struct diag *d)
{
	struct ruleset *rs = xcalloc(1, sizeof(*rs));
	struct rules_priv *priv = xcalloc(1, sizeof(*priv));
	struct ctx c;
	struct refs refs = { NULL, 0, 0 };
	static const char *const needed[] = { "skills.json", "credentials.json", "paths.json", "usecases.json" };
	const struct rules_file *f;
	cJSON *root = NULL;
	size_t i, nroles = 0;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	rs->priv = priv;
	rs->origin = arena_strdup(priv, origin);
	c.rs = rs;
	c.priv = priv;
	c.d = d;
	c.origin = rs->origin;
	c.files = files;
	c.nfiles = n;

	for (i = 0; i < sizeof(needed) / sizeof(needed[0]); i++)
		if (!find_file(files, n, needed[i])) {
			diag_set(d, SG_ERULES, "%s: rule set has no %s", origin, needed[i]);
			goto fail;
		}
	for (i = 0; i < n; i++) {
		size_t k;
		for (k = 0; k < i; k++)
			if (strcmp(files[k].path, files[i].path) == 0) {
				diag_set(d, SG_ERULES, "%s: %s given twice", origin, files[i].path);
				goto fail;
			}
		if (strncmp(files[i].path, "roles/", 6) == 0)
			nroles++;
	}
	if (!nroles) {
		diag_set(d, SG_ERULES, "%s: rule set has no roles (roles/*.json)", origin);
		goto fail;
	}

	/* skills, then credentials: one id namespace */
	f = find_file(files, n, "skills.json");
	if (!(root = parse_json(&c, f)) || parse_signal_file(&c, &refs, root, "skills", SIGNAL_SKILL) < 0)
		goto fail;
	cJSON_Delete(root);
	f = find_file(files, n, "credentials.json");
	if (!(root = parse_json(&c, f)) ||
	    parse_signal_file(&c, &refs, root, "credentials", SIGNAL_CREDENTIAL) < 0)
		goto fail;
	cJSON_Delete(root);
	root = NULL;
	for (i = 0; i < rs->nsignals; i++) {
		size_t k;
		for (k = 0; k < i; k++)
			if (strcmp(rs->signals[k].id, rs->signals[i].id) == 0) {
				signal_where(files, n, &rs->signals[i]);
				signal_where(files, n, &rs->signals[k]);
				diag_set(d, SG_ERULES, "%s/%s:%u:%u: duplicate id '%s' (first defined in %s:%u:%u)",
					 origin, rs->signals[i].file, rs->signals[i].line, rs->signals[i].col,
					 rs->signals[i].id, rs->signals[k].file, rs->signals[k].line,
					 rs->signals[k].col);
				goto fail;
			}
	}

	rs->roles = xcalloc(nroles + 1, sizeof(struct role));
	for (i = 0; i < n; i++) {
		size_t k;
		if (strncmp(files[i].path, "roles/", 6) != 0)
			continue;
		if (!(root = parse_json(&c, &files[i])) || parse_role(&c, &refs, root, &rs->roles[rs->nroles]) < 0)
			goto fail;
		cJSON_Delete(root);
		root = NULL;
		for (k = 0; k < rs->nroles; k++)
			if (strcmp(rs->roles[k].id, rs->roles[rs->nroles].id) == 0) {
				diag_set(d, SG_ERULES, "%s/%s:1:1: duplicate role id '%s' (also in %s)", origin,
					 files[i].path, rs->roles[k].id, rs->roles[k].file);
				goto fail;
			}
		rs->nroles++;
	}
	f = find_file(files, n, "paths.json");
	if (!(root = parse_json(&c, f)) || parse_paths(&c, &refs, root) < 0)
		goto fail;
	cJSON_Delete(root);
	f = find_file(files, n, "usecases.json");
	if (!(root = parse_json(&c, f)) || parse_usecases(&c, &refs, root) < 0)
		goto fail;
	cJSON_Delete(root);
	root = NULL;

	/* sort roles by id; grow_into refs resolve against the sorted order */
	qsort(rs->roles, rs->nroles, sizeof(struct role), cmp_role);
	if (resolve(&c, &refs) < 0)
		goto fail;
	free(refs.items);
	anchors_build(rs, arena_alloc_cb, rs->priv);
	*out = rs;
	return 0;
fail:
	cJSON_Delete(root);
	free(refs.items);
	rules_free(rs);
	return SG_ERULES;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int rules_load_dir(struct ruleset **out, const char *dir, struct diag *d)
{
	static const char *const fixed[] = { "skills.json", "credentials.json", "paths.json", "usecases.json" };
	struct rules_file files[RULES_MAX_FILES];
	struct buf texts[RULES_MAX_FILES];
	char *names[RULES_MAX_FILES];
	char *roles[RULES_MAX_FILES];
	size_t n = 0, nroles = 0, i;
	struct buf path = BUF_INIT;
	DIR *dh;
	struct dirent *de;
	int ret = SG_ERULES;

	*out = NULL;
	if (io_is_dir(dir) != 1)
		return diag_set(d, SG_ERULES, "rules directory '%s' does not exist or is not a directory", dir);
	buf_printf(&path, "%s/roles", dir);
	dh = opendir(path.ptr);
	if (!dh) {
		buf_release(&path);
		return diag_set(d, SG_ERULES, "%s: rule set has no roles/ directory", dir);
	}
	while ((de = readdir(dh))) {
		size_t l = strlen(de->d_name);
		if (l > 5 && strcmp(de->d_name + l - 5, ".json") == 0 && de->d_name[0] != '.' &&
		    nroles < RULES_MAX_FILES - 8)
			roles[nroles++] = xstrdup(de->d_name);
	}
	closedir(dh);
	qsort(roles, nroles, sizeof(char *), cmp_str);
	for (i = 0; i < 4; i++)
		names[n++] = xstrdup(fixed[i]);
	for (i = 0; i < nroles; i++) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "roles/%s", roles[i]);
		names[n++] = buf_detach(&b, NULL);
		free(roles[i]);
	}
	for (i = 0; i < n; i++) {
		struct diag rd = DIAG_INIT;
		buf_init(&texts[i]);
		buf_truncate(&path, 0);
		buf_printf(&path, "%s/%s", dir, names[i]);
		if (io_read_file(&texts[i], path.ptr, RULES_MAX_FILE, &rd) < 0) {
			diag_set(d, SG_ERULES, "%s", rd.msg);
			n = i + 1;
			goto done;
		}
		files[i].path = names[i];
		files[i].data = texts[i].ptr;
		files[i].len = texts[i].len;
	}
	ret = rules_load_files(out, files, n, dir, d);
done:
	for (i = 0; i < n; i++) {
		buf_release(&texts[i]);
		free(names[i]);
	}
	buf_release(&path);
	return ret;
}

int rules_load_embedded(struct ruleset **out, struct diag *d)
{
	return rules_load_files(out, rules_embedded, rules_embedded_count, "embedded", d);
}

void rules_jit(struct ruleset *rs)
{
	rules_jit_signals(rs, NULL);
}

void rules_jit_signals(struct ruleset *rs, const unsigned char *want)
{
	size_t i, r;
	/* JIT is an optimisation: where it is unavailable the interpreter runs */
	for (i = 0; i < rs->nsignals; i++) {
		const struct signal *s = &rs->signals[i];
		if (want && !want[i])
			continue;
		for (r = 0; r < s->nrx; r++)
			(void)pcre2_jit_compile(s->rx[r].code, PCRE2_JIT_COMPLETE);
		for (r = 0; r < s->nexclude; r++)
			(void)pcre2_jit_compile(s->exclude[r].code, PCRE2_JIT_COMPLETE);
	}
}

void rules_free(struct ruleset *rs)
{
	struct rules_priv *p;
	size_t i;
	if (!rs)
		return;
	p = rs->priv;
	free(rs->signals);
	free(rs->roles);
	if (p) {
		for (i = 0; i < p->ncodes; i++)
			pcre2_code_free(p->codes[i]);
		free(p->codes);
		while (p->blocks) {
			struct arena_block *b = p->blocks;
			p->blocks = b->next;
			free(b);
		}
		free(p);
	}
	free(rs);
}
