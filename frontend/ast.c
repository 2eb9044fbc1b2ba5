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

// ast_kids calls fn(kid, ctx) on each child of n in source order: operands of
// expressions, the parts of statements and declarations, a func literal's body; never
// type expressions. It stops at the first call that returns true and returns whether one
// did. The shared walk of the tree for passes that visit every node.
bool
ast_kids(Node *n, bool (*fn)(Node *kid, void *ctx), void *ctx)
{
#define KID(k)                                                                           \
	do {                                                                             \
		if ((k) && fn((k), ctx))                                                 \
			return true;                                                     \
	} while (0)
#define KIDS(l)                                                                          \
	do {                                                                             \
		for (int i_ = 0; i_ < (l)->len; i_++)                                    \
			KID((l)->v[i_]);                                                 \
	} while (0)
	if (!n)
		return false;
	switch (n->kind) {
	case N_COMPOSITE:
		KIDS(&n->u.comp.elts);
		break;
	case N_FUNCLIT:
		KID(n->u.func.body);
		break;
	case N_PAREN: case N_STAR: case N_EXPRSTMT: case N_GO: case N_DEFER:
		KID(n->u.x);
		break;
	case N_SELECTOR:
		KID(n->u.sel.x);
		break;
	case N_INDEX:
		KID(n->u.index.x);
		KIDS(&n->u.index.index);
		break;
	case N_SLICEEXPR:
		KID(n->u.slice.x);
		KID(n->u.slice.lo);
		KID(n->u.slice.hi);
		KID(n->u.slice.max);
		break;
	case N_TYPEASSERT:
		KID(n->u.assert.x);
		break;
	case N_CALL:
		KID(n->u.call.fun);
		KIDS(&n->u.call.args);
		break;
	case N_UNARY:
		KID(n->u.unary.x);
		break;
	case N_BINARY: case N_SEND:
		KID(n->u.binary.x);
		KID(n->u.binary.y);
		break;
	case N_KEYVALUE:
		KID(n->u.kv.key);
		KID(n->u.kv.value);
		break;
	case N_DECLSTMT: case N_RETURN:
		KIDS(&n->u.list);
		break;
	case N_LABELED:
		KID(n->u.labeled.stmt);
		break;
	case N_INCDEC:
		KID(n->u.incdec.x);
		break;
	case N_ASSIGN:
		KIDS(&n->u.assign.lhs);
		KIDS(&n->u.assign.rhs);
		break;
	case N_BLOCK:
		KIDS(&n->u.block.stmts);
		break;
	case N_IF:
		KID(n->u.ifs.init);
		KID(n->u.ifs.cond);
		KID(n->u.ifs.then);
		KID(n->u.ifs.els);
		break;
	case N_CASECLAUSE: case N_COMMCLAUSE:
		KIDS(&n->u.clause.list);
		KIDS(&n->u.clause.body);
		break;
	case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
		KID(n->u.sw.init);
		KID(n->u.sw.tag);
		KIDS(&n->u.sw.body);
		break;
	case N_FOR:
		KID(n->u.fors.init);
		KID(n->u.fors.cond);
		KID(n->u.fors.post);
		KID(n->u.fors.body);
		break;
	case N_RANGE:
		KID(n->u.range.key);
		KID(n->u.range.value);
		KID(n->u.range.x);
		KID(n->u.range.body);
		break;
	case N_VALUESPEC:
		KIDS(&n->u.value.values);
		break;
	case N_FUNCDECL:
		KID(n->u.funcdecl.body);
		break;
	case N_FILE:
		KIDS(&n->u.file.decls);
		break;
	default:
		break;
	}
	return false;
#undef KID
#undef KIDS
}

// ast_expr_contains reports whether expression inner is outer or lies inside it, not
// looking into func literal bodies.
static bool
contains_kid(Node *kid, void *inner)
{
	return ast_expr_contains(kid, inner);
}

bool
ast_expr_contains(Node *outer, Node *inner)
{
	if (!outer || !inner)
		return false;
	if (outer == inner)
		return true;
	return outer->kind != N_FUNCLIT && ast_kids(outer, contains_kid, inner);
}
