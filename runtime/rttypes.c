// rttypes.c: the type descriptors the runtime itself needs, laid out as codegen lays out
// its own (rt.h's RtType): string and int for boxing values in run-time panics, and the
// dynamic types of run-time error values (runtime.errorString, boundsError, plainError,
// *TypeAssertionError: each a string whose text is the whole message, e.g. "runtime
// error: index out of range [5] with length 3", with the methods Error and RuntimeError).
//
// It also keeps the registry of Error()/String() methods (rt_register_methods): an
// open-addressing hash table keyed by descriptor address, used only for lookups, so no
// output depends on its order.
//
// Invariant: descriptors are unique per type, so type identity is pointer equality;
// codegen must therefore refer to these globals (not emit copies) for string and int.
#include <stdlib.h>

#include "rtint.h"

static const uint8_t string_gcdata[] = {0x01}; // word 0 (the byte pointer) is a pointer

// hash is the 32-bit FNV-1a of the name, as codegen computes it; RT_FLAG_NAMED marks
// types declared in a package (so not the predeclared int and string).
const RtType rt_type_string = {
	.size = 16, .ptrdata = 8, .hash = 0x17c16538, .kind = RT_KIND_STRING, .align = 8,
	.flags = 0, .gcdata = string_gcdata, .name = "string",
};

const RtType rt_type_int = {
	.size = 8, .ptrdata = 0, .hash = 0x95e97e5e, .kind = RT_KIND_INT, .align = 8,
	.flags = 0, .gcdata = NULL, .name = "int",
};

// The run-time error types are all a string holding the whole message; their methods
// are Error() (that string) and RuntimeError(), which makes them runtime.Error values.
static RtString
err_error(void *data)
{
	return *(const RtString *)data;
}

static void
err_runtime_error(void *data)
{
}

static const RtMethod err_methods[] = {
	{"Error", "func() string", (void (*)(void))err_error, (void (*)(void))err_error},
	{"RuntimeError", "func()", (void (*)(void))err_runtime_error,
	 (void (*)(void))err_runtime_error},
};

#define ERROR_TYPE(hashv, tname) { \
	.size = 16, .ptrdata = 8, .hash = hashv, .kind = RT_KIND_STRING, .align = 8, \
	.flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .gcdata = string_gcdata, .name = tname, \
	.methods = err_methods, .nmethods = 2, \
}

const RtType rt_type_error_string = ERROR_TYPE(0xa8e04a7a, "runtime.errorString");
const RtType rt_type_bounds_error = ERROR_TYPE(0x2550517c, "runtime.boundsError");
const RtType rt_type_plain_error = ERROR_TYPE(0xfe8db54d, "runtime.plainError");
const RtType rt_type_assert_error = ERROR_TYPE(0xe835dae5, "*runtime.TypeAssertionError");

// ---- the method registry ----

typedef struct MethodEntry {
	const RtType *type; // key; NULL for an empty slot
	RtMethods m;        // its methods
} MethodEntry;

static MethodEntry *mtab; // capacity mcap (a power of two), at most half full
static size_t mcap, mcount;

static size_t
slot(const RtType *t, size_t cap)
{
	uintptr_t h = (uintptr_t)t;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15u;
	return (size_t)(h >> 20) & (cap - 1);
}

static void
minsert(MethodEntry *tab, size_t cap, MethodEntry e)
{
	size_t i = slot(e.type, cap);
	while (tab[i].type != NULL && tab[i].type != e.type)
		i = (i + 1) & (cap - 1);
	tab[i] = e;
}

// rt_register_methods records t's Error and String methods (see rt.h).
void
rt_register_methods(const RtType *t, RtStringMethod error_fn, RtStringMethod string_fn)
{
	if (t == NULL || (error_fn == NULL && string_fn == NULL))
		return;
	if (2 * (mcount + 1) > mcap) {
		size_t cap = mcap ? 2 * mcap : 64;
		MethodEntry *tab = calloc(cap, sizeof *tab);
		if (tab == NULL)
			rt_throw("out of memory");
		for (size_t i = 0; i < mcap; i++)
			if (mtab[i].type != NULL)
				minsert(tab, cap, mtab[i]);
		free(mtab);
		mtab = tab;
		mcap = cap;
	}
	const RtMethods *old = rt_methods_of(t);
	if (old == NULL)
		mcount++;
	minsert(mtab, mcap, (MethodEntry){t, {error_fn, string_fn}});
}

// rt_methods_of returns t's registered methods, or NULL when it has none.
const RtMethods *
rt_methods_of(const RtType *t)
{
	if (mcount == 0 || t == NULL)
		return NULL;
	for (size_t i = slot(t, mcap); mtab[i].type != NULL; i = (i + 1) & (mcap - 1))
		if (mtab[i].type == t)
			return &mtab[i].m;
	return NULL;
}
