// sccp.c: sparse conditional constant propagation (Wegman and Zadeck, "Constant
// Propagation with Conditional Branches", TOPLAS 13(2), 1991).
//
// Each integer or boolean value has a lattice cell: TOP (no evidence yet), CONST c, or
// BOTTOM (not a constant, or not known to be one); every other value is BOTTOM. Each CFG
// edge is executable or not; at first only the entry block is. Two work lists drive the
// analysis: an edge that becomes executable makes its target's phis re-evaluated (and,
// the first time the target is reached, all its values and its branch); a cell that
// lowers makes its users re-evaluated where their block is executable. A phi meets the
// arguments of its executable incoming edges only, so a value defined on a path never
// taken does not spoil it; a branch on a CONST condition marks only the edge taken, on
// BOTTOM both. Cells only go down, so the analysis ends.
//
// What constfold (one fold at a time, in place) cannot see: a loop-carried variable that
// only ever gets the same constant (its phi meets c and c), and code behind branches that
// are constant only because of that. Arithmetic is constfold's (constfold_eval).
//
// Then the rewrite: every value of an executable block whose cell is CONST becomes a
// CONST in place (a phi too; phis stay first in their block), every `if` on a CONST
// condition becomes plain, and the blocks no executable edge reaches are deleted
// (cfg.c), with the phi arguments from them.
//
// Requires: nothing. Invalidates: VALID_DOM, VALID_DF, VALID_LIVE when a branch folds.
// Shown by: `gosub ssa -pass sccp file.go` (testdata/ssa/sccp.go).
#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

enum { L_TOP, L_CONST, L_BOTTOM };

typedef struct Cell {
	uint8_t k;  // L_TOP, L_CONST, L_BOTTOM
	int64_t c;  // L_CONST: the constant
} Cell;

typedef struct Edge {
	Block *from;
	int succ;
} Edge;

typedef struct Sccp {
	Func *f;
	Cell *cell;            // by value id
	bool *reached;         // by block id: some executable edge leads here
	bool *exec;            // by block id * 2 + succ index: the edge is executable
	VEC(Value *) *users;   // by value id: the values using it
	VEC(Block *) *branches; // by value id: the blocks it is the control of
	VEC(Edge) flow;        // edges newly executable
	VEC(Value *) ssa;      // values whose cell lowered
} Sccp;

static bool
int_type(Type *t)
{
	return t && (type_is_integer(t) || type_is_boolean(t));
}

static void
mark_edge(Sccp *s, Block *b, int succ)
{
	if (!s->exec[b->id * 2 + succ]) {
		Edge e = {b, succ};
		vec_push(s->f->arena, s->flow, e);
	}
}

// arg_executable: phi v's argument j comes in along an executable edge.
static bool
arg_executable(Sccp *s, Value *v, int j)
{
	Block *p = v->block->preds.v[j];
	for (int k = 0; k < p->nsuccs; k++)
		if (p->succs[k] == v->block && s->exec[p->id * 2 + k])
			return true;
	return false;
}

// eval computes v's cell from its arguments' cells.
static Cell
eval(Sccp *s, Value *v)
{
	Cell bottom = {L_BOTTOM, 0}, top = {L_TOP, 0};
	if (!int_type(v->type))
		return bottom;
	if (v->op == OP_CONST)
		return v->aux ? bottom : (Cell){L_CONST, v->auxint};
	if (v->op == OP_PHI) {
		Cell m = top;
		for (int j = 0; j < v->nargs; j++) {
			if (!arg_executable(s, v, j))
				continue;
			Cell a = s->cell[v->args[j]->id];
			if (a.k == L_BOTTOM || (a.k == L_CONST && m.k == L_CONST && a.c != m.c))
				return bottom;
			if (a.k == L_CONST)
				m = a;
		}
		return m;
	}
	if (v->op == OP_COPY)
		return s->cell[v->args[0]->id];
	if (!(op_flags[v->op] & OF_PURE) || v->nargs == 0 || v->nargs > 2)
		return bottom;
	int64_t a[2];
	for (int j = 0; j < v->nargs; j++) {
		Cell c = s->cell[v->args[j]->id];
		if (c.k == L_BOTTOM)
			return bottom;
		if (c.k == L_TOP)
			return top;
		a[j] = c.c;
	}
	int64_t r;
	return constfold_eval(v, a, &r) ? (Cell){L_CONST, r} : bottom;
}

static void
visit_value(Sccp *s, Value *v)
{
	Cell old = s->cell[v->id], now = eval(s, v);
	if (now.k < old.k) // cells only go down
		return;
	if (now.k == old.k) {
		if (now.k != L_CONST || now.c == old.c)
			return;
		now.k = L_BOTTOM; // two different constants meet
	}
	s->cell[v->id] = now;
	vec_push(s->f->arena, s->ssa, v);
}

static void
visit_branch(Sccp *s, Block *b)
{
	if (b->kind == BK_IF && b->control) {
		Cell c = s->cell[b->control->id];
		if (c.k == L_CONST) {
			mark_edge(s, b, c.c ? 0 : 1);
			return;
		}
		if (c.k == L_TOP)
			return;
	}
	for (int k = 0; k < b->nsuccs; k++)
		mark_edge(s, b, k);
}

// reach runs a block the first time an executable edge leads to it.
static void
reach(Sccp *s, Block *b)
{
	s->reached[b->id] = true;
	for (int i = 0; i < b->values.len; i++)
		visit_value(s, b->values.v[i]);
	visit_branch(s, b);
}

static void
solve(Sccp *s)
{
	Func *f = s->f;
	reach(s, f->entry);
	while (s->flow.len > 0 || s->ssa.len > 0) {
		if (s->flow.len > 0) {
			Edge e = s->flow.v[--s->flow.len];
			if (s->exec[e.from->id * 2 + e.succ])
				continue;
			s->exec[e.from->id * 2 + e.succ] = true;
			Block *t = e.from->succs[e.succ];
			if (!s->reached[t->id]) {
				reach(s, t);
				continue;
			}
			for (int i = 0; i < t->values.len && t->values.v[i]->op == OP_PHI; i++)
				visit_value(s, t->values.v[i]);
			continue;
		}
		Value *v = s->ssa.v[--s->ssa.len];
		for (int i = 0; i < s->users[v->id].len; i++) {
			Value *u = s->users[v->id].v[i];
			if (s->reached[u->block->id])
				visit_value(s, u);
		}
		for (int i = 0; i < s->branches[v->id].len; i++) {
			Block *b = s->branches[v->id].v[i];
			if (s->reached[b->id])
				visit_branch(s, b);
		}
	}
}

// rewrite turns CONST cells into CONST values and folds the decided branches; returns
// whether the CFG changed.
static bool
rewrite(Sccp *s)
{
	Func *f = s->f;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		if (!s->reached[b->id])
			continue;
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			Cell c = s->cell[v->id];
			if (c.k != L_CONST || v->op == OP_CONST)
				continue;
			for (int j = 0; j < v->nargs; j++)
				v->args[j]->uses--;
			v->nargs = 0;
			v->op = OP_CONST;
			v->auxint = c.c;
			v->aux = NULL;
		}
		// phis first: the phis that became constants move after the others
		int n = 0;
		Value **vs = b->values.v;
		for (int i = 0; i < b->values.len; i++)
			if (vs[i]->op == OP_PHI) {
				Value *p = vs[i];
				for (int k = i; k > n; k--)
					vs[k] = vs[k - 1];
				vs[n++] = p;
			}
	}
	bool cut = false;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		if (!s->reached[b->id] || b->kind != BK_IF || b->control->op != OP_CONST)
			continue;
		ssa_remove_edge(b, b->control->auxint ? 1 : 0);
		ssa_set_control(b, NULL);
		b->kind = BK_PLAIN;
		cut = true;
	}
	return cut;
}

// sccp propagates constants through f's values and branches and folds what it finds.
// Invalidates: the dominator analyses when a branch folds.
void
sccp(Func *f)
{
	if (!f->entry)
		return;
	Sccp s = {0};
	s.f = f;
	int nv = f->nvalues + 1, nb = f->nblocks + 1;
	s.cell = NEWARR(f->arena, Cell, nv);
	s.reached = NEWARR(f->arena, bool, nb);
	s.exec = NEWARR(f->arena, bool, 2 * nb);
	s.users = NEWARR(f->arena, __typeof__(*s.users), nv);
	s.branches = NEWARR(f->arena, __typeof__(*s.branches), nv);
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			for (int j = 0; j < v->nargs; j++)
				vec_push(f->arena, s.users[v->args[j]->id], v);
		}
		if (b->control)
			vec_push(f->arena, s.branches[b->control->id], b);
	}
	solve(&s);
	if (rewrite(&s)) {
		cfg_compute_rpo(f);
		phielim(f); // phis of blocks that lost a pred may now be trivial
	}
}
