// base.h: the compiler's common vocabulary: positions, arenas, vectors, interned
// symbols, bitsets, the file table and the diagnostic sink. Every other folder of the
// compiler (not runtime/) includes this header first.
//
// Invariants: arena memory is zeroed and 16-byte aligned and lives until its arena is
// reset or freed; a Sym is unique per spelling, so symbols compare by pointer.
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

#define PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define UNUSED(x) ((void)(x))

// ---- positions (files.c) ----

// Pos is a source position; all fields 1-based, file 0 means unknown.
typedef struct Pos {
	int32_t file; // index in the file table; 0: unknown position
	int32_t line; // 1-based line
	int32_t col;  // 1-based column in bytes, as gc counts it
} Pos;

int file_add(const char *path, const char *text, size_t len); // returns the new file index
const char *file_path(int file);                              // path as given on the command line
const char *file_text(int file, size_t *len);                 // NUL-terminated contents
char *file_read(const char *path, size_t *len); // malloc'd contents or NULL (errno set)
int pos_cmp(Pos a, Pos b);                       // orders by file, line, column
const char *pos_string(Pos p);                   // "path:line:col" in the permanent arena

// ---- arenas (arena.c) ----

typedef struct Arena Arena;
Arena *arena_new(size_t chunk_bytes);
void *arena_alloc(Arena *a, size_t bytes); // zeroed, 16-byte aligned; dies on OOM
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_sprintf(Arena *a, const char *fmt, ...) PRINTF(2, 3);
char *arena_vsprintf(Arena *a, const char *fmt, va_list ap);
void arena_reset(Arena *a); // drop everything, keep one chunk
void arena_free(Arena *a);
extern Arena *perm; // the permanent arena: source, AST, types, symbols, diagnostics

#define NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define NEWARR(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

// VEC(T) is a growable array inside an arena; the old buffer is abandoned on growth.
#define VEC(T)                                                                             \
	struct {                                                                           \
		T *v;                                                                      \
		int len, cap;                                                              \
	}
void vec_grow_(Arena *a, void **v, int *cap, size_t elem); // doubles *cap
#define vec_push(a, vec, x)                                                                \
	do {                                                                               \
		if ((vec).len == (vec).cap)                                                \
			vec_grow_((a), (void **)&(vec).v, &(vec).cap, sizeof(*(vec).v));    \
		(vec).v[(vec).len++] = (x);                                                \
	} while (0)

// ---- symbols (sym.c) ----

// Sym is an interned identifier; compare by pointer.
typedef struct Sym {
	const char *name; // NUL-terminated spelling
	int len;          // length in bytes
	uint32_t hash;    // hash of the spelling
	struct Sym *next; // hash chain, private to sym.c
} Sym;
Sym *sym_intern(const char *s, int len);
Sym *sym_cstr(const char *s);

// ---- string building (strbuf.c) ----

// StrBuf is a growable NUL-terminated string in the permanent arena; zero-initialise it.
typedef struct StrBuf {
	char *p;    // the text, NUL-terminated; NULL until something is appended
	size_t len; // bytes used, without the NUL
	size_t cap; // bytes allocated
} StrBuf;
void sb_put(StrBuf *b, const char *s);
const char *sb_str(const StrBuf *b);

// ---- bitsets (bitset.c) ----

typedef struct Bitset {
	uint64_t *w; // words
	int n;       // number of bits
} Bitset;
Bitset bitset_new(Arena *a, int n); // all clear
void bitset_set(Bitset b, int i);
void bitset_clear(Bitset b, int i);
bool bitset_has(Bitset b, int i);
bool bitset_union(Bitset dst, Bitset src); // dst |= src; true if dst changed
void bitset_copy(Bitset dst, Bitset src);
void bitset_zero(Bitset b);
bool bitset_equal(Bitset a, Bitset b);
int bitset_count(Bitset b);

// ---- diagnostics (diag.c) ----

// Options that change how diagnostics are reported.
extern bool diag_no_limit;   // -e: report every error, not just the first 10
extern bool diag_abort_ice;  // GOSUB_ABORT=1: internal errors abort() for gdb
extern const char *diag_pass; // name of the running pass, for internal error messages

void error_at(Pos pos, const char *fmt, ...) PRINTF(2, 3); // user error; compilation goes on
void warn_at(Pos pos, const char *fmt, ...) PRINTF(2, 3);  // -m lines and other notes
noreturn void fatal_at(Pos pos, const char *fmt, ...) PRINTF(2, 3); // internal compiler error
noreturn void die(const char *fmt, ...) PRINTF(1, 2); // tool error: bad flag, unreadable file
bool diag_stop(void); // flush buffered diagnostics; true if any error was ever reported
int diag_nerrors(void);
void diag_flush(void);
