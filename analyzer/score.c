/*
 * score.c - the scorer. Input: evidence and the ruleset. Output: an
 * assessment (per-role fit, gaps by impact, entry path); see score.h.
 */
#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

void role_fit_release(struct role_fit *f)
{
	free(f->items);
	free(f->gaps);
	memset(f, 0, sizeof(*f));
}

/* Gap order; a context comparator (not qsort's) so threads can score at once. */
static int cmp_gap(const struct role_fit *f, const struct role *role, size_t a, size_t b)
{
	const struct req_result *x = &f->items[a], *y = &f->items[b];
	enum level lx = role->reqs[x->req].level, ly = role->reqs[y->req].level;
	if (x->gain != y->gain)
		return x->gain > y->gain ? -1 : 1;
	if (lx != ly)
		return lx == LEVEL_REQUIRED ? -1 : 1;
	return x->req < y->req ? -1 : x->req > y->req;
}

void score_role(struct role_fit *out, const struct ruleset *rs, size_t ri,
		const struct evidence_list *ev)
{
	const struct role *role = &rs->roles[ri];
	double share_req;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->role = ri;
	out->items = xcalloc(role->nreqs + 1, sizeof(*out->items));
	out->gaps = xcalloc(role->nreqs + 1, sizeof(size_t));
	out->nitems = role->nreqs;
	for (i = 0; i < role->nreqs; i++) {
		const struct role_req *q = &role->reqs[i];
		size_t k;
		out->items[i].req = i;
		out->items[i].matched_by = -1;
		for (k = 0; k < q->nmembers; k++)
			if (evidence_has(ev, q->members[k])) {
				out->items[i].matched_by = (long)q->members[k];
				break;
			}
		if (q->level == LEVEL_REQUIRED) {
			out->req_total += q->weight;
			out->nreq_all++;
			if (out->items[i].matched_by >= 0) {
				out->req_matched += q->weight;
				out->nreq_met++;
			}
		} else {
			out->pref_total += q->weight;
			if (out->items[i].matched_by >= 0)
				out->pref_matched += q->weight;
		}
	}
	out->required_cov = out->req_total ? (double)out->req_matched / out->req_total : 1.0;
	out->preferred_cov = out->pref_total ? (double)out->pref_matched / out->pref_total : 1.0;
	share_req = out->pref_total ? SHARE_REQUIRED : 1.0;
	if (!out->req_total)
		share_req = 0.0;
	out->fit = 100.0 * (share_req * out->required_cov + (1.0 - share_req) * out->preferred_cov);
	for (i = 0; i < role->nreqs; i++) {
		const struct role_req *q = &role->reqs[i];
		struct req_result *r = &out->items[i];
		if (r->matched_by >= 0)
			continue;
		if (q->level == LEVEL_REQUIRED)
			r->gain = 100.0 * share_req * q->weight / out->req_total;
		else
			r->gain = 100.0 * (1.0 - share_req) * q->weight / out->pref_total;
		out->gaps[out->ngaps++] = i;
	}
	/* insertion sort: a role has a few dozen requirements at most */
	for (i = 1; i < out->ngaps; i++) {
		size_t v = out->gaps[i], j = i;
		while (j > 0 && cmp_gap(out, role, out->gaps[j - 1], v) > 0) {
			out->gaps[j] = out->gaps[j - 1];
			j--;
		}
		out->gaps[j] = v;
	}
}

void score_signals_used(const struct ruleset *rs, long role, unsigned char *used)
{
	size_t r, i, k;

	memset(used, 0, rs->nsignals);
	for (r = 0; r < rs->nroles; r++) {
		if (role >= 0 && r != (size_t)role)
			continue;
		for (i = 0; i < rs->roles[r].nreqs; i++)
			for (k = 0; k < rs->roles[r].reqs[i].nmembers; k++)
				used[rs->roles[r].reqs[i].members[k]] = 1;
	}
	for (r = 0; r < rs->npaths; r++) {
		const struct entry_path *ep = &rs->paths[r];
		for (k = 0; k < ep->nsignals; k++)
			used[ep->signals[k].signal] = 1;
		for (k = 0; k < ep->nrequires_any; k++)
			used[ep->requires_any[k]] = 1;
		for (k = 0; k < ep->nunless_any; k++)
			used[ep->unless_any[k]] = 1;
	}
}

static int cmp_fit(const void *a, const void *b)
{
	const struct role_fit *x = a, *y = b;
	/* compare on the printed precision so ties are real ties */
	long fx = (long)(x->fit * 10 + 0.5), fy = (long)(y->fit * 10 + 0.5);
	if (fx != fy)
		return fx > fy ? -1 : 1;
	return x->role < y->role ? -1 : x->role > y->role;
}

static int any_has(const struct evidence_list *ev, const size_t *ids, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (evidence_has(ev, ids[i]))
			return 1;
	return 0;
}

void score_path(struct path_choice *out, const struct ruleset *rs, const struct evidence_list *ev,
		const struct role_fit *focus)
{
	size_t p, best_any = 0;
	long best = -1;
	unsigned best_strength = 0, best_any_strength = 0;
	int first_any = 1;

	memset(out, 0, sizeof(*out));
	for (p = 0; p < rs->npaths; p++) {
		const struct entry_path *ep = &rs->paths[p];
		unsigned strength = 0;
		size_t k;
		for (k = 0; k < ep->nsignals; k++)
			if (evidence_has(ev, ep->signals[k].signal))
				strength += ep->signals[k].weight;
		if (first_any || strength > best_any_strength) {
			best_any = p;
			best_any_strength = strength;
			first_any = 0;
		}
		if (!any_has(ev, ep->requires_any, ep->nrequires_any) ||
		    any_has(ev, ep->unless_any, ep->nunless_any))
			continue;
		if (best < 0 || strength > best_strength) {
			best = (long)p;
			best_strength = strength;
		}
	}
	out->applicable = best >= 0;
	out->path = best >= 0 ? best : (long)best_any;
	out->strength = best >= 0 ? best_strength : best_any_strength;
	if (rs->npaths) {
		const struct entry_path *ep = &rs->paths[out->path];
		size_t k;
		out->reasons = xcalloc(ep->nsignals + 1, sizeof(size_t));
		for (k = 0; k < ep->nsignals; k++)
			if (evidence_has(ev, ep->signals[k].signal))
				out->reasons[out->nreasons++] = k;
	}
	out->kind = PATH_ENTRY;
	if (focus && focus->fit + 1e-9 >= rs->ready_min_fit &&
	    focus->required_cov + 1e-9 >= rs->ready_min_required)
		out->kind = PATH_READY;
}

void score_assess(struct assessment *out, const struct ruleset *rs, const struct document *doc,
		  const struct evidence_list *ev, const struct score_opts *opts)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->as_of = opts->as_of;
	out->experience_months = document_experience_months(doc, opts->as_of);
	out->fits = xcalloc(rs->nroles + 1, sizeof(*out->fits));
	out->nfits = rs->nroles;
	for (i = 0; i < rs->nroles; i++)
		score_role(&out->fits[i], rs, i, ev);
	qsort(out->fits, out->nfits, sizeof(*out->fits), cmp_fit);
	out->focus = 0;
	if (opts->role >= 0) {
		out->role_forced = 1;
		for (i = 0; i < out->nfits; i++)
			if (out->fits[i].role == (size_t)opts->role)
				out->focus = i;
	}
	for (i = 0; i < rs->nsignals; i++)
		if (evidence_has(ev, i)) {
			if (i < rs->nskills)
				out->nskills_found++;
			else
				out->ncreds_found++;
		}
	score_path(&out->path, rs, ev, out->nfits ? &out->fits[out->focus] : NULL);
}

void assessment_release(struct assessment *a)
{
	size_t i;
	for (i = 0; i < a->nfits; i++)
		role_fit_release(&a->fits[i]);
	free(a->fits);
	free(a->path.reasons);
	memset(a, 0, sizeof(*a));
}
