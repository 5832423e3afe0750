/*
 * render_plan.c - learning-plan renderers. Input: a plan and the report
 * it came from (struct plan_report). Output: text, a Markdown checklist,
 * JSON (schema in docs/plan.md) or an iCalendar file (RFC 5545), appended
 * to a buffer. Deterministic: no clock is read; dates come from the plan.
 */
#include "render.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "plan.h"

const struct plan_renderer plan_renderers[] = {
	{ "text", render_plan_text },
	{ "md", render_plan_md },
	{ "json", render_plan_json },
	{ "ics", render_plan_ics },
	{ NULL, NULL },
};

const struct plan_renderer *plan_renderer_find(const char *name)
{
	size_t i;
	for (i = 0; plan_renderers[i].name; i++)
		if (strcmp(plan_renderers[i].name, name) == 0)
			return &plan_renderers[i];
	return NULL;
}

/* ---- shared helpers ------------------------------------------------------------ */

struct day {
	char s[16];
};

static struct day day_str(long days)
{
	struct day d;
	plan_date_format(d.s, sizeof(d.s), days);
	return d;
}

static const char *level_name(enum plan_level l)
{
	return l == PLAN_REQUIRED ? "required" : l == PLAN_PREFERRED ? "preferred" : "prerequisite";
}

static const char *sig_name(const struct plan_report *r, size_t s)
{
	return r->rs->signals[s].name;
}

static const struct role *plan_role(const struct plan_report *r)
{
	return &r->rs->roles[r->plan->role];
}

/* Step number (1-based) of a planned skill, 0 if none. */
static size_t step_of(const struct plan *p, size_t skill)
{
	size_t i;
	for (i = 0; i < p->nsteps; i++)
		if (p->steps[i].skill == skill)
			return i + 1;
	return 0;
}

/* Hours to two decimals, no trailing zeros: "10", "7.5", "0.33". */
static void hours(struct buf *out, unsigned long minutes)
{
	unsigned long hundredths = (minutes % 60 * 100 + 30) / 60;
	buf_printf(out, "%lu", minutes / 60 + hundredths / 100);
	hundredths %= 100;
	if (hundredths % 10)
		buf_printf(out, ".%02lu", hundredths);
	else if (hundredths)
		buf_printf(out, ".%lu", hundredths / 10);
}

static void hours_per_week(struct buf *out, const struct plan *p)
{
	hours(out, p->minutes_per_week);
}

/* "week 4" or "weeks 4-6" (sep: "-" or an en dash). */
static void week_span(struct buf *out, const struct plan_step *s, const char *sep)
{
	if (s->start_week == s->end_week)
		buf_printf(out, "week %u", s->start_week);
	else
		buf_printf(out, "weeks %u%s%u", s->start_week, sep, s->end_week);
}

/* "Python, SQL and R" style list of signal names. */
static void name_list(struct buf *out, const struct plan_report *r, const size_t *ids, size_t n)
{
	size_t k;
	for (k = 0; k < n; k++) {
		if (k)
			buf_puts(out, k + 1 == n ? " and " : ", ");
		buf_puts(out, sig_name(r, ids[k]));
	}
}

static const char *path_kind_text(const struct plan_report *r)
{
	return r->a->path.kind == PATH_READY ? "ready now" : "entry path";
}

/* ---- text ------------------------------------------------------------------------- */

static void text_header(struct buf *out, const struct plan_report *r, const struct render_opts *o)
{
	const struct plan *p = r->plan;
	const struct role *role = plan_role(r);
	const struct role_fit *f = &r->a->fits[p->fit];
	const char *name = r->doc->contact.name;

	buf_printf(out, "Learning plan: %s (%s)\n", role->title, role->id);
	buf_puts(out, "Candidate    ");
	if (name)
		render_redacted(out, name, strlen(name), r->doc, o->redact);
	else
		buf_puts(out, "(name not found)");
	buf_puts(out, "\nSource       ");
	render_redacted(out, r->source, strlen(r->source), r->doc, o->redact);
	buf_printf(out, " (as of %s)\n", r->as_of_text);
	buf_printf(out, "Fit now      %.1f (%s); salary ", f->fit,
		   r->a->role_forced ? "role chosen with --role" : "best-fit role");
	render_salary(out, role);
	buf_putc(out, '\n');
	if (p->no_gaps) {
		buf_printf(out, "Schedule     nothing to schedule from %s\n", day_str(p->start_day).s);
		return;
	}
	buf_printf(out, "Schedule     %zu steps, %lu hours at ", p->nsteps, p->total_hours);
	hours_per_week(out, p);
	buf_printf(out, " hours/week: %u weeks, %s to %s\n", p->total_weeks, day_str(p->start_day).s,
		   day_str(p->end_day).s);
}

static void text_steps(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	const struct role *role = plan_role(r);
	size_t i, k;

	buf_puts(out, "\nSteps (prerequisites first, then by impact)\n");
	for (i = 0; i < p->nsteps; i++) {
		const struct plan_step *s = &p->steps[i];
		const struct signal *sg = &r->rs->signals[s->skill];
		buf_printf(out, "%3zu. %s\n     ", i + 1, sg->name);
		if (s->level == PLAN_PREREQUISITE)
			buf_puts(out, "prerequisite");
		else
			buf_printf(out, "%s, weight %u, +%.1f fit", level_name(s->level), s->weight, s->gain);
		buf_printf(out, "; %u h; ", s->effort_hours);
		week_span(out, s, "-");
		buf_printf(out, " (%s to %s)\n", day_str(s->start_day).s, day_str(s->end_day).s);
		if (s->req >= 0 && role->reqs[s->req].name) {
			buf_printf(out, "     meets \"%s\"", role->reqs[s->req].name);
			if (s->nalternatives) {
				buf_puts(out, "; or instead: ");
				name_list(out, r, s->alternatives, s->nalternatives);
			}
			buf_putc(out, '\n');
		}
		if (s->nunlocks) {
			buf_puts(out, "     needed for: ");
			name_list(out, r, s->unlocks, s->nunlocks);
			buf_putc(out, '\n');
		}
		for (k = 0; k < sg->nresources; k++)
			buf_printf(out, "     %s %s <%s>\n", k ? "      " : "learn:", sg->resources[k].title,
				   sg->resources[k].url);
		if (sg->project)
			buf_printf(out, "     show it: %s\n", sg->project);
	}
	if (p->nunschedulable) {
		buf_puts(out, "\nNot scheduled (credentials, not study hours)\n");
		for (i = 0; i < p->nunschedulable; i++) {
			const struct role_req *q = &role->reqs[p->unschedulable[i]];
			buf_printf(out, "  - %s (%s, weight %u)\n", render_req_name(r->rs, q),
				   q->level == LEVEL_REQUIRED ? "required" : "preferred", q->weight);
		}
	}
}

static void text_weeks(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	size_t w, k;

	buf_puts(out, "\nWeek by week (");
	hours_per_week(out, p);
	buf_puts(out, " hours/week)\n");
	for (w = 0; w < p->nweeks; w++) {
		const struct plan_week *wk = &p->weeks[w];
		buf_printf(out, "  week %3u  %s  ", wk->n, day_str(wk->day).s);
		for (k = 0; k < wk->nparts; k++) {
			if (k)
				buf_puts(out, ", ");
			buf_printf(out, "%s ", sig_name(r, p->steps[wk->parts[k].step].skill));
			hours(out, wk->parts[k].minutes);
			buf_putc(out, 'h');
		}
		buf_putc(out, '\n');
	}
	if (p->nweeks < p->total_weeks)
		buf_printf(out, "  (the list stops at week %zu of %u)\n", p->nweeks, p->total_weeks);
}

static void text_no_gaps(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	const struct role *role = plan_role(r);
	size_t k;

	buf_printf(out, "\nNo gaps: every requirement of %s is met.\n", role->title);
	if (p->grow_fit < 0) {
		buf_puts(out, "The rules name no role to grow into from here.\n");
		return;
	}
	{
		const struct role_fit *g = &r->a->fits[p->grow_fit];
		const struct role *next = &r->rs->roles[g->role];
		buf_printf(out, "Next role to grow into: %s (%s), fit %.1f now\n", next->title, next->id, g->fit);
		if (g->ngaps)
			buf_puts(out, "Its top gaps for you:\n");
		for (k = 0; k < g->ngaps && k < PLAN_GROW_GAPS; k++) {
			const struct req_result *q = &g->items[g->gaps[k]];
			const struct role_req *rq = &next->reqs[q->req];
			buf_printf(out, "  - %s (%s, weight %u, +%.1f fit)\n", render_req_name(r->rs, rq),
				   rq->level == LEVEL_REQUIRED ? "required" : "preferred", rq->weight, q->gain);
		}
		buf_printf(out, "For its plan: skillgap plan FILE --role %s\n", next->id);
	}
}

static void text_path(struct buf *out, const struct plan_report *r)
{
	const struct assessment *a = r->a;
	const struct entry_path *ep = &r->rs->paths[a->path.path];
	size_t k;

	buf_printf(out, "\nEntry path: path %s, %s (%s)\n", ep->id, ep->name, ep->for_whom);
	if (a->path.kind == PATH_READY)
		buf_puts(out, "  You are ready now for this role; the path is your background.\n");
	else if (!a->path.applicable)
		buf_puts(out, "  No path's key signals were found; this is the closest match.\n");
	for (k = 0; k < a->path.nreasons; k++)
		buf_printf(out, "  because: %s\n", ep->signals[a->path.reasons[k]].reason);
	for (k = 0; k < ep->nsteps; k++)
		buf_printf(out, "  %zu. %s\n", k + 1, ep->steps[k]);
}

static void probe_text(struct buf *out, const struct plan_report *r, const struct plan_probe *pr)
{
	buf_puts(out, sig_name(r, pr->signal));
	if (pr->planned)
		buf_printf(out, " (gap: step %zu)", step_of(r->plan, pr->signal));
	else if (pr->gap)
		buf_puts(out, " (gap)");
	else
		buf_puts(out, " (on resume)");
}

static void text_interview(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	size_t i, k;

	buf_puts(out, "\nInterview questions\n");
	if (!p->nquestions)
		buf_puts(out, "  (the rules list none for this role)\n");
	for (i = 0; i < p->nquestions; i++) {
		const struct plan_question *q = &p->questions[i];
		buf_printf(out, "  [%s] %s\n", q->q->type, q->q->question);
		if (!q->nprobes)
			continue;
		buf_puts(out, "    probes: ");
		for (k = 0; k < q->nprobes; k++) {
			if (k)
				buf_puts(out, ", ");
			probe_text(out, r, &q->probes[k]);
		}
		buf_putc(out, '\n');
	}
}

static void text_aims(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	size_t i, k;

	buf_puts(out, "\nWhere to aim\n");
	if (p->aims_fallback)
		buf_puts(out, "  No use case matches your evidence yet; all are listed.\n");
	for (i = 0; i < p->naims; i++) {
		const struct plan_aim *a = &p->aims[i];
		const struct use_case *u = &r->rs->use_cases[a->use_case];
		buf_printf(out, "  %s: %zu of %zu skills on your resume", u->name, a->nmatched, u->nskills);
		if (a->nmatched) {
			buf_puts(out, " (");
			name_list(out, r, a->matched, a->nmatched);
			buf_putc(out, ')');
		}
		buf_puts(out, "\n    companies: ");
		for (k = 0; k < u->ncompanies; k++)
			buf_printf(out, "%s%s", k ? ", " : "", u->companies[k]);
		buf_putc(out, '\n');
	}
	if (p->ngroups)
		buf_puts(out, "\nEmployers\n");
	for (i = 0; i < p->ngroups; i++) {
		const struct plan_employer_group *g = &p->groups[i];
		buf_printf(out, "  %s\n", g->group);
		for (k = 0; k < g->n; k++) {
			const struct employer *e = &r->rs->employers[g->employers[k]];
			buf_printf(out, "    - %s: %s\n", e->name, e->focus);
		}
	}
}

void render_plan_text(struct buf *out, const struct plan_report *r, const struct render_opts *o)
{
	text_header(out, r, o);
	if (r->plan->no_gaps) {
		text_no_gaps(out, r);
	} else {
		text_steps(out, r);
		text_weeks(out, r);
	}
	text_path(out, r);
	text_interview(out, r);
	text_aims(out, r);
}

/* ---- Markdown ------------------------------------------------------------------- */

static void md(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("|*_`[]<>\\", *s))
			buf_putc(out, '\\');
		buf_putc(out, *s);
	}
}

static void md_redacted(struct buf *out, const char *s, const struct document *doc, int redact)
{
	struct buf t = BUF_INIT;
	render_redacted(&t, s, strlen(s), doc, redact);
	md(out, t.ptr);
	buf_release(&t);
}

static void md_names(struct buf *out, const struct plan_report *r, const size_t *ids, size_t n)
{
	struct buf t = BUF_INIT;
	name_list(&t, r, ids, n);
	md(out, t.ptr);
	buf_release(&t);
}

static void md_steps(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	const struct role *role = plan_role(r);
	size_t i, k;

	buf_puts(out, "\n## Steps\n\nPrerequisites first, then by impact.\n\n");
	for (i = 0; i < p->nsteps; i++) {
		const struct plan_step *s = &p->steps[i];
		const struct signal *sg = &r->rs->signals[s->skill];
		buf_printf(out, "- [ ] **%zu. ", i + 1);
		md(out, sg->name);
		buf_puts(out, "**: ");
		if (s->level == PLAN_PREREQUISITE)
			buf_puts(out, "prerequisite");
		else
			buf_printf(out, "%s, weight %u, +%.1f fit", level_name(s->level), s->weight, s->gain);
		buf_printf(out, "; %u h; ", s->effort_hours);
		week_span(out, s, "–");
		buf_printf(out, " (%s – %s)\n", day_str(s->start_day).s, day_str(s->end_day).s);
		if (s->req >= 0 && role->reqs[s->req].name) {
			buf_puts(out, "  - Meets “");
			md(out, role->reqs[s->req].name);
			buf_puts(out, "”");
			if (s->nalternatives) {
				buf_puts(out, "; or instead: ");
				md_names(out, r, s->alternatives, s->nalternatives);
			}
			buf_putc(out, '\n');
		}
		if (s->nunlocks) {
			buf_puts(out, "  - Needed for: ");
			md_names(out, r, s->unlocks, s->nunlocks);
			buf_putc(out, '\n');
		}
		for (k = 0; k < sg->nresources; k++) {
			buf_puts(out, "  - Learn: [");
			md(out, sg->resources[k].title);
			buf_printf(out, "](%s)\n", sg->resources[k].url);
		}
		if (sg->project) {
			buf_puts(out, "  - [ ] Portfolio project: ");
			md(out, sg->project);
			buf_putc(out, '\n');
		}
	}
	if (p->nunschedulable) {
		buf_puts(out, "\n### Not scheduled (credentials, not study hours)\n\n");
		for (i = 0; i < p->nunschedulable; i++) {
			const struct role_req *q = &role->reqs[p->unschedulable[i]];
			buf_puts(out, "- ");
			md(out, render_req_name(r->rs, q));
			buf_printf(out, " (%s, weight %u)\n", q->level == LEVEL_REQUIRED ? "required" : "preferred",
				   q->weight);
		}
	}
	buf_puts(out, "\n## Week by week\n\n| Week | Starts | Study |\n|---:|---|---|\n");
	for (i = 0; i < p->nweeks; i++) {
		const struct plan_week *wk = &p->weeks[i];
		buf_printf(out, "| %u | %s | ", wk->n, day_str(wk->day).s);
		for (k = 0; k < wk->nparts; k++) {
			if (k)
				buf_puts(out, ", ");
			md(out, sig_name(r, p->steps[wk->parts[k].step].skill));
			buf_putc(out, ' ');
			hours(out, wk->parts[k].minutes);
			buf_putc(out, 'h');
		}
		buf_puts(out, " |\n");
	}
	if (p->nweeks < p->total_weeks)
		buf_printf(out, "\nThe list stops at week %zu of %u.\n", p->nweeks, p->total_weeks);
}

static void md_no_gaps(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	size_t k;

	buf_puts(out, "\n## No gaps\n\nEvery requirement of ");
	md(out, plan_role(r)->title);
	buf_puts(out, " is met.\n");
	if (p->grow_fit < 0) {
		buf_puts(out, "\nThe rules name no role to grow into from here.\n");
		return;
	}
	{
		const struct role_fit *g = &r->a->fits[p->grow_fit];
		const struct role *next = &r->rs->roles[g->role];
		buf_puts(out, "\n### Next role to grow into: ");
		md(out, next->title);
		buf_printf(out, " (fit %.1f now)\n\n", g->fit);
		for (k = 0; k < g->ngaps && k < PLAN_GROW_GAPS; k++) {
			const struct req_result *q = &g->items[g->gaps[k]];
			const struct role_req *rq = &next->reqs[q->req];
			buf_puts(out, "- [ ] ");
			md(out, render_req_name(r->rs, rq));
			buf_printf(out, " (%s, weight %u, +%.1f fit)\n",
				   rq->level == LEVEL_REQUIRED ? "required" : "preferred", rq->weight, q->gain);
		}
		buf_puts(out, "\nFor its plan: `skillgap plan FILE --role ");
		buf_puts(out, next->id);
		buf_puts(out, "`\n");
	}
}

static void md_rest(struct buf *out, const struct plan_report *r)
{
	const struct plan *p = r->plan;
	const struct assessment *a = r->a;
	const struct entry_path *ep = &r->rs->paths[a->path.path];
	size_t i, k;

	buf_printf(out, "\n## Entry path %s: ", ep->id);
	md(out, ep->name);
	buf_puts(out, "\n\n");
	md(out, ep->for_whom);
	buf_puts(out, ".");
	if (a->path.kind == PATH_READY)
		buf_puts(out, " You are ready now for this role; the path is your background.");
	else if (!a->path.applicable)
		buf_puts(out, " No path's key signals were found; this is the closest match.");
	buf_puts(out, "\n\n");
	for (k = 0; k < a->path.nreasons; k++) {
		buf_puts(out, k ? ", " : "Because: ");
		md(out, ep->signals[a->path.reasons[k]].reason);
		if (k + 1 == a->path.nreasons)
			buf_puts(out, ".\n\n");
	}
	for (k = 0; k < ep->nsteps; k++) {
		buf_puts(out, "- [ ] ");
		md(out, ep->steps[k]);
		buf_putc(out, '\n');
	}

	buf_puts(out, "\n## Interview questions\n\n");
	if (!p->nquestions)
		buf_puts(out, "The rules list none for this role.\n");
	for (i = 0; i < p->nquestions; i++) {
		const struct plan_question *q = &p->questions[i];
		buf_printf(out, "- [ ] *%s*: ", q->q->type);
		md(out, q->q->question);
		buf_putc(out, '\n');
		if (!q->nprobes)
			continue;
		buf_puts(out, "  - Probes: ");
		for (k = 0; k < q->nprobes; k++) {
			struct buf t = BUF_INIT;
			if (k)
				buf_puts(out, ", ");
			probe_text(&t, r, &q->probes[k]);
			if (q->probes[k].gap)
				buf_puts(out, "**");
			md(out, t.ptr);
			if (q->probes[k].gap)
				buf_puts(out, "**");
			buf_release(&t);
		}
		buf_putc(out, '\n');
	}

	buf_puts(out, "\n## Where to aim\n\n");
	if (p->aims_fallback)
		buf_puts(out, "No use case matches your evidence yet; all are listed.\n\n");
	buf_puts(out, "| Use case | Your matching skills | Companies |\n|---|---|---|\n");
	for (i = 0; i < p->naims; i++) {
		const struct plan_aim *am = &p->aims[i];
		const struct use_case *u = &r->rs->use_cases[am->use_case];
		buf_puts(out, "| ");
		md(out, u->name);
		buf_printf(out, " | %zu of %zu", am->nmatched, u->nskills);
		if (am->nmatched) {
			buf_puts(out, ": ");
			md_names(out, r, am->matched, am->nmatched);
		}
		buf_puts(out, " | ");
		for (k = 0; k < u->ncompanies; k++) {
			if (k)
				buf_puts(out, ", ");
			md(out, u->companies[k]);
		}
		buf_puts(out, " |\n");
	}
	if (p->ngroups)
		buf_puts(out, "\n### Employers\n");
	for (i = 0; i < p->ngroups; i++) {
		const struct plan_employer_group *g = &p->groups[i];
		buf_puts(out, "\n**");
		md(out, g->group);
		buf_puts(out, "**\n\n");
		for (k = 0; k < g->n; k++) {
			const struct employer *e = &r->rs->employers[g->employers[k]];
			buf_puts(out, "- ");
			md(out, e->name);
			buf_puts(out, ": ");
			md(out, e->focus);
			buf_putc(out, '\n');
		}
	}
}

void render_plan_md(struct buf *out, const struct plan_report *r, const struct render_opts *o)
{
	const struct plan *p = r->plan;
	const struct role *role = plan_role(r);
	const struct role_fit *f = &r->a->fits[p->fit];
	const char *name = r->doc->contact.name;

	buf_puts(out, "# Learning plan: ");
	md(out, role->title);
	buf_puts(out, "\n\n- **Candidate:** ");
	if (name)
		md_redacted(out, name, r->doc, o->redact);
	else
		buf_puts(out, "(name not found)");
	buf_puts(out, "\n- **Source:** ");
	md_redacted(out, r->source, r->doc, o->redact);
	buf_printf(out, " (as of %s)\n- **Fit now:** %.1f (%s); salary ", r->as_of_text, f->fit,
		   r->a->role_forced ? "role chosen with --role" : "best-fit role");
	render_salary(out, role);
	if (p->no_gaps) {
		buf_puts(out, "\n- **Schedule:** nothing to schedule\n");
	} else {
		buf_printf(out, "\n- **Schedule:** %zu steps, %lu hours at ", p->nsteps, p->total_hours);
		hours_per_week(out, p);
		buf_printf(out, " hours/week = %u weeks, %s – %s\n", p->total_weeks, day_str(p->start_day).s,
			   day_str(p->end_day).s);
	}
	if (p->no_gaps)
		md_no_gaps(out, r);
	else
		md_steps(out, r);
	md_rest(out, r);
}

/* ---- JSON -------------------------------------------------------------------------- */

static void js(struct buf *out, const char *s)
{
	render_json_str(out, s, strlen(s));
}

static void js_redacted(struct buf *out, const char *s, const struct document *doc, int redact)
{
	struct buf t = BUF_INIT;
	render_redacted(&t, s, strlen(s), doc, redact);
	render_json_str(out, t.ptr, t.len);
	buf_release(&t);
}

static void js_ids(struct buf *out, const struct plan_report *r, const size_t *ids, size_t n)
{
	size_t k;
	buf_putc(out, '[');
	for (k = 0; k < n; k++) {
		if (k)
			buf_putc(out, ',');
		js(out, r->rs->signals[ids[k]].id);
	}
	buf_putc(out, ']');
}

static void js_date(struct buf *out, long day)
{
	buf_printf(out, "\"%s\"", day_str(day).s);
}

static void js_hours(struct buf *out, unsigned long minutes)
{
	hours(out, minutes);
}


static void js_step(struct buf *out, const struct plan_report *r, size_t i)
{
	const struct plan_step *s = &r->plan->steps[i];
	const struct signal *sg = &r->rs->signals[s->skill];
	const struct role *role = plan_role(r);
	size_t k;

	buf_printf(out, "{\"n\":%zu,\"skill\":", i + 1);
	js(out, sg->id);
	buf_puts(out, ",\"name\":");
	js(out, sg->name);
	buf_puts(out, ",\"level\":");
	js(out, level_name(s->level));
	buf_puts(out, ",\"requirement\":");
	if (s->req >= 0)
		js(out, render_req_name(r->rs, &role->reqs[s->req]));
	else
		buf_puts(out, "null");
	buf_printf(out, ",\"weight\":%u,\"gain\":%.1f,\"effort_hours\":%u,\"alternatives\":", s->weight, s->gain,
		   s->effort_hours);
	js_ids(out, r, s->alternatives, s->nalternatives);
	buf_puts(out, ",\"prerequisite_for\":");
	js_ids(out, r, s->unlocks, s->nunlocks);
	buf_printf(out, ",\"start_week\":%u,\"end_week\":%u,\"start\":", s->start_week, s->end_week);
	js_date(out, s->start_day);
	buf_puts(out, ",\"end\":");
	js_date(out, s->end_day);
	buf_puts(out, ",\"resources\":[");
	for (k = 0; k < sg->nresources; k++) {
		buf_puts(out, k ? ",{\"title\":" : "{\"title\":");
		js(out, sg->resources[k].title);
		buf_puts(out, ",\"url\":");
		js(out, sg->resources[k].url);
		buf_putc(out, '}');
	}
	buf_puts(out, "],\"project\":");
	if (sg->project)
		js(out, sg->project);
	else
		buf_puts(out, "null");
	buf_putc(out, '}');
}

static void js_gap(struct buf *out, const struct plan_report *r, const struct role *role,
		   const struct req_result *q)
{
	const struct role_req *rq = &role->reqs[q->req];
	buf_puts(out, "{\"requirement\":");
	js(out, render_req_name(r->rs, rq));
	buf_puts(out, ",\"level\":");
	js(out, rq->level == LEVEL_REQUIRED ? "required" : "preferred");
	buf_printf(out, ",\"weight\":%u,\"gain\":%.1f,\"skills\":", rq->weight, q->gain);
	js_ids(out, r, rq->members, rq->nmembers);
	buf_putc(out, '}');
}

void render_plan_json(struct buf *final, const struct plan_report *r, const struct render_opts *o)
{
	struct buf compact = BUF_INIT, *out = &compact;
	const struct plan *p = r->plan;
	const struct ruleset *rs = r->rs;
	const struct assessment *a = r->a;
	const struct role *role = plan_role(r);
	const struct role_fit *f = &a->fits[p->fit];
	const struct entry_path *ep = &rs->paths[a->path.path];
	size_t i, k;

	buf_printf(out, "{\"schema_version\":%d,\"tool\":{\"name\":\"skillgap\",\"version\":", PLAN_SCHEMA_VERSION);
	js(out, SKILLGAP_VERSION);
	buf_puts(out, "},\"source\":");
	js_redacted(out, r->source, r->doc, o->redact);
	buf_puts(out, ",\"as_of\":");
	js(out, r->as_of_text);
	buf_puts(out, ",\"candidate\":");
	if (r->doc->contact.name)
		js_redacted(out, r->doc->contact.name, r->doc, o->redact);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\"role\":{\"id\":");
	js(out, role->id);
	buf_puts(out, ",\"title\":");
	js(out, role->title);
	buf_printf(out, ",\"salary\":{\"min\":%ld,\"max\":%ld,\"currency\":", role->salary_min, role->salary_max);
	js(out, role->currency);
	buf_printf(out, "},\"fit\":%.1f,\"chosen\":", f->fit);
	js(out, a->role_forced ? "option" : "best-fit");
	buf_puts(out, "},\"schedule\":{\"start\":");
	js_date(out, p->start_day);
	buf_puts(out, ",\"hours_per_week\":");
	js_hours(out, p->minutes_per_week);
	buf_printf(out, ",\"total_hours\":%lu,\"total_weeks\":%u,\"end\":", p->total_hours, p->total_weeks);
	if (p->nsteps)
		js_date(out, p->end_day);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\"weeks\":[");
	for (i = 0; i < p->nweeks; i++) {
		const struct plan_week *wk = &p->weeks[i];
		buf_printf(out, "%s{\"week\":%u,\"start\":", i ? "," : "", wk->n);
		js_date(out, wk->day);
		buf_puts(out, ",\"study\":[");
		for (k = 0; k < wk->nparts; k++) {
			buf_printf(out, "%s{\"step\":%zu,\"skill\":", k ? "," : "", wk->parts[k].step + 1);
			js(out, rs->signals[p->steps[wk->parts[k].step].skill].id);
			buf_puts(out, ",\"hours\":");
			js_hours(out, wk->parts[k].minutes);
			buf_putc(out, '}');
		}
		buf_puts(out, "]}");
	}
	buf_printf(out, "],\"weeks_truncated\":%s},\"steps\":[", p->nweeks < p->total_weeks ? "true" : "false");
	for (i = 0; i < p->nsteps; i++) {
		if (i)
			buf_putc(out, ',');
		js_step(out, r, i);
	}
	buf_puts(out, "],\"not_scheduled\":[");
	for (i = 0; i < p->nunschedulable; i++) {
		const struct role_req *q = &role->reqs[p->unschedulable[i]];
		buf_puts(out, i ? ",{\"requirement\":" : "{\"requirement\":");
		js(out, render_req_name(rs, q));
		buf_puts(out, ",\"level\":");
		js(out, q->level == LEVEL_REQUIRED ? "required" : "preferred");
		buf_printf(out, ",\"weight\":%u,\"credentials\":", q->weight);
		js_ids(out, r, q->members, q->nmembers);
		buf_putc(out, '}');
	}
	buf_puts(out, "],\"no_gaps\":");
	if (!p->no_gaps) {
		buf_puts(out, "null");
	} else {
		buf_puts(out, "{\"grow_into\":");
		if (p->grow_fit < 0) {
			buf_puts(out, "null");
		} else {
			const struct role_fit *g = &a->fits[p->grow_fit];
			const struct role *next = &rs->roles[g->role];
			buf_puts(out, "{\"id\":");
			js(out, next->id);
			buf_puts(out, ",\"title\":");
			js(out, next->title);
			buf_printf(out, ",\"fit\":%.1f,\"top_gaps\":[", g->fit);
			for (k = 0; k < g->ngaps && k < PLAN_GROW_GAPS; k++) {
				if (k)
					buf_putc(out, ',');
				js_gap(out, r, next, &g->items[g->gaps[k]]);
			}
			buf_puts(out, "]}");
		}
		buf_putc(out, '}');
	}
	buf_puts(out, ",\"entry_path\":{\"id\":");
	js(out, ep->id);
	buf_puts(out, ",\"name\":");
	js(out, ep->name);
	buf_puts(out, ",\"for\":");
	js(out, ep->for_whom);
	buf_puts(out, ",\"status\":");
	js(out, path_kind_text(r));
	buf_printf(out, ",\"applicable\":%s,\"reasons\":[", a->path.applicable ? "true" : "false");
	for (k = 0; k < a->path.nreasons; k++) {
		if (k)
			buf_putc(out, ',');
		js(out, ep->signals[a->path.reasons[k]].reason);
	}
	buf_puts(out, "],\"steps\":[");
	for (k = 0; k < ep->nsteps; k++) {
		if (k)
			buf_putc(out, ',');
		js(out, ep->steps[k]);
	}
	buf_puts(out, "]},\"interview\":[");
	for (i = 0; i < p->nquestions; i++) {
		const struct plan_question *q = &p->questions[i];
		buf_puts(out, i ? ",{\"type\":" : "{\"type\":");
		js(out, q->q->type);
		buf_puts(out, ",\"question\":");
		js(out, q->q->question);
		buf_puts(out, ",\"probes\":[");
		for (k = 0; k < q->nprobes; k++) {
			const struct plan_probe *pr = &q->probes[k];
			size_t st = step_of(p, pr->signal);
			buf_puts(out, k ? ",{\"skill\":" : "{\"skill\":");
			js(out, rs->signals[pr->signal].id);
			buf_puts(out, ",\"name\":");
			js(out, rs->signals[pr->signal].name);
			buf_printf(out, ",\"gap\":%s,\"step\":", pr->gap ? "true" : "false");
			if (st)
				buf_printf(out, "%zu", st);
			else
				buf_puts(out, "null");
			buf_putc(out, '}');
		}
		buf_putc(out, ']');
		buf_printf(out, ",\"gaps\":%zu}", q->ngaps);
	}
	buf_printf(out, "],\"where_to_aim\":{\"all_listed\":%s,\"use_cases\":[", p->aims_fallback ? "true" : "false");
	for (i = 0; i < p->naims; i++) {
		const struct plan_aim *am = &p->aims[i];
		const struct use_case *u = &rs->use_cases[am->use_case];
		buf_puts(out, i ? ",{\"id\":" : "{\"id\":");
		js(out, u->id);
		buf_puts(out, ",\"name\":");
		js(out, u->name);
		buf_puts(out, ",\"problem\":");
		js(out, u->problem);
		buf_puts(out, ",\"matched\":");
		js_ids(out, r, am->matched, am->nmatched);
		buf_puts(out, ",\"skills\":");
		js_ids(out, r, u->skills, u->nskills);
		buf_puts(out, ",\"companies\":[");
		for (k = 0; k < u->ncompanies; k++) {
			if (k)
				buf_putc(out, ',');
			js(out, u->companies[k]);
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, "],\"employers\":[");
	for (i = 0; i < p->ngroups; i++) {
		const struct plan_employer_group *g = &p->groups[i];
		buf_puts(out, i ? ",{\"group\":" : "{\"group\":");
		js(out, g->group);
		buf_puts(out, ",\"employers\":[");
		for (k = 0; k < g->n; k++) {
			const struct employer *e = &rs->employers[g->employers[k]];
			buf_puts(out, k ? ",{\"name\":" : "{\"name\":");
			js(out, e->name);
			buf_puts(out, ",\"focus\":");
			js(out, e->focus);
			buf_putc(out, '}');
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, "]}}");
	render_json_pretty(final, compact.ptr, compact.len);
	buf_putc(final, '\n');
	buf_release(&compact);
}

/* ---- iCalendar (RFC 5545) ----------------------------------------------------------- */

#define ICS_LINE_OCTETS 75

/*
 * Append one content line, folded so that no line exceeds 75 octets
 * (CRLF not counted): continuation lines begin with one space. A fold
 * never splits a UTF-8 sequence.
 */
static void ics_line(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, room = ICS_LINE_OCTETS;
	while (n - i > room) {
		size_t cut = i + room;
		while (cut > i && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		buf_put(out, s + i, cut - i);
		buf_puts(out, "\r\n ");
		i = cut;
		room = ICS_LINE_OCTETS - 1;
	}
	buf_put(out, s + i, n - i);
	buf_puts(out, "\r\n");
}

static void ics_prop(struct buf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ics_prop(struct buf *out, const char *fmt, ...)
{
	struct buf t = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&t, fmt, ap);
	va_end(ap);
	ics_line(out, t.ptr, t.len);
	buf_release(&t);
}

/* TEXT value escaping: backslash, semicolon, comma and newline. */
static void ics_text(struct buf *out, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' || c == ';' || c == ',')
			buf_putc(out, '\\');
		if (c == '\n') {
			buf_puts(out, "\\n");
			continue;
		}
		if (c == '\r')
			continue;
		buf_putc(out, c);
	}
}

/* NAME:escaped text */
static void ics_text_prop(struct buf *out, const char *name, const char *text, size_t n)
{
	struct buf t = BUF_INIT;
	buf_puts(&t, name);
	buf_putc(&t, ':');
	ics_text(&t, text, n);
	ics_line(out, t.ptr, t.len);
	buf_release(&t);
}

static void ics_date(struct buf *out, const char *name, long day)
{
	int y, m, d;
	plan_civil_from_days(day, &y, &m, &d);
	ics_prop(out, "%s;VALUE=DATE:%04d%02d%02d", name, y, m, d);
}

/*
 * One all-day event. DTSTAMP is required by RFC 5545; to keep output
 * reproducible it is the plan's start date at 00:00:00 UTC, never the
 * clock (docs/plan.md says so too).
 */
static void ics_event(struct buf *out, const struct plan_report *r, const char *uid, long first, long last,
		      const char *summary, const char *desc)
{
	int y, m, d;
	plan_civil_from_days(r->plan->start_day, &y, &m, &d);
	buf_puts(out, "BEGIN:VEVENT\r\n");
	ics_prop(out, "UID:%s", uid);
	ics_prop(out, "DTSTAMP:%04d%02d%02dT000000Z", y, m, d);
	ics_date(out, "DTSTART", first);
	ics_date(out, "DTEND", last + 1);
	ics_text_prop(out, "SUMMARY", summary, strlen(summary));
	ics_text_prop(out, "DESCRIPTION", desc, strlen(desc));
	buf_puts(out, "TRANSP:TRANSPARENT\r\n");
	buf_puts(out, "END:VEVENT\r\n");
}

static void ics_step(struct buf *out, const struct plan_report *r, size_t i)
{
	const struct plan *p = r->plan;
	const struct plan_step *s = &p->steps[i];
	const struct signal *sg = &r->rs->signals[s->skill];
	const struct role *role = plan_role(r);
	struct buf uid = BUF_INIT, sum = BUF_INIT, desc = BUF_INIT;
	size_t k;

	buf_printf(&uid, "%s-%s-%zu@skillgap", role->id, sg->id, i + 1);
	buf_printf(&sum, "Step %zu/%zu: %s (%s, %u h)", i + 1, p->nsteps, sg->name, level_name(s->level),
		   s->effort_hours);
	buf_printf(&desc, "Learn %s for %s", sg->name, role->title);
	if (s->level == PLAN_PREREQUISITE)
		buf_puts(&desc, " (a prerequisite)");
	else
		buf_printf(&desc, " (%s, weight %u, +%.1f fit points)", level_name(s->level), s->weight, s->gain);
	buf_puts(&desc, ". ");
	{
		size_t at = desc.len;
		week_span(&desc, s, "-");
		desc.ptr[at] = 'W';
	}
	buf_puts(&desc, " at ");
	hours(&desc, p->minutes_per_week);
	buf_puts(&desc, " hours a week.");
	if (s->nalternatives) {
		buf_puts(&desc, "\nOr instead: ");
		name_list(&desc, r, s->alternatives, s->nalternatives);
		buf_putc(&desc, '.');
	}
	if (s->nunlocks) {
		buf_puts(&desc, "\nNeeded for: ");
		name_list(&desc, r, s->unlocks, s->nunlocks);
		buf_putc(&desc, '.');
	}
	for (k = 0; k < sg->nresources; k++)
		buf_printf(&desc, "\nResource: %s <%s>", sg->resources[k].title, sg->resources[k].url);
	if (sg->project)
		buf_printf(&desc, "\nPortfolio project: %s", sg->project);
	ics_event(out, r, uid.ptr, s->start_day, s->end_day, sum.ptr, desc.ptr);
	buf_release(&uid);
	buf_release(&sum);
	buf_release(&desc);
}

void render_plan_ics(struct buf *out, const struct plan_report *r, const struct render_opts *o)
{
	const struct plan *p = r->plan;
	const struct role *role = plan_role(r);
	struct buf uid = BUF_INIT, sum = BUF_INIT, desc = BUF_INIT;
	size_t i;

	(void)o; /* no personal data goes into the calendar */
	buf_puts(out, "BEGIN:VCALENDAR\r\n");
	buf_puts(out, "VERSION:2.0\r\n");
	buf_puts(out, "PRODID:-//skillgap//learning plan//EN\r\n");
	buf_puts(out, "CALSCALE:GREGORIAN\r\n");
	buf_puts(out, "METHOD:PUBLISH\r\n");
	buf_printf(&sum, "skillgap plan: %s", role->title);
	ics_text_prop(out, "X-WR-CALNAME", sum.ptr, sum.len);
	buf_truncate(&sum, 0);
	for (i = 0; i < p->nsteps; i++)
		ics_step(out, r, i);
	if (p->no_gaps) {
		buf_printf(&uid, "%s-no-gaps-1@skillgap", role->id);
		buf_printf(&sum, "No gaps for %s", role->title);
		buf_printf(&desc, "Every requirement of %s is met.", role->title);
		if (p->grow_fit >= 0) {
			const struct role_fit *g = &r->a->fits[p->grow_fit];
			buf_printf(&desc, "\nNext role to grow into: %s (fit %.1f now). For its plan: skillgap plan FILE --role %s",
				   r->rs->roles[g->role].title, g->fit, r->rs->roles[g->role].id);
		}
		ics_event(out, r, uid.ptr, p->start_day, p->start_day, sum.ptr, desc.ptr);
	} else {
		buf_printf(&uid, "%s-finish-%zu@skillgap", role->id, p->nsteps + 1);
		buf_printf(&sum, "Plan complete: %s", role->title);
		buf_printf(&desc, "All %zu steps done: %lu hours in %u weeks at ", p->nsteps, p->total_hours,
			   p->total_weeks);
		hours(&desc, p->minutes_per_week);
		buf_printf(&desc, " hours a week. Target healthcare-AI employers for %s.", role->title);
		for (i = 0; i < p->nunschedulable; i++)
			buf_printf(&desc, "\nNot scheduled (a credential): %s.",
				   render_req_name(r->rs, &role->reqs[p->unschedulable[i]]));
		ics_event(out, r, uid.ptr, p->end_day, p->end_day, sum.ptr, desc.ptr);
	}
	buf_puts(out, "END:VCALENDAR\r\n");
	buf_release(&uid);
	buf_release(&sum);
	buf_release(&desc);
}
