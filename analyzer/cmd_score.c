/*
 * cmd_score.c - `skillgap score`: many resumes -> one ranked table.
 * Input: paths, directory trees, --files-from lists, --jsonl lines on
 * stdin, or (--merge) the JSONL output of earlier runs. Output: the
 * table (render_table.c) streamed to -o/stdout in chunks; a progress
 * bar and summary on stderr when it is a terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "io.h"
#include "render.h"
#include "score.h"

#define SCORE_FLUSH_BYTES ((size_t)1 << 16)   /* output is written in chunks of this size */
#define SCORE_PROGRESS_MS 200                 /* progress bar refresh */
#define SCORE_LIST_LINE_MAX ((size_t)1 << 16) /* one --files-from path */

static const char score_help[] =
	"usage: skillgap score --role ID [options] PATH...\n"
	"       skillgap score --role ID [options] --files-from FILE|-\n"
	"       skillgap score --role ID [options] --jsonl < inputs.jsonl\n"
	"       skillgap score --merge [options] [RESULTS.jsonl...]\n\n"
	"Score many resumes against one role and print a ranked table. A PATH may\n"
	"be a file or a directory, walked recursively (every regular file; names\n"
	"starting with '.' are skipped; symlinks are followed, each directory is\n"
	"visited once, so links cannot loop). Every input appears exactly once,\n"
	"scored or with its error; the exit status is 1 if any input failed.\n\n"
	"Inputs:\n"
	"      --files-from FILE  read paths from FILE ('-' = standard input), one a line\n"
	"      --jsonl            read JSON Lines from standard input, one resume each:\n"
	"                         {\"id\":..., \"text\":\"...\"}, {\"id\":..., \"resume\":{JSON Resume}}\n"
	"                         or {\"id\":..., \"content_base64\":\"...\", \"name\":\"cv.docx\"}\n"
	"      --merge            read records printed by 'score --format jsonl' (mapper\n"
	"                         output) from the files given or standard input, and\n"
	"                         print them as one run would have\n\n"
	"Options:\n"
	"      --role ID          the role to score against (see 'skillgap roles')\n"
	"      --all-roles        score every role; keep each candidate's best (adds a role column)\n"
	"      --format FORMAT    csv, tsv, jsonl, md or text (default: text when standard\n"
	"                         output is a terminal, else csv)\n"
	"      --top N            print only the N best scored inputs (failed ones are always printed)\n"
	"      --min-score S      print only scored inputs with a score of at least S (0-100)\n"
	"  -j, --jobs N           worker threads (default: the number of online CPUs)\n"
	"  -q, --quiet            no progress bar or summary\n"
	"  -v, --verbose          print the summary line even when standard error is not a terminal\n";

static void help(FILE *f)
{
	fputs(score_help, f);
	fputs(cli_common_help, f);
	fputs("\n", f);
	fputs(cli_limits_help, f);
	fputs("\nOrder: scored rows by score (high first), then id/path (bytewise); failed rows\n"
	      "last, by id/path. The same for any -j, and for merged mapper output.\n"
	      "Exit codes: 0 ok, 1 some input failed, 2 usage, 3 rules, 4 output.\n", f);
}

/* ---- progress on a terminal ------------------------------------------------- */

struct progress {
	struct batch *b;
	uint64_t total;          /* 0 = unknown */
	struct timespec t0;
	atomic_int stop;
	pthread_t thread;
	int running;
};

static double elapsed(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void progress_draw(struct progress *p)
{
	uint64_t queued, done, failed;
	double secs = elapsed(&p->t0), rate;
	char line[160];
	int n;

	batch_progress(p->b, &queued, &done, &failed);
	rate = secs > 0 ? done / secs : 0;
	/* a listed directory brings more inputs than lines were counted: no ETA then */
	if (p->total && queued <= p->total) {
		char bar[31];
		size_t fill = (size_t)(30.0 * (double)done / (double)p->total), i;
		double eta = rate > 0 ? (double)(p->total - (done < p->total ? done : p->total)) / rate : 0;
		if (fill > 30)
			fill = 30;
		for (i = 0; i < 30; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[30] = '\0';
		n = snprintf(line, sizeof(line), "\r[%s] %llu/%llu  %.0f/s  ETA %d:%02d  failed %llu ", bar,
			     (unsigned long long)done, (unsigned long long)p->total, rate, (int)eta / 60,
			     (int)eta % 60, (unsigned long long)failed);
	} else {
		n = snprintf(line, sizeof(line), "\r%llu scored of %llu queued  %.0f/s  failed %llu ",
			     (unsigned long long)done, (unsigned long long)queued, rate,
			     (unsigned long long)failed);
	}
	if (n > 0)
		fwrite(line, 1, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1, stderr);
	fflush(stderr);
}

static void *progress_main(void *arg)
{
	struct progress *p = arg;
	struct timespec ts = { 0, SCORE_PROGRESS_MS * 1000000L };
	while (!atomic_load(&p->stop)) {
		progress_draw(p);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

static void progress_start(struct progress *p, struct batch *b, uint64_t total, int on)
{
	memset(p, 0, sizeof(*p));
	p->b = b;
	p->total = total;
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	atomic_init(&p->stop, 0);
	if (on && pthread_create(&p->thread, NULL, progress_main, p) == 0)
		p->running = 1;
}

static void progress_stop(struct progress *p)
{
	if (!p->running)
		return;
	atomic_store(&p->stop, 1);
	pthread_join(p->thread, NULL);
	progress_draw(p);
	fputs("\r\033[K", stderr); /* clear the bar; the summary follows */
}

/* Lines in a regular file (for the ETA); 0 when it cannot tell. */
static uint64_t count_lines(int fd)
{
	struct stat st;
	char chunk[1 << 16];
	off_t off = 0;
	uint64_t n = 0;
	int last = '\n';

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	for (;;) {
		ssize_t r = pread(fd, chunk, sizeof(chunk), off);
		const char *p, *end;
		if (r <= 0)
			break;
		for (p = chunk, end = chunk + r; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
			n++;
		last = chunk[r - 1];
		off += r;
	}
	return n + (last != '\n');
}

/* ---- reading lists and JSONL --------------------------------------------- */

/*
 * Read one line (without its "\n" or "\r\n") into `line`, keeping at most
 * `cap` bytes; the rest of a longer line is consumed and *too_big set.
 * Returns 0, or -1 at the end of input.
 */
static int read_line(FILE *f, struct buf *line, size_t cap, int *too_big)
{
	char chunk[1 << 14];
	int any = 0;

	buf_truncate(line, 0);
	*too_big = 0;
	while (fgets(chunk, sizeof(chunk), f)) {
		size_t n = strlen(chunk);
		int eol = n && chunk[n - 1] == '\n';
		any = 1;
		if (eol)
			n--;
		if (!*too_big && line->len + n <= cap)
			buf_put(line, chunk, n);
		else
			*too_big = 1;
		if (eol)
			break;
	}
	if (!any)
		return -1;
	if (line->len && line->ptr[line->len - 1] == '\r')
		buf_truncate(line, line->len - 1);
	return 0;
}

static int add_files_from(struct batch *b, const char *list)
{
	FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
	struct buf line = BUF_INIT;
	int too_big;
	uint64_t lineno = 0;

	if (!f) {
		cli_error("cannot open '%s': %s", list, strerror(errno));
		return -1;
	}
	while (read_line(f, &line, SCORE_LIST_LINE_MAX, &too_big) == 0) {
		lineno++;
		if (too_big) {
			struct buf id = BUF_INIT, msg = BUF_INIT;
			buf_printf(&id, "%s:%llu", list, (unsigned long long)lineno);
			buf_printf(&msg, "'%s' line %llu: a path over %zu bytes", list,
				   (unsigned long long)lineno, SCORE_LIST_LINE_MAX);
			batch_add_error(b, id.ptr, SG_ETOOBIG, msg.ptr);
			buf_release(&id);
			buf_release(&msg);
			continue;
		}
		if (line.len == 0)
			continue;
		batch_add_path(b, line.ptr); /* a directory is walked too; no stat() here */
	}
	if (f != stdin)
		fclose(f);
	buf_release(&line);
	return 0;
}

static void add_jsonl(struct batch *b, size_t max_size)
{
	struct buf line = BUF_INIT;
	/* base64 grows the content by 4/3; leave room for the JSON around it */
	size_t cap = max_size / 3 * 4 + 65536;
	uint64_t lineno = 0;
	int too_big;

	while (read_line(stdin, &line, cap, &too_big) == 0) {
		size_t i;
		lineno++;
		if (too_big) {
			char id[48], msg[160];
			snprintf(id, sizeof(id), "line %llu", (unsigned long long)lineno);
			snprintf(msg, sizeof(msg), "line %llu is over %zu bytes (see --max-size)",
				 (unsigned long long)lineno, cap);
			batch_add_error(b, id, SG_ETOOBIG, msg);
			continue;
		}
		for (i = 0; i < line.len && (line.ptr[i] == ' ' || line.ptr[i] == '\t'); i++)
			;
		if (i == line.len)
			continue; /* blank lines are not inputs */
		batch_add_jsonl(b, line.ptr, line.len, lineno);
	}
	buf_release(&line);
}

static int merge_file(struct batch_results *res, const char *file)
{
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	struct buf line = BUF_INIT;
	uint64_t lineno = 0;
	int too_big, ret = 0;

	if (!f) {
		cli_error("cannot open '%s': %s", file, strerror(errno));
		return -1;
	}
	while (read_line(f, &line, (size_t)1 << 24, &too_big) == 0) {
		struct diag d = DIAG_INIT;
		lineno++;
		if (line.len == 0)
			continue;
		if (too_big || batch_results_add_jsonl(res, line.ptr, line.len, &d) < 0) {
			cli_error("%s:%llu: %s", strcmp(file, "-") == 0 ? "(stdin)" : file,
				  (unsigned long long)lineno, too_big ? "line too long" : d.msg);
			ret = -1;
		}
	}
	if (f != stdin)
		fclose(f);
	buf_release(&line);
	return ret;
}

/* ---- the command ------------------------------------------------------------ */

static int parse_uint(const char *opt, const char *v, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long n;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno || end == v || *end || *v == '-' || n > max) {
		cli_error("score: bad %s '%s': give a whole number up to %lu", opt, v, max);
		return -1;
	}
	*out = n;
	return 0;
}

/* Value of "--opt V" / "--opt=V" / "-jN" at argv[*i], or NULL if not this option. */
static const char *take(const char *lng, const char *shrt, int argc, char **argv, int *i, int *bad)
{
	const char *a = argv[*i];
	size_t l = strlen(lng);
	*bad = 0;
	if (strncmp(a, lng, l) == 0 && a[l] == '=')
		return a + l + 1;
	if (strcmp(a, lng) == 0 || (shrt && strcmp(a, shrt) == 0)) {
		if (*i + 1 >= argc) {
			cli_error("score: option '%s' needs a value", a);
			*bad = 1;
			return NULL;
		}
		return argv[++*i];
	}
	if (shrt && strncmp(a, shrt, strlen(shrt)) == 0 && a[strlen(shrt)])
		return a + strlen(shrt);
	return NULL;
}

/*
 * Is record r printed under --top (at most `top` scored rows) and
 * --min-score (tenths, -1: none)? Failed inputs always are; a scored one
 * that is printed takes the next rank.
 */
static int row_shown(const struct batch_record *r, size_t *rank, unsigned long top, long min10)
{
	if (r->error)
		return 1;
	if (*rank >= top || (min10 >= 0 && r->score10 < min10))
		return 0;
	(*rank)++;
	return 1;
}

int cmd_score(int argc, char **argv)
{
	struct common_opts o;
	struct ruleset *rs = NULL;
	struct batch *b = NULL;
	struct batch_results res;
	struct batch_opts bo;
	unsigned char *used = NULL;
	struct progress prog;
	struct table t;
	struct io_sink sink;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	const char **paths = NULL;
	const char *files_from = NULL;
	enum table_format fmt;
	size_t npaths = 0, i, rank = 0;
	unsigned long top = ULONG_MAX, jobs = 0; /* top: --top, ULONG_MAX when not given */
	long min10 = -1, role = -1;
	int jsonl = 0, merge = 0, all_roles = 0, verbose = 0;
	int ret = EXIT_OK, merge_bad = 0, tty_err;
	uint64_t total = 0;

	common_opts_init(&o);
	batch_results_init(&res);
	paths = xcalloc((size_t)argc + 1, sizeof(*paths));
	for (int k = 1; k < argc; k++) {
		const char *v;
		int rc, bad;
		if (strcmp(argv[k], "-h") == 0 || strcmp(argv[k], "--help") == 0) {
			help(stdout);
			free(paths);
			return EXIT_OK;
		}
		if (strcmp(argv[k], "--jsonl") == 0) {
			jsonl = 1;
			continue;
		}
		if (strcmp(argv[k], "--merge") == 0) {
			merge = 1;
			continue;
		}
		if (strcmp(argv[k], "--all-roles") == 0) {
			all_roles = 1;
			continue;
		}
		if (strcmp(argv[k], "-v") == 0 || strcmp(argv[k], "--verbose") == 0) {
			verbose = 1;
			continue;
		}
		if ((v = take("--files-from", NULL, argc, argv, &k, &bad)) != NULL || bad) {
			if (bad)
				goto usage;
			files_from = v;
			continue;
		}
		if ((v = take("--jobs", "-j", argc, argv, &k, &bad)) != NULL || bad) {
			if (bad || parse_uint("-j", v, BATCH_MAX_THREADS, &jobs) < 0 || jobs == 0) {
				if (!bad && jobs == 0)
					cli_error("score: bad -j '%s': give 1 to %d", v, BATCH_MAX_THREADS);
				goto usage;
			}
			continue;
		}
		if ((v = take("--top", NULL, argc, argv, &k, &bad)) != NULL || bad) {
			if (bad || parse_uint("--top", v, (unsigned long)-1 / 2, &top) < 0)
				goto usage;
			continue;
		}
		if ((v = take("--min-score", NULL, argc, argv, &k, &bad)) != NULL || bad) {
			char *end;
			double s;
			if (bad)
				goto usage;
			errno = 0;
			s = strtod(v, &end);
			if (errno || end == v || *end || !(s >= 0 && s <= 100)) {
				cli_error("score: bad --min-score '%s': give a number from 0 to 100", v);
				goto usage;
			}
			min10 = (long)(s * 10 + 0.5);
			continue;
		}
		rc = cli_common_option(&o, argc, argv, &k);
		if (rc < 0)
			goto usage;
		if (rc)
			continue;
		if (argv[k][0] == '-' && argv[k][1] != '\0') {
			cli_error("score: unknown option '%s' (see 'skillgap score --help')", argv[k]);
			goto usage;
		}
		if (strcmp(argv[k], "-") == 0 && !merge) {
			cli_error("score: '-' is not a PATH here: use --jsonl or --files-from -");
			goto usage;
		}
		paths[npaths++] = argv[k];
	}

	if (!o.format)
		fmt = (!o.output || strcmp(o.output, "-") == 0) && isatty(STDOUT_FILENO) ? TABLE_TEXT : TABLE_CSV;
	else if (table_format_parse(o.format, &fmt) < 0) {
		cli_error("score: unknown format '%s' (csv, tsv, jsonl, md or text)", o.format);
		goto usage;
	}
	if (merge && (jsonl || files_from)) {
		cli_error("score: --merge reads result records; it does not take --jsonl or --files-from");
		goto usage;
	}
	if (jsonl && files_from && strcmp(files_from, "-") == 0) {
		cli_error("score: --jsonl and --files-from - both want standard input");
		goto usage;
	}
	if (!merge && !jsonl && !files_from && !npaths) {
		cli_error("score: no inputs (give PATHs, --files-from or --jsonl)");
		goto usage;
	}
	if (!merge && !o.role && !all_roles) {
		cli_error("score: give --role ID or --all-roles (see 'skillgap roles')");
		goto usage;
	}
	if (o.role && all_roles) {
		cli_error("score: --role and --all-roles do not go together");
		goto usage;
	}
	tty_err = isatty(STDERR_FILENO);

	if (merge) {
		if (!npaths && merge_file(&res, "-") < 0)
			merge_bad = 1;
		for (i = 0; i < npaths; i++)
			if (merge_file(&res, paths[i]) < 0)
				merge_bad = 1;
		batch_results_sort(&res);
		clock_gettime(CLOCK_MONOTONIC, &prog.t0);
	} else {
		if (cli_load_rules(&rs, &o) < 0) {
			ret = EXIT_RULES;
			goto done;
		}
		if (o.role && (role = rules_find_role(rs, o.role)) < 0) {
			struct buf ids = BUF_INIT;
			for (i = 0; i < rs->nroles; i++)
				buf_printf(&ids, "%s%s", i ? ", " : "", rs->roles[i].id);
			cli_error("score: unknown role '%s' (one of: %s)", o.role, ids.ptr);
			buf_release(&ids);
			ret = EXIT_USAGE;
			goto done;
		}
		/* a record needs the signals the scorer reads, nothing more */
		used = xmalloc(rs->nsignals + 1);
		score_signals_used(rs, role, used);
		/* many documents: machine code pays for itself, for those signals */
		rules_jit_signals(rs, used);
		memset(&bo, 0, sizeof(bo));
		bo.rs = rs;
		bo.role = role;
		bo.want = used;
		bo.as_of = o.as_of_month;
		bo.max_size = o.max_size;
		bo.limits = o.limits;
		if (!jobs) {
			long n = sysconf(_SC_NPROCESSORS_ONLN);
			jobs = n > 0 ? (unsigned long)n : 1;
			if (jobs > BATCH_MAX_THREADS)
				jobs = BATCH_MAX_THREADS;
		}
		bo.threads = (unsigned)jobs;
		b = batch_new(&bo);
		if (!b) {
			cli_error("score: cannot start %lu worker threads", jobs);
			ret = EXIT_INTERNAL;
			goto done;
		}
		/* a total for the ETA when every source can be counted up front */
		if (tty_err && !o.quiet) {
			int countable = 1;
			for (i = 0; i < npaths && countable; i++)
				countable = io_is_dir(paths[i]) != 1;
			total = npaths;
			if (countable && files_from) {
				int fd = strcmp(files_from, "-") == 0 ? STDIN_FILENO : open(files_from, O_RDONLY | O_CLOEXEC);
				uint64_t n = fd >= 0 ? count_lines(fd) : 0;
				if (fd > STDIN_FILENO)
					close(fd);
				countable = n > 0;
				total += n;
			}
			if (countable && jsonl) {
				uint64_t n = count_lines(STDIN_FILENO);
				countable = n > 0;
				total += n;
			}
			if (!countable)
				total = 0;
		}
		progress_start(&prog, b, total, tty_err && !o.quiet);
		for (i = 0; i < npaths; i++)
			batch_add_path(b, paths[i]);
		if (files_from && add_files_from(b, files_from) < 0)
			ret = EXIT_USAGE;
		if (jsonl)
			add_jsonl(b, o.max_size);
		batch_finish(b, &res);
		b = NULL;
		progress_stop(&prog);
		if (ret != EXIT_OK)
			goto done;
	}

	/* render: header, then rows in chunks */
	table_init(&t, fmt, o.redact, all_roles);
	if (fmt == TABLE_TEXT) {
		for (i = 0, rank = 0; i < res.n; i++)
			if (row_shown(&res.items[i], &rank, top, min10))
				table_measure(&t, res.items[i].error ? 0 : rank, &res.items[i]);
	}
	if (io_sink_open(&sink, o.output, &d) < 0) {
		cli_error("%s", d.msg);
		ret = EXIT_OUTPUT;
		goto done;
	}
	render_table_header(&out, &t);
	for (i = 0, rank = 0; i < res.n; i++) {
		const struct batch_record *r = &res.items[i];
		if (!row_shown(r, &rank, top, min10))
			continue;
		render_table_row(&out, &t, r->error ? 0 : rank, r);
		if (out.len >= SCORE_FLUSH_BYTES) {
			io_sink_write(&sink, out.ptr, out.len);
			buf_truncate(&out, 0);
		}
	}
	io_sink_write(&sink, out.ptr, out.len);
	if (io_sink_close(&sink, &d) < 0) {
		cli_error("%s", d.msg);
		ret = EXIT_OUTPUT;
	}
	if ((tty_err && !o.quiet) || verbose) {
		double secs = elapsed(&prog.t0);
		size_t scored = res.n - res.nfailed;
		fprintf(stderr, "skillgap: scored %zu, failed %zu, %.1f s, %.0f resumes/s\n", scored,
			res.nfailed, secs, secs > 0 ? (double)res.n / secs : 0.0);
	}
	if (ret == EXIT_OK && (res.nfailed || merge_bad))
		ret = EXIT_INPUT;
	goto done;
usage:
	ret = EXIT_USAGE;
done:
	if (b)
		batch_finish(b, &res);
	batch_results_release(&res);
	buf_release(&out);
	rules_free(rs);
	free(paths);
	free(used);
	return ret;
}
