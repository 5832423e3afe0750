/*
 * fuzz_text.c - libFuzzer target: bytes -> read_document (sniffing, then any reader) -> document_free. Also
 * built with driver.c so its corpus (tests/fuzz/corpus/text/) replays
 * under plain ctest.
 */
#include <stddef.h>
#include <stdint.h>

#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct read_limits lim;
	struct document *doc = NULL;
	struct diag d = DIAG_INIT;

	read_limits_default(&lim);
	/* smaller caps than the defaults keep each run fast; the logic is the same */
	lim.zip_max_entry = (size_t)4 << 20;
	lim.zip_max_total = (size_t)16 << 20;
	read_document(&doc, (const char *)data, size, "fuzz.txt", &lim, &d);
	document_free(doc);
	return 0;
}
