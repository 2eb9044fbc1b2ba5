// verify.c: the SSA invariant checker, run after the builder and after every pass in
// checked runs (meson option ssacheck, on in every test run). It checks the invariants
// of STYLE.md 5.2, worded as there:
//   1. nsuccs and control match the block kind; each edge b->s appears in b->succs and
//      in s->preds with the same multiplicity;
//   2. phis appear only at the start of a block, and each has one argument per pred;
//   3. v->block is the block that holds v; IDs are unique and below the counters;
//   4. every argument dominates its use; phi argument i dominates the end of preds[i];
//   5. uses is exact;
//   6. the entry block has no preds; every block is reachable;
//   7. argument counts and types agree with ops.def;
//   8. after escape analysis, every allocation value is marked stack or heap.
// A failure is an internal compiler error naming the pass and the function.
//
// Requires: nothing (computes RPO and dominators when missing; they never change the
// CFG because every block must be reachable). Leaves: VALID_RPO, VALID_DOM.
// Shown by: every test run (ssacheck); GOSUB_ABORT=1 turns a failure into abort().
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

typedef struct Checker {
	Func *f;
	const char *pass;
} Checker;

#define FAIL(c, pos, ...)                                                                  \
	fatal_at((pos), "ssa check after pass %s: func %s: %s", (c)->pass, (c)->f->name,      \
		 arena_sprintf(perm, __VA_ARGS__))

static bool
is_bool(Type *t)
{
	return t && (t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL);
}

// no_result: ops that never produce a value.
static bool
no_result(Op op)
{
	return op == OP_SETVAR || op == OP_STORE || op == OP_NILCHECK || op == OP_BOUNDS ||
	       op == OP_PANIC;
}

static void
check_types(Checker *c, Value *v)
{
	Op op = v->op;
	if (no_result(op)) {
		if (v->type)
			FAIL(c, v->pos, "v%d (%s) has a type but produces no value", v->id,
			     op_name[op]);
		return;
	}
	if (!v->type && !(op_flags[op] & OF_CALL))
		FAIL(c, v->pos, "v%d (%s) has no type", v->id, op_name[op]);
	switch (op) {
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_MOD: case OP_AND:
	case OP_OR: case OP_XOR: case OP_ANDNOT:
		for (int i = 0; i < v->nargs; i++)
			if (!type_identical(v->args[i]->type, v->type))
				FAIL(c, v->pos, "v%d (%s): argument %d has type %s, want %s", v->id,
				     op_name[op], i, type_string(v->args[i]->type),
				     type_string(v->type));
		break;
	case OP_NEG: case OP_COM: case OP_SHL: case OP_SHR:
		if (!type_identical(v->args[0]->type, v->type))
			FAIL(c, v->pos, "v%d (%s): operand has type %s, want %s", v->id, op_name[op],
			     type_string(v->args[0]->type), type_string(v->type));
		break;
	case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
		if (!is_bool(v->type))
			FAIL(c, v->pos, "v%d (%s) has type %s, want bool", v->id, op_name[op],
			     type_string(v->type));
		if (!type_identical(v->args[0]->type, v->args[1]->type))
			FAIL(c, v->pos, "v%d (%s) compares %s with %s", v->id, op_name[op],
			     type_string(v->args[0]->type), type_string(v->args[1]->type));
		break;
	case OP_NOT:
		if (!is_bool(v->type) || !is_bool(v->args[0]->type))
			FAIL(c, v->pos, "v%d (not) is not bool", v->id);
		break;
	case OP_PHI: case OP_COPY:
		for (int i = 0; i < v->nargs; i++)
			if (!type_identical(v->args[i]->type, v->type))
				FAIL(c, v->pos, "v%d (%s): argument %d has type %s, want %s", v->id,
				     op_name[op], i, type_string(v->args[i]->type),
				     type_string(v->type));
		break;
	case OP_GETVAR: case OP_GLOBAL: case OP_FUNCADDR: case OP_CALL: case OP_CALLRT:
	case OP_MAKECLOSURE:
		if (!v->aux)
			FAIL(c, v->pos, "v%d (%s) has no aux", v->id, op_name[op]);
		break;
	case OP_ALLOC:
		if (!v->type || v->type->kind != TY_POINTER)
			FAIL(c, v->pos, "v%d (alloc) does not have a pointer type", v->id);
		break;
	default:
		break;
	}
	if (op == OP_SETVAR && !v->aux)
		FAIL(c, v->pos, "v%d (setvar) has no variable", v->id);
}

// verify_func_escaped checks every invariant of f (see the top of this file); escaped
// adds invariant 8.
void
verify_func_escaped(Func *f, const char *pass, bool escaped)
{
	Checker c0 = {f, pass ? pass : "?"}, *c = &c0;
	Pos fpos = f->pos;
	if (!f->entry)
		FAIL(c, fpos, "no entry block");
	if (f->entry->preds.len != 0)
		FAIL(c, fpos, "entry block b%d has preds", f->entry->id);

	// 3: block and value ownership, unique ids.
	int nb = f->nblocks, nv = f->nvalues;
	Block **blockof = NEWARR(f->arena, Block *, nb);
	int *index = NEWARR(f->arena, int, nv); // position of each value in its block
	Value **byid = NEWARR(f->arena, Value *, nv);
	int32_t *uses = NEWARR(f->arena, int32_t, nv);
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		if (b->id <= 0 || b->id >= nb || blockof[b->id])
			FAIL(c, b->pos, "block id b%d duplicated or out of range", b->id);
		if (b->func != f)
			FAIL(c, b->pos, "b%d belongs to another function", b->id);
		blockof[b->id] = b;
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (v->id <= 0 || v->id >= nv || byid[v->id])
				FAIL(c, v->pos, "value id v%d duplicated or out of range", v->id);
			if (v->block != b)
				FAIL(c, v->pos, "v%d is held by b%d but says b%d", v->id, b->id,
				     v->block ? v->block->id : 0);
			byid[v->id] = v;
			index[v->id] = i;
		}
	}
	if (!blockof[f->entry->id])
		FAIL(c, fpos, "entry block b%d is not in the block list", f->entry->id);

	// 1, 2, 7 and use counts.
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		int want = b->kind == BK_PLAIN ? 1 : b->kind == BK_IF ? 2 : 0;
		if (b->nsuccs != want)
			FAIL(c, b->pos, "b%d has %d successors, its kind wants %d", b->id, b->nsuccs,
			     want);
		if ((b->kind == BK_PLAIN || b->kind == BK_EXIT) && b->control)
			FAIL(c, b->pos, "b%d has a control value but its kind takes none", b->id);
		if (b->kind == BK_IF && (!b->control || !is_bool(b->control->type)))
			FAIL(c, b->pos, "b%d: the control of an if block must be a bool value", b->id);
		if (b->kind == BK_EXIT &&
		    (b->values.len == 0 ||
		     !(op_flags[b->values.v[b->values.len - 1]->op] & OF_NORETURN)))
			FAIL(c, b->pos, "b%d: an exit block must end in a call that does not return",
			     b->id);
		if (b->control) {
			if (b->control->id <= 0 || b->control->id >= nv ||
			    byid[b->control->id] != b->control)
				FAIL(c, b->pos, "b%d: control v%d is not in the function", b->id,
				     b->control->id);
			uses[b->control->id]++;
		}
		for (int k = 0; k < b->nsuccs; k++) {
			Block *s = b->succs[k];
			if (!s || s->id <= 0 || s->id >= nb || blockof[s->id] != s)
				FAIL(c, b->pos, "b%d: successor %d is not in the function", b->id, k);
			int m1 = 0, m2 = 0;
			for (int j = 0; j < b->nsuccs; j++)
				m1 += b->succs[j] == s;
			for (int j = 0; j < s->preds.len; j++)
				m2 += s->preds.v[j] == b;
			if (m1 != m2)
				FAIL(c, b->pos, "edge b%d -> b%d appears %d times in succs, %d in preds",
				     b->id, s->id, m1, m2);
		}
		for (int j = 0; j < b->preds.len; j++) {
			Block *p = b->preds.v[j];
			if (!p || p->id <= 0 || p->id >= nb || blockof[p->id] != p)
				FAIL(c, b->pos, "b%d: pred %d is not in the function", b->id, j);
			bool found = false;
			for (int k = 0; k < p->nsuccs; k++)
				found |= p->succs[k] == b;
			if (!found)
				FAIL(c, b->pos, "b%d lists pred b%d, which has no edge to it", b->id,
				     p->id);
		}
		bool body = false;
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if ((int)v->op < 0 || (int)v->op >= OP_COUNT)
				FAIL(c, v->pos, "v%d has a bad op %d", v->id, (int)v->op);
			if (v->op == OP_PHI) {
				if (body)
					FAIL(c, v->pos, "phi v%d is not at the start of b%d", v->id, b->id);
				if (v->nargs != b->preds.len)
					FAIL(c, v->pos, "phi v%d has %d arguments for %d preds", v->id,
					     v->nargs, b->preds.len);
			} else {
				body = true;
				if (op_nargs[v->op] >= 0 && v->nargs != op_nargs[v->op])
					FAIL(c, v->pos, "v%d (%s) has %d arguments, want %d", v->id,
					     op_name[v->op], v->nargs, op_nargs[v->op]);
			}
			if ((op_flags[v->op] & OF_NORETURN) &&
			    (b->kind != BK_EXIT || i != b->values.len - 1))
				FAIL(c, v->pos, "v%d (%s) does not return but does not end an exit block",
				     v->id, op_name[v->op]);
			for (int j = 0; j < v->nargs; j++) {
				Value *a = v->args[j];
				if (!a || a->id <= 0 || a->id >= nv || byid[a->id] != a)
					FAIL(c, v->pos, "v%d: argument %d is not in the function", v->id,
					     j);
				uses[a->id]++;
			}
			check_types(c, v);
		}
	}

	// 5
	for (int id = 1; id < nv; id++)
		if (byid[id] && byid[id]->uses != uses[id])
			FAIL(c, byid[id]->pos, "v%d (%s) records %d uses, has %d", id,
			     op_name[byid[id]->op], byid[id]->uses, uses[id]);

	// 6: reachability, without editing the CFG.
	char *seen = NEWARR(f->arena, char, nb);
	Block **stack = NEWARR(f->arena, Block *, nb);
	int sp = 0;
	stack[sp++] = f->entry;
	seen[f->entry->id] = 1;
	while (sp > 0) {
		Block *b = stack[--sp];
		for (int k = 0; k < b->nsuccs; k++)
			if (!seen[b->succs[k]->id]) {
				seen[b->succs[k]->id] = 1;
				stack[sp++] = b->succs[k];
			}
	}
	for (int bi = 0; bi < f->blocks.len; bi++)
		if (!seen[f->blocks.v[bi]->id])
			FAIL(c, f->blocks.v[bi]->pos, "b%d is unreachable", f->blocks.v[bi]->id);

	// 4: dominance.
	if (!(f->valid & VALID_DOM))
		dom_compute(f);
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			for (int j = 0; j < v->nargs; j++) {
				Value *a = v->args[j];
				if (v->op == OP_PHI) {
					if (!dom_dominates(a->block, b->preds.v[j]))
						FAIL(c, v->pos,
						     "phi v%d: argument v%d does not dominate the end "
						     "of pred b%d",
						     v->id, a->id, b->preds.v[j]->id);
				} else if (a->block == b) {
					if (index[a->id] >= i)
						FAIL(c, v->pos, "v%d uses v%d before its definition",
						     v->id, a->id);
				} else if (!dom_dominates(a->block, b)) {
					FAIL(c, v->pos, "v%d: argument v%d (b%d) does not dominate its use",
					     v->id, a->id, a->block->id);
				}
			}
		}
		if (b->control && b->control->block != b &&
		    !dom_dominates(b->control->block, b))
			FAIL(c, b->pos, "b%d: control v%d does not dominate the block", b->id,
			     b->control->id);
	}

	// 8
	if (escaped)
		for (int id = 1; id < nv; id++)
			if (byid[id] && (op_flags[byid[id]->op] & OF_ALLOC) &&
			    byid[id]->esc == ESC_UNKNOWN)
				FAIL(c, byid[id]->pos, "allocation v%d (%s) has no escape mark", id,
				     op_name[byid[id]->op]);
}

// verify_func checks invariants 1-7 of STYLE.md 5.2 on f; a broken invariant is an
// internal compiler error naming pass and function.
void
verify_func(Func *f, const char *pass)
{
	verify_func_escaped(f, pass, false);
}
