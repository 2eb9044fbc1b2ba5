// ssadump.c: the deterministic text form of SSA used for teaching and golden tests
// (STYLE.md 5.5):
//
//   == pass mem2reg: func main.sum(xs []int) int ==
//   b1: entry
//       v1 = param <[]int> [0] xs
//       v3 = slicelen <int> v1
//       plain -> b2
//   b2: preds b1 b4                        ; idom b1, frontier {b2}
//       v4 = phi <int> total [b1: v2] [b4: v9]
//       if v6 -> b4 b3
//
// A value line is `vN = op <type> [auxint] {aux} name args`, each part only when it
// applies: <type> uses the frontend's type_string; [auxint] is printed for the ops whose
// auxint always means something (const, param, field indices, kinds) and otherwise only
// when non-zero; {aux} names callees, globals, runtime functions and string constants;
// name is the source variable; phi arguments are labelled with their pred block.
// Allocation values end with `@stack` or `@heap` once escape analysis has marked them.
// Block lines end with the terminator: `plain -> bS`, `if vC -> bThen bElse`,
// `ret [vR]`, `exit`.
//
// Blocks print in reverse postorder (unreachable ones, if any, after, in creation
// order); nothing depends on pointer values or hash order. With annotate, each block
// header gets `; idom bI, frontier {...}` (and `depth N` for loop blocks); this computes
// VALID_RPO/DOM/DF if missing, which may delete unreachable blocks.
// Shown by: `gosub ssa -pass NAME [-func F]`.
#define _POSIX_C_SOURCE 200809L // open_memstream
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static void print_block(FILE *out, Func *f, Block *b, bool annotate);

static const char *const alloc_kind_name[] = {
	[ALLOC_VAR] = "var", [ALLOC_NEW] = "new", [ALLOC_COMPOSITE] = "composite",
	[ALLOC_TEMP] = "temp",
};

static const char *const bounds_kind_name[] = {
	[BOUNDS_INDEX] = "index",       [BOUNDS_SLICEALEN] = "slicealen",
	[BOUNDS_SLICEACAP] = "sliceacap", [BOUNDS_SLICEB] = "sliceb",
	[BOUNDS_SLICE3ALEN] = "slice3alen", [BOUNDS_SLICE3ACAP] = "slice3acap",
	[BOUNDS_SLICE3B] = "slice3b",   [BOUNDS_SLICE3C] = "slice3c",
	[BOUNDS_CONVERT] = "convert",
};

static void
print_quoted(FILE *out, const char *s, int64_t n)
{
	fputc('"', out);
	for (int64_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(out, "\\x%02x", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

// obj_qualname: the name of a function or global as dumps print it.
static const char *
obj_qualname(Obj *o)
{
	if (!o)
		return "?";
	if (o->kind == OBJ_FUNC && o->func && o->func->name)
		return o->func->name;
	if (o->pkg && o->pkg->path)
		return arena_sprintf(perm, "%s.%s", o->pkg->path, o->name->name);
	return o->name ? o->name->name : "?";
}

// var_aux: ops whose aux is the Obj of the variable they concern; its name prints as
// the value's source name.
static bool
var_aux(Value *v)
{
	switch (v->op) {
	case OP_PARAM: case OP_FREEVAR: case OP_GETVAR: case OP_SETVAR: case OP_PHI:
		return true;
	case OP_ALLOC:
		return v->auxint == ALLOC_VAR;
	default:
		return false;
	}
}

static bool
type_is_floaty(Type *t)
{
	return t && (t->kind == TY_FLOAT32 || t->kind == TY_FLOAT64 ||
		     t->kind == TY_UNTYPED_FLOAT);
}

static void
print_auxint(FILE *out, Value *v)
{
	switch (v->op) {
	case OP_CONST:
		if (v->type && type_is_complex(v->type) && v->aux) {
			// aux points at {re, im}: printed as Go prints a complex, (1.5+2i)
			const double *ri = v->aux;
			fprintf(out, " [(%.17g%+.17gi)]", ri[0], ri[1]);
			return;
		}
		if (v->aux) // string: auxint is the length, aux the bytes
			return;
		if (type_is_floaty(v->type)) {
			double d;
			uint64_t bits = (uint64_t)v->auxint;
			memcpy(&d, &bits, sizeof d);
			fprintf(out, " [%.17g]", d);
		} else {
			fprintf(out, " [%lld]", (long long)v->auxint);
		}
		return;
	case OP_PARAM: case OP_FREEVAR: case OP_EXTRACT: case OP_INSERT: case OP_FIELDADDR:
	case OP_CALLIFACE:
		fprintf(out, " [%lld]", (long long)v->auxint);
		return;
	case OP_ALLOC:
		if (v->auxint >= 0 && v->auxint < (int64_t)ARRAY_LEN(alloc_kind_name))
			fprintf(out, " [%s]", alloc_kind_name[v->auxint]);
		else
			fprintf(out, " [%lld]", (long long)v->auxint);
		return;
	case OP_BOUNDS:
		if (v->auxint >= 0 && v->auxint < (int64_t)ARRAY_LEN(bounds_kind_name))
			fprintf(out, " [%s]", bounds_kind_name[v->auxint]);
		else
			fprintf(out, " [%lld]", (long long)v->auxint);
		return;
	default:
		if (v->auxint)
			fprintf(out, " [%lld]", (long long)v->auxint);
	}
}

static void
print_aux(FILE *out, Value *v)
{
	if (!v->aux || var_aux(v) || (v->op == OP_CONST && type_is_complex(v->type)))
		return;
	switch (v->op) {
	case OP_CONST:
		fputs(" {", out);
		print_quoted(out, v->aux, v->auxint);
		fputs("}", out);
		return;
	case OP_CALL: case OP_FUNCADDR: case OP_GLOBAL: case OP_METHODVALUE:
		fprintf(out, " {%s}", obj_qualname(v->aux));
		return;
	case OP_CALLIFACE: // the method's name
		fprintf(out, " {%s}", ((Sym *)v->aux)->name);
		return;
	case OP_CALLRT:
		fprintf(out, " {%s}", (const char *)v->aux);
		return;
	case OP_MAKECLOSURE: {
		FuncInfo *fi = v->aux;
		fprintf(out, " {%s}", fi->name ? fi->name : "func literal");
		return;
	}
	default:
		return;
	}
}

static const char *
value_name(Value *v)
{
	if (v->name)
		return v->name->name;
	if (var_aux(v) && v->aux) {
		Obj *o = v->aux;
		if (o->name)
			return o->name->name;
	}
	return NULL;
}

static void
print_value(FILE *out, Value *v)
{
	fprintf(out, "    v%d = %s", v->id, op_name[v->op]);
	if (v->type)
		fprintf(out, " <%s>", type_string(v->type));
	print_auxint(out, v);
	print_aux(out, v);
	const char *name = value_name(v);
	if (name)
		fprintf(out, " %s", name);
	if (v->op == OP_PHI) {
		for (int i = 0; i < v->nargs; i++) {
			Block *p = i < v->block->preds.len ? v->block->preds.v[i] : NULL;
			if (p)
				fprintf(out, " [b%d: v%d]", p->id, v->args[i]->id);
			else
				fprintf(out, " [?: v%d]", v->args[i]->id);
		}
	} else {
		for (int i = 0; i < v->nargs; i++)
			fprintf(out, " v%d", v->args[i]->id);
	}
	if ((op_flags[v->op] & OF_ALLOC) && v->esc != ESC_UNKNOWN)
		fputs(v->esc == ESC_HEAP ? " @heap" : " @stack", out);
	fputc('\n', out);
}

// ssa_dump_block prints block b of f as ssa_dump_func does (header line, values,
// terminator); for the views built on the text form (ssadot.c, ssahtml.c).
void
ssa_dump_block(Func *f, Block *b, bool annotate, void *file)
{
	print_block(file ? file : stdout, f, b, annotate);
}

static void
print_block(FILE *out, Func *f, Block *b, bool annotate)
{
	char head[512];
	int n = snprintf(head, sizeof head, "b%d:", b->id);
	if (b == f->entry) {
		n += snprintf(head + n, sizeof head - (size_t)n, " entry");
	} else {
		n += snprintf(head + n, sizeof head - (size_t)n, " preds");
		for (int i = 0; i < b->preds.len && n < (int)sizeof head - 16; i++)
			n += snprintf(head + n, sizeof head - (size_t)n, " b%d", b->preds.v[i]->id);
	}
	fputs(head, out);
	if (annotate && b->rpo >= 0) {
		do
			fputc(' ', out);
		while (++n < 39);
		fputs("; idom ", out);
		if (b->idom)
			fprintf(out, "b%d", b->idom->id);
		else
			fputs("-", out);
		fputs(", frontier {", out);
		for (int i = 0; i < b->frontier.len; i++)
			fprintf(out, "%sb%d", i ? " " : "", b->frontier.v[i]->id);
		fputs("}", out);
		if (b->loopdepth > 0)
			fprintf(out, ", depth %d", b->loopdepth);
	}
	fputc('\n', out);
	for (int i = 0; i < b->values.len; i++)
		print_value(out, b->values.v[i]);
	switch (b->kind) {
	case BK_PLAIN:
		fprintf(out, "    plain -> b%d\n", b->nsuccs > 0 ? b->succs[0]->id : 0);
		break;
	case BK_IF:
		fprintf(out, "    if v%d -> b%d b%d\n", b->control ? b->control->id : 0,
			b->nsuccs > 0 ? b->succs[0]->id : 0, b->nsuccs > 1 ? b->succs[1]->id : 0);
		break;
	case BK_RET:
		if (b->control)
			fprintf(out, "    ret v%d\n", b->control->id);
		else
			fputs("    ret\n", out);
		break;
	case BK_EXIT:
		fputs("    exit\n", out);
		break;
	}
}

static void
print_field(FILE *out, Obj *o, Type *t)
{
	if (o && o->name && o->name->name[0] != '~')
		fprintf(out, "%s ", o->name->name);
	fputs(t ? type_string(t) : (o && o->type ? type_string(o->type) : "?"), out);
}

// print_sig prints "main.f(xs []int) int" for f.
static void
print_sig(FILE *out, Func *f)
{
	fputs(f->name ? f->name : "?", out);
	fputc('(', out);
	FuncInfo *fi = f->info;
	if (!fi) {
		fputc(')', out);
		return;
	}
	int k = 0;
	if (fi->recv) {
		print_field(out, fi->recv, NULL);
		k++;
	}
	for (int i = 0; i < fi->params.len; i++, k++) {
		if (k)
			fputs(", ", out);
		print_field(out, fi->params.v[i], NULL);
	}
	fputc(')', out);
	int nr = fi->results.len;
	if (nr == 0)
		return;
	bool named = false;
	for (int i = 0; i < nr; i++) {
		Obj *o = fi->results.v[i];
		if (o->name && o->name->name[0] != '~' && o->name->name[0] != '_')
			named = true;
	}
	fputc(' ', out);
	if (nr == 1 && !named) {
		print_field(out, NULL, fi->results.v[0]->type);
		return;
	}
	fputc('(', out);
	for (int i = 0; i < nr; i++) {
		if (i)
			fputs(", ", out);
		if (named)
			print_field(out, fi->results.v[i], NULL);
		else
			print_field(out, NULL, fi->results.v[i]->type);
	}
	fputc(')', out);
}

// ssa_dump_order returns f's blocks in dump order: RPO when valid, else a fresh DFS
// order computed without editing f; unreachable blocks last, in creation order.
BlockList
ssa_dump_order(Func *f)
{
	int nb = f->nblocks;
	char *done = NEWARR(f->arena, char, nb);
	BlockList order = {0};
	if (f->valid & VALID_RPO) {
		for (int i = 0; i < f->rpo.len; i++)
			vec_push(f->arena, order, f->rpo.v[i]);
	} else if (f->entry) {
		Block **post = NEWARR(f->arena, Block *, nb);
		Block **stack = NEWARR(f->arena, Block *, nb);
		int *next = NEWARR(f->arena, int, nb);
		char *seen = NEWARR(f->arena, char, nb);
		int np = 0, sp = 0;
		stack[sp++] = f->entry;
		seen[f->entry->id] = 1;
		while (sp > 0) {
			Block *b = stack[sp - 1];
			if (next[b->id] < b->nsuccs) {
				// Last successor first, so the first one comes first in RPO.
				Block *s = b->succs[b->nsuccs - 1 - next[b->id]++];
				if (!seen[s->id]) {
					seen[s->id] = 1;
					stack[sp++] = s;
				}
				continue;
			}
			post[np++] = b;
			sp--;
		}
		for (int i = np - 1; i >= 0; i--)
			vec_push(f->arena, order, post[i]);
	}
	for (int i = 0; i < order.len; i++)
		done[order.v[i]->id] = 1;
	for (int i = 0; i < f->blocks.len; i++)
		if (!done[f->blocks.v[i]->id])
			vec_push(f->arena, order, f->blocks.v[i]);
	return order;
}

// ssa_dump_sig returns f's signature as dump headers print it: "main.f(n int) int".
const char *
ssa_dump_sig(Func *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return f->name ? f->name : "?";
	print_sig(m, f);
	fclose(m);
	const char *r = arena_strndup(perm, buf, len);
	free(buf);
	return r;
}

// ssa_dump_func prints f in the text format described at the top of this file, preceded
// by "== pass HEADER: func SIG ==" (or "== func SIG ==" when header is NULL).
// Requires: nothing; annotate computes RPO, dominators and frontiers when missing.
void
ssa_dump_func(Func *f, const char *header, bool annotate, void *file)
{
	FILE *out = file ? file : stdout;
	if (annotate) {
		if (!(f->valid & VALID_RPO))
			cfg_compute_rpo(f);
		if (!(f->valid & VALID_DF))
			df_compute(f);
	}
	if (header)
		fprintf(out, "== pass %s: func ", header);
	else
		fputs("== func ", out);
	print_sig(out, f);
	fputs(" ==\n", out);

	BlockList order = ssa_dump_order(f);
	for (int i = 0; i < order.len; i++)
		print_block(out, f, order.v[i], annotate);
}
