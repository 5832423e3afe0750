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
/* Append compact JSON s[0..n) re-indented with two spaces per level. */
void render_json_pretty(struct buf *out, const char *s, size_t n);
/* The line holding evidence `e`, shortened to about `width` columns around the hit. */
void render_snippet(struct buf *out, const struct document *doc, const struct evidence *e,
		    size_t width, int redact);
/* "$180K-$280K" */
void render_salary(struct buf *out, const struct role *role);
/* Name of a requirement: the group name or the single skill's name. */
const char *render_req_name(const struct ruleset *rs, const struct role_req *q);
/* Year-month "2019-01" of a month index. */
void render_month(struct buf *out, int month);

/* ---- batch tables (`skillgap score`; analyzer/render_table.c) ----------- */

/*
 * The ranked table of batch records in CSV (RFC 4180: CRLF, quoted when
 * needed), TSV (tabs and newlines in fields become spaces), JSONL (one
 * object per record; what `score --merge` reads back), Markdown or
 * aligned text. Columns: rank, id, name, [role], score,
 * required_coverage (percent), years, entry_path, gap_1..gap_3 (text and
 * md: top_gaps joined with "; "), error. `rank` 0 is a failed record
 * (printed empty/null). With `redact`, every cell goes through
 * render_redacted() with the record's name as the candidate name.
 */
struct batch_record;

enum table_format { TABLE_CSV, TABLE_TSV, TABLE_JSONL, TABLE_MD, TABLE_TEXT };
#define TABLE_NCOLS 13

struct table {
	enum table_format format;
	int redact;
	int role_column;            /* --all-roles: print the role column */
	size_t width[TABLE_NCOLS];  /* text: widest cell per column (table_measure) */
};

/* "csv", "tsv", "jsonl", "md", "text"; -1 if unknown. */
int table_format_parse(const char *name, enum table_format *out);
void table_init(struct table *t, enum table_format f, int redact, int role_column);
/* Text only: widen the columns for this row (call for every row first). */
void table_measure(struct table *t, size_t rank, const struct batch_record *r);
/* The header (nothing for JSONL). */
void render_table_header(struct buf *out, const struct table *t);
void render_table_row(struct buf *out, const struct table *t, size_t rank, const struct batch_record *r);

/* ---- learning plans (`skillgap plan`, render_plan.c) -------------------- */

struct plan;

/* What a plan renderer is fed: the plan and the report it came from. */
struct plan_report {
	const struct ruleset *rs;
	const struct document *doc;
	const struct evidence_list *ev;
	const struct assessment *a;
	const struct plan *plan;
	const char *source;      /* input name as given ("-" = stdin) */
	const char *as_of_text;  /* YYYY-MM-DD */
};

typedef void (*plan_render_fn)(struct buf *out, const struct plan_report *r, const struct render_opts *o);

struct plan_renderer {
	const char *name;
	plan_render_fn fn;
};

/* text, md (a checklist), json (docs/plan.md), ics (RFC 5545); NULL-terminated. */
extern const struct plan_renderer plan_renderers[];
const struct plan_renderer *plan_renderer_find(const char *name);

void render_plan_text(struct buf *out, const struct plan_report *r, const struct render_opts *o);
void render_plan_md(struct buf *out, const struct plan_report *r, const struct render_opts *o);
void render_plan_json(struct buf *out, const struct plan_report *r, const struct render_opts *o);
void render_plan_ics(struct buf *out, const struct plan_report *r, const struct render_opts *o);

/* ---- end of learning plans ------------------------------------------------ */

#endif
