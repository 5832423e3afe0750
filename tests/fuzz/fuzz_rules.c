/*
 * fuzz_rules.c - libFuzzer target for the rules loader: the input is
 * skills.json, loaded with the other embedded rule files (credentials,
 * paths, use cases, roles) by rules_load_files(), then rules_free().
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules_file *files;
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	size_t i, n = 0;
	char *copy;

	/* a NUL-terminated copy: loaders may rely on data[len] == 0 as embedded files do */
	copy = malloc(size + 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	files = calloc(rules_embedded_count + 1, sizeof(*files));
	if (!files) {
		free(copy);
		return 0;
	}
	files[n].path = "skills.json";
	files[n].data = copy;
	files[n].len = size;
	n++;
	for (i = 0; i < rules_embedded_count; i++) {
		if (strcmp(rules_embedded[i].path, "skills.json") == 0)
			continue;
		files[n++] = rules_embedded[i];
	}
	if (rules_load_files(&rs, files, n, "fuzz", &d) == 0)
		rules_free(rs);
	free(files);
	free(copy);
	return 0;
}
