// parse.y: the Go grammar (Go 1.19 without type parameters), as a pure bison parser
// with locations. Actions only build nodes (ast_new, ast_ident) and call the small
// helpers at the end of this file.
//
// Node positions follow gc's syntax package, because every message is compared with
// gc's line:col:
//   x op y, op x, <-x, *x        the operator          f(x), T(x)   the '('
//   x.f, x.(T), x.(type)        the '.'               x[i], x[i:j] the '['
//   T{...}, {...}               the '{'               k: v         the ':'
//   func(...) {...} (literal)   the 'func'            (x)          the '('
//   []T [N]T                    the '['               map[K]V      'map'
//   chan T, <-chan T            'chan' or '<-'        *T           the '*'
//   struct{}, interface{}       the keyword           ...T         the '...'
//   func type of a decl/literal the '(' of its params
//   x = y, x := y, x op= y      the operator          x++ x--      the operator
//   ch <- v                     the '<-'              L: stmt      the ':'
//   expression statement        the expression        if/for/switch/select/go/defer/
//   return/break/continue/goto/fallthrough, var/const/type decls: the keyword
//   for ... range               the 'for' (gc's RangeClause itself sits at 'range')
//   block                       the '{'               case/default clause: the keyword
//   value, type and import specs: their first token; struct fields and parameters: their
//   first name (or the type when unnamed); func decl: the token after 'func'; file: 'package'.
// gc drops most parentheses from its tree; N_PAREN keeps them (at '('), so a consumer
// that wants gc's position of a parenthesized expression looks through N_PAREN.
//
// Composite literals in statement headers (Go spec "Composite literals", the parsing
// ambiguity): lex.l returns LBODY for a '{' at the top level of an if, for or switch
// header. A name, selector or index followed by LBODY is never a composite literal type,
// while an explicit []T, [N]T, map[K]V or struct type still is (lbrace accepts both), as
// in gc. When an LBODY opens a statement body, body_open tells the lexer (lex_header_end);
// bison reduces body_open without reading a lookahead token (its state is consistent), so
// the lexer knows before the body's first token.
//
// Error recovery: `error` productions at statement and declaration level; syntaxerr.c
// words the messages as gc does and keeps at most one per line.

%code requires {
#include "base/base.h"
#include "frontend/frontend.h"
#include "grammar/gram.h"

typedef struct YYLTYPE {
	Pos pos;   // position of the symbol's first token
	int depth; // open braces at that token (lex.l tokstart), for error recovery
} YYLTYPE;
#define YYLTYPE_IS_DECLARED 1
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                                        \
	do {                                                                               \
		if (N)                                                                     \
			(Cur) = YYRHSLOC(Rhs, 1);                                           \
		else                                                                       \
			(Cur) = YYRHSLOC(Rhs, 0);                                           \
	} while (0)
}

%code provides {
int gramlex(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
Node *parse_run(Lexer *lx);
}

%code {
#include <string.h>

static void
yyerror(YYLTYPE *loc, Lexer *lx, const char *msg)
{
	syntax_error_at(lx, loc->pos, "%s", msg);
}

// ---- error recovery, as gc's parser does it ----
//
// gc reports a syntax error and skips tokens up to one of a few synchronizing tokens
// (its advance(followlist)); inside functions the keywords that start statements stop
// the skipping too. Here each `error` production calls RECOVER with the mode saying which
// tokens stop: the offending token (bison's lookahead) is kept if it is one of them,
// otherwise it is dropped and the lexer wrapper below drops tokens until one is met. A
// statement keyword met at statement level is preceded by an invented ';', which is what
// the grammar needs to start a new statement there (gc simply goes on with it). yyerrok
// then lets the next error be reported at once, as gc does (one per line, diag.c). The
// only exception: a second recovery at the same token leaves bison's own error state,
// which drops that token, so that recovery always makes progress.
enum {
	RECOV_TOP = 1, // top level: const, type, var, func
	RECOV_STMT,    // statement level: ';', '}', case, default and the statement keywords
	RECOV_HEADER,  // statement header: the body's '{', '}' and the statement keywords
	RECOV_CASE,    // switch or select body: ':', case, default, '}'
	RECOV_ONE,     // drop the offending token only (gc's want)
	RECOV_SWITCH,  // a switch header after its ';': case, default, '}'
};

// Recov: the parser's private recovery state (Lexer.recov).
typedef struct Recov {
	int skip;       // RECOV_* mode while the lexer wrapper drops tokens; 0 otherwise
	int depth;      // only tokens at this bracket depth or outside it stop the skipping
	int ntok;       // tokens read so far
	int lastntok;   // ntok at the last recovery
	int prevtok;    // the token returned before
	int stashtok;   // a token read ahead, returned after an invented ';'; 0: none
	YYSTYPE stashval; // its value
	YYLTYPE stashloc; // its location
} Recov;

static bool
is_stmt_keyword(int tok)
{
	switch (tok) {
	case BREAK: case CONST: case CONTINUE: case DEFER: case FALLTHROUGH: case FOR: case GO:
	case GOTO: case IF: case RETURN: case SELECT: case SWITCH: case TYPE: case VAR:
		return true;
	}
	return false;
}

// stops reports whether recovery in mode stops at tok, met at bracket depth tdepth; *kw
// is set when it stops only because tok starts a statement.
static bool
stops(int tok, int mode, bool *kw, int tdepth, int depth)
{
	*kw = false;
	if (tok == YYEOF)
		return true;
	if (mode != RECOV_TOP && tdepth > depth)
		return false; // inside brackets opened by the part being skipped
	switch (mode) {
	case RECOV_TOP:
		return tok == CONST || tok == TYPE || tok == VAR || tok == FUNC;
	case RECOV_STMT:
		if (tok == ';' || tok == '}' || tok == CASE || tok == DEFAULT)
			return true;
		*kw = is_stmt_keyword(tok);
		return *kw;
	case RECOV_HEADER:
		return tok == LBODY || tok == '}' || is_stmt_keyword(tok);
	case RECOV_CASE:
		return tok == ':' || tok == CASE || tok == DEFAULT || tok == '}';
	case RECOV_SWITCH:
		return tok == CASE || tok == DEFAULT || tok == '}';
	}
	return true;
}

static Recov *
recov(Lexer *lx)
{
	if (!lx->recov)
		lx->recov = NEW(perm, Recov);
	return lx->recov;
}

// recover starts recovery in mode from the offending token *yychar (see above); false
// means: leave bison's error state alone.
static bool
recover(Lexer *lx, int *yychar, YYSTYPE *lval, YYLTYPE *lloc, int mode, int depth)
{
	Recov *r = recov(lx);
	char start = lx->stmtstart;
	lx->stmtstart = 0;
	if (r->ntok == r->lastntok)
		return false;
	r->lastntok = r->ntok;
	r->depth = depth;
	int t = *yychar;
	if (mode == RECOV_STMT && start == 'B' && t != YYEMPTY && t != YYEOF) {
		// gc ends the block at a token that cannot start a statement (after
		// "expecting }", which skips that token): drop it and invent the '}'
		r->stashtok = '}';
		r->stashval = *lval;
		r->stashval.op = 0;
		r->stashloc = *lloc;
		lex_close_brace(lx);
		*yychar = YYEMPTY;
		return true;
	}
	if (mode == RECOV_STMT && start == 'C')
		mode = RECOV_CASE; // gc: "expecting case or default or }" skips to a clause
	char phase = t == '}' ? lx->poppedhdr : lex_header_phase(lx);
	if (mode == RECOV_HEADER && t == '}' && phase && strchr("igrs", phase)) {
		// gc: a complete header followed by '}': the '}' closes an empty body (a
		// switch's clauses); the lexer's '}' closed the enclosing block, reopen it
		lex_push_brace(lx);
		if (phase == 's') {
			*yychar = YYEMPTY;
			r->stashtok = '}';
			r->stashval = *lval;
			r->stashloc = *lloc;
			return true;
		}
		r->stashtok = '}';
		r->stashval = *lval;
		r->stashloc = *lloc;
		*yychar = LBODY;
		lval->op = lx->nest.len; // no header mark to remove (lex_header_end)
		return true;
	}
	if (mode == RECOV_HEADER && phase == 's')
		mode = RECOV_SWITCH; // gc: "missing { after switch clause" skips to a clause
	if (t == YYEMPTY) {
		if (mode != RECOV_ONE)
			r->skip = mode;
		return true;
	}
	if (mode == RECOV_ONE || (mode == RECOV_HEADER && t != LBODY)) {
		// gc's want: the unexpected token is skipped
		if (t != YYEOF)
			*yychar = YYEMPTY;
		if (mode == RECOV_HEADER)
			r->skip = mode;
		return true;
	}
	bool kw;
	if (!stops(t, mode, &kw, lloc->depth, depth)) {
		*yychar = YYEMPTY;
		r->skip = mode;
	} else if (kw && mode == RECOV_STMT) {
		r->stashtok = t;
		r->stashval = *lval;
		r->stashloc = *lloc;
		*yychar = ';';
		lval->op = 0;
	}
	return true;
}

// (the location of `error` is that of the first symbol it replaced: its depth is the
// depth at the start of the erroneous statement or header)
#define RECOVER(mode)                                                                      \
	do {                                                                               \
		if (recover(lx, &yychar, &yylval, &yylloc, (mode), yylsp[0].depth))        \
			yyerrok;                                                           \
	} while (0)

// yylex reads the next token, dropping tokens while recovery skips and reporting an error
// that gc places at the token after the offending one.
static int
yylex(YYSTYPE *lval, YYLTYPE *lloc, Lexer *lx)
{
	Recov *r = recov(lx);
	if (r->stashtok) {
		int tok = r->stashtok;
		*lval = r->stashval;
		*lloc = r->stashloc;
		r->stashtok = 0;
		r->prevtok = tok;
		return tok;
	}
	for (;;) {
		int tok = gramlex(lval, lloc, lx->scanner);
		r->ntok++;
		if (r->skip) {
			bool kw;
			if (!stops(tok, r->skip, &kw, lloc->depth, r->depth))
				continue;
			if (kw && r->skip == RECOV_STMT) {
				r->stashtok = tok;
				r->stashval = *lval;
				r->stashloc = *lloc;
				tok = ';';
				lval->op = 0;
			}
			r->skip = 0;
		}
		if (lx->pendmsg) { // an error gc reports at the token after the offending one
			syntax_error_at(lx, lloc->pos, "%s", lx->pendmsg);
			lx->pendmsg = NULL;
		}
		// the grammar lets a clause's statement list end without ';' before case and
		// default; gc wants the ';' (and goes on as if it were there)
		if ((tok == CASE || tok == DEFAULT) && r->prevtok != ';' && r->prevtok != ':' &&
		    r->prevtok != '{' && r->prevtok != LBODY && r->prevtok != 0)
			syntax_error_at(lx, lloc->pos, "unexpected %s at end of statement",
					tok == CASE ? "case" : "default");
		r->prevtok = tok;
		return tok;
	}
}

static NodeList list1(Node *n);
static NodeList append(NodeList l, Node *n);
static NodeList concat(NodeList a, NodeList b);
static Node *ident(Pos pos, Sym *s);
static Node *unary(Pos pos, int op, Node *x);
static Node *binary(Pos pos, int op, Node *x, Node *y);
static Node *node1(NodeKind k, Pos pos, Node *x);
static Node *declstmt(Pos pos, NodeList specs);
static Node *valuespec(Pos pos, NodeList names, Node *type, NodeList values, bool isconst);
static NodeList constgroup(NodeList specs);
static Node *typespec(Pos pos, Sym *name, Node *type, bool alias);
static Node *importspec(Pos pos, Node *name, Node *path);
static Node *field(Pos pos, NodeList names, Node *type, Node *tag);
static NodeList params(Lexer *lx, NodeList raw);
static Node *param(Pos pos, Sym *name, Node *type);
static Node *functype(Pos pos, NodeList params, NodeList results);
static Node *funcdecl(Lexer *lx, Pos pos, Node *recv, Sym *name, Pos namepos, Node *type,
		      Node *body);
static Node *block(Pos pos, NodeList stmts, Pos rbrace);
static Node *assign(Pos pos, NodeList lhs, int op, NodeList rhs, bool define);
static Node *simple_cond(Lexer *lx, Node *s, const char *kw);
static Node *ifstmt(Lexer *lx, Pos pos, Node *hdr, Node *then, Node *els);
static Node *forstmt(Lexer *lx, Pos pos, Node *hdr, Node *body);
static Node *switchstmt(Lexer *lx, Pos pos, Node *hdr, NodeList clauses, Pos rbrace);
static Node *clause(NodeKind k, Pos pos, NodeList list, bool isdefault, Pos colon,
		    NodeList body);
static Node *callstmt(Lexer *lx, NodeKind k, Pos pos, Node *x, const char *kw);
static Node *branch(Pos pos, BranchKind k, Sym *label, Pos lpos);
static Node *composite(Pos pos, Node *type, NodeList elts, Pos rbrace);
static Node *slice(Lexer *lx, Pos pos, Node *x, Node *lo, Node *hi, Node *max, bool three,
		   Pos colon2, Pos rbrack);
static Node *chantype(Pos pos, ChanDir dir, Node *elem);
static Node *recv(Lexer *lx, Pos pos, Node *x);
static Node *header(Node *init, Node *cond, Node *post);
static Node *rangeclause(Lexer *lx, Pos pos, NodeList lhs, Node *x, bool define);

// A statement header is passed around as an N_FOR node (init, cond, post) or an N_RANGE.
}

%define api.pure full
%locations
%define parse.error custom
%define parse.lac full
%param {Lexer *lx}

%union {
	Node *node;    // expressions, types, statements, specs
	NodeList list; // lists of the above
	Sym *sym;      // identifiers
	int op;        // AstOp of an operator token; brace depth of '{' and LBODY
}

%token <sym> NAME "name"
%token <node> LITERAL "literal"
%token <op> ASSIGNOP "op="
%token <op> INC "++" DEC "--"
%token <op> OROR "||" ANDAND "&&" EQ "==" NE "!=" LE "<=" GE ">="
%token <op> SHL "<<" SHR ">>" ANDNOT "&^" ARROW "<-" DEFINE ":=" ELLIPSIS "..."
%token <op> BREAK "break" CASE "case" CHAN "chan" CONST "const" CONTINUE "continue"
%token <op> DEFAULT "default" DEFER "defer" ELSE "else" FALLTHROUGH "fallthrough"
%token <op> FOR "for" FUNC "func" GO "go" GOTO "goto" IF "if" IMPORT "import"
%token <op> INTERFACE "interface" MAP "map" PACKAGE "package" RANGE "range"
%token <op> RETURN "return" SELECT "select" STRUCT "struct" SWITCH "switch" TYPE "type"
%token <op> VAR "var"
%token <op> LBODY "{ (body)"
%token <op> '+' '-' '*' '/' '%' '&' '|' '^' '<' '>' '=' '!' '~' '{' '}' '(' ')' '['
%token <op> ']' ',' ';' ':' '.'

// Conflict resolution, lowest first. A type literal followed by '{' (or LBODY) opens a
// composite literal (a func type: a function literal) rather than ending the operand
// (NotBrace). A function type's results are taken as long as a type can continue them:
// func() *T, func() (x), func() []int (NotParen, below every token that starts a type).
%precedence NotBrace
%precedence NotParen
// Binary operator precedence (Go spec "Operator precedence").
%left OROR
%left ANDAND
%left EQ NE '<' LE '>' GE
%left '+' '-' '|' '^'
%left '*' '/' '%' '&' SHL SHR ANDNOT
%precedence '(' ARROW '[' LBODY '.'
%type <node> file_node import_spec decl topdecl funcdecl var_spec const_spec type_spec
%type <node> topitem
%type <list> topdecls1
%type <list> imports import_decl import_specs topdecls var_specs const_specs type_specs
%type <node> type type_lit non_recvchantype othertype recvchantype fntype
%type <node> ptrtype dotname struct_type interface_type field_decl iface_elem embedded
%type <list> field_decls iface_elems name_list
%type <node> otag signature result param dotdotdot
%type <list> param_list oparams
%type <node> import_path
%type <node> expr uexpr pexpr pexpr_no_paren nameish pseudocall
%type <node> expr_or_type funclit keyval elem complit_value oexpr
%type <list> expr_list expr_or_type_list oexpr_list elem_list braced_elems
%type <node> stmt simple_stmt osimple_stmt compound_stmt labeled_stmt if_stmt else_part
%type <node> for_stmt for_header range_clause switch_stmt select_stmt if_header
%type <node> case_clause comm_clause non_dcl_stmt fbody
%type <list> stmt_list case_clauses comm_clauses
%type <op> lbrace body_open

// The 10 shift/reduce conflicts are all on the error token inside a case or comm
// clause: an error there belongs to the clause's statement list (shift, the innermost
// recovery, as in gc) rather than starting a new clause.
%expect 10

%%

file:
	file_node { }
;

file_node:
	PACKAGE NAME ';' imports topdecls
	{
		$$ = ast_new(N_FILE, @1.pos);
		$$->u.file.pkgname = ident(@2.pos, $2);
		$$->u.file.imports = $4;
		$$->u.file.decls = $5;
		$$->u.file.fileidx = lx->file;
		lx->result = $$;
	}
;

// ---- Go spec "Import declarations" ----

imports:
	%empty { $$ = (NodeList){0}; }
|	imports import_decl ';' { $$ = concat($1, $2); }
;

import_decl:
	IMPORT import_spec { $$ = list1($2); }
|	IMPORT '(' import_specs osemi ')' { $$ = $3; }
|	IMPORT '(' ')' { $$ = (NodeList){0}; }
;

import_specs:
	import_spec { $$ = list1($1); }
|	import_specs ';' import_spec { $$ = append($1, $3); }
;

import_spec:
	import_path { $$ = importspec(@1.pos, NULL, $1); }
|	NAME import_path { $$ = importspec(@1.pos, ident(@1.pos, $1), $2); }
|	'.' import_path { $$ = importspec(@1.pos, ident(@1.pos, sym_cstr(".")), $2); }
;

// import_path: gc complains about a literal other than a string at the token after it.
import_path:
	LITERAL
	{
		$$ = $1;
		if ($1->u.lit.kind != LIT_STRING) {
			if (yychar == YYEMPTY)
				lx->pendmsg = "import path must be a string";
			else
				syntax_error_at(lx, lx->tokpos, "import path must be a string");
		}
	}
;

// ---- Go spec "Declarations and scope": top level ----

topdecls:
	%empty { $$ = (NodeList){0}; }
|	topdecls1
;

// (the first item is its own state, so that an error right after the imports can be
// recovered from: LAC does not reduce an empty topdecls before an unexpected token)
topdecls1:
	topitem { $$ = $1 ? list1($1) : (NodeList){0}; }
|	topdecls1 topitem { $$ = $2 ? append($1, $2) : $1; }
;

// topitem: after an error gc skips to the next const, type, var or func.
topitem:
	topdecl ';'
|	error { RECOVER(RECOV_TOP); $$ = NULL; }
;

topdecl:
	decl
|	funcdecl
;

// ---- Go spec "Constant declarations", "Type declarations", "Variable declarations" ----

decl:
	VAR var_spec { $$ = declstmt(@1.pos, list1($2)); }
|	VAR '(' var_specs osemi ')' { $$ = declstmt(@1.pos, $3); }
|	VAR '(' ')' { $$ = declstmt(@1.pos, (NodeList){0}); }
|	CONST const_spec { $$ = declstmt(@1.pos, constgroup(list1($2))); }
|	CONST '(' const_specs osemi ')' { $$ = declstmt(@1.pos, constgroup($3)); }
|	CONST '(' ')' { $$ = declstmt(@1.pos, (NodeList){0}); }
|	TYPE type_spec { $$ = declstmt(@1.pos, list1($2)); }
|	TYPE '(' type_specs osemi ')' { $$ = declstmt(@1.pos, $3); }
|	TYPE '(' ')' { $$ = declstmt(@1.pos, (NodeList){0}); }
;

var_specs:
	var_spec { $$ = list1($1); }
|	var_specs ';' var_spec { $$ = append($1, $3); }
;

const_specs:
	const_spec { $$ = list1($1); }
|	const_specs ';' const_spec { $$ = append($1, $3); }
;

type_specs:
	type_spec { $$ = list1($1); }
|	type_specs ';' type_spec { $$ = append($1, $3); }
;

var_spec:
	name_list type { $$ = valuespec(@1.pos, $1, $2, (NodeList){0}, false); }
|	name_list type '=' expr_list { $$ = valuespec(@1.pos, $1, $2, $4, false); }
|	name_list '=' expr_list { $$ = valuespec(@1.pos, $1, NULL, $3, false); }
;

const_spec:
	name_list { $$ = valuespec(@1.pos, $1, NULL, (NodeList){0}, true); }
|	name_list type { $$ = valuespec(@1.pos, $1, $2, (NodeList){0}, true); }
|	name_list '=' expr_list { $$ = valuespec(@1.pos, $1, NULL, $3, true); }
|	name_list type '=' expr_list { $$ = valuespec(@1.pos, $1, $2, $4, true); }
;

type_spec:
	NAME type { $$ = typespec(@1.pos, $1, $2, false); }
|	NAME '=' type { $$ = typespec(@1.pos, $1, $3, true); }
;

name_list:
	NAME { $$ = list1(ident(@1.pos, $1)); }
|	name_list ',' NAME { $$ = append($1, ident(@3.pos, $3)); }
;

osemi:
	%empty
|	';'
;

ocomma:
	%empty
|	','
;

// ---- Go spec "Function declarations", "Method declarations" ----

funcdecl:
	FUNC NAME signature fbody
	{ $$ = funcdecl(lx, @2.pos, NULL, $2, @2.pos, $3, $4); }
|	FUNC '(' oparams ')' NAME signature fbody
	{
		NodeList r = params(lx, $3);
		if (r.len != 1)
			lex_error(lx, @1.pos, r.len ? "method has multiple receivers" :
				 "method has no receiver");
		$$ = funcdecl(lx, @2.pos, r.len ? r.v[0] : NULL, $5, @5.pos, $6, $7);
	}
|	FUNC '(' oparams ')' NAME '[' param_list ocomma ']' signature fbody
	{
		syntax_error_at(lx, @6.pos, "method must have no type parameters");
		NodeList r = params(lx, $3);
		$$ = funcdecl(lx, @2.pos, r.len ? r.v[0] : NULL, $5, @5.pos, $10, $11);
	}
;

fbody:
	%empty { $$ = NULL; }
|	'{' stmt_list '}' { $$ = block(@1.pos, $2, @3.pos); }
;

signature:
	'(' oparams ')' result
	{
		$$ = functype(@1.pos, params(lx, $2), $4 ? $4->u.functype.params :
			      (NodeList){0});
	}
;

// result: an N_FUNCTYPE holding just the results in its params list, or NULL.
result:
	%empty %prec NotParen { $$ = NULL; }
|	'(' oparams ')' { $$ = functype(@1.pos, params(lx, $2), (NodeList){0}); }
|	dotname { $$ = functype(@1.pos, list1(field(@1.pos, (NodeList){0}, $1, NULL)), (NodeList){0}); }
|	ptrtype { $$ = functype(@1.pos, list1(field(@1.pos, (NodeList){0}, $1, NULL)), (NodeList){0}); }
|	othertype { $$ = functype(@1.pos, list1(field(@1.pos, (NodeList){0}, $1, NULL)), (NodeList){0}); }
|	fntype { $$ = functype(@1.pos, list1(field(@1.pos, (NodeList){0}, $1, NULL)), (NodeList){0}); }
|	recvchantype { $$ = functype(@1.pos, list1(field(@1.pos, (NodeList){0}, $1, NULL)), (NodeList){0}); }
;

oparams:
	%empty { $$ = (NodeList){0}; }
|	param_list ocomma { $$ = $1; }
;

param_list:
	param { $$ = list1($1); }
|	param_list ',' param { $$ = append($1, $3); }
;

// param: an N_FIELD with at most one name; params() groups "a, b int".
param:
	type { $$ = param(@1.pos, NULL, $1); }
|	NAME type { $$ = param(@1.pos, $1, $2); }
|	NAME dotdotdot { $$ = param(@1.pos, $1, $2); }
|	dotdotdot { $$ = param(@1.pos, NULL, $1); }
;

dotdotdot:
	ELLIPSIS type { $$ = node1(N_ELLIPSIS, @1.pos, $2); }
;

// ---- Go spec "Types" ----

type:
	dotname
|	type_lit
|	'(' type ')' { $$ = $2; }
;

type_lit:
	ptrtype
|	recvchantype
|	othertype
|	fntype
;

non_recvchantype:
	dotname
|	ptrtype
|	othertype
|	fntype
|	'(' type ')' { $$ = $2; }
;

dotname:
	NAME %prec NotParen { $$ = ident(@1.pos, $1); }
|	NAME '.' NAME
	{
		$$ = ast_new(N_SELECTOR, @2.pos);
		$$->u.sel.x = ident(@1.pos, $1);
		$$->u.sel.name = $3;
		$$->u.sel.namepos = @3.pos;
	}
;

ptrtype:
	'*' type { $$ = node1(N_STAR, @1.pos, $2); }
;

recvchantype:
	ARROW CHAN type { $$ = chantype(@1.pos, CHAN_RECV, $3); }
;

othertype:
	'[' oexpr ']' type
	{
		$$ = ast_new(N_ARRAYTYPE, @1.pos);
		$$->u.array.len = $2;
		$$->u.array.elem = $4;
	}
|	'[' ELLIPSIS ']' type
	{
		$$ = ast_new(N_ARRAYTYPE, @1.pos);
		$$->u.array.len = node1(N_ELLIPSIS, @2.pos, NULL);
		$$->u.array.elem = $4;
	}
|	CHAN non_recvchantype { $$ = chantype(@1.pos, CHAN_BOTH, $2); }
|	CHAN ARROW type { $$ = chantype(@1.pos, CHAN_SEND, $3); }
|	MAP '[' type ']' type
	{
		$$ = ast_new(N_MAPTYPE, @1.pos);
		$$->u.map.key = $3;
		$$->u.map.value = $5;
	}
|	struct_type
|	interface_type
;

fntype:
	FUNC signature %prec NotBrace { $$ = $2; }
;

struct_type:
	STRUCT lbrace field_decls osemi '}'
	{
		$$ = ast_new(N_STRUCTTYPE, @1.pos);
		$$->u.fields = $3;
	}
|	STRUCT lbrace '}' { $$ = ast_new(N_STRUCTTYPE, @1.pos); }
;

field_decls:
	field_decl { $$ = list1($1); }
|	field_decls ';' field_decl { $$ = append($1, $3); }
;

field_decl:
	name_list type otag { $$ = field(@1.pos, $1, $2, $3); }
|	embedded otag { $$ = field(@1.pos, (NodeList){0}, $1, $2); }
|	'*' embedded otag { $$ = field(@1.pos, (NodeList){0}, node1(N_STAR, @1.pos, $2), $3); }
	// gc parses and rejects (T), (*T) and *(T)
|	'(' embedded ')' otag
	{
		syntax_error_at(lx, @1.pos, "cannot parenthesize embedded type");
		$$ = field(@1.pos, (NodeList){0}, $2, $4);
	}
|	'(' '*' embedded ')' otag
	{
		syntax_error_at(lx, @1.pos, "cannot parenthesize embedded type");
		$$ = field(@1.pos, (NodeList){0}, node1(N_STAR, @2.pos, $3), $5);
	}
|	'*' '(' embedded ')' otag
	{
		syntax_error_at(lx, @2.pos, "cannot parenthesize embedded type");
		$$ = field(@1.pos, (NodeList){0}, node1(N_STAR, @1.pos, $3), $5);
	}
;

embedded:
	NAME { $$ = ident(@1.pos, $1); }
|	NAME '.' NAME
	{
		$$ = ast_new(N_SELECTOR, @2.pos);
		$$->u.sel.x = ident(@1.pos, $1);
		$$->u.sel.name = $3;
		$$->u.sel.namepos = @3.pos;
	}
;

otag:
	%empty { $$ = NULL; }
|	LITERAL
;

interface_type:
	INTERFACE lbrace iface_elems osemi '}'
	{
		$$ = ast_new(N_INTERFACETYPE, @1.pos);
		$$->u.fields = $3;
	}
|	INTERFACE lbrace '}' { $$ = ast_new(N_INTERFACETYPE, @1.pos); }
;

iface_elems:
	iface_elem { $$ = list1($1); }
|	iface_elems ';' iface_elem { $$ = append($1, $3); }
;

iface_elem:
	NAME signature { $$ = field(@1.pos, list1(ident(@1.pos, $1)), $2, NULL); }
|	NAME '[' param_list ocomma ']' signature
	{
		lex_error(lx, @2.pos, "interface method must have no type parameters");
		$$ = field(@1.pos, list1(ident(@1.pos, $1)), $6, NULL);
	}
|	embedded { $$ = field(@1.pos, (NodeList){0}, $1, NULL); }
;

lbrace:
	'{'
|	LBODY
;

// ---- Go spec "Expressions" ----

expr:
	uexpr
|	expr OROR expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr ANDAND expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr EQ expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr NE expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '<' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr LE expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '>' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr GE expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '+' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '-' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '|' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '^' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '*' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '/' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '%' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr '&' expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr ANDNOT expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr SHL expr { $$ = binary(@2.pos, $2, $1, $3); }
|	expr SHR expr { $$ = binary(@2.pos, $2, $1, $3); }
;

uexpr:
	pexpr
|	'*' uexpr { $$ = node1(N_STAR, @1.pos, $2); }
|	'&' uexpr { $$ = unary(@1.pos, AOP_ADDR, $2); }
|	'+' uexpr { $$ = unary(@1.pos, AOP_ADD, $2); }
|	'-' uexpr { $$ = unary(@1.pos, AOP_SUB, $2); }
|	'!' uexpr { $$ = unary(@1.pos, AOP_NOT, $2); }
|	'^' uexpr { $$ = unary(@1.pos, AOP_XOR, $2); }
|	ARROW uexpr { $$ = recv(lx, @1.pos, $2); }
|	'~' uexpr
	{
		check_error(lx, @1.pos, "cannot use ~ outside of interface or type constraint");
		$$ = $2;
	}
;

// nameish: the operands after which '{' may open a composite literal outside statement
// headers: names, selectors and index expressions.
nameish:
	NAME %prec NotParen { $$ = ident(@1.pos, $1); }
|	pexpr '.' NAME
	{
		$$ = ast_new(N_SELECTOR, @2.pos);
		$$->u.sel.x = $1;
		$$->u.sel.name = $3;
		$$->u.sel.namepos = @3.pos;
	}
|	pexpr '[' expr ']'
	{
		$$ = ast_new(N_INDEX, @2.pos);
		$$->u.index.x = $1;
		$$->u.index.index = list1($3);
	}
;

pexpr_no_paren:
	LITERAL
|	nameish
|	nameish '{' braced_elems '}' { $$ = composite(@2.pos, $1, $3, @4.pos); }
|	pexpr '.' '(' expr_or_type ')'
	{
		$$ = ast_new(N_TYPEASSERT, @2.pos);
		$$->u.assert.x = $1;
		$$->u.assert.type = $4;
	}
|	pexpr '.' '(' TYPE ')'
	{
		$$ = ast_new(N_TYPEASSERT, @2.pos);
		$$->u.assert.x = $1;
	}
|	pexpr '[' oexpr ':' oexpr ']'
	{ $$ = slice(lx, @2.pos, $1, $3, $5, NULL, false, @4.pos, @6.pos); }
|	pexpr '[' oexpr ':' oexpr ':' oexpr ']'
	{ $$ = slice(lx, @2.pos, $1, $3, $5, $7, true, @6.pos, @8.pos); }
|	pseudocall
|	othertype lbrace braced_elems '}' { $$ = composite(@2.pos, $1, $3, @4.pos); }
|	othertype %prec NotBrace
|	fntype
|	'(' expr_or_type ')' '{' braced_elems '}'
	{
		syntax_error_at(lx, @4.pos, "cannot parenthesize type in composite literal");
		$$ = composite(@4.pos, $2, $5, @6.pos);
	}
|	funclit
;

pseudocall:
	pexpr '(' ')'
	{
		$$ = ast_new(N_CALL, @2.pos);
		$$->u.call.fun = $1;
	}
|	pexpr '(' expr_or_type_list ocomma ')'
	{
		$$ = ast_new(N_CALL, @2.pos);
		$$->u.call.fun = $1;
		$$->u.call.args = $3;
	}
|	pexpr '(' expr_or_type_list ELLIPSIS ocomma ')'
	{
		$$ = ast_new(N_CALL, @2.pos);
		$$->u.call.fun = $1;
		$$->u.call.args = $3;
		$$->u.call.dots = true;
	}
;

pexpr:
	pexpr_no_paren
|	'(' expr_or_type ')' { $$ = node1(N_PAREN, @1.pos, $2); $$->flags |= NF_PARENS; }
;

expr_or_type:
	expr
;


funclit:
	FUNC signature lbrace stmt_list '}'
	{
		$$ = ast_new(N_FUNCLIT, @1.pos);
		$$->u.func.type = $2;
		$$->u.func.body = block(@3.pos, $4, @5.pos);
		vec_push(perm, lx->bodies, $$->u.func.body);
	}
;

braced_elems:
	%empty { $$ = (NodeList){0}; }
|	elem_list ocomma { $$ = $1; }
;

elem_list:
	keyval { $$ = list1($1); }
|	elem_list ',' keyval { $$ = append($1, $3); }
;

keyval:
	elem
|	elem ':' elem
	{
		$$ = ast_new(N_KEYVALUE, @2.pos);
		$$->u.kv.key = $1;
		$$->u.kv.value = $3;
	}
;

elem:
	expr
|	complit_value
;

complit_value:
	'{' braced_elems '}' { $$ = composite(@1.pos, NULL, $2, @3.pos); }
;

oexpr:
	%empty { $$ = NULL; }
|	expr
;

expr_list:
	expr { $$ = list1($1); }
|	expr_list ',' expr { $$ = append($1, $3); }
;

expr_or_type_list:
	expr_or_type { $$ = list1($1); }
|	expr_or_type_list ',' expr_or_type { $$ = append($1, $3); }
;

oexpr_list:
	%empty { $$ = (NodeList){0}; }
|	expr_list
;

// ---- Go spec "Statements" ----

stmt_list:
	stmt { $$ = $1 ? list1($1) : (NodeList){0}; }
|	stmt_list ';' stmt { $$ = $3 ? append($1, $3) : $1; }
;

stmt:
	%empty { $$ = NULL; }
|	compound_stmt
|	decl
|	non_dcl_stmt
|	error { RECOVER(RECOV_STMT); $$ = NULL; }
;

compound_stmt:
	'{' stmt_list '}' { $$ = block(@1.pos, $2, @3.pos); }
;

non_dcl_stmt:
	simple_stmt
|	for_stmt
|	switch_stmt
|	select_stmt
|	if_stmt
|	labeled_stmt
|	FALLTHROUGH { $$ = branch(@1.pos, BR_FALLTHROUGH, NULL, @1.pos); }
|	BREAK { $$ = branch(@1.pos, BR_BREAK, NULL, @1.pos); }
|	BREAK NAME { $$ = branch(@1.pos, BR_BREAK, $2, @2.pos); }
|	CONTINUE { $$ = branch(@1.pos, BR_CONTINUE, NULL, @1.pos); }
|	CONTINUE NAME { $$ = branch(@1.pos, BR_CONTINUE, $2, @2.pos); }
|	GOTO NAME { $$ = branch(@1.pos, BR_GOTO, $2, @2.pos); }
|	GO pexpr { $$ = callstmt(lx, N_GO, @1.pos, $2, "go"); }
|	DEFER pexpr { $$ = callstmt(lx, N_DEFER, @1.pos, $2, "defer"); }
|	RETURN oexpr_list
	{
		$$ = ast_new(N_RETURN, @1.pos);
		$$->u.list = $2;
	}
;

labeled_stmt:
	NAME ':' stmt
	{
		// gc: a label before case, default or the end of the file labels nothing
		if (!$3 && (yychar == CASE || yychar == DEFAULT || yychar == YYEOF))
			syntax_error_at(lx, @2.pos, "missing statement after label");
		$$ = ast_new(N_LABELED, @2.pos);
		$$->u.labeled.label = $1;
		$$->u.labeled.labelpos = @1.pos;
		$$->u.labeled.stmt = $3 ? $3 : ast_new(N_EMPTY, @3.pos);
	}
;

simple_stmt:
	expr { $$ = node1(N_EXPRSTMT, $1->pos, $1); }
|	expr ASSIGNOP expr { $$ = assign(@2.pos, list1($1), $2, list1($3), false); }
|	expr_list '=' expr_list { $$ = assign(@2.pos, $1, AOP_NONE, $3, false); }
|	expr_list DEFINE expr_list { $$ = assign(@2.pos, $1, AOP_NONE, $3, true); }
|	expr INC
	{
		$$ = ast_new(N_INCDEC, @2.pos);
		$$->u.incdec.x = $1;
		$$->u.incdec.inc = true;
	}
|	expr DEC
	{
		$$ = ast_new(N_INCDEC, @2.pos);
		$$->u.incdec.x = $1;
	}
|	expr ARROW expr { $$ = binary(@2.pos, AOP_NONE, $1, $3); $$->kind = N_SEND; }
;

osimple_stmt:
	%empty { $$ = NULL; }
|	simple_stmt
	// gc accepts a var declaration as a header's init statement, with a complaint
|	VAR simple_stmt
	{
		syntax_error_at(lx, @2.pos, "var declaration not allowed in %s initializer",
				lex_header_kind(lx));
		$$ = $2;
	}
;

body_open:
	LBODY { lex_header_end(lx, $1); $$ = $1; }
;

if_header:
	osimple_stmt { $$ = header(NULL, $1, NULL); }
|	osimple_stmt ';' osimple_stmt
	{
		$$ = header($1, $3, NULL);
		if (!$3) { // remember the ';' for gc's message about a missing condition
			$$->pos = @2.pos;
			$$->flags = $2 ? 2 : 1;
		}
	}
;

if_stmt:
	IF if_header body_open stmt_list '}' else_part
	{ $$ = ifstmt(lx, @1.pos, $2, block(@3.pos, $4, @5.pos), $6); }
|	IF header_error body_open stmt_list '}' else_part { $$ = NULL; }
;

// header_error: after an error in a statement header gc drops the unexpected token and
// skips to the body's '{'.
header_error:
	error { RECOVER(RECOV_HEADER); }
;

else_part:
	%empty { $$ = NULL; }
|	ELSE if_stmt { $$ = $2; }
|	ELSE compound_stmt { $$ = $2; }
;

for_header:
	osimple_stmt ';' osimple_stmt ';' osimple_stmt { $$ = header($1, $3, $5); }
|	osimple_stmt { $$ = header(NULL, $1, NULL); }
|	range_clause
;

range_clause:
	expr_list '=' RANGE expr { $$ = rangeclause(lx, @3.pos, $1, $4, false); }
|	expr_list DEFINE RANGE expr { $$ = rangeclause(lx, @3.pos, $1, $4, true); }
|	RANGE expr { $$ = rangeclause(lx, @1.pos, (NodeList){0}, $2, false); }
;

for_stmt:
	FOR for_header body_open stmt_list '}'
	{ $$ = forstmt(lx, @1.pos, $2, block(@3.pos, $4, @5.pos)); }
|	FOR header_error body_open stmt_list '}' { $$ = NULL; }
;

switch_stmt:
	SWITCH if_header body_open case_clauses '}'
	{ $$ = switchstmt(lx, @1.pos, $2, $4, @5.pos); }
|	SWITCH header_error body_open case_clauses '}' { $$ = NULL; }
|	SWITCH header_error case_clauses '}' { $$ = NULL; }
;

case_clauses:
	%empty { $$ = (NodeList){0}; }
|	case_clauses case_clause { $$ = $2 ? append($1, $2) : $1; }
;

case_clause:
	CASE expr_or_type_list ':' stmt_list
	{ $$ = clause(N_CASECLAUSE, @1.pos, $2, false, @3.pos, $4); }
|	DEFAULT ':' stmt_list
	{ $$ = clause(N_CASECLAUSE, @1.pos, (NodeList){0}, true, @2.pos, $3); }
	// gc: a missing ':' is skipped over (its want), a clause not starting with case or
	// default is skipped up to its ':'
|	CASE error { RECOVER(RECOV_ONE); } stmt_list { $$ = NULL; }
|	error { RECOVER(RECOV_CASE); } ocolon stmt_list { $$ = NULL; }
;

ocolon:
	%empty
|	':'
;

select_stmt:
	SELECT '{' comm_clauses '}'
	{
		$$ = ast_new(N_SELECT, @1.pos);
		$$->u.sw.body = $3;
		$$->u.sw.rbrace = @4.pos;
	}
;

comm_clauses:
	%empty { $$ = (NodeList){0}; }
|	comm_clauses comm_clause { $$ = $2 ? append($1, $2) : $1; }
;

comm_clause:
	CASE simple_stmt ':' stmt_list
	{ $$ = clause(N_COMMCLAUSE, @1.pos, list1($2), false, @3.pos, $4); }
|	DEFAULT ':' stmt_list
	{ $$ = clause(N_COMMCLAUSE, @1.pos, (NodeList){0}, true, @2.pos, $3); }
|	CASE error { RECOVER(RECOV_ONE); } stmt_list { $$ = NULL; }
|	error { RECOVER(RECOV_CASE); } ocolon stmt_list { $$ = NULL; }
;

%%

// ---- helpers for the actions ----

static NodeList
list1(Node *n)
{
	NodeList l = {0};
	vec_push(perm, l, n);
	return l;
}

static NodeList
append(NodeList l, Node *n)
{
	vec_push(perm, l, n);
	return l;
}

static NodeList
concat(NodeList a, NodeList b)
{
	for (int i = 0; i < b.len; i++)
		vec_push(perm, a, b.v[i]);
	return a;
}

static Node *
ident(Pos pos, Sym *s)
{
	return ast_ident(pos, s);
}

static Node *
unary(Pos pos, int op, Node *x)
{
	Node *n = ast_new(N_UNARY, pos);
	n->u.unary.op = (AstOp)op;
	n->u.unary.x = x;
	return n;
}

static Node *
binary(Pos pos, int op, Node *x, Node *y)
{
	Node *n = ast_new(N_BINARY, pos);
	n->u.binary.op = (AstOp)op;
	n->u.binary.x = x;
	n->u.binary.y = y;
	return n;
}

// node1 builds a node whose payload is the single child x.
static Node *
node1(NodeKind k, Pos pos, Node *x)
{
	Node *n = ast_new(k, pos);
	n->u.x = x;
	return n;
}

static Node *
declstmt(Pos pos, NodeList specs)
{
	Node *n = ast_new(N_DECLSTMT, pos);
	n->u.list = specs;
	return n;
}

static Node *
valuespec(Pos pos, NodeList names, Node *type, NodeList values, bool isconst)
{
	Node *n = ast_new(N_VALUESPEC, pos);
	n->u.value.names = names;
	n->u.value.type = type;
	n->u.value.values = values;
	n->u.value.isconst = isconst;
	return n;
}

// constgroup numbers the specs of a const group (iota) and gives each spec without type
// and values the type and values of the last spec that had values (Go spec "Constant
// declarations").
static NodeList
constgroup(NodeList specs)
{
	Node *last = NULL;
	for (int i = 0; i < specs.len; i++) {
		Node *s = specs.v[i];
		s->u.value.iota = i;
		if (s->u.value.type == NULL && s->u.value.values.len == 0) {
			if (last) {
				s->u.value.type = last->u.value.type;
				s->u.value.values = last->u.value.values;
				s->u.value.implicit = true;
			}
		} else if (s->u.value.values.len > 0) {
			last = s;
		}
	}
	return specs;
}

static Node *
typespec(Pos pos, Sym *name, Node *type, bool alias)
{
	Node *n = ast_new(N_TYPESPEC, pos);
	n->u.typespec.name = ast_ident(pos, name);
	n->u.typespec.type = type;
	n->u.typespec.alias = alias;
	return n;
}

static Node *
importspec(Pos pos, Node *name, Node *path)
{
	Node *n = ast_new(N_IMPORTSPEC, pos);
	n->u.import.name = name;
	n->u.import.path = path;
	return n;
}

static Node *
field(Pos pos, NodeList names, Node *type, Node *tag)
{
	Node *n = ast_new(N_FIELD, pos);
	n->u.field.names = names;
	n->u.field.type = type;
	n->u.field.tag = tag;
	return n;
}

// param builds one raw parameter: an optional name and a type.
static Node *
param(Pos pos, Sym *name, Node *type)
{
	NodeList names = {0};
	if (name)
		vec_push(perm, names, ast_ident(pos, name));
	return field(pos, names, type, NULL);
}

// params groups raw parameters as gc does: when some parameter has a name, bare names
// before it take its type (a, b int); otherwise every entry is an unnamed type.
static NodeList
params(Lexer *lx, NodeList raw)
{
	int named = 0;
	for (int i = 0; i < raw.len; i++)
		if (raw.v[i]->u.field.names.len > 0)
			named++;
	if (named == 0)
		return raw;
	NodeList out = {0};
	NodeList pending = {0};
	Pos errpos = {0};
	for (int i = 0; i < raw.len; i++) {
		Node *p = raw.v[i];
		if (p->u.field.names.len > 0) {
			Node *f = field(pending.len ? pending.v[0]->pos : p->pos, pending,
					p->u.field.type, NULL);
			vec_push(perm, f->u.field.names, p->u.field.names.v[0]);
			vec_push(perm, out, f);
			pending = (NodeList){0};
		} else if (p->u.field.type->kind == N_IDENT) {
			vec_push(perm, pending, p->u.field.type);
		} else {
			if (!errpos.file)
				errpos = p->pos;
			Node *f = field(p->pos, list1(ast_ident(p->pos, sym_cstr("_"))),
					p->u.field.type, NULL);
			vec_push(perm, out, f);
		}
	}
	if (pending.len) {
		if (!errpos.file || pos_cmp(pending.v[0]->pos, errpos) < 0)
			errpos = pending.v[0]->pos;
		Node *bad = ast_new(N_BAD, pending.v[0]->pos);
		vec_push(perm, out, field(pending.v[0]->pos, pending, bad, NULL));
	}
	if (errpos.file)
		syntax_error_at(lx, errpos, "mixed named and unnamed parameters");
	return out;
}

static Node *
functype(Pos pos, NodeList ps, NodeList results)
{
	Node *n = ast_new(N_FUNCTYPE, pos);
	n->u.functype.params = ps;
	n->u.functype.results = results;
	return n;
}

static Node *
funcdecl(Lexer *lx, Pos pos, Node *recv, Sym *name, Pos namepos, Node *type, Node *body)
{
	if (body)
		vec_push(perm, lx->bodies, body);
	Node *n = ast_new(N_FUNCDECL, pos);
	n->u.funcdecl.recv = recv;
	n->u.funcdecl.name = ast_ident(namepos, name);
	n->u.funcdecl.type = type;
	n->u.funcdecl.body = body;
	return n;
}

static Node *
block(Pos pos, NodeList stmts, Pos rbrace)
{
	Node *n = ast_new(N_BLOCK, pos);
	n->u.block.stmts = stmts;
	n->u.block.rbrace = rbrace;
	return n;
}

static Node *
assign(Pos pos, NodeList lhs, int op, NodeList rhs, bool define)
{
	Node *n = ast_new(N_ASSIGN, pos);
	n->u.assign.lhs = lhs;
	n->u.assign.rhs = rhs;
	n->u.assign.op = (AstOp)op;
	n->u.assign.define = define;
	return n;
}

// header packs a statement header into an N_FOR node: init; cond; post.
static Node *
header(Node *init, Node *cond, Node *post)
{
	Node *n = ast_new(N_FOR, cond ? cond->pos : init ? init->pos : (Pos){0});
	n->u.fors.init = init;
	n->u.fors.cond = cond;
	n->u.fors.post = post;
	return n;
}

static Node *
rangeclause(Lexer *lx, Pos pos, NodeList lhs, Node *x, bool define)
{
	Node *n = ast_new(N_RANGE, pos);
	if (lhs.len > 0)
		n->u.range.key = lhs.v[0];
	if (lhs.len > 1)
		n->u.range.value = lhs.v[1];
	n->u.range.x = x;
	n->u.range.define = define;
	if (lhs.len > 2)
		check_error(lx, lhs.v[2]->pos, "range clause permits at most two iteration variables");
	return n;
}

// simple_cond turns the condition statement of an if or for header into an expression,
// reporting gc's "cannot use ... as value" for anything else.
static const char *
str(Node *n)
{
	if (!n)
		return "";
	switch (n->kind) {
	case N_IDENT:
		return n->u.ident.name->name;
	case N_BASICLIT:
		return arena_sprintf(perm, "%.*s", n->u.lit.len, n->u.lit.text);
	case N_BINARY:
		return arena_sprintf(perm, "%s %s %s", str(n->u.binary.x),
				     aop_string[n->u.binary.op], str(n->u.binary.y));
	case N_UNARY:
		return arena_sprintf(perm, "%s%s", aop_string[n->u.unary.op], str(n->u.unary.x));
	case N_STAR:
		return arena_sprintf(perm, "*%s", str(n->u.x));
	case N_PAREN:
		return arena_sprintf(perm, "(%s)", str(n->u.x));
	case N_SELECTOR:
		return arena_sprintf(perm, "%s.%s", str(n->u.sel.x), n->u.sel.name->name);
	case N_INDEX:
		return arena_sprintf(perm, "%s[%s]", str(n->u.index.x),
				     n->u.index.index.len ? str(n->u.index.index.v[0]) : "");
	case N_CALL: {
		const char *s = arena_sprintf(perm, "%s(", str(n->u.call.fun));
		for (int i = 0; i < n->u.call.args.len; i++)
			s = arena_sprintf(perm, "%s%s%s", s, i ? ", " : "", str(n->u.call.args.v[i]));
		return arena_sprintf(perm, "%s%s)", s, n->u.call.dots ? "..." : "");
	}
	case N_TYPEASSERT:
		return arena_sprintf(perm, "%s.(%s)", str(n->u.assert.x),
				     n->u.assert.type ? str(n->u.assert.type) : "type");
	case N_INTERFACETYPE:
		return n->u.fields.len ? "interface{…}" : "interface{}";
	case N_STRUCTTYPE:
		return n->u.fields.len ? "struct{…}" : "struct{}";
	case N_COMPOSITE: // gc's short form
		return arena_sprintf(perm, "%s{%s}", str(n->u.comp.type),
				     n->u.comp.elts.len ? "…" : "");
	default:
		return "…";
	}
}

// strlist renders a list of expressions as gc's syntax printer does: a, b.
static const char *
strlist(NodeList l)
{
	const char *s = "";
	for (int i = 0; i < l.len; i++)
		s = arena_sprintf(perm, "%s%s%s", s, i ? ", " : "", str(l.v[i]));
	return s;
}

// simple_cond turns the condition statement of an if, for or switch header into an
// expression, reporting gc's "cannot use ... as value" for anything else.
static Node *
simple_cond(Lexer *lx, Node *s, const char *kw)
{
	if (s == NULL)
		return NULL;
	if (s->kind == N_EXPRSTMT)
		return s->u.x;
	Pos pos = s->pos;
	if (s->kind == N_ASSIGN && s->u.assign.op == AOP_NONE && !s->u.assign.define) {
		syntax_error_at(lx, s->pos,
				"cannot use assignment (%s) = (%s) as value",
				strlist(s->u.assign.lhs), strlist(s->u.assign.rhs));
	} else if (s->kind == N_ASSIGN) {
		if (s->u.assign.define)
			syntax_error_at(lx, pos, "cannot use %s := %s as value",
					strlist(s->u.assign.lhs), strlist(s->u.assign.rhs));
		else
			syntax_error_at(lx, pos, "cannot use %s %s= %s as value",
					strlist(s->u.assign.lhs), aop_string[s->u.assign.op],
					strlist(s->u.assign.rhs));
	} else if (s->kind == N_SEND) {
		syntax_error_at(lx, s->pos, "cannot use %s <- %s as value",
				str(s->u.binary.x), str(s->u.binary.y));
	} else if (s->kind == N_INCDEC) {
		syntax_error_at(lx, s->pos, "cannot use %s%s as value",
				str(s->u.incdec.x), s->u.incdec.inc ? "++" : "--");
	} else {
		syntax_error_at(lx, s->pos, "cannot use statement as value");
	}
	return ast_new(N_BAD, pos);
}

static Node *
ifstmt(Lexer *lx, Pos pos, Node *hdr, Node *then, Node *els)
{
	Node *n = ast_new(N_IF, pos);
	Node *cond = hdr->u.fors.cond;
	n->u.ifs.init = hdr->u.fors.init;
	if (cond == NULL && hdr->flags == 2)
		syntax_error_at(lx, hdr->pos, "unexpected newline, expecting { after if clause");
	else if (cond == NULL)
		syntax_error_at(lx, hdr->flags ? hdr->pos : then->pos,
				"missing condition in if statement");
	n->u.ifs.cond = cond ? simple_cond(lx, cond, "if") : ast_new(N_BAD, then->pos);
	n->u.ifs.then = then;
	n->u.ifs.els = els;
	return n;
}

static Node *
forstmt(Lexer *lx, Pos pos, Node *hdr, Node *body)
{
	if (hdr->kind == N_RANGE) {
		hdr->pos = pos;
		hdr->u.range.body = body;
		return hdr;
	}
	Node *n = ast_new(N_FOR, pos);
	n->u.fors.init = hdr->u.fors.init;
	n->u.fors.cond = simple_cond(lx, hdr->u.fors.cond, "for");
	n->u.fors.post = hdr->u.fors.post;
	if (n->u.fors.post && n->u.fors.post->kind == N_ASSIGN && n->u.fors.post->u.assign.define)
		syntax_error_at(lx, n->u.fors.post->pos,
				"cannot declare in post statement of for loop");
	n->u.fors.body = body;
	return n;
}

// is_guard reports whether x is x.(type).
static bool
is_guard(Node *x)
{
	return x && x->kind == N_TYPEASSERT && x->u.assert.type == NULL;
}

static Node *
switchstmt(Lexer *lx, Pos pos, Node *hdr, NodeList clauses, Pos rbrace)
{
	Node *s = hdr->u.fors.cond;
	bool ts = false;
	if (s && s->kind == N_EXPRSTMT && is_guard(s->u.x))
		ts = true;
	else if (s && s->kind == N_ASSIGN && s->u.assign.define && s->u.assign.lhs.len == 1 &&
		 s->u.assign.lhs.v[0]->kind == N_IDENT && s->u.assign.rhs.len == 1 &&
		 is_guard(s->u.assign.rhs.v[0]))
		ts = true;
	Node *n = ast_new(ts ? N_TYPESWITCH : N_SWITCH, pos);
	n->u.sw.init = hdr->u.fors.init;
	n->u.sw.tag = ts ? s : simple_cond(lx, s, "switch");
	n->u.sw.body = clauses;
	n->u.sw.rbrace = rbrace;
	return n;
}

static Node *
clause(NodeKind k, Pos pos, NodeList list, bool isdefault, Pos colon, NodeList body)
{
	Node *n = ast_new(k, pos);
	n->u.clause.list = list;
	n->u.clause.isdefault = isdefault;
	n->u.clause.colon = colon;
	n->u.clause.body = body;
	return n;
}

// callstmt builds go f() / defer f(), with gc's complaints about other expressions.
static Node *
callstmt(Lexer *lx, NodeKind k, Pos pos, Node *x, const char *kw)
{
	if (x->kind == N_PAREN) {
		lex_error(lx, x->pos, "expression in %s must not be parenthesized", kw);
		while (x->kind == N_PAREN)
			x = x->u.x;
	}
	if (x->kind != N_CALL) {
		lex_error(lx, x->pos, "expression in %s must be function call", kw);
		Node *c = ast_new(N_CALL, x->pos);
		c->u.call.fun = x;
		x = c;
	}
	return node1(k, pos, x);
}

static Node *
branch(Pos pos, BranchKind k, Sym *label, Pos lpos)
{
	Node *n = ast_new(N_BRANCH, pos);
	n->u.branch.kind = k;
	n->u.branch.label = label;
	n->u.branch.labelpos = lpos;
	return n;
}

static Node *
composite(Pos pos, Node *type, NodeList elts, Pos rbrace)
{
	Node *n = ast_new(N_COMPOSITE, pos);
	n->u.comp.type = type;
	n->u.comp.elts = elts;
	n->u.comp.rbrace = rbrace;
	return n;
}

static Node *
slice(Lexer *lx, Pos pos, Node *x, Node *lo, Node *hi, Node *max, bool three, Pos colon2,
      Pos rbrack)
{
	Node *n = ast_new(N_SLICEEXPR, pos);
	n->u.slice.x = x;
	n->u.slice.lo = lo;
	n->u.slice.hi = hi;
	n->u.slice.max = max;
	n->u.slice.three = three;
	if (three && hi == NULL) {
		lex_error(lx, colon2, "middle index required in 3-index slice");
		n->u.slice.hi = ast_new(N_BAD, colon2);
	}
	if (three && max == NULL) {
		lex_error(lx, rbrack, "final index required in 3-index slice");
		n->u.slice.max = ast_new(N_BAD, rbrack);
	}
	return n;
}

static Node *
chantype(Pos pos, ChanDir dir, Node *elem)
{
	Node *n = ast_new(N_CHANTYPE, pos);
	n->u.chan.dir = dir;
	n->u.chan.elem = elem;
	return n;
}

// ---- the custom error hook: collect what syntaxerr.c needs ----

// list_context names the list the parser is in, from the symbol below the innermost open
// bracket on its stack (gc's list() contexts): 'A' argument list (after an operand), 'P'
// parameter list (after func, a function's name or its parameters), 'G' grouped
// declaration (after import, var, const, type), 'S' struct type, 'I' interface type,
// 'E' a parenthesized expression; 0 for anything else.
static char
list_context(const yypcontext_t *ctx)
{
	int close[3] = {0, 0, 0}; // ) ] } met going down
	for (yy_state_t *sp = ctx->yyssp; *sp != 0; sp--) {
		const char *sym = yysymbol_name(YY_ACCESSING_SYMBOL(*sp));
		const char *below = sp[-1] == 0 && sp[0] == 0 ? "" :
				    yysymbol_name(YY_ACCESSING_SYMBOL(sp[-1]));
		if (strcmp(sym, "')'") == 0)
			close[0]++;
		else if (strcmp(sym, "']'") == 0)
			close[1]++;
		else if (strcmp(sym, "'}'") == 0)
			close[2]++;
		else if (strcmp(sym, "'('") == 0 && close[0]-- == 0) {
			if (strncmp(below, "pexpr", 5) == 0 || strcmp(below, "nameish") == 0 ||
			    strcmp(below, "othertype") == 0 || strcmp(below, "fntype") == 0 ||
			    strcmp(below, "pseudocall") == 0)
				return 'A';
			if (strcmp(below, "func") == 0 || strcmp(below, "name") == 0 ||
			    strcmp(below, "')'") == 0)
				return 'P';
			if (strcmp(below, "import") == 0 || strcmp(below, "var") == 0 ||
			    strcmp(below, "const") == 0 || strcmp(below, "type") == 0)
				return 'G';
			return 'E';
		} else if (strcmp(sym, "'['") == 0 && close[1]-- == 0) {
			return 0;
		} else if ((strcmp(sym, "'{'") == 0 || strcmp(sym, "lbrace") == 0 ||
			    strcmp(sym, "{ (body)") == 0 || strcmp(sym, "body_open") == 0) &&
			   close[2]-- == 0) {
			if (strcmp(below, "struct") == 0)
				return 'S';
			if (strcmp(below, "interface") == 0)
				return 'I';
			return 0;
		}
	}
	return 0;
}

static int
yyreport_syntax_error(const yypcontext_t *ctx, Lexer *lx)
{
	lx->listctx = list_context(ctx);
	yysymbol_kind_t exp[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
	const char *names[YYNTOKENS];
	if (n < 0)
		n = 0;
	for (int i = 0; i < n; i++)
		names[i] = yysymbol_name(exp[i]);
	yysymbol_kind_t tok = yypcontext_token(ctx);
	syntax_error_report(lx, yypcontext_location(ctx)->pos, yysymbol_name(tok), names, n,
			    (int)*ctx->yyssp);
	return 0;
}

// parse_run runs the parser over the lexer's file; the result is lx->result (NULL when
// not even the package clause parsed).
Node *
parse_run(Lexer *lx)
{
	yyparse(lx);
	return lx->result;
}

// recv builds <-x; when x is a channel type, <- belongs to it instead (<-chan T), as in
// gc: <-chan chan<- E becomes <-chan (<-chan E)... with gc's complaints for the invalid
// forms.
static Node *
recv(Lexer *lx, Pos pos, Node *x)
{
	if (x->kind != N_CHANTYPE)
		return unary(pos, AOP_RECV, x);
	ChanDir dir = CHAN_SEND;
	Node *t = x;
	while (dir == CHAN_SEND && t->kind == N_CHANTYPE) {
		dir = t->u.chan.dir;
		if (dir == CHAN_RECV)
			syntax_error_at(lx, lx->tokpos, "unexpected <-, expecting chan");
		t->u.chan.dir = CHAN_RECV;
		t = t->u.chan.elem;
	}
	if (dir == CHAN_SEND)
		syntax_error_at(lx, lx->tokpos, "unexpected %s, expecting chan",
				t->kind == N_IDENT ? t->u.ident.name->name : "type");
	return x; // gc keeps the position of 'chan'
}
