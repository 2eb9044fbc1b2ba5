// cgmap.c: maps, lowered to runtime/rt.h's map ABI. A map value is a pointer to the
// runtime's header (nil for a nil map); the map type's descriptor (kind RT_KIND_MAP with
// key and elem) tells the runtime the layout. Keys cross by address: each operation
// stores its key in an entry-block temporary and passes that. Element pointers returned
// by the runtime are used at once (they are valid only until the next map operation):
// m[k] = v stores the already evaluated v through rt_mapassign's result.
//
// Range loops keep an RtMapIter (112 bytes) in the frame: MAPITERINIT allocates it in the
// entry block and starts the iteration; MAPITERDONE tests its key pointer against nil;
// MAPITERKEY/MAPITERELEM load through its key/elem pointers.
//
// Requires: the SSA map ops of ssa/ops.def (MAKEMAP ... MAPITERELEM). Shown by:
// gosub build -emit-llvm -O0 x.go.
#include <string.h>

#include <llvm-c/Core.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "frontend/frontend.h"
#include "runtime/rt.h"
#include "ssa/ssa.h"

// load_v reads value v of type t at p: a first-class load, or for a big value whose uses
// all read memory (Cg.memok) a copy in a stack slot (cg_load_big; returns NULL).
static LLVMValueRef
load_v(Cg *c, Value *v, LLVMValueRef p)
{
	if (c->memok[v->id]) {
		cg_load_big(c, v, p);
		return NULL;
	}
	if (type_size(v->type) == 0)
		return LLVMConstNull(cg_type(c, v->type));
	LLVMValueRef l = LLVMBuildLoad2(c->b, cg_type(c, v->type), p, "");
	LLVMSetAlignment(l, (unsigned)type_align(v->type));
	return l;
}

static LLVMValueRef
load_t(Cg *c, Type *t, LLVMValueRef p)
{
	if (type_size(t) == 0)
		return LLVMConstNull(cg_type(c, t));
	LLVMValueRef l = LLVMBuildLoad2(c->b, cg_type(c, t), p, "");
	LLVMSetAlignment(l, (unsigned)type_align(t));
	return l;
}

static void
store_t(Cg *c, Type *t, LLVMValueRef x, LLVMValueRef p)
{
	if (type_size(t) == 0)
		return;
	LLVMValueRef s = LLVMBuildStore(c->b, x, p);
	LLVMSetAlignment(s, (unsigned)type_align(t));
}

// key_addr returns the address of a copy of key value k (SSA value): the memory a big
// value already lives in (cgfunc.c's memvals), else a new temporary.
static LLVMValueRef
key_addr(Cg *c, Value *k)
{
	LLVMValueRef m = cg_memval(c, k);
	if (m)
		return m;
	LLVMValueRef slot = cg_alloca(c, cg_type(c, k->type), type_align(k->type), "key");
	store_t(c, k->type, cg_value(c, k), slot);
	return slot;
}

static LLVMValueRef
iter_word(Cg *c, LLVMValueRef it, int word)
{
	LLVMValueRef off = LLVMConstInt(c->t_i64, (uint64_t)word * 8, false);
	LLVMValueRef p = LLVMBuildInBoundsGEP2(c->b, c->t_i8, it, &off, 1, "");
	return LLVMBuildLoad2(c->b, c->t_ptr, p, "");
}

// cg_emit_mapop lowers one map op (see the file comment).
LLVMValueRef
cg_emit_mapop(Cg *c, Value *v)
{
	LLVMBuilderRef B = c->b;
	switch (v->op) {
	case OP_MAKEMAP: {
		LLVMValueRef a[2] = {cg_typedesc(c, v->type),
				     cg_to_i64(c, cg_value(c, v->args[0]), v->args[0]->type)};
		return cg_rtcall(c, "rt_makemap", c->t_ptr, a, 2);
	}
	case OP_MAPINDEX: {
		LLVMValueRef a[3] = {cg_typedesc(c, v->args[0]->type), cg_value(c, v->args[0]),
				     key_addr(c, v->args[1])};
		LLVMValueRef p = cg_rtcall(c, "rt_mapaccess1", c->t_ptr, a, 3);
		return load_v(c, v, p);
	}
	case OP_MAPINDEX2: {
		LLVMValueRef ok = cg_alloca(c, c->t_i64, 8, "ok");
		LLVMValueRef a[4] = {cg_typedesc(c, v->args[0]->type), cg_value(c, v->args[0]),
				     key_addr(c, v->args[1]), ok};
		LLVMValueRef p = cg_rtcall(c, "rt_mapaccess2", c->t_ptr, a, 4);
		Type *et = v->type->fields.v[0].type;
		if (cg_byref(c, v->type)) {
			// a big (elem, ok) in a stack slot
			LLVMTypeRef tt = cg_type(c, v->type);
			LLVMValueRef m = cg_alloca(c, tt, cg_alignof(c, v->type), "elemok");
			if (type_size(et) > 0)
				LLVMBuildMemCpy(B, LLVMBuildStructGEP2(B, tt, m, 0, ""),
						(unsigned)type_align(et), p, (unsigned)type_align(et),
						LLVMConstInt(c->t_i64, (uint64_t)type_size(et), false));
			LLVMValueRef okv = LLVMBuildLoad2(B, c->t_i64, ok, "");
			okv = LLVMBuildZExt(B, LLVMBuildICmp(B, LLVMIntNE, okv,
							     LLVMConstInt(c->t_i64, 0, false), ""),
					    c->t_i8, "");
			LLVMBuildStore(B, okv, LLVMBuildStructGEP2(B, tt, m, 1, ""));
			c->memvals[v->id] = m;
			c->memown[v->id] = true;
			return NULL;
		}
		LLVMValueRef r = LLVMGetUndef(cg_type(c, v->type));
		r = LLVMBuildInsertValue(B, r, load_t(c, et, p), 0, "");
		LLVMValueRef okv = LLVMBuildLoad2(B, c->t_i64, ok, "");
		okv = LLVMBuildZExt(B, LLVMBuildICmp(B, LLVMIntNE, okv,
						     LLVMConstInt(c->t_i64, 0, false), ""),
				    c->t_i8, "");
		return LLVMBuildInsertValue(B, r, okv, 1, "");
	}
	case OP_MAPASSIGN: {
		LLVMValueRef a[3] = {cg_typedesc(c, v->args[0]->type), cg_value(c, v->args[0]),
				     key_addr(c, v->args[1])};
		LLVMValueRef p = cg_rtcall(c, "rt_mapassign", c->t_ptr, a, 3);
		Type *et = v->args[2]->type;
		LLVMValueRef m = cg_memval(c, v->args[2]);
		if (m)
			LLVMBuildMemCpy(B, p, (unsigned)type_align(et), m, (unsigned)type_align(et),
					LLVMConstInt(c->t_i64, (uint64_t)type_size(et), false));
		else
			store_t(c, et, cg_value(c, v->args[2]), p);
		return NULL;
	}
	case OP_MAPDELETE: {
		LLVMValueRef a[3] = {cg_typedesc(c, v->args[0]->type), cg_value(c, v->args[0]),
				     key_addr(c, v->args[1])};
		cg_rtcall(c, "rt_mapdelete", c->t_void, a, 3);
		return NULL;
	}
	case OP_MAPLEN: {
		LLVMValueRef m = cg_value(c, v->args[0]);
		LLVMValueRef n = cg_rtcall(c, "rt_maplen", c->t_i64, &m, 1);
		return LLVMBuildIntCast2(B, n, cg_type(c, v->type), true, "");
	}
	case OP_MAPITERINIT: {
		LLVMTypeRef it = LLVMArrayType2(c->t_i64, sizeof(RtMapIter) / 8);
		LLVMValueRef slot = cg_alloca(c, it, 8, "mapiter");
		LLVMValueRef a[3] = {cg_typedesc(c, v->args[0]->type), cg_value(c, v->args[0]),
				     slot};
		cg_rtcall(c, "rt_mapiterinit", c->t_void, a, 3);
		return slot;
	}
	case OP_MAPITERNEXT: {
		LLVMValueRef it = cg_value(c, v->args[0]);
		cg_rtcall(c, "rt_mapiternext", c->t_void, &it, 1);
		return NULL;
	}
	case OP_MAPITERDONE: {
		LLVMValueRef k = iter_word(c, cg_value(c, v->args[0]), 0);
		return LLVMBuildZExt(B, LLVMBuildICmp(B, LLVMIntEQ, k, LLVMConstNull(c->t_ptr), ""),
				     c->t_i8, "");
	}
	case OP_MAPITERKEY:
		return load_v(c, v, iter_word(c, cg_value(c, v->args[0]), 0));
	case OP_MAPITERELEM:
		return load_v(c, v, iter_word(c, cg_value(c, v->args[0]), 1));
	default:
		fatal_at(v->pos, "codegen: %s: %s is not a map op", c->f->name, op_name[v->op]);
	}
}
