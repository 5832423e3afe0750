/* utf8.c - UTF-8/UTF-16 decoding and encoding; see utf8.h. */
#include "utf8.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

uint32_t utf8_decode(const char *str, size_t n, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *i;
	unsigned char c = s[p];
	uint32_t cp, min;
	int len, k;

	if (c < 0x80) {
		*i = p + 1;
		return c;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; cp = c & 0x07; min = 0x10000;
	} else {
		*i = p + 1;
		return UTF8_REPLACEMENT;
	}
	if (p + (size_t)len > n) {
		*i = p + 1;
		return UTF8_REPLACEMENT;
	}
	for (k = 1; k < len; k++) {
		unsigned char cc = s[p + (size_t)k];
		if ((cc & 0xC0) != 0x80) {
			*i = p + 1;
			return UTF8_REPLACEMENT;
		}
		cp = (cp << 6) | (cc & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i = p + 1;
		return UTF8_REPLACEMENT;
	}
	*i = p + (size_t)len;
	return cp;
}

void utf8_encode(struct buf *out, uint32_t cp)
{
	char t[4];
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		buf_putc(out, (int)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		buf_put(out, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		buf_put(out, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		buf_put(out, t, 4);
	}
}

/* Are all 8 bytes of v (loaded from memory) printable ASCII? No byte >= 0x80, < 0x20 or 0x7F. */
static inline int printable8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t x = v ^ (0x7F * ones);
	return ((v | ((v - 0x20 * ones) & ~v) | ((x - ones) & ~x)) & highs) == 0;
}

/* utf8_printable_run(), inlined into utf8_line_len(), which runs for every line */
static inline size_t printable_run(const char *s, size_t n, int *dbl)
{
	uint64_t pairs = 0;
	size_t i = 0;
#if defined(__SSE2__)
	unsigned prev = 0; /* 1: the byte before this block is a space */
	for (; i + 16 <= n; i += 16) {
		/* signed compares: bytes 0x80 and up are below 0x20 too */
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
		unsigned odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))));
		unsigned two = sp & (sp << 1 | prev); /* a space after a space */
		if (odd) {
			unsigned at = (unsigned)__builtin_ctz(odd);
			if (dbl)
				*dbl = pairs != 0 || (two & ((1u << at) - 1)) != 0;
			return i + at;
		}
		pairs |= two;
		prev = sp >> 15;
	}
#else
	const uint64_t ones = 0x0101010101010101u, lows = 0x7F7F7F7F7F7F7F7Fu;
	for (; i + 8 <= n; i += 8) {
		uint64_t v, x, sp;
		memcpy(&v, s + i, 8);
		if (!printable8(v))
			break;
		x = v ^ (0x20 * ones);
		sp = ~(((x & lows) + lows) | x | lows); /* the high bit of each space byte, exactly */
		pairs |= (sp & (sp >> 8)) | (uint64_t)(i && s[i - 1] == ' ' && s[i] == ' ');
	}
#endif
	for (; i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F; i++)
		pairs |= (uint64_t)(s[i] == ' ' && i && s[i - 1] == ' ');
	if (dbl)
		*dbl = pairs != 0;
	return i;
}

size_t utf8_printable_run(const char *s, size_t n, int *dbl)
{
	return printable_run(s, n, dbl);
}

size_t utf8_text_run(const char *s, size_t n)
{
	size_t i = 0;
#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {
		/* signed compares: bytes 0x80 and up are below 0x20 too */
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned odd = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
			_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), _mm_cmplt_epi8(x, _mm_set1_epi8(0x20))));
		if (odd)
			return i + (size_t)__builtin_ctz(odd);
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n') || c >= 0x80)
			break;
	}
	return i;
}

int utf8_is_text(const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		unsigned char c;
		i += utf8_text_run(s + i, n - i);
		if (i >= n)
			return 1;
		c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c != '\t' && c != '\v' && c != '\f' && c != '\r')
				return 0;
			i++;
		} else {
			size_t at = i;
			if (utf8_decode(s, n, &i) == UTF8_REPLACEMENT && i == at + 1)
				return 0;
		}
	}
}

size_t utf8_line_len(const char *s, size_t n, int *plain)
{
	int dbl;
	size_t i = printable_run(s, n, &dbl);

	if (i == n || s[i] == '\n' || s[i] == '\r') {
		*plain = !dbl && (!i || (s[0] != ' ' && s[i - 1] != ' '));
		return i;
	}
	/* not plain: only the line break is wanted now */
	*plain = 0;
#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned brk = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))));
		if (brk)
			return i + (size_t)__builtin_ctz(brk);
	}
#endif
	while (i < n && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

void utf8_append_valid(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	while (i < n) {
		size_t start;
		unsigned char c;
		i += utf8_printable_run(s + i, n - i, NULL);
		if (i >= n)
			break;
		start = i;
		c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		{
			uint32_t cp = utf8_decode(s, n, &i);
			if (cp == UTF8_REPLACEMENT && i == start + 1) {
				buf_put(out, s + run, start - run);
				utf8_encode(out, UTF8_REPLACEMENT);
				run = i;
			}
		}
	}
	buf_put(out, s + run, n - run);
}

void utf16_append(struct buf *out, const unsigned char *s, size_t n, int be)
{
	size_t i = 0;
	while (i + 1 < n) {
		uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1])
				: (uint32_t)(s[i + 1] << 8 | s[i]);
		i += 2;
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (i + 1 < n) {
				uint32_t l = be ? (uint32_t)(s[i] << 8 | s[i + 1])
						: (uint32_t)(s[i + 1] << 8 | s[i]);
				if (l >= 0xDC00 && l <= 0xDFFF) {
					i += 2;
					utf8_encode(out, 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00));
					continue;
				}
			}
			utf8_encode(out, UTF8_REPLACEMENT);
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			utf8_encode(out, UTF8_REPLACEMENT);
		} else {
			utf8_encode(out, u);
		}
	}
	if (i < n) /* odd trailing byte */
		utf8_encode(out, UTF8_REPLACEMENT);
}

size_t utf8_width(const char *s, size_t n)
{
	size_t i, w = 0;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

size_t utf8_prefix(const char *s, size_t n, size_t cols)
{
	size_t i, w = 0;
	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (w == cols)
				return i;
			w++;
		}
	}
	return n;
}
