// cgcall.c: calling conventions. Declarations of Go functions, calls of Go functions and
// func values (closures), calls into the runtime with arguments flattened by rt.h's rule,
// the table that maps std package functions (fmt.Println ...) onto runtime functions, and
// the helpers every op lowering uses (allocas, panicking checks, bool conversions).
//
// Go-to-Go calls pass LLVM values of the Go types and return void, one value or an
// anonymous struct, except that big values (more than CG_BIG bytes) go by reference: a
// big argument as the address of memory holding it, big results through a hidden last
// pointer to a stack slot of the caller (codegen.h states the convention). The
// runtime is C, so calls into it follow rt.h's rule: only scalars cross (string -> ptr,
// len; slice -> ptr, len, cap; interface -> type, data; integers widened to i64; other
// aggregates by address), results are scalars, RtString, or written through an
// out-pointer first argument.
//
// Invariants: every runtime function is declared once with the type of its first call;
// a later call with different flattened types is an internal error (it would be an ABI
// bug). Panicking runtime functions are declared noreturn and cold, so LLVM lays out the
// checks' panic blocks out of line.
#include <string.h>

#include <llvm-c/Core.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "frontend/frontend.h"
#include "runtime/rt.h"
#include "ssa/ssa.h"

// ---- small helpers ----

// cg_value returns the LLVM value of SSA value v, which must already be emitted; a big
// value kept in memory is loaded at the builder's position.
LLVMValueRef
cg_value(Cg *c, Value *v)
{
	LLVMValueRef x = c->vals[v->id];
	LLVMValueRef m = c->memvals ? c->memvals[v->id] : NULL;
	if (!x && m) {
		// a big value kept in memory (cgfunc.c) where a first-class value is needed
		LLVMValueRef l = LLVMBuildLoad2(c->b, cg_type(c, v->type), m, "");
		LLVMSetAlignment(l, (unsigned)cg_alignof(c, v->type));
		return l;
	}
	if (!x)
		fatal_at(v->pos, "codegen: %s: v%d (%s) used before it is defined", c->f->name,
			 v->id, op_name[v->op]);
	return x;
}

// cg_bool turns an i1 into a Go bool (i8 0 or 1).
LLVMValueRef
cg_bool(Cg *c, LLVMValueRef i1)
{
	return LLVMBuildZExt(c->b, i1, c->t_i8, "");
}

// cg_cond turns a Go bool (i8) into an i1 for branches and selects.
LLVMValueRef
cg_cond(Cg *c, LLVMValueRef b)
{
	if (LLVMTypeOf(b) == c->t_i1)
		return b;
	return LLVMBuildTrunc(c->b, b, c->t_i1, "");
}

// cg_alloca creates a stack slot of type t in the function's entry block.
LLVMValueRef
cg_alloca(Cg *c, LLVMTypeRef t, int64_t align, const char *name)
{
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(c->b);
	LLVMPositionBuilderBefore(c->b, c->allocaend);
	LLVMValueRef a = LLVMBuildAlloca(c->b, t, name);
	if (align > 0)
		LLVMSetAlignment(a, (unsigned)align);
	LLVMPositionBuilderAtEnd(c->b, cur);
	return a;
}

// cg_to_i64 widens (or keeps) integer x of Go type t to i64, by its signedness.
LLVMValueRef
cg_to_i64(Cg *c, LLVMValueRef x, Type *t)
{
	LLVMTypeRef xt = LLVMTypeOf(x);
	if (xt == c->t_i64)
		return x;
	if (LLVMGetTypeKind(xt) == LLVMPointerTypeKind)
		return LLVMBuildPtrToInt(c->b, x, c->t_i64, "");
	if (t && cg_is_signed(t))
		return LLVMBuildSExt(c->b, x, c->t_i64, "");
	return LLVMBuildZExt(c->b, x, c->t_i64, "");
}

static bool
is_noreturn_rt(const char *name)
{
	return strncmp(name, "rt_panic", 8) == 0 || strcmp(name, "rt_os_exit") == 0 ||
	       strcmp(name, "rt_throw") == 0;
}

static void
add_attr(Cg *c, LLVMValueRef fn, const char *attr)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
				LLVMCreateEnumAttribute(c->ctx, kind, 0));
}

// cg_rtfn returns the runtime function name, declaring it with the given type on first
// use.
LLVMValueRef
cg_rtfn(Cg *c, const char *name, LLVMTypeRef ret, LLVMTypeRef *params, int n)
{
	LLVMValueRef fn = LLVMGetNamedFunction(c->mod, name);
	if (fn)
		return fn;
	fn = LLVMAddFunction(c->mod, name, LLVMFunctionType(ret, params, (unsigned)n, false));
	add_attr(c, fn, "nounwind");
	if (is_noreturn_rt(name)) {
		add_attr(c, fn, "noreturn");
		add_attr(c, fn, "cold");
	}
	if (strncmp(name, "rt_alloc", 8) == 0) {
		// fresh memory: nothing else points to it
		unsigned k = LLVMGetEnumAttributeKindForName("noalias", 7);
		LLVMAddAttributeAtIndex(fn, LLVMAttributeReturnIndex,
					LLVMCreateEnumAttribute(c->ctx, k, 0));
	}
	return fn;
}

// cg_rtcall calls runtime function name with already flattened args, declaring it from
// their types and ret on first use.
LLVMValueRef
cg_rtcall(Cg *c, const char *name, LLVMTypeRef ret, LLVMValueRef *args, int n)
{
	LLVMTypeRef *ps = NEWARR(c->arena, LLVMTypeRef, n + 1);
	for (int i = 0; i < n; i++)
		ps[i] = LLVMTypeOf(args[i]);
	LLVMValueRef fn = cg_rtfn(c, name, ret, ps, n);
	LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
	unsigned np = LLVMCountParamTypes(fty);
	LLVMTypeRef have_ret = LLVMGetReturnType(fty);
	// integer results of different widths read the same register: allowed, then cast
	bool intret = LLVMGetTypeKind(have_ret) == LLVMIntegerTypeKind &&
		      LLVMGetTypeKind(ret) == LLVMIntegerTypeKind;
	bool ok = np == (unsigned)n && (have_ret == ret || intret);
	if (ok) {
		LLVMTypeRef *have = NEWARR(c->arena, LLVMTypeRef, np + 1);
		LLVMGetParamTypes(fty, have);
		for (int i = 0; i < n; i++)
			ok = ok && have[i] == ps[i];
	}
	if (!ok)
		fatal_at(c->f ? c->f->pos : (Pos){0},
			 "codegen: runtime function %s called with two different signatures", name);
	LLVMValueRef call = LLVMBuildCall2(c->b, fty, fn, args, (unsigned)n, "");
	if (have_ret != ret)
		call = LLVMBuildIntCast2(c->b, call, ret, true, "");
	return call;
}

// cg_panic_if branches to a cold block calling the noreturn runtime function fn(args)
// when cond (i1) holds, and continues in a new block otherwise.
void
cg_panic_if(Cg *c, LLVMValueRef cond, const char *fn, LLVMValueRef *args, int n)
{
	LLVMBasicBlockRef panic = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "panic");
	LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(c->ctx, c->fn, "ok");
	LLVMBuildCondBr(c->b, cond, panic, cont);
	LLVMPositionBuilderAtEnd(c->b, panic);
	cg_rtcall(c, fn, c->t_void, args, n);
	LLVMBuildUnreachable(c->b);
	LLVMPositionBuilderAtEnd(c->b, cont);
}

// ---- Go functions ----

static Type *
recv_type(FuncInfo *info)
{
	return info && info->recv ? info->recv->type : NULL;
}

static void
param_attr(Cg *c, LLVMValueRef fn, unsigned i, const char *attr, uint64_t val)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
	LLVMAddAttributeAtIndex(fn, i + 1, LLVMCreateEnumAttribute(c->ctx, kind, val));
}

// by_ref_attrs tells LLVM what codegen.h's convention promises about the pointers of big
// parameters and results of fn (signature sig, receiver recv, context first when ctx):
// nothing else changes the memory while fn runs, and fn keeps no pointer to it; fn only
// reads a parameter's memory.
static void
by_ref_attrs(Cg *c, LLVMValueRef fn, Type *sig, Type *recv, bool ctx)
{
	Type *u = type_under(sig);
	unsigned k = ctx;
	for (int i = -1; i < u->fields.len; i++, k++) {
		Type *t = i < 0 ? recv : u->fields.v[i].type;
		if (!t) {
			k--;
			continue;
		}
		if (!cg_byref(c, t))
			continue;
		param_attr(c, fn, k, "noalias", 0);
		param_attr(c, fn, k, "nocapture", 0);
		param_attr(c, fn, k, "readonly", 0);
		param_attr(c, fn, k, "dereferenceable", (uint64_t)cg_sizeof(c, t));
	}
	if (cg_sret(c, sig)) {
		param_attr(c, fn, k, "noalias", 0);
		param_attr(c, fn, k, "nocapture", 0);
		param_attr(c, fn, k, "dereferenceable",
			   LLVMABISizeOfType(c->td, cg_restype(c, sig)));
	}
}

// cg_declare_func declares the LLVM function of f (see codegen.h for the convention).
LLVMValueRef
cg_declare_func(Cg *c, Func *f)
{
	LLVMTypeRef fty;
	if (f->info)
		fty = cg_functype(c, f->info->type, recv_type(f->info), f->isclosure);
	else
		fty = LLVMFunctionType(c->t_void, NULL, 0, false);
	if (LLVMGetNamedFunction(c->mod, f->name))
		fatal_at(f->pos, "codegen: function %s defined twice", f->name);
	LLVMValueRef fn = LLVMAddFunction(c->mod, f->name, fty);
	bool exported = f == c->prog->init || strcmp(f->name, "main.main") == 0 ||
			strcmp(f->name, "main.init") == 0;
	LLVMSetLinkage(fn, exported ? LLVMExternalLinkage : LLVMInternalLinkage);
	add_attr(c, fn, "nounwind");
	cg_func_attrs(c, fn); // frame pointer, no tail calls (cgiface.c)
	if (f->info)
		by_ref_attrs(c, fn, f->info->type, recv_type(f->info), f->isclosure);
	if (f->isclosure)
		LLVMSetValueName2(LLVMGetParam(fn, 0), "context", 7);
	return fn;
}

// cg_func_of returns the LLVM function of Go function o (declared by cg_declare_func), or
// NULL when o has no body in this program (std externs).
LLVMValueRef
cg_func_of(Cg *c, Obj *o)
{
	if (!o || !o->func || !o->func->name)
		return NULL;
	LLVMValueRef fn = LLVMGetNamedFunction(c->mod, o->func->name);
	return fn;
}

static bool
has_context(Cg *c, LLVMValueRef fn, FuncInfo *info)
{
	unsigned want = (unsigned)type_under(info->type)->fields.len + (info->recv != NULL) +
			cg_sret(c, info->type);
	return LLVMCountParams(fn) == want + 1;
}

// cg_static_closure returns the constant closure object {fn'} of a function used as a
// func value; fn' is fn itself when it takes a context (hasctx), else a wrapper
// "NAME$fv" that accepts and ignores one.
LLVMValueRef
cg_static_closure(Cg *c, LLVMValueRef fn, LLVMTypeRef fnty, bool hasctx)
{
	size_t len;
	const char *name = LLVMGetValueName2(fn, &len);
	char *cname = arena_sprintf(c->arena, "%.*s$closure", (int)len, name);
	LLVMValueRef g = LLVMGetNamedGlobal(c->mod, cname);
	if (g)
		return g;
	LLVMValueRef target = fn;
	if (!hasctx) {
		unsigned np = LLVMCountParamTypes(fnty);
		LLVMTypeRef *ps = NEWARR(c->arena, LLVMTypeRef, np + 2);
		ps[0] = c->t_ptr;
		LLVMGetParamTypes(fnty, ps + 1);
		LLVMTypeRef ret = LLVMGetReturnType(fnty);
		LLVMTypeRef wty = LLVMFunctionType(ret, ps, np + 1, false);
		char *wname = arena_sprintf(c->arena, "%.*s$fv", (int)len, name);
		LLVMValueRef w = LLVMAddFunction(c->mod, wname, wty);
		LLVMSetLinkage(w, LLVMInternalLinkage);
		add_attr(c, w, "nounwind");
		LLVMBuilderRef b = LLVMCreateBuilderInContext(c->ctx);
		LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(c->ctx, w, "entry"));
		cg_wrapper_enter(c, b); // a forwarding wrapper (runtime/rt.h rule 4)
		LLVMValueRef *args = NEWARR(c->arena, LLVMValueRef, np + 1);
		for (unsigned i = 0; i < np; i++)
			args[i] = LLVMGetParam(w, i + 1);
		LLVMValueRef r = LLVMBuildCall2(b, fnty, fn, args, np, "");
		LLVMSetTailCall(r, true);
		if (LLVMGetTypeKind(ret) == LLVMVoidTypeKind)
			LLVMBuildRetVoid(b);
		else
			LLVMBuildRet(b, r);
		LLVMDisposeBuilder(b);
		target = w;
	}
	LLVMTypeRef st = LLVMStructTypeInContext(c->ctx, &c->t_ptr, 1, false);
	g = LLVMAddGlobal(c->mod, st, cname);
	LLVMSetInitializer(g, LLVMConstStructInContext(c->ctx, &target, 1, false));
	LLVMSetGlobalConstant(g, true);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	LLVMSetAlignment(g, 8);
	return g;
}

// cg_closure_layout returns the closure object layout of func literal info, recording it
// from the MAKECLOSURE value make (its argument types) the first time; make may be NULL
// for a lookup only.
CgClosure *
cg_closure_layout(Cg *c, FuncInfo *info, Value *make)
{
	for (int i = 0; i < c->closures.len; i++)
		if (c->closures.v[i].info == info)
			return &c->closures.v[i];
	if (!make)
		return NULL;
	int n = make->nargs;
	LLVMTypeRef *elts = NEWARR(c->arena, LLVMTypeRef, n + 1);
	elts[0] = c->t_ptr;
	for (int i = 0; i < n; i++)
		elts[i + 1] = cg_type(c, make->args[i]->type);
	LLVMTypeRef ty = LLVMStructTypeInContext(c->ctx, elts, (unsigned)n + 1, false);
	int64_t size = (int64_t)LLVMABISizeOfType(c->td, ty);
	int64_t nwords = (size + 7) / 8;
	uint8_t *mask = NEWARR(c->arena, uint8_t, nwords / 8 + 2);
	mask[0] = 1; // the code pointer: static, but harmless to mark
	for (int i = 0; i < n; i++)
		cg_ptrmask(make->args[i]->type,
			   (int64_t)LLVMOffsetOfElement(c->td, ty, (unsigned)i + 1), mask);
	CgClosure cl = {
		.info = info,
		.ty = ty,
		.desc = cg_rawdesc(c, arena_sprintf(c->arena, "closure:%s", info->name), size,
				   8, mask, nwords),
	};
	vec_push(c->arena, c->closures, cl);
	return &c->closures.v[c->closures.len - 1];
}

// coerce converts x to LLVM type want when the two are the same Go shape (pointers are
// all `ptr`, so this only matters for mismatches that would be builder bugs).
static LLVMValueRef
coerce(Cg *c, LLVMValueRef x, LLVMTypeRef want, Pos pos)
{
	LLVMTypeRef have = LLVMTypeOf(x);
	if (have == want)
		return x;
	if (LLVMGetTypeKind(have) == LLVMIntegerTypeKind &&
	    LLVMGetTypeKind(want) == LLVMIntegerTypeKind)
		return LLVMBuildIntCast2(c->b, x, want, false, "");
	if (LLVMABISizeOfType(c->td, have) == LLVMABISizeOfType(c->td, want)) {
		// same size, different LLVM shape: go through memory
		LLVMValueRef slot = cg_alloca(c, have, 8, "coerce");
		LLVMBuildStore(c->b, x, slot);
		return LLVMBuildLoad2(c->b, want, slot, "");
	}
	char *hs = LLVMPrintTypeToString(have), *ws = LLVMPrintTypeToString(want);
	char *msg = arena_sprintf(c->arena, "%s, want %s", hs, ws);
	LLVMDisposeMessage(hs);
	LLVMDisposeMessage(ws);
	fatal_at(pos, "codegen: %s: argument of type %s", c->f->name, msg);
}

// cg_gocall calls fn (of type fty) in the Go ABI with the leading arguments lead (a
// context, an interface call's data word) followed by v's arguments from index first: big
// arguments by the address of memory holding them (cg_value_addr: a stack copy, or the
// unchanging memory a big value already lives in), and, when v's result is big, a fresh
// stack slot for the results that then holds v (Cg.memvals). Returns the call, or NULL
// for a result kept in memory.
LLVMValueRef
cg_gocall(Cg *c, Value *v, LLVMTypeRef fty, LLVMValueRef fn, LLVMValueRef *lead, int nlead,
	  int first)
{
	unsigned np = LLVMCountParamTypes(fty);
	LLVMTypeRef *ps = NEWARR(c->arena, LLVMTypeRef, np + 1);
	LLVMGetParamTypes(fty, ps);
	bool sret = v->type && cg_byref(c, v->type);
	int nargs = nlead + v->nargs - first + sret;
	if ((unsigned)nargs != np)
		fatal_at(v->pos, "codegen: %s: call with %d arguments, callee takes %u",
			 c->f->name, nargs, np);
	LLVMValueRef *args = NEWARR(c->arena, LLVMValueRef, np + 1);
	int k = 0;
	for (int i = 0; i < nlead; i++, k++)
		args[k] = lead[i];
	for (int i = first; i < v->nargs; i++, k++) {
		Value *a = v->args[i];
		if (cg_byref(c, a->type)) {
			if (ps[k] != c->t_ptr)
				fatal_at(v->pos, "codegen: %s: big argument %d of a call by value",
					 c->f->name, i);
			args[k] = cg_value_addr(c, a);
		} else {
			args[k] = coerce(c, cg_value(c, a), ps[k], v->pos);
		}
	}
	const char *name = v->name ? v->name->name : "";
	LLVMValueRef out = NULL;
	if (sret) {
		LLVMTypeRef ret = LLVMGetReturnType(fty);
		if (LLVMGetTypeKind(ret) != LLVMVoidTypeKind || ps[k] != c->t_ptr)
			fatal_at(v->pos, "codegen: %s: big result of a call by value", c->f->name);
		out = cg_alloca(c, cg_type(c, v->type), cg_alignof(c, v->type),
				*name ? name : "res");
		args[k++] = out;
		name = "";
	} else if (LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMVoidTypeKind) {
		name = "";
	}
	LLVMValueRef call = LLVMBuildCall2(c->b, fty, fn, args, np, name);
	if (out) {
		c->memvals[v->id] = out;
		c->memown[v->id] = true;
		return NULL;
	}
	return call;
}

// ---- std externs ----

static LLVMValueRef
i64const(Cg *c, int64_t x)
{
	return LLVMConstInt(c->t_i64, (uint64_t)x, true);
}

static LLVMValueRef call_generic_std(Cg *c, Value *v, const char *path, const char *name);

// slice_args returns the (ptr, len) of the []any variadic argument of a std call whose
// fixed parameters are args[0..nfixed-1]: the slice argument itself, or a stack array
// packed from the individual arguments.
static void
variadic_args(Cg *c, Value *v, int nfixed, LLVMValueRef *ptr, LLVMValueRef *len)
{
	int extra = v->nargs - nfixed;
	if (extra == 1 && type_under(v->args[nfixed]->type)->kind == TY_SLICE) {
		LLVMValueRef s = cg_value(c, v->args[nfixed]);
		*ptr = LLVMBuildExtractValue(c->b, s, 0, "");
		*len = LLVMBuildExtractValue(c->b, s, 1, "");
		return;
	}
	if (extra <= 0) {
		*ptr = LLVMConstNull(c->t_ptr);
		*len = LLVMConstInt(c->t_i64, 0, false);
		return;
	}
	LLVMValueRef arr = cg_alloca(c, LLVMArrayType2(c->t_iface, (uint64_t)extra), 8, "args");
	for (int i = 0; i < extra; i++) {
		Value *a = v->args[nfixed + i];
		if (!type_is_interface(a->type))
			fatal_at(v->pos, "codegen: %s: variadic argument %d is not an interface",
				 c->f->name, i);
		LLVMValueRef idx[2] = {LLVMConstInt(c->t_i64, 0, false),
				       LLVMConstInt(c->t_i64, (uint64_t)i, false)};
		LLVMValueRef p = LLVMBuildInBoundsGEP2(
			c->b, LLVMArrayType2(c->t_iface, (uint64_t)extra), arr, idx, 2, "");
		LLVMBuildStore(c->b, cg_value(c, a), p);
	}
	*ptr = arr;
	*len = LLVMConstInt(c->t_i64, (uint64_t)extra, false);
}

typedef enum StdKind {
	STD_PRINT,   // f(args []any): rt_X(ptr, len)
	STD_PRINTF,  // f(format string, args []any): rt_X(fptr, flen, ptr, len)
	STD_EXIT,    // os.Exit(code int): rt_os_exit(code)
} StdKind;

static const struct {
	const char *go;   // package path "." name
	const char *rt;   // runtime function
	StdKind kind;
	bool retstr;      // the runtime returns RtString (the Sprint family)
} std_table[] = {
	{"fmt.Print", "rt_fmt_print", STD_PRINT, false},
	{"fmt.Println", "rt_fmt_println", STD_PRINT, false},
	{"fmt.Printf", "rt_fmt_printf", STD_PRINTF, false},
	{"fmt.Sprint", "rt_fmt_sprint", STD_PRINT, true},
	{"fmt.Sprintln", "rt_fmt_sprintln", STD_PRINT, true},
	{"fmt.Sprintf", "rt_fmt_sprintf", STD_PRINTF, true},
	{"os.Exit", "rt_os_exit", STD_EXIT, false},
};

static LLVMValueRef
intrinsic(Cg *c, const char *name, LLVMTypeRef ret, LLVMValueRef *args, int n)
{
	LLVMTypeRef ps[2] = {n > 0 ? LLVMTypeOf(args[0]) : NULL, n > 1 ? LLVMTypeOf(args[1]) : NULL};
	LLVMValueRef fn = LLVMGetNamedFunction(c->mod, name);
	LLVMTypeRef fty = LLVMFunctionType(ret, ps, (unsigned)n, false);
	if (!fn)
		fn = LLVMAddFunction(c->mod, name, fty);
	return LLVMBuildCall2(c->b, LLVMGlobalGetValueType(fn), fn, args, (unsigned)n, "");
}

// inline_std lowers the std functions that need no runtime: math through LLVM intrinsics
// and libm (gosub links -lm), runtime hints as no-ops. Returns false for other functions.
static bool
inline_std(Cg *c, Value *v, const char *go, LLVMValueRef *out)
{
	static const struct {
		const char *go, *fn; // fn: LLVM intrinsic or libm function of doubles
		int nargs;
	} unary[] = {
		{"math.Sqrt", "llvm.sqrt.f64", 1}, {"math.Abs", "llvm.fabs.f64", 1},
		{"math.Floor", "llvm.floor.f64", 1}, {"math.Ceil", "llvm.ceil.f64", 1},
		{"math.Trunc", "llvm.trunc.f64", 1}, {"math.Copysign", "llvm.copysign.f64", 2},
		{"math.Pow", "pow", 2}, {"math.Exp", "exp", 1}, {"math.Log", "log", 1},
		{"math.Sin", "sin", 1}, {"math.Cos", "cos", 1},
	};
	LLVMBuilderRef B = c->b;
	LLVMValueRef a[2] = {NULL, NULL};
	for (int i = 0; i < v->nargs && i < 2; i++)
		a[i] = cg_value(c, v->args[i]);
	for (size_t i = 0; i < ARRAY_LEN(unary); i++) {
		if (strcmp(unary[i].go, go) == 0 && v->nargs == unary[i].nargs) {
			*out = intrinsic(c, unary[i].fn, c->t_f64, a, unary[i].nargs);
			return true;
		}
	}
	LLVMValueRef inf = LLVMConstReal(c->t_f64, __builtin_inf());
	if (strcmp(go, "math.Mod") == 0) {
		*out = LLVMBuildFRem(B, a[0], a[1], ""); // C fmod's results and special cases
	} else if (strcmp(go, "math.Max") == 0 || strcmp(go, "math.Min") == 0) {
		// Go: Max(x, +Inf) = +Inf even for NaN x; otherwise NaN wins and -0 < +0, which
		// is llvm.maximum's definition
		bool max = strcmp(go, "math.Max") == 0;
		LLVMValueRef lim = max ? inf : LLVMConstReal(c->t_f64, -__builtin_inf());
		LLVMValueRef r = intrinsic(c, max ? "llvm.maximum.f64" : "llvm.minimum.f64",
					   c->t_f64, a, 2);
		LLVMValueRef any = LLVMBuildOr(B, LLVMBuildFCmp(B, LLVMRealOEQ, a[0], lim, ""),
					       LLVMBuildFCmp(B, LLVMRealOEQ, a[1], lim, ""), "");
		*out = LLVMBuildSelect(B, any, lim, r, "");
	} else if (strcmp(go, "math.IsNaN") == 0) {
		*out = cg_bool(c, LLVMBuildFCmp(B, LLVMRealUNO, a[0], a[0], ""));
	} else if (strcmp(go, "math.IsInf") == 0) {
		// sign > 0: +Inf; sign < 0: -Inf; 0: either
		LLVMValueRef sign = a[1];
		LLVMValueRef pos = LLVMBuildFCmp(B, LLVMRealOEQ, a[0], inf, "");
		LLVMValueRef neg = LLVMBuildFCmp(B, LLVMRealOEQ, a[0], LLVMConstReal(c->t_f64, -__builtin_inf()), "");
		LLVMValueRef sp = LLVMBuildICmp(B, LLVMIntSGE, sign, i64const(c, 0), "");
		LLVMValueRef sn = LLVMBuildICmp(B, LLVMIntSLE, sign, i64const(c, 0), "");
		*out = cg_bool(c, LLVMBuildOr(B, LLVMBuildAnd(B, pos, sp, ""),
					    LLVMBuildAnd(B, neg, sn, ""), ""));
	} else if (strcmp(go, "math.Inf") == 0) {
		LLVMValueRef sp = LLVMBuildICmp(B, LLVMIntSGE, a[0], i64const(c, 0), "");
		*out = LLVMBuildSelect(B, sp, inf, LLVMConstReal(c->t_f64, -__builtin_inf()), "");
	} else if (strcmp(go, "math.NaN") == 0) {
		*out = LLVMConstReal(c->t_f64, __builtin_nan(""));
	} else if (strcmp(go, "math.Signbit") == 0) {
		LLVMValueRef bits = LLVMBuildBitCast(B, a[0], c->t_i64, "");
		*out = cg_bool(c, LLVMBuildICmp(B, LLVMIntSLT, bits, i64const(c, 0), ""));
	} else if (strcmp(go, "math.Float64bits") == 0 || strcmp(go, "math.Float32bits") == 0 ||
		   strcmp(go, "math.Float64frombits") == 0 ||
		   strcmp(go, "math.Float32frombits") == 0) {
		*out = LLVMBuildBitCast(B, a[0], cg_type(c, v->type), "");
	} else if (strcmp(go, "runtime.GOMAXPROCS") == 0 ||
		   strcmp(go, "runtime.NumGoroutine") == 0) {
		*out = i64const(c, 1);
	} else {
		return false;
	}
	return true;
}

// call_generic_std calls a std function the tables above do not know as the runtime
// function rt_<path>_<Name> (path with '/' as '_', e.g. rt_strings_Index,
// rt_runtime_debug_SetGCPercent), with arguments and results following rt.h's rule
// (string -> ptr, len; slice -> ptr, len, cap; interface -> type, data; results that are
// not scalars or strings, including several results, through an out-pointer first
// argument laid out as a C struct of the results).
static LLVMValueRef
call_generic_std(Cg *c, Value *v, const char *path, const char *name)
{
	char *rt = arena_sprintf(c->arena, "rt_%s_%s", path, name);
	for (char *p = rt; *p; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	Value tmp = *v;
	tmp.op = OP_CALLRT;
	tmp.aux = rt;
	return cg_emit_callrt(c, &tmp);
}

static LLVMValueRef
call_std(Cg *c, Value *v, Obj *o)
{
	const char *path = o->pkg && o->pkg->path ? o->pkg->path : "?";
	char *go = arena_sprintf(c->arena, "%s.%s", path, o->name ? o->name->name : "?");
	int k = -1;
	for (int i = 0; i < (int)ARRAY_LEN(std_table); i++)
		if (strcmp(std_table[i].go, go) == 0)
			k = i;
	if (k < 0) {
		LLVMValueRef r;
		if (inline_std(c, v, go, &r))
			return r;
		return call_generic_std(c, v, path, o->name ? o->name->name : "?");
	}
	LLVMValueRef args[4];
	int n = 0;
	switch (std_table[k].kind) {
	case STD_PRINT:
		variadic_args(c, v, 0, &args[0], &args[1]);
		n = 2;
		break;
	case STD_PRINTF: {
		LLVMValueRef f = cg_value(c, v->args[0]);
		args[0] = LLVMBuildExtractValue(c->b, f, 0, "");
		args[1] = LLVMBuildExtractValue(c->b, f, 1, "");
		variadic_args(c, v, 1, &args[2], &args[3]);
		n = 4;
		break;
	}
	case STD_EXIT:
		args[0] = cg_to_i64(c, cg_value(c, v->args[0]), v->args[0]->type);
		n = 1;
		break;
	}
	bool counted = !std_table[k].retstr && std_table[k].kind != STD_EXIT && v->type &&
		       v->uses > 0 && type_under(v->type)->kind == TY_TUPLE;
	if (counted) {
		// n, err := fmt.Print...(): rt.h's printers return nothing, so format with the
		// Sprint twin, print that one string (Print of one string writes it verbatim)
		// and count its bytes
		const char *twin = arena_sprintf(c->arena, "rt_fmt_s%s", std_table[k].rt + 7);
		LLVMValueRef s = cg_rtcall(c, twin, c->t_str, args, n);
		LLVMValueRef slot = cg_alloca(c, c->t_str, 8, "out");
		LLVMBuildStore(c->b, s, slot);
		LLVMValueRef d = cg_typedesc(c, ty_string);
		LLVMValueRef e = LLVMGetUndef(c->t_iface);
		e = LLVMBuildInsertValue(c->b, e, d, 0, "");
		e = LLVMBuildInsertValue(c->b, e, slot, 1, "");
		LLVMValueRef eslot = cg_alloca(c, c->t_iface, 8, "outarg");
		LLVMBuildStore(c->b, e, eslot);
		LLVMValueRef pa[2] = {eslot, i64const(c, 1)};
		cg_rtcall(c, "rt_fmt_print", c->t_void, pa, 2);
		LLVMValueRef t = LLVMConstNull(cg_type(c, v->type));
		return LLVMBuildInsertValue(c->b, t, LLVMBuildExtractValue(c->b, s, 1, ""), 0, "");
	}
	LLVMValueRef r = cg_rtcall(c, std_table[k].rt, std_table[k].retstr ? c->t_str : c->t_void,
				   args, n);
	if (!v->type)
		return NULL;
	if (std_table[k].retstr && type_is_string(v->type))
		return r;
	// (n int, err error) and other results the runtime does not compute: zero values
	return LLVMConstNull(cg_type(c, v->type));
}

// cg_emit_call lowers CALL: a direct call of a Go function, or a std extern.
LLVMValueRef
cg_emit_call(Cg *c, Value *v)
{
	Obj *o = v->aux;
	LLVMValueRef fn = cg_func_of(c, o);
	if (!fn) {
		if (o && (o->flags & OBJF_EXTERN))
			return call_std(c, v, o);
		fatal_at(v->pos, "codegen: %s: call of undeclared function %s", c->f->name,
			 o && o->name ? o->name->name : "?");
	}
	LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
	LLVMValueRef ctx = NULL;
	if (o->func && has_context(c, fn, o->func))
		ctx = LLVMConstNull(c->t_ptr);
	return cg_gocall(c, v, fty, fn, &ctx, ctx != NULL, 0);
}

// cg_emit_callclosure lowers CALLCLOSURE: load the code pointer from the closure object
// arg0 and call it with the object as context.
LLVMValueRef
cg_emit_callclosure(Cg *c, Value *v)
{
	Value *fv = v->args[0];
	LLVMValueRef clo = cg_value(c, fv);
	LLVMValueRef isnil = LLVMBuildICmp(c->b, LLVMIntEQ, clo, LLVMConstNull(c->t_ptr), "");
	cg_panic_if(c, isnil, "rt_panic_nil", NULL, 0);
	LLVMValueRef code = LLVMBuildLoad2(c->b, c->t_ptr, clo, "fn");
	LLVMTypeRef fty = cg_functype(c, fv->type, NULL, true);
	return cg_gocall(c, v, fty, code, &clo, 1, 1);
}

// ---- runtime calls ----

typedef VEC(LLVMValueRef) ArgList;

static void
flatten(Cg *c, ArgList *out, LLVMValueRef x, Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL: case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64:
	case TY_UINTPTR: case TY_UNTYPED_BOOL: case TY_UNTYPED_INT: case TY_UNTYPED_RUNE:
		vec_push(c->arena, *out, cg_to_i64(c, x, t));
		break;
	case TY_FLOAT32:
		vec_push(c->arena, *out, LLVMBuildFPExt(c->b, x, c->t_f64, ""));
		break;
	case TY_FLOAT64: case TY_UNTYPED_FLOAT:
		vec_push(c->arena, *out, x);
		break;
	case TY_COMPLEX64: case TY_COMPLEX128: case TY_UNTYPED_COMPLEX:
		for (unsigned i = 0; i < 2; i++) {
			LLVMValueRef p = LLVMBuildExtractValue(c->b, x, i, "");
			if (u->kind == TY_COMPLEX64)
				p = LLVMBuildFPExt(c->b, p, c->t_f64, "");
			vec_push(c->arena, *out, p);
		}
		break;
	case TY_STRING: case TY_UNTYPED_STRING: case TY_INTERFACE:
		for (unsigned i = 0; i < 2; i++)
			vec_push(c->arena, *out, LLVMBuildExtractValue(c->b, x, i, ""));
		break;
	case TY_SLICE:
		for (unsigned i = 0; i < 3; i++)
			vec_push(c->arena, *out, LLVMBuildExtractValue(c->b, x, i, ""));
		break;
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_UNSAFEPTR:
	case TY_UNTYPED_NIL:
		vec_push(c->arena, *out, x);
		break;
	default: {
		// arrays, structs, tuples: by address of a copy
		LLVMValueRef slot = cg_alloca(c, LLVMTypeOf(x), type_align(t), "rtarg");
		LLVMBuildStore(c->b, x, slot);
		vec_push(c->arena, *out, slot);
		break;
	}
	}
}

static bool
rt_returns_direct(Type *t)
{
	switch (type_under(t)->kind) {
	case TY_ARRAY: case TY_STRUCT: case TY_TUPLE: case TY_SLICE: case TY_INTERFACE:
	case TY_COMPLEX64: case TY_COMPLEX128:
		return false;
	default:
		return true;
	}
}

// cg_emit_callrt lowers CALLRT: the runtime function named by aux with the arguments
// flattened per rt.h; a bool result is read as a byte and normalised to 0/1.
LLVMValueRef
cg_emit_callrt(Cg *c, Value *v)
{
	const char *name = v->aux;
	ArgList args = {0};
	LLVMValueRef out = NULL;
	if (strcmp(name, "rt_decoderune") == 0 && v->type &&
	    type_under(v->type)->kind == TY_TUPLE) {
		// (rune, next int) = decoderune(s, k): rt.h returns the rune and writes next
		// through a pointer last argument
		for (int i = 0; i < v->nargs; i++)
			flatten(c, &args, cg_value(c, v->args[i]), v->args[i]->type);
		LLVMValueRef next = cg_alloca(c, c->t_i64, 8, "next");
		vec_push(c->arena, args, next);
		LLVMValueRef r = cg_rtcall(c, name, c->t_i64, args.v, args.len);
		LLVMTypeRef tt = cg_type(c, v->type);
		LLVMValueRef t = LLVMGetUndef(tt);
		t = LLVMBuildInsertValue(
			c->b, t, LLVMBuildIntCast2(c->b, r, LLVMStructGetTypeAtIndex(tt, 0), true, ""),
			0, "");
		LLVMValueRef nx = LLVMBuildLoad2(c->b, c->t_i64, next, "");
		return LLVMBuildInsertValue(c->b, t, nx, 1, "");
	}
	if (v->type && !rt_returns_direct(v->type)) {
		out = cg_alloca(c, cg_type(c, v->type), type_align(v->type), "rtout");
		vec_push(c->arena, args, out);
	}
	for (int i = 0; i < v->nargs; i++) {
		Value *a = v->args[i];
		if (cg_byref(c, a->type)) {
			// a big aggregate: by address of a copy, made without a first-class value
			LLVMValueRef slot = cg_alloca(c, cg_type(c, a->type), cg_alignof(c, a->type),
						      "rtarg");
			cg_copy_value(c, a, slot);
			vec_push(c->arena, args, slot);
			continue;
		}
		flatten(c, &args, cg_value(c, a), a->type);
	}
	LLVMTypeRef ret = v->type && !out ? cg_type(c, v->type) : c->t_void;
	LLVMValueRef r = cg_rtcall(c, name, ret, args.v, args.len);
	if (is_noreturn_rt(name))
		return v->type ? LLVMGetUndef(cg_type(c, v->type)) : NULL;
	if (out && cg_byref(c, v->type)) {
		c->memvals[v->id] = out; // a big result stays in its slot (cgfunc.c)
		c->memown[v->id] = true;
		return NULL;
	}
	if (out)
		return LLVMBuildLoad2(c->b, cg_type(c, v->type), out,
				      v->name ? v->name->name : "");
	if (v->type && type_under(v->type)->kind == TY_BOOL)
		return cg_bool(c, LLVMBuildICmp(c->b, LLVMIntNE, r, LLVMConstNull(c->t_i8), ""));
	return v->type ? r : NULL;
}
