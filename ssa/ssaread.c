// ssaread.c: reads the text dump format (ssadump.c) back into SSA, so a single pass can
// be tested on hand-written SSA (`gosub ssa -pass NAME file.ssa`; testdata/ssa/*.ssa).
//
// Accepted text: what ssa_dump_func prints, one or more functions, each starting with a
// header line "== pass P: func SIG ==" or "== func SIG ==". Lines starting with "//" and
// blank lines are skipped, and "; ..." comments (annotations) are ignored. A block is
// "bN: entry" or "bN: preds bA bB", then value lines
//     vN = op [<type>] [[auxint]] [{aux}] [name] args... [@stack|@heap]
// (phi args written "[bK: vM]"), then one terminator: "plain -> bS", "if vC -> bT bF",
// "ret [vR]" or "exit". Ids are kept as written, so the output of a pass names the same
// values as its input.
//
// Names in the text stand for objects: SIG's parameters and results become a FuncInfo;
// the name of a getvar/setvar/phi/param/alloc [var] is its variable (one Obj per name and
// function, typed from its first typed use); {f} of call/funcaddr/global becomes an
// object of that name. Types: predeclared names, unsafe.Pointer, *T, []T, [N]T,
// map[K]V, struct{a T; b U}, func(T) U, tuples, and other names as defined types (a
// line "type NAME T" gives one its underlying type; without it the type is opaque);
// anything else is "not supported".
//
// Parsing is two-phase: all blocks and values are created first, then arguments, phi
// arguments (placed in pred order by their block label), controls and edges are
// resolved, since phis name values defined later in the text.
//
// Requires: types_init(). Leaves: a Program whose functions satisfy the verifier's
// structural invariants if the text does (the caller runs verify_func).
// Shown by: `gosub ssa -pass cse testdata/ssa/cse.ssa`.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

typedef struct PendingArg {
	Value *v;      // the value whose argument this is
	int id;        // the argument's value id
	int block;     // phi: the pred block id labelling it; else -1
	Pos pos;
} PendingArg;

typedef VEC(int) IntVec;

typedef struct Reader {
	int file;
	const char *text;
	size_t len;
	size_t at;          // offset of the next line
	int line;           // number of the line being parsed
	const char *p;      // cursor inside the current line
	const char *end;    // end of the current line (before ';' comments)
	Program *prog;
	Func *f;            // function being read
	Block *b;           // block being read
	VEC(Value *) vals;  // by id (NULL: none)
	VEC(Block *) blocks; // by id
	VEC(PendingArg) args;
	VEC(int) ctl;       // per block id: control value id (0: none)
	VEC(int) succ0, succ1, npreds;
	VEC(IntVec) preds;  // per block id: pred ids in order
	VEC(Obj *) vars;    // the function's named objects
	bool failed;
} Reader;

static Pos
here(Reader *r)
{
	Pos p = {0};
	p.file = r->file;
	p.line = r->line;
	p.col = 1;
	return p;
}

#define BAD(r, ...)                                                                        \
	do {                                                                               \
		error_at(here(r), __VA_ARGS__);                                            \
		(r)->failed = true;                                                        \
		return false;                                                              \
	} while (0)

static void
skip_space(Reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
		r->p++;
}

static bool
accept(Reader *r, const char *s)
{
	skip_space(r);
	size_t n = strlen(s);
	if ((size_t)(r->end - r->p) >= n && memcmp(r->p, s, n) == 0) {
		r->p += n;
		return true;
	}
	return false;
}

// word reads a run of non-space characters.
static const char *
word(Reader *r)
{
	skip_space(r);
	const char *s = r->p;
	while (r->p < r->end && *r->p != ' ' && *r->p != '\t')
		r->p++;
	return arena_strndup(perm, s, (size_t)(r->p - s));
}

// number reads "N" after a prefix letter ("v12", "b3"); -1 when absent.
static int
prefixed(Reader *r, char c)
{
	skip_space(r);
	if (r->p >= r->end || *r->p != c || r->p + 1 >= r->end || !isdigit((unsigned char)r->p[1]))
		return -1;
	r->p++;
	long n = 0;
	while (r->p < r->end && isdigit((unsigned char)*r->p))
		n = n * 10 + (*r->p++ - '0');
	return n > 1000000 ? -1 : (int)n;
}

// ---- types ----

static Type *
basic_type(const char *s, size_t n)
{
	static const struct {
		const char *name;
		Type **t;
	} tab[] = {
		{"bool", &ty_bool}, {"int", &ty_int}, {"int8", &ty_int8}, {"int16", &ty_int16},
		{"int32", &ty_int32}, {"rune", &ty_int32}, {"int64", &ty_int64},
		{"uint", &ty_uint}, {"uint8", &ty_uint8}, {"byte", &ty_uint8},
		{"uint16", &ty_uint16}, {"uint32", &ty_uint32}, {"uint64", &ty_uint64},
		{"uintptr", &ty_uintptr}, {"float32", &ty_float32}, {"float64", &ty_float64},
		{"complex64", &ty_complex64}, {"complex128", &ty_complex128},
		{"string", &ty_string}, {"unsafe.Pointer", &ty_unsafeptr}, {"error", &ty_error},
		{"any", &ty_any}, {"interface {}", &ty_any}, {"interface{}", &ty_any},
	};
	for (size_t i = 0; i < ARRAY_LEN(tab); i++)
		if (strlen(tab[i].name) == n && memcmp(tab[i].name, s, n) == 0)
			return *tab[i].t;
	return NULL;
}

static bool type_list(const char **s, const char *end, void *list, char close, bool named);

// Named types: any other name ("P", "main.P") is a defined type, one per name in the
// text; its underlying type is the one a "type NAME T" line gives (before or after its
// uses), else struct{} (opaque: the passes never look through a name).
static VEC(Type *) named_types;

static Type *
named_type(Sym *name)
{
	for (int i = 0; i < named_types.len; i++)
		if (named_types.v[i]->obj->name == name)
			return named_types.v[i];
	Obj *o = obj_new(OBJ_TYPE, name, (Pos){0});
	Type *t = type_named(o);
	o->type = t;
	type_set_underlying(t, type_struct(NULL, 0));
	vec_push(perm, named_types, t);
	return t;
}

static Type *parse_type(const char **s, const char *end);

// parse_sig parses a signature "(int) (int, error)" at *s (at its '(').
static Type *
parse_sig(const char **s, const char *end)
{
	VEC(Field) params = {0}, results = {0};
	(*s)++;
	if (!type_list(s, end, &params, ')', false))
		return NULL;
	if (end - *s >= 2 && (*s)[0] == ' ' && (*s)[1] != '=') {
		(*s)++;
		if (**s == '(') {
			(*s)++;
			if (!type_list(s, end, &results, ')', false))
				return NULL;
		} else {
			Type *r = parse_type(s, end);
			if (!r)
				return NULL;
			Field f = {0};
			f.type = r;
			vec_push(perm, results, f);
		}
	}
	return type_func(params.v, params.len, results.v, results.len, false);
}

// parse_type parses the type at *s (up to end); NULL when not supported.
static Type *
parse_type(const char **s, const char *end)
{
	const char *p = *s;
	if (p < end && *p == '*') {
		*s = p + 1;
		Type *e = parse_type(s, end);
		return e ? type_pointer(e) : NULL;
	}
	if (end - p >= 2 && p[0] == '[' && p[1] == ']') {
		*s = p + 2;
		Type *e = parse_type(s, end);
		return e ? type_slice(e) : NULL;
	}
	if (p < end && *p == '[') {
		long n = 0;
		p++;
		if (p >= end || !isdigit((unsigned char)*p))
			return NULL;
		while (p < end && isdigit((unsigned char)*p))
			n = n * 10 + (*p++ - '0');
		if (p >= end || *p != ']')
			return NULL;
		*s = p + 1;
		Type *e = parse_type(s, end);
		return e ? type_array(e, n) : NULL;
	}
	if (end - p >= 4 && memcmp(p, "map[", 4) == 0) {
		*s = p + 4;
		Type *k = parse_type(s, end);
		if (!k || *s >= end || **s != ']')
			return NULL;
		(*s)++;
		Type *v = parse_type(s, end);
		return v ? type_map(k, v) : NULL;
	}
	if (end - p >= 12 && memcmp(p, "interface {}", 12) == 0) {
		*s = p + 12;
		return ty_any;
	}
	if (end - p >= 11 && memcmp(p, "interface{}", 11) == 0) {
		*s = p + 11;
		return ty_any;
	}
	if (p < end && *p == '(') { // tuple "(int, bool)"
		VEC(Field) fl = {0};
		*s = p + 1;
		if (!type_list(s, end, &fl, ')', false))
			return NULL;
		return type_tuple(fl.v, fl.len);
	}
	if (end - p >= 7 && memcmp(p, "struct{", 7) == 0) { // "struct{a int; b string}"
		VEC(Field) fl = {0};
		*s = p + 7;
		if (!type_list(s, end, &fl, '}', true))
			return NULL;
		return type_struct(fl.v, fl.len);
	}
	if (end - p >= 10 && memcmp(p, "interface{", 10) == 0) { // "interface{M(); N() int}"
		VEC(Field) methods = {0};
		*s = p + 10;
		while (*s < end && **s != '}') {
			const char *q = *s;
			while (q < end && *q != '(')
				q++;
			Field m = {0};
			m.name = sym_intern(*s, (int)(q - *s));
			*s = q;
			if (q == end || !(m.type = parse_sig(s, end)))
				return NULL;
			vec_push(perm, methods, m);
			if (end - *s >= 2 && (*s)[0] == ';' && (*s)[1] == ' ')
				*s += 2;
		}
		if (*s >= end)
			return NULL;
		(*s)++;
		return type_interface(methods.v, methods.len);
	}
	if (end - p >= 5 && memcmp(p, "func(", 5) == 0) { // "func(int) (int, error)"
		*s = p + 4;
		return parse_sig(s, end);
	}
	const char *q = p;
	while (q < end && (isalnum((unsigned char)*q) || *q == '_' || *q == '.'))
		q++;
	if (q == p)
		return NULL;
	Type *t = basic_type(p, (size_t)(q - p));
	if (!t)
		t = named_type(sym_intern(p, (int)(q - p)));
	*s = q;
	return t;
}

// type_list parses "T1, T2)" (or "a T1; b T2}" when named) up to and past close.
static bool
type_list(const char **s, const char *end, void *list, char close, bool named)
{
	VEC(Field) *fl = list;
	while (*s < end && **s != close) {
		Field f = {0};
		if (named) {
			const char *q = *s;
			while (q < end && *q != ' ')
				q++;
			f.name = sym_intern(*s, (int)(q - *s));
			*s = q < end ? q + 1 : q;
		}
		f.type = parse_type(s, end);
		if (!f.type)
			return false;
		vec_push(perm, *fl, f);
		if (*s < end && (**s == ',' || **s == ';')) {
			(*s)++;
			if (*s < end && **s == ' ')
				(*s)++;
		}
	}
	if (*s >= end)
		return false;
	(*s)++;
	return true;
}

// type_text parses a whole type string.
static Type *
type_text(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	Type *t = parse_type(&p, end);
	return t && p == end ? t : NULL;
}

// ---- objects ----

static Obj *
named_obj(Reader *r, const char *name, Type *t, ObjKind kind)
{
	Sym *s = sym_cstr(name);
	for (int i = 0; i < r->vars.len; i++) {
		Obj *o = r->vars.v[i];
		if (o->name == s && o->kind == kind) {
			if (!o->type)
				o->type = t;
			return o;
		}
	}
	Obj *o = obj_new(kind, s, here(r));
	o->type = t;
	vec_push(perm, r->vars, o);
	return o;
}

// ---- the header ----

// split_fields parses "a int, b int" / "int, bool" into objects appended to l.
static bool
parse_fields(Reader *r, const char *s, const char *end, ObjList *l, bool results)
{
	while (s < end) {
		while (s < end && *s == ' ')
			s++;
		const char *e = s;
		int depth = 0;
		while (e < end && !(depth == 0 && *e == ',')) {
			if (*e == '[' || *e == '(' || *e == '{')
				depth++;
			else if (*e == ']' || *e == ')' || *e == '}')
				depth--;
			e++;
		}
		const char *sp = memchr(s, ' ', (size_t)(e - s));
		Type *t = type_text(s, (size_t)(e - s));
		const char *name = NULL;
		if (!t && sp) {
			name = arena_strndup(perm, s, (size_t)(sp - s));
			t = type_text(sp + 1, (size_t)(e - sp - 1));
		}
		if (!t)
			BAD(r, "ssa text: type not supported in %.*s", (int)(e - s), s);
		if (!name)
			name = results ? arena_sprintf(perm, "~r%d", l->len) : "_";
		Obj *o = named_obj(r, name, t, OBJ_VAR);
		o->index = l->len;
		vec_push(perm, *l, o);
		s = e < end ? e + 1 : e;
	}
	return true;
}

// header parses "func main.f(a int) (int, bool)" and starts a new function.
static bool
header(Reader *r)
{
	if (!accept(r, "func"))
		BAD(r, "ssa text: expected \"func\" in header");
	skip_space(r);
	const char *name = r->p;
	// The parameter list's '(': not the one of a method's receiver, main.(*T).M(...)
	const char *lp = name;
	while (lp < r->end && (*lp != '(' || (lp > name && lp[-1] == '.'))) {
		if (*lp == '(')
			while (lp < r->end && *lp != ')')
				lp++;
		lp++;
	}
	if (lp > r->end)
		lp = r->end;
	if (lp == r->end)
		lp = NULL;
	// The header ends with " ==".
	const char *end = r->end;
	while (end > r->p && end[-1] == ' ')
		end--;
	if (end - r->p >= 2 && end[-1] == '=' && end[-2] == '=')
		end -= 2;
	while (end > r->p && end[-1] == ' ')
		end--;
	if (!lp || lp > end)
		BAD(r, "ssa text: expected a signature \"name(params) results\"");
	// Find the ')' that closes the parameter list.
	const char *rp = lp;
	int depth = 0;
	for (; rp < end; rp++) {
		if (*rp == '(')
			depth++;
		else if (*rp == ')' && --depth == 0)
			break;
	}
	if (rp >= end)
		BAD(r, "ssa text: unbalanced parentheses in signature");
	r->vars.len = 0;
	Func *f = ssa_new_func(r->prog, arena_strndup(perm, name, (size_t)(lp - name)));
	FuncInfo *fi = NEW(perm, FuncInfo);
	fi->name = f->name;
	f->info = fi;
	if (!parse_fields(r, lp + 1, rp, &fi->params, false))
		return false;
	const char *res = rp + 1;
	while (res < end && *res == ' ')
		res++;
	if (res < end && *res == '(') {
		if (end[-1] != ')')
			BAD(r, "ssa text: bad result list");
		if (!parse_fields(r, res + 1, end - 1, &fi->results, true))
			return false;
	} else if (res < end) {
		if (!parse_fields(r, res, end, &fi->results, true))
			return false;
	}
	r->f = f;
	r->b = NULL;
	r->vals.len = 0;
	r->blocks.len = 0;
	r->args.len = 0;
	return true;
}

// ---- blocks and values ----

static void
grow_to(Reader *r, int id)
{
	while (r->vals.len <= id)
		vec_push(perm, r->vals, NULL);
	while (r->blocks.len <= id) {
		vec_push(perm, r->blocks, NULL);
		vec_push(perm, r->ctl, 0);
		vec_push(perm, r->succ0, 0);
		vec_push(perm, r->succ1, 0);
		vec_push(perm, r->npreds, -1);
		IntVec none = {0};
		vec_push(perm, r->preds, none);
	}
}

static bool
block_line(Reader *r, int id)
{
	if (!accept(r, ":"))
		BAD(r, "ssa text: expected ':' after b%d", id);
	grow_to(r, id);
	if (r->blocks.v[id])
		BAD(r, "ssa text: block b%d defined twice", id);
	Block *b = ssa_new_block(r->f, BK_PLAIN, here(r));
	b->id = id;
	if (id >= r->f->nblocks)
		r->f->nblocks = id + 1;
	r->blocks.v[id] = b;
	r->b = b;
	r->ctl.v[id] = 0;
	r->preds.v[id].len = 0;
	if (accept(r, "entry")) {
		if (r->f->entry != b)
			BAD(r, "ssa text: the entry block must come first");
		return true;
	}
	if (r->f->entry == b)
		BAD(r, "ssa text: the first block must be \"entry\"");
	if (!accept(r, "preds"))
		BAD(r, "ssa text: expected \"entry\" or \"preds\" after b%d:", id);
	for (;;) {
		int p = prefixed(r, 'b');
		if (p < 0)
			break;
		vec_push(perm, r->preds.v[id], p);
	}
	skip_space(r);
	if (r->p != r->end)
		BAD(r, "ssa text: unexpected text after the preds of b%d", id);
	return true;
}

static Op
op_by_name(const char *s)
{
	for (int i = 0; i < OP_COUNT; i++)
		if (op_name[i] && strcmp(op_name[i], s) == 0)
			return (Op)i;
	return OP_COUNT;
}

static const char *const kind_words[] = {
	"var", "new", "composite", "temp", // AllocKind
};

static const char *const bounds_words[] = {
	"index", "slicealen", "sliceacap", "sliceb", "slice3alen", "slice3acap", "slice3b",
	"slice3c", "convert",
};

static bool
parse_auxint(Reader *r, Value *v, const char *s, size_t n)
{
	char *txt = arena_strndup(perm, s, n);
	if (v->op == OP_ALLOC) {
		for (size_t i = 0; i < ARRAY_LEN(kind_words); i++)
			if (strcmp(txt, kind_words[i]) == 0) {
				v->auxint = (int64_t)i;
				return true;
			}
	}
	if (v->op == OP_BOUNDS) {
		for (size_t i = 0; i < ARRAY_LEN(bounds_words); i++)
			if (strcmp(txt, bounds_words[i]) == 0) {
				v->auxint = (int64_t)i;
				return true;
			}
	}
	char *e;
	if (v->op == OP_CONST && v->type && type_is_complex(v->type)) {
		// (re+imi): aux points at {re, im}, auxint holds re's bits (build.c)
		double *ri = NEWARR(perm, double, 2);
		bool ok = txt[0] == '(';
		if (ok) {
			ri[0] = strtod(txt + 1, &e);
			ok = e != txt + 1;
		}
		if (ok) {
			const char *im = e;
			ri[1] = strtod(im, &e);
			ok = e != im && strcmp(e, "i)") == 0;
		}
		if (!ok)
			BAD(r, "ssa text: bad complex constant [%s]", txt);
		v->aux = ri;
		memcpy(&v->auxint, &ri[0], sizeof ri[0]);
		return true;
	}
	if (v->op == OP_CONST && v->type && type_is_float(v->type)) {
		double d = strtod(txt, &e);
		if (*e)
			BAD(r, "ssa text: bad float constant [%s]", txt);
		memcpy(&v->auxint, &d, sizeof d);
		return true;
	}
	long long x = strtoll(txt, &e, 10);
	if (*e || e == txt)
		BAD(r, "ssa text: bad [auxint] [%s]", txt);
	v->auxint = x;
	return true;
}

// parse_quoted reads a "..." string with the dump's escapes into v's aux/auxint.
static bool
parse_quoted(Reader *r, Value *v)
{
	VEC(char) buf = {0};
	r->p++; // opening quote
	while (r->p < r->end && *r->p != '"') {
		char c = *r->p++;
		if (c == '\\' && r->p < r->end) {
			char e = *r->p++;
			if (e == 'n')
				c = '\n';
			else if (e == 't')
				c = '\t';
			else if (e == 'x' && r->end - r->p >= 2) {
				char hex[3] = {r->p[0], r->p[1], 0};
				c = (char)strtol(hex, NULL, 16);
				r->p += 2;
			} else
				c = e;
		}
		vec_push(perm, buf, c);
	}
	if (r->p >= r->end)
		BAD(r, "ssa text: unterminated string");
	r->p++;
	vec_push(perm, buf, '\0');
	v->aux = buf.v;
	v->auxint = buf.len - 1;
	return true;
}

static bool
value_line(Reader *r, int id)
{
	if (!r->b)
		BAD(r, "ssa text: value v%d outside a block", id);
	if (!accept(r, "="))
		BAD(r, "ssa text: expected '=' after v%d", id);
	const char *opname = word(r);
	Op op = op_by_name(opname);
	if (op == OP_COUNT)
		BAD(r, "ssa text: unknown op %s", opname);
	grow_to(r, id);
	if (r->vals.v[id])
		BAD(r, "ssa text: value v%d defined twice", id);
	Value *v = ssa_new_value(r->b, op, NULL, here(r));
	v->id = id;
	if (id >= r->f->nvalues)
		r->f->nvalues = id + 1;
	r->vals.v[id] = v;
	skip_space(r);
	if (r->p < r->end && *r->p == '<') {
		const char *s = ++r->p;
		int depth = 1;
		while (r->p < r->end && depth > 0) {
			if (*r->p == '<')
				depth++;
			else if (*r->p == '>')
				depth--;
			r->p++;
		}
		if (depth)
			BAD(r, "ssa text: unterminated <type>");
		v->type = type_text(s, (size_t)(r->p - 1 - s));
		if (!v->type)
			BAD(r, "ssa text: type <%.*s> not supported", (int)(r->p - 1 - s), s);
	}
	skip_space(r);
	if (r->p < r->end && *r->p == '[' && op != OP_PHI) {
		const char *s = ++r->p;
		while (r->p < r->end && *r->p != ']')
			r->p++;
		if (r->p >= r->end)
			BAD(r, "ssa text: unterminated [auxint]");
		if (!parse_auxint(r, v, s, (size_t)(r->p - s)))
			return false;
		r->p++;
	}
	skip_space(r);
	const char *auxname = NULL;
	if (r->p < r->end && *r->p == '{') {
		r->p++;
		skip_space(r);
		if (r->p < r->end && *r->p == '"') {
			if (!parse_quoted(r, v))
				return false;
		} else {
			const char *s = r->p;
			while (r->p < r->end && *r->p != '}')
				r->p++;
			auxname = arena_strndup(perm, s, (size_t)(r->p - s));
		}
		if (r->p >= r->end || *r->p != '}')
			BAD(r, "ssa text: unterminated {aux}");
		r->p++;
	}
	if (auxname) {
		switch (op) {
		case OP_CALLRT:
			v->aux = (void *)auxname;
			break;
		case OP_CALL: case OP_FUNCADDR:
			v->aux = named_obj(r, auxname, NULL, OBJ_FUNC);
			break;
		case OP_GLOBAL:
			v->aux = named_obj(r, auxname, v->type ? v->type->elem : NULL, OBJ_VAR);
			break;
		case OP_METHODVALUE:
			v->aux = named_obj(r, auxname, NULL, OBJ_FUNC);
			break;
		case OP_CALLIFACE:
			v->aux = sym_intern(auxname, (int)strlen(auxname));
			break;
		case OP_MAKECLOSURE: {
			FuncInfo *fi = NEW(perm, FuncInfo); // the literal: only its name is known
			fi->name = auxname;
			v->aux = fi;
			break;
		}
		default:
			BAD(r, "ssa text: {%s} not supported on %s", auxname, opname);
		}
	}
	// Then: [name] args... [@stack|@heap].
	for (;;) {
		skip_space(r);
		if (r->p >= r->end)
			break;
		if (*r->p == '[') { // phi argument [bK: vN]
			r->p++;
			int blk = prefixed(r, 'b');
			if (blk < 0 || !accept(r, ":"))
				BAD(r, "ssa text: expected [bK: vN]");
			int a = prefixed(r, 'v');
			if (a < 0 || !accept(r, "]"))
				BAD(r, "ssa text: expected [bK: vN]");
			PendingArg pa = {v, a, blk, here(r)};
			vec_push(perm, r->args, pa);
			continue;
		}
		int a = prefixed(r, 'v');
		if (a >= 0) {
			PendingArg pa = {v, a, -1, here(r)};
			vec_push(perm, r->args, pa);
			continue;
		}
		const char *w = word(r);
		if (strcmp(w, "@stack") == 0) {
			v->esc = ESC_STACK;
		} else if (strcmp(w, "@heap") == 0) {
			v->esc = ESC_HEAP;
		} else {
			v->name = sym_cstr(w);
			bool isvar = op == OP_GETVAR || op == OP_SETVAR || op == OP_PHI ||
				     op == OP_PARAM || op == OP_FREEVAR ||
				     (op == OP_ALLOC && v->auxint == ALLOC_VAR);
			if (isvar) {
				Type *t = op == OP_ALLOC && v->type ? v->type->elem : v->type;
				v->aux = named_obj(r, w, t, OBJ_VAR);
			}
		}
	}
	return true;
}

static bool
term_line(Reader *r, const char *w)
{
	Block *b = r->b;
	if (!b)
		BAD(r, "ssa text: terminator outside a block");
	int id = b->id;
	if (strcmp(w, "plain") == 0) {
		int s = -1;
		if (!accept(r, "->") || (s = prefixed(r, 'b')) < 0)
			BAD(r, "ssa text: expected \"plain -> bN\"");
		b->kind = BK_PLAIN;
		r->succ0.v[id] = s;
	} else if (strcmp(w, "if") == 0) {
		int c = prefixed(r, 'v'), t = -1, e = -1;
		if (c < 0 || !accept(r, "->") || (t = prefixed(r, 'b')) < 0 ||
		    (e = prefixed(r, 'b')) < 0)
			BAD(r, "ssa text: expected \"if vC -> bT bF\"");
		b->kind = BK_IF;
		r->ctl.v[id] = c;
		r->succ0.v[id] = t;
		r->succ1.v[id] = e;
	} else if (strcmp(w, "ret") == 0) {
		b->kind = BK_RET;
		int c = prefixed(r, 'v');
		r->ctl.v[id] = c > 0 ? c : 0;
	} else if (strcmp(w, "exit") == 0) {
		b->kind = BK_EXIT;
	} else {
		BAD(r, "ssa text: unexpected \"%s\"", w);
	}
	r->b = NULL;
	return true;
}

static Block *
block_ref(Reader *r, int id, Pos pos)
{
	if (id <= 0 || id >= r->blocks.len || !r->blocks.v[id]) {
		error_at(pos, "ssa text: no block b%d in %s", id, r->f->name);
		r->failed = true;
		return NULL;
	}
	return r->blocks.v[id];
}

static Value *
value_ref(Reader *r, int id, Pos pos)
{
	if (id <= 0 || id >= r->vals.len || !r->vals.v[id]) {
		error_at(pos, "ssa text: no value v%d in %s", id, r->f->name);
		r->failed = true;
		return NULL;
	}
	return r->vals.v[id];
}

// finish_func resolves arguments, controls and edges of the function just read.
static void
finish_func(Reader *r)
{
	Func *f = r->f;
	if (!f)
		return;
	Pos pos = f->entry ? f->entry->pos : here(r);
	// Edges: succs from terminators, preds as the headers list them.
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		int ns = b->kind == BK_PLAIN ? 1 : b->kind == BK_IF ? 2 : 0;
		for (int k = 0; k < ns; k++) {
			Block *s = block_ref(r, k ? r->succ1.v[b->id] : r->succ0.v[b->id], b->pos);
			if (s)
				b->succs[b->nsuccs++] = s;
		}
		for (int k = 0; k < r->preds.v[b->id].len; k++) {
			Block *p = block_ref(r, r->preds.v[b->id].v[k], b->pos);
			if (p)
				vec_push(f->arena, b->preds, p);
		}
		if (r->ctl.v[b->id]) {
			Value *c = value_ref(r, r->ctl.v[b->id], b->pos);
			if (c)
				ssa_set_control(b, c);
		}
	}
	// Arguments; a phi's go into the slot of their pred label (k-th label bK -> k-th
	// occurrence of bK among preds).
	for (int i = 0; i < r->args.len; i++) {
		PendingArg *pa = &r->args.v[i];
		Value *a = value_ref(r, pa->id, pa->pos);
		if (!a)
			continue;
		if (pa->block < 0) {
			ssa_add_arg(pa->v, a);
			continue;
		}
		Block *vb = pa->v->block;
		if (pa->v->nargs == 0)
			for (int j = 0; j < vb->preds.len; j++)
				ssa_add_arg(pa->v, a); // placeholders, overwritten below
		int slot = -1;
		for (int j = 0, seen = 0; j < vb->preds.len; j++) {
			if (vb->preds.v[j]->id != pa->block)
				continue;
			// count earlier labels of the same block on this phi
			int before = 0;
			for (int k = 0; k < i; k++)
				if (r->args.v[k].v == pa->v && r->args.v[k].block == pa->block)
					before++;
			if (seen++ == before) {
				slot = j;
				break;
			}
		}
		if (slot < 0) {
			error_at(pa->pos, "ssa text: phi v%d: b%d is not a pred of b%d", pa->v->id,
				 pa->block, vb->id);
			r->failed = true;
			continue;
		}
		ssa_set_arg(pa->v, slot, a);
	}
	// Variables first seen in a setvar get their type from its argument.
	for (int i = 0; i < f->blocks.len; i++) {
		Block *b = f->blocks.v[i];
		for (int k = 0; k < b->values.len; k++) {
			Value *v = b->values.v[k];
			if (v->op == OP_SETVAR && v->aux && v->nargs == 1 && !((Obj *)v->aux)->type)
				((Obj *)v->aux)->type = v->args[0]->type;
			if (v->op == OP_PARAM)
				vec_push(f->arena, f->params, v);
		}
	}
	f->valid = 0;
	(void)pos;
	r->f = NULL;
}

// type_line reads "NAME T" after "type ": NAME's underlying type is T.
static bool
type_line(Reader *r)
{
	skip_space(r);
	const char *q = r->p;
	while (q < r->end && *q != ' ')
		q++;
	if (q == r->p || q == r->end) {
		BAD(r, "ssa text: expected \"type NAME T\"");
	}
	Type *t = named_type(sym_intern(r->p, (int)(q - r->p)));
	Type *u = type_text(q + 1, (size_t)(r->end - q - 1));
	if (!u)
		BAD(r, "ssa text: type %.*s not supported", (int)(r->end - q - 1), q + 1);
	type_set_underlying(t, u);
	return true;
}

// comment_start returns where the "; ..." comment of line (n bytes) begins, or its end:
// a ';' inside a <type>, an {aux} or a string constant (struct{a int; b int}) is not one.
static const char *
comment_start(const char *line, size_t n)
{
	int depth = 0;
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		char c = line[i];
		if (quoted) {
			if (c == '\\')
				i++;
			else if (c == '"')
				quoted = false;
		} else if (c == '"') {
			quoted = true;
		} else if (c == '<' || c == '{') {
			depth++;
		} else if ((c == '>' || c == '}') && depth > 0) {
			depth--;
		} else if (c == ';' && depth == 0) {
			return line + i;
		}
	}
	return line + n;
}

// ssa_read parses file (an index from file_add) holding SSA text dumps into a new
// Program; NULL after errors (reported with error_at at the offending line).
Program *
ssa_read(int file)
{
	named_types.len = 0;
	Reader r0 = {0}, *r = &r0;
	r->file = file;
	r->text = file_text(file, &r->len);
	r->prog = NEW(perm, Program);
	while (r->at < r->len) {
		const char *line = r->text + r->at;
		const char *nl = memchr(line, '\n', r->len - r->at);
		size_t n = nl ? (size_t)(nl - line) : r->len - r->at;
		r->at += n + (nl ? 1 : 0);
		r->line++;
		r->p = line;
		r->end = line + n;
		r->end = comment_start(line, n);
		while (r->end > r->p && (r->end[-1] == ' ' || r->end[-1] == '\r'))
			r->end--;
		skip_space(r);
		if (r->p == r->end || (r->end - r->p >= 2 && r->p[0] == '/' && r->p[1] == '/'))
			continue;
		if (accept(r, "==")) {
			finish_func(r);
			if (accept(r, "pass")) {
				while (r->p < r->end && *r->p != ':')
					r->p++;
				if (r->p < r->end)
					r->p++;
			}
			if (!header(r))
				break;
			continue;
		}
		if (accept(r, "type ")) {
			if (!type_line(r))
				break;
			continue;
		}
		if (!r->f) {
			error_at(here(r), "ssa text: expected a \"== func ... ==\" header");
			r->failed = true;
			break;
		}
		int id;
		if ((id = prefixed(r, 'b')) >= 0) {
			if (!block_line(r, id))
				break;
		} else if ((id = prefixed(r, 'v')) >= 0) {
			if (!value_line(r, id))
				break;
		} else if (!term_line(r, word(r))) {
			break;
		}
	}
	if (!r->failed)
		finish_func(r);
	if (r->failed || diag_nerrors())
		return NULL;
	return r->prog;
}
