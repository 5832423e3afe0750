/*
 * rules.h - the rule set: JSON rule files -> a validated, compiled,
 * read-only ruleset.
 *
 * A rule set is skills.json, credentials.json, paths.json, usecases.json
 * and roles/<id>.json (format: rules/README.md). Loading validates
 * everything (types, unknown and duplicate ids, prerequisite cycles, bad
 * regexes with their offset) and either returns a complete ruleset or
 * fails with one "FILE:LINE:COL: message" diagnostic; it never
 * half-loads. Every pattern is compiled once with PCRE2 (UTF, UCP, JIT);
 * the ruleset is then shared read-only by any number of threads.
 *
 * The structs below are read-only views for the matcher, scorer,
 * planner and renderers; the ruleset owns everything they point to and
 * rules_free() releases it all.
 */
#ifndef SKILLGAP_RULES_H
#define SKILLGAP_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct rules_file {
	const char *path;  /* relative: "skills.json", "roles/x.json" */
	const char *data;
	size_t len;
};

/* The rule set compiled into the binary (generated at build time). */
extern const struct rules_file rules_embedded[];
extern const size_t rules_embedded_count;

enum signal_kind { SIGNAL_SKILL, SIGNAL_CREDENTIAL };
enum level { LEVEL_REQUIRED, LEVEL_PREFERRED };

struct resource {
	char *title;
	char *url;
};

/* One compiled regex with an optional section restriction. */
struct rx {
	void *code;          /* pcre2_code_8 * */
	char *source;        /* the pattern as written (terms: the generated one) */
	uint32_t sections;   /* bit per enum section_kind; 0 = any section */
	int from_terms;      /* generated from the `terms` list: 1 the terms anchored at
				their start, 2 the others (see rules/README.md); 0 a pattern */
	uint32_t id;         /* index into ruleset.index.patterns */
	/*
	 * Exclude patterns: literals (ASCII lowercase) one of which every
	 * match contains, so the matcher can skip a line that holds none;
	 * nneed 0 when the pattern has no such set (it always runs).
	 */
	struct anchor *need;
	uint32_t nneed;
};

/*
 * The anchor index (built by anchors.c): the literals that let the matcher
 * skip patterns that cannot match (see rules/README.md, "How matching
 * works"). Every pattern
 * is either "always run" or has anchors: ASCII-lowercase literals of two
 * or more bytes such that every match of the pattern contains one of
 * them, on the line where the match starts or (wrap) the line after it.
 */
/* What must stand next to an anchor occurrence for it to count. */
enum anchor_edge {
	EDGE_ANY = 0,
	EDGE_WORD,           /* not an ASCII letter, digit or '_' (\b, term boundaries) */
	EDGE_SPACE           /* whitespace or '-' (a space inside a term) */
};

struct anchor {
	const char *text;
	uint32_t len;
	uint32_t pattern;    /* index into index.patterns */
	uint8_t wrap;        /* a match may start on the line before the anchor's */
	uint8_t before;      /* enum anchor_edge: the byte before the anchor */
	uint8_t after;       /* enum anchor_edge: the byte after it */
	/*
	 * A co-anchor: not where a match may be, but a literal every match
	 * of its (raw) pattern also holds, on the same line. A line without
	 * one needs no try.
	 */
	uint8_t co;
	/*
	 * Exact terms patterns: the whole term (lowercase) the anchor begins,
	 * so the matcher can rule an occurrence out in C before PCRE2 tries
	 * it (a filter only: PCRE2 still decides). NULL otherwise.
	 */
	const char *term;
};

struct pattern_ref {
	uint32_t signal;     /* the pattern is signals[signal].rx[rx] */
	uint32_t rx;
	/*
	 * Every match starts exactly where one of its anchors occurs (a
	 * terms pattern whose every term begins with its anchor), so the
	 * matcher tries an anchored match at each occurrence instead of
	 * searching lines.
	 */
	uint32_t exact;
	uint32_t co;         /* it has co-anchors (struct anchor.co) */
};

struct anchor_index {
	struct pattern_ref *patterns; /* every rx, in signal order */
	size_t npatterns;
	struct anchor *anchors;       /* the matcher builds its lookup tables from these */
	size_t nanchors;
	uint32_t *always;    /* patterns without anchors: scanned in full */
	size_t nalways;
};

/* A skill or credential: anything the matcher looks for. */
struct signal {
	char *id;
	char *name;
	enum signal_kind kind;
	char *category;      /* skills: category id; credentials: group */
	char **terms;
	size_t nterms;
	struct rx *rx;       /* the terms pattern's parts first (if any), then patterns */
	size_t nrx;
	struct rx *exclude;
	size_t nexclude;
	size_t *prereq;      /* indexes into ruleset.signals */
	size_t nprereq;
	unsigned effort_hours;
	struct resource *resources;
	size_t nresources;
	char *project;
	const char *file;    /* rule file it came from */
	uint32_t index;      /* its index in that file's array */
	unsigned line, col;  /* set only for messages (0 otherwise) */
};

/* A role requirement: one signal, or any of several (a group). */
struct role_req {
	size_t *members;     /* signal indexes; 1 for a plain skill */
	size_t nmembers;
	char *name;          /* group name, or NULL for a plain skill */
	enum level level;
	unsigned weight;
};

struct interview_q {
	char *type;          /* technical, domain, scenario, role */
	char *question;
	size_t *probes;      /* signal indexes */
	size_t nprobes;
};

struct role {
	char *id;
	char *title;
	long salary_min, salary_max;
	char *currency;
	char **does;
	size_t ndoes;
	char **requirements;
	size_t nrequirements;
	struct role_req *reqs;
	size_t nreqs;
	struct interview_q *interview;
	size_t ninterview;
	long grow_into;      /* role index, or -1 */
	const char *file;
};

struct path_signal {
	size_t signal;
	unsigned weight;
	char *reason;
};

struct entry_path {
	char *id;            /* "1", "2", "3" */
	char *name;
	char *for_whom;
	size_t *requires_any;
	size_t nrequires_any;
	size_t *unless_any;
	size_t nunless_any;
	struct path_signal *signals;
	size_t nsignals;
	char **steps;
	size_t nsteps;
};

struct use_case {
	char *id;
	char *name;
	char *problem;
	char **solutions;
	size_t nsolutions;
	char **companies;
	size_t ncompanies;
	size_t *skills;
	size_t nskills;
};

struct employer {
	char *name;
	char *group;
	char *focus;
};

struct category {
	char *id;
	char *name;
};

struct ruleset {
	struct signal *signals;   /* skills first, then credentials */
	size_t nsignals;
	size_t nskills;           /* signals[0..nskills) are skills */
	struct category *categories;
	size_t ncategories;
	struct role *roles;       /* sorted by id */
	size_t nroles;
	struct entry_path *paths;
	size_t npaths;
	double ready_min_fit;     /* "ready now" thresholds */
	double ready_min_required;
	struct use_case *use_cases;
	size_t nuse_cases;
	struct employer *employers;
	size_t nemployers;
	struct anchor_index index; /* the matcher's prefilter */
	char *origin;             /* "embedded" or the directory */
	void *priv;               /* loader-owned storage */
};

/*
 * Load and compile a rule set from in-memory files. `origin` names the
 * set in messages (file paths are "origin/path"). On failure *out is
 * NULL and d holds "FILE:LINE:COL: message".
 */
int rules_load_files(struct ruleset **out, const struct rules_file *files, size_t n,
		     const char *origin, struct diag *d);
/* Load a directory (skills.json, credentials.json, ..., roles/ *.json). */
int rules_load_dir(struct ruleset **out, const char *dir, struct diag *d);
/* Load the embedded default set. */
int rules_load_embedded(struct ruleset **out, struct diag *d);
void rules_free(struct ruleset *rs);
/*
 * JIT-compile every pattern. Worth it when many documents will be
 * matched (batch scoring); for one document the interpreter is faster
 * than compiling ~300 patterns to machine code. Call before sharing the
 * ruleset between threads.
 */
void rules_jit(struct ruleset *rs);
/*
 * The same for the patterns (and exclude patterns) of the signals s with
 * want[s] set only: batch scoring never runs the others, so compiling
 * them would only delay the start.
 */
void rules_jit_signals(struct ruleset *rs, const unsigned char *want);

/* Index of a signal / role by id, or -1. */
long rules_find_signal(const struct ruleset *rs, const char *id);
long rules_find_role(const struct ruleset *rs, const char *id);

/*
 * Compile a literal term list into one PCRE2 source string (appended to
 * out) with the smart boundaries described in rules/README.md. Exposed
 * for tests and `rules check`.
 */
struct buf;
void rules_terms_to_pattern(struct buf *out, char *const *terms, size_t n);

#endif
