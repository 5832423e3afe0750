/*
 * read_docx.c - the Word readers. Input: a .docx (OPC/ZIP) package read
 * from memory with libzip, or WordprocessingML XML (a bare document.xml
 * part or a Flat OPC pkg:package). Output: a document whose lines are
 * the paragraphs in reading order, page headers/footers first.
 *
 * XML is walked with libxml2's streaming reader (no DOM), with no
 * network, no DTD loading and no entity expansion; any DOCTYPE is
 * refused outright (WordprocessingML never has one). Every ZIP entry is
 * read with caps on its size, the total and the compression ratio that
 * are enforced while inflating, whatever the headers claim.
 */
#include "read.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "utf8.h"

/* The ratio cap only applies past this many uncompressed bytes of an entry:
 * a tiny part (an empty header) can legitimately compress 300:1. */
#define ZIP_RATIO_FLOOR ((size_t)64 << 10)

/* XML options: NONET, and deliberately neither NOENT nor DTDLOAD nor HUGE. */
#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_COMPACT)

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* Never load anything from outside the bytes we were given. */
static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url; (void)id; (void)ctxt;
	return NULL;
}

static void xml_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
}

/* ---- package: named parts from a zip or a Flat OPC file ------------- */

struct flat_part {
	char *name;     /* without the leading '/' */
	xmlChar *xml;
};

struct pkg {
	const char *name;                 /* input name, for messages */
	const struct read_limits *lim;
	zip_t *za;                        /* .docx, or NULL */
	struct flat_part *parts;          /* Flat OPC */
	size_t nparts, aparts;
	size_t total;                     /* uncompressed bytes read so far */
};

static int name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

/*
 * Read part `part` into `out`. Returns 1 when read, 0 when there is no
 * such part, or a negative error.
 */
static int pkg_read(struct pkg *p, const char *part, struct buf *out, struct diag *d)
{
	const struct read_limits *lim = p->lim;
	zip_stat_t st;
	zip_file_t *zf = NULL;
	zip_int64_t idx, got;
	size_t n = 0, i;
	int ret = 1;

	buf_truncate(out, 0);
	if (!p->za) {
		for (i = 0; i < p->nparts; i++) {
			if (name_eq(p->parts[i].name, part)) {
				buf_puts(out, (const char *)p->parts[i].xml);
				return 1;
			}
		}
		return 0;
	}
	idx = zip_name_locate(p->za, part, ZIP_FL_NOCASE);
	if (idx < 0)
		return 0;
	zip_stat_init(&st);
	if (zip_stat_index(p->za, (zip_uint64_t)idx, 0, &st) < 0)
		return diag_set(d, SG_ECORRUPT, "'%s': corrupt archive entry '%s'", p->name, part);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return diag_set(d, SG_EUNSUPPORTED, "'%s': encrypted documents are not supported",
				p->name);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > lim->zip_max_entry)
		return diag_set(d, SG_ELIMIT, "'%s': part '%s' is larger than %zu bytes uncompressed (see --zip-max-entry-size)",
				p->name, part, lim->zip_max_entry);
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > ZIP_RATIO_FLOOR && st.size / (st.comp_size ? st.comp_size : 1) > lim->zip_max_ratio)
		return diag_set(d, SG_ELIMIT, "'%s': part '%s' has a compression ratio over %u:1 (zip bomb? see --zip-max-ratio)",
				p->name, part, lim->zip_max_ratio);
	zf = zip_fopen_index(p->za, (zip_uint64_t)idx, 0);
	if (!zf) {
		zip_error_t *ze = zip_get_error(p->za);
		if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD ||
		    zip_error_code_zip(ze) == ZIP_ER_ENCRNOTSUPP)
			return diag_set(d, SG_EUNSUPPORTED, "'%s': encrypted documents are not supported",
					p->name);
		return diag_set(d, SG_ECORRUPT, "'%s': cannot read part '%s': %s", p->name, part,
				zip_error_strerror(ze));
	}
	/* never trust the header: read in chunks and stop at the caps */
	for (;;) {
		buf_grow(out, 16384);
		got = zip_fread(zf, out->ptr + out->len, 16384);
		if (got < 0) {
			ret = diag_set(d, SG_ECORRUPT, "'%s': corrupt archive: cannot inflate '%s': %s",
				       p->name, part, zip_error_strerror(zip_file_get_error(zf)));
			goto done;
		}
		if (got == 0)
			break;
		out->len += (size_t)got;
		out->ptr[out->len] = '\0';
		n += (size_t)got;
		p->total += (size_t)got;
		if (n > lim->zip_max_entry) {
			ret = diag_set(d, SG_ELIMIT, "'%s': part '%s' is larger than %zu bytes uncompressed (see --zip-max-entry-size)",
				       p->name, part, lim->zip_max_entry);
			goto done;
		}
		if (n > ZIP_RATIO_FLOOR && (st.valid & ZIP_STAT_COMP_SIZE) &&
		    n / (st.comp_size ? st.comp_size : 1) > lim->zip_max_ratio) {
			ret = diag_set(d, SG_ELIMIT, "'%s': part '%s' has a compression ratio over %u:1 (zip bomb? see --zip-max-ratio)",
				       p->name, part, lim->zip_max_ratio);
			goto done;
		}
		if (p->total > lim->zip_max_total) {
			ret = diag_set(d, SG_ELIMIT, "'%s': more than %zu bytes uncompressed in total (see --zip-max-total-size)",
				       p->name, lim->zip_max_total);
			goto done;
		}
	}
done:
	zip_fclose(zf);
	return ret;
}

static void pkg_release(struct pkg *p)
{
	size_t i;
	if (p->za)
		zip_discard(p->za);
	for (i = 0; i < p->nparts; i++) {
		free(p->parts[i].name);
		xmlFree(p->parts[i].xml);
	}
	free(p->parts);
}

/* ---- XML reader setup and errors ------------------------------------ */

struct xml_err {
	int set;
	int line;
	char msg[200];
};

static void xml_error_cb(void *arg, xmlErrorPtr e)
{
	struct xml_err *x = arg;
	size_t n;
	if (x->set || !e || e->level < XML_ERR_ERROR)
		return;
	x->set = 1;
	x->line = e->line;
	snprintf(x->msg, sizeof(x->msg), "%s", e->message ? e->message : "parse error");
	n = strlen(x->msg);
	while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' ' || x->msg[n - 1] == '.'))
		x->msg[--n] = '\0';
	if (x->msg[0] && isupper((unsigned char)x->msg[0]) && !isupper((unsigned char)x->msg[1]))
		x->msg[0] = (char)tolower((unsigned char)x->msg[0]);
}

static int find_bytes(const char *s, size_t n, const char *pat, size_t m)
{
	const char *p;
	if (n < m || m == 0)
		return 0;
	p = s;
	while ((size_t)(p - s) + m <= n) {
		p = memchr(p, pat[0], n - m + 1 - (size_t)(p - s));
		if (!p)
			return 0;
		if (memcmp(p, pat, m) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* A DOCTYPE in UTF-8 or UTF-16 (either byte order): refused before parsing. */
static int has_doctype(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	/* UTF-16 has NUL bytes; UTF-8 XML has none, so this is one pass in the usual case */
	if (memchr(s, '\0', n) && (find_bytes(s, n, "<\0!\0D\0O\0C\0T\0Y\0P\0E\0", 18) ||
				  find_bytes(s, n, "\0<\0!\0D\0O\0C\0T\0Y\0P\0E", 18)))
		return 1;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		size_t left = (size_t)(end - p);
		if (left >= 8 && p[1] == '!' &&
		    ((left >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) || memcmp(p, "<!ENTITY", 8) == 0))
			return 1;
		p++;
	}
	return 0;
}

static xmlTextReaderPtr xml_open(const char *s, size_t n, struct xml_err *err)
{
	xmlTextReaderPtr r;
	pthread_once(&xml_once, xml_init_once);
	if (n > (size_t)0x7fffffff)
		return NULL;
	r = xmlReaderForMemory(s, (int)n, NULL, NULL, XML_OPTS);
	if (r)
		xmlTextReaderSetStructuredErrorHandler(r, xml_error_cb, err);
	return r;
}

static int depth_fail(struct diag *d, const char *name, unsigned max);

static int xml_fail(struct diag *d, const char *name, const char *part, const struct xml_err *x)
{
	/* libxml2's own cap (256 without XML_PARSE_HUGE) can fire before ours */
	if (x->set && strstr(x->msg, "xcessive depth"))
		return depth_fail(d, name, 256);
	if (x->set)
		return diag_set(d, SG_ECORRUPT, "'%s': malformed XML in '%s' at line %d: %s", name, part,
				x->line, x->msg);
	return diag_set(d, SG_ECORRUPT, "'%s': malformed XML in '%s'", name, part);
}

static int depth_fail(struct diag *d, const char *name, unsigned max)
{
	return diag_set(d, SG_ELIMIT, "'%s': XML nested deeper than %u levels (see --xml-max-depth)",
			name, max);
}

static int doctype_fail(struct diag *d, const char *name)
{
	return diag_set(d, SG_ECORRUPT, "'%s': DOCTYPE declarations are not allowed", name);
}

/* The value of the current element's attribute with local name `local`
 * (any prefix); xmlFree() it. NULL when absent. */
static xmlChar *attr_local(xmlTextReaderPtr r, const char *local)
{
	xmlChar *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return NULL;
	do {
		const xmlChar *ln = xmlTextReaderConstLocalName(r);
		if (ln && strcmp((const char *)ln, local) == 0) {
			v = xmlTextReaderValue(r);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	xmlTextReaderMoveToElement(r);
	return v;
}

/* ---- relationships -------------------------------------------------- */

struct rel {
	char *id, *type, *target;
	int external;
};

struct rels {
	struct rel *v;
	size_t n, a;
};

static void rels_release(struct rels *rs)
{
	size_t i;
	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].id);
		free(rs->v[i].type);
		free(rs->v[i].target);
	}
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Parse a .rels part. */
static int rels_parse(struct rels *rs, const char *xml, size_t len, const char *name,
		      const char *part, const struct read_limits *lim, struct diag *d)
{
	struct xml_err x = { 0, 0, { 0 } };
	xmlTextReaderPtr r;
	int ret;

	if (has_doctype(xml, len))
		return doctype_fail(d, name);
	r = xml_open(xml, len, &x);
	if (!r)
		return xml_fail(d, name, part, &x);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const xmlChar *ln;
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			ret = doctype_fail(d, name);
			goto done;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if ((unsigned)xmlTextReaderDepth(r) >= lim->xml_max_depth) {
			ret = depth_fail(d, name, lim->xml_max_depth);
			goto done;
		}
		ln = xmlTextReaderConstLocalName(r);
		if (ln && strcmp((const char *)ln, "Relationship") == 0) {
			xmlChar *id = attr_local(r, "Id"), *ty = attr_local(r, "Type");
			xmlChar *tg = attr_local(r, "Target"), *mode = attr_local(r, "TargetMode");
			if (id && ty && tg && rs->n < 4096) {
				struct rel *rl;
				rs->v = xgrow(rs->v, &rs->a, rs->n + 1, sizeof(*rs->v));
				rl = &rs->v[rs->n++];
				rl->id = xstrdup((const char *)id);
				rl->type = xstrdup((const char *)ty);
				rl->target = xstrdup((const char *)tg);
				rl->external = mode && strcmp((const char *)mode, "External") == 0;
			}
			xmlFree(id);
			xmlFree(ty);
			xmlFree(tg);
			xmlFree(mode);
		}
	}
	if (ret < 0)
		ret = xml_fail(d, name, part, &x);
done:
	xmlFreeTextReader(r);
	return ret < 0 ? ret : 0;
}

static const struct rel *rels_find_type(const struct rels *rs, const char *suffix)
{
	size_t i;
	for (i = 0; i < rs->n; i++)
		if (ends_with(rs->v[i].type, suffix))
			return &rs->v[i];
	return NULL;
}

static const struct rel *rels_find_id(const struct rels *rs, const char *id)
{
	size_t i;
	if (!rs)
		return NULL;
	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].id, id) == 0)
			return &rs->v[i];
	return NULL;
}

/*
 * Resolve a relationship target against the directory of its source
 * part ("word/"): "header1.xml" -> "word/header1.xml", "/word/x.xml" ->
 * "word/x.xml", "../customXml/item.xml" -> "customXml/item.xml".
 */
static void part_resolve(struct buf *out, const char *dir, const char *target)
{
	const char *s;
	buf_truncate(out, 0);
	if (target[0] != '/')
		buf_puts(out, dir);
	s = target;
	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 0 || (n == 1 && s[0] == '.')) {
			/* skip */
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			size_t l = out->len;
			if (l && out->ptr[l - 1] == '/')
				l--;
			while (l && out->ptr[l - 1] != '/')
				l--;
			buf_truncate(out, l);
		} else {
			buf_put(out, s, n);
			if (e)
				buf_putc(out, '/');
		}
		s += n;
		if (*s == '/')
			s++;
	}
}

/* ---- the WordprocessingML walker ------------------------------------ */

enum para_style { STYLE_NONE, STYLE_HEADING, STYLE_TITLE, STYLE_LIST };

struct para {
	size_t start;       /* into walker.text */
	unsigned char style;
	unsigned char list;
};

struct walker {
	struct document *doc;
	const struct rels *rels;   /* the part's relationships (hyperlinks), or NULL */
	int in_header;             /* header/footer part */
	struct buf text;           /* text of the open paragraphs, outermost first */
	struct para *paras;
	size_t nparas, aparas;
	int in_t, in_r, tbl;
	unsigned char ac_taken[64]; /* mc:AlternateContent: a Choice was taken */
	int ac_depth;
	char *mailto;              /* first mailto: hyperlink target */
};

/* Elements whose whole subtree is not document text. */
static int skip_element(const char *ln)
{
	static const char *const skip[] = {
		"Fallback", "del", "delText", "instrText", "delInstrText", "moveFrom",
		"sdtPr", "sdtEndPr", "rPr", "pPrChange", "rPrChange", "sectPr", "tabs",
		"tblPr", "tblGrid", "trPr", "tcPr", "fldData", "smartTagPr", "customXmlPr",
		"binData", "footnotePr", "endnotePr", "tblPrEx",
	};
	size_t i;
	/* cheap pre-filter: every name above starts with one of these */
	if (!strchr("FdimsrptfcbeF", ln[0]))
		return 0;
	for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
		if (ln[0] == skip[i][0] && strcmp(ln, skip[i]) == 0)
			return 1;
	return 0;
}

static int starts_with_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (tolower((unsigned char)*s) != *prefix)
			return 0;
	return 1;
}

static unsigned char style_of(const char *id)
{
	if (starts_with_ci(id, "heading"))
		return STYLE_HEADING;
	if (name_eq(id, "Title"))
		return STYLE_TITLE;
	if (starts_with_ci(id, "list"))
		return STYLE_LIST;
	return STYLE_NONE;
}

static void trim_span(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* "=====" or "-----" under a line, as in plain text. */
static int is_underline(const char *s, size_t n)
{
	size_t i;
	trim_span(&s, &n);
	if (n < 3)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != s[0] || !strchr("=-_~*", s[i]))
			return 0;
	return 1;
}

/*
 * An underline paragraph is dropped, like the text reader drops it, and
 * makes the line above a heading when that line has a heading's words.
 */
static void underline_prev(struct document *doc)
{
	struct doc_line *l = &doc->lines[doc->nlines - 1];
	int inl = 0;
	enum section_kind k;
	if (l->flags & (LINE_HEADING | LINE_LIST | LINE_HEADER) || l->len == 0)
		return;
	k = read_heading_kind(doc->text.ptr + l->off, l->len, 1, &inl);
	if (k == SEC_NONE || inl)
		return;
	l->flags |= LINE_HEADING;
	l->section = (uint8_t)k;
	document_set_section(doc, k);
}

/* One paragraph -> line(s), with the same heading rules as the text reader. */
static void emit_para(struct walker *w, char *s, size_t n, unsigned style, int list)
{
	struct document *doc = w->doc;
	unsigned lf = list ? LINE_LIST : 0;
	size_t i, start;

	if (w->in_header) {
		document_add_line(doc, s, n, lf);
		return;
	}
	if (style == STYLE_HEADING || style == STYLE_TITLE) {
		const char *t = s;
		size_t tn = n;
		int inl = 0;
		enum section_kind k;
		for (i = 0; i < n; i++)
			if (s[i] == '\n')
				s[i] = ' ';
		trim_span(&t, &tn);
		k = read_heading_kind(t, tn, 0, &inl);
		if (k != SEC_NONE && inl) {
			document_set_section(doc, k);
			document_add_line(doc, s, n, lf);
			return;
		}
		if (k == SEC_NONE)
			k = section_classify(t, tn);
		/* a styled name/title block above the first section stays a plain line */
		if (k == SEC_NONE && tn > 0 && style == STYLE_HEADING && doc->cur_section != SEC_NONE)
			k = SEC_OTHER;
		if (k != SEC_NONE) {
			document_add_heading(doc, t, tn, k);
			return;
		}
		document_add_line(doc, s, n, lf);
		return;
	}
	for (i = 0, start = 0; i <= n; i++) {
		const char *t;
		size_t tn;
		int inl = 0;
		enum section_kind k = SEC_NONE;
		if (i < n && s[i] != '\n')
			continue;
		t = s + start;
		tn = i - start;
		if (!list && is_underline(t, tn) && doc->nlines > 0) {
			underline_prev(doc);
			start = i + 1;
			continue;
		}
		if (!list)
			k = read_heading_kind(t, tn, 0, &inl);
		if (k != SEC_NONE && !inl) {
			trim_span(&t, &tn);
			document_add_heading(doc, t, tn, k);
		} else {
			if (k != SEC_NONE)
				document_set_section(doc, k);
			document_add_line(doc, s + start, tn, lf);
		}
		start = i + 1;
	}
}

static void para_push(struct walker *w)
{
	struct para *p;
	w->paras = xgrow(w->paras, &w->aparas, w->nparas + 1, sizeof(*w->paras));
	p = &w->paras[w->nparas++];
	p->start = w->text.len;
	p->style = STYLE_NONE;
	p->list = 0;
}

static void para_pop(struct walker *w)
{
	struct para *p;
	if (w->nparas <= 1)
		return; /* the implicit root paragraph stays */
	p = &w->paras[--w->nparas];
	emit_para(w, w->text.ptr + p->start, w->text.len - p->start, p->style,
		  p->list || p->style == STYLE_LIST);
	buf_truncate(&w->text, p->start);
}

static void walker_flags(struct walker *w)
{
	document_set_flags(w->doc, (w->in_header ? LINE_HEADER : 0u) | (w->tbl > 0 ? LINE_TABLE : 0u));
}

static void on_hyperlink(struct walker *w, xmlTextReaderPtr r)
{
	xmlChar *id = attr_local(r, "id");
	const struct rel *rl;
	if (!id)
		return;
	rl = rels_find_id(w->rels, (const char *)id);
	if (rl && rl->external) {
		if (strncmp(rl->target, "mailto:", 7) == 0) {
			if (!w->mailto)
				w->mailto = xstrdup(rl->target + 7);
		} else if (strlen(rl->target) < 2048) {
			document_add_link(w->doc, rl->target);
		}
	}
	xmlFree(id);
}

static void on_sym(struct walker *w, xmlTextReaderPtr r)
{
	xmlChar *c = attr_local(r, "char");
	unsigned long cp;
	char *end;
	if (!c)
		return;
	cp = strtoul((const char *)c, &end, 16);
	if (*end == '\0' && cp > 0) {
		/* symbol fonts live in the private-use area F000-F0FF: bullets, mostly */
		if (cp >= 0xF000 && cp <= 0xF0FF)
			cp = 0x2022;
		if (cp < 0x110000)
			utf8_encode(&w->text, (uint32_t)cp);
	}
	xmlFree(c);
}

/* Returns 1 when the element's subtree must be skipped. */
static int on_start(struct walker *w, xmlTextReaderPtr r, const char *ln, int empty)
{
	struct para *top = &w->paras[w->nparas - 1];

	switch (ln[0]) {
	case 'p':
		if (strcmp(ln, "p") == 0) {
			para_push(w);
			if (empty)
				para_pop(w);
			return 0;
		}
		if (strcmp(ln, "pStyle") == 0 && w->nparas > 1) {
			xmlChar *v = attr_local(r, "val");
			if (v)
				top->style = style_of((const char *)v);
			xmlFree(v);
			return 0;
		}
		if (strcmp(ln, "ptab") == 0 && w->in_r) {
			buf_putc(&w->text, ' ');
			return 0;
		}
		break;
	case 't':
		if (strcmp(ln, "t") == 0) {
			if (!empty)
				w->in_t++;
			return 0;
		}
		if (strcmp(ln, "tab") == 0 && w->in_r) {
			buf_putc(&w->text, ' ');
			return 0;
		}
		if (strcmp(ln, "tbl") == 0 && !empty) {
			w->tbl++;
			walker_flags(w);
			return 0;
		}
		break;
	case 'r':
		if (strcmp(ln, "r") == 0 && !empty) {
			w->in_r++;
			return 0;
		}
		break;
	case 'b':
		if (strcmp(ln, "br") == 0 && w->in_r) {
			buf_putc(&w->text, '\n');
			return 0;
		}
		break;
	case 'c':
		if (strcmp(ln, "cr") == 0 && w->in_r) {
			buf_putc(&w->text, '\n');
			return 0;
		}
		break;
	case 'n':
		if (strcmp(ln, "numPr") == 0 && w->nparas > 1) {
			top->list = 1;
			return 0;
		}
		if (strcmp(ln, "noBreakHyphen") == 0 && w->in_r) {
			buf_putc(&w->text, '-');
			return 0;
		}
		break;
	case 's':
		if (strcmp(ln, "sym") == 0 && w->in_r) {
			on_sym(w, r);
			return 0;
		}
		break;
	case 'h':
		if (strcmp(ln, "hyperlink") == 0) {
			on_hyperlink(w, r);
			return 0;
		}
		break;
	case 'A':
		if (strcmp(ln, "AlternateContent") == 0 && !empty) {
			if (w->ac_depth >= (int)sizeof(w->ac_taken))
				return 1;
			w->ac_taken[w->ac_depth++] = 0;
			return 0;
		}
		break;
	case 'C':
		if (strcmp(ln, "Choice") == 0 && w->ac_depth > 0) {
			/* only the first Choice; Fallback repeats the same content */
			if (w->ac_taken[w->ac_depth - 1])
				return 1;
			w->ac_taken[w->ac_depth - 1] = 1;
			return 0;
		}
		break;
	}
	return skip_element(ln);
}

static void on_end(struct walker *w, const char *ln)
{
	if (strcmp(ln, "p") == 0)
		para_pop(w);
	else if (strcmp(ln, "t") == 0 && w->in_t > 0)
		w->in_t--;
	else if (strcmp(ln, "r") == 0 && w->in_r > 0)
		w->in_r--;
	else if (strcmp(ln, "tbl") == 0 && w->tbl > 0) {
		w->tbl--;
		walker_flags(w);
	} else if (strcmp(ln, "AlternateContent") == 0 && w->ac_depth > 0)
		w->ac_depth--;
}

/*
 * Walk one WordprocessingML part (document, header or footer) into
 * w->doc. `root_ok` receives whether the root element looked like Word.
 */
static int walk_part(struct document *doc, const char *xml, size_t len, const char *name,
		     const char *part, const struct read_limits *lim, const struct rels *rels,
		     int in_header, char **mailto, struct diag *d)
{
	struct xml_err x = { 0, 0, { 0 } };
	struct walker w;
	xmlTextReaderPtr r;
	int ret;

	if (len >= 4 && memcmp(xml, "PK\3\4", 4) == 0)
		return diag_set(d, SG_ECORRUPT, "'%s': part '%s' is not XML (a zip inside the package)",
				name, part);
	if (has_doctype(xml, len))
		return doctype_fail(d, name);
	r = xml_open(xml, len, &x);
	if (!r)
		return xml_fail(d, name, part, &x);
	memset(&w, 0, sizeof(w));
	w.doc = doc;
	w.rels = rels;
	w.in_header = in_header;
	buf_init(&w.text);
	para_push(&w); /* implicit root for text outside any paragraph */
	walker_flags(&w);

	ret = xmlTextReaderRead(r);
	while (ret == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			const char *ln = (const char *)xmlTextReaderConstLocalName(r);
			int empty = xmlTextReaderIsEmptyElement(r);
			if ((unsigned)xmlTextReaderDepth(r) >= lim->xml_max_depth) {
				ret = depth_fail(d, name, lim->xml_max_depth);
				goto done;
			}
			if (ln && on_start(&w, r, ln, empty)) {
				ret = xmlTextReaderNext(r);
				continue;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			const char *ln = (const char *)xmlTextReaderConstLocalName(r);
			if (ln)
				on_end(&w, ln);
		} else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
			   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			   type == XML_READER_TYPE_WHITESPACE) {
			if (w.in_t > 0) {
				const char *v = (const char *)xmlTextReaderConstValue(r);
				if (v)
					buf_puts(&w.text, v);
			}
		} else if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			ret = doctype_fail(d, name);
			goto done;
		}
		ret = xmlTextReaderRead(r);
	}
	if (ret < 0) {
		ret = xml_fail(d, name, part, &x);
		goto done;
	}
	while (w.nparas > 1)
		para_pop(&w);
	if (w.text.len > 0)
		emit_para(&w, w.text.ptr, w.text.len, STYLE_NONE, 0);
	ret = 0;
done:
	document_set_flags(doc, 0);
	if (w.mailto && mailto && !*mailto) {
		*mailto = w.mailto;
		w.mailto = NULL;
	}
	free(w.mailto);
	free(w.paras);
	buf_release(&w.text);
	xmlFreeTextReader(r);
	return ret;
}

/* ---- package assembly ------------------------------------------------ */

/* Drop the lines added since `from_line` if they repeat an earlier header
 * (first-page, even and default headers often say the same). */
static void drop_repeated_header(struct document *doc, size_t from_line, size_t from_off,
				 struct buf *texts)
{
	const char *now = doc->text.ptr + from_off;
	size_t n = doc->text.len - from_off, i = 0;
	while (i < texts->len) {
		size_t l = strlen(texts->ptr + i);
		if (l == n && memcmp(texts->ptr + i, now, n) == 0) {
			doc->nlines = from_line;
			buf_truncate(&doc->text, from_off);
			return;
		}
		i += l + 1;
	}
	buf_put(texts, now, n);
	buf_putc(texts, '\0');
}

static void finish_mailto(struct document *doc, char *mailto)
{
	if (mailto && !doc->contact.email) {
		char *q = strchr(mailto, '?');
		if (q)
			*q = '\0';
		if (strchr(mailto, '@'))
			document_set_contact(doc, NULL, mailto, NULL);
	}
}

static int no_text(struct document *doc, const char *name, struct diag *d)
{
	document_free(doc);
	return diag_set(d, SG_ENOTEXT, "'%s' contains no text (image-only or scanned document?)", name);
}

/* Read an OPC package: rels -> main part -> its rels -> headers/footers, body. */
static int read_package(struct document **out, struct pkg *p, struct diag *d)
{
	struct rels root = { 0 }, mrels = { 0 };
	struct buf data = BUF_INIT, main = BUF_INIT, path = BUF_INIT, dir = BUF_INIT;
	struct buf htexts = BUF_INIT;
	struct document *doc = NULL;
	const struct rel *rl;
	const char *slash;
	char *mailto = NULL;
	size_t i;
	int ret, pass;

	*out = NULL;
	ret = pkg_read(p, "_rels/.rels", &data, d);
	if (ret < 0)
		goto done;
	if (ret == 1 && (ret = rels_parse(&root, data.ptr, data.len, p->name, "_rels/.rels",
					  p->lim, d)) < 0)
		goto done;
	rl = rels_find_type(&root, "/officeDocument");
	if (rl)
		part_resolve(&main, "", rl->target);
	else
		buf_puts(&main, "word/document.xml");
	ret = pkg_read(p, main.ptr, &data, d);
	if (ret < 0)
		goto done;
	if (ret == 0) {
		ret = diag_set(d, SG_ECORRUPT, "'%s': not a Word document (no main document part)",
			       p->name);
		goto done;
	}
	/* the main part's own rels: word/_rels/document.xml.rels */
	slash = strrchr(main.ptr, '/');
	buf_put(&dir, main.ptr, slash ? (size_t)(slash - main.ptr + 1) : 0);
	buf_printf(&path, "%s_rels/%s.rels", dir.ptr, slash ? slash + 1 : main.ptr);
	{
		struct buf rdata = BUF_INIT;
		ret = pkg_read(p, path.ptr, &rdata, d);
		if (ret == 1)
			ret = rels_parse(&mrels, rdata.ptr, rdata.len, p->name, path.ptr, p->lim, d);
		buf_release(&rdata);
		if (ret < 0)
			goto done;
	}

	doc = document_new(DOC_DOCX);
	/* headers, then footers, first: that is where contact details often are */
	for (pass = 0; pass < 2; pass++) {
		struct buf hdata = BUF_INIT;
		for (i = 0; i < mrels.n; i++) {
			size_t nl = doc->nlines, off = doc->text.len;
			if (!ends_with(mrels.v[i].type, pass ? "/footer" : "/header") || mrels.v[i].external)
				continue;
			part_resolve(&path, dir.ptr, mrels.v[i].target);
			ret = pkg_read(p, path.ptr, &hdata, d);
			if (ret == 0)
				continue;
			if (ret == 1)
				ret = walk_part(doc, hdata.ptr, hdata.len, p->name, path.ptr, p->lim,
						&mrels, 1, &mailto, d);
			if (ret < 0) {
				buf_release(&hdata);
				goto done;
			}
			drop_repeated_header(doc, nl, off, &htexts);
		}
		buf_release(&hdata);
	}
	document_set_section(doc, SEC_NONE);
	ret = walk_part(doc, data.ptr, data.len, p->name, main.ptr, p->lim, &mrels, 0, &mailto, d);
	if (ret < 0)
		goto done;
	document_finish(doc);
	finish_mailto(doc, mailto);
	if (!document_has_text(doc)) {
		ret = no_text(doc, p->name, d);
		doc = NULL;
		goto done;
	}
	*out = doc;
	doc = NULL;
	ret = 0;
done:
	document_free(doc);
	free(mailto);
	rels_release(&root);
	rels_release(&mrels);
	buf_release(&data);
	buf_release(&main);
	buf_release(&path);
	buf_release(&dir);
	buf_release(&htexts);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Archive-level checks before any part is read: the entry count, and
 * duplicate names. Duplicates are refused rather than resolved (first or
 * last wins differs between zip readers, which is how content gets
 * smuggled past one of them); names are compared case-insensitively as
 * OPC part names are.
 */
static int zip_check(zip_t *za, const char *name, const struct read_limits *lim, struct diag *d)
{
	zip_int64_t n = zip_get_num_entries(za, 0), i;
	char **names = NULL;
	int ret = 0;

	if (n < 0)
		return diag_set(d, SG_ECORRUPT, "'%s': corrupt archive", name);
	if ((zip_uint64_t)n > lim->zip_max_entries)
		return diag_set(d, SG_ELIMIT, "'%s': archive has %lld entries, more than %zu (see --zip-max-entries)",
				name, (long long)n, lim->zip_max_entries);
	names = xcalloc((size_t)n + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		const char *nm = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
		char *c;
		if (!nm) {
			ret = diag_set(d, SG_ECORRUPT, "'%s': corrupt archive (unreadable entry name)", name);
			goto done;
		}
		names[i] = c = xstrdup(nm);
		for (; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	}
	qsort(names, (size_t)n, sizeof(char *), cmp_str);
	for (i = 1; i < n; i++) {
		if (strcmp(names[i - 1], names[i]) == 0) {
			ret = diag_set(d, SG_ECORRUPT, "'%s': corrupt archive (duplicate entry '%s')", name,
				       names[i]);
			goto done;
		}
	}
done:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

int read_docx(struct document **out, const char *bytes, size_t len,
	      const char *name, const struct read_limits *lim, struct diag *d)
{
	struct pkg p;
	zip_source_t *src;
	zip_error_t ze;
	int ret;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.name = name;
	p.lim = lim;
	zip_error_init(&ze);
	src = zip_source_buffer_create(bytes, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return diag_set(d, SG_ECORRUPT, "'%s': cannot open archive", name);
	}
	/*
	 * ZIP_CHECKCONS: local headers must agree with the central directory,
	 * so junk after the archive (and anything smuggled between the two
	 * views) is refused as corrupt rather than guessed around.
	 */
	p.za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!p.za) {
		int code = zip_error_code_zip(&ze);
		zip_source_free(src);
		/* libzip refuses duplicate names itself (ZIP_ER_EXISTS); we keep it so */
		if (code == ZIP_ER_EXISTS)
			ret = diag_set(d, SG_ECORRUPT, "'%s': corrupt archive (duplicate entry names)", name);
		else if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_SEEK ||
		    code == ZIP_ER_READ || code == ZIP_ER_EOF)
			ret = diag_set(d, SG_ECORRUPT, "'%s': not a valid .docx (corrupt or truncated zip archive)",
				       name);
		else
			ret = diag_set(d, SG_ECORRUPT, "'%s': cannot open archive: %s", name,
				       zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return ret;
	}
	zip_error_fini(&ze);
	ret = zip_check(p.za, name, lim, d);
	if (ret == 0)
		ret = read_package(out, &p, d);
	pkg_release(&p);
	return ret;
}

/* ---- WordprocessingML: bare document.xml or Flat OPC ------------------ */

/* Collect the pkg:part/pkg:xmlData parts of a Flat OPC package. */
static int flat_collect(struct pkg *p, const char *xml, size_t len, struct diag *d)
{
	struct xml_err x = { 0, 0, { 0 } };
	xmlTextReaderPtr r = xml_open(xml, len, &x);
	char *part = NULL;
	int ret;

	if (!r)
		return xml_fail(d, p->name, "package", &x);
	ret = xmlTextReaderRead(r);
	while (ret == 1) {
		int type = xmlTextReaderNodeType(r);
		const char *ln;
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			ret = doctype_fail(d, p->name);
			goto done;
		}
		if (type != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(r);
			continue;
		}
		if ((unsigned)xmlTextReaderDepth(r) >= p->lim->xml_max_depth) {
			ret = depth_fail(d, p->name, p->lim->xml_max_depth);
			goto done;
		}
		ln = (const char *)xmlTextReaderConstLocalName(r);
		if (ln && strcmp(ln, "part") == 0) {
			xmlChar *nm = attr_local(r, "name");
			free(part);
			part = xstrdup(nm ? (const char *)nm + (nm[0] == '/') : "");
			xmlFree(nm);
		} else if (ln && strcmp(ln, "xmlData") == 0 && part) {
			xmlChar *inner = xmlTextReaderReadInnerXml(r);
			size_t n = inner ? strlen((const char *)inner) : 0;
			if (p->nparts >= p->lim->zip_max_entries) {
				xmlFree(inner);
				ret = diag_set(d, SG_ELIMIT, "'%s': package has more than %zu parts (see --zip-max-entries)",
					       p->name, p->lim->zip_max_entries);
				goto done;
			}
			p->total += n;
			if (n > p->lim->zip_max_entry || p->total > p->lim->zip_max_total) {
				xmlFree(inner);
				ret = diag_set(d, SG_ELIMIT, "'%s': package part '%s' is too large (see --zip-max-entry-size)",
					       p->name, part);
				goto done;
			}
			if (inner) {
				p->parts = xgrow(p->parts, &p->aparts, p->nparts + 1, sizeof(*p->parts));
				p->parts[p->nparts].name = part;
				p->parts[p->nparts].xml = inner;
				p->nparts++;
				part = NULL;
			}
			ret = xmlTextReaderNext(r);
			continue;
		} else if (ln && strcmp(ln, "binaryData") == 0) {
			ret = xmlTextReaderNext(r);
			continue;
		}
		ret = xmlTextReaderRead(r);
	}
	if (ret < 0)
		ret = xml_fail(d, p->name, "package", &x);
done:
	free(part);
	xmlFreeTextReader(r);
	return ret < 0 ? ret : 0;
}

/* Local name of the root element; "" if none before an error. */
static int root_name(const char *xml, size_t len, char *out, size_t cap)
{
	struct xml_err x = { 0, 0, { 0 } };
	xmlTextReaderPtr r = xml_open(xml, len, &x);
	int ret;
	out[0] = '\0';
	if (!r)
		return -1;
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE)
			break;
		if (type == XML_READER_TYPE_ELEMENT) {
			const char *ln = (const char *)xmlTextReaderConstLocalName(r);
			snprintf(out, cap, "%s", ln ? ln : "");
			break;
		}
	}
	xmlFreeTextReader(r);
	return ret;
}

int read_wordml(struct document **out, const char *bytes, size_t len,
		const char *name, const struct read_limits *lim, struct diag *d)
{
	struct document *doc = NULL;
	char root[64];
	char *mailto = NULL;
	int ret;

	*out = NULL;
	if (has_doctype(bytes, len))
		return doctype_fail(d, name);
	ret = root_name(bytes, len, root, sizeof(root));
	if (strcmp(root, "package") == 0) {
		struct pkg p;
		memset(&p, 0, sizeof(p));
		p.name = name;
		p.lim = lim;
		ret = flat_collect(&p, bytes, len, d);
		if (ret == 0)
			ret = read_package(out, &p, d);
		pkg_release(&p);
		return ret;
	}
	if (root[0] == '\0') {
		/* not even a root element: let the walker produce the parse error */
		doc = document_new(DOC_DOCX);
		ret = walk_part(doc, bytes, len, name, "document", lim, NULL, 0, NULL, d);
		document_free(doc);
		return ret < 0 ? ret : diag_set(d, SG_ECORRUPT, "'%s': not a Word document", name);
	}
	if (strcmp(root, "document") != 0 && strcmp(root, "wordDocument") != 0)
		return diag_set(d, SG_ECORRUPT, "'%s': XML but not a Word document (root element '%s')",
				name, root);
	doc = document_new(DOC_DOCX);
	ret = walk_part(doc, bytes, len, name, "document", lim, NULL, 0, &mailto, d);
	if (ret < 0) {
		document_free(doc);
		free(mailto);
		return ret;
	}
	document_finish(doc);
	finish_mailto(doc, mailto);
	free(mailto);
	if (!document_has_text(doc))
		return no_text(doc, name, d);
	*out = doc;
	return 0;
}
