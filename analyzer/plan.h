/*
 * plan.h - the planner: assessment x ruleset x evidence -> learning plan.
 *
 * Steps: the focus role's gaps, each a skill to learn. For an any_of
 * group the member with the lowest effort_hours is picked (tie: the
 * order of the group's list); a member already planned as another
 * step's prerequisite is picked instead, since it meets the group at no
 * extra cost. Unmet prerequisites of every planned skill are added
 * (transitively) as steps of level "prerequisite"; a prerequisite the
 * resume already shows is skipped together with everything below it.
 * A gap no skill can close (only credentials, e.g. a PhD) is listed
 * apart and not scheduled.
 *
 * Order: topological (prerequisites first); among steps that are free
 * to go, higher impact first, then required before preferred, then rule
 * order (the requirement's place in the role file, then the skill's in
 * skills.json). A prerequisite inherits the highest impact, best level
 * and earliest requirement of the steps that need it, so it comes just
 * before them rather than last.
 *
 * Schedule: steps back to back from the start date at H hours a week
 * (kept in whole minutes, so the arithmetic is exact). Week k covers
 * days [7(k-1), 7k) after the start; a step that began at cumulative
 * hour c0 and ends at c1 runs weeks floor(c0/H)+1 .. ceil(c1/H) and days
 * floor(7*c0/H) .. ceil(7*c1/H)-1 (hours spread evenly over the week).
 * The plan takes ceil(total hours / H) weeks.
 *
 * The caller owns a struct plan and releases it with plan_release().
 */
#ifndef SKILLGAP_PLAN_H
#define SKILLGAP_PLAN_H

#include <stddef.h>

#include "diag.h"
#include "match.h"
#include "rules.h"
#include "score.h"

#define PLAN_SCHEMA_VERSION 1
#define PLAN_DEFAULT_HOURS 10
#define PLAN_MAX_HOURS 168
#define PLAN_GROW_GAPS 5        /* grow_into gaps shown when a role has none */

enum plan_level { PLAN_REQUIRED, PLAN_PREFERRED, PLAN_PREREQUISITE };

struct plan_step {
	size_t skill;            /* signal index (always a skill) */
	long req;                /* index into role.reqs; -1 for a prerequisite */
	enum plan_level level;
	unsigned weight;         /* the requirement's weight; 0 for a prerequisite */
	double gain;             /* fit points; 0 for a prerequisite */
	unsigned effort_hours;
	size_t *alternatives;    /* other skill members of an any_of group */
	size_t nalternatives;
	size_t *unlocks;         /* planned skills that list this one as a prerequisite */
	size_t nunlocks;
	/* ordering key (inherited by prerequisites) */
	double key_gain;
	int key_level;
	size_t key_req;
	/* schedule */
	unsigned long start_min, end_min;  /* cumulative minutes of study */
	unsigned start_week, end_week;     /* 1-based, inclusive */
	long start_day, end_day;           /* days since 1970-01-01, inclusive */
};

/* One week of the schedule: which steps get how many minutes. */
struct plan_week_part {
	size_t step;
	unsigned long minutes;
};

struct plan_week {
	unsigned n;              /* 1-based */
	long day;                /* its first day */
	struct plan_week_part *parts;
	size_t nparts;
};

struct plan_probe {
	size_t signal;
	int gap;                 /* no evidence in the resume */
	int planned;             /* a step of this plan */
};

struct plan_question {
	const struct interview_q *q;
	struct plan_probe *probes;
	size_t nprobes;
	size_t ngaps;
};

struct plan_aim {
	size_t use_case;         /* index into ruleset.use_cases */
	size_t *matched;         /* the use case's skills the resume shows */
	size_t nmatched;
};

struct plan_employer_group {
	const char *group;
	size_t *employers;       /* indexes into ruleset.employers */
	size_t n;
};

struct plan {
	size_t fit;              /* index into assessment.fits of the role planned */
	size_t role;             /* index into ruleset.roles */
	struct plan_step *steps;
	size_t nsteps;
	size_t *unschedulable;   /* indexes into role.reqs: credential-only gaps */
	size_t nunschedulable;
	long start_day;
	unsigned long minutes_per_week;
	double hours_per_week;
	unsigned long total_hours;
	unsigned total_weeks;
	long end_day;            /* last day of study (start_day - 1 when empty) */
	struct plan_week *weeks;
	size_t nweeks;
	/* no gaps: the role to grow into (fits index, -1 if none) */
	int no_gaps;
	long grow_fit;
	struct plan_question *questions;
	size_t nquestions;
	struct plan_aim *aims;   /* ranked by matched skills, then rule order */
	size_t naims;
	int aims_fallback;       /* nothing matched: every use case is listed */
	struct plan_employer_group *groups;
	size_t ngroups;
};

struct plan_opts {
	double hours_per_week;   /* > 0, <= PLAN_MAX_HOURS */
	long start_day;          /* days since 1970-01-01 */
};

/*
 * Build the plan for the assessment's focus role. Fails (SG_ERULES, with
 * the cycle named in d) only if the prerequisites form a cycle, which a
 * loaded rule set never does; on failure *out holds nothing to release.
 */
int plan_build(struct plan *out, const struct ruleset *rs, const struct assessment *a,
	       const struct evidence_list *ev, const struct plan_opts *opts, struct diag *d);
void plan_release(struct plan *p);

/*
 * Order steps[0..n) in place: topologically by the skills' prerequisites
 * among the steps, ties by key_gain (higher first), key_level, key_req,
 * then skill index. Prerequisites first inherit the key of the steps
 * that need them. Returns SG_ERULES with "prerequisite cycle: a -> b ->
 * a" in d if the graph has a cycle (steps are then left unordered).
 */
int plan_order(struct plan_step *steps, size_t n, const struct ruleset *rs, struct diag *d);
/* Fill the schedule fields of ordered steps, the weeks and totals. */
void plan_schedule(struct plan *p, double hours_per_week, long start_day);

/* Dates as days since 1970-01-01 (proleptic Gregorian). */
long plan_days_from_civil(int y, int m, int d);
void plan_civil_from_days(long days, int *y, int *m, int *d);
/* Strict "YYYY-MM-DD" (a real calendar day); 0 or SG_EUSAGE. */
int plan_date_parse(const char *s, long *days);
/* "YYYY-MM-DD" into out (11 bytes). */
void plan_date_format(char *out, size_t n, long days);

#endif
