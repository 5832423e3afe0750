/*
 * cli.h - the command layer: argv -> options -> run -> exit code.
 *
 * Only this layer (main.c, cli.c, cmd_*.c) touches argv, FILE * and exit
 * codes. Each subcommand is `int cmd_<name>(int argc, char **argv)` in
 * cmd_<name>.c, listed in main.c's command table, and returns an
 * `enum exit_code`.
 */
#ifndef SKILLGAP_CLI_H
#define SKILLGAP_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "document.h"
#include "match.h"
#include "read.h"
#include "rules.h"
#include "score.h"

enum exit_code {
	EXIT_OK = 0,       /* success */
	EXIT_INPUT = 1,    /* an input could not be read or parsed (batch: any input failed) */
	EXIT_USAGE = 2,    /* bad command line: unknown option, bad --role, bad value */
	EXIT_RULES = 3,    /* the rule set failed to load or `rules check` found problems */
	EXIT_OUTPUT = 4,   /* the output could not be written */
	EXIT_INTERNAL = 70 /* out of memory or an internal error */
};

/* Options shared by commands that read resumes; filled by cli_parse_common. */
struct common_opts {
	const char *rules_dir;      /* --rules DIR, else $SKILLGAP_RULES, else embedded */
	const char *output;         /* -o FILE, NULL = stdout */
	const char *format;         /* --format NAME, NULL = command default */
	const char *role;           /* --role ID */
	const char *as_of;          /* --as-of YYYY-MM-DD */
	int as_of_month;            /* parsed --as-of (month index); today by default */
	int as_of_day;
	size_t max_size;            /* --max-size BYTES (default 16 MiB) */
	struct read_limits limits;  /* --zip-max-*, --xml-max-depth, --json-max-depth */
	int redact;                 /* --redact */
	int quiet;                  /* -q, --quiet */
};

void common_opts_init(struct common_opts *o);

/*
 * Try to consume a shared option at argv[*i] (with its value, as
 * "--opt VALUE" or "--opt=VALUE"). Returns 1 if consumed (and advances
 * *i past the value), 0 if not a shared option, -1 on a bad value
 * (message already printed).
 */
int cli_common_option(struct common_opts *o, int argc, char **argv, int *i);
/*
 * A command's one FILE argument (or an unknown option) at `arg`: stores
 * it in *file, or prints why not ("CMD: unknown option", "CMD: one FILE
 * at a time") and returns EXIT_USAGE. `extra` is appended to the
 * one-file message (may be "").
 */
int cli_file_argument(const char *cmd, const char *arg, const char **file, const char *extra);
/*
 * The whole command line of a command that takes the shared options and
 * one FILE: -h/--help prints `help` and returns -1 (the caller exits 0);
 * otherwise EXIT_OK with *file set, or EXIT_USAGE after one message.
 * `extra` is as for cli_file_argument().
 */
int cli_one_file_args(const char *cmd, int argc, char **argv, struct common_opts *o, const char **file,
		      const char *extra, void (*help)(FILE *));
/* Help text for the shared options, appended to a command's --help. */
extern const char cli_common_help[];
extern const char cli_limits_help[];

/* Print "skillgap: MSG\n" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Load the rule set chosen by --rules / $SKILLGAP_RULES / embedded. */
int cli_load_rules(struct ruleset **out, const struct common_opts *o);
/* Write `out` to -o FILE atomically, or to stdout; returns an exit code. */
int cli_write_output(const struct common_opts *o, const struct buf *out);
/* Read a path ("-" = stdin) with the --max-size cap. */
int cli_read_input(struct buf *out, const char *path, const struct common_opts *o, struct diag *d);
/* Is stdout / stderr a terminal, and is colour allowed (NO_COLOR unset)? */
int cli_color_stdout(const struct common_opts *o);

/*
 * Index of role `id` in rs; on an unknown id print "CMD: unknown role
 * 'x' (one of: ...)" and return -1.
 */
long cli_find_role(const struct ruleset *rs, const char *cmd, const char *id);

/*
 * One resume through the pipeline, as `analyze` and `plan` run it:
 * rules -> (--role) -> read -> match -> score. Everything it holds is
 * released by cli_analysis_release() (also after a failure).
 */
struct analysis {
	struct ruleset *rs;
	struct document *doc;
	struct evidence_list ev;
	struct assessment a;
	int scored;
	char as_of[32];      /* the --as-of date as YYYY-MM-DD */
};

/* Returns EXIT_OK, or the exit code after printing one line. */
int cli_analysis_run(struct analysis *an, const char *cmd, const char *file, const struct common_opts *o);
void cli_analysis_release(struct analysis *an);

int cmd_analyze(int argc, char **argv);
int cmd_roles(int argc, char **argv);
int cmd_skills(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_rules(int argc, char **argv);

#endif
