/*
 * test_batch.c - the batch stage and the table renderer: deterministic
 * order, CSV quoting, every input exactly once (failures included), the
 * same bytes for any thread count, and the mapper -> merge round trip.
 */
#include "test.h"

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

/* Score samples/batch with `threads` workers and render it as CSV. */
/* Also, when `jsonl`, the records as mapper output in reverse order (rules still loaded). */
static void run_samples(struct buf *csv, struct batch_results *res, unsigned threads, struct buf *jsonl)
{
	static const char j1[] = "{\"id\":\"j1\",\"text\":\"Jane Roe\\nSKILLS\\nPython, spaCy, FHIR\"}";
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	struct batch_opts o;
	struct batch *b;
	struct table t;
	size_t i, rank = 0;
	unsigned char *used;

	CHECK_INT(rules_load_dir(&rs, SRCDIR "/rules", &d), 0);
	if (!rs)
		return;
	memset(&o, 0, sizeof(o));
	o.rs = rs;
	o.role = rules_find_role(rs, "healthcare-nlp-engineer");
	o.as_of = 2026 * 12;
	o.max_size = (size_t)16 << 20;
	read_limits_default(&o.limits);
	o.threads = threads;
	used = xmalloc(rs->nsignals + 1);
	score_signals_used(rs, o.role, used); /* as `skillgap score` narrows it */
	o.want = used;
	b = batch_new(&o);
	free(used);
	CHECK(b != NULL);
	if (!b)
		return;
	batch_add_tree(b, SRCDIR "/samples/batch");
	batch_add_path(b, SRCDIR "/samples/batch/no-such-file.txt");
	batch_add_jsonl(b, j1, strlen(j1), 1);
	batch_add_jsonl(b, "{not json", 9, 2);
	batch_finish(b, res);
	table_init(&t, TABLE_CSV, 0, 0);
	render_table_header(csv, &t);
	for (i = 0; i < res->n; i++)
		render_table_row(csv, &t, res->items[i].error ? 0 : ++rank, &res->items[i]);
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

TEST_MAIN(TEST(test_batch__order), TEST(test_batch__csv_quoting), TEST(test_batch__redact_every_column),
	  TEST(test_batch__every_input_once), TEST(test_batch__threads_same_bytes),
	  TEST(test_batch__merge_round_trip))
