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
	{"sccp", sccp, false, VALID_RPO, VALID_RPO},
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
	{"mem2reg", "sccp", "constants only flow through phis once variables are SSA values"},
	{"constfold", "sccp", "sccp sees more once straight-line constants are folded (cheaper)"},
	{"sccp", "cse", "values sccp proves constant become equal constants that cse merges"},
	{"sccp", "deadcode", "sccp leaves unused operands behind"},
	{"sccp", "deadblock", "sccp turns decided branches into plain edges"},
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

// ssa_func_matches reports whether f is the function funcfilter names: its link name
// ("main.f", "main.(*T).M") or the part after the last dot ("f", "M"). NULL matches all.
bool
ssa_func_matches(Func *f, const char *funcfilter)
{
	if (!funcfilter || strcmp(funcfilter, f->name) == 0)
		return true;
	const char *dot = strrchr(f->name, '.');
	return dot && strcmp(funcfilter, dot + 1) == 0;
}

static bool
wants_dump(const char *dump, const char *funcfilter, Func *f, const char *pass)
{
	if (!dump || !ssa_func_matches(f, funcfilter))
		return false;
	return strcmp(dump, "all") == 0 || strcmp(dump, pass) == 0;
}

static void
dump(Func *f, const char *pass, const SsaRunOptions *o)
{
	if (o->dot)
		ssa_dump_dot(f, o->dot, pass, stdout);
	else
		ssa_dump_func(f, pass, o->annotate, stdout);
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
	SsaRunOptions o = {0};
	o.optimize = optimize;
	o.check = check;
	o.dump = dump_;
	o.funcfilter = funcfilter;
	o.annotate = annotate;
	ssa_run_passes_opts(p, &o);
}

// run_pass runs one table entry on f: analyses, the pass (traced for mem2reg when a
// view wants it), validity bits, dump, observer, verifier.
static void
run_pass(Func *f, const Pass *ps, const SsaRunOptions *o, bool escaped, bool selected)
{
	diag_pass = ps->name;
	compute(f, ps->needs);
	M2rTrace *trace = NULL;
	bool wanttrace = selected && (o->view || o->observe);
	if (ps->run == mem2reg && wanttrace) {
		trace = NEW(perm, M2rTrace);
		mem2reg_traced(f, trace);
	} else {
		ps->run(f);
	}
	f->valid &= ps->keeps;
	if (trace && o->view && strcmp(o->view, "dom") == 0) {
		ssa_dump_dom(f, trace, stdout);
		fputc('\n', stdout);
	}
	if (wants_dump(o->dump, o->funcfilter, f, ps->name))
		dump(f, ps->name, o);
	if (selected && o->observe)
		o->observe(f, ps->name, trace, o->observe_ctx);
	if (o->check)
		verify_func_escaped(f, ps->name, escaped);
}

// ssa_run_passes_opts runs the pass table on every function of p with the dumps, views
// and observer o asks for (see SsaRunOptions in ssa.h and the top of this file).
void
ssa_run_passes_opts(Program *p, const SsaRunOptions *o)
{
	const char *dump_ = o->dump;
	if (dump_ && strcmp(dump_, "all") != 0 && strcmp(dump_, "build") != 0 &&
	    pass_index(dump_) < 0 && strcmp(dump_, "demote") != 0)
		die("unknown pass %s", dump_);
	if (o->dot && strcmp(o->dot, "cfg") != 0 && strcmp(o->dot, "dom") != 0)
		die("unknown -dot view %s (want cfg or dom)", o->dot);
	if (o->view && strcmp(o->view, "dom") != 0)
		die("unknown -d view %s (want dom)", o->view);
	bool escaped = o->check && program_escaped(p);
	const char *saved = diag_pass;
	for (int fi = 0; fi < p->funcs.len; fi++) {
		Func *f = p->funcs.v[fi];
		bool selected = ssa_func_matches(f, o->funcfilter);
		diag_pass = "build";
		if (o->check)
			verify_func_escaped(f, "build", escaped);
		if (o->only) {
			// Hand-written SSA: run just the named pass (or demote).
			if (!dump_ || strcmp(dump_, "build") == 0 || strcmp(dump_, "all") == 0)
				die("-pass NAME is required for SSA read from a file");
			const Pass one = {"demote", demote, true, VALID_RPO, VALID_RPO};
			int i = pass_index(dump_);
			run_pass(f, i >= 0 ? &passes[i] : &one, o, escaped, selected);
			continue;
		}
		if (wants_dump(dump_, o->funcfilter, f, "build"))
			dump(f, "build", o);
		if (selected && o->observe)
			o->observe(f, "build", NULL, o->observe_ctx);
		for (int i = 0; i < (int)ARRAY_LEN(passes); i++) {
			const Pass *ps = &passes[i];
			if (!ps->required && !o->optimize)
				continue;
			if (ps->run == mem2reg && o->nomem2reg) {
				const Pass dm = {"demote", demote, true, VALID_RPO, VALID_RPO};
				run_pass(f, &dm, o, escaped, selected);
				continue;
			}
			run_pass(f, ps, o, escaped, selected);
		}
	}
	fflush(stdout);
	diag_pass = saved;
}
