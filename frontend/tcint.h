// tcint.h: declarations private to frontend/: the constant representation, the checker's
// shared state and helpers used across types.c, const.c, typecheck.c, builtins.c,
// initorder.c and std.c. Nothing outside frontend/ includes it.
#pragma once

#include <gmp.h>

#include "base/base.h"
#include "frontend/frontend.h"

// ConstVal: an exact constant. Integers are mpz; floats are exact rationals (mpq), rounded
// to float32/float64 precision when converted to a typed float; complex values keep two
// rationals.
struct ConstVal {
	ConstKind kind; // which members are valid
	bool b;         // CK_BOOL
	mpz_t i;        // CK_INT
	mpq_t re, im;   // CK_FLOAT (re), CK_COMPLEX (re, im)
	const char *s;  // CK_STRING bytes (not NUL-terminated in general)
	int slen;       // CK_STRING length
};

// Result of a representability check (const_represent).
typedef enum ConstFit {
	FIT_OK,        // representable (possibly after rounding a float)
	FIT_OVERFLOW,  // numeric value too large for the type
	FIT_TRUNCATED, // non-integer value for an integer type
	FIT_MISMATCH,  // kind mismatch (string for int, ...)
} ConstFit;

// ---- const.c ----
ConstVal *const_make_bool(bool b);
ConstVal *const_make_int64(int64_t v);
ConstVal *const_make_uint64(uint64_t v);
ConstVal *const_make_string(const char *s, int len);
ConstVal *const_make_float(double d);
ConstVal *const_from_lit(LitKind kind, const char *text, int len, const char **err);
ConstVal *const_to_kind(ConstVal *c, ConstKind k); // widen int->float->complex (or NULL)
ConstFit const_represent(ConstVal *c, Type *t, ConstVal **out); // out: value in t's form
ConstVal *const_unary(AstOp op, ConstVal *x, Type *t); // t: for ^ on unsigned sizes
ConstVal *const_binary(AstOp op, ConstVal *x, ConstVal *y, bool intdiv); // NULL: div by 0
bool const_compare(AstOp op, ConstVal *x, ConstVal *y);
ConstVal *const_shift(AstOp op, ConstVal *x, uint64_t s); // NULL: shift too large
bool const_is_int_value(ConstVal *c); // int, or float/complex with integral real part
bool const_fits_int64(ConstVal *c);
bool const_too_big(ConstVal *c); // beyond what untyped constants may hold
bool const_fits_uint64(ConstVal *c);
int const_sign(ConstVal *c);
const char *const_quoted(ConstVal *c); // strings quoted as Go would print them (short)

// ---- types.c ----
typedef VEC(Type *) TypeVec;
extern TypeVec all_types; // every type created, in creation order
Type *type_tuple_of(ObjList *vars);
Type *type_byname(const char *name);
void type_layout_all(void); // computes size/offsets of every complete type
Type *type_of_basic_kind(TypeKind k);

// ---- typestr.c ----
extern Package *typestr_pkg; // the package being checked: its types print unqualified
const char *type_string_gc(Type *t); // gc's spelling: "interface {}", "struct { a int }"

// ---- scope.c ----

// tc_error_at reports a type error as gc's ErrorfAt does: an error with the same text
// as the previous one on the same line is dropped ("only one of multiple equal errors
// per line"). Every frontend file reports through it (error_at is redirected below).
void tc_error_at(Pos pos, const char *fmt, ...) PRINTF(2, 3);
extern Pos tc_errpos; // when set, every error is reported here (inherited const exprs)
#define error_at tc_error_at

void universe_init(void);
extern Obj *obj_iota;  // the predeclared iota
extern Package *pkg_unsafe;
Obj *universe_lookup(const char *name);

// ---- std.c ----
Package *std_import(const char *path); // NULL if not a known std package
const char *std_source(const char *path);

// ---- exprstr.c ----
Pos expr_startpos(Node *n); // the leftmost position of an expression (gc's error position)

// ---- typecheck.c: operands ----

// OpMode: what an expression denotes after checking (types2's operand modes).
typedef enum OpMode {
	M_INVALID,  // an error was reported
	M_NOVALUE,  // call of a function without results
	M_BUILTIN,  // a builtin function name (only callable)
	M_TYPE,     // a type expression
	M_CONST,    // a constant; val is set
	M_VAR,      // an addressable variable
	M_MAPINDEX, // m[k]: assignable but not addressable
	M_VALUE,    // any other value
	M_COMMAOK,  // m[k], x.(T), <-ch: may be used in a comma-ok assignment
} OpMode;

typedef struct Operand {
	OpMode mode;  // see OpMode
	Node *expr;   // the expression (for messages and for updating untyped types)
	Type *type;   // its type (may be untyped)
	ConstVal *val;// M_CONST
	BuiltinId id; // M_BUILTIN
} Operand;

void tc_expr(Operand *x, Node *n);             // checks an expression (value or type)
void tc_rawexpr(Operand *x, Node *n, bool allowtype); // same, multi-valued allowed
Type *tc_type(Node *n);                        // checks a type expression
void tc_assign_to(Operand *x, Type *t, const char *context); // assignability + conversion
void tc_convert_untyped(Operand *x, Type *t);  // untyped -> t, reporting errors
void tc_default(Operand *x);                   // untyped -> default type
void tc_single_value(Operand *x);              // rejects no-value and tuples
const char *opstr(Operand *x);                 // types2's operand description
const char *tc_exprstr(Node *n);               // types2's short expression rendering
Node *tc_elided_type(Node *lit); // type expression an elided literal's type came from
const char *tc_spell_typenode(Node *tn); // a type expression as written (byte, rune, any)
const char *tc_spell_type(Node *e, Type *t); // t, the type of e, spelled as in the source
const char *tc_spelled(const char *s, Type *t); // s if it denotes t, else type_string(t)
bool tc_addressable_mark(Node *n);             // marks the root variable ADDRTAKEN
void tc_set_type(Node *n, Type *t);            // records the final type of n and below
void tc_builtin(Operand *x, Node *call, BuiltinId id); // builtins.c
void tc_use_args(Node *call);                  // checks args for use only (after errors)
bool tc_assignable(Operand *x, Type *t, const char **reason);
bool tc_convertible(Operand *x, Type *t);
void tc_conversion(Operand *x, Type *t, Node *call);
int64_t tc_const_len(Node *len); // array length expression, or -1 after an error
void tc_mark_used(Obj *o);
extern Package *tc_pkg;
void initorder_compute(Package *pkg, ObjList *pkgvars); // initorder.c
void initorder_note_ref(Obj *from, Obj *to);           // dependency from -> to
Obj *initorder_current(void);
void initorder_set_current(Obj *o);
