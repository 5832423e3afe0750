/*
 * render_table.c - the batch table renderer. Input: batch records in
 * their final order with their ranks. Output: CSV, TSV, JSONL, Markdown
 * or aligned text appended to a buffer, one row at a time, so the
 * caller can write a huge table out in chunks; see render.h.
 */
#include "render.h"

#include <string.h>

#include "batch.h"
#include "utf8.h"

enum col {
	COL_RANK, COL_ID, COL_NAME, COL_ROLE, COL_SCORE, COL_COV, COL_YEARS, COL_PATH,
	COL_GAP1, COL_GAP2, COL_GAP3, COL_GAPS, COL_ERROR
};

static const char *const col_names[TABLE_NCOLS] = {
	"rank", "id", "name", "role", "score", "required_coverage", "years", "entry_path",
	"gap_1", "gap_2", "gap_3", "top_gaps", "error",
};

static int col_numeric(int c)
{
	return c == COL_RANK || c == COL_SCORE || c == COL_COV || c == COL_YEARS;
}

/* The columns a format prints, in order; returns how many. */
static size_t columns(const struct table *t, int *cols)
{
	size_t n = 0;
	int split = t->format == TABLE_CSV || t->format == TABLE_TSV;
	cols[n++] = COL_RANK;
	cols[n++] = COL_ID;
	cols[n++] = COL_NAME;
	if (t->role_column)
		cols[n++] = COL_ROLE;
	cols[n++] = COL_SCORE;
	cols[n++] = COL_COV;
	cols[n++] = COL_YEARS;
	cols[n++] = COL_PATH;
	if (split) {
		cols[n++] = COL_GAP1;
		cols[n++] = COL_GAP2;
		cols[n++] = COL_GAP3;
	} else {
		cols[n++] = COL_GAPS;
	}
	cols[n++] = COL_ERROR;
	return n;
}

int table_format_parse(const char *name, enum table_format *out)
{
	static const struct {
		const char *name;
		enum table_format f;
	} names[] = {
		{ "csv", TABLE_CSV }, { "tsv", TABLE_TSV }, { "jsonl", TABLE_JSONL },
		{ "md", TABLE_MD }, { "text", TABLE_TEXT },
	};
	size_t i;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].f;
			return 0;
		}
	return -1;
}

void table_init(struct table *t, enum table_format f, int redact, int role_column)
{
	size_t i;
	memset(t, 0, sizeof(*t));
	t->format = f;
	t->redact = redact;
	t->role_column = role_column;
	for (i = 0; i < TABLE_NCOLS; i++)
		t->width[i] = strlen(col_names[i]);
}

/* Append a string through the redactor ("" for NULL). */
static void put_redacted(struct buf *out, const char *s, const struct document *doc, int redact)
{
	if (s)
		render_redacted(out, s, strlen(s), doc, redact);
}

static void put_tenths(struct buf *out, int v)
{
	if (v < 0) {
		buf_putc(out, '-');
		v = -v;
	}
	buf_printf(out, "%d.%d", v / 10, v % 10);
}

/* The raw (redacted, unescaped) text of one cell. */
static void cell(struct buf *out, int c, size_t rank, const struct batch_record *r,
		 const struct document *doc, int redact)
{
	int k;
	int ok = r->error == NULL;
	switch (c) {
	case COL_RANK:
		if (rank)
			buf_printf(out, "%zu", rank);
		break;
	case COL_ID: {
		/* each path component on its own: the redactor wants a boundary before an email */
		const char *s = r->id, *slash;
		while (redact && (slash = strchr(s, '/')) != NULL) {
			render_redacted(out, s, (size_t)(slash - s), doc, redact);
			buf_putc(out, '/');
			s = slash + 1;
		}
		put_redacted(out, s, doc, redact);
		break;
	}
	case COL_NAME: put_redacted(out, r->name, doc, redact); break;
	case COL_ROLE: if (ok) put_redacted(out, r->role, doc, redact); break;
	case COL_SCORE: if (ok) put_tenths(out, r->score10); break;
	case COL_COV: if (ok) put_tenths(out, r->cov10); break;
	case COL_YEARS: if (ok) put_tenths(out, r->years10); break;
	case COL_PATH: if (ok) put_redacted(out, r->path, doc, redact); break;
	case COL_GAP1: case COL_GAP2: case COL_GAP3:
		put_redacted(out, r->gap[c - COL_GAP1], doc, redact);
		break;
	case COL_GAPS:
		for (k = 0; k < BATCH_NGAPS && r->gap[k]; k++) {
			if (k)
				buf_puts(out, "; ");
			put_redacted(out, r->gap[k], doc, redact);
		}
		break;
	case COL_ERROR: put_redacted(out, r->error, doc, redact); break;
	}
}

/* A stand-in document carrying only the candidate name, for render_redacted(). */
static void name_doc(struct document *doc, const struct batch_record *r)
{
	memset(doc, 0, sizeof(*doc));
	doc->contact.name = r->name;
}

void table_measure(struct table *t, size_t rank, const struct batch_record *r)
{
	struct buf c = BUF_INIT;
	struct document doc;
	int cols[TABLE_NCOLS];
	size_t n = columns(t, cols), i;

	if (t->format != TABLE_TEXT)
		return;
	name_doc(&doc, r);
	for (i = 0; i < n; i++) {
		size_t w;
		buf_truncate(&c, 0);
		cell(&c, cols[i], rank, r, &doc, t->redact);
		w = utf8_width(c.ptr, c.len);
		if (w > t->width[cols[i]])
			t->width[cols[i]] = w;
	}
	buf_release(&c);
}

static void put_csv(struct buf *out, const char *s, size_t n)
{
	size_t i;
	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\r', n) && !memchr(s, '\n', n)) {
		buf_put(out, s, n);
		return;
	}
	buf_putc(out, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '"');
}

/* TSV, Markdown and text cells: one line, and for Markdown no bare '|'. */
static void put_flat(struct buf *out, const char *s, size_t n, int md)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\t' || ch == '\n' || ch == '\r')
			ch = ' ';
		if (md && (ch == '|' || ch == '\\'))
			buf_putc(out, '\\');
		buf_putc(out, ch);
	}
}

static void pad(struct buf *out, size_t n)
{
	while (n--)
		buf_putc(out, ' ');
}

void render_table_header(struct buf *out, const struct table *t)
{
	int cols[TABLE_NCOLS];
	size_t n = columns(t, cols), i;

	switch (t->format) {
	case TABLE_JSONL:
		return;
	case TABLE_CSV:
	case TABLE_TSV:
		for (i = 0; i < n; i++) {
			if (i)
				buf_putc(out, t->format == TABLE_CSV ? ',' : '\t');
			buf_puts(out, col_names[cols[i]]);
		}
		buf_puts(out, t->format == TABLE_CSV ? "\r\n" : "\n");
		return;
	case TABLE_MD:
		buf_putc(out, '|');
		for (i = 0; i < n; i++)
			buf_printf(out, " %s |", col_names[cols[i]]);
		buf_puts(out, "\n|");
		for (i = 0; i < n; i++)
			buf_puts(out, col_numeric(cols[i]) ? " ---: |" : " --- |");
		buf_putc(out, '\n');
		return;
	case TABLE_TEXT:
		for (i = 0; i < n; i++) {
			const char *h = col_names[cols[i]];
			size_t w = t->width[cols[i]], l = strlen(h);
			if (i)
				buf_puts(out, "  ");
			if (col_numeric(cols[i]))
				pad(out, w - l);
			buf_puts(out, h);
			if (!col_numeric(cols[i]) && i + 1 < n)
				pad(out, w - l);
		}
		buf_putc(out, '\n');
		return;
	}
}

static void row_jsonl(struct buf *out, size_t rank, const struct batch_record *r,
		      const struct document *doc, int redact)
{
	struct buf c = BUF_INIT;
	int k;

	if (rank)
		buf_printf(out, "{\"rank\":%zu,\"id\":", rank);
	else
		buf_puts(out, "{\"rank\":null,\"id\":");
#define JSTR(s) do { if (s) { buf_truncate(&c, 0); put_redacted(&c, (s), doc, redact); \
		render_json_str(out, c.ptr, c.len); } else buf_puts(out, "null"); } while (0)
	buf_truncate(&c, 0);
	cell(&c, COL_ID, rank, r, doc, redact);
	render_json_str(out, c.ptr, c.len);
	buf_puts(out, ",\"name\":");
	JSTR(r->name);
	buf_puts(out, ",\"role\":");
	JSTR(r->error ? NULL : r->role);
	if (r->error) {
		buf_puts(out, ",\"score\":null,\"required_coverage\":null,\"years\":null,\"entry_path\":null");
	} else {
		buf_puts(out, ",\"score\":");
		put_tenths(out, r->score10);
		buf_puts(out, ",\"required_coverage\":");
		put_tenths(out, r->cov10);
		buf_puts(out, ",\"years\":");
		put_tenths(out, r->years10);
		buf_puts(out, ",\"entry_path\":");
		JSTR(r->path);
	}
	buf_puts(out, ",\"top_gaps\":[");
	for (k = 0; k < BATCH_NGAPS && r->gap[k]; k++) {
		if (k)
			buf_putc(out, ',');
		JSTR(r->gap[k]);
	}
	buf_puts(out, "],\"error\":");
	JSTR(r->error);
#undef JSTR
	buf_puts(out, "}\n");
	buf_release(&c);
}

void render_table_row(struct buf *out, const struct table *t, size_t rank, const struct batch_record *r)
{
	struct buf c = BUF_INIT;
	struct document doc;
	int cols[TABLE_NCOLS];
	size_t n = columns(t, cols), i;

	size_t start = out->len;

	name_doc(&doc, r);
	if (t->format == TABLE_JSONL) {
		row_jsonl(out, rank, r, &doc, t->redact);
		return;
	}
	if (t->format == TABLE_MD)
		buf_putc(out, '|');
	for (i = 0; i < n; i++) {
		buf_truncate(&c, 0);
		cell(&c, cols[i], rank, r, &doc, t->redact);
		switch (t->format) {
		case TABLE_CSV:
			if (i)
				buf_putc(out, ',');
			put_csv(out, c.ptr, c.len);
			break;
		case TABLE_TSV:
			if (i)
				buf_putc(out, '\t');
			put_flat(out, c.ptr, c.len, 0);
			break;
		case TABLE_MD:
			buf_putc(out, ' ');
			put_flat(out, c.ptr, c.len, 1);
			buf_puts(out, " |");
			break;
		case TABLE_TEXT: {
			size_t w = utf8_width(c.ptr, c.len), width = t->width[cols[i]];
			if (i)
				buf_puts(out, "  ");
			if (col_numeric(cols[i]) && w < width)
				pad(out, width - w);
			put_flat(out, c.ptr, c.len, 0);
			if (!col_numeric(cols[i]) && i + 1 < n && w < width)
				pad(out, width - w);
			break;
		}
		case TABLE_JSONL:
			break;
		}
	}
	if (t->format == TABLE_TEXT) {
		/* no trailing blanks when the last columns are empty */
		size_t end = out->len;
		while (end > start && out->ptr[end - 1] == ' ')
			end--;
		buf_truncate(out, end);
	}
	buf_puts(out, t->format == TABLE_CSV ? "\r\n" : "\n");
	buf_release(&c);
}
