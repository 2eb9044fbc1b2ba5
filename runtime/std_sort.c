// std_sort.c: the sort package subset gosub provides: Sort, Stable, IsSorted, Reverse
// over sort.Interface; Slice, SliceStable, SliceIsSorted with a less func; Ints, Strings,
// Float64s and their AreSorted forms; Search, SearchInts, SearchStrings, SearchFloat64s.
//
// Algorithms are Go 1.19's, so that the order of elements that compare equal (which an
// unstable sort leaves to the algorithm) is the one gc's programs print: pattern-defeating
// quicksort (insertion sort up to 12 elements, Tukey's ninther above 50, a heapsort
// fallback after log2(n) unbalanced partitions, pattern breaking with an xorshift
// generator seeded by the length, partial insertion sort for nearly sorted input, equal
// partitioning for duplicates) for Sort, Slice, Ints, Strings and Float64s; insertion-
// sorted blocks of 20 merged in place with SymMerge (Kim and Kutzner) for Stable and
// SliceStable. Both work only through less(i, j) and swap(i, j).
//
// Callbacks into Go follow codegen's conventions: a less func is a closure called as
// fn->fn(fn, i, j) returning a bool byte; sort.Interface methods are called through the
// itab (fun[0] Len, fun[1] Less, fun[2] Swap: the interface's methods sorted by name) with
// the interface's data word as receiver. Slices given as `any` are swapped by the element
// size from their descriptor.
//
// See it: testdata/run/stdsort.go.
#include <math.h>
#include <string.h>

#include "rtstd.h"

typedef struct Sorter Sorter;
struct Sorter {
	bool (*less)(Sorter *s, int64_t i, int64_t j);
	void (*swap)(Sorter *s, int64_t i, int64_t j);
	uint8_t *base;          // slice elements (slices)
	uint64_t size;          // element size (slices)
	RtClosure *fn;          // the less func (Slice)
	const RtItab *tab;      // sort.Interface itab (Sort)
	void *data;             // its data word
};

// ---- callbacks ----

static bool
closure_less(Sorter *s, int64_t i, int64_t j)
{
	uint8_t (*f)(void *, int64_t, int64_t) = (uint8_t(*)(void *, int64_t, int64_t))(void *)s->fn->fn;
	return f(s->fn, i, j) & 1;
}

static void
mem_swap(Sorter *s, int64_t i, int64_t j)
{
	uint8_t *a = s->base + (uint64_t)i * s->size, *b = s->base + (uint64_t)j * s->size;
	uint8_t tmp[256];
	for (uint64_t off = 0; off < s->size; off += sizeof tmp) {
		uint64_t n = s->size - off < sizeof tmp ? s->size - off : sizeof tmp;
		memcpy(tmp, a + off, n);
		memmove(a + off, b + off, n);
		memcpy(b + off, tmp, n);
	}
}

static bool
iface_less(Sorter *s, int64_t i, int64_t j)
{
	uint8_t (*f)(void *, int64_t, int64_t) = (uint8_t(*)(void *, int64_t, int64_t))s->tab->fun[1];
	return f(s->data, i, j) & 1;
}

static void
iface_swap(Sorter *s, int64_t i, int64_t j)
{
	void (*f)(void *, int64_t, int64_t) = (void (*)(void *, int64_t, int64_t))s->tab->fun[2];
	f(s->data, i, j);
}

static int64_t
iface_len(const RtItab *tab, void *data)
{
	if (tab == NULL)
		rt_panic_nil();
	int64_t (*f)(void *) = (int64_t(*)(void *))tab->fun[0];
	return f(data);
}

static bool
int_less(Sorter *s, int64_t i, int64_t j)
{
	const int64_t *x = (const int64_t *)s->base;
	return x[i] < x[j];
}

static bool
string_less(Sorter *s, int64_t i, int64_t j)
{
	const RtString *x = (const RtString *)s->base;
	return rt_strcmp(x[i].ptr, x[i].len, x[j].ptr, x[j].len) < 0;
}

static bool
float_less(Sorter *s, int64_t i, int64_t j)
{
	const double *x = (const double *)s->base;
	return x[i] < x[j] || (isnan(x[i]) && !isnan(x[j]));
}

#define LESS(s, i, j) ((s)->less((s), (i), (j)))
#define SWAP(s, i, j) ((s)->swap((s), (i), (j)))

// ---- pdqsort (Go 1.19's pdqsort_func) ----

enum { UNKNOWN_HINT, INCREASING_HINT, DECREASING_HINT };

static int
bits_len(uint64_t x)
{
	return x == 0 ? 0 : 64 - __builtin_clzll(x);
}

static void
insertion_sort(Sorter *s, int64_t a, int64_t b)
{
	for (int64_t i = a + 1; i < b; i++)
		for (int64_t j = i; j > a && LESS(s, j, j - 1); j--)
			SWAP(s, j, j - 1);
}

static void
sift_down(Sorter *s, int64_t lo, int64_t hi, int64_t first)
{
	int64_t root = lo;
	for (;;) {
		int64_t child = 2 * root + 1;
		if (child >= hi)
			return;
		if (child + 1 < hi && LESS(s, first + child, first + child + 1))
			child++;
		if (!LESS(s, first + root, first + child))
			return;
		SWAP(s, first + root, first + child);
		root = child;
	}
}

static void
heap_sort(Sorter *s, int64_t a, int64_t b)
{
	int64_t first = a, lo = 0, hi = b - a;
	for (int64_t i = (hi - 1) / 2; i >= 0; i--)
		sift_down(s, i, hi, first);
	for (int64_t i = hi - 1; i >= 0; i--) {
		SWAP(s, first, first + i);
		sift_down(s, lo, i, first);
	}
}

static void
order2(Sorter *s, int64_t *a, int64_t *b, int *swaps)
{
	if (LESS(s, *b, *a)) {
		(*swaps)++;
		int64_t t = *a;
		*a = *b;
		*b = t;
	}
}

static int64_t
median(Sorter *s, int64_t a, int64_t b, int64_t c, int *swaps)
{
	order2(s, &a, &b, swaps);
	order2(s, &b, &c, swaps);
	order2(s, &a, &b, swaps);
	return b;
}

static int64_t
choose_pivot(Sorter *s, int64_t a, int64_t b, int *hint)
{
	int64_t l = b - a;
	int swaps = 0;
	int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
	if (l >= 8) {
		if (l >= 50) { // Tukey's ninther
			i = median(s, i - 1, i, i + 1, &swaps);
			j = median(s, j - 1, j, j + 1, &swaps);
			k = median(s, k - 1, k, k + 1, &swaps);
		}
		j = median(s, i, j, k, &swaps);
	}
	*hint = swaps == 0 ? INCREASING_HINT : swaps == 12 ? DECREASING_HINT : UNKNOWN_HINT;
	return j;
}

static void
reverse_range(Sorter *s, int64_t a, int64_t b)
{
	for (int64_t i = a, j = b - 1; i < j; i++, j--)
		SWAP(s, i, j);
}

static bool
partial_insertion_sort(Sorter *s, int64_t a, int64_t b)
{
	int64_t i = a + 1;
	for (int step = 0; step < 5; step++) {
		while (i < b && !LESS(s, i, i - 1))
			i++;
		if (i == b)
			return true;
		if (b - a < 50)
			return false;
		SWAP(s, i, i - 1);
		if (i - a >= 2) {
			for (int64_t j = i - 1; j >= 1; j--) {
				if (!LESS(s, j, j - 1))
					break;
				SWAP(s, j, j - 1);
			}
		}
		if (b - i >= 2) {
			for (int64_t j = i + 1; j < b; j++) {
				if (!LESS(s, j, j - 1))
					break;
				SWAP(s, j, j - 1);
			}
		}
	}
	return false;
}

static void
break_patterns(Sorter *s, int64_t a, int64_t b)
{
	int64_t length = b - a;
	if (length < 8)
		return;
	uint64_t random = (uint64_t)length;
	uint64_t modulus = (uint64_t)1 << bits_len((uint64_t)length);
	int64_t idx = a + (length / 4) * 2 - 1;
	for (int i = 0; i < 3; i++) {
		random ^= random << 13;
		random ^= random >> 17;
		random ^= random << 5;
		int64_t other = (int64_t)(random & (modulus - 1));
		if (other >= length)
			other -= length;
		SWAP(s, idx + i, a + other);
	}
}

static int64_t
partition_equal(Sorter *s, int64_t a, int64_t b, int64_t pivot)
{
	SWAP(s, a, pivot);
	int64_t i = a + 1, j = b - 1;
	for (;;) {
		while (i <= j && !LESS(s, a, i))
			i++;
		while (i <= j && LESS(s, a, j))
			j--;
		if (i > j)
			break;
		SWAP(s, i, j);
		i++;
		j--;
	}
	return i;
}

static int64_t
partition(Sorter *s, int64_t a, int64_t b, int64_t pivot, bool *already)
{
	SWAP(s, a, pivot);
	int64_t i = a + 1, j = b - 1;
	while (i <= j && LESS(s, i, a))
		i++;
	while (i <= j && !LESS(s, j, a))
		j--;
	if (i > j) {
		SWAP(s, j, a);
		*already = true;
		return j;
	}
	SWAP(s, i, j);
	i++;
	j--;
	for (;;) {
		while (i <= j && LESS(s, i, a))
			i++;
		while (i <= j && !LESS(s, j, a))
			j--;
		if (i > j)
			break;
		SWAP(s, i, j);
		i++;
		j--;
	}
	SWAP(s, j, a);
	*already = false;
	return j;
}

static void
pdqsort(Sorter *s, int64_t a, int64_t b, int limit)
{
	bool was_balanced = true, was_partitioned = true;
	for (;;) {
		int64_t length = b - a;
		if (length <= 12) {
			insertion_sort(s, a, b);
			return;
		}
		if (limit == 0) {
			heap_sort(s, a, b);
			return;
		}
		if (!was_balanced) {
			break_patterns(s, a, b);
			limit--;
		}
		int hint;
		int64_t pivot = choose_pivot(s, a, b, &hint);
		if (hint == DECREASING_HINT) {
			reverse_range(s, a, b);
			pivot = (b - 1) - (pivot - a);
			hint = INCREASING_HINT;
		}
		if (was_balanced && was_partitioned && hint == INCREASING_HINT &&
		    partial_insertion_sort(s, a, b))
			return;
		if (a > 0 && !LESS(s, a - 1, pivot)) {
			a = partition_equal(s, a, b, pivot);
			continue;
		}
		bool already;
		int64_t mid = partition(s, a, b, pivot, &already);
		was_partitioned = already;
		int64_t left = mid - a, right = b - mid;
		int64_t threshold = length / 8;
		if (left < right) {
			was_balanced = left >= threshold;
			pdqsort(s, a, mid, limit);
			a = mid + 1;
		} else {
			was_balanced = right >= threshold;
			pdqsort(s, mid + 1, b, limit);
			b = mid;
		}
	}
}

static void
sort_all(Sorter *s, int64_t n)
{
	pdqsort(s, 0, n, bits_len((uint64_t)n));
}

// ---- stable: insertion-sorted blocks merged with SymMerge ----

static void
swap_range(Sorter *s, int64_t a, int64_t b, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		SWAP(s, a + i, b + i);
}

static void
rotate(Sorter *s, int64_t a, int64_t m, int64_t b)
{
	int64_t i = m - a, j = b - m;
	while (i != j) {
		if (i > j) {
			swap_range(s, m - i, m, j);
			i -= j;
		} else {
			swap_range(s, m - i, m + j - i, i);
			j -= i;
		}
	}
	swap_range(s, m - i, m, i);
}

static void
sym_merge(Sorter *s, int64_t a, int64_t m, int64_t b)
{
	if (m - a == 1) {
		int64_t i = m, j = b;
		while (i < j) {
			int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
			if (LESS(s, h, a))
				i = h + 1;
			else
				j = h;
		}
		for (int64_t k = a; k < i - 1; k++)
			SWAP(s, k, k + 1);
		return;
	}
	if (b - m == 1) {
		int64_t i = a, j = m;
		while (i < j) {
			int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
			if (!LESS(s, m, h))
				i = h + 1;
			else
				j = h;
		}
		for (int64_t k = m; k > i; k--)
			SWAP(s, k, k - 1);
		return;
	}
	int64_t mid = (int64_t)((uint64_t)(a + b) >> 1);
	int64_t n = mid + m, start, r;
	if (m > mid) {
		start = n - b;
		r = mid;
	} else {
		start = a;
		r = m;
	}
	int64_t p = n - 1;
	while (start < r) {
		int64_t c = (int64_t)((uint64_t)(start + r) >> 1);
		if (!LESS(s, p - c, c))
			start = c + 1;
		else
			r = c;
	}
	int64_t end = n - start;
	if (start < m && m < end)
		rotate(s, start, m, end);
	if (a < start && start < mid)
		sym_merge(s, a, start, mid);
	if (mid < end && end < b)
		sym_merge(s, mid, end, b);
}

static void
stable(Sorter *s, int64_t n)
{
	int64_t block = 20, a = 0, b = block;
	while (b <= n) {
		insertion_sort(s, a, b);
		a = b;
		b += block;
	}
	insertion_sort(s, a, n);
	while (block < n) {
		a = 0;
		b = 2 * block;
		while (b <= n) {
			sym_merge(s, a, a + block, b);
			a = b;
			b += 2 * block;
		}
		if (a + block < n)
			sym_merge(s, a, a + block, n);
		block *= 2;
	}
}

static bool
is_sorted(Sorter *s, int64_t n)
{
	for (int64_t i = n - 1; i > 0; i--)
		if (LESS(s, i, i - 1))
			return false;
	return true;
}

// ---- entry points ----

static Sorter
slice_sorter(const RtType *t, void *data, RtClosure *less, int64_t *n)
{
	if (t == NULL || t->kind != RT_KIND_SLICE) {
		// reflectlite's *ValueError for a non-slice operand (its text, as an error)
		static const char *const kinds[] = {
			"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint",
			"uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64",
			"complex64", "complex128", "array", "chan", "func", "interface", "map",
			"ptr", "slice", "string", "struct", "unsafe.Pointer",
		};
		RtStrBuf b = {0};
		const char *msg = "reflect: call of Swapper on ";
		rt_sb_write(&b, msg, (int64_t)strlen(msg));
		const char *k = t == NULL ? "zero" : t->kind < 27 ? kinds[t->kind] : "invalid";
		rt_sb_write(&b, k, (int64_t)strlen(k));
		rt_sb_write(&b, " Value", 6);
		RtIface err;
		rt_error_new(&err, rt_sb_string(&b));
		rt_panic(err.tab->type, err.data);
	}
	const RtSlice *sl = data;
	Sorter s = {closure_less, mem_swap, sl->ptr, t->elem->size, less, NULL, NULL};
	if (less == NULL && sl->len > 1)
		rt_panic_nil();
	*n = sl->len;
	return s;
}

// rt_sort_Slice implements sort.Slice(x, less).
void
rt_sort_Slice(const RtType *t, void *data, RtClosure *less)
{
	int64_t n;
	Sorter s = slice_sorter(t, data, less, &n);
	sort_all(&s, n);
}

// rt_sort_SliceStable implements sort.SliceStable(x, less).
void
rt_sort_SliceStable(const RtType *t, void *data, RtClosure *less)
{
	int64_t n;
	Sorter s = slice_sorter(t, data, less, &n);
	stable(&s, n);
}

// rt_sort_SliceIsSorted implements sort.SliceIsSorted(x, less).
int64_t
rt_sort_SliceIsSorted(const RtType *t, void *data, RtClosure *less)
{
	int64_t n;
	Sorter s = slice_sorter(t, data, less, &n);
	return is_sorted(&s, n);
}

// rt_sort_Sort implements sort.Sort(data).
void
rt_sort_Sort(const RtItab *tab, void *data)
{
	int64_t n = iface_len(tab, data);
	if (n <= 1)
		return;
	Sorter s = {iface_less, iface_swap, NULL, 0, NULL, tab, data};
	sort_all(&s, n);
}

// rt_sort_Stable implements sort.Stable(data).
void
rt_sort_Stable(const RtItab *tab, void *data)
{
	Sorter s = {iface_less, iface_swap, NULL, 0, NULL, tab, data};
	stable(&s, iface_len(tab, data));
}

// rt_sort_IsSorted implements sort.IsSorted(data).
int64_t
rt_sort_IsSorted(const RtItab *tab, void *data)
{
	Sorter s = {iface_less, iface_swap, NULL, 0, NULL, tab, data};
	return is_sorted(&s, iface_len(tab, data));
}

#define TYPED(name, lessfn, size)                                                         \
	void rt_sort_##name(void *p, int64_t len, int64_t cap)                           \
	{                                                                                  \
		Sorter s = {lessfn, mem_swap, p, size, NULL, NULL, NULL};                  \
		if (len > 1)                                                               \
			sort_all(&s, len);                                                 \
	}                                                                                  \
	int64_t rt_sort_##name##AreSorted(void *p, int64_t len, int64_t cap)             \
	{                                                                                  \
		Sorter s = {lessfn, mem_swap, p, size, NULL, NULL, NULL};                  \
		return is_sorted(&s, len);                                                 \
	}

// rt_sort_Ints, rt_sort_IntsAreSorted: sort.Ints(x), sort.IntsAreSorted(x).
void rt_sort_Ints(void *p, int64_t len, int64_t cap);
int64_t rt_sort_IntsAreSorted(void *p, int64_t len, int64_t cap);
TYPED(Ints, int_less, 8)
// rt_sort_Strings, rt_sort_StringsAreSorted: sort.Strings(x), sort.StringsAreSorted(x).
void rt_sort_Strings(void *p, int64_t len, int64_t cap);
int64_t rt_sort_StringsAreSorted(void *p, int64_t len, int64_t cap);
TYPED(Strings, string_less, 16)
// rt_sort_Float64s, rt_sort_Float64sAreSorted: sort.Float64s(x) (NaNs first),
// sort.Float64sAreSorted(x).
void rt_sort_Float64s(void *p, int64_t len, int64_t cap);
int64_t rt_sort_Float64sAreSorted(void *p, int64_t len, int64_t cap);
TYPED(Float64s, float_less, 8)

// rt_sort_Search implements sort.Search(n, f): the smallest i in [0, n) with f(i) true,
// or n.
int64_t
rt_sort_Search(int64_t n, RtClosure *f)
{
	int64_t i = 0, j = n;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		uint8_t (*fn)(void *, int64_t) = (uint8_t(*)(void *, int64_t))(void *)f->fn;
		if (!(fn(f, h) & 1))
			i = h + 1;
		else
			j = h;
	}
	return i;
}

// rt_sort_SearchInts implements sort.SearchInts(a, x).
int64_t
rt_sort_SearchInts(const int64_t *a, int64_t len, int64_t cap, int64_t x)
{
	int64_t i = 0, j = len;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		if (a[h] < x)
			i = h + 1;
		else
			j = h;
	}
	return i;
}

// rt_sort_SearchStrings implements sort.SearchStrings(a, x).
int64_t
rt_sort_SearchStrings(const RtString *a, int64_t len, int64_t cap, const uint8_t *x,
		      int64_t xn)
{
	int64_t i = 0, j = len;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		if (rt_strcmp(a[h].ptr, a[h].len, x, xn) < 0)
			i = h + 1;
		else
			j = h;
	}
	return i;
}

// rt_sort_SearchFloat64s implements sort.SearchFloat64s(a, x).
int64_t
rt_sort_SearchFloat64s(const double *a, int64_t len, int64_t cap, double x)
{
	int64_t i = 0, j = len;
	while (i < j) {
		int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
		if (a[h] < x)
			i = h + 1;
		else
			j = h;
	}
	return i;
}

// ---- sort.Reverse ----

typedef struct Reverse { // sort.reverse: struct{ Interface }
	RtIface in;
} Reverse;

static int64_t
reverse_len(Reverse *r)
{
	return iface_len(r->in.tab, r->in.data);
}

static uint8_t
reverse_less(Reverse *r, int64_t i, int64_t j)
{
	uint8_t (*f)(void *, int64_t, int64_t) =
		(uint8_t(*)(void *, int64_t, int64_t))r->in.tab->fun[1];
	return f(r->in.data, j, i) & 1;
}

static void
reverse_swap(Reverse *r, int64_t i, int64_t j)
{
	void (*f)(void *, int64_t, int64_t) = (void (*)(void *, int64_t, int64_t))r->in.tab->fun[2];
	f(r->in.data, i, j);
}

static const uint8_t gc_iface[] = {0x03};
static const uint8_t gc_ptr1[] = {0x01};

static const RtIMethod interface_imethods[] = {
	{"Len", "func() int"},
	{"Less", "func(int, int) bool"},
	{"Swap", "func(int, int)"},
};

static const RtType interface_type = {
	.size = 16, .ptrdata = 16, .hash = 0x14f317e8, .kind = RT_KIND_INTERFACE, .align = 8,
	.flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .gcdata = gc_iface, .name = "sort.Interface",
	.imethods = interface_imethods, .nimethods = 3,
};

static const RtField reverse_fields[] = {{"Interface", &interface_type, 0, 1}};

static const RtType reverse_type = {
	.size = 16, .ptrdata = 16, .hash = 0xa1601c1d, .kind = RT_KIND_STRUCT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = gc_iface, .name = "sort.reverse",
	.nfields = 1, .fields = reverse_fields,
};

static const RtMethod reverse_methods[] = {
	{"Len", "func() int", (void (*)(void))reverse_len, (void (*)(void))reverse_len},
	{"Less", "func(int, int) bool", (void (*)(void))reverse_less,
	 (void (*)(void))reverse_less},
	{"Swap", "func(int, int)", (void (*)(void))reverse_swap, (void (*)(void))reverse_swap},
};

static const RtType reverse_ptr_type = {
	.size = 8, .ptrdata = 8, .hash = 0x22cfa215, .kind = RT_KIND_POINTER, .align = 8,
	.flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1, .name = "*sort.reverse",
	.elem = &reverse_type, .methods = reverse_methods, .nmethods = 3,
};

// rt_sort_Reverse implements sort.Reverse(data): a *sort.reverse holding data.
void
rt_sort_Reverse(RtIface *out, const RtItab *tab, void *data)
{
	Reverse *r = rt_alloc(&reverse_type);
	r->in.tab = tab;
	r->in.data = data;
	out->tab = rt_getitab(&interface_type, &reverse_ptr_type, 0);
	out->data = r;
}

// ---- IntSlice, StringSlice, Float64Slice ----
//
// Slice types with value methods Len, Less and Swap, so that they convert to Interface
// (sort.Sort(sort.Reverse(sort.IntSlice(x)))). The descriptors replace codegen's weak
// copies; a method's receiver is a pointer to the boxed slice header (the type is not
// pointer-shaped). Static calls reach rt_sort_Len; Less and Swap are only called through
// interfaces (their static names would not say which element type they are for).

static int64_t
slice_len(const RtSlice *s)
{
	return s->len;
}

static void
check_index(const RtSlice *s, int64_t i)
{
	if ((uint64_t)i >= (uint64_t)s->len)
		rt_panic_bounds(RT_BOUNDS_INDEX, i, s->len, 1);
}

static uint8_t
intslice_less(const RtSlice *s, int64_t i, int64_t j)
{
	check_index(s, i);
	check_index(s, j);
	const int64_t *x = s->ptr;
	return x[i] < x[j];
}

static void
intslice_swap(const RtSlice *s, int64_t i, int64_t j)
{
	check_index(s, i);
	check_index(s, j);
	int64_t *x = s->ptr, t = x[i];
	x[i] = x[j];
	x[j] = t;
}

static uint8_t
stringslice_less(const RtSlice *s, int64_t i, int64_t j)
{
	check_index(s, i);
	check_index(s, j);
	const RtString *x = s->ptr;
	return rt_strcmp(x[i].ptr, x[i].len, x[j].ptr, x[j].len) < 0;
}

static void
stringslice_swap(const RtSlice *s, int64_t i, int64_t j)
{
	check_index(s, i);
	check_index(s, j);
	RtString *x = s->ptr, t = x[i];
	x[i] = x[j];
	x[j] = t;
}

static uint8_t
float64slice_less(const RtSlice *s, int64_t i, int64_t j)
{
	check_index(s, i);
	check_index(s, j);
	const double *x = s->ptr;
	return x[i] < x[j] || (isnan(x[i]) && !isnan(x[j]));
}

static void
float64slice_swap(const RtSlice *s, int64_t i, int64_t j)
{
	check_index(s, i);
	check_index(s, j);
	double *x = s->ptr, t = x[i];
	x[i] = x[j];
	x[j] = t;
}

// rt_sort_Len implements the Len method of IntSlice, StringSlice and Float64Slice.
int64_t
rt_sort_Len(void *p, int64_t len, int64_t cap)
{
	return len;
}

static const RtType float64_type = {
	.size = 8, .hash = 0x7c980e47, .kind = RT_KIND_FLOAT64, .align = 8, .name = "float64",
};

#define SLICE_TYPE(var, sym, tname, hashv, elemtype, prefix)                               \
	static const RtMethod var##_methods[] = {                                          \
		{"Len", "func() int", (void (*)(void))slice_len, NULL},                    \
		{"Less", "func(int, int) bool", (void (*)(void))prefix##_less, NULL},     \
		{"Swap", "func(int, int)", (void (*)(void))prefix##_swap, NULL},          \
	};                                                                                 \
	extern const RtType var __asm__("\"type:" sym "\"");                               \
	const RtType var = {                                                               \
		.size = 24, .ptrdata = 8, .hash = hashv, .kind = RT_KIND_SLICE, .align = 8,\
		.flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1,              \
		.name = tname, .elem = elemtype, .methods = var##_methods, .nmethods = 3,  \
	};

SLICE_TYPE(rt_type_sort_intslice, "sort.IntSlice", "sort.IntSlice", 0x640205d4, &rt_type_int, intslice)
SLICE_TYPE(rt_type_sort_stringslice, "sort.StringSlice", "sort.StringSlice", 0x0a522822,
	   &rt_type_string, stringslice)
SLICE_TYPE(rt_type_sort_float64slice, "sort.Float64Slice", "sort.Float64Slice", 0xb87fe5ff,
	   &float64_type, float64slice)
