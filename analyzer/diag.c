/* diag.c - diagnostics; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

int diag_set(struct diag *d, int code, const char *fmt, ...)
{
	va_list ap;
	if (!d)
		return code;
	d->code = code;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	return code;
}

const char *sg_strerror(int code)
{
	switch (code) {
	case SG_OK: return "ok";
	case SG_EIO: return "unreadable";
	case SG_ETOOBIG: return "too big";
	case SG_EEMPTY: return "empty";
	case SG_EBINARY: return "binary";
	case SG_ECORRUPT: return "corrupt";
	case SG_ENOTEXT: return "no text";
	case SG_ELIMIT: return "limit exceeded";
	case SG_ERULES: return "rules error";
	case SG_EUSAGE: return "usage";
	case SG_EUNSUPPORTED: return "unsupported";
	}
	return "error";
}
