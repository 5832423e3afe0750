/*
 * fuzz_text.c - libFuzzer target: bytes -> read_document (sniffing, then any reader) -> document_free. Also
 * built with driver.c so its corpus (tests/fuzz/corpus/text/) replays
 * under plain ctest.
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_reader(data, size, read_document, "fuzz.txt");
}
