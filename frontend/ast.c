// ast.c: AST node constructors and small helpers the grammar and the checker share. Nodes
// live in the permanent arena; the kind decides which member of Node.u is valid
// (nodes.def).
#include <stdio.h>

#include "base/base.h"
#include "frontend/frontend.h"

const char *const aop_string[AOP_COUNT] = {
	[AOP_NONE] = "", [AOP_ADD] = "+", [AOP_SUB] = "-", [AOP_MUL] = "*", [AOP_DIV] = "/",
	[AOP_REM] = "%", [AOP_AND] = "&", [AOP_OR] = "|", [AOP_XOR] = "^", [AOP_SHL] = "<<",
	[AOP_SHR] = ">>", [AOP_ANDNOT] = "&^", [AOP_LAND] = "&&", [AOP_LOR] = "||",
	[AOP_EQ] = "==", [AOP_NE] = "!=", [AOP_LT] = "<", [AOP_LE] = "<=", [AOP_GT] = ">",
	[AOP_GE] = ">=", [AOP_NOT] = "!", [AOP_ADDR] = "&", [AOP_RECV] = "<-",
};

static const char *const kind_names[N_COUNT] = {
#define X(kind, member) [N_##kind] = #kind,
#include "frontend/nodes.def"
#undef X
};

const char *
node_kind_name(NodeKind k)
{
	return k < N_COUNT ? kind_names[k] : "?";
}

// ast_new returns a zeroed node of kind k at pos, in the permanent arena.
Node *
ast_new(NodeKind k, Pos pos)
{
	Node *n = NEW(perm, Node);
	n->kind = k;
	n->pos = pos;
	return n;
}

// ast_ident returns an N_IDENT node for name.
Node *
ast_ident(Pos pos, Sym *name)
{
	Node *n = ast_new(N_IDENT, pos);
	n->u.ident.name = name;
	return n;
}

// ast_expr_contains reports whether expression inner is outer or lies inside it. It
// looks through the operands of expressions only: not into func literal bodies, and
// not into type expressions.
bool
ast_expr_contains(Node *outer, Node *inner)
{
	if (!outer || !inner)
		return false;
	if (outer == inner)
		return true;
	switch (outer->kind) {
	case N_COMPOSITE:
		for (int i = 0; i < outer->u.comp.elts.len; i++)
			if (ast_expr_contains(outer->u.comp.elts.v[i], inner))
				return true;
		return false;
	case N_KEYVALUE:
		return ast_expr_contains(outer->u.kv.key, inner) ||
		       ast_expr_contains(outer->u.kv.value, inner);
	case N_PAREN:
	case N_STAR:
		return ast_expr_contains(outer->u.x, inner);
	case N_SELECTOR:
		return ast_expr_contains(outer->u.sel.x, inner);
	case N_INDEX:
		if (ast_expr_contains(outer->u.index.x, inner))
			return true;
		for (int i = 0; i < outer->u.index.index.len; i++)
			if (ast_expr_contains(outer->u.index.index.v[i], inner))
				return true;
		return false;
	case N_SLICEEXPR:
		return ast_expr_contains(outer->u.slice.x, inner) ||
		       ast_expr_contains(outer->u.slice.lo, inner) ||
		       ast_expr_contains(outer->u.slice.hi, inner) ||
		       ast_expr_contains(outer->u.slice.max, inner);
	case N_TYPEASSERT:
		return ast_expr_contains(outer->u.assert.x, inner);
	case N_CALL:
		if (ast_expr_contains(outer->u.call.fun, inner))
			return true;
		for (int i = 0; i < outer->u.call.args.len; i++)
			if (ast_expr_contains(outer->u.call.args.v[i], inner))
				return true;
		return false;
	case N_UNARY:
		return ast_expr_contains(outer->u.unary.x, inner);
	case N_BINARY:
		return ast_expr_contains(outer->u.binary.x, inner) ||
		       ast_expr_contains(outer->u.binary.y, inner);
	default:
		return false;
	}
}
