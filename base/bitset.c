// bitset.c: dense bitsets over IDs, for liveness, worklists and frontiers. A Bitset is a
// value (words pointer + size); its words live in whatever arena created it.
#include <string.h>

#include "base/base.h"

// bitset_new returns a cleared set of n bits allocated in a.
Bitset
bitset_new(Arena *a, int n)
{
	Bitset b = {NEWARR(a, uint64_t, (n + 63) / 64 + 1), n};
	return b;
}

void
bitset_set(Bitset b, int i)
{
	b.w[i >> 6] |= (uint64_t)1 << (i & 63);
}

void
bitset_clear(Bitset b, int i)
{
	b.w[i >> 6] &= ~((uint64_t)1 << (i & 63));
}

bool
bitset_has(Bitset b, int i)
{
	return (b.w[i >> 6] >> (i & 63)) & 1;
}

// bitset_union sets dst |= src and reports whether dst changed. Sizes must match.
bool
bitset_union(Bitset dst, Bitset src)
{
	bool changed = false;
	for (int i = 0; i < (dst.n + 63) / 64; i++) {
		uint64_t w = dst.w[i] | src.w[i];
		changed |= w != dst.w[i];
		dst.w[i] = w;
	}
	return changed;
}

void
bitset_copy(Bitset dst, Bitset src)
{
	memcpy(dst.w, src.w, sizeof(uint64_t) * (size_t)((dst.n + 63) / 64));
}

void
bitset_zero(Bitset b)
{
	memset(b.w, 0, sizeof(uint64_t) * (size_t)((b.n + 63) / 64));
}

bool
bitset_equal(Bitset a, Bitset b)
{
	return memcmp(a.w, b.w, sizeof(uint64_t) * (size_t)((a.n + 63) / 64)) == 0;
}

int
bitset_count(Bitset b)
{
	int c = 0;
	for (int i = 0; i < (b.n + 63) / 64; i++)
		c += __builtin_popcountll(b.w[i]);
	return c;
}
