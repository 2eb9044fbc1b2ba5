// constfold.c: folds integer and boolean operations whose operands are constants, and
// turns `if` blocks on a constant condition into plain blocks.
//
// Arithmetic follows Go: results wrap to the width of the type (sign- or zero-extended
// back to 64 bits as CONST values store them); x / -1 and x % -1 never trap; division by
// a constant zero and shifts by a negative constant are left alone (they panic at run
// time). A folded value becomes a CONST in place, keeping its id and position. An if
// block with a constant control drops the edge not taken (and that edge's phi
// arguments) and becomes plain; blocks left unreachable are deleted (cfg.c) and phis
// made trivial by the lost edges are removed (phielim.c).
//
// Requires: nothing. Invalidates: VALID_DOM, VALID_DF, VALID_LIVE when a branch folds.
// Shown by: `gosub ssa -pass constfold file.go`.
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static bool
foldable_type(Type *t)
{
	return t && (type_is_integer(t) || type_is_boolean(t));
}

// wrap truncates x to t's width and extends it back per t's signedness.
static int64_t
wrap(Type *t, uint64_t x)
{
	if (type_is_boolean(t))
		return x != 0;
	int64_t size = type_size(t);
	if (size <= 0 || size >= 8)
		return (int64_t)x;
	int bits = (int)size * 8;
	uint64_t mask = ((uint64_t)1 << bits) - 1;
	x &= mask;
	if (!type_is_unsigned(t) && (x >> (bits - 1)) & 1)
		x |= ~mask;
	return (int64_t)x;
}

static bool
is_const(Value *v)
{
	return v->op == OP_CONST && !v->aux && foldable_type(v->type);
}

// constfold_eval computes what v yields when its arguments are the constants a[0..nargs)
// into *out; false when v's operation does not fold (not an integer/boolean operation,
// or one that traps). sccp.c evaluates with its lattice's constants.
bool
constfold_eval(Value *v, const int64_t *a, int64_t *out)
{
	if (!foldable_type(v->type) || v->nargs == 0 || v->nargs > 2)
		return false;
	for (int j = 0; j < v->nargs; j++)
		if (!foldable_type(v->args[j]->type))
			return false;
	Type *at = v->args[0]->type;
	bool uns = type_is_unsigned(at);
	int64_t x = a[0], y = v->nargs > 1 ? a[1] : 0;
	uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
	uint64_t r;
	switch (v->op) {
	case OP_ADD: r = ux + uy; break;
	case OP_SUB: r = ux - uy; break;
	case OP_MUL: r = ux * uy; break;
	case OP_AND: r = ux & uy; break;
	case OP_OR: r = ux | uy; break;
	case OP_XOR: r = ux ^ uy; break;
	case OP_ANDNOT: r = ux & ~uy; break;
	case OP_NEG: r = 0 - ux; break;
	case OP_COM: r = ~ux; break;
	case OP_NOT: r = !x; break;
	case OP_DIV:
	case OP_MOD:
		if (y == 0)
			return false;
		if (uns)
			r = v->op == OP_DIV ? ux / uy : ux % uy;
		else if (y == -1)
			r = v->op == OP_DIV ? 0 - ux : 0;
		else
			r = (uint64_t)(v->op == OP_DIV ? x / y : x % y);
		break;
	case OP_SHL:
	case OP_SHR: {
		if (!type_is_unsigned(v->args[1]->type) && y < 0)
			return false;
		int64_t bits = type_size(v->type) * 8;
		if (uy >= (uint64_t)bits) {
			r = v->op == OP_SHR && !type_is_unsigned(v->type) && x < 0 ? ~(uint64_t)0 : 0;
		} else if (v->op == OP_SHL) {
			r = ux << uy;
		} else if (type_is_unsigned(v->type)) {
			r = ux >> uy;
		} else {
			r = (uint64_t)(x >> uy);
		}
		break;
	}
	case OP_EQ: r = x == y; break;
	case OP_NE: r = x != y; break;
	case OP_LT: r = uns ? ux < uy : x < y; break;
	case OP_LE: r = uns ? ux <= uy : x <= y; break;
	case OP_GT: r = uns ? ux > uy : x > y; break;
	case OP_GE: r = uns ? ux >= uy : x >= y; break;
	default: return false;
	}
	*out = wrap(v->type, r);
	return true;
}

// fold computes the folded constant of v into *out; false when v does not fold.
static bool
fold(Value *v, int64_t *out)
{
	int64_t a[2];
	if (v->nargs > 2)
		return false;
	for (int j = 0; j < v->nargs; j++) {
		if (!is_const(v->args[j]))
			return false;
		a[j] = v->args[j]->auxint;
	}
	return constfold_eval(v, a, out);
}

// constfold folds constant integer/boolean operations and constant branches of f.
// Invalidates: the dominator analyses when a branch folds.
void
constfold(Func *f)
{
	bool changed = true;
	while (changed) {
		changed = false;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *b = f->blocks.v[bi];
			for (int i = 0; i < b->values.len; i++) {
				Value *v = b->values.v[i];
				int64_t c;
				if (v->op == OP_CONST || !fold(v, &c))
					continue;
				for (int j = 0; j < v->nargs; j++)
					v->args[j]->uses--;
				v->nargs = 0;
				v->op = OP_CONST;
				v->auxint = c;
				v->aux = NULL;
				changed = true;
			}
		}
	}
	bool cut = false;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		if (b->kind != BK_IF || !is_const(b->control))
			continue;
		int drop = b->control->auxint ? 1 : 0;
		ssa_remove_edge(b, drop);
		ssa_set_control(b, NULL);
		b->kind = BK_PLAIN;
		cut = true;
	}
	if (cut) {
		cfg_compute_rpo(f);
		phielim(f); // phis of blocks that lost a pred may now be trivial
	}
}
