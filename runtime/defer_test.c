// defer_test.c: defer, panic and recover (defer.c, panic.c) driven by C functions written
// the way codegen emits Go functions (rt.h's code shape): a frame record, _setjmp with a
// recovered path, rt_deferproc of closures, rt_deferreturn at every return, recover()
// as rt_gorecover(&v, frame address), wrappers calling rt_wrapperenter. It is compiled
// with frame pointers and without sibling calls, as rt.h requires of generated code.
//
// Each case names the Go program it stands for; the expected outputs are gc's.
#include <setjmp.h>

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

#define NOINLINE __attribute__((noinline))
#define SETJMP(fr) _setjmp(*(jmp_buf *)(void *)(fr).jb)
#define FP() __builtin_frame_address(0)

static char trace[256]; // what the deferred calls did, in order
static int ntrace;

static void
note(const char *s)
{
	size_t n = strlen(s);
	if (ntrace + n < sizeof trace) {
		memcpy(trace + ntrace, s, n);
		ntrace += (int)n;
		trace[ntrace] = '\0';
	}
}

static void
reset(void)
{
	ntrace = 0;
	trace[0] = '\0';
}

static RtString
S(const char *s)
{
	return (RtString){(const uint8_t *)s, (int64_t)strlen(s)};
}

static void
panic_str(const char *s)
{
	RtString *box = rt_alloc(&rt_type_string);
	*box = S(s);
	rt_panic(&rt_type_string, box);
}

static bool
is_str(RtEface v, const char *s)
{
	return v.type == &rt_type_string && ((RtString *)v.data)->len == (int64_t)strlen(s) &&
	       memcmp(((RtString *)v.data)->ptr, s, strlen(s)) == 0;
}

// ---- closures ----

typedef struct NoteClosure { // func() { note(msg) }
	void (*fn)(void);
	const char *msg;
} NoteClosure;

static NOINLINE void
note_fn(NoteClosure *c)
{
	note(c->msg);
}

#define NOTE(m) (&(NoteClosure){(void (*)(void))note_fn, (m)})

typedef struct RecClosure { // func() { v := recover(); *out = v; note("R") }
	void (*fn)(void);
	RtEface *out;
	volatile int64_t *result; // when set, the named result becomes -1 on recovery
} RecClosure;

static NOINLINE void
rec_fn(RecClosure *c)
{
	RtEface v;
	rt_gorecover(&v, FP());
	*c->out = v;
	if (v.type != NULL && c->result != NULL)
		*c->result = -1;
	note("R");
}

typedef struct PanicClosure { // func() { panic(msg) }
	void (*fn)(void);
	const char *msg;
} PanicClosure;

static NOINLINE void
panic_fn(PanicClosure *c)
{
	panic_str(c->msg);
}

// ---- 1. LIFO at return; deferred closures change named results ----

// func f() (r int) { defer func() { r *= 2 }(); defer note("a"); defer note("b"); return 21 }
typedef struct DoubleClosure {
	void (*fn)(void);
	volatile int64_t *r;
} DoubleClosure;

static NOINLINE void
double_fn(DoubleClosure *c)
{
	*c->r *= 2;
	note("d");
}

static NOINLINE int64_t
f_lifo(void)
{
	RtFrame fr;
	volatile int64_t r = 0;
	fr.results = (void *)&r;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	DoubleClosure dc = {(void (*)(void))double_fn, &r};
	rt_deferproc(&fr, (RtClosure *)&dc);
	rt_deferproc(&fr, (RtClosure *)NOTE("a"));
	rt_deferproc(&fr, (RtClosure *)NOTE("b"));
	r = 21;
	rt_deferreturn(&fr);
	return r;
recovered:
	rt_deferreturn(&fr);
	return r;
}

// ---- 2. recover in the panicking function: it returns normally ----

// func f() (r int) { r = 5; defer note("o"); defer func() { if recover() != nil { r = -1 } }()
//                    panic("boom") }     -> r == -1, trace "Ro"
static RtEface got;

static NOINLINE int64_t
f_recover_here(void)
{
	RtFrame fr;
	volatile int64_t r = 0;
	fr.results = (void *)&r;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	r = 5;
	rt_deferproc(&fr, (RtClosure *)NOTE("o"));
	RecClosure rc = {(void (*)(void))rec_fn, &got, &r};
	rt_deferproc(&fr, (RtClosure *)&rc);
	panic_str("boom");
	rt_deferreturn(&fr);
	return r;
recovered:
	rt_deferreturn(&fr);
	return r;
}

// ---- 3. through frames: h panics, g (defers, no recover) unwinds, f recovers ----

static NOINLINE void
h_panics(void)
{
	panic_str("deep");
}

static NOINLINE void
plain_middle(void) // no defers: no frame record
{
	h_panics();
	note("never");
}

static NOINLINE void
g_defers(void)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	rt_deferproc(&fr, (RtClosure *)NOTE("g"));
	plain_middle();
	note("never");
	rt_deferreturn(&fr);
	return;
recovered:
	rt_deferreturn(&fr);
}

static NOINLINE int64_t
f_outer(void)
{
	RtFrame fr;
	volatile int64_t r = 0;
	fr.results = (void *)&r;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	RecClosure rc = {(void (*)(void))rec_fn, &got, &r};
	rt_deferproc(&fr, (RtClosure *)&rc);
	r = 1;
	g_defers();
	note("never");
	rt_deferreturn(&fr);
	return r;
recovered:
	rt_deferreturn(&fr);
	return r;
}

// ---- 4. recover only directly ----

static NOINLINE void
helper_recover(RtEface *out) // func helper() { v := recover() }
{
	RtEface v;
	rt_gorecover(&v, FP());
	*out = v;
}

typedef struct IndirectClosure { // func() { helper() } : NOT direct
	void (*fn)(void);
	RtEface *out;
} IndirectClosure;

static NOINLINE void
indirect_fn(IndirectClosure *c)
{
	helper_recover(c->out);
	note("I");
}

// The wrapper codegen makes for `defer helper()`: forwards, so helper's recover counts.
static NOINLINE void
wrapper_fn(IndirectClosure *c)
{
	rt_wrapperenter(FP());
	helper_recover(c->out);
}

// func f() { defer wrapper(helper); defer func(){ helper() }(); panic("w") }
//   -> the literal's helper gets nil, the wrapped helper recovers "w".
static RtEface got_indirect, got_wrapped;

static NOINLINE void
f_direct_rule(void)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	IndirectClosure w = {(void (*)(void))wrapper_fn, &got_wrapped};
	rt_deferproc(&fr, (RtClosure *)&w);
	IndirectClosure ind = {(void (*)(void))indirect_fn, &got_indirect};
	rt_deferproc(&fr, (RtClosure *)&ind);
	panic_str("w");
	rt_deferreturn(&fr);
	return;
recovered:
	note("back");
	rt_deferreturn(&fr);
}

// recover() outside panics, and in a deferred call at a normal return, is nil.
static NOINLINE void
f_no_panic(void)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	RecClosure rc = {(void (*)(void))rec_fn, &got, NULL};
	rt_deferproc(&fr, (RtClosure *)&rc);
	rt_deferreturn(&fr);
	return;
recovered:
	rt_deferreturn(&fr);
}

// ---- 5. a panic in a deferred call at return, recovered by an older one ----

// func f() (r int) { defer recoverer(); defer func() { panic("late") }(); return 3 }
static NOINLINE int64_t
f_panic_in_defer(void)
{
	RtFrame fr;
	volatile int64_t r = 0;
	fr.results = (void *)&r;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	RecClosure rc = {(void (*)(void))rec_fn, &got, NULL};
	rt_deferproc(&fr, (RtClosure *)&rc);
	PanicClosure pc = {(void (*)(void))panic_fn, "late"};
	rt_deferproc(&fr, (RtClosure *)&pc);
	r = 3;
	rt_deferreturn(&fr);
	return r;
recovered:
	note("rec");
	rt_deferreturn(&fr);
	return r;
}

// ---- 6. overtaken panic: A runs D1 which panics B; an older D2 recovers B ----

// func f() { defer recoverer(); defer func() { panic("B") }(); panic("A") }
// -> recover returns "B"; A is aborted and gone: rt_g.panic is empty afterwards.
static NOINLINE void
f_abort(void)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	RecClosure rc = {(void (*)(void))rec_fn, &got, NULL};
	rt_deferproc(&fr, (RtClosure *)&rc);
	PanicClosure pc = {(void (*)(void))panic_fn, "B"};
	rt_deferproc(&fr, (RtClosure *)&pc);
	panic_str("A");
	rt_deferreturn(&fr);
	return;
recovered:
	rt_deferreturn(&fr);
}

// ---- 7. run-time errors are recoverable runtime.Error values ----

static NOINLINE void
f_runtime_error(int which)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	RecClosure rc = {(void (*)(void))rec_fn, &got, NULL};
	rt_deferproc(&fr, (RtClosure *)&rc);
	if (which == 0)
		rt_panic_bounds(RT_BOUNDS_INDEX, 5, 3, 1);
	if (which == 1) {
		volatile int *p = NULL;
		*p = 1; // SIGSEGV -> sigpanic
	}
	if (which == 2) {
		volatile int64_t z = 0, x = 7;
		x = x / z; // SIGFPE -> sigpanic
	}
	if (which == 3) {
		static const RtType any = {.size = 16, .kind = RT_KIND_INTERFACE,
					   .name = "interface {}"};
		rt_panic_typeassert(&any, &rt_type_string, &rt_type_int, NULL);
	}
	rt_deferreturn(&fr);
	return;
recovered:
	rt_deferreturn(&fr);
}

static const RtIMethod error_imethods[] = {{"Error", "func() string"}};
static const RtType t_error = {.size = 16, .kind = RT_KIND_INTERFACE, .align = 8,
			       .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .name = "error",
			       .imethods = error_imethods, .nimethods = 1};

// err.Error() through an itab, as generated code calls it.
static RtString
error_text(RtEface v)
{
	RtIface e;
	rt_assertE2I(&e, &t_error, v.type, v.data);
	return ((RtString(*)(void *))e.tab->fun[0])(e.data);
}

static bool
error_is(RtEface v, const RtType *t, const char *text)
{
	if (v.type != t)
		return false;
	RtString s = error_text(v);
	return s.len == (int64_t)strlen(text) && memcmp(s.ptr, text, (size_t)s.len) == 0;
}

// ---- 8. loops of defers, panic(nil), recovery then remaining defers ----

static NOINLINE void
f_loop(void)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	// One closure per iteration (escape analysis puts such closures on the heap).
	static NoteClosure cs[5];
	static const char *digits[] = {"0", "1", "2", "3", "4"};
	for (int i = 0; i < 5; i++) {
		cs[i] = (NoteClosure){(void (*)(void))note_fn, digits[i]};
		rt_deferproc(&fr, (RtClosure *)&cs[i]);
	}
	rt_deferreturn(&fr);
	return;
recovered:
	rt_deferreturn(&fr);
}

static NOINLINE int64_t
f_panic_nil(void)
{
	RtFrame fr;
	volatile int64_t r = 0;
	fr.results = (void *)&r;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	RecClosure rc = {(void (*)(void))rec_fn, &got, NULL};
	rt_deferproc(&fr, (RtClosure *)&rc);
	r = 9;
	rt_panic(NULL, NULL);
recovered:
	rt_deferreturn(&fr);
	return r;
}

// Recursion: each level defers; the innermost panics; level 0 recovers.
static NOINLINE void
f_rec(int n)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		goto recovered;
	if (n == 0) {
		RecClosure rc = {(void (*)(void))rec_fn, &got, NULL};
		rt_deferproc(&fr, (RtClosure *)&rc);
	} else {
		static const char *d[] = {"", "1", "2", "3", "4", "5"};
		rt_deferproc(&fr, (RtClosure *)NOTE(d[n]));
	}
	if (n == 5)
		panic_str("bottom");
	f_rec(n + 1);
	rt_deferreturn(&fr);
	return;
recovered:
	rt_deferreturn(&fr);
}

// ---- fatal cases (children) ----

// func main() { defer func() { panic("second") }(); panic("first") }
static void
fatal_nested(void *arg)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		return;
	PanicClosure pc = {(void (*)(void))panic_fn, "second"};
	rt_deferproc(&fr, (RtClosure *)&pc);
	panic_str("first");
}

// func main() { defer func() { recover(); panic("second") }(); panic("first") }
static NOINLINE void
rec_then_panic_fn(RtClosure *c)
{
	RtEface v;
	rt_gorecover(&v, FP());
	panic_str("second");
}

static void
fatal_recovered_then_panic(void *arg)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		return;
	RtClosure c = {(void (*)(void))rec_then_panic_fn};
	rt_deferproc(&fr, &c);
	panic_str("first");
}

// defer func() { r := recover(); panic(r) }(); a[5] with len 3
static NOINLINE void
repanic_fn(RtClosure *c)
{
	RtEface v;
	rt_gorecover(&v, FP());
	rt_panic(v.type, v.data);
}

static void
fatal_repanic_runtime_error(void *arg)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		return;
	RtClosure c = {(void (*)(void))repanic_fn};
	rt_deferproc(&fr, &c);
	rt_panic_bounds(RT_BOUNDS_INDEX, 5, 3, 1);
}

// Deferred calls run (and print) before the panic is reported; an indirect recover fails.
static void
fatal_indirect(void *arg)
{
	RtFrame fr;
	rt_deferframe(&fr);
	if (SETJMP(fr) != 0)
		return;
	rt_deferproc(&fr, (RtClosure *)NOTE("x"));
	IndirectClosure ind = {(void (*)(void))indirect_fn, &got_indirect};
	rt_deferproc(&fr, (RtClosure *)&ind);
	rt_out_write("out\n", 4);
	panic_str("not recovered");
}

// A recovered nil dereference, then an unrecovered one: the signal line is reported
// once, for the second.
static void
fatal_two_faults(void *arg)
{
	rt_signals_init();
	f_runtime_error(1);
	rt_out_write(trace, ntrace);
	volatile int *p = NULL;
	*p = 2;
}

static void
expect_child(void (*fn)(void *), const char *wantout, const char *wanterr)
{
	Captured c;
	reset();
	capture(fn, NULL, &c);
	if (c.status != 2 || strncmp(c.err, wanterr, strlen(wanterr)) != 0 ||
	    strcmp(c.out, wantout) != 0) {
		fprintf(stderr, "want (2) out=%s err=%s\ngot (%d) out=%s err=%s\n", wantout,
			wanterr, c.status, c.out, c.err);
		failures++;
	}
}

int
main(void)
{
	rt_signals_init();

	reset();
	CHECK(f_lifo() == 42);
	CHECK(strcmp(trace, "bad") == 0);
	CHECK(rt_g.frames == NULL);

	reset();
	CHECK(f_recover_here() == -1);
	CHECK(is_str(got, "boom"));
	CHECK(strcmp(trace, "Ro") == 0);
	CHECK(rt_g.frames == NULL && rt_g.panic == NULL);

	reset();
	CHECK(f_outer() == -1);
	CHECK(is_str(got, "deep"));
	CHECK(strcmp(trace, "gR") == 0);
	CHECK(rt_g.frames == NULL && rt_g.panic == NULL);

	reset();
	got_indirect.type = got_wrapped.type = &rt_type_int;
	f_direct_rule();
	CHECK(got_indirect.type == NULL);
	CHECK(is_str(got_wrapped, "w"));
	CHECK(strcmp(trace, "Iback") == 0);

	reset();
	got.type = &rt_type_int;
	f_no_panic();
	CHECK(got.type == NULL);
	RtEface v;
	rt_gorecover(&v, FP());
	CHECK(v.type == NULL);

	reset();
	CHECK(f_panic_in_defer() == 3);
	CHECK(is_str(got, "late"));
	CHECK(strcmp(trace, "Rrec") == 0);

	reset();
	f_abort();
	CHECK(is_str(got, "B"));
	CHECK(rt_g.panic == NULL && rt_g.frames == NULL);

	reset();
	f_runtime_error(0);
	CHECK(error_is(got, &rt_type_bounds_error,
		       "runtime error: index out of range [5] with length 3"));
	CHECK(rt_findmethod(got.type, "RuntimeError", "func()") != NULL);
	RtString fs = rt_fmt_sprint(&got, 1);
	CHECK(fs.len == 51 && memcmp(fs.ptr, "runtime error: index out of range [5] with length 3",
				     51) == 0);
	RtEface tv = {&rt_type_string, &(RtString){(const uint8_t *)"%T", 2}};
	(void)tv;
	RtString ts = rt_fmt_sprintf((const uint8_t *)"%T", 2, &got, 1);
	CHECK(ts.len == 19 && memcmp(ts.ptr, "runtime.boundsError", 19) == 0);
	for (int i = 0; i < 3; i++) { // faults recover, repeatedly (the mask is restored)
		f_runtime_error(1);
		CHECK(error_is(got, &rt_type_error_string,
			       "runtime error: invalid memory address or nil pointer dereference"));
		f_runtime_error(2);
		CHECK(error_is(got, &rt_type_error_string, "runtime error: integer divide by zero"));
	}
	f_runtime_error(3);
	CHECK(error_is(got, &rt_type_assert_error,
		       "interface conversion: interface {} is string, not int"));
	CHECK(rt_g.sigline == NULL);

	reset();
	f_loop();
	CHECK(strcmp(trace, "43210") == 0);

	reset();
	got.type = &rt_type_int;
	CHECK(f_panic_nil() == 9);
	CHECK(got.type == NULL && strcmp(trace, "R") == 0);

	reset();
	f_rec(0);
	CHECK(strcmp(trace, "54321R") == 0 && is_str(got, "bottom"));
	CHECK(rt_g.frames == NULL && rt_g.panic == NULL);

	expect_child(fatal_nested, "", "panic: first\n\tpanic: second\n\ngoroutine 1");
	expect_child(fatal_recovered_then_panic, "",
		     "panic: first [recovered]\n\tpanic: second\n\ngoroutine 1");
	expect_child(fatal_repanic_runtime_error, "",
		     "panic: runtime error: index out of range [5] with length 3 [recovered]\n"
		     "\tpanic: runtime error: index out of range [5] with length 3\n\ngoroutine 1");
	expect_child(fatal_indirect, "out\n", "panic: not recovered\n\ngoroutine 1");
	expect_child(fatal_two_faults, "R",
		     "panic: runtime error: invalid memory address or nil pointer dereference\n"
		     "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x");

	if (failures) {
		fprintf(stderr, "defer_test: %d failures\n", failures);
		return 1;
	}
	printf("defer_test: ok\n");
	return 0;
}
