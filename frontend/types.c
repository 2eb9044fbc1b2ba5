// types.c: the predeclared types, the constructors of composite types, their interning
// and their layout on amd64.
//
// Interning: every unnamed composite type is built through one constructor that first
// looks for a structurally identical type in a hash table (keyed by kind and the
// identities of the component types, which are themselves interned or named), so
// identical unnamed types are one pointer and type_identical is pointer equality.
// Function types are interned without parameter names (names do not take part in type
// identity). Named (defined) types are never interned: each declaration is its own type.
//
// Layout follows gc on amd64: int/uint/uintptr/pointers/maps/chans/funcs are 8 bytes,
// strings 16, slices 24, interfaces 16; a struct lays out fields in order, each aligned
// to its own alignment, and a struct whose last field has size zero gets one byte of
// padding so a pointer to that field does not point past the object. Sizes are computed
// lazily (type_size) and for every type by type_layout_all at the end of checking.
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

Type *ty_invalid, *ty_bool, *ty_int, *ty_int8, *ty_int16, *ty_int32, *ty_int64, *ty_uint,
	*ty_uint8, *ty_uint16, *ty_uint32, *ty_uint64, *ty_uintptr, *ty_float32, *ty_float64,
	*ty_complex64, *ty_complex128, *ty_string, *ty_unsafeptr, *ty_untyped_bool,
	*ty_untyped_int, *ty_untyped_rune, *ty_untyped_float, *ty_untyped_complex,
	*ty_untyped_string, *ty_untyped_nil, *ty_error, *ty_any;

TypeVec all_types;

static Type *basic_by_kind[TY_COUNT];

static Type *
new_type(TypeKind k)
{
	Type *t = NEW(perm, Type);
	t->kind = k;
	t->size = -1;
	t->align = -1;
	t->under = t;
	t->id = all_types.len;
	vec_push(perm, all_types, t);
	return t;
}

static Type *
basic(TypeKind k, int64_t size)
{
	Type *t = new_type(k);
	t->size = size;
	t->align = size > 8 ? 8 : size;
	if (k == TY_COMPLEX64)
		t->align = 4;
	if (k == TY_STRING)
		t->align = 8;
	if (size == 0)
		t->align = 1;
	basic_by_kind[k] = t;
	return t;
}

// type_of_basic_kind returns the predeclared type of basic kind k (NULL for composites).
Type *
type_of_basic_kind(TypeKind k)
{
	return k < TY_COUNT ? basic_by_kind[k] : NULL;
}

// ---- interning ----

typedef struct Key {
	TypeKind kind;
	Type *elem, *key;
	int64_t len;
	ChanDir dir;
	Field *fields;
	int nfields;
	Field *results;
	int nresults;
	bool variadic;
} Key;

static Type **itab;
static uint32_t ibuckets, icount;

static uint32_t
mix(uint32_t h, uint64_t v)
{
	h ^= (uint32_t)v + 0x9e3779b9u + (h << 6) + (h >> 2);
	h ^= (uint32_t)(v >> 32) + 0x9e3779b9u + (h << 6) + (h >> 2);
	return h;
}

static uint32_t
hash_fields(uint32_t h, Field *f, int n, bool names)
{
	h = mix(h, (uint64_t)n);
	for (int i = 0; i < n; i++) {
		h = mix(h, f[i].type ? (uint64_t)f[i].type->id : 0);
		if (names && f[i].name)
			h = mix(h, f[i].name->hash);
		h = mix(h, f[i].embedded);
	}
	return h;
}

static bool
names_matter(TypeKind k)
{
	return k == TY_STRUCT || k == TY_INTERFACE;
}

static uint32_t
hash_key(Key *k)
{
	uint32_t h = mix(0, k->kind);
	h = mix(h, k->elem ? (uint64_t)k->elem->id : 0);
	h = mix(h, k->key ? (uint64_t)k->key->id : 0);
	h = mix(h, (uint64_t)k->len);
	h = mix(h, k->dir);
	h = mix(h, k->variadic);
	h = hash_fields(h, k->fields, k->nfields, names_matter(k->kind));
	h = hash_fields(h, k->results, k->nresults, false);
	return h;
}

static bool
str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
fields_eq(Field *a, int na, FieldList *b, bool names)
{
	if (na != b->len)
		return false;
	for (int i = 0; i < na; i++) {
		Field *y = &b->v[i];
		if (a[i].type != y->type || a[i].embedded != y->embedded)
			return false;
		if (names && (a[i].name != y->name || !str_eq(a[i].tag, y->tag)))
			return false;
	}
	return true;
}

static bool
key_eq(Key *k, Type *t)
{
	return t->kind == k->kind && t->obj == NULL && t->elem == k->elem && t->key == k->key &&
	       t->len == k->len && t->dir == k->dir && t->variadic == k->variadic &&
	       fields_eq(k->fields, k->nfields, &t->fields, names_matter(k->kind)) &&
	       fields_eq(k->results, k->nresults, &t->results, false);
}

static uint32_t
type_hash(Type *t)
{
	Key k = {t->kind, t->elem, t->key, t->len, t->dir, t->fields.v, t->fields.len,
		 t->results.v, t->results.len, t->variadic};
	return hash_key(&k);
}

static void
irehash(void)
{
	uint32_t n = ibuckets ? ibuckets * 2 : 1024;
	Type **nt = NEWARR(perm, Type *, n);
	for (uint32_t i = 0; i < ibuckets; i++) {
		Type *t = itab[i];
		if (!t)
			continue;
		uint32_t h = type_hash(t) & (n - 1);
		while (nt[h])
			h = (h + 1) & (n - 1);
		nt[h] = t;
	}
	itab = nt;
	ibuckets = n;
}

static void
copy_fields(FieldList *dst, Field *src, int n, bool keepnames)
{
	for (int i = 0; i < n; i++) {
		Field f = src[i];
		if (!keepnames) {
			f.name = NULL;
			f.obj = NULL;
		}
		vec_push(perm, *dst, f);
	}
}

static Type *
intern(Key *k)
{
	if ((icount + 1) * 2 >= ibuckets)
		irehash();
	uint32_t h = hash_key(k) & (ibuckets - 1);
	while (itab[h]) {
		if (key_eq(k, itab[h]))
			return itab[h];
		h = (h + 1) & (ibuckets - 1);
	}
	Type *t = new_type(k->kind);
	t->elem = k->elem;
	t->key = k->key;
	t->len = k->len;
	t->dir = k->dir;
	t->variadic = k->variadic;
	copy_fields(&t->fields, k->fields, k->nfields, names_matter(k->kind));
	copy_fields(&t->results, k->results, k->nresults, false);
	itab[h] = t;
	icount++;
	return t;
}

// type_pointer returns the interned *elem.
Type *
type_pointer(Type *elem)
{
	Key k = {.kind = TY_POINTER, .elem = elem};
	return intern(&k);
}

// type_slice returns the interned []elem.
Type *
type_slice(Type *elem)
{
	Key k = {.kind = TY_SLICE, .elem = elem};
	return intern(&k);
}

// type_array returns the interned [len]elem.
Type *
type_array(Type *elem, int64_t len)
{
	Key k = {.kind = TY_ARRAY, .elem = elem, .len = len};
	return intern(&k);
}

// type_map returns the interned map[key]elem.
Type *
type_map(Type *key, Type *elem)
{
	Key k = {.kind = TY_MAP, .elem = elem, .key = key};
	return intern(&k);
}

// type_chan returns the interned channel type.
Type *
type_chan(Type *elem, ChanDir dir)
{
	Key k = {.kind = TY_CHAN, .elem = elem, .dir = dir};
	return intern(&k);
}

// type_func returns the interned signature; parameter names are dropped.
Type *
type_func(Field *params, int nparams, Field *results, int nresults, bool variadic)
{
	Key k = {.kind = TY_FUNC, .fields = params, .nfields = nparams, .results = results,
		 .nresults = nresults, .variadic = variadic};
	return intern(&k);
}

// type_struct returns the interned struct type with these fields (names, tags and
// embedding take part in identity).
Type *
type_struct(Field *fields, int nfields)
{
	Key k = {.kind = TY_STRUCT, .fields = fields, .nfields = nfields};
	return intern(&k);
}

static int
cmp_method(const void *a, const void *b)
{
	const Field *x = a, *y = b;
	return strcmp(x->name->name, y->name->name);
}

// type_interface returns the interned interface with these methods (sorted here by
// name; the caller has already flattened embedded interfaces).
Type *
type_interface(Field *methods, int nmethods)
{
	Field *m = NEWARR(perm, Field, nmethods > 0 ? nmethods : 1);
	if (nmethods)
		memcpy(m, methods, sizeof(Field) * (size_t)nmethods);
	qsort(m, (size_t)nmethods, sizeof(Field), cmp_method);
	Key k = {.kind = TY_INTERFACE, .fields = m, .nfields = nmethods};
	return intern(&k);
}

// type_tuple returns the interned tuple of n element types (the results of a call).
Type *
type_tuple(Field *elems, int n)
{
	Key k = {.kind = TY_TUPLE, .fields = elems, .nfields = n};
	return intern(&k);
}

// type_tuple_of returns the tuple of the types of vars.
Type *
type_tuple_of(ObjList *vars)
{
	Field *f = NEWARR(perm, Field, vars->len + 1);
	for (int i = 0; i < vars->len; i++)
		f[i].type = vars->v[i]->type;
	return type_tuple(f, vars->len);
}

// type_named returns a new defined type named by obj; its kind is TY_INVALID and under
// is NULL until the checker sets the underlying type.
Type *
type_named(Obj *obj)
{
	Type *t = new_type(TY_INVALID);
	t->obj = obj;
	t->under = NULL;
	t->incomplete = true;
	return t;
}

// type_set_underlying completes the defined type t with underlying type u.
void
type_set_underlying(Type *t, Type *u)
{
	Type *uu = type_under(u);
	if (!uu || uu == t)
		uu = ty_invalid;
	t->under = uu;
	t->kind = uu->kind;
	t->elem = uu->elem;
	t->key = uu->key;
	t->len = uu->len;
	t->dir = uu->dir;
	t->fields = uu->fields;
	t->results = uu->results;
	t->variadic = uu->variadic;
	t->incomplete = false;
}

// types_init creates the predeclared types. Requires: nothing. Call once.
void
types_init(void)
{
	if (ty_bool)
		return;
	ty_invalid = basic(TY_INVALID, 8);
	ty_bool = basic(TY_BOOL, 1);
	ty_int = basic(TY_INT, 8);
	ty_int8 = basic(TY_INT8, 1);
	ty_int16 = basic(TY_INT16, 2);
	ty_int32 = basic(TY_INT32, 4);
	ty_int64 = basic(TY_INT64, 8);
	ty_uint = basic(TY_UINT, 8);
	ty_uint8 = basic(TY_UINT8, 1);
	ty_uint16 = basic(TY_UINT16, 2);
	ty_uint32 = basic(TY_UINT32, 4);
	ty_uint64 = basic(TY_UINT64, 8);
	ty_uintptr = basic(TY_UINTPTR, 8);
	ty_float32 = basic(TY_FLOAT32, 4);
	ty_float64 = basic(TY_FLOAT64, 8);
	ty_complex64 = basic(TY_COMPLEX64, 8);
	ty_complex128 = basic(TY_COMPLEX128, 16);
	ty_string = basic(TY_STRING, 16);
	ty_unsafeptr = basic(TY_UNSAFEPTR, 8);
	ty_untyped_bool = basic(TY_UNTYPED_BOOL, 1);
	ty_untyped_int = basic(TY_UNTYPED_INT, 8);
	ty_untyped_rune = basic(TY_UNTYPED_RUNE, 4);
	ty_untyped_float = basic(TY_UNTYPED_FLOAT, 8);
	ty_untyped_complex = basic(TY_UNTYPED_COMPLEX, 16);
	ty_untyped_string = basic(TY_UNTYPED_STRING, 16);
	ty_untyped_nil = basic(TY_UNTYPED_NIL, 8);
	ty_any = type_interface(NULL, 0);
	universe_init();
}

// ---- predicates ----

// type_under returns the underlying type of t (t itself for unnamed types).
Type *
type_under(Type *t)
{
	if (!t)
		return ty_invalid;
	if (t->under)
		return t->under;
	return ty_invalid;
}

// type_identical reports whether a and b are identical types (pointer equality, since
// unnamed types are interned; invalid is identical to everything to stop cascades).
bool
type_identical(Type *a, Type *b)
{
	return a == b;
}

static TypeKind
ukind(Type *t)
{
	return t ? type_under(t)->kind : TY_INVALID;
}

bool
type_is_integer(Type *t)
{
	TypeKind k = ukind(t);
	return (k >= TY_INT && k <= TY_UINTPTR) || k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE;
}

bool
type_is_unsigned(Type *t)
{
	TypeKind k = ukind(t);
	return k >= TY_UINT && k <= TY_UINTPTR;
}

bool
type_is_float(Type *t)
{
	TypeKind k = ukind(t);
	return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT;
}

bool
type_is_complex(Type *t)
{
	TypeKind k = ukind(t);
	return k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX;
}

bool
type_is_numeric(Type *t)
{
	return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}

bool
type_is_string(Type *t)
{
	TypeKind k = ukind(t);
	return k == TY_STRING || k == TY_UNTYPED_STRING;
}

bool
type_is_boolean(Type *t)
{
	TypeKind k = ukind(t);
	return k == TY_BOOL || k == TY_UNTYPED_BOOL;
}

bool
type_is_untyped(Type *t)
{
	TypeKind k = t ? t->kind : TY_INVALID;
	return k >= TY_UNTYPED_BOOL && k <= TY_UNTYPED_NIL && !t->obj;
}

bool
type_is_pointer(Type *t)
{
	TypeKind k = ukind(t);
	return k == TY_POINTER || k == TY_UNSAFEPTR;
}

bool
type_is_interface(Type *t)
{
	return ukind(t) == TY_INTERFACE;
}

static bool
comparable_depth(Type *t, int depth)
{
	Type *u = type_under(t);
	if (depth > 100)
		return true;
	switch (u->kind) {
	case TY_SLICE:
	case TY_MAP:
	case TY_FUNC:
	case TY_TUPLE:
		return false;
	case TY_ARRAY:
		return comparable_depth(u->elem, depth + 1);
	case TY_STRUCT:
		for (int i = 0; i < u->fields.len; i++)
			if (!comparable_depth(u->fields.v[i].type, depth + 1))
				return false;
		return true;
	default:
		return true;
	}
}

// type_is_comparable reports whether == is defined on values of t.
bool
type_is_comparable(Type *t)
{
	return comparable_depth(t, 0);
}

// type_is_ordered reports whether < is defined on values of t.
bool
type_is_ordered(Type *t)
{
	return (type_is_integer(t) || type_is_float(t) || type_is_string(t));
}

// type_has_pointers reports whether values of t contain pointers the collector must see.
bool
type_has_pointers(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_POINTER:
	case TY_UNSAFEPTR:
	case TY_SLICE:
	case TY_STRING:
	case TY_MAP:
	case TY_CHAN:
	case TY_FUNC:
	case TY_INTERFACE:
	case TY_UNTYPED_STRING:
	case TY_UNTYPED_NIL:
		return true;
	case TY_ARRAY:
		return u->len > 0 && u->elem != t && type_has_pointers(u->elem);
	case TY_STRUCT:
	case TY_TUPLE:
		for (int i = 0; i < u->fields.len; i++)
			if (u->fields.v[i].type != t && type_has_pointers(u->fields.v[i].type))
				return true;
		return false;
	default:
		return false;
	}
}

// type_default returns the default type of an untyped constant kind, t otherwise.
Type *
type_default(Type *t)
{
	if (!t)
		return ty_invalid;
	switch (t->kind) {
	case TY_UNTYPED_BOOL:
		return t->obj ? t : ty_bool;
	case TY_UNTYPED_INT:
		return ty_int;
	case TY_UNTYPED_RUNE:
		return ty_int32;
	case TY_UNTYPED_FLOAT:
		return ty_float64;
	case TY_UNTYPED_COMPLEX:
		return ty_complex128;
	case TY_UNTYPED_STRING:
		return ty_string;
	default:
		return t;
	}
}

// ---- layout ----

static int64_t
round_up(int64_t x, int64_t a)
{
	return a > 1 ? (x + a - 1) / a * a : x;
}

static void
layout(Type *t)
{
	if (t->size >= 0)
		return;
	Type *u = type_under(t);
	if (u != t) {
		if (u->size < 0) {
			if (t->incomplete || u == ty_invalid) {
				t->size = 8;
				t->align = 8;
				return;
			}
			t->size = -2; // in progress: a recursive type through values
			layout(u);
		}
		t->size = u->size;
		t->align = u->align;
		t->fields = u->fields; // share the array, so offsets are visible through t
		return;
	}
	if (t->size == -2) {
		t->size = 8;
		t->align = 8;
		return;
	}
	t->size = -2;
	switch (t->kind) {
	case TY_POINTER:
	case TY_MAP:
	case TY_CHAN:
	case TY_FUNC:
		t->size = 8;
		t->align = 8;
		break;
	case TY_SLICE:
		t->size = 24;
		t->align = 8;
		break;
	case TY_INTERFACE:
		t->size = 16;
		t->align = 8;
		break;
	case TY_ARRAY: {
		int64_t es = type_size(t->elem);
		t->align = type_align(t->elem);
		if (t->len > 0 && es > 0 && t->len > INT64_MAX / es)
			t->size = INT64_MAX;
		else
			t->size = es * t->len;
		break;
	}
	case TY_STRUCT:
	case TY_TUPLE: {
		int64_t off = 0, al = 1;
		for (int i = 0; i < t->fields.len; i++) {
			Field *f = &t->fields.v[i];
			int64_t fa = type_align(f->type), fs = type_size(f->type);
			off = round_up(off, fa);
			f->offset = off;
			off += fs;
			if (fa > al)
				al = fa;
		}
		if (t->fields.len > 0 && off > 0 &&
		    type_size(t->fields.v[t->fields.len - 1].type) == 0)
			off++;
		t->align = al;
		t->size = round_up(off, al);
		break;
	}
	default:
		t->size = 8;
		t->align = 8;
		break;
	}
}

// type_size returns the size of t in bytes on amd64.
int64_t
type_size(Type *t)
{
	if (!t)
		return 0;
	layout(t);
	return t->size;
}

// type_align returns the alignment of t in bytes on amd64.
int64_t
type_align(Type *t)
{
	if (!t)
		return 1;
	layout(t);
	return t->align < 1 ? 1 : t->align;
}

// type_layout_all computes size, alignment and field offsets of every type created so
// far. Requires: all named types complete.
void
type_layout_all(void)
{
	for (int i = 0; i < all_types.len; i++)
		layout(all_types.v[i]);
}
