/*
 * render.h - renderers: assessment -> text | json | md.
 *
 * Every renderer has one signature and is fed the same report model; it
 * appends to a buffer and never computes scores (those come from
 * score.h) or touches files (main writes the buffer out). Output is
 * deterministic: no time stamps, stable order.
 */
#ifndef SKILLGAP_RENDER_H
#define SKILLGAP_RENDER_H

#include <stddef.h>

#include "buf.h"
#include "document.h"
#include "match.h"
#include "rules.h"
#include "score.h"

#define REPORT_SCHEMA_VERSION 1

struct report {
	const struct ruleset *rs;
	const struct document *doc;
	const struct evidence_list *ev;
	const struct assessment *a;
	const char *source;      /* input name as given ("-" = stdin) */
	const char *as_of_text;  /* YYYY-MM-DD */
};

struct render_opts {
	int color;   /* ANSI colour (text only) */
	int redact;  /* mask name, email, phone and URLs everywhere */
};

typedef void (*render_fn)(struct buf *out, const struct report *r, const struct render_opts *o);

struct renderer {
	const char *name;
	render_fn fn;
};

/* The table of report renderers, NULL-terminated. */
extern const struct renderer renderers[];
/* The renderer called `name`, or NULL. */
const struct renderer *renderer_find(const char *name);

void render_text(struct buf *out, const struct report *r, const struct render_opts *o);
void render_json(struct buf *out, const struct report *r, const struct render_opts *o);
void render_md(struct buf *out, const struct report *r, const struct render_opts *o);

/* `skillgap extract`: the normalized document ("text" or "json"). */
int render_document(struct buf *out, const char *format, const struct document *doc, int redact);

/* ---- helpers shared by renderers ---------------------------------------- */

/*
 * Append s[0..n) with, when `redact`, the candidate's name, email, phone
 * and links (and anything shaped like an email, URL or phone number)
 * replaced by [name], [email], [phone], [url].
 */
void render_redacted(struct buf *out, const char *s, size_t n, const struct document *doc, int redact);
/* Append a JSON string literal (quotes and escapes) of s[0..n). */
void render_json_str(struct buf *out, const char *s, size_t n);
/* The line holding evidence `e`, shortened to about `width` columns around the hit. */
void render_snippet(struct buf *out, const struct document *doc, const struct evidence *e,
		    size_t width, int redact);
/* "$180K-$280K" */
void render_salary(struct buf *out, const struct role *role);
/* Name of a requirement: the group name or the single skill's name. */
const char *render_req_name(const struct ruleset *rs, const struct role_req *q);
/* Year-month "2019-01" of a month index. */
void render_month(struct buf *out, int month);

#endif
