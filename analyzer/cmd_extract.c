/*
 * cmd_extract.c - `skillgap extract`: one resume -> the normalized
 * document the matcher sees (text or JSON), to find out why a skill was
 * or was not found. bytes -> read -> render_document -> -o/stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "read.h"
#include "render.h"

static const char extract_help[] =
	"usage: skillgap extract [options] FILE|-\n\n"
	"Print the normalized document the matcher sees: the format, contact\n"
	"details, experience date ranges, then every line numbered with its\n"
	"section and flags (T table cell, H page header/footer, L list item;\n"
	"'## ' marks a section heading).\n\n"
	"Options:\n"
	"      --format FORMAT    text (default) or json\n"
	"      --redact           mask name, email, phone and links as [name],\n"
	"                         [email], [phone], [url]\n";

static void help(FILE *f)
{
	fputs(extract_help, f);
	fputs(cli_common_help, f);
	fputs("\n", f);
	fputs(cli_limits_help, f);
	fputs("\nExit codes: 0 ok, 1 unreadable or invalid input, 2 usage, 4 output.\n", f);
}

int cmd_extract(int argc, char **argv)
{
	struct common_opts o;
	struct document *doc = NULL;
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct diag d = DIAG_INIT;
	const char *file = NULL, *format;
	int rc, ret = EXIT_OK;

	common_opts_init(&o);
	rc = cli_one_file_args("extract", argc, argv, &o, &file, "", help);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc != EXIT_OK)
		return rc;
	format = o.format ? o.format : "text";
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		cli_error("extract: unknown format '%s' (text or json)", format);
		return EXIT_USAGE;
	}
	if (cli_read_input(&in, file, &o, &d) < 0 ||
	    read_document(&doc, in.ptr, in.len, strcmp(file, "-") == 0 ? "(stdin)" : file,
			  &o.limits, &d) < 0) {
		cli_error("%s", d.msg);
		ret = EXIT_INPUT;
		goto done;
	}
	render_document(&out, format, doc, o.redact);
	ret = cli_write_output(&o, &out);
done:
	document_free(doc);
	buf_release(&in);
	buf_release(&out);
	return ret;
}
