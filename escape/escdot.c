// escdot.c: the escape graph of one function as Graphviz DOT, for learners: every
// location of the function (and of its func literals) is a node, every edge dst <- src
// an arrow src -> dst labelled with its dereferences the way -m=2 writes flows ("&" for
// an address-of, "" for a copy, "*" per load).
//
// Nodes say what the solver decided: an allocation "heap" (red) or "stack" (green), a
// variable "moved to heap" (red), a parameter its leak summary ("leaks to {heap}",
// "leaks to ~r0 level=0", "does not escape"). The heap is a red double octagon;
// locations gc does not have ({temp}, spill slots the builder made) are grey and dashed,
// so the paths through them stay connected; locations of other functions that an edge
// touches are grey boxes named with their function. An edge esc_flow did not store
// because its destination already escaped (EscBatch.direct) is drawn bold: it is how
// its source reached the heap.
//
// Each node of the function with a position has the DOT id "dot_L<line>.l<id>": the
// explorer page turns it into a link to that source line (ssahtml.c's svg_classes).
//
// The graph is written while its batch is alive (esc.c calls esc_dot_batch after solving
// and reporting) and kept as one string; output follows location ids (creation order),
// so it is deterministic. Shown by: `gosub ssa -dot esc -func F file.go` and the escape
// panel of the explorer page.
#define _DEFAULT_SOURCE // open_memstream
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

static const char *dot_func; // the function asked for (ssa_func_matches), or NULL
static const char *dot_text; // its graph, once its batch has run

// esc_set_dot: see escape.h.
void
esc_set_dot(const char *funcname)
{
	dot_func = funcname;
	dot_text = NULL;
}

// esc_dot: see escape.h.
const char *
esc_dot(void)
{
	return dot_text;
}

// in_func: l belongs to e or to one of e's func literals.
static bool
in_func(EscLoc *l, EscFn *e)
{
	for (EscFn *f = l->fn; f != NULL; f = f->outer)
		if (f == e)
			return true;
	return false;
}

static void
put_label(FILE *out, const char *text)
{
	ssa_dot_label(out, text, strlen(text));
}

static const char *
result_name(EscFn *e, int j)
{
	EscLoc *r = j < e->results.len ? e->results.v[j] : NULL;
	return r ? esc_loc_string(r) : "~r?";
}

// leak_summary: a parameter's solved leaks, in -m's words.
static const char *
leak_summary(EscBatch *b, EscLoc *l)
{
	if (l->escapes)
		return "moved to heap";
	const EscLeaks *k = &l->leaks;
	if (leaks_empty(k))
		return "does not escape\n";
	const char *s = "";
	if (k->heap >= 0)
		s = arena_sprintf(b->arena, "leaks to {heap} level=%d\n", k->heap);
	for (int j = 0; j < ESC_NUM_RESULTS; j++)
		if (k->result[j] >= 0)
			s = arena_sprintf(b->arena, "%sleaks to %s level=%d\n", s,
					  result_name(l->fn, j), k->result[j]);
	return s;
}

static void
write_node(FILE *out, EscBatch *b, EscLoc *l, EscFn *e)
{
	Pos p = esc_loc_pos(b, l);
	const char *line = p.line ? arena_sprintf(b->arena, "line %d\n", p.line) : "";
	if (l->kind == ELOC_HEAP) {
		fputs("  heap [label=\"{heap}\", shape=doubleoctagon, color=red, fontcolor=red];\n",
		      out);
		return;
	}
	fprintf(out, "  l%d [", l->id);
	if (p.line) // the explorer page links the node to its source line by this id
		fprintf(out, "id=\"dot_L%d.l%d\", ", p.line, l->id);
	if (!in_func(l, e)) {
		const char *fn = l->fn && l->fn->f && l->fn->f->name ? l->fn->f->name : "?";
		fputs("style=filled, fillcolor=\"#eeeeee\", color=grey, label=\"", out);
		put_label(out, arena_sprintf(b->arena, "%s\n(in %s)\n", esc_loc_name(l), fn));
		fputs("\"];\n", out);
		return;
	}
	if (esc_is_hidden(l)) {
		fputs("style=dashed, color=grey, fontcolor=grey, label=\"", out);
		put_label(out, arena_sprintf(b->arena, "%s\n%s", esc_loc_string(l), line));
		fputs("\"];\n", out);
		return;
	}
	const char *name = esc_loc_name(l), *what = "";
	bool heap = l->escapes;
	switch (l->kind) {
	case ELOC_ALLOC:
		name = esc_loc_string(l);
		what = heap ? "heap\n" : "stack\n";
		break;
	case ELOC_VAR:
		what = heap ? "moved to heap\n" : "";
		break;
	case ELOC_PARAM:
		what = leak_summary(b, l);
		break;
	case ELOC_RESULT:
		what = "result\n";
		break;
	default:
		break;
	}
	fprintf(out, "shape=%s, style=filled, fillcolor=\"%s\", label=\"",
		l->kind == ELOC_ALLOC ? "box" : "ellipse",
		heap ? "#ffd0d0" : l->kind == ELOC_ALLOC ? "#d0f0d0" : "#ffffff");
	put_label(out, arena_sprintf(b->arena, "%s\n%s%s", name, line, what));
	fputs("\"];\n", out);
}

static const char *
node_name(EscBatch *b, EscLoc *l)
{
	return l->kind == ELOC_HEAP ? "heap" : arena_sprintf(b->arena, "l%d", l->id);
}

// Edge iteration: the stored edges of every location (the heap first), then the direct
// ones esc_flow did not store.
typedef struct EdgeIter {
	EscBatch *b;
	int loc, k;       // stored: location index (0 the heap), edge index
	int direct;       // direct edges: index
} EdgeIter;

static bool
next_edge(EdgeIter *it, EscLoc **dst, EscEdge **e, bool *direct)
{
	EscBatch *b = it->b;
	while (it->loc <= b->locs.len) {
		EscLoc *d = it->loc == 0 ? b->heap : b->locs.v[it->loc - 1];
		if (it->k < d->edges.len) {
			*dst = d;
			*e = &d->edges.v[it->k++];
			*direct = false;
			return true;
		}
		it->loc++;
		it->k = 0;
	}
	if (it->direct < b->direct.len) {
		EscDirect *d = &b->direct.v[it->direct++];
		*dst = d->dst;
		*e = &d->e;
		*direct = true;
		return true;
	}
	return false;
}

// write_graph writes the graph of e and its literals.
static void
write_graph(FILE *out, EscBatch *b, EscFn *e)
{
	bool *shown = NEWARR(b->arena, bool, b->locs.len + 1); // by id; the heap is 0
	VEC(EscLoc *) nodes = {0};
	for (int i = 0; i < b->locs.len; i++) {
		EscLoc *l = b->locs.v[i];
		if (in_func(l, e)) {
			shown[l->id] = true;
			vec_push(b->arena, nodes, l);
		}
	}
	// locations outside e that an edge touches
	EdgeIter it = {b, 0, 0, 0};
	EscLoc *dst;
	EscEdge *ed;
	bool direct;
	while (next_edge(&it, &dst, &ed, &direct)) {
		if (!in_func(dst, e) && !in_func(ed->src, e))
			continue;
		EscLoc *other = in_func(dst, e) ? ed->src : dst;
		if (!shown[other->id]) {
			shown[other->id] = true;
			vec_push(b->arena, nodes, other);
		}
	}
	fputs("digraph \"", out);
	put_label(out, e->f->name);
	fputs("\" {\n  label=\"escape graph: ", out);
	put_label(out, e->f->name);
	fputs(" (arrow src -> dst: dst = src; & address, * load; bold: escaped at once)\";\n"
	      "  labelloc=t;\n"
	      "  node [fontname=\"monospace\", fontsize=10];\n"
	      "  edge [fontname=\"monospace\", fontsize=10];\n", out);
	for (int i = 0; i < nodes.len; i++)
		write_node(out, b, nodes.v[i], e);
	it = (EdgeIter){b, 0, 0, 0};
	while (next_edge(&it, &dst, &ed, &direct)) {
		if (!in_func(dst, e) && !in_func(ed->src, e))
			continue;
		const char *ops = ed->derefs < 0 ? "&" : "";
		for (int d = 0; d < ed->derefs && d < 8; d++)
			ops = arena_sprintf(b->arena, "%s*", ops);
		fprintf(out, "  %s -> %s [label=\"%s\"%s%s];\n", node_name(b, ed->src),
			node_name(b, dst), ops, dst->kind == ELOC_HEAP ? ", color=red" : "",
			direct ? ", style=bold" : "");
	}
	fputs("}\n", out);
}

// esc_dot_batch: see escpriv.h.
void
esc_dot_batch(EscBatch *b)
{
	if (!dot_func || dot_text)
		return;
	for (int i = 0; i < b->fns.len; i++) {
		EscFn *e = b->fns.v[i];
		if (!ssa_func_matches(e->f, dot_func))
			continue;
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (!m)
			return;
		write_graph(m, b, e);
		fclose(m);
		dot_text = arena_strndup(perm, buf, len);
		free(buf);
		return;
	}
}
