/*
 * cmd_info.c - `skillgap roles` and `skillgap skills`: what the rule set
 * knows, for people choosing --role or extending the rules.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"

static int parse_simple(int argc, char **argv, struct common_opts *o, const char *help)
{
	int i;
	common_opts_init(o);
	for (i = 1; i < argc; i++) {
		int rc;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(help, stdout);
			return 1;
		}
		rc = cli_common_option(o, argc, argv, &i);
		if (rc < 0)
			return -1;
		if (!rc) {
			cli_error("unknown argument '%s'", argv[i]);
			return -1;
		}
	}
	return 0;
}

int cmd_roles(int argc, char **argv)
{
	static const char help[] =
		"usage: skillgap roles [--rules DIR] [--format text|json]\n\n"
		"List the roles of the rule set, one line each: id, title, salary range,\n"
		"and the number of required and preferred skills.\n";
	struct common_opts o;
	struct ruleset *rs;
	struct buf out = BUF_INIT;
	size_t i, k;
	int rc = parse_simple(argc, argv, &o, help), json;

	if (rc)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	json = o.format && strcmp(o.format, "json") == 0;
	if (o.format && !json && strcmp(o.format, "text") != 0) {
		cli_error("roles: unknown format '%s' (text or json)", o.format);
		return EXIT_USAGE;
	}
	if (cli_load_rules(&rs, &o) < 0)
		return EXIT_RULES;
	if (json)
		buf_puts(&out, "[");
	for (i = 0; i < rs->nroles; i++) {
		const struct role *r = &rs->roles[i];
		size_t req = 0, pref = 0;
		for (k = 0; k < r->nreqs; k++)
			if (r->reqs[k].level == LEVEL_REQUIRED)
				req++;
			else
				pref++;
		if (json) {
			buf_puts(&out, i ? ",\n {\"id\":" : "{\"id\":");
			render_json_str(&out, r->id, strlen(r->id));
			buf_puts(&out, ",\"title\":");
			render_json_str(&out, r->title, strlen(r->title));
			buf_printf(&out, ",\"salary_min\":%ld,\"salary_max\":%ld,\"required\":%zu,\"preferred\":%zu}",
				   r->salary_min, r->salary_max, req, pref);
		} else {
			buf_printf(&out, "%-32s %-36s ", r->id, r->title);
			render_salary(&out, r);
			buf_printf(&out, "  %zu required, %zu preferred\n", req, pref);
		}
	}
	if (json)
		buf_puts(&out, "]\n");
	rc = cli_write_output(&o, &out);
	buf_release(&out);
	rules_free(rs);
	return rc;
}

int cmd_skills(int argc, char **argv)
{
	static const char help[] =
		"usage: skillgap skills [--rules DIR]\n\n"
		"Show the catalog: every skill by category (id, name, effort in hours,\n"
		"prerequisites, literal terms), then the credentials by group.\n";
	struct common_opts o;
	struct ruleset *rs;
	struct buf out = BUF_INIT;
	size_t c, i, k;
	int rc = parse_simple(argc, argv, &o, help);

	if (rc)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if (cli_load_rules(&rs, &o) < 0)
		return EXIT_RULES;
	buf_printf(&out, "%zu skills in %zu categories, %zu credentials\n", rs->nskills, rs->ncategories,
		   rs->nsignals - rs->nskills);
	for (c = 0; c < rs->ncategories; c++) {
		buf_printf(&out, "\n%s\n", rs->categories[c].name);
		for (i = 0; i < rs->nskills; i++) {
			const struct signal *s = &rs->signals[i];
			if (strcmp(s->category, rs->categories[c].id) != 0)
				continue;
			buf_printf(&out, "  %-34s %-48s %4uh", s->id, s->name, s->effort_hours);
			if (s->nprereq) {
				buf_puts(&out, "  after ");
				for (k = 0; k < s->nprereq; k++)
					buf_printf(&out, "%s%s", k ? ", " : "", rs->signals[s->prereq[k]].id);
			}
			buf_putc(&out, '\n');
			if (s->nterms) {
				buf_puts(&out, "      terms: ");
				for (k = 0; k < s->nterms; k++)
					buf_printf(&out, "%s%s", k ? "; " : "", s->terms[k]);
				buf_putc(&out, '\n');
			}
		}
	}
	buf_puts(&out, "\nCredentials\n");
	for (i = rs->nskills; i < rs->nsignals; i++)
		buf_printf(&out, "  %-34s %-48s %s\n", rs->signals[i].id, rs->signals[i].name,
			   rs->signals[i].category);
	rc = cli_write_output(&o, &out);
	buf_release(&out);
	rules_free(rs);
	return rc;
}
