// live.c: liveness of GETVAR/SETVAR variables per block, used by mem2reg to prune phis
// (a phi for x is placed at a join block only where x is live on entry).
//
// Variables are numbered densely in order of first appearance (blocks in RPO, values in
// block order), so everything is deterministic. Per block, gen = variables read by a
// GETVAR before any SETVAR of them in the block, kill = variables with a SETVAR in the
// block. The classic backward data-flow equations
//     liveout(b) = union of livein(s) over successors s
//     livein(b)  = gen(b) | (liveout(b) - kill(b))
// are iterated over the blocks in postorder (reverse of RPO) until nothing changes.
//
// Requires: VALID_RPO. Leaves: VarInfo.livein / liveout for every reachable block.
// Nothing here edits the function.
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

// A small open-addressing table from Obj * to variable index. It is only used for
// lookups; numbering follows the scan order, never the table order.
typedef struct VarTab {
	Obj **keys;
	int *vals;
	int cap; // power of two
} VarTab;

typedef struct VarInfoImpl {
	VarInfo vi;
	VarTab tab;
} VarInfoImpl;

static uint32_t
hashptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (uint32_t)x;
}

// var_index returns the index of variable o in vi, or -1 when f never names it.
int
var_index(VarInfo *vi, Obj *o)
{
	VarTab *t = &((VarInfoImpl *)vi)->tab;
	for (uint32_t h = hashptr(o) & (uint32_t)(t->cap - 1);; h = (h + 1) & (uint32_t)(t->cap - 1)) {
		if (t->keys[h] == o)
			return t->vals[h];
		if (!t->keys[h])
			return -1;
	}
}

// vars_collect numbers the variables named by GETVAR and SETVAR values of f, in order of
// first appearance. Requires: VALID_RPO.
VarInfo *
vars_collect(Func *f)
{
	VarInfoImpl *im = NEW(f->arena, VarInfoImpl);
	int n = 0;
	for (int bi = 0; bi < f->rpo.len; bi++) {
		Block *b = f->rpo.v[bi];
		for (int i = 0; i < b->values.len; i++)
			n += b->values.v[i]->op == OP_GETVAR || b->values.v[i]->op == OP_SETVAR;
	}
	int cap = 16;
	while (cap < 2 * n + 2)
		cap *= 2;
	im->tab.cap = cap;
	im->tab.keys = NEWARR(f->arena, Obj *, cap);
	im->tab.vals = NEWARR(f->arena, int, cap);
	im->vi.vars = NEWARR(f->arena, Obj *, n + 1);
	for (int bi = 0; bi < f->rpo.len; bi++) {
		Block *b = f->rpo.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (v->op != OP_GETVAR && v->op != OP_SETVAR)
				continue;
			Obj *o = v->aux;
			uint32_t h = hashptr(o) & (uint32_t)(cap - 1);
			while (im->tab.keys[h] && im->tab.keys[h] != o)
				h = (h + 1) & (uint32_t)(cap - 1);
			if (im->tab.keys[h])
				continue;
			im->tab.keys[h] = o;
			im->tab.vals[h] = im->vi.nvars;
			im->vi.vars[im->vi.nvars++] = o;
		}
	}
	return &im->vi;
}

// live_vars computes, for every reachable block, the variables of vi live on entry and
// on exit. Requires: VALID_RPO.
void
live_vars(Func *f, VarInfo *vi)
{
	int nb = f->nblocks, nv = vi->nvars;
	Bitset *gen = NEWARR(f->arena, Bitset, nb);
	Bitset *kill = NEWARR(f->arena, Bitset, nb);
	vi->livein = NEWARR(f->arena, Bitset, nb);
	vi->liveout = NEWARR(f->arena, Bitset, nb);
	for (int bi = 0; bi < f->rpo.len; bi++) {
		Block *b = f->rpo.v[bi];
		gen[b->id] = bitset_new(f->arena, nv);
		kill[b->id] = bitset_new(f->arena, nv);
		vi->livein[b->id] = bitset_new(f->arena, nv);
		vi->liveout[b->id] = bitset_new(f->arena, nv);
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (v->op == OP_GETVAR) {
				int x = var_index(vi, v->aux);
				if (!bitset_has(kill[b->id], x))
					bitset_set(gen[b->id], x);
			} else if (v->op == OP_SETVAR) {
				bitset_set(kill[b->id], var_index(vi, v->aux));
			}
		}
	}
	Bitset tmp = bitset_new(f->arena, nv);
	bool changed = true;
	while (changed) {
		changed = false;
		for (int bi = f->rpo.len - 1; bi >= 0; bi--) {
			Block *b = f->rpo.v[bi];
			for (int k = 0; k < b->nsuccs; k++)
				bitset_union(vi->liveout[b->id], vi->livein[b->succs[k]->id]);
			// livein = gen | (liveout - kill), computed word by word into tmp.
			Bitset out = vi->liveout[b->id], kl = kill[b->id], gn = gen[b->id];
			int nw = (nv + 63) / 64;
			for (int w = 0; w < nw; w++)
				tmp.w[w] = gn.w[w] | (out.w[w] & ~kl.w[w]);
			if (bitset_union(vi->livein[b->id], tmp))
				changed = true;
		}
	}
}
