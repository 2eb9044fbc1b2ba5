// builtins.c: checking of calls to the predeclared functions (len, cap, append, make,
// new, copy, delete, panic, print, println, complex, real, imag, recover, close) and to
// unsafe's Sizeof, Alignof, Offsetof, Add and Slice, with types2's messages. Constant
// results (len of a constant string or of an array, unsafe.Sizeof, complex/real/imag of
// constants) are folded here.
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

static const char *const bi_names[BI_COUNT] = {
	[BI_APPEND] = "append", [BI_CAP] = "cap", [BI_CLOSE] = "close",
	[BI_COMPLEX] = "complex", [BI_COPY] = "copy", [BI_DELETE] = "delete",
	[BI_IMAG] = "imag", [BI_LEN] = "len", [BI_MAKE] = "make", [BI_NEW] = "new",
	[BI_PANIC] = "panic", [BI_PRINT] = "print", [BI_PRINTLN] = "println",
	[BI_REAL] = "real", [BI_RECOVER] = "recover", [BI_SIZEOF] = "Sizeof",
	[BI_ALIGNOF] = "Alignof", [BI_OFFSETOF] = "Offsetof", [BI_ADD] = "Add",
	[BI_SLICE] = "Slice",
};

static void
bad(Operand *x)
{
	x->mode = M_INVALID;
	x->type = ty_invalid;
	x->val = NULL;
}

// has_call_or_recv reports whether evaluating n involves a call or a receive (then len
// of an array is not constant).
static bool
has_call_or_recv(Node *n)
{
	if (!n)
		return false;
	switch (n->kind) {
	case N_CALL:
		return n->u.call.kind != CALL_CONV || has_call_or_recv(n->u.call.args.len ? n->u.call.args.v[0] : NULL);
	case N_UNARY:
		return n->u.unary.op == AOP_RECV || has_call_or_recv(n->u.unary.x);
	case N_PAREN: case N_STAR:
		return has_call_or_recv(n->u.x);
	case N_SELECTOR:
		return has_call_or_recv(n->u.sel.x);
	case N_INDEX:
		return has_call_or_recv(n->u.index.x) ||
		       (n->u.index.index.len && has_call_or_recv(n->u.index.index.v[0]));
	case N_BINARY:
		return has_call_or_recv(n->u.binary.x) || has_call_or_recv(n->u.binary.y);
	case N_KEYVALUE:
		return has_call_or_recv(n->u.kv.key) || has_call_or_recv(n->u.kv.value);
	case N_COMPOSITE:
		for (int i = 0; i < n->u.comp.elts.len; i++)
			if (has_call_or_recv(n->u.comp.elts.v[i]))
				return true;
		return false;
	case N_SLICEEXPR:
		return has_call_or_recv(n->u.slice.x) || has_call_or_recv(n->u.slice.lo) ||
		       has_call_or_recv(n->u.slice.hi) || has_call_or_recv(n->u.slice.max);
	case N_TYPEASSERT:
		return has_call_or_recv(n->u.assert.x);
	default:
		return false;
	}
}

static void
int_arg(Operand *a, const char *what)
{
	if (a->mode == M_INVALID)
		return;
	if (type_is_untyped(a->type)) {
		if (a->mode == M_CONST && a->val && !const_is_int_value(a->val)) {
			error_at(expr_startpos(a->expr), "%s truncated to int", opstr(a));
			bad(a);
			return;
		}
		tc_convert_untyped(a, ty_int);
	}
	if (a->mode == M_INVALID)
		return;
	if (!type_is_integer(a->type)) {
		error_at(expr_startpos(a->expr), "cannot convert %s to type int", opstr(a));
		bad(a);
		return;
	}
	if (a->mode == M_CONST && a->val && const_sign(a->val) < 0) {
		error_at(expr_startpos(a->expr), "invalid argument: %s %s must not be negative",
			 what, opstr(a));
		bad(a);
	}
}

// tc_builtin checks the call n of builtin id; x receives the result.
void
tc_builtin(Operand *x, Node *n, BuiltinId id)
{
	NodeList *args = &n->u.call.args;
	int na = args->len;
	const char *name = bi_names[id] ? bi_names[id] : "?";
	int want = 1;
	bool variadic = false;
	switch (id) {
	case BI_APPEND: want = 1; variadic = true; break;
	case BI_MAKE: want = 1; variadic = true; break;
	case BI_PRINT: case BI_PRINTLN: want = 0; variadic = true; break;
	case BI_COMPLEX: case BI_COPY: case BI_DELETE: case BI_ADD: case BI_SLICE: want = 2; break;
	case BI_RECOVER: want = 0; break;
	default: want = 1; break;
	}
	if (n->u.call.dots && id != BI_APPEND) {
		error_at(expr_startpos(n), "invalid operation: invalid use of ... with built-in %s", name);
		tc_use_args(n);
		bad(x);
		return;
	}
	if (na == 1 && want > 1 && args->v[0] && args->v[0]->kind == N_CALL) {
		// f(g()) with a multi-value g: count its results
		Operand t;
		tc_rawexpr(&t, args->v[0], false);
		if (t.mode == M_INVALID) {
			bad(x);
			return;
		}
		if (t.mode == M_VALUE && t.type && t.type->kind == TY_TUPLE && !t.type->obj)
			na = t.type->fields.len;
	}
	if (na < want || (!variadic && na > want)) {
		error_at(expr_startpos(n), "invalid operation: %s arguments for %s (expected %d, found %d)",
			 na < want ? "not enough" : "too many", tc_exprstr(n), want, na);
		tc_use_args(n);
		bad(x);
		return;
	}
	// type arguments first
	Operand a0 = {0};
	if (id == BI_MAKE || id == BI_NEW || id == BI_SIZEOF || id == BI_ALIGNOF || id == BI_OFFSETOF) {
		if (id == BI_MAKE || id == BI_NEW) {
			Type *t = tc_type(args->v[0]);
			if (t == ty_invalid) {
				for (int i = 1; i < na; i++) {
					Operand z;
					tc_expr(&z, args->v[i]);
				}
				bad(x);
				return;
			}
			if (id == BI_NEW) {
				x->mode = M_VALUE;
				x->type = type_pointer(t);
				return;
			}
			Type *u = type_under(t);
			int min = 1, max = 1;
			if (u->kind == TY_SLICE)
				min = 2, max = 3;
			else if (u->kind == TY_MAP || u->kind == TY_CHAN)
				min = 1, max = 2;
			else {
				error_at(expr_startpos(args->v[0]),
					 "invalid argument: cannot make %s; type must be slice, map, or channel",
					 tc_exprstr(args->v[0]));
				for (int i = 1; i < na; i++) {
					Operand z;
					tc_expr(&z, args->v[i]);
				}
				bad(x);
				return;
			}
			if (na < min || na > max) {
				error_at(expr_startpos(n), "invalid operation: %s expects %d or %d arguments; found %d",
					 tc_exprstr(n), min, max, na);
				tc_use_args(n);
				bad(x);
				return;
			}
			int64_t sizes[2] = {-1, -1};
			for (int i = 1; i < na; i++) {
				Operand z;
				tc_expr(&z, args->v[i]);
				if (z.mode == M_INVALID)
					continue;
				if (type_is_untyped(z.type) && z.mode == M_CONST && z.val &&
				    !const_is_int_value(z.val)) {
					error_at(expr_startpos(z.expr), "%s truncated to int", opstr(&z));
					continue;
				}
				if (type_is_untyped(z.type) && z.mode == M_CONST && z.val &&
				    !const_fits_int64(const_to_kind(z.val, CK_INT))) {
					error_at(expr_startpos(z.expr), "invalid argument: index %s overflows int",
						 opstr(&z));
					continue;
				}
				if (type_is_untyped(z.type))
					tc_convert_untyped(&z, ty_int);
				if (z.mode == M_INVALID)
					continue;
				if (!type_is_integer(z.type)) {
					error_at(expr_startpos(z.expr), "invalid argument: index %s must be integer",
						 opstr(&z));
					continue;
				}
				if (z.mode == M_CONST && z.val) {
					if (const_sign(z.val) < 0) {
						error_at(expr_startpos(z.expr),
							 "invalid argument: index %s must not be negative",
							 opstr(&z));
						continue;
					}
					if (!const_fits_int64(z.val)) {
						error_at(expr_startpos(z.expr),
							 "invalid argument: index %s overflows int", opstr(&z));
						continue;
					}
					sizes[i - 1] = const_int64(z.val);
				}
			}
			if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1])
				error_at(expr_startpos(args->v[1]), "invalid argument: length and capacity swapped");
			x->mode = M_VALUE;
			x->type = t;
			return;
		}
		if (id == BI_OFFSETOF) {
			Node *sel = args->v[0];
			while (sel && sel->kind == N_PAREN)
				sel = sel->u.x;
			tc_expr(&a0, args->v[0]);
			if (a0.mode == M_INVALID) {
				bad(x);
				return;
			}
			if (!sel || sel->kind != N_SELECTOR || sel->u.sel.sel.kind != SEL_FIELD) {
				error_at(expr_startpos(args->v[0]), "invalid argument: %s is not a selector expression",
					 tc_exprstr(args->v[0]));
				bad(x);
				return;
			}
			bool viaptr = false;
			{
				Type *pt = sel->u.sel.x->type;
				for (int i = 0; i < sel->u.sel.sel.npath - 1 && pt; i++) {
					Type *u = type_under(pt);
					if (u->kind == TY_POINTER)
						u = type_under(u->elem);
					if (u->kind != TY_STRUCT || sel->u.sel.sel.path[i] >= u->fields.len)
						break;
					pt = u->fields.v[sel->u.sel.sel.path[i]].type;
					if (type_under(pt)->kind == TY_POINTER)
						viaptr = true;
				}
			}
			if (viaptr) {
				error_at(expr_startpos(args->v[0]), "invalid argument: field %s is embedded via a pointer in %s",
					 sel->u.sel.name->name, tc_exprstr(sel->u.sel.x));
				bad(x);
				return;
			}
			// walk the path adding offsets
			Type *t = sel->u.sel.x->type;
			int64_t off = 0;
			for (int i = 0; i < sel->u.sel.sel.npath && t; i++) {
				Type *u = type_under(t);
				if (u->kind == TY_POINTER)
					u = type_under(u->elem);
				if (u->kind != TY_STRUCT || sel->u.sel.sel.path[i] >= u->fields.len)
					break;
				type_size(u);
				Field *f = &u->fields.v[sel->u.sel.sel.path[i]];
				off += f->offset;
				t = f->type;
			}
			x->mode = M_CONST;
			x->type = ty_uintptr;
			x->val = const_make_int64(off);
			return;
		}
		tc_expr(&a0, args->v[0]);
		if (a0.mode == M_INVALID) {
			bad(x);
			return;
		}
		tc_default(&a0);
		if (a0.type == ty_untyped_nil) {
			error_at(expr_startpos(args->v[0]), "use of untyped nil in argument to built-in %s", name);
			bad(x);
			return;
		}
		x->mode = M_CONST;
		x->type = ty_uintptr;
		x->val = const_make_int64(id == BI_SIZEOF ? type_size(a0.type) : type_align(a0.type));
		return;
	}
	// value arguments (a single multi-value call is spread)
	Operand *ops = NEWARR(perm, Operand, na + 1);
	bool anybad = false;
	if (args->len == 1 && args->v[0] && args->v[0]->kind == N_CALL) {
		Operand t;
		tc_rawexpr(&t, args->v[0], false);
		if (t.mode == M_VALUE && t.type && t.type->kind == TY_TUPLE && !t.type->obj) {
			na = t.type->fields.len;
			ops = NEWARR(perm, Operand, na + 1);
			for (int i = 0; i < na; i++)
				ops[i] = (Operand){.mode = M_VALUE, .expr = args->v[0],
						   .type = t.type->fields.v[i].type};
		} else {
			tc_single_value(&t);
			ops[0] = t;
			if (t.mode == M_INVALID)
				anybad = true;
		}
	} else {
		for (int i = 0; i < na; i++) {
			tc_expr(&ops[i], args->v[i]);
			if (ops[i].mode == M_INVALID)
				anybad = true;
		}
	}
	if (anybad) {
		bad(x);
		if (id == BI_PRINT || id == BI_PRINTLN || id == BI_PANIC || id == BI_CLOSE ||
		    id == BI_DELETE || id == BI_COPY) {
			x->mode = id == BI_COPY ? M_VALUE : M_NOVALUE;
			x->type = id == BI_COPY ? ty_int : type_tuple(NULL, 0);
		}
		return;
	}
	Operand *a = &ops[0];
	switch (id) {
	case BI_LEN:
	case BI_CAP: {
		Type *u = type_under(a->type);
		if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY)
			u = type_under(u->elem);
		bool ok = false;
		ConstVal *cv = NULL;
		switch (u->kind) {
		case TY_STRING:
		case TY_UNTYPED_STRING:
			ok = id == BI_LEN;
			if (ok && a->mode == M_CONST && a->val)
				cv = const_make_int64(a->val->slen);
			if (type_is_untyped(a->type))
				tc_default(a);
			break;
		case TY_ARRAY:
			ok = true;
			if (!has_call_or_recv(a->expr))
				cv = const_make_int64(u->len);
			break;
		case TY_SLICE:
		case TY_CHAN:
			ok = true;
			break;
		case TY_MAP:
			ok = id == BI_LEN;
			break;
		default:
			break;
		}
		if (!ok) {
			error_at(expr_startpos(a->expr), "invalid argument: %s for %s", opstr(a), name);
			bad(x);
			return;
		}
		x->mode = cv ? M_CONST : M_VALUE;
		x->val = cv;
		x->type = ty_int;
		return;
	}
	case BI_APPEND: {
		Type *s = a->type;
		if (s == ty_untyped_nil) {
			error_at(expr_startpos(a->expr), "first argument to append must be a typed slice; found untyped nil");
			bad(x);
			return;
		}
		Type *u = type_under(s);
		if (u->kind != TY_SLICE) {
			error_at(expr_startpos(a->expr), "invalid argument: %s is not a slice", opstr(a));
			bad(x);
			return;
		}
		if (n->u.call.dots) {
			if (na != 2) {
				error_at(expr_startpos(n), "can only use ... with final argument in list");
				bad(x);
				return;
			}
			Operand *b = &ops[1];
			if (type_under(u->elem)->kind == TY_UINT8 && type_is_string(b->type)) {
				tc_default(b);
			} else {
				tc_assign_to(b, s, "argument to append");
			}
		} else {
			for (int i = 1; i < na; i++)
				tc_assign_to(&ops[i], u->elem, "argument to append");
		}
		x->mode = M_VALUE;
		x->type = s;
		return;
	}
	case BI_COPY: {
		Operand *b = &ops[1];
		Type *du = type_under(a->type), *su = type_under(b->type);
		if (du->kind != TY_SLICE) {
			error_at(expr_startpos(a->expr), "invalid argument: copy expects slice arguments; found %s and %s",
				 opstr(a), opstr(b));
			bad(x);
			return;
		}
		if (type_is_string(b->type)) {
			// a string source counts as []byte (types2 spells the element "byte")
			if (du->elem != ty_uint8) {
				error_at(expr_startpos(a->expr), "invalid argument: arguments to copy %s and %s have different element types %s and byte",
					 opstr(a), opstr(b), type_string(du->elem));
				bad(x);
				return;
			}
			tc_default(b);
		} else if (su->kind != TY_SLICE) {
			error_at(expr_startpos(a->expr), "invalid argument: copy expects slice arguments; found %s and %s",
				 opstr(a), opstr(b));
			bad(x);
			return;
		} else if (du->elem != su->elem) {
			error_at(expr_startpos(a->expr), "invalid argument: arguments to copy %s and %s have different element types %s and %s",
				 opstr(a), opstr(b), type_string(du->elem), type_string(su->elem));
			bad(x);
			return;
		}
		x->mode = M_VALUE;
		x->type = ty_int;
		return;
	}
	case BI_DELETE: {
		Type *u = type_under(a->type);
		if (u->kind != TY_MAP) {
			error_at(expr_startpos(a->expr), "invalid argument: %s is not a map", opstr(a));
			bad(x);
			return;
		}
		tc_assign_to(&ops[1], u->key, "argument to delete");
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		return;
	}
	case BI_CLOSE: {
		Type *u = type_under(a->type);
		if (u->kind != TY_CHAN) {
			error_at(expr_startpos(a->expr), "invalid operation: cannot close non-channel %s", opstr(a));
			bad(x);
			return;
		}
		if (u->dir == CHAN_RECV) {
			error_at(expr_startpos(a->expr), "invalid operation: cannot close receive-only channel %s",
				 opstr(a));
			bad(x);
			return;
		}
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		return;
	}
	case BI_PANIC:
		tc_assign_to(a, ty_any, "argument to panic");
		if (a->mode != M_INVALID && a->type == ty_untyped_nil)
			a->expr->type = ty_any;
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		return;
	case BI_PRINT:
	case BI_PRINTLN:
		for (int i = 0; i < na; i++) {
			if (ops[i].type == ty_untyped_nil) {
				error_at(expr_startpos(ops[i].expr), "use of untyped nil in argument to built-in %s", name);
				continue;
			}
			tc_default(&ops[i]);
		}
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		return;
	case BI_RECOVER:
		x->mode = M_VALUE;
		x->type = ty_any;
		return;
	case BI_COMPLEX: {
		Operand *b = &ops[1];
		if (type_is_untyped(a->type) && !type_is_untyped(b->type))
			tc_convert_untyped(a, b->type);
		else if (type_is_untyped(b->type) && !type_is_untyped(a->type))
			tc_convert_untyped(b, a->type);
		else if (type_is_untyped(a->type) && type_is_untyped(b->type) &&
			 !(a->mode == M_CONST && b->mode == M_CONST)) {
			tc_convert_untyped(a, ty_float64);
			tc_convert_untyped(b, ty_float64);
		}
		if (a->mode == M_INVALID || b->mode == M_INVALID) {
			bad(x);
			return;
		}
		if (a->mode == M_CONST && b->mode == M_CONST && type_is_untyped(a->type) &&
		    type_is_untyped(b->type)) {
			ConstVal *re = const_to_kind(a->val, CK_FLOAT), *im = const_to_kind(b->val, CK_FLOAT);
			if (!re || !im) {
				error_at(expr_startpos(a->expr), "invalid operation: complex(%s, %s) (mismatched types)",
					 tc_exprstr(a->expr), tc_exprstr(b->expr));
				bad(x);
				return;
			}
			ConstVal *iv = const_binary(AOP_MUL, im, const_from_lit(LIT_IMAG, "1i", 2, &(const char *){0}), false);
			x->mode = M_CONST;
			x->val = const_binary(AOP_ADD, re, iv, false);
			x->type = ty_untyped_complex;
			tc_convert_untyped(a, ty_untyped_float);
			tc_convert_untyped(b, ty_untyped_float);
			return;
		}
		if (a->type != b->type) {
			error_at(expr_startpos(a->expr), "invalid operation: %s (mismatched types %s and %s)",
				 tc_exprstr(n), type_string(a->type), type_string(b->type));
			bad(x);
			return;
		}
		TypeKind k = type_under(a->type)->kind;
		if (k != TY_FLOAT32 && k != TY_FLOAT64) {
			error_at(expr_startpos(a->expr), "invalid argument: arguments have type %s, expected floating-point",
				 type_string(a->type));
			bad(x);
			return;
		}
		x->type = k == TY_FLOAT32 ? ty_complex64 : ty_complex128;
		if (a->mode == M_CONST && b->mode == M_CONST) {
			ConstVal *iv = const_binary(AOP_MUL, b->val, const_from_lit(LIT_IMAG, "1i", 2, &(const char *){0}), false);
			x->mode = M_CONST;
			x->val = const_binary(AOP_ADD, a->val, iv, false);
		} else {
			x->mode = M_VALUE;
		}
		return;
	}
	case BI_REAL:
	case BI_IMAG: {
		if (a->mode == M_CONST && type_is_untyped(a->type)) {
			if (!type_is_numeric(a->type)) {
				error_at(expr_startpos(a->expr), "invalid argument: %s must be of complex type", opstr(a));
				bad(x);
				return;
			}
			ConstVal *c = const_to_kind(a->val, CK_COMPLEX);
			x->mode = M_CONST;
			x->val = id == BI_REAL ? const_make_float(0) : const_make_float(0);
			if (c) {
				ConstVal *r = const_to_kind(c, CK_COMPLEX);
				ConstVal *res = const_make_float(0);
				mpq_set(res->re, id == BI_REAL ? r->re : r->im);
				x->val = res;
			}
			x->type = ty_untyped_float;
			tc_convert_untyped(a, ty_untyped_complex);
			return;
		}
		TypeKind k = type_under(a->type)->kind;
		if (k != TY_COMPLEX64 && k != TY_COMPLEX128) {
			error_at(expr_startpos(a->expr), "invalid argument: %s must be of complex type", opstr(a));
			bad(x);
			return;
		}
		x->type = k == TY_COMPLEX64 ? ty_float32 : ty_float64;
		if (a->mode == M_CONST && a->val && a->val->kind == CK_COMPLEX) {
			ConstVal *res = const_make_float(0);
			mpq_set(res->re, id == BI_REAL ? a->val->re : a->val->im);
			x->mode = M_CONST;
			x->val = res;
		} else {
			x->mode = M_VALUE;
		}
		return;
	}
	case BI_ADD: {
		if (type_under(a->type)->kind != TY_UNSAFEPTR) {
			tc_assign_to(a, ty_unsafeptr, "argument to unsafe.Add");
		}
		if (type_is_untyped(ops[1].type))
			tc_convert_untyped(&ops[1], ty_int);
		if (ops[1].mode != M_INVALID && !type_is_integer(ops[1].type))
			error_at(expr_startpos(ops[1].expr), "cannot convert %s to type int", opstr(&ops[1]));
		x->mode = M_VALUE;
		x->type = ty_unsafeptr;
		return;
	}
	case BI_SLICE: {
		Type *u = type_under(a->type);
		if (u->kind != TY_POINTER) {
			error_at(expr_startpos(a->expr), "invalid argument: %s is not a pointer", opstr(a));
			bad(x);
			return;
		}
		int_arg(&ops[1], "len");
		x->mode = M_VALUE;
		x->type = type_slice(u->elem);
		return;
	}
	default:
		bad(x);
		return;
	}
}
