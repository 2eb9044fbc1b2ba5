// deadblock.c: dead block elimination and straight-line block fusion.
//
// Three rewrites, repeated until none applies:
//   1. an `if` on a constant condition drops the edge it never takes (and that edge's
//      phi arguments) and becomes plain;
//   2. an `if` whose two edges reach the same block, where every phi there receives the
//      same argument on both edges, becomes plain (the test decides nothing);
//   3. a plain block whose only successor has it as only pred absorbs that successor
//      (ssa_fuse_block): the pair was one straight line of code split by the builder.
// Blocks no longer reachable from the entry are then deleted (cfg.c), and phis left with
// one distinct argument by lost edges are removed (phielim.c).
//
// Requires: no GETVAR/SETVAR (after mem2reg). Invalidates: VALID_DOM, VALID_DF,
// VALID_LIVE when the CFG changes; leaves VALID_RPO recomputed.
// Shown by: `gosub ssa -pass deadblock file.go`.
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static bool
is_const_bool(Value *v)
{
	return v && v->op == OP_CONST && !v->aux && v->type && type_is_boolean(v->type);
}

// same_edge_args: every phi of s gets the same value on b's two edges into it.
static bool
same_edge_args(Block *b, Block *s)
{
	int first = -1, second = -1;
	for (int j = 0; j < s->preds.len; j++) {
		if (s->preds.v[j] != b)
			continue;
		if (first < 0)
			first = j;
		else
			second = j;
	}
	if (first < 0 || second < 0)
		return false;
	for (int i = 0; i < s->values.len && s->values.v[i]->op == OP_PHI; i++)
		if (s->values.v[i]->args[first] != s->values.v[i]->args[second])
			return false;
	return true;
}

// deadblock folds constant and pointless branches and fuses straight-line blocks of f.
// Invalidates: the dominator analyses when anything changes.
void
deadblock(Func *f)
{
	bool changed = false, again = true;
	while (again) {
		again = false;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *b = f->blocks.v[bi];
			if (b->kind == BK_IF && is_const_bool(b->control)) {
				ssa_remove_edge(b, b->control->auxint ? 1 : 0);
				ssa_set_control(b, NULL);
				b->kind = BK_PLAIN;
				again = true;
			} else if (b->kind == BK_IF && b->succs[0] == b->succs[1] &&
				   same_edge_args(b, b->succs[0])) {
				ssa_remove_edge(b, 1);
				ssa_set_control(b, NULL);
				b->kind = BK_PLAIN;
				again = true;
			}
		}
		if (again) {
			cfg_compute_rpo(f); // drops what the cut edges left unreachable
			changed = true;
		}
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *b = f->blocks.v[bi];
			if (b->kind != BK_PLAIN || b->nsuccs != 1)
				continue;
			Block *s = b->succs[0];
			if (s == b || s == f->entry || s->preds.len != 1 || s->preds.v[0] != b)
				continue;
			ssa_fuse_block(b);
			again = true;
			bi--; // b may absorb its new successor too
		}
		if (again) {
			cfg_compute_rpo(f);
			changed = true;
		}
	}
	if (changed) {
		if (!(f->valid & VALID_RPO))
			cfg_compute_rpo(f);
		phielim(f);
	}
}
