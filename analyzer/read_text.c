/*
 * read_text.c - the plain-text reader. Input: bytes in UTF-8 (with or
 * without BOM), UTF-16 LE/BE with BOM, or anything else with invalid
 * bytes replaced. Output: a document with sections found from heading
 * shapes (ALL CAPS, "Title Case:", underlined, "S K I L L S").
 */
#include "read.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/*
 * NUL bytes or mostly control/invalid bytes in the first 8 KiB: binary.
 * *valid is set when all of s was looked at and is valid UTF-8 (then
 * it can be read as it is).
 */
static int looks_binary(const unsigned char *s, size_t n, int *valid)
{
	size_t i, bad = 0, lim = n < 8192 ? n : 8192;
	*valid = lim == n;
	for (i = 0; i < lim;) {
		unsigned char c;
		i += utf8_text_run((const char *)s + i, lim - i);
		if (i >= lim)
			break;
		c = s[i];
		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		if (c == 0)
			return 1;
		if (c < 0x20) {
			if (c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
				bad++;
			i++;
			continue;
		}
		{
			size_t at = i;
			/* an invalid UTF-8 sequence (a cut-off one at the 8 KiB edge is fine) */
			if (utf8_decode((const char *)s, lim, &i) == UTF8_REPLACEMENT && i == at + 1) {
				*valid = 0;
				if (lim - at > 4)
					bad++;
			}
		}
	}
	return bad * 4 > lim;
}

/* isalpha() in the C locale, which skillgap keeps, without the call. */
static int ascii_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

struct slice {
	const char *s;
	size_t n;
};

static struct slice trim(const char *s, size_t n)
{
	struct slice t;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	t.s = s;
	t.n = n;
	return t;
}

static int is_underline(struct slice t)
{
	size_t i;
	if (t.n < 3)
		return 0;
	switch (t.s[0]) {
	case '=': case '-': case '_': case '~': case '*':
		break;
	default:
		return 0;
	}
	for (i = 1; i < t.n; i++)
		if (t.s[i] != t.s[0])
			return 0;
	return 1;
}

/*
 * "S K I L L S" or "W O R K  H I S T O R Y": single letters separated by
 * single spaces (double spaces between words). Writes the joined form.
 */
static int letter_spaced(struct slice t, char *out, size_t cap)
{
	size_t i, o = 0, letters = 0;
	for (i = 0; i < t.n; i++) {
		char c = t.s[i];
		if (ascii_alpha((unsigned char)c)) {
			if (i + 1 < t.n && ascii_alpha((unsigned char)t.s[i + 1]))
				return 0;
			letters++;
			if (o + 2 >= cap)
				return 0;
			out[o++] = c;
		} else if (c == ' ') {
			if (i + 1 < t.n && t.s[i + 1] == ' ') {
				while (i + 1 < t.n && t.s[i + 1] == ' ')
					i++;
				if (o + 2 >= cap)
					return 0;
				out[o++] = ' ';
			}
		} else if (c == '&' || c == ':') {
			if (o + 2 >= cap)
				return 0;
			out[o++] = c;
		} else {
			return 0;
		}
	}
	out[o] = '\0';
	return letters >= 3;
}

static int title_case(struct slice t)
{
	size_t i;
	int start = 1;
	for (i = 0; i < t.n; i++) {
		unsigned char c = (unsigned char)t.s[i];
		if (isalpha(c)) {
			if (start && islower(c) && !(i + 3 <= t.n && (strncmp(t.s + i, "and", 3) == 0 ||
								     strncmp(t.s + i, "of", 2) == 0)))
				return 0;
			start = 0;
		} else {
			start = c == ' ' || c == '/' || c == '-';
		}
	}
	return 1;
}

/* Strip a leading bullet ("• ", "- ", "* ", "▪ ") for heading checks. */
static int starts_with_bullet(struct slice t)
{
	const unsigned char *s = (const unsigned char *)t.s;
	if (t.n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == 'o') && s[1] == ' ')
		return 1;
	return t.n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x96 || s[1] == 0x97);
}

/*
 * Decide whether `t` is a heading. Returns its section or SEC_NONE.
 * `inline_rest` is set for "Skills: Python, SQL" (heading + content).
 */
static enum section_kind heading_kind(struct slice t, int underlined, int *inline_rest)
{
	char joined[64];
	enum section_kind k;
	const char *c;

	*inline_rest = 0;
	if (t.n == 0 || starts_with_bullet(t) || (!underlined && !section_may_start(t.s, t.n)))
		return SEC_NONE;
	/* "Skills: Python, SQL" or "Education:" - only the part before ':' counts (a ':' in the first 41 bytes) */
	if ((c = memchr(t.s, ':', t.n < 41 ? t.n : 41)) != NULL) {
		size_t colon = (size_t)(c - t.s);
		struct slice head = trim(t.s, colon), rest = trim(t.s + colon + 1, t.n - colon - 1);
		k = section_classify(head.s, head.n);
		if (k == SEC_NONE || !title_case(head))
			return SEC_NONE;
		*inline_rest = rest.n > 0;
		return k;
	}
	if (t.n > 60)
		return SEC_NONE;
	if (letter_spaced(t, joined, sizeof(joined))) {
		k = section_classify(joined, strlen(joined));
		return k != SEC_NONE ? k : (underlined ? SEC_OTHER : SEC_NONE);
	}
	k = section_classify(t.s, t.n);
	if (k == SEC_NONE)
		return underlined ? SEC_OTHER : SEC_NONE;
	/*
	 * Every word is heading vocabulary (section_classify is strict), so
	 * any case will do ("Certs & courses"), unless it reads as a sentence.
	 */
	if (t.s[t.n - 1] == '.')
		return SEC_NONE;
	return k;
}

/* The text reader's heading rules for one line, for the other readers. */
enum section_kind read_heading_kind(const char *s, size_t n, int underlined, int *inline_rest)
{
	return heading_kind(trim(s, n), underlined, inline_rest);
}

/* The lines of a text, split on \r\n, \r and \n, one at a time. */
struct line_reader {
	const char *text;
	size_t len, pos; /* pos > len: no line is left */
};

struct line {
	const char *s;   /* NULL: there was no line left */
	size_t n;
	int plain;       /* document_add_text_line() copies it as it is */
};

/*
 * The next line: always one for an empty text, none after a line break
 * that ends the text.
 */
static void next_line(struct line_reader *r, struct line *l)
{
	size_t e;
	if (r->pos > r->len || (r->pos == r->len && r->pos > 0)) {
		l->s = NULL;
		return;
	}
	l->s = r->text + r->pos;
	l->n = utf8_line_len(l->s, r->len - r->pos, &l->plain);
	e = r->pos + l->n;
	r->pos = e + 1 + (e + 1 < r->len && r->text[e] == '\r' && r->text[e + 1] == '\n');
}

/*
 * The lines of text[0..tlen) as a new document, headings found (not yet
 * finished). With `check`: NULL as soon as a line is not utf8_is_text();
 * plain lines are printable ASCII, so only the others are looked at.
 */
static struct document *text_lines(const char *text, size_t tlen, int check)
{
	struct document *doc = document_new(DOC_TEXT);
	struct line_reader lines;
	/*
	 * This line and the next take turns in l[]: no struct is copied
	 * from one to the other (the copy stalled on the stores just made),
	 * and each line is trimmed and tested for an underline once.
	 */
	struct line l[2];
	struct slice t[2];
	int under[2] = { 0, 0 };
	size_t i;

	/* a guess that holds for lines of 32 bytes and more; shorter ones grow the arrays */
	document_reserve(doc, tlen + tlen / 32 + 1, tlen / 32 + 1);
	lines.text = text;
	lines.len = tlen;
	lines.pos = 0;
	next_line(&lines, &l[0]);
	if (l[0].s) {
		t[0] = trim(l[0].s, l[0].n);
		under[0] = is_underline(t[0]);
	}
	for (i = 0; l[i & 1].s; i++) {
		const struct line *cur = &l[i & 1];
		struct line *next = &l[~i & 1];
		struct slice ct = t[i & 1];
		int inline_rest;
		enum section_kind k;

		if (check && !cur->plain && !utf8_is_text(cur->s, cur->n)) {
			document_free(doc);
			return NULL;
		}
		next_line(&lines, next);
		if (next->s) {
			t[~i & 1] = trim(next->s, next->n);
			under[~i & 1] = is_underline(t[~i & 1]);
		}
		if (under[i & 1] && i > 0)
			continue; /* consumed with the line above */
		k = heading_kind(ct, next->s && ct.n > 0 && under[~i & 1], &inline_rest);
		if (k != SEC_NONE && !inline_rest) {
			document_add_heading(doc, ct.s, ct.n, k);
		} else {
			if (k != SEC_NONE)
				document_set_section(doc, k);
			document_add_text_line(doc, cur->s, cur->n, cur->plain);
		}
	}
	return doc;
}

int read_text(struct document **out, const char *bytes, size_t len,
	      const char *name, struct diag *d)
{
	const unsigned char *s = (const unsigned char *)bytes;
	struct buf u = BUF_INIT;
	struct document *doc;

	*out = NULL;
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		utf16_append(&u, s + 2, len - 2, s[0] == 0xFE);
		doc = text_lines(u.ptr, u.len, 0);
	} else {
		size_t skip = (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
		int valid;
		/*
		 * Most texts are valid UTF-8 without odd control characters:
		 * they are read in place at once, the lines' checks standing
		 * in for looks_binary(), which would find nothing bad (and for
		 * one over 8 KiB, utf8_append_valid() would copy the same
		 * bytes). Any other text is read again, as it always was.
		 */
		doc = text_lines(bytes + skip, len - skip, 1);
		if (!doc) {
			if (looks_binary(s + skip, len - skip, &valid))
				return diag_set(d, SG_EBINARY, "'%s' is a binary file, not a resume in a known format (txt, docx, json)", name);
			if (valid) {
				doc = text_lines(bytes + skip, len - skip, 0); /* valid UTF-8: read in place */
			} else {
				utf8_append_valid(&u, bytes + skip, len - skip);
				doc = text_lines(u.ptr, u.len, 0);
			}
		}
	}
	buf_release(&u);
	document_finish(doc);
	if (!document_has_text(doc)) {
		document_free(doc);
		return diag_set(d, SG_EEMPTY, "'%s' is empty", name);
	}
	*out = doc;
	return 0;
}
