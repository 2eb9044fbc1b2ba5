// escsolve.c: solving the location graph of one batch, gc's way.
//
// Algorithm (gc's escape analysis, walkAll/walkOne): every location, and the heap, is a
// root of one walk. A walk follows edges backwards from the root (dst to src), keeping
// for each location reached the minimal number of dereferences from the root
// (Bellman-Ford with a LIFO work list; the counts are bounded below by clamping: once a
// location's address is reached (derefs < 0), its own sources are reached with 0, since
// "root = &l; l = x" does not give root the address of x). When the walk reaches
// location l and the root outlives l:
//   - if l is a parameter, its value leaks to the root: to the heap, or to a result of
//     its own function, with the current derefs (recorded in l->leaks);
//   - if l's address reaches the root (derefs < 0), l escapes: it must be heap
//     allocated. It is then walked again as a root, because anything whose address it
//     holds now escapes too.
// A location is re-queued only when it starts escaping, which happens at most once, so
// the number of walks is linear in the number of locations.
//
// The two invariants this establishes: no pointer to a stack object is stored in the
// heap, and no pointer to a stack object outlives it.
//
// Requires: the batch's edges (escbuild.c). Leaves: l->escapes and l->leaks final.
#include "base/base.h"
#include "escape/escpriv.h"

// ---- -m=2 explanations ----
//
// gc prints these while solving, to stdout, in walk order: a header naming the event
// ("parameter p leaks to {heap} with derefs=0:", "x escapes to heap:") and the path of
// flows from the location to the root (escexplain.c).

// contains_fn: whether inner is a func literal nested (at any depth) inside outer.
static bool
contains_fn(EscFn *outer, EscFn *inner)
{
	if (!outer || !inner || outer == inner)
		return false;
	for (EscFn *f = inner->outer; f; f = f->outer)
		if (f == outer)
			return true;
	return false;
}

// esc_outlives reports whether location l outlives location other: the heap and results
// outlive everything; a variable outlives what is declared in a deeper loop of the same
// function, and everything declared inside func literals nested in its function.
bool
esc_outlives(EscLoc *l, EscLoc *other)
{
	if (l->escapes)
		return true;
	if (l->kind == ELOC_TEMP)
		return false; // a conduit, not storage: what it flows into is walked on its own
	if (l->kind == ELOC_RESULT) {
		// A func literal called where it is written may return things allocated
		// outside it without forcing them to the heap: *(func() *int { return &u }())
		if (l->fn && l->fn->called && contains_fn(other->fn, l->fn))
			return false;
		return true;
	}
	if (l->fn == other->fn && l->loopdepth < other->loopdepth)
		return true;
	if (contains_fn(l->fn, other->fn))
		return true;
	return false;
}

// leak_to: record that parameter l's value reaches sink with derefs dereferences.
static void
leak_to(EscLoc *l, EscLoc *sink, int derefs)
{
	if (!sink->escapes && sink->kind == ELOC_RESULT && sink->fn == l->fn &&
	    sink->resultidx < ESC_NUM_RESULTS) {
		leaks_add_result(&l->leaks, sink->resultidx, derefs);
		return;
	}
	leaks_add_heap(&l->leaks, derefs);
}

typedef struct Queue {
	VEC(EscLoc *) v;    // roots still to walk
	VEC(EscLoc *) todo; // the current walk's LIFO list, reused across walks
	Arena *a;
} Queue;

static void
enqueue(Queue *q, EscLoc *l)
{
	if (l->queued)
		return;
	l->queued = true;
	vec_push(q->a, q->v, l);
}

static void
walk_one(EscBatch *b, EscLoc *root, uint32_t walkgen, Queue *q)
{
	q->todo.len = 0;
	root->walkgen = walkgen;
	root->derefs = 0;
	root->dst = NULL;
	vec_push(b->arena, q->todo, root);
	while (q->todo.len > 0) {
		EscLoc *l = q->todo.v[--q->todo.len];
		int derefs = l->derefs;
		bool addressof = derefs < 0;
		if (addressof)
			derefs = 0;
		if (esc_outlives(root, l)) {
			if (l->kind == ELOC_PARAM) {
				if (b->explain && !l->escapes) {
					Pos p = esc_loc_pos(b, l);
					const char *pos = pos_string(p);
					esc_print(b, "%s: parameter %s leaks to %s with derefs=%d:\n",
						  pos, esc_loc_name(l), esc_explain_loc(root), derefs);
					esc_json_begin(b, p, "leak", "parameter %s leaks to %s with derefs=%d",
						       esc_loc_name(l), esc_explain_loc(root), derefs);
					esc_explain_path(b, root, l, pos);
					esc_json_end(b);
				}
				leak_to(l, root, derefs);
			}
			if (addressof && !l->escapes) {
				if (b->explain) {
					Pos p = esc_loc_pos(b, l);
					const char *pos = pos_string(p);
					esc_print(b, "%s: %s escapes to heap:\n", pos, esc_loc_name(l));
					esc_json_begin(b, p, "escape", "%s escapes to heap", esc_loc_name(l));
					esc_explain_path(b, root, l, pos);
					esc_json_end(b);
				}
				l->escapes = true;
				enqueue(q, l);
				continue;
			}
		}
		for (int i = 0; i < l->edges.len; i++) {
			EscEdge *e = &l->edges.v[i];
			if (e->src->escapes)
				continue;
			int d = derefs + e->derefs;
			if (e->src->walkgen != walkgen || e->src->derefs > d) {
				e->src->walkgen = walkgen;
				e->src->derefs = d;
				e->src->dst = l;
				e->src->dstedge = i;
				vec_push(b->arena, q->todo, e->src);
			}
		}
	}
}

// esc_solve walks from every location until nothing changes (see the file comment).
void
esc_solve(EscBatch *b)
{
	Queue q = {{0}, {0}, b->arena};
	for (int i = 0; i < b->locs.len; i++)
		enqueue(&q, b->locs.v[i]);
	enqueue(&q, b->heap);
	uint32_t walkgen = 0;
	while (q.v.len > 0) {
		EscLoc *root = q.v.v[--q.v.len];
		root->queued = false;
		walk_one(b, root, ++walkgen, &q);
	}
}
