/*
 * stages.c - where batch scoring spends its time, per stage (a benchmark,
 * not a test). Input: a file with one resume path per line (e.g. the
 * bench corpus list, /tmp/skillgap-bench/txt.list). Every file is read
 * into memory first, so no file I/O is timed. Then, RUNS times each:
 *   read   - read_document() on every file (reader + document stage)
 *   match  - matcher_run() narrowed as `score` narrows it (one role's and
 *            the paths' signals, first hit only), on every document
 *   full   - matcher_run() finding all evidence, as `analyze` does
 *   score  - score_role() + score_path() + experience, on every document
 * Prints the median microseconds per document of each stage.
 *
 * Usage: bench_stages LIST [ROLE] [RUNS]   (ROLE: healthcare-nlp-engineer)
 * Built with the project (`cmake --build build --target bench_stages`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "io.h"
#include "match.h"
#include "read.h"
#include "rules.h"
#include "score.h"

#define MAX_DOCS 100000
#define MAX_RUNS 15

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	const char *role_id = argc > 2 ? argv[2] : "healthcare-nlp-engineer";
	int runs = argc > 3 ? atoi(argv[3]) : 5, r;
	struct ruleset *rs;
	struct diag d = DIAG_INIT;
	struct read_limits lim;
	struct buf *files;
	char **names, line[4096];
	struct document **docs;
	struct matcher *narrow, *full;
	struct evidence_list ev;
	unsigned char *used;
	double t[4][MAX_RUNS];
	size_t n = 0, i, nev = 0;
	long role;
	FILE *f;

	if (argc < 2 || runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "usage: bench_stages LIST [ROLE] [RUNS 1..%d]\n", MAX_RUNS);
		return 2;
	}
	read_json_use_arena(); /* as the skillgap program does */
	if (rules_load_embedded(&rs, &d) < 0) {
		fprintf(stderr, "bench_stages: %s\n", d.msg);
		return 3;
	}
	rules_jit(rs);
	role = rules_find_role(rs, role_id);
	if (role < 0 || !(f = fopen(argv[1], "r"))) {
		fprintf(stderr, "bench_stages: no role '%s' or cannot open '%s'\n", role_id, argv[1]);
		return 2;
	}
	files = xcalloc(MAX_DOCS, sizeof(*files));
	names = xcalloc(MAX_DOCS, sizeof(*names));
	while (n < MAX_DOCS && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		buf_init(&files[n]);
		if (io_read_file(&files[n], line, (size_t)1 << 24, &d) == 0)
			names[n++] = xstrdup(line);
	}
	fclose(f);
	if (!n) {
		fprintf(stderr, "bench_stages: no readable file in '%s'\n", argv[1]);
		return 1;
	}
	read_limits_default(&lim);
	used = xmalloc(rs->nsignals + 1);
	score_signals_used(rs, role, used);
	narrow = matcher_new(rs);
	full = matcher_new(rs);
	matcher_set_goal(narrow, used, 1);
	evidence_list_init(&ev);
	docs = xcalloc(n, sizeof(*docs));
	for (r = 0; r < runs; r++) {
		double t0 = now(), t1, t2, t3, t4;
		for (i = 0; i < n; i++) {
			document_free(docs[i]);
			docs[i] = NULL;
			(void)read_document(&docs[i], files[i].ptr, files[i].len, names[i], &lim, &d);
		}
		t1 = now();
		for (i = 0; i < n; i++)
			if (docs[i])
				(void)matcher_run(narrow, docs[i], &ev);
		t2 = now();
		for (i = 0, nev = 0; i < n; i++)
			if (docs[i]) {
				(void)matcher_run(full, docs[i], &ev);
				nev += ev.n;
			}
		t3 = now();
		for (i = 0; i < n; i++) {
			struct role_fit fit;
			struct path_choice pc;
			if (!docs[i])
				continue;
			(void)matcher_run(narrow, docs[i], &ev);
			score_role(&fit, rs, (size_t)role, &ev);
			score_path(&pc, rs, &ev, &fit);
			(void)document_experience_months(docs[i], 2026 * 12);
			free(pc.reasons);
			role_fit_release(&fit);
		}
		t4 = now();
		t[0][r] = (t1 - t0) / (double)n * 1e6;
		t[1][r] = (t2 - t1) / (double)n * 1e6;
		t[2][r] = (t3 - t2) / (double)n * 1e6;
		/* the score loop also matches: subtract this run's narrowed match */
		t[3][r] = (t4 - t3) / (double)n * 1e6 - t[1][r];
	}
	printf("bench_stages: %zu documents, %s, median of %d runs, us per document\n", n, role_id, runs);
	printf("read %.1f  match %.1f  full-match %.1f (%.1f hits/doc)  score %.1f\n", median(t[0], runs),
	       median(t[1], runs), median(t[2], runs), (double)nev / (double)n, median(t[3], runs));
	for (i = 0; i < n; i++) {
		document_free(docs[i]);
		buf_release(&files[i]);
		free(names[i]);
	}
	free(docs);
	free(files);
	free(names);
	free(used);
	evidence_list_release(&ev);
	matcher_free(narrow);
	matcher_free(full);
	rules_free(rs);
	return 0;
}
