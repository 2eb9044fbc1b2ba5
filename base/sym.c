// sym.c: identifier interning. Every spelling maps to one Sym in the permanent arena, so
// the rest of the compiler compares identifiers by pointer and never calls strcmp on
// them. The table is an open hash with chaining that doubles when it is 3/4 full.
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static Sym **table;
static uint32_t nbuckets, nsyms;

static uint32_t
hash_bytes(const char *s, int len)
{
	uint32_t h = 2166136261u; // FNV-1a
	for (int i = 0; i < len; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static void
rehash(void)
{
	uint32_t n = nbuckets ? nbuckets * 2 : 1024;
	Sym **t = calloc(n, sizeof(Sym *));
	if (!t)
		die("out of memory");
	for (uint32_t i = 0; i < nbuckets; i++) {
		Sym *s = table[i];
		while (s) {
			Sym *next = s->next;
			s->next = t[s->hash & (n - 1)];
			t[s->hash & (n - 1)] = s;
			s = next;
		}
	}
	free(table);
	table = t;
	nbuckets = n;
}

// sym_intern returns the unique Sym spelled by the len bytes at s.
Sym *
sym_intern(const char *s, int len)
{
	if (nsyms * 4 >= nbuckets * 3)
		rehash();
	uint32_t h = hash_bytes(s, len);
	for (Sym *p = table[h & (nbuckets - 1)]; p; p = p->next)
		if (p->hash == h && p->len == len && memcmp(p->name, s, (size_t)len) == 0)
			return p;
	Sym *p = NEW(perm, Sym);
	p->name = arena_strndup(perm, s, (size_t)len);
	p->len = len;
	p->hash = h;
	p->next = table[h & (nbuckets - 1)];
	table[h & (nbuckets - 1)] = p;
	nsyms++;
	return p;
}

// sym_cstr interns a NUL-terminated string.
Sym *
sym_cstr(const char *s)
{
	return sym_intern(s, (int)strlen(s));
}
