/*
 * batch.h - the batch stage: many inputs -> worker threads -> ordered
 * results (`skillgap score`).
 *
 * The caller (the CLI) is the producer: it adds inputs one at a time
 * (paths, directory trees, JSONL lines) while worker threads read,
 * match and score them. A bounded queue sits between the two, so a
 * producer of millions of paths never holds more than a few hundred
 * pending inputs. Each input becomes one small struct batch_record;
 * its document and evidence are freed as soon as it is scored.
 *
 * The order of the results never depends on the thread count or on
 * timing: batch_results_sort() orders scored records by score
 * (descending), then id/path (bytewise ascending), then every other
 * printed field; failed records come after all scored ones, ordered by
 * id/path, then error. The same key makes the merged output of many
 * mapper processes (batch_results_add_jsonl) equal a single run.
 */
#ifndef SKILLGAP_BATCH_H
#define SKILLGAP_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "read.h"
#include "rules.h"

#define BATCH_NGAPS 3
#define BATCH_QUEUE_PER_THREAD 64   /* pending inputs per worker thread */
#define BATCH_MAX_THREADS 256

/*
 * One result. Strings: id, name and error are owned by the record;
 * role, path and gap[] point into the ruleset (or into the results'
 * string pool for merged records) and are never freed one by one.
 * Numbers are fixed-point so that printing and re-reading them
 * (mapper -> merge) is exact.
 */
struct batch_record {
	char *id;                  /* path as given, or the JSONL "id" */
	char *name;                /* candidate name, or NULL */
	char *error;               /* NULL when scored */
	const char *role;          /* role id scored (the best one with --all-roles) */
	const char *path;          /* entry path: "ready" or the path id */
	const char *gap[BATCH_NGAPS]; /* top gaps by impact, NULL when fewer */
	int score10;               /* role fit in tenths, 0..1000 */
	int cov10;                 /* required coverage in tenths of a percent */
	int years10;               /* years of experience in tenths */
	uint64_t seq;              /* input order (last tiebreak only) */
};

struct batch_results {
	struct batch_record *items;
	size_t n, cap;
	size_t nfailed;
	void *pool;                /* interned strings of merged records */
};

void batch_results_init(struct batch_results *r);
void batch_results_release(struct batch_results *r);
/* Sort into the documented deterministic order. */
void batch_results_sort(struct batch_results *r);
/* The order itself (<0, 0, >0), for tests. */
int batch_record_cmp(const struct batch_record *a, const struct batch_record *b);
/*
 * Add one record printed by `skillgap score --format jsonl` (a mapper's
 * output line). Returns 0, or SG_ECORRUPT with `d` set when the line is
 * not such a record.
 */
int batch_results_add_jsonl(struct batch_results *r, const char *line, size_t n, struct diag *d);

struct batch_opts {
	const struct ruleset *rs;
	long role;                 /* role index, or -1: the best role per input */
	/* per signal: looked for (score_signals_used; NULL: every one); read by batch_new() only */
	const unsigned char *want;
	int as_of;                 /* month index for "present" */
	size_t max_size;           /* per-input byte cap */
	struct read_limits limits;
	unsigned threads;          /* worker threads, >= 1 */
};

struct batch;

/* Start the workers. Returns NULL when a thread cannot be created. */
struct batch *batch_new(const struct batch_opts *o);
/*
 * Queue one input, a file or a directory (blocks while the queue is
 * full). A path is opened by a worker, not stat()ed here; one that is a
 * directory is walked as batch_add_tree() walks, by this thread, at the
 * next batch_add_tree() or in batch_finish(), in the order such paths
 * were added. "-" is not allowed here (the CLI reads stdin itself).
 */
void batch_add_path(struct batch *b, const char *path);
/*
 * Walk a directory tree: every regular file (in readdir order: the rows
 * are sorted anyway), skipping names that start with '.'; symlinks are
 * followed, and a directory already visited (same device and inode) is
 * skipped, so symlink loops end. An unreadable directory is a failed
 * record. Directories given to batch_add_path() before are walked first
 * (waiting until the workers have opened them).
 */
void batch_add_tree(struct batch *b, const char *dir);
/* Queue one JSONL input line (`lineno` is 1-based, for messages). */
void batch_add_jsonl(struct batch *b, const char *line, size_t n, uint64_t lineno);
/* Record a failure found by the producer (e.g. a JSONL line over the cap). */
void batch_add_error(struct batch *b, const char *id, int code, const char *msg);
/* Counters for a progress display (any thread may read them). */
void batch_progress(struct batch *b, uint64_t *queued, uint64_t *done, uint64_t *failed);
/*
 * Wait for the workers, move every record into `out` (appended),
 * sort it and free the batch.
 */
void batch_finish(struct batch *b, struct batch_results *out);

#endif
