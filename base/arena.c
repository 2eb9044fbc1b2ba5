// arena.c: chunked bump allocator. Memory is handed out zeroed and 16-byte aligned from
// chunks that are only ever released all at once (arena_reset, arena_free), which is the
// whole memory policy of the compiler: no pass frees anything piecemeal.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

typedef struct Chunk {
	struct Chunk *next;
	size_t size; // usable bytes after the header
	size_t used;
} Chunk;

struct Arena {
	Chunk *head;       // current chunk; older ones follow
	size_t chunk_size; // default usable size of a new chunk
};

static Arena perm_arena = {NULL, 1 << 20};
Arena *perm = &perm_arena;

#define HDR ((sizeof(Chunk) + 15) & ~(size_t)15)

static Chunk *
new_chunk(size_t size)
{
	Chunk *c = calloc(1, HDR + size);
	if (!c)
		die("out of memory");
	c->size = size;
	return c;
}

// arena_new returns an empty arena whose chunks hold chunk_bytes each (more for big
// requests).
Arena *
arena_new(size_t chunk_bytes)
{
	Arena *a = calloc(1, sizeof(Arena));
	if (!a)
		die("out of memory");
	a->chunk_size = chunk_bytes ? chunk_bytes : 1 << 16;
	return a;
}

// arena_alloc returns bytes of zeroed, 16-byte aligned memory that lives until the
// arena is reset or freed.
void *
arena_alloc(Arena *a, size_t bytes)
{
	bytes = (bytes + 15) & ~(size_t)15;
	if (bytes == 0)
		bytes = 16;
	Chunk *c = a->head;
	if (!c || c->size - c->used < bytes) {
		size_t size = bytes > a->chunk_size ? bytes : a->chunk_size;
		c = new_chunk(size);
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c + HDR + c->used;
	c->used += bytes;
	return p;
}

// arena_strndup copies n bytes of s and adds a NUL.
char *
arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

// arena_vsprintf formats into a new string in a.
// GCC 12 with -fsanitize=undefined wrongly reports "null format string" here
// (-Wformat-truncation); fmt is never NULL.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
char *
arena_vsprintf(Arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}
#pragma GCC diagnostic pop

// arena_sprintf formats into a new string in a.
char *
arena_sprintf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vsprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

// arena_reset drops everything allocated in a but keeps its newest chunk for reuse.
void
arena_reset(Arena *a)
{
	Chunk *c = a->head;
	if (!c)
		return;
	Chunk *rest = c->next;
	while (rest) {
		Chunk *n = rest->next;
		free(rest);
		rest = n;
	}
	c->next = NULL;
	memset((char *)c + HDR, 0, c->used);
	c->used = 0;
}

// arena_free releases a and all its memory.
void
arena_free(Arena *a)
{
	Chunk *c = a->head;
	while (c) {
		Chunk *n = c->next;
		free(c);
		c = n;
	}
	if (a != perm)
		free(a);
	else
		a->head = NULL;
}

// vec_grow_ doubles the capacity of a VEC's buffer, copying it within arena a.
void
vec_grow_(Arena *a, void **v, int *cap, size_t elem)
{
	int ncap = *cap ? *cap * 2 : 4;
	void *nv = arena_alloc(a, elem * (size_t)ncap);
	if (*cap)
		memcpy(nv, *v, elem * (size_t)*cap);
	*v = nv;
	*cap = ncap;
}
