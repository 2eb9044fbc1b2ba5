// demote.c: the opposite of mem2reg. Every GETVAR/SETVAR variable becomes a stack slot:
// one ALLOC (kind var, marked @stack: such a variable's address is never taken, so it
// cannot escape) at the start of the entry block, each SETVAR a STORE to it and each
// GETVAR a LOAD from it, rewritten in place so ids and positions stay.
//
// Used by `gosub build -N -nomem2reg`, which hands LLVM the unpromoted form: LLVM's own
// mem2reg (`opt-19 -passes=mem2reg`) then places phis independently of gosub, and
// testdata/phicount.py checks that both constructions agree on the number of phis.
//
// Requires: VALID_RPO. Keeps: VALID_RPO, VALID_DOM, VALID_DF (the CFG is unchanged).
// Leaves: no GETVAR or SETVAR, no phis for variables.
// Shown by: `gosub ssa -nomem2reg -pass demote file.go`.
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

// demote turns f's GETVAR/SETVAR variables into stack slots (see above).
// Requires: VALID_RPO. Invalidates: nothing about the CFG.
void
demote(Func *f)
{
	if (!(f->valid & VALID_RPO))
		cfg_compute_rpo(f);
	VarInfo *vi = vars_collect(f);
	if (vi->nvars == 0)
		return;
	Value **slot = NEWARR(f->arena, Value *, vi->nvars);
	int at = 0;
	while (at < f->entry->values.len && (f->entry->values.v[at]->op == OP_PARAM ||
					     f->entry->values.v[at]->op == OP_FREEVAR))
		at++;
	for (int x = 0; x < vi->nvars; x++) {
		Obj *o = vi->vars[x];
		Value *a = ssa_new_value_at(f->entry, at + x, OP_ALLOC, type_pointer(o->type),
					    o->pos);
		a->auxint = ALLOC_VAR;
		a->aux = o;
		a->name = o->name;
		a->esc = ESC_STACK;
		slot[x] = a;
	}
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (v->op == OP_GETVAR) {
				Value *a = slot[var_index(vi, v->aux)];
				v->op = OP_LOAD;
				v->aux = NULL;
				ssa_add_arg(v, a);
			} else if (v->op == OP_SETVAR) {
				Value *a = slot[var_index(vi, v->aux)];
				Value *val = v->args[0];
				v->op = OP_STORE;
				v->aux = NULL;
				v->name = NULL;
				ssa_set_arg(v, 0, a);
				ssa_add_arg(v, val);
			}
		}
	}
	f->valid &= ~(unsigned)VALID_LIVE;
}
