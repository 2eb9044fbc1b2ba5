// map.c: Go's maps (make, m[k], m[k] = v, delete, len, range) as hash tables with Go's
// structure and growth rules, plus the type-driven hashing of keys.
//
// Choice: Go's own design (runtime/map.go's algorithm, our code), because range must
// behave like Go's under insertion and deletion, and because incremental growth bounds the
// pause of any one operation.
//
// Structure. A map is an RtMap header (count first, so len(m) is one load) and an array of
// 2^B buckets. A bucket is
//	uint8_t tophash[8] | K keys[8] | V elems[8] | bucket *overflow
// where a key or elem larger than 128 bytes is stored as a pointer to a heap copy
// ("indirect"). The low B bits of a key's hash select the bucket; its top 8 bits (raised
// to at least MINTOP) are the slot's tophash, so most mismatches are rejected without
// comparing keys. Tophash values below MINTOP mark slots: EMPTY_REST (this slot and every
// later one in the bucket chain are empty, which ends lookups early), EMPTY_ONE (deleted),
// and during growth EVAC_X / EVAC_Y / EVAC_EMPTY (moved to the low or high half of the new
// array, or empty when evacuated). A full bucket chains an overflow bucket.
//
// Growth. An assignment of a new key grows the table when count+1 > 6.5 * 2^B (load factor
// 6.5, Go's choice: 13/2) to twice the buckets, or when the overflow buckets number at
// least 2^min(B,15) (after many deletions) to the same size, which compacts the chains.
// Growth is incremental: the old array stays in oldbuckets and each later assignment or
// deletion evacuates the old bucket it touches plus the next one in order (nevacuate), so
// no single operation moves more than two buckets. Lookups consult the old bucket while it
// is not yet evacuated. When doubling, an entry goes to bucket i (X) or i + 2^(B-1) (Y)
// by the new hash bit; a NaN key (whose hash is random) uses its tophash's low bit.
// Evacuated old buckets keep their keys, so iterators that still walk them can read them.
//
// Iteration (Go's mapiternext). An iterator remembers the bucket array and B at its start,
// a random start bucket and a random slot offset. It walks the buckets in order from the
// start, wrapping once. If the map is growing and the iterator's B is the current B, the
// old bucket that feeds the current one is walked instead while it is not evacuated,
// keeping only the entries destined for the current bucket (checkbucket). An entry seen in
// an array that has since been evacuated (EVAC_X/Y) may have been changed or deleted, so
// it is looked up again in the current table and skipped if absent. Deleted entries are
// EMPTY_ONE and never produced; entries inserted during iteration land in buckets that may
// or may not be visited later.
//
// Hashing. A 64-bit multiply-fold mix (the 128-bit product of two words folded by xor, the
// wyhash idea, written here) over the key's representation as its descriptor describes it:
// integers, pointers, bools and channels by their bytes; floats by value (+0 and -0 hash
// alike, a NaN hashes to a random value); strings by contents; arrays and structs element
// by element and field by field (blank fields skipped, padding never read); interfaces by
// the dynamic type's hash and value, panicking for uncomparable dynamic types. Each map
// has a random seed, re-drawn when it becomes empty.
//
// Invariants: count is the number of live entries; keys in the table are never NaN-equal
// duplicates except NaNs themselves; a slot is live iff its tophash >= MINTOP; the shared
// zero value is never written. No locking: one goroutine.
//
// See it: runtime/map_test.c (operations, growth under iteration, key kinds, panics).
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rtint.h"

enum {
	BUCKET_CNT = 8,        // entries per bucket
	MAX_INLINE = 128,      // larger keys and elems are stored indirectly
	EMPTY_REST = 0,        // tophash: this and all later slots of the chain are empty
	EMPTY_ONE = 1,         // tophash: empty slot
	EVAC_X = 2,            // tophash: entry moved to the X half of the new array
	EVAC_Y = 3,            // tophash: entry moved to the Y half
	EVAC_EMPTY = 4,        // tophash: empty slot of an evacuated bucket
	MINTOP = 5,            // smallest tophash of a live entry
	SAME_SIZE_GROW = 1,    // RtMap.flags: the current growth keeps the size
};

// MapLayout: what the runtime derives once from a map type's descriptor.
typedef struct MapLayout {
	const RtType *key;       // key type
	const RtType *elem;      // elem type
	uint32_t keysize;        // bytes of a key slot (8 when indirect)
	uint32_t elemsize;       // bytes of an elem slot (8 when indirect)
	uint32_t elemoff;        // offset of elems[0] in a bucket
	uint32_t ovfoff;         // offset of the overflow pointer
	uint32_t bucketsize;     // bytes per bucket
	uint8_t indirectkey;     // keys are pointers to heap copies
	uint8_t indirectelem;    // elems are pointers to heap copies
	uint8_t reflexive;       // k == k for every key (no floats or interfaces inside)
	uint8_t needupdate;      // an assignment overwrites the stored key (floats, strings)
	uint8_t mightpanic;      // hashing may panic (interfaces inside the key)
	uint8_t alg;             // ALG_*: how keys are hashed and compared
} MapLayout;

enum { // key algorithms: fast paths for the common key types
	ALG_GENERIC, // by the key's descriptor (rt_typehash, rt_memequal)
	ALG_MEM8,    // one 8-byte word compared bitwise (int, uint64, pointers, chans...)
	ALG_MEM4,    // one 4-byte word (int32, rune, uint32)
	ALG_STRING,  // a string
};

struct RtMap {
	int64_t count;           // live entries; must be first (len(m) loads it)
	uint8_t B;               // log2 of the number of buckets
	uint8_t flags;           // SAME_SIZE_GROW
	uint16_t noverflow;      // about how many overflow buckets there are
	uint32_t pad_;
	uint64_t seed;           // hash seed
	uint8_t *buckets;        // 2^B buckets, or NULL before the first assignment
	uint8_t *oldbuckets;     // the array being evacuated, or NULL
	uint64_t nevacuate;      // old buckets below this are evacuated
	MapLayout L;             // layout of this map's type
};

// The iterator state inside RtMapIter.private_.
typedef struct Iter {
	void *key;               // as RtMapIter
	void *elem;
	RtMap *m;                // the map (NULL: nil map)
	uint8_t *buckets;        // the bucket array when the iteration started
	uint8_t *bptr;           // the bucket being walked, or NULL between buckets
	uint64_t startbucket;    // the random first bucket
	uint64_t bucket;         // the next bucket index to walk
	uint64_t checkbucket;    // NO_CHECK, or the new bucket whose entries bptr (old) feeds
	uint8_t offset;          // the random slot offset
	uint8_t wrapped;         // bucket went past the end and restarted at 0
	uint8_t B;               // B when the iteration started
	uint8_t i;               // next slot of bptr
} Iter;

_Static_assert(sizeof(Iter) <= sizeof(RtMapIter), "RtMapIter too small");

static const uint64_t NO_CHECK = ~(uint64_t)0;

// ---- random numbers and hashing ----

static const uint64_t P0 = 0xa0761d6478bd642full, P1 = 0xe7037ed1a0b428dbull,
		      P2 = 0x8ebc6af09c88c6e3ull, P3 = 0x589965cc75374cc3ull;

static uint64_t
mix(uint64_t a, uint64_t b)
{
	__uint128_t r = (__uint128_t)a * b;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static uint64_t rand_state;

// rt_rand64 returns a pseudo-random number (wyrand-style generator, seeded from the clock
// and the process id on first use). Not for cryptography.
uint64_t
rt_rand64(void)
{
	if (rand_state == 0) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		rand_state = mix((uint64_t)ts.tv_nsec ^ P1, (uint64_t)ts.tv_sec ^ P2) ^
			     ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)&ts;
		if (rand_state == 0)
			rand_state = P3;
	}
	rand_state += P0;
	return mix(rand_state, rand_state ^ P1);
}

static uint64_t
rd64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static uint64_t
rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint64_t
hashbytes(const uint8_t *p, uint64_t n, uint64_t h)
{
	h ^= mix(n ^ P0, P1);
	while (n > 16) {
		h = mix(rd64(p) ^ P1, rd64(p + 8) ^ h);
		p += 16;
		n -= 16;
	}
	uint64_t a = 0, b = 0;
	if (n >= 8) {
		a = rd64(p);
		b = rd64(p + n - 8);
	} else if (n >= 4) {
		a = rd32(p);
		b = rd32(p + n - 4);
	} else if (n > 0) {
		a = (uint64_t)p[0] << 16 | (uint64_t)p[n >> 1] << 8 | p[n - 1];
	}
	return mix(P1 ^ n, mix(a ^ P2, b ^ h ^ P3));
}

static uint64_t
hashword(uint64_t v, uint64_t h)
{
	return mix(mix(v ^ P0, h ^ P1), P2 ^ v);
}

static _Noreturn void
unhashable(const RtType *t)
{
	char msg[256];
	snprintf(msg, sizeof msg, "hash of unhashable type %s", t->name);
	rt_panic_errstr(msg);
}

static uint64_t
hashfloat(double f, uint64_t h)
{
	if (f == 0)
		return hashword(0, h); // +0 and -0
	if (f != f)
		return hashword(rt_rand64(), h); // NaN: never found again
	uint64_t bits;
	memcpy(&bits, &f, 8);
	return hashword(bits, h);
}

// rt_typehash hashes the value of type t at p with seed h (see the file comment).
uint64_t
rt_typehash(const RtType *t, const void *p, uint64_t h)
{
	switch (t->kind) {
	case RT_KIND_FLOAT32:
		return hashfloat(*(const float *)p, h);
	case RT_KIND_FLOAT64:
		return hashfloat(*(const double *)p, h);
	case RT_KIND_COMPLEX64:
		return hashfloat(((const float *)p)[1], hashfloat(((const float *)p)[0], h));
	case RT_KIND_COMPLEX128:
		return hashfloat(((const double *)p)[1], hashfloat(((const double *)p)[0], h));
	case RT_KIND_STRING: {
		const RtString *s = p;
		return hashbytes(s->ptr, (uint64_t)s->len, h);
	}
	case RT_KIND_INTERFACE: {
		const RtType *dt;
		void *data;
		rt_iface_decode(t, p, &dt, &data);
		if (dt == NULL)
			return hashword(0, h);
		if (!rt_type_comparable(dt))
			unhashable(dt);
		h = hashword(dt->hash, h);
		if (dt->flags & RT_FLAG_DIRECT)
			return rt_typehash(dt, &data, h);
		return rt_typehash(dt, data, h);
	}
	case RT_KIND_ARRAY:
		for (uint64_t i = 0; i < t->len; i++)
			h = rt_typehash(t->elem, (const uint8_t *)p + i * t->elem->size, h);
		return h;
	case RT_KIND_STRUCT:
		for (uint32_t i = 0; i < t->nfields; i++) {
			const RtField *f = &t->fields[i];
			if (f->name[0] == '_' && f->name[1] == '\0')
				continue;
			h = rt_typehash(f->type, (const uint8_t *)p + f->offset, h);
		}
		return h;
	case RT_KIND_SLICE:
	case RT_KIND_MAP:
	case RT_KIND_FUNC:
		unhashable(t);
	default:
		switch (t->size) {
		case 0: return hashword(0, h);
		case 1: return hashword(*(const uint8_t *)p, h);
		case 2: return hashword(*(const uint16_t *)p, h);
		case 4: return hashword(*(const uint32_t *)p, h);
		case 8: return hashword(*(const uint64_t *)p, h);
		default: return hashbytes(p, t->size, h);
		}
	}
}

// rt_type_comparable reports whether == is defined on values of type t.
bool
rt_type_comparable(const RtType *t)
{
	switch (t->kind) {
	case RT_KIND_SLICE:
	case RT_KIND_MAP:
	case RT_KIND_FUNC:
		return false;
	case RT_KIND_ARRAY:
		return t->len == 0 || rt_type_comparable(t->elem);
	case RT_KIND_STRUCT:
		for (uint32_t i = 0; i < t->nfields; i++)
			if (!rt_type_comparable(t->fields[i].type))
				return false;
		return true;
	default:
		return true;
	}
}

// keyflags computes, for a key type: whether k == k always holds (reflexive), whether an
// assignment must overwrite the stored key (needupdate), and whether hashing may panic.
static void
keyflags(const RtType *t, uint8_t *reflexive, uint8_t *needupdate, uint8_t *mightpanic)
{
	switch (t->kind) {
	case RT_KIND_FLOAT32: case RT_KIND_FLOAT64: case RT_KIND_COMPLEX64:
	case RT_KIND_COMPLEX128:
		*reflexive = 0;
		*needupdate = 1;
		break;
	case RT_KIND_STRING:
		*needupdate = 1;
		break;
	case RT_KIND_INTERFACE:
		*reflexive = 0;
		*needupdate = 1;
		*mightpanic = 1;
		break;
	case RT_KIND_ARRAY:
		if (t->len > 0)
			keyflags(t->elem, reflexive, needupdate, mightpanic);
		break;
	case RT_KIND_STRUCT:
		for (uint32_t i = 0; i < t->nfields; i++)
			keyflags(t->fields[i].type, reflexive, needupdate, mightpanic);
		break;
	default:
		break;
	}
}

static void
layout(const RtType *mt, MapLayout *L)
{
	memset(L, 0, sizeof *L);
	L->key = mt->key;
	L->elem = mt->elem;
	L->indirectkey = L->key->size > MAX_INLINE;
	L->indirectelem = L->elem->size > MAX_INLINE;
	L->keysize = L->indirectkey ? 8 : (uint32_t)L->key->size;
	L->elemsize = L->indirectelem ? 8 : (uint32_t)L->elem->size;
	L->elemoff = BUCKET_CNT + BUCKET_CNT * L->keysize;
	L->ovfoff = (L->elemoff + BUCKET_CNT * L->elemsize + 7) & ~7u;
	L->bucketsize = L->ovfoff + 8;
	L->reflexive = 1;
	keyflags(L->key, &L->reflexive, &L->needupdate, &L->mightpanic);
	switch (L->key->kind) {
	case RT_KIND_INT: case RT_KIND_INT32: case RT_KIND_INT64: case RT_KIND_UINT:
	case RT_KIND_UINT32: case RT_KIND_UINT64: case RT_KIND_UINTPTR: case RT_KIND_POINTER:
	case RT_KIND_CHAN: case RT_KIND_UNSAFEPOINTER:
		L->alg = L->key->size == 8 ? ALG_MEM8 : L->key->size == 4 ? ALG_MEM4 : ALG_GENERIC;
		break;
	case RT_KIND_STRING:
		L->alg = ALG_STRING;
		break;
	default:
		L->alg = ALG_GENERIC;
		break;
	}
}

// khash and keyeq hash and compare keys, with the fast paths of L->alg; the fast hashes
// equal rt_typehash's for the same key.
static inline uint64_t
khash(const MapLayout *L, const void *key, uint64_t seed)
{
	switch (L->alg) {
	case ALG_MEM8: return hashword(*(const uint64_t *)key, seed);
	case ALG_MEM4: return hashword(*(const uint32_t *)key, seed);
	case ALG_STRING: {
		const RtString *k = key;
		return hashbytes(k->ptr, (uint64_t)k->len, seed);
	}
	default: return rt_typehash(L->key, key, seed);
	}
}

static inline bool
keyeq(const MapLayout *L, const void *a, const void *b)
{
	switch (L->alg) {
	case ALG_MEM8: return *(const uint64_t *)a == *(const uint64_t *)b;
	case ALG_MEM4: return *(const uint32_t *)a == *(const uint32_t *)b;
	case ALG_STRING: {
		const RtString *x = a, *y = b;
		return x->len == y->len && (x->ptr == y->ptr ||
					    memcmp(x->ptr, y->ptr, (size_t)x->len) == 0);
	}
	default: return rt_memequal(a, b, L->key) != 0;
	}
}

// ---- buckets ----

static uint8_t *
overflow(const MapLayout *L, const uint8_t *b)
{
	uint8_t *o;
	memcpy(&o, b + L->ovfoff, sizeof o);
	return o;
}

static void
setoverflow(const MapLayout *L, uint8_t *b, uint8_t *o)
{
	memcpy(b + L->ovfoff, &o, sizeof o);
}

static void *
keyslot(const MapLayout *L, uint8_t *b, int i)
{
	return b + BUCKET_CNT + (uint64_t)i * L->keysize;
}

static void *
elemslot(const MapLayout *L, uint8_t *b, int i)
{
	return b + L->elemoff + (uint64_t)i * L->elemsize;
}

// keyat and elemat return where the key or elem of slot i lives (following indirection).
static void *
keyat(const MapLayout *L, uint8_t *b, int i)
{
	void *k = keyslot(L, b, i);
	return L->indirectkey ? *(void **)k : k;
}

static void *
elemat(const MapLayout *L, uint8_t *b, int i)
{
	void *e = elemslot(L, b, i);
	return L->indirectelem ? *(void **)e : e;
}

static bool
is_empty(uint8_t top)
{
	return top <= EMPTY_ONE;
}

static bool
evacuated(const uint8_t *b)
{
	return b[0] > EMPTY_ONE && b[0] < MINTOP;
}

static uint8_t
tophash(uint64_t h)
{
	uint8_t top = (uint8_t)(h >> 56);
	return top < MINTOP ? top + MINTOP : top;
}

static uint64_t
bucketmask(uint8_t B)
{
	return ((uint64_t)1 << B) - 1;
}

static uint8_t *
bucketat(const RtMap *m, uint8_t *arr, uint64_t i)
{
	return arr + i * m->L.bucketsize;
}

static bool
growing(const RtMap *m)
{
	return m->oldbuckets != NULL;
}

static uint64_t
noldbuckets(const RtMap *m)
{
	uint8_t B = m->B;
	if (!(m->flags & SAME_SIZE_GROW))
		B--;
	return (uint64_t)1 << B;
}

static bool
over_load_factor(int64_t count, uint8_t B)
{
	return count > BUCKET_CNT && (uint64_t)count > 13 * (((uint64_t)1 << B) / 2);
}

static bool
too_many_overflow(uint16_t noverflow, uint8_t B)
{
	if (B > 15)
		B = 15;
	return noverflow >= (uint16_t)1 << (B & 15);
}

static uint8_t *
newarray(const RtMap *m, uint8_t B)
{
	return rt_alloc_bytes((int64_t)(((uint64_t)1 << B) * m->L.bucketsize), 0);
}

static uint8_t *
newoverflow(RtMap *m, uint8_t *b)
{
	uint8_t *o = rt_alloc_bytes(m->L.bucketsize, 0);
	if (m->B < 16) {
		m->noverflow++;
	} else {
		uint64_t mask = ((uint64_t)1 << (m->B - 15)) - 1;
		if ((rt_rand64() & mask) == 0)
			m->noverflow++;
	}
	setoverflow(&m->L, b, o);
	return o;
}


// ---- the zero value ----

static _Alignas(16) uint8_t zeroval[1024]; // never written
static void *bigzero;                      // a larger zero block, when needed
static uint64_t bigzero_size;

static void *
zero_of(const RtType *elem)
{
	if (elem->size <= sizeof zeroval)
		return zeroval;
	if (elem->size > bigzero_size) {
		bigzero = rt_alloc_bytes((int64_t)elem->size, 1);
		bigzero_size = elem->size;
	}
	return bigzero;
}

// ---- growth ----

static void
hash_grow(RtMap *m)
{
	uint8_t bigger = 1;
	if (!over_load_factor(m->count + 1, m->B)) {
		bigger = 0;
		m->flags |= SAME_SIZE_GROW;
	}
	m->oldbuckets = m->buckets;
	m->buckets = newarray(m, m->B + bigger);
	m->B += bigger;
	m->nevacuate = 0;
	m->noverflow = 0;
}

typedef struct EvacDst {
	uint8_t *b; // current destination bucket
	int i;      // next free slot in it
} EvacDst;

static void
advance_evacuation(RtMap *m, uint64_t newbit)
{
	m->nevacuate++;
	uint64_t stop = m->nevacuate + 1024;
	if (stop > newbit)
		stop = newbit;
	while (m->nevacuate != stop && evacuated(bucketat(m, m->oldbuckets, m->nevacuate)))
		m->nevacuate++;
	if (m->nevacuate == newbit) {
		m->oldbuckets = NULL; // growth done
		m->flags &= (uint8_t)~SAME_SIZE_GROW;
	}
}

static void
evacuate(RtMap *m, uint64_t oldbucket)
{
	const MapLayout *L = &m->L;
	uint8_t *b = bucketat(m, m->oldbuckets, oldbucket);
	uint64_t newbit = noldbuckets(m);
	bool same = m->flags & SAME_SIZE_GROW;
	if (!evacuated(b)) {
		EvacDst xy[2];
		xy[0] = (EvacDst){bucketat(m, m->buckets, oldbucket), 0};
		xy[1] = (EvacDst){same ? NULL : bucketat(m, m->buckets, oldbucket + newbit), 0};
		for (; b != NULL; b = overflow(L, b)) {
			for (int i = 0; i < BUCKET_CNT; i++) {
				uint8_t top = b[i];
				if (is_empty(top)) {
					b[i] = EVAC_EMPTY;
					continue;
				}
				int usey = 0;
				if (!same) {
					void *k = keyat(L, b, i);
					uint64_t h = khash(L, k, m->seed);
					if (!L->reflexive && !keyeq(L, k, k)) {
						// NaN: the hash is random, so decide by the old tophash
						// and draw a new one.
						usey = top & 1;
						top = tophash(h);
					} else {
						usey = (h & newbit) != 0;
					}
				}
				b[i] = (uint8_t)(EVAC_X + usey);
				EvacDst *d = &xy[usey];
				if (d->i == BUCKET_CNT) {
					d->b = newoverflow(m, d->b);
					d->i = 0;
				}
				d->b[d->i] = top;
				memcpy(keyslot(L, d->b, d->i), keyslot(L, b, i), L->keysize);
				memcpy(elemslot(L, d->b, d->i), elemslot(L, b, i), L->elemsize);
				d->i++;
			}
		}
		// The old bucket's keys stay readable for iterators (no clearing).
	}
	if (oldbucket == m->nevacuate)
		advance_evacuation(m, newbit);
}

static void
grow_work(RtMap *m, uint64_t bucket)
{
	evacuate(m, bucket & (noldbuckets(m) - 1));
	if (growing(m))
		evacuate(m, m->nevacuate);
}

// ---- lookup ----

// find returns the slot holding key (hash h) in bucket *bp and slot *ip, or false.
static bool
find(RtMap *m, const void *key, uint64_t h, uint8_t **bp, int *ip)
{
	const MapLayout *L = &m->L;
	uint64_t mask = bucketmask(m->B);
	uint8_t *b = bucketat(m, m->buckets, h & mask);
	if (growing(m)) {
		uint64_t oldmask = (m->flags & SAME_SIZE_GROW) ? mask : mask >> 1;
		uint8_t *ob = bucketat(m, m->oldbuckets, h & oldmask);
		if (!evacuated(ob))
			b = ob;
	}
	uint8_t top = tophash(h);
	for (; b != NULL; b = overflow(L, b)) {
		for (int i = 0; i < BUCKET_CNT; i++) {
			if (b[i] != top) {
				if (b[i] == EMPTY_REST)
					return false;
				continue;
			}
			if (keyeq(L, key, keyat(L, b, i))) {
				*bp = b;
				*ip = i;
				return true;
			}
		}
	}
	return false;
}

// lookup returns the elem of key in m, or NULL; *kout receives the stored key.
static void *
lookup(RtMap *m, const void *key, void **kout)
{
	uint64_t h = khash(&m->L, key, m->seed);
	uint8_t *b;
	int i;
	if (!find(m, key, h, &b, &i))
		return NULL;
	if (kout != NULL)
		*kout = keyat(&m->L, b, i);
	return elemat(&m->L, b, i);
}

static void
hash_for_panic(const RtType *mt, const void *key)
{
	MapLayout L;
	layout(mt, &L);
	if (L.mightpanic)
		rt_typehash(L.key, key, 0);
}

// ---- the API ----

// rt_makemap implements make(map[K]V, hint): B is the smallest size whose load factor
// holds hint entries (hint 100: 100 > 6.5*8 = 52, 100 <= 6.5*16 = 104, so B = 4).
RtMap *
rt_makemap(const RtType *maptype, int64_t hint)
{
	RtMap *m = rt_alloc_bytes(sizeof(RtMap), 0);
	layout(maptype, &m->L);
	m->seed = rt_rand64();
	if (hint < 0 || (uint64_t)hint > ((uint64_t)1 << 40))
		hint = 0;
	uint8_t B = 0;
	while (over_load_factor(hint, B))
		B++;
	m->B = B;
	if (B > 0)
		m->buckets = newarray(m, B);
	return m;
}

// rt_mapaccess1 implements v := m[k] (see rt.h).
void *
rt_mapaccess1(const RtType *maptype, RtMap *m, const void *key)
{
	if (m == NULL || m->count == 0) {
		hash_for_panic(maptype, key);
		return zero_of(maptype->elem);
	}
	void *e = lookup(m, key, NULL);
	return e != NULL ? e : zero_of(maptype->elem);
}

// rt_mapaccess2 implements v, ok := m[k].
void *
rt_mapaccess2(const RtType *maptype, RtMap *m, const void *key, int64_t *ok)
{
	if (m == NULL || m->count == 0) {
		hash_for_panic(maptype, key);
		*ok = 0;
		return zero_of(maptype->elem);
	}
	void *e = lookup(m, key, NULL);
	*ok = e != NULL;
	return e != NULL ? e : zero_of(maptype->elem);
}

// rt_mapassign implements m[k] = ... by returning the elem slot of k, inserting it first.
void *
rt_mapassign(const RtType *maptype, RtMap *m, const void *key)
{
	if (m == NULL)
		rt_panic_plain("assignment to entry in nil map");
	const MapLayout *L = &m->L;
	uint64_t h = khash(L, key, m->seed);
	if (m->buckets == NULL)
		m->buckets = newarray(m, 0);
again:;
	uint64_t bucket = h & bucketmask(m->B);
	if (growing(m))
		grow_work(m, bucket);
	uint8_t *b = bucketat(m, m->buckets, bucket);
	uint8_t top = tophash(h);
	uint8_t *insb = NULL;
	int insi = 0;
	for (;;) {
		for (int i = 0; i < BUCKET_CNT; i++) {
			if (b[i] != top) {
				if (is_empty(b[i]) && insb == NULL) {
					insb = b;
					insi = i;
				}
				if (b[i] == EMPTY_REST)
					goto notfound;
				continue;
			}
			void *k = keyat(L, b, i);
			if (!keyeq(L, key, k))
				continue;
			if (L->needupdate)
				memcpy(k, key, L->key->size);
			return elemat(L, b, i);
		}
		uint8_t *o = overflow(L, b);
		if (o == NULL)
			break;
		b = o;
	}
notfound:
	if (!growing(m) && (over_load_factor(m->count + 1, m->B) ||
			    too_many_overflow(m->noverflow, m->B))) {
		hash_grow(m);
		goto again; // the table changed: find the slot anew
	}
	if (insb == NULL) {
		insb = newoverflow(m, b);
		insi = 0;
	}
	void *kslot = keyslot(L, insb, insi), *eslot = elemslot(L, insb, insi);
	if (L->indirectkey) {
		void *k = rt_alloc(L->key);
		*(void **)kslot = k;
		kslot = k;
	}
	memcpy(kslot, key, L->key->size);
	if (L->indirectelem) {
		void *e = rt_alloc(L->elem);
		*(void **)eslot = e;
		eslot = e;
	} else {
		memset(eslot, 0, L->elemsize);
	}
	insb[insi] = top;
	m->count++;
	return eslot;
}

// rt_mapdelete implements delete(m, k).
void
rt_mapdelete(const RtType *maptype, RtMap *m, const void *key)
{
	if (m == NULL || m->count == 0) {
		hash_for_panic(maptype, key);
		return;
	}
	const MapLayout *L = &m->L;
	uint64_t h = khash(L, key, m->seed);
	uint64_t bucket = h & bucketmask(m->B);
	if (growing(m))
		grow_work(m, bucket);
	uint8_t *borig = bucketat(m, m->buckets, bucket);
	uint8_t top = tophash(h);
	for (uint8_t *b = borig; b != NULL; b = overflow(L, b)) {
		for (int i = 0; i < BUCKET_CNT; i++) {
			if (b[i] != top) {
				if (b[i] == EMPTY_REST)
					return;
				continue;
			}
			void *kslot = keyslot(L, b, i);
			if (!keyeq(L, key, keyat(L, b, i)))
				continue;
			memset(kslot, 0, L->keysize);
			memset(elemslot(L, b, i), 0, L->elemsize);
			b[i] = EMPTY_ONE;
			// Turn a run of EMPTY_ONE slots ending the chain into EMPTY_REST.
			bool last;
			if (i == BUCKET_CNT - 1) {
				uint8_t *o = overflow(L, b);
				last = o == NULL || o[0] == EMPTY_REST;
			} else {
				last = b[i + 1] == EMPTY_REST;
			}
			if (last) {
				for (;;) {
					b[i] = EMPTY_REST;
					if (i == 0) {
						if (b == borig)
							break;
						uint8_t *c = b;
						for (b = borig; overflow(L, b) != c; b = overflow(L, b))
							;
						i = BUCKET_CNT - 1;
					} else {
						i--;
					}
					if (b[i] != EMPTY_ONE)
						break;
				}
			}
			m->count--;
			if (m->count == 0)
				m->seed = rt_rand64();
			return;
		}
	}
}

// rt_maplen implements len(m).
int64_t
rt_maplen(const RtMap *m)
{
	return m != NULL ? m->count : 0;
}

static void
clear_chain(const MapLayout *L, uint8_t *b, uint8_t mark)
{
	for (; b != NULL; b = overflow(L, b))
		memset(b, mark, BUCKET_CNT);
}

// rt_mapclear empties m: every slot of the current array becomes empty (so iterators in
// progress produce nothing more), the old array's live slots too.
void
rt_mapclear(const RtType *maptype, RtMap *m)
{
	if (m == NULL || m->count == 0)
		return;
	const MapLayout *L = &m->L;
	if (m->oldbuckets != NULL) {
		for (uint64_t i = 0; i < noldbuckets(m); i++) {
			uint8_t *ob = bucketat(m, m->oldbuckets, i);
			if (!evacuated(ob))
				clear_chain(L, ob, EMPTY_REST);
		}
	}
	uint64_t n = (uint64_t)1 << m->B;
	memset(m->buckets, 0, n * L->bucketsize);
	m->oldbuckets = NULL;
	m->flags = 0;
	m->nevacuate = 0;
	m->noverflow = 0;
	m->count = 0;
	m->seed = rt_rand64();
}

// ---- iteration ----

// rt_mapiterinit starts a range over m (see rt.h).
void
rt_mapiterinit(const RtType *maptype, RtMap *m, RtMapIter *it)
{
	Iter *t = (Iter *)it;
	memset(it, 0, sizeof *it);
	if (m == NULL || m->count == 0)
		return;
	t->m = m;
	t->B = m->B;
	t->buckets = m->buckets;
	uint64_t r = rt_rand64();
	t->startbucket = r & bucketmask(m->B);
	t->offset = (uint8_t)((r >> 32) & (BUCKET_CNT - 1));
	t->bucket = t->startbucket;
	t->checkbucket = NO_CHECK;
	rt_mapiternext(it);
}

// rt_mapiternext moves the iteration to the next entry (Go's mapiternext).
void
rt_mapiternext(RtMapIter *it)
{
	Iter *t = (Iter *)it;
	RtMap *m = t->m;
	if (m == NULL) {
		t->key = t->elem = NULL;
		return;
	}
	const MapLayout *L = &m->L;
	uint8_t *b = t->bptr;
	uint64_t bucket = t->bucket, checkbucket = t->checkbucket;
	int i = t->i;
	for (;;) {
		if (b == NULL) {
			if (bucket == t->startbucket && t->wrapped) {
				t->key = t->elem = NULL;
				t->m = NULL;
				return;
			}
			if (growing(m) && t->B == m->B) {
				// Started during this growth: walk the old bucket feeding this
				// one while it is not evacuated.
				uint64_t oldbucket = bucket & (noldbuckets(m) - 1);
				b = bucketat(m, m->oldbuckets, oldbucket);
				if (!evacuated(b)) {
					checkbucket = bucket;
				} else {
					b = bucketat(m, t->buckets, bucket);
					checkbucket = NO_CHECK;
				}
			} else {
				b = bucketat(m, t->buckets, bucket);
				checkbucket = NO_CHECK;
			}
			bucket++;
			if (bucket == (uint64_t)1 << t->B) {
				bucket = 0;
				t->wrapped = 1;
			}
			i = 0;
		}
		for (; i < BUCKET_CNT; i++) {
			int off = (i + t->offset) & (BUCKET_CNT - 1);
			uint8_t top = b[off];
			if (is_empty(top) || top == EVAC_EMPTY)
				continue;
			void *k = keyat(L, b, off);
			void *e = elemat(L, b, off);
			bool refl = L->reflexive || keyeq(L, k, k);
			if (checkbucket != NO_CHECK && !(m->flags & SAME_SIZE_GROW)) {
				// Walking an old bucket during a doubling: keep only the entries
				// that go to checkbucket.
				if (refl) {
					uint64_t h = khash(L, k, m->seed);
					if ((h & bucketmask(t->B)) != checkbucket)
						continue;
				} else if ((checkbucket >> (t->B - 1)) != (uint64_t)(top & 1)) {
					continue;
				}
			}
			if ((top != EVAC_X && top != EVAC_Y) || !refl) {
				t->key = k;
				t->elem = e;
			} else {
				// Moved since: the current table has the truth.
				void *rk;
				void *re = lookup(m, k, &rk);
				if (re == NULL)
					continue; // deleted
				t->key = rk;
				t->elem = re;
			}
			t->bucket = bucket;
			t->bptr = b;
			t->i = (uint8_t)(i + 1);
			t->checkbucket = checkbucket;
			return;
		}
		b = overflow(L, b);
		i = 0;
	}
}
