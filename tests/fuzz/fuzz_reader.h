/*
 * fuzz_reader.h - the body shared by the reader fuzz targets: bytes ->
 * one reader -> document_free, with smaller zip caps than the defaults
 * (each run stays fast; the logic is the same).
 */
#ifndef SKILLGAP_FUZZ_READER_H
#define SKILLGAP_FUZZ_READER_H

#include <stddef.h>
#include <stdint.h>

#include "read.h"

typedef int (*fuzz_read_fn)(struct document **out, const char *bytes, size_t len, const char *name,
			    const struct read_limits *lim, struct diag *d);

static int fuzz_reader(const uint8_t *data, size_t size, fuzz_read_fn read, const char *name)
{
	struct read_limits lim;
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	read_limits_default(&lim);
	lim.zip_max_entry = (size_t)4 << 20;
	lim.zip_max_total = (size_t)16 << 20;
	read(&doc, (const char *)data, size, name, &lim, &d);
	document_free(doc);
	return 0;
}

#endif
