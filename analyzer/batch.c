/*
 * batch.c - the batch stage. Input: paths, directory trees and JSONL
 * lines from the producer (the CLI). Output: one small record per input,
 * sorted deterministically; see batch.h.
 *
 * Threads: the producer pushes heap-allocated work items into a bounded
 * ring; each worker owns a matcher, an evidence list and a read buffer,
 * turns an item into a record (read -> match -> score, then frees the
 * document) and appends the record to its own results, which join the
 * shared ones 256 at a time: about one lock per input for a worker (the
 * pop), which also settles the input it finished (see queue_pop()). The
 * ruleset is shared read-only; the scorer keeps no static state.
 *
 * Directories: the producer does not stat() what batch_add_path() is
 * given. A worker finds a directory when it opens the path, and hands it
 * back (b->dirs); the producer walks those in input order before the next
 * batch_add_tree() and in batch_finish(). Only the producer walks, so the
 * visited set (b->seen) grows in the same order for any thread count, and
 * the path a file reached twice (links) is reported under never depends
 * on timing; and only the producer pushes, so no worker ever waits for
 * room in the queue.
 */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "document.h"
#include "io.h"
#include "match.h"
#include "score.h"

#define BATCH_MAX_DEPTH 256   /* directory nesting walked */
#define QUEUE_REFILL_AT 8      /* the producer, once the ring is full, sleeps until 1/8 is left */
#define ITEM_MIN_DATA 256     /* bytes of path or line an item holds at least, so most can be reused */
#define ITEM_REUSE_MAX 4096   /* items holding more (long JSONL lines) are freed, not reused */

/* ---- results ----------------------------------------------------------- */

struct pool {
	char **strs;
	size_t n, cap;
};

void batch_results_init(struct batch_results *r)
{
	memset(r, 0, sizeof(*r));
}

void batch_results_release(struct batch_results *r)
{
	size_t i;
	struct pool *p = r->pool;
	for (i = 0; i < r->n; i++) {
		free(r->items[i].id);
		free(r->items[i].name);
		free(r->items[i].error);
	}
	free(r->items);
	if (p) {
		for (i = 0; i < p->n; i++)
			free(p->strs[i]);
		free(p->strs);
		free(p);
	}
	batch_results_init(r);
}

static void results_push(struct batch_results *r, const struct batch_record *rec)
{
	r->items = xgrow(r->items, &r->cap, r->n + 1, sizeof(*r->items));
	r->items[r->n++] = *rec;
	if (rec->error)
		r->nfailed++;
}

/* Append the records of `from` (no pool) to `to`; `from` is left empty. */
static void results_move(struct batch_results *to, struct batch_results *from)
{
	if (to->n == 0 && !to->pool) {
		batch_results_release(to);
		*to = *from;
	} else if (from->n) {
		to->items = xgrow(to->items, &to->cap, to->n + from->n, sizeof(*to->items));
		memcpy(to->items + to->n, from->items, from->n * sizeof(*from->items));
		to->n += from->n;
		to->nfailed += from->nfailed;
		free(from->items);
	}
	batch_results_init(from);
}

/*
 * A worker's records join the shared ones RESULTS_FLUSH at a time: one
 * lock per many inputs, and one array of all the records, as if each
 * had been added alone (per-worker arrays joined at the end would hold
 * every record twice while they are copied).
 */
#define RESULTS_FLUSH 256

static void results_flush(struct batch_results *to, struct batch_results *from)
{
	if (!from->n)
		return;
	to->items = xgrow(to->items, &to->cap, to->n + from->n, sizeof(*to->items));
	memcpy(to->items + to->n, from->items, from->n * sizeof(*from->items));
	to->n += from->n;
	to->nfailed += from->nfailed;
	from->n = 0;
	from->nfailed = 0;
}

/* NULL sorts before any string */
static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

int batch_record_cmp(const struct batch_record *a, const struct batch_record *b)
{
	int c, k;
	if ((a->error != NULL) != (b->error != NULL))
		return a->error ? 1 : -1;
	if (!a->error && a->score10 != b->score10)
		return a->score10 > b->score10 ? -1 : 1;
	if ((c = strcmp_null(a->id, b->id)) != 0)
		return c;
	/* the rest only separates rows that print differently */
	if ((c = strcmp_null(a->error, b->error)) != 0)
		return c;
	if ((c = strcmp_null(a->role, b->role)) != 0)
		return c;
	if ((c = strcmp_null(a->name, b->name)) != 0)
		return c;
	if (a->cov10 != b->cov10)
		return a->cov10 > b->cov10 ? -1 : 1;
	if (a->years10 != b->years10)
		return a->years10 > b->years10 ? -1 : 1;
	if ((c = strcmp_null(a->path, b->path)) != 0)
		return c;
	for (k = 0; k < BATCH_NGAPS; k++)
		if ((c = strcmp_null(a->gap[k], b->gap[k])) != 0)
			return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_qsort(const void *a, const void *b)
{
	return batch_record_cmp(a, b);
}

void batch_results_sort(struct batch_results *r)
{
	if (r->n > 1)
		qsort(r->items, r->n, sizeof(*r->items), cmp_qsort);
}

static const char *pool_add(struct batch_results *r, const char *s)
{
	struct pool *p = r->pool;
	if (!s)
		return NULL;
	if (!p)
		p = r->pool = xcalloc(1, sizeof(*p));
	p->strs = xgrow(p->strs, &p->cap, p->n + 1, sizeof(char *));
	p->strs[p->n] = xstrdup(s);
	return p->strs[p->n++];
}

/* Fixed-point tenths of a printed number ("72.5" -> 725). */
static int tenths(const cJSON *v)
{
	double x = v->valuedouble * 10.0;
	return (int)(x < 0 ? x - 0.5 : x + 0.5);
}

static const char *opt_str(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int batch_results_add_jsonl(struct batch_results *r, const char *line, size_t n, struct diag *d)
{
	cJSON *root = cJSON_ParseWithLength(line, n);
	const cJSON *v, *gaps;
	struct batch_record rec;
	int ret = 0, k;

	memset(&rec, 0, sizeof(rec));
	if (!cJSON_IsObject(root) || !opt_str(root, "id")) {
		ret = diag_set(d, SG_ECORRUPT, "not a 'skillgap score --format jsonl' record");
		goto done;
	}
	rec.seq = r->n;
	rec.id = xstrdup(opt_str(root, "id"));
	if (opt_str(root, "name"))
		rec.name = xstrdup(opt_str(root, "name"));
	if (opt_str(root, "error"))
		rec.error = xstrdup(opt_str(root, "error"));
	rec.role = pool_add(r, opt_str(root, "role"));
	rec.path = pool_add(r, opt_str(root, "entry_path"));
	if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(root, "score")))
		rec.score10 = tenths(v);
	if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(root, "required_coverage")))
		rec.cov10 = tenths(v);
	if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(root, "years")))
		rec.years10 = tenths(v);
	gaps = cJSON_GetObjectItemCaseSensitive(root, "top_gaps");
	for (k = 0; k < BATCH_NGAPS && cJSON_IsArray(gaps); k++) {
		v = cJSON_GetArrayItem(gaps, k);
		if (!cJSON_IsString(v))
			break;
		rec.gap[k] = pool_add(r, v->valuestring);
	}
	results_push(r, &rec);
done:
	cJSON_Delete(root);
	return ret;
}

/* ---- the queue and the workers ----------------------------------------- */

/* ITEM_PATH may be a directory (batch_add_path); ITEM_FILE was a file when walked */
enum item_kind { ITEM_PATH, ITEM_FILE, ITEM_JSONL, ITEM_ERROR };

struct item {
	enum item_kind kind;
	int code;            /* ITEM_ERROR */
	uint64_t seq;
	uint64_t lineno;     /* ITEM_JSONL */
	size_t len;
	size_t cap;          /* bytes of data[] */
	char *msg;           /* ITEM_ERROR */
	struct item *next;   /* in b->reuse */
	char data[];         /* path, id or line; NUL-terminated */
};

struct batch {
	struct batch_opts o;
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	struct item **ring;
	size_t ring_cap, head, count;
	int producer_waits;         /* the producer sleeps until count <= ring_cap / QUEUE_REFILL_AT */
	/* items the workers are done with, for the producer to fill again (no malloc() per input) */
	struct item *reuse;         /* under mu */
	struct item *spare;         /* producer only: taken from reuse by queue_push() */
	int closing;
	pthread_t *threads;
	unsigned nthreads;
	struct batch_results res;   /* under mu; each worker's records join it as it ends */
	uint64_t seq;               /* producer only */
	atomic_uint_fast64_t queued, done, failed;
	/* directories visited by the walks (producer only): (dev, ino) open hash set */
	struct dir_id { dev_t dev; ino_t ino; int used; } *seen;
	size_t seen_cap, seen_n;
	/* ITEM_PATH inputs not yet opened by a worker, and those found to be directories */
	size_t unopened;            /* under mu */
	int producer_settles;       /* the producer sleeps on `opened` until unopened == 0 */
	pthread_cond_t opened;
	struct found_dir { uint64_t seq; char *path; } *dirs; /* under mu */
	size_t ndirs, dirs_cap;
};

struct worker {
	struct batch *b;
	struct matcher *m;
	struct evidence_list ev;
	struct buf in;
	struct buf tmp;
	struct batch_results res;   /* this worker's records not yet in b->res (RESULTS_FLUSH) */
	size_t opened;              /* ITEM_PATH inputs finished since the last pop */
};

static void queue_push(struct batch *b, struct item *it)
{
	pthread_mutex_lock(&b->mu);
	if (b->count == b->ring_cap) {
		/*
		 * wait for the workers to drain 7/8: one wake-up per many items, not per
		 * item; a wake-up costs the producer as much as pushing some 50 paths, and
		 * the 1/8 left is still far more work than the producer needs to refill
		 */
		b->producer_waits = 1;
		while (b->count > b->ring_cap / QUEUE_REFILL_AT)
			pthread_cond_wait(&b->not_full, &b->mu);
		b->producer_waits = 0;
	}
	b->ring[(b->head + b->count) % b->ring_cap] = it;
	b->count++;
	if (it->kind == ITEM_PATH)
		b->unopened++;
	if (!b->spare && b->reuse) {
		b->spare = b->reuse;
		b->reuse = b->reuse->next;
	}
	/* counted before a worker can pop it, and find it is a directory, not an input */
	atomic_fetch_add(&b->queued, 1);
	pthread_cond_signal(&b->not_empty);
	pthread_mutex_unlock(&b->mu);
}

/*
 * The next item; NULL when the queue is closed and drained. Under the
 * same lock it hands back the item the worker is done with (`old`, for
 * reuse) and takes off the ITEM_PATH inputs it opened since (w->opened),
 * so neither needs a lock round-trip of its own.
 */
static struct item *queue_pop(struct worker *w, struct item *old)
{
	struct batch *b = w->b;
	struct item *it = NULL;

	if (old) {
		free(old->msg);
		old->msg = NULL;
		if (old->cap > ITEM_REUSE_MAX) {
			free(old);
			old = NULL;
		}
	}
	pthread_mutex_lock(&b->mu);
	if (old) {
		old->next = b->reuse;
		b->reuse = old;
	}
	if (w->opened) {
		b->unopened -= w->opened;
		w->opened = 0;
		if (b->unopened == 0 && b->producer_settles)
			pthread_cond_signal(&b->opened);
	}
	while (b->count == 0 && !b->closing)
		pthread_cond_wait(&b->not_empty, &b->mu);
	if (b->count) {
		it = b->ring[b->head];
		b->head = (b->head + 1) % b->ring_cap;
		b->count--;
		if (b->producer_waits && b->count <= b->ring_cap / QUEUE_REFILL_AT)
			pthread_cond_signal(&b->not_full);
	}
	pthread_mutex_unlock(&b->mu);
	return it;
}

static struct item *item_new(struct batch *b, enum item_kind kind, const char *data, size_t len)
{
	struct item *it = b->spare;
	size_t cap = len < ITEM_MIN_DATA ? ITEM_MIN_DATA : len + 1;

	b->spare = NULL;
	if (!it || it->cap < len + 1) {
		free(it);
		it = xmalloc(sizeof(*it) + cap);
		memset(it, 0, sizeof(*it));
		it->cap = cap;
	}
	it->code = 0;
	it->lineno = 0;
	it->kind = kind;
	it->seq = b->seq++;
	it->len = len;
	memcpy(it->data, data, len);
	it->data[len] = '\0';
	return it;
}

void batch_add_path(struct batch *b, const char *path)
{
	queue_push(b, item_new(b, ITEM_PATH, path, strlen(path)));
}

/* A file found by a walk: a directory there (swapped in since) is an error, not walked. */
static void add_file(struct batch *b, const char *path)
{
	queue_push(b, item_new(b, ITEM_FILE, path, strlen(path)));
}

void batch_add_jsonl(struct batch *b, const char *line, size_t n, uint64_t lineno)
{
	struct item *it = item_new(b, ITEM_JSONL, line, n);
	it->lineno = lineno;
	queue_push(b, it);
}

void batch_add_error(struct batch *b, const char *id, int code, const char *msg)
{
	struct item *it = item_new(b, ITEM_ERROR, id, strlen(id));
	it->code = code;
	it->msg = xstrdup(msg);
	queue_push(b, it);
}

void batch_progress(struct batch *b, uint64_t *queued, uint64_t *done, uint64_t *failed)
{
	*queued = atomic_load(&b->queued);
	*done = atomic_load(&b->done);
	*failed = atomic_load(&b->failed);
}

/* "empty: 'x.txt' is empty" */
static char *error_text(int code, const char *msg)
{
	struct buf e = BUF_INIT;
	buf_printf(&e, "%s: %s", sg_strerror(code), msg);
	return buf_detach(&e, NULL);
}

static int all_space(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static int b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/* Decode standard or URL-safe base64 (padding optional, whitespace skipped). */
static int base64_decode(struct buf *out, const char *s, size_t n)
{
	unsigned acc = 0;
	int bits = 0;
	size_t i;
	for (i = 0; i < n; i++) {
		int v;
		unsigned char c = (unsigned char)s[i];
		if (c == '=')
			break;
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
			continue;
		if ((v = b64_value(c)) < 0)
			return -1;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(out, (int)((acc >> bits) & 0xFF));
		}
	}
	for (; i < n; i++)
		if (s[i] != '=' && s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
			return -1;
	return 0;
}

/* Parse a JSONL input line into its id and document. */
static int jsonl_document(struct worker *w, const struct item *it, char **id_out,
			  struct document **doc, struct diag *d)
{
	const struct batch_opts *o = &w->b->o;
	cJSON *root = cJSON_ParseWithLength(it->data, it->len);
	const cJSON *id, *v;
	char num[64];
	int ret = 0;

	if (!root || !cJSON_IsObject(root)) {
		ret = diag_set(d, SG_ECORRUPT, "line %llu: not a JSON object", (unsigned long long)it->lineno);
		goto done;
	}
	id = cJSON_GetObjectItemCaseSensitive(root, "id");
	if (cJSON_IsString(id) && *id->valuestring) {
		*id_out = xstrdup(id->valuestring);
	} else if (cJSON_IsNumber(id)) {
		if (id->valuedouble == (double)(long long)id->valuedouble)
			snprintf(num, sizeof(num), "%lld", (long long)id->valuedouble);
		else
			snprintf(num, sizeof(num), "%.17g", id->valuedouble);
		*id_out = xstrdup(num);
	} else {
		ret = diag_set(d, SG_ECORRUPT, "line %llu: no \"id\" (a string or number)",
			       (unsigned long long)it->lineno);
		goto done;
	}
	if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(root, "text"))) {
		size_t n = strlen(v->valuestring);
		if (n > o->max_size)
			ret = diag_set(d, SG_ETOOBIG, "'%s' is too big: %zu bytes, the limit is %zu (see --max-size)",
				       *id_out, n, o->max_size);
		else if (all_space(v->valuestring, n))
			ret = diag_set(d, SG_EEMPTY, "'%s' is empty", *id_out);
		else
			ret = read_text(doc, v->valuestring, n, *id_out, d);
	} else if (cJSON_IsObject(v = cJSON_GetObjectItemCaseSensitive(root, "resume"))) {
		char *s = cJSON_PrintUnformatted(v);
		if (!s) {
			ret = diag_set(d, SG_ECORRUPT, "line %llu: cannot re-encode \"resume\"",
				       (unsigned long long)it->lineno);
			goto done;
		}
		ret = read_json(doc, s, strlen(s), *id_out, &o->limits, d);
		cJSON_free(s);
	} else if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(root, "content_base64"))) {
		const char *name = opt_str(root, "name");
		buf_truncate(&w->tmp, 0);
		if (base64_decode(&w->tmp, v->valuestring, strlen(v->valuestring)) < 0)
			ret = diag_set(d, SG_ECORRUPT, "'%s': \"content_base64\" is not valid base64", *id_out);
		else if (w->tmp.len > o->max_size)
			ret = diag_set(d, SG_ETOOBIG, "'%s' is too big: %zu bytes, the limit is %zu (see --max-size)",
				       *id_out, w->tmp.len, o->max_size);
		else
			ret = read_document(doc, w->tmp.ptr, w->tmp.len, name ? name : *id_out, &o->limits, d);
	} else {
		ret = diag_set(d, SG_ECORRUPT,
			       "'%s': line %llu has no \"text\", \"resume\" or \"content_base64\"",
			       *id_out, (unsigned long long)it->lineno);
	}
done:
	if (ret < 0 && !*id_out) {
		snprintf(num, sizeof(num), "line %llu", (unsigned long long)it->lineno);
		*id_out = xstrdup(num);
	}
	cJSON_Delete(root);
	return ret;
}

static const char *req_name(const struct ruleset *rs, const struct role_req *q)
{
	return q->name ? q->name : rs->signals[q->members[0]].name;
}

/* The record's score columns from a fit and path choice. */
static void fill_scores(struct batch_record *rec, const struct ruleset *rs, const struct role_fit *f,
			const struct path_choice *pc, int months)
{
	const struct role *role = &rs->roles[f->role];
	size_t k;
	rec->role = role->id;
	rec->score10 = (int)(f->fit * 10 + 0.5);
	rec->cov10 = (int)(f->required_cov * 1000 + 0.5);
	rec->years10 = months > 0 ? (months * 10 + 6) / 12 : 0;
	if (pc->kind == PATH_READY)
		rec->path = "ready";
	else if (rs->npaths)
		rec->path = rs->paths[pc->path].id;
	for (k = 0; k < BATCH_NGAPS && k < f->ngaps; k++)
		rec->gap[k] = req_name(rs, &role->reqs[f->items[f->gaps[k]].req]);
}

static void score_document(struct worker *w, const struct document *doc, struct batch_record *rec)
{
	const struct batch_opts *o = &w->b->o;
	const struct ruleset *rs = o->rs;

	(void)matcher_run(w->m, doc, &w->ev); /* a pattern over the match limit loses that hit only */
	if (o->role >= 0) {
		struct role_fit f;
		struct path_choice pc;
		score_role(&f, rs, (size_t)o->role, &w->ev);
		score_path(&pc, rs, &w->ev, &f);
		fill_scores(rec, rs, &f, &pc, document_experience_months(doc, o->as_of));
		free(pc.reasons);
		role_fit_release(&f);
	} else {
		struct assessment a;
		struct score_opts so;
		so.role = -1;
		so.as_of = o->as_of;
		score_assess(&a, rs, doc, &w->ev, &so);
		if (a.nfits)
			fill_scores(rec, rs, &a.fits[0], &a.path, a.experience_months);
		assessment_release(&a);
	}
	if (doc->contact.name && *doc->contact.name)
		rec->name = xstrdup(doc->contact.name);
}

/* Worker: an ITEM_PATH input is a directory; the producer walks it (see settle()). */
static void hand_back_dir(struct batch *b, const struct item *it)
{
	pthread_mutex_lock(&b->mu);
	b->dirs = xgrow(b->dirs, &b->dirs_cap, b->ndirs + 1, sizeof(*b->dirs));
	b->dirs[b->ndirs].seq = it->seq;
	b->dirs[b->ndirs].path = xstrdup(it->data);
	b->ndirs++;
	pthread_mutex_unlock(&b->mu);
	/* not an input itself: its files are */
	atomic_fetch_sub(&b->queued, 1);
}

static void process(struct worker *w, struct item *it)
{
	struct batch *b = w->b;
	struct diag d = DIAG_INIT;
	struct document *doc = NULL;
	struct batch_record rec;
	int rc = 0;

	memset(&rec, 0, sizeof(rec));
	rec.seq = it->seq;
	switch (it->kind) {
	case ITEM_PATH:
	case ITEM_FILE:
		buf_truncate(&w->in, 0);
		if (it->kind == ITEM_FILE) {
			rc = io_read_file(&w->in, it->data, b->o.max_size, &d);
		} else if ((rc = io_read_input(&w->in, it->data, b->o.max_size, &d)) == IO_DIR) {
			hand_back_dir(b, it);
			w->opened++;
			return;
		}
		rec.id = xstrdup(it->data);
		if (rc == 0)
			rc = read_document(&doc, w->in.ptr, w->in.len, it->data, &b->o.limits, &d);
		break;
	case ITEM_JSONL:
		rc = jsonl_document(w, it, &rec.id, &doc, &d);
		break;
	case ITEM_ERROR:
		rec.id = xstrdup(it->data);
		rc = diag_set(&d, it->code, "%s", it->msg);
		break;
	}
	if (rc == 0 && doc)
		score_document(w, doc, &rec);
	else
		rec.error = error_text(rc ? rc : SG_ECORRUPT, d.msg);
	document_free(doc);
	/* a rare huge input should not pin its buffer for the rest of the run */
	if (w->in.cap > ((size_t)1 << 20))
		buf_release(&w->in);
	if (w->tmp.cap > ((size_t)1 << 20))
		buf_release(&w->tmp);
	results_push(&w->res, &rec);
	if (w->res.n == RESULTS_FLUSH) {
		pthread_mutex_lock(&b->mu);
		results_flush(&b->res, &w->res);
		pthread_mutex_unlock(&b->mu);
	}
	if (it->kind == ITEM_PATH)
		w->opened++;
	if (rec.error)
		atomic_fetch_add(&b->failed, 1);
	atomic_fetch_add(&b->done, 1);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct batch *b = w->b;
	struct item *it = NULL;
	while ((it = queue_pop(w, it)) != NULL)
		process(w, it);
	pthread_mutex_lock(&b->mu);
	results_flush(&b->res, &w->res);
	pthread_mutex_unlock(&b->mu);
	batch_results_release(&w->res);
	evidence_list_release(&w->ev);
	buf_release(&w->in);
	buf_release(&w->tmp);
	matcher_free(w->m);
	free(w);
	return NULL;
}

struct batch *batch_new(const struct batch_opts *o)
{
	struct batch *b = xcalloc(1, sizeof(*b));
	unsigned i;

	b->o = *o;
	if (b->o.threads < 1)
		b->o.threads = 1;
	if (b->o.threads > BATCH_MAX_THREADS)
		b->o.threads = BATCH_MAX_THREADS;
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->not_empty, NULL);
	pthread_cond_init(&b->not_full, NULL);
	pthread_cond_init(&b->opened, NULL);
	b->ring_cap = (size_t)b->o.threads * BATCH_QUEUE_PER_THREAD;
	b->ring = xcalloc(b->ring_cap, sizeof(*b->ring));
	b->threads = xcalloc(b->o.threads, sizeof(*b->threads));
	atomic_init(&b->queued, 0);
	atomic_init(&b->done, 0);
	atomic_init(&b->failed, 0);
	batch_results_init(&b->res);
	for (i = 0; i < b->o.threads; i++) {
		struct worker *w = xcalloc(1, sizeof(*w));
		w->b = b;
		w->m = matcher_new(o->rs);
		if (w->m)
			matcher_set_goal(w->m, o->want, 1);
		buf_init(&w->in);
		buf_init(&w->tmp);
		batch_results_init(&w->res);
		evidence_list_init(&w->ev);
		if (!w->m || pthread_create(&b->threads[i], NULL, worker_main, w) != 0) {
			matcher_free(w->m);
			free(w);
			break;
		}
		b->nthreads++;
	}
	if (b->nthreads < b->o.threads) {
		struct batch_results none;
		batch_results_init(&none);
		batch_finish(b, &none);
		batch_results_release(&none);
		return NULL;
	}
	return b;
}

static void settle(struct batch *b);

void batch_finish(struct batch *b, struct batch_results *out)
{
	unsigned i;

	settle(b);
	pthread_mutex_lock(&b->mu);
	b->closing = 1;
	pthread_cond_broadcast(&b->not_empty);
	pthread_mutex_unlock(&b->mu);
	for (i = 0; i < b->nthreads; i++)
		pthread_join(b->threads[i], NULL);
	results_move(out, &b->res);
	batch_results_sort(out);
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->not_empty);
	pthread_cond_destroy(&b->not_full);
	pthread_cond_destroy(&b->opened);
	while (b->reuse) {
		struct item *next = b->reuse->next;
		free(b->reuse);
		b->reuse = next;
	}
	free(b->spare);
	free(b->dirs);
	free(b->ring);
	free(b->threads);
	free(b->seen);
	free(b);
}

/* ---- directory trees ------------------------------------------------------- */

/* Mark (dev, ino) visited; returns 1 if it already was. */
static int seen_add(struct batch *b, dev_t dev, ino_t ino)
{
	size_t i, h;
	if (b->seen_n * 2 >= b->seen_cap) {
		struct dir_id *old = b->seen;
		size_t oldcap = b->seen_cap;
		b->seen_cap = oldcap ? oldcap * 2 : 64;
		b->seen = xcalloc(b->seen_cap, sizeof(*b->seen));
		b->seen_n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].used)
				(void)seen_add(b, old[i].dev, old[i].ino);
		free(old);
	}
	h = ((size_t)ino * 0x9E3779B97F4A7C15ull ^ (size_t)dev) & (b->seen_cap - 1);
	while (b->seen[h].used) {
		if (b->seen[h].dev == dev && b->seen[h].ino == ino)
			return 1;
		h = (h + 1) & (b->seen_cap - 1);
	}
	b->seen[h].used = 1;
	b->seen[h].dev = dev;
	b->seen[h].ino = ino;
	b->seen_n++;
	return 0;
}

static void walk(struct batch *b, struct buf *path, unsigned depth)
{
	DIR *dir;
	struct dirent *de;
	size_t base = path->len;
	struct diag d = DIAG_INIT;

	if (depth > BATCH_MAX_DEPTH) {
		diag_set(&d, SG_ELIMIT, "'%s': directories nested over %d deep", path->ptr, BATCH_MAX_DEPTH);
		batch_add_error(b, path->ptr, SG_ELIMIT, d.msg);
		return;
	}
	dir = opendir(path->ptr);
	if (!dir) {
		diag_set(&d, SG_EIO, "cannot open directory '%s': %s", path->ptr, strerror(errno));
		batch_add_error(b, path->ptr, SG_EIO, d.msg);
		return;
	}
	/* readdir order is fine: the output is sorted, not the walk */
	while ((de = readdir(dir)) != NULL) {
		struct stat st;
		if (de->d_name[0] == '.')
			continue;
		buf_truncate(path, base);
		if (base && path->ptr[base - 1] != '/')
			buf_putc(path, '/');
		buf_puts(path, de->d_name);
		if (stat(path->ptr, &st) < 0) {
			/* a dangling symlink: let the reader report it */
			add_file(b, path->ptr);
		} else if (S_ISDIR(st.st_mode)) {
			if (!seen_add(b, st.st_dev, st.st_ino))
				walk(b, path, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			add_file(b, path->ptr);
		} else {
			diag_set(&d, SG_EIO, "'%s' is not a regular file", path->ptr);
			batch_add_error(b, path->ptr, SG_EIO, d.msg);
		}
	}
	closedir(dir);
	buf_truncate(path, base);
}

static void walk_tree(struct batch *b, const char *dir)
{
	struct buf path = BUF_INIT;
	struct stat st;
	if (stat(dir, &st) == 0 && seen_add(b, st.st_dev, st.st_ino)) {
		buf_release(&path);
		return;
	}
	buf_puts(&path, dir);
	walk(b, &path, 0);
	buf_release(&path);
}

static int found_dir_cmp(const void *a, const void *b)
{
	const struct found_dir *x = a, *y = b;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Walk the directories found among the batch_add_path() inputs so far,
 * in the order they were added: as if each had been walked when it was
 * added, which keeps b->seen, and so which links are followed, the same
 * for any thread count. Waits until the workers have opened every such
 * input; the producer pushes nothing meanwhile, so they can.
 */
static void settle(struct batch *b)
{
	struct found_dir *dirs;
	size_t n, i;

	pthread_mutex_lock(&b->mu);
	b->producer_settles = 1;
	while (b->unopened > 0)
		pthread_cond_wait(&b->opened, &b->mu);
	b->producer_settles = 0;
	dirs = b->dirs;
	n = b->ndirs;
	b->dirs = NULL;
	b->ndirs = b->dirs_cap = 0;
	pthread_mutex_unlock(&b->mu);
	if (n > 1)
		qsort(dirs, n, sizeof(*dirs), found_dir_cmp);
	for (i = 0; i < n; i++) {
		walk_tree(b, dirs[i].path);
		free(dirs[i].path);
	}
	free(dirs);
}

void batch_add_tree(struct batch *b, const char *dir)
{
	settle(b);
	walk_tree(b, dir);
}
