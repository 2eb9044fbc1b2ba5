// alloc.c: the heap behind rt_alloc*, rt_makeslice and rt_growslice (first version: no
// collection yet, but the structures a Go-style collector needs are in place).
//
// Size classes. Small objects (up to 32 KB) are rounded up to one of Go 1.19's 67 size
// classes (runtime/sizeclasses.go): 8, 16, 24, 32, 48, 64, 80, ... 27264, 28672, 32768.
// Each class has a span size (a whole number of 8 KB pages chosen by Go to bound waste),
// e.g. class 1408 uses 2 pages holding 11 objects. The class of a size comes from two
// lookup tables built at start-up, one by 8-byte steps up to 1024 and one by 128-byte steps
// above, exactly Go's size_to_class8/size_to_class128 scheme. rt_roundupsize uses them, so
// growslice's capacities are gc's.
//
// Spans and the page heap. Memory is reserved from the kernel in 64 MB arenas (mmap,
// MAP_NORESERVE, so untouched pages cost nothing) and handed out as runs of 8 KB pages
// by a bump pointer. A span is a run of pages holding objects of one class (or one large
// object, class 0); each arena keeps a page -> span table so that any heap address maps
// to its span (rt_span lookups for the collector later). Each class has a current span;
// an object is the span's next free slot, and a full span is replaced by a new one.
// Large objects (> 32 KB) get a span of their own pages; ones larger than an arena get
// their own mapping.
//
// Invariants: every object is 8-byte aligned (spans start on page boundaries and every
// class size is a multiple of 8); memory handed out is zero (fresh mmap memory, never
// reused while there is no collector — the collector must zero on sweep); a zero-sized
// allocation returns rt_zerobase. Counters: mallocs and total bytes (class-rounded, as
// Go's MemStats counts them) in rt_memstats.
//
// See it: runtime/alloc_test.c; GODEBUG-style tracing comes with the collector.
#define _DEFAULT_SOURCE
#include <string.h>
#include <sys/mman.h>

#include "rtint.h"

enum {
	PAGE_SHIFT = 13,
	PAGE_SIZE = 1 << PAGE_SHIFT,    // Go's _PageSize
	MAX_SMALL = 32768,              // Go's _MaxSmallSize
	SMALL_MAX8 = 1024,              // size_to_class8 covers sizes up to this
	LARGE_STEP = 128,               // size_to_class128's step
	NCLASS = 68,                    // class 0 (large) + 67 small classes
	ARENA_SIZE = 64 << 20,          // bytes reserved per arena
	ARENA_PAGES = ARENA_SIZE / PAGE_SIZE,
	MAX_ARENAS = 4096,              // 256 GB of heap at most
};

static const uint64_t MAX_ALLOC = (uint64_t)1 << 48; // Go's maxAlloc on linux/amd64

// Go 1.19's class sizes and the pages per span of each class (class 0 is large).
static const uint32_t class_size[NCLASS] = {
	0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
	1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
	6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
	20480, 21760, 24576, 27264, 28672, 32768,
};
static const uint8_t class_pages[NCLASS] = {
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5,
	7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
};

typedef struct Span Span;
struct Span {
	uint8_t *base;     // first byte (page aligned)
	uint64_t npages;   // pages in the span
	uint32_t sizeclass; // 0 for a large object
	uint32_t elemsize; // object size (the whole span for a large object)
	uint32_t nelems;   // objects the span holds
	uint32_t freeindex; // next unused slot; slots below it are allocated
	uint8_t noscan;    // objects hold no pointers
	Span *next;        // all spans, newest first (for the collector and tests)
};

typedef struct Arena {
	uint8_t *base;              // ARENA_SIZE bytes, aligned to ARENA_SIZE
	uint64_t used;              // pages handed out by the bump pointer
	Span *spans[ARENA_PAGES];   // page index -> span owning it (NULL: free)
} Arena;

uint8_t rt_zerobase[8];

static int ready;                          // rt_heap_init has run
static uint8_t size_to_class8[SMALL_MAX8 / 8 + 1];
static uint8_t size_to_class128[(MAX_SMALL - SMALL_MAX8) / LARGE_STEP + 1];
static Span *cur[NCLASS][2];               // current span per class, [noscan]
static Arena *arenas[MAX_ARENAS];          // in creation order
static int narenas;
static Span *allspans;                     // every span, newest first
static RtMemStats stats;

// Metadata (spans, arena headers) comes from its own mappings, never from the heap.
static uint8_t *meta_next, *meta_end;

static void *
sysmap(uint64_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		rt_throw("runtime: out of memory");
	stats.heap_sys += size;
	return p;
}

static void *
meta_alloc(uint64_t size)
{
	size = (size + 15) & ~(uint64_t)15;
	if (meta_next == NULL || (uint64_t)(meta_end - meta_next) < size) {
		uint64_t chunk = size > (1 << 20) ? size : (1 << 20);
		meta_next = sysmap(chunk);
		meta_end = meta_next + chunk;
	}
	void *p = meta_next;
	meta_next += size;
	return p;
}

// rt_heap_init builds the size-class lookup tables. It is idempotent and cheap, and the
// allocation entry points call it on first use.
void
rt_heap_init(void)
{
	if (ready)
		return;
	int c = 1;
	for (int i = 0; i <= SMALL_MAX8 / 8; i++) {
		while ((uint32_t)i * 8 > class_size[c])
			c++;
		size_to_class8[i] = (uint8_t)c;
	}
	for (int i = 0; i <= (MAX_SMALL - SMALL_MAX8) / LARGE_STEP; i++) {
		uint32_t size = SMALL_MAX8 + (uint32_t)i * LARGE_STEP;
		while (size > class_size[c])
			c++;
		size_to_class128[i] = (uint8_t)c;
	}
	ready = 1;
}

static int
sizeclass(uint64_t size)
{
	if (size <= SMALL_MAX8 - 8)
		return size_to_class8[(size + 7) / 8];
	return size_to_class128[(size - SMALL_MAX8 + LARGE_STEP - 1) / LARGE_STEP];
}

// rt_roundupsize returns the bytes a request of size actually gets, as Go's roundupsize:
// its class size when small, else a multiple of the page size.
uint64_t
rt_roundupsize(uint64_t size)
{
	rt_heap_init();
	if (size < MAX_SMALL)
		return class_size[sizeclass(size)];
	if (size + PAGE_SIZE < size)
		return size;
	return (size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
}

static Arena *
new_arena(void)
{
	if (narenas == MAX_ARENAS)
		rt_throw("out of memory");
	// Over-reserve to align the arena to its size, then give back the slack.
	uint8_t *raw = sysmap(2 * (uint64_t)ARENA_SIZE);
	uintptr_t aligned = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1);
	if (aligned > (uintptr_t)raw)
		munmap(raw, aligned - (uintptr_t)raw);
	uint8_t *end = raw + 2 * (uint64_t)ARENA_SIZE;
	if ((uintptr_t)end > aligned + ARENA_SIZE)
		munmap((void *)(aligned + ARENA_SIZE), (uintptr_t)end - (aligned + ARENA_SIZE));
	stats.heap_sys -= ARENA_SIZE;
	Arena *a = meta_alloc(sizeof(Arena));
	memset(a, 0, sizeof *a);
	a->base = (uint8_t *)aligned;
	arenas[narenas++] = a;
	return a;
}

// alloc_span takes npages pages for a span of the given class.
static Span *
alloc_span(uint64_t npages, int cls, int noscan)
{
	Span *s = meta_alloc(sizeof(Span));
	memset(s, 0, sizeof *s);
	if (npages > ARENA_PAGES / 2) {
		// Huge: a mapping of its own, not in any arena's page table.
		s->base = sysmap(npages * PAGE_SIZE);
	} else {
		Arena *a = narenas > 0 ? arenas[narenas - 1] : NULL;
		if (a == NULL || a->used + npages > ARENA_PAGES)
			a = new_arena();
		s->base = a->base + a->used * PAGE_SIZE;
		for (uint64_t i = 0; i < npages; i++)
			a->spans[a->used + i] = s;
		a->used += npages;
	}
	s->npages = npages;
	s->sizeclass = (uint32_t)cls;
	s->noscan = (uint8_t)noscan;
	if (cls > 0) {
		s->elemsize = class_size[cls];
		s->nelems = (uint32_t)(npages * PAGE_SIZE / s->elemsize);
	} else {
		s->elemsize = (uint32_t)(npages * PAGE_SIZE > UINT32_MAX ? 0 : npages * PAGE_SIZE);
		s->nelems = 1;
	}
	s->next = allspans;
	allspans = s;
	stats.spans++;
	return s;
}

static void *
mallocgc(uint64_t size, int noscan)
{
	rt_heap_init();
	if (size == 0)
		return rt_zerobase;
	if (size > MAX_ALLOC)
		rt_throw("runtime: out of memory");
	stats.mallocs++;
	if (size <= MAX_SMALL) {
		int cls = sizeclass(size);
		Span *s = cur[cls][noscan];
		if (s == NULL || s->freeindex == s->nelems) {
			s = alloc_span(class_pages[cls], cls, noscan);
			cur[cls][noscan] = s;
		}
		void *p = s->base + (uint64_t)s->freeindex * s->elemsize;
		s->freeindex++;
		stats.total_alloc += s->elemsize;
		return p;
	}
	uint64_t npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	Span *s = alloc_span(npages, 0, noscan);
	s->freeindex = 1;
	stats.large_allocs++;
	stats.total_alloc += npages * PAGE_SIZE;
	return s->base;
}

// rt_alloc returns one zeroed object of type t (new(T), &T{}, escaping variables).
void *
rt_alloc(const RtType *t)
{
	return mallocgc(t->size, t->ptrdata == 0);
}

// rt_alloc_array returns n zeroed elements of type elem; n * size must not overflow
// (callers check lengths, as Go's newarray does).
void *
rt_alloc_array(const RtType *elem, int64_t n)
{
	if (n < 0 || (elem->size != 0 && (uint64_t)n > MAX_ALLOC / elem->size))
		rt_panic_errstr("makeslice: len out of range");
	return mallocgc(elem->size * (uint64_t)n, elem->ptrdata == 0);
}

// rt_alloc_bytes returns size zeroed bytes; noscan says they will hold no pointers.
void *
rt_alloc_bytes(int64_t size, int64_t noscan)
{
	if (size < 0)
		rt_panic_errstr("makeslice: len out of range");
	return mallocgc((uint64_t)size, noscan != 0);
}

// rt_makeslice implements make([]T, len, cap) with Go's checks and messages: a bad cap
// is reported as a len error when len alone is already bad.
void
rt_makeslice(RtSlice *out, const RtType *elem, int64_t len, int64_t cap)
{
	uint64_t es = elem->size;
	int capbad = cap < 0 || (es != 0 && (uint64_t)cap > MAX_ALLOC / es);
	if (capbad || len < 0 || len > cap) {
		if (len < 0 || (es != 0 && (uint64_t)len > MAX_ALLOC / es))
			rt_panic_makeslicelen();
		rt_panic_makeslicecap();
	}
	out->ptr = mallocgc(es * (uint64_t)cap, elem->ptrdata == 0);
	out->len = len;
	out->cap = cap;
}

// rt_growslice implements append's reallocation with Go 1.19's rule. newcap starts at
// the old cap; if the needed length exceeds twice that, newcap is the needed length;
// else below 256 it doubles, and from 256 on it grows by (newcap + 768) / 4 until it
// suffices (about 1.25x for large slices, smoothly from 2x). Then newcap * elemsize is
// rounded up to the size class and newcap recomputed from that. Worked example: int64,
// cap 5, appending one: 10 elements = 80 bytes, class 80, cap 10; bytes, cap 0 needing 5:
// 5 bytes -> class 8 -> cap 8.
void
rt_growslice(RtSlice *out, const RtType *elem, void *ptr, int64_t len, int64_t cap,
	     int64_t newlen)
{
	uint64_t es = elem->size;
	if (newlen < cap || newlen < 0)
		rt_panic_errstr("growslice: cap out of range");
	if (es == 0) {
		out->ptr = rt_zerobase;
		out->len = newlen;
		out->cap = newlen;
		return;
	}
	int64_t newcap = cap;
	int64_t doublecap = newcap + newcap;
	if (newlen > doublecap) {
		newcap = newlen;
	} else if (cap < 256) {
		newcap = doublecap;
	} else {
		while (0 < newcap && newcap < newlen)
			newcap += (newcap + 3 * 256) / 4;
		if (newcap <= 0)
			newcap = newlen;
	}
	if ((uint64_t)newcap > MAX_ALLOC / es)
		rt_panic_errstr("growslice: cap out of range");
	uint64_t capmem = rt_roundupsize((uint64_t)newcap * es);
	newcap = (int64_t)(capmem / es);
	if (capmem > MAX_ALLOC)
		rt_panic_errstr("growslice: cap out of range");
	void *p = mallocgc(capmem, elem->ptrdata == 0);
	if (len > 0)
		memmove(p, ptr, (uint64_t)len * es);
	out->ptr = p;
	out->len = newlen;
	out->cap = newcap;
}

// rt_slicecopy implements copy(dst, src) for element size elemsize: it moves
// min(dstlen, srclen) elements (the ranges may overlap) and returns that count.
int64_t
rt_slicecopy(void *dst, int64_t dstlen, const void *src, int64_t srclen, int64_t elemsize)
{
	int64_t n = dstlen < srclen ? dstlen : srclen;
	if (n <= 0 || elemsize == 0)
		return n < 0 ? 0 : n;
	memmove(dst, src, (uint64_t)n * (uint64_t)elemsize);
	return n;
}

// rt_read_memstats fills *out with the allocator's counters.
void
rt_read_memstats(RtMemStats *out)
{
	*out = stats;
}

// rt_heap_span_of reports the object containing address p: its start in *base and its
// size in *size; returns 0 when p is not in a heap span (stack, globals, metadata).
int64_t
rt_heap_span_of(const void *p, void **base, uint64_t *size)
{
	uintptr_t a = (uintptr_t)p;
	for (int i = 0; i < narenas; i++) {
		Arena *ar = arenas[i];
		if (a < (uintptr_t)ar->base || a >= (uintptr_t)ar->base + ARENA_SIZE)
			continue;
		Span *s = ar->spans[(a - (uintptr_t)ar->base) >> PAGE_SHIFT];
		if (s == NULL)
			return 0;
		uint64_t off = a - (uintptr_t)s->base;
		uint64_t esz = s->sizeclass ? s->elemsize : s->npages * PAGE_SIZE;
		uint64_t idx = off / esz;
		if (idx >= s->freeindex)
			return 0;
		*base = s->base + idx * esz;
		*size = esz;
		return 1;
	}
	for (Span *s = allspans; s != NULL; s = s->next) {
		if (s->sizeclass == 0 && a >= (uintptr_t)s->base &&
		    a < (uintptr_t)s->base + s->npages * PAGE_SIZE) {
			*base = s->base;
			*size = s->npages * PAGE_SIZE;
			return 1;
		}
	}
	return 0;
}
