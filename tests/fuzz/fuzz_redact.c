/*
 * fuzz_redact.c - libFuzzer target: bytes -> read_document() (which finds
 * the name, phone and profile user names --redact masks) ->
 * render_redacted() over the document's text, and over the raw bytes
 * with that document (ids and paths reach the redactor as any bytes,
 * not only valid UTF-8) -> document_free. Also built with driver.c so
 * its corpus (tests/fuzz/corpus/redact/) replays under plain ctest.
 * The seeds were written by hand for this target: names in Latin, Greek
 * and Cyrillic letters in other cases, a nickname, local phones, a
 * JSON Resume with a profile user name, and cut UTF-8 sequences.
 */
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "read.h"
#include "render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct read_limits lim;
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;

	if (size > 64 * 1024)
		return 0; /* the masks scan each byte for each name part: keep runs fast */
	read_limits_default(&lim);
	lim.zip_max_entry = (size_t)4 << 20;
	lim.zip_max_total = (size_t)16 << 20;
	if (read_document(&doc, (const char *)data, size, "fuzz.txt", &lim, &d) == 0) {
		render_redacted(&out, doc->text.ptr, doc->text.len, doc, 1);
		render_redacted(&out, (const char *)data, size, doc, 1);
	}
	render_redacted(&out, (const char *)data, size, NULL, 1);
	buf_release(&out);
	document_free(doc);
	return 0;
}
