/*
 * read.h - readers: bytes -> document.
 *
 * The format is sniffed from the bytes, never from a file name: a ZIP
 * signature is a .docx package, "<" (after a BOM/space) is
 * WordprocessingML (bare document.xml or Flat OPC), "{"/"[" is JSON,
 * everything else is text. Readers never see rules. Each reader fills a
 * new document (the caller frees it with document_free()) or returns a
 * negative sg_error with `d` set; `name` is only used in messages.
 */
#ifndef SKILLGAP_READ_H
#define SKILLGAP_READ_H

#include <stddef.h>

#include "diag.h"
#include "document.h"

/* Named defaults for every safety limit; each has a CLI flag. */
#define READ_DEFAULT_ZIP_MAX_ENTRIES 1000          /* --zip-max-entries */
#define READ_DEFAULT_ZIP_MAX_ENTRY ((size_t)64 << 20) /* --zip-max-entry-size */
#define READ_DEFAULT_ZIP_MAX_TOTAL ((size_t)256 << 20) /* --zip-max-total-size */
#define READ_DEFAULT_ZIP_MAX_RATIO 200             /* --zip-max-ratio */
#define READ_DEFAULT_XML_MAX_DEPTH 256             /* --xml-max-depth */
#define READ_DEFAULT_JSON_MAX_DEPTH 64             /* --json-max-depth */

struct read_limits {
	size_t zip_max_entries;
	size_t zip_max_entry;   /* uncompressed bytes of one entry */
	size_t zip_max_total;   /* uncompressed bytes of all entries read */
	unsigned zip_max_ratio; /* uncompressed / compressed of one entry */
	unsigned xml_max_depth;
	unsigned json_max_depth;
};

void read_limits_default(struct read_limits *lim);

enum read_kind { READ_TEXT, READ_DOCX, READ_WORDML, READ_JSON };

/* Which reader the bytes call for. */
enum read_kind read_sniff(const char *bytes, size_t len);
const char *read_kind_name(enum read_kind k);

/*
 * Sniff and read. Errors: SG_EEMPTY (0 bytes or only whitespace),
 * SG_EBINARY (not text nor a known format), SG_ECORRUPT, SG_ELIMIT,
 * SG_ENOTEXT (a valid document with no text, e.g. a scanned image).
 */
int read_document(struct document **out, const char *bytes, size_t len,
		  const char *name, const struct read_limits *lim, struct diag *d);

int read_text(struct document **out, const char *bytes, size_t len,
	      const char *name, struct diag *d);
/*
 * The text reader's heading-shape rules for one line (ALL CAPS known
 * heading word, "Title Case:", "S K I L L S"); SEC_NONE if not a heading.
 * `*inline_rest` is set for "Skills: Python, SQL" (heading + content).
 */
enum section_kind read_heading_kind(const char *s, size_t n, int underlined, int *inline_rest);
/* A .docx (ZIP/OPC) package. */
int read_docx(struct document **out, const char *bytes, size_t len,
	      const char *name, const struct read_limits *lim, struct diag *d);
/* WordprocessingML XML: a bare document.xml part or a Flat OPC package. */
int read_wordml(struct document **out, const char *bytes, size_t len,
		const char *name, const struct read_limits *lim, struct diag *d);
int read_json(struct document **out, const char *bytes, size_t len,
	      const char *name, const struct read_limits *lim, struct diag *d);
/*
 * Optional, once at start-up before any thread starts: let read_json()
 * parse into a per-thread arena dropped as a whole afterwards, instead
 * of one malloc() and free() per JSON value. It installs cJSON hooks
 * that are plain malloc() and free() outside read_json().
 */
void read_json_use_arena(void);

#endif
