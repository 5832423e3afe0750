/*
 * read.c - format sniffing and reader dispatch. Input: bytes. Output: a
 * document from the matching reader; see read.h.
 */
#include "read.h"

#include <string.h>

void read_limits_default(struct read_limits *lim)
{
	lim->zip_max_entries = READ_DEFAULT_ZIP_MAX_ENTRIES;
	lim->zip_max_entry = READ_DEFAULT_ZIP_MAX_ENTRY;
	lim->zip_max_total = READ_DEFAULT_ZIP_MAX_TOTAL;
	lim->zip_max_ratio = READ_DEFAULT_ZIP_MAX_RATIO;
	lim->xml_max_depth = READ_DEFAULT_XML_MAX_DEPTH;
	lim->json_max_depth = READ_DEFAULT_JSON_MAX_DEPTH;
}

const char *read_kind_name(enum read_kind k)
{
	switch (k) {
	case READ_TEXT: return "text";
	case READ_DOCX: return "docx";
	case READ_WORDML: return "wordml";
	case READ_JSON: return "json";
	}
	return "text";
}

enum read_kind read_sniff(const char *bytes, size_t len)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t i = 0;

	/* "PK\3\4" local header, "PK\5\6" empty archive; junk may precede a zip */
	if (len >= 4 && s[0] == 'P' && s[1] == 'K' && (s[2] == 3 || s[2] == 5) &&
	    (s[3] == 4 || s[3] == 6))
		return READ_DOCX;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i < len && s[i] == '<' && len - i >= 5 &&
	    (memcmp(s + i, "<?xml", 5) == 0 || memcmp(s + i, "<w:", 3) == 0 ||
	     memcmp(s + i, "<pkg:", 5) == 0 || memcmp(s + i, "<!--", 4) == 0 ||
	     memcmp(s + i, "<!DOC", 5) == 0))
		return READ_WORDML;
	if (i < len && (s[i] == '{' || s[i] == '['))
		return READ_JSON;
	return READ_TEXT;
}

int read_document(struct document **out, const char *bytes, size_t len,
		  const char *name, const struct read_limits *lim, struct diag *d)
{
	struct read_limits def;
	size_t i;

	*out = NULL;
	if (!lim) {
		read_limits_default(&def);
		lim = &def;
	}
	for (i = 0; i < len; i++)
		if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\n')
			break;
	if (i == len)
		return diag_set(d, SG_EEMPTY, "'%s' is empty", name);
	switch (read_sniff(bytes, len)) {
	case READ_DOCX:
		return read_docx(out, bytes, len, name, lim, d);
	case READ_WORDML:
		return read_wordml(out, bytes, len, name, lim, d);
	case READ_JSON:
		return read_json(out, bytes, len, name, lim, d);
	case READ_TEXT:
		break;
	}
	return read_text(out, bytes, len, name, d);
}
