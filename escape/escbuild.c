// escbuild.c: SSA values -> locations and edges, for one function of a batch.
//
// Phase 1 creates the locations in gc's order, which is the order of the -m lines: first
// (esc_build_locs, every function of the batch in turn) one per parameter and result and
// one per local variable (every Obj read or written by GETVAR/SETVAR or moved to memory
// by an ALLOC_VAR); then (esc_build_allocs, from each top-level function) one per
// allocating value and result holders for calls, in value id order, a func literal's own
// allocations right after the literal's closure (gc walks its body there). A variable's
// loop depth is the smallest Block.loopdepth among its SETVARs and ALLOC_VAR (its
// declaration: the builder emits a SETVAR where a variable is declared); parameters have
// depth 0.
//
// Phase 2 (esc_build_edges) walks the values in block order. Each value has a Ref, the
// set of (location, derefs) its value is made of, computed on demand and memoised:
//   ALLOC, MAKESLICE, boxing MAKEIFACE, MAKECLOSURE, string conversions: (alloc, -1)
//   ALLOC_VAR: (variable, -1); GETVAR, PARAM: (variable, 0); FREEVAR: (outer var, 0 or -1)
//   LOAD p: Ref(p) with one more deref; FIELDADDR/INDEXADDR/slicing: Ref(p) unchanged
//   CALL: the call's result holders; constants, globals, scalars: empty.
// and the values with effects add edges:
//   SETVAR x = v:       x <- Ref(v)
//   STORE *p = v:       alloc <- Ref(v) when p is exactly the address of a known location
//                       (a variable or allocation, through field/index addressing), else
//                       heap <- Ref(v): a store through an unknown pointer, as gc does
//   return:             result i <- Ref(value i)
//   CALL f(args):       in the same batch: param i of f <- Ref(arg i), holder j <- result j;
//                       earlier batch or std: heap <- Ref(arg)+leaks.heap,
//                       holder j <- Ref(arg)+leaks.result[j]; unknown: heap <- Ref(arg)
//   CALLCLOSURE:        heap <- Ref(arg) (and the func value when results are used)
//   CALLIFACE:          heap <- Ref(receiver), Ref(arg): the callee is unknown
//   ASSERT x.(T):       Ref(x), one more deref when T is concrete and boxed (gc's dotType)
//   MAPASSIGN m[k] = v: heap <- Ref(k), Ref(v); map reads and range keys carry nothing,
//                       range values Ref(m) with one more deref
//   DEFER f:            heap <- Ref(f) inside a loop; at the top level nothing (gc's
//                       "later" discard hole)
//   append, copy, panic: gc's rules (appendee contents and appended values to the heap).
// A value whose type has no pointers carries nothing (gc's blank hole).
//
// Also gc's special cases: self-assignments (b.buf = b.buf[1:], p.x = p.y) add no flow
// and are reported; a func value that always holds one function (a FUNCADDR or a
// MAKECLOSURE, through variables assigned once) is called statically; blocks reachable
// only through a branch on a constant condition are ignored (gc deletes `if false { ... }`
// first);
// uintptr -> unsafe.Pointer conversions trace the pointer through integer arithmetic.
//
// Source: gc's escape analysis (cmd/compile/internal/escape: expr.go, call.go,
// assign.go, stmt.go), restated for SSA. Requires: GETVAR/SETVAR form.
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

// ---- helpers ----

static Obj *
val_obj(Value *v)
{
	return (Obj *)v->aux;
}

// type_carries: whether values of type t can hold pointers (gc's HasPointers; untyped
// NULL types, tuples and unknown kinds count as carrying).
static bool
type_carries(Type *t)
{
	if (!t)
		return false;
	if (t->kind == TY_TUPLE) {
		for (int i = 0; i < t->fields.len; i++)
			if (type_carries(t->fields.v[i].type))
				return true;
		return false;
	}
	if (t->kind == TY_INVALID)
		return true;
	return type_has_pointers(t);
}

// is_direct_iface: values of type t are stored in an interface word directly, without a
// box (pointers, maps, chans, funcs, unsafe.Pointer, and single-element wrappers).
static bool
is_direct_iface(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_POINTER:
	case TY_UNSAFEPTR:
	case TY_MAP:
	case TY_CHAN:
	case TY_FUNC:
		return true;
	case TY_ARRAY:
		return u->len == 1 && is_direct_iface(u->elem);
	case TY_STRUCT:
		return u->fields.len == 1 && is_direct_iface(u->fields.v[0].type);
	default:
		return false;
	}
}

static bool
is_small_int_const(Value *v, int64_t *out)
{
	if (!v || v->op != OP_CONST || !v->type || !type_is_integer(v->type))
		return false;
	if (v->auxint < -2147483648LL || v->auxint > 2147483647LL)
		return false;
	*out = v->auxint;
	return true;
}

static int64_t
elem_size(Type *ptr)
{
	Type *u = ptr ? type_under(ptr) : NULL;
	if (!u || !u->elem)
		return 0;
	return type_size(u->elem);
}

// has_restemps: calls whose results get holder locations.
static bool
has_restemps(Value *v)
{
	return v->op == OP_CALL || v->op == OP_CALLCLOSURE || v->op == OP_CALLIFACE;
}

// assert_shift: x.(T) reads the boxed value when T is concrete and not pointer-shaped
// (gc's dotType hole: one dereference), else it copies the interface's data word.
static int
assert_shift(Type *t)
{
	if (t && t->kind == TY_TUPLE && t->fields.len > 0)
		t = t->fields.v[0].type;
	return t && !type_is_interface(t) && !is_direct_iface(t) ? 1 : 0;
}

// alloc_reported: allocations gc creates a location with a node for (and so reports).
static bool
makes_alloc_loc(Value *v)
{
	if (!(op_flags[v->op] & OF_ALLOC))
		return false;
	switch (v->op) {
	case OP_ALLOC:
		return v->auxint != ALLOC_VAR;
	case OP_APPEND:
	case OP_APPENDSLICE:
		return false; // growslice always allocates on the heap; nothing to track
	case OP_MAKEIFACE:
		return v->nargs == 1 && v->args[0]->type && !type_is_interface(v->args[0]->type) &&
		       !is_direct_iface(v->args[0]->type);
	case OP_CONCAT:
		// s += t: gc analyses it as an assignment, with no location of its own
		return !v->origin || v->origin->kind != N_ASSIGN;
	default:
		return true;
	}
}

// heap_reason: why allocation v can never be on the stack (gc's HeapAllocReason), or NULL.
static const char *
heap_reason(Value *v)
{
	switch (v->op) {
	case OP_ALLOC:
		if (v->auxint == ALLOC_NEW || v->auxint == ALLOC_COMPOSITE) {
			if (elem_size(v->type) > ESC_MAX_IMPLICIT_STACK)
				return "too large for stack";
		} else if (elem_size(v->type) > ESC_MAX_STACK_VAR) {
			return "too large for stack";
		}
		return NULL;
	case OP_METHODVALUE:
		// gc: a method value's closure larger than the implicit stack limit
		if (v->nargs > 0 && v->args[0]->type &&
		    8 + type_size(v->args[0]->type) > ESC_MAX_IMPLICIT_STACK)
			return "too large for stack";
		return NULL;
	case OP_MAKESLICE: {
		int64_t n;
		Value *r = v->nargs > 1 ? v->args[1] : v->args[0];
		if (!is_small_int_const(r, &n))
			return "non-constant size";
		Type *st = v->type ? type_under(v->type) : NULL;
		int64_t es = st && st->elem ? type_size(st->elem) : 0;
		if (es != 0 && n > ESC_MAX_IMPLICIT_STACK / es)
			return "too large for stack";
		return NULL;
	}
	default:
		return NULL;
	}
}

// ---- phase 1: locations ----

static int multi_def; // marks variables assigned more than once (EscFn.defs)

static EscLoc *
var_loc(EscBatch *b, EscFn *e, Obj *o, int depth)
{
	EscLoc *l = esc_obj_loc(b, o);
	if (l) {
		if (l->kind == ELOC_VAR && l->fn == e && depth < l->loopdepth)
			l->loopdepth = depth;
		return l;
	}
	l = esc_new_loc(b, ELOC_VAR, e, depth);
	l->obj = o;
	ptrmap_put(b->arena, &b->objloc, o, l);
	if (o->type && type_size(o->type) > ESC_MAX_STACK_VAR)
		l->heapwhy = "too large for stack";
	return l;
}

static void
add_param(EscBatch *b, EscFn *e, Obj *o)
{
	EscLoc *l = NULL;
	if (o) {
		l = esc_new_loc(b, ELOC_PARAM, e, 0);
		l->obj = o;
		ptrmap_put(b->arena, &b->objloc, o, l);
	}
	vec_push(b->arena, e->params, l);
}

// esc_live_blocks: the blocks of f (by id) reachable from the entry when branches on
// constant conditions only go one way. gc removes `if false { ... }` before escape
// analysis, so what is only reachable through such a branch takes no part in it.
bool *
esc_live_blocks(Arena *a, Func *f)
{
	bool *live = NEWARR(a, bool, f->nblocks + 1);
	VEC(Block *) work = {0};
	if (!f->entry)
		return live;
	live[f->entry->id] = true;
	vec_push(a, work, f->entry);
	while (work.len > 0) {
		Block *blk = work.v[--work.len];
		for (int i = 0; i < blk->nsuccs; i++) {
			Value *c = blk->control;
			if (blk->kind == BK_IF && c && c->op == OP_CONST && blk->nsuccs == 2 &&
			    (i == 0) != (c->auxint != 0))
				continue;
			Block *s = blk->succs[i];
			if (s && s->id <= f->nblocks && !live[s->id]) {
				live[s->id] = true;
				vec_push(a, work, s);
			}
		}
	}
	return live;
}

static void
new_alloc_loc(EscBatch *b, EscFn *e, Value *v, Block *blk)
{
	EscLoc *l = esc_new_loc(b, ELOC_ALLOC, e, blk->loopdepth);
	l->val = v;
	l->heapwhy = heap_reason(v);
	e->alloc[v->id] = l;
}

// esc_build_locs: phase 1, parameters, results and variables (see the file comment).
// Functions of a batch must have their locations built before any edges, since literals
// refer to their parents' variables.
void
esc_build_locs(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
	e->live = esc_live_blocks(b->arena, f);
	e->refs = NEWARR(b->arena, Ref, f->nvalues + 1);
	e->alloc = NEWARR(b->arena, EscLoc *, f->nvalues + 1);
	e->restemps = NEWARR(b->arena, EscLoc **, f->nvalues + 1);
	e->nrestemps = NEWARR(b->arena, int, f->nvalues + 1);

	FuncInfo *fi = e->info;
	if (fi) {
		if (fi->recv)
			add_param(b, e, fi->recv);
		for (int i = 0; i < fi->params.len; i++)
			add_param(b, e, fi->params.v[i]);
		for (int i = 0; i < fi->results.len; i++) {
			Obj *o = fi->results.v[i];
			EscLoc *l = esc_new_loc(b, ELOC_RESULT, e, 0);
			l->obj = o;
			l->resultidx = i;
			if (o)
				ptrmap_put(b->arena, &b->objloc, o, l);
			vec_push(b->arena, e->results, l);
		}
	}

	// Variables first (declaration depth = min over their SETVARs), so that their
	// locations exist before any allocation location is numbered after them.
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *blk = f->blocks.v[bi];
		if (!e->live[blk->id])
			continue;
		for (int i = 0; i < blk->values.len; i++) {
			Value *v = blk->values.v[i];
			if ((v->op == OP_SETVAR || v->op == OP_GETVAR ||
			     (v->op == OP_ALLOC && v->auxint == ALLOC_VAR)) &&
			    val_obj(v)) {
				int d = v->op == OP_GETVAR ? 1 << 20 : blk->loopdepth;
				var_loc(b, e, val_obj(v), d);
				if (v->op == OP_SETVAR) {
					void *old = ptrmap_get(&e->defs, val_obj(v));
					ptrmap_put(b->arena, &e->defs, val_obj(v),
						   old ? (void *)&multi_def : (void *)v);
				} else if (v->op == OP_ALLOC) {
					ptrmap_put(b->arena, &e->defs, val_obj(v), &multi_def);
				}
			}
		}
	}
	// Variables only ever read get the depth of their first read.
	for (int i = 0; i < b->locs.len; i++) {
		EscLoc *l = b->locs.v[i];
		if (l->fn == e && l->loopdepth == 1 << 20)
			l->loopdepth = 0;
	}
}

// encloses: allocation w's expression has allocation v's among its operands, or is the
// implicit conversion of v's result to an interface (same expression).
static bool
encloses(Value *w, Value *v)
{
	if (!w->origin || !v->origin)
		return false;
	if (w->origin == v->origin)
		return w->op == OP_MAKEIFACE && v->op != OP_MAKEIFACE;
	return ast_expr_contains(w->origin, v->origin);
}

// live_values_by_id: the values of e's live blocks indexed by id (NULL elsewhere); ids
// follow the builder's walk of the statements, gc's order.
static Value **
live_values_by_id(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
	Value **byid = NEWARR(b->arena, Value *, f->nvalues + 1);
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *blk = f->blocks.v[bi];
		if (!e->live[blk->id])
			continue;
		for (int i = 0; i < blk->values.len; i++)
			byid[blk->values.v[i]->id] = blk->values.v[i];
	}
	return byid;
}

// enclosing_first numbers, before allocation v = byid[id], the allocations of the same
// expression that enclose it. gc numbers allocations in pre-order (an expression before
// its operands: the box of I(f(x)) before f's result, a call's "... argument" slice
// before the conversions of its elements); the builder numbers values in evaluation
// order, the enclosing ones later (and innermost first).
static void
enclosing_first(EscBatch *b, EscFn *e, Value **byid, int nids, int id)
{
	enum { WINDOW = 256 }; // values of one statement: enclosing expressions are near
	Value *v = byid[id];
	Value *outer[64];
	int n = 0;
	for (int k = id + 1; k <= nids && k <= id + WINDOW && n < 64; k++) {
		Value *w = byid[k];
		if (w && makes_alloc_loc(w) && !e->alloc[w->id] && encloses(w, v))
			outer[n++] = w;
	}
	while (n > 0) {
		Value *w = outer[--n];
		if (!e->alloc[w->id])
			new_alloc_loc(b, e, w, w->block);
	}
}

// esc_build_allocs: phase 1, allocations and call result holders of e, and those of the
// func literals e makes, each right after its closure (see the file comment). Values
// are taken in id order, the order in which the builder walked the statements (gc's):
// block order would put the code after a loop before the blocks nested in its body.
void
esc_build_allocs(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
	if (e->allocs_done)
		return;
	e->allocs_done = true;
	Value **byid = live_values_by_id(b, e);
	for (int id = 0; id <= f->nvalues; id++) {
		Value *v = byid[id];
		if (!v)
			continue;
		Block *blk = v->block;
		if (makes_alloc_loc(v)) {
			if (!e->alloc[v->id])
				enclosing_first(b, e, byid, f->nvalues, id);
			if (!e->alloc[v->id])
				new_alloc_loc(b, e, v, blk);
			if (v->op == OP_MAKECLOSURE) {
				EscFn *ce = ptrmap_get(&b->fninfo, v->aux);
				if (ce)
					esc_build_allocs(b, ce);
			}
		} else if (v->op == OP_ALLOC && v->auxint == ALLOC_VAR && val_obj(v)) {
			EscLoc *l = esc_obj_loc(b, val_obj(v));
			e->alloc[v->id] = l;
			if (l && !l->heapwhy && l->kind == ELOC_VAR &&
			    elem_size(v->type) > ESC_MAX_STACK_VAR)
				l->heapwhy = "too large for stack";
		}
		if (has_restemps(v)) {
			int n = 0;
			if (v->type && v->type->kind == TY_TUPLE)
				n = v->type->fields.len;
			else if (v->type)
				n = 1;
			e->nrestemps[v->id] = n;
			e->restemps[v->id] = NEWARR(b->arena, EscLoc *, n + 1);
			for (int j = 0; j < n; j++) {
				EscLoc *t = esc_new_loc(b, ELOC_TEMP, e, blk->loopdepth);
				t->val = v;
				e->restemps[v->id][j] = t;
			}
		}
	}
}

// ---- Refs ----

static Ref empty_ref;

static void
ref_add(EscBatch *b, Ref *r, EscLoc *loc, int derefs, int *cap)
{
	if (!loc)
		return;
	for (int i = 0; i < r->n; i++) {
		if (r->v[i].loc == loc) {
			if (derefs < r->v[i].derefs)
				r->v[i].derefs = derefs;
			return;
		}
	}
	if (r->n == *cap) {
		int ncap = *cap ? 2 * *cap : 4;
		RefItem *nv = NEWARR(b->arena, RefItem, ncap);
		if (r->n)
			memcpy(nv, r->v, sizeof(RefItem) * (size_t)r->n);
		r->v = nv;
		*cap = ncap;
	}
	r->v[r->n].loc = loc;
	r->v[r->n].derefs = derefs;
	r->n++;
}

static Ref *get_ref(EscBatch *b, EscFn *e, Value *v);

static void
ref_union(EscBatch *b, Ref *r, Ref *from, int shift, int *cap)
{
	for (int i = 0; i < from->n; i++)
		ref_add(b, r, from->v[i].loc, from->v[i].derefs + shift, cap);
}

// unsafe_ref: the pointers a uintptr value v was computed from, for a conversion
// uintptr -> unsafe.Pointer (gc's unsafeValue): through conversions from unsafe.Pointer
// and integer arithmetic; anything else carries nothing.
static void
unsafe_ref(EscBatch *b, EscFn *e, Value *v, Ref *r, int *cap, int depth)
{
	if (!v || depth > 64)
		return;
	switch (v->op) {
	case OP_CONV:
	case OP_COPY:
		if (v->args[0]->type && type_under(v->args[0]->type)->kind == TY_UNSAFEPTR)
			ref_union(b, r, get_ref(b, e, v->args[0]), 0, cap);
		else if (v->op == OP_COPY)
			unsafe_ref(b, e, v->args[0], r, cap, depth + 1);
		return;
	case OP_NEG:
	case OP_COM:
	case OP_SHL:
	case OP_SHR:
		unsafe_ref(b, e, v->args[0], r, cap, depth + 1);
		return;
	case OP_ADD:
	case OP_SUB:
	case OP_OR:
	case OP_XOR:
	case OP_MUL:
	case OP_DIV:
	case OP_MOD:
	case OP_AND:
	case OP_ANDNOT:
		unsafe_ref(b, e, v->args[0], r, cap, depth + 1);
		unsafe_ref(b, e, v->args[1], r, cap, depth + 1);
		return;
	default:
		return;
	}
}

static void
compute_ref(EscBatch *b, EscFn *e, Value *v, Ref *r)
{
	int cap = 0;
	switch (v->op) {
	case OP_PARAM:
	case OP_GETVAR:
		if (val_obj(v))
			ref_add(b, r, esc_obj_loc(b, val_obj(v)), 0, &cap);
		return;
	case OP_FREEVAR: {
		Obj *o = val_obj(v);
		if (!o)
			return;
		bool byref = o->type && v->type != o->type;
		ref_add(b, r, esc_obj_loc(b, o), byref ? -1 : 0, &cap);
		return;
	}
	case OP_ALLOC:
	case OP_MAKESLICE:
	case OP_MAKECLOSURE:
	case OP_MAKEMAP:
	case OP_METHODVALUE:
	case OP_CONCAT:
	case OP_BYTES2STR:
	case OP_STR2BYTES:
	case OP_RUNES2STR:
	case OP_STR2RUNES:
	case OP_RUNE2STR:
		ref_add(b, r, e->alloc[v->id], -1, &cap);
		return;
	case OP_MAKEIFACE:
		if (e->alloc[v->id])
			ref_add(b, r, e->alloc[v->id], -1, &cap);
		else if (v->nargs > 0)
			ref_union(b, r, get_ref(b, e, v->args[0]), 0, &cap);
		return;
	case OP_LOAD:
		ref_union(b, r, get_ref(b, e, v->args[0]), 1, &cap);
		return;
	case OP_ASSERT:
	case OP_ASSERT2:
		ref_union(b, r, get_ref(b, e, v->args[0]), assert_shift(v->type), &cap);
		return;
	case OP_MAPITERELEM:
		// for k, v := range m: v <- m with one dereference (gc's "range-deref"); the
		// key receives nothing
		if (v->args[0]->op == OP_MAPITERINIT)
			ref_union(b, r, get_ref(b, e, v->args[0]->args[0]), 1, &cap);
		return;
	case OP_CONV:
		if (v->nargs > 0 && v->args[0]->type &&
		    type_under(v->args[0]->type)->kind == TY_UINTPTR)
			unsafe_ref(b, e, v->args[0], r, &cap, 0);
		else if (v->nargs > 0)
			ref_union(b, r, get_ref(b, e, v->args[0]), 0, &cap);
		return;
	case OP_COPY:
	case OP_FIELDADDR:
	case OP_INDEXADDR:
	case OP_PTRINDEX:
	case OP_SLICEMAKE:
	case OP_STRMAKE:
	case OP_SLICEPTR:
	case OP_STRPTR:
	case OP_APPEND:
	case OP_APPENDSLICE:
		if (v->nargs > 0)
			ref_union(b, r, get_ref(b, e, v->args[0]), 0, &cap);
		return;
	case OP_PHI:
	case OP_INSERT:
	case OP_TUPLE:
		for (int i = 0; i < v->nargs; i++)
			ref_union(b, r, get_ref(b, e, v->args[i]), 0, &cap);
		return;
	case OP_EXTRACT: {
		Value *x = v->args[0];
		if (has_restemps(x) && e->restemps[x->id] &&
		    x->type && x->type->kind == TY_TUPLE) {
			if (v->auxint >= 0 && v->auxint < e->nrestemps[x->id])
				ref_add(b, r, e->restemps[x->id][v->auxint], 0, &cap);
			return;
		}
		if (x->op == OP_TUPLE && v->auxint >= 0 && v->auxint < x->nargs) {
			ref_union(b, r, get_ref(b, e, x->args[v->auxint]), 0, &cap);
			return;
		}
		ref_union(b, r, get_ref(b, e, x), 0, &cap);
		return;
	}
	case OP_CALL:
	case OP_CALLCLOSURE:
	case OP_CALLIFACE:
		for (int j = 0; j < e->nrestemps[v->id]; j++)
			ref_add(b, r, e->restemps[v->id][j], 0, &cap);
		return;
	default:
		// constants, zero values, globals, function addresses, arithmetic, comparisons,
		// runtime calls (their results point into the heap or nowhere): nothing tracked.
		return;
	}
}

static Ref *
get_ref(EscBatch *b, EscFn *e, Value *v)
{
	if (!v || v->id <= 0 || v->id > e->f->nvalues)
		return &empty_ref;
	Ref *r = &e->refs[v->id];
	if (r->done)
		return r;
	if (r->busy)
		return &empty_ref; // a phi cycle: the other arguments complete the set
	if (!has_restemps(v) && v->op != OP_TUPLE && !type_carries(v->type)) {
		r->done = true;
		return r;
	}
	r->busy = true;
	compute_ref(b, e, v, r);
	r->busy = false;
	r->done = true;
	return r;
}


// ---- self-assignments (gc's isSelfAssign) ----
//
// "val.x = val.y", "val.x[i] = val.y[j]" and "b.buf = b.buf[lo:hi]" store nothing into
// val that was not already there, so gc drops the flow and says so at -m:
// "f ignoring self-assignment in b.p = b.q". Decided on the AST of the assignment.

static Node *
unparen(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	return n;
}

static bool
is_ptr_type(Type *t)
{
	return t && type_under(t)->kind == TY_POINTER;
}

// same_safe_expr: l and r are the same side-effect-free expression (gc's SameSafeExpr).
static bool
same_safe_expr(Node *l, Node *r)
{
	l = unparen(l);
	r = unparen(r);
	if (!l || !r || l->kind != r->kind)
		return false;
	if (l->cval && r->cval)
		return strcmp(const_text(l->cval), const_text(r->cval)) == 0;
	switch (l->kind) {
	case N_IDENT:
		return l->u.ident.obj && l->u.ident.obj == r->u.ident.obj &&
		       l->u.ident.obj->kind == OBJ_VAR;
	case N_SELECTOR:
		return l->u.sel.sel.kind == SEL_FIELD && r->u.sel.sel.kind == SEL_FIELD &&
		       l->u.sel.name == r->u.sel.name && same_safe_expr(l->u.sel.x, r->u.sel.x);
	case N_STAR:
		return same_safe_expr(l->u.x, r->u.x);
	case N_INDEX:
		if (l->u.index.index.len != 1 || r->u.index.index.len != 1)
			return false;
		return same_safe_expr(l->u.index.x, r->u.index.x) &&
		       same_safe_expr(l->u.index.index.v[0], r->u.index.index.v[0]);
	case N_UNARY:
		return l->u.unary.op == r->u.unary.op && l->u.unary.op != AOP_RECV &&
		       same_safe_expr(l->u.unary.x, r->u.unary.x);
	case N_BINARY:
		return l->u.binary.op == r->u.binary.op && l->u.binary.op != AOP_LAND &&
		       l->u.binary.op != AOP_LOR && same_safe_expr(l->u.binary.x, r->u.binary.x) &&
		       same_safe_expr(l->u.binary.y, r->u.binary.y);
	default:
		return false;
	}
}

// may_affect_memory: n might have side effects (gc's mayAffectMemory: anything but
// names, constants, arithmetic, indexing, field selection and dereference).
static bool
may_affect_memory(Node *n)
{
	n = unparen(n);
	if (!n || n->cval)
		return false;
	switch (n->kind) {
	case N_IDENT:
		return false;
	case N_BINARY:
		return n->u.binary.op == AOP_LAND || n->u.binary.op == AOP_LOR ||
		       may_affect_memory(n->u.binary.x) || may_affect_memory(n->u.binary.y);
	case N_UNARY:
		return n->u.unary.op == AOP_RECV || n->u.unary.op == AOP_ADDR ||
		       may_affect_memory(n->u.unary.x);
	case N_INDEX:
		return n->u.index.index.len != 1 || may_affect_memory(n->u.index.x) ||
		       may_affect_memory(n->u.index.index.v[0]);
	case N_SELECTOR:
		return n->u.sel.sel.kind != SEL_FIELD || may_affect_memory(n->u.sel.x);
	case N_STAR:
		return may_affect_memory(n->u.x);
	case N_CALL:
		if (n->u.call.kind == CALL_CONV && n->u.call.args.len == 1)
			return may_affect_memory(n->u.call.args.v[0]);
		if (n->u.call.kind == CALL_BUILTIN &&
		    (n->u.call.builtin == BI_LEN || n->u.call.builtin == BI_CAP) &&
		    n->u.call.args.len == 1)
			return may_affect_memory(n->u.call.args.v[0]);
		return true;
	default:
		return true;
	}
}

// deref_base: for *x or x.f through a pointer (gc's ODEREF/ODOTPTR), x; else NULL.
static Node *
deref_base(Node *n)
{
	n = unparen(n);
	if (!n)
		return NULL;
	if (n->kind == N_STAR)
		return unparen(n->u.x);
	if (n->kind == N_SELECTOR && n->u.sel.sel.kind == SEL_FIELD && n->u.sel.x &&
	    is_ptr_type(n->u.sel.x->type))
		return unparen(n->u.sel.x);
	return NULL;
}

static bool
is_slice_self_assign(Node *dst, Node *src)
{
	Node *dx = deref_base(dst);
	if (!dx || dx->kind != N_IDENT || !dx->u.ident.obj)
		return false;
	src = unparen(src);
	if (!src || src->kind != N_SLICEEXPR || !src->u.slice.x)
		return false;
	Node *sx = unparen(src->u.slice.x);
	Type *st = sx->type ? type_under(sx->type) : NULL;
	if (!st || (st->kind != TY_SLICE && st->kind != TY_STRING && st->kind != TY_POINTER))
		return false; // slicing an array value takes its address: not a self-assignment
	Node *bx = deref_base(sx);
	return bx && bx->kind == N_IDENT && bx->u.ident.obj == dx->u.ident.obj;
}

static bool
is_self_assign(Node *dst, Node *src)
{
	if (is_slice_self_assign(dst, src))
		return true;
	dst = unparen(dst);
	src = unparen(src);
	if (!dst || !src || dst->kind != src->kind)
		return false;
	switch (dst->kind) {
	case N_SELECTOR:
		if (dst->u.sel.sel.kind != SEL_FIELD || src->u.sel.sel.kind != SEL_FIELD)
			return false;
		if (is_ptr_type(dst->u.sel.x ? dst->u.sel.x->type : NULL) !=
		    is_ptr_type(src->u.sel.x ? src->u.sel.x->type : NULL))
			return false;
		return same_safe_expr(dst->u.sel.x, src->u.sel.x);
	case N_INDEX: {
		if (dst->u.index.index.len != 1 || src->u.index.index.len != 1)
			return false;
		Type *xt = dst->u.index.x && dst->u.index.x->type ? type_under(dst->u.index.x->type)
								  : NULL;
		if (!xt || xt->kind == TY_MAP)
			return false;
		if (may_affect_memory(dst->u.index.index.v[0]) ||
		    may_affect_memory(src->u.index.index.v[0]))
			return false;
		return same_safe_expr(dst->u.index.x, src->u.index.x);
	}
	default:
		return false;
	}
}

// func_display_name: gc's name of a function in messages: the link name without the
// package prefix ("(*B).f", "g", "f.func1").
static const char *
func_display_name(EscFn *e)
{
	const char *n = e->info && e->info->name ? e->info->name : e->f->name;
	if (!n)
		return "?";
	const char *dot = strchr(n, '.'); // package paths of the subset have no dots
	return dot ? dot + 1 : n;
}

static const char *
assign_string(Node *as)
{
	const char *l = "", *r = "";
	for (int i = 0; i < as->u.assign.lhs.len; i++)
		l = arena_sprintf(perm, "%s%s%s", l, i ? ", " : "",
				  expr_string(as->u.assign.lhs.v[i]));
	for (int i = 0; i < as->u.assign.rhs.len; i++)
		r = arena_sprintf(perm, "%s%s%s", r, i ? ", " : "",
				  expr_string(as->u.assign.rhs.v[i]));
	return arena_sprintf(perm, "%s = %s", l, r);
}

// index_assigns maps every side of the plain assignments (=) in statement n to its
// statement (the builder gives a store the lhs as origin; gc reports the statement), and
// the values of var declarations to their spec.
static void
index_assigns(EscBatch *b, PtrMap *m, Node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_ASSIGN:
		if (n->u.assign.op == AOP_NONE && !n->u.assign.define) {
			for (int i = 0; i < n->u.assign.lhs.len; i++)
				if (n->u.assign.lhs.v[i])
					ptrmap_put(b->arena, m, n->u.assign.lhs.v[i], n);
			for (int i = 0; i < n->u.assign.rhs.len; i++)
				if (n->u.assign.rhs.v[i])
					ptrmap_put(b->arena, m, n->u.assign.rhs.v[i], n);
		}
		break;
	case N_RETURN:
		for (int i = 0; i < n->u.list.len; i++)
			if (n->u.list.v[i])
				ptrmap_put(b->arena, m, n->u.list.v[i], n);
		break;
	case N_DECLSTMT:
		for (int i = 0; i < n->u.list.len; i++) {
			Node *spec = n->u.list.v[i];
			if (!spec || spec->kind != N_VALUESPEC || spec->u.value.isconst)
				continue;
			for (int k = 0; k < spec->u.value.values.len; k++)
				if (spec->u.value.values.v[k])
					ptrmap_put(b->arena, m, spec->u.value.values.v[k], spec);
		}
		break;
	case N_BLOCK:
		for (int i = 0; i < n->u.block.stmts.len; i++)
			index_assigns(b, m, n->u.block.stmts.v[i]);
		break;
	case N_LABELED:
		index_assigns(b, m, n->u.labeled.stmt);
		break;
	case N_IF:
		index_assigns(b, m, n->u.ifs.init);
		index_assigns(b, m, n->u.ifs.then);
		index_assigns(b, m, n->u.ifs.els);
		break;
	case N_FOR:
		index_assigns(b, m, n->u.fors.init);
		index_assigns(b, m, n->u.fors.post);
		index_assigns(b, m, n->u.fors.body);
		break;
	case N_RANGE:
		// `for k, v := range x` variables keep the loop depth of the range statement
		// itself (the builder declares them before the loop): in gc's test
		// fixedbugs/issue21709.go a range nested in a loop lets nothing escape through
		// them.
		index_assigns(b, m, n->u.range.body);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		index_assigns(b, m, n->u.sw.init);
		for (int i = 0; i < n->u.sw.body.len; i++)
			index_assigns(b, m, n->u.sw.body.v[i]);
		break;
	case N_CASECLAUSE:
	case N_COMMCLAUSE:
		for (int i = 0; i < n->u.clause.list.len; i++)
			if (n->kind == N_COMMCLAUSE)
				index_assigns(b, m, n->u.clause.list.v[i]);
		for (int i = 0; i < n->u.clause.body.len; i++)
			index_assigns(b, m, n->u.clause.body.v[i]);
		break;
	default:
		break;
	}
}

// self_assigned: whether the store or SETVAR v implements a self-assignment, which
// contributes no flow; reports it at -m (once per statement: diag drops duplicates).
static bool
self_assigned(EscBatch *b, EscFn *e, Value *v)
{
	Node *lhs = v->origin;
	Node *as = lhs ? ptrmap_get(&e->assigns, lhs) : NULL;
	if (!as || as->kind != N_ASSIGN || as->u.assign.lhs.len != as->u.assign.rhs.len)
		return false;
	for (int i = 0; i < as->u.assign.lhs.len; i++) {
		if (as->u.assign.lhs.v[i] != lhs || !is_self_assign(lhs, as->u.assign.rhs.v[i]))
			continue;
		if (b->mlevel >= 1)
			esc_warn(b, as->pos, "%s ignoring self-assignment in %s", func_display_name(e),
				assign_string(as));
		return true;
	}
	return false;
}

// ---- phase 2: edges ----

// store_target: the location a store through address p writes into, when p is exactly
// the address of a known location (gc's addr(): x, x.f, x[i] of an array x); else NULL.
static EscLoc *
store_target(EscBatch *b, EscFn *e, Value *p)
{
	Ref *r = get_ref(b, e, p);
	if (r->n != 1 || r->v[0].derefs != -1)
		return NULL;
	EscLoc *l = r->v[0].loc;
	if (l->kind == ELOC_HEAP || l->kind == ELOC_TEMP)
		return NULL;
	return l;
}

static EscFn *
batch_fn(EscBatch *b, Obj *callee)
{
	return callee ? ptrmap_get(&b->fnobj, callee) : NULL;
}

// flow_to_call_results: holders of call v <- Ref(arg) shifted by the leak summary.
static void
apply_leaks(EscBatch *b, EscFn *e, Value *call, Ref *arg, EscLeaks *lk)
{
	if (lk->heap >= 0)
		esc_flow_ref(b, b->heap, arg, lk->heap, call);
	for (int j = 0; j < ESC_MAX_RESULTS && j < e->nrestemps[call->id]; j++)
		if (lk->result[j] >= 0)
			esc_flow_ref(b, e->restemps[call->id][j], arg, lk->result[j], call);
}

// static_value follows v through copies and variables assigned exactly once, as gc's
// ir.StaticValue does, to find the function a func value always holds.
static Value *
static_value(EscBatch *b, EscFn *e, Value *v)
{
	for (int guard = 0; v && guard < 100; guard++) {
		if (v->op == OP_COPY || v->op == OP_CONV) {
			v = v->args[0];
		} else if (v->op == OP_FREEVAR && val_obj(v) && e->f->wrapper &&
			   v->type == val_obj(v)->type) {
			// a defer/go wrapper calls the function value it captured: the
			// wrapped call is static when the captured value is (gc wraps the
			// call itself, callee included)
			EscLoc *l = esc_obj_loc(b, val_obj(v));
			Value *def = l && l->fn ? ptrmap_get(&l->fn->defs, val_obj(v)) : NULL;
			if (!def || def == (Value *)(void *)&multi_def || def->nargs < 1)
				return v;
			e = l->fn;
			v = def->args[0];
		} else if (v->op == OP_GETVAR && val_obj(v)) {
			Obj *o = val_obj(v);
			Value *def = ptrmap_get(&e->defs, o);
			if (!def || def == (Value *)(void *)&multi_def ||
			    (o->flags & (OBJF_ADDRTAKEN | OBJF_PARAM | OBJF_RESULT)))
				return v;
			v = def->args[0];
		} else {
			return v;
		}
	}
	return v;
}

// build_call: a call of callee (the static callee, or NULL), arguments args[first:].
static void
build_call_args(EscBatch *b, EscFn *e, Value *v, Obj *callee, EscFn *ce, int first)
{
	if (ce) {
		for (int i = first; i < v->nargs; i++) {
			Ref *ar = get_ref(b, e, v->args[i]);
			int pi = i - first;
			EscLoc *pl = pi < ce->params.len ? ce->params.v[pi] : NULL;
			if (pi < ce->params.len && !pl)
				continue; // unnamed or blank parameter: unused
			esc_flow_ref(b, pl ? pl : b->heap, ar, 0, v);
		}
		for (int j = 0; j < e->nrestemps[v->id] && j < ce->results.len; j++)
			esc_flow(b, e->restemps[v->id][j], ce->results.v[j], 0, v);
		return;
	}
	for (int i = first; i < v->nargs; i++) {
		Ref *ar = get_ref(b, e, v->args[i]);
		EscLeaks lk;
		if (esc_callee_leaks(callee, i - first, &lk))
			apply_leaks(b, e, v, ar, &lk);
		else
			esc_flow_ref(b, b->heap, ar, 0, v);
	}
}

static void
build_call(EscBatch *b, EscFn *e, Value *v)
{
	Obj *callee = (Obj *)v->aux;
	build_call_args(b, e, v, callee, batch_fn(b, callee), 0);
}

// build_callclosure: a call of a func value. When the value is statically known (a
// function, or a func literal) it is a static call; the func value itself is not an
// argument of the callee and flows nowhere (gc discards the callee operand).
static void
build_callclosure(EscBatch *b, EscFn *e, Value *v)
{
	if (v->nargs == 0)
		return;
	Value *fv = static_value(b, e, v->args[0]);
	if (fv->op == OP_FUNCADDR) {
		Obj *callee = (Obj *)fv->aux;
		build_call_args(b, e, v, callee, batch_fn(b, callee), 1);
		return;
	}
	if (fv->op == OP_MAKECLOSURE) {
		EscFn *ce = ptrmap_get(&b->fninfo, fv->aux);
		if (ce) {
			if (fv == v->args[0] || e->f->wrapper)
				ce->called = true;
			build_call_args(b, e, v, NULL, ce, 1);
			return;
		}
	}
	for (int i = 1; i < v->nargs; i++)
		esc_flow_ref(b, b->heap, get_ref(b, e, v->args[i]), 0, v);
}

// build_methodvalue: x.M as a value. gc flows the receiver both into the closure and
// into M's receiver parameter as for a call whose results go to the heap (it cannot
// know where the method value's results will go); an interface method is unknown, so
// its receiver goes to the heap.
static void
build_methodvalue(EscBatch *b, EscFn *e, Value *v)
{
	Ref *r = get_ref(b, e, v->args[0]);
	esc_flow_ref(b, e->alloc[v->id], r, 0, v);
	Obj *m = v->aux;
	EscFn *ce = batch_fn(b, m);
	EscLeaks lk;
	if (ce) {
		if (ce->params.len > 0 && ce->params.v[0])
			esc_flow_ref(b, ce->params.v[0], r, 0, v);
	} else if (m && esc_callee_leaks(m, 0, &lk)) {
		int d = lk.heap;
		for (int j = 0; j < ESC_MAX_RESULTS; j++)
			if (lk.result[j] >= 0 && (d < 0 || lk.result[j] < d))
				d = lk.result[j];
		if (d >= 0)
			esc_flow_ref(b, b->heap, r, d, v);
	} else {
		esc_flow_ref(b, b->heap, r, 0, v);
	}
}

static bool
elem_has_pointers(Type *t)
{
	Type *u = t ? type_under(t) : NULL;
	return u && (u->kind == TY_SLICE || u->kind == TY_ARRAY || u->kind == TY_POINTER) &&
	       type_carries(u->elem);
}

static void
build_value(EscBatch *b, EscFn *e, Value *v)
{
	switch (v->op) {
	case OP_SETVAR: {
		EscLoc *x = val_obj(v) ? esc_obj_loc(b, val_obj(v)) : NULL;
		if (x && v->nargs > 0 && !self_assigned(b, e, v))
			esc_flow_ref(b, x, get_ref(b, e, v->args[0]), 0, v);
		break;
	}
	case OP_STORE: {
		if (self_assigned(b, e, v))
			break;
		Ref *val = get_ref(b, e, v->args[1]);
		EscLoc *t = store_target(b, e, v->args[0]);
		esc_flow_ref(b, t ? t : b->heap, val, 0, v);
		break;
	}
	case OP_MAKEIFACE:
		if (e->alloc[v->id] && v->nargs > 0)
			esc_flow_ref(b, e->alloc[v->id], get_ref(b, e, v->args[0]), 0, v);
		break;
	case OP_MAKECLOSURE:
		break; // the captures flow later, in esc_build_closures (gc's order)
	case OP_APPEND:
		if (v->nargs > 0 && elem_has_pointers(v->args[0]->type))
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[0]), 1, v);
		for (int i = 1; i < v->nargs; i++)
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[i]), 0, v);
		break;
	case OP_APPENDSLICE:
		if (v->nargs > 0 && elem_has_pointers(v->args[0]->type))
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[0]), 1, v);
		if (v->nargs > 1 && elem_has_pointers(v->args[1]->type))
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[1]), 1, v);
		break;
	case OP_SLICECOPY:
		if (v->nargs > 1 && elem_has_pointers(v->args[1]->type))
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[1]), 1, v);
		break;
	case OP_PANIC:
		if (v->nargs > 0)
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[0]), 0, v);
		break;
	case OP_CALL:
		build_call(b, e, v);
		break;
	case OP_CALLCLOSURE:
		build_callclosure(b, e, v);
		break;
	case OP_CALLIFACE:
		// an unknown callee: the receiver and the arguments leak (gc's heap hole)
		for (int i = 0; i < v->nargs; i++)
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[i]), 0, v);
		break;
	case OP_METHODVALUE:
		if (v->nargs > 0)
			build_methodvalue(b, e, v);
		break;
	case OP_MAPASSIGN:
		// m[k] = v: the key and the value are stored in the map (gc: "key of map put",
		// "value of map put"); map literals are MAKEMAP then MAPASSIGNs
		esc_flow_ref(b, b->heap, get_ref(b, e, v->args[1]), 0, v);
		esc_flow_ref(b, b->heap, get_ref(b, e, v->args[2]), 0, v);
		break;
	case OP_GO:
		// gc: a go statement's closure always goes to the heap
		esc_flow_ref(b, b->heap, get_ref(b, e, v->args[0]), 0, v);
		break;
	case OP_DEFER:
		// gc: a defer at the top level of the function keeps its closure until the
		// function returns (a "later" discard hole); in a loop it goes to the heap
		if (v->block->loopdepth > 0)
			esc_flow_ref(b, b->heap, get_ref(b, e, v->args[1]), 0, v);
		break;
	case OP_CALLRT:
		if (v->auxint == 1)
			for (int i = 0; i < v->nargs; i++)
				esc_flow_ref(b, b->heap, get_ref(b, e, v->args[i]), 0, v);
		break;
	default:
		break;
	}
}

static void
build_return(EscBatch *b, EscFn *e, Block *blk)
{
	Value *c = blk->control;
	if (!c || e->results.len == 0)
		return;
	if (c->op == OP_TUPLE && e->results.len > 1) {
		for (int i = 0; i < c->nargs && i < e->results.len; i++)
			esc_flow_ref(b, e->results.v[i], get_ref(b, e, c->args[i]), 0, c);
		return;
	}
	if (has_restemps(c) && e->results.len > 1 &&
	    e->restemps[c->id]) {
		// return f() with f's results: result i <- f's result i
		for (int i = 0; i < e->nrestemps[c->id] && i < e->results.len; i++)
			esc_flow(b, e->results.v[i], e->restemps[c->id][i], 0, c);
		return;
	}
	esc_flow_ref(b, e->results.v[0], get_ref(b, e, c), 0, c);
}

// esc_build_edges: phase 2 (see the file comment).
void
esc_build_edges(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
	Node *decl = e->info ? e->info->decl : NULL;
	if (decl && decl->kind == N_FUNCDECL)
		index_assigns(b, &e->assigns, decl->u.funcdecl.body);
	else if (decl && decl->kind == N_FUNCLIT)
		index_assigns(b, &e->assigns, decl->u.func.body);
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *blk = f->blocks.v[bi];
		if (!e->live[blk->id])
			continue;
		for (int i = 0; i < blk->values.len; i++)
			build_value(b, e, blk->values.v[i]);
		if (blk->kind == BK_RET)
			build_return(b, e, blk);
	}
}

// esc_build_heapwhy: allocations that can never live on the stack: their address flows
// to the heap (gc does this after every function of the batch has been walked).
void
esc_build_heapwhy(EscBatch *b)
{
	for (int i = 0; i < b->locs.len; i++) {
		EscLoc *l = b->locs.v[i];
		if (l->heapwhy)
			esc_flow(b, b->heap, l, -1, l->val);
	}
}

// closures_of adds the capture flows of the closures e makes, in value id order, each
// followed by those of the closures made in its body (gc's pre-order).
static void
closures_of(EscBatch *b, EscFn *e)
{
	if (e->closures_done)
		return;
	e->closures_done = true;
	Func *f = e->f;
	Value **byid = live_values_by_id(b, e);
	for (int id = 0; id <= f->nvalues; id++) {
		Value *v = byid[id];
		if (!v || v->op != OP_MAKECLOSURE)
			continue;
		esc_explain_capture(b, e, v);
		for (int i = 0; i < v->nargs; i++)
			esc_flow_ref(b, e->alloc[v->id], get_ref(b, e, v->args[i]), 0, v);
		EscFn *ce = ptrmap_get(&b->fninfo, v->aux);
		if (ce)
			closures_of(b, ce);
	}
}

// esc_build_closures: phase 2b, after every function's edges: the flows of the values a
// closure captures into the closure. gc decides by value or by reference only once all
// reassignments are known, says so at -m=2 ("capturing by ref: x ..."), then adds each
// closure's flows; a flow into a closure that already escapes is reported at once, so
// this order is the order of the -m=2 explanations.
void
esc_build_closures(EscBatch *b)
{
	for (int k = 0; k < b->fns.len; k++)
		closures_of(b, b->fns.v[k]);
}
