// cgdefer.c: defer, panic and recover (filled in below).
#include <llvm-c/Core.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "ssa/ssa.h"

// cg_emit_deferop lowers DEFERFRAME, DEFERSETJMP, DEFER, DEFERRETURN and RECOVER.
LLVMValueRef
cg_emit_deferop(Cg *c, Value *v)
{
	fatal_at(v->pos, "codegen: %s: %s not supported yet", c->f->name, op_name[v->op]);
}
