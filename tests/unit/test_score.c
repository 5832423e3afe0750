/* test_score.c - unit tests of the scorer (stage: score) on the mini rule set. */
#include "test.h"

#include "document.h"
#include "match.h"
#include "mini_rules.h"
#include "score.h"

static struct ruleset *rs;

static void assess(struct assessment *a, const char *text, long role)
{
	struct document *doc = document_new(DOC_TEXT);
	struct matcher *m;
	struct evidence_list ev;
	struct score_opts so;
	struct diag d = DIAG_INIT;
	if (!rs) {
		struct rules_file f[MINI_NFILES];
		mini_files(f);
		if (rules_load_files(&rs, f, MINI_NFILES, "t", &d) < 0)
			fprintf(stderr, "%s\n", d.msg);
	}
	m = matcher_new(rs);
	evidence_list_init(&ev);
	document_set_section(doc, SEC_SKILLS);
	document_add_line(doc, text, strlen(text), 0);
	document_finish(doc);
	matcher_run(m, doc, &ev);
	so.role = role;
	so.as_of = 2026 * 12 + 10;
	score_assess(a, rs, doc, &ev, &so);
	evidence_list_release(&ev);
	matcher_free(m);
	document_free(doc);
}

static void test_score__fit_formula(void)
{
	struct assessment a;
	const struct role_fit *f;
	/* alpha (required 3) and gamma (preferred 1): 0.8*3/5 + 0.2*1/2 */
	assess(&a, "alpha skill and gamma", -1);
	f = &a.fits[0];
	CHECK_INT(f->req_matched, 3);
	CHECK_INT(f->req_total, 5);
	CHECK_INT(f->pref_matched, 1);
	CHECK_INT(f->pref_total, 2);
	CHECK_DBL(f->fit, 58.0, 1e-9);
	CHECK_DBL(f->required_cov, 0.6, 1e-9);
	CHECK_INT(f->nreq_met, 1);
	CHECK_INT(f->nreq_all, 2);
	/* gaps: beta (+32.0 = 80*2/5), then the any_of group (+10.0 = 20*1/2) */
	CHECK_INT(f->ngaps, 2);
	if (f->ngaps == 2) {
		CHECK_INT(f->items[f->gaps[0]].req, 1);
		CHECK_DBL(f->items[f->gaps[0]].gain, 32.0, 1e-9);
		CHECK_INT(f->items[f->gaps[1]].req, 3);
		CHECK_DBL(f->items[f->gaps[1]].gain, 10.0, 1e-9);
	}
	assessment_release(&a);
}

static void test_score__any_of_group(void)
{
	struct assessment a;
	assess(&a, "alpha skill, BETA, PhD", -1);
	/* the credential meets the "delta or doctorate" group */
	CHECK_INT(a.fits[0].items[3].matched_by, 4);
	CHECK_DBL(a.fits[0].fit, 90.0, 1e-9);
	assessment_release(&a);
}

static void test_score__ready_now(void)
{
	struct assessment a;
	assess(&a, "alpha skill, BETA, gamma, delta", -1);
	CHECK_DBL(a.fits[0].fit, 100.0, 1e-9);
	CHECK_INT(a.fits[0].ngaps, 0);
	CHECK_INT(a.path.kind, PATH_READY);
	CHECK_STR(rs->paths[a.path.path].id, "1");
	assessment_release(&a);
}

static void test_score__entry_paths(void)
{
	struct assessment a;
	/* tech signals, no nurse: path 1 with both reasons; all required met (fit 80): ready */
	assess(&a, "alpha skill, BETA", -1);
	CHECK_DBL(a.fits[0].fit, 80.0, 1e-9);
	CHECK_INT(a.path.kind, PATH_READY);
	CHECK_STR(rs->paths[a.path.path].id, "1");
	CHECK_INT(a.path.applicable, 1);
	CHECK_INT(a.path.strength, 3);
	CHECK_INT(a.path.nreasons, 2);
	assessment_release(&a);
	/* a nurse with tech signals: path 1 is ruled out by unless_any */
	assess(&a, "RN, alpha skill", -1);
	CHECK_INT(a.path.kind, PATH_ENTRY);
	CHECK_STR(rs->paths[a.path.path].id, "2");
	assessment_release(&a);
	/* a doctorate outweighs one tech signal (3 > 2) */
	assess(&a, "PhD, alpha skill", -1);
	CHECK_STR(rs->paths[a.path.path].id, "3");
	assessment_release(&a);
	/* nothing: no path applies; the closest (first, all zero) is shown */
	assess(&a, "retail cashier", -1);
	CHECK_INT(a.path.applicable, 0);
	CHECK_STR(rs->paths[a.path.path].id, "1");
	CHECK_DBL(a.fits[0].fit, 0.0, 1e-9);
	CHECK_INT(a.nskills_found, 0);
	assessment_release(&a);
}

static void test_score__forced_role(void)
{
	struct assessment a;
	assess(&a, "gamma", 0);
	CHECK_INT(a.role_forced, 1);
	CHECK_INT(a.fits[a.focus].role, 0);
	CHECK_DBL(a.fits[a.focus].fit, 10.0, 1e-9);
	assessment_release(&a);
	rules_free(rs);
	rs = NULL;
}

TEST_MAIN(TEST(test_score__fit_formula), TEST(test_score__any_of_group), TEST(test_score__ready_now),
	  TEST(test_score__entry_paths), TEST(test_score__forced_role))
