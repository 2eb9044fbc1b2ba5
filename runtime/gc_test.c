// gc_test.c: the allocator and collector from the inside: size classes and slot division,
// spans, the page heap (first fit, reuse, zeroing), the tiny allocator, marking (cycles,
// interior pointers, large and untyped objects), finalizers, the scavenger, pacing and
// the gctrace line. Runs with the heap verifier on (GODEBUG=gcverify=1 is set before the
// first allocation), so every collection here is also checked.
//
// Objects that must die are made in noinline helpers and remembered only as disguised
// addresses (x ^ MASK), so that the conservative stack scan cannot see them; objects that
// must live are kept in static variables (the data segment is a root).
#define _GNU_SOURCE
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "heap.h"
#include "rttest.h"

static int fails;

#define CHECK(cond, ...) \
	do { \
		if (!(cond)) { \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); \
			printf("\n"); \
			fails++; \
		} \
	} while (0)

enum { MASK = 0x5a5a5a5a5a5a5a5aull };

typedef struct Node {
	struct Node *next;
	int64_t val;
} Node;

static const uint8_t node_gc[] = {1};
static const RtType t_node = {.size = 16, .ptrdata = 8, .kind = RT_KIND_STRUCT, .align = 8,
			      .gcdata = node_gc, .name = "main.Node"};
static const RtType t_pnode = {.size = 8, .ptrdata = 8, .kind = RT_KIND_POINTER, .align = 8,
			       .flags = RT_FLAG_DIRECT, .gcdata = node_gc, .name = "*main.Node",
			       .elem = &t_node};
static const RtType t_ptr = {.size = 8, .ptrdata = 8, .kind = RT_KIND_POINTER, .align = 8,
			     .flags = RT_FLAG_DIRECT, .gcdata = node_gc, .name = "*int"};
static const RtType t_fin = {.size = 8, .ptrdata = 8, .kind = RT_KIND_FUNC, .align = 8,
			     .flags = RT_FLAG_DIRECT, .gcdata = node_gc,
			     .name = "func(*main.Node)"};

static bool
live(uintptr_t disguised)
{
	void *base;
	uint64_t size;
	return rt_heap_span_of((void *)(disguised ^ MASK), &base, &size) != 0;
}

static __attribute__((noinline)) void
gc(void)
{
	rt_runtime_GC();
}

// ---- size classes ----

static void
test_classes(void)
{
	for (int c = 1; c < NCLASS; c++) {
		uint32_t sz = rt_class_size[c];
		CHECK(rt_roundupsize(sz) == sz, "roundupsize(%u)", sz);
		CHECK(rt_roundupsize(rt_class_size[c - 1] + 1) == sz, "class above %u",
		      rt_class_size[c - 1]);
		// the slot of every offset by multiplication, as the collector computes it
		Span s = {.npages = rt_class_pages[c], .spanclass = (uint8_t)(c << 1)};
		rt_span_init_bits(&s);
		CHECK(s.nelems == rt_class_pages[c] * PAGE_SIZE / sz, "nelems of %u", sz);
		for (uint64_t i = 0; i < s.nelems; i++) {
			CHECK(rt_slot_index(&s, i * sz) == i, "slot of %u * %llu", sz,
			      (unsigned long long)i);
			CHECK(rt_slot_index(&s, i * sz + sz - 1) == i, "slot of end %u * %llu", sz,
			      (unsigned long long)i);
		}
	}
}

// ---- spans ----

static void
test_spans(void)
{
	// class 6784 (5 pages, 6 objects): consecutive allocations fill one span in order
	uint8_t *first = rt_alloc_bytes(6784, 1), *p = first;
	Span *s = rt_span_of((uintptr_t)first);
	CHECK(s != NULL && s->npages == 5 && s->nelems == 6, "span of class 6784");
	for (uint32_t i = 1; s && i < s->nelems - (uint32_t)((first - s->base) / 6784); i++) {
		uint8_t *q = rt_alloc_bytes(6784, 1);
		CHECK(q == p + 6784, "slot %u not next to the previous one", i);
		p = q;
	}
	void *base;
	uint64_t size;
	CHECK(rt_heap_span_of(first + 100, &base, &size) && base == first && size == 6784,
	      "interior lookup");
	uint8_t *other = rt_alloc_bytes(6784, 1);
	CHECK(rt_span_of((uintptr_t)other) != s, "a full span is replaced");
	int local;
	CHECK(rt_span_of((uintptr_t)&local) == NULL, "stack address in a span");
	CHECK(rt_span_of((uintptr_t)&fails) == NULL, "global in a span");
}

// ---- page heap ----

static void
test_pages(void)
{
	Span *a = rt_mheap_alloc(3, 0);
	uint8_t *base = a->base;
	memset(base, 0xCC, 3 * PAGE_SIZE);
	rt_mheap_free(a);
	Span *b = rt_mheap_alloc(3, 0);
	CHECK(b->base == base, "first fit reuses the freed run");
	CHECK(b->needzero, "reused dirty pages must be zeroed");
	rt_mheap_free(b);
	// scavenged pages come back zero and need no zeroing
	rt_scavenge(UINT64_MAX);
	unsigned char vec[3];
	CHECK(mincore(base, 3 * PAGE_SIZE, vec) == 0 && !(vec[0] & 1),
	      "scavenged page still resident");
	Span *c = rt_mheap_alloc(3, 0);
	CHECK(c->base == base && !c->needzero, "scavenged run not clean");
	CHECK(c->base[0] == 0 && c->base[3 * PAGE_SIZE - 1] == 0, "scavenged memory not zero");
	rt_mheap_free(c);
	// a run larger than any free one comes from above
	Span *d = rt_mheap_alloc(100, 0), *e = rt_mheap_alloc(1, 0);
	CHECK(d->base != e->base && rt_span_of((uintptr_t)d->base + 99 * PAGE_SIZE) == d,
	      "page -> span map");
	rt_mheap_free(d);
	rt_mheap_free(e);
	CHECK(rt_span_of((uintptr_t)d->base) == NULL, "freed pages still map to a span");
}

// ---- tiny allocator ----

static void
test_tiny(void)
{
	uint8_t GoMem[5776];
	rt_runtime_ReadMemStats(GoMem);
	uint64_t m0 = ((uint64_t *)GoMem)[4], f0 = ((uint64_t *)GoMem)[5];
	uint8_t *a = rt_alloc_bytes(1, 1);
	uint8_t *b = rt_alloc_bytes(2, 1);
	uint8_t *c = rt_alloc_bytes(4, 1);
	uint8_t *d = rt_alloc_bytes(8, 1);
	CHECK(((uintptr_t)b & 1) == 0 && ((uintptr_t)c & 3) == 0 && ((uintptr_t)d & 7) == 0,
	      "tiny alignment");
	void *ba, *bd;
	uint64_t sa, sd;
	rt_heap_span_of(a, &ba, &sa);
	rt_heap_span_of(d, &bd, &sd);
	CHECK(sa == 16 && ba == bd && d + 8 <= (uint8_t *)ba + 16,
	      "1+2+4+8 bytes share one 16-byte block");
	CHECK(*a == 0 && *b == 0 && *c == 0 && *d == 0, "tiny memory zero");
	rt_runtime_ReadMemStats(GoMem);
	uint64_t m1 = ((uint64_t *)GoMem)[4], f1 = ((uint64_t *)GoMem)[5];
	CHECK(m1 - m0 == 4, "Mallocs counts each tiny allocation (%llu)",
	      (unsigned long long)(m1 - m0));
	CHECK(f1 - f0 >= 2, "merged tiny allocations count as frees too");
	// pointerful small objects never use the tiny allocator
	Node *n = rt_alloc(&t_node);
	rt_heap_span_of(n, &ba, &sa);
	CHECK(sa == 16 && ba == n, "scan objects get their own slots");
}

// ---- marking ----

static Node *keep_root;          // data-segment roots
static int64_t *volatile keep_interior; // volatile: never read, must stay stored
static void **keep_untyped;
static Node **keep_large;
static uintptr_t dead_cycle, dead_single, via_interior, via_interior_next, via_untyped,
	via_large, large_obj;

static __attribute__((noinline)) void
make_objects(void)
{
	// an unreachable cycle of three nodes
	Node *a = rt_alloc(&t_node), *b = rt_alloc(&t_node), *c = rt_alloc(&t_node);
	a->next = b;
	b->next = c;
	c->next = a;
	dead_cycle = (uintptr_t)a ^ MASK;
	dead_single = (uintptr_t)rt_alloc(&t_node) ^ MASK;
	// a reachable cycle
	Node *x = rt_alloc(&t_node), *y = rt_alloc(&t_node);
	x->next = y;
	y->next = x;
	keep_root = x;
	// a node reachable only through a pointer to its second word; it keeps its next alive
	Node *in = rt_alloc(&t_node);
	in->next = rt_alloc(&t_node);
	keep_interior = &in->val;
	via_interior = (uintptr_t)in ^ MASK;
	via_interior_next = (uintptr_t)in->next ^ MASK;
	// untyped memory is scanned conservatively
	keep_untyped = rt_alloc_bytes(64, 0);
	keep_untyped[5] = rt_alloc(&t_node);
	via_untyped = (uintptr_t)keep_untyped[5] ^ MASK;
	// a large array of pointers (scanned by element type) holding one node
	keep_large = rt_alloc_array(&t_pnode, 10000);
	keep_large[9999] = rt_alloc(&t_node);
	via_large = (uintptr_t)keep_large[9999] ^ MASK;
	large_obj = (uintptr_t)rt_alloc_array(&t_pnode, 10000) ^ MASK; // dies
}

static void
test_marking(void)
{
	make_objects();
	gc();
	CHECK(!live(dead_cycle), "unreachable cycle survived");
	CHECK(!live(dead_single), "unreachable object survived");
	CHECK(!live(large_obj), "unreachable large object survived");
	CHECK(live((uintptr_t)keep_root ^ MASK) && live((uintptr_t)keep_root->next ^ MASK),
	      "reachable cycle freed");
	CHECK(keep_root->next->next == keep_root, "reachable cycle corrupted");
	CHECK(live(via_interior), "interior pointer not followed");
	CHECK(live(via_interior_next), "object reachable from an interior pointer freed");
	CHECK(live(via_untyped), "untyped object not scanned");
	CHECK(live(via_large), "large object not scanned");
	keep_root = NULL;
	gc();
	// the freed slots are reused, zeroed
	for (int i = 0; i < 100; i++) {
		Node *n = rt_alloc(&t_node);
		CHECK(n->next == NULL && n->val == 0, "reused slot not zero");
	}
}

// ---- finalizers ----

static int finalized;
static uintptr_t finalized_arg, fin_obj;
static Node *fin_keep;

static void
finalizer(RtClosure *self, Node *n)
{
	finalized++;
	finalized_arg = (uintptr_t)n ^ MASK;
}

static const RtClosure fin_closure = {(void (*)(void))finalizer};

static __attribute__((noinline)) void
make_finalized(void)
{
	Node *n = rt_alloc(&t_node);
	n->next = rt_alloc(&t_node); // kept alive while the finalizer may need it
	n->next->val = 42;
	rt_runtime_SetFinalizer(&t_pnode, n, &t_fin, (void *)&fin_closure);
	fin_obj = (uintptr_t)n ^ MASK;
	fin_keep = rt_alloc(&t_node);
	rt_runtime_SetFinalizer(&t_pnode, fin_keep, &t_fin, (void *)&fin_closure);
}

static __attribute__((noinline)) bool
check_fin_next(void)
{
	return ((Node *)(fin_obj ^ MASK))->next->val == 42;
}

static void
test_finalizers(void)
{
	make_finalized();
	gc();
	CHECK(finalized == 1, "finalizer ran %d times", finalized);
	CHECK(finalized_arg == fin_obj, "finalizer got the wrong object");
	CHECK(live(fin_obj) && check_fin_next(), "finalized object not kept for its finalizer");
	gc();
	gc();
	CHECK(finalized == 1, "finalizer ran again");
	CHECK(!live(fin_obj), "finalized object never freed");
	CHECK(live((uintptr_t)fin_keep ^ MASK), "reachable object with finalizer freed");
	(void)t_ptr;
}

// ---- scavenger ----

static void *volatile scav_keep;

static __attribute__((noinline)) void
make_garbage(void)
{
	for (int i = 0; i < 40; i++) {
		uint8_t *p = rt_alloc_bytes(256 << 10, 1);
		for (int j = 0; j < 256 << 10; j += 4096)
			p[j] = 1;
	}
}

static void
test_scavenger(void)
{
	uint64_t m[5776 / 8];
	make_garbage();
	rt_runtime_ReadMemStats(m);
	uint64_t rel0 = m[10];
	rt_runtime_debug_FreeOSMemory();
	rt_runtime_ReadMemStats(m);
	uint64_t rel1 = m[10], idle = m[8];
	CHECK(rel1 >= rel0 + (4 << 20), "FreeOSMemory released %llu bytes",
	      (unsigned long long)(rel1 - rel0));
	CHECK(rel1 <= idle, "HeapReleased %llu > HeapIdle %llu", (unsigned long long)rel1,
	      (unsigned long long)idle);
	CHECK(m[8] + m[9] == m[7], "HeapIdle + HeapInuse != HeapSys");
	CHECK(m[0] == m[6] && m[11] == m[4] - m[5], "Alloc/HeapAlloc/HeapObjects");
}

// ---- pacing ----

static void
test_pacing(void)
{
	uint64_t m[5776 / 8];
	rt_runtime_ReadMemStats(m);
	uint32_t n0 = (uint32_t)m[4288 / 8];
	CHECK(rt_runtime_debug_SetGCPercent(-1) == 100, "default GOGC");
	make_garbage();
	make_garbage();
	rt_runtime_ReadMemStats(m);
	CHECK((uint32_t)m[4288 / 8] == n0, "collected with GOGC off");
	CHECK(rt_runtime_debug_SetGCPercent(100) == -1, "SetGCPercent(-1) not recorded");
	make_garbage();
	rt_runtime_ReadMemStats(m);
	CHECK((uint32_t)m[4288 / 8] > n0, "no collection after GOGC back on");
	CHECK(m[21] >= (4 << 20), "NextGC %llu below the 4 MB minimum",
	      (unsigned long long)m[21]);
}

// ---- gctrace ----

static void
trace_child(void *arg)
{
	setenv("GODEBUG", "gctrace=1", 1);
	rt_gc_init();
	rt_runtime_GC();
}

static void
test_gctrace(void)
{
	Captured c;
	capture(trace_child, NULL, &c);
	regex_t re;
	const char *pat =
		"^gc [0-9]+ @[0-9]+\\.[0-9]{3}s [0-9]+%: [0-9.]+\\+[0-9.]+\\+[0-9.]+ ms clock, "
		"[0-9.]+\\+[0-9.]+/[0-9.]+/[0-9.]+\\+[0-9.]+ ms cpu, [0-9]+->[0-9]+->[0-9]+ MB, "
		"[0-9]+ MB goal, [0-9]+ MB stacks, [0-9]+ MB globals, [0-9]+ P \\(forced\\)\n$";
	CHECK(regcomp(&re, pat, REG_EXTENDED | REG_NEWLINE) == 0, "regcomp");
	CHECK(regexec(&re, c.err, 0, NULL, 0) == 0, "gctrace line: %s", c.err);
	regfree(&re);
}

int
main(void)
{
	setenv("GODEBUG", "gcverify=1", 1);
	rt_heap_init();
	test_classes();
	test_spans();
	test_pages();
	test_tiny();
	test_marking();
	test_finalizers();
	test_scavenger();
	test_pacing();
	test_gctrace();
	// stress: a list built with a collection before every allocation, verifier on
	rt_gc_stress = 1;
	Node *head = NULL;
	for (int i = 0; i < 2000; i++) {
		Node *n = rt_alloc(&t_node);
		n->val = i;
		n->next = head;
		head = n;
		rt_alloc_bytes(24, 0); // garbage
	}
	rt_gc_stress = 0;
	int64_t sum = 0, len = 0;
	for (Node *n = head; n != NULL; n = n->next, len++)
		sum += n->val;
	CHECK(len == 2000 && sum == 1999 * 2000 / 2, "list broken under stress (%lld, %lld)",
	      (long long)len, (long long)sum);
	printf("gc_test: %d failures\n", fails);
	return fails != 0;
}
