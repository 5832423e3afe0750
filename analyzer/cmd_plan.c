/*
 * cmd_plan.c - `skillgap plan`: one resume -> a learning plan.
 * bytes -> read -> match -> score -> plan -> render (text|md|json|ics) -> -o/stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "match.h"
#include "plan.h"
#include "read.h"
#include "render.h"
#include "score.h"

static const char plan_help[] =
	"usage: skillgap plan [options] FILE|-\n\n"
	"Turn a role's gaps into an ordered, scheduled learning plan: each missing\n"
	"skill with its effort, free resources and a portfolio project, unmet\n"
	"prerequisites first, then by impact (required before preferred); a\n"
	"week-by-week schedule; the entry path with its steps; the role's interview\n"
	"questions with the gaps they probe; and where to aim (use cases and\n"
	"companies that match the resume). A resume with no gaps for the role gets\n"
	"a plan that says so and names the next role to grow into.\n\n"
	"Options:\n"
	"      --role ID          plan for role ID (see 'skillgap roles'); default: the\n"
	"                         best-fit role for this resume\n"
	"      --hours-per-week H study hours a week, a number above 0 and at most 168\n"
	"                         (default 10)\n"
	"      --start DATE       first day of the plan, YYYY-MM-DD (default: the --as-of\n"
	"                         date, else today); week 1 starts on this day\n"
	"      --format FORMAT    text (default), md (a checklist), json (schema in\n"
	"                         docs/plan.md) or ics (iCalendar milestones, RFC 5545)\n";

static void help(FILE *f)
{
	fputs(plan_help, f);
	fputs(cli_common_help, f);
	fputs("\n", f);
	fputs(cli_limits_help, f);
	fputs("\nExit codes: 0 ok, 1 unreadable or invalid input, 2 usage, 3 rules, 4 output.\n", f);
}

/* A plain decimal number of hours in (0, PLAN_MAX_HOURS]. */
static int parse_hours(const char *s, double *out)
{
	char *end;
	size_t i, dots = 0;
	double v;
	if (!*s)
		return -1;
	for (i = 0; s[i]; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] < '0' || s[i] > '9')
			return -1;
	}
	if (dots > 1 || strcmp(s, ".") == 0)
		return -1;
	v = strtod(s, &end);
	if (*end || !(v > 0) || v > PLAN_MAX_HOURS)
		return -1;
	*out = v;
	return 0;
}

/* "--name VALUE" or "--name=VALUE" at argv[*i]; NULL if not this option. */
static const char *own_option(const char *name, int argc, char **argv, int *i, int *bad)
{
	size_t l = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, l) != 0)
		return NULL;
	if (a[l] == '=')
		return a + l + 1;
	if (a[l] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		cli_error("plan: option '%s' needs a value", name);
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

int cmd_plan(int argc, char **argv)
{
	struct common_opts o;
	struct analysis an;
	struct plan plan;
	struct plan_opts po;
	struct buf out = BUF_INIT;
	struct diag d = DIAG_INIT;
	const struct plan_renderer *ren;
	const char *file = NULL, *start = NULL;
	int i, ret, have_plan = 0;

	common_opts_init(&o);
	po.hours_per_week = PLAN_DEFAULT_HOURS;
	for (i = 1; i < argc; i++) {
		int rc, bad = 0;
		const char *v;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			help(stdout);
			return EXIT_OK;
		}
		if ((v = own_option("--hours-per-week", argc, argv, &i, &bad)) || bad) {
			if (bad)
				return EXIT_USAGE;
			if (parse_hours(v, &po.hours_per_week) < 0) {
				cli_error("plan: bad --hours-per-week '%s': give a number of hours above 0 and at most %d",
					  v, PLAN_MAX_HOURS);
				return EXIT_USAGE;
			}
			continue;
		}
		if ((v = own_option("--start", argc, argv, &i, &bad)) || bad) {
			if (bad)
				return EXIT_USAGE;
			if (plan_date_parse(v, &po.start_day) < 0) {
				cli_error("plan: bad --start '%s': give a calendar date as YYYY-MM-DD", v);
				return EXIT_USAGE;
			}
			start = v;
			continue;
		}
		rc = cli_common_option(&o, argc, argv, &i);
		if (rc < 0)
			return EXIT_USAGE;
		if (rc)
			continue;
		if (cli_file_argument("plan", argv[i], &file, "") != EXIT_OK)
			return EXIT_USAGE;
	}
	if (!file) {
		cli_error("plan: no FILE given (use '-' for standard input)");
		return EXIT_USAGE;
	}
	ren = plan_renderer_find(o.format ? o.format : "text");
	if (!ren) {
		cli_error("plan: unknown format '%s' (text, md, json or ics)", o.format);
		return EXIT_USAGE;
	}
	if (!start)
		po.start_day = plan_days_from_civil(o.as_of_month / 12, o.as_of_month % 12 + 1, o.as_of_day);
	ret = cli_analysis_run(&an, "plan", file, &o);
	if (ret != EXIT_OK)
		goto done;
	{
		struct plan_report r;
		struct render_opts ro;
		if (plan_build(&plan, an.rs, &an.a, &an.ev, &po, &d) < 0) {
			cli_error("%s: %s", an.rs->origin, d.msg);
			ret = EXIT_RULES;
			goto done;
		}
		have_plan = 1;
		r.rs = an.rs;
		r.doc = an.doc;
		r.ev = &an.ev;
		r.a = &an.a;
		r.plan = &plan;
		r.source = file;
		r.as_of_text = an.as_of;
		ro.color = 0;
		ro.redact = o.redact;
		ren->fn(&out, &r, &ro);
	}
	ret = cli_write_output(&o, &out);
done:
	if (have_plan)
		plan_release(&plan);
	cli_analysis_release(&an);
	buf_release(&out);
	return ret;
}
