/*
 * cmd_analyze.c - `skillgap analyze`: one resume -> one report.
 * bytes -> read -> match -> score -> render -> -o/stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"

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
	struct analysis an;
	struct buf out = BUF_INIT;
	const struct renderer *ren;
	const char *file = NULL;
	int rc, ret;

	common_opts_init(&o);
	rc = cli_one_file_args("analyze", argc, argv, &o, &file, " (use 'skillgap score' for many)", help);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc != EXIT_OK)
		return rc;
	ren = renderer_find(o.format ? o.format : "text");
	if (!ren) {
		cli_error("analyze: unknown format '%s' (text, json or md)", o.format);
		return EXIT_USAGE;
	}
	ret = cli_analysis_run(&an, "analyze", file, &o);
	if (ret == EXIT_OK) {
		struct report r;
		struct render_opts ro;
		r.rs = an.rs;
		r.doc = an.doc;
		r.ev = &an.ev;
		r.a = &an.a;
		r.source = file;
		r.as_of_text = an.as_of;
		ro.color = strcmp(ren->name, "text") == 0 && cli_color_stdout(&o);
		ro.redact = o.redact;
		ren->fn(&out, &r, &ro);
		ret = cli_write_output(&o, &out);
	}
	cli_analysis_release(&an);
	buf_release(&out);
	return ret;
}
