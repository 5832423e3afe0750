/*
 * cmd_rules.c - `skillgap rules check [DIR]`: lint a rule set.
 * DIR | --rules | $SKILLGAP_RULES | embedded -> rules_lint() -> findings on stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lint.h"

static const char rules_help[] =
	"usage: skillgap rules check [options] [DIR]\n\n"
	"Lint a rule set: the directory DIR, else --rules DIR, else $SKILLGAP_RULES,\n"
	"else the rules built into skillgap. Runs every check the loader runs (a set\n"
	"that does not load is reported with the loader's message and exit code 3),\n"
	"then reports:\n"
	"  - skills no role uses (neither in a role's skills or any_of, nor a\n"
	"    prerequisite of a skill a role uses), and credentials no role or entry\n"
	"    path uses\n"
	"  - roles with no required skill\n"
	"  - a term shadowed by another skill's term: the same term in two skills\n"
	"    (ignoring case, spaces and hyphens), or a term another skill's terms\n"
	"    pattern matches in full\n"
	"  - patterns that match the empty string\n"
	"Prerequisite cycles are load errors and name the cycle.\n\n"
	"Each finding is printed to standard output as FILE:LINE:COL: message;\n"
	"a summary goes to standard error (not with -q).\n\n"
	"Options:\n"
	"      --rules DIR        the rule set to check when no DIR is given\n"
	"  -q, --quiet            no summary line\n\n"
	"Exit codes: 0 the set is clean, 2 usage, 3 the set does not load or has\n"
	"findings, 4 output.\n";

int cmd_rules(int argc, char **argv)
{
	struct common_opts o;
	struct lint_report rep;
	struct rules_file *files = NULL;
	size_t nfiles = 0, i;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	const char *dir = NULL;
	int k, ret = EXIT_OK, rc;

	common_opts_init(&o);
	lint_report_init(&rep);
	if (argc < 2) {
		cli_error("rules: no subcommand (use 'skillgap rules check [DIR]')");
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(rules_help, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "check") != 0) {
		cli_error("rules: unknown subcommand '%s' (use 'skillgap rules check [DIR]')", argv[1]);
		return EXIT_USAGE;
	}
	for (k = 2; k < argc; k++) {
		if (strcmp(argv[k], "-h") == 0 || strcmp(argv[k], "--help") == 0) {
			fputs(rules_help, stdout);
			return EXIT_OK;
		}
		rc = cli_common_option(&o, argc, argv, &k);
		if (rc < 0)
			return EXIT_USAGE;
		if (rc)
			continue;
		if (argv[k][0] == '-' && argv[k][1] != '\0') {
			cli_error("rules check: unknown option '%s' (see 'skillgap rules --help')", argv[k]);
			return EXIT_USAGE;
		}
		if (dir) {
			cli_error("rules check: one DIR at a time");
			return EXIT_USAGE;
		}
		dir = argv[k];
	}
	if (!dir)
		dir = o.rules_dir;
	if (!dir) {
		dir = getenv("SKILLGAP_RULES");
		if (dir && !*dir)
			dir = NULL;
	}
	if (dir) {
		/* "rules/" and "rules" name the same set in messages */
		char *clean = xstrdup(dir);
		size_t l = strlen(clean);
		while (l > 1 && clean[l - 1] == '/')
			clean[--l] = '\0';
		if (rules_files_read_dir(&files, &nfiles, clean, &d) < 0 ||
		    rules_lint(&rep, files, nfiles, clean, &d) < 0) {
			cli_error("%s", d.msg);
			ret = EXIT_RULES;
		}
		free(clean);
	} else if (rules_lint(&rep, rules_embedded, rules_embedded_count, "embedded", &d) < 0) {
		cli_error("%s", d.msg);
		ret = EXIT_RULES;
	}
	if (ret != EXIT_OK)
		goto done;
	for (i = 0; i < rep.n; i++) {
		buf_puts(&out, rep.items[i].text);
		buf_putc(&out, '\n');
	}
	ret = cli_write_output(&o, &out);
	if (ret != EXIT_OK)
		goto done;
	if (!o.quiet) {
		if (rep.n)
			cli_error("rules check: %zu finding%s", rep.n, rep.n == 1 ? "" : "s");
		else
			cli_error("rules check: clean (%zu skills, %zu credential%s, %zu role%s)", rep.nskills,
				  rep.ncredentials, rep.ncredentials == 1 ? "" : "s", rep.nroles, rep.nroles == 1 ? "" : "s");
	}
	if (rep.n)
		ret = EXIT_RULES;
done:
	lint_report_release(&rep);
	rules_files_free(files, nfiles);
	buf_release(&out);
	return ret;
}
