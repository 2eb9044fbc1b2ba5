// escexplain.c: gc's -m=2 explanations: why a value flows where it does.
//
// gc (cmd/compile/internal/escape, Go 1.19) prints, with -m=2, to stdout and in the order
// the analysis meets them:
//   - "X escapes to heap:" when an address flows into something that already escapes
//     (while the graph is built) or when the solver finds it (escsolve.c), and
//     "parameter p leaks to {heap} with derefs=N:" when the solver finds a leak;
//   - after each of these the path from the location to the root, one
//     "  flow: dst = &src:" line per edge, and under each flow one
//     "    from EXPR (WHY) at POS" line per expression step of that edge, innermost first.
// gc keeps those steps ("notes") on every edge while it walks the syntax tree. gosub's
// edges come from SSA values, so the notes are derived here, on demand, from the AST:
// the edge's SSA value gives the context (an assignment, a call argument, a return, the
// operand of an interface conversion, a composite literal's element, a closure's
// capture) and the expression of that context is searched for the edge's source with
// gc's rules (exprSkipInit): &x "address-of", *p "indirection", x.f "dot", p.f "dot of
// pointer", a[i] "fixed-array-index-of" or "dot of pointer", s[i:j] "slice", x.(T) "dot",
// conversions to interfaces "interface-converted", allocations "spill", literal
// elements, and the statement words ("assign", "assign-pair", "return", "range-deref").
// gc's call result holders are holes, not locations: a flow through a {temp} of gosub's
// is printed as one flow, the notes of both edges joined.
//
// Explanations stop at a location met twice (gc's golang.org/issue/35518 warning), so
// negative-dereference cycles cannot loop. Everything here only prints; nothing changes
// the analysis.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

#define MAX_NOTES 48

typedef struct Note {
	const char *text; // how gc prints the node
	const char *why;  // gc's word
	Pos pos;          // where gc reports the node
} Note;

typedef struct Notes {
	Note v[MAX_NOTES]; // outermost first; printed innermost first
	int n;
} Notes;

typedef struct Ctx {
	EscBatch *b;
	EscFn *e;     // the function whose code is searched
	EscLoc *src;  // the location searched for
	Notes *ns;
} Ctx;

// TEMP_MARK: a pseudo-note placed after append's "call parameter" when the walk goes on
// into append's first operand, which gc passes through a temporary (esc_explain_flow
// splits the flow there; the mark is never printed).
static const char TEMP_MARK[] = "(append temporary)";

static void
push(Notes *ns, const char *text, const char *why, Pos pos)
{
	if (ns->n < MAX_NOTES)
		ns->v[ns->n++] = (Note){text, why, pos};
}

// ---- output ----

// esc_print prints -m=2 output on stdout, at once (gc prints these with fmt.Printf).
void
esc_print(EscBatch *b, const char *fmt, ...)
{
	if (b->mlevel < 2)
		return;
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

// esc_warn reports an -m line at once, in the order of the analysis (gc flushes each
// warning when it is made at -m, so its lines are not sorted by position); without -m
// (a NULL or silent batch) through warn_at.
void
esc_warn(EscBatch *b, Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (b && b->mlevel >= 1) {
		const char *line = arena_sprintf(b->arena, "%s: %s", pos_string(pos), buf);
		if (b->lastwarn && strcmp(b->lastwarn, line) == 0 && strstr(line, "self-assignment"))
			return; // one self-assignment statement stores several words
		b->lastwarn = line;
		diag_flush();
		// the streams are the ones gosub always used: -m on stderr (as `go build
		// -gcflags=-m` shows it), -m=2 on stdout with its explanations
		FILE *out = b->mlevel >= 2 ? stdout : stderr;
		fprintf(out, "%s\n", line);
		fflush(out);
		return;
	}
	warn_at(pos, "%s", buf);
}

// ---- small helpers ----

// func_name: gc's name of a function in messages ("f", "(*T).M", "f.func1").
static const char *
func_name(EscFn *e)
{
	const char *n = e->info && e->info->name ? e->info->name : e->f->name;
	if (!n)
		return "?";
	const char *dot = strchr(n, '.');
	return dot ? dot + 1 : n;
}

static Node *
unparen(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	return n;
}

static Type *
under(Type *t)
{
	return t ? type_under(t) : NULL;
}

static bool
is_kind(Type *t, TypeKind k)
{
	Type *u = under(t);
	return u && u->kind == k;
}

// is_iface_conv: n is an explicit conversion to an interface type, I(x).
static bool
is_iface_conv(Node *n)
{
	return n && n->kind == N_CALL && n->u.call.kind == CALL_CONV && n->u.call.args.len == 1 &&
	       n->type && type_is_interface(n->type);
}

// esc_fn_of: see escpriv.h.
EscFn *
esc_fn_of(EscBatch *b, Value *v)
{
	if (!v || !v->block)
		return NULL;
	Func *f = v->block->func;
	for (int i = 0; i < b->fns.len; i++)
		if (b->fns.v[i]->f == f)
			return b->fns.v[i];
	return NULL;
}

static const char *
list_string(Arena *a, NodeList *l)
{
	const char *s = "";
	for (int i = 0; i < l->len; i++)
		s = arena_sprintf(a, "%s%s%s", s, i ? ", " : "", expr_string(l->v[i]));
	return s;
}

// stmt_text renders a statement as gc's notes print it.
static const char *
stmt_text(Arena *a, Node *st)
{
	switch (st->kind) {
	case N_ASSIGN:
		return arena_sprintf(a, "%s %s%s %s", list_string(a, &st->u.assign.lhs),
				     st->u.assign.op != AOP_NONE ? aop_string[st->u.assign.op] : "",
				     st->u.assign.define ? ":=" : "=", list_string(a, &st->u.assign.rhs));
	case N_VALUESPEC:
		return arena_sprintf(a, "%s = %s", list_string(a, &st->u.value.names),
				     list_string(a, &st->u.value.values));
	case N_RETURN:
		return st->u.list.len ? arena_sprintf(a, "return %s", list_string(a, &st->u.list))
				      : "return";
	case N_RANGE:
	case N_FOR:
		return "for loop";
	case N_SEND:
		return arena_sprintf(a, "%s <- %s", expr_string(st->u.binary.x),
				     expr_string(st->u.binary.y));
	case N_EXPRSTMT:
		return expr_string(st->u.x);
	default:
		return "?";
	}
}

// ---- the statement index: node -> statement ----

static void index_stmt(EscBatch *b, Node *n);

static void
index_list(EscBatch *b, NodeList *l, Node *st)
{
	for (int i = 0; i < l->len; i++)
		if (l->v[i])
			ptrmap_put(b->arena, &b->stmtof, l->v[i], st);
}

static void
index_stmts(EscBatch *b, NodeList *l)
{
	for (int i = 0; i < l->len; i++)
		index_stmt(b, l->v[i]);
}

static void
index_stmt(EscBatch *b, Node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_ASSIGN:
		index_list(b, &n->u.assign.lhs, n);
		index_list(b, &n->u.assign.rhs, n);
		break;
	case N_RETURN: {
		index_list(b, &n->u.list, n);
		ptrmap_put(b->arena, &b->stmtof, n, n);
		EscReturn r = {b->indexfn, n};
		vec_push(b->arena, b->returns, r);
		break;
	}
	case N_SEND:
		if (n->u.binary.y)
			ptrmap_put(b->arena, &b->stmtof, n->u.binary.y, n);
		break;
	case N_DECLSTMT:
		for (int i = 0; i < n->u.list.len; i++) {
			Node *spec = n->u.list.v[i];
			if (!spec || spec->kind != N_VALUESPEC || spec->u.value.isconst)
				continue;
			index_list(b, &spec->u.value.names, spec);
			index_list(b, &spec->u.value.values, spec);
		}
		break;
	case N_BLOCK:
		index_stmts(b, &n->u.block.stmts);
		break;
	case N_LABELED:
		index_stmt(b, n->u.labeled.stmt);
		break;
	case N_IF:
		index_stmt(b, n->u.ifs.init);
		index_stmt(b, n->u.ifs.then);
		index_stmt(b, n->u.ifs.els);
		break;
	case N_FOR:
		index_stmt(b, n->u.fors.init);
		index_stmt(b, n->u.fors.post);
		index_stmt(b, n->u.fors.body);
		break;
	case N_RANGE:
		if (n->u.range.key)
			ptrmap_put(b->arena, &b->stmtof, n->u.range.key, n);
		if (n->u.range.value)
			ptrmap_put(b->arena, &b->stmtof, n->u.range.value, n);
		ptrmap_put(b->arena, &b->stmtof, n, n);
		index_stmt(b, n->u.range.body);
		break;
	case N_TYPESWITCH:
		for (int i = 0; i < n->u.sw.body.len; i++) {
			Node *cl = n->u.sw.body.v[i];
			if (cl && cl->kind == N_CASECLAUSE && cl->u.clause.obj) {
				ptrmap_put(b->arena, &b->caseof, cl->u.clause.obj, cl);
				ptrmap_put(b->arena, &b->caseof, cl, n);
			}
		}
		// fallthrough
	case N_SWITCH:
	case N_SELECT:
		index_stmt(b, n->u.sw.init);
		for (int i = 0; i < n->u.sw.body.len; i++)
			index_stmt(b, n->u.sw.body.v[i]);
		break;
	case N_CASECLAUSE:
	case N_COMMCLAUSE:
		if (n->kind == N_COMMCLAUSE)
			index_stmts(b, &n->u.clause.list);
		index_stmts(b, &n->u.clause.body);
		break;
	default:
		break;
	}
}

static void
build_index(EscBatch *b)
{
	if (b->indexed)
		return;
	b->indexed = true;
	for (int i = 0; i < b->fns.len; i++) {
		EscFn *e = b->fns.v[i];
		Node *d = e->info ? e->info->decl : NULL;
		b->indexfn = e;
		if (d && d->kind == N_FUNCDECL)
			index_stmt(b, d->u.funcdecl.body);
		else if (d && d->kind == N_FUNCLIT)
			index_stmt(b, d->u.func.body);
		Func *f = e->f;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *blk = f->blocks.v[bi];
			for (int k = 0; k < blk->values.len; k++) {
				Value *v = blk->values.v[k];
				if (v->op == OP_MAKEIFACE && v->origin && e->live[blk->id] &&
				    !ptrmap_get(&b->ifaceat, v->origin))
					ptrmap_put(b->arena, &b->ifaceat, v->origin, v);
			}
		}
	}
}

// ---- the expression search (gc's exprSkipInit, for notes only) ----

static bool walk(Ctx *c, Node *n);

static bool
is_alloc_node(Ctx *c, Node *n)
{
	EscLoc *s = c->src;
	return s->kind == ELOC_ALLOC && s->val && s->val->origin == n;
}

static Pos
report_pos(EscBatch *b, Value *v)
{
	EscFn *e = esc_fn_of(b, v);
	return e ? esc_report_pos(b, e, v) : v->pos;
}

// walk_kind: the search at n, its conversion to an interface already handled.
static bool
walk_kind(Ctx *c, Node *n)
{
	int mark = c->ns->n;
	bool found = false;
	switch (n->kind) {
	case N_PAREN:
		return walk(c, n->u.x);
	case N_IDENT:
		return c->src->obj && n->u.ident.obj == c->src->obj;
	case N_UNARY:
		if (n->u.unary.op != AOP_ADDR)
			return false;
		if (unparen(n->u.unary.x) && unparen(n->u.unary.x)->kind == N_COMPOSITE)
			return false; // &T{...}: a location of its own
		push(c->ns, expr_string(n), "address-of", n->pos);
		found = walk(c, n->u.unary.x);
		break;
	case N_STAR:
		push(c->ns, expr_string(n), "indirection", n->pos);
		found = walk(c, n->u.x);
		break;
	case N_SELECTOR:
		if (n->u.sel.sel.kind != SEL_FIELD)
			return false;
		push(c->ns, expr_string(n), is_kind(n->u.sel.x->type, TY_POINTER) ? "dot of pointer"
										    : "dot",
		     n->pos);
		found = walk(c, n->u.sel.x);
		break;
	case N_INDEX: {
		Type *xt = under(n->u.index.x->type);
		if (!xt || xt->kind == TY_MAP || xt->kind == TY_STRING)
			return false;
		push(c->ns, expr_string(n), xt->kind == TY_ARRAY ? "fixed-array-index-of"
								  : "dot of pointer",
		     n->pos);
		found = walk(c, n->u.index.x);
		break;
	}
	case N_SLICEEXPR:
		push(c->ns, expr_string(n), "slice", n->pos);
		found = walk(c, n->u.slice.x);
		break;
	case N_TYPEASSERT:
		push(c->ns, expr_string(n), "dot", n->pos);
		found = walk(c, n->u.assert.x);
		break;
	case N_CALL:
		if (n->u.call.kind == CALL_CONV && n->u.call.args.len == 1) {
			Type *from = n->u.call.args.v[0]->type;
			if (is_kind(from, TY_STRING) || is_kind(n->type, TY_STRING))
				return false; // string conversions copy (or are their own location)
			return walk(c, n->u.call.args.v[0]);
		}
		if (n->u.call.kind == CALL_BUILTIN && n->u.call.builtin == BI_APPEND &&
		    n->u.call.args.len > 0) {
			push(c->ns, expr_string(n), "call parameter", n->pos);
			push(c->ns, "", TEMP_MARK, n->pos);
			found = walk(c, n->u.call.args.v[0]);
			break;
		}
		return c->src->kind == ELOC_TEMP && c->src->val && c->src->val->origin == n;
	case N_COMPOSITE: {
		Type *t = under(n->type);
		if (!t || (t->kind != TY_STRUCT && t->kind != TY_ARRAY))
			return false; // slice and map literals are locations of their own
		const char *why = t->kind == TY_STRUCT ? "struct literal element"
						       : "array literal element";
		for (int i = 0; i < n->u.comp.elts.len && !found; i++) {
			Node *el = n->u.comp.elts.v[i];
			if (el && el->kind == N_KEYVALUE)
				el = el->u.kv.value;
			push(c->ns, expr_string(n), why, n->pos);
			found = walk(c, el);
			if (!found)
				c->ns->n = mark;
		}
		break;
	}
	default:
		return false;
	}
	if (!found)
		c->ns->n = mark;
	return found;
}

// is_hidden: allocations gc has no location for (gosub's spilled temporaries): flows
// through them are folded into one, and reaching them needs no "spill" note.
bool
esc_is_hidden(EscLoc *l)
{
	return l->kind == ELOC_TEMP ||
	       (l->kind == ELOC_ALLOC && l->val && l->val->op == OP_ALLOC &&
		l->val->auxint == ALLOC_TEMP && !esc_reported(l->val));
}

// walk_alloc: the search at n, its conversion to an interface already handled.
static bool
walk_alloc(Ctx *c, Node *n)
{
	if (is_alloc_node(c, n)) {
		if (!esc_is_hidden(c->src))
			push(c->ns, expr_string(n), "spill", report_pos(c->b, c->src->val));
		return true;
	}
	return walk_kind(c, n);
}

// walk searches expression n for the source location, pushing gc's notes on the way.
static bool
walk(Ctx *c, Node *n)
{
	if (!n)
		return false;
	Value *mi = ptrmap_get(&c->b->ifaceat, n);
	if (mi) {
		EscFn *me = esc_fn_of(c->b, mi);
		EscLoc *box = me ? me->alloc[mi->id] : NULL;
		if (box) {
			if (c->src != box)
				return false; // boxed: the box is a location of its own
			push(c->ns, expr_string(n), "spill", report_pos(c->b, mi));
			return true;
		}
		int mark = c->ns->n;
		push(c->ns, expr_string(n), "interface-converted", report_pos(c->b, mi));
		bool found = is_iface_conv(n) ? walk(c, n->u.call.args.v[0]) : walk_alloc(c, n);
		if (!found)
			c->ns->n = mark;
		return found;
	}
	return walk_alloc(c, n);
}

// ---- contexts ----

// ast_find: the first node of n (in source order) for which pred holds, or NULL.
static Node *
ast_find(Node *n, bool (*pred)(Node *, void *), void *arg, int depth)
{
	if (!n || depth > 1000)
		return NULL;
	if (pred(n, arg))
		return n;
	Node *r = NULL;
#define TRY(x)                                             \
	do {                                               \
		if (!r)                                    \
			r = ast_find((x), pred, arg, depth + 1);  \
	} while (0)
#define TRYL(l)                                            \
	for (int i_ = 0; !r && i_ < (l).len; i_++)         \
		r = ast_find((l).v[i_], pred, arg, depth + 1)
	switch (n->kind) {
	case N_COMPOSITE: TRYL(n->u.comp.elts); break;
	case N_FUNCLIT: TRY(n->u.func.body); break;
	case N_PAREN: case N_STAR: case N_EXPRSTMT: case N_GO: case N_DEFER:
		TRY(n->u.x);
		break;
	case N_SELECTOR: TRY(n->u.sel.x); break;
	case N_INDEX: TRY(n->u.index.x); TRYL(n->u.index.index); break;
	case N_SLICEEXPR:
		TRY(n->u.slice.x); TRY(n->u.slice.lo); TRY(n->u.slice.hi); TRY(n->u.slice.max);
		break;
	case N_TYPEASSERT: TRY(n->u.assert.x); break;
	case N_CALL: TRY(n->u.call.fun); TRYL(n->u.call.args); break;
	case N_UNARY: TRY(n->u.unary.x); break;
	case N_BINARY: case N_SEND: TRY(n->u.binary.x); TRY(n->u.binary.y); break;
	case N_KEYVALUE: TRY(n->u.kv.key); TRY(n->u.kv.value); break;
	case N_DECLSTMT:
		for (int i = 0; !r && i < n->u.list.len; i++)
			if (n->u.list.v[i] && n->u.list.v[i]->kind == N_VALUESPEC)
				TRYL(n->u.list.v[i]->u.value.values);
		break;
	case N_LABELED: TRY(n->u.labeled.stmt); break;
	case N_INCDEC: TRY(n->u.incdec.x); break;
	case N_ASSIGN: TRYL(n->u.assign.lhs); TRYL(n->u.assign.rhs); break;
	case N_RETURN: TRYL(n->u.list); break;
	case N_BLOCK: TRYL(n->u.block.stmts); break;
	case N_IF:
		TRY(n->u.ifs.init); TRY(n->u.ifs.cond); TRY(n->u.ifs.then); TRY(n->u.ifs.els);
		break;
	case N_CASECLAUSE: case N_COMMCLAUSE:
		TRYL(n->u.clause.list); TRYL(n->u.clause.body);
		break;
	case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
		TRY(n->u.sw.init); TRY(n->u.sw.tag); TRYL(n->u.sw.body);
		break;
	case N_FOR:
		TRY(n->u.fors.init); TRY(n->u.fors.cond); TRY(n->u.fors.post); TRY(n->u.fors.body);
		break;
	case N_RANGE:
		TRY(n->u.range.key); TRY(n->u.range.value); TRY(n->u.range.x); TRY(n->u.range.body);
		break;
	default:
		break;
	}
#undef TRY
#undef TRYL
	return r;
}

static bool
uses_obj(Node *n, void *o)
{
	return n->kind == N_IDENT && n->u.ident.obj == o;
}

// first_use: the first identifier denoting o inside n (a closure's body).
static Node *
first_use(Node *n, Obj *o)
{
	return ast_find(n, uses_obj, o, 0);
}

// ---- explicit conversions to interfaces ----
//
// The builder gives the MAKEIFACE of I(x) the origin x, as for an implicit conversion;
// gc names and places it as the conversion "(I)(x)". esc_fix_origins points those
// MAKEIFACE values at the conversion.

typedef struct ConvIndex {
	Arena *a;
	PtrMap convof; // operand Node * -> its explicit conversion to an interface
} ConvIndex;

static bool
note_conv(Node *n, void *arg)
{
	ConvIndex *ci = arg;
	if (is_iface_conv(n) && n->u.call.args.v[0])
		ptrmap_put(ci->a, &ci->convof, n->u.call.args.v[0], n);
	return false;
}

// esc_fix_origins: see above.
void
esc_fix_origins(Program *p)
{
	Arena *a = arena_new(64 * 1024);
	for (int fi = 0; fi < p->funcs.len; fi++) {
		Func *f = p->funcs.v[fi];
		Node *d = f->info ? f->info->decl : NULL;
		if (!d)
			continue;
		ConvIndex ci = {a, {0}};
		ast_find(d->kind == N_FUNCDECL ? d->u.funcdecl.body : d->u.func.body, note_conv, &ci,
			 0);
		if (ci.convof.len == 0)
			continue;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *blk = f->blocks.v[bi];
			for (int i = 0; i < blk->values.len; i++) {
				Value *v = blk->values.v[i];
				Node *c = v->op == OP_MAKEIFACE && v->origin
						  ? ptrmap_get(&ci.convof, v->origin)
						  : NULL;
				if (c && v->type && c->type && type_identical(v->type, c->type)) {
					v->origin = c;
					v->pos = c->pos;
				}
			}
		}
	}
	arena_free(a);
}

// lhs_index: the index of the left-hand side (or declared name) o in list l, or -1.
static int
lhs_index(NodeList *l, Node *o)
{
	for (int i = 0; i < l->len; i++)
		if (l->v[i] == o || unparen(l->v[i]) == o)
			return i;
	return -1;
}

// stmt_notes: an assignment-like statement st assigning lhs number i.
static void
assign_notes(Ctx *c, Node *st, NodeList *rhs, int nlhs, int i, Pos pos)
{
	Arena *a = c->b->arena;
	if (rhs->len == nlhs) {
		push(c->ns, stmt_text(a, st), nlhs == 1 ? "assign" : "assign-pair", pos);
		walk(c, rhs->v[i]);
		return;
	}
	if (rhs->len != 1)
		return;
	Node *r = unparen(rhs->v[0]);
	if (!r)
		return;
	if (r->kind == N_TYPEASSERT) {
		push(c->ns, stmt_text(a, st), "assign-pair-dot-type", pos);
		if (i == 0)
			walk(c, r);
	} else if (r->kind == N_INDEX) {
		push(c->ns, stmt_text(a, st), "assign-pair-mapr", pos);
	} else if (r->kind == N_UNARY && r->u.unary.op == AOP_RECV) {
		push(c->ns, stmt_text(a, st), "assign-pair-receive", pos);
	} else {
		walk(c, r); // a call: its results flow without a statement note
	}
}

static bool
stmt_notes(Ctx *c, Value *why, EscLoc *dst)
{
	Node *o = why->origin;
	Node *st = o ? ptrmap_get(&c->b->stmtof, o) : NULL;
	if (!st)
		return false;
	switch (st->kind) {
	case N_ASSIGN: {
		int i = lhs_index(&st->u.assign.lhs, o);
		if (i < 0)
			return false;
		assign_notes(c, st, &st->u.assign.rhs, st->u.assign.lhs.len, i, st->pos);
		return true;
	}
	case N_VALUESPEC: {
		int i = lhs_index(&st->u.value.names, o);
		if (i < 0 || st->u.value.values.len == 0)
			return false;
		assign_notes(c, st, &st->u.value.values, st->u.value.names.len, i,
			     st->u.value.names.v[0]->pos);
		return true;
	}
	default:
		return false;
	}
}

// range_pos: gc reports a range statement at its "range" keyword.
static Pos
range_pos(Node *st)
{
	Pos p = st->pos;
	Node *l = st->u.range.x;
	while (l) { // the leftmost part of the range expression
		if (l->kind == N_SELECTOR)
			l = l->u.sel.x;
		else if (l->kind == N_INDEX)
			l = l->u.index.x;
		else if (l->kind == N_SLICEEXPR)
			l = l->u.slice.x;
		else if (l->kind == N_CALL)
			l = l->u.call.fun;
		else
			break;
	}
	if (l && l->pos.line == p.line && l->pos.col > 6) {
		p = l->pos;
		p.col -= 6; // "range "
	}
	return p;
}

// return_notes: result dst <- src through a return statement of c->e: the first one
// whose result expression holds src (the SSA value of "return &x" is x's memory, which
// does not lead back to the statement).
static bool
return_notes(Ctx *c, EscLoc *dst)
{
	int mark = c->ns->n;
	for (int i = 0; i < c->b->returns.len; i++) {
		Node *st = c->b->returns.v[i].ret;
		if (c->b->returns.v[i].fn != c->e || st->u.list.len == 0)
			continue;
		Node *x = st->u.list.len == 1 ? st->u.list.v[0]
		          : dst->resultidx < st->u.list.len ? st->u.list.v[dst->resultidx]
							: NULL;
		c->ns->n = mark;
		push(c->ns, stmt_text(c->b->arena, st), "return", st->pos);
		if (x && walk(c, x))
			return true;
	}
	c->ns->n = mark;
	return false;
}

// typeswitch_guard: when o is the variable a type switch's clause binds, that clause
// (*clp) and the operand x of the switch's x.(type) (NULL when there is none).
static Node *
typeswitch_guard(EscBatch *b, Obj *o, Node **clp)
{
	Node *cl = ptrmap_get(&b->caseof, o);
	Node *sw = cl ? ptrmap_get(&b->caseof, cl) : NULL;
	*clp = sw ? cl : NULL;
	if (!sw)
		return NULL;
	Node *g = sw->u.sw.tag;
	if (g && g->kind == N_ASSIGN && g->u.assign.rhs.len == 1)
		g = g->u.assign.rhs.v[0];
	else if (g && g->kind == N_EXPRSTMT)
		g = g->u.x;
	g = unparen(g);
	return g && g->kind == N_TYPEASSERT ? g->u.assert.x : NULL;
}

// push_case_note: gc's "switch case" note, the clause printed as "case T: body".
static void
push_case_note(Ctx *c, Node *cl)
{
	Arena *a = c->b->arena;
	const char *text = cl->u.clause.isdefault
				   ? "default: "
				   : arena_sprintf(a, "case %s: ", list_string(a, &cl->u.clause.list));
	for (int i = 0; i < cl->u.clause.body.len; i++)
		text = arena_sprintf(a, "%s%s%s", text, i ? "; " : "",
				     stmt_text(a, cl->u.clause.body.v[i]));
	push(c->ns, text, "switch case", cl->pos);
}

// case_notes: the variable of a type switch's clause receives the guard's operand.
static bool
case_notes(Ctx *c, Obj *o)
{
	Node *cl;
	Node *x = typeswitch_guard(c->b, o, &cl);
	if (!cl)
		return false;
	push_case_note(c, cl);
	if (x)
		walk(c, x);
	return true;
}

// call_args: the argument expressions of call n (the receiver first for methods).
static void
call_notes(Ctx *c, Node *call, const char *outer)
{
	Node *n = unparen(call);
	if (!n || n->kind != N_CALL)
		return;
	if (outer)
		push(c->ns, expr_string(n), outer, n->pos);
	push(c->ns, expr_string(n), "call parameter", n->pos);
	EscLoc *src = c->src;
	if (src->kind == ELOC_ALLOC && src->val && src->val->origin == n &&
	    esc_is_ddd_array(src->val)) {
		push(c->ns, "... argument", "spill", n->pos); // the implicit slice literal
		return;
	}
	int mark = c->ns->n;
	Node *fun = unparen(n->u.call.fun);
	if (fun && fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_METHOD &&
	    walk(c, fun->u.sel.x))
		return;
	bool isappend = n->u.call.kind == CALL_BUILTIN && n->u.call.builtin == BI_APPEND;
	for (int i = 0; i < n->u.call.args.len; i++) {
		c->ns->n = mark;
		if (i == 0 && isappend)
			push(c->ns, "", TEMP_MARK, n->pos);
		if (walk(c, n->u.call.args.v[i]))
			return;
	}
	c->ns->n = mark;
}

static bool
literal_notes(Ctx *c, EscLoc *dst)
{
	Node *lit = dst->val->origin;
	Node *n = unparen(lit);
	if (n && n->kind == N_CALL && esc_is_ddd_array(dst->val)) {
		// the call's "... argument" slice literal: its elements are the variadic
		// arguments
		Type *ft = n->u.call.fun ? type_under(n->u.call.fun->type) : NULL;
		int first = ft && ft->kind == TY_FUNC && ft->variadic ? ft->fields.len - 1 : 0;
		int mark = c->ns->n;
		for (int i = first; i < n->u.call.args.len; i++) {
			c->ns->n = mark;
			push(c->ns, "... argument", "slice-literal-element", n->pos);
			if (walk(c, n->u.call.args.v[i]))
				return true;
		}
		c->ns->n = mark;
		return true;
	}
	if (n && n->kind == N_UNARY && n->u.unary.op == AOP_ADDR)
		return walk_kind(c, unparen(n->u.unary.x)) || true;
	if (n && n->kind == N_COMPOSITE && (is_kind(n->type, TY_STRUCT) || is_kind(n->type, TY_ARRAY)))
		return walk_kind(c, n) || true;
	if (n && n->kind == N_COMPOSITE && is_kind(n->type, TY_SLICE)) {
		int mark = c->ns->n;
		for (int i = 0; i < n->u.comp.elts.len; i++) {
			Node *el = n->u.comp.elts.v[i];
			if (el && el->kind == N_KEYVALUE)
				el = el->u.kv.value;
			c->ns->n = mark;
			push(c->ns, expr_string(n), "slice-literal-element", n->pos);
			if (walk(c, el))
				return true;
		}
		c->ns->n = mark;
		return true;
	}
	return false;
}

// derive_notes fills ns with gc's notes for the edge dst <- src (derefs) made by why.
static void
derive_notes(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, Value *why, Notes *ns)
{
	ns->n = 0;
	build_index(b);
	if (src->heapwhy && dst->kind == ELOC_HEAP && derefs < 0 && why == src->val) {
		if (src->val)
			push(ns, esc_alloc_string(src->val), src->heapwhy, report_pos(b, src->val));
		else if (src->obj && src->obj->name)
			push(ns, src->obj->name->name, src->heapwhy, src->obj->pos);
		return;
	}
	if (!why)
		return;
	Ctx c = {b, esc_fn_of(b, why), src, ns};
	if (!c.e)
		return;
	if (dst->kind == ELOC_ALLOC && dst->val == why) {
		switch (why->op) {
		case OP_MAKEIFACE: {
			Node *o = why->origin;
			if (!o)
				return;
			push(ns, expr_string(o), "interface-converted", report_pos(b, why));
			if (is_iface_conv(o))
				walk(&c, o->u.call.args.v[0]);
			else
				walk_alloc(&c, o);
			return;
		}
		case OP_MAKECLOSURE: {
			FuncInfo *fi = why->aux;
			Node *body = fi && fi->decl && fi->decl->kind == N_FUNCLIT ? fi->decl->u.func.body
										  : NULL;
			Node *cv = src->obj ? first_use(body, src->obj) : NULL;
			if (!cv)
				return;
			if (derefs < 0)
				push(ns, expr_string(cv), "reference", cv->pos);
			push(ns, expr_string(cv), "captured by a closure", cv->pos);
			return;
		}
		default:
			break;
		}
	}
	if (dst->kind == ELOC_ALLOC && dst->val && dst->val->origin &&
	    (why->op == OP_STORE || why->op == OP_SETVAR) && literal_notes(&c, dst))
		return;
	if (dst->kind == ELOC_RESULT && why->op != OP_SETVAR && why->op != OP_STORE &&
	    return_notes(&c, dst))
		return;
	switch (why->op) {
	case OP_SETVAR:
		if (why->aux && case_notes(&c, why->aux))
			return;
		stmt_notes(&c, why, dst);
		return;
	case OP_STORE:
		stmt_notes(&c, why, dst);
		return;
	case OP_CALL:
	case OP_CALLCLOSURE:
	case OP_CALLIFACE:
	case OP_PANIC:
		call_notes(&c, why->origin, NULL);
		return;
	case OP_APPEND:
		if (derefs >= 1 && why->nargs > 0) {
			// the appendee's elements (gc: "appendee slice")
			Node *n = unparen(why->origin);
			if (n && n->kind == N_CALL && n->u.call.args.len > 0) {
				push(ns, expr_string(n), "appendee slice", n->pos);
				push(ns, expr_string(n), "call parameter", n->pos);
				push(ns, "", TEMP_MARK, n->pos);
				if (!walk(&c, n->u.call.args.v[0]))
					ns->n = 0;
				if (ns->n)
					return;
			}
		}
		call_notes(&c, why->origin, NULL);
		return;
	case OP_APPENDSLICE:
		call_notes(&c, why->origin, "appended slice...");
		return;
	case OP_SLICECOPY:
		call_notes(&c, why->origin, "copied slice");
		return;
	case OP_MAPASSIGN: {
		Node *ix = unparen(why->origin);
		Node *lit = why->nargs > 0 ? unparen(why->args[0]->origin) : NULL;
		if (ix && ix->kind == N_KEYVALUE && lit && lit->kind == N_COMPOSITE) {
			// an entry of a map literal (the map is the literal's MAKEMAP)
			push(ns, expr_string(lit), "map literal key", lit->pos);
			if (walk(&c, ix->u.kv.key))
				return;
			ns->n = 0;
			push(ns, expr_string(lit), "map literal value", lit->pos);
			if (!walk(&c, ix->u.kv.value))
				ns->n = 0;
			return;
		}
		if (ix && ix->kind == N_INDEX && ix->u.index.index.len == 1) {
			int mark = ns->n;
			push(ns, expr_string(ix), "key of map put", ix->pos);
			if (walk(&c, ix->u.index.index.v[0]))
				return;
			ns->n = mark;
			Node *st = ptrmap_get(&b->stmtof, ix);
			if (st && st->kind == N_ASSIGN) {
				int i = lhs_index(&st->u.assign.lhs, ix);
				if (i >= 0)
					assign_notes(&c, st, &st->u.assign.rhs, st->u.assign.lhs.len, i,
						     st->pos);
			}
		}
		return;
	}
	default:
		return;
	}
}

// ---- printing flows ----

// esc_loc_pos: where gc reports location l in -m=2 headers.
Pos
esc_loc_pos(EscBatch *b, EscLoc *l)
{
	if (l->obj)
		return l->obj->pos;
	if (l->val) {
		EscFn *e = esc_fn_of(b, l->val);
		if (e && l->kind == ELOC_ALLOC)
			return esc_report_pos(b, e, l->val);
		return l->val->pos.file || !l->val->origin ? l->val->pos : l->val->origin->pos;
	}
	return (Pos){0};
}

// esc_loc_name: how gc names location l in -m=2 headers ("x", "&T{...}").
const char *
esc_loc_name(EscLoc *l)
{
	if ((l->kind == ELOC_ALLOC || l->kind == ELOC_TEMP) && l->val && l->val->origin)
		return esc_alloc_string(l->val);
	return esc_loc_string(l);
}

static const char *
deref_ops(int derefs)
{
	static const char stars[] = "****************";
	if (derefs < 0)
		return "&";
	if (derefs > 16)
		derefs = 16;
	return stars + (16 - derefs);
}

// esc_explain_loc names a location as gc's flow lines do.
const char *
esc_explain_loc(EscLoc *l)
{
	return esc_loc_string(l);
}

static void
print_flow(EscBatch *b, const char *pos, EscLoc *dst, const char *ops, const char *src,
	   Pos srcpos, Notes *ns)
{
	const char *flow = arena_sprintf(b->arena, "   flow: %s = %s%s:", esc_explain_loc(dst), ops,
					 src);
	esc_print(b, "%s:%s\n", pos, flow);
	if (b->jcur)
		esc_json_related(b, ns->n ? ns->v[ns->n - 1].pos : srcpos, flow);
	for (int i = ns->n - 1; i >= 0; i--) {
		if (ns->v[i].why == TEMP_MARK)
			continue;
		esc_print(b, "%s:     from %s (%s) at %s\n", pos, ns->v[i].text, ns->v[i].why,
			  pos_string(ns->v[i].pos));
		if (b->jcur)
			esc_json_related(b, ns->v[i].pos,
					 arena_sprintf(b->arena, "     from %s (%s)", ns->v[i].text,
						       ns->v[i].why));
	}
}

// range_flow: gc evaluates a range expression into a temporary first, then assigns the
// iteration value from it: two flows where gosub has one edge.
static bool
range_flow(EscBatch *b, const char *pos, EscLoc *dst, EscLoc *src, int derefs, Value *why)
{
	if (!why || (why->op != OP_SETVAR && why->op != OP_STORE) || !why->origin)
		return false;
	build_index(b);
	Node *st = ptrmap_get(&b->stmtof, why->origin);
	if (!st || st->kind != N_RANGE || why->origin != st->u.range.value)
		return false;
	EscFn *e = esc_fn_of(b, why);
	if (!e)
		return false;
	bool arr = is_kind(st->u.range.x->type, TY_ARRAY);
	int inner = derefs - (arr ? 0 : 1);
	if (inner < -1)
		inner = -1;
	Notes ns = {0};
	Ctx c = {b, e, src, &ns};
	walk(&c, st->u.range.x);
	EscLoc temp = {0};
	temp.kind = ELOC_TEMP;
	print_flow(b, pos, &temp, deref_ops(inner), esc_explain_loc(src), esc_loc_pos(b, src), &ns);
	ns.n = 0;
	push(&ns, "for loop", arr ? "range" : "range-deref", range_pos(st));
	print_flow(b, pos, dst, arr ? "" : "*", "{temp}", (Pos){0}, &ns);
	return true;
}

// typeswitch_flow: gc evaluates a type switch's guard operand into a temporary first
// unless it is a plain variable, then assigns each clause's variable from it: two flows
// where gosub has one edge.
static bool
typeswitch_flow(EscBatch *b, const char *pos, EscLoc *dst, EscLoc *src, int derefs,
		Value *why)
{
	if (!why || why->op != OP_SETVAR || !why->aux)
		return false;
	build_index(b);
	Node *cl;
	Node *x = unparen(typeswitch_guard(b, why->aux, &cl));
	if (!cl || !x || (x->kind == N_IDENT && x->u.ident.obj && x->u.ident.obj->kind == OBJ_VAR))
		return false;
	EscFn *e = esc_fn_of(b, why);
	if (!e)
		return false;
	Notes ns = {0};
	Ctx c = {b, e, src, &ns};
	walk(&c, x);
	EscLoc temp = {0};
	temp.kind = ELOC_TEMP;
	print_flow(b, pos, &temp, deref_ops(derefs), esc_explain_loc(src), esc_loc_pos(b, src),
		   &ns);
	ns.n = 0;
	push_case_note(&c, cl);
	print_flow(b, pos, dst, "", "{temp}", (Pos){0}, &ns);
	return true;
}

// esc_explain_flow prints one flow dst <- src made by why, with its notes; pos is the
// position of the explanation's subject.
void
esc_explain_flow(EscBatch *b, const char *pos, EscLoc *dst, EscLoc *src, int derefs,
		 Value *why)
{
	if (range_flow(b, pos, dst, src, derefs, why) ||
	    typeswitch_flow(b, pos, dst, src, derefs, why))
		return;
	Notes ns;
	derive_notes(b, dst, src, derefs, why, &ns);
	// gc passes append's first operand through a temporary: a flow through it is two
	// flows, "{temp} = s" with the notes from append's "call parameter" in, then
	// "dst = {temp}" with the rest (for the appendee's elements "*{temp}", "appendee
	// slice"). The walk left TEMP_MARK right after that "call parameter".
	int cut = -1;
	for (int i = ns.n - 1; i > 0 && cut < 0; i--)
		if (ns.v[i].why == TEMP_MARK)
			cut = i - 1;
	if (cut < 0) {
		print_flow(b, pos, dst, deref_ops(derefs), esc_explain_loc(src), esc_loc_pos(b, src),
			   &ns);
		return;
	}
	Notes inner = {0}, outer = {0};
	int d = 0; // the dereferences inside the operand
	for (int i = 0; i < ns.n; i++) {
		if (ns.v[i].why == TEMP_MARK)
			continue;
		if (i < cut) {
			outer.v[outer.n++] = ns.v[i];
			continue;
		}
		inner.v[inner.n++] = ns.v[i];
		const char *w = ns.v[i].why;
		if (strcmp(w, "indirection") == 0 || strcmp(w, "dot of pointer") == 0)
			d++;
		else if (strcmp(w, "address-of") == 0 || strcmp(w, "spill") == 0)
			d--;
	}
	if (d < -1)
		d = -1;
	EscLoc temp = {0};
	temp.kind = ELOC_TEMP;
	print_flow(b, pos, &temp, deref_ops(d), esc_explain_loc(src), esc_loc_pos(b, src), &inner);
	int rest = derefs - (d < 0 ? 0 : d);
	print_flow(b, pos, dst, deref_ops(rest < 0 ? 0 : rest), "{temp}", (Pos){0}, &outer);
}

static EscEdge *
path_edge(EscLoc *l)
{
	return &l->dst->edges.v[l->dstedge];
}

// esc_explain_path prints the path the current walk found from src to root (see the
// file comment: temporaries are folded, a cycle ends the explanation).
void
esc_explain_path(EscBatch *b, EscLoc *root, EscLoc *src, const char *pos)
{
	uint32_t gen = ++b->explaingen;
	EscLoc *l = src;
	while (l != root && l->dst) {
		if (l->explaingen == gen) {
			esc_print(b, "%s:   warning: truncated explanation due to assignment cycle; see "
				"golang.org/issue/35518\n",
				pos);
			return;
		}
		l->explaingen = gen;
		EscEdge *e = path_edge(l);
		EscLoc *to = l->dst;
		if (!esc_is_hidden(to) || to == root || !to->dst) {
			esc_explain_flow(b, pos, to, l, e->derefs, e->why);
			l = to;
			continue;
		}
		// fold the holders of call results into one flow
		Notes inner;
		derive_notes(b, to, l, e->derefs, e->why, &inner);
		int derefs = e->derefs;
		while (esc_is_hidden(to) && to != root && to->dst && to->explaingen != gen) {
			to->explaingen = gen;
			EscEdge *e2 = path_edge(to);
			Notes outer;
			derive_notes(b, to->dst, to, e2->derefs, e2->why, &outer);
			for (int i = 0; i < inner.n && outer.n < MAX_NOTES; i++)
				outer.v[outer.n++] = inner.v[i];
			inner = outer;
			derefs += e2->derefs;
			if (derefs < -1)
				derefs = -1;
			to = to->dst;
		}
		print_flow(b, pos, to, deref_ops(derefs), esc_explain_loc(l), esc_loc_pos(b, l),
			   &inner);
		l = to;
	}
}

// esc_explain_stored: the address of src flows into dst, which already escapes (gc
// reports this while building the graph, in flow()).
void
esc_explain_stored(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, Value *why)
{
	Pos p = esc_loc_pos(b, src);
	const char *pos = pos_string(p);
	esc_print(b, "%s: %s escapes to heap:\n", pos, esc_loc_name(src));
	esc_json_begin(b, p, "escapes", "%s escapes to heap", esc_loc_name(src));
	esc_explain_flow(b, pos, dst, src, derefs, why);
	esc_json_end(b);
}

// esc_explain_capture prints gc's "f capturing by value: x (addr=.. assign=.. width=..)"
// lines (-m=2) for closure v made in e.
void
esc_explain_capture(EscBatch *b, EscFn *e, Value *v)
{
	if (b->mlevel < 2 || !v->aux || !v->origin)
		return;
	FuncInfo *ci = v->aux;
	for (int k = 0; k < ci->captures.len && k < v->nargs; k++) {
		Obj *o = ci->captures.v[k];
		if (!o || !o->name)
			continue;
		bool byref = v->args[k]->type != o->type;
		bool addr = (o->flags & OBJF_ADDRTAKEN) != 0;
		bool assign = byref && !addr;
		if (byref && (o->flags & OBJF_REASSIGNED))
			assign = true;
		EscLoc *ol = esc_obj_loc(b, o);
		EscFn *of = ol && ol->fn ? ol->fn : e;
		esc_warn(b, o->pos, "%s capturing by %s: %s (addr=%s assign=%s width=%lld)",
			 func_name(of), byref ? "ref" : "value", o->name->name,
			 addr ? "true" : "false", assign ? "true" : "false",
			 (long long)(o->type ? type_size(o->type) : 0));
	}
}
