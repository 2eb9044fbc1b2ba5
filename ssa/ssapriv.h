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

// The passes (passes.c runs them in order).
void mem2reg(Func *f);
void phielim(Func *f);
void copyelim(Func *f);
void deadcode(Func *f);
void constfold(Func *f);
void cse(Func *f);
void deadblock(Func *f);

// ssa_fuse_block merges p's only successor (whose only pred is p) into p (func.c).
void ssa_fuse_block(Block *p);

// ssa_passes_check checks the pass table against its ordering rules; returns the number
// of broken rules (each reported on stderr).
int ssa_passes_check(void);
