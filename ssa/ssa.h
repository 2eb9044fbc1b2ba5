// ssa.h: gosub's SSA form. Values live in order inside blocks (phis first); phi argument
// i flows in from preds[i]; IDs are dense from 1 so analyses use arrays and bitsets.
// Local variables start as GETVAR/SETVAR on their Obj; escape analysis reads that form
// (one location per variable, like gc), then mem2reg turns variables into SSA values with
// phis. Address-taken variables are ALLOC values whose Value.esc escape/ fills in.
//
// Invariants (checked by verify.c): see STYLE.md section 5.2; notably every argument
// dominates its use, phi arg i dominates the end of preds[i], `uses` is exact.
#pragma once

#include "base/base.h"
#include "frontend/frontend.h"

typedef struct Value Value;
typedef struct Block Block;
typedef struct Func Func;
typedef struct Program Program;
typedef int32_t ValueID;
typedef int32_t BlockID;

typedef enum Op {
#define OP(name, nargs, flags, text) OP_##name,
#include "ops.def"
#undef OP
	OP_COUNT
} Op;

// Op flags (op_flags[op]).
enum {
	OF_PURE = 1 << 0,        // no side effects: removable when unused
	OF_COMMUTATIVE = 1 << 1, // args may be swapped
	OF_READS = 1 << 2,       // reads memory
	OF_WRITES = 1 << 3,      // writes memory
	OF_CALL = 1 << 4,        // calls a function
	OF_ALLOC = 1 << 5,       // creates an allocation: Value.esc says where it lives
	OF_NORETURN = 1 << 6,    // never returns; ends a BK_EXIT block
	OF_CHECK = 1 << 7,       // may panic with a runtime error
};
extern const int op_nargs[OP_COUNT];        // -1: variadic
extern const unsigned op_flags[OP_COUNT];
extern const char *const op_name[OP_COUNT]; // printed name

typedef enum AllocKind {
	ALLOC_VAR,       // a variable moved to memory (address taken or captured by reference)
	ALLOC_NEW,       // new(T)
	ALLOC_COMPOSITE, // &T{...}
	ALLOC_TEMP,      // compiler temporary (array/struct value needing an address)
} AllocKind;

// BoundsKind: which check BOUNDS performs and which message its panic prints; the
// numbering is runtime/rt.h's RT_BOUNDS_* (same order as Go's boundsError codes).
typedef enum BoundsKind {
	BOUNDS_INDEX,      // x[i]: 0 <= i < len          "index out of range [%x] with length %y"
	BOUNDS_SLICEALEN,  // s[?:hi] hi <= len (arrays, strings) "slice bounds out of range [:%x] with length %y"
	BOUNDS_SLICEACAP,  // s[?:hi] hi <= cap           "slice bounds out of range [:%x] with capacity %y"
	BOUNDS_SLICEB,     // s[lo:hi] lo <= hi           "slice bounds out of range [%x:%y]"
	BOUNDS_SLICE3ALEN, // s[?:?:max] max <= len
	BOUNDS_SLICE3ACAP, // s[?:?:max] max <= cap
	BOUNDS_SLICE3B,    // s[?:hi:max] hi <= max
	BOUNDS_SLICE3C,    // s[lo:hi:?] lo <= hi
	BOUNDS_CONVERT,    // (*[N]T)(s): N <= len(s)    "cannot convert slice with length %y to
	                   // pointer to array with length %x"
} BoundsKind;

typedef enum BlockKind {
	BK_PLAIN, // one successor, no control value
	BK_IF,    // two successors [then, else]; control is a bool value
	BK_RET,   // no successors; control is the result, a TUPLE value, or NULL
	BK_EXIT,  // no successors; ends in an OF_NORETURN value (panic); control NULL
} BlockKind;

typedef enum EscMark {
	ESC_UNKNOWN, // escape analysis has not run
	ESC_STACK,   // codegen: alloca in the entry block (or stack buffer)
	ESC_HEAP,    // codegen: rt_alloc with the type descriptor
} EscMark;

struct Value {
	ValueID id;
	Op op;
	Type *type;      // frontend type; NULL when the op has no result
	Block *block;    // the block whose values[] holds this value
	int nargs;
	Value **args;    // == inline_args while nargs <= 3
	Value *inline_args[3];
	int64_t auxint;  // integer payload: constant bits, field index, param index, kinds
	void *aux;       // pointer payload: Obj *, FuncInfo *, string bytes, runtime name
	Node *origin;    // AST node this value came from, for gc-style messages; may be NULL
	EscMark esc;     // OF_ALLOC values only; written by escape/
	int32_t uses;    // references from args and controls; kept exact
	Pos pos;
	Sym *name;       // source variable, for dumps and LLVM names; may be NULL
};

typedef VEC(Value *) ValueList;
typedef VEC(Block *) BlockList;

struct Block {
	BlockID id;
	BlockKind kind;
	ValueList values; // phis first, then the body in execution order
	Value *control;   // see BlockKind
	Block *succs[2];
	int nsuccs;
	BlockList preds;  // phi argument i flows in from preds.v[i]
	Pos pos;
	int loopdepth;    // lexical loop nesting as gc counts it (for, looping labels); set
	                  // by the builder; escape uses it

	// Analysis results, valid only while the matching VALID_* bit is set in func->valid.
	int rpo;          // index in func->rpo (VALID_RPO); -1 if unreachable
	Block *idom;      // immediate dominator; NULL for the entry block (VALID_DOM)
	BlockList domkids;  // children in the dominator tree (VALID_DOM)
	BlockList frontier; // dominance frontier, sorted by id (VALID_DF)
	Func *func;
};

// Analysis validity bits (Func.valid).
enum {
	VALID_RPO = 1 << 0,
	VALID_DOM = 1 << 1,
	VALID_DF = 1 << 2,
	VALID_LIVE = 1 << 3,
};

struct Func {
	const char *name;   // link name, e.g. "main.fib", "main.(*T).M", "main.f.func1"
	FuncInfo *info;     // frontend info (params, results, captures); NULL for package init
	Type *type;         // signature; methods: receiver is param 0 (see Func.params)
	Block *entry;
	BlockList blocks;   // every live block, in creation order
	BlockList rpo;      // reverse postorder (VALID_RPO)
	ValueList params;   // PARAM values in order (receiver first)
	ValueID nvalues;    // next value id to hand out (ids start at 1)
	BlockID nblocks;    // next block id to hand out (ids start at 1)
	unsigned valid;     // VALID_* bits
	Arena *arena;       // per-function arena: blocks, values, analysis scratch
	Program *prog;
	bool isclosure;     // a func literal with captures: receives a closure context
	bool wrapper;       // a compiler-made forwarding wrapper (the closure of `defer f(x)`):
	                    // codegen starts it with rt_wrapperenter (runtime/rt.h rule 4)
	Pos pos;
};

// Program: the SSA of one package.
struct Program {
	Package *pkg;
	VEC(Func *) funcs;  // every function in source order (literals after their parent),
	                    // then the package initialiser "main.init" (globals + init funcs)
	Func *init;         // the package initialiser
};

// ---- construction (func.c) ----
Func *ssa_new_func(Program *p, const char *name);
Block *ssa_new_block(Func *f, BlockKind kind, Pos pos);
Value *ssa_new_value(Block *b, Op op, Type *t, Pos pos); // appended to b
Value *ssa_new_value_at(Block *b, int index, Op op, Type *t, Pos pos); // inserted at index
void ssa_add_arg(Value *v, Value *arg);
void ssa_set_arg(Value *v, int i, Value *arg);
void ssa_set_control(Block *b, Value *v);
void ssa_add_edge(Block *from, Block *to);      // appends to from->succs and to->preds
void ssa_remove_edge(Block *from, int succidx); // also drops the matching phi args
void ssa_replace_uses(Func *f, Value *old, Value *new_); // every use of old becomes new_
void ssa_remove_value(Value *v);                // requires v->uses == 0

// ---- analyses and passes ----
void cfg_compute_rpo(Func *f);    // sets rpo, VALID_RPO; removes unreachable blocks
void dom_compute(Func *f);        // idom + domtree (Cooper-Harvey-Kennedy); VALID_DOM
void df_compute(Func *f);         // dominance frontiers; VALID_DF
bool dom_dominates(Block *a, Block *b);
void verify_func(Func *f, const char *pass); // internal error on a broken invariant

// ssa_build: lowers the checked package to SSA in GETVAR/SETVAR form.
Program *ssa_build(Package *pkg);
// ssa_passes: runs the pass pipeline from mem2reg on (after escape analysis). optimize:
// run the optional clean-up passes. dump: pass name to dump or "all" or NULL, with
// funcfilter restricting dumps to one function name (NULL: all).
void ssa_run_passes(Program *p, bool optimize, bool check, const char *dump,
		    const char *funcfilter, bool annotate);
// SsaRunOptions: everything ssa_run_passes_opts does besides running the pass table.
typedef struct SsaRunOptions {
	bool optimize;          // also run the optional passes
	bool check;             // verify after the builder and after every pass
	const char *dump;       // pass name, "build" or "all" to dump; NULL: no dump
	const char *funcfilter; // restrict dumps and views to this function (link name or
	                        // its last component); NULL: every function
	bool annotate;          // idom/frontier comments in text dumps
	const char *dot;        // "cfg" or "dom": dumps are Graphviz DOT (ssadot.c); NULL: text
	const char *view;       // "dom": the dominance report after mem2reg (ssadom.c)
	bool only;              // run only the pass named by dump (hand-written SSA tests)
	bool nomem2reg;         // lower variables to memory (ALLOC/LOAD/STORE) instead of
	                        // mem2reg: LLVM's mem2reg then does the job (phi cross-check)
	void (*observe)(Func *f, const char *pass, void *trace, void *ctx); // called after
	                        // "build" and after every pass, for the functions funcfilter
	                        // selects; trace: mem2reg's M2rTrace (ssapriv.h) or NULL
	void *observe_ctx;      // passed to observe
} SsaRunOptions;
void ssa_run_passes_opts(Program *p, const SsaRunOptions *o);

// The explorer page (ssahtml.c): create it for one function, pass ssa_html_observe and
// the SsaHtml as SsaRunOptions.observe / observe_ctx, give it escape analysis' -m=2
// text (ssa_html_capture runs a function, then flushes pending diagnostics, with stdout
// and stderr captured into the returned string), then write.
typedef struct SsaHtml SsaHtml;
SsaHtml *ssa_html_new(const char *funcname);
void ssa_html_observe(Func *f, const char *pass, void *trace, void *ctx);
void ssa_html_set_escape(SsaHtml *h, const char *text);
void ssa_html_set_escape_dot(SsaHtml *h, const char *dot); // escape.h's esc_dot()
const char *ssa_html_capture(void (*fn)(void *), void *arg);
bool ssa_html_write(SsaHtml *h, const char *path);

// ssa_read parses SSA text dumps (file: an index from file_add) into a new Program, for
// testing one pass on hand-written SSA; NULL after errors. ssaread.c.
Program *ssa_read(int file);

// ssa_dump_dot writes f as Graphviz DOT: what "cfg" (blocks with their values, back
// edges bold) or "dom" (dominator tree, frontier edges dashed). ssadot.c.
void ssa_dump_dot(Func *f, const char *what, const char *header, void *file /* FILE * */);
// ssa_dot_label writes text as the body of a DOT label string: quotes, backslashes and
// record characters escaped, each line left-justified (\l).
void ssa_dot_label(void *file /* FILE * */, const char *text, size_t len);
// ssa_func_matches: f is the function a -func filter names (link name or last part).
bool ssa_func_matches(Func *f, const char *funcfilter);

// ssa_dump_func: the deterministic text format; annotate adds idom/frontier comments.
void ssa_dump_func(Func *f, const char *header, bool annotate, void *file /* FILE * */);
