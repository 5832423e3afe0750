/*
 * main.c - the skillgap executable: dispatch argv[1] to a subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "read.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *summary;
} commands[] = {
	{ "analyze", cmd_analyze, "report which healthcare-AI role a resume fits, its gaps and entry path" },
	{ "extract", cmd_extract, "print the normalized document the matcher sees" },
	{ "roles", cmd_roles, "list the roles, one line each" },
	{ "rules", cmd_rules, "check a rule set (rules check [DIR])" },
	{ "score", cmd_score, "rank many resumes against a role (batch, threads, JSONL mapper)" },
	{ "plan", cmd_plan, "turn a role's gaps into an ordered, scheduled learning plan" },
	{ "skills", cmd_skills, "show the skill and credential catalog" },
};

static void usage(FILE *f)
{
	size_t i;
	fputs("usage: skillgap <command> [options] [FILE...]\n\n"
	      "Healthcare-AI resume skill-gap analyzer: which role fits, what is missing,\n"
	      "and how to close the gap. Offline; reads .txt, .docx and JSON resumes.\n\n"
	      "Commands:\n", f);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'skillgap <command> --help' for a command's options.\n\n"
	      "Exit codes:\n"
	      "  0  success\n"
	      "  1  an input could not be read or parsed (score: any input failed)\n"
	      "  2  usage error: unknown option or command, bad --role or value\n"
	      "  3  the rule set failed to load, or 'rules check' found problems\n"
	      "  4  the output could not be written\n"
	      " 70  internal error (out of memory)\n", f);
}

int main(int argc, char **argv)
{
	size_t i;
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("skillgap %s\n", SKILLGAP_VERSION);
		return EXIT_OK;
	}
	read_json_use_arena(); /* before any thread starts */
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	cli_error("unknown command '%s' (see 'skillgap --help')", argv[1]);
	return EXIT_USAGE;
}
