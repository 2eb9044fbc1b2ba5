// dom.c: immediate dominators, the dominator tree and dominance frontiers.
//
// Dominators: the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
// Dominance Algorithm", 2001). Blocks are visited in reverse postorder; the idom of a
// block is the intersection of the already-processed preds' idoms, where intersect walks
// the two candidates up the current idom chains, always moving the one with the larger
// RPO number, until they meet. Iterate until no idom changes (two passes for reducible
// graphs, a few more for irreducible ones).
//
// Dominator tree: domkids lists each block's children in RPO order (deterministic).
//
// Dominance frontiers (Cytron et al. 1991, computed the Cooper-Harvey-Kennedy way): for
// each join block b (two or more preds), from each pred p walk up the idom chain until
// reaching idom(b), adding b to the frontier of every block passed (p included). Each
// frontier is kept sorted by block id.
//
// Requires: VALID_RPO (computed on demand). Leaves: Block.idom and domkids (VALID_DOM);
// Block.frontier (VALID_DF).
// Shown by: `gosub ssa -pass all` annotations ("; idom b1, frontier {b2}") and
// `gosub ssa -dot dom`.
#include "base/base.h"
#include "ssa/ssa.h"

static Block *
intersect(Block *a, Block *b)
{
	while (a != b) {
		while (a->rpo > b->rpo)
			a = a->idom;
		while (b->rpo > a->rpo)
			b = b->idom;
	}
	return a;
}

// dom_compute computes immediate dominators and the dominator tree of f.
// Requires: VALID_RPO (computed here if missing). Sets: VALID_DOM.
void
dom_compute(Func *f)
{
	if (!(f->valid & VALID_RPO))
		cfg_compute_rpo(f);
	for (int i = 0; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		b->idom = NULL;
		b->domkids.len = 0;
	}
	Block *entry = f->entry;
	entry->idom = entry; // temporarily, so intersect terminates at the entry
	bool changed = true;
	while (changed) {
		changed = false;
		for (int i = 1; i < f->rpo.len; i++) {
			Block *b = f->rpo.v[i];
			Block *nidom = NULL;
			for (int j = 0; j < b->preds.len; j++) {
				Block *p = b->preds.v[j];
				if (p->rpo < 0 || !p->idom)
					continue; // unreachable or not processed yet
				nidom = nidom ? intersect(p, nidom) : p;
			}
			if (nidom != b->idom) {
				b->idom = nidom;
				changed = true;
			}
		}
	}
	entry->idom = NULL;
	for (int i = 1; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		vec_push(f->arena, b->idom->domkids, b);
	}
	f->valid |= VALID_DOM;
}

static void
frontier_add(Func *f, Block *b, Block *join)
{
	BlockList *fr = &b->frontier;
	int i = fr->len;
	for (int j = 0; j < fr->len; j++) {
		if (fr->v[j] == join)
			return;
		if (fr->v[j]->id > join->id && i == fr->len)
			i = j;
	}
	vec_push(f->arena, *fr, join);
	for (int j = fr->len - 1; j > i; j--)
		fr->v[j] = fr->v[j - 1];
	fr->v[i] = join;
}

// df_compute computes the dominance frontier of every block of f.
// Requires: VALID_DOM (computed here if missing). Sets: VALID_DF.
void
df_compute(Func *f)
{
	if (!(f->valid & VALID_DOM))
		dom_compute(f);
	for (int i = 0; i < f->rpo.len; i++)
		f->rpo.v[i]->frontier.len = 0;
	for (int i = 0; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		if (b->preds.len < 2)
			continue;
		for (int j = 0; j < b->preds.len; j++) {
			Block *runner = b->preds.v[j];
			if (runner->rpo < 0)
				continue;
			while (runner && runner != b->idom) {
				frontier_add(f, runner, b);
				runner = runner->idom;
			}
		}
	}
	f->valid |= VALID_DF;
}

// dom_dominates reports whether a dominates b (every block dominates itself).
// Requires: VALID_DOM.
bool
dom_dominates(Block *a, Block *b)
{
	for (; b; b = b->idom)
		if (a == b)
			return true;
	return false;
}
