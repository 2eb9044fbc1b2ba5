// frontend.h: the AST, types, objects, scopes, constants and the package the front end
// produces. The grammar builds Nodes through the ast_* constructors; the type checker
// fills in Node.type, Node.cval and the resolution fields; ssa/, escape/ and codegen/ read
// the checked result and never modify it.
//
// Invariants after tc_package returns without errors:
//   - every expression node has a non-NULL type; untyped constants have been converted to
//     their final type (the type of their context, or the default type);
//   - every constant expression has cval set, representable in its type;
//   - every N_IDENT that is not a blank or a field/label name has obj set;
//   - every selector has a Selection, every call a CallKind.
#pragma once

#include "base/base.h"

typedef struct Node Node;
typedef struct Type Type;
typedef struct Obj Obj;
typedef struct Scope Scope;
typedef struct Field Field;
typedef struct ConstVal ConstVal;
typedef struct Package Package;
typedef struct FuncInfo FuncInfo;

typedef VEC(Node *) NodeList;

// ---- AST (ast.c) ----

typedef enum NodeKind {
#define X(kind, member) N_##kind,
#include "nodes.def"
#undef X
	N_COUNT
} NodeKind;

// AstOp: operators of unary, binary, assignment and inc/dec nodes.
typedef enum AstOp {
	AOP_NONE,   // plain '=' or ':=' in N_ASSIGN
	AOP_ADD,    // +
	AOP_SUB,    // -
	AOP_MUL,    // *
	AOP_DIV,    // /
	AOP_REM,    // %
	AOP_AND,    // &
	AOP_OR,     // |
	AOP_XOR,    // ^ (binary); bitwise complement when unary
	AOP_SHL,    // <<
	AOP_SHR,    // >>
	AOP_ANDNOT, // &^
	AOP_LAND,   // &&
	AOP_LOR,    // ||
	AOP_EQ,     // ==
	AOP_NE,     // !=
	AOP_LT,     // <
	AOP_LE,     // <=
	AOP_GT,     // >
	AOP_GE,     // >=
	AOP_NOT,    // ! (unary)
	AOP_ADDR,   // & (unary)
	AOP_RECV,   // <- (unary)
	AOP_COUNT
} AstOp;
extern const char *const aop_string[AOP_COUNT]; // "+", "&^", ...

typedef enum LitKind {
	LIT_INT,    // 42 0x2a 0o52 0b101 1_000
	LIT_FLOAT,  // 1.5 1e3 0x1p-2
	LIT_IMAG,   // 2i
	LIT_RUNE,   // 'a' '\n' '\u00e9'
	LIT_STRING, // "..." or `...`; text keeps the quotes
} LitKind;

typedef enum ChanDir {
	CHAN_BOTH, // chan T
	CHAN_SEND, // chan<- T
	CHAN_RECV, // <-chan T
} ChanDir;

typedef enum BranchKind {
	BR_BREAK,       // break [L]
	BR_CONTINUE,    // continue [L]
	BR_GOTO,        // goto L
	BR_FALLTHROUGH, // fallthrough
} BranchKind;

// Node flags (Node.flags).
enum {
	NF_TYPE = 1 << 0,      // the expression denotes a type; Node.type is that type
	NF_ADDRTAKEN = 1 << 1, // unused on nodes; see Obj flags
	NF_IMPLICIT = 1 << 2,  // created by the checker, not the parser (e.g. implicit &x)
	NF_PARENS = 1 << 3,    // was written in parentheses (for messages)
	NF_USED = 1 << 4,      // a value result is used (calls: result not discarded)
};

// How a selector x.f resolved (Selection.kind).
typedef enum SelKind {
	SEL_NONE,      // not checked yet
	SEL_FIELD,     // struct field; path holds the embedded field indices, last is f
	SEL_METHOD,    // method value or method call x.M on a concrete type
	SEL_IMETHOD,   // method of an interface value; index is the method index
	SEL_QUALIFIED, // pkg.Name; obj is the package member
	SEL_METHODEXPR, // T.M or (*T).M method expression
} SelKind;

typedef struct Selection {
	SelKind kind;
	Obj *obj;   // field var, method func, or package member
	int *path;  // field indices from x's type down to the field (SEL_FIELD) or to the
	            // embedded receiver (SEL_METHOD); each step may go through a pointer
	int npath;
	int index;  // SEL_IMETHOD: method index in the interface's sorted method list
	bool indirect; // some step of the path dereferences a pointer (implicit *)
	bool addr;     // SEL_METHOD: the receiver must be addressed (&x) for a pointer method
	bool deref;    // SEL_METHOD: the receiver must be dereferenced (*x) for a value method
} Selection;

// How a call f(args) resolved (call.kind).
typedef enum CallKind {
	CALL_NONE,    // not checked yet
	CALL_FUNC,    // ordinary call of a function value, named function or method
	CALL_CONV,    // T(x): a conversion; fun has NF_TYPE
	CALL_BUILTIN, // len(x), append(...): fun's obj is an OBJ_BUILTIN
} CallKind;

typedef enum BuiltinId {
	BI_NONE,
	BI_APPEND, BI_CAP, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG, BI_LEN,
	BI_MAKE, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER,
	// unsafe
	BI_SIZEOF, BI_ALIGNOF, BI_OFFSETOF, BI_ADD, BI_SLICE,
	BI_COUNT
} BuiltinId;

// Node: a common header plus a per-kind payload union. nodes.def names the member of
// `u` that is valid for each kind.
struct Node {
	NodeKind kind;
	Pos pos;        // the node's position as gc reports it (operator for binary nodes)
	uint32_t flags; // NF_*
	Type *type;     // after checking: the expression's type (or the denoted type if NF_TYPE)
	ConstVal *cval; // after checking: the value of a constant expression, else NULL
	union {
		struct {
			Sym *name;
			Obj *obj; // the object it denotes (checker); NULL for "_" and field keys
		} ident;
		struct {
			LitKind kind;
			const char *text; // source spelling, including quotes
			int len;
		} lit;
		struct {
			Node *type;     // the literal's type expression; NULL when elided in
			                // nested literals (checker sets Node.type anyway)
			NodeList elts;  // N_KEYVALUE or plain elements
			Pos rbrace;
		} comp;
		struct {
			Node *type;     // N_FUNCTYPE
			Node *body;     // N_BLOCK
			FuncInfo *info; // checker: objects of the literal (params, captures)
		} func;
		Node *x; // N_PAREN, N_STAR, N_EXPRSTMT, N_GO, N_DEFER, N_ELLIPSIS
		struct {
			Node *x;
			Sym *name;
			Pos namepos;
			Selection sel; // checker
		} sel;
		struct {
			Node *x;
			NodeList index; // usually one element; more only for generic syntax
		} index;
		struct {
			Node *x, *lo, *hi, *max; // absent parts are NULL
			bool three;              // x[lo:hi:max]
		} slice;
		struct {
			Node *x;
			Node *type; // NULL for x.(type)
		} assert;
		struct {
			Node *fun;
			NodeList args;
			bool dots;         // f(a, b...)
			CallKind kind;     // checker
			BuiltinId builtin; // checker, for CALL_BUILTIN
		} call;
		struct {
			AstOp op;
			Node *x;
		} unary;
		struct {
			AstOp op;
			Node *x, *y;
		} binary;
		struct {
			Node *key, *value;
		} kv;
		struct {
			Node *len; // NULL: slice type; N_ELLIPSIS with x == NULL: [...]T
			Node *elem;
		} array;
		NodeList fields; // N_STRUCTTYPE, N_INTERFACETYPE: N_FIELD nodes
		struct {
			NodeList params;  // N_FIELD nodes
			NodeList results; // N_FIELD nodes
		} functype;
		struct {
			Node *key, *value;
		} map;
		struct {
			ChanDir dir;
			Node *elem;
		} chan;
		struct {
			NodeList names; // N_IDENT; empty for embedded fields and unnamed params
			Node *type;     // type; for interface methods an N_FUNCTYPE
			Node *tag;      // N_BASICLIT string or NULL
		} field;
		NodeList list; // N_DECLSTMT (specs), N_RETURN (results)
		struct {
			Sym *label;
			Node *stmt;
			Pos labelpos; // position of the label name (the node sits at the ':')
			Obj *obj; // checker: the label object
		} labeled;
		struct {
			Node *x;
			bool inc; // ++ (else --)
		} incdec;
		struct {
			NodeList lhs, rhs;
			AstOp op;    // AOP_NONE for = and :=, else the op of op=
			bool define; // :=
		} assign;
		struct {
			BranchKind kind;
			Sym *label;   // NULL when absent
			Pos labelpos; // position of the label name
			Node *target; // checker: the statement broken/continued or the N_LABELED
		} branch;
		struct {
			NodeList stmts;
			Pos rbrace;
		} block;
		struct {
			Node *init, *cond, *then, *els; // els: N_IF, N_BLOCK or NULL
		} ifs;
		struct {
			NodeList list; // case expressions/types, or the comm statement
			NodeList body;
			bool isdefault;
			Obj *obj; // type switch with a bound variable: this clause's implicit var
			Pos colon;
		} clause;
		struct {
			Node *init;
			Node *tag;      // switch tag (or NULL); type switch: the guard, an N_ASSIGN
			                // (v := x.(type)) or N_EXPRSTMT (x.(type))
			NodeList body;  // clauses
			Pos rbrace;
		} sw;
		struct {
			Node *init, *cond, *post, *body;
		} fors;
		struct {
			Node *key, *value; // NULL when absent
			Node *x;
			Node *body;
			bool define; // for k, v := range x
			AstOp op;    // unused; keeps assign-like shape
		} range;
		struct {
			Node *name;       // N_IDENT or NULL; "." for dot imports
			Node *path;       // N_BASICLIT string
			Obj *obj;         // checker: the package object
		} import;
		struct {
			NodeList names;  // N_IDENT
			Node *type;      // or NULL
			NodeList values; // may be empty (var) or inherited (const, see iota)
			int iota;        // index of the spec inside its const group
			bool isconst;
			bool implicit;   // const spec repeating the previous spec's expressions
		} value;
		struct {
			Node *name; // N_IDENT
			Node *type;
			bool alias; // type T = U
			NodeList tparams; // type parameters (rejected by the checker)
		} typespec;
		struct {
			Node *recv;   // N_FIELD or NULL
			Node *name;   // N_IDENT
			Node *type;   // N_FUNCTYPE
			Node *body;   // N_BLOCK or NULL (external)
			FuncInfo *info; // checker
			NodeList tparams; // type parameters (rejected by the checker)
		} funcdecl;
		struct {
			Node *pkgname; // N_IDENT
			NodeList imports; // N_IMPORTSPEC
			NodeList decls;   // N_DECLSTMT (global specs) and N_FUNCDECL
			int fileidx;      // index in the file table
		} file;
	} u;
};

Node *ast_new(NodeKind k, Pos pos);      // zeroed node of kind k in the permanent arena
Node *ast_ident(Pos pos, Sym *name);
bool ast_kids(Node *n, bool (*fn)(Node *kid, void *ctx), void *ctx); // children, in order
bool ast_expr_contains(Node *outer, Node *inner); // inner is outer or inside its operands
void ast_dump(Node *n, int indent);      // debugging printer to stderr
const char *node_kind_name(NodeKind k);  // "IDENT", "CALL", ...

// ---- types (types.c, typestr.c) ----

typedef enum TypeKind {
	TY_INVALID,   // after an error; compatible with everything to stop cascades
	TY_BOOL,
	TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64,
	TY_UINT, TY_UINT8, TY_UINT16, TY_UINT32, TY_UINT64, TY_UINTPTR,
	TY_FLOAT32, TY_FLOAT64,
	TY_COMPLEX64, TY_COMPLEX128,
	TY_STRING,
	TY_UNSAFEPTR,
	// untyped constant kinds
	TY_UNTYPED_BOOL, TY_UNTYPED_INT, TY_UNTYPED_RUNE, TY_UNTYPED_FLOAT,
	TY_UNTYPED_COMPLEX, TY_UNTYPED_STRING, TY_UNTYPED_NIL,
	// composites
	TY_POINTER,   // elem
	TY_ARRAY,     // elem, len
	TY_SLICE,     // elem
	TY_STRUCT,    // fields
	TY_FUNC,      // params, results, variadic
	TY_INTERFACE, // methods (sorted by name), embedded resolved
	TY_MAP,       // key, elem
	TY_CHAN,      // elem, dir
	TY_TUPLE,     // multiple results: fields (unnamed), for calls only
	TY_COUNT
} TypeKind;

// Field: a struct field, a parameter or result, an interface method.
struct Field {
	Sym *name;    // NULL for unnamed params; the type's name for embedded fields
	Type *type;
	int64_t offset; // struct fields: byte offset
	bool embedded;
	const char *tag; // struct tag contents (unquoted) or NULL
	Pos pos;
	Obj *obj;        // the field's / method's object, when one exists
};

typedef VEC(Field) FieldList;
typedef VEC(Obj *) ObjList;

// Type: a Go type. kind is always the underlying kind, so `type T struct{...}` has kind
// TY_STRUCT with obj set. Unnamed composite types are interned: identical unnamed types
// are the same pointer, and type_identical(a, b) is a == b for all fully built types.
struct Type {
	TypeKind kind;
	Obj *obj;        // the type name for defined and predeclared types; NULL if unnamed
	int64_t size;    // in bytes; -1 until computed
	int64_t align;
	Type *elem;      // POINTER, ARRAY, SLICE, MAP (value), CHAN
	Type *key;       // MAP
	int64_t len;     // ARRAY
	ChanDir dir;     // CHAN
	FieldList fields;  // STRUCT fields, FUNC params, INTERFACE methods, TUPLE elements
	FieldList results; // FUNC results
	bool variadic;     // FUNC: last param is ...T (its type is []T)
	ObjList methods;   // defined types: declared methods in source order
	Type *under;       // defined types: the underlying type (== self for unnamed types)
	bool incomplete;   // being defined (recursive types)
	void *cg;          // codegen's cache: the LLVMTypeRef
	void *desc;        // codegen's cache: the type descriptor global
	int id;            // creation order, for deterministic output
};

// Predeclared types, set up by types_init().
extern Type *ty_invalid, *ty_bool, *ty_int, *ty_int8, *ty_int16, *ty_int32, *ty_int64,
	*ty_uint, *ty_uint8, *ty_uint16, *ty_uint32, *ty_uint64, *ty_uintptr, *ty_float32,
	*ty_float64, *ty_complex64, *ty_complex128, *ty_string, *ty_unsafeptr,
	*ty_untyped_bool, *ty_untyped_int, *ty_untyped_rune, *ty_untyped_float,
	*ty_untyped_complex, *ty_untyped_string, *ty_untyped_nil, *ty_error, *ty_any;
// byte and rune are aliases: ty_uint8 and ty_int32.

void types_init(void);
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *elem);
Type *type_chan(Type *elem, ChanDir dir);
Type *type_func(Field *params, int nparams, Field *results, int nresults, bool variadic);
Type *type_struct(Field *fields, int nfields);
Type *type_interface(Field *methods, int nmethods); // methods sorted by the callee
Type *type_tuple(Field *elems, int n);
Type *type_named(Obj *obj); // a new defined type; its underlying is set later
void type_set_underlying(Type *t, Type *u); // completes defined type t

Type *type_under(Type *t);              // the underlying type
bool type_identical(Type *a, Type *b);
bool type_is_integer(Type *t);          // includes untyped int and rune
bool type_is_unsigned(Type *t);
bool type_is_float(Type *t);
bool type_is_complex(Type *t);
bool type_is_numeric(Type *t);
bool type_is_string(Type *t);
bool type_is_boolean(Type *t);
bool type_is_untyped(Type *t);
bool type_is_pointer(Type *t);          // *T or unsafe.Pointer
bool type_is_comparable(Type *t);
bool type_is_ordered(Type *t);
bool type_has_pointers(Type *t);        // for GC bitmaps and escape analysis
bool type_is_interface(Type *t);
int64_t type_size(Type *t);             // on amd64
int64_t type_align(Type *t);
Type *type_default(Type *t);            // untyped -> default type; others unchanged
const char *type_string(Type *t);       // Go syntax as gc prints it, in the permanent arena

// ---- objects and scopes (scope.c) ----

typedef enum ObjKind {
	OBJ_BAD,
	OBJ_VAR,     // variable, parameter, result, struct field
	OBJ_CONST,   // constant
	OBJ_TYPE,    // type name
	OBJ_FUNC,    // function or method
	OBJ_PKG,     // imported package name
	OBJ_BUILTIN, // builtin function
	OBJ_NIL,     // the predeclared nil
	OBJ_LABEL,   // statement label
} ObjKind;

// Obj flags (Obj.flags).
enum {
	OBJF_USED = 1 << 0,      // referenced (for "declared but not used")
	OBJF_PARAM = 1 << 1,     // function parameter (includes the receiver)
	OBJF_RESULT = 1 << 2,    // named or unnamed function result
	OBJF_GLOBAL = 1 << 3,    // package-level variable or function
	OBJF_ADDRTAKEN = 1 << 4, // &x taken, or x.M() with a pointer method, or slicing x
	OBJF_CAPTURED = 1 << 5,  // referenced from a nested func literal
	OBJF_REASSIGNED = 1 << 6,// assigned after its declaration (closures: capture by ref)
	OBJF_FIELD = 1 << 7,     // struct field
	OBJF_RECV = 1 << 8,      // method receiver
	OBJF_METHOD = 1 << 9,    // OBJ_FUNC that is a method
	OBJF_EMBEDDED = 1 << 10, // embedded struct field
	OBJF_EXTERN = 1 << 11,   // function without body, or a std package function
};

// EscSummary: the escape leak summary of one parameter, written by escape/ and read when
// analysing callers in later batches. Leaks are recorded with the minimal deref count,
// -1 meaning "no leak".
#define ESC_MAX_RESULTS 8
typedef struct EscLeaks {
	int8_t heap;                     // leaks to the heap with this many derefs, or -1
	int8_t result[ESC_MAX_RESULTS];  // leaks to result i with this many derefs, or -1
} EscLeaks;

struct Obj {
	ObjKind kind;
	Sym *name;
	Pos pos;
	Type *type;       // variables, constants, functions, type names
	uint32_t flags;   // OBJF_*
	Node *decl;       // declaring node (N_FUNCDECL, N_VALUESPEC, N_TYPESPEC, N_FIELD, ...)
	Package *pkg;     // owning package (for qualified names); NULL for universe objects
	Obj *outer;       // vars: the function (OBJ_FUNC or func literal's FuncInfo owner)
	FuncInfo *func;   // vars: the FuncInfo that declares it; funcs: their own info
	ConstVal *cval;   // OBJ_CONST: value
	BuiltinId builtin;// OBJ_BUILTIN
	Type *recv;       // OBJF_METHOD: the receiver type (T or *T)
	const char *path; // OBJ_PKG: import path ("fmt", "os")
	int index;        // fields: index; params/results: position; globals: decl order
	EscLeaks *leaks;  // OBJ_FUNC after escape: per-parameter summary (receiver first)
	int nleaks;
	void *ssa;        // ssa/'s Func for this function, if built
	void *cg;         // codegen's cache (LLVMValueRef of a function or global)
	int id;           // creation order, for deterministic iteration
};

struct Scope {
	Scope *parent;
	VEC(Obj *) objs; // in declaration order
	bool isfunc;     // the outermost scope of a function body
	bool isuniverse;
	bool ispkg;
};

Scope *scope_new(Scope *parent);
Obj *scope_lookup_local(Scope *s, Sym *name);
Obj *scope_lookup(Scope *s, Sym *name); // walks parents
void scope_insert(Scope *s, Obj *o);
Obj *obj_new(ObjKind kind, Sym *name, Pos pos);
extern Scope *universe;

// FuncInfo: what the checker knows about one function or function literal.
struct FuncInfo {
	Obj *obj;           // OBJ_FUNC for declared functions; NULL for literals
	Node *decl;         // N_FUNCDECL or N_FUNCLIT
	Type *type;         // signature (TY_FUNC), without the receiver
	Obj *recv;          // receiver variable, or NULL
	ObjList params;     // parameter variables in order ("_" and unnamed get objects too)
	ObjList results;    // result variables in order (unnamed get objects named ~r0...)
	ObjList locals;     // every local variable declared in the body, in order
	ObjList captures;   // func literals: free variables from enclosing functions, in
	                    // order of first reference
	FuncInfo *outer;    // enclosing function for literals
	VEC(FuncInfo *) lits; // func literals directly nested, in source order
	const char *name;   // gc's link name: "main.f", "main.(*T).M", "main.f.func1"
	bool hasdefer;
	bool hasrecover;
};

// ---- constants (const.c) ----

typedef enum ConstKind {
	CK_BOOL,
	CK_INT,     // exact integer
	CK_FLOAT,   // exact rational or big float
	CK_COMPLEX,
	CK_STRING,
} ConstKind;

ConstKind const_kind(ConstVal *c);
bool const_bool(ConstVal *c);
int64_t const_int64(ConstVal *c);     // low 64 bits of an integer (two's complement)
uint64_t const_uint64(ConstVal *c);   // same bits, unsigned view
double const_float64(ConstVal *c);    // nearest double of an int/float constant
double const_imag(ConstVal *c);       // imaginary part of a complex constant
const char *const_string(ConstVal *c, int *len); // bytes of a string constant
const char *const_text(ConstVal *c);  // as gc prints it in messages

// ---- packages and the checker (typecheck.c, resolve.c, initorder.c) ----

struct Package {
	Sym *name;          // package name ("main")
	const char *path;   // import path ("main")
	Scope *scope;       // package scope
	NodeList files;     // N_FILE nodes
	VEC(FuncInfo *) funcs; // every function, method and func literal, in source order
	ObjList globals;    // package-level variables in initialisation order
	NodeList inits;     // package-level N_VALUESPEC nodes with initialisers, in init
	                    // order (each initialises some of globals)
	VEC(FuncInfo *) initfuncs; // func init() declarations, in source order
	ObjList types;      // every named type declared in the package, in source order
};

// tc_package: binds and type-checks the files of one package. Reports errors through
// error_at. Requires: types_init(). Returns the package (even on errors).
Package *tc_package(Node **files, int nfiles);

// tc_set_parser: the frontend cannot include grammar/, so the driver hands it the
// parser; the checker uses it to parse the Go declaration stubs of std packages
// (frontend/std.c holds them as Go source: "package fmt; func Println(a ...any) (n int,
// err error)" ...). Functions declared without a body there are OBJF_EXTERN.
void tc_set_parser(Node *(*parse_string)(const char *name, const char *src));

// ---- gc's rendering of expressions in messages (exprstr.c) ----

// expr_string renders n as gc prints it in diagnostics: "&T{...}", "new(T)",
// "make([]int, n)", "func literal", "x.f", "a + b", "[]int{...}", "... argument".
const char *expr_string(Node *n);

// std packages known to the checker ("fmt", "os", "strings", ...): imports of others
// report "package X is not in std" as gc does.
bool std_package_known(const char *path);
