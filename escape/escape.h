// escape.h: gosub's escape analysis, gc's model on gosub's SSA. esc_analyze runs once per
// package on the GETVAR/SETVAR form (before mem2reg), marks every OF_ALLOC value
// ESC_STACK or ESC_HEAP, writes each function's parameter leak summary into Obj.leaks,
// and prints gc's -m lines. codegen reads only Value.esc; nothing outside escape/ sees
// the location graph.
#pragma once

#include "base/base.h"
#include "ssa/ssa.h"

// esc_analyze analyses the whole program p bottom-up over the call graph. mlevel 0: no
// output; 1: gc's -m lines; 2: -m=2, adding the flow explanations.
// Requires: p built by ssa_build, before ssa_run_passes (each variable one location).
// Invalidates: nothing (it only writes Value.esc and Obj.leaks/nleaks).
void esc_analyze(Program *p, int mlevel);

// esc_set_json turns on gc's -json=0,DIR output (spec is "0,DIR" or "0,file://DIR"):
// esc_analyze then writes DIR/PKG/FILE.json. Returns false for an unknown version.
bool esc_set_json(const char *spec);

// esc_set_dot asks esc_analyze to keep the escape graph of the function funcname names
// (ssa_func_matches: "main.f" or "f"; its func literals' locations included) as DOT text,
// which esc_dot returns afterwards (NULL when no such function was analysed).
void esc_set_dot(const char *funcname);
const char *esc_dot(void);
