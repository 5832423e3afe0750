/*
 * driver.c - standalone main for the fuzz targets: runs every file of
 * the given directories (or the files given) once through
 * LLVMFuzzerTestOneInput, so each corpus replays under plain ctest
 * without libFuzzer. Exits 1 if a path cannot be read.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t n = 0, cap = 0;
	if (!f) {
		fprintf(stderr, "driver: cannot open '%s'\n", path);
		return 1;
	}
	for (;;) {
		size_t got;
		if (n == cap) {
			unsigned char *p;
			cap = cap ? cap * 2 : 65536;
			p = realloc(data, cap);
			if (!p) {
				free(data);
				fclose(f);
				return 1;
			}
			data = p;
		}
		got = fread(data + n, 1, cap - n, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, n);
	free(data);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int i, bad = 0, ran = 0;
	for (i = 1; i < argc; i++) {
		struct stat st;
		DIR *dir;
		struct dirent *e;
		char **names = NULL;
		size_t nn = 0, k;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "driver: cannot stat '%s'\n", argv[i]);
			bad = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad |= run_file(argv[i]);
			ran++;
			continue;
		}
		dir = opendir(argv[i]);
		if (!dir) {
			bad = 1;
			continue;
		}
		while ((e = readdir(dir)) != NULL) {
			char *p;
			if (e->d_name[0] == '.')
				continue;
			p = malloc(strlen(argv[i]) + strlen(e->d_name) + 2);
			if (!p)
				break;
			snprintf(p, strlen(argv[i]) + strlen(e->d_name) + 2, "%s/%s", argv[i], e->d_name);
			names = realloc(names, (nn + 1) * sizeof(*names));
			names[nn++] = p;
		}
		closedir(dir);
		qsort(names, nn, sizeof(*names), cmp);
		for (k = 0; k < nn; k++) {
			bad |= run_file(names[k]);
			ran++;
			free(names[k]);
		}
		free(names);
	}
	printf("driver: %d input(s) replayed\n", ran);
	return bad;
}
