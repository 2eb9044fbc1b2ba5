// cgtype.c: frontend Types -> LLVM types, and the runtime type descriptors (RtType of
// runtime/rt.h) that heap allocation, interfaces and the collector need.
//
// Layout: Go's amd64 layout is "each field at the next multiple of its alignment, size
// rounded up to the largest alignment", which is exactly LLVM's natural (non-packed)
// struct layout given that every Go type's alignment equals its LLVM type's ABI alignment
// (i64/double/ptr 8, i32/float 4, ..., aggregates the max of their members). The one
// difference is Go's extra byte after a trailing zero-size field; cg_type appends explicit
// [n x i8] tail padding when type_size says the Go struct is larger, so Go field index i
// is always LLVM element i. cg_type checks every offset against Field.offset and reports
// an internal error on a mismatch.
//
// Descriptors: one constant global "type:T" per Go type (unnamed types are interned by
// the frontend, so one Type pointer per type), created before its initialiser is built so
// recursive types (type L struct{ next *L }) terminate. int and string use the runtime's
// own rt_type_int / rt_type_string so that values boxed by the runtime and by generated
// code compare equal. The pointer bitmap has one bit per word of the ptrdata prefix.
//
// Caches: Type.cg points to a TypeCache stamped with the compilation number, so a stale
// LLVMTypeRef from an earlier context is never reused. Type.desc is set to the global.
#include <stdio.h>
#include <string.h>

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "frontend/frontend.h"
#include "runtime/rt.h"

enum { MAX_BITMAP_WORDS = 1 << 28 }; // largest pointer bitmap emitted (2 GB of pointer data)

typedef struct TypeCache {
	unsigned gen;      // Cg.gen this entry belongs to
	LLVMTypeRef ll;    // LLVM value type, or NULL
	LLVMValueRef desc; // descriptor global, or NULL
} TypeCache;

static TypeCache *
cache_of(Cg *c, Type *t)
{
	TypeCache *tc = t->cg;
	if (!tc) {
		tc = NEW(perm, TypeCache);
		t->cg = tc;
	}
	if (tc->gen != c->gen) {
		tc->gen = c->gen;
		tc->ll = NULL;
		tc->desc = NULL;
	}
	return tc;
}

// cg_types_init creates the common LLVM types of the compilation.
void
cg_types_init(Cg *c)
{
	c->t_void = LLVMVoidTypeInContext(c->ctx);
	c->t_i1 = LLVMInt1TypeInContext(c->ctx);
	c->t_i8 = LLVMInt8TypeInContext(c->ctx);
	c->t_i16 = LLVMInt16TypeInContext(c->ctx);
	c->t_i32 = LLVMInt32TypeInContext(c->ctx);
	c->t_i64 = LLVMInt64TypeInContext(c->ctx);
	c->t_f32 = LLVMFloatTypeInContext(c->ctx);
	c->t_f64 = LLVMDoubleTypeInContext(c->ctx);
	c->t_ptr = LLVMPointerTypeInContext(c->ctx, 0);
	LLVMTypeRef s[3] = {c->t_ptr, c->t_i64, c->t_i64};
	c->t_str = LLVMStructTypeInContext(c->ctx, s, 2, false);
	c->t_slice = LLVMStructTypeInContext(c->ctx, s, 3, false);
	LLVMTypeRef ii[2] = {c->t_ptr, c->t_ptr};
	c->t_iface = LLVMStructTypeInContext(c->ctx, ii, 2, false);
	// RtType: size, ptrdata, hash, kind, align, flags, gcdata, name, elem, key, len,
	// nfields, fields
	LLVMTypeRef rt[13] = {c->t_i64, c->t_i64, c->t_i32, c->t_i8, c->t_i8, c->t_i16,
			      c->t_ptr, c->t_ptr, c->t_ptr, c->t_ptr, c->t_i64, c->t_i32,
			      c->t_ptr};
	c->t_rttype = LLVMStructCreateNamed(c->ctx, "RtType");
	LLVMStructSetBody(c->t_rttype, rt, 13, false);
	LLVMTypeRef rf[4] = {c->t_ptr, c->t_ptr, c->t_i64, c->t_i8};
	c->t_rtfield = LLVMStructCreateNamed(c->ctx, "RtField");
	LLVMStructSetBody(c->t_rtfield, rf, 4, false);
}

// cg_is_signed reports whether t is a signed integer type.
bool
cg_is_signed(Type *t)
{
	switch (t->kind) {
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
	case TY_UNTYPED_INT: case TY_UNTYPED_RUNE:
		return true;
	default:
		return false;
	}
}

static LLVMTypeRef
struct_type(Cg *c, Type *t)
{
	Type *u = type_under(t);
	int n = u->fields.len;
	LLVMTypeRef *elts = NEWARR(c->arena, LLVMTypeRef, n + 1);
	for (int i = 0; i < n; i++)
		elts[i] = cg_type(c, u->fields.v[i].type);
	LLVMTypeRef st = LLVMStructTypeInContext(c->ctx, elts, (unsigned)n, false);
	if (t->kind == TY_TUPLE)
		return st; // results only: the same type as cg_restype's, never in Go memory
	int64_t gosize = type_size(t);
	int64_t llsize = (int64_t)LLVMABISizeOfType(c->td, st);
	if (llsize < gosize) {
		elts[n] = LLVMArrayType2(c->t_i8, (uint64_t)(gosize - llsize));
		st = LLVMStructTypeInContext(c->ctx, elts, (unsigned)n + 1, false);
		llsize = (int64_t)LLVMABISizeOfType(c->td, st);
	}
	if (llsize != gosize)
		fatal_at(t->obj ? t->obj->pos : (Pos){0}, "codegen: layout of %s: %lld bytes, "
			 "LLVM says %lld", type_string(t), (long long)gosize, (long long)llsize);
	for (int i = 0; i < n; i++) {
		int64_t off = (int64_t)LLVMOffsetOfElement(c->td, st, (unsigned)i);
		if (off != u->fields.v[i].offset)
			fatal_at(t->obj ? t->obj->pos : (Pos){0},
				 "codegen: layout of %s: field %d at %lld, LLVM says %lld",
				 type_string(t), i, (long long)u->fields.v[i].offset,
				 (long long)off);
	}
	return st;
}

// cg_type returns the LLVM type of Go values of type t (see codegen.h for the layouts).
LLVMTypeRef
cg_type(Cg *c, Type *t)
{
	if (!t)
		return c->t_void;
	TypeCache *tc = cache_of(c, t);
	if (tc->ll)
		return tc->ll;
	LLVMTypeRef ll = NULL;
	Type *u = type_under(t);
	switch (t->kind) {
	case TY_BOOL: case TY_UNTYPED_BOOL:
	case TY_INT8: case TY_UINT8:
		ll = c->t_i8;
		break;
	case TY_INT16: case TY_UINT16:
		ll = c->t_i16;
		break;
	case TY_INT32: case TY_UINT32: case TY_UNTYPED_RUNE:
		ll = c->t_i32;
		break;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR:
	case TY_UNTYPED_INT:
		ll = c->t_i64;
		break;
	case TY_FLOAT32:
		ll = c->t_f32;
		break;
	case TY_FLOAT64: case TY_UNTYPED_FLOAT:
		ll = c->t_f64;
		break;
	case TY_COMPLEX64: {
		LLVMTypeRef ff[2] = {c->t_f32, c->t_f32};
		ll = LLVMStructTypeInContext(c->ctx, ff, 2, false);
		break;
	}
	case TY_COMPLEX128: case TY_UNTYPED_COMPLEX: {
		LLVMTypeRef dd[2] = {c->t_f64, c->t_f64};
		ll = LLVMStructTypeInContext(c->ctx, dd, 2, false);
		break;
	}
	case TY_STRING: case TY_UNTYPED_STRING:
		ll = c->t_str;
		break;
	case TY_UNSAFEPTR: case TY_UNTYPED_NIL: case TY_POINTER: case TY_MAP: case TY_CHAN:
	case TY_FUNC:
	case TY_INVALID: // 8 bytes in the frontend's layout; only left by checker bugs
		ll = c->t_ptr;
		break;
	case TY_SLICE:
		ll = c->t_slice;
		break;
	case TY_INTERFACE:
		ll = c->t_iface;
		break;
	case TY_ARRAY:
		// zero-size arrays get no elements: [1e9 x [0 x ptr]] would make LLVM expand
		// a billion empty elements
		ll = LLVMArrayType2(cg_type(c, u->elem),
				    type_size(t) == 0 ? 0 : (uint64_t)u->len);
		break;
	case TY_STRUCT: case TY_TUPLE:
		ll = struct_type(c, t);
		break;
	default:
		fatal_at((Pos){0}, "codegen: no LLVM type for %s", type_string(t));
	}
	tc = cache_of(c, t); // struct_type may have grown the cache of other types only
	tc->ll = ll;
	return ll;
}

// cg_restype returns the LLVM result type of func type fn: void, the single result, or
// an anonymous struct of the results.
LLVMTypeRef
cg_restype(Cg *c, Type *fn)
{
	Type *u = fn ? type_under(fn) : NULL;
	if (!u || u->results.len == 0)
		return c->t_void;
	if (u->results.len == 1)
		return cg_type(c, u->results.v[0].type);
	LLVMTypeRef *elts = NEWARR(c->arena, LLVMTypeRef, u->results.len);
	for (int i = 0; i < u->results.len; i++)
		elts[i] = cg_type(c, u->results.v[i].type);
	return LLVMStructTypeInContext(c->ctx, elts, (unsigned)u->results.len, false);
}

// cg_byref reports whether Go values of type t are big: arrays, structs and result tuples
// of more than CG_BIG bytes. Big values cross Go-to-Go calls by reference (codegen.h) and
// are kept in memory inside functions where their uses allow (cgfunc.c).
bool
cg_byref(Cg *c, Type *t)
{
	if (!t)
		return false;
	Type *u = type_under(t);
	if (u->kind != TY_ARRAY && u->kind != TY_STRUCT && u->kind != TY_TUPLE)
		return false;
	return cg_sizeof(c, t) > CG_BIG;
}

// cg_sizeof returns the size in bytes of the LLVM type of t (Go's size; for a result
// tuple the size of its anonymous struct).
int64_t
cg_sizeof(Cg *c, Type *t)
{
	return (int64_t)LLVMABISizeOfType(c->td, cg_type(c, t));
}

// cg_alignof returns the alignment of values of type t in memory.
int64_t
cg_alignof(Cg *c, Type *t)
{
	if (type_under(t)->kind == TY_TUPLE)
		return (int64_t)LLVMABIAlignmentOfType(c->td, cg_type(c, t));
	return type_align(t);
}

// cg_sret reports whether functions of type fn return their results through a hidden
// last pointer parameter (the results are big, see cg_byref).
bool
cg_sret(Cg *c, Type *fn)
{
	Type *u = fn ? type_under(fn) : NULL;
	if (!u || u->results.len == 0)
		return false;
	if (u->results.len == 1)
		return cg_byref(c, u->results.v[0].type);
	return (int64_t)LLVMABISizeOfType(c->td, cg_restype(c, fn)) > CG_BIG;
}

// cg_functype returns the LLVM function type of a Go function of signature fn, with the
// receiver recv (or NULL) first and, when context is set, a leading closure pointer. Big
// parameters (cg_byref) are pointers; big results (cg_sret) come back through a trailing
// pointer parameter and the function returns void.
LLVMTypeRef
cg_functype(Cg *c, Type *fn, Type *recv, bool context)
{
	Type *u = type_under(fn);
	int n = u->fields.len + (recv != NULL) + context + 1;
	LLVMTypeRef *ps = NEWARR(c->arena, LLVMTypeRef, n + 1);
	int k = 0;
	if (context)
		ps[k++] = c->t_ptr;
	if (recv)
		ps[k++] = cg_byref(c, recv) ? c->t_ptr : cg_type(c, recv);
	for (int i = 0; i < u->fields.len; i++) {
		Type *pt = u->fields.v[i].type;
		ps[k++] = cg_byref(c, pt) ? c->t_ptr : cg_type(c, pt);
	}
	if (cg_sret(c, fn)) {
		ps[k++] = c->t_ptr;
		return LLVMFunctionType(c->t_void, ps, (unsigned)k, false);
	}
	return LLVMFunctionType(cg_restype(c, fn), ps, (unsigned)k, false);
}

// cg_is_direct reports whether values of t are pointer-shaped, so that an interface holds
// them directly in its data word (Go's isdirectiface).
bool
cg_is_direct(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR:
		return true;
	case TY_ARRAY:
		return u->len == 1 && cg_is_direct(u->elem);
	case TY_STRUCT:
		return u->fields.len == 1 && cg_is_direct(u->fields.v[0].type);
	default:
		return false;
	}
}

// ---- pointer bitmaps ----

static int64_t
ptrdata(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR:
	case TY_STRING: case TY_SLICE:
		return 8;
	case TY_INTERFACE:
		return 16;
	case TY_ARRAY:
		if (u->len == 0 || !type_has_pointers(u->elem) || type_size(u->elem) == 0)
			return 0;
		return (u->len - 1) * type_size(u->elem) + ptrdata(u->elem);
	case TY_STRUCT: case TY_TUPLE: {
		int64_t pd = 0;
		for (int i = 0; i < u->fields.len; i++) {
			int64_t fp = ptrdata(u->fields.v[i].type);
			if (fp > 0)
				pd = u->fields.v[i].offset + fp;
		}
		return pd;
	}
	default:
		return 0;
	}
}

// cg_ptrmask sets, in mask, the bit of every word of a value of type t placed at byte
// offset off that holds a pointer. Example: struct{ a int; s string } at 0 sets bit 1.
void
cg_ptrmask(Type *t, int64_t off, uint8_t *mask)
{
	Type *u = type_under(t);
	int64_t w = off / 8;
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR:
	case TY_STRING: case TY_SLICE:
		mask[w / 8] |= (uint8_t)(1u << (w % 8));
		break;
	case TY_INTERFACE:
		mask[w / 8] |= (uint8_t)(1u << (w % 8));
		mask[(w + 1) / 8] |= (uint8_t)(1u << ((w + 1) % 8));
		break;
	case TY_ARRAY:
		if (!type_has_pointers(u->elem) || type_size(u->elem) == 0)
			break;
		for (int64_t i = 0; i < u->len; i++)
			cg_ptrmask(u->elem, off + i * type_size(u->elem), mask);
		break;
	case TY_STRUCT: case TY_TUPLE:
		for (int i = 0; i < u->fields.len; i++)
			cg_ptrmask(u->fields.v[i].type, off + u->fields.v[i].offset, mask);
		break;
	default:
		break;
	}
}

// ---- type names as reflect prints them (%T) ----


static void rtname(StrBuf *b, Type *t, int depth);

static void
rtparams(StrBuf *b, FieldList *fl, bool variadic, int depth)
{
	sb_put(b, "(");
	for (int i = 0; i < fl->len; i++) {
		if (i > 0)
			sb_put(b, ", ");
		if (variadic && i == fl->len - 1) {
			sb_put(b, "...");
			rtname(b, type_under(fl->v[i].type)->elem, depth + 1);
		} else {
			rtname(b, fl->v[i].type, depth + 1);
		}
	}
	sb_put(b, ")");
}

static void
rtname(StrBuf *b, Type *t, int depth)
{
	char num[32];
	if (depth > 50) {
		sb_put(b, "...");
		return;
	}
	if (t->obj && t->obj->name) {
		if (t->obj->pkg && t->obj->pkg->name) {
			sb_put(b, t->obj->pkg->name->name);
			sb_put(b, ".");
		}
		sb_put(b, t->obj->name->name);
		return;
	}
	switch (t->kind) {
	case TY_POINTER:
		sb_put(b, "*");
		rtname(b, t->elem, depth + 1);
		break;
	case TY_SLICE:
		sb_put(b, "[]");
		rtname(b, t->elem, depth + 1);
		break;
	case TY_ARRAY:
		snprintf(num, sizeof num, "[%lld]", (long long)t->len);
		sb_put(b, num);
		rtname(b, t->elem, depth + 1);
		break;
	case TY_MAP:
		sb_put(b, "map[");
		rtname(b, t->key, depth + 1);
		sb_put(b, "]");
		rtname(b, t->elem, depth + 1);
		break;
	case TY_CHAN:
		sb_put(b, t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
		rtname(b, t->elem, depth + 1);
		break;
	case TY_FUNC:
		sb_put(b, "func");
		rtparams(b, &t->fields, t->variadic, depth);
		if (t->results.len == 1) {
			sb_put(b, " ");
			rtname(b, t->results.v[0].type, depth + 1);
		} else if (t->results.len > 1) {
			sb_put(b, " ");
			rtparams(b, &t->results, false, depth);
		}
		break;
	case TY_STRUCT:
		if (t->fields.len == 0) {
			sb_put(b, "struct {}");
			break;
		}
		sb_put(b, "struct { ");
		for (int i = 0; i < t->fields.len; i++) {
			Field *f = &t->fields.v[i];
			if (i > 0)
				sb_put(b, "; ");
			if (!f->embedded && f->name) {
				sb_put(b, f->name->name);
				sb_put(b, " ");
			}
			rtname(b, f->type, depth + 1);
		}
		sb_put(b, " }");
		break;
	case TY_INTERFACE:
		if (t->fields.len == 0) {
			sb_put(b, "interface {}");
			break;
		}
		sb_put(b, "interface { ");
		for (int i = 0; i < t->fields.len; i++) {
			Field *f = &t->fields.v[i];
			if (i > 0)
				sb_put(b, "; ");
			sb_put(b, f->name ? f->name->name : "?");
			Type *ft = type_under(f->type);
			rtparams(b, &ft->fields, ft->variadic, depth);
			if (ft->results.len == 1) {
				sb_put(b, " ");
				rtname(b, ft->results.v[0].type, depth + 1);
			} else if (ft->results.len > 1) {
				sb_put(b, " ");
				rtparams(b, &ft->results, false, depth);
			}
		}
		sb_put(b, " }");
		break;
	case TY_TUPLE:
		rtparams(b, &t->fields, false, depth);
		break;
	default:
		sb_put(b, type_string(t));
		break;
	}
}

static const char *
rt_type_name(Type *t)
{
	StrBuf b = {0};
	rtname(&b, t, 0);
	return sb_str(&b);
}

// cg_type_name returns t as %T prints it ("main.T", "[]string", "func(int) error").
const char *
cg_type_name(Type *t)
{
	return rt_type_name(t);
}

// ---- descriptors ----

static uint8_t
rt_kind(Type *t)
{
	static const uint8_t kinds[TY_COUNT] = {
		[TY_BOOL] = RT_KIND_BOOL, [TY_INT] = RT_KIND_INT, [TY_INT8] = RT_KIND_INT8,
		[TY_INT16] = RT_KIND_INT16, [TY_INT32] = RT_KIND_INT32,
		[TY_INT64] = RT_KIND_INT64, [TY_UINT] = RT_KIND_UINT,
		[TY_UINT8] = RT_KIND_UINT8, [TY_UINT16] = RT_KIND_UINT16,
		[TY_UINT32] = RT_KIND_UINT32, [TY_UINT64] = RT_KIND_UINT64,
		[TY_UINTPTR] = RT_KIND_UINTPTR, [TY_FLOAT32] = RT_KIND_FLOAT32,
		[TY_FLOAT64] = RT_KIND_FLOAT64, [TY_COMPLEX64] = RT_KIND_COMPLEX64,
		[TY_COMPLEX128] = RT_KIND_COMPLEX128, [TY_STRING] = RT_KIND_STRING,
		[TY_UNSAFEPTR] = RT_KIND_UNSAFEPOINTER, [TY_POINTER] = RT_KIND_POINTER,
		[TY_ARRAY] = RT_KIND_ARRAY, [TY_SLICE] = RT_KIND_SLICE,
		[TY_STRUCT] = RT_KIND_STRUCT, [TY_FUNC] = RT_KIND_FUNC,
		[TY_INTERFACE] = RT_KIND_INTERFACE, [TY_MAP] = RT_KIND_MAP,
		[TY_CHAN] = RT_KIND_CHAN, [TY_TUPLE] = RT_KIND_STRUCT,
	};
	return kinds[t->kind];
}

static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (uint8_t)*s;
		h *= 16777619u;
	}
	return h;
}

// cstring returns a private constant NUL-terminated copy of s.
static LLVMValueRef
cstring(Cg *c, const char *s, const char *name)
{
	LLVMValueRef init = LLVMConstStringInContext2(c->ctx, s, strlen(s), false);
	LLVMValueRef g = LLVMAddGlobal(c->mod, LLVMTypeOf(init), name);
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

static LLVMValueRef
bitmap_global(Cg *c, const uint8_t *mask, int64_t nbytes)
{
	// a data array, not one constant per byte: big types have megabytes of bitmap
	LLVMValueRef init = LLVMConstStringInContext2(c->ctx, (const char *)mask, (size_t)nbytes,
						      true);
	LLVMValueRef g = LLVMAddGlobal(c->mod, LLVMTypeOf(init), "gcbits");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

static LLVMValueRef
desc_init(Cg *c, int64_t size, int64_t pdata, uint32_t hash, uint8_t kind, int64_t align,
	  uint16_t flags, LLVMValueRef gcdata, LLVMValueRef name, LLVMValueRef elem,
	  LLVMValueRef key, int64_t len, int64_t nfields, LLVMValueRef fields)
{
	LLVMValueRef null = LLVMConstNull(c->t_ptr);
	LLVMValueRef f[13] = {
		LLVMConstInt(c->t_i64, (uint64_t)size, false),
		LLVMConstInt(c->t_i64, (uint64_t)pdata, false),
		LLVMConstInt(c->t_i32, hash, false),
		LLVMConstInt(c->t_i8, kind, false),
		LLVMConstInt(c->t_i8, (uint64_t)align, false),
		LLVMConstInt(c->t_i16, flags, false),
		gcdata ? gcdata : null,
		name ? name : null,
		elem ? elem : null,
		key ? key : null,
		LLVMConstInt(c->t_i64, (uint64_t)len, false),
		LLVMConstInt(c->t_i32, (uint64_t)nfields, false),
		fields ? fields : null,
	};
	return LLVMConstNamedStruct(c->t_rttype, f, 13);
}

static LLVMValueRef
new_desc_global(Cg *c, const char *name)
{
	LLVMValueRef g = LLVMAddGlobal(c->mod, c->t_rttype, arena_sprintf(c->arena, "type:%s",
									    name));
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetAlignment(g, 8);
	return g;
}

// cg_rawdesc returns a new descriptor for a synthetic object (a closure, a stack frame
// record) of the given size and alignment whose pointer words are the set bits of ptrmask
// (nwords words described).
LLVMValueRef
cg_rawdesc(Cg *c, const char *name, int64_t size, int64_t align, const uint8_t *ptrmask,
	   int64_t nwords)
{
	int64_t last = -1;
	for (int64_t i = 0; i < nwords; i++)
		if (ptrmask[i / 8] & (1u << (i % 8)))
			last = i;
	int64_t pd = (last + 1) * 8;
	LLVMValueRef g = new_desc_global(c, name);
	LLVMValueRef bits = pd ? bitmap_global(c, ptrmask, (last + 8) / 8) : NULL;
	LLVMSetInitializer(g, desc_init(c, size, pd, fnv1a(name), RT_KIND_STRUCT, align, 0,
					bits, cstring(c, name, "typename"), NULL, NULL, 0, 0,
					NULL));
	return g;
}

// is_std_named reports whether t is a defined type of a std package (any package but
// main).
static bool
is_std_named(Type *t)
{
	return t && t->obj && t->obj->pkg && t->obj->pkg->path && t->obj->kind == OBJ_TYPE &&
	       strcmp(t->obj->pkg->path, "main") != 0;
}

// rt_defines_desc: the runtime always defines the descriptor of the std type named name
// (runtime/std_time.c: time.Duration, whose String fmt must find even in a program that
// calls nothing else of package time).
static bool
rt_defines_desc(const char *name)
{
	return strcmp(name, "time.Duration") == 0;
}

// cg_typedesc returns the descriptor global of Go type t (created on first use).
LLVMValueRef
cg_typedesc(Cg *c, Type *t)
{
	TypeCache *tc = cache_of(c, t);
	if (tc->desc)
		return tc->desc;
	if (t == ty_int || t == ty_string) {
		const char *rn = t == ty_int ? "rt_type_int" : "rt_type_string";
		LLVMValueRef g = LLVMGetNamedGlobal(c->mod, rn);
		if (!g) {
			g = LLVMAddGlobal(c->mod, c->t_rttype, rn);
			LLVMSetGlobalConstant(g, true);
		}
		tc->desc = g;
		t->desc = g;
		return g;
	}
	const char *name = rt_type_name(t);
	if (rt_defines_desc(name)) {
		// the runtime's own descriptor (its method table): a reference, so that the
		// linker always takes the runtime file that defines it
		LLVMValueRef g = LLVMAddGlobal(c->mod, c->t_rttype,
					       arena_sprintf(c->arena, "type:%s", name));
		LLVMSetGlobalConstant(g, true);
		tc->desc = g;
		t->desc = g;
		return g;
	}
	LLVMTypeRef ext = cg_desc_ext_type(c, t); // method tables (cgiface.c)
	LLVMValueRef g;
	if (ext) {
		g = LLVMAddGlobal(c->mod, ext, arena_sprintf(c->arena, "type:%s", name));
		LLVMSetGlobalConstant(g, true);
		LLVMSetLinkage(g, LLVMInternalLinkage);
		LLVMSetAlignment(g, 8);
	} else {
		g = new_desc_global(c, name);
	}
	tc->desc = g;
	t->desc = g;
	if (is_std_named(t) || (t->kind == TY_POINTER && is_std_named(t->elem))) {
		// The runtime may define this descriptor itself (*os.File, *strconv.NumError:
		// values it creates): a weak definition lets the linker take the runtime's, so
		// that both sides use one descriptor and type identity stays pointer equality.
		LLVMSetLinkage(g, LLVMWeakAnyLinkage);
	}

	Type *u = type_under(t);
	int64_t size = type_size(t), pd = ptrdata(t);
	LLVMValueRef bits = NULL;
	if (pd > (int64_t)MAX_BITMAP_WORDS * 8) {
		error_at(c->f ? c->f->pos : (Pos){0},
			 "not supported: type %s is too large (%lld bytes of pointers)",
			 type_string(t), (long long)pd);
		pd = 0;
	}
	if (pd > 0) {
		int64_t nwords = pd / 8;
		uint8_t *mask = NEWARR(c->arena, uint8_t, (nwords + 7) / 8 + 1);
		cg_ptrmask(t, 0, mask);
		bits = bitmap_global(c, mask, (nwords + 7) / 8);
	}
	uint16_t flags = 0;
	if (cg_is_direct(t))
		flags |= RT_FLAG_DIRECT;
	if (t->obj && t->obj->pkg)
		flags |= RT_FLAG_NAMED;
	if (ext)
		flags |= RT_FLAG_UNCOMMON;
	LLVMValueRef elem = NULL, key = NULL, fields = NULL;
	int64_t len = 0, nfields = 0;
	switch (u->kind) {
	case TY_POINTER: case TY_SLICE: case TY_CHAN:
		elem = cg_typedesc(c, u->elem);
		break;
	case TY_ARRAY:
		elem = cg_typedesc(c, u->elem);
		len = u->len;
		break;
	case TY_MAP:
		elem = cg_typedesc(c, u->elem);
		key = cg_typedesc(c, u->key);
		break;
	case TY_FUNC:
		// a function returning its results through a hidden pointer: their size, so
		// that the runtime can call it (finalizers) with room for them
		if (cg_sret(c, t))
			len = (int64_t)LLVMABISizeOfType(c->td, cg_restype(c, t));
		break;
	case TY_STRUCT: case TY_TUPLE: {
		nfields = u->fields.len;
		if (nfields == 0)
			break;
		LLVMValueRef *fs = NEWARR(c->arena, LLVMValueRef, nfields);
		for (int i = 0; i < nfields; i++) {
			Field *f = &u->fields.v[i];
			LLVMValueRef fv[4] = {
				cstring(c, f->name ? f->name->name : "", "fieldname"),
				cg_typedesc(c, f->type),
				LLVMConstInt(c->t_i64, (uint64_t)f->offset, false),
				LLVMConstInt(c->t_i8, f->embedded, false),
			};
			fs[i] = LLVMConstNamedStruct(c->t_rtfield, fv, 4);
		}
		LLVMValueRef arr = LLVMConstArray2(c->t_rtfield, fs, (uint64_t)nfields);
		fields = LLVMAddGlobal(c->mod, LLVMTypeOf(arr), "fields");
		LLVMSetInitializer(fields, arr);
		LLVMSetGlobalConstant(fields, true);
		LLVMSetLinkage(fields, LLVMPrivateLinkage);
		break;
	}
	default:
		break;
	}
	LLVMValueRef init = desc_init(c, size, pd, fnv1a(name), rt_kind(u), type_align(t), flags,
				      bits, cstring(c, name, "typename"), elem, key, len, nfields,
				      fields);
	LLVMSetInitializer(g, ext ? cg_desc_ext_init(c, t, ext, init) : init);
	return g;
}
