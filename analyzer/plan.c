/*
 * plan.c - the planner. Input: an assessment, the ruleset and the
 * evidence it came from. Output: a struct plan (ordered, scheduled steps,
 * the entry path's questions and aims); rules in plan.h.
 */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "graph.h"

#define PLAN_MAX_WEEK_ROWS 1040 /* 20 years: the week list stops there */

/* ---- dates ------------------------------------------------------------------ */

/* H. Hinnant's days_from_civil / civil_from_days. */
long plan_days_from_civil(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void plan_civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int plan_date_parse(const char *s, long *days)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i, lim;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return SG_EUSAGE;
	if (s[10] != '\0')
		return SG_EUSAGE;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2999 || m < 1 || m > 12)
		return SG_EUSAGE;
	lim = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
	if (d < 1 || d > lim)
		return SG_EUSAGE;
	*days = plan_days_from_civil(y, m, d);
	return 0;
}

void plan_date_format(char *out, size_t n, long days)
{
	int y, m, d;
	plan_civil_from_days(days, &y, &m, &d);
	snprintf(out, n, "%04d-%02d-%02d", y, m, d);
}

/* ---- ordering ---------------------------------------------------------------- */

/* <0 when a's key goes first. */
static int key_cmp(double ga, int la, size_t ra, double gb, int lb, size_t rb)
{
	if (ga != gb)
		return ga > gb ? -1 : 1;
	if (la != lb)
		return la < lb ? -1 : 1;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return 0;
}

static int step_cmp(const struct plan_step *a, const struct plan_step *b)
{
	int c = key_cmp(a->key_gain, a->key_level, a->key_req, b->key_gain, b->key_level, b->key_req);
	if (c)
		return c;
	return a->skill < b->skill ? -1 : a->skill > b->skill;
}

struct graph {
	size_t n;
	size_t **pre;     /* per step: indexes of the steps it needs */
	size_t *npre;
};

static void graph_release(struct graph *g)
{
	size_t i;
	for (i = 0; i < g->n; i++)
		free(g->pre[i]);
	free(g->pre);
	free(g->npre);
}

/* graph_postorder() edges: the steps a step needs. */
static const size_t *step_edges(const void *g, size_t v, size_t *n)
{
	*n = ((const struct graph *)g)->npre[v];
	return ((const struct graph *)g)->pre[v];
}

/*
 * Depth-first over prerequisite edges: fills `post` (prerequisites before
 * the steps that need them) or names a cycle in d.
 */
static int graph_order(const struct graph *g, const struct plan_step *steps, const struct ruleset *rs,
		       size_t *post, struct diag *d)
{
	size_t *cycle = xmalloc((g->n + 1) * sizeof(size_t)), ncycle = 0, k;
	struct buf cyc = BUF_INIT;
	int ret = 0;

	if (graph_postorder(g->n, step_edges, g, post, cycle, &ncycle)) {
		for (k = 0; k < ncycle; k++)
			buf_printf(&cyc, "%s -> ", rs->signals[steps[cycle[k]].skill].id);
		buf_puts(&cyc, rs->signals[steps[cycle[0]].skill].id);
		ret = diag_set(d, SG_ERULES, "prerequisite cycle: %s", cyc.ptr);
		buf_release(&cyc);
	}
	free(cycle);
	return ret;
}

int plan_order(struct plan_step *steps, size_t n, const struct ruleset *rs, struct diag *d)
{
	struct graph g;
	long *at = xmalloc((rs->nsignals + 1) * sizeof(long));
	size_t *post = xmalloc((n + 1) * sizeof(size_t));
	size_t *left = xcalloc(n + 1, sizeof(size_t));  /* unplaced prerequisites */
	unsigned char *done = xcalloc(n + 1, 1);
	struct plan_step *sorted = xmalloc((n + 1) * sizeof(*sorted));
	size_t i, k, placed;
	int ret = 0;

	g.n = n;
	g.pre = xcalloc(n + 1, sizeof(size_t *));
	g.npre = xcalloc(n + 1, sizeof(size_t));
	for (i = 0; i < rs->nsignals; i++)
		at[i] = -1;
	for (i = 0; i < n; i++)
		at[steps[i].skill] = (long)i;
	for (i = 0; i < n; i++) {
		const struct signal *s = &rs->signals[steps[i].skill];
		g.pre[i] = xmalloc((s->nprereq + 1) * sizeof(size_t));
		for (k = 0; k < s->nprereq; k++)
			if (at[s->prereq[k]] >= 0)
				g.pre[i][g.npre[i]++] = (size_t)at[s->prereq[k]];
	}
	ret = graph_order(&g, steps, rs, post, d);
	if (ret < 0)
		goto done;
	/* dependents come after their prerequisites in `post`: walk it backwards */
	for (i = n; i-- > 0;) {
		const struct plan_step *v = &steps[post[i]];
		for (k = 0; k < g.npre[post[i]]; k++) {
			struct plan_step *p = &steps[g.pre[post[i]][k]];
			if (key_cmp(v->key_gain, v->key_level, v->key_req, p->key_gain, p->key_level,
				    p->key_req) < 0) {
				p->key_gain = v->key_gain;
				p->key_level = v->key_level;
				p->key_req = v->key_req;
			}
		}
	}
	for (i = 0; i < n; i++)
		left[i] = g.npre[i];
	for (placed = 0; placed < n; placed++) {
		long best = -1;
		for (i = 0; i < n; i++)
			if (!done[i] && !left[i] && (best < 0 || step_cmp(&steps[i], &steps[best]) < 0))
				best = (long)i;
		done[best] = 1;
		sorted[placed] = steps[best];
		for (i = 0; i < n; i++)
			for (k = 0; k < g.npre[i]; k++)
				if (g.pre[i][k] == (size_t)best)
					left[i]--;
	}
	memcpy(steps, sorted, n * sizeof(*steps));
done:
	graph_release(&g);
	free(at);
	free(post);
	free(left);
	free(done);
	free(sorted);
	return ret;
}

/* ---- schedule ---------------------------------------------------------------- */

static unsigned long ceil_div(unsigned long a, unsigned long b)
{
	return (a + b - 1) / b;
}

void plan_schedule(struct plan *p, double hours_per_week, long start_day)
{
	unsigned long mpw = (unsigned long)(hours_per_week * 60.0 + 0.5), cum = 0;
	size_t i, w;

	if (!mpw)
		mpw = 1;
	p->hours_per_week = hours_per_week;
	p->minutes_per_week = mpw;
	p->start_day = start_day;
	for (i = 0; i < p->nsteps; i++) {
		struct plan_step *s = &p->steps[i];
		s->start_min = cum;
		cum += (unsigned long)s->effort_hours * 60;
		s->end_min = cum;
		s->start_week = (unsigned)(s->start_min / mpw + 1);
		s->end_week = (unsigned)ceil_div(s->end_min, mpw);
		if (s->end_week < s->start_week)
			s->end_week = s->start_week;
		s->start_day = start_day + (long)(s->start_min * 7 / mpw);
		s->end_day = start_day + (long)ceil_div(s->end_min * 7, mpw) - 1;
		if (s->end_day < s->start_day)
			s->end_day = s->start_day;
	}
	p->total_hours = cum / 60;
	p->total_weeks = (unsigned)ceil_div(cum, mpw);
	p->end_day = p->nsteps ? p->steps[p->nsteps - 1].end_day : start_day - 1;
	p->nweeks = p->total_weeks < PLAN_MAX_WEEK_ROWS ? p->total_weeks : PLAN_MAX_WEEK_ROWS;
	p->weeks = xcalloc(p->nweeks + 1, sizeof(*p->weeks));
	for (w = 0; w < p->nweeks; w++) {
		struct plan_week *wk = &p->weeks[w];
		unsigned long lo = w * mpw, hi = lo + mpw;
		wk->n = (unsigned)w + 1;
		wk->day = start_day + 7 * (long)w;
		wk->parts = xcalloc(p->nsteps + 1, sizeof(*wk->parts));
		for (i = 0; i < p->nsteps; i++) {
			const struct plan_step *s = &p->steps[i];
			unsigned long a = s->start_min > lo ? s->start_min : lo;
			unsigned long b = s->end_min < hi ? s->end_min : hi;
			if (b > a) {
				wk->parts[wk->nparts].step = i;
				wk->parts[wk->nparts++].minutes = b - a;
			}
		}
	}
}

/* ---- building ---------------------------------------------------------------- */

struct builder {
	const struct ruleset *rs;
	const struct evidence_list *ev;
	struct plan *p;
	long *at;        /* signal -> step index, -1 */
	size_t cap;
};

static struct plan_step *add_step(struct builder *b, size_t skill, long req, enum plan_level lvl,
				  unsigned weight, double gain)
{
	struct plan_step *s;
	b->p->steps = xgrow(b->p->steps, &b->cap, b->p->nsteps + 1, sizeof(*s));
	s = &b->p->steps[b->p->nsteps];
	memset(s, 0, sizeof(*s));
	s->skill = skill;
	s->req = req;
	s->level = lvl;
	s->weight = weight;
	s->gain = gain;
	s->effort_hours = b->rs->signals[skill].effort_hours;
	b->at[skill] = (long)b->p->nsteps++;
	return s;
}

/* Add the unmet prerequisites of `skill`, depth first; planned ones stop the walk. */
static void add_prereqs(struct builder *b, size_t skill)
{
	const struct signal *s = &b->rs->signals[skill];
	size_t k;
	for (k = 0; k < s->nprereq; k++) {
		size_t q = s->prereq[k];
		if (evidence_has(b->ev, q) || b->at[q] >= 0)
			continue;
		add_step(b, q, -1, PLAN_PREREQUISITE, 0, 0.0);
		add_prereqs(b, q);
	}
}

static void set_req(struct plan_step *s, const struct role *role, const struct req_result *r)
{
	const struct role_req *q = &role->reqs[r->req];
	s->req = (long)r->req;
	s->level = q->level == LEVEL_REQUIRED ? PLAN_REQUIRED : PLAN_PREFERRED;
	s->weight = q->weight;
	s->gain = r->gain;
}

static void add_group(struct builder *b, const struct role *role, const struct req_result *r)
{
	const struct ruleset *rs = b->rs;
	const struct role_req *q = &role->reqs[r->req];
	long pick = -1;
	size_t k;
	struct plan_step *s;

	/* a member already planned (as a prerequisite) meets the group for free */
	for (k = 0; k < q->nmembers && pick < 0; k++)
		if (q->members[k] < rs->nskills && b->at[q->members[k]] >= 0)
			pick = (long)q->members[k];
	if (pick >= 0) {
		s = &b->p->steps[b->at[pick]];
		if (s->req >= 0)
			return; /* already a step for another requirement */
		set_req(s, role, r);
	} else {
		for (k = 0; k < q->nmembers; k++) {
			size_t m = q->members[k];
			if (m >= rs->nskills)
				continue;
			if (pick < 0 || rs->signals[m].effort_hours < rs->signals[pick].effort_hours)
				pick = (long)m;
		}
		if (pick < 0) {
			b->p->unschedulable[b->p->nunschedulable++] = r->req;
			return;
		}
		s = add_step(b, (size_t)pick, -1, PLAN_PREREQUISITE, 0, 0.0);
		set_req(s, role, r);
	}
	s->alternatives = xcalloc(q->nmembers + 1, sizeof(size_t));
	for (k = 0; k < q->nmembers; k++)
		if (q->members[k] != (size_t)pick && q->members[k] < rs->nskills)
			s->alternatives[s->nalternatives++] = q->members[k];
	add_prereqs(b, (size_t)pick);
}

static void build_steps(struct builder *b, const struct role *role, const struct role_fit *f)
{
	const struct ruleset *rs = b->rs;
	struct plan *p = b->p;
	size_t i, k;

	p->unschedulable = xcalloc(f->ngaps + 1, sizeof(size_t));
	/* plain gaps first, so a gap that is also a prerequisite keeps its level */
	for (i = 0; i < f->ngaps; i++) {
		const struct req_result *r = &f->items[f->gaps[i]];
		const struct role_req *q = &role->reqs[r->req];
		size_t m;
		if (q->nmembers != 1)
			continue;
		m = q->members[0];
		if (m >= rs->nskills) {
			p->unschedulable[p->nunschedulable++] = r->req;
			continue;
		}
		if (b->at[m] >= 0) {
			if (p->steps[b->at[m]].req < 0)
				set_req(&p->steps[b->at[m]], role, r);
			continue;
		}
		set_req(add_step(b, m, -1, PLAN_PREREQUISITE, 0, 0.0), role, r);
	}
	for (i = 0; i < p->nsteps; i++)
		add_prereqs(b, p->steps[i].skill);
	for (i = 0; i < f->ngaps; i++) {
		const struct req_result *r = &f->items[f->gaps[i]];
		if (role->reqs[r->req].nmembers > 1)
			add_group(b, role, r);
	}
	/* credential-only gaps in role order */
	for (i = 1; i < p->nunschedulable; i++) {
		size_t v = p->unschedulable[i], j = i;
		while (j > 0 && p->unschedulable[j - 1] > v) {
			p->unschedulable[j] = p->unschedulable[j - 1];
			j--;
		}
		p->unschedulable[j] = v;
	}
	for (i = 0; i < p->nsteps; i++) {
		struct plan_step *s = &p->steps[i];
		s->key_gain = s->gain;
		s->key_level = (int)s->level;
		s->key_req = s->req >= 0 ? (size_t)s->req : (size_t)-1;
		s->unlocks = xcalloc(p->nsteps + 1, sizeof(size_t));
	}
	for (i = 0; i < p->nsteps; i++) {
		const struct signal *sg = &rs->signals[p->steps[i].skill];
		for (k = 0; k < sg->nprereq; k++) {
			long at = b->at[sg->prereq[k]];
			if (at >= 0) {
				struct plan_step *pre = &p->steps[at];
				pre->unlocks[pre->nunlocks++] = p->steps[i].skill;
			}
		}
	}
}

static void build_questions(struct plan *p, const struct ruleset *rs, const struct role *role,
			    const struct evidence_list *ev, const long *at)
{
	size_t i, k;
	p->questions = xcalloc(role->ninterview + 1, sizeof(*p->questions));
	p->nquestions = role->ninterview;
	for (i = 0; i < role->ninterview; i++) {
		struct plan_question *q = &p->questions[i];
		q->q = &role->interview[i];
		q->probes = xcalloc(q->q->nprobes + 1, sizeof(*q->probes));
		q->nprobes = q->q->nprobes;
		for (k = 0; k < q->nprobes; k++) {
			size_t s = q->q->probes[k];
			q->probes[k].signal = s;
			q->probes[k].gap = !evidence_has(ev, s);
			q->probes[k].planned = s < rs->nsignals && at[s] >= 0;
			q->ngaps += (size_t)q->probes[k].gap;
		}
	}
}

static void build_aims(struct plan *p, const struct ruleset *rs, const struct evidence_list *ev)
{
	size_t i, k;
	p->aims = xcalloc(rs->nuse_cases + 1, sizeof(*p->aims));
	for (i = 0; i < rs->nuse_cases; i++) {
		const struct use_case *u = &rs->use_cases[i];
		struct plan_aim *a = &p->aims[p->naims++];
		a->use_case = i;
		a->matched = xcalloc(u->nskills + 1, sizeof(size_t));
		for (k = 0; k < u->nskills; k++)
			if (evidence_has(ev, u->skills[k]))
				a->matched[a->nmatched++] = u->skills[k];
	}
	/* stable insertion sort by matched count */
	for (i = 1; i < p->naims; i++) {
		struct plan_aim v = p->aims[i];
		size_t j = i;
		while (j > 0 && p->aims[j - 1].nmatched < v.nmatched) {
			p->aims[j] = p->aims[j - 1];
			j--;
		}
		p->aims[j] = v;
	}
	if (p->naims && !p->aims[0].nmatched) {
		p->aims_fallback = 1;
		return;
	}
	while (p->naims && !p->aims[p->naims - 1].nmatched)
		free(p->aims[--p->naims].matched);
}

static void build_groups(struct plan *p, const struct ruleset *rs)
{
	size_t i, g;
	p->groups = xcalloc(rs->nemployers + 1, sizeof(*p->groups));
	for (i = 0; i < rs->nemployers; i++) {
		const char *name = rs->employers[i].group;
		for (g = 0; g < p->ngroups; g++)
			if (strcmp(p->groups[g].group, name) == 0)
				break;
		if (g == p->ngroups) {
			p->groups[g].group = name;
			p->groups[g].employers = xcalloc(rs->nemployers + 1, sizeof(size_t));
			p->ngroups++;
		}
		p->groups[g].employers[p->groups[g].n++] = i;
	}
}

int plan_build(struct plan *out, const struct ruleset *rs, const struct assessment *a,
	       const struct evidence_list *ev, const struct plan_opts *opts, struct diag *d)
{
	struct builder b;
	const struct role_fit *f = &a->fits[a->focus];
	const struct role *role = &rs->roles[f->role];
	size_t i;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	memset(&b, 0, sizeof(b));
	b.rs = rs;
	b.ev = ev;
	b.p = out;
	b.at = xmalloc((rs->nsignals + 1) * sizeof(long));
	for (i = 0; i < rs->nsignals; i++)
		b.at[i] = -1;
	out->fit = a->focus;
	out->role = f->role;
	out->grow_fit = -1;
	if (!f->ngaps) {
		out->no_gaps = 1;
		for (i = 0; i < a->nfits && role->grow_into >= 0; i++)
			if (a->fits[i].role == (size_t)role->grow_into)
				out->grow_fit = (long)i;
	} else {
		build_steps(&b, role, f);
		ret = plan_order(out->steps, out->nsteps, rs, d);
		if (ret < 0)
			goto fail;
		for (i = 0; i < out->nsteps; i++)
			b.at[out->steps[i].skill] = (long)i;
	}
	plan_schedule(out, opts->hours_per_week, opts->start_day);
	build_questions(out, rs, role, ev, b.at);
	build_aims(out, rs, ev);
	build_groups(out, rs);
	free(b.at);
	return 0;
fail:
	free(b.at);
	plan_release(out);
	return ret;
}

void plan_release(struct plan *p)
{
	size_t i;
	for (i = 0; i < p->nsteps; i++) {
		free(p->steps[i].alternatives);
		free(p->steps[i].unlocks);
	}
	free(p->steps);
	free(p->unschedulable);
	for (i = 0; i < p->nweeks; i++)
		free(p->weeks[i].parts);
	free(p->weeks);
	for (i = 0; i < p->nquestions; i++)
		free(p->questions[i].probes);
	free(p->questions);
	for (i = 0; i < p->naims; i++)
		free(p->aims[i].matched);
	free(p->aims);
	for (i = 0; i < p->ngroups; i++)
		free(p->groups[i].employers);
	free(p->groups);
	memset(p, 0, sizeof(*p));
}
