/*
 * render.c - the renderer table and helpers shared by every renderer:
 * JSON string escaping, snippets, money and dates (the --redact masks
 * are in redact.c). Input: the report model. Output: bytes appended to
 * a buffer.
 */
#include "render.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

const struct renderer renderers[] = {
	{ "text", render_text },
	{ "json", render_json },
	{ "md", render_md },
	{ NULL, NULL },
};

const struct renderer *renderer_find(const char *name)
{
	size_t i;
	for (i = 0; renderers[i].name; i++)
		if (strcmp(renderers[i].name, name) == 0)
			return &renderers[i];
	return NULL;
}

void render_json_str(struct buf *out, const char *s, size_t n)
{
	size_t i, run = 0;
	buf_putc(out, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char tmp[8];
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\r')
			esc = "\\r";
		else if (c == '\t')
			esc = "\\t";
		else if (c < 0x20) {
			snprintf(tmp, sizeof(tmp), "\\u%04x", c);
			esc = tmp;
		}
		if (esc) {
			buf_put(out, s + run, i - run);
			buf_puts(out, esc);
			run = i + 1;
		}
	}
	buf_put(out, s + run, n - run);
	buf_putc(out, '"');
}

void render_json_pretty(struct buf *out, const char *s, size_t n)
{
	size_t i, depth = 0;
	int in_str = 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			buf_putc(out, c);
			if (c == '\\' && i + 1 < n)
				buf_putc(out, s[++i]);
			else if (c == '"')
				in_str = 0;
			continue;
		}
		switch (c) {
		case '"':
			in_str = 1;
			buf_putc(out, c);
			break;
		case '{':
		case '[':
			if (i + 1 < n && (s[i + 1] == '}' || s[i + 1] == ']')) {
				buf_putc(out, c);
				buf_putc(out, s[++i]);
				break;
			}
			buf_putc(out, c);
			depth++;
			buf_putc(out, '\n');
			buf_repeat(out, "  ", depth);
			break;
		case '}':
		case ']':
			depth--;
			buf_putc(out, '\n');
			buf_repeat(out, "  ", depth);
			buf_putc(out, c);
			break;
		case ',':
			buf_puts(out, ",\n");
			buf_repeat(out, "  ", depth);
			break;
		case ':':
			buf_puts(out, ": ");
			break;
		default:
			buf_putc(out, c);
		}
	}
}

void render_salary(struct buf *out, const struct role *role)
{
	const char *sym = strcmp(role->currency, "USD") == 0 ? "$" : "";
	if (role->salary_min % 1000 == 0 && role->salary_max % 1000 == 0)
		buf_printf(out, "%s%ldK-%s%ldK", sym, role->salary_min / 1000, sym, role->salary_max / 1000);
	else
		buf_printf(out, "%s%ld-%s%ld", sym, role->salary_min, sym, role->salary_max);
	if (!*sym)
		buf_printf(out, " %s", role->currency);
}

const char *render_req_name(const struct ruleset *rs, const struct role_req *q)
{
	return q->name ? q->name : rs->signals[q->members[0]].name;
}

void render_month(struct buf *out, int month)
{
	buf_printf(out, "%04d-%02d", month / 12, month % 12 + 1);
}

void render_snippet(struct buf *out, const struct document *doc, const struct evidence *e,
		    size_t width, int redact)
{
	const struct doc_line *l = &doc->lines[e->line];
	const char *s = doc->text.ptr + l->off;
	size_t n = l->len, from = 0, to = n, hit = e->off - l->off;

	if (utf8_width(s, n) > width) {
		/* keep the hit with some context before it */
		size_t before = width / 3;
		size_t cols_before = utf8_width(s, hit);
		if (cols_before > before) {
			size_t skip = cols_before - before;
			from = utf8_prefix(s, n, skip);
		}
		to = from + utf8_prefix(s + from, n - from, width);
	}
	if (from > 0)
		buf_puts(out, "...");
	render_redacted(out, s + from, to - from, doc, redact);
	if (to < n)
		buf_puts(out, "...");
}
