// typestr.c: type_string renders a type in Go syntax the way gc 1.19 (types2) prints it in
// diagnostics: predeclared and defined types by name (qualified by their package when it
// is not the package being checked), composites structurally ("[]int", "map[string]int",
// "func(int) (int, error)", "struct{a int; b string}", "interface{M()}", "<-chan int"),
// untyped constant types as "untyped int", tuples as "(int, string)".
//
// Function types are interned without parameter names, so gc's "func(x int)" prints as
// "func(int)" here.
//
// type_string_gc renders a type the way gc's own type printer (cmd/compile/internal/types,
// used by -m lines) does. It differs from types2 only in spacing: "interface {}",
// "interface { M(); N(int) string }", "struct {}", "struct { a int; b string }".
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

Package *typestr_pkg;


static const char *const basic_names[TY_COUNT] = {
	[TY_INVALID] = "invalid type", [TY_BOOL] = "bool", [TY_INT] = "int",
	[TY_INT8] = "int8", [TY_INT16] = "int16", [TY_INT32] = "int32", [TY_INT64] = "int64",
	[TY_UINT] = "uint", [TY_UINT8] = "uint8", [TY_UINT16] = "uint16",
	[TY_UINT32] = "uint32", [TY_UINT64] = "uint64", [TY_UINTPTR] = "uintptr",
	[TY_FLOAT32] = "float32", [TY_FLOAT64] = "float64", [TY_COMPLEX64] = "complex64",
	[TY_COMPLEX128] = "complex128", [TY_STRING] = "string",
	[TY_UNSAFEPTR] = "unsafe.Pointer", [TY_UNTYPED_BOOL] = "untyped bool",
	[TY_UNTYPED_INT] = "untyped int", [TY_UNTYPED_RUNE] = "untyped rune",
	[TY_UNTYPED_FLOAT] = "untyped float", [TY_UNTYPED_COMPLEX] = "untyped complex",
	[TY_UNTYPED_STRING] = "untyped string", [TY_UNTYPED_NIL] = "untyped nil",
};

static void write_type(StrBuf *b, Type *t, int depth, bool gc);

static void
write_params(StrBuf *b, FieldList *fl, bool variadic, int depth, bool gc)
{
	sb_put(b, "(");
	for (int i = 0; i < fl->len; i++) {
		if (i)
			sb_put(b, ", ");
		Field *f = &fl->v[i];
		if (f->name) {
			sb_put(b, f->name->name);
			sb_put(b, " ");
		}
		if (variadic && i == fl->len - 1 && f->type && f->type->kind == TY_SLICE &&
		    !f->type->obj) {
			sb_put(b, "...");
			write_type(b, f->type->elem, depth, gc);
		} else {
			write_type(b, f->type, depth, gc);
		}
	}
	sb_put(b, ")");
}

static void
write_sig(StrBuf *b, Type *t, int depth, bool gc)
{
	write_params(b, &t->fields, t->variadic, depth, gc);
	if (t->results.len == 0)
		return;
	sb_put(b, " ");
	if (t->results.len == 1 && !t->results.v[0].name) {
		write_type(b, t->results.v[0].type, depth, gc);
		return;
	}
	write_params(b, &t->results, false, depth, gc);
}

static void
write_type(StrBuf *b, Type *t, int depth, bool gc)
{
	if (!t) {
		sb_put(b, "<nil>");
		return;
	}
	if (depth > 50) {
		sb_put(b, "...");
		return;
	}
	depth++;
	if (t->obj) {
		if (t->obj->pkg && t->obj->pkg != typestr_pkg && t->obj->pkg->name) {
			sb_put(b, t->obj->pkg->name->name);
			sb_put(b, ".");
		}
		sb_put(b, t->obj->name->name);
		return;
	}
	switch (t->kind) {
	case TY_POINTER:
		sb_put(b, "*");
		write_type(b, t->elem, depth, gc);
		break;
	case TY_SLICE:
		sb_put(b, "[]");
		write_type(b, t->elem, depth, gc);
		break;
	case TY_ARRAY:
		sb_put(b, arena_sprintf(perm, "[%lld]", (long long)t->len));
		write_type(b, t->elem, depth, gc);
		break;
	case TY_MAP:
		sb_put(b, "map[");
		write_type(b, t->key, depth, gc);
		sb_put(b, "]");
		write_type(b, t->elem, depth, gc);
		break;
	case TY_CHAN:
		if (t->dir == CHAN_RECV)
			sb_put(b, "<-chan ");
		else if (t->dir == CHAN_SEND)
			sb_put(b, "chan<- ");
		else
			sb_put(b, "chan ");
		if (t->dir != CHAN_SEND && t->elem && !t->elem->obj && t->elem->kind == TY_CHAN &&
		    t->elem->dir == CHAN_RECV) {
			sb_put(b, "(");
			write_type(b, t->elem, depth, gc);
			sb_put(b, ")");
		} else {
			write_type(b, t->elem, depth, gc);
		}
		break;
	case TY_FUNC:
		sb_put(b, "func");
		write_sig(b, t, depth, gc);
		break;
	case TY_STRUCT:
		sb_put(b, gc ? "struct {" : "struct{");
		for (int i = 0; i < t->fields.len; i++) {
			Field *f = &t->fields.v[i];
			if (i)
				sb_put(b, ";");
			if (i || gc)
				sb_put(b, " ");
			if (!f->embedded && f->name) {
				sb_put(b, f->name->name);
				sb_put(b, " ");
			}
			write_type(b, f->type, depth, gc);
			if (f->tag) {
				ConstVal *c = const_make_string(f->tag, (int)strlen(f->tag));
				sb_put(b, " ");
				sb_put(b, const_quoted(c));
			}
		}
		sb_put(b, gc && t->fields.len ? " }" : "}");
		break;
	case TY_INTERFACE:
		sb_put(b, gc ? "interface {" : "interface{");
		for (int i = 0; i < t->fields.len; i++) {
			Field *f = &t->fields.v[i];
			if (i)
				sb_put(b, ";");
			if (i || gc)
				sb_put(b, " ");
			sb_put(b, f->name ? f->name->name : "?");
			if (f->type && f->type->kind == TY_FUNC)
				write_sig(b, f->type, depth, gc);
		}
		sb_put(b, gc && t->fields.len ? " }" : "}");
		break;
	case TY_TUPLE:
		write_params(b, &t->fields, false, depth, gc);
		break;
	default:
		sb_put(b, basic_names[t->kind] ? basic_names[t->kind] : "?");
		break;
	}
}

// type_string returns t in Go syntax as gc prints it in messages (permanent arena).
const char *
type_string(Type *t)
{
	StrBuf b = {0};
	sb_put(&b, "");
	write_type(&b, t, 0, false);
	return b.p;
}

// type_string_gc returns t as gc's type printer writes it in -m lines (permanent arena).
const char *
type_string_gc(Type *t)
{
	StrBuf b = {0};
	sb_put(&b, "");
	write_type(&b, t, 0, true);
	return b.p;
}
