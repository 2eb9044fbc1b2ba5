// deadcode.c: removes values whose results are never needed, by marking: the roots are
// block controls, every value that is not OF_PURE (stores, calls, checks, allocations,
// which keep their side effects and escape marks) and every PARAM (codegen reads them
// through Func.params); a value used by a live value is live. Unmarked values, including
// cycles of phis that only feed each other, are deleted.
//
// Requires: nothing. Keeps: VALID_RPO, VALID_DOM, VALID_DF (the CFG is unchanged).
// Shown by: `gosub ssa -pass deadcode file.go`.
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

// deadcode deletes every value that no live value, control or side effect needs.
// Invalidates: nothing about the CFG.
void
deadcode(Func *f)
{
	char *live = NEWARR(f->arena, char, f->nvalues);
	Value **work = NEWARR(f->arena, Value *, f->nvalues);
	int nw = 0;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (!(op_flags[v->op] & OF_PURE) || v->op == OP_PARAM) {
				live[v->id] = 1;
				work[nw++] = v;
			}
		}
		if (b->control && !live[b->control->id]) {
			live[b->control->id] = 1;
			work[nw++] = b->control;
		}
	}
	while (nw > 0) {
		Value *v = work[--nw];
		for (int j = 0; j < v->nargs; j++) {
			Value *a = v->args[j];
			if (!live[a->id]) {
				live[a->id] = 1;
				work[nw++] = a;
			}
		}
	}
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (live[v->id])
				continue;
			for (int j = 0; j < v->nargs; j++)
				v->args[j]->uses--;
			v->nargs = 0;
		}
	}
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		int k = 0;
		for (int i = 0; i < b->values.len; i++)
			if (live[b->values.v[i]->id])
				b->values.v[k++] = b->values.v[i];
		b->values.len = k;
	}
}
