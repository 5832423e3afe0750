/*
 * io.h - bytes in and out: the only module that opens files.
 *
 * Input: a path or "-" (stdin) -> bytes in a struct buf, with a size cap.
 * Output: atomic file replacement (temp file in the same directory, then
 * rename), so a failed run never leaves a partial report behind.
 */
#ifndef SKILLGAP_IO_H
#define SKILLGAP_IO_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

#define IO_DEFAULT_MAX_INPUT ((size_t)16 * 1024 * 1024) /* 16 MiB */

/*
 * Read all of `path` ("-" = stdin) into `out` (appended). Fails with
 * SG_EIO (missing, unreadable, a directory), SG_ETOOBIG (over `cap`).
 */
int io_read_file(struct buf *out, const char *path, size_t cap, struct diag *d);
/* Write `len` bytes to `path` atomically ("-" = stdout). */
int io_write_atomic(const char *path, const char *data, size_t len, struct diag *d);
/* Is `path` a directory? (-1 on stat failure) */
int io_is_dir(const char *path);

#endif
