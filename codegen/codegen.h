// codegen.h: SSA -> LLVM IR through the LLVM 19 C API, the -O pipeline, and object, IR or
// assembly output. The driver calls cg_program; everything below the "internal" banner is
// shared by the files of codegen/ only.
//
// Conventions of the generated code (the ABI between Go functions; the ABI with the
// runtime is runtime/rt.h):
//   - Value layouts are Go's on amd64: int 64-bit, bool one byte (i8 holding 0 or 1, in
//     registers too), string {ptr, i64}, slice {ptr, i64, i64}, interface {ptr type,
//     ptr data}, complex {float, float} / {double, double}, structs with Go's offsets
//     (LLVM's natural layout, which equals Go's, plus explicit tail padding where Go
//     pads a struct ending in a zero-size field), arrays [N x T], TY_TUPLE an anonymous
//     struct.
//   - A Go function "main.f" is an LLVM function of that name taking its parameters as
//     LLVM values (receiver first for methods) and returning void, the single result, or
//     an anonymous struct of its results. Only main.main and main.init are external.
//   - Big values (cg_byref: arrays, structs and result tuples of more than CG_BIG bytes)
//     cross calls by reference: a big parameter is a `ptr` to memory holding the value,
//     which nobody writes while the call runs (a copy the caller owns, or memory that is
//     never written: a closure object's field) and which the callee only reads, never
//     captures (LLVM: noalias nocapture readonly); big results (the single result, or
//     the tuple of all results) are written through a hidden `ptr` parameter after all
//     the others to fresh caller memory, and the function returns void (cg_sret).
//     Wrappers forward both pointers unchanged.
//   - A func value is a pointer to a closure object {ptr fn, captured...}. Calling a func
//     value loads fn and calls it with the closure pointer as a hidden first parameter
//     ("context"). Only func literals with captures (Func.isclosure) take the context in
//     their own signature; every other function used as a value (FUNCADDR, a literal
//     without captures) gets a wrapper "NAME$fv" that takes and ignores the context, and
//     a constant closure object "NAME$closure" = {ptr NAME$fv} that the func value
//     points to. The nil func value is the null pointer.
//   - Closure objects made by MAKECLOSURE are {ptr fn, arg1, arg2, ...} in the order of
//     the MAKECLOSURE arguments (FuncInfo.captures); FREEVAR auxint i reads field i+1.
//   - Type descriptors are constant RtType globals "type:T" (one per Go type), with the
//     pointer bitmap the collector needs; int and string use the runtime's rt_type_int and
//     rt_type_string.
//   - Std functions (OBJF_EXTERN): fmt.Print/Println/Printf/Sprint/Sprintln/Sprintf and
//     os.Exit map onto rt.h's functions; math and runtime hints are lowered inline (LLVM
//     intrinsics, libm); a std package variable is filled on use, while its first word
//     is zero, by rt_<pkg>_var_<Name>(&var) (os.Args by rt_os_args); any other pkg.Name
//     is called as the runtime function rt_<pkg>_<Name> ('/' -> '_') with rt.h's
//     flattening rule, so the runtime can add std functions without codegen changes.
//   - CONST of a complex type: aux, when set, points at {re, im} doubles; else re is
//     auxint's double bits and im is 0.
#pragma once

#include <stdbool.h>

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "ssa/ssa.h"

typedef struct CgOptions {
	int optlevel;   // 0..3: LLVM's default<On> pipeline; 0 runs no pipeline
	bool emit_llvm; // write LLVM IR text (.ll) instead of an object
	bool emit_asm;  // write assembly (.s) instead of an object
	bool verify;    // run LLVMVerifyModule; a failure is an internal error
	const char *out; // output path
} CgOptions;

// cg_program lowers every function of p (SSA after mem2reg, escape marks set) to one LLVM
// module, optimises it and writes o->out. Returns false after a reported error.
bool cg_program(Program *p, const CgOptions *o);

// ---- internal: shared by the files of codegen/ ----

// CG_BIG: values of more than this many bytes are "big" (cg_byref). LLVM lowers a
// first-class aggregate element by element: an argument, result, load or store of
// [1000]byte becomes a thousand scalar operations that every pass then walks, which makes
// -O2 take seconds and gigabytes. Above eight words nothing of such a value travels in
// registers anyway (LLVM's x86-64 lowering has six integer argument registers, gc's
// register ABI nine), so a pointer and memcpy cost nothing at run time; at or below 64
// bytes (strings, slices, interfaces, small structs) first-class values let SROA keep the
// fields in registers. store() already clears zero values above 64 bytes with memset.
enum { CG_BIG = 64 };

// Cg: the state of one compilation (one context, module and builder), plus the state of
// the function being emitted.
typedef struct Cg {
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMBuilderRef b;
	LLVMTargetMachineRef tm;
	LLVMTargetDataRef td;
	Program *prog;
	unsigned gen;             // compilation number: validates Type.cg / Obj.cg caches
	Arena *arena;             // codegen scratch that lives for the whole compilation

	// common LLVM types
	LLVMTypeRef t_void, t_i1, t_i8, t_i16, t_i32, t_i64, t_f32, t_f64, t_ptr;
	LLVMTypeRef t_str;        // {ptr, i64}
	LLVMTypeRef t_slice;      // {ptr, i64, i64}
	LLVMTypeRef t_iface;      // {ptr, ptr}
	LLVMTypeRef t_rttype;     // RtType
	LLVMTypeRef t_rtfield;    // RtField

	VEC(struct CgClosure) closures; // layouts of closure objects, by FuncInfo
	int nstrings;             // counter for string constant names

	// the function being emitted
	Func *f;
	LLVMValueRef fn;
	LLVMValueRef *vals;          // by ValueID
	LLVMBasicBlockRef *bbs;      // first LLVM block of each SSA block, by BlockID
	LLVMBasicBlockRef *exits;    // LLVM block that ends each SSA block, by BlockID
	LLVMBasicBlockRef allocabb;  // entry block holding the allocas
	LLVMValueRef allocaend;      // the terminator of allocabb (allocas go before it)
	LLVMValueRef ctxparam;       // the closure context, or NULL
	LLVMTypeRef closty;          // closure object layout for FREEVAR, or NULL
	LLVMValueRef *memvals;       // by ValueID: big LOADs kept in a stack copy (see cgfunc.c)
	bool *memok;                 // by ValueID: this big LOAD may be kept in a stack copy
	bool *memown;                // by ValueID: memvals[id] is a stack slot of v's own
	void *iface;                 // cgiface.c's state (itab cache), NULL until first use
	LLVMValueRef frame;          // cgdefer.c: the frame record of the function, or NULL
	LLVMValueRef sret;           // the hidden result pointer (cg_sret), or NULL
} Cg;

// CgClosure: the LLVM layout of the closure object of one func literal.
typedef struct CgClosure {
	FuncInfo *info; // the literal
	LLVMTypeRef ty; // {ptr, captures...}
	LLVMValueRef desc; // its type descriptor (for rt_alloc)
} CgClosure;

// cgtype.c
LLVMTypeRef cg_type(Cg *c, Type *t);           // LLVM type of a Go value of type t
LLVMTypeRef cg_restype(Cg *c, Type *fn);       // result type of a func type (void/one/struct)
LLVMTypeRef cg_functype(Cg *c, Type *fn, Type *recv, bool context);
bool cg_byref(Cg *c, Type *t);                 // big: by reference across calls (CG_BIG)
bool cg_sret(Cg *c, Type *fn);                 // fn's results come back through a pointer
int64_t cg_sizeof(Cg *c, Type *t);             // size of t's LLVM type in bytes
int64_t cg_alignof(Cg *c, Type *t);            // alignment of t in memory
LLVMValueRef cg_typedesc(Cg *c, Type *t);      // pointer to t's RtType global
LLVMValueRef cg_rawdesc(Cg *c, const char *name, int64_t size, int64_t align,
			const uint8_t *ptrmask, int64_t nwords); // descriptor of a synthetic object
void cg_ptrmask(Type *t, int64_t off, uint8_t *mask); // set the bits of t's pointer words
bool cg_is_direct(Type *t);                    // pointer-shaped: stored in an interface word
bool cg_is_signed(Type *t);                    // signed integer type
void cg_types_init(Cg *c);

// cgcall.c
LLVMValueRef cg_declare_func(Cg *c, Func *f);  // declares f (cached in its Obj)
LLVMValueRef cg_func_of(Cg *c, Obj *o);        // LLVM function of a Go function, or NULL
LLVMValueRef cg_rtfn(Cg *c, const char *name, LLVMTypeRef ret, LLVMTypeRef *params,
		     int n); // declares a runtime function once
LLVMValueRef cg_rtcall(Cg *c, const char *name, LLVMTypeRef ret, LLVMValueRef *args,
		       int n); // calls a runtime function, declaring it from the args
LLVMValueRef cg_static_closure(Cg *c, LLVMValueRef fn, LLVMTypeRef fnty, bool hasctx);
CgClosure *cg_closure_layout(Cg *c, FuncInfo *info, Value *make);
LLVMValueRef cg_emit_call(Cg *c, Value *v);     // CALL
LLVMValueRef cg_emit_callclosure(Cg *c, Value *v); // CALLCLOSURE
LLVMValueRef cg_emit_callrt(Cg *c, Value *v);   // CALLRT
LLVMValueRef cg_alloca(Cg *c, LLVMTypeRef t, int64_t align, const char *name);
LLVMValueRef cg_to_i64(Cg *c, LLVMValueRef x, Type *t); // widen an integer to i64
LLVMValueRef cg_value(Cg *c, Value *v);         // the LLVM value of an SSA value
LLVMValueRef cg_memval(Cg *c, Value *v);        // memory holding big v (cgfunc.c), or NULL
LLVMValueRef cg_value_addr(Cg *c, Value *v);    // unchanging memory holding v's value
void cg_copy_value(Cg *c, Value *v, LLVMValueRef p); // store v's value at p (memcpy if big)
LLVMValueRef cg_gocall(Cg *c, Value *v, LLVMTypeRef fty, LLVMValueRef fn, LLVMValueRef *lead,
		       int nlead, int first); // a call in the Go ABI (see codegen.h's top)
LLVMValueRef cg_bool(Cg *c, LLVMValueRef i1);   // i1 -> Go bool (i8)
LLVMValueRef cg_cond(Cg *c, LLVMValueRef b);    // Go bool (i8) -> i1
void cg_panic_if(Cg *c, LLVMValueRef cond, const char *fn, LLVMValueRef *args, int n);

// cgfunc.c
void cg_emit_func(Cg *c, Func *f);
void cg_load_big(Cg *c, Value *v, LLVMValueRef p); // big v = copy of the value at p

// cgiface.c: interfaces with methods (itabs, method tables, dynamic calls, assertions)
const char *cg_type_name(Type *t);             // t as %T prints it (cgtype.c)
bool cg_iface_nonempty(Type *t);               // an interface with methods: {itab, data}
LLVMTypeRef cg_desc_ext_type(Cg *c, Type *t);  // RtType plus method fields, or NULL
LLVMValueRef cg_desc_ext_init(Cg *c, Type *t, LLVMTypeRef ext, LLVMValueRef base);
LLVMValueRef cg_iface_word0(Cg *c, Type *iface, Type *t); // first word of T boxed as iface
LLVMValueRef cg_iface_eq(Cg *c, Type *t, LLVMValueRef x, LLVMValueRef y); // i1
LLVMValueRef cg_emit_calliface(Cg *c, Value *v);   // CALLIFACE
LLVMValueRef cg_emit_assert(Cg *c, Value *v);      // ASSERT, ASSERT2
LLVMValueRef cg_emit_ifaceconv(Cg *c, Value *v);   // CONV between interface types
LLVMValueRef cg_emit_methodvalue(Cg *c, Value *v); // METHODVALUE
void cg_func_attrs(Cg *c, LLVMValueRef fn);        // frame pointer, no tail calls (rt.h)

// cgmap.c: maps (runtime/rt.h's map ABI)
LLVMValueRef cg_emit_mapop(Cg *c, Value *v);       // MAKEMAP ... MAPITERELEM

// cgdefer.c: defer, panic and recover (runtime/rt.h's frame records)
LLVMValueRef cg_emit_deferop(Cg *c, Value *v);     // DEFERFRAME ... RECOVER
void cg_func_prologue(Cg *c, Func *f);             // rt_wrapperenter for wrappers
void cg_wrapper_enter(Cg *c, LLVMBuilderRef b);    // rt_wrapperenter at b (cgiface.c)
