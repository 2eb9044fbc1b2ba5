// parsetest.c: runs the grammar stage alone. `parsetest [-dump] [-errors] FILE...` parses
// each file, prints the AST with -dump, flushes diagnostics and exits 1 if any error was
// reported (with -errors the test expects errors instead: exit 0 only if there were some).
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "grammar/grammar.h"

int
main(int argc, char **argv)
{
	bool dump = false, want_errors = false;
	diag_no_limit = true;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-dump") == 0) {
			dump = true;
			continue;
		}
		if (strcmp(argv[i], "-errors") == 0) {
			want_errors = true;
			continue;
		}
		size_t len;
		char *text = file_read(argv[i], &len);
		if (!text)
			die("%s: %s", argv[i], strerror(errno));
		Node *f = parse_file(file_add(argv[i], text, len));
		if (dump && f)
			ast_dump(f, 0);
	}
	bool errs = diag_stop();
	return want_errors ? !errs : errs;
}
