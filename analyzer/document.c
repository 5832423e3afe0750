/*
 * document.c - the normalized document: line building and normalization,
 * section names, and the facts found in the text (contact details and
 * experience date ranges). Input: lines from a reader. Output: struct
 * document; see document.h.
 */
#include "document.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char *const section_names[SEC__COUNT] = {
	"header", "summary", "experience", "education", "skills",
	"publications", "certifications", "projects", "awards", "volunteer",
	"languages", "interests", "references", "contact", "other",
};

const char *section_name(enum section_kind k)
{
	return (unsigned)k < SEC__COUNT ? section_names[k] : "other";
}

int section_from_name(const char *name)
{
	int i;
	for (i = 0; i < SEC__COUNT; i++)
		if (strcmp(section_names[i], name) == 0)
			return i;
	return -1;
}

/*
 * Heading vocabulary. A heading is made only of these words (and a few
 * fillers); the first strong word decides the section, else the first
 * weak one ("Work History" -> experience, "Research Publications" ->
 * publications).
 */
static const struct {
	const char *word;
	signed char kind; /* enum section_kind; -1 filler */
	char weak;
} heading_words[] = { /* sorted by word: heading_index groups it by first letter */
	{ "about", SEC_SUMMARY, 1 }, { "academic", SEC_EDUCATION, 1 },
	{ "achievements", SEC_AWARDS, 0 }, { "activities", -1, 0 }, { "additional", -1, 0 },
	{ "and", -1, 0 }, { "appointments", SEC_EXPERIENCE, 0 }, { "areas", -1, 0 },
	{ "awards", SEC_AWARDS, 0 }, { "bibliography", SEC_PUBLICATIONS, 0 },
	{ "career", SEC_EXPERIENCE, 1 }, { "certificates", SEC_CERTIFICATIONS, 0 },
	{ "certification", SEC_CERTIFICATIONS, 0 }, { "certifications", SEC_CERTIFICATIONS, 0 },
	{ "certs", SEC_CERTIFICATIONS, 0 }, { "clinical", -1, 0 }, { "community", SEC_VOLUNTEER, 1 },
	{ "competencies", SEC_SKILLS, 0 }, { "computer", -1, 0 }, { "contact", SEC_CONTACT, 0 },
	{ "continuing", -1, 0 }, { "core", -1, 0 }, { "courses", SEC_EDUCATION, 1 },
	{ "coursework", SEC_EDUCATION, 0 }, { "credentials", SEC_CERTIFICATIONS, 0 },
	{ "data", -1, 0 }, { "degrees", SEC_EDUCATION, 0 }, { "details", -1, 0 },
	{ "education", SEC_EDUCATION, 0 }, { "employment", SEC_EXPERIENCE, 0 },
	{ "experience", SEC_EXPERIENCE, 0 }, { "experiences", SEC_EXPERIENCE, 0 },
	{ "expertise", SEC_SKILLS, 0 }, { "grants", SEC_AWARDS, 0 }, { "highlights", SEC_SUMMARY, 0 },
	{ "history", SEC_EXPERIENCE, 1 }, { "hobbies", SEC_INTERESTS, 0 },
	{ "honors", SEC_AWARDS, 0 }, { "honours", SEC_AWARDS, 0 }, { "industry", -1, 0 },
	{ "information", -1, 0 }, { "interests", SEC_INTERESTS, 0 }, { "key", -1, 0 },
	{ "languages", SEC_LANGUAGES, 0 }, { "leadership", -1, 0 },
	{ "licenses", SEC_CERTIFICATIONS, 0 }, { "licensure", SEC_CERTIFICATIONS, 0 },
	{ "me", -1, 0 }, { "my", -1, 0 }, { "objective", SEC_SUMMARY, 0 }, { "of", -1, 0 },
	{ "other", -1, 0 }, { "overview", SEC_SUMMARY, 0 }, { "papers", SEC_PUBLICATIONS, 0 },
	{ "patents", SEC_PUBLICATIONS, 0 }, { "peer", -1, 0 }, { "personal", -1, 0 },
	{ "portfolio", SEC_PROJECTS, 0 }, { "positions", SEC_EXPERIENCE, 0 },
	{ "presentations", SEC_PUBLICATIONS, 0 }, { "professional", -1, 0 },
	{ "proficiencies", SEC_SKILLS, 0 }, { "profile", SEC_SUMMARY, 0 },
	{ "projects", SEC_PROJECTS, 0 }, { "publications", SEC_PUBLICATIONS, 0 },
	{ "qualifications", SEC_SUMMARY, 0 }, { "recent", -1, 0 },
	{ "references", SEC_REFERENCES, 0 }, { "relevant", -1, 0 }, { "research", SEC_EXPERIENCE, 1 },
	{ "reviewed", -1, 0 }, { "selected", -1, 0 }, { "service", SEC_VOLUNTEER, 1 },
	{ "skill", SEC_SKILLS, 0 }, { "skills", SEC_SKILLS, 0 }, { "software", -1, 0 },
	{ "stack", SEC_SKILLS, 1 }, { "summary", SEC_SUMMARY, 0 }, { "teaching", -1, 0 },
	{ "technical", SEC_SKILLS, 1 }, { "technologies", SEC_SKILLS, 1 }, { "the", -1, 0 },
	{ "tools", SEC_SKILLS, 1 }, { "training", SEC_EDUCATION, 1 },
	{ "volunteer", SEC_VOLUNTEER, 0 }, { "volunteering", SEC_VOLUNTEER, 0 },
	{ "work", SEC_EXPERIENCE, 1 },
};

#define NHEADING_WORDS (sizeof(heading_words) / sizeof(heading_words[0]))

/*
 * heading_words by first letter and length: heading_order holds their
 * indexes so sorted, heading_at[letter][length] where each group
 * stands in it (most groups hold one word, or none).
 */
static unsigned char heading_order[NHEADING_WORDS];
static struct {
	unsigned char lo, hi;
} heading_at[26][32];
static pthread_once_t heading_once = PTHREAD_ONCE_INIT;

/*
 * Fill heading_order and heading_at from heading_words (once): a
 * counting sort by first letter and length, which keeps the order of
 * heading_words inside each group.
 */
static void heading_index_init(void)
{
	size_t c, len, k, o = 0;
	for (k = 0; k < NHEADING_WORDS; k++)
		heading_at[heading_words[k].word[0] - 'a'][strlen(heading_words[k].word)].hi++;
	for (c = 0; c < 26; c++)
		for (len = 0; len < 32; len++) {
			heading_at[c][len].lo = (unsigned char)o;
			o += heading_at[c][len].hi;
			heading_at[c][len].hi = heading_at[c][len].lo; /* the fill position, the group's end after */
		}
	for (k = 0; k < NHEADING_WORDS; k++) {
		const char *w = heading_words[k].word;
		heading_order[heading_at[w[0] - 'a'][strlen(w)].hi++] = (unsigned char)k;
	}
}

/* The heading_words entry for the word w[0..wl) of ASCII letters in any case, or -1. */
static int heading_word(const char *w, size_t wl)
{
	size_t p, j;
	int c = (w[0] | 0x20) - 'a';
	pthread_once(&heading_once, heading_index_init);
	if (wl > 31)
		return -1;
	for (p = heading_at[c][wl].lo; p < heading_at[c][wl].hi; p++) {
		const char *h = heading_words[heading_order[p]].word;
		for (j = 1; j < wl && h[j] == (w[j] | 0x20); j++)
			;
		if (j == wl)
			return heading_order[p];
	}
	return -1;
}

/* Separators between heading words ("Licenses & Certifications", "Skills:"). */
static int heading_separator(unsigned char c)
{
	return c == '&' || c == '/' || c == ',' || c == ' ' || c == ':' || c == '-' || c == '.' ||
	       c == '|' || c == '(' || c == ')';
}

/* The length of the leading run of ASCII letters in s[0..n); sixteen bytes at a time where SSE2 is there. */
static size_t alpha_run(const char *s, size_t n)
{
	size_t i = 0;
#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {
		/* signed compares: bytes 0x80 and up stay below 'a' */
		__m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), _mm_set1_epi8(0x20));
		unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_and_si128(
			_mm_cmpgt_epi8(y, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(y, _mm_set1_epi8('z' + 1)))) & 0xFFFFu;
		if (other)
			return i + (size_t)__builtin_ctz(other);
	}
#endif
	while (i < n && (unsigned)(((unsigned char)s[i] | 0x20) - 'a') < 26u)
		i++;
	return i;
}

int section_may_start(const char *s, size_t n)
{
	size_t i = 0, wl;

	while (i < n && heading_separator((unsigned char)s[i]))
		i++;
	wl = alpha_run(s + i, n - i);
	/* a tab may stand before the ':' of "Skills\t: Python" (the reader trims it off the head) */
	if (!wl || (i + wl < n && !heading_separator((unsigned char)s[i + wl]) && s[i + wl] != '\t'))
		return 0;
	/* the word is compared in place, in any case: most lines fail on its first letter and length */
	return wl == 1 || heading_word(s + i, wl) >= 0;
}

enum section_kind section_classify(const char *s, size_t n)
{
	char word[24];
	size_t nw = 0, wl = 0, i, letters = 0;
	int strong = -1, weak = -1, spaced = 1;

	if (n > 60)
		return SEC_NONE;
	for (i = 0; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)s[i] : ' ';
		if ((unsigned)((c | 0x20) - 'a') < 26u) { /* isalpha() in the C locale */
			if (wl < sizeof(word) - 1)
				word[wl++] = (char)(c | 0x20);
			letters++;
		} else if (heading_separator(c)) {
			int k;
			if (!wl)
				continue;
			if (wl > 1)
				spaced = 0;
			if (++nw > 5)
				return SEC_NONE;
			/* every word must be heading vocabulary: stop at the first that is not */
			if ((k = heading_word(word, wl)) < 0)
				return SEC_NONE;
			wl = 0;
			if (heading_words[k].kind >= 0) {
				if (!heading_words[k].weak && strong < 0)
					strong = heading_words[k].kind;
				if (heading_words[k].weak && weak < 0)
					weak = heading_words[k].kind;
			}
		} else {
			return SEC_NONE; /* digits, '@', other symbols: not a heading */
		}
	}
	if (!nw || letters < 3 || (spaced && nw >= 3))
		return SEC_NONE; /* letter-spacing is joined by the caller */
	if (strong >= 0)
		return (enum section_kind)strong;
	if (weak >= 0)
		return (enum section_kind)weak;
	return SEC_NONE;
}

struct document *document_new(enum doc_format format)
{
	struct document *doc = xcalloc(1, sizeof(*doc));
	doc->format = format;
	doc->layout_recognized = 1;
	buf_init(&doc->text);
	return doc;
}

void document_free(struct document *doc)
{
	size_t i;
	if (!doc)
		return;
	buf_release(&doc->text);
	free(doc->lines);
	free(doc->dates);
	free(doc->contact.name);
	free(doc->contact.email);
	free(doc->contact.phone);
	for (i = 0; i < doc->contact.nlinks; i++)
		free(doc->contact.links[i]);
	free(doc->contact.links);
	for (i = 0; i < doc->contact.nhandles; i++)
		free(doc->contact.handles[i]);
	free(doc->contact.handles);
	free(doc);
}

void document_reserve(struct document *doc, size_t bytes, size_t lines)
{
	buf_grow(&doc->text, bytes);
	doc->lines = xgrow(doc->lines, &doc->alines, lines, sizeof(*doc->lines));
}

void document_set_section(struct document *doc, enum section_kind k)
{
	doc->cur_section = k;
}

void document_set_flags(struct document *doc, unsigned flags)
{
	doc->cur_flags = flags;
}

/* Map one code point to its normalized form: -1 drop, else a code point. */
static long normalize_cp(uint32_t cp)
{
	/*
	 * Every character PCRE2's \s matches (with UCP) becomes a space, or
	 * is dropped (below 0x20, 0x85): inside a line ' ' is the only
	 * whitespace, which the matcher's anchors rely on (rules/README.md).
	 */
	if (cp == '\t' || cp == 0xA0 || cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
		return ' ';
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
	    cp == 0xFE63 || cp == 0xFF0D)
		return '-';
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032)
		return '\'';
	/* the only non-ASCII letters that fold to ASCII under caseless matching */
	if (cp == 0x212A)
		return 'K';
	if (cp == 0x017F)
		return 's';
	if (cp == 0x201C || cp == 0x201D || cp == 0x201F || cp == 0x2033)
		return '"';
	if (cp == 0xAE || cp == 0x2122 || cp == 0xFEFF || cp == 0x200B ||
	    cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xAD)
		return -1;
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return -1;
	return (long)cp;
}

/*
 * Where two spaces first stand in a row in s[0..n), n if nowhere.
 * Sixteen places at a time where SSE2 is there.
 */
static size_t double_space(const char *s, size_t n)
{
	size_t i = 0;
#if defined(__SSE2__)
	for (; i + 17 <= n; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
		__m128i sp = _mm_set1_epi8(' ');
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, sp), _mm_cmpeq_epi8(b, sp)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 1 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ')
			return i;
	return n;
}

/*
 * Printable ASCII with single spaces inside only: add_one_line() would
 * copy it unchanged.
 */
static int plain_line(const char *s, size_t n)
{
	int dbl;
	if (!n)
		return 1;
	return s[0] != ' ' && s[n - 1] != ' ' && utf8_printable_run(s, n, &dbl) == n && !dbl;
}

/* Append s[0..n) as one line; `plain`: plain_line(s, n), which the caller may know already. */
static void add_one_line(struct document *doc, const char *s, size_t n, unsigned flags, int plain)
{
	struct doc_line *l;
	size_t start = doc->text.len, i = 0;
	int pending_space = 0;
	char *d;

	/*
	 * Room for the line as it is and its '\n': normalized, valid UTF-8
	 * never grows (a space written stands for the spaces it replaced),
	 * so it is written straight into the text; only an invalid byte,
	 * three bytes for one, asks for more.
	 */
	if (doc->text.cap - start < n + 2) /* buf_grow(&doc->text, n + 1) without the call, mostly */
		buf_grow(&doc->text, n + 1);
	d = doc->text.ptr + start;
	if (plain) {
		/* the common line: nothing to normalize, copy it whole */
		memcpy(d, s, n);
		d += n;
		i = n;
	}
	while (i < n) {
		size_t at;
		uint32_t cp;
		long m;
		int mid, dbl;
		size_t run = i + utf8_printable_run(s + i, n - i, &dbl);
		if (run > i) {
			/* printable ASCII: copied, a run of spaces as one (none first) */
			size_t e = run;
			for (; i < e && s[i] == ' '; i++)
				pending_space = d > doc->text.ptr + start;
			while (e > i && s[e - 1] == ' ')
				e--;
			mid = i < e;
			if (mid) {
				if (pending_space)
					*d++ = ' ';
				if (!dbl) {
					memcpy(d, s + i, e - i);
					d += e - i;
				} else {
					/* copied up to each run of spaces and its first space, the run skipped */
					const char *p = s + i, *end = s + e;
					while (p < end) {
						size_t k = double_space(p, (size_t)(end - p));
						k += k < (size_t)(end - p); /* the run's first space */
						memcpy(d, p, k);
						d += k;
						for (p += k; p < end && *p == ' '; p++)
							;
					}
				}
				/* it ends in a byte that is no space; then maybe spaces */
				pending_space = e < run;
			}
			i = run;
			continue;
		}
		at = i;
		if ((unsigned char)s[i] < 0x80)
			cp = (unsigned char)s[i++];
		else
			cp = utf8_decode(s, n, &i);
		m = normalize_cp(cp);
		if (m < 0)
			continue;
		if (m == ' ') {
			pending_space = d > doc->text.ptr + start;
			continue;
		}
		if (pending_space) {
			*d++ = ' ';
			pending_space = 0;
		}
		if (m < 0x80) {
			*d++ = (char)m;
		} else if (cp == UTF8_REPLACEMENT && i == at + 1) {
			/* an invalid byte, replaced: room for U+FFFD and the rest as it is */
			doc->text.len = (size_t)(d - doc->text.ptr);
			buf_grow(&doc->text, 3 + (n - i) + 1);
			d = doc->text.ptr + doc->text.len;
			memcpy(d, "\xEF\xBF\xBD", 3);
			d += 3;
		} else {
			/* any other character is kept (normalize_cp() maps to ASCII only): its bytes */
			memcpy(d, s + at, i - at);
			d += i - at;
		}
	}
	*d++ = '\n';
	*d = '\0';
	doc->text.len = (size_t)(d - doc->text.ptr);
	if (doc->nlines == doc->alines)
		doc->lines = xgrow(doc->lines, &doc->alines, doc->nlines + 1, sizeof(*doc->lines));
	l = &doc->lines[doc->nlines++];
	l->off = (uint32_t)start;
	l->len = (uint32_t)(doc->text.len - 1 - start);
	l->section = (uint8_t)doc->cur_section;
	l->flags = (uint8_t)(flags | doc->cur_flags);
}

void document_add_line(struct document *doc, const char *s, size_t n, unsigned flags)
{
	size_t start = 0;
	for (;;) {
		int plain;
		/* e: the end of the line, without a '\r' before its '\n'; i: that '\n', or n */
		size_t e = start + utf8_line_len(s + start, n - start, &plain), i = e;
		if (e < n && s[e] == '\r') {
			if (e + 1 == n || s[e + 1] == '\n') {
				i = e + 1;
			} else {
				/* a '\r' inside the line: a control character, so not plain */
				const char *nl = memchr(s + e, '\n', n - e);
				i = e = nl ? (size_t)(nl - s) : n;
				if (s[e - 1] == '\r')
					e--;
				plain = 0;
			}
		}
		add_one_line(doc, s + start, e - start, flags, plain);
		if (i >= n)
			break;
		start = i + 1;
	}
}

void document_add_text_line(struct document *doc, const char *s, size_t n, int plain)
{
	add_one_line(doc, s, n, 0, plain);
}

void document_add_heading(struct document *doc, const char *s, size_t n, enum section_kind k)
{
	doc->cur_section = k;
	add_one_line(doc, s, n, LINE_HEADING, plain_line(s, n));
}

void document_add_dates(struct document *doc, int start, int end, int open, uint32_t line)
{
	struct doc_date_range *r;
	if (start < 0 || (!open && end < start))
		return;
	doc->dates = xgrow(doc->dates, &doc->adates, doc->ndates + 1, sizeof(*doc->dates));
	r = &doc->dates[doc->ndates++];
	r->start = start;
	r->end = open ? start : end;
	r->open = (uint8_t)(open != 0);
	r->line = line;
}

void document_set_contact(struct document *doc, const char *name, const char *email,
			  const char *phone)
{
	if (name && *name) {
		free(doc->contact.name);
		doc->contact.name = xstrdup(name);
	}
	if (email && *email) {
		free(doc->contact.email);
		doc->contact.email = xstrdup(email);
	}
	if (phone && *phone) {
		free(doc->contact.phone);
		doc->contact.phone = xstrdup(phone);
	}
}

/* Append a copy of s to list[0..*n) unless it is there; at most 16 kept. */
static void add_unique(char ***list, size_t *n, const char *s)
{
	size_t i;
	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return;
	if (*n >= 16)
		return;
	*list = xrealloc(*list, (*n + 1) * sizeof(char *));
	(*list)[(*n)++] = xstrdup(s);
}

void document_add_link(struct document *doc, const char *url)
{
	if (url && *url)
		add_unique(&doc->contact.links, &doc->contact.nlinks, url);
}

void document_add_handle(struct document *doc, const char *handle)
{
	if (handle && strlen(handle) >= 3) /* "jd" would mask every "jd" */
		add_unique(&doc->contact.handles, &doc->contact.nhandles, handle);
}

int document_has_text(const struct document *doc)
{
	size_t i;
	for (i = 0; i < doc->text.len; i++)
		if ((unsigned char)doc->text.ptr[i] > ' ')
			return 1;
	return 0;
}

size_t document_line_at(const struct document *doc, size_t off)
{
	size_t lo = 0, hi = doc->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* ---- dates ---------------------------------------------------------- */

static const char *const month_names[12] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec",
};

static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
		if (ca != cb)
			return ca - cb;
	}
	return 0;
}

/* isdigit() (decimal digits in every locale) without the table look-up. */
static int ascii_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10u;
}

/* isalnum() in the C locale, which skillgap keeps, without the call. */
static int ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_word(unsigned char c)
{
	return ascii_alnum(c) || c == '_' || c >= 0x80;
}

/*
 * Month name at s (any case, abbreviated or full, "Sept.") with a digit
 * after it (past spaces and commas); returns its length. date_at() wants
 * a year there, and most words have none: they end before any compare.
 */
static size_t month_at(const char *s, size_t n, int *month)
{
	size_t len = 0, j;
	char w[12];
	int m;
	switch (s[0] | 0x20) {
	case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
		break;
	default:
		return 0; /* no month starts with another letter */
	}
	while (len < n && len < sizeof(w) - 1 && (unsigned)(((unsigned char)s[len] | 0x20) - 'a') < 26u) {
		w[len] = (char)(s[len] | 0x20); /* isalpha() and tolower() in the C locale */
		len++;
	}
	if (len < 3 || len > 9 || (len < n && is_word((unsigned char)s[len])))
		return 0;
	for (j = len + (len < n && s[len] == '.'); j < n && (s[j] == ' ' || s[j] == ','); j++)
		;
	if (j >= n || !ascii_digit((unsigned char)s[j]))
		return 0;
	w[len] = '\0';
	for (m = 0; m < 12; m++) {
		static const char *const full[12] = {
			"january", "february", "march", "april", "may", "june", "july",
			"august", "september", "october", "november", "december",
		};
		if (w[0] != month_names[m][0])
			continue;
		if (strcmp(w, month_names[m]) == 0 || strcmp(w, full[m]) == 0 ||
		    (m == 8 && strcmp(w, "sept") == 0)) {
			*month = m;
			if (len < n && s[len] == '.')
				len++;
			return len;
		}
	}
	return 0;
}

static int digits_at(const char *s, size_t n, size_t want)
{
	size_t i;
	int v = 0;
	if (n < want)
		return -1;
	for (i = 0; i < want; i++) {
		if (!ascii_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (n > want && ascii_digit((unsigned char)s[want]))
		return -1;
	return v;
}

static int plausible_year(int y)
{
	return y >= 1950 && y <= 2100;
}

/*
 * Parse a date at s; on success return the month index and set *used to
 * the bytes consumed.
 */
static int date_at(const char *s, size_t n, size_t *used, int *year_only)
{
	int month, y, m;
	size_t k;

	*year_only = 0;
	if ((k = month_at(s, n, &month)) > 0) {
		size_t j = k;
		while (j < n && (s[j] == ' ' || s[j] == ','))
			j++;
		y = digits_at(s + j, n - j, 4);
		if (y < 0 || !plausible_year(y))
			return -1;
		*used = j + 4;
		return y * 12 + month;
	}
	/* MM/YYYY or MM-YYYY or MM.YYYY */
	if (n >= 6 && ascii_digit((unsigned char)s[0])) {
		size_t d = ascii_digit((unsigned char)s[1]) ? 2 : 1;
		if (d < n && (s[d] == '/' || s[d] == '.') ) {
			m = d == 2 ? (s[0] - '0') * 10 + (s[1] - '0') : s[0] - '0';
			y = digits_at(s + d + 1, n - d - 1, 4);
			if (y >= 0 && plausible_year(y) && m >= 1 && m <= 12) {
				*used = d + 5;
				return y * 12 + m - 1;
			}
		}
	}
	/* YYYY, YYYY-MM, YYYY-MM-DD, YYYY/MM */
	if (n >= 4 && ascii_digit((unsigned char)s[0]) && ascii_digit((unsigned char)s[1]) &&
	    ascii_digit((unsigned char)s[2]) && ascii_digit((unsigned char)s[3])) {
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		if ((n > 4 && ascii_digit((unsigned char)s[4])) || !plausible_year(y))
			return -1;
		if (n >= 7 && (s[4] == '-' || s[4] == '/') && ascii_digit((unsigned char)s[5]) &&
		    ascii_digit((unsigned char)s[6]) && (n == 7 || !ascii_digit((unsigned char)s[7]))) {
			m = (s[5] - '0') * 10 + (s[6] - '0');
			if (m >= 1 && m <= 12) {
				k = 7;
				if (n >= 10 && s[7] == s[4] && ascii_digit((unsigned char)s[8]) &&
				    ascii_digit((unsigned char)s[9]))
					k = 10;
				*used = k;
				return y * 12 + m - 1;
			}
		}
		*used = 4;
		*year_only = 1;
		return y * 12;
	}
	return -1;
}

int date_parse(const char *s, size_t n, int *is_year_only)
{
	size_t used = 0;
	int yo = 0, v = date_at(s, n, &used, &yo);
	if (is_year_only)
		*is_year_only = yo;
	return v;
}

int date_parse_iso(const char *s, int *day_out)
{
	int y, m, d;
	char tail;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return -1;
	if (!plausible_year(y) || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	if (day_out)
		*day_out = d;
	return y * 12 + m - 1;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A range separator at s[i]: "-", "to", "through", "until", "–" (normalized). */
static size_t separator_at(const char *s, size_t n, size_t i)
{
	static const char *const words[] = { "to", "through", "thru", "until", "till" };
	size_t k;
	if (i < n && s[i] == '-') {
		size_t j = i;
		while (j < n && s[j] == '-')
			j++;
		return j - i;
	}
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t l = strlen(words[k]);
		if (i + l <= n && strncasecmp_ascii(s + i, words[k], l) == 0 &&
		    (i + l == n || !is_word((unsigned char)s[i + l])))
			return l;
	}
	return 0;
}

static size_t open_end_at(const char *s, size_t n, size_t i)
{
	static const char *const words[] = { "present", "current", "now", "today", "date", "ongoing" };
	size_t k;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t l = strlen(words[k]);
		if (i + l <= n && strncasecmp_ascii(s + i, words[k], l) == 0 &&
		    (i + l == n || !is_word((unsigned char)s[i + l])))
			return l;
	}
	return 0;
}

#if defined(__SSE2__)
/* Which of the sixteen places from p hold "19" or "20" and then two digits, as bits. */
static unsigned year_places16(const char *p)
{
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
	__m128i d = _mm_loadu_si128((const __m128i *)(const void *)(p + 3));
	__m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1);
	__m128i cent = _mm_or_si128(
		_mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('1')), _mm_cmpeq_epi8(b, _mm_set1_epi8('9'))),
		_mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('2')), _mm_cmpeq_epi8(b, _mm_set1_epi8('0'))));
	__m128i digits = _mm_and_si128(_mm_and_si128(_mm_cmpgt_epi8(c, lo), _mm_cmplt_epi8(c, hi)),
				       _mm_and_si128(_mm_cmpgt_epi8(d, lo), _mm_cmplt_epi8(d, hi)));
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(cent, digits));
}
#endif

/* Every date form carries a 4-digit year 19xx or 20xx: lines without one are skipped. */
static int has_year(const char *s, size_t n)
{
	size_t i = 0;
#if defined(__SSE2__)
	/* sixteen places at a time; the last block ends where the line does, over the one before */
	if (n >= 19) {
		for (;; i += 16) {
			if (i + 19 > n)
				i = n - 19;
			if (year_places16(s + i))
				return 1;
			if (i + 19 == n)
				return 0;
		}
	}
#endif
	for (; i + 4 <= n; i++)
		if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
			if (ascii_digit((unsigned char)s[i + 2]) && ascii_digit((unsigned char)s[i + 3]))
				return 1;
	return 0;
}

/*
 * Can a date start with c? date_at() is -1 at any other byte: every
 * form starts with a digit or a month name (j f m a s o n d, any case).
 */
static int date_may_start(unsigned char c)
{
	const uint32_t months = 1u << ('j' - 'a') | 1u << ('f' - 'a') | 1u << ('m' - 'a') |
				1u << ('a' - 'a') | 1u << ('s' - 'a') | 1u << ('o' - 'a') |
				1u << ('n' - 'a') | 1u << ('d' - 'a');
	unsigned l = (unsigned)((c | 0x20) - 'a');
	return ascii_digit(c) || (l < 26u && (months >> l & 1));
}

#if defined(__SSE2__)
/* is_word() of each of the sixteen bytes in x, as 0xFF or 0 */
static __m128i word16(__m128i x)
{
	__m128i y = _mm_or_si128(x, _mm_set1_epi8(0x20)); /* signed: bytes 0x80 and up stay below 0 */
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
				      _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
	__m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(y, _mm_set1_epi8('a' - 1)),
				      _mm_cmplt_epi8(y, _mm_set1_epi8('z' + 1)));
	return _mm_or_si128(_mm_or_si128(digit, alpha),
			    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('_')),
					 _mm_cmplt_epi8(x, _mm_setzero_si128())));
}

/* date_may_start() of each of the sixteen bytes in x, as 0xFF or 0 */
static __m128i date_start16(__m128i x)
{
	__m128i y = _mm_or_si128(x, _mm_set1_epi8(0x20)), m;
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
				      _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
	m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(y, _mm_set1_epi8('j')), _mm_cmpeq_epi8(y, _mm_set1_epi8('f'))),
			 _mm_or_si128(_mm_cmpeq_epi8(y, _mm_set1_epi8('m')), _mm_cmpeq_epi8(y, _mm_set1_epi8('a'))));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(y, _mm_set1_epi8('s')), _mm_cmpeq_epi8(y, _mm_set1_epi8('o'))));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(y, _mm_set1_epi8('n')), _mm_cmpeq_epi8(y, _mm_set1_epi8('d'))));
	return _mm_or_si128(digit, m);
}
#endif

/*
 * The first place at or after i where find_dates_in_line() tries a
 * date: a byte date_may_start() takes, first or after no word byte; n
 * if none. Sixteen places at a time where SSE2 is there.
 */
static size_t next_date_start(const char *s, size_t n, size_t i)
{
	if (i == 0) {
		if (n && date_may_start((unsigned char)s[0]))
			return 0;
		i = 1;
	}
#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i prev = _mm_loadu_si128((const __m128i *)(const void *)(s + i - 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(word16(prev), date_start16(x)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if (date_may_start((unsigned char)s[i]) && !is_word((unsigned char)s[i - 1]))
			return i;
	return n;
}

static void find_dates_in_line(struct document *doc, size_t li)
{
	const struct doc_line *l = &doc->lines[li];
	const char *s = doc->text.ptr + l->off;
	size_t n = l->len, i = 0;

	if (!has_year(s, n))
		return;

	while ((i = next_date_start(s, n, i)) < n) {
		size_t used, j, sep;
		int yo1, yo2, a, b;
		if ((a = date_at(s + i, n - i, &used, &yo1)) < 0) {
			i++;
			continue;
		}
		j = skip_spaces(s, n, i + used);
		sep = separator_at(s, n, j);
		if (!sep) {
			i += used;
			continue;
		}
		j = skip_spaces(s, n, j + sep);
		if (open_end_at(s, n, j)) {
			document_add_dates(doc, a, 0, 1, (uint32_t)li);
			return;
		}
		if ((b = date_at(s + j, n - j, &used, &yo2)) >= 0 && b >= a) {
			/* a month end is inclusive; a bare end year means January of it */
			document_add_dates(doc, a, yo2 ? b : b + 1, 0, (uint32_t)li);
			return;
		}
		i = j;
	}
}

int document_experience_months(const struct document *doc, int as_of)
{
	int *iv;
	size_t i, k = 0;
	int total = 0, cur_s = 0, cur_e = -1;

	if (!doc->ndates)
		return 0;
	iv = xmalloc(doc->ndates * 2 * sizeof(int));
	for (i = 0; i < doc->ndates; i++) {
		int s = doc->dates[i].start;
		int e = doc->dates[i].open ? as_of + 1 : doc->dates[i].end;
		if (e > as_of + 1)
			e = as_of + 1;
		if (e <= s)
			continue;
		iv[2 * k] = s;
		iv[2 * k + 1] = e;
		k++;
	}
	/* insertion sort by start: a resume has few ranges */
	for (i = 1; i < k; i++) {
		int s = iv[2 * i], e = iv[2 * i + 1];
		size_t j = i;
		while (j > 0 && iv[2 * (j - 1)] > s) {
			iv[2 * j] = iv[2 * (j - 1)];
			iv[2 * j + 1] = iv[2 * (j - 1) + 1];
			j--;
		}
		iv[2 * j] = s;
		iv[2 * j + 1] = e;
	}
	for (i = 0; i < k; i++) {
		int s = iv[2 * i], e = iv[2 * i + 1];
		if (cur_e < 0) {
			cur_s = s;
			cur_e = e;
		} else if (s <= cur_e) {
			if (e > cur_e)
				cur_e = e;
		} else {
			total += cur_e - cur_s;
			cur_s = s;
			cur_e = e;
		}
	}
	if (cur_e >= 0)
		total += cur_e - cur_s;
	free(iv);
	return total;
}

/* ---- contact details ------------------------------------------------ */

int document_email_char(unsigned char c)
{
	return isalnum(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
}

size_t document_email_end(const char *s, size_t n, size_t at)
{
	size_t b = at + 1;
	int dot = 0;
	while (b < n && (isalnum((unsigned char)s[b]) || s[b] == '.' || s[b] == '-')) {
		if (s[b] == '.')
			dot = 1;
		b++;
	}
	while (b > at + 1 && s[b - 1] == '.')
		b--;
	return dot && b > at + 3 ? b : 0;
}

static void find_email(struct document *doc, const char *s, size_t n)
{
	size_t i;
	if (!memchr(s, '@', n))
		return;
	for (i = 1; i + 1 < n; i++) {
		size_t a, b;
		if (s[i] != '@')
			continue;
		a = i;
		while (a > 0 && document_email_char((unsigned char)s[a - 1]))
			a--;
		if (a < i && (b = document_email_end(s, n, i)) > 0) {
			doc->contact.email = xstrndup(s + a, b - a);
			return;
		}
	}
}

/* The bytes a phone number may hold besides digits: strchr("+-(). ", c) for c other than '\0'. */
static int phone_punct(char c)
{
	return c == '+' || c == '-' || c == '(' || c == ')' || c == '.' || c == ' ';
}

static int ascii_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

/*
 * Does s[0..i) end in a phone label: "phone", "telephone", "tel", "mobile",
 * "mob", "cell", "fax" or "ph" as a word, or one of the letters m, t, p
 * with a ':', then maybe '.' or ':' and spaces? ("Phone: ", "Tel. ",
 * "M: ", "Mobile ")
 */
static int phone_label_before(const char *s, size_t i)
{
	static const char *const labels[] = { "telephone", "phone", "mobile", "cell", "tel", "mob", "fax", "ph" };
	size_t e = i, k, colon = 0;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	while (e > 0 && (s[e - 1] == ':' || s[e - 1] == '.')) {
		colon |= s[e - 1] == ':';
		e--;
	}
	for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		size_t l = strlen(labels[k]);
		if (e >= l && strncasecmp_ascii(s + e - l, labels[k], l) == 0 &&
		    (e == l || !ascii_alpha((unsigned char)s[e - l - 1])))
			return 1;
	}
	return colon && e >= 1 && strchr("mMtTpP", s[e - 1]) && (e == 1 || !ascii_alpha((unsigned char)s[e - 2]));
}

/*
 * Are the digit groups of s[0..n) dates, not a phone: every group a year
 * (1900-2099) or of one or two digits (a month or day), and one a year?
 * "2020-03 - 2021-06" and "2019 - 2021" are; "(555) 010-4477" is not.
 */
static int dates_only(const char *s, size_t n)
{
	size_t i = 0;
	int year = 0;
	while (i < n) {
		size_t g = i;
		if (!ascii_digit((unsigned char)s[i])) {
			i++;
			continue;
		}
		while (i < n && ascii_digit((unsigned char)s[i]))
			i++;
		if (i - g == 4 && (memcmp(s + g, "19", 2) == 0 || memcmp(s + g, "20", 2) == 0))
			year = 1;
		else if (i - g > 2)
			return 0;
	}
	return year;
}

size_t document_phone_at(const char *s, size_t n, size_t i)
{
	size_t j = i, digits = 0, end = i;
	if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '('))
		return 0;
	while (j < n && (ascii_digit((unsigned char)s[j]) || phone_punct(s[j]))) {
		if (ascii_digit((unsigned char)s[j])) {
			digits++;
			end = j + 1;
		}
		j++;
	}
	if (digits < 7 || digits > 13 || (end < n && isalnum((unsigned char)s[end])))
		return 0;
	if (digits < 10 && !phone_label_before(s, i))
		return 0;
	return dates_only(s + i, end - i) ? 0 : end - i;
}

static void find_phone(struct document *doc, const char *s, size_t n)
{
	size_t i, all = 0, len;
	for (i = 0; i < n; i++) /* a phone has 7 digits or more: count first, without branches */
		all += (unsigned)((unsigned char)s[i] - '0') < 10u;
	if (all < 7)
		return;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '('))
			continue;
		if (i > 0 && (ascii_alnum((unsigned char)s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '/'))
			continue;
		if ((len = document_phone_at(s, n, i)) > 0) {
			doc->contact.phone = xstrndup(s + i, len);
			return;
		}
		/* past this run of digits and separators */
		while (i + 1 < n && (ascii_digit((unsigned char)s[i + 1]) || phone_punct(s[i + 1])))
			i++;
	}
}

/*
 * Can the line hold a link that find_links() takes? Every prefix it
 * knows holds ":/" ("http://", "https://"), ".com/" or ".org/", "www."
 * or "scholar." (any case): lines without one (most, even those with a
 * '/' as in "and/or") are skipped after a few memchr() calls.
 */
static int may_hold_link(const char *s, size_t n)
{
	const char *p, *end = s + n;
	for (p = s; p < end && (p = memchr(p, '/', (size_t)(end - p))) != NULL; p++)
		if ((p - s >= 1 && p[-1] == ':') ||
		    (p - s >= 4 && p[-4] == '.' && (strncasecmp_ascii(p - 3, "com", 3) == 0 ||
						    strncasecmp_ascii(p - 3, "org", 3) == 0)))
			return 1;
	for (p = s; p < end && (p = memchr(p, '.', (size_t)(end - p))) != NULL; p++)
		if ((p - s >= 3 && strncasecmp_ascii(p - 3, "www", 3) == 0) ||
		    (p - s >= 7 && strncasecmp_ascii(p - 7, "scholar", 7) == 0))
			return 1;
	return 0;
}

static void find_links(struct document *doc, const char *s, size_t n)
{
#define PREFIX(s) { s, sizeof(s) - 1 }
	static const struct {
		const char *text;
		size_t len;
	} prefixes[] = {
		PREFIX("https://"), PREFIX("http://"), PREFIX("www."), PREFIX("linkedin.com/"),
		PREFIX("github.com/"), PREFIX("gitlab.com/"), PREFIX("orcid.org/"), PREFIX("scholar.google."),
	};
#undef PREFIX
	/* 1: the first letter of a prefix (either case); 2: a byte no link may follow */
	static const unsigned char cls[256] = {
		['h'] = 1, ['w'] = 1, ['l'] = 1, ['g'] = 1, ['o'] = 1, ['s'] = 1,
		['H'] = 1, ['W'] = 1, ['L'] = 1, ['G'] = 1, ['O'] = 1, ['S'] = 1,
		['.'] = 2, ['/'] = 2,
	};
	size_t i, k;
	if (!may_hold_link(s, n))
		return;
	for (i = 0; i < n; i++) {
		/* a prefix's first letter, not after a letter, digit, '.' or '/' */
		if (!(cls[(unsigned char)s[i]] & 1) ||
		    (i > 0 && ((cls[(unsigned char)s[i - 1]] & 2) || ascii_alnum((unsigned char)s[i - 1]))))
			continue;
		for (k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]); k++) {
			size_t l = prefixes[k].len, e;
			if ((s[i] | 0x20) != prefixes[k].text[0] || i + l >= n ||
			    strncasecmp_ascii(s + i, prefixes[k].text, l) != 0)
				continue;
			e = i + l;
			while (e < n && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != '|' &&
			       s[e] != '<' && s[e] != '>' && s[e] != ')' && s[e] != '"')
				e++;
			while (e > i + l && (s[e - 1] == '.' || s[e - 1] == ','))
				e--;
			if (e > i + l) {
				char *u = xstrndup(s + i, e - i);
				document_add_link(doc, u);
				free(u);
			}
			i = e;
			break;
		}
	}
}

/* A name line: 2-6 words of letters (and . ' -), no digits or '@'. */
static int looks_like_name(const char *s, size_t n)
{
	size_t i, words = 0, letters = 0;
	int in_word = 0;
	if (n < 3 || n > 60)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (ascii_digit(c) || c == '@' || c == '/' || c == ':' || c == '|')
			return 0;
		if (isalpha(c) || c >= 0x80) {
			letters++;
			if (!in_word)
				words++;
			in_word = 1;
		} else {
			in_word = c == '.' || c == '\'' || c == '-';
		}
	}
	return words >= 2 && words <= 6 && letters >= 4;
}

void document_finish(struct document *doc)
{
	size_t i;
	int have_exp = 0;

	for (i = 0; i < doc->nlines; i++) {
		const struct doc_line *l = &doc->lines[i];
		const char *s = doc->text.ptr + l->off;
		if (!doc->contact.email)
			find_email(doc, s, l->len);
		if (!doc->contact.phone && (l->section == SEC_NONE || l->section == SEC_CONTACT ||
					    (l->flags & LINE_HEADER) || i < 8))
			find_phone(doc, s, l->len);
		if (l->section == SEC_NONE || l->section == SEC_CONTACT || (l->flags & LINE_HEADER) ||
		    i < 8)
			find_links(doc, s, l->len);
		if (l->section == SEC_EXPERIENCE)
			have_exp = 1;
	}
	if (!doc->contact.name) {
		for (i = 0; i < doc->nlines && i < 6; i++) {
			const struct doc_line *l = &doc->lines[i];
			const char *s = doc->text.ptr + l->off;
			size_t n = l->len, cut = n, k;
			if (l->len == 0 || (l->flags & LINE_HEADING))
				continue;
			/* "Jane Doe, RN, BSN" -> "Jane Doe" */
			for (k = 0; k < n; k++)
				if (s[k] == ',' || s[k] == '|') {
					cut = k;
					break;
				}
			if (looks_like_name(s, cut)) {
				doc->contact.name = xstrndup(s, cut);
				break;
			}
			if (l->section != SEC_NONE)
				break;
		}
	}
	if (!doc->dates_structured) {
		for (i = 0; i < doc->nlines; i++) {
			int sec = doc->lines[i].section;
			if (have_exp ? sec == SEC_EXPERIENCE
				     : (sec != SEC_EDUCATION && sec != SEC_PUBLICATIONS &&
					sec != SEC_CERTIFICATIONS && sec != SEC_AWARDS))
				find_dates_in_line(doc, i);
		}
	}
}
