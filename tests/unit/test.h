/*
 * test.h - a tiny unit-test harness. Each test program defines
 * `static void test_<stage>__<case>(void)` functions and lists them in
 * TESTS; main() runs the one named in argv[1] (ctest registers each
 * case separately) or all of them. A failed check prints file:line and
 * the values, and the program exits 1.
 */
#ifndef SKILLGAP_TEST_H
#define SKILLGAP_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failures;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	test_failures++; } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", \
	__FILE__, __LINE__, #a, a_, b_); test_failures++; } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (!a_ || !b_ || strcmp(a_, b_) != 0) { fprintf(stderr, \
	"%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
	a_ ? a_ : "(null)", b_ ? b_ : "(null)"); test_failures++; } } while (0)
#define CHECK_DBL(a, b, eps) do { double a_ = (a), b_ = (b); \
	if (a_ - b_ > (eps) || b_ - a_ > (eps)) { fprintf(stderr, \
	"%s:%d: %s == %g, expected %g\n", __FILE__, __LINE__, #a, a_, b_); \
	test_failures++; } } while (0)

struct test_case {
	const char *name;
	void (*fn)(void);
};

#define TEST(fn) { #fn, fn }

static int test_main(int argc, char **argv, const struct test_case *tests, size_t n)
{
	size_t i, ran = 0;
	for (i = 0; i < n; i++) {
		if (argc > 1 && strcmp(argv[1], tests[i].name) != 0)
			continue;
		tests[i].fn();
		ran++;
	}
	if (!ran) {
		fprintf(stderr, "no test named '%s'\n", argc > 1 ? argv[1] : "");
		return 2;
	}
	if (test_failures) {
		fprintf(stderr, "%d check(s) failed\n", test_failures);
		return 1;
	}
	return 0;
}

#define TEST_MAIN(...) \
	int main(int argc, char **argv) { \
		static const struct test_case tests_[] = { __VA_ARGS__ }; \
		return test_main(argc, argv, tests_, sizeof(tests_) / sizeof(tests_[0])); \
	}

#endif
