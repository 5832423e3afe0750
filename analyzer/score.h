/*
 * score.h - the scorer: evidence x roles -> assessment.
 *
 * For each role: fit = 100 * (SHARE_REQUIRED * required_coverage +
 * (1 - SHARE_REQUIRED) * preferred_coverage), where a coverage is the
 * matched weight over the total weight of that level (a role with no
 * preferred skills uses required coverage alone). A requirement naming
 * several skills (any_of) is met by any one of them. The gain of a gap
 * is the fit points it would add; gaps are sorted by gain, then
 * required before preferred, then rule order. Everything here can be
 * recomputed from the weights and levels printed in a report.
 *
 * The entry path: "ready now" when the focus role's fit and required
 * coverage reach the rules' thresholds; otherwise the applicable path
 * (rules/paths.json) with the greatest signal strength.
 */
#ifndef SKILLGAP_SCORE_H
#define SKILLGAP_SCORE_H

#include <stddef.h>

#include "document.h"
#include "match.h"
#include "rules.h"

#define SHARE_REQUIRED 0.8

struct req_result {
	size_t req;        /* index into role.reqs */
	long matched_by;   /* signal index that met it, or -1 */
	double gain;       /* fit points if met (0 when met) */
};

struct role_fit {
	size_t role;            /* index into ruleset.roles */
	double fit;             /* 0..100 */
	double required_cov;    /* 0..1 */
	double preferred_cov;   /* 0..1; 1 when the role has none */
	unsigned req_total, req_matched;    /* weights */
	unsigned pref_total, pref_matched;
	size_t nreq_met, nreq_all;          /* counts of required items */
	struct req_result *items;           /* one per role requirement, rule order */
	size_t nitems;
	size_t *gaps;                       /* indexes into items, by impact */
	size_t ngaps;
};

enum path_kind { PATH_READY, PATH_ENTRY };

struct path_choice {
	enum path_kind kind;
	long path;           /* index into ruleset.paths (also set when ready) */
	int applicable;      /* 0: no path's requirements were met; closest shown */
	unsigned strength;
	size_t *reasons;     /* indexes into paths[path].signals with evidence */
	size_t nreasons;
};

struct assessment {
	struct role_fit *fits;   /* one per role, by fit desc then role id */
	size_t nfits;
	size_t focus;            /* index into fits: --role, else the best (0) */
	int role_forced;         /* --role was given */
	struct path_choice path;
	int as_of;               /* month index used for "present" */
	int experience_months;
	size_t nskills_found;    /* skills (not credentials) with evidence */
	size_t ncreds_found;
};

struct score_opts {
	long role;               /* role index to focus on, or -1 for the best */
	int as_of;               /* month index */
};

/* Assess; out is owned by the caller, release with assessment_release(). */
void score_assess(struct assessment *out, const struct ruleset *rs, const struct document *doc,
		  const struct evidence_list *ev, const struct score_opts *opts);
void assessment_release(struct assessment *a);
/* The fit of one role only (batch scoring fast path). */
void score_role(struct role_fit *out, const struct ruleset *rs, size_t role,
		const struct evidence_list *ev);
void role_fit_release(struct role_fit *f);
/*
 * Mark in `used` (nsignals bytes, cleared first) the signals whose
 * evidence score_role(role) and score_path() read; role -1: every role.
 * Nothing else about the evidence matters to them but evidence_has().
 */
void score_signals_used(const struct ruleset *rs, long role, unsigned char *used);
/* Choose the entry path given the focus fit. */
void score_path(struct path_choice *out, const struct ruleset *rs, const struct evidence_list *ev,
		const struct role_fit *focus);

#endif
