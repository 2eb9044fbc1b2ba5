// cse.c: common subexpression elimination by dominator-tree value numbering.
//
// Two pure values compute the same result when they have the same op, the same type, the
// same auxint and aux, and the same arguments (for a commutative op, in either order).
// The pass walks the dominator tree depth first (children in RPO order) keeping a scoped
// table of the pure values available at the current block: a value is available in
// every block its own block dominates. Visiting a value, its arguments are first
// redirected to their representatives (they dominate it, so they were visited before);
// if an equal value is already available, the value is recorded as replaced by it,
// otherwise it becomes available itself. Leaving a block removes what it added, so a
// value is only ever replaced by one that dominates it (the algorithm of Briggs, Cooper
// and Simpson, "Value Numbering", SP&E 1997, dominator-based variant).
//
// Phis join only with phis of the same block (same args in pred order). Phi arguments
// and block controls are redirected in a final sweep, since back edges reach phis
// before their sources are visited. Replaced values are then deleted.
//
// Candidates: OF_PURE ops other than PARAM, FREEVAR (their identity is their index) and
// COPY (copyelim's job). String constants compare by bytes. Nothing depends on pointer
// values: the table only answers "is an equal value available", and the first
// (dominating) one always wins.
//
// Requires: VALID_RPO, VALID_DOM. Keeps: VALID_RPO, VALID_DOM, VALID_DF (the CFG is
// unchanged). Leaves: no two equal pure values where one dominates the other.
// Shown by: `gosub ssa -pass cse file.go`.
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

typedef struct Cse {
	Func *f;
	Value **repl;   // repl[id]: the dominating equal value that replaces it
	Value **slots;  // open-addressing table of available values (NULL: empty)
	uint32_t cap;   // power of two
	VEC(uint32_t) added; // slots filled, in order, so leaving a block can empty them
} Cse;

static bool
candidate(Value *v)
{
	if (!(op_flags[v->op] & OF_PURE))
		return false;
	return v->op != OP_PARAM && v->op != OP_FREEVAR && v->op != OP_COPY;
}

static Value *
rep(Cse *c, Value *v)
{
	while (c->repl[v->id])
		v = c->repl[v->id];
	return v;
}

// arg_ids returns v's first two argument ids in canonical order for commutative ops.
static void
arg_pair(Value *v, ValueID *a, ValueID *b)
{
	*a = v->nargs > 0 ? v->args[0]->id : 0;
	*b = v->nargs > 1 ? v->args[1]->id : 0;
	if ((op_flags[v->op] & OF_COMMUTATIVE) && v->nargs == 2 && *a > *b) {
		ValueID t = *a;
		*a = *b;
		*b = t;
	}
}

static uint32_t
hash_value(Value *v)
{
	uint64_t h = (uint64_t)v->op * 0x9e3779b97f4a7c15ULL;
	h ^= (uint64_t)v->auxint + 0x632be59bd9b4e019ULL + (h << 6) + (h >> 2);
	h ^= (uint64_t)(v->type ? v->type->id : 0) * 0xff51afd7ed558ccdULL;
	h ^= (uint64_t)v->nargs << 17;
	ValueID a, b;
	arg_pair(v, &a, &b);
	h ^= (uint64_t)a * 0xc4ceb9fe1a85ec53ULL;
	h ^= (uint64_t)b * 0x2545f4914f6cdd1dULL;
	for (int i = 2; i < v->nargs; i++)
		h = h * 31 + (uint64_t)v->args[i]->id;
	if (v->op == OP_PHI)
		h ^= (uint64_t)v->block->id << 40;
	h ^= h >> 29;
	return (uint32_t)h;
}

static bool
same_aux(Value *x, Value *y)
{
	if (x->op == OP_CONST && (x->aux || y->aux)) {
		if (!x->aux || !y->aux)
			return false;
		if (x->type && type_is_complex(x->type)) // {re, im} doubles, bit for bit
			return memcmp(x->aux, y->aux, 2 * sizeof(double)) == 0;
		// strings: auxint is the length, aux the bytes
		return x->auxint == y->auxint && memcmp(x->aux, y->aux, (size_t)x->auxint) == 0;
	}
	return x->aux == y->aux;
}

static bool
same_value(Value *x, Value *y)
{
	if (x->op != y->op || x->nargs != y->nargs || x->auxint != y->auxint)
		return false;
	if (x->type != y->type && !(x->type && y->type && type_identical(x->type, y->type)))
		return false;
	if (x->op == OP_PHI) {
		if (x->block != y->block)
			return false;
	} else if (!same_aux(x, y)) {
		return false;
	}
	ValueID xa, xb, ya, yb;
	arg_pair(x, &xa, &xb);
	arg_pair(y, &ya, &yb);
	if (xa != ya || xb != yb)
		return false;
	for (int i = 2; i < x->nargs; i++)
		if (x->args[i] != y->args[i])
			return false;
	return true;
}

// lookup returns the available value equal to v, or adds v and returns NULL.
static Value *
lookup_or_add(Cse *c, Value *v)
{
	uint32_t mask = c->cap - 1;
	for (uint32_t h = hash_value(v) & mask;; h = (h + 1) & mask) {
		Value *w = c->slots[h];
		if (!w) {
			c->slots[h] = v;
			vec_push(c->f->arena, c->added, h);
			return NULL;
		}
		if (same_value(w, v))
			return w;
	}
}

static void
visit(Cse *c, Block *b)
{
	int mark = c->added.len;
	for (int i = 0; i < b->values.len; i++) {
		Value *v = b->values.v[i];
		// Phi args may come from back edges, not visited yet: the final sweep redirects
		// those; phis compare by their args as they stand now, which never joins two
		// phis that differ.
		for (int j = 0; j < v->nargs; j++)
			if (c->repl[v->args[j]->id])
				ssa_set_arg(v, j, rep(c, v->args[j]));
		if (!candidate(v))
			continue;
		Value *w = lookup_or_add(c, v);
		if (w)
			c->repl[v->id] = w;
	}
	for (int k = 0; k < b->domkids.len; k++)
		visit(c, b->domkids.v[k]);
	while (c->added.len > mark)
		c->slots[c->added.v[--c->added.len]] = NULL;
}

// cse replaces each pure value by an equal value that dominates it, then deletes it.
// Requires: VALID_RPO, VALID_DOM. Invalidates: nothing about the CFG.
void
cse(Func *f)
{
	if (!(f->valid & VALID_DOM))
		dom_compute(f);
	Cse c0 = {f}, *c = &c0;
	c->repl = NEWARR(f->arena, Value *, f->nvalues);
	uint32_t n = 16;
	while (n < 2u * (uint32_t)f->nvalues + 2)
		n *= 2;
	c->cap = n;
	c->slots = NEWARR(f->arena, Value *, n);
	visit(c, f->entry);

	bool any = false;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			any |= c->repl[v->id] != NULL;
			for (int j = 0; j < v->nargs; j++)
				if (c->repl[v->args[j]->id])
					ssa_set_arg(v, j, rep(c, v->args[j]));
		}
		if (b->control && c->repl[b->control->id])
			ssa_set_control(b, rep(c, b->control));
	}
	if (!any)
		return;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (!c->repl[v->id])
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
			if (!c->repl[b->values.v[i]->id])
				b->values.v[k++] = b->values.v[i];
		b->values.len = k;
	}
}
