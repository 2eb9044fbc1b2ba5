// ssapriv.h: declarations shared by the files of ssa/ only (analyses' side tables and
// the passes). Nothing outside ssa/ includes this header.
#pragma once

#include "base/base.h"
#include "ssa/ssa.h"

// VarInfo: the GETVAR/SETVAR variables of one function, numbered densely in order of
// first appearance (blocks in RPO, values in order), with per-block liveness.
typedef struct VarInfo {
	int nvars;        // number of variables
	Obj **vars;       // vars[i]: the variable's Obj
	Bitset *livein;   // indexed by block id: variables live on entry (NULL until live_vars)
	Bitset *liveout;  // indexed by block id: variables live on exit
} VarInfo;

// var_index returns the index of variable o in vi, or -1.
int var_index(VarInfo *vi, Obj *o);
// vars_collect numbers the GETVAR/SETVAR variables of f. Requires: VALID_RPO.
VarInfo *vars_collect(Func *f);
// live_vars computes livein/liveout of every variable of vi. Requires: VALID_RPO.
void live_vars(Func *f, VarInfo *vi);

// verify_func_escaped: verify_func, plus invariant 8 (every allocation marked) when
// escaped is true.
void verify_func_escaped(Func *f, const char *pass, bool escaped);

// M2rPlace: one phi placement mem2reg considered (a block y in the frontier of a
// block defining variable var).
typedef struct M2rPlace {
	int var;      // variable index in M2rTrace.vi
	Block *block; // y: the join block
	Block *from;  // the defining block whose frontier holds y
	bool fromphi; // from defines var by a phi placed earlier (not by a SETVAR)
	Value *phi;   // the phi placed; NULL when pruned (var not live-in at y)
} M2rPlace;

// M2rTrace: what mem2reg did for one function, for `gosub ssa -d dom` and the explorer
// page. Only filled when mem2reg_traced is given one; mem2reg itself records nothing.
typedef struct M2rTrace {
	VarInfo *vi;           // the variables (livein/liveout filled)
	BlockList *defs;       // defs[x]: blocks holding a SETVAR of x, in RPO order
	BlockList *idf;        // idf[x]: iterated dominance frontier of defs[x], by block id
	Value **zero;          // zero[x]: the ZERO value reads before any write get
	VEC(M2rPlace) places;  // placements in the order considered (phis and pruned ones)
	VEC(const char *) walk; // the renaming walk, one line each, indented by tree depth
} M2rTrace;

// The passes (passes.c runs them in order).
void mem2reg(Func *f);
// m2r_var_label names variable x of t for dumps ("s", or "s@12" when names repeat).
const char *m2r_var_label(M2rTrace *t, int x);
// mem2reg_traced is mem2reg recording its steps into t (which it fills from zero).
void mem2reg_traced(Func *f, M2rTrace *t);
void phielim(Func *f);
void copyelim(Func *f);
void deadcode(Func *f);
void constfold(Func *f);
bool constfold_eval(Value *v, const int64_t *args, int64_t *out); // v on constant args
void sccp(Func *f);
void cse(Func *f);
void demote(Func *f); // variables to ALLOC/LOAD/STORE instead of mem2reg (demote.c)

// ssa_dump_block prints one block of f in the text dump format (ssadump.c).
void ssa_dump_block(Func *f, Block *b, bool annotate, void *file /* FILE * */);
// ssa_dump_order: the blocks of f in dump order (RPO, then unreachable ones in creation
// order), computed without editing f (ssadump.c).
BlockList ssa_dump_order(Func *f);
// ssa_dump_sig: "main.f(n int) int", as dump headers print it (ssadump.c).
const char *ssa_dump_sig(Func *f);

// ssa_dump_dom prints the dominance report of f from mem2reg's trace t (ssadom.c).
void ssa_dump_dom(Func *f, M2rTrace *t, void *file /* FILE * */);
void deadblock(Func *f);

// ssa_fuse_block merges p's only successor (whose only pred is p) into p (func.c).
void ssa_fuse_block(Block *p);

// ssa_passes_check checks the pass table against its ordering rules; returns the number
// of broken rules (each reported on stderr).
int ssa_passes_check(void);
