// escgraph.c: the location graph of one batch: locations (the heap, variables, params,
// results, allocations, temporaries), weighted edges dst <- src, and the Obj -> location
// map.
//
// An edge dst <- src with derefs d says "dst = *^d src": -1 is an address-of (dst =
// &src), 0 a copy, 1 a load. esc_flow applies gc's two shortcuts when adding an edge:
// a location flowing into itself without taking its address adds nothing, and the
// address of src flowing into a location that already escapes makes src escape at once.
//
// Invariants: every location but the heap is in b->locs in creation order (that order
// decides the order of -m lines at equal positions); ids are dense from 1.
#include <stdint.h>
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

// ---- pointer map ----

static uint32_t
ptr_hash(void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (uint32_t)x;
}

// ptrmap_get returns the value stored for key, or NULL.
void *
ptrmap_get(PtrMap *m, void *key)
{
	if (m->cap == 0)
		return NULL;
	uint32_t mask = (uint32_t)(m->cap - 1);
	for (uint32_t i = ptr_hash(key) & mask;; i = (i + 1) & mask) {
		if (m->keys[i] == key)
			return m->vals[i];
		if (m->keys[i] == NULL)
			return NULL;
	}
}

// ptrmap_put stores val for key (replacing an old value), growing inside arena a.
void
ptrmap_put(Arena *a, PtrMap *m, void *key, void *val)
{
	if (2 * (m->len + 1) > m->cap) {
		PtrMap n = {0};
		n.cap = m->cap ? 2 * m->cap : 64;
		n.keys = NEWARR(a, void *, n.cap);
		n.vals = NEWARR(a, void *, n.cap);
		for (int i = 0; i < m->cap; i++)
			if (m->keys[i])
				ptrmap_put(a, &n, m->keys[i], m->vals[i]);
		*m = n;
	}
	uint32_t i = ptr_hash(key) & (uint32_t)(m->cap - 1);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (uint32_t)(m->cap - 1);
	if (!m->keys[i])
		m->len++;
	m->keys[i] = key;
	m->vals[i] = val;
}

// ---- locations and edges ----

// esc_new_loc creates a location of the given kind owned by fn at loop depth loopdepth
// and appends it to b->locs.
EscLoc *
esc_new_loc(EscBatch *b, EscLocKind kind, EscFn *fn, int loopdepth)
{
	EscLoc *l = NEW(b->arena, EscLoc);
	l->kind = kind;
	l->fn = fn;
	l->loopdepth = loopdepth;
	l->id = b->locs.len + 1;
	leaks_init(&l->leaks);
	vec_push(b->arena, b->locs, l);
	return l;
}

// esc_obj_loc returns the location of variable o in this batch, or NULL.
EscLoc *
esc_obj_loc(EscBatch *b, Obj *o)
{
	return ptrmap_get(&b->objloc, o);
}

// inner_edge: edge e of allocation l was made by l's own initialisation (the operand of
// a boxing, a store into l's fields or elements), which gc walks after l itself.
static bool
inner_edge(EscLoc *l, EscEdge *e)
{
	Value *w = e->why;
	if (!w || !l->val || l->kind != ELOC_ALLOC)
		return false;
	if (w == l->val)
		return true;
	if (w->op != OP_STORE || w->nargs < 1)
		return false;
	Value *p = w->args[0];
	for (int g = 0; p && g < 64 && (p->op == OP_FIELDADDR || p->op == OP_INDEXADDR); g++)
		p = p->nargs > 0 ? p->args[0] : NULL;
	return p == l->val;
}

// stored_escapes: &src was stored into something that escapes, while the graph is built.
// gc walks an expression from the outside in, so the addresses stored into src by its
// own initialisation are met after src escapes: they escape at once too.
static void
stored_escapes(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, Value *why, int depth)
{
	if (b->explain)
		esc_explain_stored(b, dst, src, derefs, why);
	bool was = src->escapes;
	src->escapes = true; // &src stored in the heap (or something as long-lived)
	if (was || depth > 32)
		return;
	for (int i = 0; i < src->edges.len; i++) {
		EscEdge *e = &src->edges.v[i];
		if (e->derefs < 0 && !e->src->escapes && inner_edge(src, e))
			stored_escapes(b, src, e->src, e->derefs, e->why, depth + 1);
	}
}

// esc_flow records dst = *^derefs src (see the file comment for the shortcuts).
void
esc_flow(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, Value *why)
{
	if (!dst || !src)
		return;
	if (dst == src && derefs >= 0)
		return; // x = x, x = *x: nothing new flows
	if (dst->escapes && derefs < 0) {
		EscDirect d = {dst, {src, derefs, why}};
		vec_push(b->arena, b->direct, d);
		stored_escapes(b, dst, src, derefs, why, 0);
		return;
	}
	EscEdge e = {src, derefs, why};
	vec_push(b->arena, dst->edges, e);
}

// esc_flow_ref records dst = *^shift r for every item of r.
void
esc_flow_ref(EscBatch *b, EscLoc *dst, Ref *r, int shift, Value *why)
{
	for (int i = 0; i < r->n; i++)
		esc_flow(b, dst, r->v[i].loc, r->v[i].derefs + shift, why);
}

// esc_loc_string names a location as gc's -m=2 output does: "{heap}", "x",
// "{storage for new(int)}", "{temp}".
const char *
esc_loc_string(EscLoc *l)
{
	switch (l->kind) {
	case ELOC_HEAP:
		return "{heap}";
	case ELOC_VAR:
	case ELOC_PARAM:
	case ELOC_RESULT:
		return l->obj && l->obj->name ? l->obj->name->name : "?";
	case ELOC_ALLOC:
		if (l->val && l->val->origin)
			return arena_sprintf(perm, "{storage for %s}", esc_alloc_string(l->val));
		return "{storage}";
	case ELOC_TEMP:
		return "{temp}";
	}
	return "?";
}
