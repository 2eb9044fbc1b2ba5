// gram.h: private to grammar/: the lexer state the flex scanner, the bison parser and the
// syntax error reporter share. Nothing outside grammar/ includes it.
#pragma once

#include "base/base.h"
#include "frontend/frontend.h"

// Lexer: the state of one parse. The flex scanner and the bison parser are both
// reentrant; everything they share lives here.
typedef struct Lexer {
	void *scanner;     // flex's yyscan_t
	int file;          // file table index
	const char *buf;   // cleaned text (NUL, invalid UTF-8 and stray BOM bytes removed)
	size_t len;        // its length
	int *gapoff;       // offsets in buf where bytes were removed (ascending)
	int *gapn;         // how many bytes were removed at gapoff[i]
	int ngap;
	size_t off;        // offset of the next unread byte of buf
	int line;          // line of that byte
	size_t linestart;  // offset in buf of that line's first byte
	// the position base set by the last //line or /*line*/ directive (gc's PosBase):
	// positions at or after (baseline, basecol) in the file report file basefile, line
	// relline + (line - baseline) and, on the base's own line, column relcol + (col -
	// basecol) (relcol 0: the column is unknown and printed as 0 until the next directive)
	bool hasbase;      // a directive is in effect
	int basefile;      // file table index of the directive's file name
	int baseline, basecol; // where the base starts, in the file's own coordinates
	int relline, relcol;   // the line and column the directive gives to that place
	bool nlsemi;       // a newline or EOF here becomes ';'
	VEC(char) nest;    // bracket stack: 'P' ( or [, 'B' {, a header mark (lex.l's op)
	// the most recent token, for error messages
	const char *toktext; // gc's spelling: "name x", "literal 42", "newline", "{", ...
	Pos tokpos;          // its position
	const char *prevtext; // the spelling of the token before it
	int lastsynline;     // line of the last syntax error reported (one per line, like gc)
	int nsynerr;         // syntax and lexical errors reported
	bool eofsemi;        // the ';' at EOF has been delivered
	Node *result;        // the N_FILE node, once the package clause parsed
	const char *pendmsg; // a syntax error to report at the next token's position
	struct Recov *recov; // error recovery state, private to parse.y
	VEC(Pos) checkpos;   // errors gc's type checker reports (see check_error), held back
	VEC(const char *) checkmsg; // until the parse ends without syntax errors
	VEC(Node *) bodies;  // every function body (N_BLOCK), for branches.c
	VEC(Pos) errpos;     // where syntax and lexical errors were reported
	char poppedhdr;      // the header mark the last '}' dropped (an unclosed header), or 0
	char listctx;        // the list a syntax error is in (parse.y's list_context)
	char stmtstart;      // the last error was at a statement's start: 'B' in a block,
			     // 'C' in a case clause (syntaxerr.c tells parse.y's recovery)
} Lexer;

Pos lex_pos(Lexer *lx, size_t off);      // position of byte offset off in buf
Pos pos_plus(Pos p, int n);              // n columns to the right (an unknown column stays 0)
void lex_error(Lexer *lx, Pos pos, const char *fmt, ...) PRINTF(3, 4);
void lex_header_end(Lexer *lx, int depth); // the parser found a statement body opener
void lex_close_brace(Lexer *lx);         // the parser invented a '}'
void lex_push_brace(Lexer *lx);          // the parser invented a '{'
char lex_header_phase(Lexer *lx);        // the innermost header mark (lex.l's op) or 0
bool uni_is_letter(uint32_t c);          // unicode.IsLetter
bool uni_is_digit(uint32_t c);           // unicode.IsDigit
bool uni_is_print(uint32_t c);           // strconv.IsPrint, approximately
const char *quote_rune(uint32_t c);      // Go's %q of a rune: 'a', '\n', '\x00'
const char *fmt_U(uint32_t c);           // Go's %#U: U+0023 '#'

// branches.c
void branches_check(Lexer *lx);

// syntaxerr.c
void check_error(Lexer *lx, Pos pos, const char *msg);
void check_errors_flush(Lexer *lx);
const char *lex_header_kind(Lexer *lx); // "if", "for", "switch" or NULL: the open header
void syntax_error_at(Lexer *lx, Pos pos, const char *fmt, ...) PRINTF(3, 4);
void syntax_error_report(Lexer *lx, Pos pos, const char *tok, const char **expected, int n,
			 int state);
