// astdump.c: a debugging printer for the AST: one line per node, indented by depth,
// giving the kind, line:col and the node's own data (names, operators, literal text).
// Used by `parsetest -dump`; the output is stable (no pointers).
#include <stdio.h>

#include "base/base.h"
#include "frontend/frontend.h"

static void
list(const char *label, NodeList l, int indent)
{
	if (l.len == 0)
		return;
	fprintf(stderr, "%*s%s:\n", indent * 2, "", label);
	for (int i = 0; i < l.len; i++)
		ast_dump(l.v[i], indent + 1);
}

static void
child(const char *label, Node *n, int indent)
{
	if (!n)
		return;
	fprintf(stderr, "%*s%s:\n", indent * 2, "", label);
	ast_dump(n, indent + 1);
}

// ast_dump prints n and its children to stderr, starting at the given indent level.
void
ast_dump(Node *n, int indent)
{
	if (!n) {
		fprintf(stderr, "%*s<nil>\n", indent * 2, "");
		return;
	}
	fprintf(stderr, "%*s%s %d:%d", indent * 2, "", node_kind_name(n->kind), n->pos.line,
		n->pos.col);
	int in = indent + 1;
	switch (n->kind) {
	case N_IDENT:
		fprintf(stderr, " %s\n", n->u.ident.name->name);
		break;
	case N_BASICLIT:
		fprintf(stderr, " %.*s\n", n->u.lit.len, n->u.lit.text);
		break;
	case N_COMPOSITE:
		fprintf(stderr, "\n");
		child("type", n->u.comp.type, in);
		list("elts", n->u.comp.elts, in);
		break;
	case N_FUNCLIT:
		fprintf(stderr, "\n");
		child("type", n->u.func.type, in);
		child("body", n->u.func.body, in);
		break;
	case N_PAREN: case N_STAR: case N_EXPRSTMT: case N_GO: case N_DEFER: case N_ELLIPSIS:
		fprintf(stderr, "\n");
		child("x", n->u.x, in);
		break;
	case N_SELECTOR:
		fprintf(stderr, " .%s\n", n->u.sel.name->name);
		child("x", n->u.sel.x, in);
		break;
	case N_INDEX:
		fprintf(stderr, "\n");
		child("x", n->u.index.x, in);
		list("index", n->u.index.index, in);
		break;
	case N_SLICEEXPR:
		fprintf(stderr, "%s\n", n->u.slice.three ? " 3-index" : "");
		child("x", n->u.slice.x, in);
		child("lo", n->u.slice.lo, in);
		child("hi", n->u.slice.hi, in);
		child("max", n->u.slice.max, in);
		break;
	case N_TYPEASSERT:
		fprintf(stderr, "%s\n", n->u.assert.type ? "" : " (type)");
		child("x", n->u.assert.x, in);
		child("type", n->u.assert.type, in);
		break;
	case N_CALL:
		fprintf(stderr, "%s\n", n->u.call.dots ? " ..." : "");
		child("fun", n->u.call.fun, in);
		list("args", n->u.call.args, in);
		break;
	case N_UNARY:
		fprintf(stderr, " %s\n", aop_string[n->u.unary.op]);
		child("x", n->u.unary.x, in);
		break;
	case N_BINARY: case N_SEND:
		fprintf(stderr, " %s\n", aop_string[n->u.binary.op]);
		child("x", n->u.binary.x, in);
		child("y", n->u.binary.y, in);
		break;
	case N_KEYVALUE:
		fprintf(stderr, "\n");
		child("key", n->u.kv.key, in);
		child("value", n->u.kv.value, in);
		break;
	case N_ARRAYTYPE:
		fprintf(stderr, "\n");
		child("len", n->u.array.len, in);
		child("elem", n->u.array.elem, in);
		break;
	case N_STRUCTTYPE: case N_INTERFACETYPE:
		fprintf(stderr, "\n");
		list("fields", n->u.fields, in);
		break;
	case N_FUNCTYPE:
		fprintf(stderr, "\n");
		list("params", n->u.functype.params, in);
		list("results", n->u.functype.results, in);
		break;
	case N_MAPTYPE:
		fprintf(stderr, "\n");
		child("key", n->u.map.key, in);
		child("value", n->u.map.value, in);
		break;
	case N_CHANTYPE:
		fprintf(stderr, " %s\n", n->u.chan.dir == CHAN_SEND ? "send" :
			n->u.chan.dir == CHAN_RECV ? "recv" : "both");
		child("elem", n->u.chan.elem, in);
		break;
	case N_FIELD:
		fprintf(stderr, "\n");
		list("names", n->u.field.names, in);
		child("type", n->u.field.type, in);
		child("tag", n->u.field.tag, in);
		break;
	case N_DECLSTMT: case N_RETURN:
		fprintf(stderr, "\n");
		list("list", n->u.list, in);
		break;
	case N_LABELED:
		fprintf(stderr, " %s\n", n->u.labeled.label->name);
		child("stmt", n->u.labeled.stmt, in);
		break;
	case N_INCDEC:
		fprintf(stderr, " %s\n", n->u.incdec.inc ? "++" : "--");
		child("x", n->u.incdec.x, in);
		break;
	case N_ASSIGN:
		fprintf(stderr, " %s%s\n", aop_string[n->u.assign.op],
			n->u.assign.define ? ":=" : "=");
		list("lhs", n->u.assign.lhs, in);
		list("rhs", n->u.assign.rhs, in);
		break;
	case N_BRANCH: {
		static const char *const kw[] = {"break", "continue", "goto", "fallthrough"};
		fprintf(stderr, " %s%s%s\n", kw[n->u.branch.kind], n->u.branch.label ? " " : "",
			n->u.branch.label ? n->u.branch.label->name : "");
		break;
	}
	case N_BLOCK:
		fprintf(stderr, " (} %d:%d)\n", n->u.block.rbrace.line, n->u.block.rbrace.col);
		list("stmts", n->u.block.stmts, in);
		break;
	case N_IF:
		fprintf(stderr, "\n");
		child("init", n->u.ifs.init, in);
		child("cond", n->u.ifs.cond, in);
		child("then", n->u.ifs.then, in);
		child("else", n->u.ifs.els, in);
		break;
	case N_CASECLAUSE: case N_COMMCLAUSE:
		fprintf(stderr, "%s\n", n->u.clause.isdefault ? " default" : "");
		list("list", n->u.clause.list, in);
		list("body", n->u.clause.body, in);
		break;
	case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
		fprintf(stderr, "\n");
		child("init", n->u.sw.init, in);
		child("tag", n->u.sw.tag, in);
		list("body", n->u.sw.body, in);
		break;
	case N_FOR:
		fprintf(stderr, "\n");
		child("init", n->u.fors.init, in);
		child("cond", n->u.fors.cond, in);
		child("post", n->u.fors.post, in);
		child("body", n->u.fors.body, in);
		break;
	case N_RANGE:
		fprintf(stderr, "%s\n", n->u.range.define ? " :=" : "");
		child("key", n->u.range.key, in);
		child("value", n->u.range.value, in);
		child("x", n->u.range.x, in);
		child("body", n->u.range.body, in);
		break;
	case N_IMPORTSPEC:
		fprintf(stderr, "\n");
		child("name", n->u.import.name, in);
		child("path", n->u.import.path, in);
		break;
	case N_VALUESPEC:
		fprintf(stderr, " %s iota=%d%s\n", n->u.value.isconst ? "const" : "var",
			n->u.value.iota, n->u.value.implicit ? " implicit" : "");
		list("names", n->u.value.names, in);
		child("type", n->u.value.type, in);
		list("values", n->u.value.values, in);
		break;
	case N_TYPESPEC:
		fprintf(stderr, "%s\n", n->u.typespec.alias ? " alias" : "");
		child("name", n->u.typespec.name, in);
		child("type", n->u.typespec.type, in);
		break;
	case N_FUNCDECL:
		fprintf(stderr, "\n");
		child("recv", n->u.funcdecl.recv, in);
		child("name", n->u.funcdecl.name, in);
		child("type", n->u.funcdecl.type, in);
		child("body", n->u.funcdecl.body, in);
		break;
	case N_FILE:
		fprintf(stderr, "\n");
		child("package", n->u.file.pkgname, in);
		list("imports", n->u.file.imports, in);
		list("decls", n->u.file.decls, in);
		break;
	default:
		fprintf(stderr, "\n");
		break;
	}
}
