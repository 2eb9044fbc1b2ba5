// cgopt.h: the back half of codegen (cgopt.c): inlining limits, the -O pass pipelines and
// object output split over several processes. Used by cgmodule.c only.
#pragma once

#include <stdbool.h>

#include "codegen/codegen.h"

// cg_limit_inlining marks functions too big to inline (a gc-like budget) noinline and
// stops inlining into huge functions, so LLVM's bonus for the last call of an internal
// function cannot grow one caller (main.main calling everything once) without bound.
void cg_limit_inlining(Cg *c);

// cg_optimize runs the pass pipeline of optlevel (nothing at 0) over the module: all of
// it when whole, else only its module-wide first half (cg_write_object runs the
// per-function rest in each part). GOSUB_PIPELINE, when set, replaces the pipeline text
// (for experiments). Returns false after printing LLVM's error.
bool cg_optimize(Cg *c, int optlevel, bool whole);

// cg_write_object runs the per-function half of optlevel's pipeline and writes the
// module as an object file to out. Big modules are split
// into parts compiled by forked processes at the same time and joined with `ld -r`;
// GOSUB_JOBS=n sets the number of parts whatever the size (1: one process; tests use it
// to split small programs). The module is unusable
// afterwards. Returns false after printing an error.
bool cg_write_object(Cg *c, const char *out, int optlevel);
