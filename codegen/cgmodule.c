// cgmodule.c: one compilation: the LLVM context, module, builder and target machine (host
// triple, generic x86-64 CPU, PIC), declaration of every function before any body, the
// bodies, verification, the -O pipeline and the output file (.o, .ll or .s).
//
// Order: (1) declare every Func of the program (so calls and func values never depend on
// emission order), (2) record the closure layout of every MAKECLOSURE (so a literal's
// FREEVARs know their offsets wherever it sits in the program), (3) emit the bodies,
// (4) define an empty main.init when the program has none (the runtime calls it), and
// the collector's table of package variables (rt_gcroots, rt.h),
// (5) LLVMVerifyModule when asked (a failure names the function), (6) LLVMRunPasses with
// "default<On>" (nothing at -O0), (7) write the output.
//
// Invariants: nothing LLVM owns outlives cg_program; Type.cg/Obj.cg caches are stamped
// with the compilation number, so a second cg_program call never reuses stale LLVM refs.
// Shown by: gosub build -emit-llvm [-O0] x.go.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "base/base.h"
#include "codegen/cgopt.h"
#include "codegen/codegen.h"
#include "ssa/ssa.h"

static LLVMTargetMachineRef
make_target(int optlevel, char **triple_out)
{
	LLVMInitializeX86TargetInfo();
	LLVMInitializeX86Target();
	LLVMInitializeX86TargetMC();
	LLVMInitializeX86AsmPrinter();
	LLVMInitializeX86AsmParser();
	char *triple = LLVMGetDefaultTargetTriple();
	LLVMTargetRef target;
	char *err = NULL;
	if (LLVMGetTargetFromTriple(triple, &target, &err)) {
		fprintf(stderr, "gosub: target %s: %s\n", triple, err ? err : "?");
		LLVMDisposeMessage(err);
		LLVMDisposeMessage(triple);
		return NULL;
	}
	LLVMCodeGenOptLevel lvl = optlevel <= 0 ? LLVMCodeGenLevelNone
				  : optlevel == 1 ? LLVMCodeGenLevelLess
				  : optlevel == 2 ? LLVMCodeGenLevelDefault
						  : LLVMCodeGenLevelAggressive;
	LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, "x86-64", "", lvl,
							  LLVMRelocPIC, LLVMCodeModelDefault);
	*triple_out = triple;
	return tm;
}

static void
verify(Cg *c)
{
	char *msg = NULL;
	if (!LLVMVerifyModule(c->mod, LLVMReturnStatusAction, &msg)) {
		LLVMDisposeMessage(msg);
		return;
	}
	// find the function to name in the internal error
	const char *bad = "the module";
	for (LLVMValueRef fn = LLVMGetFirstFunction(c->mod); fn; fn = LLVMGetNextFunction(fn)) {
		if (LLVMCountBasicBlocks(fn) == 0)
			continue;
		if (LLVMVerifyFunction(fn, LLVMReturnStatusAction)) {
			size_t len;
			bad = arena_sprintf(c->arena, "%.*s", (int)len, LLVMGetValueName2(fn, &len));
			break;
		}
	}
	if (getenv("GOSUB_DUMP_BAD_IR"))
		LLVMDumpModule(c->mod);
	char *m = arena_sprintf(c->arena, "%s", msg ? msg : "");
	LLVMDisposeMessage(msg);
	fatal_at((Pos){0}, "codegen: LLVM verifier rejects %s: %s", bad, m);
}

static bool
write_output(Cg *c, const CgOptions *o)
{
	char *err = NULL;
	const char *out = o->out ? o->out : (o->emit_llvm ? "out.ll" : o->emit_asm ? "out.s"
											: "out.o");
	bool failed;
	if (o->emit_llvm)
		failed = LLVMPrintModuleToFile(c->mod, out, &err);
	else if (!o->emit_asm)
		return cg_write_object(c, out, o->optlevel); // in parts, in parallel (cgopt.c)
	else
		failed = LLVMTargetMachineEmitToFile(c->tm, c->mod, (char *)out,
						     o->emit_asm ? LLVMAssemblyFile : LLVMObjectFile,
						     &err);
	if (failed) {
		fprintf(stderr, "gosub: write %s: %s\n", out, err ? err : "?");
		LLVMDisposeMessage(err);
		return false;
	}
	return true;
}

// emit_gcroots defines rt.h's rt_gcroots: {address, size, pointer bitmap} of every
// package variable the module defines, ended by a NULL entry, for the collector.
static void
emit_gcroots(Cg *c, Program *p)
{
	LLVMTypeRef ft[3] = {c->t_ptr, c->t_i64, c->t_ptr};
	LLVMTypeRef et = LLVMStructTypeInContext(c->ctx, ft, 3, false);
	int n = p->pkg ? p->pkg->globals.len : 0;
	LLVMValueRef *es = NEWARR(c->arena, LLVMValueRef, n + 1);
	int k = 0;
	const char *path = p->pkg && p->pkg->path ? p->pkg->path : "main";
	for (int i = 0; i < n; i++) {
		Obj *o = p->pkg->globals.v[i];
		if (!o->name)
			continue;
		LLVMValueRef g = LLVMGetNamedGlobal(c->mod,
						    arena_sprintf(c->arena, "%s.%s", path, o->name->name));
		if (!g)
			continue;
		int64_t size = type_size(o->type);
		LLVMValueRef bits = LLVMConstNull(c->t_ptr);
		if (type_has_pointers(o->type) && size >= 8) {
			int64_t nbytes = (size / 8 + 7) / 8;
			uint8_t *mask = NEWARR(c->arena, uint8_t, nbytes + 1);
			cg_ptrmask(o->type, 0, mask);
			LLVMValueRef *bs = NEWARR(c->arena, LLVMValueRef, nbytes);
			for (int64_t j = 0; j < nbytes; j++)
				bs[j] = LLVMConstInt(c->t_i8, mask[j], false);
			LLVMValueRef init = LLVMConstArray2(c->t_i8, bs, (uint64_t)nbytes);
			bits = LLVMAddGlobal(c->mod, LLVMTypeOf(init), "gcroot.bits");
			LLVMSetInitializer(bits, init);
			LLVMSetGlobalConstant(bits, true);
			LLVMSetLinkage(bits, LLVMPrivateLinkage);
		}
		LLVMValueRef f[3] = {g, LLVMConstInt(c->t_i64, (uint64_t)size, false), bits};
		es[k++] = LLVMConstNamedStruct(et, f, 3);
	}
	LLVMValueRef z[3] = {LLVMConstNull(c->t_ptr), LLVMConstInt(c->t_i64, 0, false),
			     LLVMConstNull(c->t_ptr)};
	es[k++] = LLVMConstNamedStruct(et, z, 3);
	LLVMValueRef arr = LLVMConstArray2(et, es, (uint64_t)k);
	LLVMValueRef t = LLVMAddGlobal(c->mod, LLVMTypeOf(arr), "rt_gcroots");
	LLVMSetInitializer(t, arr);
	LLVMSetGlobalConstant(t, true);
	LLVMSetAlignment(t, 8);
}

static void
record_closures(Cg *c, Program *p)
{
	for (int i = 0; i < p->funcs.len; i++) {
		Func *f = p->funcs.v[i];
		for (int j = 0; j < f->blocks.len; j++) {
			Block *b = f->blocks.v[j];
			for (int k = 0; k < b->values.len; k++) {
				Value *v = b->values.v[k];
				if (v->op == OP_MAKECLOSURE && v->aux && v->nargs > 0)
					cg_closure_layout(c, v->aux, v);
			}
		}
	}
}

// cg_program lowers the whole program to one module and writes o->out.
// Requires: SSA after mem2reg with escape marks. Returns false after a reported error.
bool
cg_program(Program *p, const CgOptions *o)
{
	static unsigned generation;
	Cg c = {0};
	c.gen = ++generation;
	c.prog = p;
	c.arena = arena_new(1 << 20);
	char *triple = NULL;
	c.tm = make_target(o->optlevel, &triple);
	if (!c.tm) {
		arena_free(c.arena);
		return false;
	}
	c.ctx = LLVMContextCreate();
	// names of instructions and blocks only help people reading -emit-llvm output;
	// every pass pays for them (cgopt.c)
	LLVMContextSetDiscardValueNames(c.ctx, !o->emit_llvm);
	const char *modname = p->pkg && p->pkg->path ? p->pkg->path : "main";
	c.mod = LLVMModuleCreateWithNameInContext(modname, c.ctx);
	LLVMSetTarget(c.mod, triple);
	c.td = LLVMCreateTargetDataLayout(c.tm);
	LLVMSetModuleDataLayout(c.mod, c.td);
	c.b = LLVMCreateBuilderInContext(c.ctx);
	cg_types_init(&c);

	bool ok = true;
	for (int i = 0; i < p->funcs.len; i++)
		cg_declare_func(&c, p->funcs.v[i]);
	record_closures(&c, p);
	for (int i = 0; i < p->funcs.len; i++)
		cg_emit_func(&c, p->funcs.v[i]);
	if (!LLVMGetNamedFunction(c.mod, "main.init")) {
		LLVMValueRef init = LLVMAddFunction(c.mod, "main.init",
						    LLVMFunctionType(c.t_void, NULL, 0, false));
		LLVMPositionBuilderAtEnd(c.b, LLVMAppendBasicBlockInContext(c.ctx, init, "entry"));
		LLVMBuildRetVoid(c.b);
	}
	emit_gcroots(&c, p);
	if (diag_nerrors() > 0) {
		ok = false;
		diag_flush(); // the caller may exit without flushing when we fail
	}
	if (ok && o->verify)
		verify(&c);
	if (ok) {
		cg_limit_inlining(&c);
		ok = cg_optimize(&c, o->optlevel, o->emit_llvm || o->emit_asm);
	}
	if (ok)
		ok = write_output(&c, o);

	LLVMDisposeBuilder(c.b);
	LLVMDisposeModule(c.mod);
	LLVMContextDispose(c.ctx);
	LLVMDisposeTargetData(c.td);
	LLVMDisposeTargetMachine(c.tm);
	LLVMDisposeMessage(triple);
	arena_free(c.arena);
	return ok;
}
