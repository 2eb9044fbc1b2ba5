// tctest.c: a test tool for the front end: parses the Go files named on the command line
// with the grammar's parse_file, type-checks them as one package with tc_package,
// flushes the diagnostics and exits 1 if there was any error. With -dump it prints every
// FuncInfo (link name, params, results, locals, captures, flags) to stdout.
//
// Usage: tctest [-e] [-dump] file.go...
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

int
main(int argc, char **argv)
{
	bool dump = false;
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
