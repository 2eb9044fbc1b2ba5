// heap.h: the structures of the allocator and the collector, shared by the runtime's heap
// files only (alloc.c: size classes, mcache, mcentral, mallocgc; mheap.c: arenas, page
// heap, span lookup, scavenger; gc.c: marking, sweeping, pacing, statistics, finalizers;
// roots.c: stacks, registers, globals). Never included by generated code or codegen/.
//
// The names follow Go's runtime (mheap, mspan, mcentral, mcache, span class, sweepgen) so
// that a reader of malloc.go/mgc.go finds the same pieces; the code is gosub's own.
#pragma once

#include "rtint.h"

enum {
	PAGE_SHIFT = 13,
	PAGE_SIZE = 1 << PAGE_SHIFT,     // Go's _PageSize
	MAX_SMALL = 32768,               // Go's _MaxSmallSize
	TINY_SIZE = 16,                  // Go's maxTinySize: the tiny allocator's block
	NCLASS = 68,                     // class 0 (large) + 67 small classes
	NSPANCLASS = 2 * NCLASS,         // span class = class << 1 | noscan
	ARENA_SHIFT = 26,
	ARENA_SIZE = 1 << ARENA_SHIFT,   // Go's heapArenaBytes on linux/amd64 (64 MB)
	ARENA_PAGES = ARENA_SIZE / PAGE_SIZE,
	ARENA_WORDS = ARENA_SIZE / 8,
	MAX_NELEMS = PAGE_SIZE / 8,      // most objects one span holds (class 8: 1024)
	BITWORDS = MAX_NELEMS / 64,      // uint64 words of a span's alloc/mark bitmap
	ADDR_BITS = 48,                  // user address space on linux/amd64
	HEAP_MIN = 4 << 20,              // Go's heapMinimum at GOGC=100
};

enum SpanState {
	SPAN_DEAD,     // on the Span free list (metadata only)
	SPAN_INUSE,    // holds objects
};

enum SpanList {  // where an in-use span is (for checks)
	LIST_NONE,     // cached by the mcache, or being swept
	LIST_PARTIAL,  // swept, has free slots
	LIST_FULL,     // swept, no free slot
	LIST_UNSWEPT,  // not swept since the last mark
	LIST_LARGE,    // a large object (swept state in sweepgen)
};

// A finalizer attached to an object (Go's specialfinalizer).
typedef struct Special Special;
struct Special {
	Special *next;          // next special of the same span, by offset
	uint64_t offset;        // object offset in the span
	RtClosure *fn;          // the finalizer func value
	const RtType *fntype;   // its func type (decides how the object is passed)
	const RtType *ot;       // the object's pointer type (the SetFinalizer argument)
};

typedef struct Span Span;
struct Span {
	uint8_t *base;          // first byte (page aligned)
	uint64_t npages;        // pages
	Span *next, *prev;      // links of the list holding it
	uint32_t elemsize;      // object size (0 for large objects over 4 GB: use npages)
	uint32_t nelems;        // object slots
	uint32_t freeindex;     // slots below are allocated; search free slots from here
	uint32_t alloccount;    // allocated objects
	uint32_t cachecount;    // alloccount when the mcache took the span
	uint32_t divmul;        // ceil(2^32 / elemsize): slot index = off * divmul >> 32
	uint64_t alloccache;    // ~allocbits from freeindex & ~63, shifted to freeindex
	uint8_t spanclass;      // class << 1 | noscan; 0/1 for large
	uint8_t state;          // SpanState
	uint8_t list;           // SpanList
	uint8_t needzero;       // slots may hold old data: zero them when allocated
	uint32_t sweepgen;      // == heap sweepgen: swept this cycle; == sweepgen - 2: not
	const RtType *ltype;    // large scan objects: element type (NULL: scan every word)
	Special *specials;      // finalizers (any order)
	Span *specnext;         // next span on the collector's list of spans with finalizers
	uint8_t onspec;         // s is on that list
	uint64_t *heapbits;     // the arena's heap bitmap (small scan spans)
	uint64_t hbit0;         // bit of the span's first word in it
	uint64_t *allocbits;    // slot allocated at the last sweep (slots >= freeindex)
	uint64_t *markbits;     // slot marked in the current cycle
	uint64_t bits[2][BITWORDS]; // the storage of allocbits and markbits
};

// A 64 MB heap arena: page -> span map, page states, the heap pointer bitmap.
typedef struct Arena {
	uint8_t *base;          // ARENA_SIZE aligned
	Span *huge;             // part of one huge object's mapping: every page is this span
	uint32_t committed;     // pages made usable (from the base up)
	uint32_t hint;          // no free page below this one
	uint64_t inuse[ARENA_PAGES / 64]; // page belongs to an in-use span
	uint64_t scav[ARENA_PAGES / 64];  // free page returned to the OS (reads as zero)
	uint64_t *heapbits;     // bit per heap word: the word may hold a pointer (small
				// objects of scan spans); ARENA_WORDS bits, reserved lazily
	Span *spans[ARENA_PAGES]; // page -> its span (in-use pages only)
} Arena;

typedef struct SpanList_ { // a doubly linked list of spans
	Span *first;
	uint64_t n;             // spans on it
} SpanQ;

// Central lists of one span class (Go's mcentral).
typedef struct Central {
	SpanQ partial;          // swept, with free slots
	SpanQ full;             // swept, full
	SpanQ unswept;          // in use, not swept since the last mark
} Central;

// The per-P cache (Go's mcache): allocation without locks. One P for now.
typedef struct MCache {
	Span *alloc[NSPANCLASS]; // current span per span class (NULL: none)
	uint8_t *tiny;          // current tiny block, or NULL
	uint64_t tinyoffset;    // bytes used in it
	uint64_t tinyallocs;    // tiny allocations merged into a block
} MCache;

// Cumulative and current statistics (the sources of runtime.MemStats).
typedef struct HeapStats {
	uint64_t nmalloc[NCLASS]; // objects allocated per class (flushed from the mcache)
	uint64_t nfree[NCLASS];   // objects freed per class
	uint64_t largealloc, largefree;     // large objects
	uint64_t largeallocb, largefreeb;   // their bytes
	uint64_t tinyallocs;      // merged tiny allocations (count as malloc and free)
	uint64_t heap_sys;        // bytes committed for the heap (arenas + huge mappings)
	uint64_t heap_inuse;      // bytes of in-use spans
	uint64_t heap_released;   // bytes of free pages returned to the OS
	uint64_t meta_sys;        // bytes mapped for metadata (spans, arenas, bitmaps)
	uint64_t span_inuse;      // bytes of live Span structs
	uint64_t spans;           // spans created (rt_read_memstats)
	uint64_t nscavenged;      // bytes released by the scavenger, total
} HeapStats;

typedef struct MHeap {
	Arena **index;          // arena of address a: index[a >> ARENA_SHIFT] (NULL: none)
	Arena *arenas[4096];    // arenas of the page heap, by creation
	int narenas;
	Central central[NSPANCLASS];
	// span classes whose central lists may be non-empty (a bit is set when a span is
	// pushed on one, cleared when a walk finds them empty): the collector visits only
	// these, not all NSPANCLASS, at every cycle
	uint64_t spcused[(NSPANCLASS + 63) / 64];
	SpanQ large;            // large spans
	SpanQ largeunswept;     // large spans not swept since the last mark
	uint64_t nunswept;      // spans on unswept lists
	uint32_t sweepgen;      // += 2 at every mark termination
	uintptr_t lo, hi;       // every arena lies in [lo, hi) (lo = hi = 0: none yet)
	MCache cache;           // the one P's cache
	HeapStats st;
	int ready;
} MHeap;

extern MHeap rt_mheap;
extern const uint32_t rt_class_size[NCLASS];
extern const uint8_t rt_class_pages[NCLASS];

// ---- mheap.c ----
void rt_mheap_init(void);
void *rt_sysmeta(uint64_t size);                   // metadata memory (zeroed, never freed)
Span *rt_mheap_alloc(uint64_t npages, int spanclass); // pages for a span; may collect
void rt_mheap_free(Span *s);                       // give the span's pages back
Span *rt_span_of(uintptr_t a);                     // the in-use span containing a, or NULL
uint64_t rt_scavenge(uint64_t nbytes);             // release up to nbytes of free pages
void rt_span_init_bits(Span *s);                   // alloc/mark bitmaps for s's class
static inline Arena *
rt_arena_of(uintptr_t a)
{
	if (a >> ADDR_BITS || rt_mheap.index == NULL)
		return NULL;
	return rt_mheap.index[a >> ARENA_SHIFT];
}
void rt_spanq_push(SpanQ *q, Span *s, int list);
int rt_spc_next(int from);                         // first class >= from in spcused
void rt_spanq_remove(SpanQ *q, Span *s);
Span *rt_spanq_pop(SpanQ *q);

// ---- alloc.c ----
void rt_mcache_flush(void);                        // return every cached span (GC start)
void rt_mcache_counts(uint64_t *nmalloc);          // pending per-class counts of the cache

// ---- gc.c ----
bool rt_sweep_span(Span *s);                       // sweep s; true when s was freed
void rt_gc_maybe(uint64_t need);                   // collect when heap_live + need > trigger
extern uint64_t rt_heap_live;                      // marked at the last GC + allocated since
extern int rt_gc_stress;                           // GODEBUG=gcstress=N (0: off)
extern uint64_t rt_gc_stress_count;
void rt_gc_stress_point(void);                     // a collection of the stress mode
bool rt_gc_poison(void);                           // fill freed objects (verifier mode)
void rt_gc_init(void);                             // GOGC, GODEBUG (rt_heap_init)
uint64_t rt_reclaim(uint64_t npages);              // sweep until npages pages are free
extern uint64_t rt_gc_stack_scan;                  // stack bytes the last cycle scanned
int rt_gc_noscan(RtGCRoot *out);                   // the collector's state (not a root)

// ---- roots.c ----
typedef void (*RootFn)(uintptr_t lo, uintptr_t hi, const uint8_t *bits); // bits NULL: all
void rt_scan_roots(RootFn fn);                     // stacks, registers, globals, defers
uint64_t rt_globals_bytes(void);                   // bytes of pointer-bearing globals

// slot index of offset off in s
static inline uint64_t
rt_slot_index(const Span *s, uint64_t off)
{
	return (off * s->divmul) >> 32;
}
