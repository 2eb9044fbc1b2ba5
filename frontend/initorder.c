// initorder.c: package-level variable initialisation order (spec: "Package
// initialization"). While checking, the checker records references from each
// package-level variable's initialiser and from each function body to package-level
// variables and functions (initorder_note_ref). Then, repeatedly, the earliest variable
// in declaration order whose variable dependencies (direct, or through any chain of
// functions and methods) are all initialised is initialised next.
// Variables declared together from one multi-valued expression are initialised together
// by their spec, which is listed once in Package.inits.
//
// Cycles are found as types2's initOrder finds them, so that gc's "initialization loop"
// errors come out for the same objects and paths: the dependency graph of package-level
// constants, variables and functions; function nodes are removed, each predecessor
// linked to each successor; then nodes are taken in order of fewest remaining
// dependencies (ties: source order). A node taken while it still has dependencies is on
// a cycle or depends on one; a depth-first search over the recorded references (through
// functions too) from the node back to itself gives the path to report.
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

typedef struct Dep {
	Obj *from; // variable (first of its spec) or function
	Obj *to;   // referenced package-level variable or function
} Dep;

static VEC(Dep) deps;
static Obj *current;

// initorder_current returns the object whose initialiser or body is being checked.
Obj *
initorder_current(void)
{
	return current;
}

// initorder_set_current sets the object whose references are being recorded.
void
initorder_set_current(Obj *o)
{
	current = o;
}

// initorder_note_ref records that from's initialiser or body refers to to.
void
initorder_note_ref(Obj *from, Obj *to)
{
	if (!from || !to || to->pkg != tc_pkg || from->pkg != tc_pkg)
		return;
	if (!(to->kind == OBJ_VAR && (to->flags & OBJF_GLOBAL)) && to->kind != OBJ_FUNC &&
	    to->kind != OBJ_CONST)
		return;
	for (int i = deps.len - 1; i >= 0 && i >= deps.len - 8; i--)
		if (deps.v[i].from == from && deps.v[i].to == to)
			return;
	Dep d = {from, to};
	vec_push(perm, deps, d);
}

typedef struct Graph {
	Obj **nodes; // vars and funcs
	int n;
	VEC(int) *succ;
} Graph;

static int
node_index(Graph *g, Obj *o)
{
	for (int i = 0; i < g->n; i++)
		if (g->nodes[i] == o)
			return i;
	return -1;
}

static Obj *
spec_leader(Obj *v)
{
	Node *spec = v->decl;
	if (!spec || spec->kind != N_VALUESPEC || spec->u.value.names.len == 0)
		return v;
	Obj *first = spec->u.value.names.v[0]->u.ident.obj;
	return first ? first : v;
}

// reach marks in seen every node reachable from i, walking through functions only
// (a variable reached is recorded but not walked through).
static void
reach(Graph *g, int i, Bitset seen, Bitset vars)
{
	for (int k = 0; k < g->succ[i].len; k++) {
		int j = g->succ[i].v[k];
		if (bitset_has(seen, j))
			continue;
		bitset_set(seen, j);
		if (g->nodes[j]->kind == OBJ_VAR)
			bitset_set(vars, j);
		else
			reach(g, j, seen, vars);
	}
}

// ---- cycles, the types2 way ----

typedef struct CNode {
	Obj *obj;
	Bitset succ, pred; // over CNode indices
	int ndeps;
	bool done;
} CNode;

typedef struct CGraph {
	VEC(CNode) n;
} CGraph;

typedef VEC(Obj *) ObjVec;

static int
cnode_index(CGraph *g, Obj *o)
{
	for (int i = 0; i < g->n.len; i++)
		if (g->n.v[i].obj == o)
			return i;
	return -1;
}

// deps_from returns the object whose recorded references stand for o's (the first
// variable of a multi-variable spec).
static Obj *
deps_from(Obj *o)
{
	return o->kind == OBJ_VAR ? spec_leader(o) : o;
}

// cycle_path: types2's findPath, a depth-first search over the recorded references from
// from to to; the path comes back reversed (to first), as types2 builds it.
static bool
cycle_path(CGraph *g, Obj *from, Obj *to, Bitset seen, ObjVec *path)
{
	int fi = cnode_index(g, from);
	if (fi < 0 || bitset_has(seen, fi))
		return false;
	bitset_set(seen, fi);
	Obj *src = deps_from(from);
	for (int i = 0; i < deps.len; i++) {
		if (deps.v[i].from != src)
			continue;
		Obj *d = deps.v[i].to;
		if (d == to) {
			vec_push(perm, *path, d);
			return true;
		}
		if (cycle_path(g, d, to, seen, path)) {
			vec_push(perm, *path, d);
			return true;
		}
	}
	return false;
}

// report_cycle: types2's reportCycle (compiler wording).
static void
report_cycle(Obj **cycle, int n)
{
	Obj *o = cycle[0];
	char *msg = arena_sprintf(perm, "initialization loop for %s", o->name->name);
	for (int i = n - 1; i >= 0; i--) {
		msg = arena_sprintf(perm, "%s\n\t%s: %s refers to", msg, pos_string(o->pos),
				    o->name->name);
		o = cycle[i];
	}
	msg = arena_sprintf(perm, "%s\n\t%s: %s", msg, pos_string(o->pos), o->name->name);
	error_at(cycle[0]->pos, "%s", msg);
}

static void
report_cycles(ObjList *pkgvars)
{
	CGraph g = {0};
	// nodes: the package-level variables, and every constant and function that takes
	// part in a reference
	for (int i = 0; i < pkgvars->len; i++) {
		CNode c = {.obj = pkgvars->v[i]};
		vec_push(perm, g.n, c);
	}
	for (int i = 0; i < deps.len; i++) {
		Obj *os[2] = {deps.v[i].from, deps.v[i].to};
		for (int k = 0; k < 2; k++)
			if (os[k]->kind != OBJ_VAR && cnode_index(&g, os[k]) < 0) {
				CNode c = {.obj = os[k]};
				vec_push(perm, g.n, c);
			}
	}
	int n = g.n.len;
	for (int i = 0; i < n; i++) {
		g.n.v[i].succ = bitset_new(perm, n);
		g.n.v[i].pred = bitset_new(perm, n);
	}
	for (int i = 0; i < n; i++) {
		Obj *src = deps_from(g.n.v[i].obj);
		for (int k = 0; k < deps.len; k++) {
			if (deps.v[k].from != src)
				continue;
			int j = cnode_index(&g, deps.v[k].to);
			if (j < 0)
				continue;
			bitset_set(g.n.v[i].succ, j);
			bitset_set(g.n.v[j].pred, i);
		}
	}
	// remove the function nodes, linking their predecessors to their successors
	for (int f = 0; f < n; f++) {
		CNode *fn = &g.n.v[f];
		if (fn->obj->kind != OBJ_FUNC)
			continue;
		for (int p = 0; p < n; p++) {
			if (p == f || !bitset_has(fn->pred, p))
				continue;
			for (int s2 = 0; s2 < n; s2++) {
				if (s2 == f || !bitset_has(fn->succ, s2))
					continue;
				bitset_set(g.n.v[p].succ, s2);
				bitset_set(g.n.v[s2].pred, p);
			}
			bitset_clear(g.n.v[p].succ, f);
		}
		for (int s2 = 0; s2 < n; s2++)
			if (bitset_has(fn->succ, s2))
				bitset_clear(g.n.v[s2].pred, f);
		fn->done = true;
	}
	int left = 0;
	for (int i = 0; i < n; i++) {
		if (g.n.v[i].done)
			continue;
		g.n.v[i].ndeps = bitset_count(g.n.v[i].succ);
		left++;
	}
	for (; left > 0; left--) {
		int pick = -1;
		for (int i = 0; i < n; i++) {
			CNode *c = &g.n.v[i];
			if (c->done)
				continue;
			if (pick < 0 || c->ndeps < g.n.v[pick].ndeps ||
			    (c->ndeps == g.n.v[pick].ndeps && pos_cmp(c->obj->pos, g.n.v[pick].obj->pos) < 0))
				pick = i;
		}
		CNode *c = &g.n.v[pick];
		c->done = true;
		if (c->ndeps > 0) {
			ObjVec path = {0};
			if (cycle_path(&g, c->obj, c->obj, bitset_new(perm, n), &path))
				report_cycle(path.v, path.len);
		}
		for (int p = 0; p < n; p++)
			if (bitset_has(c->pred, p) && !g.n.v[p].done)
				g.n.v[p].ndeps--;
	}
}

// initorder_compute fills pkg->globals and pkg->inits. pkgvars: package-level variables
// in declaration order.
void
initorder_compute(Package *pkg, ObjList *pkgvars)
{
	// nodes: all vars, then all funcs that appear in deps
	VEC(Obj *) nodes = {0};
	for (int i = 0; i < pkgvars->len; i++)
		vec_push(perm, nodes, pkgvars->v[i]);
	for (int i = 0; i < deps.len; i++) {
		Obj *os[2] = {deps.v[i].from, deps.v[i].to};
		for (int k = 0; k < 2; k++)
			if (os[k]->kind == OBJ_FUNC) {
				bool have = false;
				for (int j = pkgvars->len; j < nodes.len; j++)
					if (nodes.v[j] == os[k])
						have = true;
				if (!have)
					vec_push(perm, nodes, os[k]);
			}
	}
	Graph g = {nodes.v, nodes.len, NULL};
	g.succ = NEWARR(perm, __typeof__(*g.succ), nodes.len + 1);
	for (int i = 0; i < deps.len; i++) {
		int a = node_index(&g, deps.v[i].from), b = node_index(&g, deps.v[i].to);
		if (a < 0 || b < 0)
			continue;
		vec_push(perm, g.succ[a], b);
		// every variable of a spec shares the leader's dependencies
	}
	int nv = pkgvars->len;
	Bitset *vdeps = NEWARR(perm, Bitset, nv + 1);
	bool *incycle = NEWARR(perm, bool, nv + 1);
	for (int i = 0; i < nv; i++) {
		Obj *lead = spec_leader(pkgvars->v[i]);
		int li = node_index(&g, lead);
		Bitset seen = bitset_new(perm, g.n);
		vdeps[i] = bitset_new(perm, g.n);
		reach(&g, li < 0 ? i : li, seen, vdeps[i]);
		// variables of the same spec do not depend on each other
		for (int j = 0; j < nv; j++)
			if (j != i && spec_leader(pkgvars->v[j]) == lead && !bitset_has(vdeps[i], i))
				bitset_clear(vdeps[i], j);
	}
	for (int i = 0; i < nv; i++) {
		Obj *v = pkgvars->v[i];
		incycle[i] = spec_leader(v) == v && bitset_has(vdeps[i], i);
	}
	report_cycles(pkgvars);
	// order
	bool *done = NEWARR(perm, bool, nv + 1);
	int ndone = 0;
	while (ndone < nv) {
		int pick = -1;
		for (int i = 0; i < nv && pick < 0; i++) {
			if (done[i])
				continue;
			bool ready = true;
			for (int j = 0; j < nv && ready; j++)
				if (j != i && !done[j] && bitset_has(vdeps[i], j) &&
				    spec_leader(pkgvars->v[j]) != spec_leader(pkgvars->v[i]))
					ready = false;
			if (ready || incycle[i])
				pick = i;
		}
		if (pick < 0) {
			for (int i = 0; i < nv; i++)
				if (!done[i]) {
					pick = i;
					break;
				}
		}
		Obj *lead = spec_leader(pkgvars->v[pick]);
		Node *spec = lead->decl;
		// initialise the whole spec together
		for (int i = 0; i < nv; i++)
			if (!done[i] && spec_leader(pkgvars->v[i]) == lead) {
				done[i] = true;
				ndone++;
				vec_push(perm, pkg->globals, pkgvars->v[i]);
			}
		if (spec && spec->kind == N_VALUESPEC && spec->u.value.values.len > 0)
			vec_push(perm, pkg->inits, spec);
	}
	for (int i = 0; i < pkgvars->len; i++)
		pkgvars->v[i]->index = i; // declaration order
	deps.len = 0;
	current = NULL;
}
