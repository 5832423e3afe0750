/*
 * utf8.h - UTF-8/UTF-16 helpers shared by the readers and renderers.
 */
#ifndef SKILLGAP_UTF8_H
#define SKILLGAP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decode one code point at s[*i] (n bytes total) and advance *i. Invalid
 * or truncated sequences, overlongs and surrogates decode as U+FFFD and
 * consume exactly one byte.
 */
uint32_t utf8_decode(const char *s, size_t n, size_t *i);
/* Append the UTF-8 encoding of `cp` (U+FFFD when out of range). */
void utf8_encode(struct buf *out, uint32_t cp);
/*
 * The length of the leading run of printable ASCII (0x20-0x7E) in
 * s[0..n); unless dbl is NULL, *dbl is set when two spaces in a row stand
 * in it. Sixteen bytes at a time where SSE2 is there, else eight.
 */
size_t utf8_printable_run(const char *s, size_t n, int *dbl);
/* The length of the leading run of s[0..n) without bytes below 0x20 other than '\n' or above 0x7F. */
size_t utf8_text_run(const char *s, size_t n);
/*
 * Is s[0..n) valid UTF-8 (as utf8_decode() decodes it) without NUL or
 * control characters other than '\t', '\n', '\v', '\f' and '\r'? 0x7F
 * counts as text. Sixteen bytes at a time over ASCII where SSE2 is there.
 */
int utf8_is_text(const char *s, size_t n);
/*
 * The length of the line at s[0..n): up to the first '\n' or '\r', or
 * n. *plain is set when it is printable ASCII with no two spaces in a
 * row and none at its ends. One pass, sixteen bytes at a time where
 * SSE2 is there.
 */
size_t utf8_line_len(const char *s, size_t n, int *plain);
/* Append s[0..n) to out with invalid sequences replaced by U+FFFD. */
void utf8_append_valid(struct buf *out, const char *s, size_t n);
/* Append UTF-16 (little- or big-endian) text, without BOM, as UTF-8. */
void utf16_append(struct buf *out, const unsigned char *s, size_t n, int big_endian);
/* Number of code points (display columns, roughly) in a UTF-8 string. */
size_t utf8_width(const char *s, size_t n);
/* Byte length of the longest prefix of s holding at most `cols` code points. */
size_t utf8_prefix(const char *s, size_t n, size_t cols);

#endif
