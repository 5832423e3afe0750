/*
 * render_doc.c - `skillgap extract` output. Input: a document. Output:
 * the normalized text the matcher sees, with section boundaries, flags,
 * contact details and experience date ranges marked, as text for people
 * or JSON (schema_version 1, fixed key order) for programs. With
 * `redact`, the name, email, phone and links are masked everywhere.
 */
#include "render.h"

#include <string.h>

static const char *format_name(enum doc_format f)
{
	switch (f) {
	case DOC_TEXT: return "text";
	case DOC_DOCX: return "docx";
	case DOC_JSON: return "json";
	}
	return "text";
}

static void flags_text(struct buf *out, unsigned f)
{
	buf_putc(out, (f & LINE_TABLE) ? 'T' : ' ');
	buf_putc(out, (f & LINE_HEADER) ? 'H' : ' ');
	buf_putc(out, (f & LINE_LIST) ? 'L' : ' ');
}

/* The last month a range covers ("2021-06"), or "present". */
static void range_end(struct buf *out, const struct doc_date_range *r)
{
	if (r->open)
		buf_puts(out, "present");
	else
		render_month(out, r->end - 1); /* ends are exclusive */
}

static void contact_field(struct buf *out, const char *label, const char *v,
			  const struct document *doc, int redact)
{
	buf_printf(out, "%-18s ", label);
	if (v)
		render_redacted(out, v, strlen(v), doc, redact);
	else
		buf_puts(out, "-");
	buf_putc(out, '\n');
}

static void render_doc_text(struct buf *out, const struct document *doc, int redact)
{
	size_t i;

	buf_printf(out, "%-18s %s\n", "format:", format_name(doc->format));
	if (doc->format == DOC_JSON)
		buf_printf(out, "%-18s %s\n", "layout:",
			   doc->layout_recognized ? "JSON Resume" : "unrecognised (every string value taken)");
	contact_field(out, "name:", doc->contact.name, doc, redact);
	contact_field(out, "email:", doc->contact.email, doc, redact);
	contact_field(out, "phone:", doc->contact.phone, doc, redact);
	buf_printf(out, "%-18s ", "links:");
	for (i = 0; i < doc->contact.nlinks; i++) {
		if (i)
			buf_puts(out, ", ");
		render_redacted(out, doc->contact.links[i], strlen(doc->contact.links[i]), doc, redact);
	}
	buf_puts(out, doc->contact.nlinks ? "\n" : "-\n");
	buf_printf(out, "%-18s ", "experience ranges:");
	for (i = 0; i < doc->ndates; i++) {
		const struct doc_date_range *r = &doc->dates[i];
		if (i)
			buf_puts(out, ", ");
		render_month(out, r->start);
		buf_puts(out, "..");
		range_end(out, r);
		buf_printf(out, " (line %u)", r->line + 1);
	}
	if (!doc->ndates)
		buf_putc(out, '-');
	if (doc->ndates)
		buf_puts(out, doc->dates_structured ? " [structured]" : " [from text]");
	buf_puts(out, "\n\n");
	for (i = 0; i < doc->nlines; i++) {
		const struct doc_line *l = &doc->lines[i];
		buf_printf(out, "%04zu [%-14s] ", i + 1, section_name((enum section_kind)l->section));
		flags_text(out, l->flags);
		buf_putc(out, ' ');
		if (l->flags & LINE_HEADING)
			buf_puts(out, "## ");
		render_redacted(out, doc->text.ptr + l->off, l->len, doc, redact);
		buf_putc(out, '\n');
	}
}

/* A JSON string value, redacted first when asked. */
static void json_str(struct buf *out, const char *s, size_t n, const struct document *doc, int redact)
{
	struct buf tmp = BUF_INIT;
	if (!s) {
		buf_puts(out, "null");
		return;
	}
	render_redacted(&tmp, s, n, doc, redact);
	render_json_str(out, tmp.ptr, tmp.len);
	buf_release(&tmp);
}

static void render_doc_json(struct buf *out, const struct document *doc, int redact)
{
	const struct doc_contact *c = &doc->contact;
	size_t i;

	buf_printf(out, "{\n  \"schema_version\": 1,\n  \"format\": \"%s\",\n",
		   format_name(doc->format));
	buf_printf(out, "  \"layout\": \"%s\",\n",
		   doc->format != DOC_JSON ? "document"
		   : doc->layout_recognized ? "json-resume" : "unrecognised");
	buf_puts(out, "  \"contact\": {\n    \"name\": ");
	json_str(out, c->name, c->name ? strlen(c->name) : 0, doc, redact);
	buf_puts(out, ",\n    \"email\": ");
	json_str(out, c->email, c->email ? strlen(c->email) : 0, doc, redact);
	buf_puts(out, ",\n    \"phone\": ");
	json_str(out, c->phone, c->phone ? strlen(c->phone) : 0, doc, redact);
	buf_puts(out, ",\n    \"links\": [");
	for (i = 0; i < c->nlinks; i++) {
		buf_puts(out, i ? ", " : "");
		json_str(out, c->links[i], strlen(c->links[i]), doc, redact);
	}
	buf_puts(out, "]\n  },\n");
	buf_printf(out, "  \"dates_structured\": %s,\n", doc->dates_structured ? "true" : "false");
	buf_puts(out, "  \"dates\": [");
	for (i = 0; i < doc->ndates; i++) {
		const struct doc_date_range *r = &doc->dates[i];
		buf_puts(out, i ? ",\n    {\"start\": \"" : "\n    {\"start\": \"");
		render_month(out, r->start);
		buf_puts(out, "\", \"end\": \"");
		range_end(out, r);
		buf_printf(out, "\", \"line\": %u}", r->line + 1);
	}
	buf_puts(out, doc->ndates ? "\n  ],\n" : "],\n");
	buf_puts(out, "  \"lines\": [");
	for (i = 0; i < doc->nlines; i++) {
		const struct doc_line *l = &doc->lines[i];
		int nf = 0;
		buf_printf(out, "%s\n    {\"n\": %zu, \"section\": \"%s\", \"flags\": [", i ? "," : "",
			   i + 1, section_name((enum section_kind)l->section));
		if (l->flags & LINE_HEADING)
			buf_puts(out, nf++ ? ", \"heading\"" : "\"heading\"");
		if (l->flags & LINE_TABLE)
			buf_puts(out, nf++ ? ", \"table\"" : "\"table\"");
		if (l->flags & LINE_HEADER)
			buf_puts(out, nf++ ? ", \"page-header\"" : "\"page-header\"");
		if (l->flags & LINE_LIST)
			buf_puts(out, nf++ ? ", \"list\"" : "\"list\"");
		buf_puts(out, "], \"text\": ");
		json_str(out, doc->text.ptr + l->off, l->len, doc, redact);
		buf_putc(out, '}');
	}
	buf_puts(out, doc->nlines ? "\n  ]\n}\n" : "]\n}\n");
}

int render_document(struct buf *out, const char *format, const struct document *doc, int redact)
{
	if (!format || strcmp(format, "text") == 0)
		render_doc_text(out, doc, redact);
	else if (strcmp(format, "json") == 0)
		render_doc_json(out, doc, redact);
	else
		return SG_EUSAGE;
	return 0;
}
