/*
 * diag.h - error codes and the caller-owned diagnostic.
 *
 * Functions that can fail return 0 or a negative `enum sg_error` and, on
 * failure, fill a caller-owned `struct diag` with one lower-case line
 * without a trailing full stop ("cannot open 'x.txt': No such file or
 * directory"). The CLI prefixes "skillgap: " and prints it.
 */
#ifndef SKILLGAP_DIAG_H
#define SKILLGAP_DIAG_H

enum sg_error {
	SG_OK = 0,
	SG_EIO = -1,       /* cannot open/read/write */
	SG_ETOOBIG = -2,   /* input over a size cap */
	SG_EEMPTY = -3,    /* empty input */
	SG_EBINARY = -4,   /* not text and not a known format */
	SG_ECORRUPT = -5,  /* malformed docx/zip/xml/json */
	SG_ENOTEXT = -6,   /* parsed, but holds no text (image-only) */
	SG_ELIMIT = -7,    /* a safety limit was hit (zip bomb, depth) */
	SG_ERULES = -8,    /* rule set invalid */
	SG_EUSAGE = -9,    /* bad argument */
	SG_EUNSUPPORTED = -10 /* e.g. encrypted entry */
};

struct diag {
	int code;
	char msg[1024];
};

#define DIAG_INIT { 0, { 0 } }

/* Set the message (printf-style) and return `code`. */
int diag_set(struct diag *d, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Short reason for an error code ("file is empty"). */
const char *sg_strerror(int code);

#endif
