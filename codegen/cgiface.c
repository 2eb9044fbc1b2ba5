// cgiface.c: interfaces with methods. Layouts (runtime/rt.h): interface{} is an RtEface
// {type, data}; an interface with methods is an RtIface {itab, data}, where an itab is
// {inter, type, hash, pad, fun[n]} and fun[k] is the code of the dynamic type's method
// named like the interface's k-th method (methods sorted by name). Both forms are the
// LLVM type {ptr, ptr}; only the meaning of the first word differs, so the conversions
// between them happen here (CONV between interface types, MAKEIFACE's first word).
//
// Method sets (Go spec "Method sets", "Selectors"): the method set of a type T holds the
// value-receiver methods declared on T and those promoted from embedded fields (all
// methods of an embedded *E, value methods of an embedded E); that of *T adds the pointer
// methods. It is computed breadth-first by embedding depth: a shallower method hides a
// deeper one, two at the same depth cancel each other. Every entry gets an "ifn": the
// code an interface call runs, whose receiver is the interface's data word (a pointer to
// the boxed value, or the value itself for pointer-shaped types). A pointer method of *T
// called on *T is its own ifn; every other entry gets a wrapper "ifn:TYPE.METHOD" that
// walks the embedding path from the data word and calls the method with its declared
// receiver.
//
// Descriptors: types with a non-empty method set and interfaces with methods get gc's
// "uncommon" part (rt.h: RT_FLAG_UNCOMMON, methods / imethods). Itabs are emitted as
// constants "itab:T,I" when every method is found statically; otherwise the conversion
// asks the runtime (rt_getitab), which gives gc's missing-method panic.
//
// Invariants: a method's signature string is cg_type_name of its func type without
// receiver, for concrete and interface methods alike, so rt.h's "same sig string" rule
// matches identical signatures. Requires: every Go function declared (cg_declare_func)
// before the first descriptor is built. Shown by: gosub build -emit-llvm -O0 x.go.
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Core.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "frontend/frontend.h"
#include "runtime/rt.h"
#include "ssa/ssa.h"

// ---- state ----

typedef struct ItabEntry {
	Type *iface, *t;     // the pair
	LLVMValueRef itab;   // the constant itab, or NULL when some method is not static
} ItabEntry;

typedef struct IfaceState {
	VEC(ItabEntry) itabs;
	int recover;         // -1 unknown, 0/1: the program calls recover()
} IfaceState;

static IfaceState *
state(Cg *c)
{
	if (!c->iface) {
		IfaceState *s = NEW(c->arena, IfaceState);
		s->recover = -1;
		c->iface = s;
	}
	return c->iface;
}

static LLVMValueRef
i64c(Cg *c, int64_t x)
{
	return LLVMConstInt(c->t_i64, (uint64_t)x, true);
}

static LLVMValueRef
i32c(Cg *c, int64_t x)
{
	return LLVMConstInt(c->t_i32, (uint64_t)x, false);
}

// cg_iface_nonempty reports whether t is an interface type with methods ({itab, data}).
bool
cg_iface_nonempty(Type *t)
{
	Type *u = t ? type_under(t) : NULL;
	return u && u->kind == TY_INTERFACE && u->fields.len > 0;
}

static bool
uses_recover(Cg *c)
{
	IfaceState *s = state(c);
	if (s->recover < 0) {
		s->recover = 0;
		Package *p = c->prog->pkg;
		for (int i = 0; p && i < p->funcs.len; i++)
			if (p->funcs.v[i]->hasrecover)
				s->recover = 1;
	}
	return s->recover == 1;
}

static void
str_attr(Cg *c, LLVMValueRef fn, const char *k, const char *v)
{
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
				LLVMCreateStringAttribute(c->ctx, k, (unsigned)strlen(k), v,
							  (unsigned)strlen(v)));
}

// cg_func_attrs gives a Go function the attributes rt.h's defer rules need: a frame
// pointer and no tail calls, so recover() can identify its caller's frame.
void
cg_func_attrs(Cg *c, LLVMValueRef fn)
{
	str_attr(c, fn, "frame-pointer", "all");
	str_attr(c, fn, "disable-tail-calls", "true");
}

// ---- method sets ----

typedef struct MEntry {
	Obj *m;       // the method (OBJF_METHOD; m->recv is T or *T of the declaring type), or
	              // NULL for a method of an embedded interface
	Sym *name;    // the method's name
	Type *sig;    // its func type without receiver
	int index;    // m == NULL: the method's index in the embedded interface
	int path[8];  // embedded field indices from the boxed type down to the receiver
	int npath;
	int depth;
	bool dup;     // another method of this name at the same depth: not in the set
} MEntry;

typedef VEC(MEntry) MSet;

typedef struct Walk {
	Type *t;      // a type whose methods and embedded fields are examined
	bool addr;    // reached through a pointer: pointer methods are in the set
	int path[8];
	int npath;
} Walk;

typedef VEC(Walk) WalkList;

static bool
ptr_recv(Obj *m)
{
	return m->recv && type_under(m->recv)->kind == TY_POINTER;
}

static void
add_method(MSet *ms, Arena *a, Obj *m, Sym *name, Type *sig, int index, Walk *w, int depth)
{
	for (int i = 0; i < ms->len; i++) {
		if (ms->v[i].name != name)
			continue;
		if (ms->v[i].depth == depth)
			ms->v[i].dup = true;
		return;
	}
	MEntry e = {.m = m, .name = name, .sig = sig, .index = index, .npath = w->npath,
		    .depth = depth};
	memcpy(e.path, w->path, sizeof e.path);
	vec_push(a, *ms, e);
}

static int
cmp_entry(const void *a, const void *b)
{
	const MEntry *x = a, *y = b;
	return strcmp(x->name->name, y->name->name);
}

// method_set computes the method set of concrete type t, sorted by name.
static MSet
method_set(Cg *c, Type *t)
{
	MSet ms = {0};
	Type *u = type_under(t);
	if (!u || u->kind == TY_INTERFACE)
		return ms;
	WalkList level = {0}, next = {0};
	Walk w0 = {0};
	if (u->kind == TY_POINTER && !t->obj) {
		w0.t = u->elem;
		w0.addr = true;
		if (!w0.t || type_under(w0.t)->kind == TY_POINTER ||
		    type_under(w0.t)->kind == TY_INTERFACE)
			return ms;
	} else {
		w0.t = t;
	}
	vec_push(c->arena, level, w0);
	for (int depth = 0; depth < 6 && level.len > 0; depth++) {
		next.len = 0;
		for (int i = 0; i < level.len; i++) {
			Walk *w = &level.v[i];
			Type *x = w->t;
			for (int k = 0; x->obj && k < x->methods.len; k++) {
				Obj *m = x->methods.v[k];
				if (!m || !m->name || (ptr_recv(m) && !w->addr))
					continue;
				add_method(&ms, c->arena, m, m->name, m->type, -1, w, depth);
			}
			if (w->npath > 0 && type_under(x)->kind == TY_INTERFACE) {
				// an embedded interface: its methods, called through it
				Type *iu = type_under(x);
				for (int k = 0; k < iu->fields.len; k++)
					add_method(&ms, c->arena, NULL, iu->fields.v[k].name,
						   iu->fields.v[k].type, k, w, depth);
				continue;
			}
			Type *xu = type_under(x);
			if (xu->kind != TY_STRUCT || w->npath >= 8)
				continue;
			for (int k = 0; k < xu->fields.len; k++) {
				Field *f = &xu->fields.v[k];
				if (!f->embedded)
					continue;
				Walk nw = *w;
				nw.path[nw.npath++] = k;
				Type *fu = type_under(f->type);
				if (fu->kind == TY_POINTER && !f->type->obj) {
					nw.t = fu->elem;
					nw.addr = true;
				} else {
					nw.t = f->type;
				}
				if (type_under(nw.t)->kind == TY_INTERFACE && fu->kind == TY_POINTER)
					continue; // *I has no methods
				vec_push(c->arena, next, nw);
			}
		}
		WalkList tmp = level;
		level = next;
		next = tmp;
	}
	int k = 0;
	for (int i = 0; i < ms.len; i++)
		if (!ms.v[i].dup)
			ms.v[k++] = ms.v[i];
	ms.len = k;
	if (ms.len > 1)
		qsort(ms.v, (size_t)ms.len, sizeof(MEntry), cmp_entry);
	return ms;
}

// ---- values and words ----

// from_word rebuilds a value of pointer-shaped type t from an interface data word.
static LLVMValueRef
from_word(Cg *c, LLVMBuilderRef B, LLVMValueRef w, Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_ARRAY || u->kind == TY_STRUCT) {
		Type *et = u->kind == TY_ARRAY ? u->elem : u->fields.v[0].type;
		LLVMValueRef x = LLVMGetUndef(cg_type(c, t));
		return LLVMBuildInsertValue(B, x, from_word(c, B, w, et), 0, "");
	}
	return w;
}

// nil_panic branches to rt_panic_nil when p is nil (builder B inside function fn), or to
// rt_panicwrap(wrapmsg) when wrapmsg is not NULL.
static void
nil_panic(Cg *c, LLVMBuilderRef B, LLVMValueRef fn, LLVMValueRef p, const char *wrapmsg)
{
	LLVMValueRef isnil = LLVMBuildICmp(B, LLVMIntEQ, p, LLVMConstNull(c->t_ptr), "");
	LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(c->ctx, fn, "nil");
	LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(c->ctx, fn, "nonnil");
	LLVMBuildCondBr(B, isnil, bad, ok);
	LLVMPositionBuilderAtEnd(B, bad);
	if (wrapmsg) {
		LLVMValueRef msg = LLVMBuildGlobalStringPtr(B, wrapmsg, "panicwrap");
		LLVMValueRef pf = cg_rtfn(c, "rt_panicwrap", c->t_void, &c->t_ptr, 1);
		LLVMBuildCall2(B, LLVMGlobalGetValueType(pf), pf, &msg, 1, "");
	} else {
		LLVMValueRef pf = cg_rtfn(c, "rt_panic_nil", c->t_void, NULL, 0);
		LLVMBuildCall2(B, LLVMGlobalGetValueType(pf), pf, NULL, 0, "");
	}
	LLVMBuildUnreachable(B);
	LLVMPositionBuilderAtEnd(B, ok);
}

// panicwrap_msg is gc's panicwrap text for value method name of type t called through a
// nil *t: "value method main.T.F called using nil *T pointer".
static const char *
panicwrap_msg(Cg *c, Type *t, const char *name)
{
	const char *full = cg_type_name(t);
	const char *dot = strrchr(full, '.');
	return arena_sprintf(c->arena, "value method %s.%s called using nil *%s pointer", full,
			     name, dot ? dot + 1 : full);
}

// cg_wrapper_enter emits rt_wrapperenter(llvm.frameaddress(0)) at B when the program
// calls recover() (runtime/rt.h rule 4 for forwarding wrappers); nothing otherwise.
void
cg_wrapper_enter(Cg *c, LLVMBuilderRef B)
{
	if (!uses_recover(c))
		return;
	LLVMTypeRef ft = LLVMFunctionType(c->t_ptr, &c->t_i32, 1, false);
	LLVMValueRef fa = LLVMGetNamedFunction(c->mod, "llvm.frameaddress.p0");
	if (!fa)
		fa = LLVMAddFunction(c->mod, "llvm.frameaddress.p0", ft);
	LLVMValueRef zero = i32c(c, 0);
	LLVMValueRef fp = LLVMBuildCall2(B, ft, fa, &zero, 1, "fp");
	LLVMValueRef we = cg_rtfn(c, "rt_wrapperenter", c->t_void, &c->t_ptr, 1);
	LLVMBuildCall2(B, LLVMGlobalGetValueType(we), we, &fp, 1, "");
}

// method_ifn returns the code an interface call of entry e of t's method set runs.
static LLVMValueRef
method_ifn(Cg *c, Type *t, MEntry *e)
{
	Obj *m = e->m;
	LLVMValueRef fn = m ? cg_func_of(c, m) : NULL;
	if (m && !fn)
		return NULL;
	Type *u = type_under(t);
	bool isptr = u->kind == TY_POINTER && !t->obj;
	if (m && isptr && e->npath == 0 && ptr_recv(m))
		return fn;
	const char *name = arena_sprintf(c->arena, "ifn:%s.%s", cg_type_name(t), e->name->name);
	LLVMValueRef have = LLVMGetNamedFunction(c->mod, name);
	if (have)
		return have;
	LLVMTypeRef fty = m ? LLVMGlobalGetValueType(fn) : cg_functype(c, e->sig, ty_unsafeptr, false);
	unsigned np = LLVMCountParamTypes(fty);
	LLVMTypeRef *ps = NEWARR(c->arena, LLVMTypeRef, np + 1);
	LLVMGetParamTypes(fty, ps);
	ps[0] = c->t_ptr;
	LLVMTypeRef wty = LLVMFunctionType(LLVMGetReturnType(fty), ps, np, false);
	LLVMValueRef w = LLVMAddFunction(c->mod, name, wty);
	LLVMSetLinkage(w, LLVMInternalLinkage);
	cg_func_attrs(c, w);
	LLVMBuilderRef B = LLVMCreateBuilderInContext(c->ctx);
	LLVMPositionBuilderAtEnd(B, LLVMAppendBasicBlockInContext(c->ctx, w, "entry"));
	cg_wrapper_enter(c, B);
	LLVMValueRef p = LLVMGetParam(w, 0);
	Type *x;
	if (isptr) {
		x = u->elem;
	} else {
		x = t;
		if (cg_is_direct(t)) {
			LLVMValueRef slot = LLVMBuildAlloca(B, cg_type(c, t), "recv");
			LLVMBuildStore(B, from_word(c, B, p, t), slot);
			p = slot;
		}
	}
	bool checked = !isptr;
	for (int k = 0; k < e->npath; k++) {
		if (!checked) {
			nil_panic(c, B, w, p, NULL);
			checked = true;
		}
		Type *xu = type_under(x);
		Field *f = &xu->fields.v[e->path[k]];
		p = LLVMBuildStructGEP2(B, cg_type(c, x), p, (unsigned)e->path[k], "");
		Type *fu = type_under(f->type);
		if (fu->kind == TY_POINTER && !f->type->obj) {
			p = LLVMBuildLoad2(B, c->t_ptr, p, "");
			x = fu->elem;
			checked = false;
		} else {
			x = f->type;
		}
	}
	LLVMValueRef recv;
	if (!m) {
		// through the embedded interface value at p
		LLVMValueRef iv = LLVMBuildLoad2(B, c->t_iface, p, "");
		LLVMValueRef tab = LLVMBuildExtractValue(B, iv, 0, "");
		nil_panic(c, B, w, tab, NULL);
		LLVMValueRef off = i64c(c, 24 + 8 * e->index);
		fn = LLVMBuildLoad2(B, c->t_ptr, LLVMBuildInBoundsGEP2(B, c->t_i8, tab, &off, 1, ""),
				    "");
		recv = LLVMBuildExtractValue(B, iv, 1, "");
	} else if (ptr_recv(m)) {
		recv = p;
	} else {
		if (!checked) // gc's *T wrapper of a value method calls panicwrap
			nil_panic(c, B, w, p, e->npath == 0 ? panicwrap_msg(c, x, e->name->name) : NULL);
		if (cg_byref(c, x)) {
			// a big receiver goes by reference to a copy (p may be a variable that the
			// method changes through another pointer)
			unsigned al = (unsigned)type_align(x);
			recv = LLVMBuildAlloca(B, cg_type(c, x), "recv");
			LLVMSetAlignment(recv, al);
			LLVMBuildMemCpy(B, recv, al, p, al, i64c(c, type_size(x)));
		} else {
			recv = type_size(x) == 0 ? LLVMConstNull(cg_type(c, x))
						 : LLVMBuildLoad2(B, cg_type(c, x), p, "");
		}
	}
	LLVMValueRef *args = NEWARR(c->arena, LLVMValueRef, np + 1);
	args[0] = recv;
	for (unsigned i = 1; i < np; i++)
		args[i] = LLVMGetParam(w, i);
	LLVMValueRef r = LLVMBuildCall2(B, fty, fn, args, np, "");
	if (LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMVoidTypeKind)
		LLVMBuildRetVoid(B);
	else
		LLVMBuildRet(B, r);
	LLVMDisposeBuilder(B);
	return w;
}

// ---- descriptors ----

static LLVMValueRef
cstr(Cg *c, const char *s)
{
	LLVMValueRef init = LLVMConstStringInContext2(c->ctx, s, strlen(s), false);
	LLVMValueRef g = LLVMAddGlobal(c->mod, LLVMTypeOf(init), "mname");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

static LLVMValueRef
const_array(Cg *c, LLVMTypeRef et, LLVMValueRef *elts, int n, const char *name)
{
	LLVMValueRef arr = LLVMConstArray2(et, elts, (uint64_t)n);
	LLVMValueRef g = LLVMAddGlobal(c->mod, LLVMTypeOf(arr), name);
	LLVMSetInitializer(g, arr);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetAlignment(g, 8);
	return g;
}

// cg_desc_ext_type returns the LLVM type of t's descriptor with rt.h's method fields
// (RtType, methods, imethods, nmethods, nimethods), or NULL when t needs none.
LLVMTypeRef
cg_desc_ext_type(Cg *c, Type *t)
{
	Type *u = type_under(t);
	if (!u || u->kind == TY_TUPLE)
		return NULL;
	if (u->kind == TY_INTERFACE) {
		if (u->fields.len == 0)
			return NULL;
	} else if (method_set(c, t).len == 0) {
		return NULL;
	}
	LLVMTypeRef f[5] = {c->t_rttype, c->t_ptr, c->t_ptr, c->t_i32, c->t_i32};
	return LLVMStructTypeInContext(c->ctx, f, 5, false);
}

// cg_desc_ext_init returns the initializer of t's extended descriptor: base (the RtType
// part) followed by the method table (concrete types) or method list (interfaces).
LLVMValueRef
cg_desc_ext_init(Cg *c, Type *t, LLVMTypeRef ext, LLVMValueRef base)
{
	Type *u = type_under(t);
	LLVMValueRef null = LLVMConstNull(c->t_ptr);
	LLVMValueRef methods = null, imethods = null;
	int nm = 0, ni = 0;
	if (u->kind == TY_INTERFACE) {
		LLVMTypeRef it[2] = {c->t_ptr, c->t_ptr};
		LLVMTypeRef imt = LLVMStructTypeInContext(c->ctx, it, 2, false);
		ni = u->fields.len;
		LLVMValueRef *es = NEWARR(c->arena, LLVMValueRef, ni);
		for (int i = 0; i < ni; i++) {
			Field *f = &u->fields.v[i];
			LLVMValueRef fv[2] = {cstr(c, f->name ? f->name->name : "?"),
					      cstr(c, cg_type_name(f->type))};
			es[i] = LLVMConstStructInContext(c->ctx, fv, 2, false);
		}
		imethods = const_array(c, imt, es, ni, "imethods");
	} else {
		MSet ms = method_set(c, t);
		LLVMTypeRef mt4[4] = {c->t_ptr, c->t_ptr, c->t_ptr, c->t_ptr};
		LLVMTypeRef mt = LLVMStructTypeInContext(c->ctx, mt4, 4, false);
		nm = ms.len;
		LLVMValueRef *es = NEWARR(c->arena, LLVMValueRef, nm + 1);
		for (int i = 0; i < nm; i++) {
			MEntry *e = &ms.v[i];
			LLVMValueRef ifn = method_ifn(c, t, e);
			LLVMValueRef tfn = e->npath == 0 && e->m ? cg_func_of(c, e->m) : NULL;
			LLVMValueRef fv[4] = {cstr(c, e->name->name),
					      cstr(c, cg_type_name(e->sig)), ifn ? ifn : null,
					      tfn ? tfn : null};
			es[i] = LLVMConstStructInContext(c->ctx, fv, 4, false);
		}
		methods = const_array(c, mt, es, nm, "methods");
	}
	LLVMValueRef f[5] = {base, methods, imethods, i32c(c, nm), i32c(c, ni)};
	(void)ext; // an anonymous struct: LLVM uniques it by its elements
	return LLVMConstStructInContext(c->ctx, f, 5, false);
}

// ---- itabs ----

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

// static_itab returns the constant itab of (iface, t), or NULL when one of iface's
// methods is not in t's statically known method set.
static LLVMValueRef
static_itab(Cg *c, Type *iface, Type *t)
{
	IfaceState *s = state(c);
	for (int i = 0; i < s->itabs.len; i++)
		if (s->itabs.v[i].iface == iface && s->itabs.v[i].t == t)
			return s->itabs.v[i].itab;
	Type *iu = type_under(iface);
	MSet ms = method_set(c, t);
	int n = iu->fields.len;
	LLVMValueRef *fun = NEWARR(c->arena, LLVMValueRef, n + 1);
	LLVMValueRef itab = NULL;
	bool ok = true;
	for (int k = 0; k < n && ok; k++) {
		Sym *name = iu->fields.v[k].name;
		fun[k] = NULL;
		for (int i = 0; i < ms.len; i++)
			if (ms.v[i].name == name)
				fun[k] = method_ifn(c, t, &ms.v[i]);
		ok = fun[k] != NULL;
	}
	if (ok) {
		LLVMTypeRef ft = LLVMArrayType2(c->t_ptr, (uint64_t)n);
		LLVMTypeRef f[5] = {c->t_ptr, c->t_ptr, c->t_i32, c->t_i32, ft};
		LLVMTypeRef st = LLVMStructTypeInContext(c->ctx, f, 5, false);
		LLVMValueRef v[5] = {cg_typedesc(c, iface), cg_typedesc(c, t),
				     i32c(c, fnv1a(cg_type_name(t))), i32c(c, 0),
				     LLVMConstArray2(c->t_ptr, fun, (uint64_t)n)};
		itab = LLVMAddGlobal(c->mod, st, arena_sprintf(c->arena, "itab:%s,%s",
							       cg_type_name(t),
							       cg_type_name(iface)));
		LLVMSetInitializer(itab, LLVMConstStructInContext(c->ctx, v, 5, false));
		LLVMSetGlobalConstant(itab, true);
		LLVMSetLinkage(itab, LLVMInternalLinkage);
		LLVMSetAlignment(itab, 8);
	}
	ItabEntry e = {iface, t, itab};
	vec_push(c->arena, s->itabs, e);
	return itab;
}

// cg_iface_word0 returns the first word of a value of concrete type t converted to
// interface type iface: t's descriptor for interface{}, else the itab of (iface, t).
LLVMValueRef
cg_iface_word0(Cg *c, Type *iface, Type *t)
{
	if (!cg_iface_nonempty(iface))
		return cg_typedesc(c, t);
	LLVMValueRef it = static_itab(c, iface, t);
	if (it)
		return it;
	LLVMValueRef a[3] = {cg_typedesc(c, iface), cg_typedesc(c, t), i64c(c, 0)};
	return cg_rtcall(c, "rt_getitab", c->t_ptr, a, 3);
}

// ---- dynamic types ----

// dyn_type returns the dynamic type descriptor of interface value x of type t (NULL for
// a nil interface): word 0, or itab->type.
static LLVMValueRef
dyn_type(Cg *c, Type *t, LLVMValueRef x)
{
	LLVMValueRef w0 = LLVMBuildExtractValue(c->b, x, 0, "");
	if (!cg_iface_nonempty(t))
		return w0;
	LLVMValueRef isnil = LLVMBuildICmp(c->b, LLVMIntEQ, w0, LLVMConstNull(c->t_ptr), "");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(c->b);
	LLVMBasicBlockRef ld = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "itabtype");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "dyntype");
	LLVMBuildCondBr(c->b, isnil, done, ld);
	LLVMPositionBuilderAtEnd(c->b, ld);
	LLVMValueRef idx = i64c(c, 8);
	LLVMValueRef p = LLVMBuildInBoundsGEP2(c->b, c->t_i8, w0, &idx, 1, "");
	LLVMValueRef ty = LLVMBuildLoad2(c->b, c->t_ptr, p, "");
	LLVMBuildBr(c->b, done);
	LLVMPositionBuilderAtEnd(c->b, done);
	LLVMValueRef phi = LLVMBuildPhi(c->b, c->t_ptr, "dyn");
	LLVMValueRef iv[2] = {LLVMConstNull(c->t_ptr), ty};
	LLVMBasicBlockRef ib[2] = {from, ld};
	LLVMAddIncoming(phi, iv, ib, 2);
	return phi;
}

static LLVMValueRef
pair(Cg *c, LLVMValueRef a, LLVMValueRef b)
{
	LLVMValueRef r = LLVMGetUndef(c->t_iface);
	r = LLVMBuildInsertValue(c->b, r, a, 0, "");
	return LLVMBuildInsertValue(c->b, r, b, 1, "");
}

// cg_iface_eq returns x == y (i1) for two interface values of type t.
LLVMValueRef
cg_iface_eq(Cg *c, Type *t, LLVMValueRef x, LLVMValueRef y)
{
	LLVMValueRef a[4] = {LLVMBuildExtractValue(c->b, x, 0, ""),
			     LLVMBuildExtractValue(c->b, x, 1, ""),
			     LLVMBuildExtractValue(c->b, y, 0, ""),
			     LLVMBuildExtractValue(c->b, y, 1, "")};
	LLVMValueRef r = cg_rtcall(c, cg_iface_nonempty(t) ? "rt_ifaceeq" : "rt_efaceeq",
				   c->t_i64, a, 4);
	return LLVMBuildICmp(c->b, LLVMIntNE, r, i64c(c, 0), "");
}

static bool
same_methods(Type *a, Type *b)
{
	Type *x = type_under(a), *y = type_under(b);
	if (x->fields.len != y->fields.len)
		return false;
	for (int i = 0; i < x->fields.len; i++)
		if (x->fields.v[i].name != y->fields.v[i].name)
			return false;
	return true;
}

// cg_emit_ifaceconv lowers CONV from one interface type to another: I -> interface{}
// reads itab->type; I -> J (J's methods a subset of I's) looks up the itab of J for the
// dynamic type (nil stays nil).
LLVMValueRef
cg_emit_ifaceconv(Cg *c, Value *v)
{
	Type *from = v->args[0]->type, *to = v->type;
	LLVMValueRef x = cg_value(c, v->args[0]);
	bool fe = !cg_iface_nonempty(from), te = !cg_iface_nonempty(to);
	if (fe == te && (fe || same_methods(from, to)))
		return x;
	LLVMValueRef data = LLVMBuildExtractValue(c->b, x, 1, "");
	if (te)
		return pair(c, dyn_type(c, from, x), data);
	LLVMValueRef out = cg_alloca(c, c->t_iface, 8, "conv");
	LLVMValueRef a[4] = {out, cg_typedesc(c, to), LLVMBuildExtractValue(c->b, x, 0, ""), data};
	cg_rtcall(c, fe ? "rt_assertE2I2" : "rt_assertI2I2", c->t_i64, a, 4);
	return LLVMBuildLoad2(c->b, c->t_iface, out, "");
}

// ---- calls ----

// cg_emit_calliface lowers CALLIFACE: fn = itab->fun[k] (a nil interface faults through
// rt_panic_nil), called with the data word as receiver and the method's arguments.
LLVMValueRef
cg_emit_calliface(Cg *c, Value *v)
{
	Value *iv = v->args[0];
	Type *iu = type_under(iv->type);
	if (iu->kind != TY_INTERFACE || v->auxint < 0 || v->auxint >= iu->fields.len)
		fatal_at(v->pos, "codegen: %s: bad interface call", c->f->name);
	Type *mt = iu->fields.v[v->auxint].type;
	LLVMValueRef x = cg_value(c, iv);
	LLVMValueRef tab = LLVMBuildExtractValue(c->b, x, 0, "");
	LLVMValueRef data = LLVMBuildExtractValue(c->b, x, 1, "");
	LLVMValueRef isnil = LLVMBuildICmp(c->b, LLVMIntEQ, tab, LLVMConstNull(c->t_ptr), "");
	cg_panic_if(c, isnil, "rt_panic_nil", NULL, 0);
	LLVMValueRef off = i64c(c, 24 + 8 * v->auxint);
	LLVMValueRef fp = LLVMBuildInBoundsGEP2(c->b, c->t_i8, tab, &off, 1, "");
	LLVMValueRef fn = LLVMBuildLoad2(c->b, c->t_ptr, fp, "ifn");
	LLVMTypeRef fty = cg_functype(c, mt, ty_unsafeptr, false);
	return cg_gocall(c, v, fty, fn, &data, 1, 1);
}

// ---- assertions ----

// unbox reads the value of concrete type t out of data word data.
static LLVMValueRef
unbox(Cg *c, Type *t, LLVMValueRef data)
{
	if (cg_is_direct(t))
		return from_word(c, c->b, data, t);
	if (type_size(t) == 0)
		return LLVMConstNull(cg_type(c, t));
	LLVMValueRef l = LLVMBuildLoad2(c->b, cg_type(c, t), data, "");
	LLVMSetAlignment(l, (unsigned)type_align(t));
	return l;
}

static LLVMValueRef
mktuple(Cg *c, Type *tt, LLVMValueRef val, LLVMValueRef ok1)
{
	LLVMValueRef r = LLVMGetUndef(cg_type(c, tt));
	r = LLVMBuildInsertValue(c->b, r, val, 0, "");
	return LLVMBuildInsertValue(c->b, r, LLVMBuildZExt(c->b, ok1, c->t_i8, ""), 1, "");
}

// cg_emit_assert lowers ASSERT (panics with gc's message on failure) and ASSERT2 (the
// tuple (value, ok)). Concrete T compares the dynamic type with T's descriptor; interface
// T asks the runtime for the itab (or, for interface{}, only checks for nil).
LLVMValueRef
cg_emit_assert(Cg *c, Value *v)
{
	bool two = v->op == OP_ASSERT2;
	Type *xt = v->args[0]->type;
	Type *t = two ? v->type->fields.v[0].type : v->type;
	LLVMValueRef x = cg_value(c, v->args[0]);
	LLVMValueRef data = LLVMBuildExtractValue(c->b, x, 1, "");
	LLVMBuilderRef B = c->b;
	if (type_is_interface(t) && cg_iface_nonempty(t)) {
		LLVMValueRef out = cg_alloca(c, c->t_iface, 8, "assert");
		LLVMValueRef a[4] = {out, cg_typedesc(c, t), LLVMBuildExtractValue(B, x, 0, ""),
				     data};
		bool fe = !cg_iface_nonempty(xt);
		if (!two) {
			cg_rtcall(c, fe ? "rt_assertE2I" : "rt_assertI2I", c->t_void, a, 4);
			return LLVMBuildLoad2(B, c->t_iface, out, "");
		}
		LLVMValueRef ok = cg_rtcall(c, fe ? "rt_assertE2I2" : "rt_assertI2I2", c->t_i64, a,
					    4);
		LLVMValueRef ok1 = LLVMBuildICmp(B, LLVMIntNE, ok, i64c(c, 0), "");
		return mktuple(c, v->type, LLVMBuildLoad2(B, c->t_iface, out, ""), ok1);
	}
	LLVMValueRef dyn = dyn_type(c, xt, x);
	if (type_is_interface(t)) {
		// x.(interface{}): succeeds for every non-nil x
		LLVMValueRef ok1 = LLVMBuildICmp(B, LLVMIntNE, dyn, LLVMConstNull(c->t_ptr), "");
		LLVMValueRef e = pair(c, dyn, data);
		if (!two) {
			LLVMValueRef a[4] = {cg_typedesc(c, xt), dyn, cg_typedesc(c, t),
					     LLVMConstNull(c->t_ptr)};
			cg_panic_if(c, LLVMBuildNot(B, ok1, ""), "rt_panic_typeassert", a, 4);
			return e;
		}
		e = LLVMBuildSelect(B, ok1, e, LLVMConstNull(c->t_iface), "");
		return mktuple(c, v->type, e, ok1);
	}
	LLVMValueRef want = cg_typedesc(c, t);
	LLVMValueRef ok1 = LLVMBuildICmp(B, LLVMIntEQ, dyn, want, "");
	if (!two) {
		LLVMValueRef a[4] = {cg_typedesc(c, xt), dyn, want, LLVMConstNull(c->t_ptr)};
		cg_panic_if(c, LLVMBuildNot(B, ok1, ""), "rt_panic_typeassert", a, 4);
		if (cg_byref(c, t)) {
			// a copy: a stack box is written again when its MAKEIFACE runs again
			cg_load_big(c, v, data);
			return NULL;
		}
		return unbox(c, t, data);
	}
	if (cg_byref(c, v->type)) {
		// a big (value, ok) in a stack slot: zero, or a copy of the box, and ok
		LLVMTypeRef tt = cg_type(c, v->type);
		unsigned al = (unsigned)cg_alignof(c, v->type);
		LLVMValueRef m = cg_alloca(c, tt, al, "assert");
		LLVMBuildMemSet(B, m, LLVMConstInt(c->t_i8, 0, false),
				i64c(c, cg_sizeof(c, v->type)), al);
		LLVMBasicBlockRef yes = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "isT");
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "asserted");
		LLVMBuildCondBr(B, ok1, yes, done);
		LLVMPositionBuilderAtEnd(B, yes);
		if (v->auxint != 1 && type_size(t) > 0)
			LLVMBuildMemCpy(B, LLVMBuildStructGEP2(B, tt, m, 0, ""),
					(unsigned)type_align(t), data, (unsigned)type_align(t),
					i64c(c, type_size(t)));
		LLVMBuildBr(B, done);
		LLVMPositionBuilderAtEnd(B, done);
		LLVMBuildStore(B, LLVMBuildZExt(B, ok1, c->t_i8, ""),
			       LLVMBuildStructGEP2(B, tt, m, 1, ""));
		c->memvals[v->id] = m;
		c->memown[v->id] = true;
		return NULL;
	}
	if (v->auxint == 1) // only ok is used
		return mktuple(c, v->type, LLVMConstNull(cg_type(c, t)), ok1);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(B);
	LLVMBasicBlockRef yes = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "isT");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "asserted");
	LLVMBuildCondBr(B, ok1, yes, done);
	LLVMPositionBuilderAtEnd(B, yes);
	LLVMValueRef val = unbox(c, t, data);
	LLVMBasicBlockRef yesend = LLVMGetInsertBlock(B);
	LLVMBuildBr(B, done);
	LLVMPositionBuilderAtEnd(B, done);
	LLVMValueRef phi = LLVMBuildPhi(B, cg_type(c, t), "");
	LLVMValueRef iv[2] = {LLVMConstNull(cg_type(c, t)), val};
	LLVMBasicBlockRef ib[2] = {from, yesend};
	LLVMAddIncoming(phi, iv, ib, 2);
	return mktuple(c, v->type, phi, ok1);
}

// ---- method values ----

// cg_emit_methodvalue lowers METHODVALUE x.M: a closure object {code, receiver} whose code
// takes the object as context and calls M with the stored receiver (for an interface
// receiver, through its itab).
LLVMValueRef
cg_emit_methodvalue(Cg *c, Value *v)
{
	Value *rv = v->args[0];
	Type *rt = rv->type;
	Obj *m = v->aux;
	Type *ft = v->type;
	if (m && !cg_func_of(c, m)) {
		// a method of a std type: the runtime has it only under rt.h's calling rule
		error_at(v->pos, "not supported: method value of std method (%s).%s",
			 type_string(rt), m->name->name);
		return LLVMConstNull(c->t_ptr);
	}
	LLVMTypeRef cty;
	{
		LLVMTypeRef f[2] = {c->t_ptr, cg_type(c, rt)};
		cty = LLVMStructTypeInContext(c->ctx, f, 2, false);
	}
	const char *name = m ? arena_sprintf(c->arena, "%s-fm", m->func ? m->func->name : "?")
			     : arena_sprintf(c->arena, "%s.%s-fm", cg_type_name(rt),
					     type_under(rt)->fields.v[v->auxint].name->name);
	LLVMValueRef code = LLVMGetNamedFunction(c->mod, name);
	LLVMTypeRef wty = cg_functype(c, ft, NULL, true);
	if (!code) {
		code = LLVMAddFunction(c->mod, name, wty);
		LLVMSetLinkage(code, LLVMInternalLinkage);
		cg_func_attrs(c, code);
		LLVMBuilderRef B = LLVMCreateBuilderInContext(c->ctx);
		LLVMPositionBuilderAtEnd(B, LLVMAppendBasicBlockInContext(c->ctx, code, "entry"));
		cg_wrapper_enter(c, B);
		unsigned np = LLVMCountParams(code);
		LLVMValueRef ctx = LLVMGetParam(code, 0);
		LLVMValueRef slot = LLVMBuildStructGEP2(B, cty, ctx, 1, "");
		LLVMValueRef recv = cg_byref(c, rt) ? slot // never written after creation
						    : LLVMBuildLoad2(B, cg_type(c, rt), slot, "recv");
		LLVMValueRef *args = NEWARR(c->arena, LLVMValueRef, np + 1);
		LLVMValueRef fn;
		LLVMTypeRef fty;
		if (m) {
			fn = cg_func_of(c, m);
			if (!fn)
				fatal_at(v->pos, "codegen: %s: method value of %s", c->f->name,
					 m->name->name);
			fty = LLVMGlobalGetValueType(fn);
			args[0] = recv;
		} else {
			LLVMValueRef tab = LLVMBuildExtractValue(B, recv, 0, "");
			nil_panic(c, B, code, tab, NULL);
			LLVMValueRef off = i64c(c, 24 + 8 * v->auxint);
			LLVMValueRef fp = LLVMBuildInBoundsGEP2(B, c->t_i8, tab, &off, 1, "");
			fn = LLVMBuildLoad2(B, c->t_ptr, fp, "");
			fty = cg_functype(c, ft, ty_unsafeptr, false);
			args[0] = LLVMBuildExtractValue(B, recv, 1, "");
		}
		for (unsigned i = 1; i < np; i++)
			args[i] = LLVMGetParam(code, i);
		LLVMValueRef r = LLVMBuildCall2(B, fty, fn, args, np, "");
		if (LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMVoidTypeKind)
			LLVMBuildRetVoid(B);
		else
			LLVMBuildRet(B, r);
		LLVMDisposeBuilder(B);
	}
	if (!m) {
		// i.M panics now when i is nil
		LLVMValueRef tab = LLVMBuildExtractValue(c->b, cg_value(c, rv), 0, "");
		LLVMValueRef isnil = LLVMBuildICmp(c->b, LLVMIntEQ, tab, LLVMConstNull(c->t_ptr), "");
		cg_panic_if(c, isnil, "rt_panic_nil", NULL, 0);
	}
	LLVMValueRef obj;
	if (v->esc == ESC_STACK) {
		obj = cg_alloca(c, cty, 8, "methodvalue");
	} else {
		int64_t size = (int64_t)LLVMABISizeOfType(c->td, cty);
		uint8_t *mask = NEWARR(c->arena, uint8_t, (size + 7) / 64 + 2);
		mask[0] = 1;
		cg_ptrmask(rt, 8, mask);
		LLVMValueRef desc = cg_rawdesc(c, arena_sprintf(c->arena, "closure:%s", name), size,
					       8, mask, (size + 7) / 8);
		obj = cg_rtcall(c, "rt_alloc", c->t_ptr, &desc, 1);
	}
	LLVMBuildStore(c->b, code, LLVMBuildStructGEP2(c->b, cty, obj, 0, ""));
	LLVMValueRef slot = LLVMBuildStructGEP2(c->b, cty, obj, 1, "");
	LLVMValueRef big = cg_memval(c, rv); // a big value kept in memory
	if (big)
		LLVMBuildMemCpy(c->b, slot, 8, big, (unsigned)type_align(rt),
				LLVMConstInt(c->t_i64, (uint64_t)type_size(rt), false));
	else if (type_size(rt) > 0)
		LLVMBuildStore(c->b, cg_value(c, rv), slot);
	return obj;
}
