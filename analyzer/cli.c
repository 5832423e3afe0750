/*
 * cli.c - options shared by the subcommands, rule loading and output.
 * Input: argv. Output: struct common_opts, loaded rules, written files.
 */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "document.h"
#include "io.h"

static int color_mode = -1; /* -1 auto, 0 never, 1 always */

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("skillgap: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void common_opts_init(struct common_opts *o)
{
	time_t now = time(NULL);
	struct tm tm;
	memset(o, 0, sizeof(*o));
	localtime_r(&now, &tm);
	o->as_of_month = (tm.tm_year + 1900) * 12 + tm.tm_mon;
	o->as_of_day = tm.tm_mday;
	o->max_size = IO_DEFAULT_MAX_INPUT;
	read_limits_default(&o->limits);
}

const char cli_common_help[] =
	"      --rules DIR        use the rule set in DIR instead of the built-in one\n"
	"                         (default: $SKILLGAP_RULES, else the embedded rules)\n"
	"  -o, --output FILE      write to FILE atomically instead of standard output\n"
	"      --redact           mask names, emails, phone numbers and URLs in the output\n"
	"      --as-of DATE       date (YYYY-MM-DD) that \"Present\" means; default today\n"
	"      --color WHEN       auto (default: only on a terminal, never with NO_COLOR),\n"
	"                         always or never\n"
	"      --max-size BYTES   refuse inputs larger than this (default 16M; K/M/G suffixes)\n";

const char cli_limits_help[] =
	"Safety limits (defaults in parentheses):\n"
	"      --zip-max-entries N       entries in a .docx package (1000)\n"
	"      --zip-max-entry-size N    uncompressed bytes of one entry (64M)\n"
	"      --zip-max-total-size N    uncompressed bytes read from a package (256M)\n"
	"      --zip-max-ratio N         uncompressed/compressed ratio of an entry (200)\n"
	"      --xml-max-depth N         element nesting in WordprocessingML (256)\n"
	"      --json-max-depth N        nesting in JSON input (64)\n";

static int parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;
	errno = 0;
	if (!*s || *s == '-')
		return -1;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || v == 0)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* "--name VALUE" or "--name=VALUE"; returns the value or NULL. */
static const char *opt_value(const char *name, int argc, char **argv, int *i, int *matched)
{
	size_t l = strlen(name);
	const char *a = argv[*i];
	*matched = 0;
	if (strncmp(a, name, l) != 0)
		return NULL;
	if (a[l] == '=') {
		*matched = 1;
		return a + l + 1;
	}
	if (a[l] != '\0')
		return NULL;
	*matched = 1;
	if (*i + 1 >= argc) {
		cli_error("option '%s' needs a value", name);
		return NULL;
	}
	return argv[++*i];
}

int cli_common_option(struct common_opts *o, int argc, char **argv, int *i)
{
	static const struct {
		const char *name;
		int kind; /* 0 string, 1 size, 2 unsigned */
		size_t off;
	} table[] = {
		{ "--as-of", 0, offsetof(struct common_opts, as_of) },
		{ "--color", 0, 0 },
		{ "--format", 0, offsetof(struct common_opts, format) },
		{ "--json-max-depth", 2, offsetof(struct common_opts, limits.json_max_depth) },
		{ "--max-size", 1, offsetof(struct common_opts, max_size) },
		{ "--output", 0, offsetof(struct common_opts, output) },
		{ "--role", 0, offsetof(struct common_opts, role) },
		{ "--rules", 0, offsetof(struct common_opts, rules_dir) },
		{ "--xml-max-depth", 2, offsetof(struct common_opts, limits.xml_max_depth) },
		{ "--zip-max-entries", 1, offsetof(struct common_opts, limits.zip_max_entries) },
		{ "--zip-max-entry-size", 1, offsetof(struct common_opts, limits.zip_max_entry) },
		{ "--zip-max-ratio", 2, offsetof(struct common_opts, limits.zip_max_ratio) },
		{ "--zip-max-total-size", 1, offsetof(struct common_opts, limits.zip_max_total) },
	};
	const char *a = argv[*i];
	size_t k;

	if (strcmp(a, "--redact") == 0) {
		o->redact = 1;
		return 1;
	}
	if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
		o->quiet = 1;
		return 1;
	}
	if (strcmp(a, "-o") == 0) {
		if (*i + 1 >= argc) {
			cli_error("option '-o' needs a file name");
			return -1;
		}
		o->output = argv[++*i];
		return 1;
	}
	for (k = 0; k < sizeof(table) / sizeof(table[0]); k++) {
		int matched;
		const char *v = opt_value(table[k].name, argc, argv, i, &matched);
		char *field = (char *)o + table[k].off;
		if (!matched)
			continue;
		if (!v)
			return -1;
		if (strcmp(table[k].name, "--color") == 0) {
			if (strcmp(v, "auto") == 0)
				color_mode = -1;
			else if (strcmp(v, "always") == 0)
				color_mode = 1;
			else if (strcmp(v, "never") == 0)
				color_mode = 0;
			else {
				cli_error("bad --color '%s': use auto, always or never", v);
				return -1;
			}
			return 1;
		}
		if (table[k].kind == 0) {
			*(const char **)field = v;
			if (strcmp(table[k].name, "--as-of") == 0) {
				o->as_of_month = date_parse_iso(v, &o->as_of_day);
				if (o->as_of_month < 0) {
					cli_error("bad --as-of '%s': use YYYY-MM-DD", v);
					return -1;
				}
			}
		} else {
			size_t n;
			if (parse_size(v, &n) < 0 || (table[k].kind == 2 && n > 1000000)) {
				cli_error("bad %s '%s': give a positive number", table[k].name, v);
				return -1;
			}
			if (table[k].kind == 1)
				*(size_t *)field = n;
			else
				*(unsigned *)field = (unsigned)n;
		}
		return 1;
	}
	return 0;
}

int cli_file_argument(const char *cmd, const char *arg, const char **file, const char *extra)
{
	if (arg[0] == '-' && arg[1] != '\0') {
		cli_error("%s: unknown option '%s' (see 'skillgap %s --help')", cmd, arg, cmd);
		return EXIT_USAGE;
	}
	if (*file) {
		cli_error("%s: one FILE at a time%s", cmd, extra);
		return EXIT_USAGE;
	}
	*file = arg;
	return EXIT_OK;
}

int cli_one_file_args(const char *cmd, int argc, char **argv, struct common_opts *o, const char **file,
		      const char *extra, void (*help)(FILE *))
{
	int i;
	*file = NULL;
	for (i = 1; i < argc; i++) {
		int rc;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			help(stdout);
			return -1;
		}
		rc = cli_common_option(o, argc, argv, &i);
		if (rc < 0)
			return EXIT_USAGE;
		if (rc)
			continue;
		if (cli_file_argument(cmd, argv[i], file, extra) != EXIT_OK)
			return EXIT_USAGE;
	}
	if (!*file) {
		cli_error("%s: no FILE given (use '-' for standard input)", cmd);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int cli_load_rules(struct ruleset **out, const struct common_opts *o)
{
	struct diag d = DIAG_INIT;
	const char *dir = o->rules_dir;
	int rc;
	if (!dir) {
		dir = getenv("SKILLGAP_RULES");
		if (dir && !*dir)
			dir = NULL;
	}
	rc = dir ? rules_load_dir(out, dir, &d) : rules_load_embedded(out, &d);
	if (rc < 0) {
		cli_error("%s", d.msg);
		return -1;
	}
	return 0;
}

int cli_write_output(const struct common_opts *o, const struct buf *out)
{
	struct diag d = DIAG_INIT;
	if (io_write_atomic(o->output ? o->output : "-", out->ptr, out->len, &d) < 0) {
		cli_error("%s", d.msg);
		return EXIT_OUTPUT;
	}
	return EXIT_OK;
}

int cli_read_input(struct buf *out, const char *path, const struct common_opts *o, struct diag *d)
{
	return io_read_file(out, path, o->max_size, d);
}

int cli_color_stdout(const struct common_opts *o)
{
	const char *nc = getenv("NO_COLOR");
	if (color_mode == 0)
		return 0;
	if (color_mode == 1)
		return 1;
	if (o->output && strcmp(o->output, "-") != 0)
		return 0;
	if (nc && *nc)
		return 0;
	return isatty(STDOUT_FILENO);
}

long cli_find_role(const struct ruleset *rs, const char *cmd, const char *id)
{
	long role = rules_find_role(rs, id);
	if (role < 0) {
		struct buf ids = BUF_INIT;
		size_t k;
		for (k = 0; k < rs->nroles; k++)
			buf_printf(&ids, "%s%s", k ? ", " : "", rs->roles[k].id);
		cli_error("%s: unknown role '%s' (one of: %s)", cmd, id, ids.ptr);
		buf_release(&ids);
	}
	return role;
}

int cli_analysis_run(struct analysis *an, const char *cmd, const char *file, const struct common_opts *o)
{
	struct buf in = BUF_INIT;
	struct diag d = DIAG_INIT;
	struct matcher *m = NULL;
	struct score_opts so;
	long role = -1;
	int ret = EXIT_OK;

	memset(an, 0, sizeof(*an));
	evidence_list_init(&an->ev);
	snprintf(an->as_of, sizeof(an->as_of), "%04d-%02d-%02d", o->as_of_month / 12, o->as_of_month % 12 + 1,
		 o->as_of_day);
	if (cli_load_rules(&an->rs, o) < 0)
		return EXIT_RULES;
	if (o->role && (role = cli_find_role(an->rs, cmd, o->role)) < 0)
		return EXIT_USAGE;
	if (cli_read_input(&in, file, o, &d) < 0 ||
	    read_document(&an->doc, in.ptr, in.len, strcmp(file, "-") == 0 ? "(stdin)" : file, &o->limits, &d) < 0) {
		cli_error("%s", d.msg);
		ret = EXIT_INPUT;
		goto done;
	}
	if (!(m = matcher_new(an->rs))) {
		cli_error("out of memory");
		ret = EXIT_INTERNAL;
		goto done;
	}
	if (matcher_run(m, an->doc, &an->ev) == SG_ELIMIT)
		cli_error("warning: '%s': a pattern hit the PCRE2 match limit; some evidence may be missing", file);
	so.role = role;
	so.as_of = o->as_of_month;
	score_assess(&an->a, an->rs, an->doc, &an->ev, &so);
	an->scored = 1;
done:
	matcher_free(m);
	buf_release(&in);
	return ret;
}

void cli_analysis_release(struct analysis *an)
{
	if (an->scored)
		assessment_release(&an->a);
	evidence_list_release(&an->ev);
	document_free(an->doc);
	rules_free(an->rs);
	memset(an, 0, sizeof(*an));
}
