// roots.c: the collector's roots: the goroutine stack and the registers (conservatively),
// package variables (precisely, from the table codegen emits: rt.h's rt_gcroots), the
// rest of the program's writable data (conservatively: the runtime's own variables), and
// the closures of pending deferred calls (their records are malloc'd by defer.c).
//
// Stack: the collector runs on the goroutine's stack, so the live part is [sp, top): sp is
// the address of a jmp_buf in rt_scan_roots's frame, filled by setjmp after
// __builtin_unwind_init has spilled every callee-saved register into the frame, so
// pointers held only in registers by any caller are in the scanned range. top is
// rt_stack_hi when sp lies on the goroutine stack rtmain.c made, else the process stack's
// top (__libc_stack_end: unit tests, or when the big stack could not be reserved). With
// several goroutines each stack would be scanned from its saved sp the same way.
//
// Data: the writable PT_LOAD segments of the executable (dl_iterate_phdr, first object)
// are scanned word by word, except the ranges of the variables the table describes, which
// are scanned with their own pointer bitmaps; both lists are sorted once.
//
// Invariant: every word that may hold a heap pointer the program can still use is either
// on the stack, in a register, in the data segment, in a heap object, or a deferred
// call's closure; runtime code must not keep the only reference to a heap object in
// malloc'd memory (defer records are the one exception, handled here).
#define _GNU_SOURCE
#include <link.h>
#include <setjmp.h>
#include <stdlib.h>

#include "heap.h"

extern void *__libc_stack_end;
extern const RtGCRoot rt_gcroots[] __attribute__((weak));

typedef struct Range {
	uintptr_t lo, hi;        // [lo, hi)
	const uint8_t *bits;     // precise pointer bitmap, or NULL (conservative)
} Range;

static Range *ranges;            // data to scan, sorted by address, non-overlapping
static int nranges;
static bool ranges_ready;
static uint64_t globals_bytes;   // bytes of package variables with pointers

typedef struct Seg {
	uintptr_t lo, hi;
} Seg;
static Seg segs[16];
static int nsegs;

static int
phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	for (int i = 0; i < info->dlpi_phnum && nsegs < 16; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
			continue;
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		segs[nsegs++] = (Seg){lo & ~(uintptr_t)7, lo + ph->p_memsz};
	}
	return 1; // the first object is the executable: stop
}

static int
cmp_root(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const RtGCRoot *)a)->addr;
	uintptr_t y = (uintptr_t)((const RtGCRoot *)b)->addr;
	return x < y ? -1 : x > y;
}

static void
add_range(int *cap, uintptr_t lo, uintptr_t hi, const uint8_t *bits)
{
	if (hi <= lo)
		return;
	if (nranges == *cap) {
		int ncap = *cap ? *cap * 2 : 64;
		Range *n = rt_sysmeta((uint64_t)ncap * sizeof(Range));
		for (int i = 0; i < nranges; i++)
			n[i] = ranges[i];
		ranges = n;
		*cap = ncap;
	}
	ranges[nranges++] = (Range){lo, hi, bits};
}

// build_ranges splits the data segments into conservative gaps and precise variables.
static void
build_ranges(void)
{
	ranges_ready = true;
	dl_iterate_phdr(phdr_cb, NULL);
	int nroots = 0;
	if (rt_gcroots != NULL)
		while (rt_gcroots[nroots].addr != NULL)
			nroots++;
	RtGCRoot *roots = rt_sysmeta((uint64_t)(nroots + 1) * sizeof(RtGCRoot));
	for (int i = 0; i < nroots; i++)
		roots[i] = rt_gcroots[i];
	qsort(roots, (size_t)nroots, sizeof *roots, cmp_root);
	// the heap's own metadata and the runtime's buffers hold no heap pointers the
	// collector needs: leave them out
	RtGCRoot skip[RT_NOSCAN_MAX] = {{&rt_mheap, sizeof rt_mheap, NULL}};
	int nskip = 1;
	nskip += rt_gc_noscan(skip + nskip);
	nskip += rt_print_noscan(skip + nskip);
	nskip += rt_panic_noscan(skip + nskip);
	RtGCRoot *all = rt_sysmeta((uint64_t)(nroots + nskip + 1) * sizeof(RtGCRoot));
	for (int i = 0; i < nroots; i++)
		all[i] = roots[i];
	for (int i = 0; i < nskip; i++)
		all[nroots + i] = skip[i];
	roots = all;
	nroots += nskip;
	qsort(roots, (size_t)nroots, sizeof *roots, cmp_root);
	int cap = 0;
	for (int k = 0; k < nsegs; k++) {
		uintptr_t at = segs[k].lo;
		for (int i = 0; i < nroots; i++) {
			uintptr_t lo = (uintptr_t)roots[i].addr, hi = lo + roots[i].size;
			if (hi <= at || lo >= segs[k].hi)
				continue;
			add_range(&cap, at, lo, NULL);
			if (roots[i].gcdata != NULL) {
				add_range(&cap, lo, hi, roots[i].gcdata);
				globals_bytes += roots[i].size;
			}
			at = hi;
		}
		add_range(&cap, at, segs[k].hi, NULL);
	}
	// variables outside the segments (none expected) are still scanned precisely
	for (int i = 0; i < nroots; i++) {
		uintptr_t lo = (uintptr_t)roots[i].addr;
		bool inside = false;
		for (int k = 0; k < nsegs; k++)
			inside |= lo >= segs[k].lo && lo < segs[k].hi;
		if (!inside && roots[i].gcdata != NULL)
			add_range(&cap, lo, lo + roots[i].size, roots[i].gcdata);
	}
}

// rt_globals_bytes is the size of the package variables that hold pointers.
uint64_t
rt_globals_bytes(void)
{
	return globals_bytes;
}

// Mirror of defer.c's record prefix: link, then the closure (see the file comment).
typedef struct DeferView {
	struct DeferView *link;
	void *fn;
} DeferView;

// rt_scan_roots calls fn on every root range.
__attribute__((noinline)) void
rt_scan_roots(RootFn fn)
{
	if (!ranges_ready)
		build_ranges();
	__builtin_unwind_init();
	jmp_buf jb;
	setjmp(jb);
	uintptr_t sp = (uintptr_t)&jb;
	uintptr_t top = (uintptr_t)__libc_stack_end;
	if (rt_stack_hi != 0 && sp >= rt_stack_lo && sp < rt_stack_hi)
		top = rt_stack_hi;
	if (top > sp) {
		rt_gc_stack_scan = top - sp;
		fn(sp, top, NULL);
	}
	for (int i = 0; i < nranges; i++)
		fn(ranges[i].lo, ranges[i].hi, ranges[i].bits);
	for (RtFrame *fr = rt_g.frames; fr != NULL; fr = fr->link)
		for (DeferView *d = (DeferView *)fr->defers; d != NULL; d = d->link)
			fn((uintptr_t)&d->fn, (uintptr_t)&d->fn + sizeof d->fn, NULL);
	__asm__ volatile("" : : "r"(&jb) : "memory");
}
