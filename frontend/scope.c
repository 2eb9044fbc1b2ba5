// scope.c: objects, scopes and the universe scope. Scopes are small vectors searched
// linearly from the newest object (declaration order is kept for deterministic output);
// the universe holds the predeclared types (with byte, rune and any as aliases), the
// constants true, false and iota, nil, the builtin functions, and the package unsafe.
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

Scope *universe;
Obj *obj_iota;
Package *pkg_unsafe;
static int nobjs;

// obj_new returns a new object of kind k named name, declared at pos.
Obj *
obj_new(ObjKind kind, Sym *name, Pos pos)
{
	Obj *o = NEW(perm, Obj);
	o->kind = kind;
	o->name = name;
	o->pos = pos;
	o->id = nobjs++;
	return o;
}

// scope_new returns an empty scope nested in parent.
Scope *
scope_new(Scope *parent)
{
	Scope *s = NEW(perm, Scope);
	s->parent = parent;
	return s;
}

// scope_lookup_local returns the object named name declared directly in s, or NULL.
Obj *
scope_lookup_local(Scope *s, Sym *name)
{
	if (!s || !name)
		return NULL;
	for (int i = s->objs.len - 1; i >= 0; i--)
		if (s->objs.v[i]->name == name)
			return s->objs.v[i];
	return NULL;
}

// scope_lookup returns the innermost object named name visible from s, or NULL.
Obj *
scope_lookup(Scope *s, Sym *name)
{
	for (; s; s = s->parent) {
		Obj *o = scope_lookup_local(s, name);
		if (o)
			return o;
	}
	return NULL;
}

// scope_insert adds o to s (the caller has checked for redeclaration).
void
scope_insert(Scope *s, Obj *o)
{
	vec_push(perm, s->objs, o);
}

static Obj *
def_type(Scope *s, const char *name, Type *t, bool alias)
{
	Obj *o = obj_new(OBJ_TYPE, sym_cstr(name), (Pos){0});
	o->type = t;
	if (!alias && !t->obj)
		t->obj = o;
	scope_insert(s, o);
	return o;
}

static void
def_builtin(Scope *s, const char *name, BuiltinId id)
{
	Obj *o = obj_new(OBJ_BUILTIN, sym_cstr(name), (Pos){0});
	o->builtin = id;
	o->type = ty_invalid;
	scope_insert(s, o);
}

// universe_lookup returns the universe object spelled name, or NULL.
Obj *
universe_lookup(const char *name)
{
	return scope_lookup_local(universe, sym_cstr(name));
}

// universe_init fills the universe scope and the unsafe package. Called by types_init.
void
universe_init(void)
{
	Scope *u = universe = scope_new(NULL);
	u->isuniverse = true;
	def_type(u, "bool", ty_bool, false);
	def_type(u, "int", ty_int, false);
	def_type(u, "int8", ty_int8, false);
	def_type(u, "int16", ty_int16, false);
	def_type(u, "int32", ty_int32, false);
	def_type(u, "int64", ty_int64, false);
	def_type(u, "uint", ty_uint, false);
	def_type(u, "uint8", ty_uint8, false);
	def_type(u, "uint16", ty_uint16, false);
	def_type(u, "uint32", ty_uint32, false);
	def_type(u, "uint64", ty_uint64, false);
	def_type(u, "uintptr", ty_uintptr, false);
	def_type(u, "float32", ty_float32, false);
	def_type(u, "float64", ty_float64, false);
	def_type(u, "complex64", ty_complex64, false);
	def_type(u, "complex128", ty_complex128, false);
	def_type(u, "string", ty_string, false);
	def_type(u, "byte", ty_uint8, true);
	def_type(u, "rune", ty_int32, true);
	def_type(u, "any", ty_any, true);

	// type error interface { Error() string }
	Obj *eo = obj_new(OBJ_TYPE, sym_cstr("error"), (Pos){0});
	Type *et = type_named(eo);
	eo->type = et;
	Field res = {.type = ty_string};
	Field m = {.name = sym_cstr("Error"), .type = type_func(NULL, 0, &res, 1, false)};
	Obj *mo = obj_new(OBJ_FUNC, m.name, (Pos){0});
	mo->type = m.type;
	mo->flags = OBJF_METHOD;
	m.obj = mo;
	Type *iu = type_interface(&m, 1);
	et->under = iu;
	et->kind = TY_INTERFACE;
	et->fields = iu->fields;
	et->incomplete = false;
	mo->recv = et;
	ty_error = et;
	scope_insert(u, eo);

	Obj *cmp = obj_new(OBJ_TYPE, sym_cstr("comparable"), (Pos){0});
	cmp->type = ty_invalid;
	scope_insert(u, cmp);

	Obj *t = obj_new(OBJ_CONST, sym_cstr("true"), (Pos){0});
	t->type = ty_untyped_bool;
	t->cval = const_make_bool(true);
	scope_insert(u, t);
	Obj *f = obj_new(OBJ_CONST, sym_cstr("false"), (Pos){0});
	f->type = ty_untyped_bool;
	f->cval = const_make_bool(false);
	scope_insert(u, f);
	obj_iota = obj_new(OBJ_CONST, sym_cstr("iota"), (Pos){0});
	obj_iota->type = ty_untyped_int;
	obj_iota->cval = const_make_int64(0);
	scope_insert(u, obj_iota);
	Obj *nil = obj_new(OBJ_NIL, sym_cstr("nil"), (Pos){0});
	nil->type = ty_untyped_nil;
	scope_insert(u, nil);

	def_builtin(u, "append", BI_APPEND);
	def_builtin(u, "cap", BI_CAP);
	def_builtin(u, "close", BI_CLOSE);
	def_builtin(u, "complex", BI_COMPLEX);
	def_builtin(u, "copy", BI_COPY);
	def_builtin(u, "delete", BI_DELETE);
	def_builtin(u, "imag", BI_IMAG);
	def_builtin(u, "len", BI_LEN);
	def_builtin(u, "make", BI_MAKE);
	def_builtin(u, "new", BI_NEW);
	def_builtin(u, "panic", BI_PANIC);
	def_builtin(u, "print", BI_PRINT);
	def_builtin(u, "println", BI_PRINTLN);
	def_builtin(u, "real", BI_REAL);
	def_builtin(u, "recover", BI_RECOVER);

	// package unsafe
	pkg_unsafe = NEW(perm, Package);
	pkg_unsafe->name = sym_cstr("unsafe");
	pkg_unsafe->path = "unsafe";
	pkg_unsafe->scope = scope_new(NULL);
	pkg_unsafe->scope->ispkg = true;
	Obj *po = def_type(pkg_unsafe->scope, "Pointer", ty_unsafeptr, false);
	po->pkg = pkg_unsafe;
	def_builtin(pkg_unsafe->scope, "Sizeof", BI_SIZEOF);
	def_builtin(pkg_unsafe->scope, "Alignof", BI_ALIGNOF);
	def_builtin(pkg_unsafe->scope, "Offsetof", BI_OFFSETOF);
	def_builtin(pkg_unsafe->scope, "Add", BI_ADD);
	def_builtin(pkg_unsafe->scope, "Slice", BI_SLICE);
	for (int i = 0; i < pkg_unsafe->scope->objs.len; i++)
		pkg_unsafe->scope->objs.v[i]->pkg = pkg_unsafe;
}

// ---- gc's error filter ----

#undef error_at

Pos tc_errpos;

static struct {
	int file, line;  // position of the previous type error
	const char *msg; // its text
} lasterr;

// tc_error_at reports an error unless the previous one had the same text on the same
// line (gc's ErrorfAt filter for non-syntax errors).
void
tc_error_at(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = arena_vsprintf(perm, fmt, ap);
	va_end(ap);
	if (tc_errpos.file)
		pos = tc_errpos;
	if (lasterr.msg && lasterr.file == pos.file && lasterr.line == pos.line &&
	    strcmp(lasterr.msg, msg) == 0)
		return;
	lasterr.file = pos.file;
	lasterr.line = pos.line;
	lasterr.msg = msg;
	error_at(pos, "%s", msg);
}
