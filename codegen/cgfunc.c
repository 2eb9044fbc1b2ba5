// cgfunc.c: one SSA Func -> the body of its LLVM function, op by op.
//
// Algorithm: blocks are emitted in reverse postorder from the entry (computed here, so
// every non-phi argument is emitted before its use); unreachable blocks are skipped. An
// extra LLVM entry block "entry" holds every alloca and branches to the SSA entry block,
// so allocas stay in the entry block even when an ALLOC executes in a loop (the zeroing
// happens where the ALLOC is). Phis are created empty when their block is started and
// their incoming values are added once every block has been emitted; the incoming block
// is the LLVM block that *ends* the pred (checks split SSA blocks into several LLVM
// blocks: a cold "panic" block and an "ok" continuation).
//
// Big values (cg_byref: aggregates of more than CG_BIG bytes) live in memory where they
// can: LLVM handles first-class aggregates badly (a [10000 x i64] load takes seconds at
// -O2, a [8192 x i8] argument gigabytes). Cg.memvals[v] is then the address of memory
// holding v and cg_value(v) is NULL:
//   - PARAM: the by-reference argument (codegen.h); FREEVAR: the closure object's field
//     (never written after MAKECLOSURE);
//   - CALL, CALLCLOSURE, CALLIFACE, CALLRT: the caller's slot for the results (cgcall.c);
//   - TUPLE, INSERT, ASSERT2, MAPINDEX2: a stack slot filled field by field (INSERT
//     updates its operand's slot in place when that is the operand's only use);
//   - EXTRACT, COPY of a value in memory: the part of, or the same, memory;
//   - ASSERT: a memcpy of the box into an entry-block temporary;
//   - LOAD, MAPINDEX, MAPITERKEY, MAPITERELEM: a memcpy into an entry-block temporary, but
//     only when every use reads memory (Cg.memok), else a first-class load as before.
// Uses that read memory: STORE (memcpy), EXTRACT (a load of the field), calls (the address
// is the argument), MAKEIFACE, MAKECLOSURE, METHODVALUE, map keys and elements, ==/!=
// (rt_memequal), TUPLE and INSERT operands, and a return through the result pointer. Any
// other use (a phi argument, a conversion) loads a first-class value at the use (in cgcall.c's
// cg_value; for a phi, at the end of the pred). This is sound because a non-phi use
// always sees the most recent execution of its definition, which is what the memory holds:
// a path from a definition to a use that re-executes one of the definition's operands'
// definitions without re-executing the definition contradicts dominance. Stores of big
// zero values become memsets.
//
// Go semantics handled here rather than by LLVM: integer division by zero panics and
// MinInt / -1 wraps (x / -1 = -x, x % -1 = 0) instead of trapping; shifts by counts >=
// the width give 0 (or the sign fill for signed >>) and negative signed counts panic;
// float -> int conversions reproduce amd64 gc's CVTTSD2SI results for out-of-range values
// (the "integer indefinite" MinInt of the 32- or 64-bit conversion gc uses, truncated;
// uint64 via gc's two-range sequence); bounds checks compare unsigned so a negative index
// fails the same test as a too-large one.
//
// Requires: SSA after mem2reg (no GETVAR/SETVAR), Value.esc set on OF_ALLOC values, every
// function declared (cg_declare_func). Shown by: gosub build -emit-llvm -O0 x.go.
#include <string.h>

#include <llvm-c/Core.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "frontend/frontend.h"
#include "runtime/rt.h"
#include "ssa/ssa.h"

// ---- helpers ----

static const char *
vname(Cg *c, Value *v)
{
	if (v->name)
		return v->name->name;
	return arena_sprintf(c->f->arena, "v%d", v->id);
}

static LLVMValueRef
arg(Cg *c, Value *v, int i)
{
	return cg_value(c, v->args[i]);
}

static LLVMValueRef
i64c(Cg *c, int64_t x)
{
	return LLVMConstInt(c->t_i64, (uint64_t)x, true);
}

static bool
const_int(LLVMValueRef x, int64_t *out)
{
	if (!LLVMIsAConstantInt(x))
		return false;
	*out = LLVMConstIntGetSExtValue(x);
	return true;
}

static LLVMValueRef
load(Cg *c, Type *t, LLVMValueRef p, const char *name)
{
	LLVMTypeRef lt = cg_type(c, t);
	if (type_size(t) == 0)
		return LLVMConstNull(lt);
	LLVMValueRef l = LLVMBuildLoad2(c->b, lt, p, name);
	LLVMSetAlignment(l, (unsigned)type_align(t));
	return l;
}

enum {
	MAX_VALUE = 1 << 20,    // bytes above which SSA aggregate values are not supported
};

static void
store(Cg *c, Type *t, LLVMValueRef x, LLVMValueRef p)
{
	int64_t size = type_size(t);
	if (size == 0)
		return;
	if (size > 64 && LLVMIsConstant(x) && LLVMIsNull(x)) {
		LLVMBuildMemSet(c->b, p, LLVMConstInt(c->t_i8, 0, false), i64c(c, size),
				(unsigned)type_align(t));
		return;
	}
	LLVMValueRef s = LLVMBuildStore(c->b, x, p);
	LLVMSetAlignment(s, (unsigned)type_align(t));
}

// cg_memval returns the memory holding big value v (see the file comment), or NULL when v
// is a first-class LLVM value.
LLVMValueRef
cg_memval(Cg *c, Value *v)
{
	return c->memvals ? c->memvals[v->id] : NULL;
}

static LLVMValueRef
memval(Cg *c, Value *v)
{
	return cg_memval(c, v);
}

// store_value stores SSA value v of type t at p, copying from its memory when it has
// some.
static void
store_value(Cg *c, Type *t, Value *v, LLVMValueRef p)
{
	LLVMValueRef m = memval(c, v);
	if (m) {
		unsigned al = (unsigned)cg_alignof(c, t);
		LLVMBuildMemCpy(c->b, p, al, m, al, i64c(c, cg_sizeof(c, t)));
		return;
	}
	store(c, t, cg_value(c, v), p);
}

// cg_copy_value stores the value of v at p (a memcpy for a value kept in memory).
void
cg_copy_value(Cg *c, Value *v, LLVMValueRef p)
{
	store_value(c, v->type, v, p);
}

// cg_value_addr returns the address of memory holding v's value that nothing writes
// while the current function can still use v: v's own memory when it has some, else a
// new stack slot with a copy.
LLVMValueRef
cg_value_addr(Cg *c, Value *v)
{
	LLVMValueRef m = memval(c, v);
	if (m)
		return m;
	LLVMValueRef slot = cg_alloca(c, cg_type(c, v->type), cg_alignof(c, v->type), "tmp");
	store(c, v->type, cg_value(c, v), slot);
	return slot;
}

// cg_load_big copies the big value of v's type at p into a new stack slot, which then
// holds v (Cg.memvals).
void
cg_load_big(Cg *c, Value *v, LLVMValueRef p)
{
	unsigned al = (unsigned)cg_alignof(c, v->type);
	LLVMValueRef tmp = cg_alloca(c, cg_type(c, v->type), al, vname(c, v));
	LLVMBuildMemCpy(c->b, tmp, al, p, al, i64c(c, cg_sizeof(c, v->type)));
	c->memvals[v->id] = tmp;
	c->memown[v->id] = true;
}

static bool
is_big(Cg *c, Type *t)
{
	return cg_byref(c, t);
}

// mem_capable reports whether v's op can leave its big result in memory (file comment).
static bool
mem_capable(Value *v)
{
	switch (v->op) {
	case OP_LOAD: case OP_PARAM: case OP_CALL: case OP_CALLCLOSURE: case OP_CALLIFACE:
	case OP_CALLRT:
	case OP_EXTRACT: case OP_COPY: case OP_TUPLE: case OP_FREEVAR: case OP_ASSERT:
	case OP_ASSERT2: case OP_INSERT: case OP_MAPINDEX: case OP_MAPINDEX2: case OP_MAPITERKEY:
	case OP_MAPITERELEM:
		return true;
	default:
		return false;
	}
}

// friendly_use reports whether argument k of v can read a big value from memory.
static bool
friendly_use(Cg *c, Value *v, int k)
{
	Value *a = v->args[k];
	switch (v->op) {
	case OP_STORE:
		return k == 1;
	case OP_EXTRACT: case OP_METHODVALUE: case OP_COPY: case OP_TUPLE: case OP_MAKECLOSURE:
	case OP_INSERT:
	case OP_CALL: case OP_CALLCLOSURE: case OP_CALLIFACE: case OP_CALLRT:
		return true;
	case OP_EQ: case OP_NE:
		return is_big(c, a->type);
	case OP_MAPASSIGN: case OP_MAPINDEX: case OP_MAPINDEX2: case OP_MAPDELETE:
		return k >= 1;
	case OP_MAKEIFACE:
		return !cg_is_direct(a->type);
	default:
		return false;
	}
}

// find_memvals marks the big values that live in memory and whose every use can read
// memory instead of a first-class value (see the file comment).
static bool *
find_memvals(Cg *c, Func *f)
{
	bool *ok = NEWARR(f->arena, bool, f->nvalues + 1);
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		for (int j = 0; j < b->values.len; j++) {
			Value *v = b->values.v[j];
			if (mem_capable(v) && is_big(c, v->type))
				ok[v->id] = true;
		}
	}
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		if (b->control && !(b->kind == BK_RET && c->sret))
			ok[b->control->id] = false;
		for (int j = 0; j < b->values.len; j++) {
			Value *v = b->values.v[j];
			for (int k = 0; k < v->nargs; k++)
				if (!friendly_use(c, v, k))
					ok[v->args[k]->id] = false;
		}
	}
	return ok;
}

// zero_mem clears one object of type t at p.
static void
zero_mem(Cg *c, Type *t, LLVMValueRef p)
{
	int64_t size = type_size(t);
	if (size == 0)
		return;
	// LLVM turns small memsets into stores itself
	LLVMBuildMemSet(c->b, p, LLVMConstInt(c->t_i8, 0, false), i64c(c, size),
				(unsigned)type_align(t));
}

static LLVMValueRef
heap_alloc(Cg *c, Type *t, const char *name)
{
	LLVMValueRef d = cg_typedesc(c, t);
	LLVMValueRef p = cg_rtcall(c, "rt_alloc", c->t_ptr, &d, 1);
	LLVMSetValueName2(p, name, strlen(name));
	return p;
}

static LLVMValueRef
gep_index(Cg *c, LLVMTypeRef elem, LLVMValueRef p, LLVMValueRef i)
{
	return LLVMBuildInBoundsGEP2(c->b, elem, p, &i, 1, "");
}

static Type *
elem_of(Type *t)
{
	return type_under(t)->elem;
}

// ---- constants ----

static LLVMValueRef
string_const(Cg *c, const char *s, int64_t n)
{
	if (n == 0 || !s) {
		LLVMValueRef z[2] = {LLVMConstNull(c->t_ptr), i64c(c, 0)};
		return LLVMConstStructInContext(c->ctx, z, 2, false);
	}
	LLVMValueRef init = LLVMConstStringInContext2(c->ctx, s, (size_t)n, true);
	LLVMValueRef g = LLVMAddGlobal(c->mod, LLVMTypeOf(init),
				       arena_sprintf(c->arena, "str.%d", c->nstrings++));
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	LLVMSetAlignment(g, 1);
	LLVMValueRef f[2] = {g, i64c(c, n)};
	return LLVMConstStructInContext(c->ctx, f, 2, false);
}

static double
bits_double(int64_t bits)
{
	double d;
	memcpy(&d, &bits, sizeof d);
	return d;
}

// emit_const: ints and bools are auxint's bits; floats auxint's IEEE-754 double bits;
// complex: aux, when set, points at {re, im} doubles, else re is auxint's bits and im 0;
// strings: aux bytes, auxint length.
static LLVMValueRef
emit_const(Cg *c, Value *v)
{
	Type *u = type_under(v->type);
	LLVMTypeRef lt = cg_type(c, v->type);
	switch (u->kind) {
	case TY_FLOAT32: case TY_FLOAT64: case TY_UNTYPED_FLOAT:
		return LLVMConstReal(lt, bits_double(v->auxint));
	case TY_COMPLEX64: case TY_COMPLEX128: case TY_UNTYPED_COMPLEX: {
		double re = bits_double(v->auxint), im = 0;
		if (v->aux) {
			re = ((double *)v->aux)[0];
			im = ((double *)v->aux)[1];
		}
		LLVMTypeRef pt = u->kind == TY_COMPLEX64 ? c->t_f32 : c->t_f64;
		LLVMValueRef f[2] = {LLVMConstReal(pt, re), LLVMConstReal(pt, im)};
		return LLVMConstStructInContext(c->ctx, f, 2, false);
	}
	case TY_STRING: case TY_UNTYPED_STRING:
		return string_const(c, v->aux, v->auxint);
	default:
		break;
	}
	if (LLVMGetTypeKind(lt) == LLVMIntegerTypeKind)
		return LLVMConstInt(lt, (uint64_t)v->auxint, false);
	if (LLVMGetTypeKind(lt) == LLVMPointerTypeKind)
		return v->auxint ? LLVMConstIntToPtr(i64c(c, v->auxint), lt) : LLVMConstNull(lt);
	if (v->auxint != 0)
		fatal_at(v->pos, "codegen: %s: constant of type %s", c->f->name,
			 type_string(v->type));
	return LLVMConstNull(lt);
}

// ---- globals ----

typedef struct ObjCache {
	unsigned gen;     // Cg.gen
	LLVMValueRef val; // the global
} ObjCache;

static LLVMValueRef
global_of(Cg *c, Obj *o, Pos pos)
{
	if (!o)
		fatal_at(pos, "codegen: %s: GLOBAL without an object", c->f->name);
	ObjCache *oc = o->cg;
	if (oc && oc->gen == c->gen)
		return oc->val;
	if (!oc) {
		oc = NEW(perm, ObjCache);
		o->cg = oc;
	}
	const char *pkg = o->pkg && o->pkg->path ? o->pkg->path : "main";
	LLVMTypeRef t = cg_type(c, o->type);
	LLVMValueRef g = LLVMAddGlobal(c->mod, t, arena_sprintf(c->arena, "%s.%s", pkg,
								 o->name->name));
	LLVMSetInitializer(g, LLVMConstNull(t));
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetAlignment(g, (unsigned)(type_align(o->type) < 8 ? 8 : type_align(o->type)));
	oc->gen = c->gen;
	oc->val = g;
	return g;
}

// ---- arithmetic ----

typedef enum Class { CL_INT, CL_FLOAT, CL_COMPLEX, CL_STRING, CL_OTHER } Class;

static Class
class_of(Type *t)
{
	Type *u = type_under(t);
	if (type_is_integer(u) || u->kind == TY_BOOL || u->kind == TY_UNTYPED_BOOL)
		return CL_INT;
	if (type_is_float(u))
		return CL_FLOAT;
	if (type_is_complex(u))
		return CL_COMPLEX;
	if (type_is_string(u))
		return CL_STRING;
	return CL_OTHER;
}

static LLVMValueRef
cpart(Cg *c, LLVMValueRef x, unsigned i)
{
	return LLVMBuildExtractValue(c->b, x, i, "");
}

static LLVMValueRef
cmake(Cg *c, LLVMTypeRef t, LLVMValueRef re, LLVMValueRef im)
{
	LLVMValueRef r = LLVMGetUndef(t);
	r = LLVMBuildInsertValue(c->b, r, re, 0, "");
	return LLVMBuildInsertValue(c->b, r, im, 1, "");
}

// complex_muldiv computes x*y or x/y in double precision (complex64 operands are widened
// and the result rounded back, as gc does). Division is Smith's algorithm (CACM 1962):
// divide by the larger of |re(y)|, |im(y)| to avoid overflow.
static LLVMValueRef
complex_muldiv(Cg *c, Value *v, bool div)
{
	LLVMTypeRef lt = cg_type(c, v->type);
	bool small = type_under(v->type)->kind == TY_COMPLEX64;
	LLVMValueRef p[4];
	for (int i = 0; i < 4; i++) {
		p[i] = cpart(c, arg(c, v, i / 2), (unsigned)(i % 2));
		if (small)
			p[i] = LLVMBuildFPExt(c->b, p[i], c->t_f64, "");
	}
	LLVMValueRef a = p[0], b = p[1], cc = p[2], d = p[3], re, im;
	LLVMBuilderRef B = c->b;
	if (!div) {
		re = LLVMBuildFSub(B, LLVMBuildFMul(B, a, cc, ""), LLVMBuildFMul(B, b, d, ""), "");
		im = LLVMBuildFAdd(B, LLVMBuildFMul(B, a, d, ""), LLVMBuildFMul(B, b, cc, ""), "");
	} else {
		LLVMTypeRef ft = LLVMFunctionType(c->t_f64, &c->t_f64, 1, false);
		LLVMValueRef fabs = LLVMGetNamedFunction(c->mod, "llvm.fabs.f64");
		if (!fabs)
			fabs = LLVMAddFunction(c->mod, "llvm.fabs.f64", ft);
		LLVMValueRef ac = LLVMBuildCall2(B, ft, fabs, &cc, 1, "");
		LLVMValueRef ad = LLVMBuildCall2(B, ft, fabs, &d, 1, "");
		LLVMValueRef big = LLVMBuildFCmp(B, LLVMRealOGE, ac, ad, "");
		// |c| >= |d|: r = d/c, den = c + r*d, re = (a + b*r)/den, im = (b - a*r)/den
		LLVMValueRef r1 = LLVMBuildFDiv(B, d, cc, "");
		LLVMValueRef den1 = LLVMBuildFAdd(B, cc, LLVMBuildFMul(B, r1, d, ""), "");
		LLVMValueRef re1 = LLVMBuildFDiv(
			B, LLVMBuildFAdd(B, a, LLVMBuildFMul(B, b, r1, ""), ""), den1, "");
		LLVMValueRef im1 = LLVMBuildFDiv(
			B, LLVMBuildFSub(B, b, LLVMBuildFMul(B, a, r1, ""), ""), den1, "");
		// else: r = c/d, den = d + r*c, re = (a*r + b)/den, im = (b*r - a)/den
		LLVMValueRef r2 = LLVMBuildFDiv(B, cc, d, "");
		LLVMValueRef den2 = LLVMBuildFAdd(B, d, LLVMBuildFMul(B, r2, cc, ""), "");
		LLVMValueRef re2 = LLVMBuildFDiv(
			B, LLVMBuildFAdd(B, LLVMBuildFMul(B, a, r2, ""), b, ""), den2, "");
		LLVMValueRef im2 = LLVMBuildFDiv(
			B, LLVMBuildFSub(B, LLVMBuildFMul(B, b, r2, ""), a, ""), den2, "");
		re = LLVMBuildSelect(B, big, re1, re2, "");
		im = LLVMBuildSelect(B, big, im1, im2, "");
		// NaN+NaNi: infinite or zero operands may imply a result (rt_complex_divnan)
		LLVMTypeRef pt = LLVMArrayType2(c->t_f64, 2);
		LLVMValueRef slot = cg_alloca(c, pt, 8, "cdiv");
		LLVMValueRef i1 = i64c(c, 1);
		LLVMValueRef slot1 = LLVMBuildInBoundsGEP2(B, c->t_f64, slot, &i1, 1, "");
		LLVMBuildStore(B, re, slot);
		LLVMBuildStore(B, im, slot1);
		LLVMValueRef nan = LLVMBuildAnd(B, LLVMBuildFCmp(B, LLVMRealUNO, re, re, ""),
						LLVMBuildFCmp(B, LLVMRealUNO, im, im, ""), "");
		LLVMBasicBlockRef fix = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "cdivnan");
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "cdivdone");
		LLVMBuildCondBr(B, nan, fix, done);
		LLVMPositionBuilderAtEnd(B, fix);
		LLVMValueRef fa[5] = {a, b, cc, d, slot};
		cg_rtcall(c, "rt_complex_divnan", c->t_void, fa, 5);
		LLVMBuildBr(B, done);
		LLVMPositionBuilderAtEnd(B, done);
		re = LLVMBuildLoad2(B, c->t_f64, slot, "");
		im = LLVMBuildLoad2(B, c->t_f64, slot1, "");
	}
	if (small) {
		re = LLVMBuildFPTrunc(B, re, c->t_f32, "");
		im = LLVMBuildFPTrunc(B, im, c->t_f32, "");
	}
	return cmake(c, lt, re, im);
}

static LLVMValueRef
emit_binary(Cg *c, Value *v)
{
	LLVMValueRef x = arg(c, v, 0), y = arg(c, v, 1);
	const char *nm = vname(c, v);
	Class cl = class_of(v->type);
	LLVMBuilderRef B = c->b;
	if (cl == CL_COMPLEX) {
		if (v->op == OP_MUL)
			return complex_muldiv(c, v, false);
		LLVMValueRef re, im;
		if (v->op == OP_ADD) {
			re = LLVMBuildFAdd(B, cpart(c, x, 0), cpart(c, y, 0), "");
			im = LLVMBuildFAdd(B, cpart(c, x, 1), cpart(c, y, 1), "");
		} else {
			re = LLVMBuildFSub(B, cpart(c, x, 0), cpart(c, y, 0), "");
			im = LLVMBuildFSub(B, cpart(c, x, 1), cpart(c, y, 1), "");
		}
		return cmake(c, cg_type(c, v->type), re, im);
	}
	bool fl = cl == CL_FLOAT;
	switch (v->op) {
	case OP_ADD:
		return fl ? LLVMBuildFAdd(B, x, y, nm) : LLVMBuildAdd(B, x, y, nm);
	case OP_SUB:
		return fl ? LLVMBuildFSub(B, x, y, nm) : LLVMBuildSub(B, x, y, nm);
	case OP_MUL:
		return fl ? LLVMBuildFMul(B, x, y, nm) : LLVMBuildMul(B, x, y, nm);
	case OP_AND:
		return LLVMBuildAnd(B, x, y, nm);
	case OP_OR:
		return LLVMBuildOr(B, x, y, nm);
	case OP_XOR:
		return LLVMBuildXor(B, x, y, nm);
	case OP_ANDNOT:
		return LLVMBuildAnd(B, x, LLVMBuildNot(B, y, ""), nm);
	default:
		fatal_at(v->pos, "codegen: bad binary op %s", op_name[v->op]);
	}
}

// emit_divmod: x / y and x % y with Go's panics and wrapping.
static LLVMValueRef
emit_divmod(Cg *c, Value *v)
{
	bool div = v->op == OP_DIV;
	Class cl = class_of(v->type);
	if (cl == CL_COMPLEX)
		return complex_muldiv(c, v, true);
	LLVMValueRef x = arg(c, v, 0), y = arg(c, v, 1);
	const char *nm = vname(c, v);
	if (cl == CL_FLOAT)
		return LLVMBuildFDiv(c->b, x, y, nm);
	LLVMTypeRef lt = LLVMTypeOf(x);
	int64_t k;
	bool yconst = const_int(y, &k);
	if (!yconst || k == 0) {
		LLVMValueRef z = LLVMBuildICmp(c->b, LLVMIntEQ, y, LLVMConstNull(lt), "");
		cg_panic_if(c, z, "rt_panic_divide", NULL, 0);
	}
	if (!cg_is_signed(v->type))
		return div ? LLVMBuildUDiv(c->b, x, y, nm) : LLVMBuildURem(c->b, x, y, nm);
	if (yconst && k != -1)
		return div ? LLVMBuildSDiv(c->b, x, y, nm) : LLVMBuildSRem(c->b, x, y, nm);
	// y == -1: x / -1 = -x (wrapping: MinInt / -1 = MinInt), x % -1 = 0
	LLVMValueRef m1 = LLVMConstAllOnes(lt);
	LLVMValueRef ism1 = LLVMBuildICmp(c->b, LLVMIntEQ, y, m1, "");
	LLVMValueRef ysafe = LLVMBuildSelect(c->b, ism1, LLVMConstInt(lt, 1, false), y, "");
	LLVMValueRef q = div ? LLVMBuildSDiv(c->b, x, ysafe, "") : LLVMBuildSRem(c->b, x, ysafe, "");
	LLVMValueRef alt = div ? LLVMBuildNeg(c->b, x, "") : LLVMConstNull(lt);
	return LLVMBuildSelect(c->b, ism1, alt, q, nm);
}

// emit_shift: x << y and x >> y with Go's large and negative counts.
static LLVMValueRef
emit_shift(Cg *c, Value *v)
{
	LLVMValueRef x = arg(c, v, 0), y = arg(c, v, 1);
	Type *yt = v->args[1]->type;
	const char *nm = vname(c, v);
	LLVMTypeRef xt = LLVMTypeOf(x), ylt = LLVMTypeOf(y);
	unsigned w = LLVMGetIntTypeWidth(xt), yw = LLVMGetIntTypeWidth(ylt);
	bool left = v->op == OP_SHL, sx = cg_is_signed(v->type);
	int64_t k;
	if (const_int(y, &k) && (k >= 0 || !cg_is_signed(yt))) {
		uint64_t uk = yw < 64 ? (uint64_t)k & ((1ull << yw) - 1) : (uint64_t)k;
		if (uk < w) {
			LLVMValueRef amt = LLVMConstInt(xt, uk, false);
			return left ? LLVMBuildShl(c->b, x, amt, nm)
				    : sx ? LLVMBuildAShr(c->b, x, amt, nm)
					 : LLVMBuildLShr(c->b, x, amt, nm);
		}
		if (left || !sx)
			return LLVMConstNull(xt);
		return LLVMBuildAShr(c->b, x, LLVMConstInt(xt, w - 1, false), nm);
	}
	if (cg_is_signed(yt)) {
		LLVMValueRef neg = LLVMBuildICmp(c->b, LLVMIntSLT, y, LLVMConstNull(ylt), "");
		cg_panic_if(c, neg, "rt_panic_shift", NULL, 0);
	}
	LLVMValueRef big = LLVMBuildICmp(c->b, LLVMIntUGE, y, LLVMConstInt(ylt, w, false), "");
	LLVMValueRef amt = yw > w   ? LLVMBuildTrunc(c->b, y, xt, "")
			   : yw < w ? LLVMBuildZExt(c->b, y, xt, "")
				    : y;
	if (left)
		return LLVMBuildSelect(c->b, big, LLVMConstNull(xt),
				       LLVMBuildShl(c->b, x, amt, ""), nm);
	if (!sx)
		return LLVMBuildSelect(c->b, big, LLVMConstNull(xt),
				       LLVMBuildLShr(c->b, x, amt, ""), nm);
	amt = LLVMBuildSelect(c->b, big, LLVMConstInt(xt, w - 1, false), amt, "");
	return LLVMBuildAShr(c->b, x, amt, nm);
}

static LLVMValueRef
emit_unary(Cg *c, Value *v)
{
	LLVMValueRef x = arg(c, v, 0);
	const char *nm = vname(c, v);
	Class cl = class_of(v->type);
	switch (v->op) {
	case OP_NEG:
		if (cl == CL_FLOAT)
			return LLVMBuildFNeg(c->b, x, nm);
		if (cl == CL_COMPLEX)
			return cmake(c, cg_type(c, v->type), LLVMBuildFNeg(c->b, cpart(c, x, 0), ""),
				     LLVMBuildFNeg(c->b, cpart(c, x, 1), ""));
		return LLVMBuildNeg(c->b, x, nm);
	case OP_COM:
		return LLVMBuildNot(c->b, x, nm);
	case OP_NOT:
		return LLVMBuildXor(c->b, x, LLVMConstInt(c->t_i8, 1, false), nm);
	default:
		fatal_at(v->pos, "codegen: bad unary op %s", op_name[v->op]);
	}
}

// ---- comparisons ----

static LLVMValueRef eq_values(Cg *c, Type *t, LLVMValueRef x, LLVMValueRef y, Pos pos);

static LLVMValueRef
spill(Cg *c, Type *t, LLVMValueRef x)
{
	LLVMValueRef slot = cg_alloca(c, cg_type(c, t), type_align(t), "tmp");
	store(c, t, x, slot);
	return slot;
}

static LLVMValueRef
str_call(Cg *c, const char *fn, LLVMValueRef x, LLVMValueRef y)
{
	LLVMValueRef a[4] = {cpart(c, x, 0), cpart(c, x, 1), cpart(c, y, 0), cpart(c, y, 1)};
	return cg_rtcall(c, fn, c->t_i64, a, 4);
}

static bool
is_blank_field(Field *f)
{
	return f->name && strcmp(f->name->name, "_") == 0;
}

// eq_values returns x == y as an i1 for values of comparable type t.
static LLVMValueRef
eq_values(Cg *c, Type *t, LLVMValueRef x, LLVMValueRef y, Pos pos)
{
	Type *u = type_under(t);
	LLVMBuilderRef B = c->b;
	switch (class_of(t)) {
	case CL_INT:
		return LLVMBuildICmp(B, LLVMIntEQ, x, y, "");
	case CL_FLOAT:
		return LLVMBuildFCmp(B, LLVMRealOEQ, x, y, "");
	case CL_COMPLEX:
		return LLVMBuildAnd(B, LLVMBuildFCmp(B, LLVMRealOEQ, cpart(c, x, 0), cpart(c, y, 0), ""),
				    LLVMBuildFCmp(B, LLVMRealOEQ, cpart(c, x, 1), cpart(c, y, 1), ""),
				    "");
	case CL_STRING: {
		LLVMValueRef r = str_call(c, "rt_strequal", x, y);
		return LLVMBuildICmp(B, LLVMIntNE, r, i64c(c, 0), "");
	}
	default:
		break;
	}
	switch (u->kind) {
	case TY_POINTER: case TY_UNSAFEPTR: case TY_MAP: case TY_CHAN: case TY_FUNC:
	case TY_UNTYPED_NIL:
		return LLVMBuildICmp(B, LLVMIntEQ, x, y, "");
	case TY_SLICE: // only against nil
		return LLVMBuildICmp(B, LLVMIntEQ, cpart(c, x, 0), cpart(c, y, 0), "");
	case TY_INTERFACE:
		return cg_iface_eq(c, t, x, y); // cgiface.c
	case TY_STRUCT: case TY_TUPLE:
		if (u->fields.len <= 8) {
			LLVMValueRef r = LLVMConstInt(c->t_i1, 1, false);
			for (int i = 0; i < u->fields.len; i++) {
				if (is_blank_field(&u->fields.v[i]))
					continue;
				Type *ft = u->fields.v[i].type;
				LLVMValueRef e = eq_values(c, ft, cpart(c, x, (unsigned)i),
							   cpart(c, y, (unsigned)i), pos);
				r = LLVMBuildAnd(B, r, e, "");
			}
			return r;
		}
		break;
	case TY_ARRAY:
		if (u->len <= 4) {
			LLVMValueRef r = LLVMConstInt(c->t_i1, 1, false);
			for (int64_t i = 0; i < u->len; i++) {
				LLVMValueRef e = eq_values(c, u->elem, cpart(c, x, (unsigned)i),
							   cpart(c, y, (unsigned)i), pos);
				r = LLVMBuildAnd(B, r, e, "");
			}
			return r;
		}
		break;
	default:
		fatal_at(pos, "codegen: %s: == on %s", c->f->name, type_string(t));
	}
	LLVMValueRef a[3] = {spill(c, t, x), spill(c, t, y), cg_typedesc(c, t)};
	LLVMValueRef r = cg_rtcall(c, "rt_memequal", c->t_i64, a, 3);
	return LLVMBuildICmp(B, LLVMIntNE, r, i64c(c, 0), "");
}

static LLVMValueRef
emit_compare(Cg *c, Value *v)
{
	Type *t = v->args[0]->type;
	if ((v->op == OP_EQ || v->op == OP_NE) && is_big(c, t)) {
		// big values compare in memory
		LLVMValueRef a[3] = {cg_value_addr(c, v->args[0]), cg_value_addr(c, v->args[1]),
				     cg_typedesc(c, t)};
		LLVMValueRef r = cg_rtcall(c, "rt_memequal", c->t_i64, a, 3);
		r = LLVMBuildICmp(c->b, v->op == OP_EQ ? LLVMIntNE : LLVMIntEQ, r, i64c(c, 0), "");
		return LLVMBuildZExt(c->b, r, c->t_i8, vname(c, v));
	}
	LLVMValueRef x = arg(c, v, 0), y = arg(c, v, 1);
	const char *nm = vname(c, v);
	LLVMBuilderRef B = c->b;
	LLVMValueRef r;
	if (v->op == OP_EQ || v->op == OP_NE) {
		bool ne = v->op == OP_NE;
		Type *u = type_under(t);
		Value *nil = v->args[1]->op == OP_ZERO ? v->args[1]
			     : v->args[0]->op == OP_ZERO ? v->args[0]
							  : NULL;
		if (u->kind == TY_INTERFACE && nil) {
			LLVMValueRef other = nil == v->args[1] ? x : y;
			r = LLVMBuildICmp(B, LLVMIntEQ, cpart(c, other, 0), LLVMConstNull(c->t_ptr),
					  "");
		} else if (class_of(t) == CL_FLOAT && ne) {
			return cg_bool(c, LLVMBuildFCmp(B, LLVMRealUNE, x, y, nm));
		} else {
			r = eq_values(c, t, x, y, v->pos);
		}
		if (ne)
			r = LLVMBuildNot(B, r, "");
		LLVMValueRef z = LLVMBuildZExt(B, r, c->t_i8, nm);
		return z;
	}
	Class cl = class_of(t);
	if (cl == CL_STRING) {
		LLVMValueRef s = str_call(c, "rt_strcmp", x, y);
		LLVMIntPredicate p = v->op == OP_LT ? LLVMIntSLT : v->op == OP_LE ? LLVMIntSLE
				     : v->op == OP_GT ? LLVMIntSGT : LLVMIntSGE;
		r = LLVMBuildICmp(B, p, s, i64c(c, 0), "");
	} else if (cl == CL_FLOAT) {
		LLVMRealPredicate p = v->op == OP_LT ? LLVMRealOLT : v->op == OP_LE ? LLVMRealOLE
				      : v->op == OP_GT ? LLVMRealOGT : LLVMRealOGE;
		r = LLVMBuildFCmp(B, p, x, y, "");
	} else {
		bool s = cg_is_signed(t);
		LLVMIntPredicate p;
		switch (v->op) {
		case OP_LT: p = s ? LLVMIntSLT : LLVMIntULT; break;
		case OP_LE: p = s ? LLVMIntSLE : LLVMIntULE; break;
		case OP_GT: p = s ? LLVMIntSGT : LLVMIntUGT; break;
		default: p = s ? LLVMIntSGE : LLVMIntUGE; break;
		}
		r = LLVMBuildICmp(B, p, x, y, "");
	}
	return LLVMBuildZExt(B, r, c->t_i8, nm);
}

// ---- conversions ----

// cvt_trunc reproduces CVTTSD2SI to an n-bit signed integer: in-range values truncate
// toward zero; NaN and out-of-range values give the "integer indefinite" MinInt.
static LLVMValueRef
cvt_trunc(Cg *c, LLVMValueRef xd, unsigned n)
{
	LLVMTypeRef it = n == 32 ? c->t_i32 : c->t_i64;
	double lim = n == 32 ? 2147483648.0 : 9223372036854775808.0;
	LLVMBuilderRef B = c->b;
	LLVMValueRef lo = LLVMBuildFCmp(B, LLVMRealOGE, xd, LLVMConstReal(c->t_f64, -lim), "");
	LLVMValueRef hi = LLVMBuildFCmp(B, LLVMRealOLT, xd, LLVMConstReal(c->t_f64, lim), "");
	LLVMValueRef in = LLVMBuildAnd(B, lo, hi, "");
	LLVMValueRef s = LLVMBuildFPToSI(B, xd, it, "");
	LLVMValueRef s2 = LLVMBuildFreeze(B, s, "");
	LLVMValueRef min = LLVMConstInt(it, n == 32 ? 0x80000000ull : 0x8000000000000000ull,
					false);
	return LLVMBuildSelect(B, in, s2, min, "");
}

// float_to_int converts like gc on amd64: int64 via the 64-bit conversion; int32, int16,
// int8, uint16 and uint8 via the 32-bit one (truncated); uint32 via the 64-bit one
// (truncated); uint64 as x < 2^63 ? cvt(x) : cvt(x - 2^63) | 1<<63.
static LLVMValueRef
float_to_int(Cg *c, LLVMValueRef x, Type *to)
{
	LLVMTypeRef tt = cg_type(c, to);
	if (LLVMTypeOf(x) != c->t_f64)
		x = LLVMBuildFPExt(c->b, x, c->t_f64, "");
	int64_t size = type_size(to);
	bool sgn = cg_is_signed(to);
	LLVMValueRef r;
	if (size == 8 && !sgn) {
		double two63 = 9223372036854775808.0;
		LLVMValueRef small = LLVMBuildFCmp(c->b, LLVMRealOLT, x,
						   LLVMConstReal(c->t_f64, two63), "");
		LLVMValueRef a = cvt_trunc(c, x, 64);
		LLVMValueRef b = cvt_trunc(
			c, LLVMBuildFSub(c->b, x, LLVMConstReal(c->t_f64, two63), ""), 64);
		b = LLVMBuildOr(c->b, b, LLVMConstInt(c->t_i64, 0x8000000000000000ull, false), "");
		return LLVMBuildSelect(c->b, small, a, b, "");
	}
	if (size == 8 || (size == 4 && !sgn))
		r = cvt_trunc(c, x, 64);
	else
		r = cvt_trunc(c, x, 32);
	if (LLVMTypeOf(r) != tt)
		r = LLVMBuildTrunc(c->b, r, tt, "");
	return r;
}

static LLVMValueRef
convert(Cg *c, LLVMValueRef x, Type *from, Type *to, Pos pos)
{
	LLVMTypeRef ft = LLVMTypeOf(x), tt = cg_type(c, to);
	Class fc = class_of(from), tc = class_of(to);
	LLVMTypeKind fk = LLVMGetTypeKind(ft), tk = LLVMGetTypeKind(tt);
	LLVMBuilderRef B = c->b;
	if (fc == CL_INT && tc == CL_INT) {
		unsigned fw = LLVMGetIntTypeWidth(ft), tw = LLVMGetIntTypeWidth(tt);
		if (fw == tw)
			return x;
		if (fw > tw)
			return LLVMBuildTrunc(B, x, tt, "");
		return cg_is_signed(from) ? LLVMBuildSExt(B, x, tt, "") : LLVMBuildZExt(B, x, tt, "");
	}
	if (fc == CL_INT && tc == CL_FLOAT)
		return cg_is_signed(from) ? LLVMBuildSIToFP(B, x, tt, "") : LLVMBuildUIToFP(B, x, tt, "");
	if (fc == CL_FLOAT && tc == CL_INT)
		return float_to_int(c, x, to);
	if (fc == CL_FLOAT && tc == CL_FLOAT) {
		if (ft == tt)
			return x;
		return ft == c->t_f32 ? LLVMBuildFPExt(B, x, tt, "") : LLVMBuildFPTrunc(B, x, tt, "");
	}
	if (fc == CL_COMPLEX && tc == CL_COMPLEX) {
		if (ft == tt)
			return x;
		LLVMTypeRef pt = LLVMStructGetTypeAtIndex(tt, 0);
		LLVMValueRef re = cpart(c, x, 0), im = cpart(c, x, 1);
		if (pt == c->t_f64) {
			re = LLVMBuildFPExt(B, re, pt, "");
			im = LLVMBuildFPExt(B, im, pt, "");
		} else {
			re = LLVMBuildFPTrunc(B, re, pt, "");
			im = LLVMBuildFPTrunc(B, im, pt, "");
		}
		return cmake(c, tt, re, im);
	}
	Type *fu = type_under(from), *tu = type_under(to);
	if (fu->kind == TY_SLICE && tu->kind == TY_POINTER && type_under(tu->elem)->kind == TY_ARRAY)
		return cpart(c, x, 0); // (*[N]T)(s): the builder checked N <= len(s) (BOUNDS_CONVERT)
	if (fk == LLVMIntegerTypeKind && tk == LLVMPointerTypeKind)
		return LLVMBuildIntToPtr(B, x, tt, "");
	if (fk == LLVMPointerTypeKind && tk == LLVMIntegerTypeKind)
		return LLVMBuildPtrToInt(B, x, tt, "");
	if (ft == tt)
		return x;
	if (LLVMABISizeOfType(c->td, ft) == LLVMABISizeOfType(c->td, tt)) {
		LLVMValueRef slot = cg_alloca(c, ft, 8, "conv");
		LLVMBuildStore(B, x, slot);
		return LLVMBuildLoad2(B, tt, slot, "");
	}
	fatal_at(pos, "codegen: %s: conversion from %s to %s", c->f->name, type_string(from),
		 type_string(to));
}

// ---- strings ----

static LLVMValueRef
emit_concat(Cg *c, Value *v)
{
	int n = v->nargs;
	LLVMTypeRef at = LLVMArrayType2(c->t_str, (uint64_t)n);
	LLVMValueRef arr = cg_alloca(c, at, 8, "parts");
	for (int i = 0; i < n; i++) {
		LLVMValueRef idx[2] = {i64c(c, 0), i64c(c, i)};
		LLVMValueRef p = LLVMBuildInBoundsGEP2(c->b, at, arr, idx, 2, "");
		LLVMBuildStore(c->b, arg(c, v, i), p);
	}
	LLVMValueRef a[2] = {arr, i64c(c, n)};
	LLVMValueRef r = cg_rtcall(c, "rt_concatstrings", c->t_str, a, 2);
	LLVMSetValueName2(r, vname(c, v), strlen(vname(c, v)));
	return r;
}

// rt_outcall calls fn(&out, args...) and loads the slice result.
static LLVMValueRef
rt_outcall(Cg *c, Value *v, const char *fn, LLVMValueRef *args, int n)
{
	LLVMValueRef *a = NEWARR(c->arena, LLVMValueRef, n + 1);
	LLVMValueRef out = cg_alloca(c, cg_type(c, v->type), 8, "rtout");
	a[0] = out;
	memcpy(a + 1, args, sizeof(LLVMValueRef) * (size_t)n);
	cg_rtcall(c, fn, c->t_void, a, n + 1);
	return LLVMBuildLoad2(c->b, cg_type(c, v->type), out, vname(c, v));
}

static LLVMValueRef
emit_strconv(Cg *c, Value *v)
{
	LLVMValueRef x = arg(c, v, 0);
	switch (v->op) {
	case OP_BYTES2STR: {
		LLVMValueRef a[2] = {cpart(c, x, 0), cpart(c, x, 1)};
		return cg_rtcall(c, "rt_bytes2str", c->t_str, a, 2);
	}
	case OP_RUNES2STR: {
		LLVMValueRef a[2] = {cpart(c, x, 0), cpart(c, x, 1)};
		return cg_rtcall(c, "rt_runes2str", c->t_str, a, 2);
	}
	case OP_STR2BYTES: {
		LLVMValueRef a[2] = {cpart(c, x, 0), cpart(c, x, 1)};
		return rt_outcall(c, v, "rt_str2bytes", a, 2);
	}
	case OP_STR2RUNES: {
		LLVMValueRef a[2] = {cpart(c, x, 0), cpart(c, x, 1)};
		return rt_outcall(c, v, "rt_str2runes", a, 2);
	}
	default: { // RUNE2STR
		LLVMValueRef r = cg_to_i64(c, x, v->args[0]->type);
		return cg_rtcall(c, "rt_rune2str", c->t_str, &r, 1);
	}
	}
}

// ---- memory ----

static LLVMValueRef
emit_alloc(Cg *c, Value *v)
{
	Type *t = elem_of(v->type);
	if (!t)
		fatal_at(v->pos, "codegen: %s: ALLOC of non-pointer type", c->f->name);
	if (v->esc == ESC_HEAP)
		return heap_alloc(c, t, vname(c, v));
	LLVMValueRef p = cg_alloca(c, cg_type(c, t), type_align(t), vname(c, v));
	zero_mem(c, t, p);
	return p;
}

static LLVMValueRef slice_make(Cg *c, LLVMValueRef p, LLVMValueRef len, LLVMValueRef cap,
			       const char *nm);

static LLVMValueRef
emit_makeslice(Cg *c, Value *v)
{
	Type *et = elem_of(v->type);
	LLVMValueRef len = cg_to_i64(c, arg(c, v, 0), v->args[0]->type);
	LLVMValueRef cap = cg_to_i64(c, arg(c, v, 1), v->args[1]->type);
	int64_t kcap, klen, es = type_size(et);
	if (v->esc != ESC_HEAP && const_int(cap, &kcap) && kcap >= 0 &&
	    (es == 0 || kcap <= (64 << 10) / es)) {
		LLVMTypeRef at = LLVMArrayType2(cg_type(c, et), (uint64_t)kcap);
		LLVMValueRef arr = cg_alloca(c, at, type_align(et), vname(c, v));
		if (kcap * es > 0)
			LLVMBuildMemSet(c->b, arr, LLVMConstInt(c->t_i8, 0, false),
					i64c(c, kcap * es), (unsigned)type_align(et));
		if (!const_int(len, &klen) || klen < 0 || klen > kcap) {
			// len outside [0, cap]: rt_makeslice panics with gc's message (len out
			// of range for a negative or huge len, else cap out of range)
			LLVMValueRef bad = LLVMBuildICmp(c->b, LLVMIntUGT, len, cap, "");
			LLVMValueRef a[4] = {cg_alloca(c, c->t_slice, 8, "rtout"),
					     cg_typedesc(c, et), len, cap};
			cg_panic_if(c, bad, "rt_makeslice", a, 4);
		}
		LLVMValueRef s = LLVMGetUndef(c->t_slice);
		s = LLVMBuildInsertValue(c->b, s, arr, 0, "");
		s = LLVMBuildInsertValue(c->b, s, len, 1, "");
		return LLVMBuildInsertValue(c->b, s, cap, 2, vname(c, v));
	}
	// rt_makeslice returns a slice of exactly (len, cap) or panics: build the header from
	// the arguments so LLVM sees the length (and can drop bounds checks against it)
	LLVMValueRef a[4] = {cg_alloca(c, c->t_slice, 8, "rtout"), cg_typedesc(c, et), len, cap};
	cg_rtcall(c, "rt_makeslice", c->t_void, a, 4);
	LLVMValueRef p = LLVMBuildLoad2(c->b, c->t_ptr, a[0], "");
	return slice_make(c, p, len, cap, vname(c, v));
}

static LLVMValueRef
slice_make(Cg *c, LLVMValueRef p, LLVMValueRef len, LLVMValueRef cap, const char *nm)
{
	LLVMValueRef s = LLVMGetUndef(c->t_slice);
	s = LLVMBuildInsertValue(c->b, s, p, 0, "");
	s = LLVMBuildInsertValue(c->b, s, len, 1, "");
	return LLVMBuildInsertValue(c->b, s, cap, 2, nm);
}

// grow makes room for n more elements in slice s (elem et): returns the data pointer and
// capacity after an inline capacity check and, when needed, rt_growslice.
static void
grow(Cg *c, Type *et, LLVMValueRef s, LLVMValueRef newlen, LLVMValueRef *pp, LLVMValueRef *cp)
{
	LLVMValueRef p = cpart(c, s, 0), len = cpart(c, s, 1), cap = cpart(c, s, 2);
	LLVMValueRef need = LLVMBuildICmp(c->b, LLVMIntUGT, newlen, cap, "");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(c->b);
	LLVMBasicBlockRef gb = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "grow");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "grown");
	LLVMBuildCondBr(c->b, need, gb, done);
	LLVMPositionBuilderAtEnd(c->b, gb);
	LLVMValueRef out = cg_alloca(c, c->t_slice, 8, "grown");
	LLVMValueRef a[6] = {out, cg_typedesc(c, et), p, len, cap, newlen};
	cg_rtcall(c, "rt_growslice", c->t_void, a, 6);
	LLVMValueRef ns = LLVMBuildLoad2(c->b, c->t_slice, out, "");
	LLVMValueRef np = cpart(c, ns, 0), ncap = cpart(c, ns, 2);
	LLVMBuildBr(c->b, done);
	LLVMPositionBuilderAtEnd(c->b, done);
	LLVMValueRef php = LLVMBuildPhi(c->b, c->t_ptr, "");
	LLVMValueRef phc = LLVMBuildPhi(c->b, c->t_i64, "");
	LLVMValueRef iv[2] = {p, np}, ic[2] = {cap, ncap};
	LLVMBasicBlockRef bb[2] = {from, gb};
	LLVMAddIncoming(php, iv, bb, 2);
	LLVMAddIncoming(phc, ic, bb, 2);
	*pp = php;
	*cp = phc;
}

static LLVMValueRef
emit_append(Cg *c, Value *v)
{
	Type *et = elem_of(v->type);
	LLVMTypeRef el = cg_type(c, et);
	LLVMValueRef s = arg(c, v, 0);
	LLVMValueRef len = cpart(c, s, 1);
	int k = v->nargs - 1;
	LLVMValueRef newlen = LLVMBuildAdd(c->b, len, i64c(c, k), "");
	LLVMValueRef p, cap;
	grow(c, et, s, newlen, &p, &cap);
	for (int i = 0; i < k; i++) {
		LLVMValueRef at = gep_index(c, el, p, LLVMBuildAdd(c->b, len, i64c(c, i), ""));
		store(c, et, arg(c, v, i + 1), at);
	}
	return slice_make(c, p, newlen, cap, vname(c, v));
}

static LLVMValueRef
emit_appendslice(Cg *c, Value *v)
{
	Type *et = elem_of(v->type);
	LLVMTypeRef el = cg_type(c, et);
	LLVMValueRef s = arg(c, v, 0), src = arg(c, v, 1);
	LLVMValueRef len = cpart(c, s, 1);
	LLVMValueRef sp = cpart(c, src, 0), sn = cpart(c, src, 1);
	LLVMValueRef newlen = LLVMBuildAdd(c->b, len, sn, "");
	LLVMValueRef p, cap;
	grow(c, et, s, newlen, &p, &cap);
	int64_t es = type_size(et);
	if (es > 0) {
		LLVMValueRef dst = gep_index(c, el, p, len);
		LLVMValueRef bytes = LLVMBuildMul(c->b, sn, i64c(c, es), "");
		LLVMBuildMemMove(c->b, dst, (unsigned)type_align(et), sp, (unsigned)type_align(et),
				 bytes);
	}
	return slice_make(c, p, newlen, cap, vname(c, v));
}

static LLVMValueRef
emit_slicecopy(Cg *c, Value *v)
{
	LLVMValueRef d = arg(c, v, 0), s = arg(c, v, 1);
	Type *et = elem_of(v->args[0]->type);
	LLVMValueRef dn = cpart(c, d, 1), sn = cpart(c, s, 1);
	LLVMValueRef lt = LLVMBuildICmp(c->b, LLVMIntSLT, dn, sn, "");
	LLVMValueRef n = LLVMBuildSelect(c->b, lt, dn, sn, vname(c, v));
	int64_t es = type_size(et);
	if (es > 0)
		LLVMBuildMemMove(c->b, cpart(c, d, 0), 1, cpart(c, s, 0), 1,
				 LLVMBuildMul(c->b, n, i64c(c, es), ""));
	if (v->type && cg_type(c, v->type) != c->t_i64)
		n = LLVMBuildTrunc(c->b, n, cg_type(c, v->type), "");
	return n;
}

// direct_word extracts the pointer word of a pointer-shaped value.
static LLVMValueRef
direct_word(Cg *c, LLVMValueRef x, Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_ARRAY || u->kind == TY_STRUCT)
		return direct_word(c, cpart(c, x, 0),
				   u->kind == TY_ARRAY ? u->elem : u->fields.v[0].type);
	return x;
}

static LLVMValueRef
emit_makeiface(Cg *c, Value *v)
{
	Value *a = v->args[0];
	Type *t = a->type;
	LLVMValueRef m = memval(c, a);
	LLVMValueRef x = m ? NULL : arg(c, v, 0);
	if (type_is_interface(t))
		return x;
	LLVMValueRef desc = cg_iface_word0(c, v->type, t), data; // descriptor or itab
	if (cg_is_direct(t)) {
		data = direct_word(c, x, t);
	} else if (x && LLVMIsConstant(x) && !LLVMIsUndef(x)) {
		// constants are boxed once, in read-only data
		LLVMValueRef g = LLVMAddGlobal(c->mod, LLVMTypeOf(x), "boxed");
		LLVMSetInitializer(g, x);
		LLVMSetGlobalConstant(g, true);
		LLVMSetLinkage(g, LLVMPrivateLinkage);
		LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
		LLVMSetAlignment(g, (unsigned)(type_align(t) < 8 ? 8 : type_align(t)));
		data = g;
	} else if (v->esc == ESC_STACK) {
		data = cg_alloca(c, cg_type(c, t), type_align(t), "box");
		store_value(c, t, a, data);
	} else {
		data = heap_alloc(c, t, "box");
		store_value(c, t, a, data);
	}
	LLVMValueRef r = LLVMGetUndef(c->t_iface);
	r = LLVMBuildInsertValue(c->b, r, desc, 0, "");
	return LLVMBuildInsertValue(c->b, r, data, 1, vname(c, v));
}

static LLVMValueRef
emit_makeclosure(Cg *c, Value *v)
{
	FuncInfo *info = v->aux;
	LLVMValueRef fn = info ? LLVMGetNamedFunction(c->mod, info->name) : NULL;
	if (!fn)
		fatal_at(v->pos, "codegen: %s: closure of an unknown function", c->f->name);
	LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
	unsigned want = (unsigned)type_under(info->type)->fields.len + cg_sret(c, info->type);
	bool hasctx = LLVMCountParams(fn) == want + 1;
	if (!hasctx || v->nargs == 0)
		return cg_static_closure(c, fn, fty, hasctx);
	CgClosure *cl = cg_closure_layout(c, info, v);
	LLVMValueRef obj;
	if (v->esc == ESC_STACK) {
		obj = cg_alloca(c, cl->ty, 8, vname(c, v));
	} else {
		obj = cg_rtcall(c, "rt_alloc", c->t_ptr, &cl->desc, 1);
		LLVMSetValueName2(obj, vname(c, v), strlen(vname(c, v)));
	}
	LLVMBuildStore(c->b, fn, LLVMBuildStructGEP2(c->b, cl->ty, obj, 0, ""));
	for (int i = 0; i < v->nargs; i++) {
		LLVMValueRef p = LLVMBuildStructGEP2(c->b, cl->ty, obj, (unsigned)i + 1, "");
		store_value(c, v->args[i]->type, v->args[i], p);
	}
	return obj;
}

static LLVMValueRef
emit_freevar(Cg *c, Value *v)
{
	if (!c->ctxparam)
		fatal_at(v->pos, "codegen: %s: FREEVAR outside a closure", c->f->name);
	if (!c->closty)
		return LLVMGetUndef(cg_type(c, v->type)); // no closure object is ever made
	unsigned n = LLVMCountStructElementTypes(c->closty);
	if (v->auxint + 1 >= n)
		fatal_at(v->pos, "codegen: %s: FREEVAR %lld of %u captures", c->f->name,
			 (long long)v->auxint, n - 1);
	LLVMValueRef p = LLVMBuildStructGEP2(c->b, c->closty, c->ctxparam,
					     (unsigned)v->auxint + 1, "");
	if (is_big(c, v->type)) {
		c->memvals[v->id] = p; // closure objects are never written after MAKECLOSURE
		return NULL;
	}
	return load(c, v->type, p, vname(c, v));
}

// ---- checks ----

static void
emit_bounds(Cg *c, Value *v)
{
	LLVMValueRef x = cg_to_i64(c, arg(c, v, 0), v->args[0]->type);
	LLVMValueRef y = cg_to_i64(c, arg(c, v, 1), v->args[1]->type);
	int64_t kx, ky;
	bool index = v->auxint == BOUNDS_INDEX;
	if (const_int(x, &kx) && const_int(y, &ky) && kx >= 0 && ky >= 0 &&
	    (index ? kx < ky : kx <= ky))
		return;
	LLVMValueRef bad = LLVMBuildICmp(c->b, index ? LLVMIntUGE : LLVMIntUGT, x, y, "");
	LLVMValueRef a[4] = {i64c(c, v->auxint), x, y,
			     i64c(c, cg_is_signed(v->args[0]->type) ? 1 : 0)};
	cg_panic_if(c, bad, "rt_panic_bounds", a, 4);
}

static void
emit_nilcheck(Cg *c, Value *v)
{
	LLVMValueRef p = arg(c, v, 0);
	if (LLVMGetTypeKind(LLVMTypeOf(p)) != LLVMPointerTypeKind)
		p = cpart(c, p, 0); // slices, strings: their data pointer
	if (LLVMIsConstant(p) && !LLVMIsNull(p))
		return;
	LLVMValueRef isnil = LLVMBuildICmp(c->b, LLVMIntEQ, p, LLVMConstNull(c->t_ptr), "");
	cg_panic_if(c, isnil, "rt_panic_nil", NULL, 0);
}

// ---- one value ----

// agg_index_ok reports whether i indexes an element of aggregate x (a constant index past
// the end of an array only occurs after a bounds check that always fails).
static bool
agg_index_ok(LLVMValueRef x, int64_t i)
{
	LLVMTypeRef t = LLVMTypeOf(x);
	uint64_t n;
	switch (LLVMGetTypeKind(t)) {
	case LLVMStructTypeKind:
		n = LLVMCountStructElementTypes(t);
		break;
	case LLVMArrayTypeKind:
		n = LLVMGetArrayLength2(t);
		break;
	default:
		return false;
	}
	return i >= 0 && (uint64_t)i < n;
}

// check_sizes reports values too big for LLVM to handle as SSA values (gc keeps them in
// memory; gosub does not yet, so it says so instead of hanging in LLVM).
static void
check_sizes(Cg *c, Func *f)
{
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		for (int j = 0; j < b->values.len; j++) {
			Value *v = b->values.v[j];
			if (!v->type || v->op == OP_ZERO || c->memok[v->id] ||
			    (v->op == OP_LOAD && v->uses == 0))
				continue;
			Type *u = type_under(v->type);
			if ((u->kind == TY_ARRAY || u->kind == TY_STRUCT || u->kind == TY_TUPLE) &&
			    type_size(v->type) > MAX_VALUE) {
				error_at(v->pos, "not supported: values of type %s (%lld bytes)",
					 type_string(v->type), (long long)type_size(v->type));
				return;
			}
		}
	}
}

// emit_insert_big lowers INSERT of a big aggregate in memory: a copy of arg0 with field
// (or element) auxint set to arg1. When arg0 is used only here and lives in a stack slot
// of its own, the slot is updated in place (no other use can see the old value), so a
// chain of INSERTs building a literal fills one slot.
static LLVMValueRef
emit_insert_big(Cg *c, Value *v)
{
	Value *x = v->args[0];
	LLVMTypeRef lt = cg_type(c, v->type);
	LLVMValueRef m = memval(c, x);
	if (!m || !c->memown[x->id] || x->uses != 1) {
		m = cg_alloca(c, lt, cg_alignof(c, v->type), vname(c, v));
		store_value(c, v->type, x, m);
	}
	uint64_t n = LLVMGetTypeKind(lt) == LLVMStructTypeKind ? LLVMCountStructElementTypes(lt)
							      : LLVMGetArrayLength2(lt);
	if (v->auxint >= 0 && (uint64_t)v->auxint < n) { // else after a failing check
		LLVMValueRef idx[2] = {LLVMConstInt(c->t_i32, 0, false),
				       LLVMConstInt(c->t_i32, (uint64_t)v->auxint, false)};
		LLVMValueRef p = LLVMBuildInBoundsGEP2(c->b, lt, m, idx, 2, "");
		store_value(c, v->args[1]->type, v->args[1], p);
	}
	c->memvals[v->id] = m;
	c->memown[v->id] = true;
	return NULL;
}

static LLVMValueRef
emit_value(Cg *c, Value *v)
{
	LLVMBuilderRef B = c->b;
	switch (v->op) {
	case OP_CONST:
		return emit_const(c, v);
	case OP_ZERO:
		return LLVMConstNull(cg_type(c, v->type));
	case OP_PARAM: {
		unsigned i = (unsigned)v->auxint + (c->ctxparam != NULL);
		if (i >= LLVMCountParams(c->fn))
			fatal_at(v->pos, "codegen: %s: parameter %lld out of range", c->f->name,
				 (long long)v->auxint);
		LLVMValueRef p = LLVMGetParam(c->fn, i);
		if (v->name)
			LLVMSetValueName2(p, v->name->name, (size_t)v->name->len);
		if (is_big(c, v->type)) {
			c->memvals[v->id] = p; // by reference (codegen.h)
			return NULL;
		}
		return p;
	}
	case OP_FREEVAR:
		return emit_freevar(c, v);
	case OP_GETVAR: case OP_SETVAR:
		fatal_at(v->pos, "codegen: %s: %s left after mem2reg", c->f->name, op_name[v->op]);
	case OP_PHI:
		return LLVMBuildPhi(B, cg_type(c, v->type), vname(c, v));
	case OP_COPY:
		if (memval(c, v->args[0])) {
			c->memvals[v->id] = memval(c, v->args[0]);
			return NULL;
		}
		return arg(c, v, 0);
	case OP_GLOBAL: {
		Obj *o = v->aux;
		LLVMValueRef g = global_of(c, o, v->pos);
		if (o && o->pkg && o->pkg->path && strcmp(o->pkg->path, "main") != 0 && o->name &&
		    o->type && type_size(o->type) >= 8) {
			// A std package variable (os.Args, os.Stdout, strconv.ErrRange...): filled
			// by the runtime (rt_os_args, else rt_<pkg>_var_<Name>) while its first
			// word is zero
			char *rt = arena_sprintf(c->arena, "rt_%s_var_%s", o->pkg->path,
						 o->name->name);
			for (char *q = rt; *q; q++)
				if (*q == '/')
					*q = '_';
			if (strcmp(rt, "rt_os_var_Args") == 0)
				rt = "rt_os_args";
			LLVMValueRef p = LLVMBuildLoad2(B, c->t_ptr, g, "");
			LLVMValueRef isnil = LLVMBuildICmp(B, LLVMIntEQ, p, LLVMConstNull(c->t_ptr), "");
			LLVMBasicBlockRef fill = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "stdvar");
			LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "hasvar");
			LLVMBuildCondBr(B, isnil, fill, done);
			LLVMPositionBuilderAtEnd(B, fill);
			cg_rtcall(c, rt, c->t_void, &g, 1);
			LLVMBuildBr(B, done);
			LLVMPositionBuilderAtEnd(B, done);
		}
		return g;
	}
	case OP_FUNCADDR: {
		Obj *o = v->aux;
		LLVMValueRef fn = cg_func_of(c, o);
		if (!fn) {
			error_at(v->pos, "%s as a func value is not supported",
				 o && o->name ? o->name->name : "function");
			return LLVMConstNull(c->t_ptr);
		}
		return cg_static_closure(c, fn, LLVMGlobalGetValueType(fn), false);
	}
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_AND: case OP_OR: case OP_XOR:
	case OP_ANDNOT:
		return emit_binary(c, v);
	case OP_DIV: case OP_MOD:
		return emit_divmod(c, v);
	case OP_SHL: case OP_SHR:
		return emit_shift(c, v);
	case OP_NEG: case OP_COM: case OP_NOT:
		return emit_unary(c, v);
	case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
		return emit_compare(c, v);
	case OP_CONV:
		if (type_is_interface(v->type) && type_is_interface(v->args[0]->type))
			return cg_emit_ifaceconv(c, v); // cgiface.c
		return convert(c, arg(c, v, 0), v->args[0]->type, v->type, v->pos);
	case OP_CONCAT:
		return emit_concat(c, v);
	case OP_STRMAKE: {
		LLVMValueRef s = LLVMGetUndef(c->t_str);
		s = LLVMBuildInsertValue(B, s, arg(c, v, 0), 0, "");
		return LLVMBuildInsertValue(B, s, cg_to_i64(c, arg(c, v, 1), v->args[1]->type), 1,
					    vname(c, v));
	}
	case OP_STRPTR: case OP_SLICEPTR:
		return LLVMBuildExtractValue(B, arg(c, v, 0), 0, vname(c, v));
	case OP_STRLEN: case OP_SLICELEN:
		return LLVMBuildExtractValue(B, arg(c, v, 0), 1, vname(c, v));
	case OP_SLICECAP:
		return LLVMBuildExtractValue(B, arg(c, v, 0), 2, vname(c, v));
	case OP_BYTES2STR: case OP_STR2BYTES: case OP_RUNES2STR: case OP_STR2RUNES:
	case OP_RUNE2STR:
		return emit_strconv(c, v);
	case OP_ALLOC:
		return emit_alloc(c, v);
	case OP_MAKESLICE:
		return emit_makeslice(c, v);
	case OP_LOAD:
		if (v->uses == 0)
			return NULL; // NILCHECK, not the load, does the nil check
		if (c->memok[v->id]) {
			cg_load_big(c, v, arg(c, v, 0));
			return NULL;
		}
		return load(c, v->type, arg(c, v, 0), vname(c, v));
	case OP_STORE:
		store_value(c, v->args[1]->type, v->args[1], arg(c, v, 0));
		return NULL;
	case OP_FIELDADDR: {
		Type *st = elem_of(v->args[0]->type);
		return LLVMBuildStructGEP2(B, cg_type(c, st), arg(c, v, 0), (unsigned)v->auxint,
					   vname(c, v));
	}
	case OP_INDEXADDR: {
		Type *at = elem_of(v->args[0]->type);
		LLVMValueRef idx[2] = {i64c(c, 0),
				       cg_to_i64(c, arg(c, v, 1), v->args[1]->type)};
		return LLVMBuildInBoundsGEP2(B, cg_type(c, at), arg(c, v, 0), idx, 2, vname(c, v));
	}
	case OP_PTRINDEX: {
		Type *et = elem_of(v->type);
		LLVMValueRef i = cg_to_i64(c, arg(c, v, 1), v->args[1]->type);
		return LLVMBuildInBoundsGEP2(B, cg_type(c, et), arg(c, v, 0), &i, 1, vname(c, v));
	}
	case OP_SLICEMAKE:
		return slice_make(c, arg(c, v, 0), cg_to_i64(c, arg(c, v, 1), v->args[1]->type),
				  cg_to_i64(c, arg(c, v, 2), v->args[2]->type), vname(c, v));
	case OP_EXTRACT: {
		LLVMValueRef m = memval(c, v->args[0]);
		if (m) {
			Type *at = v->args[0]->type;
			LLVMValueRef idx[2] = {LLVMConstInt(c->t_i32, 0, false),
					       LLVMConstInt(c->t_i32, (uint64_t)v->auxint, false)};
			LLVMValueRef p = LLVMBuildInBoundsGEP2(B, cg_type(c, at), m, idx, 2, "");
			if (is_big(c, v->type)) {
				c->memvals[v->id] = p; // part of the aggregate's memory
				return NULL;
			}
			return load(c, v->type, p, vname(c, v));
		}
		if (!agg_index_ok(arg(c, v, 0), v->auxint))
			return LLVMConstNull(cg_type(c, v->type)); // zero-size, or after a failing check
		return LLVMBuildExtractValue(B, arg(c, v, 0), (unsigned)v->auxint, vname(c, v));
	}
	case OP_INSERT:
		if (is_big(c, v->type))
			return emit_insert_big(c, v);
		if (!agg_index_ok(arg(c, v, 0), v->auxint))
			return arg(c, v, 0);
		return LLVMBuildInsertValue(B, arg(c, v, 0), arg(c, v, 1), (unsigned)v->auxint,
					    vname(c, v));
	case OP_TUPLE: {
		if (is_big(c, v->type)) {
			LLVMTypeRef tt = cg_type(c, v->type);
			LLVMValueRef m = cg_alloca(c, tt, cg_alignof(c, v->type), vname(c, v));
			for (int i = 0; i < v->nargs; i++)
				store_value(c, v->args[i]->type, v->args[i],
					    LLVMBuildStructGEP2(B, tt, m, (unsigned)i, ""));
			c->memvals[v->id] = m;
			c->memown[v->id] = true;
			return NULL;
		}
		LLVMValueRef t = LLVMGetUndef(cg_type(c, v->type));
		for (int i = 0; i < v->nargs; i++)
			t = LLVMBuildInsertValue(B, t, arg(c, v, i), (unsigned)i, "");
		return t;
	}
	case OP_APPEND:
		return emit_append(c, v);
	case OP_APPENDSLICE:
		return emit_appendslice(c, v);
	case OP_SLICECOPY:
		return emit_slicecopy(c, v);
	case OP_MAKEIFACE:
		return emit_makeiface(c, v);
	case OP_MAKECLOSURE:
		return emit_makeclosure(c, v);
	case OP_NILCHECK:
		emit_nilcheck(c, v);
		return v->type ? arg(c, v, 0) : NULL;
	case OP_BOUNDS:
		emit_bounds(c, v);
		return NULL;
	case OP_CALL:
		return cg_emit_call(c, v);
	case OP_CALLCLOSURE:
		return cg_emit_callclosure(c, v);
	case OP_CALLRT:
		return cg_emit_callrt(c, v);
	case OP_CALLIFACE: // cgiface.c
		return cg_emit_calliface(c, v);
	case OP_ASSERT: case OP_ASSERT2:
		return cg_emit_assert(c, v);
	case OP_METHODVALUE:
		return cg_emit_methodvalue(c, v);
	case OP_MAKEMAP: case OP_MAPINDEX: case OP_MAPINDEX2: case OP_MAPASSIGN: // cgmap.c
	case OP_MAPDELETE: case OP_MAPLEN: case OP_MAPITERINIT: case OP_MAPITERNEXT:
	case OP_MAPITERDONE: case OP_MAPITERKEY: case OP_MAPITERELEM:
		return cg_emit_mapop(c, v);
	case OP_DEFERFRAME: case OP_DEFERSETJMP: case OP_DEFER: case OP_DEFERRETURN: // cgdefer.c
	case OP_RECOVER: case OP_GO:
		return cg_emit_deferop(c, v);
	case OP_PANIC: {
		LLVMValueRef x = arg(c, v, 0);
		LLVMValueRef a[2] = {cpart(c, x, 0), cpart(c, x, 1)};
		cg_rtcall(c, "rt_panic", c->t_void, a, 2);
		return NULL;
	}
	default:
		fatal_at(v->pos, "codegen: %s: op %s not supported", c->f->name,
			 (unsigned)v->op < OP_COUNT ? op_name[v->op] : "?");
	}
}

// ---- blocks ----

static void
emit_terminator(Cg *c, Block *b)
{
	LLVMBuilderRef B = c->b;
	switch (b->kind) {
	case BK_PLAIN:
		LLVMBuildBr(B, c->bbs[b->succs[0]->id]);
		break;
	case BK_IF:
		LLVMBuildCondBr(B, cg_cond(c, cg_value(c, b->control)), c->bbs[b->succs[0]->id],
				c->bbs[b->succs[1]->id]);
		break;
	case BK_RET: {
		if (c->sret) {
			// big results: written through the hidden pointer (codegen.h)
			Value *r = b->control;
			if (r && r->op == OP_TUPLE && r->nargs == 1 &&
			    type_under(c->f->info->type)->results.len == 1)
				r = r->args[0];
			LLVMTypeRef rt = cg_restype(c, c->f->info->type);
			if (r)
				store_value(c, r->type, r, c->sret);
			else
				LLVMBuildMemSet(B, c->sret, LLVMConstInt(c->t_i8, 0, false),
						i64c(c, (int64_t)LLVMABISizeOfType(c->td, rt)),
						LLVMABIAlignmentOfType(c->td, rt));
			LLVMBuildRetVoid(B);
			break;
		}
		LLVMTypeRef rt = LLVMGetReturnType(LLVMGlobalGetValueType(c->fn));
		if (LLVMGetTypeKind(rt) == LLVMVoidTypeKind) {
			LLVMBuildRetVoid(B);
			break;
		}
		if (!b->control) {
			LLVMBuildRet(B, LLVMConstNull(rt));
			break;
		}
		LLVMValueRef r = cg_value(c, b->control);
		if (LLVMTypeOf(r) != rt && b->control->op == OP_TUPLE && b->control->nargs == 1)
			r = cg_value(c, b->control->args[0]);
		if (LLVMTypeOf(r) != rt)
			fatal_at(b->pos, "codegen: %s: returned value has the wrong type",
				 c->f->name);
		LLVMBuildRet(B, r);
		break;
	}
	case BK_EXIT:
		LLVMBuildUnreachable(B);
		break;
	}
}

// rpo_order returns the blocks reachable from the entry in reverse postorder.
static Block **
rpo_order(Func *f, int *n)
{
	int nb = f->nblocks + 1;
	bool *seen = NEWARR(f->arena, bool, nb);
	Block **post = NEWARR(f->arena, Block *, nb);
	Block **stack = NEWARR(f->arena, Block *, nb);
	int *next = NEWARR(f->arena, int, nb);
	int np = 0, sp = 0;
	stack[sp++] = f->entry;
	seen[f->entry->id] = true;
	while (sp > 0) {
		Block *b = stack[sp - 1];
		if (next[b->id] < b->nsuccs) {
			Block *s = b->succs[next[b->id]++];
			if (!seen[s->id]) {
				seen[s->id] = true;
				stack[sp++] = s;
			}
		} else {
			post[np++] = b;
			sp--;
		}
	}
	Block **order = NEWARR(f->arena, Block *, np + 1);
	for (int i = 0; i < np; i++)
		order[i] = post[np - 1 - i];
	*n = np;
	return order;
}

// cg_emit_func emits the body of f into its declared LLVM function.
// Requires: cg_declare_func for every function of the program; closure layouts recorded.
void
cg_emit_func(Cg *c, Func *f)
{
	c->f = f;
	c->fn = LLVMGetNamedFunction(c->mod, f->name);
	if (!f->entry) {
		fatal_at(f->pos, "codegen: %s has no entry block", f->name);
	}
	c->vals = NEWARR(f->arena, LLVMValueRef, f->nvalues + 1);
	c->bbs = NEWARR(f->arena, LLVMBasicBlockRef, f->nblocks + 1);
	c->exits = NEWARR(f->arena, LLVMBasicBlockRef, f->nblocks + 1);
	c->ctxparam = f->isclosure ? LLVMGetParam(c->fn, 0) : NULL;
	c->closty = NULL;
	if (f->isclosure && f->info) {
		CgClosure *cl = cg_closure_layout(c, f->info, NULL);
		c->closty = cl ? cl->ty : NULL;
	}
	c->sret = NULL;
	if (f->info && cg_sret(c, f->info->type))
		c->sret = LLVMGetParam(c->fn, LLVMCountParams(c->fn) - 1);
	c->memok = find_memvals(c, f);
	c->memvals = NEWARR(f->arena, LLVMValueRef, f->nvalues + 1);
	c->memown = NEWARR(f->arena, bool, f->nvalues + 1);
	c->frame = NULL;
	int nerr = diag_nerrors();
	check_sizes(c, f);
	if (diag_nerrors() > nerr) {
		c->f = NULL;
		return;
	}
	int n;
	Block **order = rpo_order(f, &n);
	c->allocabb = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "entry");
	for (int i = 0; i < n; i++)
		c->bbs[order[i]->id] = LLVMAppendBasicBlockInContext(
			c->ctx, c->fn, arena_sprintf(f->arena, "b%d", order[i]->id));
	LLVMPositionBuilderAtEnd(c->b, c->allocabb);
	c->allocaend = LLVMBuildBr(c->b, c->bbs[f->entry->id]);
	cg_func_prologue(c, f); // cgdefer.c

	for (int i = 0; i < n; i++) {
		Block *b = order[i];
		LLVMPositionBuilderAtEnd(c->b, c->bbs[b->id]);
		for (int j = 0; j < b->values.len; j++) {
			Value *v = b->values.v[j];
			c->vals[v->id] = emit_value(c, v);
		}
		emit_terminator(c, b);
		c->exits[b->id] = LLVMGetInsertBlock(c->b);
	}

	// phi arguments, now that every value and block end exists
	for (int i = 0; i < n; i++) {
		Block *b = order[i];
		for (int j = 0; j < b->values.len && b->values.v[j]->op == OP_PHI; j++) {
			Value *v = b->values.v[j];
			if (v->nargs != b->preds.len)
				fatal_at(v->pos, "codegen: %s: phi v%d has %d args for %d preds",
					 f->name, v->id, v->nargs, b->preds.len);
			for (int k = 0; k < b->preds.len; k++) {
				Block *p = b->preds.v[k];
				if (!c->exits[p->id])
					continue; // unreachable pred
				LLVMBasicBlockRef from = c->exits[p->id];
				if (memval(c, v->args[k])) // loaded at the end of the pred
					LLVMPositionBuilderBefore(c->b,
								  LLVMGetBasicBlockTerminator(from));
				LLVMValueRef x = cg_value(c, v->args[k]);
				LLVMAddIncoming(c->vals[v->id], &x, &from, 1);
			}
		}
	}
	c->f = NULL;
}
