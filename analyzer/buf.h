/*
 * buf.h - the one growable byte buffer.
 *
 * Invariants: `ptr` is never NULL and always NUL-terminated at `len`
 * (after buf_init or BUF_INIT), so buf.ptr can be used as a C string.
 * Allocation failure is fatal (the process prints a message and exits
 * with status 70), as in git's strbuf: callers never check for ENOMEM.
 * The buffer owns `ptr`; buf_release() frees it and re-initialises.
 */
#ifndef SKILLGAP_BUF_H
#define SKILLGAP_BUF_H

#include <stdarg.h>
#include <stddef.h>

extern char buf_empty[];

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
};

#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
/* Ensure room for `extra` more bytes plus the terminating NUL. */
void buf_grow(struct buf *b, size_t extra);
void buf_put(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Append `n` copies of the string `s`. */
void buf_repeat(struct buf *b, const char *s, size_t n);
void buf_truncate(struct buf *b, size_t len);
/* Hand the heap string to the caller (who frees it); b is re-initialised. */
char *buf_detach(struct buf *b, size_t *len_out);

/* Checked allocation helpers: never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow an array of `size`-byte elements so that it can hold `need`. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);

#endif
