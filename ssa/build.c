// build.c: lowers the checked AST of one package to SSA in GETVAR/SETVAR form: one Func
// per FuncInfo of Package.funcs, plus the package initialiser "main.init".
//
// Variables. A local is either an SSA variable, read and written with GETVAR/SETVAR on
// its Obj (mem2reg turns these into values and phis after escape analysis), or memory:
// an ALLOC (auxint ALLOC_VAR, aux the Obj, origin the declaring identifier) at the
// declaration point, read and written with LOAD/STORE. Memory variables are those whose
// address is taken, those a closure captures by reference (captured and reassigned, or
// larger than 128 bytes: gc's rule) and arrays (gc keeps those of more than one element
// in memory; we keep all of them). Every declaration emits its SETVAR (or ALLOC and STORE) where it is
// declared, so escape analysis reads the first SETVAR as the declaration. Parameters are
// PARAM values set into their variables in the entry block; named results are zeroed
// there. Struct variables are SSA values: `s.f = v` is SETVAR(s, INSERT(GETVAR(s), f, v)).
//
// Control flow. if/for/range/switch/labels/goto/break/continue become blocks; && and ||
// in conditions become branch chains, and as values a phi in the join block (the only
// phis the builder makes). The current block is NULL after a terminator; statements
// after it go into a fresh unreachable block, and cfg_compute_rpo deletes unreachable
// blocks at the end. Block.loopdepth is gc's lexical loop depth: a for (or range)
// statement's condition, post statement and body are one deeper than its init; a label
// targeted by a backward goto makes the rest of its enclosing block one deeper.
//
// Checks. BOUNDS before every index not known in range (constant indices of arrays are
// checked by the type checker), slice expressions check in Go's order (max against cap,
// hi against max, lo against hi), NILCHECK before every load, store or field address
// through a pointer not known to be non-nil.
//
// Every value carries origin (the AST node it comes from, which escape/ renders in
// messages) and pos (where gc reports it). Anything not supported yet reports
// "not supported: ..." through error_at; the driver stops after this phase then.
//
// Requires: tc_package without errors. Leaves: every block reachable, Func.params, the
// Program's functions in Package.funcs order then main.init. Shown by:
// `gosub ssa -pass build file.go`.
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"

// ---- builder state ----

typedef enum SlotKind {
	SLOT_SSA, // GETVAR/SETVAR variable
	SLOT_MEM, // memory: v is its address (ALLOC or a by-reference FREEVAR)
	SLOT_VAL, // read-only value captured by a closure: v is the value (FREEVAR)
} SlotKind;

typedef struct Slot {
	Obj *obj;      // key; NULL: empty table entry
	SlotKind kind;
	Value *v;      // SLOT_MEM: address; SLOT_VAL: value
} Slot;

typedef struct Target {
	Node *stmt;    // the for/range/switch statement
	Node *label;   // the N_LABELED around it, or NULL
	Block *brk;    // break target
	Block *cont;   // continue target (NULL for switch)
} Target;

typedef struct Label {
	Sym *name;
	Block *b;      // the block the label starts
	bool placed;   // the labeled statement has been reached
} Label;

typedef VEC(Sym *) SymList;
typedef VEC(Value *) ValVec;

typedef struct B {
	Program *prog;
	Package *pkg;
	Func *f;
	FuncInfo *fi;
	Block *cur;          // current block; NULL after a terminator
	int depth;           // lexical loop depth (gc's)
	Slot *slots;         // open-addressing table Obj -> Slot
	int capslots, nslots;
	VEC(Target) targets; // enclosing breakable statements, innermost last
	VEC(Label) labels;
	SymList looping;     // labels that are targets of backward gotos
	Type *restype;       // NULL, the result type, or the tuple of results
	int ntemps;          // synthetic variables made so far
	bool hasgoto;        // a goto was lowered: finish checks that no value lost dominance
	Value *frame;        // DEFERFRAME of a function with defer statements, else NULL
	ValVec resaddrs;     // with frame: the addresses of the result variables, in order
	int nwrappers;       // defer wrappers made for this function
	VEC(Obj *) mexprs;   // method expression wrappers made so far (whole package)
	Node *splitddd;      // call_args of this call leaves variadic extras unpacked (the
	                     // call of a defer wrapper)...
	int nextra;          // ...and records how many it pushed (-1: none were split)
	Type *dddtype;       // ...and the ...T parameter's slice type
} B;

static Value *expr(B *b, Node *n);
static void stmt(B *b, Node *n);
static void stmts(B *b, NodeList *l);
static Value *addr_of(B *b, Node *n);
static bool in_memory(B *b, Node *n);
static Value *call_expr(B *b, Node *n);
static void cond(B *b, Node *n, Block *t, Block *f);
static void defer_stmt(B *b, Node *n);
static Type *results_type(Type *ft);
static Obj *method_args(B *b, Node *n, Node *fun, ValVec *out);
static void reset(B *b, Func *f, FuncInfo *fi);
static void finish(B *b);

static Pos
npos(Node *n)
{
	Pos p = {0};
	return n ? n->pos : p;
}

static void
unsupported(Pos pos, const char *what)
{
	error_at(pos, "not supported: %s", what);
}

// ---- blocks and values ----

static Block *
new_block(B *b, Pos pos)
{
	Block *bl = ssa_new_block(b->f, BK_PLAIN, pos);
	bl->loopdepth = b->depth;
	return bl;
}

// cur returns the current block, starting an unreachable one after a terminator.
static Block *
cur(B *b)
{
	if (!b->cur)
		b->cur = new_block(b, b->f->pos);
	return b->cur;
}

static Value *
val(B *b, Op op, Type *t, Node *origin, Pos pos)
{
	Value *v = ssa_new_value(cur(b), op, t, pos);
	v->origin = origin;
	return v;
}

static Value *
val1(B *b, Op op, Type *t, Node *origin, Pos pos, Value *x)
{
	Value *v = val(b, op, t, origin, pos);
	ssa_add_arg(v, x);
	return v;
}

static Value *
val2(B *b, Op op, Type *t, Node *origin, Pos pos, Value *x, Value *y)
{
	Value *v = val1(b, op, t, origin, pos, x);
	ssa_add_arg(v, y);
	return v;
}

// val3 makes a three-argument value; the arguments must already be built.
static Value *
val3(B *b, Op op, Type *t, Node *origin, Pos pos, Value *x, Value *y, Value *z)
{
	Value *v = val2(b, op, t, origin, pos, x, y);
	ssa_add_arg(v, z);
	return v;
}

static void
jump(B *b, Block *to)
{
	if (!b->cur)
		return;
	b->cur->kind = BK_PLAIN;
	ssa_add_edge(b->cur, to);
	b->cur = NULL;
}

static void
branch(B *b, Value *c, Block *t, Block *f)
{
	Block *bl = cur(b);
	bl->kind = BK_IF;
	ssa_set_control(bl, c);
	ssa_add_edge(bl, t);
	ssa_add_edge(bl, f);
	b->cur = NULL;
}

static void
start(B *b, Block *bl)
{
	jump(b, bl);
	b->cur = bl;
}

static Type *
utype(Type *t)
{
	return t ? type_under(t) : NULL;
}

static Type *
ntype(Node *n)
{
	Type *t = n->type;
	if (t && type_is_untyped(t))
		t = type_default(t);
	return t;
}

static Value *
zero(B *b, Type *t, Node *origin, Pos pos)
{
	return val(b, OP_ZERO, t, origin, pos);
}

static Value *
cint(B *b, int64_t c, Pos pos)
{
	Value *v = val(b, OP_CONST, ty_int, NULL, pos);
	v->auxint = c;
	return v;
}

// ---- variables ----

static uint32_t
hashptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (uint32_t)x;
}

static Slot *
slot_find(B *b, Obj *o, bool add)
{
	if (add && 2 * (b->nslots + 1) > b->capslots) {
		Slot *old = b->slots;
		int oldcap = b->capslots;
		b->capslots = oldcap ? 2 * oldcap : 64;
		b->slots = NEWARR(b->f->arena, Slot, b->capslots);
		b->nslots = 0;
		for (int i = 0; i < oldcap; i++) {
			if (old[i].obj) {
				*slot_find(b, old[i].obj, true) = old[i];
				b->nslots++;
			}
		}
	}
	if (!b->capslots)
		return NULL;
	uint32_t m = (uint32_t)b->capslots - 1;
	for (uint32_t h = hashptr(o) & m;; h = (h + 1) & m) {
		if (b->slots[h].obj == o)
			return &b->slots[h];
		if (!b->slots[h].obj) {
			if (!add)
				return NULL;
			b->slots[h].obj = o;
			return &b->slots[h];
		}
	}
}

static bool
byref_capture(Obj *o)
{
	// a named result counts as reassigned: return statements assign it (gc's rule; a
	// deferred closure reads what the return stored)
	return (o->flags & OBJF_CAPTURED) &&
	       (o->flags & (OBJF_REASSIGNED | OBJF_ADDRTAKEN | OBJF_RESULT) ||
		type_size(o->type) > 128);
}

// contains_array: t is an array or a struct with an array inside (not through
// pointers). Like gc, such values are not SSA-able: an element assignment needs an
// address.
static bool
contains_array(Type *t)
{
	Type *u = utype(t);
	if (!u)
		return false;
	if (u->kind == TY_ARRAY)
		return true;
	if (u->kind == TY_STRUCT)
		for (int i = 0; i < u->fields.len; i++)
			if (contains_array(u->fields.v[i].type))
				return true;
	return false;
}

// is_memvar: variables that live in memory (see the top of this file).
static bool
is_memvar(Obj *o)
{
	if (o->flags & OBJF_ADDRTAKEN)
		return true;
	if (byref_capture(o))
		return true;
	// gc keeps arrays of more than one element in memory; we keep every array there,
	// and every struct holding one (a one-element array variable is rare, and -m output
	// is the same either way).
	return contains_array(o->type);
}

static bool
is_blank(Obj *o)
{
	return !o || (o->name && o->name->len == 1 && o->name->name[0] == '_');
}

// declare makes o a variable of the current function, initialised to init (NULL: its
// zero value), at the current point; ident is the declaring identifier (origin).
static void
declare(B *b, Obj *o, Node *ident, Value *init)
{
	Pos pos = o->pos.line ? o->pos : npos(ident);
	Slot *s = slot_find(b, o, true);
	b->nslots++;
	bool memres = b->fi && b->fi->hasdefer && (o->flags & OBJF_RESULT) && o->func == b->fi;
	if (is_memvar(o) || memres) {
		s->kind = SLOT_MEM;
		Value *a = val(b, OP_ALLOC, type_pointer(o->type), ident, pos);
		a->auxint = ALLOC_VAR;
		a->aux = o;
		a->name = o->name;
		s->v = a;
		if (init)
			val2(b, OP_STORE, NULL, ident, pos, a, init);
		return;
	}
	s->kind = SLOT_SSA;
	s->v = NULL;
	if (!init)
		init = zero(b, o->type, ident, pos);
	Value *sv = val1(b, OP_SETVAR, NULL, ident, pos, init);
	sv->aux = o;
	sv->name = o->name;
}

// temp makes a synthetic SSA variable of type t (hidden loop indices and the like).
static Obj *
temp(B *b, const char *name, Type *t, Pos pos)
{
	Obj *o = NEW(perm, Obj);
	o->kind = OBJ_VAR;
	o->name = sym_cstr(name);
	o->type = t;
	o->pos = pos;
	b->ntemps++;
	Slot *s = slot_find(b, o, true);
	b->nslots++;
	s->kind = SLOT_SSA;
	return o;
}

static Value *
getvar(B *b, Obj *o, Node *origin, Pos pos)
{
	Value *v = val(b, OP_GETVAR, o->type, origin, pos);
	v->aux = o;
	return v;
}

static void
setvar(B *b, Obj *o, Value *x, Node *origin, Pos pos)
{
	Value *v = val1(b, OP_SETVAR, NULL, origin, pos, x);
	v->aux = o;
}

// global_addr returns &g for a package variable.
static Value *
global_addr(B *b, Obj *o, Node *origin, Pos pos)
{
	Value *v = val(b, OP_GLOBAL, type_pointer(o->type), origin, pos);
	v->aux = o;
	return v;
}

static bool
is_global(Obj *o)
{
	return (o->flags & OBJF_GLOBAL) || !o->func;
}

// var_addr returns the address of memory variable o, or NULL if o is an SSA variable.
static Value *
var_addr(B *b, Obj *o, Node *n)
{
	Slot *s = slot_find(b, o, false);
	if (s) {
		if (s->kind == SLOT_MEM)
			return s->v;
		return NULL;
	}
	if (is_global(o))
		return global_addr(b, o, n, npos(n));
	// Not declared in this function: a variable of an enclosing function that the
	// checker did not list among the captures.
	unsupported(npos(n), "reference to this variable from here");
	return zero(b, type_pointer(o->type), n, npos(n));
}

static Value *
read_var(B *b, Obj *o, Node *n)
{
	Slot *s = slot_find(b, o, false);
	if (s && s->kind == SLOT_SSA)
		return getvar(b, o, n, npos(n));
	if (s && s->kind == SLOT_VAL)
		return s->v;
	Value *a = var_addr(b, o, n);
	return val1(b, OP_LOAD, o->type, n, npos(n), a);
}

// ---- constants and conversions ----

static int64_t
wrap_bits(Type *t, uint64_t x)
{
	int64_t size = type_size(t);
	if (size <= 0 || size >= 8)
		return (int64_t)x;
	int bits = (int)size * 8;
	uint64_t mask = ((uint64_t)1 << bits) - 1;
	x &= mask;
	if (!type_is_unsigned(t) && (x >> (bits - 1)) & 1)
		x |= ~mask;
	return (int64_t)x;
}

// complex_const sets complex constant v (type u) to c: aux points at {re, im} doubles,
// each rounded to float32 for complex64.
static void
complex_const(Value *v, Type *u, ConstVal *c)
{
	double *ri = NEWARR(perm, double, 2);
	ri[0] = const_float64(c);
	ri[1] = const_imag(c);
	if (u->kind == TY_COMPLEX64) {
		ri[0] = (double)(float)ri[0];
		ri[1] = (double)(float)ri[1];
	}
	v->aux = ri;
	memcpy(&v->auxint, &ri[0], sizeof ri[0]);
}

static Value *
constant(B *b, Type *t, ConstVal *c, Node *n)
{
	Pos pos = npos(n);
	Type *u = utype(t);
	if (!u || u->kind == TY_INTERFACE) {
		// A constant in interface context keeps its default type and is boxed.
		Type *dt = n && n->type && !type_is_interface(n->type) ? n->type : NULL;
		if (!dt) {
			switch (const_kind(c)) {
			case CK_BOOL: dt = ty_bool; break;
			case CK_INT: dt = ty_int; break;
			case CK_FLOAT: dt = ty_float64; break;
			case CK_STRING: dt = ty_string; break;
			default: dt = ty_complex128; break;
			}
		}
		if (type_is_untyped(dt))
			dt = type_default(dt);
		Value *x = constant(b, dt, c, n);
		if (!u)
			return x;
		Value *mi = val1(b, OP_MAKEIFACE, t, n, pos, x);
		return mi;
	}
	Value *v = val(b, OP_CONST, t, n, pos);
	switch (const_kind(c)) {
	case CK_BOOL:
		v->auxint = const_bool(c);
		break;
	case CK_INT:
	case CK_FLOAT:
		if (type_is_float(u)) {
			double d = const_float64(c);
			if (u->kind == TY_FLOAT32)
				d = (double)(float)d;
			uint64_t bits;
			memcpy(&bits, &d, sizeof bits);
			v->auxint = (int64_t)bits;
		} else if (type_is_complex(u)) {
			complex_const(v, u, c);
		} else {
			v->auxint = wrap_bits(t, const_uint64(c));
		}
		break;
	case CK_STRING: {
		int len = 0;
		const char *s = const_string(c, &len);
		v->aux = (void *)s;
		v->auxint = len;
		if (!s)
			v->aux = (void *)"";
		break;
	}
	case CK_COMPLEX:
		if (type_is_complex(u))
			complex_const(v, u, c);
		else
			unsupported(pos, "this complex constant");
		break;
	}
	return v;
}

// convert makes x a value of type t for an assignment (boxing into interfaces).
static Value *
convert(B *b, Value *x, Type *t, Node *origin)
{
	if (!t || !x->type || x->type == t || type_identical(x->type, t))
		return x;
	Pos pos = origin ? origin->pos : x->pos;
	if (type_is_interface(t)) {
		if (type_is_interface(x->type))
			return val1(b, OP_CONV, t, origin, pos, x);
		return val1(b, OP_MAKEIFACE, t, origin, pos, x);
	}
	// Identical underlying types (named vs unnamed) and channel direction changes.
	return val1(b, OP_CONV, t, origin, pos, x);
}

static bool
is_nil(Node *n)
{
	while (n->kind == N_PAREN)
		n = n->u.x;
	if (n->type && n->type->kind == TY_UNTYPED_NIL)
		return true;
	return n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL;
}

// rvalue evaluates n and converts it for assignment to type t.
static Value *
rvalue(B *b, Node *n, Type *t)
{
	if (is_nil(n))
		return zero(b, t ? t : ntype(n), n, npos(n));
	if (n->cval && t)
		return constant(b, t, n->cval, n);
	Value *x = expr(b, n);
	return convert(b, x, t, n);
}

// ---- addresses ----

static bool
nonnil(Value *p)
{
	switch (p->op) {
	case OP_ALLOC: case OP_GLOBAL: case OP_FIELDADDR: case OP_INDEXADDR: case OP_PTRINDEX:
		return true;
	case OP_FREEVAR: // the address of a variable captured by reference, not a value
		return p->aux && !type_identical(p->type, ((Obj *)p->aux)->type);
	default:
		return false;
	}
}

static Value *
nilcheck(B *b, Value *p, Node *origin, Pos pos)
{
	if (!nonnil(p))
		val1(b, OP_NILCHECK, NULL, origin, pos, p);
	return p;
}

static Node *
unparen(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	return n;
}

// field_path walks a selector's field path from x. When addr is true the result is the
// address of the field (x must be addressable or reached through a pointer); otherwise
// its value. Pointer steps (embedded *T, or x itself a pointer) load through a nil check.
static Value *
field_path(B *b, Node *n, Node *x, int *path, int npath, bool wantaddr)
{
	Pos pos = npos(n);
	Type *t = x->type;
	Value *a = NULL, *v = NULL;
	if (utype(t)->kind == TY_POINTER)
		v = expr(b, x);
	else if (in_memory(b, x))
		a = addr_of(b, x);
	else
		v = expr(b, x);
	for (int k = 0; k < npath; k++) {
		Type *u = utype(t);
		if (u->kind == TY_POINTER) {
			Value *p = a ? val1(b, OP_LOAD, t, n, pos, nilcheck(b, a, n, pos)) : v;
			a = nilcheck(b, p, n, pos);
			v = NULL;
			t = utype(t)->elem;
			u = utype(t);
		}
		if (u->kind != TY_STRUCT || path[k] < 0 || path[k] >= u->fields.len)
			fatal_at(pos, "ssa build: bad field path in %s", b->f->name);
		Type *ft = u->fields.v[path[k]].type;
		if (a) {
			Value *fa = val1(b, OP_FIELDADDR, type_pointer(ft), n, pos, a);
			fa->auxint = path[k];
			a = fa;
		} else {
			v = val1(b, OP_EXTRACT, ft, n, pos, v);
			v->auxint = path[k];
		}
		t = ft;
	}
	if (wantaddr) {
		if (!a) {
			if (v && utype(v->type)->kind == TY_POINTER && npath == 0)
				return v;
			// A non-addressable value: spill it (method calls on values).
			Value *tmp = val(b, OP_ALLOC, type_pointer(t), n, pos);
			tmp->auxint = ALLOC_TEMP;
			val2(b, OP_STORE, NULL, n, pos, tmp, v);
			return tmp;
		}
		return a;
	}
	if (a)
		return val1(b, OP_LOAD, t, n, pos, a);
	return v;
}

// in_memory reports whether n denotes addressable memory (rather than an SSA value).
static bool
in_memory(B *b, Node *n)
{
	n = unparen(n);
	switch (n->kind) {
	case N_IDENT: {
		Obj *o = n->u.ident.obj;
		if (!o || o->kind != OBJ_VAR)
			return false;
		Slot *s = slot_find(b, o, false);
		if (s)
			return s->kind == SLOT_MEM;
		return is_global(o);
	}
	case N_STAR:
		return true;
	case N_SELECTOR: {
		Selection *s = &n->u.sel.sel;
		if (s->kind == SEL_QUALIFIED)
			return s->obj && s->obj->kind == OBJ_VAR;
		if (s->kind != SEL_FIELD)
			return false;
		if (s->indirect || utype(n->u.sel.x->type)->kind == TY_POINTER)
			return true;
		return in_memory(b, n->u.sel.x);
	}
	case N_INDEX: {
		Type *u = utype(n->u.index.x->type);
		if (u->kind == TY_SLICE || u->kind == TY_POINTER)
			return true;
		if (u->kind == TY_ARRAY)
			return in_memory(b, n->u.index.x);
		return false;
	}
	default:
		return false;
	}
}

// index_addr returns the address of x[i] for slices, arrays in memory and pointers to
// arrays, after the bounds check.
static Value *
index_addr(B *b, Node *n)
{
	Node *x = n->u.index.x;
	Node *in = n->u.index.index.v[0];
	Pos pos = npos(n);
	Type *u = utype(x->type);
	Value *i = expr(b, in);
	if (!type_identical(i->type, ty_int))
		i = val1(b, OP_CONV, ty_int, in, npos(in), i);
	Type *et;
	if (u->kind == TY_SLICE) {
		et = u->elem;
		Value *s = expr(b, x);
		Value *len = val1(b, OP_SLICELEN, ty_int, n, pos, s);
		Value *bc = val2(b, OP_BOUNDS, NULL, n, pos, i, len);
		bc->auxint = BOUNDS_INDEX;
		Value *p = val1(b, OP_SLICEPTR, type_pointer(et), n, pos, s);
		return val2(b, OP_PTRINDEX, type_pointer(et), n, pos, p, i);
	}
	Value *base;
	Type *at;
	if (u->kind == TY_POINTER) {
		at = utype(u->elem);
		base = nilcheck(b, expr(b, x), n, pos);
	} else {
		at = u;
		base = addr_of(b, x);
	}
	et = at->elem;
	if (!in->cval) {
		Value *bc = val2(b, OP_BOUNDS, NULL, n, pos, i, cint(b, at->len, pos));
		bc->auxint = BOUNDS_INDEX;
	}
	return val2(b, OP_INDEXADDR, type_pointer(et), n, pos, base, i);
}

// addr_of returns the address of the addressable expression n.
static Value *
addr_of(B *b, Node *n)
{
	n = unparen(n);
	Pos pos = npos(n);
	switch (n->kind) {
	case N_IDENT: {
		Obj *o = n->u.ident.obj;
		Value *a = o ? var_addr(b, o, n) : NULL;
		if (a)
			return a;
		break;
	}
	case N_STAR:
		return nilcheck(b, expr(b, n->u.x), n, pos);
	case N_SELECTOR: {
		Selection *s = &n->u.sel.sel;
		if (s->kind == SEL_QUALIFIED && s->obj && s->obj->kind == OBJ_VAR)
			return global_addr(b, s->obj, n, pos);
		if (s->kind == SEL_FIELD)
			return field_path(b, n, n->u.sel.x, s->path, s->npath, true);
		break;
	}
	case N_INDEX:
		if (utype(n->u.index.x->type)->kind == TY_MAP)
			break; // a map element is a value: spilled below
		return index_addr(b, n);
	case N_COMPOSITE: {
		// &T{...} is handled by the caller; a composite needing an address is a temp.
		Value *v = expr(b, n);
		Value *tmp = val(b, OP_ALLOC, type_pointer(v->type), n, pos);
		tmp->auxint = ALLOC_TEMP;
		val2(b, OP_STORE, NULL, n, pos, tmp, v);
		return tmp;
	}
	default:
		break;
	}
	// Not addressable memory (an SSA variable or a value): spill into a temporary.
	Value *v = expr(b, n);
	Value *tmp = val(b, OP_ALLOC, type_pointer(v->type), n, pos);
	tmp->auxint = ALLOC_TEMP;
	val2(b, OP_STORE, NULL, n, pos, tmp, v);
	return tmp;
}

// ---- composite literals ----

// composite_into stores the elements of composite literal n into memory at a (a pointer
// to n's type, zeroed). Nested composites are stored in place.
static void composite_into(B *b, Node *n, Value *a);

static void
store_elem(B *b, Node *e, Value *a, Type *t)
{
	e = unparen(e);
	if (e->kind == N_COMPOSITE && utype(t)->kind == TY_POINTER) {
		// An element &T{...} with the & elided.
		Value *p = val(b, OP_ALLOC, t, e, npos(e));
		p->auxint = ALLOC_COMPOSITE;
		composite_into(b, e, p);
		val2(b, OP_STORE, NULL, e, npos(e), a, p);
		return;
	}
	if (e->kind == N_COMPOSITE && utype(t)->kind != TY_SLICE && !type_is_interface(t) &&
	    utype(t)->kind != TY_MAP) {
		composite_into(b, e, a);
		return;
	}
	val2(b, OP_STORE, NULL, e, npos(e), a, rvalue(b, e, t));
}

static void
composite_into(B *b, Node *n, Value *a)
{
	Type *u = utype(n->type);
	if (u->kind == TY_POINTER)
		u = utype(u->elem);
	Pos pos = npos(n);
	if (u->kind == TY_STRUCT) {
		for (int i = 0; i < n->u.comp.elts.len; i++) {
			Node *e = n->u.comp.elts.v[i];
			int fi = i;
			if (e->kind == N_KEYVALUE) {
				Sym *name = e->u.kv.key->u.ident.name;
				fi = -1;
				for (int k = 0; k < u->fields.len; k++)
					if (u->fields.v[k].name == name)
						fi = k;
				e = e->u.kv.value;
			}
			if (fi < 0 || fi >= u->fields.len) {
				unsupported(pos, "this composite literal");
				return;
			}
			Type *ft = u->fields.v[fi].type;
			Value *fa = val1(b, OP_FIELDADDR, type_pointer(ft), n, npos(e), a);
			fa->auxint = fi;
			store_elem(b, e, fa, ft);
		}
		return;
	}
	if (u->kind == TY_ARRAY) {
		int64_t idx = 0;
		for (int i = 0; i < n->u.comp.elts.len; i++) {
			Node *e = n->u.comp.elts.v[i];
			if (e->kind == N_KEYVALUE) {
				if (!e->u.kv.key->cval) {
					unsupported(npos(e), "non-constant array index in a literal");
					return;
				}
				idx = const_int64(e->u.kv.key->cval);
				e = e->u.kv.value;
			}
			Value *ea = val2(b, OP_INDEXADDR, type_pointer(u->elem), n, npos(e), a,
					 cint(b, idx, npos(e)));
			store_elem(b, e, ea, u->elem);
			idx++;
		}
		return;
	}
	unsupported(pos, "this composite literal");
}

// slice_len: the length of the backing array of slice literal n.
static int64_t
slice_lit_len(Node *n)
{
	int64_t idx = 0, max = 0;
	for (int i = 0; i < n->u.comp.elts.len; i++) {
		Node *e = n->u.comp.elts.v[i];
		if (e->kind == N_KEYVALUE && e->u.kv.key->cval)
			idx = const_int64(e->u.kv.key->cval);
		idx++;
		if (idx > max)
			max = idx;
	}
	return max;
}

static Value *composite(B *b, Node *n);

// elem_value evaluates element e of a map literal for a slot of type t (an elided &T{...}
// for a pointer slot allocates the T).
static Value *
elem_value(B *b, Node *e, Type *t)
{
	Node *ue = unparen(e);
	if (ue->kind == N_COMPOSITE && utype(t)->kind == TY_POINTER &&
	    !type_identical(ue->type, t)) {
		Value *p = val(b, OP_ALLOC, t, ue, npos(ue));
		p->auxint = ALLOC_COMPOSITE;
		composite_into(b, ue, p);
		return p;
	}
	return rvalue(b, e, t);
}

static Value *
composite(B *b, Node *n)
{
	Type *t = n->type, *u = utype(t);
	Pos pos = npos(n);
	if (u->kind == TY_STRUCT) {
		Value *v = zero(b, t, n, pos);
		for (int i = 0; i < n->u.comp.elts.len; i++) {
			Node *e = n->u.comp.elts.v[i];
			int fi = i;
			if (e->kind == N_KEYVALUE) {
				Sym *name = e->u.kv.key->u.ident.name;
				fi = -1;
				for (int k = 0; k < u->fields.len; k++)
					if (u->fields.v[k].name == name)
						fi = k;
				e = e->u.kv.value;
			}
			if (fi < 0) {
				unsupported(pos, "this composite literal");
				return v;
			}
			Value *x = rvalue(b, e, u->fields.v[fi].type);
			v = val2(b, OP_INSERT, t, n, pos, v, x);
			v->auxint = fi;
		}
		return v;
	}
	if (u->kind == TY_ARRAY) {
		Value *tmp = val(b, OP_ALLOC, type_pointer(t), n, pos);
		tmp->auxint = ALLOC_TEMP;
		composite_into(b, n, tmp);
		return val1(b, OP_LOAD, t, n, pos, tmp);
	}
	if (u->kind == TY_SLICE) {
		int64_t len = slice_lit_len(n);
		Type *at = type_array(u->elem, len);
		Value *arr = val(b, OP_ALLOC, type_pointer(at), n, pos);
		arr->auxint = ALLOC_COMPOSITE;
		// Store through an array-typed view of the literal.
		int64_t idx = 0;
		for (int i = 0; i < n->u.comp.elts.len; i++) {
			Node *e = n->u.comp.elts.v[i];
			if (e->kind == N_KEYVALUE) {
				idx = e->u.kv.key->cval ? const_int64(e->u.kv.key->cval) : idx;
				e = e->u.kv.value;
			}
			Value *ea = val2(b, OP_INDEXADDR, type_pointer(u->elem), n, npos(e), arr,
					 cint(b, idx, npos(e)));
			store_elem(b, e, ea, u->elem);
			idx++;
		}
		Value *p = val2(b, OP_INDEXADDR, type_pointer(u->elem), n, pos, arr, cint(b, 0, pos));
		Value *l = cint(b, len, pos);
		return val3(b, OP_SLICEMAKE, t, n, pos, p, l, l);
	}
	if (u->kind == TY_MAP) {
		// make(map[K]V, len) then one assignment per element, in source order
		Value *m = val1(b, OP_MAKEMAP, t, n, pos, cint(b, n->u.comp.elts.len, pos));
		for (int i = 0; i < n->u.comp.elts.len; i++) {
			Node *e = n->u.comp.elts.v[i];
			if (e->kind != N_KEYVALUE) {
				unsupported(npos(e), "this map literal");
				break;
			}
			Value *k = elem_value(b, e->u.kv.key, u->key);
			Value *x = elem_value(b, e->u.kv.value, u->elem);
			val3(b, OP_MAPASSIGN, NULL, e, npos(e), m, k, x);
		}
		return m;
	}
	unsupported(pos, "this composite literal");
	return zero(b, t, n, pos);
}

// ---- expressions ----

static Op
binop_of(AstOp op)
{
	switch (op) {
	case AOP_ADD: return OP_ADD;
	case AOP_SUB: return OP_SUB;
	case AOP_MUL: return OP_MUL;
	case AOP_DIV: return OP_DIV;
	case AOP_REM: return OP_MOD;
	case AOP_AND: return OP_AND;
	case AOP_OR: return OP_OR;
	case AOP_XOR: return OP_XOR;
	case AOP_SHL: return OP_SHL;
	case AOP_SHR: return OP_SHR;
	case AOP_ANDNOT: return OP_ANDNOT;
	case AOP_EQ: return OP_EQ;
	case AOP_NE: return OP_NE;
	case AOP_LT: return OP_LT;
	case AOP_LE: return OP_LE;
	case AOP_GT: return OP_GT;
	case AOP_GE: return OP_GE;
	default: return OP_COUNT;
	}
}

// concat_parts collects the operands of a chain of string + into parts.
static void
concat_parts(B *b, Node *n, Value *parts_vec[], int *np, int cap)
{
	Node *u = unparen(n);
	if (u->kind == N_BINARY && u->u.binary.op == AOP_ADD && !u->cval &&
	    type_is_string(u->type)) {
		concat_parts(b, u->u.binary.x, parts_vec, np, cap);
		concat_parts(b, u->u.binary.y, parts_vec, np, cap);
		return;
	}
	Value *v = rvalue(b, n, ty_string);
	if (*np < cap)
		parts_vec[(*np)++] = v;
}

// arith emits x op y of type t (both operands already of type t, except shift counts).
static Value *
arith(B *b, Op op, Type *t, Value *x, Value *y, Node *n)
{
	if (op == OP_ADD && type_is_string(t)) {
		Value *c = val(b, OP_CONCAT, t, n, npos(n));
		ssa_add_arg(c, x);
		ssa_add_arg(c, y);
		return c;
	}
	return val2(b, op, t, n, npos(n), x, y);
}

static Value *
binary(B *b, Node *n)
{
	AstOp aop = n->u.binary.op;
	Node *x = n->u.binary.x, *y = n->u.binary.y;
	Pos pos = npos(n);
	Type *t = ntype(n);
	if (aop == AOP_LAND || aop == AOP_LOR) {
		// As a value: a phi in the join block.
		Block *rhs = new_block(b, pos), *join = new_block(b, pos);
		Value *xv = expr(b, x);
		Block *from = cur(b);
		if (aop == AOP_LAND)
			branch(b, xv, rhs, join);
		else
			branch(b, xv, join, rhs);
		(void)from;
		b->cur = rhs;
		Value *yv = convert(b, expr(b, y), xv->type, y);
		jump(b, join);
		b->cur = join;
		Value *phi = val(b, OP_PHI, xv->type, n, pos);
		// join.preds: [from (short-circuit edge), rhs end]
		ssa_add_arg(phi, xv);
		ssa_add_arg(phi, yv);
		return convert(b, phi, t, n);
	}
	Op op = binop_of(aop);
	if (op == OP_COUNT) {
		unsupported(pos, "this operator");
		return zero(b, t, n, pos);
	}
	if (op == OP_SHL || op == OP_SHR) {
		Value *xv = rvalue(b, x, t);
		Value *yv = expr(b, y);
		return val2(b, op, t, n, pos, xv, yv);
	}
	if (op >= OP_EQ && op <= OP_GE) {
		// Operands meet in one type: interfaces absorb concrete values, nil takes the
		// other side's type.
		Type *ot;
		if (is_nil(x))
			ot = ntype(y);
		else if (is_nil(y))
			ot = ntype(x);
		else if (type_is_interface(x->type) && type_is_interface(y->type))
			ot = utype(y->type)->fields.len < utype(x->type)->fields.len ? y->type
										  : x->type;
		else if (type_is_interface(x->type))
			ot = x->type;
		else if (type_is_interface(y->type))
			ot = y->type;
		else
			ot = type_is_untyped(x->type) ? ntype(y) : ntype(x);
		Value *xv = rvalue(b, x, ot), *yv = rvalue(b, y, ot);
		Value *c = val2(b, op, t && type_is_boolean(t) ? t : ty_bool, n, pos, xv, yv);
		return c;
	}
	if (op == OP_ADD && type_is_string(t)) {
		Value *parts[64];
		int np = 0;
		concat_parts(b, n, parts, &np, 64);
		if (np > 63) {
			unsupported(pos, "string concatenation of more than 63 operands");
			return zero(b, t, n, pos);
		}
		Value *c = val(b, OP_CONCAT, t, n, pos);
		for (int i = 0; i < np; i++)
			ssa_add_arg(c, parts[i]);
		return c;
	}
	Value *xv = rvalue(b, x, t), *yv = rvalue(b, y, t);
	return arith(b, op, t, xv, yv, n);
}

static Value *
unary(B *b, Node *n)
{
	Pos pos = npos(n);
	Type *t = ntype(n);
	Node *x = n->u.unary.x;
	switch (n->u.unary.op) {
	case AOP_ADD:
		return rvalue(b, x, t);
	case AOP_SUB:
		return val1(b, OP_NEG, t, n, pos, rvalue(b, x, t));
	case AOP_XOR:
		return val1(b, OP_COM, t, n, pos, rvalue(b, x, t));
	case AOP_NOT:
		return val1(b, OP_NOT, t, n, pos, rvalue(b, x, t));
	case AOP_ADDR: {
		Node *ux = unparen(x);
		if (ux->kind == N_COMPOSITE) {
			Value *a = val(b, OP_ALLOC, t, n, pos);
			a->auxint = ALLOC_COMPOSITE;
			Type *eu = utype(ux->type);
			if (eu->kind == TY_STRUCT || eu->kind == TY_ARRAY)
				composite_into(b, ux, a);
			else
				val2(b, OP_STORE, NULL, n, pos, a, composite(b, ux));
			return a;
		}
		return addr_of(b, x);
	}
	case AOP_RECV:
		unsupported(pos, "channels");
		return zero(b, t, n, pos);
	default:
		unsupported(pos, "this operator");
		return zero(b, t, n, pos);
	}
}

static Value *
index_expr(B *b, Node *n)
{
	Node *x = n->u.index.x;
	Pos pos = npos(n);
	Type *t = ntype(n);
	Type *u = utype(x->type);
	if (n->u.index.index.len != 1) {
		unsupported(pos, "generic instantiation");
		return zero(b, t, n, pos);
	}
	Node *in = n->u.index.index.v[0];
	switch (u->kind) {
	case TY_STRING: {
		Value *s = expr(b, x);
		Value *i = expr(b, in);
		if (!type_identical(i->type, ty_int))
			i = val1(b, OP_CONV, ty_int, in, npos(in), i);
		Value *len = val1(b, OP_STRLEN, ty_int, n, pos, s);
		Value *bc = val2(b, OP_BOUNDS, NULL, n, pos, i, len);
		bc->auxint = BOUNDS_INDEX;
		Value *p = val1(b, OP_STRPTR, type_pointer(ty_uint8), n, pos, s);
		Value *ep = val2(b, OP_PTRINDEX, type_pointer(ty_uint8), n, pos, p, i);
		return val1(b, OP_LOAD, t, n, pos, ep);
	}
	case TY_SLICE:
	case TY_POINTER:
		return val1(b, OP_LOAD, t, n, pos, index_addr(b, n));
	case TY_ARRAY:
		if (in_memory(b, x))
			return val1(b, OP_LOAD, t, n, pos, index_addr(b, n));
		if (u->len <= 1) {
			// An SSA array value of at most one element.
			Value *av = expr(b, x);
			if (!in->cval) {
				Value *i = expr(b, in);
				if (!type_identical(i->type, ty_int))
					i = val1(b, OP_CONV, ty_int, in, npos(in), i);
				Value *bc = val2(b, OP_BOUNDS, NULL, n, pos, i, cint(b, u->len, pos));
				bc->auxint = BOUNDS_INDEX;
			}
			Value *e = val1(b, OP_EXTRACT, t, n, pos, av);
			e->auxint = 0;
			return e;
		}
		return val1(b, OP_LOAD, t, n, pos, index_addr(b, n)); // spilled by addr_of
	case TY_MAP: {
		Value *m = expr(b, x);
		Value *k = rvalue(b, in, u->key);
		return val2(b, OP_MAPINDEX, u->elem, n, pos, m, k);
	}
	default:
		unsupported(pos, "this index expression");
		return zero(b, t, n, pos);
	}
}

static Value *
to_int(B *b, Node *n)
{
	Value *v = n->cval ? constant(b, ty_int, n->cval, n) : expr(b, n);
	if (!type_identical(v->type, ty_int))
		v = val1(b, OP_CONV, ty_int, n, npos(n), v);
	return v;
}

static void
bounds(B *b, Value *x, Value *y, BoundsKind k, Node *n)
{
	Value *bc = val2(b, OP_BOUNDS, NULL, n, npos(n), x, y);
	bc->auxint = k;
}

static Value *
slice_expr(B *b, Node *n)
{
	Node *x = n->u.slice.x;
	Pos pos = npos(n);
	Type *t = ntype(n);
	Type *u = utype(x->type);
	Value *ptr, *len, *cap = NULL;
	Type *et;
	bool isstr = u->kind == TY_STRING;
	bool islen; // checks against the length (arrays, strings) rather than the capacity
	if (isstr) {
		Value *s = expr(b, x);
		et = ty_uint8;
		ptr = val1(b, OP_STRPTR, type_pointer(et), n, pos, s);
		len = val1(b, OP_STRLEN, ty_int, n, pos, s);
		islen = true;
	} else if (u->kind == TY_SLICE) {
		Value *s = expr(b, x);
		et = u->elem;
		ptr = val1(b, OP_SLICEPTR, type_pointer(et), n, pos, s);
		len = val1(b, OP_SLICELEN, ty_int, n, pos, s);
		cap = val1(b, OP_SLICECAP, ty_int, n, pos, s);
		islen = false;
	} else {
		Value *a;
		Type *at;
		if (u->kind == TY_POINTER) {
			at = utype(u->elem);
			a = nilcheck(b, expr(b, x), n, pos);
		} else {
			at = u;
			a = addr_of(b, x);
		}
		et = at->elem;
		ptr = val2(b, OP_INDEXADDR, type_pointer(et), n, pos, a, cint(b, 0, pos));
		len = cint(b, at->len, pos);
		cap = len;
		islen = true;
	}
	Value *lo = n->u.slice.lo ? to_int(b, n->u.slice.lo) : NULL;
	Value *hi = n->u.slice.hi ? to_int(b, n->u.slice.hi) : NULL;
	Value *max = n->u.slice.max ? to_int(b, n->u.slice.max) : NULL;
	Value *bound = cap ? cap : len;
	if (max) {
		bounds(b, max, bound, islen ? BOUNDS_SLICE3ALEN : BOUNDS_SLICE3ACAP, n);
		if (hi)
			bounds(b, hi, max, BOUNDS_SLICE3B, n);
		else
			hi = len;
		if (lo)
			bounds(b, lo, hi, BOUNDS_SLICE3C, n);
	} else {
		if (hi)
			bounds(b, hi, bound, islen ? BOUNDS_SLICEALEN : BOUNDS_SLICEACAP, n);
		else
			hi = len;
		if (lo)
			bounds(b, lo, hi, BOUNDS_SLICEB, n);
	}
	Value *nl = lo ? val2(b, OP_SUB, ty_int, n, pos, hi, lo) : hi;
	Value *c = isstr ? NULL : max ? max : cap;
	Value *nc = isstr ? NULL : lo ? val2(b, OP_SUB, ty_int, n, pos, c, lo) : c;
	Value *p = ptr;
	if (lo) {
		// An empty result keeps the old base (gc's rule): x[len(x):] must not point
		// past the end of x's memory, at the next object. The offset is lo masked
		// with -1 when the new capacity (for strings, length) is > 0, else 0:
		// (-n) >> 63 of an n >= 0.
		Value *sz = isstr ? nl : nc;
		Value *neg = val1(b, OP_NEG, ty_int, n, pos, sz);
		Value *mask = val2(b, OP_SHR, ty_int, n, pos, neg, cint(b, 63, pos));
		Value *off = val2(b, OP_AND, ty_int, n, pos, lo, mask);
		p = val2(b, OP_PTRINDEX, type_pointer(et), n, pos, ptr, off);
	}
	if (isstr)
		return val2(b, OP_STRMAKE, t, n, pos, p, nl);
	return val3(b, OP_SLICEMAKE, t, n, pos, p, nl, nc);
}

// method_expr_wrapper returns the function of method expression n whose receiver is
// not the method's own: (*T).M for a value method M loads *p and calls T.M; I.M calls
// the interface method. The wrapper is a Func named as gc names it ("main.(*T).M",
// "main.I.M") with parameters named ~pN (never reported by escape analysis).
static Obj *
method_expr_wrapper(B *b, Node *n)
{
	Selection *s = &n->u.sel.sel;
	Type *ft = ntype(n), *fu = utype(ft);
	Type *rt = fu && fu->kind == TY_FUNC && fu->fields.len > 0 ? fu->fields.v[0].type : NULL;
	Obj *m = s->obj;
	if (!rt || !m || !m->name)
		return NULL;
	bool iface = type_is_interface(rt);
	if (!iface && !m->recv)
		return NULL;
	const char *pkg = b->pkg && b->pkg->path ? b->pkg->path : "main";
	bool ptr = !iface && utype(rt)->kind == TY_POINTER && !rt->obj;
	Type *nt = ptr ? utype(rt)->elem : rt;
	const char *tn = nt->obj && nt->obj->name ? nt->obj->name->name : type_string(nt);
	const char *name = ptr ? arena_sprintf(perm, "%s.(*%s).%s", pkg, tn, m->name->name)
			       : arena_sprintf(perm, "%s.%s.%s", pkg, tn, m->name->name);
	for (int i = 0; i < b->mexprs.len; i++)
		if (strcmp(b->mexprs.v[i]->func->name, name) == 0)
			return b->mexprs.v[i];
	Pos pos = npos(n);
	FuncInfo *wi = NEW(perm, FuncInfo);
	wi->type = ft;
	wi->name = name;
	Obj *wo = obj_new(OBJ_FUNC, sym_cstr(name), pos);
	wo->type = ft;
	wo->func = wi;
	wo->pkg = b->pkg;
	wi->obj = wo;
	for (int i = 0; i < fu->fields.len; i++) {
		Obj *p = obj_new(OBJ_VAR, sym_cstr(arena_sprintf(perm, "~p%d", i)), pos);
		p->type = fu->fields.v[i].type;
		p->flags = OBJF_PARAM;
		p->func = wi;
		p->index = i;
		vec_push(perm, wi->params, p);
	}
	vec_push(perm, b->mexprs, wo);

	B b2 = {0};
	b2.prog = b->prog;
	b2.pkg = b->pkg;
	Func *wf = ssa_new_func(b->prog, name);
	wf->info = wi;
	wf->type = ft;
	wf->pos = pos;
	wf->wrapper = true;
	wo->ssa = wf;
	reset(&b2, wf, wi);
	b2.cur = new_block(&b2, pos);
	Value *call;
	ValVec args = {0};
	for (int i = 0; i < wi->params.len; i++) {
		Obj *o = wi->params.v[i];
		Value *p = val(&b2, OP_PARAM, o->type, NULL, pos);
		p->auxint = i;
		p->aux = o;
		vec_push(wf->arena, wf->params, p);
		vec_push(wf->arena, args, p);
	}
	Type *res = results_type(ft);
	if (iface) {
		call = val(&b2, OP_CALLIFACE, res, n, pos);
		call->auxint = s->index;
		call->aux = m->name;
	} else {
		// the receiver: x.path adjusted as for the call x.M(...) (method_args), x being
		// parameter 0 declared as a variable of the wrapper
		Obj *p0 = wi->params.v[0];
		Node *id = ast_ident(n->pos, p0->name);
		id->u.ident.obj = p0;
		id->type = rt;
		Node *sel = ast_new(N_SELECTOR, n->pos);
		*sel = *n;
		sel->u.sel.x = id;
		sel->u.sel.sel.kind = SEL_METHOD;
		declare(&b2, p0, id, args.v[0]);
		ValVec r = {0};
		method_args(&b2, NULL, sel, &r);
		args.v[0] = r.v[0];
		call = val(&b2, OP_CALL, res, n, pos);
		call->aux = m;
	}
	for (int i = 0; i < args.len; i++)
		ssa_add_arg(call, args.v[i]);
	b2.cur->kind = BK_RET;
	if (res)
		ssa_set_control(b2.cur, call);
	b2.cur = NULL;
	finish(&b2);
	return wo;
}

static Value *
selector(B *b, Node *n)
{
	Selection *s = &n->u.sel.sel;
	Pos pos = npos(n);
	switch (s->kind) {
	case SEL_QUALIFIED:
		if (!s->obj)
			break;
		if (s->obj->kind == OBJ_VAR)
			return val1(b, OP_LOAD, s->obj->type, n, pos, global_addr(b, s->obj, n, pos));
		if (s->obj->kind == OBJ_FUNC) {
			Value *v = val(b, OP_FUNCADDR, s->obj->type, n, pos);
			v->aux = s->obj;
			return v;
		}
		break;
	case SEL_FIELD:
		return field_path(b, n, n->u.sel.x, s->path, s->npath, false);
	case SEL_METHOD: {
		// x.M as a value: a closure binding the receiver, evaluated now
		ValVec recv = {0};
		Obj *m = method_args(b, NULL, n, &recv);
		Value *mv = val1(b, OP_METHODVALUE, ntype(n), n, pos, recv.v[0]);
		mv->aux = m;
		return mv;
	}
	case SEL_IMETHOD: {
		Value *x = field_path(b, n, n->u.sel.x, s->path, s->npath, false);
		Value *mv = val1(b, OP_METHODVALUE, ntype(n), n, pos, x);
		mv->auxint = s->index;
		return mv;
	}
	case SEL_METHODEXPR: {
		// T.M: the method itself when its receiver is the expression's first parameter
		Type *ft = utype(ntype(n));
		Obj *m = s->obj;
		if (m && m->kind == OBJ_FUNC && m->recv && ft && ft->fields.len > 0 &&
		    s->npath == 0 && !type_is_interface(m->recv) &&
		    type_identical(ft->fields.v[0].type, m->recv)) {
			Value *v = val(b, OP_FUNCADDR, ntype(n), n, pos);
			v->aux = m;
			return v;
		}
		Obj *w = method_expr_wrapper(b, n);
		if (!w) {
			unsupported(pos, "this method expression");
			return zero(b, ntype(n), n, pos);
		}
		Value *v = val(b, OP_FUNCADDR, ntype(n), n, pos);
		v->aux = w;
		return v;
	}
	default:
		break;
	}
	unsupported(pos, "this selector");
	return zero(b, ntype(n), n, pos);
}

static Value *
funclit(B *b, Node *n)
{
	FuncInfo *fi = n->u.func.info;
	Pos pos = npos(n);
	ValVec args = {0};
	for (int i = 0; fi && i < fi->captures.len; i++) {
		Obj *o = fi->captures.v[i];
		Value *a;
		if (byref_capture(o)) {
			a = var_addr(b, o, n);
			if (!a) {
				unsupported(pos, "capture of this variable");
				a = zero(b, type_pointer(o->type), n, pos);
			}
		} else {
			a = read_var(b, o, n);
		}
		vec_push(b->f->arena, args, a);
	}
	Value *mc = val(b, OP_MAKECLOSURE, ntype(n), n, pos);
	mc->aux = fi;
	for (int i = 0; i < args.len; i++)
		ssa_add_arg(mc, args.v[i]);
	return mc;
}

static Value *
expr(B *b, Node *n)
{
	Pos pos = npos(n);
	Type *t = ntype(n);
	if (n->cval)
		return constant(b, t, n->cval, n);
	switch (n->kind) {
	case N_PAREN:
		return expr(b, n->u.x);
	case N_IDENT: {
		Obj *o = n->u.ident.obj;
		if (!o) {
			unsupported(pos, "this identifier");
			return zero(b, t, n, pos);
		}
		switch (o->kind) {
		case OBJ_VAR:
			return read_var(b, o, n);
		case OBJ_NIL:
			return zero(b, t, n, pos);
		case OBJ_FUNC: {
			Value *v = val(b, OP_FUNCADDR, o->type, n, pos);
			v->aux = o;
			return v;
		}
		default:
			unsupported(pos, "this identifier");
			return zero(b, t, n, pos);
		}
	}
	case N_BINARY:
		return binary(b, n);
	case N_UNARY:
		return unary(b, n);
	case N_STAR: {
		Value *p = nilcheck(b, expr(b, n->u.x), n, pos);
		return val1(b, OP_LOAD, t, n, pos, p);
	}
	case N_SELECTOR:
		return selector(b, n);
	case N_INDEX:
		return index_expr(b, n);
	case N_SLICEEXPR:
		return slice_expr(b, n);
	case N_CALL: {
		Value *v = call_expr(b, n);
		if (!v) {
			unsupported(pos, "use of a call without results");
			return zero(b, t ? t : ty_int, n, pos);
		}
		return v;
	}
	case N_COMPOSITE:
		return composite(b, n);
	case N_FUNCLIT:
		return funclit(b, n);
	case N_TYPEASSERT: {
		if (!n->u.assert.type) {
			unsupported(pos, "x.(type) outside a type switch");
			return zero(b, t, n, pos);
		}
		Value *x = expr(b, n->u.assert.x);
		return val1(b, OP_ASSERT, t, n, pos, x);
	}
	default:
		unsupported(pos, "this expression");
		return zero(b, t ? t : ty_int, n, pos);
	}
}

// ---- calls ----

static Type *
results_type(Type *ft)
{
	ft = utype(ft);
	if (!ft || ft->kind != TY_FUNC || ft->results.len == 0)
		return NULL;
	if (ft->results.len == 1)
		return ft->results.v[0].type;
	Field *fs = NEWARR(perm, Field, ft->results.len);
	for (int i = 0; i < ft->results.len; i++)
		fs[i].type = ft->results.v[i].type;
	return type_tuple(fs, ft->results.len);
}

// call_args evaluates the arguments of call n into out, converted to the parameter types
// of signature ft; variadic extras are packed into a slice (an ALLOC_TEMP array). The
// call value itself is created afterwards, so every argument precedes it.
// is_multi_arg: the call's only argument is a call returning several values, as in
// f(g()), print(g()), append(g()), copy(g()).
static bool
is_multi_arg(NodeList *args)
{
	return args->len == 1 && args->v[0]->type && args->v[0]->type->kind == TY_TUPLE;
}

// spread_tuple evaluates the multi-value call a and returns its results, one EXTRACT
// each, in order.
static ValVec
spread_tuple(B *b, Node *a)
{
	ValVec vals = {0};
	Value *tv = expr(b, a);
	for (int i = 0; i < a->type->fields.len; i++) {
		Value *e = val1(b, OP_EXTRACT, a->type->fields.v[i].type, a, npos(a), tv);
		e->auxint = i;
		vec_push(b->f->arena, vals, e);
	}
	return vals;
}

static void
call_args(B *b, Node *n, ValVec *out, Type *ft)
{
	ft = utype(ft);
	NodeList *args = &n->u.call.args;
	Pos pos = npos(n);
	int np = ft->fields.len;
	// Expand f(g()) where g returns several values.
	ValVec vals = {0};
	VEC(Node *) nodes = {0};
	if (is_multi_arg(args)) {
		vals = spread_tuple(b, args->v[0]);
		for (int i = 0; i < vals.len; i++)
			vec_push(b->f->arena, nodes, args->v[0]);
	} else {
		for (int i = 0; i < args->len; i++) {
			Node *a = args->v[i];
			int pi = i < np ? i : np - 1;
			Type *pt = pi >= 0 ? ft->fields.v[pi].type : NULL;
			if (ft->variadic && i >= np - 1 && !n->u.call.dots)
				pt = utype(pt)->elem;
			vec_push(b->f->arena, vals, rvalue(b, a, pt));
			vec_push(b->f->arena, nodes, a);
		}
	}
	int nfixed = ft->variadic ? np - 1 : np;
	for (int i = 0; i < nfixed && i < vals.len; i++)
		vec_push(b->f->arena, *out, convert(b, vals.v[i], ft->fields.v[i].type, nodes.v[i]));
	if (!ft->variadic)
		return;
	Type *st = ft->fields.v[np - 1].type;
	if (n->u.call.dots) {
		vec_push(b->f->arena, *out, convert(b, vals.v[vals.len - 1], st, nodes.v[vals.len - 1]));
		return;
	}
	int nextra = vals.len - nfixed;
	Type *et = utype(st)->elem;
	if (b->splitddd == n && nextra > 0) {
		// the wrapper of a deferred call packs them (gc makes the slice there)
		for (int i = 0; i < nextra; i++)
			vec_push(b->f->arena, *out,
				 convert(b, vals.v[nfixed + i], et, nodes.v[nfixed + i]));
		b->nextra = nextra;
		b->dddtype = st;
		return;
	}
	if (nextra <= 0) {
		vec_push(b->f->arena, *out, zero(b, st, n, pos));
		return;
	}
	Type *at = type_array(et, nextra);
	Value *arr = val(b, OP_ALLOC, type_pointer(at), n, pos);
	arr->auxint = ALLOC_TEMP;
	for (int i = 0; i < nextra; i++) {
		Node *a = nodes.v[nfixed + i];
		Value *ea = val2(b, OP_INDEXADDR, type_pointer(et), n, npos(a), arr,
				 cint(b, i, npos(a)));
		val2(b, OP_STORE, NULL, a, npos(a), ea, convert(b, vals.v[nfixed + i], et, a));
	}
	Value *p = val2(b, OP_INDEXADDR, type_pointer(et), n, pos, arr, cint(b, 0, pos));
	Value *l = cint(b, nextra, pos);
	vec_push(b->f->arena, *out, val3(b, OP_SLICEMAKE, st, n, pos, p, l, l));
}

static void
callrt(B *b, const char *name, Node *n, Value *arg)
{
	Value *v = val(b, OP_CALLRT, NULL, n, npos(n));
	v->aux = (void *)name;
	if (arg)
		ssa_add_arg(v, arg);
}

// print_call lowers print/println: the arguments are evaluated first (gc hoists them
// above the lock), then printed between rt_printlock and rt_printunlock.
static void
print_call(B *b, Node *n, bool ln)
{
	NodeList *args = &n->u.call.args;
	int nx = args->len;
	Value **xs;
	Node **an;
	if (is_multi_arg(args)) {
		// print(f()) with f returning several values prints each of them
		ValVec vals = spread_tuple(b, args->v[0]);
		nx = vals.len;
		xs = vals.v;
		an = NEWARR(b->f->arena, Node *, nx + 1);
		for (int i = 0; i < nx; i++)
			an[i] = args->v[0];
	} else {
		xs = NEWARR(b->f->arena, Value *, nx + 1);
		an = NEWARR(b->f->arena, Node *, nx + 1);
		for (int i = 0; i < nx; i++) {
			Node *a = args->v[i];
			xs[i] = is_nil(a) ? zero(b, ntype(a), a, npos(a)) : expr(b, a);
			an[i] = a;
		}
	}
	callrt(b, "rt_printlock", n, NULL);
	for (int i = 0; i < nx; i++) {
		Node *a = an[i];
		if (ln && i > 0)
			callrt(b, "rt_printsp", n, NULL);
		Value *x = xs[i];
		Type *u = utype(x->type);
		const char *fn;
		Type *want = NULL;
		if (type_is_boolean(u)) {
			fn = "rt_printbool";
		} else if (type_is_integer(u)) {
			if (type_is_unsigned(u)) {
				fn = "rt_printuint";
				want = ty_uint64;
			} else {
				fn = "rt_printint";
				want = ty_int64;
			}
		} else if (type_is_float(u)) {
			fn = "rt_printfloat";
			want = ty_float64;
		} else if (type_is_complex(u)) {
			fn = "rt_printcomplex";
		} else if (type_is_string(u)) {
			fn = "rt_printstring";
		} else if (u->kind == TY_SLICE) {
			fn = "rt_printslice";
		} else if (u->kind == TY_INTERFACE) {
			fn = "rt_printeface";
		} else if (u->kind == TY_POINTER || u->kind == TY_UNSAFEPTR || u->kind == TY_MAP ||
			   u->kind == TY_CHAN || u->kind == TY_FUNC) {
			fn = "rt_printpointer";
		} else {
			unsupported(npos(a), "printing this type");
			continue;
		}
		if (want && !type_identical(x->type, want))
			x = val1(b, OP_CONV, want, a, npos(a), x);
		callrt(b, fn, a, x);
	}
	if (ln)
		callrt(b, "rt_printnl", n, NULL);
	callrt(b, "rt_printunlock", n, NULL);
}

// unsafe_add lowers unsafe.Add(p, k) (k converted to int): p + k bytes.
static Value *
unsafe_add(B *b, Node *n, Value *p, Value *k)
{
	Pos pos = npos(n);
	Value *bp = val1(b, OP_CONV, type_pointer(ty_uint8), n, pos, p);
	Value *q = val2(b, OP_PTRINDEX, type_pointer(ty_uint8), n, pos, bp, k);
	return val1(b, OP_CONV, ntype(n), n, pos, q);
}

// unsafe_slice lowers unsafe.Slice(p, len) (len converted to int): the runtime checks
// len (and p) as gc's unsafeslice does, then the slice is (p, len, len).
static Value *
unsafe_slice(B *b, Node *n, Value *p, Value *len)
{
	Pos pos = npos(n);
	Value *es = cint(b, type_size(utype(p->type)->elem), pos);
	Value *chk = val(b, OP_CALLRT, NULL, n, pos);
	chk->aux = (void *)"rt_unsafeslice";
	ssa_add_arg(chk, es);
	ssa_add_arg(chk, p);
	ssa_add_arg(chk, len);
	return val3(b, OP_SLICEMAKE, ntype(n), n, pos, p, len, len);
}

// tuple_builtin lowers copy(f()), delete(f()), complex(f()), unsafe.Add(f()) and
// unsafe.Slice(f()), whose two operands come from one multi-value call (Go tests
// fixedbugs/issue15992.go, issue5793.go, issue52590.dir). append(f()) is in builtin.
static Value *
tuple_builtin(B *b, Node *n)
{
	Node *a = n->u.call.args.v[0];
	Pos pos = npos(n);
	ValVec xy = spread_tuple(b, a);
	Value *x = xy.v[0], *y = xy.v[1];
	BuiltinId bi = n->u.call.builtin;
	if (bi == BI_ADD || bi == BI_SLICE) {
		if (!type_identical(y->type, ty_int))
			y = val1(b, OP_CONV, ty_int, a, pos, y);
		return bi == BI_ADD ? unsafe_add(b, n, x, y) : unsafe_slice(b, n, x, y);
	}
	if (n->u.call.builtin == BI_COPY)
		return val2(b, OP_SLICECOPY, ty_int, n, pos, x, y);
	if (n->u.call.builtin == BI_COMPLEX) {
		// complex's result is {re, im}, built as in builtin's BI_COMPLEX
		Type *t = ntype(n);
		Type *ft = utype(t)->kind == TY_COMPLEX64 ? ty_float32 : ty_float64;
		Value *v = val2(b, OP_INSERT, t, n, pos, zero(b, t, n, pos), convert(b, x, ft, a));
		v->auxint = 0;
		v = val2(b, OP_INSERT, t, n, pos, v, convert(b, y, ft, a));
		v->auxint = 1;
		return v;
	}
	y = convert(b, y, utype(x->type)->key, a);
	val2(b, OP_MAPDELETE, NULL, n, pos, x, y);
	return NULL;
}

static Value *
builtin(B *b, Node *n)
{
	NodeList *args = &n->u.call.args;
	Pos pos = npos(n);
	Type *t = ntype(n);
	BuiltinId bi = n->u.call.builtin;
	if ((bi == BI_COPY || bi == BI_DELETE || bi == BI_COMPLEX || bi == BI_ADD ||
	     bi == BI_SLICE) && is_multi_arg(args))
		return tuple_builtin(b, n);
	switch (n->u.call.builtin) {
	case BI_LEN:
	case BI_CAP: {
		Node *a = args->v[0];
		Type *u = utype(a->type);
		if (u->kind == TY_POINTER)
			u = utype(u->elem);
		if (u->kind == TY_ARRAY) {
			if (utype(a->type)->kind == TY_POINTER && !a->cval)
				expr(b, a); // evaluated for side effects (no nil check: gc's rule)
			return cint(b, u->len, pos);
		}
		Value *x = expr(b, a);
		if (u->kind == TY_STRING)
			return val1(b, OP_STRLEN, ty_int, n, pos, x);
		if (u->kind == TY_SLICE)
			return val1(b, n->u.call.builtin == BI_LEN ? OP_SLICELEN : OP_SLICECAP, ty_int,
				    n, pos, x);
		if (u->kind == TY_MAP && n->u.call.builtin == BI_LEN)
			return val1(b, OP_MAPLEN, ty_int, n, pos, x);
		unsupported(pos, "len or cap of this type");
		return cint(b, 0, pos);
	}
	case BI_APPEND: {
		Node *s = args->v[0];
		Type *st = ntype(n);
		if (is_multi_arg(args)) {
			// append(f()) with f returning (slice, elems...) (fixedbugs/issue22327.go)
			Type *et = utype(st)->elem;
			ValVec vals = spread_tuple(b, s);
			for (int i = 0; i < vals.len; i++)
				vals.v[i] = convert(b, vals.v[i], i == 0 ? st : et, s);
			Value *v = val1(b, OP_APPEND, st, n, pos, vals.v[0]);
			for (int i = 1; i < vals.len; i++)
				ssa_add_arg(v, vals.v[i]);
			return v;
		}
		Value *sv = is_nil(s) ? zero(b, st, s, npos(s)) : convert(b, expr(b, s), st, s);
		if (n->u.call.dots) {
			Node *a = args->v[1];
			Value *av = expr(b, a);
			return val2(b, OP_APPENDSLICE, st, n, pos, sv, av);
		}
		ValVec vals = {0};
		Type *et = utype(st)->elem;
		for (int i = 1; i < args->len; i++)
			vec_push(b->f->arena, vals, rvalue(b, args->v[i], et));
		Value *v = val1(b, OP_APPEND, st, n, pos, sv);
		for (int i = 0; i < vals.len; i++)
			ssa_add_arg(v, vals.v[i]);
		return v;
	}
	case BI_COPY: {
		Value *d = expr(b, args->v[0]);
		Value *s = expr(b, args->v[1]);
		return val2(b, OP_SLICECOPY, ty_int, n, pos, d, s);
	}
	case BI_NEW: {
		Value *a = val(b, OP_ALLOC, t, n, pos);
		a->auxint = ALLOC_NEW;
		return a;
	}
	case BI_MAKE: {
		Type *u = utype(t);
		if (u->kind == TY_MAP) {
			Value *hint = args->len > 1 ? to_int(b, args->v[1]) : cint(b, 0, pos);
			return val1(b, OP_MAKEMAP, t, n, pos, hint);
		}
		if (u->kind != TY_SLICE) {
			unsupported(pos, "channels");
			return zero(b, t, n, pos);
		}
		Value *len = to_int(b, args->v[1]);
		Value *cap = args->len > 2 ? to_int(b, args->v[2]) : len;
		return val2(b, OP_MAKESLICE, t, n, pos, len, cap);
	}
	case BI_PANIC: {
		Node *a = args->v[0];
		Value *x = rvalue(b, a, ty_any);
		val1(b, OP_PANIC, NULL, n, pos, x);
		cur(b)->kind = BK_EXIT;
		b->cur = NULL;
		return NULL;
	}
	case BI_PRINT:
	case BI_PRINTLN:
		print_call(b, n, n->u.call.builtin == BI_PRINTLN);
		return NULL;
	case BI_RECOVER:
		return val(b, OP_RECOVER, t ? t : ty_any, n, pos);
	case BI_COMPLEX: {
		// complex(x, y): the pair built with INSERTs (codegen's complex is {re, im})
		Type *ft = utype(t)->kind == TY_COMPLEX64 ? ty_float32 : ty_float64;
		Value *re = rvalue(b, args->v[0], ft), *im = rvalue(b, args->v[1], ft);
		Value *v = val2(b, OP_INSERT, t, n, pos, zero(b, t, n, pos), re);
		v->auxint = 0;
		v = val2(b, OP_INSERT, t, n, pos, v, im);
		v->auxint = 1;
		return v;
	}
	case BI_REAL:
	case BI_IMAG: {
		Node *a = args->v[0];
		Type *ct = type_is_untyped(a->type) ? (t == ty_float32 ? ty_complex64 : ty_complex128)
						   : a->type;
		Value *x = rvalue(b, a, ct);
		Value *v = val1(b, OP_EXTRACT, t, n, pos, x);
		v->auxint = n->u.call.builtin == BI_IMAG;
		return v;
	}
	case BI_ADD: {
		Value *p = expr(b, args->v[0]);
		return unsafe_add(b, n, p, to_int(b, args->v[1]));
	}
	case BI_SLICE: {
		Value *p = expr(b, args->v[0]);
		return unsafe_slice(b, n, p, to_int(b, args->v[1]));
	}
	case BI_DELETE: {
		Type *mt = utype(args->v[0]->type);
		Value *m = expr(b, args->v[0]);
		Value *k = rvalue(b, args->v[1], mt->key);
		val2(b, OP_MAPDELETE, NULL, n, pos, m, k);
		return NULL;
	}
	default:
		unsupported(pos, "this builtin function");
		return t ? zero(b, t, n, pos) : NULL;
	}
}

static Value *
conversion(B *b, Node *n)
{
	Type *t = ntype(n);
	Node *a = n->u.call.args.v[0];
	Pos pos = npos(n);
	if (is_nil(a))
		return zero(b, t, n, pos);
	Value *x = expr(b, a);
	Type *tu = utype(t), *xu = utype(x->type);
	if (type_is_interface(t))
		return convert(b, x, t, a);
	if (tu->kind == TY_STRING) {
		if (xu->kind == TY_SLICE) {
			Type *eu = utype(xu->elem);
			return val1(b, eu->kind == TY_INT32 ? OP_RUNES2STR : OP_BYTES2STR, t, n, pos, x);
		}
		if (type_is_integer(xu))
			return val1(b, OP_RUNE2STR, t, n, pos,
				    type_identical(x->type, ty_int64) ? x
								      : val1(b, OP_CONV, ty_int64, a,
									     pos, x));
		return val1(b, OP_CONV, t, n, pos, x);
	}
	if (tu->kind == TY_SLICE && xu->kind == TY_STRING) {
		Type *eu = utype(tu->elem);
		return val1(b, eu->kind == TY_INT32 ? OP_STR2RUNES : OP_STR2BYTES, t, n, pos, x);
	}
	if (type_is_complex(tu) != type_is_complex(xu))
		unsupported(pos, "this complex conversion");
	if (type_identical(x->type, t))
		return x;
	if (xu->kind == TY_SLICE && tu->kind == TY_POINTER && utype(tu->elem)->kind == TY_ARRAY) {
		// (*[N]T)(s) panics unless N <= len(s), even when the result is unused
		Value *len = val1(b, OP_SLICELEN, ty_int, n, pos, x);
		Value *bc = val2(b, OP_BOUNDS, NULL, n, pos, cint(b, utype(tu->elem)->len, pos), len);
		bc->auxint = BOUNDS_CONVERT;
	}
	return val1(b, OP_CONV, t, n, pos, x);
}

// method_args evaluates the receiver of method call n (x.path adjusted to the method's
// receiver type: address taken or pointer dereferenced as needed) and the arguments
// into args; returns the method.
static Obj *
method_args(B *b, Node *n, Node *fun, ValVec *out)
{
	Selection *s = &fun->u.sel.sel;
	Obj *m = s->obj;
	Pos pos = npos(n ? n : fun);
	Type *rt = m->recv;
	bool ptrrecv = rt && utype(rt)->kind == TY_POINTER;
	Value *recv;
	// The receiver after walking the embedded path.
	Node *x = fun->u.sel.x;
	Type *xt = x->type;
	// Determine the type reached by the path.
	Type *pt = xt;
	for (int k = 0; k < s->npath; k++) {
		Type *u = utype(pt);
		if (u->kind == TY_POINTER)
			u = utype(u->elem);
		pt = u->fields.v[s->path[k]].type;
	}
	bool reached_ptr = utype(pt)->kind == TY_POINTER;
	if (ptrrecv && !reached_ptr) {
		recv = field_path(b, fun, x, s->path, s->npath, true);
	} else {
		recv = field_path(b, fun, x, s->path, s->npath, false);
		if (!ptrrecv && reached_ptr) {
			nilcheck(b, recv, fun, pos);
			recv = val1(b, OP_LOAD, utype(recv->type)->elem, fun, pos, recv);
		}
	}
	vec_push(b->f->arena, *out, convert(b, recv, rt, x));
	if (n)
		call_args(b, n, out, m->type);
	return m;
}

// method_call emits a static call of method m with its receiver (see method_args).
static Value *
method_call(B *b, Node *n, Node *fun)
{
	ValVec args = {0};
	Obj *m = method_args(b, n, fun, &args);
	Value *v = val(b, OP_CALL, results_type(m->type), n, npos(n));
	v->aux = m;
	for (int i = 0; i < args.len; i++)
		ssa_add_arg(v, args.v[i]);
	return v;
}

// decl_rhs: the initialiser of local variable o in its declaration (var o T = x, o := x
// with as many values as names), or NULL.
static Node *
decl_rhs(Obj *o)
{
	Node *d = o->decl;
	NodeList *names, *vals;
	if (!d)
		return NULL;
	if (d->kind == N_VALUESPEC) {
		names = &d->u.value.names;
		vals = &d->u.value.values;
	} else if (d->kind == N_ASSIGN && d->u.assign.define) {
		names = &d->u.assign.lhs;
		vals = &d->u.assign.rhs;
	} else {
		return NULL;
	}
	if (names->len != vals->len)
		return NULL;
	for (int i = 0; i < names->len; i++) {
		Node *id = unparen(names->v[i]);
		if (id->kind == N_IDENT && id->u.ident.obj == o)
			return vals->v[i];
	}
	return NULL;
}

// devirt_type: gc's devirtualization (ir.StaticValue). When interface value x is a local
// variable never reassigned (nor address-taken) whose initialiser converts a concrete
// value, following variables initialised from each other, returns that concrete type.
static Type *
devirt_type(B *b, Node *x)
{
	for (int guard = 0; guard < 32; guard++) {
		x = unparen(x);
		if (x->kind == N_CALL && x->u.call.kind == CALL_CONV && x->u.call.args.len == 1) {
			Node *a = x->u.call.args.v[0];
			return type_is_interface(a->type) || is_nil(a) ? NULL : ntype(a);
		}
		if (x->kind != N_IDENT)
			return NULL;
		Obj *o = x->u.ident.obj;
		if (!o || o->kind != OBJ_VAR || is_global(o) || !o->func || o->func != b->fi ||
		    (o->flags & (OBJF_PARAM | OBJF_RESULT | OBJF_REASSIGNED | OBJF_ADDRTAKEN)))
			return NULL;
		Node *rhs = decl_rhs(o);
		if (!rhs || is_nil(rhs) || !rhs->type)
			return NULL;
		if (!type_is_interface(rhs->type))
			return type_is_interface(o->type) ? ntype(rhs) : NULL;
		if (!type_identical(rhs->type, o->type))
			return NULL;
		x = rhs;
	}
	return NULL;
}

// devirt_call: i.M(args) where i always holds concrete type dt becomes i.(dt).M(args): a
// static call (or, for a method promoted from an embedded interface field, a call
// through that field: gc's partial devirtualization). The ASSERT's auxint (1 full, 2
// partial) makes escape/ print gc's -m note. NULL when M is not found statically.
static Value *
devirt_call(B *b, Node *n, Node *fun, Type *dt)
{
	Sym *name = fun->u.sel.name;
	Type *nt = dt;
	bool isptr = utype(dt)->kind == TY_POINTER && !dt->obj;
	if (isptr)
		nt = utype(dt)->elem;
	Obj *m = NULL;
	for (int i = 0; nt->obj && i < nt->methods.len; i++)
		if (nt->methods.v[i] && nt->methods.v[i]->name == name)
			m = nt->methods.v[i];
	int field = -1, index = -1;
	Type *fit = NULL;
	if (!m && !isptr && utype(nt)->kind == TY_STRUCT) {
		Type *su = utype(nt);
		for (int k = 0; k < su->fields.len && field < 0; k++) {
			Field *f = &su->fields.v[k];
			if (!f->embedded || !type_is_interface(f->type))
				continue;
			Type *iu = utype(f->type);
			for (int j = 0; j < iu->fields.len; j++)
				if (iu->fields.v[j].name == name) {
					field = k;
					index = j;
					fit = f->type;
				}
		}
	}
	if (!m && field < 0)
		return NULL;
	Pos pos = npos(n);
	Value *x = expr(b, fun->u.sel.x);
	Value *a = val1(b, OP_ASSERT, dt, n, pos, x);
	a->auxint = m ? 1 : 2;
	ValVec args = {0};
	Value *v;
	if (m) {
		Value *recv = a;
		bool ptrrecv = m->recv && utype(m->recv)->kind == TY_POINTER;
		if (isptr && !ptrrecv)
			recv = val1(b, OP_LOAD, nt, fun, pos, nilcheck(b, a, fun, pos));
		vec_push(b->f->arena, args, recv);
		call_args(b, n, &args, m->type);
		v = val(b, OP_CALL, results_type(m->type), n, pos);
		v->aux = m;
	} else {
		Value *f = val1(b, OP_EXTRACT, fit, fun, pos, a);
		f->auxint = field;
		vec_push(b->f->arena, args, f);
		call_args(b, n, &args, fun->type);
		v = val(b, OP_CALLIFACE, results_type(fun->type), n, pos);
		v->auxint = index;
		v->aux = name;
	}
	for (int i = 0; i < args.len; i++)
		ssa_add_arg(v, args.v[i]);
	return v;
}

// iface_call emits i.M(args) for an interface value i (reached through the selector's
// embedded field path, if any): CALLIFACE with M's index in i's method list.
static Value *
iface_call(B *b, Node *n, Node *fun)
{
	Selection *s = &fun->u.sel.sel;
	if (s->npath == 0) {
		Type *dt = devirt_type(b, fun->u.sel.x);
		Value *dv = dt ? devirt_call(b, n, fun, dt) : NULL;
		if (dv)
			return dv;
	}
	Value *recv = field_path(b, fun, fun->u.sel.x, s->path, s->npath, false);
	ValVec args = {0};
	vec_push(b->f->arena, args, recv);
	call_args(b, n, &args, fun->type);
	Value *v = val(b, OP_CALLIFACE, results_type(fun->type), n, npos(n));
	v->auxint = s->index;
	v->aux = fun->u.sel.name;
	for (int i = 0; i < args.len; i++)
		ssa_add_arg(v, args.v[i]);
	return v;
}

// call_expr lowers a call; returns its value (NULL for calls without results).
static Value *
call_expr(B *b, Node *n)
{
	Node *fun = unparen(n->u.call.fun);
	Pos pos = npos(n);
	switch (n->u.call.kind) {
	case CALL_CONV:
		return conversion(b, n);
	case CALL_BUILTIN:
		return builtin(b, n);
	case CALL_FUNC:
		break;
	default:
		unsupported(pos, "this call");
		return NULL;
	}
	Type *ft = fun->type;
	Value *v;
	if (fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_METHOD) {
		v = method_call(b, n, fun);
	} else if (fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_IMETHOD) {
		v = iface_call(b, n, fun);
	} else {
		Obj *o = NULL;
		if (fun->kind == N_IDENT && fun->u.ident.obj && fun->u.ident.obj->kind == OBJ_FUNC)
			o = fun->u.ident.obj;
		else if (fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_QUALIFIED &&
			 fun->u.sel.sel.obj && fun->u.sel.sel.obj->kind == OBJ_FUNC)
			o = fun->u.sel.sel.obj;
		ValVec args = {0};
		if (!o)
			vec_push(b->f->arena, args, expr(b, fun));
		call_args(b, n, &args, ft);
		v = val(b, o ? OP_CALL : OP_CALLCLOSURE, results_type(ft), n, pos);
		v->aux = o;
		for (int i = 0; i < args.len; i++)
			ssa_add_arg(v, args.v[i]);
	}
	if (!v->type)
		return NULL;
	return v;
}

// comma_ok evaluates the right side r of an assignment to nl > 1 variables as a tuple:
// v, ok := x.(T) and v, ok := m[k] become ASSERT2 / MAPINDEX2; calls are themselves tuples.
static Value *
comma_ok(B *b, Node *r, int nl)
{
	Node *u = unparen(r);
	Pos pos = npos(u);
	if (nl == 2 && u->kind == N_TYPEASSERT && u->u.assert.type) {
		Field fs[2] = {{.type = ntype(u)}, {.type = ty_bool}};
		Value *x = expr(b, u->u.assert.x);
		return val1(b, OP_ASSERT2, type_tuple(fs, 2), u, pos, x);
	}
	if (nl == 2 && u->kind == N_INDEX && utype(u->u.index.x->type)->kind == TY_MAP) {
		Type *mt = utype(u->u.index.x->type);
		Field fs[2] = {{.type = mt->elem}, {.type = ty_bool}};
		Value *m = expr(b, u->u.index.x);
		Value *k = rvalue(b, u->u.index.index.v[0], mt->key);
		return val2(b, OP_MAPINDEX2, type_tuple(fs, 2), u, pos, m, k);
	}
	return expr(b, r);
}

// ---- conditions ----

// cond branches to t when n is true and to f otherwise, with && and || as chains.
static void
cond(B *b, Node *n, Block *t, Block *f)
{
	n = unparen(n);
	if (n->kind == N_BINARY && !n->cval &&
	    (n->u.binary.op == AOP_LAND || n->u.binary.op == AOP_LOR)) {
		Block *mid = new_block(b, npos(n));
		if (n->u.binary.op == AOP_LAND)
			cond(b, n->u.binary.x, mid, f);
		else
			cond(b, n->u.binary.x, t, mid);
		b->cur = mid;
		cond(b, n->u.binary.y, t, f);
		return;
	}
	if (n->kind == N_UNARY && n->u.unary.op == AOP_NOT && !n->cval) {
		cond(b, n->u.unary.x, f, t);
		return;
	}
	Value *c = expr(b, n);
	branch(b, c, t, f);
}

// ---- assignments ----

typedef enum LvKind {
	LV_BLANK, // _ = x
	LV_VAR,   // SSA variable
	LV_FIELD, // field path of an SSA struct variable
	LV_MEM,   // memory at addr
	LV_MAP,   // map element: addr is the map, key the key
} LvKind;

typedef struct LValue {
	LvKind kind;
	Obj *var;       // LV_VAR, LV_FIELD
	Value *addr;    // LV_MEM; LV_MAP: the map
	Value *key;     // LV_MAP
	int path[16];   // LV_FIELD: field indices from the variable down
	int npath;
	Type *type;     // type of the location
	Node *n;
} LValue;

static LValue
lvalue(B *b, Node *n)
{
	LValue lv = {0};
	n = unparen(n);
	lv.n = n;
	lv.type = n->type;
	if (n->kind == N_IDENT) {
		Obj *o = n->u.ident.obj;
		if (is_blank(o) || !o) {
			lv.kind = LV_BLANK;
			return lv;
		}
		Slot *s = slot_find(b, o, false);
		if (s && s->kind == SLOT_SSA) {
			lv.kind = LV_VAR;
			lv.var = o;
			return lv;
		}
	}
	if (n->kind == N_SELECTOR && n->u.sel.sel.kind == SEL_FIELD && !in_memory(b, n)) {
		Selection *s = &n->u.sel.sel;
		LValue inner = lvalue(b, n->u.sel.x);
		if ((inner.kind == LV_VAR || inner.kind == LV_FIELD) &&
		    inner.npath + s->npath <= (int)ARRAY_LEN(inner.path)) {
			inner.kind = LV_FIELD;
			for (int k = 0; k < s->npath; k++)
				inner.path[inner.npath++] = s->path[k];
			inner.type = n->type;
			inner.n = n;
			return inner;
		}
		unsupported(npos(n), "assignment to this field");
		lv.kind = LV_BLANK;
		return lv;
	}
	if (n->kind == N_INDEX && utype(n->u.index.x->type)->kind == TY_MAP) {
		lv.kind = LV_MAP;
		lv.addr = expr(b, n->u.index.x);
		lv.key = rvalue(b, n->u.index.index.v[0], utype(n->u.index.x->type)->key);
		return lv;
	}
	if (n->kind == N_INDEX && utype(n->u.index.x->type)->kind == TY_ARRAY &&
	    !in_memory(b, n->u.index.x)) {
		unsupported(npos(n), "assignment to an element of this array");
		lv.kind = LV_BLANK;
		return lv;
	}
	lv.kind = LV_MEM;
	lv.addr = addr_of(b, n);
	return lv;
}

// insert_path returns agg with the field at path[k:] replaced by x.
static Value *
insert_path(B *b, Value *agg, int *path, int np, Value *x, Node *n)
{
	Pos pos = npos(n);
	Type *u = utype(agg->type);
	if (np == 1) {
		Value *v = val2(b, OP_INSERT, agg->type, n, pos, agg, x);
		v->auxint = path[0];
		return v;
	}
	Value *inner = val1(b, OP_EXTRACT, u->fields.v[path[0]].type, n, pos, agg);
	inner->auxint = path[0];
	Value *ni = insert_path(b, inner, path + 1, np - 1, x, n);
	Value *v = val2(b, OP_INSERT, agg->type, n, pos, agg, ni);
	v->auxint = path[0];
	return v;
}

static Value *
load_lv(B *b, LValue *lv)
{
	Pos pos = npos(lv->n);
	switch (lv->kind) {
	case LV_VAR:
		return getvar(b, lv->var, lv->n, pos);
	case LV_FIELD: {
		Value *v = getvar(b, lv->var, lv->n, pos);
		for (int k = 0; k < lv->npath; k++) {
			Type *u = utype(v->type);
			v = val1(b, OP_EXTRACT, u->fields.v[lv->path[k]].type, lv->n, pos, v);
			v->auxint = lv->path[k];
		}
		return v;
	}
	case LV_MEM:
		return val1(b, OP_LOAD, lv->type, lv->n, pos, lv->addr);
	case LV_MAP:
		return val2(b, OP_MAPINDEX, lv->type, lv->n, pos, lv->addr, lv->key);
	default:
		return zero(b, lv->type, lv->n, pos);
	}
}

static void
store_lv(B *b, LValue *lv, Value *x)
{
	Pos pos = npos(lv->n);
	switch (lv->kind) {
	case LV_VAR:
		setvar(b, lv->var, x, lv->n, pos);
		break;
	case LV_FIELD: {
		Value *agg = getvar(b, lv->var, lv->n, pos);
		setvar(b, lv->var, insert_path(b, agg, lv->path, lv->npath, x, lv->n), lv->n, pos);
		break;
	}
	case LV_MEM:
		val2(b, OP_STORE, NULL, lv->n, pos, lv->addr, x);
		break;
	case LV_MAP:
		val3(b, OP_MAPASSIGN, NULL, lv->n, pos, lv->addr, lv->key, x);
		break;
	default:
		break;
	}
}

// ---- the two phases of an assignment ----
//
// The spec evaluates the operands of the left side's index expressions and pointer
// indirections, and the right side, first; then it assigns left to right. The nil check
// of the last indirection and the bounds check of the last index belong to the
// assignment itself: in `m[k], *p = 1, 2` with p nil, m[k] is stored before *p panics.
// take_checks lifts those trailing checks out of the block after the left side's address
// is computed, put_checks puts them back just before its store. Checks followed by a load
// (p.q.r = v loads p.q, so p's check stays) are operand evaluation and stay in place.

typedef VEC(Value *) CheckList;

static bool
is_addr_check(Value *v)
{
	return v->op == OP_NILCHECK || v->op == OP_BOUNDS;
}

// take_checks removes the checks made since index mark of block blk that no later
// load or other effect depends on, and returns them (none when control flow moved on).
static CheckList
take_checks(B *b, Block *blk, int mark)
{
	CheckList l = {0};
	if (!blk || b->cur != blk)
		return l;
	int from = mark;
	for (int i = mark; i < blk->values.len; i++) {
		Value *v = blk->values.v[i];
		if (!(op_flags[v->op] & OF_PURE) && !is_addr_check(v))
			from = i + 1;
	}
	int n = from;
	for (int i = from; i < blk->values.len; i++) {
		Value *v = blk->values.v[i];
		if (is_addr_check(v))
			vec_push(b->f->arena, l, v);
		else
			blk->values.v[n++] = v;
	}
	blk->values.len = n;
	return l;
}

// put_checks appends the checks of l to the current block.
static void
put_checks(B *b, CheckList *l)
{
	if (!b->cur)
		return;
	for (int i = 0; i < l->len; i++) {
		l->v[i]->block = b->cur;
		vec_push(b->f->arena, b->cur->values, l->v[i]);
	}
}

// is_new_var: a := declares the identifier n when its object has no storage yet.
static bool
is_new_var(B *b, Node *n)
{
	n = unparen(n);
	if (n->kind != N_IDENT)
		return false;
	Obj *o = n->u.ident.obj;
	return o && !is_blank(o) && o->kind == OBJ_VAR && !is_global(o) &&
	       !slot_find(b, o, false);
}

static void
assign_stmt(B *b, Node *n)
{
	NodeList *lhs = &n->u.assign.lhs, *rhs = &n->u.assign.rhs;
	Pos pos = npos(n);
	if (n->u.assign.op != AOP_NONE) {
		// x op= y
		Node *x = lhs->v[0], *y = rhs->v[0];
		LValue lv = lvalue(b, x);
		Value *old = load_lv(b, &lv);
		Type *t = ntype(x);
		Op op = binop_of(n->u.assign.op);
		Value *yv = (op == OP_SHL || op == OP_SHR) ? expr(b, y) : rvalue(b, y, t);
		Value *nv;
		if (op == OP_SHL || op == OP_SHR)
			nv = val2(b, op, t, n, pos, old, yv);
		else
			nv = arith(b, op, t, old, yv, n);
		store_lv(b, &lv, nv);
		return;
	}
	// Values first (for a tuple call, extracted), then the stores left to right. The
	// interface conversions of a tuple's elements have no origin: gc makes them after
	// escape analysis and reports nothing for them.
	int nl = lhs->len;
	Value **vals = NEWARR(b->f->arena, Value *, nl);
	LValue *lvs = NEWARR(b->f->arena, LValue, nl);
	bool *isnew = NEWARR(b->f->arena, bool, nl);
	CheckList *checks = NEWARR(b->f->arena, CheckList, nl);
	for (int i = 0; i < nl; i++) {
		isnew[i] = n->u.assign.define && is_new_var(b, lhs->v[i]);
		if (isnew[i])
			continue;
		Block *blk = b->cur;
		int mark = blk ? blk->values.len : 0;
		lvs[i] = lvalue(b, lhs->v[i]);
		checks[i] = take_checks(b, blk, mark);
	}
	if (rhs->len == 1 && nl > 1) {
		Node *r = rhs->v[0];
		Value *tv = comma_ok(b, r, nl);
		Type *tt = utype(tv->type);
		if (!tt || tt->kind != TY_TUPLE) {
			unsupported(pos, "this assignment");
			return;
		}
		for (int i = 0; i < nl; i++) {
			Value *e = val1(b, OP_EXTRACT, tt->fields.v[i].type, r, npos(r), tv);
			e->auxint = i;
			vals[i] = e;
		}
	} else {
		for (int i = 0; i < nl && i < rhs->len; i++) {
			Node *l = unparen(lhs->v[i]);
			Type *lt = (l->kind == N_IDENT && is_blank(l->u.ident.obj)) ? NULL : l->type;
			vals[i] = rvalue(b, rhs->v[i], lt);
		}
	}
	for (int i = 0; i < nl; i++) {
		Node *l = unparen(lhs->v[i]);
		if (isnew[i]) {
			Obj *o = l->u.ident.obj;
			declare(b, o, l, convert(b, vals[i], o->type, rhs->len == nl ? rhs->v[i] : NULL));
			continue;
		}
		Value *x = lvs[i].kind == LV_BLANK ? vals[i] : convert(b, vals[i], lvs[i].type,
									  rhs->len == nl ? rhs->v[i] : NULL);
		put_checks(b, &checks[i]);
		store_lv(b, &lvs[i], x);
	}
}

static void
var_spec(B *b, Node *spec)
{
	NodeList *names = &spec->u.value.names, *values = &spec->u.value.values;
	int nn = names->len;
	if (values->len == 0) {
		for (int i = 0; i < nn; i++) {
			Node *id = names->v[i];
			Obj *o = id->u.ident.obj;
			if (!is_blank(o))
				declare(b, o, id, NULL);
		}
		return;
	}
	Value **vals = NEWARR(b->f->arena, Value *, nn);
	if (values->len == 1 && nn > 1) {
		Node *r = values->v[0];
		Value *tv = comma_ok(b, r, nn);
		Type *tt = utype(tv->type);
		if (!tt || tt->kind != TY_TUPLE) {
			unsupported(npos(spec), "this declaration");
			return;
		}
		for (int i = 0; i < nn; i++) {
			Value *e = val1(b, OP_EXTRACT, tt->fields.v[i].type, r, npos(r), tv);
			e->auxint = i;
			Obj *o = names->v[i]->u.ident.obj;
			vals[i] = o ? convert(b, e, o->type, NULL) : e;
		}
	} else {
		for (int i = 0; i < nn && i < values->len; i++) {
			Obj *o = names->v[i]->u.ident.obj;
			vals[i] = rvalue(b, values->v[i], is_blank(o) ? NULL : o->type);
		}
	}
	for (int i = 0; i < nn; i++) {
		Obj *o = names->v[i]->u.ident.obj;
		if (!is_blank(o))
			declare(b, o, names->v[i], vals[i]);
	}
}

// ---- statements ----

static Target *
find_target(B *b, Node *n, bool cont)
{
	Node *target = n->u.branch.target;
	Sym *label = n->u.branch.label;
	for (int i = b->targets.len - 1; i >= 0; i--) {
		Target *t = &b->targets.v[i];
		if (cont && !t->cont)
			continue;
		if (target) {
			if (t->stmt == target || t->label == target)
				return t;
			continue;
		}
		if (label) {
			if (t->label && t->label->u.labeled.label == label)
				return t;
			continue;
		}
		return t;
	}
	return NULL;
}

// label_block returns the block label name starts; place: the labeled statement itself
// (a second placement of the same name, which the checker rejects, gets a fresh block).
static Block *
label_block(B *b, Sym *name, Pos pos, bool place)
{
	bool blank = name && name->len == 1 && name->name[0] == '_';
	for (int i = 0; i < b->labels.len && !blank; i++) {
		Label *l = &b->labels.v[i];
		if (l->name != name)
			continue;
		if (place && l->placed)
			break;
		l->placed |= place;
		return l->b;
	}
	Label l = {name, new_block(b, pos), place};
	vec_push(b->f->arena, b->labels, l);
	return l.b;
}

static bool
is_looping(B *b, Sym *name)
{
	for (int i = 0; i < b->looping.len; i++)
		if (b->looping.v[i] == name)
			return true;
	return false;
}

static void
push_target(B *b, Node *stmt, Node *label, Block *brk, Block *cont)
{
	Target t = {stmt, label, brk, cont};
	vec_push(b->f->arena, b->targets, t);
}

static void
if_stmt(B *b, Node *n)
{
	if (n->u.ifs.init)
		stmt(b, n->u.ifs.init);
	Pos pos = npos(n);
	Block *then = new_block(b, pos), *join = new_block(b, pos);
	Block *els = n->u.ifs.els ? new_block(b, pos) : join;
	cond(b, n->u.ifs.cond, then, els);
	b->cur = then;
	stmt(b, n->u.ifs.then);
	jump(b, join);
	if (n->u.ifs.els) {
		b->cur = els;
		stmt(b, n->u.ifs.els);
		jump(b, join);
	}
	b->cur = join;
}

static void
for_stmt(B *b, Node *n, Node *label)
{
	Pos pos = npos(n);
	if (n->u.fors.init)
		stmt(b, n->u.fors.init);
	b->depth++;
	Block *head = new_block(b, pos), *body = new_block(b, pos),
	      *post = new_block(b, pos);
	b->depth--;
	Block *exit = new_block(b, pos);
	b->depth++;
	start(b, head);
	if (n->u.fors.cond)
		cond(b, n->u.fors.cond, body, exit);
	else
		jump(b, body);
	push_target(b, n, label, exit, post);
	b->cur = body;
	stmt(b, n->u.fors.body);
	jump(b, post);
	b->targets.len--;
	b->cur = post;
	if (n->u.fors.post)
		stmt(b, n->u.fors.post);
	jump(b, head);
	b->depth--;
	b->cur = exit;
}

// declare_range_vars declares the iteration variables of `for k, v := range x` (once
// for the whole loop, as Go 1.19 does); nothing for `=` ranges and blank names.
static void
declare_range_vars(B *b, Node *n)
{
	if (!n->u.range.define)
		return;
	Node *vars[2] = {n->u.range.key, n->u.range.value};
	for (int i = 0; i < 2; i++)
		if (vars[i] && vars[i]->kind == N_IDENT && !is_blank(vars[i]->u.ident.obj))
			declare(b, vars[i]->u.ident.obj, vars[i], NULL);
}

// assign_range_var stores one iteration's key or value x into the range variable var.
static void
assign_range_var(B *b, Node *var, Value *x)
{
	LValue lv = lvalue(b, var);
	store_lv(b, &lv, convert(b, x, lv.type, var));
}

// range_map lowers for k, v := range m: an iterator made before the loop, tested at the
// head, advanced in the post block (so continue moves it on).
static void
range_map(B *b, Node *n, Node *label)
{
	Pos pos = npos(n);
	Node *x = n->u.range.x, *key = n->u.range.key, *value = n->u.range.value;
	Type *mt = utype(x->type);
	Value *m = expr(b, x);
	declare_range_vars(b, n);
	Value *it = val1(b, OP_MAPITERINIT, ty_unsafeptr, n, pos, m);
	b->depth++;
	Block *head = new_block(b, pos), *body = new_block(b, pos), *post = new_block(b, pos);
	b->depth--;
	Block *exit = new_block(b, pos);
	b->depth++;
	start(b, head);
	branch(b, val1(b, OP_MAPITERDONE, ty_bool, n, pos, it), exit, body);
	b->cur = body;
	if (key)
		assign_range_var(b, key, val1(b, OP_MAPITERKEY, mt->key, n, pos, it));
	if (value)
		assign_range_var(b, value, val1(b, OP_MAPITERELEM, mt->elem, n, pos, it));
	push_target(b, n, label, exit, post);
	stmt(b, n->u.range.body);
	jump(b, post);
	b->targets.len--;
	b->cur = post;
	val1(b, OP_MAPITERNEXT, NULL, n, pos, it);
	jump(b, head);
	b->depth--;
	b->cur = exit;
}

static void
range_stmt(B *b, Node *n, Node *label)
{
	Pos pos = npos(n);
	Node *x = n->u.range.x, *key = n->u.range.key, *value = n->u.range.value;
	// A blank value variable is no variable: `for i, _ := range p` over a nil *[N]T
	// must not touch the elements (Go test fixedbugs/bug454.go).
	if (value && value->kind == N_IDENT && is_blank(value->u.ident.obj))
		value = NULL;
	Type *u = utype(x->type);
	bool isptr = u->kind == TY_POINTER;
	Type *au = isptr ? utype(u->elem) : u;
	if (au->kind == TY_MAP && !isptr) {
		range_map(b, n, label);
		return;
	}
	if (au->kind != TY_SLICE && au->kind != TY_ARRAY && au->kind != TY_STRING) {
		unsupported(pos, "this range statement");
		return;
	}
	// The range expression, evaluated once.
	Value *xv = NULL, *xaddr = NULL, *len;
	if (au->kind == TY_ARRAY) {
		if (isptr) {
			if (value)
				xaddr = nilcheck(b, expr(b, x), n, pos);
			else
				expr(b, x);
		} else if (value) {
			xaddr = addr_of(b, x); // arrays that are SSA values are spilled
		}
		len = cint(b, au->len, pos);
	} else {
		xv = expr(b, x);
		len = val1(b, au->kind == TY_STRING ? OP_STRLEN : OP_SLICELEN, ty_int, n, pos, xv);
	}
	// Iteration variables (Go 1.19: one variable for the whole loop).
	declare_range_vars(b, n);
	Obj *hi = temp(b, "~hi", ty_int, pos);
	setvar(b, hi, cint(b, 0, pos), n, pos);
	Obj *hn = NULL;
	if (au->kind == TY_STRING) {
		hn = temp(b, "~hn", ty_int, pos);
		setvar(b, hn, cint(b, 0, pos), n, pos);
	}
	b->depth++;
	Block *head = new_block(b, pos), *body = new_block(b, pos), *post = new_block(b, pos);
	b->depth--;
	Block *exit = new_block(b, pos);
	b->depth++;
	start(b, head);
	Value *i = getvar(b, hi, n, pos);
	branch(b, val2(b, OP_LT, ty_bool, n, pos, i, len), body, exit);
	b->cur = body;
	i = getvar(b, hi, n, pos);
	Value *ev = NULL;
	if (au->kind == TY_STRING) {
		Field fs[2] = {{.type = ty_int32}, {.type = ty_int}};
		Type *tt = type_tuple(fs, 2);
		Value *dr = val(b, OP_CALLRT, tt, n, pos);
		dr->aux = (void *)"rt_decoderune";
		ssa_add_arg(dr, xv);
		ssa_add_arg(dr, i);
		Value *next = val1(b, OP_EXTRACT, ty_int, n, pos, dr);
		next->auxint = 1;
		setvar(b, hn, next, n, pos);
		if (value) {
			ev = val1(b, OP_EXTRACT, ty_int32, n, pos, dr);
			ev->auxint = 0;
		}
	} else if (value) {
		Type *et = au->elem;
		Value *ea;
		if (au->kind == TY_SLICE) {
			Value *p = val1(b, OP_SLICEPTR, type_pointer(et), n, pos, xv);
			ea = val2(b, OP_PTRINDEX, type_pointer(et), n, pos, p, i);
		} else {
			ea = val2(b, OP_INDEXADDR, type_pointer(et), n, pos, xaddr, i);
		}
		ev = val1(b, OP_LOAD, et, n, pos, ea);
	}
	if (key)
		assign_range_var(b, key, i);
	if (value && ev)
		assign_range_var(b, value, ev);
	push_target(b, n, label, exit, post);
	stmt(b, n->u.range.body);
	jump(b, post);
	b->targets.len--;
	b->cur = post;
	Value *ni = au->kind == TY_STRING ? getvar(b, hn, n, pos)
					  : val2(b, OP_ADD, ty_int, n, pos, getvar(b, hi, n, pos),
						 cint(b, 1, pos));
	setvar(b, hi, ni, n, pos);
	jump(b, head);
	b->depth--;
	b->cur = exit;
}

static void
switch_stmt(B *b, Node *n, Node *label)
{
	Pos pos = npos(n);
	if (n->u.sw.init)
		stmt(b, n->u.sw.init);
	Value *tag = NULL;
	Node *tagn = n->u.sw.tag;
	if (tagn)
		tag = is_nil(tagn) ? NULL : expr(b, tagn);
	NodeList *cl = &n->u.sw.body;
	int nc = cl->len;
	Block **bodies = NEWARR(b->f->arena, Block *, nc + 1);
	for (int i = 0; i < nc; i++)
		bodies[i] = new_block(b, npos(cl->v[i]));
	Block *exit = new_block(b, pos);
	int def = -1;
	// The compare chain, in source order, default last.
	for (int i = 0; i < nc; i++) {
		Node *c = cl->v[i];
		if (c->u.clause.isdefault) {
			def = i;
			continue;
		}
		for (int k = 0; k < c->u.clause.list.len; k++) {
			Node *e = c->u.clause.list.v[k];
			Block *next = new_block(b, npos(e));
			if (tag) {
				Type *ot = tag->type;
				if (!type_is_interface(ot) && type_is_interface(e->type))
					ot = e->type;
				Value *tv = convert(b, tag, ot, tagn);
				Value *ev = rvalue(b, e, ot);
				branch(b, val2(b, OP_EQ, ty_bool, e, npos(e), tv, ev), bodies[i], next);
			} else if (tagn) {
				unsupported(npos(e), "switch on nil");
				jump(b, next);
			} else {
				cond(b, e, bodies[i], next);
			}
			b->cur = next;
		}
	}
	jump(b, def >= 0 ? bodies[def] : exit);
	push_target(b, n, label, exit, NULL);
	for (int i = 0; i < nc; i++) {
		Node *c = cl->v[i];
		b->cur = bodies[i];
		NodeList *body = &c->u.clause.body;
		bool fall = body->len > 0 && body->v[body->len - 1]->kind == N_BRANCH &&
			    body->v[body->len - 1]->u.branch.kind == BR_FALLTHROUGH;
		stmts(b, body);
		jump(b, fall && i + 1 < nc ? bodies[i + 1] : exit);
	}
	b->targets.len--;
	b->cur = exit;
}

// typeswitch_stmt lowers switch [init;] [v :=] x.(type) { clauses }: x is evaluated once;
// each case type T is tested in source order with ASSERT2 (case nil: x == nil), default
// last. A clause with one type T binds v to the asserted value (of type T); other clauses
// bind v to x. Like gc, v is declared at the start of each clause body.
static void
typeswitch_stmt(B *b, Node *n, Node *label)
{
	Pos pos = npos(n);
	if (n->u.sw.init)
		stmt(b, n->u.sw.init);
	Node *guard = n->u.sw.tag;
	Node *lhs = NULL, *ax;
	if (guard->kind == N_ASSIGN) {
		lhs = guard->u.assign.lhs.v[0];
		ax = unparen(guard->u.assign.rhs.v[0]);
	} else {
		ax = unparen(guard->u.x);
	}
	if (ax->kind != N_TYPEASSERT) {
		unsupported(pos, "this type switch");
		return;
	}
	Value *x = expr(b, ax->u.assert.x);
	NodeList *cl = &n->u.sw.body;
	int nc = cl->len;
	Block **bodies = NEWARR(b->f->arena, Block *, nc + 1);
	Value **bound = NEWARR(b->f->arena, Value *, nc + 1);
	for (int i = 0; i < nc; i++)
		bodies[i] = new_block(b, npos(cl->v[i]));
	Block *exit = new_block(b, pos);
	int def = -1;
	for (int i = 0; i < nc; i++) {
		Node *c = cl->v[i];
		if (c->u.clause.isdefault) {
			def = i;
			continue;
		}
		int nt = c->u.clause.list.len;
		for (int k = 0; k < nt; k++) {
			Node *e = c->u.clause.list.v[k];
			Block *next = new_block(b, npos(e));
			Value *ok;
			if (is_nil(e)) {
				ok = val2(b, OP_EQ, ty_bool, e, npos(e), x,
					  zero(b, x->type, e, npos(e)));
			} else {
				Field fs[2] = {{.type = e->type}, {.type = ty_bool}};
				Value *a = val1(b, OP_ASSERT2, type_tuple(fs, 2), e, npos(e), x);
				bool bind = nt == 1 && c->u.clause.obj && !is_blank(c->u.clause.obj) &&
					    c->u.clause.obj->type == e->type;
				a->auxint = bind ? 0 : 1;
				if (bind) {
					bound[i] = val1(b, OP_EXTRACT, e->type, e, npos(e), a);
					bound[i]->auxint = 0;
				}
				ok = val1(b, OP_EXTRACT, ty_bool, e, npos(e), a);
				ok->auxint = 1;
			}
			branch(b, ok, bodies[i], next);
			b->cur = next;
		}
	}
	jump(b, def >= 0 ? bodies[def] : exit);
	push_target(b, n, label, exit, NULL);
	for (int i = 0; i < nc; i++) {
		Node *c = cl->v[i];
		b->cur = bodies[i];
		Obj *o = c->u.clause.obj;
		if (o && !is_blank(o))
			declare(b, o, lhs, bound[i] ? bound[i] : convert(b, x, o->type, lhs));
		stmts(b, &c->u.clause.body);
		jump(b, exit);
	}
	b->targets.len--;
	b->cur = exit;
}

// result_loads reads the result variables of a function with defers (its return value:
// NULL, the one result, or a TUPLE).
static Value *
result_loads(B *b, Pos pos)
{
	int nr = b->resaddrs.len;
	if (nr == 0)
		return NULL;
	Value **vals = NEWARR(b->f->arena, Value *, nr);
	for (int i = 0; i < nr; i++) {
		Value *a = b->resaddrs.v[i];
		vals[i] = val1(b, OP_LOAD, utype(a->type)->elem, NULL, pos, a);
	}
	if (nr == 1)
		return vals[0];
	Value *t = val(b, OP_TUPLE, b->restype, NULL, pos);
	for (int i = 0; i < nr; i++)
		ssa_add_arg(t, vals[i]);
	return t;
}

// defer_return: a return in a function with defers stores the returned values (ctl:
// NULL for a bare return, else the value or TUPLE) into the result variables, runs the
// deferred calls (which may change them) and returns what the variables then hold.
static Value *
defer_return(B *b, Value *ctl, Pos pos)
{
	int nr = b->resaddrs.len;
	if (ctl && nr == 1) {
		val2(b, OP_STORE, NULL, NULL, pos, b->resaddrs.v[0], ctl);
	} else if (ctl) {
		for (int i = 0; i < nr; i++) {
			Type *et = utype(b->resaddrs.v[i]->type)->elem;
			Value *e;
			if (ctl->op == OP_TUPLE && i < ctl->nargs) {
				e = ctl->args[i];
			} else {
				e = val1(b, OP_EXTRACT, et, NULL, pos, ctl);
				e->auxint = i;
			}
			val2(b, OP_STORE, NULL, NULL, pos, b->resaddrs.v[i], e);
		}
	}
	val1(b, OP_DEFERRETURN, NULL, NULL, pos, b->frame);
	return result_loads(b, pos);
}

static void
return_stmt(B *b, Node *n)
{
	Pos pos = npos(n);
	NodeList *l = &n->u.list;
	FuncInfo *fi = b->fi;
	Type *ft = fi ? utype(fi->type) : NULL;
	int nr = ft ? ft->results.len : 0;
	Value *ctl = NULL;
	if (nr > 0) {
		Value **vals = NEWARR(b->f->arena, Value *, nr);
		if (l->len == 0) {
			for (int i = 0; i < nr; i++) {
				Obj *o = fi->results.v[i];
				if (!is_blank(o) && slot_find(b, o, false))
					vals[i] = read_var(b, o, n);
				else
					vals[i] = zero(b, ft->results.v[i].type, n, pos);
			}
		} else if (l->len == 1 && nr > 1) {
			Value *tv = expr(b, l->v[0]);
			if (type_identical(tv->type, b->restype)) {
				ctl = tv;
			} else {
				Type *tt = utype(tv->type);
				for (int i = 0; i < nr; i++) {
					Value *e = val1(b, OP_EXTRACT, tt->fields.v[i].type, l->v[0],
							pos, tv);
					e->auxint = i;
					vals[i] = convert(b, e, ft->results.v[i].type, l->v[0]);
				}
			}
		} else {
			for (int i = 0; i < nr && i < l->len; i++)
				vals[i] = rvalue(b, l->v[i], ft->results.v[i].type);
		}
		if (!ctl) {
			if (nr == 1) {
				ctl = vals[0];
			} else {
				ctl = val(b, OP_TUPLE, b->restype, n, pos);
				for (int i = 0; i < nr; i++)
					ssa_add_arg(ctl, vals[i]);
			}
		}
	}
	if (b->frame)
		ctl = defer_return(b, ctl, pos);
	Block *bl = cur(b);
	bl->kind = BK_RET;
	ssa_set_control(bl, ctl);
	b->cur = NULL;
}

static void
branch_stmt(B *b, Node *n)
{
	Pos pos = npos(n);
	switch (n->u.branch.kind) {
	case BR_BREAK:
	case BR_CONTINUE: {
		bool cont = n->u.branch.kind == BR_CONTINUE;
		Target *t = find_target(b, n, cont);
		if (!t) {
			unsupported(pos, cont ? "this continue" : "this break");
			return;
		}
		jump(b, cont ? t->cont : t->brk);
		b->cur = NULL;
		return;
	}
	case BR_GOTO:
		b->hasgoto = true;
		jump(b, label_block(b, n->u.branch.label, pos, false));
		b->cur = NULL;
		return;
	case BR_FALLTHROUGH:
		return; // handled by switch_stmt
	}
}

static void
labeled_stmt(B *b, Node *n)
{
	Node *s = n->u.labeled.stmt;
	Sym *name = n->u.labeled.label;
	Block *lb = label_block(b, name, npos(n), true);
	if (is_looping(b, name)) {
		b->depth++; // restored at the end of the enclosing block
		lb->loopdepth = b->depth;
	} else {
		lb->loopdepth = b->depth;
	}
	start(b, lb);
	if (!s)
		return;
	switch (s->kind) {
	case N_FOR:
		for_stmt(b, s, n);
		break;
	case N_RANGE:
		range_stmt(b, s, n);
		break;
	case N_SWITCH:
		switch_stmt(b, s, n);
		break;
	case N_TYPESWITCH:
		typeswitch_stmt(b, s, n);
		break;
	default:
		stmt(b, s);
		break;
	}
}

static void
stmts(B *b, NodeList *l)
{
	int depth = b->depth;
	for (int i = 0; i < l->len; i++)
		stmt(b, l->v[i]);
	b->depth = depth;
}

static void
stmt(B *b, Node *n)
{
	if (!n)
		return;
	Pos pos = npos(n);
	switch (n->kind) {
	case N_EMPTY:
		return;
	case N_BLOCK:
		stmts(b, &n->u.block.stmts);
		return;
	case N_EXPRSTMT: {
		Node *x = unparen(n->u.x);
		if (x->kind == N_CALL)
			call_expr(b, x);
		else
			expr(b, x);
		return;
	}
	case N_DECLSTMT:
		for (int i = 0; i < n->u.list.len; i++) {
			Node *spec = n->u.list.v[i];
			if (spec->kind == N_VALUESPEC && !spec->u.value.isconst)
				var_spec(b, spec);
		}
		return;
	case N_ASSIGN:
		assign_stmt(b, n);
		return;
	case N_INCDEC: {
		LValue lv = lvalue(b, n->u.incdec.x);
		Value *old = load_lv(b, &lv);
		Type *t = ntype(n->u.incdec.x);
		Value *one;
		if (type_is_float(t)) {
			one = val(b, OP_CONST, t, n, pos);
			double d = 1.0;
			uint64_t bits;
			memcpy(&bits, &d, sizeof bits);
			one->auxint = (int64_t)bits;
		} else {
			one = val(b, OP_CONST, t, n, pos);
			one->auxint = 1;
		}
		store_lv(b, &lv, arith(b, n->u.incdec.inc ? OP_ADD : OP_SUB, t, old, one, n));
		return;
	}
	case N_RETURN:
		return_stmt(b, n);
		return;
	case N_IF:
		if_stmt(b, n);
		return;
	case N_FOR:
		for_stmt(b, n, NULL);
		return;
	case N_RANGE:
		range_stmt(b, n, NULL);
		return;
	case N_SWITCH:
		switch_stmt(b, n, NULL);
		return;
	case N_BRANCH:
		branch_stmt(b, n);
		return;
	case N_LABELED:
		labeled_stmt(b, n);
		return;
	case N_GO:
		defer_stmt(b, n);
		return;
	case N_DEFER:
		defer_stmt(b, n);
		return;
	case N_SELECT:
		unsupported(pos, "select");
		return;
	case N_TYPESWITCH:
		typeswitch_stmt(b, n, NULL);
		return;
	case N_SEND:
		unsupported(pos, "channels");
		return;
	default:
		unsupported(pos, "this statement");
		return;
	}
}

// ---- defer ----
//
// `defer f()` of a func value without parameters and results defers that value (a func
// literal's closure, a variable's value). Any other call becomes, like gc's, a wrapper
// closure "F.deferwrapN" with no parameters that makes the call: the callee (a func value,
// a method's receiver) and the arguments are evaluated at the defer statement into
// temporaries the wrapper captures by value. Builtins (print, panic, delete...) are
// rebuilt in the wrapper from a copy of the call whose arguments name those temporaries.

typedef enum WrapKind {
	WRAP_CALL,      // static call of callee
	WRAP_CLOSURE,   // func value vals[0]
	WRAP_IFACE,     // interface method auxint of vals[0]
	WRAP_BUILTIN,   // the synthetic call node syn
} WrapKind;

// temp_capture stores x in a new temporary of this function and records it as a capture.
static Obj *
temp_capture(B *b, Value *x, Pos pos, ObjList *caps)
{
	Obj *t = temp(b, arena_sprintf(perm, "~d%d", b->ntemps), x->type, pos);
	t->flags |= OBJF_CAPTURED;
	setvar(b, t, x, NULL, pos);
	vec_push(perm, *caps, t);
	return t;
}

static Value *
defer_wrapper(B *b, Node *call, bool isgo)
{
	Pos pos = npos(call);
	Node *fun = unparen(call->u.call.fun);
	ValVec vals = {0};
	WrapKind kind = WRAP_CALL;
	Obj *callee = NULL;
	Type *rtype = NULL;
	int64_t auxint = 0;
	void *aux = NULL;
	Node *syn = NULL;
	ObjList caps = {0};
	if (call->u.call.kind == CALL_BUILTIN) {
		kind = WRAP_BUILTIN;
		syn = ast_new(N_CALL, call->pos);
		*syn = *call;
		syn->u.call.args.v = NULL;
		syn->u.call.args.len = syn->u.call.args.cap = 0;
		for (int i = 0; i < call->u.call.args.len; i++) {
			Node *a = call->u.call.args.v[i];
			if (!a->cval && !is_nil(a) && !(a->flags & NF_TYPE)) {
				Obj *t = temp_capture(b, expr(b, a), npos(a), &caps);
				Node *id = ast_ident(a->pos, t->name);
				id->u.ident.obj = t;
				id->type = t->type;
				a = id;
			}
			vec_push(perm, syn->u.call.args, a);
		}
	} else if (call->u.call.kind == CALL_FUNC) {
		Type *ft = fun->type;
		b->splitddd = call;
		b->nextra = -1;
		if (fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_METHOD) {
			callee = method_args(b, call, fun, &vals);
			rtype = results_type(callee->type);
		} else if (fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_IMETHOD) {
			Selection *s = &fun->u.sel.sel;
			kind = WRAP_IFACE;
			Value *iv = field_path(b, fun, fun->u.sel.x, s->path, s->npath, false);
			// the method value x.M is evaluated here: a nil x panics at the defer
			// statement, before the arguments are evaluated
			val1(b, OP_NILCHECK, NULL, fun, npos(fun), iv);
			vec_push(b->f->arena, vals, iv);
			call_args(b, call, &vals, ft);
			rtype = results_type(ft);
			auxint = s->index;
			aux = fun->u.sel.name;
		} else {
			if (fun->kind == N_IDENT && fun->u.ident.obj &&
			    fun->u.ident.obj->kind == OBJ_FUNC)
				callee = fun->u.ident.obj;
			else if (fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_QUALIFIED &&
				 fun->u.sel.sel.obj && fun->u.sel.sel.obj->kind == OBJ_FUNC)
				callee = fun->u.sel.sel.obj;
			if (!callee) {
				kind = WRAP_CLOSURE;
				vec_push(b->f->arena, vals, expr(b, fun));
			}
			call_args(b, call, &vals, ft);
			rtype = results_type(ft);
		}
		b->splitddd = NULL;
		for (int i = 0; i < vals.len; i++)
			temp_capture(b, vals.v[i], pos, &caps);
	} else {
		unsupported(pos, "this deferred call");
		return NULL;
	}

	FuncInfo *wi = NEW(perm, FuncInfo);
	wi->outer = b->fi;
	wi->type = type_func(NULL, 0, NULL, 0, false);
	wi->name = arena_sprintf(perm, "%s.%swrap%d", b->fi && b->fi->name ? b->fi->name : "?",
				 isgo ? "go" : "defer", ++b->nwrappers);
	wi->captures = caps;
	ValVec cv = {0};
	for (int i = 0; i < caps.len; i++)
		vec_push(b->f->arena, cv, getvar(b, caps.v[i], NULL, pos));
	Value *mc = val(b, OP_MAKECLOSURE, wi->type, NULL, pos);
	mc->aux = wi;
	for (int i = 0; i < cv.len; i++)
		ssa_add_arg(mc, cv.v[i]);

	// The wrapper itself.
	B b2 = {0};
	b2.prog = b->prog;
	b2.pkg = b->pkg;
	Func *wf = ssa_new_func(b->prog, wi->name);
	wf->info = wi;
	wf->type = wi->type;
	wf->pos = pos;
	wf->wrapper = true;
	wf->isclosure = true; // even without captures: the runtime calls it directly
	reset(&b2, wf, wi);
	b2.cur = new_block(&b2, pos);
	ValVec fvs = {0};
	for (int i = 0; i < caps.len; i++) {
		Obj *o = caps.v[i];
		Value *fv = val(&b2, OP_FREEVAR, o->type, NULL, pos);
		fv->auxint = i;
		fv->aux = o;
		Slot *s = slot_find(&b2, o, true);
		b2.nslots++;
		s->kind = SLOT_VAL;
		s->v = fv;
		vec_push(wf->arena, fvs, fv);
	}
	if (kind == WRAP_BUILTIN) {
		call_expr(&b2, syn);
	} else {
		if (b->nextra > 0) {
			// pack the variadic extras: the "... argument" of the call in the wrapper
			int nextra = b->nextra, first = fvs.len - nextra;
			Type *et = utype(b->dddtype)->elem;
			Value *arr = val(&b2, OP_ALLOC, type_pointer(type_array(et, nextra)), call, pos);
			arr->auxint = ALLOC_TEMP;
			for (int i = 0; i < nextra; i++) {
				Value *ea = val2(&b2, OP_INDEXADDR, type_pointer(et), call, pos, arr,
						 cint(&b2, i, pos));
				val2(&b2, OP_STORE, NULL, call, pos, ea, fvs.v[first + i]);
			}
			Value *p = val2(&b2, OP_INDEXADDR, type_pointer(et), call, pos, arr,
					cint(&b2, 0, pos));
			Value *l = cint(&b2, nextra, pos);
			fvs.len = first;
			vec_push(wf->arena, fvs, val3(&b2, OP_SLICEMAKE, b->dddtype, call, pos, p, l, l));
		}
		Op op = kind == WRAP_CALL ? OP_CALL : kind == WRAP_CLOSURE ? OP_CALLCLOSURE
									 : OP_CALLIFACE;
		Value *v = val(&b2, op, rtype, call, pos);
		v->aux = kind == WRAP_CALL ? (void *)callee : aux;
		v->auxint = auxint;
		for (int i = 0; i < fvs.len; i++)
			ssa_add_arg(v, fvs.v[i]);
	}
	finish(&b2);
	return mc;
}

// defer_stmt lowers `defer call` (go: `go call`, the same closure for OP_GO).
static void
defer_stmt(B *b, Node *n)
{
	Pos pos = npos(n);
	Node *call = unparen(n->u.x);
	bool isgo = n->kind == N_GO;
	if ((!isgo && !b->frame) || call->kind != N_CALL) {
		unsupported(pos, isgo ? "this go statement" : "this defer statement");
		return;
	}
	Node *fun = unparen(call->u.call.fun);
	Value *clo = NULL;
	bool method = fun->kind == N_SELECTOR && (fun->u.sel.sel.kind == SEL_METHOD ||
						  fun->u.sel.sel.kind == SEL_IMETHOD ||
						  fun->u.sel.sel.kind == SEL_METHODEXPR);
	Obj *fo = fun->kind == N_IDENT ? fun->u.ident.obj
		  : fun->kind == N_SELECTOR && fun->u.sel.sel.kind == SEL_QUALIFIED ? fun->u.sel.sel.obj
										      : NULL;
	bool ext = fo && fo->kind == OBJ_FUNC && (fo->flags & OBJF_EXTERN);
	bool value = fun->kind == N_FUNCLIT || !fo || fo->kind == OBJ_VAR;
	if (call->u.call.kind == CALL_FUNC && call->u.call.args.len == 0 && !method && !ext &&
	    value) {
		Type *ft = utype(fun->type);
		if (ft && ft->kind == TY_FUNC && ft->fields.len == 0 && ft->results.len == 0)
			clo = expr(b, fun);
	}
	if (!clo)
		clo = defer_wrapper(b, call, isgo);
	if (!clo)
		return;
	if (isgo)
		val1(b, OP_GO, NULL, n, pos, clo);
	else
		val2(b, OP_DEFER, NULL, n, pos, b->frame, clo);
}

// find_looping records the labels that a later goto jumps back to (gc's looping
// labels), walking statements in source order without entering func literals.
static void
find_looping(B *b, Node *n, SymList *seen)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_BLOCK:
		for (int i = 0; i < n->u.block.stmts.len; i++)
			find_looping(b, n->u.block.stmts.v[i], seen);
		break;
	case N_LABELED:
		vec_push(b->f->arena, *seen, n->u.labeled.label);
		find_looping(b, n->u.labeled.stmt, seen);
		break;
	case N_BRANCH:
		if (n->u.branch.kind == BR_GOTO)
			for (int i = 0; i < seen->len; i++)
				if (seen->v[i] == n->u.branch.label && !is_looping(b, seen->v[i]))
					vec_push(b->f->arena, b->looping, seen->v[i]);
		break;
	case N_IF:
		find_looping(b, n->u.ifs.then, seen);
		find_looping(b, n->u.ifs.els, seen);
		break;
	case N_FOR:
		find_looping(b, n->u.fors.body, seen);
		break;
	case N_RANGE:
		find_looping(b, n->u.range.body, seen);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		for (int i = 0; i < n->u.sw.body.len; i++) {
			Node *c = n->u.sw.body.v[i];
			for (int k = 0; k < c->u.clause.body.len; k++)
				find_looping(b, c->u.clause.body.v[k], seen);
		}
		break;
	default:
		break;
	}
}

// ---- functions ----

static Node *
param_ident(Node *decl, Obj *o)
{
	// The N_IDENT naming o among the params/results/receiver of a function node.
	if (!decl)
		return NULL;
	Node *ft = decl->kind == N_FUNCDECL ? decl->u.funcdecl.type : decl->u.func.type;
	NodeList *lists[3] = {ft ? &ft->u.functype.params : NULL,
			      ft ? &ft->u.functype.results : NULL, NULL};
	Node *recv = decl->kind == N_FUNCDECL ? decl->u.funcdecl.recv : NULL;
	if (recv)
		for (int k = 0; k < recv->u.field.names.len; k++)
			if (recv->u.field.names.v[k]->u.ident.obj == o)
				return recv->u.field.names.v[k];
	for (int l = 0; l < 2; l++) {
		if (!lists[l])
			continue;
		for (int i = 0; i < lists[l]->len; i++) {
			Node *f = lists[l]->v[i];
			for (int k = 0; k < f->u.field.names.len; k++)
				if (f->u.field.names.v[k]->u.ident.obj == o)
					return f->u.field.names.v[k];
		}
	}
	return NULL;
}

static void
reset(B *b, Func *f, FuncInfo *fi)
{
	b->f = f;
	b->fi = fi;
	b->cur = NULL;
	b->depth = 0;
	b->slots = NULL;
	b->capslots = b->nslots = 0;
	b->targets.len = 0;
	b->targets.v = NULL;
	b->targets.cap = 0;
	b->labels.v = NULL;
	b->labels.len = b->labels.cap = 0;
	b->looping.v = NULL;
	b->looping.len = b->looping.cap = 0;
	b->restype = NULL;
	b->hasgoto = false;
	b->frame = NULL;
	b->resaddrs.v = NULL;
	b->resaddrs.len = b->resaddrs.cap = 0;
	b->nwrappers = 0;
}

// check_jumps reports a goto that jumps into a block (the checker should have; this
// keeps gosub from building SSA where a value does not dominate its use).
static void
check_jumps(B *b)
{
	Func *f = b->f;
	char *live = NEWARR(f->arena, char, f->nvalues);
	for (int bi = 0; bi < f->blocks.len; bi++)
		for (int i = 0; i < f->blocks.v[bi]->values.len; i++)
			live[f->blocks.v[bi]->values.v[i]->id] = 1;
	dom_compute(f);
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *bl = f->blocks.v[bi];
		for (int i = 0; i < bl->values.len; i++) {
			Value *v = bl->values.v[i];
			for (int j = 0; j < v->nargs; j++) {
				Value *a = v->args[j];
				Block *at = v->op == OP_PHI ? bl->preds.v[j] : bl;
				if (!live[a->id] || !dom_dominates(a->block, at)) {
					unsupported(v->pos, "goto into a block");
					return;
				}
			}
		}
		Value *c = bl->control;
		if (c && (!live[c->id] || !dom_dominates(c->block, bl))) {
			unsupported(bl->pos, "goto into a block");
			return;
		}
	}
}

static void
finish(B *b)
{
	Func *f = b->f;
	if (b->cur) {
		// Falling off the end: a function without results returns.
		if (b->frame)
			defer_return(b, NULL, f->pos);
		b->cur->kind = BK_RET;
		b->cur = NULL;
	}
	cfg_compute_rpo(f);
	if (b->hasgoto)
		check_jumps(b);
}

// defer_frame starts a function with defer statements: the frame record, and the branch
// to the recovered path, which runs the remaining deferred calls and returns the result
// variables.
static void
defer_frame(B *b)
{
	Pos pos = b->f->pos;
	Value *fr = val(b, OP_DEFERFRAME, ty_unsafeptr, NULL, pos);
	for (int i = 0; i < b->resaddrs.len; i++)
		ssa_add_arg(fr, b->resaddrs.v[i]);
	b->frame = fr;
	Value *rec = val1(b, OP_DEFERSETJMP, ty_bool, NULL, pos, fr);
	Block *recovered = new_block(b, pos), *body = new_block(b, pos);
	branch(b, rec, recovered, body);
	b->cur = recovered;
	val1(b, OP_DEFERRETURN, NULL, NULL, pos, fr);
	Value *ctl = result_loads(b, pos);
	b->cur->kind = BK_RET;
	ssa_set_control(b->cur, ctl);
	b->cur = body;
}

static void
build_func(B *b, FuncInfo *fi)
{
	Func *f = ssa_new_func(b->prog, fi->name ? fi->name : "?");
	f->info = fi;
	f->type = fi->type;
	Node *decl = fi->decl;
	f->pos = decl ? decl->pos : (fi->obj ? fi->obj->pos : f->pos);
	if (fi->obj)
		fi->obj->ssa = f;
	reset(b, f, fi);
	b->restype = results_type(fi->type);
	Node *body = !decl ? NULL : decl->kind == N_FUNCDECL ? decl->u.funcdecl.body
							     : decl->u.func.body;
	Block *entry = new_block(b, f->pos);
	b->cur = entry;

	// Parameters (receiver first), then captures, then named results.
	int idx = 0;
	Obj *recv = fi->recv;
	for (int i = -1; i < fi->params.len; i++) {
		Obj *o = i < 0 ? recv : fi->params.v[i];
		if (!o)
			continue;
		Value *p = val(b, OP_PARAM, o->type, param_ident(decl, o), o->pos);
		p->auxint = idx++;
		p->aux = o;
		p->name = o->name;
		vec_push(f->arena, f->params, p);
	}
	for (int i = 0; i < fi->captures.len; i++) {
		Obj *o = fi->captures.v[i];
		bool ref = byref_capture(o);
		Value *fv = val(b, OP_FREEVAR, ref ? type_pointer(o->type) : o->type, NULL, f->pos);
		fv->auxint = i;
		fv->aux = o;
		fv->name = o->name;
		Slot *s = slot_find(b, o, true);
		b->nslots++;
		s->kind = ref ? SLOT_MEM : SLOT_VAL;
		s->v = fv;
	}
	f->isclosure = fi->captures.len > 0;
	for (int i = 0; i < f->params.len; i++) {
		Value *p = f->params.v[i];
		Obj *o = p->aux;
		if (!is_blank(o))
			declare(b, o, param_ident(decl, o), p);
	}
	for (int i = 0; i < fi->results.len; i++) {
		Obj *o = fi->results.v[i];
		if (fi->hasdefer && o) {
			// results live in memory: deferred calls and the recovered path read them
			declare(b, o, param_ident(decl, o), NULL);
			Slot *s = slot_find(b, o, false);
			vec_push(f->arena, b->resaddrs, s->v);
		} else if (!is_blank(o) && o->name && o->name->name[0] != '~') {
			declare(b, o, param_ident(decl, o), NULL);
		}
	}
	if (fi->hasdefer)
		defer_frame(b);
	if (body) {
		SymList seen = {0};
		find_looping(b, body, &seen);
		stmts(b, &body->u.block.stmts);
	}
	if (b->cur && b->restype) {
		// The checker guarantees a terminating statement; this block is unreachable.
		b->cur->kind = BK_RET;
		ssa_set_control(b->cur, zero(b, b->restype, NULL, f->pos));
		b->cur = NULL;
	}
	finish(b);
}

static void
build_init(B *b)
{
	Package *pkg = b->pkg;
	const char *pname = pkg->path ? pkg->path : "main";
	Func *f = ssa_new_func(b->prog, arena_sprintf(perm, "%s.init", pname));
	b->prog->init = f;
	reset(b, f, NULL);
	b->cur = new_block(b, f->pos);
	for (int i = 0; i < pkg->inits.len; i++) {
		Node *spec = pkg->inits.v[i];
		NodeList *names = &spec->u.value.names, *values = &spec->u.value.values;
		int nn = names->len;
		if (values->len == 1 && nn > 1) {
			Node *r = values->v[0];
			Value *tv = comma_ok(b, r, nn);
			Type *tt = utype(tv->type);
			for (int k = 0; k < nn && tt && tt->kind == TY_TUPLE; k++) {
				Obj *o = names->v[k]->u.ident.obj;
				if (is_blank(o))
					continue;
				Value *e = val1(b, OP_EXTRACT, tt->fields.v[k].type, r, npos(r), tv);
				e->auxint = k;
				val2(b, OP_STORE, NULL, names->v[k], npos(names->v[k]),
				     global_addr(b, o, names->v[k], npos(names->v[k])),
				     convert(b, e, o->type, r));
			}
			continue;
		}
		for (int k = 0; k < nn && k < values->len; k++) {
			Obj *o = names->v[k]->u.ident.obj;
			Value *x = rvalue(b, values->v[k], is_blank(o) ? NULL : o->type);
			if (is_blank(o))
				continue;
			val2(b, OP_STORE, NULL, names->v[k], npos(names->v[k]),
			     global_addr(b, o, names->v[k], npos(names->v[k])), x);
		}
	}
	for (int i = 0; i < pkg->initfuncs.len; i++) {
		FuncInfo *fi = pkg->initfuncs.v[i];
		if (!fi->obj)
			continue;
		Value *c = val(b, OP_CALL, NULL, NULL, f->pos);
		c->aux = fi->obj;
	}
	if (b->cur)
		b->cur->kind = BK_RET;
	b->cur = NULL;
	finish(b);
}

// in_blank_func: fi is a function or method named "_", or a literal inside one.
static bool
in_blank_func(FuncInfo *fi)
{
	for (; fi; fi = fi->outer)
		if (fi->obj && is_blank(fi->obj))
			return true;
	return false;
}

// ssa_build lowers the checked package pkg to SSA in GETVAR/SETVAR form: one Func per
// FuncInfo (Package.funcs order) and the package initialiser. Unsupported constructs are
// reported with error_at ("not supported: ...").
// Requires: tc_package without errors.
Program *
ssa_build(Package *pkg)
{
	Program *p = NEW(perm, Program);
	p->pkg = pkg;
	B b0 = {0}, *b = &b0;
	b->prog = p;
	b->pkg = pkg;
	for (int i = 0; i < pkg->funcs.len; i++) {
		FuncInfo *fi = pkg->funcs.v[i];
		Node *decl = fi->decl;
		if (decl && decl->kind == N_FUNCDECL && !decl->u.funcdecl.body)
			continue; // declared without a body (extern)
		if (in_blank_func(fi))
			continue; // func _() and func (T) _() can never be called: gc drops them
		build_func(b, fi);
	}
	build_init(b);
	return p;
}
