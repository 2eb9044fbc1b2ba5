// alloc.c: the allocator behind rt_alloc*, rt_makeslice and rt_growslice (Go's mallocgc):
// size classes, the tiny allocator, the per-P cache (mcache) and the central span lists
// (mcentral); pages come from mheap.c, collection from gc.c.
//
// Size classes. Small objects (up to 32 KB) are rounded up to one of Go 1.19's 67 size
// classes (runtime/sizeclasses.go): 8, 16, 24, 32, 48, 64, 80, ... 28672, 32768. Each
// class has a span size (a whole number of 8 KB pages chosen by Go to bound waste), e.g.
// class 1408 uses 2 pages holding 11 objects. The class of a size comes from two lookup
// tables, one by 8-byte steps up to 1024 and one by 128-byte steps above (Go's
// size_to_class8/size_to_class128 scheme), so rt_roundupsize and growslice's capacities
// are gc's. A span class is class << 1 | noscan: pointer-free objects live in spans of
// their own, which the collector never scans.
//
// Allocation path (Go's): mallocgc takes the mcache's current span of the span class and
// finds the next free slot with the span's alloccache, a 64-bit window of inverted
// allocation bits (count trailing zeros: no locks, no system calls). When the span is
// full the mcache refills: the full span goes back to its mcentral and the mcentral hands
// out a swept span with free slots, or sweeps unswept spans of the class until one has
// room (lazy sweeping), or gets a new span from the page heap. Before a refill or a large
// allocation the pacer may start a collection (gc.c: heap_live against the trigger), so
// a collection never runs while a new object is half made.
//
// Tiny allocator: pointer-free objects under 16 bytes are packed into one 16-byte block
// (aligned to 8, 4 or 2 by their size, as Go does); the block is one object for the
// collector and lives while any of its pieces is referenced. Merged allocations count as
// both a malloc and a free in MemStats, as in Go.
//
// Pointer maps: for every small object in a scan span the allocator writes the object's
// words into the arena's heap bitmap (1 bit per word: may hold a pointer), repeating the
// type's gcdata for arrays; memory allocated without a type (rt_alloc_bytes with noscan
// 0: closures' environments, map buckets) gets every bit set and is scanned
// conservatively. A large object records its element type in its span instead.
//
// Invariants: objects are 8-byte aligned; memory handed out is zero (fresh or scavenged
// pages are zero; spans that held objects are marked needzero and each slot is cleared
// when reused); a zero-sized allocation returns rt_zerobase. A slot i of a small span is
// allocated iff i < freeindex or allocbits has bit i.
//
// See it: runtime/alloc_test.c, runtime/heap_test.c; GODEBUG=gctrace=1.
#include <string.h>

#include "heap.h"

enum {
	SMALL_MAX8 = 1024,              // size_to_class8 covers sizes up to this
	LARGE_STEP = 128,               // size_to_class128's step
	TINY_SPANCLASS = (2 << 1) | 1,  // class 2 (16 bytes), noscan
};

static const uint64_t MAX_ALLOC = (uint64_t)1 << 48; // Go's maxAlloc on linux/amd64

// Go 1.19's class sizes and the pages per span of each class (class 0 is large).
const uint32_t rt_class_size[NCLASS] = {
	0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
	1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
	6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
	20480, 21760, 24576, 27264, 28672, 32768,
};
const uint8_t rt_class_pages[NCLASS] = {
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5,
	7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
};

uint8_t rt_zerobase[8];

static uint8_t size_to_class8[SMALL_MAX8 / 8 + 1];
static uint8_t size_to_class128[(MAX_SMALL - SMALL_MAX8) / LARGE_STEP + 1];

// rt_heap_init builds the size-class lookup tables, reads GODEBUG/GOGC and reserves the
// arena index. It is idempotent and cheap, and the allocation entry points call it.
void
rt_heap_init(void)
{
	if (rt_mheap.ready)
		return;
	int c = 1;
	for (int i = 0; i <= SMALL_MAX8 / 8; i++) {
		while ((uint32_t)i * 8 > rt_class_size[c])
			c++;
		size_to_class8[i] = (uint8_t)c;
	}
	for (int i = 0; i <= (MAX_SMALL - SMALL_MAX8) / LARGE_STEP; i++) {
		uint32_t size = SMALL_MAX8 + (uint32_t)i * LARGE_STEP;
		while (size > rt_class_size[c])
			c++;
		size_to_class128[i] = (uint8_t)c;
	}
	rt_mheap_init();
	rt_mheap.ready = 1;
	rt_gc_init();
}

static inline int
sizeclass(uint64_t size)
{
	if (size <= SMALL_MAX8 - 8)
		return size_to_class8[(size + 7) >> 3];
	return size_to_class128[(size - SMALL_MAX8 + LARGE_STEP - 1) / LARGE_STEP];
}

// rt_roundupsize returns the bytes a request of size actually gets, as Go's roundupsize:
// its class size when small, else a multiple of the page size.
uint64_t
rt_roundupsize(uint64_t size)
{
	rt_heap_init();
	if (size < MAX_SMALL)
		return rt_class_size[sizeclass(size)];
	if (size + PAGE_SIZE < size)
		return size;
	return (size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
}

// rt_span_init_bits sets s up for its span class: slots, divisor, empty bitmaps.
void
rt_span_init_bits(Span *s)
{
	int cls = s->spanclass >> 1;
	s->allocbits = s->bits[0];
	s->markbits = s->bits[1];
	memset(s->bits, 0, sizeof s->bits);
	s->freeindex = 0;
	s->alloccount = 0;
	s->alloccache = ~(uint64_t)0;
	if (cls == 0) {
		uint64_t bytes = s->npages * PAGE_SIZE;
		s->elemsize = bytes > UINT32_MAX ? 0 : (uint32_t)bytes;
		s->nelems = 1;
		s->divmul = 0; // every offset is slot 0
	} else {
		Arena *a = rt_arena_of((uintptr_t)s->base);
		if (a != NULL) {
			s->heapbits = a->heapbits;
			s->hbit0 = (uint64_t)(s->base - a->base) >> 3;
		}
		s->elemsize = rt_class_size[cls];
		s->nelems = (uint32_t)(s->npages * PAGE_SIZE / s->elemsize);
		s->divmul = (uint32_t)(UINT32_MAX / s->elemsize + 1);
	}
}

// nextfree returns the index of the next free slot of s and consumes it, or s->nelems
// when s is full.
static inline uint32_t
nextfree(Span *s)
{
	for (;;) {
		uint64_t c = s->alloccache;
		uint32_t idx = s->freeindex;
		if (c != 0) {
			uint32_t bit = (uint32_t)__builtin_ctzll(c);
			uint32_t r = idx + bit;
			if (r >= s->nelems) {
				s->freeindex = s->nelems;
				s->alloccache = 0;
				return s->nelems;
			}
			s->freeindex = r + 1;
			if (((r + 1) & 63) == 0)
				s->alloccache = r + 1 < s->nelems ? ~s->allocbits[(r + 1) >> 6] : 0;
			else
				s->alloccache = c >> (bit + 1);
			return r;
		}
		uint32_t next = (idx + 63) & ~63u;
		if (next == idx)
			next = idx + 64;
		if (next >= s->nelems) {
			s->freeindex = s->nelems;
			return s->nelems;
		}
		s->freeindex = next;
		s->alloccache = ~s->allocbits[next >> 6];
	}
}

// ---- mcentral ----

static Span *
central_span(int spc)
{
	Central *ct = &rt_mheap.central[spc];
	Span *s = rt_spanq_pop(&ct->partial);
	if (s != NULL)
		return s;
	int budget = 100;
	while (ct->unswept.first != NULL && budget-- > 0) {
		s = rt_spanq_pop(&ct->unswept);
		rt_mheap.nunswept--;
		if (rt_sweep_span(s))
			continue; // it was empty: its pages went back to the heap
		if (s->alloccount < s->nelems)
			return s;
		rt_spanq_push(&ct->full, s, LIST_FULL);
	}
	s = rt_mheap_alloc(rt_class_pages[spc >> 1], spc);
	rt_span_init_bits(s);
	return s;
}

// uncache gives the mcache's span s back to its central lists.
static void
uncache(Span *s)
{
	int spc = s->spanclass;
	rt_mheap.st.nmalloc[spc >> 1] += s->alloccount - s->cachecount;
	rt_heap_live -= (uint64_t)(s->nelems - s->alloccount) * s->elemsize;
	Central *ct = &rt_mheap.central[spc];
	if (s->alloccount == s->nelems)
		rt_spanq_push(&ct->full, s, LIST_FULL);
	else
		rt_spanq_push(&ct->partial, s, LIST_PARTIAL);
}

// rt_mcache_flush returns every span of the mcache to the central lists and drops the
// tiny block (collection start, as Go's mcache.releaseAll).
void
rt_mcache_flush(void)
{
	MCache *c = &rt_mheap.cache;
	for (int i = 0; i < NSPANCLASS; i++) {
		if (c->alloc[i] != NULL) {
			uncache(c->alloc[i]);
			c->alloc[i] = NULL;
		}
	}
	c->tiny = NULL;
	c->tinyoffset = 0;
	rt_mheap.st.tinyallocs += c->tinyallocs;
	c->tinyallocs = 0;
}

// rt_mcache_counts adds the allocations of the cached spans not yet in the statistics.
void
rt_mcache_counts(uint64_t *nmalloc)
{
	MCache *c = &rt_mheap.cache;
	for (int i = 0; i < NSPANCLASS; i++)
		if (c->alloc[i] != NULL)
			nmalloc[i >> 1] += c->alloc[i]->alloccount - c->alloc[i]->cachecount;
}

static __attribute__((noinline)) Span *
refill(int spc)
{
	MCache *c = &rt_mheap.cache;
	if (c->alloc[spc] != NULL) {
		uncache(c->alloc[spc]);
		c->alloc[spc] = NULL;
	}
	rt_gc_maybe((uint64_t)rt_class_pages[spc >> 1] * PAGE_SIZE);
	Span *s = central_span(spc);
	s->cachecount = s->alloccount;
	rt_heap_live += (uint64_t)(s->nelems - s->alloccount) * s->elemsize;
	c->alloc[spc] = s;
	return s;
}

// ---- heap bitmap ----

static inline void
hb_put(uint64_t *hb, uint64_t w, unsigned n, uint64_t v)
{
	uint64_t m = n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
	uint64_t i = w >> 6, sh = w & 63;
	hb[i] = (hb[i] & ~(m << sh)) | (v << sh);
	if (sh + n > 64) {
		unsigned r = 64 - (unsigned)sh;
		hb[i + 1] = (hb[i + 1] & ~(m >> r)) | (v >> r);
	}
}

// gcbits returns n (<= 64) bits of bitmap g from bit 0.
static inline uint64_t
gcbits(const uint8_t *g, unsigned n)
{
	uint64_t v = 0;
	for (unsigned k = 0; k < (n + 7) / 8; k++)
		v |= (uint64_t)g[k] << (8 * k);
	return n == 64 ? v : v & (((uint64_t)1 << n) - 1);
}

// set_heapbits records which words of the object at x (a slot of nwords words of span s)
// may hold pointers: t's gcdata repeated over the object (t NULL: every word).
static inline void
set_heapbits(Span *s, uint8_t *x, uint64_t nwords, const RtType *t)
{
	uint64_t w0 = s->hbit0 + ((uint64_t)(x - s->base) >> 3);
	uint64_t *hb = s->heapbits;
	if (t == NULL) {
		for (uint64_t w = 0; w < nwords; w += 64)
			hb_put(hb, w0 + w, nwords - w < 64 ? (unsigned)(nwords - w) : 64,
			       ~(uint64_t)0);
		return;
	}
	uint64_t esw = t->size >> 3, pdw = t->ptrdata >> 3;
	if (pdw <= 64 && esw >= nwords) { // one element covers the slot: the common case
		unsigned n = nwords < 64 ? (unsigned)nwords : 64;
		hb_put(hb, w0, n, gcbits(t->gcdata, (unsigned)(pdw < n ? pdw : n)));
		for (uint64_t w = 64; w < nwords; w += 64)
			hb_put(hb, w0 + w, nwords - w < 64 ? (unsigned)(nwords - w) : 64, 0);
		return;
	}
	for (uint64_t w = 0; w < nwords; w += 64) {
		unsigned n = nwords - w < 64 ? (unsigned)(nwords - w) : 64;
		uint64_t v = 0;
		for (unsigned k = 0; k < n; k++) {
			uint64_t word = w + k, e = esw ? word % esw : 0;
			if (e < pdw && (t->gcdata[e >> 3] >> (e & 7)) & 1)
				v |= (uint64_t)1 << k;
		}
		hb_put(hb, w0 + w, n, v);
	}
}

// ---- mallocgc ----

static void *
large_alloc(uint64_t size, const RtType *elem, int noscan)
{
	uint64_t npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	rt_gc_maybe(npages * PAGE_SIZE);
	Span *s = rt_mheap_alloc(npages, noscan);
	rt_span_init_bits(s);
	s->freeindex = 1;
	s->alloccount = 1;
	s->ltype = elem;
	if (s->needzero)
		memset(s->base, 0, s->npages * PAGE_SIZE);
	s->needzero = 0;
	rt_spanq_push(&rt_mheap.large, s, LIST_LARGE);
	uint64_t bytes = s->npages * PAGE_SIZE;
	rt_mheap.st.largealloc++;
	rt_mheap.st.largeallocb += bytes;
	rt_heap_live += bytes;
	return s->base;
}

// mallocgc returns size zeroed bytes for n elements of type t (t NULL: untyped memory,
// scanned conservatively unless noscan).
static inline void *
mallocgc(uint64_t size, const RtType *t, int noscan)
{
	if (__builtin_expect(!rt_mheap.ready, 0))
		rt_heap_init();
	if (size == 0)
		return rt_zerobase;
	if (__builtin_expect(rt_gc_stress != 0, 0))
		rt_gc_stress_point();
	if (size > MAX_SMALL) {
		if (size > MAX_ALLOC)
			rt_throw("runtime: out of memory");
		return large_alloc(size, t, noscan);
	}
	MCache *c = &rt_mheap.cache;
	if (noscan && size < TINY_SIZE) {
		uint64_t off = c->tinyoffset;
		if ((size & 7) == 0)
			off = (off + 7) & ~(uint64_t)7;
		else if ((size & 3) == 0)
			off = (off + 3) & ~(uint64_t)3;
		else if ((size & 1) == 0)
			off = (off + 1) & ~(uint64_t)1;
		if (off + size <= TINY_SIZE && c->tiny != NULL) {
			c->tinyoffset = off + size;
			c->tinyallocs++;
			return c->tiny + off;
		}
		Span *s = c->alloc[TINY_SPANCLASS];
		uint32_t i = s ? nextfree(s) : 0;
		if (s == NULL || i == s->nelems) {
			s = refill(TINY_SPANCLASS);
			i = nextfree(s);
		}
		uint8_t *x = s->base + (uint64_t)i * TINY_SIZE;
		s->alloccount++;
		if (s->needzero)
			memset(x, 0, TINY_SIZE);
		if (c->tiny == NULL || size < c->tinyoffset) {
			c->tiny = x;
			c->tinyoffset = size;
		}
		return x;
	}
	int spc = sizeclass(size) << 1 | (noscan != 0);
	Span *s = c->alloc[spc];
	uint32_t i = s ? nextfree(s) : 0;
	if (__builtin_expect(s == NULL || i == s->nelems, 0)) {
		s = refill(spc);
		i = nextfree(s);
	}
	uint8_t *x = s->base + (uint64_t)i * s->elemsize;
	s->alloccount++;
	if (s->needzero)
		memset(x, 0, s->elemsize);
	if (!noscan)
		set_heapbits(s, x, s->elemsize >> 3, t);
	return x;
}

// rt_alloc returns one zeroed object of type t (new(T), &T{}, escaping variables).
void *
rt_alloc(const RtType *t)
{
	return mallocgc(t->size, t, t->ptrdata == 0);
}

// rt_alloc_array returns n zeroed elements of type elem; n * size must not overflow
// (callers check lengths, as Go's newarray does).
void *
rt_alloc_array(const RtType *elem, int64_t n)
{
	if (n < 0 || (elem->size != 0 && (uint64_t)n > MAX_ALLOC / elem->size))
		rt_panic_errstr("makeslice: len out of range");
	return mallocgc(elem->size * (uint64_t)n, elem, elem->ptrdata == 0);
}

// rt_alloc_bytes returns size zeroed bytes; noscan says they will hold no pointers, else
// the collector scans every word conservatively.
void *
rt_alloc_bytes(int64_t size, int64_t noscan)
{
	if (size < 0)
		rt_panic_errstr("makeslice: len out of range");
	return mallocgc((uint64_t)size, NULL, noscan != 0);
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
	out->ptr = mallocgc(es * (uint64_t)cap, elem, elem->ptrdata == 0);
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
	// ptr stays in this frame across the allocation, so a collection inside keeps the
	// old array alive until it is copied
	void *volatile old = ptr;
	void *p = mallocgc(capmem, elem, elem->ptrdata == 0);
	if (len > 0)
		memmove(p, old, (uint64_t)len * es);
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
	rt_heap_init();
	uint64_t nm[NCLASS] = {0};
	rt_mcache_counts(nm);
	uint64_t mallocs = rt_mheap.st.largealloc, total = rt_mheap.st.largeallocb;
	for (int i = 1; i < NCLASS; i++) {
		uint64_t n = rt_mheap.st.nmalloc[i] + nm[i];
		mallocs += n;
		total += n * rt_class_size[i];
	}
	out->mallocs = mallocs + rt_mheap.st.tinyallocs + rt_mheap.cache.tinyallocs;
	out->total_alloc = total;
	out->heap_sys = rt_mheap.st.heap_sys;
	out->large_allocs = rt_mheap.st.largealloc;
	out->spans = rt_mheap.st.spans;
}

// rt_heap_span_of reports the object containing address p: its start in *base and its
// size in *size; returns 0 when p is not in an allocated heap object.
int64_t
rt_heap_span_of(const void *p, void **base, uint64_t *size)
{
	Span *s = rt_span_of((uintptr_t)p);
	if (s == NULL)
		return 0;
	uint64_t off = (uintptr_t)p - (uintptr_t)s->base;
	uint64_t esz = s->spanclass >> 1 ? s->elemsize : s->npages * PAGE_SIZE;
	uint64_t idx = s->spanclass >> 1 ? rt_slot_index(s, off) : 0;
	if (idx >= s->nelems)
		return 0;
	if (idx >= s->freeindex && !((s->allocbits[idx >> 6] >> (idx & 63)) & 1))
		return 0;
	*base = s->base + idx * esz;
	*size = esz;
	return 1;
}
