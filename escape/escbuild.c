// escbuild.c: SSA values -> locations and edges, for one function of a batch.
//
// Phase 1 (esc_build_locs) creates the locations: one per parameter and result, one per
// local variable (every Obj read or written by GETVAR/SETVAR or moved to memory by an
// ALLOC_VAR), one per allocating value, and result holders for calls. A variable's loop
// depth is the smallest Block.loopdepth among its SETVARs and ALLOC_VAR (its declaration:
// the builder emits a SETVAR where a variable is declared); parameters have depth 0.
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
//   append, copy, panic: gc's rules (appendee contents and appended values to the heap).
// A value whose type has no pointers carries nothing (gc's blank hole).
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

// esc_build_locs: phase 1 (see the file comment). Functions of a batch must have their
// locations built before any edges, since literals refer to their parents' variables.
void
esc_build_locs(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
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

	// Allocations and call result holders, in block order.
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *blk = f->blocks.v[bi];
		for (int i = 0; i < blk->values.len; i++) {
			Value *v = blk->values.v[i];
			if (makes_alloc_loc(v)) {
				EscLoc *l = esc_new_loc(b, ELOC_ALLOC, e, blk->loopdepth);
				l->val = v;
				l->heapwhy = heap_reason(v);
				e->alloc[v->id] = l;
			} else if (v->op == OP_ALLOC && v->auxint == ALLOC_VAR && val_obj(v)) {
				EscLoc *l = esc_obj_loc(b, val_obj(v));
				e->alloc[v->id] = l;
				if (l && !l->heapwhy && l->kind == ELOC_VAR &&
				    elem_size(v->type) > ESC_MAX_STACK_VAR)
					l->heapwhy = "too large for stack";
			}
			if (v->op == OP_CALL || v->op == OP_CALLCLOSURE) {
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
	case OP_COPY:
	case OP_CONV:
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
		if ((x->op == OP_CALL || x->op == OP_CALLCLOSURE) && e->restemps[x->id]) {
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
	if (v->op != OP_CALL && v->op != OP_CALLCLOSURE && v->op != OP_TUPLE &&
	    v->op != OP_EXTRACT && !type_carries(v->type)) {
		r->done = true;
		return r;
	}
	r->busy = true;
	compute_ref(b, e, v, r);
	r->busy = false;
	r->done = true;
	return r;
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
static_value(EscFn *e, Value *v)
{
	for (int guard = 0; v && guard < 100; guard++) {
		if (v->op == OP_COPY || v->op == OP_CONV) {
			v = v->args[0];
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
	Value *fv = static_value(e, v->args[0]);
	if (fv->op == OP_FUNCADDR) {
		Obj *callee = (Obj *)fv->aux;
		build_call_args(b, e, v, callee, batch_fn(b, callee), 1);
		return;
	}
	if (fv->op == OP_MAKECLOSURE) {
		EscFn *ce = ptrmap_get(&b->fninfo, fv->aux);
		if (ce) {
			if (fv == v->args[0])
				ce->called = true;
			build_call_args(b, e, v, NULL, ce, 1);
			return;
		}
	}
	for (int i = 1; i < v->nargs; i++)
		esc_flow_ref(b, b->heap, get_ref(b, e, v->args[i]), 0, v);
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
		if (x && v->nargs > 0)
			esc_flow_ref(b, x, get_ref(b, e, v->args[0]), 0, v);
		break;
	}
	case OP_STORE: {
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
		for (int i = 0; i < v->nargs; i++)
			esc_flow_ref(b, e->alloc[v->id], get_ref(b, e, v->args[i]), 0, v);
		break;
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
	esc_flow_ref(b, e->results.v[0], get_ref(b, e, c), 0, c);
}

// esc_build_edges: phase 2 (see the file comment).
void
esc_build_edges(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *blk = f->blocks.v[bi];
		for (int i = 0; i < blk->values.len; i++)
			build_value(b, e, blk->values.v[i]);
		if (blk->kind == BK_RET)
			build_return(b, e, blk);
	}
	// Allocations that can never live on the stack: their address flows to the heap.
	for (int i = 0; i < b->locs.len; i++) {
		EscLoc *l = b->locs.v[i];
		if (l->fn == e && l->heapwhy)
			esc_flow(b, b->heap, l, -1, l->val);
	}
}
