// iface_test.c: method tables, itabs and interface values (iface.c): itab construction
// and caching, failed assertions with gc's messages, I2I/E2I/I2E, interface equality
// (including the uncomparable panic), RtIface-form values inside structs and map keys,
// and fmt/panic honouring Error and String found through method tables. Expected texts
// are gc's (go run of the equivalent program).
#include "rtint.h"
#include "rttest.h"

static int failures;

#define CHECK(c)                                                                   \
	do {                                                                       \
		if (!(c)) {                                                        \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); \
			failures++;                                                \
		}                                                                  \
	} while (0)

#define FN(f) ((void (*)(void))(f))

static const RtType t_int = {.size = 8, .kind = RT_KIND_INT, .align = 8, .name = "int"};
static const RtType t_sint = {.size = 24, .kind = RT_KIND_SLICE, .align = 8, .elem = &t_int,
			      .name = "[]int"};

// type U struct{ x int }; func (U) M() int { return u.x }; func (U) String() string
// type *U: M, String (wrappers) and P() (pointer method)
static int64_t last_m;

static int64_t
U_M_ifn(void *data) // (*U).M wrapper: receiver is the boxed value
{
	last_m = *(int64_t *)data;
	return last_m;
}

static RtString
U_String_ifn(void *data)
{
	static char buf[32];
	int n = snprintf(buf, sizeof buf, "U<%lld>", (long long)*(int64_t *)data);
	return rt_bytes2str((const uint8_t *)buf, n);
}

static void
pU_P(void *data)
{
	(*(int64_t *)data)++;
}

static const RtMethod U_methods[] = {
	{"M", "func() int", FN(U_M_ifn), NULL},
	{"String", "func() string", FN(U_String_ifn), NULL},
};
static const RtField U_fields[] = {{"x", &t_int, 0, 0}};
static const RtType t_U = {.size = 8, .kind = RT_KIND_STRUCT, .align = 8,
			   .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "main.U",
			   .nfields = 1, .fields = U_fields, .methods = U_methods, .nmethods = 2};
static const RtMethod pU_methods[] = {
	{"M", "func() int", FN(U_M_ifn), NULL},
	{"P", "func()", FN(pU_P), FN(pU_P)},
	{"String", "func() string", FN(U_String_ifn), NULL},
};
static const RtType t_pU = {.size = 8, .kind = RT_KIND_POINTER, .align = 8,
			    .flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .name = "*main.U",
			    .elem = &t_U, .methods = pU_methods, .nmethods = 3};

// type V int; func (V) M() string   (same name, another signature)
static const RtMethod V_methods[] = {{"M", "func() string", FN(U_String_ifn), NULL}};
static const RtType t_V = {.size = 8, .kind = RT_KIND_INT, .align = 8,
			   .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "main.V",
			   .methods = V_methods, .nmethods = 1};

// interface I { M() int }, J { M() int; P() }, S (fmt.Stringer), error
static const RtIMethod I_im[] = {{"M", "func() int"}};
static const RtType t_I = {.size = 16, .kind = RT_KIND_INTERFACE, .align = 8,
			   .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "main.I",
			   .imethods = I_im, .nimethods = 1};
static const RtIMethod J_im[] = {{"M", "func() int"}, {"P", "func()"}};
static const RtType t_J = {.size = 16, .kind = RT_KIND_INTERFACE, .align = 8,
			   .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "main.J",
			   .imethods = J_im, .nimethods = 2};
static const RtIMethod S_im[] = {{"String", "func() string"}};
static const RtType t_S = {.size = 16, .kind = RT_KIND_INTERFACE, .align = 8,
			   .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "fmt.Stringer",
			   .imethods = S_im, .nimethods = 1};
static const RtType t_any = {.size = 16, .kind = RT_KIND_INTERFACE, .align = 8,
			     .name = "interface {}"};

// type E struct{ msg string }; func (*E) Error() string
static RtString
pE_Error(void *data)
{
	return data == NULL ? (RtString){(const uint8_t *)"nil E", 5} : *(RtString *)data;
}

static const RtMethod pE_methods[] = {{"Error", "func() string", FN(pE_Error), FN(pE_Error)}};
static const RtType t_pE = {.size = 8, .kind = RT_KIND_POINTER, .align = 8,
			    .flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .name = "*main.E",
			    .methods = pE_methods, .nmethods = 1};

static RtString
S(const char *s)
{
	return (RtString){(const uint8_t *)s, (int64_t)strlen(s)};
}

static bool
str_is(RtString s, const char *want)
{
	if (s.len == (int64_t)strlen(want) && memcmp(s.ptr, want, (size_t)s.len) == 0)
		return true;
	fprintf(stderr, "want %s, got %.*s\n", want, (int)s.len, s.ptr);
	return false;
}

static void
test_itabs(void)
{
	int64_t *u = rt_alloc(&t_U);
	*u = 7;
	const RtItab *tab = rt_getitab(&t_I, &t_U, 0);
	CHECK(tab != NULL && tab->inter == &t_I && tab->type == &t_U && tab->hash == t_U.hash);
	CHECK(tab == rt_getitab(&t_I, &t_U, 0)); // cached
	CHECK(((int64_t(*)(void *))tab->fun[0])(u) == 7);
	CHECK(rt_getitab(&t_J, &t_U, 1) == NULL); // U lacks P
	CHECK(rt_getitab(&t_J, &t_U, 1) == NULL); // cached negative
	const RtItab *jt = rt_getitab(&t_J, &t_pU, 0);
	CHECK(jt->fun[0] == FN(U_M_ifn) && jt->fun[1] == FN(pU_P));
	((void (*)(void *))jt->fun[1])(u);
	CHECK(*u == 8);
	CHECK(rt_getitab(&t_I, &t_V, 1) == NULL); // M has another signature
	CHECK(rt_getitab(&t_I, &t_int, 1) == NULL); // no methods at all

	// assertions
	RtIface out;
	CHECK(rt_assertE2I2(&out, &t_I, &t_U, u) == 1 && out.tab == tab && out.data == u);
	CHECK(rt_assertE2I2(&out, &t_J, &t_U, u) == 0 && out.tab == NULL && out.data == NULL);
	CHECK(rt_assertE2I2(&out, &t_J, NULL, NULL) == 0);
	rt_assertI2I(&out, &t_I, jt, u); // J -> I, dynamic type *U
	CHECK(out.tab == rt_getitab(&t_I, &t_pU, 0) && out.data == u);
	CHECK(rt_assertI2I2(&out, &t_J, tab, u) == 0);
	CHECK(rt_assertI2I2(&out, &t_S, tab, u) == 1 && out.tab->type == &t_U);
	RtEface e;
	rt_convI2E(&e, tab, u);
	CHECK(e.type == &t_U && e.data == u);
	rt_convI2E(&e, NULL, NULL);
	CHECK(e.type == NULL);

	// many types: the table grows
	static RtType many[600];
	static RtMethod mm[1] = {{"M", "func() int", FN(U_M_ifn), NULL}};
	for (int i = 0; i < 600; i++) {
		many[i] = t_U;
		many[i].methods = mm;
		many[i].nmethods = i % 2; // odd ones implement I
	}
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 600; i++)
			CHECK((rt_getitab(&t_I, &many[i], 1) != NULL) == (i % 2 == 1));

	CHECK(rt_findmethod(&t_pU, "P", NULL) == &pU_methods[1]);
	CHECK(rt_findmethod(&t_pU, "Q", NULL) == NULL);
	CHECK(rt_findmethod(&t_pU, "M", "func() string") == NULL);
	CHECK(rt_findmethod(&t_int, "M", NULL) == NULL);
}

static void
test_equality(void)
{
	int64_t *a = rt_alloc(&t_U), *b = rt_alloc(&t_U);
	*a = *b = 3;
	const RtItab *tab = rt_getitab(&t_I, &t_U, 0);
	CHECK(rt_ifaceeq(tab, a, tab, b) == 1);
	*b = 4;
	CHECK(rt_ifaceeq(tab, a, tab, b) == 0);
	CHECK(rt_ifaceeq(NULL, NULL, NULL, NULL) == 1);
	CHECK(rt_ifaceeq(tab, a, NULL, NULL) == 0);
	const RtItab *ptab = rt_getitab(&t_I, &t_pU, 0);
	CHECK(rt_ifaceeq(ptab, a, ptab, a) == 1 && rt_ifaceeq(ptab, a, ptab, b) == 0);
	CHECK(rt_ifaceeq(ptab, a, tab, a) == 0); // *U vs U

	// struct { A I; B any } compared field by field, A in RtIface form
	static const RtField w_fields[] = {{"A", &t_I, 0, 0}, {"B", &t_any, 16, 0}};
	static const RtType t_W = {.size = 32, .kind = RT_KIND_STRUCT, .align = 8,
				   .flags = RT_FLAG_NAMED, .name = "main.W", .nfields = 2,
				   .fields = w_fields};
	*b = 3;
	int64_t two = 2;
	struct {
		RtIface a;
		RtEface b;
	} x = {{tab, a}, {&t_int, &two}}, y = {{tab, b}, {&t_int, &two}};
	CHECK(rt_memequal(&x, &y, &t_W) == 1);
	*b = 5;
	CHECK(rt_memequal(&x, &y, &t_W) == 0);

	// map[I]int: RtIface-form keys hash by dynamic type and value
	static const RtType m_I_int = {.size = 8, .kind = RT_KIND_MAP, .flags = RT_FLAG_DIRECT,
				       .key = &t_I, .elem = &t_int, .name = "map[main.I]int"};
	RtMap *m = rt_makemap(&m_I_int, 0);
	RtIface k1 = {tab, a};
	*(int64_t *)rt_mapassign(&m_I_int, m, &k1) = 11;
	int64_t *c = rt_alloc(&t_U);
	*c = *a;
	RtIface k2 = {rt_getitab(&t_I, &t_U, 0), c};
	CHECK(*(int64_t *)rt_mapaccess1(&m_I_int, m, &k2) == 11);
	RtIface k3 = {ptab, c}; // *U holding the same address is another key
	CHECK(*(int64_t *)rt_mapaccess1(&m_I_int, m, &k3) == 0);

	// fmt prints the RtIface-form field through its dynamic type
	RtEface arg = {&t_W, &x};
	*a = 1;
	RtString s = rt_fmt_sprintf((const uint8_t *)"%v|%+v", 6, (RtEface[]){arg, arg}, 2);
	CHECK(str_is(s, "{U<1> 2}|{A:U<1> B:2}"));
	RtIface none = {NULL, NULL};
	memcpy(&x.a, &none, sizeof none);
	s = rt_fmt_sprintf((const uint8_t *)"%v %#v", 6, (RtEface[]){arg, arg}, 2);
	CHECK(str_is(s, "{<nil> 2} main.W{A:main.I(nil), B:2}"));
}

// type B int; func (B) String() string { panic("boom") }
static RtString
B_String(void *data)
{
	static RtString msg = {(const uint8_t *)"boom", 4};
	rt_panic(&rt_type_string, &msg);
}

static const RtMethod B_methods[] = {{"String", "func() string", FN(B_String), NULL}};
static const RtType t_B = {.size = 8, .kind = RT_KIND_INT, .align = 8,
			   .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "main.B",
			   .methods = B_methods, .nmethods = 1};

static void
test_fmt_methods(void)
{
	// fmt.Println(B(1), (*U)(nil)): String panics; the (*U).String wrapper faults on nil
	static int64_t b1 = 1;
	RtString p = rt_fmt_sprintf((const uint8_t *)"%v|%s|%d|%v", 11,
				    (RtEface[]){{&t_B, &b1}, {&t_B, &b1}, {&t_B, &b1},
						{&t_pU, NULL}}, 4);
	CHECK(str_is(p, "%!v(PANIC=String method: boom)|%!s(PANIC=String method: boom)|1|<nil>"));
	CHECK(rt_g.panic == NULL && rt_g.frames == NULL);

	int64_t *u = rt_alloc(&t_U);
	*u = 5;
	RtString msg = S("bad");
	RtEface args[] = {{&t_U, u}, {&t_pU, u}, {&t_pE, &msg}, {&t_pE, NULL}};
	RtString s = rt_fmt_sprintln(args, 4);
	CHECK(str_is(s, "U<5> U<5> bad nil E\n")); // the nil *E's Error is called, as in Go
	s = rt_fmt_sprintf((const uint8_t *)"%d %s %q %x", 11,
			   (RtEface[]){{&t_U, u}, {&t_U, u}, {&t_U, u}, {&t_U, u}}, 4);
	CHECK(str_is(s, "{5} U<5> \"U<5>\" 553c353e"));
}

// ---- panics ----

static void
missing(void *arg)
{
	int64_t v = 1;
	rt_getitab(&t_J, &t_U, 0);
	(void)v;
}

static void
assert_nil(void *arg)
{
	RtIface out;
	rt_assertE2I(&out, &t_I, NULL, NULL);
}

static void
assert_wrong_sig(void *arg)
{
	RtIface out;
	static int64_t v = 2;
	rt_assertE2I(&out, &t_I, &t_V, &v);
}

static void
uncomparable(void *arg)
{
	static RtSlice a, b;
	rt_efaceeq(&t_sint, &a, &t_sint, &b);
}

static void
panic_stringer(void *arg)
{
	static int64_t v = 9;
	rt_panic(&t_U, &v);
}

static void
panic_error(void *arg)
{
	static RtString m = {(const uint8_t *)"custom failure", 14};
	rt_panic(&t_pE, &m);
}

static void
expect_panic(void (*fn)(void *), const char *want)
{
	Captured c;
	capture(fn, NULL, &c);
	if (c.status != 2 || strncmp(c.err, want, strlen(want)) != 0) {
		fprintf(stderr, "want %s\ngot (status %d) %s\n", want, c.status, c.err);
		failures++;
	}
}

int
main(void)
{
	rt_signals_init();
	test_itabs();
	test_equality();
	test_fmt_methods();
	expect_panic(missing,
		     "panic: interface conversion: main.U is not main.J: missing method P\n");
	expect_panic(assert_nil, "panic: interface conversion: interface is nil, not main.I\n");
	expect_panic(assert_wrong_sig,
		     "panic: interface conversion: main.V is not main.I: missing method M\n");
	expect_panic(uncomparable, "panic: runtime error: comparing uncomparable type []int\n");
	expect_panic(panic_stringer, "panic: U<9>\n\ngoroutine 1");
	expect_panic(panic_error, "panic: custom failure\n\ngoroutine 1");
	if (failures) {
		fprintf(stderr, "iface_test: %d failures\n", failures);
		return 1;
	}
	printf("iface_test: ok\n");
	return 0;
}
