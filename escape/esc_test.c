// esc_test.c: unit tests of the escape solver on hand-built SSA (GETVAR/SETVAR form), one
// small function per case, checking Value.esc, Obj.leaks and the -m lines. Each case is
// the Go in its comment; the expected lines are gc's (go tool compile -m -l).
// Run: meson test -C build --suite unit (or the escape_test binary directly).
#define _POSIX_C_SOURCE 200809L // mkstemp, dup

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "escape/escape.h"
#include "frontend/frontend.h"
#include "ssa/ssa.h"

// The tests build origins without a parser; a weak stand-in renders them when the
// front end's expr_string is not linked in.
__attribute__((weak)) const char *
expr_string(Node *n)
{
	return n->kind == N_CALL ? "new(int)" : "&T{...}";
}

static Program *prog;
static int file;
static int failures;
static Type *pint, *ppint;
static Obj *sink;

static Pos
at(int line, int col)
{
	return (Pos){file, line, col};
}

static Obj *
var(const char *name, Type *t, int line, int col, uint32_t flags)
{
	Obj *o = obj_new(OBJ_VAR, sym_cstr(name), at(line, col));
	o->type = t;
	o->flags = flags;
	return o;
}

// fn starts a function with the given params and results (results: types; named ~rN).
static Func *
fn(const char *name, int line, Obj **params, int np, Type **results, int nr)
{
	FuncInfo *fi = NEW(perm, FuncInfo);
	Obj *o = obj_new(OBJ_FUNC, sym_cstr(name), at(line, 6));
	o->func = fi;
	fi->obj = o;
	fi->name = name;
	for (int i = 0; i < np; i++) {
		params[i]->flags |= OBJF_PARAM;
		params[i]->func = fi;
		vec_push(perm, fi->params, params[i]);
	}
	for (int i = 0; i < nr; i++) {
		Obj *r = var(arena_sprintf(perm, "~r%d", i), results[i], line, 6, OBJF_RESULT);
		vec_push(perm, fi->results, r);
	}
	Func *f = ssa_new_func(prog, name);
	f->info = fi;
	o->ssa = f;
	Block *b = ssa_new_block(f, BK_PLAIN, at(line, 1));
	for (int i = 0; i < np; i++) {
		Value *p = ssa_new_value(b, OP_PARAM, params[i]->type, params[i]->pos);
		p->auxint = i;
		p->aux = params[i];
		vec_push(f->arena, f->params, p);
		Value *s = ssa_new_value(b, OP_SETVAR, NULL, params[i]->pos);
		s->aux = params[i];
		ssa_add_arg(s, p);
	}
	return f;
}

static Value *
val(Block *b, Op op, Type *t, Value *a0, Value *a1)
{
	Value *v = ssa_new_value(b, op, t, b->pos);
	if (a0)
		ssa_add_arg(v, a0);
	if (a1)
		ssa_add_arg(v, a1);
	return v;
}

static Value *
getvar(Block *b, Obj *o)
{
	Value *v = val(b, OP_GETVAR, o->type, NULL, NULL);
	v->aux = o;
	return v;
}

static void
setvar(Block *b, Obj *o, Value *x)
{
	Value *v = val(b, OP_SETVAR, NULL, x, NULL);
	v->aux = o;
}

static Value *
alloc(Block *b, AllocKind k, Type *elem, Obj *o, int line, int col)
{
	Value *v = ssa_new_value(b, OP_ALLOC, type_pointer(elem), at(line, col));
	v->auxint = k;
	v->aux = o;
	if (k != ALLOC_VAR)
		v->origin = ast_new(k == ALLOC_NEW ? N_CALL : N_COMPOSITE, at(line, col));
	return v;
}

static Value *
call(Block *b, Func *callee, Type *t, Value *a0)
{
	Value *v = val(b, OP_CALL, t, a0, NULL);
	v->aux = callee->info->obj;
	return v;
}

static void
ret(Block *b, Value *x)
{
	b->kind = BK_RET;
	if (x)
		ssa_set_control(b, x);
}

static void
expect(bool ok, const char *what)
{
	if (!ok) {
		printf("FAIL: %s\n", what);
		failures++;
	}
}

int
main(void)
{
	types_init();
	static const char src[] = "package p\n";
	file = file_add("t.go", src, sizeof src - 1);
	prog = NEW(perm, Program);
	pint = type_pointer(ty_int);
	ppint = type_pointer(pint);
	sink = var("sink", pint, 1, 5, OBJF_GLOBAL);

	// 2: func leak(p *int) { sink = p }
	Obj *p1 = var("p", pint, 2, 11, 0);
	Func *f = fn("leak", 2, &p1, 1, NULL, 0);
	Block *b = f->entry;
	Value *g = val(b, OP_GLOBAL, ppint, NULL, NULL);
	g->aux = sink;
	val(b, OP_STORE, NULL, g, getvar(b, p1));
	ret(b, NULL);

	// 3: func ret(p *int) *int { return p }
	Obj *p2 = var("p", pint, 3, 10, 0);
	Func *fret = fn("ret", 3, &p2, 1, &pint, 1);
	ret(fret->entry, getvar(fret->entry, p2));

	// 4: func mk() *int { return new(int) }
	Func *fmk = fn("mk", 4, NULL, 0, &pint, 1);
	Value *n4 = alloc(fmk->entry, ALLOC_NEW, ty_int, NULL, 4, 28);
	ret(fmk->entry, n4);

	// 5: func deref(p *int) int { return *p }
	Obj *p5 = var("p", pint, 5, 12, 0);
	Func *fd = fn("deref", 5, &p5, 1, &ty_int, 1);
	ret(fd->entry, val(fd->entry, OP_LOAD, ty_int, getvar(fd->entry, p5), NULL));

	// 6: func local() int { x := new(int); return *x }
	Obj *x6 = var("x", pint, 6, 20, 0);
	Func *fl = fn("local", 6, NULL, 0, &ty_int, 1);
	Value *n6 = alloc(fl->entry, ALLOC_NEW, ty_int, NULL, 6, 28);
	setvar(fl->entry, x6, n6);
	ret(fl->entry, val(fl->entry, OP_LOAD, ty_int, getvar(fl->entry, x6), NULL));

	// 7: func caller(q *int) *int { return ret(q) }
	Obj *q7 = var("q", pint, 7, 13, 0);
	Func *fc = fn("caller", 7, &q7, 1, &pint, 1);
	ret(fc->entry, call(fc->entry, fret, pint, getvar(fc->entry, q7)));

	// 8: func content(pp **int) { sink = *pp }
	Obj *p8 = var("pp", ppint, 8, 14, 0);
	Func *fct = fn("content", 8, &p8, 1, NULL, 0);
	b = fct->entry;
	g = val(b, OP_GLOBAL, ppint, NULL, NULL);
	g->aux = sink;
	val(b, OP_STORE, NULL, g, val(b, OP_LOAD, pint, getvar(b, p8), NULL));
	ret(b, NULL);

	// 9: func addr() *int { var x int; return &x }
	Obj *x9 = var("x", ty_int, 9, 24, OBJF_ADDRTAKEN);
	Func *fa = fn("addr", 9, NULL, 0, &pint, 1);
	Value *a9 = alloc(fa->entry, ALLOC_VAR, ty_int, x9, 9, 24);
	ret(fa->entry, a9);

	// 10: func loop() { var p *int; for { p = new(int) } }
	//     (the loop body block has loopdepth 1)
	Obj *p10 = var("p", pint, 10, 19, 0);
	Func *flp = fn("loop", 10, NULL, 0, NULL, 0);
	setvar(flp->entry, p10, val(flp->entry, OP_ZERO, pint, NULL, NULL));
	Block *body = ssa_new_block(flp, BK_PLAIN, at(10, 33));
	body->loopdepth = 1;
	ssa_add_edge(flp->entry, body);
	ssa_add_edge(body, body);
	Value *n10 = alloc(body, ALLOC_NEW, ty_int, NULL, 10, 42);
	setvar(body, p10, n10);

	// 11: func rec1(p *int) { rec2(p) }
	// 12: func rec2(p *int) { rec1(p); sink = p }
	Obj *p11 = var("p", pint, 11, 11, 0);
	Obj *p12 = var("p", pint, 12, 11, 0);
	Func *r1 = fn("rec1", 11, &p11, 1, NULL, 0);
	Func *r2 = fn("rec2", 12, &p12, 1, NULL, 0);
	call(r1->entry, r2, NULL, getvar(r1->entry, p11));
	ret(r1->entry, NULL);
	call(r2->entry, r1, NULL, getvar(r2->entry, p12));
	g = val(r2->entry, OP_GLOBAL, ppint, NULL, NULL);
	g->aux = sink;
	val(r2->entry, OP_STORE, NULL, g, getvar(r2->entry, p12));
	ret(r2->entry, NULL);

	// 13: func tee() { s := &T{}; t := new(int); s.f = t }  (s does not escape, so the
	//     store into its memory keeps t on the stack)
	Type *tp = type_struct(&(Field){.name = sym_cstr("f"), .type = pint}, 1);
	Func *ft = fn("tee", 13, NULL, 0, NULL, 0);
	b = ft->entry;
	Value *s13 = alloc(b, ALLOC_COMPOSITE, tp, NULL, 13, 17);
	Value *t13 = alloc(b, ALLOC_NEW, ty_int, NULL, 13, 31);
	Value *fa13 = val(b, OP_FIELDADDR, ppint, s13, NULL);
	val(b, OP_STORE, NULL, fa13, t13);
	ret(b, NULL);

	// Capture the -m lines.
	char tmpl[] = "/tmp/esc_testXXXXXX";
	int tfd = mkstemp(tmpl);
	fflush(stderr);
	int saved = dup(2);
	dup2(tfd, 2);
	esc_analyze(prog, 1);
	diag_flush();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);

	expect(n4->esc == ESC_HEAP, "mk: new(int) escapes");
	expect(n6->esc == ESC_STACK, "local: new(int) stays");
	expect(a9->esc == ESC_HEAP, "addr: x moved to heap");
	expect(n10->esc == ESC_HEAP, "loop: new(int) escapes (declared outside the loop)");
	expect(s13->esc == ESC_STACK && t13->esc == ESC_STACK, "tee: both stay");
	expect(fret->info->obj->nleaks == 1 && fret->info->obj->leaks[0].result[0] == 0 &&
		       fret->info->obj->leaks[0].heap == -1,
	       "ret: summary p -> result 0");
	expect(f->info->obj->leaks[0].heap == 0, "leak: summary p -> heap");

	static const char want[] = "t.go:2:11: leaking param: p\n"
				   "t.go:3:10: leaking param: p to result ~r0 level=0\n"
				   "t.go:4:28: new(int) escapes to heap\n"
				   "t.go:5:12: p does not escape\n"
				   "t.go:6:28: new(int) does not escape\n"
				   "t.go:7:13: leaking param: q to result ~r0 level=0\n"
				   "t.go:8:14: leaking param content: pp\n"
				   "t.go:9:24: moved to heap: x\n"
				   "t.go:10:42: new(int) escapes to heap\n"
				   "t.go:11:11: leaking param: p\n"
				   "t.go:12:11: leaking param: p\n"
				   "t.go:13:17: &T{...} does not escape\n"
				   "t.go:13:31: new(int) does not escape\n";
	size_t len;
	char *got = file_read(tmpl, &len);
	unlink(tmpl);
	if (!got || strcmp(got, want) != 0) {
		printf("FAIL: -m output\n--- got\n%s--- want\n%s", got ? got : "", want);
		failures++;
	}
	printf("%d passed, %d failed\n", failures ? 0 : 1, failures ? 1 : 0);
	return failures ? 1 : 0;
}
