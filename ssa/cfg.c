// cfg.c: reverse postorder of the control-flow graph and removal of unreachable blocks.
//
// Algorithm: an iterative depth-first search from the entry block over succs (last
// successor first, so that the first one comes first in RPO; deterministic) numbers blocks in postorder; reversing it gives
// the reverse postorder (RPO) in which every block comes after its dominators, the order
// dom.c and the dumps use. Blocks the search never reaches are deleted: their outgoing
// edges are removed through ssa_remove_edge (which drops the matching phi arguments of
// reachable targets, so phis stay aligned with preds) and the uses their values and
// controls held are released.
//
// Requires: nothing. Leaves: f->rpo and Block.rpo set (VALID_RPO); every block in
// f->blocks reachable from f->entry; f->blocks still in creation order.
// Shown by: `gosub ssa -pass build` (blocks print in RPO).
#include "base/base.h"
#include "ssa/ssa.h"

// remove_block deletes the unreachable block b: its edges and the uses held by its
// values and control.
static void
remove_block(Block *b)
{
	while (b->nsuccs > 0)
		ssa_remove_edge(b, b->nsuccs - 1);
	for (int i = 0; i < b->values.len; i++) {
		Value *v = b->values.v[i];
		for (int j = 0; j < v->nargs; j++)
			v->args[j]->uses--;
		v->nargs = 0;
	}
	ssa_set_control(b, NULL);
	b->values.len = 0;
	b->rpo = -1;
}

// cfg_compute_rpo computes the reverse postorder of f's blocks into f->rpo and
// Block.rpo, and removes blocks unreachable from the entry.
// Requires: f->entry set. Invalidates: VALID_DOM, VALID_DF, VALID_LIVE when blocks are
// removed. Sets: VALID_RPO.
void
cfg_compute_rpo(Func *f)
{
	int nb = f->nblocks;
	char *state = NEWARR(f->arena, char, nb); // 0 unseen, 1 on stack, 2 done
	Block **post = NEWARR(f->arena, Block *, nb);
	int npost = 0;
	Block **stack = NEWARR(f->arena, Block *, nb);
	int *next = NEWARR(f->arena, int, nb); // next successor index to visit
	int sp = 0;

	stack[sp++] = f->entry;
	state[f->entry->id] = 1;
	while (sp > 0) {
		Block *b = stack[sp - 1];
		if (next[b->id] < b->nsuccs) {
			// Last successor first, so the first one comes first in RPO.
			Block *s = b->succs[b->nsuccs - 1 - next[b->id]++];
			if (state[s->id] == 0) {
				state[s->id] = 1;
				stack[sp++] = s;
			}
			continue;
		}
		state[b->id] = 2;
		post[npost++] = b;
		sp--;
	}

	// Delete the unreachable blocks, keeping creation order for the rest.
	bool removed = false;
	int k = 0;
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		if (state[b->id] == 0) {
			remove_block(b);
			removed = true;
		}
	}
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		if (state[b->id] != 0)
			f->blocks.v[k++] = b;
	}
	f->blocks.len = k;

	f->rpo.len = 0;
	for (int i = npost - 1; i >= 0; i--) {
		post[i]->rpo = f->rpo.len;
		vec_push(f->arena, f->rpo, post[i]);
	}
	if (removed)
		f->valid &= ~(unsigned)(VALID_DOM | VALID_DF | VALID_LIVE);
	f->valid |= VALID_RPO;
}
