// phielim.c: removes trivial phis. A phi whose arguments are all the same value w, or
// the phi itself (v = phi(w, v, w)), always equals w: its uses are redirected to w and it
// is deleted. Removing one phi can make another trivial (a loop phi fed by it), so the
// pass repeats until nothing changes.
//
// Replacements are collected in a table indexed by value id and applied in one sweep
// over all arguments and controls per round, following chains (p1 -> p2 -> w).
//
// Requires: no GETVAR/SETVAR (after mem2reg). Keeps: VALID_RPO, VALID_DOM, VALID_DF
// (the CFG is unchanged). Leaves: no phi with a single distinct non-self argument.
// Shown by: `gosub ssa -pass phielim file.go`.
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static Value *
chase(Value **repl, Value *v)
{
	while (repl[v->id])
		v = repl[v->id];
	return v;
}

// phielim deletes trivial phis of f, repeatedly, as described above.
// Requires: mem2reg has run. Invalidates: nothing about the CFG.
void
phielim(Func *f)
{
	Value **repl = NEWARR(f->arena, Value *, f->nvalues);
	bool changed = true;
	while (changed) {
		changed = false;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *b = f->blocks.v[bi];
			for (int i = 0; i < b->values.len && b->values.v[i]->op == OP_PHI; i++) {
				Value *phi = b->values.v[i];
				if (repl[phi->id])
					continue;
				Value *w = NULL;
				bool trivial = true;
				for (int j = 0; j < phi->nargs; j++) {
					Value *a = chase(repl, phi->args[j]);
					if (a == phi || a == w)
						continue;
					if (w) {
						trivial = false;
						break;
					}
					w = a;
				}
				if (trivial && w) {
					repl[phi->id] = w;
					changed = true;
				}
			}
		}
	}
	bool any = false;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (repl[v->id])
				any = true;
			for (int j = 0; j < v->nargs; j++)
				if (repl[v->args[j]->id])
					ssa_set_arg(v, j, chase(repl, v->args[j]));
		}
		if (b->control && repl[b->control->id])
			ssa_set_control(b, chase(repl, b->control));
	}
	if (!any)
		return;
	// Delete the replaced phis: first release what they use, then drop them.
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (!repl[v->id])
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
			if (!repl[b->values.v[i]->id])
				b->values.v[k++] = b->values.v[i];
		b->values.len = k;
	}
}
