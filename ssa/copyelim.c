// copyelim.c: removes COPY values. Every argument or control that names a COPY is
// redirected to the copied value (following chains of copies), then the copies, now
// unused, are deleted.
//
// Requires: nothing. Keeps: VALID_RPO, VALID_DOM, VALID_DF. Leaves: no COPY values.
// Shown by: `gosub ssa -pass copyelim file.go`.
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static Value *
through(Value *v)
{
	while (v->op == OP_COPY)
		v = v->args[0];
	return v;
}

// copyelim redirects uses of COPY values to their source and deletes the copies.
// Invalidates: nothing about the CFG.
void
copyelim(Func *f)
{
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			for (int j = 0; j < v->nargs; j++)
				if (v->args[j]->op == OP_COPY)
					ssa_set_arg(v, j, through(v->args[j]));
		}
		if (b->control && b->control->op == OP_COPY)
			ssa_set_control(b, through(b->control));
	}
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		int k = 0;
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (v->op == OP_COPY && v->uses == 0) {
				v->args[0]->uses--;
				v->nargs = 0;
				continue;
			}
			b->values.v[k++] = v;
		}
		b->values.len = k;
	}
}
