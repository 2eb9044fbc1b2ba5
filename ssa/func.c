// func.c: allocation of SSA funcs, blocks and values, and the CFG edits that keep preds,
// phi arguments and use counts consistent. Also the op tables generated from ops.def.
//
// Every Func owns an arena (Func.arena) holding its blocks, values, vectors and analysis
// scratch. IDs are handed out densely from 1 (Func.nvalues / Func.nblocks are the next
// ids), so passes index side tables by ID.
//
// Invariants kept by every function here (verify.c checks them):
//   - phi argument i flows in from preds.v[i]: ssa_add_edge appends a pred (the caller
//     then appends one argument to each phi of the target), ssa_remove_edge drops the
//     pred and the matching phi argument;
//   - Value.uses counts references from args and block controls exactly;
//   - phis come first in a block: ssa_new_value inserts a PHI after the existing phis.
// Passes never edit succs, preds, args, control or uses directly.
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

const int op_nargs[OP_COUNT] = {
#define OP(name, nargs, flags, text) [OP_##name] = nargs,
#include "ssa/ops.def"
#undef OP
};

const unsigned op_flags[OP_COUNT] = {
#define OP(name, nargs, flags, text) [OP_##name] = flags,
#include "ssa/ops.def"
#undef OP
};

const char *const op_name[OP_COUNT] = {
#define OP(name, nargs, flags, text) [OP_##name] = text,
#include "ssa/ops.def"
#undef OP
};

// ssa_new_func creates an empty function named name (its link name) with a fresh arena
// and appends it to p->funcs when p is not NULL. The first block created becomes the
// entry block.
Func *
ssa_new_func(Program *p, const char *name)
{
	Arena *a = arena_new(64 * 1024);
	Func *f = NEW(a, Func);
	f->arena = a;
	f->name = name;
	f->nvalues = 1;
	f->nblocks = 1;
	f->prog = p;
	if (p)
		vec_push(perm, p->funcs, f);
	return f;
}

// ssa_new_block creates an empty block of the given kind in f and appends it to
// f->blocks; the first block of a function becomes f->entry.
// Invalidates: every analysis (VALID_*).
Block *
ssa_new_block(Func *f, BlockKind kind, Pos pos)
{
	Block *b = NEW(f->arena, Block);
	b->id = f->nblocks++;
	b->kind = kind;
	b->pos = pos;
	b->func = f;
	b->rpo = -1;
	vec_push(f->arena, f->blocks, b);
	if (!f->entry)
		f->entry = b;
	f->valid = 0;
	return b;
}

static Value *
alloc_value(Block *b, Op op, Type *t, Pos pos)
{
	Func *f = b->func;
	Value *v = NEW(f->arena, Value);
	v->id = f->nvalues++;
	v->op = op;
	v->type = t;
	v->block = b;
	v->pos = pos;
	v->args = v->inline_args;
	return v;
}

// ssa_new_value_at creates a value with no arguments and inserts it at position index
// of b->values (0 <= index <= len).
Value *
ssa_new_value_at(Block *b, int index, Op op, Type *t, Pos pos)
{
	Func *f = b->func;
	Value *v = alloc_value(b, op, t, pos);
	if (index < 0 || index > b->values.len)
		fatal_at(pos, "ssa_new_value_at: index %d out of range in b%d of %s", index,
			 b->id, f->name);
	vec_push(f->arena, b->values, v); // grow by one
	memmove(&b->values.v[index + 1], &b->values.v[index],
		sizeof(Value *) * (size_t)(b->values.len - 1 - index));
	b->values.v[index] = v;
	return v;
}

// ssa_new_value creates a value with no arguments at the end of b; a PHI is inserted
// after the block's existing phis instead, so phis always come first.
Value *
ssa_new_value(Block *b, Op op, Type *t, Pos pos)
{
	if (op == OP_PHI) {
		int i = 0;
		while (i < b->values.len && b->values.v[i]->op == OP_PHI)
			i++;
		return ssa_new_value_at(b, i, op, t, pos);
	}
	Value *v = alloc_value(b, op, t, pos);
	vec_push(b->func->arena, b->values, v);
	return v;
}

// ssa_add_arg appends arg to v's arguments and counts the use.
void
ssa_add_arg(Value *v, Value *arg)
{
	if (!arg)
		fatal_at(v->pos, "ssa_add_arg: NULL argument for v%d (%s)", v->id, op_name[v->op]);
	// Inline slots first; then a power-of-two array in the function's arena. A heap
	// array's capacity is a power of two >= 4 that is >= nargs, so it is full exactly
	// when nargs is a power of two.
	int n = v->nargs;
	bool grow = v->args == v->inline_args ? n >= (int)ARRAY_LEN(v->inline_args)
					       : (n & (n - 1)) == 0;
	if (grow) {
		int cap = n < 4 ? 4 : n * 2;
		Value **na = NEWARR(v->block->func->arena, Value *, cap);
		memcpy(na, v->args, sizeof(Value *) * (size_t)n);
		v->args = na;
	}
	v->args[v->nargs++] = arg;
	arg->uses++;
}

// ssa_set_arg replaces argument i of v by arg, moving the use count.
void
ssa_set_arg(Value *v, int i, Value *arg)
{
	if (i < 0 || i >= v->nargs || !arg)
		fatal_at(v->pos, "ssa_set_arg: bad argument %d for v%d", i, v->id);
	v->args[i]->uses--;
	v->args[i] = arg;
	arg->uses++;
}

// ssa_set_control makes v (may be NULL) the control value of b, moving the use count.
void
ssa_set_control(Block *b, Value *v)
{
	if (b->control)
		b->control->uses--;
	b->control = v;
	if (v)
		v->uses++;
}

// ssa_add_edge adds the edge from -> to: appends to from->succs and to->preds. The caller
// must then append one argument to every phi of `to` (phi argument i flows in from
// preds.v[i]). Invalidates: every analysis.
void
ssa_add_edge(Block *from, Block *to)
{
	Func *f = from->func;
	if (from->nsuccs >= 2)
		fatal_at(from->pos, "ssa_add_edge: b%d already has two successors in %s", from->id,
			 f->name);
	from->succs[from->nsuccs++] = to;
	vec_push(f->arena, to->preds, from);
	f->valid = 0;
}

// pred_index returns the index in to->preds of the edge from->succs[succidx]: the k-th
// occurrence of `from` among to's preds matches the k-th successor slot of `from` that
// points to `to`.
static int
pred_index(Block *from, int succidx)
{
	Block *to = from->succs[succidx];
	int k = 0;
	for (int j = 0; j < succidx; j++)
		if (from->succs[j] == to)
			k++;
	for (int i = 0; i < to->preds.len; i++)
		if (to->preds.v[i] == from && k-- == 0)
			return i;
	fatal_at(from->pos, "edge b%d -> b%d missing from preds in %s", from->id, to->id,
		 from->func->name);
}

// ssa_remove_edge removes successor succidx of from, the matching pred of the target and
// the matching argument of each of the target's phis. It does not change from->kind; the
// caller fixes the kind and control. Invalidates: every analysis.
void
ssa_remove_edge(Block *from, int succidx)
{
	if (succidx < 0 || succidx >= from->nsuccs)
		fatal_at(from->pos, "ssa_remove_edge: b%d has no successor %d", from->id, succidx);
	Block *to = from->succs[succidx];
	int pi = pred_index(from, succidx);
	for (int i = 0; i < to->values.len; i++) {
		Value *phi = to->values.v[i];
		if (phi->op != OP_PHI)
			break;
		if (pi >= phi->nargs)
			fatal_at(phi->pos, "phi v%d has too few arguments in %s", phi->id,
				 from->func->name);
		phi->args[pi]->uses--;
		memmove(&phi->args[pi], &phi->args[pi + 1],
			sizeof(Value *) * (size_t)(phi->nargs - pi - 1));
		phi->nargs--;
	}
	memmove(&to->preds.v[pi], &to->preds.v[pi + 1],
		sizeof(Block *) * (size_t)(to->preds.len - pi - 1));
	to->preds.len--;
	for (int j = succidx; j + 1 < from->nsuccs; j++)
		from->succs[j] = from->succs[j + 1];
	from->nsuccs--;
	from->succs[from->nsuccs] = NULL;
	from->func->valid = 0;
}

// ssa_replace_uses makes every argument and control that refers to old refer to new_.
// old->uses drops to 0; old itself stays in its block.
void
ssa_replace_uses(Func *f, Value *old, Value *new_)
{
	if (old == new_)
		return;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			for (int j = 0; j < v->nargs; j++) {
				if (v->args[j] == old) {
					v->args[j] = new_;
					old->uses--;
					new_->uses++;
				}
			}
		}
		if (b->control == old)
			ssa_set_control(b, new_);
	}
}

// ssa_remove_value deletes v from its block and releases its arguments' uses.
// Requires: v->uses == 0.
void
ssa_remove_value(Value *v)
{
	Block *b = v->block;
	if (v->uses != 0)
		fatal_at(v->pos, "ssa_remove_value: v%d still has %d uses in %s", v->id, v->uses,
			 b->func->name);
	for (int j = 0; j < v->nargs; j++)
		v->args[j]->uses--;
	v->nargs = 0;
	for (int i = 0; i < b->values.len; i++) {
		if (b->values.v[i] == v) {
			memmove(&b->values.v[i], &b->values.v[i + 1],
				sizeof(Value *) * (size_t)(b->values.len - i - 1));
			b->values.len--;
			return;
		}
	}
	fatal_at(v->pos, "ssa_remove_value: v%d not in b%d", v->id, b->id);
}

// ssa_fuse_block merges p's only successor s into p, when s has p as its only pred and
// is not the entry: s's phis (one argument each) are replaced by that argument, s's other
// values move to the end of p, p takes s's kind, control and successors, and each
// successor's pred slot for s now names p (so phi argument order is unchanged). s is
// left empty and edgeless; the caller removes it from f->blocks (cfg_compute_rpo does).
// Invalidates: every analysis.
void
ssa_fuse_block(Block *p)
{
	Func *f = p->func;
	if (p->kind != BK_PLAIN || p->nsuccs != 1)
		fatal_at(p->pos, "ssa_fuse_block: b%d is not plain in %s", p->id, f->name);
	Block *s = p->succs[0];
	if (s == p || s == f->entry || s->preds.len != 1)
		fatal_at(p->pos, "ssa_fuse_block: b%d cannot absorb b%d in %s", p->id, s->id,
			 f->name);
	for (int i = 0; i < s->values.len; i++) {
		Value *v = s->values.v[i];
		if (v->op == OP_PHI) {
			Value *a = v->args[0];
			ssa_replace_uses(f, v, a);
			continue;
		}
		v->block = p;
		vec_push(f->arena, p->values, v);
	}
	// Drop the phis (now unused) from s's list before releasing their argument.
	for (int i = 0; i < s->values.len; i++) {
		Value *v = s->values.v[i];
		if (v->op != OP_PHI)
			continue;
		for (int j = 0; j < v->nargs; j++)
			v->args[j]->uses--;
		v->nargs = 0;
	}
	s->values.len = 0;
	p->kind = s->kind;
	Value *ctl = s->control;
	p->control = ctl; // the use moves with it
	s->control = NULL;
	p->nsuccs = s->nsuccs;
	for (int k = 0; k < s->nsuccs; k++) {
		Block *t = s->succs[k];
		p->succs[k] = t;
		for (int j = 0; j < t->preds.len; j++)
			if (t->preds.v[j] == s)
				t->preds.v[j] = p;
		s->succs[k] = NULL;
	}
	s->nsuccs = 0;
	s->preds.len = 0;
	s->kind = BK_PLAIN;
	f->valid = 0;
}
