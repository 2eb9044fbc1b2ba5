// exprstr.c: renders expressions as text for diagnostics, in two styles:
//   - expr_string: gc's own (cmd/compile/internal/ir) style used by -m lines: composite
//     literals as "T{...}" (or "T{}" when empty), "&T{...}", "func literal", "new(T)",
//     "make([]int, n)", parentheses only where precedence needs them;
//   - tc_exprstr: types2's short form (syntax.String) used in type errors: composite
//     literals as "T{…}", function literals as "func(x int) {…}", parentheses as written.
// expr_startpos gives the leftmost position of an expression, where types2 reports errors.
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"


// expr_startpos returns the position of the leftmost token of n.
Pos
expr_startpos(Node *n)
{
	while (n) {
		switch (n->kind) {
		case N_BINARY:
			if (!n->u.binary.x)
				return n->pos;
			n = n->u.binary.x;
			break;
		case N_CALL:
			n = n->u.call.fun;
			break;
		case N_SELECTOR:
			n = n->u.sel.x;
			break;
		case N_INDEX:
			n = n->u.index.x;
			break;
		case N_SLICEEXPR:
			n = n->u.slice.x;
			break;
		case N_TYPEASSERT:
			n = n->u.assert.x;
			break;
		case N_KEYVALUE:
			n = n->u.kv.key;
			break;
		case N_COMPOSITE:
			if (!n->u.comp.type)
				return n->pos;
			n = n->u.comp.type;
			break;
		default:
			return n->pos;
		}
	}
	return (Pos){0};
}

static int
prec(AstOp op)
{
	switch (op) {
	case AOP_LOR: return 1;
	case AOP_LAND: return 2;
	case AOP_EQ: case AOP_NE: case AOP_LT: case AOP_LE: case AOP_GT: case AOP_GE: return 3;
	case AOP_ADD: case AOP_SUB: case AOP_OR: case AOP_XOR: return 4;
	default: return 5;
	}
}

static void render(StrBuf *b, Node *n, bool gc, int pr);

static void
render_list(StrBuf *b, NodeList *l, bool gc)
{
	for (int i = 0; i < l->len; i++) {
		if (i)
			sb_put(b, ", ");
		render(b, l->v[i], gc, 0);
	}
}

static void
render_fields(StrBuf *b, NodeList *l, bool gc)
{
	for (int i = 0; i < l->len; i++) {
		Node *f = l->v[i];
		if (i)
			sb_put(b, ", ");
		if (!f || f->kind != N_FIELD) {
			render(b, f, gc, 0);
			continue;
		}
		for (int k = 0; k < f->u.field.names.len; k++) {
			if (k)
				sb_put(b, ", ");
			render(b, f->u.field.names.v[k], gc, 0);
		}
		if (f->u.field.names.len)
			sb_put(b, " ");
		render(b, f->u.field.type, gc, 0);
	}
}

static void
render_functype(StrBuf *b, Node *ft, bool gc)
{
	sb_put(b, "func(");
	if (ft && ft->kind == N_FUNCTYPE)
		render_fields(b, &ft->u.functype.params, gc);
	sb_put(b, ")");
	if (!ft || ft->kind != N_FUNCTYPE || ft->u.functype.results.len == 0)
		return;
	NodeList *r = &ft->u.functype.results;
	sb_put(b, " ");
	if (r->len == 1 && r->v[0] && r->v[0]->kind == N_FIELD && r->v[0]->u.field.names.len == 0) {
		render(b, r->v[0]->u.field.type, gc, 0);
		return;
	}
	sb_put(b, "(");
	render_fields(b, r, gc);
	sb_put(b, ")");
}

static void
render(StrBuf *b, Node *n, bool gc, int pr)
{
	if (!n) {
		sb_put(b, "?");
		return;
	}
	switch (n->kind) {
	case N_BAD:
		sb_put(b, "BadExpr");
		break;
	case N_IDENT:
		sb_put(b, n->u.ident.name ? n->u.ident.name->name : "_");
		break;
	case N_BASICLIT:
		sb_put(b, arena_strndup(perm, n->u.lit.text, (size_t)n->u.lit.len));
		break;
	case N_COMPOSITE:
		if (n->u.comp.type)
			render(b, n->u.comp.type, gc, 0);
		else if (gc && n->type)
			sb_put(b, type_string(n->type));
		if (gc)
			sb_put(b, n->u.comp.elts.len ? "{...}" : "{}");
		else
			sb_put(b, n->u.comp.elts.len ? "{…}" : "{}");
		break;
	case N_FUNCLIT:
		if (gc) {
			sb_put(b, "func literal");
			break;
		}
		render_functype(b, n->u.func.type, gc);
		sb_put(b, " {…}");
		break;
	case N_PAREN:
		if (gc) {
			render(b, n->u.x, gc, pr);
			break;
		}
		sb_put(b, "(");
		render(b, n->u.x, gc, 0);
		sb_put(b, ")");
		break;
	case N_SELECTOR:
		render(b, n->u.sel.x, gc, 6);
		sb_put(b, ".");
		sb_put(b, n->u.sel.name ? n->u.sel.name->name : "_");
		break;
	case N_INDEX:
		render(b, n->u.index.x, gc, 6);
		sb_put(b, "[");
		render_list(b, &n->u.index.index, gc);
		sb_put(b, "]");
		break;
	case N_SLICEEXPR:
		render(b, n->u.slice.x, gc, 6);
		sb_put(b, "[");
		if (n->u.slice.lo)
			render(b, n->u.slice.lo, gc, 0);
		sb_put(b, ":");
		if (n->u.slice.hi)
			render(b, n->u.slice.hi, gc, 0);
		if (n->u.slice.three) {
			sb_put(b, ":");
			if (n->u.slice.max)
				render(b, n->u.slice.max, gc, 0);
		}
		sb_put(b, "]");
		break;
	case N_TYPEASSERT:
		render(b, n->u.assert.x, gc, 6);
		sb_put(b, ".(");
		if (n->u.assert.type)
			render(b, n->u.assert.type, gc, 0);
		else
			sb_put(b, "type");
		sb_put(b, ")");
		break;
	case N_CALL: {
		Node *f = n->u.call.fun;
		bool parenfun = gc && f && (f->kind == N_STAR || (f->kind == N_PAREN && f->u.x &&
					    f->u.x->kind == N_STAR));
		if (parenfun) {
			sb_put(b, "(");
			render(b, f, gc, 0);
			sb_put(b, ")");
		} else {
			render(b, f, gc, 6);
		}
		sb_put(b, "(");
		render_list(b, &n->u.call.args, gc);
		if (n->u.call.dots)
			sb_put(b, "...");
		sb_put(b, ")");
		break;
	}
	case N_STAR:
		sb_put(b, "*");
		render(b, n->u.x, gc, 6);
		break;
	case N_UNARY:
		if (gc && (n->flags & NF_IMPLICIT) && n->u.unary.op == AOP_ADDR) {
			sb_put(b, "&");
			render(b, n->u.unary.x, gc, 6);
			break;
		}
		sb_put(b, aop_string[n->u.unary.op]);
		render(b, n->u.unary.x, gc, 6);
		break;
	case N_BINARY: {
		int p = prec(n->u.binary.op);
		bool paren = gc && p < pr;
		if (paren)
			sb_put(b, "(");
		render(b, n->u.binary.x, gc, p);
		sb_put(b, " ");
		sb_put(b, aop_string[n->u.binary.op]);
		sb_put(b, " ");
		render(b, n->u.binary.y, gc, p + 1);
		if (paren)
			sb_put(b, ")");
		break;
	}
	case N_KEYVALUE:
		render(b, n->u.kv.key, gc, 0);
		sb_put(b, ": ");
		render(b, n->u.kv.value, gc, 0);
		break;
	case N_ARRAYTYPE:
		sb_put(b, "[");
		if (n->u.array.len) {
			if (n->u.array.len->kind == N_ELLIPSIS && !n->u.array.len->u.x)
				sb_put(b, "...");
			else
				render(b, n->u.array.len, gc, 0);
		}
		sb_put(b, "]");
		render(b, n->u.array.elem, gc, 0);
		break;
	case N_STRUCTTYPE:
		if (n->type && gc) {
			sb_put(b, type_string(n->type));
			break;
		}
		sb_put(b, n->u.fields.len ? "struct{…}" : "struct{}");
		break;
	case N_INTERFACETYPE:
		if (n->type && gc) {
			sb_put(b, type_string(n->type));
			break;
		}
		sb_put(b, n->u.fields.len ? "interface{…}" : "interface{}");
		break;
	case N_FUNCTYPE:
		render_functype(b, n, gc);
		break;
	case N_MAPTYPE:
		sb_put(b, "map[");
		render(b, n->u.map.key, gc, 0);
		sb_put(b, "]");
		render(b, n->u.map.value, gc, 0);
		break;
	case N_CHANTYPE:
		sb_put(b, n->u.chan.dir == CHAN_RECV ? "<-chan " : n->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
		render(b, n->u.chan.elem, gc, 0);
		break;
	case N_ELLIPSIS:
		sb_put(b, "...");
		if (n->u.x)
			render(b, n->u.x, gc, 0);
		break;
	default:
		sb_put(b, node_kind_name(n->kind));
		break;
	}
}

// ---- gc's printer ----
//
// gc prints the typechecked IR, not the source, so expr_string reproduces what gc's
// front end has made of the source by the time escape analysis reports:
//   - parentheses are gone; they come back only where the operand's precedence is lower
//     than its context's (gc's OpPrec: 8 for primary expressions, 7 unary, 6 *, 5 +,
//     4 comparisons, 2 &&, 1 ||; 0 for func literals and &T{...}, which therefore get
//     parentheses everywhere except at the top: "(func literal)()", "(&T{}).f");
//   - a constant expression prints as types2 spells its source (syntax.String):
//     "'a'", "1e3", "MyInt(5) + 1", "-(-1)";
//   - a unary operator applied to the same operator gets a space: "- (-x)";
//   - conversions to unnamed types parenthesise the type: "([]byte)(s)";
//   - composite literals print their type, not the source: "[2]int{...}" for
//     "[...]int{1, 2}", with gc's type spelling ("interface {}", "struct { a int }");
//   - method calls become method-expression calls with the receiver first:
//     "T.String(t)", "(*T).M(t.E)", with implicit & and * dropped and implicit
//     embedded-field steps written out ("t.E.x");
//   - calls of variadic functions pass one slice: "f(1, ... argument...)", or
//     "f(1, nil...)" when no variadic argument was given.
// Types keep the spelling of their source where there is source (byte, rune, any), as
// types2 keeps those aliases, also for elided literal types (tc_elided_type).

static void render_gc(StrBuf *b, Node *n, int prec);

static Node *
strip_parens(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	return n;
}

static bool
is_typeexpr(Node *n)
{
	if (!n)
		return false;
	if (n->flags & NF_TYPE)
		return true;
	switch (n->kind) {
	case N_ARRAYTYPE: case N_STRUCTTYPE: case N_FUNCTYPE: case N_INTERFACETYPE:
	case N_MAPTYPE: case N_CHANTYPE:
		return true;
	default:
		return false;
	}
}

// is_ptrlit: &T{...} (explicit, or implicit in an elided literal): gc's OPTRLIT.
static bool
is_ptrlit(Node *n)
{
	return n->kind == N_UNARY && n->u.unary.op == AOP_ADDR &&
	       strip_parens(n->u.unary.x) && strip_parens(n->u.unary.x)->kind == N_COMPOSITE;
}

// gc_prec: gc's OpPrec for the IR node n stands for.
static int
gc_prec(Node *n)
{
	if (n->cval && !(n->flags & NF_TYPE))
		return 8;
	switch (n->kind) {
	case N_FUNCLIT:
		return 0;
	case N_STAR:
		return 7;
	case N_UNARY:
		return is_ptrlit(n) ? 0 : 7;
	case N_BINARY:
		switch (n->u.binary.op) {
		case AOP_LOR: return 1;
		case AOP_LAND: return 2;
		case AOP_EQ: case AOP_NE: case AOP_LT: case AOP_LE: case AOP_GT: case AOP_GE:
			return 4;
		case AOP_ADD: case AOP_SUB: case AOP_OR: case AOP_XOR: return 5;
		default: return 6;
		}
	default:
		if (is_typeexpr(n) && n->type && !n->type->obj && n->type->kind == TY_POINTER)
			return 7;
		return 8;
	}
}

static void render_type_node(StrBuf *b, Node *tn, Type *t, bool gc);
#define render_gc_type(b, tn, t) render_type_node(b, tn, t, true)

static void
render_gc_fieldtypes(StrBuf *b, NodeList *l, bool *first, bool gc)
{
	for (int i = 0; i < l->len; i++) {
		Node *f = l->v[i];
		int nn = f && f->kind == N_FIELD ? f->u.field.names.len : 0;
		for (int k = 0; k < (nn ? nn : 1); k++) {
			if (!*first)
				sb_put(b, ", ");
			*first = false;
			render_type_node(b, f && f->kind == N_FIELD ? f->u.field.type : f, NULL, gc);
		}
	}
}

// render_type_node writes the type that the type expression tn denotes (or t when tn
// is NULL) keeping the source's byte, rune and any, in gc's spelling ("struct { a int
// }") or types2's ("struct{a int}").
static void
render_type_node(StrBuf *b, Node *tn, Type *t, bool gc)
{
	const char *(*tstr)(Type *) = gc ? type_string_gc : type_string;
	tn = strip_parens(tn);
	if (tn && tn->type && tn->type->kind == TY_INVALID) {
		sb_put(b, tstr(tn->type));
		return;
	}
	if (!tn) {
		sb_put(b, t ? tstr(t) : "?");
		return;
	}
	switch (tn->kind) {
	case N_IDENT: {
		Obj *o = tn->u.ident.obj;
		if (o && o->kind == OBJ_TYPE && !o->pkg && tn->u.ident.name) {
			sb_put(b, tn->u.ident.name->name);
			return;
		}
		break;
	}
	case N_STAR:
		sb_put(b, "*");
		render_type_node(b, tn->u.x, NULL, gc);
		return;
	case N_ARRAYTYPE:
		if (!tn->u.array.len)
			sb_put(b, "[]");
		else if (tn->type && tn->type->kind == TY_ARRAY)
			sb_put(b, arena_sprintf(perm, "[%lld]", (long long)tn->type->len));
		else
			break;
		render_type_node(b, tn->u.array.elem, NULL, gc);
		return;
	case N_MAPTYPE:
		sb_put(b, "map[");
		render_type_node(b, tn->u.map.key, NULL, gc);
		sb_put(b, "]");
		render_type_node(b, tn->u.map.value, NULL, gc);
		return;
	case N_CHANTYPE: {
		Node *e = strip_parens(tn->u.chan.elem);
		sb_put(b, tn->u.chan.dir == CHAN_RECV ? "<-chan " :
			tn->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
		bool paren = tn->u.chan.dir != CHAN_SEND && e && e->kind == N_CHANTYPE &&
			     e->u.chan.dir == CHAN_RECV;
		if (paren)
			sb_put(b, "(");
		render_type_node(b, e, NULL, gc);
		if (paren)
			sb_put(b, ")");
		return;
	}
	case N_ELLIPSIS:
		sb_put(b, "...");
		render_type_node(b, tn->u.x, NULL, gc);
		return;
	case N_FUNCTYPE: {
		bool first = true;
		sb_put(b, "func(");
		render_gc_fieldtypes(b, &tn->u.functype.params, &first, gc);
		sb_put(b, ")");
		NodeList *r = &tn->u.functype.results;
		int nr = 0;
		for (int i = 0; i < r->len; i++) {
			Node *f = r->v[i];
			int nn = f && f->kind == N_FIELD ? f->u.field.names.len : 0;
			nr += nn ? nn : 1;
		}
		if (nr == 0)
			return;
		sb_put(b, " ");
		first = true;
		if (nr > 1)
			sb_put(b, "(");
		render_gc_fieldtypes(b, r, &first, gc);
		if (nr > 1)
			sb_put(b, ")");
		return;
	}
	case N_STRUCTTYPE: {
		Type *st = tn->type;
		if (!st || st->kind != TY_STRUCT)
			break;
		sb_put(b, gc ? "struct {" : "struct{");
		int k = 0;
		for (int i = 0; i < tn->u.fields.len; i++) {
			Node *f = tn->u.fields.v[i];
			if (!f || f->kind != N_FIELD)
				continue;
			int nn = f->u.field.names.len;
			for (int j = 0; j < (nn ? nn : 1); j++, k++) {
				sb_put(b, k ? "; " : gc ? " " : "");
				if (nn) {
					sb_put(b, f->u.field.names.v[j]->u.ident.name->name);
					sb_put(b, " ");
				}
				render_type_node(b, f->u.field.type, NULL, gc);
				if (k < st->fields.len && st->fields.v[k].tag) {
					const char *tag = st->fields.v[k].tag;
					sb_put(b, " ");
					sb_put(b, const_quoted(const_make_string(tag, (int)strlen(tag))));
				}
			}
		}
		sb_put(b, k && gc ? " }" : "}");
		return;
	}
	default:
		break;
	}
	sb_put(b, tstr(tn->type ? tn->type : t));
}

// render_type_prec writes a type in an expression position: pointer types are unary
// expressions in gc's printer, so "(*T).M".
static void
render_gc_type_prec(StrBuf *b, Node *tn, Type *t, int prec)
{
	Type *tt = tn && tn->type ? tn->type : t;
	bool paren = prec > 7 && tt && !tt->obj && tt->kind == TY_POINTER;
	if (paren)
		sb_put(b, "(");
	render_gc_type(b, tn, t);
	if (paren)
		sb_put(b, ")");
}

// embedded_steps writes ".E" for each embedded field that a selection of path (from a
// value of type t) goes through; nsteps of the path's indices are embedded fields.
static void
embedded_steps(StrBuf *b, Type *t, int *path, int nsteps)
{
	for (int i = 0; i < nsteps && t; i++) {
		Type *u = type_under(t);
		if (u && u->kind == TY_POINTER)
			u = type_under(u->elem);
		if (!u || u->kind != TY_STRUCT || path[i] < 0 || path[i] >= u->fields.len)
			return;
		Field *f = &u->fields.v[path[i]];
		sb_put(b, ".");
		sb_put(b, f->name ? f->name->name : "?");
		t = f->type;
	}
}

static void
render_gc_list(StrBuf *b, Node **v, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_put(b, ", ");
		render_gc(b, v[i], 0);
	}
}

// render_gc_args writes "(args)" of a call of a function of type ft, folding variadic
// arguments into one slice as gc does; recv is a method call's receiver, written first.
static void
render_gc_args(StrBuf *b, Node *call, Type *ft, Node *recv, Type *recvtype, int *rpath,
	       int nrpath)
{
	NodeList *args = &call->u.call.args;
	sb_put(b, "(");
	bool any = false;
	if (recv) {
		render_gc(b, recv, 8);
		embedded_steps(b, recvtype, rpath, nrpath);
		any = true;
	}
	ft = ft ? type_under(ft) : NULL;
	bool tuple = args->len == 1 && args->v[0]->type && args->v[0]->type->kind == TY_TUPLE;
	if (ft && ft->kind == TY_FUNC && ft->variadic && !call->u.call.dots && !tuple) {
		int nfixed = ft->fields.len - 1;
		if (nfixed < 0)
			nfixed = 0;
		if (nfixed > args->len)
			nfixed = args->len;
		if (any && nfixed)
			sb_put(b, ", ");
		render_gc_list(b, args->v, nfixed);
		if (any || nfixed)
			sb_put(b, ", ");
		sb_put(b, args->len > nfixed ? "... argument...)" : "nil...)");
		return;
	}
	if (any && args->len)
		sb_put(b, ", ");
	render_gc_list(b, args->v, args->len);
	if (call->u.call.dots)
		sb_put(b, "...");
	sb_put(b, ")");
}

static const char *const builtin_names[BI_COUNT] = {
	[BI_APPEND] = "append", [BI_CAP] = "cap", [BI_CLOSE] = "close",
	[BI_COMPLEX] = "complex", [BI_COPY] = "copy", [BI_DELETE] = "delete",
	[BI_IMAG] = "imag", [BI_LEN] = "len", [BI_MAKE] = "make", [BI_NEW] = "new",
	[BI_PANIC] = "panic", [BI_PRINT] = "print", [BI_PRINTLN] = "println",
	[BI_REAL] = "real", [BI_RECOVER] = "recover", [BI_SIZEOF] = "unsafe.Sizeof",
	[BI_ALIGNOF] = "unsafe.Alignof", [BI_OFFSETOF] = "unsafe.Offsetof",
	[BI_ADD] = "unsafe.Add", [BI_SLICE] = "unsafe.Slice",
};

static void
render_gc_call(StrBuf *b, Node *n)
{
	Node *f = strip_parens(n->u.call.fun);
	NodeList *args = &n->u.call.args;
	if (n->u.call.kind == CALL_CONV && f) {
		Type *t = n->type ? n->type : f->type;
		bool named = t && (t->obj || (f->kind == N_IDENT && f->u.ident.obj &&
					      f->u.ident.obj->kind == OBJ_TYPE));
		if (!named)
			sb_put(b, "(");
		render_gc_type(b, f, t);
		if (!named)
			sb_put(b, ")");
		sb_put(b, "(");
		render_gc_list(b, args->v, args->len);
		sb_put(b, ")");
		return;
	}
	if (n->u.call.kind == CALL_BUILTIN && n->u.call.builtin > BI_NONE &&
	    n->u.call.builtin < BI_COUNT && builtin_names[n->u.call.builtin]) {
		BuiltinId id = n->u.call.builtin;
		sb_put(b, builtin_names[id]);
		sb_put(b, "(");
		int i0 = 0;
		if ((id == BI_MAKE || id == BI_NEW) && args->len > 0) {
			render_gc_type(b, args->v[0], args->v[0]->type);
			i0 = 1;
			if (args->len > 1)
				sb_put(b, ", ");
		}
		render_gc_list(b, args->v + i0, args->len - i0);
		if (n->u.call.dots)
			sb_put(b, "...");
		sb_put(b, ")");
		return;
	}
	if (f && f->kind == N_SELECTOR && f->u.sel.sel.kind == SEL_METHOD && f->u.sel.sel.obj &&
	    f->u.sel.sel.obj->recv) {
		// x.M(args) on a concrete type: gc writes T.M(x, args) or (*T).M(x, args).
		Obj *m = f->u.sel.sel.obj;
		render_gc_type_prec(b, NULL, m->recv, 8);
		sb_put(b, ".");
		sb_put(b, m->name->name);
		Node *rx = f->u.sel.x;
		render_gc_args(b, n, f->type, rx, rx ? rx->type : NULL, f->u.sel.sel.path,
			       f->u.sel.sel.npath);
		return;
	}
	render_gc(b, f, 8);
	render_gc_args(b, n, f ? f->type : NULL, NULL, NULL, NULL, 0);
}

static void
render_gc(StrBuf *b, Node *n, int prec)
{
	n = strip_parens(n);
	if (!n) {
		sb_put(b, "<nil>");
		return;
	}
	// Skip the implicit &x gc adds for pointer methods (never a composite literal).
	if (n->kind == N_UNARY && (n->flags & NF_IMPLICIT) && !is_ptrlit(n)) {
		render_gc(b, n->u.unary.x, prec);
		return;
	}
	if (gc_prec(n) < prec) {
		sb_put(b, "(");
		render_gc(b, n, 0);
		sb_put(b, ")");
		return;
	}
	if (is_typeexpr(n)) {
		render_gc_type(b, n, n->type);
		return;
	}
	if (n->cval && n->kind != N_IDENT) {
		// A constant: types2's spelling of the source (gc keeps it as the raw origin).
		render(b, n, false, 0);
		return;
	}
	switch (n->kind) {
	case N_IDENT:
		sb_put(b, n->u.ident.name ? n->u.ident.name->name : "_");
		return;
	case N_BASICLIT:
		sb_put(b, arena_strndup(perm, n->u.lit.text, (size_t)n->u.lit.len));
		return;
	case N_COMPOSITE:
		render_gc_type(b, n->u.comp.type ? n->u.comp.type : tc_elided_type(n), n->type);
		sb_put(b, n->u.comp.elts.len ? "{...}" : "{}");
		return;
	case N_FUNCLIT:
		sb_put(b, "func literal");
		return;
	case N_SELECTOR: {
		Selection *sel = &n->u.sel.sel;
		Node *x = n->u.sel.x;
		const char *name = n->u.sel.name ? n->u.sel.name->name : "_";
		switch (sel->kind) {
		case SEL_QUALIFIED:
			render(b, n, false, 0);
			return;
		case SEL_METHODEXPR:
			render_gc_type_prec(b, x, x ? x->type : NULL, 8);
			break;
		case SEL_FIELD:
			render_gc(b, x, 8);
			embedded_steps(b, x ? x->type : NULL, sel->path, sel->npath - 1);
			break;
		default:
			render_gc(b, x, 8);
			embedded_steps(b, x ? x->type : NULL, sel->path, sel->npath);
			break;
		}
		sb_put(b, ".");
		sb_put(b, name);
		return;
	}
	case N_INDEX:
		render_gc(b, n->u.index.x, 8);
		sb_put(b, "[");
		render_gc_list(b, n->u.index.index.v, n->u.index.index.len);
		sb_put(b, "]");
		return;
	case N_SLICEEXPR:
		render_gc(b, n->u.slice.x, 8);
		sb_put(b, "[");
		if (n->u.slice.lo)
			render_gc(b, n->u.slice.lo, 0);
		sb_put(b, ":");
		if (n->u.slice.hi)
			render_gc(b, n->u.slice.hi, 0);
		if (n->u.slice.three) {
			sb_put(b, ":");
			if (n->u.slice.max)
				render_gc(b, n->u.slice.max, 0);
		}
		sb_put(b, "]");
		return;
	case N_TYPEASSERT:
		render_gc(b, n->u.assert.x, 8);
		sb_put(b, ".(");
		if (n->u.assert.type)
			render_gc_type(b, n->u.assert.type, n->type);
		else
			sb_put(b, "type");
		sb_put(b, ")");
		return;
	case N_CALL:
		render_gc_call(b, n);
		return;
	case N_STAR:
		sb_put(b, "*");
		render_gc(b, n->u.x, 8);
		return;
	case N_UNARY: {
		if (is_ptrlit(n)) {
			sb_put(b, "&");
			render_gc(b, n->u.unary.x, 0);
			return;
		}
		AstOp op = n->u.unary.op;
		Node *x = strip_parens(n->u.unary.x);
		sb_put(b, aop_string[op]);
		if (x && x->kind == N_UNARY && x->u.unary.op == op && !(x->flags & NF_IMPLICIT) &&
		    !(x->cval && n->cval))
			sb_put(b, " ");
		render_gc(b, x, 8);
		return;
	}
	case N_BINARY: {
		int p = gc_prec(n);
		render_gc(b, n->u.binary.x, p);
		sb_put(b, " ");
		sb_put(b, aop_string[n->u.binary.op]);
		sb_put(b, " ");
		render_gc(b, n->u.binary.y, p + 1);
		return;
	}
	case N_KEYVALUE:
		render_gc(b, n->u.kv.key, 0);
		sb_put(b, ":");
		render_gc(b, n->u.kv.value, 0);
		return;
	default:
		render(b, n, false, 0);
		return;
	}
}

// expr_string renders n as gc's -m output and gc-side messages print expressions.
const char *
expr_string(Node *n)
{
	StrBuf b = {0};
	sb_put(&b, "");
	render_gc(&b, n, 0);
	return b.p;
}
// tc_exprstr renders n as types2 does in type errors (syntax.String, short form).
const char *
tc_exprstr(Node *n)
{
	StrBuf b = {0};
	sb_put(&b, "");
	render(&b, n, false, 0);
	return b.p;
}

// ---- types as the source spells them (types2 keeps byte, rune and any) ----
//
// The checker has one Type for byte and uint8 (and for rune and int32), so the alias
// spelling types2 prints ("cannot use x (variable of type []byte)") is recovered from
// the source: the type expression that declared a variable, parameter, field or result,
// a conversion's or composite literal's type, and the element, pointer and channel
// steps from there. A spelling is only used when it denotes the type at hand (it must
// read as type_string(t) once byte, rune and any are replaced by what they stand for);
// otherwise type_string(t) is printed.

// tc_spell_typenode renders the type expression tn in types2's syntax, as written.
const char *
tc_spell_typenode(Node *tn)
{
	StrBuf b = {0};
	sb_put(&b, "");
	render_type_node(&b, tn, tn ? tn->type : NULL, false);
	return b.p;
}

static const char *spell_expr0(Node *e, int depth);

// elem_spelling: the element type in the spelling of a slice, array, pointer to array,
// map or channel type ("[]byte" -> "byte"); NULL if s is not one.
static const char *
elem_spelling(const char *s)
{
	if (!s)
		return NULL;
	if (s[0] == '*' && s[1] == '[')
		s++;
	if (strncmp(s, "map[", 4) == 0 || s[0] == '[') {
		int depth = 0;
		for (const char *p = s; *p; p++) {
			if (*p == '[')
				depth++;
			else if (*p == ']' && --depth == 0)
				return p[1] ? p + 1 : NULL;
		}
		return NULL;
	}
	if (strncmp(s, "chan ", 5) == 0)
		return s + 5;
	if (strncmp(s, "<-chan ", 7) == 0)
		return s + 7;
	return NULL;
}

static int
index_in(NodeList *l, Obj *o)
{
	for (int i = 0; i < l->len; i++)
		if (l->v[i] && l->v[i]->kind == N_IDENT && l->v[i]->u.ident.obj == o)
			return i;
	return -1;
}

// spell_obj: the spelling of the type of variable or constant o, from its declaration.
static const char *
spell_obj(Obj *o, int depth)
{
	Node *d = o ? o->decl : NULL;
	if (!d || depth > 8)
		return NULL;
	switch (d->kind) {
	case N_FIELD: {
		Node *tn = d->u.field.type;
		if (!tn)
			return NULL;
		if (tn->kind == N_ELLIPSIS)
			return arena_sprintf(perm, "[]%s", tc_spell_typenode(tn->u.x));
		return tc_spell_typenode(tn);
	}
	case N_VALUESPEC: {
		if (d->u.value.type)
			return tc_spell_typenode(d->u.value.type);
		int i = index_in(&d->u.value.names, o);
		if (i < 0 || d->u.value.values.len != d->u.value.names.len)
			return NULL;
		return spell_expr0(d->u.value.values.v[i], depth + 1);
	}
	case N_ASSIGN: {
		int i = index_in(&d->u.assign.lhs, o);
		if (i < 0 || d->u.assign.rhs.len != d->u.assign.lhs.len)
			return NULL;
		return spell_expr0(d->u.assign.rhs.v[i], depth + 1);
	}
	case N_RANGE: {
		Node *v = d->u.range.value;
		if (!v || v->kind != N_IDENT || v->u.ident.obj != o || !d->u.range.x)
			return NULL;
		Type *xt = d->u.range.x->type;
		if (xt && type_is_string(xt))
			return "rune";
		const char *xs = spell_expr0(d->u.range.x, depth + 1);
		return elem_spelling(xs);
	}
	default:
		return NULL;
	}
}

static const char *
spell_expr0(Node *e, int depth)
{
	while (e && e->kind == N_PAREN)
		e = e->u.x;
	if (!e || depth > 8 || (e->type && type_is_untyped(e->type)))
		return NULL;
	switch (e->kind) {
	case N_IDENT:
		return e->u.ident.obj ? spell_obj(e->u.ident.obj, depth) : NULL;
	case N_COMPOSITE:
		return e->u.comp.type ? tc_spell_typenode(e->u.comp.type) : NULL;
	case N_CALL: {
		Node *f = e->u.call.fun;
		while (f && f->kind == N_PAREN)
			f = f->u.x;
		if (e->u.call.kind == CALL_CONV)
			return tc_spell_typenode(f);
		if (e->u.call.kind == CALL_BUILTIN) {
			if (e->u.call.builtin == BI_APPEND && e->u.call.args.len > 0)
				return spell_expr0(e->u.call.args.v[0], depth + 1);
			if (e->u.call.builtin == BI_MAKE && e->u.call.args.len > 0)
				return tc_spell_typenode(e->u.call.args.v[0]);
			return NULL;
		}
		Obj *fo = NULL;
		if (f && f->kind == N_IDENT)
			fo = f->u.ident.obj;
		else if (f && f->kind == N_SELECTOR)
			fo = f->u.sel.sel.obj;
		if (!fo || fo->kind != OBJ_FUNC || !fo->decl)
			return NULL;
		Node *ft = fo->decl->kind == N_FUNCDECL ? fo->decl->u.funcdecl.type :
			   fo->decl->kind == N_FIELD ? fo->decl->u.field.type : NULL;
		if (!ft || ft->kind != N_FUNCTYPE || ft->u.functype.results.len != 1)
			return NULL;
		Node *r = ft->u.functype.results.v[0];
		if (!r || r->kind != N_FIELD || r->u.field.names.len > 1)
			return NULL;
		return tc_spell_typenode(r->u.field.type);
	}
	case N_INDEX:
		if (e->u.index.x && e->u.index.x->type && type_is_string(e->u.index.x->type))
			return "byte";
		return elem_spelling(spell_expr0(e->u.index.x, depth + 1));
	case N_SLICEEXPR: {
		const char *xs = spell_expr0(e->u.slice.x, depth + 1);
		if (!xs)
			return NULL;
		if (xs[0] == '*')
			xs++;
		if (xs[0] == '[' && xs[1] != ']') {
			const char *el = elem_spelling(xs);
			return el ? arena_sprintf(perm, "[]%s", el) : NULL;
		}
		return xs;
	}
	case N_STAR: {
		const char *xs = spell_expr0(e->u.x, depth + 1);
		return xs && xs[0] == '*' ? xs + 1 : NULL;
	}
	case N_UNARY: {
		const char *xs = spell_expr0(e->u.unary.x, depth + 1);
		if (!xs)
			return NULL;
		if (e->u.unary.op == AOP_ADDR)
			return arena_sprintf(perm, "*%s", xs);
		if (e->u.unary.op == AOP_RECV)
			return elem_spelling(xs);
		return xs;
	}
	case N_BINARY:
		if (e->u.binary.op >= AOP_EQ && e->u.binary.op <= AOP_GE)
			return NULL;
		if (e->u.binary.op == AOP_SHL || e->u.binary.op == AOP_SHR)
			return spell_expr0(e->u.binary.x, depth + 1);
		{
			const char *xs = spell_expr0(e->u.binary.x, depth + 1);
			return xs ? xs : spell_expr0(e->u.binary.y, depth + 1);
		}
	case N_SELECTOR:
		if (e->u.sel.sel.kind == SEL_FIELD || e->u.sel.sel.kind == SEL_QUALIFIED)
			return spell_obj(e->u.sel.sel.obj, depth);
		return NULL;
	case N_TYPEASSERT:
		return e->u.assert.type ? tc_spell_typenode(e->u.assert.type) : NULL;
	default:
		return NULL;
	}
}

// normalize: s with the identifiers byte, rune and any replaced by the types they stand
// for, as type_string spells those.
static const char *
normalize_aliases(const char *s)
{
	StrBuf b = {0};
	sb_put(&b, "");
	const char *p = s;
	while (*p) {
		bool start = p == s || !(p[-1] == '_' || p[-1] == '.' || (p[-1] >= '0' && p[-1] <= '9') ||
					 (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z'));
		const char *rep = NULL;
		int n = 0;
		if (start && strncmp(p, "byte", 4) == 0)
			rep = "uint8", n = 4;
		else if (start && strncmp(p, "rune", 4) == 0)
			rep = "int32", n = 4;
		else if (start && strncmp(p, "any", 3) == 0)
			rep = "interface{}", n = 3;
		if (rep) {
			char c = p[n];
			if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			    (c >= 'A' && c <= 'Z'))
				rep = NULL;
		}
		if (rep) {
			sb_put(&b, rep);
			p += n;
		} else {
			char one[2] = {*p, 0};
			sb_put(&b, one);
			p++;
		}
	}
	return b.p;
}

// tc_spelled: spelling s if it denotes t, else type_string(t).
const char *
tc_spelled(const char *s, Type *t)
{
	const char *ts = type_string(t);
	if (s && strcmp(s, ts) != 0 && strcmp(normalize_aliases(s), ts) == 0)
		return s;
	return ts;
}

// tc_spell_type returns type t of expression e as types2 would print it, keeping the
// byte, rune and any of the source (see above).
const char *
tc_spell_type(Node *e, Type *t)
{
	return tc_spelled(spell_expr0(e, 0), t);
}
