/*
 * redact.c - the --redact masks, part of the render stage: every
 * renderer passes text through render_redacted() (render.h), which masks
 * the candidate's name (whole, its parts, in any case and with or
 * without accents, common nicknames), the document's phone, emails,
 * URLs, bare web addresses that hold the name, profile user names and
 * phone-shaped numbers. Input: text and the document it came from.
 * Output: bytes appended to a buffer.
 */
#include "render.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "utf8.h"

static int ci_prefix(const char *s, size_t n, const char *p)
{
	size_t l = strlen(p), i;
	if (l > n)
		return 0;
	for (i = 0; i < l; i++)
		if (tolower((unsigned char)s[i]) != tolower((unsigned char)p[i]))
			return 0;
	return 1;
}

/* Are s[0..k) all ASCII digits? */
static int all_digits(const char *s, size_t k)
{
	while (k-- > 0)
		if (!isdigit((unsigned char)*s++))
			return 0;
	return 1;
}

/*
 * A local phone number without a label at s[i]: three digits, '-', '.'
 * or a space, four digits ("555-0131", "555.0131", "555 0131"), with no
 * letter or digit after it, nor a '-', '.' or '/' that goes on with one
 * ("120 1000-bed"). A year in the second group with a space before it is
 * a count and a year ("top 100 2020"), not a phone. Returns 8 or 0. The
 * reader's contact phone needs more (document_phone_at): this is for
 * masking only.
 */
static size_t local_phone_at(const char *s, size_t n, size_t i)
{
	const char *t = s + i;
	if (n - i < 8 || !all_digits(t, 3) || !all_digits(t + 4, 4) || (t[3] != '-' && t[3] != '.' && t[3] != ' '))
		return 0;
	if (n - i > 8 && (isalnum((unsigned char)t[8]) ||
			  ((t[8] == '-' || t[8] == '.' || t[8] == '/') && n - i > 9 && isalnum((unsigned char)t[9]))))
		return 0;
	if (t[3] == ' ' && ((t[4] == '1' && t[5] == '9') || (t[4] == '2' && t[5] == '0')))
		return 0;
	return 8;
}

/* Length of an email, URL or phone-shaped token at s[i], and its mask. */
static size_t sensitive_at(const char *s, size_t n, size_t i, const char **mask)
{
	static const char *const url_prefixes[] = {
		"https://", "http://", "www.", "linkedin.com/", "github.com/", "gitlab.com/",
		"orcid.org/", "scholar.google.",
	};
	size_t k, e;
	if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '/' ||
		      s[i - 1] == '@' || s[i - 1] == '-' || s[i - 1] == '_' || s[i - 1] == '+'))
		return 0;
	for (k = 0; k < sizeof(url_prefixes) / sizeof(url_prefixes[0]); k++) {
		if (!ci_prefix(s + i, n - i, url_prefixes[k]))
			continue;
		e = i;
		while (e < n && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != '|' &&
		       s[e] != ')' && s[e] != '"' && s[e] != '<' && s[e] != '>')
			e++;
		*mask = "[url]";
		return e - i;
	}
	/* email: local@domain.tld, as the reader finds one */
	e = i;
	while (e < n && document_email_char((unsigned char)s[e]))
		e++;
	if (e > i && e < n && s[e] == '@' && (k = document_email_end(s, n, e)) > 0) {
		*mask = "[email]";
		return k - i;
	}
	/* phone: 10-13 digits with separators, 7 or more after a label, no run of dates; or a local number */
	if ((e = document_phone_at(s, n, i)) > 0 || (e = local_phone_at(s, n, i)) > 0) {
		*mask = "[phone]";
		return e;
	}
	return 0;
}

/* Does c end a part of a name? Quotes and brackets set off a nickname: Jennifer "Jen" Smith, Robert (Bob) Jones. */
static int name_break(char c)
{
	return c == ' ' || c == ',' || c == '"' || c == '(' || c == ')';
}

/* The next part of a name from *p on, NULL when none is left: its start, its length in *l; *p moves past it. */
static const char *name_part(const char **p, size_t *l)
{
	const char *w = *p;
	while (*w && name_break(*w))
		w++;
	if (!*w)
		return NULL;
	for (*l = 0; w[*l] && !name_break(w[*l]); (*l)++)
		;
	*p = w + *l;
	return w;
}

/* Can a byte next to a name be part of the same word? (A letter, a digit, or any non-ASCII byte.) */
static int word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * The base letters of Latin-1 (U+00C0-U+00FF, upper and lower case alike)
 * and Latin Extended-A (U+0100-U+017F); '.': no single base letter (Æ,
 * Ð, Þ, ß, the signs, the ligatures Ĳ and Œ, ĸ, ŉ, Ŋ), folded by case
 * only; ÿ shares its place in the table with ß and is folded apart.
 */
static const char latin1_base[] = "aaaaaa.ceeeeiiii.nooooo.ouuuuy..";
static const char latin_ext_a_base[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllllllllnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/*
 * A letter of the alphabets names are most often written in (ASCII,
 * Latin-1, Latin Extended-A, Greek, Cyrillic) as lower case without its
 * accents: "JOSÉ", "José" and "Jose", "WIŚNIEWSKI" and "Wiśniewski",
 * "ΑΛΈΞΑΝΔΡΟΣ" and "Αλέξανδρος" spell the same. Other code points are
 * their own fold.
 */
static uint32_t fold_cp(uint32_t c)
{
	static const struct {
		uint16_t from, to;
	} greek[] = {
		{ 0x386, 0x3B1 }, { 0x388, 0x3B5 }, { 0x389, 0x3B7 }, { 0x38A, 0x3B9 }, { 0x38C, 0x3BF },
		{ 0x38E, 0x3C5 }, { 0x38F, 0x3C9 }, { 0x390, 0x3B9 }, { 0x3AA, 0x3B9 }, { 0x3AB, 0x3C5 },
		{ 0x3AC, 0x3B1 }, { 0x3AD, 0x3B5 }, { 0x3AE, 0x3B7 }, { 0x3AF, 0x3B9 }, { 0x3B0, 0x3C5 },
		{ 0x3C2, 0x3C3 }, { 0x3CA, 0x3B9 }, { 0x3CB, 0x3C5 }, { 0x3CC, 0x3BF }, { 0x3CD, 0x3C5 },
		{ 0x3CE, 0x3C9 },
	};
	size_t k;
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xFF) {
		char b = latin1_base[(c - 0xC0) % 32];
		if (b != '.')
			return (unsigned char)b;
		if (c == 0xFF)
			return 'y';
		return c == 0xC6 || c == 0xD0 || c == 0xDE ? c + 32 : c;
	}
	if (c <= 0x17F) {
		char b = latin_ext_a_base[c - 0x100];
		if (b != '.')
			return (unsigned char)b;
		return c == 0x132 || c == 0x14A || c == 0x152 ? c + 1 : c;
	}
	if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
		return c + 32;
	for (k = 0; k < sizeof(greek) / sizeof(greek[0]); k++)
		if (greek[k].from == c)
			return greek[k].to;
	if (c == 0x401 || c == 0x451) /* Ё, ё: often written Е, е */
		return 0x435;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/*
 * How many bytes of s[0..n) spell w[0..wl) as fold_cp() folds them; 0
 * when they do not.
 */
static size_t name_match_slow(const char *s, size_t n, const char *w, size_t wl)
{
	size_t i = 0, j = 0;
	while (j < wl) {
		uint32_t a, b;
		if (i >= n)
			return 0;
		a = (unsigned char)s[i];
		b = (unsigned char)w[j];
		if (a < 0x80 && b < 0x80) { /* most bytes, and most first bytes that differ: no decoding */
			if (a != b && fold_cp(a) != fold_cp(b))
				return 0;
			i++, j++;
			continue;
		}
		a = utf8_decode(s, n, &i);
		b = utf8_decode(w, wl, &j);
		if (a != b && fold_cp(a) != fold_cp(b))
			return 0;
	}
	return i;
}

/* name_match_slow(), after a quick look at the first bytes: most places start no name. */
static inline size_t name_match(const char *s, size_t n, const char *w, size_t wl)
{
	unsigned char a, b;
	if (!n || !wl)
		return 0;
	a = (unsigned char)s[0];
	b = (unsigned char)w[0];
	if (a < 0x80 && b < 0x80 && (a | 0x20) != (b | 0x20)) /* no fold_cp() makes them alike */
		return 0;
	return name_match_slow(s, n, w, wl);
}

/*
 * Titles and credentials a name line may carry ("Dr. Priya Raman, PhD",
 * "Sam Lee, MBA"): not parts of the name, so "PhD" elsewhere stays.
 * Only those of 3 letters or more; shorter parts are never masked.
 */
static const char *const name_titles[] = {
	"aprn", "bsc", "bsn", "ccs", "cphims", "cpa", "crna", "dnp", "dphil", "edd", "esq", "faan", "fache",
	"facp", "fnp", "frcp", "frcs", "iii", "mba", "mfa", "mha", "mhi", "miss", "mph", "mrs", "msc", "msn",
	"pharmd", "phd", "pmp", "prof", "rhia", "rhit", "sir",
};

static int name_title(const char *w, size_t l)
{
	size_t k;
	for (k = 0; k < sizeof(name_titles) / sizeof(name_titles[0]); k++)
		if (name_match(w, l, name_titles[k], strlen(name_titles[k])) == l)
			return 1;
	return 0;
}

/* Is the name part w[0..l) one to mask: 3 letters or more, no initial ("Q."), no title or credential? */
static int maskable_part(const char *w, size_t l)
{
	return l >= 3 && w[l - 1] != '.' && !name_title(w, l);
}

/*
 * Length of a part of the candidate's name (3+ letters, no title or
 * credential) starting at s[i] as a whole word, in any case.
 */
static size_t name_part_at(const char *s, size_t n, size_t i, const char *name)
{
	const char *p = name, *w;
	size_t l, m;
	if (i > 0 && word_byte((unsigned char)s[i - 1]))
		return 0;
	while ((w = name_part(&p, &l)) != NULL) {
		/* 'Jen' in single quotes; the quote inside O'Brien stays */
		if (*w == '\'')
			w++, l--;
		if (l && w[l - 1] == '\'')
			l--;
		if ((m = name_match(s + i, n - i, w, l)) > 0 && maskable_part(w, l) &&
		    (i + m == n || !word_byte((unsigned char)s[i + m])))
			return m;
	}
	return 0;
}

/* Does c join the characters of a user name ("jane-doe_md.42")? */
static int handle_byte(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80;
}

/*
 * Length of a bare web address at s[i] that names the candidate: a host
 * ("janedoe.dev", "jane-doe.github.io") whose top-level domain is a
 * common one and whose other labels hold a part of the name (3 letters
 * or more) anywhere, or any *.github.io host; with its path, if any.
 * Addresses with a scheme or "www." are URLs already (sensitive_at());
 * a host without the name ("pytorch.org") is no one's.
 */
static size_t site_at(const char *s, size_t n, size_t i, const char *name)
{
	static const char *const tlds[] = {
		"com", "org", "net", "io", "dev", "me", "ai", "co", "app", "info", "page", "site", "xyz", "tech",
		"blog", "eu", "uk", "us", "ca", "de", "fr", "nl", "es", "it", "pl", "se", "ch", "au", "in",
	};
	size_t e = i, dot, k, t;
	int named = 0;
	if (!isalnum((unsigned char)s[i]) || (i > 0 && (isalnum((unsigned char)s[i - 1]) || strchr(".-_@/", s[i - 1]))))
		return 0;
	while (e < n && (isalnum((unsigned char)s[e]) || s[e] == '-' || s[e] == '.'))
		e++;
	while (e > i && s[e - 1] == '.') /* a full stop ends the sentence */
		e--;
	for (dot = e; dot > i && s[dot - 1] != '.'; dot--)
		;
	if (dot <= i + 1)
		return 0; /* no dot, or one first */
	dot--; /* the last dot */
	if (e - dot - 1 < 2 || e - dot - 1 > 4)
		return 0; /* every one in tlds[] has 2 to 4 letters */
	for (t = 0; t < sizeof(tlds) / sizeof(tlds[0]); t++)
		if (e - dot - 1 == strlen(tlds[t]) && ci_prefix(s + dot + 1, e - dot - 1, tlds[t]))
			break;
	if (t == sizeof(tlds) / sizeof(tlds[0]))
		return 0;
	named = e - i > 10 && ci_prefix(s + e - 10, 10, ".github.io");
	for (k = i; !named && k < dot; k++) {
		const char *p = name, *w;
		size_t l;
		while (!named && (w = name_part(&p, &l)) != NULL)
			named = name_match(s + k, dot - k, w, l) > 0 && maskable_part(w, l);
	}
	if (!named)
		return 0;
	if (e < n && s[e] == '/') { /* its path, without a full stop after it */
		while (e < n && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != '|' && s[e] != ')' && s[e] != '"')
			e++;
		while (s[e - 1] == '.')
			e--;
	}
	return e - i;
}

/* Length of one of the document's profile user names standing whole at s[i], in any case. */
static size_t handle_at(const char *s, size_t n, size_t i, const struct document *doc)
{
	size_t k;
	if (i > 0 && handle_byte((unsigned char)s[i - 1]))
		return 0;
	for (k = 0; k < doc->contact.nhandles; k++) {
		const char *h = doc->contact.handles[k];
		size_t l = strlen(h);
		/* a trailing '.' ends the sentence, not the name */
		size_t m = name_match(s + i, n - i, h, l);
		if (m && (i + m == n || !handle_byte((unsigned char)s[i + m]) ||
			  (s[i + m] == '.' && (i + m + 1 == n || !handle_byte((unsigned char)s[i + m + 1])))))
			return m;
	}
	return 0;
}

/*
 * Common English given names and their usual short forms, one group a
 * line: a name line's first name also masks the others of its group(s)
 * (Robert Jones: "Bob", "Rob"; Bob Jones: "Robert"). A list can only
 * hold the common ones; the man page says so.
 */
#define NICKNAME_GROUP_SIZE 7

static const char *const nickname_groups[][NICKNAME_GROUP_SIZE] = {
	{ "abigail", "abby" }, { "albert", "bert" }, { "alexander", "alex", "xander" },
	{ "alexandra", "alex", "sasha" }, { "alfred", "alfie", "fred" }, { "allison", "ally" },
	{ "amanda", "mandy" }, { "andrew", "andy", "drew" }, { "anthony", "tony" }, { "barbara", "barb" },
	{ "benjamin", "ben", "benny" }, { "catherine", "cathy", "kate", "katie" },
	{ "charles", "charlie", "chuck" }, { "christina", "chris", "tina" }, { "christine", "chris" },
	{ "christopher", "chris", "topher" }, { "cynthia", "cindy" }, { "daniel", "dan", "danny" },
	{ "david", "dave", "davey" }, { "deborah", "debbie", "deb" }, { "donald", "don", "donny" },
	{ "douglas", "doug" }, { "edward", "eddie", "ted", "ned" }, { "eleanor", "ellie", "nora" },
	{ "elizabeth", "liz", "lizzie", "beth", "betty", "eliza" }, { "frances", "fran", "frankie" },
	{ "francis", "frank" }, { "frederick", "fred", "freddie" }, { "gabriel", "gabe" }, { "gabrielle", "gabby" },
	{ "gerald", "gerry" }, { "gregory", "greg" }, { "harold", "harry", "hal" }, { "henry", "hank", "harry" },
	{ "isabella", "bella", "izzy" }, { "jacob", "jake" }, { "jacqueline", "jackie" },
	{ "james", "jim", "jimmy", "jamie" }, { "jennifer", "jen", "jenny" }, { "jessica", "jess", "jessie" },
	{ "john", "jack", "johnny" }, { "jonathan", "jon", "jonny" }, { "joseph", "joe", "joey" },
	{ "josephine", "josie" }, { "joshua", "josh" }, { "katherine", "kate", "katie", "kathy", "kat" },
	{ "kathleen", "kathy", "kate" }, { "kenneth", "ken", "kenny" }, { "kimberly", "kim" },
	{ "lawrence", "larry" }, { "leonard", "leo", "len", "lenny" }, { "madeline", "maddie" },
	{ "margaret", "maggie", "meg", "peggy" }, { "matthew", "matt", "matty" }, { "melissa", "mel", "missy" },
	{ "michael", "mike", "mikey", "mick" }, { "nathan", "nate" }, { "nathaniel", "nate", "nat" },
	{ "nicholas", "nick", "nicky" }, { "olivia", "liv" }, { "pamela", "pam" },
	{ "patricia", "pat", "patty", "trish" }, { "patrick", "pat", "paddy" }, { "peter", "pete" },
	{ "raymond", "ray" }, { "rebecca", "becky", "becca" }, { "richard", "rick", "ricky", "rich", "dick" },
	{ "robert", "bob", "bobby", "rob", "robbie" }, { "ronald", "ron", "ronnie" },
	{ "samantha", "sam", "sammy" }, { "samuel", "sam", "sammy" }, { "sebastian", "seb" },
	{ "sophia", "sophie" }, { "stephanie", "steph" }, { "stephen", "steve" }, { "steven", "steve" },
	{ "susan", "sue", "susie" }, { "suzanne", "sue", "suzy" }, { "theodore", "theo", "ted", "teddy" },
	{ "theresa", "terry", "tess" }, { "thomas", "tom", "tommy" }, { "timothy", "tim", "timmy" },
	{ "tobias", "toby" }, { "valerie", "val" }, { "victoria", "vicky", "tori" },
	{ "vincent", "vince", "vinny" }, { "walter", "walt" }, { "william", "bill", "will", "billy", "liam" },
	{ "zachary", "zach", "zack" },
};

#define NICKNAME_MAX_GROUPS 4
#define NICKNAME_GROUPS (sizeof(nickname_groups) / sizeof(nickname_groups[0]))

/*
 * Every name of the groups by its first letter: nick_at[c] .. nick_at[c
 * + 1] index nick_index[], each entry a group and a place in it. Built
 * once (a counting sort), so finding a first name's groups checks the
 * few names with its first letter, not all of them.
 */
static struct {
	unsigned char group, k;
} nick_index[NICKNAME_GROUPS * NICKNAME_GROUP_SIZE];
static unsigned short nick_at[27];
static pthread_once_t nick_once = PTHREAD_ONCE_INIT;

static void nick_index_init(void)
{
	unsigned short fill[26];
	size_t g, k, c;
	for (g = 0; g < NICKNAME_GROUPS; g++)
		for (k = 0; k < NICKNAME_GROUP_SIZE && nickname_groups[g][k]; k++)
			nick_at[nickname_groups[g][k][0] - 'a' + 1]++;
	for (c = 0; c < 26; c++)
		nick_at[c + 1] = (unsigned short)(nick_at[c + 1] + nick_at[c]);
	memcpy(fill, nick_at, sizeof(fill));
	for (g = 0; g < NICKNAME_GROUPS; g++)
		for (k = 0; k < NICKNAME_GROUP_SIZE && nickname_groups[g][k]; k++) {
			unsigned short at = fill[nickname_groups[g][k][0] - 'a']++;
			nick_index[at].group = (unsigned char)g;
			nick_index[at].k = (unsigned char)k;
		}
}

/*
 * The nickname groups of a name's first name (its first part of 3
 * letters or more without a '.': "Dr. Jane Q. Doe" -> "Jane"): their
 * indexes into nickname_groups[], at most NICKNAME_MAX_GROUPS.
 */
static size_t nickname_groups_of(const char *name, size_t *grp)
{
	const char *p = name, *w;
	size_t g, k, ng = 0, fl = 0;
	char c0;
	while ((w = name_part(&p, &fl)) != NULL && (fl < 3 || w[fl - 1] == '.'))
		;
	c0 = w ? (char)tolower((unsigned char)w[0]) : 0;
	if (c0 < 'a' || c0 > 'z')
		return 0; /* the list holds ASCII names only */
	pthread_once(&nick_once, nick_index_init);
	for (k = nick_at[c0 - 'a']; k < nick_at[c0 - 'a' + 1] && ng < NICKNAME_MAX_GROUPS; k++) {
		const char *q = nickname_groups[nick_index[k].group][nick_index[k].k];
		g = nick_index[k].group;
		if (name_match(w, fl, q, strlen(q)) == fl && (ng == 0 || grp[ng - 1] != g))
			grp[ng++] = g;
	}
	return ng;
}

/*
 * Length of a name of the groups grp[0..ng) standing whole at s[i] and
 * capitalized ("Bob", "BOB"; not "will" or "frank"): a short form of the
 * first name, or the full name of a short one. (The first name itself
 * is a name part: it never gets here.)
 */
static size_t nickname_at(const char *s, size_t n, size_t i, const size_t *grp, size_t ng)
{
	size_t g, k;
	if (!(s[i] >= 'A' && s[i] <= 'Z') || (i > 0 && word_byte((unsigned char)s[i - 1])))
		return 0;
	for (g = 0; g < ng; g++)
		for (k = 0; k < NICKNAME_GROUP_SIZE && nickname_groups[grp[g]][k]; k++) {
			const char *p = nickname_groups[grp[g]][k];
			size_t m = p[0] == s[i] + 32 ? name_match(s + i, n - i, p, strlen(p)) : 0;
			if (m && (i + m == n || !word_byte((unsigned char)s[i + m])))
				return m;
		}
	return 0;
}

void render_redacted(struct buf *out, const char *s, size_t n, const struct document *doc, int redact)
{
	size_t i = 0, run = 0;
	const char *name = doc ? doc->contact.name : NULL;
	const char *phone = doc ? doc->contact.phone : NULL;
	size_t nl = name ? strlen(name) : 0, pl = phone && strlen(phone) >= 7 ? strlen(phone) : 0, ng = 0;
	size_t grp[NICKNAME_MAX_GROUPS];

	if (!redact) {
		buf_put(out, s, n);
		return;
	}
	if (nl)
		ng = nickname_groups_of(name, grp);
	while (i < n) {
		const char *mask = NULL;
		size_t l = 0;
		if (nl && (l = name_match(s + i, n - i, name, nl)) > 0) {
			mask = "[name]";
		} else if (pl && i + pl <= n && memcmp(s + i, phone, pl) == 0) {
			l = pl; /* the reader's phone, whatever its shape ("555-0131" from a JSON Resume) */
			mask = "[phone]";
		} else if ((l = sensitive_at(s, n, i, &mask)) > 0) {
			/* an email or URL first: jane.doe@x.org is one [email], not [name].[name]@x.org */
		} else if (doc && (l = handle_at(s, n, i, doc)) > 0) {
			mask = "[handle]";
		} else if (nl && (l = site_at(s, n, i, name)) > 0) {
			mask = "[url]";
		} else if (nl && (l = name_part_at(s, n, i, name)) > 0) {
			mask = "[name]"; /* "Jane" alone, or the surname in an email-less line */
		} else if (ng && (l = nickname_at(s, n, i, grp, ng)) > 0) {
			mask = "[name]";
		}
		if (l) {
			buf_put(out, s + run, i - run);
			buf_puts(out, mask);
			i += l;
			run = i;
		} else {
			i++;
		}
	}
	buf_put(out, s + run, n - run);
}
