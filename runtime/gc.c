// gc.c: the collector: stop-the-world tri-colour mark-sweep with lazy sweeping, GOGC
// pacing, finalizers, GODEBUG settings (gctrace, stress mode, heap verifier).
//
// A cycle (collect) runs on the goroutine's own stack, inside an allocation or
// runtime.GC(), in Go's phases:
//   1. sweep termination: the mcache's spans go back to the central lists and every span
//      not yet swept from the previous cycle is swept, so all mark bits are clear;
//   2. mark: objects are white (mark bit clear), grey (marked, on the mark stack) or
//      black (marked, scanned). Roots (roots.c: the stack and registers conservatively,
//      package variables precisely from codegen's table, the rest of the data segment
//      conservatively, pending deferred calls) shade the objects they point at; then the
//      explicit mark stack is drained: each grey object is scanned with the heap bitmap
//      (small objects) or its element type (large objects) and turns black. A word is a
//      pointer to an object when it falls inside an in-use span and an allocated slot of
//      it: interior pointers resolve to the slot through the span's divisor (slot = off *
//      divmul >> 32), so no pointer needs to point at an object's start. Objects with a
//      finalizer have their referents marked but not themselves;
//   3. mark termination: every in-use span moves to its class's unswept list; the pacer
//      sets the next goal from the marked bytes: goal = marked * (1 + GOGC/100), at least
//      4 MB * GOGC/100 (Go's heapMinimum); GOGC=off or debug.SetGCPercent(-1) never
//      collects except runtime.GC(). gctrace prints its line here.
// Sweeping is lazy (Go's): the mcache sweeps spans of a class when it needs a span of
// it, the page heap sweeps ("reclaims") before growing, and the next cycle finishes the
// rest. Sweeping a small span makes its mark bits the allocation bits (unmarked slots
// become free) and frees it whole when nothing survived. An unmarked object with a
// finalizer is resurrected for one more cycle and its finalizer queued; queued finalizers
// run at the end of runtime.GC() (there is no finalizer goroutine yet).
//
// The design extends to several goroutines: roots.c would scan each goroutine's stack
// between its saved sp and its top, and each P would get an MCache.
//
// GODEBUG (comma-separated, like Go's): gctrace=1 prints gc 1.19's line per cycle,
//   gc 3 @0.014s 2%: 0.010+0.45+0.003 ms clock, 0.010+0/0.45/0+0.003 ms cpu, 4->4->1 MB,
//   4 MB goal, 0 MB stacks, 0 MB globals, 1 P
// ("(forced)" for runtime.GC); gcstress=N collects before every Nth allocation (1: every
// one; not while GOGC is off); gcverify=1 (or gccheckmark=1) checks the heap after each mark (every pointer of a
// reachable object leads to a marked object, span counts agree) and fills freed objects
// with 0xdeadbeef so that use of freed memory shows. GOGC=N|off sets the pacing.
//
// See it: runtime/gc_test.c; GODEBUG=gctrace=1 ./prog; testdata/run/gcreuse.go.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "heap.h"

uint64_t rt_heap_live;
int rt_gc_stress;
uint64_t rt_gc_stress_count;
uint64_t rt_gc_stack_scan; // bytes of stack the last cycle scanned

// The collector's state and statistics (the GC part of runtime.MemStats).
typedef struct GCState {
	int gcpercent;          // GOGC; < 0: off
	int trace;              // GODEBUG gctrace
	int verify;             // GODEBUG gcverify / gccheckmark
	bool running;           // a cycle is in progress
	uint64_t heap_marked;   // bytes marked by the last cycle
	uint64_t heap_goal;     // NextGC
	uint64_t trigger;       // collect when heap_live passes this
	uint32_t numgc, numforced;
	uint64_t pause_total;   // ns
	uint64_t pause_ns[256], pause_end[256];
	uint64_t last_gc;       // unix ns
	uint64_t gc_cpu_ns;     // time spent collecting
	uint64_t start_ns;      // monotonic time of runtime start
	Span *specspans;        // spans that have (or had) finalizers
} GCState;

static GCState gc;

// ---- clocks ----

static uint64_t
nanotime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t
walltime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// ---- settings ----

static void
set_goal(void)
{
	if (gc.gcpercent < 0) {
		gc.heap_goal = UINT64_MAX;
		gc.trigger = UINT64_MAX;
		return;
	}
	uint64_t goal = gc.heap_marked + gc.heap_marked / 100 * (uint64_t)gc.gcpercent +
			gc.heap_marked % 100 * (uint64_t)gc.gcpercent / 100;
	uint64_t min = (uint64_t)HEAP_MIN * (uint64_t)gc.gcpercent / 100;
	if (goal < min)
		goal = min;
	gc.heap_goal = goal;
	gc.trigger = goal;
}

// godebug returns the value of setting name in GODEBUG, or -1.
static long
godebug(const char *env, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = env; p && *p;) {
		if (strncmp(p, name, n) == 0 && p[n] == '=')
			return strtol(p + n + 1, NULL, 10);
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return -1;
}

// rt_gc_init reads GOGC and GODEBUG (called once by rt_heap_init).
void
rt_gc_init(void)
{
	gc.start_ns = nanotime();
	gc.gcpercent = 100;
	const char *g = getenv("GOGC");
	if (g != NULL && *g != '\0')
		gc.gcpercent = strcmp(g, "off") == 0 ? -1 : atoi(g);
	const char *d = getenv("GODEBUG");
	long v;
	if ((v = godebug(d, "gctrace")) > 0)
		gc.trace = (int)v;
	if ((v = godebug(d, "gcstress")) > 0)
		rt_gc_stress = (int)v;
	if ((v = godebug(d, "gcverify")) > 0 || (v = godebug(d, "gccheckmark")) > 0)
		gc.verify = (int)v;
	set_goal();
}

// rt_gc_noscan reports where the collector's own state lies (roots.c skips it).
int
rt_gc_noscan(RtGCRoot *out)
{
	out[0] = (RtGCRoot){&gc, sizeof gc, NULL};
	return 1;
}

// rt_gc_poison says whether freed objects are filled with a pattern (verifier mode).
bool
rt_gc_poison(void)
{
	return gc.verify != 0;
}

// ---- the mark stack ----

static uintptr_t *mstack;       // grey objects (their base addresses)
static uint64_t msp, mcap;      // depth, capacity

static __attribute__((noinline)) void
mgrow(void)
{
	{
		uint64_t ncap = mcap ? mcap * 2 : (1 << 16);
		void *n = mstack ? mremap(mstack, mcap * 8, ncap * 8, MREMAP_MAYMOVE)
				 : mmap(NULL, ncap * 8, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (n == MAP_FAILED)
			rt_throw("runtime: cannot grow the mark stack");
		rt_mheap.st.meta_sys += (ncap - mcap) * 8;
		mstack = n;
		mcap = ncap;
	}
}

static inline void
mpush(uintptr_t p)
{
	if (__builtin_expect(msp == mcap, 0))
		mgrow();
	mstack[msp++] = p;
}

static inline bool
slot_allocated(const Span *s, uint64_t i)
{
	return i < s->freeindex || ((s->allocbits[i >> 6] >> (i & 63)) & 1);
}

// shade marks the object containing address a, if any, and queues it for scanning.
static inline __attribute__((always_inline)) void
shade(uintptr_t a)
{
	if (a - rt_mheap.lo >= rt_mheap.hi - rt_mheap.lo)
		return; // outside every arena: the common case for non-pointers
	Arena *ar = rt_mheap.index[a >> ARENA_SHIFT];
	if (ar == NULL)
		return;
	Span *s = ar->huge ? ar->huge : ar->spans[(a - (uintptr_t)ar->base) >> PAGE_SHIFT];
	if (s == NULL || s->state != SPAN_INUSE)
		return;
	uint64_t i = 0;
	uintptr_t base = (uintptr_t)s->base;
	if (s->spanclass >> 1) {
		i = rt_slot_index(s, a - base);
		if (i >= s->nelems || !slot_allocated(s, i))
			return;
		base += i * s->elemsize;
	} else if (a >= base + s->npages * PAGE_SIZE) {
		return;
	}
	uint64_t *w = &s->markbits[i >> 6], bit = (uint64_t)1 << (i & 63);
	if (*w & bit)
		return;
	*w |= bit;
	gc.heap_marked += s->spanclass >> 1 ? s->elemsize : s->npages * PAGE_SIZE;
	if (!(s->spanclass & 1))
		mpush(base);
}

// scan_block shades every word of [lo, hi) that bits marks (bits NULL: every word).
static void
scan_block(uintptr_t lo, uintptr_t hi, const uint8_t *bits)
{
	lo = (lo + 7) & ~(uintptr_t)7;
	const uintptr_t hlo = rt_mheap.lo, hspan = rt_mheap.hi - rt_mheap.lo;
	if (bits == NULL) {
		const uintptr_t *p = (const uintptr_t *)lo;
		// four words at a time: most words of a data segment or stack are not heap
		// pointers, and one test rules out all four
		for (; (uintptr_t)(p + 4) <= hi; p += 4) {
			bool in0 = p[0] - hlo < hspan, in1 = p[1] - hlo < hspan;
			bool in2 = p[2] - hlo < hspan, in3 = p[3] - hlo < hspan;
			if (!(in0 | in1 | in2 | in3))
				continue;
			for (int k = 0; k < 4; k++)
				if (p[k] - hlo < hspan)
					shade(p[k]);
		}
		for (; (uintptr_t)(p + 1) <= hi; p++)
			if (*p - hlo < hspan)
				shade(*p);
		return;
	}
	for (uintptr_t p = lo, k = 0; p + 8 <= hi; p += 8, k++) {
		if (!((bits[k >> 3] >> (k & 7)) & 1))
			continue;
		shade(*(uintptr_t *)p);
	}
}

// scan_bits calls fn on word k of the 64 words from base for every bit k set in v.
static inline void
scan_bits(uintptr_t base, uint64_t v, void (*fn)(uintptr_t word, uintptr_t at))
{
	while (v != 0) {
		unsigned b = (unsigned)__builtin_ctzll(v);
		v &= v - 1;
		uintptr_t at = base + (uintptr_t)b * 8;
		fn(*(uintptr_t *)at, at);
	}
}

// shade_word is shade as a scan_bits/scan_object callback (inlined into drain's loop).
static inline __attribute__((always_inline)) void
shade_word(uintptr_t word, uintptr_t at)
{
	(void)at;
	shade(word);
}

// scan_object calls fn on every word of the object at base (in span s) that may hold a
// pointer.
static inline void
scan_object(uintptr_t base, Span *s, void (*fn)(uintptr_t word, uintptr_t at))
{
	if (s->spanclass >> 1) {
		uint64_t w0 = s->hbit0 + ((base - (uintptr_t)s->base) >> 3), nw = s->elemsize >> 3;
		const uint64_t *hb = s->heapbits;
		for (uint64_t w = 0; w < nw; w += 64) {
			uint64_t i = (w0 + w) >> 6, sh = (w0 + w) & 63;
			uint64_t v = hb[i] >> sh;
			if (sh != 0 && nw - w > 64 - sh)
				v |= hb[i + 1] << (64 - sh);
			if (nw - w < 64)
				v &= ((uint64_t)1 << (nw - w)) - 1;
			scan_bits(base + w * 8, v, fn);
		}
		return;
	}
	uint64_t bytes = s->npages * PAGE_SIZE;
	const RtType *t = s->ltype;
	if (t == NULL) {
		for (uint64_t off = 0; off < bytes; off += 8)
			fn(*(uintptr_t *)(base + off), base + off);
		return;
	}
	uint64_t n = bytes / t->size, nw = t->ptrdata / 8;
	for (uint64_t e = 0; e < n; e++) {
		uintptr_t eb = base + e * t->size;
		// the bitmap 64 words at a time: big types are mostly pointer-free runs
		for (uint64_t w = 0; w < nw; w += 64) {
			uint64_t v = 0, nb = nw - w < 64 ? (nw - w + 7) / 8 : 8;
			memcpy(&v, t->gcdata + w / 8, nb);
			if (nw - w < 64)
				v &= ((uint64_t)1 << (nw - w)) - 1;
			scan_bits(eb + w * 8, v, fn);
		}
	}
}

// drain scans grey objects until the mark stack is empty (scan_object: small objects by
// the heap bitmap, large ones by their type's bitmap).
enum { PREFETCH = 16 }; // objects in flight between prefetch and scan

static void
drain(void)
{
	// Objects popped from the mark stack wait in a small ring whose memory is prefetched,
	// so that the scan of one overlaps the cache misses of the next ones (marking is
	// bound by those misses: each grey object is usually cold).
	uintptr_t ring[PREFETCH];
	unsigned rh = 0, rn = 0;
	while (msp > 0 || rn > 0) {
		if (msp > 0 && rn < PREFETCH) {
			uintptr_t q = mstack[--msp];
			__builtin_prefetch((const void *)q);
			ring[(rh + rn++) % PREFETCH] = q;
			continue;
		}
		uintptr_t p = ring[rh];
		rh = (rh + 1) % PREFETCH;
		rn--;
		Arena *a = rt_mheap.index[p >> ARENA_SHIFT];
		Span *s = a->huge ? a->huge : a->spans[(p - (uintptr_t)a->base) >> PAGE_SHIFT];
		scan_object(p, s, shade_word);
	}
}

// ---- finalizers ----

typedef struct FinNode FinNode;
struct FinNode {             // a finalizer ready to run
	FinNode *next;
	RtClosure *fn;
	const RtType *fntype, *ot;
	void *obj;
};
static FinNode *finq, *finfree; // queued (FIFO via tail), recycled
static FinNode **finqtail = &finq;

// unlist_spec takes s off the list of spans with finalizers.
static void
unlist_spec(Span *s)
{
	for (Span **pp = &gc.specspans; *pp != NULL; pp = &(*pp)->specnext) {
		if (*pp == s) {
			*pp = s->specnext;
			s->specnext = NULL;
			s->onspec = 0;
			return;
		}
	}
}

// mark_specials shades the finalizers and everything reachable from objects that have
// one (but not the objects themselves), and the queued finalizers with their objects.
static void
mark_specials(void)
{
	Span **pp = &gc.specspans;
	while (*pp != NULL) {
		Span *s = *pp;
		if (s->specials == NULL) {
			*pp = s->specnext;
			s->specnext = NULL;
			s->onspec = 0;
			continue;
		}
		for (Special *sp = s->specials; sp != NULL; sp = sp->next) {
			shade((uintptr_t)sp->fn);
			if (s->spanclass & 1)
				continue;
			uint64_t i = s->spanclass >> 1 ? rt_slot_index(s, sp->offset) : 0;
			scan_object((uintptr_t)s->base + i * s->elemsize, s, shade_word);
		}
		pp = &s->specnext;
	}
	for (FinNode *f = finq; f != NULL; f = f->next) {
		shade((uintptr_t)f->fn);
		shade((uintptr_t)f->obj);
	}
}

// ---- sweeping ----

static void
poison(uint8_t *p, uint64_t n)
{
	for (uint64_t i = 0; i + 8 <= n; i += 8)
		*(uint64_t *)(p + i) = 0xdeadbeefdeadbeefull;
}

static void
queue_finalizer(Span *s, Special *sp)
{
	FinNode *f = finfree;
	if (f != NULL)
		finfree = f->next;
	else
		f = rt_sysmeta(sizeof *f);
	f->next = NULL;
	f->fn = sp->fn;
	f->fntype = sp->fntype;
	f->ot = sp->ot;
	f->obj = s->base + sp->offset;
	*finqtail = f;
	finqtail = &f->next;
}

static Special *specialfree; // recycled finalizer records

static void
free_special(Special *sp)
{
	sp->fn = NULL;
	sp->next = specialfree;
	specialfree = sp;
}

// sweep_specials queues the finalizers of unmarked objects of s and marks those objects
// so that they survive this cycle.
static void
sweep_specials(Span *s)
{
	Special **pp = &s->specials;
	while (*pp != NULL) {
		Special *sp = *pp;
		uint64_t i = s->spanclass >> 1 ? rt_slot_index(s, sp->offset) : 0;
		if ((s->markbits[i >> 6] >> (i & 63)) & 1) {
			pp = &sp->next;
			continue;
		}
		queue_finalizer(s, sp);
		s->markbits[i >> 6] |= (uint64_t)1 << (i & 63);
		*pp = sp->next;
		free_special(sp);
	}
}

// rt_sweep_span sweeps s (off every list): unmarked objects become free. Returns true
// when s held no marked object and was given back to the page heap.
bool
rt_sweep_span(Span *s)
{
	if (s->specials != NULL)
		sweep_specials(s);
	int cls = s->spanclass >> 1;
	if (cls == 0) {
		bool marked = s->markbits[0] & 1;
		s->markbits[0] = 0;
		if (marked)
			return false;
		rt_mheap.st.largefree++;
		rt_mheap.st.largefreeb += s->npages * PAGE_SIZE;
		if (s->onspec)
			unlist_spec(s);
		rt_mheap_free(s);
		return true;
	}
	uint32_t nw = (s->nelems + 63) >> 6, nmarked = 0;
	for (uint32_t k = 0; k < nw; k++)
		nmarked += (uint32_t)__builtin_popcountll(s->markbits[k]);
	if (nmarked > s->alloccount)
		rt_throw("gc: swept span has more marked objects than allocated ones");
	uint32_t nfreed = s->alloccount - nmarked;
	if (nfreed > 0) {
		s->needzero = 1;
		rt_mheap.st.nfree[cls] += nfreed;
		if (gc.verify) {
			for (uint32_t i = 0; i < s->nelems; i++)
				if (slot_allocated(s, i) &&
				    !((s->markbits[i >> 6] >> (i & 63)) & 1))
					poison(s->base + (uint64_t)i * s->elemsize, s->elemsize);
		}
	}
	uint64_t *old = s->allocbits;
	s->allocbits = s->markbits;
	s->markbits = old;
	memset(old, 0, nw * 8);
	s->freeindex = 0;
	s->alloccache = ~s->allocbits[0];
	s->alloccount = nmarked;
	if (nmarked == 0) {
		if (s->onspec)
			unlist_spec(s);
		rt_mheap_free(s);
		return true;
	}
	return false;
}

static void
place(Span *s)
{
	if (s->spanclass >> 1 == 0) {
		rt_spanq_push(&rt_mheap.large, s, LIST_LARGE);
		return;
	}
	Central *ct = &rt_mheap.central[s->spanclass];
	if (s->alloccount == s->nelems)
		rt_spanq_push(&ct->full, s, LIST_FULL);
	else
		rt_spanq_push(&ct->partial, s, LIST_PARTIAL);
}

static Span *
pop_unswept(int *rr)
{
	if (rt_mheap.largeunswept.first != NULL)
		return rt_spanq_pop(&rt_mheap.largeunswept);
	// round robin over the classes in use, from *rr
	for (int pass = 0; pass < 2; pass++) {
		for (int spc = rt_spc_next(pass ? 0 : *rr); spc < NSPANCLASS;
		     spc = rt_spc_next(spc + 1)) {
			if (rt_mheap.central[spc].unswept.first != NULL) {
				*rr = spc;
				return rt_spanq_pop(&rt_mheap.central[spc].unswept);
			}
		}
	}
	return NULL;
}

// rt_reclaim sweeps unswept spans until npages pages have been freed (or none is left);
// returns the pages freed (Go's mheap.reclaim).
uint64_t
rt_reclaim(uint64_t npages)
{
	static int rr;
	uint64_t freed = 0;
	Span *s;
	while (freed < npages && (s = pop_unswept(&rr)) != NULL) {
		rt_mheap.nunswept--;
		uint64_t n = s->npages;
		if (rt_sweep_span(s))
			freed += n;
		else
			place(s);
	}
	return freed;
}

static void
finish_sweep(void)
{
	int rr = 0;
	Span *s;
	while ((s = pop_unswept(&rr)) != NULL) {
		rt_mheap.nunswept--;
		if (!rt_sweep_span(s))
			place(s);
	}
}

// unsweep_all moves every in-use span to the unswept lists (mark termination).
static void
unsweep_all(void)
{
	Span *s;
	for (int spc = rt_spc_next(0); spc < NSPANCLASS; spc = rt_spc_next(spc + 1)) {
		Central *ct = &rt_mheap.central[spc];
		while ((s = rt_spanq_pop(&ct->partial)) != NULL)
			rt_spanq_push(&ct->unswept, s, LIST_UNSWEPT);
		while ((s = rt_spanq_pop(&ct->full)) != NULL)
			rt_spanq_push(&ct->unswept, s, LIST_UNSWEPT);
		rt_mheap.nunswept += ct->unswept.n;
		if (ct->unswept.n == 0) // all three lists empty
			rt_mheap.spcused[spc >> 6] &= ~((uint64_t)1 << (spc & 63));
	}
	while ((s = rt_spanq_pop(&rt_mheap.large)) != NULL)
		rt_spanq_push(&rt_mheap.largeunswept, s, LIST_UNSWEPT);
	rt_mheap.nunswept += rt_mheap.largeunswept.n;
	rt_mheap.sweepgen += 2;
}

// ---- the verifier ----

static uint64_t verify_errors;

static void
verify_word(uintptr_t word, uintptr_t at)
{
	Span *s = rt_span_of(word);
	if (s == NULL)
		return;
	uint64_t i = s->spanclass >> 1 ? rt_slot_index(s, word - (uintptr_t)s->base) : 0;
	if (i >= s->nelems || !slot_allocated(s, i))
		return; // conservative words may point at free slots
	if (!((s->markbits[i >> 6] >> (i & 63)) & 1)) {
		if (verify_errors++ < 10) {
			char buf[160];
			snprintf(buf, sizeof buf,
				 "runtime: marked object at %#lx points to unmarked object %#lx\n",
				 (unsigned long)at, (unsigned long)word);
			rt_err_str(buf);
		}
	}
}

static void
verify_span(Span *s)
{
	uint32_t nw = (s->nelems + 63) >> 6, nmarked = 0;
	for (uint32_t k = 0; k < nw; k++)
		nmarked += (uint32_t)__builtin_popcountll(s->markbits[k]);
	uint32_t nalloc = 0;
	for (uint32_t i = 0; i < s->nelems; i++) {
		bool a = slot_allocated(s, i), m = (s->markbits[i >> 6] >> (i & 63)) & 1;
		nalloc += a;
		if (m && !a && verify_errors++ < 10)
			rt_err_str("runtime: marked free object\n");
		if (m && !(s->spanclass & 1))
			scan_object((uintptr_t)s->base + (uint64_t)i * s->elemsize, s, verify_word);
	}
	if (nalloc != s->alloccount && verify_errors++ < 10)
		rt_err_str("runtime: span allocation count disagrees with its bitmap\n");
	(void)nmarked;
}

static void
verify_heap(void)
{
	for (int spc = rt_spc_next(0); spc < NSPANCLASS; spc = rt_spc_next(spc + 1)) {
		Central *ct = &rt_mheap.central[spc];
		for (Span *s = ct->partial.first; s != NULL; s = s->next)
			verify_span(s);
		for (Span *s = ct->full.first; s != NULL; s = s->next)
			verify_span(s);
		if (ct->unswept.first != NULL && verify_errors++ < 10)
			rt_err_str("runtime: unswept span at mark\n");
	}
	for (Span *s = rt_mheap.large.first; s != NULL; s = s->next)
		verify_span(s);
	if (verify_errors > 0)
		rt_throw("gc: heap verification failed");
}

// ---- a cycle ----

static void
root_range(uintptr_t lo, uintptr_t hi, const uint8_t *bits)
{
	scan_block(lo, hi, bits);
}

static void
fmt_ms(char *buf, size_t n, uint64_t ns)
{
	// gc's fmtNSAsMS: whole ms from 10 ms on, else two significant digits (at most three
	// decimals)
	if (ns >= 10000000) {
		snprintf(buf, n, "%llu", (unsigned long long)(ns / 1000000));
		return;
	}
	uint64_t x = ns / 1000;
	if (x == 0) {
		snprintf(buf, n, "0");
		return;
	}
	int dec = 3;
	while (x >= 100) {
		x /= 10;
		dec--;
	}
	uint64_t p = 1;
	for (int i = 0; i < dec; i++)
		p *= 10;
	if (dec == 0)
		snprintf(buf, n, "%llu", (unsigned long long)x);
	else
		snprintf(buf, n, "%llu.%0*llu", (unsigned long long)(x / p), dec,
			 (unsigned long long)(x % p));
}

static void
trace_line(uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, uint64_t heap0,
	   uint64_t heap1, uint64_t heap2, uint64_t goal, bool forced)
{
	char a[24], b[24], c[24], line[512];
	uint64_t since = t0 - gc.start_ns;
	uint64_t elapsed = t3 - gc.start_ns;
	int util = elapsed ? (int)(gc.gc_cpu_ns * 100 / elapsed) : 0;
	fmt_ms(a, sizeof a, t1 - t0);
	fmt_ms(b, sizeof b, t2 - t1);
	fmt_ms(c, sizeof c, t3 - t2);
	snprintf(line, sizeof line,
		 "gc %u @%llu.%03llus %d%%: %s+%s+%s ms clock, %s+0/%s/0+%s ms cpu, "
		 "%llu->%llu->%llu MB, %llu MB goal, %llu MB stacks, %llu MB globals, 1 P%s\n",
		 gc.numgc, (unsigned long long)(since / 1000000000u),
		 (unsigned long long)(since / 1000000 % 1000), util, a, b, c, a, b, c,
		 (unsigned long long)(heap0 >> 20), (unsigned long long)(heap1 >> 20),
		 (unsigned long long)(heap2 >> 20),
		 (unsigned long long)(goal == UINT64_MAX ? 0 : goal >> 20),
		 (unsigned long long)(rt_gc_stack_scan >> 20),
		 (unsigned long long)(rt_globals_bytes() >> 20), forced ? " (forced)" : "");
	rt_err_str(line);
}

static void
collect(bool forced)
{
	if (gc.running)
		return;
	gc.running = true;
	uint64_t t0 = nanotime();
	// 1. sweep termination
	rt_mcache_flush();
	uint64_t heap0 = rt_heap_live; // (the cached spans' unused slots no longer count)
	finish_sweep();
	uint64_t t1 = nanotime();
	// 2. mark
	gc.heap_marked = 0;
	rt_scan_roots(root_range);
	drain();
	mark_specials();
	drain();
	if (gc.verify)
		verify_heap();
	uint64_t t2 = nanotime();
	// 3. mark termination
	unsweep_all();
	uint64_t heap1 = rt_heap_live, goal = gc.heap_goal; // this cycle's goal, for gctrace
	rt_heap_live = gc.heap_marked;
	set_goal();
	gc.numgc++;
	if (forced)
		gc.numforced++;
	uint64_t t3 = nanotime();
	uint64_t pause = t3 - t0;
	gc.pause_total += pause;
	gc.gc_cpu_ns += pause;
	gc.last_gc = walltime();
	gc.pause_ns[(gc.numgc + 255) % 256] = pause;
	gc.pause_end[(gc.numgc + 255) % 256] = gc.last_gc;
	if (gc.trace > 0)
		trace_line(t0, t1, t2, t3, heap0, heap1, gc.heap_marked, goal, forced);
	// keep retained memory near the goal + 10% (Go's scavenger goal)
	uint64_t retained = rt_mheap.st.heap_sys - rt_mheap.st.heap_released;
	uint64_t keep = gc.heap_goal == UINT64_MAX ? UINT64_MAX : gc.heap_goal / 100 * 110;
	if (retained > keep)
		rt_scavenge(retained - keep);
	gc.running = false;
}

// rt_gc_maybe starts a cycle when the heap, with need more bytes, would pass the trigger.
void
rt_gc_maybe(uint64_t need)
{
	if (rt_heap_live + need > gc.trigger && !gc.running)
		collect(false);
}

// rt_gc_stress_point collects every rt_gc_stress-th call (GODEBUG=gcstress=N).
void
rt_gc_stress_point(void)
{
	// GOGC=off (debug.SetGCPercent(-1)) turns the stress collections off too
	if (++rt_gc_stress_count % (uint64_t)rt_gc_stress == 0 && !gc.running &&
	    gc.gcpercent >= 0)
		collect(false);
}

// run_finalizers calls the queued finalizers, oldest first. A finalizer taking an
// interface gets the object as (pointer type, pointer); others get the pointer.
static void
run_finalizers(void)
{
	while (finq != NULL) {
		FinNode *f = finq;
		finq = f->next;
		if (finq == NULL)
			finqtail = &finq;
		RtClosure *fn = f->fn;
		void *obj = f->obj;
		const RtType *ot = f->ot, *ft = f->fntype;
		f->next = finfree;
		f->fn = NULL;
		f->obj = NULL;
		finfree = f;
		const char *nm = ft && ft->name ? ft->name : "";
		// big results (ft->len bytes) go to a hidden last pointer: give them room
		void *res = ft && ft->len ? rt_alloc_bytes((int64_t)ft->len, 1) : NULL;
		if (strncmp(nm, "func(interface", 14) == 0 || strncmp(nm, "func(any", 8) == 0)
			((void (*)(RtClosure *, const RtType *, void *, void *))fn->fn)(fn, ot, obj,
											 res);
		else
			((void (*)(RtClosure *, void *, void *))fn->fn)(fn, obj, res);
	}
}

// ---- the runtime and runtime/debug API ----

// clear_stack zeroes stack memory below the caller's frame, so that the collector's own
// frames, laid over it, do not hold stale pointers left by earlier deeper calls (which
// conservative stack scanning would take for live ones).
static __attribute__((noinline)) void
clear_stack(void)
{
	volatile uint8_t buf[16384];
	memset((void *)buf, 0, sizeof buf);
	__asm__ volatile("" : : "r"(buf) : "memory");
}

// rt_gc_yield runs the queued finalizers: called where the program yields (time.Sleep,
// runtime.Gosched), where Go's finalizer goroutine would get to run.
void
rt_gc_yield(void)
{
	if (!gc.running)
		run_finalizers();
}

// rt_runtime_Gosched is runtime.Gosched: a yield point (no other goroutines yet).
void
rt_runtime_Gosched(void)
{
	rt_gc_yield();
}

// rt_runtime_GC is runtime.GC: a full cycle, all sweeping done, then queued finalizers.
void
rt_runtime_GC(void)
{
	rt_heap_init();
	clear_stack();
	collect(true);
	finish_sweep();
	run_finalizers();
}

// rt_runtime_debug_SetGCPercent is debug.SetGCPercent: sets GOGC, returns the old value.
int64_t
rt_runtime_debug_SetGCPercent(int64_t percent)
{
	rt_heap_init();
	int64_t old = gc.gcpercent;
	gc.gcpercent = percent < 0 ? -1 : (int)(percent > 1 << 30 ? 1 << 30 : percent);
	set_goal();
	if (rt_heap_live > gc.trigger)
		collect(false);
	return old;
}

// rt_runtime_debug_FreeOSMemory is debug.FreeOSMemory: collect, sweep everything, and
// return every free page to the OS.
void
rt_runtime_debug_FreeOSMemory(void)
{
	rt_heap_init();
	clear_stack();
	collect(true);
	finish_sweep();
	rt_scavenge(UINT64_MAX);
	run_finalizers();
}

// rt_runtime_KeepAlive is runtime.KeepAlive: the call itself keeps x reachable up to it.
__attribute__((noinline)) void
rt_runtime_KeepAlive(const RtType *t, void *data)
{
	__asm__ volatile("" : : "r"(t), "r"(data) : "memory");
}

// rt_runtime_SetFinalizer is runtime.SetFinalizer(obj, finalizer) with Go's checks; a
// nil finalizer removes obj's finalizer.
void
rt_runtime_SetFinalizer(const RtType *ot, void *obj, const RtType *ft, void *fn)
{
	rt_heap_init();
	if (ot == NULL)
		rt_throw("runtime.SetFinalizer: first argument is nil");
	if (ot->kind != RT_KIND_POINTER) {
		char buf[256];
		snprintf(buf, sizeof buf, "runtime.SetFinalizer: first argument is %s, not pointer",
			 ot->name);
		rt_throw(buf);
	}
	if (ft != NULL && ft->kind != RT_KIND_FUNC) {
		char buf[256];
		snprintf(buf, sizeof buf,
			 "runtime.SetFinalizer: second argument is %s, not a function", ft->name);
		rt_throw(buf);
	}
	Span *s = rt_span_of((uintptr_t)obj);
	if (s == NULL)
		return; // globals and zero-sized objects: the finalizer never runs (Go's too)
	uint64_t off = (uintptr_t)obj - (uintptr_t)s->base;
	uint64_t i = s->spanclass >> 1 ? rt_slot_index(s, off) : 0;
	if (!slot_allocated(s, i))
		rt_throw("runtime.SetFinalizer: pointer not in allocated block");
	off = i * (s->spanclass >> 1 ? s->elemsize : 0);
	if ((uintptr_t)obj != (uintptr_t)s->base + off && !(s->spanclass & 1 &&
							      s->elemsize == TINY_SIZE))
		rt_throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
	Special **pp = &s->specials;
	while (*pp != NULL && (*pp)->offset != ((uintptr_t)obj - (uintptr_t)s->base))
		pp = &(*pp)->next;
	if (ft == NULL || fn == NULL) {
		if (*pp != NULL) {
			Special *old = *pp;
			*pp = old->next;
			free_special(old);
		}
		return;
	}
	if (*pp != NULL)
		rt_throw("runtime.SetFinalizer: finalizer already set");
	Special *sp = specialfree;
	if (sp != NULL)
		specialfree = sp->next;
	else
		sp = rt_sysmeta(sizeof *sp);
	sp->offset = (uintptr_t)obj - (uintptr_t)s->base;
	sp->fn = fn;
	sp->fntype = ft;
	sp->ot = ot;
	sp->next = s->specials;
	s->specials = sp;
	if (!s->onspec) {
		s->onspec = 1;
		s->specnext = gc.specspans;
		gc.specspans = s;
	}
}

// ---- runtime.ReadMemStats ----

typedef struct GoMemStats { // runtime.MemStats's layout on amd64
	uint64_t Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees;
	uint64_t HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects;
	uint64_t StackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys;
	uint64_t BuckHashSys, GCSys, OtherSys, NextGC, LastGC, PauseTotalNs;
	uint64_t PauseNs[256];
	uint64_t PauseEnd[256];
	uint32_t NumGC, NumForcedGC;
	double GCCPUFraction;
	uint8_t EnableGC, DebugGC;
	struct {
		uint32_t Size;
		uint64_t Mallocs, Frees;
	} BySize[61];
} GoMemStats;
_Static_assert(__builtin_offsetof(GoMemStats, NumGC) == 4288, "MemStats.NumGC");
_Static_assert(__builtin_offsetof(GoMemStats, BySize) == 4312, "MemStats.BySize");
_Static_assert(sizeof(GoMemStats) == 5776, "MemStats size");

// rt_runtime_ReadMemStats is runtime.ReadMemStats(m), with Go's field meanings: Alloc and
// HeapAlloc are the bytes of allocated objects not yet freed (objects found dead but not
// yet swept still count, as in Go), Mallocs/Frees count objects (tiny allocations merged
// into a block count as both), Heap* describe spans and pages, NextGC the heap goal,
// PauseNs a circular buffer of stop-the-world times (the latest at (NumGC+255)%256).
void
rt_runtime_ReadMemStats(void *out)
{
	rt_heap_init();
	GoMemStats *m = out;
	HeapStats *st = &rt_mheap.st;
	uint64_t nm[NCLASS] = {0};
	rt_mcache_counts(nm);
	uint64_t tiny = st->tinyallocs + rt_mheap.cache.tinyallocs;
	uint64_t mallocs = st->largealloc, frees = st->largefree;
	uint64_t total = st->largeallocb, freed = st->largefreeb;
	memset(m->BySize, 0, sizeof m->BySize);
	for (int i = 1; i < NCLASS; i++) {
		uint64_t a = st->nmalloc[i] + nm[i], f = st->nfree[i];
		mallocs += a;
		frees += f;
		total += a * rt_class_size[i];
		freed += f * rt_class_size[i];
		if (i < 61) {
			m->BySize[i].Size = rt_class_size[i];
			m->BySize[i].Mallocs = a;
			m->BySize[i].Frees = f;
		}
	}
	m->Alloc = m->HeapAlloc = total - freed;
	m->TotalAlloc = total;
	m->Lookups = 0;
	m->Mallocs = mallocs + tiny;
	m->Frees = frees + tiny;
	m->HeapSys = st->heap_sys;
	m->HeapInuse = st->heap_inuse;
	m->HeapIdle = st->heap_sys - st->heap_inuse;
	m->HeapReleased = st->heap_released;
	m->HeapObjects = m->Mallocs - m->Frees;
	uint64_t stk = rt_gc_stack_scan > 0 ? (rt_gc_stack_scan + 8191) & ~(uint64_t)8191 : 8192;
	m->StackInuse = m->StackSys = stk;
	m->MSpanInuse = st->span_inuse;
	m->MSpanSys = (st->spans ? st->span_inuse : 0) + 16384;
	m->MCacheInuse = sizeof(MCache);
	m->MCacheSys = 16384;
	m->BuckHashSys = 0;
	m->GCSys = st->meta_sys;
	m->OtherSys = 0;
	m->Sys = m->HeapSys + m->StackSys + m->MSpanSys + m->MCacheSys + m->BuckHashSys +
		 m->GCSys + m->OtherSys;
	m->NextGC = gc.heap_goal == UINT64_MAX ? 0 : gc.heap_goal;
	m->LastGC = gc.last_gc;
	m->PauseTotalNs = gc.pause_total;
	memcpy(m->PauseNs, gc.pause_ns, sizeof m->PauseNs);
	memcpy(m->PauseEnd, gc.pause_end, sizeof m->PauseEnd);
	m->NumGC = gc.numgc;
	m->NumForcedGC = gc.numforced;
	uint64_t elapsed = nanotime() - gc.start_ns;
	m->GCCPUFraction = elapsed ? (double)gc.gc_cpu_ns / (double)elapsed : 0;
	m->EnableGC = 1;
	m->DebugGC = 0;
}
