// alloc_test.c: the allocator's contract: sizes, alignment, zeroing, distinct objects,
// size-class rounding, makeslice, and append's capacities matching gc 1.19 exactly.
//
// The capacity tables were printed by this Go program (go run grow.go): for each element
// type, append one element at a time to a nil slice and print cap() whenever it changes
// (bytes up to 100000, int64 up to 100000, a 12-byte and a 40-byte struct up to 20000);
// then bulk appends s = append(make([]T, n), make([]T, k)...) printing n, k, cap for
// int64 and for byte:
//
//	type T12 struct{ a, b, c int32 }
//	type T40 struct{ a [5]int64 }
//	var s []byte; last := -1
//	for i := 0; i < 100000; i++ {
//		s = append(s, 1)
//		if cap(s) != last { last = cap(s); fmt.Printf("%d,", last) }
//	}
//	... likewise for []int64, []T12, []T40 ...
//	for _, c := range [][2]int{{0, 5}, {0, 17}, {3, 7}, {10, 100}, {300, 1}, {300, 500},
//		{1000, 3000}, {0, 1000000}} {
//		s := append(make([]int64, c[0]), make([]int64, c[1])...)
//		b := append(make([]byte, c[0]), make([]byte, c[1])...)
//		fmt.Printf("%d,%d,%d,%d,", c[0], c[1], cap(s), cap(b))
//	}
#include <stdio.h>
#include <string.h>

#include "rtint.h"

static const int64_t grow_byte[] = {8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072,
	4096, 5376, 6912, 9472, 12288, 16384, 21760, 28672, 40960, 57344, 73728, 98304, 131072};
static const int64_t grow_int64[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792,
	2560, 3408, 5120, 7168, 9216, 12288, 16384, 21504, 27648, 34816, 44032, 55296, 69632,
	88064, 110592};
static const int64_t grow_t12[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048,
	3413, 4778, 6826, 8874, 11605, 15018, 19114, 24576};
static const int64_t grow_t40[] = {1, 2, 4, 8, 16, 32, 67, 134, 272, 544, 1024, 1638, 2252,
	3072, 4096, 5324, 6963, 9011, 11468, 14540, 18432, 23347};
static const int64_t bulk[] = {0, 5, 6, 8, 0, 17, 18, 24, 3, 7, 10, 16, 10, 100, 112, 112,
	300, 1, 608, 576, 300, 500, 816, 896, 1000, 3000, 4096, 4096, 0, 1000000, 1000448,
	1007616};

static const RtType t_byte = {.size = 1, .kind = RT_KIND_UINT8, .align = 1, .name = "uint8"};
static const RtType t_int64 = {.size = 8, .kind = RT_KIND_INT64, .align = 8, .name = "int64"};
static const RtType t_t12 = {.size = 12, .kind = RT_KIND_STRUCT, .align = 4, .name = "main.T12"};
static const RtType t_t40 = {.size = 40, .kind = RT_KIND_STRUCT, .align = 8, .name = "main.T40"};
static const uint8_t ptr_gc[] = {1};
static const RtType t_ptr = {.size = 8, .ptrdata = 8, .kind = RT_KIND_POINTER, .align = 8,
			     .flags = RT_FLAG_DIRECT, .gcdata = ptr_gc, .name = "*int"};

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

// grow appends one element at a time up to limit and compares each new capacity.
static void
grow(const RtType *t, const int64_t *want, int nwant, int64_t limit)
{
	RtSlice s = {NULL, 0, 0};
	int k = 0;
	for (int64_t i = 0; i < limit; i++) {
		if (s.len == s.cap) {
			RtSlice out;
			rt_growslice(&out, t, s.ptr, s.len, s.cap, s.len + 1);
			CHECK(out.len == s.len + 1, "len %lld", (long long)out.len);
			CHECK(k < nwant && out.cap == want[k], "%s: cap #%d is %lld, want %lld",
			      t->name, k, (long long)out.cap, (long long)(k < nwant ? want[k] : -1));
			k++;
			s = out;
		} else {
			s.len++;
		}
		((uint8_t *)s.ptr)[(s.len - 1) * (int64_t)t->size] = (uint8_t)i;
	}
	CHECK(k == nwant, "%s: %d growths, want %d", t->name, k, nwant);
	// The contents survived every move.
	for (int64_t i = 0; i < limit; i++)
		CHECK(((uint8_t *)s.ptr)[i * (int64_t)t->size] == (uint8_t)i, "content %lld",
		      (long long)i);
}

int
main(void)
{
	// Sizes round up to Go's classes; large sizes to pages.
	static const uint64_t rs[][2] = {{1, 8}, {8, 8}, {9, 16}, {17, 24}, {33, 48}, {100, 112},
		{1024, 1024}, {1025, 1152}, {1400, 1408}, {20000, 20480}, {32768, 32768},
		{32769, 40960}, {100000, 106496}};
	for (size_t i = 0; i < sizeof rs / sizeof rs[0]; i++)
		CHECK(rt_roundupsize(rs[i][0]) == rs[i][1], "roundupsize(%llu) = %llu",
		      (unsigned long long)rs[i][0], (unsigned long long)rt_roundupsize(rs[i][0]));

	// Objects are zeroed, aligned, distinct and inside the heap with their class size.
	RtMemStats before, after;
	rt_read_memstats(&before);
	uint8_t *prev = NULL;
	for (int64_t size = 1; size <= 70000; size = size * 3 / 2 + 1) {
		for (int rep = 0; rep < 3; rep++) {
			uint8_t *p = rt_alloc_bytes(size, rep & 1);
			// tiny objects (pointer-free, under 16 bytes) are packed into 16-byte
			// blocks, aligned as their size allows (Go's tiny allocator)
			int tiny = (rep & 1) && size < 16;
			uintptr_t align = !tiny || (size & 7) == 0 ? 8 : (size & 3) == 0 ? 4
					: (size & 1) == 0 ? 2 : 1;
			CHECK(((uintptr_t)p & (align - 1)) == 0, "alignment of %lld", (long long)size);
			int zero = 1;
			for (int64_t i = 0; i < size; i++)
				zero &= p[i] == 0;
			CHECK(zero, "size %lld not zeroed", (long long)size);
			memset(p, 0xAB, (size_t)size);
			CHECK(p != prev, "same object twice");
			void *base;
			uint64_t osize;
			CHECK(rt_heap_span_of(p + size - 1, &base, &osize) &&
			      (tiny ? (uint8_t *)base <= p && osize == 16
				    : base == p && osize == rt_roundupsize((uint64_t)size)),
			      "span_of for size %lld", (long long)size);
			prev = p;
		}
	}
	rt_read_memstats(&after);
	CHECK(after.mallocs > before.mallocs && after.total_alloc > before.total_alloc,
	      "counters did not move");
	void *base;
	uint64_t osize;
	int local;
	CHECK(!rt_heap_span_of(&local, &base, &osize), "stack address found in heap");

	// Zero-sized allocations share one address.
	CHECK(rt_alloc_bytes(0, 1) == rt_alloc_bytes(0, 0), "zero-size objects differ");

	// Typed allocation.
	int64_t *pi = rt_alloc(&t_int64);
	CHECK(*pi == 0, "rt_alloc not zeroed");
	void **pp = rt_alloc_array(&t_ptr, 1000);
	for (int i = 0; i < 1000; i++)
		CHECK(pp[i] == NULL, "rt_alloc_array not zeroed");

	// makeslice.
	RtSlice s;
	rt_makeslice(&s, &t_int64, 3, 10);
	CHECK(s.len == 3 && s.cap == 10 && s.ptr != NULL, "makeslice");

	// append capacities, one element at a time and in bulk.
	grow(&t_byte, grow_byte, sizeof grow_byte / 8, 100000);
	grow(&t_int64, grow_int64, sizeof grow_int64 / 8, 100000);
	grow(&t_t12, grow_t12, sizeof grow_t12 / 8, 20000);
	grow(&t_t40, grow_t40, sizeof grow_t40 / 8, 20000);
	for (size_t i = 0; i < sizeof bulk / 8; i += 4) {
		int64_t n = bulk[i], k = bulk[i + 1];
		RtSlice a, out;
		rt_makeslice(&a, &t_int64, n, n);
		rt_growslice(&out, &t_int64, a.ptr, a.len, a.cap, n + k);
		CHECK(out.cap == bulk[i + 2], "bulk int64 %lld+%lld: cap %lld want %lld",
		      (long long)n, (long long)k, (long long)out.cap, (long long)bulk[i + 2]);
		rt_makeslice(&a, &t_byte, n, n);
		rt_growslice(&out, &t_byte, a.ptr, a.len, a.cap, n + k);
		CHECK(out.cap == bulk[i + 3], "bulk byte %lld+%lld: cap %lld want %lld",
		      (long long)n, (long long)k, (long long)out.cap, (long long)bulk[i + 3]);
	}

	// copy
	int64_t src[5] = {1, 2, 3, 4, 5}, dst[3] = {0};
	CHECK(rt_slicecopy(dst, 3, src, 5, 8) == 3 && dst[2] == 3, "slicecopy");
	CHECK(rt_slicecopy(src + 1, 4, src, 5, 8) == 4 && src[4] == 4, "overlapping slicecopy");

	printf("alloc_test: %d failures\n", fails);
	return fails != 0;
}
