// rtmain_test.c: a stand-in for a generated program: it defines main.init and main.main
// (gc's symbol names) and takes main() from libgosubrt, as every gosub program does.
// Checks: init runs before main, os.Args, deep recursion on the 1 GB main stack (gc's
// stacks grow to 1 GB, so 1,000,000 frames of ~200 bytes must work), and exit status 0.
#include <string.h>

#include "rt.h"

void go_main_init(void) __asm__("main.init");
void go_main_main(void) __asm__("main.main");

static int inited;
static volatile int depth = 1000000;

void
go_main_init(void)
{
	inited = 1;
}

static int
rec(int n)
{
	volatile char pad[160];
	pad[0] = (char)n;
	return n >= depth ? 0 : rec(n + 1) + (pad[0] != 0);
}

static void
fail(const char *what)
{
	RtString s = {(const uint8_t *)what, (int64_t)strlen(what)};
	RtEface a[1] = {{&rt_type_string, &s}};
	rt_fmt_println(a, 1);
	rt_os_exit(1);
}

void
go_main_main(void)
{
	if (!inited)
		fail("main.init did not run first");
	RtSlice args;
	rt_os_args(&args);
	if (args.len < 1 || ((RtString *)args.ptr)[0].len == 0)
		fail("os.Args is empty");
	if (rec(0) < 0)
		fail("recursion");
}
