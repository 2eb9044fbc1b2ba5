// esc.c: escape analysis driver: the call graph, its strongly connected components in
// bottom-up order, and the lifecycle of one batch.
//
// The model (gc's, cmd/compile/internal/escape, Go 1.19):
//   - Two invariants decide where an object lives: no pointer to a stack object is
//     stored in the heap, and no pointer to a stack object outlives the object.
//   - A location stands for memory: the heap, each local variable (every Obj used by
//     GETVAR/SETVAR is ONE location, flow-insensitively, like gc's per-variable
//     locations), each parameter and result, and each allocating value (new, &T{},
//     make, literals, boxing into interfaces, closures, string conversions).
//   - Edges dst <- src carry a dereference count: -1 for address-of, +1 for a load, 0 for
//     a copy (escbuild.c derives them from the SSA).
//   - Each location has the loop depth of its declaration; a location declared outside
//     a loop outlives one declared inside it; results and the heap outlive everything.
//   - Solving (escsolve.c) walks from every location and finds the minimal dereference
//     count to everything that flows into it. An allocation escapes when its address
//     reaches something that outlives it; a parameter leaks when its value reaches the
//     heap or a result ("leaks", escleaks.c).
//
// Batches: func literals belong to the batch of their outermost enclosing function (they
// share its variables). Functions are grouped into the strongly connected components of
// the static call graph (Tarjan 1972), which Tarjan's algorithm emits callees first; each
// component is one batch. A call to a function of an earlier batch applies its summary
// (Obj.leaks); a call inside the batch links arguments to parameters directly; a call to
// an unknown function leaks its arguments to the heap.
//
// Output: Value.esc on every OF_ALLOC value, Obj.leaks/nleaks on every function, and
// with -m the lines of escreport.c. `gosub build -m -l file.go` shows the work.
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

typedef VEC(int) IntList;

// Unit: a top-level function (or the package initialiser) with its literals.
typedef struct Unit {
	VEC(Func *) funcs; // the function first, then its literals in program order
	IntList calls;     // units it calls or references
	int index, lowlink; // Tarjan
	bool onstack;
	bool visited;
} Unit;

typedef struct Graph {
	Arena *a;
	Unit *units;
	int nunits;
	PtrMap infounit;   // FuncInfo * -> Unit *
	IntList stack;
	int counter;
	VEC(IntList) sccs; // in emission order: callees first
} Graph;

static FuncInfo *
root_info(FuncInfo *fi)
{
	while (fi && fi->outer)
		fi = fi->outer;
	return fi;
}

static Unit *
callee_unit(Graph *g, Obj *o)
{
	if (!o || o->kind != OBJ_FUNC || !o->func)
		return NULL;
	return ptrmap_get(&g->infounit, o->func);
}

static void
strongconnect(Graph *g, int v)
{
	Unit *u = &g->units[v];
	u->index = u->lowlink = g->counter++;
	u->visited = true;
	u->onstack = true;
	vec_push(g->a, g->stack, v);
	for (int i = 0; i < u->calls.len; i++) {
		int w = u->calls.v[i];
		Unit *uw = &g->units[w];
		if (!uw->visited) {
			strongconnect(g, w);
			if (uw->lowlink < u->lowlink)
				u->lowlink = uw->lowlink;
		} else if (uw->onstack && uw->index < u->lowlink) {
			u->lowlink = uw->index;
		}
	}
	if (u->lowlink == u->index) {
		IntList scc = {0};
		int w;
		do {
			w = g->stack.v[--g->stack.len];
			g->units[w].onstack = false;
			vec_push(g->a, scc, w);
		} while (w != v);
		// members in source order, for deterministic location numbering
		for (int i = 1; i < scc.len; i++)
			for (int j = i; j > 0 && scc.v[j - 1] > scc.v[j]; j--) {
				int t = scc.v[j];
				scc.v[j] = scc.v[j - 1];
				scc.v[j - 1] = t;
			}
		vec_push(g->a, g->sccs, scc);
	}
}

static void
build_graph(Graph *g, Program *p)
{
	g->units = NEWARR(g->a, Unit, p->funcs.len + 1);
	// top-level functions first
	for (int i = 0; i < p->funcs.len; i++) {
		Func *f = p->funcs.v[i];
		if (f->info && f->info->outer)
			continue;
		Unit *u = &g->units[g->nunits++];
		vec_push(g->a, u->funcs, f);
		if (f->info)
			ptrmap_put(g->a, &g->infounit, f->info, u);
	}
	// then literals, attached to their outermost function
	for (int i = 0; i < p->funcs.len; i++) {
		Func *f = p->funcs.v[i];
		if (!f->info || !f->info->outer)
			continue;
		Unit *u = ptrmap_get(&g->infounit, root_info(f->info));
		if (!u) {
			u = &g->units[g->nunits++];
		}
		vec_push(g->a, u->funcs, f);
	}
	for (int ui = 0; ui < g->nunits; ui++) {
		Unit *u = &g->units[ui];
		for (int fi = 0; fi < u->funcs.len; fi++) {
			Func *f = u->funcs.v[fi];
			for (int bi = 0; bi < f->blocks.len; bi++) {
				Block *blk = f->blocks.v[bi];
				for (int i = 0; i < blk->values.len; i++) {
					Value *v = blk->values.v[i];
					if (v->op != OP_CALL && v->op != OP_FUNCADDR &&
					    v->op != OP_METHODVALUE)
						continue;
					Unit *c = callee_unit(g, (Obj *)v->aux);
					if (c)
						vec_push(g->a, u->calls, (int)(c - g->units));
				}
			}
		}
	}
	for (int i = 0; i < g->nunits; i++)
		if (!g->units[i].visited)
			strongconnect(g, i);
}

static void
run_batch(Graph *g, int *members, int n, int mlevel)
{
	EscBatch b = {0};
	b.arena = arena_new(256 * 1024);
	b.mlevel = mlevel;
	b.explain = mlevel >= 2 || esc_json_enabled();
	b.heap = NEW(b.arena, EscLoc);
	b.heap->kind = ELOC_HEAP;
	b.heap->escapes = true;
	leaks_init(&b.heap->leaks);
	for (int i = 0; i < n; i++) {
		Unit *u = &g->units[members[i]];
		for (int j = 0; j < u->funcs.len; j++) {
			Func *f = u->funcs.v[j];
			EscFn *e = NEW(b.arena, EscFn);
			e->f = f;
			e->info = f->info;
			if (f->info) {
				ptrmap_put(b.arena, &b.fninfo, f->info, e);
				if (f->info->obj)
					ptrmap_put(b.arena, &b.fnobj, f->info->obj, e);
			}
			vec_push(b.arena, b.fns, e);
		}
	}
	for (int i = 0; i < b.fns.len; i++) {
		EscFn *e = b.fns.v[i];
		if (e->info && e->info->outer) {
			e->outer = ptrmap_get(&b.fninfo, e->info->outer);
			e->depth = e->outer ? e->outer->depth + 1 : 0;
		}
	}
	for (int i = 0; i < b.fns.len; i++)
		esc_build_locs(&b, b.fns.v[i]);
	for (int i = 0; i < b.fns.len; i++)
		esc_build_allocs(&b, b.fns.v[i]);
	for (int i = 0; i < b.fns.len; i++)
		esc_build_edges(&b, b.fns.v[i]);
	esc_build_closures(&b);
	esc_build_heapwhy(&b);
	esc_solve(&b);
	esc_finish(&b);
	esc_dot_batch(&b);
	arena_free(b.arena);
}

// tag_extern: a function declared without a body leaks every pointer argument to the
// heap (gc assumes so unless //go:noescape, which gosub does not read), and says so.
static void
tag_extern(FuncInfo *fi, int mlevel)
{
	int n = fi->params.len + (fi->recv ? 1 : 0);
	EscLeaks *out = n ? NEWARR(perm, EscLeaks, n) : NULL;
	for (int i = 0; i < n; i++) {
		Obj *o = fi->recv ? (i == 0 ? fi->recv : fi->params.v[i - 1]) : fi->params.v[i];
		leaks_init(&out[i]);
		if (!o || !o->type || !type_has_pointers(o->type))
			continue;
		leaks_add_heap(&out[i], 0);
		if (mlevel >= 1 && o->name && o->name->name[0] && o->name->name[0] != '~' &&
		    strcmp(o->name->name, "_") != 0)
			warn_at(o->pos, "leaking param: %s", o->name->name);
	}
	fi->obj->leaks = out;
	fi->obj->nleaks = n;
}

// esc_analyze: see escape.h.
void
esc_analyze(Program *p, int mlevel)
{
	if (!p)
		return;
	for (int i = 0; p->pkg && i < p->pkg->funcs.len; i++) {
		FuncInfo *fi = p->pkg->funcs.v[i];
		if (fi && fi->obj && fi->decl && fi->decl->kind == N_FUNCDECL &&
		    !fi->decl->u.funcdecl.body)
			tag_extern(fi, mlevel);
	}
	esc_fix_origins(p);
	esc_mark_static_inits(p->pkg);
	if (mlevel >= 1)
		esc_report_devirt(p);
	Graph g = {0};
	g.a = arena_new(64 * 1024);
	build_graph(&g, p);
	for (int i = 0; i < g.sccs.len; i++)
		run_batch(&g, g.sccs.v[i].v, g.sccs.v[i].len, mlevel);
	arena_free(g.a);
	esc_json_write(p);
}
