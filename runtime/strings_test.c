// strings_test.c: UTF-8 decoding (range over a string) and the string conversions,
// checked against gc 1.19, plus comparison, concatenation and equality by type.
//
// The range table was printed by this Go program (go run rng.go):
//
//	s := "a\xc3\xa9\xc3\xc0\x80\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xf0\x9f\x98\x80" +
//		"\xef\xbf\xbd\xe2\x82\xe2\x82\xac\x80\xf5\x80\x80\x80\xed\x9f\xbf\xf4\x8f\xbf\xbf" +
//		"\xe0\xa0\x80\xf0\x90\x80\x80\xc2\x80\xdf\xbf\xf0\x9f\x98"
//	for i, r := range s { fmt.Printf("{%d, 0x%x}, ", i, r) }
//	fmt.Printf("%q\n", string([]rune{-1, 0xD800, 0x110000, 0x41, 0x10FFFF, 0xE9}))
//	var sink []byte; var rsink []rune // escaping conversions: cap 16 and 16
//	sink = []byte(s15); rsink = []rune(s15) // s15 = "hello, world, x" (not constant)
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rtint.h"

static const char src[] =
	"a\xc3\xa9\xc3\xc0\x80\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xf0\x9f\x98\x80"
	"\xef\xbf\xbd\xe2\x82\xe2\x82\xac\x80\xf5\x80\x80\x80\xed\x9f\xbf\xf4\x8f\xbf\xbf"
	"\xe0\xa0\x80\xf0\x90\x80\x80\xc2\x80\xdf\xbf\xf0\x9f\x98";

static const int64_t want[][2] = {{0, 0x61}, {1, 0xe9}, {3, 0xfffd}, {4, 0xfffd},
	{5, 0xfffd}, {6, 0xfffd}, {7, 0xfffd}, {8, 0xfffd}, {9, 0xfffd}, {10, 0xfffd},
	{11, 0xfffd}, {12, 0xfffd}, {13, 0xfffd}, {14, 0xfffd}, {15, 0xfffd}, {16, 0x1f600},
	{20, 0xfffd}, {23, 0xfffd}, {24, 0xfffd}, {25, 0x20ac}, {28, 0xfffd}, {29, 0xfffd},
	{30, 0xfffd}, {31, 0xfffd}, {32, 0xfffd}, {33, 0xd7ff}, {36, 0x10ffff}, {40, 0x800},
	{43, 0x10000}, {47, 0x80}, {49, 0x7ff}, {51, 0xfffd}, {52, 0xfffd}, {53, 0xfffd}};

static int fails;

#define CHECK(cond, ...) \
	do { \
		if (!(cond)) { \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); \
			printf("\n"); \
			fails++; \
		} \
	} while (0)

static int
streq(RtString s, const char *want_s, size_t n)
{
	return (size_t)s.len == n && (n == 0 || memcmp(s.ptr, want_s, n) == 0);
}

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

int
main(void)
{
	const uint8_t *p = (const uint8_t *)src;
	int64_t n = sizeof src - 1;
	int k = 0;
	for (int64_t i = 0; i < n;) {
		int64_t next;
		int64_t r = rt_decoderune(p, n, i, &next);
		CHECK(k < (int)(sizeof want / sizeof want[0]) && want[k][0] == i && want[k][1] == r,
		      "rune #%d at %lld = 0x%llx", k, (long long)i, (long long)r);
		k++;
		i = next;
	}
	CHECK(k == (int)(sizeof want / sizeof want[0]), "%d runes", k);
	CHECK(rt_runecount(p, n) == 34, "runecount");

	int32_t runes[] = {-1, 0xD800, 0x110000, 0x41, 0x10FFFF, 0xE9};
	RtString rs = rt_runes2str(runes, 6);
	CHECK(streq(rs, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "A\xf4\x8f\xbf\xbf\xc3\xa9", 16),
	      "runes2str");
	CHECK(streq(rt_rune2str(0xD800), "\xef\xbf\xbd", 3), "rune2str surrogate");
	CHECK(streq(rt_rune2str(0x20AC), "\xe2\x82\xac", 3), "rune2str euro");
	CHECK(streq(rt_rune2str(-5), "\xef\xbf\xbd", 3), "rune2str negative");

	RtSlice b;
	rt_str2bytes(&b, S("hello, world, x"));
	CHECK(b.len == 15 && b.cap == 16 && memcmp(b.ptr, "hello, world, x", 15) == 0, "str2bytes");
	rt_str2runes(&b, S("hello, world, x"));
	CHECK(b.len == 15 && b.cap == 16 && ((int32_t *)b.ptr)[14] == 'x', "str2runes");
	rt_str2runes(&b, S("h\xc3\xa9\xff"));
	CHECK(b.len == 3 && ((int32_t *)b.ptr)[1] == 0xE9 && ((int32_t *)b.ptr)[2] == 0xFFFD,
	      "str2runes invalid");
	RtString bs = rt_bytes2str(S("abc"));
	CHECK(streq(bs, "abc", 3), "bytes2str");

	RtString parts[] = {{S("ab")}, {NULL, 0}, {S("cde")}};
	CHECK(streq(rt_concatstrings(parts, 3), "abcde", 5), "concat");
	RtString one[] = {{NULL, 0}, {S("xy")}};
	RtString c1 = rt_concatstrings(one, 2);
	CHECK(c1.ptr == one[1].ptr && c1.len == 2, "concat of one operand copies");

	CHECK(rt_strcmp(S("abc"), S("abd")) == -1, "strcmp <");
	CHECK(rt_strcmp(S("abc"), S("ab")) == 1, "strcmp prefix");
	CHECK(rt_strcmp(S(""), S("")) == 0, "strcmp empty");
	CHECK(rt_strcmp(S("\xff"), S("a")) == 1, "strcmp unsigned bytes");
	CHECK(rt_strequal(S("abc"), S("abc")) && !rt_strequal(S("abc"), S("abd")), "strequal");

	// Equality by type: floats as numbers, strings by content, padding ignored.
	static const RtType t_f64 = {.size = 8, .kind = RT_KIND_FLOAT64, .name = "float64"};
	static const RtType t_u8 = {.size = 1, .kind = RT_KIND_UINT8, .name = "uint8"};
	static const RtField fields[] = {{"a", &t_u8, 0, 0}, {"f", &t_f64, 8, 0},
					 {"s", &rt_type_string, 16, 0}};
	static const RtType t_s = {.size = 32, .kind = RT_KIND_STRUCT, .name = "main.S",
				   .nfields = 3, .fields = fields};
	struct {
		uint8_t a;
		double f;
		RtString s;
	} x, y;
	memset(&x, 0x11, sizeof x);
	memset(&y, 0x22, sizeof y);
	x.a = y.a = 1;
	x.f = 0.0;
	y.f = -0.0;
	char b1[] = "key", b2[] = "key";
	x.s = (RtString){(const uint8_t *)b1, 3};
	y.s = (RtString){(const uint8_t *)b2, 3};
	CHECK(rt_memequal(&x, &y, &t_s), "struct equality");
	y.f = NAN;
	x.f = NAN;
	CHECK(!rt_memequal(&x, &y, &t_s), "NaN fields are unequal");
	int64_t i1 = 5, i2 = 5, i3 = 6;
	CHECK(rt_efaceeq(&rt_type_int, &i1, &rt_type_int, &i2), "efaceeq");
	CHECK(!rt_efaceeq(&rt_type_int, &i1, &rt_type_int, &i3), "efaceeq values");
	CHECK(!rt_efaceeq(&rt_type_int, &i1, &t_f64, &i1), "efaceeq types");
	CHECK(rt_efaceeq(NULL, NULL, NULL, NULL), "nil == nil");

	printf("strings_test: %d failures\n", fails);
	return fails != 0;
}
