/*
 * lint.h - the rule-set linter (`skillgap rules check`): rule files ->
 * findings, each "FILE:LINE:COL: message".
 *
 * Everything the loader checks comes first (a set that does not load is
 * one error, the loader's). A set that loads is then checked for:
 *   - skills no role uses: a skill is used when a role lists it (as
 *     `skill` or in an `any_of`) or when it is a prerequisite, directly
 *     or not, of a used skill; entry-path signals, use cases and
 *     interview probes do not make a skill used (they describe, they do
 *     not score). A credential is used when a role or a path (requires_any,
 *     unless_any or signals) names it;
 *   - roles with no required skill;
 *   - shadowed terms: the same term in two skills (case-insensitively,
 *     with runs of spaces and hyphens read as one space), or a term of
 *     one skill that another skill's compiled terms pattern matches in
 *     full, unless that skill's exclude patterns drop the hit (as the
 *     matcher would). Partial overlaps ("FHIR" inside "SMART on FHIR")
 *     are not findings, and credentials are left out on purpose: a
 *     credential's term often means the skill too ("Registered Nurse"
 *     is both the RN credential and clinical experience);
 *   - patterns (terms, patterns, exclude) that match the empty string.
 * Prerequisite cycles are load errors, named by the loader.
 */
#ifndef SKILLGAP_LINT_H
#define SKILLGAP_LINT_H

#include <stddef.h>

#include "diag.h"
#include "rules.h"

struct lint_finding {
	size_t file;      /* index into the files given */
	unsigned line, col;
	char *text;       /* the whole "FILE:LINE:COL: message" line */
};

/* Findings sorted by file (in the order given), line, column. */
struct lint_report {
	struct lint_finding *items;
	size_t n, cap;
	size_t nskills, ncredentials, nroles;
};

void lint_report_init(struct lint_report *r);
void lint_report_release(struct lint_report *r);

/*
 * Lint files[0..n) (named "origin/path" in messages). Returns 0 with the
 * findings (possibly none) in out, or SG_ERULES when the set does not
 * load, with the loader's "FILE:LINE:COL: message" in d.
 */
int rules_lint(struct lint_report *out, const struct rules_file *files, size_t n, const char *origin,
	       struct diag *d);

/*
 * Read a rule directory as the loader does (skills.json, credentials.json,
 * paths.json, usecases.json, roles/ *.json by name). The caller frees
 * with rules_files_free(). Missing fixed files are left out, so the
 * loader names them.
 */
int rules_files_read_dir(struct rules_file **out, size_t *n, const char *dir, struct diag *d);
void rules_files_free(struct rules_file *files, size_t n);

#endif
