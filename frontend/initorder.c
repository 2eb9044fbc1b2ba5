// initorder.c: package-level variable initialisation order (spec: "Package
// initialization"). While checking, the checker records references from each
// package-level variable's initialiser and from each function body to package-level
// variables and functions (initorder_note_ref). Then, repeatedly, the earliest variable
// in declaration order whose variable dependencies (direct, or through any chain of
// functions and methods) are all initialised is initialised next; a variable that
// depends on itself is an "initialization cycle" error, worded as types2 does.
// Variables declared together from one multi-valued expression are initialised together
// by their spec, which is listed once in Package.inits.
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
	if (!(to->kind == OBJ_VAR && (to->flags & OBJF_GLOBAL)) && to->kind != OBJ_FUNC)
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

typedef VEC(int) IntVec;

static bool
find_path(Graph *g, int from, int to, Bitset seen, IntVec *path)
{
	for (int k = 0; k < g->succ[from].len; k++) {
		int j = g->succ[from].v[k];
		if (j == to) {
			vec_push(perm, *path, j);
			return true;
		}
		if (bitset_has(seen, j))
			continue;
		bitset_set(seen, j);
		vec_push(perm, *path, j);
		if (find_path(g, j, to, seen, path))
			return true;
		path->len--;
	}
	return false;
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
	// cycles
	for (int i = 0; i < nv; i++) {
		Obj *v = pkgvars->v[i];
		if (spec_leader(v) != v || !bitset_has(vdeps[i], i))
			continue;
		bool reported = false;
		for (int j = 0; j < i; j++)
			if (incycle[j] && bitset_has(vdeps[j], i) && bitset_has(vdeps[i], j))
				reported = true;
		incycle[i] = true;
		if (reported)
			continue;
		IntVec path = {0};
		Bitset seen = bitset_new(perm, g.n);
		find_path(&g, i, i, seen, &path);
		char *msg = arena_sprintf(perm, "initialization loop for %s", v->name->name);
		msg = arena_sprintf(perm, "%s\n\t%s: %s refers to", msg, pos_string(v->pos), v->name->name);
		for (int k = 0; k < path.len - 1; k++) {
			Obj *o = g.nodes[path.v[k]];
			msg = arena_sprintf(perm, "%s\n\t%s: %s refers to", msg, pos_string(o->pos),
					    o->name->name);
		}
		msg = arena_sprintf(perm, "%s\n\t%s: %s", msg, pos_string(v->pos), v->name->name);
		error_at(v->pos, "%s", msg);
	}
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
