// strbuf.c: a growable NUL-terminated string in the permanent arena, for the printers
// that build messages and names piece by piece (type_string, expr_string, codegen's
// %T names). The buffer doubles when full; an abandoned buffer stays in the arena.
#include <string.h>

#include "base/base.h"

// sb_put appends the NUL-terminated string s.
void
sb_put(StrBuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *np = arena_alloc(perm, cap);
		if (b->len)
			memcpy(np, b->p, b->len);
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

// sb_str returns the text built so far ("" when nothing was appended).
const char *
sb_str(const StrBuf *b)
{
	return b->p ? b->p : "";
}
