// syntaxerr.c: syntax error messages in gc's words: "syntax error: unexpected X,
// expecting Y", "unexpected X at end of statement", "... after top level declaration",
// "... in composite literal; possibly missing comma or }" and the like, at most one per
// line (gc keeps only the first syntax error of each line).
//
// Algorithm: bison's custom error hook (parse.y) hands over the unexpected token and the
// exact set of tokens the parser could shift there (LAC makes that set accurate). The
// context gc would name is recovered from that set and from the lexer's bracket stack:
// a set that allows ';' means a complete statement (or top-level declaration) was
// followed by something else; ',' with ')' or '}' means a list; one expected token is
// named; expression starters become "expression". A few (token, set) pairs get gc's
// special wordings (missing { after if/for/switch clause, for loop condition).
//
// Also here: the lexer's error reporter and the %q / %#U renderings of runes.
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "grammar/gram.h"

// syntax_error_at reports "syntax error: msg" unless this line already has one.
void
syntax_error_at(Lexer *lx, Pos pos, const char *fmt, ...)
{
	lx->nsynerr++;
	vec_push(perm, lx->errpos, pos);
	if (pos.line == lx->lastsynline)
		return;
	lx->lastsynline = pos.line;
	va_list ap;
	va_start(ap, fmt);
	char *msg = arena_vsprintf(perm, fmt, ap);
	va_end(ap);
	error_at(pos, "syntax error: %s", msg);
}

// check_error records an error that gc's type checker (not its parser) reports, so that
// it is reported only when the file has no syntax errors (gc stops after those).
void
check_error(Lexer *lx, Pos pos, const char *msg)
{
	vec_push(perm, lx->checkpos, pos);
	vec_push(perm, lx->checkmsg, msg);
}

// check_errors_flush reports the errors check_error held back, unless the file had
// syntax or lexical errors.
void
check_errors_flush(Lexer *lx)
{
	if (lx->nsynerr > 0)
		return;
	for (int i = 0; i < lx->checkpos.len; i++)
		error_at(lx->checkpos.v[i], "%s", lx->checkmsg.v[i]);
}

// lex_error reports a lexical error, or another error gc's parser reports without the
// "syntax error" prefix; like syntax errors, it stops the compilation after parsing.
void
lex_error(Lexer *lx, Pos pos, const char *fmt, ...)
{
	lx->nsynerr++;
	vec_push(perm, lx->errpos, pos);
	va_list ap;
	va_start(ap, fmt);
	char *msg = arena_vsprintf(perm, fmt, ap);
	va_end(ap);
	error_at(pos, "%s", msg);
}

static bool
has(const char **exp, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(exp[i], name) == 0)
			return true;
	return false;
}

// gcname returns gc's spelling of an expected token (bison's symbol names are the
// quoted spellings of parse.y).
static const char *
gcname(const char *s)
{
	static char buf[64];
	if (strcmp(s, "','") == 0)
		return "comma";
	if (strcmp(s, "';'") == 0)
		return "semicolon or newline";
	if (strcmp(s, "{ (body)") == 0)
		return "{";
	size_t n = strlen(s);
	if (n >= 2 && (s[0] == '\'' || s[0] == '"') && n - 2 < sizeof buf) {
		memcpy(buf, s + 1, n - 2);
		buf[n - 2] = 0;
		return buf;
	}
	return s;
}

// header_mark returns the lexer's mark of the innermost open statement header (see
// lex.l's op: I S F, i s f g r by phase), or 0.
static char
header_mark(Lexer *lx, bool brace_on_top)
{
	int top = lx->nest.len - 1;
	if (brace_on_top && top >= 0 && lx->nest.v[top] == 'B')
		top--; // the unexpected token itself pushed it
	for (int i = top; i >= 0; i--) {
		char c = lx->nest.v[i];
		if (c == 'B')
			return 0;
		if (c != 'P')
			return c;
	}
	return 0;
}

// header_kind returns the keyword of the innermost open statement header, or NULL.
static const char *
header_kind(Lexer *lx, bool brace_on_top)
{
	switch (header_mark(lx, brace_on_top) | 0x20) {
	case 'i':
		return "if";
	case 'f':
	case 'g':
	case 'r':
		return "for";
	case 's':
		return "switch";
	}
	return NULL;
}

// lex_header_kind returns the keyword of the innermost open statement header, or NULL.
const char *
lex_header_kind(Lexer *lx)
{
	return header_kind(lx, false);
}

static bool
in_braces(Lexer *lx, bool brace_on_top)
{
	int n = lx->nest.len;
	if (brace_on_top && n > 0 && lx->nest.v[n - 1] == 'B')
		n--; // the unexpected token itself pushed it
	for (int i = 0; i < n; i++)
		if (lx->nest.v[i] == 'B')
			return true;
	return false;
}

// syntax_error_report words a syntax error detected by the parser at pos. tok is the
// bison name of the unexpected token (its spelling is lx->toktext); expected lists the
// bison names of the tokens that were acceptable.
void
syntax_error_report(Lexer *lx, Pos pos, const char *tok, const char **expected, int n,
		    int state)
{
	lx->stmtstart = 0;
	const char *t = lx->toktext ? lx->toktext : tok;
	bool ateof = strcmp(tok, "end of file") == 0;
	if (ateof)
		t = "EOF";
	// gc: after a first error, complaints at the end of the file are meaningless
	// (the ';' that EOF stands for after a token ending a statement is not EOF)
	if (ateof && lx->nsynerr > 0)
		return;
	if (n == 1 && strcmp(expected[0], "package") == 0) {
		syntax_error_at(lx, pos, "package statement must be first");
		return;
	}
	bool brace = strcmp(tok, "{ (body)") == 0 || strcmp(tok, "'{'") == 0;
	bool exprstart = has(expected, n, "literal") && has(expected, n, "func");
	bool typestart = has(expected, n, "struct") && has(expected, n, "map");
	const char *hk = header_kind(lx, brace);
	if (strcmp(tok, "'}'") == 0 && lx->poppedhdr)
		hk = lx->poppedhdr == 's' || lx->poppedhdr == 'S' ? "switch" :
		     (lx->poppedhdr | 0x20) == 'i' ? "if" : "for";

	if (strcmp(lx->prevtext ? lx->prevtext : "", "...") == 0 && typestart && !exprstart &&
	    has(expected, n, "'('")) {
		syntax_error_at(lx, pos, "... is missing type");
		return;
	}
	if (strcmp(lx->prevtext ? lx->prevtext : "", "chan") == 0 && typestart && !exprstart) {
		syntax_error_at(lx, pos, "missing channel element type");
		return;
	}
	if (strcmp(tok, "var") == 0 && hk && exprstart) {
		syntax_error_at(lx, pos, "var declaration not allowed in %s initializer", hk);
		return;
	}
	if (strcmp(tok, "{ (body)") == 0 && hk && strcmp(hk, "for") == 0 &&
	    has(expected, n, "';'") && exprstart) {
		syntax_error_at(lx, pos, "unexpected {, expecting for loop condition");
		return;
	}
	char hm = header_mark(lx, brace);
	if (strcmp(tok, "'}'") == 0) // the '}' closed the header's block in the lexer
		hm = lx->poppedhdr;
	bool semi = strcmp(tok, "';'") == 0;
	if (hk && has(expected, n, "{ (body)")) {
		// gc: before the header's first ';' it wants '{'; after it, a body
		if (hm == 's')
			syntax_error_at(lx, pos, "missing { after switch clause");
		else if (hm == 'i' || hm == 'g' || hm == 'r')
			syntax_error_at(lx, pos, "unexpected %s, expecting { after %s clause", t, hk);
		else
			syntax_error_at(lx, pos, "unexpected %s, expecting {", t);
		return;
	}
	if (hm == 'f' && has(expected, n, "';'") && !exprstart) {
		syntax_error_at(lx, pos, "unexpected %s, expecting semicolon or newline", t);
		return;
	}
	if (has(expected, n, "':'") && !has(expected, n, "';'") && !has(expected, n, "'}'") &&
	    !has(expected, n, "']'") && !exprstart) {
		syntax_error_at(lx, pos, "unexpected %s, expecting :", t); // a case clause
		return;
	}
	if (has(expected, n, "case") && has(expected, n, "default") && has(expected, n, "'}'") &&
	    n == 3) {
		syntax_error_at(lx, pos, "unexpected %s, expecting case or default or }", t);
		return;
	}
	if (has(expected, n, "if") && has(expected, n, "for") && has(expected, n, "'}'") &&
	    !semi) {
		// a token that cannot start a statement: gc's statement list ends there
		if (has(expected, n, "case")) {
			lx->stmtstart = 'C';
			syntax_error_at(lx, pos, "unexpected %s, expecting case or default or }", t);
		} else {
			lx->stmtstart = 'B';
			syntax_error_at(lx, pos, "unexpected %s, expecting }", t);
		}
		return;
	}
	if (has(expected, n, "if") && n <= 2 && has(expected, n, "'{'")) {
		syntax_error_at(lx, pos, "else must be followed by if or statement block");
		return;
	}
	if (has(expected, n, "func") && has(expected, n, "var") &&
	    has(expected, n, "const") && !exprstart) {
		if (strcmp(tok, "'{'") == 0)
			syntax_error_at(lx, pos, "unexpected semicolon or newline before {");
		else
			syntax_error_at(lx, pos, "non-declaration statement outside function body");
		return;
	}
	if (typestart && has(expected, n, "'='") && !has(expected, n, "','") && !exprstart) {
		syntax_error_at(lx, pos, "unexpected %s in type declaration", t);
		return;
	}
	if (typestart && !exprstart && n > 2) {
		syntax_error_at(lx, pos, "unexpected %s, expecting type", t);
		return;
	}
	char lc = lx->listctx;
	const char *lname = lc == 'A' ? "argument list" : lc == 'P' ? "parameter list" :
			    lc == 'G' ? "grouped declaration" : lc == 'S' ? "struct type" :
			    lc == 'I' ? "interface type" : NULL;
	if (lname && ateof) { // gc's list() stops at EOF and wants its closing token
		syntax_error_at(lx, pos, "unexpected EOF, expecting %s",
				lc == 'A' || lc == 'P' || lc == 'G' ? ")" : "}");
		return;
	}
	if ((lc == 'G' || lc == 'S' || lc == 'I') && has(expected, n, "';'") && !exprstart &&
	    (has(expected, n, "')'") || has(expected, n, "'}'"))) {
		syntax_error_at(lx, pos,
				"unexpected %s in %s; possibly missing semicolon or newline or %s", t,
				lname, lc == 'G' ? ")" : "}");
		return;
	}
	if (has(expected, n, "';'") && !exprstart) {
		if (in_braces(lx, brace))
			syntax_error_at(lx, pos, "unexpected %s at end of statement", t);
		else
			syntax_error_at(lx, pos, "unexpected %s after top level declaration", t);
		return;
	}
	if (has(expected, n, "','") && !exprstart) {
		if (has(expected, n, "')'") && (lc == 'A' || lc == 'P')) {
			syntax_error_at(lx, pos,
					"unexpected %s in %s; possibly missing comma or )", t, lname);
			return;
		}
		if (has(expected, n, "')'") && lc == 'E') {
			syntax_error_at(lx, pos, "unexpected %s, expecting )", t);
			return;
		}
		if (has(expected, n, "'}'")) {
			syntax_error_at(lx, pos,
					"unexpected %s in composite literal; possibly missing comma or }",
					t);
			return;
		}
	}
	if (exprstart) {
		syntax_error_at(lx, pos, "unexpected %s, expecting expression", t);
		return;
	}
	const char *prev = lx->prevtext ? lx->prevtext : "";
	if (n == 2 && has(expected, n, "name") && has(expected, n, "'('") &&
	    (!strcmp(prev, "var") || !strcmp(prev, "const") || !strcmp(prev, "type"))) {
		// after var, const or type gc parses one spec unless it sees '('
		syntax_error_at(lx, pos, "unexpected %s, expecting name", t);
		return;
	}
	if (n == 1) {
		syntax_error_at(lx, pos, "unexpected %s, expecting %s", t, gcname(expected[0]));
		return;
	}
	if (n == 2) {
		char a[64];
		snprintf(a, sizeof a, "%s", gcname(expected[0]));
		syntax_error_at(lx, pos, "unexpected %s, expecting %s or %s", t, a,
				gcname(expected[1]));
		return;
	}
	syntax_error_at(lx, pos, "unexpected %s", t);
}

// quote_rune renders c as Go's %q does for a rune: 'a', '\n', '\'', '\x00', '\u00a0'.
const char *
quote_rune(uint32_t c)
{
	switch (c) {
	case '\a':
		return "'\\a'";
	case '\b':
		return "'\\b'";
	case '\f':
		return "'\\f'";
	case '\n':
		return "'\\n'";
	case '\r':
		return "'\\r'";
	case '\t':
		return "'\\t'";
	case '\v':
		return "'\\v'";
	case '\\':
		return "'\\\\'";
	case '\'':
		return "'\\''";
	}
	if (uni_is_print(c)) {
		char b[5] = {0};
		if (c < 0x80)
			b[0] = (char)c;
		else if (c < 0x800)
			b[0] = (char)(0xC0 | c >> 6), b[1] = (char)(0x80 | (c & 0x3F));
		else if (c < 0x10000)
			b[0] = (char)(0xE0 | c >> 12), b[1] = (char)(0x80 | (c >> 6 & 0x3F)),
			b[2] = (char)(0x80 | (c & 0x3F));
		else
			b[0] = (char)(0xF0 | c >> 18), b[1] = (char)(0x80 | (c >> 12 & 0x3F)),
			b[2] = (char)(0x80 | (c >> 6 & 0x3F)), b[3] = (char)(0x80 | (c & 0x3F));
		return arena_sprintf(perm, "'%s'", b);
	}
	if (c < 0x80)
		return arena_sprintf(perm, "'\\x%02x'", c);
	if (c < 0x10000)
		return arena_sprintf(perm, "'\\u%04x'", c);
	return arena_sprintf(perm, "'\\U%08x'", c);
}

// fmt_U renders c as Go's %#U: U+0023 '#', or just U+0007 when not printable.
const char *
fmt_U(uint32_t c)
{
	if (c <= 0x10FFFF && uni_is_print(c) && c != '\'' && c != '\\') {
		const char *q = quote_rune(c);
		return arena_sprintf(perm, "U+%04X %s", c, q);
	}
	if (c == '\'' || c == '\\')
		return arena_sprintf(perm, "U+%04X '%c'", c, (char)c);
	return arena_sprintf(perm, "U+%04X", c);
}
