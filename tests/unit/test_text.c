/* test_text.c - unit tests of the plain-text reader and the document facts (stage: read). */
#include "test.h"

#include "document.h"
#include "read.h"
#include "utf8.h"

static struct document *rd(const char *s, size_t n)
{
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	if (read_document(&doc, s, n, "t.txt", NULL, &d) < 0)
		fprintf(stderr, "read failed: %s\n", d.msg);
	return doc;
}

#define RD(lit) rd(lit, sizeof(lit) - 1)

static const char *line(const struct document *doc, size_t i, char *tmp, size_t cap)
{
	size_t n = doc->lines[i].len < cap - 1 ? doc->lines[i].len : cap - 1;
	memcpy(tmp, doc->text.ptr + doc->lines[i].off, n);
	tmp[n] = '\0';
	return tmp;
}

static void test_read__utf8_bom_and_crlf(void)
{
	char t[128];
	struct document *doc = RD("\xEF\xBB\xBFJane Doe\r\nSKILLS\r\nPython\rSQL\n");
	if (!doc)
		return;
	CHECK_INT(doc->nlines, 4);
	CHECK_STR(line(doc, 0, t, sizeof(t)), "Jane Doe");
	CHECK_STR(line(doc, 2, t, sizeof(t)), "Python");
	CHECK_STR(line(doc, 3, t, sizeof(t)), "SQL");
	CHECK_INT(doc->lines[1].flags & LINE_HEADING, LINE_HEADING);
	CHECK_INT(doc->lines[2].section, SEC_SKILLS);
	CHECK_STR(doc->contact.name, "Jane Doe");
	document_free(doc);
}

static void test_read__utf16(void)
{
	/* "Zoë\nML" in UTF-16 LE and BE with BOM */
	static const char le[] = "\xFF\xFEZ\0o\0\xEB\0\n\0M\0L\0";
	static const char be[] = "\xFE\xFF\0Z\0o\0\xEB\0\n\0M\0L";
	char t[64];
	struct document *a = rd(le, sizeof(le) - 1), *b = rd(be, sizeof(be) - 1);
	if (!a || !b)
		return;
	CHECK_STR(line(a, 0, t, sizeof(t)), "Zo\xC3\xAB");
	CHECK_STR(line(b, 0, t, sizeof(t)), "Zo\xC3\xAB");
	CHECK_STR(line(b, 1, t, sizeof(t)), "ML");
	document_free(a);
	document_free(b);
}

static void test_read__invalid_bytes_replaced(void)
{
	char t[64];
	struct document *doc = RD("caf\xE9 au lait\n");
	if (!doc)
		return;
	CHECK_STR(line(doc, 0, t, sizeof(t)), "caf\xEF\xBF\xBD au lait");
	document_free(doc);
}

static void test_read__normalization(void)
{
	char t[128];
	/* en dash, tab, NBSP, registered sign, smart quote */
	struct document *doc = RD("A\xE2\x80\x93Z\tCPT\xC2\xAE  codes\xC2\xA0x \xE2\x80\x99y\xE2\x80\x99\n");
	if (!doc)
		return;
	CHECK_STR(line(doc, 0, t, sizeof(t)), "A-Z CPT codes x 'y'");
	document_free(doc);
	/*
	 * Every other character PCRE2's \s matches becomes a space too (OGHAM
	 * SPACE MARK, MONGOLIAN VOWEL SEPARATOR, LINE and PARAGRAPH SEPARATOR,
	 * NEL dropped): the matcher's anchors take ' ' as a line's only
	 * whitespace ("Ph\s?D" is anchored on "ph d").
	 */
	doc = RD("Ph\xE1\x9A\x80" "D a\xE1\xA0\x8E" "b c\xE2\x80\xA8" "d e\xE2\x80\xA9" "f g\xC2\x85" "h\n");
	if (!doc)
		return;
	CHECK_STR(line(doc, 0, t, sizeof(t)), "Ph D a b c d e f gh");
	document_free(doc);
}

static void test_read__heading_shapes(void)
{
	struct document *doc = RD("Jane Doe\n"
				  "PROFESSIONAL EXPERIENCE\n"
				  "Data Scientist, Acme\n"
				  "Education:\n"
				  "BS Biology\n"
				  "Projects\n"
				  "========\n"
				  "A project\n"
				  "S K I L L S\n"
				  "Python\n"
				  "W O R K  H I S T O R Y\n"
				  "Nurse\n"
				  "Technical Skills: Python, R\n"
				  "Clinical Research Coordinator at Mercy\n");
	if (!doc)
		return;
	CHECK_INT(doc->nlines, 13); /* the underline is consumed */
	CHECK_INT(doc->lines[2].section, SEC_EXPERIENCE);
	CHECK_INT(doc->lines[4].section, SEC_EDUCATION);
	CHECK_INT(doc->lines[5].flags & LINE_HEADING, LINE_HEADING);
	CHECK_INT(doc->lines[6].section, SEC_PROJECTS);
	CHECK_INT(doc->lines[8].section, SEC_SKILLS);
	CHECK_INT(doc->lines[10].section, SEC_EXPERIENCE);
	/* "Technical Skills: ..." switches section and keeps its content */
	CHECK_INT(doc->lines[11].section, SEC_SKILLS);
	CHECK_INT(doc->lines[11].flags & LINE_HEADING, 0);
	/* a job title with a heading word is not a heading */
	CHECK_INT(doc->lines[12].flags & LINE_HEADING, 0);
	document_free(doc);
}

/* Phones: 7-9 digits only after a label; runs of dates never (they were, before). */
static void test_read__phone_shapes(void)
{
	static const struct {
		const char *line, *phone;
	} cases[] = {
		{ "Phone: 555-0131", "555-0131" },
		{ "Austin, TX | Tel. 9123 4567 | jane@example.com", "9123 4567" },
		{ "M: +45 1234 5678", "+45 1234 5678" },
		{ "mobile 555 0131", "555 0131" },
		{ "Room 555-0131", NULL },            /* no label: 7 digits are not enough */
		{ "Telco 555-0131", NULL },           /* "tel" inside a word is no label */
		{ "Phone: 555-013", NULL },           /* 6 digits */
		{ "Acme Corp (2020-03 - 2021-06)", NULL },
		{ "Acme Corp 2019 - 2021, 2020-03-15--2021", NULL },
		{ "Phone: 2019-2021", NULL },         /* years, even after a label */
		{ "(555) 010-4477", "(555) 010-4477" },
		{ "+44 20 7946 0958", "+44 20 7946 0958" },
		{ "06 12 34 56 78", "06 12 34 56 78" }, /* two-digit groups, no year: a phone */
	};
	size_t k;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct buf in = BUF_INIT;
		struct document *doc;
		buf_printf(&in, "Jane Roe\n%s\nSUMMARY\nNurse.\n", cases[k].line);
		doc = rd(in.ptr, in.len);
		if (doc) {
			if (cases[k].phone)
				CHECK_STR(doc->contact.phone, cases[k].phone);
			else if (doc->contact.phone)
				CHECK_STR(doc->contact.phone, "(none)");
			document_free(doc);
		}
		buf_release(&in);
	}
}

static void test_read__contact(void)
{
	struct document *doc = RD("Maria L. Gomez, RN, BSN\n"
				  "Austin, TX | maria.gomez@example.com | (555) 010-4477 | linkedin.com/in/mgomez\n"
				  "https://github.com/mgomez\n"
				  "SUMMARY\nNurse.\n");
	if (!doc)
		return;
	CHECK_STR(doc->contact.name, "Maria L. Gomez");
	CHECK_STR(doc->contact.email, "maria.gomez@example.com");
	CHECK_STR(doc->contact.phone, "(555) 010-4477");
	CHECK_INT(doc->contact.nlinks, 2);
	if (doc->contact.nlinks == 2) {
		CHECK_STR(doc->contact.links[0], "linkedin.com/in/mgomez");
		CHECK_STR(doc->contact.links[1], "https://github.com/mgomez");
	}
	document_free(doc);
}

static void test_read__dates_and_overlap(void)
{
	int asof = 2026 * 12 + 10; /* Nov 2026 */
	struct document *doc = RD("EXPERIENCE\n"
				  "Nurse, Mercy  Jan 2019 \xE2\x80\x93 Present\n"
				  "Tech, Acme  2016-2019\n"
				  "Analyst  03/2020 - 06/2021\n"
				  "Intern  Sept. 2014 to Dec 2015\n"
				  "EDUCATION\n"
				  "BS 2010 - 2014\n");
	if (!doc)
		return;
	CHECK_INT(doc->ndates, 4);
	if (doc->ndates == 4) {
		CHECK_INT(doc->dates[0].start, 2019 * 12);
		CHECK_INT(doc->dates[0].open, 1);
		CHECK_INT(doc->dates[1].start, 2016 * 12);
		CHECK_INT(doc->dates[1].end, 2019 * 12);
		CHECK_INT(doc->dates[2].start, 2020 * 12 + 2);
		CHECK_INT(doc->dates[2].end, 2021 * 12 + 6);
		CHECK_INT(doc->dates[3].start, 2014 * 12 + 8);
		CHECK_INT(doc->dates[3].end, 2016 * 12);
	}
	/* Sep 2014..Dec 2015 (16) + 2016..2018 (36) + Jan 2019..Nov 2026 (95);
	 * the 2020-2021 job overlaps and is not counted twice */
	CHECK_INT(document_experience_months(doc, asof), 16 + 36 + 95);
	document_free(doc);
}

static void test_read__empty_and_binary(void)
{
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	static const char bin[] = "PNG\x00\x01\x02garbage\x00\x00";
	CHECK_INT(read_document(&doc, "", 0, "e.txt", NULL, &d), SG_EEMPTY);
	CHECK_STR(d.msg, "'e.txt' is empty");
	CHECK_INT(read_document(&doc, " \r\n\t\n", 5, "w.txt", NULL, &d), SG_EEMPTY);
	CHECK_INT(read_document(&doc, bin, sizeof(bin) - 1, "b.bin", NULL, &d), SG_EBINARY);
	CHECK_STR(d.msg, "'b.bin' is a binary file, not a resume in a known format (txt, docx, json)");
	CHECK(doc == NULL);
}

static void test_read__utf8_is_text(void)
{
	static const char ascii40[] = "0123456789abcdefghijABCDEFGHIJ0123456789";
	char t[64];
	CHECK_INT(utf8_is_text("", 0), 1);
	CHECK_INT(utf8_is_text("Jane Doe, RN", 12), 1);
	CHECK_INT(utf8_is_text("a\tb\fc\vd\r\n", 9), 1);
	CHECK_INT(utf8_is_text("del\x7F", 4), 1);
	CHECK_INT(utf8_is_text("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80", 14), 1);
	CHECK_INT(utf8_is_text("\xEF\xBF\xBD", 3), 1); /* U+FFFD itself is valid */
	CHECK_INT(utf8_is_text("a\x01", 2), 0);
	CHECK_INT(utf8_is_text("a\x1B[0m", 5), 0);
	CHECK_INT(utf8_is_text("a\0b", 3), 0);
	CHECK_INT(utf8_is_text("caf\xE9", 4), 0);
	CHECK_INT(utf8_is_text("\xE2\x80", 2), 0);          /* cut off */
	CHECK_INT(utf8_is_text("\xE2\x80\x93", 2), 0);      /* cut off by n */
	CHECK_INT(utf8_is_text("\xC0\xAF", 2), 0);          /* overlong */
	CHECK_INT(utf8_is_text("\xED\xA0\x80", 3), 0);      /* surrogate */
	CHECK_INT(utf8_is_text("\xF4\x90\x80\x80", 4), 0); /* above U+10FFFF */
	/* past the first sixteen-byte block, and in the last byte */
	CHECK_INT(utf8_is_text(ascii40, 40), 1);
	memcpy(t, ascii40, 40);
	t[35] = '\x02';
	CHECK_INT(utf8_is_text(t, 40), 0);
	CHECK_INT(utf8_is_text(t, 35), 1);
	t[35] = '5';
	t[39] = '\xFF';
	CHECK_INT(utf8_is_text(t, 40), 0);
	t[38] = '\xC3';
	t[39] = '\xA9';
	CHECK_INT(utf8_is_text(t, 40), 1);
}

/* Texts the in-place reading gives up on are read as before: binary, replaced, dropped. */
static void test_read__odd_bytes_late(void)
{
	static const char nul[] = "Jane Doe\nSKILLS\nPy\0thon\n";
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	char t[64];
	size_t i;

	CHECK_INT(read_document(&doc, nul, sizeof(nul) - 1, "n.txt", NULL, &d), SG_EBINARY);
	CHECK(doc == NULL);
	/* over 8 KiB: only the first 8 KiB decide binary; the rest is cleaned */
	for (i = 0; i < 250; i++)
		buf_puts(&b, "Python, SQL and R for clinical NLP work\n");
	buf_put(&b, "caf\xE9 \x01ok\0!\n\xEF\xBB\xBF" "end", 18);
	CHECK(b.len > 8192);
	doc = rd(b.ptr, b.len);
	if (doc) {
		CHECK_INT(doc->nlines, 252);
		CHECK_STR(line(doc, 250, t, sizeof(t)), "caf\xEF\xBF\xBD ok!");
		CHECK_STR(line(doc, 251, t, sizeof(t)), "end");
		document_free(doc);
	}
	buf_release(&b);
}

/* Month names: only with a year after them (past spaces, commas and a '.'). */
static void test_read__date_parse_months(void)
{
	int yo = -1;
	CHECK_INT(date_parse("May 2019", 8, &yo), 2019 * 12 + 4);
	CHECK_INT(yo, 0);
	CHECK_INT(date_parse("Sept. 2014", 10, NULL), 2014 * 12 + 8);
	CHECK_INT(date_parse("SEPTEMBER,  2014 to", 19, NULL), 2014 * 12 + 8);
	CHECK_INT(date_parse("march,2020", 10, NULL), 2020 * 12 + 2);
	CHECK_INT(date_parse("Dec.2021", 8, NULL), 2021 * 12 + 11);
	CHECK_INT(date_parse("Jan 1949", 8, NULL), -1);
	CHECK_INT(date_parse("Jan 20199", 9, NULL), -1);
	CHECK_INT(date_parse("Jan 201", 7, NULL), -1);
	CHECK_INT(date_parse("Jan", 3, NULL), -1);
	CHECK_INT(date_parse("Jan ", 4, NULL), -1);
	CHECK_INT(date_parse("Jan - 2019", 10, NULL), -1);
	CHECK_INT(date_parse("Janu 2019", 9, NULL), -1);
	CHECK_INT(date_parse("Mayo 2019", 9, NULL), -1);
	CHECK_INT(date_parse("and 2019", 8, NULL), -1);
	CHECK_INT(date_parse("Sep.. 2019", 10, NULL), -1);
	CHECK_INT(date_parse("2019", 4, &yo), 2019 * 12);
	CHECK_INT(yo, 1);
}

/* A "Heading: rest" line counts a ':' in its first 41 bytes only. */
static void test_read__heading_colon_reach(void)
{
	char in[96];
	size_t pad;
	for (pad = 15; pad <= 19; pad++) {
		struct document *doc;
		size_t n = 0;
		memcpy(in, "Professional Experience", 23);
		n = 23;
		memset(in + n, ' ', pad);
		n += pad;
		memcpy(in + n, ": Acme\nx\n", 9);
		n += 9;
		doc = rd(in, n);
		if (!doc)
			return;
		/* the ':' stands at 23 + pad */
		CHECK_INT(doc->lines[0].section, 23 + pad <= 40 ? SEC_EXPERIENCE : SEC_NONE);
		document_free(doc);
	}
}

static void test_read__sniff(void)
{
	CHECK_INT(read_sniff("PK\x03\x04", 4), READ_DOCX);
	CHECK_INT(read_sniff("  {\"basics\":{}}", 15), READ_JSON);
	CHECK_INT(read_sniff("\xEF\xBB\xBF<?xml version", 16), READ_WORDML);
	CHECK_INT(read_sniff("Jane Doe\n{not json", 18), READ_TEXT);
}

static void test_read__section_classify(void)
{
	CHECK_INT(section_classify("Work History", 12), SEC_EXPERIENCE);
	CHECK_INT(section_classify("Licenses & Certifications", 25), SEC_CERTIFICATIONS);
	CHECK_INT(section_classify("Research Publications", 21), SEC_PUBLICATIONS);
	CHECK_INT(section_classify("Data Scientist", 14), SEC_NONE);
	CHECK_INT(section_classify("Education and Training", 22), SEC_EDUCATION);
}

/* The readers' quick test: 0 only where no heading rule can take the line. */
static void test_read__section_may_start(void)
{
	CHECK_INT(section_may_start("Built models, Acme", 18), 0);
	CHECK_INT(section_may_start("2019 - 2021", 11), 0);
	CHECK_INT(section_may_start("Skills2", 7), 0);
	CHECK_INT(section_may_start("Professional Experience", 23), 1);
	CHECK_INT(section_may_start("Skills: Python", 14), 1);
	CHECK_INT(section_may_start("Skills\t: Python", 15), 1);
	CHECK_INT(section_may_start("S K I L L S", 11), 1);
	CHECK_INT(section_may_start("& Awards", 8), 1);
	/* the word's end found sixteen bytes at a time, or byte by byte near the end */
	CHECK_INT(section_may_start("CERTIFICATIONS and licenses held", 32), 1);
	CHECK_INT(section_may_start("Certifications", 14), 1);
	CHECK_INT(section_may_start("Certificationsx", 15), 0);
	CHECK_INT(section_may_start("Certification", 13), 1);
	CHECK_INT(section_may_start("Certificationz and more words", 29), 0);
	CHECK_INT(section_may_start(" -- |  (   , / .  Publications and talks", 40), 1);
	CHECK_INT(section_may_start(" -- |  (   , / .  Publicationz and talks", 40), 0);
	CHECK_INT(section_may_start("Skills\xC2\xA0" "and more than sixteen bytes", 39), 0);
	CHECK_INT(section_may_start("Skills\x01", 7), 0);
	CHECK_INT(section_may_start("Abcdefghijklmnopqrstuvw is long", 31), 0);
	CHECK_INT(section_may_start("Abcdefghijklmnopqrstuvwx is longer", 34), 0);
	CHECK_INT(section_may_start("x marks the spot in a long line", 31), 1);
	CHECK_INT(section_may_start("Data", 4), 1);
	CHECK_INT(section_may_start("Date", 4), 0);
	CHECK_INT(section_may_start("Dat", 3), 0);
	CHECK_INT(section_may_start("[Skills]", 8), 0);
	CHECK_INT(section_may_start("Skills[", 7), 0);
	CHECK_INT(section_may_start("Me", 2), 1);
	CHECK_INT(section_may_start("Zoo", 3), 0);
}

/* Every heading word is found as a first word, in any case; one letter off, none is. */
static void test_read__heading_words_all(void)
{
	static const char *const words[] = {
		"about", "academic", "achievements", "activities", "additional", "and", "appointments",
		"areas", "awards", "bibliography", "career", "certificates", "certification",
		"certifications", "certs", "clinical", "community", "competencies", "computer",
		"contact", "continuing", "core", "courses", "coursework", "credentials", "data",
		"degrees", "details", "education", "employment", "experience", "experiences",
		"expertise", "grants", "highlights", "history", "hobbies", "honors", "honours",
		"industry", "information", "interests", "key", "languages", "leadership", "licenses",
		"licensure", "me", "my", "objective", "of", "other", "overview", "papers", "patents",
		"peer", "personal", "portfolio", "positions", "presentations", "professional",
		"proficiencies", "profile", "projects", "publications", "qualifications", "recent",
		"references", "relevant", "research", "reviewed", "selected", "service", "skill",
		"skills", "software", "stack", "summary", "teaching", "technical", "technologies", "the",
		"tools", "training", "volunteer", "volunteering", "work",
	};
	char w[32];
	size_t k, j, n;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		n = strlen(words[k]);
		for (j = 0; j < n; j++) /* "CaReEr" */
			w[j] = (char)(j % 2 ? words[k][j] : words[k][j] - 'a' + 'A');
		memcpy(w + n, ": x", 4);
		CHECK_INT(section_may_start(w, n + 3), 1);
		w[n - 1] = w[n - 1] == 'z' ? 'y' : (char)(w[n - 1] + 1);
		CHECK_INT(section_may_start(w, n + 3), 0);
		if (test_failures)
			return;
	}
}

/* A tab before the colon: the head is trimmed, as for spaces. */
static void test_read__heading_tab_before_colon(void)
{
	struct document *doc = RD("Jane Doe\n"
				  "Skills\t: Python, SQL\n"
				  "Work History\t:\n"
				  "Nurse, Mercy\n");
	if (!doc)
		return;
	CHECK_INT(doc->nlines, 4);
	CHECK_INT(doc->lines[1].section, SEC_SKILLS);
	CHECK_INT(doc->lines[1].flags & LINE_HEADING, 0);
	CHECK_INT(doc->lines[2].flags & LINE_HEADING, LINE_HEADING);
	CHECK_INT(doc->lines[3].section, SEC_EXPERIENCE);
	document_free(doc);
}

/* The lines of document_add_line() text as "a|b|c", each as normalized. */
static void lines_joined(const char *s, size_t n, char *out, size_t cap)
{
	struct document *doc = document_new(DOC_JSON);
	size_t i, o = 0;
	document_add_line(doc, s, n, 0);
	for (i = 0; i < doc->nlines && o + doc->lines[i].len + 2 < cap; i++) {
		if (i)
			out[o++] = '|';
		memcpy(out + o, doc->text.ptr + doc->lines[i].off, doc->lines[i].len);
		o += doc->lines[i].len;
	}
	out[o] = '\0';
	document_free(doc);
}

#define LINES(lit, t) (lines_joined(lit, sizeof(lit) - 1, t, sizeof(t)), t)

/*
 * document_add_line() splits on '\n' only, drops one '\r' before it (or
 * at the end), and normalizes the rest: a '\r' inside a line is dropped.
 */
static void test_read__add_line_breaks(void)
{
	char t[256];
	CHECK_STR(LINES("", t), "");
	CHECK_STR(LINES("a\nb", t), "a|b");
	CHECK_STR(LINES("a\n", t), "a|");
	CHECK_STR(LINES("a\r\nb\r", t), "a|b");
	CHECK_STR(LINES("a\rb\nc", t), "ab|c");
	CHECK_STR(LINES("a\r\r\nb", t), "a|b");
	CHECK_STR(LINES("x\r\r", t), "x");
	CHECK_STR(LINES("\r", t), "");
	CHECK_STR(LINES("\r\n\r\n", t), "||");
	CHECK_STR(LINES(" lead\ntrail \ntwo  spaces\ntab\there", t), "lead|trail|two spaces|tab here");
	/* sixteen bytes and more, the break or the odd byte past the first block */
	CHECK_STR(LINES("0123456789abcdefgh\r0123456789abcdefgh\n0123456789abcdef  x ", t),
		  "0123456789abcdefgh0123456789abcdefgh|0123456789abcdef x");
	CHECK_STR(LINES("0123456789abcde \r\n 123456789abcdefgh", t), "0123456789abcde|123456789abcdefgh");
}

/* Runs of spaces become one space, wherever they stand in and across sixteen-byte blocks. */
static void test_read__squeeze_spaces(void)
{
	static const char tail[] = "b c  d\xC3\xA9   e", tail_want[] = "b c d\xC3\xA9 e";
	char in[128], want[128], t[256];
	size_t k, run, n, w;
	for (k = 0; k < 40; k++) {
		for (run = 1; run < 20; run++) {
			memset(in, 'a', k);
			memcpy(want, in, k);
			n = w = k;
			memset(in + n, ' ', run);
			n += run;
			want[w++] = ' ';
			memcpy(in + n, tail, sizeof(tail) - 1);
			memcpy(want + w, tail_want, sizeof(tail_want) - 1);
			n += sizeof(tail) - 1;
			w += sizeof(tail_want) - 1;
			in[n] = want[w] = '\0';
			lines_joined(in, n, t, sizeof(t));
			CHECK_STR(t, k ? want : want + 1);
			if (strcmp(t, k ? want : want + 1) != 0)
				return; /* one failing place is enough to tell */
		}
	}
}

/*
 * The only two spaces in a row at every place of a line, with or
 * without an 'é' further on: the run of printable bytes up to it
 * carries the pair over sixteen-byte blocks.
 */
/* Invalid bytes grow the line three times over: each is U+FFFD, written in place. */
static void test_read__invalid_bytes_grow(void)
{
	char in[128], want[512], t[512];
	size_t k;
	memset(in, 0xFF, 100);
	for (k = 0; k < 100; k++)
		memcpy(want + 3 * k, "\xEF\xBF\xBD", 3);
	want[300] = '\0';
	lines_joined(in, 100, t, sizeof(t));
	CHECK_STR(t, want);
	CHECK_STR(LINES(" a\xFF  \xFE\tb\xC3\xA9\xE2\x80\x93\xC2\xA0\xFD \xEF\xBF\xBD\xE2\x84\xA2x\x01 ", t),
		  "a\xEF\xBF\xBD \xEF\xBF\xBD b\xC3\xA9- \xEF\xBF\xBD \xEF\xBF\xBDx");
	CHECK_STR(LINES("\xE2\x80\n\xF0\x9F\x98\x80 ok \xF0\x9F\x98", t),
		  "\xEF\xBF\xBD\xEF\xBF\xBD|\xF0\x9F\x98\x80 ok \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_read__squeeze_one_pair(void)
{
	char in[96], want[96], t[256];
	size_t k, n, w;
	int tailed;
	for (tailed = 0; tailed < 2; tailed++) {
		for (k = 1; k < 40; k++) {
			memset(in, 'a', k);
			memcpy(in + k, "  ", 2);
			memset(in + k + 2, 'x', 20);
			n = k + 22;
			memcpy(want, in, k + 1);
			memset(want + k + 1, 'x', 20);
			w = k + 21;
			if (tailed) {
				memcpy(in + n, "\xC3\xA9yz", 4);
				memcpy(want + w, "\xC3\xA9yz", 4);
				n += 4;
				w += 4;
			}
			in[n] = want[w] = '\0';
			lines_joined(in, n, t, sizeof(t));
			CHECK_STR(t, want);
			if (strcmp(t, want) != 0)
				return;
		}
	}
}

/* Date ranges found in one line of text (and the first one's start). */
static size_t dates_in(const char *line, int *start)
{
	struct document *doc = document_new(DOC_TEXT);
	size_t n;
	document_add_line(doc, line, strlen(line), 0);
	document_finish(doc);
	n = doc->ndates;
	*start = n ? doc->dates[0].start : -1;
	document_free(doc);
	return n;
}

/*
 * A date starts only at a digit or a month name's first letter that
 * stands first or after a byte that is no letter, digit, '_' or
 * non-ASCII: tried at every place in and across sixteen-byte blocks.
 * After a word byte only the year is taken ("x_Mar 2019" is 2019).
 */
static void test_read__date_starts(void)
{
	static const char *const before[] = { " ", "(", "-", "_", "a", "9", "\xC3\xA9" };
	char line[128];
	size_t k, b;
	int start;
	for (k = 0; k < 40; k++) {
		for (b = 0; b < sizeof(before) / sizeof(before[0]); b++) {
			int word = b >= 3 && (k || b), checks = test_failures;
			memset(line, 'x', k);
			snprintf(line + k, sizeof(line) - k, "%sMar 2019 - 2021", k || b ? before[b] : "");
			CHECK_INT(dates_in(line, &start), 1);
			CHECK_INT(start, 2019 * 12 + (word ? 0 : 2));
			snprintf(line + k, sizeof(line) - k, "%s03/2018 to present", before[b]);
			CHECK_INT(dates_in(line, &start), 1);
			CHECK_INT(start, 2018 * 12 + (b >= 3 ? 0 : 2));
			if (test_failures > checks)
				return; /* one failing place is enough to tell */
		}
	}
	/* the year at every place from the start and from the end of a line */
	for (k = 0; k < 40; k++) {
		size_t tail;
		for (tail = 0; tail < 24; tail++) {
			int checks = test_failures;
			memset(line, 'x', k);
			snprintf(line + k, sizeof(line) - k, " 2019 - now %.*s", (int)tail, "yyyyyyyyyyyyyyyyyyyyyyyy");
			CHECK_INT(dates_in(line, &start), 1);
			if (test_failures > checks)
				return;
		}
	}
	CHECK_INT(dates_in("2019-2021", &start), 1);
	CHECK_INT(dates_in("Sept. 2014 - Dec 2016", &start), 1);
	CHECK_INT(start, 2014 * 12 + 8);
	CHECK_INT(dates_in("JUNE 2015 - MAY 2016", &start), 1);
	CHECK_INT(start, 2015 * 12 + 5);
	CHECK_INT(dates_in("octopus 2015 - 2016", &start), 1);
	CHECK_INT(start, 2015 * 12);
}

/* The links document_finish() takes from one header line, as "a|b". */
static void links_in(const char *line, char *out, size_t cap)
{
	struct document *doc = document_new(DOC_TEXT);
	size_t i, o = 0;
	document_add_line(doc, line, strlen(line), 0);
	document_finish(doc);
	out[0] = '\0';
	for (i = 0; i < doc->contact.nlinks; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? "|" : "", doc->contact.links[i]);
	document_free(doc);
}

/* Every link prefix is taken in any case; a '/' alone ("and/or") holds none. */
static void test_read__links(void)
{
	char t[256];
	links_in("HTTPS://x.io/a and/or Http://y.org, LinkedIn.COM/in/jd", t, sizeof(t));
	CHECK_STR(t, "HTTPS://x.io/a|Http://y.org|LinkedIn.COM/in/jd");
	links_in("github.com/jd gitlab.com/jd ORCID.ORG/0000-0001", t, sizeof(t));
	CHECK_STR(t, "github.com/jd|gitlab.com/jd|ORCID.ORG/0000-0001");
	links_in("see WWW.example.com or scholar.google.com/citations?user=x", t, sizeof(t));
	CHECK_STR(t, "WWW.example.com|scholar.google.com/citations?user=x");
	links_in("CI/CD, TCP/IP and/or x.com/ y.org/z", t, sizeof(t));
	CHECK_STR(t, "");
	links_in("https:// http://x", t, sizeof(t));
	CHECK_STR(t, "http://x");
}

TEST_MAIN(TEST(test_read__utf8_bom_and_crlf), TEST(test_read__utf16), TEST(test_read__invalid_bytes_replaced),
	  TEST(test_read__normalization), TEST(test_read__heading_shapes), TEST(test_read__contact), TEST(test_read__phone_shapes),
	  TEST(test_read__dates_and_overlap), TEST(test_read__empty_and_binary), TEST(test_read__sniff),
	  TEST(test_read__utf8_is_text), TEST(test_read__odd_bytes_late),
	  TEST(test_read__date_parse_months), TEST(test_read__heading_colon_reach),
	  TEST(test_read__section_classify), TEST(test_read__section_may_start),
	  TEST(test_read__heading_words_all),
	  TEST(test_read__heading_tab_before_colon), TEST(test_read__add_line_breaks),
	  TEST(test_read__date_starts), TEST(test_read__squeeze_spaces), TEST(test_read__squeeze_one_pair),
	  TEST(test_read__invalid_bytes_grow),
	  TEST(test_read__links))
