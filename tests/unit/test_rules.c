/* test_rules.c - unit tests of the rules loader (stage: rules). */
#include "test.h"

#include "buf.h"
#include "mini_rules.h"
#include "rules.h"

/* Load the mini set with file `idx` replaced by `text`; return the message. */
static int load_with(int idx, const char *text, struct ruleset **out, struct diag *d)
{
	struct rules_file f[MINI_NFILES];
	mini_files(f);
	if (idx >= 0) {
		f[idx].data = text;
		f[idx].len = strlen(text);
	}
	return rules_load_files(out, f, MINI_NFILES, "t", d);
}

static void test_rules__embedded_loads(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(rules_load_embedded(&rs, &d), 0);
	if (!rs) {
		fprintf(stderr, "%s\n", d.msg);
		return;
	}
	CHECK(rs->nskills >= 60);
	CHECK_INT(rs->nroles, 4);
	CHECK_INT(rs->npaths, 3);
	CHECK(rs->nsignals > rs->nskills);
	CHECK(rules_find_role(rs, "clinical-ai-engineer") >= 0);
	CHECK(rules_find_role(rs, "medical-ai-research-scientist") >= 0);
	CHECK(rules_find_role(rs, "healthcare-nlp-engineer") >= 0);
	CHECK(rules_find_role(rs, "ai-product-manager-healthcare") >= 0);
	rules_free(rs);
}

static void test_rules__mini_loads(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(-1, NULL, &rs, &d), 0);
	if (!rs) {
		fprintf(stderr, "%s\n", d.msg);
		return;
	}
	CHECK_INT(rs->nskills, 4);
	CHECK_INT(rs->nsignals, 6);
	CHECK_INT(rs->signals[1].nprereq, 1);
	CHECK_INT(rs->signals[1].prereq[0], 0);
	CHECK_INT(rs->signals[1].nrx, 2);
	CHECK_INT(rs->signals[1].rx[1].sections, 1u << 4); /* skills */
	CHECK_INT(rs->roles[0].nreqs, 4);
	CHECK_INT(rs->roles[0].reqs[3].nmembers, 2);
	CHECK_INT(rs->roles[0].reqs[3].members[1], 4); /* credential 'doc' after the 4 skills */
	CHECK_DBL(rs->ready_min_fit, 75.0, 1e-9);
	rules_free(rs);
}

static const char bad_regex_skills[] =
	"{\"schema_version\": 1, \"categories\": [{\"id\": \"core\", \"name\": \"Core\"}],\n"
	"  \"skills\": [\n"
	"    {\"id\": \"alpha\", \"name\": \"Alpha\", \"category\": \"core\", \"effort_hours\": 1,\n"
	"     \"patterns\": [\"ok\", \"(abc\"]}]}\n";

static void test_rules__bad_regex_offset(void)
{
	struct ruleset *rs = (struct ruleset *)1;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(0, bad_regex_skills, &rs, &d), SG_ERULES);
	CHECK(rs == NULL);
	CHECK_STR(d.msg, "t/skills.json:4:25: skill 'alpha': bad pattern at offset 4: missing closing parenthesis");
}

static const char unknown_ref_role[] =
	"{\"id\": \"engineer\", \"title\": \"E\", \"salary\": {\"min\": 1, \"max\": 2, \"currency\": \"USD\"},\n"
	" \"does\": [\"x\"],\n"
	" \"skills\": [{\"skill\": \"alpha\", \"level\": \"required\", \"weight\": 3},\n"
	"            {\"skill\": \"omega\", \"level\": \"required\", \"weight\": 3}]}\n";

static void test_rules__unknown_skill_in_role(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(4, unknown_ref_role, &rs, &d), SG_ERULES);
	CHECK(rs == NULL);
	CHECK_STR(d.msg, "t/roles/engineer.json:4:23: role 'engineer': unknown skill or credential 'omega'");
}

static const char dup_skills[] =
	"{\"schema_version\": 1, \"categories\": [{\"id\": \"core\", \"name\": \"Core\"}],\n"
	"  \"skills\": [\n"
	"    {\"id\": \"alpha\", \"name\": \"A\", \"category\": \"core\", \"terms\": [\"a\"], \"effort_hours\": 1},\n"
	"    {\"id\": \"beta\", \"name\": \"B\", \"category\": \"core\", \"terms\": [\"b\"], \"effort_hours\": 1},\n"
	"    {\"id\": \"gamma\", \"name\": \"G\", \"category\": \"core\", \"terms\": [\"g\"], \"effort_hours\": 1},\n"
	"    {\"id\": \"delta\", \"name\": \"D\", \"category\": \"core\", \"terms\": [\"d\"], \"effort_hours\": 1},\n"
	"    {\"id\": \"beta\", \"name\": \"B2\", \"category\": \"core\", \"terms\": [\"b2\"], \"effort_hours\": 1}]}\n";

static void test_rules__duplicate_id(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(0, dup_skills, &rs, &d), SG_ERULES);
	CHECK_STR(d.msg, "t/skills.json:7:5: duplicate id 'beta' (first defined in skills.json:4:5)");
}

static const char wrong_type_skills[] =
	"{\"schema_version\": 1, \"categories\": [{\"id\": \"core\", \"name\": \"Core\"}],\n"
	"  \"skills\": [{\"id\": \"alpha\", \"name\": \"A\", \"category\": \"core\",\n"
	"              \"terms\": \"alpha\", \"effort_hours\": 1}]}\n";

static void test_rules__wrong_type(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(0, wrong_type_skills, &rs, &d), SG_ERULES);
	CHECK_STR(d.msg, "t/skills.json:3:24: skill 'alpha': 'terms' must be an array of strings, not a string");
}

static const char unknown_key_skills[] =
	"{\"schema_version\": 1, \"categories\": [{\"id\": \"core\", \"name\": \"Core\"}],\n"
	"  \"skills\": [{\"id\": \"alpha\", \"name\": \"A\", \"category\": \"core\",\n"
	"              \"pattern\": [\"x\"], \"effort_hours\": 1}]}\n";

static void test_rules__unknown_key(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(0, unknown_key_skills, &rs, &d), SG_ERULES);
	CHECK_STR(d.msg, "t/skills.json:3:26: skill 'alpha': unknown key 'pattern'");
}

static const char cycle_skills[] =
	"{\"schema_version\": 1, \"categories\": [{\"id\": \"core\", \"name\": \"Core\"}],\n"
	"  \"skills\": [\n"
	"    {\"id\": \"alpha\", \"name\": \"A\", \"category\": \"core\", \"terms\": [\"a\"], \"effort_hours\": 1, \"prerequisites\": [\"delta\"]},\n"
	"    {\"id\": \"beta\", \"name\": \"B\", \"category\": \"core\", \"terms\": [\"b\"], \"effort_hours\": 1, \"prerequisites\": [\"alpha\"]},\n"
	"    {\"id\": \"gamma\", \"name\": \"G\", \"category\": \"core\", \"terms\": [\"g\"], \"effort_hours\": 1},\n"
	"    {\"id\": \"delta\", \"name\": \"D\", \"category\": \"core\", \"terms\": [\"d\"], \"effort_hours\": 1, \"prerequisites\": [\"beta\"]}]}\n";

static void test_rules__prerequisite_cycle(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(0, cycle_skills, &rs, &d), SG_ERULES);
	CHECK(rs == NULL);
	CHECK_STR(d.msg, "t/skills.json:3:5: skill 'alpha': prerequisite cycle: alpha -> delta -> beta -> alpha");
}

static void test_rules__invalid_json_line_col(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(load_with(2, "{\"schema_version\": 1,\n  \"paths\": [,]}\n", &rs, &d), SG_ERULES);
	CHECK_STR(d.msg, "t/paths.json:2:13: invalid JSON");
}

static void test_rules__missing_file(void)
{
	struct rules_file f[MINI_NFILES];
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	mini_files(f);
	CHECK_INT(rules_load_files(&rs, f + 1, MINI_NFILES - 1, "t", &d), SG_ERULES);
	CHECK_STR(d.msg, "t: rule set has no skills.json");
}

static void test_rules__bad_dir(void)
{
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	CHECK_INT(rules_load_dir(&rs, "/nonexistent/rules", &d), SG_ERULES);
	CHECK_STR(d.msg, "rules directory '/nonexistent/rules' does not exist or is not a directory");
}

static void test_rules__source_dir_matches_embedded(void)
{
	struct ruleset *a = NULL, *b = NULL;
	struct diag d = DIAG_INIT;
	size_t i;
	CHECK_INT(rules_load_dir(&a, SRCDIR "/rules", &d), 0);
	CHECK_INT(rules_load_embedded(&b, &d), 0);
	if (!a || !b)
		goto done;
	CHECK_INT(a->nsignals, b->nsignals);
	for (i = 0; i < a->nsignals && i < b->nsignals; i++)
		CHECK_STR(a->signals[i].id, b->signals[i].id);
done:
	rules_free(a);
	rules_free(b);
}

static void test_rules__terms_pattern(void)
{
	struct buf b = BUF_INIT;
	char *terms[] = { "C++", "de-id", "510(k)", ".NET", "machine  learning" };
	rules_terms_to_pattern(&b, terms, 5);
	/* grouped by boundary kind; longest first inside a group */
	CHECK_STR(b.ptr, "(?i)(?:"
			 "(?<![\\p{L}\\p{N}_])(?:510\\(k\\))(?![\\p{L}\\p{N}_])"
			 "|(?<![\\p{L}\\p{N}_])(?:C\\+\\+)(?![\\p{L}\\p{N}_+#])"
			 "|(?<![\\p{L}\\p{N}_])(?:machine[\\s\\-]+learning|de[\\s\\-]?id)(?![\\p{L}\\p{N}_]|\\+|#)"
			 "|(?:\\.NET)(?![\\p{L}\\p{N}_]|\\+|#))");
	buf_release(&b);
}

/* The anchor of signal `id` with text `text` (lowercase), or NULL. */
static const struct anchor *anchor_of(const struct ruleset *rs, const char *id, const char *text)
{
	long s = rules_find_signal(rs, id);
	size_t k;
	for (k = 0; s >= 0 && k < rs->index.nanchors; k++) {
		const struct anchor *a = &rs->index.anchors[k];
		if (rs->index.patterns[a->pattern].signal == (uint32_t)s && strcmp(a->text, text) == 0)
			return a;
	}
	fprintf(stderr, "no anchor '%s' for '%s'\n", text, id);
	test_failures++;
	return NULL;
}

/* What the loader derives for the matcher: anchors, their edges, term parts, exclude literals. */
static void test_rules__anchors(void)
{
	static const char creds[] =
		"{\"schema_version\": 1, \"credentials\": [\n"
		"  {\"id\": \"doc\", \"name\": \"Doctorate\", \"group\": \"research\", \"patterns\": [\"\\\\bPhD\\\\b\"]},\n"
		"  {\"id\": \"nurse\", \"name\": \"Nurse\", \"group\": \"clinical\", \"patterns\": [\"\\\\bRN\\\\b\"]},\n"
		"  {\"id\": \"md\", \"name\": \"MD\", \"group\": \"clinical\", \"patterns\": [\"(?<=[a-z], |[a-z],)MD\\\\b\"]},\n"
		"  {\"id\": \"res\", \"name\": \"Residency\", \"group\": \"clinical\",\n"
		"   \"patterns\": [\"\\\\b(?:in|em|fa)\\\\s+(?:medicine|surgery)\\\\b\"]},\n"
		"  {\"id\": \"xr\", \"name\": \"Imaging\", \"group\": \"clinical\", \"terms\": [\"radiograph\", \"X-ray imaging\"]},\n"
		"  {\"id\": \"c\", \"name\": \"C\", \"group\": \"tech\", \"patterns\": [\"(?<![\\\\w+#.-])C(?![\\\\w+#]|\\\\.\\\\w)\"]},\n"
		"  {\"id\": \"em\", \"name\": \"E/M\", \"group\": \"coding\", \"patterns\": [\"\\\\bE\\\\s?[/&]\\\\s?M\\\\b\"]},\n"
		"  {\"id\": \"az\", \"name\": \"Aerzte\", \"group\": \"clinical\", \"terms\": [\"\xc3\x84rzte Netzwerk\"]},\n"
		"  {\"id\": \"ratio\", \"name\": \"Ratio\", \"group\": \"tech\", \"patterns\": [\"\\\\d+[/&]\\\\d+\"]},\n"
		"  {\"id\": \"phd\", \"name\": \"PhD\", \"group\": \"research\", \"patterns\": [\"(?i)\\\\bPh\\\\.?\\\\s?D\\\\b\"]},\n"
		"  {\"id\": \"doc2\", \"name\": \"Physician\", \"group\": \"clinical\",\n"
		"   \"patterns\": [\"\\\\b(?:Staff|Attending)\\\\s+[Pp]hysician\\\\b\"]},\n"
		"  {\"id\": \"epic\", \"name\": \"Epic cert\", \"group\": \"clinical\",\n"
		"   \"patterns\": [\"\\\\bEpic\\\\b.{0,40}\\\\b(?:[Cc]ertified|certification)\\\\b\", \"\\\\bCNNs?\\\\b\"]},\n"
		"  {\"id\": \"coder\", \"name\": \"Coder\", \"group\": \"coding\",\n"
		"   \"patterns\": [\"\\\\b(?:ICU|ED)\\\\s+RN\\\\b\", \"\\\\bcod(?:e|ing)\\\\b\"]}\n"
		"]}\n";
	struct ruleset *rs = NULL;
	struct diag d = DIAG_INIT;
	const struct anchor *a;
	long s;

	CHECK_INT(load_with(1, creds, &rs, &d), 0);
	if (!rs) {
		fprintf(stderr, "%s\n", d.msg);
		return;
	}
	/* a lookbehind ending in a space or comma: a word edge before */
	if ((a = anchor_of(rs, "md", "md")) != NULL) {
		CHECK_INT(a->before, EDGE_WORD);
		CHECK_INT(a->after, EDGE_WORD);
	}
	/* \s+ before a group: a space edge; the cheaper group of the two is taken */
	if ((a = anchor_of(rs, "res", "medicine")) != NULL) {
		CHECK_INT(a->before, EDGE_SPACE);
		CHECK_INT(a->after, EDGE_WORD);
	}
	/* a two-byte first piece anchors its term, which the matcher checks whole */
	if ((a = anchor_of(rs, "alpha", "de")) != NULL) {
		CHECK_STR(a->term, "de-identification");
		CHECK_INT(rs->index.patterns[a->pattern].exact, 1);
	}
	/* terms anchored at their start and the others are two patterns */
	s = rules_find_signal(rs, "xr");
	CHECK(s >= 0);
	if (s >= 0) {
		CHECK_INT(rs->signals[s].nrx, 2);
		CHECK_INT(rs->signals[s].rx[0].from_terms, 1);
		CHECK_INT(rs->signals[s].rx[1].from_terms, 2);
	}
	if ((a = anchor_of(rs, "xr", "imaging")) != NULL)
		CHECK_INT(a->wrap, 1);
	/* negative lookarounds that rule out a word byte: a one-letter word anchor */
	if ((a = anchor_of(rs, "c", "c")) != NULL) {
		CHECK_INT(a->before, EDGE_WORD);
		CHECK_INT(a->after, EDGE_WORD);
	}
	/* inside a run of literals, a class of punctuation and optional bytes give variants */
	{
		static const char *const em[] = { "e/m", "e /m", "e/ m", "e / m", "e&m", "e &m", "e& m", "e & m" };
		size_t k;
		for (k = 0; k < sizeof(em) / sizeof(em[0]); k++)
			if ((a = anchor_of(rs, "em", em[k])) != NULL) {
				CHECK_INT(a->before, EDGE_WORD);
				CHECK_INT(a->after, EDGE_WORD);
				CHECK_INT(rs->index.patterns[a->pattern].exact, 1);
			}
	}
	if ((a = anchor_of(rs, "phd", "phd")) != NULL) {
		CHECK_INT(a->before, EDGE_WORD);
		CHECK_INT(a->after, EDGE_WORD);
	}
	CHECK(anchor_of(rs, "phd", "ph.d") != NULL);
	CHECK(anchor_of(rs, "phd", "ph d") != NULL);
	CHECK(anchor_of(rs, "phd", "ph. d") != NULL);
	/* a class of punctuation outside a run: one-byte anchors, so the pattern is not run on every line */
	CHECK(anchor_of(rs, "ratio", "/") != NULL);
	CHECK(anchor_of(rs, "ratio", "&") != NULL);
	CHECK_INT(rs->index.nalways, 0);
	/*
	 * [Pp]: one letter in either case continues the run. "physician" is
	 * the cheaper set, but every match starts at "staff" or "attending":
	 * those become the (exact) anchors, "physician" the co-anchor.
	 */
	if ((a = anchor_of(rs, "doc2", "physician")) != NULL) {
		CHECK_INT(a->before, EDGE_SPACE);
		CHECK_INT(a->after, EDGE_WORD);
		CHECK_INT(a->co, 1);
	}
	if ((a = anchor_of(rs, "doc2", "staff")) != NULL) {
		CHECK_INT(a->co, 0);
		CHECK_INT(rs->index.patterns[a->pattern].exact, 1);
	}
	/* a second literal set from another item: co-anchors on the same line */
	if ((a = anchor_of(rs, "epic", "epic")) != NULL) {
		CHECK_INT(a->co, 0);
		CHECK_INT(rs->index.patterns[a->pattern].co, 1);
	}
	if ((a = anchor_of(rs, "epic", "certified")) != NULL) {
		CHECK_INT(a->co, 1);
		CHECK_INT(a->before, EDGE_WORD);
	}
	if ((a = anchor_of(rs, "epic", "certification")) != NULL)
		CHECK_INT(a->co, 1);
	/* a group of whole literals followed by \s+: a space edge after them */
	if ((a = anchor_of(rs, "coder", "icu")) != NULL) {
		CHECK_INT(a->before, EDGE_WORD);
		CHECK_INT(a->after, EDGE_SPACE);
		CHECK_INT(a->co, 0); /* where every match starts; "rn", the cheaper set, is the co-anchor */
	}
	if ((a = anchor_of(rs, "coder", "rn")) != NULL)
		CHECK_INT(a->co, 1);
	/* a group of plain literals inside a run forks it */
	if ((a = anchor_of(rs, "coder", "coding")) != NULL) {
		CHECK_INT(a->before, EDGE_WORD);
		CHECK_INT(a->after, EDGE_WORD);
	}
	CHECK(anchor_of(rs, "coder", "code") != NULL);
	/* an optional byte at the end of a run ends it there */
	if ((a = anchor_of(rs, "epic", "cnn")) != NULL) {
		CHECK_INT(a->after, EDGE_ANY);
		CHECK_INT(rs->index.patterns[a->pattern].co, 0);
	}
	/* an ASCII piece after a non-ASCII one: the term may start on the line before */
	if ((a = anchor_of(rs, "az", "netzwerk")) != NULL)
		CHECK_INT(a->wrap, 1);
	/* exclude patterns get the literals a line must hold */
	s = rules_find_signal(rs, "beta");
	if (s >= 0 && rs->signals[s].nexclude == 1) {
		CHECK_INT(rs->signals[s].exclude[0].nneed, 1);
		if (rs->signals[s].exclude[0].nneed == 1)
			CHECK_STR(rs->signals[s].exclude[0].need[0].text, "b&b");
	}
	rules_free(rs);
}

TEST_MAIN(TEST(test_rules__embedded_loads), TEST(test_rules__mini_loads),
	  TEST(test_rules__bad_regex_offset), TEST(test_rules__unknown_skill_in_role),
	  TEST(test_rules__duplicate_id), TEST(test_rules__wrong_type), TEST(test_rules__unknown_key),
	  TEST(test_rules__prerequisite_cycle), TEST(test_rules__invalid_json_line_col),
	  TEST(test_rules__missing_file), TEST(test_rules__bad_dir),
	  TEST(test_rules__source_dir_matches_embedded), TEST(test_rules__terms_pattern), TEST(test_rules__anchors))
