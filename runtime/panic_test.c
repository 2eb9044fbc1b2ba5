// panic_test.c: run-time panics and faults, each run in a child process: gc 1.19's
// message on stderr, stdout flushed first, exit status 2.
//
// The expected first lines come from running Go programs such as
//	a := []int{1, 2, 3}; i := 5; println(a[i])        // index out of range [5] with length 3
//	j := -2; println(a[j])                            // index out of range [-2]
//	j := 5; println(a[:j])                            // slice bounds out of range [:5] with capacity 3
//	j, k := 2, 1; println(a[j:k])                     // slice bounds out of range [2:1]
//	j := 5; println(a[0:1:j])                         // slice bounds out of range [::5] with capacity 3
//	var p *int; println(*p)                           // nil pointer dereference + [signal ...]
//	z := 0; println(i / z); s := -1; println(i << s)
//	n := -1; _ = make([]int, n); _ = make([]int, 2, n)
//	panic("boom"); panic(42); panic(nil); panic(1.5); panic(complex(1, 2))
//	type S string; panic(S("hi")); type F float64; panic(F(1.5))
//	type T struct{ X int }; panic(T{1})               // panic: (main.T) 0x4d3f48
//	type Er struct{ msg string }; func (e *Er) Error() string { return e.msg }
//	panic(&Er{"bad thing"})                           // panic: bad thing
//	var x any = "s"; _ = x.(int)   // interface conversion: interface {} is string, not int
//	var n any; _ = n.(int)         // interface conversion: interface {} is nil, not int
//	_ = x.(I)                      // interface conversion: string is not main.I: missing method M
#define _GNU_SOURCE
#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "rtint.h"
#include "rttest.h"

typedef struct Case {
	void (*fn)(void *); // what the child does
	const char *want;   // expected stderr prefix
	int status;         // expected exit status
} Case;

static void
bounds(void *arg)
{
	const int64_t *a = arg;
	rt_panic_bounds(a[0], a[1], a[2], a[3]);
}

static void
nilcheck(void *arg)
{
	rt_out_write("partial", 7);
	rt_panic_nil();
}

static void
segv(void *arg)
{
	rt_signals_init();
	rt_out_write("before", 6);
	*(volatile int *)arg = 1;
}

static void
segv_far(void *arg)
{
	rt_signals_init();
	*(volatile int *)(uintptr_t)0x10000 = 1;
}

static void divide(void *arg) { rt_panic_divide(); }
static void shift(void *arg) { rt_panic_shift(); }
static void mslen(void *arg) { rt_panic_makeslicelen(); }
static void mscap(void *arg) { rt_panic_makeslicecap(); }

static void
mslen_real(void *arg)
{
	static const RtType t = {.size = 8, .kind = RT_KIND_INT, .name = "int"};
	RtSlice s;
	rt_makeslice(&s, &t, 2, -1);
}

static void
str(void *arg)
{
	static RtString s = {(const uint8_t *)"boom", 4};
	rt_panic(&rt_type_string, &s);
}

static void
int42(void *arg)
{
	static int64_t v = 42;
	rt_panic(&rt_type_int, &v);
}

static void nilval(void *arg) { rt_panic(NULL, NULL); }

static void
named(void *arg)
{
	static const RtType ts = {.size = 16, .kind = RT_KIND_STRING, .flags = RT_FLAG_NAMED,
				  .name = "main.S"};
	static RtString s = {(const uint8_t *)"hi", 2};
	rt_panic(&ts, &s);
}

static void
namedfloat(void *arg)
{
	static const RtType tf = {.size = 8, .kind = RT_KIND_FLOAT64, .flags = RT_FLAG_NAMED,
				  .name = "main.F"};
	static double f = 1.5;
	rt_panic(&tf, &f);
}

static void
float15(void *arg)
{
	static const RtType tf = {.size = 8, .kind = RT_KIND_FLOAT64, .name = "float64"};
	static double f = 1.5;
	rt_panic(&tf, &f);
}

static void
cplx(void *arg)
{
	static const RtType tc = {.size = 16, .kind = RT_KIND_COMPLEX128, .name = "complex128"};
	static double c[2] = {1, 2};
	rt_panic(&tc, c);
}

static void
structval(void *arg)
{
	static const RtType tt = {.size = 8, .kind = RT_KIND_STRUCT, .flags = RT_FLAG_NAMED,
				  .name = "main.T"};
	static int64_t x = 1;
	rt_panic(&tt, &x);
}

static void
uncomparable(void *arg)
{
	static const RtType ts = {.size = 24, .kind = RT_KIND_SLICE, .name = "[]int"};
	static RtSlice a, b;
	rt_efaceeq(&ts, &a, &ts, &b);
}

static RtString
er_error(void *data)
{
	return *(RtString *)data;
}

static void
errval(void *arg)
{
	static const RtType t_pEr = {.size = 8, .kind = RT_KIND_POINTER,
				     .flags = RT_FLAG_DIRECT, .name = "*main.Er"};
	static RtString msg = {(const uint8_t *)"bad thing", 9};
	rt_register_methods(&t_pEr, er_error, NULL);
	rt_panic(&t_pEr, &msg);
}

static void
typeassert(void *arg)
{
	static const RtType any = {.size = 16, .kind = RT_KIND_INTERFACE, .name = "interface {}"};
	static const RtType ti = {.size = 16, .kind = RT_KIND_INTERFACE, .name = "main.I"};
	int which = *(int *)arg;
	if (which == 0)
		rt_panic_typeassert(&any, &rt_type_string, &rt_type_int, NULL);
	if (which == 1)
		rt_panic_typeassert(&any, NULL, &rt_type_int, NULL);
	rt_panic_typeassert(&any, &rt_type_string, &ti, "M");
}

static void
osexit(void *arg)
{
	rt_out_write("bye", 3);
	rt_os_exit(3);
}

static ucontext_t back, deep;

static volatile int stop = -1; // never reached: recursion ends in the guard region

static int
recurse(int n)
{
	if (n == stop)
		return 0;
	volatile char pad[256];
	pad[0] = (char)n;
	return recurse(n + 1) + pad[0];
}

static void
run_recurse(void)
{
	recurse(0);
}

static void
overflow(void *arg)
{
	// The same stack layout rtmain.c gives main.main, but 8 MB.
	size_t size = 8 << 20, guard = 64 << 10;
	uint8_t *stk = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(stk, guard, PROT_NONE);
	rt_stack_lo = (uintptr_t)stk + guard;
	rt_stack_hi = (uintptr_t)stk + size;
	rt_signals_init();
	getcontext(&deep);
	deep.uc_stack.ss_sp = stk + guard;
	deep.uc_stack.ss_size = size - guard;
	deep.uc_link = &back;
	makecontext(&deep, run_recurse, 0);
	swapcontext(&back, &deep);
}

#define TRACE "\ngoroutine 1 [running]:\nmain.main()\n"
#define RE "panic: runtime error: "

int
main(void)
{
	static int64_t b[][4] = {
		{RT_BOUNDS_INDEX, 5, 3, 1},
		{RT_BOUNDS_INDEX, -2, 3, 1},
		{RT_BOUNDS_INDEX, -2, 3, 0}, // unsigned: 18446744073709551614
		{RT_BOUNDS_SLICEALEN, 5, 3, 1},
		{RT_BOUNDS_SLICEACAP, 5, 3, 1},
		{RT_BOUNDS_SLICEB, 2, 1, 1},
		{RT_BOUNDS_SLICEB, -1, 1, 1},
		{RT_BOUNDS_SLICE3ALEN, 5, 3, 1},
		{RT_BOUNDS_SLICE3ACAP, 5, 3, 1},
		{RT_BOUNDS_SLICE3B, 4, 2, 1},
		{RT_BOUNDS_SLICE3C, 3, 1, 1},
		{RT_BOUNDS_SLICE3C, -3, 1, 1},
	};
	static const char *bwant[] = {
		RE "index out of range [5] with length 3\n" TRACE,
		RE "index out of range [-2]\n" TRACE,
		RE "index out of range [18446744073709551614] with length 3\n" TRACE,
		RE "slice bounds out of range [:5] with length 3\n" TRACE,
		RE "slice bounds out of range [:5] with capacity 3\n" TRACE,
		RE "slice bounds out of range [2:1]\n" TRACE,
		RE "slice bounds out of range [-1:]\n" TRACE,
		RE "slice bounds out of range [::5] with length 3\n" TRACE,
		RE "slice bounds out of range [::5] with capacity 3\n" TRACE,
		RE "slice bounds out of range [:4:2]\n" TRACE,
		RE "slice bounds out of range [3:1:]\n" TRACE,
		RE "slice bounds out of range [-3::]\n" TRACE,
	};
	static const Case cases[] = {
		{nilcheck, RE "invalid memory address or nil pointer dereference\n"
			   "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x", 2},
		{segv, RE "invalid memory address or nil pointer dereference\n"
		       "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x", 2},
		{segv_far, "unexpected fault address 0x10000\nfatal error: fault\n"
			   "[signal SIGSEGV: segmentation violation code=0x1 addr=0x10000 pc=0x", 2},
		{divide, RE "integer divide by zero\n" TRACE, 2},
		{shift, RE "negative shift amount\n" TRACE, 2},
		{mslen, RE "makeslice: len out of range\n" TRACE, 2},
		{mscap, RE "makeslice: cap out of range\n" TRACE, 2},
		{mslen_real, RE "makeslice: cap out of range\n" TRACE, 2},
		{str, "panic: boom\n" TRACE, 2},
		{int42, "panic: 42\n" TRACE, 2},
		{nilval, "panic: nil\n" TRACE, 2},
		{named, "panic: main.S(\"hi\")\n" TRACE, 2},
		{namedfloat, "panic: main.F(+1.500000e+000)\n" TRACE, 2},
		{float15, "panic: +1.500000e+000\n" TRACE, 2},
		{cplx, "panic: (+1.000000e+000+2.000000e+000i)\n" TRACE, 2},
		{structval, "panic: (main.T) 0x", 2},
		{uncomparable, RE "comparing uncomparable type []int\n" TRACE, 2},
		{osexit, "", 3},
		{errval, "panic: bad thing\n" TRACE, 2},
		{overflow, "runtime: goroutine stack exceeds 1000000000-byte limit\n"
			   "runtime: sp=0x", 2},
	};
	int fails = 0;
	Captured *c = malloc(sizeof *c);
	for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
		capture(bounds, b[i], c);
		if (strncmp(c->err, bwant[i], strlen(bwant[i])) != 0 || c->status != 2) {
			printf("FAIL bounds %zu: status %d\n got  %s\n want %s\n", i, c->status,
			       c->err, bwant[i]);
			fails++;
		}
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		capture(cases[i].fn, NULL, c);
		if (strncmp(c->err, cases[i].want, strlen(cases[i].want)) != 0 ||
		    c->status != cases[i].status) {
			printf("FAIL case %zu: status %d\n got  %s\n want %s\n", i, c->status, c->err,
			       cases[i].want);
			fails++;
		}
	}
	capture(segv, NULL, c);
	if (strcmp(c->out, "before") != 0) {
		printf("FAIL stdout not flushed before the panic: [%s]\n", c->out);
		fails++;
	}
	capture(overflow, NULL, c);
	if (strstr(c->err, "fatal error: stack overflow\n") == NULL) {
		printf("FAIL overflow: %s\n", c->err);
		fails++;
	}
	static const char *tawant[] = {
		"panic: interface conversion: interface {} is string, not int\n" TRACE,
		"panic: interface conversion: interface {} is nil, not int\n" TRACE,
		"panic: interface conversion: string is not main.I: missing method M\n" TRACE,
	};
	for (int i = 0; i < 3; i++) {
		capture(typeassert, &i, c);
		if (strncmp(c->err, tawant[i], strlen(tawant[i])) != 0 || c->status != 2) {
			printf("FAIL typeassert %d:\n got  %s\n want %s\n", i, c->err, tawant[i]);
			fails++;
		}
	}
	capture(osexit, NULL, c);
	if (strcmp(c->out, "bye") != 0) {
		printf("FAIL os.Exit did not flush: [%s]\n", c->out);
		fails++;
	}
	printf("panic_test: %d failures\n", fails);
	return fails != 0;
}
