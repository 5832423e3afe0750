/*
 * test_plan.c - unit tests of the planner (ordering, cycle rejection,
 * scheduling arithmetic, the no-gap plan) and of the rule-set linter.
 * Input: the small rule set in tests/plan/rules-mini, in-memory graphs,
 * the broken sets in tests/data/rules-bad. Output: pass/fail per case.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "graph.h"
#include "lint.h"
#include "match.h"
#include "plan.h"
#include "read.h"
#include "rules.h"
#include "score.h"
#include "test.h"

#define MINI SRCDIR "/tests/plan/rules-mini"

struct fixture {
	struct ruleset *rs;
	struct document *doc;
	struct evidence_list ev;
	struct assessment a;
	struct plan plan;
};

/* Load the mini rules, read `text`, score for `role` and plan at H hours a week. */
static int fixture_plan(struct fixture *fx, const char *text, const char *role, double h)
{
	struct diag d = DIAG_INIT;
	struct read_limits lim;
	struct matcher *m;
	struct score_opts so;
	struct plan_opts po;

	memset(fx, 0, sizeof(*fx));
	evidence_list_init(&fx->ev);
	if (rules_load_dir(&fx->rs, MINI, &d) < 0) {
		fprintf(stderr, "%s\n", d.msg);
		return -1;
	}
	read_limits_default(&lim);
	if (read_document(&fx->doc, text, strlen(text), "test.txt", &lim, &d) < 0) {
		fprintf(stderr, "%s\n", d.msg);
		return -1;
	}
	m = matcher_new(fx->rs);
	matcher_run(m, fx->doc, &fx->ev);
	matcher_free(m);
	so.role = rules_find_role(fx->rs, role);
	so.as_of = 2026 * 12 + 10;
	score_assess(&fx->a, fx->rs, fx->doc, &fx->ev, &so);
	po.hours_per_week = h;
	CHECK(plan_date_parse("2027-01-04", &po.start_day) == 0);
	if (plan_build(&fx->plan, fx->rs, &fx->a, &fx->ev, &po, &d) < 0) {
		fprintf(stderr, "%s\n", d.msg);
		return -1;
	}
	return 0;
}

static void fixture_release(struct fixture *fx)
{
	plan_release(&fx->plan);
	assessment_release(&fx->a);
	evidence_list_release(&fx->ev);
	document_free(fx->doc);
	rules_free(fx->rs);
}

static const char *step_id(const struct fixture *fx, size_t i)
{
	return i < fx->plan.nsteps ? fx->rs->signals[fx->plan.steps[i].skill].id : "(none)";
}

static struct plan_step *find_step(struct fixture *fx, const char *id)
{
	size_t i;
	for (i = 0; i < fx->plan.nsteps; i++)
		if (strcmp(step_id(fx, i), id) == 0)
			return &fx->plan.steps[i];
	return NULL;
}

static const char gaps_resume[] = "Pat Example\n\nSkills\ntheta, some other things\n";

/*
 * Gaps: gamma (required, 3; needs beta, which needs alpha), delta
 * (required, 2), "Epsilon or Phi" (required, 1; phi is cheaper and needs
 * alpha), eta (preferred, 2; its prerequisite theta is on the resume) and
 * a doctorate (preferred; a credential, not scheduled).
 */
static void test_plan__order_prerequisites(void)
{
	struct fixture fx;
	struct plan_step *s;
	if (fixture_plan(&fx, gaps_resume, "eng", 10) < 0) {
		CHECK(0);
		return;
	}
	CHECK_INT(fx.plan.nsteps, 6);
	CHECK_STR(step_id(&fx, 0), "alpha");
	CHECK_STR(step_id(&fx, 1), "beta");
	CHECK_STR(step_id(&fx, 2), "gamma");
	CHECK_STR(step_id(&fx, 3), "delta");
	CHECK_STR(step_id(&fx, 4), "phi");
	CHECK_STR(step_id(&fx, 5), "eta");
	CHECK(find_step(&fx, "theta") == NULL); /* on the resume: skipped */
	CHECK(find_step(&fx, "epsilon") == NULL); /* the group's dearer member */
	s = find_step(&fx, "alpha");
	CHECK(s && s->level == PLAN_PREREQUISITE && s->req == -1 && s->weight == 0);
	CHECK(s && s->nunlocks == 2);
	s = find_step(&fx, "phi");
	CHECK(s && s->level == PLAN_REQUIRED && s->nalternatives == 1 &&
	      strcmp(fx.rs->signals[s->alternatives[0]].id, "epsilon") == 0);
	s = find_step(&fx, "gamma");
	CHECK(s && s->level == PLAN_REQUIRED && s->weight == 3);
	CHECK_DBL(s ? s->gain : 0, 40.0, 1e-9);
	s = find_step(&fx, "eta");
	CHECK(s && s->level == PLAN_PREFERRED);
	CHECK_INT(fx.plan.nunschedulable, 1);
	/* interview: gamma is a gap (step 3), theta is on the resume */
	CHECK_INT(fx.plan.nquestions, 2);
	CHECK(fx.plan.questions[0].probes[0].gap && fx.plan.questions[0].probes[0].planned);
	CHECK(!fx.plan.questions[0].probes[1].gap);
	/* where to aim: only "Use two" (theta) matches */
	CHECK_INT(fx.plan.naims, 1);
	CHECK_STR(fx.rs->use_cases[fx.plan.aims[0].use_case].id, "u2");
	CHECK_INT(fx.plan.ngroups, 2);
	fixture_release(&fx);
}

/* Exact weeks and days for the mini plan at 10 hours a week from Monday 2027-01-04. */
static void test_plan__schedule_mini(void)
{
	static const struct {
		const char *id;
		unsigned sw, ew;
		const char *sd, *ed;
	} want[] = {
		{ "alpha", 1, 1, "2027-01-04", "2027-01-10" },  /* 0-10 h */
		{ "beta", 2, 3, "2027-01-11", "2027-01-24" },   /* 10-30 h */
		{ "gamma", 4, 4, "2027-01-25", "2027-01-28" },  /* 30-35 h: days 21..24 */
		{ "delta", 4, 5, "2027-01-28", "2027-02-07" },  /* 35-50 h: days 24..34 */
		{ "phi", 6, 6, "2027-02-08", "2027-02-10" },    /* 50-54 h: days 35..37 */
		{ "eta", 6, 6, "2027-02-10", "2027-02-14" },    /* 54-60 h: days 37..41 */
	};
	struct fixture fx;
	size_t i;
	char a[16], b[16];
	if (fixture_plan(&fx, gaps_resume, "eng", 10) < 0) {
		CHECK(0);
		return;
	}
	CHECK_INT(fx.plan.nsteps, 6);
	for (i = 0; i < fx.plan.nsteps && i < 6; i++) {
		const struct plan_step *s = &fx.plan.steps[i];
		CHECK_STR(step_id(&fx, i), want[i].id);
		CHECK_INT(s->start_week, want[i].sw);
		CHECK_INT(s->end_week, want[i].ew);
		plan_date_format(a, sizeof(a), s->start_day);
		plan_date_format(b, sizeof(b), s->end_day);
		CHECK_STR(a, want[i].sd);
		CHECK_STR(b, want[i].ed);
	}
	CHECK_INT(fx.plan.total_hours, 60);
	CHECK_INT(fx.plan.total_weeks, 6);
	CHECK_INT(fx.plan.nweeks, 6);
	plan_date_format(a, sizeof(a), fx.plan.end_day);
	CHECK_STR(a, "2027-02-14");
	/* week 4: gamma 5 h, then delta 5 h */
	CHECK_INT(fx.plan.weeks[3].nparts, 2);
	CHECK_INT(fx.plan.weeks[3].parts[0].minutes, 300);
	CHECK_INT(fx.plan.weeks[3].parts[1].minutes, 300);
	fixture_release(&fx);
}

/* plan_schedule on bare steps: 3 h, 10 h, 7 h at 4 hours a week. */
static void test_plan__schedule_arithmetic(void)
{
	struct plan p;
	struct plan_step steps[3];
	char a[16];
	memset(&p, 0, sizeof(p));
	memset(steps, 0, sizeof(steps));
	steps[0].effort_hours = 3;
	steps[1].effort_hours = 10;
	steps[2].effort_hours = 7;
	p.steps = steps;
	p.nsteps = 3;
	plan_schedule(&p, 4, plan_days_from_civil(2027, 12, 27));
	CHECK_INT(p.minutes_per_week, 240);
	CHECK_INT(steps[0].start_week, 1);
	CHECK_INT(steps[0].end_week, 1);   /* 0-3 h */
	CHECK_INT(steps[1].start_week, 1);
	CHECK_INT(steps[1].end_week, 4);   /* 3-13 h: 13/4 = 3.25 */
	CHECK_INT(steps[2].start_week, 4);
	CHECK_INT(steps[2].end_week, 5);   /* 13-20 h */
	CHECK_INT(p.total_hours, 20);
	CHECK_INT(p.total_weeks, 5);
	/* days: 7 * hours / 4, across the year end */
	plan_date_format(a, sizeof(a), steps[0].end_day);
	CHECK_STR(a, "2028-01-01");       /* days 0..5 */
	plan_date_format(a, sizeof(a), steps[1].start_day);
	CHECK_STR(a, "2028-01-01");       /* day 5 (5.25) */
	plan_date_format(a, sizeof(a), steps[1].end_day);
	CHECK_STR(a, "2028-01-18");       /* ceil(22.75) - 1 = 22 */
	plan_date_format(a, sizeof(a), steps[2].end_day);
	CHECK_STR(a, "2028-01-30");       /* 35 - 1 = 34 */
	CHECK_INT(p.nweeks, 5);
	CHECK_INT(p.weeks[3].nparts, 2);  /* week 4: 12-16 h */
	CHECK_INT(p.weeks[3].parts[0].minutes, 60);
	CHECK_INT(p.weeks[3].parts[1].minutes, 180);
	plan_date_format(a, sizeof(a), p.weeks[4].day);
	CHECK_STR(a, "2028-01-24");
	/* fractional hours are kept in whole minutes: 7.5 h a week */
	{
		size_t i;
		for (i = 0; i < p.nweeks; i++)
			free(p.weeks[i].parts);
		free(p.weeks);
	}
	p.weeks = NULL;
	plan_schedule(&p, 7.5, 0);
	CHECK_INT(p.minutes_per_week, 450);
	CHECK_INT(steps[1].end_week, 2);   /* 13 h / 7.5 = 1.73 */
	CHECK_INT(p.total_weeks, 3);       /* 20 / 7.5 = 2.67 */
	{
		size_t i;
		for (i = 0; i < p.nweeks; i++)
			free(p.weeks[i].parts);
		free(p.weeks);
	}
}

static void test_plan__dates(void)
{
	long d;
	char s[16];
	CHECK(plan_date_parse("2028-02-29", &d) == 0);
	plan_date_format(s, sizeof(s), d + 1);
	CHECK_STR(s, "2028-03-01");
	CHECK(plan_date_parse("2027-02-29", &d) < 0);
	CHECK(plan_date_parse("2027-13-01", &d) < 0);
	CHECK(plan_date_parse("2027-1-01", &d) < 0);
	CHECK(plan_date_parse("2027-01-011", &d) < 0);
	CHECK(plan_date_parse("1900-02-29", &d) < 0);
	CHECK(plan_date_parse("2000-02-29", &d) == 0);
	CHECK_INT(plan_days_from_civil(1970, 1, 1), 0);
	CHECK_INT(plan_days_from_civil(2027, 1, 4), 20822);
}

/* graph_postorder() itself: a small DAG in postorder, then a cycle named from where it starts. */
static const size_t *test_edges(const void *ctx, size_t v, size_t *n)
{
	const size_t(*adj)[3] = ctx; /* row v: count, then up to 2 edges */
	*n = adj[v][0];
	return &adj[v][1];
}

static void test_plan__graph_postorder(void)
{
	/* 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 4 alone */
	size_t adj[5][3] = { { 2, 1, 2 }, { 1, 3, 0 }, { 1, 3, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
	size_t post[5], cycle[5], ncycle = 0, k;
	static const size_t want[5] = { 3, 1, 2, 0, 4 };
	CHECK_INT(graph_postorder(5, test_edges, adj, post, cycle, &ncycle), 0);
	for (k = 0; k < 5; k++)
		CHECK_INT(post[k], want[k]);
	/* 3 -> 1 closes 1 -> 3 -> 1, found from root 0 */
	adj[3][0] = 1;
	adj[3][1] = 1;
	CHECK_INT(graph_postorder(5, test_edges, adj, NULL, cycle, &ncycle), 1);
	CHECK_INT(ncycle, 2);
	CHECK_INT(cycle[0], 1);
	CHECK_INT(cycle[1], 3);
	/* a self-edge */
	adj[3][0] = 0;
	adj[4][0] = 1;
	adj[4][1] = 4;
	CHECK_INT(graph_postorder(5, test_edges, adj, post, cycle, &ncycle), 1);
	CHECK_INT(ncycle, 1);
	CHECK_INT(cycle[0], 4);
}

/* A graph with a cycle, built in memory (the loader would refuse it). */
static void test_plan__order_cycle(void)
{
	static size_t pre_x[] = { 1 }, pre_y[] = { 2 }, pre_z[] = { 0 };
	struct signal sig[4];
	struct ruleset rs;
	struct plan_step steps[4];
	struct diag d = DIAG_INIT;
	size_t i;

	memset(sig, 0, sizeof(sig));
	memset(&rs, 0, sizeof(rs));
	memset(steps, 0, sizeof(steps));
	sig[0].id = "x";
	sig[0].prereq = pre_x;
	sig[0].nprereq = 1;
	sig[1].id = "y";
	sig[1].prereq = pre_y;
	sig[1].nprereq = 1;
	sig[2].id = "z";
	sig[2].prereq = pre_z;
	sig[2].nprereq = 1;
	sig[3].id = "w";
	rs.signals = sig;
	rs.nsignals = rs.nskills = 4;
	for (i = 0; i < 4; i++)
		steps[i].skill = 3 - i; /* w, z, y, x */
	CHECK_INT(plan_order(steps, 4, &rs, &d), SG_ERULES);
	CHECK_STR(d.msg, "prerequisite cycle: z -> x -> y -> z");
	/* without the back edge the same graph orders prerequisites first */
	sig[2].nprereq = 0;
	steps[3].key_gain = 9; /* x: most impact, but it needs y, which needs z */
	CHECK_INT(plan_order(steps, 4, &rs, &d), 0);
	CHECK_INT(steps[0].skill, 2); /* z inherits x's impact */
	CHECK_INT(steps[1].skill, 1);
	CHECK_INT(steps[2].skill, 0);
	CHECK_INT(steps[3].skill, 3);
}

static void test_plan__no_gaps(void)
{
	struct fixture fx;
	const struct role_fit *g;
	if (fixture_plan(&fx, "Sam Example\n\nSkills\nalpha, beta, gamma, delta, epsilon, phi, eta, theta; PhD\n",
			 "eng", 10) < 0) {
		CHECK(0);
		return;
	}
	CHECK(fx.plan.no_gaps);
	CHECK_INT(fx.plan.nsteps, 0);
	CHECK_INT(fx.plan.total_weeks, 0);
	CHECK(fx.plan.grow_fit >= 0);
	if (fx.plan.grow_fit >= 0) {
		g = &fx.a.fits[fx.plan.grow_fit];
		CHECK_STR(fx.rs->roles[g->role].id, "lead");
		CHECK_INT(g->ngaps, 1);
		CHECK_STR(fx.rs->signals[fx.rs->roles[g->role].reqs[g->items[g->gaps[0]].req].members[0]].id, "kappa");
	}
	fixture_release(&fx);
}

/* ---- the linter ---------------------------------------------------------------- */

static int lint_dir(struct lint_report *rep, const char *dir, struct diag *d)
{
	struct rules_file *files;
	size_t n;
	int rc = rules_files_read_dir(&files, &n, dir, d);
	if (rc < 0)
		return rc;
	rc = rules_lint(rep, files, n, "rules-bad", d);
	rules_files_free(files, n);
	return rc;
}

static void test_plan__lint_findings(void)
{
	static const char *const want[] = {
		"rules-bad/skills.json:8:82: skill 'foo-two': term 'foo-bar' is also a term of skill 'foo' (rules-bad/skills.json:6:64)",
		"rules-bad/skills.json:9:66: skill 'deid': term 'deidentification' is matched in full by the terms of skill 'deid-two' (rules-bad/skills.json:10:73)",
		"rules-bad/skills.json:11:86: skill 'loose': pattern 'x*' matches the empty string",
		"rules-bad/skills.json:12:18: skill 'loose': exclude pattern '(?:y)?' matches the empty string",
		"rules-bad/skills.json:13:5: skill 'orphan': no role uses it (not in any role's skills or any_of, nor a prerequisite of a skill a role uses)",
		"rules-bad/credentials.json:3:3: credential 'badge': no role or entry path uses it",
		"rules-bad/roles/helper.json:4:12: role 'helper': no required skill (every entry in 'skills' is preferred)",
	};
	struct lint_report rep;
	struct diag d = DIAG_INIT;
	size_t i;
	CHECK_INT(lint_dir(&rep, SRCDIR "/tests/data/rules-bad/lint", &d), 0);
	CHECK_INT(rep.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < rep.n && i < sizeof(want) / sizeof(want[0]); i++)
		CHECK_STR(rep.items[i].text, want[i]);
	lint_report_release(&rep);
}

static void test_plan__lint_cycle_is_load_error(void)
{
	struct lint_report rep;
	struct diag d = DIAG_INIT;
	CHECK_INT(lint_dir(&rep, SRCDIR "/tests/data/rules-bad/cycle", &d), SG_ERULES);
	CHECK_STR(d.msg, "rules-bad/skills.json:6:5: skill 'one': prerequisite cycle: one -> two -> three -> one");
	lint_report_release(&rep);
}

static void test_plan__lint_mini_clean(void)
{
	struct lint_report rep;
	struct diag d = DIAG_INIT;
	CHECK_INT(lint_dir(&rep, MINI, &d), 0);
	CHECK_INT(rep.n, 0);
	CHECK_INT(rep.nroles, 2);
	lint_report_release(&rep);
}

static void test_plan__lint_embedded_clean(void)
{
	struct lint_report rep;
	struct diag d = DIAG_INIT;
	size_t i;
	CHECK_INT(rules_lint(&rep, rules_embedded, rules_embedded_count, "embedded", &d), 0);
	for (i = 0; i < rep.n; i++)
		fprintf(stderr, "%s\n", rep.items[i].text);
	CHECK_INT(rep.n, 0);
	lint_report_release(&rep);
}

TEST_MAIN(TEST(test_plan__order_prerequisites), TEST(test_plan__schedule_mini),
	  TEST(test_plan__schedule_arithmetic), TEST(test_plan__dates), TEST(test_plan__order_cycle), TEST(test_plan__graph_postorder),
	  TEST(test_plan__no_gaps), TEST(test_plan__lint_findings), TEST(test_plan__lint_cycle_is_load_error),
	  TEST(test_plan__lint_mini_clean), TEST(test_plan__lint_embedded_clean))
