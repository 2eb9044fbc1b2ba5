// mheap.c: the page heap (Go's mheap): 64 MB arenas reserved from the kernel and committed
// as the heap grows, runs of 8 KB pages handed out as spans, address -> span lookup, and
// the scavenger that returns free pages to the OS.
//
// Arenas. Each arena is ARENA_SIZE bytes of address space aligned to its size, reserved
// PROT_NONE; its pages become usable (mprotect read/write) from the bottom up in steps of
// at least 512 KB as allocations need them ("committed"). Newly committed pages count as
// released (HeapReleased): they are zero and not resident until touched, as in Go, where
// fresh heap memory starts out scavenged. rt_mheap.index maps the top bits of any address
// to its arena (a 32 MB table reserved with MAP_NORESERVE; only touched entries cost
// memory), so rt_span_of is two loads: index[a >> 26]->spans[page].
//
// Pages. Per arena, bitmaps say which pages belong to an in-use span (inuse) and which
// free pages have been returned to the OS (scav). Allocation is first fit by address
// (Go 1.19's page allocator is also address-ordered first fit): the lowest run of npages
// free pages in committed memory, else commit more at the top of an arena, else a new
// arena. A span whose pages were all scavenged or fresh is known to be zero; otherwise it
// is marked needzero and the allocator zeroes what it hands out. Freeing a span clears
// its inuse bits; the pages stay resident (dirty) until the scavenger releases them.
// Before the heap grows, unswept spans are swept (Go's reclaim), so garbage of one size
// class is turned into free pages before new memory is committed for another.
//
// Huge objects (more pages than an arena) get a mapping of their own, rounded up to
// whole arenas and registered in the index with Arena records whose `huge` field names
// the span; freeing one unmaps it.
//
// Scavenger: rt_scavenge walks free, unscavenged pages from the highest address down and
// releases runs with madvise(MADV_DONTNEED) (anonymous private memory then reads as zero,
// so scavenged pages need no zeroing), until the requested bytes are released. gc.c calls
// it after each cycle to keep retained memory near the heap goal + 10% (Go's
// retainExtraPercent) and from debug.FreeOSMemory to release everything free.
//
// Metadata (Span records, arena records, heap bitmaps) lives in its own mappings, never in
// the heap, and is counted in MSpanSys/GCSys.
//
// See it: runtime/heap_test.c (page heap, spans, scavenger); GODEBUG=gctrace=1.
#define _DEFAULT_SOURCE
#include <string.h>
#include <sys/mman.h>

#include "heap.h"

enum {
	GROW_PAGES = 64,                 // commit at least 512 KB at a time
	INDEX_ENTRIES = 1 << (ADDR_BITS - ARENA_SHIFT),
};

MHeap rt_mheap;

static Span *spanfree;                   // dead Span records for reuse
static uint8_t *meta_next, *meta_end;

static void *
sysreserve(uint64_t size, int prot)
{
	void *p = mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		rt_throw("runtime: out of memory");
	return p;
}

// rt_sysmeta returns zeroed metadata memory that is never freed.
void *
rt_sysmeta(uint64_t size)
{
	size = (size + 15) & ~(uint64_t)15;
	if (meta_next == NULL || (uint64_t)(meta_end - meta_next) < size) {
		uint64_t chunk = size > (256 << 10) ? (size + 4095) & ~(uint64_t)4095 : (256 << 10);
		meta_next = sysreserve(chunk, PROT_READ | PROT_WRITE);
		meta_end = meta_next + chunk;
		rt_mheap.st.meta_sys += chunk;
	}
	void *p = meta_next;
	meta_next += size;
	return p;
}

// rt_mheap_init reserves the arena index. Idempotent.
void
rt_mheap_init(void)
{
	if (rt_mheap.index != NULL)
		return;
	rt_mheap.index = sysreserve((uint64_t)INDEX_ENTRIES * sizeof(Arena *),
				    PROT_READ | PROT_WRITE);
	rt_mheap.sweepgen = 2;
}

// ---- span lists ----

// rt_spanq_push puts s at the front of q and records which list it is on.
void
rt_spanq_push(SpanQ *q, Span *s, int list)
{
	s->prev = NULL;
	s->next = q->first;
	if (q->first != NULL)
		q->first->prev = s;
	q->first = s;
	q->n++;
	s->list = (uint8_t)list;
	if (list != LIST_LARGE && s->spanclass >> 1)
		rt_mheap.spcused[s->spanclass >> 6] |= (uint64_t)1 << (s->spanclass & 63);
}

// rt_spc_next returns the first span class >= from whose bit is set in spcused, or
// NSPANCLASS.
int
rt_spc_next(int from)
{
	for (int w = from >> 6; w < (NSPANCLASS + 63) / 64; w++) {
		uint64_t v = rt_mheap.spcused[w];
		if (w == from >> 6)
			v &= ~(uint64_t)0 << (from & 63);
		if (v != 0) {
			int spc = w * 64 + __builtin_ctzll(v);
			return spc < NSPANCLASS ? spc : NSPANCLASS;
		}
	}
	return NSPANCLASS;
}

// rt_spanq_remove unlinks s from q (s must be on it).
void
rt_spanq_remove(SpanQ *q, Span *s)
{
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		q->first = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
	s->list = LIST_NONE;
	q->n--;
}

// rt_spanq_pop removes and returns the first span of q, or NULL.
Span *
rt_spanq_pop(SpanQ *q)
{
	Span *s = q->first;
	if (s != NULL)
		rt_spanq_remove(q, s);
	return s;
}

// ---- page bitmaps ----

static inline bool
bit_get(const uint64_t *b, uint64_t i)
{
	return (b[i >> 6] >> (i & 63)) & 1;
}

static void
bits_set(uint64_t *b, uint64_t i, uint64_t n, bool v)
{
	while (n > 0) {
		uint64_t sh = i & 63, k = 64 - sh < n ? 64 - sh : n;
		uint64_t m = (k == 64 ? ~(uint64_t)0 : (((uint64_t)1 << k) - 1)) << sh;
		if (v)
			b[i >> 6] |= m;
		else
			b[i >> 6] &= ~m;
		i += k;
		n -= k;
	}
}

static uint64_t
bits_count(const uint64_t *b, uint64_t i, uint64_t n)
{
	uint64_t c = 0;
	while (n > 0) {
		uint64_t sh = i & 63, k = 64 - sh < n ? 64 - sh : n;
		uint64_t m = (k == 64 ? ~(uint64_t)0 : (((uint64_t)1 << k) - 1)) << sh;
		c += (uint64_t)__builtin_popcountll(b[i >> 6] & m);
		i += k;
		n -= k;
	}
	return c;
}

// find_run returns the first page of a run of n free committed pages of a, or -1.
static int64_t
find_run(Arena *a, uint64_t n)
{
	uint64_t i = a->hint, end = a->committed;
	bool first = true;
	while (i + n <= end) {
		uint64_t w = a->inuse[i >> 6] >> (i & 63);
		if (w & 1) { // skip in-use pages quickly
			if ((i & 63) == 0 && a->inuse[i >> 6] == ~(uint64_t)0) {
				i += 64;
				continue;
			}
			i++;
			continue;
		}
		if (first) {
			a->hint = (uint32_t)i; // nothing free below i
			first = false;
		}
		uint64_t j = i;
		while (j < i + n && !bit_get(a->inuse, j))
			j++;
		if (j == i + n)
			return (int64_t)i;
		i = j + 1;
	}
	if (first)
		a->hint = (uint32_t)i; // every page below i is in use
	return -1;
}

static void
note_range(uintptr_t lo, uintptr_t hi)
{
	if (rt_mheap.lo == 0 || lo < rt_mheap.lo)
		rt_mheap.lo = lo;
	if (hi > rt_mheap.hi)
		rt_mheap.hi = hi;
}

static Arena *
new_arena(void)
{
	if (rt_mheap.narenas == (int)(sizeof rt_mheap.arenas / sizeof rt_mheap.arenas[0]))
		rt_throw("out of memory");
	uint8_t *raw = sysreserve(2 * (uint64_t)ARENA_SIZE, PROT_NONE);
	uintptr_t aligned = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1);
	if (aligned > (uintptr_t)raw)
		munmap(raw, aligned - (uintptr_t)raw);
	uintptr_t end = (uintptr_t)raw + 2 * (uint64_t)ARENA_SIZE;
	if (end > aligned + ARENA_SIZE)
		munmap((void *)(aligned + ARENA_SIZE), end - (aligned + ARENA_SIZE));
	Arena *a = rt_sysmeta(sizeof(Arena));
	a->base = (uint8_t *)aligned;
	a->heapbits = sysreserve(ARENA_WORDS / 8, PROT_READ | PROT_WRITE);
	rt_mheap.st.meta_sys += ARENA_WORDS / 8;
	rt_mheap.arenas[rt_mheap.narenas++] = a;
	rt_mheap.index[aligned >> ARENA_SHIFT] = a;
	note_range(aligned, aligned + ARENA_SIZE);
	return a;
}

// commit makes n more pages of a usable; they start free and released.
static bool
commit(Arena *a, uint64_t n)
{
	if (a->committed + n > ARENA_PAGES)
		n = ARENA_PAGES - a->committed;
	if (n == 0)
		return false;
	uint8_t *p = a->base + (uint64_t)a->committed * PAGE_SIZE;
	if (mprotect(p, n * PAGE_SIZE, PROT_READ | PROT_WRITE) != 0)
		rt_throw("runtime: out of memory");
	bits_set(a->scav, a->committed, n, true);
	a->committed += (uint32_t)n;
	rt_mheap.st.heap_sys += n * PAGE_SIZE;
	rt_mheap.st.heap_released += n * PAGE_SIZE;
	return true;
}

static Span *
new_span_record(void)
{
	Span *s = spanfree;
	if (s != NULL)
		spanfree = s->next;
	else
		s = rt_sysmeta(sizeof(Span));
	memset(s, 0, sizeof *s);
	rt_mheap.st.span_inuse += sizeof(Span);
	rt_mheap.st.spans++;
	return s;
}

static void
free_span_record(Span *s)
{
	s->state = SPAN_DEAD;
	s->next = spanfree;
	spanfree = s;
	rt_mheap.st.span_inuse -= sizeof(Span);
}

static Span *
alloc_huge(uint64_t npages, int spanclass)
{
	uint64_t narena = (npages * PAGE_SIZE + ARENA_SIZE - 1) / ARENA_SIZE;
	uint64_t bytes = narena * ARENA_SIZE;
	// Without MAP_NORESERVE, so that the kernel's overcommit check refuses sizes that
	// could never be backed: Go reports those as out of memory too.
	uint8_t *raw = mmap(NULL, bytes + ARENA_SIZE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		rt_throw("runtime: out of memory");
	uintptr_t aligned = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1);
	if (aligned > (uintptr_t)raw)
		munmap(raw, aligned - (uintptr_t)raw);
	uintptr_t end = (uintptr_t)raw + bytes + ARENA_SIZE;
	if (end > aligned + bytes)
		munmap((void *)(aligned + bytes), end - (aligned + bytes));
	Span *s = new_span_record();
	s->base = (uint8_t *)aligned;
	s->npages = narena * ARENA_PAGES;
	s->spanclass = (uint8_t)spanclass;
	s->state = SPAN_INUSE;
	for (uint64_t i = 0; i < narena; i++) {
		Arena *a = rt_sysmeta(sizeof(Arena));
		a->base = s->base + i * ARENA_SIZE;
		a->huge = s;
		rt_mheap.index[(uintptr_t)a->base >> ARENA_SHIFT] = a;
	}
	rt_mheap.st.heap_sys += bytes;
	rt_mheap.st.heap_inuse += bytes;
	note_range(aligned, aligned + bytes);
	return s;
}

// take turns pages [i, i+n) of a into span s.
static void
take(Arena *a, uint64_t i, uint64_t n, Span *s)
{
	uint64_t scav = bits_count(a->scav, i, n);
	bits_set(a->inuse, i, n, true);
	bits_set(a->scav, i, n, false);
	rt_mheap.st.heap_released -= scav * PAGE_SIZE;
	rt_mheap.st.heap_inuse += n * PAGE_SIZE;
	for (uint64_t k = 0; k < n; k++)
		a->spans[i + k] = s;
	s->base = a->base + i * PAGE_SIZE;
	s->npages = n;
	s->needzero = scav != n;
}

static Span *
try_alloc(uint64_t npages, Span *s)
{
	for (int k = 0; k < rt_mheap.narenas; k++) {
		Arena *a = rt_mheap.arenas[k];
		int64_t i = find_run(a, npages);
		if (i >= 0) {
			take(a, (uint64_t)i, npages, s);
			return s;
		}
	}
	// commit more at the top of an arena whose free tail plus room suffices
	for (int k = 0; k < rt_mheap.narenas; k++) {
		Arena *a = rt_mheap.arenas[k];
		uint64_t tail = 0;
		while (tail < a->committed && !bit_get(a->inuse, a->committed - 1 - tail))
			tail++;
		if (a->committed - tail + npages > ARENA_PAGES)
			continue;
		uint64_t need = npages - (tail < npages ? tail : npages);
		if (need > 0)
			commit(a, need > GROW_PAGES ? need : GROW_PAGES);
		int64_t i = find_run(a, npages);
		if (i >= 0) {
			take(a, (uint64_t)i, npages, s);
			return s;
		}
	}
	return NULL;
}

// rt_mheap_alloc returns an in-use span of npages pages for span class spanclass (its
// slots not yet set up: see rt_span_init_bits). Sweeps unswept spans first when the heap
// would otherwise grow.
Span *
rt_mheap_alloc(uint64_t npages, int spanclass)
{
	rt_mheap_init();
	Span *s = new_span_record();
	s->spanclass = (uint8_t)spanclass;
	s->state = SPAN_INUSE;
	if (npages > ARENA_PAGES) {
		free_span_record(s);
		rt_mheap.st.spans--;
		s = alloc_huge(npages, spanclass);
		s->needzero = 0;
		return s;
	}
	if (try_alloc(npages, s) != NULL)
		return s;
	// reclaim: sweep until enough pages come free, then retry
	if (rt_mheap.nunswept > 0 && rt_reclaim(npages) > 0 && try_alloc(npages, s) != NULL)
		return s;
	Arena *a = new_arena();
	commit(a, npages > GROW_PAGES ? npages : GROW_PAGES);
	take(a, 0, npages, s);
	return s;
}

// rt_mheap_free returns s's pages to the page heap (huge mappings to the OS).
void
rt_mheap_free(Span *s)
{
	uint64_t bytes = s->npages * PAGE_SIZE;
	Arena *a = rt_arena_of((uintptr_t)s->base);
	if (a != NULL && a->huge == s) {
		for (uint64_t off = 0; off < bytes; off += ARENA_SIZE)
			rt_mheap.index[((uintptr_t)s->base + off) >> ARENA_SHIFT] = NULL;
		munmap(s->base, bytes);
		rt_mheap.st.heap_sys -= bytes;
		rt_mheap.st.heap_inuse -= bytes;
		free_span_record(s);
		return;
	}
	uint64_t i = ((uintptr_t)s->base - (uintptr_t)a->base) >> PAGE_SHIFT;
	bits_set(a->inuse, i, s->npages, false);
	for (uint64_t k = 0; k < s->npages; k++)
		a->spans[i + k] = NULL;
	if (i < a->hint)
		a->hint = (uint32_t)i;
	rt_mheap.st.heap_inuse -= bytes;
	free_span_record(s);
}

// rt_span_of returns the in-use span whose pages contain address a, or NULL.
Span *
rt_span_of(uintptr_t addr)
{
	Arena *a = rt_arena_of(addr);
	if (a == NULL)
		return NULL;
	if (a->huge != NULL)
		return a->huge;
	Span *s = a->spans[(addr - (uintptr_t)a->base) >> PAGE_SHIFT];
	if (s == NULL || s->state != SPAN_INUSE)
		return NULL;
	return s;
}

// rt_scavenge releases up to nbytes of free resident pages to the OS, highest addresses
// first, and returns the bytes released. Runs are released whole (so a little more than
// asked may go).
uint64_t
rt_scavenge(uint64_t nbytes)
{
	uint64_t done = 0;
	for (int k = rt_mheap.narenas - 1; k >= 0 && done < nbytes; k--) {
		Arena *a = rt_mheap.arenas[k];
		int64_t i = (int64_t)a->committed - 1;
		while (i >= 0 && done < nbytes) {
			if (bit_get(a->inuse, (uint64_t)i) || bit_get(a->scav, (uint64_t)i)) {
				i--;
				continue;
			}
			int64_t lo = i;
			while (lo > 0 && !bit_get(a->inuse, (uint64_t)lo - 1) &&
			       !bit_get(a->scav, (uint64_t)lo - 1))
				lo--;
			uint64_t n = (uint64_t)(i - lo + 1);
			madvise(a->base + (uint64_t)lo * PAGE_SIZE, n * PAGE_SIZE, MADV_DONTNEED);
			bits_set(a->scav, (uint64_t)lo, n, true);
			done += n * PAGE_SIZE;
			i = lo - 1;
		}
	}
	rt_mheap.st.heap_released += done;
	rt_mheap.st.nscavenged += done;
	return done;
}
