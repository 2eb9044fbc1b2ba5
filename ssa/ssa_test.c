// ssa_test.c: unit tests of ssa/ on control-flow graphs built by hand through the
// construction API: a diamond, a loop, nested loops and an irreducible graph. Each test
// checks immediate dominators, dominance frontiers and the number of phis mem2reg
// places, runs the verifier after every pass and prints the annotated dump of the last
// graph. Also checks the pass table's ordering rules and edge removal with phis.
//
// Run by: meson test --suite unit (exit status 0 on success; failures on stderr).
#define _POSIX_C_SOURCE 200809L // fmemopen

#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static int failures;

#define CHECK(cond, ...)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
			fprintf(stderr, __VA_ARGS__);                                      \
			fputc('\n', stderr);                                               \
			failures++;                                                        \
		}                                                                          \
	} while (0)

static Pos nopos;

static Obj *
var(const char *name)
{
	Obj *o = NEW(perm, Obj);
	o->kind = OBJ_VAR;
	o->name = sym_cstr(name);
	o->type = ty_int;
	return o;
}

static Value *
cint(Block *b, int64_t c)
{
	Value *v = ssa_new_value(b, OP_CONST, ty_int, nopos);
	v->auxint = c;
	return v;
}

static Value *
getvar(Block *b, Obj *x)
{
	Value *v = ssa_new_value(b, OP_GETVAR, x->type, nopos);
	v->aux = x;
	return v;
}

static void
setvar(Block *b, Obj *x, Value *val)
{
	Value *v = ssa_new_value(b, OP_SETVAR, NULL, nopos);
	v->aux = x;
	ssa_add_arg(v, val);
}

static Value *
binop(Block *b, Op op, Type *t, Value *x, Value *y)
{
	Value *v = ssa_new_value(b, op, t, nopos);
	ssa_add_arg(v, x);
	ssa_add_arg(v, y);
	return v;
}

static void
branch(Block *b, Value *cond, Block *then, Block *els)
{
	b->kind = BK_IF;
	ssa_set_control(b, cond);
	ssa_add_edge(b, then);
	ssa_add_edge(b, els);
}

static void
jump(Block *b, Block *to)
{
	b->kind = BK_PLAIN;
	ssa_add_edge(b, to);
}

static void
ret(Block *b, Value *v)
{
	b->kind = BK_RET;
	ssa_set_control(b, v);
}

static Block *
blk(Func *f)
{
	return ssa_new_block(f, BK_PLAIN, nopos);
}

// frontier_is compares b's frontier with the block ids in want (0-terminated).
static bool
frontier_is(Block *b, const int *want)
{
	int n = 0;
	while (want[n])
		n++;
	if (b->frontier.len != n)
		return false;
	for (int i = 0; i < n; i++)
		if (b->frontier.v[i]->id != want[i])
			return false;
	return true;
}

static int
count_op(Func *f, Op op)
{
	int n = 0;
	for (int bi = 0; bi < f->blocks.len; bi++)
		for (int i = 0; i < f->blocks.v[bi]->values.len; i++)
			n += f->blocks.v[bi]->values.v[i]->op == op;
	return n;
}

static int
phis_in(Block *b)
{
	int n = 0;
	for (int i = 0; i < b->values.len; i++)
		n += b->values.v[i]->op == OP_PHI;
	return n;
}

static void
analyse(Func *f)
{
	verify_func(f, "hand-built");
	cfg_compute_rpo(f);
	dom_compute(f);
	df_compute(f);
}

static void
run_mem2reg(Func *f)
{
	mem2reg(f);
	verify_func(f, "mem2reg");
	CHECK(count_op(f, OP_GETVAR) == 0 && count_op(f, OP_SETVAR) == 0,
	      "%s: variables left after mem2reg", f->name);
}

// Diamond: b1 -> b2, b3 -> b4; x set in b1 and b2, read in b4.
static void
test_diamond(void)
{
	Func *f = ssa_new_func(NULL, "diamond");
	Block *b1 = blk(f), *b2 = blk(f), *b3 = blk(f), *b4 = blk(f);
	Obj *x = var("x"), *c = var("c");
	Value *p = ssa_new_value(b1, OP_PARAM, ty_int, nopos);
	p->aux = c;
	setvar(b1, x, cint(b1, 1));
	branch(b1, binop(b1, OP_LT, ty_bool, p, cint(b1, 0)), b2, b3);
	setvar(b2, x, cint(b2, 2));
	jump(b2, b4);
	jump(b3, b4);
	ret(b4, getvar(b4, x));
	analyse(f);
	CHECK(b2->idom == b1 && b3->idom == b1 && b4->idom == b1, "diamond idoms");
	CHECK(frontier_is(b2, (int[]){4, 0}) && frontier_is(b3, (int[]){4, 0}) &&
		      frontier_is(b1, (int[]){0}) && frontier_is(b4, (int[]){0}),
	      "diamond frontiers");
	CHECK(dom_dominates(b1, b4) && !dom_dominates(b2, b4), "diamond dominates");
	run_mem2reg(f);
	CHECK(phis_in(b4) == 1 && count_op(f, OP_PHI) == 1, "diamond: want 1 phi in b4");
	Value *phi = b4->values.v[0];
	CHECK(phi->nargs == 2 && phi->args[0]->op == OP_CONST && phi->args[0]->auxint == 2 &&
		      phi->args[1]->auxint == 1,
	      "diamond phi arguments follow preds");
	CHECK(b4->control == phi, "diamond returns the phi");
}

// Loop: b1 (i = 0) -> b2 header (i < n ? b3 : b4); b3 (i = i + 1) -> b2; b4 returns i.
static void
test_loop(void)
{
	Func *f = ssa_new_func(NULL, "loop");
	Block *b1 = blk(f), *b2 = blk(f), *b3 = blk(f), *b4 = blk(f);
	Obj *i = var("i"), *n = var("n");
	Value *p = ssa_new_value(b1, OP_PARAM, ty_int, nopos);
	p->aux = n;
	setvar(b1, n, p);
	setvar(b1, i, cint(b1, 0));
	jump(b1, b2);
	branch(b2, binop(b2, OP_LT, ty_bool, getvar(b2, i), getvar(b2, n)), b3, b4);
	setvar(b3, i, binop(b3, OP_ADD, ty_int, getvar(b3, i), cint(b3, 1)));
	jump(b3, b2);
	ret(b4, getvar(b4, i));
	analyse(f);
	CHECK(b2->idom == b1 && b3->idom == b2 && b4->idom == b2, "loop idoms");
	CHECK(frontier_is(b2, (int[]){2, 0}) && frontier_is(b3, (int[]){2, 0}) &&
		      frontier_is(b4, (int[]){0}),
	      "loop frontiers");
	CHECK(f->rpo.len == 4 && f->rpo.v[0] == b1 && f->rpo.v[1] == b2, "loop rpo");
	run_mem2reg(f);
	CHECK(phis_in(b2) == 1 && count_op(f, OP_PHI) == 1, "loop: want 1 phi (i) in b2");
}

// Nested loops: b1 (i = 0, s = 0) -> b2 outer header (i < n ? b3 : b7); b3 (j = 0) -> b4
// inner header (j < n ? b5 : b6); b5 (j++, s += j) -> b4; b6 (i++) -> b2; b7 returns s.
static void
test_nested(void)
{
	Func *f = ssa_new_func(NULL, "nested");
	Block *b1 = blk(f), *b2 = blk(f), *b3 = blk(f), *b4 = blk(f), *b5 = blk(f),
	      *b6 = blk(f), *b7 = blk(f);
	Obj *i = var("i"), *j = var("j"), *s = var("s"), *n = var("n");
	Value *p = ssa_new_value(b1, OP_PARAM, ty_int, nopos);
	p->aux = n;
	setvar(b1, n, p);
	setvar(b1, i, cint(b1, 0));
	setvar(b1, s, cint(b1, 0));
	jump(b1, b2);
	branch(b2, binop(b2, OP_LT, ty_bool, getvar(b2, i), getvar(b2, n)), b3, b7);
	setvar(b3, j, cint(b3, 0));
	jump(b3, b4);
	branch(b4, binop(b4, OP_LT, ty_bool, getvar(b4, j), getvar(b4, n)), b5, b6);
	setvar(b5, j, binop(b5, OP_ADD, ty_int, getvar(b5, j), cint(b5, 1)));
	setvar(b5, s, binop(b5, OP_ADD, ty_int, getvar(b5, s), getvar(b5, j)));
	jump(b5, b4);
	setvar(b6, i, binop(b6, OP_ADD, ty_int, getvar(b6, i), cint(b6, 1)));
	jump(b6, b2);
	ret(b7, getvar(b7, s));
	analyse(f);
	CHECK(b2->idom == b1 && b3->idom == b2 && b4->idom == b3 && b5->idom == b4 &&
		      b6->idom == b4 && b7->idom == b2,
	      "nested idoms");
	CHECK(frontier_is(b2, (int[]){2, 0}) && frontier_is(b3, (int[]){2, 0}) &&
		      frontier_is(b4, (int[]){2, 4, 0}) && frontier_is(b5, (int[]){4, 0}) &&
		      frontier_is(b6, (int[]){2, 0}) && frontier_is(b7, (int[]){0}),
	      "nested frontiers");
	run_mem2reg(f);
	// i at b2; s at b2 and b4; j at b4 only (j is dead on entry to b2: pruned).
	CHECK(phis_in(b2) == 2 && phis_in(b4) == 2 && count_op(f, OP_PHI) == 4,
	      "nested: want 2 phis in b2 and 2 in b4, got %d and %d", phis_in(b2), phis_in(b4));
}

// Irreducible: b1 (x = 0) -> b2 or b3; b2 (x++) -> b3 or b4; b3 (x *= 2) -> b2;
// b4 returns x. The loop b2 <-> b3 has two entries.
static void
test_irreducible(void)
{
	Func *f = ssa_new_func(NULL, "irreducible");
	Block *b1 = blk(f), *b2 = blk(f), *b3 = blk(f), *b4 = blk(f);
	Obj *x = var("x"), *c = var("c");
	Value *p = ssa_new_value(b1, OP_PARAM, ty_int, nopos);
	p->aux = c;
	setvar(b1, x, cint(b1, 0));
	branch(b1, binop(b1, OP_LT, ty_bool, p, cint(b1, 0)), b2, b3);
	setvar(b2, x, binop(b2, OP_ADD, ty_int, getvar(b2, x), cint(b2, 1)));
	branch(b2, binop(b2, OP_LT, ty_bool, getvar(b2, x), cint(b2, 100)), b3, b4);
	setvar(b3, x, binop(b3, OP_MUL, ty_int, getvar(b3, x), cint(b3, 2)));
	jump(b3, b2);
	ret(b4, getvar(b4, x));
	analyse(f);
	CHECK(b2->idom == b1 && b3->idom == b1 && b4->idom == b2, "irreducible idoms");
	CHECK(frontier_is(b2, (int[]){3, 0}) && frontier_is(b3, (int[]){2, 0}),
	      "irreducible frontiers");
	run_mem2reg(f);
	CHECK(phis_in(b2) == 1 && phis_in(b3) == 1 && count_op(f, OP_PHI) == 2,
	      "irreducible: want phis in b2 and b3");
}

// Edge removal keeps phis aligned; unreachable blocks go away; the pass pipeline keeps
// every invariant.
static void
test_edges_and_passes(void)
{
	Program *prog = NEW(perm, Program);
	Func *f = ssa_new_func(prog, "main.edges");
	Block *b1 = blk(f), *b2 = blk(f), *b3 = blk(f), *b4 = blk(f), *b5 = blk(f);
	Obj *x = var("x");
	setvar(b1, x, cint(b1, 1));
	Value *t = ssa_new_value(b1, OP_CONST, ty_bool, nopos);
	t->auxint = 1;
	branch(b1, t, b2, b3);
	setvar(b2, x, binop(b2, OP_ADD, ty_int, cint(b2, 40), cint(b2, 2)));
	jump(b2, b4);
	setvar(b3, x, cint(b3, 7));
	jump(b3, b4);
	ret(b4, getvar(b4, x));
	jump(b5, b4); // unreachable
	CHECK(b4->preds.len == 3, "three preds before cleanup");
	cfg_compute_rpo(f);
	CHECK(f->blocks.len == 4 && b4->preds.len == 2, "unreachable block removed");
	ssa_run_passes(prog, true, true, NULL, NULL, false);
	// constfold: 40 + 2 folds, the branch folds to b2, the phi becomes trivial;
	// deadblock then fuses b1, b2 and b4 into one block.
	CHECK(f->blocks.len == 1, "dead arm removed, blocks fused (%d blocks)", f->blocks.len);
	Block *e = f->entry;
	CHECK(e->kind == BK_RET && e->control && e->control->op == OP_CONST &&
	      e->control->auxint == 42, "edges: returns 42");
	CHECK(ssa_passes_check() == 0, "pass ordering rules");
}

// The text format on a small diamond with annotations.
static void
test_dump(void)
{
	Func *f = ssa_new_func(NULL, "main.dump");
	Block *b1 = blk(f), *b2 = blk(f), *b3 = blk(f);
	Value *c = ssa_new_value(b1, OP_CONST, ty_string, nopos);
	c->aux = (void *)"hi\n";
	c->auxint = 3;
	Value *call = ssa_new_value(b1, OP_CALLRT, NULL, nopos);
	call->aux = (void *)"rt_printstring";
	ssa_add_arg(call, c);
	Value *t = ssa_new_value(b1, OP_CONST, ty_bool, nopos);
	t->auxint = 1;
	branch(b1, t, b2, b3);
	jump(b2, b3);
	ret(b3, NULL);
	analyse(f);
	char buf[4096] = {0};
	FILE *mf = fmemopen(buf, sizeof buf - 1, "w");
	ssa_dump_func(f, "test", true, mf);
	fclose(mf);
	const char *want = "== pass test: func main.dump() ==\n"
			   "b1: entry                              ; idom -, frontier {}\n"
			   "    v1 = const <string> {\"hi\\n\"}\n"
			   "    v2 = callrt {rt_printstring} v1\n"
			   "    v3 = const <bool> [1]\n"
			   "    if v3 -> b2 b3\n"
			   "b2: preds b1                           ; idom b1, frontier {b3}\n"
			   "    plain -> b3\n"
			   "b3: preds b1 b2                        ; idom b1, frontier {}\n"
			   "    ret\n";
	CHECK(strcmp(buf, want) == 0, "dump:\n%s\nwant:\n%s", buf, want);
}

int
main(void)
{
	types_init();
	test_diamond();
	test_loop();
	test_nested();
	test_irreducible();
	test_edges_and_passes();
	test_dump();
	if (failures) {
		fprintf(stderr, "%d failed\n", failures);
		return 1;
	}
	printf("ssa_test: all passed\n");
	return 0;
}
