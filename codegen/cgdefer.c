// cgdefer.c: defer, panic and recover through runtime/rt.h's frame records.
//
// A function with defer statements starts with DEFERFRAME: an RtFrame (240 bytes, align
// 16) in the entry block whose `results` field points at an array of the result
// variables' addresses (so those variables stay in memory across the setjmp: LLVM sees
// their addresses escape into the runtime), linked by rt_deferframe. DEFERSETJMP calls
// libc's _setjmp on the frame's jmp_buf (returns_twice); it returns nonzero on the
// recovered path. DEFER passes a closure to rt_deferproc; DEFERRETURN (before every
// return, and on the recovered path) calls rt_deferreturn. RECOVER is
// rt_gorecover(&out, llvm.frameaddress(0)) and makes its function noinline.
//
// rt.h's rules for generated code: every Go function keeps a frame pointer and makes no
// tail calls (cg_func_attrs, set when functions are declared); compiler-made forwarding
// wrappers (Func.wrapper) begin with rt_wrapperenter(llvm.frameaddress(0)).
//
// Requires: the SSA defer ops of ssa/ops.def, built by ssa/build.c for functions whose
// FuncInfo.hasdefer is set. Shown by: gosub build -emit-llvm -O0 x.go.
#include <stddef.h>
#include <string.h>

#include <llvm-c/Core.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "runtime/rt.h"
#include "ssa/ssa.h"

static LLVMValueRef
frame_address(Cg *c)
{
	LLVMTypeRef ft = LLVMFunctionType(c->t_ptr, &c->t_i32, 1, false);
	LLVMValueRef fa = LLVMGetNamedFunction(c->mod, "llvm.frameaddress.p0");
	if (!fa)
		fa = LLVMAddFunction(c->mod, "llvm.frameaddress.p0", ft);
	LLVMValueRef zero = LLVMConstInt(c->t_i32, 0, false);
	return LLVMBuildCall2(c->b, ft, fa, &zero, 1, "fp");
}

static void
enum_attr(Cg *c, LLVMValueRef fn, const char *name)
{
	unsigned k = LLVMGetEnumAttributeKindForName(name, strlen(name));
	LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
				LLVMCreateEnumAttribute(c->ctx, k, 0));
}

static LLVMValueRef
field_ptr(Cg *c, LLVMValueRef fr, int64_t off)
{
	LLVMValueRef o = LLVMConstInt(c->t_i64, (uint64_t)off, false);
	return LLVMBuildInBoundsGEP2(c->b, c->t_i8, fr, &o, 1, "");
}

// cg_func_prologue emits what f needs before its first block: rt_wrapperenter for
// compiler-made wrappers. Requires: the builder positioned anywhere in f (it is moved).
void
cg_func_prologue(Cg *c, Func *f)
{
	if (!f->wrapper)
		return;
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(c->b);
	LLVMPositionBuilderBefore(c->b, c->allocaend);
	LLVMValueRef fp = frame_address(c);
	cg_rtcall(c, "rt_wrapperenter", c->t_void, &fp, 1);
	LLVMPositionBuilderAtEnd(c->b, cur);
}

// cg_emit_deferop lowers DEFERFRAME, DEFERSETJMP, DEFER, DEFERRETURN, RECOVER and GO.
LLVMValueRef
cg_emit_deferop(Cg *c, Value *v)
{
	LLVMBuilderRef B = c->b;
	switch (v->op) {
	case OP_DEFERFRAME: {
		LLVMTypeRef frty = LLVMArrayType2(c->t_i64, sizeof(RtFrame) / 8);
		LLVMValueRef fr = cg_alloca(c, frty, 16, "frame");
		LLVMValueRef res = LLVMConstNull(c->t_ptr);
		if (v->nargs > 0) {
			LLVMTypeRef at = LLVMArrayType2(c->t_ptr, (uint64_t)v->nargs);
			res = cg_alloca(c, at, 8, "results");
			for (int i = 0; i < v->nargs; i++) {
				LLVMValueRef idx[2] = {LLVMConstInt(c->t_i64, 0, false),
						       LLVMConstInt(c->t_i64, (uint64_t)i, false)};
				LLVMBuildStore(B, cg_value(c, v->args[i]),
					       LLVMBuildInBoundsGEP2(B, at, res, idx, 2, ""));
			}
		}
		LLVMBuildStore(B, res, field_ptr(c, fr, offsetof(RtFrame, results)));
		LLVMBuildStore(B, LLVMConstInt(c->t_i64, 0, false),
			       field_ptr(c, fr, offsetof(RtFrame, reserved_)));
		cg_rtcall(c, "rt_deferframe", c->t_void, &fr, 1);
		c->frame = fr;
		return fr;
	}
	case OP_DEFERSETJMP: {
		LLVMValueRef jb = field_ptr(c, cg_value(c, v->args[0]), offsetof(RtFrame, jb));
		LLVMTypeRef ft = LLVMFunctionType(c->t_i32, &c->t_ptr, 1, false);
		LLVMValueRef sj = LLVMGetNamedFunction(c->mod, "_setjmp");
		if (!sj) {
			sj = LLVMAddFunction(c->mod, "_setjmp", ft);
			enum_attr(c, sj, "returns_twice");
			enum_attr(c, sj, "nounwind");
		}
		LLVMValueRef r = LLVMBuildCall2(B, ft, sj, &jb, 1, "");
		unsigned k = LLVMGetEnumAttributeKindForName("returns_twice", 13);
		LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex,
					 LLVMCreateEnumAttribute(c->ctx, k, 0));
		LLVMValueRef nz = LLVMBuildICmp(B, LLVMIntNE, r, LLVMConstInt(c->t_i32, 0, false), "");
		return LLVMBuildZExt(B, nz, c->t_i8, "recovered");
	}
	case OP_DEFER: {
		LLVMValueRef a[2] = {cg_value(c, v->args[0]), cg_value(c, v->args[1])};
		cg_rtcall(c, "rt_deferproc", c->t_void, a, 2);
		return NULL;
	}
	case OP_DEFERRETURN: {
		LLVMValueRef fr = cg_value(c, v->args[0]);
		cg_rtcall(c, "rt_deferreturn", c->t_void, &fr, 1);
		return NULL;
	}
	case OP_GO: {
		// no scheduler yet: the goroutine runs to completion at the go statement
		LLVMValueRef clo = cg_value(c, v->args[0]);
		LLVMValueRef code = LLVMBuildLoad2(B, c->t_ptr, clo, "fn");
		LLVMTypeRef ft = LLVMFunctionType(c->t_void, &c->t_ptr, 1, false);
		LLVMBuildCall2(B, ft, code, &clo, 1, "");
		return NULL;
	}
	case OP_RECOVER: {
		enum_attr(c, c->fn, "noinline");
		LLVMValueRef out = cg_alloca(c, c->t_iface, 8, "recovered");
		LLVMValueRef a[2] = {out, frame_address(c)};
		cg_rtcall(c, "rt_gorecover", c->t_void, a, 2);
		return LLVMBuildLoad2(B, c->t_iface, out, "");
	}
	default:
		fatal_at(v->pos, "codegen: %s: %s is not a defer op", c->f->name, op_name[v->op]);
	}
}
