// iface.c: interfaces with methods: itabs (built from method tables and cached), type
// assertions to interface types with gc's panic messages, I2E conversion, interface
// equality, and method lookup for fmt and panics.
//
// Itab construction (gc's getitab/itab.init idea): both method lists are sorted by name,
// so one merge pass pairs each interface method with the type's method of the same name;
// a pair matches when the signature strings are equal. The first interface method without
// a match is the "missing method" of the error. Results, positive and negative, go into an
// open-addressing table keyed by (interface, type) descriptor addresses; negative entries
// are itabs whose fun[0] is NULL, as in gc. Lookups never depend on the table's order.
//
// Interface values in memory are RtEface or RtIface as rt.h's rule says (by the interface
// type's descriptor); rt_iface_decode reads either.
//
// Invariants: descriptors are unique per type, so type identity is pointer identity; an
// itab never changes after it is published; itabs live in the collector-free metadata
// (malloc), since they are reachable only from the table and from interface values.
//
// See it: runtime/iface_test.c.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rtint.h"

// ---- method lookup ----

static bool
has_methods(const RtType *t)
{
	return t != NULL && (t->flags & RT_FLAG_UNCOMMON) != 0;
}

// rt_findmethod returns t's method named name whose signature is sig (any when sig is
// NULL), by binary search of the sorted method table; NULL when there is none.
const RtMethod *
rt_findmethod(const RtType *t, const char *name, const char *sig)
{
	if (!has_methods(t))
		return NULL;
	uint32_t lo = 0, hi = t->nmethods;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->methods[mid].name, name);
		if (c == 0) {
			const RtMethod *m = &t->methods[mid];
			return sig == NULL || strcmp(m->sig, sig) == 0 ? m : NULL;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

// rt_is_iface_form reports whether values of interface type t are laid out as RtIface.
bool
rt_is_iface_form(const RtType *t)
{
	return has_methods(t) && t->nimethods > 0;
}

// rt_iface_decode reads the interface value of interface type t stored at p into its
// dynamic type (NULL when nil) and data word.
void
rt_iface_decode(const RtType *t, const void *p, const RtType **dyn, void **data)
{
	if (rt_is_iface_form(t)) {
		const RtIface *i = p;
		*dyn = i->tab != NULL ? i->tab->type : NULL;
		*data = i->data;
	} else {
		const RtEface *e = p;
		*dyn = e->type;
		*data = e->data;
	}
}

// ---- the itab table ----

static const RtItab **itabs; // capacity icap (a power of two), at most half full
static size_t icap, icount;

static size_t
islot(const RtType *inter, const RtType *t, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)inter * 0x9E3779B97F4A7C15u ^ (uint64_t)(uintptr_t)t;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	h ^= h >> 32;
	return (size_t)h & (cap - 1);
}

static const RtItab *
itab_find(const RtType *inter, const RtType *t)
{
	if (icount == 0)
		return NULL;
	for (size_t i = islot(inter, t, icap); itabs[i] != NULL; i = (i + 1) & (icap - 1))
		if (itabs[i]->inter == inter && itabs[i]->type == t)
			return itabs[i];
	return NULL;
}

static void
itab_put(const RtItab **tab, size_t cap, const RtItab *m)
{
	size_t i = islot(m->inter, m->type, cap);
	while (tab[i] != NULL)
		i = (i + 1) & (cap - 1);
	tab[i] = m;
}

static void
itab_add(const RtItab *m)
{
	if (2 * (icount + 1) > icap) {
		size_t cap = icap ? 2 * icap : 256;
		const RtItab **tab = calloc(cap, sizeof *tab);
		if (tab == NULL)
			rt_throw("out of memory");
		for (size_t i = 0; i < icap; i++)
			if (itabs[i] != NULL)
				itab_put(tab, cap, itabs[i]);
		free(itabs);
		itabs = tab;
		icap = cap;
	}
	itab_put(itabs, icap, m);
	icount++;
}

// itab_init fills m->fun by merging the sorted method lists; returns the name of the first
// missing interface method (fun[0] then NULL), or NULL when t implements inter.
static const char *
itab_init(RtItab *m)
{
	const RtType *inter = m->inter, *t = m->type;
	uint32_t n = inter->nimethods;
	uint32_t nt = has_methods(t) ? t->nmethods : 0;
	uint32_t j = 0;
	for (uint32_t k = 0; k < n; k++) {
		const RtIMethod *im = &inter->imethods[k];
		for (; j < nt; j++) {
			int c = strcmp(t->methods[j].name, im->name);
			if (c < 0)
				continue;
			if (c == 0 && strcmp(t->methods[j].sig, im->sig) == 0) {
				m->fun[k] = t->methods[j].ifn;
				goto next;
			}
			break;
		}
		m->fun[0] = NULL;
		return im->name;
	next:;
	}
	return NULL;
}

static _Noreturn void
missing_method(const RtType *inter, const RtType *t, const char *name)
{
	rt_panic_typeassert(NULL, t, inter, name);
}

// rt_getitab returns the cached itab of (inter, t), building it on first use (see rt.h).
const RtItab *
rt_getitab(const RtType *inter, const RtType *t, int64_t canfail)
{
	if (t == NULL)
		rt_panic_typeassert(NULL, NULL, inter, NULL);
	const RtItab *m = itab_find(inter, t);
	if (m == NULL) {
		uint32_t n = has_methods(inter) ? inter->nimethods : 0;
		RtItab *nm = calloc(1, sizeof(RtItab) + (n > 0 ? n : 1) * sizeof(void (*)(void)));
		if (nm == NULL)
			rt_throw("out of memory");
		nm->inter = inter;
		nm->type = t;
		nm->hash = t->hash;
		if (n > 0)
			itab_init(nm);
		else
			nm->fun[0] = (void (*)(void))(uintptr_t)1; // nothing to miss
		itab_add(nm);
		m = nm;
	}
	if (m->fun[0] == NULL) {
		if (canfail)
			return NULL;
		// Rebuild the message: the first missing method in interface order.
		RtItab *tmp = calloc(1, sizeof(RtItab) + inter->nimethods * sizeof(void (*)(void)));
		if (tmp == NULL)
			rt_throw("out of memory");
		tmp->inter = inter;
		tmp->type = t;
		missing_method(inter, t, itab_init(tmp));
	}
	return m;
}

// ---- assertions and conversions ----

// rt_assertE2I implements x.(J) for x of an empty interface type.
void
rt_assertE2I(RtIface *out, const RtType *inter, const RtType *t, void *data)
{
	if (t == NULL)
		rt_panic_typeassert(NULL, NULL, inter, NULL); // "interface is nil, not main.J"
	out->tab = rt_getitab(inter, t, 0);
	out->data = data;
}

// rt_assertE2I2 implements v, ok := x.(J) for x of an empty interface type.
int64_t
rt_assertE2I2(RtIface *out, const RtType *inter, const RtType *t, void *data)
{
	const RtItab *m = t != NULL ? rt_getitab(inter, t, 1) : NULL;
	if (m == NULL) {
		out->tab = NULL;
		out->data = NULL;
		return 0;
	}
	out->tab = m;
	out->data = data;
	return 1;
}

// rt_assertI2I implements x.(J) for x of a non-empty interface type.
void
rt_assertI2I(RtIface *out, const RtType *inter, const RtItab *tab, void *data)
{
	rt_assertE2I(out, inter, tab != NULL ? tab->type : NULL, data);
}

// rt_assertI2I2 implements v, ok := x.(J) for x of a non-empty interface type.
int64_t
rt_assertI2I2(RtIface *out, const RtType *inter, const RtItab *tab, void *data)
{
	return rt_assertE2I2(out, inter, tab != NULL ? tab->type : NULL, data);
}

// rt_convI2E converts a non-empty interface value to an empty one.
void
rt_convI2E(RtEface *out, const RtItab *tab, void *data)
{
	out->type = tab != NULL ? tab->type : NULL;
	out->data = data;
}

// rt_ifaceeq implements == on two non-empty interface values.
int64_t
rt_ifaceeq(const RtItab *ta, void *da, const RtItab *tb, void *db)
{
	return rt_efaceeq(ta != NULL ? ta->type : NULL, da, tb != NULL ? tb->type : NULL, db);
}

// ---- Error() and String() for fmt and panics ----

// rt_string_methods finds t's Error() string and String() string methods: in its method
// table when it has one, else among those registered with rt_register_methods.
bool
rt_string_methods(const RtType *t, RtStringMethod *error_fn, RtStringMethod *string_fn)
{
	*error_fn = *string_fn = NULL;
	if (t == NULL)
		return false;
	if (has_methods(t)) {
		const RtMethod *e = rt_findmethod(t, "Error", "func() string");
		const RtMethod *s = rt_findmethod(t, "String", "func() string");
		if (e != NULL)
			*error_fn = (RtStringMethod)(void (*)(void))e->ifn;
		if (s != NULL)
			*string_fn = (RtStringMethod)(void (*)(void))s->ifn;
	}
	if (*error_fn == NULL && *string_fn == NULL) {
		const RtMethods *m = rt_methods_of(t);
		if (m != NULL) {
			*error_fn = m->error_fn;
			*string_fn = m->string_fn;
		}
	}
	return *error_fn != NULL || *string_fn != NULL;
}
