// panic.c: run-time panics and fatal signals, printed in gc's words, exit status 2.
//
// A panic prints, after flushing stdout:
//	panic: <value as Go's printpanicval prints it>
//	[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x...]   (faults only)
//	<blank line>
//	goroutine 1 [running]:
//	main.main()
//		?
// and exits with status 2 ("exit status 2" is go run's line, not the program's). The
// value is printed as gc does (runtime/error.go printany): predeclared basic types plain
// (panic: 42, panic: boom, panic: +1.500000e+000), other types with a basic underlying
// type as T(v) (main.S("hi"), main.F(+1.500000e+000)), anything else as (T) 0xADDR, nil
// as nil. Run-time errors are error values whose text already carries the "runtime
// error: " prefix; values whose type has Error() or String() (method table, or
// rt_register_methods) print what that method returns, as gc's preprintpanics arranges.
//
// Bounds messages are Go's boundsError texts: "index out of range [5] with length 3",
// "slice bounds out of range [:5] with capacity 3", "[2:1]", "[::5] with capacity 3",
// and when x is negative (and signed) only x is reported: "index out of range [-2]".
//
// Signals: SIGSEGV/SIGBUS at an address below 0x1000 become the nil-dereference panic
// (with gc's [signal ...] line); other faults are "unexpected fault address" + "fatal
// error: fault"; a fault in the guard region below main's stack is "fatal error: stack
// overflow"; SIGFPE is "integer divide by zero" (codegen should check divisors itself,
// as gc does, because x86 also traps on MinInt64 / -1, which Go defines). Recoverable
// faults do not panic inside the handler: the handler rewrites the interrupted context so
// that the faulting instruction seems to call sigpanic (gc's technique), which then
// panics on the goroutine's own stack, where deferred calls can run and recover.
//
// Panics (rt_panic and every run-time error) go through rt_gopanic (defer.c), which runs
// deferred calls and may recover. Run-time error values are heap strings typed
// runtime.errorString, runtime.boundsError, runtime.plainError or
// *runtime.TypeAssertionError (rttypes.c), whose Error() method returns the text, so a
// recovered value prints and converts to error as in Go. When nothing recovers,
// rt_fatalpanic prints every panic in progress, oldest first, nested ones after a tab and
// recovered ones marked: "panic: first [recovered]\n\tpanic: second".
//
// See it: runtime/panic_test.c runs each panic in a child and compares stderr.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "rtint.h"

uintptr_t rt_stack_lo, rt_stack_hi;

// ---- printing the value ----

static void
printstr(const RtString *s)
{
	rt_printstring(s->ptr, s->len);
}

// printbasic prints the value of a basic kind as print() would; returns 0 for other kinds.
static int
printbasic(const RtType *t, const void *d)
{
	switch (t->kind) {
	case RT_KIND_BOOL: rt_printbool(*(const uint8_t *)d); return 1;
	case RT_KIND_INT: rt_printint(*(const int64_t *)d); return 1;
	case RT_KIND_INT8: rt_printint(*(const int8_t *)d); return 1;
	case RT_KIND_INT16: rt_printint(*(const int16_t *)d); return 1;
	case RT_KIND_INT32: rt_printint(*(const int32_t *)d); return 1;
	case RT_KIND_INT64: rt_printint(*(const int64_t *)d); return 1;
	case RT_KIND_UINT: rt_printuint(*(const uint64_t *)d); return 1;
	case RT_KIND_UINT8: rt_printuint(*(const uint8_t *)d); return 1;
	case RT_KIND_UINT16: rt_printuint(*(const uint16_t *)d); return 1;
	case RT_KIND_UINT32: rt_printuint(*(const uint32_t *)d); return 1;
	case RT_KIND_UINT64: rt_printuint(*(const uint64_t *)d); return 1;
	case RT_KIND_UINTPTR: rt_printuint(*(const uint64_t *)d); return 1;
	case RT_KIND_FLOAT32: rt_printfloat(*(const float *)d); return 1;
	case RT_KIND_FLOAT64: rt_printfloat(*(const double *)d); return 1;
	case RT_KIND_COMPLEX64: {
		const float *c = d;
		rt_printcomplex(c[0], c[1]);
		return 1;
	}
	case RT_KIND_COMPLEX128: {
		const double *c = d;
		rt_printcomplex(c[0], c[1]);
		return 1;
	}
	case RT_KIND_STRING: printstr(d); return 1;
	default: return 0;
	}
}

// printpanicval prints a panic value the way gc's printany does; msg is the result of
// its Error() or String() method when it has one (gc's preprintpanics).
static void
printpanicval(const RtType *t, void *data, const RtString *msg)
{
	if (t == NULL) {
		rt_err_str("nil");
		return;
	}
	if (msg != NULL) {
		printstr(msg);
		return;
	}
	// The data word is the value itself for pointer-shaped types.
	void *v = (t->flags & RT_FLAG_DIRECT) ? (void *)&data : data;
	// Predeclared types have no package qualifier in their name.
	int predeclared = strchr(t->name, '.') == NULL;
	if (predeclared && printbasic(t, v))
		return;
	if (t->kind >= RT_KIND_BOOL && t->kind <= RT_KIND_COMPLEX128) {
		rt_err_str(t->name);
		int cplx = t->kind == RT_KIND_COMPLEX64 || t->kind == RT_KIND_COMPLEX128;
		if (!cplx)
			rt_err_write("(", 1);
		printbasic(t, v);
		if (!cplx)
			rt_err_write(")", 1);
		return;
	}
	if (t->kind == RT_KIND_STRING) {
		rt_err_str(t->name);
		rt_err_write("(\"", 2);
		printstr(v);
		rt_err_write("\")", 2);
		return;
	}
	rt_err_write("(", 1);
	rt_err_str(t->name);
	rt_err_write(") ", 2);
	rt_printpointer(data);
}

static _Noreturn void
traceback_exit(void)
{
	rt_err_str("\ngoroutine 1 [running]:\nmain.main()\n\t?\n");
	rt_out_flush();
	_exit(2);
}

enum { MAX_PANICS = 64 }; // nested panics printed at most

static void
printpanics(RtPanic *p, const RtString *msgs, const bool *hasmsg, int i)
{
	if (p->link != NULL && i + 1 < MAX_PANICS) {
		printpanics(p->link, msgs, hasmsg, i + 1);
		rt_err_str("\t");
	}
	rt_err_str("panic: ");
	printpanicval(p->arg.type, p->arg.data, hasmsg[i] ? &msgs[i] : NULL);
	if (p->recovered)
		rt_err_str(" [recovered]");
	rt_err_str("\n");
}

// rt_fatalpanic reports the panics in progress, oldest first ("panic: first
// [recovered]\n\tpanic: second"), then the signal line of a fault, and exits 2. Error()
// and String() results are computed before anything is printed, as gc's preprintpanics.
_Noreturn void
rt_fatalpanic(void)
{
	static RtString msgs[MAX_PANICS];
	static bool hasmsg[MAX_PANICS];
	int i = 0;
	for (RtPanic *p = rt_g.panic; p != NULL && i < MAX_PANICS; p = p->link, i++) {
		RtStringMethod ef, sf;
		hasmsg[i] = false;
		if (p->arg.type != NULL && rt_string_methods(p->arg.type, &ef, &sf)) {
			msgs[i] = ef != NULL ? ef(p->arg.data) : sf(p->arg.data);
			hasmsg[i] = true;
		}
	}
	rt_out_flush();
	if (rt_g.panic != NULL)
		printpanics(rt_g.panic, msgs, hasmsg, 0);
	if (rt_g.sigline != NULL)
		rt_err_str(rt_g.sigline);
	traceback_exit();
}

// ---- run-time errors ----

static char errtext[512]; // the text of the run-time error being raised

// rt_panic_errval panics with a runtime.Error value: a heap string holding msg, of type t
// (runtime.errorString, boundsError, plainError or *TypeAssertionError).
_Noreturn void
rt_panic_errval(const RtType *t, const char *msg)
{
	int64_t n = (int64_t)strlen(msg);
	RtString *box = rt_alloc(&rt_type_string);
	uint8_t *text = rt_alloc_bytes(n, 1);
	memcpy(text, msg, (size_t)n);
	box->ptr = text;
	box->len = n;
	rt_gopanic(t, box);
}

static _Noreturn void
runtime_error(const char *sigline)
{
	if (sigline != NULL)
		rt_g.sigline = sigline;
	rt_panic_errval(&rt_type_error_string, errtext);
}

// rt_panic_errstr panics with the run-time error "runtime error: " + msg.
_Noreturn void
rt_panic_errstr(const char *msg)
{
	snprintf(errtext, sizeof errtext, "runtime error: %s", msg);
	runtime_error(NULL);
}

// rt_panic_plain panics with a runtime.plainError: msg printed as is ("assignment to entry
// in nil map").
_Noreturn void
rt_panic_plain(const char *msg)
{
	rt_panic_errval(&rt_type_plain_error, msg);
}

// rt_panicwrap is gc's panicwrap: the *T wrapper of a value method was called with a nil
// receiver. msg ("value method main.T.F called using nil *T pointer") is the plainError.
_Noreturn void
rt_panicwrap(const char *msg)
{
	rt_panic_plain(msg);
}

// rt_throw reports an unrecoverable run-time failure as gc's throw does.
_Noreturn void
rt_throw(const char *msg)
{
	rt_out_flush();
	rt_err_str("fatal error: ");
	rt_err_str(msg);
	rt_err_str("\n");
	traceback_exit();
}

// rt_panic_bounds reports a failed index or slice check: kind is an RtBounds, x the
// offending index, y the length/capacity/other index it was checked against, signedx
// whether x came from a signed integer (a negative x is then shown alone).
_Noreturn void
rt_panic_bounds(int64_t kind, int64_t x, int64_t y, int64_t signedx)
{
	static const char *const fmts[] = {
		[RT_BOUNDS_INDEX] = "index out of range [%x] with length %y",
		[RT_BOUNDS_SLICEALEN] = "slice bounds out of range [:%x] with length %y",
		[RT_BOUNDS_SLICEACAP] = "slice bounds out of range [:%x] with capacity %y",
		[RT_BOUNDS_SLICEB] = "slice bounds out of range [%x:%y]",
		[RT_BOUNDS_SLICE3ALEN] = "slice bounds out of range [::%x] with length %y",
		[RT_BOUNDS_SLICE3ACAP] = "slice bounds out of range [::%x] with capacity %y",
		[RT_BOUNDS_SLICE3B] = "slice bounds out of range [:%x:%y]",
		[RT_BOUNDS_SLICE3C] = "slice bounds out of range [%x:%y:]",
		[RT_BOUNDS_CONVERT] = "cannot convert slice with length %y to pointer to array "
				      "with length %x",
	};
	static const char *const negfmts[] = {
		[RT_BOUNDS_INDEX] = "index out of range [%x]",
		[RT_BOUNDS_SLICEALEN] = "slice bounds out of range [:%x]",
		[RT_BOUNDS_SLICEACAP] = "slice bounds out of range [:%x]",
		[RT_BOUNDS_SLICEB] = "slice bounds out of range [%x:]",
		[RT_BOUNDS_SLICE3ALEN] = "slice bounds out of range [::%x]",
		[RT_BOUNDS_SLICE3ACAP] = "slice bounds out of range [::%x]",
		[RT_BOUNDS_SLICE3B] = "slice bounds out of range [:%x:]",
		[RT_BOUNDS_SLICE3C] = "slice bounds out of range [%x::]",
		[RT_BOUNDS_CONVERT] = "cannot convert slice with length %y to pointer to array "
				      "with length %x",
	};
	if (kind < 0 || kind > RT_BOUNDS_CONVERT)
		kind = RT_BOUNDS_INDEX;
	const char *f = signedx && x < 0 ? negfmts[kind] : fmts[kind];
	size_t n = (size_t)snprintf(errtext, sizeof errtext, "runtime error: ");
	for (; *f != '\0' && n + 24 < sizeof errtext; f++) {
		if (*f != '%') {
			errtext[n++] = *f;
			continue;
		}
		f++;
		if (*f == 'x' && !signedx)
			n += (size_t)snprintf(errtext + n, sizeof errtext - n, "%llu",
					      (unsigned long long)x);
		else
			n += (size_t)snprintf(errtext + n, sizeof errtext - n, "%lld",
					      (long long)(*f == 'x' ? x : y));
	}
	errtext[n] = '\0';
	rt_panic_errval(&rt_type_bounds_error, errtext);
}

static void
signal_line(char *buf, size_t n, int sig, int code, uintptr_t addr, uintptr_t pc)
{
	snprintf(buf, n, "[signal %s code=0x%x addr=0x%lx pc=0x%lx]\n",
		 sig == SIGBUS ? "SIGBUS: bus error" : "SIGSEGV: segmentation violation", code,
		 (unsigned long)addr, (unsigned long)pc);
}

// rt_panic_nil reports a nil pointer dereference found by an explicit check. gc finds
// them by faulting, so the signal line is printed too, with this call's return address.
_Noreturn void
rt_panic_nil(void)
{
	static char sig[128];
	signal_line(sig, sizeof sig, SIGSEGV, 1, 0,
		    (uintptr_t)__builtin_extract_return_addr(__builtin_return_address(0)));
	snprintf(errtext, sizeof errtext,
		 "runtime error: invalid memory address or nil pointer dereference");
	runtime_error(sig);
}

// rt_panic_divide reports an integer division (or remainder) by zero.
_Noreturn void
rt_panic_divide(void)
{
	rt_panic_errstr("integer divide by zero");
}

// rt_panic_shift reports a shift by a negative amount.
_Noreturn void
rt_panic_shift(void)
{
	rt_panic_errstr("negative shift amount");
}

// rt_panic_makeslicelen reports make([]T, len) with a negative or huge len.
_Noreturn void
rt_panic_makeslicelen(void)
{
	rt_panic_errstr("makeslice: len out of range");
}

// rt_unsafeslice checks unsafe.Slice(p, len) for elements of elemsize bytes as gc does:
// a negative len, or len elements that would not fit between p and the end of the
// address space, panic ("ptr is nil and len is not zero" when p is nil).
void
rt_unsafeslice(int64_t elemsize, const void *p, int64_t len)
{
	if (len < 0)
		rt_panic_errstr("unsafe.Slice: len out of range");
	unsigned __int128 mem = (unsigned __int128)(uint64_t)elemsize * (uint64_t)len;
	if (mem > (unsigned __int128)(0 - (uint64_t)(uintptr_t)p)) {
		if (p == NULL)
			rt_panic_errstr("unsafe.Slice: ptr is nil and len is not zero");
		rt_panic_errstr("unsafe.Slice: len out of range");
	}
}

// rt_panic_makeslicecap reports make([]T, len, cap) with a bad cap.
_Noreturn void
rt_panic_makeslicecap(void)
{
	rt_panic_errstr("makeslice: cap out of range");
}

// rt_panic_typeassert reports a failed x.(T) in gc's words (a runtime.Error without the
// "runtime error: " prefix): "interface conversion: interface {} is string, not int",
// "... is nil, not int", "string is not main.I: missing method M".
_Noreturn void
rt_panic_typeassert(const RtType *iface, const RtType *have, const RtType *want,
		    const char *missing)
{
	const char *inter = iface != NULL ? iface->name : "interface";
	if (have == NULL)
		snprintf(errtext, sizeof errtext, "interface conversion: %s is nil, not %s", inter,
			 want->name);
	else if (missing == NULL)
		snprintf(errtext, sizeof errtext, "interface conversion: %s is %s, not %s%s", inter,
			 have->name, want->name,
			 strcmp(have->name, want->name) == 0 ? " (types from different scopes)" : "");
	else
		snprintf(errtext, sizeof errtext,
			 "interface conversion: %s is not %s: missing method %s", have->name,
			 want->name, missing);
	rt_panic_errval(&rt_type_assert_error, errtext);
}

// rt_panic implements panic(v) for an interface value (t, data); data is the value
// itself when t is pointer-shaped, else it points at a boxed copy.
_Noreturn void
rt_panic(const RtType *t, void *data)
{
	rt_gopanic(t, data);
}

// ---- signals ----

static uint8_t altstack[64 << 10]; // the handlers run here, so stack overflow is caught

int
rt_panic_noscan(RtGCRoot *out)
{
	out[0] = (RtGCRoot){altstack, sizeof altstack, NULL};
	return 1;
}

enum { SIGP_NIL = 1, SIGP_DIVIDE, SIGP_OVERFLOW }; // the panic a fault turns into

static int sigpanic_kind;   // what sigpanic raises
static char sigpanic_line[160]; // its [signal ...] line

// sigpanic runs on the goroutine's stack as if the faulting instruction had called it
// (on_fault arranges that), so the panic can run deferred calls and be recovered like
// any other; the signal mask was restored by the return from the handler.
static _Noreturn void
sigpanic(void)
{
	switch (sigpanic_kind) {
	case SIGP_DIVIDE:
		rt_panic_divide();
	case SIGP_OVERFLOW:
		rt_panic_errstr("integer overflow");
	default:
		snprintf(errtext, sizeof errtext,
			 "runtime error: invalid memory address or nil pointer dereference");
		runtime_error(sigpanic_line);
	}
}

// inject_sigpanic makes the interrupted context call sigpanic from the faulting pc: the
// pc is pushed as the return address below the red zone (128 bytes), with the stack
// aligned as at a function entry (rsp = 8 mod 16).
static void
inject_sigpanic(ucontext_t *uc, int kind)
{
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t sp = (uintptr_t)g[REG_RSP];
	sp = ((sp - 128) & ~(uintptr_t)15) - 8;
	*(uintptr_t *)sp = (uintptr_t)g[REG_RIP];
	g[REG_RSP] = (greg_t)sp;
	g[REG_RIP] = (greg_t)(uintptr_t)sigpanic;
	sigpanic_kind = kind;
}

static void
on_fault(int sig, siginfo_t *si, void *uc)
{
	uintptr_t addr = (uintptr_t)si->si_addr;
	uintptr_t pc = (uintptr_t)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
	uintptr_t sp = (uintptr_t)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RSP];
	static char line[160];

	if (sig == SIGFPE) {
		inject_sigpanic(uc, si->si_code == FPE_INTOVF ? SIGP_OVERFLOW : SIGP_DIVIDE);
		return;
	}
	signal_line(line, sizeof line, sig, si->si_code, addr, pc);
	if (rt_stack_lo != 0 && addr < rt_stack_lo + (64 << 10) && addr + (1 << 20) >= rt_stack_lo) {
		rt_out_flush();
		rt_err_str("runtime: goroutine stack exceeds 1000000000-byte limit\n");
		char buf[128];
		snprintf(buf, sizeof buf, "runtime: sp=0x%lx stack=[0x%lx, 0x%lx]\n",
			 (unsigned long)sp, (unsigned long)rt_stack_lo, (unsigned long)rt_stack_hi);
		rt_err_str(buf);
		rt_throw("stack overflow");
	}
	if (addr < 0x1000) {
		memcpy(sigpanic_line, line, sizeof line);
		inject_sigpanic(uc, SIGP_NIL);
		return;
	}
	rt_out_flush();
	char buf[64];
	snprintf(buf, sizeof buf, "unexpected fault address 0x%lx\n", (unsigned long)addr);
	rt_err_str(buf);
	rt_err_str("fatal error: fault\n");
	rt_err_str(line);
	traceback_exit();
}

// rt_signals_init installs the fault handlers on an alternate signal stack.
void
rt_signals_init(void)
{
	stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
}
