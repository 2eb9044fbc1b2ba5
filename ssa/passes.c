// passes.c: the SSA pass table and the pass manager.
//
// The pipeline after escape analysis is one ordered table. For each function (in
// Program.funcs order) and each enabled pass, the manager
//   1. computes the analyses the pass needs (Pass.needs) that are not currently valid;
//   2. runs the pass;
//   3. clears the validity bits the pass does not keep (Pass.keeps);
//   4. prints a dump if one was asked for (`-pass NAME` or `-pass all`);
//   5. runs the verifier if checking is on; a failure names the pass and the function.
// The pseudo-pass "build" dumps (and verifies) the builder's output as escape analysis
// left it, before any pass runs. Required passes run even without optimisation (-N/-O0).
// order_rules lists the "A before B" constraints with their reasons; ssa_passes_check
// (run by the unit test) checks the table against them.
//
// Requires: the program built by ssa_build, after esc_analyze.
// Shown by: `gosub ssa -pass all [-func F] [-annotate] file.go`.
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

typedef struct Pass {
	const char *name;     // as accepted by `gosub ssa -pass NAME`; used in dump headers
	void (*run)(Func *f); // the pass
	bool required;        // runs even at -N / -O0
	unsigned needs;       // VALID_* bits the pass reads; the manager computes missing ones
	unsigned keeps;       // VALID_* bits still true afterwards; all others are cleared
} Pass;

#define CFGBITS (VALID_RPO | VALID_DOM | VALID_DF)

static const Pass passes[] = {
	{"mem2reg", mem2reg, true, CFGBITS, CFGBITS},
	{"phielim", phielim, false, 0, CFGBITS},
	{"copyelim", copyelim, false, 0, CFGBITS},
	{"constfold", constfold, false, VALID_RPO, VALID_RPO},
	{"cse", cse, false, VALID_RPO | VALID_DOM, CFGBITS},
	{"deadcode", deadcode, false, 0, CFGBITS},
	{"deadblock", deadblock, false, VALID_RPO, VALID_RPO},
};

typedef struct OrderRule {
	const char *before; // this pass
	const char *after;  // must run before this one
	const char *reason; // why
} OrderRule;

static const OrderRule order_rules[] = {
	{"mem2reg", "phielim", "phielim removes phis that mem2reg placed"},
	{"mem2reg", "copyelim", "the other passes do not understand GETVAR/SETVAR"},
	{"mem2reg", "constfold", "constants only meet their uses once variables are SSA values"},
	{"phielim", "constfold", "trivial phis hide constant operands"},
	{"copyelim", "constfold", "copies hide constant operands"},
	{"constfold", "deadcode", "folding leaves unused operands and unreachable blocks"},
	{"constfold", "cse", "folded values become equal constants that cse merges"},
	{"copyelim", "cse", "copies hide equal arguments"},
	{"cse", "deadcode", "cse leaves the replaced values' operands unused"},
	{"mem2reg", "deadblock", "fused blocks would merge GETVAR/SETVAR of different paths"},
	{"constfold", "deadblock", "folded conditions make branches constant"},
};

static int
pass_index(const char *name)
{
	for (int i = 0; i < (int)ARRAY_LEN(passes); i++)
		if (strcmp(passes[i].name, name) == 0)
			return i;
	return -1;
}

// ssa_passes_check reports (on stderr) every ordering rule the pass table breaks and
// returns the number of broken rules; the unit test requires 0.
int
ssa_passes_check(void)
{
	int bad = 0;
	for (int i = 0; i < (int)ARRAY_LEN(order_rules); i++) {
		int a = pass_index(order_rules[i].before), b = pass_index(order_rules[i].after);
		if (a < 0 || b < 0 || a >= b) {
			fprintf(stderr, "pass order: %s must run before %s (%s)\n",
				order_rules[i].before, order_rules[i].after, order_rules[i].reason);
			bad++;
		}
	}
	return bad;
}

static void
compute(Func *f, unsigned needs)
{
	if ((needs & (VALID_RPO | VALID_DOM | VALID_DF)) && !(f->valid & VALID_RPO))
		cfg_compute_rpo(f);
	if ((needs & (VALID_DOM | VALID_DF)) && !(f->valid & VALID_DOM))
		dom_compute(f);
	if ((needs & VALID_DF) && !(f->valid & VALID_DF))
		df_compute(f);
}

static bool
wants_dump(const char *dump, const char *funcfilter, Func *f, const char *pass)
{
	if (!dump)
		return false;
	if (funcfilter && strcmp(funcfilter, f->name) != 0) {
		// Accept the short name too: -func f for main.f.
		const char *dot = strrchr(f->name, '.');
		if (!dot || strcmp(funcfilter, dot + 1) != 0)
			return false;
	}
	return strcmp(dump, "all") == 0 || strcmp(dump, pass) == 0;
}

static void
dump(Func *f, const char *pass, bool annotate)
{
	ssa_dump_func(f, pass, annotate, stdout);
	fputc('\n', stdout);
}

// program_escaped: escape analysis has run when some allocation carries a mark; then
// the verifier also checks that every allocation has one (invariant 8).
static bool
program_escaped(Program *p)
{
	for (int fi = 0; fi < p->funcs.len; fi++) {
		Func *f = p->funcs.v[fi];
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *b = f->blocks.v[bi];
			for (int i = 0; i < b->values.len; i++) {
				Value *v = b->values.v[i];
				if ((op_flags[v->op] & OF_ALLOC) && v->esc != ESC_UNKNOWN)
					return true;
			}
		}
	}
	return false;
}

// ssa_run_passes runs the pass table on every function of p (see the top of this file).
// optimize: also run the optional passes; check: verify after each pass; dump: a pass
// name, "build" or "all" to print, restricted to funcfilter (a link name such as
// "main.f", or its last component) when not NULL; annotate: idom/frontier comments.
void
ssa_run_passes(Program *p, bool optimize, bool check, const char *dump_, const char *funcfilter,
	       bool annotate)
{
	if (dump_ && strcmp(dump_, "all") != 0 && strcmp(dump_, "build") != 0 &&
	    pass_index(dump_) < 0)
		die("unknown pass %s", dump_);
	bool escaped = check && program_escaped(p);
	const char *saved = diag_pass;
	for (int fi = 0; fi < p->funcs.len; fi++) {
		Func *f = p->funcs.v[fi];
		diag_pass = "build";
		if (check)
			verify_func_escaped(f, "build", escaped);
		if (wants_dump(dump_, funcfilter, f, "build"))
			dump(f, "build", annotate);
		for (int i = 0; i < (int)ARRAY_LEN(passes); i++) {
			const Pass *ps = &passes[i];
			if (!ps->required && !optimize)
				continue;
			diag_pass = ps->name;
			compute(f, ps->needs);
			ps->run(f);
			f->valid &= ps->keeps;
			if (wants_dump(dump_, funcfilter, f, ps->name))
				dump(f, ps->name, annotate);
			if (check)
				verify_func_escaped(f, ps->name, escaped);
		}
	}
	fflush(stdout);
	diag_pass = saved;
}
