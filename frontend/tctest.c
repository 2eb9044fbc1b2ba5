// tctest.c: a test tool for the front end: parses the Go files named on the command line
// with the grammar's parse_file, type-checks them as one package with tc_package,
// flushes the diagnostics and exits 1 if there was any error. With -dump it prints every
// FuncInfo (link name, params, results, locals, captures, flags) to stdout. With -exprs
// it prints every expression node as "path:line:col: KIND expr_string" (for comparing
// expr_string with the expressions of gc's -m lines).
//
// Usage: tctest [-e] [-dump] [-exprs] file.go...
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "grammar/grammar.h"

static void
dump_objs(const char *what, ObjList *l)
{
	printf("  %s:", what);
	for (int i = 0; i < l->len; i++) {
		Obj *o = l->v[i];
		printf(" %s %s", o->name->name, type_string(o->type));
		if (o->flags & OBJF_ADDRTAKEN)
			printf(" [addr]");
		if (o->flags & OBJF_CAPTURED)
			printf(" [captured]");
		if (o->flags & OBJF_REASSIGNED)
			printf(" [reassigned]");
		printf(";");
	}
	printf("\n");
}

static void walk_exprs(Node *n);

static void
walk_list(NodeList *l)
{
	for (int i = 0; i < l->len; i++)
		walk_exprs(l->v[i]);
}

// walk_exprs prints n (when it is an expression) and visits its children.
static void
walk_exprs(Node *n)
{
	if (!n)
		return;
	if (n->kind <= N_KEYVALUE && n->kind != N_KEYVALUE)
		printf("%s: %s %s\n", pos_string(n->pos), node_kind_name(n->kind), expr_string(n));
	switch (n->kind) {
	case N_COMPOSITE: walk_list(&n->u.comp.elts); break;
	case N_FUNCLIT: walk_exprs(n->u.func.body); break;
	case N_PAREN: case N_STAR: case N_EXPRSTMT: case N_GO: case N_DEFER: case N_ELLIPSIS:
		walk_exprs(n->u.x);
		break;
	case N_SELECTOR: walk_exprs(n->u.sel.x); break;
	case N_INDEX: walk_exprs(n->u.index.x); walk_list(&n->u.index.index); break;
	case N_SLICEEXPR:
		walk_exprs(n->u.slice.x);
		walk_exprs(n->u.slice.lo);
		walk_exprs(n->u.slice.hi);
		walk_exprs(n->u.slice.max);
		break;
	case N_TYPEASSERT: walk_exprs(n->u.assert.x); break;
	case N_CALL: walk_exprs(n->u.call.fun); walk_list(&n->u.call.args); break;
	case N_UNARY: walk_exprs(n->u.unary.x); break;
	case N_BINARY: case N_SEND: walk_exprs(n->u.binary.x); walk_exprs(n->u.binary.y); break;
	case N_KEYVALUE: walk_exprs(n->u.kv.key); walk_exprs(n->u.kv.value); break;
	case N_DECLSTMT: case N_RETURN: walk_list(&n->u.list); break;
	case N_LABELED: walk_exprs(n->u.labeled.stmt); break;
	case N_INCDEC: walk_exprs(n->u.incdec.x); break;
	case N_ASSIGN: walk_list(&n->u.assign.lhs); walk_list(&n->u.assign.rhs); break;
	case N_BLOCK: walk_list(&n->u.block.stmts); break;
	case N_IF:
		walk_exprs(n->u.ifs.init);
		walk_exprs(n->u.ifs.cond);
		walk_exprs(n->u.ifs.then);
		walk_exprs(n->u.ifs.els);
		break;
	case N_CASECLAUSE: case N_COMMCLAUSE:
		walk_list(&n->u.clause.list);
		walk_list(&n->u.clause.body);
		break;
	case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
		walk_exprs(n->u.sw.init);
		walk_exprs(n->u.sw.tag);
		walk_list(&n->u.sw.body);
		break;
	case N_FOR:
		walk_exprs(n->u.fors.init);
		walk_exprs(n->u.fors.cond);
		walk_exprs(n->u.fors.post);
		walk_exprs(n->u.fors.body);
		break;
	case N_RANGE:
		walk_exprs(n->u.range.key);
		walk_exprs(n->u.range.value);
		walk_exprs(n->u.range.x);
		walk_exprs(n->u.range.body);
		break;
	case N_VALUESPEC: walk_list(&n->u.value.names); walk_list(&n->u.value.values); break;
	case N_FUNCDECL: walk_exprs(n->u.funcdecl.body); break;
	case N_FILE: walk_list(&n->u.file.decls); break;
	default: break;
	}
}

int
main(int argc, char **argv)
{
	bool dump = false, exprs = false;
	types_init();
	VEC(Node *) files = {0};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-e") == 0) {
			diag_no_limit = true;
			continue;
		}
		if (strcmp(argv[i], "-dump") == 0) {
			dump = true;
			continue;
		}
		if (strcmp(argv[i], "-exprs") == 0) {
			exprs = true;
			continue;
		}
		size_t len;
		char *text = file_read(argv[i], &len);
		if (!text)
			die("cannot read %s", argv[i]);
		int idx = file_add(argv[i], text, len);
		Node *f = parse_file(idx);
		if (f)
			vec_push(perm, files, f);
	}
	if (diag_stop())
		return 1;
	tc_set_parser(parse_string);
	Package *pkg = tc_package(files.v, files.len);
	if (exprs)
		for (int i = 0; i < files.len; i++)
			walk_exprs(files.v[i]);
	if (diag_stop())
		return 1;
	if (dump) {
		for (int i = 0; i < pkg->funcs.len; i++) {
			FuncInfo *fi = pkg->funcs.v[i];
			printf("%s %s\n", fi->name, type_string(fi->type));
			if (fi->recv) {
				ObjList r = {0};
				vec_push(perm, r, fi->recv);
				dump_objs("recv", &r);
			}
			dump_objs("params", &fi->params);
			dump_objs("results", &fi->results);
			dump_objs("locals", &fi->locals);
			dump_objs("captures", &fi->captures);
		}
		printf("globals:");
		for (int i = 0; i < pkg->globals.len; i++)
			printf(" %s", pkg->globals.v[i]->name->name);
		printf("\n");
	}
	return 0;
}
