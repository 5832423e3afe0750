/*
 * cmd_analyze.c - `skillgap analyze`: one resume -> one report.
 * bytes -> read -> match -> score -> render -> -o/stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "io.h"
#include "match.h"
#include "read.h"
#include "render.h"
#include "score.h"

static const char analyze_help[] =
	"usage: skillgap analyze [options] FILE|-\n\n"
	"Read one resume (.txt, .docx, WordprocessingML or JSON; the format is\n"
	"detected from the bytes) and report the fit for every healthcare-AI role,\n"
	"the best-fit role's met requirements with evidence, its gaps by impact,\n"
	"and the recommended entry path.\n\n"
	"Options:\n"
	"      --role ID          focus the report on role ID (see 'skillgap roles')\n"
	"      --format FORMAT    text (default), json or md\n";

static void help(FILE *f)
{
	fputs(analyze_help, f);
	fputs(cli_common_help, f);
	fputs("\n", f);
	fputs(cli_limits_help, f);
	fputs("\nExit codes: 0 ok, 1 unreadable or invalid input, 2 usage, 3 rules, 4 output.\n", f);
}

int cmd_analyze(int argc, char **argv)
{
	struct common_opts o;
	struct ruleset *rs = NULL;
	struct document *doc = NULL;
	struct matcher *m = NULL;
	struct evidence_list ev;
	struct assessment a;
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct diag d = DIAG_INIT;
	const struct renderer *ren;
	const char *file = NULL;
	char as_of[32];
	int i, ret = EXIT_OK, have_a = 0;
	long role = -1;

	common_opts_init(&o);
	evidence_list_init(&ev);
	for (i = 1; i < argc; i++) {
		int rc;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			help(stdout);
			return EXIT_OK;
		}
		rc = cli_common_option(&o, argc, argv, &i);
		if (rc < 0)
			return EXIT_USAGE;
		if (rc)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error("analyze: unknown option '%s' (see 'skillgap analyze --help')", argv[i]);
			return EXIT_USAGE;
		}
		if (file) {
			cli_error("analyze: one FILE at a time (use 'skillgap score' for many)");
			return EXIT_USAGE;
		}
		file = argv[i];
	}
	if (!file) {
		cli_error("analyze: no FILE given (use '-' for standard input)");
		return EXIT_USAGE;
	}
	ren = renderer_find(o.format ? o.format : "text");
	if (!ren) {
		cli_error("analyze: unknown format '%s' (text, json or md)", o.format);
		return EXIT_USAGE;
	}
	if (cli_load_rules(&rs, &o) < 0)
		return EXIT_RULES;
	if (o.role && (role = rules_find_role(rs, o.role)) < 0) {
		size_t k;
		struct buf ids = BUF_INIT;
		for (k = 0; k < rs->nroles; k++)
			buf_printf(&ids, "%s%s", k ? ", " : "", rs->roles[k].id);
		cli_error("analyze: unknown role '%s' (one of: %s)", o.role, ids.ptr);
		buf_release(&ids);
		ret = EXIT_USAGE;
		goto done;
	}
	if (cli_read_input(&in, file, &o, &d) < 0 ||
	    read_document(&doc, in.ptr, in.len, strcmp(file, "-") == 0 ? "(stdin)" : file, &o.limits, &d) < 0) {
		cli_error("%s", d.msg);
		ret = EXIT_INPUT;
		goto done;
	}
	m = matcher_new(rs);
	if (!m) {
		cli_error("out of memory");
		ret = EXIT_INTERNAL;
		goto done;
	}
	if (matcher_run(m, doc, &ev) == SG_ELIMIT)
		cli_error("warning: '%s': a pattern hit the PCRE2 match limit; some evidence may be missing", file);
	{
		struct score_opts so;
		struct report r;
		struct render_opts ro;
		so.role = role;
		so.as_of = o.as_of_month;
		score_assess(&a, rs, doc, &ev, &so);
		have_a = 1;
		snprintf(as_of, sizeof(as_of), "%04d-%02d-%02d", o.as_of_month / 12, o.as_of_month % 12 + 1,
			 o.as_of_day);
		r.rs = rs;
		r.doc = doc;
		r.ev = &ev;
		r.a = &a;
		r.source = file;
		r.as_of_text = as_of;
		ro.color = strcmp(ren->name, "text") == 0 && cli_color_stdout(&o);
		ro.redact = o.redact;
		ren->fn(&out, &r, &ro);
	}
	ret = cli_write_output(&o, &out);
done:
	if (have_a)
		assessment_release(&a);
	evidence_list_release(&ev);
	matcher_free(m);
	document_free(doc);
	rules_free(rs);
	buf_release(&in);
	buf_release(&out);
	return ret;
}
