// std_test.c: unit tests of the std library's tricky parts against gc 1.19's results:
// ParseFloat's rounding (halfway cases, subnormals, overflow, float32, hex, underscores),
// Quote's escapes, and the *NumError texts of Atoi and ParseInt.
//
// The ParseFloat table was printed by this Go program (go run pf.go):
//
//	f, err := strconv.ParseFloat(s, 64); g, err32 := strconv.ParseFloat(s, 32)
//	fmt.Printf("{%q, 0x%016x, %v, 0x%08x, %v},\n", s, math.Float64bits(f), err != nil,
//		math.Float32bits(float32(g)), err32 != nil)
#include <stdio.h>
#include <string.h>

#include "rtstd.h"

static int failures;

static void
check_str(const char *what, RtString got, const char *want)
{
	if ((size_t)got.len != strlen(want) || memcmp(got.ptr, want, (size_t)got.len) != 0) {
		printf("FAIL %s: got %.*s, want %s\n", what, (int)got.len, (const char *)got.ptr, want);
		failures++;
	}
}

static const struct {
	const char *s;
	uint64_t bits64;
	int err64;
	uint32_t bits32;
	int err32;
} floats[] = {
	{"0.1", 0x3fb999999999999a, 0, 0x3dcccccd, 0},
	{"9007199254740993", 0x4340000000000000, 0, 0x5a000000, 0},
	{"9007199254740995", 0x4340000000000002, 0, 0x5a000000, 0},
	{"1e23", 0x44b52d02c7e14af6, 0, 0x65a96816, 0},
	{"2.2250738585072011e-308", 0x000fffffffffffff, 0, 0x00000000, 0},
	{"2.2250738585072012e-308", 0x0010000000000000, 0, 0x00000000, 0},
	{"4.9e-324", 0x0000000000000001, 0, 0x00000000, 0},
	{"2.4703282292062327e-324", 0x0000000000000000, 0, 0x00000000, 0},
	{"2.4703282292062328e-324", 0x0000000000000001, 0, 0x00000000, 0},
	{"1.7976931348623157e308", 0x7fefffffffffffff, 0, 0x7f800000, 1},
	{"1.7976931348623158e308", 0x7fefffffffffffff, 0, 0x7f800000, 1},
	{"1.7976931348623159e308", 0x7ff0000000000000, 1, 0x7f800000, 1},
	{"123456789012345678901234567890e-10", 0x43e56a95319d63e1, 0, 0x5f2b54aa, 0},
	{"0x1.fffffffffffff8p1023", 0x7ff0000000000000, 1, 0x7f800000, 1},
	{"0x1p-1074", 0x0000000000000001, 0, 0x00000000, 0},
	{"0x1.8p-1075", 0x0000000000000001, 0, 0x00000000, 0},
	{"1_0.5", 0x4025000000000000, 0, 0x41280000, 0},
	{"3.4028235e38", 0x47efffffe54daff8, 0, 0x7f7fffff, 0},
	{"3.4028236e38", 0x47effffff514a7bc, 0, 0x7f800000, 1},
	{"1e-46", 0x366244ce242c5561, 0, 0x00000000, 0},
	{"7.006492321624085e-46", 0x3690000000000000, 0, 0x00000000, 0},
};

static void
test_parsefloat(void)
{
	for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) {
		const char *s = floats[i].s;
		RtFloatErr r;
		rt_strconv_ParseFloat(&r, (const uint8_t *)s, (int64_t)strlen(s), 64);
		uint64_t b;
		memcpy(&b, &r.v, 8);
		if (b != floats[i].bits64 || (r.err.tab != NULL) != floats[i].err64) {
			printf("FAIL ParseFloat(%s, 64) = %016llx err %d\n", s, (unsigned long long)b,
			       r.err.tab != NULL);
			failures++;
		}
		rt_strconv_ParseFloat(&r, (const uint8_t *)s, (int64_t)strlen(s), 32);
		float f = (float)r.v;
		uint32_t b32;
		memcpy(&b32, &f, 4);
		if (b32 != floats[i].bits32 || (r.err.tab != NULL) != floats[i].err32) {
			printf("FAIL ParseFloat(%s, 32) = %08x err %d\n", s, b32, r.err.tab != NULL);
			failures++;
		}
	}
	const char *bad = "1.5e";
	RtFloatErr r;
	rt_strconv_ParseFloat(&r, (const uint8_t *)bad, 4, 64);
	check_str("ParseFloat(1.5e)", rt_error_text(r.err.tab, r.err.data),
		  "strconv.ParseFloat: parsing \"1.5e\": invalid syntax");
}

static void
test_quote(void)
{
	static const struct {
		const char *in;
		size_t n;
		const char *want, *ascii;
	} cases[] = {
		{"hi\n", 3, "\"hi\\n\"", "\"hi\\n\""},
		{"\x00\x07\x7f", 3, "\"\\x00\\a\\x7f\"", "\"\\x00\\a\\x7f\""},
		{"\xff\xfe", 2, "\"\\xff\\xfe\"", "\"\\xff\\xfe\""},
		{"h\xc3\xa9\xe2\x98\xba", 6, "\"h\xc3\xa9\xe2\x98\xba\"", "\"h\\u00e9\\u263a\""},
		{"\xe2\x80\xa8", 3, "\"\\u2028\"", "\"\\u2028\""},
		{"\xf0\x9f\x98\x80", 4, "\"\xf0\x9f\x98\x80\"", "\"\\U0001f600\""},
		{"\"\\", 2, "\"\\\"\\\\\"", "\"\\\"\\\\\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_str("Quote", rt_strconv_Quote((const uint8_t *)cases[i].in,
						    (int64_t)cases[i].n), cases[i].want);
		check_str("QuoteToASCII", rt_strconv_QuoteToASCII((const uint8_t *)cases[i].in,
								   (int64_t)cases[i].n),
			  cases[i].ascii);
	}
	check_str("QuoteRune", rt_strconv_QuoteRune('\''), "'\\''");
	check_str("QuoteRune", rt_strconv_QuoteRune(0xD800), "'\xef\xbf\xbd'");
}

static void
test_numerror(void)
{
	RtIntErr r;
	rt_strconv_Atoi(&r, (const uint8_t *)"12a", 3);
	check_str("Atoi", rt_error_text(r.err.tab, r.err.data),
		  "strconv.Atoi: parsing \"12a\": invalid syntax");
	rt_strconv_Atoi(&r, (const uint8_t *)"99999999999999999999", 20);
	check_str("Atoi", rt_error_text(r.err.tab, r.err.data),
		  "strconv.Atoi: parsing \"99999999999999999999\": value out of range");
	if (r.v != INT64_MAX) {
		printf("FAIL Atoi range value %lld\n", (long long)r.v);
		failures++;
	}
	rt_strconv_ParseInt(&r, (const uint8_t *)"-129", 4, 10, 8);
	check_str("ParseInt", rt_error_text(r.err.tab, r.err.data),
		  "strconv.ParseInt: parsing \"-129\": value out of range");
	if (r.v != -128) {
		printf("FAIL ParseInt range value %lld\n", (long long)r.v);
		failures++;
	}
	rt_strconv_ParseInt(&r, (const uint8_t *)"1", 1, 1, 0);
	check_str("ParseInt", rt_error_text(r.err.tab, r.err.data),
		  "strconv.ParseInt: parsing \"1\": invalid base 1");
}

int
main(void)
{
	test_parsefloat();
	test_quote();
	test_numerror();
	if (failures) {
		printf("%d failures\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
