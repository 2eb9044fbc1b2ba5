// grammar.h: the grammar stage's only interface: Go source text -> AST.
#pragma once

#include "base/base.h"
#include "frontend/frontend.h"

// parse_file parses the text of a file registered with file_add and returns its N_FILE
// node, partial after syntax errors (NULL if even the package clause is missing).
// Lexical and syntax errors are reported through error_at in gc's words.
Node *parse_file(int fileidx);

// parse_string registers src under name in the file table and parses it.
Node *parse_string(const char *name, const char *src);
