// mem2reg.c: turns GETVAR/SETVAR variables into SSA values with phis, the construction
// of Cytron, Ferrante, Rosen, Wegman and Zadeck ("Efficiently Computing Static Single
// Assignment Form and the Control Dependence Graph", TOPLAS 1991), pruned by liveness.
//
// Algorithm, one variable at a time:
//   1. Phi placement. The blocks holding a SETVAR of x seed a worklist. For each block
//      taken from it, every block y of its dominance frontier gets a phi for x, once,
//      provided x is live on entry to y (pruned SSA: a phi nobody reads is never made);
//      y then defines x too and joins the worklist. The result is the iterated dominance
//      frontier of the assignments, restricted to where x is live.
//   2. Renaming. A depth-first walk of the dominator tree keeps one stack of current
//      definitions per variable. In each block: a phi for x pushes itself; a SETVAR of x
//      pushes its argument; a GETVAR of x is replaced by the top of x's stack. At the end
//      of the block, each successor's phi for x gets, in the argument slot of this
//      edge, the top of x's stack. Children in the dominator tree are walked next, and
//      the stacks are popped back on the way out.
//   3. An empty stack means a read before any write: Go zero-initialises locals, so it
//      reads a ZERO value of the variable's type placed at the start of the entry block.
// GETVAR replacements are recorded in a table indexed by value id and applied in one
// sweep at the end (following chains such as x = y), then every GETVAR and SETVAR is
// deleted, and ZERO values nobody uses are dropped again.
//
// Tracing (mem2reg_traced, for `gosub ssa -d dom` and the explorer page) records each
// variable's definition blocks and full iterated frontier, every placement considered
// (with the frontier it came from, and whether liveness pruned it) and the renaming walk
// with every variable's stack at each block's entry and end. Without a trace nothing is
// recorded and nothing is computed beyond the construction itself.
//
// Requires: VALID_RPO, VALID_DOM, VALID_DF. Keeps them (the CFG is unchanged).
// Leaves: no GETVAR or SETVAR; phis carry the variable's Obj in aux and its name.
// Shown by: `gosub ssa -pass mem2reg -annotate file.go`, `gosub ssa -d dom file.go`.
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

typedef VEC(Value *) DefStack;

typedef struct Renamer {
	Func *f;
	VarInfo *vi;
	Value **zero;       // zero[x]: ZERO value of variable x
	DefStack *stk;      // stk[x]: current definitions of x
	VEC(int) pushed;    // variables pushed, in order, so blocks can pop what they pushed
	int *phivar;        // phivar[value id]: variable index + 1 of a phi placed here
	Value **repl;       // repl[value id]: what a GETVAR is replaced by
	M2rTrace *t;        // NULL unless tracing
	int depth;          // depth in the dominator tree (tracing only)
} Renamer;

// m2r_var_label names variable x of t for dumps: its source name, with "@line" added
// when another variable of the function has the same name.
const char *
m2r_var_label(M2rTrace *t, int x)
{
	Obj *o = t->vi->vars[x];
	const char *name = o->name ? o->name->name : "?";
	for (int y = 0; y < t->vi->nvars; y++) {
		Obj *p = t->vi->vars[y];
		if (y != x && p->name == o->name)
			return arena_sprintf(perm, "%s@%d", name, o->pos.line);
	}
	return name;
}

// trace_line appends one walk line, indented by the walk depth.
static void
trace_line(Renamer *r, const char *text)
{
	int ind = 2 * r->depth;
	vec_push(perm, r->t->walk, arena_sprintf(perm, "%*s%s", ind, "", text));
}

// stacks_text: "s=[v3 v17] i=[]" for every variable, bottom of each stack first.
static const char *
stacks_text(Renamer *r)
{
	VEC(char) buf = {0};
	for (int x = 0; x < r->vi->nvars; x++) {
		const char *part = arena_sprintf(perm, "%s%s=[", x ? " " : "",
						 m2r_var_label(r->t, x));
		for (const char *c = part; *c; c++)
			vec_push(perm, buf, *c);
		for (int i = 0; i < r->stk[x].len; i++) {
			part = arena_sprintf(perm, "%sv%d", i ? " " : "", r->stk[x].v[i]->id);
			for (const char *c = part; *c; c++)
				vec_push(perm, buf, *c);
		}
		vec_push(perm, buf, ']');
	}
	vec_push(perm, buf, '\0');
	return buf.v;
}

static Value *
current(Renamer *r, int x)
{
	return r->stk[x].len ? r->stk[x].v[r->stk[x].len - 1] : r->zero[x];
}

static void
rename_block(Renamer *r, Block *b)
{
	Func *f = r->f;
	int mark = r->pushed.len;
	if (r->t)
		trace_line(r, arena_sprintf(perm, "enter b%d: %s", b->id, stacks_text(r)));
	for (int i = 0; i < b->values.len; i++) {
		Value *v = b->values.v[i];
		if (v->op == OP_PHI && v->id < f->nvalues && r->phivar[v->id]) {
			int x = r->phivar[v->id] - 1;
			vec_push(f->arena, r->stk[x], v);
			vec_push(f->arena, r->pushed, x);
			if (r->t)
				trace_line(r, arena_sprintf(perm, "  v%d = phi %s: push v%d", v->id,
							    m2r_var_label(r->t, x), v->id));
		} else if (v->op == OP_SETVAR) {
			int x = var_index(r->vi, v->aux);
			vec_push(f->arena, r->stk[x], v->args[0]);
			vec_push(f->arena, r->pushed, x);
			if (r->t)
				trace_line(r, arena_sprintf(perm, "  v%d = setvar %s v%d: push v%d",
							    v->id, m2r_var_label(r->t, x),
							    v->args[0]->id, v->args[0]->id));
		} else if (v->op == OP_GETVAR) {
			int x = var_index(r->vi, v->aux);
			r->repl[v->id] = current(r, x);
			if (r->t)
				trace_line(r, arena_sprintf(perm, "  v%d = getvar %s: becomes v%d%s",
							    v->id, m2r_var_label(r->t, x),
							    r->repl[v->id]->id,
							    r->stk[x].len ? "" : " (zero value: no write yet)"));
		}
	}
	for (int k = 0; k < b->nsuccs; k++) {
		Block *s = b->succs[k];
		if (k == 1 && s == b->succs[0])
			break; // both edges go to s: the slots were filled on the first visit
		for (int j = 0; j < s->preds.len; j++) {
			if (s->preds.v[j] != b)
				continue;
			for (int i = 0; i < s->values.len && s->values.v[i]->op == OP_PHI; i++) {
				Value *phi = s->values.v[i];
				if (!r->phivar[phi->id])
					continue;
				ssa_set_arg(phi, j, current(r, r->phivar[phi->id] - 1));
				if (r->t)
					trace_line(r, arena_sprintf(perm,
						"  phi v%d in b%d: argument from b%d is v%d", phi->id,
						s->id, b->id, phi->args[j]->id));
			}
		}
	}
	if (r->t)
		trace_line(r, arena_sprintf(perm, "end b%d: %s", b->id, stacks_text(r)));
	r->depth++;
	for (int k = 0; k < b->domkids.len; k++)
		rename_block(r, b->domkids.v[k]);
	r->depth--;
	while (r->pushed.len > mark)
		r->stk[r->pushed.v[--r->pushed.len]].len--;
}

// block_defines: b holds a SETVAR of o.
static bool
block_defines(Block *b, Obj *o)
{
	for (int i = 0; i < b->values.len; i++)
		if (b->values.v[i]->op == OP_SETVAR && b->values.v[i]->aux == o)
			return true;
	return false;
}

// pruned_seen: a pruned placement of variable x at y was already recorded.
static bool
pruned_seen(M2rTrace *t, int x, Block *y)
{
	for (int i = 0; i < t->places.len; i++)
		if (t->places.v[i].var == x && t->places.v[i].block == y && !t->places.v[i].phi)
			return true;
	return false;
}

// resolve follows GETVAR replacement chains (x = y; z = x) to the final value.
static Value *
resolve(Renamer *r, Value *v)
{
	while (v->op == OP_GETVAR && r->repl[v->id])
		v = r->repl[v->id];
	return v;
}

// trace_defs records, for each variable, its defining blocks and the full iterated
// dominance frontier of those blocks (the phis a non-pruned construction would place).
static void
trace_defs(Func *f, M2rTrace *t)
{
	int nv = t->vi->nvars, nb = f->nblocks;
	t->defs = NEWARR(perm, BlockList, nv);
	t->idf = NEWARR(perm, BlockList, nv);
	char *in = NEWARR(f->arena, char, nb);
	char *queued = NEWARR(f->arena, char, nb);
	Block **work = NEWARR(f->arena, Block *, nb);
	for (int x = 0; x < nv; x++) {
		memset(in, 0, (size_t)nb);
		memset(queued, 0, (size_t)nb);
		int nw = 0;
		for (int bi = 0; bi < f->rpo.len; bi++) {
			Block *b = f->rpo.v[bi];
			for (int i = 0; i < b->values.len; i++) {
				Value *v = b->values.v[i];
				if (v->op == OP_SETVAR && v->aux == t->vi->vars[x]) {
					vec_push(perm, t->defs[x], b);
					queued[b->id] = 1;
					work[nw++] = b;
					break;
				}
			}
		}
		while (nw > 0) {
			Block *b = work[--nw];
			for (int k = 0; k < b->frontier.len; k++) {
				Block *y = b->frontier.v[k];
				in[y->id] = 1;
				if (!queued[y->id]) {
					queued[y->id] = 1;
					work[nw++] = y;
				}
			}
		}
		for (int id = 0; id < nb; id++)
			for (int bi = 0; in[id] && bi < f->blocks.len; bi++)
				if (f->blocks.v[bi]->id == id)
					vec_push(perm, t->idf[x], f->blocks.v[bi]);
	}
}

// mem2reg replaces f's GETVAR/SETVAR variables by SSA values and phis (see above).
// Requires: VALID_RPO, VALID_DOM, VALID_DF. Invalidates: VALID_LIVE.
void
mem2reg(Func *f)
{
	mem2reg_traced(f, NULL);
}

// mem2reg_traced is mem2reg, recording into t (when not NULL) what it does.
// Requires: VALID_RPO, VALID_DOM, VALID_DF. Invalidates: VALID_LIVE.
void
mem2reg_traced(Func *f, M2rTrace *t)
{
	if (!(f->valid & VALID_DF))
		df_compute(f);
	VarInfo *vi = vars_collect(f);
	int nv = vi->nvars;
	if (t) {
		memset(t, 0, sizeof *t);
		t->vi = vi;
	}
	if (nv == 0)
		return;
	live_vars(f, vi);
	Renamer r0 = {f, vi}, *r = &r0;
	r->t = t;
	if (t)
		trace_defs(f, t);

	// Zero values first (after the entry block's params), so they dominate everything;
	// unused ones go at the end.
	r->zero = NEWARR(f->arena, Value *, nv);
	int at = 0;
	while (at < f->entry->values.len && (f->entry->values.v[at]->op == OP_PARAM ||
					     f->entry->values.v[at]->op == OP_FREEVAR))
		at++;
	for (int x = 0; x < nv; x++) {
		Obj *o = vi->vars[x];
		r->zero[x] = ssa_new_value_at(f->entry, at + x, OP_ZERO, o->type, o->pos);
	}

	// 1. Phi placement on the iterated dominance frontier, pruned by liveness.
	int nb = f->nblocks;
	int *hasphi = NEWARR(f->arena, int, nb);  // last variable + 1 given a phi in block
	int *inwork = NEWARR(f->arena, int, nb);  // last variable + 1 queued in block
	Block **work = NEWARR(f->arena, Block *, nb);
	VEC(Value *) phis = {0};
	for (int x = 0; x < nv; x++) {
		int nw = 0;
		for (int bi = 0; bi < f->rpo.len; bi++) {
			Block *b = f->rpo.v[bi];
			for (int i = 0; i < b->values.len; i++) {
				Value *v = b->values.v[i];
				if (v->op == OP_SETVAR && v->aux == vi->vars[x]) {
					inwork[b->id] = x + 1;
					work[nw++] = b;
					break;
				}
			}
		}
		while (nw > 0) {
			Block *b = work[--nw];
			for (int k = 0; k < b->frontier.len; k++) {
				Block *y = b->frontier.v[k];
				if (hasphi[y->id] == x + 1)
					continue;
				M2rPlace pl = {x, y, b, false, NULL};
				if (t)
					pl.fromphi = hasphi[b->id] == x + 1 &&
						     !block_defines(b, vi->vars[x]);
				if (!bitset_has(vi->livein[y->id], x)) {
					if (t && !pruned_seen(t, x, y))
						vec_push(perm, t->places, pl);
					continue;
				}
				hasphi[y->id] = x + 1;
				Obj *o = vi->vars[x];
				Value *phi = ssa_new_value(y, OP_PHI, o->type, y->pos);
				pl.phi = phi;
				if (t)
					vec_push(perm, t->places, pl);
				phi->aux = o;
				phi->name = o->name;
				for (int j = 0; j < y->preds.len; j++)
					ssa_add_arg(phi, r->zero[x]);
				vec_push(f->arena, phis, phi);
				if (inwork[y->id] != x + 1) {
					inwork[y->id] = x + 1;
					work[nw++] = y;
				}
			}
		}
	}
	r->phivar = NEWARR(f->arena, int, f->nvalues);
	for (int i = 0; i < phis.len; i++)
		r->phivar[phis.v[i]->id] = var_index(vi, phis.v[i]->aux) + 1;

	// 2. Renaming along the dominator tree.
	if (t)
		t->zero = r->zero;
	r->stk = NEWARR(f->arena, DefStack, nv);
	r->repl = NEWARR(f->arena, Value *, f->nvalues);
	rename_block(r, f->entry);

	// 3. Apply the replacements, then delete GETVAR and SETVAR.
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			for (int j = 0; j < v->nargs; j++)
				if (v->args[j]->op == OP_GETVAR)
					ssa_set_arg(v, j, resolve(r, v->args[j]));
		}
		if (b->control && b->control->op == OP_GETVAR)
			ssa_set_control(b, resolve(r, b->control));
	}
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *b = f->blocks.v[bi];
		int k = 0;
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (v->op == OP_GETVAR || v->op == OP_SETVAR) {
				if (v->uses != 0)
					fatal_at(v->pos, "mem2reg: %s v%d still used in %s",
						 op_name[v->op], v->id, f->name);
				for (int j = 0; j < v->nargs; j++)
					v->args[j]->uses--;
				v->nargs = 0;
				continue;
			}
			b->values.v[k++] = v;
		}
		b->values.len = k;
	}
	for (int x = 0; x < nv; x++)
		if (r->zero[x]->uses == 0)
			ssa_remove_value(r->zero[x]);
	f->valid &= ~(unsigned)VALID_LIVE;
}
