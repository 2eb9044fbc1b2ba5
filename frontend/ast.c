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
