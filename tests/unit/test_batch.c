/*
 * test_batch.c - the batch stage and the table renderer: deterministic
 * order, CSV quoting, every input exactly once (failures included), the
 * same bytes for any thread count, the mapper -> merge round trip, and
 * directories given as paths (found by the workers, walked in order).
 *
 * The directory fixtures are made by each test at run time in a fresh
 * mkdtemp() directory (files, nested directories, symlink loops,
 * dangling links, a FIFO) and removed at its end.
 */
#include "test.h"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "render.h"

static struct batch_record rec(const char *id, int score10, const char *error)
{
	struct batch_record r;
	memset(&r, 0, sizeof(r));
	r.id = xstrdup(id);
	r.score10 = score10;
	r.error = error ? xstrdup(error) : NULL;
	r.role = "healthcare-nlp-engineer";
	r.path = "1";
	return r;
}

static void test_batch__order(void)
{
	struct batch_results res;
	struct batch_record r[6];
	size_t i;

	batch_results_init(&res);
	r[0] = rec("b.txt", 500, NULL);
	r[1] = rec("z.txt", 0, "empty: 'z.txt' is empty");
	r[2] = rec("a.txt", 500, NULL);
	r[3] = rec("c.txt", 731, NULL);
	r[4] = rec("a.txt", 0, "binary: 'a.txt' is a binary file");
	r[5] = rec("d.txt", 120, NULL);
	for (i = 0; i < 6; i++) {
		r[i].seq = 6 - i;
		res.items = xgrow(res.items, &res.cap, res.n + 1, sizeof(*res.items));
		res.items[res.n++] = r[i];
	}
	batch_results_sort(&res);
	CHECK_STR(res.items[0].id, "c.txt");
	CHECK_STR(res.items[1].id, "a.txt");  /* tie on score: id ascending */
	CHECK_STR(res.items[2].id, "b.txt");
	CHECK_STR(res.items[3].id, "d.txt");
	CHECK_STR(res.items[4].id, "a.txt");  /* failed last, by id */
	CHECK(res.items[4].error != NULL);
	CHECK_STR(res.items[5].id, "z.txt");
	CHECK(batch_record_cmp(&res.items[0], &res.items[1]) < 0);
	batch_results_release(&res);
}

static void test_batch__csv_quoting(void)
{
	struct batch_record r = rec("dir,with/comma \"q\".txt", 725, NULL);
	struct buf out = BUF_INIT;
	struct table t;

	r.name = xstrdup("Doe, Jane \"JD\"\nSmith");
	r.cov10 = 667;
	r.years10 = 75;
	r.gap[0] = "HL7/FHIR";
	r.gap[1] = "Clinical NLP, advanced";
	table_init(&t, TABLE_CSV, 0, 0);
	render_table_header(&out, &t);
	render_table_row(&out, &t, 1, &r);
	CHECK_STR(out.ptr,
		  "rank,id,name,score,required_coverage,years,entry_path,gap_1,gap_2,gap_3,error\r\n"
		  "1,\"dir,with/comma \"\"q\"\".txt\",\"Doe, Jane \"\"JD\"\"\nSmith\",72.5,66.7,7.5,1,"
		  "HL7/FHIR,\"Clinical NLP, advanced\",,\r\n");
	buf_truncate(&out, 0);
	table_init(&t, TABLE_TSV, 0, 0);
	render_table_row(&out, &t, 1, &r);
	CHECK_STR(out.ptr, "1\tdir,with/comma \"q\".txt\tDoe, Jane \"JD\" Smith\t72.5\t66.7\t7.5\t1\t"
			   "HL7/FHIR\tClinical NLP, advanced\t\t\n");
	free(r.id);
	free(r.name);
	buf_release(&out);
}

static void test_batch__redact_every_column(void)
{
	struct batch_record r = rec("inbox/jane.doe@example.com.txt", 500, NULL);
	struct buf out = BUF_INIT;
	struct table t;

	r.name = xstrdup("Jane Doe");
	table_init(&t, TABLE_JSONL, 1, 0);
	render_table_row(&out, &t, 3, &r);
	CHECK_STR(out.ptr, "{\"rank\":3,\"id\":\"inbox/[email]\",\"name\":\"[name]\",\"role\":"
			   "\"healthcare-nlp-engineer\",\"score\":50.0,\"required_coverage\":0.0,"
			   "\"years\":0.0,\"entry_path\":\"1\",\"top_gaps\":[],\"error\":null}\n");
	free(r.id);
	free(r.name);
	buf_release(&out);
}

/* A batch scoring healthcare-nlp-engineer with `threads` workers; free *rs after batch_finish(). */
static struct batch *start_batch(struct ruleset **rs, unsigned threads)
{
	struct diag d = DIAG_INIT;
	struct batch_opts o;
	struct batch *b;
	unsigned char *used;

	*rs = NULL;
	CHECK_INT(rules_load_dir(rs, SRCDIR "/rules", &d), 0);
	if (!*rs)
		return NULL;
	memset(&o, 0, sizeof(o));
	o.rs = *rs;
	o.role = rules_find_role(*rs, "healthcare-nlp-engineer");
	o.as_of = 2026 * 12;
	o.max_size = (size_t)16 << 20;
	read_limits_default(&o.limits);
	o.threads = threads;
	used = xmalloc((*rs)->nsignals + 1);
	score_signals_used(*rs, o.role, used); /* as `skillgap score` narrows it */
	o.want = used;
	b = batch_new(&o);
	free(used);
	CHECK(b != NULL);
	return b;
}

static void render_csv(struct buf *csv, const struct batch_results *res)
{
	struct table t;
	size_t i, rank = 0;

	table_init(&t, TABLE_CSV, 0, 0);
	render_table_header(csv, &t);
	for (i = 0; i < res->n; i++)
		render_table_row(csv, &t, res->items[i].error ? 0 : ++rank, &res->items[i]);
}

/* Score samples/batch with `threads` workers and render it as CSV. */
/* Also, when `jsonl`, the records as mapper output in reverse order (rules still loaded). */
static void run_samples(struct buf *csv, struct batch_results *res, unsigned threads, struct buf *jsonl)
{
	static const char j1[] = "{\"id\":\"j1\",\"text\":\"Jane Roe\\nSKILLS\\nPython, spaCy, FHIR\"}";
	struct ruleset *rs;
	struct batch *b = start_batch(&rs, threads);
	struct table t;
	size_t i;

	if (!b) {
		rules_free(rs);
		return;
	}

	batch_add_tree(b, SRCDIR "/samples/batch");
	batch_add_path(b, SRCDIR "/samples/batch/no-such-file.txt");
	batch_add_jsonl(b, j1, strlen(j1), 1);
	batch_add_jsonl(b, "{not json", 9, 2);
	batch_finish(b, res);
	render_csv(csv, res);
	table_init(&t, TABLE_JSONL, 0, 0);
	for (i = res->n; jsonl && i-- > 0;)
		render_table_row(jsonl, &t, 0, &res->items[i]);
	rules_free(rs);
}

static void test_batch__every_input_once(void)
{
	struct batch_results res;
	struct buf csv = BUF_INIT;
	size_t i, j, failed = 0;

	batch_results_init(&res);
	run_samples(&csv, &res, 4, NULL);
	CHECK_INT(res.n, 12 + 1 + 2);
	for (i = 0; i < res.n; i++) {
		for (j = i + 1; j < res.n; j++)
			CHECK(strcmp(res.items[i].id, res.items[j].id) != 0);
		if (res.items[i].error)
			failed++;
	}
	CHECK_INT(failed, 4); /* empty.txt, corrupt.txt, the missing file, the bad JSONL line */
	CHECK_INT(res.nfailed, 4);
	CHECK_STR(res.items[res.n - 1].id, "line 2");
	CHECK(strstr(csv.ptr, "empty: '" SRCDIR "/samples/batch/empty.txt' is empty") != NULL);
	CHECK(strstr(csv.ptr, "binary: '" SRCDIR "/samples/batch/corrupt.txt' is a binary file") != NULL);
	CHECK(strstr(csv.ptr, "unreadable: cannot open '" SRCDIR "/samples/batch/no-such-file.txt'") != NULL);
	batch_results_release(&res);
	buf_release(&csv);
}

static void test_batch__threads_same_bytes(void)
{
	struct batch_results r1, r4;
	struct buf c1 = BUF_INIT, c4 = BUF_INIT;

	batch_results_init(&r1);
	batch_results_init(&r4);
	run_samples(&c1, &r1, 1, NULL);
	run_samples(&c4, &r4, 4, NULL);
	CHECK(c1.len > 0);
	CHECK_STR(c1.ptr, c4.ptr);
	batch_results_release(&r1);
	batch_results_release(&r4);
	buf_release(&c1);
	buf_release(&c4);
}

static void test_batch__merge_round_trip(void)
{
	struct batch_results res, merged;
	struct buf csv = BUF_INIT, jsonl = BUF_INIT, again = BUF_INIT;
	struct table t;
	size_t i, rank = 0;
	const char *p;

	batch_results_init(&res);
	batch_results_init(&merged);
	/* mapper output in reverse order, as if from several processes */
	run_samples(&csv, &res, 2, &jsonl);
	for (p = jsonl.ptr; *p;) {
		const char *nl = strchr(p, '\n');
		struct diag d = DIAG_INIT;
		CHECK_INT(batch_results_add_jsonl(&merged, p, (size_t)(nl - p), &d), 0);
		p = nl + 1;
	}
	batch_results_sort(&merged);
	table_init(&t, TABLE_CSV, 0, 0);
	render_table_header(&again, &t);
	for (i = 0; i < merged.n; i++)
		render_table_row(&again, &t, merged.items[i].error ? 0 : ++rank, &merged.items[i]);
	CHECK_STR(again.ptr, csv.ptr);
	batch_results_release(&res);
	batch_results_release(&merged);
	buf_release(&csv);
	buf_release(&jsonl);
	buf_release(&again);
}

/* ---- directories given as paths: fixtures made here, in a temp dir -------- */

static const char fx_resume[] = "Jane Roe\nSKILLS\nPython, spaCy, FHIR, clinical NLP\n";

/* A new empty directory under $TMPDIR (or /tmp); the caller frees the name. */
static char *fx_new(void)
{
	struct buf p = BUF_INIT;
	const char *tmp = getenv("TMPDIR");
	buf_printf(&p, "%s/skillgap-test-batch-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(p.ptr)) {
		perror("mkdtemp");
		exit(1);
	}
	return buf_detach(&p, NULL);
}

/* root/rel, in a static buffer (one at a time) */
static const char *fx_path(const char *root, const char *rel)
{
	static struct buf p;
	buf_truncate(&p, 0);
	buf_printf(&p, "%s/%s", root, rel);
	return p.ptr;
}

static void fx_file(const char *root, const char *rel, const char *text)
{
	FILE *f = fopen(fx_path(root, rel), "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void fx_dir(const char *root, const char *rel)
{
	CHECK_INT(mkdir(fx_path(root, rel), 0755), 0);
}

static void fx_link(const char *root, const char *rel, const char *target)
{
	CHECK_INT(symlink(target, fx_path(root, rel)), 0);
}

/* rm -r, not following links */
static void fx_remove(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *de;

	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode) && (dir = opendir(path)) != NULL) {
		while ((de = readdir(dir)) != NULL) {
			struct buf sub = BUF_INIT;
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			buf_printf(&sub, "%s/%s", path, de->d_name);
			fx_remove(sub.ptr);
			buf_release(&sub);
		}
		closedir(dir);
		rmdir(path);
	} else {
		unlink(path);
	}
}

/*
 * root/a/one.txt, root/a/b/two.txt, root/c/empty.txt (empty), root/.hidden.txt
 * (skipped), and two loops: root/a/b/up -> .. (root/a), root/a/loop -> root.
 */
static void fx_tree(const char *root)
{
	fx_dir(root, "a");
	fx_dir(root, "a/b");
	fx_dir(root, "c");
	fx_file(root, "a/one.txt", fx_resume);
	fx_file(root, "a/b/two.txt", "John Doe\nSKILLS\nJava, SQL\n");
	fx_file(root, "c/empty.txt", "");
	fx_file(root, ".hidden.txt", fx_resume);
	fx_link(root, "a/b/up", "..");
	fx_link(root, "a/loop", root);
}

/* Add each of `rel` under root: directories with batch_add_tree() when `as_tree`, else all by batch_add_path(). */
static void run_paths(struct buf *csv, struct batch_results *res, unsigned threads, int as_tree,
		      const char *root, const char *const *rel, size_t n)
{
	struct ruleset *rs;
	struct batch *b = start_batch(&rs, threads);
	size_t i;

	if (b) {
		for (i = 0; i < n; i++) {
			const char *p = fx_path(root, rel[i]);
			struct stat st;
			if (as_tree && stat(p, &st) == 0 && S_ISDIR(st.st_mode))
				batch_add_tree(b, p); /* what `score` did before: stat() each path */
			else
				batch_add_path(b, p);
		}
		batch_finish(b, res);
		render_csv(csv, res);
	}
	rules_free(rs);
}

/* The ids of res, in its (sorted) order, joined by "|" with root/ cut off. */
static void ids_of(struct buf *out, const struct batch_results *res, const char *root)
{
	size_t i, k = strlen(root) + 1;
	buf_truncate(out, 0);
	for (i = 0; i < res->n; i++)
		buf_printf(out, "%s%s", i ? "|" : "",
			   strncmp(res->items[i].id, root, k - 1) == 0 ? res->items[i].id + k : res->items[i].id);
}

/* A directory as a path (found by a worker) gives the rows a stat() and a tree walk gave. */
static void test_batch__path_dir_same_as_tree(void)
{
	static const char *const rel[] = { "a/one.txt", ".", "a/loop", "c" };
	char *root = fx_new();
	struct buf ids = BUF_INIT;
	unsigned threads;

	fx_tree(root);
	for (threads = 1; threads <= 4; threads *= 2) {
		struct batch_results rt, rp;
		struct buf ct = BUF_INIT, cp = BUF_INIT;
		batch_results_init(&rt);
		batch_results_init(&rp);
		run_paths(&ct, &rt, threads, 1, root, rel, 4);
		run_paths(&cp, &rp, threads, 0, root, rel, 4);
		CHECK(cp.len > 0);
		CHECK_STR(cp.ptr, ct.ptr);
		/* "." walks the tree once (hidden file skipped, links not followed twice); a/loop and c are seen */
		ids_of(&ids, &rp, root);
		CHECK_STR(ids.ptr, "./a/one.txt|a/one.txt|./a/b/two.txt|./c/empty.txt"); /* one score: by id */
		CHECK_INT(rp.n, 4);
		CHECK_INT(rp.nfailed, 1);
		batch_results_release(&rt);
		batch_results_release(&rp);
		buf_release(&ct);
		buf_release(&cp);
	}
	fx_remove(root);
	free(root);
	buf_release(&ids);
}

/* Which name a directory reached twice is walked under follows the input order, not timing. */
static void test_batch__path_dirs_walked_in_input_order(void)
{
	static const char *const rel[] = { "a/loop", "." };
	char *root = fx_new();
	struct buf ids = BUF_INIT;
	int round;

	fx_tree(root);
	for (round = 0; round < 5; round++) {
		struct batch_results res;
		struct buf csv = BUF_INIT;
		batch_results_init(&res);
		run_paths(&csv, &res, 1 + (unsigned)round % 3, 0, root, rel, 2);
		ids_of(&ids, &res, root);
		CHECK_STR(ids.ptr, "a/loop/a/one.txt|a/loop/a/b/two.txt|a/loop/c/empty.txt");
		batch_results_release(&res);
		buf_release(&csv);
	}
	fx_remove(root);
	free(root);
	buf_release(&ids);
}

/* One worker, a directory of more files than the queue holds: the producer walks it, so no deadlock. */
static void test_batch__path_dir_over_queue_one_thread(void)
{
	enum { N = 3 * BATCH_QUEUE_PER_THREAD + 5 };
	static const char *const rel[] = { "in" };
	char *root = fx_new();
	struct batch_results res;
	struct buf csv = BUF_INIT, name = BUF_INIT;
	size_t i;

	fx_dir(root, "in");
	for (i = 0; i < N; i++) {
		buf_truncate(&name, 0);
		buf_printf(&name, "in/f%03zu.txt", i);
		fx_file(root, name.ptr, fx_resume);
	}
	batch_results_init(&res);
	run_paths(&csv, &res, 1, 0, root, rel, 1);
	CHECK_INT(res.n, N);
	CHECK_INT(res.nfailed, 0);
	/* the same text everywhere, so one score: the rows are in id order, each file once */
	for (i = 0; i < res.n && i < N; i++) {
		buf_truncate(&name, 0);
		buf_printf(&name, "%s/in/f%03zu.txt", root, i);
		CHECK_STR(res.items[i].id, name.ptr);
	}
	batch_results_release(&res);
	buf_release(&csv);
	buf_release(&name);
	fx_remove(root);
	free(root);
}

/* The errors of paths and of walks keep their messages when nothing is stat()ed first. */
static void test_batch__path_errors(void)
{
	static const char *const rel[] = { "missing", "dangling", "d", "deep" };
	char *root = fx_new();
	struct buf deep = BUF_INIT, want = BUF_INIT, csv_tree = BUF_INIT, csv = BUF_INIT, ids = BUF_INIT;
	struct batch_results rt, res;
	int k;

	/* d/: ok.txt, a dangling link and a FIFO; deep/: directories 257 deep, one over the limit */
	fx_dir(root, "d");
	fx_file(root, "d/ok.txt", fx_resume);
	fx_link(root, "d/dangling2", "nowhere");
	CHECK_INT(mkfifo(fx_path(root, "d/fifo"), 0644), 0);
	fx_link(root, "dangling", "nowhere");
	buf_puts(&deep, "deep");
	fx_dir(root, deep.ptr);
	for (k = 0; k < 257; k++) {
		buf_puts(&deep, "/d");
		fx_dir(root, deep.ptr);
	}
	batch_results_init(&rt);
	batch_results_init(&res);
	run_paths(&csv_tree, &rt, 2, 1, root, rel, 4);
	run_paths(&csv, &res, 2, 0, root, rel, 4);
	CHECK_STR(csv.ptr, csv_tree.ptr);
	ids_of(&ids, &res, root);
	buf_printf(&want, "d/ok.txt|d/dangling2|d/fifo|dangling|%s|missing", deep.ptr);
	CHECK_STR(ids.ptr, want.ptr);
	CHECK_INT(res.nfailed, 5);
	if (res.n == 6) {
		buf_truncate(&want, 0);
		buf_printf(&want, "unreadable: cannot open '%s/d/dangling2': No such file or directory", root);
		CHECK_STR(res.items[1].error, want.ptr);
		buf_truncate(&want, 0);
		buf_printf(&want, "unreadable: '%s/d/fifo' is not a regular file", root);
		CHECK_STR(res.items[2].error, want.ptr);
		buf_truncate(&want, 0);
		buf_printf(&want, "unreadable: cannot open '%s/dangling': No such file or directory", root);
		CHECK_STR(res.items[3].error, want.ptr);
		buf_truncate(&want, 0);
		buf_printf(&want, "limit exceeded: '%s/%s': directories nested over 256 deep", root, deep.ptr);
		CHECK_STR(res.items[4].error, want.ptr);
		buf_truncate(&want, 0);
		buf_printf(&want, "unreadable: cannot open '%s/missing': No such file or directory", root);
		CHECK_STR(res.items[5].error, want.ptr);
	}
	batch_results_release(&rt);
	batch_results_release(&res);
	buf_release(&deep);
	buf_release(&want);
	buf_release(&csv_tree);
	buf_release(&csv);
	buf_release(&ids);
	fx_remove(root);
	free(root);
}

/* queued counts the files of a directory given as a path, not the directory itself. */
static void test_batch__path_dir_progress(void)
{
	char *root = fx_new();
	struct ruleset *rs;
	struct batch *b;
	struct batch_results res;
	uint64_t queued = 0, done = 0, failed = 0;
	struct timespec ms = { 0, 1000000L };
	int i;

	fx_dir(root, "in");
	fx_dir(root, "e");
	fx_file(root, "in/1.txt", fx_resume);
	fx_file(root, "in/2.txt", fx_resume);
	fx_file(root, "in/3.txt", fx_resume);
	fx_file(root, "in/4.txt", fx_resume);
	fx_file(root, "in/empty.txt", "");
	batch_results_init(&res);
	if ((b = start_batch(&rs, 2)) != NULL) {
		batch_add_path(b, fx_path(root, "in"));
		batch_add_path(b, fx_path(root, "missing"));
		batch_add_tree(b, fx_path(root, "e")); /* walks "in" first: everything is queued after it */
		for (i = 0; i < 10000; i++) {
			batch_progress(b, &queued, &done, &failed);
			if (done == queued)
				break;
			nanosleep(&ms, NULL);
		}
		CHECK_INT(queued, 6);
		CHECK_INT(done, 6);
		CHECK_INT(failed, 2);
		batch_finish(b, &res);
		CHECK_INT(res.n, 6);
	}
	rules_free(rs);
	batch_results_release(&res);
	fx_remove(root);
	free(root);
}

TEST_MAIN(TEST(test_batch__order), TEST(test_batch__csv_quoting), TEST(test_batch__redact_every_column),
	  TEST(test_batch__every_input_once), TEST(test_batch__threads_same_bytes),
	  TEST(test_batch__merge_round_trip), TEST(test_batch__path_dir_same_as_tree),
	  TEST(test_batch__path_dirs_walked_in_input_order), TEST(test_batch__path_dir_over_queue_one_thread),
	  TEST(test_batch__path_errors), TEST(test_batch__path_dir_progress))
