// escpriv.h: declarations shared by the files of escape/ only: locations, edges, the
// batch being analysed, and the phases (build, solve, leaks, report). Nothing outside
// escape/ includes this header. The model is stated in esc.c's header comment.
#pragma once

#include "base/base.h"
#include "escape/escape.h"
#include "frontend/frontend.h"
#include "ssa/ssa.h"

typedef struct EscLoc EscLoc;
typedef struct EscFn EscFn;
typedef struct EscBatch EscBatch;

// EscReturn: a return statement of a function of the batch (-m=2 explanations).
typedef struct EscReturn {
	EscFn *fn;
	Node *ret; // N_RETURN
} EscReturn;

// gc encodes at most this many result leaks per parameter; later results leak to the heap.
#define ESC_NUM_RESULTS 7
// Sizes above which gc never puts an object on the stack (cmd/compile ir.MaxStackVarSize
// for declared variables, ir.MaxImplicitStackVarSize for new, &T{}, make and literals).
#define ESC_MAX_STACK_VAR (10 * 1024 * 1024)
#define ESC_MAX_IMPLICIT_STACK (64 * 1024)

typedef enum EscLocKind {
	ELOC_HEAP,   // the heap: outlives everything (escapes is always true)
	ELOC_VAR,    // a local variable (GETVAR/SETVAR, or ALLOC_VAR memory); obj set
	ELOC_PARAM,  // a parameter or receiver; obj set; leaks collects its summary
	ELOC_RESULT, // a result variable (named, or ~rN); obj set; resultidx set
	ELOC_ALLOC,  // the memory of an allocating value (new, &T{}, make, boxing...); val set
	ELOC_TEMP,   // a value holder the graph needs (call results); val set, never reported
} EscLocKind;

// EscEdge: "dst = src with derefs dereferences" stored on dst: derefs -1 is dst = &src,
// 0 is dst = src, 1 is dst = *src. why is the SSA value that made the flow (for -m=2).
typedef struct EscEdge {
	EscLoc *src;  // where the value comes from
	int derefs;   // >= -1
	Value *why;   // value responsible for the flow; may be NULL
} EscEdge;

struct EscLoc {
	int id;               // creation order inside the batch (the heap is 0)
	EscLocKind kind;      // see EscLocKind
	Obj *obj;             // VAR, PARAM, RESULT: the variable
	Value *val;           // ALLOC, TEMP: the value
	EscFn *fn;            // owning function; NULL for the heap
	int loopdepth;        // loop depth of the declaration (gc's loopDepth)
	int resultidx;        // RESULT: index of the result
	bool escapes;         // must live on the heap (always true for the heap)
	bool queued;          // in the solver's work list
	const char *heapwhy;  // forced to the heap before solving: "too large for stack", ...
	VEC(EscEdge) edges;   // incoming flows (this location is dst)
	EscLeaks leaks;       // PARAM: minimal derefs to the heap and to each result

	// walk state (escsolve.c)
	uint32_t walkgen;     // walk that last reached this location
	int derefs;           // minimal derefs from the walk's root
	EscLoc *dst;          // the location the walk reached this one from (for -m=2)
	int dstedge;          // index of that edge in dst->edges
	uint32_t explaingen;  // -m=2 explanation that last printed this location
};

// RefItem / Ref: the value of an SSA value as a set of (location, derefs): the value is
// "*...*loc" with derefs stars, or "&loc" for derefs -1. Empty when the value carries no
// pointer the analysis tracks (constants, scalars, globals).
typedef struct RefItem {
	EscLoc *loc;
	int derefs;
} RefItem;
typedef struct Ref {
	bool done;   // computed (memoised per value)
	bool busy;   // being computed (cycle guard)
	int n;
	RefItem *v;
} Ref;

// PtrMap: a small open-addressing map from pointers to pointers. Never iterated, so
// hash order cannot leak into the output.
typedef struct PtrMap {
	void **keys;
	void **vals;
	int cap;   // power of two, or 0
	int len;
} PtrMap;
void *ptrmap_get(PtrMap *m, void *key);
void ptrmap_put(Arena *a, PtrMap *m, void *key, void *val);

// EscFn: one function of the batch.
struct EscFn {
	Func *f;              // its SSA
	FuncInfo *info;       // frontend info; NULL for the package initialiser
	EscFn *outer;         // enclosing function for func literals (same batch), or NULL
	int depth;            // nesting depth of func literals (top-level functions: 0)
	bool called;          // a func literal called where it is written: func(){...}()
	bool allocs_done;     // esc_build_allocs ran
	bool closures_done;   // esc_build_closures visited it
	PtrMap defs;          // Obj * -> its only SETVAR in this function (or &multi_def)
	PtrMap assigns;       // lhs/rhs Node * -> its N_ASSIGN (=), var value -> N_VALUESPEC
	VEC(EscLoc *) params; // receiver first, then the parameters (NULL for "_"/unnamed)
	VEC(EscLoc *) results; // one per result
	bool *live;           // indexed by block id: reachable without constant-false branches
	Ref *refs;            // indexed by value id
	EscLoc **alloc;       // indexed by value id: the location of an OF_ALLOC value
	EscLoc ***restemps;   // indexed by value id: call result holders
	int *nrestemps;       // indexed by value id
};

// EscDirect: an edge esc_flow did not store because its destination already escaped
// (the source escaped at once); kept only so that escdot.c can draw it.
typedef struct EscDirect {
	EscLoc *dst;
	EscEdge e;
} EscDirect;

struct EscBatch {
	Arena *arena;         // everything of this batch; freed when the batch is done
	int mlevel;           // -m level
	EscLoc *heap;         // the heap location
	VEC(EscLoc *) locs;   // every location but the heap, in creation order
	VEC(EscFn *) fns;     // the functions analysed together
	VEC(EscDirect) direct; // edges into escaping locations, not stored (for escdot.c)
	PtrMap objloc;        // Obj * -> EscLoc *: variables, params, results
	PtrMap fnobj;         // Obj * (OBJ_FUNC) -> EscFn *: functions of this batch
	PtrMap fninfo;        // FuncInfo * -> EscFn *: functions and literals of this batch

	// -m=2 explanations (escexplain.c)
	bool indexed;         // stmtof and ifaceat are built
	PtrMap stmtof;        // lhs, rhs, declared name, result Node * -> its statement
	PtrMap ifaceat;       // Node * -> the MAKEIFACE value converting it
	PtrMap caseof;        // type switch: clause Obj * -> clause, clause -> switch
	VEC(EscReturn) returns; // every return statement, in source order
	EscFn *indexfn;       // the function being indexed
	bool explain;         // explanations are made: -m=2 or -json
	void *jcur;           // the -json event explanations are attached to (escjson.c)
	uint32_t explaingen;  // explanations printed so far
	const char *lastwarn; // last -m=2 line printed by esc_warn
	PtrMap argcall;       // argument Node * -> its call (escreport.c, built lazily)
	bool argcall_done;    // argcall is built
};

// ---- escgraph.c ----
EscLoc *esc_new_loc(EscBatch *b, EscLocKind kind, EscFn *fn, int loopdepth);
EscLoc *esc_obj_loc(EscBatch *b, Obj *o);            // NULL if o has no location
void esc_flow(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, Value *why);
void esc_flow_ref(EscBatch *b, EscLoc *dst, Ref *r, int shift, Value *why);
const char *esc_loc_string(EscLoc *l);               // for -m=2 and debugging

// ---- escbuild.c ----
void esc_build_locs(EscBatch *b, EscFn *e);  // phase 1: params, results, variables of e
void esc_build_allocs(EscBatch *b, EscFn *e); // phase 1: allocations of e and its literals
void esc_build_edges(EscBatch *b, EscFn *e); // phase 2: every edge of e
void esc_build_closures(EscBatch *b);         // phase 2b: closures' captures, gc's order
void esc_build_heapwhy(EscBatch *b);          // phase 3: allocations never on the stack
bool *esc_live_blocks(Arena *a, Func *f);     // blocks reachable past constant branches

// ---- escsolve.c ----
void esc_solve(EscBatch *b);
bool esc_outlives(EscLoc *l, EscLoc *other);

// ---- escleaks.c ----
void leaks_init(EscLeaks *l);
void leaks_add_heap(EscLeaks *l, int derefs);
void leaks_add_result(EscLeaks *l, int i, int derefs);
void leaks_optimize(EscLeaks *l);
bool leaks_empty(const EscLeaks *l);
// esc_callee_leaks: the summary of parameter i of callee (an analysed function, a known
// std function, or the all-to-heap default for unknown externs). Returns false when the
// callee is unknown and the argument must be assumed to leak to the heap.
bool esc_callee_leaks(Obj *callee, int i, EscLeaks *out);

// ---- escexplain.c ----
void esc_warn(EscBatch *b, Pos pos, const char *fmt, ...) PRINTF(3, 4); // an -m line
void esc_print(EscBatch *b, const char *fmt, ...) PRINTF(2, 3); // -m=2 output, unbuffered
EscFn *esc_fn_of(EscBatch *b, Value *v);       // the function of the batch holding v
const char *esc_explain_loc(EscLoc *l);         // "{heap}", "x", "{storage for E}"
void esc_explain_flow(EscBatch *b, const char *pos, EscLoc *dst, EscLoc *src, int derefs,
		      Value *why);                  // one "flow:" line and its notes
void esc_explain_path(EscBatch *b, EscLoc *root, EscLoc *src, const char *pos);
void esc_explain_capture(EscBatch *b, EscFn *e, Value *v); // "f capturing by value: x" (-m=2)
void esc_explain_stored(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, Value *why);
Pos esc_loc_pos(EscBatch *b, EscLoc *l);        // position of l in -m=2 headers
const char *esc_loc_name(EscLoc *l);            // name of l in -m=2 headers
bool esc_is_hidden(EscLoc *l);                 // a location gc does not have
void esc_fix_origins(Program *p);              // I(x): origin of the MAKEIFACE is I(x)

// ---- escjson.c ----
bool esc_json_enabled(void);
void esc_json_begin(EscBatch *b, Pos pos, const char *code, const char *fmt, ...) PRINTF(4, 5);
void esc_json_related(EscBatch *b, Pos pos, const char *msg);
void esc_json_end(EscBatch *b);
void esc_json_write(Program *p);

// ---- escdot.c ----
void esc_dot_batch(EscBatch *b); // keep b's graph as DOT if it holds the asked function

// ---- escreport.c ----
void esc_finish(EscBatch *b); // tags params, marks values, prints -m lines
const char *esc_alloc_string(Value *v); // "new(int)", "... argument": gc's name of v
Pos esc_report_pos(EscBatch *b, EscFn *e, Value *v); // where gc reports allocation v
bool esc_reported(Value *v);                 // gc prints a line for allocation v
bool esc_is_ddd_array(Value *v);             // v is the "... argument" array of a call
void esc_report_devirt(Program *p);           // -m: "devirtualizing" lines, all first
void esc_mark_static_inits(Package *pkg);    // globals gc initialises statically
