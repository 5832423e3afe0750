/*
 * rules_lint.c - the rule-set linter. Input: rule files (the embedded
 * set or a directory's). Output: findings as "FILE:LINE:COL: message",
 * sorted by position; what is checked and why is in lint.h.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "lint.h"

#include <ctype.h>
#include <dirent.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "io.h"
#include "json_pos.h"

#define LINT_MAX_FILE ((size_t)8 << 20)
#define LINT_MAX_ROLES 248

void lint_report_init(struct lint_report *r)
{
	memset(r, 0, sizeof(*r));
}

void lint_report_release(struct lint_report *r)
{
	size_t i;
	for (i = 0; i < r->n; i++)
		free(r->items[i].text);
	free(r->items);
	memset(r, 0, sizeof(*r));
}

struct linter {
	const struct ruleset *rs;
	const struct rules_file *files;
	size_t nfiles;
	const char *origin;
	struct lint_report *out;
	pcre2_match_data *md;
};

static long file_index(const struct linter *l, const char *path)
{
	size_t i;
	for (i = 0; i < l->nfiles; i++)
		if (strcmp(l->files[i].path, path) == 0)
			return (long)i;
	return -1;
}

static void add(struct linter *l, const char *file, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void add(struct linter *l, const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	struct lint_report *r = l->out;
	struct lint_finding *f;
	struct buf b = BUF_INIT;
	va_list ap;
	long fi = file_index(l, file);

	buf_printf(&b, "%s/%s:%u:%u: ", l->origin, file, line, col);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r->items = xgrow(r->items, &r->cap, r->n + 1, sizeof(*r->items));
	f = &r->items[r->n++];
	f->file = fi < 0 ? l->nfiles : (size_t)fi;
	f->line = line;
	f->col = col;
	f->text = buf_detach(&b, NULL);
}

/* Line:col of a path in a rule file (1:1 when the file is unknown). */
static void locate(const struct linter *l, const char *file, const struct json_step *path, size_t n,
		   unsigned *line, unsigned *col)
{
	long fi = file_index(l, file);
	*line = *col = 1;
	if (fi < 0)
		return;
	json_line_col(l->files[fi].data, l->files[fi].len,
		      json_locate(l->files[fi].data, l->files[fi].len, path, n), line, col);
}

static const char *kind(const struct signal *s)
{
	return s->kind == SIGNAL_SKILL ? "skill" : "credential";
}

/*
 * Position of signals[i] in its file, or of a member of it: `key` (e.g.
 * "terms") and, when idx >= 0, its element idx. The ruleset keeps no
 * positions, so the file text is walked.
 */
static void sig_pos(const struct linter *l, size_t i, const char *key, long idx, unsigned *line,
		    unsigned *col)
{
	const struct ruleset *rs = l->rs;
	struct json_step path[4];
	size_t n = 2;
	int skill = i < rs->nskills;
	path[0].key = skill ? "skills" : "credentials";
	path[0].index = 0;
	path[1].key = NULL;
	path[1].index = (long)(skill ? i : i - rs->nskills);
	if (key) {
		path[n].key = key;
		path[n++].index = 0;
		if (idx >= 0) {
			path[n].key = NULL;
			path[n++].index = idx;
		}
	}
	locate(l, rs->signals[i].file, path, n, line, col);
}

/* ---- unused skills and credentials ------------------------------------------- */

static void mark_used(const struct ruleset *rs, unsigned char *used, size_t s)
{
	size_t k;
	if (used[s])
		return;
	used[s] = 1;
	for (k = 0; k < rs->signals[s].nprereq; k++)
		mark_used(rs, used, rs->signals[s].prereq[k]);
}

static void check_unused(struct linter *l)
{
	const struct ruleset *rs = l->rs;
	unsigned char *used = xcalloc(rs->nsignals + 1, 1);
	size_t i, k, m;

	for (i = 0; i < rs->nroles; i++)
		for (k = 0; k < rs->roles[i].nreqs; k++)
			for (m = 0; m < rs->roles[i].reqs[k].nmembers; m++)
				mark_used(rs, used, rs->roles[i].reqs[k].members[m]);
	for (i = 0; i < rs->npaths; i++) {
		const struct entry_path *p = &rs->paths[i];
		for (k = 0; k < p->nrequires_any; k++)
			if (p->requires_any[k] >= rs->nskills)
				used[p->requires_any[k]] = 1;
		for (k = 0; k < p->nunless_any; k++)
			if (p->unless_any[k] >= rs->nskills)
				used[p->unless_any[k]] = 1;
		for (k = 0; k < p->nsignals; k++)
			if (p->signals[k].signal >= rs->nskills)
				used[p->signals[k].signal] = 1;
	}
	for (i = 0; i < rs->nsignals; i++) {
		const struct signal *s = &rs->signals[i];
		unsigned line, col;
		if (used[i])
			continue;
		sig_pos(l, i, NULL, -1, &line, &col);
		if (s->kind == SIGNAL_SKILL)
			add(l, s->file, line, col,
			    "skill '%s': no role uses it (not in any role's skills or any_of, nor a prerequisite of a skill a role uses)",
			    s->id);
		else
			add(l, s->file, line, col, "credential '%s': no role or entry path uses it", s->id);
	}
	free(used);
}

/* ---- roles with no required skill -------------------------------------------- */

static void check_roles(struct linter *l)
{
	const struct ruleset *rs = l->rs;
	size_t i, k;
	for (i = 0; i < rs->nroles; i++) {
		const struct role *role = &rs->roles[i];
		struct json_step path[1];
		unsigned line, col;
		int any = 0;
		for (k = 0; k < role->nreqs; k++)
			if (role->reqs[k].level == LEVEL_REQUIRED)
				any = 1;
		if (any)
			continue;
		path[0].key = "skills";
		path[0].index = 0;
		locate(l, role->file, path, 1, &line, &col);
		add(l, role->file, line, col, "role '%s': no required skill (every entry in 'skills' is preferred)",
		    role->id);
	}
}

/* ---- shadowed terms --------------------------------------------------------------- */

/* Lower-case ASCII, runs of spaces/tabs/hyphens as one space, trimmed. */
static char *norm_term(const char *t)
{
	struct buf b = BUF_INIT;
	int gap = 0;
	for (; *t; t++) {
		unsigned char c = (unsigned char)*t;
		if (c == ' ' || c == '\t' || c == '-') {
			gap = 1;
			continue;
		}
		if (gap && b.len)
			buf_putc(&b, ' ');
		gap = 0;
		buf_putc(&b, c < 0x80 ? tolower(c) : c);
	}
	return buf_detach(&b, NULL);
}

/* Does signal b's terms pattern (either part) match all of `term`, with no exclude dropping it? */
static int matches_whole(struct linter *l, const struct signal *b, const char *term)
{
	size_t n = strlen(term), k;
	int hit = 0;
	for (k = 0; k < b->nrx && !hit; k++)
		hit = b->rx[k].from_terms && pcre2_match(b->rx[k].code, (PCRE2_SPTR)term, n, 0,
							 PCRE2_ANCHORED | PCRE2_ENDANCHORED, l->md, NULL) >= 0;
	if (!hit)
		return 0;
	for (k = 0; k < b->nexclude; k++)
		if (pcre2_match(b->exclude[k].code, (PCRE2_SPTR)term, n, 0, 0, l->md, NULL) >= 0)
			return 0;
	return 1;
}

static void check_terms(struct linter *l)
{
	const struct ruleset *rs = l->rs;
	char ***norm = xcalloc(rs->nsignals + 1, sizeof(char **));
	size_t i, j, k, m;

	for (i = 0; i < rs->nskills; i++) {
		norm[i] = xcalloc(rs->signals[i].nterms + 1, sizeof(char *));
		for (k = 0; k < rs->signals[i].nterms; k++)
			norm[i][k] = norm_term(rs->signals[i].terms[k]);
	}
	for (j = 0; j < rs->nskills; j++) {
		const struct signal *b = &rs->signals[j];
		for (k = 0; k < b->nterms; k++) {
			unsigned line, col;
			int same = 0;
			/* the same term in an earlier signal: reported at the later one */
			for (i = 0; i < j && !same; i++)
				for (m = 0; m < rs->signals[i].nterms && !same; m++)
					if (strcmp(norm[i][m], norm[j][k]) == 0) {
						unsigned l2, c2;
						sig_pos(l, j, "terms", (long)k, &line, &col);
						sig_pos(l, i, "terms", (long)m, &l2, &c2);
						add(l, b->file, line, col,
						    "%s '%s': term '%s' is also a term of %s '%s' (%s/%s:%u:%u)", kind(b),
						    b->id, b->terms[k], kind(&rs->signals[i]), rs->signals[i].id, l->origin,
						    rs->signals[i].file, l2, c2);
						same = 1;
					}
			/* another signal's terms pattern takes the whole term */
			for (i = 0; i < rs->nskills; i++) {
				const struct signal *a = &rs->signals[i];
				unsigned l2, c2;
				int dup = 0;
				if (i == j)
					continue;
				for (m = 0; m < a->nterms; m++)
					if (strcmp(norm[i][m], norm[j][k]) == 0)
						dup = 1;
				if (dup || !matches_whole(l, a, b->terms[k]))
					continue;
				sig_pos(l, j, "terms", (long)k, &line, &col);
				sig_pos(l, i, "terms", -1, &l2, &c2);
				add(l, b->file, line, col, "%s '%s': term '%s' is matched in full by the terms of %s '%s' (%s/%s:%u:%u)",
				    kind(b), b->id, b->terms[k], kind(a), a->id, l->origin, a->file, l2, c2);
			}
		}
	}
	for (i = 0; i < rs->nskills; i++) {
		for (k = 0; k < rs->signals[i].nterms; k++)
			free(norm[i][k]);
		free(norm[i]);
	}
	free(norm);
}

/* ---- patterns matching the empty string ----------------------------------------- */

/* rx is signals[i]'s `key` entry idx (-1: its terms pattern). */
static void check_empty(struct linter *l, size_t i, const struct rx *rx, const char *key, long idx)
{
	const struct signal *s = &l->rs->signals[i];
	unsigned line, col;
	if (pcre2_match(rx->code, (PCRE2_SPTR) "", 0, 0, 0, l->md, NULL) < 0)
		return;
	sig_pos(l, i, key, idx, &line, &col);
	if (rx->from_terms)
		add(l, s->file, line, col, "%s '%s': its terms match the empty string", kind(s), s->id);
	else
		add(l, s->file, line, col, "%s '%s': %s '%s' matches the empty string", kind(s), s->id,
		    strcmp(key, "exclude") == 0 ? "exclude pattern" : "pattern", rx->source);
}

static void check_patterns(struct linter *l)
{
	const struct ruleset *rs = l->rs;
	size_t i, k;
	for (i = 0; i < rs->nsignals; i++) {
		const struct signal *s = &rs->signals[i];
		long first = 0; /* patterns[] follow the terms pattern's one or two parts */
		while ((size_t)first < s->nrx && s->rx[first].from_terms)
			first++;
		for (k = 0; k < s->nrx; k++) {
			if (s->rx[k].from_terms)
				check_empty(l, i, &s->rx[k], "terms", -1);
			else
				check_empty(l, i, &s->rx[k], "patterns", (long)k - first);
		}
		for (k = 0; k < s->nexclude; k++)
			check_empty(l, i, &s->exclude[k], "exclude", (long)k);
	}
}

/* ---- driver --------------------------------------------------------------------- */

static int cmp_finding(const void *a, const void *b)
{
	const struct lint_finding *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->text, y->text);
}

int rules_lint(struct lint_report *out, const struct rules_file *files, size_t n, const char *origin,
	       struct diag *d)
{
	struct ruleset *rs = NULL;
	struct linter l;
	int ret;

	lint_report_init(out);
	ret = rules_load_files(&rs, files, n, origin, d);
	if (ret < 0)
		return ret;
	memset(&l, 0, sizeof(l));
	l.rs = rs;
	l.files = files;
	l.nfiles = n;
	l.origin = rs->origin;
	l.out = out;
	l.md = pcre2_match_data_create(8, NULL);
	if (!l.md) {
		rules_free(rs);
		return diag_set(d, SG_ERULES, "out of memory");
	}
	check_unused(&l);
	check_roles(&l);
	check_terms(&l);
	check_patterns(&l);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), cmp_finding);
	out->nskills = rs->nskills;
	out->ncredentials = rs->nsignals - rs->nskills;
	out->nroles = rs->nroles;
	pcre2_match_data_free(l.md);
	rules_free(rs);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int rules_files_read_dir(struct rules_file **out, size_t *n, const char *dir, struct diag *d)
{
	static const char *const fixed[] = { "skills.json", "credentials.json", "paths.json", "usecases.json" };
	struct rules_file *files = NULL;
	char *roles[LINT_MAX_ROLES];
	size_t nroles = 0, nf = 0, i;
	struct buf path = BUF_INIT;
	DIR *dh;
	struct dirent *de;
	int ret = 0;

	*out = NULL;
	*n = 0;
	if (io_is_dir(dir) != 1)
		return diag_set(d, SG_ERULES, "rules directory '%s' does not exist or is not a directory", dir);
	buf_printf(&path, "%s/roles", dir);
	dh = opendir(path.ptr);
	if (dh) {
		while ((de = readdir(dh))) {
			size_t len = strlen(de->d_name);
			if (len > 5 && strcmp(de->d_name + len - 5, ".json") == 0 && de->d_name[0] != '.' &&
			    nroles < LINT_MAX_ROLES)
				roles[nroles++] = xstrdup(de->d_name);
		}
		closedir(dh);
	}
	qsort(roles, nroles, sizeof(char *), cmp_str);
	files = xcalloc(4 + nroles + 1, sizeof(*files));
	for (i = 0; i < 4 + nroles && !ret; i++) {
		struct buf rel = BUF_INIT, text = BUF_INIT;
		struct diag rd = DIAG_INIT;
		if (i < 4)
			buf_puts(&rel, fixed[i]);
		else
			buf_printf(&rel, "roles/%s", roles[i - 4]);
		buf_truncate(&path, 0);
		buf_printf(&path, "%s/%s", dir, rel.ptr);
		if (i < 4 && io_is_dir(path.ptr) < 0) {
			buf_release(&rel);
			continue; /* missing: the loader names it */
		}
		if (io_read_file(&text, path.ptr, LINT_MAX_FILE, &rd) < 0) {
			ret = diag_set(d, SG_ERULES, "%s", rd.msg);
			buf_release(&rel);
			buf_release(&text);
			break;
		}
		files[nf].path = buf_detach(&rel, NULL);
		files[nf].len = text.len;
		files[nf].data = buf_detach(&text, NULL);
		nf++;
	}
	for (i = 0; i < nroles; i++)
		free(roles[i]);
	buf_release(&path);
	if (ret < 0) {
		rules_files_free(files, nf);
		return ret;
	}
	*out = files;
	*n = nf;
	return 0;
}

void rules_files_free(struct rules_file *files, size_t n)
{
	size_t i;
	if (!files)
		return;
	for (i = 0; i < n; i++) {
		free((char *)files[i].path);
		free((char *)files[i].data);
	}
	free(files);
}
