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
/*
 * The same for a batch input, which is always a name: "-" is the file
 * called "-", never stdin (so a --files-from line "-" names that file),
 * and a directory is no error: returns IO_DIR (nothing read, `d`
 * untouched). The open() and fstat() that read a file tell it, so a
 * caller that takes files or directories needs no stat() of its own;
 * only when open() fails is the path stat()ed, to tell a directory it
 * may not read (which the caller's opendir() then reports).
 */
#define IO_DIR 1
int io_read_input(struct buf *out, const char *path, size_t cap, struct diag *d);
/*
 * Output written in pieces to `path` ("-" or NULL = stdout). A regular
 * file (or a new one) is written to a temp file beside it and renamed
 * into place on close, so readers never see half of it and a failure
 * leaves the old file alone; anything else (/dev/null, a pipe, a
 * terminal) is written as it is, never replaced.
 */
struct io_sink {
	int fd;
	int atomic;          /* writing tmp, to rename over path */
	const char *path;
	struct buf tmp;      /* the temp file's name */
	int err;             /* errno of the first failure, 0 if none */
};

int io_sink_open(struct io_sink *s, const char *path, struct diag *d);
/* Append; a failure is kept for io_sink_close() to report. */
void io_sink_write(struct io_sink *s, const char *data, size_t len);
/* Finish (rename into place); 0, or SG_EIO with `d` set. */
int io_sink_close(struct io_sink *s, struct diag *d);
/* The whole output at once: open, write, close. */
int io_write_atomic(const char *path, const char *data, size_t len, struct diag *d);
/* Is `path` a directory? (-1 on stat failure) */
int io_is_dir(const char *path);

#endif
