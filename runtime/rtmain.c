// rtmain.c: process entry for programs compiled by gosub: set up the heap and the fault
// handlers, run package initialisation (main.init) and main.main on the main
// goroutine's stack, flush stdout and exit 0. Panics and os.Exit leave from elsewhere.
//
// The main goroutine gets a stack of its own: 1 GB of address space (Go's maximum stack
// size, reserved with MAP_NORESERVE so only touched pages cost memory) with a 64 KB guard
// region at the bottom, so deep recursion that gc allows also works here and running off
// the end is reported as gc's "stack overflow" (panic.c) instead of a bare SIGSEGV. If
// the reservation fails, main runs on the process stack.
//
// Only package main is ever linked with the runtime, so main.init and main.main always
// exist; unit tests define their own main() and never pull this file in.
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "rtint.h"

extern void go_main_init(void) __asm__("main.init");
extern void go_main_main(void) __asm__("main.main");

enum {
	STACK_SIZE = 1 << 30, // bytes reserved for the main goroutine's stack
	GUARD_SIZE = 64 << 10, // inaccessible bytes below it
};

static int rt_argc_;      // os.Args, as given
static char **rt_argv_;

// rt_setargs records the command line for os.Args.
void
rt_setargs(int argc, char **argv)
{
	rt_argc_ = argc;
	rt_argv_ = argv;
}

// rt_os_args returns os.Args as a []string over the process's argument strings.
void
rt_os_args(RtSlice *out)
{
	RtString *a = rt_alloc_bytes((int64_t)(rt_argc_ > 0 ? rt_argc_ : 0) * 16, 0);
	for (int i = 0; i < rt_argc_; i++) {
		const char *s = rt_argv_[i];
		int64_t n = 0;
		while (s[n] != '\0')
			n++;
		a[i] = (RtString){(const uint8_t *)s, n};
	}
	out->ptr = a;
	out->len = out->cap = rt_argc_;
}

static void
run_main(void)
{
	go_main_init();
	go_main_main();
}

static ucontext_t main_ctx, go_ctx;

// main is the process entry point of every gosub program.
int
main(int argc, char **argv)
{
	rt_setargs(argc, argv);
	rt_heap_init();
	rt_signals_init();
	uint8_t *stk = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (stk != MAP_FAILED && mprotect(stk, GUARD_SIZE, PROT_NONE) == 0 &&
	    getcontext(&go_ctx) == 0) {
		rt_stack_lo = (uintptr_t)stk + GUARD_SIZE;
		rt_stack_hi = (uintptr_t)stk + STACK_SIZE;
		go_ctx.uc_stack.ss_sp = stk + GUARD_SIZE;
		go_ctx.uc_stack.ss_size = STACK_SIZE - GUARD_SIZE;
		go_ctx.uc_link = &main_ctx;
		makecontext(&go_ctx, run_main, 0);
		swapcontext(&main_ctx, &go_ctx);
	} else {
		run_main();
	}
	rt_out_flush();
	return 0;
}
