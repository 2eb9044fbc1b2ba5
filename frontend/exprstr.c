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

typedef struct SBuf {
	char *p;
	int len, cap;
} SBuf;

static void
sput(SBuf *b, const char *s)
{
	int n = (int)strlen(s);
	if (b->len + n + 1 > b->cap) {
		int cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *np = arena_alloc(perm, (size_t)cap);
		if (b->len)
			memcpy(np, b->p, (size_t)b->len);
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, (size_t)n);
	b->len += n;
	b->p[b->len] = 0;
}

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

static void render(SBuf *b, Node *n, bool gc, int pr);

static void
render_list(SBuf *b, NodeList *l, bool gc)
{
	for (int i = 0; i < l->len; i++) {
		if (i)
			sput(b, ", ");
		render(b, l->v[i], gc, 0);
	}
}

static void
render_fields(SBuf *b, NodeList *l, bool gc)
{
	for (int i = 0; i < l->len; i++) {
		Node *f = l->v[i];
		if (i)
			sput(b, ", ");
		if (!f || f->kind != N_FIELD) {
			render(b, f, gc, 0);
			continue;
		}
		for (int k = 0; k < f->u.field.names.len; k++) {
			if (k)
				sput(b, ", ");
			render(b, f->u.field.names.v[k], gc, 0);
		}
		if (f->u.field.names.len)
			sput(b, " ");
		render(b, f->u.field.type, gc, 0);
	}
}

static void
render_functype(SBuf *b, Node *ft, bool gc)
{
	sput(b, "func(");
	if (ft && ft->kind == N_FUNCTYPE)
		render_fields(b, &ft->u.functype.params, gc);
	sput(b, ")");
	if (!ft || ft->kind != N_FUNCTYPE || ft->u.functype.results.len == 0)
		return;
	NodeList *r = &ft->u.functype.results;
	sput(b, " ");
	if (r->len == 1 && r->v[0] && r->v[0]->kind == N_FIELD && r->v[0]->u.field.names.len == 0) {
		render(b, r->v[0]->u.field.type, gc, 0);
		return;
	}
	sput(b, "(");
	render_fields(b, r, gc);
	sput(b, ")");
}

static void
render(SBuf *b, Node *n, bool gc, int pr)
{
	if (!n) {
		sput(b, "?");
		return;
	}
	switch (n->kind) {
	case N_BAD:
		sput(b, "BadExpr");
		break;
	case N_IDENT:
		sput(b, n->u.ident.name ? n->u.ident.name->name : "_");
		break;
	case N_BASICLIT:
		sput(b, arena_strndup(perm, n->u.lit.text, (size_t)n->u.lit.len));
		break;
	case N_COMPOSITE:
		if (n->u.comp.type)
			render(b, n->u.comp.type, gc, 0);
		else if (gc && n->type)
			sput(b, type_string(n->type));
		if (gc)
			sput(b, n->u.comp.elts.len ? "{...}" : "{}");
		else
			sput(b, n->u.comp.elts.len ? "{…}" : "{}");
		break;
	case N_FUNCLIT:
		if (gc) {
			sput(b, "func literal");
			break;
		}
		render_functype(b, n->u.func.type, gc);
		sput(b, " {…}");
		break;
	case N_PAREN:
		if (gc) {
			render(b, n->u.x, gc, pr);
			break;
		}
		sput(b, "(");
		render(b, n->u.x, gc, 0);
		sput(b, ")");
		break;
	case N_SELECTOR:
		render(b, n->u.sel.x, gc, 6);
		sput(b, ".");
		sput(b, n->u.sel.name ? n->u.sel.name->name : "_");
		break;
	case N_INDEX:
		render(b, n->u.index.x, gc, 6);
		sput(b, "[");
		render_list(b, &n->u.index.index, gc);
		sput(b, "]");
		break;
	case N_SLICEEXPR:
		render(b, n->u.slice.x, gc, 6);
		sput(b, "[");
		if (n->u.slice.lo)
			render(b, n->u.slice.lo, gc, 0);
		sput(b, ":");
		if (n->u.slice.hi)
			render(b, n->u.slice.hi, gc, 0);
		if (n->u.slice.three) {
			sput(b, ":");
			if (n->u.slice.max)
				render(b, n->u.slice.max, gc, 0);
		}
		sput(b, "]");
		break;
	case N_TYPEASSERT:
		render(b, n->u.assert.x, gc, 6);
		sput(b, ".(");
		if (n->u.assert.type)
			render(b, n->u.assert.type, gc, 0);
		else
			sput(b, "type");
		sput(b, ")");
		break;
	case N_CALL: {
		Node *f = n->u.call.fun;
		bool parenfun = gc && f && (f->kind == N_STAR || (f->kind == N_PAREN && f->u.x &&
					    f->u.x->kind == N_STAR));
		if (parenfun) {
			sput(b, "(");
			render(b, f, gc, 0);
			sput(b, ")");
		} else {
			render(b, f, gc, 6);
		}
		sput(b, "(");
		render_list(b, &n->u.call.args, gc);
		if (n->u.call.dots)
			sput(b, "...");
		sput(b, ")");
		break;
	}
	case N_STAR:
		sput(b, "*");
		render(b, n->u.x, gc, 6);
		break;
	case N_UNARY:
		if (gc && (n->flags & NF_IMPLICIT) && n->u.unary.op == AOP_ADDR) {
			sput(b, "&");
			render(b, n->u.unary.x, gc, 6);
			break;
		}
		sput(b, aop_string[n->u.unary.op]);
		render(b, n->u.unary.x, gc, 6);
		break;
	case N_BINARY: {
		int p = prec(n->u.binary.op);
		bool paren = gc && p < pr;
		if (paren)
			sput(b, "(");
		render(b, n->u.binary.x, gc, p);
		sput(b, " ");
		sput(b, aop_string[n->u.binary.op]);
		sput(b, " ");
		render(b, n->u.binary.y, gc, p + 1);
		if (paren)
			sput(b, ")");
		break;
	}
	case N_KEYVALUE:
		render(b, n->u.kv.key, gc, 0);
		sput(b, ": ");
		render(b, n->u.kv.value, gc, 0);
		break;
	case N_ARRAYTYPE:
		sput(b, "[");
		if (n->u.array.len) {
			if (n->u.array.len->kind == N_ELLIPSIS && !n->u.array.len->u.x)
				sput(b, "...");
			else
				render(b, n->u.array.len, gc, 0);
		}
		sput(b, "]");
		render(b, n->u.array.elem, gc, 0);
		break;
	case N_STRUCTTYPE:
		if (n->type && gc) {
			sput(b, type_string(n->type));
			break;
		}
		sput(b, n->u.fields.len ? "struct{…}" : "struct{}");
		break;
	case N_INTERFACETYPE:
		if (n->type && gc) {
			sput(b, type_string(n->type));
			break;
		}
		sput(b, n->u.fields.len ? "interface{…}" : "interface{}");
		break;
	case N_FUNCTYPE:
		render_functype(b, n, gc);
		break;
	case N_MAPTYPE:
		sput(b, "map[");
		render(b, n->u.map.key, gc, 0);
		sput(b, "]");
		render(b, n->u.map.value, gc, 0);
		break;
	case N_CHANTYPE:
		sput(b, n->u.chan.dir == CHAN_RECV ? "<-chan " : n->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
		render(b, n->u.chan.elem, gc, 0);
		break;
	case N_ELLIPSIS:
		sput(b, "...");
		if (n->u.x)
			render(b, n->u.x, gc, 0);
		break;
	default:
		sput(b, node_kind_name(n->kind));
		break;
	}
}

// expr_string renders n as gc's -m output and gc-side messages print expressions.
const char *
expr_string(Node *n)
{
	SBuf b = {0};
	sput(&b, "");
	render(&b, n, true, 0);
	return b.p;
}

// tc_exprstr renders n as types2 does in type errors (syntax.String, short form).
const char *
tc_exprstr(Node *n)
{
	SBuf b = {0};
	sput(&b, "");
	render(&b, n, false, 0);
	return b.p;
}
