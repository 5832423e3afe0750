/*
 * test_read.c - readers: .docx, WordprocessingML and JSON -> document,
 * and the hostile inputs (XML entities and depth, zip bombs and broken
 * archives, bad JSON). Fixtures: tests/data/hostile/ (made by make.py)
 * and samples/, or built in memory here.
 */
#include <ctype.h>

#include "test.h"

#include "io.h"
#include "read.h"

#define HOSTILE SRCDIR "/tests/data/hostile/"

static struct read_limits lim_default(void)
{
	struct read_limits l;
	read_limits_default(&l);
	return l;
}

/* Read a file through read_document(); returns the reader's code. */
static int read_path(struct document **doc, const char *path, const struct read_limits *lim,
		     struct diag *d)
{
	struct buf b = BUF_INIT;
	int ret;
	*doc = NULL;
	ret = io_read_file(&b, path, (size_t)64 << 20, d);
	if (ret == 0)
		ret = read_document(doc, b.ptr, b.len, strrchr(path, '/') + 1, lim, d);
	buf_release(&b);
	return ret;
}

static int read_mem(struct document **doc, const char *s, const char *name,
		    const struct read_limits *lim, struct diag *d)
{
	return read_document(doc, s, strlen(s), name, lim, d);
}

static char line_buf[4096];

static const char *line(const struct document *doc, size_t i)
{
	size_t n;
	if (!doc || i >= doc->nlines)
		return "(no such line)";
	n = doc->lines[i].len < sizeof(line_buf) - 1 ? doc->lines[i].len : sizeof(line_buf) - 1;
	memcpy(line_buf, doc->text.ptr + doc->lines[i].off, n);
	line_buf[n] = '\0';
	return line_buf;
}

/* Index of the first line equal to `s`, or -1. */
static long find_line(const struct document *doc, const char *s)
{
	size_t i, n = strlen(s);
	for (i = 0; doc && i < doc->nlines; i++)
		if (doc->lines[i].len == n && memcmp(doc->text.ptr + doc->lines[i].off, s, n) == 0)
			return (long)i;
	return -1;
}

static size_t count_in_text(const struct document *doc, const char *s)
{
	const char *p = doc ? doc->text.ptr : "";
	size_t n = 0;
	while ((p = strstr(p, s)) != NULL) {
		n++;
		p++;
	}
	return n;
}

#define CHECK_CONTAINS(hay, needle) do { const char *h_ = (hay), *n_ = (needle); \
	if (!strstr(h_, n_)) { fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", \
	__FILE__, __LINE__, h_, n_); test_failures++; } } while (0)

/* ---- .docx ---------------------------------------------------------- */

/* Non-blank lines with a leading bullet ("• ", "- ", "* ", "▪ ") removed. */
static void norm_lines(const struct document *doc, struct buf *out)
{
	size_t i;
	for (i = 0; i < doc->nlines; i++) {
		const char *s = doc->text.ptr + doc->lines[i].off;
		size_t n = doc->lines[i].len;
		if (n == 0)
			continue;
		if (n >= 4 && (memcmp(s, "\xE2\x80\xA2 ", 4) == 0 || memcmp(s, "\xE2\x96\xAA ", 4) == 0))
			s += 4, n -= 4;
		else if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
			s += 2, n -= 2;
		buf_printf(out, "%s|", section_name((enum section_kind)doc->lines[i].section));
		buf_put(out, s, n);
		buf_putc(out, '\n');
	}
}

static void test_read__docx_sample_same_as_txt(void)
{
	static const char *const names[] = { "healthcare-nlp-engineer", "phd-researcher",
					     "ml-engineer-fintech", "radiology-cv-engineer" };
	struct read_limits l = lim_default();
	size_t k, i;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		struct document *t = NULL, *x = NULL;
		struct diag d = DIAG_INIT;
		struct buf a = BUF_INIT, b = BUF_INIT;
		char path[512];
		snprintf(path, sizeof(path), SRCDIR "/samples/%s.txt", names[k]);
		CHECK_INT(read_path(&t, path, &l, &d), 0);
		snprintf(path, sizeof(path), SRCDIR "/samples/%s.docx", names[k]);
		CHECK_INT(read_path(&x, path, &l, &d), 0);
		if (!t || !x) {
			document_free(t);
			document_free(x);
			continue;
		}
		CHECK_INT(x->format, DOC_DOCX);
		norm_lines(t, &a);
		norm_lines(x, &b);
		if (strcmp(a.ptr, b.ptr) != 0)
			fprintf(stderr, "%s: txt and docx lines differ\n--- txt\n%s--- docx\n%s", names[k],
				a.ptr, b.ptr);
		CHECK(strcmp(a.ptr, b.ptr) == 0);
		CHECK_STR(x->contact.email, t->contact.email);
		CHECK_STR(x->contact.phone, t->contact.phone);
		CHECK_STR(x->contact.name, t->contact.name);
		CHECK_INT(x->ndates, t->ndates);
		for (i = 0; i < x->ndates && i < t->ndates; i++) {
			CHECK_INT(x->dates[i].start, t->dates[i].start);
			CHECK_INT(x->dates[i].end, t->dates[i].end);
			CHECK_INT(x->dates[i].open, t->dates[i].open);
		}
		CHECK_INT(document_experience_months(x, 2026 * 12), document_experience_months(t, 2026 * 12));
		buf_release(&a);
		buf_release(&b);
		document_free(t);
		document_free(x);
	}
}

static void test_read__docx_header_contact(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_header_contact.docx", &l, &d), 0);
	if (!doc)
		return;
	CHECK_STR(doc->contact.email, "jordan.example@example.org");
	CHECK_STR(doc->contact.phone, "+1 (555) 010-2030");
	CHECK_STR(doc->contact.name, "Jordan Q. Example");
	/* header lines come first, flagged, in no section; two identical headers once */
	CHECK_STR(line(doc, 0), "Jordan Q. Example");
	CHECK_INT(doc->lines[0].flags, LINE_HEADER);
	CHECK_INT(doc->lines[0].section, SEC_NONE);
	CHECK_INT(count_in_text(doc, "jordan.example@example.org"), 1);
	CHECK_STR(line(doc, 2), "EXPERIENCE");
	CHECK_INT(doc->lines[2].flags, LINE_HEADING);
	CHECK_INT(doc->lines[2].section, SEC_EXPERIENCE);
	CHECK_STR(line(doc, 4), "Built sepsis models in Python");
	CHECK_INT(doc->lines[4].flags, LINE_LIST);
	/* hyperlink: text kept, target recorded as a link */
	CHECK(find_line(doc, "my portfolio") >= 0);
	CHECK_INT(doc->contact.nlinks, 1);
	if (doc->contact.nlinks)
		CHECK_STR(doc->contact.links[0], "https://portfolio.example.org/jq");
	CHECK_INT(doc->ndates, 1);
	document_free(doc);
}

static void test_read__docx_table_cells_apart(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_table.docx", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->nlines, 6);
	CHECK_STR(line(doc, 0), "SKILLS");
	CHECK_INT(doc->lines[0].flags, LINE_HEADING | LINE_TABLE);
	CHECK_INT(doc->lines[0].section, SEC_SKILLS);
	CHECK_STR(line(doc, 1), "Python");
	CHECK_STR(line(doc, 2), "SQL");
	CHECK_STR(line(doc, 3), "Cell A");
	CHECK_STR(line(doc, 4), "Cell B");
	CHECK_INT(doc->lines[1].flags, LINE_TABLE);
	CHECK_INT(doc->lines[4].flags, LINE_TABLE);
	CHECK_STR(line(doc, 5), "After table");
	CHECK_INT(doc->lines[5].flags, 0);
	document_free(doc);
}

static void test_read__docx_tracked_changes(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_tracked.docx", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->nlines, 1);
	CHECK_STR(line(doc, 0), "Skilled in PyTorch and SQL");
	CHECK_INT(count_in_text(doc, "TensorFlow"), 0);
	document_free(doc);
}

static void test_read__docx_alternate_content_once(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_altcontent.docx", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(count_in_text(doc, "Kubernetes expert"), 1);
	CHECK(find_line(doc, "Kubernetes expert") >= 0);
	CHECK(find_line(doc, "Intro outro") >= 0);
	CHECK_INT(doc->nlines, 2);
	document_free(doc);
}

static void test_read__docx_fields_instr_dropped(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_fields.docx", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(count_in_text(doc, "HYPERLINK"), 0);
	CHECK_INT(count_in_text(doc, "TOOLTIP"), 0);
	CHECK_INT(count_in_text(doc, "secret.example"), 0);
	CHECK_INT(count_in_text(doc, "ALIASNAME"), 0);
	CHECK_STR(line(doc, 0), "Field result");
	CHECK_STR(line(doc, 1), "2024");
	CHECK_STR(line(doc, 2), "Controlled content");
	CHECK_STR(line(doc, 3), "Boston MA");  /* smartTag kept, w:tab -> space */
	CHECK_STR(line(doc, 4), "Next line");  /* w:br -> new line */
	CHECK_INT(doc->nlines, 5);
	document_free(doc);
}

static void test_read__docx_custom_main_part_name(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_custom_main.docx", &l, &d), 0);
	if (!doc)
		return;
	CHECK_STR(line(doc, 0), "Custom main part text");
	CHECK_STR(line(doc, 1), "SKILLS");
	CHECK_INT(doc->lines[1].flags, LINE_HEADING);
	CHECK_STR(line(doc, 2), "Python, FHIR");
	CHECK_INT(doc->lines[2].section, SEC_SKILLS);
	document_free(doc);
}

static void test_read__docx_image_only_no_text(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_image_only.docx", &l, &d), SG_ENOTEXT);
	CHECK(doc == NULL);
	CHECK_STR(d.msg, "'feat_image_only.docx' contains no text (image-only or scanned document?)");
	document_free(doc);
}

/* ---- WordprocessingML ----------------------------------------------- */

static void test_read__wordml_flat_opc(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "feat_flat_opc.xml", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->format, DOC_DOCX);
	CHECK_STR(line(doc, 0), "Jordan Q. Example");
	CHECK_INT(doc->lines[0].flags, LINE_HEADER);
	CHECK_STR(doc->contact.email, "jordan.example@example.org");
	CHECK_STR(line(doc, 2), "SKILLS");
	CHECK_INT(doc->lines[2].section, SEC_SKILLS);
	CHECK_STR(line(doc, 3), "Python and SQL");
	CHECK_STR(line(doc, 4), "GitHub");
	CHECK_INT(doc->contact.nlinks, 1);
	if (doc->contact.nlinks)
		CHECK_STR(doc->contact.links[0], "https://github.com/flat-example");
	CHECK_INT(count_in_text(doc, "iVBOR"), 0);
	document_free(doc);
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void test_read__wordml_bare_document_xml(void)
{
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
		"<w:document " W_NS "><w:body>"
		"<w:p><w:r><w:t>Ana P\xC3\xA9rez</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Technical Skills</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>C++ </w:t></w:r><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/>"
		"<w:t xml:space=\"preserve\"> R</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Hobbies and Stuff Misc</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>Chess</w:t></w:r></w:p>"
		"<w:p/>"
		"<w:p><w:r><w:t>PUBLICATIONS</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>A paper</w:t></w:r></w:p>"
		"</w:body></w:document>";
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_mem(&doc, xml, "cv.xml", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->nlines, 8);
	CHECK_STR(line(doc, 0), "Ana P\xC3\xA9rez");
	CHECK_STR(doc->contact.name, "Ana P\xC3\xA9rez");
	CHECK_STR(line(doc, 1), "Technical Skills");
	CHECK_INT(doc->lines[1].flags, LINE_HEADING);
	CHECK_INT(doc->lines[1].section, SEC_SKILLS);
	CHECK_STR(line(doc, 2), "C++ \xE2\x80\xA2 R");
	/* a Heading-styled paragraph that is not a known heading: SEC_OTHER */
	CHECK_STR(line(doc, 3), "Hobbies and Stuff Misc");
	CHECK_INT(doc->lines[3].section, SEC_OTHER);
	CHECK_INT(doc->lines[3].flags, LINE_HEADING);
	CHECK_STR(line(doc, 5), "");
	/* ALL CAPS known heading word without a style still switches sections */
	CHECK_STR(line(doc, 6), "PUBLICATIONS");
	CHECK_INT(doc->lines[6].flags, LINE_HEADING);
	CHECK_INT(doc->lines[7].section, SEC_PUBLICATIONS);
	document_free(doc);

	/* not Word at all */
	CHECK_INT(read_mem(&doc, "<?xml version=\"1.0\"?><svg><text>x</text></svg>", "x.xml", &l, &d),
		  SG_ECORRUPT);
	CHECK_STR(d.msg, "'x.xml': XML but not a Word document (root element 'svg')");
	/* malformed */
	CHECK_INT(read_mem(&doc, "<w:document " W_NS "><w:body><w:p>", "y.xml", &l, &d), SG_ECORRUPT);
	CHECK_CONTAINS(d.msg, "'y.xml': malformed XML in 'document' at line 1");
}

/* ---- hostile XML ---------------------------------------------------- */

static void test_read__xml_billion_laughs(void)
{
	static const char *const files[] = { "xml_billion_laughs.xml", "xml_quadratic.xml",
					     "xml_cyclic.xml", "docx_billion_laughs.docx" };
	struct read_limits l = lim_default();
	size_t k;
	for (k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		struct document *doc = NULL;
		struct diag d = DIAG_INIT;
		char path[512], want[256];
		snprintf(path, sizeof(path), HOSTILE "%s", files[k]);
		CHECK_INT(read_path(&doc, path, &l, &d), SG_ECORRUPT);
		snprintf(want, sizeof(want), "'%s': DOCTYPE declarations are not allowed", files[k]);
		CHECK_STR(d.msg, want);
		CHECK(doc == NULL);
	}
}

static void test_read__xml_external_entity(void)
{
	static const char *const files[] = { "xml_xxe_file.xml", "xml_xxe_http.xml" };
	/* the same in UTF-16LE: the DOCTYPE check is not fooled by the encoding */
	static const char utf16[] = "\xFF\xFE<\0?\0x\0m\0l\0 \0v\0e\0r\0s\0i\0o\0n\0=\0\"\0001\0.\0000\0\"\0?\0>\0"
		"<\0!\0D\0O\0C\0T\0Y\0P\0E\0 \0w\0 \0[\0]\0>\0<\0w\0/\0>\0";
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	size_t k;

	for (k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		char path[512];
		snprintf(path, sizeof(path), HOSTILE "%s", files[k]);
		CHECK_INT(read_path(&doc, path, &l, &d), SG_ECORRUPT);
		CHECK_CONTAINS(d.msg, "DOCTYPE declarations are not allowed");
		CHECK(strstr(d.msg, "root:") == NULL);
		CHECK(doc == NULL);
	}
	CHECK_INT(read_wordml(&doc, utf16, sizeof(utf16) - 1, "u16.xml", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'u16.xml': DOCTYPE declarations are not allowed");
	/* an entity reference without a declaration is an error, never a fetch */
	CHECK_INT(read_mem(&doc, "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
			   "</w:body></w:document>", "ref.xml", &l, &d), SG_ECORRUPT);
	CHECK_CONTAINS(d.msg, "entity 'x' not defined");
	document_free(doc);
}

static void test_read__xml_depth_limit(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct buf x = BUF_INIT;
	int i;

	CHECK_INT(read_path(&doc, HOSTILE "xml_deep.xml", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'xml_deep.xml': XML nested deeper than 256 levels (see --xml-max-depth)");

	buf_puts(&x, "<w:document " W_NS "><w:body>");
	for (i = 0; i < 20; i++)
		buf_puts(&x, "<w:sdt><w:sdtContent>");
	buf_puts(&x, "<w:p><w:r><w:t>nested text</w:t></w:r></w:p>");
	for (i = 0; i < 20; i++)
		buf_puts(&x, "</w:sdtContent></w:sdt>");
	buf_puts(&x, "</w:body></w:document>");
	/* depth 2 + 40 + p/r/t: fine by default, too deep with a cap of 30 */
	CHECK_INT(read_mem(&doc, x.ptr, "d.xml", &l, &d), 0);
	CHECK_STR(line(doc, 0), "nested text");
	document_free(doc);
	l.xml_max_depth = 30;
	CHECK_INT(read_mem(&doc, x.ptr, "d.xml", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'d.xml': XML nested deeper than 30 levels (see --xml-max-depth)");
	buf_release(&x);
}

/* ---- hostile ZIP ---------------------------------------------------- */

static void test_read__zip_bomb_ratio(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "zip_bomb.docx", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'zip_bomb.docx': part 'word/document.xml' has a compression ratio over 200:1 (zip bomb? see --zip-max-ratio)");
	/* the header says 1000 bytes: caught while inflating */
	CHECK_INT(read_path(&doc, HOSTILE "zip_bomb_lying.docx", &l, &d), SG_ELIMIT);
	CHECK_CONTAINS(d.msg, "compression ratio over 200:1");
	/* with the ratio allowed, the entry-size and total caps still hold */
	l.zip_max_ratio = 100000;
	l.zip_max_entry = (size_t)1 << 20;
	CHECK_INT(read_path(&doc, HOSTILE "zip_bomb_lying.docx", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'zip_bomb_lying.docx': part 'word/document.xml' is larger than 1048576 bytes uncompressed (see --zip-max-entry-size)");
	l.zip_max_entry = (size_t)64 << 20;
	l.zip_max_total = (size_t)2 << 20;
	CHECK_INT(read_path(&doc, HOSTILE "zip_bomb_lying.docx", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'zip_bomb_lying.docx': more than 2097152 bytes uncompressed in total (see --zip-max-total-size)");
	CHECK(doc == NULL);
}

static void test_read__zip_too_many_entries(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "zip_many_entries.docx", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'zip_many_entries.docx': archive has 1103 entries, more than 1000 (see --zip-max-entries)");
	l.zip_max_entries = 2000;
	CHECK_INT(read_path(&doc, HOSTILE "zip_many_entries.docx", &l, &d), 0);
	CHECK_STR(line(doc, 0), "Many entries");
	document_free(doc);
}

static void test_read__zip_truncated(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "zip_truncated.docx", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'zip_truncated.docx': not a valid .docx (corrupt or truncated zip archive)");
	CHECK_INT(read_path(&doc, HOSTILE "zip_no_main.docx", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'zip_no_main.docx': not a Word document (no main document part)");
	/* junk after the archive: refused (ZIP_CHECKCONS) */
	CHECK_INT(read_path(&doc, HOSTILE "zip_junk_after.docx", &l, &d), SG_ECORRUPT);
	/* duplicate names: refused, never "first wins" */
	CHECK_INT(read_path(&doc, HOSTILE "zip_duplicate.docx", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'zip_duplicate.docx': corrupt archive (duplicate entry names)");
	/* a NUL in a name: the name ends there, so no main part is found */
	CHECK_INT(read_path(&doc, HOSTILE "zip_nul_name.docx", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'zip_nul_name.docx': not a Word document (no main document part)");
	CHECK(doc == NULL);
}

static void test_read__zip_encrypted(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "zip_encrypted.docx", &l, &d), SG_EUNSUPPORTED);
	CHECK_STR(d.msg, "'zip_encrypted.docx': encrypted documents are not supported");
	CHECK(doc == NULL);
}

/*
 * Decision: junk before the archive is refused. The bytes do not start
 * with a zip signature, so sniffing does not call it a .docx (binary);
 * read_docx() itself refuses it too (ZIP_CHECKCONS offsets disagree).
 */
static void test_read__zip_junk_before(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "zip_junk_before.docx", &l, &d), SG_EBINARY);
	CHECK_INT(io_read_file(&b, HOSTILE "zip_junk_before.docx", (size_t)1 << 20, &d), 0);
	CHECK_INT(read_docx(&doc, b.ptr, b.len, "junk.docx", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'junk.docx': not a valid .docx (corrupt or truncated zip archive)");
	CHECK(doc == NULL);
	buf_release(&b);
}

static void test_read__zip_nested(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_path(&doc, HOSTILE "zip_nested.docx", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'zip_nested.docx': part 'word/document.xml' is not XML (a zip inside the package)");
	CHECK(doc == NULL);
}

/* ---- JSON ------------------------------------------------------------- */

static const char resume_json[] =
	"{\n"
	"  \"basics\": {\"name\": \"Jane Doe\", \"label\": \"ML Engineer\",\n"
	"    \"email\": \"jane@example.com\", \"phone\": \"+1 555 123 4567\", \"url\": \"https://jane.dev\",\n"
	"    \"summary\": \"Clinical NLP engineer.\",\n"
	"    \"location\": {\"city\": \"Boston\", \"region\": \"MA\", \"countryCode\": \"US\"},\n"
	"    \"profiles\": [{\"network\": \"GitHub\", \"username\": \"jd\", \"url\": \"https://github.com/jd\"}]},\n"
	"  \"work\": [{\"name\": \"Acme Health\", \"position\": \"Engineer\", \"startDate\": \"2019-01-15\",\n"
	"    \"endDate\": \"2021-06\", \"summary\": \"Built things\", \"highlights\": [\"PyTorch models\", \"FHIR APIs\"]}],\n"
	"  \"volunteer\": [{\"organization\": \"Code for Health\", \"position\": \"Mentor\", \"startDate\": \"2020\"}],\n"
	"  \"education\": [{\"institution\": \"MIT\", \"area\": \"Computer Science\", \"studyType\": \"BSc\",\n"
	"    \"startDate\": \"2011\", \"endDate\": \"2015\", \"score\": \"3.9\", \"courses\": [\"Machine Learning\"]}],\n"
	"  \"awards\": [{\"title\": \"Best Paper\", \"date\": \"2020-05\", \"awarder\": \"ACL\", \"summary\": \"For NER\"}],\n"
	"  \"certificates\": [{\"name\": \"AWS ML Specialty\", \"date\": \"2021-01\", \"issuer\": \"AWS\"}],\n"
	"  \"publications\": [{\"name\": \"Clinical NER\", \"publisher\": \"JAMIA\", \"releaseDate\": \"2022\"}],\n"
	"  \"skills\": [{\"name\": \"NLP\", \"level\": \"Expert\", \"keywords\": [\"spaCy\", \"BERT\"]}],\n"
	"  \"languages\": [{\"language\": \"Spanish\", \"fluency\": \"Fluent\"}],\n"
	"  \"interests\": [{\"name\": \"Running\", \"keywords\": [\"trail\"]}],\n"
	"  \"references\": [{\"name\": \"Dr. Smith\", \"reference\": \"Great engineer\"}],\n"
	"  \"projects\": [{\"name\": \"MedNER\", \"description\": \"Open-source NER\", \"highlights\": [\"1k stars\"],\n"
	"    \"keywords\": [\"Python\", \"Docker\"], \"startDate\": \"2021-03\", \"endDate\": \"2021-09\"}],\n"
	"  \"meta\": {\"version\": \"v1.0.0\"}\n"
	"}\n";

static void test_read__json_resume_sections(void)
{
	static const struct { const char *text; int section; unsigned flags; } want[] = {
		{ "Jane Doe", SEC_NONE, 0 },
		{ "ML Engineer", SEC_NONE, 0 },
		{ "jane@example.com", SEC_NONE, 0 },
		{ "+1 555 123 4567", SEC_NONE, 0 },
		{ "https://jane.dev", SEC_NONE, 0 },
		{ "Boston, MA, US", SEC_NONE, 0 },
		{ "GitHub, jd, https://github.com/jd", SEC_NONE, 0 },
		{ "Summary", SEC_SUMMARY, LINE_HEADING },
		{ "Clinical NLP engineer.", SEC_SUMMARY, 0 },
		{ "Work Experience", SEC_EXPERIENCE, LINE_HEADING },
		{ "Engineer, Acme Health (2019-01-15 - 2021-06)", SEC_EXPERIENCE, 0 },
		{ "Built things", SEC_EXPERIENCE, 0 },
		{ "PyTorch models", SEC_EXPERIENCE, LINE_LIST },
		{ "FHIR APIs", SEC_EXPERIENCE, LINE_LIST },
		{ "Volunteer", SEC_VOLUNTEER, LINE_HEADING },
		{ "Mentor, Code for Health (2020 - Present)", SEC_VOLUNTEER, 0 },
		{ "Education", SEC_EDUCATION, LINE_HEADING },
		{ "BSc in Computer Science, MIT (2011 - 2015)", SEC_EDUCATION, 0 },
		{ "Score: 3.9", SEC_EDUCATION, 0 },
		{ "Machine Learning", SEC_EDUCATION, LINE_LIST },
		{ "Awards", SEC_AWARDS, LINE_HEADING },
		{ "Best Paper, ACL (2020-05)", SEC_AWARDS, 0 },
		{ "For NER", SEC_AWARDS, 0 },
		{ "Certificates", SEC_CERTIFICATIONS, LINE_HEADING },
		{ "AWS ML Specialty, AWS (2021-01)", SEC_CERTIFICATIONS, 0 },
		{ "Publications", SEC_PUBLICATIONS, LINE_HEADING },
		{ "Clinical NER, JAMIA (2022)", SEC_PUBLICATIONS, 0 },
		{ "Skills", SEC_SKILLS, LINE_HEADING },
		{ "NLP (Expert): spaCy, BERT", SEC_SKILLS, 0 },
		{ "Languages", SEC_LANGUAGES, LINE_HEADING },
		{ "Spanish (Fluent)", SEC_LANGUAGES, 0 },
		{ "Interests", SEC_INTERESTS, LINE_HEADING },
		{ "Running: trail", SEC_INTERESTS, 0 },
		{ "References", SEC_REFERENCES, LINE_HEADING },
		{ "Dr. Smith", SEC_REFERENCES, 0 },
		{ "Great engineer", SEC_REFERENCES, 0 },
		{ "Projects", SEC_PROJECTS, LINE_HEADING },
		{ "MedNER (2021-03 - 2021-09)", SEC_PROJECTS, 0 },
		{ "Open-source NER", SEC_PROJECTS, 0 },
		{ "1k stars", SEC_PROJECTS, LINE_LIST },
		{ "Python, Docker", SEC_PROJECTS, 0 },
	};
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	size_t i;

	CHECK_INT(read_mem(&doc, resume_json, "r.json", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->format, DOC_JSON);
	CHECK_INT(doc->layout_recognized, 1);
	CHECK_INT(doc->dates_structured, 1);
	CHECK_INT(doc->nlines, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < doc->nlines && i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK_STR(line(doc, i), want[i].text);
		CHECK_INT(doc->lines[i].section, want[i].section);
		CHECK_INT(doc->lines[i].flags, want[i].flags);
	}
	CHECK_STR(doc->contact.name, "Jane Doe");
	CHECK_STR(doc->contact.email, "jane@example.com");
	CHECK_STR(doc->contact.phone, "+1 555 123 4567");
	CHECK_INT(doc->contact.nlinks, 2);
	if (doc->contact.nlinks == 2) {
		CHECK_STR(doc->contact.links[0], "https://jane.dev");
		CHECK_STR(doc->contact.links[1], "https://github.com/jd");
	}
	/* only work feeds experience: 2019-01 through 2021-06 */
	CHECK_INT(doc->ndates, 1);
	if (doc->ndates) {
		CHECK_INT(doc->dates[0].start, 2019 * 12 + 0);
		CHECK_INT(doc->dates[0].end, 2021 * 12 + 6);
		CHECK_INT(doc->dates[0].open, 0);
		CHECK_INT(doc->dates[0].line, 10);
	}
	CHECK_INT(document_experience_months(doc, 2026 * 12), 30);
	document_free(doc);
}

static void test_read__json_old_field_names(void)
{
	static const char json[] =
		"{\"basics\": {\"name\": \"Old Style\", \"website\": \"http://old.example\", \"email\": \"o@example.com\"},"
		" \"work\": [{\"company\": \"Legacy Corp\", \"position\": \"Analyst\", \"startDate\": \"2010-02-01\","
		" \"endDate\": \"2012-02-01\", \"website\": \"http://legacy.example\"}],"
		" \"education\": [{\"institution\": \"State U\", \"gpa\": \"3.5\"}]}";
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_mem(&doc, json, "old.json", &l, &d), 0);
	if (!doc)
		return;
	CHECK(find_line(doc, "Analyst, Legacy Corp (2010-02-01 - 2012-02-01)") >= 0);
	CHECK(find_line(doc, "http://old.example") >= 0);
	CHECK(find_line(doc, "GPA: 3.5") >= 0);
	CHECK_INT(doc->contact.nlinks, 1);
	if (doc->contact.nlinks)
		CHECK_STR(doc->contact.links[0], "http://old.example");
	CHECK_INT(doc->ndates, 1);
	if (doc->ndates) {
		CHECK_INT(doc->dates[0].start, 2010 * 12 + 1);
		CHECK_INT(doc->dates[0].end, 2012 * 12 + 2);
	}
	document_free(doc);
}

static void test_read__json_partial_dates_years(void)
{
	static const char json[] =
		"{\"work\": ["
		"{\"name\": \"A\", \"startDate\": \"2015\", \"endDate\": \"2017\"},"
		"{\"name\": \"B\", \"startDate\": \"2018-03-15\", \"endDate\": \"2019-11\"},"
		"{\"name\": \"C\", \"startDate\": \"2020-02\"},"
		"{\"name\": \"D\", \"startDate\": \"2021-05\", \"endDate\": \"\"},"
		"{\"name\": \"E\", \"startDate\": \"2012-12\", \"endDate\": \"Present\"},"
		"{\"name\": \"F\", \"startDate\": \"soon\", \"endDate\": \"2013\"}]}";
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_mem(&doc, json, "dates.json", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->ndates, 5);
	if (doc->ndates == 5) {
		/* a year-only start is January; a year-only end is January of that year */
		CHECK_INT(doc->dates[0].start, 2015 * 12);
		CHECK_INT(doc->dates[0].end, 2017 * 12);
		CHECK_INT(doc->dates[0].open, 0);
		/* day ignored; a month end counts through that month */
		CHECK_INT(doc->dates[1].start, 2018 * 12 + 2);
		CHECK_INT(doc->dates[1].end, 2019 * 12 + 11);
		CHECK_INT(doc->dates[2].start, 2020 * 12 + 1);
		CHECK_INT(doc->dates[2].open, 1);
		CHECK_INT(doc->dates[3].start, 2021 * 12 + 4);
		CHECK_INT(doc->dates[3].open, 1);
		CHECK_INT(doc->dates[4].start, 2012 * 12 + 11);
		CHECK_INT(doc->dates[4].open, 1);
		CHECK_INT(doc->dates[0].line, 1);
		CHECK_INT(doc->dates[1].line, 2);
	}
	/* 2012-12 .. 2024-01 open as of 2024-01: union 2012-12..2024-01 = 134 months */
	CHECK_INT(document_experience_months(doc, 2024 * 12), 134);
	document_free(doc);
}

static void test_read__json_crlf(void)
{
	static const char json[] =
		"\xEF\xBB\xBF{\r\n  \"basics\": {\r\n    \"name\": \"Crlf Person\",\r\n"
		"    \"summary\": \"First line\\r\\nSecond line\"\r\n  },\r\n"
		"  \"skills\": [{\"name\": \"Data\", \"keywords\": [\"SQL\"]}]\r\n}\r\n";
	static const char bad[] = "{\r\n  \"a\": 1,\r\n}\r\n";
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	CHECK_INT(read_mem(&doc, json, "crlf.json", &l, &d), 0);
	if (!doc)
		return;
	CHECK_STR(line(doc, 0), "Crlf Person");
	CHECK_STR(line(doc, 1), "Summary");
	CHECK_STR(line(doc, 2), "First line");
	CHECK_STR(line(doc, 3), "Second line");
	CHECK_STR(line(doc, 5), "Data: SQL");
	CHECK_INT(count_in_text(doc, "\r"), 0);
	document_free(doc);
	/* CRLF counts as one line break in positions */
	CHECK_INT(read_mem(&doc, bad, "bad.json", &l, &d), SG_ECORRUPT);
	CHECK_STR(d.msg, "'bad.json':2:9: invalid JSON: trailing comma");
}

static void test_read__json_other_layout(void)
{
	static const char json[] =
		"{\"name\": \"Bob Smith\", \"contact\": {\"email\": \"bob@example.org\", \"phone\": \"555-010-2030 x\"},"
		" \"headline\": \"Nurse\", \"years\": 12, \"remote\": true,"
		" \"work_history\": [{\"title\": \"RN\", \"dates\": \"2015 - 2020\", \"stack\": [\"Epic\"]}],"
		" \"technicalSkills\": [\"Python\", \"SQL\"],"
		" \"schooling\": {\"degree\": \"BSN\"},"
		" \"certs\": [\"BLS\"], \"side_projects\": [\"App\"], \"publications\": [\"Paper\"]}";
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	long i;

	CHECK_INT(read_mem(&doc, json, "other.json", &l, &d), 0);
	if (!doc)
		return;
	CHECK_INT(doc->layout_recognized, 0);
	CHECK_INT(doc->dates_structured, 0);
	CHECK_STR(doc->contact.name, "Bob Smith");
	CHECK_STR(doc->contact.email, "bob@example.org");
	CHECK_STR(line(doc, 0), "Bob Smith");
	CHECK_INT(doc->lines[0].section, SEC_NONE);
	CHECK((i = find_line(doc, "RN")) >= 0 && doc->lines[i].section == SEC_EXPERIENCE);
	CHECK((i = find_line(doc, "2015 - 2020")) >= 0 && doc->lines[i].section == SEC_EXPERIENCE);
	CHECK((i = find_line(doc, "Python")) >= 0 && doc->lines[i].section == SEC_SKILLS);
	CHECK((i = find_line(doc, "BSN")) >= 0 && doc->lines[i].section == SEC_EDUCATION);
	CHECK((i = find_line(doc, "BLS")) >= 0 && doc->lines[i].section == SEC_CERTIFICATIONS);
	CHECK((i = find_line(doc, "App")) >= 0 && doc->lines[i].section == SEC_PROJECTS);
	CHECK((i = find_line(doc, "Paper")) >= 0 && doc->lines[i].section == SEC_PUBLICATIONS);
	CHECK((i = find_line(doc, "Nurse")) >= 0 && doc->lines[i].section == SEC_NONE);
	/* "stack" classifies as a skills heading word */
	CHECK((i = find_line(doc, "Epic")) >= 0 && doc->lines[i].section == SEC_SKILLS);
	CHECK_STR(doc->contact.phone, "555-010-2030 x");
	CHECK_INT(doc->nlines, 13);
	/* dates found from text in experience lines */
	CHECK_INT(doc->ndates, 1);
	document_free(doc);

	/* valid JSON that is not a resume: analysed, not rejected */
	CHECK_INT(read_mem(&doc, "[\"just\", [\"strings\"], 3]", "arr.json", &l, &d), 0);
	CHECK_INT(doc ? doc->nlines : 0, 2);
	document_free(doc);
	CHECK_INT(read_mem(&doc, "{\"a\": 1, \"b\": [true, null]}", "nums.json", &l, &d), SG_ENOTEXT);
	CHECK_STR(d.msg, "'nums.json' contains no text (no string values)");
}

static void test_read__json_errors_line_col(void)
{
	static const struct { const char *json, *msg; } cases[] = {
		{ "{\n  \"a\": [1, 2,]\n}", "'e.json':2:13: invalid JSON: trailing comma" },
		{ "{\"a\": 1,\n}", "'e.json':1:8: invalid JSON: trailing comma" },
		{ "{\n  // hi\n  \"a\": 1\n}", "'e.json':2:3: invalid JSON: comments are not allowed in JSON" },
		{ "{\"a\": 1 /* x */}", "'e.json':1:9: invalid JSON: comments are not allowed in JSON" },
		{ "{\"a\": \"x\\qy\"}", "'e.json':1:9: invalid JSON: invalid escape '\\q' in string" },
		{ "{\"a\": \"\\ud800\"}", "'e.json':1:8: invalid JSON: lone surrogate '\\ud800' in string" },
		{ "{\"a\": \"\\ud800\\u0041\"}", "'e.json':1:8: invalid JSON: lone surrogate '\\ud800' in string" },
		{ "{\"a\": \"\\udc00\"}", "'e.json':1:8: invalid JSON: lone surrogate '\\udc00' in string" },
		{ "{\"a\": NaN}", "'e.json':1:7: invalid JSON: NaN is not valid JSON" },
		{ "{\"a\": -Infinity}", "'e.json':1:8: invalid JSON: Infinity is not valid JSON" },
		{ "{\"a\": [1, 2", "'e.json':1:12: invalid JSON: unexpected end of input" },
		{ "{\"a\": \"unterminated", "'e.json':1:20: invalid JSON: unexpected end of input" },
		{ "{\"a\": \"caf\xC3\xA9\", \"b\": 01}", "'e.json':1:20: invalid JSON: invalid number (leading zero)" },
		{ "{\"a\": 1} x", "'e.json':1:10: invalid JSON: unexpected content after the JSON value" },
		{ "{'a': 1}", "'e.json':1:2: invalid JSON: strings must use double quotes" },
		{ "{\"a\" 1}", "'e.json':1:6: invalid JSON: expected ':' after object key" },
		{ "[1 2]", "'e.json':1:4: invalid JSON: expected ',' or ']'" },
		{ "{\"a\": \"tab\there\"}", "'e.json':1:11: invalid JSON: control character in string (escape it)" },
	};
	struct read_limits l = lim_default();
	size_t k;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct document *doc = NULL;
		struct diag d = DIAG_INIT;
		CHECK_INT(read_json(&doc, cases[k].json, strlen(cases[k].json), "e.json", &l, &d), SG_ECORRUPT);
		CHECK_STR(d.msg, cases[k].msg);
		CHECK(doc == NULL);
	}
}

static void test_read__json_depth_limit(void)
{
	struct read_limits l = lim_default();
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 64; i++)
		buf_puts(&b, i % 2 ? "{\"k\": " : "[");
	buf_puts(&b, "\"deep value\"");
	for (i = 63; i >= 0; i--)
		buf_puts(&b, i % 2 ? "}" : "]");
	CHECK_INT(read_mem(&doc, b.ptr, "deep.json", &l, &d), 0); /* exactly 64: fine */
	CHECK_STR(line(doc, 0), "deep value");
	document_free(doc);
	buf_truncate(&b, 0);
	for (i = 0; i < 65; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 65; i++)
		buf_putc(&b, ']');
	CHECK_INT(read_mem(&doc, b.ptr, "deep.json", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'deep.json': nesting deeper than 64 levels (see --json-max-depth)");
	/* a million levels: no recursion, no crash */
	buf_truncate(&b, 0);
	for (i = 0; i < 1000000; i++)
		buf_putc(&b, '[');
	l.json_max_depth = 10;
	CHECK_INT(read_mem(&doc, b.ptr, "huge.json", &l, &d), SG_ELIMIT);
	CHECK_STR(d.msg, "'huge.json': nesting deeper than 10 levels (see --json-max-depth)");
	buf_release(&b);
}

/* A document's lines, sections, dates and contact name as one string. */
static void doc_summary(const struct document *doc, struct buf *out)
{
	size_t i;
	norm_lines(doc, out);
	for (i = 0; i < doc->ndates; i++)
		buf_printf(out, "date %d-%d %d line %u\n", doc->dates[i].start, doc->dates[i].end,
			   doc->dates[i].open, doc->dates[i].line);
	buf_printf(out, "name %s\n", doc->contact.name ? doc->contact.name : "-");
}

/*
 * read_json_use_arena(): the same documents as with malloc(), for a
 * small resume and one of over 64 KiB of values (the arena's first block),
 * read several times over (the arena is reused).
 */
static void test_read__json_arena_same_document(void)
{
	struct read_limits l = lim_default();
	struct buf big = BUF_INIT, want_small = BUF_INIT, want_big = BUF_INIT, got = BUF_INIT;
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	int i, pass;

	buf_puts(&big, "{\"basics\": {\"name\": \"Ana Lima\"}, \"work\": [");
	for (i = 0; i < 400; i++)
		buf_printf(&big, "%s{\"name\": \"Clinic %d\", \"position\": \"Data analyst\", \"startDate\": \"20%02d-01\","
			   " \"endDate\": \"20%02d-06\", \"highlights\": [\"Built a sepsis model in Python\","
			   " \"Cut readmissions by %d%%\"]}", i ? ", " : "", i, i % 20, i % 20 + 1, i % 50);
	buf_puts(&big, "]}");
	CHECK(big.len > 65536);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			read_json_use_arena();
		for (i = 0; i < 3; i++) {
			CHECK_INT(read_mem(&doc, resume_json, "r.json", &l, &d), 0);
			buf_truncate(&got, 0);
			if (doc)
				doc_summary(doc, &got);
			document_free(doc);
			if (pass == 0 && i == 0)
				buf_put(&want_small, got.ptr, got.len);
			else
				CHECK_STR(got.ptr, want_small.ptr);
			CHECK_INT(read_mem(&doc, big.ptr, "big.json", &l, &d), 0);
			buf_truncate(&got, 0);
			if (doc)
				doc_summary(doc, &got);
			CHECK(doc && doc->ndates == 400);
			document_free(doc);
			if (pass == 0 && i == 0)
				buf_put(&want_big, got.ptr, got.len);
			else
				CHECK_STR(got.ptr, want_big.ptr);
		}
	}
	/* a document rejected before the parse leaves the arena as it was */
	CHECK_INT(read_mem(&doc, "{\"a\": [1, 2,]}", "bad.json", &l, &d), SG_ECORRUPT);
	CHECK_INT(read_mem(&doc, resume_json, "r.json", &l, &d), 0);
	document_free(doc);
	buf_release(&big);
	buf_release(&want_small);
	buf_release(&want_big);
	buf_release(&got);
}

TEST_MAIN(
	TEST(test_read__docx_sample_same_as_txt),
	TEST(test_read__docx_header_contact),
	TEST(test_read__docx_table_cells_apart),
	TEST(test_read__docx_tracked_changes),
	TEST(test_read__docx_alternate_content_once),
	TEST(test_read__docx_fields_instr_dropped),
	TEST(test_read__docx_custom_main_part_name),
	TEST(test_read__docx_image_only_no_text),
	TEST(test_read__wordml_flat_opc),
	TEST(test_read__wordml_bare_document_xml),
	TEST(test_read__xml_billion_laughs),
	TEST(test_read__xml_external_entity),
	TEST(test_read__xml_depth_limit),
	TEST(test_read__zip_bomb_ratio),
	TEST(test_read__zip_too_many_entries),
	TEST(test_read__zip_truncated),
	TEST(test_read__zip_encrypted),
	TEST(test_read__zip_junk_before),
	TEST(test_read__zip_nested),
	TEST(test_read__json_resume_sections),
	TEST(test_read__json_old_field_names),
	TEST(test_read__json_partial_dates_years),
	TEST(test_read__json_crlf),
	TEST(test_read__json_other_layout),
	TEST(test_read__json_errors_line_col),
	TEST(test_read__json_depth_limit),
	TEST(test_read__json_arena_same_document)
)
