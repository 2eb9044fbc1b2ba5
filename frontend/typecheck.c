// typecheck.c: binding and type checking of one package, following the spec and
// reproducing gc 1.19's (types2's) diagnostics.
//
// Algorithm (after types2): (1) collect every package-level object into the package
// scope and every import into its file scope; (2) check package-level declarations
// lazily, each one when first referenced or in source order, with a three-colour mark so
// declaration order does not matter and cycles are found; (3) check function bodies in
// source order; (4) report unused imports, compute the initialisation order (initorder.c)
// and lay out every type. Expressions are checked bottom-up into Operands (types2's
// operand modes); an untyped expression keeps its untyped type until its context decides
// the final type, and then tc_set_type rewrites the type (and constant representation)
// of the whole untyped subtree, so no untyped type survives except through the final
// defaulting walk.
//
// Errors are reported at the start position of the offending expression (types2 uses
// syntax.StartPos), with types2's words. Every lookup may fail and every node may be
// N_BAD: errors produce M_INVALID operands typed ty_invalid, and operations on invalid
// operands are silent, which suppresses cascades as gc does.
//
// Leaves: the invariants listed in frontend.h, FuncInfo lists, OBJF_* flags, link names.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

Package *tc_pkg;

// Per-function checking context.
typedef struct FuncCtx {
	FuncInfo *info;
	Type *sig;
	struct FuncCtx *outer;
	int nlits;       // literals numbered so far directly inside
	VEC(Obj *) labels;
	VEC(NodeList *) labellists; // the statement list holding each label
	VEC(Pos) labelblocks;       // where that list's block starts
	VEC(NodeList *) lists;      // statement lists being checked, outermost first
	VEC(Node *) gotos;          // forward gotos to check for skipped declarations
} FuncCtx;

// Statement context: enclosing breakable/continuable statements.
typedef struct StmtCtx {
	Node *stmt;           // for, switch, select
	Node *label;          // N_LABELED around it or NULL
	bool isloop;
	struct StmtCtx *outer;
} StmtCtx;

static struct {
	Scope *scope;        // current scope
	FuncCtx *fn;         // current function, NULL at package level
	StmtCtx *stmt;       // innermost breakable statement
	Node *file;          // current file
	Scope *filescope;
	int iota;            // current iota, -1 outside const specs
	int globlits;        // package-level func literals numbered
	VEC(Obj *) pkgobjs;  // package-level objects in source order
	VEC(Node *) methods; // method declarations
	VEC(Obj *) imports;  // package name objects (for unused imports)
	ObjList pkgvars;     // package-level variables in declaration order
	bool infuncsig;
	int ninits;
} tc;

// ---- helpers ----

static const char *
sname(Sym *s)
{
	return s ? s->name : "_";
}

static bool
is_blank(Sym *s)
{
	return s && s->len == 1 && s->name[0] == '_';
}

static void
invalidate(Operand *x)
{
	x->mode = M_INVALID;
	x->type = ty_invalid;
	x->val = NULL;
	if (x->expr && !x->expr->type)
		x->expr->type = ty_invalid;
}

static bool
invalid_type(Type *t)
{
	return !t || t == ty_invalid || type_under(t) == ty_invalid;
}

static Node *
unparen(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	return n;
}

// tc_mark_used marks o as used.
void
tc_mark_used(Obj *o)
{
	if (o)
		o->flags |= OBJF_USED;
}

static const char *
mode_string(OpMode m)
{
	switch (m) {
	case M_INVALID: return "invalid operand";
	case M_NOVALUE: return "no value";
	case M_BUILTIN: return "built-in";
	case M_TYPE: return "type";
	case M_CONST: return "constant";
	case M_VAR: return "variable";
	case M_MAPINDEX: return "map index expression";
	case M_VALUE: return "value";
	case M_COMMAOK: return "comma, ok expression";
	}
	return "?";
}

// opstr describes an operand as types2 does: "x (variable of type int)",
// "300 (untyped int constant)", "c (constant 5 of type int)".
const char *
opstr(Operand *x)
{
	const char *expr = x->expr ? tc_exprstr(x->expr) : "";
	char *buf = arena_sprintf(perm, "%s%s", expr, *expr ? " (" : "");
	bool hastype = false;
	if (x->mode != M_INVALID && x->mode != M_NOVALUE && x->mode != M_BUILTIN &&
	    x->mode != M_TYPE && x->type) {
		if (type_is_untyped(x->type))
			buf = arena_sprintf(perm, "%s%s ", buf, type_string(x->type));
		else
			hastype = true;
	}
	buf = arena_sprintf(perm, "%s%s", buf, mode_string(x->mode));
	if (x->mode == M_CONST && x->val) {
		const char *s = const_text(x->val);
		if (strcmp(s, expr) != 0)
			buf = arena_sprintf(perm, "%s %s", buf, s);
	}
	if (hastype) {
		if (x->type != ty_invalid)
			buf = arena_sprintf(perm, "%s of type %s", buf, tc_spell_type(x->expr, x->type));
		else
			buf = arena_sprintf(perm, "%s with invalid type", buf);
	}
	if (*expr)
		buf = arena_sprintf(perm, "%s)", buf);
	return buf;
}

static Pos
xpos(Operand *x)
{
	return x->expr ? expr_startpos(x->expr) : (Pos){0};
}

// ---- untyped conversion ----

// tc_set_type records t as the final type of the untyped expression n and of its untyped
// operands, converting constant values to t's representation.
void
tc_set_type(Node *n, Type *t)
{
	if (!n || !t)
		return;
	Type *old = n->type;
	if (old && !type_is_untyped(old))
		return;
	if (old == t)
		return;
	n->type = t;
	if (n->cval && !type_is_untyped(t) && !type_is_interface(t) && !invalid_type(t)) {
		ConstVal *out;
		if (const_represent(n->cval, t, &out) == FIT_OK)
			n->cval = out;
	}
	if (type_is_interface(t) && n->cval && old)
		n->type = type_default(old), tc_set_type(n, n->type);
	switch (n->kind) {
	case N_PAREN:
		tc_set_type(n->u.x, n->type);
		break;
	case N_UNARY:
		if (n->u.unary.op != AOP_NOT || type_is_boolean(n->type))
			tc_set_type(n->u.unary.x, n->type);
		break;
	case N_BINARY:
		switch (n->u.binary.op) {
		case AOP_EQ: case AOP_NE: case AOP_LT: case AOP_LE: case AOP_GT: case AOP_GE:
			break; // operands keep their own types
		case AOP_SHL: case AOP_SHR:
			tc_set_type(n->u.binary.x, n->type);
			break;
		default:
			tc_set_type(n->u.binary.x, n->type);
			tc_set_type(n->u.binary.y, n->type);
			break;
		}
		break;
	default:
		break;
	}
}

// shift_operand_check: for a non-constant shift whose untyped operand got type t, the
// operand must be an integer.
static bool
check_untyped_shifts(Node *n, Type *t)
{
	n = unparen(n);
	if (!n || n->kind != N_BINARY)
		return true;
	AstOp op = n->u.binary.op;
	if ((op == AOP_SHL || op == AOP_SHR) && !n->cval) {
		if (!type_is_integer(t)) {
			error_at(expr_startpos(n), "invalid operation: %s (shift of type %s)",
				 tc_exprstr(n), type_string(t));
			return false;
		}
		return true;
	}
	if (op >= AOP_EQ && op <= AOP_GE)
		return true;
	if (op == AOP_LAND || op == AOP_LOR)
		return true;
	bool okx = check_untyped_shifts(n->u.binary.x, t); // report in both operands
	bool oky = check_untyped_shifts(n->u.binary.y, t);
	return okx && oky;
}

// The target of the value being checked, when the source spells it: a type expression
// (a conversion's type, a declared variable's type, a parameter's) or an expression
// whose type is the target (the left-hand side of an assignment). Messages print the
// target with tstr, which keeps byte, rune and any as types2 does.
static struct {
	Node *node;
	bool isexpr;
} msgtarget;

static const char *
tstr(Type *t)
{
	if (!msgtarget.node)
		return type_string(t);
	if (msgtarget.isexpr)
		return tc_spell_type(msgtarget.node, t);
	return tc_spelled(tc_spell_typenode(msgtarget.node), t);
}

static void
set_target(Node *n, bool isexpr)
{
	msgtarget.node = n;
	msgtarget.isexpr = isexpr;
}

static void conversion(Operand *x, Type *t, Node *call);

// param_typenode: the type expression of parameter i of the function fun calls (the
// element type for arguments passed to a variadic parameter), or NULL.
static Node *
param_typenode(Node *fun, int i, int np, bool spreadvariadic)
{
	while (fun && fun->kind == N_PAREN)
		fun = fun->u.x;
	Obj *fo = NULL;
	if (fun && fun->kind == N_IDENT)
		fo = fun->u.ident.obj;
	else if (fun && fun->kind == N_SELECTOR && fun->u.sel.sel.kind != SEL_METHODEXPR)
		fo = fun->u.sel.sel.obj;
	if (!fo || fo->kind != OBJ_FUNC || !fo->decl)
		return NULL;
	Node *ft = fo->decl->kind == N_FUNCDECL ? fo->decl->u.funcdecl.type :
		   fo->decl->kind == N_FIELD ? fo->decl->u.field.type : NULL; // interface method
	if (!ft || ft->kind != N_FUNCTYPE)
		return NULL;
	if (spreadvariadic && i > np - 1)
		i = np - 1;
	int k = 0;
	for (int j = 0; j < ft->u.functype.params.len; j++) {
		Node *f = ft->u.functype.params.v[j];
		int nn = f && f->kind == N_FIELD && f->u.field.names.len ? f->u.field.names.len : 1;
		if (i < k + nn) {
			Node *tn = f && f->kind == N_FIELD ? f->u.field.type : NULL;
			if (tn && tn->kind == N_ELLIPSIS)
				return spreadvariadic ? tn->u.x : NULL;
			return tn;
		}
		k += nn;
	}
	return NULL;
}

static void
report_const_fit(Operand *x, Type *t, ConstFit fit, const char *context)
{
	bool srcint = type_is_integer(x->type);
	if (fit == FIT_MISMATCH || !type_is_numeric(x->type) || !type_is_numeric(t)) {
		if (context)
			error_at(xpos(x), "cannot use %s as %s value in %s", opstr(x),
				 tstr(t), context);
		else
			error_at(xpos(x), "cannot convert %s to type %s", opstr(x),
				 tstr(t));
		return;
	}
	const char *why = (!srcint && type_is_integer(t)) ? "truncated" : "overflows";
	if (context)
		error_at(xpos(x), "cannot use %s as %s value in %s (%s)", opstr(x), tstr(t),
			 context, why);
	else if (strcmp(why, "truncated") == 0)
		error_at(xpos(x), "%s truncated to %s", opstr(x), tstr(t));
	else
		error_at(xpos(x), "%s overflows %s", opstr(x), tstr(t));
}

static void convert_untyped_ctx(Operand *x, Type *t, const char *context);

// tc_convert_untyped converts the untyped operand x to type t (an implicit conversion
// by context), reporting errors as gc does.
void
tc_convert_untyped(Operand *x, Type *t)
{
	convert_untyped_ctx(x, t, NULL);
}

static void
convert_untyped_ctx(Operand *x, Type *t, const char *context)
{
	if (x->mode == M_INVALID || !type_is_untyped(x->type) || invalid_type(t))
		return;
	if (type_is_untyped(t)) {
		// both untyped: the larger kind wins (used by binary operations)
		if (x->val) {
			ConstVal *out;
			if (const_represent(x->val, t, &out) != FIT_OK) {
				report_const_fit(x, t, FIT_MISMATCH, context);
				invalidate(x);
				return;
			}
			x->val = out;
		}
		x->type = t;
		tc_set_type(x->expr, t);
		if (x->expr)
			x->expr->cval = x->val;
		return;
	}
	Type *u = type_under(t);
	if (x->type == ty_untyped_nil) {
		switch (u->kind) {
		case TY_POINTER: case TY_UNSAFEPTR: case TY_SLICE: case TY_MAP: case TY_CHAN:
		case TY_FUNC: case TY_INTERFACE:
			x->type = t;
			tc_set_type(x->expr, t);
			return;
		default:
			if (context)
				error_at(xpos(x), "cannot use nil as %s value in %s", tstr(t),
					 context);
			else
				error_at(xpos(x), "cannot convert nil to type %s", tstr(t));
			invalidate(x);
			return;
		}
	}
	if (u->kind == TY_INTERFACE) {
		Type *d = type_default(x->type);
		if (u->fields.len > 0 && x->mode != M_INVALID) {
			// a non-empty interface: the default type must implement it
			Operand y = *x;
			y.type = d;
			const char *reason = NULL;
			if (!tc_assignable(&y, t, &reason)) {
				if (context)
					error_at(xpos(x), "cannot use %s as %s value in %s%s%s", opstr(x),
						 tstr(t), context, reason ? ":\n\t" : "",
						 reason ? reason : "");
				invalidate(x);
				return;
			}
		}
		convert_untyped_ctx(x, d, context);
		return;
	}
	if (x->mode == M_CONST && x->val) {
		ConstVal *out;
		ConstFit fit = const_represent(x->val, t, &out);
		if (u->kind > TY_UNSAFEPTR || u->kind == TY_UNSAFEPTR)
			fit = FIT_MISMATCH;
		if (fit != FIT_OK) {
			report_const_fit(x, t, fit, context);
			invalidate(x);
			return;
		}
		x->val = out;
		x->type = t;
		tc_set_type(x->expr, t);
		if (x->expr)
			x->expr->cval = out;
		return;
	}
	// untyped non-constant: bool from comparisons, or shifted untyped constants
	bool ok;
	if (x->type == ty_untyped_bool)
		ok = type_is_boolean(t);
	else
		ok = type_is_numeric(t) || (x->type == ty_untyped_string && type_is_string(t));
	if (!ok) {
		if (context)
			error_at(xpos(x), "cannot use %s as %s value in %s", opstr(x), tstr(t),
				 context);
		else
			error_at(xpos(x), "cannot convert %s to type %s", opstr(x), tstr(t));
		invalidate(x);
		return;
	}
	if (x->expr && !check_untyped_shifts(x->expr, t)) {
		invalidate(x);
		return;
	}
	x->type = t;
	tc_set_type(x->expr, t);
}

// tc_default converts an untyped operand to its default type.
void
tc_default(Operand *x)
{
	if (x->mode == M_INVALID || !type_is_untyped(x->type))
		return;
	if (x->type == ty_untyped_nil)
		return;
	tc_convert_untyped(x, type_default(x->type));
}

// ---- lookup of fields and methods ----

typedef struct Lookup {
	Obj *obj;      // field var or method func
	int path[16];  // embedded field indices, then (for fields) the field index
	int npath;
	bool indirect; // went through a pointer (embedded or the receiver itself)
	bool ambiguous;
	bool isfield;
	int imethod;   // interface method index, or -1
} Lookup;

typedef struct Cand {
	Type *t;
	int path[16];
	int npath;
	bool indirect;
} Cand;

// lookup finds field or method name in type t (which may be a pointer to a named
// struct), searching embedded fields breadth-first by depth.
static bool
lookup(Type *t, Sym *name, Lookup *r)
{
	memset(r, 0, sizeof *r);
	r->imethod = -1;
	if (!t || !name || is_blank(name))
		return false;
	bool ptr = false;
	if (type_under(t)->kind == TY_POINTER && type_under(t)->elem) {
		Type *e = type_under(t)->elem;
		if (!type_is_pointer(e) || e->obj) {
			t = e;
			ptr = true;
		}
	}
	if (ptr && type_under(t)->kind == TY_INTERFACE)
		return false; // a pointer to an interface has no methods
	typedef VEC(Cand) CandVec;
	CandVec cur = {0}, next = {0};
	VEC(Type *) seen = {0};
	Cand c0 = {.t = t, .indirect = ptr};
	vec_push(perm, cur, c0);
	for (int depth = 0; depth < 16 && cur.len > 0; depth++) {
		int found = 0;
		Lookup best = {0};
		next.len = 0;
		for (int i = 0; i < cur.len; i++) {
			Cand *c = &cur.v[i];
			Type *ct = c->t;
			if (ct->obj) {
				bool dup = false;
				for (int j = 0; j < seen.len; j++)
					if (seen.v[j] == ct)
						dup = true;
				if (dup)
					continue;
				vec_push(perm, seen, ct);
				for (int j = 0; j < ct->methods.len; j++) {
					Obj *m = ct->methods.v[j];
					if (m->name == name) {
						found++;
						best.obj = m;
						best.npath = c->npath;
						memcpy(best.path, c->path, sizeof c->path);
						best.indirect = c->indirect;
						best.isfield = false;
						best.imethod = -1;
					}
				}
			}
			Type *u = type_under(ct);
			if (u->kind == TY_STRUCT) {
				for (int j = 0; j < u->fields.len; j++) {
					Field *f = &u->fields.v[j];
					if (f->name == name) {
						found++;
						best.obj = f->obj;
						best.npath = c->npath;
						memcpy(best.path, c->path, sizeof c->path);
						if (best.npath < 16)
							best.path[best.npath++] = j;
						best.indirect = c->indirect;
						best.isfield = true;
						best.imethod = -1;
					}
					if (f->embedded && c->npath < 15) {
						Cand n = *c;
						Type *ft = f->type;
						if (ft && !ft->obj && ft->kind == TY_POINTER && ft->elem) {
							ft = ft->elem;
							n.indirect = true;
						}
						n.t = ft;
						n.path[n.npath++] = j;
						vec_push(perm, next, n);
					}
				}
			} else if (u->kind == TY_INTERFACE) {
				for (int j = 0; j < u->fields.len; j++) {
					Field *f = &u->fields.v[j];
					if (f->name == name) {
						found++;
						best.obj = f->obj;
						best.npath = c->npath;
						memcpy(best.path, c->path, sizeof c->path);
						best.indirect = c->indirect;
						best.isfield = false;
						best.imethod = j;
					}
				}
			}
		}
		if (found == 1) {
			*r = best;
			return true;
		}
		if (found > 1) {
			r->ambiguous = true;
			return false;
		}
		CandVec tmp = cur;
		cur = next;
		next = tmp;
	}
	return false;
}

// method_has_ptr_recv reports whether method m was declared with a pointer receiver.
static bool
ptr_recv(Obj *m)
{
	return m && m->recv && !m->recv->obj && m->recv->kind == TY_POINTER;
}

static bool
sig_has_invalid(Type *t)
{
	if (!t || t == ty_invalid)
		return true;
	if (t->kind != TY_FUNC)
		return false;
	for (int i = 0; i < t->fields.len; i++)
		if (invalid_type(t->fields.v[i].type))
			return true;
	for (int i = 0; i < t->results.len; i++)
		if (invalid_type(t->results.v[i].type))
			return true;
	return false;
}

static Sym *case_fold_match(Type *t, Sym *name);

// missing_method checks that t implements interface it; on failure returns gc's reason.
static bool
implements(Type *t, Type *it, const char **reason)
{
	Type *iu = type_under(it);
	if (invalid_type(t) || invalid_type(it))
		return true;
	bool tiface = type_is_interface(t);
	for (int i = 0; i < iu->fields.len; i++) {
		Field *m = &iu->fields.v[i];
		Lookup r;
		bool ok = lookup(t, m->name, &r);
		const char *ts = type_string(t), *is = type_string(it);
		if (!ok || r.isfield) {
			if (!reason)
				return false;
			// types2's missingMethodReason
			Sym *alt = ok ? NULL : case_fold_match(t, m->name);
			Lookup ra;
			Type *tu = type_under(t);
			if (alt && lookup(t, alt, &ra) && !ra.isfield && ra.obj && ra.obj->type)
				*reason = arena_sprintf(perm,
					"%s does not implement %s (missing %s method)\n\t\thave %s%s\n\t\twant %s%s",
					ts, is, m->name->name, alt->name, type_string(ra.obj->type) + 4,
					m->name->name, type_string(m->type) + 4);
			else if (!t->obj && tu->kind == TY_POINTER && tu->elem && type_is_interface(tu->elem))
				*reason = arena_sprintf(perm,
					"%s does not implement %s (type %s is pointer to interface, not interface)",
					ts, is, ts);
			else if (ok && r.isfield)
				*reason = arena_sprintf(perm, "%s does not implement %s (%s.%s is a field, not a method)",
							ts, is, ts, m->name->name);
			else
				*reason = arena_sprintf(perm, "%s does not implement %s (missing %s method)",
							ts, is, m->name->name);
			return false;
		}
		Type *mt = r.obj ? r.obj->type : NULL;
		if (mt != m->type && !sig_has_invalid(mt) && !sig_has_invalid(m->type)) {
			if (reason) {
				Type *ft = mt ? mt : ty_invalid;
				*reason = arena_sprintf(perm,
					"%s does not implement %s (wrong type for %s method)\n\t\thave %s%s\n\t\twant %s%s",
					ts, is, m->name->name, m->name->name,
					type_string(ft) + 4, m->name->name, type_string(m->type) + 4);
			}
			return false;
		}
		if (!tiface && ptr_recv(r.obj) && !r.indirect &&
		    !(t->kind == TY_POINTER && !t->obj)) {
			if (reason)
				*reason = arena_sprintf(perm,
					"%s does not implement %s (%s method has pointer receiver)", ts, is,
					m->name->name);
			return false;
		}
	}
	return true;
}

// ---- assignability ----

// tc_assignable reports whether x is assignable to t; *reason gets an explanation line
// for interface failures.
bool
tc_assignable(Operand *x, Type *t, const char **reason)
{
	Type *v = x->type;
	if (reason)
		*reason = NULL;
	if (invalid_type(v) || invalid_type(t))
		return true;
	if (v == t)
		return true;
	Type *vu = type_under(v), *tu = type_under(t);
	if (type_is_untyped(v)) {
		if (tu->kind == TY_INTERFACE)
			return v == ty_untyped_nil || implements(type_default(v), t, reason);
		if (v == ty_untyped_nil)
			return tu->kind == TY_POINTER || tu->kind == TY_UNSAFEPTR ||
			       tu->kind == TY_SLICE || tu->kind == TY_MAP || tu->kind == TY_CHAN ||
			       tu->kind == TY_FUNC;
		if (x->mode == M_CONST && x->val) {
			ConstVal *out;
			return tu->kind <= TY_UNTYPED_STRING && const_represent(x->val, t, &out) == FIT_OK;
		}
		if (v == ty_untyped_bool)
			return tu->kind == TY_BOOL;
		return type_is_numeric(t);
	}
	if (vu == tu && (!v->obj || !t->obj) && vu->kind > TY_UNSAFEPTR)
		return true;
	if (tu->kind == TY_INTERFACE)
		return implements(v, t, reason);
	if (tu->kind == TY_POINTER && tu->elem && type_is_interface(tu->elem)) {
		if (reason) // types2 explains pointers to interfaces
			*reason = arena_sprintf(perm,
				"%s does not implement %s (type %s is pointer to interface, not interface)",
				type_string(v), type_string(t), type_string(t));
		return false;
	}
	if (vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->dir == CHAN_BOTH &&
	    vu->elem == tu->elem && (!v->obj || !t->obj))
		return true;
	return false;
}

// tc_assign_to checks that x can be assigned to a variable of type t in context
// ("assignment", "argument to f", ...), converting untyped operands.
void
tc_assign_to(Operand *x, Type *t, const char *context)
{
	if (x->mode == M_INVALID || invalid_type(t))
		return;
	tc_single_value(x);
	if (x->mode == M_INVALID)
		return;
	if (type_is_untyped(x->type)) {
		convert_untyped_ctx(x, t, context);
		return;
	}
	const char *reason = NULL;
	if (!tc_assignable(x, t, &reason)) {
		if (!reason && type_is_interface(x->type) && !type_is_interface(t) &&
		    implements(t, x->type, NULL))
			reason = "need type assertion";
		if (reason)
			error_at(xpos(x), "cannot use %s as type %s in %s:\n\t%s", opstr(x),
				 tstr(t), context, reason);
		else
			error_at(xpos(x), "cannot use %s as type %s in %s", opstr(x), tstr(t),
				 context);
		invalidate(x);
	}
}

// tc_single_value reports the use of a no-value call or a multi-value call as a value.
void
tc_single_value(Operand *x)
{
	if (x->mode == M_NOVALUE) {
		error_at(xpos(x), "%s (no value) used as value", tc_exprstr(x->expr));
		invalidate(x);
	} else if (x->mode != M_INVALID && x->type && x->type->kind == TY_TUPLE && !x->type->obj) {
		error_at(xpos(x), "multiple-value %s (value of type %s) in single-value context",
			 tc_exprstr(x->expr), type_string(x->type));
		invalidate(x);
	} else if (x->mode == M_TYPE) {
		error_at(xpos(x), "%s (type) is not an expression", tc_exprstr(x->expr));
		invalidate(x);
	} else if (x->mode == M_BUILTIN) {
		error_at(xpos(x), "%s (built-in) must be called", tc_exprstr(x->expr));
		invalidate(x);
	}
}

// ---- package-level objects: lazy checking ----

enum { WHITE, GREY, BLACK };

typedef struct PkgDecl {
	Obj *obj;
	Scope *filescope;
	int color;
	Node *recvtype; // methods: the receiver's type expression
} PkgDecl;

static VEC(PkgDecl) decls; // indexed by Obj.index for package-level objects

static void check_pkg_obj(Obj *o);

static bool
is_pkg_level(Obj *o)
{
	return o && o->pkg == tc_pkg && o->index >= 0 && o->index < decls.len &&
	       decls.v[o->index].obj == o;
}

// ensure makes sure a package-level object's declaration has been checked.
static void
ensure(Obj *o)
{
	if (is_pkg_level(o) && decls.v[o->index].color == WHITE)
		check_pkg_obj(o);
}

static void
declare(Scope *s, Obj *o, Pos pos)
{
	if (is_blank(o->name))
		return;
	Obj *old = scope_lookup_local(s, o->name);
	if (old) {
		if (old->pos.file)
			error_at(pos, "%s redeclared in this block\n\t%s: other declaration of %s",
				 o->name->name, pos_string(old->pos), o->name->name);
		else
			error_at(pos, "%s redeclared in this block", o->name->name);
		o->flags |= OBJF_USED; // never in scope, so never reported as unused (types2)
		return;
	}
	scope_insert(s, o);
}

typedef struct DeferredUnder {
	Type *t;  // the type being defined
	Type *u;  // the named type it is defined as, incomplete at the time
	Obj *obj; // t's name
} DeferredUnder;

static VEC(DeferredUnder) deferred;

// ---- checks that need complete types (types2's check.later) ----
//
// Map key comparability and the embedded-field rules look at underlying types, which
// may still be incomplete while a recursive declaration is being checked; they are
// queued and run once the package-level declarations (then the bodies) are done.

typedef enum LaterKind {
	LATER_MAPKEY,   // t is a map key type
	LATER_EMBEDDED, // t is the type of an embedded field
} LaterKind;

typedef struct Later {
	LaterKind kind;
	Type *t;
	Pos pos;
} Later;

static VEC(Later) later_queue;

static void
later_check(LaterKind kind, Type *t, Pos pos)
{
	Later l = {kind, t, pos};
	vec_push(perm, later_queue, l);
}

static void
run_later_checks(void)
{
	for (int i = 0; i < later_queue.len; i++) {
		Later *l = &later_queue.v[i];
		Type *t = l->t;
		if (!t || type_under(t) == ty_invalid)
			continue;
		if (l->kind == LATER_MAPKEY) {
			if (!type_is_comparable(t))
				error_at(l->pos, "invalid map key type %s", type_string(t));
			continue;
		}
		bool isptr = !t->obj && t->kind == TY_POINTER;
		if (isptr)
			t = t->elem;
		Type *u = type_under(t);
		if (u == ty_invalid)
			continue;
		if (u->kind == TY_UNSAFEPTR)
			error_at(l->pos, "embedded field type cannot be unsafe.Pointer");
		else if (u->kind == TY_POINTER)
			error_at(l->pos, "embedded field type cannot be a pointer");
		else if (u->kind == TY_INTERFACE && isptr)
			error_at(l->pos, "embedded field type cannot be a pointer to an interface");
	}
	later_queue.len = 0;
}

static void valid_type(Type *t);
static void report_type_cycle(Obj **cycle, int n);
typedef VEC(Obj *) ObjPath;

// resolve_deferred completes the types whose underlying type was incomplete when they
// were declared; names that remain incomplete form a cycle.
static void
resolve_deferred(void)
{
	bool progress = true;
	while (progress) {
		progress = false;
		for (int i = 0; i < deferred.len; i++) {
			DeferredUnder *d = &deferred.v[i];
			if (d->t->incomplete && !d->u->incomplete) {
				type_set_underlying(d->t, d->u);
				progress = true;
			}
		}
	}
	// What is left are chains of names ending in a cycle ("type a b; type b c; type c
	// b"): each cycle is reported once, from its member declared first; the names
	// leading into it become invalid silently.
	for (int i = 0; i < deferred.len; i++) {
		DeferredUnder *d = &deferred.v[i];
		if (!d->t->incomplete)
			continue;
		ObjPath chain = {0};
		Type *t = d->t;
		int start = -1;
		while (t && t->incomplete && start < 0) {
			for (int k = 0; k < chain.len; k++)
				if (chain.v[k] == t->obj)
					start = k;
			if (start >= 0)
				break;
			vec_push(perm, chain, t->obj);
			Type *next = NULL;
			for (int k = 0; k < deferred.len; k++)
				if (deferred.v[k].t == t)
					next = deferred.v[k].u;
			t = next;
		}
		if (start >= 0)
			report_type_cycle(chain.v + start, chain.len - start);
		for (int k = 0; k < chain.len; k++)
			if (chain.v[k]->type && chain.v[k]->type->incomplete)
				type_set_underlying(chain.v[k]->type, ty_invalid);
	}
	deferred.len = 0;
}

// ---- type expressions ----

static Type *func_sig(Node *ft, Type *recv);
static void check_composite(Operand *x, Node *n, Type *hint);
static void check_funclit(Operand *x, Node *n);

static Type *
struct_type(Node *n)
{
	VEC(Field) fl = {0};
	for (int i = 0; i < n->u.fields.len; i++) {
		Node *f = n->u.fields.v[i];
		if (!f || f->kind != N_FIELD)
			continue;
		Type *t = tc_type(f->u.field.type);
		const char *tag = NULL;
		if (f->u.field.tag && f->u.field.tag->kind == N_BASICLIT) {
			const char *err;
			ConstVal *c = const_from_lit(f->u.field.tag->u.lit.kind, f->u.field.tag->u.lit.text,
						     f->u.field.tag->u.lit.len, &err);
			if (c && c->kind == CK_STRING)
				tag = arena_strndup(perm, c->s, (size_t)c->slen);
		}
		if (f->u.field.names.len == 0) {
			// embedded: the name is the type name
			Node *tn = unparen(f->u.field.type);
			if (tn && tn->kind == N_STAR)
				tn = unparen(tn->u.x);
			Sym *name = NULL;
			if (tn && tn->kind == N_IDENT)
				name = tn->u.ident.name;
			else if (tn && tn->kind == N_SELECTOR)
				name = tn->u.sel.name;
			if (!name) {
				error_at(expr_startpos(f->u.field.type), "invalid embedded field type");
				continue;
			}
			later_check(LATER_EMBEDDED, t, expr_startpos(f->u.field.type));
			Field fd = {.name = name, .type = t, .embedded = true, .tag = tag,
				    .pos = expr_startpos(f->u.field.type)};
			for (int j = 0; j < fl.len; j++)
				if (fl.v[j].name == name)
					error_at(fd.pos, "%s redeclared\n\t%s: other declaration of %s",
						 name->name, pos_string(fl.v[j].pos), name->name);
			Obj *o = obj_new(OBJ_VAR, name, fd.pos);
			o->type = t;
			o->flags = OBJF_FIELD | OBJF_EMBEDDED;
			o->index = fl.len;
			o->decl = f;
			o->pkg = tc_pkg;
			fd.obj = o;
			vec_push(perm, fl, fd);
			continue;
		}
		for (int k = 0; k < f->u.field.names.len; k++) {
			Node *nm = f->u.field.names.v[k];
			Sym *name = nm->u.ident.name;
			Field fd = {.name = name, .type = t, .tag = tag, .pos = nm->pos};
			bool dupf = false;
			if (!is_blank(name))
				for (int j = 0; j < fl.len; j++)
					if (fl.v[j].name == name) {
						error_at(nm->pos, "%s redeclared\n\t%s: other declaration of %s",
							 name->name, pos_string(fl.v[j].pos), name->name);
						dupf = true;
					}
			if (dupf)
				continue;
			Obj *o = obj_new(OBJ_VAR, name, nm->pos);
			o->type = t;
			o->flags = OBJF_FIELD;
			o->index = fl.len;
			o->decl = f;
			o->pkg = tc_pkg;
			nm->u.ident.obj = o;
			fd.obj = o;
			vec_push(perm, fl, fd);
		}
	}
	Type *st = type_struct(fl.v, fl.len);
	// the interned type may come from an earlier identical literal: keep its objects
	return st;
}

static Type *
interface_type(Node *n)
{
	VEC(Field) ml = {0};
	for (int i = 0; i < n->u.fields.len; i++) {
		Node *f = n->u.fields.v[i];
		if (!f || f->kind != N_FIELD)
			continue;
		if (f->u.field.names.len == 0) {
			Type *et = tc_type(f->u.field.type);
			if (invalid_type(et))
				continue;
			if (type_under(et)->kind != TY_INTERFACE) {
				error_at(expr_startpos(f->u.field.type),
					 "cannot use %s as interface (not supported: type constraints)",
					 tc_exprstr(f->u.field.type));
				continue;
			}
			Type *eu = type_under(et);
			for (int j = 0; j < eu->fields.len; j++) {
				bool dup = false;
				for (int k = 0; k < ml.len; k++)
					if (ml.v[k].name == eu->fields.v[j].name) {
						dup = true;
						if (ml.v[k].type != eu->fields.v[j].type)
							error_at(expr_startpos(f->u.field.type),
								 "duplicate method %s",
								 ml.v[k].name->name);
					}
				if (!dup)
					vec_push(perm, ml, eu->fields.v[j]);
			}
			continue;
		}
		Node *nm = f->u.field.names.v[0];
		Type *sig = func_sig(f->u.field.type, NULL);
		Field fd = {.name = nm->u.ident.name, .type = sig, .pos = nm->pos};
		bool dup = false;
		for (int k = 0; k < ml.len; k++)
			if (ml.v[k].name == fd.name) {
				error_at(nm->pos, "duplicate method %s", fd.name->name);
				dup = true;
			}
		if (dup)
			continue;
		Obj *o = obj_new(OBJ_FUNC, fd.name, nm->pos);
		o->type = sig;
		o->flags = OBJF_METHOD;
		o->pkg = tc_pkg;
		o->decl = f;
		nm->u.ident.obj = o;
		fd.obj = o;
		vec_push(perm, ml, fd);
	}
	Type *it = type_interface(ml.v, ml.len);
	// give every method of the interned type an object
	for (int i = 0; i < it->fields.len; i++)
		if (!it->fields.v[i].obj) {
			Obj *o = obj_new(OBJ_FUNC, it->fields.v[i].name, it->fields.v[i].pos);
			o->type = it->fields.v[i].type;
			o->flags = OBJF_METHOD;
			it->fields.v[i].obj = o;
		}
	return it;
}

typedef VEC(Field) FieldVec;

static void
param_list(NodeList *l, FieldVec *out, bool allow_dots, bool *variadic)
{
	for (int i = 0; i < l->len; i++) {
		Node *f = l->v[i];
		if (!f || f->kind != N_FIELD)
			continue;
		Node *tn = f->u.field.type;
		Type *t;
		if (tn && tn->kind == N_ELLIPSIS) {
			Type *et = tc_type(tn->u.x);
			t = invalid_type(et) ? ty_invalid : type_slice(et);
			tn->type = t;
			tn->flags |= NF_TYPE;
			if (!allow_dots || i != l->len - 1 || f->u.field.names.len > 1)
				error_at(tn->pos, "can only use ... with final parameter in list");
			else
				*variadic = true;
		} else {
			t = tc_type(tn);
		}
		if (f->u.field.names.len == 0) {
			Field fd = {.type = t, .pos = tn ? tn->pos : f->pos};
			vec_push(perm, *out, fd);
		}
		for (int k = 0; k < f->u.field.names.len; k++) {
			Node *nm = f->u.field.names.v[k];
			Field fd = {.name = nm->u.ident.name, .type = t, .pos = nm->pos};
			vec_push(perm, *out, fd);
		}
	}
}

// func_sig returns the signature of an N_FUNCTYPE node.
static Type *
func_sig(Node *ft, Type *recv)
{
	if (!ft || ft->kind != N_FUNCTYPE) {
		if (ft)
			ft->type = ty_invalid;
		return ty_invalid;
	}
	FieldVec ps = {0}, rs = {0};
	bool variadic = false, dummy = false;
	param_list(&ft->u.functype.params, &ps, true, &variadic);
	param_list(&ft->u.functype.results, &rs, false, &dummy);
	// parameters and results share one scope: a repeated name is a redeclaration
	for (int i = 0; i < ps.len + rs.len; i++) {
		Field *f = i < ps.len ? &ps.v[i] : &rs.v[i - ps.len];
		if (!f->name || is_blank(f->name))
			continue;
		for (int j = 0; j < i; j++) {
			Field *g = j < ps.len ? &ps.v[j] : &rs.v[j - ps.len];
			if (g->name == f->name) {
				error_at(f->pos, "%s redeclared in this block\n\t%s: other declaration of %s",
					 f->name->name, pos_string(g->pos), f->name->name);
				break;
			}
		}
	}
	Type *t = type_func(ps.v, ps.len, rs.v, rs.len, variadic);
	ft->type = t;
	ft->flags |= NF_TYPE;
	return t;
}

// tc_const_len evaluates an array length expression.
int64_t
tc_const_len(Node *len)
{
	// types2's arrayLength: a name must denote a constant
	if (len && len->kind == N_IDENT) {
		Obj *o = scope_lookup(tc.scope, len->u.ident.name);
		if (!o) {
			error_at(len->pos, "undeclared name %s for array length", sname(len->u.ident.name));
			return -1;
		}
		if (o->kind != OBJ_CONST) {
			len->u.ident.obj = o;
			o->flags |= OBJF_USED;
			error_at(len->pos, "invalid array length %s", sname(len->u.ident.name));
			return -1;
		}
	}
	Operand x;
	tc_expr(&x, len);
	if (x.mode == M_INVALID)
		return -1;
	if (x.mode != M_CONST) {
		error_at(xpos(&x), "array length %s must be constant", opstr(&x));
		return -1;
	}
	if (type_is_untyped(x.type) || type_is_integer(x.type)) {
		ConstVal *iv = const_to_kind(x.val, CK_INT);
		if (iv && const_is_int_value(x.val) && const_fits_int64(iv)) {
			if (const_sign(iv) < 0) {
				error_at(xpos(&x), "invalid array length %s", opstr(&x));
				return -1;
			}
			if (type_is_untyped(x.type))
				tc_convert_untyped(&x, ty_int);
			return const_int64(iv);
		}
	}
	error_at(xpos(&x), "array length %s must be integer", opstr(&x));
	return -1;
}

static Type *
type_expr(Node *n)
{
	switch (n->kind) {
	case N_PAREN:
		return tc_type(n->u.x);
	case N_IDENT:
	case N_SELECTOR: {
		Operand x;
		tc_rawexpr(&x, n, true);
		if (x.mode == M_INVALID)
			return ty_invalid;
		if (x.mode != M_TYPE) {
			error_at(expr_startpos(n), "%s is not a type", tc_exprstr(n));
			return ty_invalid;
		}
		return x.type;
	}
	case N_STAR: {
		Type *e = tc_type(n->u.x);
		return invalid_type(e) && e == ty_invalid ? ty_invalid : type_pointer(e);
	}
	case N_ARRAYTYPE: {
		Type *e = tc_type(n->u.array.elem);
		if (!n->u.array.len)
			return e == ty_invalid ? ty_invalid : type_slice(e);
		if (n->u.array.len->kind == N_ELLIPSIS && !n->u.array.len->u.x) {
			error_at(n->pos, "invalid use of [...] array (outside a composite literal)");
			return ty_invalid;
		}
		int64_t len = tc_const_len(n->u.array.len);
		if (len < 0 || e == ty_invalid)
			return ty_invalid;
		return type_array(e, len);
	}
	case N_MAPTYPE: {
		Type *k = tc_type(n->u.map.key);
		Type *v = tc_type(n->u.map.value);
		if (k == ty_invalid || v == ty_invalid)
			return ty_invalid;
		later_check(LATER_MAPKEY, k, expr_startpos(n->u.map.key));
		return type_map(k, v);
	}
	case N_CHANTYPE: {
		Type *e = tc_type(n->u.chan.elem);
		return e == ty_invalid ? ty_invalid : type_chan(e, n->u.chan.dir);
	}
	case N_FUNCTYPE:
		return func_sig(n, NULL);
	case N_STRUCTTYPE:
		return struct_type(n);
	case N_INTERFACETYPE:
		return interface_type(n);
	case N_INDEX:
		error_at(expr_startpos(n), "generic type instantiation not supported");
		return ty_invalid;
	case N_BAD:
		return ty_invalid;
	default: {
		Operand x;
		tc_rawexpr(&x, n, true);
		if (x.mode == M_TYPE)
			return x.type;
		if (x.mode != M_INVALID)
			error_at(expr_startpos(n), "%s is not a type", tc_exprstr(n));
		return ty_invalid;
	}
	}
}

// tc_type checks a type expression and returns the type it denotes (ty_invalid after
// an error). Sets NF_TYPE and Node.type.
Type *
tc_type(Node *n)
{
	if (!n)
		return ty_invalid;
	Type *t = type_expr(n);
	if (!t)
		t = ty_invalid;
	n->type = t;
	n->flags |= NF_TYPE;
	return t;
}

// ---- constant and variable declarations ----

static bool
is_const_type(Type *t)
{
	TypeKind k = type_under(t)->kind;
	return k >= TY_BOOL && k <= TY_STRING;
}

static void check_const0(Obj *o, Node *spec, int i);

// check_const checks constant o, the i-th name of spec. Errors in an expression repeated
// from an earlier spec are reported at the constant being declared (types2's errpos).
static void
check_const(Obj *o, Node *spec, int i)
{
	Pos saved = tc_errpos;
	if (spec->u.value.implicit)
		tc_errpos = o->pos;
	check_const0(o, spec, i);
	tc_errpos = saved;
}

static void
check_const0(Obj *o, Node *spec, int i)
{
	Node *tn = spec->u.value.type;
	Type *t = tn ? tc_type(tn) : NULL;
	if (t && !invalid_type(t) && !is_const_type(t)) {
		error_at(expr_startpos(tn), "invalid constant type %s", type_string(t));
		t = ty_invalid;
	}
	int saved = tc.iota;
	tc.iota = spec->u.value.iota;
	if (i >= spec->u.value.values.len) {
		if (i == spec->u.value.values.len || spec->u.value.values.len == 0)
			error_at(o->pos, "missing init expr for const declaration");
		o->type = ty_invalid;
		o->cval = NULL;
		tc.iota = saved;
		return;
	}
	Node *e = spec->u.value.values.v[i];
	Operand x;
	tc_expr(&x, e);
	tc.iota = saved;
	if (x.mode == M_INVALID) {
		o->type = ty_invalid;
		return;
	}
	if (x.mode != M_CONST) {
		error_at(xpos(&x), "%s is not constant", opstr(&x));
		o->type = ty_invalid;
		return;
	}
	if (t) {
		if (t != ty_invalid)
			tc_assign_to(&x, t, "constant declaration");
		if (x.mode == M_INVALID) {
			o->type = ty_invalid;
			return;
		}
		o->type = t;
	} else {
		o->type = x.type;
	}
	o->cval = x.val;
}

static void check_rhs(int nl, Type **lt, Node **lhs, NodeList *rhs, const char *context,
		      Type **out, Pos errpos);

// check_chan_elem: gc's size calculation rejects channels of elements of 64kB or more,
// reported at the variable that needs the channel type.
static void
check_chan_elem(Obj **objs, int n)
{
	for (int i = 0; i < n; i++) {
		Type *u = objs[i]->type ? type_under(objs[i]->type) : NULL;
		if (u && u->kind == TY_CHAN && u->elem && !u->elem->incomplete &&
		    type_under(u->elem) != ty_invalid && type_size(u->elem) >= (1 << 16))
			error_at(objs[i]->pos, "channel element type too large (>64kB)");
	}
}

static void
check_var_spec(Node *spec, Obj **objs, int n)
{
	Node *tn = spec->u.value.type;
	Type *t = tn ? tc_type(tn) : NULL;
	Type **lt = NEWARR(perm, Type *, n + 1);
	Type **out = NEWARR(perm, Type *, n + 1);
	for (int i = 0; i < n; i++)
		lt[i] = t;
	if (spec->u.value.values.len == 0) {
		for (int i = 0; i < n; i++)
			objs[i]->type = t ? t : ty_invalid;
		check_chan_elem(objs, n);
		return;
	}
	Node **lhs = NEWARR(perm, Node *, n + 1);
	for (int i = 0; i < n; i++) {
		lhs[i] = spec->u.value.names.v[i];
		if (t)
			objs[i]->type = t;
	}
	check_rhs(n, lt, lhs, &spec->u.value.values, "variable declaration", out,
		  spec->u.value.names.v[0]->pos);
	for (int i = 0; i < n; i++)
		objs[i]->type = t ? t : (out[i] ? out[i] : ty_invalid);
	check_chan_elem(objs, n);
}

// mark_lhs_used marks the variables named by the n assignment targets lhs as used.
static void
mark_lhs_used(Node **lhs, int n)
{
	for (int i = 0; i < n; i++) {
		Node *e = unparen(lhs[i]);
		if (e && e->kind == N_IDENT && e->u.ident.obj)
			e->u.ident.obj->flags |= OBJF_USED;
	}
}

// check_rhs checks the right-hand side of an assignment or declaration with nl targets
// of types lt (NULL entries: inferred, returned in out).
static void
check_rhs(int nl, Type **lt, Node **lhs, NodeList *rhs, const char *context, Type **out,
	  Pos errpos)
{
	int nr = rhs->len;
	for (int i = 0; i < nl; i++)
		out[i] = ty_invalid;
	if (nl == nr) {
		// types2: a variable whose initialisation failed counts as used; in assignments
		// and := any failure marks every target used (no follow-on "declared but not
		// used" errors); var declarations check each name on its own.
		bool pervar = strcmp(context, "variable declaration") == 0;
		bool anyfail = false;
		for (int i = 0; i < nr; i++) {
			Operand x;
			tc_rawexpr(&x, rhs->v[i], false);
			Node *call = unparen(rhs->v[i]);
			if (nl == 1 && x.mode == M_VALUE && x.type && x.type->kind == TY_TUPLE &&
			    !x.type->obj && call && call->kind == N_CALL) {
				int nv = x.type->fields.len;
				error_at(expr_startpos(rhs->v[i]),
					 "assignment mismatch: 1 variable but %s returns %d value%s",
					 tc_exprstr(call->u.call.fun), nv, nv == 1 ? "" : "s");
				if (lhs[0] && lhs[0]->kind == N_IDENT && lhs[0]->u.ident.obj)
					lhs[0]->u.ident.obj->flags |= OBJF_USED;
				return;
			}
			if (x.mode == M_NOVALUE || (x.type && x.type->kind == TY_TUPLE) ||
			    x.mode == M_BUILTIN || x.mode == M_TYPE)
				tc_single_value(&x);
			if (lt[i]) {
				Node *st = msgtarget.node;
				bool se = msgtarget.isexpr;
				if (lhs[i])
					set_target(lhs[i], true);
				tc_assign_to(&x, lt[i], context);
				set_target(st, se);
				out[i] = lt[i];
			} else {
				tc_single_value(&x);
				if (x.mode != M_INVALID && x.type == ty_untyped_nil) {
					error_at(xpos(&x), "use of untyped nil in %s", context);
					invalidate(&x);
				}
				tc_default(&x);
				out[i] = x.type;
			}
			if (x.mode == M_INVALID) {
				anyfail = true;
				if (pervar)
					mark_lhs_used(lhs + i, 1);
			}
		}
		if (anyfail && !pervar)
			mark_lhs_used(lhs, nl);
		return;
	}
	// count mismatches and multi-valued right-hand sides: on any error, every target
	// counts as used
	if (nr == 1) {
		Operand x;
		tc_rawexpr(&x, rhs->v[0], false);
		if (x.mode == M_INVALID) {
			mark_lhs_used(lhs, nl);
			return;
		}
		Type *tt = x.type;
		if (tt && tt->kind == TY_TUPLE && !tt->obj && (x.mode == M_VALUE) &&
		    tt->fields.len == nl) {
			for (int i = 0; i < nl; i++) {
				Type *et = tt->fields.v[i].type;
				if (lt[i]) {
					Operand y = {.mode = M_VALUE, .expr = rhs->v[0], .type = et};
					const char *reason;
					if (!tc_assignable(&y, lt[i], &reason)) {
						error_at(xpos(&x), "cannot use %s value as type %s in %s%s%s",
							 type_string(et), type_string(lt[i]), context,
							 reason ? ":\n\t" : "", reason ? reason : "");
						mark_lhs_used(lhs, nl);
					}
					out[i] = lt[i];
				} else {
					out[i] = et;
				}
			}
			return;
		}
		if ((x.mode == M_COMMAOK || x.mode == M_MAPINDEX) && nl == 2) {
			if (lt[0]) {
				tc_assign_to(&x, lt[0], context);
				if (x.mode == M_INVALID)
					mark_lhs_used(lhs, nl);
			} else {
				tc_default(&x);
				out[0] = x.type;
			}
			if (lt[0])
				out[0] = lt[0];
			Operand okop = {.mode = M_VALUE, .type = ty_untyped_bool};
			if (lt[1] && !invalid_type(lt[1]) && !tc_assignable(&okop, lt[1], NULL))
				error_at(lhs[1] ? expr_startpos(lhs[1]) : errpos,
					 "cannot use %s (untyped bool value) as %s value in %s",
					 tc_exprstr(rhs->v[0]), type_string(lt[1]), context);
			out[1] = lt[1] ? lt[1] : ty_bool;
			return;
		}
		mark_lhs_used(lhs, nl);
		Node *call = unparen(rhs->v[0]);
		if (call && call->kind == N_CALL && (x.mode == M_VALUE || x.mode == M_NOVALUE)) {
			int nv = (tt && tt->kind == TY_TUPLE && !tt->obj) ? tt->fields.len :
				 x.mode == M_NOVALUE ? 0 : 1;
			error_at(expr_startpos(rhs->v[0]),
				 "assignment mismatch: %d variable%s but %s returns %d value%s", nl,
				 nl == 1 ? "" : "s", tc_exprstr(call->u.call.fun), nv,
				 nv == 1 ? "" : "s");
			return;
		}
		error_at(expr_startpos(rhs->v[0]), "assignment mismatch: %d variable%s but %d value%s",
			 nl, nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
		return;
	}
	mark_lhs_used(lhs, nl);
	for (int i = 0; i < nr; i++) {
		Operand x;
		tc_rawexpr(&x, rhs->v[i], false);
	}
	if (nr > 0) {
		Node *call = unparen(rhs->v[0]);
		(void)call;
		error_at(nr ? expr_startpos(rhs->v[0]) : errpos,
			 "assignment mismatch: %d variable%s but %d value%s", nl, nl == 1 ? "" : "s",
			 nr, nr == 1 ? "" : "s");
	}
}

// ---- functions ----

static const char *
link_prefix(void)
{
	return tc_pkg->path ? tc_pkg->path : "main";
}

static Obj *
new_param(FuncInfo *fi, Sym *name, Pos pos, Type *t, uint32_t flags, int index)
{
	Obj *o = obj_new(OBJ_VAR, name, pos);
	o->type = t;
	o->flags = flags;
	o->func = fi;
	o->outer = fi->obj;
	o->index = index;
	o->pkg = tc_pkg;
	return o;
}

// make_funcinfo creates the FuncInfo of a declaration or literal with signature sig and
// its parameter/result objects.
static FuncInfo *
make_funcinfo(Node *decl, Node *ft, Type *sig, Obj *fobj)
{
	FuncInfo *fi = NEW(perm, FuncInfo);
	fi->obj = fobj;
	fi->decl = decl;
	fi->type = sig;
	if (!ft || ft->kind != N_FUNCTYPE)
		return fi;
	int idx = 0;
	for (int i = 0; i < ft->u.functype.params.len; i++) {
		Node *f = ft->u.functype.params.v[i];
		if (!f || f->kind != N_FIELD)
			continue;
		Type *t = f->u.field.type ? f->u.field.type->type : ty_invalid;
		if (!t)
			t = ty_invalid;
		if (f->u.field.names.len == 0) {
			Obj *o = new_param(fi, sym_cstr("_"), f->pos, t, OBJF_PARAM, idx++);
			vec_push(perm, fi->params, o);
		}
		for (int k = 0; k < f->u.field.names.len; k++) {
			Node *nm = f->u.field.names.v[k];
			Obj *o = new_param(fi, nm->u.ident.name, nm->pos, t, OBJF_PARAM, idx++);
			o->decl = f;
			nm->u.ident.obj = o;
			vec_push(perm, fi->params, o);
		}
	}
	idx = 0;
	for (int i = 0; i < ft->u.functype.results.len; i++) {
		Node *f = ft->u.functype.results.v[i];
		if (!f || f->kind != N_FIELD)
			continue;
		Type *t = f->u.field.type ? f->u.field.type->type : ty_invalid;
		if (!t)
			t = ty_invalid;
		if (f->u.field.names.len == 0) {
			Obj *o = new_param(fi, sym_cstr(arena_sprintf(perm, "~r%d", idx)), f->pos, t,
					   OBJF_RESULT, idx);
			idx++;
			vec_push(perm, fi->results, o);
		}
		for (int k = 0; k < f->u.field.names.len; k++) {
			Node *nm = f->u.field.names.v[k];
			Obj *o = new_param(fi, nm->u.ident.name, nm->pos, t, OBJF_RESULT, idx++);
			o->decl = f;
			nm->u.ident.obj = o;
			vec_push(perm, fi->results, o);
		}
	}
	return fi;
}

static void check_body(FuncInfo *fi, Node *body, FuncCtx *outer);

// ---- package-level declarations ----

// Type names whose declarations are being checked, innermost last: a reference to an
// alias on this stack closes a cycle, invalid when only aliases take part (types2's
// validCycle: a cycle needs a defined type to be permitted).
static ObjPath typedecl_stack;

// alias_cycle reports whether the alias o is referred to from its own declaration,
// reporting the cycle if it consists of aliases only.
static bool
alias_cycle(Obj *o)
{
	for (int i = 0; i < typedecl_stack.len; i++) {
		if (typedecl_stack.v[i] != o)
			continue;
		for (int k = i; k < typedecl_stack.len; k++) {
			Node *d = typedecl_stack.v[k]->decl;
			if (!d || d->kind != N_TYPESPEC || !d->u.typespec.alias)
				return false;
		}
		report_type_cycle(typedecl_stack.v + i, typedecl_stack.len - i);
		return true;
	}
	return false;
}

static void
check_type_decl(Obj *o)
{
	Node *spec = o->decl;
	if (spec->u.typespec.tparams.len > 0)
		error_at(o->pos, "generic type %s not supported", o->name->name);
	if (spec->u.typespec.alias) {
		vec_push(perm, typedecl_stack, o);
		Type *t = tc_type(spec->u.typespec.type);
		typedecl_stack.len--;
		if (!o->type)
			o->type = t;
		return;
	}
	Type *t = o->type;
	vec_push(perm, typedecl_stack, o);
	Type *u = tc_type(spec->u.typespec.type);
	typedecl_stack.len--;
	if (u && u != t && u->incomplete && u->obj && is_pkg_level(u->obj)) {
		// type T2 T1 while T1 is being defined: T2's underlying type is T1's, known
		// once T1 is complete
		DeferredUnder d = {t, u, o};
		vec_push(perm, deferred, d);
		return;
	}
	if (u == t || (u && u->incomplete && u->obj)) {
		// type T T, or a cycle of names through other declarations
		if (t->incomplete) {
			error_at(o->pos, "invalid recursive type %s\n\t%s: %s refers to\n\t%s: %s",
				 o->name->name, pos_string(o->pos), o->name->name, pos_string(o->pos),
				 o->name->name);
			type_set_underlying(t, ty_invalid);
			return;
		}
	}
	type_set_underlying(t, u);
	valid_type(t);
}

static void
check_func_sig(Obj *o)
{
	Node *d = o->decl;
	Type *recvt = NULL;
	Node *recv = d->u.funcdecl.recv;
	if (recv && recv->kind == N_FIELD) {
		recvt = tc_type(recv->u.field.type);
		Type *base = recvt;
		if (base && !base->obj && base->kind == TY_POINTER)
			base = base->elem;
		// types2 reports at the receiver variable: its name, else its type
		Pos rpos = recv->u.field.names.len ? recv->u.field.names.v[0]->pos :
						     expr_startpos(recv->u.field.type);
		if (!invalid_type(base) && !base->obj) {
			error_at(rpos, "invalid receiver type %s", type_string(recvt));
		} else if (!invalid_type(base) && base->obj->pkg != tc_pkg) {
			error_at(rpos, "cannot define new methods on non-local type %s",
				 type_string(recvt));
		} else if (base && base->obj && type_under(base)->kind == TY_UNSAFEPTR) {
			error_at(rpos, "invalid receiver type %s (unsafe.Pointer)", type_string(base));
		} else if (base && base->obj &&
			   (type_under(base)->kind == TY_POINTER || type_under(base)->kind == TY_INTERFACE)) {
			error_at(rpos, "invalid receiver type %s (pointer or interface type)",
				 type_string(base));
		}
		o->recv = recvt;
	}
	if (d->u.funcdecl.tparams.len > 0)
		error_at(o->pos, "generic function %s not supported", o->name->name);
	Type *sig = func_sig(d->u.funcdecl.type, recvt);
	o->type = sig;
	FuncInfo *fi = make_funcinfo(d, d->u.funcdecl.type, sig, o);
	o->func = fi;
	d->u.funcdecl.info = fi;
	if (recv && recv->kind == N_FIELD) {
		Sym *rn = recv->u.field.names.len ? recv->u.field.names.v[0]->u.ident.name :
						    sym_cstr("_");
		Pos rp = recv->u.field.names.len ? recv->u.field.names.v[0]->pos : recv->pos;
		fi->recv = new_param(fi, rn, rp, recvt ? recvt : ty_invalid, OBJF_PARAM | OBJF_RECV, -1);
		fi->recv->decl = recv;
		if (recv->u.field.names.len)
			recv->u.field.names.v[0]->u.ident.obj = fi->recv;
		Type *base = recvt && !recvt->obj && recvt->kind == TY_POINTER ? recvt->elem : recvt;
		const char *bn = base && base->obj ? base->obj->name->name : "?";
		if (recvt && !recvt->obj && recvt->kind == TY_POINTER)
			fi->name = arena_sprintf(perm, "%s.(*%s).%s", link_prefix(), bn, o->name->name);
		else
			fi->name = arena_sprintf(perm, "%s.%s.%s", link_prefix(), bn, o->name->name);
	} else if (o->name == sym_cstr("init") && !recv) {
		fi->name = arena_sprintf(perm, "%s.init.%d", link_prefix(), tc.ninits++);
	} else {
		fi->name = arena_sprintf(perm, "%s.%s", link_prefix(), o->name->name);
	}
	if (!d->u.funcdecl.body)
		o->flags |= OBJF_EXTERN;
}

static void
check_pkg_obj(Obj *o)
{
	PkgDecl *pd = &decls.v[o->index];
	if (pd->color != WHITE)
		return;
	pd->color = GREY;
	Scope *ss = tc.scope, *sfs = tc.filescope;
	FuncCtx *sfn = tc.fn;
	StmtCtx *sst = tc.stmt;
	int siota = tc.iota;
	Obj *scur = initorder_current();
	tc.scope = pd->filescope;
	tc.filescope = pd->filescope;
	tc.fn = NULL;
	tc.stmt = NULL;
	tc.iota = -1;
	switch (o->kind) {
	case OBJ_CONST: {
		Node *spec = o->decl;
		int i = 0;
		for (; i < spec->u.value.names.len; i++)
			if (spec->u.value.names.v[i]->u.ident.obj == o)
				break;
		initorder_set_current(o);
		check_const(o, spec, i);
		break;
	}
	case OBJ_VAR: {
		Node *spec = o->decl;
		int n = spec->u.value.names.len;
		Obj **objs = NEWARR(perm, Obj *, n + 1);
		for (int i = 0; i < n; i++) {
			objs[i] = spec->u.value.names.v[i]->u.ident.obj;
			if (!objs[i])
				objs[i] = obj_new(OBJ_VAR, sym_cstr("_"), spec->pos);
		}
		for (int i = 0; i < n; i++)
			if (is_pkg_level(objs[i]))
				decls.v[objs[i]->index].color = GREY;
		initorder_set_current(objs[0]);
		check_var_spec(spec, objs, n);
		for (int i = 0; i < n; i++)
			if (is_pkg_level(objs[i]))
				decls.v[objs[i]->index].color = BLACK;
		break;
	}
	case OBJ_TYPE:
		initorder_set_current(NULL);
		check_type_decl(o);
		break;
	case OBJ_FUNC:
		initorder_set_current(NULL);
		check_func_sig(o);
		break;
	default:
		break;
	}
	pd->color = BLACK;
	tc.scope = ss;
	tc.filescope = sfs;
	tc.fn = sfn;
	tc.stmt = sst;
	tc.iota = siota;
	initorder_set_current(scur);
}

static int
add_decl(Obj *o, Scope *fs)
{
	PkgDecl pd = {o, fs, WHITE, NULL};
	o->index = decls.len;
	o->pkg = tc_pkg;
	vec_push(perm, decls, pd);
	return o->index;
}

// ---- identifiers ----

static void
note_capture(Obj *o)
{
	if (!tc.fn || !o->func || o->func == tc.fn->info)
		return;
	for (FuncCtx *f = tc.fn; f && f->info != o->func; f = f->outer) {
		bool have = false;
		for (int i = 0; i < f->info->captures.len; i++)
			if (f->info->captures.v[i] == o)
				have = true;
		if (!have)
			vec_push(perm, f->info->captures, o);
	}
	o->flags |= OBJF_CAPTURED;
}

static void
obj_operand(Operand *x, Obj *o, Node *n)
{
	switch (o->kind) {
	case OBJ_VAR:
		ensure(o);
		if (is_pkg_level(o) && decls.v[o->index].color == GREY && !o->type) {
			// a reference to a variable from its own initialiser: initorder.c
			// reports the loop
			initorder_note_ref(initorder_current(), o);
			invalidate(x);
			return;
		}
		note_capture(o);
		if (o->flags & OBJF_GLOBAL)
			initorder_note_ref(initorder_current(), o);
		x->mode = M_VAR;
		x->type = o->type ? o->type : ty_invalid;
		if (invalid_type(x->type) && x->type == ty_invalid)
			x->mode = M_INVALID;
		return;
	case OBJ_CONST:
		ensure(o);
		if (is_pkg_level(o))
			initorder_note_ref(initorder_current(), o); // a cycle is reported there
		if (o == obj_iota) {
			if (tc.iota < 0) {
				error_at(expr_startpos(n), "cannot use iota outside constant declaration");
				invalidate(x);
				return;
			}
			x->mode = M_CONST;
			x->type = ty_untyped_int;
			x->val = const_make_int64(tc.iota);
			return;
		}
		if (!o->type || o->type == ty_invalid || !o->cval) {
			invalidate(x);
			return;
		}
		x->mode = M_CONST;
		x->type = o->type;
		x->val = o->cval;
		return;
	case OBJ_TYPE:
		ensure(o);
		if (!o->type && o->decl && o->decl->kind == N_TYPESPEC && o->decl->u.typespec.alias &&
		    alias_cycle(o)) {
			o->type = ty_invalid;
			invalidate(x);
			return;
		}
		if (o->name == sym_cstr("comparable") && !o->pkg && o->type == ty_invalid) {
			error_at(expr_startpos(n), "cannot use type comparable outside a type constraint: interface is (or embeds) comparable");
			invalidate(x);
			return;
		}
		x->mode = M_TYPE;
		x->type = o->type ? o->type : ty_invalid;
		return;
	case OBJ_FUNC:
		ensure(o);
		initorder_note_ref(initorder_current(), o);
		x->mode = M_VALUE;
		x->type = o->type ? o->type : ty_invalid;
		if (x->type == ty_invalid)
			x->mode = M_INVALID;
		return;
	case OBJ_BUILTIN:
		x->mode = M_BUILTIN;
		x->id = o->builtin;
		x->type = ty_invalid;
		return;
	case OBJ_NIL:
		x->mode = M_VALUE;
		x->type = ty_untyped_nil;
		return;
	case OBJ_PKG:
		error_at(expr_startpos(n), "use of package %s without selector", o->name->name);
		invalidate(x);
		return;
	default:
		invalidate(x);
		return;
	}
}

static void
ident(Operand *x, Node *n)
{
	Sym *s = n->u.ident.name;
	if (is_blank(s)) {
		error_at(n->pos, "cannot use _ as value");
		invalidate(x);
		return;
	}
	Obj *o = scope_lookup(tc.scope, s);
	if (!o) {
		error_at(n->pos, "undefined: %s", sname(s));
		invalidate(x);
		return;
	}
	n->u.ident.obj = o;
	o->flags |= OBJF_USED;
	obj_operand(x, o, n);
}

// ---- selectors ----

static Sym *
case_fold_match(Type *t, Sym *name)
{
	Type *u = type_under(t && !t->obj && t->kind == TY_POINTER ? t->elem : t);
	Type *nt = t && !t->obj && t->kind == TY_POINTER ? t->elem : t;
	if (nt && nt->obj)
		for (int i = 0; i < nt->methods.len; i++)
			if (strcasecmp(nt->methods.v[i]->name->name, name->name) == 0)
				return nt->methods.v[i]->name;
	if (u && (u->kind == TY_STRUCT || u->kind == TY_INTERFACE))
		for (int i = 0; i < u->fields.len; i++)
			if (u->fields.v[i].name && strcasecmp(u->fields.v[i].name->name, name->name) == 0)
				return u->fields.v[i].name;
	return NULL;
}

static void
set_path(Selection *sel, Lookup *r)
{
	sel->npath = r->npath;
	sel->path = NEWARR(perm, int, r->npath + 1);
	memcpy(sel->path, r->path, sizeof(int) * (size_t)r->npath);
}

static void
selector(Operand *x, Node *n)
{
	Selection *sel = &n->u.sel.sel;
	Node *xe = n->u.sel.x;
	Sym *name = n->u.sel.name;
	Node *xu = unparen(xe);
	if (xu && xu->kind == N_IDENT) {
		Obj *po = scope_lookup(tc.scope, xu->u.ident.name);
		if (po && po->kind == OBJ_PKG) {
			po->flags |= OBJF_USED;
			xu->u.ident.obj = po;
			xu->type = ty_invalid;
			Package *p = po->path && strcmp(po->path, "unsafe") == 0 ? pkg_unsafe : std_import(po->path);
			Obj *m = p && p->scope ? scope_lookup_local(p->scope, name) : NULL;
			if (!m || (m->name->name[0] < 'A' || m->name->name[0] > 'Z')) {
				if (m)
					error_at(n->u.sel.namepos, "%s not exported by package %s",
						 name->name, po->name->name);
				else
					error_at(n->u.sel.namepos, "undefined: %s.%s", po->name->name,
						 sname(name));
				invalidate(x);
				return;
			}
			sel->kind = SEL_QUALIFIED;
			sel->obj = m;
			m->flags |= OBJF_USED;
			obj_operand(x, m, n);
			return;
		}
	}
	Operand y;
	tc_rawexpr(&y, xe, true);
	if (y.mode == M_INVALID) {
		invalidate(x);
		return;
	}
	if (y.mode == M_TYPE) {
		// method expression T.M
		Type *t = y.type;
		Lookup r;
		if (!lookup(t, name, &r) || r.isfield) {
			if (!t->obj && t->kind == TY_POINTER && t->elem && type_is_interface(t->elem))
				error_at(n->u.sel.namepos,
					 "%s.%s undefined (type %s is pointer to interface, not interface)",
					 tc_exprstr(xe), sname(name), type_string(t));
			else
				error_at(n->u.sel.namepos, "%s.%s undefined (type %s has no method %s)",
					 tc_exprstr(xe), sname(name), type_string(t), sname(name));
			invalidate(x);
			return;
		}
		Obj *m = r.obj;
		ensure(m);
		if (r.imethod < 0 && ptr_recv(m) && !(t->kind == TY_POINTER && !t->obj) && !r.indirect) {
			error_at(n->u.sel.namepos, "cannot call pointer method %s on %s", name->name,
				 type_string(t));
			invalidate(x);
			return;
		}
		Type *mt = m->type ? m->type : ty_invalid;
		if (mt->kind != TY_FUNC) {
			invalidate(x);
			return;
		}
		VEC(Field) ps = {0};
		Field rf = {.type = t};
		vec_push(perm, ps, rf);
		for (int i = 0; i < mt->fields.len; i++)
			vec_push(perm, ps, mt->fields.v[i]);
		sel->kind = SEL_METHODEXPR;
		sel->obj = m;
		sel->index = r.imethod;
		set_path(sel, &r);
		sel->indirect = r.indirect;
		x->mode = M_VALUE;
		x->type = type_func(ps.v, ps.len, mt->results.v, mt->results.len, mt->variadic);
		initorder_note_ref(initorder_current(), m);
		return;
	}
	tc_single_value(&y);
	if (y.mode == M_INVALID) {
		invalidate(x);
		return;
	}
	if (type_is_untyped(y.type))
		tc_default(&y);
	Type *t = y.type;
	Lookup r;
	if (!lookup(t, name, &r)) {
		if (r.ambiguous)
			error_at(n->u.sel.namepos, "ambiguous selector %s.%s", tc_exprstr(xe),
				 sname(name));
		else if (t->kind == TY_POINTER && !t->obj && t->elem && type_is_interface(t->elem) &&
			 !is_blank(name))
			error_at(n->u.sel.namepos,
				 "%s.%s undefined (type %s is pointer to interface, not interface)",
				 tc_exprstr(xe), sname(name), type_string(t));
		else {
			Sym *alt = is_blank(name) ? NULL : case_fold_match(t, name);
			if (alt)
				error_at(n->u.sel.namepos,
					 "%s.%s undefined (type %s has no field or method %s, but does have %s)",
					 tc_exprstr(xe), sname(name), type_string(t), sname(name), alt->name);
			else
				error_at(n->u.sel.namepos, "%s.%s undefined (type %s has no field or method %s)",
					 tc_exprstr(xe), sname(name), type_string(t), sname(name));
		}
		invalidate(x);
		return;
	}
	bool xptr = type_under(t)->kind == TY_POINTER;
	if (r.isfield) {
		sel->kind = SEL_FIELD;
		sel->obj = r.obj;
		set_path(sel, &r);
		sel->indirect = r.indirect || xptr;
		x->mode = (y.mode == M_VAR || sel->indirect) ? M_VAR : M_VALUE;
		x->type = r.obj && r.obj->type ? r.obj->type : ty_invalid;
		return;
	}
	Obj *m = r.obj;
	ensure(m);
	set_path(sel, &r);
	sel->obj = m;
	sel->indirect = r.indirect || (xptr && r.npath > 0);
	if (r.imethod >= 0) {
		sel->kind = SEL_IMETHOD;
		sel->index = r.imethod;
		// the index in the interface that holds it (embedded interfaces are flattened)
		x->mode = M_VALUE;
		x->type = m && m->type ? m->type : ty_invalid;
		return;
	}
	sel->kind = SEL_METHOD;
	initorder_note_ref(initorder_current(), m);
	if (ptr_recv(m)) {
		bool haveptr = r.indirect || (xptr && r.npath == 0) ||
			       (r.npath > 0 && xptr);
		if (!haveptr) {
			if (y.mode == M_VAR) {
				sel->addr = true;
				tc_addressable_mark(xe);
			} else {
				error_at(expr_startpos(n), "cannot call pointer method %s on %s",
					 name->name, type_string(t));
				invalidate(x);
				return;
			}
		}
	} else {
		if (xptr && r.npath == 0)
			sel->deref = true;
		else if (r.indirect)
			sel->deref = true;
	}
	x->mode = M_VALUE;
	x->type = m && m->type ? m->type : ty_invalid;
}

// tc_addressable_mark marks the variable at the root of the addressable expression n as
// address-taken (and reassigned, for closure capture). Returns false if n has no root.
bool
tc_addressable_mark(Node *n)
{
	n = unparen(n);
	if (!n)
		return false;
	switch (n->kind) {
	case N_IDENT:
		if (n->u.ident.obj && n->u.ident.obj->kind == OBJ_VAR) {
			n->u.ident.obj->flags |= OBJF_ADDRTAKEN | OBJF_REASSIGNED;
			return true;
		}
		return false;
	case N_SELECTOR:
		if (n->u.sel.sel.kind == SEL_FIELD && !n->u.sel.sel.indirect)
			return tc_addressable_mark(n->u.sel.x);
		return false;
	case N_INDEX:
		if (n->u.index.x && n->u.index.x->type &&
		    type_under(n->u.index.x->type)->kind == TY_ARRAY)
			return tc_addressable_mark(n->u.index.x);
		return false;
	default:
		return false;
	}
}

// ---- index and slice expressions ----

// check_index checks an index expression against length len (-1: unknown), as types2's
// index and isValidIndex do; returns the constant index, -1 after an error, -2 for a
// valid non-constant index.
static int64_t
check_index(Node *e, int64_t len, bool allowmax)
{
	Operand x;
	tc_expr(&x, e);
	if (x.mode == M_INVALID)
		return -1;
	// "a constant index that is untyped is given type int"
	if (type_is_untyped(x.type) && x.mode == M_CONST && x.val) {
		ConstVal *iv = const_to_kind(x.val, CK_INT);
		if (x.val->kind == CK_STRING || x.val->kind == CK_BOOL) {
			error_at(xpos(&x), "cannot convert %s to int", opstr(&x));
			return -1;
		}
		if (!iv || !const_is_int_value(x.val)) {
			error_at(xpos(&x), "%s truncated to int", opstr(&x));
			return -1;
		}
		if (!const_fits_int64(iv)) {
			error_at(xpos(&x), "%s overflows int", opstr(&x));
			return -1;
		}
		tc_convert_untyped(&x, ty_int);
	} else if (type_is_untyped(x.type)) {
		tc_convert_untyped(&x, ty_int);
	}
	if (x.mode == M_INVALID)
		return -1;
	if (!type_is_integer(x.type)) {
		error_at(xpos(&x), "invalid argument: index %s must be integer", opstr(&x));
		return -1;
	}
	if (x.mode == M_CONST && x.val) {
		if (const_sign(x.val) < 0) {
			error_at(xpos(&x), "invalid argument: index %s must not be negative", opstr(&x));
			return -1;
		}
		if (!const_fits_int64(x.val)) {
			error_at(xpos(&x), "invalid argument: index %s overflows int", opstr(&x));
			return -1;
		}
		int64_t v = const_int64(x.val);
		if (len >= 0 && (allowmax ? v > len : v >= len)) {
			error_at(xpos(&x), "invalid argument: index %s out of bounds [0:%lld]",
				 const_text(x.val), (long long)(allowmax ? len + 1 : len));
			return -1;
		}
		return v;
	}
	return -2;
}

static void
index_expr(Operand *x, Node *n)
{
	Operand y;
	tc_rawexpr(&y, n->u.index.x, true);
	if (y.mode == M_INVALID) {
		for (int i = 0; i < n->u.index.index.len; i++) {
			Operand z;
			tc_rawexpr(&z, n->u.index.index.v[i], true);
		}
		invalidate(x);
		return;
	}
	if (y.mode == M_TYPE) {
		error_at(expr_startpos(n), "%s is not a generic type", type_string(y.type));
		invalidate(x);
		return;
	}
	tc_single_value(&y);
	if (y.mode == M_INVALID) {
		invalidate(x);
		return;
	}
	if (n->u.index.index.len != 1) {
		error_at(expr_startpos(n), "unexpected comma; expecting ]");
		invalidate(x);
		return;
	}
	Node *ie = n->u.index.index.v[0];
	Type *u = type_under(y.type);
	int64_t len = -1;
	switch (u->kind) {
	case TY_STRING:
	case TY_UNTYPED_STRING:
		if (y.mode == M_CONST && y.val)
			len = y.val->slen;
		check_index(ie, len, false);
		if (type_is_untyped(y.type))
			tc_default(&y);
		x->mode = M_VALUE;
		x->type = ty_uint8;
		return;
	case TY_ARRAY:
		check_index(ie, u->len, false);
		x->mode = y.mode == M_VAR ? M_VAR : M_VALUE;
		x->type = u->elem;
		return;
	case TY_POINTER:
		if (type_under(u->elem)->kind == TY_ARRAY) {
			check_index(ie, type_under(u->elem)->len, false);
			x->mode = M_VAR;
			x->type = type_under(u->elem)->elem;
			return;
		}
		break;
	case TY_SLICE:
		check_index(ie, -1, false);
		x->mode = M_VAR;
		x->type = u->elem;
		return;
	case TY_MAP: {
		Operand k;
		tc_expr(&k, ie);
		tc_assign_to(&k, u->key, "map index");
		x->mode = M_MAPINDEX;
		x->type = u->elem;
		return;
	}
	default:
		break;
	}
	Operand z;
	tc_rawexpr(&z, ie, true);
	error_at(xpos(&y), "invalid operation: cannot index %s", opstr(&y));
	invalidate(x);
}

static void
slice_expr(Operand *x, Node *n)
{
	Operand y;
	tc_expr(&y, n->u.slice.x);
	Node *parts[3] = {n->u.slice.lo, n->u.slice.hi, n->u.slice.max};
	if (y.mode == M_INVALID) {
		for (int i = 0; i < 3; i++)
			if (parts[i]) {
				Operand z;
				tc_expr(&z, parts[i]);
			}
		invalidate(x);
		return;
	}
	Type *u = type_under(y.type);
	int64_t len = -1;
	switch (u->kind) {
	case TY_STRING:
	case TY_UNTYPED_STRING:
		if (n->u.slice.three) {
			error_at(expr_startpos(n), "invalid operation: 3-index slice of string");
			invalidate(x);
			return;
		}
		if (y.mode == M_CONST && y.val)
			len = y.val->slen;
		if (type_is_untyped(y.type))
			tc_default(&y);
		x->mode = M_VALUE;
		x->type = y.type;
		break;
	case TY_ARRAY:
		if (y.mode != M_VAR) {
			error_at(expr_startpos(n), "invalid operation: %s (slice of unaddressable value)",
				 tc_exprstr(n));
			invalidate(x);
			return;
		}
		tc_addressable_mark(n->u.slice.x);
		len = u->len;
		x->mode = M_VALUE;
		x->type = type_slice(u->elem);
		break;
	case TY_POINTER:
		if (type_under(u->elem)->kind == TY_ARRAY) {
			len = type_under(u->elem)->len;
			x->mode = M_VALUE;
			x->type = type_slice(type_under(u->elem)->elem);
			break;
		}
		goto bad;
	case TY_SLICE:
		x->mode = M_VALUE;
		x->type = y.type;
		break;
	default:
	bad:
		error_at(xpos(&y), "cannot slice %s", opstr(&y));
		invalidate(x);
		return;
	}
	int64_t vals[3] = {-1, -1, -1};
	for (int i = 0; i < 3; i++)
		if (parts[i])
			vals[i] = check_index(parts[i], len, true);
	// constant indices must be non-decreasing
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j]) {
				error_at(expr_startpos(parts[j]), "invalid slice indices: %lld < %lld",
					 (long long)vals[j], (long long)vals[i]);
				return;
			}
}

// ---- operators ----

static bool
op_allowed(AstOp op, Type *t)
{
	switch (op) {
	case AOP_ADD:
		return type_is_numeric(t) || type_is_string(t);
	case AOP_SUB:
	case AOP_MUL:
	case AOP_DIV:
		return type_is_numeric(t);
	case AOP_REM:
	case AOP_AND:
	case AOP_OR:
	case AOP_XOR:
	case AOP_ANDNOT:
		return type_is_integer(t);
	case AOP_LAND:
	case AOP_LOR:
	case AOP_NOT:
		return type_is_boolean(t);
	default:
		return false;
	}
}

// overflow checks a typed constant result against its type.
static const char *
op_name(Node *n)
{
	n = unparen(n);
	if (!n)
		return "";
	if (n->kind == N_BINARY) {
		switch (n->u.binary.op) {
		case AOP_ADD: return "addition ";
		case AOP_SUB: return "subtraction ";
		case AOP_XOR: return "bitwise XOR ";
		case AOP_MUL: return "multiplication ";
		case AOP_SHL: return "shift ";
		default: return "";
		}
	}
	if (n->kind == N_UNARY && n->u.unary.op == AOP_SUB)
		return "negation ";
	return "";
}

static void
overflow(Operand *x)
{
	if (x->mode == M_CONST && x->val && type_is_untyped(x->type)) {
		// untyped values must not grow arbitrarily (types2 allows 512 bits)
		if (const_too_big(x->val)) {
			Node *e = unparen(x->expr);
			error_at(e ? e->pos : xpos(x), "constant %soverflow", op_name(x->expr));
			invalidate(x);
		}
		return;
	}
	if (x->mode != M_CONST || !x->val || type_is_untyped(x->type) || invalid_type(x->type))
		return;
	ConstVal *out;
	ConstFit fit = const_represent(x->val, x->type, &out);
	if (fit == FIT_OK) {
		x->val = out;
		return;
	}
	if (fit == FIT_TRUNCATED)
		error_at(xpos(x), "%s truncated to %s", opstr(x), type_string(x->type));
	else
		error_at(xpos(x), "%s overflows %s", opstr(x), type_string(x->type));
	invalidate(x);
}

static void
unary(Operand *x, Node *n)
{
	AstOp op = n->u.unary.op;
	Node *e = n->u.unary.x;
	if (op == AOP_ADDR) {
		Node *eu = unparen(e);
		if (eu && eu->kind == N_COMPOSITE) {
			tc_expr(x, e);
			if (x->mode == M_INVALID)
				return;
			x->mode = M_VALUE;
			x->type = type_pointer(x->type);
			return;
		}
		tc_rawexpr(x, e, false);
		if (x->mode == M_INVALID)
			return;
		if (x->mode == M_NOVALUE || x->mode == M_TYPE) {
			tc_single_value(x);
			return;
		}
		if (x->mode != M_VAR) {
			error_at(xpos(x), "invalid operation: cannot take address of %s", opstr(x));
			invalidate(x);
			return;
		}
		tc_addressable_mark(e);
		x->mode = M_VALUE;
		x->type = type_pointer(x->type);
		return;
	}
	tc_expr(x, e);
	if (x->mode == M_INVALID)
		return;
	if (op == AOP_RECV) {
		Type *u = type_under(x->type);
		if (u->kind != TY_CHAN) {
			error_at(xpos(x), "invalid operation: cannot receive from non-channel %s",
				 opstr(x));
			invalidate(x);
			return;
		}
		if (u->dir == CHAN_SEND) {
			error_at(xpos(x), "invalid operation: cannot receive from send-only channel %s",
				 opstr(x));
			invalidate(x);
			return;
		}
		x->mode = M_COMMAOK;
		x->type = u->elem;
		return;
	}
	if (op == AOP_XOR && !type_is_integer(x->type)) {
		error_at(xpos(x), "invalid operation: operator ^ not defined on %s", opstr(x));
		invalidate(x);
		return;
	}
	if (op != AOP_XOR && !op_allowed(op == AOP_NOT ? AOP_NOT : AOP_SUB, x->type)) {
		error_at(xpos(x), "invalid operation: operator %s not defined on %s",
			 aop_string[op], opstr(x));
		invalidate(x);
		return;
	}
	if (x->mode == M_CONST && x->val) {
		x->val = const_unary(op, x->val, type_is_untyped(x->type) ? NULL : x->type);
		x->expr = n;
		overflow(x);
		return;
	}
	x->mode = M_VALUE;
}

static bool
has_nil(Type *t)
{
	switch (type_under(t)->kind) {
	case TY_POINTER: case TY_UNSAFEPTR: case TY_SLICE: case TY_MAP: case TY_CHAN:
	case TY_FUNC: case TY_INTERFACE: case TY_UNTYPED_NIL:
		return true;
	default:
		return false;
	}
}

static bool
may_convert(Operand *x, Operand *y)
{
	if (!type_is_untyped(x->type) && !type_is_untyped(y->type))
		return false;
	if (x->type == ty_untyped_nil)
		return has_nil(y->type);
	if (y->type == ty_untyped_nil)
		return has_nil(x->type);
	if (type_is_interface(x->type) || type_is_interface(y->type))
		return true;
	if (type_is_boolean(x->type) != type_is_boolean(y->type))
		return false;
	if (type_is_string(x->type) != type_is_string(y->type))
		return false;
	if (type_is_numeric(x->type) != type_is_numeric(y->type))
		return false;
	return true;
}

static int
untyped_rank(Type *t)
{
	switch (t->kind) {
	case TY_UNTYPED_INT: return 1;
	case TY_UNTYPED_RUNE: return 2;
	case TY_UNTYPED_FLOAT: return 3;
	case TY_UNTYPED_COMPLEX: return 4;
	default: return 0;
	}
}

// match_types converts untyped operands of a binary operation towards each other.
static bool
match_types(Operand *x, Operand *y)
{
	if (!may_convert(x, y))
		return true;
	if (type_is_untyped(x->type) && type_is_untyped(y->type)) {
		if (type_is_numeric(x->type) && type_is_numeric(y->type)) {
			Type *t = untyped_rank(x->type) >= untyped_rank(y->type) ? x->type : y->type;
			tc_convert_untyped(x, t);
			tc_convert_untyped(y, t);
		}
		return x->mode != M_INVALID && y->mode != M_INVALID;
	}
	if (type_is_untyped(x->type)) {
		if (type_is_interface(y->type) && x->type != ty_untyped_nil)
			tc_default(x);
		else
			tc_convert_untyped(x, y->type);
	}
	if (x->mode == M_INVALID)
		return false;
	if (type_is_untyped(y->type)) {
		if (type_is_interface(x->type) && y->type != ty_untyped_nil)
			tc_default(y);
		else
			tc_convert_untyped(y, x->type);
	}
	return y->mode != M_INVALID;
}

// kind_string: types2's kindString, the kind of composite types and basic types by name.
static const char *
kind_string(Type *t)
{
	switch (type_under(t)->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_FUNC: return "func";
	case TY_INTERFACE: return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return type_string(t);
	}
}

// incomparable_reason: types2's incomparableCause.
static const char *
incomparable_reason(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_SLICE: case TY_MAP: case TY_FUNC:
		return arena_sprintf(perm, "%s can only be compared to nil", kind_string(t));
	case TY_STRUCT:
		for (int i = 0; i < u->fields.len; i++)
			if (!type_is_comparable(u->fields.v[i].type))
				return arena_sprintf(perm, "struct containing %s cannot be compared",
						     type_string(u->fields.v[i].type));
		break;
	default:
		break;
	}
	return arena_sprintf(perm, "%s cannot be compared", type_string(u));
}

static bool
is_nil_expr(Node *n)
{
	n = unparen(n);
	return n && n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL;
}

static void
comparison(Operand *x, Operand *y, Node *n)
{
	AstOp op = n->u.binary.op;
	const char *err = NULL;
	bool xisnil = is_nil_expr(n->u.binary.x), yisnil = is_nil_expr(n->u.binary.y);
	bool okassign = tc_assignable(x, y->type, NULL) || tc_assignable(y, x->type, NULL);
	if (!okassign) {
		error_at(expr_startpos(n->u.binary.y), "invalid operation: %s (mismatched types %s and %s)",
			 tc_exprstr(n), type_string(x->type), type_string(y->type));
		invalidate(x);
		return;
	}
	Node *errop = n->u.binary.x; // types2 reports at the offending operand
	if (op == AOP_EQ || op == AOP_NE) {
		bool xnil = x->type == ty_untyped_nil || xisnil, ynil = y->type == ty_untyped_nil || yisnil;
		if (xnil && ynil) {
			err = "operator == not defined on untyped nil";
			errop = n->u.binary.y;
		} else if (xnil || ynil) {
			Type *o = xnil ? y->type : x->type;
			if (!has_nil(o))
				err = arena_sprintf(perm, "mismatched types %s and untyped nil", type_string(o));
		} else if (!type_is_comparable(x->type)) {
			err = incomparable_reason(x->type);
		} else if (!type_is_comparable(y->type)) {
			err = incomparable_reason(y->type);
			errop = n->u.binary.y;
		}
		if (err && strncmp(err, "operator ==", 11) == 0 && op == AOP_NE)
			err = "operator != not defined on untyped nil";
	} else {
		if (!type_is_ordered(x->type)) {
			err = arena_sprintf(perm, "operator %s not defined on %s", aop_string[op],
					    kind_string(x->type));
		} else if (!type_is_ordered(y->type)) {
			err = arena_sprintf(perm, "operator %s not defined on %s", aop_string[op],
					    kind_string(y->type));
			errop = n->u.binary.y;
		}
	}
	if (err) {
		error_at(expr_startpos(errop), "invalid operation: %s (%s)", tc_exprstr(n), err);
		invalidate(x);
		return;
	}
	bool isconst = x->mode == M_CONST && y->mode == M_CONST && x->val && y->val;
	ConstVal *v = isconst ? const_make_bool(const_compare(op, x->val, y->val)) : NULL;
	if (!isconst) {
		tc_default(x);
		tc_default(y);
	}
	x->mode = isconst ? M_CONST : M_VALUE;
	x->val = v;
	x->type = ty_untyped_bool;
}

static void
shift(Operand *x, Operand *y, Node *n)
{
	AstOp op = n->u.binary.op;
	// the shifted operand must be an integer (or an untyped constant representable as one)
	if (x->mode == M_CONST && x->val && type_is_untyped(x->type)) {
		if (!const_is_int_value(x->val)) {
			error_at(xpos(x), "invalid operation: shifted operand %s must be integer",
				 opstr(x));
			invalidate(x);
			return;
		}
	} else if (!type_is_integer(x->type) && !(type_is_untyped(x->type) && type_is_numeric(x->type))) {
		error_at(xpos(x), "invalid operation: shifted operand %s must be integer", opstr(x));
		invalidate(x);
		return;
	}
	// the count
	if (y->mode == M_CONST && y->val) {
		ConstVal *iv = const_to_kind(y->val, CK_INT);
		if (!iv) {
			if (type_is_untyped(y->type))
				error_at(xpos(y), "%s truncated to uint", opstr(y));
			else
				error_at(xpos(y), "invalid operation: shift count %s must be integer",
					 opstr(y));
			invalidate(x);
			return;
		}
		if (const_sign(iv) < 0) {
			error_at(xpos(y), "invalid operation: negative shift count %s", opstr(y));
			invalidate(x);
			return;
		}
		if (type_is_untyped(y->type))
			tc_convert_untyped(y, ty_uint);
		if (!type_is_integer(y->type)) {
			error_at(xpos(y), "invalid operation: shift count %s must be integer", opstr(y));
			invalidate(x);
			return;
		}
	} else {
		if (type_is_untyped(y->type))
			tc_convert_untyped(y, ty_uint);
		if (y->mode == M_INVALID) {
			invalidate(x);
			return;
		}
		if (!type_is_integer(y->type)) {
			error_at(xpos(y), "invalid operation: shift count %s must be integer", opstr(y));
			invalidate(x);
			return;
		}
	}
	if (x->mode == M_CONST && x->val) {
		if (y->mode == M_CONST && y->val) {
			ConstVal *xi = const_to_kind(x->val, CK_INT);
			if (!const_fits_uint64(y->val)) {
				error_at(xpos(y), "invalid shift count %s", opstr(y));
				invalidate(x);
				return;
			}
			ConstVal *r = const_shift(op, xi, const_uint64(y->val));
			if (!r) {
				error_at(xpos(y), "invalid shift count %s", opstr(y));
				invalidate(x);
				return;
			}
			if (type_is_untyped(x->type) && x->type != ty_untyped_rune)
				x->type = ty_untyped_int;
			x->val = r;
			x->expr = n;
			overflow(x);
			return;
		}
		// non-constant shift of an untyped constant: its type comes from the context
		if (type_is_untyped(x->type)) {
			x->mode = M_VALUE;
			x->val = NULL;
			return;
		}
	}
	x->mode = M_VALUE;
	x->val = NULL;
}

static void
binary(Operand *x, Node *n)
{
	AstOp op = n->u.binary.op;
	Operand y;
	tc_expr(x, n->u.binary.x);
	tc_expr(&y, n->u.binary.y);
	if (x->mode == M_INVALID)
		return;
	if (y.mode == M_INVALID) {
		invalidate(x);
		return;
	}
	if (op == AOP_SHL || op == AOP_SHR) {
		shift(x, &y, n);
		return;
	}
	if (!match_types(x, &y)) {
		invalidate(x);
		return;
	}
	if (op >= AOP_EQ && op <= AOP_GE) {
		comparison(x, &y, n);
		return;
	}
	if (x->type != y.type && !invalid_type(x->type) && !invalid_type(y.type)) {
		error_at(expr_startpos(n), "invalid operation: %s (mismatched types %s and %s)",
			 tc_exprstr(n), type_string(x->type), type_string(y.type));
		invalidate(x);
		return;
	}
	if (!op_allowed(op, x->type)) {
		error_at(expr_startpos(n), "invalid operation: operator %s not defined on %s",
			 aop_string[op], opstr(x));
		invalidate(x);
		return;
	}
	if ((op == AOP_DIV || op == AOP_REM) && y.mode == M_CONST && y.val &&
	    (x->mode == M_CONST || type_is_integer(x->type)) && const_sign(y.val) == 0 &&
	    (y.val->kind != CK_COMPLEX || const_imag(y.val) == 0)) {
		error_at(xpos(&y), "invalid operation: division by zero");
		invalidate(x);
		return;
	}
	if (x->mode == M_CONST && y.mode == M_CONST && x->val && y.val) {
		bool intdiv = type_is_integer(x->type);
		ConstVal *r = const_binary(op, x->val, y.val, intdiv);
		if (!r) {
			error_at(xpos(&y), "invalid operation: division by zero");
			invalidate(x);
			return;
		}
		x->val = r;
		x->expr = n;
		overflow(x);
		return;
	}
	x->mode = M_VALUE;
	x->val = NULL;
}

// ---- calls and conversions ----

static const char *
types_summary(Type **ts, int n, bool variadic)
{
	char *s = "(";
	for (int i = 0; i < n; i++) {
		Type *t = ts[i];
		const char *p;
		if (!t || t == ty_invalid)
			p = "<T>";
		else if (type_is_untyped(t))
			p = type_is_numeric(t) ? "number" : type_string(t) + 8;
		else if (variadic && i == n - 1 && t->kind == TY_SLICE)
			p = arena_sprintf(perm, "...%s", type_string(t->elem));
		else
			p = type_string(t);
		s = arena_sprintf(perm, "%s%s%s", s, i ? ", " : "", p);
	}
	return arena_sprintf(perm, "%s)", s);
}

static const char *
sig_params_summary(Type *sig)
{
	Type **ts = NEWARR(perm, Type *, sig->fields.len + 1);
	for (int i = 0; i < sig->fields.len; i++)
		ts[i] = sig->fields.v[i].type;
	return types_summary(ts, sig->fields.len, sig->variadic);
}

// tc_convertible reports whether the non-constant x can be converted to t.
bool
tc_convertible(Operand *x, Type *t)
{
	if (tc_assignable(x, t, NULL))
		return true;
	Type *v = x->type, *vu = type_under(v), *tu = type_under(t);
	if (vu == tu)
		return true;
	if (vu->kind == TY_POINTER && tu->kind == TY_POINTER && !v->obj && !t->obj &&
	    type_under(vu->elem) == type_under(tu->elem))
		return true;
	if ((type_is_integer(v) || type_is_float(v)) && (type_is_integer(t) || type_is_float(t)))
		return true;
	if (type_is_complex(v) && type_is_complex(t))
		return true;
	if ((type_is_integer(v) || (vu->kind == TY_SLICE && (type_under(vu->elem)->kind == TY_UINT8 ||
							      type_under(vu->elem)->kind == TY_INT32))) &&
	    tu->kind == TY_STRING)
		return true;
	if (type_is_string(v) && tu->kind == TY_SLICE &&
	    (type_under(tu->elem)->kind == TY_UINT8 || type_under(tu->elem)->kind == TY_INT32))
		return true;
	if ((vu->kind == TY_POINTER || vu->kind == TY_UINTPTR) && tu->kind == TY_UNSAFEPTR)
		return true;
	if (vu->kind == TY_UNSAFEPTR && (tu->kind == TY_POINTER || tu->kind == TY_UINTPTR))
		return true;
	if (vu->kind == TY_SLICE && tu->kind == TY_POINTER && type_under(tu->elem)->kind == TY_ARRAY &&
	    type_under(tu->elem)->elem == vu->elem)
		return true;
	return false;
}

// tc_conversion checks the conversion T(x) (x already checked).
void
tc_conversion(Operand *x, Type *t, Node *call)
{
	Node *savedtarget = msgtarget.node;
	bool savedisexpr = msgtarget.isexpr;
	set_target(call ? call->u.call.fun : NULL, false);
	conversion(x, t, call);
	set_target(savedtarget, savedisexpr);
}

static void
conversion(Operand *x, Type *t, Node *call)
{
	if (x->mode == M_INVALID || invalid_type(t)) {
		invalidate(x);
		x->type = t ? t : ty_invalid;
		return;
	}
	bool constarg = x->mode == M_CONST && x->val;
	if (constarg && is_const_type(t)) {
		Type *tu = type_under(t);
		ConstVal *out = NULL;
		bool ok;
		if (tu->kind == TY_STRING && type_is_integer(x->type)) {
			// string(rune constant)
			char buf[8];
			int64_t r = const_fits_int64(x->val) ? const_int64(x->val) : 0xFFFD;
			if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
				r = 0xFFFD;
			int len = 0;
			uint32_t u = (uint32_t)r;
			if (u < 0x80)
				buf[len++] = (char)u;
			else if (u < 0x800) {
				buf[len++] = (char)(0xC0 | (u >> 6));
				buf[len++] = (char)(0x80 | (u & 0x3F));
			} else if (u < 0x10000) {
				buf[len++] = (char)(0xE0 | (u >> 12));
				buf[len++] = (char)(0x80 | ((u >> 6) & 0x3F));
				buf[len++] = (char)(0x80 | (u & 0x3F));
			} else {
				buf[len++] = (char)(0xF0 | (u >> 18));
				buf[len++] = (char)(0x80 | ((u >> 12) & 0x3F));
				buf[len++] = (char)(0x80 | ((u >> 6) & 0x3F));
				buf[len++] = (char)(0x80 | (u & 0x3F));
			}
			out = const_make_string(arena_strndup(perm, buf, (size_t)len), len);
			ok = true;
			if (type_is_untyped(x->type) && const_fits_int64(const_to_kind(x->val, CK_INT)))
				tc_convert_untyped(x, type_default(x->type));
		} else {
			bool numok = (type_is_numeric(x->type) && type_is_numeric(t)) ||
				     (type_is_string(x->type) && type_is_string(t)) ||
				     (type_is_boolean(x->type) && type_is_boolean(t));
			ok = numok && const_represent(x->val, t, &out) == FIT_OK;
			if (numok && type_is_complex(x->type) && !type_is_complex(t) && !type_is_untyped(x->type))
				ok = false;
			if (ok && type_is_untyped(x->type)) {
				// the argument takes the target type (or its default for non-basic
				// targets)
				Operand y = *x;
				tc_convert_untyped(&y, t);
			}
		}
		if (!ok) {
			if (type_is_numeric(x->type) && type_is_numeric(t) && !type_is_complex(x->type) &&
			    type_is_integer(t) && !type_is_untyped(x->type) && type_is_integer(x->type))
				error_at(xpos(x), "cannot convert %s to type %s", opstr(x), tstr(t));
			else if (type_is_numeric(x->type) && type_is_numeric(t) && type_is_integer(t) &&
				 !type_is_integer(x->type) && const_to_kind(x->val, CK_INT) == NULL)
				error_at(xpos(x), "cannot convert %s to type %s (truncated)", opstr(x), tstr(t));
			else
				error_at(xpos(x), "cannot convert %s to type %s", opstr(x), tstr(t));
			invalidate(x);
			x->type = t;
			return;
		}
		x->mode = M_CONST;
		x->val = out;
		x->type = t;
		return;
	}
	if (constarg && !is_const_type(t) && type_is_untyped(x->type)) {
		// untyped constant to a non-constant type (interface, pointer from nil...)
		tc_default(x);
	}
	if (type_is_untyped(x->type) && x->type != ty_untyped_nil) {
		// non-constant untyped (bool or shift): final type from the conversion
		if (type_is_interface(t))
			tc_default(x);
		else if (tc_convertible(&(Operand){.mode = M_VALUE, .type = type_default(x->type)}, t)) {
			if ((type_is_numeric(t) && type_is_numeric(x->type)) ||
			    (type_is_boolean(t) && type_is_boolean(x->type)))
				tc_convert_untyped(x, t);
			else
				tc_default(x);
		}
	}
	if (x->type == ty_untyped_nil) {
		if (!has_nil(t)) {
			error_at(xpos(x), "cannot convert %s to type %s", opstr(x), tstr(t));
			invalidate(x);
			x->type = t;
			return;
		}
		tc_set_type(x->expr, t);
		x->mode = M_VALUE;
		x->type = t;
		return;
	}
	if (!tc_convertible(x, t)) {
		const char *reason = NULL;
		if (type_is_interface(t))
			implements(x->type, t, &reason);
		else if (type_is_interface(x->type) && implements(t, x->type, NULL))
			reason = "need type assertion";
		if (reason)
			error_at(xpos(x), "cannot convert %s to type %s:\n\t%s", opstr(x), tstr(t),
				 reason);
		else
			error_at(xpos(x), "cannot convert %s to type %s", opstr(x), tstr(t));
		invalidate(x);
		x->type = t;
		return;
	}
	x->mode = M_VALUE;
	x->val = NULL;
	x->type = t;
}

// tc_use_args checks the arguments of a call whose function is invalid, for their side
// effects on USED flags only.
void
tc_use_args(Node *call)
{
	for (int i = 0; i < call->u.call.args.len; i++) {
		Operand y;
		tc_rawexpr(&y, call->u.call.args.v[i], true);
	}
}

static void
call_expr(Operand *x, Node *n)
{
	Node *fun = n->u.call.fun;
	Operand f;
	tc_rawexpr(&f, fun, true);
	n->u.call.kind = CALL_FUNC;
	if (f.mode == M_INVALID) {
		tc_use_args(n);
		invalidate(x);
		return;
	}
	NodeList *args = &n->u.call.args;
	if (f.mode == M_TYPE) {
		n->u.call.kind = CALL_CONV;
		fun->flags |= NF_TYPE;
		Type *t = f.type;
		if (args->len != 1 || n->u.call.dots) {
			if (args->len == 0)
				error_at(expr_startpos(n), "missing argument in conversion to %s",
					 type_string(t));
			else if (args->len > 1)
				error_at(expr_startpos(args->v[1]), "too many arguments in conversion to %s",
					 type_string(t));
			else
				error_at(expr_startpos(args->v[0]),
					 "invalid use of ... in type conversion to %s", type_string(t));
			tc_use_args(n);
			x->mode = M_INVALID;
			x->type = t;
			return;
		}
		tc_expr(x, args->v[0]);
		tc_conversion(x, t, n);
		if (x->mode == M_INVALID) {
			x->type = ty_invalid;
			return;
		}
		x->expr = n;
		return;
	}
	if (f.mode == M_BUILTIN) {
		n->u.call.kind = CALL_BUILTIN;
		n->u.call.builtin = f.id;
		fun->type = ty_invalid;
		x->expr = n;
		tc_builtin(x, n, f.id);
		return;
	}
	tc_single_value(&f);
	if (f.mode == M_INVALID) {
		tc_use_args(n);
		invalidate(x);
		return;
	}
	Type *sig = type_under(f.type);
	if (sig->kind != TY_FUNC) {
		error_at(xpos(&f), "invalid operation: cannot call non-function %s", opstr(&f));
		tc_use_args(n);
		invalidate(x);
		return;
	}
	const char *fname = tc_exprstr(fun);
	const char *ctx = arena_sprintf(perm, "argument to %s", fname);
	int np = sig->fields.len;
	// collect argument operands (spreading a single multi-value call)
	VEC(Operand) ops = {0};
	bool spread = false;
	if (args->len == 1 && !n->u.call.dots) {
		Operand a;
		tc_rawexpr(&a, args->v[0], false);
		if (a.mode == M_VALUE && a.type && a.type->kind == TY_TUPLE && !a.type->obj) {
			spread = true;
			for (int i = 0; i < a.type->fields.len; i++) {
				Operand e = {.mode = M_VALUE, .expr = args->v[0], .type = a.type->fields.v[i].type};
				vec_push(perm, ops, e);
			}
		} else {
			tc_single_value(&a);
			vec_push(perm, ops, a);
		}
	} else if (args->len == 1 && n->u.call.dots) {
		// f(g()...): types2 reports the ... before the multi-valued call
		Operand a;
		tc_rawexpr(&a, args->v[0], false);
		if (a.mode == M_VALUE && a.type && a.type->kind == TY_TUPLE && !a.type->obj) {
			if (!sig->variadic)
				error_at(expr_startpos(n), "cannot use ... in call to non-variadic %s",
					 fname);
			else
				error_at(expr_startpos(n), "cannot use ... with %d-valued %s",
					 a.type->fields.len, tc_exprstr(args->v[0]));
			goto results;
		}
		tc_single_value(&a);
		vec_push(perm, ops, a);
	} else {
		for (int i = 0; i < args->len; i++) {
			Operand a;
			tc_rawexpr(&a, args->v[i], false);
			tc_single_value(&a);
			vec_push(perm, ops, a);
		}
	}
	for (int i = 0; i < ops.len; i++)
		if (ops.v[i].mode == M_INVALID)
			goto results;
	int na = ops.len;
	if (n->u.call.dots) {
		if (!sig->variadic) {
			error_at(expr_startpos(n), "cannot use ... in call to non-variadic %s", fname);
			goto results;
		}
		if (spread) {
			error_at(expr_startpos(args->v[0]), "cannot use ... with multi-valued call");
			goto results;
		}
	}
	bool countok;
	if (sig->variadic && !n->u.call.dots)
		countok = na >= np - 1;
	else
		countok = na == np;
	if (!countok) {
		Type **ts = NEWARR(perm, Type *, na + 1);
		for (int i = 0; i < na; i++)
			ts[i] = ops.v[i].type;
		const char *have = types_summary(ts, na, false);
		const char *want = sig_params_summary(sig);
		int minargs = sig->variadic && !n->u.call.dots ? np - 1 : np;
		if (na < minargs) {
			Pos at = na > 0 && !spread ? expr_startpos(args->v[na - 1]) : expr_startpos(n);
			if (spread)
				at = expr_startpos(args->v[0]);
			error_at(at, "not enough arguments in call to %s\n\thave %s\n\twant %s", fname,
				 have, want);
		} else {
			Pos at = spread ? expr_startpos(args->v[0]) : expr_startpos(args->v[np]);
			error_at(at, "too many arguments in call to %s\n\thave %s\n\twant %s", fname,
				 have, want);
		}
		goto results;
	}
	for (int i = 0; i < na; i++) {
		Type *pt;
		if (sig->variadic && i >= np - 1) {
			Type *st = sig->fields.v[np - 1].type;
			pt = n->u.call.dots ? st : (st && st->kind == TY_SLICE ? st->elem : ty_invalid);
		} else {
			pt = sig->fields.v[i].type;
		}
		Operand *a = &ops.v[i];
		if (spread) {
			const char *reason;
			if (!tc_assignable(a, pt, &reason))
				error_at(expr_startpos(args->v[0]), "cannot use %s (value of type %s) as type %s in %s",
					 tc_exprstr(args->v[0]), type_string(a->type), type_string(pt), ctx);
		} else {
			Node *st = msgtarget.node;
			bool se = msgtarget.isexpr;
			set_target(param_typenode(fun, i, np, sig->variadic && !n->u.call.dots), false);
			tc_assign_to(a, pt, ctx);
			set_target(st, se);
		}
	}
results:
	if (sig->results.len == 0) {
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
	} else if (sig->results.len == 1) {
		x->mode = M_VALUE;
		x->type = sig->results.v[0].type;
	} else {
		x->mode = M_VALUE;
		x->type = type_tuple(sig->results.v, sig->results.len);
	}
	x->val = NULL;
	x->expr = n;
	Node *fu = unparen(fun);
	if (fu && fu->kind == N_IDENT && fu->u.ident.obj == NULL)
		return;
	if (tc.fn && fu && fu->kind == N_IDENT && fu->u.ident.name == sym_cstr("recover"))
		tc.fn->info->hasrecover = true;
}

// ---- composite literals and function literals ----

// ---- elided literal types ----
//
// gc prints the inner literals of [][]byte{{1}} as "[]byte{...}": their type comes from
// the outer literal's type expression, which keeps the alias spelling. elided_tab maps
// each elided inner literal to the type expression node its type came from (pointer
// keys; lookups only, never iterated, so output does not depend on addresses).

static struct {
	Node **keys, **vals;
	size_t cap, len;
} elided_tab;

static size_t
ptr_hash(const void *p, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 17) & (cap - 1);
}

static void
elided_put(Node *lit, Node *tn)
{
	if (2 * (elided_tab.len + 1) > elided_tab.cap) {
		size_t ncap = elided_tab.cap ? 2 * elided_tab.cap : 256;
		Node **nk = NEWARR(perm, Node *, ncap), **nv = NEWARR(perm, Node *, ncap);
		for (size_t i = 0; i < elided_tab.cap; i++) {
			if (!elided_tab.keys[i])
				continue;
			size_t j = ptr_hash(elided_tab.keys[i], ncap);
			while (nk[j])
				j = (j + 1) & (ncap - 1);
			nk[j] = elided_tab.keys[i];
			nv[j] = elided_tab.vals[i];
		}
		elided_tab.keys = nk;
		elided_tab.vals = nv;
		elided_tab.cap = ncap;
	}
	size_t j = ptr_hash(lit, elided_tab.cap);
	while (elided_tab.keys[j] && elided_tab.keys[j] != lit)
		j = (j + 1) & (elided_tab.cap - 1);
	if (!elided_tab.keys[j])
		elided_tab.len++;
	elided_tab.keys[j] = lit;
	elided_tab.vals[j] = tn;
}

// tc_elided_type returns the type expression an elided composite literal got its type
// from (the element type of the enclosing literal's type), or NULL.
Node *
tc_elided_type(Node *lit)
{
	if (!elided_tab.cap || !lit)
		return NULL;
	size_t j = ptr_hash(lit, elided_tab.cap);
	while (elided_tab.keys[j]) {
		if (elided_tab.keys[j] == lit)
			return elided_tab.vals[j];
		j = (j + 1) & (elided_tab.cap - 1);
	}
	return NULL;
}

// note_elided_types records, for the elided literals among the elements el of a literal
// whose type expression is tn, the element (or key) type expression they take.
static void
note_elided_types(Node *tn, NodeList *el)
{
	tn = unparen(tn);
	if (!tn || (tn->kind != N_ARRAYTYPE && tn->kind != N_MAPTYPE))
		return;
	for (int i = 0; i < el->len; i++) {
		Node *e = el->v[i];
		if (!e)
			continue;
		Node *parts[2] = {e, NULL}, *types[2] = {NULL, NULL};
		if (e->kind == N_KEYVALUE) {
			parts[0] = e->u.kv.value;
			parts[1] = e->u.kv.key;
		}
		if (tn->kind == N_ARRAYTYPE) {
			types[0] = tn->u.array.elem;
		} else {
			types[0] = tn->u.map.value;
			types[1] = tn->u.map.key;
		}
		for (int k = 0; k < 2; k++) {
			Node *v = unparen(parts[k]), *vt = unparen(types[k]);
			if (!v || !vt)
				continue;
			if (v->kind == N_UNARY && (v->flags & NF_IMPLICIT) && vt->kind == N_STAR) {
				v = v->u.unary.x;
				vt = unparen(vt->u.x);
			}
			if (v && vt && v->kind == N_COMPOSITE && !v->u.comp.type)
				elided_put(v, vt);
		}
	}
}

static void
elem_value(Node *e, Type *t, const char *ctx)
{
	Operand v;
	Node *eu = unparen(e);
	if (eu && eu->kind == N_COMPOSITE && !eu->u.comp.type)
		check_composite(&v, eu, t);
	else
		tc_expr(&v, e);
	tc_assign_to(&v, t, ctx);
}

static void
check_composite(Operand *x, Node *n, Type *hint)
{
	Type *t = NULL;
	Node *tn = n->u.comp.type;
	bool dots = false;
	if (tn) {
		if (tn->kind == N_ARRAYTYPE && tn->u.array.len && tn->u.array.len->kind == N_ELLIPSIS &&
		    !tn->u.array.len->u.x) {
			dots = true;
			Type *e = tc_type(tn->u.array.elem);
			t = e == ty_invalid ? ty_invalid : type_array(e, 0);
		} else {
			t = tc_type(tn);
		}
	} else if (hint) {
		t = hint;
		Type *hu = type_under(hint);
		if (hu->kind == TY_POINTER && !hint->obj) {
			// &T{...} elided: rewrite n into &(T{...})
			Node *c = ast_new(N_COMPOSITE, n->pos);
			c->u.comp = n->u.comp;
			n->kind = N_UNARY;
			n->flags |= NF_IMPLICIT;
			n->u.unary.op = AOP_ADDR;
			n->u.unary.x = c;
			Operand y;
			check_composite(&y, c, hu->elem);
			c->type = y.type;
			x->mode = M_VALUE;
			x->type = y.mode == M_INVALID ? ty_invalid : hint;
			x->expr = n;
			n->type = x->type;
			return;
		}
	} else {
		error_at(n->pos, "invalid composite literal type: missing type");
		t = ty_invalid;
	}
	Type *u = type_under(t);
	NodeList *el = &n->u.comp.elts;
	x->expr = n;
	switch (u->kind) {
	case TY_STRUCT: {
		if (el->len == 0)
			break;
		bool keyed = el->v[0] && el->v[0]->kind == N_KEYVALUE;
		if (keyed) {
			bool *seen = NEWARR(perm, bool, u->fields.len + 1);
			for (int i = 0; i < el->len; i++) {
				Node *kv = el->v[i];
				if (!kv || kv->kind != N_KEYVALUE) {
					error_at(kv ? expr_startpos(kv) : n->pos,
						 "mixture of field:value and value elements in struct literal");
					if (kv)
						elem_value(kv, ty_invalid, "struct literal");
					continue;
				}
				Node *k = kv->u.kv.key;
				if (!k || k->kind != N_IDENT) {
					error_at(k ? expr_startpos(k) : kv->pos,
						 "invalid field name %s in struct literal",
						 k ? tc_exprstr(k) : "?");
					elem_value(kv->u.kv.value, ty_invalid, "struct literal");
					continue;
				}
				int fi = -1;
				for (int j = 0; j < u->fields.len; j++)
					if (u->fields.v[j].name == k->u.ident.name && !is_blank(k->u.ident.name))
						fi = j;
				if (fi < 0) {
					error_at(k->pos, "unknown field '%s' in struct literal of type %s",
						 k->u.ident.name->name, type_string(t));
					elem_value(kv->u.kv.value, ty_invalid, "struct literal");
					continue;
				}
				k->u.ident.obj = u->fields.v[fi].obj;
				k->type = u->fields.v[fi].type;
				if (seen[fi])
					error_at(k->pos, "duplicate field name %s in struct literal",
						 k->u.ident.name->name);
				seen[fi] = true;
				elem_value(kv->u.kv.value, u->fields.v[fi].type, "struct literal");
			}
		} else {
			for (int i = 0; i < el->len; i++) {
				Node *e = el->v[i];
				if (e && e->kind == N_KEYVALUE) {
					error_at(expr_startpos(e),
						 "mixture of field:value and value elements in struct literal");
					elem_value(e->u.kv.value, ty_invalid, "struct literal");
					continue;
				}
				if (i >= u->fields.len) {
					error_at(expr_startpos(e), "too many values in %s", tc_exprstr(n));
					break;
				}
				elem_value(e, u->fields.v[i].type, "struct literal");
			}
			if (el->len < u->fields.len)
				error_at(n->u.comp.rbrace, "too few values in %s", tc_exprstr(n));
		}
		break;
	}
	case TY_ARRAY:
	case TY_SLICE: {
		// types2's indexedElts
		int64_t idx = 0, max = 0;
		int64_t length = u->kind == TY_ARRAY && !dots ? u->len : -1;
		VEC(int64_t) seen = {0};
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			Node *val = e;
			bool valid = false;
			if (e && e->kind == N_KEYVALUE) {
				int64_t k = check_index(e->u.kv.key, length, false);
				if (k >= 0) {
					idx = k;
					valid = true;
				} else if (k == -2) {
					error_at(expr_startpos(e), "index %s must be integer constant",
						 tc_exprstr(e->u.kv.key));
				}
				val = e->u.kv.value;
			} else if (length >= 0 && idx >= length) {
				error_at(e ? expr_startpos(e) : n->pos, "index %lld is out of bounds (>= %lld)",
					 (long long)idx, (long long)length);
			} else {
				valid = true;
			}
			if (valid)
				for (int j = 0; j < seen.len; j++)
					if (seen.v[j] == idx) {
						error_at(expr_startpos(e), "duplicate index %lld in array or slice literal",
							 (long long)idx);
						break;
					}
			if (valid)
				vec_push(perm, seen, idx);
			elem_value(val, u->elem, "array or slice literal");
			idx++;
			if (idx > max)
				max = idx;
		}
		if (dots && u->kind == TY_ARRAY) {
			t = type_array(u->elem, max);
			tn->type = t;
			if (tn->u.array.len)
				tn->u.array.len->type = ty_int;
		}
		break;
	}
	case TY_MAP: {
		VEC(ConstVal *) keys = {0};
		TypeVec keytypes = {0};
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			if (!e || e->kind != N_KEYVALUE) {
				error_at(e ? expr_startpos(e) : n->pos, "missing key in map literal");
				if (e)
					elem_value(e, ty_invalid, "map literal");
				continue;
			}
			Operand k;
			Node *ku = unparen(e->u.kv.key);
			if (ku && ku->kind == N_COMPOSITE && !ku->u.comp.type)
				check_composite(&k, ku, u->key);
			else
				tc_expr(&k, e->u.kv.key);
			tc_assign_to(&k, u->key, "map literal");
			if (k.mode == M_CONST && k.val) {
				for (int j = 0; j < keys.len; j++)
					if (keys.v[j]->kind == k.val->kind &&
					    keytypes.v[j] == k.type &&
					    const_compare(AOP_EQ, keys.v[j], k.val)) {
						error_at(xpos(&k), "duplicate key %s in map literal",
							 tc_exprstr(e->u.kv.key));
						break;
					}
				vec_push(perm, keys, k.val);
				vec_push(perm, keytypes, k.type);
			}
			elem_value(e->u.kv.value, u->elem, "map literal");
		}
		break;
	}
	default:
		if (t != ty_invalid && !invalid_type(t))
			error_at(n->pos, "invalid composite literal type %s", type_string(t));
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			if (e && e->kind == N_KEYVALUE)
				e = e->u.kv.value;
			Operand y;
			if (e && !(e->kind == N_COMPOSITE && !e->u.comp.type))
				tc_rawexpr(&y, e, true);
		}
		x->mode = M_INVALID;
		x->type = ty_invalid;
		n->type = ty_invalid;
		return;
	}
	note_elided_types(n->u.comp.type ? n->u.comp.type : tc_elided_type(n), el);
	x->mode = M_VALUE;
	x->type = t;
	n->type = t;
}

static void
check_funclit(Operand *x, Node *n)
{
	if (n->u.func.info) {
		// checked already (an expression checked twice after an error)
		x->mode = M_VALUE;
		x->type = n->u.func.info->type;
		return;
	}
	Type *sig = func_sig(n->u.func.type, NULL);
	FuncInfo *fi = make_funcinfo(n, n->u.func.type, sig, NULL);
	n->u.func.info = fi;
	if (tc.fn) {
		FuncInfo *outer = tc.fn->info;
		fi->outer = outer;
		vec_push(perm, outer->lits, fi);
		tc.fn->nlits++;
		if (outer->obj)
			fi->name = arena_sprintf(perm, "%s.func%d", outer->name, tc.fn->nlits);
		else
			fi->name = arena_sprintf(perm, "%s.%d", outer->name, tc.fn->nlits);
	} else {
		fi->name = arena_sprintf(perm, "%s.glob..func%d", link_prefix(), ++tc.globlits);
	}
	for (int i = 0; i < fi->params.len; i++)
		fi->params.v[i]->outer = NULL;
	vec_push(perm, tc_pkg->funcs, fi);
	check_body(fi, n->u.func.body, tc.fn);
	x->mode = M_VALUE;
	x->type = sig;
}

static void
type_assert(Operand *x, Node *n)
{
	tc_expr(x, n->u.assert.x);
	if (!n->u.assert.type) {
		error_at(expr_startpos(n), "use of .(type) outside type switch");
		invalidate(x);
		return;
	}
	Type *t = tc_type(n->u.assert.type);
	if (x->mode == M_INVALID)
		return;
	if (!type_is_interface(x->type)) {
		error_at(xpos(x), "invalid operation: %s is not an interface", opstr(x));
		invalidate(x);
		return;
	}
	if (invalid_type(t)) {
		invalidate(x);
		return;
	}
	const char *reason = NULL;
	if (!type_is_interface(t) && !implements(t, x->type, &reason)) {
		error_at(expr_startpos(n), "impossible type assertion: %s\n\t%s",
			 tc_exprstr(n), reason ? reason : "");
		invalidate(x);
		return;
	}
	x->mode = M_COMMAOK;
	x->type = t;
}

// tc_rawexpr checks expression n; with allowtype, type expressions are accepted
// (M_TYPE). Multi-value calls and no-value calls are accepted. Records Node.type and
// Node.cval.
void
tc_rawexpr(Operand *x, Node *n, bool allowtype)
{
	memset(x, 0, sizeof *x);
	x->expr = n;
	if (!n) {
		x->mode = M_INVALID;
		x->type = ty_invalid;
		return;
	}
	n->type = NULL;
	n->cval = NULL;
	switch (n->kind) {
	case N_BAD:
		invalidate(x);
		break;
	case N_IDENT:
		ident(x, n);
		break;
	case N_BASICLIT: {
		const char *err;
		ConstVal *c = const_from_lit(n->u.lit.kind, n->u.lit.text, n->u.lit.len, &err);
		if (!c) {
			error_at(n->pos, "%s", err ? err : "malformed constant");
			invalidate(x);
			break;
		}
		x->mode = M_CONST;
		x->val = c;
		switch (n->u.lit.kind) {
		case LIT_INT: x->type = ty_untyped_int; break;
		case LIT_FLOAT: x->type = ty_untyped_float; break;
		case LIT_IMAG: x->type = ty_untyped_complex; break;
		case LIT_RUNE: x->type = ty_untyped_rune; break;
		case LIT_STRING: x->type = ty_untyped_string; break;
		}
		break;
	}
	case N_COMPOSITE:
		check_composite(x, n, NULL);
		break;
	case N_FUNCLIT:
		check_funclit(x, n);
		break;
	case N_PAREN:
		tc_rawexpr(x, n->u.x, allowtype);
		x->expr = n;
		if (x->mode == M_TYPE)
			n->flags |= NF_TYPE;
		break;
	case N_SELECTOR:
		selector(x, n);
		break;
	case N_INDEX:
		index_expr(x, n);
		break;
	case N_SLICEEXPR:
		slice_expr(x, n);
		break;
	case N_TYPEASSERT:
		type_assert(x, n);
		break;
	case N_CALL:
		call_expr(x, n);
		break;
	case N_STAR: {
		tc_rawexpr(x, n->u.x, true);
		if (x->mode == M_INVALID)
			break;
		if (x->mode == M_TYPE) {
			x->type = type_pointer(x->type);
			break;
		}
		tc_single_value(x);
		if (x->mode == M_INVALID)
			break;
		if (x->type == ty_untyped_nil) {
			error_at(xpos(x), "invalid operation: cannot indirect nil");
			invalidate(x);
			break;
		}
		Type *u = type_under(x->type);
		if (u->kind != TY_POINTER) {
			error_at(xpos(x), "invalid operation: cannot indirect %s", opstr(x));
			invalidate(x);
			break;
		}
		x->mode = M_VAR;
		x->type = u->elem;
		x->val = NULL;
		break;
	}
	case N_UNARY:
		unary(x, n);
		break;
	case N_BINARY:
		binary(x, n);
		break;
	case N_KEYVALUE:
		error_at(expr_startpos(n), "unexpected key:value expression");
		invalidate(x);
		break;
	case N_ARRAYTYPE: case N_STRUCTTYPE: case N_FUNCTYPE: case N_INTERFACETYPE:
	case N_MAPTYPE: case N_CHANTYPE:
		x->type = tc_type(n);
		x->mode = x->type == ty_invalid ? M_INVALID : M_TYPE;
		break;
	case N_ELLIPSIS:
		error_at(n->pos, "invalid use of ...");
		invalidate(x);
		break;
	default:
		error_at(n->pos, "unexpected %s in expression", node_kind_name(n->kind));
		invalidate(x);
		break;
	}
	x->expr = n;
	if (x->mode == M_TYPE && !allowtype) {
		error_at(expr_startpos(n), "%s (type) is not an expression", tc_exprstr(n));
		n->type = x->type;
		n->flags |= NF_TYPE;
		invalidate(x);
		return;
	}
	if (!x->type)
		x->type = ty_invalid;
	n->type = x->type;
	n->cval = x->mode == M_CONST ? x->val : NULL;
	if (x->mode == M_TYPE)
		n->flags |= NF_TYPE;
}

// tc_expr checks a single-valued expression.
void
tc_expr(Operand *x, Node *n)
{
	tc_rawexpr(x, n, false);
	if (x->mode == M_NOVALUE || (x->type && x->type->kind == TY_TUPLE))
		tc_single_value(x);
	if (x->mode == M_BUILTIN)
		tc_single_value(x);
}

// ---- statements ----

static void check_stmt(Node *s);

static void
check_stmts(NodeList *l)
{
	if (tc.fn)
		vec_push(perm, tc.fn->lists, l);
	for (int i = 0; i < l->len; i++)
		check_stmt(l->v[i]);
	if (tc.fn)
		tc.fn->lists.len--;
}

static void
open_scope(void)
{
	tc.scope = scope_new(tc.scope);
}

static void
close_scope(void)
{
	tc.scope = tc.scope->parent;
}

// mark_assigned marks the variable whose own storage an assignment to e writes as
// reassigned: x for x, x.f and x[i] with x an array (through parens), but nothing when
// e writes through a pointer, a slice or a map. gc counts x.f = v and x[i] = v as
// assignments of x (a closure then captures x by reference).
static void
mark_assigned(Node *e)
{
	for (;;) {
		e = unparen(e);
		if (!e)
			return;
		if (e->kind == N_IDENT) {
			if (e->u.ident.obj && e->u.ident.obj->kind == OBJ_VAR)
				e->u.ident.obj->flags |= OBJF_REASSIGNED;
			return;
		}
		Node *x = e->kind == N_SELECTOR ? e->u.sel.x : e->kind == N_INDEX ? e->u.index.x : NULL;
		Type *xu = x && x->type ? type_under(x->type) : NULL;
		if (!xu)
			return;
		if (e->kind == N_SELECTOR &&
		    (e->u.sel.sel.kind != SEL_FIELD || e->u.sel.sel.indirect || xu->kind == TY_POINTER))
			return;
		if (e->kind == N_INDEX && xu->kind != TY_ARRAY)
			return;
		e = x;
	}
}

static Obj *
new_local(Sym *name, Pos pos, Type *t, Node *decl)
{
	Obj *o = obj_new(OBJ_VAR, name, pos);
	o->type = t ? t : ty_invalid;
	o->decl = decl;
	o->pkg = tc_pkg;
	if (tc.fn) {
		o->func = tc.fn->info;
		o->outer = tc.fn->info->obj;
		o->index = tc.fn->info->locals.len;
		vec_push(perm, tc.fn->info->locals, o);
	}
	return o;
}

// lhs_expr checks an assignment target; returns its type or NULL after an error.
static Type *
lhs_expr(Node *e, bool compound)
{
	Node *eu = unparen(e);
	if (eu && eu->kind == N_IDENT && is_blank(eu->u.ident.name)) {
		eu->type = NULL;
		return NULL; // blank: anything goes
	}
	if (!compound && eu && eu->kind == N_IDENT) {
		Obj *o = scope_lookup(tc.scope, eu->u.ident.name);
		if (o && o->kind == OBJ_VAR) {
			eu->u.ident.obj = o;
			note_capture(o);
			o->flags |= OBJF_REASSIGNED;
			if (o->flags & OBJF_GLOBAL) {
				ensure(o);
			}
			eu->type = o->type ? o->type : ty_invalid;
			if (e != eu)
				e->type = eu->type;
			return eu->type;
		}
	}
	Operand x;
	tc_expr(&x, e);
	if (x.mode == M_INVALID)
		return ty_invalid;
	if (x.mode == M_VAR) {
		mark_assigned(eu);
		return x.type;
	}
	if (x.mode == M_MAPINDEX)
		return x.type;
	if (eu && eu->kind == N_SELECTOR && eu->u.sel.sel.kind == SEL_FIELD) {
		Node *b = unparen(eu->u.sel.x);
		if (b && b->kind == N_INDEX && b->u.index.x && b->u.index.x->type &&
		    type_under(b->u.index.x->type)->kind == TY_MAP) {
			error_at(expr_startpos(e), "cannot assign to struct field %s in map",
				 tc_exprstr(e));
			return ty_invalid;
		}
	}
	error_at(expr_startpos(e), "cannot assign to %s", opstr(&x));
	return ty_invalid;
}

static void
assign_stmt(Node *s)
{
	NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
	if (s->u.assign.op != AOP_NONE) {
		// x op= y
		if (lhs->len != 1 || rhs->len != 1) {
			error_at(s->pos, "assignment operation %s= requires single-valued expressions",
				 aop_string[s->u.assign.op]);
			return;
		}
		Node fake = {.kind = N_BINARY, .pos = s->pos};
		fake.u.binary.op = s->u.assign.op;
		fake.u.binary.x = lhs->v[0];
		fake.u.binary.y = rhs->v[0];
		Operand x;
		tc_rawexpr(&x, &fake, false);
		Type *lt = lhs_expr(lhs->v[0], true);
		if (x.mode == M_INVALID || !lt)
			return;
		mark_assigned(lhs->v[0]);
		if (x.mode != M_INVALID && type_is_untyped(x.type)) {
			tc_convert_untyped(&x, lt);
			tc_set_type(rhs->v[0], lt);
		}
		if (rhs->v[0]->type && type_is_untyped(rhs->v[0]->type)) {
			Operand y = {.mode = rhs->v[0]->cval ? M_CONST : M_VALUE, .expr = rhs->v[0],
				     .type = rhs->v[0]->type, .val = rhs->v[0]->cval};
			if (s->u.assign.op == AOP_SHL || s->u.assign.op == AOP_SHR)
				tc_convert_untyped(&y, ty_uint);
			else
				tc_convert_untyped(&y, lt);
		}
		return;
	}
	int nl = lhs->len;
	Type **lt = NEWARR(perm, Type *, nl + 1);
	Type **out = NEWARR(perm, Type *, nl + 1);
	Node **ln = NEWARR(perm, Node *, nl + 1);
	if (s->u.assign.define) {
		// a, b := ...
		Obj **objs = NEWARR(perm, Obj *, nl + 1);
		bool anynew = false, nonname = false;
		for (int i = 0; i < nl; i++) {
			Node *e = lhs->v[i];
			ln[i] = e;
			if (!e || e->kind != N_IDENT) {
				nonname = true;
				error_at(e ? expr_startpos(e) : s->pos, "non-name %s on left side of :=",
					 e ? tc_exprstr(e) : "?");
				lt[i] = NULL;
				continue;
			}
			Sym *name = e->u.ident.name;
			bool dup = false;
			for (int j = 0; j < i; j++)
				if (!is_blank(name) && lhs->v[j] && lhs->v[j]->kind == N_IDENT &&
				    lhs->v[j]->u.ident.name == name) {
					error_at(e->pos, "%s repeated on left side of :=", name->name);
					dup = true;
				}
			Obj *old = is_blank(name) ? NULL : scope_lookup_local(tc.scope, name);
			if (old && !dup) {
				e->u.ident.obj = old;
				if (old->kind == OBJ_VAR) {
					lt[i] = old->type;
					old->flags |= OBJF_REASSIGNED;
					note_capture(old);
				} else {
					error_at(e->pos, "cannot assign to %s", name->name);
					lt[i] = NULL;
				}
			} else {
				if (!is_blank(name) && !dup)
					anynew = true;
				objs[i] = new_local(name, e->pos, NULL, s);
				e->u.ident.obj = objs[i];
				lt[i] = NULL;
			}
		}
		if (!anynew && !nonname)
			error_at(s->pos, "no new variables on left side of :=");
		check_rhs(nl, lt, ln, rhs, "assignment", out, s->pos);
		for (int i = 0; i < nl; i++) {
			if (objs[i]) {
				objs[i]->type = out[i] ? out[i] : ty_invalid;
				lhs->v[i]->type = objs[i]->type;
			} else if (lhs->v[i] && lhs->v[i]->kind == N_IDENT && lhs->v[i]->u.ident.obj) {
				lhs->v[i]->type = lhs->v[i]->u.ident.obj->type;
			}
		}
		for (int i = 0; i < nl; i++)
			if (objs[i] && !is_blank(objs[i]->name) && scope_lookup_local(tc.scope, objs[i]->name) == NULL)
				scope_insert(tc.scope, objs[i]);
		return;
	}
	for (int i = 0; i < nl; i++) {
		ln[i] = lhs->v[i];
		lt[i] = lhs_expr(lhs->v[i], false);
	}
	// blank targets take the default type of their value
	check_rhs(nl, lt, ln, rhs, "assignment", out, s->pos);
	for (int i = 0; i < nl; i++) {
		Node *eu = unparen(lhs->v[i]);
		if (eu && eu->kind == N_IDENT && is_blank(eu->u.ident.name))
			lhs->v[i]->type = out[i] ? out[i] : ty_invalid;
	}
}

static void
check_value_spec_local(Node *spec)
{
	int n = spec->u.value.names.len;
	Obj **objs = NEWARR(perm, Obj *, n + 1);
	for (int i = 0; i < n; i++) {
		Node *nm = spec->u.value.names.v[i];
		objs[i] = spec->u.value.isconst ? obj_new(OBJ_CONST, nm->u.ident.name, nm->pos) :
						  new_local(nm->u.ident.name, nm->pos, NULL, spec);
		objs[i]->decl = spec;
		objs[i]->pkg = tc_pkg;
		nm->u.ident.obj = objs[i];
	}
	if (spec->u.value.isconst) {
		for (int i = 0; i < n; i++) {
			check_const(objs[i], spec, i);
			objs[i]->flags |= OBJF_USED;
			spec->u.value.names.v[i]->type = objs[i]->type;
		}
		if (spec->u.value.values.len > n && n > 0)
			error_at(expr_startpos(spec->u.value.values.v[n]), "extra init expr");
	} else {
		check_var_spec(spec, objs, n);
		for (int i = 0; i < n; i++)
			spec->u.value.names.v[i]->type = objs[i]->type;
	}
	for (int i = 0; i < n; i++)
		declare(tc.scope, objs[i], objs[i]->pos);
}

static void
check_type_spec_local(Node *spec)
{
	Node *nm = spec->u.typespec.name;
	Obj *o = obj_new(OBJ_TYPE, nm->u.ident.name, nm->pos);
	o->decl = spec;
	o->pkg = tc_pkg;
	o->flags |= OBJF_USED;
	nm->u.ident.obj = o;
	if (!spec->u.typespec.alias) {
		o->type = type_named(o);
		vec_push(perm, tc_pkg->types, o);
	}
	declare(tc.scope, o, nm->pos);
	check_type_decl(o);
	nm->type = o->type;
}

static void
decl_stmt(Node *s)
{
	for (int i = 0; i < s->u.list.len; i++) {
		Node *spec = s->u.list.v[i];
		if (!spec)
			continue;
		if (spec->kind == N_VALUESPEC)
			check_value_spec_local(spec);
		else if (spec->kind == N_TYPESPEC)
			check_type_spec_local(spec);
	}
}

static void
call_stmt(Node *s, const char *what)
{
	Node *e = unparen(s->u.x);
	if (!e || e->kind != N_CALL) {
		error_at(expr_startpos(s->u.x), "expression in %s must be function call", what);
		Operand x;
		tc_rawexpr(&x, s->u.x, true);
		return;
	}
	Operand x;
	tc_rawexpr(&x, s->u.x, false);
	if (e->u.call.kind == CALL_CONV) {
		error_at(expr_startpos(e), "%s requires function call, not conversion", what);
		return;
	}
	if (e->u.call.kind == CALL_BUILTIN) {
		switch (e->u.call.builtin) {
		case BI_APPEND: case BI_CAP: case BI_COMPLEX: case BI_IMAG: case BI_LEN:
		case BI_MAKE: case BI_NEW: case BI_REAL: case BI_SIZEOF: case BI_ALIGNOF:
		case BI_OFFSETOF: case BI_ADD: case BI_SLICE:
			error_at(expr_startpos(e), "%s discards result of %s", what, tc_exprstr(e));
			break;
		default:
			break;
		}
	}
}

static void
expr_stmt(Node *s)
{
	Operand x;
	tc_rawexpr(&x, s->u.x, true);
	if (x.mode == M_INVALID)
		return;
	Node *e = unparen(s->u.x);
	const char *msg = "is not used";
	if (e && e->kind == N_CALL) {
		if (e->u.call.kind == CALL_FUNC)
			return;
		if (e->u.call.kind == CALL_BUILTIN) {
			switch (e->u.call.builtin) {
			case BI_CLOSE: case BI_COPY: case BI_DELETE: case BI_PANIC: case BI_PRINT:
			case BI_PRINTLN: case BI_RECOVER:
				return;
			default:
				break;
			}
		}
	} else if (e && e->kind == N_UNARY && e->u.unary.op == AOP_RECV) {
		return;
	}
	if (x.mode == M_TYPE) {
		error_at(xpos(&x), "%s (type) is not an expression", tc_exprstr(s->u.x));
		return;
	}
	if (x.mode == M_BUILTIN) {
		error_at(xpos(&x), "%s (built-in) must be called", tc_exprstr(s->u.x));
		return;
	}
	tc_default(&x);
	error_at(xpos(&x), "%s %s", opstr(&x), msg);
}

static void
check_cond(Node *cond, const char *what)
{
	if (!cond)
		return;
	Operand x;
	tc_expr(&x, cond);
	if (x.mode == M_INVALID)
		return;
	if (!type_is_boolean(x.type)) {
		error_at(xpos(&x), "non-boolean condition in %s statement", what);
		return;
	}
	tc_default(&x);
}

static void
push_stmt(StmtCtx *c, Node *s, Node *label, bool isloop)
{
	c->stmt = s;
	c->label = label;
	c->isloop = isloop;
	c->outer = tc.stmt;
	tc.stmt = c;
}


static void
switch_stmt(Node *s, Node *label)
{
	open_scope();
	if (s->u.sw.init)
		check_stmt(s->u.sw.init);
	Operand tag = {0};
	Type *tt = ty_bool;
	if (s->u.sw.tag) {
		tc_expr(&tag, s->u.sw.tag);
		tc_default(&tag);
		if (tag.mode != M_INVALID && tag.type == ty_untyped_nil) {
			error_at(xpos(&tag), "use of untyped nil in switch expression");
			tag.mode = M_INVALID;
		}
		if (tag.mode != M_INVALID && !type_is_comparable(tag.type) && !has_nil(tag.type) &&
		    !invalid_type(tag.type)) {
			error_at(xpos(&tag), "cannot switch on %s (%s is not comparable)", opstr(&tag),
				 type_string(tag.type));
			tag.mode = M_INVALID;
		}
		tt = tag.mode == M_INVALID ? ty_invalid : tag.type;
	}
	StmtCtx c;
	push_stmt(&c, s, label, false);
	bool seendefault = false;
	VEC(ConstVal *) seen = {0};
	VEC(Node *) seennodes = {0};
	for (int i = 0; i < s->u.sw.body.len; i++) {
		Node *cl = s->u.sw.body.v[i];
		if (!cl || cl->kind != N_CASECLAUSE)
			continue;
		if (cl->u.clause.isdefault) {
			if (seendefault)
				error_at(cl->pos, "multiple defaults in switch");
			seendefault = true;
		}
		for (int j = 0; j < cl->u.clause.list.len; j++) {
			Node *e = cl->u.clause.list.v[j];
			Operand x;
			tc_expr(&x, e);
			if (x.mode == M_INVALID || tt == ty_invalid)
				continue;
			if (!s->u.sw.tag) {
				if (!type_is_boolean(x.type)) {
					error_at(xpos(&x), "invalid case %s in switch (mismatched types %s and bool)",
						 tc_exprstr(e), type_string(x.type));
					continue;
				}
				tc_default(&x);
				continue;
			}
			Operand y = tag;
			if (!match_types(&x, &y))
				continue;
			if (!tc_assignable(&x, y.type, NULL) && !tc_assignable(&y, x.type, NULL)) {
				error_at(xpos(&x), "invalid case %s in switch on %s (mismatched types %s and %s)",
					 tc_exprstr(e), tc_exprstr(s->u.sw.tag), type_string(x.type),
					 type_string(y.type));
				continue;
			}
			if (!type_is_comparable(y.type) && !is_nil_expr(e)) {
				error_at(xpos(&x), "invalid case %s in switch on %s (%s)", tc_exprstr(e),
					 tc_exprstr(s->u.sw.tag), incomparable_reason(y.type));
				continue;
			}
			tc_default(&x);
			if (x.mode == M_CONST && x.val) {
				for (int k = 0; k < seen.len; k++)
					if (seen.v[k]->kind == x.val->kind &&
					    const_compare(AOP_EQ, seen.v[k], x.val) &&
					    seennodes.v[k]->type == x.type) {
						error_at(xpos(&x), "duplicate case %s in expression switch\n\t%s: previous case",
							 tc_exprstr(e), pos_string(expr_startpos(seennodes.v[k])));
						break;
					}
				vec_push(perm, seen, x.val);
				vec_push(perm, seennodes, e);
			}
		}
		open_scope();
		if (tc.fn)
			vec_push(perm, tc.fn->lists, &cl->u.clause.body);
		for (int j = 0; j < cl->u.clause.body.len; j++) {
			Node *st = cl->u.clause.body.v[j];
			if (st && st->kind == N_BRANCH && st->u.branch.kind == BR_FALLTHROUGH) {
				if (j != cl->u.clause.body.len - 1)
					error_at(st->pos, "fallthrough statement out of place");
				else if (i == s->u.sw.body.len - 1)
					error_at(st->pos, "cannot fallthrough final case in switch");
				else
					st->u.branch.target = s;
				continue;
			}
			check_stmt(st);
		}
		if (tc.fn)
			tc.fn->lists.len--;
		close_scope();
	}
	tc.stmt = c.outer;
	close_scope();
}

static void
typeswitch_stmt(Node *s, Node *label)
{
	open_scope();
	if (s->u.sw.init)
		check_stmt(s->u.sw.init);
	Node *guard = s->u.sw.tag;
	Node *assert = NULL;
	Node *lhs = NULL;
	if (guard && guard->kind == N_ASSIGN && guard->u.assign.rhs.len == 1) {
		assert = unparen(guard->u.assign.rhs.v[0]);
		if (guard->u.assign.lhs.len == 1)
			lhs = guard->u.assign.lhs.v[0];
	} else if (guard && guard->kind == N_EXPRSTMT) {
		assert = unparen(guard->u.x);
	}
	Operand x = {0};
	x.mode = M_INVALID;
	if (assert && assert->kind == N_TYPEASSERT) {
		tc_expr(&x, assert->u.assert.x);
		assert->type = x.type;
		if (x.mode != M_INVALID && !type_is_interface(x.type)) {
			error_at(xpos(&x), "%s is not an interface", opstr(&x));
			x.mode = M_INVALID;
		}
	} else if (guard) {
		error_at(guard->pos, "invalid type switch guard");
	}
	if (lhs && lhs->kind == N_IDENT && is_blank(lhs->u.ident.name)) {
		error_at(lhs->pos, "no new variable on left side of :=");
		lhs = NULL;
	}
	StmtCtx c;
	push_stmt(&c, s, label, false);
	VEC(Obj *) vars = {0};
	bool seendefault = false;
	VEC(Type *) seen = {0};
	NodeList seenat = {0}; // the case expression of each seen type
	for (int i = 0; i < s->u.sw.body.len; i++) {
		Node *cl = s->u.sw.body.v[i];
		if (!cl || cl->kind != N_CASECLAUSE)
			continue;
		if (cl->u.clause.isdefault) {
			if (seendefault)
				error_at(cl->pos, "multiple defaults in switch");
			seendefault = true;
		}
		Type *single = NULL;
		int ntypes = 0;
		for (int j = 0; j < cl->u.clause.list.len; j++) {
			Node *e = cl->u.clause.list.v[j];
			Operand y;
			tc_rawexpr(&y, e, true);
			ntypes++;
			if (y.mode == M_INVALID) {
				single = ty_invalid;
				continue;
			}
			Type *t;
			if (y.mode == M_VALUE && y.type == ty_untyped_nil) {
				t = ty_untyped_nil;
			} else if (y.mode != M_TYPE) {
				error_at(xpos(&y), "%s is not a type", tc_exprstr(e));
				single = ty_invalid;
				continue;
			} else {
				t = y.type;
			}
			single = t;
			e->flags |= (t == ty_untyped_nil) ? 0 : NF_TYPE;
			for (int k = 0; k < seen.len; k++)
				if (seen.v[k] == t && !invalid_type(t)) {
					error_at(expr_startpos(e), "duplicate case %s in type switch\n\t%s: previous case",
						 t == ty_untyped_nil ? "nil" : type_string(t),
						 pos_string(expr_startpos(seenat.v[k])));
					break;
				}
			vec_push(perm, seen, t);
			vec_push(perm, seenat, e);
			if (x.mode != M_INVALID && t != ty_untyped_nil && !type_is_interface(t)) {
				const char *reason;
				if (!implements(t, x.type, &reason)) {
					const char *p = reason ? strchr(reason, '(') : NULL;
					error_at(expr_startpos(e),
						 "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
						 tc_exprstr(e), opstr(&x), type_string(t), p ? p : "");
				}
			}
		}
		open_scope();
		if (lhs && lhs->kind == N_IDENT) {
			Type *vt = (ntypes == 1 && single && single != ty_untyped_nil) || single == ty_invalid ? single :
				   (x.mode == M_INVALID ? ty_invalid : x.type);
			Obj *v = new_local(lhs->u.ident.name, lhs->pos, vt, guard);
			cl->u.clause.obj = v;
			scope_insert(tc.scope, v);
			vec_push(perm, vars, v);
		}
		check_stmts(&cl->u.clause.body);
		close_scope();
	}
	if (lhs && lhs->kind == N_IDENT) {
		bool used = false;
		for (int i = 0; i < vars.len; i++)
			if (vars.v[i]->flags & OBJF_USED)
				used = true;
		for (int i = 0; i < vars.len; i++)
			vars.v[i]->flags |= OBJF_USED; // reported once, below
		if (!used)
			error_at(lhs->pos, "%s declared but not used", lhs->u.ident.name->name);
		Obj *gv = obj_new(OBJ_VAR, lhs->u.ident.name, lhs->pos);
		gv->type = x.type;
		gv->flags = OBJF_USED;
		lhs->u.ident.obj = vars.len ? vars.v[0] : gv;
		lhs->type = x.type;
	}
	tc.stmt = c.outer;
	close_scope();
}

static void
select_stmt(Node *s, Node *label)
{
	StmtCtx c;
	push_stmt(&c, s, label, false);
	bool seendefault = false;
	for (int i = 0; i < s->u.sw.body.len; i++) {
		Node *cl = s->u.sw.body.v[i];
		if (!cl)
			continue;
		if (cl->u.clause.isdefault) {
			if (seendefault)
				error_at(cl->pos, "multiple defaults in select");
			seendefault = true;
		}
		open_scope();
		for (int j = 0; j < cl->u.clause.list.len; j++) {
			Node *comm = cl->u.clause.list.v[j];
			if (!comm)
				continue;
			bool ok = false;
			if (comm->kind == N_SEND)
				ok = true;
			else if (comm->kind == N_EXPRSTMT) {
				Node *e = unparen(comm->u.x);
				ok = e && e->kind == N_UNARY && e->u.unary.op == AOP_RECV;
			} else if (comm->kind == N_ASSIGN && comm->u.assign.rhs.len == 1 &&
				   comm->u.assign.op == AOP_NONE) {
				Node *e = unparen(comm->u.assign.rhs.v[0]);
				ok = e && e->kind == N_UNARY && e->u.unary.op == AOP_RECV;
			}
			if (!ok) {
				error_at(comm->pos, "select case must be receive, send or assign recv");
				continue;
			}
			check_stmt(comm);
		}
		check_stmts(&cl->u.clause.body);
		close_scope();
	}
	tc.stmt = c.outer;
}

static void
for_stmt(Node *s, Node *label)
{
	open_scope();
	if (s->u.fors.init)
		check_stmt(s->u.fors.init);
	check_cond(s->u.fors.cond, "for");
	if (s->u.fors.post) {
		if (s->u.fors.post->kind == N_ASSIGN && s->u.fors.post->u.assign.define)
			error_at(s->u.fors.post->pos, "cannot declare in post statement of for loop");
		check_stmt(s->u.fors.post);
	}
	StmtCtx c;
	push_stmt(&c, s, label, true);
	check_stmt(s->u.fors.body);
	tc.stmt = c.outer;
	close_scope();
}

static void
range_stmt(Node *s, Node *label)
{
	open_scope();
	Operand x;
	tc_expr(&x, s->u.range.x);
	Type *kt = NULL, *vt = NULL;
	if (x.mode != M_INVALID) {
		Type *u = type_under(x.type);
		switch (u->kind) {
		case TY_STRING:
		case TY_UNTYPED_STRING:
			tc_default(&x);
			kt = ty_int;
			vt = ty_int32;
			break;
		case TY_ARRAY:
			kt = ty_int;
			vt = u->elem;
			break;
		case TY_SLICE:
			kt = ty_int;
			vt = u->elem;
			break;
		case TY_POINTER:
			if (type_under(u->elem)->kind == TY_ARRAY) {
				kt = ty_int;
				vt = type_under(u->elem)->elem;
			}
			break;
		case TY_MAP:
			kt = u->key;
			vt = u->elem;
			break;
		case TY_CHAN:
			kt = u->elem;
			if (u->dir == CHAN_SEND) {
				error_at(xpos(&x), "invalid operation: range %s: receive from send-only channel %s",
					 tc_exprstr(s->u.range.x), type_string(x.type));
				kt = NULL;
				x.mode = M_INVALID;
			}
			if (s->u.range.value) {
				error_at(expr_startpos(s->u.range.value),
					 "range over %s permits only one iteration variable", opstr(&x));
			}
			break;
		default:
			break;
		}
		if (!kt && x.mode != M_INVALID)
			error_at(xpos(&x), "cannot range over %s", opstr(&x));
	}
	Node *lhs[2] = {s->u.range.key, s->u.range.value};
	Type *ts[2] = {kt, vt};
	for (int i = 0; i < 2; i++) {
		Node *e = lhs[i];
		if (!e)
			continue;
		if (s->u.range.define) {
			if (e->kind != N_IDENT) {
				error_at(expr_startpos(e), "non-name %s on left side of :=", tc_exprstr(e));
				continue;
			}
			Obj *o = new_local(e->u.ident.name, e->pos, ts[i] ? ts[i] : ty_invalid, s);
			// one variable for the whole loop (Go 1.19), assigned at every iteration:
			// gc counts that as a reassignment (closures capture it by reference)
			o->flags |= OBJF_REASSIGNED;
			e->u.ident.obj = o;
			e->type = o->type;
		} else {
			Type *lt = lhs_expr(e, false);
			if (!lt) {
				e->type = ts[i] ? ts[i] : ty_invalid;
				continue;
			}
			if (ts[i] && !invalid_type(lt)) {
				Operand y = {.mode = M_VALUE, .expr = e, .type = ts[i]};
				const char *reason;
				if (!tc_assignable(&y, lt, &reason))
					error_at(expr_startpos(e), "cannot use %s (value of type %s) as type %s in assignment",
						 tc_exprstr(e), type_string(ts[i]), type_string(lt));
			}
		}
	}
	if (s->u.range.define) {
		for (int i = 0; i < 2; i++)
			if (lhs[i] && lhs[i]->kind == N_IDENT && lhs[i]->u.ident.obj)
				declare(tc.scope, lhs[i]->u.ident.obj, lhs[i]->pos);
		bool anynew = false;
		for (int i = 0; i < 2; i++)
			if (lhs[i] && lhs[i]->kind == N_IDENT && !is_blank(lhs[i]->u.ident.name))
				anynew = true;
		if (!anynew && (lhs[0] || lhs[1]))
			error_at(s->pos, "no new variables on left side of :=");
	}
	StmtCtx c;
	push_stmt(&c, s, label, true);
	check_stmt(s->u.range.body);
	tc.stmt = c.outer;
	close_scope();
}

// obj_string: types2's ObjectString for local objects ("var x int", "const c untyped
// int").
static const char *
obj_string(Obj *o)
{
	const char *t = o->type ? type_string(o->type) : "invalid type";
	switch (o->kind) {
	case OBJ_VAR: return arena_sprintf(perm, "var %s %s", o->name->name, t);
	case OBJ_CONST: return arena_sprintf(perm, "const %s %s", o->name->name, t);
	case OBJ_TYPE: return arena_sprintf(perm, "type %s %s", o->name->name,
					    type_string(type_under(o->type)));
	default: return o->name->name;
	}
}

static void
return_stmt(Node *s)
{
	FuncInfo *fi = tc.fn ? tc.fn->info : NULL;
	if (!fi)
		return;
	Type *sig = fi->type;
	NodeList *l = &s->u.list;
	int nres = sig && sig->kind == TY_FUNC ? sig->results.len : 0;
	if (l->len == 0) {
		if (nres > 0) {
			bool named = fi->results.len > 0 && fi->results.v[0]->name->name[0] != '~';
			if (!named) {
				Type **ws = NEWARR(perm, Type *, nres + 1);
				for (int i = 0; i < nres; i++)
					ws[i] = sig->results.v[i].type;
				error_at(s->pos, "not enough return values\n\thave ()\n\twant %s",
					 types_summary(ws, nres, false));
			} else {
				// a bare return must not see shadowed results
				for (int i = 0; i < fi->results.len; i++) {
					Obj *r = fi->results.v[i];
					Obj *o = scope_lookup(tc.scope, r->name);
					if (o && o != r && !is_blank(r->name)) {
						error_at(s->pos, "result parameter %s not in scope at return\n\t%s: inner declaration of %s",
							 r->name->name, pos_string(o->pos), obj_string(o));
					}
				}
			}
		}
		return;
	}
	if (nres == 0) {
		bool bad = false;
		for (int i = 0; i < l->len; i++) {
			Operand x;
			tc_rawexpr(&x, l->v[i], false);
			bad |= x.mode == M_INVALID;
		}
		if (bad)
			return; // types2 reports no count mismatch after an invalid result
		Type **ts = NEWARR(perm, Type *, l->len + 1);
		for (int i = 0; i < l->len; i++)
			ts[i] = l->v[i]->type;
		error_at(expr_startpos(l->v[0]), "too many return values\n\thave %s\n\twant ()",
			 types_summary(ts, l->len, false));
		return;
	}
	Type **lt = NEWARR(perm, Type *, nres + 1);
	Type **out = NEWARR(perm, Type *, nres + 1);
	Node **ln = NEWARR(perm, Node *, nres + 1);
	for (int i = 0; i < nres; i++)
		lt[i] = sig->results.v[i].type;
	if (l->len == nres || (l->len == 1 && nres > 1)) {
		if (l->len == 1 && nres > 1) {
			Operand x;
			tc_rawexpr(&x, l->v[0], false);
			if (x.mode == M_INVALID)
				return;
			if (x.type->kind == TY_TUPLE && x.type->fields.len == nres && !x.type->obj) {
				for (int i = 0; i < nres; i++) {
					Operand y = {.mode = M_VALUE, .expr = l->v[0], .type = x.type->fields.v[i].type};
					if (!tc_assignable(&y, lt[i], NULL))
						error_at(expr_startpos(l->v[0]), "cannot use %s value as type %s in return statement",
							 type_string(y.type), type_string(lt[i]));
				}
				return;
			}
			Type **ts = NEWARR(perm, Type *, 2);
			ts[0] = x.type;
			int nh = 1;
			if (x.type->kind == TY_TUPLE) {
				nh = x.type->fields.len;
				ts = NEWARR(perm, Type *, nh + 1);
				for (int i = 0; i < nh; i++)
					ts[i] = x.type->fields.v[i].type;
			}
			error_at(expr_startpos(l->v[0]), "%s return values\n\thave %s\n\twant %s",
				 nh < nres ? "not enough" : "too many", types_summary(ts, nh, false),
				 types_summary(lt, nres, false));
			return;
		}
		check_rhs(nres, lt, ln, l, "return statement", out, s->pos);
		return;
	}
	bool bad = false;
	for (int i = 0; i < l->len; i++) {
		Operand x;
		tc_rawexpr(&x, l->v[i], false);
		bad |= x.mode == M_INVALID;
	}
	if (bad)
		return;
	Type **ts = NEWARR(perm, Type *, l->len + 1);
	for (int i = 0; i < l->len; i++)
		ts[i] = l->v[i]->type;
	Pos at = l->len > nres ? expr_startpos(l->v[nres]) : expr_startpos(l->v[l->len - 1]);
	error_at(at, "%s return values\n\thave %s\n\twant %s",
		 l->len < nres ? "not enough" : "too many", types_summary(ts, l->len, false),
		 types_summary(lt, nres, false));
}

static Obj *
find_label(Sym *name)
{
	if (!tc.fn)
		return NULL;
	for (int i = 0; i < tc.fn->labels.len; i++)
		if (tc.fn->labels.v[i]->name == name)
			return tc.fn->labels.v[i];
	return NULL;
}

static void
branch_stmt(Node *s)
{
	Sym *lab = s->u.branch.label;
	switch (s->u.branch.kind) {
	case BR_GOTO: {
		Obj *l = lab ? find_label(lab) : NULL;
		Pos lp = s->pos;
		lp.col += 5; // the label after "goto "
		if (!l) {
			error_at(lp, "label %s not defined", sname(lab));
			return;
		}
		l->flags |= OBJF_USED;
		s->u.branch.target = l->decl;
		int li = 0;
		while (li < tc.fn->labels.len && tc.fn->labels.v[li] != l)
			li++;
		NodeList *ll = tc.fn->labellists.v[li];
		bool visible = false;
		for (int i = 0; i < tc.fn->lists.len; i++)
			if (tc.fn->lists.v[i] == ll)
				visible = true;
		if (!visible) {
			error_at(lp, "goto %s jumps into block starting at %s", lab->name,
				 pos_string(tc.fn->labelblocks.v[li]));
			return;
		}
		if (pos_cmp(l->pos, s->pos) > 0)
			vec_push(perm, tc.fn->gotos, s);
		return;
	}
	case BR_FALLTHROUGH:
		error_at(s->pos, "fallthrough statement out of place");
		return;
	case BR_BREAK:
	case BR_CONTINUE: {
		bool cont = s->u.branch.kind == BR_CONTINUE;
		if (lab) {
			Obj *l = find_label(lab);
			Pos lp = s->pos;
			lp.col += cont ? 9 : 6;
			if (!l) {
				error_at(lp, "%s label not defined: %s", cont ? "continue" : "break",
					 lab->name);
				return;
			}
			l->flags |= OBJF_USED;
			StmtCtx *c;
			for (c = tc.stmt; c; c = c->outer)
				if (c->label && c->label->u.labeled.label == lab)
					break;
			if (!c || (cont && !c->isloop)) {
				error_at(lp, "invalid %s label %s", cont ? "continue" : "break", lab->name);
				return;
			}
			s->u.branch.target = c->stmt;
			return;
		}
		for (StmtCtx *c = tc.stmt; c; c = c->outer) {
			if (cont && !c->isloop)
				continue;
			s->u.branch.target = c->stmt;
			return;
		}
		if (cont)
			error_at(s->pos, "continue is not in a loop");
		else
			error_at(s->pos, "break is not in a loop, switch, or select");
		return;
	}
	}
}

static void
labeled_stmt(Node *s)
{
	Node *st = s->u.labeled.stmt;
	if (!st)
		return;
	switch (st->kind) {
	case N_FOR:
		for_stmt(st, s);
		break;
	case N_RANGE:
		range_stmt(st, s);
		break;
	case N_SWITCH:
		switch_stmt(st, s);
		break;
	case N_TYPESWITCH:
		typeswitch_stmt(st, s);
		break;
	case N_SELECT:
		select_stmt(st, s);
		break;
	default:
		check_stmt(st);
		break;
	}
}

static void
check_stmt(Node *s)
{
	if (!s)
		return;
	switch (s->kind) {
	case N_EMPTY:
	case N_BAD:
		break;
	case N_DECLSTMT:
		decl_stmt(s);
		break;
	case N_LABELED:
		labeled_stmt(s);
		break;
	case N_EXPRSTMT:
		expr_stmt(s);
		break;
	case N_SEND: {
		Operand ch, v;
		tc_expr(&ch, s->u.binary.x);
		tc_expr(&v, s->u.binary.y);
		if (ch.mode == M_INVALID || v.mode == M_INVALID)
			break;
		Type *u = type_under(ch.type);
		if (u->kind != TY_CHAN) {
			error_at(s->pos, "invalid operation: cannot send to non-channel %s", opstr(&ch));
			break;
		}
		if (u->dir == CHAN_RECV) {
			error_at(s->pos, "invalid operation: cannot send to receive-only channel %s",
				 opstr(&ch));
			break;
		}
		tc_assign_to(&v, u->elem, "send");
		break;
	}
	case N_INCDEC: {
		Operand x;
		tc_expr(&x, s->u.incdec.x);
		if (x.mode == M_INVALID)
			break;
		if (!type_is_numeric(x.type)) {
			error_at(xpos(&x), "invalid operation: %s%s (non-numeric type %s)",
				 tc_exprstr(s->u.incdec.x), s->u.incdec.inc ? "++" : "--",
				 type_string(x.type));
			break;
		}
		lhs_expr(s->u.incdec.x, true);
		mark_assigned(s->u.incdec.x);
		break;
	}
	case N_ASSIGN:
		assign_stmt(s);
		break;
	case N_GO:
		call_stmt(s, "go");
		break;
	case N_DEFER:
		if (tc.fn)
			tc.fn->info->hasdefer = true;
		call_stmt(s, "defer");
		break;
	case N_RETURN:
		return_stmt(s);
		break;
	case N_BRANCH:
		branch_stmt(s);
		break;
	case N_BLOCK:
		open_scope();
		check_stmts(&s->u.block.stmts);
		close_scope();
		break;
	case N_IF:
		open_scope();
		if (s->u.ifs.init)
			check_stmt(s->u.ifs.init);
		check_cond(s->u.ifs.cond, "if");
		check_stmt(s->u.ifs.then);
		if (s->u.ifs.els)
			check_stmt(s->u.ifs.els);
		close_scope();
		break;
	case N_SWITCH:
		switch_stmt(s, NULL);
		break;
	case N_TYPESWITCH:
		typeswitch_stmt(s, NULL);
		break;
	case N_SELECT:
		select_stmt(s, NULL);
		break;
	case N_FOR:
		for_stmt(s, NULL);
		break;
	case N_RANGE:
		range_stmt(s, NULL);
		break;
	default:
		error_at(s->pos, "unexpected %s statement", node_kind_name(s->kind));
		break;
	}
}

// ---- labels and terminating statements ----

static void collect_list(NodeList *l, Pos bpos);

static void
collect_labels(Node *s, NodeList *list, Pos bpos)
{
	if (!s)
		return;
	switch (s->kind) {
	case N_LABELED: {
		Sym *name = s->u.labeled.label;
		Obj *old = find_label(name);
		if (old && !is_blank(name)) {
			error_at(s->pos, "label %s already defined at %s", name->name, pos_string(old->pos));
		} else if (!is_blank(name)) {
			Obj *l = obj_new(OBJ_LABEL, name, s->pos);
			l->decl = s;
			s->u.labeled.obj = l;
			vec_push(perm, tc.fn->labels, l);
			vec_push(perm, tc.fn->labellists, list);
			vec_push(perm, tc.fn->labelblocks, bpos);
		}
		collect_labels(s->u.labeled.stmt, list, bpos);
		break;
	}
	case N_BLOCK:
		collect_list(&s->u.block.stmts, s->pos);
		break;
	case N_IF:
		collect_labels(s->u.ifs.then, NULL, s->pos);
		collect_labels(s->u.ifs.els, NULL, s->pos);
		break;
	case N_FOR:
		collect_labels(s->u.fors.body, NULL, s->pos);
		break;
	case N_RANGE:
		collect_labels(s->u.range.body, NULL, s->pos);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		for (int i = 0; i < s->u.sw.body.len; i++) {
			Node *cl = s->u.sw.body.v[i];
			if (cl)
				collect_list(&cl->u.clause.body, cl->pos);
		}
		break;
	default:
		break;
	}
}

static void
collect_list(NodeList *l, Pos bpos)
{
	for (int i = 0; i < l->len; i++)
		collect_labels(l->v[i], l, bpos);
}

// check_gotos reports forward gotos that jump over variable declarations.
static void
check_gotos(FuncCtx *fc)
{
	for (int g = 0; g < fc->gotos.len; g++) {
		Node *s = fc->gotos.v[g];
		Node *lab = s->u.branch.target;
		int li = 0;
		while (li < fc->labels.len && fc->labels.v[li]->decl != lab)
			li++;
		if (li == fc->labels.len)
			continue;
		NodeList *l = fc->labellists.v[li];
		Node *last = NULL;
		Pos lastpos = {0};
		for (int i = 0; i < l->len; i++) {
			Node *st = l->v[i];
			if (!st || st == lab)
				break;
			if (pos_cmp(st->pos, s->pos) <= 0)
				continue;
			if (st->kind == N_DECLSTMT) {
				for (int j = 0; j < st->u.list.len; j++) {
					Node *sp = st->u.list.v[j];
					if (sp && sp->kind == N_VALUESPEC && !sp->u.value.isconst &&
					    sp->u.value.names.len) {
						last = sp->u.value.names.v[sp->u.value.names.len - 1];
						lastpos = last->pos;
					}
				}
			} else if (st->kind == N_ASSIGN && st->u.assign.define) {
				for (int j = 0; j < st->u.assign.lhs.len; j++) {
					Node *e = st->u.assign.lhs.v[j];
					if (e && e->kind == N_IDENT && e->u.ident.obj &&
					    e->u.ident.obj->decl == st) {
						last = e;
						lastpos = st->pos;
					}
				}
			}
		}
		if (last) {
			Pos lp = s->pos;
			lp.col += 5;
			error_at(lp, "goto %s jumps over declaration of %s at %s",
				 s->u.branch.label->name, last->u.ident.name->name, pos_string(lastpos));
		}
	}
}

static bool has_break(Node *s, Node *target);

static bool
list_has_break(NodeList *l, Node *target)
{
	for (int i = 0; i < l->len; i++)
		if (has_break(l->v[i], target))
			return true;
	return false;
}

static bool
has_break(Node *s, Node *target)
{
	if (!s)
		return false;
	switch (s->kind) {
	case N_BRANCH:
		return s->u.branch.kind == BR_BREAK && s->u.branch.target == target;
	case N_BLOCK:
		return list_has_break(&s->u.block.stmts, target);
	case N_LABELED:
		return has_break(s->u.labeled.stmt, target);
	case N_IF:
		return has_break(s->u.ifs.then, target) || has_break(s->u.ifs.els, target);
	case N_FOR:
		return has_break(s->u.fors.body, target);
	case N_RANGE:
		return has_break(s->u.range.body, target);
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		for (int i = 0; i < s->u.sw.body.len; i++)
			if (s->u.sw.body.v[i] && list_has_break(&s->u.sw.body.v[i]->u.clause.body, target))
				return true;
		return false;
	default:
		return false;
	}
}

static bool terminating(Node *s);

static bool
list_terminating(NodeList *l)
{
	for (int i = l->len - 1; i >= 0; i--) {
		Node *s = l->v[i];
		if (s && s->kind == N_EMPTY)
			continue;
		return terminating(s);
	}
	return false;
}

static bool
terminating(Node *s)
{
	if (!s)
		return false;
	switch (s->kind) {
	case N_RETURN:
		return true;
	case N_BRANCH:
		return s->u.branch.kind == BR_GOTO || s->u.branch.kind == BR_FALLTHROUGH;
	case N_EXPRSTMT: {
		Node *e = unparen(s->u.x);
		return e && e->kind == N_CALL && e->u.call.kind == CALL_BUILTIN &&
		       e->u.call.builtin == BI_PANIC;
	}
	case N_BLOCK:
		return list_terminating(&s->u.block.stmts);
	case N_IF:
		return s->u.ifs.els && terminating(s->u.ifs.then) && terminating(s->u.ifs.els);
	case N_LABELED:
		return terminating(s->u.labeled.stmt);
	case N_FOR:
		return !s->u.fors.cond && !has_break(s->u.fors.body, s);
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT: {
		bool hasdefault = s->kind == N_SELECT;
		for (int i = 0; i < s->u.sw.body.len; i++) {
			Node *cl = s->u.sw.body.v[i];
			if (!cl)
				continue;
			if (cl->u.clause.isdefault)
				hasdefault = true;
			if (!list_terminating(&cl->u.clause.body))
				return false;
			if (list_has_break(&cl->u.clause.body, s))
				return false;
		}
		return hasdefault;
	}
	default:
		return false;
	}
}

// ---- function bodies ----

static void
check_body(FuncInfo *fi, Node *body, FuncCtx *outer)
{
	if (!body)
		return;
	FuncCtx fc = {0};
	fc.info = fi;
	fc.sig = fi->type;
	fc.outer = outer;
	FuncCtx *sfn = tc.fn;
	StmtCtx *sst = tc.stmt;
	Scope *ssc = tc.scope;
	int siota = tc.iota;
	Obj *scur = initorder_current();
	if (fi->obj)
		initorder_set_current(fi->obj);
	tc.fn = &fc;
	tc.stmt = NULL;
	tc.iota = -1;
	tc.scope = scope_new(tc.scope);
	tc.scope->isfunc = true;
	if (fi->recv)
		declare(tc.scope, fi->recv, fi->recv->pos);
	// duplicates among parameters and results were reported with the signature; only
	// a clash with the receiver is new here
	for (int i = 0; i < fi->params.len + fi->results.len; i++) {
		Obj *p = i < fi->params.len ? fi->params.v[i] : fi->results.v[i - fi->params.len];
		if (p->name->name[0] == '~' || is_blank(p->name))
			continue;
		Obj *old = scope_lookup_local(tc.scope, p->name);
		if (!old || old == fi->recv)
			declare(tc.scope, p, p->pos);
		else
			p->flags |= OBJF_USED;
	}
	if (body->kind == N_BLOCK) {
		collect_list(&body->u.block.stmts, body->pos);
		check_stmts(&body->u.block.stmts);
		check_gotos(&fc);
		if (fi->type && fi->type->kind == TY_FUNC && fi->type->results.len > 0 &&
		    !list_terminating(&body->u.block.stmts))
			error_at(body->u.block.rbrace, "missing return");
	}
	for (int i = 0; i < fc.labels.len; i++)
		if (!(fc.labels.v[i]->flags & OBJF_USED))
			error_at(fc.labels.v[i]->pos, "label %s defined and not used",
				 fc.labels.v[i]->name->name);
	for (int i = 0; i < fi->locals.len; i++) {
		Obj *o = fi->locals.v[i];
		if (!(o->flags & OBJF_USED) && !is_blank(o->name) && !invalid_type(o->type) &&
		    !(o->decl && o->decl->kind == N_ASSIGN && o->decl->u.assign.lhs.len == 1 &&
		      unparen(o->decl->u.assign.rhs.len ? o->decl->u.assign.rhs.v[0] : NULL) &&
		      unparen(o->decl->u.assign.rhs.v[0])->kind == N_TYPEASSERT &&
		      !unparen(o->decl->u.assign.rhs.v[0])->u.assert.type))
			error_at(o->pos, "%s declared but not used", o->name->name);
	}
	tc.fn = sfn;
	tc.stmt = sst;
	tc.scope = ssc;
	tc.iota = siota;
	initorder_set_current(scur);
}

// ---- the package ----

static void finish_node(Node *n);

static bool
finish_kid(Node *n, void *ctx)
{
	(void)ctx;
	finish_node(n);
	return false;
}

// finish_node gives every remaining untyped expression its default type (a safety net:
// contexts convert untyped operands as they are checked).
static void
finish_node(Node *n)
{
	if (!n)
		return;
	if (n->type && type_is_untyped(n->type) && n->type != ty_untyped_nil && !(n->flags & NF_TYPE))
		tc_set_type(n, type_default(n->type));
	ast_kids(n, finish_kid, NULL);
}

// ---- invalid recursive types (types2's validType) ----
//
// A defined type must not contain itself through struct fields, array elements or
// embedded interfaces. valid_type walks from a defined type through the type its
// declaration names (not its underlying type, so "type x y" passes through y and y is
// named in the message), marking defined types on the way; reaching a marked type
// closes a cycle, which is reported once, from the member declared first, and that
// type becomes invalid. States per type id: 0 unknown, 1 marked, 2 valid, 3 invalid.

enum { VT_UNKNOWN, VT_MARKED, VT_VALID, VT_INVALID, VT_PENDING };
static VEC(uint8_t) vt_state;

static int
vt_get(Type *t)
{
	return t->id < vt_state.len ? vt_state.v[t->id] : VT_UNKNOWN;
}

static void
vt_set(Type *t, int st)
{
	while (vt_state.len <= t->id)
		vec_push(perm, vt_state, (uint8_t)VT_UNKNOWN);
	vt_state.v[t->id] = (uint8_t)st;
}

// decl_rhs returns the type expression a defined type's declaration names.
static Node *
decl_rhs(Type *t)
{
	Obj *o = t->obj;
	if (!o || o->kind != OBJ_TYPE || o->pkg != tc_pkg || !o->decl ||
	    o->decl->kind != N_TYPESPEC || o->decl->u.typespec.alias)
		return NULL;
	return o->decl->u.typespec.type;
}

// report_type_cycle: types2's cycleError for types (compiler wording).
static void
report_type_cycle(Obj **cycle, int n)
{
	int first = 0;
	for (int i = 1; i < n; i++)
		if (pos_cmp(cycle[i]->pos, cycle[first]->pos) < 0)
			first = i;
	Obj *o = cycle[first];
	char *msg = arena_sprintf(perm, "invalid recursive type %s", o->name->name);
	int i = first;
	for (int k = 0; k < n; k++) {
		msg = arena_sprintf(perm, "%s\n\t%s: %s refers to", msg, pos_string(o->pos),
				    o->name->name);
		i = (i + 1) % n;
		o = cycle[i];
	}
	msg = arena_sprintf(perm, "%s\n\t%s: %s", msg, pos_string(o->pos), o->name->name);
	error_at(cycle[first]->pos, "%s", msg);
}

static int valid_type0(Type *t, Node *rhs, ObjPath *path);

static int
valid_fields(Type *u, Node *rhs, ObjPath *path)
{
	int res = VT_VALID;
	Node *r = rhs;
	while (r && r->kind == N_PAREN)
		r = r->u.x;
	if (r && r->kind == N_INTERFACETYPE) {
		for (int i = 0; i < r->u.fields.len; i++) {
			Node *f = r->u.fields.v[i];
			if (!f || f->kind != N_FIELD || f->u.field.names.len || !f->u.field.type)
				continue;
			Node *ft = f->u.field.type, *alias = NULL;
			if (ft->kind == N_IDENT && ft->u.ident.obj && ft->u.ident.obj->decl &&
			    ft->u.ident.obj->decl->kind == N_TYPESPEC &&
			    ft->u.ident.obj->decl->u.typespec.alias && ft->u.ident.obj->pkg == tc_pkg)
				alias = ft->u.ident.obj->decl->u.typespec.type; // see through aliases
			Type *et = ft->type;
			if (!et && ft->kind == N_IDENT && ft->u.ident.obj &&
			    ft->u.ident.obj->kind == OBJ_TYPE)
				et = ft->u.ident.obj->type; // inside its own declaration
			int st = valid_type0(et, alias, path);
			if (st == VT_INVALID)
				return st;
			if (st == VT_PENDING)
				res = st;
		}
		return res;
	}
	if (!u)
		return VT_VALID;
	if (u->kind == TY_ARRAY)
		return valid_type0(u->elem, NULL, path);
	if (u->kind == TY_STRUCT)
		for (int i = 0; i < u->fields.len; i++) {
			int st = valid_type0(u->fields.v[i].type, NULL, path);
			if (st == VT_INVALID)
				return st;
			if (st == VT_PENDING)
				res = st;
		}
	return res;
}

// valid_type0 checks t (with its type expression rhs when t is unnamed and written out)
// along path, the defined types walked through so far.
static int
valid_type0(Type *t, Node *rhs, ObjPath *path)
{
	if (!t)
		return VT_VALID;
	Node *drhs = decl_rhs(t);
	if (!drhs)
		return t->obj ? VT_VALID : valid_fields(t, rhs, path);
	if (t->incomplete || !drhs->type)
		return VT_PENDING; // still being declared: decided later
	// an interface made invalid by an embedded alias still being declared is walked
	// through its source, where the cycle shows
	if (type_under(t) == ty_invalid && drhs->kind != N_INTERFACETYPE)
		return VT_INVALID;
	switch (vt_get(t)) {
	case VT_UNKNOWN: {
		Type *rt = drhs->type;
		vt_set(t, VT_MARKED);
		vec_push(perm, *path, t->obj);
		int st = rt->obj ? valid_type0(rt, NULL, path) : valid_fields(type_under(rt), drhs, path);
		path->len--;
		vt_set(t, st == VT_PENDING ? VT_UNKNOWN : st);
		return st;
	}
	case VT_MARKED:
		for (int i = 0; i < path->len; i++)
			if (path->v[i] == t->obj) {
				report_type_cycle(path->v + i, path->len - i);
				vt_set(t, VT_INVALID);
				type_set_underlying(t, ty_invalid);
				return VT_INVALID;
			}
		return VT_VALID;
	default:
		return vt_get(t);
	}
}

// valid_type checks the defined type t for invalid recursion (reported once).
static void
valid_type(Type *t)
{
	ObjPath path = {0};
	if (t && t->obj && vt_get(t) == VT_UNKNOWN)
		valid_type0(t, NULL, &path);
}

static void
check_recursive_types(void)
{
	for (int i = 0; i < tc_pkg->types.len; i++) {
		Obj *o = tc_pkg->types.v[i];
		if (o->type && o->type->obj == o)
			valid_type(o->type);
	}
}

static char *
unquote_path(Node *lit)
{
	if (!lit || lit->kind != N_BASICLIT || lit->u.lit.kind != LIT_STRING)
		return NULL;
	const char *err;
	ConstVal *c = const_from_lit(LIT_STRING, lit->u.lit.text, lit->u.lit.len, &err);
	if (!c)
		return NULL;
	return arena_strndup(perm, c->s, (size_t)c->slen);
}

// raw_len: the length of the string literal lit's value (which may hold NUL bytes).
static size_t
raw_len(Node *lit)
{
	const char *err;
	ConstVal *c = const_from_lit(LIT_STRING, lit->u.lit.text, lit->u.lit.len, &err);
	return c ? (size_t)c->slen : 0;
}

// clean_path: path.Clean for import paths (no rooted paths reach it).
static char *
clean_path(const char *p)
{
	VEC(const char *) elems = {0};
	VEC(int) lens = {0};
	const char *s = p;
	while (*s) {
		const char *e = strchr(s, '/');
		int n = e ? (int)(e - s) : (int)strlen(s);
		if (n == 0 || (n == 1 && s[0] == '.')) {
			// empty or "." element: dropped
		} else if (n == 2 && s[0] == '.' && s[1] == '.' && elems.len > 0 &&
			   !(lens.v[lens.len - 1] == 2 && elems.v[elems.len - 1][0] == '.' &&
			     elems.v[elems.len - 1][1] == '.')) {
			elems.len--;
			lens.len--;
		} else {
			vec_push(perm, elems, s);
			vec_push(perm, lens, n);
		}
		s += n;
		if (*s == '/')
			s++;
	}
	if (elems.len == 0)
		return arena_strndup(perm, ".", 1);
	char *out = arena_alloc(perm, strlen(p) + 2);
	int k = 0;
	for (int i = 0; i < elems.len; i++) {
		if (i)
			out[k++] = '/';
		memcpy(out + k, elems.v[i], (size_t)lens.v[i]);
		k += lens.v[i];
	}
	out[k] = 0;
	return out;
}

// import_path_error: gc's checks of an import path, as the text of its error, or NULL.
static const char *
import_path_error(const char *path)
{
	if (!*path)
		return "empty string";
	const unsigned char *s = (const unsigned char *)path;
	while (*s) {
		uint32_t r;
		int n = 1;
		if (s[0] < 0x80) {
			r = s[0];
		} else if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80 && s[0] >= 0xc2) {
			r = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
			n = 2;
		} else if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
			r = (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
			n = 3;
		} else if ((s[0] & 0xf8) == 0xf0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
			   (s[3] & 0xc0) == 0x80) {
			r = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
			    (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
			n = 4;
		} else {
			return "invalid character U+FFFD '\xef\xbf\xbd'";
		}
		if (r < 0x20 || (r >= 0x7f && r < 0xa0))
			return arena_sprintf(perm, "invalid character U+%04X", r);
		if (r == 0xfffd)
			return "invalid character U+FFFD '\xef\xbf\xbd'";
		if (r < 0x80 && (r == ' ' || strchr("!\"#$%&'()*,:;<=>?[\\]^`{|}", (int)r)))
			return arena_sprintf(perm, "invalid character U+%04X '%c'", r, (char)r);
		s += n;
	}
	if (path[0] == '/')
		return arena_sprintf(perm, "could not import %s (import path cannot be absolute path)",
				     path);
	const char *c = clean_path(path);
	if (strcmp(c, path) != 0)
		return arena_sprintf(perm, "could not import %s (non-canonical import path \"%s\" (should be \"%s\"))",
				     path, path, c);
	return NULL;
}

static void
collect_imports(Node *file, Scope *fs)
{
	for (int i = 0; i < file->u.file.imports.len; i++) {
		Node *im = file->u.file.imports.v[i];
		if (!im || im->kind != N_IMPORTSPEC)
			continue;
		char *path = unquote_path(im->u.import.path);
		if (!path) {
			error_at(im->u.import.path ? im->u.import.path->pos : im->pos, "invalid import path");
			continue;
		}
		const char *bad = import_path_error(path);
		if (strlen(path) != raw_len(im->u.import.path))
			bad = "invalid character U+0000"; // a NUL byte ends the C string early
		if (bad) {
			if (strncmp(bad, "could not import", 16) == 0)
				error_at(im->u.import.path->pos, "%s", bad);
			else
				error_at(im->u.import.path->pos, "invalid import path (%s)", bad);
			continue;
		}
		if (im->u.import.name && im->u.import.name->u.ident.name == sym_cstr("init")) {
			error_at(im->u.import.name->pos,
				 "cannot import package as init - init must be a func");
			continue;
		}
		Package *p = strcmp(path, "unsafe") == 0 ? pkg_unsafe : std_import(path);
		if (!p) {
			error_at(im->u.import.path->pos, "could not import %s (package %s is not in std)",
				 path, path);
			continue;
		}
		Node *nm = im->u.import.name;
		Sym *name = nm ? nm->u.ident.name : p->name;
		if (nm && strcmp(name->name, ".") == 0) {
			for (int j = 0; j < p->scope->objs.len; j++) {
				Obj *o = p->scope->objs.v[j];
				if (o->name->name[0] >= 'A' && o->name->name[0] <= 'Z')
					scope_insert(fs, o);
			}
			continue;
		}
		Obj *po = obj_new(OBJ_PKG, name, nm ? nm->pos : im->u.import.path->pos);
		po->path = path;
		po->decl = im;
		po->pkg = tc_pkg;
		im->u.import.obj = po;
		if (nm)
			nm->u.ident.obj = po;
		if (is_blank(name))
			continue;
		declare(fs, po, po->pos);
		vec_push(perm, tc.imports, po);
	}
}

// declare_pkg_obj declares a package-level constant, variable or type, which must not
// be named init (nor main in package main): those are reported and left undeclared.
static void
declare_pkg_obj(Scope *ps, Obj *o)
{
	if (o->name == sym_cstr("init")) {
		error_at(o->pos, "cannot declare init - must be func");
		o->flags |= OBJF_USED;
		return;
	}
	if (o->name == sym_cstr("main") && tc_pkg->name == sym_cstr("main")) {
		error_at(o->pos, "cannot declare main - must be func");
		o->flags |= OBJF_USED;
		return;
	}
	declare(ps, o, o->pos);
}

static void
collect_decls(Node *file, Scope *fs)
{
	Scope *ps = tc_pkg->scope;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (!d)
			continue;
		if (d->kind == N_FUNCDECL) {
			Node *nm = d->u.funcdecl.name;
			Sym *name = nm ? nm->u.ident.name : sym_cstr("_");
			Obj *o = obj_new(OBJ_FUNC, name, nm ? nm->pos : d->pos);
			o->decl = d;
			o->flags = OBJF_GLOBAL;
			if (nm)
				nm->u.ident.obj = o;
			add_decl(o, fs);
			if (d->u.funcdecl.recv) {
				o->flags |= OBJF_METHOD;
				vec_push(perm, tc.methods, d);
				continue;
			}
			if (name == sym_cstr("init")) {
				if (d->u.funcdecl.type && (d->u.funcdecl.type->u.functype.params.len ||
							   d->u.funcdecl.type->u.functype.results.len))
					error_at(o->pos, "func init must have no arguments and no return values");
				if (!d->u.funcdecl.body)
					error_at(o->pos, "missing function body");
				continue;
			}
			if (name == sym_cstr("main") && tc_pkg->name == sym_cstr("main") &&
			    d->u.funcdecl.type && (d->u.funcdecl.type->u.functype.params.len ||
						   d->u.funcdecl.type->u.functype.results.len))
				error_at(o->pos, "func main must have no arguments and no return values");
			declare(ps, o, o->pos);
			continue;
		}
		if (d->kind != N_DECLSTMT)
			continue;
		for (int j = 0; j < d->u.list.len; j++) {
			Node *spec = d->u.list.v[j];
			if (!spec)
				continue;
			if (spec->kind == N_VALUESPEC) {
				for (int k = 0; k < spec->u.value.names.len; k++) {
					Node *nm = spec->u.value.names.v[k];
					Obj *o = obj_new(spec->u.value.isconst ? OBJ_CONST : OBJ_VAR,
							 nm->u.ident.name, nm->pos);
					o->decl = spec;
					nm->u.ident.obj = o;
					add_decl(o, fs);
					if (!spec->u.value.isconst) {
						o->flags |= OBJF_GLOBAL;
						vec_push(perm, tc.pkgvars, o);
					}
					declare_pkg_obj(ps, o);
				}
				if (spec->u.value.isconst && spec->u.value.values.len > spec->u.value.names.len &&
				    spec->u.value.names.len > 0)
					error_at(expr_startpos(spec->u.value.values.v[spec->u.value.names.len]),
						 "extra init expr");
			} else if (spec->kind == N_TYPESPEC) {
				Node *nm = spec->u.typespec.name;
				Obj *o = obj_new(OBJ_TYPE, nm->u.ident.name, nm->pos);
				o->decl = spec;
				nm->u.ident.obj = o;
				add_decl(o, fs);
				if (!spec->u.typespec.alias) {
					o->type = type_named(o);
					vec_push(perm, tc_pkg->types, o);
				}
				declare_pkg_obj(ps, o);
			}
		}
	}
}

static void
collect_methods(void)
{
	for (int i = 0; i < tc.methods.len; i++) {
		Node *d = tc.methods.v[i];
		Obj *o = d->u.funcdecl.name ? d->u.funcdecl.name->u.ident.obj : NULL;
		if (!o)
			continue;
		Node *rt = d->u.funcdecl.recv ? unparen(d->u.funcdecl.recv->u.field.type) : NULL;
		if (rt && rt->kind == N_STAR)
			rt = unparen(rt->u.x);
		if (!rt || rt->kind != N_IDENT)
			continue;
		Obj *to = scope_lookup_local(tc_pkg->scope, rt->u.ident.name);
		if (!to || to->kind != OBJ_TYPE || !to->type || !to->type->obj || to->type->obj != to)
			continue;
		Type *t = to->type;
		if (is_blank(o->name))
			continue;
		bool dup = false;
		for (int j = 0; j < t->methods.len; j++)
			if (t->methods.v[j]->name == o->name) {
				error_at(o->pos, "%s.%s redeclared in this block\n\t%s: other declaration of %s.%s",
					 to->name->name, o->name->name, pos_string(t->methods.v[j]->pos),
					 to->name->name, o->name->name);
				dup = true;
			}
		if (!dup)
			vec_push(perm, t->methods, o);
	}
}

static void
check_field_method_clash(void)
{
	for (int i = 0; i < tc_pkg->types.len; i++) {
		Type *t = tc_pkg->types.v[i]->type;
		if (!t || t->kind != TY_STRUCT)
			continue;
		for (int j = 0; j < t->methods.len; j++) {
			Obj *m = t->methods.v[j];
			for (int k = 0; k < t->fields.len; k++)
				if (t->fields.v[k].name == m->name)
					error_at(m->pos, "field and method with the same name %s\n\t%s: other declaration of %s",
						 m->name->name, pos_string(t->fields.v[k].pos), m->name->name);
		}
	}
}

static int
cmp_funcs(const void *a, const void *b)
{
	FuncInfo *x = *(FuncInfo *const *)a, *y = *(FuncInfo *const *)b;
	int c = pos_cmp(x->decl ? x->decl->pos : (Pos){0}, y->decl ? y->decl->pos : (Pos){0});
	if (c)
		return c;
	return x < y ? -1 : x > y; // not reached: two functions never share a position
}

// tc_package binds and type-checks one package made of files. Requires: types_init().
// Re-entrant for std packages checked on demand.
Package *
tc_package(Node **files, int nfiles)
{
	types_init();
	// save the state of an enclosing check (std packages are checked on demand)
	__typeof__(tc) saved = tc;
	__typeof__(decls) saveddecls = decls;
	__typeof__(deferred) saveddeferred = deferred;
	memset(&deferred, 0, sizeof deferred);
	Package *savedpkg = tc_pkg, *savedts = typestr_pkg;
	memset(&tc, 0, sizeof tc);
	memset(&decls, 0, sizeof decls);
	tc.iota = -1;
	Package *pkg = NEW(perm, Package);
	tc_pkg = pkg;
	typestr_pkg = pkg;
	pkg->name = sym_cstr("main");
	for (int i = 0; i < nfiles; i++)
		if (files[i] && files[i]->u.file.pkgname) {
			pkg->name = files[i]->u.file.pkgname->u.ident.name;
			break;
		}
	pkg->path = pkg->name->name;
	pkg->scope = scope_new(universe);
	pkg->scope->ispkg = true;
	Scope **fscopes = NEWARR(perm, Scope *, nfiles + 1);
	for (int i = 0; i < nfiles; i++) {
		Node *f = files[i];
		if (!f || f->kind != N_FILE)
			continue;
		vec_push(perm, pkg->files, f);
		fscopes[i] = scope_new(pkg->scope);
		collect_imports(f, fscopes[i]);
	}
	for (int i = 0; i < nfiles; i++)
		if (files[i] && files[i]->kind == N_FILE)
			collect_decls(files[i], fscopes[i]);
	collect_methods();
	for (int i = 0; i < decls.len; i++)
		if (decls.v[i].color == WHITE)
			check_pkg_obj(decls.v[i].obj);
	resolve_deferred();
	check_recursive_types();
	run_later_checks();
	check_field_method_clash();
	// function bodies in source order
	for (int i = 0; i < nfiles; i++) {
		Node *f = files[i];
		if (!f || f->kind != N_FILE)
			continue;
		for (int j = 0; j < f->u.file.decls.len; j++) {
			Node *d = f->u.file.decls.v[j];
			if (!d || d->kind != N_FUNCDECL || !d->u.funcdecl.info)
				continue;
			FuncInfo *fi = d->u.funcdecl.info;
			vec_push(perm, pkg->funcs, fi);
			Obj *o = fi->obj;
			if (o && o->name == sym_cstr("init") && !d->u.funcdecl.recv)
				vec_push(perm, pkg->initfuncs, fi);
			tc.scope = fscopes[i];
			tc.filescope = fscopes[i];
			check_body(fi, d->u.funcdecl.body, NULL);
		}
	}
	// unused imports
	for (int i = 0; i < tc.imports.len; i++) {
		Obj *po = tc.imports.v[i];
		if (po->flags & OBJF_USED)
			continue;
		Node *im = po->decl;
		Pos pos = im && im->u.import.name ? im->u.import.name->pos :
			  im && im->u.import.path ? im->u.import.path->pos : po->pos;
		if (im && im->u.import.name)
			error_at(pos, "imported and not used: \"%s\" as %s", po->path, po->name->name);
		else
			error_at(pos, "imported and not used: \"%s\"", po->path);
	}
	run_later_checks();
	initorder_compute(pkg, &tc.pkgvars);
	if (pkg->name == sym_cstr("main") && savedpkg == NULL) {
		Obj *m = scope_lookup_local(pkg->scope, sym_cstr("main"));
		if (!m || m->kind != OBJ_FUNC) {
			if (!m && diag_nerrors() == 0)
				error_at((Pos){0}, "function main is undeclared in the main package");
		}
	}
	if (pkg->funcs.len > 1)
		qsort(pkg->funcs.v, (size_t)pkg->funcs.len, sizeof(FuncInfo *), cmp_funcs);
	for (int i = 0; i < nfiles; i++)
		finish_node(files[i]);
	type_layout_all();
	tc = saved;
	decls = saveddecls;
	deferred = saveddeferred;
	tc_pkg = savedpkg;
	if (savedpkg)
		typestr_pkg = savedts;
	return pkg;
}
