/*
 * document.h - the normalized document every reader produces and the
 * matcher, scorer and `extract` consume.
 *
 * A document is UTF-8 text split into lines. Each line knows the resume
 * section it belongs to. Contact details and experience date ranges are
 * facts taken from the text (or from structured input such as JSON
 * Resume). The document owns all of its memory: document_free() releases
 * everything. Lines and evidence refer to the text by offset.
 *
 * Building: a reader calls document_new(), then document_add_line() /
 * document_set_section() in reading order, then document_finish(), which
 * extracts contact details and date ranges from lines that carry them.
 */
#ifndef SKILLGAP_DOCUMENT_H
#define SKILLGAP_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum doc_format { DOC_TEXT, DOC_DOCX, DOC_JSON };

enum section_kind {
	SEC_NONE = 0,  /* before the first heading: usually name + contact */
	SEC_SUMMARY,
	SEC_EXPERIENCE,
	SEC_EDUCATION,
	SEC_SKILLS,
	SEC_PUBLICATIONS,
	SEC_CERTIFICATIONS,
	SEC_PROJECTS,
	SEC_AWARDS,
	SEC_VOLUNTEER,
	SEC_LANGUAGES,
	SEC_INTERESTS,
	SEC_REFERENCES,
	SEC_CONTACT,
	SEC_OTHER,
	SEC__COUNT
};

/* "skills", "experience", ...; SEC_NONE is "header". */
const char *section_name(enum section_kind k);
/* Parse a section name as printed by section_name(); -1 if unknown. */
int section_from_name(const char *name);
/*
 * Classify heading text ("Work Experience", "S K I L L S", "Education:")
 * as a section; SEC_NONE if the words are not a known heading.
 */
enum section_kind section_classify(const char *s, size_t n);
/*
 * A quick test on the first word alone, for readers: 0 means that
 * section_classify() gives SEC_NONE for s[0..n) and for every prefix of
 * it that holds that word, and that it is no letter-spaced heading
 * either (its first word is not a single letter). Most lines end here.
 */
int section_may_start(const char *s, size_t n);

#define LINE_HEADING 0x1u  /* the line is a section heading */
#define LINE_TABLE   0x2u  /* from a table cell */
#define LINE_HEADER  0x4u  /* from a page header/footer */
#define LINE_LIST    0x8u  /* a list item */

struct doc_line {
	uint32_t off;     /* into document.text */
	uint32_t len;     /* without the '\n' */
	uint8_t section;  /* enum section_kind */
	uint8_t flags;    /* LINE_* */
};

/* Months are counted as year * 12 + (month - 1). */
struct doc_date_range {
	int start;        /* month index */
	int end;          /* month index; ignored when `open` */
	uint32_t line;    /* line index the range was found on */
	uint8_t open;     /* "Present"/"current": ends at the as-of date */
};

struct doc_contact {
	char *name;       /* NULL when not found */
	char *email;
	char *phone;
	char **links;
	size_t nlinks;
	char **handles;   /* profile user names (JSON Resume basics.profiles[].username) */
	size_t nhandles;
};

struct document {
	enum doc_format format;
	int layout_recognized;   /* JSON: 1 for JSON Resume, 0 for other JSON */
	struct buf text;         /* every line followed by '\n' */
	struct doc_line *lines;
	size_t nlines, alines;
	struct doc_contact contact;
	struct doc_date_range *dates;
	size_t ndates, adates;
	int dates_structured;    /* dates came from structured input */
	enum section_kind cur_section;
	unsigned cur_flags;
};

/* A new empty document; never NULL. Free with document_free(). */
struct document *document_new(enum doc_format format);
void document_free(struct document *doc);
/* A hint: room for about `bytes` of text in `lines` lines (readers know roughly). */
void document_reserve(struct document *doc, size_t bytes, size_t lines);

/* Lines added after this belong to section `k` (and carry `flags`). */
void document_set_section(struct document *doc, enum section_kind k);
void document_set_flags(struct document *doc, unsigned flags);
/*
 * Append one line (no newline inside; embedded '\n' split it). The text
 * is normalized: invalid UTF-8 becomes U+FFFD, Unicode dashes become
 * '-', tabs and odd spaces become ' ', (R) and (TM) signs are dropped,
 * control characters are removed and runs of spaces trimmed at the ends.
 */
void document_add_line(struct document *doc, const char *s, size_t n, unsigned flags);
/*
 * document_add_line() for a line without '\n' or '\r'. `plain` tells
 * that it is printable ASCII with single spaces inside and none at the
 * ends (utf8_line_len() finds that): then it is copied as it is, else
 * it is normalized without a second look for that.
 */
void document_add_text_line(struct document *doc, const char *s, size_t n, int plain);
/* Add a heading line and switch to its section. */
void document_add_heading(struct document *doc, const char *s, size_t n, enum section_kind k);
/* Record a date range (structured readers). */
void document_add_dates(struct document *doc, int start, int end, int open, uint32_t line);
/* Set contact fields directly (structured readers); NULL leaves as is. */
void document_set_contact(struct document *doc, const char *name, const char *email,
			  const char *phone);
void document_add_link(struct document *doc, const char *url);
/* Record a profile user name ("jane-doe-md"), which --redact masks wherever it stands. */
void document_add_handle(struct document *doc, const char *handle);

/*
 * Finish building: find contact details the reader did not set (email,
 * phone, links anywhere; name from the first lines), and date ranges in
 * experience lines unless the reader gave structured dates.
 */
void document_finish(struct document *doc);

/* Does the document hold any non-blank character? */
int document_has_text(const struct document *doc);
/* Line index holding byte offset `off` of the text. */
size_t document_line_at(const struct document *doc, size_t off);

/*
 * The phone number at s[i] of s[0..n): a run of digits and + - ( ) .
 * and spaces that holds 10 to 13 digits, or 7 to 13 after a label such
 * as "Phone:", "Tel.", "Mobile", "Cell:", "Fax:" or "M:" (see
 * phone_label_before()), ends in a digit that no letter or digit
 * follows, and is not a run of dates ("2020-03 - 2021-06", "2019 2021").
 * Returns its length (up to its last digit), or 0. The caller checks what
 * stands before s[i].
 */
size_t document_phone_at(const char *s, size_t n, size_t i);

/* May c stand in the local part of an email (before its '@')? */
int document_email_char(unsigned char c);
/*
 * Where the email whose '@' stands at s[at] ends: past a domain of
 * letters, digits, '.' and '-' that holds a dot and has 3 bytes or
 * more (a full stop after it is no part of it); 0 when there is none.
 */
size_t document_email_end(const char *s, size_t n, size_t at);

/*
 * Parse one date token ("Jan 2019", "03/2020", "2016", "2019-01",
 * "2020-03-15", "Sept. 2014") at s[0..n). Returns the month index, or -1.
 * `*is_year_only` is set when only a year was given.
 */
int date_parse(const char *s, size_t n, int *is_year_only);
/* Parse "YYYY-MM-DD" as a month index (the CLI's --as-of), -1 if bad. */
int date_parse_iso(const char *s, int *day_out);
/*
 * Years of experience as of month `as_of`: the union of all ranges, so
 * overlapping jobs are not counted twice. Ranges ending after `as_of` are
 * cut there. Returns months.
 */
int document_experience_months(const struct document *doc, int as_of);

#endif
