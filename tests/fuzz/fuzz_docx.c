/*
 * fuzz_docx.c - libFuzzer target: bytes -> read_docx -> document_free. Also
 * built with driver.c so its corpus (tests/fuzz/corpus/docx/) replays
 * under plain ctest.
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_reader(data, size, read_docx, "fuzz.docx");
}
