// cg_test.c: unit tests of codegen: small programs built by hand with the ssa.h API (in
// the form mem2reg leaves: phis, no GETVAR/SETVAR), compiled by cg_program to an object,
// linked with the runtime and run; stdout+stderr and the exit status are compared.
//
// Usage: cg_test RUNTIME.a [CC]. Prints one line per failure and "N passed, N failed".
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "frontend/frontend.h"
#include "ssa/ssa.h"

static const char *rtlib;
static const char *cc = "cc";
static int npass, nfail;
static Pos P0;

// ---- building SSA by hand ----

static Value *
mk(Block *b, Op op, Type *t, int64_t auxint, int nargs, ...)
{
	Value *v = ssa_new_value(b, op, t, P0);
	v->auxint = auxint;
	va_list ap;
	va_start(ap, nargs);
	for (int i = 0; i < nargs; i++)
		ssa_add_arg(v, va_arg(ap, Value *));
	va_end(ap);
	return v;
}

static Value *
iconst(Block *b, Type *t, int64_t x)
{
	return mk(b, OP_CONST, t, x, 0);
}

static Value *
sconst(Block *b, const char *s)
{
	Value *v = mk(b, OP_CONST, ty_string, (int64_t)strlen(s), 0);
	v->aux = (void *)s;
	return v;
}

static Value *
callrt(Block *b, const char *fn, Type *t, int nargs, Value *a0, Value *a1)
{
	Value *v = ssa_new_value(b, OP_CALLRT, t, P0);
	v->aux = (void *)fn;
	if (nargs > 0)
		ssa_add_arg(v, a0);
	if (nargs > 1)
		ssa_add_arg(v, a1);
	return v;
}

static void
println_int(Block *b, Value *x)
{
	callrt(b, "rt_printlock", NULL, 0, NULL, NULL);
	callrt(b, "rt_printint", NULL, 1, x, NULL);
	callrt(b, "rt_printnl", NULL, 0, NULL, NULL);
	callrt(b, "rt_printunlock", NULL, 0, NULL, NULL);
}

static Field
fld(const char *name, Type *t)
{
	Field f = {0};
	f.name = name ? sym_cstr(name) : NULL;
	f.type = t;
	return f;
}

static Type *
functype(int np, Type **ps, int nr, Type **rs)
{
	Field fp[8], fr[8];
	for (int i = 0; i < np; i++)
		fp[i] = fld(NULL, ps[i]);
	for (int i = 0; i < nr; i++)
		fr[i] = fld(NULL, rs[i]);
	return type_func(fp, np, fr, nr, false);
}

// newfunc makes a Func and its FuncInfo/Obj, so CALL and FUNCADDR can name it.
static Func *
newfunc(Program *p, const char *name, Type *sig, bool lit)
{
	Func *f = ssa_new_func(p, name);
	FuncInfo *info = NEW(perm, FuncInfo);
	info->name = name;
	info->type = sig;
	if (!lit) {
		Obj *o = obj_new(OBJ_FUNC, sym_cstr(name), P0);
		o->func = info;
		o->type = sig;
		info->obj = o;
	}
	f->info = info;
	f->type = sig;
	f->pos = P0;
	return f;
}

static Value *
param(Func *f, Block *b, int i, Type *t)
{
	Value *v = mk(b, OP_PARAM, t, i, 0);
	vec_push(f->arena, f->params, v);
	return v;
}

static Value *
call(Block *b, Func *callee, Type *t, int nargs, ...)
{
	Value *v = ssa_new_value(b, OP_CALL, t, P0);
	v->aux = callee->info->obj;
	va_list ap;
	va_start(ap, nargs);
	for (int i = 0; i < nargs; i++)
		ssa_add_arg(v, va_arg(ap, Value *));
	va_end(ap);
	return v;
}

static void
ret(Block *b, Value *x)
{
	b->kind = BK_RET;
	if (x)
		ssa_set_control(b, x);
}

// ---- running ----

static char *
read_all(FILE *f)
{
	size_t cap = 4096, len = 0;
	char *s = malloc(cap);
	size_t n;
	while ((n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 >= cap)
			s = realloc(s, cap *= 2);
	}
	s[len] = 0;
	return s;
}

static void
check(const char *name, Program *p, int optlevel, const char *want, int wantstatus)
{
	char obj[] = "/tmp/cgtestXXXXXX.o", exe[64];
	int fd = mkstemps(obj, 2);
	close(fd);
	snprintf(exe, sizeof exe, "%.*s", (int)strlen(obj) - 2, obj);
	CgOptions o = {.optlevel = optlevel, .verify = true, .out = obj};
	if (getenv("CG_TEST_LL")) {
		CgOptions l = o;
		l.emit_llvm = true;
		l.out = "/dev/stderr";
		cg_program(p, &l);
	}
	if (!cg_program(p, &o)) {
		printf("FAIL %s -O%d: cg_program failed\n", name, optlevel);
		nfail++;
		return;
	}
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s -o %s %s %s -lm", cc, exe, obj, rtlib);
	if (system(cmd) != 0) {
		printf("FAIL %s -O%d: link failed\n", name, optlevel);
		nfail++;
		unlink(obj);
		return;
	}
	snprintf(cmd, sizeof cmd, "%s 2>&1", exe);
	FILE *f = popen(cmd, "r");
	char *out = read_all(f);
	int st = pclose(f);
	int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	bool ok = status == wantstatus &&
		  (wantstatus == 0 ? strcmp(out, want) == 0 : strncmp(out, want, strlen(want)) == 0);
	if (ok) {
		npass++;
	} else {
		printf("FAIL %s -O%d: status %d (want %d)\n--- got\n%s--- want\n%s\n", name,
		       optlevel, status, wantstatus, out, want);
		nfail++;
	}
	free(out);
	unlink(obj);
	unlink(exe);
}

static Program *
newprog(void)
{
	Program *p = NEW(perm, Program);
	Package *pkg = NEW(perm, Package);
	pkg->name = sym_cstr("main");
	pkg->path = "main";
	p->pkg = pkg;
	return p;
}

// ---- the programs ----

// fib(n): a, b := 0, 1; for i := 0; i < n; i++ { a, b = b, a+b }; return a
static Func *
make_fib(Program *p)
{
	Type *ti[1] = {ty_int};
	Func *f = newfunc(p, "main.fib", functype(1, ti, 1, ti), false);
	Block *entry = ssa_new_block(f, BK_PLAIN, P0);
	Block *head = ssa_new_block(f, BK_IF, P0);
	Block *body = ssa_new_block(f, BK_PLAIN, P0);
	Block *exit = ssa_new_block(f, BK_RET, P0);
	Value *n = param(f, entry, 0, ty_int);
	n->name = sym_cstr("n");
	Value *zero = iconst(entry, ty_int, 0), *one = iconst(entry, ty_int, 1);
	ssa_add_edge(entry, head);
	Value *a = mk(head, OP_PHI, ty_int, 0, 0), *bb = mk(head, OP_PHI, ty_int, 0, 0);
	Value *i = mk(head, OP_PHI, ty_int, 0, 0);
	a->name = sym_cstr("a");
	bb->name = sym_cstr("b");
	i->name = sym_cstr("i");
	Value *lt = mk(head, OP_LT, ty_bool, 0, 2, i, n);
	ssa_set_control(head, lt);
	ssa_add_edge(head, body);
	ssa_add_edge(head, exit);
	Value *sum = mk(body, OP_ADD, ty_int, 0, 2, a, bb);
	Value *i2 = mk(body, OP_ADD, ty_int, 0, 2, i, one);
	ssa_add_edge(body, head);
	ssa_add_arg(a, zero);
	ssa_add_arg(a, bb);
	ssa_add_arg(bb, one);
	ssa_add_arg(bb, sum);
	ssa_add_arg(i, zero);
	ssa_add_arg(i, i2);
	ret(exit, a);
	return f;
}

static void
test_fib(void)
{
	Program *p = newprog();
	Func *fib = make_fib(p);
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	println_int(b, call(b, fib, ty_int, 1, iconst(b, ty_int, 10)));
	println_int(b, call(b, fib, ty_int, 1, iconst(b, ty_int, 90)));
	ret(b, NULL);
	for (int o = 0; o <= 2; o += 2)
		check("fib", p, o, "55\n2880067194370816120\n", 0);
}

// sum: s := make([]int, n); for i := range s { s[i] = i*i }; t := 0; for i := 0; i <=
// k; i++ { t += s[i] }  -- with k = n-1 prints the sum; with k = n panics on s[n]
static void
sum_prog(int n, int k, const char *want, int status)
{
	Program *p = newprog();
	Type *ti[2] = {ty_int, ty_int};
	Func *f = newfunc(p, "main.sum", functype(2, ti, 1, ti), false);
	Type *sl = type_slice(ty_int), *pi = type_pointer(ty_int);
	Block *e = ssa_new_block(f, BK_PLAIN, P0);
	Block *h1 = ssa_new_block(f, BK_IF, P0), *b1 = ssa_new_block(f, BK_PLAIN, P0);
	Block *h2 = ssa_new_block(f, BK_IF, P0), *b2 = ssa_new_block(f, BK_PLAIN, P0);
	Block *x = ssa_new_block(f, BK_RET, P0);
	Value *pn = param(f, e, 0, ty_int), *pk = param(f, e, 1, ty_int);
	Value *s = mk(e, OP_MAKESLICE, sl, 0, 2, pn, pn);
	s->esc = ESC_HEAP;
	s->name = sym_cstr("s");
	Value *zero = iconst(e, ty_int, 0), *one = iconst(e, ty_int, 1);
	Value *len = mk(e, OP_SLICELEN, ty_int, 0, 1, s);
	ssa_add_edge(e, h1);
	Value *i = mk(h1, OP_PHI, ty_int, 0, 0);
	ssa_set_control(h1, mk(h1, OP_LT, ty_bool, 0, 2, i, len));
	ssa_add_edge(h1, b1);
	ssa_add_edge(h1, h2);
	mk(b1, OP_BOUNDS, NULL, BOUNDS_INDEX, 2, i, len);
	Value *ptr = mk(b1, OP_SLICEPTR, pi, 0, 1, s);
	Value *at = mk(b1, OP_PTRINDEX, pi, 0, 2, ptr, i);
	mk(b1, OP_STORE, NULL, 0, 2, at, mk(b1, OP_MUL, ty_int, 0, 2, i, i));
	Value *i1 = mk(b1, OP_ADD, ty_int, 0, 2, i, one);
	ssa_add_edge(b1, h1);
	ssa_add_arg(i, zero);
	ssa_add_arg(i, i1);
	Value *j = mk(h2, OP_PHI, ty_int, 0, 0), *t = mk(h2, OP_PHI, ty_int, 0, 0);
	ssa_set_control(h2, mk(h2, OP_LE, ty_bool, 0, 2, j, pk));
	ssa_add_edge(h2, b2);
	ssa_add_edge(h2, x);
	mk(b2, OP_BOUNDS, NULL, BOUNDS_INDEX, 2, j, mk(b2, OP_SLICELEN, ty_int, 0, 1, s));
	Value *at2 = mk(b2, OP_PTRINDEX, pi, 0, 2, mk(b2, OP_SLICEPTR, pi, 0, 1, s), j);
	Value *t2 = mk(b2, OP_ADD, ty_int, 0, 2, t, mk(b2, OP_LOAD, ty_int, 0, 1, at2));
	Value *j2 = mk(b2, OP_ADD, ty_int, 0, 2, j, one);
	ssa_add_edge(b2, h2);
	ssa_add_arg(j, zero);
	ssa_add_arg(j, j2);
	ssa_add_arg(t, zero);
	ssa_add_arg(t, t2);
	ret(x, t);

	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	println_int(b, call(b, f, ty_int, 2, iconst(b, ty_int, n), iconst(b, ty_int, k)));
	ret(b, NULL);
	check("sum", p, 0, want, status);
	check("sum", p, 2, want, status);
}

// heap and stack ALLOC: type T struct { a int8; p *int; s string }
static void
test_alloc(void)
{
	Program *p = newprog();
	Field fs[3] = {fld("a", ty_int8), fld("p", type_pointer(ty_int)), fld("s", ty_string)};
	Type *st = type_struct(fs, 3), *pst = type_pointer(st), *pi = type_pointer(ty_int);
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *e = ssa_new_block(m, BK_PLAIN, P0);
	Block *h = ssa_new_block(m, BK_IF, P0), *body = ssa_new_block(m, BK_PLAIN, P0);
	Block *x = ssa_new_block(m, BK_RET, P0);
	Value *zero = iconst(e, ty_int, 0);
	ssa_add_edge(e, h);
	Value *i = mk(h, OP_PHI, ty_int, 0, 0), *acc = mk(h, OP_PHI, ty_int, 0, 0);
	ssa_set_control(h, mk(h, OP_LT, ty_bool, 0, 2, i, iconst(h, ty_int, 3)));
	ssa_add_edge(h, body);
	ssa_add_edge(h, x);
	// in the loop: q := new(int) (stack, zeroed every iteration); t := &T{} (heap)
	Value *q = mk(body, OP_ALLOC, pi, ALLOC_NEW, 0);
	q->esc = ESC_STACK;
	Value *old = mk(body, OP_LOAD, ty_int, 0, 1, q); // always 0
	mk(body, OP_STORE, NULL, 0, 2, q, mk(body, OP_ADD, ty_int, 0, 2, old, i));
	Value *t = mk(body, OP_ALLOC, pst, ALLOC_COMPOSITE, 0);
	t->esc = ESC_HEAP;
	Value *fa = mk(body, OP_FIELDADDR, type_pointer(ty_int8), 0, 1, t);
	mk(body, OP_STORE, NULL, 0, 2, fa, iconst(body, ty_int8, 100));
	Value *fp = mk(body, OP_FIELDADDR, type_pointer(pi), 1, 1, t);
	mk(body, OP_STORE, NULL, 0, 2, fp, q);
	Value *fsv = mk(body, OP_FIELDADDR, type_pointer(ty_string), 2, 1, t);
	mk(body, OP_STORE, NULL, 0, 2, fsv, sconst(body, "hello"));
	Value *la = mk(body, OP_CONV, ty_int, 0, 1, mk(body, OP_LOAD, ty_int8, 0, 1, fa));
	Value *lp = mk(body, OP_LOAD, ty_int, 0, 1, mk(body, OP_LOAD, pi, 0, 1, fp));
	Value *ls = mk(body, OP_STRLEN, ty_int, 0, 1, mk(body, OP_LOAD, ty_string, 0, 1, fsv));
	Value *sum = mk(body, OP_ADD, ty_int, 0, 2, acc,
			mk(body, OP_ADD, ty_int, 0, 2, la, mk(body, OP_ADD, ty_int, 0, 2, lp, ls)));
	Value *i2 = mk(body, OP_ADD, ty_int, 0, 2, i, iconst(body, ty_int, 1));
	ssa_add_edge(body, h);
	ssa_add_arg(i, zero);
	ssa_add_arg(i, i2);
	ssa_add_arg(acc, zero);
	ssa_add_arg(acc, sum);
	println_int(x, acc); // 3*(100+5) + 0+1+2 = 318
	ret(x, NULL);
	check("alloc", p, 0, "318\n", 0);
	check("alloc", p, 2, "318\n", 0);
}

// binop(x, y) for one op and type, printed from main with several argument pairs.
static void
arith_prog(const char *name, Op op, Type *t, Type *yt, int64_t (*pairs)[2], int n,
	   const char *want)
{
	Program *p = newprog();
	Type *ps[2] = {t, yt};
	Func *f = newfunc(p, "main.op", functype(2, ps, 1, &t), false);
	Block *e = ssa_new_block(f, BK_RET, P0);
	Value *r = mk(e, op, t, 0, 2, param(f, e, 0, t), param(f, e, 1, yt));
	ret(e, r);
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	for (int i = 0; i < n; i++) {
		Value *c = call(b, f, t, 2, iconst(b, t, pairs[i][0]), iconst(b, yt, pairs[i][1]));
		println_int(b, mk(b, OP_CONV, ty_int64, 0, 1, c));
	}
	ret(b, NULL);
	check(name, p, 0, want, 0);
	check(name, p, 2, want, 0);
}

static void
test_arith(void)
{
	int64_t div[][2] = {{7, 2}, {-7, 2}, {INT64_MIN, -1}, {INT64_MIN, 1}};
	arith_prog("div", OP_DIV, ty_int64, ty_int64, div, 4,
		   "3\n-3\n-9223372036854775808\n-9223372036854775808\n");
	arith_prog("mod", OP_MOD, ty_int64, ty_int64, div, 4, "1\n-1\n0\n0\n");
	int64_t div8[][2] = {{-128, -1}, {-128, 3}};
	arith_prog("div8", OP_DIV, ty_int8, ty_int8, div8, 2, "-128\n-42\n");
	int64_t shl[][2] = {{1, 3}, {1, 63}, {1, 64}, {5, 200}};
	arith_prog("shl", OP_SHL, ty_int64, ty_uint64, shl, 4,
		   "8\n-9223372036854775808\n0\n0\n");
	int64_t shr[][2] = {{-8, 1}, {-8, 100}, {8, 64}};
	arith_prog("shr", OP_SHR, ty_int64, ty_uint8, shr, 3, "-4\n-1\n0\n");
	arith_prog("shr32", OP_SHR, ty_int32, ty_int, shr, 3, "-4\n-1\n0\n");
}

static void
test_panics(void)
{
	// x / 0
	Program *p = newprog();
	Type *ps[2] = {ty_int, ty_int};
	Func *f = newfunc(p, "main.op", functype(2, ps, 1, ps), false);
	Block *e = ssa_new_block(f, BK_RET, P0);
	ret(e, mk(e, OP_DIV, ty_int, 0, 2, param(f, e, 0, ty_int), param(f, e, 1, ty_int)));
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	println_int(b, call(b, f, ty_int, 2, iconst(b, ty_int, 1), iconst(b, ty_int, 0)));
	ret(b, NULL);
	check("divzero", p, 2, "panic: runtime error: integer divide by zero", 2);
	// negative shift
	p = newprog();
	f = newfunc(p, "main.op", functype(2, ps, 1, ps), false);
	e = ssa_new_block(f, BK_RET, P0);
	ret(e, mk(e, OP_SHL, ty_int, 0, 2, param(f, e, 0, ty_int), param(f, e, 1, ty_int)));
	m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	b = ssa_new_block(m, BK_RET, P0);
	println_int(b, call(b, f, ty_int, 2, iconst(b, ty_int, 1), iconst(b, ty_int, -1)));
	ret(b, NULL);
	check("negshift", p, 2, "panic: runtime error: negative shift amount", 2);
}

// fmt.Println("hi", 42, s+"!") through the std table, with MAKEIFACE and CONCAT
static void
test_fmt(void)
{
	Program *p = newprog();
	Package *fmt = NEW(perm, Package);
	fmt->name = sym_cstr("fmt");
	fmt->path = "fmt";
	Obj *println = obj_new(OBJ_FUNC, sym_cstr("Println"), P0);
	println->pkg = fmt;
	println->flags = OBJF_EXTERN;
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	Value *s = mk(b, OP_CONCAT, ty_string, 0, 2, sconst(b, "wor"), sconst(b, "ld"));
	Value *args[3] = {sconst(b, "hi"), iconst(b, ty_int, 42), s};
	Type *any = ty_any, *arr = type_array(any, 3);
	Value *box = mk(b, OP_ALLOC, type_pointer(arr), ALLOC_TEMP, 0);
	box->esc = ESC_STACK;
	for (int i = 0; i < 3; i++) {
		Value *iv = mk(b, OP_MAKEIFACE, any, 0, 1, args[i]);
		iv->esc = ESC_HEAP;
		Value *at = mk(b, OP_INDEXADDR, type_pointer(any), 0, 2, box, iconst(b, ty_int, i));
		mk(b, OP_STORE, NULL, 0, 2, at, iv);
	}
	Value *three = iconst(b, ty_int, 3);
	Value *sl = mk(b, OP_SLICEMAKE, type_slice(any), 0, 3, box, three, three);
	Value *c = ssa_new_value(b, OP_CALL, NULL, P0);
	c->aux = println;
	ssa_add_arg(c, sl);
	ret(b, NULL);
	check("fmt", p, 0, "hi 42 world\n", 0);
	check("fmt", p, 2, "hi 42 world\n", 0);
}

// closures: counter := func() int { n++; return n } capturing &n; and fib as a func value
static void
test_closure(void)
{
	Program *p = newprog();
	Func *fib = make_fib(p);
	Type *ti[1] = {ty_int};
	Type *fnt = functype(0, NULL, 1, ti), *pi = type_pointer(ty_int);
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Func *lit = newfunc(p, "main.main.func1", fnt, true);
	lit->isclosure = true;
	Block *lb = ssa_new_block(lit, BK_RET, P0);
	Value *np = mk(lb, OP_FREEVAR, pi, 0, 0);
	Value *n1 = mk(lb, OP_ADD, ty_int, 0, 2, mk(lb, OP_LOAD, ty_int, 0, 1, np),
		       iconst(lb, ty_int, 1));
	mk(lb, OP_STORE, NULL, 0, 2, np, n1);
	ret(lb, n1);

	Block *b = ssa_new_block(m, BK_RET, P0);
	Value *n = mk(b, OP_ALLOC, pi, ALLOC_VAR, 0);
	n->esc = ESC_HEAP;
	n->name = sym_cstr("n");
	mk(b, OP_STORE, NULL, 0, 2, n, iconst(b, ty_int, 10));
	Value *clo = mk(b, OP_MAKECLOSURE, fnt, 0, 1, n);
	clo->aux = lit->info;
	clo->esc = ESC_HEAP;
	for (int i = 0; i < 2; i++)
		println_int(b, mk(b, OP_CALLCLOSURE, ty_int, 0, 1, clo));
	Value *fv = mk(b, OP_FUNCADDR, fib->info->type, 0, 0);
	fv->aux = fib->info->obj;
	println_int(b, mk(b, OP_CALLCLOSURE, ty_int, 0, 2, fv, iconst(b, ty_int, 7)));
	ret(b, NULL);
	check("closure", p, 0, "11\n12\n13\n", 0);
	check("closure", p, 2, "11\n12\n13\n", 0);
}

// append: s = append(s, i) 100 times, then t = append(t, s...) and copy; prints len and
// an element of each
static void
test_append(void)
{
	Program *p = newprog();
	Type *sl = type_slice(ty_int), *pi = type_pointer(ty_int);
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *e = ssa_new_block(m, BK_PLAIN, P0);
	Block *h = ssa_new_block(m, BK_IF, P0), *body = ssa_new_block(m, BK_PLAIN, P0);
	Block *x = ssa_new_block(m, BK_RET, P0);
	Value *zero = iconst(e, ty_int, 0), *nil = mk(e, OP_ZERO, sl, 0, 0);
	ssa_add_edge(e, h);
	Value *i = mk(h, OP_PHI, ty_int, 0, 0), *s = mk(h, OP_PHI, sl, 0, 0);
	ssa_set_control(h, mk(h, OP_LT, ty_bool, 0, 2, i, iconst(h, ty_int, 100)));
	ssa_add_edge(h, body);
	ssa_add_edge(h, x);
	Value *s2 = mk(body, OP_APPEND, sl, 0, 2, s, i);
	s2->esc = ESC_HEAP;
	Value *i2 = mk(body, OP_ADD, ty_int, 0, 2, i, iconst(body, ty_int, 1));
	ssa_add_edge(body, h);
	ssa_add_arg(i, zero);
	ssa_add_arg(i, i2);
	ssa_add_arg(s, nil);
	ssa_add_arg(s, s2);
	println_int(x, mk(x, OP_SLICELEN, ty_int, 0, 1, s));
	Value *t = mk(x, OP_APPENDSLICE, sl, 0, 2, nil, s);
	t = mk(x, OP_APPENDSLICE, sl, 0, 2, t, s);
	println_int(x, mk(x, OP_SLICELEN, ty_int, 0, 1, t));
	Value *at = mk(x, OP_PTRINDEX, pi, 0, 2, mk(x, OP_SLICEPTR, pi, 0, 1, t),
		       iconst(x, ty_int, 199));
	println_int(x, mk(x, OP_LOAD, ty_int, 0, 1, at));
	Value *d = mk(x, OP_MAKESLICE, sl, 0, 2, iconst(x, ty_int, 5), iconst(x, ty_int, 5));
	d->esc = ESC_STACK;
	println_int(x, mk(x, OP_SLICECOPY, ty_int, 0, 2, d, t));
	Value *at2 = mk(x, OP_PTRINDEX, pi, 0, 2, mk(x, OP_SLICEPTR, pi, 0, 1, d),
			iconst(x, ty_int, 4));
	println_int(x, mk(x, OP_LOAD, ty_int, 0, 1, at2));
	ret(x, NULL);
	check("append", p, 0, "100\n200\n99\n5\n4\n", 0);
	check("append", p, 2, "100\n200\n99\n5\n4\n", 0);
}

static Value *
b2i(Block *b, Value *x)
{
	return mk(b, OP_CONV, ty_int, 0, 1, x);
}

// comparisons of strings, structs, arrays, interfaces; multiple results
static void
test_compare(void)
{
	Program *p = newprog();
	Type *ti[2] = {ty_int, ty_int};
	Func *dm = newfunc(p, "main.divmod", functype(2, ti, 2, ti), false);
	Block *e = ssa_new_block(dm, BK_RET, P0);
	Value *a = param(dm, e, 0, ty_int), *bb = param(dm, e, 1, ty_int);
	Field tf[2] = {fld(NULL, ty_int), fld(NULL, ty_int)};
	Type *tup = type_tuple(tf, 2);
	ret(e, mk(e, OP_TUPLE, tup, 0, 2, mk(e, OP_DIV, ty_int, 0, 2, a, bb),
		  mk(e, OP_MOD, ty_int, 0, 2, a, bb)));

	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	Value *r = call(b, dm, tup, 2, iconst(b, ty_int, 17), iconst(b, ty_int, 5));
	println_int(b, mk(b, OP_EXTRACT, ty_int, 0, 1, r));
	println_int(b, mk(b, OP_EXTRACT, ty_int, 1, 1, r));
	Value *abc = mk(b, OP_CONCAT, ty_string, 0, 2, sconst(b, "ab"), sconst(b, "c"));
	println_int(b, b2i(b, mk(b, OP_EQ, ty_bool, 0, 2, abc, sconst(b, "abc"))));
	println_int(b, b2i(b, mk(b, OP_LT, ty_bool, 0, 2, abc, sconst(b, "abd"))));
	println_int(b, b2i(b, mk(b, OP_GE, ty_bool, 0, 2, abc, sconst(b, "abd"))));
	Field sf[2] = {fld("a", ty_int), fld("s", ty_string)};
	Type *st = type_struct(sf, 2);
	Value *s1 = mk(b, OP_INSERT, st, 1, 2, mk(b, OP_ZERO, st, 0, 0), abc);
	Value *s2 = mk(b, OP_INSERT, st, 1, 2, mk(b, OP_ZERO, st, 0, 0), sconst(b, "abc"));
	println_int(b, b2i(b, mk(b, OP_EQ, ty_bool, 0, 2, s1, s2)));
	Value *s3 = mk(b, OP_INSERT, st, 0, 2, s2, iconst(b, ty_int, 1));
	println_int(b, b2i(b, mk(b, OP_NE, ty_bool, 0, 2, s1, s3)));
	Type *arr = type_array(ty_int, 6);
	Value *a1 = mk(b, OP_INSERT, arr, 5, 2, mk(b, OP_ZERO, arr, 0, 0), iconst(b, ty_int, 9));
	println_int(b, b2i(b, mk(b, OP_EQ, ty_bool, 0, 2, a1, mk(b, OP_ZERO, arr, 0, 0))));
	Value *i1 = mk(b, OP_MAKEIFACE, ty_any, 0, 1, s1);
	Value *i2 = mk(b, OP_MAKEIFACE, ty_any, 0, 1, s2);
	i1->esc = i2->esc = ESC_STACK;
	println_int(b, b2i(b, mk(b, OP_EQ, ty_bool, 0, 2, i1, i2)));
	println_int(b, b2i(b, mk(b, OP_EQ, ty_bool, 0, 2, i1, mk(b, OP_ZERO, ty_any, 0, 0))));
	ret(b, NULL);
	const char *want = "3\n2\n1\n1\n0\n1\n1\n0\n1\n0\n";
	check("compare", p, 0, want, 0);
	check("compare", p, 2, want, 0);
}

// float -> int conversions as gc does them on amd64
static void
test_conv(void)
{
	Program *p = newprog();
	Type *tf[1] = {ty_float64};
	Func *id = newfunc(p, "main.id", functype(1, tf, 1, tf), false);
	Block *e = ssa_new_block(id, BK_RET, P0);
	ret(e, param(id, e, 0, ty_float64));
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	double vals[] = {1e20, -1.5, -3e9, 70000.5};
	Type *to[] = {ty_int64, ty_int32, ty_int16, ty_uint64, ty_uint32, ty_uint8};
	for (int i = 0; i < 4; i++) {
		int64_t bits;
		memcpy(&bits, &vals[i], 8);
		Value *x = call(b, id, ty_float64, 1, iconst(b, ty_float64, bits));
		for (int j = 0; j < 6; j++) {
			Value *cv = mk(b, OP_CONV, to[j], 0, 1, x);
			Value *w = mk(b, OP_CONV, type_is_unsigned(to[j]) ? ty_uint64 : ty_int64,
				      0, 1, cv);
			callrt(b, type_is_unsigned(to[j]) ? "rt_printuint" : "rt_printint", NULL, 1,
			       w, NULL);
			callrt(b, "rt_printsp", NULL, 0, NULL, NULL);
		}
		callrt(b, "rt_printnl", NULL, 0, NULL, NULL);
	}
	ret(b, NULL);
	const char *want = "-9223372036854775808 -2147483648 0 9223372036854775808 0 0 \n"
			   "-1 -1 -1 18446744073709551615 4294967295 255 \n"
			   "-3000000000 -2147483648 0 18446744070709551616 1294967296 0 \n"
			   "70000 70000 4464 70000 70000 112 \n";
	check("conv", p, 0, want, 0);
	check("conv", p, 2, want, 0);
}

// big aggregates: b := a (a [40]int in memory) goes through a stack copy; b[39] after a
// later store to a still reads the copy
static void
test_bigcopy(void)
{
	Program *p = newprog();
	Type *at = type_array(ty_int, 40), *pat = type_pointer(at), *pi = type_pointer(ty_int);
	Func *m = newfunc(p, "main.main", functype(0, NULL, 0, NULL), false);
	Block *b = ssa_new_block(m, BK_RET, P0);
	Value *a = mk(b, OP_ALLOC, pat, ALLOC_VAR, 0);
	a->esc = ESC_HEAP;
	Value *bb = mk(b, OP_ALLOC, pat, ALLOC_VAR, 0);
	bb->esc = ESC_STACK;
	Value *a39 = mk(b, OP_INDEXADDR, pi, 0, 2, a, iconst(b, ty_int, 39));
	mk(b, OP_STORE, NULL, 0, 2, a39, iconst(b, ty_int, 7));
	Value *av = mk(b, OP_LOAD, at, 0, 1, a); // big: stack copy
	mk(b, OP_STORE, NULL, 0, 2, a39, iconst(b, ty_int, 8));
	mk(b, OP_STORE, NULL, 0, 2, bb, av);
	println_int(b, mk(b, OP_EXTRACT, ty_int, 39, 1, av));
	println_int(b, mk(b, OP_LOAD, ty_int, 0, 1, mk(b, OP_INDEXADDR, pi, 0, 2, bb,
							iconst(b, ty_int, 39))));
	println_int(b, mk(b, OP_LOAD, ty_int, 0, 1, a39));
	mk(b, OP_STORE, NULL, 0, 2, a, mk(b, OP_ZERO, at, 0, 0)); // memset
	println_int(b, mk(b, OP_LOAD, ty_int, 0, 1, a39));
	ret(b, NULL);
	check("bigcopy", p, 0, "7\n7\n8\n0\n", 0);
	check("bigcopy", p, 2, "7\n7\n8\n0\n", 0);
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: cg_test libgosubrt.a [cc]\n");
		return 2;
	}
	rtlib = argv[1];
	if (argc > 2)
		cc = argv[2];
	types_init();
	test_fib();
	sum_prog(5, 4, "30\n", 0);
	sum_prog(3, 3, "panic: runtime error: index out of range [3] with length 3", 2);
	test_alloc();
	test_arith();
	test_panics();
	test_fmt();
	test_closure();
	test_append();
	test_compare();
	test_conv();
	test_bigcopy();
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
