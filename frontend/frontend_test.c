// frontend_test.c: unit tests for const.c (exact arithmetic, literals, representability,
// gc's rendering of values) and types.c (interning makes identical types pointer-equal;
// amd64 sizes and struct offsets). Exit status 0 when every check passes.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

static int failures;

#define CHECK(c)                                                                           \
	do {                                                                               \
		if (!(c)) {                                                                \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);  \
			failures++;                                                        \
		}                                                                          \
	} while (0)

static ConstVal *
lit(LitKind k, const char *s)
{
	const char *err;
	return const_from_lit(k, s, (int)strlen(s), &err);
}

static bool
text_is(ConstVal *c, const char *want)
{
	const char *got = const_text(c);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "const_text: got %s, want %s\n", got, want);
		return false;
	}
	return true;
}

static void
test_const(void)
{
	ConstVal *a = lit(LIT_INT, "1_000"), *b = lit(LIT_INT, "0x10");
	CHECK(text_is(a, "1000"));
	CHECK(text_is(b, "16"));
	CHECK(text_is(lit(LIT_INT, "0755"), "493"));
	CHECK(text_is(lit(LIT_INT, "0b101"), "5"));
	CHECK(text_is(const_binary(AOP_ADD, a, b, true), "1016"));
	CHECK(text_is(const_binary(AOP_DIV, lit(LIT_INT, "7"), lit(LIT_INT, "2"), true), "3"));
	CHECK(text_is(const_binary(AOP_DIV, lit(LIT_INT, "7"), lit(LIT_INT, "2"), false), "3.5"));
	CHECK(text_is(const_binary(AOP_REM, lit(LIT_INT, "-7"), lit(LIT_INT, "2"), true), "-1"));
	CHECK(const_binary(AOP_DIV, a, lit(LIT_INT, "0"), true) == NULL);
	ConstVal *big = const_shift(AOP_SHL, lit(LIT_INT, "1"), 100);
	CHECK(text_is(big, "1267650600228229401496703205376"));
	CHECK(text_is(const_shift(AOP_SHR, big, 98), "4"));
	CHECK(text_is(const_shift(AOP_SHR, lit(LIT_INT, "-5"), 1), "-3"));
	CHECK(text_is(lit(LIT_FLOAT, "1e100"), "1e+100"));
	CHECK(text_is(lit(LIT_FLOAT, "1.5"), "1.5"));
	CHECK(text_is(lit(LIT_FLOAT, "0x1p-2"), "0.25"));
	CHECK(text_is(lit(LIT_FLOAT, "1e-7"), "1e-07"));
	CHECK(text_is(lit(LIT_FLOAT, "1e400"), "1e+400"));
	CHECK(text_is(lit(LIT_RUNE, "'a'"), "97"));
	CHECK(text_is(lit(LIT_RUNE, "'\\u00e9'"), "233"));
	CHECK(text_is(lit(LIT_STRING, "\"a\\tb\""), "\"a\\tb\""));
	CHECK(text_is(lit(LIT_STRING, "`x\\n`"), "\"x\\\\n\""));
	CHECK(text_is(lit(LIT_IMAG, "2i"), "(0 + 2i)"));
	// 0.1 + 0.2 is exactly 0.3 as an untyped constant
	ConstVal *s = const_binary(AOP_ADD, lit(LIT_FLOAT, "0.1"), lit(LIT_FLOAT, "0.2"), false);
	CHECK(const_compare(AOP_EQ, s, lit(LIT_FLOAT, "0.3")));
	CHECK(const_compare(AOP_LT, lit(LIT_INT, "2"), lit(LIT_FLOAT, "2.5")));
	CHECK(const_compare(AOP_LT, lit(LIT_STRING, "\"ab\""), lit(LIT_STRING, "\"b\"")));
	// representability
	ConstVal *out;
	CHECK(const_represent(lit(LIT_INT, "255"), ty_uint8, &out) == FIT_OK);
	CHECK(const_represent(lit(LIT_INT, "256"), ty_uint8, &out) == FIT_OVERFLOW);
	CHECK(const_represent(lit(LIT_INT, "-1"), ty_uint, &out) == FIT_OVERFLOW);
	CHECK(const_represent(lit(LIT_FLOAT, "1.5"), ty_int, &out) == FIT_TRUNCATED);
	CHECK(const_represent(lit(LIT_FLOAT, "2.0"), ty_int, &out) == FIT_OK && out->kind == CK_INT);
	CHECK(const_represent(lit(LIT_FLOAT, "1e100"), ty_float32, &out) == FIT_OVERFLOW);
	CHECK(const_represent(lit(LIT_FLOAT, "0.1"), ty_float32, &out) == FIT_OK &&
	      const_float64(out) == (double)0.1f);
	CHECK(const_represent(lit(LIT_FLOAT, "0.1"), ty_float64, &out) == FIT_OK &&
	      const_float64(out) == 0.1);
	CHECK(const_represent(lit(LIT_STRING, "\"s\""), ty_int, &out) == FIT_MISMATCH);
	ConstVal *m = const_shift(AOP_SHL, lit(LIT_INT, "1"), 63);
	CHECK(const_represent(m, ty_int64, &out) == FIT_OVERFLOW);
	CHECK(const_represent(const_unary(AOP_SUB, m, NULL), ty_int64, &out) == FIT_OK);
	CHECK(const_int64(const_unary(AOP_SUB, m, NULL)) == INT64_MIN);
	CHECK(const_uint64(const_unary(AOP_XOR, lit(LIT_INT, "0"), ty_uint8)) == 255);
	CHECK(const_int64(const_unary(AOP_XOR, lit(LIT_INT, "0"), NULL)) == -1);
	CHECK(const_float64(lit(LIT_FLOAT, "9007199254740993")) == 9007199254740992.0);
}

static void
test_types(void)
{
	CHECK(type_slice(ty_int) == type_slice(ty_int));
	CHECK(type_slice(ty_int) != type_slice(ty_int8));
	CHECK(type_map(ty_string, type_slice(ty_int)) == type_map(ty_string, type_slice(ty_int)));
	CHECK(type_pointer(type_array(ty_int, 3)) == type_pointer(type_array(ty_int, 3)));
	CHECK(type_array(ty_int, 3) != type_array(ty_int, 4));
	Field p1[2] = {{.name = sym_cstr("a"), .type = ty_int}, {.type = ty_string}};
	Field p2[2] = {{.name = sym_cstr("b"), .type = ty_int}, {.type = ty_string}};
	Field r[1] = {{.type = ty_bool}};
	CHECK(type_func(p1, 2, r, 1, false) == type_func(p2, 2, r, 1, false));
	CHECK(type_func(p1, 2, r, 1, false) != type_func(p1, 2, r, 1, true));
	Field s1[2] = {{.name = sym_cstr("a"), .type = ty_int8}, {.name = sym_cstr("b"), .type = ty_int64}};
	Field s2[2] = {{.name = sym_cstr("a"), .type = ty_int8}, {.name = sym_cstr("c"), .type = ty_int64}};
	Type *st = type_struct(s1, 2);
	CHECK(st == type_struct(s1, 2));
	CHECK(st != type_struct(s2, 2));
	CHECK(type_size(st) == 16 && type_align(st) == 8 && st->fields.v[1].offset == 8);
	Field s3[2] = {{.name = sym_cstr("a"), .type = ty_int64}, {.name = sym_cstr("z"), .type = type_struct(NULL, 0)}};
	CHECK(type_size(type_struct(s3, 2)) == 16);
	CHECK(type_size(ty_string) == 16 && type_size(type_slice(ty_int)) == 24);
	CHECK(type_size(ty_any) == 16 && type_size(ty_complex64) == 8 && type_align(ty_complex64) == 4);
	CHECK(strcmp(type_string(type_map(ty_string, type_slice(ty_int))), "map[string][]int") == 0);
	Field pv[2] = {{.type = ty_int}, {.type = type_slice(ty_string)}};
	CHECK(strcmp(type_string(type_func(pv, 2, r, 1, true)), "func(int, ...string) bool") == 0);
	CHECK(strcmp(type_string(type_chan(type_chan(ty_int, CHAN_RECV), CHAN_BOTH)),
		     "chan (<-chan int)") == 0);
	CHECK(strcmp(type_string(st), "struct{a int8; b int64}") == 0);
	CHECK(strcmp(type_string(ty_error), "error") == 0);
	CHECK(strcmp(type_string(ty_untyped_float), "untyped float") == 0);
}

int
main(void)
{
	types_init();
	test_const();
	test_types();
	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
